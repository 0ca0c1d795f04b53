/*
 * test_classlist.c: reading classes.csv, and the CSV reader beneath it
 * (delimiters, BOM, quoting errors with line and column).
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "classlist.h"
#include "testutil.h"
#include "util.h"

/* Reads text as a classes.csv; returns the list rendered as
 * "name=students/parents;..." ("*" after a flagged class) or the error
 * message. */
static char *
read_text(const char *text)
{
	char *dir = testutil_tmpdir();
	char *path = testutil_write_file(dir, "classes.csv", text);
	char *cause = NULL, *result = xstrdup("");
	ClassList list;

	if (classlist_read(path, &list, &cause) != 0) {
		free(result);
		result = xstrdup(strstr(cause, "classes.csv") + strlen("classes.csv"));
		free(cause);
	}
	for (int i = 0; cause == NULL && i < list.n; i++) {
		char *next = xasprintf("%s%s=%d/%d%s;", result, list.items[i].class_name,
		                       list.items[i].students, list.items[i].parents,
		                       list.items[i].flagged ? "*" : "");
		free(result);
		result = next;
	}
	if (cause == NULL)
		classlist_free(&list);
	free(path);
	free(dir);
	return result;
}

#define CHECK_READ(text, want)                                                                     \
	do {                                                                                       \
		char *got_ = read_text(text);                                                      \
		ck_assert_str_eq(got_, want);                                                      \
		free(got_);                                                                        \
	} while (0)

START_TEST(test_good_files)
{
	CHECK_READ("class,students,parents\n6А,24,22\n6Б,25,0\n", "6А=24/22;6Б=25/0;");
	/* Semicolons, a BOM and CRLF, as Excel saves "CSV UTF-8" in Russia. */
	CHECK_READ("\xef\xbb\xbf"
	           "class;students;parents\r\n9А;18;15\r\n",
	           "9А=18/15;");
	/* Columns in another order, an extra one, quoted names; the class in the
	 * kiosk's spelling (no spaces, upper case). */
	CHECK_READ("parents,teacher,class,students\n3,\"Иванова, М.\",\"5 \"\"а\"\"\",7\n",
	           "5\"А\"=7/3;");
	CHECK_READ("class,students,parents\n6 а,24,22\n", "6А=24/22;");
	CHECK_READ("class,students,parents\n", "");
}
END_TEST

/* The optional column flagged: 1, да, yes flag a class; 0, нет, no or an
 * empty cell do not; anything else is refused where it stands. */
START_TEST(test_flagged_column)
{
	CHECK_READ("class,students,parents,flagged\n5А,20,18,1\n5Б,21,19,0\n6А,22,20,да\n"
	           "6Б,23,21,Нет\n7А,24,22,\n7Б,25,23,YES\n",
	           "5А=20/18*;5Б=21/19;6А=22/20*;6Б=23/21;7А=24/22;7Б=25/23*;");
	CHECK_READ("flagged;class;students;parents\nДа;9А;18;15\n", "9А=18/15*;");
	CHECK_READ("class,students,parents,flagged\n5А,20,18,2\n",
	           ":2:4: flagged must be 1 or 0 (да or нет), not \"2\"");
	CHECK_READ("class,students,parents,flagged\n5А,20,18,ШНОР\n",
	           ":2:4: flagged must be 1 or 0 (да or нет), not \"ШНОР\"");
}
END_TEST

START_TEST(test_bad_files)
{
	CHECK_READ("class,pupils,parents\n6А,24,22\n",
	           ":1: the header has no column students; the columns are "
	           "class,students,parents");
	CHECK_READ("class,students,parents\n6А,24\n", ":2: 2 columns, but the header has 3");
	CHECK_READ("class,students,parents\n6А,24,22\n6Б,-1,3\n",
	           ":3:2: students must be a whole number of people, not \"-1\"");
	CHECK_READ("class,students,parents\n6А,24,2.5\n",
	           ":2:3: parents must be a whole number of people, not \"2.5\"");
	CHECK_READ("class,students,parents\n,24,2\n", ":2:1: the class name is empty");
	CHECK_READ("class,students,parents\n6А,1,1\n6А,2,2\n",
	           ":3:1: the class 6А is listed twice");
	CHECK_READ("class,students,parents\n6А,1,1\n6-а,2,2\n",
	           ":3:1: the class 6А is listed twice");
	CHECK_READ("class,students,parents\n - ,24,2\n", ":2:1: the class name is empty");
	/* A quote inside an unquoted field, and a quoted field never closed. */
	CHECK_READ("class,students,parents\n6\"А,1,1\n",
	           ":2:1: broken quoting: a quote inside a field must be doubled, and a quoted "
	           "field must end with a quote");
	CHECK_READ("class,students,parents\n6А,1,1\n\"7А,1,1\n8А,1,1\n",
	           ":3:1: broken quoting: a quote inside a field must be doubled, and a quoted "
	           "field must end with a quote");
	CHECK_READ("class,students,parents\n6\xff,1,1\n",
	           ":2:1: the text is not in UTF-8; save the file as CSV UTF-8");
	CHECK_READ("", ": the file is empty; the columns are class,students,parents");
	/* Found by fuzz_import: a line with two problems names the first one
	 * (the message of the second replaced it, and leaked it). */
	CHECK_READ("class,students,parents\n6\xff,1\"1,1\n",
	           ":2:1: the text is not in UTF-8; save the file as CSV UTF-8");
	CHECK_READ("class,students,parents\n6А,x,1\r7\"А,1,1\n",
	           ":2:2: students must be a whole number of people, not \"x\"");
}
END_TEST

static Suite *
classlist_suite(void)
{
	Suite *s = suite_create("classlist");
	TCase *tc = tcase_create("classlist");

	tcase_add_test(tc, test_good_files);
	tcase_add_test(tc, test_bad_files);
	tcase_add_test(tc, test_flagged_column);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return testutil_run(classlist_suite());
}
