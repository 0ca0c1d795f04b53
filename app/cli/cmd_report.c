/*
 * cmd_report.c: `anketa report --db FILE [--surveys DIR] --out FILE.pdf`
 * (DESIGN.md section 5): the psychologist's report for the programme as a
 * PDF (report.h). The file appears whole or not at all (outfile.h).
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "diag.h"
#include "export.h"
#include "outfile.h"
#include "program.h"
#include "report.h"
#include "results.h"
#include "store.h"
#include "survey.h"
#include "util.h"

typedef struct {
	const char *db;
	const char *surveys;
	const char *out;
} ReportArgs;

/* What the report is made from. */
typedef struct {
	SurveySet surveys;
	Program **programs;
	int n_programs;
	ResultSet results;
	IndicatorTable *tables; /* per programme */
	Diag diag;
} ReportInputs;

static int
parse_args(int argc, char **argv, ReportArgs *a)
{
	static const struct option longopts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "surveys", required_argument, NULL, 's' },
		{ "out", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	optind = 0;
	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		if (c == 'd')
			a->db = optarg;
		else if (c == 's')
			a->surveys = optarg;
		else if (c == 'o')
			a->out = optarg;
		else
			goto usage;
	}
	if (optind != argc)
		goto usage;
	if (a->out == NULL || a->out[0] == '\0' || strcmp(a->out, "-") == 0) {
		cli_error(_("give --out FILE.pdf: the file the report is written to"));
		return -1;
	}
	if (a->surveys == NULL)
		a->surveys = cli_default_surveys_dir();
	return 0;
usage:
	cli_error(_("usage: anketa report --db FILE [--surveys DIR] --out FILE.pdf"));
	return -1;
}

/* Prints each diag entry as one stderr line. */
static void
print_diag(const Diag *diag, const char *prefix)
{
	for (int i = 0; i < diag->n; i++) {
		const DiagEntry *e = &diag->entries[i];
		if (e->line > 0)
			cli_error("%s%s:%d:%d: %s", prefix, e->file, e->line, e->column,
			          e->message);
		else
			cli_error("%s%s: %s", prefix, e->file, e->message);
	}
}

/* Surveys, programmes, scored sittings and the indicator tables. */
static int
load_inputs(Store *store, const ReportArgs *a, ReportInputs *in, char **cause)
{
	char *pdir = xasprintf("%s/programs", a->surveys);
	int failed;

	if (survey_set_load_dir(&in->surveys, a->surveys, &in->diag) < 0) {
		free(pdir);
		*cause = diag_first_line(&in->diag);
		return -1;
	}
	failed = program_load_dir(pdir, &in->surveys, &in->programs, &in->n_programs, &in->diag);
	free(pdir);
	if (failed != 0) {
		print_diag(&in->diag, "");
		*cause = xstrdup(_("a programme file has errors; no report was written"));
		return -1;
	}
	if (results_load(store, &in->surveys, &in->results, &in->diag, cause) != 0)
		return -1;
	print_diag(&in->diag, _("warning: "));
	in->tables = xcalloc((size_t)in->n_programs + 1, sizeof *in->tables);
	return export_indicator_tables(store, in->programs, in->n_programs, &in->results,
	                               in->tables, cause);
}

static void
free_inputs(ReportInputs *in)
{
	for (int i = 0; in->tables != NULL && i < in->n_programs; i++)
		indicator_table_free(&in->tables[i]);
	free(in->tables);
	results_free(&in->results);
	for (int i = 0; i < in->n_programs; i++)
		program_free(in->programs[i]);
	free(in->programs);
	survey_set_free(&in->surveys);
	diag_clear(&in->diag);
}

/* Today as the report prints it: "15.09.2026". */
static void
today(char buf[16])
{
	time_t now = time(NULL);
	struct tm tm;

	if (localtime_r(&now, &tm) == NULL || strftime(buf, 16, "%d.%m.%Y", &tm) == 0)
		buf[0] = '\0';
}

static int
write_report(Store *store, const ReportArgs *a, OutFile *out, char **cause)
{
	ReportInputs in = { 0 };
	char date[16];
	int rc = load_inputs(store, a, &in, cause);

	today(date);
	if (rc == 0) {
		ReportInput ri = {
			.date = date,
			.surveys = &in.surveys,
			.programs = in.programs,
			.n_programs = in.n_programs,
			.tables = in.tables,
			.results = &in.results,
		};
		rc = report_write_pdf(&ri, outfile_stream(out), cause);
	}
	free_inputs(&in);
	return rc;
}

static int
run(Store *store, const void *arg)
{
	const ReportArgs *a = arg;
	OutFile *out;
	char *cause = NULL, *detail;
	int rc;

	out = outfile_open(a->out, &cause);
	if (out == NULL)
		goto fail;
	if (write_report(store, a, out, &cause) != 0) {
		outfile_abort(out);
		goto fail;
	}
	if (outfile_commit(out, &cause) != 0)
		goto fail;
	detail = xasprintf("report pdf -> %s", a->out);
	rc = store_audit_add(store, "report", detail, &cause);
	free(detail);
	if (rc != 0)
		goto fail;
	return 0;
fail:
	cli_error("%s", cause);
	free(cause);
	return 1;
}

int
cmd_report(int argc, char **argv)
{
	ReportArgs a = { 0 };

	if (parse_args(argc, argv, &a) != 0)
		return 2;
	return cli_with_store(a.db, run, &a);
}
