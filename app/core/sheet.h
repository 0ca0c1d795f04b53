/*
 * sheet.h: the blank answer sheet of one survey (`anketa sheet`), for
 * typing paper forms into a spreadsheet: one row per respondent, a column
 * per question, read back by `anketa import` (import.h).
 */
#ifndef ANKETA_SHEET_H
#define ANKETA_SHEET_H

#include "survey.h"

/* The columns every answer sheet starts with, in this order: wave, class,
 * audience, respondent, survey_id. */
extern const char *const sheet_fixed_columns[];
#define SHEET_N_FIXED 5

/* What to type into a question's column, e.g. "1 = Never, 2 = Often" (the
 * 1-based option numbers with their labels), "a number from 7 to 18" or
 * "any text"; translated. The caller frees it. */
char *sheet_what_to_type(const SurveyQuestion *question);

/*
 * Writes survey's blank answer sheet to path: its header row only
 * (sheet_fixed_columns, then every question id in the survey's order), as
 * CSV; or, when path ends in .xlsx, as a workbook whose first sheet is that
 * header and whose second sheet, "legend", says for every column what it
 * takes (question text and options). NULL or "-" is CSV on standard output.
 * The file appears whole or not at all. Returns 0, or -1 with *cause.
 */
int sheet_save(const Survey *survey, const char *path, char **cause);

#endif
