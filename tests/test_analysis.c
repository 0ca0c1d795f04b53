/*
 * test_analysis.c: the one analysis every output reads, built from a small
 * database of the mini survey and programme (tests/fixtures/store) whose
 * every figure is worked out by hand below.
 */
#include <check.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "import.h"
#include "program.h"
#include "store.h"
#include "testutil.h"
#include "util.h"

#define ROW(id, wave, klass, who, code, q, v, day, status)                                         \
	"00000000-0000-4000-8000-0000000000" id ",d," wave "," klass "," who "," code ",mini,2," q \
	"," v ",,2026-" day "Z," status ",2026-" day "Z,2026-" day "Z,,,\n"

/*
 * The mini scale s is q1 + q2 (q1: А 2, Б 1, В 0; q2: А 1, Б 2, В 0.5);
 * high is 3 and more, low below. The alert is q1 = А.
 * start: 6А A1 А+Б = 4 high; 6А A2 first А+Б = 4 high (09-14), then В = 0
 *   low (09-16, the one that counts); 6Б B1 Б+В = 1.5 low; 6А parent P1
 *   А = 2 low (09-17).
 * final: 6А A1 В = 0 low; 6А A2 А+А = 3 high; 6Б B1 Б = 1 low (12-01);
 *   6Б B2 А, never finished (12-03).
 */
/* clang-format off */
static const char answers_csv[] =
    "sitting_id,device_id,wave,class,audience,respondent,survey_id,survey_version,question_id,"
    "value,score,answered_at,status,started_at,completed_at,visit_id,survey_hash,conflict_of\n"
    ROW("a1", "start", "6А", "student", "A1", "q1", "1", "09-15T10:00:00", "completed")
    ROW("a1", "start", "6А", "student", "A1", "q2", "2", "09-15T10:00:00", "completed")
    ROW("a0", "start", "6А", "student", "A2", "q1", "1", "09-14T10:00:00", "completed")
    ROW("a0", "start", "6А", "student", "A2", "q2", "2", "09-14T10:00:00", "completed")
    ROW("a2", "start", "6А", "student", "A2", "q1", "3", "09-16T10:00:00", "completed")
    ROW("b1", "start", "6Б", "student", "B1", "q1", "2", "09-15T11:00:00", "completed")
    ROW("b1", "start", "6Б", "student", "B1", "q2", "3", "09-15T11:00:00", "completed")
    ROW("c1", "start", "6А", "parent", "P1", "q1", "1", "09-17T18:00:00", "completed")
    ROW("f1", "final", "6А", "student", "A1", "q1", "3", "12-01T10:00:00", "completed")
    ROW("f2", "final", "6А", "student", "A2", "q1", "1", "12-02T10:00:00", "completed")
    ROW("f2", "final", "6А", "student", "A2", "q2", "1", "12-02T10:00:00", "completed")
    ROW("f3", "final", "6Б", "student", "B1", "q1", "2", "12-01T11:00:00", "completed")
    ROW("f4", "final", "6Б", "student", "B2", "q1", "1", "12-03T10:00:00", "in_progress");
/* clang-format on */

typedef struct {
	SurveySet surveys;
	Program *program;
	Store *store;
} Fixture;

static void
fixture_load(Fixture *f)
{
	char *dir = testutil_source_path("tests/fixtures/store/surveys");
	char *prog = testutil_source_path("tests/fixtures/store/surveys/programs/mini.yaml");
	char *tmp = testutil_tmpdir(), *csv = testutil_write_file(tmp, "a.csv", answers_csv);
	char *cause = NULL;
	Diag diag = { 0 };
	ImportResult r;

	memset(f, 0, sizeof *f);
	ck_assert_int_eq(survey_set_load_dir(&f->surveys, dir, &diag), 0);
	f->program = program_load(prog, &f->surveys, &diag);
	ck_assert_ptr_nonnull(f->program);
	f->store = store_open(":memory:", &cause);
	ck_assert_ptr_nonnull(f->store);
	ck_assert_int_eq(store_school_set(f->store, "Школа № 5", &cause), 0);
	ck_assert_msg(import_answers_csv(f->store, &f->surveys, csv, NULL, &r, &cause) == 0, "%s",
	              cause);
	diag_clear(&diag);
	free(dir);
	free(prog);
	free(csv);
	free(tmp);
}

static void
fixture_free(Fixture *f)
{
	store_close(f->store);
	program_free(f->program);
	survey_set_free(&f->surveys);
}

static Analysis *
fixture_analysis(Fixture *f, const AnalysisOptions *options)
{
	char *cause = NULL;
	Analysis *a = analysis_build(f->store, &f->surveys, &f->program, 1, options, &cause);

	ck_assert_msg(a != NULL, "%s", cause);
	return a;
}

/* The row of the indicator table for an indicator, wave and class. */
static const IndicatorRow *
row_of(const Analysis *a, const char *id, const char *wave, const char *klass)
{
	const IndicatorTable *t = analysis_table(a, 0);

	for (int i = 0; i < t->n; i++)
		if (strcmp(t->rows[i].indicator_id, id) == 0 &&
		    strcmp(t->rows[i].wave, wave) == 0 && strcmp(t->rows[i].class_name, klass) == 0)
			return &t->rows[i];
	ck_abort_msg("no row %s %s %s", id, wave, klass);
	return NULL;
}

/* Indicator 1 (share high), each respondent once per wave by the latest:
 * start 6А A1 high, A2 low, P1 low = 1 of 3; school 1 of 4 = 25.0; final
 * 6А 1 of 2, school A2 of A1, A2, B1 = 1 of 3 = 33.3 < 70, not met,
 * 33.33 - 25 = +8.3 points. */
START_TEST(test_indicators)
{
	Fixture f;
	Analysis *a;
	const IndicatorRow *r;

	fixture_load(&f);
	a = fixture_analysis(&f, NULL);
	r = row_of(a, "1", "start", "6А");
	ck_assert_int_eq(r->n, 3);
	ck_assert_int_eq(r->meeting, 1);
	r = row_of(a, "1", "start", "*");
	ck_assert_int_eq(r->n, 4);
	ck_assert_int_eq(r->meeting, 1);
	r = row_of(a, "1", "final", "*");
	ck_assert_int_eq(r->n, 3);
	ck_assert_int_eq(r->meeting, 1);
	ck_assert(r->has_met && !r->met);
	ck_assert_int_eq((int)(r->change_pp * 10 + 0.5), 83);
	ck_assert_int_eq(analysis_warnings(a)->n, 0);
	analysis_free(a);
	fixture_free(&f);
}
END_TEST

/* Who took part: students at the start A1, A2 (twice, once counted), B1 =
 * 3, one parent; at the final A1, A2, B1 (B2 never finished) and no
 * parent. Completed sittings: 5 at the start, 3 at the final. */
START_TEST(test_participants_and_waves)
{
	Fixture f;
	Analysis *a;
	const AnalysisWave *w;
	int n, used[4];

	fixture_load(&f);
	a = fixture_analysis(&f, NULL);
	ck_assert_int_eq(analysis_participants(a, "student", "start"), 3);
	ck_assert_int_eq(analysis_participants(a, "parent", "start"), 1);
	ck_assert_int_eq(analysis_participants(a, "student", "final"), 3);
	ck_assert_int_eq(analysis_participants(a, "parent", "final"), 0);
	ck_assert_int_eq(analysis_participants(a, "teacher", NULL), 0);
	ck_assert_int_eq(analysis_completed(a, "mini", "start"), 5);
	ck_assert_int_eq(analysis_completed(a, NULL, NULL), 8);
	w = analysis_waves(a, &n);
	ck_assert_int_eq(n, 2);
	ck_assert_str_eq(w[0].id, "start");
	ck_assert_str_eq(w[0].title, "Стартовая диагностика");
	ck_assert_int_eq(w[0].completed, 5);
	ck_assert_str_eq(w[0].first, "2026-09-14");
	ck_assert_str_eq(w[0].last, "2026-09-17");
	ck_assert_str_eq(w[1].first, "2026-12-01");
	ck_assert_str_eq(w[1].last, "2026-12-02");
	ck_assert_int_eq(analysis_used_waves(a, NULL, used), 2);
	ck_assert_str_eq(analysis_school(a), "Школа № 5");
	analysis_free(a);
	fixture_free(&f);
}
END_TEST

/* Levels of s (high 0, low 1), counted respondents: start high A1 = 1,
 * low A2, B1, P1 = 3; final high A2 = 1, low A1, B1 = 2. Paired start ->
 * final for the school: A1 high -> low (down), A2 low -> high (up), B1
 * low -> low (same); P1 has no final. Alerts (q1 = А): A1, A2's first,
 * P1 at the start, A2 and the unfinished B2 at the final = 5. */
START_TEST(test_levels_paired_alerts)
{
	Fixture f;
	Analysis *a;
	const Survey *mini;
	const PairedTable *p;
	const char *from = NULL, *to = NULL;
	int school = -1;

	fixture_load(&f);
	a = fixture_analysis(&f, NULL);
	mini = survey_set_find(&f.surveys, "mini");
	ck_assert_int_eq(analysis_level_count(a, mini, 0, "start", 0), 1);
	ck_assert_int_eq(analysis_level_count(a, mini, 0, "start", 1), 3);
	ck_assert_int_eq(analysis_level_count(a, mini, 0, "start", -2), 4);
	ck_assert_int_eq(analysis_level_count(a, mini, 0, "final", 0), 1);
	ck_assert_int_eq(analysis_level_count(a, mini, 0, "final", 1), 2);
	p = analysis_paired(a, &from, &to);
	ck_assert_ptr_nonnull(p);
	ck_assert_str_eq(from, "start");
	ck_assert_str_eq(to, "final");
	for (int i = 0; i < p->n_summaries; i++)
		if (strcmp(p->summaries[i].class_name, "*") == 0)
			school = i;
	ck_assert_int_ge(school, 0);
	ck_assert_int_eq(p->summaries[school].pairs, 3);
	ck_assert_int_eq(p->summaries[school].up, 1);
	ck_assert_int_eq(p->summaries[school].same, 1);
	ck_assert_int_eq(p->summaries[school].down, 1);
	ck_assert_int_eq(analysis_alerts(a), 5);
	analysis_free(a);
	fixture_free(&f);
}
END_TEST

typedef struct {
	int calls;
	int last_done;
	int total;
	char first[64]; /* what the first call said */
	atomic_bool *cancel_after_first;
} Seen;

static void
on_progress(void *ctx, int done, int total, const char *what)
{
	Seen *p = ctx;

	ck_assert_ptr_nonnull(what);
	if (p->calls == 0)
		snprintf(p->first, sizeof p->first, "%s", what);
	p->calls++;
	p->last_done = done;
	p->total = total;
	if (p->cancel_after_first != NULL)
		atomic_store(p->cancel_after_first, true);
}

/* Progress is told when the 9 sittings start loading (the first of every
 * 256), then after each of the 4 steps: 13 in all; a cancel set while
 * they load stops the build with its sentence; an unknown school is
 * refused. */
START_TEST(test_progress_cancel_school)
{
	Fixture f;
	Seen seen = { 0 };
	atomic_bool stop = false;
	AnalysisOptions options = { .progress = on_progress, .progress_ctx = &seen };
	Analysis *a;
	char *cause = NULL;

	fixture_load(&f);
	a = fixture_analysis(&f, &options);
	ck_assert_int_eq(seen.calls, 5);
	ck_assert_str_eq(seen.first, "прохождение 1 из 9");
	ck_assert_int_eq(seen.last_done, 13);
	ck_assert_int_eq(seen.total, 13);
	analysis_free(a);

	seen = (Seen){ .cancel_after_first = &stop };
	options.cancel = &stop;
	ck_assert_ptr_null(analysis_build(f.store, &f.surveys, &f.program, 1, &options, &cause));
	ck_assert_int_eq(seen.calls, 1);
	ck_assert_str_eq(cause, "анализ остановлен");
	free(cause);
	cause = NULL;

	options = (AnalysisOptions){ .school = "Школа № 9" };
	ck_assert_ptr_null(analysis_build(f.store, &f.surveys, &f.program, 1, &options, &cause));
	ck_assert_ptr_nonnull(strstr(cause, "Школа № 9"));
	free(cause);
	options.school = "Школа № 5";
	a = fixture_analysis(&f, &options);
	ck_assert_str_eq(analysis_school(a), "Школа № 5");
	ck_assert_int_eq(row_of(a, "1", "start", "*")->n, 4);
	analysis_free(a);
	fixture_free(&f);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("analysis");
	TCase *tc = tcase_create("analysis");

	util_i18n_init(NULL);

	tcase_add_test(tc, test_indicators);
	tcase_add_test(tc, test_participants_and_waves);
	tcase_add_test(tc, test_levels_paired_alerts);
	tcase_add_test(tc, test_progress_cancel_school);
	suite_add_tcase(s, tc);
	return testutil_run(s);
}
