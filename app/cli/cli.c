/*
 * cli.c: what every sub-command shares: the table's dispatch, the shared
 * options, usage lines, default paths and error lines.
 */
#include "cli.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "util.h"

/* The name getopt_long() starts its messages with, as cli_error() does. */
static char cli_program[] = "anketa";

/* The options several entries share, by their CliEntry.shared flag. */
static const struct {
	unsigned flag;
	struct option option;
} cli_shared[] = {
	{ CLI_DB, { "db", required_argument, NULL, 'd' } },
	{ CLI_SURVEYS, { "surveys", required_argument, NULL, 's' } },
	{ CLI_SCHOOL, { "school", required_argument, NULL, 'S' } },
};

enum { CLI_N_SHARED = sizeof cli_shared / sizeof cli_shared[0] };

/* The entry named word; the nameless one when word names none. */
static const CliEntry *
cli_find(const CliEntry *const *table, const char *word)
{
	const CliEntry *nameless = NULL;

	for (int i = 0; table[i] != NULL; i++) {
		if (table[i]->name == NULL)
			nameless = table[i];
		else if (word != NULL && strcmp(word, table[i]->name) == 0)
			return table[i];
	}
	return nameless;
}

/* Columns a UTF-8 string takes on a terminal: one per character. */
static int
cli_columns(const char *s)
{
	int n = 0;

	for (; *s != '\0'; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/* Prints "PREFIXLEADanketa NAME " and e's usage, each further line of it
 * starting with PREFIX and set under the first line's text. */
static void
cli_usage_entry(FILE *out, const char *prefix, const char *lead, const CliEntry *e)
{
	const char *line = _(e->usage);
	int indent = cli_columns(lead) + cli_columns("anketa ");
	size_t len;

	if (e->name != NULL)
		indent += cli_columns(e->name) + 1;
	fprintf(out, "%s%sanketa %s%s", prefix, lead, e->name ? e->name : "", e->name ? " " : "");
	for (;;) {
		len = strcspn(line, "\n");
		fprintf(out, "%.*s\n", (int)len, line);
		if (line[len] == '\0')
			break;
		line += len + 1;
		fprintf(out, "%s%*s", prefix, indent, "");
	}
}

/* Prints the usage of e. The nameless entry's is the whole program's, every
 * entry in the table's order; a command's, on stderr, is error lines. */
static void
cli_usage(const CliEntry *const *table, const CliEntry *e, FILE *out)
{
	const char *lead = _("usage: ");
	char pad[64];

	if (e->name != NULL) {
		cli_usage_entry(out, out == stderr ? "anketa: " : "", lead, e);
		return;
	}
	snprintf(pad, sizeof pad, "%*s", cli_columns(lead), "");
	for (int i = 0; table[i] != NULL; i++)
		cli_usage_entry(out, "", i == 0 ? lead : pad, table[i]);
}

/* The long options e takes (shared, its own, --help), in a new array. */
static struct option *
cli_longopts(const CliEntry *e)
{
	size_t own = 0, n = 0;
	struct option *opts;

	while (e->options != NULL && e->options[own].name != NULL)
		own++;
	opts = xcalloc(CLI_N_SHARED + own + 2, sizeof *opts);
	for (size_t i = 0; i < CLI_N_SHARED; i++)
		if (e->shared & cli_shared[i].flag)
			opts[n++] = cli_shared[i].option;
	for (size_t i = 0; i < own; i++)
		opts[n++] = e->options[i];
	opts[n] = (struct option){ "help", no_argument, NULL, 'h' };
	return opts;
}

/* Keeps one option getopt_long() returned; -1 for one it refused. */
static int
cli_keep(CliArgs *args, int c, const char *arg)
{
	if (c == 'd')
		args->db = arg;
	else if (c == 's')
		args->surveys = arg;
	else if (c == 'S')
		args->school = arg;
	else if (c > 0 && c < 128 && c != '?')
		args->values[c] = arg != NULL ? arg : "";
	else
		return -1;
	return 0;
}

/* What the options leave to check: the operands, a --school without a
 * name. Returns -1 when e may run, else the exit status (already said). */
static int
cli_check(const CliEntry *const *table, const CliEntry *e, CliArgs *args)
{
	if (e->name == NULL && args->argc > 0) {
		cli_error(_("unknown command: %s"), args->argv[0]);
		cli_usage(table, e, stderr);
		return 2;
	}
	if (args->argc < e->min_args || (e->max_args >= 0 && args->argc > e->max_args)) {
		cli_usage(table, e, stderr);
		return 2;
	}
	if (args->school != NULL && args->school[0] == '\0') {
		cli_error(_("--school wants the name of a school"));
		return 2;
	}
	if ((e->shared & CLI_SURVEYS) && args->surveys == NULL)
		args->surveys = cli_default_surveys_dir();
	return -1;
}

/* Parses e's options and operands from argv (argv[0] is not one) into
 * args. Returns -1 when e may run, else the exit status: 0 after --help,
 * 2 after a usage error (both already printed). */
static int
cli_parse(const CliEntry *const *table, const CliEntry *e, int argc, char **argv, CliArgs *args)
{
	struct option *longopts = cli_longopts(e);
	int c, status = -1;

	optind = 0; /* a fresh scan, whatever parsed argv before */
	while (status < 0 && (c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		if (c == 'h') {
			cli_usage(table, e, stdout);
			if (e->help != NULL)
				fputs(_(e->help), stdout);
			status = 0;
		} else if (cli_keep(args, c, optarg) != 0) {
			cli_usage(table, e, stderr);
			status = 2;
		}
	}
	free(longopts);
	if (status >= 0)
		return status;
	args->argc = argc - optind;
	args->argv = argv + optind;
	return cli_check(table, e, args);
}

int
cli_main(const CliEntry *const *table, int argc, char **argv)
{
	const CliEntry *e = cli_find(table, argc > 1 ? argv[1] : NULL);
	int skip = e->name != NULL; /* a command's arguments follow its name */
	char **words = xcalloc((size_t)argc + 1, sizeof *words);
	CliArgs args = { 0 };
	int status;

	memcpy(words, argv + skip, (size_t)(argc - skip) * sizeof *words);
	words[0] = cli_program;
	status = cli_parse(table, e, argc - skip, words, &args);
	if (status < 0)
		status = e->run(&args);
	free(words);
	return status;
}

const char *
cli_value(const CliArgs *args, int key)
{
	return key > 0 && key < 128 ? args->values[key] : NULL;
}

bool
cli_flag(const CliArgs *args, int key)
{
	return cli_value(args, key) != NULL;
}

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

ProgressBar *
cli_progress_new(bool to_stdout)
{
	struct winsize size = { 0 };

	if (!isatty(STDERR_FILENO) || (to_stdout && isatty(STDOUT_FILENO)))
		return NULL;
	if (ioctl(STDERR_FILENO, TIOCGWINSZ, &size) != 0)
		size.ws_col = 0; /* progressbar_new() takes 80 then */
	return progressbar_new(stderr, size.ws_col);
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
	Store *store = store_open_existing(db, cause);

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
