/*
 * screen_welcome.c: the first screen a respondent sees.
 */
#include <string.h>

#include "ui.h"
#include "util.h"

/* The greeting in the form of address that suits the audience ("ты" or "Вы"). */
static const char *
welcome_greeting(const char *audience)
{
	if (strcmp(audience, "student") == 0)
		return _("Hello! Please answer a few questions.");
	if (strcmp(audience, "parent") == 0)
		return _("Dear parents, thank you for finding a few minutes for our questions.");
	return _("Dear colleague, thank you for taking part in the survey.");
}

static void
welcome_draw(Ui *ui)
{
	int w = ui->width, h = ui->height;
	GfxRect title = { ui_px(ui, 80), h * 18 / 100, w - ui_px(ui, 160), h * 28 / 100 };
	GfxRect button = { (w - ui_px(ui, 420)) / 2, h * 60 / 100, ui_px(ui, 420), ui_px(ui, 120) };
	GfxRect face = { (w - ui_px(ui, 120)) / 2, h * 5 / 100, ui_px(ui, 120), ui_px(ui, 120) };

	/* The psychologist's corner: a small, quiet button children can ignore. */
	widget_icon(ui, ui_corner(ui), "\u2699", (Action){ .type = ACTION_MENU });
	if (!session_configured(ui->session)) {
		widget_text_box(ui, _("The survey is not set up yet."), title, ui_px(ui, 56),
		                ui_px(ui, 24), true, UI_TEXT, 1, true);
		widget_button(ui, button, 0, _("Set up (F10)"), NULL, BUTTON_NORMAL,
		              (Action){ .type = ACTION_MENU });
		widget_hint(ui, _("School psychologist: press F10 and enter the PIN to set up a "
		                  "session."));
		return;
	}
	gfx_picture(ui->gfx, "faces/happy.png", face);
	widget_text_box(ui, welcome_greeting(session_audience(ui->session)), title, ui_px(ui, 60),
	                ui_px(ui, 26), true, UI_TEXT, 1, true);
	widget_button(ui, button, 0, _("Start"), NULL, BUTTON_PRIMARY,
	              (Action){ .type = ACTION_NEXT });
	widget_hint(ui, strcmp(session_audience(ui->session), "student") == 0
	                    ? _("Press Enter or the button \"Start\"")
	                    : _("Please press Enter or the button \"Start\""));
}

static void
welcome_handle(Ui *ui, const Action *a)
{
	if (a->type == ACTION_NEXT) /* F10 and the corner are every screen's (ui_handle) */
		session_start(ui->session, ui->now);
}

/* The code screen, whose 44 keys are the most text of any screen. */
static void
welcome_rehearse(Ui *ui)
{
	if (session_configured(ui->session))
		screen_code.draw(ui);
}

const struct screen screen_welcome = {
	.name = "welcome",
	.handle = welcome_handle,
	.draw = welcome_draw,
	.rehearse = welcome_rehearse,
};
