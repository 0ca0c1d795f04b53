/*
 * xwatch.h: notices when another program destroys the kiosk's X11 window
 * (`xdotool windowclose`, a window manager killing it). SDL 2.26 does not:
 * its next request on the window fails with an X error, and Xlib's default
 * handler prints it and exits the process, the open sitting left open.
 * With the watch, the window's end is an event the loop sees, and the
 * errors about the gone window are expected and kept quiet. Under any
 * other video driver it watches nothing.
 */
#ifndef ANKETA_XWATCH_H
#define ANKETA_XWATCH_H

#include <stdbool.h>

struct SDL_Window;
union SDL_Event;

/* Puts the watch's X error handler in place: before SDL_Init(), which puts
 * its own over it and hands every error on to it. */
void xwatch_prepare(void);

/* Starts watching window (one window per process). */
void xwatch_start(struct SDL_Window *window);

/* Looks at an event the loop got; true once the window is known gone
 * (its DestroyNotify, or an X error about it). */
bool xwatch_event(const union SDL_Event *event);

/* True once the window is known gone. */
bool xwatch_gone(void);

#endif
