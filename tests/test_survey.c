/*
 * test_survey.c: the survey loader reads every field, and each problem a
 * file can have is reported at its file:line:column.
 */
#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "survey.h"
#include "testutil.h"
#include "util.h"

/* Loads a fixture under tests/fixtures/surveys/. */
static Survey *
load_fixture(const char *name, Diag *diag)
{
	char *rel = xasprintf("tests/fixtures/surveys/%s", name);
	char *path = testutil_source_path(rel);
	Survey *s = survey_load(path, diag);

	free(rel);
	free(path);
	return s;
}

/* Writes text to a temporary file named name and loads it; the problems
 * go to diag. The returned survey may be NULL. */
static Survey *
load_text(const char *name, const char *text, Diag *diag)
{
	char *dir = testutil_tmpdir();
	char *path = testutil_write_file(dir, name, text);
	Survey *s = survey_load(path, diag);

	remove(path);
	remove(dir);
	free(path);
	free(dir);
	return s;
}

/* True when diag holds a problem at line:column whose message contains
 * needle; prints the problems otherwise, to make a failure readable. */
static bool
has_problem(const Diag *diag, int line, int column, const char *needle)
{
	for (int i = 0; i < diag->n; i++)
		if (diag->entries[i].line == line && diag->entries[i].column == column &&
		    strstr(diag->entries[i].message, needle) != NULL)
			return true;
	fprintf(stderr, "no problem %d:%d: %s among:\n", line, column, needle);
	diag_print(diag, stderr);
	return false;
}

/* A valid head, to which each test appends what it is about. */
#define HEAD                                                                                       \
	"id: t\n"                                                                                  \
	"version: 1\n"                                                                             \
	"title: T\n"                                                                               \
	"audience: [student]\n"                                                                    \
	"source: S\n"                                                                              \
	"license: original\n"

START_TEST(test_full_fixture)
{
	Diag diag = { 0 };
	Survey *s = load_fixture("full.yaml", &diag);

	ck_assert_int_eq(diag.n, 0);
	ck_assert_ptr_nonnull(s);
	ck_assert_str_eq(s->id, "full-test_1");
	ck_assert_int_eq(s->version, 3);
	ck_assert_str_eq(s->title, "Полный опросник");
	ck_assert_uint_eq(s->audience, AUDIENCE_STUDENT | AUDIENCE_TEACHER);
	ck_assert_int_eq(s->grade_min, 5);
	ck_assert_int_eq(s->grade_max, 9);
	ck_assert_str_eq(s->source, "Написан для тестов Anketa.");
	ck_assert_str_eq(s->license, "free-attribution");
	ck_assert_str_eq(s->instructions, "Отвечай честно.");
	ck_assert(s->show_result);
	/* sha256sum tests/fixtures/surveys/full.yaml */
	ck_assert_str_eq(s->hash,
	                 "e5052a0be37b8e8bc7f8f404616b730bd7a16ce229e879b895ab41c627ec0c24");
	ck_assert(strstr(s->path, "tests/fixtures/surveys/full.yaml") != NULL);

	ck_assert_int_eq(s->n_questions, 6);
	/* q1 copies the option set agree3, pictures included. */
	ck_assert_str_eq(s->questions[0].id, "q1");
	ck_assert_str_eq(s->questions[0].text, "Первый вопрос");
	ck_assert_int_eq(s->questions[0].type, QUESTION_SINGLE);
	ck_assert_int_eq(s->questions[0].n_options, 3);
	ck_assert_str_eq(s->questions[0].options[0].label, "Да");
	ck_assert_double_eq(s->questions[0].options[0].score, 2);
	ck_assert_str_eq(s->questions[0].options[0].picture, "faces/happy.png");
	ck_assert_str_eq(s->questions[0].options[1].label, "Не знаю");
	ck_assert_ptr_null(s->questions[0].options[1].picture);
	ck_assert_double_eq(s->questions[0].options[2].score, 0);
	ck_assert_int_eq(s->questions[0].pos.line, 17);
	ck_assert_int_eq(s->questions[0].pos.column, 5);
	/* The copy is the question's own. */
	ck_assert_ptr_ne(s->questions[0].options, s->questions[3].options);
	ck_assert_ptr_ne(s->questions[0].options[0].label, s->questions[3].options[0].label);
	ck_assert_int_eq(s->questions[1].type, QUESTION_YESNO);
	ck_assert_double_eq(s->questions[1].options[1].score, 1.5);
	ck_assert_int_eq(s->questions[2].type, QUESTION_MULTI);
	ck_assert_double_eq(s->questions[2].options[2].score, -1);
	ck_assert_int_eq(s->questions[3].type, QUESTION_LIKERT);
	ck_assert_int_eq(s->questions[4].type, QUESTION_NUMBER);
	ck_assert_double_eq(s->questions[4].number_min, 7);
	ck_assert_double_eq(s->questions[4].number_max, 18);
	ck_assert_int_eq(s->questions[4].n_options, 0);
	ck_assert_int_eq(s->questions[5].type, QUESTION_TEXT);
	ck_assert_double_eq(s->questions[5].number_min, 0);
	ck_assert_double_eq(s->questions[5].number_max, 0);

	/* Scales: "part" is nested in "total", so it moves before it. */
	ck_assert_int_eq(s->n_scales, 3);
	ck_assert_str_eq(s->scales[0].id, "part");
	ck_assert_str_eq(s->scales[1].id, "total");
	ck_assert_str_eq(s->scales[2].id, "pct");
	ck_assert_int_eq(survey_find_scale(s, "total"), 1);
	ck_assert_int_eq(s->scales[0].method, SCALE_SUM);
	ck_assert_int_eq(s->scales[0].n_items, 3);
	ck_assert(!s->scales[0].items[2].is_scale);
	ck_assert_int_eq(s->scales[0].items[2].index, 2);
	ck_assert_double_eq(s->scales[0].multiplier, 1);
	ck_assert_double_eq(s->scales[0].offset, 0);
	ck_assert_int_eq(s->scales[0].min_answered, 2);
	ck_assert_int_eq(s->scales[0].precision, 0);
	ck_assert_int_eq(s->scales[0].n_levels, 2);
	ck_assert_str_eq(s->scales[0].levels[0].id, "high");
	ck_assert_str_eq(s->scales[0].levels[0].label, "Высокий");
	ck_assert_double_eq(s->scales[0].levels[0].min, 4);
	ck_assert_double_eq(s->scales[0].levels[0].max, 7);
	ck_assert_str_eq(s->scales[0].levels[0].interpretation, "Всё хорошо.");
	ck_assert_ptr_null(s->scales[0].levels[1].interpretation);
	ck_assert_double_eq(s->scales[0].levels[1].min, -1);
	ck_assert_int_eq(s->scales[0].levels[1].pos.line, 59);
	ck_assert_int_eq(s->scales[0].levels[1].pos.column, 9);
	ck_assert_str_eq(s->scales[1].title, "Итог");
	ck_assert_int_eq(s->scales[1].method, SCALE_MEAN);
	ck_assert(s->scales[1].items[0].is_scale);
	ck_assert_int_eq(s->scales[1].items[0].index, 0);
	ck_assert(!s->scales[1].items[1].is_scale);
	ck_assert_int_eq(s->scales[1].items[1].index, 3);
	ck_assert_double_eq(s->scales[1].multiplier, -2);
	ck_assert_double_eq(s->scales[1].offset, 10);
	ck_assert_int_eq(s->scales[1].precision, 2);
	ck_assert_int_eq(s->scales[1].n_levels, 0);
	ck_assert_int_eq(s->scales[2].method, SCALE_PERCENT_OF_MAX);
	ck_assert_int_eq(s->scales[2].precision, 1); /* the default for percent_of_max */
	ck_assert_int_eq(s->scales[2].min_answered, 0);

	ck_assert_int_eq(s->n_alerts, 1);
	ck_assert_int_eq(s->alerts[0].question, 1);
	ck_assert_double_eq(s->alerts[0].min_score, 1.5);
	ck_assert_str_eq(s->alerts[0].message, "Поговорить с учеником.");
	ck_assert_int_eq(s->alerts[0].pos.line, 65);

	ck_assert_int_eq(s->n_examples, 2);
	ck_assert_str_eq(s->examples[0].name, "лучшие");
	ck_assert_int_eq(s->examples[0].pos.line, 67);
	ck_assert_int_eq(s->examples[0].pos.column, 5);
	ck_assert_int_eq(s->examples[0].n_answers, 5);
	ck_assert_int_eq(s->examples[0].answers[2].question, 2);
	ck_assert_str_eq(s->examples[0].answers[2].value, "1|2");
	ck_assert_int_eq(s->examples[0].answers[3].question, 5);
	ck_assert_str_eq(s->examples[0].answers[3].value, "всё хорошо");
	ck_assert_int_eq(s->examples[0].n_expect, 2);
	ck_assert_int_eq(s->examples[0].expect[0].scale, 0);
	ck_assert(s->examples[0].expect[0].has_value);
	ck_assert_double_eq(s->examples[0].expect[0].value, 7);
	ck_assert_str_eq(s->examples[0].expect[0].level, "high");
	ck_assert_int_eq(s->examples[0].expect[1].scale, 2);
	ck_assert_ptr_null(s->examples[0].expect[1].level);
	ck_assert(!s->examples[1].expect[0].has_value);

	survey_free(s);
	diag_clear(&diag);
}
END_TEST

START_TEST(test_lookups)
{
	Diag diag = { 0 };
	Survey *s = load_fixture("full.yaml", &diag);

	ck_assert_ptr_nonnull(s);
	ck_assert_int_eq(survey_find_question(s, "age"), 4);
	ck_assert_int_eq(survey_find_question(s, "nope"), -1);
	ck_assert_int_eq(survey_find_scale(s, "pct"), 2);
	ck_assert_int_eq(survey_find_scale(s, "q1"), -1);
	ck_assert_int_eq(survey_find_level(&s->scales[0], "low"), 1);
	ck_assert_int_eq(survey_find_level(&s->scales[0], "mid"), -1);
	ck_assert_int_eq(survey_audience_parse("parent"), AUDIENCE_PARENT);
	ck_assert_int_eq(survey_audience_parse("head"), AUDIENCE_HEAD);
	ck_assert_int_eq(survey_audience_parse("pupil"), 0);
	ck_assert_str_eq(survey_audience_name(AUDIENCE_TEACHER), "teacher");
	ck_assert_str_eq(survey_audience_name(AUDIENCE_TEACHER | AUDIENCE_HEAD), "");
	/* q1: best option 2; q3 multi: 1 + 2 chosen together; age: unscored. */
	ck_assert_double_eq(survey_question_max_score(&s->questions[0]), 2);
	ck_assert_double_eq(survey_question_max_score(&s->questions[2]), 3);
	ck_assert_double_eq(survey_question_max_score(&s->questions[4]), 0);
	survey_free(s);
	diag_clear(&diag);
}
END_TEST

START_TEST(test_shipped_survey)
{
	Diag diag = { 0 };
	char *path = testutil_source_path("surveys/school_day.yaml");
	Survey *s = survey_load(path, &diag);

	diag_print(&diag, stderr);
	ck_assert_int_eq(diag.n, 0);
	ck_assert_ptr_nonnull(s);
	ck_assert_str_eq(s->id, "school_day");
	ck_assert_int_eq(strlen(s->hash), 64);
	survey_free(s);
	free(path);
	diag_clear(&diag);
}
END_TEST

START_TEST(test_unknown_and_missing_fields)
{
	Diag diag = { 0 };
	Survey *s = load_text("bad.yaml",
	                      "id: t\n"
	                      "version: 1\n"
	                      "titel: T\n"
	                      "audience: [student]\n"
	                      "source: S\n"
	                      "license: original\n"
	                      "colour: red\n"
	                      "questions:\n"
	                      "  - id: q1\n"
	                      "    text: Q\n"
	                      "    options: [{label: A, score: 1}, {label: B}]\n",
	                      &diag);

	ck_assert_ptr_null(s);
	/* titel is one letter swap from title: suggested. */
	ck_assert(has_problem(&diag, 3, 1, "unknown field «titel»; did you mean «title»?"));
	ck_assert(has_problem(&diag, 7, 1, "unknown field «colour»"));
	/* The missing title is reported at the mapping that lacks it. */
	ck_assert(has_problem(&diag, 1, 1, "the field «title» is missing"));
	/* Option 2 of q1 has no score: 4 spaces, "options: [" and the first
	 * option with ", " take 36 columns, so its brace is at 37. */
	ck_assert(
	    has_problem(&diag, 11, 37, "question q1, option 2: the field «score» is missing"));
	ck_assert_int_eq(diag.n, 4);
	diag_clear(&diag);
}
END_TEST

static Suite *
survey_suite(void)
{
	Suite *s = suite_create("survey");
	TCase *tc = tcase_create("load");

	tcase_add_test(tc, test_full_fixture);
	tcase_add_test(tc, test_lookups);
	tcase_add_test(tc, test_shipped_survey);
	tcase_add_test(tc, test_unknown_and_missing_fields);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(survey_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
