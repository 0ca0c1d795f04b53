/*
 * main.c: wiring only: the table of what the command line runs (cli.h).
 * `anketa` alone starts the kiosk; `anketa <command> ...` runs a
 * sub-command (DESIGN.md section 5).
 */
#include <stdlib.h>

#include "cli.h"
#include "kiosk.h"
#include "util.h"

static int
parse_size(const char *text, int *width, int *height)
{
	char *x, *end;
	long w = strtol(text, &x, 10), h = 0;

	end = x;
	if (*x == 'x')
		h = strtol(x + 1, &end, 10);
	if (*x != 'x' || *end != '\0' || w < 320 || h < 240 || w > 16384 || h > 16384)
		return -1;
	*width = (int)w;
	*height = (int)h;
	return 0;
}

static int
run_kiosk(const CliArgs *args)
{
	KioskOptions o = {
		.db_path = args->db,
		.surveys_dir = args->surveys,
		.windowed = cli_flag(args, 'w'),
		.wave = cli_value(args, 'W'),
		.class_name = cli_value(args, 'c'),
		.audience = cli_value(args, 'a'),
		.run = cli_value(args, 'r'),
		.read_aloud = cli_flag(args, 'R'),
		.require_code = cli_flag(args, 'C'),
	};
	const char *size = cli_value(args, 'z');
	char *db = NULL;
	int status;

	if (size != NULL && parse_size(size, &o.width, &o.height) != 0) {
		cli_error(_("--size wants WIDTHxHEIGHT, for example 1280x800"));
		return 2;
	}
	if (o.db_path == NULL)
		o.db_path = db = cli_default_db_path();
	status = kiosk_run(&o);
	free(db);
	return status;
}

static const struct option kiosk_options[] = {
	{ "windowed", no_argument, NULL, 'w' },
	{ "size", required_argument, NULL, 'z' },
	{ "wave", required_argument, NULL, 'W' },
	{ "class", required_argument, NULL, 'c' },
	{ "audience", required_argument, NULL, 'a' },
	{ "run", required_argument, NULL, 'r' },
	{ "read-aloud", no_argument, NULL, 'R' },
	{ "require-code", no_argument, NULL, 'C' },
	{ NULL, 0, NULL, 0 },
};

/* `anketa [OPTIONS]`: the kiosk, which begins the program's usage. */
static const CliEntry kiosk_entry = {
	.usage = N_("[--db FILE] [--surveys DIR] [--windowed] [--size WxH]\n"
	            "[--wave W --class C --audience A --run ID[,ID...]] [--read-aloud]\n"
	            "[--require-code]"),
	.shared = CLI_DB | CLI_SURVEYS,
	.options = kiosk_options,
	.run = run_kiosk,
};

/* Every command, in the order the usage lists them. */
static const CliEntry *const entries[] = {
	&kiosk_entry,
	&cmd_check_entry,
	&cmd_import_entry,
	&cmd_export_entry,
	&cmd_report_entry,
	&cmd_merge_entry,
	&cmd_pin_entry,
	&cmd_classes_entry,
	&cmd_sheet_entry,
	&cmd_school_entry,
	NULL,
};

int
main(int argc, char **argv)
{
	util_i18n_init(getenv("ANKETA_LOCALEDIR"));
	return cli_main(entries, argc, argv);
}
