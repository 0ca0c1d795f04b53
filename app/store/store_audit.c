/*
 * store_audit.c: the audit log of what was done to the data as a whole,
 * and the status words shared by every file format.
 */
#include <string.h>

#include "store_internal.h"
#include "util.h"

static const char *const status_names[] = { "in_progress", "completed", "abandoned" };

const char *
store_status_name(SittingStatus status)
{
	if ((int)status < 0 || (int)status > 2)
		return "";
	return status_names[status];
}

int
store_status_parse(const char *word)
{
	for (int i = 0; i < 3; i++) {
		if (strcmp(word, status_names[i]) == 0)
			return i;
	}
	return -1;
}

int
store_audit_add(Store *store, const char *action, const char *detail, char **cause)
{
	sqlite3_stmt *stmt;
	char now[21];

	if (store->readonly)
		return 0; /* nothing may be written; the caller said so when it opened */
	stmt = store_stmt(store, STMT_AUDIT_INSERT, cause);
	if (stmt == NULL)
		return -1;
	util_now_iso8601(now);
	sqlite3_bind_text(stmt, 1, now, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, action, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, detail ? detail : "", -1, SQLITE_STATIC);
	return store_step_done(store, stmt, cause);
}

int
store_audit_each(Store *store, StoreAuditFn fn, void *arg, char **cause)
{
	sqlite3_stmt *stmt = store_stmt(store, STMT_AUDIT_EACH, cause);
	int rc, stop = 0;

	if (stmt == NULL)
		return -1;
	while (stop == 0 && (rc = sqlite3_step(stmt)) == SQLITE_ROW)
		stop = fn((const char *)sqlite3_column_text(stmt, 0),
		          (const char *)sqlite3_column_text(stmt, 1),
		          (const char *)sqlite3_column_text(stmt, 2), arg);
	sqlite3_reset(stmt);
	if (stop != 0)
		return stop;
	if (rc != SQLITE_DONE)
		return store_error(store->db, store->path, rc, cause);
	return 0;
}
