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
echo "data_schools: ok"
