#!/usr/bin/env bash
# Under a real window manager (openbox) with another window open (xlogo),
# the full-screen kiosk keeps the keyboard: Alt+Tab, Ctrl+Alt+Right and
# Alt+Space neither raise the other window, nor switch desktops, nor open
# the window menu, and do nothing in the kiosk either. Only the PIN leaves.
set -euo pipefail
anketa=$1 src=$2
source "$src/tests/e2e/lib.bash"
e2e_need openbox xlogo xwininfo xprop
e2e_kiosk_test 1280x800
E2E_LOG=$tmp/kiosk.log
e2e_set_pin "$tmp/a.db"

openbox --sm-disable >"$tmp/openbox.log" 2>&1 &
wm=$!
trap 'kill "$wm" 2>/dev/null; e2e_cleanup' EXIT
for _ in $(seq 1 200); do # openbox is ready once it has made its 4 desktops
	xprop -root _NET_NUMBER_OF_DESKTOPS 2>/dev/null | grep -q '= 4$' && break
	sleep 0.05
done
xprop -root _NET_NUMBER_OF_DESKTOPS | grep -q '= 4$' || fail "openbox did not start"
xlogo &
logo=$!
trap 'kill "$logo" "$wm" 2>/dev/null; e2e_cleanup' EXIT
timeout 5 xdotool search --sync --onlyvisible --classname '^xlogo$' >/dev/null

ANKETA_TRACE=1 "$anketa" --db "$tmp/a.db" --surveys "$src/surveys" --wave start \
	--class 6А --audience student --run school_day >"$E2E_LOG" 2>&1 &
E2E_PID=$!
e2e_wait_line 'screen=welcome' >/dev/null
kiosk=$(timeout 5 xdotool search --sync --onlyvisible --classname '^anketa$' | head -1)

# The windows on screen (viewable children of the root), in no order: a
# window menu, or a window raised or mapped, changes the set.
shown_windows() {
	for w in $(xwininfo -root -children | sed -n 's/^ *\(0x[0-9a-f]*\) .*/\1/p'); do
		xwininfo -id "$w" | grep -q 'Map State: IsViewable' && echo "$w"
	done | sort
	return 0
}

# Waits until the kiosk has taken the focus, then checks after each key
# that it is still the active, mapped window covering the whole screen.
for _ in $(seq 1 100); do
	[ "$(xdotool getactivewindow 2>/dev/null)" = "$kiosk" ] && break
	sleep 0.05
done
still_kiosk() {
	local what=$1 info
	sleep 0.5 # what openbox would do, it does at once; give it time anyway
	[ "$(xdotool getactivewindow 2>/dev/null)" = "$kiosk" ] ||
		fail "$what: the active window is $(xdotool getactivewindow 2>&1), not the kiosk"
	[ "$(xdotool getwindowname "$kiosk")" = Anketa ] || fail "$what: the kiosk's title changed"
	info=$(xwininfo -id "$kiosk")
	echo "$info" | grep -q 'Map State: IsViewable' || fail "$what: the kiosk is not mapped"
	echo "$info" | grep -q 'Absolute upper-left X:  0$' || fail "$what: moved: $info"
	echo "$info" | grep -q 'Absolute upper-left Y:  0$' || fail "$what: moved: $info"
	echo "$info" | grep -q 'Width: 1280$' || fail "$what: not full screen: $info"
	echo "$info" | grep -q 'Height: 800$' || fail "$what: not full screen: $info"
	xprop -root _NET_CURRENT_DESKTOP | grep -q '= 0$' || fail "$what: the desktop changed"
	[ "$(shown_windows)" = "$before" ] || fail "$what: the window manager showed a window"
}
before=$(shown_windows)
still_kiosk "at the start"
xdotool key alt+Tab
still_kiosk "Alt+Tab"
xdotool key ctrl+alt+Right
still_kiosk "Ctrl+Alt+Right"
xdotool key alt+space
still_kiosk "Alt+Space"
[ -n "${E2E_SHOT:-}" ] && import -window root "$E2E_SHOT"
# None of them did anything in the kiosk either (Ctrl+Alt+Right is no
# "next", Alt+Space no "read aloud").
grep -q 'screen=code' "$E2E_LOG" && fail "a window manager's key started the questionnaire"
# The keyboard is the kiosk's: Enter starts.
xdotool key Return
e2e_wait_line 'screen=code' >/dev/null
kill -TERM "$E2E_PID"
wait "$E2E_PID" || fail "kiosk exit status $?"
E2E_PID=
echo "kiosk_window_manager: ok"
