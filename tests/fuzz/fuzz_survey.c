/*
 * fuzz_survey.c: libFuzzer target for the survey loader. Each input is a
 * survey file, loaded from memory as a file kept in the database is (the
 * same checks as a file of surveys/). When it loads, it is used the way
 * `anketa check` and the kiosk use it: a few sittings are scored (one by
 * one and in a batch, which must agree), alerts are raised, and the file's
 * own examples are run.
 *
 * Besides crashes, leaks and undefined behaviour, two promises of the loader
 * are checked: a scale with levels gives every value it can take a level
 * (DESIGN.md section 3: "every value possible at that precision falls in
 * exactly one band"), and the value lies within survey_scale_range().
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzzutil.h"
#include "score.h"
#include "survey.h"
#include "util.h"

/* The answer sitting k gives to question i: unanswered, an option position,
 * a multi choice, a number or a text, varied over sittings and questions. */
static char *
fuzz_answer(const SurveyQuestion *q, int i, int k)
{
	int n = q->n_options, pick = (i * 7 + k * 3) % (n + 1);

	switch (q->type) {
	case QUESTION_NUMBER:
		return k == 0 ? NULL : xasprintf("%g", k == 1 ? q->number_min : q->number_max);
	case QUESTION_TEXT:
		return k == 0 ? NULL : xstrdup("текст, \"в кавычках\"");
	case QUESTION_MULTI:
		if (pick == 0 || n < 2)
			return pick == 0 ? NULL : xstrdup("1");
		return xasprintf("%d|%d", pick, pick == 1 ? n : 1);
	default:
		if (k == 1)
			return xasprintf("%d", n); /* the last option everywhere */
		return pick == 0 ? NULL : xasprintf("%d", pick);
	}
}

/* The promises above, for one scored sitting. */
static void
fuzz_check_results(const Survey *s, const ScaleResult *r)
{
	for (int i = 0; i < s->n_scales; i++) {
		const SurveyScale *sc = &s->scales[i];
		double lo, hi, eps = pow(10, -sc->precision) / 2;

		if (!r[i].has_value)
			continue;
		survey_scale_range(s, i, &lo, &hi);
		if (r[i].value < lo - eps || r[i].value > hi + eps) {
			fprintf(stderr, "scale %s: value %g outside its range %g..%g\n", sc->id,
			        r[i].value, lo, hi);
			abort();
		}
		if (sc->n_levels > 0 && r[i].level < 0) {
			fprintf(stderr, "scale %s: value %g falls in no level\n", sc->id,
			        r[i].value);
			abort();
		}
	}
}

/* Scores sitting k one by one and in a batch; both must give the same. */
static void
fuzz_sitting(const Survey *s, ScoreBatch *batch, int k)
{
	ScoreAnswer *answers = xcalloc((size_t)s->n_questions + 1, sizeof *answers);
	ScaleResult *one = xcalloc((size_t)s->n_scales + 1, sizeof *one);
	ScaleResult *many = xcalloc((size_t)s->n_scales + 1, sizeof *many);
	bool *raised = xcalloc((size_t)s->n_alerts + 1, sizeof *raised);
	int n = 0;

	for (int i = 0; i < s->n_questions; i++) {
		char *value = fuzz_answer(&s->questions[i], i, k);
		if (value != NULL)
			answers[n++] = (ScoreAnswer){ .question = i, .value = value };
	}
	score_sitting(s, answers, n, one);
	score_batch_sitting(batch, answers, n, many);
	if (memcmp(one, many, (size_t)s->n_scales * sizeof *one) != 0 ||
	    score_alerts(s, answers, n, raised) != score_batch_alerts(batch, raised)) {
		fprintf(stderr, "sitting %d: a batch scores differently from one sitting\n", k);
		abort();
	}
	fuzz_check_results(s, one);
	for (int i = 0; i < n; i++)
		free((char *)answers[i].value);
	free(answers);
	free(one);
	free(many);
	free(raised);
}

/* Runs the file's examples as `anketa check` does. */
static void
fuzz_examples(const Survey *s)
{
	ScaleResult *results = xcalloc((size_t)s->n_scales + 1, sizeof *results);

	for (int i = 0; i < s->n_examples; i++) {
		const SurveyExample *ex = &s->examples[i];
		ScoreAnswer *answers = xcalloc((size_t)ex->n_answers + 1, sizeof *answers);

		for (int j = 0; j < ex->n_answers; j++)
			answers[j] = (ScoreAnswer){ .question = ex->answers[j].question,
				                    .value = ex->answers[j].value };
		score_sitting(s, answers, ex->n_answers, results);
		fuzz_check_results(s, results);
		for (int j = 0; j < ex->n_expect; j++) {
			const ExampleExpect *e = &ex->expect[j];
			if (e->level != NULL &&
			    survey_find_level(&s->scales[e->scale], e->level) < 0) {
				fprintf(stderr, "example %s expects an unknown level\n", ex->name);
				abort();
			}
		}
		free(answers);
	}
	free(results);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	Diag diag = { 0 };
	Survey *s = survey_load_text("fuzz.yaml", (const char *)data, size, &diag);

	if (s == NULL && diag.n == 0) {
		fprintf(stderr, "a survey was refused without a reason\n");
		abort();
	}
	if (s != NULL) {
		ScoreBatch *batch = score_batch_new(s);
		for (int k = 0; k < 4; k++)
			fuzz_sitting(s, batch, k);
		score_batch_free(batch);
		fuzz_examples(s);
	}
	survey_free(s);
	diag_clear(&diag);
	return 0;
}
