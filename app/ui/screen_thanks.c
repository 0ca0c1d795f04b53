/*
 * screen_thanks.c: thank-you, with the respondent's own levels when a survey
 * of the battery has show_result.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui.h"
#include "util.h"

/* Draws "scale: level" lines for every survey that shows results; returns the y after them. */
static int
thanks_draw_results(Ui *ui, int y)
{
	Session *s = ui->session;
	int size = ui_px(ui, 30), x = ui_px(ui, 160), w = ui->width - 2 * x;

	for (int p = 0; p < session_battery_size(s); p++) {
		const Survey *survey = session_battery_survey(s, p);
		const ScaleResult *results = session_results(s, p);
		for (int i = 0; results != NULL && i < survey->n_scales; i++) {
			const SurveyScale *scale = &survey->scales[i];
			char *line, number[32];
			if (results[i].level < 0)
				continue;
			snprintf(number, sizeof number, "%.*f", scale->precision, results[i].value);
			if (strchr(number, '.') != NULL)
				*strchr(number, '.') =
				    ','; /* a decimal comma, as Russian writes it */
			line = xasprintf("%s: %s — %s", scale->title, number,
			                 scale->levels[results[i].level].label);
			widget_text_box(ui, line,
			                (GfxRect){ x, y, w, layout_line_height(size) * 2 }, size,
			                ui_px(ui, 18), false, UI_TEXT, 1, false);
			y += layout_line_height(size) * 2;
			free(line);
		}
	}
	return y;
}

static void
thanks_draw(Ui *ui)
{
	int w = ui->width, h = ui->height;
	GfxRect title = { ui_px(ui, 80), h * 14 / 100, w - ui_px(ui, 160), ui_px(ui, 120) };
	GfxRect sub = { ui_px(ui, 80), title.y + title.h, w - ui_px(ui, 160), ui_px(ui, 80) };
	GfxRect button = { (w - ui_px(ui, 360)) / 2, h - ui_px(ui, 220), ui_px(ui, 360),
		           ui_px(ui, 100) };

	widget_text_box(ui, _("Thank you!"), title, ui_px(ui, 80), ui_px(ui, 30), true, UI_CHOSEN,
	                1, true);
	widget_text_box(ui, _("Your answers are saved."), sub, ui_px(ui, 36), ui_px(ui, 18), false,
	                UI_TEXT, 1, true);
	thanks_draw_results(ui, sub.y + sub.h + ui_px(ui, 30));
	widget_button(ui, button, 0, _("Done"), NULL, BUTTON_PRIMARY,
	              (Action){ .type = ACTION_NEXT });
	widget_hint(ui, _("The next person can start in a few seconds"));
}

static void
thanks_handle(Ui *ui, const Action *a)
{
	if (a->type == ACTION_NEXT)
		session_next(ui->session, ui->now);
}

/* The welcome for the next person. */
static void
thanks_rehearse(Ui *ui)
{
	screen_welcome.draw(ui);
}

const struct screen screen_thanks = {
	.name = "thanks",
	.handle = thanks_handle,
	.draw = thanks_draw,
	.rehearse = thanks_rehearse,
};
