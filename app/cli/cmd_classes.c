/*
 * cmd_classes.c: `anketa classes` (DESIGN.md section 5). Not written yet.
 */
#include "cli.h"
#include "util.h"

int
cmd_classes(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	cli_error(_("the %s command is not available in this build yet"), "classes");
	return 2;
}
