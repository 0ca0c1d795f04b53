/*
 * screen_thanks.c: thank-you, with the respondent's own levels when a survey
 * of the battery has show_result: then the screen stays until "Done", and
 * only then is the kiosk the next person's.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui.h"
#include "util.h"

/* The respondent's own results, one "scale: value — level" line each,
 * for every survey of the battery that shows them. The caller frees it;
 * "" when there are none. */
static char *
thanks_results_text(const Session *s)
{
	char *text = xstrdup("");

	for (int p = 0; p < session_battery_size(s); p++) {
		const Survey *survey = session_battery_survey(s, p);
		const ScaleResult *results = session_results(s, p);
		for (int i = 0; results != NULL && i < survey->n_scales; i++) {
			const SurveyScale *scale = &survey->scales[i];
			char number[32], *joined;
			if (results[i].level < 0)
				continue;
			/* At the scale's precision, with a decimal comma. */
			snprintf(number, sizeof number, "%.*f", scale->precision, results[i].value);
			if (strchr(number, '.') != NULL)
				*strchr(number, '.') = ',';
			joined =
			    xasprintf("%s%s%s: %s — %s", text, text[0] ? "\n" : "", scale->title,
			              number, scale->levels[results[i].level].label);
			free(text);
			text = joined;
		}
	}
	return text;
}

/* With results: the title higher, the results on a card between it and
 * "Done", their lines as large as the card lets them all show. */
static void
thanks_draw_results(Ui *ui, const char *results, GfxRect button)
{
	int w = ui->width, top = ui_px(ui, 190);
	GfxRect card = { ui_px(ui, 80), top, w - ui_px(ui, 160), button.y - ui_px(ui, 24) - top };

	widget_text_box(
	    ui, _("Thank you!"),
	    (GfxRect){ ui_px(ui, 80), ui_px(ui, 40), w - ui_px(ui, 160), ui_px(ui, 90) },
	    ui_px(ui, 64), ui_px(ui, 24), true, UI_CHOSEN, 1, true);
	widget_text_box(
	    ui, _("Your answers are saved. Your result:"),
	    (GfxRect){ ui_px(ui, 80), ui_px(ui, 130), w - ui_px(ui, 160), ui_px(ui, 50) },
	    ui_px(ui, 32), ui_px(ui, 14), false, UI_TEXT, 1, true);
	gfx_fill_rounded(ui->gfx, card, ui_px(ui, 18), UI_CARD);
	widget_text_box(ui, results, layout_inset(card, ui_px(ui, 24)), ui_px(ui, 30),
	                ui_px(ui, 12), false, UI_TEXT, 1, true);
}

static void
thanks_draw(Ui *ui)
{
	int w = ui->width, h = ui->height;
	bool child = strcmp(session_audience(ui->session), "student") == 0;
	GfxRect button = { (w - ui_px(ui, 360)) / 2, h - ui_px(ui, 196), ui_px(ui, 360),
		           ui_px(ui, 96) };
	char *results = thanks_results_text(ui->session);

	if (results[0] != '\0') {
		thanks_draw_results(ui, results, button);
		/* The next person is told to start only once this one is done. */
		widget_hint(ui, child ? _("When you have read it, press \"Done\".")
		                      : _("When you have read it, please press \"Done\"."));
	} else {
		GfxRect title = { ui_px(ui, 80), h * 14 / 100, w - ui_px(ui, 160), ui_px(ui, 120) };
		widget_text_box(ui, _("Thank you!"), title, ui_px(ui, 80), ui_px(ui, 30), true,
		                UI_CHOSEN, 1, true);
		widget_text_box(ui, _("Your answers are saved."),
		                (GfxRect){ title.x, title.y + title.h, title.w, ui_px(ui, 80) },
		                ui_px(ui, 36), ui_px(ui, 18), false, UI_TEXT, 1, true);
		widget_hint(ui, _("The next person can start in a few seconds."));
	}
	free(results);
	widget_button(ui, button, 0, _("Done"), NULL, BUTTON_PRIMARY,
	              (Action){ .type = ACTION_NEXT });
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
