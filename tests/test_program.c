/*
 * test_program.c: programme files load every field, and each problem
 * (including references to surveys, scales, levels and waves) is reported
 * at its file:line:column.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "program.h"
#include "testutil.h"
#include "util.h"

static SurveySet fixtures;

/* The fixture surveys full.yaml (scale part: levels high, low) and
 * parents.yaml (audience parent). */
static void
setup(void)
{
	Diag diag = { 0 };
	char *dir = testutil_source_path("tests/fixtures/surveys");

	memset(&fixtures, 0, sizeof fixtures);
	ck_assert_int_eq(survey_set_load_dir(&fixtures, dir, &diag), 0);
	ck_assert_int_eq(diag.n, 0);
	ck_assert_int_eq(fixtures.n, 2);
	free(dir);
}

static void
teardown(void)
{
	survey_set_free(&fixtures);
}

static Program *
load_text(const char *text, const SurveySet *surveys, Diag *diag)
{
	char *path = testutil_temp_file("p.yaml", text);
	Program *p = program_load(path, surveys, diag);

	testutil_temp_remove(path);
	return p;
}

/* Loads text checked against the fixture surveys and expects it refused
 * with exactly the n problems in want. */
static void
expect_refused(const char *text, const TestProblem *want, int n)
{
	Diag diag = { 0 };
	Program *p = load_text(text, &fixtures, &diag);

	ck_assert_ptr_null(p);
	testutil_assert_problems(&diag, want, n);
	diag_clear(&diag);
}

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

START_TEST(test_full_programme)
{
	Diag diag = { 0 };
	char *path = testutil_source_path("tests/fixtures/programs/shnor.yaml");
	Program *p = program_load(path, &fixtures, &diag);

	diag_print(&diag, stderr);
	ck_assert_int_eq(diag.n, 0);
	ck_assert_ptr_nonnull(p);
	ck_assert_str_eq(p->path, path);
	ck_assert_str_eq(p->id, "shnor");
	ck_assert_str_eq(p->title, "Программа ШНОР");
	ck_assert_int_eq(p->n_waves, 3);
	ck_assert_str_eq(p->waves[0].id, "start");
	ck_assert_str_eq(p->waves[0].title, "Исходные данные");
	/* The short form: the id is the title. */
	ck_assert_str_eq(p->waves[1].id, "interim");
	ck_assert_str_eq(p->waves[1].title, "interim");
	ck_assert_str_eq(p->waves[2].id, "final");
	ck_assert_str_eq(p->waves[2].title, "Итоговый этап");
	ck_assert_int_eq(program_find_wave(p, "interim"), 1);
	ck_assert_int_eq(program_find_wave(p, "end"), -1);
	ck_assert_int_eq(p->n_indicators, 3);

	ck_assert_str_eq(p->indicators[0].id, "1.2");
	ck_assert_str_eq(p->indicators[0].title, "Доля с высоким баллом");
	ck_assert_str_eq(p->indicators[0].definition, "высокий балл — уровень high");
	ck_assert_ptr_null(p->indicators[1].definition);
	ck_assert_int_eq(p->indicators[0].kind, INDICATOR_SHARE);
	ck_assert_int_eq(p->indicators[0].n_surveys, 1);
	ck_assert_str_eq(p->indicators[0].surveys[0], "full-test_1");
	ck_assert_str_eq(p->indicators[0].scale, "part");
	ck_assert_int_eq(p->indicators[0].n_levels, 1);
	ck_assert_str_eq(p->indicators[0].levels[0], "high");
	ck_assert_int_eq(p->indicators[0].baseline, -1);
	ck_assert_ptr_null(p->indicators[0].expected);
	ck_assert_int_eq(p->indicators[0].n_targets, 2);
	ck_assert_int_eq(p->indicators[0].targets[0].wave, 1);
	ck_assert_double_eq(p->indicators[0].targets[0].value, 50);
	ck_assert_int_eq(p->indicators[0].targets[1].wave, 2);
	ck_assert_double_eq(p->indicators[0].targets[1].value, 70);
	ck_assert_int_eq(p->indicators[0].pos.line, 10);
	ck_assert_int_eq(p->indicators[0].pos.column, 5);

	ck_assert_int_eq(p->indicators[1].kind, INDICATOR_REDUCTION);
	ck_assert_int_eq(p->indicators[1].baseline, 0);
	ck_assert_int_eq(p->indicators[1].targets[0].wave, 1);
	ck_assert_double_eq(p->indicators[1].targets[1].value, 50.5);

	ck_assert_int_eq(p->indicators[2].kind, INDICATOR_PARTICIPATION);
	ck_assert_int_eq(p->indicators[2].n_surveys, 1);
	ck_assert_str_eq(p->indicators[2].surveys[0], "parents");
	ck_assert_ptr_null(p->indicators[2].scale);
	ck_assert_int_eq(p->indicators[2].n_levels, 0);
	ck_assert_str_eq(p->indicators[2].expected, "parents");
	ck_assert_int_eq(p->indicators[2].baseline, -1);
	program_free(p);
	free(path);
	diag_clear(&diag);
}
END_TEST

/* Without a survey set the references are not checked. */
START_TEST(test_no_surveys)
{
	Diag diag = { 0 };
	Program *p = load_text("id: p\ntitle: P\nwaves: [a]\nindicators:\n"
	                       "  - {id: x, title: X, kind: share, survey: nosuch, scale: s,"
	                       " levels: [l]}\n",
	                       NULL, &diag);

	ck_assert_int_eq(diag.n, 0);
	ck_assert_ptr_nonnull(p);
	ck_assert_int_eq(p->indicators[0].n_surveys, 1);
	ck_assert_str_eq(p->indicators[0].surveys[0], "nosuch");
	program_free(p);
}
END_TEST

START_TEST(test_reference_errors)
{
	static const char yaml[] = "id: p\n"
	                           "title: P\n"
	                           "waves: [start, final]\n"
	                           "indicators:\n"
	                           "  - {id: a, title: A, kind: share, survey: nosuch, scale: s,"
	                           " levels: [l]}\n"
	                           "  - {id: b, title: B, kind: share, survey: full-test_1,"
	                           " scale: nope, levels: [high]}\n"
	                           "  - {id: c, title: C, kind: share, survey: full-test_1,"
	                           " scale: part, levels: [high, middle]}\n"
	                           "  - id: d\n"
	                           "    title: D\n"
	                           "    kind: reduction\n"
	                           "    survey: full-test_1\n"
	                           "    scale: part\n"
	                           "    levels: [low]\n"
	                           "    baseline: begin\n"
	                           "    targets: {final: 50, finale: 60}\n"
	                           "  - {id: e, title: E, kind: participation, survey: full-test_1,"
	                           " expected: parents}\n";
	static const TestProblem want[] = {
		{ 5, 5, "indicator a: unknown survey «nosuch»" },
		{ 6, 5, "indicator b: survey full-test_1 has no scale «nope»" },
		{ 7, 5, "indicator c: scale part of survey full-test_1 has no level «middle»" },
		/* "    baseline: " is 14 columns: the value starts at 15. */
		{ 14, 15, "indicator d: unknown wave «begin»" },
		/* "    targets: {final: 50, " is 25 columns. */
		{ 15, 26, "indicator d: unknown wave «finale»" },
		{ 16, 5, "indicator e: survey full-test_1 is not for parents" },
	};

	expect_refused(yaml, want, N(want));
}
END_TEST

/* Adds a one-question student survey with a scale "part" whose levels
 * are the given ids (two bands) to the fixture set. */
static void
add_survey(const char *id, const char *level_a, const char *level_b)
{
	Diag diag = { 0 };
	char *text = xasprintf("id: %s\nversion: 1\ntitle: T\naudience: [student]\n"
	                       "source: S\nlicense: original\nquestions:\n"
	                       "  - {id: q1, type: yesno, text: Q,"
	                       " options: [{label: A, score: 1}, {label: B, score: 0}]}\n"
	                       "scales:\n"
	                       "  - id: part\n    title: P\n    items: [q1]\n    method: sum\n"
	                       "    levels:\n"
	                       "      - {id: %s, label: A, min: 1, max: 1}\n"
	                       "      - {id: %s, label: B, min: 0, max: 0}\n",
	                       id, level_a, level_b);
	char *path = testutil_temp_file("s.yaml", text);
	Survey *survey = survey_load(path, &diag);

	diag_print(&diag, stderr);
	ck_assert_ptr_nonnull(survey);
	survey_set_add(&fixtures, survey);
	testutil_temp_remove(path);
	free(text);
}

/* survey: a list, in flow and in block style; both surveys have scale part
 * with levels high and low. */
START_TEST(test_survey_list)
{
	Diag diag = { 0 };
	Program *p;

	add_survey("twin", "high", "low");
	p = load_text("id: p\n"
	              "title: P\n"
	              "waves: [start]\n"
	              "indicators:\n"
	              "  - {id: a, title: A, kind: share, survey: [full-test_1, twin],"
	              " scale: part, levels: [high]}\n"
	              "  - id: b\n"
	              "    title: B\n"
	              "    kind: reduction\n"
	              "    baseline: start\n"
	              "    scale: part\n"
	              "    levels: [low]\n"
	              "    survey:\n"
	              "      - twin\n"
	              "      - full-test_1\n"
	              "  - {id: c, title: C, kind: share, survey: [twin], scale: part,"
	              " levels: [low]}\n",
	              &fixtures, &diag);
	diag_print(&diag, stderr);
	ck_assert_int_eq(diag.n, 0);
	ck_assert_ptr_nonnull(p);
	ck_assert_int_eq(p->indicators[0].n_surveys, 2);
	ck_assert_str_eq(p->indicators[0].surveys[0], "full-test_1");
	ck_assert_str_eq(p->indicators[0].surveys[1], "twin");
	/* "  - {id: a, title: A, kind: share, survey: [" is 44 columns. */
	ck_assert_int_eq(p->indicators[0].survey_pos[0].line, 5);
	ck_assert_int_eq(p->indicators[0].survey_pos[0].column, 45);
	/* ... then "full-test_1, " is 13 more: 58. */
	ck_assert_int_eq(p->indicators[0].survey_pos[1].column, 58);
	ck_assert_int_eq(p->indicators[1].n_surveys, 2);
	ck_assert_str_eq(p->indicators[1].surveys[0], "twin");
	ck_assert_str_eq(p->indicators[1].surveys[1], "full-test_1");
	/* "      - " is 8 columns. */
	ck_assert_int_eq(p->indicators[1].survey_pos[1].line, 14);
	ck_assert_int_eq(p->indicators[1].survey_pos[1].column, 9);
	ck_assert_int_eq(p->indicators[2].n_surveys, 1);
	ck_assert_str_eq(p->indicators[2].surveys[0], "twin");
	program_free(p);
}
END_TEST

/* Every listed survey must have the scale and each level; each one lacking
 * them is reported at its place in the list. */
START_TEST(test_survey_list_errors)
{
	static const char yaml[] =
	    "id: p\n"
	    "title: P\n"
	    "waves: [start]\n"
	    "indicators:\n"
	    "  - {id: a, title: A, kind: share, survey: [full-test_1, parents, other],"
	    " scale: part, levels: [high, low]}\n"
	    "  - {id: b, title: B, kind: share, survey: [], scale: part, levels: [low]}\n"
	    "  - {id: c, title: C, kind: participation, survey: [parents, parents, nosuch],"
	    " expected: parents}\n"
	    "  - {id: d, title: D, kind: participation, survey: [parents, other],"
	    " expected: parents}\n"
	    "  - {id: e, title: E, kind: share, survey: {a: b}, scale: part,"
	    " levels: [low]}\n"
	    "  - {id: f, title: F, kind: share, survey: [other, [x]], scale: part,"
	    " levels: [low]}\n";
	static const TestProblem want[] = {
		/* Line 5: "  - {id: a, title: A, kind: share, survey: [full-test_1, " is 57
		 * columns: parents at 58, other 9 later at 67. full-test_1 has both. */
		{ 5, 58, "indicator a: survey parents has no scale «part»" },
		{ 5, 67, "indicator a: scale part of survey other has no level «high»" },
		/* "  - {id: b, title: B, kind: share, survey: " is 43 columns. */
		{ 6, 44, "indicator b: the field «survey» is an empty list" },
		/* "  - {id: c, title: C, kind: participation, survey: [parents, " is 61
		 * columns; nosuch follows "parents, " 9 later at 71. */
		{ 7, 62, "indicator c: the survey «parents» is listed twice" },
		{ 7, 71, "indicator c: unknown survey «nosuch»" },
		/* "  - {id: d, title: D, kind: participation, survey: [parents, " is 61 too. */
		{ 8, 62, "indicator d: survey other is not for parents" },
		/* "  - {id: e, title: E, kind: share, survey: " is 43 columns. */
		{ 9, 44, "indicator e: the field «survey» must be a survey id or a list" },
		/* "  - {id: f, title: F, kind: share, survey: [other, " is 51 columns. */
		{ 10, 52, "indicator f: the field «survey» must be text" },
	};

	add_survey("other", "top", "low");
	expect_refused(yaml, want, N(want));
}
END_TEST

START_TEST(test_fields_per_kind)
{
	static const char yaml[] = "id: p\n"
	                           "title: P\n"
	                           "waves: [start, final, start]\n"
	                           "indicators:\n"
	                           "  - {id: a, title: A, kind: share, survey: full-test_1}\n"
	                           "  - {id: b, title: B, kind: reduction, survey: full-test_1,"
	                           " scale: part, levels: [low], targets: {final: 120}}\n"
	                           "  - {id: c, title: C, kind: participation, survey: parents,"
	                           " scale: part, baseline: start}\n"
	                           "  - {id: a, title: D, kind: count, survey: parents}\n"
	                           "  - {id: e, title: E, kind: participation, survey: parents,"
	                           " expected: teachers}\n";
	static const TestProblem want[] = {
		{ 3, 23, "the wave «start» is listed twice" },
		{ 5, 5, "indicator a: the field «scale» is missing" },
		{ 5, 5, "indicator a: the field «levels» is missing" },
		{ 6, 5, "indicator b: the field «baseline» is missing" },
		/* Columns: the text before "120" on line 6 is 105 characters long, before
		 * "part" on line 7 67, before "start" 83, before "teachers" on line 9 70. */
		{ 6, 106, "indicator b: a target is a percent from 0 to 100" },
		{ 7, 5, "indicator c: the field «expected» is missing" },
		{ 7, 68, "indicator c: a participation indicator counts" },
		{ 7, 84, "indicator c: the field «baseline» is only for" },
		{ 8, 5, "the indicator id «a» is used twice (also at line 5)" },
		/* "  - {id: a, title: D, kind: count, survey: " is 43 columns. */
		{ 8, 44,
		  "indicator a: an indicator of kind count is entered by the psychologist and "
		  "has no «survey»" },
		{ 9, 71, "indicator e: unknown «expected» value «teachers»" },
	};

	expect_refused(yaml, want, N(want));
}
END_TEST

START_TEST(test_bad_file)
{
	static const TestProblem typo[] = {
		/* "  - {id: x, title: X, kind: participation, survey: parents,
		 * expected: parents, " is 79 columns. */
		{ 5, 80, "indicator x: unknown field «targts»; did you mean «targets»?" },
	};
	static const TestProblem empty[] = {
		{ 1, 5, "the programme id «P!» may hold only" },
		{ 3, 8, "the field «waves» is empty" },
		{ 4, 13, "the field «indicators» must be a list" },
	};
	Diag diag = { 0 };

	expect_refused("id: p\ntitle: P\nwaves: [a]\nindicators:\n"
	               "  - {id: x, title: X, kind: participation, survey: parents,"
	               " expected: parents, targts: {a: 1}}\n",
	               typo, N(typo));
	ck_assert_ptr_null(load_text("- just\n- a list\n", &fixtures, &diag));
	ck_assert(testutil_has_problem(&diag, 1, 1, "the file must be a YAML mapping"));
	diag_clear(&diag);
	ck_assert_ptr_null(load_text("id: p\ntitle: [P\n", &fixtures, &diag));
	ck_assert_int_eq(diag.n, 1);
	ck_assert(strstr(diag.entries[0].message, "this is not valid YAML") != NULL);
	diag_clear(&diag);
	expect_refused("id: P!\ntitle: P\nwaves: []\nindicators: {}\n", empty, N(empty));
}
END_TEST

/* The kinds the psychologist enters, each with its own form of target. */
START_TEST(test_entered_kinds)
{
	Diag diag = { 0 };
	Program *p = load_text("id: p\ntitle: P\nwaves: [base, mid, end]\nindicators:\n"
	                       "  - {id: \"2.1\", title: E, kind: count,"
	                       " targets: {mid: \"+2\", end: 9}}\n"
	                       "  - {id: \"2.2\", title: P, kind: entered_share, expected: parents,"
	                       " targets: {mid: 70}}\n"
	                       "  - {id: \"3.1\", title: T, kind: entered_share}\n"
	                       "  - {id: \"5.1\", title: N, kind: yesno,"
	                       " targets: {mid: да, end: нет}}\n",
	                       &fixtures, &diag);
	const Indicator *ind;

	diag_print(&diag, stderr);
	ck_assert_int_eq(diag.n, 0);
	ck_assert_ptr_nonnull(p);
	ind = program_find_indicator(p, "2.1");
	ck_assert_int_eq(ind->kind, INDICATOR_COUNT);
	ck_assert(program_kind_entered(ind->kind));
	ck_assert_int_eq(ind->n_surveys, 0);
	ck_assert_int_eq(ind->targets[0].wave, 1);
	ck_assert_int_eq(ind->targets[0].form, TARGET_PLUS);
	ck_assert_double_eq(ind->targets[0].value, 2);
	ck_assert_int_eq(ind->targets[1].form, TARGET_COUNT);
	ck_assert_double_eq(ind->targets[1].value, 9);
	ind = program_find_indicator(p, "2.2");
	ck_assert_int_eq(ind->kind, INDICATOR_ENTERED_SHARE);
	ck_assert_str_eq(ind->expected, "parents");
	ck_assert_int_eq(ind->targets[0].form, TARGET_PERCENT);
	ck_assert_ptr_null(program_find_indicator(p, "3.1")->expected);
	ind = program_find_indicator(p, "5.1");
	ck_assert_int_eq(ind->kind, INDICATOR_YESNO);
	ck_assert_int_eq(ind->targets[0].form, TARGET_YESNO);
	ck_assert_double_eq(ind->targets[0].value, 1);
	ck_assert_double_eq(ind->targets[1].value, 0);
	ck_assert_ptr_null(program_find_indicator(p, "9.9"));
	ck_assert(!program_kind_entered(INDICATOR_SHARE));
	ck_assert_str_eq(program_kind_name(INDICATOR_ENTERED_SHARE), "entered_share");
	program_free(p);
}
END_TEST

/* What anketa check says about entered indicators and their targets. */
START_TEST(test_entered_errors)
{
	static const char yaml[] =
	    "id: p\n"
	    "title: P\n"
	    "waves: [base, mid, end]\n"
	    "indicators:\n"
	    "  - {id: a, title: A, kind: count, targets: {mid: 2.5, end: \"+-1\"}}\n"
	    "  - {id: b, title: B, kind: count, targets: {base: 5, end: да}}\n"
	    "  - {id: c, title: C, kind: share, survey: full-test_1, scale: part,"
	    " levels: [high], targets: {mid: \"+2\"}}\n"
	    "  - {id: d, title: D, kind: yesno, targets: {mid: 50}}\n"
	    "  - {id: e, title: E, kind: entered_share, scale: part,"
	    " levels: [high], expected: teachers}\n"
	    "  - {id: f, title: F, kind: yesno, expected: parents}\n"
	    "  - {id: g, title: G, kind: entered_share, targets: {end: \"+5\"}}\n";
	static const TestProblem want[] = {
		/* "  - {id: a, title: A, kind: count, targets: {mid: " is 50 columns. */
		{ 5, 51, "indicator a: a count's target is a whole number (7), or \"+N\"" },
		/* ... "2.5, end: " 10 more. */
		{ 5, 61, "indicator a: a count's target is a whole number (7), or \"+N\"" },
		/* "  - {id: b, title: B, kind: count, targets: {" is 45 columns. */
		{ 6, 46, "indicator b: the first wave «base» is the baseline and has no target" },
		{ 6, 60, "indicator b: a count's target is a whole number" },
		/* "...levels: [high], targets: {mid: " ends at column 100. */
		{ 7, 101,
		  "indicator c: «+2» is a count's target (the planned number plus N); the "
		  "target of an indicator of kind share is a percent" },
		/* "  - {id: d, title: D, kind: yesno, targets: {mid: " is 50 columns. */
		{ 8, 51, "indicator d: a yes/no indicator's target is да or нет, not «50»" },
		/* "  - {id: e, title: E, kind: entered_share, scale: " is 50 columns. */
		{ 9, 51,
		  "indicator e: an indicator of kind entered_share is entered by the "
		  "psychologist and has no «scale»" },
		{ 9, 65,
		  "indicator e: an indicator of kind entered_share is entered by the "
		  "psychologist and has no «levels»" },
		{ 9, 83, "indicator e: unknown «expected» value «teachers»" },
		/* "  - {id: f, title: F, kind: yesno, expected: " is 45 columns. */
		{ 10, 46,
		  "indicator f: the field «expected» is only for participation and entered "
		  "share indicators" },
		/* "  - {id: g, title: G, kind: entered_share, targets: {end: " is 58 columns. */
		{ 11, 59, "indicator g: «+5» is a count's target" },
	};

	expect_refused(yaml, want, N(want));
}
END_TEST

/* min_change: percentage points on a kind whose figure is a share. */
START_TEST(test_min_change)
{
	static const char yaml[] = "id: p\n"
	                           "title: P\n"
	                           "waves: [base, end]\n"
	                           "indicators:\n"
	                           "  - {id: a, title: A, kind: entered_share, min_change: 10}\n"
	                           "  - {id: b, title: B, kind: count, min_change: 10}\n"
	                           "  - {id: c, title: C, kind: entered_share, min_change: 0}\n"
	                           "  - {id: d, title: D, kind: yesno, min_change: 5}\n"
	                           "  - {id: e, title: E, kind: entered_share, min_change: much}\n";
	static const TestProblem want[] = {
		/* "  - {id: b, title: B, kind: count, min_change: " is 47 columns. */
		{ 6, 48,
		  "indicator b: «min_change» is the least rise of a share, in percentage "
		  "points; an indicator of kind count has no such change" },
		/* "  - {id: c, title: C, kind: entered_share, min_change: " is 55 columns. */
		{ 7, 56,
		  "indicator c: «min_change» is in percentage points, above 0 and up to "
		  "100, not 0" },
		{ 8, 48, "indicator d: «min_change» is the least rise of a share" },
		{ 9, 56, "indicator e: the field «min_change» must be a number" },
	};
	Diag diag = { 0 };
	Program *p = load_text("id: p\ntitle: P\nwaves: [base, end]\nindicators:\n"
	                       "  - {id: a, title: A, kind: entered_share, min_change: 12.5}\n",
	                       &fixtures, &diag);

	ck_assert_int_eq(diag.n, 0);
	ck_assert(p->indicators[0].has_min_change);
	ck_assert_double_eq(p->indicators[0].min_change, 12.5);
	program_free(p);
	expect_refused(yaml, want, N(want));
}
END_TEST

/* min_n: the programme's (default 5) for shares and reductions, an
 * indicator's own over it; other kinds have none. */
START_TEST(test_min_n)
{
	static const char yaml[] = "id: p\n"
	                           "title: P\n"
	                           "waves: [base, end]\n"
	                           "min_n: 0\n"
	                           "indicators:\n"
	                           "  - {id: a, title: A, kind: entered_share, min_n: 3}\n"
	                           "  - {id: b, title: B, kind: share, survey: full-test_1,"
	                           " scale: part, levels: [high], min_n: many}\n";
	static const TestProblem want[] = {
		{ 4, 8, "the field «min_n» must be a whole number from 1 to 10000" },
		/* "  - {id: a, title: A, kind: entered_share, min_n: " is 50 columns. */
		{ 6, 51, "indicator a: «min_n» is the fewest respondents of a questionnaire" },
		{ 7, 93, "indicator b: the field «min_n» must be a whole number" },
	};
	Diag diag = { 0 };
	Program *p = load_text("id: p\ntitle: P\nwaves: [base, end]\nindicators:\n"
	                       "  - {id: a, title: A, kind: share, survey: full-test_1,"
	                       " scale: part, levels: [high]}\n"
	                       "  - {id: b, title: B, kind: reduction, survey: full-test_1,"
	                       " scale: part, levels: [low], baseline: base, min_n: 12}\n"
	                       "  - {id: c, title: C, kind: entered_share}\n",
	                       &fixtures, &diag);

	ck_assert_int_eq(diag.n, 0);
	ck_assert_int_eq(p->min_n, 5);
	ck_assert_int_eq(p->indicators[0].min_n, 5);
	ck_assert_int_eq(p->indicators[1].min_n, 12);
	ck_assert_int_eq(p->indicators[2].min_n, 0);
	program_free(p);
	p = load_text("id: p\ntitle: P\nwaves: [base]\nmin_n: 8\nindicators:\n"
	              "  - {id: a, title: A, kind: share, survey: full-test_1, scale: part,"
	              " levels: [high]}\n",
	              &fixtures, &diag);
	ck_assert_int_eq(p->indicators[0].min_n, 8);
	program_free(p);
	expect_refused(yaml, want, N(want));
}
END_TEST

/* waves: an id or a mapping {id, title}; the first wave is the baseline
 * and takes no target. */
START_TEST(test_wave_errors)
{
	static const char yaml[] = "id: p\n"
	                           "title: P\n"
	                           "waves:\n"
	                           "  - {id: start, title: Исходные данные}\n"
	                           "  - {id: mid}\n"
	                           "  - {title: Без id}\n"
	                           "  - {id: end, title: Итог, when: may}\n"
	                           "  - [x]\n"
	                           "  - {id: start, title: Ещё раз}\n"
	                           "indicators:\n"
	                           "  - {id: a, title: A, kind: share, survey: full-test_1,"
	                           " scale: part, levels: [high], targets: {start: 50, end: 70}}\n";
	static const TestProblem want[] = {
		{ 5, 5, "the field «title» is missing" },
		{ 6, 5, "the field «id» is missing" },
		/* "  - {id: end, title: Итог, " is 27 characters. */
		{ 7, 28, "unknown field «when»" },
		{ 8, 5, "the field «waves» must be text" },
		{ 9, 5, "the wave «start» is listed twice" },
		/* The text before "start" on line 11 is 95 characters long. */
		{ 11, 96, "indicator a: the first wave «start» is the baseline and has no target" },
	};

	expect_refused(yaml, want, N(want));
}
END_TEST

/* The waves of several programmes: programme order, each id once, the
 * first programme's title. */
START_TEST(test_waves_union)
{
	Diag diag = { 0 };
	Program *ps[2];
	ProgramWave *all;
	int n;

	ps[0] = load_text("id: a\ntitle: A\nwaves: [{id: start, title: Начало}, final]\n"
	                  "indicators: []\n",
	                  &fixtures, &diag);
	ps[1] = load_text("id: b\ntitle: B\nwaves: [autumn, {id: start, title: Старт}, "
	                  "{id: spring, title: Весна}]\nindicators: []\n",
	                  &fixtures, &diag);
	ck_assert_int_eq(diag.n, 0);
	all = program_waves_union(ps, 2, &n);
	ck_assert_int_eq(n, 4);
	ck_assert_str_eq(all[0].id, "start");
	ck_assert_str_eq(all[0].title, "Начало");
	ck_assert_str_eq(all[1].id, "final");
	ck_assert_str_eq(all[1].title, "final");
	ck_assert_str_eq(all[2].id, "autumn");
	ck_assert_str_eq(all[3].id, "spring");
	ck_assert_str_eq(all[3].title, "Весна");
	ck_assert_str_eq(program_wave_title(ps, 2, "start"), "Начало");
	ck_assert_str_eq(program_wave_title(ps, 2, "spring"), "Весна");
	ck_assert_str_eq(program_wave_title(ps, 2, "winter"), "winter");
	free(all);
	ck_assert_ptr_null(program_waves_union(ps, 0, &n));
	ck_assert_int_eq(n, 0);
	program_free(ps[0]);
	program_free(ps[1]);
}
END_TEST

static Suite *
program_suite(void)
{
	Suite *s = suite_create("program");
	TCase *tc = tcase_create("load");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_full_programme);
	tcase_add_test(tc, test_no_surveys);
	tcase_add_test(tc, test_reference_errors);
	tcase_add_test(tc, test_survey_list);
	tcase_add_test(tc, test_survey_list_errors);
	tcase_add_test(tc, test_fields_per_kind);
	tcase_add_test(tc, test_bad_file);
	tcase_add_test(tc, test_wave_errors);
	tcase_add_test(tc, test_entered_kinds);
	tcase_add_test(tc, test_entered_errors);
	tcase_add_test(tc, test_min_change);
	tcase_add_test(tc, test_min_n);
	tcase_add_test(tc, test_waves_union);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return testutil_run(program_suite());
}
