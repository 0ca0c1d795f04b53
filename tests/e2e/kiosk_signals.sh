#!/usr/bin/env bash
# SIGHUP (the session that started the kiosk went away) and SIGQUIT close
# the open sitting like SIGTERM and SIGINT do: the kiosk exits 0 and the
# sitting is abandoned with the answers given, not left in progress.
set -euo pipefail
anketa=$1 src=$2
source "$src/tests/e2e/lib.bash"
e2e_need sqlite3
e2e_kiosk_test 1280x800
echo 1234 | "$anketa" pin --db "$tmp/a.db" >/dev/null

n=0
for sig in HUP QUIT TERM INT; do
	n=$((n + 1))
	E2E_LOG=$tmp/kiosk.$sig.log
	# bash starts a background job ignoring SIGINT and SIGQUIT, and a signal
	# the kiosk was started ignoring stays ignored (nohup): start it as the
	# desktop does, with every signal at its default.
	env --default-signal=INT,QUIT ANKETA_TRACE=1 "$anketa" --db "$tmp/a.db" --surveys "$src/surveys" --wave start \
		--class 2В --audience student --run school_attitude_primary >"$E2E_LOG" 2>&1 &
	E2E_PID=$!
	e2e_wait_line 'screen=welcome' >/dev/null
	xdotool key Return
	e2e_wait_line 'screen=code' "$E2E_LINE" >/dev/null
	xdotool type --delay 30 "s$sig"
	xdotool key Return
	e2e_wait_line 'screen=instructions' "$E2E_LINE" >/dev/null
	xdotool key Return
	e2e_wait_line 'question=1 ' "$E2E_LINE" >/dev/null
	xdotool key 1
	e2e_wait_line 'question=2 ' "$E2E_LINE" >/dev/null
	xdotool key 2
	e2e_wait_line 'question=3 ' "$E2E_LINE" >/dev/null
	kill -s "$sig" "$E2E_PID"
	timeout 10 tail --pid="$E2E_PID" -f /dev/null || fail "SIG$sig: the kiosk is still running"
	rc=0
	wait "$E2E_PID" || rc=$?
	E2E_PID=
	[ "$rc" = 0 ] || fail "SIG$sig: exit status $rc"
	got=$(sqlite3 "$tmp/a.db" "SELECT s.status || ':' || count(a.question_id) FROM sitting s
		LEFT JOIN answer a ON a.sitting_id = s.id WHERE s.respondent = 's$sig' GROUP BY s.id")
	[ "$got" = "2:2" ] || fail "SIG$sig: the sitting is \"$got\" (status:answers), want 2:2 (abandoned with both answers)"
done
[ "$(sqlite3 "$tmp/a.db" "SELECT count(*) FROM sitting WHERE status = 0")" = 0 ] ||
	fail "a sitting was left in progress"
echo "kiosk_signals: ok"
