/*
 * survey_range.c: the lowest and highest value each scale can take (the
 * range its level bands must cover), from the scores one answer can reach
 * up through nested scales, multiplier, offset and rounding.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "survey_internal.h"
#include "util.h"

/* The lowest and highest score one answer can reach: a multi answer is any
 * non-empty choice of options, so it reaches every negative (or positive)
 * score at once. */
void
survey_range_question(const SurveyQuestion *q, double *lo, double *hi)
{
	double neg = 0, pos = 0, least = INFINITY, most = -INFINITY;

	*lo = *hi = 0;
	if (!survey_type_scored(q->type) || q->n_options == 0)
		return;
	for (int i = 0; i < q->n_options; i++) {
		double sc = q->options[i].score;
		least = fmin(least, sc);
		most = fmax(most, sc);
		neg += sc < 0 ? sc : 0;
		pos += sc > 0 ? sc : 0;
	}
	*lo = least;
	*hi = most;
	if (q->type == QUESTION_MULTI) {
		*lo = neg < 0 ? neg : least;
		*hi = pos > 0 ? pos : most;
	}
}

double
survey_question_max_score(const SurveyQuestion *question)
{
	double lo, hi;

	survey_range_question(question, &lo, &hi);
	return hi;
}

static int
survey_cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* The least sum of at least k of the n values: the k smallest plus any
 * other negative ones. */
static double
survey_least_sum(double *v, int n, int k)
{
	double sum = 0;

	qsort(v, (size_t)n, sizeof *v, survey_cmp_double);
	for (int i = 0; i < n; i++)
		if (i < k || v[i] < 0)
			sum += v[i];
	return sum;
}

/* The least ratio sum(s)/sum(m) over subsets of at least k items
 * (Dinkelbach's iteration: each round picks the subset that is best for
 * the current ratio, which lowers the ratio until it is the minimum). */
static double
survey_least_ratio(const double *s, const double *m, int n, int k)
{
	double *d = xcalloc((size_t)n, sizeof *d), ratio, num = 0, den = 0;

	for (int i = 0; i < n; i++)
		num += s[i], den += m[i];
	ratio = den > 0 ? num / den : 0;
	for (int round = 0; round < 100; round++) {
		double best;
		for (int i = 0; i < n; i++)
			d[i] = s[i] - ratio * m[i];
		best = survey_least_sum(d, n, k);
		if (best > -1e-12)
			break;
		/* Recover the chosen subset's ratio from its members. */
		num = den = 0;
		for (int i = 0; i < n; i++) {
			double di = s[i] - ratio * m[i];
			int rank = 0;
			for (int j = 0; j < n; j++)
				rank += (s[j] - ratio * m[j] < di) ||
				        (s[j] - ratio * m[j] == di && j < i);
			if (rank < k || di < 0)
				num += s[i], den += m[i];
		}
		if (den <= 0 || num / den >= ratio)
			break;
		ratio = num / den;
	}
	free(d);
	return ratio;
}

/* The raw (before multiplier) lowest and highest values of a scale whose
 * items reach lo[i]..hi[i] with maximum scores m[i]. */
static void
survey_raw_range(ScaleMethod method, double *lo, const double *hi, const double *m, int n, int k,
                 double *rmin, double *rmax)
{
	double *neg = xcalloc((size_t)n, sizeof *neg);

	for (int i = 0; i < n; i++)
		neg[i] = -hi[i];
	if (method == SCALE_SUM) {
		*rmin = survey_least_sum(lo, n, k);
		*rmax = -survey_least_sum(neg, n, k);
	} else if (method == SCALE_MEAN) {
		qsort(lo, (size_t)n, sizeof *lo, survey_cmp_double);
		qsort(neg, (size_t)n, sizeof *neg, survey_cmp_double);
		*rmin = *rmax = 0;
		for (int i = 0; i < k; i++)
			*rmin += lo[i] / k, *rmax -= neg[i] / k;
	} else {
		*rmin = 100 * survey_least_ratio(lo, m, n, k);
		*rmax = -100 * survey_least_ratio(neg, m, n, k);
	}
	free(neg);
}

/* Fills lo/hi for scales 0..upto in order; a nested scale always comes
 * before its parent, so each needs only ranges already computed. */
void
survey_range_all(const Survey *survey, int upto, double *lo, double *hi)
{
	for (int s = 0; s <= upto; s++) {
		const SurveyScale *sc = &survey->scales[s];
		int n = sc->n_items, k = sc->min_answered > 1 ? sc->min_answered : 1;
		double *ilo = xcalloc((size_t)n + 1, sizeof *ilo);
		double *ihi = xcalloc((size_t)n + 1, sizeof *ihi);
		double rmin = 0, rmax = 0;

		for (int i = 0; i < n; i++) {
			ScaleItem it = sc->items[i];
			if (!it.is_scale && it.index >= 0 && it.index < survey->n_questions)
				survey_range_question(&survey->questions[it.index], &ilo[i],
				                      &ihi[i]);
			else if (it.is_scale && it.index >= 0 && it.index < s)
				ilo[i] = lo[it.index], ihi[i] = hi[it.index];
		}
		if (n > 0) {
			double *m = xcalloc((size_t)n, sizeof *m);
			memcpy(m, ihi, (size_t)n * sizeof *m);
			survey_raw_range(sc->method, ilo, ihi, m, n, k < n ? k : n, &rmin, &rmax);
			free(m);
		}
		lo[s] = util_round(rmin * sc->multiplier + sc->offset, sc->precision);
		hi[s] = util_round(rmax * sc->multiplier + sc->offset, sc->precision);
		if (lo[s] > hi[s]) {
			double t = lo[s];
			lo[s] = hi[s], hi[s] = t;
		}
		free(ilo);
		free(ihi);
	}
}

void
survey_scale_range(const Survey *survey, int scale, double *min, double *max)
{
	double *lo = xcalloc((size_t)scale + 1, sizeof *lo);
	double *hi = xcalloc((size_t)scale + 1, sizeof *hi);

	survey_range_all(survey, scale, lo, hi);
	*min = lo[scale];
	*max = hi[scale];
	free(lo);
	free(hi);
}
