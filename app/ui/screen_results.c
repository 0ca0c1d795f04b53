/*
 * screen_results.c: the programme's indicators as the psychologist reports
 * them: one indicator a page, a row per class and one for the whole school,
 * a column per diagnostic wave, each cell the share (and how many of how
 * many), green when the target is met and red when it is not. The last page
 * lists the answers that raised an alert (survey files' `alerts:`), newest
 * first: which class and code, which questionnaire, when, and why.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "classname.h"
#include "analysis.h"
#include "report.h"
#include "results.h"
#include "ui.h"
#include "util.h"

/* The programme and indicator of page `page`, counted over all programmes. */
static bool
results_locate(const Ui *ui, int page, int *program, int *indicator)
{
	for (int p = 0; p < ui->n_programs; p++) {
		if (page < ui->programs[p]->n_indicators) {
			*program = p;
			*indicator = page;
			return true;
		}
		page -= ui->programs[p]->n_indicators;
	}
	return false;
}

/* The indicator pages and, after them, the alerts page. */
static int
results_pages(const Ui *ui)
{
	int n = 1;

	for (int p = 0; p < ui->n_programs; p++)
		n += ui->programs[p]->n_indicators;
	return n;
}

static void
results_enter(Ui *ui)
{
	char *cause = NULL;

	ui_report_clear(ui);
	ui->report.page = 0;
	ui->report.analysis =
	    analysis_build(ui->store, ui->surveys, ui->programs, ui->n_programs, NULL, &cause);
	if (ui->report.analysis == NULL) {
		ui_set_message(ui, cause);
		free(cause);
	}
}

/* Between the page buttons: the first warning about the data (an older
 * survey file, sittings left out) and how many more the report lists. */
static void
results_draw_warnings(Ui *ui)
{
	const Diag *w = ui->report.analysis ? analysis_warnings(ui->report.analysis) : NULL;
	char *text;

	if (w == NULL || w->n == 0)
		return;
	text = w->n == 1 ? xstrdup(w->entries[0].message)
	                 : xasprintf(_("%s (and %d more warnings like it)"), w->entries[0].message,
	                             w->n - 1);
	widget_hint(ui, text);
	free(text);
}

/* "62,5 % (10 из 16)", or the reduction against the baseline. */
static char *
results_cell_text(const IndicatorRow *row, const Indicator *ind)
{
	IndicatorKind kind = ind->kind;
	char *percent, *change, *text;

	if (row->has_value && kind == INDICATOR_YESNO)
		return xstrdup(row->value ? _("yes") : _("no"));
	if (row->has_value)
		return xasprintf("%d", row->value);
	if (!row->has_percent)
		return xasprintf(_("no data"));
	/* Rounded and written as the report writes them, so screen and paper agree. */
	percent = report_decimal(row->percent);
	if (kind == INDICATOR_REDUCTION && row->has_change) {
		change = report_decimal(row->change);
		text = xasprintf(_("%s %% (reduction %s %%)"), percent, change);
		free(change);
	} else {
		text = xasprintf(_("%s %% (%d of %d)"), percent, row->meeting, row->n);
	}
	if (row->too_few) { /* fewer respondents than min_n: said, not judged */
		char *few = report_too_few_text(ind), *with;
		with = xasprintf("%s; %s", text, few);
		free(text);
		free(few);
		text = with;
	}
	if (row->has_positive) { /* positive dynamics asked for: the change too */
		char *pp = report_change_pp_text(row->change_pp), *with;
		with = xasprintf("%s, %s", text, pp);
		free(text);
		free(pp);
		text = with;
	}
	free(percent);
	return text;
}

/* The row of the table for a class and wave, or NULL. */
static const IndicatorRow *
results_find(const IndicatorTable *t, const char *id, const char *wave, const char *class_name)
{
	for (int i = 0; i < t->n; i++) {
		const IndicatorRow *r = &t->rows[i];
		if (strcmp(r->indicator_id, id) == 0 && strcmp(r->wave, wave) == 0 &&
		    strcmp(r->class_name, class_name) == 0)
			return r;
	}
	return NULL;
}

/* True when some wave has a figure for the class. */
static bool
results_has_data(const IndicatorTable *t, const char *id, const char *class_name)
{
	for (int i = 0; i < t->n; i++)
		if (strcmp(t->rows[i].indicator_id, id) == 0 &&
		    strcmp(t->rows[i].class_name, class_name) == 0 &&
		    (t->rows[i].has_percent || t->rows[i].has_value))
			return true;
	return false;
}

static int
results_compare_classes(const void *a, const void *b)
{
	return classname_compare(*(const char *const *)a, *(const char *const *)b);
}

/* Classes of one indicator, at most max, as a school lists them ("2А"
 * before "10А", the whole school last): those with a figure in some wave,
 * and the whole school always. Answers without a class (teachers) count in
 * the whole school only, as the report shows them. */
static int
results_classes(const IndicatorTable *t, const char *id, const char **out, int max)
{
	int n = 0;

	for (int i = 0; i < t->n && n < max; i++) {
		const char *name = t->rows[i].class_name;
		bool seen = false, school = strcmp(name, "*") == 0;
		if (strcmp(t->rows[i].indicator_id, id) != 0 || name[0] == '\0' ||
		    (!school && !results_has_data(t, id, name)))
			continue;
		for (int j = 0; j < n && !seen; j++)
			seen = strcmp(out[j], name) == 0;
		if (!seen)
			out[n++] = name;
	}
	qsort(out, (size_t)n, sizeof *out, results_compare_classes);
	return n;
}

static void
results_draw_cell(Ui *ui, GfxRect r, const IndicatorRow *row, const Indicator *ind, int size)
{
	GfxColor ink = UI_TEXT;
	char *text;

	if (row == NULL)
		return;
	if ((!row->has_percent && !row->has_value) || row->too_few)
		ink = UI_MUTED;
	else if (row->has_met)
		ink = row->met ? UI_CHOSEN : UI_ERROR;
	text = results_cell_text(row, ind);
	widget_text_box(ui, text, r, size, ui_px(ui, 12), row->has_met, ink, 0, true);
	free(text);
}

/* The table of one indicator: a row per class, a column per wave. */
static void
results_draw_table(Ui *ui, const Program *program, const Indicator *ind, const IndicatorTable *t,
                   GfxRect area)
{
	const char *classes[64];
	int n = results_classes(t, ind->id, classes, 64);
	int first = ui_px(ui, 200),
	    col = (area.w - first) / (program->n_waves ? program->n_waves : 1);
	int row_h =
	    n > 0 ? (area.h / (n + 1) < ui_px(ui, 44) ? area.h / (n + 1) : ui_px(ui, 44)) : 0;
	int size = row_h * 55 / 100;

	for (int w = 0; w < program->n_waves; w++)
		widget_text_box(ui, program->waves[w].title,
		                (GfxRect){ area.x + first + w * col, area.y, col, row_h }, size,
		                ui_px(ui, 12), true, UI_MUTED, 0, true);
	for (int c = 0; c < n; c++) {
		int y = area.y + (c + 1) * row_h;
		const char *name = strcmp(classes[c], "*") == 0 ? _("Whole school") : classes[c];
		if (c % 2 == 0)
			gfx_fill(ui->gfx, (GfxRect){ area.x, y, area.w, row_h }, UI_BADGE);
		widget_text_box(ui, name, (GfxRect){ area.x + ui_px(ui, 8), y, first, row_h }, size,
		                ui_px(ui, 12), true, UI_TEXT, 0, true);
		for (int w = 0; w < program->n_waves; w++)
			results_draw_cell(
			    ui, (GfxRect){ area.x + first + w * col, y, col, row_h },
			    results_find(t, ind->id, program->waves[w].id, classes[c]), ind, size);
	}
	if (n == 0)
		widget_text_box(ui, _("No completed questionnaires yet."), area, ui_px(ui, 28),
		                ui_px(ui, 14), false, UI_MUTED, 1, true);
}

/* The indicator's title, its definition, its targets and its table. */
static void
results_draw_indicator(Ui *ui, const Program *program, const Indicator *ind,
                       const IndicatorTable *table)
{
	int w = ui->width, h = ui->height;
	char *title = xasprintf("%s. %s", ind->id, ind->title ? ind->title : "");
	char *targets = report_targets_text(program, ind);
	char *definition = ind->definition ? xasprintf(_("Definition: %s"), ind->definition) : NULL;

	widget_text_box(ui, title,
	                (GfxRect){ ui_px(ui, 32), ui_px(ui, 70), w - ui_px(ui, 64),
	                           ui_px(ui, definition ? 64 : 96) },
	                ui_px(ui, 30), ui_px(ui, 16), true, UI_TEXT, 0, true);
	if (definition != NULL)
		widget_text_box(
		    ui, definition,
		    (GfxRect){ ui_px(ui, 32), ui_px(ui, 134), w - ui_px(ui, 64), ui_px(ui, 34) },
		    ui_px(ui, 18), ui_px(ui, 11), false, UI_MUTED, 0, true);
	free(definition);
	widget_text_box(
	    ui, targets,
	    (GfxRect){ ui_px(ui, 32), ui_px(ui, 168), w - ui_px(ui, 64), ui_px(ui, 36) },
	    ui_px(ui, 22), ui_px(ui, 12), false, UI_MUTED, 0, true);
	results_draw_table(
	    ui, program, ind, table,
	    (GfxRect){ ui_px(ui, 32), ui_px(ui, 214), w - ui_px(ui, 64), h - ui_px(ui, 334) });
	free(title);
	free(targets);
}

/* "6А · код K7 · Мой день в школе · 15.09.2026" above an alert's message. */
static char *
results_alert_where(const ResultSitting *s)
{
	const char *at = s->completed_at ? s->completed_at : s->started_at;
	const char *title = s->survey->title ? s->survey->title : s->survey->id;
	char day[16] = "";
	char *who =
	    s->respondent[0] ? xasprintf(_("code %s"), s->respondent) : xstrdup(_("no code"));
	char *text;

	/* ISO 8601 "2026-09-15T..." shown as 15.09.2026. */
	if (at != NULL && strlen(at) >= 10)
		snprintf(day, sizeof day, "%.2s.%.2s.%.4s", at + 8, at + 5, at);
	text = xasprintf("%s · %s · %s%s%s", s->class_name[0] ? s->class_name : _("no class"), who,
	                 title, day[0] ? " · " : "", day);
	free(who);
	return text;
}

/* One alert: where it came from (muted) and the survey's message. */
static void
results_draw_alert(Ui *ui, const ResultSitting *s, const SurveyAlert *alert, GfxRect r)
{
	char *where = results_alert_where(s);
	int line = r.h / 2;

	gfx_fill_rounded(ui->gfx, r, ui_px(ui, 10), UI_CARD);
	widget_text_box(
	    ui, where,
	    (GfxRect){ r.x + ui_px(ui, 16), r.y + ui_px(ui, 4), r.w - ui_px(ui, 32), line },
	    ui_px(ui, 20), ui_px(ui, 12), false, UI_MUTED, 0, true);
	widget_text_box(ui, alert->message,
	                (GfxRect){ r.x + ui_px(ui, 16), r.y + line, r.w - ui_px(ui, 32),
	                           r.h - line - ui_px(ui, 4) },
	                ui_px(ui, 22), ui_px(ui, 12), true, UI_TEXT, 0, true);
	free(where);
}

/* The alerts page: as many alerts as fit, newest first, then how many more
 * there are and where to find them all. */
static void
results_draw_alerts(Ui *ui)
{
	static const ResultSet none = { 0 };
	const ResultSet *set = ui->report.analysis ? analysis_results(ui->report.analysis) : &none;
	int w = ui->width, h = ui->height, top = ui_px(ui, 80), row = ui_px(ui, 96);
	int gap = ui_px(ui, 10), fit = (h - ui_px(ui, 130) - top) / (row + gap) - 1;
	int shown = 0, total = 0;

	for (int i = set->n - 1; i >= 0; i--) {
		const ResultSitting *s = &set->items[i];
		for (int k = 0; k < s->survey->n_alerts; k++) {
			if (!s->alerts[k])
				continue;
			if (shown < fit)
				results_draw_alert(ui, s, &s->survey->alerts[k],
				                   (GfxRect){ ui_px(ui, 32),
				                              top + shown++ * (row + gap),
				                              w - ui_px(ui, 64), row });
			total++;
		}
	}
	if (total == 0)
		widget_text_box(ui, _("No answer has raised an alert."),
		                (GfxRect){ ui_px(ui, 80), h / 3, w - ui_px(ui, 160), h / 4 },
		                ui_px(ui, 30), ui_px(ui, 14), false, UI_MUTED, 1, true);
	else if (total > shown) {
		char *more = xasprintf(_("And %d more: all of them are on the \"alerts\" sheet of "
		                         "the tables the menu's Report button saves."),
		                       total - shown);
		widget_text_box(
		    ui, more,
		    (GfxRect){ ui_px(ui, 32), top + shown * (row + gap), w - ui_px(ui, 64), row },
		    ui_px(ui, 22), ui_px(ui, 12), false, UI_MUTED, 0, true);
		free(more);
	}
}

static void
results_draw(Ui *ui)
{
	int p, i;
	GfxRect back = ui_footer(ui, LAYOUT_LEFT, 32, 300);
	GfxRect prev = ui_footer(ui, LAYOUT_RIGHT, 202, 150);
	GfxRect next = ui_footer(ui, LAYOUT_RIGHT, 32, 150);
	char *note;

	widget_button(ui, back, 0, _("Back to the menu"), NULL, BUTTON_NORMAL,
	              (Action){ .type = ACTION_CANCEL });
	note = ui->n_programs == 0
	           ? xstrdup(_("No programme file was found in surveys/programs."))
	           : xasprintf(_("Page %d of %d"), ui->report.page + 1, results_pages(ui));
	if (results_locate(ui, ui->report.page, &p, &i)) {
		static const IndicatorTable empty = { 0 };
		widget_header(ui, ui->programs[p]->title, note, -1);
		results_draw_indicator(ui, ui->programs[p], &ui->programs[p]->indicators[i],
		                       ui->report.analysis ? analysis_table(ui->report.analysis, p)
		                                           : &empty);
	} else {
		widget_header(ui, _("Answers that need attention"), note, -1);
		results_draw_alerts(ui);
	}
	free(note);
	results_draw_warnings(ui);
	widget_button(ui, prev, 0, "<", NULL, BUTTON_NORMAL,
	              (Action){ .type = ACTION_BACK, .index = 1 });
	widget_button(ui, next, 0, ">", NULL, BUTTON_PRIMARY,
	              (Action){ .type = ACTION_NEXT, .index = 1 });
}

static void
results_handle(Ui *ui, const Action *a)
{
	int pages = results_pages(ui);

	if (a->type == ACTION_CANCEL) {
		ui_report_clear(ui);
		session_cancel(ui->session, ui->now);
	} else if (a->type == ACTION_NEXT && pages > 0) {
		ui->report.page = (ui->report.page + 1) % pages;
	} else if (a->type == ACTION_BACK && pages > 0) {
		ui->report.page = (ui->report.page + pages - 1) % pages;
	}
}

/* The page ">" shows next (ui is the rehearsal's own copy), and the menu
 * "Back" returns to. */
static void
results_rehearse(Ui *ui)
{
	int pages = results_pages(ui);

	if (pages > 1) {
		ui->report.page = (ui->report.page + 1) % pages;
		results_draw(ui);
	}
	screen_menu.draw(ui);
}

const struct screen screen_results = {
	.name = "results",
	.enter = results_enter,
	.handle = results_handle,
	.draw = results_draw,
	.rehearse = results_rehearse,
};
