/*
 * test_cli_progressbar.c: the command line's progress line, with the time
 * passed in: when it is drawn, what it says, how it is erased.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "progressbar.h"
#include "testutil.h"

/* A bar writing into memory. */
typedef struct {
	FILE *out;
	char *bytes;
	size_t len;
	size_t seen; /* bytes already returned by written() */
} Screen;

static ProgressBar *
screen_bar(Screen *s, int columns)
{
	*s = (Screen){ 0 };
	s->out = open_memstream(&s->bytes, &s->len);
	ck_assert_ptr_nonnull(s->out);
	return progressbar_new(s->out, columns);
}

/* What was written since the last call (a new string). */
static char *
written(Screen *s)
{
	char *text;

	fflush(s->out);
	text = strndup(s->bytes + s->seen, s->len - s->seen);
	s->seen = s->len;
	return text;
}

static void
assert_written(Screen *s, const char *want)
{
	char *got = written(s);

	ck_assert_str_eq(got, want);
	free(got);
}

static void
screen_close(Screen *s, ProgressBar *bar)
{
	progressbar_free(bar);
	fclose(s->out);
	free(s->bytes);
}

START_TEST(drawn_at_once_then_five_times_a_second)
{
	Screen s;
	ProgressBar *bar = screen_bar(&s, 80);

	/* The first report is drawn whenever it comes. */
	ck_assert(progressbar_show(bar, 5000, 0, 200, "line 1"));
	assert_written(&s, "\r[....................]   0 %  line 1");
	/* Then nothing until 200 ms have passed since it was drawn. */
	ck_assert(!progressbar_show(bar, 5001, 10, 200, "line 257"));
	ck_assert(!progressbar_show(bar, 5199, 20, 200, "line 513"));
	assert_written(&s, "");
	ck_assert(progressbar_show(bar, 5200, 50, 200, "line 769"));
	assert_written(&s, "\r[#####...............]  25 %  line 769");
	ck_assert(!progressbar_show(bar, 5399, 100, 200, "line 1025"));
	ck_assert(progressbar_show(bar, 5400, 200, 200, "line 1281"));
	assert_written(&s, "\r[####################] 100 %  line 1281");
	screen_close(&s, bar);
}
END_TEST

START_TEST(shorter_line_covers_the_longer)
{
	Screen s;
	ProgressBar *bar = screen_bar(&s, 80);

	ck_assert(progressbar_show(bar, 0, 1, 3, "school01.db (1 of 2): copying answers"));
	assert_written(&s, "\r[######..............]  33 %  school01.db (1 of 2): copying answers");
	/* 30 + 37 = 67 characters were shown; the next line has 30 + 4: 33 spaces. */
	ck_assert(progressbar_show(bar, 300, 2, 3, "done"));
	assert_written(&s, "\r[#############.......]  66 %  done                                 ");
	screen_close(&s, bar);
}
END_TEST

START_TEST(cleared_before_other_output)
{
	Screen s;
	ProgressBar *bar = screen_bar(&s, 80);

	progressbar_clear(bar); /* nothing shown: nothing to erase */
	assert_written(&s, "");
	ck_assert(progressbar_show(bar, 0, 1, 2, "a"));
	free(written(&s));
	/* 31 characters shown: erased with as many spaces between two '\r'. */
	progressbar_clear(bar);
	assert_written(&s, "\r                               \r");
	/* After it, the next report is drawn at once, however soon. */
	ck_assert(progressbar_show(bar, 1, 2, 2, "b"));
	assert_written(&s, "\r[####################] 100 %  b");
	progressbar_free(bar); /* erases too */
	assert_written(&s, "\r                               \r");
	fclose(s.out);
	free(s.bytes);
}
END_TEST

START_TEST(fits_the_terminal)
{
	Screen s;
	ProgressBar *bar = screen_bar(&s, 40);

	/* 39 characters at most: 30 of bar and percent, 8 letters and "…". */
	ck_assert(progressbar_show(bar, 0, 1, 4, "сравнение анкет"));
	assert_written(&s, "\r[#####...............]  25 %  сравнени…");
	screen_close(&s, bar);
	bar = screen_bar(&s, 40);
	ck_assert(progressbar_show(bar, 0, 1, 4, "123456789"));
	assert_written(&s, "\r[#####...............]  25 %  123456789");
	screen_close(&s, bar);
	bar = screen_bar(&s, 20); /* narrower than the bar: cut short */
	ck_assert(progressbar_show(bar, 0, 1, 4, "x"));
	assert_written(&s, "\r[#####............." /* 19 characters */);
	screen_close(&s, bar);
}
END_TEST

START_TEST(unknown_total_and_control_characters)
{
	Screen s;
	ProgressBar *bar = screen_bar(&s, 0); /* 0: 80 columns */

	ck_assert(progressbar_show(bar, 0, 12345, 0, "stdin:\tстрока 257\n\x1b[2J"));
	assert_written(&s, "\rstdin:?строка 257??[2J");
	ck_assert(progressbar_show(bar, 200, 5, 10, NULL));
	assert_written(&s, "\r[##########..........]  50 %  ");
	screen_close(&s, bar);
}
END_TEST

START_TEST(no_bar_no_output)
{
	ck_assert(!progressbar_show(NULL, 0, 1, 2, "x"));
	progressbar_clear(NULL);
	progressbar_free(NULL);
	ck_assert_ptr_null(progressbar_progress(NULL));
}
END_TEST

START_TEST(progress_reports_draw_on_the_bar)
{
	Screen s;
	ProgressBar *bar = screen_bar(&s, 80);
	const Progress *p = progressbar_progress(bar);

	ck_assert_int_eq(progress_report(p, 3, 4, "x"), 0);
	assert_written(&s, "\r[###############.....]  75 %  x");
	screen_close(&s, bar);
}
END_TEST

/* The analysis's callback shape draws the same line; a note is drawn at
 * once even right after a report, without bar or percent, over what was
 * longer. */
START_TEST(analysis_callback_and_note)
{
	Screen s;
	ProgressBar *bar = screen_bar(&s, 80);

	progressbar_tell(bar, 1, 4, "прохождение 1 из 4");
	assert_written(&s, "\r[#####...............]  25 %  прохождение 1 из 4");
	progressbar_note(bar, "запись");
	/* 30 + 18 = 48 characters were shown; "запись" is 6: 42 spaces. */
	assert_written(&s, "\rзапись                                          ");
	progressbar_tell(NULL, 1, 4, "x"); /* no bar: nothing, nowhere */
	progressbar_note(NULL, "x");
	assert_written(&s, "");
	screen_close(&s, bar);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("cli_progressbar");
	TCase *tc = tcase_create("cli_progressbar");

	tcase_add_test(tc, drawn_at_once_then_five_times_a_second);
	tcase_add_test(tc, shorter_line_covers_the_longer);
	tcase_add_test(tc, cleared_before_other_output);
	tcase_add_test(tc, fits_the_terminal);
	tcase_add_test(tc, unknown_total_and_control_characters);
	tcase_add_test(tc, no_bar_no_output);
	tcase_add_test(tc, progress_reports_draw_on_the_bar);
	tcase_add_test(tc, analysis_callback_and_note);
	suite_add_tcase(s, tc);
	return testutil_run(s);
}
