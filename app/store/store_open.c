/*
 * store_open.c: opening a database safely (DESIGN.md section 4): the file
 * is checked to be an Anketa database of a schema this program knows and
 * sound (quick_check) before a byte is written, then configured, migrated
 * and given its device id; or opened read-only, for exports from a
 * read-only medium.
 */
#include "store.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store_internal.h"
#include "util.h"

/* Creates every missing directory above path (like mkdir -p of its
 * dirname), each readable by its owner only: the data folder holds every
 * child's answers. */
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
		if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
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

/* Takes group and others' rights away from a file of ours (a database an
 * older version made 0644, or its -wal and -shm); a missing file or one of
 * another owner is left alone. */
static void
tighten_mode(const char *path)
{
	struct stat st;

	if (stat(path, &st) == 0 && S_ISREG(st.st_mode) && st.st_uid == geteuid() &&
	    (st.st_mode & 077) != 0)
		chmod(path, st.st_mode & 0700);
}

/*
 * Makes sure only the owner can read the database, whatever the umask: a
 * new file is created 0600 before SQLite opens it (SQLite then gives the
 * -wal and -shm files the database's own mode), and an existing one of
 * ours is tightened, with its -wal and -shm. Failures are left for the
 * open to report (a read-only medium cannot be changed, and is refused or
 * read as it is).
 */
static void
make_private(const char *path)
{
	static const char *const suffixes[] = { "", "-wal", "-shm" };
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

	if (fd >= 0) {
		fchmod(fd, 0600);
		close(fd);
		return;
	}
	for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
		char *name = xasprintf("%s%s", path, suffixes[i]);
		tighten_mode(name);
		free(name);
	}
}

/* PRAGMA quick_check: the cheap form of integrity_check (no index contents
 * cross-check), fast enough to run at every start. */
static int
check_integrity(Store *store, char **cause)
{
	sqlite3_stmt *stmt = store_stmt(store, STMT_QUICK_CHECK, cause);
	int rc;

	if (stmt == NULL)
		return -1;
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		const char *text = (const char *)sqlite3_column_text(stmt, 0);
		rc = text != NULL && strcmp(text, "ok") == 0 ? SQLITE_OK : SQLITE_CORRUPT;
	}
	sqlite3_reset(stmt);
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
	int app_id = 0, version = 0, objects = 0;

	if (store_run_int(store, STMT_APPLICATION_ID, &app_id, cause) != 0 ||
	    store_run_int(store, STMT_USER_VERSION, &version, cause) != 0 ||
	    store_run_int(store, STMT_SCHEMA_OBJECTS, &objects, cause) != 0)
		return -1;
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

/* Brings the schema from its version up to store_migrations_count: the
 * migration scripts, then the version and the application id stamped. */
static int
migrate_schema(Store *store, char **cause)
{
	char sql[96];
	int version = 0, rc = SQLITE_OK;

	/* Another kiosk process may have migrated while we waited for the lock. */
	if (store_run_int(store, STMT_USER_VERSION, &version, cause) != 0)
		return -1;
	for (; rc == SQLITE_OK && version < store_migrations_count; version++)
		rc = store_exec(store->db, store_migrations[version], NULL);
	if (rc == SQLITE_OK) {
		snprintf(sql, sizeof sql, "PRAGMA user_version = %d; PRAGMA application_id = %d",
		         version, STORE_APPLICATION_ID);
		rc = store_exec(store->db, sql, NULL);
	}
	if (rc != SQLITE_OK)
		return store_error(store->db, store->path, rc, cause);
	store->schema_version = version;
	return 0;
}

/* Applies the migrations this database lacks and gives a new database its
 * device id, all in one transaction: a failure leaves the old schema. */
static int
migrate(Store *store, char **cause)
{
	sqlite3_stmt *stmt;
	char device[37];
	int old = store->schema_version;

	if (store_begin(store, cause) != 0)
		return -1;
	if (migrate_schema(store, cause) != 0)
		goto fail;
	store_uuid(device);
	stmt = store_stmt(store, STMT_DEVICE_ID_INIT, cause);
	if (stmt == NULL)
		goto fail;
	sqlite3_bind_text(stmt, 1, device, -1, SQLITE_STATIC);
	if (store_step_done(store, stmt, cause) == 0 && store_commit(store, cause) == 0)
		return 0;
fail:
	store_rollback(store);
	store->schema_version = old;
	return -1;
}

static int
load_device_id(Store *store, char **cause)
{
	sqlite3_stmt *stmt = store_stmt(store, STMT_DEVICE_ID_GET, cause);
	int rc;

	if (stmt == NULL)
		return -1;
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		const char *id = (const char *)sqlite3_column_text(stmt, 0);
		snprintf(store->device_id, sizeof store->device_id, "%s", id ? id : "");
		rc = SQLITE_OK;
	} else if (rc == SQLITE_DONE) {
		rc = SQLITE_CORRUPT; /* migrate() always writes one */
	}
	sqlite3_reset(stmt);
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
	if (store_run(store, STMT_JOURNAL_WAL, cause) != 0 ||
	    store_run(store, STMT_SYNCHRONOUS_FULL, cause) != 0 ||
	    store_run(store, STMT_FOREIGN_KEYS_ON, cause) != 0)
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
	if (!memory)
		make_private(path);
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

/* A file that must hold a database: refused when missing or empty (zero
 * bytes), which SQLite would take for a new database. */
static int
check_exists(const char *path, char **cause)
{
	struct stat st;

	if (stat(path, &st) != 0) {
		*cause = xasprintf(_("there is no database at %s"), path);
		return -1;
	}
	if (S_ISREG(st.st_mode) && st.st_size == 0) {
		*cause = xasprintf(_("the file %s is empty: it is not an Anketa database; it was "
		                     "left as it is"),
		                   path);
		return -1;
	}
	return 0;
}

Store *
store_open_existing(const char *path, char **cause)
{
	return check_exists(path, cause) == 0 ? store_open(path, cause) : NULL;
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
		rc = store_exec(db, "PRAGMA user_version", &version);
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
	Store *store;
	char *uri;
	int rc;

	if (check_exists(path, cause) != 0)
		return NULL;
	store = xcalloc(1, sizeof *store);
	uri = store_readonly_uri(path);
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
	store_unlock_kiosk(
	    store); /* last: the database is closed before another kiosk may open it */
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
