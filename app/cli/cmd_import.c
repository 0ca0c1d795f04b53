/*
 * cmd_import.c: `anketa import` (DESIGN.md section 5). Not written yet.
 */
#include "cli.h"
#include "util.h"

int
cmd_import(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	cli_error(_("the %s command is not available in this build yet"), "import");
	return 2;
}
