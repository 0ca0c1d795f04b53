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
	char *path = testutil_temp_file(name, text);
	Survey *s = survey_load(path, diag);

	testutil_temp_remove(path);
	return s;
}

/* Loads text as the file name and expects it refused with exactly the n
 * problems in want. */
static void
expect_refused(const char *name, const char *text, const TestProblem *want, int n)
{
	Diag diag = { 0 };
	Survey *s = load_text(name, text, &diag);

	ck_assert_ptr_null(s);
	testutil_assert_problems(&diag, want, n);
	diag_clear(&diag);
}

/* Loads text as the file name and expects it refused with a problem at
 * line:column whose message contains needle (among any others). */
static void
expect_problem(const char *name, const char *text, int line, int column, const char *needle)
{
	Diag diag = { 0 };

	ck_assert_ptr_null(load_text(name, text, &diag));
	ck_assert(testutil_has_problem(&diag, line, column, needle));
	diag_clear(&diag);
}

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* A valid head, to which each test appends what it is about. */
#define HEAD                                                                                       \
	"id: t\n"                                                                                  \
	"version: 1\n"                                                                             \
	"title: T\n"                                                                               \
	"audience: [student]\n"                                                                    \
	"source: S\n"                                                                              \
	"license: original\n"

/* Loads HEAD with the grades line given and returns its grade bits, or
 * -1 when it is refused. */
static long
grades_of(const char *line)
{
	char *text = xasprintf(HEAD "%s\nquestions:\n  - {id: q1, text: Q, type: text}\n", line);
	Diag diag = { 0 };
	Survey *s = load_text("grades.yaml", text, &diag);
	long bits = s ? (long)s->grades : -1;

	survey_free(s);
	diag_clear(&diag);
	free(text);
	return bits;
}

START_TEST(test_grades_are_a_range_or_a_list_of_grades)
{
	/* A range: every grade from the first to the last. */
	ck_assert_int_eq(grades_of("grades: 5-11"), 0xfe0);
	ck_assert_int_eq(grades_of("grades: 1 - 4"), 0x1e);
	ck_assert_int_eq(grades_of("grades: 10\u201311"), 0xc00);
	/* A list: exactly the grades named (the self-diagnostic's 6 and 9). */
	ck_assert_int_eq(grades_of("grades: [6, 9]"), 1 << 6 | 1 << 9);
	ck_assert_int_eq(grades_of("grades: [11, 1]"), 1 << 11 | 1 << 1);
	ck_assert_int_eq(grades_of("grades: [7]"), 1 << 7);
	/* One grade. */
	ck_assert_int_eq(grades_of("grades: 7"), 1 << 7);
	/* None given: every grade. */
	ck_assert_int_eq(grades_of(""), 0);
	ck_assert_int_eq(grades_of("grades: 0-3"), -1);
	ck_assert_int_eq(grades_of("grades: 5-12"), -1);
	ck_assert_int_eq(grades_of("grades: []"), -1);
	ck_assert_int_eq(grades_of("grades: five"), -1);
}
END_TEST

START_TEST(test_bad_grades_are_reported_where_they_stand)
{
	static const char twice[] = HEAD "grades: [6, 9, 6]\n"
	                                 "questions:\n  - {id: q1, text: Q, type: text}\n";
	static const char twelve[] = HEAD "grades: [6, 12]\n"
	                                  "questions:\n  - {id: q1, text: Q, type: text}\n";
	static const char backwards[] = HEAD "grades: 9-5\n"
	                                     "questions:\n  - {id: q1, text: Q, type: text}\n";

	/* HEAD is 6 lines: grades stand on line 7. */
	expect_problem("twice.yaml", twice, 7, 16, "the grade 6 is listed twice");
	expect_problem("twelve.yaml", twelve, 7, 13, "«grades» must be a whole number from 1");
	expect_problem("backwards.yaml", backwards, 7, 9, "a range of grades from 1 to 11");
}
END_TEST

START_TEST(test_a_survey_fits_the_grades_it_names)
{
	Survey s = { 0 };
	char *text;

	ck_assert(survey_fits_grade(&s, 3)); /* no grades: every grade */
	s.grades = 1u << 6 | 1u << 9;
	ck_assert(survey_fits_grade(&s, 6));
	ck_assert(!survey_fits_grade(&s, 7));
	ck_assert(survey_fits_grade(&s, 9));
	ck_assert(survey_fits_grade(&s, 0)); /* a class without a grade */
	text = survey_grades_text(&s);
	ck_assert_str_eq(text, "6, 9");
	free(text);
	s.grades = 0xfe0 | 1u << 1 | 1u << 2; /* 1, 2 and 5 to 11 */
	text = survey_grades_text(&s);
	ck_assert_str_eq(text, "1, 2, 5\u201311");
	free(text);
	s.grades = 1u << 4;
	text = survey_grades_text(&s);
	ck_assert_str_eq(text, "4");
	free(text);
	s.grades = 0;
	text = survey_grades_text(&s);
	ck_assert_str_eq(text, "");
	free(text);
}
END_TEST

START_TEST(test_a_template_marked_placeholder_loads_as_one)
{
	static const char text[] = HEAD "placeholder: true\n"
	                                "questions:\n  - {id: q1, text: Q, type: text}\n";
	Diag diag = { 0 };
	Survey *s = load_text("template.yaml", text, &diag), *plain;

	ck_assert_int_eq(diag.n, 0);
	ck_assert(survey_is_placeholder(s));
	ck_assert_int_eq(s->placeholder_pos.line, 7);
	ck_assert_int_eq(s->placeholder_pos.column, 14);
	survey_free(s);
	plain = load_fixture("full.yaml", &diag);
	ck_assert(!survey_is_placeholder(plain));
	survey_free(plain);
	expect_problem("bad.yaml",
	               HEAD "placeholder: maybe\nquestions:\n  - {id: q1, text: Q, type: text}\n",
	               7, 14, "the field «placeholder» must be true or false");
}
END_TEST

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
	/* grades: 5-9 */
	ck_assert_uint_eq(s->grades, 1u << 5 | 1u << 6 | 1u << 7 | 1u << 8 | 1u << 9);
	ck_assert_str_eq(s->source, "Написан для тестов Anketa.");
	ck_assert_str_eq(s->license, "free-attribution");
	ck_assert_str_eq(s->instructions, "Отвечай честно.");
	ck_assert(s->show_result);
	/* sha256sum tests/fixtures/surveys/full.yaml */
	ck_assert_str_eq(s->hash,
	                 "e0a9946663fb93d648bd182271f7deef2f4be395d27e08c8a6a6c3476b5b2c0b");
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
	static const char yaml[] = "id: t\n"
	                           "version: 1\n"
	                           "titel: T\n"
	                           "audience: [student]\n"
	                           "source: S\n"
	                           "license: original\n"
	                           "colour: red\n"
	                           "questions:\n"
	                           "  - id: q1\n"
	                           "    text: Q\n"
	                           "    options: [{label: A, score: 1}, {label: B}]\n";
	static const TestProblem want[] = {
		/* titel is one letter swap from title: suggested. */
		{ 3, 1, "unknown field «titel»; did you mean «title»?" },
		{ 7, 1, "unknown field «colour»" },
		/* The missing title is reported at the mapping that lacks it. */
		{ 1, 1, "the field «title» is missing" },
		/* Option 2 of q1 has no score: 4 spaces, "options: [" and the first
		 * option with ", " take 36 columns, so its brace is at 37. */
		{ 11, 37, "question q1, option 2: the field «score» is missing" },
	};

	expect_refused("bad.yaml", yaml, want, N(want));
}
END_TEST

/* Scale ranges over every way of answering, computed by hand below. */
static const char range_survey[] =
    HEAD "questions:\n"
         "  - {id: a, text: A, options: [{label: x, score: 1}, {label: y, score: 2},"
         " {label: z, score: 3}]}\n"
         "  - {id: b, text: B, options: [{label: x, score: 0}, {label: y, score: 4}]}\n"
         "  - {id: c, text: C, type: multi, options: [{label: x, score: 1},"
         " {label: y, score: -2}, {label: z, score: 2}]}\n"
         "scales:\n"
         "  - {id: nest, title: N, items: [k2, c], method: sum}\n"
         "  - {id: k1, title: K, items: [a, b], method: sum}\n"
         "  - {id: k2, title: K, items: [a, b], method: sum, min_answered: 2}\n"
         "  - {id: sum3, title: S, items: [a, b, c], method: sum, min_answered: 2}\n"
         "  - {id: mean, title: M, items: [a, b, c], method: mean, min_answered: 2}\n"
         "  - {id: pct1, title: P, items: [a, b], method: percent_of_max}\n"
         "  - {id: pct2, title: P, items: [a, b], method: percent_of_max, min_answered: 2}\n"
         "  - {id: pct3, title: P, items: [a, c], method: percent_of_max}\n"
         "  - {id: pnest, title: P, items: [k2, a], method: percent_of_max, min_answered: 2}\n"
         "  - {id: mult, title: M, items: [a, b], method: sum, multiplier: -2, offset: 10}\n"
         "  - {id: round, title: R, items: [a, b], method: mean, multiplier: 1.5,"
         " offset: 0.5, precision: 0}\n";

static void
assert_range(const Survey *s, const char *id, double lo, double hi)
{
	int i = survey_find_scale(s, id);
	double min = -999, max = -999;

	ck_assert_int_ge(i, 0);
	survey_scale_range(s, i, &min, &max);
	ck_assert_msg(fabs(min - lo) < 1e-9 && fabs(max - hi) < 1e-9,
	              "scale %s: range %g..%g, wanted %g..%g", id, min, max, lo, hi);
}

START_TEST(test_scale_range)
{
	Diag diag = { 0 };
	Survey *s = load_text("range.yaml", range_survey, &diag);

	diag_print(&diag, stderr);
	ck_assert_ptr_nonnull(s);
	/* Items: a scores 1..3; b 0..4; c (multi 1, -2, 2) from -2 (only the
	 * negative option) to 3 (both positive ones). */
	/* k1: one answer is enough: b alone gives 0; a and b at best 3+4. */
	assert_range(s, "k1", 0, 7);
	/* k2: both answered: 1+0 .. 3+4. */
	assert_range(s, "k2", 1, 7);
	/* sum3, two of three at least: the two lowest -2+0 (a's 1 would only
	 * add); the two highest 4+3 plus a's positive 3. */
	assert_range(s, "sum3", -2, 10);
	/* mean of at least two: lowest (-2+0)/2 = -1; highest (4+3)/2 = 3.5,
	 * precision 1 by default for mean. */
	assert_range(s, "mean", -1, 3.5);
	/* percent_of_max, one answer: b alone 0/4 = 0 %; 100 % at best. */
	assert_range(s, "pct1", 0, 100);
	/* both answered: (1+0)/(3+4) = 14.2857 %, rounded to 14.3. */
	assert_range(s, "pct2", 14.3, 100);
	/* a and c: c alone -2/3 = -66.67 % is lower than both (1-2)/(3+3). */
	assert_range(s, "pct3", -66.7, 100);
	/* nested k2 (1..7, its maximum 7) and a (1..3, maximum 3), both
	 * answered: (1+1)/(7+3) = 20 %. */
	assert_range(s, "pnest", 20, 100);
	/* nest = k2 (1..7) + c (-2..3): c alone -2; both 7+3 = 10. */
	assert_range(s, "nest", -2, 10);
	/* mult: raw 0..7, times -2 plus 10: 10 and -4, so -4..10. */
	assert_range(s, "mult", -4, 10);
	/* round: mean 0 (b alone) .. 4 (b alone), times 1.5 plus 0.5: 0.5 and
	 * 6.5, rounded half away from zero: 1 and 7. */
	assert_range(s, "round", 1, 7);
	/* nest names k2, so k2 now comes before it. */
	ck_assert_int_lt(survey_find_scale(s, "k2"), survey_find_scale(s, "nest"));
	ck_assert(s->scales[survey_find_scale(s, "nest")].items[0].is_scale);
	ck_assert_int_eq(s->scales[survey_find_scale(s, "nest")].items[0].index,
	                 survey_find_scale(s, "k2"));
	survey_free(s);
	diag_clear(&diag);
}
END_TEST

START_TEST(test_wrong_types)
{
	static const char yaml[] = "id: Bad Id\n"                      /* 1 */
	                           "version: 1.5\n"                    /* 2 */
	                           "title: [T]\n"                      /* 3 */
	                           "audience: student\n"               /* 4 */
	                           "grades: 9-5\n"                     /* 5 */
	                           "source: S\n"                       /* 6 */
	                           "license: mine\n"                   /* 7 */
	                           "show_result: yes\n"                /* 8 */
	                           "questions:\n"                      /* 9 */
	                           "  - id: q1\n"                      /* 10 */
	                           "    text: Q\n"                     /* 11 */
	                           "    type: slider\n"                /* 12 */
	                           "    options:\n"                    /* 13 */
	                           "      - {label: A, score: high}\n" /* 14 */
	                           "      - {label: B, score: 1}\n"    /* 15 */
	                           "scales: {id: s}\n";                /* 16 */
	static const TestProblem want[] = {
		{ 1, 5, "the survey id «Bad Id» may hold only" },
		{ 2, 10, "the field «version» must be a whole number from 1" },
		{ 3, 8, "the field «title» must be text" },
		{ 4, 11, "the field «audience» must be a list" },
		{ 5, 9, "the field «grades» is a range of grades from 1 to 11 like 5-11" },
		{ 7, 10, "unknown license «mine»" },
		{ 8, 14, "the field «show_result» must be true or false" },
		{ 12, 11, "question q1: unknown question type «slider»" },
		/* "      - {label: A, score: " is 26 columns. */
		{ 14, 27, "question q1, option 1: the field «score» must be a number" },
		{ 16, 9, "the field «scales» must be a list" },
	};

	expect_refused("types.yaml", yaml, want, N(want));
}
END_TEST

START_TEST(test_duplicate_ids)
{
	static const char yaml[] = HEAD                            /* 1-6 */
	    "option_sets:\n"                                       /* 7 */
	    "  yn: [{label: A, score: 1}, {label: B, score: 0}]\n" /* 8 */
	    "  yn: [{label: A, score: 1}, {label: B, score: 0}]\n" /* 9 */
	    "questions:\n"                                         /* 10 */
	    "  - {id: q1, text: Q, options: yn}\n"                 /* 11 */
	    "  - {id: q1, text: Q, options: yn}\n"                 /* 12 */
	    "scales:\n"                                            /* 13 */
	    "  - id: s\n"                                          /* 14 */
	    "    title: S\n"                                       /* 15 */
	    "    items: [q1]\n"                                    /* 16 */
	    "    method: sum\n"                                    /* 17 */
	    "    levels:\n"                                        /* 18 */
	    "      - {id: lo, label: L, min: 0, max: 0}\n"         /* 19 */
	    "      - {id: lo, label: H, min: 1, max: 1}\n"         /* 20 */
	    "  - {id: s, title: S, items: [q1], method: sum}\n";   /* 21 */
	static const TestProblem want[] = {
		{ 9, 3, "the option set «yn» is defined twice (also at line 8)" },
		{ 12, 5, "the question id «q1» is used twice (also at line 11)" },
		{ 20, 9, "scale s: the level id «lo» is used twice (also at line 19)" },
		{ 21, 5, "the scale id «s» is used twice (also at line 14)" },
	};

	expect_refused("dup.yaml", yaml, want, N(want));
}
END_TEST

START_TEST(test_scale_items)
{
	static const char yaml[] = HEAD /* 1-6 */
	    "questions:\n"              /* 7 */
	    "  - {id: q1, text: Q, type: yesno, options: [{label: A, score: 1},"
	    " {label: B, score: 0}]}\n"                                      /* 8 */
	    "  - {id: age, text: Age, type: number}\n"                       /* 9 */
	    "  - {id: dup, text: D, type: text}\n"                           /* 10 */
	    "scales:\n"                                                      /* 11 */
	    "  - {id: a, title: A, items: [q1, b], method: sum}\n"           /* 12 */
	    "  - {id: b, title: B, items: [c], method: sum}\n"               /* 13 */
	    "  - {id: c, title: C, items: [a], method: sum}\n"               /* 14 */
	    "  - {id: d, title: D, items: [q9, age, q1, q1], method: sum}\n" /* 15 */
	    "  - {id: dup, title: D, items: [], method: mean}\n";            /* 16 */
	static const TestProblem want[] = {
		/* The circle a -> b -> c -> a is reported once, where it closes. */
		{ 12, 5, "scales are nested in a circle: a → b → c → a" },
		/* "  - {id: d, title: D, items: [" is 30 columns; q9 at 31, age at 35,
		 * the second q1 at 44. */
		{ 15, 31, "scale d: unknown item «q9»: no question or scale has this id" },
		{ 15, 35, "scale d: question age is of type number and has no score" },
		{ 15, 44, "scale d: the item «q1» is listed twice" },
		{ 16, 32, "scale dup: the scale has no items" },
	};

	expect_refused("items.yaml", yaml, want, N(want));
}
END_TEST

START_TEST(test_level_bands)
{
	/* Five yes/no questions score 0..5 in sum; mean precision 1 gives
	 * 0.0..1.0. */
	static const char yaml[] = HEAD                                         /* 1-6 */
	    "option_sets: {yn: [{label: A, score: 1}, {label: B, score: 0}]}\n" /* 7 */
	    "questions:\n"                                                      /* 8 */
	    "  - {id: q1, text: Q, options: yn}\n"                              /* 9 */
	    "  - {id: q2, text: Q, options: yn}\n"                              /* 10 */
	    "scales:\n"                                                         /* 11 */
	    "  - id: gap\n"                                                     /* 12 */
	    "    title: G\n"
	    "    items: [q1, q2]\n"
	    "    method: sum\n" /* 15 */
	    "    levels:\n"
	    "      - {id: hi, label: H, min: 2, max: 2}\n" /* 17 */
	    "      - {id: lo, label: L, min: 0, max: 0}\n" /* 18 */
	    "  - id: overlap\n"                            /* 19 */
	    "    title: O\n"
	    "    items: [q1, q2]\n"
	    "    method: mean\n" /* 22 */
	    "    levels:\n"
	    "      - {id: lo, label: L, min: 0, max: 0.6}\n" /* 24 */
	    "      - {id: hi, label: H, min: 0.5, max: 1}\n" /* 25 */
	    "  - id: short\n"                                /* 26 */
	    "    title: S\n"
	    "    items: [q1, q2]\n"
	    "    method: sum\n"
	    "    levels:\n"                                 /* 30 */
	    "      - {id: mid, label: M, min: 1, max: 1}\n" /* 31 */
	    "  - id: odd\n"                                 /* 32 */
	    "    title: O\n"
	    "    items: [q1, q2]\n"
	    "    method: sum\n" /* 35 */
	    "    levels:\n"
	    "      - {id: x, label: X, min: 2, max: 0}\n"    /* 37 */
	    "      - {id: y, label: Y, min: 0.5, max: 2}\n"; /* 38 */
	static const TestProblem want[] = {
		{ 17, 9,
		  "scale gap: no level covers the values from 1 to 1 (between levels lo and hi)" },
		{ 25, 9,
		  "scale overlap: levels lo and hi overlap: the values from 0.5 to 0.6 fall in "
		  "both" },
		{ 31, 9,
		  "scale short: the scale can be as low as 0, but the lowest level starts at 1" },
		{ 31, 9,
		  "scale short: the scale can be as high as 2, but the highest level ends at 1" },
		{ 37, 9, "scale odd: level x: min 2 is greater than max 0" },
		{ 38, 9, "scale odd: level y: min and max must have at most 0 decimals" },
	};

	expect_refused("bands.yaml", yaml, want, N(want));
}
END_TEST

START_TEST(test_alert_bounds)
{
	static const char yaml[] = HEAD /* 1-6 */
	    "questions:\n"              /* 7 */
	    "  - {id: q1, text: Q, options: [{label: A, score: 2},"
	    " {label: B, score: 0}]}\n"                                      /* 8 */
	    "alerts:\n"                                                      /* 9 */
	    "  - {question: q1, message: M}\n"                               /* 10 */
	    "  - {question: q1, min_score: 1, max_score: 1.5, message: M}\n" /* 11 */
	    "  - {question: q1, min_score: 3, message: M}\n"                 /* 12 */
	    "  - {question: q1, max_score: 0, message: M}\n";                /* 13 */
	/* Alert 4 (B scores 0) is fine; 2 and 3 can never be raised. */
	static const TestProblem want[] = {
		{ 10, 5, "alert 1: an alert needs min_score, max_score or both" },
		{ 11, 5,
		  "alert 2: no answer to question q1 has a score between min_score and max_score" },
		{ 12, 5, "alert 3: no answer to question q1" },
	};

	expect_refused("al.yaml", yaml, want, N(want));
}
END_TEST

START_TEST(test_alerts_and_examples)
{
	static const char yaml[] = HEAD                                         /* 1-6 */
	    "option_sets: {yn: [{label: A, score: 1}, {label: B, score: 0}]}\n" /* 7 */
	    "questions:\n"                                                      /* 8 */
	    "  - {id: q1, text: Q, options: yn}\n"                              /* 9 */
	    "  - {id: m, text: M, type: multi, options: yn}\n"                  /* 10 */
	    "  - {id: n, text: N, type: number, min: 1, max: 10}\n"             /* 11 */
	    "  - {id: t, text: T, type: text}\n"                                /* 12 */
	    "scales:\n"                                                         /* 13 */
	    "  - {id: s, title: S, items: [q1, m], method: sum,"
	    " levels: [{id: lo, label: L, min: 0, max: 2}]}\n"            /* 14 */
	    "alerts:\n"                                                   /* 15 */
	    "  - {question: q7, min_score: 1, message: M}\n"              /* 16 */
	    "  - {question: t, min_score: 1, message: M}\n"               /* 17 */
	    "examples:\n"                                                 /* 18 */
	    "  - name: e1\n"                                              /* 19 */
	    "    answers: {q1: 3, m: \"1|1\", n: 11, t: free, x: 1}\n"    /* 20 */
	    "    expect: {s: {value: 2, level: mid}, z: {value: none}}\n" /* 21 */
	    "  - name: e2\n"                                              /* 22 */
	    "    answers: {q1: \"1|2\", n: ten, m: [1]}\n"                /* 23 */
	    "    expect: {s: {value: many}}\n";                           /* 24 */
	static const TestProblem want[] = {
		/* "  - {question: " is 15 columns. */
		{ 16, 16, "alert 1: unknown question «q7»" },
		{ 17, 16, "alert 2: question t is of type text and has no score" },
		/* Line 20, "    answers: {q1: " is 18 columns: 3 at 19; m's quoted
		 * value at 25 (a repeated option); n's 11 at 35; x at 48. */
		{ 20, 19,
		  "example «e1»: option 3 is out of range: question q1 has options 1 to 2" },
		{ 20, 25, "example «e1»: option 1 of question m is given twice" },
		{ 20, 35, "example «e1»: the answer to question n must be from 1 to 10, not 11" },
		{ 20, 48, "example «e1»: unknown question «x»" },
		/* Line 21, "    expect: {s: {value: 2, level: " is 34 columns; z at 41. */
		{ 21, 35, "example «e1»: scale s has no level «mid»" },
		{ 21, 41, "example «e1»: unknown scale «z»" },
		/* Line 23: "    answers: {q1: \"1|2\", n: " is 28 columns, and
		 * "..., n: ten, m: " 36; line 24: "    expect: {s: {value: " 24. */
		{ 23, 19, "example «e2»: question q1 takes one option, not several: \"1|2\"" },
		{ 23, 29, "example «e2»: the answer to question n must be a number, not \"ten\"" },
		{ 23, 37, "example «e2»: the answer to question m must be a plain value" },
		{ 24, 25, "example «e2»: the field «value» must be a number" },
	};

	expect_refused("ex.yaml", yaml, want, N(want));
}
END_TEST

START_TEST(test_question_rules)
{
	static const char yaml[] = HEAD                                            /* 1-6 */
	    "questions:\n"                                                         /* 7 */
	    "  - {id: y, text: Y, type: yesno, options: [{label: A, score: 1}]}\n" /* 8 */
	    "  - {id: n, text: N, type: number, options: yes3}\n"                  /* 9 */
	    "  - {id: s, text: S, options: nosuch, min: 1}\n"                      /* 10 */
	    "  - {id: t, text: T}\n"                                               /* 11 */
	    "  - {id: \"q 1\", text: T, type: text}\n"                             /* 12 */
	    "scales:\n"                                                            /* 13 */
	    "  - {id: p, title: P, items: [y], method: percent_of_max,"
	    " multiplier: 0, min_answered: 2}\n"; /* 14 */
	static const TestProblem want[] = {
		/* "  - {id: y, text: Y, type: yesno, options: " is 43 columns; on line
		 * 10 "  - {id: s, text: S, options: " is 30 and "nosuch, min: " 13 more;
		 * on line 12 "  - {id: " is 9. An unknown set is not also "0 options". */
		{ 8, 44, "question y: a yesno question needs exactly 2 options, not 1" },
		{ 9, 45, "question n: a question of type number has no options" },
		{ 10, 31, "question s: unknown option set «nosuch»" },
		{ 10, 44, "question s: the field «min» is only for questions of type number" },
		{ 11, 5, "question t: the field «options» is missing" },
		{ 12, 10, "question 5: a question id may hold only" },
		/* "  - {id: p, title: P, items: [y], method: percent_of_max, multiplier: "
		 * is 70 columns. */
		{ 14, 71, "scale p: the multiplier must not be 0" },
	};

	expect_refused("q.yaml", yaml, want, N(want));
}
END_TEST

START_TEST(test_scale_rules)
{
	static const char yaml[] = HEAD /* 1-6 */
	    "questions:\n"              /* 7 */
	    "  - {id: z, text: Z, options: [{label: A, score: 0},"
	    " {label: B, score: 0}]}\n"                                   /* 8 */
	    "scales:\n"                                                   /* 9 */
	    "  - {id: p, title: P, items: [z], method: percent_of_max}\n" /* 10 */
	    "  - {id: m, title: M, items: [z], method: median,"
	    " min_answered: 2}\n"; /* 11 */
	static const TestProblem want[] = {
		{ 10, 5,
		  "scale p: with percent_of_max every item must be able to score above 0, but z "
		  "cannot" },
		/* "  - {id: m, title: M, items: [z], method: " is 42 columns. */
		{ 11, 43, "scale m: unknown method «median»" },
	};
	/* min_answered beyond the number of items, on an otherwise sound scale. */
	static const char too_few[] = HEAD "questions:\n"
	                                   "  - {id: z, text: Z, options: [{label: A, score: 0},"
	                                   " {label: B, score: 1}]}\n"
	                                   "scales:\n"
	                                   "  - {id: m, title: M, items: [z], method: sum,"
	                                   " min_answered: 2}\n";
	static const TestProblem too_few_want[] = {
		{ 10, 5, "scale m: min_answered is 2, but the scale has only 1 items" },
	};
	/* Messages about a scale's own fields name the scale too. */
	static const char typo[] =
	    HEAD "questions:\n"
	         "  - {id: z, text: Z, options: [{label: A, score: 0},"
	         " {label: B, score: 1}]}\n"
	         "scales:\n"
	         "  - {id: m, title: M, items: [z], method: sum, levles: []}\n";
	static const TestProblem typo_want[] = {
		/* "  - {id: m, title: M, items: [z], method: sum, " is 47 columns. */
		{ 10, 48, "scale m: unknown field «levles»; did you mean «levels»?" },
	};

	expect_refused("r.yaml", yaml, want, N(want));
	expect_refused("r2.yaml", too_few, too_few_want, N(too_few_want));
	expect_refused("r3.yaml", typo, typo_want, N(typo_want));
}
END_TEST

START_TEST(test_bad_files)
{
	/* The unclosed quote runs to the end of the file (line 3). */
	static const TestProblem broken[] = {
		{ 4, 1, "this is not valid YAML: found unexpected end of stream" },
	};
	Diag diag = { 0 };
	char *dir = testutil_tmpdir();
	char *big = xmalloc(2 * 1024 * 1024 + 1);
	char *deep = xmalloc(200002);

	memset(big, 'a', 2 * 1024 * 1024);
	big[2 * 1024 * 1024] = '\0';
	expect_problem("big.yaml", big, 0, 0, "the file is larger than 1 MB");
	expect_problem("empty.yaml", "", 0, 0, "the file is empty");
	expect_problem("comment.yaml", "# nothing here\n", 0, 0, "the file is empty");
	/* The first byte that is not UTF-8, where an editor shows it: line 3,
	 * after "title: «" (8 characters, the quote two bytes). */
	expect_problem("latin1.yaml", "id: t\nversion: 1\ntitle: «\xe9t\xe9\n", 3, 9,
	               "the file is not UTF-8 text (byte 0xe9 here); save it in UTF-8");
	expect_problem("cut.yaml", "id: t\xd0", 1, 6,
	               "the file is not UTF-8 text (byte 0xd0 here)");
	expect_problem("list.yaml", "- a\n- b\n", 1, 1, "the file must be a YAML mapping");
	expect_refused("broken.yaml", "id: t\ntitle: \"open\nversion: 1\n", broken, N(broken));
	expect_problem("alias.yaml", "a: &x [*x]\n", 1, 4,
	               "anchors and aliases (& and *) are not allowed here");
	expect_problem("two.yaml", "id: a\n---\nid: b\n", 2, 1,
	               "the file holds more than one YAML document");
	for (int i = 0; i < 100000; i++)
		deep[i] = '[', deep[100000 + i] = ']';
	deep[200000] = '\0';
	/* The 33rd "[" is at column 33. */
	expect_problem("deep.yaml", deep, 1, 33, "nested more than 32 levels deep");
	ck_assert_ptr_null(survey_load(dir, &diag));
	ck_assert(testutil_has_problem(&diag, 0, 0, "cannot read the file: Is a directory"));
	diag_clear(&diag);
	ck_assert_ptr_null(survey_load("/nonexistent/x.yaml", &diag));
	ck_assert(
	    testutil_has_problem(&diag, 0, 0, "cannot read the file: No such file or directory"));
	ck_assert_str_eq(diag.entries[0].file, "/nonexistent/x.yaml");
	diag_clear(&diag);
	remove(dir);
	free(dir);
	free(big);
	free(deep);
}
END_TEST

START_TEST(test_set_load_dir)
{
	Diag diag = { 0 };
	SurveySet set = { 0 };
	char *dir = testutil_tmpdir();
	char *good = xasprintf(HEAD "questions: [{id: q, text: Q, type: text}]\n");
	char *paths[4];

	paths[0] = testutil_write_file(dir, "b.yaml", good);
	paths[1] = testutil_write_file(dir, "a.yaml", "id: [\n");
	paths[2] = testutil_write_file(dir, "c.yaml", good); /* the same id "t" again */
	paths[3] = testutil_write_file(dir, "notes.txt", "not a survey");
	ck_assert_int_eq(survey_set_load_dir(&set, dir, &diag), 2);
	ck_assert_int_eq(set.n, 1);
	ck_assert_str_eq(set.items[0]->path, paths[0]);
	ck_assert_ptr_eq(survey_set_find(&set, "t"), set.items[0]);
	ck_assert_ptr_null(survey_set_find(&set, "u"));
	ck_assert_int_eq(diag.n, 2);
	ck_assert_str_eq(diag.entries[0].file, paths[1]);
	ck_assert_str_eq(diag.entries[1].file, paths[2]);
	ck_assert(strstr(diag.entries[1].message, "another file already holds the survey «t»"));
	survey_set_free(&set);
	ck_assert_int_eq(set.n, 0);
	diag_clear(&diag);
	ck_assert_int_eq(survey_set_load_dir(&set, "/nonexistent", &diag), -1);
	ck_assert_int_eq(diag.n, 1);
	diag_clear(&diag);
	for (int i = 0; i < 4; i++) {
		remove(paths[i]);
		free(paths[i]);
	}
	remove(dir);
	free(dir);
	free(good);
}
END_TEST

START_TEST(test_many_problems_at_once)
{
	static const TestProblem want[] = {
		{ 1, 1, "the field «source» is missing" },
		{ 1, 1, "the field «license» is missing" },
		{ 2, 10, "the field «version» must be a whole number" },
		/* "    options: [{label: \"Да\", score: 1}, " is 39 characters. */
		{ 8, 40, "question q1, option 2: the field «score» is missing" },
		{ 9, 5, "question q2: the field «text» is missing" },
		{ 11, 5, "question q2: unknown field «txt»; did you mean «text»?" },
		{ 15, 17, "scale s: unknown item «q3»" },
		{ 18, 21, "alert 1: unknown question «q5»" },
	};
	Diag diag = { 0 };
	Survey *s = load_fixture("bad/many.yaml", &diag);

	ck_assert_ptr_null(s);
	testutil_assert_problems(&diag, want, N(want));
	for (int i = 0; i < diag.n; i++)
		ck_assert(strstr(diag.entries[i].file, "tests/fixtures/surveys/bad/many.yaml"));
	diag_clear(&diag);
}
END_TEST

/* Checks one problem exactly: where and what. */
#define CHECK_PROBLEM(diag, i, l, c, text)                                                         \
	do {                                                                                       \
		ck_assert_int_eq((diag)->entries[i].line, l);                                      \
		ck_assert_int_eq((diag)->entries[i].column, c);                                    \
		ck_assert_str_eq((diag)->entries[i].message, text);                                \
	} while (0)

/* Inputs tests/fuzz found a bug with (kept in tests/fuzz/regressions/). */
START_TEST(test_fuzz_findings)
{
	Diag diag = { 0 };
	/* Options of a set that are not mappings had no label, and the
	 * question that copies the set crashed (strdup of NULL). */
	Survey *s = load_text("set.yaml",
	                      HEAD                 /* 1-6 */
	                      "option_sets:\n"     /* 7 */
	                      "  yn: [1, 2]\n"     /* 8 */
	                      "questions:\n"       /* 9 */
	                      "  - id: q1\n"       /* 10 */
	                      "    text: X\n"      /* 11 */
	                      "    options: yn\n", /* 12 */
	                      &diag);

	ck_assert_ptr_null(s);
	ck_assert_int_eq(diag.n, 2);
	/* "  yn: [" is 7 columns, "  yn: [1, " 10. */
	CHECK_PROBLEM(&diag, 0, 8, 8,
	              "option set yn, option 1: expected fields written as «name: value» here");
	CHECK_PROBLEM(&diag, 1, 8, 11,
	              "option set yn, option 2: expected fields written as «name: value» here");
	diag_clear(&diag);
}
END_TEST

static Suite *
survey_suite(void)
{
	Suite *s = suite_create("survey");
	TCase *tc = tcase_create("load");

	tcase_add_test(tc, test_full_fixture);
	tcase_add_test(tc, test_grades_are_a_range_or_a_list_of_grades);
	tcase_add_test(tc, test_bad_grades_are_reported_where_they_stand);
	tcase_add_test(tc, test_a_survey_fits_the_grades_it_names);
	tcase_add_test(tc, test_a_template_marked_placeholder_loads_as_one);
	tcase_add_test(tc, test_lookups);
	tcase_add_test(tc, test_shipped_survey);
	tcase_add_test(tc, test_unknown_and_missing_fields);
	tcase_add_test(tc, test_scale_range);
	tcase_add_test(tc, test_wrong_types);
	tcase_add_test(tc, test_duplicate_ids);
	tcase_add_test(tc, test_scale_items);
	tcase_add_test(tc, test_level_bands);
	tcase_add_test(tc, test_alerts_and_examples);
	tcase_add_test(tc, test_alert_bounds);
	tcase_add_test(tc, test_question_rules);
	tcase_add_test(tc, test_scale_rules);
	tcase_add_test(tc, test_bad_files);
	tcase_add_test(tc, test_set_load_dir);
	tcase_add_test(tc, test_many_problems_at_once);
	tcase_add_test(tc, test_fuzz_findings);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return testutil_run(survey_suite());
}
