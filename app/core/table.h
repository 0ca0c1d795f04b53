/*
 * table.h: writing the exported tables either as CSV or as an Excel
 * workbook (libxlsxwriter), through one interface so every export is
 * written once.
 *
 * CSV: one table per stream, numbers without trailing zeros. XLSX: one
 * worksheet per table (a table longer than Excel's 1 048 576 rows continues
 * on "name 2", "name 3", ... with the header repeated), numbers stored as
 * numbers, the header row frozen.
 */
#ifndef ANKETA_TABLE_H
#define ANKETA_TABLE_H

#include <stdio.h>

typedef enum {
	CELL_EMPTY,
	CELL_TEXT,
	CELL_NUMBER,     /* shown as is: 2, 0.5 */
	CELL_NUMBER_1DP, /* shown with one decimal: 50.0 (percentages) */
} CellKind;

typedef struct {
	CellKind kind;
	const char *text; /* CELL_TEXT */
	double number;    /* CELL_NUMBER, CELL_NUMBER_1DP */
} Cell;

typedef struct Table Table;

/* A CSV writer on out (which stays the caller's). */
Table *table_csv_new(FILE *out);

/* An XLSX workbook written to path when table_close() runs. */
Table *table_xlsx_new(const char *path);

/* Starts a table (a new worksheet in XLSX) and writes its header. */
void table_begin(Table *table, const char *name, const char *const *columns, int n_columns);

/* Writes one row of n cells. */
void table_row(Table *table, const Cell *cells, int n);

/* A cell holding text, or a number when the text is a number written the
 * way csvio_format_number() writes it ("2", "0.5"; not "02" or "1e3"), so
 * spreadsheets can sum it and still show the same characters. */
Cell table_cell_guess(const char *text);

/* Finishes the output and frees table. XLSX: writes the file; returns -1
 * and sets *cause when it cannot. */
int table_close(Table *table, char **cause);

#endif
