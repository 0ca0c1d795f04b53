/*
 * sheet.c: the blank answer sheet (see sheet.h), written through table.h
 * so the CSV and the workbook carry the same header.
 */
#include "sheet.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "answer.h"
#include "outfile.h"
#include "table.h"
#include "util.h"

const char *const sheet_fixed_columns[SHEET_N_FIXED] = { "wave", "class", "audience", "respondent",
	                                                 "survey_id" };

/* "1 = label, 2 = label, ..." */
static char *
option_list(const SurveyQuestion *q)
{
	char *text = xstrdup("");

	for (int i = 0; i < q->n_options; i++) {
		const char *label = q->options[i].label ? q->options[i].label : "";
		char *more = xasprintf("%s%s%d = %s", text, i ? ", " : "", i + 1, label);

		free(text);
		text = more;
	}
	return text;
}

char *
sheet_what_to_type(const SurveyQuestion *q)
{
	char *options, *text;
	double min, max;

	switch (q->type) {
	case QUESTION_NUMBER:
		if (!answer_number_bounds(q, &min, &max))
			return xstrdup(_("a number"));
		return xasprintf(_("a number from %g to %g"), min, max);
	case QUESTION_TEXT:
		return xstrdup(_("any text"));
	case QUESTION_MULTI:
		options = option_list(q);
		text = xasprintf(_("one or more numbers joined with |, e.g. 1|3: %s"), options);
		free(options);
		return text;
	default:
		return option_list(q);
	}
}

/* "student, parent": who the survey is for. */
static char *
audience_words(const Survey *survey)
{
	char *text = xstrdup("");

	for (unsigned bit = AUDIENCE_STUDENT; bit <= AUDIENCE_HEAD; bit <<= 1) {
		char *more;

		if ((survey->audience & bit) == 0)
			continue;
		more = xasprintf("%s%s%s", text, text[0] ? ", " : "",
		                 survey_audience_name((Audience)bit));
		free(text);
		text = more;
	}
	return text;
}

static void
legend_row(Table *table, const char *column, const char *question, const char *what)
{
	Cell cells[3] = {
		{ .kind = CELL_TEXT, .text = column },
		{ .kind = CELL_TEXT, .text = question },
		{ .kind = CELL_TEXT, .text = what },
	};

	table_row(table, cells, 3);
}

/* The "legend" sheet: what each column of the answer sheet takes. */
static void
write_legend(const Survey *survey, Table *table, const char *const *columns)
{
	char *words = audience_words(survey), *audience = xasprintf(_("who answers: %s"), words);
	char *same = xasprintf(_("%s on every row"), survey->id);

	table_begin(table, "legend", columns, 3);
	legend_row(table, "wave", "", _("the wave, the same word as at the kiosk, e.g. start"));
	legend_row(table, "class", "", _("the class, e.g. 6А"));
	legend_row(table, "audience", "", audience);
	legend_row(table, "respondent", "",
	           _("the personal code (never a name); may be left empty"));
	legend_row(table, "survey_id", "", same);
	for (int i = 0; i < survey->n_questions; i++) {
		const SurveyQuestion *q = &survey->questions[i];
		char *what = sheet_what_to_type(q);

		legend_row(table, q->id, q->text ? q->text : "", what);
		free(what);
	}
	free(words);
	free(audience);
	free(same);
}

static bool
is_xlsx(const char *path)
{
	size_t len = path ? strlen(path) : 0;

	return len > 5 && strcasecmp(path + len - 5, ".xlsx") == 0;
}

/* The header, and in a workbook the legend; the column names are the
 * survey's, alive until table_close(). */
static int
write_sheet(const Survey *survey, OutFile *out, bool xlsx, char **cause)
{
	int n = SHEET_N_FIXED + survey->n_questions;
	const char **columns = xcalloc((size_t)n, sizeof *columns);
	const char *legend[3] = { _("column"), _("question"), _("what to type") };
	Table *table =
	    xlsx ? table_xlsx_new(outfile_temp_path(out)) : table_csv_new(outfile_stream(out));
	int rc;

	for (int c = 0; c < SHEET_N_FIXED; c++)
		columns[c] = sheet_fixed_columns[c];
	for (int i = 0; i < survey->n_questions; i++)
		columns[SHEET_N_FIXED + i] = survey->questions[i].id;
	table_begin(table, survey->id, columns, n);
	if (xlsx)
		write_legend(survey, table, legend);
	rc = table_close(table, cause);
	free(columns);
	return rc;
}

int
sheet_save(const Survey *survey, const char *path, char **cause)
{
	OutFile *out = outfile_open(path, cause);

	if (out == NULL)
		return -1;
	if (write_sheet(survey, out, is_xlsx(path), cause) != 0) {
		outfile_abort(out);
		return -1;
	}
	return outfile_commit(out, cause);
}
