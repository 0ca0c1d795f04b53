#!/usr/bin/env bash
# The switch to full screen comes before any respondent's input: Enter is
# pressed the moment the kiosk says it is ready (keys through one XTest
# connection already open, the kiosk's lines read from a pipe as they come),
# and still the frame after the switch is the welcome screen drawn again;
# the code screen comes after it, in a frame of its own, and the window
# covers the screen. Frame numbers, not times, are checked.
set -euo pipefail
anketa=$1 src=$2
source "$src/tests/e2e/lib.bash"
e2e_need python3
e2e_kiosk_test 1280x800

coproc KEYS {
	PYTHONPATH=$src/tests/e2e exec python3 -u -c '
import sys, xinput
x = xinput.XInput()
for line in sys.stdin:
    x.key(line.strip())
    x.sync()
    print("ok")
'
}
key() {
	local ok
	echo "$1" >&"${KEYS[1]}"
	read -r -t 5 ok <&"${KEYS[0]}" || fail "the key $1 was not sent"
}
# next_line PATTERN: the kiosk's lines up to the first that matches (an
# extended regex), which is left in $line; all are kept in $tmp/kiosk.log.
next_line() {
	while IFS= read -r -t 10 -u 4 line; do
		echo "$line" >>"$tmp/kiosk.log"
		[[ $line =~ $1 ]] && return 0
	done
	fail "no line matching '$1'; the kiosk said: $(cat "$tmp/kiosk.log" "$tmp/kiosk.err")"
}

for run in 1 2 3; do
	rm -f "$tmp/a.db"* "$tmp/kiosk.log"
	e2e_set_pin "$tmp/a.db" # else the first screen makes a PIN
	exec 4< <(ANKETA_TRACE=1 exec "$anketa" --db "$tmp/a.db" --surveys "$src/surveys" \
		--wave start --class 6А --audience student --run school_day 2>"$tmp/kiosk.err")
	E2E_PID=$!
	next_line '^anketa: ready$'
	key Return
	next_line '^anketa: frame 1 '
	[[ $line =~ screen=welcome ]] || fail "run $run: the first frame: $line"
	next_line '^anketa: frame 2 '
	[[ $line =~ screen=welcome ]] ||
		fail "run $run: the frame after the switch to full screen is not the welcome: $line"
	next_line 'screen=code'
	win=$(timeout 5 xdotool search --sync --onlyvisible --classname '^anketa$' | head -1)
	geometry=$(xdotool getwindowgeometry "$win")
	[[ $geometry =~ Position:\ 0,0 && $geometry =~ Geometry:\ 1280x800 ]] ||
		fail "run $run: not full screen: $geometry"
	kill "$E2E_PID"
	wait "$E2E_PID" 2>/dev/null || true
	E2E_PID=
	exec 4<&-
done
echo "kiosk_first_frames: ok"
