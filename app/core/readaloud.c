/*
 * readaloud.c: the text of what is read aloud.
 */
#include "readaloud.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

/* Appends src to *buf, growing it. */
static void
readaloud_append(char **buf, const char *src)
{
	size_t used = strlen(*buf), add = strlen(src);

	*buf = xreallocarray(*buf, used + add + 1, 1);
	memcpy(*buf + used, src, add + 1);
}

char *
readaloud_question(const SurveyQuestion *q, int number, int count)
{
	char *text = xasprintf(_("Question %d of %d"), number, count);
	char *part;

	readaloud_append(&text, ". ");
	readaloud_append(&text, q->text);
	for (int i = 0; i < q->n_options; i++) {
		part = i < 9 ? xasprintf(" %d — %s.", i + 1, q->options[i].label)
		             : xasprintf(" %s.", q->options[i].label);
		readaloud_append(&text, part);
		free(part);
	}
	return text;
}

char *
readaloud_instructions(const Survey *survey)
{
	if (survey->instructions == NULL)
		return xasprintf("%s.", survey->title);
	return xasprintf("%s. %s", survey->title, survey->instructions);
}
