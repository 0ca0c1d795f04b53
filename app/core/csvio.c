/*
 * csvio.c: CSV writing shared by every export, and the guard against
 * formula injection that the import undoes.
 */
#include "csvio.h"

#include <string.h>

#include "answer.h"

bool
csvio_guarded(const char *text)
{
	const char *p = text + strspn(text, "'");
	double number;

	return *p != '\0' && strchr("=+-@\t\r", *p) != NULL && !answer_parse_number(text, &number);
}

/* Writes prefix and text as one field, quoted when it holds a comma, a
 * quote or a line break. */
static void
write_quoted(FILE *out, const char *prefix, const char *text, int first)
{
	if (!first)
		putc(',', out);
	if (strpbrk(text, ",\"\r\n") == NULL) {
		fputs(prefix, out);
		fputs(text, out);
		return;
	}
	putc('"', out);
	fputs(prefix, out);
	for (const char *p = text; *p != '\0'; p++) {
		if (*p == '"')
			putc('"', out);
		putc(*p, out);
	}
	putc('"', out);
}

void
csvio_write_field(FILE *out, const char *text, int first)
{
	write_quoted(out, csvio_guarded(text) ? "'" : "", text, first);
}

void
csvio_write_number(FILE *out, const char *number, int first)
{
	write_quoted(out, "", number, first);
}

void
csvio_unguard(char *field)
{
	if (field[0] == '\'' && csvio_guarded(field + 1))
		memmove(field, field + 1, strlen(field));
}

void
csvio_end_row(FILE *out)
{
	putc('\n', out);
}

void
csvio_write_row(FILE *out, const char *const *fields, int n)
{
	for (int i = 0; i < n; i++)
		csvio_write_field(out, fields[i], i == 0);
	csvio_end_row(out);
}

const char *
csvio_format_number(double value, char buf[32])
{
	if (value == 0)
		value = 0; /* no "-0" */
	snprintf(buf, 32, "%.15g", value);
	return buf;
}
