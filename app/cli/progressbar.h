/*
 * progressbar.h: the command line's progress line (issue 15: long work says
 * how far it is). On a terminal's stderr: a bar, the percent and what the
 * work is at, redrawn in place with '\r' at most once every
 * PROGRESSBAR_INTERVAL_MS, and erased before anything else is printed.
 * Whether there is a terminal at all is the caller's question
 * (cli_progress_new() in cli.h); without one there is no bar, and every
 * function here takes NULL for "no bar" and then does nothing.
 */
#ifndef ANKETA_PROGRESSBAR_H
#define ANKETA_PROGRESSBAR_H

#include <stdbool.h>
#include <stdio.h>

#include "progress.h"

/* At most five redraws a second: enough to see it move, little to print. */
#define PROGRESSBAR_INTERVAL_MS 200

typedef struct ProgressBar ProgressBar;

/* A bar drawn on out (borrowed) for a terminal columns characters wide (0
 * or less: 80); nothing is drawn before the first progressbar_show(). */
ProgressBar *progressbar_new(FILE *out, int columns);

/* Erases the line (progressbar_clear()) and frees bar; NULL is fine. */
void progressbar_free(ProgressBar *bar);

/*
 * done of total (total <= 0: not known) at what (may be NULL), at time
 * now_ms of a monotonic clock. The line is drawn when nothing is on the
 * screen yet (the first call, or the first after progressbar_clear()) or
 * PROGRESSBAR_INTERVAL_MS have passed since it was last drawn; then it
 * returns true. The line is "\r", a 20-cell bar and the percent (both left
 * out when total is not known), what, and spaces over what a longer line
 * left; at most columns - 1 characters (UTF-8 counted as characters), what
 * cut short with "…" to fit, control characters shown as '?'.
 */
bool progressbar_show(ProgressBar *bar, long now_ms, long done, long total, const char *what);

/* Draws what alone (no bar, no percent) at once, however recently the
 * line was drawn, timed by CLOCK_MONOTONIC: for a piece of work that tells
 * no progress of its own (writing a file) and may take a while. */
void progressbar_note(ProgressBar *bar, const char *what);

/* Erases the line drawn ("\r", spaces over it, "\r"), so that the next
 * line printed starts clean; the next progressbar_show() draws at once. */
void progressbar_clear(ProgressBar *bar);

/* The Progress that shows on bar, timed by CLOCK_MONOTONIC; NULL for a
 * NULL bar. Valid while bar is. */
const Progress *progressbar_progress(ProgressBar *bar);

/* The same as a callback of the shape AnalysisOptions.progress takes
 * (analysis.h), ctx being the bar (NULL: nothing is drawn). */
void progressbar_tell(void *bar, int done, int total, const char *what);

#endif
