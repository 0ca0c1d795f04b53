/*
 * export.h: the tables of DESIGN.md section 5 ("CSV and workbook contracts")
 * written through a Table (table.h): CSV, or a sheet of an XLSX workbook.
 */
#ifndef ANKETA_EXPORT_H
#define ANKETA_EXPORT_H

#include <stdio.h>

#include "analysis.h"
#include "indicator.h"
#include "program.h"
#include "results.h"
#include "store.h"
#include "table.h"

/* The answers table's columns: the 12 required ones of DESIGN.md section 5,
 * then what makes the export lossless (status, started_at, completed_at,
 * visit_id, survey_hash, conflict_of, school), so import gives back the
 * same data. */
extern const char *const export_answers_columns[];
extern const int export_answers_n_columns;
/* How many of them DESIGN.md requires (the rest are optional on import). */
#define EXPORT_ANSWERS_REQUIRED 12

/* Writes every answer to table (a table named "answers"). progress (may
 * be NULL) hears the sittings written (store_answers_each()). */
int export_answers(Store *store, Table *table, const Progress *progress, char **cause);

/* Writes every answer as CSV to out, header first. Returns 0, or -1 with
 * *cause set when the database cannot be read. */
int export_answers_csv(Store *store, FILE *out, char **cause);

/* The scores table: one row per completed sitting and scale of its survey,
 * in sitting order; value empty when too few items were answered. */
int export_scores(const ResultSet *results, Table *table);

/* Writes the `alerts` table: a row per alert raised by a sitting's answers
 * (DESIGN.md section 3, `alerts:`), whatever the sitting's status, so the
 * psychologist sees it even when the respondent stopped early. Returns 0. */
int export_alerts(const ResultSet *results, Table *table);

/* The indicators table of DESIGN.md section 5 for every programme of the
 * analysis, in its tables' order. Returns 0. */
int export_indicators(const Analysis *analysis, Table *table);

/*
 * The Excel workbook of the analysis: a sheet each for the indicators of
 * every programme, the alerts, the groups, the scores, and every answer
 * stored (from the store: raw answers are not filtered), written to path whole or
 * not at all (outfile.h); the audit log notes it. Returns 0, or -1 with
 * *cause (one sentence; the caller frees it).
 */
int export_workbook_save(Store *store, const Analysis *analysis, const char *path, char **cause);

#endif
