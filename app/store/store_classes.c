/*
 * store_classes.c: the school's class list, used for the participation
 * indicator (how many parents were expected per class) and for the classes
 * a programme counts (flagged).
 */
#include <stdio.h>

#include "store_internal.h"
#include "util.h"

static int
insert_classes(Store *store, const StoreClass *classes, int n, char **cause)
{
	sqlite3_stmt *stmt;
	int rc;

	if (store_run(store, STMT_CLASSES_CLEAR, cause) != 0)
		return -1;
	for (int i = 0; i < n; i++) {
		stmt = store_stmt(store, STMT_CLASS_INSERT, cause);
		if (stmt == NULL)
			return -1;
		sqlite3_bind_text(stmt, 1, classes[i].class_name, -1, SQLITE_STATIC);
		sqlite3_bind_int(stmt, 2, classes[i].students);
		sqlite3_bind_int(stmt, 3, classes[i].parents);
		sqlite3_bind_int(stmt, 4, classes[i].flagged);
		rc = sqlite3_step(stmt);
		sqlite3_reset(stmt);
		if ((rc & 0xff) == SQLITE_CONSTRAINT) {
			*cause =
			    xasprintf(_("the class %s is listed twice"), classes[i].class_name);
			return -1;
		}
		if (rc != SQLITE_DONE)
			return store_error(store->db, store->path, rc, cause);
	}
	return 0;
}

int
store_classes_replace(Store *store, const StoreClass *classes, int n, char **cause)
{
	char detail[64];
	int flagged = 0;

	if (store_begin(store, cause) != 0)
		return -1;
	for (int i = 0; i < n; i++)
		flagged += classes[i].flagged;
	snprintf(detail, sizeof detail, "%d classes, %d flagged", n, flagged);
	if (insert_classes(store, classes, n, cause) != 0 ||
	    store_audit_add(store, "classes", detail, cause) != 0 ||
	    store_commit(store, cause) != 0) {
		store_rollback(store);
		return -1;
	}
	return 0;
}

int
store_classes_each(Store *store, StoreClassFn fn, void *arg, char **cause)
{
	sqlite3_stmt *stmt =
	    store_stmt(store,
	               store->schema_version >= STORE_SCHEMA_CLASS_FLAG ? STMT_CLASSES_EACH
	                                                                : STMT_CLASSES_EACH_NO_FLAG,
	               cause);
	int rc, stop = 0;

	if (stmt == NULL)
		return -1;
	while (stop == 0 && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		StoreClass klass = {
			.class_name = (const char *)sqlite3_column_text(stmt, 0),
			.students = sqlite3_column_int(stmt, 1),
			.parents = sqlite3_column_int(stmt, 2),
			.flagged = sqlite3_column_int(stmt, 3) != 0,
		};
		stop = fn(&klass, arg);
	}
	sqlite3_reset(stmt);
	if (stop != 0)
		return stop;
	if (rc != SQLITE_DONE)
		return store_error(store->db, store->path, rc, cause);
	return 0;
}

int
store_classes_get(Store *store, const char *class_name, StoreClass *out, char **cause)
{
	sqlite3_stmt *stmt =
	    store_stmt(store,
	               store->schema_version >= STORE_SCHEMA_CLASS_FLAG ? STMT_CLASS_GET
	                                                                : STMT_CLASS_GET_NO_FLAG,
	               cause);
	int rc;

	if (stmt == NULL)
		return -1;
	sqlite3_bind_text(stmt, 1, class_name, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		out->class_name = class_name;
		out->students = sqlite3_column_int(stmt, 0);
		out->parents = sqlite3_column_int(stmt, 1);
		out->flagged = sqlite3_column_int(stmt, 2) != 0;
	}
	sqlite3_reset(stmt);
	return store_found(store, rc, cause);
}
