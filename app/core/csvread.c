/*
 * csvread.c: libcsv fed one physical line at a time, so that every record
 * knows the line it started on and every error can name it.
 */
#include "csvread.h"

#include <csv.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util.h"

typedef struct {
	const char *path;
	CsvReadFn fn;
	void *arg;
	char **fields;   /* pointers into text, made at the end of each record */
	size_t *offsets; /* where each field of the record starts in text */
	int n, cap;
	char *text; /* the record's fields, NUL-terminated one after the other */
	size_t len, text_cap;
	int line;       /* the physical line being fed */
	int start_line; /* where the current record started */
	int field_line; /* where the field being read started (for an open quote) */
	int stop;       /* fn's non-zero answer, or -1 after our own error */
	char **cause;
	const Progress *progress;
	long size; /* of the file; 0 when not known (a pipe) */
	long read; /* bytes fed so far */
} Reader;

static void
on_field(void *data, size_t len, void *arg)
{
	Reader *r = arg;
	const char *text = data ? data : "";
	int newlines = 0;

	if (r->stop != 0)
		return;
	if (!util_utf8_valid(text, len)) {
		*r->cause = xasprintf(_("%s:%d:%d: the text is not in UTF-8; save the file as "
		                        "CSV UTF-8"),
		                      r->path, r->line, r->n + 1);
		r->stop = -1;
		return;
	}
	for (size_t i = 0; i < len; i++)
		newlines += text[i] == '\n';
	if (r->n == 0)
		r->start_line = r->line - newlines;
	if (r->n == r->cap) {
		r->cap = r->cap ? 2 * r->cap : 16;
		r->fields = xreallocarray(r->fields, (size_t)r->cap, sizeof *r->fields);
		r->offsets = xreallocarray(r->offsets, (size_t)r->cap, sizeof *r->offsets);
	}
	/* One buffer per record instead of a malloc per field: this runs for
	 * every field of a million-row import. */
	if (r->len + len + 1 > r->text_cap) {
		r->text_cap = 2 * (r->len + len + 1);
		r->text = xreallocarray(r->text, r->text_cap, 1);
	}
	memcpy(r->text + r->len, text, len);
	r->text[r->len + len] = '\0';
	r->offsets[r->n++] = r->len;
	r->len += len + 1;
}

static void
on_record(int terminator, void *arg)
{
	Reader *r = arg;

	(void)terminator;
	for (int i = 0; i < r->n; i++)
		r->fields[i] = r->text + r->offsets[i];
	if (r->stop == 0 && r->n > 0)
		r->stop = r->fn(r->fields, r->n, r->start_line, r->arg);
	r->n = 0;
	r->len = 0;
}

/* Spaces around a field are kept: " 6А" stays what was typed, and an
 * export read back gives the same text. */
static int
no_space(unsigned char c)
{
	(void)c;
	return 0;
}

/* Comma unless the header line has more semicolons than commas. */
static unsigned char
guess_delimiter(const char *line)
{
	int commas = 0, semicolons = 0;

	for (const char *p = line; *p != '\0'; p++) {
		commas += *p == ',';
		semicolons += *p == ';';
	}
	return semicolons > commas ? ';' : ',';
}

static int
parse_error(Reader *r, int line, int column)
{
	*r->cause = xasprintf(_("%s:%d:%d: broken quoting: a quote inside a field must be "
	                        "doubled, and a quoted field must end with a quote"),
	                      r->path, line, column);
	return -1;
}

/* Tells the progress how far the file is read, at the start and every
 * PROGRESS_EVERY lines; -1 when asked to stop. */
static int
tell_progress(Reader *r)
{
	char what[64];

	if (!progress_due(r->progress, r->line))
		return 0;
	snprintf(what, sizeof what, _("line %d"), r->line + 1);
	if (progress_report(r->progress, r->read, r->size, what) == 0)
		return 0;
	*r->cause = progress_cancelled_cause();
	r->stop = -1;
	return -1;
}

/* Feeds every line of f to the parser. */
static int
feed(Reader *r, struct csv_parser *p, FILE *f)
{
	char *buf = NULL;
	size_t cap = 0;
	ssize_t len;
	int rc = 0;

	while (r->stop == 0 && tell_progress(r) == 0 && (len = getline(&buf, &cap, f)) > 0) {
		char *text = buf;

		r->line++;
		r->read += len;
		if (r->line == 1) {
			if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
				text += 3, len -= 3;
			csv_set_delim(p, guess_delimiter(text));
		}
		/* libcsv's state 0 and 1: no field is open across the line end. */
		if (p->pstate < 2)
			r->field_line = r->line;
		if (csv_parse(p, text, (size_t)len, on_field, on_record, r) != (size_t)len) {
			/* A problem found earlier in the line (bad UTF-8, or a bad
			 * record before a lone CR) is the one to report. */
			if (r->stop == 0)
				rc = parse_error(r, r->line, r->n + 1);
			break;
		}
	}
	if (rc == 0 && r->stop == 0 && ferror(f)) {
		*r->cause = xasprintf(_("cannot read %s: %s"), r->path, strerror(errno));
		rc = -1;
	}
	if (rc == 0 && r->stop == 0 && csv_fini(p, on_field, on_record, r) != 0)
		rc = parse_error(r, r->field_line, r->n + 1);
	free(buf);
	return rc;
}

int
csvread_file(const char *path, CsvReadFn fn, void *arg, const Progress *progress, char **cause)
{
	bool is_stdin = strcmp(path, "-") == 0;
	FILE *f = is_stdin ? stdin : fopen(path, "rb");
	Reader r = { .path = is_stdin ? "stdin" : path,
		     .fn = fn,
		     .arg = arg,
		     .cause = cause,
		     .progress = progress };
	struct csv_parser p;
	struct stat st;
	int rc;

	if (f == NULL) {
		*cause = xasprintf(_("cannot read %s: %s"), path, strerror(errno));
		return -1;
	}
	if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode))
		r.size = (long)st.st_size;
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
		abort();
	csv_set_space_func(&p, no_space);
	rc = feed(&r, &p, f);
	free(r.fields);
	free(r.offsets);
	free(r.text);
	csv_free(&p);
	if (!is_stdin)
		fclose(f);
	return rc != 0 ? rc : r.stop;
}
