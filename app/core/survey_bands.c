/*
 * survey_bands.c: checking each scale's level bands against the range the
 * scale can reach: every value possible at the scale's precision falls in
 * exactly one band (DESIGN.md section 3), and a percent_of_max scale has
 * something to divide by.
 */
#include <math.h>
#include <stdlib.h>

#include "survey_internal.h"
#include "util.h"

static const SurveyLevel *sort_levels; /* qsort has no context argument */

static int
survey_cmp_level(const void *a, const void *b)
{
	const SurveyLevel *x = &sort_levels[*(const int *)a], *y = &sort_levels[*(const int *)b];

	return (x->min > y->min) - (x->min < y->min);
}

/* True when v is a whole number of steps of the scale's precision. */
static bool
survey_on_grid(double v, int precision)
{
	double scaled = v * pow(10, precision);

	return fabs(scaled - round(scaled)) < 1e-6;
}

static bool
survey_check_level_values(Loader *L, const SurveyScale *sc, const char *context)
{
	bool ok = true;

	for (int i = 0; i < sc->n_levels; i++) {
		const SurveyLevel *lv = &sc->levels[i];
		if (lv->min > lv->max) {
			yamldoc_error_pos(&L->yd, lv->pos, context,
			                  _("level %s: min %g is greater than max %g"),
			                  lv->id ? lv->id : "?", lv->min, lv->max);
			ok = false;
		}
		if (!survey_on_grid(lv->min, sc->precision) ||
		    !survey_on_grid(lv->max, sc->precision)) {
			yamldoc_error_pos(&L->yd, lv->pos, context,
			                  _("level %s: min and max must have at most %d decimals, "
			                    "the scale's precision"),
			                  lv->id ? lv->id : "?", sc->precision);
			ok = false;
		}
	}
	return ok;
}

static void
survey_check_band_pair(Loader *L, const SurveyScale *sc, const char *context, const SurveyLevel *a,
                       const SurveyLevel *b)
{
	int p = sc->precision;
	double step = pow(10, -p), diff = b->min - (a->max + step);

	if (diff > step / 2)
		yamldoc_error_pos(&L->yd, b->pos, context,
		                  _("no level covers the values from %.*f to %.*f (between levels "
		                    "%s and %s)"),
		                  p, a->max + step, p, b->min - step, a->id ? a->id : "?",
		                  b->id ? b->id : "?");
	else if (diff < -step / 2)
		yamldoc_error_pos(
		    &L->yd, b->pos, context,
		    _("levels %s and %s overlap: the values from %.*f to %.*f fall in "
		      "both"),
		    a->id ? a->id : "?", b->id ? b->id : "?", p, b->min, p, fmin(a->max, b->max));
}

/* Every value the scale can take at its precision must fall in exactly
 * one band: sorted bands touch without gap or overlap and cover the range. */
static void
survey_check_levels(Loader *L, int s, double lo, double hi)
{
	const SurveyScale *sc = &L->s->scales[s];
	char *context = xasprintf(_("scale %s"), sc->id ? sc->id : "?");
	int *idx = xcalloc((size_t)sc->n_levels, sizeof *idx), n = sc->n_levels, p = sc->precision;
	double eps = pow(10, -p) / 2;

	if (n == 0 || L->drafts[s].levels_bad || !survey_check_level_values(L, sc, context))
		goto out;
	for (int i = 0; i < n; i++)
		idx[i] = i;
	sort_levels = sc->levels;
	qsort(idx, (size_t)n, sizeof *idx, survey_cmp_level);
	for (int i = 1; i < n; i++)
		survey_check_band_pair(L, sc, context, &sc->levels[idx[i - 1]],
		                       &sc->levels[idx[i]]);
	if (sc->levels[idx[0]].min > lo + eps)
		yamldoc_error_pos(&L->yd, sc->levels[idx[0]].pos, context,
		                  _("the scale can be as low as %.*f, but the lowest level starts "
		                    "at %.*f"),
		                  p, lo, p, sc->levels[idx[0]].min);
	if (sc->levels[idx[n - 1]].max < hi - eps)
		yamldoc_error_pos(&L->yd, sc->levels[idx[n - 1]].pos, context,
		                  _("the scale can be as high as %.*f, but the highest level ends "
		                    "at %.*f"),
		                  p, hi, p, sc->levels[idx[n - 1]].max);
out:
	free(idx);
	free(context);
}

/* percent_of_max divides by the items' best scores: each must be above 0. */
static void
survey_check_percent(Loader *L, int s, const double *hi)
{
	const SurveyScale *sc = &L->s->scales[s];

	for (int i = 0; sc->method == SCALE_PERCENT_OF_MAX && i < sc->n_items; i++) {
		ScaleItem it = sc->items[i];
		double best = it.is_scale ? hi[it.index]
		                          : survey_question_max_score(&L->s->questions[it.index]);
		if (best <= 0) {
			yamldoc_error_pos(
			    &L->yd, sc->pos, NULL,
			    _("scale %s: with percent_of_max every item must be able to "
			      "score above 0, but %s cannot"),
			    sc->id ? sc->id : "?",
			    it.is_scale ? L->s->scales[it.index].id : L->s->questions[it.index].id);
			L->drafts[s].bad = true;
		}
	}
}

/* Checks each sound scale (and sound nested scales) against its range. */
void
survey_bands_check(Loader *L)
{
	Survey *s = L->s;
	int n = s->n_scales;
	double *lo, *hi;

	if (n == 0)
		return;
	lo = xcalloc((size_t)n, sizeof *lo);
	hi = xcalloc((size_t)n, sizeof *hi);
	survey_range_all(s, n - 1, lo, hi);
	for (int i = 0; i < n; i++) {
		SurveyScale *sc = &s->scales[i];
		for (int j = 0; j < sc->n_items; j++)
			if (sc->items[j].is_scale && L->drafts[sc->items[j].index].bad)
				L->drafts[i].bad = true;
		if (sc->min_answered > sc->n_items && !L->drafts[i].bad)
			yamldoc_error_pos(
			    &L->yd, sc->pos, NULL,
			    _("scale %s: min_answered is %d, but the scale has only %d "
			      "items"),
			    sc->id ? sc->id : "?", sc->min_answered, sc->n_items);
		if (!L->drafts[i].bad)
			survey_check_percent(L, i, hi);
		if (!L->drafts[i].bad)
			survey_check_levels(L, i, lo[i], hi[i]);
	}
	free(lo);
	free(hi);
}
