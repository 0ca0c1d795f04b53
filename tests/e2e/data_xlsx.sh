#!/bin/bash
# data_xlsx.sh: the Excel export read back by a real spreadsheet program:
# LibreOffice converts each workbook to CSV, which must equal the CSV export
# byte for byte; the sheet XML shows numbers stored as numbers and the
# header row frozen. A failed export leaves no file behind.
# usage: data_xlsx.sh ANKETA SOURCE_DIR
set -u
anketa=$1
src=$2
surveys=$src/tests/fixtures/store/surveys
source "$src/tests/e2e/lib.bash"
e2e_need soffice unzip
e2e_data_test

"$anketa" import --db "$tmp/a.db" --surveys "$surveys" "$src/tests/fixtures/store/results.csv" >/dev/null ||
	fail "import"
printf 'class,students,parents\n6А,3,0\n6Б,4,0\n' >"$tmp/classes.csv"
"$anketa" classes --db "$tmp/a.db" "$tmp/classes.csv" >/dev/null || fail "classes"
mkdir "$tmp/lo"
for t in answers scores indicators alerts groups; do
	"$anketa" export $t --db "$tmp/a.db" --surveys "$surveys" --out "$tmp/$t.csv" || fail "export $t csv"
	"$anketa" export $t --db "$tmp/a.db" --surveys "$surveys" --format xlsx --out "$tmp/$t.xlsx" ||
		fail "export $t xlsx"
done
# Tokens: comma, double quote, UTF-8, from line 1, -, -, quote only where
# needed, -, save cell contents as shown.
HOME=$tmp timeout 180 soffice --headless --norestore "-env:UserInstallation=file://$tmp/profile" \
	--convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true' \
	--outdir "$tmp/lo" "$tmp/answers.xlsx" "$tmp/scores.xlsx" "$tmp/indicators.xlsx" \
	"$tmp/alerts.xlsx" "$tmp/groups.xlsx" >/dev/null 2>&1 ||
	fail "LibreOffice could not convert the workbooks"
for t in answers scores indicators alerts groups; do
	[ -s "$tmp/$t.csv" ] || fail "$t.csv is empty"
	cmp -s "$tmp/lo/$t.csv" "$tmp/$t.csv" || fail "$t: LibreOffice reads $(diff "$tmp/lo/$t.csv" "$tmp/$t.csv")"
done
grep -q '"Сказал: ""да, конечно"""' "$tmp/answers.csv" || fail "the quoted answer is missing"
grep -q ',66.7,70,no,,survey,Итоговая диагностика,,33.3,,,$' "$tmp/indicators.csv" || fail "no one-decimal percentage in indicators"
grep -q ',q1,Выбран ответ А\.,' "$tmp/alerts.csv" || fail "no alert row: $(cat "$tmp/alerts.csv")"
grep -qx 'final,6Б,mini,s,high,Высокий,1,0,B1' "$tmp/groups.csv" || fail "no group row: $(cat "$tmp/groups.csv")"

# Inside the workbook: the header row is frozen, numbers are numeric cells.
sheet=$(unzip -p "$tmp/indicators.xlsx" xl/worksheets/sheet1.xml)
echo "$sheet" | grep -q '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' ||
	fail "the header row is not frozen"
echo "$sheet" | grep -q '<c r="G2" s="1"><v>50</v></c>' || fail "percent 50.0 is not a number cell: $sheet"
echo "$sheet" | grep -q '<c r="E2"><v>2</v></c>' || fail "n is not a number cell"
unzip -p "$tmp/answers.xlsx" xl/worksheets/sheet1.xml | grep -q '<c r="H2"><v>2</v></c>' ||
	fail "survey_version is not a number cell"

# An export that fails (unwritable workbook path) leaves nothing behind.
mkdir "$tmp/ro" && touch "$tmp/ro/keep.xlsx"
LANGUAGE=en "$anketa" export answers --db "$tmp/a.db" --format xlsx --out "$tmp/nodir/x.xlsx" 2>"$tmp/err"
[ $? -eq 1 ] || fail "bad --out: wrong status"
[ ! -e "$tmp/nodir" ] || fail "a folder was made"
err=$("$anketa" export answers --db "$tmp/a.db" --format xlsx 2>&1)
[ $? -eq 2 ] || fail "xlsx to stdout: wrong status"
[ "$err" = "anketa: книгу Excel нельзя вывести на экран: укажите --out ФАЙЛ.xlsx" ] || fail "xlsx to stdout said: $err"
# Without --format the file's ending says which: a workbook (a zip), and
# --format csv still wins over the ending.
"$anketa" export answers --db "$tmp/a.db" --out "$tmp/by-name.XLSX" || fail "by name: status"
[ "$(head -c 2 "$tmp/by-name.XLSX")" = PK ] || fail "an --out ending in .xlsx is no workbook"
"$anketa" export answers --db "$tmp/a.db" --format csv --out "$tmp/asked.xlsx" || fail "csv: status"
head -n 1 "$tmp/asked.xlsx" | grep -q '^sitting_id,' || fail "--format csv was not kept"
echo "data_xlsx: ok"
