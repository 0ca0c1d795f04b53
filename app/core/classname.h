/*
 * classname.h: one spelling per class. Children type "6а", "6 А" or "6-А"
 * for the same class; counted apart, they would split a class's indicators.
 */
#ifndef ANKETA_CLASSNAME_H
#define ANKETA_CLASSNAME_H

#include <stdbool.h>
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

/*
 * The class letter a key stands for when it was pressed on the Latin
 * (QWERTY) layout of a Russian keyboard: the Cyrillic letter at the same
 * place on the ЙЦУКЕН layout, in upper case, with or without Shift ("f"
 * and "F" -> "А", "," and "<" -> "Б", "d" -> "В", "u" -> "Г", "b" -> "И",
 * "`" -> "Ё"). ch is one character; NULL for anything else (a digit, a
 * hyphen or a Cyrillic letter needs no reading; "/" or "?" is no letter).
 * The kiosk reads the class field's keys with it, never stored names: a
 * stored "5A" may as well mean the Cyrillic "5А".
 */
const char *classname_key(const char *ch);

/*
 * One character typed into a class field (len bytes of UTF-8 at ch) as the
 * class takes it, into out: a key of the Latin layout becomes the letter in
 * its place (classname_key); a digit, a Cyrillic letter, a space or a
 * hyphen stays as typed (the spelling drops spaces and hyphens later).
 * False for anything that is no part of a class ("/", "!", a Latin-layout
 * character with no letter there); out is then "".
 */
bool classname_read_key(const char *ch, int len, char out[5]);

/* The grade a class name starts with, 1 to 11, without a leading zero
 * ("7Б" -> 7, "10А" -> 10, "6" -> 6); 0 for any other start ("12А", "07А",
 * "А7", ""). */
int classname_grade(const char *name);

/* True when a class name in its one spelling looks like a class: a grade
 * (classname_grade) and then at most one Cyrillic letter ("7", "7Б",
 * "11Ё"; not "12А", "7БВ", "7-Б", or "7B" with a Latin B). */
bool classname_valid(const char *name);

/* Orders class names as a school lists them: numbers by their value ("2А"
 * before "10А"), the rest byte by byte, the whole school ("*") last.
 * Returns <0, 0 or >0 like strcmp(). */
int classname_compare(const char *a, const char *b);

#endif
