#!/usr/bin/env bash
# The psychologist's path on a fresh database: the kiosk starts by making
# the first PIN (typed twice; a mismatch starts again), the menu sets up the
# final wave with one questionnaire, a parent-free student session runs,
# and a wrong PIN later keeps the menu closed.
set -euo pipefail
anketa=$1 src=$2
source "$src/tests/e2e/lib.bash"
e2e_kiosk_test 1280x800
E2E_LOG=$tmp/kiosk.log
mkdir -p "$tmp/surveys/programs"
cp "$src/surveys/school_day.yaml" "$tmp/surveys/"
# The menu's waves are the programme's, by their titles.
cat >"$tmp/surveys/programs/p.yaml" <<'YAML'
id: p
title: P
waves:
  - {id: start, title: "Исходные данные"}
  - {id: interim, title: "Стартовый этап"}
  - {id: final, title: "Итоговый этап"}
indicators:
  - {id: d, title: День, kind: share, survey: school_day, scale: day, levels: [good]}
YAML

click_target() { # click_target LINE K
	local x y
	read -r x y < <(e2e_target "$1" "$2")
	xdotool mousemove --sync "$x" "$y" click 1
}

# Audio goes to a file (SDL's disk driver), so the voice is always there.
export SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILE=$tmp/audio.raw
ANKETA_TRACE=1 "$anketa" --windowed --size 1280x800 --db "$tmp/a.db" --surveys "$tmp/surveys" \
	>"$E2E_LOG" 2>&1 &
E2E_PID=$!
e2e_wait_line '^anketa: ready$' >/dev/null
# No PIN yet: the first screen makes one, typed twice, and cannot be left.
e2e_wait_line 'screen=pin .*pin=new' >/dev/null
xdotool key Escape
xdotool type --delay 30 '2468'
xdotool key Return
e2e_wait_line 'screen=pin .*pin=again' "$E2E_LINE" >/dev/null
xdotool type --delay 30 '2469'         # not the same: start again
xdotool key Return
e2e_wait_line 'screen=pin .*pin=new' "$E2E_LINE" >/dev/null
xdotool type --delay 30 '2468'
xdotool key Return
e2e_wait_line 'screen=pin .*pin=again' "$E2E_LINE" >/dev/null
xdotool type --delay 30 '2468'
xdotool key Return
# Targets of the menu: 4 audiences, 3 waves, read aloud, code required,
# the one survey, report, results, start, quit.
line=$(e2e_wait_line 'screen=menu' "$E2E_LINE")
click_target "$line" 7                 # the final wave
line=$(e2e_wait_line 'screen=menu' "$E2E_LINE")
click_target "$line" 8                 # read questions aloud
line=$(e2e_wait_line 'screen=menu' "$E2E_LINE")
click_target "$line" 10                # "Как прошёл твой день в школе?"
line=$(e2e_wait_line 'screen=menu' "$E2E_LINE")
xdotool type --delay 30 '4б'           # the class for everybody (spelt "4Б")
line=$(e2e_wait_line 'screen=menu' "$E2E_LINE")
click_target "$line" 13                # start the session
e2e_wait_line 'screen=welcome' "$E2E_LINE" >/dev/null
xdotool key Return
e2e_wait_line 'screen=code' "$E2E_LINE" >/dev/null
xdotool key Return                     # the class is set; an empty code
e2e_wait_line 'screen=instructions' "$E2E_LINE" >/dev/null
xdotool key Return
q=1
for k in 3 2 3 2 3; do                 # the worst answer to every question
	e2e_wait_line "question=$q " "$E2E_LINE" >/dev/null
	if [ "$q" -eq 1 ]; then
		# Read aloud was switched on: the first question is heard without a key.
		e2e_wait_sound "$tmp/audio.raw"
	fi
	xdotool key "$k"
	q=$((q + 1))
done
e2e_wait_line 'screen=thanks' "$E2E_LINE" >/dev/null
xdotool key Return
e2e_wait_line 'screen=welcome' "$E2E_LINE" >/dev/null
xdotool key F10
e2e_wait_line 'screen=pin' "$E2E_LINE" >/dev/null
xdotool type --delay 30 '1111'
xdotool key Return
e2e_wait_line 'screen=pin' "$((E2E_LINE + 1))" >/dev/null   # still the PIN screen
xdotool key Escape
e2e_wait_line 'screen=welcome' "$E2E_LINE" >/dev/null
grep -q 'screen=menu' <(tail -n +"$E2E_LINE" "$E2E_LOG") && fail "a wrong PIN opened the menu"
# The right PIN again: the menu keeps its choices; now a code is required.
xdotool key F10
e2e_wait_line 'screen=pin' "$E2E_LINE" >/dev/null
xdotool type --delay 30 '2468'
xdotool key Return
line=$(e2e_wait_line 'screen=menu' "$E2E_LINE")
click_target "$line" 9                 # code required
line=$(e2e_wait_line 'screen=menu' "$E2E_LINE")
click_target "$line" 13                # start the session
e2e_wait_line 'screen=welcome' "$E2E_LINE" >/dev/null
xdotool key Return
e2e_wait_line 'screen=code' "$E2E_LINE" >/dev/null
xdotool key Return                     # an empty code is refused now
e2e_wait_line 'screen=code .*prompt=1' "$E2E_LINE" >/dev/null
xdotool type --delay 30 'k7'
xdotool key Return
e2e_wait_line 'screen=instructions' "$E2E_LINE" >/dev/null
kill -TERM "$E2E_PID"
wait "$E2E_PID" || fail "kiosk exit status $?"
E2E_PID=

got=$("$anketa" export answers --db "$tmp/a.db" | tail -n +2 | cut -d, -f3-11)
want='final,4Б,student,,school_day,2,q1,3,0
final,4Б,student,,school_day,2,q2,2,0
final,4Б,student,,school_day,2,q3,3,0
final,4Б,student,,school_day,2,q4,2,0
final,4Б,student,,school_day,2,q5,3,0'
[ "$got" = "$want" ] || fail "answers differ:
$got"
echo "kiosk_menu: ok"
