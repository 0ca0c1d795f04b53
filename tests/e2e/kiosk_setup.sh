#!/usr/bin/env bash
# The set-up survives a restart: the psychologist starts a session from the
# menu (final wave, read aloud, code required, one questionnaire, class 4Б);
# the power goes (SIGKILL) mid-questionnaire; the restarted kiosk shows the
# welcome screen of the same battery, with the same wave, class, reading
# aloud and code rule. A preset on the command line wins over it.
set -euo pipefail
anketa=$1 src=$2
source "$src/tests/e2e/lib.bash"
e2e_kiosk_test 1280x800
E2E_LOG=$tmp/kiosk.log
mkdir "$tmp/surveys"
cp "$src/surveys/school_day.yaml" "$tmp/surveys/"
e2e_waves_programme "$tmp/surveys"
e2e_set_pin "$tmp/a.db"
# Audio goes to a file (SDL's disk driver), so the voice is always there.
export SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILE=$tmp/audio.raw

start_kiosk() {
	rm -f "$tmp/audio.raw"
	ANKETA_TRACE=1 "$anketa" --db "$tmp/a.db" --surveys "$tmp/surveys" "$@" >"$E2E_LOG" 2>&1 &
	E2E_PID=$!
	e2e_wait_line 'screen=welcome' >/dev/null
}
click_target() { # click_target LINE K
	local x y
	read -r x y < <(e2e_target "$1" "$2")
	xdotool mousemove --sync "$x" "$y" click 1
}

start_kiosk
xdotool key Return # not set up: nothing
xdotool key F10
e2e_wait_line 'screen=pin' "$E2E_LINE" >/dev/null
xdotool type --delay 30 '2468'
xdotool key Return
# The menu's targets: 4 audiences, 3 waves, read aloud, code required, the
# one survey, report, results, start, close.
line=$(e2e_wait_line 'screen=menu' "$E2E_LINE")
click_target "$line" 7 # the final wave
line=$(e2e_wait_line 'screen=menu' "$E2E_LINE")
click_target "$line" 8 # read aloud
line=$(e2e_wait_line 'screen=menu' "$E2E_LINE")
click_target "$line" 9 # code required
line=$(e2e_wait_line 'screen=menu' "$E2E_LINE")
click_target "$line" 10 # "Как прошёл твой день в школе?"
e2e_wait_line 'screen=menu' "$E2E_LINE" >/dev/null
xdotool type --delay 30 '4б'
line=$(e2e_wait_line 'screen=menu' "$E2E_LINE")
click_target "$line" 13 # start the session
e2e_wait_line 'screen=welcome' "$E2E_LINE" >/dev/null
xdotool key Return
e2e_wait_line 'screen=code' "$E2E_LINE" >/dev/null
xdotool type --delay 30 'k1'
xdotool key Return
e2e_wait_line 'screen=instructions' "$E2E_LINE" >/dev/null
xdotool key Return
e2e_wait_line 'question=1 ' "$E2E_LINE" >/dev/null
xdotool key 1
e2e_wait_line 'question=2 ' "$E2E_LINE" >/dev/null
kill -KILL "$E2E_PID" # the power goes
wait "$E2E_PID" 2>/dev/null || true

# The restart: the welcome screen of the same battery.
start_kiosk
xdotool key Return
e2e_wait_line 'screen=code' "$E2E_LINE" >/dev/null
xdotool key Return # a code is still required: the code screen stays
e2e_wait_line 'screen=code' "$E2E_LINE" >/dev/null
xdotool type --delay 30 'k2'
xdotool key Return
e2e_wait_line 'screen=instructions' "$E2E_LINE" >/dev/null
xdotool key Return
e2e_wait_line 'question=1 ' "$E2E_LINE" >/dev/null
e2e_wait_sound "$tmp/audio.raw" # read aloud, as set up
xdotool key 3
e2e_wait_line 'question=2 ' "$E2E_LINE" >/dev/null
kill -TERM "$E2E_PID"
wait "$E2E_PID" || fail "kiosk exit status $?"

# A preset on the command line wins.
start_kiosk --wave start --class 6А --audience student --run school_day
xdotool key Return
e2e_wait_line 'screen=code' "$E2E_LINE" >/dev/null
xdotool key Return # no code required by the preset
e2e_wait_line 'screen=instructions' "$E2E_LINE" >/dev/null
xdotool key Return
e2e_wait_line 'question=1 ' "$E2E_LINE" >/dev/null
xdotool key 2
e2e_wait_line 'question=2 ' "$E2E_LINE" >/dev/null
kill -TERM "$E2E_PID"
wait "$E2E_PID" || fail "kiosk exit status $?"
E2E_PID=
got=$("$anketa" export answers --db "$tmp/a.db" | tail -n +2 | cut -d, -f3,4,6,9,10,13 | sort)
want='final,4Б,k1,q1,1,abandoned
final,4Б,k2,q1,3,abandoned
start,6А,,q1,2,abandoned'
[ "$got" = "$want" ] || fail "answers:
$got"
echo "kiosk_setup: ok"
