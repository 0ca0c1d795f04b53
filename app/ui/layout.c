/*
 * layout.c: pure geometry for the screens.
 */
#include "layout.h"

#include <string.h>

int
layout_line_height(int size)
{
	return (size * 5 + 3) / 4;
}

/* Bytes of the UTF-8 character starting at p (1 for a stray byte). */
static size_t
layout_char_len(const char *p)
{
	unsigned char c = (unsigned char)*p;

	if (c >= 0xf0)
		return 4;
	if (c >= 0xe0)
		return 3;
	if (c >= 0xc0)
		return 2;
	return 1;
}

/* How many bytes of a too-long word fit on one line (at least one character). */
static size_t
layout_split_word(const char *word, size_t len, int width, int size, bool bold,
                  LayoutMeasure measure, void *ctx)
{
	size_t fit = layout_char_len(word);

	while (fit < len) {
		size_t next = fit + layout_char_len(word + fit);
		if (next > len || measure(ctx, word, next, size, bold) > width)
			break;
		fit = next;
	}
	return fit;
}

int
layout_wrap(const char *text, int width, int size, bool bold, LayoutMeasure measure, void *ctx,
            LayoutLine *lines, int max_lines)
{
	size_t pos = 0, total = strlen(text);
	int n = 0;

	while (pos <= total && n < max_lines) {
		size_t start = pos, end = pos, best = pos;

		/* Extend the line word by word while it still fits. */
		for (;;) {
			size_t word_end = end;
			while (word_end < total && text[word_end] == ' ')
				word_end++;
			while (word_end < total && text[word_end] != ' ' && text[word_end] != '\n')
				word_end++;
			if (word_end == end ||
			    measure(ctx, text + start, word_end - start, size, bold) > width)
				break;
			best = end = word_end;
			if (end >= total || text[end] == '\n')
				break;
		}
		if (best == start && start < total && text[start] != '\n') {
			size_t word = start;
			while (word < total && text[word] != ' ' && text[word] != '\n')
				word++;
			best = start + layout_split_word(text + start, word - start, width, size,
			                                 bold, measure, ctx);
		}
		lines[n++] = (LayoutLine){ start, best - start };
		pos = best;
		while (pos < total && text[pos] == ' ')
			pos++;
		if (pos < total && text[pos] == '\n')
			pos++;
		else if (pos >= total)
			break;
	}
	return n;
}

int
layout_fit(const char *text, int width, int height, int size_max, int size_min, bool bold,
           LayoutMeasure measure, void *ctx, LayoutLine *lines, int *n_lines)
{
	int size;

	for (size = size_max; size > size_min; size -= 2) {
		*n_lines =
		    layout_wrap(text, width, size, bold, measure, ctx, lines, LAYOUT_MAX_LINES);
		if (*n_lines * layout_line_height(size) <= height)
			return size;
	}
	*n_lines = layout_wrap(text, width, size_min, bold, measure, ctx, lines, LAYOUT_MAX_LINES);
	return size_min;
}

void
layout_options(GfxRect area, int n, bool pictures, int gap, GfxRect *out)
{
	bool cards = pictures && n <= 5;
	int cols = cards                       ? n
	           : n > LAYOUT_ONE_COLUMN_MAX ? 2
	                                       : 1,
	    rows = cards ? 1 : (n + cols - 1) / cols;
	int w = (area.w - gap * (cols - 1)) / cols, h = (area.h - gap * (rows - 1)) / rows, x0, y0;

	if (n <= 0)
		return;
	if (cards) {
		if (w > h * 4 / 5)
			w = h * 4 / 5;
		if (h > w * 5 / 4)
			h = w * 5 / 4;
	} else {
		if (cols == 1 && w > area.w * 3 / 4)
			w = area.w * 3 / 4;
		if (h > area.h / 3)
			h = area.h / 3;
	}
	x0 = area.x + (area.w - (cols * w + (cols - 1) * gap)) / 2;
	y0 = area.y + (area.h - (rows * h + (rows - 1) * gap)) / 2;
	/* Row by row: read left to right, top to bottom, the options keep
	 * their order. */
	for (int i = 0; i < n; i++)
		out[i] =
		    (GfxRect){ x0 + (i % cols) * (w + gap), y0 + (i / cols) * (h + gap), w, h };
}

void
layout_classes(GfxRect area, const int *row_of, int n, int gap, int max_w, int max_h, GfxRect *out)
{
	int rows, cols, per_col, widest = 0, count = 0, w, h, row_w, block_w, block_h, x0, y0;

	if (n <= 0)
		return;
	rows = row_of[n - 1] + 1;
	cols = rows > 6 ? 2 : 1;
	per_col = (rows + cols - 1) / cols;
	for (int i = 0; i < n; i++) {
		count = i > 0 && row_of[i] == row_of[i - 1] ? count + 1 : 1;
		widest = count > widest ? count : widest;
	}
	w = ((area.w - 3 * gap * (cols - 1)) / cols - gap * (widest - 1)) / widest;
	h = (area.h - gap * (per_col - 1)) / per_col;
	w = w < max_w ? w : max_w;
	h = h < max_h ? h : max_h;
	row_w = widest * w + (widest - 1) * gap;
	block_w = cols * row_w + (cols - 1) * 3 * gap;
	block_h = per_col * h + (per_col - 1) * gap;
	x0 = area.x + (area.w - block_w) / 2;
	y0 = area.y + (area.h - block_h) / 2;
	for (int i = 0, k = 0; i < n; i++) {
		int col = row_of[i] / per_col, row = row_of[i] % per_col;
		k = i > 0 && row_of[i] == row_of[i - 1] ? k + 1 : 0;
		out[i] = (GfxRect){ x0 + col * (row_w + 3 * gap) + k * (w + gap),
			            y0 + row * (h + gap), w, h };
	}
}

int
layout_hit(const GfxRect *rects, int n, int x, int y)
{
	for (int i = 0; i < n; i++) {
		if (x >= rects[i].x && x < rects[i].x + rects[i].w && y >= rects[i].y &&
		    y < rects[i].y + rects[i].h)
			return i;
	}
	return -1;
}

GfxRect
layout_inset(GfxRect r, int d)
{
	return (GfxRect){ r.x + d, r.y + d, r.w - 2 * d, r.h - 2 * d };
}

double
layout_scale(int width, int height)
{
	double sx = width / 1280.0, sy = height / 800.0;

	return sx < sy ? sx : sy;
}

GfxRect
layout_grid(GfxRect area, int rows, int cols, int gap, int index)
{
	int w = (area.w - gap * (cols - 1)) / cols, h = (area.h - gap * (rows - 1)) / rows;

	return (GfxRect){ area.x + (index % cols) * (w + gap), area.y + (index / cols) * (h + gap),
		          w, h };
}

int
layout_px(double scale, int length)
{
	return (int)(length * scale + 0.5);
}

GfxRect
layout_footer(int width, int height, double scale, LayoutSide side, int inset, int w)
{
	int x = side == LAYOUT_LEFT ? layout_px(scale, inset) : width - layout_px(scale, inset + w);

	return (GfxRect){ x, height - layout_px(scale, 100), layout_px(scale, w),
		          layout_px(scale, 76) };
}

GfxRect
layout_hint(int width, int height, double scale)
{
	return (GfxRect){ layout_px(scale, 370), height - layout_px(scale, 80),
		          width - 2 * layout_px(scale, 370), layout_px(scale, 64) };
}

GfxRect
layout_banner(int width, int height, double scale, LayoutBanner place, bool tall)
{
	GfxRect r = { layout_px(scale, 32), layout_px(scale, 92), width - layout_px(scale, 64),
		      layout_px(scale, 64) };

	if (place == LAYOUT_BANNER_ABOVE_FOOTER)
		r.y = height - layout_px(scale, 172);
	else if (place == LAYOUT_BANNER_IN_FOOTER)
		r = (GfxRect){ layout_px(scale, 288), height - layout_px(scale, 100),
			       width - layout_px(scale, 576), layout_px(scale, 76) };
	if (tall)
		r.h = layout_px(scale, 104);
	return r;
}
