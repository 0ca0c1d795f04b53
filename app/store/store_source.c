/*
 * store_source.c: the exact text of the survey files sittings were answered
 * with (table survey_source, db/002_survey_source.sql), so that a sitting
 * is scored with its own version after the file in surveys/ has changed.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "store_internal.h"
#include "util.h"

int
store_source_put(Store *store, const char *survey_id, int version, const char *hash,
                 const char *text, size_t len, char **cause)
{
	sqlite3_stmt *stmt = store_stmt(store, STMT_SOURCE_PUT, cause);
	char now[21];
	int rc;

	if (stmt == NULL)
		return -1;
	if (len > INT_MAX)
		abort(); /* the survey loader refuses files over 1 MB */
	util_now_iso8601(now);
	sqlite3_bind_text(stmt, 1, survey_id, -1, SQLITE_STATIC);
	sqlite3_bind_int(stmt, 2, version);
	sqlite3_bind_text(stmt, 3, hash, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 4, text, (int)len, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 5, now, -1, SQLITE_STATIC);
	rc = store_step_done(store, stmt, cause);
	sqlite3_clear_bindings(stmt); /* keep no pointer to the caller's text */
	return rc;
}

int
store_source_get(Store *store, const char *survey_id, int version, const char *hash, char **text,
                 size_t *len, char **cause)
{
	sqlite3_stmt *stmt;
	int rc, found = 0;

	*text = NULL;
	*len = 0;
	if (store->schema_version < 2)
		return 0; /* a read-only database of the first schema keeps no files */
	stmt = store_stmt(store, STMT_SOURCE_GET, cause);
	if (stmt == NULL)
		return -1;
	sqlite3_bind_text(stmt, 1, survey_id, -1, SQLITE_STATIC);
	sqlite3_bind_int(stmt, 2, version);
	sqlite3_bind_text(stmt, 3, hash, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		const unsigned char *bytes = sqlite3_column_text(stmt, 0);
		*len = (size_t)sqlite3_column_bytes(stmt, 0);
		*text = xmalloc(*len + 1);
		if (*len > 0)
			memcpy(*text, bytes, *len);
		(*text)[*len] = '\0';
		found = 1;
		rc = SQLITE_DONE;
	}
	sqlite3_reset(stmt);
	sqlite3_clear_bindings(stmt);
	if (rc != SQLITE_DONE)
		return store_error(store->db, store->path, rc, cause);
	return found;
}
