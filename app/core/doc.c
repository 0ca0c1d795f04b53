/*
 * doc.c: the document model of doc.h, and writing it through a back end
 * into a file that appears whole or not at all.
 */
#include "doc.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "doc_internal.h"
#include "outfile.h"
#include "util.h"

Doc *
doc_new(const char *title)
{
	Doc *doc = xcalloc(1, sizeof *doc);
	DocBlock *block;

	doc->title = xstrdup(title);
	doc->blocks = xcalloc(1, sizeof *doc->blocks);
	block = &doc->blocks[doc->n_blocks++];
	block->kind = DOC_BLOCK_TITLE;
	block->runs = xcalloc(1, sizeof *block->runs);
	block->runs[0] = (DocRun){ xstrdup(title), false };
	block->n_runs = 1;
	return doc;
}

static void
table_free(DocTable *table)
{
	for (int i = 0; i < table->n_rows * table->n_cols; i++)
		free(table->cells[i]);
	free(table->cells);
	free(table->shades);
	free(table);
}

void
doc_free(Doc *doc)
{
	if (doc == NULL)
		return;
	for (int b = 0; b < doc->n_blocks; b++) {
		DocBlock *block = &doc->blocks[b];
		for (int r = 0; r < block->n_runs; r++)
			free(block->runs[r].text);
		free(block->runs);
		if (block->table != NULL)
			table_free(block->table);
		free(block->image.png);
	}
	free(doc->blocks);
	free(doc->title);
	free(doc);
}

static DocBlock *
add_block(Doc *doc, DocBlockKind kind)
{
	DocBlock *block;

	doc->blocks = xreallocarray(doc->blocks, (size_t)doc->n_blocks + 1, sizeof *doc->blocks);
	block = &doc->blocks[doc->n_blocks++];
	*block = (DocBlock){ .kind = kind };
	return block;
}

static void
add_run(DocBlock *block, const char *text, bool bold)
{
	block->runs = xreallocarray(block->runs, (size_t)block->n_runs + 1, sizeof *block->runs);
	block->runs[block->n_runs++] = (DocRun){ xstrdup(text), bold };
}

void
doc_heading(Doc *doc, int level, const char *text)
{
	DocBlock *block = add_block(doc, DOC_BLOCK_HEADING);

	if (level < 1 || level > 3)
		abort(); /* a bug in the caller */
	block->level = level;
	add_run(block, text, false);
}

void
doc_paragraph(Doc *doc, const char *text)
{
	DocBlock *block = add_block(doc, DOC_BLOCK_PARAGRAPH);

	if (text[0] != '\0')
		add_run(block, text, false);
}

void
doc_bullet(Doc *doc, const char *text)
{
	DocBlock *block = add_block(doc, DOC_BLOCK_BULLET);

	if (text[0] != '\0')
		add_run(block, text, false);
}

void
doc_run(Doc *doc, const char *text, bool bold)
{
	DocBlock *block = &doc->blocks[doc->n_blocks - 1];

	if (block->kind != DOC_BLOCK_PARAGRAPH && block->kind != DOC_BLOCK_BULLET)
		abort(); /* a bug in the caller: runs go into paragraphs and items */
	add_run(block, text, bold);
}

void
doc_page_break(Doc *doc)
{
	add_block(doc, DOC_BLOCK_PAGE_BREAK);
}

void
doc_image(Doc *doc, const unsigned char *png, size_t len, double width_cm, double height_cm)
{
	static const unsigned char signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };
	DocBlock *block;

	if (len < sizeof signature || memcmp(png, signature, sizeof signature) != 0 ||
	    width_cm <= 0 || height_cm <= 0 || width_cm > DOC_TEXT_WIDTH_CM)
		abort(); /* a bug in the caller: not a PNG, or no room for it */
	block = add_block(doc, DOC_BLOCK_IMAGE);
	block->image.png = xmalloc(len);
	memcpy(block->image.png, png, len);
	block->image.len = len;
	block->image.width_cm = width_cm;
	block->image.height_cm = height_cm;
	block->image.number = ++doc->n_images;
}

DocTable *
doc_table(Doc *doc, int n_cols)
{
	DocBlock *block = add_block(doc, DOC_BLOCK_TABLE);
	DocTable *table = xcalloc(1, sizeof *table);

	if (n_cols < 1)
		abort(); /* a bug in the caller */
	table->n_cols = n_cols;
	table->number = ++doc->n_tables;
	block->table = table;
	doc_table_add_row(table);
	return table;
}

int
doc_table_add_row(DocTable *table)
{
	size_t n = (size_t)(table->n_rows + 1) * (size_t)table->n_cols;

	table->cells = xreallocarray(table->cells, n, sizeof *table->cells);
	table->shades = xreallocarray(table->shades, n, sizeof *table->shades);
	for (size_t i = n - (size_t)table->n_cols; i < n; i++) {
		table->cells[i] = xstrdup("");
		table->shades[i] = DOC_NO_SHADE;
	}
	return table->n_rows++;
}

static size_t
cell_index(const DocTable *table, int row, int col)
{
	if (row < 0 || row >= table->n_rows || col < 0 || col >= table->n_cols)
		abort(); /* a bug in the caller */
	return (size_t)row * (size_t)table->n_cols + (size_t)col;
}

void
doc_table_set(DocTable *table, int row, int col, const char *text)
{
	size_t i = cell_index(table, row, col);

	free(table->cells[i]);
	table->cells[i] = xstrdup(text);
}

void
doc_table_shade(DocTable *table, int row, int col, unsigned rgb)
{
	table->shades[cell_index(table, row, col)] = rgb & 0xFFFFFFu;
}

int
doc_format_of(const char *path, DocFormat *format)
{
	size_t len = strlen(path);

	if (len > 5 && strcasecmp(path + len - 5, ".docx") == 0)
		*format = DOC_DOCX;
	else if (len > 4 && strcasecmp(path + len - 4, ".odt") == 0)
		*format = DOC_ODT;
	else
		return -1;
	return 0;
}

int
doc_write(const Doc *doc, DocFormat format, const char *path, char **cause)
{
	OutFile *out = outfile_open(path, cause);
	int rc;

	if (out == NULL)
		return -1;
	if (format == DOC_DOCX)
		rc = docx_write(doc, outfile_stream(out), cause);
	else
		rc = odt_write(doc, outfile_stream(out), cause);
	if (rc != 0) {
		outfile_abort(out);
		return -1;
	}
	return outfile_commit(out, cause);
}

FILE *
doc_part_open(DocPart *part)
{
	*part = (DocPart){ 0 };
	part->out = open_memstream(&part->text, &part->len);
	if (part->out == NULL) {
		fputs("anketa: out of memory\n", stderr);
		abort();
	}
	return part->out;
}

void
doc_xml_text(FILE *out, const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '&')
			fputs("&amp;", out);
		else if (c == '<')
			fputs("&lt;", out);
		else if (c == '>')
			fputs("&gt;", out);
		else if (c == '"')
			fputs("&quot;", out);
		else if (c >= 0x20 || c == '\t')
			fputc(c, out);
	}
}

/* The length in characters of the longest line of text. */
static int
longest_line(const char *text)
{
	int best = 0, n = 0;

	for (const char *p = text; *p != '\0'; p++) {
		if (*p == '\n')
			n = 0;
		else if (((unsigned char)*p & 0xC0) != 0x80)
			n++;
		if (n > best)
			best = n;
	}
	return best;
}

void
doc_table_widths(const DocTable *table, double *widths)
{
	double total = 0;

	for (int c = 0; c < table->n_cols; c++) {
		int chars = 4;
		for (int r = 0; r < table->n_rows; r++) {
			int n = longest_line(
			    table->cells[(size_t)r * (size_t)table->n_cols + (size_t)c]);
			if (n > chars)
				chars = n;
		}
		widths[c] = chars > 40 ? 40 : chars;
		total += widths[c];
	}
	for (int c = 0; c < table->n_cols; c++)
		widths[c] = widths[c] * DOC_TEXT_WIDTH_CM / total;
}
