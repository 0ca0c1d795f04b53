#!/usr/bin/env bash
# The psychologist's key works on every screen: mid-question, F10 opens the
# PIN screen and Escape goes back to the same question; the corner button
# does the same; the PIN ends the child's sitting as abandoned (answers
# kept) and opens the menu, which leads to the welcome screen, never back
# to that sitting.
set -euo pipefail
anketa=$1 src=$2
source "$src/tests/e2e/lib.bash"
e2e_need sqlite3
e2e_kiosk_test 1280x800
E2E_LOG=$tmp/kiosk.log
e2e_set_pin "$tmp/a.db"

ANKETA_TRACE=1 "$anketa" --db "$tmp/a.db" --surveys "$src/surveys" --wave start \
	--class 6А --audience student --run school_day >"$E2E_LOG" 2>&1 &
E2E_PID=$!
e2e_wait_line 'screen=welcome' >/dev/null
xdotool key Return
e2e_wait_line 'screen=code' "$E2E_LINE" >/dev/null
xdotool key F10 # the code screen too
e2e_wait_line 'screen=pin' "$E2E_LINE" >/dev/null
xdotool key Escape
e2e_wait_line 'screen=code' "$E2E_LINE" >/dev/null
xdotool type --delay 30 'k1'
xdotool key Return
e2e_wait_line 'screen=instructions' "$E2E_LINE" >/dev/null
xdotool key Return
e2e_wait_line 'question=1 ' "$E2E_LINE" >/dev/null
xdotool key 1
e2e_wait_line 'question=2 ' "$E2E_LINE" >/dev/null

# F10 mid-question, then Escape: the same question, the sitting open.
xdotool key F10
e2e_wait_line 'screen=pin' "$E2E_LINE" >/dev/null
xdotool key Escape
line=$(e2e_wait_line 'screen=question .*question=2 ' "$E2E_LINE")
[ "$(sqlite3 "$tmp/a.db" 'SELECT status FROM sitting')" = 0 ] || fail "Escape closed the sitting"
# The corner button (the last target): the PIN screen again.
read -r x y < <(e2e_target "$line" "$(echo "$line" | grep -o 'target=' | wc -l)")
xdotool mousemove --sync "$x" "$y" click 1
e2e_wait_line 'screen=pin' "$E2E_LINE" >/dev/null
xdotool type --delay 30 '2468'
xdotool key Return
e2e_wait_line 'screen=menu' "$E2E_LINE" >/dev/null
[ "$(sqlite3 "$tmp/a.db" 'SELECT status FROM sitting')" = 2 ] ||
	fail "the PIN did not end the sitting as abandoned"
xdotool key Escape
e2e_wait_line 'screen=welcome' "$E2E_LINE" >/dev/null
kill -TERM "$E2E_PID"
wait "$E2E_PID" || fail "kiosk exit status $?"
E2E_PID=
got=$("$anketa" export answers --db "$tmp/a.db" | tail -n +2 | cut -d, -f6,9,10,13)
[ "$got" = "k1,q1,1,abandoned" ] || fail "answers: $got"
echo "kiosk_psychologist_key: ok"
