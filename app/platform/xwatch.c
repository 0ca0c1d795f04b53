/*
 * xwatch.c: the kiosk's X11 window destroyed from outside (see xwatch.h).
 */
#include "xwatch.h"

#include <SDL.h>
#include <SDL_syswm.h>
#include <X11/Xlib.h>

/* What is watched. Xlib's error handler is one per process and gets no
 * context, so the watch is too. */
static Window xwatch_window;
static int (*xwatch_previous)(Display *, XErrorEvent *);
static bool xwatch_destroyed;

/* An X error about the watched window means it is gone (the server has
 * destroyed it under us): noted, not fatal. Once it is gone the kiosk only
 * closes, and SDL's requests about the window and what it drew with (its
 * position, its graphics context) fail on the way: those are expected.
 * Before that, any error goes to the handler before (SDL's, then Xlib's). */
static int
xwatch_error(Display *display, XErrorEvent *error)
{
	if (xwatch_window != 0 && error->resourceid == xwatch_window)
		xwatch_destroyed = true;
	if (xwatch_destroyed)
		return 0;
	return xwatch_previous != NULL ? xwatch_previous(display, error) : 0;
}

/* Sees every event as SDL queues it, while it goes on reading the X
 * events: DestroyNotify is known before SDL handles what follows it. */
static int
xwatch_filter(void *arg, SDL_Event *event)
{
	(void)arg;
	xwatch_event(event);
	return 1;
}

void
xwatch_prepare(void)
{
	/* Before SDL, so that SDL's own handler hands every error on to this
	 * one, also while SDL closes its connections, where it puts back the
	 * handler it found. */
	if (xwatch_previous == NULL)
		xwatch_previous = XSetErrorHandler(xwatch_error);
}

void
xwatch_start(SDL_Window *window)
{
	SDL_SysWMinfo info;

	SDL_VERSION(&info.version);
	if (!SDL_GetWindowWMInfo(window, &info) || info.subsystem != SDL_SYSWM_X11)
		return;
	xwatch_window = info.info.x11.window;
	/* The X events themselves, to see DestroyNotify. */
	SDL_EventState(SDL_SYSWMEVENT, SDL_ENABLE);
	SDL_AddEventWatch(xwatch_filter, NULL);
}

bool
xwatch_event(const SDL_Event *event)
{
	if (event->type == SDL_SYSWMEVENT && event->syswm.msg->subsystem == SDL_SYSWM_X11) {
		const XEvent *x = &event->syswm.msg->msg.x11.event;
		if (x->type == DestroyNotify && x->xdestroywindow.window == xwatch_window)
			xwatch_destroyed = true;
	}
	return xwatch_destroyed;
}

bool
xwatch_gone(void)
{
	return xwatch_destroyed;
}
