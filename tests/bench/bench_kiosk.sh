#!/usr/bin/env bash
# Kiosk quality bars of DESIGN.md section 6, measured on a real X server
# (Xvfb) with the software renderer: start to first frame, frame time,
# memory, idle CPU. Not run by ctest; results go to BENCHMARKS.md.
#
#   bash tests/bench/bench_kiosk.sh build/anketa [runs]
set -euo pipefail
anketa=$(realpath "$1")
runs=${2:-10}
src=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'pkill -P $$ Xvfb 2>/dev/null; rm -rf "$tmp"' EXIT

start_x() {
	exec 3< <(exec Xvfb -displayfd 1 -screen 0 "$1x24" -nolisten tcp -noreset 2>/dev/null)
	read -r -t 10 display <&3
	export DISPLAY=":$display"
}
export SDL_RENDER_DRIVER=software SDL_FRAMEBUFFER_ACCELERATION=0 \
	DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent ANKETA_TRACE=1

# Milliseconds from exec to the "anketa: ready" line, one run.
first_frame_ms() {
	local log=$tmp/ff.log pid t0 t1
	rm -f "$tmp/ff.db"*
	echo 2468 | "$anketa" pin --db "$tmp/ff.db" >/dev/null # else the first screen makes a PIN
	t0=$(date +%s%N)
	"$anketa" "$@" --db "$tmp/ff.db" --surveys "$src/surveys" --wave start --class 1А \
		--audience student --run school_attitude_primary >"$log" 2>&1 &
	pid=$!
	until grep -q '^anketa: ready' "$log"; do sleep 0.001; done
	t1=$(date +%s%N)
	kill "$pid"
	wait "$pid" || true
	echo $(((t1 - t0) / 1000000))
}

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

start_x 1920x1080
echo "first frame, full screen 1920x1080 (ms, median of $runs): $(for _ in $(seq "$runs"); do first_frame_ms; done | median)"
echo "first frame, windowed 1280x800 (ms, median of $runs): $(for _ in $(seq "$runs"); do first_frame_ms --windowed --size 1280x800; done | median)"

# One kiosk on the question screen: frame times, memory, idle CPU.
log=$tmp/k.log
rm -f "$tmp/k.db"*
echo 2468 | "$anketa" pin --db "$tmp/k.db" >/dev/null
"$anketa" --db "$tmp/k.db" --surveys "$src/surveys" --wave start --class 1А \
	--audience student --run school_attitude_primary >"$log" 2>&1 &
pid=$!
until grep -q 'screen=welcome' "$log"; do sleep 0.01; done
xdotool key Return
until grep -q 'screen=code' "$log"; do sleep 0.01; done
xdotool key Return
until grep -q 'screen=instructions' "$log"; do sleep 0.01; done
xdotool key Return
for q in 1 2 3 4 5 6 7 8 9; do
	until grep -q "question=$q " "$log"; do sleep 0.01; done
	xdotool key 2
done
until grep -q 'question=10 ' "$log"; do sleep 0.01; done
sleep 1
echo "frame time on question screens, 1920x1080 (us): median $(grep -o 'screen=question[^ ]* draw_us=[0-9]*' "$log" | sed 's/.*draw_us=//' | median), max $(grep -o 'screen=question[^ ]* draw_us=[0-9]*' "$log" | sed 's/.*draw_us=//' | sort -n | tail -1)"
echo "frame time on the code screen (44-key on-screen keyboard) (us): $(grep -o 'screen=code draw_us=[0-9]*' "$log" | sed 's/.*draw_us=//' | tr '\n' ' ')"
echo "memory after 10 questions: $(grep -E 'VmRSS|VmHWM' /proc/$pid/status | tr -s ' \t' ' ' | tr '\n' ' ')"
ticks() { awk '{ print $14 + $15 }' "/proc/$pid/stat"; }
a=$(ticks)
sleep 10
b=$(ticks)
echo "idle CPU over 10 s on the question screen: $((b - a)) ticks ($(getconf CLK_TCK) per second)"
# Space reads question 10 aloud: with a sound card the voice is loaded now.
xdotool key space
sleep 3
echo "memory after question 10 was read aloud: $(grep -E 'VmRSS|VmHWM' /proc/$pid/status | tr -s ' \t' ' ' | tr '\n' ' ')"
kill "$pid"
wait "$pid" || true
