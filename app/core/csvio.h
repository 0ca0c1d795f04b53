/*
 * csvio.h: writing CSV (RFC 4180 quoting, UTF-8, LF line ends) and
 * formatting numbers the way every Anketa file prints them.
 */
#ifndef ANKETA_CSVIO_H
#define ANKETA_CSVIO_H

#include <stdio.h>

/* Writes one field, quoted when it holds a comma, a quote or a line break;
 * first is true for the first field of a row (no comma before it). */
void csvio_write_field(FILE *out, const char *text, int first);

/* Ends a row. */
void csvio_end_row(FILE *out);

/* Writes a whole row of n fields. */
void csvio_write_row(FILE *out, const char *const *fields, int n);

/* Formats a number without trailing zeros ("2", "0.5", "-1.25"), exact to
 * 15 significant digits so that reading it back gives the same double for
 * every value typed by a person. buf must hold 32 bytes. */
const char *csvio_format_number(double value, char buf[32]);

#endif
