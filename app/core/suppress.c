/*
 * suppress.c: small groups kept out of aggregated tables (see suppress.h).
 */
#include "suppress.h"

#include <stdlib.h>

static int
is_small(int count, int min_n)
{
	return count > 0 && count < min_n;
}

/* The shown class with the fewest respondents (but some), the first of
 * equals; -1 when there is none. */
static int
smallest_shown(const int *counts, int n, const SuppressState *classes)
{
	int best = -1;

	for (int i = 0; i < n; i++)
		if (classes[i] == SUPPRESS_SHOWN && counts[i] > 0 &&
		    (best < 0 || counts[i] < counts[best]))
			best = i;
	return best;
}

int
suppress_classes(const int *counts, int n, int total, int min_n, SuppressState *classes,
                 SuppressState *school)
{
	int shown = 0, added = 0;

	if (min_n < 1)
		min_n = SUPPRESS_DEFAULT_MIN_N;
	for (int i = 0; i < n; i++) {
		classes[i] = is_small(counts[i], min_n) ? SUPPRESS_FEW : SUPPRESS_SHOWN;
		if (classes[i] == SUPPRESS_SHOWN)
			shown += counts[i];
	}
	if (shown > total)
		abort(); /* a bug in the caller: the school row has fewer than its classes */
	*school = is_small(total, min_n) ? SUPPRESS_FEW : SUPPRESS_SHOWN;
	if (*school == SUPPRESS_FEW)
		return 0; /* nothing to subtract from */
	/* With every class hidden the remainder is the school, which has
	 * min_n or more: the loop ends. */
	while (is_small(total - shown, min_n)) {
		int next = smallest_shown(counts, n, classes);
		classes[next] = SUPPRESS_COMPLEMENT;
		shown -= counts[next];
		added++;
	}
	return added;
}
