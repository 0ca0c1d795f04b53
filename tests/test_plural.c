/*
 * test_plural.c: counts with their nouns in Russian (through the compiled
 * catalogue and its Plural-Forms) for the numbers where the form changes,
 * and in English.
 */
#include <check.h>
#include <stdlib.h>

#include "plural.h"
#include "testutil.h"
#include "util.h"

static void
assert_count(unsigned long n, PluralNoun noun, const char *want)
{
	char *got = plural_count(n, noun);

	ck_assert_str_eq(got, want);
	free(got);
}

static void
russian(void)
{
	unsetenv("LANGUAGE");
	util_i18n_init(NULL);
}

START_TEST(students)
{
	russian();
	assert_count(0, PLURAL_STUDENT, "0 обучающихся");
	assert_count(1, PLURAL_STUDENT, "1 обучающийся");
	assert_count(2, PLURAL_STUDENT, "2 обучающихся");
	assert_count(5, PLURAL_STUDENT, "5 обучающихся");
	assert_count(11, PLURAL_STUDENT, "11 обучающихся");
	assert_count(21, PLURAL_STUDENT, "21 обучающийся");
	assert_count(22, PLURAL_STUDENT, "22 обучающихся");
	assert_count(25, PLURAL_STUDENT, "25 обучающихся");
	assert_count(111, PLURAL_STUDENT, "111 обучающихся");
}
END_TEST

START_TEST(parents)
{
	russian();
	assert_count(0, PLURAL_PARENT, "0 родителей");
	assert_count(1, PLURAL_PARENT, "1 родитель");
	assert_count(2, PLURAL_PARENT, "2 родителя");
	assert_count(5, PLURAL_PARENT, "5 родителей");
	assert_count(11, PLURAL_PARENT, "11 родителей");
	assert_count(21, PLURAL_PARENT, "21 родитель");
	assert_count(22, PLURAL_PARENT, "22 родителя");
	assert_count(25, PLURAL_PARENT, "25 родителей");
	assert_count(111, PLURAL_PARENT, "111 родителей");
	/* 12-14 are "many", 102-104 "few" again. */
	assert_count(12, PLURAL_PARENT, "12 родителей");
	assert_count(14, PLURAL_PARENT, "14 родителей");
	assert_count(104, PLURAL_PARENT, "104 родителя");
}
END_TEST

START_TEST(teachers)
{
	russian();
	assert_count(0, PLURAL_TEACHER, "0 педагогов");
	assert_count(1, PLURAL_TEACHER, "1 педагог");
	assert_count(2, PLURAL_TEACHER, "2 педагога");
	assert_count(5, PLURAL_TEACHER, "5 педагогов");
	assert_count(11, PLURAL_TEACHER, "11 педагогов");
	assert_count(21, PLURAL_TEACHER, "21 педагог");
	assert_count(22, PLURAL_TEACHER, "22 педагога");
	assert_count(25, PLURAL_TEACHER, "25 педагогов");
	assert_count(111, PLURAL_TEACHER, "111 педагогов");
}
END_TEST

/* The note counts heads too when any took part. */
START_TEST(heads)
{
	russian();
	assert_count(0, PLURAL_HEAD, "0 руководителей");
	assert_count(1, PLURAL_HEAD, "1 руководитель");
	assert_count(2, PLURAL_HEAD, "2 руководителя");
	assert_count(5, PLURAL_HEAD, "5 руководителей");
	assert_count(11, PLURAL_HEAD, "11 руководителей");
	assert_count(21, PLURAL_HEAD, "21 руководитель");
	assert_count(22, PLURAL_HEAD, "22 руководителя");
	assert_count(25, PLURAL_HEAD, "25 руководителей");
	assert_count(111, PLURAL_HEAD, "111 руководителей");
}
END_TEST

START_TEST(other_nouns)
{
	russian();
	assert_count(1, PLURAL_HEAD, "1 руководитель");
	assert_count(3, PLURAL_HEAD, "3 руководителя");
	assert_count(31, PLURAL_CLASS, "31 класс");
	assert_count(4, PLURAL_CLASS, "4 класса");
	assert_count(12, PLURAL_CLASS, "12 классов");
	assert_count(1, PLURAL_PERSON, "1 человек");
	assert_count(23, PLURAL_PERSON, "23 человека");
	assert_count(5, PLURAL_PERSON, "5 человек");
	assert_count(101, PLURAL_SITTING, "101 анкета");
	assert_count(102, PLURAL_SITTING, "102 анкеты");
	assert_count(1000, PLURAL_SITTING, "1000 анкет");
}
END_TEST

START_TEST(english)
{
	setenv("LANGUAGE", "en", 1);
	util_i18n_init(NULL);
	assert_count(1, PLURAL_STUDENT, "1 student");
	assert_count(21, PLURAL_STUDENT, "21 students");
	assert_count(0, PLURAL_PERSON, "0 people");
	assert_count(1, PLURAL_CLASS, "1 class");
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("plural");
	TCase *tc = tcase_create("plural");

	tcase_add_test(tc, students);
	tcase_add_test(tc, parents);
	tcase_add_test(tc, teachers);
	tcase_add_test(tc, heads);
	tcase_add_test(tc, other_nouns);
	tcase_add_test(tc, english);
	suite_add_tcase(s, tc);
	return testutil_run(s);
}
