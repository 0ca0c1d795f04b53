/*
 * widget.c: the few widgets the screens are made of. Drawing only: each
 * takes a rectangle and a state and reads nothing else.
 */
#include <stdio.h>
#include <string.h>

#include "ui.h"
#include "util.h"

/* A card: border colour around a fill, rounded. */
static void
widget_card(Ui *ui, UiRect r, GfxColor fill, GfxColor border)
{
	int radius = ui_px(ui, 18), line = ui_px(ui, 3) > 1 ? ui_px(ui, 3) : 1;

	gfx_card(ui->gfx, r, radius, line, fill, border);
}

/* The round key badge ("1", "2", ...) at (cx, cy), at most radius wide. */
static void
widget_badge(Ui *ui, int cx, int cy, int radius, int key, bool inverted)
{
	char digit[4];
	int size, w;

	if (radius > ui_px(ui, 24))
		radius = ui_px(ui, 24);
	size = radius * 7 / 6;

	snprintf(digit, sizeof digit, "%d", key);
	gfx_fill_circle(ui->gfx, cx, cy, radius, inverted ? UI_WHITE : UI_BADGE);
	w = gfx_text_width(ui->gfx, digit, strlen(digit), size, true);
	gfx_text(ui->gfx, digit, strlen(digit), size, true, inverted ? UI_CHOSEN : UI_PRIMARY_DARK,
	         cx - w / 2, cy - layout_line_height(size) / 2 + ui_px(ui, 2));
}

void
widget_button(Ui *ui, UiRect r, int key, const char *label, const char *picture, ButtonStyle style)
{
	GfxColor fill = style == BUTTON_CHOSEN    ? UI_CHOSEN
	                : style == BUTTON_PRIMARY ? UI_PRIMARY
	                                          : UI_CARD;
	GfxColor border = style == BUTTON_NORMAL ? UI_BORDER : fill;
	GfxColor ink = style == BUTTON_NORMAL ? UI_TEXT : UI_WHITE;
	int pad = ui_px(ui, 16);
	UiRect text = layout_inset(r, pad);

	widget_card(ui, r, fill, border);
	if (picture != NULL) {
		UiRect pic = { r.x + pad, r.y + pad, r.w - 2 * pad, r.h * 62 / 100 - pad };
		if (style == BUTTON_CHOSEN)
			gfx_fill_rounded(ui->gfx, pic, ui_px(ui, 14), UI_WHITE);
		gfx_picture(ui->gfx, picture, layout_inset(pic, ui_px(ui, 6)));
		text = (UiRect){ r.x + pad, pic.y + pic.h + pad / 2, r.w - 2 * pad,
			         r.y + r.h - pad - (pic.y + pic.h + pad / 2) };
		if (key > 0)
			widget_badge(ui, r.x + ui_px(ui, 34), r.y + ui_px(ui, 34), ui_px(ui, 24),
			             key, style == BUTTON_CHOSEN);
	} else if (key > 0) {
		widget_badge(ui, r.x + ui_px(ui, 44), r.y + r.h / 2, r.h * 36 / 100, key,
		             style == BUTTON_CHOSEN);
		text.x += ui_px(ui, 64);
		text.w -= ui_px(ui, 64);
	}
	gfx_text_box(ui->gfx, label, text, ui_px(ui, 34), ui_px(ui, 18), style != BUTTON_NORMAL,
	             ink, picture != NULL || key == 0 ? 1 : 0, true);
}

void
widget_header(Ui *ui, const char *title, const char *note, double progress)
{
	int pad = ui_px(ui, 32), size = ui_px(ui, 24);
	int note_w = note ? gfx_text_width(ui->gfx, note, strlen(note), size, true) : 0;
	UiRect bar = { pad, ui_px(ui, 72), ui->width - 2 * pad, ui_px(ui, 14) };

	gfx_text_box(ui->gfx, title,
	             (UiRect){ pad, ui_px(ui, 20), ui->width - 3 * pad - note_w, ui_px(ui, 40) },
	             size, ui_px(ui, 16), false, UI_MUTED, 0, true);
	if (note != NULL)
		gfx_text(ui->gfx, note, strlen(note), size, true, UI_PRIMARY_DARK,
		         ui->width - pad - note_w, ui_px(ui, 24));
	if (progress < 0)
		return;
	gfx_fill_rounded(ui->gfx, bar, bar.h / 2, UI_BADGE);
	if (progress > 0) {
		bar.w = (int)(bar.w * (progress > 1 ? 1 : progress));
		gfx_fill_rounded(ui->gfx, bar, bar.h / 2, UI_PRIMARY);
	}
}

void
widget_hint(Ui *ui, const char *hint)
{
	/* Between the bottom corners, where "Back" and "Next" stand. */
	UiRect r = { ui_px(ui, 370), ui->height - ui_px(ui, 80), ui->width - ui_px(ui, 690),
		     ui_px(ui, 64) };

	gfx_text_box(ui->gfx, hint, r, ui_px(ui, 22), ui_px(ui, 14), false, UI_MUTED, 1, true);
}

void
widget_field(Ui *ui, UiRect r, const char *caption, const char *text, bool focused)
{
	int size = ui_px(ui, 44), cap = ui_px(ui, 26);
	UiRect box = { r.x, r.y + layout_line_height(cap) + ui_px(ui, 8), r.w,
		       r.h - layout_line_height(cap) - ui_px(ui, 8) };
	int w = gfx_text_width(ui->gfx, text, strlen(text), size, true);
	int ty = box.y + (box.h - layout_line_height(size)) / 2;

	gfx_text(ui->gfx, caption, strlen(caption), cap, false, UI_TEXT, r.x, r.y);
	widget_card(ui, box, UI_CARD, focused ? UI_PRIMARY : UI_BORDER);
	gfx_text(ui->gfx, text, strlen(text), size, true, UI_TEXT, box.x + ui_px(ui, 24), ty);
	if (focused)
		gfx_fill(ui->gfx,
		         (UiRect){ box.x + ui_px(ui, 26) + w, ty + ui_px(ui, 4), ui_px(ui, 4),
		                   layout_line_height(size) - ui_px(ui, 8) },
		         UI_PRIMARY);
}

void
widget_banner(Ui *ui)
{
	const char *error = session_error(ui->session);
	UiRect r = { ui_px(ui, 32), ui_px(ui, 92), ui->width - ui_px(ui, 64), ui_px(ui, 64) };

	/* On the menu the top is full of choices; the row above its buttons is free.
	 * On the PIN screen the top holds the typed digits; the row between
	 * "Cancel" and "Enter" is free. */
	if (session_phase(ui->session) == PHASE_MENU)
		r.y = ui->height - ui_px(ui, 172);
	else if (session_phase(ui->session) == PHASE_PIN)
		r = (UiRect){ ui_px(ui, 288), ui->height - ui_px(ui, 100),
			      ui->width - ui_px(ui, 576), ui_px(ui, 76) };

	if (error != NULL) {
		/* A storage error: what to do, for whoever is at the kiosk, and the
		 * cause, for the adult who comes. */
		UiRect head = layout_inset(r, ui_px(ui, 8));
		r.h = ui_px(ui, 104);
		head.h = ui_px(ui, 44);
		gfx_fill_rounded(ui->gfx, r, ui_px(ui, 14), UI_ERROR);
		gfx_text_box(
		    ui->gfx,
		    strcmp(session_audience(ui->session), "student") == 0
		        ? _("The answer was not saved. Please call the teacher.")
		        : _("The answer was not saved. Please tell whoever runs the survey."),
		    head, ui_px(ui, 30), ui_px(ui, 16), true, UI_WHITE, 1, true);
		gfx_text_box(
		    ui->gfx, error,
		    (UiRect){ head.x, head.y + head.h, head.w, r.h - head.h - ui_px(ui, 16) },
		    ui_px(ui, 18), ui_px(ui, 12), false, UI_WHITE, 1, true);
	} else if (ui->message != NULL) {
		gfx_fill_rounded(ui->gfx, r, ui_px(ui, 14), ui->message_ok ? UI_CHOSEN : UI_ERROR);
		gfx_text_box(ui->gfx, ui->message, layout_inset(r, ui_px(ui, 10)), ui_px(ui, 24),
		             ui_px(ui, 14), true, UI_WHITE, 1, true);
	}
}

void
widget_speaker(Ui *ui, UiRect r)
{
	int cx = r.x + r.w * 52 / 100, cy = r.y + r.h / 2, u = r.h / 16;

	if (ui->speech == NULL)
		return;
	widget_card(ui, r, UI_CARD, UI_BORDER);
	/* Two sound waves: rings cut to their right half. */
	gfx_fill_circle(ui->gfx, cx, cy, 6 * u, UI_PRIMARY);
	gfx_fill_circle(ui->gfx, cx, cy, 5 * u, UI_CARD);
	gfx_fill_circle(ui->gfx, cx, cy, 4 * u, UI_PRIMARY);
	gfx_fill_circle(ui->gfx, cx, cy, 3 * u, UI_CARD);
	gfx_fill(ui->gfx, (UiRect){ cx - 6 * u, cy - 6 * u, 6 * u, 12 * u }, UI_CARD);
	/* The speaker: a box and its cone. */
	gfx_fill(ui->gfx, (UiRect){ cx - 8 * u, cy - 2 * u, 3 * u, 4 * u }, UI_PRIMARY);
	gfx_fill_triangle(ui->gfx, cx - 6 * u, cy - 2 * u, cx - u, cy - 6 * u, cx - u, cy + 6 * u,
	                  UI_PRIMARY);
	gfx_fill_triangle(ui->gfx, cx - 6 * u, cy - 2 * u, cx - u, cy + 6 * u, cx - 6 * u,
	                  cy + 2 * u, UI_PRIMARY);
	ui_target(ui, r, (Action){ .type = ACTION_SPEAK });
}
