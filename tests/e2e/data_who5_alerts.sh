#!/bin/bash
# data_who5_alerts.sh: the WHO-5 single-item rule of the shipped questionnaires.
# Any item answered "Иногда" (1) or "Ни разу" (0) raises an alert for the
# psychologist, for students and teachers alike, even when the index itself is
# in the "good" band; answers of 2 or more raise none.
# usage: data_who5_alerts.sh ANKETA SOURCE_DIR
set -u
anketa=$1
src=$2
source "$src/tests/e2e/lib.bash"
e2e_data_test

# One sitting's five answers (option positions: 1 = "Всё время" (5) ...
# 5 = "Иногда" (1), 6 = "Ни разу" (0)).
answers() { # audience class code survey o1 ... o5
	local aud=$1 cls=$2 code=$3 survey=$4 q=1
	shift 4
	for o in "$@"; do
		printf ',,start,%s,%s,%s,%s,,q%d,%s,,2026-09-15T10:%02d:00Z\n' \
			"$cls" "$aud" "$code" "$survey" "$q" "$o" "$q"
		q=$((q + 1))
	done
}
{
	echo 'sitting_id,device_id,wave,class,audience,respondent,survey_id,survey_version,question_id,value,score,answered_at'
	# s1: 4 + 4 + 4 + 1 + 4 = 17 -> 68 (good), but q4 "Иногда": one alert.
	answers student 8А s1 who5_students 2 2 2 5 2
	# s2: "Меньше половины времени" (2) everywhere = 10 -> 40 (reduced): no alert.
	answers student 8А s2 who5_students 4 4 4 4 4
	# t1: q2 "Ни разу" and q5 "Иногда", the rest "Всё время": 5+0+5+5+1 = 16
	# -> 64 (good): two alerts.
	answers teacher '' t1 who5_teachers 1 6 1 1 5
} >"$tmp/answers.csv"
out=$("$anketa" import --db "$tmp/a.db" --surveys "$src/surveys" "$tmp/answers.csv") ||
	fail "import failed"
[ "$out" = "импортировано прохождений: 3, ответов: 15; уже были в базе: 0" ] || fail "import said: $out"
"$anketa" export scores --db "$tmp/a.db" --surveys "$src/surveys" >"$tmp/scores.csv" ||
	fail "export scores failed"
got=$(tail -n +2 "$tmp/scores.csv" | cut -d, -f5,9,10 | LC_ALL=C sort)
want='s1,68,good
s2,40,reduced
t1,64,good'
[ "$got" = "$want" ] || fail "scores: $got"
"$anketa" export alerts --db "$tmp/a.db" --surveys "$src/surveys" >"$tmp/alerts.csv" ||
	fail "export alerts failed"
# respondent, survey and question of every alert.
got=$(tail -n +2 "$tmp/alerts.csv" | cut -d, -f5,6,8 | LC_ALL=C sort)
want='s1,who5_students,q4
t1,who5_teachers,q2
t1,who5_teachers,q5'
[ "$got" = "$want" ] || fail "alerts: $got"
grep -q 'повод предложить ученику бережную беседу' "$tmp/alerts.csv" || fail "student alert text"
grep -q 'повод предложить педагогу разговор о самочувствии' "$tmp/alerts.csv" || fail "teacher alert text"
echo "data_who5_alerts: ok"
