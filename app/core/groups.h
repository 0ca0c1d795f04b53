/*
 * groups.h: who is in which level of every scale, per wave and class, for
 * differentiated work with groups of students ("low / average / high
 * motivation", the collegium's decision, item 7): the `groups` table of
 * `anketa export` and of the psychologist's workbook. It names respondents
 * by their codes, so it is for the school, never for the programme report.
 */
#ifndef ANKETA_GROUPS_H
#define ANKETA_GROUPS_H

#include "program.h"
#include "results.h"
#include "table.h"

/*
 * Writes the `groups` table: a row per wave, class, survey, scale with
 * levels and level that somebody is in, with how many respondents are in
 * it, how many of them have no code, and the codes (sorted, ", "-joined).
 * A respondent (class, code) counts once per wave and survey, by the latest
 * completed sitting; sittings without a code count each. Rows are ordered
 * by wave (in the order of waves[0..n_waves-1], the programmes' waves from
 * program_waves_union(); waves not among them after, by name), class as a
 * school lists them, survey, then the survey's own order of scales and
 * levels. Returns 0.
 */
int groups_table(const ResultSet *results, const ProgramWave *waves, int n_waves, Table *table);

#endif
