/*
 * screen_code.c: the respondent gives the class (unless preset) and a
 * pseudonymous code. Both are text fields typed on the keyboard or the
 * on-screen one; when the school's class list exists, the class is picked
 * from its buttons, a row per grade, instead.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "classname.h"
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

/* The class buttons: at most this many (a school's list is shorter), their
 * choices numbered from CODE_CLASS_BUTTON (keys 1-9 choose 0 to 8). */
#define CODE_CLASSES_MAX  80
#define CODE_CLASS_BUTTON 1000

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

/* The caption of the class field for the audience; picking: chosen on the
 * buttons of the school's class list. */
static const char *
code_class_caption(const char *audience, bool picking)
{
	if (strcmp(audience, "student") == 0)
		return picking ? _("Press your class") : _("Your class (for example, 6A)");
	if (strcmp(audience, "parent") == 0)
		return picking ? _("Please press your child's class") : _("Your child's class");
	return picking ? _("Please press the class") : _("Class (may be left empty)");
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

/* The class and code fields side by side (only the class while it is
 * picked from the school's list); returns the bottom edge, and in *focus_x
 * where the field in focus starts (its prompt stands under it). */
static int
code_draw_fields(Ui *ui, bool picking, int *focus_x)
{
	Session *s = ui->session;
	int x = ui_px(ui, 48), y = ui_px(ui, 84), fh = ui_px(ui, 120), cw = ui_px(ui, 340);
	int full = ui->width - 2 * x;
	GfxRect code = { x, y, full, fh };

	*focus_x = x;
	if (picking && session_field_text(s, FIELD_CLASS)[0] == '\0') {
		/* Nothing typed (a keyboard works too): the buttons ask. */
		widget_text_box(ui, code_class_caption(session_audience(s), true),
		                (GfxRect){ x, y, full, fh }, ui_px(ui, 44), ui_px(ui, 22), true,
		                UI_TEXT, 1, true);
		return y + fh;
	}
	if (session_class_asked(s)) {
		GfxRect field = { x, y, cw, fh };
		widget_field(ui, field, code_class_caption(session_audience(s), picking),
		             session_field_text(s, FIELD_CLASS),
		             session_field_focus(s) == FIELD_CLASS,
		             (Action){ .type = ACTION_FOCUS, .index = FIELD_CLASS });
		code.x += cw + ui_px(ui, 32);
		code.w -= cw + ui_px(ui, 32);
	}
	if (picking)
		return y + fh;
	widget_field(ui, code, code_code_caption(session_audience(s)),
	             session_field_text(s, FIELD_CODE), session_field_focus(s) == FIELD_CODE,
	             (Action){ .type = ACTION_FOCUS, .index = FIELD_CODE });
	if (session_field_focus(s) == FIELD_CODE)
		*focus_x = code.x;
	return y + fh;
}

/* The school's classes as buttons, a row per grade; the class typed so far
 * (a keyboard works too) is shown chosen. */
static void
code_draw_classes(Ui *ui, GfxRect area)
{
	Session *s = ui->session;
	int n =
	    session_class_count(s) < CODE_CLASSES_MAX ? session_class_count(s) : CODE_CLASSES_MAX;
	int row_of[CODE_CLASSES_MAX];
	GfxRect rects[CODE_CLASSES_MAX];
	char typed[SESSION_FIELD_MAX + 1];

	classname_normalize(session_field_text(s, FIELD_CLASS), typed, sizeof typed);
	for (int i = 0; i < n; i++)
		row_of[i] = i == 0 ? 0
		                   : row_of[i - 1] + (classname_grade(session_class_at(s, i)) !=
		                                      classname_grade(session_class_at(s, i - 1)));
	layout_classes(area, row_of, n, ui_px(ui, 12), ui_px(ui, 200), ui_px(ui, 96), rects);
	for (int i = 0; i < n; i++)
		widget_button(ui, rects[i], 0, session_class_at(s, i), NULL,
		              strcmp(session_class_at(s, i), typed) == 0 ? BUTTON_CHOSEN
		                                                         : BUTTON_NORMAL,
		              (Action){ .type = ACTION_CHOOSE, .index = CODE_CLASS_BUTTON + i });
}

/* The line of help under it all, for whoever answers. */
static const char *
code_hint(const Session *s, bool picking)
{
	bool child = strcmp(session_audience(s), "student") == 0;

	if (picking)
		return child ? _("Your class is not there? Call the teacher.")
		             : _("The class is not there? Please tell whoever runs the survey.");
	if (session_code_required(s))
		return child ? _("Type on the screen or the keyboard, then \"Next\".")
		             : _("Please type on the screen or the keyboard, then press \"Next\".");
	return child ? _("Type on the screen or the keyboard, then \"Next\". The code may be "
	                 "left empty.")
	             : _("Please type on the screen or the keyboard, then press \"Next\". The "
	                 "code may be left empty.");
}

static void
code_draw(Ui *ui)
{
	Session *s = ui->session;
	bool picking = session_field_focus(s) == FIELD_CLASS && session_class_count(s) > 0;
	int w = ui->width, h = ui->height, focus_x = 0;
	int fields = code_draw_fields(ui, picking, &focus_x), top = fields + ui_px(ui, 64);
	GfxRect area = { ui_px(ui, 48), top, w - ui_px(ui, 96), h - top - ui_px(ui, 124) };

	widget_header(ui, _("Before we begin"), NULL, -1);
	/* Under the field in focus, in the row kept free for it. */
	if (session_prompt(s) != NULL)
		widget_prompt(ui,
		              (GfxRect){ focus_x, fields + ui_px(ui, 8),
		                         w - ui_px(ui, 48) - focus_x, ui_px(ui, 44) },
		              session_prompt(s));
	if (picking) {
		code_draw_classes(ui, area);
	} else {
		code_draw_keyboard(ui, area);
		widget_button(ui, ui_footer(ui, LAYOUT_RIGHT, 32, 260), 0, _("Next >"), NULL,
		              BUTTON_PRIMARY, (Action){ .type = ACTION_NEXT });
	}
	widget_hint(ui, code_hint(s, picking));
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
	case ACTION_CHOOSE: /* keys 1-9 are typed digits here, not choices */
		if (a->index >= CODE_CLASS_BUTTON)
			session_pick_class(ui->session, a->index - CODE_CLASS_BUTTON, ui->now);
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
