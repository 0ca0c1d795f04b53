#!/bin/bash
# data_sheet.sh: `anketa sheet`, the blank answer sheet for paper forms: the
# exact header as CSV; the workbook read back by LibreOffice (the header
# sheet and the Russian legend), filled in and imported; bad calls refused.
# usage: data_sheet.sh ANKETA SOURCE_DIR
set -u
anketa=$1
src=$2
surveys=$src/tests/fixtures/store/surveys
source "$src/tests/e2e/lib.bash"
e2e_need soffice
e2e_data_test

header=wave,class,audience,respondent,survey_id,q1,q2,age,note
out=$("$anketa" sheet mini --surveys "$surveys") || fail "sheet to stdout"
[ "$out" = "$header" ] || fail "sheet printed: $out"
"$anketa" sheet mini --surveys "$surveys" --out "$tmp/mini.csv" || fail "sheet --out csv"
[ "$(cat "$tmp/mini.csv")" = "$header" ] || fail "mini.csv: $(cat "$tmp/mini.csv")"

"$anketa" sheet mini --surveys "$surveys" --out "$tmp/mini.xlsx" || fail "sheet --out xlsx"
mkdir "$tmp/lo"
# Tokens as in data_xlsx.sh, then: no formulas, spaces kept, every sheet
# (-1) to a file of its own, mini-<sheet>.csv.
HOME=$tmp timeout 180 soffice --headless --norestore "-env:UserInstallation=file://$tmp/profile" \
	--convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1' \
	--outdir "$tmp/lo" "$tmp/mini.xlsx" >/dev/null 2>&1 || fail "LibreOffice could not convert the workbook"
[ "$(cat "$tmp/lo/mini-mini.csv")" = "$header" ] || fail "first sheet: $(cat "$tmp/lo/mini-mini.csv")"
want='столбец,вопрос,что вписать
wave,,"этап, тем же словом, что в киоске, например start"
class,,"класс, например 6А"
audience,,"кто отвечает (одно из слов): student, parent"
respondent,,личный код (не имя); можно оставить пустым
survey_id,,mini в каждой строке
q1,Один из трёх,"1 = А, 2 = Б, 3 = В"
q2,Несколько,"один или несколько номеров через |, например 1|3: 1 = А, 2 = Б, 3 = В"
age,Возраст,число от 7 до 18
note,Заметка,любой текст'
[ "$(cat "$tmp/lo/mini-legend.csv")" = "$want" ] ||
	fail "legend: $(diff <(echo "$want") "$tmp/lo/mini-legend.csv")"

# The typist fills in the sheet LibreOffice saved: import takes it.
printf 'start,6А,student,R1,mini,2,2|3,9,ок\n' >>"$tmp/lo/mini-mini.csv"
out=$("$anketa" import --db "$tmp/a.db" --surveys "$surveys" "$tmp/lo/mini-mini.csv") || fail "import"
[ "$out" = "импортировано прохождений: 1, ответов: 4; уже были в базе: 0" ] || fail "import said: $out"

err=$("$anketa" sheet nosuch --surveys "$surveys" 2>&1 >/dev/null)
[ $? -eq 1 ] || fail "unknown survey: wrong status"
[ "$err" = "anketa: неизвестный опросник «nosuch»: ни в одном файле опросников нет такого id" ] ||
	fail "unknown survey said: $err"
"$anketa" sheet mini --surveys "$surveys" --out "$tmp/nodir/x.xlsx" 2>/dev/null
[ $? -eq 1 ] || fail "bad --out: wrong status"
[ ! -e "$tmp/nodir" ] || fail "a folder was made"
"$anketa" sheet 2>/dev/null
[ $? -eq 2 ] || fail "no survey id: wrong status"
echo "data_sheet: ok"
