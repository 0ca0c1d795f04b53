#!/usr/bin/env bash
# Two kiosks on one database (the desktop entry clicked twice): the second
# says that one is already running, on stderr and in a message box, exits
# with status 1 and touches nothing; the child in the first kiosk goes on
# answering and the sitting completes with every answer.
set -euo pipefail
anketa=$1 src=$2
source "$src/tests/e2e/lib.bash"
e2e_need sqlite3 xwininfo
e2e_kiosk_test 1280x800
E2E_LOG=$tmp/kiosk.log
e2e_set_pin "$tmp/a.db"

ANKETA_TRACE=1 "$anketa" --db "$tmp/a.db" --surveys "$src/surveys" --wave start \
	--class 6А --audience student --run school_day >"$E2E_LOG" 2>&1 &
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

# The second kiosk, while the first one's sitting is open.
"$anketa" --db "$tmp/a.db" --surveys "$src/surveys" --wave start --class 6А \
	--audience student --run school_day >"$tmp/second.out" 2>"$tmp/second.err" &
second=$!
title=$(e2e_close_alert)
status=0
wait "$second" || status=$?
[ "$status" -eq 1 ] || fail "the second kiosk exited with $status"
[ "$title" = "Anketa: запуск не удался" ] || fail "the box is titled \"$title\""
[ "$(cat "$tmp/second.err")" = "anketa: с базой данных $tmp/a.db уже работает другой киоск Anketa; этот не запущен" ] ||
	fail "the second kiosk said: $(cat "$tmp/second.err")"
[ -s "$tmp/second.out" ] && fail "the second kiosk printed: $(cat "$tmp/second.out")"
[ "$(sqlite3 "$tmp/a.db" 'SELECT status FROM sitting')" = 0 ] ||
	fail "the second kiosk closed the first one's sitting"

# The first kiosk is untouched: the child clicks on it (the box had the
# keyboard's focus; the click lands on the question's text, which does
# nothing) and finishes the questionnaire.
xdotool mousemove --sync 640 200 click 1
for q in 2 3 4 5; do
	e2e_wait_line "question=$q " "$E2E_LINE" >/dev/null
	xdotool key 2
done
e2e_wait_line 'screen=thanks' "$E2E_LINE" >/dev/null
kill -TERM "$E2E_PID"
wait "$E2E_PID" || fail "the first kiosk exited with $?"
E2E_PID=
got=$("$anketa" export answers --db "$tmp/a.db" | tail -n +2 | cut -d, -f6,9,10,13)
[ "$got" = "k1,q1,1,completed
k1,q2,2,completed
k1,q3,2,completed
k1,q4,2,completed
k1,q5,2,completed" ] || fail "answers: $got"
echo "kiosk_two: ok"
