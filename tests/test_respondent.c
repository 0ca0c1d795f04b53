/*
 * test_respondent.c: the one rule of who counts: each respondent (class and
 * code) once per wave and group, by the latest completed sitting; sittings
 * without a code each; unfinished sittings and those of no group never.
 */
#include <check.h>
#include <stdbool.h>

#include "respondent.h"
#include "testutil.h"

#define T(h) "2026-09-15T" h ":00:00Z"

/* Runs the rule and compares counted with want, one '1' or '0' a sitting. */
static void
check(const RespondentSitting *s, int n, const char *want)
{
	bool counted[16];
	char got[17];

	respondent_latest(s, n, counted);
	for (int i = 0; i < n; i++)
		got[i] = counted[i] ? '1' : '0';
	got[n] = '\0';
	ck_assert_str_eq(got, want);
}

START_TEST(latest_completed_per_respondent)
{
	const RespondentSitting s[] = {
		{ "start", "5А", "K1", T("10"), "att" }, /* earlier than the next: not counted */
		{ "start", "5А", "K1", T("11"), "att" },
		{ "start", "5А", "K1", NULL, "att" },    /* not completed */
		{ "start", "5Б", "K1", T("09"), "att" }, /* another class: another respondent */
		{ "final", "5А", "K1", T("08"), "att" }, /* another wave */
		{ "start", "5А", "K2", T("12"), "att" },
	};

	check(s, 6, "010111");
}
END_TEST

START_TEST(without_a_code_each_counts)
{
	const RespondentSitting s[] = {
		{ "start", "5А", "", T("10"), "att" },
		{ "start", "5А", NULL, T("10"), "att" },
		{ "start", "5А", "", NULL, "att" },
	};

	check(s, 3, "110");
}
END_TEST

START_TEST(groups_compete_apart)
{
	/* Per survey: K1 counts in both; as one group (an indicator over both
	 * surveys), only the later. NULL leaves a sitting out. */
	const RespondentSitting per_survey[] = {
		{ "start", "5А", "K1", T("10"), "att" },
		{ "start", "5А", "K1", T("09"), "anx" },
		{ "start", "5А", "K1", T("11"), NULL },
	};
	const RespondentSitting together[] = {
		{ "start", "5А", "K1", T("10"), "1.2" },
		{ "start", "5А", "K1", T("09"), "1.2" },
		{ "start", "5А", "K1", T("11"), NULL },
	};

	check(per_survey, 3, "110");
	check(together, 3, "100");
}
END_TEST

START_TEST(equal_times_the_later_in_the_array)
{
	const RespondentSitting s[] = {
		{ "start", "5А", "K1", T("10"), "att" },
		{ "start", "5А", "K1", T("10"), "att" },
		{ "start", "5А", "K1", T("09"), "att" },
	};

	check(s, 3, "010");
	check(s, 0, "");
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("respondent");
	TCase *tc = tcase_create("respondent");

	tcase_add_test(tc, latest_completed_per_respondent);
	tcase_add_test(tc, without_a_code_each_counts);
	tcase_add_test(tc, groups_compete_apart);
	tcase_add_test(tc, equal_times_the_later_in_the_array);
	suite_add_tcase(s, tc);
	return testutil_run(s);
}
