/*
 * test_classname.c: the spellings of a class that must count as one.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

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

START_TEST(latin_keys_read_as_the_cyrillic_letter_in_their_place)
{
	/* The ЙЦУКЕН layout: the key of "А" types "f" on the Latin layout. */
	ck_assert_str_eq(classname_key("f"), "А");
	ck_assert_str_eq(classname_key("F"), "А");
	ck_assert_str_eq(classname_key(","), "Б");
	ck_assert_str_eq(classname_key("<"), "Б");
	ck_assert_str_eq(classname_key("d"), "В");
	ck_assert_str_eq(classname_key("u"), "Г");
	ck_assert_str_eq(classname_key("l"), "Д");
	ck_assert_str_eq(classname_key("t"), "Е");
	ck_assert_str_eq(classname_key("`"), "Ё");
	ck_assert_str_eq(classname_key(";"), "Ж");
	ck_assert_str_eq(classname_key("b"), "И");
	ck_assert_str_eq(classname_key("q"), "Й");
	ck_assert_str_eq(classname_key("'"), "Э");
	ck_assert_str_eq(classname_key("."), "Ю");
	ck_assert_str_eq(classname_key("z"), "Я");
	ck_assert_str_eq(classname_key("]"), "Ъ");
	/* No letter there, or no reading needed. */
	ck_assert_ptr_null(classname_key("/"));
	ck_assert_ptr_null(classname_key("7"));
	ck_assert_ptr_null(classname_key("-"));
	ck_assert_ptr_null(classname_key("б"));
	ck_assert_ptr_null(classname_key("fb"));
	ck_assert_ptr_null(classname_key(""));
}
END_TEST

START_TEST(every_cyrillic_letter_has_one_key)
{
	static const char *const keys = "qwertyuiop[]asdfghjkl;'zxcvbnm,.`";
	const char *seen[33];

	/* 33 keys for the 33 letters of the alphabet, none twice. */
	ck_assert_uint_eq(strlen(keys), 33);
	for (int i = 0; i < 33; i++) {
		char key[2] = { keys[i], '\0' };
		seen[i] = classname_key(key);
		ck_assert_ptr_nonnull(seen[i]);
		for (int j = 0; j < i; j++)
			ck_assert_str_ne(seen[i], seen[j]);
	}
}
END_TEST

START_TEST(the_grade_is_the_number_a_class_starts_with)
{
	ck_assert_int_eq(classname_grade("7Б"), 7);
	ck_assert_int_eq(classname_grade("10А"), 10);
	ck_assert_int_eq(classname_grade("11"), 11);
	ck_assert_int_eq(classname_grade("1Ё"), 1);
	ck_assert_int_eq(classname_grade("12А"), 0);
	ck_assert_int_eq(classname_grade("0"), 0);
	ck_assert_int_eq(classname_grade("07А"), 0);
	ck_assert_int_eq(classname_grade("111"), 0);
	ck_assert_int_eq(classname_grade("А7"), 0);
	ck_assert_int_eq(classname_grade(""), 0);
}
END_TEST

START_TEST(a_class_is_a_grade_and_at_most_one_cyrillic_letter)
{
	ck_assert(classname_valid("7"));
	ck_assert(classname_valid("7Б"));
	ck_assert(classname_valid("11Ё"));
	ck_assert(classname_valid("1А"));
	ck_assert(!classname_valid(""));
	ck_assert(!classname_valid("12А"));
	ck_assert(!classname_valid("7БВ"));
	ck_assert(!classname_valid("7B")); /* a Latin B */
	ck_assert(!classname_valid("7б")); /* not in its one spelling */
	ck_assert(!classname_valid("7-Б"));
	ck_assert(!classname_valid("Б7"));
	ck_assert(!classname_valid("GHJDTHRF"));
	ck_assert(!classname_valid("7Ⅳ"));
}
END_TEST

START_TEST(a_typed_key_is_read_as_the_class_takes_it)
{
	char out[5];

	ck_assert(classname_read_key("b", 1, out));
	ck_assert_str_eq(out, "И");
	ck_assert(classname_read_key(",", 1, out));
	ck_assert_str_eq(out, "Б");
	ck_assert(classname_read_key("7", 1, out));
	ck_assert_str_eq(out, "7");
	ck_assert(classname_read_key("б", 2, out));
	ck_assert_str_eq(out, "б");
	ck_assert(classname_read_key("-", 1, out));
	ck_assert_str_eq(out, "-");
	ck_assert(!classname_read_key("/", 1, out));
	ck_assert_str_eq(out, "");
	ck_assert(!classname_read_key("!", 1, out));
	ck_assert(!classname_read_key("\u2160", 3, out)); /* Ⅰ */
	ck_assert(!classname_read_key("é", 2, out));      /* Latin-1 supplement: C3 A9 */
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
	tcase_add_test(tc, latin_keys_read_as_the_cyrillic_letter_in_their_place);
	tcase_add_test(tc, every_cyrillic_letter_has_one_key);
	tcase_add_test(tc, the_grade_is_the_number_a_class_starts_with);
	tcase_add_test(tc, a_class_is_a_grade_and_at_most_one_cyrillic_letter);
	tcase_add_test(tc, a_typed_key_is_read_as_the_class_takes_it);
	suite_add_tcase(s, tc);
	return testutil_run(s);
}
