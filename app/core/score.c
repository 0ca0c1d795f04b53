/*
 * score.c: scale values, levels and alerts of one sitting (DESIGN.md
 * section 3, "Scoring, exactly").
 *
 * Everything here is a pure function of the Survey and the answers: the
 * kiosk, `anketa export scores`, the indicator table and `anketa check`'s
 * examples all score through score_sitting(), so they cannot disagree.
 */
#include "score.h"

#include <stdlib.h>
#include <string.h>

#include "answer.h"
#include "util.h"

/* Scoring state of one scale while a sitting is scored. */
enum { SCALE_TODO, SCALE_BUSY, SCALE_DONE };

struct ScoreBatch {
	const Survey *survey;
	ScaleResult *results; /* the current sitting's */
	size_t nq, ns;
	double *qscore; /* per question: the score of its valid answer */
	bool *qanswered;
	unsigned char *state; /* per scale: SCALE_TODO / SCALE_BUSY / SCALE_DONE */
	double *max;          /* per scale: its highest value once has_max, kept
	                         from sitting to sitting */
	bool *has_max;
};

/*
 * Keeps, per question, the score of its last valid answer. An invalid answer
 * is ignored as if it had not been given, so it does not undo an earlier
 * valid one; answers to unknown question indexes are ignored too.
 */
static void
score_collect(const Survey *survey, const ScoreAnswer *answers, int n_answers, double *qscore,
              bool *qanswered)
{
	for (int i = 0; i < n_answers; i++) {
		int q = answers[i].question;
		double s;

		if (q < 0 || q >= survey->n_questions)
			continue;
		if (answer_score(&survey->questions[q], answers[i].value, &s)) {
			qscore[q] = s;
			qanswered[q] = true;
		}
	}
}

/*
 * The largest value a nested scale can reach, the denominator's share of a
 * percent_of_max parent. It is survey_scale_range()'s maximum, the same one
 * the loader checks the level bands against, worked out once per batch.
 */
static double
score_nested_max(ScoreBatch *batch, int scale)
{
	double min;

	if (!batch->has_max[scale]) {
		survey_scale_range(batch->survey, scale, &min, &batch->max[scale]);
		batch->has_max[scale] = true;
	}
	return batch->max[scale];
}

/* The first level whose inclusive band holds the value, or -1. */
static int
score_band(const SurveyScale *sc, double value)
{
	for (int i = 0; i < sc->n_levels; i++)
		if (value >= sc->levels[i].min && value <= sc->levels[i].max)
			return i;
	return -1;
}

static void score_scale(ScoreBatch *batch, int scale);

/* Adds one item's score and maximum if it was answered; returns whether it was. */
static bool
score_item(ScoreBatch *batch, const SurveyScale *sc, const ScaleItem *it, double *sum, double *max)
{
	if (!it->is_scale) {
		if (!batch->qanswered[it->index])
			return false;
		*sum += batch->qscore[it->index];
		if (sc->method == SCALE_PERCENT_OF_MAX)
			*max += survey_question_max_score(&batch->survey->questions[it->index]);
		return true;
	}
	score_scale(batch, it->index);
	if (batch->state[it->index] != SCALE_DONE || !batch->results[it->index].has_value)
		return false;
	*sum += batch->results[it->index].value;
	if (sc->method == SCALE_PERCENT_OF_MAX)
		*max += score_nested_max(batch, it->index);
	return true;
}

/*
 * Scores one scale, scoring its nested scales first whatever order they come
 * in. A scale met again while it is being scored (a cycle the loader rejects)
 * counts as unanswered instead of recursing forever.
 */
static void
score_scale(ScoreBatch *batch, int scale)
{
	const SurveyScale *sc = &batch->survey->scales[scale];
	ScaleResult *r = &batch->results[scale];
	double sum = 0, max = 0, raw;
	int answered = 0;

	if (batch->state[scale] != SCALE_TODO)
		return;
	batch->state[scale] = SCALE_BUSY;
	for (int i = 0; i < sc->n_items; i++)
		if (score_item(batch, sc, &sc->items[i], &sum, &max))
			answered++;
	*r = (ScaleResult){ .has_value = false, .value = 0, .level = -1, .answered = answered };
	batch->state[scale] = SCALE_DONE;
	if (answered == 0 || answered < sc->min_answered)
		return;
	if (sc->method == SCALE_SUM)
		raw = sum;
	else if (sc->method == SCALE_MEAN)
		raw = sum / answered;
	else if (max != 0)
		raw = 100 * sum / max;
	else
		return; /* no item can score: a percentage of nothing */
	r->has_value = true;
	r->value = util_round(raw * sc->multiplier + sc->offset, sc->precision);
	r->level = score_band(sc, r->value);
}

ScoreBatch *
score_batch_new(const Survey *survey)
{
	ScoreBatch *batch = xcalloc(1, sizeof *batch);
	size_t nq = survey->n_questions > 0 ? (size_t)survey->n_questions : 0;
	size_t ns = survey->n_scales > 0 ? (size_t)survey->n_scales : 0;
	/* One zeroed block: the doubles first for alignment, then the flags. */
	char *p = xcalloc(1, (nq + ns) * (sizeof(double) + sizeof(bool)) + ns);

	batch->survey = survey;
	batch->nq = nq;
	batch->ns = ns;
	batch->qscore = (double *)p;
	batch->max = (double *)(p + nq * sizeof(double));
	p += (nq + ns) * sizeof(double);
	batch->qanswered = (bool *)p;
	batch->has_max = (bool *)(p + nq * sizeof(bool));
	batch->state = (unsigned char *)(p + (nq + ns) * sizeof(bool));
	return batch;
}

/* Forgets the previous sitting's answers and scales (not the ranges) and
 * takes in this sitting's answers. */
static void
score_batch_reset(ScoreBatch *batch, const ScoreAnswer *answers, int n_answers)
{
	memset(batch->qscore, 0, batch->nq * sizeof *batch->qscore);
	memset(batch->qanswered, 0, batch->nq * sizeof *batch->qanswered);
	memset(batch->state, 0, batch->ns);
	score_collect(batch->survey, answers, n_answers, batch->qscore, batch->qanswered);
}

void
score_batch_sitting(ScoreBatch *batch, const ScoreAnswer *answers, int n_answers,
                    ScaleResult *results)
{
	score_batch_reset(batch, answers, n_answers);
	batch->results = results;
	for (int i = 0; i < batch->survey->n_scales; i++)
		score_scale(batch, i);
	batch->results = NULL;
}

void
score_batch_free(ScoreBatch *batch)
{
	if (batch == NULL)
		return;
	free(batch->qscore); /* the start of the one block */
	free(batch);
}

void
score_sitting(const Survey *survey, const ScoreAnswer *answers, int n_answers, ScaleResult *results)
{
	ScoreBatch *batch = score_batch_new(survey);

	score_batch_sitting(batch, answers, n_answers, results);
	score_batch_free(batch);
}

int
score_batch_alerts(const ScoreBatch *batch, bool *raised)
{
	const Survey *survey = batch->survey;
	int count = 0;

	for (int i = 0; i < survey->n_alerts; i++) {
		int q = survey->alerts[i].question;
		raised[i] = q >= 0 && q < survey->n_questions && batch->qanswered[q] &&
		            batch->qscore[q] >= survey->alerts[i].min_score &&
		            batch->qscore[q] <= survey->alerts[i].max_score;
		count += raised[i];
	}
	return count;
}

int
score_alerts(const Survey *survey, const ScoreAnswer *answers, int n_answers, bool *raised)
{
	ScoreBatch *batch = score_batch_new(survey);
	int count;

	score_batch_reset(batch, answers, n_answers);
	count = score_batch_alerts(batch, raised);
	score_batch_free(batch);
	return count;
}
