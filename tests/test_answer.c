/*
 * test_answer.c: the one grammar of an answer's value (answer.h). Questions
 * are built by hand, so no loader stands between a test and the rule.
 *
 * The tests named "formerly_..." are the places where the kiosk, `anketa
 * import`, scoring and `anketa check` used to disagree before they all
 * called this module; each says who did what and which rule won.
 */
#include <check.h>
#include <stdlib.h>

#include "answer.h"
#include "testbuild.h"
#include "testutil.h"

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

static Survey *survey;

/* q0 single 0/1/2, q1 multi 1/2/4, q2 number 7..18, q3 number without
 * bounds, q4 text, q5 yesno 0/1, q6 likert 1..5. */
static void
setup(void)
{
	static const double multi[] = { 1, 2, 4 }, yesno[] = { 0, 1 }, likert[] = { 1, 2, 3, 4, 5 };

	survey = testbuild_survey("s");
	testbuild_q3(survey);
	testbuild_question(survey, QUESTION_MULTI, 3, multi);
	testbuild_question(survey, QUESTION_NUMBER, 0, NULL);
	testbuild_question(survey, QUESTION_NUMBER, 0, NULL);
	testbuild_question(survey, QUESTION_TEXT, 0, NULL);
	testbuild_question(survey, QUESTION_YESNO, 2, yesno);
	testbuild_question(survey, QUESTION_LIKERT, 5, likert);
	survey->questions[2].number_min = 7;
	survey->questions[2].number_max = 18;
}

static void
teardown(void)
{
	survey_free(survey);
}

static const SurveyQuestion *
q(int index)
{
	return &survey->questions[index];
}

/* Asserts that value is refused with exactly this sentence. */
static void
assert_problem(int question, const char *value, const char *want)
{
	char *problem = answer_problem(q(question), value);

	ck_assert_msg(problem != NULL, "\"%s\" accepted for q%d", value, question);
	ck_assert_str_eq(problem, want);
	ck_assert(!answer_valid(q(question), value));
	free(problem);
}

/* Asserts that value is an answer (and, for a scored question, scores want). */
static void
assert_answer(int question, const char *value, double want)
{
	char *problem = answer_problem(q(question), value);
	double score = -99;

	ck_assert_msg(problem == NULL, "\"%s\" refused for q%d: %s", value, question,
	              problem ? problem : "");
	ck_assert(answer_valid(q(question), value));
	if (q(question)->type == QUESTION_NUMBER || q(question)->type == QUESTION_TEXT) {
		ck_assert(!answer_score(q(question), value, &score));
		ck_assert_double_eq(score, -99);
	} else {
		ck_assert(answer_score(q(question), value, &score));
		ck_assert_double_eq(score, want);
	}
}

START_TEST(a_choice_is_one_position_and_scores_its_option)
{
	assert_answer(0, "1", 0);
	assert_answer(0, "2", 1);
	assert_answer(0, "3", 2);
	assert_answer(5, "2", 1);
	assert_answer(6, "5", 5);
	assert_problem(0, "4", "option 4 is out of range: question q0 has options 1 to 3");
	assert_problem(0, "0", "option 0 is out of range: question q0 has options 1 to 3");
	assert_problem(5, "3", "option 3 is out of range: question q5 has options 1 to 2");
	assert_problem(0, "99999999999999999999",
	               "option 99999999999999999999 is out of range: question q0 has options 1 "
	               "to 3");
	assert_problem(0, "2.0", "the answer to question q0 must be an option number, not \"2.0\"");
	assert_problem(0, "x", "the answer to question q0 must be an option number, not \"x\"");
	assert_problem(0, " 2", "the answer to question q0 must be an option number, not \" 2\"");
	assert_problem(0, "2 ", "the answer to question q0 must be an option number, not \"2 \"");
	assert_problem(0, "+2", "the answer to question q0 must be an option number, not \"+2\"");
	assert_problem(0, "-1", "the answer to question q0 must be an option number, not \"-1\"");
	assert_problem(0, "1e0", "the answer to question q0 must be an option number, not \"1e0\"");
	assert_problem(0, "1|2", "question q0 takes one option, not several: \"1|2\"");
	assert_problem(0, "2|", "question q0 takes one option, not several: \"2|\"");
}
END_TEST

START_TEST(a_multi_answer_is_distinct_positions_in_any_order)
{
	/* 1 + 4 = 5 either way round; all three: 1 + 2 + 4 = 7. */
	assert_answer(1, "1|3", 5);
	assert_answer(1, "3|1", 5);
	assert_answer(1, "1|2|3", 7);
	assert_answer(1, "2", 2);
	assert_problem(1, "1|1", "option 1 of question q1 is given twice");
	assert_problem(1, "1|2|3|1", "option 1 of question q1 is given twice");
	assert_problem(1, "1|4", "option 4 is out of range: question q1 has options 1 to 3");
	assert_problem(1, "1||2", "the answer to question q1 must be an option number, not \"\"");
	assert_problem(1, "1|", "the answer to question q1 must be an option number, not \"\"");
	assert_problem(1, "|1", "the answer to question q1 must be an option number, not \"\"");
	assert_problem(1, "1,2", "the answer to question q1 must be an option number, not \"1,2\"");
	assert_problem(1, "1| 2", "the answer to question q1 must be an option number, not \" 2\"");
	assert_problem(1, "1|x", "the answer to question q1 must be an option number, not \"x\"");
	assert_problem(1, "3|3", "option 3 of question q1 is given twice");
	assert_problem(1, "0", "option 0 is out of range: question q1 has options 1 to 3");
}
END_TEST

START_TEST(a_number_is_plain_decimal_within_the_bounds)
{
	assert_answer(2, "7", 0);
	assert_answer(2, "18", 0);
	assert_answer(2, "9.5", 0);
	assert_answer(2, "12.", 0);
	assert_answer(3, "-0.5", 0);
	assert_answer(3, ".5", 0);
	assert_answer(3, "-.5", 0);
	assert_answer(3, "007", 0);
	assert_answer(3, "123456789", 0);
	assert_problem(2, "6.99", "the answer to question q2 must be from 7 to 18, not 6.99");
	assert_problem(2, "30", "the answer to question q2 must be from 7 to 18, not 30");
	assert_problem(3, "ten", "the answer to question q3 must be a number, not \"ten\"");
	assert_problem(3, "9,5", "the answer to question q3 must be a number, not \"9,5\"");
	assert_problem(3, "-", "the answer to question q3 must be a number, not \"-\"");
	assert_problem(3, ".", "the answer to question q3 must be a number, not \".\"");
	assert_problem(3, "1.2.3", "the answer to question q3 must be a number, not \"1.2.3\"");
	assert_problem(3, "--1", "the answer to question q3 must be a number, not \"--1\"");
	assert_problem(3, "-+1", "the answer to question q3 must be a number, not \"-+1\"");
	assert_problem(3, "inf", "the answer to question q3 must be a number, not \"inf\"");
	assert_problem(3, "nan", "the answer to question q3 must be a number, not \"nan\"");
	assert_problem(3, "12 ", "the answer to question q3 must be a number, not \"12 \"");
}
END_TEST

START_TEST(a_text_is_one_line)
{
	assert_answer(4, "6А, второй ряд", 0);
	assert_answer(4, "  |2| ", 0);
	assert_answer(4, "1", 0);
}
END_TEST

/* `anketa import` stored "0x10" and " 12" (strtod took them), `anketa check`
 * refused both in an example. Now nobody takes them. */
START_TEST(formerly_hex_and_spaces_were_numbers_to_the_import)
{
	assert_problem(3, "0x10", "the answer to question q3 must be a number, not \"0x10\"");
	assert_problem(3, " 12", "the answer to question q3 must be a number, not \" 12\"");
	assert_problem(2, "0xA", "the answer to question q2 must be a number, not \"0xA\"");
}
END_TEST

/* The import and an example took "1e1" (the kiosk cannot type it): a
 * number is plain decimal now, with a sign if need be but no exponent. */
START_TEST(formerly_an_exponent_made_a_number_to_import_and_examples)
{
	assert_answer(3, "+5", 0);
	assert_answer(2, "+7.5", 0);
	assert_problem(2, "1e1", "the answer to question q2 must be a number, not \"1e1\"");
	assert_problem(3, "1E3", "the answer to question q3 must be a number, not \"1E3\"");
	assert_problem(3, "+-5", "the answer to question q3 must be a number, not \"+-5\"");
	assert_problem(3, "+", "the answer to question q3 must be a number, not \"+\"");
}
END_TEST

/* The import and an example took a text with a line break or a tab, and
 * bytes that are no UTF-8; the kiosk can type neither. */
START_TEST(formerly_a_text_could_hold_control_characters_and_broken_bytes)
{
	static const char *const controls[] = { "two\nlines", "a\tb", "cr\r", "del\x7f",
		                                "\x1b[0m" };

	for (int i = 0; i < N(controls); i++)
		assert_problem(
		    4, controls[i],
		    "the answer to question q4 holds a control character (a line break or a "
		    "tab, say): it must be one line of text");
	assert_problem(4, "\xd0", "the answer to question q4 is not UTF-8 text");
	assert_problem(4, "caf\xe9", "the answer to question q4 is not UTF-8 text");
	assert_answer(4, "ёлка — «да»", 0);
}
END_TEST

/* An example applied bounds only when min < max, the import and the kiosk
 * whenever min or max is not 0: "min: 5, max: 5" let an example answer
 * anything. Bounds are there unless both are 0, as the loader leaves them. */
START_TEST(formerly_equal_bounds_were_no_bounds_to_an_example)
{
	double min = 0, max = 0;

	survey->questions[3].number_min = 5;
	survey->questions[3].number_max = 5;
	assert_answer(3, "5", 0);
	assert_answer(3, "5.0", 0);
	assert_problem(3, "6", "the answer to question q3 must be from 5 to 5, not 6");
	ck_assert(answer_number_bounds(q(3), &min, &max));
	ck_assert_double_eq(min, 5);
	ck_assert_double_eq(max, 5);
}
END_TEST

START_TEST(a_number_question_without_bounds_takes_any_number)
{
	double min = 42, max = 43;

	ck_assert(!answer_number_bounds(q(3), &min, &max));
	ck_assert_double_eq(min, 42); /* untouched */
	ck_assert_double_eq(max, 43);
	assert_answer(3, "-1000000", 0);
	/* "max: 10" alone is 0..10, "min: -3" alone is -3..0. */
	survey->questions[3].number_max = 10;
	assert_problem(3, "-1", "the answer to question q3 must be from 0 to 10, not -1");
	survey->questions[3].number_min = -3;
	survey->questions[3].number_max = 0;
	assert_answer(3, "-3", 0);
	assert_problem(3, "0.5", "the answer to question q3 must be from -3 to 0, not 0.5");
}
END_TEST

/* The import took "01" as option 1 but stored it without a score, and
 * scoring then ignored it as malformed; an example refused it. */
START_TEST(formerly_a_leading_zero_was_an_option_to_the_import)
{
	assert_problem(0, "01", "the answer to question q0 must be an option number, not \"01\"");
	assert_problem(1, "1|03", "the answer to question q1 must be an option number, not \"03\"");
	assert_problem(0, "00", "the answer to question q0 must be an option number, not \"00\"");
}
END_TEST

/* The import stored "" for a multi question ("none chosen") and for a text;
 * an example took "" for a text; scoring ignored "" and the kiosk never
 * stored it. An empty value is no answer for any type now. */
START_TEST(formerly_an_empty_value_was_an_answer_to_the_import)
{
	static const char *const want[] = {
		"the answer to question q0 is empty", "the answer to question q1 is empty",
		"the answer to question q2 is empty", "the answer to question q3 is empty",
		"the answer to question q4 is empty", "the answer to question q5 is empty",
		"the answer to question q6 is empty",
	};
	double score = -1;

	for (int i = 0; i < N(want); i++)
		assert_problem(i, "", want[i]);
	ck_assert(!answer_valid(q(4), NULL));
	ck_assert(!answer_score(q(0), NULL, &score));
	ck_assert_double_eq(score, -1);
}
END_TEST

START_TEST(a_value_names_the_options_it_chooses)
{
	ck_assert(answer_chooses(q(1), "3|1", 1));
	ck_assert(!answer_chooses(q(1), "3|1", 2));
	ck_assert(answer_chooses(q(1), "3|1", 3));
	ck_assert(answer_chooses(q(0), "2", 2));
	ck_assert(!answer_chooses(q(0), "2", 1));
	ck_assert(!answer_chooses(q(1), "1|1", 1)); /* not an answer: chooses nothing */
	ck_assert(!answer_chooses(q(0), NULL, 1));
	ck_assert(!answer_chooses(q(4), "1", 1)); /* a text chooses no option */
}
END_TEST

START_TEST(positions_are_written_as_the_grammar_reads_them)
{
	static const int one[] = { 2 }, three[] = { 1, 3, 10 };
	char *a = answer_format_positions(one, 1), *b = answer_format_positions(three, 3);

	ck_assert_str_eq(a, "2");
	ck_assert_str_eq(b, "1|3|10");
	free(a);
	free(b);
}
END_TEST

START_TEST(typed_text_becomes_the_value_the_kiosk_stores)
{
	static const struct {
		int question;
		const char *typed, *want; /* want NULL: not an answer */
	} cases[] = {
		{ 2, "9,5", "9.5" },       { 2, "12", "12" },    { 2, "42", NULL },
		{ 2, "", NULL },           { 2, "1,2,3", NULL }, { 3, "-,5", "-.5" },
		{ 4, " 5, 6 ", " 5, 6 " }, { 4, "", NULL },      { 0, "2", NULL },
		{ 1, "1|2", NULL },        { 3, "+3", "+3" },    { 4, "a\tb", NULL },
	};

	for (int i = 0; i < N(cases); i++) {
		char *got = answer_from_typed(q(cases[i].question), cases[i].typed);
		if (cases[i].want == NULL)
			ck_assert_msg(got == NULL, "\"%s\" gave \"%s\"", cases[i].typed, got);
		else
			ck_assert_str_eq(got, cases[i].want);
		free(got);
	}
}
END_TEST

START_TEST(typed_text_that_is_no_answer_says_why)
{
	static const struct {
		int question;
		const char *typed;
		AnswerTyped want;
	} cases[] = {
		{ 2, "9,5", ANSWER_TYPED_OK },
		{ 2, "", ANSWER_TYPED_EMPTY },
		{ 2, "-", ANSWER_TYPED_NOT_A_NUMBER },
		{ 2, "1,2,3", ANSWER_TYPED_NOT_A_NUMBER },
		{ 2, "42", ANSWER_TYPED_OUT_OF_BOUNDS },
		{ 2, "6,99", ANSWER_TYPED_OUT_OF_BOUNDS },
		{ 2, "18", ANSWER_TYPED_OK },
		{ 3, "-1000000", ANSWER_TYPED_OK }, /* no bounds */
		{ 4, "", ANSWER_TYPED_EMPTY },
		{ 4, "a\tb", ANSWER_TYPED_NOT_TEXT },
		{ 4, "\xd0", ANSWER_TYPED_NOT_TEXT },
		{ 4, "всё хорошо", ANSWER_TYPED_OK },
		{ 0, "2", ANSWER_TYPED_NOT_TYPED },
	};

	for (int i = 0; i < N(cases); i++)
		ck_assert_msg(answer_typed_check(q(cases[i].question), cases[i].typed) ==
		                  cases[i].want,
		              "\"%s\" to q%d", cases[i].typed, cases[i].question);
	ck_assert_int_eq(answer_typed_check(q(4), NULL), ANSWER_TYPED_NOT_TYPED);
}
END_TEST

START_TEST(numbers_are_shown_with_a_decimal_comma)
{
	static const struct {
		double value;
		const char *want;
	} cases[] = {
		{ 7, "7" },         { -0.5, "-0,5" }, { 18.25, "18,25" },
		{ 1e6, "1000000" }, { 0.1, "0,1" },
	};

	for (int i = 0; i < N(cases); i++) {
		char *got = answer_number_text(cases[i].value);
		ck_assert_str_eq(got, cases[i].want);
		free(got);
	}
}
END_TEST

START_TEST(a_parsed_number_is_its_decimal_value)
{
	double v = 0;

	ck_assert(answer_parse_number("-12.25", &v));
	ck_assert_double_eq(v, -12.25);
	ck_assert(answer_parse_number(".5", &v));
	ck_assert_double_eq(v, 0.5);
	ck_assert(answer_parse_number("9.", &v));
	ck_assert_double_eq(v, 9);
	v = 42;
	ck_assert(!answer_parse_number("", &v));
	ck_assert(!answer_parse_number("1" /* 400 zeros make it infinite */
	                               "0000000000000000000000000000000000000000000000000000000000"
	                               "0000000000000000000000000000000000000000000000000000000000"
	                               "0000000000000000000000000000000000000000000000000000000000"
	                               "0000000000000000000000000000000000000000000000000000000000"
	                               "0000000000000000000000000000000000000000000000000000000000"
	                               "0000000000000000000000000000000000000000000000000000000000"
	                               "0000000000000000000000000000000000000000000000000000",
	                               &v));
	ck_assert_double_eq(v, 42); /* untouched */
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("answer");
	TCase *tc = tcase_create("grammar");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, a_choice_is_one_position_and_scores_its_option);
	tcase_add_test(tc, a_multi_answer_is_distinct_positions_in_any_order);
	tcase_add_test(tc, a_number_is_plain_decimal_within_the_bounds);
	tcase_add_test(tc, a_text_is_one_line);
	tcase_add_test(tc, formerly_hex_and_spaces_were_numbers_to_the_import);
	tcase_add_test(tc, formerly_an_exponent_made_a_number_to_import_and_examples);
	tcase_add_test(tc, formerly_a_text_could_hold_control_characters_and_broken_bytes);
	tcase_add_test(tc, formerly_equal_bounds_were_no_bounds_to_an_example);
	tcase_add_test(tc, a_number_question_without_bounds_takes_any_number);
	tcase_add_test(tc, formerly_a_leading_zero_was_an_option_to_the_import);
	tcase_add_test(tc, formerly_an_empty_value_was_an_answer_to_the_import);
	tcase_add_test(tc, a_value_names_the_options_it_chooses);
	tcase_add_test(tc, positions_are_written_as_the_grammar_reads_them);
	tcase_add_test(tc, typed_text_becomes_the_value_the_kiosk_stores);
	tcase_add_test(tc, typed_text_that_is_no_answer_says_why);
	tcase_add_test(tc, numbers_are_shown_with_a_decimal_comma);
	tcase_add_test(tc, a_parsed_number_is_its_decimal_value);
	suite_add_tcase(s, tc);
	return testutil_run(s);
}
