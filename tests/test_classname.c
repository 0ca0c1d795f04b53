/*
 * test_classname.c: the spellings of a class that must count as one.
 */
#include <check.h>
#include <stdlib.h>

#include "testutil.h"
#include "classname.h"

static const char *
norm(const char *in)
{
	static char out[32];

	classname_normalize(in, out, sizeof out);
	return out;
}

START_TEST(spaces_hyphens_and_case_are_one_spelling)
{
	ck_assert_str_eq(norm("6А"), "6А");
	ck_assert_str_eq(norm("6а"), "6А");
	ck_assert_str_eq(norm(" 6 а "), "6А");
	ck_assert_str_eq(norm("10-б"), "10Б");
	ck_assert_str_eq(norm("11\tя"), "11Я");
	ck_assert_str_eq(norm("1ё"), "1Ё");
}
END_TEST

START_TEST(latin_letters_are_upper_cased_but_not_guessed)
{
	ck_assert_str_eq(norm("5a"), "5A");
	ck_assert_str_eq(norm("7b"), "7B");
}
END_TEST

START_TEST(other_characters_pass_unchanged)
{
	ck_assert_str_eq(norm("3«Ж»"), "3«Ж»");
	ck_assert_str_eq(norm("Ⅳ"), "Ⅳ"); /* three-byte UTF-8 */
	ck_assert_str_eq(norm(""), "");
}
END_TEST

START_TEST(a_long_name_is_cut_at_a_character)
{
	char out[4];

	/* "6ААА" needs 1 + 2*3 bytes; 3 bytes of room hold "6А". */
	ck_assert_uint_eq(classname_normalize("6ааа", out, sizeof out), 3);
	ck_assert_str_eq(out, "6А");
}
END_TEST

START_TEST(classes_sort_as_a_school_lists_them)
{
	/* Numbers by value, then letters by bytes (А = D0 90 < Б = D0 91), the
	 * whole school last, equal names 0. */
	ck_assert_int_lt(classname_compare("2А", "10А"), 0);
	ck_assert_int_gt(classname_compare("10А", "9Б"), 0);
	ck_assert_int_lt(classname_compare("5А", "5Б"), 0);
	ck_assert_int_lt(classname_compare("11Б", "*"), 0);
	ck_assert_int_gt(classname_compare("*", "1А"), 0);
	ck_assert_int_eq(classname_compare("7В", "7В"), 0);
	ck_assert_int_lt(classname_compare("", "1А"), 0);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("classname");
	TCase *tc = tcase_create("normalize");

	tcase_add_test(tc, spaces_hyphens_and_case_are_one_spelling);
	tcase_add_test(tc, latin_letters_are_upper_cased_but_not_guessed);
	tcase_add_test(tc, other_characters_pass_unchanged);
	tcase_add_test(tc, a_long_name_is_cut_at_a_character);
	tcase_add_test(tc, classes_sort_as_a_school_lists_them);
	suite_add_tcase(s, tc);
	return testutil_run(s);
}
