/*
 * layout.h: pure geometry for the screens: text wrapping and fitting with a
 * measuring callback, answer-button placement, where the footer's buttons,
 * the hint line and the banner stand, hit testing. No SDL, so it is
 * unit-tested with a fake measure (tests/test_ui_layout.c).
 *
 * Screens are designed at 1280x800: their lengths are given for that size
 * and scaled to the output (layout_scale, layout_px).
 */
#ifndef ANKETA_LAYOUT_H
#define ANKETA_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

#include "gfx.h"

/* Width in pixels of the first len bytes of text at a pixel size. */
typedef int (*LayoutMeasure)(void *ctx, const char *text, size_t len, int size, bool bold);

/* One wrapped line: a byte range of the text. */
typedef struct {
	size_t start;
	size_t len;
} LayoutLine;

#define LAYOUT_MAX_LINES 64

/* Line advance for a font size: 1.25 x size, rounded up. */
int layout_line_height(int size);

/*
 * Breaks text into lines no wider than width at the given size: at spaces,
 * at explicit newlines, and inside a word only when the word alone is wider
 * than the line. Returns the number of lines (at most max_lines).
 */
int layout_wrap(const char *text, int width, int size, bool bold, LayoutMeasure measure, void *ctx,
                LayoutLine *lines, int max_lines);

/*
 * The largest size from size_max down to size_min (in steps of 2) at which
 * the wrapped text fits into width x height; size_min if none does. The
 * lines at that size go to lines and their count to *n_lines.
 */
int layout_fit(const char *text, int width, int height, int size_max, int size_min, bool bold,
               LayoutMeasure measure, void *ctx, LayoutLine *lines, int *n_lines);

/* The most options that stand in one column; more take two columns. */
#define LAYOUT_ONE_COLUMN_MAX 7

/*
 * Places n answer buttons in area, in their order. With pictures and at
 * most 5 options they stand in one row as cards; otherwise in one column
 * of wide buttons, so that a scale of 5, 6 or 7 answers reads top to
 * bottom; more than LAYOUT_ONE_COLUMN_MAX options take two columns filled
 * row by row (1 2 / 3 4 / ...), never column by column. Buttons are as
 * large as the area allows, up to a comfortable maximum, centred, gap
 * pixels apart.
 */
void layout_options(GfxRect area, int n, bool pictures, int gap, GfxRect *out);

/*
 * Places n class buttons grouped by grade: row_of[i] is the row of class i
 * (0, 0, 1, 1, 1, 2...: rows in order, a row's classes together, in their
 * order). Rows stand one under another; more than 6 rows stand in two
 * columns, the first half of the rows on the left. Buttons are all one
 * size, as large as the fullest row and the rows allow up to max_w x
 * max_h, gap apart (3 gaps between the columns); each row starts at its
 * column's left edge, and the whole block is centred in area.
 */
void layout_classes(GfxRect area, const int *row_of, int n, int gap, int max_w, int max_h,
                    GfxRect *out);

/* Cell `index` (row by row) of a rows x cols grid filling area, gap pixels
 * between cells. */
GfxRect layout_grid(GfxRect area, int rows, int cols, int gap, int index);

/* Index of the first rect containing (x, y), or -1. */
int layout_hit(const GfxRect *rects, int n, int x, int y);

/* rect shrunk by d pixels on every side. */
GfxRect layout_inset(GfxRect rect, int d);

/* The UI scale for an output size: 1.0 at 1280x800, proportional otherwise. */
double layout_scale(int width, int height);

/* A length given for 1280x800 at scale, rounded to the nearest pixel. */
int layout_px(double scale, int length);

typedef enum {
	LAYOUT_LEFT,
	LAYOUT_RIGHT,
} LayoutSide;

/*
 * A button of the footer, the row of commands along the bottom of a width x
 * height output at scale: 76 high, its top 100 above the bottom edge, w wide,
 * its outer edge inset from the output's left or right edge (lengths for
 * 1280x800). On the right, x is width - px(inset + w).
 */
GfxRect layout_footer(int width, int height, double scale, LayoutSide side, int inset, int w);

/* The hint line: 64 high, 80 above the bottom edge, from x 370 to 370 from
 * the right edge: centred on the output, between the footer's corner
 * buttons (the left corner holds "Back" and the speaker, 348 wide). */
GfxRect layout_hint(int width, int height, double scale);

/* Where a screen has room for the banner (a notice or a storage error). */
typedef enum {
	LAYOUT_BANNER_TOP,          /* under the header, across the screen */
	LAYOUT_BANNER_ABOVE_FOOTER, /* the row above the footer (the menu's top is full) */
	LAYOUT_BANNER_IN_FOOTER,    /* between the footer's corner buttons (the PIN
	                               screen's top holds the typed digits) */
} LayoutBanner;

/*
 * The banner at its place on a width x height output at scale: 64 high
 * (76 in the footer), or 104 when tall (a storage error's two lines), 32
 * from both edges (288 in the footer).
 */
GfxRect layout_banner(int width, int height, double scale, LayoutBanner place, bool tall);

#endif
