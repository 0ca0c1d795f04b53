/*
 * import_sheet.c: an answer sheet on `anketa import` (see import.h): the
 * columns wave,class,audience,respondent,survey_id, then question ids; one
 * row is one respondent's sitting, a cell holds what the answers table's
 * value column holds, an empty cell is a question not answered.
 *
 * Each row becomes a sitting without an id of its own (Sitting.grouped),
 * so import.c names it from its content and its line when the whole file
 * has been read, exactly as it names paper forms typed one row per answer.
 */
#include <stdlib.h>
#include <string.h>

#include "answer.h"
#include "classname.h"
#include "import_internal.h"
#include "sheet.h"
#include "util.h"

/* The positions of sheet_fixed_columns. */
enum { SHEET_WAVE, SHEET_CLASS, SHEET_AUDIENCE, SHEET_RESPONDENT, SHEET_SURVEY };

/* The stored field each of sheet_fixed_columns fills. */
static const StoreField fixed_fields[SHEET_N_FIXED] = {
	[SHEET_WAVE] = STORE_FIELD_WAVE,         [SHEET_CLASS] = STORE_FIELD_CLASS,
	[SHEET_AUDIENCE] = STORE_FIELD_AUDIENCE, [SHEET_RESPONDENT] = STORE_FIELD_RESPONDENT,
	[SHEET_SURVEY] = STORE_FIELD_SURVEY,
};

/* True when some loaded survey has a question with this id. */
static bool
any_survey_asks(const SurveySet *surveys, const char *question)
{
	for (int i = 0; i < surveys->n; i++) {
		if (survey_find_question(surveys->items[i], question) >= 0)
			return true;
	}
	return false;
}

/* One header column after survey_id: survey_version, answered_at or a
 * question id that some survey has, each at most once. */
static int
check_header_column(Importer *im, char **fields, int c)
{
	const char *name = fields[c];

	if (name[0] == '\0')
		return import_row_error(im, 1, c,
		                        _("column %d of the header is empty: after survey_id "
		                          "come the question ids of the survey"),
		                        c + 1);
	for (int k = SHEET_N_FIXED; k < c; k++) {
		if (strcmp(fields[k], name) == 0)
			return import_row_error(im, 1, c,
			                        _("%s is in the header twice: columns %d and %d"),
			                        name, k + 1, c + 1);
	}
	if (strcmp(name, "survey_version") == 0)
		im->sheet.version_col = c;
	else if (strcmp(name, "answered_at") == 0)
		im->sheet.answered_col = c;
	else if (!any_survey_asks(im->surveys, name))
		return import_row_error(im, 1, c,
		                        _("no survey has a question \"%s\"; after survey_id "
		                          "come the question ids of the survey"),
		                        name);
	return 0;
}

int
import_sheet_header(Importer *im, char **fields, int n)
{
	for (int c = 0; c < SHEET_N_FIXED; c++) {
		if (c >= n || strcmp(fields[c], sheet_fixed_columns[c]) != 0)
			return import_row_error(im, 1, c,
			                        _("column %d of the header must be %s; an answer "
			                          "sheet starts with the columns %s"),
			                        c + 1, sheet_fixed_columns[c],
			                        "wave,class,audience,respondent,survey_id");
	}
	im->sheet.version_col = -1;
	im->sheet.answered_col = -1;
	for (int c = SHEET_N_FIXED; c < n; c++) {
		if (check_header_column(im, fields, c) != 0)
			return -1;
	}
	/* Without a question every row would be skipped: surely not meant. */
	if (n - SHEET_N_FIXED - (im->sheet.version_col >= 0) - (im->sheet.answered_col >= 0) == 0)
		return import_row_error(im, 1, n,
		                        _("the header has no question: after survey_id come the "
		                          "question ids of the survey"));
	for (int e = 0; e < N_EXTRA; e++)
		im->extra_col[e] = -1;
	im->header = xcalloc((size_t)n, sizeof *im->header);
	for (int c = 0; c < n; c++)
		im->header[c] = xstrdup(fields[c]);
	im->n_columns = n;
	im->is_sheet = true;
	util_now_iso8601(im->sheet.now);
	return 0;
}

static bool
is_question_column(const Importer *im, int c)
{
	return c >= SHEET_N_FIXED && c != im->sheet.version_col && c != im->sheet.answered_col;
}

/* A row with no answer at all is skipped: spreadsheets keep empty rows,
 * and rows with the class filled in ahead for pupils who did not come. */
static bool
has_answers(const Importer *im, char **fields)
{
	for (int c = SHEET_N_FIXED; c < im->n_columns; c++) {
		if (is_question_column(im, c) && fields[c][0] != '\0')
			return true;
	}
	return false;
}

/* The audience, survey, version and time a row names. */
static int
resolve_sitting(Importer *im, char **fields, int line, Row *row, const char **at)
{
	int vc = im->sheet.version_col, ac = im->sheet.answered_col;

	if (survey_audience_parse(fields[SHEET_AUDIENCE]) == 0)
		return import_row_error(im, line, SHEET_AUDIENCE,
		                        _("unknown audience \"%s\": use student, parent, teacher "
		                          "or head"),
		                        fields[SHEET_AUDIENCE]);
	row->survey = survey_set_find(im->surveys, fields[SHEET_SURVEY]);
	if (row->survey == NULL)
		return import_row_error(im, line, SHEET_SURVEY,
		                        _("unknown survey \"%s\": no survey file has this id"),
		                        fields[SHEET_SURVEY]);
	row->version = vc < 0 || fields[vc][0] == '\0'
	                   ? row->survey->version
	                   : (int)import_parse_whole(fields[vc], 1, 1000000);
	if (row->version < 0)
		return import_row_error(im, line, vc,
		                        _("the survey version must be a whole number, not \"%s\""),
		                        fields[vc]);
	*at = ac < 0 ? "" : fields[ac];
	if (!import_valid_time(*at))
		return import_row_error(im, line, ac,
		                        _("\"%s\" is not a time like 2026-09-15T10:23:05Z"), *at);
	return 0;
}

/* One filled cell: an answer to the question its column names. */
static int
sheet_answer(Importer *im, Sitting *s, int line, int c, const char *value)
{
	const char *id = im->header[c];
	const char *at = s->extra[EX_COMPLETED] ? s->extra[EX_COMPLETED] : im->sheet.now;
	Row row = { .survey = s->survey, .version = s->version };
	int q = survey_find_question(s->survey, id);

	if (q < 0)
		return import_row_error(im, line, c, _("survey %s has no question \"%s\""),
		                        s->survey->id, id);
	row.question = &s->survey->questions[q];
	if (import_check_value(im, line, c, row.question, value) != 0)
		return -1;
	row.has_score = answer_score(row.question, value, &row.score);
	import_note_time(s, at);
	return import_keep_answer(im, s, line, id, value, at, &row);
}

int
import_sheet_row(Importer *im, char **fields, int line)
{
	Row row = { 0 };
	const char *at = "";
	char version[16], none[] = "";
	Sitting *s;
	int i;

	if (!has_answers(im, fields))
		return 0;
	for (int c = 0; c < im->n_columns; c++) {
		StoreField field = c < SHEET_N_FIXED ? fixed_fields[c] : STORE_FIELD_VALUE;
		if (import_check_length(im, line, c, field, fields[c]) != 0)
			return -1;
	}
	/* Paper forms say "6а" as often as "6А": one spelling, as in the kiosk. */
	classname_normalize(fields[SHEET_CLASS], fields[SHEET_CLASS],
	                    strlen(fields[SHEET_CLASS]) + 1);
	if (resolve_sitting(im, fields, line, &row, &at) != 0)
		return -1;
	snprintf(version, sizeof version, "%d", row.version);
	char *attr[N_SITTING_COLS] = {
		[COL_SITTING] = none,
		[COL_DEVICE] = none,
		[COL_WAVE] = fields[SHEET_WAVE],
		[COL_CLASS] = fields[SHEET_CLASS],
		[COL_AUDIENCE] = fields[SHEET_AUDIENCE],
		[COL_RESPONDENT] = fields[SHEET_RESPONDENT],
		[COL_SURVEY] = fields[SHEET_SURVEY],
		[COL_VERSION] = version,
	};
	i = import_new_sitting(im, "", attr, fields, line, &row); /* may move sittings */
	s = &im->sittings[i];
	s->sheet = true;
	if (at[0] != '\0') {
		s->extra[EX_STARTED] = xstrdup(at);
		s->extra[EX_COMPLETED] = xstrdup(at);
	}
	for (int c = SHEET_N_FIXED; c < im->n_columns; c++) {
		if (is_question_column(im, c) && fields[c][0] != '\0' &&
		    sheet_answer(im, s, line, c, fields[c]) != 0)
			return -1;
	}
	return 0;
}

void
import_sheet_free(Importer *im)
{
	if (im->header == NULL)
		return;
	for (int c = 0; c < im->n_columns; c++)
		free(im->header[c]);
	free(im->header);
}
