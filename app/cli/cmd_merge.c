/*
 * cmd_merge.c: `anketa merge --db FILE OTHER.db...` brings other kiosks'
 * sittings in (DESIGN.md section 5), one transaction per file. On a
 * terminal, a progress line on stderr: the file, which of how many, and how
 * far within it.
 */
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "store.h"
#include "util.h"

/* Merges the index-th of count files; its share of the progress line is
 * the index-th of count. */
static int
merge_one(Store *store, const char *other, int index, int count, ProgressBar *bar)
{
	StoreMergeResult r;
	ProgressPart part;
	char *cause = NULL, *label = xasprintf(_("%s (%d of %d)"), other, index + 1, count);
	int rc = store_merge(store, other,
	                     progress_part(&part, progressbar_progress(bar), (double)index / count,
	                                   (double)(index + 1) / count, label),
	                     &r, &cause);

	progressbar_clear(bar);
	free(label);
	if (rc != 0) {
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
	ProgressBar *bar;
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
	bar = cli_progress_new(false);
	for (int i = 0; i < args->argc; i++) {
		if (merge_one(store, args->argv[i], i, args->argc, bar) != 0)
			status = 1;
	}
	progressbar_free(bar);
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
