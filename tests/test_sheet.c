/*
 * test_sheet.c: the blank answer sheet: its exact header, what the legend
 * says to type for each kind of question, a filled-in sheet read back by
 * import, and a file that cannot be written.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "import.h"
#include "sheet.h"
#include "store.h"
#include "survey.h"
#include "testbuild.h"
#include "testutil.h"
#include "util.h"

static Survey *mini;
static char *dir;

static void
setup(void)
{
	char *path = testutil_source_path("tests/fixtures/store/surveys/mini.yaml");
	Diag diag = { 0 };

	mini = survey_load(path, &diag);
	ck_assert_ptr_nonnull(mini);
	dir = testutil_tmpdir();
	free(path);
}

static void
teardown(void)
{
	survey_free(mini);
	free(dir);
}

START_TEST(test_csv_is_the_header)
{
	char *path = xasprintf("%s/mini.csv", dir), *cause = NULL, *text;

	ck_assert_int_eq(sheet_save(mini, path, &cause), 0);
	text = testutil_read_file(path);
	/* The five fixed columns, then mini's questions in file order. */
	ck_assert_str_eq(text, "wave,class,audience,respondent,survey_id,q1,q2,age,note\n");
	free(text);
	free(path);
}
END_TEST

START_TEST(test_what_to_type)
{
	Survey *plain = testbuild_survey("plain");
	const char *want[] = {
		"1 = А, 2 = Б, 3 = В",
		"one or more numbers joined with |, e.g. 1|3: 1 = А, 2 = Б, 3 = В",
		"a number from 7 to 18",
		"any text",
	};
	char *text;

	ck_assert_int_eq(mini->n_questions, 4);
	for (int i = 0; i < 4; i++) {
		text = sheet_what_to_type(&mini->questions[i]);
		ck_assert_str_eq(text, want[i]);
		free(text);
	}
	/* A number without min and max: no range to give. */
	testbuild_question(plain, QUESTION_NUMBER, 0, NULL);
	text = sheet_what_to_type(&plain->questions[0]);
	ck_assert_str_eq(text, "a number");
	free(text);
	survey_free(plain);
}
END_TEST

/* The sheet as written, one row typed in: import takes it as it is. */
START_TEST(test_filled_in_sheet_imports)
{
	char *path = xasprintf("%s/filled.csv", dir), *cause = NULL, *header, *filled;
	Store *store = store_open(":memory:", &cause);
	SurveySet set = { .items = &mini, .n = 1 };
	ImportResult r;
	FILE *f;

	ck_assert_int_eq(sheet_save(mini, path, &cause), 0);
	header = testutil_read_file(path);
	filled = xasprintf("%sstart,6А,student,R1,mini,2,2|3,9,ок\n", header);
	f = fopen(path, "w");
	fputs(filled, f);
	fclose(f);
	ck_assert_int_eq(import_answers_csv(store, &set, path, NULL, &r, &cause), 0);
	/* q1, q2, age and note: four answers of one sitting. */
	ck_assert_int_eq(r.sittings_added, 1);
	ck_assert_int_eq((int)r.answers_added, 4);
	free(header);
	free(filled);
	free(path);
	store_close(store);
}
END_TEST

START_TEST(test_xlsx_is_a_workbook)
{
	char *path = xasprintf("%s/mini.xlsx", dir), *cause = NULL, *bytes;
	size_t len;

	ck_assert_int_eq(sheet_save(mini, path, &cause), 0);
	bytes = testutil_read_bytes(path, &len);
	/* A zip archive (what an .xlsx is); what is inside is read back by
	 * LibreOffice in tests/e2e/data_sheet.sh. */
	ck_assert_uint_gt(len, 4);
	ck_assert_int_eq(memcmp(bytes, "PK\x03\x04", 4), 0);
	free(bytes);
	free(path);
}
END_TEST

START_TEST(test_unwritable_path)
{
	const char *names[] = { "no/mini.csv", "no/mini.xlsx" };

	for (int i = 0; i < 2; i++) {
		char *path = xasprintf("%s/%s", dir, names[i]), *cause = NULL;
		char *want = xasprintf("cannot write %s: No such file or directory", path);

		ck_assert_int_eq(sheet_save(mini, path, &cause), -1);
		ck_assert_str_eq(cause, want);
		ck_assert_int_eq(access(path, F_OK), -1);
		free(want);
		free(cause);
		free(path);
	}
}
END_TEST

static Suite *
sheet_suite(void)
{
	Suite *s = suite_create("sheet");
	TCase *tc = tcase_create("sheet");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_csv_is_the_header);
	tcase_add_test(tc, test_what_to_type);
	tcase_add_test(tc, test_filled_in_sheet_imports);
	tcase_add_test(tc, test_xlsx_is_a_workbook);
	tcase_add_test(tc, test_unwritable_path);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return testutil_run(sheet_suite());
}
