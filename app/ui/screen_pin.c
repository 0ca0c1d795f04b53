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
		                              "7", "8", "9", "",  "0", "" };
	int kw = area.w / 3, kh = area.h / 4, gap = ui_px(ui, 10);

	for (int i = 0; i < 12; i++) {
		GfxRect r = { area.x + (i % 3) * kw + gap / 2, area.y + (i / 3) * kh + gap / 2,
			      kw - gap, kh - gap };
		Action a = { .type = ACTION_TEXT };
		if (keys[i][0] == '\0')
			continue;
		snprintf(a.text, sizeof a.text, "%s", keys[i]);
		widget_button(ui, r, 0, keys[i], NULL, BUTTON_NORMAL, a);
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

	widget_text_box(ui,
	                session_pin_exists(ui->session)
	                    ? _("School psychologist: enter the PIN")
	                    : _("First start: choose a PIN of 4 to 8 digits for the psychologist"),
	                title, ui_px(ui, 40), ui_px(ui, 20), true, UI_TEXT, 1, true);
	pin_draw_dots(ui, ui_px(ui, 150));
	pin_draw_keypad(ui, pad);
	widget_button(ui, cancel, 0, _("Cancel"), NULL, BUTTON_NORMAL,
	              (Action){ .type = ACTION_CANCEL });
	widget_button(ui, ok, 0, _("Enter"), NULL, BUTTON_PRIMARY, (Action){ .type = ACTION_NEXT });
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
		session_cancel(ui->session, ui->now);
		break;
	case ACTION_NEXT: {
		int rc = session_pin_submit(ui->session, ui->now);
		if (rc >= 1) {
			ui_set_message(ui, NULL);
		} else if (rc == 0) {
			ui_set_message(ui, _("Wrong PIN. Try again."));
		} else if (rc == -2) {
			char *text =
			    xasprintf(_("Too many wrong PINs. The next one is checked in %d s."),
			              session_pin_wait_s(ui->session, ui->now));
			ui_set_message(ui, text);
			free(text);
		} else {
			ui_set_message(ui, _("Choose a PIN of 4 to 8 digits."));
		}
		break;
	}
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
