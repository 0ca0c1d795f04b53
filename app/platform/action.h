/*
 * action.h: input as data. app/platform/input.c turns each SDL event the
 * kiosk cares about into one Action; the screens handle Actions and never
 * see an event, so they are driven the same way by a keyboard, a touch
 * screen or a test. Plain values, no dependencies.
 */
#ifndef ANKETA_ACTION_H
#define ANKETA_ACTION_H

typedef enum {
	ACTION_NONE,
	ACTION_CHOOSE, /* index: 0-based option (keys 1-9 or a click on a button) */
	ACTION_NEXT,   /* Enter */
	ACTION_BACK,   /* Backspace or Left */
	ACTION_TEXT,   /* text: UTF-8 typed */
	ACTION_CLICK,  /* x, y: a click or touch, resolved through the targets */
	ACTION_FOCUS,  /* index: a text field was clicked */
	ACTION_MENU,   /* the psychologist's key (F10) or the corner button */
	ACTION_CANCEL, /* Escape */
	ACTION_SPEAK,  /* Space or the speaker button: read the screen aloud */
	ACTION_QUIT,   /* the window was closed */
} ActionType;

typedef struct {
	ActionType type;
	int index;
	int x, y;
	char text[32];
} Action;

#endif
