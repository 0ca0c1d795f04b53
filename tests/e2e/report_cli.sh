#!/bin/bash
# report_cli.sh: `anketa report` through the real binary: a PDF with the
# Cyrillic font embedded and the figures readable by pdftotext, written whole
# or not at all; each bad input one Russian line and a non-zero exit.
# usage: report_cli.sh ANKETA SOURCE_DIR
set -u
anketa=$1
src=$2
source "$src/tests/e2e/lib.bash"
e2e_need pdftotext pdffonts sqlite3
e2e_data_test
unset LANGUAGE
surveys=$src/tests/fixtures/store/surveys

# The fixture's answers: mini survey, classes 6А and 6Б, start and final.
"$anketa" import --db "$tmp/a.db" --surveys "$surveys" "$src/tests/fixtures/store/results.csv" \
	>/dev/null || fail "import failed"
printf 'class,students,parents\n6А,3,0\n6Б,4,0\n' >"$tmp/classes.csv"
"$anketa" classes --db "$tmp/a.db" "$tmp/classes.csv" >/dev/null || fail "classes failed"

# A report: a PDF, nothing else left in the folder, noted in the audit log.
"$anketa" report --db "$tmp/a.db" --surveys "$surveys" --out "$tmp/out/r.pdf" 2>"$tmp/err"
[ $? -eq 1 ] || fail "missing output folder: wrong status"
grep -q "^anketa: не удаётся записать $tmp/out/r.pdf: " "$tmp/err" ||
	fail "missing output folder said: $(cat "$tmp/err")"
mkdir "$tmp/out"
"$anketa" report --db "$tmp/a.db" --surveys "$surveys" --out "$tmp/out/r.pdf" ||
	fail "report failed"
[ "$(head -c 5 "$tmp/out/r.pdf")" = "%PDF-" ] || fail "not a PDF"
[ "$(ls "$tmp/out")" = "r.pdf" ] || fail "left behind: $(ls "$tmp/out")"
pdffonts "$tmp/out/r.pdf" | grep -q DejaVuSans || fail "DejaVu Sans is not embedded"
text=$(pdftotext -layout "$tmp/out/r.pdf" - | tr -s ' ')
for want in "Отчёт педагога-психолога" "Мини-программа" "1. Доля с высоким баллом" \
	"Вся школа 33,3 % (1 из 3) 66,7 % (2 из 3)" "снижение на 50,0 %" \
	"Вся школа 42,9 % (3 из 7) 42,9 % (3 из 7)" "Страница 2 из 2"; do
	grep -qF -- "$want" <<<"$text" || fail "the report lacks '$want'"
done
n=$(sqlite3 "$tmp/a.db" "SELECT count(*) FROM audit WHERE action = 'report'")
[ "$n" = 1 ] || fail "audit has $n report lines, want 1"
good=$(md5sum <"$tmp/out/r.pdf")

# A folder where the file should be: one line, exit 1, nothing left over.
"$anketa" report --db "$tmp/a.db" --surveys "$surveys" --out "$tmp/out" 2>"$tmp/err"
[ $? -eq 1 ] || fail "folder as --out: wrong status"
grep -q "^anketa: не удаётся записать $tmp/out: .*; ничего не записано$" "$tmp/err" ||
	fail "folder as --out said: $(cat "$tmp/err")"
[ -z "$(ls "$tmp" | grep tmp-)" ] || fail "temporary file left: $(ls "$tmp")"

# No --out, or the screen: a usage error.
err=$("$anketa" report --db "$tmp/a.db" 2>&1 >/dev/null)
[ $? -eq 2 ] || fail "no --out: wrong status"
[ "$err" = "anketa: укажите --out ФАЙЛ.pdf (отчёт) или ФАЙЛ.odt либо ФАЙЛ.docx (аналитическая справка): файл, в который его записать" ] ||
	fail "no --out said: $err"
"$anketa" report --db "$tmp/a.db" --out - >/dev/null 2>&1
[ $? -eq 2 ] || fail "--out -: wrong status"
err=$("$anketa" report --db "$tmp/a.db" --out "$tmp/x.pdf" --bogus 2>&1 >/dev/null)
[ $? -eq 2 ] || fail "unknown option: wrong status"
grep -qF "anketa: использование: anketa report --db ФАЙЛ [--surveys ПАПКА] --out ФАЙЛ.pdf" <<<"$err" ||
	fail "unknown option said: $err"

# A missing database is not created.
err=$("$anketa" report --db "$tmp/none.db" --out "$tmp/x.pdf" 2>&1 >/dev/null)
[ $? -eq 1 ] || fail "missing db: wrong status"
[ "$err" = "anketa: базы данных $tmp/none.db не существует" ] || fail "missing db said: $err"
[ ! -e "$tmp/none.db" ] && [ ! -e "$tmp/x.pdf" ] || fail "missing db: a file was made"

# A corrupt database: untouched, no report.
head -c 8192 /dev/urandom >"$tmp/bad.db"
sum=$(md5sum <"$tmp/bad.db")
err=$("$anketa" report --db "$tmp/bad.db" --out "$tmp/x.pdf" 2>&1 >/dev/null)
[ $? -eq 1 ] || fail "corrupt db: wrong status"
[ "$err" = "anketa: база данных $tmp/bad.db повреждена или не является базой Anketa; файл оставлен без изменений" ] ||
	fail "corrupt db said: $err"
[ "$(md5sum <"$tmp/bad.db")" = "$sum" ] || fail "corrupt db was changed"
[ ! -e "$tmp/x.pdf" ] || fail "corrupt db: a report was made"

# A broken programme file: the problem, then why there is no report; the
# older report at --out is kept as it was, and no temporary file is left.
cp -r "$surveys" "$tmp/surveys"
printf 'id: broken\ntitle: "x"\nwaves: [start]\nindicators:\n  - id: "1"\n    survey: nosuch\n' \
	>"$tmp/surveys/programs/broken.yaml"
"$anketa" report --db "$tmp/a.db" --surveys "$tmp/surveys" --out "$tmp/out/r.pdf" 2>"$tmp/err"
[ $? -eq 1 ] || fail "broken programme: wrong status"
grep -q "broken.yaml:" "$tmp/err" || fail "broken programme: the problem was not named: $(cat "$tmp/err")"
[ "$(tail -n 1 "$tmp/err")" = "anketa: в файле программы есть ошибки; отчёт не создан" ] ||
	fail "broken programme said: $(cat "$tmp/err")"
[ "$(md5sum <"$tmp/out/r.pdf")" = "$good" ] || fail "the older report was spoiled"
[ "$(ls "$tmp/out")" = "r.pdf" ] || fail "left behind: $(ls "$tmp/out")"

# The shipped surveys and the ШНОР programme, with no answers yet.
e2e_empty_db "$anketa" "$tmp/empty.db"
"$anketa" report --db "$tmp/empty.db" --out "$tmp/shnor.pdf" || fail "shipped programme: failed"
pdftotext "$tmp/shnor.pdf" - | grep -q "ШНОР" || fail "the ШНОР programme's title is missing"
echo "report_cli: ok"
