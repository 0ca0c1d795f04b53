#!/bin/bash
# data_file_modes.sh: under umask 022, everything Anketa writes is its
# owner's alone: the data folders 0700; the database, its -wal and -shm,
# exports (CSV, XLSX) and the report 0600; an older database made 0644 is
# tightened when it is opened.
# usage: data_file_modes.sh ANKETA SOURCE_DIR
set -u
anketa=$1
src=$2
surveys=$src/tests/fixtures/store/surveys
source "$src/tests/e2e/lib.bash"
e2e_need sqlite3
e2e_data_test
umask 022

mode() { stat -c %a "$1"; }

printf 'sitting_id,device_id,wave,class,audience,respondent,survey_id,survey_version,question_id,value,score,answered_at\n,,start,6А,student,R1,mini,,q1,1,,2026-09-15T10:00:05Z\n' >"$tmp/paper.csv"
db=$tmp/data/anketa/anketa.db
"$anketa" import --db "$db" --surveys "$surveys" "$tmp/paper.csv" >/dev/null || fail "import failed"
[ "$(mode "$tmp/data")" = 700 ] || fail "data folder is $(mode "$tmp/data")"
[ "$(mode "$tmp/data/anketa")" = 700 ] || fail "anketa folder is $(mode "$tmp/data/anketa")"
[ "$(mode "$db")" = 600 ] || fail "database is $(mode "$db")"

# While Anketa has the database open, its -wal and -shm exist: 0600 too.
# An import reading from a pipe holds the database open until the pipe ends.
mkfifo "$tmp/pipe"
"$anketa" import --db "$db" --surveys "$surveys" - <"$tmp/pipe" >/dev/null 2>&1 &
importer=$!
exec 4>"$tmp/pipe"
for _ in $(seq 1 100); do
	[ -e "$db-shm" ] && break
	sleep 0.05
done
for f in "$db-wal" "$db-shm"; do
	[ -e "$f" ] || fail "$f does not exist while the database is open"
	[ "$(mode "$f")" = 600 ] || fail "$f is $(mode "$f")"
done
exec 4>&-
wait "$importer"

"$anketa" export answers --db "$db" --out "$tmp/answers.csv" || fail "export csv"
"$anketa" export answers --db "$db" --surveys "$surveys" --out "$tmp/tables.xlsx" || fail "export xlsx"
"$anketa" report --db "$db" --surveys "$surveys" --out "$tmp/report.pdf" >/dev/null || fail "report"
for f in answers.csv tables.xlsx report.pdf; do
	[ "$(mode "$tmp/$f")" = 600 ] || fail "$f is $(mode "$tmp/$f")"
done
# Writing over an existing file leaves it 0600 too.
: >"$tmp/old.csv"
chmod 644 "$tmp/old.csv"
"$anketa" export answers --db "$db" --out "$tmp/old.csv" || fail "export over a file"
[ "$(mode "$tmp/old.csv")" = 600 ] || fail "old.csv is $(mode "$tmp/old.csv")"

# A database an older version left 0644 is tightened by the next program
# that opens it for writing, and still holds its answers.
chmod 644 "$db"
"$anketa" school --db "$db" >/dev/null || fail "school print failed"
[ "$(mode "$db")" = 600 ] || fail "old database still $(mode "$db")"
[ "$(sqlite3 "$db" "SELECT count(*) FROM answer")" = 1 ] || fail "answers lost"
echo "data_file_modes: ok"
