/*
 * store_merge.c: `anketa merge` as SQL over an attached database (see
 * store_merge() in store.h). The other file is first checked through a
 * read-only connection of its own, then attached as "other".
 */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <uuid/uuid.h>

#include "store_internal.h"
#include "util.h"

/* Sorts the other database's sittings: 0 new, 1 same answers, 2 conflict. */
static const char plan_sql[] =
    "CREATE TEMP TABLE merge_plan AS SELECT o.id AS id, CASE"
    " WHEN m.id IS NULL THEN 0"
    " WHEN EXISTS (SELECT question_id, value, score FROM other.answer WHERE sitting_id = o.id"
    "  EXCEPT SELECT question_id, value, score FROM main.answer WHERE sitting_id = o.id)"
    " OR EXISTS (SELECT question_id, value, score FROM main.answer WHERE sitting_id = o.id"
    "  EXCEPT SELECT question_id, value, score FROM other.answer WHERE sitting_id = o.id)"
    " THEN 2 ELSE 1 END AS kind"
    " FROM other.sitting o LEFT JOIN main.sitting m ON m.id = o.id";

#define SITTING_COLUMNS                                                                            \
	"visit_id, device_id, wave, class_name, audience, respondent, survey_id,"                  \
	" survey_version, survey_hash, started_at, completed_at, status"

/* The school of an incoming sitting: its own, else the other database's
 * name; a database older than schema 3 has no sitting.school at all. */
#define OTHER_SCHOOL  "(SELECT value FROM other.meta WHERE key = 'school')"
#define SCHOOL_OF_OLD "coalesce(" OTHER_SCHOOL ", '')"
#define SCHOOL_OF_NEW "coalesce(nullif(school, ''), " OTHER_SCHOOL ", '')"

/* Both forms of a statement: [0] for an older other database, [1] for one
 * with sitting.school. */
#define COPY_SITTINGS_SQL(school)                                                                  \
	"INSERT INTO main.sitting (id, " SITTING_COLUMNS ", conflict_of, school)"                  \
	" SELECT id, " SITTING_COLUMNS ", conflict_of, " school " FROM other.sitting"              \
	" WHERE id IN (SELECT id FROM temp.merge_plan WHERE kind = 0)"
static const char *const copy_sittings_sql[2] = {
	COPY_SITTINGS_SQL(SCHOOL_OF_OLD),
	COPY_SITTINGS_SQL(SCHOOL_OF_NEW),
};

/* Scanning other.answer in rowid order keeps each sitting's answer order. */
static const char copy_answers_sql[] =
    "INSERT INTO main.answer (sitting_id, question_id, value, score, answered_at)"
    " SELECT sitting_id, question_id, value, score, answered_at FROM other.answer"
    " WHERE sitting_id IN (SELECT id FROM temp.merge_plan WHERE kind = 0) ORDER BY rowid";

/* The survey files the other side's sittings were answered with (schema 2
 * on); a file already here keeps its first-seen time. */
static const char copy_sources_sql[] =
    "INSERT OR IGNORE INTO main.survey_source (survey_id, version, hash, source, first_seen_at)"
    " SELECT survey_id, version, hash, source, first_seen_at FROM other.survey_source";

static const char count_sql[] = "SELECT kind, count(*) FROM temp.merge_plan GROUP BY kind";
static const char conflicts_sql[] = "SELECT id FROM temp.merge_plan WHERE kind = 2 ORDER BY id";
static const char other_answers_sql[] =
    "SELECT question_id, value, score FROM other.answer WHERE sitting_id = ?1"
    " ORDER BY question_id";
#define COPY_CONFLICT_SQL(school)                                                                  \
	"INSERT INTO main.sitting (id, " SITTING_COLUMNS ", conflict_of, school)"                  \
	" SELECT ?2, " SITTING_COLUMNS ", ?1, " school " FROM other.sitting WHERE id = ?1"
static const char *const copy_conflict_sql[2] = {
	COPY_CONFLICT_SQL(SCHOOL_OF_OLD),
	COPY_CONFLICT_SQL(SCHOOL_OF_NEW),
};
static const char copy_conflict_answers_sql[] =
    "INSERT INTO main.answer (sitting_id, question_id, value, score, answered_at)"
    " SELECT ?2, question_id, value, score, answered_at FROM other.answer"
    " WHERE sitting_id = ?1 ORDER BY rowid";

/* Runs one statement with up to two text parameters to its end. */
static int
run_sql(Store *store, const char *sql, const char *p1, const char *p2, char **cause)
{
	sqlite3_stmt *stmt;
	int rc = sqlite3_prepare_v2(store->db, sql, -1, &stmt, NULL);

	if (rc != SQLITE_OK)
		return store_error(store->db, store->path, rc, cause);
	if (p1 != NULL)
		sqlite3_bind_text(stmt, 1, p1, -1, SQLITE_STATIC);
	if (p2 != NULL)
		sqlite3_bind_text(stmt, 2, p2, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		;
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE)
		return store_error(store->db, store->path, rc, cause);
	return 0;
}

/* Looks at the other file through its own read-only connection: it must
 * be a sound Anketa database of our schema or an older one (a kiosk not yet
 * updated); its schema version goes to *version. */
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
		rc = store_query_int(db, "PRAGMA application_id", &app_id);
	if (rc == SQLITE_OK)
		rc = store_query_int(db, "PRAGMA user_version", version);
	known = *version >= STORE_OLDEST_READABLE && *version <= store_migrations_count;
	if (rc == SQLITE_OK && app_id == STORE_APPLICATION_ID && known)
		rc = store_query_int(db, "SELECT \"quick_check\" = 'ok' FROM pragma_quick_check(1)",
		                     &ok);
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
	sqlite3_close(db);
	return rc == SQLITE_OK && app_id == STORE_APPLICATION_ID && known && ok ? 0 : -1;
}

/*
 * The id under which the incoming side of a conflict is kept: a UUID made
 * from a BLAKE2b hash of the original id and the incoming answers, so that
 * merging the same file again finds it instead of adding it twice.
 */
static int
conflict_id(Store *store, const char *original, char out[37], char **cause)
{
	crypto_generichash_state state;
	unsigned char digest[16];
	sqlite3_stmt *stmt;
	int rc = sqlite3_prepare_v2(store->db, other_answers_sql, -1, &stmt, NULL);

	if (rc != SQLITE_OK)
		return store_error(store->db, store->path, rc, cause);
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
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE)
		return store_error(store->db, store->path, rc, cause);
	crypto_generichash_final(&state, digest, sizeof digest);
	digest[6] = (unsigned char)((digest[6] & 0x0f) | 0x80); /* version 8: custom */
	digest[8] = (unsigned char)((digest[8] & 0x3f) | 0x80); /* RFC 4122 variant */
	uuid_unparse_lower(digest, out);
	return 0;
}

/* Keeps the incoming side of one conflict; *kept is false when an earlier
 * merge already kept it. with_school: the other side has sitting.school. */
static int
keep_conflict(Store *store, const char *original, bool with_school, bool *kept, char **cause)
{
	char id[37];
	int exists;

	if (conflict_id(store, original, id, cause) != 0)
		return -1;
	exists = store_sitting_exists(store, id, cause);
	if (exists < 0)
		return -1;
	*kept = exists == 0;
	if (exists)
		return 0;
	if (run_sql(store, copy_conflict_sql[with_school], original, id, cause) != 0 ||
	    run_sql(store, copy_conflict_answers_sql, original, id, cause) != 0)
		return -1;
	return 0;
}

static int
merge_conflicts(Store *store, bool with_school, StoreMergeResult *result, char **cause)
{
	sqlite3_stmt *stmt;
	int rc = sqlite3_prepare_v2(store->db, conflicts_sql, -1, &stmt, NULL);
	bool kept;

	if (rc != SQLITE_OK)
		return store_error(store->db, store->path, rc, cause);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		char *original = xstrdup((const char *)sqlite3_column_text(stmt, 0));
		int failed = keep_conflict(store, original, with_school, &kept, cause);

		free(original);
		if (failed) {
			sqlite3_finalize(stmt);
			return -1;
		}
		if (kept)
			result->conflicting++;
		else
			result->present++;
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE)
		return store_error(store->db, store->path, rc, cause);
	return 0;
}

/* How many sittings are new and how many are already here. */
static int
merge_count(Store *store, StoreMergeResult *result, char **cause)
{
	sqlite3_stmt *stmt;
	int rc = sqlite3_prepare_v2(store->db, count_sql, -1, &stmt, NULL);

	if (rc != SQLITE_OK)
		return store_error(store->db, store->path, rc, cause);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		int kind = sqlite3_column_int(stmt, 0), n = sqlite3_column_int(stmt, 1);
		if (kind == 0)
			result->added = n;
		else if (kind == 1)
			result->present = n;
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE)
		return store_error(store->db, store->path, rc, cause);
	return 0;
}

static int
merge_attached(Store *store, const char *other_path, int other_version, StoreMergeResult *result,
               char **cause)
{
	bool with_school = other_version >= STORE_SCHEMA_SCHOOL;
	char *detail;
	int rc;

	if (store_bulk_begin(store, cause) != 0)
		return -1;
	rc = run_sql(store, plan_sql, NULL, NULL, cause);
	if (rc == 0)
		rc = merge_count(store, result, cause);
	if (rc == 0)
		rc = run_sql(store, copy_sittings_sql[with_school], NULL, NULL, cause);
	if (rc == 0)
		rc = run_sql(store, copy_answers_sql, NULL, NULL, cause);
	if (rc == 0)
		rc = merge_conflicts(store, with_school, result, cause);
	if (rc == 0 && other_version >= 2)
		rc = run_sql(store, copy_sources_sql, NULL, NULL, cause);
	if (rc == 0)
		rc = run_sql(store, "DROP TABLE temp.merge_plan", NULL, NULL, cause);
	if (rc == 0) {
		detail = xasprintf("%s: %d added, %d already there, %d conflicting", other_path,
		                   result->added, result->present, result->conflicting);
		rc = store_audit_add(store, "merge", detail, cause);
		free(detail);
	}
	if (rc == 0)
		rc = store_commit(store, cause);
	if (rc != 0)
		store_rollback(store);
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
store_merge(Store *store, const char *other_path, StoreMergeResult *result, char **cause)
{
	int rc, other_version;
	char *uri;

	memset(result, 0, sizeof *result);
	if (sodium_init() < 0)
		abort();
	if (check_other(other_path, &other_version, cause) != 0 ||
	    check_not_self(store, other_path, cause) != 0)
		return -1;
	uri = store_readonly_uri(other_path);
	rc = run_sql(store, "ATTACH DATABASE ?1 AS other", uri, NULL, cause);
	free(uri);
	if (rc != 0)
		return -1;
	rc = merge_attached(store, other_path, other_version, result, cause);
	sqlite3_exec(store->db, "DROP TABLE IF EXISTS temp.merge_plan", NULL, NULL, NULL);
	sqlite3_exec(store->db, "DETACH DATABASE other", NULL, NULL, NULL);
	if (rc != 0)
		memset(result, 0, sizeof *result);
	return rc;
}
