#!/bin/bash
# data_pin_classes.sh: `anketa pin` and `anketa classes` through the real
# binary, checked with the sqlite3 tool; errors in Russian by default.
# usage: data_pin_classes.sh ANKETA SOURCE_DIR
set -u
anketa=$1
src=$2
source "$src/tests/e2e/lib.bash"
e2e_need sqlite3
e2e_data_test
db=$tmp/sub/anketa.db

# The PIN: stored as an Argon2id hash, never in the clear, and audited.
out=$(echo 2468 | "$anketa" pin --db "$db") || fail "pin failed"
[ "$out" = "PIN установлен." ] || fail "pin said: $out"
hash=$(sqlite3 "$db" "SELECT hash FROM pin")
case $hash in '$argon2id$'*) ;; *) fail "not an argon2id hash: $hash" ;; esac
case $hash in *2468*) fail "the PIN is in the clear" ;; esac
[ "$(sqlite3 "$db" "SELECT action FROM audit")" = pin ] || fail "pin not audited"

# Replacing it takes the current PIN first (a line), then the new one.
# A bad new PIN: one Russian line, exit 1, the stored hash unchanged.
err=$(printf '2468\n12a4\n' | "$anketa" pin --db "$db" 2>&1 >/dev/null)
[ $? -eq 1 ] || fail "bad pin: wrong status"
[ "$err" = "anketa: PIN должен состоять из 4–8 цифр" ] || fail "bad pin said: $err"
[ "$(sqlite3 "$db" "SELECT hash FROM pin")" = "$hash" ] || fail "bad pin changed the hash"
err=$("$anketa" pin --db "$db" 2>&1 </dev/null >/dev/null)
[ $? -eq 1 ] || fail "no pin: wrong status"
[ "$err" = "anketa: PIN не передан на стандартный ввод" ] || fail "no pin said: $err"

# A wrong current PIN: refused, counted and audited like one typed at the
# kiosk; nothing changed.
err=$(printf '1111\n1357\n' | "$anketa" pin --db "$db" 2>&1 >/dev/null)
[ $? -eq 1 ] || fail "wrong current pin: wrong status"
[ "$err" = "anketa: текущий PIN неверен; ничего не изменено" ] || fail "wrong current pin said: $err"
[ "$(sqlite3 "$db" "SELECT hash FROM pin")" = "$hash" ] || fail "a wrong current pin changed the hash"
[ "$(sqlite3 "$db" "SELECT action || ':' || detail FROM audit ORDER BY id DESC LIMIT 1")" = \
	"pin-wrong:wrong PIN, 1 in a row" ] || fail "the wrong current pin was not audited"
[ "$(sqlite3 "$db" "SELECT failures FROM pin_lock")" = 1 ] || fail "the wrong current pin was not counted"

# The right current PIN: the new one is set, and the count starts again.
out=$(printf '2468\n1357\n' | "$anketa" pin --db "$db") || fail "replacing the pin failed"
[ "$out" = "PIN установлен." ] || fail "replacing the pin said: $out"
[ "$(sqlite3 "$db" "SELECT hash FROM pin")" != "$hash" ] || fail "the pin was not replaced"
[ "$(sqlite3 "$db" "SELECT failures FROM pin_lock")" = 0 ] || fail "the count did not start again"
out=$(printf '1357\n2468\n' | "$anketa" pin --db "$db") || fail "the new pin is not the current one"

# Classes: the list replaces the old one.
printf 'class;students;parents\r\n6А;24;22\r\n6Б;25;20\r\n' >"$tmp/c1.csv"
printf 'class,students,parents\n9А,18,15\n' >"$tmp/c2.csv"
"$anketa" classes --db "$db" "$tmp/c1.csv" >/dev/null || fail "classes c1 failed"
"$anketa" classes --db "$db" "$tmp/c2.csv" >/dev/null || fail "classes c2 failed"
got=$(sqlite3 "$db" "SELECT name || '=' || students || '/' || parents FROM class")
[ "$got" = "9А=18/15" ] || fail "classes: $got"

# A bad class list names the line and column, changes nothing.
printf 'class,students,parents\n5А,20,x\n' >"$tmp/bad.csv"
err=$("$anketa" classes --db "$db" "$tmp/bad.csv" 2>&1 >/dev/null)
[ $? -eq 1 ] || fail "bad classes: wrong status"
[ "$err" = "anketa: $tmp/bad.csv:2:3: parents — это число человек (целое), а не «x»" ] ||
	fail "bad classes said: $err"
got=$(sqlite3 "$db" "SELECT count(*) FROM class")
[ "$got" = 1 ] || fail "bad classes changed the list"
"$anketa" classes --db "$db" 2>/dev/null
[ $? -eq 2 ] || fail "classes without a file: wrong status"
echo "data_pin_classes: ok"
