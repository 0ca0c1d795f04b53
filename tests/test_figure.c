/*
 * test_figure.c: an indicator's figures in words and as a chart, on
 * indicator rows made by hand: titles without internal ids, a reduction's
 * direction in words, "нет данных" for a wave nobody answered, "мало
 * данных" under min_n, targets, the classes shown and their order, the
 * chart's series, bars and targets, and the paired change of a scale
 * added up over the surveys of an indicator.
 */
#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "figure.h"
#include "testutil.h"
#include "util.h"

#define NB "\xC2\xA0"

static const char yaml[] =
    "id: p\ntitle: P\n"
    "waves: [{id: start, title: Старт}, {id: mid, title: Середина}, {id: end, title: Итог}]\n"
    "indicators:\n"
    "  - {id: \"1.1\", title: Доля, survey: s, scale: x, levels: [good], kind: share,\n"
    "     targets: {mid: 50, end: 70}, min_change: 10}\n"
    "  - {id: \"4.1\", title: Снижение, survey: s, scale: x, levels: [bad], kind: reduction,\n"
    "     baseline: start, targets: {mid: 30, end: 50}}\n"
    "  - {id: \"2.2.info\", title: Анкета, survey: s, kind: participation, expected: parents}\n"
    "  - {id: sd.students.climate, title: Климат, survey: [s, t], scale: x, levels: [good],\n"
    "     kind: share, min_change: 10}\n"
    "  - {id: \"2.1\", title: Мероприятия, kind: count, targets: {mid: \"+2\", end: 9}}\n";

#define MAX_ROWS 16

static Program *program;
static char *path;
static IndicatorTable table;

static void
setup(void)
{
	Diag diag = { 0 };

	path = testutil_temp_file("p.yaml", yaml);
	program = program_load(path, NULL, &diag);
	ck_assert_int_eq(diag.n, 0);
	memset(&table, 0, sizeof table);
	/* Room for every row a test adds: the rows it keeps pointers to stay. */
	table.rows = xcalloc(MAX_ROWS, sizeof *table.rows);
}

static void
teardown(void)
{
	indicator_table_free(&table);
	program_free(program);
	testutil_temp_remove(path);
}

/* Appends a row of n respondents, meeting of them; the percent as the
 * engine computes it. Returns it for the flags a test sets. */
static IndicatorRow *
add_row(const char *id, const char *wave, const char *class_name, int n, int meeting)
{
	const Indicator *ind = program_find_indicator(program, id);
	IndicatorRow *r;

	ck_assert_int_lt(table.n, MAX_ROWS);
	r = &table.rows[table.n++];
	memset(r, 0, sizeof *r);
	r->indicator_id = ind->id;
	r->wave = program->waves[program_find_wave(program, wave)].id;
	r->class_name = xstrdup(class_name);
	r->kind = ind->kind;
	r->n = n;
	r->meeting = meeting;
	r->has_counts = true;
	r->has_percent = n > 0;
	r->percent = n > 0 ? 100.0 * meeting / n : 0;
	return r;
}

static const Indicator *
ind(const char *id)
{
	return program_find_indicator(program, id);
}

/* The text of a figure, compared and freed. */
static void
assert_value(const IndicatorRow *row, const char *want)
{
	char *got = figure_value_text(program, program_find_indicator(program, row->indicator_id),
	                              &table, row);
	ck_assert_str_eq(got, want);
	free(got);
}

START_TEST(titles_show_the_programmes_number_but_no_internal_id)
{
	char *a = figure_title(ind("1.1")), *b = figure_title(ind("sd.students.climate"));
	char *c = figure_title(ind("2.2.info"));

	ck_assert_str_eq(a, "1.1. Доля");
	ck_assert_str_eq(b, "Климат");
	ck_assert_str_eq(c, "Анкета"); /* only digits and dots are the programme's number */
	free(a);
	free(b);
	free(c);
}
END_TEST

START_TEST(a_reduction_says_which_way_the_share_went)
{
	char *down = figure_change_text(12.0), *up = figure_change_text(-18.2);
	char *zero = figure_change_text(-0.04);

	ck_assert_str_eq(down, "снижение на 12,0" NB "%");
	ck_assert_str_eq(up, "рост на 18,2" NB "%");
	ck_assert_str_eq(zero, "снижение на 0,0" NB "%");
	free(down);
	free(up);
	free(zero);
}
END_TEST

/* 4.1: 4 of 10 at the start (40 %); 11 of 20 in the middle (55 %): the
 * share rose by (55 - 40) / 40 = 37,5 %; 2 of 10 at the end (20 %): a
 * reduction by 50 %, met (target 50). */
START_TEST(a_reductions_figures_in_words)
{
	IndicatorRow *start = add_row("4.1", "start", "*", 10, 4);
	IndicatorRow *mid = add_row("4.1", "mid", "*", 20, 11);
	IndicatorRow *end = add_row("4.1", "end", "*", 10, 2);
	char *target;

	mid->has_change = end->has_change = true;
	mid->change = -37.5;
	end->change = 50;
	mid->has_target = end->has_target = true;
	mid->target = 30;
	end->target = 50;
	mid->has_met = end->has_met = end->met = true;
	assert_value(start, "40,0" NB "%");
	assert_value(mid, "рост на 37,5" NB "%");
	assert_value(end, "снижение на 50,0" NB "%");
	ck_assert_int_eq(figure_state(&table, start), FIGURE_VALUE);
	ck_assert_int_eq(figure_state(&table, mid), FIGURE_NOT_MET);
	ck_assert_int_eq(figure_state(&table, end), FIGURE_MET);
	target = figure_target_text(program, ind("4.1"), end);
	ck_assert_str_eq(target, "цель: снижение на 50" NB "%");
	free(target);
	ck_assert_ptr_null(figure_target_text(program, ind("4.1"), start));
}
END_TEST

/* 2.2.info: 25 parents expected in 6А; 10 answered at the start, nobody
 * at all in the middle: "нет данных" there, not "0,0 % (0 из 25)". In
 * the end 6А's parents did not answer but 5А's did: 6А's 0 % is a figure. */
START_TEST(a_wave_nobody_answered_has_no_data)
{
	IndicatorRow *start = add_row("2.2.info", "start", "6А", 25, 10);
	IndicatorRow *mid = add_row("2.2.info", "mid", "6А", 25, 0);
	IndicatorRow *mid_all = add_row("2.2.info", "mid", "*", 25, 0);
	IndicatorRow *end = add_row("2.2.info", "end", "6А", 25, 0);

	add_row("2.2.info", "end", "5А", 20, 12);
	add_row("2.2.info", "end", "*", 45, 12);
	assert_value(start, "40,0" NB "%");
	ck_assert_int_eq(figure_state(&table, mid), FIGURE_NO_DATA);
	ck_assert_int_eq(figure_state(&table, mid_all), FIGURE_NO_DATA);
	assert_value(mid, "нет данных");
	ck_assert_int_eq(figure_state(&table, end), FIGURE_VALUE);
	assert_value(end, "0,0" NB "%");
	ck_assert_int_eq(figure_state(&table, NULL), FIGURE_NO_DATA);
}
END_TEST

START_TEST(too_few_respondents_are_said_and_not_judged)
{
	IndicatorRow *few = add_row("1.1", "mid", "2А", 3, 3);
	IndicatorRow *none = add_row("1.1", "end", "2А", 0, 0);
	char *target;

	few->too_few = true;
	few->has_target = true;
	few->target = 50;
	assert_value(few, "мало данных, n = 3");
	ck_assert_int_eq(figure_state(&table, few), FIGURE_TOO_FEW);
	assert_value(none, "нет данных");
	target = figure_target_text(program, ind("1.1"), few);
	ck_assert_str_eq(target, "цель: 50" NB "%");
	free(target);
}
END_TEST

/* 2.1 (count): the plan 4 at the start; "+2" in the middle is 6; 9 in the
 * end. */
START_TEST(counts_and_their_targets)
{
	IndicatorRow *start = add_row("2.1", "start", "*", 0, 0);
	IndicatorRow *mid = add_row("2.1", "mid", "*", 0, 0);
	IndicatorRow *end = add_row("2.1", "end", "*", 0, 0);
	char *t;

	start->has_value = mid->has_value = true;
	start->value = 4;
	mid->value = 7;
	mid->has_target = end->has_target = true;
	mid->target = 6;
	end->target = 9;
	mid->has_met = mid->met = true;
	assert_value(start, "4");
	assert_value(mid, "7");
	assert_value(end, "нет данных");
	ck_assert_int_eq(figure_state(&table, mid), FIGURE_MET);
	t = figure_target_text(program, ind("2.1"), mid);
	ck_assert_str_eq(t, "цель: не менее 6 (план + 2)");
	free(t);
	t = figure_target_text(program, ind("2.1"), end);
	ck_assert_str_eq(t, "цель: не менее 9");
	free(t);
}
END_TEST

/* sd.students.climate has no target and asks for a rise of 10 points:
 * 10 of 20 at the start (50 %), 11 of 20 in the middle (55 %: +5, not
 * enough), 13 of 20 in the end (65 %: +15, positive dynamics). */
START_TEST(positive_dynamics_where_there_is_no_target)
{
	IndicatorRow *start = add_row("sd.students.climate", "start", "*", 20, 10);
	IndicatorRow *mid = add_row("sd.students.climate", "mid", "*", 20, 11);
	IndicatorRow *end = add_row("sd.students.climate", "end", "*", 20, 13);
	char *t;

	mid->has_change_pp = end->has_change_pp = true;
	mid->change_pp = 5;
	end->change_pp = 15;
	mid->has_positive = end->has_positive = end->positive = true;
	ck_assert_int_eq(figure_state(&table, start), FIGURE_VALUE);
	ck_assert_int_eq(figure_state(&table, mid), FIGURE_NOT_MET);
	ck_assert_int_eq(figure_state(&table, end), FIGURE_MET);
	ck_assert_ptr_null(figure_target_text(program, ind("sd.students.climate"), start));
	t = figure_target_text(program, ind("sd.students.climate"), end);
	ck_assert_str_eq(t, "+15,0" NB "п." NB "п. (нужно +10,0)");
	free(t);
	/* With a target too, both are said. */
	mid = add_row("1.1", "mid", "*", 20, 11);
	mid->has_positive = true;
	mid->change_pp = -3;
	mid->has_met = true;
	t = figure_target_text(program, ind("1.1"), mid);
	ck_assert_str_eq(t, "цель: 50" NB "%; \xE2\x88\x92"
	                    "3,0" NB "п." NB "п. (нужно +10,0)");
	free(t);
}
END_TEST

START_TEST(classes_as_a_school_lists_them)
{
	int n;
	const char **classes;

	add_row("1.1", "start", "10А", 4, 1);
	add_row("1.1", "start", "2А", 4, 2);
	add_row("1.1", "start", "3В", 0, 0); /* nobody answered: left out */
	add_row("1.1", "start", "*", 8, 3);
	add_row("1.1", "mid", "10А", 0, 0);
	add_row("4.1", "start", "5А", 5, 1); /* another indicator */
	classes = figure_classes(&table, "1.1", &n);
	ck_assert_int_eq(n, 3);
	ck_assert_str_eq(classes[0], "2А");
	ck_assert_str_eq(classes[1], "10А");
	ck_assert_str_eq(classes[2], "*");
	free(classes);
}
END_TEST

/* 1.1: 6А 5 of 8 (62,5 %) at the start and 6 of 8 (75 %, met) in the end,
 * 2А 2 of 3 at the start (too few), nobody in the middle: two series
 * (Старт, Итог), three categories (2А, 6А, the school). */
START_TEST(the_chart_of_a_share)
{
	FigureChart c;
	IndicatorRow *r;

	add_row("1.1", "start", "2А", 3, 2)->too_few = true;
	add_row("1.1", "start", "6А", 8, 5);
	add_row("1.1", "start", "*", 11, 7);
	add_row("1.1", "mid", "6А", 0, 0);
	add_row("1.1", "mid", "*", 0, 0);
	add_row("1.1", "end", "2А", 0, 0);
	r = add_row("1.1", "end", "6А", 8, 6);
	r->has_met = r->met = true;
	r = add_row("1.1", "end", "*", 8, 6);
	r->has_met = r->met = true;
	ck_assert(figure_chart(program, ind("1.1"), &table, &c));
	ck_assert_int_eq(c.chart.n_series, 2);
	ck_assert_str_eq(c.chart.series[0], "Старт");
	ck_assert_str_eq(c.chart.series[1], "Итог");
	ck_assert(isnan(c.chart.targets[0]));
	ck_assert(c.chart.targets[1] == 70);
	ck_assert_int_eq(c.chart.n_categories, 3);
	ck_assert_str_eq(c.chart.categories[0], "2А");
	ck_assert_str_eq(c.chart.categories[2], "Вся школа");
	ck_assert(c.chart.last_is_total);
	ck_assert_int_eq(c.chart.bars[0].kind, CHART_FEW);
	ck_assert_str_eq(c.chart.bars[0].label, "мало данных, n = 3");
	ck_assert_int_eq(c.chart.bars[1].kind, CHART_EMPTY);
	ck_assert_int_eq(c.chart.bars[2].kind, CHART_VALUE);
	ck_assert(c.chart.bars[2].value == 62.5);
	ck_assert_str_eq(c.chart.bars[2].label, "62,5");
	ck_assert_int_eq(c.chart.bars[2].met, CHART_NO_TARGET);
	ck_assert_int_eq(c.chart.bars[3].met, CHART_MET);
	ck_assert_str_eq(c.chart.bars[3].label, "75,0");
	figure_chart_free(&c);
	/* No chart for a count, nor for a share nobody answered. */
	ck_assert(!figure_chart(program, ind("2.1"), &table, &c));
	ck_assert(!figure_chart(program, ind("sd.students.climate"), &table, &c));
}
END_TEST

/* A reduction's bars are its shares, marked, without target lines (its
 * targets are reductions). */
START_TEST(the_chart_of_a_reduction_has_no_target_lines)
{
	FigureChart c;
	IndicatorRow *r;

	add_row("4.1", "start", "*", 10, 4);
	r = add_row("4.1", "end", "*", 10, 3);
	r->has_met = true;
	ck_assert(figure_chart(program, ind("4.1"), &table, &c));
	ck_assert_int_eq(c.chart.n_series, 2);
	ck_assert(isnan(c.chart.targets[0]) && isnan(c.chart.targets[1]));
	ck_assert_int_eq(c.chart.bars[1].met, CHART_NOT_MET);
	ck_assert(c.chart.bars[1].value == 30);
	figure_chart_free(&c);
}
END_TEST

/* sd.students.climate lists surveys s and t: their summaries of scale x
 * add up; scale y and survey u are another indicator's. */
START_TEST(paired_change_adds_up_the_indicators_surveys)
{
	PairedSummary sums[] = {
		{ "s", "x", "5А", 3, 1, 1, 1 }, { "s", "x", "*", 5, 2, 2, 1 },
		{ "s", "y", "*", 9, 9, 0, 0 },  { "t", "x", "", 2, 0, 2, 0 },
		{ "t", "x", "*", 2, 0, 2, 0 },  { "u", "x", "*", 7, 0, 0, 7 },
	};
	PairedTable paired = { .summaries = sums, .n_summaries = 6 };
	PairedSummary s;
	int n;
	const char **classes;

	ck_assert(figure_paired(ind("sd.students.climate"), &paired, "*", &s));
	ck_assert_int_eq(s.pairs, 7);
	ck_assert_int_eq(s.up, 2);
	ck_assert_int_eq(s.same, 4);
	ck_assert_int_eq(s.down, 1);
	ck_assert(!figure_paired(ind("sd.students.climate"), &paired, "6А", &s));
	classes = figure_paired_classes(ind("sd.students.climate"), &paired, &n);
	ck_assert_int_eq(n, 2); /* the answers without a class are in "*" only */
	ck_assert_str_eq(classes[0], "5А");
	ck_assert_str_eq(classes[1], "*");
	free(classes);
	ck_assert(!figure_paired(ind("2.1"), &paired, "*", &s)); /* no scale */
}
END_TEST

static Suite *
figure_suite(void)
{
	Suite *s = suite_create("figure");
	TCase *tc = tcase_create("figure");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, titles_show_the_programmes_number_but_no_internal_id);
	tcase_add_test(tc, a_reduction_says_which_way_the_share_went);
	tcase_add_test(tc, a_reductions_figures_in_words);
	tcase_add_test(tc, a_wave_nobody_answered_has_no_data);
	tcase_add_test(tc, too_few_respondents_are_said_and_not_judged);
	tcase_add_test(tc, counts_and_their_targets);
	tcase_add_test(tc, positive_dynamics_where_there_is_no_target);
	tcase_add_test(tc, classes_as_a_school_lists_them);
	tcase_add_test(tc, the_chart_of_a_share);
	tcase_add_test(tc, the_chart_of_a_reduction_has_no_target_lines);
	tcase_add_test(tc, paired_change_adds_up_the_indicators_surveys);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	util_i18n_init(NULL);
	return testutil_run(figure_suite());
}
