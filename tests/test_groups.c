/*
 * test_groups.c: the groups table (who is in which level, per wave and
 * class) from hand-made scored sittings, byte for byte.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "groups.h"
#include "testbuild.h"
#include "testio.h"
#include "testutil.h"
#include "util.h"

static Survey *mini; /* tests/fixtures/store/surveys/mini.yaml: scale s, levels high, low */

static void
setup(void)
{
	char *path = testutil_source_path("tests/fixtures/store/surveys/mini.yaml");
	Diag diag = { 0 };

	mini = survey_load(path, &diag);
	ck_assert_ptr_nonnull(mini);
	free(path);
}

static void
teardown(void)
{
	survey_free(mini);
}

/* Level index of mini's scale s: 0 high, 1 low; -1 no value. */
enum { HIGH = 0, LOW = 1, NONE = -1 };

static ResultSitting
sitting(const char *wave, const char *klass, const char *code, const char *completed, int level,
        ScaleResult *result)
{
	result->has_value = level != NONE;
	result->value = level == HIGH ? 4 : 1;
	result->level = level;
	return (ResultSitting){ .sitting_id = (char *)"x",
		                .wave = (char *)wave,
		                .class_name = (char *)klass,
		                .audience = (char *)"student",
		                .respondent = (char *)code,
		                .survey_id = (char *)"mini",
		                .survey_version = 2,
		                .status = completed ? SITTING_COMPLETED : SITTING_IN_PROGRESS,
		                .completed_at = (char *)completed,
		                .started_at = (char *)"",
		                .survey = mini,
		                .results = result };
}

/* The groups table with the waves of a programme whose waves are the
 * space-separated ids. */
static char *
groups_csv_waves(const ResultSet *set, const char *waves)
{
	TestTable out;
	Program *p = testbuild_program("p", waves);

	ck_assert_int_eq(groups_table(set, p->waves, p->n_waves, testio_table_open(&out)), 0);
	program_free(p);
	return testio_table_text(&out);
}

static char *
groups_csv(const ResultSet *set)
{
	return groups_csv_waves(set, "start interim final");
}

START_TEST(latest_sitting_per_respondent_in_school_order)
{
	ScaleResult r[9];
	ResultSitting items[] = {
		/* K2 answered twice at the start: the later sitting (high) counts. */
		sitting("start", "10А", "K2", "2026-09-15T10:00:00Z", HIGH, &r[0]),
		sitting("start", "10А", "K2", "2026-09-15T09:00:00Z", LOW, &r[1]),
		sitting("start", "10А", "K10", "2026-09-15T09:30:00Z", LOW, &r[2]),
		/* Without a code each sitting counts. */
		sitting("start", "10А", "", "2026-09-15T09:40:00Z", LOW, &r[3]),
		sitting("start", "10А", "", "2026-09-15T09:41:00Z", LOW, &r[4]),
		sitting("start", "2А", "K1", "2026-09-15T11:00:00Z", HIGH, &r[5]),
		/* Not finished: not counted. */
		sitting("start", "2А", "K3", NULL, HIGH, &r[6]),
		/* Too few answers: no level, no group. */
		sitting("final", "2А", "K1", "2027-05-15T11:00:00Z", NONE, &r[7]),
		sitting("interim", "2А", "K1", "2027-01-15T11:00:00Z", LOW, &r[8]),
	};
	ResultSet set = { .items = items, .n = (int)(sizeof items / sizeof items[0]) };
	char *text = groups_csv(&set);

	/* Waves start, interim, final; class 2А before 10А; levels in the
	 * survey's order (high, low); 10А low: K10 and two without a code. */
	ck_assert_str_eq(text, "wave,class,survey_id,scale_id,level,label,n,no_code,respondents\n"
	                       "start,2А,mini,s,high,Высокий,1,0,K1\n"
	                       "start,10А,mini,s,high,Высокий,1,0,K2\n"
	                       "start,10А,mini,s,low,Низкий,3,2,K10\n"
	                       "interim,2А,mini,s,low,Низкий,1,0,K1\n");
	free(text);
}
END_TEST

START_TEST(codes_sort_by_their_numbers)
{
	ScaleResult r[3];
	ResultSitting items[] = {
		sitting("start", "5Б", "K10", "2026-09-15T10:00:00Z", LOW, &r[0]),
		sitting("start", "5Б", "K9", "2026-09-15T10:00:00Z", LOW, &r[1]),
		sitting("start", "5Б", "A", "2026-09-15T10:00:00Z", LOW, &r[2]),
	};
	ResultSet set = { .items = items, .n = 3 };
	char *text = groups_csv(&set);

	ck_assert_str_eq(text, "wave,class,survey_id,scale_id,level,label,n,no_code,respondents\n"
	                       "start,5Б,mini,s,low,Низкий,3,0,\"A, K9, K10\"\n");
	free(text);
}
END_TEST

/* The waves come in the programme's order, whatever their names; a wave
 * the programme does not list comes after, by name. */
START_TEST(waves_in_the_programmes_order)
{
	ScaleResult r[4];
	ResultSitting items[] = {
		sitting("autumn", "5Б", "K1", "2026-09-15T10:00:00Z", LOW, &r[0]),
		sitting("spring", "5Б", "K1", "2027-04-15T10:00:00Z", LOW, &r[1]),
		sitting("extra", "5Б", "K1", "2027-05-15T10:00:00Z", LOW, &r[2]),
		sitting("april", "5Б", "K1", "2027-04-01T10:00:00Z", LOW, &r[3]),
	};
	ResultSet set = { .items = items, .n = 4 };
	char *text = groups_csv_waves(&set, "spring autumn");

	ck_assert_str_eq(text, "wave,class,survey_id,scale_id,level,label,n,no_code,respondents\n"
	                       "spring,5Б,mini,s,low,Низкий,1,0,K1\n"
	                       "autumn,5Б,mini,s,low,Низкий,1,0,K1\n"
	                       "april,5Б,mini,s,low,Низкий,1,0,K1\n"
	                       "extra,5Б,mini,s,low,Низкий,1,0,K1\n");
	free(text);
}
END_TEST

START_TEST(nobody_gives_the_header_alone)
{
	ResultSet set = { .items = NULL, .n = 0 };
	char *text = groups_csv(&set);

	ck_assert_str_eq(text, "wave,class,survey_id,scale_id,level,label,n,no_code,respondents\n");
	free(text);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("groups");
	TCase *tc = tcase_create("groups");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, latest_sitting_per_respondent_in_school_order);
	tcase_add_test(tc, codes_sort_by_their_numbers);
	tcase_add_test(tc, waves_in_the_programmes_order);
	tcase_add_test(tc, nobody_gives_the_header_alone);
	suite_add_tcase(s, tc);
	return testutil_run(s);
}
