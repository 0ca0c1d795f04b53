#!/bin/bash
# data_same_figures.sh: one small school imported from a hand-written
# answers table, and the same figures read back from every output as a
# person gets them: the indicators CSV, the PDF report (pdftotext), the
# analytical note as .odt and .docx (LibreOffice converts each to text) and
# the workbook (LibreOffice converts it to CSV).
# usage: data_same_figures.sh ANKETA SOURCE_DIR
set -u
anketa=$1
src=$2
source "$src/tests/e2e/lib.bash"
e2e_need pdftotext soffice
e2e_data_test
unset LANGUAGE

# The mini survey (scale s = q1 + q2: q1 = 1 and q2 = 2 score 4, high;
# q1 = 3 scores 0, low) and a programme counting the share with a high s.
mkdir -p "$tmp/surveys/programs"
cp "$src/tests/fixtures/store/surveys/mini.yaml" "$tmp/surveys/"
cat >"$tmp/surveys/programs/p.yaml" <<'EOF'
id: p
title: "Программа школы"
waves:
  - {id: start, title: "Исходные данные"}
  - {id: final, title: "Итоговый этап"}
min_n: 3
indicators:
  - id: "1.2"
    title: "Мотивация к обучению"
    survey: mini
    scale: s
    levels: [high]
    kind: share
    targets: {final: 70}
EOF

# By hand: start 6А A1 high, A2 low, A3 low; 6Б B1 high; 6В V1 high, V2
# high, V3 low, V4 low: the school 4 of 8 = 50,0 %, 6В 2 of 4 = 50,0 %.
# final: 6А all high, 6Б B1 low, 6В all high: the school 7 of 8 = 87,5 %
# (target 70: met, +37,5 points), 6В 4 of 4 = 100,0 %. min_n 3: 6Б (1) is
# too few, and 6А (3) is hidden so that the school minus 6В does not give
# 6Б away.
{
	echo "sitting_id,device_id,wave,class,audience,respondent,survey_id,survey_version,question_id,value,score,answered_at,status,started_at,completed_at"
	row() { # WAVE DAY CLASS CODE h|l
		local at="$2T10:00:00Z"
		if [ "$5" = h ]; then
			echo ",,$1,$3,student,$4,mini,2,q1,1,,$at,completed,$at,$at"
			echo ",,$1,$3,student,$4,mini,2,q2,2,,$at,completed,$at,$at"
		else
			echo ",,$1,$3,student,$4,mini,2,q1,3,,$at,completed,$at,$at"
		fi
	}
	for r in "6А A1 h" "6А A2 l" "6А A3 l" "6Б B1 h" "6В V1 h" "6В V2 h" "6В V3 l" "6В V4 l"; do
		row start 2026-09-15 $r
	done
	for r in "6А A1 h" "6А A2 h" "6А A3 h" "6Б B1 l" "6В V1 h" "6В V2 h" "6В V3 h" "6В V4 h"; do
		row final 2026-12-01 $r
	done
} >"$tmp/answers.csv"
"$anketa" school --db "$tmp/a.db" "Школа № 5" >/dev/null || fail "school"
"$anketa" import --db "$tmp/a.db" --surveys "$tmp/surveys" "$tmp/answers.csv" >/dev/null ||
	fail "import"

# 1. The indicators CSV.
"$anketa" export indicators --db "$tmp/a.db" --surveys "$tmp/surveys" --out "$tmp/ind.csv" ||
	fail "export indicators"
for want in 'p,1.2,start,6В,4,2,50.0,,,,survey,Исходные данные,,,,,' \
	'p,1.2,start,\*,8,4,50.0,,,,survey,Исходные данные,,,,,' \
	'p,1.2,final,6В,4,4,100.0,70,yes,,survey,Итоговый этап,,50.0,,,' \
	'p,1.2,final,\*,8,7,87.5,70,yes,,survey,Итоговый этап,,37.5,,,'; do
	grep -qx "$want" "$tmp/ind.csv" || fail "CSV: no row $want in $(cat "$tmp/ind.csv")"
done

# 2. The PDF report, as pdftotext reads it (one space between words).
"$anketa" report --db "$tmp/a.db" --surveys "$tmp/surveys" --out "$tmp/r.pdf" || fail "report pdf"
pdftotext -layout "$tmp/r.pdf" - | tr -s ' ' | sed 's/\xc2\xa0/ /g' >"$tmp/r.txt"
for want in 'Школа: Школа № 5' '6В 50,0 % (2 из 4) 100,0 % (4 из 4)' \
	'Вся школа 50,0 % (4 из 8) 87,5 % (7 из 8)'; do
	grep -qF "$want" "$tmp/r.txt" || fail "PDF: no \"$want\" in $(cat "$tmp/r.txt")"
done

# 3. The analytical note, .odt and .docx, as LibreOffice reads them.
"$anketa" report --db "$tmp/a.db" --surveys "$tmp/surveys" --out "$tmp/s.odt" || fail "report odt"
"$anketa" report --db "$tmp/a.db" --surveys "$tmp/surveys" --out "$tmp/s.docx" || fail "report docx"
"$anketa" export indicators --db "$tmp/a.db" --surveys "$tmp/surveys" --format xlsx \
	--out "$tmp/w.xlsx" || fail "export indicators xlsx"
mkdir "$tmp/lo" "$tmp/lo/odt" "$tmp/lo/docx"
soffice_convert() { # FILTER OUTDIR FILE
	HOME=$tmp timeout 240 soffice --headless --norestore "-env:UserInstallation=file://$tmp/profile" \
		--convert-to "$1" --outdir "$2" "$3" >/dev/null 2>&1 || fail "LibreOffice could not convert $3"
}
soffice_convert 'txt:Text (encoded):UTF8' "$tmp/lo/odt" "$tmp/s.odt"
soffice_convert 'txt:Text (encoded):UTF8' "$tmp/lo/docx" "$tmp/s.docx"
soffice_convert 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true' "$tmp/lo" "$tmp/w.xlsx"
for f in odt docx; do
	# A table cell is a line of its own; no-break spaces read as spaces.
	sed 's/\xc2\xa0/ /g; s/^\xef\xbb\xbf//' "$tmp/lo/$f/s.txt" >"$tmp/$f.txt"
	for want in 'Образовательная организация: Школа № 5' \
		'«Исходные данные», 15.09.2026. Приняли участие: 8 обучающихся, 0 родителей, 0 педагогов.' \
		'На этапе «Итоговый этап» доля составила 87,5 % (7 из 8) при целевом значении 70 %: показатель достигнут. По сравнению с исходными данными («Исходные данные») доля выросла на 37,5 п. п.' \
		'50,0 % (2 из 4)' '100,0 % (4 из 4)' '50,0 % (4 из 8)' '87,5 % (7 из 8)' \
		'мало данных, n = 1' 'скрыто' 'Рекомендации'; do
		grep -qF "$want" "$tmp/$f.txt" || fail "$f: no \"$want\" in $(cat "$tmp/$f.txt")"
	done
	# 6В's row reads class, then its two waves.
	grep -A2 -x '6В' "$tmp/$f.txt" | tr '\n' '|' | grep -qF '6В|50,0 % (2 из 4)|100,0 % (4 из 4)' ||
		fail "$f: 6В's row is $(grep -A2 -x '6В' "$tmp/$f.txt")"
	# No respondent's code reaches the note.
	! grep -qE 'A1|V3|B1' "$tmp/$f.txt" || fail "$f: a respondent's code is in the note"
done

# 4. The workbook's indicators sheet: the CSV's rows, as LibreOffice reads them.
cmp -s "$tmp/lo/w.csv" "$tmp/ind.csv" || fail "workbook: $(diff "$tmp/lo/w.csv" "$tmp/ind.csv")"
echo "data_same_figures: the same figures in the CSV, the PDF, the note (.odt, .docx) and the workbook"
