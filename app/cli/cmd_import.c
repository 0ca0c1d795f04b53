/*
 * cmd_import.c: `anketa import --db FILE [--surveys DIR] answers.csv|sheet.csv`
 * (DESIGN.md section 5; an answer sheet is told apart by its header): all
 * rows or none. On a terminal, a progress line on stderr while it reads.
 */
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "diag.h"
#include "import.h"
#include "store.h"
#include "survey.h"
#include "util.h"

typedef struct {
	const char *db;
	const char *surveys;
	const char *file;
} ImportArgs;

static int
run(Store *store, const SurveySet *surveys, const char *file, const Diag *diag)
{
	ImportResult result;
	ProgressBar *bar = cli_progress_new(false);
	ProgressPart part; /* the file's name before what is being read */
	char *cause = NULL;
	int rc = import_answers_csv(store, surveys, file,
	                            progress_part(&part, progressbar_progress(bar), 0, 1, file),
	                            &result, &cause);

	progressbar_free(bar);
	if (rc != 0) {
		cli_error("%s", cause);
		free(cause);
		/* A survey file that failed to load may be why a row was refused. */
		for (int i = 0; i < diag->n; i++) {
			char *line =
			    diag_first_line(&(Diag){ .entries = &diag->entries[i], .n = 1 });
			cli_error(_("(a survey file was skipped: %s)"), line);
			free(line);
		}
		return 1;
	}
	printf(_("imported %d sittings with %ld answers; %d were already there\n"),
	       result.sittings_added, result.answers_added, result.sittings_present);
	return 0;
}

static int
cmd_import_exec(const CliArgs *args)
{
	ImportArgs a = { .db = args->db, .surveys = args->surveys, .file = args->argv[0] };
	SurveySet surveys = { 0 };
	Diag diag = { 0 };
	char *db_default = NULL, *cause = NULL, *line;
	Store *store = NULL;
	int status = 1;

	if (survey_set_load_dir(&surveys, a.surveys, &diag) < 0) {
		line = diag_first_line(&diag);
		cli_error("%s", line);
		free(line);
		goto done;
	}
	if (a.db == NULL)
		a.db = db_default = cli_default_db_path();
	store = store_open(a.db, &cause);
	if (store == NULL) {
		cli_error("%s", cause);
		free(cause);
		goto done;
	}
	status = run(store, &surveys, a.file, &diag);
done:
	store_close(store);
	survey_set_free(&surveys);
	diag_clear(&diag);
	free(db_default);
	return status;
}

const CliEntry cmd_import_entry = {
	.name = "import",
	.usage = N_("--db FILE [--surveys DIR] answers.csv|sheet.csv"),
	.shared = CLI_DB | CLI_SURVEYS,
	.min_args = 1,
	.max_args = 1,
	.run = cmd_import_exec,
};
