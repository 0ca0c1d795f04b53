/*
 * main.c: wiring only: the table of what the command line runs (cli.h).
 * `anketa` alone starts the kiosk; `anketa <command> ...` runs a
 * sub-command (DESIGN.md section 5).
 */
#include <stdlib.h>
#include <sys/stat.h>

#include "cli.h"
#include "util.h"

/* Every command, in the order the usage lists them. */
static const CliEntry *const entries[] = {
	&cmd_kiosk_entry,  &cmd_check_entry,  &cmd_import_entry, &cmd_export_entry,
	&cmd_report_entry, &cmd_merge_entry,  &cmd_pin_entry,    &cmd_classes_entry,
	&cmd_sheet_entry,  &cmd_school_entry, &cmd_enter_entry,  NULL,
};

int
main(int argc, char **argv)
{
	/* Everything Anketa creates holds children's answers or leads to them:
	 * files 0600 and folders 0700 whatever the umask it was started with
	 * (the store and outfile.c also say so themselves). */
	umask(S_IRWXG | S_IRWXO);
	util_i18n_init(getenv("ANKETA_LOCALEDIR"));
	return cli_main(entries, argc, argv);
}
