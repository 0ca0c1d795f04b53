/*
 * screen_pin.c: the psychologist's PIN, typed or tapped on a keypad.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui.h"
#include "util.h"

static void
pin_draw_dots(Ui *ui, int y)
{
	int n = session_pin_length(ui->session), r = ui_px(ui, 14), step = ui_px(ui, 44);
	int x = (ui->width - 7 * step) / 2 + step / 2;

	for (int i = 0; i < 8; i++)
		gfx_fill_circle(ui->gfx, x + i * step, y, r, i < n ? UI_PRIMARY : UI_BADGE);
}

static void
pin_draw_keypad(Ui *ui, GfxRect area)
{
	static const char *const keys[12] = { "1", "2", "3", "4", "5", "6",
		                              "7", "8", "9", "",  "0", "\u232b" };
	int kw = area.w / 3, kh = area.h / 4, gap = ui_px(ui, 10);

	for (int i = 0; i < 12; i++) {
		GfxRect r = { area.x + (i % 3) * kw + gap / 2, area.y + (i / 3) * kh + gap / 2,
			      kw - gap, kh - gap };
		Action a = { .type = ACTION_TEXT };
		if (keys[i][0] == '\0')
			continue;
		if (i == 11)
			a = (Action){ .type = ACTION_BACK }; /* erase the last digit */
		else
			snprintf(a.text, sizeof a.text, "%s", keys[i]);
		widget_button(ui, r, 0, keys[i], NULL, BUTTON_NORMAL, a);
	}
}

/* In place of the digits while no PIN is checked: how long is left, second
 * by second, and, once digits were typed meanwhile, why they were not
 * taken. */
static void
pin_draw_wait(Ui *ui)
{
	GfxRect line = { ui_px(ui, 80), ui_px(ui, 116), ui->width - ui_px(ui, 160), ui_px(ui, 72) };
	int wait = session_pin_wait_s(ui->session, ui->now);
	char *text =
	    session_pin_typed_while_waiting(ui->session)
	        ? xasprintf(_("Digits are not taken during the wait: the next PIN can be "
	                      "typed in %d s."),
	                    wait)
	        : xasprintf(_("Too many wrong PINs. The next one can be typed in %d s."), wait);

	widget_text_box(ui, text, line, ui_px(ui, 28), ui_px(ui, 14), true, UI_ERROR, 1, true);
	free(text);
}

/* What the screen asks for, by the step of the PIN. */
static const char *
pin_title(const Ui *ui)
{
	switch (session_pin_step(ui->session)) {
	case PIN_STEP_NEW:
		return _("First start: choose a PIN of 4 to 8 digits for the psychologist");
	case PIN_STEP_AGAIN:
		return _("Type the same PIN once more");
	default:
		return _("School psychologist: enter the PIN");
	}
}

static void
pin_draw(Ui *ui)
{
	int w = ui->width, h = ui->height;
	GfxRect title = { ui_px(ui, 80), ui_px(ui, 40), w - ui_px(ui, 160), ui_px(ui, 70) };
	GfxRect pad = { (w - ui_px(ui, 420)) / 2, ui_px(ui, 200), ui_px(ui, 420),
		        h - ui_px(ui, 340) };
	GfxRect cancel = ui_footer(ui, LAYOUT_LEFT, 32, 240);
	GfxRect ok = ui_footer(ui, LAYOUT_RIGHT, 32, 240);
	SessionPinStep step = session_pin_step(ui->session);

	widget_text_box(ui, pin_title(ui), title, ui_px(ui, 40), ui_px(ui, 20), true, UI_TEXT, 1,
	                true);
	if (session_pin_wait_s(ui->session, ui->now) > 0)
		pin_draw_wait(ui);
	else
		pin_draw_dots(ui, ui_px(ui, 150));
	pin_draw_keypad(ui, pad);
	/* Without a PIN the kiosk has nowhere to go back to; while typing a
	 * new PIN again, "back" is to the first time. */
	if (session_pin_exists(ui->session) || step == PIN_STEP_AGAIN)
		widget_button(ui, cancel, 0, step == PIN_STEP_AGAIN ? _("Back") : _("Cancel"), NULL,
		              BUTTON_NORMAL, (Action){ .type = ACTION_CANCEL });
	widget_button(ui, ok, 0,
	              step == PIN_STEP_NEW     ? _("Next")
	              : step == PIN_STEP_AGAIN ? _("Save the PIN")
	                                       : _("Enter"),
	              NULL, BUTTON_PRIMARY, (Action){ .type = ACTION_NEXT });
}

/* The notice after Enter, by what it did. */
static void
pin_say(Ui *ui, SessionPinResult rc)
{
	switch (rc) {
	case SESSION_PIN_OPENED:
	case SESSION_PIN_CREATED:
	case SESSION_PIN_AGAIN:
		ui_set_message(ui, NULL);
		break;
	case SESSION_PIN_WRONG:
		ui_set_message(ui, _("Wrong PIN. Try again."));
		break;
	case SESSION_PIN_DIFFERENT:
		ui_set_message(ui, _("The two PINs differ. Choose a PIN again."));
		break;
	case SESSION_PIN_LOCKED: /* the countdown in place of the digits says it */
		ui_set_message(ui, NULL);
		break;
	default:
		ui_set_message(ui, _("Choose a PIN of 4 to 8 digits."));
		break;
	}
}

static void
pin_handle(Ui *ui, const Action *a)
{
	switch (a->type) {
	case ACTION_TEXT:
		session_type(ui->session, a->text, ui->now);
		break;
	case ACTION_BACK:
		session_erase(ui->session, ui->now);
		break;
	case ACTION_CANCEL:
		ui_set_message(ui, NULL);
		session_cancel(ui->session, ui->now);
		break;
	case ACTION_NEXT:
		pin_say(ui, session_pin_submit(ui->session, ui->now));
		break;
	default:
		break;
	}
}

static void
pin_enter(Ui *ui)
{
	ui_set_message(ui, NULL);
}

/* The menu the PIN opens: its many buttons' text is ready while the PIN is
 * typed. */
static void
pin_rehearse(Ui *ui)
{
	screen_menu.draw(ui);
}

const struct screen screen_pin = {
	.name = "pin",
	.enter = pin_enter,
	.handle = pin_handle,
	.draw = pin_draw,
	.rehearse = pin_rehearse,
	.banner = LAYOUT_BANNER_IN_FOOTER,
};
