/*
 * cmd_kiosk.c: `anketa` with no sub-command starts the kiosk. This is its
 * wiring: it opens the store, loads the surveys and programme files, sets up
 * the session (preset from the command line), says on stderr what stops the
 * kiosk, and hands the UI (ui_app) to the platform's window and loop.
 */
#include <malloc.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "kiosk.h"
#include "ui.h"
#include "util.h"

typedef struct {
	Store *store;
	SurveySet surveys;
	Program **programs; /* the programme files, for the results screen */
	int n_programs;
	ProgramWave *waves; /* all programmes' waves (program_waves_union()), for the menu */
	int n_waves;
	Session *session;
	Kiosk *kiosk;
	Ui ui;
	bool read_aloud; /* --read-aloud, or the set-up restored */
	/* Why the start failed, one sentence each (NULL: that part worked): the
	 * storage and files (set up on a worker thread) and the window. */
	char *setup_failure;
	char *window_failure;
} CmdKiosk;

/* Says on stderr why the kiosk cannot start and keeps the sentence for the
 * message box (the first one said, when there are several); takes cause. */
static void
cmd_kiosk_fail(char **failure, char *cause)
{
	cli_error("%s", cause);
	if (*failure == NULL)
		*failure = cause;
	else
		free(cause);
}

/* Prints every problem of diag and keeps the first, with how many more
 * there are, for the message box. */
static void
cmd_kiosk_fail_diag(CmdKiosk *k, Diag *diag)
{
	char *first = diag_first_line(diag);

	diag_print(diag, stderr);
	if (first != NULL && k->setup_failure == NULL)
		k->setup_failure = diag->n > 1
		                       ? xasprintf(_("%s (and %d more problems: see anketa check)"),
		                                   first, diag->n - 1)
		                       : xstrdup(first);
	free(first);
	diag_clear(diag);
}

/* The preset's wave: --wave, which must be one of the programmes' waves
 * when there are programmes; without it, their first wave. NULL (said)
 * when neither gives one. */
static const char *
cmd_kiosk_preset_wave(CmdKiosk *k, const KioskOptions *o)
{
	bool known = o->wave != NULL && k->n_waves == 0;

	for (int i = 0; o->wave != NULL && i < k->n_waves; i++)
		known |= strcmp(k->waves[i].id, o->wave) == 0;
	if (known)
		return o->wave;
	if (o->wave == NULL && k->n_waves > 0)
		return k->waves[0].id;
	if (o->wave == NULL) {
		cmd_kiosk_fail(
		    &k->setup_failure,
		    xstrdup(_("--wave W is needed: no programme file in surveys/programs "
		              "names the waves")));
	} else {
		char *list = xstrdup(""), *next;
		for (int i = 0; i < k->n_waves; i++) {
			next = xasprintf("%s%s%s", list, i ? ", " : "", k->waves[i].id);
			free(list);
			list = next;
		}
		cmd_kiosk_fail(
		    &k->setup_failure,
		    xasprintf(_("no programme has the wave %s; the waves are: %s"), o->wave, list));
		free(list);
	}
	return NULL;
}

/* Splits "a,b,c" into the battery and configures the preset session. */
static int
cmd_kiosk_preset(CmdKiosk *k, const KioskOptions *o)
{
	char *copy = xstrdup(o->run), *save = NULL;
	const char *ids[32], *wave = cmd_kiosk_preset_wave(k, o);
	int n = 0, rc;
	char *cause = NULL;

	if (wave == NULL) {
		free(copy);
		return -1;
	}
	for (char *id = strtok_r(copy, ",", &save); id && n < 32; id = strtok_r(NULL, ",", &save))
		ids[n++] = id;
	rc = session_configure(k->session, wave, o->class_name,
	                       o->audience ? o->audience : "student", ids, n, &cause);
	if (rc != 0)
		cmd_kiosk_fail(&k->setup_failure, cause);
	free(copy);
	return rc;
}

/* Without a preset, the set-up the psychologist last started a session
 * with (a restart, a power cut); one that no longer fits is said on stderr
 * and the kiosk starts unconfigured. */
static void
cmd_kiosk_restore(CmdKiosk *k, const KioskOptions *o)
{
	char *cause = NULL;
	bool read_aloud = false;

	if (session_restore_setup(k->session, &read_aloud, &cause) < 0) {
		cli_error(_("the last set-up was not restored: %s"), cause);
		free(cause);
		return;
	}
	k->read_aloud = o->read_aloud || read_aloud;
	if (o->require_code)
		session_require_code(k->session, true);
}

/* The programme files of surveys_dir/programs (none is fine); a broken one
 * stops the kiosk like a broken survey. */
static int
cmd_kiosk_load_programs(CmdKiosk *k, const char *surveys_dir)
{
	char *dir = xasprintf("%s/programs", surveys_dir);
	Diag diag = { 0 };
	int failed = program_load_dir(dir, &k->surveys, &k->programs, &k->n_programs, &diag);

	if (failed > 0)
		cmd_kiosk_fail_diag(k, &diag);
	diag_print(&diag, stderr); /* what is left: warnings of a file that loaded */
	diag_clear(&diag);
	free(dir);
	return failed > 0 ? -1 : 0;
}

/* The store, the surveys, the programmes and the session. */
static int
cmd_kiosk_setup(CmdKiosk *k, const KioskOptions *o)
{
	char *cause = NULL;
	Diag diag = { 0 };
	int left;

	/* One kiosk per database: a second one stops here, before it writes
	 * anything. Holding the lock, this kiosk knows that a sitting still in
	 * progress belongs to a kiosk that is gone, and closes it. */
	k->store = store_open(o->db_path, &cause);
	if (k->store == NULL || store_lock_kiosk(k->store, &cause) != 0 ||
	    store_sittings_abandon_open(k->store, &left, &cause) != 0) {
		cmd_kiosk_fail(&k->setup_failure, cause);
		return -1;
	}
	/* A broken survey file stops the kiosk: a psychologist must see the
	 * message before children sit down, not find a questionnaire missing. */
	if (survey_set_load_dir(&k->surveys, o->surveys_dir, &diag) != 0) {
		cmd_kiosk_fail_diag(k, &diag);
		return -1;
	}
	if (cmd_kiosk_load_programs(k, o->surveys_dir) != 0)
		return -1;
	k->waves = program_waves_union(k->programs, k->n_programs, &k->n_waves);
	k->session = session_create(k->store, &k->surveys);
	session_require_code(k->session, o->require_code);
	if (o->idle_seconds > 0)
		session_set_idle(k->session, (uint64_t)o->idle_seconds * 1000);
	if (o->run != NULL)
		return cmd_kiosk_preset(k, o);
	cmd_kiosk_restore(k, o);
	return 0;
}

/* cmd_kiosk_setup() on a worker thread: the database and the surveys load
 * while the window opens, which is most of the time to the first frame. */
typedef struct {
	CmdKiosk *kiosk;
	const KioskOptions *options;
	int status;
} CmdKioskSetup;

static void *
cmd_kiosk_setup_thread(void *arg)
{
	CmdKioskSetup *job = arg;

	job->status = cmd_kiosk_setup(job->kiosk, job->options);
	return NULL;
}

/* The window, with the assets of $ANKETA_ASSETS or the data directory. */
static int
cmd_kiosk_open(CmdKiosk *k, const KioskOptions *o)
{
	char *assets = xasprintf("%s/assets", util_data_dir()), *cause = NULL;
	KioskWindowOptions window = {
		.windowed = o->windowed,
		.width = o->width,
		.height = o->height,
		.assets_dir = getenv("ANKETA_ASSETS") ? getenv("ANKETA_ASSETS") : assets,
		.trace = getenv("ANKETA_TRACE") != NULL,
	};

	k->kiosk = kiosk_open(&window, &cause);
	free(assets);
	if (k->kiosk == NULL) {
		cmd_kiosk_fail(&k->window_failure, cause);
		return -1;
	}
	return 0;
}

/* Sets up storage and surveys and opens the window side by side, then
 * gives the UI what it shows; 0 when both worked. */
static int
cmd_kiosk_start(CmdKiosk *k, const KioskOptions *o)
{
	CmdKioskSetup job = { k, o, -1 };
	pthread_t worker;
	bool threaded = pthread_create(&worker, NULL, cmd_kiosk_setup_thread, &job) == 0;
	int window;

	if (!threaded)
		job.status = cmd_kiosk_setup(k, o);
	window = cmd_kiosk_open(k, o);
	if (threaded)
		pthread_join(worker, NULL);
	if (job.status != 0 || window != 0)
		return -1;
	k->ui.gfx = kiosk_gfx(k->kiosk);
	k->ui.session = k->session;
	k->ui.store = k->store;
	k->ui.surveys = &k->surveys;
	k->ui.programs = k->programs;
	k->ui.n_programs = k->n_programs;
	k->ui.waves = k->waves;
	k->ui.n_waves = k->n_waves;
	k->ui.read_aloud = k->read_aloud || o->read_aloud;
	k->ui.spoken = -1;
	screen_menu_load(&k->ui);
	return 0;
}

/* The kiosk must stay small on an old PC (DESIGN.md: 40 MB), and glibc's
 * defaults trade memory for speed in ways a kiosk does not need: the setup
 * worker would get a malloc arena of its own that outlives it, and after
 * the first large block is freed, large blocks (rendered text, scaled
 * pictures) would come from the heap, where freed ones stay resident.
 * Fixed thresholds give them back to the system when they are freed. */
static void
cmd_kiosk_tune_malloc(void)
{
	mallopt(M_ARENA_MAX, 1);
	mallopt(M_MMAP_THRESHOLD, 128 * 1024);
	mallopt(M_TRIM_THRESHOLD, 128 * 1024);
}

int
cmd_kiosk(const KioskOptions *o)
{
	CmdKiosk k = { 0 };
	int status = 1;

	cmd_kiosk_tune_malloc();
	if (cmd_kiosk_start(&k, o) == 0) {
		/* A window destroyed from outside ends the kiosk like SIGTERM:
		 * status 0, the open sitting closed as abandoned below. */
		if (kiosk_run(k.kiosk, &ui_app, &k.ui) == KIOSK_END_WINDOW_GONE)
			cli_error(_("the kiosk's window was closed by another program; the open "
			            "sitting is closed as abandoned"));
		status = 0;
	}
	/* The open sitting is closed before anything it needs goes. */
	if (k.session != NULL)
		session_reset(k.session);
	ui_release(&k.ui);
	kiosk_close(k.kiosk);
	/* Started from the desktop, nobody reads stderr: the reason is shown
	 * too, once the window is gone. */
	if (status != 0)
		kiosk_alert(k.setup_failure ? k.setup_failure : k.window_failure);
	free(k.setup_failure);
	free(k.window_failure);
	session_free(k.session);
	for (int i = 0; i < k.n_programs; i++)
		program_free(k.programs[i]);
	free(k.programs);
	free(k.waves);
	survey_set_free(&k.surveys);
	store_close(k.store);
	return status;
}

static int
cmd_kiosk_parse_size(const char *text, int *width, int *height)
{
	char *x, *end;
	long w = strtol(text, &x, 10), h = 0;

	end = x;
	if (*x == 'x')
		h = strtol(x + 1, &end, 10);
	if (*x != 'x' || *end != '\0' || w < 320 || h < 240 || w > 16384 || h > 16384)
		return -1;
	*width = (int)w;
	*height = (int)h;
	return 0;
}

/* --idle SECONDS: a whole number of seconds up to a day. */
static int
cmd_kiosk_parse_idle(const char *text, int *seconds)
{
	char *end;
	long n = strtol(text, &end, 10);

	if (end == text || *end != '\0' || n < 1 || n > 86400)
		return -1;
	*seconds = (int)n;
	return 0;
}

static int
cmd_kiosk_exec(const CliArgs *args)
{
	KioskOptions o = {
		.db_path = args->db,
		.surveys_dir = args->surveys,
		.windowed = cli_flag(args, 'w'),
		.wave = cli_value(args, 'W'),
		.class_name = cli_value(args, 'c'),
		.audience = cli_value(args, 'a'),
		.run = cli_value(args, 'r'),
		.read_aloud = cli_flag(args, 'R'),
		.require_code = cli_flag(args, 'C'),
	};
	const char *size = cli_value(args, 'z'), *idle = cli_value(args, 'i');
	char *db = NULL;
	int status;

	if (size != NULL && cmd_kiosk_parse_size(size, &o.width, &o.height) != 0) {
		cli_error(_("--size wants WIDTHxHEIGHT, for example 1280x800"));
		return 2;
	}
	if (idle != NULL && cmd_kiosk_parse_idle(idle, &o.idle_seconds) != 0) {
		cli_error(_("--idle wants a number of seconds from 1 to 86400, for example 120"));
		return 2;
	}
	if (o.db_path == NULL)
		o.db_path = db = cli_default_db_path();
	status = cmd_kiosk(&o);
	free(db);
	return status;
}

static const struct option cmd_kiosk_options[] = {
	{ "windowed", no_argument, NULL, 'w' },       { "size", required_argument, NULL, 'z' },
	{ "wave", required_argument, NULL, 'W' },     { "class", required_argument, NULL, 'c' },
	{ "audience", required_argument, NULL, 'a' }, { "run", required_argument, NULL, 'r' },
	{ "read-aloud", no_argument, NULL, 'R' },     { "require-code", no_argument, NULL, 'C' },
	{ "idle", required_argument, NULL, 'i' },     { NULL, 0, NULL, 0 },
};

/* `anketa [OPTIONS]`: the kiosk, which begins the program's usage. */
const CliEntry cmd_kiosk_entry = {
	.usage = N_("[--db FILE] [--surveys DIR] [--windowed] [--size WxH]\n"
	            "[--wave W --class C --audience A --run ID[,ID...]] [--read-aloud]\n"
	            "[--require-code] [--idle SECONDS]"),
	.shared = CLI_DB | CLI_SURVEYS,
	.options = cmd_kiosk_options,
	.run = cmd_kiosk_exec,
};
