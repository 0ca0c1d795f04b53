/*
 * cmd_export.c: `anketa export` (DESIGN.md section 5). Not written yet.
 */
#include "cli.h"
#include "util.h"

int
cmd_export(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	cli_error(_("the %s command is not available in this build yet"), "export");
	return 2;
}
