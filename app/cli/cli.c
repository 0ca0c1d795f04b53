/*
 * cli.c: what every sub-command shares: default paths and error lines.
 */
#include "cli.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util.h"

const char *
cli_default_surveys_dir(void)
{
	const char *env = getenv("ANKETA_SURVEYS");

	if (env != NULL && env[0] != '\0')
		return env;
	static char dir[4096 + 16];

	snprintf(dir, sizeof dir, "%s/surveys", util_data_dir());
	return dir;
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

/* True when the file, or the folder that holds it, cannot be written. */
static bool
cli_unwritable(const char *path)
{
	char *dir = xstrdup(path), *slash = strrchr(dir, '/');
	bool unwritable;

	if (slash == NULL) {
		free(dir);
		dir = xstrdup(".");
	} else {
		slash[slash == dir] = '\0';
	}
	unwritable = access(path, W_OK) != 0 || access(dir, W_OK) != 0;
	free(dir);
	return unwritable;
}

/* store_open(), or for a database that cannot be written (a write-protected
 * file, a CD, a locked USB stick) store_open_readonly() with a note. */
static Store *
cli_open_for_reading(const char *db, char **cause)
{
	Store *store = store_open(db, cause);

	if (store != NULL || !cli_unwritable(db))
		return store;
	free(*cause);
	*cause = NULL;
	store = store_open_readonly(db, cause);
	if (store != NULL)
		cli_error(_("note: the database %s is read-only; it is read as it is and this "
		            "export is not noted in its log"),
		          db);
	return store;
}

int
cli_with_store(const char *db, int (*run)(Store *store, const void *arg), const void *arg)
{
	char *db_default = NULL, *cause = NULL;
	Store *store;
	int status = 1;

	if (db == NULL)
		db = db_default = cli_default_db_path();
	if (access(db, F_OK) != 0) {
		cli_error(_("there is no database at %s"), db);
	} else if ((store = cli_open_for_reading(db, &cause)) == NULL) {
		cli_error("%s", cause);
		free(cause);
	} else {
		status = run(store, arg);
		store_close(store);
	}
	free(db_default);
	return status;
}

void
cli_print_diag(const Diag *diag, const char *prefix)
{
	for (int i = 0; i < diag->n; i++) {
		const DiagEntry *e = &diag->entries[i];
		if (e->line > 0)
			cli_error("%s%s:%d:%d: %s", prefix, e->file, e->line, e->column,
			          e->message);
		else if (e->file != NULL && e->file[0] != '\0')
			cli_error("%s%s: %s", prefix, e->file, e->message);
		else
			cli_error("%s%s", prefix, e->message); /* about the data as a whole */
	}
}
