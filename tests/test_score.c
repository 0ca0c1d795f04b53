/*
 * test_score.c: scoring of sittings and alerts (DESIGN.md section 3,
 * "Scoring, exactly"; one answer's score is test_answer.c's). Surveys are
 * built by hand here, so these tests do not depend on the YAML loader;
 * every expected value is worked out in a comment.
 */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "score.h"
#include "survey.h"
#include "testbuild.h"
#include "testutil.h"
#include "util.h"

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))
#define EPS  1e-9

/* Four 0/1/2 items q0..q3 and one scale over all of them. */
static Survey *
build_four(ScaleMethod method, int precision)
{
	Survey *s = testbuild_survey(NULL);

	for (int i = 0; i < 4; i++)
		testbuild_q3(s);
	testbuild_scale(s, "total", method, precision);
	testbuild_items(s, 0, 0, 3);
	return s;
}

/* Scores the answers and returns scale 0's result. */
static ScaleResult
score_first(const Survey *s, const ScoreAnswer *a, int n)
{
	ScaleResult r[8];

	ck_assert_int_le(s->n_scales, 8);
	score_sitting(s, a, n, r);
	return r[0];
}

#define ck_assert_value(r, v, lvl, ans)                                                            \
	do {                                                                                       \
		ck_assert((r).has_value);                                                          \
		ck_assert_double_eq_tol((r).value, (v), EPS);                                      \
		ck_assert_int_eq((r).level, (lvl));                                                \
		ck_assert_int_eq((r).answered, (ans));                                             \
	} while (0)

#define ck_assert_no_value(r, ans)                                                                 \
	do {                                                                                       \
		ck_assert(!(r).has_value);                                                         \
		ck_assert_int_eq((r).level, -1);                                                   \
		ck_assert_int_eq((r).answered, (ans));                                             \
	} while (0)

/* ---- methods ---- */

START_TEST(test_sum)
{
	Survey *s = build_four(SCALE_SUM, 0);
	/* q0 = pos 3 (2), q1 = pos 2 (1), q2 = pos 1 (0), q3 unanswered:
	 * sum = 2 + 1 + 0 = 3 over 3 answered items; band [0,3] is level 0. */
	ScoreAnswer a[] = { { 0, "3" }, { 1, "2" }, { 2, "1" } };

	testbuild_band(s, 0, 0, 3);
	testbuild_band(s, 0, 4, 8);
	ck_assert_value(score_first(s, a, N(a)), 3, 0, 3);
	survey_free(s);
}
END_TEST

START_TEST(test_mean_unanswered_not_zero)
{
	Survey *s = build_four(SCALE_MEAN, 1);
	/* Only q0 = 2 answered: mean = 2 / 1 = 2.0, not (2+0+0+0)/4 = 0.5. */
	ScoreAnswer one[] = { { 0, "3" } };
	/* q0 = 2, q1 = 1, q2 = 1: 4 / 3 = 1.333... -> 1.3 at precision 1. */
	ScoreAnswer three[] = { { 0, "3" }, { 1, "2" }, { 2, "2" } };

	testbuild_band(s, 0, 0, 1.2);
	testbuild_band(s, 0, 1.3, 2);
	ck_assert_value(score_first(s, one, N(one)), 2.0, 1, 1);
	ck_assert_value(score_first(s, three, N(three)), 1.3, 1, 3);
	survey_free(s);
}
END_TEST

START_TEST(test_percent_of_max)
{
	Survey *s = build_four(SCALE_PERCENT_OF_MAX, 1);
	/* q0 = 2, q1 = 1, q3 = 0, q2 unanswered: 100 * 3 / (2 + 2 + 2) = 50.0
	 * (the unanswered item's maximum is left out of the denominator). */
	ScoreAnswer a[] = { { 0, "3" }, { 1, "2" }, { 3, "1" } };

	testbuild_band(s, 0, 0, 49.9);
	testbuild_band(s, 0, 50, 100);
	ck_assert_value(score_first(s, a, N(a)), 50.0, 1, 3);
	survey_free(s);
}
END_TEST

START_TEST(test_percent_of_max_multi)
{
	static const double scores[] = { 1, 2, 4 };
	Survey *s = testbuild_survey(NULL);
	/* A multi item's maximum is every option: 1 + 2 + 4 = 7. Choosing
	 * position 1 scores 1: 100 * 1 / 7 = 14.2857... -> 14.3. */
	ScoreAnswer a[] = { { 0, "1" } };

	testbuild_question(s, QUESTION_MULTI, 3, scores);
	testbuild_scale(s, "s0", SCALE_PERCENT_OF_MAX, 1);
	testbuild_items(s, 0, 0, 0);
	ck_assert_value(score_first(s, a, N(a)), 14.3, -1, 1);
	survey_free(s);
}
END_TEST

START_TEST(test_percent_of_max_nothing_to_score)
{
	static const double zeros[] = { 0, 0 };
	Survey *s = testbuild_survey(NULL);
	ScoreAnswer a[] = { { 0, "1" } };

	/* Every option scores 0: 100 * 0 / 0 has no value (and no crash). */
	testbuild_question(s, QUESTION_SINGLE, 2, zeros);
	testbuild_scale(s, "s0", SCALE_PERCENT_OF_MAX, 1);
	testbuild_items(s, 0, 0, 0);
	ck_assert_no_value(score_first(s, a, N(a)), 1);
	survey_free(s);
}
END_TEST

/* ---- multiplier, offset, rounding ---- */

START_TEST(test_multiplier_offset)
{
	Survey *s = build_four(SCALE_SUM, 1);
	/* sum = 2 + 1 = 3; 3 * 2.5 + (-1) = 6.5 at precision 1. */
	ScoreAnswer a[] = { { 0, "3" }, { 1, "2" } };

	s->scales[0].multiplier = 2.5;
	s->scales[0].offset = -1;
	ck_assert_value(score_first(s, a, N(a)), 6.5, -1, 2);
	/* At precision 0, 6.5 rounds half away from zero to 7. */
	s->scales[0].precision = 0;
	ck_assert_value(score_first(s, a, N(a)), 7, -1, 2);
	/* With offset -10: 7.5 - 10 = -2.5 -> -3 (away from zero, not -2). */
	s->scales[0].offset = -10;
	ck_assert_value(score_first(s, a, N(a)), -3, -1, 2);
	survey_free(s);
}
END_TEST

START_TEST(test_rounding_half_away_precision1)
{
	Survey *s = build_four(SCALE_MEAN, 1);
	/* 2 + 2 + 1 + 0 = 5 over 4 = 1.25 -> 1.3; unrounded 1.25 would fall
	 * between the bands [0,1.2] and [1.3,2] and get no level. */
	ScoreAnswer a[] = { { 0, "3" }, { 1, "3" }, { 2, "2" }, { 3, "1" } };

	testbuild_band(s, 0, 0, 1.2);
	testbuild_band(s, 0, 1.3, 2);
	ck_assert_value(score_first(s, a, N(a)), 1.3, 1, 4);
	/* Multiplier -1: -1.25 -> -1.3 (away from zero). */
	s->scales[0].multiplier = -1;
	ck_assert_value(score_first(s, a, N(a)), -1.3, -1, 4);
	survey_free(s);
}
END_TEST

/* ---- levels ---- */

START_TEST(test_level_boundaries)
{
	Survey *s = build_four(SCALE_SUM, 0);
	/* Bands [0,3], [4,5], [6,8]; answers give sums 0, 3, 4, 5, 6, 8. */
	ScoreAnswer s0[] = { { 0, "1" } };                                     /* 0 */
	ScoreAnswer s3[] = { { 0, "3" }, { 1, "2" } };                         /* 2+1 = 3 */
	ScoreAnswer s4[] = { { 0, "3" }, { 1, "3" } };                         /* 2+2 = 4 */
	ScoreAnswer s5[] = { { 0, "3" }, { 1, "3" }, { 2, "2" } };             /* 2+2+1 = 5 */
	ScoreAnswer s6[] = { { 0, "3" }, { 1, "3" }, { 2, "3" } };             /* 2+2+2 = 6 */
	ScoreAnswer s8[] = { { 0, "3" }, { 1, "3" }, { 2, "3" }, { 3, "3" } }; /* 8 */

	testbuild_band(s, 0, 0, 3);
	testbuild_band(s, 0, 4, 5);
	testbuild_band(s, 0, 6, 8);
	ck_assert_value(score_first(s, s0, N(s0)), 0, 0, 1);
	ck_assert_value(score_first(s, s3, N(s3)), 3, 0, 2);
	ck_assert_value(score_first(s, s4, N(s4)), 4, 1, 2);
	ck_assert_value(score_first(s, s5, N(s5)), 5, 1, 3);
	ck_assert_value(score_first(s, s6, N(s6)), 6, 2, 3);
	ck_assert_value(score_first(s, s8, N(s8)), 8, 2, 4);
	survey_free(s);
}
END_TEST

START_TEST(test_level_gap)
{
	Survey *s = build_four(SCALE_SUM, 0);
	/* 2 + 2 = 4 falls in no band of [0,3], [5,8]: a value, but no level. */
	ScoreAnswer a[] = { { 0, "3" }, { 1, "3" } };

	testbuild_band(s, 0, 0, 3);
	testbuild_band(s, 0, 5, 8);
	ck_assert_value(score_first(s, a, N(a)), 4, -1, 2);
	survey_free(s);
}
END_TEST

START_TEST(test_level_boundaries_precision1)
{
	Survey *s = build_four(SCALE_SUM, 1);
	/* Multiplier 0.1 in binary: 6 * 0.1 = 0.6000000000000001 and
	 * 7 * 0.1 = 0.7000000000000001. Rounded to one decimal they are exactly
	 * 0.6 (the max of [0,0.6]) and 0.7 (the min of [0.7,0.8]). */
	ScoreAnswer s6[] = { { 0, "3" }, { 1, "3" }, { 2, "3" } };             /* 6 */
	ScoreAnswer s7[] = { { 0, "3" }, { 1, "3" }, { 2, "3" }, { 3, "2" } }; /* 7 */
	ScoreAnswer s8[] = { { 0, "3" }, { 1, "3" }, { 2, "3" }, { 3, "3" } }; /* 8 */
	ScoreAnswer s3[] = { { 0, "3" }, { 1, "2" } };                         /* 3 */
	ScaleResult r;

	s->scales[0].multiplier = 0.1;
	testbuild_band(s, 0, 0, 0.6);
	testbuild_band(s, 0, 0.7, 0.8);
	r = score_first(s, s6, N(s6));
	ck_assert_value(r, 0.6, 0, 3);
	ck_assert(r.value == 0.6); /* exactly the band's edge, not a hair above */
	ck_assert_value(score_first(s, s7, N(s7)), 0.7, 1, 4);
	ck_assert_value(score_first(s, s8, N(s8)), 0.8, 1, 4);
	ck_assert_value(score_first(s, s3, N(s3)), 0.3, 0, 2);
	survey_free(s);
}
END_TEST

/* ---- min_answered ---- */

START_TEST(test_min_answered_edges)
{
	Survey *s = build_four(SCALE_SUM, 0);
	/* min_answered 3: three answers (2+1+0 = 3) give a value, two do not. */
	ScoreAnswer three[] = { { 0, "3" }, { 1, "2" }, { 2, "1" } };
	ScoreAnswer two[] = { { 0, "3" }, { 1, "2" } };
	ScoreAnswer none[] = { { 0, "x" } };

	s->scales[0].min_answered = 3;
	testbuild_band(s, 0, 0, 8);
	ck_assert_value(score_first(s, three, N(three)), 3, 0, 3);
	ck_assert_no_value(score_first(s, two, N(two)), 2);
	/* min_answered 0 still needs at least one answered item. */
	s->scales[0].min_answered = 0;
	ck_assert_no_value(score_first(s, none, 0), 0);
	ck_assert_no_value(score_first(s, none, N(none)), 0);
	survey_free(s);
}
END_TEST

/* ---- invalid and repeated answers ---- */

START_TEST(test_invalid_ignored)
{
	Survey *s = build_four(SCALE_SUM, 0);
	/* q0 "x" is ignored; q1 = 1; unknown question indexes are ignored:
	 * sum = 1 over 1 answered item. */
	ScoreAnswer a[] = { { 0, "x" }, { 1, "2" }, { 99, "1" }, { -1, "1" }, { 2, "" } };

	ck_assert_value(score_first(s, a, N(a)), 1, -1, 1);
	survey_free(s);
}
END_TEST

START_TEST(test_later_answer_replaces)
{
	Survey *s = build_four(SCALE_SUM, 0);
	/* q0 first pos 1 (0), then pos 3 (2): the later counts, sum = 2. */
	ScoreAnswer changed[] = { { 0, "1" }, { 0, "3" } };
	/* A later invalid value does not undo the earlier valid one: sum = 2. */
	ScoreAnswer spoiled[] = { { 0, "3" }, { 0, "7" } };

	ck_assert_value(score_first(s, changed, N(changed)), 2, -1, 1);
	ck_assert_value(score_first(s, spoiled, N(spoiled)), 2, -1, 1);
	survey_free(s);
}
END_TEST

/* ---- nesting ---- */

/*
 * Scales in deliberately wrong order (parents first):
 *   0 total   = sum(phase)                 (a third level over two)
 *   1 phase   = sum(sym_a, sym_b), bands [0,4], [5,8]
 *   2 sym_a   = sum(q0, q1)
 *   3 sym_b   = sum(q2, q3), min_answered 2
 *   4 phase_p = percent_of_max(sym_a, sym_b)
 */
static Survey *
build_nested(void)
{
	Survey *s = testbuild_survey(NULL);

	for (int i = 0; i < 4; i++)
		testbuild_q3(s);
	testbuild_scale(s, "total", SCALE_SUM, 0);
	testbuild_scale(s, "phase", SCALE_SUM, 0);
	testbuild_scale(s, "sym_a", SCALE_SUM, 0);
	testbuild_scale(s, "sym_b", SCALE_SUM, 0);
	testbuild_scale(s, "phase_p", SCALE_PERCENT_OF_MAX, 1);
	testbuild_subscale(s, 0, 1);
	testbuild_subscale(s, 1, 2);
	testbuild_subscale(s, 1, 3);
	testbuild_items(s, 2, 0, 1);
	testbuild_items(s, 3, 2, 3);
	s->scales[3].min_answered = 2;
	testbuild_subscale(s, 4, 2);
	testbuild_subscale(s, 4, 3);
	testbuild_band(s, 1, 0, 4);
	testbuild_band(s, 1, 5, 8);
	return s;
}

START_TEST(test_nested)
{
	Survey *s = build_nested();
	ScaleResult r[5];
	/* sym_a = 2 + 1 = 3; sym_b = 2 + 2 = 4; phase = 3 + 4 = 7 (band 1);
	 * total = 7; phase_p = 100 * 7 / (4 + 4) = 87.5 (each symptom can
	 * reach 2 + 2 = 4). */
	ScoreAnswer a[] = { { 0, "3" }, { 1, "2" }, { 2, "3" }, { 3, "3" } };

	score_sitting(s, a, N(a), r);
	ck_assert_value(r[2], 3, -1, 2);
	ck_assert_value(r[3], 4, -1, 2);
	ck_assert_value(r[1], 7, 1, 2);
	ck_assert_value(r[0], 7, -1, 1);
	ck_assert_value(r[4], 87.5, -1, 2);
	survey_free(s);
}
END_TEST

START_TEST(test_nested_without_value)
{
	Survey *s = build_nested();
	ScaleResult r[5];
	/* sym_b has one answer of the two it needs: no value, so it is an
	 * unanswered item of phase: phase = sym_a = 2 + 1 = 3 (band 0) with 1
	 * answered item; phase_p = 100 * 3 / 4 = 75.0. */
	ScoreAnswer a[] = { { 0, "3" }, { 1, "2" }, { 2, "3" } };

	score_sitting(s, a, N(a), r);
	ck_assert_no_value(r[3], 1);
	ck_assert_value(r[1], 3, 0, 1);
	ck_assert_value(r[4], 75.0, -1, 1);
	survey_free(s);
}
END_TEST

START_TEST(test_nested_max_uses_multiplier)
{
	Survey *s = build_nested();
	ScaleResult r[5];
	/* sym_a * 10 can reach (2 + 2) * 10 = 40: sym_a = 3 * 10 = 30, and
	 * phase_p over sym_a alone = 100 * 30 / 40 = 75.0. */
	ScoreAnswer a[] = { { 0, "3" }, { 1, "2" } };

	s->scales[2].multiplier = 10;
	score_sitting(s, a, N(a), r);
	ck_assert_value(r[2], 30, -1, 2);
	ck_assert_value(r[4], 75.0, -1, 1);
	survey_free(s);
}
END_TEST

START_TEST(test_nested_mean_max)
{
	Survey *s = build_nested();
	ScaleResult r[5];
	/* sym_a as a mean can reach 2 (its best item); its value (2 + 1) / 2 =
	 * 1.5, so phase_p over sym_a alone = 100 * 1.5 / 2 = 75.0. */
	ScoreAnswer a[] = { { 0, "3" }, { 1, "2" } };

	s->scales[2].method = SCALE_MEAN;
	s->scales[2].precision = 1;
	score_sitting(s, a, N(a), r);
	ck_assert_value(r[2], 1.5, -1, 2);
	ck_assert_value(r[4], 75.0, -1, 1);
	survey_free(s);
}
END_TEST

START_TEST(test_batch)
{
	Survey *s = build_nested();
	ScoreBatch *batch = score_batch_new(s);
	ScaleResult r[5], fresh[5];
	ScoreAnswer a[] = { { 0, "3" }, { 1, "2" }, { 2, "3" }, { 3, "3" } };
	ScoreAnswer b[] = { { 0, "3" } };

	/* First sitting as in test_nested: phase 7, phase_p 87.5. */
	score_batch_sitting(batch, a, N(a), r);
	ck_assert_value(r[1], 7, 1, 2);
	ck_assert_value(r[4], 87.5, -1, 2);
	/* The next sitting must not see the first one's answers: q0 = 2 only,
	 * sym_a = 2, sym_b none, phase = 2 (band 0), phase_p = 100 * 2 / 4 = 50. */
	score_batch_sitting(batch, b, N(b), r);
	ck_assert_value(r[2], 2, -1, 1);
	ck_assert_no_value(r[3], 0);
	ck_assert_value(r[1], 2, 0, 1);
	ck_assert_value(r[0], 2, -1, 1);
	ck_assert_value(r[4], 50.0, -1, 1);
	score_sitting(s, b, N(b), fresh);
	for (int i = 0; i < 5; i++) {
		ck_assert_int_eq(r[i].has_value, fresh[i].has_value);
		ck_assert_double_eq(r[i].value, fresh[i].value);
		ck_assert_int_eq(r[i].level, fresh[i].level);
		ck_assert_int_eq(r[i].answered, fresh[i].answered);
	}
	score_batch_free(batch);
	score_batch_free(NULL);
	survey_free(s);
}
END_TEST

START_TEST(test_cycle_does_not_hang)
{
	Survey *s = testbuild_survey(NULL);
	ScaleResult r[2] = { { true, 99, 99, 99 }, { true, 99, 99, 99 } };
	ScoreAnswer a[] = { { 0, "3" }, { 1, "2" } };

	/* s0 = sum(s1, q0), s1 = sum(s0, q1): a cycle the loader rejects. While
	 * s0 is being scored, s1 meets s0 and counts it as unanswered: s1 = q1
	 * = 1; then s0 = s1 + q0 = 1 + 2 = 3. No garbage, no endless recursion. */
	testbuild_q3(s);
	testbuild_q3(s);
	testbuild_scale(s, "s0", SCALE_SUM, 0);
	testbuild_scale(s, "s1", SCALE_SUM, 0);
	testbuild_subscale(s, 0, 1);
	testbuild_items(s, 0, 0, 0);
	testbuild_subscale(s, 1, 0);
	testbuild_items(s, 1, 1, 1);
	score_sitting(s, a, N(a), r);
	ck_assert_value(r[1], 1, -1, 1);
	ck_assert_value(r[0], 3, -1, 2);
	survey_free(s);
}
END_TEST

START_TEST(test_empty_scale)
{
	Survey *s = testbuild_survey(NULL);
	ScoreAnswer a[] = { { 0, "1" } };

	testbuild_q3(s);
	testbuild_scale(s, "s0", SCALE_MEAN, 1);
	ck_assert_no_value(score_first(s, a, N(a)), 0);
	survey_free(s);
}
END_TEST

/* ---- alerts ---- */

START_TEST(test_alerts)
{
	Survey *s = build_four(SCALE_SUM, 0);
	bool raised[3];
	/* q0 = 2 >= 2 raised; q1 = 0 < 1 not; q2 unanswered not. */
	ScoreAnswer a[] = { { 0, "3" }, { 1, "1" } };
	/* q0 = 1 < 2 not; q1 = 1 >= 1 raised (exactly at the threshold). */
	ScoreAnswer b[] = { { 0, "2" }, { 1, "2" }, { 2, "bad" } };

	testbuild_alert(s, 0, 2, INFINITY);
	testbuild_alert(s, 1, 1, INFINITY);
	testbuild_alert(s, 2, 1, INFINITY);
	ck_assert_int_eq(score_alerts(s, a, N(a), raised), 1);
	ck_assert(raised[0] && !raised[1] && !raised[2]);
	ck_assert_int_eq(score_alerts(s, b, N(b), raised), 1);
	ck_assert(!raised[0] && raised[1] && !raised[2]);
	ck_assert_int_eq(score_alerts(s, a, 0, raised), 0);
	ck_assert(!raised[0] && !raised[1] && !raised[2]);
	survey_free(s);
}
END_TEST

START_TEST(test_alert_on_low_scores)
{
	Survey *s = build_four(SCALE_SUM, 0);
	bool raised[2];
	ScoreAnswer worst[] = { { 0, "1" }, { 1, "2" } }; /* q0 = 0, q1 = 1 */
	ScoreAnswer best[] = { { 0, "3" }, { 1, "3" } };  /* q0 = 2, q1 = 2 */

	/* "max_score: 0" alone: raised by the lowest answer only; "1 to 1":
	 * raised by the middle answer only. */
	testbuild_alert(s, 0, -INFINITY, 0);
	testbuild_alert(s, 1, 1, 1);
	ck_assert_int_eq(score_alerts(s, worst, N(worst), raised), 2);
	ck_assert(raised[0] && raised[1]);
	ck_assert_int_eq(score_alerts(s, best, N(best), raised), 0);
	ck_assert(!raised[0] && !raised[1]);
	survey_free(s);
}
END_TEST

/* ---- a survey file through the loader ---- */

static const char nested_yaml[] =
    "id: nested_fixture\n"
    "version: 1\n"
    "title: \"Проверка подсчёта\"\n"
    "audience: [teacher]\n"
    "source: \"Anketa test fixture\"\n"
    "license: original\n"
    "instructions: \"-\"\n"
    "option_sets:\n"
    "  yn: [{label: \"Да\", score: 1}, {label: \"Нет\", score: 0}]\n"
    "questions:\n"
    "  - {id: a1, text: \"a1\", options: yn}\n"
    "  - {id: a2, text: \"a2\", options: yn}\n"
    "  - {id: b1, text: \"b1\", options: yn}\n"
    "  - {id: b2, text: \"b2\", options: yn}\n"
    "  - id: m\n"
    "    text: \"m\"\n"
    "    type: multi\n"
    "    options: [{label: \"x\", score: 1}, {label: \"y\", score: 2}]\n"
    "scales:\n"
    "  - id: phase\n"
    "    title: \"phase\"\n"
    "    items: [sym_a, sym_b]\n"
    "    method: percent_of_max\n"
    "    levels:\n"
    "      - {id: calm, label: \"calm\", min: 0, max: 49.9}\n"
    "      - {id: tense, label: \"tense\", min: 50, max: 100}\n"
    "  - id: sym_a\n"
    "    title: \"A\"\n"
    "    items: [a1, a2]\n"
    "    method: sum\n"
    "    multiplier: 5\n"
    "    levels:\n"
    "      - {id: low, label: \"low\", min: 0, max: 5}\n"
    "      - {id: high, label: \"high\", min: 6, max: 10}\n"
    "  - id: sym_b\n"
    "    title: \"B\"\n"
    "    items: [b1, b2, m]\n"
    "    method: sum\n"
    "    levels:\n"
    "      - {id: low, label: \"low\", min: 0, max: 2}\n"
    "      - {id: high, label: \"high\", min: 3, max: 5}\n"
    "alerts:\n"
    "  - {question: m, min_score: 3, message: \"both chosen\"}\n";

/* The result of the scale with this id, checked to exist. */
static const ScaleResult *
loaded_result(const Survey *s, const ScaleResult *r, const char *id)
{
	int i = survey_find_scale(s, id);

	ck_assert_msg(i >= 0, "no scale %s", id);
	return &r[i];
}

START_TEST(test_loaded_survey)
{
	char *dir = testutil_tmpdir();
	char *path = testutil_write_file(dir, "nested.yaml", nested_yaml);
	Diag diag = { 0 };
	Survey *s = survey_load(path, &diag);
	ScaleResult *r;
	bool raised[1];
	int a1, a2, b1, m;

	ck_assert_msg(s != NULL, "%s", diag.n ? diag.entries[0].message : "?");
	ck_assert_int_eq(s->n_scales, 3);
	r = xcalloc(3, sizeof *r);
	a1 = survey_find_question(s, "a1");
	a2 = survey_find_question(s, "a2");
	b1 = survey_find_question(s, "b1");
	m = survey_find_question(s, "m");
	{
		/* sym_a = (1 + 0) * 5 = 5 (low); sym_b = b1 1 + m (1 + 2) = 4
		 * (high), b2 unanswered; phase = 100 * (5 + 4) / (10 + 5) = 60.0
		 * (tense): sym_a can reach 2 * 5 = 10, sym_b 1 + 1 + 3 = 5. */
		ScoreAnswer a[] = { { a1, "1" }, { a2, "2" }, { b1, "1" }, { m, "1|2" } };
		score_sitting(s, a, N(a), r);
		ck_assert_value(*loaded_result(s, r, "sym_a"), 5, 0, 2);
		ck_assert_value(*loaded_result(s, r, "sym_b"), 4, 1, 2);
		ck_assert_value(*loaded_result(s, r, "phase"), 60.0, 1, 2);
		ck_assert_int_eq(score_alerts(s, a, N(a), raised), 1); /* m = 3 >= 3 */
	}
	{
		/* Only a1: sym_a = 5, sym_b no value; phase = 100 * 5 / 10 = 50.0,
		 * the lowest value of "tense". */
		ScoreAnswer a[] = { { a1, "1" } };
		score_sitting(s, a, N(a), r);
		ck_assert_no_value(*loaded_result(s, r, "sym_b"), 0);
		ck_assert_value(*loaded_result(s, r, "phase"), 50.0, 1, 1);
		ck_assert_int_eq(score_alerts(s, a, N(a), raised), 0);
	}
	free(r);
	survey_free(s);
	diag_clear(&diag);
	remove(path);
	rmdir(dir);
	free(path);
	free(dir);
}
END_TEST

static Suite *
score_suite(void)
{
	Suite *s = suite_create("score");
	TCase *t = tcase_create("sitting");
	tcase_add_test(t, test_sum);
	tcase_add_test(t, test_mean_unanswered_not_zero);
	tcase_add_test(t, test_percent_of_max);
	tcase_add_test(t, test_percent_of_max_multi);
	tcase_add_test(t, test_percent_of_max_nothing_to_score);
	tcase_add_test(t, test_multiplier_offset);
	tcase_add_test(t, test_rounding_half_away_precision1);
	tcase_add_test(t, test_level_boundaries);
	tcase_add_test(t, test_level_gap);
	tcase_add_test(t, test_level_boundaries_precision1);
	tcase_add_test(t, test_min_answered_edges);
	tcase_add_test(t, test_invalid_ignored);
	tcase_add_test(t, test_later_answer_replaces);
	tcase_add_test(t, test_nested);
	tcase_add_test(t, test_nested_without_value);
	tcase_add_test(t, test_nested_max_uses_multiplier);
	tcase_add_test(t, test_nested_mean_max);
	tcase_add_test(t, test_empty_scale);
	tcase_add_test(t, test_cycle_does_not_hang);
	tcase_add_test(t, test_batch);
	suite_add_tcase(s, t);
	t = tcase_create("alerts");
	tcase_add_test(t, test_alerts);
	tcase_add_test(t, test_alert_on_low_scores);
	suite_add_tcase(s, t);
	t = tcase_create("loaded");
	tcase_add_test(t, test_loaded_survey);
	suite_add_tcase(s, t);
	return s;
}

int
main(void)
{
	return testutil_run(score_suite());
}
