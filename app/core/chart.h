/*
 * chart.h: a grouped bar chart of shares (0-100 %) drawn with cairo onto any
 * context -- a PDF page (vector), an image surface for the screen, or a PNG
 * for the editable document. Plain data in: a title, the series (waves)
 * with their targets, the categories (classes, then the school) and one bar
 * per category and series.
 *
 * What reads without colour: a bar whose series has a target is solid when
 * the target is met and hatched (diagonal lines on white) when it is not,
 * and carries a mark, ✓ or ✗, after its label above it (a label too wide
 * for its bar is left out, the mark stays); the target is a
 * black line, 2 thick, at the target's height across the bar and 6 % of
 * the bar's place beyond either side of it; a bar with too
 * few respondents to show is an empty dashed outline with its label
 * ("мало данных, n = 3") written up the inside. Text is DejaVu Sans
 * (fontface.h).
 *
 * Geometry, in the units of the context, for the area (x, y, w, h): the
 * title takes the top 20, the legend the bottom 18 and the category names
 * the 16 above it, the axis labels the left 30; the plot (0 % at its
 * bottom, 100 % at its top) spans x + 30 to x + w - 6 across and y + 42 to
 * y + h - 34 down, leaving 22 above it for the labels of full bars. Each
 * category has an equal slot of width W across the plot; its bars stand
 * side by side in the middle 80 %, each in a place of 0.8 W / n_series
 * with the bar 80 % of its place, centred (a place is 0.8 W / n_series
 * wide): bar i of slot s has its left
 * edge at slot_left + 0.1 W + i * 0.8 W / n + 0.08 W / n and a width of
 * 0.64 W / n. A value v is at y + h - 34 - (h - 76) * v / 100.
 */
#ifndef ANKETA_CHART_H
#define ANKETA_CHART_H

#include <cairo.h>
#include <stdbool.h>
#include <stddef.h>

/* Series have colours told apart by most colour-blind readers
 * (Okabe-Ito); a chart has at most this many. */
#define CHART_MAX_SERIES 6

typedef enum {
	CHART_NO_TARGET, /* the series has no target here: solid, no mark */
	CHART_MET,       /* solid, ✓ */
	CHART_NOT_MET,   /* hatched, ✗ */
} ChartMet;

typedef enum {
	CHART_VALUE, /* a share, 0 to 100 (clamped) */
	CHART_FEW,   /* too few respondents to show a share: an empty outline */
	CHART_EMPTY, /* nobody answered: nothing drawn */
} ChartBarKind;

typedef struct {
	ChartBarKind kind;
	double value; /* CHART_VALUE */
	ChartMet met; /* CHART_VALUE */
	/* CHART_VALUE: shown above the bar ("72,5"), NULL for none;
	 * CHART_FEW: written inside the outline ("мало данных, n = 3"). */
	const char *label;
} ChartBar;

typedef struct {
	const char *title;
	int n_series; /* 1 to CHART_MAX_SERIES */
	const char *const *series;
	const double *targets; /* per series, 0-100, NAN for none; NULL: no targets */
	int n_categories;      /* at least 1 */
	const char *const *categories;
	const ChartBar *bars; /* n_categories * n_series: bars[c * n_series + s] */
	bool last_is_total;   /* the last category is the school: set apart, in bold */
} Chart;

/* The colour 0xRRGGBB of series s (0 to CHART_MAX_SERIES - 1). */
unsigned chart_series_colour(int s);

/*
 * Draws the chart into the rectangle (x, y, w, h) of cr (w at least 200, h
 * at least 120 units); nothing is painted behind it. The context's state is
 * as it was afterwards. Returns 0, or -1 with *cause (one sentence; the
 * caller frees it) when the font cannot be loaded.
 */
int chart_draw(cairo_t *cr, const Chart *chart, double x, double y, double w, double h,
               char **cause);

/*
 * The chart as the bytes of a PNG file: a white image of w x h units drawn
 * at scale pixels per unit (2 makes a 16 x 8 cm picture of 453 x 227
 * points sharp on paper). Returns 0 with *png (the caller frees it) and
 * *len, or -1 with *cause.
 */
int chart_png(const Chart *chart, double w, double h, double scale, unsigned char **png,
              size_t *len, char **cause);

#endif
