#!/bin/bash
# data_shifts.sh: `anketa export shifts` (paired change between two waves)
# through the real binary, on answer sheets whose table was worked out by
# hand: who pairs, each respondent's latest sitting of a wave, the cells per
# class and for the school, --school, the workbook, and the refusals.
# usage: data_shifts.sh ANKETA SOURCE_DIR
set -u
anketa=$1
src=$2
surveys=$src/tests/fixtures/paired/surveys
source "$src/tests/e2e/lib.bash"
e2e_need unzip
e2e_data_test
export LANGUAGE=en

# pair.yaml: s = q1 (options 1, 2, 3 score 2, 1, 0: good, mid, poor);
# worry = q2 (options 1, 2, 3 score 0, 1, 2: calm, some, much). Both list
# their levels best first.
#   5А R1: start poor/much at 10:00, then mid/much at 11:00 (the latest
#          counts); final good/calm: s mid -> good, worry much -> calm.
#   5А R2: start good/calm, final mid/some: s good -> mid, worry calm -> some.
#   5А without a code at both waves: never pairs.
#   5Б R1: start mid/some, final mid with q2 unanswered: s mid -> mid only.
#   5Б R3 only at the start, R4 only at the end, R5 at the interim: no pair.
cat >"$tmp/sheet.csv" <<'CSV'
wave,class,audience,respondent,survey_id,q1,q2,answered_at
start,5А,student,R1,pair,3,3,2026-09-15T10:00:00Z
start,5А,student,R1,pair,2,3,2026-09-15T11:00:00Z
final,5А,student,R1,pair,1,1,2026-12-15T10:00:00Z
start,5А,student,R2,pair,1,1,2026-09-15T10:00:00Z
final,5А,student,R2,pair,2,2,2026-12-15T10:00:00Z
start,5А,student,,pair,3,3,2026-09-15T10:00:00Z
final,5А,student,,pair,1,1,2026-12-15T10:00:00Z
start,5Б,student,R1,pair,2,2,2026-09-16T10:00:00Z
final,5Б,student,R1,pair,2,,2026-12-16T10:00:00Z
start,5Б,student,R3,pair,3,1,2026-09-16T10:00:00Z
final,5Б,student,R4,pair,1,1,2026-12-16T10:00:00Z
interim,5Б,student,R5,pair,1,1,2026-10-16T10:00:00Z
CSV
"$anketa" school --db "$tmp/a.db" "Школа № 5" >/dev/null || fail "school"
"$anketa" import --db "$tmp/a.db" --surveys "$surveys" "$tmp/sheet.csv" >/dev/null || fail "import"

want='survey_id,scale_id,class,from_wave,to_wave,from_level,to_level,n
pair,s,5А,start,final,good,mid,1
pair,s,5А,start,final,mid,good,1
pair,s,5Б,start,final,mid,mid,1
pair,s,*,start,final,good,mid,1
pair,s,*,start,final,mid,good,1
pair,s,*,start,final,mid,mid,1
pair,worry,5А,start,final,calm,some,1
pair,worry,5А,start,final,much,calm,1
pair,worry,*,start,final,calm,some,1
pair,worry,*,start,final,much,calm,1'
got=$("$anketa" export shifts --db "$tmp/a.db" --surveys "$surveys" --from start --to final) ||
	fail "export shifts"
[ "$got" = "$want" ] || fail "export shifts gave
$got"
# The same for the school by name; a name no sitting has is refused.
got=$("$anketa" export shifts --db "$tmp/a.db" --surveys "$surveys" --from start --to final \
	--school "Школа № 5") || fail "export shifts --school"
[ "$got" = "$want" ] || fail "export shifts --school gave
$got"
"$anketa" export shifts --db "$tmp/a.db" --surveys "$surveys" --from start --to final \
	--school "Школа № 6" >/dev/null 2>&1
[ $? -eq 1 ] || fail "an unknown school: wrong status"

# The other way round, every move is the opposite one.
got=$("$anketa" export shifts --db "$tmp/a.db" --surveys "$surveys" --from final --to start |
	grep ',5А,')
[ "$got" = 'pair,s,5А,final,start,good,mid,1
pair,s,5А,final,start,mid,good,1
pair,worry,5А,final,start,calm,much,1
pair,worry,5А,final,start,some,calm,1' ] || fail "final to start gave
$got"

# The workbook: a shifts sheet, the numbers as numbers.
"$anketa" export shifts --db "$tmp/a.db" --surveys "$surveys" --from start --to final \
	--format xlsx --out "$tmp/shifts.xlsx" || fail "export shifts xlsx"
unzip -p "$tmp/shifts.xlsx" xl/workbook.xml | grep -q '<sheet name="shifts"' || fail "no shifts sheet"
unzip -p "$tmp/shifts.xlsx" xl/worksheets/sheet1.xml | grep -q '<c r="H2"><v>1</v></c>' ||
	fail "n is not a number cell"

# Refusals: the waves are needed, only for shifts, two different ones that
# were answered; nothing is written then.
expect() { # STATUS MESSAGE ARGS...
	local status=$1 message=$2
	shift 2
	err=$("$anketa" export "$@" --db "$tmp/a.db" --surveys "$surveys" --out "$tmp/x.csv" 2>&1)
	[ $? -eq "$status" ] || fail "export $*: wrong status"
	[ "$(echo "$err" | head -n 1)" = "anketa: $message" ] || fail "export $* said: $err"
	[ ! -e "$tmp/x.csv" ] || fail "export $* wrote a file"
}
expect 2 "export shifts compares two waves: give --from W1 --to W2" shifts --from start
expect 2 "--from and --to are for export shifts only" scores --from start --to final
expect 1 "--from and --to name the same wave start: a change needs two waves" shifts --from start --to start
expect 1 "no completed questionnaire in wave fnal; the waves answered are: start, interim, final" \
	shifts --from start --to fnal
# In Russian by default.
err=$(LANGUAGE= "$anketa" export shifts --db "$tmp/a.db" --surveys "$surveys" --from start 2>&1)
[ "$err" = "anketa: export shifts сравнивает два этапа: укажите --from ЭТАП1 --to ЭТАП2" ] ||
	fail "in Russian: $err"
echo "data_shifts: ok"
