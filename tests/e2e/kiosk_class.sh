#!/usr/bin/env bash
# One class, one spelling, in the real kiosk under Xvfb with real keys and
# clicks: "7б" left by a click on the code field is stored as "7Б"; "7b"
# typed on the Latin layout is the Cyrillic key in its place ("7И"); "7,"
# left with the on-screen "Дальше" is "7Б"; "12" is refused with a prompt.
# With the school's class list the class is picked from its buttons. A
# database holding "7б" beside "7Б" is repaired once when it is opened, and
# the audit log says so.
set -euo pipefail
anketa=$1 src=$2
source "$src/tests/e2e/lib.bash"
e2e_need sqlite3
e2e_kiosk_test 1280x800
E2E_LOG=$tmp/kiosk.log
mkdir "$tmp/surveys"
cp "$src/surveys/school_day.yaml" "$tmp/surveys/"

click_target() { # click_target LINE K
	local x y
	read -r x y < <(e2e_target "$1" "$2")
	xdotool mousemove --sync "$x" "$y" click 1
}

start_kiosk() {
	ANKETA_TRACE=1 "$anketa" --windowed --size 1280x800 --db "$tmp/a.db" \
		--surveys "$tmp/surveys" --wave start --audience student --run school_day \
		>"$E2E_LOG" 2>&1 &
	E2E_PID=$!
	E2E_LINE=0
	e2e_wait_line '^anketa: ready$' >/dev/null
	e2e_wait_line 'screen=welcome' >/dev/null
}

stop_kiosk() {
	kill -TERM "$E2E_PID"
	wait "$E2E_PID" || fail "the kiosk exited with $?"
	E2E_PID=
}

# From the code screen (class and code given) through the five questions.
answer_survey() {
	e2e_wait_line 'screen=instructions' "$E2E_LINE" >/dev/null
	xdotool key Return
	for q in 1 2 3 4 5; do
		e2e_wait_line "question=$q " "$E2E_LINE" >/dev/null
		xdotool key 1
	done
	e2e_wait_line 'screen=thanks' "$E2E_LINE" >/dev/null
	xdotool key Return
	e2e_wait_line 'screen=welcome' "$E2E_LINE" >/dev/null
}

start_kiosk
# 1. Lower case, left by a click on the code field.
xdotool key Return
line=$(e2e_wait_line 'screen=code' "$E2E_LINE")
xdotool type --delay 40 '7б'
e2e_wait_line 'screen=code' "$E2E_LINE" >/dev/null
click_target "$line" 2                  # the code field
e2e_shot class-click
xdotool type --delay 40 'a1'
xdotool key Return
answer_survey
# 2. The Latin layout: the key of "И" types "b".
xdotool key Return
e2e_wait_line 'screen=code' "$E2E_LINE" >/dev/null
setxkbmap -layout us
xdotool type --delay 40 '12'
xdotool key Return                      # no grade 12: a prompt, the focus stays
line=$(e2e_wait_line 'screen=code.* prompt=1' "$E2E_LINE")
echo "$line" | grep -q ' error=1' && fail "the class was an alarm: $line"
e2e_shot class-refused
xdotool key BackSpace BackSpace
xdotool type --delay 40 '7b'
xdotool key Return
e2e_wait_line 'screen=code' "$E2E_LINE" >/dev/null
xdotool type --delay 40 'b2'
xdotool key Return
answer_survey
# 3. "7," left with the on-screen "Дальше" (the last target).
xdotool key Return
e2e_wait_line 'screen=code' "$E2E_LINE" >/dev/null
xdotool type --delay 40 '7,'
line=$(e2e_wait_line 'screen=code' "$E2E_LINE")
click_target "$line" "$(echo "$line" | grep -o 'target=' | wc -l)"
e2e_wait_line 'screen=code' "$E2E_LINE" >/dev/null
xdotool type --delay 40 'c3'
xdotool key Return
answer_survey
setxkbmap -layout us,ru
stop_kiosk
got=$(sqlite3 "$tmp/a.db" "SELECT respondent || '=' || class_name FROM sitting ORDER BY started_at")
[ "$got" = "$(printf 'a1=7Б\nb2=7И\nc3=7Б')" ] || fail "classes stored: $got"

# The class list: the class is picked from its buttons.
printf 'class,students,parents\n7А,24,22\n7Б,25,20\n10А,20,18\n' >"$tmp/classes.csv"
"$anketa" classes --db "$tmp/a.db" "$tmp/classes.csv" >/dev/null
start_kiosk
xdotool key Return
line=$(e2e_wait_line 'screen=code' "$E2E_LINE")
# 7А, 7Б and 10А, and no field or "Дальше" yet.
[ "$(echo "$line" | grep -o 'target=' | wc -l)" -eq 3 ] || fail "not the class buttons: $line"
e2e_shot class-picker
click_target "$line" 3                  # 10А
# The code step: the code field (centred at 826,144) and the keyboard.
line=$(e2e_wait_line 'screen=code .*target=826,144,' "$E2E_LINE")
[ "$(echo "$line" | grep -o 'target=' | wc -l)" -eq 48 ] || fail "no code step: $line"
xdotool type --delay 40 'd4'
xdotool key Return
answer_survey
stop_kiosk
got=$(sqlite3 "$tmp/a.db" "SELECT class_name FROM sitting WHERE respondent = 'd4'")
[ "$got" = 10А ] || fail "picked class stored as: $got"

# An older database with the same class in two spellings ("7б" was what a
# click left before) is one class again once opened, and audited. The
# database is put back to schema 3: what the later migrations add is taken
# away (006 entered, 005 class.flagged).
sqlite3 "$tmp/a.db" "UPDATE sitting SET class_name = '7б' WHERE respondent = 'a1';
	DROP TABLE entered; ALTER TABLE class DROP COLUMN flagged;
	PRAGMA user_version = 3"
"$anketa" export answers --db "$tmp/a.db" >"$tmp/answers.csv"
got=$(sqlite3 "$tmp/a.db" "SELECT class_name || ':' || count(*) FROM sitting GROUP BY class_name ORDER BY class_name")
[ "$got" = "$(printf '10А:1\n7Б:2\n7И:1')" ] || fail "not repaired: $got"
got=$(sqlite3 "$tmp/a.db" "SELECT action || ' ' || detail FROM audit WHERE action = 'class-spelling'")
[ "$got" = "class-spelling 7б -> 7Б: 1 sittings" ] || fail "audit: $got"
[ "$(sqlite3 "$tmp/a.db" 'PRAGMA user_version')" -ge 4 ] || fail "not migrated"
grep -q ',7б,' "$tmp/answers.csv" && fail "the export still has 7б"
echo "kiosk_class: ok"
