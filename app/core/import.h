/*
 * import.h: `anketa import` of the answers CSV (DESIGN.md section 5), e.g.
 * paper forms typed in, or another kiosk's export; or of an answer sheet,
 * told apart by its header: wave,class,audience,respondent,survey_id, then
 * question ids (and optionally survey_version, answered_at), one row per
 * respondent, each cell holding what the answers table's value holds.
 *
 * All or nothing: every row is checked against the surveys (known survey,
 * question, option in range, well-formed times) and the whole file goes in
 * one transaction; the first bad row stops it and its message names the
 * file, line and column.
 */
#ifndef ANKETA_IMPORT_H
#define ANKETA_IMPORT_H

#include "progress.h"
#include "store.h"
#include "survey.h"

/* The share of an import's progress that reading the rows takes; writing
 * the sittings, at the end, the rest (measured: BENCHMARKS.md). */
#define IMPORT_READING_SHARE 0.9

typedef struct {
	int sittings_added;
	int sittings_present; /* same id already stored with the same answers */
	long answers_added;
} ImportResult;

/*
 * Imports path ("-" for standard input) into store. Answers table: rows
 * with an empty sitting_id that share (wave, class, respondent, survey_id)
 * form one new sitting; an empty score is computed from the survey; an
 * empty status means completed. Answer sheet: each row with an answer is a
 * completed sitting answered at its answered_at, else now; its id is made
 * from its content and its line, so the same file imported again adds
 * nothing. The id of a sitting made from rows depends on the file alone,
 * not on the database's school name (DESIGN.md section 5); one stored by an
 * earlier version, which added that name, is found too. The loaded file
 * of each survey the sittings were answered with is kept in the database
 * too (store_source_put), so they are scored with it after the file
 * changes. progress (may be NULL, progress.h) hears the file read (bytes of
 * its size, "line N") in the first IMPORT_READING_SHARE of the whole, then
 * the sittings written ("sitting N of M"); asked to stop, the import stores
 * nothing. Returns 0 and fills *result, or -1 with *cause and nothing
 * stored.
 */
int import_answers_csv(Store *store, const SurveySet *surveys, const char *path,
                       const Progress *progress, ImportResult *result, char **cause);

#endif
