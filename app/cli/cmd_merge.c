/*
 * cmd_merge.c: `anketa merge --db FILE OTHER.db...` brings other kiosks'
 * sittings in (DESIGN.md section 5), one transaction per file.
 */
#include <getopt.h>
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
	if (r.conflicting > 0)
		printf(_("%s: a conflicting sitting has the same id but other answers; both "
		         "were kept, the incoming one with conflict_of naming the original\n"),
		       other);
	return 0;
}

int
cmd_merge(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ NULL, 0, NULL, 0 },
	};
	const char *db = NULL;
	char *db_default = NULL, *cause = NULL;
	Store *store;
	int c, status = 0;

	optind = 0;
	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		if (c != 'd')
			goto usage;
		db = optarg;
	}
	if (optind >= argc)
		goto usage;
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
	for (int i = optind; i < argc; i++) {
		if (merge_one(store, argv[i]) != 0)
			status = 1;
	}
	store_close(store);
	free(db_default);
	return status;
usage:
	cli_error(_("usage: anketa merge --db FILE OTHER.db..."));
	return 2;
}
