#!/usr/bin/env bash
# The psychologist's PIN at the kiosk. A kiosk preset from the command line
# on a database without a PIN starts on the PIN screen, making one (typed
# twice), and nobody can start a questionnaire or leave that screen first;
# the menu it opens leads to the welcome screen of the preset battery. The
# keypad erases; five wrong PINs make the screen wait, counted down every
# second, and a power cut does not end the wait.
set -euo pipefail
anketa=$1 src=$2
source "$src/tests/e2e/lib.bash"
e2e_need sqlite3
e2e_kiosk_test 1280x800
E2E_LOG=$tmp/kiosk.log

start_kiosk() {
	ANKETA_TRACE=1 "$anketa" --db "$tmp/a.db" --surveys "$src/surveys" --wave start \
		--class 6А --audience student --run school_day >"$E2E_LOG" 2>&1 &
	E2E_PID=$!
	e2e_wait_line '^anketa: ready' >/dev/null
}

start_kiosk
e2e_wait_line 'screen=pin .*pin=new' >/dev/null
# Enter with nothing typed, Escape, F10: still making the first PIN.
xdotool key Return Escape F10
xdotool type --delay 30 '13'
xdotool key Return # too short
e2e_wait_line 'screen=pin .*pin=new' "$((E2E_LINE + 1))" >/dev/null
[ -z "$(sqlite3 "$tmp/a.db" 'SELECT hash FROM pin')" ] || fail "a PIN was stored"
xdotool type --delay 30 '1357'
xdotool key Return
e2e_wait_line 'screen=pin .*pin=again' "$E2E_LINE" >/dev/null
xdotool type --delay 30 '1357'
xdotool key Return
e2e_wait_line 'screen=menu' "$E2E_LINE" >/dev/null
xdotool key Escape # the menu left: the preset battery
e2e_wait_line 'screen=welcome' "$E2E_LINE" >/dev/null
grep -q 'screen=code' "$E2E_LOG" && fail "a questionnaire started before the PIN was made"

# The keypad's erase key takes back a digit: "1359", erase, "7" is the PIN.
xdotool key F10
line=$(e2e_wait_line 'screen=pin .*pin=enter' "$E2E_LINE")
xdotool type --delay 30 '1359'
read -r x y < <(e2e_target "$line" 11) # 1-9, 0, erase, Cancel, Enter
xdotool mousemove --sync "$x" "$y" click 1
xdotool type --delay 30 '7'
xdotool key Return
e2e_wait_line 'screen=menu' "$E2E_LINE" >/dev/null
xdotool key Escape
e2e_wait_line 'screen=welcome' "$E2E_LINE" >/dev/null
xdotool key Return
e2e_wait_line 'screen=code' "$E2E_LINE" >/dev/null
kill -TERM "$E2E_PID"
wait "$E2E_PID" || fail "kiosk exit status $?"

# Five wrong PINs: no PIN is checked for 30 s, counted down every second
# without a key pressed.
start_kiosk
e2e_wait_line 'screen=welcome' >/dev/null
xdotool key F10
e2e_wait_line 'screen=pin .*pin=enter' "$E2E_LINE" >/dev/null
for _ in 1 2 3 4 5; do
	xdotool type --delay 20 '1111'
	xdotool key Return
done
e2e_wait_line 'screen=pin .*wait=30' "$E2E_LINE" >/dev/null
e2e_wait_line 'screen=pin .*wait=29' "$E2E_LINE" >/dev/null
# A power cut (SIGKILL) and a restart do not end the wait.
kill -KILL "$E2E_PID"
wait "$E2E_PID" 2>/dev/null || true
start_kiosk
e2e_wait_line 'screen=welcome' >/dev/null
xdotool key F10
line=$(e2e_wait_line 'screen=pin .*pin=enter' "$E2E_LINE")
wait_s=$(echo "$line" | grep -o ' wait=[0-9]*' | cut -d= -f2)
[ -n "$wait_s" ] && [ "$wait_s" -le 29 ] && [ "$wait_s" -ge 15 ] ||
	fail "after a restart the PIN screen waits \"$wait_s\" s: $line"
# Even the right PIN is not checked: still the PIN screen, still waiting.
xdotool type --delay 30 '1357'
xdotool key Return
e2e_wait_line 'screen=pin .*wait=' "$((E2E_LINE + 1))" >/dev/null
grep -q 'screen=menu' "$E2E_LOG" && fail "the right PIN was checked during the wait"
kill -TERM "$E2E_PID"
wait "$E2E_PID" || fail "kiosk exit status $?"
E2E_PID=
[ "$(sqlite3 "$tmp/a.db" "SELECT count(*) FROM audit WHERE action = 'pin-wrong'")" = 5 ] ||
	fail "the wrong PINs are not all in the audit log"
[ "$(sqlite3 "$tmp/a.db" "SELECT count(*) FROM audit WHERE action = 'pin-lock'")" = 1 ] ||
	fail "the wait is not in the audit log"
# `anketa pin` keeps the same wait: even the right current PIN is refused.
status=0
err=$(printf '1357\n2468\n' | "$anketa" pin --db "$tmp/a.db" 2>&1 >/dev/null) || status=$?
[ "$status" -eq 1 ] || fail "anketa pin during the wait: status $status"
case $err in "anketa: слишком много неверных PIN: следующий будет проверен через "*" с; ничего не изменено") ;;
*) fail "anketa pin during the wait said: $err" ;; esac
echo "kiosk_pin: ok"
