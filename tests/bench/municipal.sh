#!/bin/bash
# municipal.sh: the municipal benchmark of BENCHMARKS.md. Builds one database
# per school from the answer sheets of bench_municipal (each named with
# `anketa school`, its class list stored, every sheet imported), then times
# with /usr/bin/time -v, each alone:
#   anketa merge of all the schools into a new database,
#   anketa export indicators (and --by-school), anketa report (and
#   --by-school) on the merged database,
#   and the floors: the sqlite3 tool copying the same rows into a fresh
#   database and building the indexes after the copy, and scanning and
#   aggregating every answer.
# Prints one line per step: wall-clock seconds, CPU seconds (user + system:
# steadier than the wall clock on a machine others use too), peak memory,
# and the load average before.
#
# usage: municipal.sh BUILD_DIR [WORKDIR [SCHOOLS [SCALE]]]
#   WORKDIR defaults to a new folder under /var/tmp (a real disk), kept
#   afterwards; SCHOOLS 40 and SCALE 1 give about 145 000 sittings.
#   MUNICIPAL_STEPS="merge floor" runs only the steps named (build is
#   skipped when WORKDIR already has the databases).
set -eu
build=$(cd "$1" && pwd)
work=${2:-$(mktemp -d /var/tmp/anketa-municipal-XXXXXX)}
schools=${3:-40}
scale=${4:-1}
steps=${MUNICIPAL_STEPS:-build merge export report floor}
anketa=$build/anketa
export LANGUAGE=en
mkdir -p "$work"
cd "$work"

has() { case " $steps " in *" $1 "*) return 0 ;; esac; return 1; }

# measure NAME COMMAND...: runs it under /usr/bin/time -v, prints a line.
measure() {
	local name=$1 load
	shift
	load=$(cut -d' ' -f1 /proc/loadavg)
	/usr/bin/time -v -o "$work/time.txt" "$@" >"$work/$name.out" 2>"$work/$name.err" || {
		echo "$name failed:" >&2
		cat "$work/$name.err" >&2
		exit 1
	}
	awk -v name="$name" -v load="$load" '
		/Elapsed \(wall clock\)/ { n = split($NF, t, ":"); s = t[n] + 60 * t[n - 1] + (n > 2 ? 3600 * t[n - 2] : 0) }
		/User time|System time/ { cpu += $NF }
		/Maximum resident set size/ { rss = $NF / 1024 }
		END { printf "%-32s %6.1f s wall %6.1f s cpu %5.0f MB   load %s\n", name, s, cpu, rss, load }' \
		"$work/time.txt" | tee -a "$work/results.txt"
}

build_schools() {
	rm -rf sheets db && mkdir sheets db
	"$build/tests/bench_municipal" sheets "$schools" "$scale"
	for dir in sheets/school*; do
		n=${dir#sheets/school}
		db=db/school$n.db
		"$anketa" school --db "$db" "МБОУ «Средняя школа № $((10#$n))»" >/dev/null
		"$anketa" classes --db "$db" "$dir/classes.csv" >/dev/null
		for sheet in "$dir"/*.csv; do
			[ "$(basename "$sheet")" = classes.csv ] && continue
			"$anketa" import --db "$db" "$sheet" >/dev/null
		done
	done
	sqlite3 db/school01.db 'SELECT count(*) FROM sitting' >/dev/null
	total=$(for f in db/*.db; do sqlite3 "$f" 'SELECT count(*) FROM sitting'; done | awk '{ s += $1 } END { print s }')
	answers=$(for f in db/*.db; do sqlite3 "$f" 'SELECT count(*) FROM answer'; done | awk '{ s += $1 } END { print s }')
	echo "built $schools schools: $total sittings, $answers answers" | tee -a results.txt
}

# The floor of merge: the same rows copied by the sqlite3 tool into a fresh
# database with the same tables, one transaction per school, and the
# primary keys and the index built after the copy.
copy_floor_sql() {
	cat <<'SQL'
CREATE TABLE sitting (id TEXT, visit_id TEXT, device_id TEXT, wave TEXT, class_name TEXT,
	audience TEXT, respondent TEXT, survey_id TEXT, survey_version INTEGER,
	survey_hash TEXT, started_at TEXT, completed_at TEXT, status INTEGER,
	conflict_of TEXT, school TEXT);
CREATE TABLE answer (sitting_id TEXT, question_id TEXT, value TEXT, score REAL,
	answered_at TEXT);
SQL
	for f in db/*.db; do
		echo "ATTACH '$f' AS o; BEGIN;"
		echo "INSERT INTO sitting SELECT id, visit_id, device_id, wave, class_name, audience,"
		echo " respondent, survey_id, survey_version, survey_hash, started_at, completed_at,"
		echo " status, conflict_of, school FROM o.sitting;"
		echo "INSERT INTO answer SELECT sitting_id, question_id, value, score, answered_at"
		echo " FROM o.answer;"
		echo "COMMIT; DETACH o;"
	done
	echo "CREATE UNIQUE INDEX sitting_id ON sitting (id);"
	echo "CREATE INDEX sitting_order ON sitting (started_at, id);"
	echo "CREATE UNIQUE INDEX answer_key ON answer (sitting_id, question_id);"
}

if has build && [ ! -e db/school01.db ]; then
	start=$(date +%s)
	build_schools
	echo "building the schools took $(($(date +%s) - start)) s" | tee -a results.txt
fi
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(sqlite3 --version | cut -d' ' -f1)" |
	tee -a results.txt
if has merge; then
	rm -f all.db all.db-wal all.db-shm
	measure "merge ($schools files)" "$anketa" merge --db all.db db/*.db
fi
if has floor; then
	copy_floor_sql >copy.sql
	rm -f floor.db
	measure "floor: sqlite3 copy" sqlite3 floor.db ".read copy.sql"
	measure "floor: sqlite3 scan" sqlite3 all.db "SELECT s.survey_id, s.wave, s.class_name,
		a.question_id, count(*), sum(a.score) FROM sitting s JOIN answer a ON a.sitting_id = s.id
		GROUP BY 1, 2, 3, 4"
fi
if has export; then
	measure "export indicators" "$anketa" export indicators --db all.db --out ind.csv
	measure "export indicators --by-school" "$anketa" export indicators --db all.db --by-school \
		--out ind-by-school.csv
fi
if has report; then
	measure "report" "$anketa" report --db all.db --out report.pdf
	measure "report --by-school" "$anketa" report --db all.db --by-school --out report-by-school.pdf
fi
echo "results in $work/results.txt"
