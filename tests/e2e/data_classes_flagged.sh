#!/bin/bash
# data_classes_flagged.sh: the class list's optional column "flagged" (the
# classes a programme marks with ШНОР markers) through `anketa classes`, and
# a programme with `classes: flagged` whose indicators count only them: the
# exported rows and the report say so. Checked with sqlite3 and pdftotext.
# usage: data_classes_flagged.sh ANKETA SOURCE_DIR
set -u
anketa=$1
src=$2
source "$src/tests/e2e/lib.bash"
e2e_need sqlite3 pdftotext
e2e_data_test
db=$tmp/a.db

# The column may be 1/0, да/нет or empty; the command says how many.
printf 'class;students;parents;flagged\r\n6А;3;3;да\r\n6Б;4;4;\r\n7А;5;5;1\r\n' >"$tmp/c.csv"
out=$("$anketa" classes --db "$db" "$tmp/c.csv") || fail "classes failed"
[ "$out" = "сохранено классов: 3, отмеченных: 2" ] || fail "classes said: $out"
got=$(sqlite3 "$db" "SELECT group_concat(name || '=' || flagged, ' ') FROM (SELECT * FROM class ORDER BY name)")
[ "$got" = "6А=1 6Б=0 7А=1" ] || fail "flags stored: $got"
[ "$(sqlite3 "$db" "SELECT detail FROM audit WHERE action = 'classes'")" = "3 classes, 2 flagged" ] ||
	fail "classes not audited"
# A word that is no flag: the line and column, in Russian; nothing changes.
printf 'class,students,parents,flagged\n5А,20,18,ШНОР\n' >"$tmp/bad.csv"
err=$("$anketa" classes --db "$db" "$tmp/bad.csv" 2>&1 >/dev/null)
[ $? -eq 1 ] || fail "bad flag: wrong status"
[ "$err" = "anketa: $tmp/bad.csv:2:4: в столбце flagged пишется 1 или 0 (да или нет), а не \"ШНОР\"" ] ||
	fail "bad flag said: $err"
[ "$(sqlite3 "$db" "SELECT count(*) FROM class")" = 3 ] || fail "a bad list changed the classes"

# The mini survey's programme, counting flagged classes only.
mkdir -p "$tmp/surveys/programs"
cp "$src/tests/fixtures/store/surveys/mini.yaml" "$tmp/surveys/"
sed 's/^indicators:$/classes: flagged\nindicators:/' \
	"$src/tests/fixtures/store/surveys/programs/mini.yaml" >"$tmp/surveys/programs/mini.yaml"
"$anketa" check --surveys "$tmp/surveys" "$tmp/surveys" >/dev/null || fail "the programme does not check"
"$anketa" import --db "$db" --surveys "$tmp/surveys" "$src/tests/fixtures/store/results.csv" >/dev/null ||
	fail "import failed"
# Indicator 1 (share high) at start: 6А A1 high, A2 low = 1 of 2; 6Б (B1, not
# flagged) has no row and stays out of the school's: 1 of 2. Participation
# (3): 6А 2 of 3 students, 7А 0 of 5, the school 2 of 3 + 5 = 8.
got=$("$anketa" export indicators --db "$db" --surveys "$tmp/surveys" | grep -E '^mini_prog,(1|3),start,' |
	cut -d, -f1-7)
want='mini_prog,1,start,6А,2,1,50.0
mini_prog,1,start,7А,0,0,
mini_prog,1,start,*,2,1,50.0
mini_prog,3,start,6А,3,2,66.7
mini_prog,3,start,7А,5,0,0.0
mini_prog,3,start,*,8,2,25.0'
[ "$got" = "$want" ] || fail "flagged indicators: $got"
"$anketa" report --db "$db" --surveys "$tmp/surveys" --out "$tmp/r.pdf" 2>/dev/null || fail "report failed"
pdftotext "$tmp/r.pdf" - | tr '\n' ' ' | tr -s ' ' |
	grep -q 'Учитываются только классы, отмеченные в списке классов: 6А, 7А.' ||
	fail "the report does not name the flagged classes"
echo "data_classes_flagged: ok"
