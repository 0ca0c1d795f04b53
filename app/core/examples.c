/*
 * examples.c: a survey's examples against the scoring (see examples.h).
 */
#include "examples.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "score.h"
#include "util.h"

/* Compares one expected scale result with what scoring gave; returns 1
 * when it added a problem to diag, else 0. */
static int
examples_compare(const Survey *survey, const SurveyExample *ex, const ExampleExpect *e,
                 const ScaleResult *r, Diag *diag)
{
	const SurveyScale *sc = &survey->scales[e->scale];
	int p = sc->precision, before = diag->n;
	char *got = r->has_value ? xasprintf("%.*f", p, r->value) : xstrdup(_("no value"));
	char *want = e->has_value ? xasprintf("%.*f", p, e->value) : xstrdup(_("no value"));

	if (e->has_value != r->has_value || (e->has_value && fabs(e->value - r->value) > 1e-9))
		diag_add(diag, survey->path, ex->pos.line, ex->pos.column,
		         _("example «%s»: scale %s: expected %s, got %s"), ex->name, sc->id, want,
		         got);
	else if (e->level != NULL && r->has_value && r->level < 0)
		diag_add(diag, survey->path, ex->pos.line, ex->pos.column,
		         _("example «%s»: scale %s: value %s falls in no level, not in %s"),
		         ex->name, sc->id, got, e->level);
	else if (e->level != NULL && r->has_value && strcmp(sc->levels[r->level].id, e->level) != 0)
		diag_add(diag, survey->path, ex->pos.line, ex->pos.column,
		         _("example «%s»: scale %s: value %s falls in level %s, not in %s"),
		         ex->name, sc->id, got, sc->levels[r->level].id, e->level);
	free(got);
	free(want);
	return diag->n - before;
}

int
examples_run(const Survey *survey, Diag *diag)
{
	ScaleResult *results = xcalloc((size_t)survey->n_scales + 1, sizeof *results);
	int problems = 0;

	for (int i = 0; i < survey->n_examples; i++) {
		const SurveyExample *ex = &survey->examples[i];
		ScoreAnswer *answers = xcalloc((size_t)ex->n_answers + 1, sizeof *answers);

		for (int j = 0; j < ex->n_answers; j++) {
			answers[j].question = ex->answers[j].question;
			answers[j].value = ex->answers[j].value;
		}
		score_sitting(survey, answers, ex->n_answers, results);
		for (int j = 0; j < ex->n_expect; j++)
			problems += examples_compare(survey, ex, &ex->expect[j],
			                             &results[ex->expect[j].scale], diag);
		free(answers);
	}
	free(results);
	return problems;
}
