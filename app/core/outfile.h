/*
 * outfile.h: writing an output file so that it appears whole or not at all.
 *
 * The data goes to a temporary file next to the target, which is synced and
 * renamed over the target only by outfile_commit(): a failed export never
 * leaves half a file, and never spoils an older good one. A file written
 * is readable by its owner only (0600, whatever the umask): exports and
 * reports hold children's answers.
 */
#ifndef ANKETA_OUTFILE_H
#define ANKETA_OUTFILE_H

#include <stdio.h>

typedef struct OutFile OutFile;

/* Starts writing path; NULL or "-" means standard output (written as it
 * goes). Returns NULL and sets *cause when the folder cannot be written. */
OutFile *outfile_open(const char *path, char **cause);

/* The stream to write to. */
FILE *outfile_stream(OutFile *out);

/* The temporary file's path, for writers that want a file name (xlsx);
 * NULL for standard output. */
const char *outfile_temp_path(const OutFile *out);

/* Flushes, syncs and renames into place, then frees out. On failure (disk
 * full, ...) removes the temporary file, sets *cause and returns -1. */
int outfile_commit(OutFile *out, char **cause);

/* Throws the temporary file away and frees out; NULL is allowed. */
void outfile_abort(OutFile *out);

#endif
