#!/usr/bin/env bash
# A prompt is not an alarm: in the real kiosk under Xvfb, with real keys,
# an empty class, a required code left empty, a multi answer with nothing
# chosen and a number out of its range each bring a calm prompt (the trace
# says prompt=1) and never the red "answer not saved" (error=1); the
# respondent then answers and every answer is stored.
set -euo pipefail
anketa=$1 src=$2
source "$src/tests/e2e/lib.bash"
e2e_need sqlite3
e2e_kiosk_test 1280x800
E2E_LOG=$tmp/kiosk.log
e2e_set_pin "$tmp/a.db"
mkdir "$tmp/surveys"
cp "$src/tests/fixtures/surveys/full.yaml" "$tmp/surveys/"

# expect_prompt: the frame after the last action shows a prompt and no alarm.
expect_prompt() {
	local line
	line=$(e2e_wait_line "$1" "$E2E_LINE")
	echo "$line" | grep -q ' prompt=1' || fail "no prompt after $2: $line"
	echo "$line" | grep -q ' error=1' && fail "an alarm after $2: $line"
	return 0
}

ANKETA_TRACE=1 "$anketa" --windowed --size 1280x800 --db "$tmp/a.db" --surveys "$tmp/surveys" \
	--wave start --audience student --run full-test_1 --require-code >"$E2E_LOG" 2>&1 &
E2E_PID=$!
e2e_wait_line '^anketa: ready$' >/dev/null
e2e_wait_line 'screen=welcome' >/dev/null
xdotool key Return
e2e_wait_line 'screen=code' "$E2E_LINE" >/dev/null
xdotool key Return                          # no class typed
expect_prompt 'screen=code.* prompt=1' "an empty class"
e2e_shot prompt-class
xdotool type --delay 40 '6а'
e2e_wait_line 'screen=code draw_us=[0-9]+ target=' "$E2E_LINE" >/dev/null  # typing took the prompt away
xdotool key Return
e2e_wait_line 'screen=code' "$E2E_LINE" >/dev/null
xdotool key Return                          # the code is required
expect_prompt 'screen=code.* prompt=1' "a required code left empty"
xdotool type --delay 40 'k7'
xdotool key Return
e2e_wait_line 'screen=instructions' "$E2E_LINE" >/dev/null
xdotool key Return
e2e_wait_line 'question=1 ' "$E2E_LINE" >/dev/null
xdotool key 1
e2e_wait_line 'question=2 ' "$E2E_LINE" >/dev/null
xdotool key 1
e2e_wait_line 'question=3 ' "$E2E_LINE" >/dev/null
xdotool key Return                          # a multi answer, nothing chosen
expect_prompt 'prompt=1 .*question=3 ' "a multi answer with nothing chosen"
e2e_shot prompt-multi
xdotool key 2
xdotool key Return
e2e_wait_line 'question=4 ' "$E2E_LINE" >/dev/null
xdotool key 1
e2e_wait_line 'question=5 ' "$E2E_LINE" >/dev/null
xdotool type --delay 40 '42'                # the age: 7 to 18
xdotool key Return
expect_prompt 'prompt=1 .*question=5 ' "a number out of its range"
e2e_shot prompt-range
xdotool key BackSpace BackSpace
xdotool type --delay 40 '12'
xdotool key Return
e2e_wait_line 'question=6 ' "$E2E_LINE" >/dev/null
xdotool type --delay 40 'всё хорошо'
xdotool key Return
e2e_wait_line 'screen=thanks' "$E2E_LINE" >/dev/null
grep -q ' error=1' "$E2E_LOG" && fail "the red alarm was shown: $(grep -m1 ' error=1' "$E2E_LOG")"

kill -TERM "$E2E_PID"
wait "$E2E_PID" || fail "the kiosk exited with $?"
E2E_PID=
got=$(sqlite3 "$tmp/a.db" "SELECT s.class_name, s.respondent, a.question_id, a.value
	FROM answer a JOIN sitting s ON s.id = a.sitting_id ORDER BY a.rowid")
want='6А|k7|q1|1
6А|k7|q2|1
6А|k7|q3|2
6А|k7|q4|1
6А|k7|age|12
6А|k7|note|всё хорошо'
[ "$got" = "$want" ] || fail "answers differ:
$got
--- want ---
$want"
echo "kiosk_prompts: ok"
