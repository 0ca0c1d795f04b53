/*
 * cmd_enter.c: `anketa enter --db FILE PROGRAMME INDICATOR --wave W
 * [--class C] VALUE` stores a value of an indicator the psychologist
 * enters (entered.h; DESIGN.md section 5): a count ("7"), a share ("18/25",
 * or "18" where the class list gives the number of people), да / нет; "-"
 * clears it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "entered.h"
#include "program.h"
#include "store.h"
#include "survey.h"
#include "util.h"

/* The programmes of surveys_dir/programs, checked against its surveys;
 * -1 (said) when a file is broken. */
static int
load_programs(const char *surveys_dir, SurveySet *surveys, Program ***programs, int *n)
{
	Diag diag = { 0 };
	char *dir = xasprintf("%s/programs", surveys_dir);
	int rc = survey_set_load_dir(surveys, surveys_dir, &diag) < 0 ? -1 : 0;

	if (rc == 0 && program_load_dir(dir, surveys, programs, n, &diag) != 0)
		rc = -1;
	if (rc != 0)
		cli_print_diag(&diag, "");
	diag_clear(&diag);
	free(dir);
	return rc;
}

/* Opens the database and stores the value; 0, or -1 (said). */
static int
enter_value(const CliArgs *args, const Program *program)
{
	const char *db = args->db;
	char *db_default = NULL, *cause = NULL, *said = NULL;
	Store *store;
	int rc = -1;

	if (db == NULL)
		db = db_default = cli_default_db_path();
	store = store_open(db, &cause);
	if (store != NULL && entered_put(store, program, args->argv[1], cli_value(args, 'W'),
	                                 cli_value(args, 'c'), args->argv[2], &said, &cause) == 0) {
		printf(_("stored: %s\n"), said);
		rc = 0;
	} else {
		cli_error("%s", cause);
	}
	store_close(store);
	free(said);
	free(cause);
	free(db_default);
	return rc;
}

static int
cmd_enter_exec(const CliArgs *args)
{
	SurveySet surveys = { 0 };
	Program **programs = NULL;
	const Program *program = NULL;
	int n = 0, status = 1;

	if (cli_value(args, 'W') == NULL) {
		cli_error(_("--wave W is needed: the wave the value belongs to"));
		return 2;
	}
	if (load_programs(args->surveys, &surveys, &programs, &n) == 0) {
		for (int i = 0; i < n && program == NULL; i++)
			if (strcmp(programs[i]->id, args->argv[0]) == 0)
				program = programs[i];
		if (program == NULL)
			cli_error(_("there is no programme %s in %s/programs"), args->argv[0],
			          args->surveys);
		else if (enter_value(args, program) == 0)
			status = 0;
	}
	for (int i = 0; i < n; i++)
		program_free(programs[i]);
	free(programs);
	survey_set_free(&surveys);
	return status;
}

static const struct option enter_options[] = {
	{ "wave", required_argument, NULL, 'W' },
	{ "class", required_argument, NULL, 'c' },
	{ NULL, 0, NULL, 0 },
};

const CliEntry cmd_enter_entry = {
	.name = "enter",
	.usage = N_("--db FILE [--surveys DIR] PROGRAMME INDICATOR --wave W\n"
	            "[--class C] VALUE"),
	.help = N_("VALUE: a count (7), how many of how many people (18/25, or 18 where the\n"
	           "class list gives the number), да or нет; - clears the value.\n"
	           "Without --class the value is the whole school's.\n"),
	.shared = CLI_DB | CLI_SURVEYS,
	.options = enter_options,
	.min_args = 3,
	.max_args = 3,
	.run = cmd_enter_exec,
};
