#!/usr/bin/env bash
# The SIGKILL storm (RELIABILITY.md): 25 rounds of a scripted battery at
# the real kiosk, each killed with SIGKILL at a random moment and started
# again on the same database; after every kill the database is intact and
# every stored answer is one whose key was sent (kiosk_kill_storm.py).
# STORM_ROUNDS and STORM_SEED change the number of rounds and the seed.
set -euo pipefail
anketa=$1 src=$2
source "$src/tests/e2e/lib.bash"
e2e_need python3
e2e_kiosk_test 1280x800
echo 97531864 | "$anketa" pin --db "$tmp/a.db" >/dev/null
python3 "$src/tests/e2e/kiosk_kill_storm.py" "$anketa" "$src/surveys" "$tmp/a.db" "$tmp" \
	"${STORM_ROUNDS:-25}" "${STORM_SEED:-$RANDOM}" || fail "the storm failed (its seed is on the FAIL line)"
