#!/bin/bash
# data_indicator_anxiety_all_grades.sh: indicator 1.3 of the shipped ШНОР
# programme covers every grade: grades 1-2 answer school_anxiety_young,
# grades 3-9 school_anxiety, grades 10-11 school_anxiety_senior, and the
# indicator counts level "normal" of their common scale "total". Answers typed
# in with `anketa import`, then `anketa export indicators`: one figure per
# class and for the whole school, a student who answered two of them counted
# once, by the later sitting. Answering the same option throughout is not
# counted as a calm child (50 % = raised in all three).
# usage: data_indicator_anxiety_all_grades.sh ANKETA SOURCE_DIR
set -u
anketa=$1
src=$2
source "$src/tests/e2e/lib.bash"
e2e_data_test

# One sitting's answers (option positions q1, q2, ...) at an hour.
answers() { # class code survey hour o1 o2 ...
	local cls=$1 code=$2 survey=$3 hour=$4 q=1
	shift 4
	for o in "$@"; do
		printf ',,interim,%s,student,%s,%s,,q%d,%s,,2027-01-15T%s:%02d:00Z\n' \
			"$cls" "$code" "$survey" "$q" "$o" "$hour" "$q"
		q=$((q + 1))
	done
}
Y=school_anxiety_young
M=school_anxiety
S=school_anxiety_senior
{
	echo 'sitting_id,device_id,wave,class,audience,respondent,survey_id,survey_version,question_id,value,score,answered_at'
	# 1А: Y1 the calm answer everywhere (0 %, normal); Y2 "Да" everywhere
	# (5 anxious "Да" x 2 of 20 = 50 %, raised): 1 of 2.
	answers 1А Y1 $Y 09 3 1 3 1 3 1 3 1 3 1
	answers 1А Y2 $Y 09 1 1 1 1 1 1 1 1 1 1
	# 5Б: M1 calm everywhere (0 %); M2 "Нет" everywhere (10 anxious "Нет" of
	# 20 = 50 %, raised); M3 anxious on q1 q2 q4 q7 q12 q14 q17 = 7 of 20 =
	# 35 % (normal): 2 of 3.
	answers 5Б M1 $M 10 2 1 2 2 1 1 2 2 1 2 2 1 1 2 1 1 2 1 1 2
	answers 5Б M2 $M 10 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2
	answers 5Б M3 $M 10 1 2 2 1 1 1 1 2 1 2 2 2 1 1 1 1 1 1 1 2
	# 10А: S1 "Да" everywhere (8 x 3 of 48 = 50 %, raised). S2 took the
	# grades 3-9 one by mistake at 11:xx, anxious everywhere (100 %), then the
	# senior one at 12:xx, calm everywhere (0 %): counts once, by the later
	# sitting -> 1 of 2.
	answers 10А S1 $S 11 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1
	answers 10А S2 $M 11 1 2 1 1 2 2 1 1 2 1 1 2 2 1 2 2 1 2 2 1
	answers 10А S2 $S 12 4 4 4 4 1 1 4 1 4 4 1 1 1 1 1 4
} >"$tmp/answers.csv"
out=$("$anketa" import --db "$tmp/a.db" --surveys "$src/surveys" "$tmp/answers.csv") ||
	fail "import failed"
[ "$out" = "импортировано прохождений: 8, ответов: 132; уже были в базе: 0" ] || fail "import said: $out"
# The shipped programme counts the classes flagged in the class list.
printf 'class,students,parents,flagged\n1А,2,2,1\n5Б,3,3,1\n10А,2,2,1\n' >"$tmp/classes.csv"
"$anketa" classes --db "$tmp/a.db" "$tmp/classes.csv" >/dev/null || fail "classes failed"
"$anketa" export indicators --db "$tmp/a.db" --surveys "$src/surveys" --out "$tmp/ind.csv" ||
	fail "export failed"
# 1А 1 of 2 = 50.0 %; 5Б 2 of 3 = 66.7 %; 10А 1 of 2 = 50.0 %; the school
# Y1, M1, M3, S2 = 4 of 7 = 57.1 %; the target of the first monitoring
# stage (interim) is 50. Each class has fewer than the programme's 5
# respondents: too few to judge, the school's 7 are not.
T=',survey,Стартовый этап мониторинга,,,,'
want="shnor,1.3,interim,1А,2,1,50.0,50,,$T,yes
shnor,1.3,interim,5Б,3,2,66.7,50,,$T,yes
shnor,1.3,interim,10А,2,1,50.0,50,,$T,yes
shnor,1.3,interim,*,7,4,57.1,50,yes,$T,"
# Compared as sorted sets: this test is about the figures, not the row order.
got=$(grep -E '^shnor,1\.3,interim,' "$tmp/ind.csv" | LC_ALL=C sort)
[ "$got" = "$(echo "$want" | LC_ALL=C sort)" ] || fail "indicator 1.3: $got"
echo "data_indicator_anxiety_all_grades: ok"
