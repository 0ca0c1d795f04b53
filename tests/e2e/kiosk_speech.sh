#!/usr/bin/env bash
# Read-aloud for young children: Space (or the speaker button) reads the
# question with espeak-ng; with --read-aloud every question is read as it
# appears. SDL's "disk" audio driver writes what would be played to a file,
# so the test hears silence or speech in it.
set -euo pipefail
anketa=$1 src=$2
source "$src/tests/e2e/lib.bash"
e2e_kiosk_test 1280x800
export SDL_AUDIODRIVER=disk
e2e_set_pin "$tmp/a.db"

# kiosk AUDIOFILE [options]: starts a kiosk and answers up to question 1.
kiosk() {
	local audio=$1
	shift
	E2E_LOG=$tmp/log.$RANDOM
	SDL_DISKAUDIOFILE=$audio ANKETA_TRACE=1 "$anketa" --db "$tmp/a.db" --surveys "$src/surveys" \
		--wave start --class 1А --audience student --run school_attitude_primary "$@" \
		>"$E2E_LOG" 2>&1 &
	E2E_PID=$!
	e2e_wait_line 'screen=welcome' >/dev/null
	xdotool key Return
	e2e_wait_line 'screen=code' "$E2E_LINE" >/dev/null
	xdotool key Return
	e2e_wait_line 'screen=instructions' "$E2E_LINE" >/dev/null
	xdotool key Return
	KIOSK_LINE=$(e2e_wait_line 'question=1 ' "$E2E_LINE")
}

stop() {
	kill -TERM "$E2E_PID"
	wait "$E2E_PID" || fail "kiosk exit status $?"
	E2E_PID=
}

# 1. Without --read-aloud: silence until Space, then speech.
kiosk "$tmp/quiet.raw"
sleep 0.5
[ "$(e2e_sound "$tmp/quiet.raw")" -eq 0 ] || fail "the kiosk spoke before it was asked"
xdotool key space
e2e_wait_sound "$tmp/quiet.raw"
stop

# 2. The speaker button does the same (it is the last target on the screen).
kiosk "$tmp/button.raw"
read -r x y < <(e2e_target "$KIOSK_LINE" 5)
xdotool mousemove --sync "$x" "$y" click 1
e2e_wait_sound "$tmp/button.raw"
stop

# 3. With --read-aloud the question is read as soon as it appears.
kiosk "$tmp/auto.raw" --read-aloud
e2e_wait_sound "$tmp/auto.raw"
stop
# 4. ... and so are the instructions, before any question.
E2E_LOG=$tmp/log.instructions
SDL_DISKAUDIOFILE=$tmp/instructions.raw ANKETA_TRACE=1 "$anketa" --db "$tmp/a.db" \
	--surveys "$src/surveys" --wave start --class 1А --audience student \
	--run school_attitude_primary --read-aloud >"$E2E_LOG" 2>&1 &
E2E_PID=$!
e2e_wait_line 'screen=welcome' >/dev/null
xdotool key Return
e2e_wait_line 'screen=code' "$E2E_LINE" >/dev/null
xdotool key Return
e2e_wait_line 'screen=instructions' "$E2E_LINE" >/dev/null
e2e_wait_sound "$tmp/instructions.raw"
grep -q 'screen=question' "$E2E_LOG" && fail "the questions began before the instructions were read"
stop
echo "kiosk_speech: ok"
