/*
 * cmd_pin.c: `anketa pin` (DESIGN.md section 5). Not written yet.
 */
#include "cli.h"
#include "util.h"

int
cmd_pin(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	cli_error(_("the %s command is not available in this build yet"), "pin");
	return 2;
}
