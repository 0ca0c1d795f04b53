#!/bin/bash
# data_merge.sh: `anketa merge` through the real binary: two kiosks' files
# merged twice (idempotent), a conflict kept on both sides, a file of an
# unknown schema refused in Russian.
# usage: data_merge.sh ANKETA SOURCE_DIR
set -u
anketa=$1
src=$2
surveys=$src/tests/fixtures/store/surveys
source "$src/tests/e2e/lib.bash"
e2e_need sqlite3
e2e_data_test
h='sitting_id,device_id,wave,class,audience,respondent,survey_id,survey_version,question_id,value,score,answered_at'
id1=00000000-0000-4000-8000-000000000001
id2=00000000-0000-4000-8000-000000000002

printf '%s\n%s,k1,start,6А,student,R1,mini,2,q1,1,,2026-09-15T10:00:00Z\n' "$h" "$id1" >"$tmp/k1.csv"
printf '%s\n%s,k2,start,6А,student,R2,mini,2,q1,2,,2026-09-15T10:01:00Z\n%s,k1,start,6А,student,R1,mini,2,q1,3,,2026-09-15T10:00:00Z\n' \
	"$h" "$id2" "$id1" >"$tmp/k2.csv"
"$anketa" import --db "$tmp/k1.db" --surveys "$surveys" "$tmp/k1.csv" >/dev/null || fail "import k1"
"$anketa" import --db "$tmp/k2.db" --surveys "$surveys" "$tmp/k2.csv" >/dev/null || fail "import k2"
sum=$(md5sum <"$tmp/k2.db")

out=$("$anketa" merge --db "$tmp/k1.db" "$tmp/k2.db") || fail "merge failed"
[ "$(echo "$out" | head -1)" = "$tmp/k2.db: добавлено прохождений: 1, уже были: 0, конфликтов: 1" ] || fail "merge said: $out"
[ "$(md5sum <"$tmp/k2.db")" = "$sum" ] || fail "the other database was changed"
# Both sides of the conflict are there: the original and the incoming copy.
got=$(sqlite3 "$tmp/k1.db" "SELECT s.id = '$id1', ifnull(s.conflict_of, '-'), a.value FROM sitting s JOIN answer a ON a.sitting_id = s.id WHERE s.respondent = 'R1' ORDER BY s.conflict_of IS NOT NULL")
[ "$got" = "$(printf '1|-|1\n0|%s|3' "$id1")" ] || fail "conflict rows: $got"

out=$("$anketa" merge --db "$tmp/k1.db" "$tmp/k2.db") || fail "second merge failed"
[ "$out" = "$tmp/k2.db: добавлено прохождений: 0, уже были: 2, конфликтов: 0" ] || fail "second merge said: $out"
[ "$(sqlite3 "$tmp/k1.db" "SELECT count(*) FROM sitting")" = 3 ] || fail "second merge added sittings"
[ "$(sqlite3 "$tmp/k1.db" "SELECT count(*) FROM audit WHERE action = 'merge'")" = 2 ] || fail "merges not audited"

# A newer schema is refused, the rest of the command line still merges.
cp "$tmp/k2.db" "$tmp/newer.db"
sqlite3 "$tmp/newer.db" "PRAGMA user_version = 9"
err=$("$anketa" merge --db "$tmp/k1.db" "$tmp/newer.db" 2>&1 >/dev/null)
[ $? -eq 1 ] || fail "newer: wrong status"
[ "$err" = "anketa: у $tmp/newer.db версия схемы 9, а у этой программы 8; объединяйте её той версией Anketa, которая её создала" ] ||
	fail "newer said: $err"
"$anketa" merge --db "$tmp/k1.db" 2>/dev/null
[ $? -eq 2 ] || fail "no file: wrong status"
echo "data_merge: ok"
