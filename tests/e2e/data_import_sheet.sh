#!/bin/bash
# data_import_sheet.sh: `anketa import` of an answer sheet (one row per
# pupil, a column per question) through the real binary: the sittings and
# scores it gives, the same sheet imported again adding nothing, and a bad
# cell refused in Russian with nothing stored.
# usage: data_import_sheet.sh ANKETA SOURCE_DIR
set -u
anketa=$1
src=$2
surveys=$src/tests/fixtures/store/surveys
source "$src/tests/e2e/lib.bash"
e2e_need sqlite3
e2e_data_test

# As Excel saves "CSV UTF-8" with Russian settings: BOM, semicolons, CRLF.
# The third row has no answer (a pupil who was away): skipped.
printf '\xef\xbb\xbfwave;class;audience;respondent;survey_id;q1;q2;age;note;answered_at\r\nstart;6а;student;R1;mini;1;1|3;12;;2026-09-15T10:00:00Z\r\nstart;6А;student;R2;mini;3;2;;Нравится;2026-09-15T10:05:00Z\r\nstart;6А;student;R3;mini;;;;;\r\n' >"$tmp/sheet.csv"
out=$("$anketa" import --db "$tmp/a.db" --surveys "$surveys" "$tmp/sheet.csv") || fail "import failed"
[ "$out" = "импортировано прохождений: 2, ответов: 6; уже были в базе: 0" ] || fail "import said: $out"

# The sitting ids are UUIDv5 of each row's content and line (import.c
# grouped_sitting_id), worked out with Python's uuid.uuid5. Scores from
# mini: q1 option 1 = 2, option 3 = 0; q2 options 1 and 3 = 1 + 0.5, option
# 2 = 2; s = q1 + q2: R1 2 + 1.5 = 3.5 (high, 3..5.5), R2 0 + 2 = 2 (low).
r1=12656fd6-03ff-5c35-9086-d6447cbf6395
r2=72152455-4121-57dc-9165-d1ef261eafe2
t1=2026-09-15T10:00:00Z
t2=2026-09-15T10:05:00Z
"$anketa" export answers --db "$tmp/a.db" --out "$tmp/answers.csv" || fail "export answers"
got=$(cut -d, -f1,3-16 "$tmp/answers.csv") # without device_id and survey_hash
want="sitting_id,wave,class,audience,respondent,survey_id,survey_version,question_id,value,score,answered_at,status,started_at,completed_at,visit_id
$r1,start,6А,student,R1,mini,2,q1,1,2,$t1,completed,$t1,$t1,
$r1,start,6А,student,R1,mini,2,q2,1|3,1.5,$t1,completed,$t1,$t1,
$r1,start,6А,student,R1,mini,2,age,12,,$t1,completed,$t1,$t1,
$r2,start,6А,student,R2,mini,2,q1,3,0,$t2,completed,$t2,$t2,
$r2,start,6А,student,R2,mini,2,q2,2,2,$t2,completed,$t2,$t2,
$r2,start,6А,student,R2,mini,2,note,Нравится,,$t2,completed,$t2,$t2,"
[ "$got" = "$want" ] || fail "answers: $(diff <(echo "$want") <(echo "$got"))"
"$anketa" export scores --db "$tmp/a.db" --surveys "$surveys" --out "$tmp/scores.csv" || fail "export scores"
want="sitting_id,wave,class,audience,respondent,survey_id,survey_version,scale_id,value,level
$r1,start,6А,student,R1,mini,2,s,3.5,high
$r2,start,6А,student,R2,mini,2,s,2,low"
[ "$(cat "$tmp/scores.csv")" = "$want" ] || fail "scores: $(diff <(echo "$want") "$tmp/scores.csv")"

# The same sheet again: every row is found, nothing is added.
out=$("$anketa" import --db "$tmp/a.db" --surveys "$surveys" "$tmp/sheet.csv") || fail "import 2 failed"
[ "$out" = "импортировано прохождений: 0, ответов: 0; уже были в базе: 2" ] || fail "import 2 said: $out"

# A bad cell after a good row: its line and column in Russian, nothing stored.
printf 'wave,class,audience,respondent,survey_id,q1,q2\nfinal,6А,student,R1,mini,1,2\nfinal,6А,student,R2,mini,5,2\n' >"$tmp/bad.csv"
before=$(sqlite3 "$tmp/a.db" "SELECT count(*) FROM answer")
err=$("$anketa" import --db "$tmp/a.db" --surveys "$surveys" "$tmp/bad.csv" 2>&1 >/dev/null)
[ $? -eq 1 ] || fail "bad sheet: wrong status"
[ "$err" = "anketa: $tmp/bad.csv:3:6: вариант 5 вне диапазона: у вопроса q1 варианты с 1 по 3" ] ||
	fail "bad sheet said: $err"
# A column that is no survey's question: the header's cell.
printf 'wave,class,audience,respondent,survey_id,q1,q7\n' >"$tmp/bad2.csv"
err=$("$anketa" import --db "$tmp/a.db" --surveys "$surveys" "$tmp/bad2.csv" 2>&1 >/dev/null)
[ $? -eq 1 ] || fail "bad header: wrong status"
[ "$err" = "anketa: $tmp/bad2.csv:1:7: ни в одном опроснике нет вопроса «q7»; после survey_id идут id вопросов опросника" ] ||
	fail "bad header said: $err"
[ "$(sqlite3 "$tmp/a.db" "SELECT count(*) FROM answer")" = "$before" ] || fail "a bad sheet stored rows"
sqlite3 "$tmp/a.db" "PRAGMA integrity_check" | grep -qx ok || fail "integrity of a.db"
echo "data_import_sheet: ok"
