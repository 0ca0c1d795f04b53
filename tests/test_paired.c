/*
 * test_paired.c: paired change between two waves on hand-made scored
 * sittings: who pairs, the from-level x to-level cells per class and for
 * the school, the up / same / down counts, and the shifts CSV byte for byte.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "paired.h"
#include "testbuild.h"
#include "testio.h"
#include "testutil.h"
#include "util.h"

static Survey *att;   /* scales anx (normal raised) and mot (high mid low) */
static Survey *other; /* scale mot (high mid low) */

enum { ANX = 0, MOT = 1 };
enum { NONE = -1 };

static void
setup(void)
{
	att = testbuild_survey("att");
	testbuild_levels(att, testbuild_scale(att, "anx", SCALE_SUM, 0), "normal raised");
	testbuild_levels(att, testbuild_scale(att, "mot", SCALE_SUM, 0), "high mid low");
	other = testbuild_survey("other");
	testbuild_levels(other, testbuild_scale(other, "mot", SCALE_SUM, 0), "high mid low");
}

static void
teardown(void)
{
	survey_free(att);
	survey_free(other);
}

static ScaleResult pool[64][2];
static int used;

/* A sitting of att (or other) with the levels of anx and mot (NONE: no
 * value); completed at the hour given, or in progress when hour is NULL. */
static ResultSitting
sitting(const Survey *survey, const char *wave, const char *klass, const char *code,
        const char *hour, int anx, int mot)
{
	ScaleResult *r = pool[used++];
	static char times[64][32];
	int levels[2] = { anx, mot };

	for (int j = 0; j < survey->n_scales; j++) {
		int level = survey->n_scales == 1 ? mot : levels[j];
		r[j] = (ScaleResult){ level != NONE, level, level, 1 };
	}
	if (hour != NULL)
		snprintf(times[used], sizeof times[used], "2026-09-15T%s:00:00Z", hour);
	return (ResultSitting){ .sitting_id = (char *)"x",
		                .wave = (char *)wave,
		                .class_name = (char *)klass,
		                .audience = (char *)"student",
		                .respondent = (char *)code,
		                .school = (char *)"",
		                .survey_id = survey->id,
		                .survey_version = 1,
		                .status = hour ? SITTING_COMPLETED : SITTING_IN_PROGRESS,
		                .completed_at = hour ? times[used] : NULL,
		                .started_at = (char *)"",
		                .survey = survey,
		                .results = r };
}

/* normal 0, raised 1; high 0, mid 1, low 2. */
static ResultSet
fixture(ResultSitting *items)
{
	int n = 0;

	used = 0;
	/* 5А K1: mot low -> mid (up), anx raised -> normal (up). */
	items[n++] = sitting(att, "start", "5А", "K1", "09", 1, 2);
	items[n++] = sitting(att, "final", "5А", "K1", "09", 0, 1);
	/* 5А K2: mid at 09, high at 10 counts; high -> high; anx normal -> raised. */
	items[n++] = sitting(att, "start", "5А", "K2", "09", 1, 1);
	items[n++] = sitting(att, "start", "5А", "K2", "10", 0, 0);
	items[n++] = sitting(att, "final", "5А", "K2", "10", 1, 0);
	/* 5А K3: mot high -> low (down); anx has no value at the start. */
	items[n++] = sitting(att, "start", "5А", "K3", "09", NONE, 0);
	items[n++] = sitting(att, "final", "5А", "K3", "09", 0, 2);
	/* Never pair: K4 only at the start, no code, K5 not finished at the end,
	 * K7 another survey at the end. */
	items[n++] = sitting(att, "start", "5А", "K4", "09", 0, 0);
	items[n++] = sitting(att, "start", "5А", "", "09", 0, 0);
	items[n++] = sitting(att, "final", "5А", "", "09", 1, 2);
	items[n++] = sitting(att, "start", "5А", "K5", "09", 0, 0);
	items[n++] = sitting(att, "final", "5А", "K5", NULL, 1, 2);
	items[n++] = sitting(att, "start", "5А", "K7", "09", 0, 0);
	items[n++] = sitting(other, "final", "5А", "K7", "09", NONE, 2);
	/* 5Б K1 (the same code in another class): low -> low, normal -> normal;
	 * K8: high -> high, no anx; K6: mid at the start, high at the interim. */
	items[n++] = sitting(att, "final", "5Б", "K1", "11", 0, 2);
	items[n++] = sitting(att, "start", "5Б", "K1", "11", 0, 2);
	items[n++] = sitting(att, "start", "5Б", "K8", "11", NONE, 0);
	items[n++] = sitting(att, "final", "5Б", "K8", "11", NONE, 0);
	items[n++] = sitting(att, "start", "5Б", "K6", "11", 0, 1);
	items[n++] = sitting(att, "interim", "5Б", "K6", "11", 0, 0);
	return (ResultSet){ .items = items, .n = n };
}

static char *
shifts_csv(const ResultSet *set, const char *from, const char *to)
{
	PairedTable paired;
	TestTable out;
	Table *table = testio_table_open(&out);

	paired_compute(set, from, to, &paired);
	ck_assert_int_eq(paired_write(&paired, from, to, table), 0);
	paired_table_free(&paired);
	return testio_table_text(&out);
}

START_TEST(cells_per_class_and_school)
{
	ResultSitting items[32];
	ResultSet set = fixture(items);
	char *text = shifts_csv(&set, "start", "final");

	ck_assert_str_eq(text, "survey_id,scale_id,class,from_wave,to_wave,from_level,to_level,n\n"
	                       "att,anx,5А,start,final,normal,raised,1\n"
	                       "att,anx,5А,start,final,raised,normal,1\n"
	                       "att,anx,5Б,start,final,normal,normal,1\n"
	                       "att,anx,*,start,final,normal,normal,1\n"
	                       "att,anx,*,start,final,normal,raised,1\n"
	                       "att,anx,*,start,final,raised,normal,1\n"
	                       "att,mot,5А,start,final,high,high,1\n"
	                       "att,mot,5А,start,final,high,low,1\n"
	                       "att,mot,5А,start,final,low,mid,1\n"
	                       "att,mot,5Б,start,final,high,high,1\n"
	                       "att,mot,5Б,start,final,low,low,1\n"
	                       "att,mot,*,start,final,high,high,2\n"
	                       "att,mot,*,start,final,high,low,1\n"
	                       "att,mot,*,start,final,low,mid,1\n"
	                       "att,mot,*,start,final,low,low,1\n");
	free(text);
}
END_TEST

static void
assert_summary(const PairedSummary *s, const char *scale, const char *klass, int pairs, int up,
               int same, int down)
{
	ck_assert_str_eq(s->survey_id, "att");
	ck_assert_str_eq(s->scale_id, scale);
	ck_assert_str_eq(s->class_name, klass);
	ck_assert_int_eq(s->pairs, pairs);
	ck_assert_int_eq(s->up, up);
	ck_assert_int_eq(s->same, same);
	ck_assert_int_eq(s->down, down);
}

START_TEST(up_same_down)
{
	ResultSitting items[32];
	ResultSet set = fixture(items);
	PairedTable paired;

	paired_compute(&set, "start", "final", &paired);
	ck_assert_int_eq(paired.n_summaries, 6);
	assert_summary(&paired.summaries[0], "anx", "5А", 2, 1, 0, 1);
	assert_summary(&paired.summaries[1], "anx", "5Б", 1, 0, 1, 0);
	assert_summary(&paired.summaries[2], "anx", "*", 3, 1, 1, 1);
	assert_summary(&paired.summaries[3], "mot", "5А", 3, 1, 1, 1);
	assert_summary(&paired.summaries[4], "mot", "5Б", 2, 0, 2, 0);
	assert_summary(&paired.summaries[5], "mot", "*", 5, 1, 3, 1);
	paired_table_free(&paired);
	/* The other way round, 5А's mot: high -> high (K2), mid -> low (K1,
	 * down), low -> high (K3, up); the school's last cell low -> low. */
	paired_compute(&set, "final", "start", &paired);
	assert_summary(&paired.summaries[3], "mot", "5А", 3, 1, 1, 1);
	ck_assert_int_eq(paired.n_cells, 15);
	ck_assert_str_eq(paired.cells[7].class_name, "5А");
	ck_assert_str_eq(paired.cells[7].from_level, "mid");
	ck_assert_str_eq(paired.cells[7].to_level, "low");
	ck_assert_str_eq(paired.cells[8].from_level, "low");
	ck_assert_str_eq(paired.cells[8].to_level, "high");
	ck_assert_str_eq(paired.cells[14].class_name, "*");
	ck_assert_str_eq(paired.cells[14].from_level, "low");
	ck_assert_str_eq(paired.cells[14].to_level, "low");
	paired_table_free(&paired);
}
END_TEST

START_TEST(other_waves)
{
	ResultSitting items[32];
	ResultSet set = fixture(items);
	char *text = shifts_csv(&set, "start", "interim");

	/* Only K6 answered at the interim: mid -> high. */
	ck_assert_str_eq(text, "survey_id,scale_id,class,from_wave,to_wave,from_level,to_level,n\n"
	                       "att,anx,5Б,start,interim,normal,normal,1\n"
	                       "att,anx,*,start,interim,normal,normal,1\n"
	                       "att,mot,5Б,start,interim,mid,high,1\n"
	                       "att,mot,*,start,interim,mid,high,1\n");
	free(text);
	text = shifts_csv(&(ResultSet){ .items = NULL, .n = 0 }, "start", "final");
	ck_assert_str_eq(text,
	                 "survey_id,scale_id,class,from_wave,to_wave,from_level,to_level,n\n");
	free(text);
}
END_TEST

START_TEST(waves_are_checked)
{
	ResultSitting items[32];
	ResultSet set = fixture(items);
	char *cause = NULL;

	ck_assert_int_eq(paired_check_waves(&set, "start", "final", &cause), 0);
	ck_assert_int_eq(paired_check_waves(&set, "start", "start", &cause), -1);
	ck_assert_str_eq(cause,
	                 "--from and --to name the same wave start: a change needs two waves");
	free(cause);
	ck_assert_int_eq(paired_check_waves(&set, "start", "fnal", &cause), -1);
	ck_assert_str_eq(cause, "no completed questionnaire in wave fnal; the waves answered are: "
	                        "start, final, interim");
	free(cause);
	ck_assert_int_eq(paired_check_waves(&(ResultSet){ 0 }, "start", "final", &cause), -1);
	ck_assert_str_eq(cause,
	                 "no completed questionnaire in wave start: nothing has been answered yet");
	free(cause);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("paired");
	TCase *tc = tcase_create("paired");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, cells_per_class_and_school);
	tcase_add_test(tc, up_same_down);
	tcase_add_test(tc, other_waves);
	tcase_add_test(tc, waves_are_checked);
	suite_add_tcase(s, tc);
	return testutil_run(s);
}
