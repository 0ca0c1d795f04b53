/*
 * results.c: the answers, read in export order (a sitting's rows are
 * together), grouped back into sittings and scored with one ScoreBatch per
 * survey file: each sitting with the file it was answered with (versions.h).
 */
#include "results.h"

#include <stdlib.h>
#include <string.h>

#include "strmap.h"
#include "util.h"
#include "versions.h"

/* The scorer of one survey file, made on first use. */
typedef struct {
	const Survey *survey;
	ScoreBatch *batch;
} Batch;

typedef struct {
	Versions *versions;
	const ResultFilter *filter; /* never NULL */
	ResultSet *set;
	char **cause;
	Batch *batches;
	int n_batches;
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
	free(s->school);
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

/* The batch that scores sittings of survey. */
static ScoreBatch *
batch_of(Loader *l, const Survey *survey)
{
	for (int i = 0; i < l->n_batches; i++)
		if (l->batches[i].survey == survey)
			return l->batches[i].batch;
	l->batches = xreallocarray(l->batches, (size_t)l->n_batches + 1, sizeof *l->batches);
	l->batches[l->n_batches] = (Batch){ survey, score_batch_new(survey) };
	return l->batches[l->n_batches++].batch;
}

/* Scores the sitting collected so far and appends it to the set. */
static void
flush(Loader *l)
{
	ResultSitting *s = &l->current;
	ScoreBatch *batch;

	if (!l->open)
		return;
	l->open = false;
	batch = batch_of(l, s->survey);
	s->results = xcalloc((size_t)s->survey->n_scales + 1, sizeof *s->results);
	score_batch_sitting(batch, l->answers, l->n_answers, s->results);
	s->alerts = xcalloc((size_t)s->survey->n_alerts + 1, sizeof *s->alerts);
	s->n_alerts = score_batch_alerts(batch, s->alerts);
	clear_answers(l);
	l->set->items = xreallocarray(l->set->items, (size_t)l->set->n + 1, sizeof *s);
	l->set->items[l->set->n++] = *s;
	memset(s, 0, sizeof *s);
}

const char *
results_school_label(const char *school)
{
	return school[0] != '\0' ? school : _("(no school)");
}

int
results_check_school(const ResultSet *set, const ResultFilter *filter, char **cause)
{
	if (filter == NULL || filter->school == NULL || set->n > 0)
		return 0;
	*cause = xasprintf(_("no sitting of the school \"%s\" is in this database; write the "
	                     "name exactly as anketa school --db FILE prints it for that "
	                     "school's database"),
	                   filter->school);
	return -1;
}

void
results_warn_schools(const ResultSet *set, const ResultFilter *filter, Diag *warnings)
{
	StrMap seen = { 0 };
	int schools = 0;

	if (filter != NULL && (filter->school != NULL || filter->by_school))
		return;
	for (int i = 0; i < set->n; i++) {
		const char *name = set->items[i].school;
		if (name[0] != '\0' && strmap_get(&seen, name) < 0) {
			strmap_put(&seen, name, 1);
			schools++;
		}
	}
	strmap_free(&seen);
	if (schools > 1)
		diag_add(warnings, "", 0, 0,
		         _("the sittings of %d schools are here and their classes are counted "
		           "together; give --school NAME for one school or --by-school for a row "
		           "per school"),
		         schools);
}

static void
start_sitting(Loader *l, const StoreAnswerRow *row, const Survey *survey)
{
	ResultSitting *s = &l->current;

	s->sitting_id = xstrdup(row->sitting_id);
	s->wave = xstrdup(row->wave);
	s->audience = xstrdup(row->audience);
	s->school = xstrdup(row->school);
	if (l->filter->by_school) {
		s->class_name = xstrdup(results_school_label(row->school));
		s->respondent = row->respondent[0] != '\0'
		                    ? xasprintf("%s/%s", row->class_name, row->respondent)
		                    : xstrdup("");
	} else {
		s->class_name = xstrdup(row->class_name);
		s->respondent = xstrdup(row->respondent);
	}
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
		if (l->filter->school != NULL && strcmp(row->school, l->filter->school) != 0)
			return 0; /* another school's sitting: left out */
		if (versions_find(l->versions, row->survey_id, row->survey_version,
		                  row->survey_hash, &survey, l->cause) != 0)
			return -1;
		if (survey == NULL)
			return 0; /* no file of that id: left out */
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
	return results_load_filtered(store, surveys, NULL, NULL, set, warnings, cause);
}

int
results_load_filtered(Store *store, const SurveySet *surveys, const ResultFilter *filter,
                      const Progress *progress, ResultSet *set, Diag *warnings, char **cause)
{
	static const ResultFilter all = { 0 };
	Loader l = { .filter = filter ? filter : &all, .set = set, .cause = cause };
	int rc;

	set->items = NULL;
	set->n = 0;
	set->versions = l.versions = versions_new(surveys, store);
	rc = store_answers_each(store, on_answer, &l, progress, cause);
	flush(&l);
	if (l.open)
		sitting_free(&l.current);
	clear_answers(&l);
	free(l.answers);
	for (int i = 0; i < l.n_batches; i++)
		score_batch_free(l.batches[i].batch);
	free(l.batches);
	if (rc == 0)
		versions_warn(l.versions, warnings);
	else
		results_free(set);
	return rc;
}

void
results_free(ResultSet *set)
{
	for (int i = 0; i < set->n; i++)
		sitting_free(&set->items[i]);
	free(set->items);
	versions_free(set->versions);
	set->items = NULL;
	set->n = 0;
	set->versions = NULL;
}
