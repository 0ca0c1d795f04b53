#!/usr/bin/env bash
# The monkey run (RELIABILITY.md): 5 000 random events, Cyrillic text among
# them, at the real kiosk with a watchdog (kiosk_monkey.py): it stays alive
# and full screen and answers a final scripted action. Then the database:
# intact, no sitting left in progress, and every stored answer valid (the
# export imports into a new database, which checks each value against its
# survey). MONKEY_EVENTS and MONKEY_SEED change the count and the seed.
set -euo pipefail
anketa=$1 src=$2
source "$src/tests/e2e/lib.bash"
e2e_need python3 sqlite3
e2e_kiosk_test 1280x800
# The shipped surveys and one with a multi, a number and a text question.
cp -r "$src/surveys" "$tmp/surveys"
cp "$src/tests/fixtures/store/surveys/mini.yaml" "$tmp/surveys/"
echo 97531864 | "$anketa" pin --db "$tmp/a.db" >/dev/null
python3 "$src/tests/e2e/kiosk_monkey.py" "$anketa" "$tmp/surveys" "$tmp/a.db" "$tmp/kiosk.log" \
	"${MONKEY_EVENTS:-5000}" "${MONKEY_SEED:-$RANDOM}" 1280x800 ||
	fail "the monkey run failed (its seed is on the FAIL line)"

[ "$(sqlite3 "$tmp/a.db" 'PRAGMA integrity_check')" = ok ] || fail "integrity_check after the monkey"
open=$(sqlite3 "$tmp/a.db" "SELECT count(*) FROM sitting WHERE status = 0")
[ "$open" = 0 ] || fail "$open sittings left in progress"
"$anketa" export answers --db "$tmp/a.db" --out "$tmp/answers.csv" || fail "export"
"$anketa" import --db "$tmp/check.db" --surveys "$tmp/surveys" "$tmp/answers.csv" >"$tmp/import.out" ||
	fail "a stored answer is not valid: $(cat "$tmp/import.out")"
echo "monkey database: $(sqlite3 "$tmp/a.db" "SELECT count(*) || ' sittings (' || sum(status = 1) || ' completed), ' FROM sitting")$(sqlite3 "$tmp/a.db" "SELECT count(*) || ' answers (' || sum(question_id = 'note') || ' texts)' FROM answer"), integrity ok, every answer valid"
