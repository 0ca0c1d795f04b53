#!/bin/bash
# data_versions_shipped.sh: sittings answered with version 1 of the shipped
# school_anxiety questionnaire keep their version-1 scores after version 2
# (balanced key, half of the answers anxious = raised) replaced it. The start
# wave is imported with version 1 (tests/fixtures/shipped_v1, a copy of the
# file as first shipped), the final wave with the shipped version 2; scores
# and indicator 1.3 of the shipped programme use each sitting's own version.
# usage: data_versions_shipped.sh ANKETA SOURCE_DIR
set -u
anketa=$1
src=$2
source "$src/tests/e2e/lib.bash"
e2e_data_test
mkdir -p "$tmp/old"
cp "$src/tests/fixtures/shipped_v1/school_anxiety.yaml" "$tmp/old/"

head='sitting_id,device_id,wave,class,audience,respondent,survey_id,survey_version,question_id,value,score,answered_at'
sitting() { # WAVE CODE VERSION DAY o1 ... o20
	local wave=$1 code=$2 version=$3 day=$4 q=1
	shift 4
	for o in "$@"; do
		printf ',,%s,6А,student,%s,school_anxiety,%s,q%d,%s,,2026-%sT10:%02d:00Z\n' \
			"$wave" "$code" "$version" "$q" "$o" "$day" "$q"
		q=$((q + 1))
	done
}
# R1 answers the same positions in both waves. Version 1 (anxious "Да" for
# q1-q4 q7 q8 q10 q11 q13 q14 q16 q17 q19 q20, "Нет" for the rest): anxious
# q1 q2 q4 q6 q7 q9 q12 q14 q17 q19 = 10 of 20 = 50.0, normal (version 1:
# up to 50.0). Version 2 (anxious "Да" for q1 q3 q4 q7 q8 q10 q11 q14 q17
# q20, "Нет" for the rest): anxious q1 q4 q6 q7 q9 q12 q13 q14 q16 q17 = 10
# of 20 = 50.0, raised (version 2: from 50.0).
R1='1 1 2 1 1 2 1 2 2 2 2 2 2 1 1 2 1 1 1 2'
# R2 answers "Да" throughout: version 1 has 14 "Да"-keyed items = 70.0,
# raised; version 2 has 10 = 50.0, raised.
R2='1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1'
# shellcheck disable=SC2086
{ echo "$head"; sitting start R1 1 09-15 $R1; sitting start R2 1 09-16 $R2; } >"$tmp/start.csv"
# shellcheck disable=SC2086
{ echo "$head"; sitting final R1 2 05-15 $R1; sitting final R2 2 05-16 $R2; } >"$tmp/final.csv"
"$anketa" import --db "$tmp/a.db" --surveys "$tmp/old" "$tmp/start.csv" >/dev/null || fail "import start"
"$anketa" import --db "$tmp/a.db" --surveys "$src/surveys" "$tmp/final.csv" >/dev/null || fail "import final"

out=$("$anketa" export scores --db "$tmp/a.db" --surveys "$src/surveys" 2>"$tmp/err") || fail "export scores"
[ ! -s "$tmp/err" ] || fail "scores warned: $(cat "$tmp/err")"
# wave, respondent, version, value, level of the total (the CSV writes 50.0 as 50).
got=$(echo "$out" | tail -n +2 | awk -F, '$8 == "total" { print $2 "," $5 "," $7 "," $9 "," $10 }' | LC_ALL=C sort)
want='final,R1,2,50,raised
final,R2,2,50,raised
start,R1,1,50,normal
start,R2,1,70,raised'
[ "$got" = "$want" ] || fail "scores: $got"

# Indicator 1.3 (level normal): start 1 of 2 = 50.0 % (the baseline, no
# target); final 0 of 2 = 0.0 % (target 70; 2 are fewer than the
# programme's 5 respondents: too few to judge, met empty).
# The shipped programme counts the classes flagged in the class list.
printf 'class,students,parents,flagged\n6А,2,2,1\n' >"$tmp/classes.csv"
"$anketa" classes --db "$tmp/a.db" "$tmp/classes.csv" >/dev/null || fail "classes failed"
"$anketa" export indicators --db "$tmp/a.db" --surveys "$src/surveys" --out "$tmp/ind.csv" 2>"$tmp/err" ||
	fail "export indicators"
[ ! -s "$tmp/err" ] || fail "indicators warned: $(cat "$tmp/err")"
got=$(grep -E '^shnor,1\.3,(start|final),6А,' "$tmp/ind.csv" | cut -d, -f1-10,17)
want='shnor,1.3,start,6А,2,1,50.0,,,,yes
shnor,1.3,final,6А,2,0,0.0,70,,,yes'
[ "$got" = "$want" ] || fail "indicator 1.3: $got"
echo "data_versions_shipped: ok"
