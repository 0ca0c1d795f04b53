#!/bin/bash
# data_indicators_two_surveys.sh: indicators 1.1 and 1.2 of the shipped ШНОР
# programme list both attitude questionnaires (grades 1-4 and 5-11). Answers
# typed in with `anketa import`, then `anketa export indicators`: one figure
# per class and for the whole school, a student who answered both counted
# once. A programme whose listed survey lacks the scale is refused in Russian.
# usage: data_indicators_two_surveys.sh ANKETA SOURCE_DIR
set -u
anketa=$1
src=$2
source "$src/tests/e2e/lib.bash"
e2e_data_test

# One student's ten answers (option positions q1..q10) to a survey at an hour.
answers() { # class code survey hour o1 ... o10
	local cls=$1 code=$2 survey=$3 hour=$4 q=1
	shift 4
	for o in "$@"; do
		printf ',,interim,%s,student,%s,%s,,q%d,%s,,2027-01-15T%s:%02d:00Z\n' \
			"$cls" "$code" "$survey" "$q" "$o" "$hour" "$q"
		q=$((q + 1))
	done
}
P=school_attitude_primary
S=school_attitude_senior
{
	echo 'sitting_id,device_id,wave,class,audience,respondent,survey_id,survey_version,question_id,value,score,answered_at'
	# 3А, primary (q2, q3, q5, q8, q9 reversed: "Нет" is the best answer):
	# P1 best = 100 % (high), P2 worst = 0 %, P3 all "Иногда" = 100 * 5 / 15
	# = 33 % (low).
	answers 3А P1 $P 09 1 3 3 1 3 1 1 3 3 1
	answers 3А P2 $P 09 3 1 1 3 1 3 3 1 1 3
	answers 3А P3 $P 09 2 2 2 2 2 2 2 2 2 2
	# P4 all "Нет": attitude q3 + q5 + q9 = 9 of 15 = 60 % (medium, external
	# motivation: not "not below average"), motivation 6 of 15 = 40 % (low).
	# P5: scores 3 3 3 3 3 3 1 1 0 0, attitude 10 of 15 = 67 %, motivation
	# 67 % (good, the average norm: counts).
	answers 3А P4 $P 09 3 3 3 3 3 3 3 3 3 3
	answers 3А P5 $P 09 1 3 3 1 3 1 2 2 1 3
	# 7Б, senior (q5, q6, q7, q9, q10 reversed): S1 best = 100 %, S2 "Отчасти"
	# = 33 %.
	answers 7Б S1 $S 10 1 1 1 1 3 3 3 1 3 3
	answers 7Б S2 $S 10 2 2 2 2 2 2 2 2 2 2
	# S3 took the primary one by mistake at 10:xx (worst answers, 0 %), then the
	# senior one at 11:xx (100 %): counts once, by the later sitting -> 2 of 3 in 7Б.
	answers 7Б S3 $P 10 3 1 1 3 1 3 3 1 1 3
	answers 7Б S3 $S 11 1 1 1 1 3 3 3 1 3 3
} >"$tmp/answers.csv"
out=$("$anketa" import --db "$tmp/a.db" --surveys "$src/surveys" "$tmp/answers.csv") ||
	fail "import failed"
[ "$out" = "импортировано прохождений: 9, ответов: 90; уже были в базе: 0" ] || fail "import said: $out"
# The shipped programme counts the classes flagged in the class list.
printf 'class,students,parents,flagged\n3А,5,5,1\n7Б,3,3,1\n' >"$tmp/classes.csv"
"$anketa" classes --db "$tmp/a.db" "$tmp/classes.csv" >/dev/null || fail "classes failed"
"$anketa" export indicators --db "$tmp/a.db" --surveys "$src/surveys" --out "$tmp/ind.csv" ||
	fail "export failed"
# 3А P1 and P5 of 5 = 40.0 % < 50 on both scales (P4's external motivation
# does not count); 7Б 2 of 3 = 66.7 %, but fewer than the programme's 5
# respondents: too few, no met; school 4 of 8 = 50.0 % >= 50, the target of
# the first monitoring stage (interim).
T=',survey,Стартовый этап мониторинга,,,,'
want="shnor,1.1,interim,3А,5,2,40.0,50,no,$T,
shnor,1.1,interim,7Б,3,2,66.7,50,,$T,yes
shnor,1.1,interim,*,8,4,50.0,50,yes,$T,
shnor,1.2,interim,3А,5,2,40.0,50,no,$T,
shnor,1.2,interim,7Б,3,2,66.7,50,,$T,yes
shnor,1.2,interim,*,8,4,50.0,50,yes,$T,"
got=$(grep -E '^shnor,1\.[12],interim,' "$tmp/ind.csv")
[ "$got" = "$want" ] || fail "indicators: $got"
# One row per indicator x wave x class: 1.1 is no longer split by grades.
[ "$(grep -c '^shnor,1\.1,' "$tmp/ind.csv")" = 9 ] || fail "1.1 rows: $(grep '^shnor,1\.1' "$tmp/ind.csv")"

# A listed survey without the scale: each one named at its place in the list.
mkdir "$tmp/programs"
cat >"$tmp/programs/p.yaml" <<'YAML'
id: p
title: P
waves: [start]
indicators:
  - id: "1.1"
    title: T
    survey: [school_attitude_primary, school_anxiety, parents]
    scale: attitude
    levels: [high]
    kind: share
YAML
err=$("$anketa" check --surveys "$src/surveys" "$tmp/programs" 2>&1)
[ $? -eq 1 ] || fail "bad programme: wrong status"
want="$tmp/programs/p.yaml:7:39: показатель 1.1: в опроснике school_anxiety нет шкалы «attitude»
$tmp/programs/p.yaml:7:55: показатель 1.1: в опроснике parents нет шкалы «attitude»"
[ "$(echo "$err" | grep -F "$tmp/programs/")" = "$want" ] || fail "bad programme said: $err"
echo "data_indicators_two_surveys: ok"
