/*
 * respondent.c: each respondent's latest completed sitting (see
 * respondent.h), found with one sort of the coded sittings.
 */
#include "respondent.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

static const char *
str(const char *s)
{
	return s ? s : "";
}

/* Orders by group, wave, class, code, then completion and position, so
 * that the one that counts comes last of its run. */
static int
compare(const void *pa, const void *pb)
{
	const RespondentSitting *a = *(const RespondentSitting *const *)pa;
	const RespondentSitting *b = *(const RespondentSitting *const *)pb;
	int c;

	if ((c = strcmp(a->group, b->group)) != 0 ||
	    (c = strcmp(str(a->wave), str(b->wave))) != 0 ||
	    (c = strcmp(str(a->class_name), str(b->class_name))) != 0 ||
	    (c = strcmp(a->respondent, b->respondent)) != 0 ||
	    (c = strcmp(a->completed_at, b->completed_at)) != 0)
		return c;
	return (a > b) - (a < b);
}

static bool
same_respondent(const RespondentSitting *a, const RespondentSitting *b)
{
	return strcmp(a->group, b->group) == 0 && strcmp(str(a->wave), str(b->wave)) == 0 &&
	       strcmp(str(a->class_name), str(b->class_name)) == 0 &&
	       strcmp(a->respondent, b->respondent) == 0;
}

void
respondent_latest(const RespondentSitting *sittings, int n, bool *counted)
{
	const RespondentSitting **coded = xcalloc((size_t)n + 1, sizeof *coded);
	int m = 0;

	for (int i = 0; i < n; i++) {
		const RespondentSitting *s = &sittings[i];
		counted[i] = false;
		if (s->group == NULL || s->completed_at == NULL)
			continue;
		if (str(s->respondent)[0] == '\0')
			counted[i] = true;
		else
			coded[m++] = s;
	}
	if (m > 1)
		qsort(coded, (size_t)m, sizeof *coded, compare);
	for (int k = 0; k < m; k++)
		if (k + 1 == m || !same_respondent(coded[k], coded[k + 1]))
			counted[coded[k] - sittings] = true;
	free(coded);
}
