/*
 * testio.c: what the program wrote, read back as text for the Check suites.
 */
#include "testio.h"

#include <check.h>
#include <sqlite3.h>

#include <stdlib.h>

#include "export.h"
#include "util.h"

char *
testio_answers_csv(Store *store)
{
	char *text = NULL, *cause = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);

	ck_assert_int_eq(export_answers_csv(store, out, &cause), 0);
	fclose(out);
	return text;
}

Table *
testio_table_open(TestTable *t)
{
	t->text = NULL;
	t->len = 0;
	t->out = open_memstream(&t->text, &t->len);
	ck_assert_ptr_nonnull(t->out);
	t->table = table_csv_new(t->out);
	return t->table;
}

char *
testio_table_text(TestTable *t)
{
	ck_assert_int_eq(table_close(t->table, NULL), 0);
	fclose(t->out);
	return t->text;
}

void
testio_sql_exec(const char *path, const char *sql)
{
	sqlite3 *db;

	ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
}

char *
testio_sql_text(const char *path, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *stmt;
	char *result = NULL;

	ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
	ck_assert_int_eq(sqlite3_prepare_v2(db, sql, -1, &stmt, NULL), SQLITE_OK);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		result = xstrdup((const char *)sqlite3_column_text(stmt, 0));
	sqlite3_finalize(stmt);
	sqlite3_close(db);
	return result;
}

void
testio_pin_2468(const char *path)
{
	testio_sql_exec(path, "INSERT INTO pin (id, hash, set_at) VALUES (1, '$argon2id$v=19"
	                      "$m=16384,t=2,p=1$LavNs4PYBFrEP2klSVHBiQ$6GGdd6fbUMOi/c1YnevjrDTJcA5"
	                      "BMCX4YzaW5gGDsis', '2026-09-01T08:00:00Z')");
}
