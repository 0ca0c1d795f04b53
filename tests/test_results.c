/*
 * test_results.c: loading scored sittings with a filter: one school's
 * sittings only, or each sitting's class replaced by its school
 * (results_load_filtered(), the input of export and report --school and
 * --by-school).
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "results.h"
#include "store.h"
#include "survey.h"
#include "testutil.h"
#include "util.h"

static SurveySet surveys;
static Store *store;

/* Stores a completed sitting (ids ...01 to ...05 in start order) of the
 * mini survey, or of survey, with answers to q1 and q2 ("" = none). */
static void
add(int n, const char *school, const char *klass, const char *code, const char *survey,
    const char *q1, const char *q2)
{
	char id[37], at[21], *cause = NULL;
	StoreSittingRecord r = { .status = SITTING_COMPLETED };

	snprintf(id, sizeof id, "00000000-0000-4000-8000-0000000000%02d", n);
	snprintf(at, sizeof at, "2026-09-15T10:00:%02dZ", n);
	r.sitting = (StoreSitting){ .id = id,
		                    .wave = "start",
		                    .class_name = klass,
		                    .audience = "student",
		                    .respondent = code,
		                    .survey_id = survey,
		                    .survey_version = 2,
		                    .started_at = at,
		                    .school = school };
	r.completed_at = at;
	ck_assert_int_eq(store_sitting_insert(store, &r, &cause), 0);
	if (q1[0] != '\0')
		ck_assert_int_eq(store_answer_insert(store, id, "q1", q1, false, 0, at, &cause), 0);
	if (q2[0] != '\0')
		ck_assert_int_eq(store_answer_insert(store, id, "q2", q2, false, 0, at, &cause), 0);
}

/*
 * Scale s of mini is q1 + q2: q1 option 1 scores 2, 2 scores 1, 3 scores 0;
 * q2 option 2 scores 2, option 3 scores 0.5.
 *   01 Школа № 1, 5А R1: 2 + 2 = 4
 *   02 Школа № 1, 5Б R1: 0 + 0.5 = 0.5
 *   03 Школа № 2, 5А R1: 1 + 2 = 3
 *   04 no school, 5А, no code: 2 + 0.5 = 2.5
 *   05 Школа № 2, a survey no file has (left out, with a warning)
 */
static void
setup(void)
{
	char *dir = testutil_source_path("tests/fixtures/store/surveys"), *cause = NULL;
	Diag diag = { 0 };

	memset(&surveys, 0, sizeof surveys);
	ck_assert_int_eq(survey_set_load_dir(&surveys, dir, &diag), 0);
	store = store_open(":memory:", &cause);
	ck_assert_ptr_nonnull(store);
	ck_assert_int_eq(store_bulk_begin(store, &cause), 0);
	add(1, "Школа № 1", "5А", "R1", "mini", "1", "2");
	add(2, "Школа № 1", "5Б", "R1", "mini", "3", "3");
	add(3, "Школа № 2", "5А", "R1", "mini", "2", "2");
	add(4, "", "5А", "", "mini", "1", "3");
	add(5, "Школа № 2", "5А", "R2", "gone", "1", "");
	ck_assert_int_eq(store_commit(store, &cause), 0);
	free(dir);
}

static void
teardown(void)
{
	store_close(store);
	survey_set_free(&surveys);
}

/* "id-tail class respondent school=value" for each loaded sitting, and
 * how many warnings came. */
static char *
load_text(const ResultFilter *filter, int *n_warnings)
{
	ResultSet set = { 0 };
	Diag warnings = { 0 };
	char *cause = NULL, *text = xstrdup(""), *next;

	ck_assert_int_eq(
	    results_load_filtered(store, &surveys, filter, NULL, &set, &warnings, &cause), 0);
	for (int i = 0; i < set.n; i++) {
		const ResultSitting *s = &set.items[i];
		next = xasprintf("%s%s %s %s %s=%g\n", text, s->sitting_id + 34, s->class_name,
		                 s->respondent[0] ? s->respondent : "-",
		                 s->school[0] ? s->school : "-", s->results[0].value);
		free(text);
		text = next;
	}
	*n_warnings = warnings.n;
	diag_clear(&warnings);
	results_free(&set);
	return text;
}

START_TEST(test_without_a_filter_everything_as_stored)
{
	int warnings;
	char *text = load_text(NULL, &warnings);

	ck_assert_str_eq(text, "01 5А R1 Школа № 1=4\n"
	                       "02 5Б R1 Школа № 1=0.5\n"
	                       "03 5А R1 Школа № 2=3\n"
	                       "04 5А - -=2.5\n");
	ck_assert_int_eq(warnings, 1); /* no file has the survey "gone" */
	free(text);
}
END_TEST

/* One school: the others' sittings are not loaded, and their survey that
 * no file has is no concern of this school's. */
START_TEST(test_one_school)
{
	ResultFilter filter = { .school = "Школа № 1" };
	ResultSet set = { 0 };
	int warnings;
	char *text = load_text(&filter, &warnings), *cause = NULL;

	ck_assert_str_eq(text, "01 5А R1 Школа № 1=4\n"
	                       "02 5Б R1 Школа № 1=0.5\n");
	ck_assert_int_eq(warnings, 0);
	free(text);
	ck_assert_int_eq(results_check_school(&set, NULL, &cause), 0);
	ck_assert_int_eq(results_check_school(&set, &(ResultFilter){ 0 }, &cause), 0);
	/* A name no sitting has loads nothing, and is refused by the check. */
	filter.school = "Школа № 3";
	text = load_text(&filter, &warnings);
	ck_assert_str_eq(text, "");
	free(text);
	ck_assert_int_eq(results_check_school(&set, &filter, &cause), -1);
	ck_assert_str_eq(cause, "no sitting of the school \"Школа № 3\" is in this database; write "
	                        "the name exactly as anketa school --db FILE prints it for that "
	                        "school's database");
	free(cause);
}
END_TEST

/* By school: the class is the school (or "(no school)"), and a code gets
 * its class in front, so that R1 of 5А and R1 of 5Б stay two respondents. */
START_TEST(test_by_school)
{
	ResultFilter filter = { .by_school = true };
	int warnings;
	char *text = load_text(&filter, &warnings);

	ck_assert_str_eq(text, "01 Школа № 1 5А/R1 Школа № 1=4\n"
	                       "02 Школа № 1 5Б/R1 Школа № 1=0.5\n"
	                       "03 Школа № 2 5А/R1 Школа № 2=3\n"
	                       "04 (no school) - -=2.5\n");
	ck_assert_int_eq(warnings, 1);
	free(text);
	filter.school = "Школа № 2";
	text = load_text(&filter, &warnings);
	ck_assert_str_eq(text, "03 Школа № 2 5А/R1 Школа № 2=3\n");
	ck_assert_int_eq(warnings, 1);
	free(text);
}
END_TEST

/* Loading tells the sittings read of those stored, every 256th, and stops
 * when asked to, with nothing loaded. */
START_TEST(test_progress_and_stop)
{
	ResultSet set = { 0 };
	Diag warnings = { 0 };
	TestProgress t;
	char *cause = NULL;

	/* 595 sittings more, after the five of the fixture: 600 in all. */
	ck_assert_int_eq(store_bulk_begin(store, &cause), 0);
	for (int n = 6; n <= 600; n++) {
		char id[37], at[21];
		StoreSittingRecord r = { .status = SITTING_COMPLETED };

		snprintf(id, sizeof id, "00000000-0000-4000-8000-%012d", n);
		snprintf(at, sizeof at, "2026-09-16T10:%02d:%02dZ", n / 60, n % 60);
		r.sitting = (StoreSitting){ .id = id,
			                    .wave = "start",
			                    .class_name = "5А",
			                    .audience = "student",
			                    .respondent = "",
			                    .survey_id = "mini",
			                    .survey_version = 2,
			                    .started_at = at,
			                    .school = "" };
		r.completed_at = at;
		ck_assert_int_eq(store_sitting_insert(store, &r, &cause), 0);
		ck_assert_int_eq(store_answer_insert(store, id, "q1", "1", false, 0, at, &cause),
		                 0);
	}
	ck_assert_int_eq(store_commit(store, &cause), 0);
	ck_assert_int_eq(results_load_filtered(store, &surveys, NULL, testutil_progress(&t, 0),
	                                       &set, &warnings, &cause),
	                 0);
	ck_assert_int_eq(set.n, 599); /* the one of a survey no file has is left out */
	ck_assert_str_eq(t.text, "0/600 sitting 1 of 600\n"
	                         "256/600 sitting 257 of 600\n"
	                         "512/600 sitting 513 of 600\n");
	testutil_progress_free(&t);
	results_free(&set);
	diag_clear(&warnings);
	/* Asked to stop at the second report: nothing comes back. */
	ck_assert_int_eq(results_load_filtered(store, &surveys, NULL, testutil_progress(&t, 2),
	                                       &set, &warnings, &cause),
	                 -1);
	ck_assert_str_eq(cause, "stopped on request before the end; nothing was changed or "
	                        "written");
	ck_assert_int_eq(set.n, 0);
	ck_assert_ptr_null(set.items);
	free(cause);
	testutil_progress_free(&t);
	diag_clear(&warnings);
}
END_TEST

static Suite *
results_suite(void)
{
	Suite *s = suite_create("results");
	TCase *tc = tcase_create("results");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_without_a_filter_everything_as_stored);
	tcase_add_test(tc, test_one_school);
	tcase_add_test(tc, test_by_school);
	tcase_add_test(tc, test_progress_and_stop);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return testutil_run(results_suite());
}
