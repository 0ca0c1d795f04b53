/*
 * kiosk.c: the window and the event loop. The loop sleeps in
 * SDL_WaitEventTimeout and draws only when something changed.
 */
#include "kiosk.h"

#include <SDL.h>
#include <malloc.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input.h"
#include "xwatch.h"
#include "util.h"

struct Kiosk {
	SDL_Window *window;
	SDL_Renderer *renderer;
	Gfx *gfx;
	bool trace;
	bool fullscreen; /* switch to full screen after the first frame */
	bool switch_due; /* the first frame is shown: switch before any input */
	bool settling;   /* the frame after the switch: rehearse even with input waiting */
	bool dirty;      /* draw again (set by kiosk_draw for the next round) */
	bool rehearse;   /* a frame was shown: rehearse the next screen when idle */
	unsigned long frames;
};

static int
kiosk_open_window(Kiosk *k, const KioskWindowOptions *o)
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
	/* Full screen, the kiosk holds the keyboard while it has the focus:
	 * the window manager's keys (Alt+Tab, Ctrl+Alt+arrow, Alt+Space)
	 * reach the kiosk, which ignores them, instead of raising another
	 * window, switching desktops or opening the window menu. Only the
	 * psychologist's menu, behind the PIN, leaves the kiosk. SDL would
	 * let go of the keyboard at Alt+Tab by minimising, unless told not to. */
	if (!o->windowed) {
		SDL_SetHint(SDL_HINT_ALLOW_ALT_TAB_WHILE_GRABBED, "0");
		SDL_SetWindowKeyboardGrab(k->window, SDL_TRUE);
	}
	k->renderer = SDL_CreateRenderer(k->window, -1, SDL_RENDERER_PRESENTVSYNC);
	if (k->renderer == NULL)
		k->renderer = SDL_CreateRenderer(k->window, -1, 0);
	return k->renderer ? 0 : -1;
}

/* True when the session names a display (X11 or Wayland). */
static bool
kiosk_display_named(void)
{
	const char *display = getenv("DISPLAY"), *wayland = getenv("WAYLAND_DISPLAY");

	return (display != NULL && display[0] != '\0') || (wayland != NULL && wayland[0] != '\0');
}

/* True when SDL_VIDEODRIVER chooses a driver that shows nothing (the screen
 * tests' dummy). */
static bool
kiosk_invisible_on_purpose(void)
{
	const char *driver = getenv("SDL_VIDEODRIVER");

	return driver != NULL && (strcmp(driver, "dummy") == 0 || strcmp(driver, "offscreen") == 0);
}

/* False when there is no display to show the kiosk on: SDL would fall back
 * to a driver that shows nothing and the kiosk would run unseen. Chosen on
 * purpose (SDL_VIDEODRIVER, as the screen tests do), any driver is fine. */
static bool
kiosk_has_screen(void)
{
	return getenv("SDL_VIDEODRIVER") != NULL || kiosk_display_named();
}

/* Unless a driver is chosen by name, SDL tries only the display systems
 * the session names: with DISPLAY set but its X server gone it would fall
 * back to a driver that shows nothing (and Wayland's probe would print its
 * own complaint). */
static void
kiosk_choose_driver(void)
{
	const char *wayland = getenv("WAYLAND_DISPLAY");

	if (getenv("SDL_VIDEODRIVER") == NULL)
		SDL_SetHint(SDL_HINT_VIDEODRIVER,
		            wayland != NULL && wayland[0] != '\0' ? "wayland,x11" : "x11");
}

/* False when SDL, given no driver by name, still runs one that shows
 * nothing. */
static bool
kiosk_visible_driver(void)
{
	const char *driver = SDL_GetCurrentVideoDriver();

	if (getenv("SDL_VIDEODRIVER") != NULL)
		return true;
	return driver != NULL && strcmp(driver, "offscreen") != 0 && strcmp(driver, "dummy") != 0;
}

/* SIGHUP or SIGQUIT: passed on as SIGTERM, which SDL's own handler turns
 * into SDL_QUIT (raise() may be called in a signal handler; SDL's handler
 * only notes the signal for the next round of the loop). */
static void
kiosk_on_quit_signal(int sig)
{
	(void)sig;
	raise(SIGTERM);
}

/*
 * SDL turns SIGINT and SIGTERM into SDL_QUIT, so the application closes the
 * open sitting and stops cleanly. A hang-up (the session or terminal that
 * started it went away) and SIGQUIT must do the same rather than kill the
 * kiosk with the sitting left open. A signal the kiosk was started
 * ignoring (nohup) stays ignored; without SDL's handler (a hint turned it
 * off) nothing changes.
 */
static void
kiosk_quit_signals(void)
{
	static const int more[] = { SIGHUP, SIGQUIT };
	struct sigaction term, old, sa = { .sa_handler = kiosk_on_quit_signal };

	if (sigaction(SIGTERM, NULL, &term) != 0 || term.sa_handler == SIG_DFL ||
	    term.sa_handler == SIG_IGN)
		return;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof more / sizeof more[0]; i++) {
		if (sigaction(more[i], NULL, &old) == 0 && old.sa_handler == SIG_DFL)
			sigaction(more[i], &sa, NULL);
	}
}

Kiosk *
kiosk_open(const KioskWindowOptions *o, char **cause)
{
	Kiosk *k = xcalloc(1, sizeof *k);

	SDL_SetHint(SDL_HINT_VIDEO_X11_NET_WM_BYPASS_COMPOSITOR, "0");
	/* A full-screen kiosk is not closed from the keyboard (Alt+F4): only
	 * the psychologist's menu or a signal (SIGTERM, SIGINT, SIGHUP, SIGQUIT:
	 * kiosk_quit_signals) ends it. A window (--windowed) closes as windows do. */
	if (!o->windowed)
		SDL_SetHint(SDL_HINT_QUIT_ON_LAST_WINDOW_CLOSE, "0");
	kiosk_choose_driver();
	xwatch_prepare();
	if (!kiosk_has_screen() || SDL_Init(SDL_INIT_VIDEO) != 0 || !kiosk_visible_driver()) {
		*cause = xstrdup(_("there is no screen to show the kiosk on: start it in the "
		                   "graphical session"));
		goto fail;
	}
	if (kiosk_open_window(k, o) != 0) {
		*cause = xasprintf(_("cannot open the screen: %s"), SDL_GetError());
		goto fail;
	}
	kiosk_quit_signals();
	k->gfx = gfx_create(k->renderer, o->assets_dir, cause);
	if (k->gfx == NULL)
		goto fail;
	SDL_StartTextInput();
	xwatch_start(k->window);
	k->trace = o->trace;
	return k;
fail:
	kiosk_close(k);
	return NULL;
}

Gfx *
kiosk_gfx(Kiosk *k)
{
	return k->gfx;
}

static void
kiosk_draw(Kiosk *k, const KioskApp *app, void *ctx)
{
	Uint64 start = SDL_GetPerformanceCounter(), took;
	const char *name = app->draw(ctx);

	SDL_RenderPresent(k->renderer);
	took = (SDL_GetPerformanceCounter() - start) * 1000000 / SDL_GetPerformanceFrequency();
	k->frames++;
	if (k->frames == 1) {
		printf("anketa: ready\n");
		fflush(stdout);
		k->switch_due = k->fullscreen;
		if (app->first_frame(ctx))
			k->dirty = true;
	}
	if (k->trace) {
		printf("anketa: frame %lu screen=%s draw_us=%lu", k->frames, name,
		       (unsigned long)took);
		app->trace(ctx, stdout);
		printf("\n");
	}
	fflush(stdout);
}

/* A click on the kiosk gives it the keyboard back if another window took
 * it (the message box of a second kiosk, with no window manager to hand
 * the focus back when that window goes). */
static void
kiosk_claim_focus(Kiosk *k, const SDL_Event *ev)
{
	if (ev->type == SDL_MOUSEBUTTONDOWN &&
	    (SDL_GetWindowFlags(k->window) & SDL_WINDOW_INPUT_FOCUS) == 0)
		SDL_SetWindowInputFocus(k->window);
}

/* Hands every event waiting (ev and those queued after it) to the
 * application; false once it asked to close. */
static bool
kiosk_dispatch(Kiosk *k, const KioskApp *app, void *ctx, SDL_Event *ev)
{
	bool running = true;
	Action action;

	do {
		if (xwatch_event(ev))
			return false; /* the window is gone: nothing more can be shown */
		kiosk_claim_focus(k, ev);
		if (input_translate(ev, &action)) {
			if (!app->handle(ctx, &action, SDL_GetTicks64()))
				running = false;
			k->dirty = true;
		} else if (input_needs_redraw(ev)) {
			k->dirty = true;
		}
	} while (SDL_PollEvent(ev));
	return running;
}

/*
 * Full screen only after the first frame: asking the window manager for it
 * can take a tenth of a second (with none, SDL waits that long for an
 * answer), and the borderless window already covers the desktop meanwhile.
 * SDL then replaces the window's image, so the frame after the switch
 * writes megabytes of new pages: that frame is the same screen drawn again,
 * right away, before any key or click is handled, and the screen likely to
 * come next is rehearsed after it even when a key is already waiting, so
 * that the first screen a respondent brings up (the code screen after an
 * early Enter) costs what a redraw costs rather than paying for the switch.
 */
static void
kiosk_switch_to_full_screen(Kiosk *k)
{
	k->switch_due = false;
	SDL_SetWindowFullscreen(k->window, SDL_WINDOW_FULLSCREEN_DESKTOP);
	SDL_PumpEvents(); /* the renderer hears of the new window image now */
	k->dirty = true;
	k->settling = true;
}

KioskEnd
kiosk_run(Kiosk *k, const KioskApp *app, void *ctx)
{
	bool running = true;

	k->dirty = true;
	while (running) {
		SDL_Event ev;
		uint64_t now = SDL_GetTicks64();
		int64_t wait;

		if (app->tick(ctx, now))
			k->dirty = true;
		if (k->dirty) {
			k->dirty = false;
			kiosk_draw(k, app, ctx); /* may ask for one more frame */
			k->rehearse = true;
		}
		if (k->switch_due) {
			kiosk_switch_to_full_screen(k);
			continue; /* draw its frame before any input is taken */
		}
		/* After a frame, unless the user is already at it: prepare the
		 * screen that comes next now, rather than in its first frame.
		 * Window events (the switch to full screen after the first frame)
		 * may wait that long. */
		if (k->rehearse && (k->settling || !input_waiting())) {
			k->rehearse = false;
			k->settling = false;
			app->rehearse(ctx);
			/* What the frame and the rehearsal freed (text dropped
			 * from the cache, a picture scaled anew) goes back to the
			 * system before the kiosk sleeps; it takes tens of
			 * microseconds. */
			if (!k->dirty)
				malloc_trim(0);
		}
		wait = k->dirty ? 0 : app->deadline(ctx, now);
		if (wait < 0 || wait > 60000)
			wait = 60000;
		if (SDL_WaitEventTimeout(&ev, (int)wait))
			running = kiosk_dispatch(k, app, ctx, &ev);
		if (xwatch_gone())
			running = false;
	}
	return xwatch_gone() ? KIOSK_END_WINDOW_GONE : KIOSK_END_APP;
}

void
kiosk_close(Kiosk *k)
{
	if (k == NULL)
		return;
	gfx_free(k->gfx);
	if (k->renderer)
		SDL_DestroyRenderer(k->renderer);
	if (k->window)
		SDL_DestroyWindow(k->window);
	SDL_Quit();
	free(k);
}

/* The box's text from a cause: the first letter capital (causes are
 * written to follow "anketa: " on stderr), a full stop at the end, and a
 * line break at a space every 60 or so characters (the box does not wrap
 * and would grow wider than the screen). The caller frees it. */
static char *
kiosk_alert_text(const char *cause)
{
	size_t len = strlen(cause);
	char *text = xmalloc(len + 2), *space = NULL;
	unsigned char *u = (unsigned char *)text;
	int column = 0, after = 0; /* characters on the line, and after its last space */

	memcpy(text, cause, len + 1);
	if (u[0] >= 'a' && u[0] <= 'z')
		u[0] = (unsigned char)(u[0] - 'a' + 'A');
	else if (u[0] == 0xd0 && u[1] >= 0xb0 && u[1] <= 0xbf) /* а-п */
		u[1] = (unsigned char)(u[1] - 0x20);
	else if (u[0] == 0xd1 && u[1] >= 0x80 && u[1] <= 0x8f) /* р-я */
		u[0] = 0xd0, u[1] = (unsigned char)(u[1] + 0x20);
	for (char *p = text; *p != '\0'; p++) {
		if (((unsigned char)*p & 0xc0) == 0x80)
			continue; /* a character is counted by its first byte */
		column++;
		after++;
		if (*p == ' ')
			space = p, after = 0;
		if (column > 60 && space != NULL) {
			*space = '\n';
			column = after;
			space = NULL;
		}
	}
	if (len > 0 && text[len - 1] != '.')
		memcpy(text + len, ".", 2);
	return text;
}

void
kiosk_alert(const char *message)
{
	char *text;

	/* SDL shows a message box with a display connection of its own, also
	 * before or after SDL_Init(); without a display it fails, and stderr
	 * has said it already. */
	if (message == NULL || !kiosk_display_named() || kiosk_invisible_on_purpose())
		return;
	text = kiosk_alert_text(message);
	SDL_ShowSimpleMessageBox(SDL_MESSAGEBOX_ERROR, _("Anketa: cannot start"), text, NULL);
	free(text);
}
