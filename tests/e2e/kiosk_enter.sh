#!/usr/bin/env bash
# The psychologist enters an indicator's value in the kiosk, with real
# input: F10, the PIN, the menu's "Ввод показателей", the value typed and
# Enter; the value is stored as `anketa enter` stores it (the indicators
# table has it, the audit log notes it), and Escape returns to the menu.
set -euo pipefail
anketa=$1 src=$2
source "$src/tests/e2e/lib.bash"
e2e_need sqlite3
e2e_kiosk_test 1280x800
E2E_LOG=$tmp/kiosk.log
e2e_set_pin "$tmp/a.db"
mkdir -p "$tmp/surveys/programs"
cp "$src/surveys/school_day.yaml" "$tmp/surveys/"
cat >"$tmp/surveys/programs/p.yaml" <<'YAML'
id: p
title: P
waves:
  - {id: start, title: "Исходные данные"}
  - {id: interim, title: "Стартовый этап"}
indicators:
  - {id: d, title: День, kind: share, survey: school_day, scale: day, levels: [good]}
  - {id: "2.1", title: Мероприятия для родителей, kind: count, targets: {interim: 3}}
YAML

ANKETA_TRACE=1 "$anketa" --windowed --size 1280x800 --db "$tmp/a.db" --surveys "$tmp/surveys" \
	>"$E2E_LOG" 2>&1 &
E2E_PID=$!
e2e_wait_line '^anketa: ready$' >/dev/null
xdotool key F10
e2e_wait_line 'screen=pin' "$E2E_LINE" >/dev/null
xdotool type --delay 30 '2468'
xdotool key Return
line=$(e2e_wait_line 'screen=menu' "$E2E_LINE")
# The menu's last target is "Ввод показателей".
n=$(echo "$line" | tr ' ' '\n' | grep -c '^target=')
read -r x y < <(e2e_target "$line" "$n")
xdotool mousemove --sync "$x" "$y" click 1
e2e_wait_line 'screen=enter' "$E2E_LINE" >/dev/null
# 2.1 for the whole school at the first monitoring stage: 4 events.
xdotool type --delay 30 '4'
xdotool key Return
e2e_wait_line 'screen=enter' "$((E2E_LINE + 1))" >/dev/null
for _ in $(seq 1 100); do
	[ "$(sqlite3 "$tmp/a.db" "SELECT count(*) FROM entered" 2>/dev/null)" = 1 ] && break
	sleep 0.05
done
xdotool key Escape
e2e_wait_line 'screen=menu' "$E2E_LINE" >/dev/null
kill -TERM "$E2E_PID"
wait "$E2E_PID" || fail "kiosk exit status $?"
E2E_PID=

got=$("$anketa" export indicators --db "$tmp/a.db" --surveys "$tmp/surveys" | grep '^p,2.1,interim,\*,' |
	cut -d, -f1-13)
[ "$got" = "p,2.1,interim,*,,,,3,yes,,entered,Стартовый этап,4" ] || fail "indicators: $got"
[ "$(sqlite3 "$tmp/a.db" "SELECT detail FROM audit WHERE action = 'enter'")" = "p 2.1 interim *: 4" ] ||
	fail "the value is not in the audit log"
echo "kiosk_enter: ok"
