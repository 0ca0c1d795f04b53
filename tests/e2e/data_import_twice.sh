#!/bin/bash
# data_import_twice.sh: paper forms (rows without a sitting id) and an
# answer sheet imported, the school then named with `anketa school`, the
# same files imported again: nothing is added. Two schools that imported
# the same forms keep two sittings when the coordinator merges them.
# usage: data_import_twice.sh ANKETA SOURCE_DIR
set -u
anketa=$1
src=$2
surveys=$src/tests/fixtures/store/surveys
source "$src/tests/e2e/lib.bash"
e2e_need sqlite3
e2e_data_test

cat >"$tmp/paper.csv" <<'CSV'
sitting_id,device_id,wave,class,audience,respondent,survey_id,survey_version,question_id,value,score,answered_at
,,start,5А,student,R1,mini,,q1,1,,2026-09-15T10:00:05Z
,,start,5А,student,R1,mini,,q2,1|3,,2026-09-15T10:00:09Z
,,start,5А,student,R2,mini,,q1,3,,2026-09-15T11:00:00Z
CSV
cat >"$tmp/sheet.csv" <<'CSV'
wave,class,audience,respondent,survey_id,q1,q2,age
start,5Б,student,,mini,1,2,12
start,5Б,student,,mini,1,2,12
CSV
imp() { "$anketa" import --db "$tmp/$1" --surveys "$surveys" "$tmp/$2" || fail "import $2 into $1"; }
count() { sqlite3 "$tmp/$1" "SELECT count(*) FROM sitting"; }

out=$(imp a.db paper.csv)
[ "$out" = "импортировано прохождений: 2, ответов: 3; уже были в базе: 0" ] || fail "first import said: $out"
out=$(imp a.db sheet.csv)
[ "$out" = "импортировано прохождений: 2, ответов: 6; уже были в базе: 0" ] || fail "first sheet said: $out"
"$anketa" school --db "$tmp/a.db" "Школа № 5" >/dev/null || fail "school"
out=$(imp a.db paper.csv)
[ "$out" = "импортировано прохождений: 0, ответов: 0; уже были в базе: 2" ] || fail "second import said: $out"
out=$(imp a.db sheet.csv)
[ "$out" = "импортировано прохождений: 0, ответов: 0; уже были в базе: 2" ] || fail "second sheet said: $out"
[ "$(count a.db)" = 4 ] || fail "a.db has $(count a.db) sittings"

# Another school imports the same forms: the same ids, told apart by the
# school when the coordinator merges both.
"$anketa" school --db "$tmp/b.db" "Школа № 7" >/dev/null || fail "school b"
imp b.db paper.csv >/dev/null
out=$("$anketa" merge --db "$tmp/all.db" "$tmp/a.db" "$tmp/b.db") || fail "merge"
[ "$(echo "$out" | head -2)" = "$(printf '%s\n%s' "$tmp/a.db: добавлено прохождений: 4, уже были: 0, конфликтов: 0" \
	"$tmp/b.db: добавлено прохождений: 0, уже были: 0, конфликтов: 2")" ] || fail "merge said: $out"
out=$("$anketa" merge --db "$tmp/all.db" "$tmp/a.db" "$tmp/b.db") || fail "merge again"
[ "$(count all.db)" = 6 ] || fail "all.db has $(count all.db) sittings"
got=$(sqlite3 "$tmp/all.db" "SELECT school, count(*) FROM sitting GROUP BY school ORDER BY school")
[ "$got" = "$(printf 'Школа № 5|4\nШкола № 7|2')" ] || fail "schools: $got"
echo "data_import_twice: ok"
