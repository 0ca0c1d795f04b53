/*
 * cli.h: the command line (DESIGN.md section 5) as a table of entries, one
 * per sub-command (cmd_*.c, tmux's cmd_entry), plus the kiosk, which is what
 * `anketa` runs without a command word. The options several commands share
 * (--db, --surveys, --school) and --help are parsed here, once; each entry
 * lists those it takes, its own options and its usage, and the usage of the
 * whole program is printed from the table.
 *
 * An entry's run function gets the parsed arguments, prints errors as one
 * line each on stderr and returns the process exit status: 0 on success,
 * 1 for invalid input, 2 for a usage error.
 */
#ifndef ANKETA_CLI_H
#define ANKETA_CLI_H

#include <getopt.h>
#include <stdbool.h>

#include "diag.h"
#include "progressbar.h"
#include "store.h"

/* The shared options an entry takes (CliEntry.shared). */
enum {
	CLI_DB = 1 << 0,      /* --db FILE */
	CLI_SURVEYS = 1 << 1, /* --surveys DIR */
	CLI_SCHOOL = 1 << 2,  /* --school NAME */
};

/* What the command line gave an entry. */
typedef struct {
	const char *db;          /* --db FILE, or NULL: the default database */
	const char *surveys;     /* --surveys DIR, else cli_default_surveys_dir() */
	const char *school;      /* --school NAME, never empty; or NULL */
	const char *values[128]; /* the entry's own options by key: cli_value() */
	int argc;                /* the operands, in their order */
	char **argv;
} CliArgs;

typedef struct {
	/* The word after "anketa"; NULL for the kiosk, which runs when no
	 * command word is given. */
	const char *name;
	/* N_(): what follows "anketa NAME" in a usage line; '\n' starts
	 * another line, printed under the first. */
	const char *usage;
	/* N_(): lines --help prints after the usage, each ending in '\n'; or
	 * NULL. */
	const char *help;
	unsigned shared; /* the shared options it takes: CLI_DB | ... */
	/* Its own long options, ending in a zeroed one, or NULL. Each .val is
	 * the key its value is found by: an ASCII letter, not one of the
	 * shared options' d, s, S or h. */
	const struct option *options;
	int min_args, max_args; /* operands it takes; max_args -1: any number */
	int (*run)(const CliArgs *args);
} CliEntry;

extern const CliEntry cmd_kiosk_entry; /* `anketa [OPTIONS]`: the kiosk */
extern const CliEntry cmd_check_entry;
extern const CliEntry cmd_import_entry;
extern const CliEntry cmd_export_entry;
extern const CliEntry cmd_merge_entry;
extern const CliEntry cmd_pin_entry;
extern const CliEntry cmd_classes_entry;
extern const CliEntry cmd_report_entry;
extern const CliEntry cmd_sheet_entry;
extern const CliEntry cmd_school_entry;
extern const CliEntry cmd_enter_entry;

/*
 * Runs the command line argv against table (NULL-terminated, exactly one
 * entry without a name). A first argument that names an entry runs that
 * entry on the rest; otherwise the nameless entry runs on all of them.
 * Parses the options, checks the number of operands and returns the
 * entry's exit status. A usage error is status 2 with the entry's usage on
 * stderr, --help status 0 with it on stdout; the nameless entry's usage is
 * the whole program's: every entry's, in the table's order.
 */
int cli_main(const CliEntry *const *table, int argc, char **argv);

/* The value of the entry's own option key ("" for one that takes none), or
 * NULL when it was not given; the last one given counts. */
const char *cli_value(const CliArgs *args, int key);

/* True when the entry's own option key was given. */
bool cli_flag(const CliArgs *args, int key);

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

/*
 * The progress line of a long command (progressbar.h), on stderr: made only
 * when stderr is a terminal, and not when the command's output goes to that
 * screen too (to_stdout: it writes its table to stdout, and stdout is a
 * terminal). Otherwise NULL, and nothing extra is ever printed, so scripts
 * and logs see what they saw before. The caller erases it
 * (progressbar_clear()) before printing anything and frees it with
 * progressbar_free().
 */
ProgressBar *cli_progress_new(bool to_stdout);

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
	int idle_seconds;  /* --idle: 0 for the default (SESSION_IDLE_MS) */
} KioskOptions;

/*
 * Opens the store, loads the surveys and the programme files, sets up the
 * session (preset when options->run is set) and runs the kiosk until it is
 * closed. Each problem is one line on stderr; returns the process exit
 * status: 0 when the kiosk was closed, 1 when it could not start.
 */
int cmd_kiosk(const KioskOptions *options);

#endif
