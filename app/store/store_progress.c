/*
 * store_progress.c: how the day is going on this kiosk, for the
 * psychologist's menu: questionnaires completed and left unfinished since a
 * moment (the local midnight).
 */
#include <stdlib.h>

#include "store_internal.h"
#include "util.h"

int
store_progress_since(Store *store, const char *since, StoreProgress *out, char **cause)
{
	sqlite3_stmt *stmt = store_stmt(store, STMT_PROGRESS_SINCE, cause);
	int rc;

	out->completed = out->unfinished = 0;
	if (stmt == NULL)
		return -1;
	sqlite3_bind_text(stmt, 1, store->device_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, since, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		int n = sqlite3_column_int(stmt, 1);
		if (sqlite3_column_int(stmt, 0) == SITTING_COMPLETED)
			out->completed += n;
		else
			out->unfinished += n;
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE)
		return store_error(store->db, store->path, rc, cause);
	return 0;
}
