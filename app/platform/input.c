/*
 * input.c: keyboard contract of DESIGN.md section 5, and mouse/touch.
 */
#include "input.h"

#include <SDL.h>
#include <stdio.h>
#include <string.h>

static bool
input_key(const SDL_KeyboardEvent *key, Action *a)
{
	SDL_Keycode sym = key->keysym.sym;

	/* Keys held with Ctrl, Alt or the Windows key are the window manager's
	 * (Ctrl+Alt+arrow, Alt+Space, Alt+F4): a kiosk that holds the keyboard
	 * gets them, and they must not count as an arrow or a Space. */
	if (key->keysym.mod & (KMOD_CTRL | KMOD_ALT | KMOD_GUI))
		return false;
	if (sym >= SDLK_1 && sym <= SDLK_9) {
		*a = (Action){ .type = ACTION_CHOOSE, .index = (int)(sym - SDLK_1) };
		return true;
	}
	if (sym >= SDLK_KP_1 && sym <= SDLK_KP_9) {
		*a = (Action){ .type = ACTION_CHOOSE, .index = (int)(sym - SDLK_KP_1) };
		return true;
	}
	switch (sym) {
	case SDLK_RETURN:
	case SDLK_KP_ENTER:
	case SDLK_RIGHT:
		*a = (Action){ .type = ACTION_NEXT, .index = sym == SDLK_RIGHT };
		return true;
	case SDLK_BACKSPACE:
		*a = (Action){ .type = ACTION_BACK, .index = 0 };
		return true;
	case SDLK_LEFT:
	case SDLK_PAGEUP:
		*a = (Action){ .type = ACTION_BACK, .index = 1 };
		return true;
	case SDLK_PAGEDOWN:
		*a = (Action){ .type = ACTION_NEXT, .index = 1 };
		return true;
	case SDLK_ESCAPE:
		*a = (Action){ .type = ACTION_CANCEL };
		return true;
	case SDLK_F10:
		*a = (Action){ .type = ACTION_MENU };
		return true;
	case SDLK_SPACE:
		*a = (Action){ .type = ACTION_SPEAK };
		return true;
	default:
		return false;
	}
}

bool
input_translate(const SDL_Event *ev, Action *a)
{
	switch (ev->type) {
	case SDL_QUIT:
		*a = (Action){ .type = ACTION_QUIT };
		return true;
	case SDL_KEYDOWN:
		return input_key(&ev->key, a);
	case SDL_TEXTINPUT:
		*a = (Action){ .type = ACTION_TEXT };
		snprintf(a->text, sizeof a->text, "%s", ev->text.text);
		return true;
	case SDL_MOUSEBUTTONUP:
		if (ev->button.button != SDL_BUTTON_LEFT || ev->button.which == SDL_TOUCH_MOUSEID)
			return false;
		*a = (Action){ .type = ACTION_CLICK, .x = ev->button.x, .y = ev->button.y };
		return true;
	case SDL_FINGERUP: {
		SDL_Window *w = SDL_GetMouseFocus();
		int ww = 0, wh = 0;
		if (w == NULL)
			return false;
		SDL_GetWindowSize(w, &ww, &wh);
		*a = (Action){ .type = ACTION_CLICK,
			       .x = (int)(ev->tfinger.x * (float)ww),
			       .y = (int)(ev->tfinger.y * (float)wh) };
		return true;
	}
	default:
		return false;
	}
}

bool
input_needs_redraw(const SDL_Event *ev)
{
	return ev->type == SDL_WINDOWEVENT && (ev->window.event == SDL_WINDOWEVENT_EXPOSED ||
	                                       ev->window.event == SDL_WINDOWEVENT_SIZE_CHANGED);
}

bool
input_waiting(void)
{
	/* The event types input_translate() makes actions of. */
	SDL_PumpEvents();
	return SDL_HasEvent(SDL_QUIT) || SDL_HasEvent(SDL_KEYDOWN) || SDL_HasEvent(SDL_TEXTINPUT) ||
	       SDL_HasEvent(SDL_MOUSEBUTTONUP) || SDL_HasEvent(SDL_FINGERUP);
}
