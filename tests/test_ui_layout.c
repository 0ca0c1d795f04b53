/*
 * test_ui_layout.c: text wrapping, fitting, answer-button placement, the
 * footer, hint and banner, and hit testing, with a fake font where every
 * byte is size/2 pixels wide.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "layout.h"

/* 10 pixels per byte whatever the size: easy arithmetic for wrapping. */
static int
measure_fixed(void *ctx, const char *text, size_t len, int size, bool bold)
{
	(void)ctx, (void)text, (void)size, (void)bold;
	return (int)len * 10;
}

/* size/2 pixels per byte: larger sizes need more room. */
static int
measure_scaled(void *ctx, const char *text, size_t len, int size, bool bold)
{
	(void)ctx, (void)text, (void)bold;
	return (int)len * size / 2;
}

START_TEST(wrap_breaks_at_spaces)
{
	LayoutLine l[8];
	/* "aa bb" is 50 px and fits; adding " cc" makes 80 > 50. */
	int n = layout_wrap("aa bb cc", 50, 20, false, measure_fixed, NULL, l, 8);

	ck_assert_int_eq(n, 2);
	ck_assert_uint_eq(l[0].start, 0);
	ck_assert_uint_eq(l[0].len, 5);
	ck_assert_uint_eq(l[1].start, 6);
	ck_assert_uint_eq(l[1].len, 2);
}
END_TEST

START_TEST(wrap_splits_a_word_longer_than_the_line)
{
	LayoutLine l[8];
	/* 35 px holds 3 bytes: abc / def / ghi / j. */
	int n = layout_wrap("abcdefghij", 35, 20, false, measure_fixed, NULL, l, 8);

	ck_assert_int_eq(n, 4);
	ck_assert_uint_eq(l[0].len, 3);
	ck_assert_uint_eq(l[1].start, 3);
	ck_assert_uint_eq(l[3].start, 9);
	ck_assert_uint_eq(l[3].len, 1);
}
END_TEST

START_TEST(wrap_keeps_utf8_characters_whole)
{
	LayoutLine l[8];
	/* "жжж" is 6 bytes = 60 px; 45 px holds two 2-byte letters (40 px). */
	int n = layout_wrap("жжж", 45, 20, false, measure_fixed, NULL, l, 8);

	ck_assert_int_eq(n, 2);
	ck_assert_uint_eq(l[0].len, 4);
	ck_assert_uint_eq(l[1].start, 4);
	ck_assert_uint_eq(l[1].len, 2);
}
END_TEST

START_TEST(wrap_honours_newlines)
{
	LayoutLine l[8];
	int n = layout_wrap("ab\ncd", 500, 20, false, measure_fixed, NULL, l, 8);

	ck_assert_int_eq(n, 2);
	ck_assert_uint_eq(l[0].len, 2);
	ck_assert_uint_eq(l[1].start, 3);
	ck_assert_uint_eq(l[1].len, 2);
}
END_TEST

START_TEST(fit_picks_the_largest_size_that_fits)
{
	LayoutLine l[LAYOUT_MAX_LINES];
	int n = 0;
	/* "aaaa bbbb" at size 40: 20 px/byte, each word 80 px, both 180 > 100:
	 * two lines of 50 px (line height 40*5/4) = 100 > 90. At 38: 19 px/byte,
	 * words 76 px, two lines of 48 = 96 > 90. At 36: 18 px/byte, two lines
	 * of 45 = 90 <= 90: fits. */
	int size = layout_fit("aaaa bbbb", 100, 90, 40, 10, false, measure_scaled, NULL, l, &n);

	ck_assert_int_eq(size, 36);
	ck_assert_int_eq(n, 2);
}
END_TEST

START_TEST(fit_falls_back_to_the_minimum)
{
	LayoutLine l[LAYOUT_MAX_LINES];
	int n = 0;
	int size =
	    layout_fit("aaaa bbbb cccc dddd", 40, 10, 30, 20, false, measure_scaled, NULL, l, &n);

	ck_assert_int_eq(size, 20);
	ck_assert_int_gt(n, 1);
}
END_TEST

START_TEST(options_with_pictures_stand_in_a_row)
{
	GfxRect r[3];
	/* w = (1000 - 2*20) / 3 = 320, h = 400 = 320 * 5/4: no clamping;
	 * the row is 3*320 + 2*20 = 1000 wide, so it starts at x = 0. */
	layout_options((GfxRect){ 0, 0, 1000, 400 }, 3, true, 20, r);

	ck_assert_int_eq(r[0].x, 0);
	ck_assert_int_eq(r[1].x, 340);
	ck_assert_int_eq(r[2].x, 680);
	ck_assert_int_eq(r[2].w, 320);
	ck_assert_int_eq(r[2].h, 400);
	ck_assert_int_eq(r[0].y, 0);
}
END_TEST

START_TEST(options_without_pictures_form_a_column)
{
	GfxRect r[4];
	/* h = (400 - 3*20) / 4 = 85; width capped at 3/4 of 1000 = 750,
	 * centred at x = 125; the column is 4*85 + 60 = 400 tall. */
	layout_options((GfxRect){ 0, 0, 1000, 400 }, 4, false, 20, r);

	ck_assert_int_eq(r[0].x, 125);
	ck_assert_int_eq(r[0].w, 750);
	ck_assert_int_eq(r[0].h, 85);
	ck_assert_int_eq(r[1].y, 105);
	ck_assert_int_eq(r[3].y, 315);
}
END_TEST

START_TEST(many_options_use_two_columns_filled_row_by_row)
{
	GfxRect r[8];
	/* 8 options: 2 columns of 4, w = (1000 - 20) / 2 = 490, h = (400 -
	 * 3*20) / 4 = 85; read row by row: 1 2 / 3 4 / 5 6 / 7 8. */
	layout_options((GfxRect){ 0, 0, 1000, 400 }, 8, false, 20, r);

	ck_assert_int_eq(r[0].x, 0);
	ck_assert_int_eq(r[0].y, 0);
	ck_assert_int_eq(r[1].x, 510);
	ck_assert_int_eq(r[1].y, 0);
	ck_assert_int_eq(r[2].x, 0);
	ck_assert_int_eq(r[2].y, 105);
	ck_assert_int_eq(r[6].y, 315);
	ck_assert_int_eq(r[7].x, 510);
	ck_assert_int_eq(r[7].y, 315);
	ck_assert_int_eq(r[7].w, 490);
}
END_TEST

START_TEST(a_scale_of_five_to_seven_answers_reads_down_one_column)
{
	GfxRect r[7];

	/* 6 (WHO-5): h = (400 - 5*20) / 6 = 50, each 70 below the one before;
	 * width capped at 750, centred at 125. */
	layout_options((GfxRect){ 0, 0, 1000, 400 }, 6, false, 20, r);
	for (int i = 0; i < 6; i++) {
		ck_assert_int_eq(r[i].x, 125);
		ck_assert_int_eq(r[i].y, i * 70);
		ck_assert_int_eq(r[i].w, 750);
		ck_assert_int_eq(r[i].h, 50);
	}
	/* 5 (the CBI): h = (400 - 4*20) / 5 = 64, 84 apart. */
	layout_options((GfxRect){ 0, 0, 1000, 400 }, 5, false, 20, r);
	ck_assert_int_eq(r[4].x, 125);
	ck_assert_int_eq(r[4].y, 336);
	ck_assert_int_eq(r[4].h, 64);
	/* 7: h = (400 - 6*20) / 7 = 40; the column 7*40 + 120 = 400 tall. */
	layout_options((GfxRect){ 0, 0, 1000, 400 }, 7, false, 20, r);
	ck_assert_int_eq(r[6].x, 125);
	ck_assert_int_eq(r[6].y, 360);
}
END_TEST

START_TEST(grid_cells_fill_the_area_row_by_row)
{
	/* 3 columns in 320 px with 10 px gaps: (320 - 20) / 3 = 100 wide;
	 * 2 rows in 210 px: 100 high. Cell 4 is row 1, column 1. */
	GfxRect r = layout_grid((GfxRect){ 10, 20, 320, 210 }, 2, 3, 10, 4);

	ck_assert_int_eq(r.x, 120);
	ck_assert_int_eq(r.y, 130);
	ck_assert_int_eq(r.w, 100);
	ck_assert_int_eq(r.h, 100);
}
END_TEST

START_TEST(hit_testing_uses_half_open_rectangles)
{
	GfxRect r[2] = { { 10, 10, 100, 50 }, { 10, 70, 100, 50 } };

	ck_assert_int_eq(layout_hit(r, 2, 10, 10), 0);
	ck_assert_int_eq(layout_hit(r, 2, 109, 59), 0);
	ck_assert_int_eq(layout_hit(r, 2, 110, 20), -1);
	ck_assert_int_eq(layout_hit(r, 2, 50, 60), -1);
	ck_assert_int_eq(layout_hit(r, 2, 50, 70), 1);
}
END_TEST

START_TEST(scale_follows_the_smaller_ratio)
{
	ck_assert_double_eq_tol(layout_scale(1280, 800), 1.0, 1e-9);
	ck_assert_double_eq_tol(layout_scale(1920, 1080), 1.35, 1e-9);
	ck_assert_double_eq_tol(layout_scale(640, 800), 0.5, 1e-9);
}
END_TEST

/* Asserts that r is { x, y, w, h }. */
static void
assert_rect(GfxRect r, int x, int y, int w, int h)
{
	ck_assert_int_eq(r.x, x);
	ck_assert_int_eq(r.y, y);
	ck_assert_int_eq(r.w, w);
	ck_assert_int_eq(r.h, h);
}

START_TEST(px_rounds_to_the_nearest_pixel)
{
	/* 800x600: scale 0.625. 100 -> 62.5 -> 63; 32 -> 20; 690 -> 431.25 -> 431. */
	ck_assert_int_eq(layout_px(0.625, 100), 63);
	ck_assert_int_eq(layout_px(0.625, 32), 20);
	ck_assert_int_eq(layout_px(0.625, 690), 431);
	ck_assert_int_eq(layout_px(1.0, 76), 76);
	ck_assert_int_eq(layout_px(1.35, 100), 135);
}
END_TEST

START_TEST(footer_buttons_stand_at_the_bottom_corners)
{
	/* 1280x800: the row is 76 high from 800 - 100 = 700. "Back" 220 wide
	 * 32 from the left; "Next" 260 wide ending 32 from the right at
	 * 1280 - 292 = 988; the results' "<" 150 wide, 202 from the right,
	 * at 1280 - 352 = 928. */
	assert_rect(layout_footer(1280, 800, 1.0, LAYOUT_LEFT, 32, 220), 32, 700, 220, 76);
	assert_rect(layout_footer(1280, 800, 1.0, LAYOUT_RIGHT, 32, 260), 988, 700, 260, 76);
	assert_rect(layout_footer(1280, 800, 1.0, LAYOUT_RIGHT, 202, 150), 928, 700, 150, 76);
	assert_rect(layout_footer(1280, 800, 1.0, LAYOUT_LEFT, 288, 240), 288, 700, 240, 76);
	/* 800x600, scale 0.625: top 600 - 63 = 537, 47.5 -> 48 high; "Back" at
	 * 20, 137.5 -> 138 wide; "Next" at 800 - px(292) = 800 - 183 = 617,
	 * 162.5 -> 163 wide; "<" at 800 - px(352) = 580, 93.75 -> 94 wide. */
	assert_rect(layout_footer(800, 600, 0.625, LAYOUT_LEFT, 32, 220), 20, 537, 138, 48);
	assert_rect(layout_footer(800, 600, 0.625, LAYOUT_RIGHT, 32, 260), 617, 537, 163, 48);
	assert_rect(layout_footer(800, 600, 0.625, LAYOUT_RIGHT, 202, 150), 580, 537, 94, 48);
	assert_rect(layout_footer(800, 600, 0.625, LAYOUT_LEFT, 288, 240), 180, 537, 150, 48);
}
END_TEST

START_TEST(classes_stand_in_rows_by_grade)
{
	/* 5А 5Б / 6А / 7А 7Б 7В in 1000x400, gap 10, at most 200x96: the
	 * fullest row (3) allows (1000 - 20) / 3 = 326 wide, cut to 200; three
	 * rows allow (400 - 20) / 3 = 126 high, cut to 96. The block is 620 x
	 * 308, centred: x from 190, y from 46; rows start at its left edge. */
	static const int row_of[] = { 0, 0, 1, 2, 2, 2 };
	GfxRect r[6];

	layout_classes((GfxRect){ 0, 0, 1000, 400 }, row_of, 6, 10, 200, 96, r);
	assert_rect(r[0], 190, 46, 200, 96);
	assert_rect(r[1], 400, 46, 200, 96);
	assert_rect(r[2], 190, 152, 200, 96);
	assert_rect(r[3], 190, 258, 200, 96);
	assert_rect(r[5], 610, 258, 200, 96);
}
END_TEST

START_TEST(many_grades_stand_in_two_columns_of_rows)
{
	/* 8 rows, the first of 2 classes: two columns of 4 rows. A column is
	 * (1000 - 30) / 2 = 485 wide, a button (485 - 10) / 2 = 237, cut to
	 * 200; a row (400 - 30) / 4 = 92 high. Block 2 * 410 + 30 = 850 wide,
	 * 4 * 92 + 30 = 398 high: from x 75, y 1. Rows 0-3 on the left, 4-7
	 * on the right from 75 + 410 + 30 = 515. */
	static const int row_of[] = { 0, 0, 1, 2, 3, 4, 5, 6, 7 };
	GfxRect r[9];

	layout_classes((GfxRect){ 0, 0, 1000, 400 }, row_of, 9, 10, 200, 96, r);
	assert_rect(r[0], 75, 1, 200, 92);
	assert_rect(r[1], 285, 1, 200, 92);
	assert_rect(r[2], 75, 103, 200, 92);
	assert_rect(r[4], 75, 307, 200, 92);
	assert_rect(r[5], 515, 1, 200, 92);
	assert_rect(r[8], 515, 307, 200, 92);
}
END_TEST

START_TEST(the_hint_stands_centred_between_the_footer_corners)
{
	/* 1280x800: from 370 to 1280 - 370 (centred on 640), 64 high from
	 * 800 - 80. */
	assert_rect(layout_hint(1280, 800, 1.0), 370, 720, 540, 64);
	/* 800x600: 231.25 -> 231; 600 - 50; 800 - 2 * 231; 40. Centred: 231
	 * on the left, 800 - (231 + 338) = 231 on the right. */
	assert_rect(layout_hint(800, 600, 0.625), 231, 550, 338, 40);
}
END_TEST

START_TEST(the_banner_stands_where_the_screen_has_room)
{
	/* 1280x800: under the header 32,92 across (1280 - 64), 64 high; 104
	 * high for an error; above the footer at 800 - 172; in the footer
	 * from 288 to 1280 - 288, 76 high. */
	assert_rect(layout_banner(1280, 800, 1.0, LAYOUT_BANNER_TOP, false), 32, 92, 1216, 64);
	assert_rect(layout_banner(1280, 800, 1.0, LAYOUT_BANNER_TOP, true), 32, 92, 1216, 104);
	assert_rect(layout_banner(1280, 800, 1.0, LAYOUT_BANNER_ABOVE_FOOTER, false), 32, 628, 1216,
	            64);
	assert_rect(layout_banner(1280, 800, 1.0, LAYOUT_BANNER_IN_FOOTER, false), 288, 700, 704,
	            76);
	assert_rect(layout_banner(1280, 800, 1.0, LAYOUT_BANNER_IN_FOOTER, true), 288, 700, 704,
	            104);
	/* 800x600, scale 0.625: 20, 57.5 -> 58, 800 - 40, 40 (104 -> 65);
	 * above the footer at 600 - 107.5 -> 600 - 108 = 492; in the footer at
	 * 180, 537, 800 - 360, 47.5 -> 48. */
	assert_rect(layout_banner(800, 600, 0.625, LAYOUT_BANNER_TOP, false), 20, 58, 760, 40);
	assert_rect(layout_banner(800, 600, 0.625, LAYOUT_BANNER_TOP, true), 20, 58, 760, 65);
	assert_rect(layout_banner(800, 600, 0.625, LAYOUT_BANNER_ABOVE_FOOTER, false), 20, 492, 760,
	            40);
	assert_rect(layout_banner(800, 600, 0.625, LAYOUT_BANNER_IN_FOOTER, false), 180, 537, 440,
	            48);
	assert_rect(layout_banner(800, 600, 0.625, LAYOUT_BANNER_IN_FOOTER, true), 180, 537, 440,
	            65);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("ui_layout");
	TCase *tc = tcase_create("layout");

	tcase_add_test(tc, wrap_breaks_at_spaces);
	tcase_add_test(tc, wrap_splits_a_word_longer_than_the_line);
	tcase_add_test(tc, wrap_keeps_utf8_characters_whole);
	tcase_add_test(tc, wrap_honours_newlines);
	tcase_add_test(tc, fit_picks_the_largest_size_that_fits);
	tcase_add_test(tc, fit_falls_back_to_the_minimum);
	tcase_add_test(tc, options_with_pictures_stand_in_a_row);
	tcase_add_test(tc, options_without_pictures_form_a_column);
	tcase_add_test(tc, many_options_use_two_columns_filled_row_by_row);
	tcase_add_test(tc, a_scale_of_five_to_seven_answers_reads_down_one_column);
	tcase_add_test(tc, grid_cells_fill_the_area_row_by_row);
	tcase_add_test(tc, hit_testing_uses_half_open_rectangles);
	tcase_add_test(tc, scale_follows_the_smaller_ratio);
	tcase_add_test(tc, px_rounds_to_the_nearest_pixel);
	tcase_add_test(tc, footer_buttons_stand_at_the_bottom_corners);
	tcase_add_test(tc, the_hint_stands_centred_between_the_footer_corners);
	tcase_add_test(tc, classes_stand_in_rows_by_grade);
	tcase_add_test(tc, many_grades_stand_in_two_columns_of_rows);
	tcase_add_test(tc, the_banner_stands_where_the_screen_has_room);
	suite_add_tcase(s, tc);
	return testutil_run(s);
}
