/*
 * test_indicator.c: the programme indicator table (DESIGN.md section 5).
 * Programmes, surveys and scored sittings are built by hand; every expected
 * count and percentage is worked out in a comment.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "indicator.h"
#include "testbuild.h"
#include "testutil.h"

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))
#define EPS  1e-9

/* Level indexes of the "motivation" scale built below. */
enum { HIGH, MEDIUM, LOW };

static const ScaleResult R_HIGH[] = { { true, 25, HIGH, 10 } };
static const ScaleResult R_MEDIUM[] = { { true, 15, MEDIUM, 10 } };
static const ScaleResult R_LOW[] = { { true, 5, LOW, 10 } };
static const ScaleResult R_NONE[] = { { false, 0, -1, 2 } }; /* not enough answers */

/* ---- builders ---- */

/* A survey "mot" with one scale "motivation": levels high, medium, low. */
static Survey *
build_survey(void)
{
	Survey *s = testbuild_survey("mot");

	testbuild_levels(s, testbuild_scale(s, "motivation", SCALE_SUM, 0), "high medium low");
	return s;
}

/*
 * A second survey "sen" sharing the scale "motivation" and its level ids
 * with "mot", as school_attitude_senior does with the primary one, but at
 * another place: scale 0 is "total" (no levels), scale 1 "motivation" with
 * its levels in the order low, medium, high.
 */
enum { S_LOW, S_MEDIUM, S_HIGH };

static const ScaleResult S_R_HIGH[] = { { true, 9, -1, 10 }, { true, 25, S_HIGH, 10 } };
static const ScaleResult S_R_MEDIUM[] = { { true, 9, -1, 10 }, { true, 15, S_MEDIUM, 10 } };
static const ScaleResult S_R_LOW[] = { { true, 9, -1, 10 }, { true, 5, S_LOW, 10 } };
static const ScaleResult S_R_NONE[] = { { false, 0, -1, 2 }, { false, 0, -1, 2 } };

static Survey *
build_survey_senior(void)
{
	Survey *s = testbuild_survey("sen");

	testbuild_scale(s, "total", SCALE_SUM, 0);
	testbuild_levels(s, testbuild_scale(s, "motivation", SCALE_SUM, 0), "low medium high");
	return s;
}

/* A programme with waves start, interim, final and no indicators yet. */
static Program *
build_program(void)
{
	return testbuild_program("shnor", "start interim final");
}

/* Every test starts from the two surveys above, the programme (its
 * indicators are each test's own) and no table yet. */
static Survey *mot, *sen;
static Program *prog;
static IndicatorTable table;

static void
setup(void)
{
	mot = build_survey();
	sen = build_survey_senior();
	prog = build_program();
	memset(&table, 0, sizeof table);
}

static void
teardown(void)
{
	indicator_table_free(&table);
	program_free(prog);
	survey_free(sen);
	survey_free(mot);
}

/* A completed sitting of survey "mot". */
static IndicatorSitting
sit(const char *wave, const char *klass, const char *code, const char *at, const ScaleResult *r)
{
	return (IndicatorSitting){ wave, klass, code, "mot", at, mot, r };
}

/* indicator_compute() of prog over these sittings and class list into
 * table. */
static void
compute(const IndicatorSitting *sittings, int n_sittings, const ClassSize *sizes, int n_sizes)
{
	IndicatorInput in = { .sittings = sittings,
		              .n_sittings = n_sittings,
		              .classes = sizes,
		              .n_classes = n_sizes };

	indicator_compute(prog, &in, &table);
}

/* The row of the table for this indicator, wave and class. */
static const IndicatorRow *
find_row(const char *ind, const char *wave, const char *klass)
{
	for (int i = 0; i < table.n; i++)
		if (strcmp(table.rows[i].indicator_id, ind) == 0 &&
		    strcmp(table.rows[i].wave, wave) == 0 &&
		    strcmp(table.rows[i].class_name, klass) == 0)
			return &table.rows[i];
	ck_abort_msg("no row %s/%s/%s", ind, wave, klass);
	return NULL;
}

#define ck_assert_row(row, n_, meeting_, percent_)                                                 \
	do {                                                                                       \
		ck_assert_int_eq((row)->n, (n_));                                                  \
		ck_assert_int_eq((row)->meeting, (meeting_));                                      \
		ck_assert((row)->has_percent);                                                     \
		ck_assert_double_eq_tol((row)->percent, (percent_), EPS);                          \
	} while (0)

#define ck_assert_row_empty(row, meeting_)                                                         \
	do {                                                                                       \
		ck_assert_int_eq((row)->n, 0);                                                     \
		ck_assert_int_eq((row)->meeting, (meeting_));                                      \
		ck_assert(!(row)->has_percent);                                                    \
	} while (0)

/* ---- share ---- */

START_TEST(test_share)
{
	/* start, 5А: high, medium, low and one without a value -> n = 3,
	 * meeting (high or medium) = 2, 66.67 %; 5Б: low -> n 1, meeting 0. */
	IndicatorSitting st[] = {
		sit("start", "5А", "a", "2026-09-15T10:00:00Z", R_HIGH),
		sit("start", "5А", "b", "2026-09-15T10:01:00Z", R_MEDIUM),
		sit("start", "5А", "c", "2026-09-15T10:02:00Z", R_LOW),
		sit("start", "5А", "d", "2026-09-15T10:03:00Z", R_NONE),
		sit("start", "5Б", "a", "2026-09-15T10:04:00Z", R_LOW),
	};
	const IndicatorRow *r;

	testbuild_indicator(prog, "1.2", INDICATOR_SHARE, "mot", "motivation", "high medium");
	testbuild_target(prog, 0, 0, 50);
	testbuild_target(prog, 0, 2, 70);
	compute(st, N(st), NULL, 0);
	/* 3 waves x (2 classes + "*") */
	ck_assert_int_eq(table.n, 9);
	r = find_row("1.2", "start", "5А");
	ck_assert_row(r, 3, 2, 200.0 / 3); /* 100 * 2 / 3 = 66.666... */
	ck_assert(r->has_target && r->has_met && r->met);
	ck_assert_double_eq(r->target, 50);
	ck_assert(!r->has_change);
	r = find_row("1.2", "start", "5Б");
	ck_assert_row(r, 1, 0, 0.0);
	ck_assert(r->has_met && !r->met);
	/* "*": n = 3 + 1 = 4, meeting = 2 + 0 = 2, 50 % >= target 50: met. */
	r = find_row("1.2", "start", "*");
	ck_assert_row(r, 4, 2, 50.0);
	ck_assert(r->has_met && r->met);
	/* interim: nobody, no target -> no percent, no target, no met. */
	r = find_row("1.2", "interim", "*");
	ck_assert_row_empty(r, 0);
	ck_assert(!r->has_target && !r->has_met);
	/* final: a target but n = 0 -> no met either. */
	r = find_row("1.2", "final", "5А");
	ck_assert_row_empty(r, 0);
	ck_assert(r->has_target && !r->has_met);
}
END_TEST

START_TEST(test_share_just_below_target)
{
	IndicatorSitting st[3];
	const IndicatorRow *r;

	/* 2 of 3 meet: 66.666... < target 66.7 (not rounded up first): not met. */
	st[0] = sit("final", "5А", "", "2026-09-15T10:00:00Z", R_HIGH);
	st[1] = sit("final", "5А", "", "2026-09-15T10:00:00Z", R_HIGH);
	st[2] = sit("final", "5А", "", "2026-09-15T10:00:00Z", R_LOW);
	testbuild_indicator(prog, "1.2", INDICATOR_SHARE, "mot", "motivation", "high");
	testbuild_target(prog, 0, 2, 66.7);
	compute(st, N(st), NULL, 0);
	r = find_row("1.2", "final", "5А");
	ck_assert_row(r, 3, 2, 200.0 / 3);
	ck_assert(r->has_met && !r->met);
}
END_TEST

/* ---- who counts ---- */

START_TEST(test_latest_completed_sitting)
{
	IndicatorSitting st[] = {
		/* r1 in 5А at start: low at 10:00, then high at 11:00 (given first
		 * in the input to show that time, not order, decides); a later
		 * sitting that was never completed is ignored -> counts once, high. */
		sit("start", "5А", "r1", "2026-09-15T11:00:00Z", R_HIGH),
		sit("start", "5А", "r1", "2026-09-15T10:00:00Z", R_LOW),
		sit("start", "5А", "r1", NULL, R_LOW),
		/* r1 in 5Б is another person: counts too (low). */
		sit("start", "5Б", "r1", "2026-09-15T09:00:00Z", R_LOW),
		/* r1 in 5А at final is the same person in another wave: counts. */
		sit("final", "5А", "r1", "2026-12-15T09:00:00Z", R_LOW),
		/* r2: two sittings with the same time: the later in the input wins. */
		sit("start", "5А", "r2", "2026-09-15T12:00:00Z", R_LOW),
		sit("start", "5А", "r2", "2026-09-15T12:00:00Z", R_HIGH),
		/* r3: the latest has no value, so r3 is not in n at all, even
		 * though an earlier sitting had one. */
		sit("start", "5А", "r3", "2026-09-15T08:00:00Z", R_HIGH),
		sit("start", "5А", "r3", "2026-09-15T13:00:00Z", R_NONE),
	};

	testbuild_indicator(prog, "1.2", INDICATOR_SHARE, "mot", "motivation", "high");
	compute(st, N(st), NULL, 0);
	/* 5А start: r1 high, r2 high -> n 2, meeting 2. */
	ck_assert_row(find_row("1.2", "start", "5А"), 2, 2, 100.0);
	ck_assert_row(find_row("1.2", "start", "5Б"), 1, 0, 0.0);
	ck_assert_row(find_row("1.2", "final", "5А"), 1, 0, 0.0);
	/* "*" at start: n = 2 + 1 = 3, meeting 2. */
	ck_assert_row(find_row("1.2", "start", "*"), 3, 2, 200.0 / 3);
}
END_TEST

START_TEST(test_empty_codes_count_each)
{
	/* Three sittings without a code (one with a NULL code) are three
	 * respondents, even with the same time: n 3, meeting 2. */
	IndicatorSitting st[] = {
		sit("start", "5А", "", "2026-09-15T10:00:00Z", R_HIGH),
		sit("start", "5А", "", "2026-09-15T10:00:00Z", R_HIGH),
		sit("start", "5А", NULL, "2026-09-15T10:00:00Z", R_LOW),
	};

	testbuild_indicator(prog, "1.2", INDICATOR_SHARE, "mot", "motivation", "high");
	compute(st, N(st), NULL, 0);
	ck_assert_row(find_row("1.2", "start", "5А"), 3, 2, 200.0 / 3);
}
END_TEST

START_TEST(test_ignored_sittings)
{
	IndicatorSitting st[] = {
		sit("start", "5А", "a", "2026-09-15T10:00:00Z", R_HIGH),
		/* not completed */
		sit("start", "5А", "b", NULL, R_HIGH),
		sit("start", "5А", "", NULL, R_HIGH),
		/* a wave the programme does not have */
		sit("pilot", "5А", "c", "2026-09-15T10:00:00Z", R_HIGH),
		/* another survey */
		sit("start", "5А", "d", "2026-09-15T10:00:00Z", R_HIGH),
	};

	st[4].survey_id = "other";
	testbuild_indicator(prog, "1.2", INDICATOR_SHARE, "mot", "motivation", "high");
	compute(st, N(st), NULL, 0);
	ck_assert_row(find_row("1.2", "start", "5А"), 1, 1, 100.0);
	ck_assert_row(find_row("1.2", "start", "*"), 1, 1, 100.0);
}
END_TEST

/* ---- reduction ---- */

START_TEST(test_reduction)
{
	IndicatorSitting st[] = {
		/* start 5А: 2 of 4 at risk (low) = 50 %; 5Б: 0 of 1 = 0 %. */
		sit("start", "5А", "", "2026-09-15T10:00:00Z", R_LOW),
		sit("start", "5А", "", "2026-09-15T10:00:00Z", R_LOW),
		sit("start", "5А", "", "2026-09-15T10:00:00Z", R_HIGH),
		sit("start", "5А", "", "2026-09-15T10:00:00Z", R_HIGH),
		sit("start", "5Б", "", "2026-09-15T10:00:00Z", R_HIGH),
		/* interim 5А: 1 of 4 = 25 %; 5Б: 1 of 1 = 100 %. */
		sit("interim", "5А", "", "2027-01-15T10:00:00Z", R_LOW),
		sit("interim", "5А", "", "2027-01-15T10:00:00Z", R_HIGH),
		sit("interim", "5А", "", "2027-01-15T10:00:00Z", R_HIGH),
		sit("interim", "5А", "", "2027-01-15T10:00:00Z", R_MEDIUM),
		sit("interim", "5Б", "", "2027-01-15T10:00:00Z", R_LOW),
		/* final 5А: 1 of 3 = 33.3 %; 5Б: nobody. */
		sit("final", "5А", "", "2027-05-15T10:00:00Z", R_LOW),
		sit("final", "5А", "", "2027-05-15T10:00:00Z", R_HIGH),
		sit("final", "5А", "", "2027-05-15T10:00:00Z", R_HIGH),
	};
	const IndicatorRow *r;
	int ind;

	ind = testbuild_indicator(prog, "4.1", INDICATOR_REDUCTION, "mot", "motivation", "low");
	prog->indicators[ind].baseline = 0;
	testbuild_target(prog, ind, 1, 30);
	testbuild_target(prog, ind, 2, 50);
	compute(st, N(st), NULL, 0);

	/* The baseline itself: change 0 (its share is above 0), no target. */
	r = find_row("4.1", "start", "5А");
	ck_assert_row(r, 4, 2, 50.0);
	ck_assert(r->has_change);
	ck_assert_double_eq_tol(r->change, 0, EPS);
	ck_assert(!r->has_target && !r->has_met);
	/* interim 5А: 100 * (50 - 25) / 50 = 50 >= 30: met. */
	r = find_row("4.1", "interim", "5А");
	ck_assert_row(r, 4, 1, 25.0);
	ck_assert(r->has_change);
	ck_assert_double_eq(r->change, 50); /* exact, not 49.99... */
	ck_assert(r->has_met && r->met);
	/* final 5А: 100 * (50 - 33.33) / 50 = 33.33 < 50: not met. */
	r = find_row("4.1", "final", "5А");
	ck_assert_row(r, 3, 1, 100.0 / 3);
	ck_assert(r->has_change);
	ck_assert_double_eq_tol(r->change, 100.0 / 3, EPS);
	ck_assert(r->has_met && !r->met);
	/* 5Б: the baseline share is 0, so no change (and no met) anywhere:
	 * there is nothing to reduce (said after the baseline itself). */
	r = find_row("4.1", "start", "5Б");
	ck_assert_row(r, 1, 0, 0.0);
	ck_assert(!r->has_change && !r->has_met && !r->nothing_to_reduce);
	r = find_row("4.1", "interim", "5Б");
	ck_assert_row(r, 1, 1, 100.0);
	ck_assert(!r->has_change && r->has_target && !r->has_met && r->nothing_to_reduce);
	ck_assert(!find_row("4.1", "interim", "5А")->nothing_to_reduce);
	/* A reduction has no change in points. */
	ck_assert(!r->has_change_pp && !r->has_positive);
	/* 5Б final: no share at all -> no change. */
	r = find_row("4.1", "final", "5Б");
	ck_assert_row_empty(r, 0);
	ck_assert(!r->has_change && !r->has_met);
	/* "*": start 2/5 = 40 %; interim 2/5 = 40 % -> change 0 < 30, not met;
	 * final 1/3 -> 100 * (40 - 33.33) / 40 = 16.67, not met. */
	r = find_row("4.1", "interim", "*");
	ck_assert_row(r, 5, 2, 40.0);
	ck_assert(r->has_change && r->has_met && !r->met);
	ck_assert_double_eq_tol(r->change, 0, EPS);
	r = find_row("4.1", "final", "*");
	ck_assert_row(r, 3, 1, 100.0 / 3);
	ck_assert_double_eq_tol(r->change, 50.0 / 3, EPS);
	ck_assert(r->has_met && !r->met);
}
END_TEST

START_TEST(test_reduction_increase_is_negative)
{
	/* start 1 of 4 = 25 %, final 2 of 4 = 50 %: 100 * (25 - 50) / 25 = -100. */
	IndicatorSitting st[] = {
		sit("start", "5А", "", "x", R_LOW),  sit("start", "5А", "", "x", R_HIGH),
		sit("start", "5А", "", "x", R_HIGH), sit("start", "5А", "", "x", R_HIGH),
		sit("final", "5А", "", "y", R_LOW),  sit("final", "5А", "", "y", R_LOW),
		sit("final", "5А", "", "y", R_HIGH), sit("final", "5А", "", "y", R_HIGH),
	};
	const IndicatorRow *r;
	int ind;

	ind = testbuild_indicator(prog, "4.1", INDICATOR_REDUCTION, "mot", "motivation", "low");
	prog->indicators[ind].baseline = 0;
	testbuild_target(prog, ind, 2, 0);
	compute(st, N(st), NULL, 0);
	r = find_row("4.1", "final", "5А");
	ck_assert(r->has_change);
	ck_assert_double_eq(r->change, -100);
	ck_assert(r->has_met && !r->met);
}
END_TEST

/* ---- positive dynamics ---- */

/* The change of a share against the baseline in percentage points, with
 * its sign; min_change 10 says which counts as positive. */
START_TEST(test_change_pp)
{
	IndicatorSitting st[] = {
		/* start 5А: 1 of 4 high = 25 %. */
		sit("start", "5А", "", "t", R_HIGH),
		sit("start", "5А", "", "t", R_LOW),
		sit("start", "5А", "", "t", R_LOW),
		sit("start", "5А", "", "t", R_LOW),
		/* interim 5А: 1 of 3 = 33.33 %: +8.33 points < 10. */
		sit("interim", "5А", "", "t", R_HIGH),
		sit("interim", "5А", "", "t", R_LOW),
		sit("interim", "5А", "", "t", R_LOW),
		/* final 5А: 7 of 20 = 35 %: exactly +10 points: positive. */
		sit("final", "5А", "", "t", R_LOW),
	};
	IndicatorSitting all[32];
	const IndicatorRow *r;
	int n = 0, ind;

	for (int i = 0; i < N(st); i++)
		all[n++] = st[i];
	for (int i = 0; i < 19; i++)
		all[n++] = sit("final", "5А", "", "t", i < 7 ? R_HIGH : R_LOW);
	ind = testbuild_indicator(prog, "sd.1", INDICATOR_SHARE, "mot", "motivation", "high");
	prog->indicators[ind].has_min_change = true;
	prog->indicators[ind].min_change = 10;
	testbuild_indicator(prog, "sd.2", INDICATOR_SHARE, "mot", "motivation", "low");
	compute(all, n, NULL, 0);
	r = find_row("sd.1", "start", "5А");
	ck_assert(!r->has_change_pp && !r->has_positive); /* the baseline itself */
	r = find_row("sd.1", "interim", "5А");
	ck_assert(r->has_change_pp);
	ck_assert_double_eq_tol(r->change_pp, 100.0 / 3 - 25, EPS);
	ck_assert(r->has_positive && !r->positive);
	r = find_row("sd.1", "final", "5А");
	ck_assert_row(r, 20, 7, 35.0);
	ck_assert_double_eq(r->change_pp, 10); /* exact: 100 * (7*4 - 1*20) / 80 */
	ck_assert(r->has_positive && r->positive);
	/* Low: 75 % -> 65 %: -10 points; without min_change, no "positive". */
	r = find_row("sd.2", "final", "5А");
	ck_assert_double_eq(r->change_pp, -10);
	ck_assert(r->has_change_pp && !r->has_positive);
}
END_TEST

/* ---- too few to count ---- */

/* min_n 3: a share from 2 respondents keeps its percent, is marked too
 * few and is not judged; a reduction is too few when its baseline is, and
 * positive dynamics resting on too few are not judged either. */
START_TEST(test_too_few)
{
	IndicatorSitting st[] = {
		/* start 5А: 1 of 3 high; 5Б: 1 of 2 high (too few). */
		sit("start", "5А", "", "t", R_HIGH),
		sit("start", "5А", "", "t", R_LOW),
		sit("start", "5А", "", "t", R_LOW),
		sit("start", "5Б", "", "t", R_HIGH),
		sit("start", "5Б", "", "t", R_LOW),
		/* interim 5А: 2 of 2 high (too few); 5Б: 3 of 3 high. */
		sit("interim", "5А", "", "t", R_HIGH),
		sit("interim", "5А", "", "t", R_HIGH),
		sit("interim", "5Б", "", "t", R_HIGH),
		sit("interim", "5Б", "", "t", R_HIGH),
		sit("interim", "5Б", "", "t", R_HIGH),
	};
	const IndicatorRow *r;
	int share = testbuild_indicator(prog, "1.2", INDICATOR_SHARE, "mot", "motivation", "high");
	int red = testbuild_indicator(prog, "4.1", INDICATOR_REDUCTION, "mot", "motivation", "low");

	prog->indicators[share].min_n = prog->indicators[red].min_n = 3;
	prog->indicators[share].has_min_change = true;
	prog->indicators[share].min_change = 10;
	prog->indicators[red].baseline = 0;
	testbuild_target(prog, share, 1, 50);
	testbuild_target(prog, red, 1, 30);
	compute(st, N(st), NULL, 0);
	r = find_row("1.2", "interim", "5А");
	ck_assert_row(r, 2, 2, 100.0);
	ck_assert(r->too_few && r->has_target && !r->has_met && !r->has_positive);
	ck_assert(r->has_change_pp); /* the change is there, not judged */
	/* 5Б: 3 of 3, judged met; but its baseline had 2: no positive. */
	r = find_row("1.2", "interim", "5Б");
	ck_assert(!r->too_few && r->has_met && r->met && !r->has_positive);
	/* The school: start 2 of 5, interim 5 of 5, +60 points: positive. */
	r = find_row("1.2", "interim", "*");
	ck_assert(!r->too_few && r->has_positive && r->positive);
	ck_assert_double_eq(r->change_pp, 60);
	ck_assert(find_row("1.2", "start", "5Б")->too_few);
	/* 4.1 5Б: 3 respondents now, but the baseline 5Б had 2: too few. */
	r = find_row("4.1", "interim", "5Б");
	ck_assert(r->too_few && !r->has_met);
	r = find_row("4.1", "interim", "*"); /* 3 of 5 -> 0 of 5: 100 % reduction */
	ck_assert(!r->too_few && r->has_met && r->met);
}
END_TEST

/* ---- participation ---- */

START_TEST(test_participation)
{
	ClassSize sizes[] = { { "5А", 25, 20, false },
		              { "5Б", 24, 10, false },
		              { "6А", 30, 15, false } };
	IndicatorSitting st[16];
	const IndicatorRow *r;
	int n = 0, ind;

	/* 5А at start: codes p1, p2, p3, p1 again, and two without a code ->
	 * 3 + 2 = 5 of 20 parents = 25 %; one sitting never completed. */
	st[n++] = (IndicatorSitting){ "start", "5А", "p1", "parents", "t1", NULL, NULL };
	st[n++] = (IndicatorSitting){ "start", "5А", "p2", "parents", "t1", NULL, NULL };
	st[n++] = (IndicatorSitting){ "start", "5А", "p3", "parents", "t1", NULL, NULL };
	st[n++] = (IndicatorSitting){ "start", "5А", "p1", "parents", "t2", NULL, NULL };
	st[n++] = (IndicatorSitting){ "start", "5А", "", "parents", "t1", NULL, NULL };
	st[n++] = (IndicatorSitting){ "start", "5А", "", "parents", "t1", NULL, NULL };
	st[n++] = (IndicatorSitting){ "start", "5А", "p4", "parents", NULL, NULL, NULL };
	/* 5Б: 7 without a code of 10 = 70 % = target: met. */
	for (int i = 0; i < 7; i++)
		st[n++] = (IndicatorSitting){ "start", "5Б", "", "parents", "t1", NULL, NULL };
	/* 7В is not in the class list: n 0, meeting 2, no percent. */
	st[n++] = (IndicatorSitting){ "start", "7В", "", "parents", "t1", NULL, NULL };
	st[n++] = (IndicatorSitting){ "start", "7В", "", "parents", "t1", NULL, NULL };

	ind = testbuild_participation(prog, "2.2", "parents", "parents");
	testbuild_target(prog, ind, 0, 70);
	compute(st, n, sizes, N(sizes));
	/* classes 5А, 5Б, 6А (list only), 7В (sittings only), "*" per wave */
	ck_assert_int_eq(table.n, 3 * 5);
	r = find_row("2.2", "start", "5А");
	ck_assert_row(r, 20, 5, 25.0);
	ck_assert(r->has_met && !r->met);
	r = find_row("2.2", "start", "5Б");
	ck_assert_row(r, 10, 7, 70.0);
	ck_assert(r->has_met && r->met);
	r = find_row("2.2", "start", "6А");
	ck_assert_row(r, 15, 0, 0.0);
	r = find_row("2.2", "start", "7В");
	ck_assert_row_empty(r, 2);
	ck_assert(r->has_target && !r->has_met);
	/* "*": n = 20 + 10 + 15 = 45 expected parents of the listed classes,
	 * meeting = 5 + 7 + 0 = 12 of them (7В'mot two answers are shown in its
	 * own row but expected by nobody), 100 * 12 / 45 = 26.67 %. */
	r = find_row("2.2", "start", "*");
	ck_assert_row(r, 45, 12, 1200.0 / 45);
	ck_assert(r->has_met && !r->met);
	/* interim: the expected people are there, nobody answered: 0 of 20. */
	ck_assert_row(find_row("2.2", "interim", "5А"), 20, 0, 0.0);
}
END_TEST

START_TEST(test_participation_students)
{
	ClassSize sizes[] = { { "5А", 25, 20, false } };
	IndicatorSitting st[] = {
		{ "final", "5А", "", "wellbeing", "t1", NULL, NULL },
	};

	/* expected: students -> 1 of 25 = 4 %. */
	testbuild_participation(prog, "3.1", "wellbeing", "students");
	compute(st, N(st), sizes, N(sizes));
	ck_assert_row(find_row("3.1", "final", "5А"), 25, 1, 4.0);
}
END_TEST

/* ---- classes flagged by the programme ---- */

/* Sittings in a flagged class (5А), an unflagged one (5Б), a class not in
 * the list (6В) and without a class (a teacher's, ""), at start. */
static const ClassSize flag_sizes[] = { { "5А", 20, 18, true },
	                                { "5Б", 25, 22, false },
	                                { "4А", 10, 9, true } };

static void
flag_sittings(IndicatorSitting st[6])
{
	st[0] = sit("start", "5А", "a", "t", R_HIGH);
	st[1] = sit("start", "5А", "b", "t", R_LOW);
	st[2] = sit("start", "5Б", "a", "t", R_HIGH);
	st[3] = sit("start", "5Б", "b", "t", R_HIGH);
	st[4] = sit("start", "6В", "a", "t", R_HIGH);
	st[5] = sit("start", "", "t1", "t", R_LOW);
}

/* classes: flagged: rows for 5А, 4А (flagged, in the list), "" and the
 * school only; the school counts 5А and "". */
START_TEST(test_flagged_classes_only)
{
	IndicatorSitting st[6];
	IndicatorInput in = {
		.sittings = st, .n_sittings = 6, .classes = flag_sizes, .n_classes = N(flag_sizes)
	};

	flag_sittings(st);
	prog->flagged_classes = true;
	testbuild_indicator(prog, "1.2", INDICATOR_SHARE, "mot", "motivation", "high");
	testbuild_participation(prog, "2.2", "mot", "parents");
	indicator_compute(prog, &in, &table);
	/* 2 indicators x 3 waves x ("", 4А, 5А, "*") */
	ck_assert_int_eq(table.n, 2 * 3 * 4);
	for (int i = 0; i < table.n; i++)
		ck_assert(strcmp(table.rows[i].class_name, "5Б") != 0 &&
		          strcmp(table.rows[i].class_name, "6В") != 0);
	/* 5А a high, b low: 1 of 2; "" t1 low: 0 of 1; school 1 of 3. */
	ck_assert_row(find_row("1.2", "start", "5А"), 2, 1, 50.0);
	ck_assert_row(find_row("1.2", "start", ""), 1, 0, 0.0);
	ck_assert_row(find_row("1.2", "start", "*"), 3, 1, 100.0 / 3);
	ck_assert_row_empty(find_row("1.2", "start", "4А"), 0);
	/* Participation: 2 of 5А's 18 parents; 0 of 4А's 9; the school 2 of
	 * 18 + 9 = 27 (5Б's 22 are not expected: not flagged). "" expects
	 * nobody: its 1 stays out of the school's row. */
	ck_assert_row(find_row("2.2", "start", "5А"), 18, 2, 100.0 * 2 / 18);
	ck_assert_row(find_row("2.2", "start", "*"), 27, 2, 100.0 * 2 / 27);
	ck_assert(table.flagged_only);
	ck_assert_int_eq(table.n_flagged, 2);
	ck_assert_str_eq(table.flagged[0], "4А"); /* byte order: '4' < '5' */
	ck_assert_str_eq(table.flagged[1], "5А");
}
END_TEST

/* classes: all (the default) counts every class; by school the flags
 * cannot apply (class names are schools) and are not applied. */
START_TEST(test_flags_ignored)
{
	IndicatorSitting st[6];
	IndicatorInput in = {
		.sittings = st, .n_sittings = 6, .classes = flag_sizes, .n_classes = N(flag_sizes)
	};

	flag_sittings(st);
	testbuild_indicator(prog, "1.2", INDICATOR_SHARE, "mot", "motivation", "high");
	indicator_compute(prog, &in, &table);
	/* 5А 1, 5Б 2, 6В 1 high of 2 + 2 + 1 + "" 1 = 6: 4 of 6. */
	ck_assert_row(find_row("1.2", "start", "*"), 6, 4, 400.0 / 6);
	ck_assert(!table.flagged_only);
	ck_assert_int_eq(table.n_flagged, 0);
	indicator_table_free(&table);
	prog->flagged_classes = true;
	in.by_school = true;
	indicator_compute(prog, &in, &table);
	ck_assert_row(find_row("1.2", "start", "*"), 6, 4, 400.0 / 6);
	ck_assert(!table.flagged_only);
}
END_TEST

/* ---- entered values ---- */

/* An entered value of programme "shnor" (the one built above). */
static IndicatorEntry
entry(const char *id, const char *wave, const char *klass, int n, int of)
{
	return (IndicatorEntry){ "shnor", id, wave, klass, { n, of, of > 0 } };
}

static void
compute_entries(const IndicatorEntry *entries, int n, const ClassSize *sizes, int n_sizes)
{
	IndicatorInput in = {
		.classes = sizes, .n_classes = n_sizes, .entries = entries, .n_entries = n
	};

	indicator_compute(prog, &in, &table);
}

/* A count: a class's numbers add up to the school's unless one is entered
 * for the whole school; "+2" is the baseline's number plus 2. */
START_TEST(test_entered_count)
{
	IndicatorEntry e[] = {
		entry("2.1", "start", "*", 5, 0),    /* the plan */
		entry("2.1", "interim", "5А", 3, 0), /* 3 + 4 = 7 = 5 + 2: met */
		entry("2.1", "interim", "5Б", 4, 0),
		entry("2.1", "final", "*", 8, 0), /* entered for the school: 8 < 9 */
		entry("2.1", "final", "5А", 2, 0),
		entry("9.9", "final", "*", 50, 0),                 /* another indicator */
		{ "other", "2.1", "final", "*", { 1, 0, false } }, /* another programme */
	};
	const IndicatorRow *r;
	int ind = testbuild_entered(prog, "2.1", INDICATOR_COUNT, NULL);

	testbuild_target_form(prog, ind, 1, TARGET_PLUS, 2);
	testbuild_target_form(prog, ind, 2, TARGET_COUNT, 9);
	compute_entries(e, N(e), NULL, 0);
	ck_assert_int_eq(table.n, 3 * 3); /* 5А, 5Б, "*" */
	r = find_row("2.1", "start", "*");
	ck_assert(r->has_value && r->value == 5 && !r->has_target && !r->has_counts);
	ck_assert_int_eq(r->source, INDICATOR_SOURCE_ENTERED);
	r = find_row("2.1", "interim", "*");
	ck_assert(r->has_value && r->value == 7);
	ck_assert(r->has_target && r->target == 7 && r->has_met && r->met);
	ck_assert(!r->has_percent);
	r = find_row("2.1", "interim", "5А");
	ck_assert(r->has_value && r->value == 3);
	ck_assert(!r->has_target); /* 5А has no plan of its own at the baseline */
	r = find_row("2.1", "final", "*");
	ck_assert(r->has_value && r->value == 8 && r->target == 9 && r->has_met && !r->met);
	r = find_row("2.1", "final", "5Б");
	ck_assert(!r->has_value && !r->has_met);
}
END_TEST

/* N of M: classes add N and M; a value for the whole school stands. */
START_TEST(test_entered_share)
{
	IndicatorEntry e[] = {
		entry("2.2", "interim", "5А", 15, 18),
		entry("2.2", "interim", "5Б", 20, 22),
		entry("2.2", "final", "*", 30, 40),
		entry("2.2", "final", "5А", 10, 18),
	};
	const IndicatorRow *r;
	int ind = testbuild_entered(prog, "2.2", INDICATOR_ENTERED_SHARE, "parents");

	testbuild_target(prog, ind, 1, 70);
	testbuild_target(prog, ind, 2, 80);
	compute_entries(e, N(e), NULL, 0);
	ck_assert_row(find_row("2.2", "interim", "5А"), 18, 15, 1500.0 / 18);
	/* (15 + 20) of (18 + 22) = 35 of 40 = 87.5 % >= 70. */
	r = find_row("2.2", "interim", "*");
	ck_assert_row(r, 40, 35, 87.5);
	ck_assert(r->has_counts && r->has_met && r->met && !r->has_value);
	/* Entered for the school: 30 of 40 = 75 % < 80. */
	r = find_row("2.2", "final", "*");
	ck_assert_row(r, 40, 30, 75.0);
	ck_assert(r->has_met && !r->met);
	ck_assert_row_empty(find_row("2.2", "start", "*"), 0);
}
END_TEST

/* да / нет: one answer shows itself; a row gathering several (by school,
 * all schools) says how many said да, and meets a "да" target only when
 * all did. */
START_TEST(test_entered_yesno)
{
	IndicatorEntry e[] = {
		entry("5.1", "interim", "*", 1, 0),
		entry("5.1", "final", "Школа 1", 1, 0),
		entry("5.1", "final", "Школа 2", 0, 0),
	};
	const IndicatorRow *r;
	int ind = testbuild_entered(prog, "5.1", INDICATOR_YESNO, NULL);

	testbuild_target_form(prog, ind, 1, TARGET_YESNO, 1);
	testbuild_target_form(prog, ind, 2, TARGET_YESNO, 1);
	compute_entries(e, N(e), NULL, 0);
	r = find_row("5.1", "interim", "*");
	ck_assert(r->has_value && r->value == 1 && !r->has_counts && r->has_met && r->met);
	r = find_row("5.1", "final", "Школа 2");
	ck_assert(r->has_value && r->value == 0 && r->has_met && !r->met);
	r = find_row("5.1", "final", "*");
	ck_assert(!r->has_value && r->has_counts);
	ck_assert_row(r, 2, 1, 50.0);
	ck_assert(r->has_met && !r->met);
}
END_TEST

/* With classes: flagged, a class the list does not flag counts nowhere. */
START_TEST(test_entered_flagged)
{
	ClassSize sizes[] = { { "5А", 20, 18, true }, { "5Б", 25, 22, false } };
	IndicatorEntry e[] = {
		entry("2.2", "interim", "5А", 15, 18),
		entry("2.2", "interim", "5Б", 20, 22),
	};

	prog->flagged_classes = true;
	testbuild_entered(prog, "2.2", INDICATOR_ENTERED_SHARE, "parents");
	compute_entries(e, N(e), sizes, N(sizes));
	ck_assert_int_eq(table.n, 3 * 2); /* 5А and "*" */
	ck_assert_row(find_row("2.2", "interim", "*"), 18, 15, 1500.0 / 18);
}
END_TEST

/* ---- shape of the table ---- */

START_TEST(test_empty_everything)
{

	/* No sittings, no class list: one "*" row per wave with n = 0. */
	testbuild_indicator(prog, "1.2", INDICATOR_SHARE, "mot", "motivation", "high");
	compute(NULL, 0, NULL, 0);
	ck_assert_int_eq(table.n, 3);
	for (int i = 0; i < 3; i++) {
		ck_assert_str_eq(table.rows[i].class_name, "*");
		ck_assert_row_empty(&table.rows[i], 0);
		ck_assert(!table.rows[i].has_met && !table.rows[i].has_change);
	}
}
END_TEST

START_TEST(test_row_order)
{
	ClassSize sizes[] = { { "9Б", 20, 20, false } };
	/* Classes sort by bytes, not as numbers: '1' < '5' < '9', and in UTF-8
	 * А is D0 90, Б is D0 91, so "10А" < "5А" < "5Б" < "9Б", then "*". */
	IndicatorSitting st[] = {
		sit("final", "5Б", "", "t", R_HIGH),
		sit("start", "5А", "", "t", R_HIGH),
		sit("interim", "10А", "", "t", R_HIGH),
	};
	static const char *const classes[] = { "10А", "5А", "5Б", "9Б", "*" };
	static const char *const waves[] = { "start", "interim", "final" };
	static const char *const inds[] = { "2.2", "1.2" };
	int k = 0;

	/* File order of indicators, not sorted by id. */
	testbuild_participation(prog, "2.2", "mot", "parents");
	testbuild_indicator(prog, "1.2", INDICATOR_SHARE, "mot", "motivation", "high");
	compute(st, N(st), sizes, N(sizes));
	ck_assert_int_eq(table.n, 2 * 3 * 5);
	for (int i = 0; i < 2; i++)
		for (int w = 0; w < 3; w++)
			for (int c = 0; c < 5; c++, k++) {
				ck_assert_str_eq(table.rows[k].indicator_id, inds[i]);
				ck_assert_str_eq(table.rows[k].wave, waves[w]);
				ck_assert_str_eq(table.rows[k].class_name, classes[c]);
			}
	indicator_table_free(&table);
	ck_assert_int_eq(table.n, 0);
}
END_TEST

START_TEST(test_two_indicators_one_survey)
{
	/* The same sittings feed both: high+medium 2 of 3, low 1 of 3. */
	IndicatorSitting st[] = {
		sit("start", "5А", "a", "t1", R_HIGH), sit("start", "5А", "b", "t1", R_MEDIUM),
		sit("start", "5А", "c", "t1", R_LOW),
		sit("start", "5А", "a", "t0", R_LOW), /* older: not counted */
	};

	testbuild_indicator(prog, "1.2", INDICATOR_SHARE, "mot", "motivation", "high medium");
	testbuild_indicator(prog, "1.3", INDICATOR_SHARE, "mot", "motivation", "low");
	compute(st, N(st), NULL, 0);
	ck_assert_row(find_row("1.2", "start", "5А"), 3, 2, 200.0 / 3);
	ck_assert_row(find_row("1.3", "start", "5А"), 3, 1, 100.0 / 3);
}
END_TEST

/* ---- several surveys ---- */

/* A completed sitting of survey "sen". */
static IndicatorSitting
sit_sen(const char *wave, const char *klass, const char *code, const char *at, const ScaleResult *r)
{
	return (IndicatorSitting){ wave, klass, code, "sen", at, sen, r };
}

START_TEST(test_two_surveys_share)
{
	IndicatorSitting st[] = {
		/* 4А answers "mot": a high, b low, c medium. */
		sit("start", "4А", "a", "2026-09-15T10:00:00Z", R_HIGH),
		sit("start", "4А", "b", "2026-09-15T10:00:00Z", R_LOW),
		sit("start", "4А", "c", "2026-09-15T10:00:00Z", R_MEDIUM),
		/* e answered both: "mot" low at 10:00, then "sen" high at 11:00:
		 * counts once, high. f: "sen" high at 09:00, then "mot" low at
		 * 12:00: counts once, low (time decides, not the survey). */
		sit("start", "4А", "e", "2026-09-15T10:00:00Z", R_LOW),
		sit_sen("start", "4А", "e", "2026-09-15T11:00:00Z", S_R_HIGH),
		sit_sen("start", "4А", "f", "2026-09-15T09:00:00Z", S_R_HIGH),
		sit("start", "4А", "f", "2026-09-15T12:00:00Z", R_LOW),
		/* 7А answers "sen": a high, b low, c low, d without a value. */
		sit_sen("start", "7А", "a", "2026-09-15T10:00:00Z", S_R_HIGH),
		sit_sen("start", "7А", "b", "2026-09-15T10:00:00Z", S_R_LOW),
		sit_sen("start", "7А", "c", "2026-09-15T10:00:00Z", S_R_LOW),
		sit_sen("start", "7А", "d", "2026-09-15T10:00:00Z", S_R_NONE),
		/* A survey the indicator does not list: ignored. */
		sit("start", "7А", "g", "2026-09-15T10:00:00Z", R_HIGH),
		/* The same 7А a at final is another wave: counts there. */
		sit_sen("final", "7А", "a", "2026-12-15T10:00:00Z", S_R_MEDIUM),
	};
	const IndicatorRow *r;

	st[11].survey_id = "other";
	/* "mot" alone first: a later indicator over "mot" and more must not
	 * take its counted sittings. */
	testbuild_indicator(prog, "1.2/mot", INDICATOR_SHARE, "mot", "motivation", "high medium");
	testbuild_indicator(prog, "1.2", INDICATOR_SHARE, "mot sen", "motivation", "high medium");
	testbuild_target(prog, 1, 0, 50);
	testbuild_indicator(prog, "1.2/rev", INDICATOR_SHARE, "sen mot", "motivation",
	                    "high medium");
	compute(st, N(st), NULL, 0);
	/* 4А: a high, b low, c medium, e high, f low -> n 5, meeting 3 = 60 %. */
	ck_assert_row(find_row("1.2", "start", "4А"), 5, 3, 60.0);
	/* 7А: a high, b low, c low (d has no value) -> n 3, meeting 1. */
	ck_assert_row(find_row("1.2", "start", "7А"), 3, 1, 100.0 / 3);
	/* "*": n 5 + 3 = 8, meeting 3 + 1 = 4 -> 50 % >= target 50: met. */
	r = find_row("1.2", "start", "*");
	ck_assert_row(r, 8, 4, 50.0);
	ck_assert(r->has_met && r->met);
	ck_assert_row(find_row("1.2", "final", "7А"), 1, 1, 100.0);
	/* "mot" alone: 4А a high, b low, c medium, e low (its only "mot"
	 * sitting), f low -> n 5, meeting 2; 7А has no "mot" sitting counted. */
	ck_assert_row(find_row("1.2/mot", "start", "4А"), 5, 2, 40.0);
	ck_assert_row_empty(find_row("1.2/mot", "start", "7А"), 0);
	/* The same two surveys listed the other way round: the same figures. */
	ck_assert_row(find_row("1.2/rev", "start", "4А"), 5, 3, 60.0);
	ck_assert_row(find_row("1.2/rev", "start", "*"), 8, 4, 50.0);
}
END_TEST

START_TEST(test_two_surveys_reduction)
{
	IndicatorSitting st[] = {
		/* start: 4А ("mot") low, high = 1 of 2; 7А ("sen") low, high = 1 of 2. */
		sit("start", "4А", "a", "2026-09-15T10:00:00Z", R_LOW),
		sit("start", "4А", "b", "2026-09-15T10:00:00Z", R_HIGH),
		sit_sen("start", "7А", "a", "2026-09-15T10:00:00Z", S_R_LOW),
		sit_sen("start", "7А", "b", "2026-09-15T10:00:00Z", S_R_HIGH),
		/* final: 4А high, high = 0 of 2; 7А low, high, and r, who answered
		 * "mot" (low, 10:00) and then "sen" (high, 11:00): once, high ->
		 * 1 of 3. */
		sit("final", "4А", "a", "2027-05-15T10:00:00Z", R_HIGH),
		sit("final", "4А", "b", "2027-05-15T10:00:00Z", R_HIGH),
		sit_sen("final", "7А", "a", "2027-05-15T10:00:00Z", S_R_LOW),
		sit_sen("final", "7А", "b", "2027-05-15T10:00:00Z", S_R_HIGH),
		sit("final", "7А", "r", "2027-05-15T10:00:00Z", R_LOW),
		sit_sen("final", "7А", "r", "2027-05-15T11:00:00Z", S_R_HIGH),
	};
	const IndicatorRow *r;
	int ind;

	ind = testbuild_indicator(prog, "4.1", INDICATOR_REDUCTION, "mot sen", "motivation", "low");
	prog->indicators[ind].baseline = 0;
	testbuild_target(prog, ind, 2, 50);
	compute(st, N(st), NULL, 0);
	/* 4А: 50 % -> 0 %: change 100 * (1*2 - 0*2) / (1*2) = 100: met. */
	r = find_row("4.1", "final", "4А");
	ck_assert_row(r, 2, 0, 0.0);
	ck_assert_double_eq(r->change, 100);
	ck_assert(r->has_met && r->met);
	/* 7А: 50 % -> 33.3 %: 100 * (1*3 - 1*2) / (1*3) = 33.33 < 50. (Were r
	 * counted twice it would be 2 of 4 = 50 %, change 0.) */
	r = find_row("4.1", "final", "7А");
	ck_assert_row(r, 3, 1, 100.0 / 3);
	ck_assert_double_eq_tol(r->change, 100.0 / 3, EPS);
	ck_assert(r->has_met && !r->met);
	/* "*": start 2 of 4 = 50 %, final 1 of 5 = 20 %:
	 * 100 * (2*5 - 1*4) / (2*5) = 60 >= 50: met. */
	ck_assert_row(find_row("4.1", "start", "*"), 4, 2, 50.0);
	r = find_row("4.1", "final", "*");
	ck_assert_row(r, 5, 1, 20.0);
	ck_assert_double_eq(r->change, 60);
	ck_assert(r->has_met && r->met);
}
END_TEST

START_TEST(test_two_surveys_participation)
{
	ClassSize sizes[] = { { "4А", 20, 18, false }, { "7А", 25, 22, false } };
	IndicatorSitting st[] = {
		/* 4А: a answered both (counts once), b one; two without a code
		 * count each; c never completed -> 2 + 2 = 4 of 20 = 20 %. */
		{ "start", "4А", "a", "mot", "t1", NULL, NULL },
		{ "start", "4А", "a", "sen", "t2", NULL, NULL },
		{ "start", "4А", "b", "mot", "t1", NULL, NULL },
		{ "start", "4А", "", "mot", "t1", NULL, NULL },
		{ "start", "4А", "", "sen", "t1", NULL, NULL },
		{ "start", "4А", "c", "sen", NULL, NULL, NULL },
		/* 7А: x answered both, y one; z another survey -> 2 of 25 = 8 %. */
		{ "start", "7А", "x", "sen", "t1", NULL, NULL },
		{ "start", "7А", "x", "mot", "t1", NULL, NULL },
		{ "start", "7А", "y", "sen", "t1", NULL, NULL },
		{ "start", "7А", "z", "other", "t1", NULL, NULL },
	};

	testbuild_participation(prog, "3.1", "mot sen", "students");
	compute(st, N(st), sizes, N(sizes));
	ck_assert_row(find_row("3.1", "start", "4А"), 20, 4, 20.0);
	ck_assert_row(find_row("3.1", "start", "7А"), 25, 2, 8.0);
	/* "*": 4 + 2 = 6 of 20 + 25 = 45 -> 13.33 %. */
	ck_assert_row(find_row("3.1", "start", "*"), 45, 6, 600.0 / 45);
}
END_TEST

/* A test case of the suite, each test run with the fixture above. */
static TCase *
indicator_tcase(Suite *s, const char *name)
{
	TCase *t = tcase_create(name);

	tcase_add_checked_fixture(t, setup, teardown);
	suite_add_tcase(s, t);
	return t;
}

static Suite *
indicator_suite(void)
{
	Suite *s = suite_create("indicator");
	TCase *t = indicator_tcase(s, "share");

	tcase_add_test(t, test_share);
	tcase_add_test(t, test_share_just_below_target);
	tcase_add_test(t, test_two_indicators_one_survey);
	t = indicator_tcase(s, "counting");
	tcase_add_test(t, test_latest_completed_sitting);
	tcase_add_test(t, test_empty_codes_count_each);
	tcase_add_test(t, test_ignored_sittings);
	t = indicator_tcase(s, "reduction");
	tcase_add_test(t, test_reduction);
	tcase_add_test(t, test_reduction_increase_is_negative);
	t = indicator_tcase(s, "dynamics");
	tcase_add_test(t, test_change_pp);
	tcase_add_test(t, test_too_few);
	t = indicator_tcase(s, "participation");
	tcase_add_test(t, test_participation);
	tcase_add_test(t, test_participation_students);
	t = indicator_tcase(s, "entered");
	tcase_add_test(t, test_entered_count);
	tcase_add_test(t, test_entered_share);
	tcase_add_test(t, test_entered_yesno);
	tcase_add_test(t, test_entered_flagged);
	t = indicator_tcase(s, "flagged");
	tcase_add_test(t, test_flagged_classes_only);
	tcase_add_test(t, test_flags_ignored);
	t = indicator_tcase(s, "surveys");
	tcase_add_test(t, test_two_surveys_share);
	tcase_add_test(t, test_two_surveys_reduction);
	tcase_add_test(t, test_two_surveys_participation);
	t = indicator_tcase(s, "table");
	tcase_add_test(t, test_empty_everything);
	tcase_add_test(t, test_row_order);
	return s;
}

int
main(void)
{
	return testutil_run(indicator_suite());
}
