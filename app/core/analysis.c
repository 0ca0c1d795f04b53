/*
 * analysis.c: the one analysis every output presents (see analysis.h). It
 * reads the store once (sittings, the class list, the entered values),
 * then computes; every rule it applies is its own module's (results.h,
 * respondent.h, indicator.h, paired.h): this file only puts them together.
 */
#include "analysis.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "respondent.h"
#include "util.h"

struct Analysis {
	const SurveySet *surveys;
	Program *const *programs;
	int n_programs;
	ResultFilter filter;
	ResultSet results;
	Diag warnings;
	char *school;
	IndicatorTable *tables; /* one per programme */
	bool *counted;          /* per sitting: respondent_latest() per survey */
	AnalysisWave *waves;
	int n_waves;
	PairedTable paired;
	int paired_from, paired_to; /* wave indexes; -1 without a pair of waves */
	int alerts;
};

/* The steps after the sittings are loaded, each counted as one. */
#define ANALYSIS_STEPS 4

/* How far the build is: loading the sittings, the long part, counts one a
 * sitting of those the database holds; the steps after it one each. */
typedef struct {
	const AnalysisOptions *options;
	int done;
	int total;
	Progress loading; /* what results_load_filtered() tells, passed on */
} AnalysisSteps;

/* The sittings loaded so far, passed on with the steps still to come
 * added to the total. */
static void
analysis_loading(void *ctx, long done, long total, const char *what)
{
	AnalysisSteps *steps = ctx;
	const AnalysisOptions *o = steps->options;

	steps->done = (int)done;
	steps->total = (int)total + ANALYSIS_STEPS;
	o->progress(o->progress_ctx, steps->done, steps->total, what);
}

/* The Progress for loading the sittings; NULL when nobody asks. */
static const Progress *
analysis_loading_progress(AnalysisSteps *steps)
{
	const AnalysisOptions *o = steps->options;

	if (o->progress == NULL)
		return NULL;
	steps->loading = (Progress){ analysis_loading, steps, o->cancel };
	return &steps->loading;
}

/* One step done: tells the caller, and says whether to stop. */

static bool
analysis_step(AnalysisSteps *steps, const char *what)
{
	const AnalysisOptions *o = steps->options;

	steps->done++;
	if (o->progress != NULL)
		o->progress(o->progress_ctx, steps->done, steps->total, what);
	return o->cancel != NULL && atomic_load(o->cancel);
}

static const char *
str(const char *s)
{
	return s ? s : "";
}

/* ---- The indicator tables: the class list and the entered values ---- */

typedef struct {
	ClassSize *items;
	int n;
} ClassSizes;

static int
collect_class(const StoreClass *klass, void *arg)
{
	ClassSizes *sizes = arg;

	sizes->items = xreallocarray(sizes->items, (size_t)sizes->n + 1, sizeof *sizes->items);
	sizes->items[sizes->n++] = (ClassSize){ xstrdup(klass->class_name), klass->students,
		                                klass->parents, klass->flagged };
	return 0;
}

static IndicatorSitting *
indicator_sittings(const ResultSet *results)
{
	IndicatorSitting *out = xcalloc((size_t)results->n + 1, sizeof *out);

	for (int i = 0; i < results->n; i++) {
		const ResultSitting *s = &results->items[i];
		out[i] =
		    (IndicatorSitting){ s->wave,         s->class_name, s->respondent, s->survey_id,
			                s->completed_at, s->survey,     s->results };
	}
	return out;
}

/* The current entered values as the tables count them. rows[] keep copies
 * of the stored strings (value holding the class it was entered for, so
 * that by school a school's value for the whole school can be told apart);
 * items[0..n_items-1] point into them. */
typedef struct {
	const Program *const *programs;
	int n_programs;
	const ResultFilter *filter;
	StoreEntered *rows;
	IndicatorEntry *items;
	int n, n_items;
} Entries;

static char *
dup_or_empty(const char *s)
{
	return xstrdup(s ? s : "");
}

/* The programmes' entered indicator of a stored value, or NULL. */
static const Indicator *
entered_indicator_of(const Entries *list, const StoreEntered *e)
{
	for (int p = 0; p < list->n_programs; p++)
		if (strcmp(list->programs[p]->id, e->programme_id) == 0) {
			const Indicator *ind =
			    program_find_indicator(list->programs[p], e->indicator_id);
			return ind != NULL && program_kind_entered(ind->kind) ? ind : NULL;
		}
	return NULL;
}

/* Keeps one current value: of a programme's entered indicator, not
 * cleared, of the filter's school; by school, the school's label stands
 * for its class. */
static int
collect_entered(const StoreEntered *e, void *arg)
{
	Entries *list = arg;
	const ResultFilter *f = list->filter;
	const Indicator *ind = entered_indicator_of(list, e);
	EnteredValue value;
	char *ignored = NULL;
	StoreEntered *row;

	if (ind == NULL || e->value[0] == '\0' ||
	    (f != NULL && f->school != NULL && strcmp(f->school, e->school) != 0) ||
	    entered_parse(ind->kind, e->value, &value, &ignored) != 0 ||
	    (ind->kind == INDICATOR_ENTERED_SHARE && !value.has_of)) {
		free(ignored);
		return 0; /* an indicator the programme no longer enters, or cleared */
	}
	list->rows = xreallocarray(list->rows, (size_t)list->n + 1, sizeof *list->rows);
	list->items = xreallocarray(list->items, (size_t)list->n + 1, sizeof *list->items);
	row = &list->rows[list->n];
	*row =
	    (StoreEntered){ dup_or_empty(e->programme_id),
		            dup_or_empty(e->indicator_id),
		            dup_or_empty(e->wave),
		            dup_or_empty(f != NULL && f->by_school ? results_school_label(e->school)
		                                                   : e->class_name),
		            dup_or_empty(e->class_name),
		            dup_or_empty(e->school),
		            NULL };
	list->items[list->n++] = (IndicatorEntry){ row->programme_id, row->indicator_id, row->wave,
		                                   row->class_name, value };
	return 0;
}

/* True when row i is a class's value of a school that has a value entered
 * for the whole school at the same indicator and wave. */
static bool
entered_superseded(const Entries *list, int i)
{
	const StoreEntered *a = &list->rows[i];

	if (strcmp(a->value, "*") == 0)
		return false;
	for (int j = 0; j < list->n; j++) {
		const StoreEntered *b = &list->rows[j];
		if (strcmp(b->value, "*") == 0 && strcmp(a->school, b->school) == 0 &&
		    strcmp(a->programme_id, b->programme_id) == 0 &&
		    strcmp(a->indicator_id, b->indicator_id) == 0 && strcmp(a->wave, b->wave) == 0)
			return true;
	}
	return false;
}

static void
entries_free(Entries *list)
{
	for (int i = 0; i < list->n; i++) {
		free((char *)list->rows[i].programme_id);
		free((char *)list->rows[i].indicator_id);
		free((char *)list->rows[i].wave);
		free((char *)list->rows[i].class_name);
		free((char *)list->rows[i].value);
		free((char *)list->rows[i].school);
	}
	free(list->rows);
	free(list->items);
}

/* The entered values for the tables. By school, each counts under its
 * school's label, and a school's value for the whole school stands for it:
 * its classes' values are left out. */
static int
load_entries(Store *store, Program *const *programs, int n_programs, const ResultFilter *filter,
             Entries *list, char **cause)
{
	*list = (Entries){ .programs = (const Program *const *)programs,
		           .n_programs = n_programs,
		           .filter = filter };
	if (store_entered_each(store, collect_entered, list, cause) != 0)
		return -1;
	for (int i = 0; i < list->n; i++)
		if (filter == NULL || !filter->by_school || !entered_superseded(list, i))
			list->items[list->n_items++] = list->items[i];
	return 0;
}

/* Every programme's table, with the class list and the entered values. */
static int
analysis_tables(Analysis *a, Store *store, char **cause)
{
	ClassSizes sizes = { 0 };
	Entries entries = { 0 };
	IndicatorSitting *sittings = NULL;
	IndicatorInput input;
	int rc = store_classes_each(store, collect_class, &sizes, cause);

	if (rc == 0)
		rc = load_entries(store, a->programs, a->n_programs, &a->filter, &entries, cause);
	if (rc == 0)
		sittings = indicator_sittings(&a->results);
	input = (IndicatorInput){ .sittings = sittings,
		                  .n_sittings = a->results.n,
		                  .classes = sizes.items,
		                  .n_classes = sizes.n,
		                  .entries = entries.items,
		                  .n_entries = entries.n_items,
		                  .by_school = a->filter.by_school };
	a->tables = xcalloc((size_t)a->n_programs + 1, sizeof *a->tables);
	for (int p = 0; rc == 0 && p < a->n_programs; p++) {
		indicator_warn(a->programs[p], sittings, a->results.n, &a->warnings);
		indicator_compute(a->programs[p], &input, &a->tables[p]);
	}
	for (int i = 0; i < sizes.n; i++)
		free((char *)sizes.items[i].class_name);
	free(sizes.items);
	entries_free(&entries);
	free(sittings);
	return rc;
}

/* ---- Who counts, the waves, the alerts ---- */

/* counted[]: per survey and wave, each respondent's latest completed
 * sitting; alerts: every alert raised. */
static void
analysis_count(Analysis *a)
{
	const ResultSet *set = &a->results;
	RespondentSitting *keys = xcalloc((size_t)set->n + 1, sizeof *keys);

	a->counted = xcalloc((size_t)set->n + 1, sizeof *a->counted);
	for (int i = 0; i < set->n; i++) {
		const ResultSitting *s = &set->items[i];
		keys[i] =
		    (RespondentSitting){ s->wave, s->class_name, s->respondent,
			                 s->status == SITTING_COMPLETED ? s->completed_at : NULL,
			                 s->survey_id };
		a->alerts += s->n_alerts;
	}
	respondent_latest(keys, set->n, a->counted);
	free(keys);
}

static int
analysis_find_wave(const Analysis *a, const char *id)
{
	for (int w = 0; w < a->n_waves; w++)
		if (strcmp(a->waves[w].id, id) == 0)
			return w;
	return -1;
}

static void
analysis_add_wave(Analysis *a, const char *id)
{
	if (analysis_find_wave(a, id) >= 0)
		return;
	a->waves = xreallocarray(a->waves, (size_t)a->n_waves + 1, sizeof *a->waves);
	a->waves[a->n_waves++] =
	    (AnalysisWave){ .id = id, .title = program_wave_title(a->programs, a->n_programs, id) };
}

static int
analysis_compare_ids(const void *x, const void *y)
{
	return strcmp(*(const char *const *)x, *(const char *const *)y);
}

/* The programmes' waves in order, then the others seen, by name. */
static void
analysis_collect_waves(Analysis *a)
{
	const ResultSet *set = &a->results;
	const char **others = xcalloc((size_t)set->n + 1, sizeof *others);
	int n_others = 0;

	for (int p = 0; p < a->n_programs; p++)
		for (int w = 0; w < a->programs[p]->n_waves; w++)
			analysis_add_wave(a, a->programs[p]->waves[w].id);
	for (int i = 0; i < set->n; i++)
		if (set->items[i].status == SITTING_COMPLETED &&
		    analysis_find_wave(a, str(set->items[i].wave)) < 0)
			others[n_others++] = str(set->items[i].wave);
	qsort(others, (size_t)n_others, sizeof *others, analysis_compare_ids);
	for (int i = 0; i < n_others; i++)
		analysis_add_wave(a, others[i]);
	free(others);
}

/* Each wave's completed sittings and the days of its first and last. */
static void
analysis_wave_dates(Analysis *a)
{
	for (int i = 0; i < a->results.n; i++) {
		const ResultSitting *s = &a->results.items[i];
		AnalysisWave *w;
		char day[11];
		if (s->status != SITTING_COMPLETED || s->completed_at == NULL)
			continue;
		w = &a->waves[analysis_find_wave(a, str(s->wave))];
		snprintf(day, sizeof day, "%.10s", s->completed_at);
		if (w->completed++ == 0 || strcmp(day, w->first) < 0)
			memcpy(w->first, day, sizeof day);
		if (strcmp(day, w->last) > 0)
			memcpy(w->last, day, sizeof day);
	}
}

/* The paired change from the first wave with a completed sitting to the
 * last one. */
static void
analysis_pair(Analysis *a)
{
	a->paired_from = a->paired_to = -1;
	for (int w = 0; w < a->n_waves; w++)
		if (a->waves[w].completed > 0) {
			if (a->paired_from < 0)
				a->paired_from = w;
			a->paired_to = w;
		}
	if (a->paired_from == a->paired_to) {
		a->paired_from = a->paired_to = -1;
		return;
	}
	paired_compute(&a->results, a->waves[a->paired_from].id, a->waves[a->paired_to].id,
	               &a->paired);
}

/* ---- Building ---- */

static int
analysis_load(Analysis *a, Store *store, AnalysisSteps *steps, char **cause)
{
	if (results_load_filtered(store, a->surveys, &a->filter, analysis_loading_progress(steps),
	                          &a->results, &a->warnings, cause) != 0 ||
	    results_check_school(&a->results, &a->filter, cause) != 0)
		return -1;
	steps->done = steps->total - ANALYSIS_STEPS; /* every sitting read */
	results_warn_schools(&a->results, &a->filter, &a->warnings);
	a->school = xstrdup(a->filter.school ? a->filter.school : str(store_school(store)));
	return 0;
}

Analysis *
analysis_build(Store *store, const SurveySet *surveys, Program *const *programs, int n_programs,
               const AnalysisOptions *options, char **cause)
{
	static const AnalysisOptions none = { 0 };
	const AnalysisOptions *o = options ? options : &none;
	AnalysisSteps steps = { o, 0, ANALYSIS_STEPS, { 0 } };
	Analysis *a = xcalloc(1, sizeof *a);

	*a = (Analysis){ .surveys = surveys,
		         .programs = programs,
		         .n_programs = n_programs,
		         .filter = { o->school, o->by_school } };
	if (analysis_load(a, store, &steps, cause) != 0) {
		if (o->cancel == NULL || !atomic_load(o->cancel))
			goto fail;
		free(*cause); /* the loading's own sentence: the build's instead */
		goto stopped;
	}
	if (analysis_step(&steps, _("results loaded")))
		goto stopped;
	if (analysis_tables(a, store, cause) != 0)
		goto fail;
	if (analysis_step(&steps, _("indicators computed")))
		goto stopped;
	analysis_count(a);
	analysis_collect_waves(a);
	analysis_wave_dates(a);
	if (analysis_step(&steps, _("respondents counted")))
		goto stopped;
	analysis_pair(a);
	if (analysis_step(&steps, _("paired change computed")))
		goto stopped;
	return a;
stopped:
	*cause = xstrdup(_("the analysis was stopped"));
fail:
	analysis_free(a);
	return NULL;
}

void
analysis_free(Analysis *a)
{
	if (a == NULL)
		return;
	for (int p = 0; a->tables != NULL && p < a->n_programs; p++)
		indicator_table_free(&a->tables[p]);
	free(a->tables);
	results_free(&a->results);
	diag_clear(&a->warnings);
	paired_table_free(&a->paired);
	free(a->counted);
	free(a->waves);
	free(a->school);
	free(a);
}

/* ---- Reading it ---- */

const ResultSet *
analysis_results(const Analysis *a)
{
	return &a->results;
}

const ResultFilter *
analysis_filter(const Analysis *a)
{
	return &a->filter;
}

const SurveySet *
analysis_surveys(const Analysis *a)
{
	return a->surveys;
}

Program *const *
analysis_programs(const Analysis *a, int *n_programs)
{
	*n_programs = a->n_programs;
	return a->programs;
}

const IndicatorTable *
analysis_table(const Analysis *a, int p)
{
	return &a->tables[p];
}

const Diag *
analysis_warnings(const Analysis *a)
{
	return &a->warnings;
}

const char *
analysis_school(const Analysis *a)
{
	return a->school;
}

const AnalysisWave *
analysis_waves(const Analysis *a, int *n)
{
	*n = a->n_waves;
	return a->waves;
}

bool
analysis_counted(const Analysis *a, int i)
{
	return a->counted[i];
}

int
analysis_completed(const Analysis *a, const char *survey_id, const char *wave)
{
	int n = 0;

	for (int i = 0; i < a->results.n; i++) {
		const ResultSitting *s = &a->results.items[i];
		n += s->status == SITTING_COMPLETED &&
		     (survey_id == NULL || strcmp(s->survey_id, survey_id) == 0) &&
		     (wave == NULL || strcmp(str(s->wave), wave) == 0);
	}
	return n;
}

int
analysis_used_waves(const Analysis *a, const char *survey_id, int *out)
{
	int n = 0;

	for (int w = 0; w < a->n_waves; w++)
		if (a->waves[w].completed > 0 &&
		    (survey_id == NULL || analysis_completed(a, survey_id, a->waves[w].id) > 0))
			out[n++] = w;
	return n;
}

int
analysis_participants(const Analysis *a, const char *audience, const char *wave)
{
	const ResultSet *set = &a->results;
	RespondentSitting *keys = xcalloc((size_t)set->n + 1, sizeof *keys);
	bool *counted = xcalloc((size_t)set->n + 1, sizeof *counted);
	int n = 0;

	for (int i = 0; i < set->n; i++) {
		const ResultSitting *s = &set->items[i];
		bool in = strcmp(str(s->audience), audience) == 0 &&
		          (wave == NULL || strcmp(str(s->wave), wave) == 0);
		/* Over every wave, a respondent counts once in each. */
		keys[i] =
		    (RespondentSitting){ s->wave, s->class_name, s->respondent,
			                 s->status == SITTING_COMPLETED ? s->completed_at : NULL,
			                 in ? audience : NULL };
	}
	respondent_latest(keys, set->n, counted);
	for (int i = 0; i < set->n; i++)
		n += counted[i];
	free(keys);
	free(counted);
	return n;
}

/*
 * A sitting's result on the survey's scale: *has_value, and *level as an
 * index into that scale's levels. A sitting scored with another file of the
 * survey is matched by scale and level id; false when that file has no such
 * scale or its level is not one of the current file's.
 */
static bool
analysis_sitting_level(const ResultSitting *s, const Survey *survey, int scale, bool *has_value,
                       int *level)
{
	const SurveyScale *sc = &survey->scales[scale];
	const ScaleResult *res;
	int k = s->survey == survey ? scale : survey_find_scale(s->survey, sc->id);

	if (k < 0)
		return false;
	res = &s->results[k];
	*has_value = res->has_value;
	*level = res->level;
	if (s->survey == survey || !res->has_value || res->level < 0)
		return true;
	*level = survey_find_level(sc, s->survey->scales[k].levels[res->level].id);
	return *level >= 0;
}

int
analysis_level_count(const Analysis *a, const Survey *survey, int scale, const char *wave,
                     int level)
{
	const ResultSet *set = &a->results;
	int n = 0, got;
	bool has_value;

	for (int i = 0; i < set->n; i++) {
		const ResultSitting *s = &set->items[i];
		if (!a->counted[i] || strcmp(s->survey_id, survey->id) != 0 ||
		    strcmp(str(s->wave), wave) != 0 ||
		    !analysis_sitting_level(s, survey, scale, &has_value, &got))
			continue;
		n += level == -2 || (level == -1 && !has_value) ||
		     (level >= 0 && has_value && got == level);
	}
	return n;
}

const PairedTable *
analysis_paired(const Analysis *a, const char **from, const char **to)
{
	if (a->paired_from < 0)
		return NULL;
	*from = a->waves[a->paired_from].id;
	*to = a->waves[a->paired_to].id;
	return &a->paired;
}

int
analysis_alerts(const Analysis *a)
{
	return a->alerts;
}
