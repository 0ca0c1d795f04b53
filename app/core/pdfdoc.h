/*
 * pdfdoc.h: a printed document as a PDF drawn with cairo: A4 portrait pages
 * numbered "page N of M", text wrapped to the page, and tables whose columns
 * are fitted to their content and whose rows move whole to the next page
 * (the header row repeated there).
 *
 * The caller describes the document in a layout function; pdfdoc_write()
 * runs it twice, first only to count the pages (so every page can say how
 * many there are), then to draw. Text is DejaVu Sans, which has Cyrillic;
 * lines break at spaces, never at a no-break space (U+00A0, printed as a
 * plain space), and a word longer than its line is split.
 */
#ifndef ANKETA_PDFDOC_H
#define ANKETA_PDFDOC_H

#include <stdbool.h>
#include <stdio.h>

typedef struct PdfDoc PdfDoc;

typedef enum {
	PDF_TITLE,      /* the document's title */
	PDF_HEADING,    /* a section */
	PDF_SUBHEADING, /* an item of a section */
	PDF_BODY,       /* ordinary text */
	PDF_NOTE,       /* explanations in a smaller size */
} PdfStyle;

/* A grid of texts; row 0 is the header. A cell may hold several lines
 * ('\n'); longer ones wrap within their column. */
typedef struct {
	int n_cols;
	int n_rows;
	char **cells; /* n_rows * n_cols, owned; NULL is an empty cell */
	bool *strong; /* per row: bold (the header always is) */
} PdfTable;

/* Describes the whole document; called twice with the same arg, so it must
 * draw the same things both times. */
typedef void (*PdfDocLayout)(PdfDoc *doc, void *arg);

/*
 * Writes the document to out as a PDF titled title (the file's metadata).
 * Returns 0, or -1 with *cause (one sentence; the caller frees it) when
 * the PDF could not be made or written.
 */
int pdfdoc_write(FILE *out, const char *title, PdfDocLayout layout, void *arg, char **cause);

/* A paragraph in a style, wrapped to the page width; a page break comes
 * between lines when the page is full. */
void pdfdoc_text(PdfDoc *doc, PdfStyle style, const char *text);

/* Vertical space in points (none at the top of a page). */
void pdfdoc_space(PdfDoc *doc, double points);

/* The height pdfdoc_text() would take for this paragraph. */
double pdfdoc_text_height(PdfDoc *doc, PdfStyle style, const char *text);

/* Starts a new page unless height points still fit on this one (to keep a
 * heading with what follows it). */
void pdfdoc_keep(PdfDoc *doc, double height);

/* The height of a table's header row and first row, for pdfdoc_keep(). */
double pdfdoc_table_start_height(PdfDoc *doc, const PdfTable *table);

/* Draws the table at the current position across the page's width. */
void pdfdoc_table(PdfDoc *doc, const PdfTable *table);

/* A table of n_cols columns holding the empty header row. */
PdfTable *pdfdoc_table_new(int n_cols);

/* Appends an empty row (bold when strong) and returns its index. */
int pdfdoc_table_add_row(PdfTable *table, bool strong);

/* Sets a cell to a copy of text. */
void pdfdoc_table_set(PdfTable *table, int row, int col, const char *text);

/* Sets a cell to text, which the table now owns. */
void pdfdoc_table_take(PdfTable *table, int row, int col, char *text);

/* Frees the table and its texts; NULL is allowed. */
void pdfdoc_table_free(PdfTable *table);

#endif
