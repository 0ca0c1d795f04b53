/*
 * testio.h: what the program wrote, read back as text for the Check suites:
 * the answers export of a store, a table written into memory, and a
 * database file through a connection of the test's own.
 */
#ifndef ANKETA_TESTIO_H
#define ANKETA_TESTIO_H

#include <stdio.h>

#include "store.h"
#include "table.h"

/* The answers CSV export of the store (which must succeed), as a new
 * string the caller frees. */
char *testio_answers_csv(Store *store);

/* A CSV table written into memory: open it, hand out the table, then take
 * the text. */
typedef struct {
	char *text;
	size_t len;
	FILE *out;
	Table *table;
} TestTable;

/* Opens t and returns its table. */
Table *testio_table_open(TestTable *t);

/* Closes t's table (which must succeed) and returns everything written to
 * it, a new string the caller frees. */
char *testio_table_text(TestTable *t);

/* Runs sql on the database file through a sqlite3 connection of its own,
 * as another program would; the statements must succeed. */
void testio_sql_exec(const char *path, const char *sql);

/* The first column of the first row of sql, read by a connection of its
 * own (NULL when there is no row); the caller frees it. */
char *testio_sql_text(const char *path, const char *sql);

/* Gives the database file at path the psychologist's PIN 2468, as
 * `anketa pin` stores it (the hash is made once, here, so that no test
 * pays for the slow hashing). A session then starts at the welcome screen. */
void testio_pin_2468(const char *path);

#endif
