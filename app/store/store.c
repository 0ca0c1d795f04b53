/*
 * store.c: opening the database safely, sittings and answers (DESIGN.md
 * section 4). The other store_*.c files add PINs, classes, the audit log,
 * import and merge on top of the same handle.
 */
#include "store.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
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

/* Creates every missing directory above path (like mkdir -p of its dirname). */
static int
make_parent_dirs(const char *path, char **cause)
{
	char *dir = xstrdup(path);
	char *slash = strrchr(dir, '/');

	if (slash == NULL || slash == dir) {
		free(dir);
		return 0;
	}
	*slash = '\0';
	for (char *p = dir + 1;; p++) {
		char saved = *p;

		if (saved != '/' && saved != '\0')
			continue;
		*p = '\0';
		if (mkdir(dir, 0755) != 0 && errno != EEXIST) {
			*cause = xasprintf(_("cannot create the folder %s for the database: %s"),
			                   dir, strerror(errno));
			free(dir);
			return -1;
		}
		*p = saved;
		if (saved == '\0')
			break;
	}
	free(dir);
	return 0;
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

/* PRAGMA quick_check: the cheap form of integrity_check (no index contents
 * cross-check), fast enough to run at every start. */
static int
check_integrity(Store *store, char **cause)
{
	sqlite3_stmt *stmt;
	int rc = sqlite3_prepare_v2(store->db, "PRAGMA quick_check(1)", -1, &stmt, NULL);
	bool ok = false;

	if (rc != SQLITE_OK)
		return store_error(store->db, store->path, rc, cause);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		const char *text = (const char *)sqlite3_column_text(stmt, 0);
		ok = text != NULL && strcmp(text, "ok") == 0;
		rc = ok ? SQLITE_OK : SQLITE_CORRUPT;
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_OK)
		return store_error(store->db, store->path, rc, cause);
	return 0;
}

/*
 * Reads what kind of database this is without writing a byte: an empty new
 * file, an Anketa database of a schema we know, or something to refuse.
 */
static int
check_kind(Store *store, char **cause)
{
	int app_id = 0, version = 0, objects = 0, rc;

	rc = store_query_int(store->db, "PRAGMA application_id", &app_id);
	if (rc == SQLITE_OK)
		rc = store_query_int(store->db, "PRAGMA user_version", &version);
	if (rc == SQLITE_OK)
		rc = store_query_int(store->db, "SELECT count(*) FROM sqlite_schema", &objects);
	if (rc != SQLITE_OK)
		return store_error(store->db, store->path, rc, cause);
	if (objects > 0 && (app_id != STORE_APPLICATION_ID || version == 0)) {
		*cause = xasprintf(_("the file %s is not an Anketa database; it was left as it is"),
		                   store->path);
		return -1;
	}
	if (version > store_migrations_count) {
		*cause = xasprintf(_("the database %s was made by a newer version of Anketa "
		                     "(schema %d; this program knows up to %d); it was left as it "
		                     "is: use the newer program"),
		                   store->path, version, store_migrations_count);
		return -1;
	}
	store->schema_version = version;
	return 0;
}

static int
exec_sql(Store *store, const char *sql, char **cause)
{
	int rc = sqlite3_exec(store->db, sql, NULL, NULL, NULL);

	if (rc != SQLITE_OK)
		return store_error(store->db, store->path, rc, cause);
	return 0;
}

/* Applies the migrations this database lacks and gives a new database its
 * device id, all in one transaction: a failure leaves the old schema. */
static int
migrate(Store *store, char **cause)
{
	char sql[96], device[37];
	sqlite3_stmt *stmt;
	int version = 0, rc;

	if (exec_sql(store, "BEGIN IMMEDIATE", cause) != 0)
		return -1;
	/* Another kiosk process may have migrated while we waited for the lock. */
	rc = store_query_int(store->db, "PRAGMA user_version", &version);
	for (; rc == SQLITE_OK && version < store_migrations_count; version++)
		rc = sqlite3_exec(store->db, store_migrations[version], NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		goto fail;
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d; PRAGMA application_id = %d", version,
	         STORE_APPLICATION_ID);
	rc = sqlite3_exec(store->db, sql, NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		goto fail;
	store_uuid(device);
	rc = sqlite3_prepare_v2(store->db,
	                        "INSERT OR IGNORE INTO meta (key, value) VALUES ('device_id', ?1)",
	                        -1, &stmt, NULL);
	if (rc != SQLITE_OK)
		goto fail;
	sqlite3_bind_text(stmt, 1, device, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE)
		goto fail;
	store->schema_version = version;
	return exec_sql(store, "COMMIT", cause) == 0 ? 0 : (store_rollback(store), -1);
fail:
	store_error(store->db, store->path, rc, cause);
	store_rollback(store);
	return -1;
}

static int
load_device_id(Store *store, char **cause)
{
	sqlite3_stmt *stmt;
	int rc = sqlite3_prepare_v2(store->db, "SELECT value FROM meta WHERE key = 'device_id'", -1,
	                            &stmt, NULL);

	if (rc != SQLITE_OK)
		return store_error(store->db, store->path, rc, cause);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		const char *id = (const char *)sqlite3_column_text(stmt, 0);
		snprintf(store->device_id, sizeof store->device_id, "%s", id ? id : "");
		rc = SQLITE_OK;
	} else if (rc == SQLITE_DONE) {
		rc = SQLITE_CORRUPT; /* migrate() always writes one */
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_OK)
		return store_error(store->db, store->path, rc, cause);
	return 0;
}

/*
 * Connection settings. WAL lets an export read while the kiosk writes.
 * synchronous = FULL: in WAL mode every commit then fsyncs the log, so an
 * answer survives a power cut as well as a killed process (NORMAL would only
 * survive the latter, and school PCs do get switched off at the wall). The
 * cost is one fsync per answer, well inside the 10 ms budget; bulk work
 * (import, merge) runs in one transaction and pays it once.
 */
static int
configure(Store *store, char **cause)
{
	if (exec_sql(store, "PRAGMA journal_mode = WAL", cause) != 0 ||
	    exec_sql(store, "PRAGMA synchronous = FULL", cause) != 0 ||
	    exec_sql(store, "PRAGMA foreign_keys = ON", cause) != 0)
		return -1;
	return 0;
}

/* Opens the connection (name: a path or a "file:" URI) with the settings
 * every store shares; -1 with *cause about store->path on failure. */
static int
store_connect(Store *store, const char *name, int flags, char **cause)
{
	int rc = sqlite3_open_v2(name, &store->db, flags | SQLITE_OPEN_URI, NULL);

	if (rc != SQLITE_OK)
		return store_error(store->db, store->path, rc, cause);
	sqlite3_extended_result_codes(store->db, 1);
	sqlite3_busy_timeout(store->db, 5000);
	return 0;
}

Store *
store_open(const char *path, char **cause)
{
	bool memory = strcmp(path, ":memory:") == 0;
	Store *store = xcalloc(1, sizeof *store);
	char *open_path;
	int rc;

	store->path = xstrdup(path);
	if (!memory && make_parent_dirs(path, cause) != 0)
		goto fail;
	/* URIs are on for ATTACH (merge reads the other file through one); a
	 * relative path that looks like a URI is kept a path. */
	open_path = strncmp(path, "file:", 5) == 0 ? xasprintf("./%s", path) : xstrdup(path);
	rc = store_connect(store, open_path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, cause);
	free(open_path);
	if (rc != 0)
		goto fail;
	/* SQLite falls back to read-only when the file is write-protected; say
	 * so before reading, which may need the -shm file it cannot create. */
	if (sqlite3_db_readonly(store->db, "main") == 1) {
		store_error(store->db, path, SQLITE_READONLY, cause);
		goto fail;
	}
	/* Nothing is written before the file is known to be ours and sound. */
	if (check_kind(store, cause) != 0)
		goto fail;
	if (store->schema_version > 0 && check_integrity(store, cause) != 0)
		goto fail;
	if (configure(store, cause) != 0)
		goto fail;
	if (store->schema_version < store_migrations_count && migrate(store, cause) != 0)
		goto fail;
	if (load_device_id(store, cause) != 0 || store_school_load(store, cause) != 0)
		goto fail;
	return store;
fail:
	store_close(store);
	return NULL;
}

/* "file:" and path with every byte a URI path may not hold as it is
 * percent-encoded, then query. */
static char *
store_uri(const char *path, const char *query)
{
	static const char hex[] = "0123456789ABCDEF";
	char *uri = xmalloc(3 * strlen(path) + strlen(query) + 8), *o = uri;

	o += sprintf(o, "file:");
	for (const unsigned char *p = (const unsigned char *)path; *p != '\0'; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("/-._~", *p) != NULL) {
			*o++ = (char)*p;
		} else {
			*o++ = '%';
			*o++ = hex[*p >> 4];
			*o++ = hex[*p & 15];
		}
	}
	memcpy(o, query, strlen(query) + 1);
	return uri;
}

/* True when the database can be read through uri (its header and schema). */
static bool
store_uri_readable(const char *uri)
{
	sqlite3 *db = NULL;
	int version = 0;
	int rc = sqlite3_open_v2(uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);

	if (rc == SQLITE_OK)
		rc = store_query_int(db, "PRAGMA user_version", &version);
	sqlite3_close(db);
	return rc == SQLITE_OK;
}

char *
store_readonly_uri(const char *path)
{
	char *plain = store_uri(path, "?mode=ro"), *wal = xasprintf("%s-wal", path);
	struct stat st;
	bool pending = stat(wal, &st) == 0 && st.st_size > 0;

	free(wal);
	/* A database in WAL mode needs its index (-shm), which SQLite cannot
	 * make on a read-only medium. With no log waiting to be read, nothing
	 * can change the file there: it may be read as immutable. */
	if (store_uri_readable(plain) || pending)
		return plain;
	free(plain);
	return store_uri(path, "?mode=ro&immutable=1");
}

Store *
store_open_readonly(const char *path, char **cause)
{
	Store *store = xcalloc(1, sizeof *store);
	char *uri = store_readonly_uri(path);
	int rc;

	store->path = xstrdup(path);
	store->readonly = true;
	rc = store_connect(store, uri, SQLITE_OPEN_READONLY, cause);
	free(uri);
	if (rc != 0)
		goto fail;
	if (check_kind(store, cause) != 0 || check_integrity(store, cause) != 0)
		goto fail;
	if (store->schema_version == 0) {
		*cause = xasprintf(_("the database %s is empty and read-only: there is nothing in "
		                     "it yet"),
		                   path);
		goto fail;
	}
	if (store->schema_version < STORE_OLDEST_READABLE) {
		*cause =
		    xasprintf(_("the database %s is read-only and was made by an older version "
		                "of Anketa; copy it to a place where it can be written and try "
		                "again"),
		              path);
		goto fail;
	}
	if (load_device_id(store, cause) != 0 || store_school_load(store, cause) != 0)
		goto fail;
	return store;
fail:
	store_close(store);
	return NULL;
}

bool
store_is_readonly(const Store *store)
{
	return store->readonly;
}

void
store_close(Store *store)
{
	if (store == NULL)
		return;
	for (int i = 0; i < STMT_COUNT; i++)
		sqlite3_finalize(store->stmts[i]);
	sqlite3_close(store->db);
	free(store->path);
	free(store->school);
	free(store);
}

const char *
store_device_id(const Store *store)
{
	return store->device_id;
}

int
store_schema_version(const Store *store)
{
	return store->schema_version;
}

int
store_begin(Store *store, char **cause)
{
	return exec_sql(store, "BEGIN IMMEDIATE", cause);
}

int
store_commit(Store *store, char **cause)
{
	return exec_sql(store, "COMMIT", cause);
}

void
store_rollback(Store *store)
{
	if (!sqlite3_get_autocommit(store->db))
		sqlite3_exec(store->db, "ROLLBACK", NULL, NULL, NULL);
}

/* Steps a write statement to its end; 0 or -1 with *cause. */
static int
step_done(Store *store, sqlite3_stmt *stmt, char **cause)
{
	int rc = sqlite3_step(stmt);

	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE)
		return store_error(store->db, store->path, rc, cause);
	return 0;
}

static const char *
or_empty(const char *s)
{
	return s ? s : "";
}

int
store_sitting_begin(Store *store, const StoreSitting *s, char id_out[37], char **cause)
{
	sqlite3_stmt *stmt = store_stmt(store, STMT_SITTING_INSERT, cause);
	char now[21];
	int rc;

	if (stmt == NULL)
		return -1;
	if (s->id != NULL) {
		if (s->id != id_out)
			snprintf(id_out, 37, "%s", s->id);
	} else
		store_uuid(id_out);
	util_now_iso8601(now);
	sqlite3_bind_text(stmt, 1, id_out, -1, SQLITE_STATIC);
	store_bind_text(stmt, 2, s->visit_id);
	store_bind_text(stmt, 3, s->device_id ? s->device_id : store->device_id);
	store_bind_text(stmt, 4, or_empty(s->wave));
	store_bind_text(stmt, 5, or_empty(s->class_name));
	store_bind_text(stmt, 6, or_empty(s->audience));
	store_bind_text(stmt, 7, or_empty(s->respondent));
	store_bind_text(stmt, 8, or_empty(s->survey_id));
	sqlite3_bind_int(stmt, 9, s->survey_version);
	store_bind_text(stmt, 10, or_empty(s->survey_hash));
	store_bind_text(stmt, 11, s->started_at ? s->started_at : now);
	store_bind_text(stmt, 12, s->school ? s->school : store->school);
	rc = sqlite3_step(stmt);
	sqlite3_reset(stmt);
	if (rc == SQLITE_CONSTRAINT_PRIMARYKEY) {
		*cause = xasprintf(_("a sitting with the id %s is already stored"), id_out);
		return -1;
	}
	if (rc != SQLITE_DONE)
		return store_error(store->db, store->path, rc, cause);
	return 0;
}

/* The status of a sitting, or -1 when there is none with this id. */
static int
sitting_status(Store *store, const char *sitting_id, char **cause)
{
	sqlite3_stmt *stmt = store_stmt(store, STMT_SITTING_STATUS, cause);
	int rc, status = -1;

	if (stmt == NULL)
		return -2;
	sqlite3_bind_text(stmt, 1, sitting_id, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		status = sqlite3_column_int(stmt, 0);
	sqlite3_reset(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		store_error(store->db, store->path, rc, cause);
		return -2;
	}
	return status;
}

/* Explains why a write to a sitting changed nothing: absent or closed. */
static int
sitting_not_open(Store *store, const char *sitting_id, char **cause)
{
	int status = sitting_status(store, sitting_id, cause);

	if (status == -2)
		return -1;
	if (status == -1)
		*cause = xasprintf(_("there is no sitting with the id %s"), sitting_id);
	else
		*cause = xasprintf(_("the sitting %s is already finished; its answers can no "
		                     "longer be changed"),
		                   sitting_id);
	return -1;
}

int
store_sitting_finish(Store *store, const char *sitting_id, SittingStatus status, char **cause)
{
	sqlite3_stmt *stmt = store_stmt(store, STMT_SITTING_FINISH, cause);
	char now[21];
	int current;

	if (stmt == NULL)
		return -1;
	if (status != SITTING_COMPLETED && status != SITTING_ABANDONED) {
		*cause = xasprintf(_("a sitting can only be finished as completed or abandoned"));
		return -1;
	}
	util_now_iso8601(now);
	sqlite3_bind_text(stmt, 1, sitting_id, -1, SQLITE_STATIC);
	sqlite3_bind_int(stmt, 2, (int)status);
	sqlite3_bind_text(stmt, 3, now, -1, SQLITE_STATIC);
	if (step_done(store, stmt, cause) != 0)
		return -1;
	if (sqlite3_changes(store->db) == 1)
		return 0;
	/* Finishing twice the same way is harmless (a retried click). */
	current = sitting_status(store, sitting_id, cause);
	if (current == -2)
		return -1;
	if (current == (int)status)
		return 0;
	return sitting_not_open(store, sitting_id, cause);
}

int
store_sittings_abandon_open(Store *store, int *count, char **cause)
{
	sqlite3_stmt *stmt = store_stmt(store, STMT_SITTINGS_ABANDON_OPEN, cause);

	if (stmt == NULL)
		return -1;
	sqlite3_bind_text(stmt, 1, store->device_id, -1, SQLITE_STATIC);
	if (step_done(store, stmt, cause) != 0)
		return -1;
	*count = sqlite3_changes(store->db);
	return 0;
}

int
store_answer_put(Store *store, const char *sitting_id, const char *question_id, const char *value,
                 bool has_score, double score, const char *answered_at, char **cause)
{
	sqlite3_stmt *stmt = store_stmt(store, STMT_ANSWER_UPSERT, cause);
	char now[21];

	if (stmt == NULL)
		return -1;
	util_now_iso8601(now);
	sqlite3_bind_text(stmt, 1, sitting_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, question_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, or_empty(value), -1, SQLITE_STATIC);
	if (has_score)
		sqlite3_bind_double(stmt, 4, score);
	sqlite3_bind_text(stmt, 5, answered_at ? answered_at : now, -1, SQLITE_STATIC);
	if (step_done(store, stmt, cause) != 0)
		return -1;
	if (sqlite3_changes(store->db) == 1)
		return 0;
	return sitting_not_open(store, sitting_id, cause);
}

int
store_answer_delete(Store *store, const char *sitting_id, const char *question_id, char **cause)
{
	sqlite3_stmt *stmt;
	int status = sitting_status(store, sitting_id, cause);

	if (status == -2)
		return -1;
	if (status != SITTING_IN_PROGRESS)
		return sitting_not_open(store, sitting_id, cause);
	stmt = store_stmt(store, STMT_ANSWER_DELETE, cause);
	if (stmt == NULL)
		return -1;
	sqlite3_bind_text(stmt, 1, sitting_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, question_id, -1, SQLITE_STATIC);
	return step_done(store, stmt, cause);
}

static const char *
column_text(sqlite3_stmt *stmt, int col)
{
	const char *text = (const char *)sqlite3_column_text(stmt, col);
	return text ? text : "";
}

int
store_answers_each(Store *store, StoreAnswerFn fn, void *arg, char **cause)
{
	sqlite3_stmt *stmt =
	    store_stmt(store,
	               store->schema_version >= STORE_SCHEMA_SCHOOL ? STMT_ANSWERS_EACH
	                                                            : STMT_ANSWERS_EACH_NO_SCHOOL,
	               cause);
	int rc, stop = 0;

	if (stmt == NULL)
		return -1;
	while (stop == 0 && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		StoreAnswerRow row = {
			.sitting_id = column_text(stmt, 0),
			.device_id = column_text(stmt, 1),
			.wave = column_text(stmt, 2),
			.class_name = column_text(stmt, 3),
			.audience = column_text(stmt, 4),
			.respondent = column_text(stmt, 5),
			.survey_id = column_text(stmt, 6),
			.survey_version = sqlite3_column_int(stmt, 7),
			.question_id = column_text(stmt, 8),
			.value = column_text(stmt, 9),
			.has_score = sqlite3_column_type(stmt, 10) != SQLITE_NULL,
			.score = sqlite3_column_double(stmt, 10),
			.answered_at = column_text(stmt, 11),
			.status = (SittingStatus)sqlite3_column_int(stmt, 12),
			.started_at = column_text(stmt, 13),
			.completed_at = column_text(stmt, 14),
			.visit_id = column_text(stmt, 15),
			.survey_hash = column_text(stmt, 16),
			.conflict_of = column_text(stmt, 17),
			.school = column_text(stmt, 18),
		};
		stop = fn(&row, arg);
	}
	sqlite3_reset(stmt);
	if (stop != 0)
		return stop;
	if (rc != SQLITE_DONE)
		return store_error(store->db, store->path, rc, cause);
	return 0;
}
