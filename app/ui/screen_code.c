/*
 * screen_code.c: the respondent types the class (unless preset) and a
 * pseudonymous code; both are plain text fields driven by the keyboard.
 */
#include <stdlib.h>
#include <string.h>

#include "ui.h"
#include "util.h"

static void
code_draw(Ui *ui)
{
	Session *s = ui->session;
	bool student = strcmp(session_audience(s), "student") == 0;
	int w = ui->width, h = ui->height, fw = ui_px(ui, 640), fh = ui_px(ui, 130);
	int x = (w - fw) / 2, y = h * 22 / 100;
	UiRect button = { (w - ui_px(ui, 360)) / 2, h * 72 / 100, ui_px(ui, 360), ui_px(ui, 100) };

	widget_header(ui, _("Before we begin"), NULL, -1);
	if (!session_class_preset(s)) {
		UiRect field = { x, y, fw, fh };
		widget_field(ui, field, student ? _("Your class (for example, 6A)") : _("Class"),
		             session_field_text(s, FIELD_CLASS),
		             session_field_focus(s) == FIELD_CLASS);
		ui_target(ui, field, (Action){ .type = ACTION_FOCUS, .index = FIELD_CLASS });
		y += fh + ui_px(ui, 40);
	}
	UiRect code = { x, y, fw, fh };
	widget_field(ui, code,
	             student ? _("Your code (your teacher gave it to you)") : _("Your code"),
	             session_field_text(s, FIELD_CODE), session_field_focus(s) == FIELD_CODE);
	ui_target(ui, code, (Action){ .type = ACTION_FOCUS, .index = FIELD_CODE });
	widget_button(ui, button, 0, _("Next"), NULL, BUTTON_PRIMARY);
	ui_target(ui, button, (Action){ .type = ACTION_NEXT });
	widget_hint(ui, session_code_required(s)
	                    ? _("Type with the keyboard, then press Enter.")
	                    : _("Type with the keyboard, then press Enter. The code may be left "
	                        "empty."));
}

static void
code_handle(Ui *ui, const Action *a)
{
	char *cause = NULL;

	switch (a->type) {
	case ACTION_TEXT:
		session_type(ui->session, a->text, ui->now);
		break;
	case ACTION_BACK:
		session_back(ui->session, ui->now);
		break;
	case ACTION_FOCUS:
		session_focus(ui->session, (SessionField)a->index);
		break;
	case ACTION_NEXT:
		session_next(ui->session, ui->now, &cause);
		free(cause);
		break;
	default:
		break;
	}
}

const struct screen screen_code = {
	.name = "code",
	.handle = code_handle,
	.draw = code_draw,
};
