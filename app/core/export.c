/*
 * export.c: the tables of DESIGN.md section 5 (answers, scores, alerts,
 * indicators) written through a Table (table.h), which is CSV or a sheet of
 * an XLSX workbook, and the psychologist's workbook as a whole.
 */
#include "export.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvio.h"
#include "groups.h"
#include "indicator.h"
#include "outfile.h"
#include "report.h"
#include "table.h"
#include "util.h"

const char *const export_answers_columns[] = {
	"sitting_id", "device_id",   "wave",           "class",       "audience",
	"respondent", "survey_id",   "survey_version", "question_id", "value",
	"score",      "answered_at", "status",         "started_at",  "completed_at",
	"visit_id",   "survey_hash", "conflict_of",    "school",
};
const int export_answers_n_columns =
    (int)(sizeof export_answers_columns / sizeof export_answers_columns[0]);

static Cell
text_cell(const char *text)
{
	return (Cell){ .kind = CELL_TEXT, .text = text };
}

static int
write_answer(const StoreAnswerRow *row, void *arg)
{
	Table *table = arg;
	Cell cells[19];

	cells[0] = text_cell(row->sitting_id);
	cells[1] = text_cell(row->device_id);
	cells[2] = text_cell(row->wave);
	cells[3] = text_cell(row->class_name);
	cells[4] = text_cell(row->audience);
	cells[5] = text_cell(row->respondent);
	cells[6] = text_cell(row->survey_id);
	cells[7] = (Cell){ .kind = CELL_NUMBER, .number = row->survey_version };
	cells[8] = text_cell(row->question_id);
	cells[9] = table_cell_guess(row->value);
	cells[10] = row->has_score ? (Cell){ .kind = CELL_NUMBER, .number = row->score }
	                           : (Cell){ .kind = CELL_EMPTY };
	cells[11] = text_cell(row->answered_at);
	cells[12] = text_cell(store_status_name(row->status));
	cells[13] = text_cell(row->started_at);
	cells[14] = text_cell(row->completed_at);
	cells[15] = text_cell(row->visit_id);
	cells[16] = text_cell(row->survey_hash);
	cells[17] = text_cell(row->conflict_of);
	cells[18] = text_cell(row->school);
	table_row(table, cells, 19);
	return 0;
}

int
export_answers(Store *store, Table *table, const Progress *progress, char **cause)
{
	table_begin(table, "answers", export_answers_columns, export_answers_n_columns);
	return store_answers_each(store, write_answer, table, progress, cause);
}

int
export_answers_csv(Store *store, FILE *out, char **cause)
{
	Table *table = table_csv_new(out);
	int rc = export_answers(store, table, NULL, cause);

	table_close(table, cause);
	return rc;
}

static const char *const scores_columns[] = {
	"sitting_id", "wave",           "class",    "audience", "respondent",
	"survey_id",  "survey_version", "scale_id", "value",    "level",
};

/* The first seven columns of the scores and alerts tables: which sitting. */
static void
sitting_cells(const ResultSitting *s, Cell cells[7])
{
	cells[0] = text_cell(s->sitting_id);
	cells[1] = text_cell(s->wave);
	cells[2] = text_cell(s->class_name);
	cells[3] = text_cell(s->audience);
	cells[4] = text_cell(s->respondent);
	cells[5] = text_cell(s->survey_id);
	cells[6] = (Cell){ .kind = CELL_NUMBER, .number = s->survey_version };
}

static void
write_scores(const ResultSitting *s, Table *table)
{
	Cell cells[10];

	sitting_cells(s, cells);
	for (int k = 0; k < s->survey->n_scales; k++) {
		const ScaleResult *r = &s->results[k];
		const SurveyScale *scale = &s->survey->scales[k];

		cells[7] = text_cell(scale->id);
		cells[8] = r->has_value ? (Cell){ .kind = CELL_NUMBER, .number = r->value }
		                        : (Cell){ .kind = CELL_EMPTY };
		cells[9] =
		    text_cell(r->has_value && r->level >= 0 ? scale->levels[r->level].id : "");
		table_row(table, cells, 10);
	}
}

int
export_scores(const ResultSet *results, Table *table)
{
	table_begin(table, "scores", scores_columns, 10);
	for (int i = 0; i < results->n; i++) {
		if (results->items[i].status == SITTING_COMPLETED)
			write_scores(&results->items[i], table);
	}
	return 0;
}

static const char *const alerts_columns[] = {
	"sitting_id",     "wave",        "class",   "audience", "respondent", "survey_id",
	"survey_version", "question_id", "message", "status",   "started_at", "completed_at",
};

static void
write_alerts(const ResultSitting *s, Table *table)
{
	Cell cells[12];

	sitting_cells(s, cells);
	cells[9] = text_cell(store_status_name(s->status));
	cells[10] = text_cell(s->started_at);
	cells[11] = text_cell(s->completed_at ? s->completed_at : "");
	for (int k = 0; k < s->survey->n_alerts; k++) {
		const SurveyAlert *alert = &s->survey->alerts[k];

		if (!s->alerts[k])
			continue;
		cells[7] = text_cell(s->survey->questions[alert->question].id);
		cells[8] = text_cell(alert->message);
		table_row(table, cells, 12);
	}
}

int
export_alerts(const ResultSet *results, Table *table)
{
	table_begin(table, "alerts", alerts_columns, 12);
	for (int i = 0; i < results->n; i++)
		if (results->items[i].n_alerts > 0)
			write_alerts(&results->items[i], table);
	return 0;
}

static const char *const indicators_columns[] = {
	"programme_id",
	"indicator_id",
	"wave",
	"class",
	"n",
	"meeting",
	"percent",
	"target",
	"met",
	"change",
	"source",
	"wave_title",
	"value",
	"change_pp",
	"positive",
	"nothing_to_reduce",
	"too_few",
};

enum { INDICATORS_N_COLUMNS = sizeof indicators_columns / sizeof indicators_columns[0] };

/* A target or an entered value: yes / no for a yes/no indicator, else a
 * number; empty when there is none. */
static Cell
yesno_or_number(IndicatorKind kind, bool has, double number)
{
	if (!has)
		return (Cell){ .kind = CELL_EMPTY };
	if (kind == INDICATOR_YESNO)
		return text_cell(number > 0 ? "yes" : "no");
	return (Cell){ .kind = CELL_NUMBER, .number = number };
}

static void
write_indicator_row(const Program *program, const IndicatorRow *row, Table *table)
{
	Cell cells[INDICATORS_N_COLUMNS];
	static const Cell empty = { .kind = CELL_EMPTY };

	cells[0] = text_cell(program->id);
	cells[1] = text_cell(row->indicator_id);
	cells[2] = text_cell(row->wave);
	cells[3] = text_cell(row->class_name);
	cells[4] = row->has_counts ? (Cell){ .kind = CELL_NUMBER, .number = row->n } : empty;
	cells[5] = row->has_counts ? (Cell){ .kind = CELL_NUMBER, .number = row->meeting } : empty;
	cells[6] =
	    row->has_percent ? (Cell){ .kind = CELL_NUMBER_1DP, .number = row->percent } : empty;
	cells[7] = yesno_or_number(row->kind, row->has_target, row->target);
	cells[8] = row->has_met ? text_cell(row->met ? "yes" : "no") : empty;
	cells[9] =
	    row->has_change ? (Cell){ .kind = CELL_NUMBER_1DP, .number = row->change } : empty;
	cells[10] = text_cell(indicator_source_name(row->source));
	cells[11] = text_cell(row->wave_title);
	cells[12] = yesno_or_number(row->kind, row->has_value, row->value);
	cells[13] = row->has_change_pp ? (Cell){ .kind = CELL_NUMBER_1DP, .number = row->change_pp }
	                               : empty;
	cells[14] = row->has_positive ? text_cell(row->positive ? "yes" : "no") : empty;
	cells[15] = row->nothing_to_reduce ? text_cell("yes") : empty;
	cells[16] = row->too_few ? text_cell("yes") : empty;
	table_row(table, cells, INDICATORS_N_COLUMNS);
}

int
export_indicators(const Analysis *analysis, Table *table)
{
	int n_programs;
	Program *const *programs = analysis_programs(analysis, &n_programs);

	table_begin(table, "indicators", indicators_columns, INDICATORS_N_COLUMNS);
	for (int p = 0; p < n_programs; p++) {
		const IndicatorTable *rows = analysis_table(analysis, p);
		for (int r = 0; r < rows->n; r++)
			write_indicator_row(programs[p], &rows->rows[r], table);
	}
	return 0;
}

/* The last sheet, `about`: whose workbook it is and when it was made. */
static void
export_about(const Analysis *analysis, Table *table)
{
	static const char *const columns[] = { "school", "made_on" };
	char day[16];
	Cell cells[2];

	report_today(day);
	cells[0] = text_cell(analysis_school(analysis));
	cells[1] = text_cell(day);
	table_begin(table, "about", columns, 2);
	table_row(table, cells, 2);
}

/* The sheets, most wanted first. */
static int
export_workbook_sheets(Store *store, const Analysis *analysis, Table *table, char **cause)
{
	const ResultSet *results = analysis_results(analysis);
	int n_programs, n_waves, rc;
	Program *const *programs = analysis_programs(analysis, &n_programs);
	ProgramWave *waves = program_waves_union(programs, n_programs, &n_waves);

	rc = export_indicators(analysis, table);
	if (rc == 0)
		rc = export_alerts(results, table);
	if (rc == 0)
		rc = groups_table(results, waves, n_waves, table);
	if (rc == 0)
		rc = export_scores(results, table);
	if (rc == 0)
		rc = export_answers(store, table, NULL, cause);
	if (rc == 0)
		export_about(analysis, table);
	free(waves);
	return rc;
}

int
export_workbook_save(Store *store, const Analysis *analysis, const char *path, char **cause)
{
	OutFile *out = outfile_open(path, cause);
	Table *table;
	char *ignored = NULL, *detail;
	int rc;

	if (out == NULL)
		return -1;
	table = table_xlsx_new(outfile_temp_path(out));
	rc = export_workbook_sheets(store, analysis, table, cause);
	/* After an earlier error, the first cause is the one worth telling. */
	if (table_close(table, rc == 0 ? cause : &ignored) != 0)
		rc = -1;
	free(ignored);
	if (rc != 0) {
		outfile_abort(out);
		return -1;
	}
	if (outfile_commit(out, cause) != 0)
		return -1;
	detail = xasprintf("workbook xlsx -> %s", path);
	rc = store_audit_add(store, "export", detail, cause);
	free(detail);
	return rc;
}
