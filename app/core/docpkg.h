/*
 * docpkg.h: the zip container of an office document (.docx, .odt), built
 * in memory with libzip and then written out in one piece.
 */
#ifndef ANKETA_DOCPKG_H
#define ANKETA_DOCPKG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef struct DocPkg DocPkg;

/* An empty package. Free it with docpkg_finish() or docpkg_free(). */
DocPkg *docpkg_new(void);

/* Adds a copy of len bytes as the file name, in the order added; stored
 * uncompressed when store is set (an ODF package's "mimetype" must be),
 * else deflated. A failure is kept and reported by docpkg_finish(). */
void docpkg_add(DocPkg *pkg, const char *name, const void *data, size_t len, bool store);

/* Closes the memory stream (open_memstream()) that wrote *text and adds
 * what it wrote as the file name, deflated; frees *text. */
void docpkg_add_stream(DocPkg *pkg, const char *name, FILE *stream, char **text, size_t *len);

/* Writes the zip archive to out and frees pkg. Returns 0, or -1 with
 * *cause when the archive could not be made or written. */
int docpkg_finish(DocPkg *pkg, FILE *out, char **cause);

/* Frees a package that is not to be written; NULL is allowed. */
void docpkg_free(DocPkg *pkg);

#endif
