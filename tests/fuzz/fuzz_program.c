/*
 * fuzz_program.c: libFuzzer target for the programme loader. Each input is
 * a programme file checked against the shipped surveys (surveys/); when it
 * loads, its indicator table is computed over a few made-up sittings of
 * every survey in its first waves, as the export and the report do.
 */
#include <stdio.h>
#include <stdlib.h>

#include "fuzzutil.h"
#include "indicator.h"
#include "program.h"
#include "score.h"
#include "survey.h"
#include "util.h"

/* Waves of a programme that get sittings: enough to compare start and final. */
#define FUZZ_WAVES 3

static SurveySet surveys;
/* Per survey, two scored sittings: every first option, every last option. */
static ScaleResult *results[2][64];

static const char *const classes[2] = { "6А", "6Б" };
static const ClassSize sizes[1] = { { "6А", 25, 20, false } };

static ScaleResult *
fuzz_score(const Survey *s, bool last)
{
	ScoreAnswer *answers = xcalloc((size_t)s->n_questions + 1, sizeof *answers);
	char(*values)[16] = xcalloc((size_t)s->n_questions + 1, sizeof *values);
	ScaleResult *r = xcalloc((size_t)s->n_scales + 1, sizeof *r);

	for (int i = 0; i < s->n_questions; i++) {
		snprintf(values[i], sizeof values[i], "%d", last ? s->questions[i].n_options : 1);
		answers[i] = (ScoreAnswer){ .question = i, .value = values[i] };
	}
	score_sitting(s, answers, s->n_questions, r);
	free(answers);
	free(values);
	return r;
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzzutil_load_surveys(&surveys, "surveys");
	if (surveys.n > 64)
		abort();
	for (int i = 0; i < surveys.n; i++)
		for (int k = 0; k < 2; k++)
			results[k][i] = fuzz_score(surveys.items[i], k == 1);
	return 0;
}

/* The kind of the indicator a row borrows its id from. */
static IndicatorKind
fuzz_kind(const Program *p, const char *indicator_id)
{
	for (int j = 0; j < p->n_indicators; j++)
		if (p->indicators[j].id == indicator_id)
			return p->indicators[j].kind;
	abort(); /* a row of an indicator the programme does not have */
}

/* A share counts respondents: never more meet it than are counted. */
static void
fuzz_indicators(const Program *p)
{
	int waves = p->n_waves < FUZZ_WAVES ? p->n_waves : FUZZ_WAVES, n = 0;
	IndicatorSitting *st = xcalloc((size_t)(surveys.n * waves * 2) + 1, sizeof *st);
	IndicatorTable table = { 0 };

	for (int i = 0; i < surveys.n; i++)
		for (int w = 0; w < waves; w++)
			for (int k = 0; k < 2; k++)
				st[n++] = (IndicatorSitting){
					.wave = p->waves[w].id,
					.class_name = classes[k],
					.respondent = k ? "A1" : "",
					.survey_id = surveys.items[i]->id,
					.completed_at =
					    (i + w + k) % 3 ? "2026-09-15T10:00:00Z" : NULL,
					.survey = surveys.items[i],
					.results = results[(i + w + k) % 2][i],
				};
	indicator_compute(
	    p,
	    &(IndicatorInput){ .sittings = st, .n_sittings = n, .classes = sizes, .n_classes = 1 },
	    &table);
	for (int i = 0; i < table.n; i++)
		if (fuzz_kind(p, table.rows[i].indicator_id) != INDICATOR_PARTICIPATION &&
		    (table.rows[i].meeting < 0 || table.rows[i].meeting > table.rows[i].n)) {
			fprintf(stderr, "indicator %s: %d of %d meet it\n",
			        table.rows[i].indicator_id, table.rows[i].meeting, table.rows[i].n);
			abort();
		}
	indicator_table_free(&table);
	free(st);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	Diag diag = { 0 };
	Program *p = program_load(fuzzutil_file(data, size), &surveys, &diag);

	if (p == NULL && diag.n == 0) {
		fprintf(stderr, "a programme was refused without a reason\n");
		abort();
	}
	if (p != NULL)
		fuzz_indicators(p);
	program_free(p);
	diag_clear(&diag);
	return 0;
}
