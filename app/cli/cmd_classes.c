/*
 * cmd_classes.c: `anketa classes --db FILE classes.csv` replaces the
 * school's class list (DESIGN.md section 5) and says how many classes are
 * flagged.
 */
#include <stdio.h>
#include <stdlib.h>

#include "classlist.h"
#include "cli.h"
#include "store.h"
#include "util.h"

static int
cmd_classes_exec(const CliArgs *args)
{
	const char *db = args->db;
	char *db_default = NULL, *cause = NULL;
	ClassList list = { 0 };
	Store *store = NULL;
	int status = 1, flagged;

	if (classlist_read(args->argv[0], &list, &cause) != 0)
		goto fail;
	if (db == NULL)
		db = db_default = cli_default_db_path();
	store = store_open(db, &cause);
	if (store == NULL || store_classes_replace(store, list.items, list.n, &cause) != 0)
		goto fail;
	flagged = 0;
	for (int i = 0; i < list.n; i++)
		flagged += list.items[i].flagged;
	printf(_("%d classes stored, flagged: %d\n"), list.n, flagged);
	status = 0;
	goto done;
fail:
	cli_error("%s", cause);
	free(cause);
done:
	classlist_free(&list);
	store_close(store);
	free(db_default);
	return status;
}

const CliEntry cmd_classes_entry = {
	.name = "classes",
	.usage = N_("--db FILE classes.csv"),
	.shared = CLI_DB,
	.min_args = 1,
	.max_args = 1,
	.run = cmd_classes_exec,
};
