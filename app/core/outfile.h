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

/* ---- Reports a person can find ---- */

/* text as a part of a file name: bytes a FAT stick or Windows refuses in a
 * name (/ \ : * ? " < > |, control characters) and spaces become '_'; at
 * most max bytes, never cut inside a character. The caller frees it. */
char *outfile_name_part(const char *text, size_t max);

/* A report's file name without its folder and ending: kind, school, wave
 * and day joined by '-' ("Отчёт-Школа_№_5-Итоговый_этап-2026-12-02"), each
 * through outfile_name_part() (60 bytes at most); empty or NULL parts are
 * left out. The caller frees it. */
char *outfile_report_stem(const char *kind, const char *school, const char *wave, const char *day);

/* The first of dir/stem.ext, dir/stem-2.ext, dir/stem-3.ext ... that does
 * not exist yet, so that a new report never replaces an earlier one. The
 * caller frees it. */
char *outfile_free_name(const char *dir, const char *stem, const char *ext);

/* A USB stick to copy reports to: the first folder one or two levels under
 * a root (the colon-separated folders of $ANKETA_MEDIA_DIRS, else /media and
 * /run/media) that is a mount point this account may write into
 * (/media/STICK, /media/user/STICK, /run/media/user/STICK). NULL when
 * there is none; the caller frees it. */
char *outfile_media_dir(void);

/* Copies the file at path into the folder dir under the same name, or
 * the next free one (outfile_free_name()), whole or not at all. Returns 0
 * with *copied (the new path; the caller frees it), or -1 with *cause. */
int outfile_copy(const char *path, const char *dir, char **copied, char **cause);

#endif
