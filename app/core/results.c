/*
 * results.c: the answers, read in export order (a sitting's rows are
 * together), grouped back into sittings and scored with one ScoreBatch per
 * survey.
 */
#include "results.h"

#include <stdlib.h>
#include <string.h>

#include "strmap.h"
#include "util.h"

typedef struct {
	const SurveySet *surveys;
	ResultSet *set;
	Diag *warnings;
	StrMap warned;
	ScoreBatch **batches; /* per survey in the set, made on first use */
	ResultSitting current;
	bool open; /* current holds a sitting */
	ScoreAnswer *answers;
	int n_answers, cap_answers;
} Loader;

static void
sitting_free(ResultSitting *s)
{
	free(s->sitting_id);
	free(s->wave);
	free(s->class_name);
	free(s->audience);
	free(s->respondent);
	free(s->survey_id);
	free(s->completed_at);
	free(s->started_at);
	free(s->results);
	free(s->alerts);
}

static void
clear_answers(Loader *l)
{
	for (int i = 0; i < l->n_answers; i++)
		free((char *)l->answers[i].value);
	l->n_answers = 0;
}

/* Scores the sitting collected so far and appends it to the set. */
static void
flush(Loader *l)
{
	ResultSitting *s = &l->current;
	int index = 0;

	if (!l->open)
		return;
	l->open = false;
	while (l->surveys->items[index] != s->survey)
		index++;
	if (l->batches[index] == NULL)
		l->batches[index] = score_batch_new(s->survey);
	s->results = xcalloc((size_t)s->survey->n_scales + 1, sizeof *s->results);
	score_batch_sitting(l->batches[index], l->answers, l->n_answers, s->results);
	s->alerts = xcalloc((size_t)s->survey->n_alerts + 1, sizeof *s->alerts);
	s->n_alerts = score_batch_alerts(l->batches[index], s->alerts);
	clear_answers(l);
	l->set->items = xreallocarray(l->set->items, (size_t)l->set->n + 1, sizeof *s);
	l->set->items[l->set->n++] = *s;
	memset(s, 0, sizeof *s);
}

/* Says once per survey and version why sittings are skipped or how they
 * are scored. */
static void
warn(Loader *l, const StoreAnswerRow *row, const Survey *survey)
{
	char *key = xasprintf("%s\x1f%d", row->survey_id, row->survey_version);

	if (strmap_get(&l->warned, key) < 0) {
		strmap_put(&l->warned, key, 1);
		if (survey == NULL)
			diag_add(l->warnings, row->survey_id, 0, 0,
			         _("no survey file has the id %s: its sittings were left out"),
			         row->survey_id);
		else
			diag_add(l->warnings, survey->path, 0, 0,
			         _("sittings of %s version %d were scored with version %d of the "
			           "survey file"),
			         row->survey_id, row->survey_version, survey->version);
	}
	free(key);
}

static void
start_sitting(Loader *l, const StoreAnswerRow *row, const Survey *survey)
{
	ResultSitting *s = &l->current;

	s->sitting_id = xstrdup(row->sitting_id);
	s->wave = xstrdup(row->wave);
	s->class_name = xstrdup(row->class_name);
	s->audience = xstrdup(row->audience);
	s->respondent = xstrdup(row->respondent);
	s->survey_id = xstrdup(row->survey_id);
	s->survey_version = row->survey_version;
	s->status = row->status;
	s->completed_at = row->status == SITTING_COMPLETED && row->completed_at[0] != '\0'
	                      ? xstrdup(row->completed_at)
	                      : NULL;
	s->started_at = xstrdup(row->started_at);
	s->survey = survey;
	l->open = true;
}

static int
on_answer(const StoreAnswerRow *row, void *arg)
{
	Loader *l = arg;
	const Survey *survey;
	int q;

	if (l->open && strcmp(l->current.sitting_id, row->sitting_id) == 0)
		survey = l->current.survey;
	else {
		flush(l);
		survey = survey_set_find(l->surveys, row->survey_id);
		if (survey == NULL || survey->version != row->survey_version)
			warn(l, row, survey);
		if (survey == NULL)
			return 0;
		start_sitting(l, row, survey);
	}
	if (!l->open || (q = survey_find_question(survey, row->question_id)) < 0)
		return 0; /* a sitting left out, or a question the file no longer has */
	if (l->n_answers == l->cap_answers) {
		l->cap_answers = l->cap_answers ? 2 * l->cap_answers : 64;
		l->answers = xreallocarray(l->answers, (size_t)l->cap_answers, sizeof *l->answers);
	}
	l->answers[l->n_answers++] = (ScoreAnswer){ q, xstrdup(row->value) };
	return 0;
}

int
results_load(Store *store, const SurveySet *surveys, ResultSet *set, Diag *warnings, char **cause)
{
	Loader l = { .surveys = surveys, .set = set, .warnings = warnings };
	int rc;

	set->items = NULL;
	set->n = 0;
	l.batches = xcalloc((size_t)surveys->n + 1, sizeof *l.batches);
	rc = store_answers_each(store, on_answer, &l, cause);
	flush(&l);
	if (l.open)
		sitting_free(&l.current);
	clear_answers(&l);
	free(l.answers);
	for (int i = 0; i < surveys->n; i++)
		score_batch_free(l.batches[i]);
	free(l.batches);
	strmap_free(&l.warned);
	if (rc != 0)
		results_free(set);
	return rc;
}

void
results_free(ResultSet *set)
{
	for (int i = 0; i < set->n; i++)
		sitting_free(&set->items[i]);
	free(set->items);
	set->items = NULL;
	set->n = 0;
}
