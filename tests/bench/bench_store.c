/*
 * bench_store.c: the data path at school-district scale, next to the sqlite3
 * command-line tool doing the same I/O (BENCHMARKS.md, "Data path").
 *
 *   bench_store [SCALE [PART]]   SCALE (default 1) multiplies every size;
 *                                PART: import, export, merge or durable only
 *
 * Parts: import of 1 000 000 answer rows (sqlite3: .import of the same CSV);
 * export of 100 000 sittings (4 M answers) to CSV (sqlite3: the same query
 * with -csv) and to XLSX; merge of two 50 000-sitting databases (sqlite3:
 * ATTACH + INSERT ... SELECT); the time to store one answer durably (median
 * and 99th percentile of 2 000 store_answer_put() calls, each one commit).
 * All data is synthetic and deterministic; files go to a fresh directory
 * under $TMPDIR (else /var/tmp), on disk so that fsync means something.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "export.h"
#include "import.h"
#include "store.h"
#include "survey.h"
#include "table.h"
#include "util.h"

#define QUESTIONS 40

static char *dir;

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static _Noreturn void
die(const char *what, const char *cause)
{
	fprintf(stderr, "bench_store: %s: %s\n", what, cause ? cause : "failed");
	exit(1);
}

/* Runs a shell command and returns its wall time in ms. */
static double
timed_system(const char *cmd)
{
	double t0 = now_ms();

	if (system(cmd) != 0)
		die(cmd, "the command failed");
	return now_ms() - t0;
}

/* A 40-question survey (three options scored 2, 1, 0) and one sum scale. */
static void
write_survey(void)
{
	char *path = xasprintf("%s/surveys/bench.yaml", dir);
	char *sdir = xasprintf("%s/surveys", dir);
	FILE *f;

	if ((mkdir(sdir, 0755) != 0) || (f = fopen(path, "w")) == NULL)
		die(path, "cannot write");
	fputs("id: bench\nversion: 1\ntitle: \"Bench\"\naudience: [student]\n"
	      "source: \"synthetic\"\nlicense: original\ninstructions: \"-\"\n"
	      "option_sets:\n  o3:\n    - {label: \"a\", score: 2}\n"
	      "    - {label: \"b\", score: 1}\n    - {label: \"c\", score: 0}\nquestions:\n",
	      f);
	for (int q = 1; q <= QUESTIONS; q++)
		fprintf(f, "  - {id: q%d, text: \"Q%d\", options: o3}\n", q, q);
	fputs("scales:\n  - id: total\n    title: \"T\"\n    items: [", f);
	for (int q = 1; q <= QUESTIONS; q++)
		fprintf(f, "%sq%d", q > 1 ? ", " : "", q);
	fputs(
	    "]\n    method: sum\n    levels:\n      - {id: high, label: \"H\", min: 41, max: 80}\n"
	    "      - {id: low, label: \"L\", min: 0, max: 40}\n",
	    f);
	fclose(f);
	free(path);
	free(sdir);
}

/* The pieces of synthetic sitting i of database `tag`. */
static void
sitting_id(int tag, int i, char out[37])
{
	snprintf(out, 37, "%08x-0000-4000-8000-%012x", (unsigned)tag, (unsigned)i);
}

static void
iso_time(long seconds, char out[21])
{
	time_t t = 1789488000 + seconds; /* 2026-09-15 */
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static int
option_of(int i, int q)
{
	return 1 + (i * 7 + q * 3 + i / 5) % 3;
}

/* An answers CSV of n sittings x 40 questions, scores left to the import. */
static char *
write_csv(int n)
{
	char *path = xasprintf("%s/answers.csv", dir), id[37], at[21];
	FILE *f = fopen(path, "w");

	if (f == NULL)
		die(path, "cannot write");
	fputs("sitting_id,device_id,wave,class,audience,respondent,survey_id,survey_version,"
	      "question_id,value,score,answered_at\n",
	      f);
	for (int i = 0; i < n; i++) {
		sitting_id(1, i, id);
		for (int q = 1; q <= QUESTIONS; q++) {
			iso_time(i * 60L + q, at);
			fprintf(f, "%s,kiosk-1,%s,%d%s,student,R%d,bench,1,q%d,%d,,%s\n", id,
			        i % 2 ? "final" : "start", 5 + i % 6, i % 5 ? "А" : "Б", i % 997, q,
			        option_of(i, q), at);
		}
	}
	fclose(f);
	return path;
}

/* A database of n completed sittings x 40 answers, written directly. */
static char *
make_db(const char *name, int tag, int n)
{
	char *path = xasprintf("%s/%s", dir, name), *cause = NULL, id[37], at[21], q[8], v[4];
	Store *store = store_open(path, &cause);

	if (store == NULL || store_bulk_begin(store, &cause) != 0)
		die(path, cause);
	for (int i = 0; i < n; i++) {
		StoreSittingRecord r = { .status = SITTING_COMPLETED };

		sitting_id(tag, i, id);
		iso_time(i * 60L, at);
		r.sitting = (StoreSitting){ id,   NULL,      "kiosk", i % 2 ? "final" : "start",
			                    "6А", "student", "",      "bench",
			                    1,    "h",       at,      NULL };
		r.completed_at = at;
		if (store_sitting_insert(store, &r, &cause) != 0)
			die("sitting", cause);
		for (int k = 1; k <= QUESTIONS; k++) {
			snprintf(q, sizeof q, "q%d", k);
			snprintf(v, sizeof v, "%d", option_of(i, k));
			if (store_answer_insert(store, id, q, v, true, 3 - option_of(i, k), at,
			                        &cause) != 0)
				die("answer", cause);
		}
	}
	if (store_commit(store, &cause) != 0)
		die(path, cause);
	store_close(store);
	return path;
}

static void
report(const char *what, double ours, double tool)
{
	if (tool > 0)
		printf("| %s | %.0f ms | %.0f ms | %.2f |\n", what, ours, tool, ours / tool);
	else
		printf("| %s | %.0f ms | — | — |\n", what, ours);
	fflush(stdout);
}

static void
bench_import(int rows)
{
	char *csv = write_csv(rows / QUESTIONS), *db = xasprintf("%s/import.db", dir);
	char *sdir = xasprintf("%s/surveys", dir), *cause = NULL, *cmd;
	SurveySet surveys = { 0 };
	Diag diag = { 0 };
	ImportResult r;
	Store *store;
	double t0, ours, tool;

	if (survey_set_load_dir(&surveys, sdir, &diag) != 0)
		die("surveys", diag_first_line(&diag));
	t0 = now_ms();
	store = store_open(db, &cause);
	if (store == NULL || import_answers_csv(store, &surveys, csv, NULL, &r, &cause) != 0)
		die("import", cause);
	store_close(store);
	ours = now_ms() - t0;
	cmd = xasprintf("sqlite3 '%s/tool-import.db' '.import --csv %s answers'", dir, csv);
	tool = timed_system(cmd);
	printf("<!-- import: %ld answers, %d sittings -->\n", r.answers_added, r.sittings_added);
	report("import of the answers CSV (`.import --csv`)", ours, tool);
	survey_set_free(&surveys);
	free(cmd);
	free(sdir);
	free(db);
	free(csv);
}

/* Exports answers to path as format ("csv" or "xlsx"); wall time in ms. */
static double
export_to(const char *db, const char *path, bool xlsx)
{
	char *cause = NULL;
	double t0 = now_ms();
	Store *store = store_open(db, &cause);
	FILE *out = xlsx ? NULL : fopen(path, "w");
	Table *table = xlsx ? table_xlsx_new(path) : table_csv_new(out);

	if (store == NULL || export_answers(store, table, NULL, &cause) != 0 ||
	    table_close(table, &cause) != 0)
		die("export", cause);
	if (out != NULL && (fflush(out) != 0 || fsync(fileno(out)) != 0 || fclose(out) != 0))
		die(path, "cannot write");
	store_close(store);
	return now_ms() - t0;
}

static void
bench_export(int sittings)
{
	char *db = make_db("export.db", 2, sittings);
	char *csv = xasprintf("%s/export.csv", dir), *xlsx = xasprintf("%s/export.xlsx", dir);
	char *cmd = xasprintf(
	    "sqlite3 -csv -header '%s' \"SELECT s.id, s.device_id, s.wave, s.class_name,"
	    " s.audience, s.respondent, s.survey_id, s.survey_version, a.question_id, a.value,"
	    " a.score, a.answered_at, s.status, s.started_at, s.completed_at, s.visit_id,"
	    " s.survey_hash, s.conflict_of, s.school FROM sitting s CROSS JOIN answer a ON "
	    "a.sitting_id = "
	    "s.id"
	    " ORDER BY s.started_at, s.id, a.rowid\" > '%s/tool-export.csv'"
	    " && sync '%s/tool-export.csv'",
	    db, dir, dir);
	double csv_ms = export_to(db, csv, false), tool = timed_system(cmd);

	report("export of the answers to CSV (`sqlite3 -csv` of the same query)", csv_ms, tool);
	report("export of the answers to XLSX (4 sheets of ≤ 1 048 576 rows)",
	       export_to(db, xlsx, true), 0);
	free(cmd);
	free(xlsx);
	free(csv);
	free(db);
}

static void
bench_merge(int sittings)
{
	char *a = make_db("merge-a.db", 3, sittings), *b = make_db("merge-b.db", 4, sittings);
	char *cause = NULL, *cmd;
	StoreMergeResult r;
	double t0, first, again, tool;
	Store *store;

	cmd = xasprintf("cp '%s' '%s/tool-a.db'", a, dir);
	timed_system(cmd);
	free(cmd);
	t0 = now_ms();
	store = store_open(a, &cause);
	if (store == NULL || store_merge(store, b, NULL, &r, &cause) != 0)
		die("merge", cause);
	first = now_ms() - t0;
	t0 = now_ms();
	if (store_merge(store, b, NULL, &r, &cause) != 0 || r.present != sittings)
		die("merge again", cause);
	again = now_ms() - t0;
	store_close(store);
	cmd = xasprintf("sqlite3 '%s/tool-a.db' \"ATTACH '%s' AS b; BEGIN;"
	                " INSERT INTO sitting SELECT * FROM b.sitting;"
	                " INSERT INTO answer SELECT * FROM b.answer; COMMIT;\"",
	                dir, b);
	tool = timed_system(cmd);
	report("merge of two databases (ATTACH + INSERT … SELECT)", first, tool);
	report("the same merge again (everything already there)", again, 0);
	free(cmd);
	free(a);
	free(b);
}

static int
cmp_double(const void *x, const void *y)
{
	double a = *(const double *)x, b = *(const double *)y;
	return (a > b) - (a < b);
}

static void
bench_durable(int n)
{
	char *path = xasprintf("%s/kiosk.db", dir), *cause = NULL, id[37], q[16];
	Store *store = store_open(path, &cause);
	StoreSitting s = { .wave = "start",
		           .class_name = "6А",
		           .audience = "student",
		           .respondent = "R1",
		           .survey_id = "bench",
		           .survey_version = 1 };
	double *ms = xcalloc((size_t)n, sizeof *ms);

	if (store == NULL || store_sitting_begin(store, &s, id, &cause) != 0)
		die(path, cause);
	for (int i = 0; i < n; i++) {
		double t0 = now_ms();

		snprintf(q, sizeof q, "q%d", i);
		if (store_answer_put(store, id, q, "2", true, 1, NULL, &cause) != 0)
			die("answer", cause);
		ms[i] = now_ms() - t0;
	}
	qsort(ms, (size_t)n, sizeof *ms, cmp_double);
	printf("| one answer stored durably (%d commits): median | %.2f ms | | |\n", n, ms[n / 2]);
	printf("| one answer stored durably: 99th percentile | %.2f ms | | |\n",
	       ms[(int)(n * 0.99)]);
	store_close(store);
	free(ms);
	free(path);
}

int
main(int argc, char **argv)
{
	double scale = argc > 1 ? atof(argv[1]) : 1.0;
	const char *tmp = getenv("TMPDIR"), *only = argc > 2 ? argv[2] : NULL;
	char *cmd;

	dir = xasprintf("%s/anketa-bench-XXXXXX", tmp ? tmp : "/var/tmp");
	if (scale <= 0 || mkdtemp(dir) == NULL)
		die("usage", "bench_store [SCALE > 0]");
	write_survey();
	printf("| work | anketa | sqlite3 tool | ratio |\n|---|---|---|---|\n");
	if (only == NULL || strcmp(only, "import") == 0)
		bench_import((int)(1000000 * scale));
	if (only == NULL || strcmp(only, "export") == 0)
		bench_export((int)(100000 * scale));
	if (only == NULL || strcmp(only, "merge") == 0)
		bench_merge((int)(50000 * scale));
	if (only == NULL || strcmp(only, "durable") == 0)
		bench_durable(2000);
	cmd = xasprintf("rm -rf '%s'", dir);
	if (getenv("BENCH_KEEP") == NULL) /* keep the files to look at them */
		timed_system(cmd);
	else
		printf("files kept in %s\n", dir);
	free(cmd);
	free(dir);
	return 0;
}
