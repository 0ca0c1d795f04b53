/*
 * screen_instructions.c: a survey's title and instructions before its questions.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui.h"
#include "util.h"

void
screen_instructions_draw_at(Ui *ui, int pos)
{
	const Survey *survey = session_battery_survey(ui->session, pos);
	int w = ui->width, h = ui->height;
	int n = session_battery_size(ui->session);
	char *note;
	GfxRect title = { ui_px(ui, 80), ui_px(ui, 110), w - ui_px(ui, 160), ui_px(ui, 150) };
	GfxRect body = { ui_px(ui, 120), ui_px(ui, 280), w - ui_px(ui, 240),
		         h * 60 / 100 - ui_px(ui, 170) };
	GfxRect button = { (w - ui_px(ui, 360)) / 2, h - ui_px(ui, 230), ui_px(ui, 360),
		           ui_px(ui, 100) };

	if (survey == NULL)
		return;
	note = n > 1 ? xasprintf(_("Part %d of %d"), pos + 1, n) : NULL;
	widget_header(ui, "", note, -1);
	free(note);
	widget_text_box(ui, survey->title, title, ui_px(ui, 52), ui_px(ui, 26), true, UI_TEXT, 1,
	                true);
	if (survey->instructions != NULL)
		widget_text_box(ui, survey->instructions, body, ui_px(ui, 36), ui_px(ui, 18), false,
		                UI_TEXT, 1, false);
	widget_button(ui, button, 0, _("Begin"), NULL, BUTTON_PRIMARY,
	              (Action){ .type = ACTION_NEXT });
	widget_speaker(
	    ui, (GfxRect){ button.x + button.w + ui_px(ui, 24), button.y, button.h, button.h });
	widget_hint(ui, strcmp(session_audience(ui->session), "student") == 0
	                    ? _("Press Enter or the button \"Begin\"")
	                    : _("Please press Enter or the button \"Begin\""));
}

static void
instructions_draw(Ui *ui)
{
	screen_instructions_draw_at(ui, session_battery_position(ui->session));
}

/* The survey's first question. */
static void
instructions_rehearse(Ui *ui)
{
	screen_question_draw_next(ui, session_battery_position(ui->session), 0);
}

static void
instructions_handle(Ui *ui, const Action *a)
{
	if (a->type == ACTION_NEXT)
		session_next(ui->session, ui->now);
}

const struct screen screen_instructions = {
	.name = "instructions",
	.handle = instructions_handle,
	.draw = instructions_draw,
	.rehearse = instructions_rehearse,
};
