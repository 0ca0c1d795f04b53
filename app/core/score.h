/*
 * score.h: turning one sitting's answers into scale values and levels.
 *
 * Pure functions of a loaded Survey and the answers (DESIGN.md section 3,
 * "Scoring, exactly"). Unanswered items never count as zero.
 */
#ifndef ANKETA_SCORE_H
#define ANKETA_SCORE_H

#include <stdbool.h>

#include "survey.h"

/*
 * One answer as stored: the question's index and its value in the form of the
 * answers CSV ("2" = second option, "1|3" for multi, a number, or text).
 */
typedef struct {
	int question;
	const char *value;
} ScoreAnswer;

typedef struct {
	bool has_value; /* false: fewer than min_answered items were answered */
	double value;   /* rounded to the scale's precision */
	int level;      /* index into the scale's levels, or -1 (no value, or no band) */
	int answered;   /* items of the scale that were answered */
} ScaleResult;

/*
 * Scores a sitting: fills results[survey->n_scales], one per scale in the
 * survey's order. Answers that are not valid for their question (answer.h)
 * are ignored.
 */
void score_sitting(const Survey *survey, const ScoreAnswer *answers, int n_answers,
                   ScaleResult *results);

/*
 * Scoring many sittings of one survey (export, indicators, benchmarks):
 * score_batch_sitting() gives exactly what score_sitting() gives, but the
 * survey's scale ranges (needed when a percent_of_max scale holds nested
 * scales) are worked out once and the scratch memory is reused. The survey
 * must stay loaded and unchanged while the batch lives.
 */
typedef struct ScoreBatch ScoreBatch;

/* A batch for this survey; free it with score_batch_free(). */
ScoreBatch *score_batch_new(const Survey *survey);

/* Like score_sitting() with the batch's survey. */
void score_batch_sitting(ScoreBatch *batch, const ScoreAnswer *answers, int n_answers,
                         ScaleResult *results);

/* The alerts raised by the sitting the batch scored last, into
 * raised[survey->n_alerts] as booleans; returns how many were raised. */
int score_batch_alerts(const ScoreBatch *batch, bool *raised);

/* Frees a batch; NULL is allowed. */
void score_batch_free(ScoreBatch *batch);

/* Indexes of alerts raised by these answers, into alerts[survey->n_alerts]
 * as booleans; returns how many were raised. */
int score_alerts(const Survey *survey, const ScoreAnswer *answers, int n_answers, bool *raised);

#endif
