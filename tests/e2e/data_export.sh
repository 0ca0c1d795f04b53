#!/bin/bash
# data_export.sh: `anketa export answers` through the real binary: header of
# an empty database, the file written whole, errors in Russian by default.
# usage: data_export.sh ANKETA SOURCE_DIR
set -u
anketa=$1
src=$2
source "$src/tests/e2e/lib.bash"
e2e_need sqlite3
e2e_data_test
header='sitting_id,device_id,wave,class,audience,respondent,survey_id,survey_version,question_id,value,score,answered_at,status,started_at,completed_at,visit_id,survey_hash,conflict_of,school'

# An empty file (zero bytes) is not an Anketa database: export, report and
# merge say so and leave it empty.
: >"$tmp/zero.db"
for cmd in "export answers --db $tmp/zero.db" "report --db $tmp/zero.db --out $tmp/z.pdf"; do
	err=$("$anketa" $cmd 2>&1 >/dev/null)
	[ $? -eq 1 ] || fail "$cmd: wrong status"
	[ "$err" = "anketa: файл $tmp/zero.db пустой: это не база Anketa; файл оставлен без изменений" ] ||
		fail "$cmd said: $err"
done
err=$("$anketa" merge --db "$tmp/m.db" "$tmp/zero.db" 2>&1 >/dev/null)
[ $? -eq 1 ] || fail "merge of an empty file: wrong status"
[ "$err" = "anketa: $tmp/zero.db — не база данных Anketa; ничего не объединено" ] ||
	fail "merge of an empty file said: $err"
[ ! -s "$tmp/zero.db" ] || fail "the empty file was written to"
[ ! -e "$tmp/z.pdf" ] || fail "a report of an empty file was written"

# An empty database: its export is the header alone.
e2e_empty_db "$anketa" "$tmp/a.db"
out=$("$anketa" export answers --db "$tmp/a.db") || fail "export of an empty db failed"
[ "$out" = "$header" ] || fail "unexpected header: $out"

# The alerts of an empty database: the header alone.
out=$("$anketa" export alerts --db "$tmp/a.db") || fail "alerts export of an empty db failed"
[ "$out" = 'sitting_id,wave,class,audience,respondent,survey_id,survey_version,question_id,message,status,started_at,completed_at' ] ||
	fail "unexpected alerts header: $out"

# --out writes the file and leaves no temporary file behind.
"$anketa" export answers --db "$tmp/a.db" --out "$tmp/answers.csv" || fail "export --out failed"
[ "$(cat "$tmp/answers.csv")" = "$header" ] || fail "--out file differs"
[ -z "$(ls "$tmp" | grep tmp-)" ] || fail "temporary file left: $(ls "$tmp")"

# The export was written into the audit log.
n=$(sqlite3 "$tmp/a.db" "SELECT count(*) FROM audit WHERE action = 'export'")
[ "$n" = 3 ] || fail "audit has $n export lines, want 3"

# A missing database: one line in Russian, exit 1, and no file created.
err=$("$anketa" export answers --db "$tmp/none.db" 2>&1 >/dev/null)
[ $? -eq 1 ] || fail "missing db: wrong status"
[ "$err" = "anketa: базы данных $tmp/none.db не существует" ] || fail "missing db said: $err"
[ ! -e "$tmp/none.db" ] || fail "missing db was created"

# A corrupt database: one Russian line, exit 1, the file untouched.
head -c 8192 /dev/urandom >"$tmp/bad.db"
sum=$(md5sum <"$tmp/bad.db")
err=$("$anketa" export answers --db "$tmp/bad.db" 2>&1 >/dev/null)
[ $? -eq 1 ] || fail "corrupt db: wrong status"
[ "$err" = "anketa: база данных $tmp/bad.db повреждена или не является базой Anketa; файл оставлен без изменений" ] ||
	fail "corrupt db said: $err"
[ "$(md5sum <"$tmp/bad.db")" = "$sum" ] || fail "corrupt db was changed"

# A header of a schema format SQLite does not know ("unsupported file
# format" in its words): said in Russian as a damaged file.
cp "$tmp/a.db" "$tmp/format.db"
printf '\x00\x00\x00\x09' | dd of="$tmp/format.db" bs=1 seek=44 conv=notrunc 2>/dev/null
err=$("$anketa" export answers --db "$tmp/format.db" 2>&1 >/dev/null)
[ "$err" = "anketa: база данных $tmp/format.db повреждена или не является базой Anketa; файл оставлен без изменений" ] ||
	fail "unknown format said: $err"

# An unwritable output folder: nothing half-written, exit 1.
LANGUAGE=en "$anketa" export answers --db "$tmp/a.db" --out "$tmp/no/such/dir/x.csv" 2>"$tmp/err"
[ $? -eq 1 ] || fail "bad --out: wrong status"
grep -q '^anketa: cannot write .*/x.csv: No such file or directory$' "$tmp/err" || fail "bad --out said: $(cat "$tmp/err")"

# Usage errors exit 2.
"$anketa" export bogus --db "$tmp/a.db" 2>/dev/null
[ $? -eq 2 ] || fail "unknown table: wrong status"
"$anketa" export answers --db "$tmp/a.db" --format pdf 2>/dev/null
[ $? -eq 2 ] || fail "unknown format: wrong status"
echo "data_export: ok"
