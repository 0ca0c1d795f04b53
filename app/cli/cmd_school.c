/*
 * cmd_school.c: `anketa school --db FILE [NAME]` names the school the
 * database belongs to (store_school_set()), or prints the name. Sittings
 * stored afterwards carry it, so that the databases of several schools
 * merged by the municipality keep their classes apart.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "store.h"
#include "util.h"

static int
print_school(Store *store, const void *arg)
{
	(void)arg;
	if (store_school(store)[0] == '\0')
		printf(_("no school name is set in this database; set it with "
		         "anketa school --db FILE NAME\n"));
	else
		printf("%s\n", store_school(store));
	return 0;
}

/* The words of the name as given, joined by single spaces: a name typed
 * without quotes ("Школа № 5") arrives as several arguments. */
static char *
joined_name(int argc, char **argv)
{
	char *name = xstrdup(argv[0]);

	for (int i = 1; i < argc; i++) {
		char *more = xasprintf("%s %s", name, argv[i]);
		free(name);
		name = more;
	}
	return name;
}

static int
set_school(const char *db, const char *name)
{
	char *cause = NULL;
	Store *store = store_open(db, &cause);

	if (store == NULL || store_school_set(store, name, &cause) != 0) {
		cli_error("%s", cause);
		free(cause);
		store_close(store);
		return 1;
	}
	printf(_("school name set: %s\n"), store_school(store));
	store_close(store);
	return 0;
}

static int
cmd_school_exec(const CliArgs *args)
{
	const char *db = args->db;
	char *db_default = NULL, *name;
	int status;

	if (args->argc == 0)
		return cli_with_store(db, print_school, NULL);
	if (db == NULL)
		db = db_default = cli_default_db_path();
	name = joined_name(args->argc, args->argv);
	status = set_school(db, name);
	free(name);
	free(db_default);
	return status;
}

const CliEntry cmd_school_entry = {
	.name = "school",
	.usage = N_("--db FILE [NAME]"),
	.shared = CLI_DB,
	.max_args = -1,
	.run = cmd_school_exec,
};
