/*
 * screen_results.c: the programmes' indicators as the psychologist reads
 * them, a page at a time ("Страница 3 из 12" in the header; Enter, → or
 * PageDown and ">" the next page, Backspace, ← or PageUp and "<" the
 * previous, Escape and "Назад в меню" back to the menu):
 *
 *  - the overview of each programme: every indicator for the whole school,
 *    a column per wave with the value and the target, ✓ met or ✗ not met
 *    in colour and symbol, ✎ before an indicator the psychologist enters,
 *    "нет данных" where nobody answered, "мало данных" under min_n;
 *  - one page per indicator: its definition and targets, the chart of its
 *    classes and the school per wave (chart.h, painted once into a cached
 *    image), the school's figures in words under it, and beside it the
 *    paired change of its scale from the first to the last wave where
 *    coded respondents answered in both; counts, yes/no and indicators
 *    without figures as a table;
 *  - the answers that raised an alert, newest first, as many pages as they
 *    take, each with its class, code, questionnaire, wave and date.
 *
 * How many rows a page holds depends on the screen's height, so the pages
 * are counted for the size drawn (results_walk). The figures come from the
 * analysis (analysis.h), built when the screen opens; their words from
 * figure.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "figure.h"
#include "report.h"
#include "results.h"
#include "ui.h"
#include "util.h"

#define MARK_MET     "\xE2\x9C\x93" /* ✓ */
#define MARK_NOT     "\xE2\x9C\x97" /* ✗ */
#define MARK_ENTERED "\xE2\x9C\x8E" /* ✎ */

typedef enum {
	PAGE_OVERVIEW,  /* rows first .. first + count - 1 of a programme's indicators */
	PAGE_INDICATOR, /* indicator `first` of the programme */
	PAGE_ALERTS,    /* alerts first .. first + count - 1 */
} PageKind;

typedef struct {
	PageKind kind;
	int program;
	int first, count;
} ResultsPage;

/* A length given for 1280x800, but never below floor pixels: the
 * psychologist reads these tables at 800x600 too. */
static int
results_px(const Ui *ui, int length, int floor)
{
	int px = ui_px(ui, length);

	return px > floor ? px : floor;
}

/* Where a page's content stands: under the header, above the footer. */
static GfxRect
results_area(const Ui *ui)
{
	int top = ui_px(ui, 76);

	return (GfxRect){ ui_px(ui, 32), top, ui->width - ui_px(ui, 64),
		          ui->height - ui_px(ui, 110) - top };
}

static int
results_row_h(const Ui *ui)
{
	return results_px(ui, 54, 44);
}

static int
results_head_h(const Ui *ui)
{
	return results_px(ui, 40, 30);
}

/* Indicator rows on an overview page: under the column heads, above the
 * legend's line. */
static int
results_overview_rows(const Ui *ui)
{
	int rows = (results_area(ui).h - 2 * results_head_h(ui)) / results_row_h(ui);

	return rows > 1 ? rows : 1;
}

static int
results_card_h(const Ui *ui)
{
	return results_px(ui, 84, 56);
}

static int
results_alerts_per_page(const Ui *ui)
{
	int n = (results_area(ui).h - results_head_h(ui)) / (results_card_h(ui) + ui_px(ui, 10));

	return n > 1 ? n : 1;
}

/* Counts the pages; when want is one of them, fills *out with it. */
static int
results_walk(const Ui *ui, int want, ResultsPage *out)
{
	int n = 0, rows = results_overview_rows(ui), per = results_alerts_per_page(ui);
	ResultsPage page;

	for (int p = 0; p < ui->n_programs; p++)
		for (int first = 0; first < ui->programs[p]->n_indicators; first += rows, n++) {
			int left = ui->programs[p]->n_indicators - first;
			page = (ResultsPage){ PAGE_OVERVIEW, p, first, left < rows ? left : rows };
			if (n == want)
				*out = page;
		}
	for (int p = 0; p < ui->n_programs; p++)
		for (int i = 0; i < ui->programs[p]->n_indicators; i++, n++)
			if (n == want)
				*out = (ResultsPage){ PAGE_INDICATOR, p, i, 1 };
	for (int first = 0; first == 0 || first < ui->report.n_alerts; first += per, n++) {
		int left = ui->report.n_alerts - first;
		page = (ResultsPage){ PAGE_ALERTS, 0, first, left < per ? left : per };
		if (n == want)
			*out = page;
	}
	return n;
}

static int
results_pages(const Ui *ui)
{
	return results_walk(ui, -1, NULL);
}

/* The alerts raised, newest first (the results are in export order). */
static void
results_collect_alerts(Ui *ui)
{
	const ResultSet *set = analysis_results(ui->report.analysis);
	int n = 0;

	for (int i = 0; i < set->n; i++)
		n += set->items[i].n_alerts;
	ui->report.alerts = xcalloc((size_t)n + 1, sizeof *ui->report.alerts);
	for (int i = set->n - 1; i >= 0; i--)
		for (int k = 0; k < set->items[i].survey->n_alerts; k++) {
			if (!set->items[i].alerts[k])
				continue;
			ui->report.alerts[ui->report.n_alerts][0] = i;
			ui->report.alerts[ui->report.n_alerts++][1] = k;
		}
}

static void
results_enter(Ui *ui)
{
	static unsigned opened;
	char *cause = NULL;

	ui_report_clear(ui);
	ui->report.page = 0;
	ui->report.opened = ++opened;
	ui->report.analysis =
	    analysis_build(ui->store, ui->surveys, ui->programs, ui->n_programs, NULL, &cause);
	if (ui->report.analysis == NULL) {
		ui_set_message(ui, cause);
		free(cause);
	}
	results_collect_alerts(ui);
}

/* Programme p's indicator table; an empty one when the analysis failed. */
static const IndicatorTable *
results_table(const Ui *ui, int p)
{
	static const IndicatorTable empty = { 0 };

	return ui->report.analysis ? analysis_table(ui->report.analysis, p) : &empty;
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

/* The colour a figure is written in: green met, red not met, muted when
 * there is nothing to judge. */
static GfxColor
results_ink(FigureState state)
{
	switch (state) {
	case FIGURE_MET:
		return UI_CHOSEN;
	case FIGURE_NOT_MET:
		return UI_ERROR;
	case FIGURE_VALUE:
		return UI_TEXT;
	default:
		return UI_MUTED;
	}
}

/* One figure in r: its value with ✓ or ✗ (bold, in its colour) over its
 * target (muted). */
static void
results_draw_figure(Ui *ui, const Program *program, const Indicator *ind,
                    const IndicatorTable *table, const IndicatorRow *row, GfxRect r)
{
	FigureState state = figure_state(table, row);
	char *value = row ? figure_value_text(program, ind, table, row) : xstrdup(_("no data"));
	char *target = row ? figure_target_text(program, ind, row) : NULL;
	const char *mark = state == FIGURE_MET       ? " " MARK_MET
	                   : state == FIGURE_NOT_MET ? " " MARK_NOT
	                                             : "";
	char *line = xasprintf("%s%s", value, mark);
	int top = target ? r.h * 56 / 100 : r.h;

	widget_text_clipped(ui, line, (GfxRect){ r.x, r.y, r.w, top }, results_px(ui, 19, 12),
	                    state != FIGURE_NO_DATA && state != FIGURE_TOO_FEW, results_ink(state),
	                    true);
	if (target != NULL)
		widget_text_clipped(ui, target, (GfxRect){ r.x, r.y + top, r.w, r.h - top },
		                    results_px(ui, 14, 10), false, UI_MUTED, false);
	free(line);
	free(value);
	free(target);
}

/* The wave titles over the columns from x, each col wide. */
static void
results_draw_wave_heads(Ui *ui, const Program *program, int x, int y, int col, int h)
{
	for (int w = 0; w < program->n_waves; w++)
		widget_text_clipped(ui, program->waves[w].title,
		                    (GfxRect){ x + w * col, y, col - ui_px(ui, 8), h },
		                    results_px(ui, 14, 10), true, UI_MUTED, true);
}

/* The indicator's title as shown (figure_title()), with ✎ before one
 * the psychologist enters. The caller frees it. */
static char *
results_title(const Indicator *ind)
{
	char *title = figure_title(ind), *shown;

	if (!program_kind_entered(ind->kind))
		return title;
	shown = xasprintf(MARK_ENTERED " %s", title);
	free(title);
	return shown;
}

/* One indicator's row of the overview: its title, then its school figure
 * per wave. */
static void
results_draw_overview_row(Ui *ui, const Program *program, const Indicator *ind,
                          const IndicatorTable *table, GfxRect r, int title_w, int col)
{
	char *title = results_title(ind);
	int pad = ui_px(ui, 6);

	widget_text_clipped(ui, title,
	                    (GfxRect){ r.x + pad, r.y + pad, title_w - 3 * pad, r.h - 2 * pad },
	                    results_px(ui, 15, 11), false, UI_TEXT, true);
	for (int w = 0; w < program->n_waves; w++)
		results_draw_figure(
		    ui, program, ind, table, figure_row(table, ind->id, program->waves[w].id, "*"),
		    (GfxRect){ r.x + title_w + w * col, r.y + pad, col - pad, r.h - 2 * pad });
	free(title);
}

/* The overview: a programme's indicators for the whole school, a column
 * per wave; the legend under them. */
static void
results_draw_overview(Ui *ui, const ResultsPage *page)
{
	const Program *program = ui->programs[page->program];
	const IndicatorTable *table = results_table(ui, page->program);
	GfxRect area = results_area(ui);
	int head = results_head_h(ui), row_h = results_row_h(ui);
	int title_w = area.w * 42 / 100;
	int col = (area.w - title_w) / (program->n_waves > 0 ? program->n_waves : 1);
	int y = area.y + head;

	widget_text_clipped(ui, _("Indicator (whole school)"),
	                    (GfxRect){ area.x + ui_px(ui, 6), area.y, title_w, head },
	                    results_px(ui, 14, 10), true, UI_MUTED, true);
	results_draw_wave_heads(ui, program, area.x + title_w, area.y, col, head);
	for (int k = 0; k < page->count; k++, y += row_h) {
		GfxRect r = { area.x, y, area.w, row_h };
		if (k % 2 == 0)
			gfx_fill(ui->gfx, r, UI_BADGE);
		results_draw_overview_row(ui, program, &program->indicators[page->first + k], table,
		                          r, title_w, col);
	}
	widget_text_box(ui, _("✓ target met   ✗ target not met   ✎ entered by the psychologist"),
	                (GfxRect){ area.x + ui_px(ui, 6), y + ui_px(ui, 4), area.w, head },
	                results_px(ui, 15, 11), results_px(ui, 10, 9), false, UI_MUTED, 0, true);
}

/* A table of an indicator: the wave titles over a row per class (the
 * school's "*" as "Вся школа"), each cell a figure. */
static void
results_draw_table(Ui *ui, const Program *program, const Indicator *ind,
                   const IndicatorTable *table, const char *const *classes, int n, GfxRect area)
{
	int head = results_head_h(ui), first = results_px(ui, 180, 110);
	int col = (area.w - first) / (program->n_waves > 0 ? program->n_waves : 1);
	int row_h = n > 0 ? (area.h - head) / n : 0;

	if (row_h > results_row_h(ui))
		row_h = results_row_h(ui);
	results_draw_wave_heads(ui, program, area.x + first, area.y, col, head);
	for (int c = 0; c < n; c++) {
		int y = area.y + head + c * row_h;
		bool school = strcmp(classes[c], "*") == 0;
		if (c % 2 == 0)
			gfx_fill(ui->gfx, (GfxRect){ area.x, y, area.w, row_h }, UI_BADGE);
		widget_text_box(ui, school ? _("Whole school") : classes[c],
		                (GfxRect){ area.x + ui_px(ui, 8), y, first - ui_px(ui, 16), row_h },
		                results_px(ui, 18, 12), results_px(ui, 11, 10), true, UI_TEXT, 0,
		                true);
		for (int w = 0; w < program->n_waves; w++)
			results_draw_figure(
			    ui, program, ind, table,
			    figure_row(table, ind->id, program->waves[w].id, classes[c]),
			    (GfxRect){ area.x + first + w * col, y + ui_px(ui, 4),
			               col - ui_px(ui, 8), row_h - ui_px(ui, 8) });
	}
}

/* What the chart's painter needs. */
typedef struct {
	const Chart *chart;
	double unit; /* pixels per unit of the chart's geometry */
} ResultsChart;

/* Paints an indicator's chart (a GfxPainter). */
static int
results_paint_chart(void *ctx, cairo_t *cr, int w, int h)
{
	const ResultsChart *c = ctx;
	char *cause = NULL;
	int rc;

	cairo_scale(cr, c->unit, c->unit);
	rc = chart_draw(cr, c->chart, 0, 0, w / c->unit, h / c->unit, &cause);
	free(cause);
	return rc;
}

/* The chart of indicator i of programme p in r, from the drawing cache
 * (painted when it is not there). */
static void
results_draw_chart(Ui *ui, int p, int i, const FigureChart *chart, GfxRect r)
{
	ResultsChart c = { &chart->chart, ui->scale * 1.7 };
	char *key = xasprintf("results/%u/%d/%d", ui->report.opened, p, i);

	/* Its legend of three waves' titles takes about 560 units at a size
	 * that can be read; the chart needs 200 x 120 at least. Its fonts
	 * shrink before it does. */
	if (r.w / c.unit < 560)
		c.unit = r.w / 560.0;
	if (c.unit < 1 && r.w >= 200)
		c.unit = 1;
	if (r.w / c.unit < 200)
		c.unit = r.w / 200.0;
	if (r.h / c.unit < 120)
		c.unit = r.h / 120.0;
	gfx_drawing(ui->gfx, key, r, results_paint_chart, &c);
	free(key);
}

/* The paired change the analysis made (from the first to the last wave
 * with completed sittings) when the indicator's scale has pairs in it,
 * else NULL; *from and *to get the waves' titles. */
static const PairedTable *
results_paired(const Ui *ui, const Indicator *ind, const char **from, const char **to)
{
	const PairedTable *paired;
	PairedSummary sum;

	if (ui->report.analysis == NULL)
		return NULL;
	paired = analysis_paired(ui->report.analysis, from, to);
	if (paired == NULL || !figure_paired(ind, paired, "*", &sum))
		return NULL;
	*from = program_wave_title(ui->programs, ui->n_programs, *from);
	*to = program_wave_title(ui->programs, ui->n_programs, *to);
	return paired;
}

/* One line of the paired table: the class, its pairs, up, same, down. */
static void
results_draw_paired_row(Ui *ui, const char *const cells[5], GfxRect r, bool bold)
{
	int first = r.w * 28 / 100, col = (r.w - first) / 4;
	/* One size for the whole row: the heads are small enough for the
	 * narrowest column at every screen size. */
	int size = bold ? results_px(ui, 15, 11) : results_px(ui, 16, 11);

	for (int k = 0; k < 5; k++) {
		GfxRect cell = k == 0 ? (GfxRect){ r.x, r.y, first, r.h }
		                      : (GfxRect){ r.x + first + (k - 1) * col, r.y, col, r.h };
		widget_text_box(ui, cells[k], cell, size, k == 0 ? results_px(ui, 10, 9) : size,
		                bold, k == 0 || !bold ? UI_TEXT : UI_MUTED, k == 0 ? 0 : 1, true);
	}
}

/* The rows of the paired table that fit in h: the classes, the school
 * last; when they do not all fit, the first classes and the school. */
static void
results_draw_paired_rows(Ui *ui, const Indicator *ind, const PairedTable *paired, GfxRect r)
{
	int n, row_h = results_px(ui, 30, 20), fit = r.h / row_h;
	const char **classes = figure_paired_classes(ind, paired, &n);

	for (int k = 0, shown = 0; k < n && shown < fit; k++) {
		PairedSummary s;
		char cells[4][16];
		const char *row[5];
		if (n > fit && k >= fit - 1 && k < n - 1)
			continue; /* room for the school, the last */
		figure_paired(ind, paired, classes[k], &s);
		snprintf(cells[0], sizeof cells[0], "%d", s.pairs);
		snprintf(cells[1], sizeof cells[1], "%d", s.up);
		snprintf(cells[2], sizeof cells[2], "%d", s.same);
		snprintf(cells[3], sizeof cells[3], "%d", s.down);
		row[0] = strcmp(classes[k], "*") == 0 ? _("Whole school") : classes[k];
		for (int j = 0; j < 4; j++)
			row[j + 1] = cells[j];
		results_draw_paired_row(ui, row,
		                        (GfxRect){ r.x, r.y + shown++ * row_h, r.w, row_h }, false);
	}
	free(classes);
}

/* The paired change of the indicator's scale from one wave to another:
 * how many of the same coded respondents moved to a better level, stayed,
 * moved to a worse one. */
static void
results_draw_paired(Ui *ui, const Indicator *ind, const PairedTable *paired, const char *from,
                    const char *to, GfxRect r)
{
	const char *heads[5] = { _("Class"), _("pairs"), "↑", "=", "↓" };
	char *title = xasprintf(_("The same respondents (by code): %s → %s"), from, to);
	int pad = ui_px(ui, 12), head = results_px(ui, 30, 20), title_h = results_px(ui, 66, 44);
	GfxRect in = { r.x + pad, r.y + pad, r.w - 2 * pad, r.h - 2 * pad };

	gfx_card(ui->gfx, r, ui_px(ui, 10), 1, UI_CARD, UI_BORDER);
	widget_text_box(ui, title, (GfxRect){ in.x, in.y, in.w, title_h }, results_px(ui, 15, 11),
	                results_px(ui, 10, 9), true, UI_TEXT, 0, false);
	results_draw_paired_row(ui, heads, (GfxRect){ in.x, in.y + title_h, in.w, head }, true);
	results_draw_paired_rows(
	    ui, ind, paired,
	    (GfxRect){ in.x, in.y + title_h + head, in.w, in.h - title_h - 3 * head });
	widget_text_box(ui,
	                _("↑ moved to a better level of the scale, = stayed on the same, ↓ moved "
	                  "to a worse one"),
	                (GfxRect){ in.x, in.y + in.h - 2 * head, in.w, 2 * head },
	                results_px(ui, 13, 10), results_px(ui, 9, 8), false, UI_MUTED, 0, true);
	free(title);
}

/* The indicator's title, definition and targets over its body; returns
 * the body's rectangle. */
static GfxRect
results_draw_heading(Ui *ui, const Program *program, const Indicator *ind)
{
	GfxRect area = results_area(ui);
	char *title = results_title(ind), *targets = report_targets_text(program, ind);
	char *definition = ind->definition ? xasprintf(_("Definition: %s"), ind->definition) : NULL;
	int title_h = ui_px(ui, 60), line = results_px(ui, 34, 24), y = area.y + title_h;

	widget_text_box(ui, title, (GfxRect){ area.x, area.y, area.w, title_h },
	                results_px(ui, 26, 14), results_px(ui, 13, 11), true, UI_TEXT, 0, true);
	if (definition != NULL) {
		int lines = results_px(ui, 42, 30);
		widget_text_box(ui, definition, (GfxRect){ area.x, y, area.w, lines },
		                results_px(ui, 16, 11), results_px(ui, 10, 9), false, UI_MUTED, 0,
		                true);
		y += lines;
	}
	widget_text_box(ui, targets, (GfxRect){ area.x, y, area.w, line }, results_px(ui, 17, 11),
	                results_px(ui, 10, 9), true, UI_MUTED, 0, true);
	y += line + ui_px(ui, 6);
	free(definition);
	free(title);
	free(targets);
	return (GfxRect){ area.x, y, area.w, area.y + area.h - y };
}

/* True when no wave has a figure for the whole school. */
static bool
results_no_figures(const Program *program, const Indicator *ind, const IndicatorTable *table)
{
	for (int w = 0; w < program->n_waves; w++)
		if (figure_state(table, figure_row(table, ind->id, program->waves[w].id, "*")) !=
		    FIGURE_NO_DATA)
			return false;
	return true;
}

/* An indicator's page: its heading; for a share with figures the chart
 * with the school's figures under it and the paired change beside it; for
 * a count, a yes/no or an indicator without figures the table of its
 * classes. */
static void
results_draw_indicator(Ui *ui, const ResultsPage *page)
{
	const Program *program = ui->programs[page->program];
	const Indicator *ind = &program->indicators[page->first];
	const IndicatorTable *table = results_table(ui, page->program);
	GfxRect body = results_draw_heading(ui, program, ind);
	const char *from = NULL, *to = NULL;
	const PairedTable *paired = results_paired(ui, ind, &from, &to);
	int n;
	int strip = results_head_h(ui) + results_row_h(ui);
	const char *school[] = { "*" };
	GfxRect area = { body.x, body.y, body.w, body.h - strip - ui_px(ui, 6) };
	FigureChart chart;

	if (!figure_chart(program, ind, table, &chart)) {
		const char **classes = figure_classes(table, ind->id, &n);
		results_draw_table(ui, program, ind, table, classes, n, body);
		if (results_no_figures(program, ind, table))
			widget_text_box(
			    ui,
			    program_kind_entered(ind->kind)
			        ? _("Nothing has been entered yet: the values are entered with the "
			            "menu's \"Enter indicator values\" button.")
			        : _("Nobody has answered this indicator's questionnaire yet."),
			    (GfxRect){ body.x, body.y + strip + ui_px(ui, 16), body.w, strip },
			    results_px(ui, 18, 12), results_px(ui, 11, 10), false, UI_MUTED, 0,
			    false);
		free(classes);
		return;
	}
	if (paired != NULL) {
		int side = body.w * 30 / 100;
		area.w -= side + ui_px(ui, 12);
		results_draw_paired(ui, ind, paired, from, to,
		                    (GfxRect){ body.x + body.w - side, body.y, side, body.h });
	}
	results_draw_chart(ui, page->program, page->first, &chart, area);
	figure_chart_free(&chart);
	results_draw_table(ui, program, ind, table, school, 1,
	                   (GfxRect){ body.x, body.y + body.h - strip, area.w, strip });
}

/* "6А · код K7 · Мой день в школе · Исходные данные · 15.09.2026" above an
 * alert's message. */
static char *
results_alert_where(const Ui *ui, const ResultSitting *s)
{
	const char *at = s->completed_at ? s->completed_at : s->started_at;
	const char *title = s->survey->title ? s->survey->title : s->survey->id;
	const char *wave = program_wave_title(ui->programs, ui->n_programs, s->wave);
	char day[16] = "";
	char *who =
	    s->respondent[0] ? xasprintf(_("code %s"), s->respondent) : xstrdup(_("no code"));
	char *text;

	/* ISO 8601 "2026-09-15T..." shown as 15.09.2026. */
	if (at != NULL && strlen(at) >= 10)
		snprintf(day, sizeof day, "%.2s.%.2s.%.4s", at + 8, at + 5, at);
	text = xasprintf("%s · %s · %s · %s%s%s", s->class_name[0] ? s->class_name : _("no class"),
	                 who, title, wave, day[0] ? " · " : "", day);
	free(who);
	return text;
}

/* One alert: where it came from (muted) and the survey's message. */
static void
results_draw_alert(Ui *ui, const ResultSitting *s, const SurveyAlert *alert, GfxRect r)
{
	char *where = results_alert_where(ui, s);
	int line = r.h * 45 / 100, pad = ui_px(ui, 16);

	gfx_fill_rounded(ui->gfx, r, ui_px(ui, 10), UI_CARD);
	widget_text_box(ui, where, (GfxRect){ r.x + pad, r.y + ui_px(ui, 4), r.w - 2 * pad, line },
	                results_px(ui, 18, 12), results_px(ui, 11, 10), false, UI_MUTED, 0, true);
	widget_text_box(
	    ui, alert->message,
	    (GfxRect){ r.x + pad, r.y + line, r.w - 2 * pad, r.h - line - ui_px(ui, 4) },
	    results_px(ui, 21, 13), results_px(ui, 11, 10), true, UI_TEXT, 0, true);
	free(where);
}

/* A page of alerts, newest first. */
static void
results_draw_alerts(Ui *ui, const ResultsPage *page)
{
	GfxRect area = results_area(ui);
	int card = results_card_h(ui), gap = ui_px(ui, 10);

	if (ui->report.n_alerts == 0) {
		widget_text_box(ui, _("No answer has raised an alert."),
		                (GfxRect){ area.x, area.y, area.w, area.h / 2 },
		                results_px(ui, 30, 16), results_px(ui, 14, 12), false, UI_MUTED, 1,
		                true);
		return;
	}
	for (int k = 0; k < page->count; k++) {
		const int *a = ui->report.alerts[page->first + k];
		const ResultSitting *s = &analysis_results(ui->report.analysis)->items[a[0]];
		results_draw_alert(ui, s, &s->survey->alerts[a[1]],
		                   (GfxRect){ area.x, area.y + k * (card + gap), area.w, card });
	}
}

/* The header's title for a page. */
static char *
results_page_title(const Ui *ui, const ResultsPage *page)
{
	if (page->kind == PAGE_OVERVIEW)
		return xasprintf(_("Overview: %s"), ui->programs[page->program]->title);
	if (page->kind == PAGE_INDICATOR)
		return xstrdup(ui->programs[page->program]->title);
	if (ui->report.n_alerts == 0)
		return xstrdup(_("Answers that need attention"));
	return xasprintf(_("Answers that need attention: %d\xE2\x80\x93%d of %d"), page->first + 1,
	                 page->first + page->count, ui->report.n_alerts);
}

static void
results_draw(Ui *ui)
{
	ResultsPage page = { PAGE_ALERTS, 0, 0, 0 };
	int pages = results_pages(ui);
	/* A page past the last (the screen got smaller) shows the last. */
	int at = ui->report.page < pages ? ui->report.page : pages - 1;
	char *note = ui->n_programs == 0
	                 ? xstrdup(_("No programme file was found in surveys/programs."))
	                 : xasprintf(_("Page %d of %d"), at + 1, pages);
	char *title;

	results_walk(ui, at, &page);
	title = results_page_title(ui, &page);

	widget_header(ui, title, note, -1);
	if (page.kind == PAGE_OVERVIEW)
		results_draw_overview(ui, &page);
	else if (page.kind == PAGE_INDICATOR)
		results_draw_indicator(ui, &page);
	else
		results_draw_alerts(ui, &page);
	free(note);
	free(title);
	results_draw_warnings(ui);
	widget_button(ui, ui_footer(ui, LAYOUT_LEFT, 32, 300), 0, _("Back to the menu"), NULL,
	              BUTTON_NORMAL, (Action){ .type = ACTION_CANCEL });
	widget_button(ui, ui_footer(ui, LAYOUT_RIGHT, 202, 150), 0, "<", NULL, BUTTON_NORMAL,
	              (Action){ .type = ACTION_BACK, .index = 1 });
	widget_button(ui, ui_footer(ui, LAYOUT_RIGHT, 32, 150), 0, ">", NULL, BUTTON_PRIMARY,
	              (Action){ .type = ACTION_NEXT, .index = 1 });
}

static void
results_handle(Ui *ui, const Action *a)
{
	int pages = results_pages(ui);

	if (ui->report.page >= pages) /* the screen got smaller: fewer pages */
		ui->report.page = pages - 1;
	if (a->type == ACTION_CANCEL) {
		ui_report_clear(ui);
		session_cancel(ui->session, ui->now);
	} else if (a->type == ACTION_NEXT) {
		ui->report.page = (ui->report.page + 1) % pages;
	} else if (a->type == ACTION_BACK) {
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

void
screen_results_trace(const Ui *ui, FILE *out)
{
	static const char *const kinds[] = { "overview", "indicator", "alerts" };
	ResultsPage page = { PAGE_ALERTS, 0, 0, 0 };
	int pages = results_pages(ui), at = ui->report.page < pages ? ui->report.page : pages - 1;

	results_walk(ui, at, &page);
	fprintf(out, " page=%d/%d kind=%s", at + 1, pages, kinds[page.kind]);
}

const struct screen screen_results = {
	.name = "results",
	.enter = results_enter,
	.handle = results_handle,
	.draw = results_draw,
	.rehearse = results_rehearse,
};
