/*
 * report.c: the psychologist's report (see report.h), laid out with
 * pdfdoc.h. Figures come from the indicator engine and the scored sittings;
 * this file only arranges and words them.
 */
#include "report.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "classname.h"
#include "figure.h"
#include "outfile.h"
#include "pdfdoc.h"
#include "store.h"
#include "util.h"

typedef struct {
	const ReportInput *in;
	const Analysis *analysis;
	const SurveySet *surveys;
	Program *const *programs;
	int n_programs;
	const ResultFilter *filter;
	const AnalysisWave *waves; /* the analysis' waves */
	int n_waves;
} Report;

/* Keeps a number with its unit, and "(2 из 3)" together, when a line wraps. */
#define NBSP "\xC2\xA0"

static const char *
str(const char *s)
{
	return s ? s : "";
}

char *
report_decimal(double value)
{
	double rounded = util_round(value, 1);
	char *text, *dot;

	if (rounded == 0)
		rounded = 0; /* no "-0,0" */
	text = xasprintf("%.1f", rounded);
	dot = strchr(text, '.');
	if (dot != NULL)
		*dot = ','; /* Russian writes a decimal comma */
	return text;
}

/* Appends "\n" and the line to *text. */
static void
append_line(char **text, char *line)
{
	char *joined = xasprintf("%s\n%s", *text, line);

	free(*text);
	free(line);
	*text = joined;
}

/* "66,7 %", never split over two lines. */
static char *
percent_text(double value)
{
	char *number = report_decimal(value), *text = xasprintf("%s" NBSP "%%", number);

	free(number);
	return text;
}

/* Takes text and returns it with every space a no-break one. */
static char *
glue(char *text)
{
	char *out = xcalloc(strlen(text) * 2 + 1, 1), *w = out;

	for (const char *r = text; *r != '\0'; r++) {
		if (*r == ' ')
			w = stpcpy(w, NBSP);
		else
			*w++ = *r;
	}
	free(text);
	return out;
}

/* A count or a single yes/no answer, and whether it meets the target. */
static char *
value_text(const IndicatorRow *row)
{
	char *text = row->kind == INDICATOR_YESNO ? xstrdup(row->value ? _("yes") : _("no"))
	                                          : xasprintf("%d", row->value);

	if (row->has_met)
		append_line(&text, xstrdup(row->met ? _("✓ met") : _("✗ not met")));
	return text;
}

char *
report_change_pp_text(double change_pp)
{
	double rounded = util_round(change_pp, 1);
	char *number = report_decimal(rounded < 0 ? -rounded : rounded);
	char *text = xasprintf("%s%s" NBSP "%s",
	                       rounded > 0   ? "+"
	                       : rounded < 0 ? "\xE2\x88\x92" /* U+2212 MINUS SIGN */
	                                     : "",
	                       number, _("p.p."));

	free(number);
	return text;
}

char *
report_too_few_text(const Indicator *indicator)
{
	return xasprintf(_("too few to count: fewer than %d respondents"), indicator->min_n);
}

/* "+12,0 п. п.: положительная динамика", or that there is none. */
static char *
dynamics_text(const IndicatorRow *row)
{
	char *change = report_change_pp_text(row->change_pp);
	char *text = xasprintf(
	    row->positive ? _("%s: positive dynamics") : _("%s: no positive dynamics"), change);

	free(change);
	return text;
}

char *
report_cell_text(const Program *program, const Indicator *indicator, const IndicatorRow *row)
{
	char *percent, *counts, *text;
	bool baseline;

	if (row->has_value)
		return value_text(row);
	if (!row->has_percent)
		return xstrdup(_("no data"));
	percent = percent_text(row->percent);
	counts = glue(xasprintf(_("(%d of %d)"), row->meeting, row->n));
	text = xasprintf("%s %s", percent, counts);
	free(percent);
	free(counts);
	/* At the baseline wave itself the reduction is zero by definition. */
	baseline = indicator->baseline >= 0 &&
	           strcmp(row->wave, program->waves[indicator->baseline].id) == 0;
	if (indicator->kind == INDICATOR_REDUCTION && row->has_change && !baseline)
		append_line(&text, figure_change_text(row->change));
	if (indicator->kind == INDICATOR_REDUCTION && row->nothing_to_reduce && !baseline)
		append_line(&text, xstrdup(_("nothing to reduce: 0 % at the baseline")));
	if (row->has_positive)
		append_line(&text, dynamics_text(row));
	if (row->too_few)
		append_line(&text, report_too_few_text(indicator));
	if (row->has_met)
		append_line(&text, xstrdup(row->met ? _("✓ met") : _("✗ not met")));
	return text;
}

/* ---- What is counted ---- */

/* How the programmes call a wave; a wave none of them lists keeps its id. */
static const char *
wave_title(const Report *r, const char *wave)
{
	return program_wave_title(r->programs, r->n_programs, wave);
}

/* Completed sittings of a survey (NULL: any) in a wave (NULL: any). */
static int
count_completed(const Report *r, const char *survey_id, const char *wave)
{
	return analysis_completed(r->analysis, survey_id, wave);
}

/* ---- The title block ---- */

static PdfTable *
completed_table(const Report *r, const int *waves, int n_waves)
{
	const SurveySet *surveys = r->surveys;
	PdfTable *t = pdfdoc_table_new(n_waves + 2);

	pdfdoc_table_set(t, 0, 0, _("Questionnaire"));
	for (int w = 0; w < n_waves; w++)
		pdfdoc_table_set(t, 0, w + 1, wave_title(r, r->waves[waves[w]].id));
	pdfdoc_table_set(t, 0, n_waves + 1, _("Total"));
	for (int i = 0; i < surveys->n; i++) {
		const Survey *s = surveys->items[i];
		int row, total = count_completed(r, s->id, NULL);
		if (total == 0)
			continue;
		row = pdfdoc_table_add_row(t, false);
		pdfdoc_table_set(t, row, 0, s->title ? s->title : s->id);
		for (int w = 0; w < n_waves; w++)
			pdfdoc_table_take(
			    t, row, w + 1,
			    xasprintf("%d", count_completed(r, s->id, r->waves[waves[w]].id)));
		pdfdoc_table_take(t, row, n_waves + 1, xasprintf("%d", total));
	}
	return t;
}

/* Whose sittings the report is about: the school, or a row per school. */
static void
layout_school(PdfDoc *doc, const Report *r)
{
	const ResultFilter *filter = r->filter;
	const char *school = analysis_school(r->analysis);
	char *text;

	/* The school asked for, else the database's own name (anketa school);
	 * with a row per school, the schools are in the tables. */
	if (school[0] != '\0' && !filter->by_school) {
		text = xasprintf(_("School: %s"), school);
		pdfdoc_text(doc, PDF_SUBHEADING, text);
		free(text);
	}
	if (filter->by_school)
		pdfdoc_text(doc, PDF_BODY,
		            _("By school: the indicators have a row per school instead of a row "
		              "per class, and a row for all schools together."));
}

static void
layout_title(PdfDoc *doc, const Report *r)
{
	int *waves = xcalloc((size_t)r->n_waves + 1, sizeof *waves);
	int n_waves = analysis_used_waves(r->analysis, NULL, waves);
	char *date = xasprintf(_("Made on %s"), r->in->date);
	PdfTable *t;

	pdfdoc_text(doc, PDF_TITLE, _("Report of the school psychologist"));
	for (int p = 0; p < r->n_programs; p++)
		pdfdoc_text(doc, PDF_SUBHEADING, r->programs[p]->title);
	if (r->n_programs == 0)
		pdfdoc_text(doc, PDF_BODY,
		            _("No programme file was found in surveys/programs: "
		              "the report has no indicators."));
	layout_school(doc, r);
	pdfdoc_text(doc, PDF_BODY, date);
	free(date);
	pdfdoc_text(doc, PDF_HEADING, _("Completed questionnaires"));
	if (n_waves == 0) {
		pdfdoc_text(doc, PDF_BODY, _("No completed questionnaires yet."));
	} else {
		t = completed_table(r, waves, n_waves);
		pdfdoc_table(doc, t);
		pdfdoc_table_free(t);
	}
	free(waves);
}

/* ---- The indicators ---- */

char *
report_target_text(const IndicatorTarget *t)
{
	char *number = t->value == (double)(long)t->value ? xasprintf("%ld", (long)t->value)
	                                                  : report_decimal(t->value);
	char *text;

	if (t->form == TARGET_COUNT)
		text = xasprintf(_("at least %s"), number);
	else if (t->form == TARGET_PLUS)
		text = xasprintf(_("the plan + %s"), number);
	else if (t->form == TARGET_YESNO)
		text = xstrdup(t->value > 0 ? _("yes") : _("no"));
	else
		text = xasprintf("%s" NBSP "%%", number);
	free(number);
	return text;
}

char *
report_targets_text(const Program *program, const Indicator *ind)
{
	char *text, *next, *target;

	if (ind->n_targets == 0 && ind->has_min_change) {
		char *number = report_decimal(ind->min_change);
		text = xasprintf(_("No target: the programme asks for positive dynamics, a rise of "
		                   "at least %s percentage points against the baseline."),
		                 number);
		free(number);
		return text;
	}
	if (ind->n_targets == 0)
		return xstrdup(_("No target."));
	text = xstrdup(ind->kind == INDICATOR_REDUCTION ? _("Target reduction:") : _("Targets:"));
	for (int i = 0; i < ind->n_targets; i++) {
		target = report_target_text(&ind->targets[i]);
		next = xasprintf("%s%s %s" NBSP "— %s", text, i ? "," : "",
		                 program->waves[ind->targets[i].wave].title, target);
		free(target);
		free(text);
		text = next;
	}
	return text;
}

/* The scale's title and its levels that count ("«Высокий», «Средний»"),
 * from the first survey of the indicator; NULL when it is not loaded. */
static char *
levels_text(const SurveySet *surveys, const Indicator *ind, const char **scale_title)
{
	const Survey *survey =
	    ind->n_surveys > 0 ? survey_set_find(surveys, ind->surveys[0]) : NULL;
	int scale = survey && ind->scale ? survey_find_scale(survey, ind->scale) : -1;
	const SurveyScale *sc;
	char *text = xstrdup(""), *next;

	if (scale < 0) {
		free(text);
		return NULL;
	}
	sc = &survey->scales[scale];
	*scale_title = sc->title ? sc->title : sc->id;
	for (int i = 0; i < ind->n_levels; i++) {
		int level = survey_find_level(sc, ind->levels[i]);
		next = xasprintf("%s%s«%s»", text, i ? ", " : "",
		                 level >= 0 ? sc->levels[level].label : ind->levels[i]);
		free(text);
		text = next;
	}
	return text;
}

/* Where an entered indicator's figures come from. Borrowed. */
static const char *
entered_kind_text(const Indicator *ind)
{
	if (ind->kind == INDICATOR_COUNT)
		return _("Entered by the psychologist: a number (anketa enter, or the "
		         "psychologist's entry screen); a class's numbers add up to the school's "
		         "unless one is entered for the whole school.");
	if (ind->kind == INDICATOR_YESNO)
		return _("Entered by the psychologist: yes or no, for the whole school.");
	if (ind->expected != NULL && strcmp(ind->expected, "parents") == 0)
		return _("Entered by the psychologist: how many of how many people (N of M); M is "
		         "the number of parents in the class list when only N is entered.");
	if (ind->expected != NULL)
		return _("Entered by the psychologist: how many of how many people (N of M); M is "
		         "the number of students in the class list when only N is entered.");
	return _("Entered by the psychologist: how many of how many people (N of M).");
}

/* What the percentages of an indicator are, in one sentence. */
static char *
kind_text(const Report *r, const Program *program, const Indicator *ind)
{
	const char *scale = NULL;
	char *levels, *text;

	if (ind->kind == INDICATOR_PARTICIPATION)
		return xstrdup(
		    strcmp(str(ind->expected), "parents") == 0
		        ? _("Questionnaires completed of the parents in the class list.")
		        : _("Questionnaires completed of the students in the class list."));
	if (program_kind_entered(ind->kind))
		return xstrdup(entered_kind_text(ind));
	levels = levels_text(r->surveys, ind, &scale);
	if (levels == NULL)
		return NULL;
	if (ind->kind == INDICATOR_REDUCTION && ind->baseline >= 0)
		text = xasprintf(_("The share with the scale «%s» at the levels %s, and its "
		                   "reduction against «%s»."),
		                 scale, levels, program->waves[ind->baseline].title);
	else
		text =
		    xasprintf(_("The share with the scale «%s» at the levels %s."), scale, levels);
	free(levels);
	return text;
}

/* qsort() order of class names: see classname_compare(). */
static int
compare_classes(const void *pa, const void *pb)
{
	return classname_compare(*(const char *const *)pa, *(const char *const *)pb);
}

/* True when some wave has a figure for the class. */
static bool
class_has_data(const Program *program, const Indicator *ind, const IndicatorTable *rows,
               const char *class_name)
{
	for (int w = 0; w < program->n_waves; w++) {
		const IndicatorRow *row =
		    figure_row(rows, ind->id, program->waves[w].id, class_name);
		if (row != NULL && (row->has_percent || row->has_value))
			return true;
	}
	return false;
}

/* The classes of one indicator (those of its first wave's rows; every wave
 * has the same) that have a figure in some wave (the whole school always),
 * or, with_data false, those that have none; sorted. Returns how many,
 * *names a new array. */
static int
indicator_classes(const Program *program, const Indicator *ind, const IndicatorTable *rows,
                  bool with_data, const char ***names)
{
	int n = 0;

	*names = xcalloc((size_t)rows->n + 1, sizeof **names);
	for (int i = 0; program->n_waves > 0 && i < rows->n; i++) {
		const IndicatorRow *row = &rows->rows[i];
		bool school = strcmp(row->class_name, "*") == 0;
		if (strcmp(row->indicator_id, ind->id) != 0 ||
		    strcmp(row->wave, program->waves[0].id) != 0)
			continue;
		if (with_data == (school || class_has_data(program, ind, rows, row->class_name)))
			(*names)[n++] = row->class_name;
	}
	if (n > 0)
		qsort(*names, (size_t)n, sizeof **names, compare_classes);
	return n;
}

/* "Нет данных по классам: 1А, 2А." for the classes left out of the table
 * (nobody there answered the survey), or NULL. */
static char *
missing_classes_text(const Program *program, const Indicator *ind, const IndicatorTable *rows)
{
	const char **classes;
	int n = indicator_classes(program, ind, rows, true, &classes);
	char *list, *next, *text = NULL;
	bool by_class = false;

	/* When only answers without a class count (teachers), the indicator
	 * is not about the classes of the list. */
	for (int c = 0; c < n; c++)
		by_class |= classes[c][0] != '\0' && strcmp(classes[c], "*") != 0;
	free(classes);
	if (!by_class)
		return NULL;
	n = indicator_classes(program, ind, rows, false, &classes);
	list = xstrdup("");
	for (int c = 0; c < n; c++) {
		if (classes[c][0] == '\0')
			continue; /* sittings without a class are no class to list */
		next = xasprintf("%s%s%s", list, list[0] ? ", " : "", classes[c]);
		free(list);
		list = next;
	}
	if (list[0] != '\0')
		text = xasprintf(_("No data for the classes: %s."), list);
	free(list);
	free(classes);
	return text;
}

/* A row per class, the whole school last; a column per wave. by_school:
 * the rows are schools (ResultFilter.by_school), all schools last. */
static PdfTable *
indicator_table(const Program *program, const Indicator *ind, const IndicatorTable *rows,
                bool by_school)
{
	PdfTable *t = pdfdoc_table_new(program->n_waves + 1);
	const char **classes;
	int n = indicator_classes(program, ind, rows, true, &classes);
	const char *all = by_school ? _("All schools") : _("Whole school");

	pdfdoc_table_set(t, 0, 0, by_school ? _("School") : _("Class"));
	for (int w = 0; w < program->n_waves; w++)
		pdfdoc_table_set(t, 0, w + 1, program->waves[w].title);
	for (int c = 0; c < n; c++) {
		bool school = strcmp(classes[c], "*") == 0;
		int row = pdfdoc_table_add_row(t, school);
		pdfdoc_table_set(t, row, 0,
		                 school               ? all
		                 : classes[c][0] == 0 ? _("(no class)")
		                                      : classes[c]);
		for (int w = 0; w < program->n_waves; w++) {
			const IndicatorRow *cell =
			    figure_row(rows, ind->id, program->waves[w].id, classes[c]);
			if (cell != NULL)
				pdfdoc_table_take(t, row, w + 1,
				                  report_cell_text(program, ind, cell));
		}
	}
	free(classes);
	return t;
}

/* The indicator's table and the classes without data, or one sentence
 * when it has no figure at all. */
static void
layout_indicator_figures(PdfDoc *doc, const Program *program, const Indicator *ind,
                         const IndicatorTable *rows, PdfTable *t)
{
	char *missing;

	if (t == NULL) {
		pdfdoc_text(
		    doc, PDF_BODY,
		    program_kind_entered(ind->kind)
		        ? _("No value entered yet.")
		        : _("No data yet: nobody it counts has completed the questionnaire."));
		return;
	}
	pdfdoc_table(doc, t);
	missing = missing_classes_text(program, ind, rows);
	if (missing != NULL)
		pdfdoc_text(doc, PDF_NOTE, missing);
	free(missing);
}

static void
layout_indicator(PdfDoc *doc, const Report *r, const Program *program, const Indicator *ind,
                 const IndicatorTable *rows)
{
	char *heading = xasprintf("%s. %s", ind->id, str(ind->title));
	char *kind = kind_text(r, program, ind), *targets = report_targets_text(program, ind);
	char *definition = ind->definition ? xasprintf(_("Definition: %s"), ind->definition) : NULL;
	/* Without a single figure the table would only repeat "no data". */
	PdfTable *t = class_has_data(program, ind, rows, "*")
	                  ? indicator_table(program, ind, rows, r->filter->by_school)
	                  : NULL;

	/* The heading stays on the page of the table's first rows. */
	pdfdoc_keep(doc, pdfdoc_text_height(doc, PDF_SUBHEADING, heading) +
	                     (kind ? pdfdoc_text_height(doc, PDF_NOTE, kind) : 0) +
	                     (definition ? pdfdoc_text_height(doc, PDF_NOTE, definition) : 0) +
	                     pdfdoc_text_height(doc, PDF_NOTE, targets) +
	                     (t ? pdfdoc_table_start_height(doc, t) : 40));
	pdfdoc_text(doc, PDF_SUBHEADING, heading);
	if (definition != NULL)
		pdfdoc_text(doc, PDF_NOTE, definition);
	if (kind != NULL)
		pdfdoc_text(doc, PDF_NOTE, kind);
	pdfdoc_text(doc, PDF_NOTE, targets);
	layout_indicator_figures(doc, program, ind, rows, t);
	pdfdoc_table_free(t);
	free(heading);
	free(definition);
	free(kind);
	free(targets);
}

char *
report_flagged_text(const Program *program, const IndicatorTable *table)
{
	char *list, *next, *text;

	if (!program->flagged_classes)
		return NULL;
	if (!table->flagged_only)
		return xstrdup(_("The programme counts only the classes flagged in the class list, "
		                 "but with a row per school the classes cannot be told apart: "
		                 "every class is counted."));
	if (table->n_flagged == 0)
		return xstrdup(_("The programme counts only the classes flagged in the class list, "
		                 "and the class list flags none: only answers without a class "
		                 "(teachers, heads) are counted."));
	list = xstrdup("");
	for (int i = 0; i < table->n_flagged; i++) {
		next = xasprintf("%s%s%s", list, i ? ", " : "", table->flagged[i]);
		free(list);
		list = next;
	}
	text = xasprintf(_("Only the classes flagged in the class list are counted: %s. Answers "
	                   "without a class (teachers, heads) are counted too; the whole "
	                   "school's row is the sum of these."),
	                 list);
	free(list);
	return text;
}

static void
layout_indicators(PdfDoc *doc, const Report *r)
{
	for (int p = 0; p < r->n_programs; p++) {
		const Program *program = r->programs[p];
		char *flagged;

		pdfdoc_text(doc, PDF_HEADING, _("Programme indicators"));
		if (r->n_programs > 1)
			pdfdoc_text(doc, PDF_SUBHEADING, program->title);
		pdfdoc_text(doc, PDF_NOTE,
		            _("Each cell: the share of respondents who meet the indicator, in "
		              "brackets how many of how many counted; ✓ the wave's target is met, "
		              "✗ it is not. A respondent counts once per wave, by the latest "
		              "completed questionnaire."));
		flagged = report_flagged_text(program, analysis_table(r->analysis, p));
		if (flagged != NULL)
			pdfdoc_text(doc, PDF_BODY, flagged);
		free(flagged);
		for (int i = 0; i < program->n_indicators; i++)
			layout_indicator(doc, r, program, &program->indicators[i],
			                 analysis_table(r->analysis, p));
	}
}

/* ---- Respondents by level ---- */

typedef struct {
	const Survey *survey;
	int scale;
	const char *wave;
} LevelQuery;

/* Counted respondents of the survey and wave in a level of the scale;
 * level -1 counts those without a value (too few answers), -2 everybody. */
static int
count_level(const Report *r, const LevelQuery *q, int level)
{
	return analysis_level_count(r->analysis, q->survey, q->scale, q->wave, level);
}

/* Fills one row of a level table: a count per wave. */
static void
level_row(const Report *r, PdfTable *t, LevelQuery q, const int *waves, int level, int row)
{
	for (int w = 0; w < t->n_cols - 1; w++) {
		q.wave = r->waves[waves[w]].id;
		pdfdoc_table_take(t, row, w + 1, xasprintf("%d", count_level(r, &q, level)));
	}
}

static PdfTable *
level_table(const Report *r, const Survey *survey, int scale, const int *waves, int n_waves)
{
	const SurveyScale *sc = &survey->scales[scale];
	LevelQuery q = { survey, scale, NULL };
	PdfTable *t = pdfdoc_table_new(n_waves + 1);
	int missing = 0;

	pdfdoc_table_set(t, 0, 0, _("Level"));
	for (int w = 0; w < n_waves; w++) {
		pdfdoc_table_set(t, 0, w + 1, wave_title(r, r->waves[waves[w]].id));
		q.wave = r->waves[waves[w]].id;
		missing += count_level(r, &q, -1);
	}
	for (int l = 0; l < sc->n_levels; l++) {
		int row = pdfdoc_table_add_row(t, false);
		pdfdoc_table_set(t, row, 0, sc->levels[l].label);
		level_row(r, t, q, waves, l, row);
	}
	if (missing > 0) {
		int row = pdfdoc_table_add_row(t, false);
		pdfdoc_table_set(t, row, 0, _("Too few answers"));
		level_row(r, t, q, waves, -1, row);
	}
	int total = pdfdoc_table_add_row(t, true);
	pdfdoc_table_set(t, total, 0, _("Total"));
	level_row(r, t, q, waves, -2, total);
	return t;
}

static void
layout_survey_levels(PdfDoc *doc, const Report *r, const Survey *survey)
{
	int *waves = xcalloc((size_t)r->n_waves + 1, sizeof *waves);
	int n_waves = analysis_used_waves(r->analysis, survey->id, waves);
	const char *title = survey->title ? survey->title : survey->id;
	bool first = true;

	for (int s = 0; n_waves > 0 && s < survey->n_scales; s++) {
		const SurveyScale *sc = &survey->scales[s];
		const char *scale_title = sc->title ? sc->title : sc->id;
		PdfTable *t;
		if (sc->n_levels == 0)
			continue;
		t = level_table(r, survey, s, waves, n_waves);
		pdfdoc_keep(doc, (first ? pdfdoc_text_height(doc, PDF_SUBHEADING, title) : 0) +
		                     pdfdoc_text_height(doc, PDF_BODY, scale_title) +
		                     pdfdoc_table_start_height(doc, t));
		if (first)
			pdfdoc_text(doc, PDF_SUBHEADING, title);
		first = false;
		pdfdoc_text(doc, PDF_BODY, scale_title);
		pdfdoc_table(doc, t);
		pdfdoc_table_free(t);
	}
	free(waves);
}

static void
layout_levels(PdfDoc *doc, const Report *r)
{
	if (count_completed(r, NULL, NULL) == 0)
		return;
	pdfdoc_text(doc, PDF_HEADING, _("Respondents by level"));
	pdfdoc_text(doc, PDF_NOTE,
	            _("How many respondents fell into each level of every scale, per wave: the "
	              "groups with low, average and high results for differentiated work. A "
	              "respondent counts once per wave, by the latest completed questionnaire."));
	for (int i = 0; i < r->surveys->n; i++)
		layout_survey_levels(doc, r, r->surveys->items[i]);
}

static void
report_layout(PdfDoc *doc, void *arg)
{
	const Report *r = arg;

	layout_title(doc, r);
	layout_indicators(doc, r);
	layout_levels(doc, r);
}

int
report_write_pdf(const ReportInput *in, FILE *out, char **cause)
{
	Report r = { .in = in,
		     .analysis = in->analysis,
		     .surveys = analysis_surveys(in->analysis),
		     .filter = analysis_filter(in->analysis) };

	r.programs = analysis_programs(in->analysis, &r.n_programs);
	r.waves = analysis_waves(in->analysis, &r.n_waves);
	return pdfdoc_write(out, _("Report of the school psychologist"), report_layout, &r, cause);
}

void
report_today(char buf[16])
{
	time_t now = time(NULL);
	struct tm tm;

	if (localtime_r(&now, &tm) == NULL || strftime(buf, 16, "%d.%m.%Y", &tm) == 0)
		buf[0] = '\0';
}

int
report_save(Store *store, const Analysis *analysis, const char *path, char **cause)
{
	OutFile *out = outfile_open(path, cause);
	char date[16], *detail;
	ReportInput in = { .date = date, .analysis = analysis };
	int rc;

	if (out == NULL)
		return -1;
	report_today(date);
	if (report_write_pdf(&in, outfile_stream(out), cause) != 0) {
		outfile_abort(out);
		return -1;
	}
	if (outfile_commit(out, cause) != 0)
		return -1;
	detail = xasprintf("report pdf -> %s", path);
	rc = store_audit_add(store, "report", detail, cause);
	free(detail);
	return rc;
}
