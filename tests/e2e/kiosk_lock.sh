#!/usr/bin/env bash
# The psychologist's screens lock (--idle 3): the PIN screen, the menu and
# the results, left alone, go back to the welcome screen on their own; the
# menu's "Close" asks first, and Escape keeps the kiosk open.
set -euo pipefail
anketa=$1 src=$2
source "$src/tests/e2e/lib.bash"
e2e_kiosk_test 1280x800
E2E_LOG=$tmp/kiosk.log
e2e_set_pin "$tmp/a.db"

start_kiosk() { # start_kiosk IDLE_SECONDS
	ANKETA_TRACE=1 "$anketa" --db "$tmp/a.db" --surveys "$src/surveys" --wave start \
		--class 6А --audience student --run school_day --idle "$1" >"$E2E_LOG" 2>&1 &
	E2E_PID=$!
	e2e_wait_line 'screen=welcome' >/dev/null
}
start_kiosk 3

# The PIN screen, two digits typed, then nothing: back to the welcome.
xdotool key F10
e2e_wait_line 'screen=pin' "$E2E_LINE" >/dev/null
xdotool type --delay 30 '24'
e2e_wait_line 'screen=welcome' "$E2E_LINE" >/dev/null

# The menu, then nothing.
open_menu() {
	xdotool key F10
	e2e_wait_line 'screen=pin' "$E2E_LINE" >/dev/null
	xdotool type --delay 30 '2468'
	xdotool key Return
	e2e_wait_line 'screen=menu' "$E2E_LINE"
}
open_menu >/dev/null
e2e_wait_line 'screen=welcome' "$E2E_LINE" >/dev/null

# The results (the menu's "Results": 5th from the end, before "Start",
# "Close", "Справка" and "Enter indicator values"), then nothing.
line=$(open_menu)
n=$(echo "$line" | grep -o 'target=' | wc -l)
read -r x y < <(e2e_target "$line" $((n - 4)))
xdotool mousemove --sync "$x" "$y" click 1
e2e_wait_line 'screen=results' "$E2E_LINE" >/dev/null
e2e_wait_line 'screen=welcome' "$E2E_LINE" >/dev/null

# "Close" (the third from the end) asks; Escape keeps the kiosk; Enter closes it.
# (A kiosk that locks later: the question is not to be timed.)
kill -TERM "$E2E_PID"
wait "$E2E_PID" || fail "kiosk exit status $?"
start_kiosk 120
line=$(open_menu)
n=$(($(echo "$line" | grep -o 'target=' | wc -l) - 2))
read -r x y < <(e2e_target "$line" "$n")
xdotool mousemove --sync "$x" "$y" click 1
line=$(e2e_wait_line 'screen=quit' "$E2E_LINE")
[ "$(echo "$line" | grep -o 'target=' | wc -l)" -eq 2 ] || fail "the question has not two buttons: $line"
xdotool key Escape
e2e_wait_line 'screen=menu' "$E2E_LINE" >/dev/null
read -r x y < <(e2e_target "$(e2e_wait_line 'screen=menu' "$((E2E_LINE - 1))")" "$n")
xdotool mousemove --sync "$x" "$y" click 1
e2e_wait_line 'screen=quit' "$E2E_LINE" >/dev/null
kill -0 "$E2E_PID" || fail "the kiosk closed before it was confirmed"
xdotool key Return
wait "$E2E_PID" || fail "kiosk exit status $?"
E2E_PID=
echo "kiosk_lock: ok"
