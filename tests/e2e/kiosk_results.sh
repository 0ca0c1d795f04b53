#!/usr/bin/env bash
# The psychologist reads the Results with real input: F10, the PIN, the
# menu's "Результаты"; the overview first, a page per indicator (its chart
# drawn), the alerts last; PageDown, →, the ">" button, PageUp and ← page,
# the header counts the pages, Escape returns to the menu. Pixels of the
# real window are checked where the figures must be.
set -euo pipefail
anketa=$1 src=$2
source "$src/tests/e2e/lib.bash"
e2e_need import convert
e2e_kiosk_test 1280x800
E2E_LOG=$tmp/kiosk.log
mkdir -p "$tmp/surveys/programs"
cp "$src/surveys/school_day.yaml" "$tmp/surveys/"
cat >"$tmp/surveys/programs/p.yaml" <<'YAML'
id: p
title: P
min_n: 1
waves:
  - {id: start, title: "Исходные данные"}
  - {id: final, title: "Итоговый этап"}
indicators:
  - {id: "1.1", title: Хороший день, kind: share, survey: school_day, scale: day,
     levels: [good], targets: {final: 50}}
  - {id: "2.1", title: Мероприятия для родителей, kind: count, targets: {final: 3}}
YAML
# 6А: a's best day (8 of 8: good) at both waves; b's worst (0: hard, and
# the alert of q3) at the start, best at the end. Start 1 of 2 = 50 % (no
# target), end 2 of 2 = 100 % (target 50: met); a and b pair.
cat >"$tmp/answers.csv" <<'CSV'
wave,class,audience,respondent,survey_id,q1,q2,q3,q4,q5,answered_at
start,6А,student,a,school_day,1,1,1,1,1,2026-09-15T10:00:00Z
start,6А,student,b,school_day,3,2,3,2,3,2026-09-15T10:05:00Z
final,6А,student,a,school_day,1,1,1,1,1,2026-12-15T10:00:00Z
final,6А,student,b,school_day,1,1,1,1,1,2026-12-15T10:05:00Z
CSV
"$anketa" import --db "$tmp/a.db" --surveys "$tmp/surveys" "$tmp/answers.csv" >/dev/null
"$anketa" enter --db "$tmp/a.db" --surveys "$tmp/surveys" p 2.1 --wave final 3 >/dev/null
printf '2468\n' | "$anketa" pin --db "$tmp/a.db" >/dev/null

# How many pixels of colour #RRGGBB the window has in WxH+X+Y.
pixels() {
	import -window root png:- | convert - -crop "$2" +repage txt:- | grep -c -i "#$1" || true
}
# Waits for the Results page "N/M kind=K" after line $E2E_LINE.
page() {
	e2e_wait_line "screen=results .*page=$1 kind=$2" "$E2E_LINE" >/dev/null
}

ANKETA_TRACE=1 "$anketa" --windowed --size 1280x800 --db "$tmp/a.db" --surveys "$tmp/surveys" \
	>"$E2E_LOG" 2>&1 &
E2E_PID=$!
e2e_wait_line '^anketa: ready$' >/dev/null
xdotool key F10
e2e_wait_line 'screen=pin' "$E2E_LINE" >/dev/null
xdotool type --delay 30 '2468'
xdotool key Return
e2e_wait_line 'screen=menu' "$E2E_LINE" >/dev/null
# "Результаты": the footer's button 240 x 76 at 288 from the left.
xdotool mousemove --sync 408 738 click 1
# Four pages: the overview (both indicators fit), 1.1, 2.1, the alerts.
page 1/4 overview
e2e_shot results-overview
# The end's figures are met: "100,0 % ✓" and "3 ✓" in green (#1F9D63) in
# the last column (from 32 + 510 + 353 = 895), nothing red (#C62828).
[ "$(pixels 1F9D63 340x110+895+116)" -gt 20 ] || fail "no green figure in the overview"
[ "$(pixels C62828 1216x110+32+116)" -eq 0 ] || fail "a red figure in the overview"
xdotool key Next
page 2/4 indicator
e2e_shot results-indicator
# The chart: bars of the start (#0072B2) and of the end (#E69F00).
[ "$(pixels 0072B2 840x414+32+176)" -gt 100 ] || fail "no bars of the start in the chart"
[ "$(pixels E69F00 840x414+32+176)" -gt 100 ] || fail "no bars of the end in the chart"
xdotool key Right
page 3/4 indicator
e2e_shot results-count
line=$(e2e_wait_line 'screen=results' "$((E2E_LINE - 1))")
read -r x y < <(e2e_target "$line" 3) # ">"
xdotool mousemove --sync "$x" "$y" click 1
page 4/4 alerts
e2e_shot results-alerts
xdotool key Next # past the last: the first again
page 1/4 overview
xdotool key Prior
page 4/4 alerts
xdotool key Left
page 3/4 indicator
xdotool key Escape
e2e_wait_line 'screen=menu' "$E2E_LINE" >/dev/null
kill -TERM "$E2E_PID"
wait "$E2E_PID" || fail "kiosk exit status $?"
E2E_PID=
echo "kiosk_results: ok"
