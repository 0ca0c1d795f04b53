#!/bin/bash
# data_full_disk.sh: a really full disk (a 256 KiB tmpfs) under `anketa
# import`: one clear Russian line, exit 1, the database as it was; under
# `anketa export`: a file that does not fit is not left half written, one
# that fits is written whole. Needs root to mount; elsewhere it is skipped
# (tests/test_store.c covers the same path with a simulated limit).
# usage: data_full_disk.sh ANKETA SOURCE_DIR
set -u
anketa=$1
src=$2
surveys=$src/tests/fixtures/store/surveys
source "$src/tests/e2e/lib.bash"
e2e_need sqlite3
e2e_data_test_on_tmpfs 256k
h='sitting_id,device_id,wave,class,audience,respondent,survey_id,survey_version,question_id,value,score,answered_at'

printf '%s\n,,start,6А,student,R1,mini,,q1,1,,2026-09-15T10:00:00Z\n' "$h" >"$tmp/small.csv"
"$anketa" import --db "$mnt/a.db" --surveys "$surveys" "$tmp/small.csv" >/dev/null || fail "first import"
# About 2 MB of answers: far more than the 256 KiB left.
{
	echo "$h"
	for i in $(seq 1 4000); do
		echo ",,start,6А,student,R$i,mini,,note,$(printf '%0400d' "$i"),,2026-09-15T10:00:00Z"
	done
} >"$tmp/big.csv"
err=$("$anketa" import --db "$mnt/a.db" --surveys "$surveys" "$tmp/big.csv" 2>&1 >/dev/null)
[ $? -eq 1 ] || fail "full disk: wrong status"
[ "$err" = "anketa: диск, на котором лежит $mnt/a.db, заполнен: ничего не сохранено; освободите место и повторите" ] ||
	fail "full disk said: $err"
[ "$(sqlite3 "$mnt/a.db" "PRAGMA integrity_check")" = ok ] || fail "database damaged"
[ "$(sqlite3 "$mnt/a.db" "SELECT count(*) FROM answer")" = 1 ] || fail "answers lost or half-imported"

# An export bigger than the room left (the same 2 MB, from a database on
# another disk) fails whole: one line, exit 1, no half file, no temporary
# file.
"$anketa" import --db "$tmp/big.db" --surveys "$surveys" "$tmp/big.csv" >/dev/null || fail "import elsewhere"
err=$(LANGUAGE=en "$anketa" export answers --db "$tmp/big.db" --out "$mnt/out.csv" 2>&1)
[ $? -eq 1 ] || fail "export bigger than the room: wrong status"
[ "$err" = "anketa: cannot write $mnt/out.csv: No space left on device; nothing was written" ] ||
	fail "export bigger than the room said: $err"
[ "$(ls "$mnt")" = a.db ] || fail "the failed export left: $(ls "$mnt")"

# With the database's own disk full, the export stops before writing.
dd if=/dev/zero of="$mnt/filler" bs=1k count=1000 2>/dev/null
err=$(LANGUAGE=en "$anketa" export answers --db "$mnt/a.db" --out "$mnt/out.csv" 2>&1)
status=$?
rm -f "$mnt/filler"
[ $status -eq 1 ] || fail "export from a full disk: wrong status"
[ "$err" = "anketa: the disk holding $mnt/a.db is full: nothing was saved; free some space and try again" ] ||
	fail "export from a full disk said: $err"
[ -z "$(ls "$mnt" | grep out.csv)" ] || fail "the failed export left: $(ls "$mnt")"

# An export that fits is written whole: the header and the one answer, the
# same bytes as on the screen, and nothing else beside it.
"$anketa" export answers --db "$mnt/a.db" --out "$mnt/out.csv" || fail "export that fits"
"$anketa" export answers --db "$mnt/a.db" >"$tmp/screen.csv" || fail "export to the screen"
[ "$(head -1 "$mnt/out.csv")" = "$h,status,started_at,completed_at,visit_id,survey_hash,conflict_of,school" ] ||
	fail "export that fits: header $(head -1 "$mnt/out.csv")"
[ "$(tail -n +2 "$mnt/out.csv" | cut -d, -f3-13)" = "start,6А,student,R1,mini,2,q1,1,2,2026-09-15T10:00:00Z,completed" ] ||
	fail "export that fits: rows $(tail -n +2 "$mnt/out.csv")"
cmp -s "$mnt/out.csv" "$tmp/screen.csv" || fail "the file and the screen differ"
[ "$(ls "$mnt")" = "$(printf 'a.db\nout.csv')" ] || fail "left beside the export: $(ls "$mnt")"
echo "data_full_disk: ok"
