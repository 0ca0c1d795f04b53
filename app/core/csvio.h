/*
 * csvio.h: writing CSV (RFC 4180 quoting, UTF-8, LF line ends) and
 * formatting numbers the way every Anketa file prints them.
 */
#ifndef ANKETA_CSVIO_H
#define ANKETA_CSVIO_H

#include <stdio.h>

#include <stdbool.h>

/*
 * The guard against formula injection (DESIGN.md section 5, CSV): true when
 * a spreadsheet opening the CSV could take text for a formula or a link:
 * after any number of leading apostrophes it starts with '=', '+', '-',
 * '@', a tab or a carriage return, and it is not a number of the answer
 * grammar ("-5", "+4.5" stay numbers). Such a text is written with one
 * apostrophe before it, which spreadsheets show and never evaluate, and
 * csvio_unguard() takes it off again on import. Counting the apostrophes
 * in makes the pair exact: a text that itself begins with "'=" is written
 * "''=" and read back as typed.
 */
bool csvio_guarded(const char *text);

/* Writes one text field: with the guard's apostrophe when
 * csvio_guarded(text), quoted when it holds a comma, a quote or a line
 * break; first is true for the first field of a row (no comma before it). */
void csvio_write_field(FILE *out, const char *text, int first);

/* Writes a number already formatted (csvio_format_number()) as it is. */
void csvio_write_number(FILE *out, const char *number, int first);

/* Undoes the guard in place: a field that is an apostrophe followed by a
 * text csvio_guarded() would guard loses that apostrophe; any other field
 * is left as it is. */
void csvio_unguard(char *field);

/* Ends a row. */
void csvio_end_row(FILE *out);

/* Writes a whole row of n fields. */
void csvio_write_row(FILE *out, const char *const *fields, int n);

/* Formats a number without trailing zeros ("2", "0.5", "-1.25"), exact to
 * 15 significant digits so that reading it back gives the same double for
 * every value typed by a person. buf must hold 32 bytes. */
const char *csvio_format_number(double value, char buf[32]);

#endif
