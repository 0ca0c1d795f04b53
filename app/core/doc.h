/*
 * doc.h: an editable document (the psychologist's справка) as a small
 * model -- a title, headings, paragraphs with bold runs, bullet lists,
 * tables with a header row and shaded cells, PNG pictures and page breaks
 * -- written as Office Open XML (.docx, MS Word) or OpenDocument text
 * (.odt, LibreOffice Writer) by two back ends of the same model (docx.c,
 * odt.c), as table.h writes CSV and XLSX.
 *
 * The caller builds the document block by block, in reading order, then
 * writes it. Text is UTF-8; a '\n' in a paragraph, a list item or a cell
 * is a line break. Pages are A4 portrait with the margins of a Russian
 * official letter (left 30 mm, right 15 mm, top and bottom 20 mm); body
 * text is Times New Roman 12 pt.
 */
#ifndef ANKETA_DOC_H
#define ANKETA_DOC_H

#include <stdbool.h>
#include <stddef.h>

typedef struct Doc Doc;
typedef struct DocTable DocTable;

typedef enum {
	DOC_DOCX, /* Office Open XML: MS Word, LibreOffice */
	DOC_ODT,  /* OpenDocument text: LibreOffice, MS Word */
} DocFormat;

/* The width of the text between the margins, in centimetres: the widest a
 * picture may be. */
#define DOC_TEXT_WIDTH_CM 16.5

/* A new document whose first block is its title (also the file's title
 * in its properties). Free it with doc_free(). */
Doc *doc_new(const char *title);

/* Frees the document and everything in it; NULL is allowed. */
void doc_free(Doc *doc);

/* A heading of level 1 (a section), 2 or 3 (subsections). */
void doc_heading(Doc *doc, int level, const char *text);

/* A new paragraph holding text as plain (not bold) text; text may be ""
 * and runs added with doc_run(). */
void doc_paragraph(Doc *doc, const char *text);

/* A new bullet list item holding text; consecutive items make one list.
 * Runs may be added with doc_run(). */
void doc_bullet(Doc *doc, const char *text);

/* Appends text, bold or not, to the last paragraph or list item, which
 * must be the last block added. */
void doc_run(Doc *doc, const char *text, bool bold);

/* Starts a new page. */
void doc_page_break(Doc *doc);

/* A picture: the bytes of a PNG file (copied), shown centred on a line of
 * its own at width x height centimetres (at most DOC_TEXT_WIDTH_CM wide). */
void doc_image(Doc *doc, const unsigned char *png, size_t len, double width_cm, double height_cm);

/* A table of n_cols columns across the text width, holding its header row
 * (row 0, bold, repeated at the top of every page the table spans) with
 * empty cells. Column widths follow the length of their texts. The table
 * belongs to the document. */
DocTable *doc_table(Doc *doc, int n_cols);

/* Appends a row of empty cells and returns its index. */
int doc_table_add_row(DocTable *table);

/* Sets a cell (row 0 is the header) to a copy of text. */
void doc_table_set(DocTable *table, int row, int col, const char *text);

/* Shades a cell's background with the colour 0xRRGGBB. */
void doc_table_shade(DocTable *table, int row, int col, unsigned rgb);

/* The format a file name asks for by its ending (".docx" or ".odt", any
 * case): 0 and *format set, or -1 for any other name. */
int doc_format_of(const char *path, DocFormat *format);

/*
 * Writes the document to path ("-" or NULL: standard output) in format,
 * whole or not at all (outfile.h). Returns 0, or -1 with *cause (one
 * sentence; the caller frees it) when it cannot be written.
 */
int doc_write(const Doc *doc, DocFormat format, const char *path, char **cause);

#endif
