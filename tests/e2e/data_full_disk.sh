#!/bin/bash
# data_full_disk.sh: a really full disk (a 256 KiB tmpfs) under `anketa
# import`: one clear Russian line, exit 1, the database as it was. Needs
# root to mount; elsewhere it is skipped (tests/test_store.c covers the same
# path with a simulated limit).
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

# An export to the full disk leaves no half file.
cp "$tmp/big.csv" "$tmp/big2.csv"
dd if=/dev/zero of="$mnt/filler" bs=1k count=1000 2>/dev/null
out=$(LANGUAGE=en "$anketa" export answers --db "$mnt/a.db" --out "$mnt/out.csv" 2>&1)
status=$?
rm -f "$mnt/filler"
if [ $status -ne 0 ]; then
	[ ! -e "$mnt/out.csv" ] || fail "a half export was left"
	[ -z "$(ls "$mnt" | grep tmp-)" ] || fail "temporary file left: $(ls "$mnt")"
fi
echo "data_full_disk: ok"
