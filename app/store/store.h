/*
 * store.h: the SQLite database (DESIGN.md section 4). All SQL lives in
 * app/store; the rest of the program sees this opaque handle.
 *
 * Every write is its own committed transaction unless the caller opened one
 * with store_begin(): an answer is durable when store_answer_put() returns 0.
 * Errors fill *cause with one sentence a psychologist can read (the caller
 * frees it) and leave what was stored before untouched.
 */
#ifndef ANKETA_STORE_H
#define ANKETA_STORE_H

#include <stdbool.h>
#include <stddef.h>

#include "progress.h"

typedef struct Store Store;

typedef enum {
	SITTING_IN_PROGRESS = 0,
	SITTING_COMPLETED = 1,
	SITTING_ABANDONED = 2,
} SittingStatus;

/*
 * Opens (creating if needed, with its parent directory) the database at
 * path, applies the schema migrations from db/, turns on WAL and foreign
 * keys, checks integrity, and makes sure the database has a device id.
 * Returns NULL and sets *cause when the file is corrupt, read-only, of a
 * newer schema than this binary knows, or cannot be created.
 */
Store *store_open(const char *path, char **cause);

/*
 * Opens an Anketa database that must already exist (exports, the report),
 * as store_open() does; but a missing file is refused instead of created,
 * and so is an empty one (zero bytes), which SQLite would silently make a
 * new database of: it is not an Anketa database.
 */
Store *store_open_existing(const char *path, char **cause);

/*
 * Opens an existing Anketa database only to read it (exports, the report),
 * where store_open() would refuse because the file or its medium is
 * read-only. Nothing is written, not even the audit log (store_audit_add()
 * then does nothing). A database of a schema older than the first one read
 * the same way (STORE_OLDEST_READABLE, now the first schema of all) cannot
 * be read like this: it needs store_open() once to be brought up to date.
 * An empty file (zero bytes) is refused as not an Anketa database.
 * Returns NULL with *cause (one sentence) on failure.
 */
Store *store_open_readonly(const char *path, char **cause);

/* Sittings started on this device since a moment. */
typedef struct {
	int completed;
	int unfinished; /* in progress or abandoned */
} StoreProgress;

/* Counts this device's sittings started at or after since (ISO 8601 UTC,
 * "2026-09-15T00:00:00Z"). Returns 0, or -1 with *cause. */
int store_progress_since(Store *store, const char *since, StoreProgress *out, char **cause);

/* True when the store was opened with store_open_readonly(). */
bool store_is_readonly(const Store *store);

/* Closes the database; NULL is allowed. */
void store_close(Store *store);

/* This database's device id (a UUID made once, when it was created). */
const char *store_device_id(const Store *store);

/* The name of the school this database belongs to (meta 'school', read at
 * open and kept up to date by store_school_set()), stamped on every sitting
 * stored here; "" when none was set. Borrowed from the store. */
const char *store_school(const Store *store);

/*
 * Sets the school's name (`anketa school`): name with the white space
 * around it trimmed must be 1 to STORE_SCHOOL_MAX bytes, without control
 * characters, and not "*" (the indicators' word for all schools). Notes
 * the change in the audit log. Sittings stored before keep the school they
 * had. Returns 0, or -1 with *cause and nothing changed.
 */
int store_school_set(Store *store, const char *name, char **cause);

/* The longest school name store_school_set() takes, in bytes. */
#define STORE_SCHOOL_MAX 200

/*
 * How long each stored field may be, in bytes (DESIGN.md section 4): one
 * rule for every way in. Import checks each cell against it (and says
 * file:line:column), merge each incoming sitting and answer, and every
 * write of the store refuses a value beyond it.
 */
typedef enum {
	STORE_FIELD_WAVE,
	STORE_FIELD_CLASS,
	STORE_FIELD_AUDIENCE,
	STORE_FIELD_RESPONDENT,
	STORE_FIELD_SURVEY,
	STORE_FIELD_QUESTION,
	STORE_FIELD_VALUE, /* an answer's value: a text answer is the long one */
	STORE_FIELD_SCHOOL,
	STORE_FIELD_DEVICE,
	STORE_FIELD_VISIT,
	STORE_FIELD_HASH,
	STORE_FIELD_ID, /* a sitting's id, or the one it is in conflict with */
	STORE_FIELD_COUNT
} StoreField;

/* The longest value the field takes, in bytes. */
size_t store_field_max(StoreField field);

/* The field's name as the answers CSV's header calls it ("class"). */
const char *store_field_name(StoreField field);

/* NULL when value (NULL counts as empty) fits the field; else one
 * sentence saying how long it is and how long it may be, which the caller
 * frees and puts after its own "where". */
char *store_field_problem(StoreField field, const char *value);

/* The schema version the database is at. */
int store_schema_version(const Store *store);

/* Groups many writes into one transaction (import, merge). */
int store_begin(Store *store, char **cause);
int store_commit(Store *store, char **cause);
void store_rollback(Store *store);

/* What a sitting is about; the strings are borrowed for the call. */
typedef struct {
	const char *id;        /* UUID; NULL: store_sitting_begin() makes one */
	const char *visit_id;  /* shared by the sittings of one battery; may be NULL */
	const char *device_id; /* NULL: this database's device */
	const char *wave;
	const char *class_name;
	const char *audience;
	const char *respondent; /* pseudonymous code; "" when none was given */
	const char *survey_id;
	int survey_version;
	const char *survey_hash;
	const char *started_at; /* ISO 8601 UTC; NULL: now */
	const char *school;     /* the school it was answered in; NULL: store_school() */
} StoreSitting;

/* Starts a sitting in progress; writes its UUID (36 chars + NUL) to id_out. */
int store_sitting_begin(Store *store, const StoreSitting *sitting, char id_out[37], char **cause);

/* Sets a sitting's status; completing stamps completed_at with now. */
int store_sitting_finish(Store *store, const char *sitting_id, SittingStatus status, char **cause);

/*
 * Takes the kiosk's claim on the database: an exclusive lock on the file
 * "<database>.lock" beside it (created 0600), held until store_close() or
 * store_unlock_kiosk(), and let go of by the system when the process ends
 * in any way. Returns 0 (also for a database in memory, which nobody else
 * can open), 1 with *cause when another process holds it (another kiosk
 * runs on this database), -1 with *cause when the lock file cannot be made.
 */
int store_lock_kiosk(Store *store, char **cause);

/* Lets go of the kiosk's lock, if this store holds it. */
void store_unlock_kiosk(Store *store);

/*
 * Marks every sitting of this device still in progress as abandoned (the
 * kiosk was killed or lost power while someone answered; nobody can come
 * back to such a sitting). Sittings merged from other kiosks are left alone.
 * Only the holder of the kiosk's lock may (store_lock_kiosk()): with one
 * kiosk per database, a sitting in progress then belongs to a kiosk that is
 * gone, never to one still running; without the lock it returns -1 with
 * *cause. Sets *count to how many were closed. Answers are kept.
 */
int store_sittings_abandon_open(Store *store, int *count, char **cause);

/*
 * Stores (or replaces) the answer to one question of an open sitting and
 * commits it. value is as in the answers CSV; has_score false leaves the
 * score empty (number and text questions). answered_at NULL means now.
 */
int store_answer_put(Store *store, const char *sitting_id, const char *question_id,
                     const char *value, bool has_score, double score, const char *answered_at,
                     char **cause);

/* Removes the answer to one question of an open sitting (the child went back
 * and cleared it). Removing an absent answer is not an error. */
int store_answer_delete(Store *store, const char *sitting_id, const char *question_id,
                        char **cause);

/* One row of the answers table joined with its sitting (export order:
 * sitting start time, sitting id, then answer order). Borrowed strings,
 * valid during the callback only. */
typedef struct {
	const char *sitting_id;
	const char *device_id;
	const char *wave;
	const char *class_name;
	const char *audience;
	const char *respondent;
	const char *survey_id;
	int survey_version;
	const char *question_id;
	const char *value;
	bool has_score;
	double score;
	const char *answered_at;
	SittingStatus status;
	/* Added for a lossless export (extra CSV columns after the required ones);
	 * "" when absent. */
	const char *started_at;
	const char *completed_at;
	const char *visit_id;
	const char *survey_hash;
	const char *conflict_of; /* the sitting a merge found clashing with this one */
	const char *school;      /* the school it was answered in; "" when none was set */
} StoreAnswerRow;

/* Calls fn for every answer; a non-zero return from fn stops and is
 * returned. progress (may be NULL, progress.h) hears the sittings begun of
 * all the database holds ("sitting N of M"), every PROGRESS_EVERY
 * sittings; asked to stop, the walk returns -1 with *cause. */
typedef int (*StoreAnswerFn)(const StoreAnswerRow *row, void *arg);
int store_answers_each(Store *store, StoreAnswerFn fn, void *arg, const Progress *progress,
                       char **cause);

/* ---- Added by the data path (import, export, merge, PIN, classes). ---- */

/* The word for a status in files: in_progress, completed, abandoned. */
const char *store_status_name(SittingStatus status);

/* Parses a status word; -1 when unknown. */
int store_status_parse(const char *word);

/* Adds a line to the audit log (exports, imports, merges, PIN changes):
 * action is a short word, detail a free sentence. */
int store_audit_add(Store *store, const char *action, const char *detail, char **cause);

/* Calls fn for every audit line, oldest first; strings borrowed. */
typedef int (*StoreAuditFn)(const char *at, const char *action, const char *detail, void *arg);
int store_audit_each(Store *store, StoreAuditFn fn, void *arg, char **cause);

/* ---- The psychologist's PIN ---- */

/* True when pin is 4 to 8 digits. */
bool store_pin_valid(const char *pin);

/* Stores a hash of pin (libsodium crypto_pwhash_str; never the PIN itself)
 * and notes the change in the audit log. Refuses a PIN that is not 4 to 8
 * digits. */
int store_pin_set(Store *store, const char *pin, char **cause);

/* 1 when pin matches the stored one, 0 when it does not, -1 when no PIN was
 * set (or it cannot be read). */
int store_pin_check(Store *store, const char *pin);

/* True when the database has a PIN (read without checking one). */
bool store_pin_exists(Store *store);

/*
 * The wrong-PIN count and until when no PIN is checked, as kept by
 * store_pin_lock_set() (the rule that sets them is the core's, pinlock.h):
 * *failures wrong PINs in a row, locked_until an ISO 8601 UTC time or ""
 * for none. Both 0 and "" when nothing was kept. 0, or -1 with *cause.
 */
int store_pin_lock_get(Store *store, int *failures, char locked_until[21], char **cause);

/* Keeps the count and the time (committed at once, or with the caller's
 * transaction). 0, or -1 with *cause. */
int store_pin_lock_set(Store *store, int failures, const char *locked_until, char **cause);

/* ---- The kiosk's set-up, kept for the next start ---- */

/* What the psychologist last started a session with. */
typedef struct {
	char *wave;
	char *audience;
	char *class_name; /* "" (or NULL to put): each respondent types it */
	char *battery;    /* survey ids in order, separated by commas */
	bool read_aloud;
	bool code_required;
} StoreSetup;

/* Keeps setup (replacing the one kept before), committed at once; the
 * strings are only read. 0, or -1 with *cause. */
int store_setup_put(Store *store, const StoreSetup *setup, char **cause);

/* The set-up kept: 1 with *setup filled (free it with store_setup_clear()),
 * 0 when none was kept, -1 with *cause. */
int store_setup_get(Store *store, StoreSetup *setup, char **cause);

/* Frees the strings of a set-up from store_setup_get(); it is zeroed. */
void store_setup_clear(StoreSetup *setup);

/* ---- The school's class list (anketa classes) ---- */

typedef struct {
	const char *class_name;
	int students; /* expected respondents of each audience in the class */
	int parents;
	bool flagged; /* marked by the programme (ШНОР markers): counted by a
	               * programme with `classes: flagged` */
} StoreClass;

/* Replaces the whole class list with classes[0..n-1] in one transaction;
 * the audit log notes how many classes and how many of them flagged. */
int store_classes_replace(Store *store, const StoreClass *classes, int n, char **cause);

/* Calls fn for each class in name order (strings borrowed for the call). */
typedef int (*StoreClassFn)(const StoreClass *klass, void *arg);
int store_classes_each(Store *store, StoreClassFn fn, void *arg, char **cause);

/* Looks one class up: 1 found (sizes filled), 0 not in the list, -1 error. */
int store_classes_get(Store *store, const char *class_name, StoreClass *out, char **cause);

/* ---- Values the psychologist enters (store_entered.c, entered.h) ---- */

/* One entered value; strings borrowed. */
typedef struct {
	const char *programme_id;
	const char *indicator_id;
	const char *wave;
	const char *class_name; /* "*": the whole school */
	const char *value;      /* as entered.h formats it; "" clears the value */
	const char *school;     /* store_entered_each(): whose; put: NULL, this store's */
	const char *entered_at; /* store_entered_each(): when (ISO 8601 UTC) */
} StoreEntered;

/*
 * Keeps a new value for (programme, indicator, wave, class) of this
 * database's school, stamped with now and this device: it replaces the
 * current one, which stays as history. The audit log notes both. When
 * previous is not NULL, *previous gets the value replaced (a copy to free;
 * NULL when there was none). Returns 0, or -1 with *cause and nothing
 * stored.
 */
int store_entered_put(Store *store, const StoreEntered *entered, char **previous, char **cause);

/* Calls fn for the current value of every (programme, indicator, wave,
 * class, school), in that order (strings borrowed for the call); a
 * cleared one has value "". A database older than schema 5 has none. */
typedef int (*StoreEnteredFn)(const StoreEntered *entered, void *arg);
int store_entered_each(Store *store, StoreEnteredFn fn, void *arg, char **cause);

/* ---- Bulk writes for import and merge ---- */

/* A whole sitting as stored (import, merge): every field of sitting is
 * given (id, device_id and started_at too). */
typedef struct {
	StoreSitting sitting;
	SittingStatus status;
	const char *completed_at; /* NULL when not completed */
	const char *conflict_of;  /* NULL, or the sitting a merge found clashing */
} StoreSittingRecord;

/* Begins a transaction (as store_begin()) in which answers may be written
 * before their sitting: foreign keys are checked at store_commit(). */
int store_bulk_begin(Store *store, char **cause);

/* Inserts a sitting as it is, whatever its status. */
int store_sitting_insert(Store *store, const StoreSittingRecord *record, char **cause);

/* Inserts one answer as it is (no check of the sitting's status). Returns 1
 * without setting *cause when the sitting already has an answer to that
 * question. */
int store_answer_insert(Store *store, const char *sitting_id, const char *question_id,
                        const char *value, bool has_score, double score, const char *answered_at,
                        char **cause);

/* 1 when a sitting with this id is stored, 0 when not, -1 on error. */
int store_sitting_exists(Store *store, const char *sitting_id, char **cause);

/* Calls fn for each answer of one sitting, in answer order. */
typedef int (*StoreSittingAnswerFn)(const char *question_id, const char *value, bool has_score,
                                    double score, void *arg);
int store_sitting_answers_each(Store *store, const char *sitting_id, StoreSittingAnswerFn fn,
                               void *arg, char **cause);

/* ---- Merging another kiosk's database (anketa merge) ---- */

typedef struct {
	int added;       /* sittings new to this database, copied with their answers */
	int present;     /* same id and same answers: already here */
	int conflicting; /* same id, other answers: the incoming side was kept too */
	int entered;     /* entered values (and their history) new to this database */
} StoreMergeResult;

/*
 * Brings every sitting of the Anketa database at other_path into store, in
 * one transaction, without writing to the other file. Idempotent: a sitting
 * is matched by its UUID, so merging twice adds nothing. When the same UUID
 * holds different answers, or the same answers from another school (both
 * sides named: paper forms imported in two schools), neither side is
 * dropped: the incoming one is stored as a new sitting (a UUID derived from
 * the original, its answers and such a school, so a second merge finds it)
 * whose conflict_of names the original. The
 * survey files its sittings were answered with (store_source_put) come
 * along, the same way idempotent. An incoming sitting keeps its school;
 * one without a school gets the other database's school name (its
 * store_school()), so that a school's database merged before it was named
 * still counts apart. The values the psychologist entered come along the
 * same way (by id, each with its history; the current value of a key is
 * store_entered_each()'s). Refuses a file that is not an Anketa database of
 * this schema version or an older one. progress (may be NULL, progress.h)
 * hears the file checked (total not known), then the rows of the other
 * file read by rowid, its sittings compared ("comparing sittings") and its
 * answers copied ("copying answers"), a few thousand at a time; asked to
 * stop, nothing is merged (-1 with *cause).
 */
int store_merge(Store *store, const char *other_path, const Progress *progress,
                StoreMergeResult *result, char **cause);

/* ---- The survey files sittings were answered with (store_source.c) ---- */

/*
 * Keeps the exact text of a survey file under (survey_id, version, hash),
 * where hash is the file's hex SHA-256 (Survey.hash, stored with every
 * sitting). Storing the same key again changes nothing, so the time it was
 * first seen stays. Inside a transaction of the caller's it joins that
 * transaction; otherwise it is committed at once.
 */
int store_source_put(Store *store, const char *survey_id, int version, const char *hash,
                     const char *text, size_t len, char **cause);

/*
 * The stored text of a survey file: 1 with *text (a NUL-terminated copy the
 * caller frees) and *len, 0 when the database holds no such file (also a
 * read-only one of the first schema, which keeps none), -1 with *cause when
 * it cannot be read.
 */
int store_source_get(Store *store, const char *survey_id, int version, const char *hash,
                     char **text, size_t *len, char **cause);

#endif
