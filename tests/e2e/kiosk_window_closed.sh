#!/usr/bin/env bash
# Destroyed from outside: `xdotool windowclose` on the kiosk's window in
# the middle of a questionnaire. The kiosk ends cleanly, status 0, one line
# on stderr saying so and no X error; the open sitting is abandoned with
# its answer kept, and a new kiosk starts on the database as usual.
set -euo pipefail
anketa=$1 src=$2
source "$src/tests/e2e/lib.bash"
e2e_need sqlite3
e2e_kiosk_test 1280x800
E2E_LOG=$tmp/kiosk.log
e2e_set_pin "$tmp/a.db"

ANKETA_TRACE=1 "$anketa" --db "$tmp/a.db" --surveys "$src/surveys" --wave start \
	--class 3А --audience student --run school_day 2>"$tmp/err" >"$E2E_LOG" &
E2E_PID=$!
e2e_wait_line 'screen=welcome' >/dev/null
xdotool key Return
e2e_wait_line 'screen=code' "$E2E_LINE" >/dev/null
xdotool type --delay 30 'k1'
xdotool key Return
e2e_wait_line 'screen=instructions' "$E2E_LINE" >/dev/null
xdotool key Return
e2e_wait_line 'question=1 ' "$E2E_LINE" >/dev/null
xdotool key 1
e2e_wait_line 'question=2 ' "$E2E_LINE" >/dev/null
win=$(timeout 5 xdotool search --sync --classname '^anketa$' | head -1)
xdotool windowclose "$win" 2>/dev/null
status=0
wait "$E2E_PID" || status=$?
E2E_PID=
[ "$status" -eq 0 ] || fail "the kiosk exited with $status: $(cat "$tmp/err")"
grep -v '^ALSA lib' "$tmp/err" >"$tmp/said" || true
[ "$(cat "$tmp/said")" = "anketa: окно киоска закрыла другая программа; открытое прохождение закрыто как прерванное" ] ||
	fail "stderr: $(cat "$tmp/err")"
got=$("$anketa" export answers --db "$tmp/a.db" | tail -n +2 | cut -d, -f6,9,10,13)
[ "$got" = "k1,q1,1,abandoned" ] || fail "answers: $got"
[ "$(sqlite3 "$tmp/a.db" 'PRAGMA integrity_check')" = ok ] || fail "integrity_check"

# The lock went with the process: a new kiosk starts.
ANKETA_TRACE=1 "$anketa" --db "$tmp/a.db" --surveys "$src/surveys" --wave start \
	--class 3А --audience student --run school_day >"$E2E_LOG" 2>&1 &
E2E_PID=$!
e2e_wait_line 'screen=welcome' >/dev/null
kill -TERM "$E2E_PID"
wait "$E2E_PID" || fail "the next kiosk exited with $?"
E2E_PID=
echo "kiosk_window_closed: ok"
