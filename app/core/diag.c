/*
 * diag.c: a growing list of located problems.
 */
#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

void
diag_add(Diag *diag, const char *file, int line, int column, const char *fmt, ...)
{
	va_list ap;
	DiagEntry *e;

	if (diag->n == diag->cap) {
		diag->cap = diag->cap ? diag->cap * 2 : 8;
		diag->entries = xreallocarray(diag->entries, diag->cap, sizeof *diag->entries);
	}
	e = &diag->entries[diag->n++];
	e->file = xstrdup(file ? file : "");
	e->line = line;
	e->column = column;
	va_start(ap, fmt);
	e->message = xvasprintf(fmt, ap);
	va_end(ap);
}

static char *
diag_format(const DiagEntry *e)
{
	if (e->line > 0)
		return xasprintf("%s:%d:%d: %s", e->file, e->line, e->column, e->message);
	if (e->file[0] != '\0')
		return xasprintf("%s: %s", e->file, e->message);
	return xstrdup(e->message);
}

void
diag_print(const Diag *diag, FILE *out)
{
	for (int i = 0; i < diag->n; i++) {
		char *line = diag_format(&diag->entries[i]);
		fprintf(out, "%s\n", line);
		free(line);
	}
}

char *
diag_first_line(const Diag *diag)
{
	return diag->n > 0 ? diag_format(&diag->entries[0]) : NULL;
}

void
diag_clear(Diag *diag)
{
	for (int i = 0; i < diag->n; i++) {
		free(diag->entries[i].file);
		free(diag->entries[i].message);
	}
	free(diag->entries);
	memset(diag, 0, sizeof *diag);
}
