#!/usr/bin/env bash
# A child who walks away (--idle 3): on the welcome screen nothing happens
# and the kiosk sleeps; past it, after 3 s without input "Ты ещё здесь?"
# comes over the question with a 20-second countdown that ticks every
# second. A key or a click dismisses it and does nothing else; unanswered,
# the sitting is abandoned with its answers kept, and the next child starts
# a sitting of their own from the first question.
set -euo pipefail
anketa=$1 src=$2
source "$src/tests/e2e/lib.bash"
e2e_need sqlite3
e2e_kiosk_test 1280x800
E2E_LOG=$tmp/kiosk.log
e2e_set_pin "$tmp/a.db"

ANKETA_TRACE=1 "$anketa" --db "$tmp/a.db" --surveys "$src/surveys" --wave start \
	--class 6А --audience student --run school_day --idle 3 >"$E2E_LOG" 2>&1 &
E2E_PID=$!
e2e_wait_line 'screen=welcome' >/dev/null
sleep 4 # longer than --idle: the welcome screen does not ask, nor draw
# Frames at the start only: the first, the same screen again after the
# switch to full screen, and the one the new window size brings.
frames=$(grep -c 'frame' "$E2E_LOG")
[ "$frames" -le 3 ] || fail "the welcome screen was drawn $frames times without input"
grep -q 'screen=idle' "$E2E_LOG" && fail "the welcome screen asked"

xdotool key Return
e2e_wait_line 'screen=code' "$E2E_LINE" >/dev/null
xdotool type --delay 30 'k1'
xdotool key Return
e2e_wait_line 'screen=instructions' "$E2E_LINE" >/dev/null
xdotool key Return
e2e_wait_line 'question=1 ' "$E2E_LINE" >/dev/null
xdotool key 1
e2e_wait_line 'question=2 ' "$E2E_LINE" >/dev/null

# Quiet: the question comes over question 2, counting down.
e2e_wait_line 'screen=idle .*ask=20 .*question=2 ' "$E2E_LINE" >/dev/null
e2e_wait_line 'screen=idle .*ask=19' "$E2E_LINE" >/dev/null
[ -n "${E2E_SHOT:-}" ] && import -window root "$E2E_SHOT"
# A key dismisses it: "2" does not answer question 2.
xdotool key 2
e2e_wait_line 'screen=question .*question=2 ' "$E2E_LINE" >/dev/null
# Again; a click on an answer's place dismisses it and chooses nothing.
e2e_wait_line 'screen=idle .*ask=20' "$E2E_LINE" >/dev/null
xdotool mousemove --sync 490 511 click 1 # the first answer card's centre
e2e_wait_line 'screen=question .*question=2 ' "$E2E_LINE" >/dev/null
# Nobody the third time: at the end of the countdown, the welcome screen.
e2e_wait_line 'screen=idle .*ask=1 ' "$E2E_LINE" 30 >/dev/null
e2e_wait_line 'screen=welcome' "$E2E_LINE" >/dev/null
[ "$(sqlite3 "$tmp/a.db" 'SELECT status FROM sitting')" = 2 ] || fail "the sitting is not abandoned"

# The next child: a new sitting from the first question, with their code.
xdotool key Return
e2e_wait_line 'screen=code' "$E2E_LINE" >/dev/null
xdotool type --delay 30 'k2'
xdotool key Return
e2e_wait_line 'screen=instructions' "$E2E_LINE" >/dev/null
xdotool key Return
e2e_wait_line 'question=1 ' "$E2E_LINE" >/dev/null
xdotool key 2
e2e_wait_line 'question=2 ' "$E2E_LINE" >/dev/null
kill -TERM "$E2E_PID"
wait "$E2E_PID" || fail "kiosk exit status $?"
E2E_PID=
got=$("$anketa" export answers --db "$tmp/a.db" | tail -n +2 | cut -d, -f6,9,10,13 | sort)
[ "$got" = "k1,q1,1,abandoned
k2,q1,2,abandoned" ] || fail "answers: $got"
echo "kiosk_idle: ok"
