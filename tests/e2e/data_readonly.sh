#!/bin/bash
# data_readonly.sh: a database on a read-only medium (a tmpfs remounted
# read-only, like a write-protected USB stick or a CD from another school):
# `anketa merge` takes sittings from it, `anketa export` and `anketa report`
# read it with one note, and the file stays byte for byte as it was. Needs
# root to mount; elsewhere it is skipped (tests/test_store.c opens databases
# read-only without a mount).
# usage: data_readonly.sh ANKETA SOURCE_DIR
set -u
anketa=$1
src=$2
surveys=$src/tests/fixtures/store/surveys
source "$src/tests/e2e/lib.bash"
e2e_need sqlite3
e2e_data_test_on_tmpfs 4m

"$anketa" import --db "$tmp/school.db" --surveys "$surveys" "$src/tests/fixtures/store/results.csv" \
	>/dev/null || fail "import"
cp "$tmp/school.db" "$mnt/"
mount -o remount,ro "$mnt" || fail "remount read-only"
sum=$(md5sum <"$mnt/school.db")
n=$(sqlite3 "$tmp/school.db" 'SELECT count(*) FROM sitting')

# merge: the sittings arrive, nothing is written on the stick.
out=$("$anketa" merge --db "$tmp/town.db" "$mnt/school.db" 2>&1) || fail "merge: $out"
[ "$out" = "$mnt/school.db: добавлено прохождений: $n, уже были: 0, конфликтов: 0" ] ||
	fail "merge said: $out"

# export: the same table as from a writable copy, and one note.
"$anketa" export scores --db "$tmp/school.db" --surveys "$surveys" >"$tmp/want.csv" || fail "export rw"
"$anketa" export scores --db "$mnt/school.db" --surveys "$surveys" >"$tmp/got.csv" 2>"$tmp/err" ||
	fail "export ro: $(cat "$tmp/err")"
cmp -s "$tmp/want.csv" "$tmp/got.csv" || fail "read-only export differs: $(diff "$tmp/want.csv" "$tmp/got.csv")"
[ "$(cat "$tmp/err")" = "anketa: примечание: база данных $mnt/school.db доступна только для чтения; она прочитана как есть, и эта выгрузка не записана в её журнал" ] ||
	fail "export ro said: $(cat "$tmp/err")"

# report: a PDF from the stick.
"$anketa" report --db "$mnt/school.db" --surveys "$surveys" --out "$tmp/r.pdf" 2>/dev/null || fail "report ro"
[ "$(head -c 4 "$tmp/r.pdf")" = "%PDF" ] || fail "report is not a PDF"

# The kiosk's own commands still refuse to work on it, with the reason.
err=$(printf '1234\n' | "$anketa" pin --db "$mnt/school.db" 2>&1 >/dev/null)
[ $? -eq 1 ] || fail "pin on a read-only db: wrong status"
case $err in *"доступна только для чтения"*) ;; *) fail "pin said: $err" ;; esac

[ "$(md5sum <"$mnt/school.db")" = "$sum" ] || fail "the database on the stick changed"
[ "$(ls "$mnt")" = school.db ] || fail "files left on the stick: $(ls "$mnt")"
echo "data_readonly: ok"
