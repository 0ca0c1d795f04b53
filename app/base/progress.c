/*
 * progress.c: the helpers of progress.h; what is shown is up to whoever
 * made the Progress.
 */
#include "progress.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "util.h"

bool
progress_due(const Progress *progress, long done)
{
	return progress != NULL && progress->report != NULL && done % PROGRESS_EVERY == 0;
}

int
progress_report(const Progress *progress, long done, long total, const char *what)
{
	if (progress == NULL)
		return 0;
	if (progress->report != NULL)
		progress->report(progress->ctx, done, total, what);
	return progress->cancel != NULL && atomic_load(progress->cancel) ? -1 : 0;
}

char *
progress_cancelled_cause(void)
{
	return xstrdup(_("stopped on request before the end; nothing was changed or written"));
}

int
progress_step(const Progress *progress, long done, long total, char **cause, const char *fmt, ...)
{
	char what[160];
	va_list ap;

	if (!progress_due(progress, done))
		return 0;
	va_start(ap, fmt);
	vsnprintf(what, sizeof what, fmt, ap); /* NOLINT(clang-analyzer-valist.Uninitialized) */
	va_end(ap);
	if (progress_report(progress, done, total, what) == 0)
		return 0;
	*cause = progress_cancelled_cause();
	return -1;
}

/* The part's report, passed on to the parent in its share. */
static void
part_report(void *ctx, long done, long total, const char *what)
{
	ProgressPart *part = ctx;
	double share = total > 0 && done > 0 ? (double)(done < total ? done : total) / total : 0;
	long whole = (long)((part->from + (part->to - part->from) * share) * PROGRESS_WHOLE);

	if (part->label != NULL && what != NULL)
		snprintf(part->what, sizeof part->what, "%s: %s", part->label, what);
	else
		snprintf(part->what, sizeof part->what, "%s",
		         part->label != NULL ? part->label
		         : what != NULL      ? what
		                             : "");
	/* A phrase cut short must not end in half a character. */
	part->what[util_utf8_bad_at(part->what, strlen(part->what))] = '\0';
	part->parent->report(part->parent->ctx, whole, PROGRESS_WHOLE,
	                     part->what[0] != '\0' ? part->what : NULL);
}

const Progress *
progress_part(ProgressPart *part, const Progress *parent, double from, double to, const char *label)
{
	if (parent == NULL)
		return NULL;
	*part = (ProgressPart){
		.progress = { parent->report != NULL ? part_report : NULL, part, parent->cancel },
		.parent = parent,
		.from = from,
		.to = to,
		.label = label,
	};
	return &part->progress;
}
