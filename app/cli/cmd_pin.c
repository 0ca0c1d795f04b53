/*
 * cmd_pin.c: `anketa pin --db FILE` sets the psychologist's PIN, read from
 * standard input: when the database has a PIN, first the current one (a
 * line), checked like the kiosk checks it (pinlock.h: counted, audited,
 * refused while the PIN screen would wait); then the new one, asked twice
 * without echo at a terminal, read once from a pipe.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "cli.h"
#include "pinlock.h"
#include "store.h"
#include "util.h"

/* Reads one line into buf (without its line end); -1 at end of input. */
static int
read_line(const char *prompt, char *buf, size_t size)
{
	bool tty = isatty(STDIN_FILENO);
	struct termios old, quiet;
	char *got;

	if (tty) {
		fputs(prompt, stderr);
		tcgetattr(STDIN_FILENO, &old);
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
	}
	got = fgets(buf, (int)size, stdin);
	if (tty) {
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
		fputc('\n', stderr);
	}
	if (got == NULL)
		return -1;
	buf[strcspn(buf, "\r\n")] = '\0';
	return 0;
}

/* The new PIN from stdin; at a terminal it must be typed twice alike. */
static int
read_pin(char *pin, size_t size, char **cause)
{
	char again[64];

	if (read_line(_("New PIN (4 to 8 digits): "), pin, size) != 0) {
		*cause = xasprintf(_("no PIN was given on the standard input"));
		return -1;
	}
	if (!store_pin_valid(pin)) {
		*cause = xasprintf(_("the PIN must be 4 to 8 digits"));
		return -1;
	}
	if (isatty(STDIN_FILENO) &&
	    (read_line(_("The same PIN again: "), again, sizeof again) != 0 ||
	     strcmp(again, pin) != 0)) {
		*cause = xasprintf(_("the two PINs differ; nothing was changed"));
		return -1;
	}
	return 0;
}

/* Replacing a PIN takes the current one first: read and checked here. */
static int
check_old_pin(Store *store, char **cause)
{
	char old[64];
	int wait_s = 0, rc = -1;

	if (read_line(_("Current PIN: "), old, sizeof old) != 0) {
		*cause = xasprintf(_("no PIN was given on the standard input"));
		return -1;
	}
	switch (pinlock_check(store, old, util_wall_seconds(), &wait_s, cause)) {
	case PINLOCK_MATCH:
	case PINLOCK_NO_PIN:
		rc = 0;
		break;
	case PINLOCK_WRONG:
		*cause = xstrdup(_("the current PIN is wrong; nothing was changed"));
		break;
	case PINLOCK_LOCKED:
		*cause =
		    xasprintf(_("too many wrong PINs: the next one is checked in %d s; nothing "
		                "was changed"),
		              wait_s);
		break;
	default:
		break; /* *cause says what went wrong */
	}
	explicit_bzero(old, sizeof old);
	return rc;
}

static int
cmd_pin_exec(const CliArgs *args)
{
	const char *db = args->db;
	char *db_default = NULL, *cause = NULL, pin[64];
	Store *store = NULL;
	int status = 1;

	if (db == NULL)
		db = db_default = cli_default_db_path();
	store = store_open(db, &cause);
	if (store == NULL || (store_pin_exists(store) && check_old_pin(store, &cause) != 0) ||
	    read_pin(pin, sizeof pin, &cause) != 0 || store_pin_set(store, pin, &cause) != 0)
		goto fail;
	fputs(_("The PIN is set.\n"), stdout);
	status = 0;
	goto done;
fail:
	cli_error("%s", cause);
	free(cause);
done:
	explicit_bzero(pin, sizeof pin);
	store_close(store);
	free(db_default);
	return status;
}

const CliEntry cmd_pin_entry = {
	.name = "pin",
	.usage = N_("--db FILE"),
	.shared = CLI_DB,
	.run = cmd_pin_exec,
};
