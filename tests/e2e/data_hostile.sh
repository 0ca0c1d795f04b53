#!/bin/bash
# data_hostile.sh: hostile files through the real binary. A merge from a
# file whose answer is a recursive view is refused at once (it would run
# forever filling the disk); a 20 000-byte class is refused by import with
# file:line:column and by merge naming the sitting and the field; a NULL
# where Anketa needs a value names the other file, not the target. The
# target is never changed, and every message is one Russian line.
# usage: data_hostile.sh ANKETA SOURCE_DIR
set -u
anketa=$1
src=$2
surveys=$src/tests/fixtures/store/surveys
source "$src/tests/e2e/lib.bash"
e2e_need sqlite3
e2e_data_test
header='sitting_id,device_id,wave,class,audience,respondent,survey_id,survey_version,question_id,value,score,answered_at'
long=$(head -c 20000 /dev/zero | tr '\0' 'x')

printf '%s\n,,start,6А,student,R1,mini,,q1,1,,2026-09-15T10:00:05Z\n' "$header" >"$tmp/one.csv"
"$anketa" import --db "$tmp/target.db" --surveys "$surveys" "$tmp/one.csv" >/dev/null || fail "import"
sum=$(sqlite3 "$tmp/target.db" "SELECT group_concat(id) FROM sitting")

# The other kiosk's database, spoiled in several ways.
printf '%s\n,,start,6Б,student,R2,mini,,q1,2,,2026-09-15T10:00:05Z\n' "$header" >"$tmp/two.csv"
"$anketa" import --db "$tmp/good.db" --surveys "$surveys" "$tmp/two.csv" >/dev/null || fail "import 2"
spoil() {
	cp "$tmp/good.db" "$tmp/$1.db"
	sqlite3 "$tmp/$1.db" "$2" || fail "cannot spoil $1"
}
spoil view "DROP TABLE answer; CREATE VIEW answer AS WITH RECURSIVE r(sitting_id, question_id, value, score, answered_at) AS (SELECT 'x', 'q1', '1', 1, '' UNION ALL SELECT * FROM r) SELECT * FROM r"
spoil long "UPDATE sitting SET class_name = printf('%.*c', 20000, 'x')"
spoil nulls "CREATE TABLE s AS SELECT * FROM sitting; DROP TABLE sitting; ALTER TABLE s RENAME TO sitting; UPDATE sitting SET wave = NULL"
id=$(sqlite3 "$tmp/good.db" "SELECT id FROM sitting")

merge_refused() {
	local err
	err=$(timeout 20 "$anketa" merge --db "$tmp/target.db" "$tmp/$1.db" 2>&1 >/dev/null)
	local rc=$?
	[ $rc -eq 1 ] || fail "merge of $1: status $rc"
	[ "$err" = "$2" ] || fail "merge of $1 said: $err"
	[ "$(sqlite3 "$tmp/target.db" "SELECT group_concat(id) FROM sitting")" = "$sum" ] ||
		fail "merge of $1 changed the target"
}
merge_refused view "anketa: $tmp/view.db — не база Anketa, которую можно объединить: answer в ней не таблица с теми столбцами, что пишет Anketa; ничего не объединено"
merge_refused long "anketa: $tmp/long.db: прохождение $id: поле class длиной 20000 байт, а допускается не больше 24; ничего не объединено"
merge_refused nulls "anketa: в $tmp/nulls.db есть прохождение или ответ без нужного Anketa значения или с недопустимым значением; ничего не объединено"

# Import: the cell is named by file, line and column.
printf '%s\n,,start,6А,student,R1,mini,,q1,1,,\n,,start,%s,student,R3,mini,,q1,1,,\n' "$header" "$long" >"$tmp/long.csv"
err=$("$anketa" import --db "$tmp/target.db" --surveys "$surveys" "$tmp/long.csv" 2>&1 >/dev/null)
[ $? -eq 1 ] || fail "long import: wrong status"
[ "$err" = "anketa: $tmp/long.csv:3:4: поле class длиной 20000 байт, а допускается не больше 24" ] ||
	fail "long import said: $err"
[ "$(sqlite3 "$tmp/target.db" "SELECT group_concat(id) FROM sitting")" = "$sum" ] || fail "long import stored rows"
sqlite3 "$tmp/target.db" "PRAGMA integrity_check" | grep -qx ok || fail "integrity of the target"
echo "data_hostile: ok"
