/*
 * csvread.h: reading a CSV file record by record with libcsv (RFC 4180):
 * comma or semicolon (guessed from the header line), with or without a
 * UTF-8 BOM, LF or CRLF, quoted fields spanning lines.
 */
#ifndef ANKETA_CSVREAD_H
#define ANKETA_CSVREAD_H

#include "progress.h"

/*
 * One record: fields[0..n-1] (NUL-terminated, borrowed for the call) and the
 * 1-based line it starts on; the header is the record of line 1 (or the first
 * non-empty line). Return 0 to go on; non-zero stops reading and is returned
 * by csvread_file().
 */
typedef int (*CsvReadFn)(char **fields, int n, int line, void *arg);

/*
 * Reads path (or standard input for "-") and calls fn for every record.
 * Returns 0 at the end; -1 with *cause set ("file:line:column: ...", column
 * being the field's position) for a file that cannot be read, broken quoting,
 * or text that is not UTF-8; or fn's non-zero value. progress (may be NULL)
 * hears bytes read of the file's size (not known for a pipe) with the line
 * reached, at the start and every PROGRESS_EVERY lines; asked to stop, it
 * returns -1 with progress_cancelled_cause().
 */
int csvread_file(const char *path, CsvReadFn fn, void *arg, const Progress *progress, char **cause);

#endif
