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
 * sitting.school, 005: class.flagged, 006: entered), so its sittings read
 * the same, and what it lacks reads as absent or as the default. */
#define STORE_OLDEST_READABLE 1

/* Marks an Anketa database (PRAGMA application_id, "ANKT"). */
#define STORE_APPLICATION_ID 0x414e4b54

/* Every statement the store runs on its connection; its text is
 * store_sql[which] (store_sql.c), prepared once on first use. */
typedef enum {
	STMT_BEGIN,
	STMT_COMMIT,
	STMT_ROLLBACK,
	STMT_JOURNAL_WAL,
	STMT_SYNCHRONOUS_FULL,
	STMT_FOREIGN_KEYS_ON,
	STMT_FOREIGN_KEYS_OFF,
	STMT_DEFER_FOREIGN_KEYS,
	STMT_BULK_CACHE_SIZE,
	STMT_APPLICATION_ID,
	STMT_USER_VERSION,
	STMT_SCHEMA_OBJECTS,
	STMT_QUICK_CHECK,
	STMT_DEVICE_ID_INIT,
	STMT_DEVICE_ID_GET,
	STMT_SCHOOL_GET,
	STMT_SCHOOL_SET,
	STMT_SITTING_INSERT,
	STMT_SITTING_FINISH,
	STMT_SITTING_STATUS,
	STMT_SITTINGS_ABANDON_OPEN,
	STMT_ANSWER_UPSERT,
	STMT_ANSWER_DELETE,
	STMT_ANSWERS_EACH,
	STMT_ANSWERS_EACH_NO_SCHOOL, /* a read-only database older than schema 3 */
	STMT_SITTING_COUNT,
	STMT_PROGRESS_SINCE,
	STMT_SITTING_INSERT_FULL,
	STMT_ANSWER_INSERT,
	STMT_SITTING_EXISTS,
	STMT_SITTING_ANSWERS,
	STMT_AUDIT_INSERT,
	STMT_AUDIT_EACH,
	STMT_PIN_SET,
	STMT_PIN_GET,
	STMT_PIN_LOCK_GET,
	STMT_PIN_LOCK_SET,
	STMT_SETUP_GET,
	STMT_SETUP_SET,
	STMT_CLASSES_CLEAR,
	STMT_CLASS_INSERT,
	STMT_CLASSES_EACH,
	STMT_CLASSES_EACH_NO_FLAG, /* a read-only database older than schema 4 */
	STMT_CLASS_GET,
	STMT_CLASS_GET_NO_FLAG,
	STMT_ENTERED_HEAD,
	STMT_ENTERED_INSERT,
	STMT_ENTERED_EACH,
	STMT_SOURCE_PUT,
	STMT_SOURCE_GET,
	STMT_MERGE_ATTACH,
	STMT_MERGE_DETACH,
	STMT_MERGE_PLAN_OLD, /* the other database is older than schema 3 */
	STMT_MERGE_PLAN_NEW,
	STMT_MERGE_PLAN_CREATE,
	STMT_MERGE_DROP_PLAN,
	STMT_MERGE_LAST_SITTING,
	STMT_MERGE_LAST_ANSWER,
	STMT_MERGE_NEXT_SITTING,
	STMT_MERGE_NEXT_ANSWER,
	STMT_MERGE_COUNT,
	STMT_MERGE_COPY_SITTINGS_OLD, /* the other database is older than schema 3 */
	STMT_MERGE_COPY_SITTINGS_NEW,
	STMT_MERGE_COPY_ANSWERS,
	STMT_MERGE_COPY_SOURCES,
	STMT_MERGE_LONG_SITTING_OLD, /* the other database is older than schema 3 */
	STMT_MERGE_LONG_SITTING_NEW,
	STMT_MERGE_LONG_ANSWER,
	STMT_MERGE_CONFLICTS,
	STMT_MERGE_OTHER_ANSWERS,
	STMT_MERGE_COPY_CONFLICT_OLD,
	STMT_MERGE_COPY_CONFLICT_NEW,
	STMT_MERGE_COPY_CONFLICT_ANSWERS,
	STMT_MERGE_COPY_ENTERED,
	STMT_COUNT
} StoreStmt;

/* The SQL text of each StoreStmt. */
extern const char *const store_sql[STMT_COUNT];

struct Store {
	sqlite3 *db;
	char *path;
	char device_id[37];
	char *school; /* meta 'school', "" when none was set */
	int schema_version;
	bool readonly;     /* opened by store_open_readonly(): nothing is written */
	bool kiosk_locked; /* store_lock_kiosk() took the kiosk's lock */
	int lock_fd;       /* while kiosk_locked: the lock file, or -1 (in memory) */
	sqlite3_stmt *stmts[STMT_COUNT];
};

/* A "file:" URI that opens path read-only (for sqlite3_open_v2 with
 * SQLITE_OPEN_URI, or ATTACH): on a read-only medium, where SQLite could
 * not make the WAL index it needs, the file is also declared immutable.
 * The caller frees it. */
char *store_readonly_uri(const char *path);

/*
 * How the store runs SQL: every statement on a Store's connection is one of
 * the table, got with store_stmt(), bound, stepped and left reset (the
 * helpers below do the last two). store_exec() is the one way to run SQL
 * text from elsewhere, and only for what cannot be a prepared statement of
 * the table (see store_sql.c).
 */

/* The statement, reset and with its bindings cleared, ready to bind; NULL
 * (with *cause set) only if it cannot be prepared. */
sqlite3_stmt *store_stmt(Store *store, StoreStmt which, char **cause);

/* Steps a statement through its rows to the end and resets it; 0, or -1
 * with *cause. */
int store_step_done(Store *store, sqlite3_stmt *stmt, char **cause);

/* What the sqlite3_step() of a statement that finds at most one row said,
 * its statement already reset: 1 a row was found, 0 none, -1 with *cause
 * on an error. */
int store_found(Store *store, int rc, char **cause);

/* Runs a statement of the table that takes no parameters to its end; 0,
 * or -1 with *cause. */
int store_run(Store *store, StoreStmt which, char **cause);

/* Runs a statement of the table that takes no parameters and gives one
 * integer (a PRAGMA, a count) into *out; 0, or -1 with *cause. */
int store_run_int(Store *store, StoreStmt which, int *out, char **cause);

/*
 * Runs SQL text that is not in the table: a migration script (several
 * statements), a PRAGMA whose value is a number formatted in, or a query on
 * a connection of another file. Every statement runs to its end; when first
 * is not NULL, the first column of the first row goes to *first as an
 * integer. Returns the SQLite result code.
 */
int store_exec(sqlite3 *db, const char *sql, int *first);

/* Sets *cause to a sentence about the SQLite error rc on the database at
 * path (read-only, full disk, damaged, busy, ...) and returns -1. A NULL
 * cause is allowed where the reason would go unused. */
int store_error(sqlite3 *db, const char *path, int rc, char **cause);

/* Binds a string, or NULL as SQL NULL. */
void store_bind_text(sqlite3_stmt *stmt, int index, const char *text);

/* Reads the school's name from meta into store->school ("" when none);
 * 0, or -1 with *cause. */
int store_school_load(Store *store, char **cause);

/* The schema that added sitting.school (003_school.sql). */
#define STORE_SCHEMA_SCHOOL 3

/* 0 when every field of the sitting fits its limit (store_field_max());
 * -1 with *cause naming the first that does not. */
int store_sitting_fits(const StoreSitting *sitting, char **cause);

/* The same for an answer's question id and value. */
int store_answer_fits(const char *question_id, const char *value, char **cause);

/* The schema that gave every class its one spelling (004_class_spelling.sql):
 * an older file merged in may still hold "6 а" beside "6А". */
#define STORE_SCHEMA_CLASS_SPELLING 4

/* The schema that added class.flagged (005_class_flag.sql). */
#define STORE_SCHEMA_CLASS_FLAG 5

/* The schema that added the entered values (006_entered.sql). */
#define STORE_SCHEMA_ENTERED 6

/* Makes a random UUID in lower-case text. */
void store_uuid(char out[37]);

#endif
