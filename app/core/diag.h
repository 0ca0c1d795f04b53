/*
 * diag.h: problems found in user input, as sentences a psychologist can act on.
 *
 * Loaders and importers add one Diag entry per problem and go on, so that
 * `anketa check` can print every problem at once. Each entry renders as
 * "file:line:column: message" (line and column 0 mean "the whole file").
 */
#ifndef ANKETA_DIAG_H
#define ANKETA_DIAG_H

#include <stdio.h>

typedef struct {
	char *file;
	int line;
	int column;
	char *message;
} DiagEntry;

typedef struct {
	DiagEntry *entries;
	int n;
	int cap;
} Diag;

/* Adds one problem; message is a printf format. Never fails (aborts on OOM). */
void diag_add(Diag *diag, const char *file, int line, int column, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* Prints every entry, one line each, to out. */
void diag_print(const Diag *diag, FILE *out);

/* The first entry formatted as one line, or NULL when empty; the caller frees it. */
char *diag_first_line(const Diag *diag);

/* Frees every entry; the Diag is empty and reusable afterwards. */
void diag_clear(Diag *diag);

#endif
