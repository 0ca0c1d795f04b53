/*
 * cmd_report.c: `anketa report --db FILE [--surveys DIR] --out FILE.pdf`
 * (DESIGN.md section 5): the psychologist's report for the programme as a
 * PDF (report.h), or with --out FILE.odt or FILE.docx the analytical note
 * (spravka.h). The file appears whole or not at all (outfile.h). On a
 * terminal, a progress line on stderr while the analysis is built.
 */
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "cli.h"
#include "diag.h"
#include "doc.h"
#include "program.h"
#include "report.h"
#include "spravka.h"
#include "store.h"
#include "survey.h"
#include "util.h"

typedef struct {
	const char *db;
	const char *surveys;
	const char *out;
	ResultFilter filter; /* --school NAME, --by-school */
	ProgressBar *bar;    /* on a terminal's stderr, else NULL */
} ReportArgs;

/* What the report is made from. */
typedef struct {
	SurveySet surveys;
	Program **programs;
	int n_programs;
	Diag diag;
} ReportInputs;

/* The report's arguments; -1 without a file to write it to (already said). */
static int
parse_args(const CliArgs *args, ReportArgs *a)
{
	a->db = args->db;
	a->surveys = args->surveys;
	a->out = cli_value(args, 'o');
	a->filter.school = args->school;
	a->filter.by_school = cli_flag(args, 'B');
	DocFormat format;

	if (a->out == NULL || a->out[0] == '\0' || strcmp(a->out, "-") == 0) {
		cli_error(_("give --out FILE.pdf (the report) or FILE.odt or FILE.docx (the "
		            "analytical note): the file it is written to"));
		return -1;
	}
	if (a->filter.by_school && doc_format_of(a->out, &format) == 0) {
		cli_error(
		    _("the analytical note is one school's: --by-school is for the PDF report"));
		return -1;
	}
	return 0;
}

/* The surveys and programmes; -1 with *cause when one of them is broken. */
static int
load_inputs(const ReportArgs *a, ReportInputs *in, char **cause)
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
		cli_print_diag(&in->diag, "");
		*cause = xstrdup(_("a programme file has errors; no report was written"));
		return -1;
	}
	diag_clear(&in->diag);
	return 0;
}

static void
free_inputs(ReportInputs *in)
{
	for (int i = 0; i < in->n_programs; i++)
		program_free(in->programs[i]);
	free(in->programs);
	survey_set_free(&in->surveys);
	diag_clear(&in->diag);
}

static int
run(Store *store, const void *arg)
{
	const ReportArgs *a = arg;
	ReportInputs in = { 0 };
	AnalysisOptions options = { .school = a->filter.school,
		                    .by_school = a->filter.by_school,
		                    .progress = progressbar_tell,
		                    .progress_ctx = a->bar };
	Analysis *analysis = NULL;
	char *cause = NULL;
	int rc = load_inputs(a, &in, &cause);

	if (rc == 0) {
		analysis = analysis_build(store, &in.surveys, in.programs, in.n_programs, &options,
		                          &cause);
		rc = analysis != NULL ? 0 : -1;
	}
	if (analysis != NULL) {
		if (analysis_warnings(analysis)->n > 0)
			progressbar_clear(a->bar);
		cli_print_diag(analysis_warnings(analysis), _("warning: "));
		DocFormat format;
		progressbar_note(a->bar, _("writing the report"));
		rc = doc_format_of(a->out, &format) == 0
		         ? spravka_save(store, analysis, a->out, &cause)
		         : report_save(store, analysis, a->out, &cause);
	}
	progressbar_clear(a->bar);
	analysis_free(analysis);
	free_inputs(&in);
	if (rc != 0) {
		cli_error("%s", cause);
		free(cause);
		return 1;
	}
	return 0;
}

static int
cmd_report_exec(const CliArgs *args)
{
	ReportArgs a = { 0 };
	int status;

	if (parse_args(args, &a) != 0)
		return 2;
	a.bar = cli_progress_new(false);
	status = cli_with_store(a.db, run, &a);
	progressbar_free(a.bar);
	return status;
}

static const struct option report_options[] = {
	{ "out", required_argument, NULL, 'o' },
	{ "by-school", no_argument, NULL, 'B' },
	{ NULL, 0, NULL, 0 },
};

const CliEntry cmd_report_entry = {
	.name = "report",
	.usage = N_("--db FILE [--surveys DIR] --out FILE.pdf|FILE.odt|FILE.docx\n"
	            "[--school NAME] [--by-school]"),
	.help = N_("--out FILE.pdf: the report with every table; FILE.odt or FILE.docx:\n"
	           "the analytical note, a document to edit in Writer or Word;\n"
	           "--school NAME: only that school's sittings;\n"
	           "--by-school: the indicators with a row per school instead of per class.\n"),
	.shared = CLI_DB | CLI_SURVEYS | CLI_SCHOOL,
	.options = report_options,
	.run = cmd_report_exec,
};
