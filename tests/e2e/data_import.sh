#!/bin/bash
# data_import.sh: `anketa import` through the real binary: paper forms in,
# the export/import/export round trip, a bad row refused in Russian.
# usage: data_import.sh ANKETA SOURCE_DIR
set -u
anketa=$1
src=$2
surveys=$src/tests/fixtures/store/surveys
source "$src/tests/e2e/lib.bash"
e2e_need sqlite3
e2e_data_test

printf '\xef\xbb\xbfsitting_id;device_id;wave;class;audience;respondent;survey_id;survey_version;question_id;value;score;answered_at\r\n;;start;6А;student;R1;mini;;q1;1;;2026-09-15T10:00:05Z\r\n;;start;6А;student;R1;mini;;q2;1|3;;2026-09-15T10:00:09Z\r\n;;start;6А;student;R2;mini;;q1;3;;2026-09-15T11:00:00Z\r\n' >"$tmp/paper.csv"
out=$("$anketa" import --db "$tmp/a.db" --surveys "$surveys" "$tmp/paper.csv") || fail "import failed"
[ "$out" = "импортировано прохождений: 2, ответов: 3; уже были в базе: 0" ] || fail "import said: $out"
got=$(sqlite3 "$tmp/a.db" "SELECT s.respondent || ':' || a.question_id || '=' || a.value || '/' || a.score FROM answer a JOIN sitting s ON s.id = a.sitting_id ORDER BY a.rowid")
[ "$got" = "$(printf 'R1:q1=1/2.0\nR1:q2=1|3/1.5\nR2:q1=3/0.0')" ] || fail "stored: $got"

# export -> import into an empty database -> export gives the same file.
"$anketa" export answers --db "$tmp/a.db" --out "$tmp/e1.csv" || fail "export 1"
"$anketa" import --db "$tmp/b.db" --surveys "$surveys" "$tmp/e1.csv" >/dev/null || fail "import 2"
"$anketa" export answers --db "$tmp/b.db" --out "$tmp/e2.csv" || fail "export 2"
cmp -s "$tmp/e1.csv" "$tmp/e2.csv" || fail "round trip differs: $(diff "$tmp/e1.csv" "$tmp/e2.csv")"
sqlite3 "$tmp/b.db" "PRAGMA integrity_check" | grep -qx ok || fail "integrity of b.db"

# One bad row after good ones: a Russian line naming line and column, nothing stored.
printf 'sitting_id,device_id,wave,class,audience,respondent,survey_id,survey_version,question_id,value,score,answered_at\n,,final,6А,student,R1,mini,,q1,1,,\n,,final,6А,student,R1,mini,,q1,7,,\n' >"$tmp/bad.csv"
before=$(sqlite3 "$tmp/a.db" "SELECT count(*) FROM answer")
err=$("$anketa" import --db "$tmp/a.db" --surveys "$surveys" "$tmp/bad.csv" 2>&1 >/dev/null)
[ $? -eq 1 ] || fail "bad import: wrong status"
[ "$err" = "anketa: $tmp/bad.csv:3:10: вариант 7 вне диапазона: у вопроса q1 варианты с 1 по 3" ] ||
	fail "bad import said: $err"
[ "$(sqlite3 "$tmp/a.db" "SELECT count(*) FROM answer")" = "$before" ] || fail "bad import stored rows"

"$anketa" import --db "$tmp/a.db" --surveys "$surveys" "$tmp/none.csv" 2>/dev/null
[ $? -eq 1 ] || fail "missing file: wrong status"
"$anketa" import --db "$tmp/a.db" 2>/dev/null
[ $? -eq 2 ] || fail "no file: wrong status"
echo "data_import: ok"
