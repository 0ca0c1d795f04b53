/*
 * cmd_classes.c: `anketa classes --db FILE classes.csv` replaces the
 * school's class list (DESIGN.md section 5).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "classlist.h"
#include "cli.h"
#include "store.h"
#include "util.h"

int
cmd_classes(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ NULL, 0, NULL, 0 },
	};
	const char *db = NULL;
	char *db_default = NULL, *cause = NULL;
	ClassList list = { 0 };
	Store *store = NULL;
	int c, status = 1;

	optind = 0;
	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		if (c != 'd')
			goto usage;
		db = optarg;
	}
	if (optind != argc - 1)
		goto usage;
	if (classlist_read(argv[optind], &list, &cause) != 0)
		goto fail;
	if (db == NULL)
		db = db_default = cli_default_db_path();
	store = store_open(db, &cause);
	if (store == NULL || store_classes_replace(store, list.items, list.n, &cause) != 0)
		goto fail;
	printf(_("%d classes stored\n"), list.n);
	status = 0;
	goto done;
usage:
	cli_error(_("usage: anketa classes --db FILE classes.csv"));
	return 2;
fail:
	cli_error("%s", cause);
	free(cause);
done:
	classlist_free(&list);
	store_close(store);
	free(db_default);
	return status;
}
