/*
 * figure.c: an indicator's figures in words and as a chart (figure.h).
 */
#include "figure.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "classname.h"
#include "report.h"
#include "util.h"

/* Keeps a number with its unit when a line wraps. */
#define NBSP "\xC2\xA0"

char *
figure_title(const Indicator *ind)
{
	const char *id = ind->id, *title = ind->title ? ind->title : "";
	bool number = id[0] >= '0' && id[0] <= '9';

	for (const char *c = id; *c != '\0' && number; c++)
		number = (*c >= '0' && *c <= '9') || *c == '.';
	if (!number)
		return xstrdup(title[0] ? title : _("An indicator without a title"));
	return xasprintf("%s. %s", id, title);
}

const IndicatorRow *
figure_row(const IndicatorTable *t, const char *id, const char *wave, const char *class_name)
{
	for (int i = 0; i < t->n; i++) {
		const IndicatorRow *r = &t->rows[i];
		if (strcmp(r->indicator_id, id) == 0 && strcmp(r->wave, wave) == 0 &&
		    strcmp(r->class_name, class_name) == 0)
			return r;
	}
	return NULL;
}

/* True for a participation row whose wave has nobody at all: the
 * questionnaire was not given then. */
static bool
figure_nobody(const IndicatorTable *t, const IndicatorRow *row)
{
	const IndicatorRow *school;

	if (row->kind != INDICATOR_PARTICIPATION)
		return false;
	school = figure_row(t, row->indicator_id, row->wave, "*");
	return school != NULL && school->meeting == 0;
}

FigureState
figure_state(const IndicatorTable *t, const IndicatorRow *row)
{
	if (row == NULL || (!row->has_percent && !row->has_value) || figure_nobody(t, row))
		return FIGURE_NO_DATA;
	if (row->too_few)
		return FIGURE_TOO_FEW;
	if (row->has_met)
		return row->met ? FIGURE_MET : FIGURE_NOT_MET;
	/* Without a target, positive dynamics is what the programme asks for. */
	if (row->has_positive)
		return row->positive ? FIGURE_MET : FIGURE_NOT_MET;
	return FIGURE_VALUE;
}

/* "66,7 %". */
static char *
figure_percent(double value)
{
	char *number = report_decimal(value), *text = xasprintf("%s" NBSP "%%", number);

	free(number);
	return text;
}

char *
figure_change_text(double change)
{
	char *percent = figure_percent(fabs(change));
	/* A change that rounds to 0,0 is no rise: "снижение на 0,0 %". */
	char *text = util_round(change, 1) < 0 ? xasprintf(_("increase by %s"), percent)
	                                       : xasprintf(_("reduction by %s"), percent);

	free(percent);
	return text;
}

char *
figure_value_text(const Program *program, const Indicator *ind, const IndicatorTable *t,
                  const IndicatorRow *row)
{
	FigureState state = figure_state(t, row);
	bool baseline;

	if (state == FIGURE_NO_DATA)
		return xstrdup(_("no data"));
	if (state == FIGURE_TOO_FEW)
		return xasprintf(_("too few, n = %d"), row->n);
	if (row->has_value && row->kind == INDICATOR_YESNO)
		return xstrdup(row->value ? _("yes") : _("no"));
	if (row->has_value)
		return xasprintf("%d", row->value);
	if (row->kind == INDICATOR_YESNO) /* several schools' answers */
		return xasprintf(_("yes: %d of %d"), row->meeting, row->n);
	baseline = ind->baseline >= 0 && strcmp(row->wave, program->waves[ind->baseline].id) == 0;
	if (row->kind == INDICATOR_REDUCTION && !baseline && row->has_change)
		return figure_change_text(row->change);
	if (row->kind == INDICATOR_REDUCTION && !baseline && row->nothing_to_reduce)
		return xstrdup(_("nothing to reduce: 0 % at the baseline"));
	return figure_percent(row->percent);
}

/* The indicator's target at wave index w, or NULL. */
static const IndicatorTarget *
figure_target(const Indicator *ind, int w)
{
	for (int i = 0; i < ind->n_targets; i++)
		if (ind->targets[i].wave == w)
			return &ind->targets[i];
	return NULL;
}

/* The wave's target in words, or NULL. */
static char *
figure_goal_text(const Program *program, const Indicator *ind, const IndicatorRow *row)
{
	const IndicatorTarget *target = figure_target(ind, program_find_wave(program, row->wave));
	char *words, *text;

	if (target == NULL)
		return NULL;
	if (target->form == TARGET_PLUS && row->has_target) {
		char *plan = report_target_text(target);
		text = xasprintf(_("target: at least %d (%s)"), (int)row->target, plan);
		free(plan);
		return text;
	}
	words = report_target_text(target);
	if (ind->kind == INDICATOR_REDUCTION)
		text = xasprintf(_("target: reduction by %s"), words);
	else
		text = xasprintf(_("target: %s"), words);
	free(words);
	return text;
}

char *
figure_target_text(const Program *program, const Indicator *ind, const IndicatorRow *row)
{
	char *goal = figure_goal_text(program, ind, row), *change, *least, *text;

	if (!row->has_positive)
		return goal;
	/* The change against the baseline, and the rise min_change asks for. */
	change = report_change_pp_text(row->change_pp);
	least = report_decimal(ind->min_change);
	text = goal ? xasprintf(_("%s; %s (at least +%s asked)"), goal, change, least)
	            : xasprintf(_("%s (at least +%s asked)"), change, least);
	free(goal);
	free(change);
	free(least);
	return text;
}

/* True when some wave has a figure for the class. */
static bool
figure_has_data(const IndicatorTable *t, const char *id, const char *class_name)
{
	for (int i = 0; i < t->n; i++)
		if (strcmp(t->rows[i].indicator_id, id) == 0 &&
		    strcmp(t->rows[i].class_name, class_name) == 0 &&
		    figure_state(t, &t->rows[i]) != FIGURE_NO_DATA)
			return true;
	return false;
}

/* Classes as a school lists them, the whole school ("*") last. */
static int
figure_compare_classes(const void *a, const void *b)
{
	const char *x = *(const char *const *)a, *y = *(const char *const *)b;
	bool sx = strcmp(x, "*") == 0, sy = strcmp(y, "*") == 0;

	if (sx || sy)
		return (int)sx - (int)sy;
	return classname_compare(x, y);
}

static bool
figure_listed(const char **list, int n, const char *name)
{
	for (int j = 0; j < n; j++)
		if (strcmp(list[j], name) == 0)
			return true;
	return false;
}

/* Adds name to list (of *n) unless it is there. */
static void
figure_add_class(const char ***list, int *n, const char *name)
{
	if (figure_listed(*list, *n, name))
		return;
	*list = xreallocarray(*list, (size_t)*n + 1, sizeof **list);
	(*list)[(*n)++] = name;
}

const char **
figure_classes(const IndicatorTable *t, const char *id, int *n)
{
	const char **out = NULL;

	*n = 0;
	figure_add_class(&out, n, "*");
	for (int i = 0; i < t->n; i++) {
		const char *name = t->rows[i].class_name;
		if (strcmp(t->rows[i].indicator_id, id) == 0 && name[0] != '\0' &&
		    !figure_listed(out, *n, name) && figure_has_data(t, id, name))
			figure_add_class(&out, n, name);
	}
	qsort(out, (size_t)*n, sizeof *out, figure_compare_classes);
	return out;
}

/* One bar of the chart from its row. */
static void
figure_bar(const IndicatorTable *t, const IndicatorRow *row, ChartBar *bar, char **label)
{
	FigureState state = figure_state(t, row);

	*bar = (ChartBar){ .kind = CHART_EMPTY };
	*label = NULL;
	if (state == FIGURE_NO_DATA || !row->has_percent)
		return;
	if (state == FIGURE_TOO_FEW) {
		*label = xasprintf(_("too few, n = %d"), row->n);
		*bar = (ChartBar){ .kind = CHART_FEW, .label = *label };
		return;
	}
	*label = report_decimal(row->percent);
	*bar = (ChartBar){ .kind = CHART_VALUE,
		           .value = row->percent,
		           .met = state == FIGURE_MET       ? CHART_MET
		                  : state == FIGURE_NOT_MET ? CHART_NOT_MET
		                                            : CHART_NO_TARGET,
		           .label = *label };
}

/* The waves' percent targets as the chart's series targets (NAN: none). */
static double *
figure_chart_targets(const Program *program, const Indicator *ind)
{
	double *targets = xcalloc((size_t)program->n_waves, sizeof *targets);

	for (int w = 0; w < program->n_waves; w++) {
		const IndicatorTarget *target = figure_target(ind, w);
		targets[w] = target != NULL && target->form == TARGET_PERCENT &&
		                     ind->kind != INDICATOR_REDUCTION
		                 ? target->value
		                 : NAN;
	}
	return targets;
}

/* The waves (indices) with a bar in some class, in order; returns how
 * many. */
static int
figure_chart_waves(const Program *program, const Indicator *ind, const IndicatorTable *t,
                   const char **classes, int n_classes, int *waves)
{
	int n = 0;

	for (int w = 0; w < program->n_waves; w++) {
		bool any = false;
		for (int c = 0; c < n_classes && !any; c++) {
			const IndicatorRow *row =
			    figure_row(t, ind->id, program->waves[w].id, classes[c]);
			any = figure_state(t, row) != FIGURE_NO_DATA && row->has_percent;
		}
		if (any)
			waves[n++] = w;
	}
	return n;
}

/* Fills the chart's arrays for the waves chosen. */
static void
figure_chart_fill(const Program *program, const Indicator *ind, const IndicatorTable *t,
                  const char **classes, const int *waves, FigureChart *out)
{
	int nc = out->chart.n_categories, nw = out->chart.n_series;
	double *all = figure_chart_targets(program, ind);

	out->categories = xcalloc((size_t)nc, sizeof *out->categories);
	out->labels = xcalloc((size_t)nc * (size_t)nw, sizeof *out->labels);
	out->bars = xcalloc((size_t)nc * (size_t)nw, sizeof *out->bars);
	out->series = xcalloc((size_t)nw, sizeof *out->series);
	out->targets = xcalloc((size_t)nw, sizeof *out->targets);
	for (int s = 0; s < nw; s++) {
		out->series[s] = program->waves[waves[s]].title;
		out->targets[s] = all[waves[s]];
	}
	for (int c = 0; c < nc; c++) {
		bool school = strcmp(classes[c], "*") == 0;
		out->categories[c] = xstrdup(school ? _("Whole school") : classes[c]);
		for (int s = 0; s < nw; s++)
			figure_bar(t,
			           figure_row(t, ind->id, program->waves[waves[s]].id, classes[c]),
			           &out->bars[c * nw + s], &out->labels[c * nw + s]);
	}
	free(all);
}

bool
figure_chart(const Program *program, const Indicator *ind, const IndicatorTable *t,
             FigureChart *out)
{
	int n_classes, n_waves, *waves;
	const char **classes;

	if (ind->kind == INDICATOR_COUNT || ind->kind == INDICATOR_YESNO)
		return false;
	classes = figure_classes(t, ind->id, &n_classes);
	waves = xcalloc((size_t)program->n_waves + 1, sizeof *waves);
	n_waves = figure_chart_waves(program, ind, t, classes, n_classes, waves);
	if (n_waves == 0 || n_waves > CHART_MAX_SERIES) {
		free(waves);
		free(classes);
		return false;
	}
	memset(out, 0, sizeof *out);
	out->chart = (Chart){ .title = _("Share by class and for the whole school, %"),
		              .n_series = n_waves,
		              .n_categories = n_classes,
		              .last_is_total = true };
	figure_chart_fill(program, ind, t, classes, waves, out);
	out->chart.series = out->series;
	out->chart.targets = out->targets;
	out->chart.categories = (const char *const *)out->categories;
	out->chart.bars = out->bars;
	free(waves);
	free(classes);
	return true;
}

void
figure_chart_free(FigureChart *chart)
{
	for (int c = 0; c < chart->chart.n_categories; c++)
		free(chart->categories[c]);
	for (int i = 0; i < chart->chart.n_categories * chart->chart.n_series; i++)
		free(chart->labels[i]);
	free(chart->categories);
	free(chart->labels);
	free(chart->bars);
	free(chart->series);
	free(chart->targets);
	memset(chart, 0, sizeof *chart);
}

/* True when the summary is of one of the indicator's surveys and its scale. */
static bool
figure_paired_of(const Indicator *ind, const PairedSummary *s)
{
	if (ind->scale == NULL || strcmp(s->scale_id, ind->scale) != 0)
		return false;
	for (int i = 0; i < ind->n_surveys; i++)
		if (strcmp(ind->surveys[i], s->survey_id) == 0)
			return true;
	return false;
}

bool
figure_paired(const Indicator *ind, const PairedTable *paired, const char *class_name,
              PairedSummary *sum)
{
	*sum = (PairedSummary){ .scale_id = ind->scale, .class_name = class_name };
	for (int i = 0; i < paired->n_summaries; i++) {
		const PairedSummary *s = &paired->summaries[i];
		if (!figure_paired_of(ind, s) || strcmp(s->class_name, class_name) != 0)
			continue;
		sum->pairs += s->pairs;
		sum->up += s->up;
		sum->same += s->same;
		sum->down += s->down;
	}
	return sum->pairs > 0;
}

const char **
figure_paired_classes(const Indicator *ind, const PairedTable *paired, int *n)
{
	const char **out = NULL;

	*n = 0;
	for (int i = 0; i < paired->n_summaries; i++)
		if (figure_paired_of(ind, &paired->summaries[i]) &&
		    paired->summaries[i].pairs > 0 && paired->summaries[i].class_name[0] != '\0')
			figure_add_class(&out, n, paired->summaries[i].class_name);
	if (*n > 0)
		qsort(out, (size_t)*n, sizeof *out, figure_compare_classes);
	return out;
}
