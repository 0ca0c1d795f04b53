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

#include "util.h"

/* Scoring state of one scale while a sitting is scored. */
enum { SCALE_TODO, SCALE_BUSY, SCALE_DONE };

typedef struct {
	const Survey *survey;
	const double *qscore; /* per question: the score of its valid answer */
	const bool *qanswered;
	ScaleResult *results;
	unsigned char *state; /* per scale: SCALE_TODO / SCALE_BUSY / SCALE_DONE */
} ScoreRun;

/*
 * Parses a 1-based option position: digits only, no sign, no spaces, no
 * leading zero, at most n. Advances *s past the digits; returns 0 when the
 * text there is not such a position.
 */
static int
score_parse_position(const char **s, int n)
{
	const char *p = *s;
	long pos = 0;

	if (*p < '1' || *p > '9')
		return 0;
	while (*p >= '0' && *p <= '9') {
		pos = pos * 10 + (*p - '0');
		if (pos > n)
			return 0;
		p++;
	}
	*s = p;
	return (int)pos;
}

/* The sum of a multi answer "1|3"; false on an empty part, a bad or
 * repeated position, or a stray separator. */
static bool
score_multi(const SurveyQuestion *question, const char *value, double *score)
{
	bool *chosen = xcalloc((size_t)question->n_options, sizeof *chosen);
	const char *p = value;
	double sum = 0;
	bool ok = false;

	for (;;) {
		int pos = score_parse_position(&p, question->n_options);
		if (pos == 0 || chosen[pos - 1])
			goto done;
		chosen[pos - 1] = true;
		sum += question->options[pos - 1].score;
		if (*p == '\0')
			break;
		if (*p != '|')
			goto done;
		p++;
	}
	*score = sum;
	ok = true;
done:
	free(chosen);
	return ok;
}

bool
score_answer(const SurveyQuestion *question, const char *value, double *score)
{
	const char *p = value;
	int pos;

	if (value == NULL || question->n_options <= 0)
		return false;
	switch (question->type) {
	case QUESTION_SINGLE:
	case QUESTION_YESNO:
	case QUESTION_LIKERT:
		pos = score_parse_position(&p, question->n_options);
		if (pos == 0 || *p != '\0')
			return false;
		*score = question->options[pos - 1].score;
		return true;
	case QUESTION_MULTI:
		return score_multi(question, value, score);
	case QUESTION_NUMBER:
	case QUESTION_TEXT:
		break;
	}
	return false;
}

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
		if (score_answer(&survey->questions[q], answers[i].value, &s)) {
			qscore[q] = s;
			qanswered[q] = true;
		}
	}
}

/* The largest score an answer can reach: the best option, or for multi
 * every positive option (at least one option is always chosen). */
static double
score_question_max(const SurveyQuestion *question)
{
	double best = 0, positive = 0;

	if (question->type == QUESTION_NUMBER || question->type == QUESTION_TEXT)
		return 0;
	for (int i = 0; i < question->n_options; i++) {
		double s = question->options[i].score;
		if (i == 0 || s > best)
			best = s;
		if (s > 0)
			positive += s;
	}
	if (question->type == QUESTION_MULTI && positive > 0)
		return positive;
	return best;
}

/* The smallest score an answer can reach (mirror of score_question_max). */
static double
score_question_min(const SurveyQuestion *question)
{
	double worst = 0, negative = 0;

	if (question->type == QUESTION_NUMBER || question->type == QUESTION_TEXT)
		return 0;
	for (int i = 0; i < question->n_options; i++) {
		double s = question->options[i].score;
		if (i == 0 || s < worst)
			worst = s;
		if (s < 0)
			negative += s;
	}
	if (question->type == QUESTION_MULTI && negative < 0)
		return negative;
	return worst;
}

static int
score_cmp_desc(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x < y) - (x > y);
}

static void score_scale_bounds(const Survey *survey, int scale, int depth, double *min,
                               double *max);

/*
 * The best raw value of a scale when every answered item takes the extreme
 * given in ext[] (its maximum; the caller negates to get the minimum) and at
 * least m items are answered. ext is sorted in place.
 */
static double
score_raw_extreme(ScaleMethod method, double *ext, int n, int m)
{
	double sum = 0;
	int k;

	qsort(ext, (size_t)n, sizeof *ext, score_cmp_desc);
	if (method == SCALE_MEAN) {
		/* The mean of the top k falls as k grows: answer exactly m. */
		for (k = 0; k < m; k++)
			sum += ext[k];
		return sum / m;
	}
	/* A sum: the top m items, then every further item that adds. */
	for (k = 0; k < n && (k < m || ext[k] > 0); k++)
		sum += ext[k];
	return sum;
}

/*
 * The raw (before multiplier) lowest and highest value of a scale. For
 * percent_of_max the highest is 100 and the lowest is the lowest item ratio
 * min/max (exact for the usual keys whose lowest option scores 0).
 */
static void
score_scale_raw_bounds(const Survey *survey, const SurveyScale *sc, int depth, double *lo,
                       double *hi)
{
	int n = sc->n_items, m = sc->min_answered > 1 ? sc->min_answered : 1;
	double *emax = xmalloc((size_t)n * sizeof *emax), *emin = xmalloc((size_t)n * sizeof *emin);
	double ratio = 0;
	bool have_ratio = false;

	if (m > n)
		m = n;
	for (int i = 0; i < n; i++) {
		const ScaleItem *it = &sc->items[i];
		if (it->is_scale) {
			score_scale_bounds(survey, it->index, depth + 1, &emin[i], &emax[i]);
		} else {
			emin[i] = score_question_min(&survey->questions[it->index]);
			emax[i] = score_question_max(&survey->questions[it->index]);
		}
		if (emax[i] > 0 && (!have_ratio || emin[i] / emax[i] < ratio)) {
			ratio = emin[i] / emax[i];
			have_ratio = true;
		}
		emin[i] = -emin[i];
	}
	if (n == 0) {
		*lo = *hi = 0;
	} else if (sc->method == SCALE_PERCENT_OF_MAX) {
		*lo = 100 * ratio;
		*hi = 100;
	} else {
		*hi = score_raw_extreme(sc->method, emax, n, m);
		*lo = -score_raw_extreme(sc->method, emin, n, m);
	}
	free(emax);
	free(emin);
}

/*
 * The lowest and highest value a scale can take after multiplier, offset and
 * rounding. Used for the maximum of a nested scale inside a percent_of_max
 * scale. depth stops a (validated-away) cycle of scales from recursing forever.
 */
static void
score_scale_bounds(const Survey *survey, int scale, int depth, double *min, double *max)
{
	const SurveyScale *sc = &survey->scales[scale];
	double lo = 0, hi = 0, a, b;

	if (depth <= survey->n_scales)
		score_scale_raw_bounds(survey, sc, depth, &lo, &hi);
	a = util_round(lo * sc->multiplier + sc->offset, sc->precision);
	b = util_round(hi * sc->multiplier + sc->offset, sc->precision);
	*min = a < b ? a : b;
	*max = a < b ? b : a;
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

static void score_scale(ScoreRun *run, int scale);

/* Adds one item's score and maximum if it was answered; returns whether it was. */
static bool
score_item(ScoreRun *run, const SurveyScale *sc, const ScaleItem *it, double *sum, double *max)
{
	const Survey *survey = run->survey;
	double lo, hi;

	if (!it->is_scale) {
		if (!run->qanswered[it->index])
			return false;
		*sum += run->qscore[it->index];
		if (sc->method == SCALE_PERCENT_OF_MAX)
			*max += score_question_max(&survey->questions[it->index]);
		return true;
	}
	score_scale(run, it->index);
	if (!run->results[it->index].has_value)
		return false;
	*sum += run->results[it->index].value;
	if (sc->method == SCALE_PERCENT_OF_MAX) {
		score_scale_bounds(survey, it->index, 0, &lo, &hi);
		*max += hi;
	}
	return true;
}

/*
 * Scores one scale, scoring its nested scales first whatever order they come
 * in. A scale met again while it is being scored (a cycle the loader rejects)
 * counts as unanswered instead of recursing forever.
 */
static void
score_scale(ScoreRun *run, int scale)
{
	const SurveyScale *sc = &run->survey->scales[scale];
	ScaleResult *r = &run->results[scale];
	double sum = 0, max = 0, raw;
	int answered = 0;

	if (run->state[scale] != SCALE_TODO)
		return;
	run->state[scale] = SCALE_BUSY;
	for (int i = 0; i < sc->n_items; i++)
		if (score_item(run, sc, &sc->items[i], &sum, &max))
			answered++;
	*r = (ScaleResult){ .has_value = false, .value = 0, .level = -1, .answered = answered };
	run->state[scale] = SCALE_DONE;
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

void
score_sitting(const Survey *survey, const ScoreAnswer *answers, int n_answers, ScaleResult *results)
{
	size_t nq = survey->n_questions > 0 ? (size_t)survey->n_questions : 1;
	double *qscore = xcalloc(nq, sizeof *qscore);
	bool *qanswered = xcalloc(nq, sizeof *qanswered);
	unsigned char *state = xcalloc(survey->n_scales > 0 ? (size_t)survey->n_scales : 1, 1);
	ScoreRun run = { survey, qscore, qanswered, results, state };

	score_collect(survey, answers, n_answers, qscore, qanswered);
	for (int i = 0; i < survey->n_scales; i++)
		score_scale(&run, i);
	free(qscore);
	free(qanswered);
	free(state);
}

int
score_alerts(const Survey *survey, const ScoreAnswer *answers, int n_answers, bool *raised)
{
	size_t nq = survey->n_questions > 0 ? (size_t)survey->n_questions : 1;
	double *qscore = xcalloc(nq, sizeof *qscore);
	bool *qanswered = xcalloc(nq, sizeof *qanswered);
	int count = 0;

	score_collect(survey, answers, n_answers, qscore, qanswered);
	for (int i = 0; i < survey->n_alerts; i++) {
		int q = survey->alerts[i].question;
		raised[i] = q >= 0 && q < survey->n_questions && qanswered[q] &&
		            qscore[q] >= survey->alerts[i].min_score;
		count += raised[i];
	}
	free(qscore);
	free(qanswered);
	return count;
}
