/*
 * cli.h: the sub-commands of DESIGN.md section 5, one file each (cmd_*.c).
 *
 * Each takes the arguments after its own name (argv[0] is the sub-command),
 * prints errors as one line each on stderr and returns the process exit
 * status: 0 on success, 1 for invalid input, 2 for a usage error.
 */
#ifndef ANKETA_CLI_H
#define ANKETA_CLI_H

#include <stdbool.h>

#include "diag.h"
#include "store.h"

int cmd_check(int argc, char **argv);
int cmd_import(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_merge(int argc, char **argv);
int cmd_pin(int argc, char **argv);
int cmd_classes(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_sheet(int argc, char **argv);
int cmd_school(int argc, char **argv);

/* The shipped surveys directory: $ANKETA_SURVEYS, else the source tree's
 * surveys/. Never NULL; the string is static. */
const char *cli_default_surveys_dir(void);

/* The default database: $XDG_DATA_HOME/anketa/anketa.db, else
 * ~/.local/share/anketa/anketa.db. The caller frees the result. */
char *cli_default_db_path(void);

/*
 * Opens the existing database at db (the default one when NULL), calls
 * run(store, arg) and closes it; for the commands that only read (export,
 * report): a database that cannot be written is opened read-only, with a
 * note. A missing or unreadable database is one error line and status 1;
 * otherwise run's status is returned.
 */
int cli_with_store(const char *db, int (*run)(Store *store, const void *arg), const void *arg);

/* Prints every entry of diag as one "anketa: PREFIXfile:line:column: ..."
 * line on stderr. */
void cli_print_diag(const Diag *diag, const char *prefix);

/* Prints "anketa: " and a formatted line to stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* `anketa` with no sub-command: the kiosk (cmd_kiosk.c). */
typedef struct {
	const char *db_path;
	const char *surveys_dir;
	bool windowed;
	int width; /* 0: the desktop size (full screen) or 1280x800 windowed */
	int height;
	const char *wave; /* preset session; all NULL when not preset */
	const char *class_name;
	const char *audience;
	const char *run;   /* comma-separated survey ids */
	bool read_aloud;   /* read every question aloud (needs a sound card) */
	bool require_code; /* refuse an empty respondent code */
} KioskOptions;

/*
 * Opens the store, loads the surveys and the programme files, sets up the
 * session (preset when options->run is set) and runs the kiosk until it is
 * closed. Each problem is one line on stderr; returns the process exit
 * status: 0 when the kiosk was closed, 1 when it could not start.
 */
int cmd_kiosk(const KioskOptions *options);

#endif
