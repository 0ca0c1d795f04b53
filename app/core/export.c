/*
 * export.c: the answers table as CSV.
 */
#include "export.h"

#include <stdio.h>

#include "csvio.h"

const char *const export_answers_columns[] = {
	"sitting_id", "device_id",      "wave",         "class",    "audience",    "respondent",
	"survey_id",  "survey_version", "question_id",  "value",    "score",       "answered_at",
	"status",     "started_at",     "completed_at", "visit_id", "survey_hash", "conflict_of",
};
const int export_answers_n_columns =
    (int)(sizeof export_answers_columns / sizeof export_answers_columns[0]);

static int
write_answer(const StoreAnswerRow *row, void *arg)
{
	FILE *out = arg;
	char version[16], score[32];
	const char *fields[18];

	snprintf(version, sizeof version, "%d", row->survey_version);
	fields[0] = row->sitting_id;
	fields[1] = row->device_id;
	fields[2] = row->wave;
	fields[3] = row->class_name;
	fields[4] = row->audience;
	fields[5] = row->respondent;
	fields[6] = row->survey_id;
	fields[7] = version;
	fields[8] = row->question_id;
	fields[9] = row->value;
	fields[10] = row->has_score ? csvio_format_number(row->score, score) : "";
	fields[11] = row->answered_at;
	fields[12] = store_status_name(row->status);
	fields[13] = row->started_at;
	fields[14] = row->completed_at;
	fields[15] = row->visit_id;
	fields[16] = row->survey_hash;
	fields[17] = row->conflict_of;
	csvio_write_row(out, fields, 18);
	return 0;
}

int
export_answers_csv(Store *store, FILE *out, char **cause)
{
	csvio_write_row(out, export_answers_columns, export_answers_n_columns);
	return store_answers_each(store, write_answer, out, cause);
}
