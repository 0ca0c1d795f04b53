/*
 * cmd_export.c: `anketa export answers|scores|indicators|alerts|groups|shifts`
 * (DESIGN.md section 5), as CSV or as an Excel workbook. The file appears
 * whole or not at all (outfile.h). On a terminal, a progress line on
 * stderr (not when the table itself goes to that terminal).
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "analysis.h"
#include "cli.h"
#include "diag.h"
#include "export.h"
#include "groups.h"
#include "outfile.h"
#include "paired.h"
#include "program.h"
#include "results.h"
#include "store.h"
#include "survey.h"
#include "table.h"
#include "util.h"

typedef struct {
	const char *table;
	const char *db;
	const char *surveys;
	const char *format;
	const char *out;
	const char *from_wave; /* shifts: --from W1 --to W2 */
	const char *to_wave;
	ResultFilter filter; /* --school NAME, --by-school */
	ProgressBar *bar;    /* on a terminal's stderr, else NULL */
} ExportArgs;

/* What scores and indicators are computed from. */
typedef struct {
	SurveySet surveys;
	Program **programs;
	int n_programs;
	Analysis *analysis;
	Diag diag;
} ExportInputs;

/* --school and --by-school make sense only for the tables computed from
 * scored sittings; --by-school only for the indicators. */
static int
check_filter(const ExportArgs *a)
{
	if (a->filter.school != NULL && strcmp(a->table, "answers") == 0) {
		cli_error(_("--school is for the scores, indicators, alerts, groups and shifts "
		            "tables; export answers always writes every sitting with its school"));
		return -1;
	}
	if (a->filter.by_school && strcmp(a->table, "indicators") != 0) {
		cli_error(_("--by-school is for export indicators (and anketa report) only"));
		return -1;
	}
	return 0;
}

/* shifts compares two waves, and only shifts takes them. */
static int
check_waves(const ExportArgs *a)
{
	bool shifts = strcmp(a->table, "shifts") == 0;

	if (shifts && (a->from_wave == NULL || a->to_wave == NULL)) {
		cli_error(_("export shifts compares two waves: give --from W1 --to W2"));
		return -1;
	}
	if (!shifts && (a->from_wave != NULL || a->to_wave != NULL)) {
		cli_error(_("--from and --to are for export shifts only"));
		return -1;
	}
	return 0;
}

/* The table, format and filter asked for; -1 when they do not go together
 * (already said). */
static int
parse_args(const CliArgs *args, ExportArgs *a)
{
	a->table = args->argv[0];
	a->db = args->db;
	a->surveys = args->surveys;
	a->out = cli_value(args, 'o');
	if (cli_value(args, 'f') != NULL)
		a->format = cli_value(args, 'f');
	else if (a->out != NULL && strlen(a->out) > 5 &&
	         strcasecmp(a->out + strlen(a->out) - 5, ".xlsx") == 0)
		a->format = "xlsx"; /* the file's ending says which, as DESIGN section 5 promises */
	a->filter.school = args->school;
	a->filter.by_school = cli_flag(args, 'B');
	a->from_wave = cli_value(args, 'F');
	a->to_wave = cli_value(args, 'T');
	if (strcmp(a->table, "answers") != 0 && strcmp(a->table, "scores") != 0 &&
	    strcmp(a->table, "indicators") != 0 && strcmp(a->table, "alerts") != 0 &&
	    strcmp(a->table, "groups") != 0 && strcmp(a->table, "shifts") != 0) {
		cli_error(_("unknown table %s: export answers, scores, indicators, alerts, groups "
		            "or shifts"),
		          a->table);
		return -1;
	}
	if (strcmp(a->format, "csv") != 0 && strcmp(a->format, "xlsx") != 0) {
		cli_error(_("unknown format %s: use csv or xlsx"), a->format);
		return -1;
	}
	if (strcmp(a->format, "xlsx") == 0 && (a->out == NULL || strcmp(a->out, "-") == 0)) {
		cli_error(_("a workbook cannot go to the screen: give --out FILE.xlsx"));
		return -1;
	}
	return check_filter(a) != 0 || check_waves(a) != 0 ? -1 : 0;
}

/* Every programme in DIR/programs; -1 when one of them is broken. */
static int
load_programs(ExportInputs *in, const char *dir)
{
	char *pdir = xasprintf("%s/programs", dir);
	int failed =
	    program_load_dir(pdir, &in->surveys, &in->programs, &in->n_programs, &in->diag);

	free(pdir);
	return failed ? -1 : 0;
}

static int
load_inputs(Store *store, const ExportArgs *a, ExportInputs *in, char **cause)
{
	AnalysisOptions options;

	if (survey_set_load_dir(&in->surveys, a->surveys, &in->diag) < 0) {
		*cause = diag_first_line(&in->diag);
		return -1;
	}
	/* The groups take the order of waves from the programmes: a broken
	 * programme only leaves its waves unordered there (a warning). */
	if (strcmp(a->table, "indicators") == 0 && load_programs(in, a->surveys) != 0) {
		progressbar_clear(a->bar);
		cli_print_diag(&in->diag, "");
		*cause = xasprintf(_("a programme file has errors; no indicators were exported"));
		return -1;
	}
	if (strcmp(a->table, "groups") == 0)
		load_programs(in, a->surveys);
	cli_print_diag(&in->diag, _("warning: "));
	options = (AnalysisOptions){ .school = a->filter.school,
		                     .by_school = a->filter.by_school,
		                     .progress = progressbar_tell,
		                     .progress_ctx = a->bar };
	in->analysis =
	    analysis_build(store, &in->surveys, in->programs, in->n_programs, &options, cause);
	if (in->analysis == NULL)
		return -1;
	if (analysis_warnings(in->analysis)->n > 0)
		progressbar_clear(a->bar);
	cli_print_diag(analysis_warnings(in->analysis), _("warning: "));
	progressbar_note(a->bar, _("writing the table"));
	return 0;
}

static void
free_inputs(ExportInputs *in)
{
	analysis_free(in->analysis);
	for (int i = 0; i < in->n_programs; i++)
		program_free(in->programs[i]);
	free(in->programs);
	survey_set_free(&in->surveys);
	diag_clear(&in->diag);
}

/* The paired change between the two waves asked for; -1 with *cause when
 * a wave has nothing to compare. */
static int
write_shifts(const ExportArgs *a, const ResultSet *results, Table *table, char **cause)
{
	PairedTable paired;

	if (paired_check_waves(results, a->from_wave, a->to_wave, cause) != 0)
		return -1;
	paired_compute(results, a->from_wave, a->to_wave, &paired);
	paired_write(&paired, a->from_wave, a->to_wave, table);
	paired_table_free(&paired);
	return 0;
}

/* The groups table, its waves in the programmes' order. */
static int
write_groups(const ExportInputs *in, Table *table)
{
	int n_waves, rc;
	ProgramWave *waves = program_waves_union(in->programs, in->n_programs, &n_waves);

	rc = groups_table(analysis_results(in->analysis), waves, n_waves, table);
	free(waves);
	return rc;
}

static int
write_table(Store *store, const ExportArgs *a, Table *table, char **cause)
{
	ExportInputs in = { 0 };
	int rc;

	if (strcmp(a->table, "answers") == 0)
		return export_answers(store, table, progressbar_progress(a->bar), cause);
	rc = load_inputs(store, a, &in, cause);
	if (rc == 0 && strcmp(a->table, "scores") == 0)
		rc = export_scores(analysis_results(in.analysis), table);
	else if (rc == 0 && strcmp(a->table, "alerts") == 0)
		rc = export_alerts(analysis_results(in.analysis), table);
	else if (rc == 0 && strcmp(a->table, "groups") == 0)
		rc = write_groups(&in, table);
	else if (rc == 0 && strcmp(a->table, "shifts") == 0)
		rc = write_shifts(a, analysis_results(in.analysis), table, cause);
	else if (rc == 0)
		rc = export_indicators(in.analysis, table);
	free_inputs(&in);
	return rc;
}

static int
run(Store *store, const void *arg)
{
	const ExportArgs *a = arg;
	OutFile *out;
	Table *table;
	char *cause = NULL, *ignored = NULL, *detail;
	int rc;

	out = outfile_open(a->out, &cause);
	if (out == NULL)
		goto fail;
	table = strcmp(a->format, "xlsx") == 0 ? table_xlsx_new(outfile_temp_path(out))
	                                       : table_csv_new(outfile_stream(out));
	rc = write_table(store, a, table, &cause);
	/* After an earlier error, the first cause is the one worth telling. */
	if (rc == 0)
		progressbar_note(a->bar, _("saving the file"));
	if (table_close(table, rc == 0 ? &cause : &ignored) != 0)
		rc = -1;
	free(ignored);
	progressbar_clear(a->bar);
	if (rc != 0) {
		outfile_abort(out);
		goto fail;
	}
	if (outfile_commit(out, &cause) != 0)
		goto fail;
	detail = xasprintf("%s %s -> %s", a->table, a->format, a->out ? a->out : "stdout");
	rc = store_audit_add(store, "export", detail, &cause);
	free(detail);
	if (rc != 0)
		goto fail;
	return 0;
fail:
	cli_error("%s", cause);
	free(cause);
	return 1;
}

static int
cmd_export_exec(const CliArgs *args)
{
	ExportArgs a = { .format = "csv" };
	int status;

	if (parse_args(args, &a) != 0)
		return 2;
	a.bar = cli_progress_new(a.out == NULL || strcmp(a.out, "-") == 0);
	status = cli_with_store(a.db, run, &a);
	progressbar_free(a.bar);
	return status;
}

static const struct option export_options[] = {
	{ "format", required_argument, NULL, 'f' }, { "out", required_argument, NULL, 'o' },
	{ "by-school", no_argument, NULL, 'B' },    { "from", required_argument, NULL, 'F' },
	{ "to", required_argument, NULL, 'T' },     { NULL, 0, NULL, 0 },
};

const CliEntry cmd_export_entry = {
	.name = "export",
	.usage = N_("answers|scores|indicators|alerts|groups|shifts --db FILE\n"
	            "[--surveys DIR] [--format csv|xlsx] [--out FILE]\n"
	            "[--school NAME] [--by-school] [--from W1 --to W2]"),
	.help = N_("--school NAME: only that school's sittings (not for answers, which\n"
	           "always have every sitting with its school);\n"
	           "--by-school: the indicators with a row per school instead of per class;\n"
	           "--from W1 --to W2: for shifts, how respondents who answered in both\n"
	           "waves moved between the levels of every scale.\n"),
	.shared = CLI_DB | CLI_SURVEYS | CLI_SCHOOL,
	.options = export_options,
	.min_args = 1,
	.max_args = 1,
	.run = cmd_export_exec,
};
