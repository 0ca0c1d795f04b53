/*
 * table.c: the CSV and XLSX back ends of table.h.
 */
#include "table.h"

#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "csvio.h"
#include "util.h"

struct Table {
	FILE *csv;
	lxw_workbook *book;
	lxw_worksheet *sheet;
	lxw_format *one_decimal;
	char *path;
	char *name; /* of the current table, for continuation sheets */
	const char *const *columns;
	int n_columns;
	int part; /* continuation sheet number, 1 for the first */
	lxw_row_t row;
	lxw_error error; /* the first error libxlsxwriter reported */
};

Table *
table_csv_new(FILE *out)
{
	Table *t = xcalloc(1, sizeof *t);

	t->csv = out;
	return t;
}

Table *
table_xlsx_new(const char *path)
{
	Table *t = xcalloc(1, sizeof *t);
	/* Rows go out as they are written: memory stays flat for big exports. */
	lxw_workbook_options options = { .constant_memory = LXW_TRUE };

	t->path = xstrdup(path);
	t->book = workbook_new_opt(path, &options);
	if (t->book == NULL) {
		t->error = LXW_ERROR_CREATING_XLSX_FILE;
		return t;
	}
	t->one_decimal = workbook_add_format(t->book);
	format_set_num_format(t->one_decimal, "0.0");
	return t;
}

static void
xlsx_note(Table *t, lxw_error err)
{
	if (err != LXW_NO_ERROR && t->error == LXW_NO_ERROR)
		t->error = err;
}

/* A new worksheet with the header in row 0, frozen. */
static void
xlsx_sheet(Table *t)
{
	char name[32];

	if (t->part == 1)
		snprintf(name, sizeof name, "%.31s", t->name);
	else
		snprintf(name, sizeof name, "%.24s %d", t->name, t->part);
	t->sheet = workbook_add_worksheet(t->book, name);
	if (t->sheet == NULL) {
		xlsx_note(t, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	worksheet_freeze_panes(t->sheet, 1, 0);
	for (int c = 0; c < t->n_columns; c++)
		xlsx_note(t,
		          worksheet_write_string(t->sheet, 0, (lxw_col_t)c, t->columns[c], NULL));
	t->row = 1;
}

void
table_begin(Table *t, const char *name, const char *const *columns, int n_columns)
{
	free(t->name);
	t->name = xstrdup(name);
	t->columns = columns;
	t->n_columns = n_columns;
	t->part = 1;
	if (t->csv != NULL)
		csvio_write_row(t->csv, columns, n_columns);
	else if (t->book != NULL)
		xlsx_sheet(t);
}

/* A number rounded to one decimal; a change of -0.04 is 0.0, never "-0.0". */
static double
table_one_decimal(double number)
{
	double rounded = util_round(number, 1);

	return rounded == 0 ? 0 : rounded;
}

static void
csv_row(FILE *out, const Cell *cells, int n)
{
	char buf[32];

	for (int i = 0; i < n; i++) {
		const char *text = "";

		if (cells[i].kind == CELL_TEXT) {
			csvio_write_field(out, cells[i].text, i == 0);
			continue;
		}
		if (cells[i].kind == CELL_NUMBER)
			text = csvio_format_number(cells[i].number, buf);
		else if (cells[i].kind == CELL_NUMBER_1DP)
			snprintf(buf, sizeof buf, "%.1f", table_one_decimal(cells[i].number)),
			    text = buf;
		csvio_write_number(out, text, i == 0);
	}
	csvio_end_row(out);
}

static void
xlsx_row(Table *t, const Cell *cells, int n)
{
	if (t->sheet == NULL)
		return;
	if (t->row == LXW_ROW_MAX) {
		t->part++;
		xlsx_sheet(t);
		if (t->sheet == NULL)
			return;
	}
	for (int i = 0; i < n; i++) {
		lxw_col_t col = (lxw_col_t)i;

		if (cells[i].kind == CELL_TEXT && cells[i].text[0] != '\0')
			xlsx_note(
			    t, worksheet_write_string(t->sheet, t->row, col, cells[i].text, NULL));
		else if (cells[i].kind == CELL_NUMBER)
			xlsx_note(t, worksheet_write_number(t->sheet, t->row, col, cells[i].number,
			                                    NULL));
		else if (cells[i].kind == CELL_NUMBER_1DP)
			xlsx_note(t, worksheet_write_number(t->sheet, t->row, col,
			                                    table_one_decimal(cells[i].number),
			                                    t->one_decimal));
	}
	t->row++;
}

void
table_row(Table *t, const Cell *cells, int n)
{
	if (t->csv != NULL)
		csv_row(t->csv, cells, n);
	else
		xlsx_row(t, cells, n);
}

Cell
table_cell_guess(const char *text)
{
	char *end, buf[32];
	double v;

	/* Only a number that prints back the same ("2", "0.5"; not "007" or
	 * "1e3"), so the spreadsheet shows exactly what the CSV holds. */
	if (text[0] == '\0' || strchr("-0123456789", text[0]) == NULL)
		return (Cell){ .kind = CELL_TEXT, .text = text };
	v = strtod(text, &end);
	if (*end != '\0' || strcmp(csvio_format_number(v, buf), text) != 0)
		return (Cell){ .kind = CELL_TEXT, .text = text };
	return (Cell){ .kind = CELL_NUMBER, .number = v };
}

int
table_close(Table *t, char **cause)
{
	int rc = 0;

	if (t->book != NULL)
		xlsx_note(t, workbook_close(t->book));
	if (t->csv == NULL && t->error != LXW_NO_ERROR) {
		*cause = xasprintf(_("cannot write the workbook %s: %s"), t->path,
		                   lxw_strerror(t->error));
		rc = -1;
	}
	free(t->path);
	free(t->name);
	free(t);
	return rc;
}
