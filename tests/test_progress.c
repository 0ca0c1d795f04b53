/*
 * test_progress.c: the helpers of progress.h: which items are reported, a
 * stop asked for, and a part's share of its parent's whole.
 */
#include <check.h>
#include <stdlib.h>

#include "progress.h"
#include "testutil.h"
#include "util.h"

START_TEST(due_every_256_items)
{
	TestProgress t;
	const Progress *p = testutil_progress(&t, 0);

	ck_assert(!progress_due(NULL, 0));
	ck_assert(progress_due(p, 0));
	ck_assert(!progress_due(p, 1));
	ck_assert(!progress_due(p, 255));
	ck_assert(progress_due(p, 256));
	ck_assert(progress_due(p, 512));
	testutil_progress_free(&t);
}
END_TEST

START_TEST(report_and_stop)
{
	TestProgress t;
	const Progress *p = testutil_progress(&t, 2);

	ck_assert_int_eq(progress_report(NULL, 1, 2, "x"), 0);
	ck_assert_int_eq(progress_report(p, 1, 10, "one"), 0);
	/* The second report asks to stop, and is told so at once. */
	ck_assert_int_eq(progress_report(p, 2, 10, NULL), -1);
	ck_assert_int_eq(progress_report(p, 3, 10, "three"), -1);
	ck_assert_str_eq(t.text, "1/10 one\n2/10 -\n3/10 three\n");
	testutil_progress_free(&t);
}
END_TEST

START_TEST(step_reports_every_256th_item)
{
	TestProgress t;
	const Progress *p = testutil_progress(&t, 0);
	char *cause = NULL;

	for (long i = 0; i < 600; i++)
		ck_assert_int_eq(progress_step(p, i, 600, &cause, "row %ld", i + 1), 0);
	ck_assert_str_eq(t.text, "0/600 row 1\n256/600 row 257\n512/600 row 513\n");
	ck_assert_int_eq(progress_step(NULL, 0, 1, &cause, "row %d", 1), 0);
	ck_assert_ptr_null(cause);
	testutil_progress_free(&t);
}
END_TEST

START_TEST(step_stops_with_a_cause)
{
	TestProgress t;
	const Progress *p = testutil_progress(&t, 2);
	char *cause = NULL;
	int rc = 0;
	long i;

	for (i = 0; i < 1000 && rc == 0; i++)
		rc = progress_step(p, i, 1000, &cause, "row %ld", i + 1);
	ck_assert_int_eq(rc, -1);
	ck_assert_int_eq(i, 257); /* stopped at item 256, the second report */
	ck_assert_str_eq(cause,
	                 "stopped on request before the end; nothing was changed or written");
	free(cause);
	testutil_progress_free(&t);
}
END_TEST

START_TEST(part_maps_into_its_share)
{
	TestProgress t;
	ProgressPart part, bare;
	const Progress *parent = testutil_progress(&t, 0);
	const Progress *p = progress_part(&part, parent, 0.5, 0.75, "school01.db");
	const Progress *q = progress_part(&bare, parent, 0, 0.5, NULL);

	ck_assert_ptr_null(progress_part(&part, NULL, 0, 1, "x"));
	progress_report(p, 0, 100, "copying answers");
	progress_report(p, 50, 100, NULL);
	progress_report(p, 100, 100, "done");
	progress_report(p, 150, 100, "past the end"); /* counts as the end */
	progress_report(p, 7, 0, "checking");         /* total not known: the start */
	progress_report(q, 1, 4, "line 257");
	progress_report(q, 1, 4, NULL);
	/* 0.5 + 0.25 * 50/100 = 0.625 of the whole, 10000. */
	ck_assert_str_eq(t.text, "5000/10000 school01.db: copying answers\n"
	                         "6250/10000 school01.db\n"
	                         "7500/10000 school01.db: done\n"
	                         "7500/10000 school01.db: past the end\n"
	                         "5000/10000 school01.db: checking\n"
	                         "1250/10000 line 257\n"
	                         "1250/10000 -\n");
	testutil_progress_free(&t);
}
END_TEST

START_TEST(part_is_stopped_with_its_parent)
{
	TestProgress t;
	ProgressPart part;
	const Progress *p = progress_part(&part, testutil_progress(&t, 2), 0, 1, NULL);

	ck_assert_int_eq(progress_report(p, 1, 2, "a"), 0);
	ck_assert_int_eq(progress_report(p, 2, 2, "b"), -1);
	testutil_progress_free(&t);
}
END_TEST

START_TEST(part_cuts_a_long_phrase_between_characters)
{
	TestProgress t;
	ProgressPart part;
	const Progress *p = progress_part(&part, testutil_progress(&t, 0), 0, 1, "л");
	char what[600];

	/* "л: " is 4 bytes, then 2-byte letters: 255 bytes end inside one. */
	for (int i = 0; i < 299; i++)
		what[2 * i] = (char)0xd0, what[2 * i + 1] = (char)0xb6; /* ж */
	what[598] = '\0';
	progress_report(p, 0, 1, what);
	ck_assert_uint_eq(strlen(t.text), strlen("0/10000 ") + 4 + 250 + 1);
	ck_assert(util_utf8_valid(t.text, strlen(t.text)));
	testutil_progress_free(&t);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("progress");
	TCase *tc = tcase_create("progress");

	tcase_add_test(tc, due_every_256_items);
	tcase_add_test(tc, report_and_stop);
	tcase_add_test(tc, step_reports_every_256th_item);
	tcase_add_test(tc, step_stops_with_a_cause);
	tcase_add_test(tc, part_maps_into_its_share);
	tcase_add_test(tc, part_is_stopped_with_its_parent);
	tcase_add_test(tc, part_cuts_a_long_phrase_between_characters);
	suite_add_tcase(s, tc);
	return testutil_run(s);
}
