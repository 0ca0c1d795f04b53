/*
 * store.c: what every file of app/store shares (store_internal.h):
 * preparing the statements of store_sql.c once and running them, turning
 * SQLite's errors into sentences, and transactions. Opening a database is
 * store_open.c; sittings and answers are store_sitting.c; the other
 * store_*.c files add PINs, classes, the audit log, import and merge on top
 * of the same handle.
 */
#include "store.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <uuid/uuid.h>

#include "store_internal.h"
#include "util.h"

/* The sentence for a failure of the work rather than of the file (memory,
 * a value, an interruption); NULL for any other primary code. */
static char *
store_error_of_work(int code, const char *path)
{
	switch (code) {
	case SQLITE_NOMEM:
		return xasprintf(_("there is not enough memory to work with the database %s"),
		                 path);
	case SQLITE_TOOBIG:
		return xasprintf(_("a value is too big for the database %s; nothing was saved"),
		                 path);
	case SQLITE_CONSTRAINT:
		return xasprintf(
		    _("the data does not fit the database %s (a value is missing or an "
		      "id is repeated); nothing was saved"),
		    path);
	case SQLITE_INTERRUPT:
	case SQLITE_ABORT:
		return xasprintf(
		    _("the work on the database %s was interrupted; nothing was saved"), path);
	default:
		return NULL;
	}
}

int
store_error(sqlite3 *db, const char *path, int rc, char **cause)
{
	const char *detail = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);

	if (cause == NULL)
		return -1;
	/* A header with a schema format SQLite does not know: damaged, or not
	 * ours. SQLite says so only in words. */
	if ((rc & 0xff) == SQLITE_ERROR && db != NULL &&
	    strcmp(detail, "unsupported file format") == 0)
		rc = SQLITE_CORRUPT;
	switch (rc & 0xff) {
	case SQLITE_READONLY:
		*cause = xasprintf(_("the database %s is read-only: nothing can be saved in it; "
		                     "copy it to a place where it can be written"),
		                   path);
		break;
	case SQLITE_FULL:
		*cause = xasprintf(_("the disk holding %s is full: nothing was saved; free some "
		                     "space and try again"),
		                   path);
		break;
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
	case SQLITE_FORMAT:
		*cause = xasprintf(_("the database %s is damaged or is not an Anketa database; "
		                     "it was left as it is"),
		                   path);
		break;
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		*cause = xasprintf(_("the database %s is in use by another Anketa program; "
		                     "close it and try again"),
		                   path);
		break;
	case SQLITE_CANTOPEN:
	case SQLITE_PERM:
		*cause = xasprintf(
		    _("cannot open the database %s: %s"), path,
		    strerror(db && sqlite3_system_errno(db) ? sqlite3_system_errno(db) : EACCES));
		break;
	case SQLITE_IOERR:
		if (db != NULL &&
		    (sqlite3_system_errno(db) == ENOSPC || sqlite3_system_errno(db) == EFBIG ||
		     sqlite3_system_errno(db) == EDQUOT))
			return store_error(NULL, path, SQLITE_FULL, cause);
		*cause = xasprintf(
		    _("cannot read or write the database %s: %s"), path,
		    db && sqlite3_system_errno(db) ? strerror(sqlite3_system_errno(db)) : detail);
		break;
	default:
		*cause = store_error_of_work(rc & 0xff, path);
		if (*cause == NULL) /* not met in use; SQLite's words for whoever helps */
			*cause = xasprintf(_("unexpected database error in %s (SQLite %d: %s)"),
			                   path, rc, detail);
		break;
	}
	return -1;
}

sqlite3_stmt *
store_stmt(Store *store, StoreStmt which, char **cause)
{
	sqlite3_stmt *stmt = store->stmts[which];
	int rc;

	if (stmt != NULL) {
		sqlite3_reset(stmt);
		sqlite3_clear_bindings(stmt);
		return stmt;
	}
	rc = sqlite3_prepare_v3(store->db, store_sql[which], -1, SQLITE_PREPARE_PERSISTENT, &stmt,
	                        NULL);
	if (rc != SQLITE_OK) {
		store_error(store->db, store->path, rc, cause);
		return NULL;
	}
	store->stmts[which] = stmt;
	return stmt;
}

void
store_bind_text(sqlite3_stmt *stmt, int index, const char *text)
{
	if (text == NULL)
		sqlite3_bind_null(stmt, index);
	else
		sqlite3_bind_text(stmt, index, text, -1, SQLITE_STATIC);
}

void
store_uuid(char out[37])
{
	uuid_t uuid;

	uuid_generate_random(uuid);
	uuid_unparse_lower(uuid, out);
}

int
store_step_done(Store *store, sqlite3_stmt *stmt, char **cause)
{
	int rc;

	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		;
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE)
		return store_error(store->db, store->path, rc, cause);
	return 0;
}

int
store_found(Store *store, int rc, char **cause)
{
	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	return store_error(store->db, store->path, rc, cause);
}

int
store_run(Store *store, StoreStmt which, char **cause)
{
	sqlite3_stmt *stmt = store_stmt(store, which, cause);

	return stmt == NULL ? -1 : store_step_done(store, stmt, cause);
}

int
store_run_int(Store *store, StoreStmt which, int *out, char **cause)
{
	sqlite3_stmt *stmt = store_stmt(store, which, cause);
	int rc;

	if (stmt == NULL)
		return -1;
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int(stmt, 0);
	sqlite3_reset(stmt);
	if (rc != SQLITE_ROW)
		return store_error(store->db, store->path, rc, cause);
	return 0;
}

/* Keeps the first column of the first row store_exec() meets. */
static int
store_exec_row(void *arg, int n, char **values, char **names)
{
	int **first = arg;

	(void)names;
	if (*first != NULL && n > 0) {
		**first = values[0] ? (int)strtol(values[0], NULL, 10) : 0;
		*first = NULL;
	}
	return 0;
}

int
store_exec(sqlite3 *db, const char *sql, int *first)
{
	return sqlite3_exec(db, sql, store_exec_row, &first, NULL);
}

int
store_begin(Store *store, char **cause)
{
	return store_run(store, STMT_BEGIN, cause);
}

int
store_commit(Store *store, char **cause)
{
	return store_run(store, STMT_COMMIT, cause);
}

void
store_rollback(Store *store)
{
	if (!sqlite3_get_autocommit(store->db))
		store_run(store, STMT_ROLLBACK, NULL);
}
