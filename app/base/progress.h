/*
 * progress.h: how long work says how far it has got, and how it is asked
 * to stop. Display-free: the work calls a Progress; who made the Progress
 * decides what to show (a line on a terminal, a bar on the kiosk's screen)
 * and when. Here in base so that the store (merge) and the core (import,
 * export, results) report the same way.
 *
 * The contract for the work:
 * - it takes a `const Progress *progress`, NULL when nobody asks;
 * - it calls progress_report() at its start and then at most once every
 *   PROGRESS_EVERY items (progress_due()), or once per item when its items
 *   are few and long (a file of a merge), with how many of how many items
 *   are done and a short phrase naming what it is at (translated, e.g.
 *   "sitting 3400 of 9400"); it never depends on being called back;
 * - when progress_report() returns -1 the work stops as if it had failed,
 *   with the sentence of progress_cancelled_cause(), and leaves nothing
 *   half-written (a transaction rolled back, an output file not committed).
 *
 * The contract for the one who shows it: report() is called on the thread
 * doing the work, often (thousands of times for a large file): it must be
 * quick and decide itself how often to draw. The strings it gets are
 * borrowed for the call.
 */
#ifndef ANKETA_PROGRESS_H
#define ANKETA_PROGRESS_H

#include <stdatomic.h>
#include <stdbool.h>

typedef struct {
	/* done of total items (total <= 0: not known), and what the work is
	 * at; may be NULL. */
	void (*report)(void *ctx, long done, long total, const char *what);
	void *ctx;
	/* Set (true) by anybody, any thread, to ask the work to stop at its
	 * next report; NULL: never asked. */
	const atomic_bool *cancel;
} Progress;

/* Work with many small items (rows, sittings) reports once every this many. */
#define PROGRESS_EVERY 256

/* True when progress is not NULL and item number done is one to report
 * (every PROGRESS_EVERY-th, the first included), so that the phrase for
 * it is made only then. */
bool progress_due(const Progress *progress, long done);

/* Tells progress how far the work is (NULL: nobody is told). Returns -1
 * when it is asked to stop, else 0. */
int progress_report(const Progress *progress, long done, long total, const char *what);

/* The sentence of work that stopped because it was asked to; the caller
 * frees it. */
char *progress_cancelled_cause(void);

/*
 * The usual report of work with many items, one call per item: when item
 * done is due (progress_due()), tells progress done of total with the
 * phrase fmt makes of the arguments (made only then). Returns 0; -1 with
 * *cause (progress_cancelled_cause()) when the work is asked to stop.
 */
int progress_step(const Progress *progress, long done, long total, char **cause, const char *fmt,
                  ...) __attribute__((format(printf, 5, 6)));

/* The whole of a parent's progress that parts report in. */
#define PROGRESS_WHOLE 10000L

/*
 * One part of a larger piece of work: what the part reports (done of its
 * own total) is passed to the parent as the share between from and to (0 to
 * 1) of PROGRESS_WHOLE, and its phrase as "label: phrase" (the label alone
 * when the part gives none, the phrase alone without a label). The part is
 * asked to stop when the parent is.
 */
typedef struct {
	Progress progress;
	const Progress *parent;
	double from, to;
	const char *label;
	char what[256];
} ProgressPart;

/* Sets part up and returns the Progress to give that part of the work, or
 * NULL when parent is NULL (nobody is told). label (may be NULL) is
 * borrowed while the part runs; part must outlive it too. */
const Progress *progress_part(ProgressPart *part, const Progress *parent, double from, double to,
                              const char *label);

#endif
