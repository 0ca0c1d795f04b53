#!/usr/bin/env bash
# Kiosk quality bars of DESIGN.md section 6, measured on a real X server
# (Xvfb) with the software renderer: start to first frame, the first frame
# after a key pressed at once, frame time, memory, idle CPU. Not run by
# ctest; results go to BENCHMARKS.md.
#
#   bash tests/bench/bench_kiosk.sh build/anketa [runs]
#
# Nothing polls: the kiosk's stdout is a pipe the script reads line by line
# (a blocking read wakes when the line is written), and keys go through one
# XTest connection (tests/e2e/xinput.py) kept open for the whole run, so no
# process is started between a line and the key that answers it. Each
# section prints the load average (as uptime shows it) before and after.
set -euo pipefail
anketa=$(realpath "$1")
runs=${2:-21}
src=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
xvfb=
kiosk=
cleanup() {
	[ -z "$kiosk" ] || kill "$kiosk" 2>/dev/null || true
	[ -z "$xvfb" ] || kill "$xvfb" 2>/dev/null || true
	rm -rf "$tmp"
}
trap cleanup EXIT

start_x() {
	exec 3< <(exec Xvfb -displayfd 1 -screen 0 "$1x24" -nolisten tcp -noreset 2>/dev/null)
	xvfb=$!
	read -r -t 10 display <&3
	export DISPLAY=":$display"
}
export SDL_RENDER_DRIVER=software SDL_FRAMEBUFFER_ACCELERATION=0 \
	DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent ANKETA_TRACE=1

load() { uptime | sed 's/.*load average: /load average /'; }

# The keyboard: a line with a key name in, "ok" out once the X server has
# taken the key.
start_keys() {
	coproc KEYS {
		PYTHONPATH=$src/tests/e2e exec python3 -u -c '
import sys, xinput
x = xinput.XInput()
for line in sys.stdin:
    x.key(line.strip())
    x.sync()
    print("ok")
'
	}
}
key() {
	local ok
	echo "$1" >&"${KEYS[1]}"
	read -r -t 5 ok <&"${KEYS[0]}"
}

# start_kiosk ARGS...: the kiosk on a fresh database, its stdout on fd 4;
# its pid in $kiosk. The lines read go to $tmp/k.log.
start_kiosk() {
	rm -f "$tmp/k.db"* "$tmp/k.log"
	echo 2468 | "$anketa" pin --db "$tmp/k.db" >/dev/null # else the first screen makes a PIN
	exec 4< <(exec "$anketa" "$@" --db "$tmp/k.db" --surveys "$src/surveys" --wave start \
		--class 1А --audience student --run school_attitude_primary 2>"$tmp/k.err")
	kiosk=$!
}
# next_line PATTERN: reads the kiosk's lines up to the first that matches
# (a shell pattern) and leaves it in $line.
next_line() {
	while IFS= read -r -t 10 -u 4 line; do
		echo "$line" >>"$tmp/k.log"
		# shellcheck disable=SC2053
		[[ $line == $1 ]] && return 0
	done
	echo "bench_kiosk: no line '$1'; the kiosk said: $(cat "$tmp/k.err")" >&2
	exit 1
}
stop_kiosk() {
	kill "$kiosk"
	wait "$kiosk" 2>/dev/null || true
	kiosk=
	exec 4<&-
}
draw_us() { sed -n 's/.* draw_us=\([0-9]*\).*/\1/p' <<<"$1"; }

# Median and spread of the numbers on stdin: "median M (min A, quartiles
# Q1-Q3, max B; N WHAT)", quartiles by the nearest rank; WHAT: runs.
stats() {
	sort -n | awk -v what="${1:-runs}" '{ a[NR] = $1 }
		function rank(p) { r = int(NR * p); if (r < NR * p) r++; return a[r < 1 ? 1 : r] }
		END { printf "median %s (min %s, quartiles %s-%s, max %s; %d %s)\n",
		      rank(0.5), a[1], rank(0.25), rank(0.75), a[NR], NR, what }'
}

# Milliseconds from just before exec to the "anketa: ready" line.
first_frame_ms() {
	local t0 t1
	t0=$EPOCHREALTIME
	start_kiosk "$@"
	next_line 'anketa: ready'
	t1=$EPOCHREALTIME
	stop_kiosk
	echo $((${t1/./} / 1000 - ${t0/./} / 1000))
}

# Enter pressed the moment the ready line is read: the number of the frame
# that shows the code screen and its draw_us, "N US".
early_enter() {
	start_kiosk
	next_line 'anketa: ready'
	key Return
	next_line 'anketa: frame * screen=code *'
	stop_kiosk
	echo "$(sed 's/anketa: frame \([0-9]*\) .*/\1/' <<<"$line") $(draw_us "$line")"
}

start_x 1920x1080
start_keys
echo "command: bash tests/bench/bench_kiosk.sh $1 $runs"
echo "Xvfb 1920x1080, $(nproc) cores, $(load)"

echo "first frame, full screen 1920x1080 (ms): $(for _ in $(seq "$runs"); do first_frame_ms; done | stats)"
echo "  $(load)"
echo "first frame, windowed 1280x800 (ms): $(for _ in $(seq "$runs"); do first_frame_ms --windowed --size 1280x800; done | stats)"
echo "  $(load)"
for _ in $(seq "$runs"); do early_enter; done >"$tmp/early"
echo "Enter at the ready line: the code screen's frame (us): $(cut -d' ' -f2 "$tmp/early" | stats)"
echo "  it was frame number: $(cut -d' ' -f1 "$tmp/early" | sort -n | uniq -c | awk '{ printf "%s%s (%s runs)", (NR > 1 ? ", " : ""), $2, $1 }')"
echo "  $(load)"

# One kiosk on the question screen: frame times, memory, idle CPU.
start_kiosk
next_line 'anketa: frame * screen=welcome*'
key Return
next_line 'anketa: frame * screen=code*'
key Return
next_line 'anketa: frame * screen=instructions*'
key Return
for q in 1 2 3 4 5 6 7 8 9; do
	next_line "anketa: frame * question=$q *"
	key 2
done
next_line 'anketa: frame * question=10 *'
sleep 1
frames() { grep -o "$1"'[^ ]* draw_us=[0-9]*' "$tmp/k.log" | sed 's/.*draw_us=//'; }
echo "frame time on question screens, 1920x1080 (us): $(frames 'screen=question' | stats frames)"
echo "frame time on the code screen (44-key on-screen keyboard) (us): $(frames 'screen=code' | tr '\n' ' ')"
echo "memory after 10 questions: $(grep -E 'VmRSS|VmHWM' "/proc/$kiosk/status" | tr -s ' \t' ' ' | tr '\n' ' ')"
ticks() { awk '{ print $14 + $15 }' "/proc/$kiosk/stat"; }
a=$(ticks)
sleep 10
b=$(ticks)
echo "idle CPU over 10 s on the question screen: $((b - a)) ticks ($(getconf CLK_TCK) per second)"
# Space reads question 10 aloud: with a sound card the voice is loaded now.
key space
sleep 3
echo "memory after question 10 was read aloud: $(grep -E 'VmRSS|VmHWM' "/proc/$kiosk/status" | tr -s ' \t' ' ' | tr '\n' ' ')"
stop_kiosk
echo "$(load)"
