#!/bin/bash
# cli_usage.sh: the command line's table (app/cli/cli.c) through the real
# binary: `anketa --help` lists every command from the same entries that
# each `anketa COMMAND --help` prints; a usage error is the command's usage
# on stderr, line by line after "anketa: ", and status 2; the shared
# options are taken only by the commands that list them.
# usage: cli_usage.sh ANKETA SOURCE_DIR
set -u
anketa=$1
src=$2
source "$src/tests/e2e/lib.bash"
e2e_data_test
unset LC_ALL

# run STATUS ARGS...: runs anketa, keeps its output in $tmp/out and $tmp/err.
run() {
	local want=$1 got
	shift
	"$anketa" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
	got=$?
	[ "$got" = "$want" ] || fail "anketa $*: status $got, wanted $want; stderr: $(cat "$tmp/err")"
}

# same FILE TEXT WHAT: the file holds exactly TEXT and a final line end.
same() {
	[ "$(cat "$1")" = "$2" ] || fail "$3: got
$(cat "$1")
wanted
$2"
}

usage='usage: anketa [--db FILE] [--surveys DIR] [--windowed] [--size WxH]
              [--wave W --class C --audience A --run ID[,ID...]] [--read-aloud]
              [--require-code] [--idle SECONDS]
       anketa check [--surveys DIR] FILE|DIR...
       anketa import --db FILE [--surveys DIR] answers.csv|sheet.csv
       anketa export answers|scores|indicators|alerts|groups|shifts --db FILE
                     [--surveys DIR] [--format csv|xlsx] [--out FILE]
                     [--school NAME] [--by-school] [--from W1 --to W2]
       anketa report --db FILE [--surveys DIR] --out FILE.pdf|FILE.odt|FILE.docx
                     [--school NAME] [--by-school]
       anketa merge --db FILE OTHER.db...
       anketa pin --db FILE
       anketa classes --db FILE classes.csv
       anketa sheet SURVEY_ID [--surveys DIR] [--out FILE.csv|FILE.xlsx]
       anketa school --db FILE [NAME]
       anketa enter --db FILE [--surveys DIR] PROGRAMME INDICATOR --wave W
                    [--class C] VALUE'

export LANGUAGE=en
run 0 --help
same "$tmp/out" "$usage" "anketa --help"
[ ! -s "$tmp/err" ] || fail "anketa --help wrote to stderr: $(cat "$tmp/err")"
run 2 --bogus
same "$tmp/err" "anketa: unrecognized option '--bogus'
$usage" "an unknown option of the kiosk"
[ ! -s "$tmp/out" ] || fail "a usage error wrote to stdout"
run 2 frobnicate
same "$tmp/err" "anketa: unknown command: frobnicate
$usage" "an unknown command"
run 2 --windowed --size 1280x800 export
same "$tmp/err" "anketa: unknown command: export
$usage" "a command word after the kiosk's options"

# Each command's --help is its part of the list, "usage: " in front and
# its further lines kept under the first; check, export and report add a
# few lines on what their options mean.
for cmd in check import export report merge pin classes sheet school enter; do
	run 0 "$cmd" --help
	want=$(echo "$usage" | awk -v cmd="$cmd" '
		$1 == "anketa" { on = ($2 == cmd) }
		on && $1 == "anketa" { sub(/^       /, "usage: ") }
		on { print }')
	[ -n "$want" ] || fail "$cmd is not in the list"
	got=$(head -n "$(echo "$want" | wc -l)" "$tmp/out")
	[ "$got" = "$want" ] || fail "anketa $cmd --help: got
$got
wanted
$want"
done
run 0 export --help
same "$tmp/out" "usage: anketa export answers|scores|indicators|alerts|groups|shifts --db FILE
                     [--surveys DIR] [--format csv|xlsx] [--out FILE]
                     [--school NAME] [--by-school] [--from W1 --to W2]
--school NAME: only that school's sittings (not for answers, which
always have every sitting with its school);
--by-school: the indicators with a row per school instead of per class;
--from W1 --to W2: for shifts, how respondents who answered in both
waves moved between the levels of every scale." "anketa export --help"
run 0 pin --help
same "$tmp/out" "usage: anketa pin --db FILE" "anketa pin --help"
# --help stops the parsing: what follows it is not looked at.
run 0 check --help --bogus

# A usage error: the command's usage as error lines, status 2, stdout empty.
run 2 export
same "$tmp/err" "anketa: usage: anketa export answers|scores|indicators|alerts|groups|shifts --db FILE
anketa:                      [--surveys DIR] [--format csv|xlsx] [--out FILE]
anketa:                      [--school NAME] [--by-school] [--from W1 --to W2]" "export without a table"
[ ! -s "$tmp/out" ] || fail "a usage error wrote to stdout"
run 2 pin --bogus
same "$tmp/err" "anketa: unrecognized option '--bogus'
anketa: usage: anketa pin --db FILE" "an unknown option of pin"
run 2 sheet --out
same "$tmp/err" "anketa: option '--out' requires an argument
anketa: usage: anketa sheet SURVEY_ID [--surveys DIR] [--out FILE.csv|FILE.xlsx]" "--out without a file"
run 2 classes --db "$tmp/a.db"
same "$tmp/err" "anketa: usage: anketa classes --db FILE classes.csv" "classes without a file"
run 2 classes --db "$tmp/a.db" one.csv two.csv
run 2 pin --db "$tmp/a.db" 1234
run 2 report --db "$tmp/a.db" --out "$tmp/r.pdf" extra
run 2 check
run 2 enter --db "$tmp/a.db" shnor 2.1
run 2 enter --db "$tmp/a.db" shnor 2.1 7
same "$tmp/err" "anketa: --wave W is needed: the wave the value belongs to" "enter without --wave"
[ ! -e "$tmp/a.db" ] || fail "a usage error made a database"

# The shared options: only where a command lists them, and a --school
# without a name is refused the same way everywhere.
run 2 import --db "$tmp/a.db" --school 'Школа № 1' answers.csv
same "$tmp/err" "anketa: unrecognized option '--school'
anketa: usage: anketa import --db FILE [--surveys DIR] answers.csv|sheet.csv" "--school on import"
run 2 merge --db "$tmp/a.db" --surveys "$src/surveys" other.db
run 2 sheet mini --db "$tmp/a.db"
run 2 export scores --db "$tmp/a.db" --school ''
same "$tmp/err" "anketa: --school wants the name of a school" "export --school ''"
run 2 report --db "$tmp/a.db" --out "$tmp/r.pdf" --school ''
same "$tmp/err" "anketa: --school wants the name of a school" "report --school ''"
# An abbreviation works where it names one option only.
e2e_empty_db "$anketa" "$tmp/a.db"
run 0 export answers --d "$tmp/a.db" --fo csv
run 2 export answers --db "$tmp/a.db" --s x

# In Russian the further lines stay under the first one's text, after the
# longer "использование: ".
unset LANGUAGE
run 2 report --db "$tmp/a.db"
same "$tmp/err" "anketa: укажите --out ФАЙЛ.pdf (отчёт) или ФАЙЛ.odt либо ФАЙЛ.docx (аналитическая справка): файл, в который его записать" "report without --out"
run 2 report --db "$tmp/a.db" --out "$tmp/s.odt" --by-school
same "$tmp/err" "anketa: аналитическая справка составляется по одной школе: --by-school — только для отчёта PDF" "report --by-school of a note"
run 2 report --bogus
tail -n 2 "$tmp/err" >"$tmp/tail"
same "$tmp/tail" "anketa: использование: anketa report --db ФАЙЛ [--surveys ПАПКА] --out ФАЙЛ.pdf|ФАЙЛ.odt|ФАЙЛ.docx
anketa:                              [--school НАЗВАНИЕ] [--by-school]" "report's usage in Russian"
run 0 --help
head -n 4 "$tmp/out" >"$tmp/head"
same "$tmp/head" "использование: anketa [--db ФАЙЛ] [--surveys ПАПКА] [--windowed] [--size ШxВ]
                      [--wave ЭТАП --class КЛАСС --audience КТО --run АНКЕТА[,АНКЕТА...]]
                      [--read-aloud] [--require-code] [--idle СЕКУНДЫ]
               anketa check [--surveys ПАПКА] ФАЙЛ|ПАПКА..." "the list in Russian"
echo "cli_usage: ok"
