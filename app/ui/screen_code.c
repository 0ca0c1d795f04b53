/*
 * screen_code.c: the respondent types the class (unless preset) and a
 * pseudonymous code; both are plain text fields driven by the keyboard.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui.h"
#include "util.h"

/* The on-screen keyboard, for a kiosk with a touch screen and no keys:
 * digits, the hyphen, the whole Russian alphabet (Ё too: codes and names
 * may hold it) and erase, in three rows of 15. */
static const char *const code_keys[] = {
	"1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "-", "А", "Б", "В", "Г",
	"Д", "Е", "Ё", "Ж", "З", "И", "Й", "К", "Л", "М", "Н", "О", "П", "Р", "С",
	"Т", "У", "Ф", "Х", "Ц", "Ч", "Ш", "Щ", "Ъ", "Ы", "Ь", "Э", "Ю", "Я", "\u232b",
};
#define CODE_KEYS ((int)(sizeof code_keys / sizeof code_keys[0]))
#define CODE_COLS 15

static void
code_draw_keyboard(Ui *ui, GfxRect area)
{
	int rows = (CODE_KEYS + CODE_COLS - 1) / CODE_COLS;

	for (int i = 0; i < CODE_KEYS; i++) {
		GfxRect r = layout_grid(area, rows, CODE_COLS, ui_px(ui, 8), i);
		Action a = { .type = ACTION_TEXT };
		if (i == CODE_KEYS - 1)
			a = (Action){ .type = ACTION_BACK, .index = 0 };
		else
			snprintf(a.text, sizeof a.text, "%s", code_keys[i]);
		widget_button(ui, r, 0, code_keys[i], NULL, BUTTON_NORMAL, a);
	}
}

/* The caption of the class field for the audience. */
static const char *
code_class_caption(const char *audience)
{
	if (strcmp(audience, "student") == 0)
		return _("Your class (for example, 6A)");
	if (strcmp(audience, "parent") == 0)
		return _("Your child's class");
	return _("Class (may be left empty)");
}

/* The caption of the code field: what the code is, for whoever answers.
 * The school hands out codes so that answers carry no name. */
static const char *
code_code_caption(const char *audience)
{
	if (strcmp(audience, "student") == 0)
		return _("Your code (your teacher gave it to you)");
	if (strcmp(audience, "parent") == 0)
		return _("The code the school gave you (instead of your name)");
	return _("Your code (instead of your name)");
}

/* The class and code fields side by side; returns the bottom edge, and in
 * *focus_x where the field in focus starts (its prompt stands under it). */
static int
code_draw_fields(Ui *ui, int *focus_x)
{
	Session *s = ui->session;
	int x = ui_px(ui, 48), y = ui_px(ui, 84), fh = ui_px(ui, 120), cw = ui_px(ui, 340);
	int full = ui->width - 2 * x;
	GfxRect code = { x, y, full, fh };

	if (!session_class_preset(s)) {
		GfxRect field = { x, y, cw, fh };
		widget_field(ui, field, code_class_caption(session_audience(s)),
		             session_field_text(s, FIELD_CLASS),
		             session_field_focus(s) == FIELD_CLASS,
		             (Action){ .type = ACTION_FOCUS, .index = FIELD_CLASS });
		code.x += cw + ui_px(ui, 32);
		code.w -= cw + ui_px(ui, 32);
	}
	widget_field(ui, code, code_code_caption(session_audience(s)),
	             session_field_text(s, FIELD_CODE), session_field_focus(s) == FIELD_CODE,
	             (Action){ .type = ACTION_FOCUS, .index = FIELD_CODE });
	*focus_x = session_field_focus(s) == FIELD_CODE ? code.x : x;
	return y + fh;
}

static void
code_draw(Ui *ui)
{
	Session *s = ui->session;
	bool student = strcmp(session_audience(s), "student") == 0;
	int w = ui->width, h = ui->height, focus_x = 0;
	int fields = code_draw_fields(ui, &focus_x), top = fields + ui_px(ui, 64);
	GfxRect button = ui_footer(ui, LAYOUT_RIGHT, 32, 260);

	widget_header(ui, _("Before we begin"), NULL, -1);
	/* Under the field in focus, in the row kept free for it. */
	if (session_prompt(s) != NULL)
		widget_prompt(ui,
		              (GfxRect){ focus_x, fields + ui_px(ui, 8),
		                         w - ui_px(ui, 48) - focus_x, ui_px(ui, 44) },
		              session_prompt(s));
	code_draw_keyboard(
	    ui, (GfxRect){ ui_px(ui, 48), top, w - ui_px(ui, 96), h - top - ui_px(ui, 124) });
	widget_button(ui, button, 0, _("Next >"), NULL, BUTTON_PRIMARY,
	              (Action){ .type = ACTION_NEXT });
	if (student)
		widget_hint(ui,
		            session_code_required(s)
		                ? _("Type on the screen or the keyboard, then \"Next\".")
		                : _("Type on the screen or the keyboard, then \"Next\". The code "
		                    "may be left empty."));
	else
		widget_hint(ui, session_code_required(s)
		                    ? _("Please type on the screen or the keyboard, then press "
		                        "\"Next\".")
		                    : _("Please type on the screen or the keyboard, then press "
		                        "\"Next\". The code may be left empty."));
}

static void
code_handle(Ui *ui, const Action *a)
{
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
		session_next(ui->session, ui->now);
		break;
	default:
		break;
	}
}

/* The first survey's instructions. */
static void
code_rehearse(Ui *ui)
{
	screen_instructions.draw(ui);
}

const struct screen screen_code = {
	.name = "code",
	.handle = code_handle,
	.draw = code_draw,
	.rehearse = code_rehearse,
};
