/*
 * store.c: what every file of app/store shares (store_internal.h): the
 * table of the statements the store runs, preparing them once, turning
 * SQLite's errors into sentences, and transactions. Opening a database is
 * store_open.c; sittings and answers are store_sitting.c; the other
 * store_*.c files add PINs, classes, the audit log, import and merge on top
 * of the same handle.
 */
#include "store.h"

#include <errno.h>
#include <string.h>
#include <uuid/uuid.h>

#include "store_internal.h"
#include "util.h"

/* Every answer joined with its sitting, in export order; school is the
 * column's expression (a database older than the column reads '' there).
 * CROSS JOIN keeps sittings outside: walked in order by sitting_order, only
 * each sitting's few answers need sorting, never all of them. */
#define ANSWERS_EACH_SQL(school)                                                                   \
	"SELECT s.id, s.device_id, s.wave, s.class_name, s.audience, s.respondent,"                \
	" s.survey_id, s.survey_version, a.question_id, a.value, a.score, a.answered_at,"          \
	" s.status, s.started_at, s.completed_at, s.visit_id, s.survey_hash, "                     \
	"s.conflict_of, " school " FROM sitting s CROSS JOIN answer a ON a.sitting_id = s.id"      \
	" ORDER BY s.started_at, s.id, a.rowid"

/* The SQL of every StoreStmt, in enum order. */
static const char *const stmt_sql[STMT_COUNT] = {
	[STMT_SITTING_INSERT] =
	    "INSERT INTO sitting (id, visit_id, device_id, wave, class_name, audience,"
	    " respondent, survey_id, survey_version, survey_hash, started_at, status, school)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 0, ?12)",
	[STMT_SITTING_FINISH] = "UPDATE sitting SET status = ?2,"
	                        " completed_at = CASE WHEN ?2 = 1 THEN ?3 ELSE completed_at END"
	                        " WHERE id = ?1 AND status = 0",
	[STMT_SITTING_STATUS] = "SELECT status FROM sitting WHERE id = ?1",
	[STMT_SITTINGS_ABANDON_OPEN] = "UPDATE sitting SET status = 2"
	                               " WHERE status = 0 AND device_id = ?1",
	[STMT_ANSWER_UPSERT] =
	    "INSERT INTO answer (sitting_id, question_id, value, score, answered_at)"
	    " SELECT id, ?2, ?3, ?4, ?5 FROM sitting WHERE id = ?1 AND status = 0"
	    " ON CONFLICT (sitting_id, question_id) DO UPDATE SET value = excluded.value,"
	    " score = excluded.score, answered_at = excluded.answered_at",
	[STMT_ANSWER_DELETE] = "DELETE FROM answer WHERE sitting_id = ?1 AND question_id = ?2",
	[STMT_ANSWERS_EACH] = ANSWERS_EACH_SQL("s.school"),
	[STMT_ANSWERS_EACH_NO_SCHOOL] = ANSWERS_EACH_SQL("''"),
	[STMT_AUDIT_INSERT] = "INSERT INTO audit (at, action, detail) VALUES (?1, ?2, ?3)",
	[STMT_AUDIT_EACH] = "SELECT at, action, detail FROM audit ORDER BY id",
	[STMT_PIN_SET] = "INSERT INTO pin (id, hash, set_at) VALUES (1, ?1, ?2)"
	                 " ON CONFLICT (id) DO UPDATE SET hash = excluded.hash,"
	                 " set_at = excluded.set_at",
	[STMT_PIN_GET] = "SELECT hash FROM pin WHERE id = 1",
	[STMT_CLASSES_CLEAR] = "DELETE FROM class",
	[STMT_CLASS_INSERT] = "INSERT INTO class (name, students, parents) VALUES (?1, ?2, ?3)",
	[STMT_CLASSES_EACH] = "SELECT name, students, parents FROM class ORDER BY name",
	[STMT_CLASS_GET] = "SELECT students, parents FROM class WHERE name = ?1",
	[STMT_SITTING_INSERT_FULL] =
	    "INSERT INTO sitting (id, visit_id, device_id, wave, class_name, audience,"
	    " respondent, survey_id, survey_version, survey_hash, started_at, completed_at,"
	    " status, conflict_of, school)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
	[STMT_ANSWER_INSERT] = "INSERT INTO answer (sitting_id, question_id, value, score,"
	                       " answered_at) VALUES (?1, ?2, ?3, ?4, ?5)",
	[STMT_SITTING_EXISTS] = "SELECT 1 FROM sitting WHERE id = ?1",
	[STMT_SITTING_ANSWERS] = "SELECT question_id, value, score FROM answer"
	                         " WHERE sitting_id = ?1 ORDER BY rowid",
	[STMT_SOURCE_PUT] = "INSERT OR IGNORE INTO survey_source (survey_id, version, hash,"
	                    " source, first_seen_at) VALUES (?1, ?2, ?3, ?4, ?5)",
	[STMT_SOURCE_GET] = "SELECT source FROM survey_source"
	                    " WHERE survey_id = ?1 AND version = ?2 AND hash = ?3",
	[STMT_SCHOOL_SET] = "INSERT INTO meta (key, value) VALUES ('school', ?1)"
	                    " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
};

int
store_error(sqlite3 *db, const char *path, int rc, char **cause)
{
	const char *detail = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);

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
		*cause = xasprintf(_("database error in %s: %s"), path, detail);
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
	rc = sqlite3_prepare_v3(store->db, stmt_sql[which], -1, SQLITE_PREPARE_PERSISTENT, &stmt,
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
store_query_int(sqlite3 *db, const char *sql, int *out)
{
	sqlite3_stmt *stmt;
	int rc = sqlite3_prepare_v2(db, sql, -1, &stmt, NULL);

	if (rc != SQLITE_OK)
		return rc;
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		*out = sqlite3_column_int(stmt, 0);
		rc = SQLITE_OK;
	}
	sqlite3_finalize(stmt);
	return rc;
}

int
store_exec(Store *store, const char *sql, char **cause)
{
	int rc = sqlite3_exec(store->db, sql, NULL, NULL, NULL);

	if (rc != SQLITE_OK)
		return store_error(store->db, store->path, rc, cause);
	return 0;
}

int
store_begin(Store *store, char **cause)
{
	return store_exec(store, "BEGIN IMMEDIATE", cause);
}

int
store_commit(Store *store, char **cause)
{
	return store_exec(store, "COMMIT", cause);
}

void
store_rollback(Store *store)
{
	if (!sqlite3_get_autocommit(store->db))
		sqlite3_exec(store->db, "ROLLBACK", NULL, NULL, NULL);
}
