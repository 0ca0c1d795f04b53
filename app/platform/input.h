/*
 * input.h: SDL events turned into the UI's small actions (the only place
 * that knows about keys and mouse buttons).
 */
#ifndef ANKETA_INPUT_H
#define ANKETA_INPUT_H

#include <stdbool.h>

#include "action.h"

union SDL_Event;

/* Fills *action for an event the screens care about; false for any other. */
bool input_translate(const union SDL_Event *event, Action *action);

/* True for events that change what is on screen without being input
 * (window exposed or resized). */
bool input_needs_redraw(const union SDL_Event *event);

/* True when input that may be an action (a key, a click, a touch) waits in
 * SDL's queue; mouse motion and window events do not count. */
bool input_waiting(void);

#endif
