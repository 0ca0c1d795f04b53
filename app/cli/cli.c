/*
 * cli.c: what every sub-command shares: default paths and error lines.
 */
#include "cli.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "config.h"
#include "util.h"

const char *
cli_default_surveys_dir(void)
{
	const char *env = getenv("ANKETA_SURVEYS");

	if (env != NULL && env[0] != '\0')
		return env;
	return ANKETA_SOURCE_DIR "/surveys";
}

char *
cli_default_db_path(void)
{
	const char *xdg = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");

	if (xdg != NULL && xdg[0] == '/')
		return xasprintf("%s/anketa/anketa.db", xdg);
	return xasprintf("%s/.local/share/anketa/anketa.db", home ? home : ".");
}

void
cli_error(const char *fmt, ...)
{
	va_list ap;

	fputs("anketa: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap); /* NOLINT(clang-analyzer-valist.Uninitialized): va_start above */
	va_end(ap);
	fputc('\n', stderr);
}
