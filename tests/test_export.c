/*
 * test_export.c: the answers CSV, byte for byte.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvio.h"
#include "export.h"
#include "store.h"
#include "testutil.h"
#include "util.h"

START_TEST(test_number_format)
{
	char buf[32];

	ck_assert_str_eq(csvio_format_number(2, buf), "2");
	ck_assert_str_eq(csvio_format_number(0.5, buf), "0.5");
	ck_assert_str_eq(csvio_format_number(-1.25, buf), "-1.25");
	ck_assert_str_eq(csvio_format_number(-0.0, buf), "0");
	ck_assert_str_eq(csvio_format_number(0.1 + 0.2, buf), "0.3"); /* 15 digits */
	ck_assert_str_eq(csvio_format_number(1e6, buf), "1000000");
}
END_TEST

/* Exports to a string. */
static char *
export_to_string(Store *store)
{
	char *text = NULL, *cause = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);

	ck_assert_int_eq(export_answers_csv(store, out, &cause), 0);
	fclose(out);
	return text;
}

START_TEST(test_answers_csv)
{
	char *cause = NULL, *text;
	Store *store = store_open(":memory:", &cause);
	StoreSitting a = {
		.id = "00000000-0000-4000-8000-000000000002",
		.device_id = "dev-1",
		.wave = "start",
		.class_name = "6А",
		.audience = "student",
		.respondent = "R1",
		.survey_id = "school_day",
		.survey_version = 3,
		.survey_hash = "h1",
		.started_at = "2026-09-15T10:00:00Z",
	};
	StoreSitting b = a;
	char id[37];

	b.id = "00000000-0000-4000-8000-000000000001";
	b.respondent = "";
	b.started_at = "2026-09-15T11:00:00Z";
	b.visit_id = "v7";
	ck_assert_int_eq(store_sitting_begin(store, &b, id, &cause), 0);
	ck_assert_int_eq(store_sitting_begin(store, &a, id, &cause), 0);
	ck_assert_int_eq(
	    store_answer_put(store, b.id, "q1", "1|3", true, 0.5, "2026-09-15T11:00:03Z", &cause),
	    0);
	ck_assert_int_eq(store_answer_put(store, a.id, "q2", "say \"hi\", ok", false, 0,
	                                  "2026-09-15T10:00:09Z", &cause),
	                 0);
	ck_assert_int_eq(
	    store_answer_put(store, a.id, "q1", "2", true, 1, "2026-09-15T10:00:05Z", &cause), 0);
	ck_assert_int_eq(store_sitting_finish(store, b.id, SITTING_ABANDONED, &cause), 0);
	text = export_to_string(store);
	/* Sitting a started first, so it comes first although its id sorts
	 * later; within it, answers in the order they were first given. */
	ck_assert_str_eq(
	    text,
	    "sitting_id,device_id,wave,class,audience,respondent,survey_id,survey_version,"
	    "question_id,value,score,answered_at,status,started_at,completed_at,visit_id,"
	    "survey_hash,conflict_of\n"
	    "00000000-0000-4000-8000-000000000002,dev-1,start,6А,student,R1,school_day,3,q2,"
	    "\"say \"\"hi\"\", ok\",,2026-09-15T10:00:09Z,in_progress,2026-09-15T10:00:00Z,,,h1,\n"
	    "00000000-0000-4000-8000-000000000002,dev-1,start,6А,student,R1,school_day,3,q1,2,1,"
	    "2026-09-15T10:00:05Z,in_progress,2026-09-15T10:00:00Z,,,h1,\n"
	    "00000000-0000-4000-8000-000000000001,dev-1,start,6А,student,,school_day,3,q1,1|3,0.5,"
	    "2026-09-15T11:00:03Z,abandoned,2026-09-15T11:00:00Z,,v7,h1,\n");
	free(text);
	store_close(store);
}
END_TEST

START_TEST(test_empty_store_gives_header_only)
{
	char *cause = NULL, *text;
	Store *store = store_open(":memory:", &cause);

	text = export_to_string(store);
	ck_assert_str_eq(text, "sitting_id,device_id,wave,class,audience,respondent,survey_id,"
	                       "survey_version,question_id,value,score,answered_at,status,"
	                       "started_at,completed_at,visit_id,survey_hash,conflict_of\n");
	free(text);
	store_close(store);
}
END_TEST

static Suite *
export_suite(void)
{
	Suite *s = suite_create("export");
	TCase *tc = tcase_create("export");

	tcase_add_test(tc, test_number_format);
	tcase_add_test(tc, test_answers_csv);
	tcase_add_test(tc, test_empty_store_gives_header_only);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(export_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
