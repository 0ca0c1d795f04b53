/*
 * cmd_merge.c: `anketa merge --db FILE OTHER.db...` brings other kiosks'
 * sittings in (DESIGN.md section 5), one transaction per file.
 */
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "store.h"
#include "util.h"

static int
merge_one(Store *store, const char *other)
{
	StoreMergeResult r;
	char *cause = NULL;

	if (store_merge(store, other, &r, &cause) != 0) {
		cli_error("%s", cause);
		free(cause);
		return -1;
	}
	printf(_("%s: %d sittings added, %d already there, %d conflicting\n"), other, r.added,
	       r.present, r.conflicting);
	if (r.entered > 0)
		printf(_("%s: entered indicator values added: %d\n"), other, r.entered);
	if (r.conflicting > 0)
		printf(_("%s: a conflicting sitting has the same id but other answers or "
		         "another school; both were kept, the incoming one with conflict_of "
		         "naming the original\n"),
		       other);
	return 0;
}

static int
cmd_merge_exec(const CliArgs *args)
{
	const char *db = args->db;
	char *db_default = NULL, *cause = NULL;
	Store *store;
	int status = 0;

	if (db == NULL)
		db = db_default = cli_default_db_path();
	store = store_open(db, &cause);
	if (store == NULL) {
		cli_error("%s", cause);
		free(cause);
		free(db_default);
		return 1;
	}
	/* A bad file is reported and skipped; the others still merge. */
	for (int i = 0; i < args->argc; i++) {
		if (merge_one(store, args->argv[i]) != 0)
			status = 1;
	}
	store_close(store);
	free(db_default);
	return status;
}

const CliEntry cmd_merge_entry = {
	.name = "merge",
	.usage = N_("--db FILE OTHER.db..."),
	.shared = CLI_DB,
	.min_args = 1,
	.max_args = -1,
	.run = cmd_merge_exec,
};
