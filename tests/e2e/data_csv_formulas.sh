#!/bin/bash
# data_csv_formulas.sh: a text answer that a spreadsheet would run as a
# formula (=HYPERLINK(...), =1+1, @SUM, -1+2) is exported to CSV with an
# apostrophe before it; LibreOffice opening that CSV makes no formula and
# no link of it, while numbers stay numbers; and `anketa import` of the
# export reads back exactly what was typed.
# usage: data_csv_formulas.sh ANKETA SOURCE_DIR
set -u
anketa=$1
src=$2
surveys=$src/tests/fixtures/store/surveys
source "$src/tests/e2e/lib.bash"
e2e_need sqlite3 soffice unzip
e2e_data_test

# LibreOffice: CSV in as UTF-8 with commas, formulas evaluated (its default).
to_xlsx() {
	soffice -env:UserInstallation="file://$tmp/lo" --headless --infilter="CSV:44,34,76,1" \
		--convert-to xlsx --outdir "$2" "$1" >/dev/null 2>&1 || fail "LibreOffice failed on $1"
}
# The formulas and links of a workbook, one per line (none: empty).
formulas() {
	rm -rf "$tmp/x" && mkdir "$tmp/x" && unzip -q -o "$1" -d "$tmp/x" || fail "unzip $1"
	grep -rhoE '<f[ >][^<]*|<hyperlink |TargetMode="External"' "$tmp/x" || true
}

# The check is real: an unguarded CSV does give LibreOffice a formula.
printf 'a\n=1+1\n' >"$tmp/control.csv"
mkdir "$tmp/control"
to_xlsx "$tmp/control.csv" "$tmp/control"
[ -n "$(formulas "$tmp/control/control.xlsx")" ] || fail "LibreOffice made no formula of =1+1"

cat >"$tmp/typed.csv" <<'CSV'
sitting_id,device_id,wave,class,audience,respondent,survey_id,survey_version,question_id,value,score,answered_at
,,start,6А,student,R1,mini,,note,"=HYPERLINK(""http://example.invalid"";""click"")",,2026-09-15T10:00:05Z
,,start,6А,student,R2,mini,,note,=1+1,,2026-09-15T10:00:05Z
,,start,6А,student,R3,mini,,note,@SUM(1),,2026-09-15T10:00:05Z
,,start,6А,student,R4,mini,,note,-1+2,,2026-09-15T10:00:05Z
,,start,6А,student,R5,mini,,note,'=typed as a spreadsheet would,,2026-09-15T10:00:05Z
,,start,6А,student,R5,mini,,age,+8,,2026-09-15T10:00:05Z
,,start,6А,student,=R6,mini,,q1,2,,2026-09-15T10:00:05Z
CSV
"$anketa" import --db "$tmp/a.db" --surveys "$surveys" "$tmp/typed.csv" >/dev/null || fail "import"
"$anketa" export answers --db "$tmp/a.db" --out "$tmp/answers.csv" || fail "export"
got=$(cut -d, -f6,9-11 "$tmp/answers.csv" | LC_ALL=C sort)
want=$(cat <<'OUT'
'=R6,q1,2,1
R1,note,"'=HYPERLINK(""http://example.invalid"";""click"")",
R2,note,'=1+1,
R3,note,'@SUM(1),
R4,note,'-1+2,
R5,age,+8,
R5,note,'=typed as a spreadsheet would,
respondent,question_id,value,score
OUT
)
[ "$got" = "$want" ] || fail "exported: $got"

mkdir "$tmp/lo-out"
to_xlsx "$tmp/answers.csv" "$tmp/lo-out"
f=$(formulas "$tmp/lo-out/answers.xlsx")
[ -z "$f" ] || fail "LibreOffice made formulas or links: $f"
grep -q '&apos;=HYPERLINK(&quot;http://example.invalid' "$tmp/x/xl/sharedStrings.xml" ||
	fail "the guarded text is not a plain string in LibreOffice"
# survey_version (column H) and score (column K) are numbers to LibreOffice.
grep -qE '<c r="H2"[^>]*t="n"' "$tmp/x/xl/worksheets/sheet1.xml" || fail "survey_version is not a number"

# Importing the export reads back exactly what was typed (an apostrophe
# typed before a formula in a hand-made file is the spreadsheet's own guard,
# and is taken off the same way).
"$anketa" import --db "$tmp/b.db" --surveys "$surveys" "$tmp/answers.csv" >/dev/null || fail "re-import"
got=$(sqlite3 "$tmp/b.db" "SELECT s.respondent || ':' || a.value FROM answer a JOIN sitting s ON s.id = a.sitting_id ORDER BY 1")
want=$(printf '%s\n' '=R6:2' 'R1:=HYPERLINK("http://example.invalid";"click")' 'R2:=1+1' 'R3:@SUM(1)' \
	'R4:-1+2' 'R5:+8' 'R5:=typed as a spreadsheet would')
[ "$got" = "$want" ] || fail "re-imported: $got"
"$anketa" export answers --db "$tmp/b.db" --out "$tmp/again.csv" || fail "export 2"
cmp -s "$tmp/answers.csv" "$tmp/again.csv" || fail "round trip differs: $(diff "$tmp/answers.csv" "$tmp/again.csv")"
echo "data_csv_formulas: ok"
