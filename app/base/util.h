/*
 * util.h: allocation that cannot fail (abort on out-of-memory), string
 * helpers, and the gettext macro used for every user-facing sentence.
 */
#ifndef ANKETA_UTIL_H
#define ANKETA_UTIL_H

#include <libintl.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stddef.h>

/* User-facing text: English msgids, Russian in assets/po/. */
#define _(s) gettext(s)
/* Marks a string for translation where it is translated later. */
#define N_(s) (s)

void *xmalloc(size_t size);
void *xcalloc(size_t n, size_t size);
void *xreallocarray(void *ptr, size_t n, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* Formats into a new string the caller frees. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));

/* True when s is valid UTF-8 (no overlongs, no surrogates). */
bool util_utf8_valid(const char *s, size_t len);

/* The offset of the first byte of s[0..len) where valid UTF-8 stops (the
 * start of a bad or cut-short sequence); len when all of it is valid. */
size_t util_utf8_bad_at(const char *s, size_t len);

/* The 1-based line and column of s[offset], as a person counts them in an
 * editor: lines end at '\n', and a column is a character (a UTF-8 code
 * point) whatever its length in bytes. s[0..offset) must be valid UTF-8. */
void util_text_position(const char *s, size_t offset, int *line, int *column);

/*
 * The paths ("dir/name.yaml") of the *.yaml files directly in dir, in
 * byte order of their names, hidden files left out. Returns how many, with
 * *paths a new array the caller frees with util_paths_free(), or -1 with
 * errno set when dir cannot be read.
 */
int util_yaml_files(const char *dir, char ***paths);

/* Frees n paths from util_yaml_files() and their array. */
void util_paths_free(char **paths, int n);

/* Rounds half away from zero to the given number of decimals. */
double util_round(double value, int decimals);

/* The current time as ISO 8601 UTC ("2026-09-15T10:23:05Z") into buf[21]. */
void util_now_iso8601(char buf[21]);

/* A time in seconds since 1970 as ISO 8601 UTC into buf[21]. */
void util_iso8601(int64_t seconds, char buf[21]);

/* Reads an ISO 8601 UTC time as util_iso8601() writes it into seconds since
 * 1970; -1 (and *seconds untouched) for any other text. */
int util_iso8601_parse(const char *text, int64_t *seconds);

/* The wall clock: seconds since 1970. */
int64_t util_wall_seconds(void);

/*
 * Sets up the locale and the message catalogue. Russian is the default for
 * the kiosk's users; LANGUAGE (e.g. LANGUAGE=en) still chooses another.
 * localedir may be NULL to use the compiled-in one.
 */
void util_i18n_init(const char *localedir);

/*
 * Where surveys/ and assets/ are: <prefix>/share/anketa when this program
 * runs installed as <prefix>/bin/anketa (`cmake --install`), else the
 * source tree it was built from. The string is static.
 */
const char *util_data_dir(void);

#endif
