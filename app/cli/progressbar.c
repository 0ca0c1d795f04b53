/*
 * progressbar.c: the progress line of progressbar.h. The decision when to
 * draw and the line itself take the time as an argument, so they are
 * tested exactly; only the Progress adapter reads the clock.
 */
#include "progressbar.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "util.h"

#define BAR_CELLS 20

struct ProgressBar {
	FILE *out;
	int columns;
	long last_ms; /* when the line was last drawn; -1: nothing on screen */
	int shown;    /* characters on the screen's line now */
	Progress progress;
};

ProgressBar *
progressbar_new(FILE *out, int columns)
{
	ProgressBar *bar = xcalloc(1, sizeof *bar);

	bar->out = out;
	bar->columns = columns > 0 ? columns : 80;
	bar->last_ms = -1;
	return bar;
}

void
progressbar_free(ProgressBar *bar)
{
	if (bar == NULL)
		return;
	progressbar_clear(bar);
	free(bar);
}

/* Appends up to room characters of what to line (at *len): UTF-8 kept
 * whole, control characters as '?', and "…" in place of the last one when
 * it does not fit. Returns how many characters it appended. */
static int
append_what(char *line, size_t *len, const char *what, int room)
{
	size_t n = strlen(what), valid = util_utf8_bad_at(what, n), i = 0;
	int chars = 0;

	while (i < valid && chars < room) {
		size_t step = 1;
		unsigned char c = (unsigned char)what[i];

		while (i + step < valid && ((unsigned char)what[i + step] & 0xc0) == 0x80)
			step++;
		if (chars == room - 1 && i + step < valid) {
			*len += (size_t)sprintf(line + *len, "…");
			return chars + 1;
		}
		if (c < 0x20 || c == 0x7f)
			line[(*len)++] = '?';
		else
			memcpy(line + *len, what + i, step), *len += step;
		i += step;
		chars++;
	}
	return chars;
}

/* The line for done of total at what, without the leading '\r', into line
 * (room for columns * 4 + 64 bytes); returns its length in characters. */
static int
format_line(char *line, int columns, long done, long total, const char *what)
{
	size_t len = 0;
	int chars = 0;

	if (total > 0) {
		long clamped = done < 0 ? 0 : done > total ? total : done;
		int filled = (int)(clamped * BAR_CELLS / total);

		line[len++] = '[';
		for (int i = 0; i < BAR_CELLS; i++)
			line[len++] = i < filled ? '#' : '.';
		len += (size_t)sprintf(line + len, "] %3d %%  ", (int)(clamped * 100 / total));
		chars = (int)len;
	}
	if (chars > columns - 1)
		chars = columns - 1, len = (size_t)chars; /* a very narrow terminal */
	else if (what != NULL)
		chars += append_what(line, &len, what, columns - 1 - chars);
	line[len] = '\0';
	return chars;
}

bool
progressbar_show(ProgressBar *bar, long now_ms, long done, long total, const char *what)
{
	char *line;
	int chars;

	if (bar == NULL || (bar->last_ms >= 0 && now_ms - bar->last_ms < PROGRESSBAR_INTERVAL_MS))
		return false;
	line = xmalloc((size_t)bar->columns * 4 + 64);
	chars = format_line(line, bar->columns, done, total, what);
	fprintf(bar->out, "\r%s%*s", line, bar->shown > chars ? bar->shown - chars : 0, "");
	fflush(bar->out);
	free(line);
	if (chars > bar->shown)
		bar->shown = chars;
	bar->last_ms = now_ms;
	return true;
}

void
progressbar_clear(ProgressBar *bar)
{
	if (bar == NULL)
		return;
	if (bar->shown > 0) {
		fprintf(bar->out, "\r%*s\r", bar->shown, "");
		fflush(bar->out);
	}
	bar->shown = 0;
	bar->last_ms = -1;
}

/* The adapters' clock: milliseconds of CLOCK_MONOTONIC. */
static long
monotonic_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void
report(void *ctx, long done, long total, const char *what)
{
	progressbar_show(ctx, monotonic_ms(), done, total, what);
}

void
progressbar_note(ProgressBar *bar, const char *what)
{
	if (bar == NULL)
		return;
	bar->last_ms = -1;
	progressbar_show(bar, monotonic_ms(), 0, 0, what);
}

void
progressbar_tell(void *bar, int done, int total, const char *what)
{
	report(bar, done, total, what);
}

const Progress *
progressbar_progress(ProgressBar *bar)
{
	if (bar == NULL)
		return NULL;
	bar->progress = (Progress){ .report = report, .ctx = bar };
	return &bar->progress;
}
