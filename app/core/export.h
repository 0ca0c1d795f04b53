/*
 * export.h: the tables of DESIGN.md section 5 ("CSV and workbook contracts")
 * written through a Table (table.h): CSV, or a sheet of an XLSX workbook.
 */
#ifndef ANKETA_EXPORT_H
#define ANKETA_EXPORT_H

#include <stdio.h>

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

/* Writes every answer to table (a table named "answers"). */
int export_answers(Store *store, Table *table, char **cause);

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

/* The indicator table of every programme (tables[0..n_programs-1], each
 * freed with indicator_table_free()), with the class list stored by
 * `anketa classes`; filter is how results were loaded (NULL: as they are;
 * by school, the class flags do not apply). Returns 0, or -1 with *cause
 * set (the tables are then empty) when the class list cannot be read. */
int export_indicator_tables(Store *store, Program *const *programs, int n_programs,
                            const ResultSet *results, const ResultFilter *filter,
                            IndicatorTable *tables, char **cause);

/* Adds to warnings, for every programme, which sittings cannot count for an
 * indicator because the older survey file they were scored with lacks its
 * scale or a level (indicator_warn()). */
void export_indicator_warnings(Program *const *programs, int n_programs, const ResultSet *results,
                               Diag *warnings);

/* The indicators table of DESIGN.md section 5 for every programme, with the
 * class list stored by `anketa classes` (filter as for
 * export_indicator_tables()). */
int export_indicators(Store *store, Program *const *programs, int n_programs,
                      const ResultSet *results, const ResultFilter *filter, Table *table,
                      char **cause);

/*
 * The Excel workbook of everything stored: a sheet each for the indicators
 * of every programme, the scores and the answers, written to path whole or
 * not at all (outfile.h); the audit log notes it. Returns 0, or -1 with
 * *cause (one sentence; the caller frees it).
 */
int export_workbook_save(Store *store, const SurveySet *surveys, Program *const *programs,
                         int n_programs, const char *path, char **cause);

#endif
