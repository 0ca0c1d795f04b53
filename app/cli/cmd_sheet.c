/*
 * cmd_sheet.c: `anketa sheet SURVEY_ID [--surveys DIR] [--out FILE.csv|FILE.xlsx]`:
 * the blank answer sheet of a survey, to type paper forms into and bring
 * back with `anketa import` (sheet.h).
 */
#include <stdlib.h>

#include "cli.h"
#include "diag.h"
#include "sheet.h"
#include "survey.h"
#include "util.h"

typedef struct {
	const char *survey;
	const char *surveys;
	const char *out;
} SheetArgs;

/* The survey asked for; when it is missing, a broken file in the folder
 * may be why, so those are named too. */
static const Survey *
find_survey(const SurveySet *surveys, const char *id, const Diag *diag)
{
	const Survey *survey = survey_set_find(surveys, id);

	if (survey != NULL)
		return survey;
	cli_error(_("unknown survey \"%s\": no survey file has this id"), id);
	for (int i = 0; i < diag->n; i++) {
		char *line = diag_first_line(&(Diag){ .entries = &diag->entries[i], .n = 1 });
		cli_error(_("(a survey file was skipped: %s)"), line);
		free(line);
	}
	return NULL;
}

static int
cmd_sheet_exec(const CliArgs *args)
{
	SheetArgs a = {
		.survey = args->argv[0],
		.surveys = args->surveys,
		.out = cli_value(args, 'o'),
	};
	SurveySet surveys = { 0 };
	Diag diag = { 0 };
	const Survey *survey;
	char *cause = NULL;
	int status = 1;

	if (survey_set_load_dir(&surveys, a.surveys, &diag) < 0) {
		cause = diag_first_line(&diag);
		goto done;
	}
	survey = find_survey(&surveys, a.survey, &diag);
	if (survey == NULL)
		goto done;
	if (sheet_save(survey, a.out, &cause) == 0)
		status = 0;
done:
	if (cause != NULL)
		cli_error("%s", cause);
	free(cause);
	survey_set_free(&surveys);
	diag_clear(&diag);
	return status;
}

static const struct option sheet_options[] = {
	{ "out", required_argument, NULL, 'o' },
	{ NULL, 0, NULL, 0 },
};

const CliEntry cmd_sheet_entry = {
	.name = "sheet",
	.usage = N_("SURVEY_ID [--surveys DIR] [--out FILE.csv|FILE.xlsx]"),
	.shared = CLI_SURVEYS,
	.options = sheet_options,
	.min_args = 1,
	.max_args = 1,
	.run = cmd_sheet_exec,
};
