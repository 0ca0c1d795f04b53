/*
 * overlay.c: questions asked over the screen that is up, on a card in the
 * middle of the dimmed screen: "still here?" to a respondent who went
 * quiet, "close the kiosk?" to the psychologist. The screen under it stays
 * as it was and cannot be clicked.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui.h"
#include "util.h"

/* The screen under a question, dimmed. */
static const GfxColor OVERLAY_DIM = { 0x1e, 0x2a, 0x3a, 0xb8 };

OverlayLayout
overlay_layout(int width, int height, double scale)
{
	OverlayLayout o;
	int w = layout_px(scale, 820), h = layout_px(scale, 560), d;

	if (w > width - layout_px(scale, 40))
		w = width - layout_px(scale, 40);
	o.card = (GfxRect){ (width - w) / 2, (height - h) / 2, w, h };
	o.title = (GfxRect){ o.card.x + layout_px(scale, 40), o.card.y + layout_px(scale, 30),
		             w - layout_px(scale, 80), layout_px(scale, 96) };
	/* Round at every size: gfx rounds corners of at most 64 pixels. */
	d = layout_px(scale, 140) < 128 ? layout_px(scale, 140) : 128;
	o.middle =
	    (GfxRect){ (width - d) / 2, o.card.y + layout_px(scale, 132 + 70) - d / 2, d, d };
	o.note = (GfxRect){ o.title.x, o.card.y + layout_px(scale, 284), o.title.w,
		            layout_px(scale, 104) };
	o.button = (GfxRect){ (width - layout_px(scale, 420)) / 2,
		              o.card.y + h - layout_px(scale, 40 + 116), layout_px(scale, 420),
		              layout_px(scale, 116) };
	/* Two buttons instead of one: 320 wide each, 40 apart, centred. */
	o.left = (GfxRect){ width / 2 - layout_px(scale, 20 + 320), o.button.y,
		            layout_px(scale, 320), o.button.h };
	o.right = (GfxRect){ width / 2 + layout_px(scale, 20), o.button.y, o.left.w, o.button.h };
	return o;
}

/* The dimmed screen and the card; returns where its parts go. */
static OverlayLayout
overlay_card(Ui *ui)
{
	OverlayLayout o = overlay_layout(ui->width, ui->height, ui->scale);

	gfx_fill(ui->gfx, (GfxRect){ 0, 0, ui->width, ui->height }, OVERLAY_DIM);
	gfx_card(ui->gfx, o.card, ui_px(ui, 24), ui_px(ui, 2), UI_CARD, UI_BORDER);
	return o;
}

void
overlay_idle_draw(Ui *ui)
{
	OverlayLayout o = overlay_card(ui);
	bool child = strcmp(session_audience(ui->session), "student") == 0;
	int left = session_ask_seconds(ui->session, ui->now);
	char count[16], *note;
	int size = o.middle.h * 46 / 100, cw; /* "20" fits the circle */

	widget_text_box(ui, child ? _("Are you still there?") : _("Are you still with us?"),
	                o.title, ui_px(ui, 56), ui_px(ui, 24), true, UI_TEXT, 1, true);
	/* The seconds left, large, in a circle: visible from across a class. */
	snprintf(count, sizeof count, "%d", left);
	gfx_fill_circle(ui->gfx, o.middle.x + o.middle.w / 2, o.middle.y + o.middle.h / 2,
	                o.middle.w / 2, UI_PRIMARY);
	cw = gfx_text_width(ui->gfx, count, strlen(count), size, true);
	gfx_text(ui->gfx, count, strlen(count), size, true, UI_WHITE,
	         o.middle.x + (o.middle.w - cw) / 2,
	         o.middle.y + (o.middle.h - layout_line_height(size)) / 2);
	note = xasprintf(child ? _("Press any key or \"Continue\". Otherwise in %d s the "
	                           "questionnaire closes; your answers are kept.")
	                       : _("Please press any key or \"Continue\". Otherwise in %d s the "
	                           "questionnaire closes; your answers are kept."),
	                 left);
	widget_text_box(ui, note, o.note, ui_px(ui, 30), ui_px(ui, 14), false, UI_TEXT, 1, true);
	free(note);
	widget_button(ui, o.button, 0, _("Continue"), NULL, BUTTON_PRIMARY,
	              (Action){ .type = ACTION_NEXT });
}

void
overlay_quit_draw(Ui *ui)
{
	OverlayLayout o = overlay_card(ui);
	GfxRect note = { o.note.x, o.middle.y, o.note.w, o.note.y + o.note.h - o.middle.y };

	widget_text_box(ui, _("Close the kiosk?"), o.title, ui_px(ui, 56), ui_px(ui, 24), true,
	                UI_TEXT, 1, true);
	widget_text_box(ui,
	                _("Nobody can answer on this computer until the kiosk is started again."),
	                note, ui_px(ui, 34), ui_px(ui, 16), false, UI_TEXT, 1, true);
	widget_button(ui, o.left, 0, _("Cancel"), NULL, BUTTON_NORMAL,
	              (Action){ .type = ACTION_CANCEL });
	widget_button(ui, o.right, 0, _("Close"), NULL, BUTTON_PRIMARY,
	              (Action){ .type = ACTION_QUIT });
}
