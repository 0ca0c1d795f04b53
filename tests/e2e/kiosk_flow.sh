#!/usr/bin/env bash
# A child answers the short survey in the real kiosk under Xvfb with real key
# presses and one mouse click, goes back once to change an answer; then the
# exported CSV must hold exactly those answers.
set -euo pipefail
anketa=$1 src=$2
source "$src/tests/e2e/lib.bash"
e2e_need sqlite3 xprop
e2e_kiosk_test 1280x800
E2E_LOG=$tmp/kiosk.log
e2e_set_pin "$tmp/a.db"

ANKETA_TRACE=1 "$anketa" --db "$tmp/a.db" --surveys "$src/surveys" \
	--wave start --class 6А --audience student --run school_day >"$E2E_LOG" 2>&1 &
E2E_PID=$!
e2e_wait_line '^anketa: ready$' >/dev/null
# The title is a UTF8_STRING, which xdotool's --name does not read: find the
# window by its class, then check the title with xprop.
win=$(timeout 5 xdotool search --sync --onlyvisible --classname '^anketa$' | head -1)
xprop -id "$win" _NET_WM_NAME | grep -q '= "Anketa' || fail "title: $(xprop -id "$win" _NET_WM_NAME)"
geometry=$(xdotool getwindowgeometry "$win")
echo "$geometry" | grep -q 'Position: 0,0' || fail "not at 0,0: $geometry"
echo "$geometry" | grep -q 'Geometry: 1280x800' || fail "not full screen: $geometry"
e2e_wait_line 'screen=welcome' >/dev/null

xdotool key Return
e2e_wait_line 'screen=code' "$E2E_LINE" >/dev/null
xdotool type --delay 40 'кот7'
xdotool key Return
e2e_wait_line 'screen=instructions' "$E2E_LINE" >/dev/null
xdotool key Return
e2e_wait_line 'survey=school_day question=1 ' "$E2E_LINE" >/dev/null
xdotool key 1                        # q1: "Хорошо"
e2e_wait_line 'question=2 ' "$E2E_LINE" >/dev/null
xdotool key 2                        # q2: "Нет" ...
e2e_wait_line 'question=3 ' "$E2E_LINE" >/dev/null
xdotool key BackSpace                # ... back to change it
e2e_wait_line 'question=2 ' "$E2E_LINE" >/dev/null
xdotool key 1                        # q2: "Да"
line=$(e2e_wait_line 'question=3 ' "$E2E_LINE")
read -r x y < <(e2e_target "$line" 3)  # q3: click the third option, "Плохо"
xdotool mousemove --sync "$x" "$y" click 1
e2e_wait_line 'question=4 ' "$E2E_LINE" >/dev/null
xdotool key 2                        # q4: "Нет"
e2e_wait_line 'question=5 ' "$E2E_LINE" >/dev/null
xdotool key 1                        # q5: "Хорошо"
e2e_wait_line 'screen=thanks' "$E2E_LINE" >/dev/null

kill -TERM "$E2E_PID"
status=0
wait "$E2E_PID" || status=$?
E2E_PID=
[ "$status" -eq 0 ] || fail "kiosk exited with $status"

"$anketa" export answers --db "$tmp/a.db" >"$tmp/answers.csv"
header='sitting_id,device_id,wave,class,audience,respondent,survey_id,survey_version,question_id,value,score,answered_at'
[ "$(head -1 "$tmp/answers.csv" | cut -d, -f1-12)" = "$header" ] || fail "header: $(head -1 "$tmp/answers.csv")"
[ "$(tail -n +2 "$tmp/answers.csv" | wc -l)" -eq 5 ] || fail "expected 5 answers: $(cat "$tmp/answers.csv")"
# The middle columns are fixed by the flow above; q2 was changed from 2 to 1.
got=$(tail -n +2 "$tmp/answers.csv" | cut -d, -f3-11)
want='start,6А,student,кот7,school_day,2,q1,1,2
start,6А,student,кот7,school_day,2,q2,1,1
start,6А,student,кот7,school_day,2,q3,3,0
start,6А,student,кот7,school_day,2,q4,2,0
start,6А,student,кот7,school_day,2,q5,1,2'
[ "$got" = "$want" ] || fail "answers differ:
$got
--- want ---
$want"
# One sitting for every row, a UUID, and an ISO 8601 UTC time.
[ "$(tail -n +2 "$tmp/answers.csv" | cut -d, -f1 | sort -u | wc -l)" -eq 1 ] || fail "more than one sitting"
tail -n +2 "$tmp/answers.csv" | cut -d, -f1 | grep -qE '^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$' ||
	fail "sitting_id is not a UUID"
tail -n +2 "$tmp/answers.csv" | cut -d, -f12 | grep -qvE '^20[0-9]{2}-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]Z$' &&
	fail "answered_at is not ISO 8601 UTC"
[ "$(sqlite3 "$tmp/a.db" 'PRAGMA integrity_check')" = ok ] || fail "integrity_check"
echo "kiosk_flow: ok"
