/*
 * spravka.c: the analytical note (see spravka.h). Every figure comes from
 * the analysis and is worded as the PDF report words it (report.h); this
 * file only arranges the sections and the sentences.
 */
#include "spravka.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "chart.h"
#include "classname.h"
#include "plural.h"
#include "report.h"
#include "suppress.h"
#include "util.h"

/* Shades of a met and a missed target in the tables. */
#define SPRAVKA_MET     0xD9F2D9u
#define SPRAVKA_NOT_MET 0xF8DADAu

typedef struct {
	const Analysis *a;
	Doc *doc;
	char *cause; /* the first chart that could not be drawn */
} Spravka;

/*
 * One indicator's figures as the tables and the chart show them: the
 * classes with a figure in some wave (as a school lists them; answers
 * without a class count in the school only), then the school, per wave.
 */
typedef struct {
	const char **classes;
	int n;                     /* classes; the school is column n */
	int n_waves;               /* the programme's */
	const IndicatorRow **rows; /* [w * (n + 1) + c]; NULL: no row */
	SuppressState *state;      /* the same layout */
} Grid;

static const char *
str(const char *s)
{
	return s ? s : "";
}

/* Appends ", " and item (or item alone) to *list. */
static void
list_add(char **list, const char *item)
{
	char *next = xasprintf("%s%s%s", *list, (*list)[0] ? ", " : "", item);

	free(*list);
	*list = next;
}

/* "15.09.2026" from "2026-09-15". */
static char *
day_text(const char *iso)
{
	return xasprintf("%.2s.%.2s.%.4s", iso + 8, iso + 5, iso);
}

/* ---- The grid of one indicator, with small groups suppressed ---- */

static const IndicatorRow *
grid_find(const IndicatorTable *t, const char *id, const char *wave, const char *klass)
{
	for (int i = 0; i < t->n; i++)
		if (strcmp(t->rows[i].indicator_id, id) == 0 &&
		    strcmp(t->rows[i].wave, wave) == 0 && strcmp(t->rows[i].class_name, klass) == 0)
			return &t->rows[i];
	return NULL;
}

static bool
row_has_figure(const IndicatorRow *r)
{
	return r != NULL && (r->has_percent || r->has_value);
}

static int
grid_compare(const void *x, const void *y)
{
	return classname_compare(*(const char *const *)x, *(const char *const *)y);
}

/* The listed classes of the indicator with a figure in some wave. */
static void
grid_classes(Grid *g, const Indicator *ind, const IndicatorTable *t)
{
	g->classes = xcalloc((size_t)t->n + 1, sizeof *g->classes);
	for (int i = 0; i < t->n; i++) {
		const char *name = t->rows[i].class_name;
		bool seen = false;
		if (strcmp(t->rows[i].indicator_id, ind->id) != 0 || name[0] == '\0' ||
		    strcmp(name, "*") == 0 || !row_has_figure(&t->rows[i]))
			continue;
		for (int c = 0; c < g->n && !seen; c++)
			seen = strcmp(g->classes[c], name) == 0;
		if (!seen)
			g->classes[g->n++] = name;
	}
	qsort(g->classes, (size_t)g->n, sizeof *g->classes, grid_compare);
}

/* Suppresses small groups of wave w: only where respondents are counted
 * (share, reduction); a row from nobody hides nothing. */
static void
grid_suppress(Grid *g, const Indicator *ind, int w)
{
	const IndicatorRow **rows = &g->rows[w * (g->n + 1)];
	SuppressState *state = &g->state[w * (g->n + 1)];
	int *counts = xcalloc((size_t)g->n + 1, sizeof *counts), sum = 0;
	int total = rows[g->n] != NULL ? rows[g->n]->n : 0;

	for (int c = 0; c < g->n; c++) {
		counts[c] = rows[c] != NULL && rows[c]->has_percent ? rows[c]->n : 0;
		sum += counts[c];
	}
	if (ind->kind == INDICATOR_SHARE || ind->kind == INDICATOR_REDUCTION)
		suppress_classes(counts, g->n, total > sum ? total : sum, ind->min_n, state,
		                 &state[g->n]);
	free(counts);
}

static void
grid_build(Grid *g, const Program *program, const Indicator *ind, const IndicatorTable *t)
{
	*g = (Grid){ .n_waves = program->n_waves };
	grid_classes(g, ind, t);
	g->rows = xcalloc((size_t)(g->n + 1) * (size_t)g->n_waves + 1, sizeof *g->rows);
	g->state = xcalloc((size_t)(g->n + 1) * (size_t)g->n_waves + 1, sizeof *g->state);
	for (int w = 0; w < g->n_waves; w++) {
		for (int c = 0; c <= g->n; c++)
			g->rows[w * (g->n + 1) + c] = grid_find(t, ind->id, program->waves[w].id,
			                                        c < g->n ? g->classes[c] : "*");
		grid_suppress(g, ind, w);
	}
}

static void
grid_free(Grid *g)
{
	free(g->classes);
	free(g->rows);
	free(g->state);
}

static const IndicatorRow *
grid_row(const Grid *g, int w, int c)
{
	return g->rows[w * (g->n + 1) + c];
}

static SuppressState
grid_state(const Grid *g, int w, int c)
{
	return g->state[w * (g->n + 1) + c];
}

/* "мало данных, n = 3" or "скрыто" for a suppressed cell; NULL when shown. */
static char *
suppressed_text(const Grid *g, int w, int c)
{
	if (grid_state(g, w, c) == SUPPRESS_FEW)
		return xasprintf(_("too few data, n = %d"), grid_row(g, w, c)->n);
	if (grid_state(g, w, c) == SUPPRESS_COMPLEMENT)
		return xstrdup(_("hidden"));
	return NULL;
}

/* ---- How an indicator is called ---- */

/* True for an id a programme's table numbers ("1.2", "2.2.info"); an id
 * of the file's own ("sd.students.climate") is for machines, not readers. */
static bool
indicator_numbered(const Indicator *ind)
{
	return ind->id[0] >= '0' && ind->id[0] <= '9';
}

/* "1.2. Доля обучающихся ..." or, for an id of the file's own, the title
 * alone. The caller frees it. */
static char *
indicator_name(const Indicator *ind)
{
	if (!indicator_numbered(ind) && ind->title != NULL)
		return xstrdup(ind->title);
	return xasprintf("%s. %s", ind->id, str(ind->title));
}

/* ---- The title and who took part ---- */

static void
spravka_title(Spravka *s, const char *date)
{
	int n_programs;
	Program *const *programs = analysis_programs(s->a, &n_programs);
	const char *school = analysis_school(s->a);

	doc_paragraph(s->doc, _("on the results of the psychological diagnostics"));
	doc_paragraph(s->doc, _("School: "));
	doc_run(s->doc, school[0] ? school : _("not named (anketa school sets the name)"), true);
	for (int p = 0; p < n_programs; p++) {
		doc_paragraph(s->doc, _("Programme: "));
		doc_run(s->doc, programs[p]->title, true);
	}
	doc_paragraph(s->doc, _("Date: "));
	doc_run(s->doc, date, false);
}

/* "14.09.2026 – 17.09.2026", or one day. */
static char *
wave_dates(const AnalysisWave *w)
{
	char *first = day_text(w->first), *last = day_text(w->last), *text;

	text = strcmp(first, last) == 0 ? xstrdup(first)
	                                : xasprintf("%s"
	                                            "\xC2\xA0\xE2\x80\x93 "
	                                            "%s",
	                                            first, last);
	free(first);
	free(last);
	return text;
}

/* "3 обучающихся, 1 родитель, 0 педагогов" (and heads when there are). */
static char *
who_took_part(const Analysis *a, const char *wave, int counts[4])
{
	static const char *const audiences[] = { "student", "parent", "teacher", "head" };
	static const PluralNoun nouns[] = { PLURAL_STUDENT, PLURAL_PARENT, PLURAL_TEACHER,
		                            PLURAL_HEAD };
	char *text = xstrdup(""), *item;

	for (int i = 0; i < 4; i++) {
		counts[i] = analysis_participants(a, audiences[i], wave);
		if (i == 3 && counts[i] == 0)
			break;
		item = plural_count((unsigned long)counts[i], nouns[i]);
		list_add(&text, item);
		free(item);
	}
	return text;
}

static void
spravka_participants(Spravka *s)
{
	int n_waves, *used, n_used, counts[4];
	const AnalysisWave *waves = analysis_waves(s->a, &n_waves);

	doc_heading(s->doc, 1, _("1. Waves and participants"));
	used = xcalloc((size_t)n_waves + 1, sizeof *used);
	n_used = analysis_used_waves(s->a, NULL, used);
	if (n_used == 0)
		doc_paragraph(s->doc, _("No completed questionnaires yet."));
	for (int i = 0; i < n_used; i++) {
		const AnalysisWave *w = &waves[used[i]];
		char *dates = wave_dates(w), *who = who_took_part(s->a, w->id, counts);
		char *text = xasprintf(_("«%s», %s: took part %s."), w->title, dates, who);
		doc_bullet(s->doc, text);
		free(text);
		free(who);
		free(dates);
	}
	free(used);
}

/* ---- The indicators ---- */

/* The last wave whose school row has a figure, or -1. */
static int
last_wave_with_data(const Grid *g)
{
	for (int w = g->n_waves - 1; w >= 0; w--)
		if (row_has_figure(grid_row(g, w, g->n)))
			return w;
	return -1;
}

/* "выросла на 4,2 п. п.", "снизилась на 1,0 п. п.", "не изменилась.",
 * each ending a sentence. */
static char *
change_words(double change_pp)
{
	double rounded = util_round(change_pp, 1);
	char *number = report_decimal(fabs(rounded)), *text;

	if (rounded > 0)
		text = xasprintf(_("rose by %s p.p."), number);
	else if (rounded < 0)
		text = xasprintf(_("fell by %s p.p."), number);
	else
		text = xstrdup(_("did not change."));
	free(number);
	return text;
}

/* What the school's row says at its last wave, without the verdict. */
static char *
value_sentence(const Program *program, const Indicator *ind, const IndicatorRow *r, int w)
{
	const char *wave = program->waves[w].title;
	char *number, *text;

	if (ind->kind == INDICATOR_YESNO && r->has_value)
		return xasprintf(_("At the wave «%s» the answer is «%s»"), wave,
		                 r->value ? _("yes") : _("no"));
	if (r->has_value)
		return xasprintf(_("At the wave «%s» the value is %d"), wave, r->value);
	number = report_decimal(r->percent);
	text = xasprintf(_("At the wave «%s» the share is %s %% (%d of %d)"), wave, number,
	                 r->meeting, r->n);
	free(number);
	return text;
}

/* ", при целевом значении 70 %: показатель достигнут." and the like. */
static char *
verdict_sentence(const Indicator *ind, const IndicatorRow *r)
{
	IndicatorTarget target = { .form = TARGET_PERCENT, .value = r->target };
	char *goal, *change = NULL, *text;

	if (ind->kind == INDICATOR_COUNT)
		target.form = TARGET_COUNT;
	else if (ind->kind == INDICATOR_YESNO)
		target.form = TARGET_YESNO;
	goal = r->has_target ? report_target_text(&target) : NULL;
	if (ind->kind == INDICATOR_REDUCTION && r->has_change) {
		char *number = report_decimal(r->change);
		change = xasprintf(_(", a reduction of %s %% against the baseline"), number);
		free(number);
	}
	if (r->too_few)
		text = xasprintf(_("%s; too few respondents (fewer than %d) to judge the target."),
		                 str(change), ind->min_n);
	else if (r->has_met)
		text = xasprintf(r->met ? _("%s, the target being %s: met.")
		                        : _("%s, the target being %s: not met."),
		                 str(change), goal);
	else if (goal == NULL && r->nothing_to_reduce)
		text = xstrdup(_("; nothing to reduce: the share was 0 % at the baseline."));
	else
		text = xasprintf(_("%s; no target at this wave."), str(change));
	free(goal);
	free(change);
	return text;
}

/* "Ниже целевого значения: 6А, 6Б." (classes shown only), or NULL. */
static char *
below_sentence(const Grid *g, int w)
{
	char *list = xstrdup(""), *text = NULL;

	for (int c = 0; c < g->n; c++) {
		const IndicatorRow *r = grid_row(g, w, c);
		if (r != NULL && r->has_met && !r->met && grid_state(g, w, c) == SUPPRESS_SHOWN)
			list_add(&list, g->classes[c]);
	}
	if (list[0] != '\0')
		text = xasprintf(_("Below the target: %s."), list);
	free(list);
	return text;
}

/* The sentence about the indicator at its last wave with a figure (there
 * is one). */
static void
indicator_sentence(Spravka *s, const Program *program, const Indicator *ind, const Grid *g)
{
	int w = last_wave_with_data(g);
	const IndicatorRow *r = grid_row(g, w, g->n);
	char *value, *verdict, *text, *below;

	if (grid_state(g, w, g->n) != SUPPRESS_SHOWN) {
		text =
		    xasprintf(_("At the wave «%s» too few responded (n = %d) to give the share."),
		              program->waves[w].title, r->n);
		doc_paragraph(s->doc, text);
		free(text);
		return;
	}
	value = value_sentence(program, ind, r, w);
	verdict = verdict_sentence(ind, r);
	text = xasprintf("%s%s", value, verdict);
	doc_paragraph(s->doc, text);
	if (r->has_change_pp && w > 0) {
		char *change = change_words(r->change_pp);
		char *since = xasprintf(_(" Against the baseline («%s») the share %s"),
		                        program->waves[0].title, change);
		doc_run(s->doc, since, false);
		free(since);
		free(change);
	}
	if (r->has_positive && !r->too_few)
		doc_run(s->doc,
		        r->positive ? _(" Positive dynamics: yes.") : _(" Positive dynamics: no."),
		        false);
	below = below_sentence(g, w);
	if (below != NULL) {
		doc_run(s->doc, " ", false);
		doc_run(s->doc, below, true);
	}
	free(below);
	free(text);
	free(value);
	free(verdict);
}

/* A row per class and the school, a column per wave. */
static bool
indicator_table(Spravka *s, const Program *program, const Indicator *ind, const Grid *g)
{
	DocTable *t = doc_table(s->doc, g->n_waves + 1);
	bool hidden = false;

	doc_table_set(t, 0, 0, _("Class"));
	for (int w = 0; w < g->n_waves; w++)
		doc_table_set(t, 0, w + 1, program->waves[w].title);
	for (int c = 0; c <= g->n; c++) {
		int row = doc_table_add_row(t);
		doc_table_set(t, row, 0, c < g->n ? g->classes[c] : _("Whole school"));
		for (int w = 0; w < g->n_waves; w++) {
			const IndicatorRow *r = grid_row(g, w, c);
			char *text = r != NULL ? suppressed_text(g, w, c) : NULL;
			hidden |= grid_state(g, w, c) == SUPPRESS_COMPLEMENT;
			if (r != NULL && text == NULL && row_has_figure(r)) {
				text = report_cell_text(program, ind, r);
				if (r->has_met)
					doc_table_shade(t, row, w + 1,
					                r->met ? SPRAVKA_MET : SPRAVKA_NOT_MET);
			}
			doc_table_set(t, row, w + 1, text ? text : "—");
			free(text);
		}
	}
	return hidden;
}

/* One bar of the chart. label gets a string to free (or NULL). */
static ChartBar
chart_bar(const Grid *g, int w, int c, char **label)
{
	const IndicatorRow *r = grid_row(g, w, c);
	char *few = r != NULL ? suppressed_text(g, w, c) : NULL;

	*label = NULL;
	if (r == NULL || !r->has_percent)
		return (ChartBar){ .kind = CHART_EMPTY };
	if (few != NULL) {
		*label = few;
		return (ChartBar){ .kind = CHART_FEW, .label = few };
	}
	*label = report_decimal(r->percent);
	return (ChartBar){ .kind = CHART_VALUE,
		           .value = r->percent,
		           .met = !r->has_met ? CHART_NO_TARGET
		                  : r->met    ? CHART_MET
		                              : CHART_NOT_MET,
		           .label = *label };
}

/* Each series' target as a share (NAN for none; a reduction's target is
 * no share). */
static void
chart_targets(const Indicator *ind, double *targets, int n)
{
	for (int w = 0; w < n; w++)
		targets[w] = NAN;
	for (int i = 0; ind->kind != INDICATOR_REDUCTION && i < ind->n_targets; i++)
		if (ind->targets[i].form == TARGET_PERCENT && ind->targets[i].wave < n)
			targets[ind->targets[i].wave] = ind->targets[i].value;
}

/* The indicator's bars as a PNG picture across the page. */
static void
indicator_chart(Spravka *s, const Program *program, const Indicator *ind, const Grid *g)
{
	int n_series = g->n_waves < CHART_MAX_SERIES ? g->n_waves : CHART_MAX_SERIES;
	int n_bars = (g->n + 1) * n_series;
	const char **series = xcalloc((size_t)n_series + 1, sizeof *series);
	const char **categories = xcalloc((size_t)g->n + 2, sizeof *categories);
	ChartBar *bars = xcalloc((size_t)n_bars + 1, sizeof *bars);
	char **labels = xcalloc((size_t)n_bars + 1, sizeof *labels), *title, *cause = NULL;
	double targets[CHART_MAX_SERIES];
	Chart chart;
	unsigned char *png = NULL;
	size_t len = 0;

	for (int w = 0; w < n_series; w++)
		series[w] = program->waves[w].title;
	for (int c = 0; c <= g->n; c++) {
		categories[c] = c < g->n ? g->classes[c] : _("Whole school");
		for (int w = 0; w < n_series; w++)
			bars[c * n_series + w] = chart_bar(g, w, c, &labels[c * n_series + w]);
	}
	chart_targets(ind, targets, n_series);
	title = indicator_name(ind);
	chart = (Chart){ title, n_series, series, targets, g->n + 1, categories, bars, true };
	if (chart_png(&chart, 453, 227, 2, &png, &len, &cause) == 0)
		doc_image(s->doc, png, len, 16, 8);
	else if (s->cause == NULL)
		s->cause = cause;
	else
		free(cause);
	for (int i = 0; i < n_bars; i++)
		free(labels[i]);
	free(png);
	free(title);
	free(labels);
	free(bars);
	free(categories);
	free(series);
}

/* True when some row of the grid has a share to draw. */
static bool
grid_has_percent(const Grid *g)
{
	for (int w = 0; w < g->n_waves; w++)
		for (int c = 0; c <= g->n; c++)
			if (grid_row(g, w, c) != NULL && grid_row(g, w, c)->has_percent)
				return true;
	return false;
}

/* One indicator: its heading, sentence, chart and table. False, and
 * nothing written, for an indicator without a single figure. */
static bool
spravka_indicator(Spravka *s, const Program *program, const Indicator *ind, const IndicatorTable *t)
{
	char *heading;
	Grid g;

	grid_build(&g, program, ind, t);
	if (last_wave_with_data(&g) < 0) {
		grid_free(&g);
		return false;
	}
	heading = indicator_name(ind);
	doc_heading(s->doc, 3, heading);
	indicator_sentence(s, program, ind, &g);
	/* The chart first: a picture cannot break across pages, a table can. */
	if (grid_has_percent(&g))
		indicator_chart(s, program, ind, &g);
	if (indicator_table(s, program, ind, &g))
		doc_paragraph(s->doc,
		              _("«hidden»: a class not shown so that the whole school's row "
		                "cannot give away a class with too few data."));
	grid_free(&g);
	free(heading);
	return true;
}

/* The indicators of one kind (entered or not) without a figure
 * (shown[i] false), as a list under one line. */
static void
spravka_missing(Spravka *s, const Program *program, const bool *shown, bool entered)
{
	bool first = true;

	for (int i = 0; i < program->n_indicators; i++) {
		const Indicator *ind = &program->indicators[i];
		char *name;
		if (shown[i] || program_kind_entered(ind->kind) != entered)
			continue;
		if (first)
			doc_heading(s->doc, 3,
			            entered ? _("No value entered yet for these indicators:")
			                    : _("No data yet for these indicators:"));
		first = false;
		name = indicator_name(ind);
		doc_bullet(s->doc, name);
		free(name);
	}
}

static void
spravka_indicators(Spravka *s)
{
	int n_programs;
	Program *const *programs = analysis_programs(s->a, &n_programs);

	doc_heading(s->doc, 1, _("2. Programme indicators"));
	if (n_programs == 0)
		doc_paragraph(s->doc, _("No programme file was found in surveys/programs: "
		                        "the report has no indicators."));
	for (int p = 0; p < n_programs; p++) {
		char *flagged = report_flagged_text(programs[p], analysis_table(s->a, p));
		bool *shown = xcalloc((size_t)programs[p]->n_indicators + 1, sizeof *shown);
		if (n_programs > 1)
			doc_heading(s->doc, 2, programs[p]->title);
		if (flagged != NULL)
			doc_paragraph(s->doc, flagged);
		free(flagged);
		for (int i = 0; i < programs[p]->n_indicators; i++)
			shown[i] = spravka_indicator(s, programs[p], &programs[p]->indicators[i],
			                             analysis_table(s->a, p));
		spravka_missing(s, programs[p], shown, false);
		spravka_missing(s, programs[p], shown, true);
		free(shown);
	}
}

/* ---- Paired change, groups, alerts, instruments ---- */

/* How the programmes call a wave of the analysis. Borrowed. */
static const char *
wave_title(const Analysis *a, const char *id)
{
	int n;
	const AnalysisWave *waves = analysis_waves(a, &n);

	for (int w = 0; w < n; w++)
		if (strcmp(waves[w].id, id) == 0)
			return waves[w].title;
	return id;
}

/* True when an indicator of the programmes counts the scale of the survey. */
static bool
scale_in_indicators(const Analysis *a, const char *survey_id, const char *scale_id)
{
	int n_programs;
	Program *const *programs = analysis_programs(a, &n_programs);

	for (int p = 0; p < n_programs; p++)
		for (int i = 0; i < programs[p]->n_indicators; i++) {
			const Indicator *ind = &programs[p]->indicators[i];
			for (int j = 0; ind->scale != NULL && j < ind->n_surveys; j++)
				if (strcmp(ind->surveys[j], survey_id) == 0 &&
				    strcmp(ind->scale, scale_id) == 0)
					return true;
		}
	return false;
}

/* The smallest group shown: the first programme's min_n. */
static int
spravka_min_n(const Analysis *a)
{
	int n_programs;
	Program *const *programs = analysis_programs(a, &n_programs);

	return n_programs > 0 ? programs[0]->min_n : SUPPRESS_DEFAULT_MIN_N;
}

/* "Мотивация (Отношение к школе)": the scale's and the survey's titles. */
static char *
scale_name(const SurveySet *surveys, const char *survey_id, const char *scale_id)
{
	const Survey *survey = survey_set_find(surveys, survey_id);
	int k = survey ? survey_find_scale(survey, scale_id) : -1;

	if (k < 0)
		return xasprintf("%s: %s", survey_id, scale_id);
	return xasprintf("%s: %s", survey->title ? survey->title : survey->id,
	                 survey->scales[k].title ? survey->scales[k].title : scale_id);
}

static void
paired_row(DocTable *t, const SurveySet *surveys, const PairedSummary *sum, int min_n)
{
	int row = doc_table_add_row(t);
	char *name = scale_name(surveys, sum->survey_id, sum->scale_id);
	int figures[] = { sum->pairs, sum->up, sum->same, sum->down };

	doc_table_set(t, row, 0, name);
	for (int i = 0; i < 4; i++) {
		char *text = sum->pairs < min_n && i > 0
		                 ? xasprintf(_("too few data, n = %d"), sum->pairs)
		                 : xasprintf("%d", figures[i]);
		doc_table_set(t, row, i + 1, text);
		free(text);
	}
	free(name);
}

static void
spravka_paired(Spravka *s)
{
	const char *from = NULL, *to = NULL;
	const PairedTable *p = analysis_paired(s->a, &from, &to);
	DocTable *t;
	char *text;

	doc_heading(s->doc, 1, _("3. Change of the same respondents"));
	if (p == NULL || p->n_summaries == 0) {
		doc_paragraph(s->doc, _("Nobody has answered in two waves under the same class and "
		                        "code yet: there is no change to show."));
		return;
	}
	text = xasprintf(_("Respondents who answered in both waves «%s» and «%s» (the same class "
	                   "and code), by the level of each scale: how many moved to a better "
	                   "level, stayed, or moved to a worse one."),
	                 wave_title(s->a, from), wave_title(s->a, to));
	doc_paragraph(s->doc, text);
	free(text);
	t = doc_table(s->doc, 5);
	doc_table_set(t, 0, 0, _("Scale"));
	doc_table_set(t, 0, 1, _("Pairs"));
	doc_table_set(t, 0, 2, _("Moved up"));
	doc_table_set(t, 0, 3, _("Stayed"));
	doc_table_set(t, 0, 4, _("Moved down"));
	for (int i = 0; i < p->n_summaries; i++)
		if (strcmp(p->summaries[i].class_name, "*") == 0 &&
		    scale_in_indicators(s->a, p->summaries[i].survey_id, p->summaries[i].scale_id))
			paired_row(t, analysis_surveys(s->a), &p->summaries[i],
			           spravka_min_n(s->a));
}

/* A row per level, a column per wave the survey was answered in. */
static void
level_table(Spravka *s, const Survey *survey, int k, const int *used, int n_used)
{
	int n_waves, min_n = spravka_min_n(s->a);
	const AnalysisWave *waves = analysis_waves(s->a, &n_waves);
	const SurveyScale *sc = &survey->scales[k];
	DocTable *t = doc_table(s->doc, n_used + 1);

	doc_table_set(t, 0, 0, _("Level"));
	for (int w = 0; w < n_used; w++)
		doc_table_set(t, 0, w + 1, waves[used[w]].title);
	for (int l = -2; l < sc->n_levels; l++) {
		int row;
		if (l == -1)
			continue; /* "too few answers" is no group */
		row = l >= 0 ? doc_table_add_row(t) : 0;
		for (int w = 0; w < n_used; w++) {
			int all = analysis_level_count(s->a, survey, k, waves[used[w]].id, -2);
			int n = analysis_level_count(s->a, survey, k, waves[used[w]].id, l);
			char *text = all < min_n ? xasprintf(_("too few data, n = %d"), all)
			                         : xasprintf("%d", n);
			if (l >= 0)
				doc_table_set(t, row, w + 1, text);
			free(text);
		}
		if (l >= 0)
			doc_table_set(t, row, 0, sc->levels[l].label);
	}
}

static void
spravka_groups(Spravka *s)
{
	const SurveySet *surveys = analysis_surveys(s->a);
	int n_waves, *used, tables = 0;

	analysis_waves(s->a, &n_waves);
	used = xcalloc((size_t)n_waves + 1, sizeof *used);
	doc_heading(s->doc, 1, _("4. Groups by level"));
	doc_paragraph(s->doc, _("How many respondents are at each level of the scales the "
	                        "indicators count, per wave: the sizes of the groups for "
	                        "differentiated work (the codes are in the school's workbook)."));
	for (int i = 0; i < surveys->n; i++) {
		const Survey *survey = surveys->items[i];
		int n_used = analysis_used_waves(s->a, survey->id, used);
		for (int k = 0; n_used > 0 && k < survey->n_scales; k++) {
			char *name;
			if (survey->scales[k].n_levels == 0 ||
			    !scale_in_indicators(s->a, survey->id, survey->scales[k].id))
				continue;
			name = scale_name(surveys, survey->id, survey->scales[k].id);
			doc_heading(s->doc, 3, name);
			free(name);
			level_table(s, survey, k, used, n_used);
			tables++;
		}
	}
	if (tables == 0)
		doc_paragraph(s->doc, _("No completed questionnaires yet."));
	free(used);
}

static void
spravka_alerts(Spravka *s)
{
	char *text = xasprintf(_("Answers that need the psychologist's attention: %d. They are "
	                         "not listed here: the Results screen and the workbook's alerts "
	                         "sheet name them."),
	                       analysis_alerts(s->a));

	doc_heading(s->doc, 1, _("5. Answers that need attention"));
	doc_paragraph(s->doc, text);
	free(text);
}

static void
spravka_instruments(Spravka *s)
{
	const SurveySet *surveys = analysis_surveys(s->a);

	doc_heading(s->doc, 1, _("6. Instruments"));
	if (analysis_completed(s->a, NULL, NULL) == 0)
		doc_paragraph(s->doc, _("No completed questionnaires yet."));
	for (int i = 0; i < surveys->n; i++) {
		const Survey *survey = surveys->items[i];
		if (analysis_completed(s->a, survey->id, NULL) == 0)
			continue;
		doc_bullet(s->doc, survey->title ? survey->title : survey->id);
		if (survey->source != NULL) {
			doc_run(s->doc, " — ", false);
			doc_run(s->doc, survey->source, false);
		}
	}
}

Doc *
spravka_build(const Analysis *analysis, const char *date, char **cause)
{
	Spravka s = { analysis, doc_new(_("Analytical note")), NULL };

	spravka_title(&s, date);
	spravka_participants(&s);
	spravka_indicators(&s);
	spravka_paired(&s);
	spravka_groups(&s);
	spravka_alerts(&s);
	spravka_instruments(&s);
	doc_heading(s.doc, 1, _("7. Recommendations"));
	doc_paragraph(s.doc, "");
	if (s.cause != NULL) {
		*cause = s.cause;
		doc_free(s.doc);
		return NULL;
	}
	return s.doc;
}

int
spravka_save(Store *store, const Analysis *analysis, const char *path, char **cause)
{
	DocFormat format;
	char date[16], *detail;
	Doc *doc;
	int rc;

	if (doc_format_of(path, &format) != 0) {
		*cause = xasprintf(_("%s: the note is written as .odt or .docx"), path);
		return -1;
	}
	report_today(date);
	doc = spravka_build(analysis, date, cause);
	if (doc == NULL)
		return -1;
	rc = doc_write(doc, format, path, cause);
	doc_free(doc);
	if (rc != 0)
		return -1;
	detail = xasprintf("spravka %s -> %s", format == DOC_ODT ? "odt" : "docx", path);
	rc = store_audit_add(store, "report", detail, cause);
	free(detail);
	return rc;
}
