/*
 * store_internal.h: what the files of app/store share and nobody else sees:
 * the body of Store, the prepared-statement cache and error wording.
 */
#ifndef ANKETA_STORE_INTERNAL_H
#define ANKETA_STORE_INTERNAL_H

#include <sqlite3.h>
#include <stdbool.h>

#include "store.h"

/* The numbered migrations db/NNN_*.sql, generated at build time by
 * db/embed.cmake; store_migrations[i] takes the schema from i to i + 1. */
extern const char *const store_migrations[];
extern const int store_migrations_count;

/* The oldest schema a read-only database may have: the migrations after it
 * only add tables (002: survey_source) or columns with a default (003:
 * sitting.school), so its sittings read the same, and what it lacks reads
 * as absent or as the default. */
#define STORE_OLDEST_READABLE 1

/* Marks an Anketa database (PRAGMA application_id, "ANKT"). */
#define STORE_APPLICATION_ID 0x414e4b54

/* Every statement the store runs, prepared once on first use. */
typedef enum {
	STMT_SITTING_INSERT,
	STMT_SITTING_FINISH,
	STMT_SITTING_STATUS,
	STMT_ANSWER_UPSERT,
	STMT_ANSWER_DELETE,
	STMT_ANSWERS_EACH,
	STMT_AUDIT_INSERT,
	STMT_AUDIT_EACH,
	STMT_PIN_SET,
	STMT_PIN_GET,
	STMT_CLASSES_CLEAR,
	STMT_CLASS_INSERT,
	STMT_CLASSES_EACH,
	STMT_CLASS_GET,
	STMT_SITTING_INSERT_FULL,
	STMT_ANSWER_INSERT,
	STMT_SITTING_EXISTS,
	STMT_SITTING_ANSWERS,
	STMT_SITTINGS_ABANDON_OPEN,
	STMT_SOURCE_PUT,
	STMT_SOURCE_GET,
	STMT_ANSWERS_EACH_NO_SCHOOL, /* a read-only database older than schema 3 */
	STMT_SCHOOL_SET,
	STMT_COUNT
} StoreStmt;

struct Store {
	sqlite3 *db;
	char *path;
	char device_id[37];
	char *school; /* meta 'school', "" when none was set */
	int schema_version;
	bool readonly; /* opened by store_open_readonly(): nothing is written */
	sqlite3_stmt *stmts[STMT_COUNT];
};

/* A "file:" URI that opens path read-only (for sqlite3_open_v2 with
 * SQLITE_OPEN_URI, or ATTACH): on a read-only medium, where SQLite could
 * not make the WAL index it needs, the file is also declared immutable.
 * The caller frees it. */
char *store_readonly_uri(const char *path);

/* The statement, reset and with its bindings cleared, ready to bind; NULL
 * (with *cause set) only if it cannot be prepared. */
sqlite3_stmt *store_stmt(Store *store, StoreStmt which, char **cause);

/* Sets *cause to a sentence about the SQLite error rc on the database at
 * path (read-only, full disk, damaged, busy, ...) and returns -1. */
int store_error(sqlite3 *db, const char *path, int rc, char **cause);

/* Runs SQL text without parameters or rows (transaction control, a
 * PRAGMA); 0, or -1 with *cause. */
int store_exec(Store *store, const char *sql, char **cause);

/* Binds a string, or NULL as SQL NULL. */
void store_bind_text(sqlite3_stmt *stmt, int index, const char *text);

/* Runs a statement that yields one integer (a PRAGMA or a count); returns
 * the SQLite result code. */
int store_query_int(sqlite3 *db, const char *sql, int *out);

/* Reads the school's name from meta into store->school ("" when none);
 * 0, or -1 with *cause. */
int store_school_load(Store *store, char **cause);

/* The schema that added sitting.school (003_school.sql). */
#define STORE_SCHEMA_SCHOOL 3

/* Makes a random UUID in lower-case text. */
void store_uuid(char out[37]);

#endif
