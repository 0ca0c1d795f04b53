/*
 * doc_internal.h: the document model of doc.h as its back ends (docx.c,
 * odt.c) read it, and what both share: XML text and the column widths.
 */
#ifndef ANKETA_DOC_INTERNAL_H
#define ANKETA_DOC_INTERNAL_H

#include <stdio.h>

#include "doc.h"

/* A cell without shading (doc_table_shade() takes 0xRRGGBB only). */
#define DOC_NO_SHADE 0xFFFFFFFFu

typedef enum {
	DOC_BLOCK_TITLE,
	DOC_BLOCK_HEADING,
	DOC_BLOCK_PARAGRAPH,
	DOC_BLOCK_BULLET,
	DOC_BLOCK_TABLE,
	DOC_BLOCK_IMAGE,
	DOC_BLOCK_PAGE_BREAK,
} DocBlockKind;

typedef struct {
	char *text;
	bool bold;
} DocRun;

struct DocTable {
	int n_cols;
	int n_rows;
	char **cells;     /* n_rows * n_cols, owned, never NULL */
	unsigned *shades; /* n_rows * n_cols: 0xRRGGBB or DOC_NO_SHADE */
	int number;       /* 1 for the document's first table, 2, ... */
};

typedef struct {
	unsigned char *png; /* owned */
	size_t len;
	double width_cm;
	double height_cm;
	int number; /* 1 for the document's first picture, 2, ... */
} DocImage;

typedef struct {
	DocBlockKind kind;
	int level;    /* DOC_BLOCK_HEADING: 1 to 3 */
	DocRun *runs; /* title, heading, paragraph, bullet */
	int n_runs;
	DocTable *table;
	DocImage image;
} DocBlock;

struct Doc {
	char *title;
	DocBlock *blocks;
	int n_blocks;
	int n_tables;
	int n_images;
};

/* A part of a package being written: a memory stream (open_memstream())
 * and where its text goes; docpkg_add_stream() takes it. */
typedef struct {
	FILE *out;
	char *text;
	size_t len;
} DocPart;

/* Opens part's memory stream (aborts when there is no memory for it). */
FILE *doc_part_open(DocPart *part);

/* Writes s as XML character data (escaped; control characters that XML
 * cannot hold are left out). */
void doc_xml_text(FILE *out, const char *s, size_t len);

/* Fills widths[table->n_cols] with the columns' widths in centimetres,
 * summing to DOC_TEXT_WIDTH_CM: each column's share follows its longest
 * line of text (in characters), at least 4 and at most 40 of them. */
void doc_table_widths(const DocTable *table, double *widths);

/* The back ends: the whole document in its format to out. 0, or -1 with
 * *cause. */
int docx_write(const Doc *doc, FILE *out, char **cause);
int odt_write(const Doc *doc, FILE *out, char **cause);

#endif
