/*
 * cmd_sheet.c: `anketa sheet SURVEY_ID [--surveys DIR] [--out FILE.csv|FILE.xlsx]`:
 * the blank answer sheet of a survey, to type paper forms into and bring
 * back with `anketa import` (sheet.h).
 */
#include <getopt.h>
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

static int
parse_args(int argc, char **argv, SheetArgs *a)
{
	static const struct option longopts[] = {
		{ "surveys", required_argument, NULL, 's' },
		{ "out", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	optind = 0;
	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		if (c == 's')
			a->surveys = optarg;
		else if (c == 'o')
			a->out = optarg;
		else
			goto usage;
	}
	if (optind != argc - 1)
		goto usage;
	a->survey = argv[optind];
	if (a->surveys == NULL)
		a->surveys = cli_default_surveys_dir();
	return 0;
usage:
	cli_error(_("usage: anketa sheet SURVEY_ID [--surveys DIR] [--out FILE.csv|FILE.xlsx]"));
	return -1;
}

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

int
cmd_sheet(int argc, char **argv)
{
	SheetArgs a = { 0 };
	SurveySet surveys = { 0 };
	Diag diag = { 0 };
	const Survey *survey;
	char *cause = NULL;
	int status = 1;

	if (parse_args(argc, argv, &a) != 0)
		return 2;
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
