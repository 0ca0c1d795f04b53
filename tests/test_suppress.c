/*
 * test_suppress.c: which classes show no figures, on hand-made counts: the
 * small ones, and a second one when the school row minus the classes shown
 * would give a small class away.
 */
#include <check.h>

#include "suppress.h"
#include "testutil.h"

enum { S = SUPPRESS_SHOWN, F = SUPPRESS_FEW, C = SUPPRESS_COMPLEMENT };

/* Runs the rule and checks every class's state, the school's and the
 * number of classes hidden to protect others. */
static void
check(const int *counts, int n, int total, int min_n, const int *want, int want_school,
      int want_added)
{
	SuppressState classes[16], school = SUPPRESS_COMPLEMENT;

	ck_assert_int_eq(suppress_classes(counts, n, total, min_n, classes, &school), want_added);
	for (int i = 0; i < n; i++)
		ck_assert_msg((int)classes[i] == want[i], "class %d: state %d, not %d", i,
		              (int)classes[i], want[i]);
	ck_assert_int_eq(school, want_school);
}

START_TEST(large_classes_all_shown)
{
	check((const int[]){ 20, 25, 30 }, 3, 75, 5, (const int[]){ S, S, S }, S, 0);
	/* Exactly min_n is enough. */
	check((const int[]){ 5, 5 }, 2, 10, 5, (const int[]){ S, S }, S, 0);
}
END_TEST

START_TEST(one_small_class_hides_the_next_smallest)
{
	/* 48 - 20 - 25 = 3 would be 5А: 5Б (20, smaller than 25) goes too,
	 * and the remainder is 23. */
	check((const int[]){ 3, 25, 20 }, 3, 48, 5, (const int[]){ F, S, C }, S, 1);
	/* Of two equal classes, the first. */
	check((const int[]){ 3, 20, 20 }, 3, 43, 5, (const int[]){ F, C, S }, S, 1);
}
END_TEST

START_TEST(small_classes_together)
{
	/* 2 + 4 = 6 hidden together: the remainder shows a group of six. */
	check((const int[]){ 2, 4, 20 }, 3, 26, 5, (const int[]){ F, F, S }, S, 0);
	/* 1 + 2 = 3 would still be a small group: 20 is hidden as well. */
	check((const int[]){ 1, 2, 20, 30 }, 4, 53, 5, (const int[]){ F, F, C, S }, S, 1);
}
END_TEST

START_TEST(respondents_outside_the_classes_count_in_the_remainder)
{
	/* 30 - 20 = 10: the three of 5А with seven in no listed class. */
	check((const int[]){ 3, 20 }, 2, 30, 5, (const int[]){ F, S }, S, 0);
	/* 24 - 20 = 4 with nobody small: those four would be a small group. */
	check((const int[]){ 20 }, 1, 24, 5, (const int[]){ C }, S, 1);
}
END_TEST

START_TEST(a_small_school_shows_no_figures)
{
	check((const int[]){ 1, 2 }, 2, 3, 5, (const int[]){ F, F }, F, 0);
	check((const int[]){ 0 }, 1, 0, 5, (const int[]){ S }, S, 0);
}
END_TEST

START_TEST(an_empty_class_hides_nothing)
{
	/* 5А has nobody: it cannot stand in for 5Б, so 5В (12) goes. */
	check((const int[]){ 0, 3, 12 }, 3, 15, 5, (const int[]){ S, F, C }, S, 1);
}
END_TEST

START_TEST(min_n_of_the_programme)
{
	/* min_n 0 or less: 5. */
	check((const int[]){ 4, 10, 12 }, 3, 26, 0, (const int[]){ F, C, S }, S, 1);
	/* min_n 10: 9 is small; 9 alone would be recovered, so 10 goes; 19. */
	check((const int[]){ 9, 10, 30 }, 3, 49, 10, (const int[]){ F, C, S }, S, 1);
	/* min_n 10: 1 hidden, then 1 + 10 = 11 is enough. */
	check((const int[]){ 1, 10, 11, 50 }, 4, 72, 10, (const int[]){ F, C, S, S }, S, 1);
	/* min_n 1: nothing is small. */
	check((const int[]){ 1, 1 }, 2, 2, 1, (const int[]){ S, S }, S, 0);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("suppress");
	TCase *tc = tcase_create("suppress");

	tcase_add_test(tc, large_classes_all_shown);
	tcase_add_test(tc, one_small_class_hides_the_next_smallest);
	tcase_add_test(tc, small_classes_together);
	tcase_add_test(tc, respondents_outside_the_classes_count_in_the_remainder);
	tcase_add_test(tc, a_small_school_shows_no_figures);
	tcase_add_test(tc, an_empty_class_hides_nothing);
	tcase_add_test(tc, min_n_of_the_programme);
	suite_add_tcase(s, tc);
	return testutil_run(s);
}
