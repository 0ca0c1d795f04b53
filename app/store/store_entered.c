/*
 * store_entered.c: the values the psychologist enters (table entered,
 * 005_entered.sql): every change is a new row that names the row it
 * replaces, so the history stays and merging is by id, like sittings.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_internal.h"
#include "util.h"

/* The current row of the key (id and value into the caller's copies, NULL
 * when there is none); 0, or -1 with *cause. */
static int
entered_head(Store *store, const StoreEntered *e, char **id, char **value, char **cause)
{
	sqlite3_stmt *stmt = store_stmt(store, STMT_ENTERED_HEAD, cause);
	int rc;

	*id = *value = NULL;
	if (stmt == NULL)
		return -1;
	sqlite3_bind_text(stmt, 1, e->programme_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, e->indicator_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, e->wave, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 4, e->class_name, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 5, store->school, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		*id = xstrdup((const char *)sqlite3_column_text(stmt, 0));
		*value = xstrdup((const char *)sqlite3_column_text(stmt, 1));
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_error(store->db, store->path, rc, cause);
	return 0;
}

/* Inserts the new row replacing head (NULL: the first of its key). */
static int
entered_insert(Store *store, const StoreEntered *e, const char *head, char **cause)
{
	sqlite3_stmt *stmt = store_stmt(store, STMT_ENTERED_INSERT, cause);
	char id[37], now[21];

	if (stmt == NULL)
		return -1;
	store_uuid(id);
	util_now_iso8601(now);
	sqlite3_bind_text(stmt, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, store->device_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, store->school, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 4, e->programme_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 5, e->indicator_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 6, e->wave, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 7, e->class_name, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 8, e->value, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 9, now, -1, SQLITE_STATIC);
	store_bind_text(stmt, 10, head);
	return store_step_done(store, stmt, cause);
}

/* "shnor 2.1 interim *: 7 (was 5)" for the audit log. */
static int
entered_audit(Store *store, const StoreEntered *e, const char *was, char **cause)
{
	char *detail =
	    xasprintf("%s %s %s %s: %s%s%s%s", e->programme_id, e->indicator_id, e->wave,
	              e->class_name, e->value[0] ? e->value : "(cleared)", was ? " (was " : "",
	              was ? (was[0] ? was : "cleared") : "", was ? ")" : "");
	int rc = store_audit_add(store, "enter", detail, cause);

	free(detail);
	return rc;
}

int
store_entered_put(Store *store, const StoreEntered *entered, char **previous, char **cause)
{
	char *head = NULL, *was = NULL;
	int rc;

	if (previous != NULL)
		*previous = NULL;
	if (store_begin(store, cause) != 0)
		return -1;
	rc = entered_head(store, entered, &head, &was, cause);
	if (rc == 0)
		rc = entered_insert(store, entered, head, cause);
	if (rc == 0)
		rc = entered_audit(store, entered, was, cause);
	if (rc == 0)
		rc = store_commit(store, cause);
	if (rc != 0)
		store_rollback(store);
	if (rc == 0 && previous != NULL) {
		*previous = was;
		was = NULL;
	}
	free(head);
	free(was);
	return rc;
}

/* The key columns 0..4 of a row of STMT_ENTERED_EACH are the same as k's. */
static bool
entered_same_key(sqlite3_stmt *stmt, char *const key[5])
{
	for (int i = 0; i < 5; i++)
		if (key[i] == NULL ||
		    strcmp((const char *)sqlite3_column_text(stmt, i), key[i]) != 0)
			return false;
	return true;
}

/* Keeps the row's columns 0..6 (the last of its key so far). */
static void
entered_keep(sqlite3_stmt *stmt, char *row[7])
{
	for (int i = 0; i < 7; i++) {
		free(row[i]);
		row[i] = xstrdup((const char *)sqlite3_column_text(stmt, i));
	}
}

/* Calls fn with the kept row; an empty row calls nothing. */
static int
entered_emit(char *const row[7], StoreEnteredFn fn, void *arg)
{
	StoreEntered e = { row[0], row[1], row[2], row[3], row[5], row[4], row[6] };

	return row[0] != NULL ? fn(&e, arg) : 0;
}

int
store_entered_each(Store *store, StoreEnteredFn fn, void *arg, char **cause)
{
	sqlite3_stmt *stmt;
	char *row[7] = { NULL };
	int rc = SQLITE_DONE, stop = 0;

	if (store->schema_version < STORE_SCHEMA_ENTERED)
		return 0; /* a read-only database from before entered values */
	stmt = store_stmt(store, STMT_ENTERED_EACH, cause);
	if (stmt == NULL)
		return -1;
	while (stop == 0 && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (!entered_same_key(stmt, row))
			stop = entered_emit(row, fn, arg);
		entered_keep(stmt, row);
	}
	sqlite3_reset(stmt);
	if (stop == 0 && rc == SQLITE_DONE)
		stop = entered_emit(row, fn, arg);
	for (int i = 0; i < 7; i++)
		free(row[i]);
	if (stop != 0)
		return stop;
	if (rc != SQLITE_DONE)
		return store_error(store->db, store->path, rc, cause);
	return 0;
}
