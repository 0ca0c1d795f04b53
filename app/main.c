/*
 * main.c: argument parsing and wiring only. `anketa` alone starts the kiosk;
 * `anketa <command> ...` runs a sub-command (DESIGN.md section 5).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "kiosk.h"
#include "util.h"

static const struct {
	const char *name;
	int (*run)(int, char **);
} commands[] = {
	{ "check", cmd_check },   { "import", cmd_import }, { "export", cmd_export },
	{ "merge", cmd_merge },   { "pin", cmd_pin },       { "classes", cmd_classes },
	{ "report", cmd_report }, { "sheet", cmd_sheet },   { "school", cmd_school },
};

static void
usage(FILE *out)
{
	fputs(_("usage: anketa [--db FILE] [--surveys DIR] [--windowed] [--size WxH]\n"
	        "              [--wave W --class C --audience A --run ID[,ID...]] [--read-aloud]\n"
	        "              [--require-code]\n"
	        "       anketa check [--surveys DIR] FILE|DIR...\n"
	        "       anketa import --db FILE [--surveys DIR] answers.csv|sheet.csv\n"
	        "       anketa export answers|scores|indicators|alerts|groups --db FILE\n"
	        "                     [--surveys DIR] [--format csv|xlsx] [--out FILE]\n"
	        "       anketa report --db FILE [--surveys DIR] --out FILE.pdf\n"
	        "       anketa merge --db FILE OTHER.db...\n"
	        "       anketa pin --db FILE\n"
	        "       anketa classes --db FILE classes.csv\n"
	        "       anketa sheet SURVEY_ID [--surveys DIR] [--out FILE.csv|FILE.xlsx]\n"),
	      out);
	fputs(_("       anketa school --db FILE [NAME]\n"
	        "       (export scores|indicators|alerts|groups and report take --school NAME;\n"
	        "        export indicators and report take --by-school: a row per school)\n"),
	      out);
}

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

/* Applies one kiosk option; -1 when its value is wrong (already said). */
static int
kiosk_option(KioskOptions *o, int c, char *arg)
{
	switch (c) {
	case 'd':
		o->db_path = arg;
		break;
	case 's':
		o->surveys_dir = arg;
		break;
	case 'w':
		o->windowed = true;
		break;
	case 'W':
		o->wave = arg;
		break;
	case 'c':
		o->class_name = arg;
		break;
	case 'a':
		o->audience = arg;
		break;
	case 'r':
		o->run = arg;
		break;
	case 'R':
		o->read_aloud = true;
		break;
	case 'C':
		o->require_code = true;
		break;
	case 'z':
		if (parse_size(arg, &o->width, &o->height) == 0)
			break;
		cli_error(_("--size wants WIDTHxHEIGHT, for example 1280x800"));
		return -1;
	default:
		usage(stderr);
		return -1;
	}
	return 0;
}

static int
run_kiosk(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "surveys", required_argument, NULL, 's' },
		{ "windowed", no_argument, NULL, 'w' },
		{ "size", required_argument, NULL, 'z' },
		{ "wave", required_argument, NULL, 'W' },
		{ "class", required_argument, NULL, 'c' },
		{ "audience", required_argument, NULL, 'a' },
		{ "run", required_argument, NULL, 'r' },
		{ "read-aloud", no_argument, NULL, 'R' },
		{ "require-code", no_argument, NULL, 'C' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	KioskOptions o = { 0 };
	char *db = NULL;
	int c, status;

	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		if (c == 'h') {
			usage(stdout);
			return 0;
		}
		if (kiosk_option(&o, c, optarg) != 0)
			return 2;
	}
	if (optind < argc) {
		cli_error(_("unknown command: %s"), argv[optind]);
		usage(stderr);
		return 2;
	}
	if (o.db_path == NULL)
		o.db_path = db = cli_default_db_path();
	if (o.surveys_dir == NULL)
		o.surveys_dir = cli_default_surveys_dir();
	status = cmd_kiosk(&o);
	free(db);
	return status;
}

int
main(int argc, char **argv)
{
	util_i18n_init(getenv("ANKETA_LOCALEDIR"));
	if (argc > 1 && argv[1][0] != '-') {
		for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
			if (strcmp(argv[1], commands[i].name) == 0)
				return commands[i].run(argc - 1, argv + 1);
		}
	}
	return run_kiosk(argc, argv);
}
