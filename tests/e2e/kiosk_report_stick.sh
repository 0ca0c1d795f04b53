#!/usr/bin/env bash
# The menu's report buttons with a USB stick in: "Отчёт (PDF)" saves the
# report and the workbook named by the school, the last wave and the day;
# a second report the same day is saved beside the first, never over it;
# "На флешку" appears and copies the files just saved onto the stick (a
# tmpfs mounted under the media root, so the script needs root); "Справка"
# saves the editable note beside them.
set -euo pipefail
anketa=$1 src=$2
source "$src/tests/e2e/lib.bash"
[ "$(id -u)" -eq 0 ] || e2e_skip "mounting a tmpfs as the stick needs root"
e2e_need unzip
e2e_kiosk_test 1280x800
E2E_LOG=$tmp/kiosk.log
surveys=$src/tests/fixtures/store/surveys
stick=$tmp/media/user/STICK
mkdir -p "$stick" "$tmp/out"
mount -t tmpfs -o size=8m tmpfs "$stick" 2>/dev/null || e2e_skip "cannot mount a tmpfs here"
trap 'umount "$stick" 2>/dev/null; e2e_cleanup' EXIT
"$anketa" school --db "$tmp/a.db" "Школа № 5" >/dev/null
e2e_set_pin "$tmp/a.db"
"$anketa" import --db "$tmp/a.db" --surveys "$surveys" "$src/tests/fixtures/store/results.csv" \
	>/dev/null
day=$(date +%Y-%m-%d)
stem="Школа_№_5-Итоговая_диагностика-$day"

# The target whose centre is at X,Y in a trace line: its number.
target_at() { # target_at LINE X Y
	echo "$1" | tr ' ' '\n' | grep '^target=' | grep -n "^target=$2,$3," | cut -d: -f1
}
click_at() { # click_at X Y: the menu's button there, found in the last frame
	local line k x y
	line=$(grep 'screen=menu' "$E2E_LOG" | tail -n 1)
	k=$(target_at "$line" "$1" "$2")
	[ -n "$k" ] || fail "no button at $1,$2 in: $line"
	read -r x y < <(e2e_target "$line" "$k")
	xdotool mousemove --sync "$x" "$y" click 1
}
wait_file() { # wait_file PATH: up to 10 s
	for _ in $(seq 1 200); do
		[ -s "$1" ] && return 0
		sleep 0.05
	done
	fail "no file $1; the folder has: $(ls "$(dirname "$1")")"
}

ANKETA_MEDIA_DIRS=$tmp/media ANKETA_REPORT_DIR=$tmp/out ANKETA_TRACE=1 \
	"$anketa" --windowed --size 1280x800 --db "$tmp/a.db" --surveys "$surveys" \
	>"$E2E_LOG" 2>&1 &
E2E_PID=$!
e2e_wait_line '^anketa: ready$' >/dev/null
xdotool key F10
e2e_wait_line 'screen=pin' "$E2E_LINE" >/dev/null
xdotool type --delay 30 '2468'
xdotool key Return
e2e_wait_line 'screen=menu' "$E2E_LINE" >/dev/null
# "Отчёт (PDF)": footer, 464 from the left, 200 wide; 100 from the bottom, 76 high.
click_at 564 738
wait_file "$tmp/out/Отчёт-$stem.pdf"
wait_file "$tmp/out/Таблицы-$stem.xlsx"
first=$(md5sum <"$tmp/out/Отчёт-$stem.pdf")
# The workbook names its school too: its last sheet, "about".
# (Unpacked to a file: under pipefail, grep -q leaving early would fail unzip.)
unzip -p "$tmp/out/Таблицы-$stem.xlsx" xl/workbook.xml >"$tmp/workbook.xml"
grep -q 'name="about"' "$tmp/workbook.xml" || fail "no about sheet: $(cat "$tmp/workbook.xml")"
unzip -p "$tmp/out/Таблицы-$stem.xlsx" xl/worksheets/sheet6.xml >"$tmp/about.xml"
grep -q 'Школа № 5' "$tmp/about.xml" || fail "the workbook does not name the school: $(cat "$tmp/about.xml")"
click_at 564 738
wait_file "$tmp/out/Отчёт-$stem-2.pdf"
wait_file "$tmp/out/Таблицы-$stem-2.xlsx"
[ "$(md5sum <"$tmp/out/Отчёт-$stem.pdf")" = "$first" ] || fail "the first report was replaced"
# "На флешку": under "Ввод показателей" in the right column.
for _ in $(seq 1 100); do
	grep 'screen=menu' "$E2E_LOG" | tail -n 1 | grep -q 'target=1080,300,' && break
	sleep 0.05
done
click_at 1080 300
wait_file "$stick/Отчёт-$stem-2.pdf"
wait_file "$stick/Таблицы-$stem-2.xlsx"
cmp -s "$stick/Отчёт-$stem-2.pdf" "$tmp/out/Отчёт-$stem-2.pdf" || fail "the copy differs"
[ "$(ls "$stick" | wc -l)" -eq 2 ] || fail "the stick holds: $(ls "$stick")"
# "Справка": footer, 680 from the left.
click_at 780 738
wait_file "$tmp/out/Справка-$stem.odt"
[ "$(head -c 2 "$tmp/out/Справка-$stem.odt")" = PK ] || fail "the note is no zip"
echo "kiosk_report_stick: reports named and kept, copied to the stick"
