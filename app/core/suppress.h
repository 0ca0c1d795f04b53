/*
 * suppress.h: which classes of an aggregated table show no figures, so that
 * printed and sent-on results never describe a group smaller than the
 * programme's min_n (default 5).
 *
 * A class with 1 to min_n - 1 respondents shows no percent and no level
 * counts ("мало данных, n = 3"). The school row shows everyone, so the
 * school minus the classes shown gives away the classes hidden, taken
 * together with any respondents outside the listed classes: whenever that
 * remainder has 1 to min_n - 1 respondents, the smallest class still shown
 * (the first of equals, in the caller's order) is hidden too, until the
 * remainder is empty or has at least min_n. A school with 1 to min_n - 1
 * respondents in all is itself shown without figures, and then nothing can
 * be recovered from it. A class without respondents has nothing to show and
 * hides nothing.
 */
#ifndef ANKETA_SUPPRESS_H
#define ANKETA_SUPPRESS_H

/* The smallest group shown when the programme does not say. */
#define SUPPRESS_DEFAULT_MIN_N 5

typedef enum {
	SUPPRESS_SHOWN,      /* figures shown */
	SUPPRESS_FEW,        /* fewer respondents than min_n: "мало данных, n = 3" */
	SUPPRESS_COMPLEMENT, /* enough respondents, hidden so that the school row
	                      * minus the classes shown does not give a small
	                      * class away */
} SuppressState;

/*
 * Decides for n classes with counts[i] respondents (each in one class) and
 * a school row of total respondents (at least their sum; more when some
 * are in no class listed), with groups of at least min_n shown (min_n < 1:
 * SUPPRESS_DEFAULT_MIN_N). Fills classes[n] and *school, and returns how
 * many classes were hidden as SUPPRESS_COMPLEMENT. A pure function.
 */
int suppress_classes(const int *counts, int n, int total, int min_n, SuppressState *classes,
                     SuppressState *school);

#endif
