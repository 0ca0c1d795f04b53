#!/bin/bash
# cli_progress.sh: the progress line of import, merge, export and report on a
# terminal, a pseudo-terminal made by util-linux `script`: drawn with '\r',
# a percent and what the work is at, and erased before the summary, which
# stays as it is; and without a terminal nothing of it: stdout and stderr as
# before, byte for byte.
# usage: cli_progress.sh ANKETA SOURCE_DIR
set -u
anketa=$1
src=$2
surveys=$src/tests/fixtures/store/surveys
source "$src/tests/e2e/lib.bash"
e2e_need script cmp
e2e_data_test
unset LANGUAGE # Russian, as a school sees it

# 600 paper forms: R001 to R300 in the start wave and again in the final.
{
	echo 'sitting_id,device_id,wave,class,audience,respondent,survey_id,survey_version,question_id,value,score,answered_at'
	for wave in start final; do
		for k in $(seq 1 300); do
			printf ',,%s,6А,student,R%03d,mini,2,q1,%d,,2026-09-15T10:00:00Z\n' "$wave" "$k" $((k % 3 + 1))
			printf ',,%s,6А,student,R%03d,mini,2,q2,1|2,,2026-09-15T10:00:01Z\n' "$wave" "$k"
		done
	done
} >"$tmp/forms.csv"

# pty COMMAND: runs the shell command on a pseudo-terminal (stdout and
# stderr both the terminal unless it redirects them); what the terminal
# got goes to $tmp/pty.out.
pty() {
	script -qfec "$1" /dev/null </dev/null >"$tmp/pty.out" 2>&1 || fail "on a terminal, failed: $1"
}
# What the terminal shows at the end: each line's text after its last '\r'
# (the terminal's own "\r\n" taken as "\n"), without trailing spaces, and
# without empty lines.
shown() {
	awk '{ sub(/\r$/, ""); n = split($0, part, "\r"); line = part[n]; sub(/ +$/, "", line)
	       if (line != "") print line }' "$tmp/pty.out"
}
# drawn PHRASE: the progress line was drawn in place with a percent, and
# PHRASE was on it. The first report of a piece of work is always drawn;
# later ones at most five times a second, so only those are certain.
drawn() {
	grep -q $'\r\\[[#.]\\{20\\}\\] *[0-9]\\{1,3\\} %  ' "$tmp/pty.out" ||
		fail "no progress line drawn; the terminal got: $(od -c "$tmp/pty.out" | head -20)"
	grep -q -F "$1" "$tmp/pty.out" || fail "no '$1' in the progress line: $(cat -v "$tmp/pty.out")"
}
# quiet COMMAND...: runs it without a terminal; its stderr must be empty.
quiet() {
	"$@" >"$tmp/out" 2>"$tmp/err" || fail "failed: $*"
	[ ! -s "$tmp/err" ] || fail "stderr of $* without a terminal: $(cat "$tmp/err")"
}

# import: the line, then exactly the summary a script gets.
quiet "$anketa" import --db "$tmp/b.db" --surveys "$surveys" "$tmp/forms.csv"
summary=$(cat "$tmp/out")
[ "$summary" = "импортировано прохождений: 600, ответов: 1200; уже были в базе: 0" ] ||
	fail "import said: $summary"
pty "'$anketa' import --db '$tmp/a.db' --surveys '$surveys' '$tmp/forms.csv'"
drawn "$tmp/forms.csv: строка 1"
[ "$(shown)" = "$summary" ] || fail "import on a terminal shows: $(shown)"

# merge: per file, an error between two summaries on lines of their own.
# (Short names, so that the line fits the terminal's 80 columns.)
cd "$tmp" || fail "no $tmp"
"$anketa" merge --db m1.db a.db missing.db b.db >out 2>err
[ $? -eq 1 ] || fail "merge with a missing file: wrong status"
want=$(sed -n 1p out; cat err; sed -n 2p out)
[ "$(wc -l <out) $(wc -l <err)" = "2 1" ] || fail "merge said: $want"
[ "$(cat err)" = "anketa: базы данных missing.db не существует" ] || fail "merge error: $(cat err)"
script -qfec "'$anketa' merge --db m2.db a.db missing.db b.db" /dev/null </dev/null >pty.out 2>&1
# Each file starts its share of the line, and is drawn at once after the
# line above it was erased; what follows within it is drawn at most five
# times a second, so a small file may show no more.
drawn "[....................]   0 %  a.db (1 из 3): проверка файла"
drawn "[######..............]  33 %  missing.db (2 из 3): проверка файла"
drawn "[#############.......]  66 %  b.db (3 из 3): проверка файла"
[ "$(shown)" = "$want" ] || fail "merge on a terminal shows: $(shown)"

# export: every table to a file, CSV and XLSX; the file is the same, and
# the terminal shows nothing once it is done. The tables computed from
# scored sittings tell the sittings loaded (the analysis), the answers the
# sittings written.
for table in answers scores alerts groups "shifts --from start --to final"; do
	name=${table%% *}
	quiet "$anketa" export $table --db "$tmp/b.db" --surveys "$surveys" --out "$tmp/$name.csv"
	[ ! -s "$tmp/out" ] || fail "export $name printed: $(cat "$tmp/out")"
	pty "'$anketa' export $table --db '$tmp/b.db' --surveys '$surveys' --out '$tmp/$name-pty.csv'"
	drawn "прохождение 1 из 600"
	[ -z "$(shown)" ] || fail "export $name on a terminal leaves: $(shown)"
	cmp "$tmp/$name.csv" "$tmp/$name-pty.csv" || fail "export $name differs on a terminal"
done
pty "'$anketa' export scores --db '$tmp/b.db' --surveys '$surveys' --out '$tmp/scores.xlsx'"
drawn "прохождение 1 из 600"
[ -z "$(shown)" ] || fail "export xlsx on a terminal leaves: $(shown)"
pty "'$anketa' export answers --db '$tmp/b.db' --out '$tmp/answers.xlsx'"
drawn "прохождение 1 из 600"
[ -z "$(shown)" ] || fail "export answers xlsx on a terminal leaves: $(shown)"
[ -s "$tmp/scores.xlsx" ] || fail "no workbook"

# A table sent to stdout: redirected to a file, the line is drawn on stderr
# and the file holds only the table; on the terminal itself, no line at all.
pty "'$anketa' export scores --db '$tmp/b.db' --surveys '$surveys' >'$tmp/stdout.csv'"
drawn "прохождение 1 из 600"
cmp "$tmp/scores.csv" "$tmp/stdout.csv" || fail "a redirected export holds more than the table"
pty "'$anketa' export scores --db '$tmp/b.db' --surveys '$surveys'"
if grep -q -F '%' "$tmp/pty.out" || grep -q $'\r\\[' "$tmp/pty.out"; then
	fail "a progress line among the table on the terminal: $(head -c 300 "$tmp/pty.out" | cat -v)"
fi
[ "$(shown)" = "$(cat "$tmp/scores.csv")" ] || fail "the table on the terminal differs"
# report: the same line while the analysis is built, then nothing left of
# it; without a terminal not a byte on stderr, and the same report.
quiet "$anketa" report --db "$tmp/b.db" --surveys "$surveys" --out "$tmp/report.pdf"
[ ! -s "$tmp/out" ] || fail "report printed: $(cat "$tmp/out")"
pty "'$anketa' report --db '$tmp/b.db' --surveys '$surveys' --out '$tmp/report-pty.pdf'"
drawn "прохождение 1 из 600"
grep -q -F "запись отчёта" "$tmp/pty.out" || fail "no 'запись отчёта': $(cat -v "$tmp/pty.out")"
[ -z "$(shown)" ] || fail "report on a terminal leaves: $(shown)"
[ -s "$tmp/report-pty.pdf" ] || fail "no report written on a terminal"

echo "cli_progress: ok"
