/*
 * cmd_school.c: `anketa school --db FILE [NAME]` names the school the
 * database belongs to (store_school_set()), or prints the name. Sittings
 * stored afterwards carry it, so that the databases of several schools
 * merged by the municipality keep their classes apart.
 */
#include <getopt.h>
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

int
cmd_school(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ NULL, 0, NULL, 0 },
	};
	const char *db = NULL;
	char *db_default = NULL, *name;
	int c, status;

	optind = 0;
	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		if (c != 'd') {
			cli_error(_("usage: anketa school --db FILE [NAME]"));
			return 2;
		}
		db = optarg;
	}
	if (optind == argc)
		return cli_with_store(db, print_school, NULL);
	if (db == NULL)
		db = db_default = cli_default_db_path();
	name = joined_name(argc - optind, argv + optind);
	status = set_school(db, name);
	free(name);
	free(db_default);
	return status;
}
