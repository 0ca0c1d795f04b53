/*
 * kiosk.c: the window, the event loop and the wiring of store, surveys,
 * session and screens. The loop sleeps in SDL_WaitEventTimeout and draws
 * only when something changed.
 */
#include "kiosk.h"

#include <SDL.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "input.h"
#include "ui.h"
#include "util.h"

typedef struct {
	SDL_Window *window;
	SDL_Renderer *renderer;
	Store *store;
	SurveySet surveys;
	Program **programs; /* the programme files, for the results screen */
	int n_programs;
	Session *session;
	Ui ui;
	bool trace;
	bool fullscreen; /* switch to full screen after the first frame */
	bool read_aloud; /* --read-aloud, applied once the voice is there */
	bool dirty;      /* draw again (set by kiosk_draw for the next round) */
	bool rehearse;   /* a frame was shown: rehearse the next screen when idle */
	unsigned long frames;
} Kiosk;

/* Splits "a,b,c" into the battery and configures the preset session. */
static int
kiosk_preset(Kiosk *k, const KioskOptions *o)
{
	char *copy = xstrdup(o->run), *save = NULL;
	const char *ids[32];
	int n = 0, rc;
	char *cause = NULL;

	for (char *id = strtok_r(copy, ",", &save); id && n < 32; id = strtok_r(NULL, ",", &save))
		ids[n++] = id;
	rc = session_configure(k->session, o->wave ? o->wave : "start", o->class_name,
	                       o->audience ? o->audience : "student", ids, n, &cause);
	if (rc != 0) {
		cli_error("%s", cause);
		free(cause);
	}
	free(copy);
	return rc;
}

static int
kiosk_open_window(Kiosk *k, const KioskOptions *o)
{
	SDL_DisplayMode mode;
	Uint32 flags = SDL_WINDOW_SHOWN;
	int w = o->width ? o->width : 1280, h = o->height ? o->height : 800;

	k->fullscreen = !o->windowed;
	if (!o->windowed) {
		/* Without a window manager only a window created at the desktop
		 * size covers the screen. */
		if (SDL_GetDesktopDisplayMode(0, &mode) == 0)
			w = mode.w, h = mode.h;
		flags |= SDL_WINDOW_BORDERLESS;
	}
	k->window = SDL_CreateWindow("Anketa", o->windowed ? SDL_WINDOWPOS_CENTERED : 0,
	                             o->windowed ? SDL_WINDOWPOS_CENTERED : 0, w, h, flags);
	if (k->window == NULL)
		return -1;
	k->renderer = SDL_CreateRenderer(k->window, -1, SDL_RENDERER_PRESENTVSYNC);
	if (k->renderer == NULL)
		k->renderer = SDL_CreateRenderer(k->window, -1, 0);
	return k->renderer ? 0 : -1;
}

static void
kiosk_draw(Kiosk *k)
{
	const char *name = ui_screen(session_phase(k->session))->name;
	Uint64 start = SDL_GetPerformanceCounter(), took;

	ui_draw(&k->ui);
	SDL_RenderPresent(k->renderer);
	took = (SDL_GetPerformanceCounter() - start) * 1000000 / SDL_GetPerformanceFrequency();
	k->frames++;
	if (k->frames == 1) {
		printf("anketa: ready\n");
		fflush(stdout);
		/* Full screen only now: asking the window manager for it can take
		 * a tenth of a second (with none, SDL waits that long for an answer),
		 * and the borderless window already covers the desktop meanwhile. */
		if (k->fullscreen)
			SDL_SetWindowFullscreen(k->window, SDL_WINDOW_FULLSCREEN_DESKTOP);
		/* The voice too waits for the first frame: it loads espeak-ng's
		 * data, which a kiosk with no sound card never needs. */
		k->ui.speech = speech_create("ru");
		k->ui.read_aloud = k->read_aloud && k->ui.speech != NULL;
		if (k->ui.speech != NULL)
			k->dirty = true; /* the speaker buttons can appear now */
	}
	if (k->trace) {
		printf("anketa: frame %lu screen=%s draw_us=%lu", k->frames, name,
		       (unsigned long)took);
		if (session_error(k->session) != NULL)
			printf(" error=1");
		if (session_phase(k->session) == PHASE_QUESTION)
			printf(" survey=%s question=%d", session_survey(k->session)->id,
			       session_question_index(k->session) + 1);
		for (int i = 0; i < k->ui.n_targets; i++) {
			GfxRect r = k->ui.targets[i].rect;
			printf(" target=%d,%d,%d,%d", r.x + r.w / 2, r.y + r.h / 2, r.w, r.h);
		}
		printf("\n");
	}
	fflush(stdout);
}

static void
kiosk_loop(Kiosk *k)
{
	k->dirty = true;
	while (!k->ui.quit) {
		SDL_Event ev;
		int64_t wait;
		Action action;

		k->ui.now = SDL_GetTicks64();
		if (session_tick(k->session, k->ui.now)) {
			ui_follow(&k->ui);
			k->dirty = true;
		}
		if (k->dirty) {
			k->dirty = false;
			kiosk_draw(k); /* may ask for one more frame */
			k->rehearse = true;
		}
		/* After a frame, unless the user is already at it: render the
		 * text of the screen that comes next now, rather than in its
		 * first frame. Window events (the switch to full screen after
		 * the first frame) may wait that long. */
		if (k->rehearse && !input_waiting()) {
			k->rehearse = false;
			ui_rehearse(&k->ui);
			/* What the frame and the rehearsal freed (text dropped
			 * from the cache, a picture scaled anew) goes back to the
			 * system before the kiosk sleeps; it takes tens of
			 * microseconds. */
			if (!k->dirty)
				malloc_trim(0);
		}
		wait = k->dirty ? 0 : session_next_deadline(k->session, k->ui.now);
		if (wait < 0 || wait > 60000)
			wait = 60000;
		if (!SDL_WaitEventTimeout(&ev, (int)wait))
			continue;
		do {
			k->ui.now = SDL_GetTicks64();
			if (input_translate(&ev, &action)) {
				ui_handle(&k->ui, &action);
				k->dirty = true;
			} else if (input_needs_redraw(&ev)) {
				k->dirty = true;
			}
		} while (SDL_PollEvent(&ev));
	}
}

/* The programme files of surveys_dir/programs (none is fine); a broken one
 * stops the kiosk like a broken survey. */
static int
kiosk_load_programs(Kiosk *k, const char *surveys_dir)
{
	char *dir = xasprintf("%s/programs", surveys_dir);
	Diag diag = { 0 };
	int failed = program_load_dir(dir, &k->surveys, &k->programs, &k->n_programs, &diag);

	diag_print(&diag, stderr);
	diag_clear(&diag);
	free(dir);
	return failed > 0 ? -1 : 0;
}

static int
kiosk_setup(Kiosk *k, const KioskOptions *o)
{
	char *cause = NULL;
	Diag diag = { 0 };
	int left;

	k->store = store_open(o->db_path, &cause);
	if (k->store == NULL || store_sittings_abandon_open(k->store, &left, &cause) != 0) {
		cli_error("%s", cause);
		free(cause);
		return -1;
	}
	/* A broken survey file stops the kiosk: a psychologist must see the
	 * message before children sit down, not find a questionnaire missing. */
	if (survey_set_load_dir(&k->surveys, o->surveys_dir, &diag) != 0) {
		diag_print(&diag, stderr);
		diag_clear(&diag);
		return -1;
	}
	if (kiosk_load_programs(k, o->surveys_dir) != 0)
		return -1;
	k->session = session_create(k->store, &k->surveys);
	session_require_code(k->session, o->require_code);
	if (o->run != NULL && kiosk_preset(k, o) != 0)
		return -1;
	return 0;
}

/* False when there is no display to show the kiosk on: SDL would fall back
 * to a driver that shows nothing and the kiosk would run unseen. Chosen on
 * purpose (SDL_VIDEODRIVER, as the screen tests do), any driver is fine. */
static bool
kiosk_has_screen(void)
{
	const char *display = getenv("DISPLAY"), *wayland = getenv("WAYLAND_DISPLAY");

	return getenv("SDL_VIDEODRIVER") != NULL || (display != NULL && display[0] != '\0') ||
	       (wayland != NULL && wayland[0] != '\0');
}

static int
kiosk_start_video(Kiosk *k, const KioskOptions *o)
{
	char *cause = NULL;
	char *assets = xasprintf("%s/assets", util_data_dir());

	SDL_SetHint(SDL_HINT_VIDEO_X11_NET_WM_BYPASS_COMPOSITOR, "0");
	/* A full-screen kiosk is not closed from the keyboard (Alt+F4): only
	 * the psychologist's menu or a signal (SDL turns SIGTERM into SDL_QUIT)
	 * ends it. A window (--windowed) closes as windows do. */
	if (!o->windowed)
		SDL_SetHint(SDL_HINT_QUIT_ON_LAST_WINDOW_CLOSE, "0");
	if (!kiosk_has_screen()) {
		cli_error(_("there is no screen to show the kiosk on: start it in the graphical "
		            "session (DISPLAY is not set)"));
		free(assets);
		return -1;
	}
	if (SDL_Init(SDL_INIT_VIDEO) != 0 || kiosk_open_window(k, o) != 0) {
		cli_error(_("cannot open the screen: %s"), SDL_GetError());
		free(assets);
		return -1;
	}
	k->ui.gfx = gfx_create(k->renderer,
	                       getenv("ANKETA_ASSETS") ? getenv("ANKETA_ASSETS") : assets, &cause);
	free(assets);
	if (k->ui.gfx == NULL) {
		cli_error("%s", cause);
		free(cause);
		return -1;
	}
	SDL_StartTextInput();
	k->ui.spoken = -1;
	k->read_aloud = o->read_aloud;
	return 0;
}

/* kiosk_setup() on a worker thread: the database and the surveys load while
 * SDL opens the window, which is most of the time to the first frame. */
typedef struct {
	Kiosk *kiosk;
	const KioskOptions *options;
} KioskSetupJob;

static int
kiosk_setup_thread(void *arg)
{
	KioskSetupJob *job = arg;

	return kiosk_setup(job->kiosk, job->options);
}

/* Sets up storage and surveys and the screen side by side; 0 when both worked. */
static int
kiosk_start(Kiosk *k, const KioskOptions *o)
{
	KioskSetupJob job = { k, o };
	SDL_Thread *worker = SDL_CreateThread(kiosk_setup_thread, "setup", &job);
	int setup = -1, video;

	if (worker == NULL)
		setup = kiosk_setup(k, o);
	video = kiosk_start_video(k, o);
	if (worker != NULL)
		SDL_WaitThread(worker, &setup);
	if (setup != 0 || video != 0)
		return -1;
	k->ui.session = k->session;
	k->ui.store = k->store;
	k->ui.surveys = &k->surveys;
	k->ui.programs = k->programs;
	k->ui.n_programs = k->n_programs;
	return 0;
}

/* The kiosk must stay small on an old PC (DESIGN.md: 40 MB), and glibc's
 * defaults trade memory for speed in ways a kiosk does not need: the setup
 * worker would get a malloc arena of its own that outlives it, and after
 * the first large block is freed, large blocks (rendered text, scaled
 * pictures) would come from the heap, where freed ones stay resident.
 * Fixed thresholds give them back to the system when they are freed. */
static void
kiosk_tune_malloc(void)
{
	mallopt(M_ARENA_MAX, 1);
	mallopt(M_MMAP_THRESHOLD, 128 * 1024);
	mallopt(M_TRIM_THRESHOLD, 128 * 1024);
}

int
kiosk_run(const KioskOptions *o)
{
	Kiosk k = { 0 };
	int status = 1;

	kiosk_tune_malloc();
	k.trace = getenv("ANKETA_TRACE") != NULL;
	if (kiosk_start(&k, o) == 0) {
		kiosk_loop(&k);
		status = 0;
	}
	if (k.session != NULL)
		session_reset(k.session);
	speech_free(k.ui.speech);
	gfx_free(k.ui.gfx);
	ui_set_message(&k.ui, NULL);
	if (k.renderer)
		SDL_DestroyRenderer(k.renderer);
	if (k.window)
		SDL_DestroyWindow(k.window);
	SDL_Quit();
	session_free(k.session);
	ui_report_clear(&k.ui);
	for (int i = 0; i < k.n_programs; i++)
		program_free(k.programs[i]);
	free(k.programs);
	survey_set_free(&k.surveys);
	store_close(k.store);
	return status;
}
