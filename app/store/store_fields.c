/*
 * store_fields.c: how long each stored field may be (DESIGN.md section 4),
 * the one rule that import, merge and every write of the store apply.
 */
#include <stdlib.h>
#include <string.h>

#include "store_internal.h"
#include "util.h"

/* In bytes of UTF-8. A class and a code are what the kiosk lets a child
 * type (SESSION_FIELD_MAX); a text answer holds a few sentences. */
static const struct {
	const char *name; /* as the answers CSV calls the column */
	size_t max;
} fields[STORE_FIELD_COUNT] = {
	[STORE_FIELD_WAVE] = { "wave", 64 },
	[STORE_FIELD_CLASS] = { "class", 24 },
	[STORE_FIELD_AUDIENCE] = { "audience", 16 },
	[STORE_FIELD_RESPONDENT] = { "respondent", 24 },
	[STORE_FIELD_SURVEY] = { "survey_id", 64 },
	[STORE_FIELD_QUESTION] = { "question_id", 64 },
	[STORE_FIELD_VALUE] = { "value", 4096 },
	[STORE_FIELD_SCHOOL] = { "school", STORE_SCHOOL_MAX },
	[STORE_FIELD_DEVICE] = { "device_id", 64 },
	[STORE_FIELD_VISIT] = { "visit_id", 64 },
	[STORE_FIELD_HASH] = { "survey_hash", 64 },
	[STORE_FIELD_ID] = { "sitting_id", 36 },
};

size_t
store_field_max(StoreField field)
{
	return fields[field].max;
}

const char *
store_field_name(StoreField field)
{
	return fields[field].name;
}

char *
store_field_problem(StoreField field, const char *value)
{
	size_t len = value == NULL ? 0 : strlen(value);

	if (len <= fields[field].max)
		return NULL;
	return xasprintf(_("%s is %zu bytes long; at most %zu are allowed"), fields[field].name,
	                 len, fields[field].max);
}

int
store_sitting_fits(const StoreSitting *s, char **cause)
{
	const struct {
		StoreField field;
		const char *value;
	} checks[] = {
		{ STORE_FIELD_WAVE, s->wave },         { STORE_FIELD_CLASS, s->class_name },
		{ STORE_FIELD_AUDIENCE, s->audience }, { STORE_FIELD_RESPONDENT, s->respondent },
		{ STORE_FIELD_SURVEY, s->survey_id },  { STORE_FIELD_SCHOOL, s->school },
		{ STORE_FIELD_DEVICE, s->device_id },  { STORE_FIELD_VISIT, s->visit_id },
		{ STORE_FIELD_HASH, s->survey_hash },  { STORE_FIELD_ID, s->id },
	};

	for (size_t i = 0; i < sizeof checks / sizeof checks[0]; i++) {
		char *problem = store_field_problem(checks[i].field, checks[i].value);

		if (problem != NULL) {
			*cause = xasprintf(_("the sitting cannot be stored: %s"), problem);
			free(problem);
			return -1;
		}
	}
	return 0;
}

int
store_answer_fits(const char *question_id, const char *value, char **cause)
{
	char *problem = store_field_problem(STORE_FIELD_QUESTION, question_id);

	if (problem == NULL)
		problem = store_field_problem(STORE_FIELD_VALUE, value);
	if (problem == NULL)
		return 0;
	*cause = xasprintf(_("the answer cannot be stored: %s"), problem);
	free(problem);
	return -1;
}
