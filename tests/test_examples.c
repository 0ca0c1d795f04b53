/*
 * test_examples.c: a survey's examples run through the scoring (examples.h):
 * a passing example says nothing, a wrong value, a wrong level and a wrong
 * "not enough answers" expectation each say where and what.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "examples.h"
#include "testbuild.h"
#include "testutil.h"
#include "util.h"

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

/*
 * Three questions scoring 0, 1, 2 at positions 1, 2, 3; scale "sum" over
 * all three, with a value only from 2 answered items on; bands low 0..2,
 * mid 3..4, high 5..6. The examples a test adds start on line 15.
 */
static const char survey_head[] =
    "id: t\nversion: 1\ntitle: T\naudience: [student]\nsource: S\nlicense: original\n" /* 1-6 */
    "option_sets: {abc: [{label: x, score: 0}, {label: y, score: 1}, {label: z, score: 2}]}\n"
    "questions:\n"                         /* 8 */
    "  - {id: a, text: A, options: abc}\n" /* 9 */
    "  - {id: b, text: B, options: abc}\n" /* 10 */
    "  - {id: c, text: C, options: abc}\n" /* 11 */
    "scales:\n"                            /* 12 */
    "  - {id: sum, title: S, items: [a, b, c], method: sum, min_answered: 2, levels: ["
    "{id: low, label: L, min: 0, max: 2}, {id: mid, label: M, min: 3, max: 4},"
    " {id: high, label: H, min: 5, max: 6}]}\n" /* 13 */
    "examples:\n";                              /* 14 */

/* Loads survey_head followed by the example lines, then runs its examples
 * into diag; returns what examples_run() returned. */
static int
run(const char *examples, Diag *diag)
{
	char *text = xasprintf("%s%s", survey_head, examples);
	Diag load = { 0 };
	Survey *s = survey_load_text("ex.yaml", text, strlen(text), &load);
	int problems;

	if (s == NULL)
		diag_print(&load, stderr);
	ck_assert_ptr_nonnull(s);
	problems = examples_run(s, diag);
	survey_free(s);
	diag_clear(&load);
	free(text);
	return problems;
}

START_TEST(a_passing_example_says_nothing)
{
	/* 2 + 1 = 3 over two answered items: mid. One answered item: no value. */
	static const char lines[] =
	    "  - {name: ok, answers: {a: 3, b: 2}, expect: {sum: {value: 3, level: mid}}}\n"
	    "  - {name: few, answers: {c: 3}, expect: {sum: {value: none}}}\n";
	Diag diag = { 0 };

	ck_assert_int_eq(run(lines, &diag), 0);
	ck_assert_int_eq(diag.n, 0);
}
END_TEST

START_TEST(a_wrong_value_is_reported_at_its_example)
{
	/* 2 + 2 + 0 = 4, not 5. */
	static const char lines[] =
	    "  - {name: ok, answers: {a: 3, b: 2}, expect: {sum: {value: 3}}}\n"           /* 15 */
	    "  - {name: wrong, answers: {a: 3, b: 3, c: 1}, expect: {sum: {value: 5}}}\n"; /* 16 */
	static const TestProblem want[] = {
		{ 16, 5, "example «wrong»: scale sum: expected 5, got 4" },
	};
	Diag diag = { 0 };

	ck_assert_int_eq(run(lines, &diag), 1);
	testutil_assert_problems(&diag, want, N(want));
	ck_assert_str_eq(diag.entries[0].file, "ex.yaml");
	diag_clear(&diag);
}
END_TEST

START_TEST(a_wrong_level_is_reported_with_the_level_reached)
{
	/* 2 + 2 + 2 = 6: the value is right, its band is high, not mid. */
	static const char lines[] =
	    "  - {name: top, answers: {a: 3, b: 3, c: 3}, expect: {sum: {value: 6, level: mid}}}\n";
	static const TestProblem want[] = {
		{ 15, 5, "example «top»: scale sum: value 6 falls in level high, not in mid" },
	};
	Diag diag = { 0 };

	ck_assert_int_eq(run(lines, &diag), 1);
	testutil_assert_problems(&diag, want, N(want));
	diag_clear(&diag);
}
END_TEST

START_TEST(not_enough_answers_is_an_expectation_of_its_own)
{
	/* Line 15: one answered item gives no value, but 1 was expected. Line
	 * 16: two answered items (0 + 0) give 0, but none was expected. */
	static const char lines[] =
	    "  - {name: one, answers: {b: 2}, expect: {sum: {value: 1}}}\n"           /* 15 */
	    "  - {name: two, answers: {a: 1, b: 1}, expect: {sum: {value: none}}}\n"; /* 16 */
	static const TestProblem want[] = {
		{ 15, 5, "example «one»: scale sum: expected 1, got no value" },
		{ 16, 5, "example «two»: scale sum: expected no value, got 0" },
	};
	Diag diag = { 0 };

	ck_assert_int_eq(run(lines, &diag), 2);
	testutil_assert_problems(&diag, want, N(want));
	diag_clear(&diag);
}
END_TEST

/* The loader makes the bands cover the range, so only a survey built in
 * memory can leave a value outside every level. */
START_TEST(a_value_in_no_level_is_reported)
{
	Survey *s = testbuild_survey("t");
	SurveyExample *ex;
	Diag diag = { 0 };

	s->path = xstrdup("mem.yaml");
	testbuild_q3(s);
	testbuild_scale(s, "sum", SCALE_SUM, 0);
	testbuild_items(s, 0, 0, 0);
	testbuild_level(s, 0, "zero", 0, 0);
	s->examples = ex = xcalloc(1, sizeof *ex);
	s->n_examples = 1;
	ex->name = xstrdup("top");
	ex->pos = (SourcePos){ 7, 3 };
	ex->answers = xcalloc(1, sizeof *ex->answers);
	ex->answers[0] = (ExampleAnswer){ 0, xstrdup("3") }; /* scores 2 */
	ex->n_answers = 1;
	ex->expect = xcalloc(1, sizeof *ex->expect);
	ex->expect[0] = (ExampleExpect){ 0, true, 2, xstrdup("zero") };
	ex->n_expect = 1;
	ck_assert_int_eq(examples_run(s, &diag), 1);
	ck_assert_int_eq(diag.n, 1);
	ck_assert_str_eq(diag.entries[0].file, "mem.yaml");
	ck_assert_int_eq(diag.entries[0].line, 7);
	ck_assert_int_eq(diag.entries[0].column, 3);
	ck_assert_str_eq(diag.entries[0].message,
	                 "example «top»: scale sum: value 2 falls in no level, not in zero");
	diag_clear(&diag);
	survey_free(s);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("examples");
	TCase *tc = tcase_create("run");

	tcase_add_test(tc, a_passing_example_says_nothing);
	tcase_add_test(tc, a_wrong_value_is_reported_at_its_example);
	tcase_add_test(tc, a_wrong_level_is_reported_with_the_level_reached);
	tcase_add_test(tc, not_enough_answers_is_an_expectation_of_its_own);
	tcase_add_test(tc, a_value_in_no_level_is_reported);
	suite_add_tcase(s, tc);
	return testutil_run(s);
}
