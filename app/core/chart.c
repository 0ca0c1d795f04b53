/*
 * chart.c: the grouped bar chart of chart.h, drawn with cairo.
 */
#include "chart.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fontface.h"
#include "util.h"

#define TITLE_H  20.0
#define HEAD_H   22.0
#define LEGEND_H 18.0
#define LABEL_H  16.0
#define AXIS_W   30.0
#define RIGHT_W  6.0
#define MARK_MET "\xE2\x9C\x93" /* ✓ */
#define MARK_NOT "\xE2\x9C\x97" /* ✗ */

static const unsigned series_colours[CHART_MAX_SERIES] = {
	0x0072B2, 0xE69F00, 0x009E73, 0xCC79A7, 0x56B4E9, 0xD55E00,
};

/* Where things go: the plot area and the fonts. */
typedef struct {
	cairo_t *cr;
	const Chart *chart;
	cairo_font_face_t *regular, *bold;
	double x, y, w, h;               /* the whole area */
	double left, right, top, bottom; /* the plot */
	double slot;                     /* a category's width */
} Canvas;

unsigned
chart_series_colour(int s)
{
	return series_colours[s % CHART_MAX_SERIES];
}

static void
set_colour(cairo_t *cr, unsigned rgb)
{
	cairo_set_source_rgb(cr, ((rgb >> 16) & 0xFF) / 255.0, ((rgb >> 8) & 0xFF) / 255.0,
	                     (rgb & 0xFF) / 255.0);
}

static double
value_y(const Canvas *c, double value)
{
	if (value < 0)
		value = 0;
	if (value > 100)
		value = 100;
	return c->bottom - (c->bottom - c->top) * value / 100.0;
}

/* The left edge and width of the bar of category cat and series s. */
static void
bar_span(const Canvas *c, int cat, int s, double *left, double *width)
{
	double place = 0.8 * c->slot / c->chart->n_series;

	*left = c->left + cat * c->slot + 0.1 * c->slot + s * place + 0.1 * place;
	*width = 0.8 * place;
}

static double
text_width(const Canvas *c, bool bold, double size, const char *text)
{
	cairo_text_extents_t e;

	cairo_set_font_face(c->cr, bold ? c->bold : c->regular);
	cairo_set_font_size(c->cr, size);
	cairo_text_extents(c->cr, text, &e);
	return e.x_advance;
}

/* The largest size from size down to 5 at which text fits in width. */
static double
fit_size(const Canvas *c, bool bold, double size, const char *text, double width)
{
	while (size > 5 && text_width(c, bold, size, text) > width)
		size -= 0.5;
	return size;
}

/* Text with its baseline at y, aligned at x: 0 left, 0.5 centred, 1 right. */
static void
show_text(const Canvas *c, bool bold, double size, const char *text, double x, double y,
          double align)
{
	double width = text_width(c, bold, size, text);

	cairo_move_to(c->cr, x - align * width, y);
	cairo_show_text(c->cr, text);
}

/* Text read upwards from (x, y), its glyphs centred on x. */
static void
show_text_up(const Canvas *c, double size, const char *text, double x, double y)
{
	cairo_font_extents_t fe;

	cairo_set_font_face(c->cr, c->regular);
	cairo_set_font_size(c->cr, size);
	cairo_font_extents(c->cr, &fe);
	cairo_save(c->cr);
	cairo_translate(c->cr, x + (fe.ascent - fe.descent) / 2, y);
	cairo_rotate(c->cr, -M_PI / 2);
	cairo_move_to(c->cr, 0, 0);
	cairo_show_text(c->cr, text);
	cairo_restore(c->cr);
}

static void
draw_title(const Canvas *c)
{
	const char *title = c->chart->title ? c->chart->title : "";
	double size = fit_size(c, true, 10, title, c->w - 2 * RIGHT_W);

	set_colour(c->cr, 0x000000);
	show_text(c, true, size, title, c->x + RIGHT_W, c->y + 14, 0);
}

/* Grid lines and labels at 0, 25, 50, 75 and 100 %. */
static void
draw_axis(const Canvas *c)
{
	cairo_set_line_width(c->cr, 0.5);
	for (int v = 0; v <= 100; v += 25) {
		double y = value_y(c, v);
		char label[16];
		set_colour(c->cr, v == 0 ? 0x404040 : 0xD0D0D0);
		cairo_move_to(c->cr, c->left, y);
		cairo_line_to(c->cr, c->right, y);
		cairo_stroke(c->cr);
		snprintf(label, sizeof label, "%d\xC2\xA0%%", v);
		set_colour(c->cr, 0x404040);
		show_text(c, false, 7, label, c->left - 3, y + 2.5, 1);
	}
}

static void
draw_categories(const Canvas *c)
{
	const Chart *chart = c->chart;

	for (int k = 0; k < chart->n_categories; k++) {
		bool total = chart->last_is_total && k == chart->n_categories - 1;
		double centre = c->left + (k + 0.5) * c->slot;
		double size = fit_size(c, total, 8, chart->categories[k], c->slot - 2);
		set_colour(c->cr, 0x000000);
		show_text(c, total, size, chart->categories[k], centre, c->bottom + 11, 0.5);
		if (!total || k == 0)
			continue;
		/* The school stands apart from the classes. */
		set_colour(c->cr, 0x808080);
		cairo_set_line_width(c->cr, 0.75);
		cairo_set_dash(c->cr, (const double[]){ 2, 2 }, 2, 0);
		cairo_move_to(c->cr, c->left + k * c->slot, c->top);
		cairo_line_to(c->cr, c->left + k * c->slot, c->bottom);
		cairo_stroke(c->cr);
		cairo_set_dash(c->cr, NULL, 0, 0);
	}
}

/* Diagonal lines in the current colour over the rectangle, on white. */
static void
hatch(cairo_t *cr, double left, double top, double width, double height, unsigned rgb)
{
	cairo_save(cr);
	cairo_rectangle(cr, left, top, width, height);
	cairo_clip(cr);
	set_colour(cr, 0xFFFFFF);
	cairo_paint(cr);
	set_colour(cr, rgb);
	cairo_set_line_width(cr, 1.5);
	for (int i = 0; i * 5 < width + height; i++) {
		double d = i * 5 - height;
		cairo_move_to(cr, left + d, top + height);
		cairo_line_to(cr, left + d + height, top);
	}
	cairo_stroke(cr);
	cairo_restore(cr);
	set_colour(cr, rgb);
	cairo_set_line_width(cr, 1);
	cairo_rectangle(cr, left + 0.5, top + 0.5, width - 1, height - 1);
	cairo_stroke(cr);
}

/* The label above a bar with the mark of its target, across the bar: at
 * 7, or 6 when that is too wide, else the mark alone, else nothing. */
static void
draw_value_label(const Canvas *c, const ChartBar *bar, double left, double width, double top)
{
	const char *mark = bar->met == CHART_MET       ? MARK_MET
	                   : bar->met == CHART_NOT_MET ? MARK_NOT
	                                               : "";
	char *text = xasprintf("%s%s%s", bar->label ? bar->label : "",
	                       bar->label && mark[0] ? "\xC2\xA0" : "", mark);
	const char *shown = text;
	double size = 7;

	if (text_width(c, false, size, text) > width + 4)
		size = 6;
	if (text_width(c, false, size, text) > width + 4)
		shown = mark, size = 7;
	if (text_width(c, false, size, shown) > width + 4)
		shown = "";
	set_colour(c->cr, 0x000000);
	show_text(c, false, size, shown, left + width / 2, top - 3, 0.5);
	free(text);
}

/* An empty dashed outline as tall as its label written up inside it. */
static void
draw_few(const Canvas *c, const ChartBar *bar, double left, double width)
{
	const char *label = bar->label ? bar->label : "";
	double size = width - 2 < 5 ? 5 : width - 2 > 7 ? 7 : width - 2;
	double height = text_width(c, false, size, label) + 8;

	if (height > c->bottom - c->top)
		height = c->bottom - c->top;
	set_colour(c->cr, 0x606060);
	cairo_set_line_width(c->cr, 1);
	cairo_set_dash(c->cr, (const double[]){ 3, 2 }, 2, 0);
	cairo_rectangle(c->cr, left + 0.5, c->bottom - height + 0.5, width - 1, height - 1);
	cairo_stroke(c->cr);
	cairo_set_dash(c->cr, NULL, 0, 0);
	show_text_up(c, size, label, left + width / 2, c->bottom - 4);
}

static void
draw_bar(const Canvas *c, int cat, int s)
{
	const ChartBar *bar = &c->chart->bars[cat * c->chart->n_series + s];
	unsigned rgb = chart_series_colour(s);
	double left, width, top;

	bar_span(c, cat, s, &left, &width);
	if (bar->kind == CHART_FEW)
		draw_few(c, bar, left, width);
	if (bar->kind != CHART_VALUE)
		return;
	top = value_y(c, bar->value);
	if (bar->met == CHART_NOT_MET && c->bottom - top >= 1) {
		hatch(c->cr, left, top, width, c->bottom - top, rgb);
	} else {
		set_colour(c->cr, rgb);
		cairo_rectangle(c->cr, left, top, width, c->bottom - top);
		cairo_fill(c->cr);
	}
}

/* The labels go over the target lines, which may cross them. */
static void
draw_bar_label(const Canvas *c, int cat, int s)
{
	const ChartBar *bar = &c->chart->bars[cat * c->chart->n_series + s];
	double left, width;

	if (bar->kind != CHART_VALUE)
		return;
	bar_span(c, cat, s, &left, &width);
	draw_value_label(c, bar, left, width, value_y(c, bar->value));
}

/* The target of series s across each of its bars that is drawn (not over
 * a bar with too few respondents or none), reaching a little beyond it on
 * either side but not into the next bar's line. */
static void
draw_targets(const Canvas *c, int s)
{
	const Chart *chart = c->chart;
	double left, width, place = 0.8 * c->slot / chart->n_series;

	if (chart->targets == NULL || isnan(chart->targets[s]))
		return;
	set_colour(c->cr, 0x000000);
	cairo_set_line_width(c->cr, 2);
	for (int k = 0; k < chart->n_categories; k++) {
		if (chart->bars[k * chart->n_series + s].kind != CHART_VALUE)
			continue;
		bar_span(c, k, s, &left, &width);
		cairo_move_to(c->cr, left - 0.06 * place, value_y(c, chart->targets[s]));
		cairo_line_to(c->cr, left + width + 0.06 * place, value_y(c, chart->targets[s]));
	}
	cairo_stroke(c->cr);
}

static bool
has_bar(const Chart *chart, ChartBarKind kind, ChartMet met)
{
	for (int i = 0; i < chart->n_categories * chart->n_series; i++)
		if (chart->bars[i].kind == kind &&
		    (kind != CHART_VALUE || chart->bars[i].met == met))
			return true;
	return false;
}

/* What a legend entry shows beside its swatch. */
typedef enum {
	LEGEND_SERIES, /* a series' colour */
	LEGEND_TARGET, /* the target line */
	LEGEND_MET,    /* a solid bar, ✓ */
	LEGEND_NOT,    /* a hatched bar, ✗ */
	LEGEND_FEW,    /* an empty outline */
} LegendKind;

typedef struct {
	LegendKind kind;
	int series;
	char *text; /* owned */
} LegendItem;

static void
legend_swatch(const Canvas *c, const LegendItem *item, double x, double y)
{
	if (item->kind == LEGEND_SERIES || item->kind == LEGEND_MET) {
		set_colour(c->cr,
		           item->kind == LEGEND_MET ? 0x808080 : chart_series_colour(item->series));
		cairo_rectangle(c->cr, x, y - 4, 10, 8);
		cairo_fill(c->cr);
	} else if (item->kind == LEGEND_NOT) {
		hatch(c->cr, x, y - 4, 10, 8, 0x808080);
	} else if (item->kind == LEGEND_FEW) {
		set_colour(c->cr, 0x606060);
		cairo_set_line_width(c->cr, 1);
		cairo_set_dash(c->cr, (const double[]){ 2, 1 }, 2, 0);
		cairo_rectangle(c->cr, x + 0.5, y - 3.5, 9, 7);
		cairo_stroke(c->cr);
		cairo_set_dash(c->cr, NULL, 0, 0);
	} else {
		set_colour(c->cr, 0x000000);
		cairo_set_line_width(c->cr, 2);
		cairo_move_to(c->cr, x, y);
		cairo_line_to(c->cr, x + 10, y);
		cairo_stroke(c->cr);
	}
}

/* The legend's entries, in order: the series, then what the chart shows
 * of targets and small groups. Returns how many. */
static int
legend_items(const Chart *chart, LegendItem *items)
{
	int n = 0;
	bool targets = false;

	for (int s = 0; s < chart->n_series; s++) {
		items[n++] = (LegendItem){ LEGEND_SERIES, s, xstrdup(chart->series[s]) };
		targets = targets || (chart->targets != NULL && !isnan(chart->targets[s]));
	}
	if (targets)
		items[n++] = (LegendItem){ LEGEND_TARGET, 0, xstrdup(_("target")) };
	if (has_bar(chart, CHART_VALUE, CHART_MET))
		items[n++] =
		    (LegendItem){ LEGEND_MET, 0, xasprintf("%s %s", MARK_MET, _("target met")) };
	if (has_bar(chart, CHART_VALUE, CHART_NOT_MET))
		items[n++] = (LegendItem){ LEGEND_NOT, 0,
			                   xasprintf("%s %s", MARK_NOT, _("target not met")) };
	if (has_bar(chart, CHART_FEW, CHART_NO_TARGET))
		items[n++] = (LegendItem){ LEGEND_FEW, 0, xstrdup(_("too few to show")) };
	return n;
}

/* The legend in one line along the bottom, its text made smaller (down to
 * 5) until it fits. */
static void
draw_legend(const Canvas *c)
{
	LegendItem items[CHART_MAX_SERIES + 4];
	int n = legend_items(c->chart, items);
	double size = 8, total, x = c->x + RIGHT_W, y = c->y + c->h - LEGEND_H / 2;

	do {
		total = 0;
		for (int i = 0; i < n; i++)
			total += 23 + text_width(c, false, size, items[i].text);
	} while (total > c->w - 2 * RIGHT_W && (size -= 0.5) > 5);
	for (int i = 0; i < n; i++) {
		legend_swatch(c, &items[i], x, y);
		set_colour(c->cr, 0x000000);
		show_text(c, false, size, items[i].text, x + 13, y + size * 0.35, 0);
		x += 23 + text_width(c, false, size, items[i].text);
		free(items[i].text);
	}
}

int
chart_draw(cairo_t *cr, const Chart *chart, double x, double y, double w, double h, char **cause)
{
	Canvas c = { .cr = cr, .chart = chart, .x = x, .y = y, .w = w, .h = h };

	c.regular = fontface_get(false, cause);
	c.bold = c.regular ? fontface_get(true, cause) : NULL;
	if (c.bold == NULL)
		return -1;
	c.left = x + AXIS_W;
	c.right = x + w - RIGHT_W;
	c.top = y + TITLE_H + HEAD_H;
	c.bottom = y + h - LEGEND_H - LABEL_H;
	c.slot = (c.right - c.left) / chart->n_categories;
	cairo_save(cr);
	draw_title(&c);
	draw_axis(&c);
	draw_categories(&c);
	for (int k = 0; k < chart->n_categories; k++)
		for (int s = 0; s < chart->n_series; s++)
			draw_bar(&c, k, s);
	for (int s = 0; s < chart->n_series; s++)
		draw_targets(&c, s);
	for (int k = 0; k < chart->n_categories; k++)
		for (int s = 0; s < chart->n_series; s++)
			draw_bar_label(&c, k, s);
	draw_legend(&c);
	cairo_restore(cr);
	return 0;
}

typedef struct {
	unsigned char *bytes;
	size_t len;
} PngBuffer;

static cairo_status_t
png_append(void *closure, const unsigned char *data, unsigned int length)
{
	PngBuffer *buffer = closure;

	buffer->bytes = xreallocarray(buffer->bytes, buffer->len + length, 1);
	memcpy(buffer->bytes + buffer->len, data, length);
	buffer->len += length;
	return CAIRO_STATUS_SUCCESS;
}

int
chart_png(const Chart *chart, double w, double h, double scale, unsigned char **png, size_t *len,
          char **cause)
{
	cairo_surface_t *surface = cairo_image_surface_create(
	    CAIRO_FORMAT_RGB24, (int)ceil(w * scale), (int)ceil(h * scale));
	cairo_t *cr = cairo_create(surface);
	PngBuffer buffer = { 0 };
	int rc;

	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	cairo_scale(cr, scale, scale);
	rc = chart_draw(cr, chart, 0, 0, w, h, cause);
	cairo_destroy(cr);
	if (rc == 0 && cairo_surface_write_to_png_stream(surface, png_append, &buffer) !=
	                   CAIRO_STATUS_SUCCESS) {
		*cause = xstrdup(_("cannot draw the chart: out of memory"));
		rc = -1;
	}
	cairo_surface_destroy(surface);
	if (rc != 0) {
		free(buffer.bytes);
		return -1;
	}
	*png = buffer.bytes;
	*len = buffer.len;
	return 0;
}
