/*
 * test_chart.c: the bar chart drawn into an image of known size, its pixels
 * checked where chart.h's geometry puts the bars and target lines
 * (computed by hand below), and drawn into a PDF whose text pdftotext
 * reads back.
 */
#include <cairo-pdf.h>
#include <cairo.h>
#include <check.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart.h"
#include "testutil.h"
#include "util.h"

#define BLUE   0x0072B2 /* series 0 */
#define ORANGE 0xE69F00 /* series 1 */
#define WHITE  0xFFFFFF
#define BLACK  0x000000

static const char *const waves[] = { "Старт", "Итог" };
static const double targets[] = { 40, 60 };
static const char *const classes[] = { "5А", "5Б", "Школа" };
static const ChartBar bars[] = {
	{ CHART_VALUE, 50, CHART_MET, "50,0" },
	{ CHART_VALUE, 30, CHART_NOT_MET, "30,0" },
	{ CHART_FEW, 0, CHART_NO_TARGET, "мало данных, n = 3" },
	{ CHART_EMPTY, 0, CHART_NO_TARGET, NULL },
	{ CHART_VALUE, 100, CHART_MET, "100,0" },
	{ CHART_VALUE, 0, CHART_NOT_MET, "0,0" },
};
static const Chart chart = {
	.title = "1.2. Доля обучающихся с положительным отношением к школе",
	.n_series = 2,
	.series = waves,
	.targets = targets,
	.n_categories = 3,
	.categories = classes,
	.bars = bars,
	.last_is_total = true,
};

/*
 * At 600 x 300: the plot spans x 30 to 594 and y 42 (100 %) to 266 (0 %),
 * 224 high, so v % is at 266 - 2.24 v. A category's slot is 564 / 3 = 188
 * wide; a bar's place 0.8 * 188 / 2 = 75.2, the bar 60.16 wide from 7.52
 * into its place. Bar (category k, series s) spans from
 * 30 + 188 k + 18.8 + 75.2 s + 7.52, that is:
 *   5А Старт 56.32-116.48 (centre 86.4), 5А Итог 131.52-191.68,
 *   5Б Старт 244.32-304.48, 5Б Итог 319.52-379.68,
 *   Школа Старт 432.32-492.48, Школа Итог 507.52-567.68.
 * Targets: Старт 40 % at y 176.4, Итог 60 % at y 131.6, 2 thick, across
 * the bar and 0.06 * 75.2 = 4.512 beyond either side: 5А Старт's from
 * 51.808 to 120.992, 5А Итог's from 127.008.
 */
static cairo_surface_t *
render(void)
{
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 600, 300);
	cairo_t *cr = cairo_create(s);
	char *cause = NULL;

	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	ck_assert_msg(chart_draw(cr, &chart, 0, 0, 600, 300, &cause) == 0, "%s",
	              cause ? cause : "");
	cairo_destroy(cr);
	cairo_surface_flush(s);
	return s;
}

static unsigned
pixel(cairo_surface_t *s, int x, int y)
{
	const unsigned char *row =
	    cairo_image_surface_get_data(s) + (size_t)y * (size_t)cairo_image_surface_get_stride(s);

	return ((const uint32_t *)(const void *)row)[x] & 0xFFFFFF;
}

#define ck_assert_pixel(s, x, y, want)                                                             \
	ck_assert_msg(pixel(s, x, y) == (want), "pixel (%d, %d) is %06X, not %06X", x, y,          \
	              pixel(s, x, y), (unsigned)(want))

START_TEST(bars_stand_where_the_geometry_says)
{
	cairo_surface_t *s = render();

	/* 5А Старт, 50 % (top at 154), met: solid blue inside. */
	ck_assert_pixel(s, 86, 230, BLUE);
	ck_assert_pixel(s, 60, 160, BLUE);
	ck_assert_pixel(s, 114, 262, BLUE);
	/* Just outside it: white. */
	ck_assert_pixel(s, 54, 230, WHITE);
	ck_assert_pixel(s, 60, 150, WHITE);
	/* Школа Старт, 100 %: blue up to the plot's top. */
	ck_assert_pixel(s, 462, 44, BLUE);
	/* 5Б Итог: nobody answered, nothing drawn (between the grid lines). */
	ck_assert_pixel(s, 349, 230, WHITE);
	ck_assert_pixel(s, 349, 190, WHITE);
	cairo_surface_destroy(s);
}
END_TEST

START_TEST(targets_are_lines_across_the_bars)
{
	cairo_surface_t *s = render();

	/* Старт's 40 % at 176.4 (rows 175.4-177.4): black across 5А's bar,
	 * blue just above and below it. */
	ck_assert_pixel(s, 86, 176, BLACK);
	ck_assert_pixel(s, 86, 172, BLUE);
	ck_assert_pixel(s, 86, 181, BLUE);
	/* It reaches past the bar (56.32-116.48) on either side, but not as far
	 * as the next bar's line. */
	ck_assert_pixel(s, 53, 176, BLACK);
	ck_assert_pixel(s, 119, 176, BLACK);
	ck_assert_pixel(s, 124, 176, WHITE);
	ck_assert_pixel(s, 124, 131, WHITE);
	ck_assert_pixel(s, 129, 131, BLACK);
	/* Итог's 60 % at 131.6: above 5А's 30 % bar and across the school's
	 * empty 0 % one. */
	ck_assert_pixel(s, 161, 131, BLACK);
	ck_assert_pixel(s, 537, 131, BLACK);
	/* No target over a bar with too few respondents, or none. */
	ck_assert_pixel(s, 250, 176, WHITE);
	ck_assert_pixel(s, 349, 131, WHITE);
	cairo_surface_destroy(s);
}
END_TEST

/* True when each channel of the pixel is within 48 of rgb's. */
static bool
near(unsigned pixel, unsigned rgb)
{
	for (int shift = 0; shift < 24; shift += 8) {
		int a = (int)(pixel >> shift) & 0xFF, b = (int)(rgb >> shift) & 0xFF;
		if (abs(a - b) > 48)
			return false;
	}
	return true;
}

/* How many pixels of the rectangle are near rgb. */
static int
count(cairo_surface_t *s, int x0, int y0, int x1, int y1, unsigned rgb)
{
	int n = 0;

	for (int y = y0; y < y1; y++)
		for (int x = x0; x < x1; x++)
			n += near(pixel(s, x, y), rgb);
	return n;
}

START_TEST(not_met_is_hatched_few_is_an_outline)
{
	cairo_surface_t *s = render();
	/* Inside 5А Итог (131.52-191.68 by 198.8-266), 30 %, not met. */
	int inside = (190 - 134) * (264 - 201);
	int orange = count(s, 134, 201, 190, 264, ORANGE);
	int white = count(s, 134, 201, 190, 264, WHITE);
	/* Left edge of 5Б Старт's outline (x 244.82) and inside it. */
	int grey = 0;

	/* Diagonal lines 1.5 wide every 5 across (3.5 apart): about 40 %
	 * covered, the rest white. */
	ck_assert_msg(orange > inside / 5 && white > inside / 5, "orange %d, white %d of %d",
	              orange, white, inside);
	for (int y = 200; y < 265; y++)
		grey += pixel(s, 244, y) != WHITE;
	ck_assert_msg(grey > 20, "no dashed outline at x 244: %d pixels", grey);
	ck_assert_pixel(s, 250, 230, WHITE);
	ck_assert_pixel(s, 300, 250, WHITE);
	cairo_surface_destroy(s);
}
END_TEST

START_TEST(png_at_twice_the_size)
{
	unsigned char *png = NULL;
	size_t len = 0;
	char *cause = NULL, *dir = testutil_tmpdir(), *path = xasprintf("%s/chart.png", dir);
	FILE *f;
	cairo_surface_t *s;

	ck_assert_int_eq(chart_png(&chart, 600, 300, 2, &png, &len, &cause), 0);
	f = fopen(path, "wb");
	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(fwrite(png, 1, len, f), len);
	fclose(f);
	s = cairo_image_surface_create_from_png(path);
	ck_assert_int_eq(cairo_surface_status(s), CAIRO_STATUS_SUCCESS);
	ck_assert_int_eq(cairo_image_surface_get_width(s), 1200);
	ck_assert_int_eq(cairo_image_surface_get_height(s), 600);
	/* Everything twice as far: 5А Старт's inside, its target, white paper. */
	ck_assert_pixel(s, 172, 460, BLUE);
	ck_assert_pixel(s, 172, 352, BLACK);
	ck_assert_pixel(s, 108, 460, WHITE);
	cairo_surface_destroy(s);
	free(png);
	free(path);
	free(dir);
}
END_TEST

/* The text pdftotext reads from the chart drawn on a PDF page. */
static char *
pdf_text(void)
{
	char *dir = testutil_tmpdir(), *path = xasprintf("%s/chart.pdf", dir), *cause = NULL;
	cairo_surface_t *s = cairo_pdf_surface_create(path, 600, 300);
	cairo_t *cr = cairo_create(s);
	char *cmd = xasprintf("pdftotext -raw '%s' -", path), buf[4096];
	size_t n;
	FILE *p;

	ck_assert_int_eq(chart_draw(cr, &chart, 0, 0, 600, 300, &cause), 0);
	cairo_destroy(cr);
	cairo_surface_destroy(s);
	p = popen(cmd, "r");
	ck_assert_ptr_nonnull(p);
	n = fread(buf, 1, sizeof buf - 1, p);
	buf[n] = '\0';
	ck_assert_msg(pclose(p) == 0, "pdftotext failed (is poppler-utils installed?)");
	free(cmd);
	free(path);
	free(dir);
	return xstrdup(buf);
}

START_TEST(labels_are_text_in_russian)
{
	char *text;

	unsetenv("LANGUAGE");
	util_i18n_init(NULL);
	text = pdf_text();
	ck_assert_msg(strstr(text, "1.2. Доля обучающихся с положительным отношением к школе\n"),
	              "%s", text);
	ck_assert_msg(strstr(text, "100 %") && strstr(text, "0 %"), "%s", text);
	ck_assert_msg(strstr(text, "50,0 ✓") && strstr(text, "30,0 ✗"), "%s", text);
	/* Written upwards, which pdftotext reads a word a line. */
	ck_assert_msg(strstr(text, "\nмало\nданных,\nn\n=\n3\n"), "%s", text);
	ck_assert_msg(strstr(text, "5А 5Б Школа\n"), "%s", text);
	ck_assert_msg(strstr(text, "Старт Итог цель ✓ цель достигнута ✗ цель не достигнута "
	                           "мало данных\n"),
	              "%s", text);
	free(text);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("chart");
	TCase *tc = tcase_create("chart");

	tcase_add_test(tc, bars_stand_where_the_geometry_says);
	tcase_add_test(tc, targets_are_lines_across_the_bars);
	tcase_add_test(tc, not_met_is_hatched_few_is_an_outline);
	tcase_add_test(tc, png_at_twice_the_size);
	tcase_add_test(tc, labels_are_text_in_russian);
	suite_add_tcase(s, tc);
	return testutil_run(s);
}
