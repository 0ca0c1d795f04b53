/*
 * store_merge.c: `anketa merge` as SQL over an attached database (see
 * store_merge() in store.h; the statements are STMT_MERGE_* of
 * store_sql.c). The other file is first checked through a read-only
 * connection of its own, then attached as "other".
 */
#include <sodium.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <uuid/uuid.h>

#include "store_internal.h"
#include "util.h"

/* Runs one statement of the table with up to two text parameters to its
 * end. */
static int
merge_run(Store *store, StoreStmt which, const char *p1, const char *p2, char **cause)
{
	sqlite3_stmt *stmt = store_stmt(store, which, cause);

	if (stmt == NULL)
		return -1;
	if (p1 != NULL)
		sqlite3_bind_text(stmt, 1, p1, -1, SQLITE_STATIC);
	if (p2 != NULL)
		sqlite3_bind_text(stmt, 2, p2, -1, SQLITE_STATIC);
	return store_step_done(store, stmt, cause);
}

/* The tables merge reads from the other file, the columns it reads (all
 * of them there since the schema "since"), and how many. */
static const struct {
	const char *table;
	const char *columns;
	int n_columns;
	int since;
} merge_tables[] = {
	{ "sitting",
	  "'id', 'visit_id', 'device_id', 'wave', 'class_name', 'audience', 'respondent', "
	  "'survey_id', 'survey_version', 'survey_hash', 'started_at', 'completed_at', 'status', "
	  "'conflict_of'",
	  14, 1 },
	{ "answer", "'sitting_id', 'question_id', 'value', 'score', 'answered_at'", 5, 1 },
	{ "meta", "'key', 'value'", 2, 1 },
	{ "survey_source", "'survey_id', 'version', 'hash', 'source', 'first_seen_at'", 5, 2 },
};

/*
 * Every table merge reads is a real table (not a view, which could run
 * forever: a recursive one passes quick_check) with the columns it reads,
 * and sitting has its school from schema 3 on. The SQL is built from the
 * constants above only. 0, or -1 with *cause naming the file.
 */
static int
check_other_tables(sqlite3 *db, const char *path, int version, char **cause)
{
	for (size_t i = 0; i < sizeof merge_tables / sizeof merge_tables[0]; i++) {
		bool school =
		    strcmp(merge_tables[i].table, "sitting") == 0 && version >= STORE_SCHEMA_SCHOOL;
		char *sql;
		int ok = 0, rc;

		if (version < merge_tables[i].since)
			continue;
		sql =
		    xasprintf("SELECT (SELECT type FROM sqlite_schema WHERE name = '%s') = 'table'"
		              " AND (SELECT count(*) FROM pragma_table_info('%s')"
		              " WHERE name IN (%s%s)) = %d",
		              merge_tables[i].table, merge_tables[i].table, merge_tables[i].columns,
		              school ? ", 'school'" : "", merge_tables[i].n_columns + school);
		rc = store_exec(db, sql, &ok);
		free(sql);
		if (rc != SQLITE_OK)
			return store_error(db, path, rc, cause);
		if (!ok) {
			*cause = xasprintf(
			    _("%s is not an Anketa database that can be merged: its %s is "
			      "not a table with the columns Anketa writes; nothing was "
			      "merged"),
			    path, merge_tables[i].table);
			return -1;
		}
	}
	return 0;
}

/* Looks at the other file through its own read-only connection: it must
 * be a sound Anketa database of our schema or an older one (a kiosk not yet
 * updated), whose tables are what merge reads; its schema version goes to
 * *version. */
static int
check_other(const char *path, int *version, char **cause)
{
	sqlite3 *db = NULL;
	char *uri;
	int app_id = 0, ok = 0, rc;
	bool known;

	*version = 0;
	if (access(path, F_OK) != 0) {
		*cause = xasprintf(_("there is no database at %s"), path);
		return -1;
	}
	uri = store_readonly_uri(path);
	rc = sqlite3_open_v2(uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
	free(uri);
	if (rc == SQLITE_OK)
		rc = store_exec(db, "PRAGMA application_id", &app_id);
	if (rc == SQLITE_OK)
		rc = store_exec(db, "PRAGMA user_version", version);
	known = *version >= STORE_OLDEST_READABLE && *version <= store_migrations_count;
	if (rc == SQLITE_OK && app_id == STORE_APPLICATION_ID && known)
		rc =
		    store_exec(db, "SELECT \"quick_check\" = 'ok' FROM pragma_quick_check(1)", &ok);
	if (rc != SQLITE_OK)
		store_error(db, path, rc, cause);
	else if (app_id != STORE_APPLICATION_ID)
		*cause = xasprintf(_("%s is not an Anketa database; nothing was merged"), path);
	else if (!known)
		*cause = xasprintf(_("%s has schema version %d but this program has %d; merge it "
		                     "with the Anketa version that made it"),
		                   path, *version, store_migrations_count);
	else if (!ok)
		store_error(NULL, path, SQLITE_CORRUPT, cause);
	if (rc == SQLITE_OK && app_id == STORE_APPLICATION_ID && known && ok &&
	    check_other_tables(db, path, *version, cause) != 0)
		ok = 0;
	sqlite3_close(db);
	return rc == SQLITE_OK && app_id == STORE_APPLICATION_ID && known && ok ? 0 : -1;
}

/*
 * The id under which the incoming side of a conflict is kept: a UUID made
 * from a BLAKE2b hash of the original id and the incoming answers (and,
 * for a sitting of another school with the same answers, that school), so
 * that merging the same file again finds it instead of adding it twice.
 */
static int
conflict_id(Store *store, const char *original, const char *school, char out[37], char **cause)
{
	crypto_generichash_state state;
	unsigned char digest[16];
	sqlite3_stmt *stmt = store_stmt(store, STMT_MERGE_OTHER_ANSWERS, cause);
	int rc;

	if (stmt == NULL)
		return -1;
	crypto_generichash_init(&state, NULL, 0, sizeof digest);
	crypto_generichash_update(&state, (const unsigned char *)original, strlen(original));
	sqlite3_bind_text(stmt, 1, original, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		for (int col = 0; col < 3; col++) {
			const unsigned char *text = sqlite3_column_text(stmt, col);
			crypto_generichash_update(&state, (const unsigned char *)"\x1f", 1);
			if (text != NULL)
				crypto_generichash_update(&state, text, strlen((const char *)text));
		}
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE)
		return store_error(store->db, store->path, rc, cause);
	if (school != NULL) {
		crypto_generichash_update(&state, (const unsigned char *)"\x1c", 1);
		crypto_generichash_update(&state, (const unsigned char *)school, strlen(school));
	}
	crypto_generichash_final(&state, digest, sizeof digest);
	digest[6] = (unsigned char)((digest[6] & 0x0f) | 0x80); /* version 8: custom */
	digest[8] = (unsigned char)((digest[8] & 0x3f) | 0x80); /* RFC 4122 variant */
	uuid_unparse_lower(digest, out);
	return 0;
}

/* Keeps the incoming side of one conflict; *kept is false when an earlier
 * merge already kept it. school: the incoming school when only the school
 * differs, else NULL. with_school: the other side has sitting.school. */
static int
keep_conflict(Store *store, const char *original, const char *school, bool with_school, bool *kept,
              char **cause)
{
	char id[37];
	int exists;

	if (conflict_id(store, original, school, id, cause) != 0)
		return -1;
	exists = store_sitting_exists(store, id, cause);
	if (exists < 0)
		return -1;
	*kept = exists == 0;
	if (exists)
		return 0;
	if (merge_run(store,
	              with_school ? STMT_MERGE_COPY_CONFLICT_NEW : STMT_MERGE_COPY_CONFLICT_OLD,
	              original, id, cause) != 0 ||
	    merge_run(store, STMT_MERGE_COPY_CONFLICT_ANSWERS, original, id, cause) != 0)
		return -1;
	return 0;
}

static int
merge_conflicts(Store *store, bool with_school, StoreMergeResult *result, char **cause)
{
	sqlite3_stmt *stmt = store_stmt(store, STMT_MERGE_CONFLICTS, cause);
	bool kept;
	int rc;

	if (stmt == NULL)
		return -1;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		char *original = xstrdup((const char *)sqlite3_column_text(stmt, 0));
		char *school = sqlite3_column_int(stmt, 1) == 3
		                   ? xstrdup((const char *)sqlite3_column_text(stmt, 2))
		                   : NULL;
		int failed = keep_conflict(store, original, school, with_school, &kept, cause);

		free(school);
		free(original);
		if (failed) {
			sqlite3_reset(stmt);
			return -1;
		}
		if (kept)
			result->conflicting++;
		else
			result->present++;
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE)
		return store_error(store->db, store->path, rc, cause);
	return 0;
}

/* How many sittings are new and how many are already here. */
static int
merge_count(Store *store, StoreMergeResult *result, char **cause)
{
	sqlite3_stmt *stmt = store_stmt(store, STMT_MERGE_COUNT, cause);
	int rc;

	if (stmt == NULL)
		return -1;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		int kind = sqlite3_column_int(stmt, 0), n = sqlite3_column_int(stmt, 1);
		if (kind == 0)
			result->added = n;
		else if (kind == 1)
			result->present = n;
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE)
		return store_error(store->db, store->path, rc, cause);
	return 0;
}

/* The fields whose lengths STMT_MERGE_LONG_SITTING_* gives, in its order. */
static const StoreField merge_sitting_fields[] = {
	STORE_FIELD_ID,         STORE_FIELD_WAVE,   STORE_FIELD_CLASS,  STORE_FIELD_AUDIENCE,
	STORE_FIELD_RESPONDENT, STORE_FIELD_SURVEY, STORE_FIELD_SCHOOL, STORE_FIELD_DEVICE,
	STORE_FIELD_VISIT,      STORE_FIELD_HASH,   STORE_FIELD_ID,
};
#define N_MERGE_SITTING_FIELDS ((int)(sizeof merge_sitting_fields / sizeof merge_sitting_fields[0]))

/* Says which field of the sitting row (STMT_MERGE_LONG_SITTING_*) is too
 * long; returns -1. */
static int
long_sitting(sqlite3_stmt *stmt, const char *other_path, char **cause)
{
	for (int k = 0; k < N_MERGE_SITTING_FIELDS; k++) {
		StoreField field = merge_sitting_fields[k];
		long long len = sqlite3_column_int64(stmt, k + 1);

		if (len <= (long long)store_field_max(field))
			continue;
		*cause = xasprintf(_("%s: the sitting %s: %s is %lld bytes long; at most %zu are "
		                     "allowed; nothing was merged"),
		                   other_path, (const char *)sqlite3_column_text(stmt, 0),
		                   k == N_MERGE_SITTING_FIELDS - 1 ? "conflict_of"
		                                                   : store_field_name(field),
		                   len, store_field_max(field));
		break;
	}
	return -1;
}

/* Every incoming sitting and answer fits the limits of store_field_max(),
 * checked before anything is copied; else -1 with *cause saying which
 * sitting, which field, in the other file. */
static int
check_lengths(Store *store, const char *other_path, bool with_school, char **cause)
{
	sqlite3_stmt *stmt = store_stmt(
	    store, with_school ? STMT_MERGE_LONG_SITTING_NEW : STMT_MERGE_LONG_SITTING_OLD, cause);
	int rc;

	if (stmt == NULL)
		return -1;
	for (int k = 0; k < N_MERGE_SITTING_FIELDS; k++)
		sqlite3_bind_int64(stmt, k + 1,
		                   (sqlite3_int64)store_field_max(merge_sitting_fields[k]));
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		long_sitting(stmt, other_path, cause);
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE)
		return rc == SQLITE_ROW ? -1 : store_error(store->db, store->path, rc, cause);
	stmt = store_stmt(store, STMT_MERGE_LONG_ANSWER, cause);
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, (sqlite3_int64)store_field_max(STORE_FIELD_QUESTION));
	sqlite3_bind_int64(stmt, 2, (sqlite3_int64)store_field_max(STORE_FIELD_VALUE));
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		bool question = sqlite3_column_int64(stmt, 2) >
		                (sqlite3_int64)store_field_max(STORE_FIELD_QUESTION);
		StoreField field = question ? STORE_FIELD_QUESTION : STORE_FIELD_VALUE;

		*cause =
		    xasprintf(_("%s: the answer to %s in the sitting %s: %s is %lld bytes "
		                "long; at most %zu are allowed; nothing was merged"),
		              other_path, (const char *)sqlite3_column_text(stmt, 1),
		              (const char *)sqlite3_column_text(stmt, 0), store_field_name(field),
		              (long long)sqlite3_column_int64(stmt, question ? 2 : 3),
		              store_field_max(field));
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE)
		return rc == SQLITE_ROW ? -1 : store_error(store->db, store->path, rc, cause);
	return 0;
}

/* A merge that broke a rule of the schema (a NULL where Anketa needs a
 * value, a status it does not know, an answer without its sitting) did so
 * with the other file's data: *cause names that file, not this database. */
static void
blame_other(Store *store, const char *other_path, char **cause)
{
	if ((sqlite3_errcode(store->db) & 0xff) != SQLITE_CONSTRAINT)
		return;
	free(*cause);
	*cause = xasprintf(_("%s holds a sitting or an answer without a value Anketa needs, or "
	                     "with one it does not take; nothing was merged"),
	                   other_path);
}

/* Gives the classes of sittings merged from a file older than the class
 * spelling rule their one spelling: the repair of 004_class_spelling.sql
 * (idempotent, audited per rename) runs again, in the merge's transaction. */
static int
merge_respell(Store *store, char **cause)
{
	int rc = store_exec(store->db, store_migrations[STORE_SCHEMA_CLASS_SPELLING - 1], NULL);

	return rc == SQLITE_OK ? 0 : store_error(store->db, store->path, rc, cause);
}

/* How far the merge of one file is, told in rows of the other file by
 * rowid: its sittings as they are sorted into the plan, then its answers
 * as they are copied. */
typedef struct {
	const Progress *progress;
	sqlite3_int64 sittings, answers; /* the last rowid of each table; 0: empty */
} MergeProgress;

/* The rowid which gives (after bound as ?1 when it takes it) into *out;
 * *found is false when it gives NULL (no such row). 0, or -1 with *cause. */
static int
merge_rowid(Store *store, StoreStmt which, sqlite3_int64 after, sqlite3_int64 *out, bool *found,
            char **cause)
{
	sqlite3_stmt *stmt = store_stmt(store, which, cause);
	int rc;

	if (stmt == NULL)
		return -1;
	if (sqlite3_bind_parameter_count(stmt) > 0)
		sqlite3_bind_int64(stmt, 1, after);
	rc = sqlite3_step(stmt);
	*found = rc == SQLITE_ROW && sqlite3_column_type(stmt, 0) != SQLITE_NULL;
	*out = *found ? sqlite3_column_int64(stmt, 0) : 0;
	sqlite3_reset(stmt);
	if (rc != SQLITE_ROW)
		return store_error(store->db, store->path, rc, cause);
	return 0;
}

/* Rowids a part of the plan or of the copy takes. */
#define MERGE_PART 4096

/*
 * Runs which, a statement over the other file's rows with a rowid in
 * [?1, ?2], on every row of its table a part at a time (next, the first
 * rowid after ?1, skips the gaps, so there are never more parts than
 * rows), and tells the progress base + the rowid reached after each part.
 * 0, or -1 with *cause (asked to stop too).
 */
static int
merge_in_parts(Store *store, StoreStmt which, StoreStmt next, const MergeProgress *mp,
               sqlite3_int64 base, const char *what, char **cause)
{
	sqlite3_int64 hi = INT64_MIN, first;
	sqlite3_int64 last = which == STMT_MERGE_COPY_ANSWERS ? mp->answers : mp->sittings;
	sqlite3_stmt *stmt;
	bool found;

	while (merge_rowid(store, next, hi, &first, &found, cause) == 0) {
		if (!found)
			return 0; /* no row after hi */
		hi = first > INT64_MAX - MERGE_PART ? INT64_MAX : first + MERGE_PART - 1;
		stmt = store_stmt(store, which, cause);
		if (stmt == NULL)
			return -1;
		sqlite3_bind_int64(stmt, 1, first);
		sqlite3_bind_int64(stmt, 2, hi);
		if (store_step_done(store, stmt, cause) != 0)
			return -1;
		if (progress_report(mp->progress, (long)(base + (hi < last ? hi : last)),
		                    (long)(mp->sittings + mp->answers), what) != 0) {
			*cause = progress_cancelled_cause();
			return -1;
		}
		if (hi == INT64_MAX)
			return 0;
	}
	return -1;
}

/* Sorts the other file's sittings into the plan, counts them and copies
 * the new ones with their answers. */
static int
merge_rows(Store *store, bool with_school, const MergeProgress *mp, StoreMergeResult *result,
           char **cause)
{
	int rc = store_run(store, STMT_MERGE_PLAN_CREATE, cause);

	if (rc == 0)
		rc = merge_in_parts(store, with_school ? STMT_MERGE_PLAN_NEW : STMT_MERGE_PLAN_OLD,
		                    STMT_MERGE_NEXT_SITTING, mp, 0, _("comparing sittings"), cause);
	if (rc == 0)
		rc = merge_count(store, result, cause);
	if (rc == 0)
		rc = store_run(store,
		               with_school ? STMT_MERGE_COPY_SITTINGS_NEW
		                           : STMT_MERGE_COPY_SITTINGS_OLD,
		               cause);
	if (rc == 0)
		rc = merge_in_parts(store, STMT_MERGE_COPY_ANSWERS, STMT_MERGE_NEXT_ANSWER, mp,
		                    mp->sittings, _("copying answers"), cause);
	return rc;
}

static int
merge_copy(Store *store, const char *other_path, int other_version, const MergeProgress *mp,
           StoreMergeResult *result, char **cause)
{
	bool with_school = other_version >= STORE_SCHEMA_SCHOOL;
	char *detail;
	int rc;

	if (check_lengths(store, other_path, with_school, cause) != 0 ||
	    store_bulk_begin(store, cause) != 0)
		return -1;
	rc = merge_rows(store, with_school, mp, result, cause);
	if (rc == 0)
		rc = merge_conflicts(store, with_school, result, cause);
	if (rc == 0 && other_version < STORE_SCHEMA_CLASS_SPELLING)
		rc = merge_respell(store, cause);
	if (rc == 0 && other_version >= 2)
		rc = store_run(store, STMT_MERGE_COPY_SOURCES, cause);
	if (rc == 0 && other_version >= STORE_SCHEMA_ENTERED) {
		rc = store_run(store, STMT_MERGE_COPY_ENTERED, cause);
		result->entered = sqlite3_changes(store->db);
	}
	if (rc == 0)
		rc = store_run(store, STMT_MERGE_DROP_PLAN, cause);
	if (rc == 0) {
		detail = xasprintf(
		    "%s: %d added, %d already there, %d conflicting, %d entered values", other_path,
		    result->added, result->present, result->conflicting, result->entered);
		rc = store_audit_add(store, "merge", detail, cause);
		free(detail);
	}
	if (rc == 0)
		rc = store_commit(store, cause);
	if (rc != 0) {
		blame_other(store, other_path, cause);
		store_rollback(store);
	}
	return rc;
}

/*
 * The copy, in one transaction. Foreign keys are not checked during it (the
 * PRAGMA only takes effect outside a transaction, so it is set before and
 * put back after): every answer copied belongs to a sitting copied in the
 * same transaction (the plan's new ids, or a conflict's new id), and
 * checking each of them against the sitting table was a sixth of the work.
 */
static int
merge_attached(Store *store, const char *other_path, int other_version, const Progress *progress,
               StoreMergeResult *result, char **cause)
{
	MergeProgress mp = { .progress = progress };
	bool found;
	int rc;

	if (merge_rowid(store, STMT_MERGE_LAST_SITTING, 0, &mp.sittings, &found, cause) != 0 ||
	    merge_rowid(store, STMT_MERGE_LAST_ANSWER, 0, &mp.answers, &found, cause) != 0 ||
	    store_run(store, STMT_FOREIGN_KEYS_OFF, cause) != 0)
		return -1;
	rc = merge_copy(store, other_path, other_version, &mp, result, cause);
	store_run(store, STMT_FOREIGN_KEYS_ON, NULL); /* cannot fail outside a transaction */
	return rc;
}

/* Attaching the database to itself would only find every sitting present;
 * it is almost surely a mistyped name, so say so. */
static int
check_not_self(Store *store, const char *other_path, char **cause)
{
	char *mine = realpath(store->path, NULL), *theirs = realpath(other_path, NULL);
	bool same = mine != NULL && theirs != NULL && strcmp(mine, theirs) == 0;

	free(mine);
	free(theirs);
	if (same)
		*cause = xasprintf(_("%s is the database being merged into; nothing was merged"),
		                   other_path);
	return same ? -1 : 0;
}

int
store_merge(Store *store, const char *other_path, const Progress *progress,
            StoreMergeResult *result, char **cause)
{
	int rc, other_version;
	char *uri;

	memset(result, 0, sizeof *result);
	if (sodium_init() < 0)
		abort();
	if (progress_report(progress, 0, 0, _("checking the file")) != 0) {
		*cause = progress_cancelled_cause();
		return -1;
	}
	if (check_other(other_path, &other_version, cause) != 0 ||
	    check_not_self(store, other_path, cause) != 0)
		return -1;
	uri = store_readonly_uri(other_path);
	rc = merge_run(store, STMT_MERGE_ATTACH, uri, NULL, cause);
	free(uri);
	if (rc != 0)
		return -1;
	rc = merge_attached(store, other_path, other_version, progress, result, cause);
	store_run(store, STMT_MERGE_DROP_PLAN, NULL);
	store_run(store, STMT_MERGE_DETACH, NULL);
	if (rc != 0)
		memset(result, 0, sizeof *result);
	return rc;
}
