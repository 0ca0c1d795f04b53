/*
 * kiosk.h: the kiosk's window and main loop. The platform knows nothing of
 * what is shown: it opens a window and the Gfx that draws in it, and its
 * loop turns SDL events into actions (input.h) and calls the application
 * through a KioskApp table. The loop sleeps in SDL_WaitEventTimeout and
 * draws only when something changed.
 */
#ifndef ANKETA_KIOSK_H
#define ANKETA_KIOSK_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "action.h"
#include "gfx.h"

typedef struct Kiosk Kiosk;

typedef struct {
	bool windowed; /* a window that closes as windows do, not the full screen */
	int width;     /* 0: the desktop size (full screen) or 1280x800 windowed */
	int height;
	const char *assets_dir; /* the fonts (assets/fonts) and pictures */
	bool trace;             /* print a line for every frame on stdout */
} KioskWindowOptions;

/*
 * The application's side of the loop. Every function is called on the main
 * thread with the ctx pointer given to kiosk_run(); now is a monotonic clock
 * in milliseconds.
 */
typedef struct {
	/* Advances time; true when something changed and a frame is due. */
	bool (*tick)(void *ctx, uint64_t now);
	/* Milliseconds until tick() has something to do, or -1 for never. */
	int64_t (*deadline)(void *ctx, uint64_t now);
	/* Handles one action of the user; false once the kiosk is to close. */
	bool (*handle)(void *ctx, const Action *action, uint64_t now);
	/* Draws a frame with the kiosk's Gfx; returns the name of what it drew
	 * (for the trace). */
	const char *(*draw)(void *ctx);
	/* When idle after a frame: prepares what is likely to be drawn next. */
	void (*rehearse)(void *ctx);
	/* Once, when the first frame is on screen: start-up work that could
	 * wait until then. True when another frame is due. */
	bool (*first_frame)(void *ctx);
	/* Writes the trace fields (" key=value") of the frame just drawn. */
	void (*trace)(void *ctx, FILE *out);
} KioskApp;

/*
 * Opens the window (full screen at the desktop size, or a window of the
 * options' size) and the Gfx drawing in it, with the fonts of assets_dir.
 * Returns NULL and sets *cause (one sentence; the caller frees it) when
 * there is no display, the window cannot be opened or no font loads. It
 * starts SDL's video: one kiosk per process.
 */
Kiosk *kiosk_open(const KioskWindowOptions *options, char **cause);

/* The Gfx drawing in the kiosk's window; the kiosk owns it. */
Gfx *kiosk_gfx(Kiosk *kiosk);

/* Why kiosk_run() returned. */
typedef enum {
	KIOSK_END_APP,         /* app->handle() said so (its way out, SIGTERM) */
	KIOSK_END_WINDOW_GONE, /* another program destroyed the window (xwatch.h) */
} KioskEnd;

/*
 * Runs the loop until app->handle() returns false (the window was closed,
 * SIGTERM, SIGINT, SIGHUP or SIGQUIT, or the application's own way out) or the
 * window is destroyed from outside. Prints "anketa: ready"
 * once the first frame is shown, switches to full screen then, and with the trace option one line
 * per frame: "anketa: frame N screen=NAME draw_us=T" and the application's trace fields.
 */
KioskEnd kiosk_run(Kiosk *kiosk, const KioskApp *app, void *ctx);

/*
 * Shows message (one sentence: why the kiosk cannot start) in a simple
 * message box titled "Anketa: ...", for whoever started the kiosk from the
 * desktop and sees no terminal; returns once it is closed. Call it with no
 * kiosk open (kiosk_close() first), so that no full-screen window hides it.
 * Does nothing where no display can be reached.
 */
void kiosk_alert(const char *message);

/* Closes the window and stops SDL; NULL is allowed. Whatever else uses SDL
 * (the voice) must be freed before. */
void kiosk_close(Kiosk *kiosk);

#endif
