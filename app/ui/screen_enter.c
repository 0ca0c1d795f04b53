/*
 * screen_enter.c: the psychologist enters the values of the indicators no
 * questionnaire measures (a count of events, "N of M" people, да / нет):
 * pick the indicator (< >), the wave, the class (or the whole school), type
 * the value or press да / нет, and save. entered_put() checks and stores
 * it, as `anketa enter` does; the screen says what was stored.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "classname.h"
#include "entered.h"
#include "ui.h"
#include "util.h"

enum {
	ENTER_PREV = 100,
	ENTER_NEXT,
	ENTER_SAVE,
	ENTER_YES,
	ENTER_NO,
	ENTER_SCHOOL,
	ENTER_WAVE = 200, /* + the wave's index */
};

enum { ENTER_CLASS = 300 }; /* + the class's index in the list; -1: the school */

/* The most waves shown (the programme's first ones), as on the menu. */
#define ENTER_MAX_WAVES 6

/* The keypad for a touch screen: what a value is typed with. */
static const char *const enter_keys[] = { "1", "2", "3", "4", "5", "6",
	                                  "7", "8", "9", "0", "/", "\u232b" };
#define ENTER_KEYS ((int)(sizeof enter_keys / sizeof enter_keys[0]))

/* How many entered indicators the programmes have. */
static int
enter_count(const Ui *ui)
{
	int n = 0;

	for (int p = 0; p < ui->n_programs; p++)
		for (int i = 0; i < ui->programs[p]->n_indicators; i++)
			n += program_kind_entered(ui->programs[p]->indicators[i].kind);
	return n;
}

/* The programme and entered indicator at item; false when there is none. */
static bool
enter_locate(const Ui *ui, int item, const Program **program, const Indicator **ind)
{
	for (int p = 0; p < ui->n_programs; p++)
		for (int i = 0; i < ui->programs[p]->n_indicators; i++) {
			const Indicator *it = &ui->programs[p]->indicators[i];
			if (!program_kind_entered(it->kind) || item-- > 0)
				continue;
			*program = ui->programs[p];
			*ind = it;
			return true;
		}
	return false;
}

/* The class as it is stored: its one spelling, "*" for the whole school. */
static void
enter_class(const Ui *ui, char out[SESSION_FIELD_MAX + 1])
{
	classname_normalize(ui->enter.class_name, out, SESSION_FIELD_MAX + 1);
	if (out[0] == '\0')
		snprintf(out, SESSION_FIELD_MAX + 1, "*");
}

typedef struct {
	const char *programme, *indicator, *wave, *klass, *school;
	char *value;
} EnterLookup;

static int
enter_find_current(const StoreEntered *e, void *arg)
{
	EnterLookup *l = arg;

	if (strcmp(e->programme_id, l->programme) == 0 &&
	    strcmp(e->indicator_id, l->indicator) == 0 && strcmp(e->wave, l->wave) == 0 &&
	    strcmp(e->class_name, l->klass) == 0 && strcmp(e->school, l->school) == 0 &&
	    e->value[0] != '\0') {
		free(l->value);
		l->value = xstrdup(e->value);
	}
	return 0;
}

/* Reads the value stored now for what is chosen (after every change). */
static void
enter_refresh(Ui *ui)
{
	const Program *program;
	const Indicator *ind;
	char klass[SESSION_FIELD_MAX + 1], *cause = NULL;
	EnterLookup l = { 0 };

	free(ui->enter.current);
	ui->enter.current = NULL;
	if (!enter_locate(ui, ui->enter.item, &program, &ind) || program->n_waves == 0)
		return;
	enter_class(ui, klass);
	l = (EnterLookup){ program->id,
		           ind->id,
		           program->waves[ui->enter.wave].id,
		           klass,
		           store_school(ui->store),
		           NULL };
	if (store_entered_each(ui->store, enter_find_current, &l, &cause) != 0)
		free(cause);
	ui->enter.current = l.value;
}

static int
enter_collect_class(const StoreClass *klass, void *arg)
{
	Ui *ui = arg;
	int n = ui->enter.n_classes;

	ui->enter.classes = xreallocarray(ui->enter.classes, (size_t)n + 1, sizeof(char *));
	ui->enter.flagged = xreallocarray(ui->enter.flagged, (size_t)n + 1, sizeof(bool));
	ui->enter.classes[n] = xstrdup(klass->class_name);
	ui->enter.flagged[n] = klass->flagged;
	ui->enter.n_classes = n + 1;
	return 0;
}

/* Opened from the menu: the first monitoring stage (the baseline when the
 * programme has no other), the whole school, an empty value, the class
 * list as it is now. */
static void
enter_enter(Ui *ui)
{
	const Program *program;
	const Indicator *ind;
	char *cause = NULL;

	ui_enter_clear(ui);
	if (store_classes_each(ui->store, enter_collect_class, ui, &cause) != 0)
		free(cause);
	if (ui->enter.item >= enter_count(ui))
		ui->enter.item = 0;
	ui->enter.wave = enter_locate(ui, ui->enter.item, &program, &ind) && program->n_waves > 1;
	ui->enter.class_name[0] = ui->enter.value[0] = '\0';
	ui_set_message(ui, NULL);
	enter_refresh(ui);
}

/* What to type for the kind of indicator. Borrowed. */
static const char *
enter_kind_hint(const Indicator *ind)
{
	if (ind->kind == INDICATOR_COUNT)
		return _("A number, for example 7.");
	if (ind->kind == INDICATOR_YESNO)
		return _("Yes or no, for the whole school.");
	if (ind->expected != NULL && strcmp(ind->expected, "parents") == 0)
		return _("How many of how many: 18/25, or 18 alone (of the class list's parents).");
	if (ind->expected != NULL)
		return _(
		    "How many of how many: 18/25, or 18 alone (of the class list's students).");
	return _("How many of how many people: 18/25.");
}

/* The indicator, its kind's hint, and the buttons to the others. */
static void
enter_draw_indicator(Ui *ui, const Indicator *ind)
{
	int w = ui->width, x = ui_px(ui, 148), tw = w - 2 * ui_px(ui, 148);
	char *title = xasprintf("%s. %s", ind->id, ind->title);

	widget_button(ui, (GfxRect){ ui_px(ui, 48), ui_px(ui, 96), ui_px(ui, 84), ui_px(ui, 96) },
	              0, "<", NULL, BUTTON_NORMAL,
	              (Action){ .type = ACTION_CHOOSE, .index = ENTER_PREV });
	widget_button(
	    ui, (GfxRect){ w - ui_px(ui, 132), ui_px(ui, 96), ui_px(ui, 84), ui_px(ui, 96) }, 0,
	    ">", NULL, BUTTON_NORMAL, (Action){ .type = ACTION_CHOOSE, .index = ENTER_NEXT });
	widget_text_box(ui, title, (GfxRect){ x, ui_px(ui, 92), tw, ui_px(ui, 70) }, ui_px(ui, 26),
	                ui_px(ui, 14), true, UI_TEXT, 0, true);
	widget_text_box(ui, enter_kind_hint(ind), (GfxRect){ x, ui_px(ui, 164), tw, ui_px(ui, 30) },
	                ui_px(ui, 20), ui_px(ui, 12), false, UI_MUTED, 0, true);
	free(title);
}

/* The programme's waves by title, in one row. */
static void
enter_draw_waves(Ui *ui, const Program *program)
{
	int n = program->n_waves < ENTER_MAX_WAVES ? program->n_waves : ENTER_MAX_WAVES;
	GfxRect row = { ui_px(ui, 48), ui_px(ui, 206), ui->width - ui_px(ui, 96), ui_px(ui, 60) };

	for (int i = 0; i < n; i++)
		widget_button(ui, layout_grid(row, 1, n, ui_px(ui, 12), i), 0,
		              program->waves[i].title, NULL,
		              i == ui->enter.wave ? BUTTON_CHOSEN : BUTTON_NORMAL,
		              (Action){ .type = ACTION_CHOOSE, .index = ENTER_WAVE + i });
}

/* "Вся школа" and the classes of the list the programme counts (at most
 * 11: a school's flagged classes are a few). */
static void
enter_draw_classes(Ui *ui, const Program *program, const Indicator *ind)
{
	GfxRect area = { ui_px(ui, 48), ui_px(ui, 282), ui->width - ui_px(ui, 96), ui_px(ui, 108) };
	int shown = 1;

	widget_button(ui, layout_grid(area, 2, 6, ui_px(ui, 8), 0), 0, _("Whole school"), NULL,
	              ui->enter.class_name[0] == '\0' ? BUTTON_CHOSEN : BUTTON_NORMAL,
	              (Action){ .type = ACTION_CHOOSE, .index = ENTER_SCHOOL });
	for (int i = 0; ind->kind != INDICATOR_YESNO && i < ui->enter.n_classes && shown < 16;
	     i++) {
		if (program->flagged_classes && !ui->enter.flagged[i])
			continue;
		widget_button(ui, layout_grid(area, 2, 6, ui_px(ui, 8), shown++), 0,
		              ui->enter.classes[i], NULL,
		              strcmp(ui->enter.class_name, ui->enter.classes[i]) == 0
		                  ? BUTTON_CHOSEN
		                  : BUTTON_NORMAL,
		              (Action){ .type = ACTION_CHOOSE, .index = ENTER_CLASS + i });
	}
}

/* The value: да / нет buttons, or the typed value and a keypad. */
static void
enter_draw_value(Ui *ui, const Indicator *ind)
{
	char *caption = ui->enter.current
	                    ? xasprintf(_("Value (entered now: %s)"), ui->enter.current)
	                    : xstrdup(_("Value (none entered yet)"));
	GfxRect field = { ui_px(ui, 48), ui_px(ui, 404), ui_px(ui, 400), ui_px(ui, 130) };
	GfxRect pad = { ui_px(ui, 472), ui_px(ui, 438), ui->width - ui_px(ui, 520), ui_px(ui, 96) };

	if (ind->kind == INDICATOR_YESNO) {
		widget_text_box(ui, caption,
		                (GfxRect){ field.x, field.y, ui->width, ui_px(ui, 34) },
		                ui_px(ui, 26), ui_px(ui, 14), false, UI_TEXT, 0, false);
		widget_button(ui, (GfxRect){ field.x, pad.y, ui_px(ui, 240), pad.h }, 0, _("yes"),
		              NULL, BUTTON_NORMAL,
		              (Action){ .type = ACTION_CHOOSE, .index = ENTER_YES });
		widget_button(ui,
		              (GfxRect){ field.x + ui_px(ui, 264), pad.y, ui_px(ui, 240), pad.h },
		              0, _("no"), NULL, BUTTON_NORMAL,
		              (Action){ .type = ACTION_CHOOSE, .index = ENTER_NO });
	} else {
		widget_field(ui, field, caption, ui->enter.value, true,
		             (Action){ .type = ACTION_NONE });
		for (int i = 0; i < ENTER_KEYS; i++) {
			Action a = { .type = ACTION_TEXT };
			if (i == ENTER_KEYS - 1)
				a = (Action){ .type = ACTION_BACK };
			else
				snprintf(a.text, sizeof a.text, "%s", enter_keys[i]);
			widget_button(ui, layout_grid(pad, 2, 6, ui_px(ui, 8), i), 0, enter_keys[i],
			              NULL, BUTTON_NORMAL, a);
		}
	}
	free(caption);
}

static void
enter_draw(Ui *ui)
{
	const Program *program;
	const Indicator *ind;
	GfxRect back = ui_footer(ui, LAYOUT_LEFT, 32, 300);
	GfxRect save = ui_footer(ui, LAYOUT_RIGHT, 32, 300);

	widget_button(ui, back, 0, _("Back to the menu"), NULL, BUTTON_NORMAL,
	              (Action){ .type = ACTION_CANCEL });
	if (!enter_locate(ui, ui->enter.item, &program, &ind) || program->n_waves == 0) {
		widget_header(ui, _("Entering indicator values"), NULL, -1);
		widget_text_box(ui, _("No programme has indicators that are entered by hand."),
		                (GfxRect){ ui_px(ui, 80), ui->height / 3,
		                           ui->width - ui_px(ui, 160), ui->height / 4 },
		                ui_px(ui, 30), ui_px(ui, 14), false, UI_MUTED, 1, true);
		return;
	}
	widget_header(ui, program->title, _("Entering indicator values"), -1);
	enter_draw_indicator(ui, ind);
	enter_draw_waves(ui, program);
	enter_draw_classes(ui, program, ind);
	enter_draw_value(ui, ind);
	if (ind->kind != INDICATOR_YESNO)
		widget_button(ui, save, 0, _("Save"), NULL, BUTTON_PRIMARY,
		              (Action){ .type = ACTION_CHOOSE, .index = ENTER_SAVE });
}

/* Stores text for what is chosen and says what was stored, or why not. */
static void
enter_save(Ui *ui, const char *text)
{
	const Program *program;
	const Indicator *ind;
	char klass[SESSION_FIELD_MAX + 1], *said = NULL, *cause = NULL;

	if (!enter_locate(ui, ui->enter.item, &program, &ind) || program->n_waves == 0)
		return;
	enter_class(ui, klass);
	if (entered_put(ui->store, program, ind->id, program->waves[ui->enter.wave].id, klass, text,
	                &said, &cause) != 0) {
		ui_set_message(ui, cause);
		free(cause);
		return;
	}
	ui_set_notice(ui, said);
	free(said);
	ui->enter.value[0] = '\0';
	enter_refresh(ui);
}

/* Typed text goes into the value (digits, "/", spaces and letters). */
static void
enter_type(Ui *ui, const char *utf8)
{
	size_t used = strlen(ui->enter.value), add = strlen(utf8);

	if (add > 0 && used + add < sizeof ui->enter.value)
		memcpy(ui->enter.value + used, utf8, add + 1);
}

static void
enter_erase(Ui *ui)
{
	size_t len = strlen(ui->enter.value);

	while (len > 0 && ((unsigned char)ui->enter.value[--len] & 0xc0) == 0x80)
		;
	ui->enter.value[len] = '\0';
}

/* A click on < >, a wave, a class, да / нет or Save. */
static void
enter_choose(Ui *ui, int i)
{
	int n = enter_count(ui);

	if ((i == ENTER_PREV || i == ENTER_NEXT) && n > 0) {
		ui->enter.item = (ui->enter.item + (i == ENTER_NEXT ? 1 : n - 1)) % n;
		ui->enter.class_name[0] = ui->enter.value[0] = '\0';
	} else if (i >= ENTER_WAVE && i < ENTER_WAVE + ENTER_MAX_WAVES) {
		ui->enter.wave = i - ENTER_WAVE;
	} else if (i == ENTER_SCHOOL) {
		ui->enter.class_name[0] = '\0';
	} else if (i >= ENTER_CLASS && i < ENTER_CLASS + ui->enter.n_classes) {
		snprintf(ui->enter.class_name, sizeof ui->enter.class_name, "%s",
		         ui->enter.classes[i - ENTER_CLASS]);
	} else if (i == ENTER_SAVE || i == ENTER_YES || i == ENTER_NO) {
		enter_save(ui, i == ENTER_YES ? "да" : i == ENTER_NO ? "нет" : ui->enter.value);
		return;
	} else {
		return; /* the keys 1-9 are typed as text */
	}
	enter_refresh(ui);
}

static void
enter_handle(Ui *ui, const Action *a)
{
	/* A new choice or a key: the last notice has been read. */
	if (a->type == ACTION_TEXT || a->type == ACTION_BACK ||
	    (a->type == ACTION_CHOOSE && a->index >= ENTER_PREV))
		ui_set_message(ui, NULL);
	if (a->type == ACTION_CANCEL) {
		ui_set_message(ui, NULL);
		ui_enter_clear(ui);
		session_cancel(ui->session, ui->now);
	} else if (a->type == ACTION_CHOOSE) {
		enter_choose(ui, a->index);
	} else if (a->type == ACTION_TEXT) {
		enter_type(ui, a->text);
	} else if (a->type == ACTION_BACK) {
		enter_erase(ui);
	} else if (a->type == ACTION_NEXT && a->index == 0) { /* Enter, not the arrow */
		enter_choose(ui, ENTER_SAVE);
	}
}

const struct screen screen_enter = {
	.name = "enter",
	.enter = enter_enter,
	.handle = enter_handle,
	.draw = enter_draw,
	.banner = LAYOUT_BANNER_ABOVE_FOOTER,
};
