/*
 * pdfdoc.c: numbered A4 pages with wrapped text and fitted tables (see
 * pdfdoc.h), drawn with cairo's PDF surface; DejaVu Sans through FreeType.
 */
#include "pdfdoc.h"

#include <cairo-ft.h>
#include <cairo-pdf.h>
#include <cairo.h>
#include <errno.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util.h"

/* A4 portrait in points; margins of 20 mm (15 mm on the right). */
#define PAGE_W     595.276
#define PAGE_H     841.890
#define MARGIN_L   56.69
#define MARGIN_R   42.52
#define MARGIN_T   56.69
#define MARGIN_B   62.36
#define CONTENT_W  (PAGE_W - MARGIN_L - MARGIN_R)
#define FONT       "DejaVu Sans"
#define CELL_PAD   4.0
#define TABLE_SIZE 9.0

struct PdfDoc {
	cairo_t *cr;
	bool draw;   /* false on the first pass, which only counts pages */
	int page;    /* the current page, from 1 */
	int n_pages; /* known on the second pass */
	double y;    /* top of the next line */
};

typedef struct {
	char **items;
	int n;
} Lines;

typedef struct {
	FILE *out;
	int error; /* errno of the first failed write, or 0 */
} PdfSink;

static const struct {
	double size;
	bool bold;
	double before; /* space above, unless at the top of a page */
} styles[] = {
	[PDF_TITLE] = { 18, true, 0 },       [PDF_HEADING] = { 14, true, 16 },
	[PDF_SUBHEADING] = { 11, true, 10 }, [PDF_BODY] = { 10, false, 4 },
	[PDF_NOTE] = { 9, false, 3 },
};

/*
 * DejaVu Sans regular and bold, opened once per process from the font files
 * (not looked up through fontconfig, so the PDF always has the font that
 * has Cyrillic) and kept: cairo may hold a face in its caches after any
 * one document is finished.
 */
static cairo_font_face_t *pdfdoc_faces[2];

/* The first readable dir/name of $ANKETA_FONT_DIR, the source tree's
 * assets/fonts and Debian's DejaVu folder; NULL when there is none. */
static char *
find_font(const char *name)
{
	const char *env = getenv("ANKETA_FONT_DIR");
	char *ours = xasprintf("%s/assets/fonts", util_data_dir());
	const char *dirs[] = { env, ours, "/usr/share/fonts/truetype/dejavu" };
	char *found = NULL;

	for (size_t i = 0; found == NULL && i < sizeof dirs / sizeof dirs[0]; i++) {
		char *path;
		if (dirs[i] == NULL || dirs[i][0] == '\0')
			continue;
		path = xasprintf("%s/%s", dirs[i], name);
		if (access(path, R_OK) == 0)
			found = path;
		else
			free(path);
	}
	free(ours);
	return found;
}

static int
load_fonts(char **cause)
{
	static FT_Library library;
	static const char *const names[2] = { "DejaVuSans.ttf", "DejaVuSans-Bold.ttf" };

	if (library == NULL && FT_Init_FreeType(&library) != 0) {
		library = NULL;
		*cause = xasprintf(_("cannot start the font engine: %s"), "FreeType");
		return -1;
	}
	for (int i = 0; i < 2; i++) {
		/* Without the bold file, bold text is set in the regular one. */
		char *path;
		FT_Face face;
		if (pdfdoc_faces[i] != NULL)
			continue;
		path = find_font(names[i]);
		if (path == NULL)
			path = find_font(names[0]);
		if (path == NULL || FT_New_Face(library, path, 0, &face) != 0) {
			free(path);
			*cause = xstrdup(_("the font DejaVuSans.ttf was not found: install the "
			                   "Debian package fonts-dejavu-core"));
			return -1;
		}
		free(path);
		pdfdoc_faces[i] = cairo_ft_font_face_create_for_ft_face(face, 0);
	}
	return 0;
}

static void
pdfdoc_font(PdfDoc *doc, double size, bool bold)
{
	cairo_set_font_face(doc->cr, pdfdoc_faces[bold ? 1 : 0]);
	cairo_set_font_size(doc->cr, size);
}

static double
line_height(double size)
{
	return size * 1.3;
}

/* A copy of the first len bytes of s as printed: a no-break space, which
 * only keeps words together while wrapping, becomes a plain space so that
 * text copied out of the PDF has ordinary spaces. */
static char *
printable(const char *s, size_t len)
{
	char *out = xstrndup(s, len), *w = out;

	for (const char *r = out; *r != '\0'; r++) {
		*w++ = *r;
		if ((unsigned char)r[0] == 0xC2 && (unsigned char)r[1] == 0xA0) {
			w[-1] = ' ';
			r++;
		}
	}
	*w = '\0';
	return out;
}

/* Width of the first len bytes of s in the current font. */
static double
text_width(PdfDoc *doc, const char *s, size_t len)
{
	char *part = printable(s, len);
	cairo_text_extents_t e;

	cairo_text_extents(doc->cr, part, &e);
	free(part);
	return e.x_advance;
}

static void
lines_add(Lines *lines, const char *s, size_t len)
{
	lines->items = xreallocarray(lines->items, (size_t)lines->n + 1, sizeof *lines->items);
	lines->items[lines->n++] = xstrndup(s, len);
}

static void
lines_free(Lines *lines)
{
	for (int i = 0; i < lines->n; i++)
		free(lines->items[i]);
	free(lines->items);
	*lines = (Lines){ 0 };
}

/* How many bytes of a word too long for a line fit (at least one character). */
static size_t
fit_chars(PdfDoc *doc, const char *s, size_t len, double width)
{
	size_t fit = 0, next;

	while (fit < len) {
		next = fit + 1;
		while (next < len && ((unsigned char)s[next] & 0xC0) == 0x80)
			next++;
		if (fit > 0 && text_width(doc, s, next) > width)
			break;
		fit = next;
	}
	return fit;
}

/* The end of the longest run of whole words from s that fits in width;
 * 0 when not even the first word does. */
static size_t
fit_words(PdfDoc *doc, const char *s, size_t len, double width)
{
	size_t best = 0, end = 0;

	while (end < len) {
		size_t e = end;
		while (e < len && s[e] == ' ')
			e++;
		while (e < len && s[e] != ' ')
			e++;
		if (text_width(doc, s, e) > width)
			break;
		best = end = e;
	}
	return best;
}

/* Wraps one paragraph (no newline) into lines no wider than width. */
static void
wrap_paragraph(PdfDoc *doc, const char *s, size_t len, double width, Lines *lines)
{
	size_t pos = 0, n;

	if (len == 0)
		lines_add(lines, "", 0);
	while (pos < len) {
		n = fit_words(doc, s + pos, len - pos, width);
		if (n == 0)
			n = fit_chars(doc, s + pos, len - pos, width);
		lines_add(lines, s + pos, n);
		pos += n;
		while (pos < len && s[pos] == ' ')
			pos++;
	}
}

/* Wraps text (newlines kept) in the current font. */
static void
wrap(PdfDoc *doc, const char *text, double width, Lines *lines)
{
	const char *nl;

	*lines = (Lines){ 0 };
	while ((nl = strchr(text, '\n')) != NULL) {
		wrap_paragraph(doc, text, (size_t)(nl - text), width, lines);
		text = nl + 1;
	}
	wrap_paragraph(doc, text, strlen(text), width, lines);
}

/* One line with its top at y, starting at x (left-aligned) or centred in
 * width when centre is set. */
static void
draw_line(PdfDoc *doc, const char *line, double x, double y, double width, bool centre)
{
	cairo_font_extents_t fe;
	char *text;

	if (!doc->draw)
		return;
	cairo_font_extents(doc->cr, &fe);
	if (centre)
		x += (width - text_width(doc, line, strlen(line))) / 2;
	text = printable(line, strlen(line));
	cairo_move_to(doc->cr, x, y + fe.ascent);
	cairo_show_text(doc->cr, text);
	free(text);
}

static void
pdfdoc_footer(PdfDoc *doc)
{
	char *text;

	if (!doc->draw)
		return;
	text = xasprintf(_("Page %d of %d"), doc->page, doc->n_pages);
	pdfdoc_font(doc, 9, false);
	cairo_set_source_rgb(doc->cr, 0.3, 0.3, 0.3);
	draw_line(doc, text, MARGIN_L, PAGE_H - 40, CONTENT_W, true);
	cairo_set_source_rgb(doc->cr, 0, 0, 0);
	free(text);
}

static void
pdfdoc_new_page(PdfDoc *doc)
{
	pdfdoc_footer(doc);
	if (doc->draw)
		cairo_show_page(doc->cr);
	doc->page++;
	doc->y = MARGIN_T;
}

static bool
at_page_top(const PdfDoc *doc)
{
	return doc->y <= MARGIN_T;
}

void
pdfdoc_keep(PdfDoc *doc, double height)
{
	if (!at_page_top(doc) && doc->y + height > PAGE_H - MARGIN_B)
		pdfdoc_new_page(doc);
}

void
pdfdoc_space(PdfDoc *doc, double points)
{
	if (!at_page_top(doc))
		doc->y += points;
}

double
pdfdoc_text_height(PdfDoc *doc, PdfStyle style, const char *text)
{
	Lines lines;
	double h;

	pdfdoc_font(doc, styles[style].size, styles[style].bold);
	wrap(doc, text, CONTENT_W, &lines);
	h = styles[style].before + lines.n * line_height(styles[style].size);
	lines_free(&lines);
	return h;
}

void
pdfdoc_text(PdfDoc *doc, PdfStyle style, const char *text)
{
	double lh = line_height(styles[style].size);
	Lines lines;

	pdfdoc_space(doc, styles[style].before);
	pdfdoc_font(doc, styles[style].size, styles[style].bold);
	wrap(doc, text, CONTENT_W, &lines);
	for (int i = 0; i < lines.n; i++) {
		pdfdoc_keep(doc, lh);
		pdfdoc_font(doc, styles[style].size, styles[style].bold);
		draw_line(doc, lines.items[i], MARGIN_L, doc->y, CONTENT_W, false);
		doc->y += lh;
	}
	lines_free(&lines);
}

/* ---- Tables ---- */

static const char *
cell(const PdfTable *t, int row, int col)
{
	const char *s = t->cells[row * t->n_cols + col];

	return s ? s : "";
}

static bool
row_bold(const PdfTable *t, int row)
{
	return row == 0 || t->strong[row];
}

/* The widest piece of s, cut at any of the characters in cuts. */
static double
widest_piece(PdfDoc *doc, const char *s, const char *cuts)
{
	double widest = 0;

	while (*s != '\0') {
		size_t n = strcspn(s, cuts);
		double w = text_width(doc, s, n);
		widest = w > widest ? w : widest;
		s += n + (s[n] != '\0');
	}
	return widest;
}

/*
 * Shares rest among the columns narrower than their natural width, the
 * smallest needs met in full first: a header a little too long gets its
 * line, and a long text takes what is left and wraps.
 */
static void
share_rest(double *widths, const double *natural, int n, double rest)
{
	for (;;) {
		int wanting = 0;
		double share, smallest = -1;
		for (int c = 0; c < n; c++) {
			double short_by = natural[c] - widths[c];
			if (short_by > 0.01) {
				wanting++;
				smallest =
				    smallest < 0 || short_by < smallest ? short_by : smallest;
			}
		}
		if (wanting == 0 || rest <= 0.01)
			return;
		share = rest / wanting < smallest ? rest / wanting : smallest;
		for (int c = 0; c < n; c++) {
			if (natural[c] - widths[c] > 0.01) {
				widths[c] += share;
				rest -= share;
			}
		}
	}
}

/*
 * Column widths across the page. Each column first gets what its longest
 * line needs, up to an equal share of the width; what is left goes to the
 * columns that need more (share_rest()). When every line fits, the spare
 * width is shared equally. So short columns (numbers, wave names) are never
 * squeezed by one long text, which wraps instead.
 */
static void
column_widths(PdfDoc *doc, const PdfTable *t, double *widths)
{
	double *natural = xcalloc((size_t)t->n_cols, sizeof *natural);
	double fair = CONTENT_W / t->n_cols, rest = CONTENT_W, need = 0;

	for (int r = 0; r < t->n_rows; r++) {
		pdfdoc_font(doc, TABLE_SIZE, row_bold(t, r));
		for (int c = 0; c < t->n_cols; c++) {
			double line = widest_piece(doc, cell(t, r, c), "\n") + 2 * CELL_PAD + 1;
			natural[c] = line > natural[c] ? line : natural[c];
		}
	}
	for (int c = 0; c < t->n_cols; c++) {
		widths[c] = natural[c] < fair ? natural[c] : fair;
		rest -= widths[c];
		need += natural[c] - widths[c];
	}
	if (need <= rest) {
		for (int c = 0; c < t->n_cols; c++)
			widths[c] = natural[c] + (rest - need) / t->n_cols;
	} else {
		share_rest(widths, natural, t->n_cols, rest);
	}
	free(natural);
}

static double
row_height(PdfDoc *doc, const PdfTable *t, int row, const double *widths)
{
	int most = 1;

	pdfdoc_font(doc, TABLE_SIZE, row_bold(t, row));
	for (int c = 0; c < t->n_cols; c++) {
		Lines lines;
		wrap(doc, cell(t, row, c), widths[c] - 2 * CELL_PAD, &lines);
		most = lines.n > most ? lines.n : most;
		lines_free(&lines);
	}
	return most * line_height(TABLE_SIZE) + 2 * CELL_PAD;
}

static void
draw_row_frame(PdfDoc *doc, int row, double height)
{
	cairo_t *cr = doc->cr;

	if (row == 0) {
		cairo_set_source_rgb(cr, 0.88, 0.88, 0.88);
		cairo_rectangle(cr, MARGIN_L, doc->y, CONTENT_W, height);
		cairo_fill(cr);
	}
	cairo_set_source_rgb(cr, 0.45, 0.45, 0.45);
	cairo_set_line_width(cr, 0.5);
	cairo_rectangle(cr, MARGIN_L, doc->y, CONTENT_W, height);
	cairo_stroke(cr);
	cairo_set_source_rgb(cr, 0, 0, 0);
}

static void
draw_row(PdfDoc *doc, const PdfTable *t, int row, const double *widths, double height)
{
	double x = MARGIN_L;

	if (!doc->draw)
		return;
	draw_row_frame(doc, row, height);
	for (int c = 0; c < t->n_cols; c++) {
		Lines lines;
		double w = widths[c] - 2 * CELL_PAD;
		pdfdoc_font(doc, TABLE_SIZE, row_bold(t, row));
		wrap(doc, cell(t, row, c), w, &lines);
		for (int i = 0; i < lines.n; i++)
			draw_line(doc, lines.items[i], x + CELL_PAD,
			          doc->y + CELL_PAD + i * line_height(TABLE_SIZE), w, c > 0);
		lines_free(&lines);
		if (c > 0) {
			cairo_move_to(doc->cr, x, doc->y);
			cairo_line_to(doc->cr, x, doc->y + height);
			cairo_stroke(doc->cr);
		}
		x += widths[c];
	}
}

double
pdfdoc_table_start_height(PdfDoc *doc, const PdfTable *table)
{
	double *widths = xcalloc((size_t)table->n_cols, sizeof *widths), h;

	column_widths(doc, table, widths);
	h = row_height(doc, table, 0, widths);
	if (table->n_rows > 1)
		h += row_height(doc, table, 1, widths);
	free(widths);
	return h + 6;
}

void
pdfdoc_table(PdfDoc *doc, const PdfTable *table)
{
	double *widths = xcalloc((size_t)table->n_cols, sizeof *widths);
	double head = 0;

	column_widths(doc, table, widths);
	pdfdoc_space(doc, 6);
	for (int r = 0; r < table->n_rows; r++) {
		double h = row_height(doc, table, r, widths);
		if (r == 0)
			head = h;
		if (r > 0 && !at_page_top(doc) && doc->y + h > PAGE_H - MARGIN_B) {
			/* The row moves whole to the next page, under a repeated header. */
			pdfdoc_new_page(doc);
			draw_row(doc, table, 0, widths, head);
			doc->y += head;
		}
		draw_row(doc, table, r, widths, h);
		doc->y += h;
	}
	doc->y += 8;
	free(widths);
}

PdfTable *
pdfdoc_table_new(int n_cols)
{
	PdfTable *t = xcalloc(1, sizeof *t);

	t->n_cols = n_cols;
	pdfdoc_table_add_row(t, true);
	return t;
}

int
pdfdoc_table_add_row(PdfTable *table, bool strong)
{
	int n = table->n_rows + 1;

	table->cells =
	    xreallocarray(table->cells, (size_t)n * (size_t)table->n_cols, sizeof *table->cells);
	memset(&table->cells[table->n_rows * table->n_cols], 0,
	       (size_t)table->n_cols * sizeof *table->cells);
	table->strong = xreallocarray(table->strong, (size_t)n, sizeof *table->strong);
	table->strong[table->n_rows] = strong;
	table->n_rows = n;
	return n - 1;
}

void
pdfdoc_table_take(PdfTable *table, int row, int col, char *text)
{
	char **slot = &table->cells[row * table->n_cols + col];

	free(*slot);
	*slot = text;
}

void
pdfdoc_table_set(PdfTable *table, int row, int col, const char *text)
{
	pdfdoc_table_take(table, row, col, xstrdup(text));
}

void
pdfdoc_table_free(PdfTable *table)
{
	if (table == NULL)
		return;
	for (int i = 0; i < table->n_rows * table->n_cols; i++)
		free(table->cells[i]);
	free(table->cells);
	free(table->strong);
	free(table);
}

/* ---- The file ---- */

static cairo_status_t
pdfdoc_sink_write(void *closure, const unsigned char *data, unsigned int length)
{
	PdfSink *sink = closure;

	if (fwrite(data, 1, length, sink->out) != length) {
		if (sink->error == 0)
			sink->error = errno ? errno : EIO;
		return CAIRO_STATUS_WRITE_ERROR;
	}
	return CAIRO_STATUS_SUCCESS;
}

/* One pass over the layout: counting pages, or drawing them. */
static int
pdfdoc_pass(cairo_t *cr, bool draw, int n_pages, PdfDocLayout layout, void *arg)
{
	PdfDoc doc = { .cr = cr, .draw = draw, .page = 1, .n_pages = n_pages, .y = MARGIN_T };

	cairo_set_source_rgb(cr, 0, 0, 0);
	layout(&doc, arg);
	if (draw) {
		pdfdoc_footer(&doc);
		cairo_show_page(cr);
	}
	return doc.page;
}

int
pdfdoc_write(FILE *out, const char *title, PdfDocLayout layout, void *arg, char **cause)
{
	PdfSink sink = { .out = out };
	cairo_surface_t *surface;
	cairo_t *cr;
	cairo_status_t status;

	if (load_fonts(cause) != 0)
		return -1;
	surface = cairo_pdf_surface_create_for_stream(pdfdoc_sink_write, &sink, PAGE_W, PAGE_H);
	cr = cairo_create(surface);
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title);
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Anketa");
	pdfdoc_pass(cr, true, pdfdoc_pass(cr, false, 0, layout, arg), layout, arg);
	status = cairo_status(cr);
	cairo_destroy(cr);
	cairo_surface_finish(surface);
	if (status == CAIRO_STATUS_SUCCESS)
		status = cairo_surface_status(surface);
	cairo_surface_destroy(surface);
	if (sink.error != 0) {
		*cause = xasprintf(_("cannot write the report: %s"), strerror(sink.error));
		return -1;
	}
	if (status != CAIRO_STATUS_SUCCESS) {
		*cause = xasprintf(_("cannot make the PDF: %s"), cairo_status_to_string(status));
		return -1;
	}
	return 0;
}
