#!/usr/bin/env bash
# Every question type as people expect it, in the real kiosk under Xvfb with
# real clicks and keys, on the fixture survey that has them all: a multi
# question's check boxes are clicked on and off and sent with "Дальше"; a
# number is typed on the on-screen pad; a text answer longer than its limit
# keeps what fits and says so (a prompt, never a silent cut).
set -euo pipefail
anketa=$1 src=$2
source "$src/tests/e2e/lib.bash"
e2e_need sqlite3
e2e_kiosk_test 1280x800
E2E_LOG=$tmp/kiosk.log
e2e_set_pin "$tmp/a.db"
mkdir "$tmp/surveys"
cp "$src/tests/fixtures/surveys/full.yaml" "$tmp/surveys/"

click_target() { # click_target LINE K (K "last": the last target before the
	local x y k=$2 # psychologist's corner, which is the last of every screen)
	[ "$k" = last ] && k=$(($(echo "$1" | grep -o 'target=' | wc -l) - 1))
	read -r x y < <(e2e_target "$1" "$k")
	xdotool mousemove --sync "$x" "$y" click 1
}

ANKETA_TRACE=1 "$anketa" --windowed --size 1280x800 --db "$tmp/a.db" --surveys "$tmp/surveys" \
	--wave start --class 6А --audience student --run full-test_1 >"$E2E_LOG" 2>&1 &
E2E_PID=$!
e2e_wait_line '^anketa: ready$' >/dev/null
e2e_wait_line 'screen=welcome' >/dev/null
xdotool key Return
e2e_wait_line 'screen=code' "$E2E_LINE" >/dev/null
xdotool key Return
e2e_wait_line 'screen=instructions' "$E2E_LINE" >/dev/null
xdotool key Return
e2e_wait_line 'question=1 ' "$E2E_LINE" >/dev/null
xdotool key 1
e2e_wait_line 'question=2 ' "$E2E_LINE" >/dev/null
xdotool key 2
# The multi question: options 1, 2 and 3 on, 2 off again, then "Дальше".
line=$(e2e_wait_line 'question=3 ' "$E2E_LINE")
for k in 1 2 3 2; do
	click_target "$line" "$k"
done
e2e_shot types-multi
click_target "$line" last
# The number: "1", "5" on the pad (rows 1 2 3 ⌫ / 4 5 6 , / ...), "Дальше".
e2e_wait_line 'question=4 ' "$E2E_LINE" >/dev/null
xdotool key 1
line=$(e2e_wait_line 'question=5 ' "$E2E_LINE")
click_target "$line" 1
click_target "$line" 6
e2e_shot types-number
click_target "$line" last
# The text: 305 characters typed, 300 taken, the prompt says why.
e2e_wait_line 'question=6 ' "$E2E_LINE" >/dev/null
text=$(printf 'abcdefghi %.0s' $(seq 1 30))
xdotool type --delay 3 "${text}12345"
line=$(e2e_wait_line 'prompt=1 .*question=6 ' "$E2E_LINE")
echo "$line" | grep -q ' error=1' && fail "a full text was an alarm: $line"
e2e_shot types-text
xdotool key Return
e2e_wait_line 'screen=thanks' "$E2E_LINE" >/dev/null

kill -TERM "$E2E_PID"
wait "$E2E_PID" || fail "the kiosk exited with $?"
E2E_PID=
got=$(sqlite3 "$tmp/a.db" "SELECT question_id || '=' || value FROM answer WHERE question_id IN
	('q3', 'age') ORDER BY rowid")
[ "$got" = "$(printf 'q3=1|3\nage=15')" ] || fail "multi and number stored as: $got"
got=$(sqlite3 "$tmp/a.db" "SELECT value FROM answer WHERE question_id = 'note'")
[ "$got" = "$text" ] || fail "the text stored is not the 300 characters that fit: «$got»"
echo "kiosk_types: ok"
