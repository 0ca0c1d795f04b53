/*
 * report.h: the school psychologist's report for the municipal programme
 * (`anketa report`, DESIGN.md section 5) as a printable PDF in Russian: a
 * title block with the completed questionnaires per survey and wave, every
 * programme indicator as a table (a row per class and the whole school, a
 * column per wave), and how many respondents fell into each level of every
 * scale, for forming low / average / high groups.
 */
#ifndef ANKETA_REPORT_H
#define ANKETA_REPORT_H

#include <stdio.h>

#include "analysis.h"
#include "indicator.h"
#include "program.h"
#include "results.h"
#include "survey.h"

/* Everything the report shows; all borrowed. */
typedef struct {
	const char *date; /* the day it was made, as printed ("15.09.2026") */
	const Analysis *analysis;
} ReportInput;

/*
 * Writes the report to out as a PDF (A4 portrait, numbered pages). Returns
 * 0, or -1 with *cause (one sentence; the caller frees it) when it could
 * not be written; out may then hold part of a file, so write to a
 * temporary one (outfile.h).
 */
int report_write_pdf(const ReportInput *in, FILE *out, char **cause);

/*
 * Writes the report of the analysis (today's date) to path whole or not at
 * all (outfile.h); the audit log of store notes it. Returns 0, or -1 with
 * *cause (one sentence; the caller frees it).
 */
int report_save(Store *store, const Analysis *analysis, const char *path, char **cause);

/*
 * The text of one cell of an indicator's table: "нет данных" when nobody
 * counted, else the share with a decimal comma and "(meeting из n)", the
 * reduction against the baseline wave for a reduction indicator, and
 * whether the wave's target was met. Lines are separated by '\n'; the
 * caller frees the result.
 */
char *report_cell_text(const Program *program, const Indicator *indicator, const IndicatorRow *row);

/* The indicator's targets in one line as the report and the Results screen
 * give them ("Целевые значения: Стартовый этап — 50 %, ..."); without a
 * target, the positive dynamics min_change asks for, or that there is
 * none. The caller frees it. */
char *report_targets_text(const Program *program, const Indicator *indicator);

/* One target as the report and the Results screen word it: "50 %", "не
 * менее 3", "план + 2" (the baseline's entered number plus 2), "да". The
 * caller frees it. */
char *report_target_text(const IndicatorTarget *target);

/* "мало данных: меньше 5 ответивших", for a row from fewer respondents
 * than the indicator's min_n (IndicatorRow.too_few). The caller frees it. */
char *report_too_few_text(const Indicator *indicator);

/* A change in percentage points with its sign and one decimal: "+12,0 п. п.",
 * "−3,0 п. п." (a minus sign), "0,0 п. п.". The caller frees it. */
char *report_change_pp_text(double change_pp);

/* A number with one decimal (rounded half away from zero) and a decimal
 * comma: 66.666 -> "66,7". The caller frees it. */
char *report_decimal(double value);

#endif
