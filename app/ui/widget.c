/*
 * widget.c: the few widgets the screens are made of. Each takes a rectangle
 * and what it shows and reads nothing else; one that can be clicked records
 * its target (the rectangle and its action) as it draws, so a screen never
 * repeats a rectangle to make it clickable.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui.h"
#include "util.h"

int
widget_text_box(Ui *ui, const char *text, GfxRect r, int size_max, int size_min, bool bold,
                GfxColor color, int align, bool valign_center)
{
	LayoutLine lines[LAYOUT_MAX_LINES];
	int n = 0, size, lh, y;

	size =
	    layout_fit(text, r.w, r.h, size_max, size_min, bold, gfx_measure, ui->gfx, lines, &n);
	lh = layout_line_height(size);
	y = valign_center ? r.y + (r.h - n * lh) / 2 : r.y;
	for (int i = 0; i < n; i++) {
		int w = gfx_text_width(ui->gfx, text + lines[i].start, lines[i].len, size, bold);
		int x = align == 1 ? r.x + (r.w - w) / 2 : r.x;
		gfx_text(ui->gfx, text + lines[i].start, lines[i].len, size, bold, color, x,
		         y + i * lh);
	}
	return size;
}

/* The last line of a text cut short: its bytes and "…", made shorter a
 * character at a time until it fits in width. The caller frees it. */
static char *
widget_cut_line(Ui *ui, const char *line, size_t len, int width, int size, bool bold)
{
	char *text = xasprintf("%.*s…", (int)len, line);

	while (len > 0 && gfx_text_width(ui->gfx, text, strlen(text), size, bold) > width) {
		do /* back over a whole UTF-8 character */
			len--;
		while (len > 0 && ((unsigned char)line[len] & 0xC0) == 0x80);
		while (len > 0 && line[len - 1] == ' ')
			len--;
		free(text);
		text = xasprintf("%.*s…", (int)len, line);
	}
	return text;
}

void
widget_text_clipped(Ui *ui, const char *text, GfxRect r, int size, bool bold, GfxColor color,
                    bool valign_center)
{
	LayoutLine lines[LAYOUT_MAX_LINES];
	int lh = layout_line_height(size), fit = r.h / lh > 0 ? r.h / lh : 1;
	int n = layout_wrap(text, r.w, size, bold, gfx_measure, ui->gfx, lines, LAYOUT_MAX_LINES);
	int shown = n < fit ? n : fit, y = valign_center ? r.y + (r.h - shown * lh) / 2 : r.y;

	for (int i = 0; i < shown; i++) {
		const char *line = text + lines[i].start;
		if (i == shown - 1 && n > shown) {
			char *cut = widget_cut_line(ui, line, lines[i].len, r.w, size, bold);
			gfx_text(ui->gfx, cut, strlen(cut), size, bold, color, r.x, y + i * lh);
			free(cut);
		} else {
			gfx_text(ui->gfx, line, lines[i].len, size, bold, color, r.x, y + i * lh);
		}
	}
}

/* Makes rect clickable for this frame: a click there stands for action. */
static void
widget_target(Ui *ui, GfxRect rect, Action action)
{
	if (action.type != ACTION_NONE && ui->n_targets < UI_MAX_TARGETS)
		ui->targets[ui->n_targets++] = (UiTarget){ rect, action };
}

/* A card: border colour around a fill, rounded. */
static void
widget_card(Ui *ui, GfxRect r, GfxColor fill, GfxColor border)
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

/* The check box of a multi-choice answer at the left of r: a square with
 * the key's digit in it, or filled green with a tick when checked. */
static void
widget_check_box(Ui *ui, GfxRect r, int key, bool checked)
{
	int side = r.h * 46 / 100 < ui_px(ui, 44) ? r.h * 46 / 100 : ui_px(ui, 44);
	GfxRect box = { r.x + ui_px(ui, 24), r.y + (r.h - side) / 2, side, side };
	char digit[4];

	snprintf(digit, sizeof digit, "%d", key);
	gfx_card(ui->gfx, box, ui_px(ui, 6), ui_px(ui, 3) > 1 ? ui_px(ui, 3) : 1,
	         checked ? UI_CHOSEN : UI_CARD, checked ? UI_CHOSEN : UI_PRIMARY_DARK);
	widget_text_box(ui,
	                checked   ? "\u2713"
	                : key > 0 ? digit
	                          : "",
	                box, side * 3 / 4, side / 3, true, checked ? UI_WHITE : UI_MUTED, 1, true);
}

/* What stands at the left of a button without a picture: a check box, or
 * the round key badge; moves the label's rect right of it. */
static void
widget_button_mark(Ui *ui, GfxRect r, int key, ButtonStyle style, GfxRect *text)
{
	if (style == BUTTON_CHECK || style == BUTTON_CHECKED)
		widget_check_box(ui, r, key, style == BUTTON_CHECKED);
	else if (key > 0)
		widget_badge(ui, r.x + ui_px(ui, 44), r.y + r.h / 2, r.h * 36 / 100, key,
		             style == BUTTON_CHOSEN);
	else
		return;
	text->x += ui_px(ui, 64);
	text->w -= ui_px(ui, 64);
}

void
widget_button(Ui *ui, GfxRect r, int key, const char *label, const char *picture, ButtonStyle style,
              Action action)
{
	bool solid = style == BUTTON_CHOSEN || style == BUTTON_PRIMARY;
	bool check = style == BUTTON_CHECK || style == BUTTON_CHECKED;
	GfxColor fill = style == BUTTON_CHOSEN    ? UI_CHOSEN
	                : style == BUTTON_PRIMARY ? UI_PRIMARY
	                : style == BUTTON_OFF     ? UI_BG
	                                          : UI_CARD;
	GfxColor border = style == BUTTON_CHECKED ? UI_CHOSEN : solid ? fill : UI_BORDER;
	int pad = ui_px(ui, 16);
	GfxRect text = layout_inset(r, pad);

	widget_target(ui, r, action);
	widget_card(ui, r, fill, border);
	if (picture != NULL) {
		GfxRect pic = { r.x + pad, r.y + pad, r.w - 2 * pad, r.h * 62 / 100 - pad };
		if (style == BUTTON_CHOSEN)
			gfx_fill_rounded(ui->gfx, pic, ui_px(ui, 14), UI_WHITE);
		gfx_picture(ui->gfx, picture, layout_inset(pic, ui_px(ui, 6)));
		text = (GfxRect){ r.x + pad, pic.y + pic.h + pad / 2, r.w - 2 * pad,
			          r.y + r.h - pad - (pic.y + pic.h + pad / 2) };
		if (key > 0)
			widget_badge(ui, r.x + ui_px(ui, 34), r.y + ui_px(ui, 34), ui_px(ui, 24),
			             key, style == BUTTON_CHOSEN);
	} else {
		widget_button_mark(ui, r, key, style, &text);
	}
	/* A label beside a key badge or a check box reads from the left. */
	widget_text_box(ui, label, text, ui_px(ui, 34), ui_px(ui, 18),
	                solid || style == BUTTON_CHECKED,
	                solid                 ? UI_WHITE
	                : style == BUTTON_OFF ? UI_MUTED
	                                      : UI_TEXT,
	                picture != NULL || (key == 0 && !check) ? 1 : 0, true);
}

void
widget_item(Ui *ui, GfxRect r, int key, const char *title, const char *detail, ButtonStyle style,
            Action action)
{
	bool chosen = style == BUTTON_CHOSEN, off = style == BUTTON_OFF;
	int pad = ui_px(ui, 10), left = key > 0 ? ui_px(ui, 60) : ui_px(ui, 16);
	GfxRect top = { r.x + left, r.y + pad, r.w - left - ui_px(ui, 12),
		        (r.h - 2 * pad) * 58 / 100 };
	GfxRect bottom = { top.x, top.y + top.h, top.w, r.h - 2 * pad - top.h };

	widget_target(ui, r, action);
	widget_card(ui, r,
	            chosen ? UI_CHOSEN
	            : off  ? UI_BG
	                   : UI_CARD,
	            chosen ? UI_CHOSEN : UI_BORDER);
	if (key > 0)
		widget_badge(ui, r.x + ui_px(ui, 32), r.y + r.h / 2, r.h * 30 / 100, key, chosen);
	widget_text_box(ui, title, top, ui_px(ui, 22), ui_px(ui, 11), chosen,
	                chosen ? UI_WHITE
	                : off  ? UI_MUTED
	                       : UI_TEXT,
	                0, true);
	widget_text_box(ui, detail, bottom, ui_px(ui, 17), ui_px(ui, 10), false,
	                chosen ? UI_WHITE : UI_MUTED, 0, true);
}

void
widget_header(Ui *ui, const char *title, const char *note, double progress)
{
	int pad = ui_px(ui, 32), size = ui_px(ui, 24);
	int note_w = note ? gfx_text_width(ui->gfx, note, strlen(note), size, true) : 0;
	/* The text ends left of the psychologist's corner, when it is there. */
	int right = ui->corner ? ui_corner(ui).x - ui_px(ui, 16) : ui->width - pad;
	GfxRect bar = { pad, ui_px(ui, 72), ui->width - 2 * pad, ui_px(ui, 14) };

	widget_text_box(ui, title,
	                (GfxRect){ pad, ui_px(ui, 20), right - 2 * pad - note_w, ui_px(ui, 40) },
	                size, ui_px(ui, 16), false, UI_MUTED, 0, true);
	if (note != NULL)
		gfx_text(ui->gfx, note, strlen(note), size, true, UI_PRIMARY_DARK, right - note_w,
		         ui_px(ui, 24));
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
	GfxRect r = layout_hint(ui->width, ui->height, ui->scale);

	widget_text_box(ui, hint, r, ui_px(ui, 22), ui_px(ui, 14), false, UI_MUTED, 1, true);
}

void
widget_icon(Ui *ui, GfxRect r, const char *glyph, Action action)
{
	widget_target(ui, r, action);
	gfx_fill_rounded(ui->gfx, r, ui_px(ui, 14), UI_BADGE);
	widget_text_box(ui, glyph, layout_inset(r, ui_px(ui, 6)), ui_px(ui, 36), ui_px(ui, 16),
	                false, UI_MUTED, 1, true);
}

void
widget_field(Ui *ui, GfxRect r, const char *caption, const char *text, bool focused, Action action)
{
	int size = ui_px(ui, 44), cap = ui_px(ui, 26);
	GfxRect box = { r.x, r.y + layout_line_height(cap) + ui_px(ui, 8), r.w,
		        r.h - layout_line_height(cap) - ui_px(ui, 8) };
	int w = gfx_text_width(ui->gfx, text, strlen(text), size, true);
	int ty = box.y + (box.h - layout_line_height(size)) / 2;

	widget_target(ui, r, action);
	/* Within the field's width, smaller if need be: captions side by side
	 * never run into each other. */
	widget_text_box(ui, caption, (GfxRect){ r.x, r.y, r.w, layout_line_height(cap) }, cap,
	                ui_px(ui, 14), false, UI_TEXT, 0, true);
	widget_card(ui, box, UI_CARD, focused ? UI_PRIMARY : UI_BORDER);
	gfx_text(ui->gfx, text, strlen(text), size, true, UI_TEXT, box.x + ui_px(ui, 24), ty);
	if (focused)
		gfx_fill(ui->gfx,
		         (GfxRect){ box.x + ui_px(ui, 26) + w, ty + ui_px(ui, 4), ui_px(ui, 4),
		                    layout_line_height(size) - ui_px(ui, 8) },
		         UI_PRIMARY);
}

void
widget_text_area(Ui *ui, GfxRect r, const char *caption, const char *note, const char *text)
{
	int cap = ui_px(ui, 26), size = ui_px(ui, 32), lh = layout_line_height(size);
	GfxRect box = { r.x, r.y + layout_line_height(cap) + ui_px(ui, 8), r.w,
		        r.h - layout_line_height(cap) - ui_px(ui, 8) };
	GfxRect in = layout_inset(box, ui_px(ui, 20));
	LayoutLine lines[LAYOUT_MAX_LINES];
	int n = layout_wrap(text, in.w - ui_px(ui, 8), size, false, gfx_measure, ui->gfx, lines,
	                    LAYOUT_MAX_LINES);
	int fit = in.h / lh > 0 ? in.h / lh : 1, first = n > fit ? n - fit : 0, end = 0;

	gfx_text(ui->gfx, caption, strlen(caption), cap, false, UI_TEXT, r.x, r.y);
	if (note != NULL)
		gfx_text(ui->gfx, note, strlen(note), cap, false, UI_MUTED,
		         r.x + r.w - gfx_text_width(ui->gfx, note, strlen(note), cap, false), r.y);
	widget_card(ui, box, UI_CARD, UI_PRIMARY);
	for (int i = first; i < n; i++) {
		gfx_text(ui->gfx, text + lines[i].start, lines[i].len, size, false, UI_TEXT, in.x,
		         in.y + (i - first) * lh);
		end = gfx_text_width(ui->gfx, text + lines[i].start, lines[i].len, size, false);
	}
	gfx_fill(ui->gfx,
	         (GfxRect){ in.x + end + ui_px(ui, 2), in.y + (n - 1 - first) * lh + ui_px(ui, 4),
	                    ui_px(ui, 4) > 1 ? ui_px(ui, 4) : 1, lh - ui_px(ui, 8) },
	         UI_PRIMARY);
}

void
widget_prompt(Ui *ui, GfxRect r, const char *text)
{
	int pad = ui_px(ui, 8);

	gfx_fill_rounded(ui->gfx, r, ui_px(ui, 12), UI_BADGE);
	/* A dot of the primary colour at the start, as a note's bullet. */
	gfx_fill_circle(ui->gfx, r.x + ui_px(ui, 22), r.y + r.h / 2, ui_px(ui, 7), UI_PRIMARY);
	widget_text_box(
	    ui, text,
	    (GfxRect){ r.x + ui_px(ui, 40), r.y + pad / 2, r.w - ui_px(ui, 40) - pad, r.h - pad },
	    ui_px(ui, 24), ui_px(ui, 13), true, UI_PRIMARY_DARK, 0, true);
}

void
widget_banner(Ui *ui, GfxRect r, const char *text, const char *cause, bool good)
{
	if (cause != NULL) {
		GfxRect head = layout_inset(r, ui_px(ui, 8));
		head.h = ui_px(ui, 44);
		gfx_fill_rounded(ui->gfx, r, ui_px(ui, 14), UI_ERROR);
		widget_text_box(ui, text, head, ui_px(ui, 30), ui_px(ui, 16), true, UI_WHITE, 1,
		                true);
		widget_text_box(
		    ui, cause,
		    (GfxRect){ head.x, head.y + head.h, head.w, r.h - head.h - ui_px(ui, 16) },
		    ui_px(ui, 18), ui_px(ui, 12), false, UI_WHITE, 1, true);
	} else {
		gfx_fill_rounded(ui->gfx, r, ui_px(ui, 14), good ? UI_CHOSEN : UI_ERROR);
		widget_text_box(ui, text, layout_inset(r, ui_px(ui, 10)), ui_px(ui, 24),
		                ui_px(ui, 14), true, UI_WHITE, 1, true);
	}
}

void
widget_speaker(Ui *ui, GfxRect r)
{
	/* The drawing spans 14 units across (the box at -8, the outer wave at
	 * +6 from cx) and 12 down: a unit of a 24th of the smaller side keeps
	 * it well inside the card's border, centred. */
	int side = r.w < r.h ? r.w : r.h, u = side >= 24 ? side / 24 : 1;
	int cx = r.x + r.w / 2 + u, cy = r.y + r.h / 2;

	if (ui->speech == NULL)
		return;
	widget_target(ui, r, (Action){ .type = ACTION_SPEAK });
	widget_card(ui, r, UI_CARD, UI_BORDER);
	/* Two sound waves: rings cut to their right half. */
	gfx_fill_circle(ui->gfx, cx, cy, 6 * u, UI_PRIMARY);
	gfx_fill_circle(ui->gfx, cx, cy, 5 * u, UI_CARD);
	gfx_fill_circle(ui->gfx, cx, cy, 4 * u, UI_PRIMARY);
	gfx_fill_circle(ui->gfx, cx, cy, 3 * u, UI_CARD);
	gfx_fill(ui->gfx, (GfxRect){ cx - 6 * u, cy - 6 * u, 6 * u, 12 * u }, UI_CARD);
	/* The speaker: a box and its cone. */
	gfx_fill(ui->gfx, (GfxRect){ cx - 8 * u, cy - 2 * u, 3 * u, 4 * u }, UI_PRIMARY);
	gfx_fill_triangle(ui->gfx, cx - 6 * u, cy - 2 * u, cx - u, cy - 6 * u, cx - u, cy + 6 * u,
	                  UI_PRIMARY);
	gfx_fill_triangle(ui->gfx, cx - 6 * u, cy - 2 * u, cx - u, cy + 6 * u, cx - 6 * u,
	                  cy + 2 * u, UI_PRIMARY);
}
