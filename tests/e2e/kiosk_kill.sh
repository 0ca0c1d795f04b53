#!/usr/bin/env bash
# Killing the kiosk at any moment loses at most the answer being given: a
# child answers three questions, the kiosk is killed with SIGKILL (a power
# cut, as far as the process can tell), and the three answers are in the
# database, which is intact; a new kiosk on it starts as usual and closes
# the killed sitting as abandoned.
set -euo pipefail
anketa=$1 src=$2
source "$src/tests/e2e/lib.bash"
e2e_need sqlite3
e2e_kiosk_test 1280x800
e2e_set_pin "$tmp/a.db"

start_kiosk() {
	E2E_LOG=$tmp/kiosk.$1.log
	ANKETA_TRACE=1 "$anketa" --db "$tmp/a.db" --surveys "$src/surveys" --wave start \
		--class 2В --audience student --run school_attitude_primary >"$E2E_LOG" 2>&1 &
	E2E_PID=$!
	e2e_wait_line 'screen=welcome' >/dev/null
}

start_kiosk 1
xdotool key Return
e2e_wait_line 'screen=code' "$E2E_LINE" >/dev/null
xdotool type --delay 30 'k1'
xdotool key Return
e2e_wait_line 'screen=instructions' "$E2E_LINE" >/dev/null
xdotool key Return
for q in 1 2 3; do
	e2e_wait_line "question=$q " "$E2E_LINE" >/dev/null
	xdotool key "$q"
done
e2e_wait_line 'question=4 ' "$E2E_LINE" >/dev/null
kill -KILL "$E2E_PID"
wait "$E2E_PID" 2>/dev/null || true
E2E_PID=

[ "$(sqlite3 "$tmp/a.db" 'PRAGMA integrity_check')" = ok ] || fail "integrity_check after SIGKILL"
got=$("$anketa" export answers --db "$tmp/a.db" | tail -n +2 | cut -d, -f3-11)
# Version 3 (keys as in version 2): q1 "Да" = 3; q2 and q3 are reversed, so
# "Иногда" = 1 and "Нет" = 3.
want='start,2В,student,k1,school_attitude_primary,3,q1,1,3
start,2В,student,k1,school_attitude_primary,3,q2,2,1
start,2В,student,k1,school_attitude_primary,3,q3,3,3'
[ "$got" = "$want" ] || fail "answers after SIGKILL:
$got"
"$anketa" export answers --db "$tmp/a.db" | tail -n +2 | cut -d, -f13 | sort -u | grep -qx in_progress ||
	fail "the killed sitting should stay in progress"

start_kiosk 2
kill -TERM "$E2E_PID"
wait "$E2E_PID" || fail "the kiosk did not start cleanly on the database after SIGKILL"
E2E_PID=
# Nobody can come back to the killed sitting: the new kiosk closed it as
# abandoned, with its three answers.
status=$("$anketa" export answers --db "$tmp/a.db" | tail -n +2 | cut -d, -f13 | sort -u)
[ "$status" = abandoned ] || fail "after a restart the killed sitting is \"$status\""
echo "kiosk_kill: ok"
