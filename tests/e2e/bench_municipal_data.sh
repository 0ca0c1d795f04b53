#!/bin/bash
# bench_municipal_data.sh: a small run of the municipal benchmark's data
# generator (tests/bench/bench_municipal.c): two schools at a fifth of the
# size; every sheet imports whole with the shipped surveys, the schools
# merge into one database, and the indicators come out per school.
# usage: bench_municipal_data.sh ANKETA SOURCE_DIR
set -u
anketa=$1
src=$2
gen=$(dirname "$anketa")/tests/bench_municipal
source "$src/tests/e2e/lib.bash"
e2e_need sqlite3
[ -x "$gen" ] || e2e_skip "bench_municipal is not built"
e2e_data_test
export LANGUAGE=en

"$gen" "$tmp/sheets" 2 0.2 2>"$tmp/err" || fail "the generator failed: $(cat "$tmp/err")"
# Per school: 18 classes (5 students each at this size), 50 parents, 10 teachers.
[ "$(ls "$tmp/sheets")" = "school01
school02" ] || fail "schools: $(ls "$tmp/sheets")"
[ "$(ls "$tmp/sheets/school01" | tr '\n' ' ')" = "cbi_teachers.csv classes.csv parents.csv school_anxiety.csv school_anxiety_senior.csv school_anxiety_young.csv school_attitude_primary.csv school_attitude_senior.csv who5_teachers.csv " ] ||
	fail "sheets: $(ls "$tmp/sheets/school01")"
[ "$(sed -n 2p "$tmp/sheets/school01/classes.csv")" = "1А,5,5" ] || fail "class list"
for n in 01 02; do
	db=$tmp/school$n.db
	"$anketa" school --db "$db" "Школа $n" >/dev/null || fail "school $n"
	"$anketa" classes --db "$db" "$tmp/sheets/school$n/classes.csv" >/dev/null || fail "classes $n"
	rows=0
	for sheet in "$tmp/sheets/school$n"/*.csv; do
		[ "$(basename "$sheet")" = classes.csv ] && continue
		"$anketa" import --db "$db" "$sheet" >/dev/null 2>"$tmp/err" ||
			fail "import $sheet: $(cat "$tmp/err")"
		rows=$((rows + $(wc -l <"$sheet") - 1))
	done
	[ "$(sqlite3 "$db" 'SELECT count(*) FROM sitting WHERE status = 1')" = "$rows" ] ||
		fail "school $n: not every row became a completed sitting"
	# Parents and teachers answer every wave: 50 x 3 and 10 x 3 x 2.
	[ "$(sqlite3 "$db" "SELECT count(*) FROM sitting WHERE audience = 'parent'")" = 150 ] ||
		fail "school $n: parents"
	[ "$(sqlite3 "$db" "SELECT count(*) FROM sitting WHERE audience = 'teacher'")" = 60 ] ||
		fail "school $n: teachers"
	[ "$(sqlite3 "$db" 'SELECT group_concat(DISTINCT wave) FROM (SELECT wave FROM sitting ORDER BY started_at)')" = "start,interim,final" ] ||
		fail "school $n: waves"
done
"$anketa" merge --db "$tmp/all.db" "$tmp/school01.db" "$tmp/school02.db" >/dev/null || fail "merge"
[ "$(sqlite3 "$tmp/all.db" 'SELECT count(*) FROM sitting')" = \
	"$(($(sqlite3 "$tmp/school01.db" 'SELECT count(*) FROM sitting') + $(sqlite3 "$tmp/school02.db" 'SELECT count(*) FROM sitting')))" ] ||
	fail "the merged database lacks sittings"
"$anketa" export indicators --db "$tmp/all.db" --by-school --out "$tmp/ind.csv" || fail "indicators"
# Indicator 1.2 at the start has a row for each school and for both.
[ "$(grep -c '^shnor,1.2,start,' "$tmp/ind.csv")" = 3 ] || fail "indicators: $(grep '^shnor,1.2,' "$tmp/ind.csv")"
echo "bench_municipal_data: ok"
