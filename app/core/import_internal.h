/*
 * import_internal.h: what the files of the import share and nobody else
 * sees: the importer's state, the sittings it gathers and the checks of one
 * answer. import.c reads the answers table (one row per answer),
 * import_sheet.c an answer sheet (one row per sitting, a column per
 * question); both end in the same sittings, written by import.c.
 */
#ifndef ANKETA_IMPORT_INTERNAL_H
#define ANKETA_IMPORT_INTERNAL_H

#include <stdbool.h>

#include "import.h"
#include "strmap.h"

/* The required columns of the answers table, in file order. */
enum {
	COL_SITTING,
	COL_DEVICE,
	COL_WAVE,
	COL_CLASS,
	COL_AUDIENCE,
	COL_RESPONDENT,
	COL_SURVEY,
	COL_VERSION,
	COL_QUESTION,
	COL_VALUE,
	COL_SCORE,
	COL_ANSWERED,
	N_REQUIRED
};
/* Columns describing the sitting: every row of one sitting agrees on them. */
#define N_SITTING_COLS (COL_VERSION + 1)

/* The optional columns an export adds (see export.h). */
enum { EX_STATUS, EX_STARTED, EX_COMPLETED, EX_VISIT, EX_HASH, EX_CONFLICT, EX_SCHOOL, N_EXTRA };

typedef struct {
	char *question;
	char *value;
	bool has_score;
	double score;
	char *answered_at;
} KeptAnswer;

typedef struct {
	char id[37];
	char *attr[N_SITTING_COLS]; /* the row's sitting columns, as first seen */
	char *extra[N_EXTRA];       /* NULL when the column is absent */
	const Survey *survey;
	int version;
	char first_at[21], last_at[21]; /* "" until an answer has a time */
	int line;
	bool stored;  /* already in the database: compare, don't write */
	bool grouped; /* no sitting_id in the file: the id comes from the content */
	bool sheet;   /* a row of an answer sheet: its line is part of the id */
	KeptAnswer *kept;
	int n_kept;
} Sitting;

/* How an answer sheet's columns are read (import_sheet.c). */
typedef struct {
	int version_col;  /* survey_version, or -1 */
	int answered_col; /* answered_at, or -1 */
	char now[21];     /* the time of answers without an answered_at */
} SheetColumns;

typedef struct {
	Store *store;
	const SurveySet *surveys;
	const char *path;
	char **cause;
	int n_columns;
	int extra_col[N_EXTRA]; /* column of each optional field, or -1 */
	StrMap by_id, by_key;
	Sitting *sittings;
	int n, cap;
	ImportResult *result;
	bool is_sheet; /* the header is an answer sheet's */
	char **header; /* an answer sheet's header, kept for its question ids */
	SheetColumns sheet;
} Importer;

/* What a checked row resolves to. */
typedef struct {
	const Survey *survey;
	const SurveyQuestion *question;
	int version;
	bool has_score;
	double score;
} Row;

/* Sets *im->cause to "file:line:column: message" (column 0-based) and
 * returns -1. */
int import_row_error(Importer *im, int line, int column, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* "2026-09-15T10:23:05Z", or "" (no time). */
bool import_valid_time(const char *t);

/* A whole number in [lo, hi] with nothing else around it, or -1. */
long import_parse_whole(const char *text, long lo, long hi);

/* Checks that a cell fits its stored field (store_field_problem()); a
 * problem is reported at (line, column). */
int import_check_length(Importer *im, int line, int column, StoreField field, const char *value);

/* Checks one answer to q as the answers table's value column holds it;
 * a problem is reported at (line, column). */
int import_check_value(Importer *im, int line, int column, const SurveyQuestion *q,
                       const char *value);

/* A new sitting described by attr (the answers table's first
 * N_SITTING_COLS columns) and the optional columns of fields; returns its
 * index. id "" means the id is made from its content at the end. */
int import_new_sitting(Importer *im, const char *id, char **attr, char **fields, int line,
                       const Row *row);

/* Keeps an answer of a sitting in memory, to be written or compared at
 * the end; -1 when the sitting already has an answer to that question. */
int import_keep_answer(Importer *im, Sitting *s, int line, const char *question, const char *value,
                       const char *answered_at, const Row *row);

/* Widens the sitting's first and last answer times by at ("" = no time). */
void import_note_time(Sitting *s, const char *at);

/* Reads an answer sheet's header (its first column is "wave"). */
int import_sheet_header(Importer *im, char **fields, int n);

/* Reads one row of an answer sheet: one sitting. */
int import_sheet_row(Importer *im, char **fields, int line);

/* Frees what import_sheet_header() kept. */
void import_sheet_free(Importer *im);

#endif
