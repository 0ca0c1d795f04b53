/*
 * cmd_export.c: `anketa export answers|scores|indicators` (DESIGN.md
 * section 5). The file appears whole or not at all (outfile.h).
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "export.h"
#include "outfile.h"
#include "store.h"
#include "util.h"

typedef struct {
	const char *table;
	const char *db;
	const char *surveys;
	const char *format;
	const char *out;
} ExportArgs;

static int
parse_args(int argc, char **argv, ExportArgs *a)
{
	static const struct option longopts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "surveys", required_argument, NULL, 's' },
		{ "format", required_argument, NULL, 'f' },
		{ "out", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	optind = 0;
	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (c) {
		case 'd':
			a->db = optarg;
			break;
		case 's':
			a->surveys = optarg;
			break;
		case 'f':
			a->format = optarg;
			break;
		case 'o':
			a->out = optarg;
			break;
		default:
			return -1;
		}
	}
	if (optind != argc - 1) {
		cli_error(_("usage: anketa export answers|scores|indicators --db FILE "
		            "[--surveys DIR] [--format csv|xlsx] [--out FILE]"));
		return -1;
	}
	a->table = argv[optind];
	if (strcmp(a->table, "answers") != 0 && strcmp(a->table, "scores") != 0 &&
	    strcmp(a->table, "indicators") != 0) {
		cli_error(_("unknown table %s: export answers, scores or indicators"), a->table);
		return -1;
	}
	if (strcmp(a->format, "csv") != 0 && strcmp(a->format, "xlsx") != 0) {
		cli_error(_("unknown format %s: use csv or xlsx"), a->format);
		return -1;
	}
	return 0;
}

static int
write_table(Store *store, const ExportArgs *a, OutFile *out, char **cause)
{
	if (strcmp(a->format, "csv") != 0 || strcmp(a->table, "answers") != 0) {
		*cause = xasprintf(_("export of %s as %s is not available in this build yet"),
		                   a->table, a->format);
		return -1;
	}
	return export_answers_csv(store, outfile_stream(out), cause);
}

static int
run(Store *store, const ExportArgs *a)
{
	OutFile *out;
	char *cause = NULL, *detail;

	out = outfile_open(a->out, &cause);
	if (out == NULL)
		goto fail;
	if (write_table(store, a, out, &cause) != 0) {
		outfile_abort(out);
		goto fail;
	}
	if (outfile_commit(out, &cause) != 0)
		goto fail;
	detail = xasprintf("%s %s -> %s", a->table, a->format, a->out ? a->out : "stdout");
	if (store_audit_add(store, "export", detail, &cause) != 0) {
		free(detail);
		goto fail;
	}
	free(detail);
	return 0;
fail:
	cli_error("%s", cause);
	free(cause);
	return 1;
}

int
cmd_export(int argc, char **argv)
{
	ExportArgs a = { .format = "csv" };
	char *db_default = NULL, *cause = NULL;
	Store *store;
	int status;

	if (parse_args(argc, argv, &a) != 0)
		return 2;
	if (a.db == NULL)
		a.db = db_default = cli_default_db_path();
	if (access(a.db, F_OK) != 0) {
		cli_error(_("there is no database at %s"), a.db);
		free(db_default);
		return 1;
	}
	store = store_open(a.db, &cause);
	if (store == NULL) {
		cli_error("%s", cause);
		free(cause);
		free(db_default);
		return 1;
	}
	status = run(store, &a);
	store_close(store);
	free(db_default);
	return status;
}
