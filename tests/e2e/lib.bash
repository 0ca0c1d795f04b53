# Shared helpers for the end-to-end scripts, sourced by them.

fail() {
	echo "FAIL: $*" >&2
	exit 1
}

# A script that cannot run here says why and exits 77, which ctest reports
# as skipped (SKIP_RETURN_CODE in tests/CMakeLists.txt), never as passed.
E2E_SKIP=77
e2e_skip() {
	echo "$(basename "$0" .sh): skipped: $*"
	exit "$E2E_SKIP"
}

# Skips the script unless every tool named is installed.
e2e_need() {
	for tool in "$@"; do
		command -v "$tool" >/dev/null ||
			e2e_skip "$tool is not installed (bash .ci/setup test installs it)"
	done
}

# Starts Xvfb on a free display at WxH and exports DISPLAY; stopped by e2e_cleanup.
e2e_start_x() {
	local size=$1 display
	e2e_need Xvfb xdotool setxkbmap
	exec 3< <(exec Xvfb -displayfd 1 -screen 0 "${size}x24" -nolisten tcp -noreset 2>/dev/null)
	read -r -t 10 display <&3 || fail "Xvfb did not start"
	export DISPLAY=":$display"
	setxkbmap -layout us,ru
	export SDL_RENDER_DRIVER=software SDL_FRAMEBUFFER_ACCELERATION=0 \
		DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent SDL_MOUSE_FOCUS_CLICKTHROUGH=1
}

# Waits (up to $3 seconds, 10 by default) for a line matching an extended
# regex in the log after line number $2; prints the matching line and sets
# E2E_LINE to its number.
e2e_wait_line() {
	local pattern=$1 after=${2:-0} log=$E2E_LOG n line
	for _ in $(seq 1 $((${3:-10} * 20))); do
		n=$(tail -n +"$((after + 1))" "$log" | grep -n -E -m1 "$pattern" | cut -d: -f1 || true)
		if [ -n "$n" ]; then
			E2E_LINE=$((after + n))
			line=$(sed -n "${E2E_LINE}p" "$log")
			echo "$line"
			return 0
		fi
		kill -0 "$E2E_PID" 2>/dev/null || break
		sleep 0.05
	done
	echo "--- kiosk output ---" >&2
	cat "$log" >&2
	fail "no line matching '$pattern' after line $after"
}

# The centre "x y" of the k-th (1-based) click target in a trace line.
e2e_target() {
	local line=$1 k=$2
	echo "$line" | tr ' ' '\n' | grep '^target=' | sed -n "${k}p" | sed 's/target=//' |
		awk -F, '{ print $1, $2 }'
}

# Saves the screen as $E2E_SHOTS/NAME.png when E2E_SHOTS names a folder: for
# a person to look at what a script saw (nothing is saved otherwise).
e2e_shot() {
	[ -n "${E2E_SHOTS:-}" ] || return 0
	import -window root "$E2E_SHOTS/$1.png"
}

# Non-zero bytes in an audio file written by SDL's disk driver (0: silence).
e2e_sound() {
	od -An -v -tx1 "$1" 2>/dev/null | tr ' ' '\n' | grep -c -v -E '^(00)?$' || true
}

# Waits up to 5 s for speech (more than 1000 non-zero bytes) in an audio file.
e2e_wait_sound() {
	for _ in $(seq 1 100); do
		[ "$(e2e_sound "$1")" -gt 1000 ] && return 0
		sleep 0.05
	done
	fail "no speech in $1"
}

# Sets up a kiosk test: a temporary folder in $tmp, Xvfb at WxH, and a trap
# that stops the kiosk ($E2E_PID) and Xvfb and removes $tmp on exit.
e2e_kiosk_test() {
	tmp=$(mktemp -d)
	E2E_PID=
	trap e2e_cleanup EXIT
	e2e_start_x "$1"
}

# For the scripts without a screen: a temporary folder in $tmp, removed on exit.
e2e_data_test() {
	tmp=$(mktemp -d)
	trap 'rm -rf "$tmp"' EXIT
}

# Mounts a tmpfs of SIZE at the folder $2, or skips the script: mounting
# needs root (the Check suites cover the same paths without a mount).
e2e_mount_tmpfs() {
	[ "$(id -u)" -eq 0 ] || e2e_skip "mounting a tmpfs needs root"
	mount -t tmpfs -o "size=$1" tmpfs "$2" 2>/dev/null || e2e_skip "cannot mount a tmpfs here"
}

# Like e2e_data_test, with a tmpfs of SIZE mounted at $mnt (unmounted on
# exit); skipped where it cannot be mounted.
e2e_data_test_on_tmpfs() {
	tmp=$(mktemp -d)
	mnt=$tmp/mnt
	mkdir "$mnt"
	trap 'rm -rf "$tmp"' EXIT
	e2e_mount_tmpfs "$1" "$mnt"
	trap 'umount "$mnt"; rm -rf "$tmp"' EXIT
}

# Makes an empty Anketa database at $2 with the program $1 (an import of
# an answers table without rows). An empty file is not one: export and
# report refuse it.
e2e_empty_db() {
	printf 'sitting_id,device_id,wave,class,audience,respondent,survey_id,survey_version,question_id,value,score,answered_at\n' >"$2.header.csv"
	"$1" import --db "$2" "$2.header.csv" >/dev/null || fail "cannot make the empty database $2"
	rm -f "$2.header.csv"
}

e2e_cleanup() {
	[ -n "$E2E_PID" ] && kill "$E2E_PID" 2>/dev/null
	pkill -P $$ Xvfb 2>/dev/null
	rm -rf "$tmp"
	return 0
}

# Waits (up to 10 s) for the kiosk's start-up message box (its title begins
# "Anketa: "), prints its title and closes it with a click on its OK button,
# the one button, centred at its bottom. A click, not a key: another kiosk
# may hold the keyboard.
e2e_close_alert() {
	local line geometry w h x y
	for _ in $(seq 1 200); do
		line=$(xwininfo -root -tree | grep -m1 '"Anketa: ' || true)
		[ -n "$line" ] && break
		sleep 0.05
	done
	[ -n "$line" ] || fail "no message box appeared"
	echo "$line" | sed 's/^[^"]*"\([^"]*\)".*/\1/'
	geometry=$(echo "$line" | grep -o '[0-9]*x[0-9]*+[0-9-]*+[0-9-]*' | head -1)
	IFS='x+' read -r w h x y <<<"$geometry"
	xdotool mousemove --sync $((x + w / 2)) $((y + h - 26)) click 1
}

# Gives the database $1 the psychologist's PIN (${2:-2468}) with `anketa pin`
# ($anketa), as a school does before the first lesson: a kiosk on a
# database without a PIN asks for one before anything else.
e2e_set_pin() {
	echo "${2:-2468}" | "$anketa" pin --db "$1" >/dev/null || fail "anketa pin failed"
}

# Writes a programme file into the surveys folder $1 that gives the kiosk's
# menu its waves (the menu offers the programmes' waves, none without one):
# start, interim and final, titled as the shipped programme titles them.
e2e_waves_programme() {
	mkdir -p "$1/programs"
	cat >"$1/programs/waves.yaml" <<'YAML'
id: waves
title: Волны
waves:
  - {id: start, title: "Исходные данные"}
  - {id: interim, title: "Стартовый этап мониторинга"}
  - {id: final, title: "Итоговый этап мониторинга"}
indicators:
  - {id: "2.1", title: Мероприятия, kind: count}
YAML
}
