#!/usr/bin/env bash
# A full disk in the middle of a questionnaire: the answer that could not be
# stored gives a red notice and the child stays on the question; nothing
# given before is lost; the notice is not carried to the PIN screen or to
# another question; once there is room again, the same key stores it, the
# notice goes and the questionnaire goes on. Needs root to mount a small
# tmpfs (CI runs as root); elsewhere it is skipped.
set -euo pipefail
anketa=$1 src=$2
source "$src/tests/e2e/lib.bash"
e2e_need sqlite3
e2e_kiosk_test 1280x800
mnt=$tmp/small
mkdir "$mnt"
e2e_mount_tmpfs 1m "$mnt"
trap 'e2e_cleanup_mount' EXIT
e2e_cleanup_mount() {
	[ -n "$E2E_PID" ] && kill "$E2E_PID" 2>/dev/null
	umount "$mnt" 2>/dev/null
	e2e_cleanup
}
E2E_LOG=$tmp/kiosk.log
e2e_set_pin "$mnt/a.db"

ANKETA_TRACE=1 "$anketa" --db "$mnt/a.db" --surveys "$src/surveys" --wave start \
	--class 3А --audience student --run school_day >"$E2E_LOG" 2>&1 &
E2E_PID=$!
e2e_wait_line 'screen=welcome' >/dev/null
xdotool key Return
e2e_wait_line 'screen=code' "$E2E_LINE" >/dev/null
xdotool key Return
e2e_wait_line 'screen=instructions' "$E2E_LINE" >/dev/null
xdotool key Return
e2e_wait_line 'question=1 ' "$E2E_LINE" >/dev/null
xdotool key 1
e2e_wait_line 'question=2 ' "$E2E_LINE" >/dev/null

# Fill the disk to the last byte, then answer.
dd if=/dev/zero of="$mnt/filler" bs=4k 2>/dev/null || true
xdotool key 2
e2e_wait_line 'error=1 survey=school_day question=2 ' "$E2E_LINE" >/dev/null
sleep 1 # the notice stays; the question does not move on
[ -n "${E2E_SHOT:-}" ] && import -window root "$E2E_SHOT"
tail -1 "$E2E_LOG" | grep -q 'error=1 survey=school_day question=2 ' ||
	fail "the kiosk moved on although the answer was not stored"

# The psychologist's PIN screen is not alarmed by it, nor is the question
# when it is left; the answer is refused again while the disk is full.
xdotool key F10
line=$(e2e_wait_line 'screen=pin' "$E2E_LINE")
echo "$line" | grep -q 'error=1' && fail "the PIN screen shows the respondent's alarm"
xdotool key Escape
line=$(e2e_wait_line 'screen=question' "$E2E_LINE")
echo "$line" | grep -q 'error=1' && fail "the alarm came back without a write"
xdotool key 2
e2e_wait_line 'error=1 survey=school_day question=2 ' "$E2E_LINE" >/dev/null

# Room again. Back to question 1: the alarm is not carried there; then the
# same keys store the answers and the questionnaire goes on, unalarmed.
rm -f "$mnt/filler"
xdotool key BackSpace
line=$(e2e_wait_line 'question=1 ' "$E2E_LINE")
echo "$line" | grep -q 'error=1' && fail "the alarm was carried to question 1"
xdotool key 1
e2e_wait_line 'question=2 ' "$E2E_LINE" >/dev/null
xdotool key 2
e2e_wait_line 'question=3 ' "$E2E_LINE" >/dev/null
tail -n +"$E2E_LINE" "$E2E_LOG" | grep -q 'error=1' && fail "the notice stayed after the answer was stored"
kill -TERM "$E2E_PID"
wait "$E2E_PID" || fail "kiosk exit status $?"
E2E_PID=
[ "$(sqlite3 "$mnt/a.db" 'PRAGMA integrity_check')" = ok ] || fail "integrity_check"
got=$("$anketa" export answers --db "$mnt/a.db" | tail -n +2 | cut -d, -f9-11)
[ "$got" = "q1,1,2
q2,2,0" ] || fail "answers: $got"
echo "kiosk_full_disk: ok"
