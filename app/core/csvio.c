/*
 * csvio.c: CSV writing shared by every export.
 */
#include "csvio.h"

#include <string.h>

void
csvio_write_field(FILE *out, const char *text, int first)
{
	if (!first)
		putc(',', out);
	if (strpbrk(text, ",\"\r\n") == NULL) {
		fputs(text, out);
		return;
	}
	putc('"', out);
	for (const char *p = text; *p != '\0'; p++) {
		if (*p == '"')
			putc('"', out);
		putc(*p, out);
	}
	putc('"', out);
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
