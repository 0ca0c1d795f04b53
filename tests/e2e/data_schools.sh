#!/bin/bash
# data_schools.sh: several schools through the real binary: `anketa school`
# names each database (in Russian), each imports its own "5А", a third
# database merges both, and the answers export says whose sitting is whose.
# usage: data_schools.sh ANKETA SOURCE_DIR
set -u
anketa=$1
src=$2
surveys=$src/tests/fixtures/store/surveys
source "$src/tests/e2e/lib.bash"
e2e_need sqlite3 pdftotext
e2e_data_test

# No database yet: one Russian line, status 1; naming one creates it.
err=$("$anketa" school --db "$tmp/s1.db" 2>&1 >/dev/null)
[ $? -eq 1 ] || fail "no database: wrong status"
[ "$err" = "anketa: базы данных $tmp/s1.db не существует" ] || fail "no database said: $err"
out=$("$anketa" school --db "$tmp/s1.db" '  Школа № 1 ') || fail "naming school 1"
[ "$out" = "название школы задано: Школа № 1" ] || fail "naming said: $out"
[ "$("$anketa" school --db "$tmp/s1.db")" = "Школа № 1" ] || fail "name not kept"
# Unquoted words are one name.
"$anketa" school --db "$tmp/s2.db" Школа № 2 >/dev/null || fail "naming school 2"
[ "$("$anketa" school --db "$tmp/s2.db")" = "Школа № 2" ] || fail "school 2 not named"
[ "$(sqlite3 "$tmp/s1.db" "SELECT action || ': ' || detail FROM audit WHERE action = 'school'")" = "school: Школа № 1 (before: none)" ] ||
	fail "naming not audited"

# A bad name: one Russian line, status 1, the name unchanged.
err=$("$anketa" school --db "$tmp/s1.db" '   ' 2>&1 >/dev/null)
[ $? -eq 1 ] || fail "empty name: wrong status"
[ "$err" = 'anketa: название школы пустое: укажите название, например "Школа № 5"' ] ||
	fail "empty name said: $err"
[ "$("$anketa" school --db "$tmp/s1.db")" = "Школа № 1" ] || fail "a refused name changed it"
"$anketa" school --db "$tmp/s1.db" --bogus 2>/dev/null
[ $? -eq 2 ] || fail "bad option: wrong status"

# The same class of two schools, different answers: R1 high (q1=1, q2=2
# scores 2 + 2 = 4) at school 1, low (q1=3, q2=3: 0 + 0.5) at school 2.
h='sitting_id,device_id,wave,class,audience,respondent,survey_id,survey_version,question_id,value,score,answered_at'
printf '%s\n,,start,5А,student,R1,mini,,q1,1,,2026-09-15T10:00:00Z\n,,start,5А,student,R1,mini,,q2,2,,2026-09-15T10:00:01Z\n' "$h" >"$tmp/s1.csv"
printf '%s\n,,start,5А,student,R1,mini,,q1,3,,2026-09-15T11:00:00Z\n,,start,5А,student,R1,mini,,q2,3,,2026-09-15T11:00:01Z\n' "$h" >"$tmp/s2.csv"
"$anketa" import --db "$tmp/s1.db" --surveys "$surveys" "$tmp/s1.csv" >/dev/null || fail "import 1"
"$anketa" import --db "$tmp/s2.db" --surveys "$surveys" "$tmp/s2.csv" >/dev/null || fail "import 2"
"$anketa" merge --db "$tmp/all.db" "$tmp/s1.db" "$tmp/s2.db" >/dev/null || fail "merge"
got=$("$anketa" export answers --db "$tmp/all.db" | cut -d, -f4,6,9,10,19)
[ "$got" = "$(printf 'class,respondent,question_id,value,school\n5А,R1,q1,1,Школа № 1\n5А,R1,q2,2,Школа № 1\n5А,R1,q1,3,Школа № 2\n5А,R1,q2,3,Школа № 2')" ] ||
	fail "merged answers: $got"
# The coordinator's database has no name of its own: a Russian line, status 0.
out=$("$anketa" school --db "$tmp/all.db") || fail "school without a name: status $?"
[ "$out" = "название школы в этой базе не задано; задайте его командой anketa school --db ФАЙЛ НАЗВАНИЕ" ] ||
	fail "school without a name said: $out"

# Indicators a row per school. mini's scale s is q1 + q2: school 1's R1 has
# 2 + 2 = 4 (high), school 2's R1 0 + 0.5 = 0.5 (low). Indicator 1 (share
# high; start is the baseline, no target): school 1 1 of 1 = 100.0, school
# 2 0 of 1, all 1 of 2 = 50.0. Indicator 2 (low; its baseline is this wave,
# so the change is 0.0 where anybody is low). Indicator 3 (participation)
# has no class list to count against: n 0, as for classes. The first ten
# columns are compared (the rest: source and the wave's title).
got=$("$anketa" export indicators --db "$tmp/all.db" --surveys "$surveys" --by-school |
	grep ',start,' | cut -d, -f1-10)
want='mini_prog,1,start,Школа № 1,1,1,100.0,,,
mini_prog,1,start,Школа № 2,1,0,0.0,,,
mini_prog,1,start,*,2,1,50.0,,,
mini_prog,2,start,Школа № 1,1,0,0.0,,,
mini_prog,2,start,Школа № 2,1,1,100.0,,,0.0
mini_prog,2,start,*,2,1,50.0,,,0.0
mini_prog,3,start,Школа № 1,0,1,,,,
mini_prog,3,start,Школа № 2,0,1,,,,
mini_prog,3,start,*,0,0,,,,'
[ "$got" = "$want" ] || fail "by school: $got"
# Neither flag on the merged file: the two schools' 5А are one class, and a
# warning says so and how to tell them apart.
"$anketa" export indicators --db "$tmp/all.db" --surveys "$surveys" >/dev/null 2>"$tmp/err" ||
	fail "plain export of two schools"
[ "$(cat "$tmp/err")" = "anketa: предупреждение: здесь прохождения 2 школ, и их классы считаются вместе; укажите --school НАЗВАНИЕ для одной школы или --by-school для строки на каждую школу" ] ||
	fail "two schools warned: $(cat "$tmp/err")"
"$anketa" export indicators --db "$tmp/all.db" --surveys "$surveys" --by-school >/dev/null 2>"$tmp/err"
[ ! -s "$tmp/err" ] || fail "by school warned: $(cat "$tmp/err")"
# One school: its own 5А only.
got=$("$anketa" export indicators --db "$tmp/all.db" --surveys "$surveys" --school 'Школа № 1' |
	grep ',1,start,' | cut -d, -f1-10)
[ "$got" = "$(printf 'mini_prog,1,start,5А,1,1,100.0,,,\nmini_prog,1,start,*,1,1,100.0,,,')" ] ||
	fail "school 1: $got"
got=$("$anketa" export scores --db "$tmp/all.db" --surveys "$surveys" --school 'Школа № 2' | cut -d, -f2-)
[ "$got" = "$(printf 'wave,class,audience,respondent,survey_id,survey_version,scale_id,value,level\nstart,5А,student,R1,mini,2,s,0.5,low')" ] ||
	fail "scores of school 2: $got"
# A school the database does not have: one Russian line, status 1, no file.
err=$("$anketa" export indicators --db "$tmp/all.db" --surveys "$surveys" --school 'Школа № 3' --out "$tmp/x.csv" 2>&1 >/dev/null)
[ $? -eq 1 ] || fail "unknown school: wrong status"
[ "$err" = 'anketa: в этой базе нет прохождений школы "Школа № 3"; напишите название точно так, как его выводит anketa school --db ФАЙЛ для базы этой школы' ] ||
	fail "unknown school said: $err"
[ ! -e "$tmp/x.csv" ] || fail "a file was written for an unknown school"
err=$("$anketa" export scores --db "$tmp/all.db" --surveys "$surveys" --by-school 2>&1 >/dev/null)
[ $? -eq 2 ] || fail "--by-school of scores: wrong status"
[ "$err" = "anketa: --by-school применяется только к export indicators (и anketa report)" ] ||
	fail "--by-school of scores said: $err"

# The report names the school, or has a row per school.
"$anketa" report --db "$tmp/all.db" --surveys "$surveys" --school 'Школа № 2' --out "$tmp/s2.pdf" 2>/dev/null ||
	fail "report of school 2"
pdftotext -layout "$tmp/s2.pdf" - | grep -q '^ *Школа: Школа № 2$' || fail "report of school 2 names no school"
"$anketa" report --db "$tmp/all.db" --surveys "$surveys" --by-school --out "$tmp/all.pdf" 2>/dev/null ||
	fail "report by school"
text=$(pdftotext -layout "$tmp/all.pdf" - | tr -s ' ')
echo "$text" | grep -q '^ *Школа Стартовая диагностика Итоговая диагностика$' || fail "report by school: no School column"
echo "$text" | grep -q '^ *Все школы 50,0 % (1 из 2) нет данных$' || fail "report by school: no all-schools row"

# Without a school name nothing changes: the same answers in an unnamed
# database give the per-class rows, and an empty school column; by school
# they count under "без школы".
"$anketa" import --db "$tmp/plain.db" --surveys "$surveys" "$tmp/s1.csv" >/dev/null || fail "import plain"
got=$("$anketa" export indicators --db "$tmp/plain.db" --surveys "$surveys" | grep ',1,start,' |
	cut -d, -f1-10)
[ "$got" = "$(printf 'mini_prog,1,start,5А,1,1,100.0,,,\nmini_prog,1,start,*,1,1,100.0,,,')" ] ||
	fail "plain indicators: $got"
[ "$("$anketa" export answers --db "$tmp/plain.db" | cut -d, -f19 | sort -u)" = "$(printf '\nschool')" ] ||
	fail "plain answers name a school"
got=$("$anketa" export indicators --db "$tmp/plain.db" --surveys "$surveys" --by-school |
	grep ',1,start,' | cut -d, -f1-10)
[ "$got" = "$(printf 'mini_prog,1,start,без школы,1,1,100.0,,,\nmini_prog,1,start,*,1,1,100.0,,,')" ] ||
	fail "plain by school: $got"
echo "data_schools: ok"
