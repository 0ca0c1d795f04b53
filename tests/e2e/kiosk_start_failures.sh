#!/usr/bin/env bash
# A start that cannot work, as a person who started the kiosk from the
# desktop sees it: a damaged or newer database and a broken font each give
# one Russian line on stderr, a message box saying the same (its title
# begins "Anketa: "), closed with its OK button, and exit status 1; the
# database is left as it was. With DISPLAY set but no X server behind it,
# the kiosk refuses to run unseen.
set -euo pipefail
anketa=$1 src=$2
source "$src/tests/e2e/lib.bash"
e2e_need sqlite3 xwininfo
e2e_kiosk_test 1280x800

# refused WHAT ARGS...: runs the kiosk, closes its message box and checks
# that it ended with status 1; its stderr is in $tmp/err.
refused() {
	local what=$1 status=0
	shift
	"$anketa" "$@" >"$tmp/out" 2>"$tmp/err" &
	E2E_PID=$!
	title=$(e2e_close_alert)
	wait "$E2E_PID" || status=$?
	E2E_PID=
	[ "$status" -eq 1 ] || fail "$what: exit status $status"
	[ "$title" = "Anketa: запуск не удался" ] || fail "$what: the box is titled \"$title\""
	grep -q 'anketa: ready' "$tmp/out" && fail "$what: the kiosk became ready"
	return 0
}

printf 'not a database at all, but long enough to look like one..........\n' >"$tmp/bad.db"
cp "$tmp/bad.db" "$tmp/bad.copy"
refused "a damaged database" --db "$tmp/bad.db" --surveys "$src/surveys"
[ "$(cat "$tmp/err")" = "anketa: база данных $tmp/bad.db повреждена или не является базой Anketa; файл оставлен без изменений" ] ||
	fail "a damaged database said: $(cat "$tmp/err")"
cmp -s "$tmp/bad.db" "$tmp/bad.copy" || fail "the damaged database was changed"

sqlite3 "$tmp/new.db" 'PRAGMA application_id = 1095650132; PRAGMA user_version = 99; CREATE TABLE meta (key TEXT);'
refused "a newer database" --db "$tmp/new.db" --surveys "$src/surveys"
grep -q "^anketa: база данных $tmp/new.db создана более новой версией Anketa" "$tmp/err" ||
	fail "a newer database said: $(cat "$tmp/err")"

# A font file that is no font: said at start, never an abort().
mkdir "$tmp/fonts"
head -c 4096 /dev/urandom >"$tmp/fonts/DejaVuSans.ttf"
ANKETA_FONT_DIR=$tmp/fonts refused "a broken font" --db "$tmp/a.db" --surveys "$src/surveys"
[ "$(cat "$tmp/err")" = "anketa: файл шрифта $tmp/fonts/DejaVuSans.ttf повреждён: переустановите пакет Debian fonts-dejavu-core" ] ||
	fail "a broken font said: $(cat "$tmp/err")"

# DISPLAY names a server that is not there: no window can be shown, so no
# message box either; the kiosk must not run on an invisible driver.
n=90
while [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ]; do n=$((n + 1)); done
status=0
DISPLAY=:$n timeout 20 "$anketa" --db "$tmp/b.db" --surveys "$src/surveys" >"$tmp/out" 2>"$tmp/err" ||
	status=$?
[ "$status" -eq 1 ] || fail "an unreachable display: exit status $status"
[ "$(cat "$tmp/err")" = "anketa: нет экрана для киоска: запустите его в графическом сеансе" ] ||
	fail "an unreachable display said: $(cat "$tmp/err")"
[ -s "$tmp/out" ] && fail "an unreachable display printed: $(cat "$tmp/out")"
echo "kiosk_start_failures: ok"
