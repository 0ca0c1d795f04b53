/*
 * store_bulk.c: writing whole sittings as they are, for import and merge.
 */
#include "store_internal.h"
#include "util.h"

int
store_bulk_begin(Store *store, char **cause)
{
	if (store_begin(store, cause) != 0)
		return -1;
	/* defer_foreign_keys is reset by SQLite at the end of the transaction. A
	 * 64 MiB page cache (the default is 2 MiB) keeps a big import from
	 * spilling pages to the WAL and writing them again; only bulk commands
	 * (import, merge) ask for it, never the kiosk. */
	if (store_run(store, STMT_DEFER_FOREIGN_KEYS, cause) != 0 ||
	    store_run(store, STMT_BULK_CACHE_SIZE, cause) != 0) {
		store_rollback(store);
		return -1;
	}
	return 0;
}

int
store_sitting_insert(Store *store, const StoreSittingRecord *r, char **cause)
{
	sqlite3_stmt *stmt = store_stmt(store, STMT_SITTING_INSERT_FULL, cause);
	const StoreSitting *s = &r->sitting;
	int rc;

	if (stmt == NULL || store_sitting_fits(s, cause) != 0)
		return -1;
	store_bind_text(stmt, 1, s->id);
	store_bind_text(stmt, 2, s->visit_id);
	store_bind_text(stmt, 3, s->device_id ? s->device_id : store->device_id);
	store_bind_text(stmt, 4, s->wave ? s->wave : "");
	store_bind_text(stmt, 5, s->class_name ? s->class_name : "");
	store_bind_text(stmt, 6, s->audience ? s->audience : "");
	store_bind_text(stmt, 7, s->respondent ? s->respondent : "");
	store_bind_text(stmt, 8, s->survey_id ? s->survey_id : "");
	sqlite3_bind_int(stmt, 9, s->survey_version);
	store_bind_text(stmt, 10, s->survey_hash ? s->survey_hash : "");
	store_bind_text(stmt, 11, s->started_at ? s->started_at : "");
	store_bind_text(stmt, 12, r->completed_at);
	sqlite3_bind_int(stmt, 13, (int)r->status);
	store_bind_text(stmt, 14, r->conflict_of);
	store_bind_text(stmt, 15, s->school ? s->school : store->school);
	rc = sqlite3_step(stmt);
	sqlite3_reset(stmt);
	if (rc == SQLITE_CONSTRAINT_PRIMARYKEY) {
		*cause = xasprintf(_("a sitting with the id %s is already stored"), s->id);
		return -1;
	}
	if (rc != SQLITE_DONE)
		return store_error(store->db, store->path, rc, cause);
	return 0;
}

int
store_answer_insert(Store *store, const char *sitting_id, const char *question_id,
                    const char *value, bool has_score, double score, const char *answered_at,
                    char **cause)
{
	sqlite3_stmt *stmt = store_stmt(store, STMT_ANSWER_INSERT, cause);
	int rc;

	if (stmt == NULL || store_answer_fits(question_id, value, cause) != 0)
		return -1;
	sqlite3_bind_text(stmt, 1, sitting_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, question_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, value ? value : "", -1, SQLITE_STATIC);
	if (has_score)
		sqlite3_bind_double(stmt, 4, score);
	sqlite3_bind_text(stmt, 5, answered_at ? answered_at : "", -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	sqlite3_reset(stmt);
	if (rc == SQLITE_CONSTRAINT_PRIMARYKEY)
		return 1;
	if (rc != SQLITE_DONE)
		return store_error(store->db, store->path, rc, cause);
	return 0;
}

int
store_sitting_exists(Store *store, const char *sitting_id, char **cause)
{
	sqlite3_stmt *stmt = store_stmt(store, STMT_SITTING_EXISTS, cause);
	int rc;

	if (stmt == NULL)
		return -1;
	sqlite3_bind_text(stmt, 1, sitting_id, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	sqlite3_reset(stmt);
	return store_found(store, rc, cause);
}

int
store_sitting_answers_each(Store *store, const char *sitting_id, StoreSittingAnswerFn fn, void *arg,
                           char **cause)
{
	sqlite3_stmt *stmt = store_stmt(store, STMT_SITTING_ANSWERS, cause);
	int rc, stop = 0;

	if (stmt == NULL)
		return -1;
	sqlite3_bind_text(stmt, 1, sitting_id, -1, SQLITE_STATIC);
	while (stop == 0 && (rc = sqlite3_step(stmt)) == SQLITE_ROW)
		stop = fn((const char *)sqlite3_column_text(stmt, 0),
		          (const char *)sqlite3_column_text(stmt, 1),
		          sqlite3_column_type(stmt, 2) != SQLITE_NULL,
		          sqlite3_column_double(stmt, 2), arg);
	sqlite3_reset(stmt);
	if (stop != 0)
		return stop;
	if (rc != SQLITE_DONE)
		return store_error(store->db, store->path, rc, cause);
	return 0;
}
