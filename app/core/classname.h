/*
 * classname.h: one spelling per class. Children type "6а", "6 А" or "6-А"
 * for the same class; counted apart, they would split a class's indicators.
 */
#ifndef ANKETA_CLASSNAME_H
#define ANKETA_CLASSNAME_H

#include <stddef.h>

/*
 * Writes the class name in its one spelling to out (cap bytes with the
 * NUL): spaces, tabs and hyphens dropped, Cyrillic and Latin letters in
 * upper case ("6 а" -> "6А", "10-б" -> "10Б", "5a" -> "5A"). Latin letters
 * stay Latin: "a" could be a Cyrillic "а" or the key for "ф" on a Russian
 * keyboard, so no guess is made. The result is never longer than the input,
 * so out may be in (normalising in place). Returns the length written.
 */
size_t classname_normalize(const char *in, char *out, size_t cap);

/* Orders class names as a school lists them: numbers by their value ("2А"
 * before "10А"), the rest byte by byte, the whole school ("*") last.
 * Returns <0, 0 or >0 like strcmp(). */
int classname_compare(const char *a, const char *b);

#endif
