#!/usr/bin/env bash
# The kiosk refuses bad input before it opens a window: one line naming the
# file (and line), in Russian, a non-zero exit, and no crash.
set -uo pipefail
anketa=$1 src=$2
source "$src/tests/e2e/lib.bash"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export SDL_VIDEODRIVER=dummy
unset LANGUAGE

# expect_failure NAME PATTERN ARGS...: exit status 1 and stderr matching PATTERN.
expect_failure() {
	local name=$1 pattern=$2 status
	shift 2
	timeout 10 "$anketa" "$@" >"$tmp/out" 2>"$tmp/err"
	status=$?
	[ "$status" -eq 1 ] || fail "$name: exit status $status, stderr: $(cat "$tmp/err")"
	grep -qE "$pattern" "$tmp/err" || fail "$name: stderr does not match '$pattern': $(cat "$tmp/err")"
	grep -q 'anketa: ready' "$tmp/out" && fail "$name: the kiosk started"
	echo "$name: ok: $(head -1 "$tmp/err")"
}

mkdir "$tmp/surveys"
cp "$src/surveys/school_day.yaml" "$tmp/surveys/"
printf 'id: broken\ntitle: "unterminated\nquestions: [\n' >"$tmp/surveys/broken.yaml"
expect_failure "YAML syntax error" "^$tmp/surveys/broken.yaml:[0-9]+:[0-9]+: .*YAML" \
	--db "$tmp/a.db" --surveys "$tmp/surveys"

expect_failure "missing surveys folder" "^$tmp/none: .*папк" --db "$tmp/a.db" --surveys "$tmp/none"

mkdir "$tmp/unreadable"
cp "$src/surveys/school_day.yaml" "$tmp/unreadable/"
printf '\xff\xfe not utf-8\n' >"$tmp/unreadable/latin.yaml"
expect_failure "survey file that is not UTF-8" "^$tmp/unreadable/latin.yaml" --db "$tmp/a.db" \
	--surveys "$tmp/unreadable"

expect_failure "unwritable database folder" "/proc/nonexistent" --db /proc/nonexistent/a.db \
	--surveys "$src/surveys"

head -c 8192 /dev/urandom >"$tmp/garbage.db"
cp "$tmp/garbage.db" "$tmp/garbage.before"
expect_failure "a file that is not a database" "$tmp/garbage.db" --db "$tmp/garbage.db" \
	--surveys "$src/surveys"
cmp -s "$tmp/garbage.db" "$tmp/garbage.before" || fail "the bad database file was changed"

expect_failure "unknown survey in --run" 'нет анкеты с идентификатором «nope»' --db "$tmp/b.db" \
	--surveys "$src/surveys" --wave start --class 5А --audience student --run nope

expect_failure "survey for another audience" 'не предназначена' --db "$tmp/b.db" \
	--surveys "$src/surveys" --wave start --audience teacher --run school_day

# A wave no programme has (a typo) would store sittings no indicator counts.
expect_failure "unknown wave" 'ни в одной программе нет этапа itnerim; этапы: start, interim, final' \
	--db "$tmp/b.db" --surveys "$src/surveys" --wave itnerim --audience student --run school_day
# Without a programme the waves are unknown: --wave must say which.
mkdir "$tmp/no_programme"
cp "$src/surveys/school_day.yaml" "$tmp/no_programme/"
expect_failure "no wave and no programme" 'нужен --wave ЭТАП' --db "$tmp/b.db" \
	--surveys "$tmp/no_programme" --class 5А --audience student --run school_day

# No display at all (a text console, a remote shell): say so, don't run unseen.
(
	unset SDL_VIDEODRIVER DISPLAY WAYLAND_DISPLAY
	expect_failure "no display" 'нет экрана для киоска' --db "$tmp/c.db" --surveys "$src/surveys"
)

echo "kiosk_bad_input: ok"
