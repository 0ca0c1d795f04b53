/*
 * test_merge.c: merging other kiosks' databases: idempotent by UUID,
 * conflicts kept on both sides, unknown files refused untouched.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "import.h"
#include "store.h"
#include "survey.h"
#include "testio.h"
#include "testutil.h"
#include "util.h"

#define S1 "00000000-0000-4000-8000-000000000001"
#define S2 "00000000-0000-4000-8000-000000000002"
#define S3 "00000000-0000-4000-8000-000000000003"

static char *dir;

static void
setup(void)
{
	dir = testutil_tmpdir();
}

static void
teardown(void)
{
	free(dir);
}

/* Adds a completed sitting id (started at `at`) with answers q1=v1, q2=v2. */
static void
add_sitting(Store *store, const char *id, const char *at, const char *v1, const char *v2)
{
	StoreSitting s = { .id = id,
		           .device_id = "dev",
		           .wave = "start",
		           .class_name = "6А",
		           .audience = "student",
		           .respondent = id + 34,
		           .survey_id = "mini",
		           .survey_version = 2,
		           .survey_hash = "h",
		           .started_at = at };
	char *cause = NULL, out[37];

	ck_assert_int_eq(store_sitting_begin(store, &s, out, &cause), 0);
	ck_assert_int_eq(store_answer_put(store, id, "q1", v1, true, 1, at, &cause), 0);
	ck_assert_int_eq(store_answer_put(store, id, "q2", v2, false, 0, at, &cause), 0);
	ck_assert_int_eq(store_sitting_finish(store, id, SITTING_COMPLETED, &cause), 0);
}

static char *
db_path(const char *name)
{
	return xasprintf("%s/%s", dir, name);
}

static Store *
open_db(const char *name)
{
	char *path = db_path(name), *cause = NULL;
	Store *store = store_open(path, &cause);

	ck_assert_msg(store != NULL, "%s", cause);
	free(path);
	return store;
}

/* The whole line of text holding needle (without its newline). */
static char *
line_containing(const char *text, const char *needle)
{
	const char *hit = strstr(text, needle), *start, *end;

	ck_assert_ptr_nonnull(hit);
	for (start = hit; start > text && start[-1] != '\n'; start--)
		;
	end = strchr(hit, '\n');
	return xstrndup(start, (size_t)(end - start));
}

/* Merges dir/other into store and checks the counts. */
static void
merge_expect(Store *store, const char *other, int added, int present, int conflicting)
{
	char *path = db_path(other), *cause = NULL;
	StoreMergeResult r;

	ck_assert_msg(store_merge(store, path, NULL, &r, &cause) == 0, "%s", cause);
	ck_assert_int_eq(r.added, added);
	ck_assert_int_eq(r.present, present);
	ck_assert_int_eq(r.conflicting, conflicting);
	free(path);
}

START_TEST(test_merge_is_idempotent)
{
	Store *a = open_db("a.db"), *b = open_db("b.db");
	char *before, *after, *s1, *s2, *s3_q1, *s3_q2;

	add_sitting(a, S1, "2026-09-15T10:00:00Z", "1", "x");
	add_sitting(a, S2, "2026-09-15T10:05:00Z", "2", "y");
	add_sitting(b, S1, "2026-09-15T10:00:00Z", "1", "x"); /* a copy of A's S1 */
	add_sitting(b, S3, "2026-09-15T10:02:00Z", "3", "z");
	store_close(b);
	/* B's S3 is new, S1 is already here with the same answers. */
	merge_expect(a, "b.db", 1, 1, 0);
	before = testio_answers_csv(a);
	ck_assert_ptr_nonnull(strstr(before, S3 ",dev,start,6А,student,03,mini,2,q1,3,1,"));
	ck_assert_ptr_nonnull(strstr(before, S3 ",dev,start,6А,student,03,mini,2,q2,z,,"));
	/* S3 started between S1 and S2, and its answers keep their order. */
	s1 = strstr(before, S1);
	s3_q1 = strstr(before, S3 ",dev,start,6А,student,03,mini,2,q1");
	s3_q2 = strstr(before, S3 ",dev,start,6А,student,03,mini,2,q2");
	s2 = strstr(before, S2);
	ck_assert(s1 < s3_q1 && s3_q1 < s3_q2 && s3_q2 < s2);
	/* Twice: nothing more. */
	merge_expect(a, "b.db", 0, 2, 0);
	after = testio_answers_csv(a);
	ck_assert_str_eq(after, before);
	free(before);
	free(after);
	store_close(a);
}
END_TEST

START_TEST(test_conflict_keeps_both_sides)
{
	Store *a = open_db("a.db"), *b = open_db("b.db");
	char *first, *second, *copy;

	add_sitting(a, S1, "2026-09-15T10:00:00Z", "1", "mine");
	add_sitting(b, S1, "2026-09-15T10:00:00Z", "1", "theirs");
	store_close(b);
	merge_expect(a, "b.db", 0, 0, 1);
	first = testio_answers_csv(a);
	/* The original stays; the incoming side is a new sitting pointing at it. */
	ck_assert_ptr_nonnull(strstr(first, S1 ",dev,start,6А,student,01,mini,2,q2,mine,"));
	copy = line_containing(first, ",q2,theirs,,");
	ck_assert_int_ne(strncmp(copy, S1, 36), 0);             /* a sitting id of its own */
	ck_assert_str_eq(copy + strlen(copy) - 38, "," S1 ","); /* conflict_of, no school */
	free(copy);
	/* A second merge finds the kept copy: no new conflict, nothing added. */
	merge_expect(a, "b.db", 0, 1, 0);
	second = testio_answers_csv(a);
	ck_assert_str_eq(second, first);
	free(first);
	free(second);
	store_close(a);
}
END_TEST

/* "respondent/answer to q2/school" of every sitting, in sitting order (a
 * conflicting copy after its original). */
static char *
schools_of(const char *path)
{
	return testio_sql_text(path, "SELECT group_concat(x, ' ') FROM (SELECT s.respondent"
	                             " || '/' || a.value || '/' || s.school AS x FROM sitting s"
	                             " JOIN answer a ON a.sitting_id = s.id AND a.question_id ="
	                             " 'q2' ORDER BY s.started_at, s.conflict_of IS NOT NULL)");
}

/* Merging a school's database: a sitting keeps the school it has, and one
 * without (stored before the school was named) gets the other database's
 * name, conflicting copies included; this database's own stay as they
 * are. */
START_TEST(test_merge_keeps_or_stamps_the_school)
{
	Store *a = open_db("a.db"), *b = open_db("b.db");
	char *cause = NULL, *a_path = db_path("a.db"), *got;
	StoreSittingRecord r = { .status = SITTING_COMPLETED };

	add_sitting(a, S1, "2026-09-15T10:00:00Z", "1", "mine");
	add_sitting(b, S1, "2026-09-15T10:00:00Z", "1", "theirs");
	ck_assert_int_eq(store_school_set(b, "Школа № 2", &cause), 0);
	add_sitting(b, S2, "2026-09-15T10:00:02Z", "1", "two");
	/* A sitting b got from another school (merged or imported earlier). */
	r.sitting = (StoreSitting){ .id = S3,
		                    .wave = "start",
		                    .class_name = "6А",
		                    .audience = "student",
		                    .respondent = "03",
		                    .survey_id = "mini",
		                    .survey_version = 2,
		                    .started_at = "2026-09-15T10:00:03Z",
		                    .school = "Школа № 1" };
	ck_assert_int_eq(store_sitting_insert(b, &r, &cause), 0);
	ck_assert_int_eq(store_answer_insert(b, S3, "q2", "three", false, 0, "", &cause), 0);
	store_close(b);
	merge_expect(a, "b.db", 2, 0, 1);
	got = schools_of(a_path);
	ck_assert_str_eq(got, "01/mine/ 01/theirs/Школа № 2 02/two/Школа № 2 03/three/Школа № 1");
	free(got);
	store_close(a);
	free(a_path);
}
END_TEST

/* The other file must be refused with want in the message, and neither
 * database changed. */
static void
refuse(Store *a, const char *other_path, const char *want)
{
	char *before = testio_answers_csv(a), *after, *cause = NULL;
	size_t n_before = 0, n_after = 0;
	char *other_before = testutil_read_bytes(other_path, &n_before), *other_after;
	StoreMergeResult r;

	ck_assert_int_eq(store_merge(a, other_path, NULL, &r, &cause), -1);
	ck_assert_msg(strstr(cause, want) != NULL, "message was: %s", cause);
	ck_assert_int_eq(r.added + r.present + r.conflicting, 0);
	after = testio_answers_csv(a);
	ck_assert_str_eq(after, before);
	other_after = testutil_read_bytes(other_path, &n_after);
	ck_assert_uint_eq(n_after, n_before);
	ck_assert(n_before == 0 || memcmp(other_before, other_after, n_before) == 0);
	free(before);
	free(after);
	free(other_before);
	free(other_after);
	free(cause);
}

START_TEST(test_unknown_files_refused)
{
	Store *a = open_db("a.db"), *b = open_db("newer.db");
	char *newer = db_path("newer.db"), *foreign = db_path("foreign.db");
	char *garbage = testutil_write_file(dir, "garbage.db", "this is not a database at all");
	char *missing = db_path("missing.db"), *self = db_path("a.db");

	add_sitting(a, S1, "2026-09-15T10:00:00Z", "1", "x");
	add_sitting(b, S2, "2026-09-15T10:00:00Z", "1", "x");
	store_close(b);
	testio_sql_exec(newer, "PRAGMA user_version = 9");
	testio_sql_exec(foreign,
	                "CREATE TABLE sitting (id TEXT); INSERT INTO sitting VALUES ('x')");
	refuse(a, newer,
	       "has schema version 9 but this program has 8; merge it with the Anketa "
	       "version that made it");
	refuse(a, foreign, "foreign.db is not an Anketa database; nothing was merged");
	refuse(a, garbage, "garbage.db is damaged or is not an Anketa database");
	refuse(a, self, "a.db is the database being merged into; nothing was merged");
	{
		char *cause = NULL;
		StoreMergeResult r;

		ck_assert_int_eq(store_merge(a, missing, NULL, &r, &cause), -1);
		ck_assert_ptr_nonnull(strstr(cause, "there is no database at"));
		free(cause);
	}
	free(newer);
	free(foreign);
	free(garbage);
	free(missing);
	free(self);
	store_close(a);
}
END_TEST

/* A database b.db with one sitting (S2), closed, then changed by sql
 * behind Anketa's back; returns its path (the caller frees it). */
static char *
hostile(const char *sql)
{
	Store *b = open_db("b.db");
	char *path = db_path("b.db");

	add_sitting(b, S2, "2026-09-15T10:00:00Z", "1", "x");
	store_close(b);
	testio_sql_exec(path, sql);
	return path;
}

/* A recursive view named answer would make the merge run forever filling
 * the disk (it passes quick_check); a table without a column merge reads
 * would fail half-way: both are refused first, naming the other file. */
START_TEST(test_views_and_missing_columns_refused)
{
	static const struct {
		const char *sql, *want;
	} cases[] = {
		{ "DROP TABLE answer; CREATE VIEW answer AS WITH RECURSIVE r(sitting_id, "
		  "question_id,"
		  " value, score, answered_at) AS (SELECT '" S2 "', 'q1', '1', 1, '' UNION ALL"
		  " SELECT * FROM r) SELECT * FROM r",
		  "its answer is not a table with the columns Anketa writes; nothing was merged" },
		{ "ALTER TABLE sitting RENAME TO s; CREATE VIEW sitting AS SELECT * FROM s",
		  "its sitting is not a table with the columns Anketa writes; nothing was merged" },
		{ "ALTER TABLE sitting DROP COLUMN conflict_of",
		  "its sitting is not a table with the columns Anketa writes" },
		{ "ALTER TABLE sitting DROP COLUMN school",
		  "its sitting is not a table with the columns Anketa writes" },
		{ "DROP TABLE meta; CREATE VIEW meta (key, value) AS SELECT 'school', 'x'",
		  "its meta is not a table with the columns Anketa writes" },
		{ "DROP TABLE survey_source",
		  "its survey_source is not a table with the columns Anketa writes" },
	};
	Store *a = open_db("a.db");

	add_sitting(a, S1, "2026-09-15T10:00:00Z", "1", "x");
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *path = hostile(cases[i].sql),
		     *want = xasprintf("%s is not an Anketa database "
		                       "that can be merged: %s",
		                       path, cases[i].want);

		refuse(a, path, want);
		remove(path);
		free(want);
		free(path);
	}
	store_close(a);
}
END_TEST

/* Fields beyond their limits (store_field_max()) are refused before
 * anything is copied, saying which sitting and which field of the other
 * file; so is a NULL where Anketa needs a value, naming the other file and
 * not the target. */
START_TEST(test_long_fields_and_nulls_refused)
{
	static const struct {
		const char *sql, *want;
	} cases[] = {
		{ "UPDATE sitting SET class_name = printf('%.*c', 20000, 'x')",
		  ": the sitting " S2
		  ": class is 20000 bytes long; at most 24 are allowed; nothing "
		  "was merged" },
		{ "UPDATE sitting SET wave = printf('%.*c', 65, 'w')",
		  ": the sitting " S2 ": wave is 65 bytes long; at most 64 are allowed" },
		{ "UPDATE sitting SET school = printf('%.*c', 201, 's')",
		  ": the sitting " S2 ": school is 201 bytes long; at most 200 are allowed" },
		{ "UPDATE answer SET value = printf('%.*c', 5000, 'y') WHERE question_id = 'q2'",
		  ": the answer to q2 in the sitting " S2 ": value is 5000 bytes long; at most "
		  "4096 are allowed; nothing was merged" },
		{ "CREATE TABLE s AS SELECT * FROM sitting; DROP TABLE sitting;"
		  " ALTER TABLE s RENAME TO sitting; UPDATE sitting SET wave = NULL",
		  " holds a sitting or an answer without a value Anketa needs, or with one it does "
		  "not take; nothing was merged" },
		{ "CREATE TABLE x AS SELECT * FROM answer; DROP TABLE answer;"
		  " ALTER TABLE x RENAME TO answer; UPDATE answer SET value = NULL",
		  " holds a sitting or an answer without a value Anketa needs" },
	};
	Store *a = open_db("a.db");

	add_sitting(a, S1, "2026-09-15T10:00:00Z", "1", "x");
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *path = hostile(cases[i].sql), *want = xasprintf("%s%s", path, cases[i].want);

		refuse(a, path, want);
		remove(path);
		free(want);
		free(path);
	}
	store_close(a);
}
END_TEST

/* Adds sitting S1 (answers q1=1, q2=x) to a new database name, stamped
 * with school. */
static void
school_db(const char *name, const char *school)
{
	Store *store = open_db(name);
	char *cause = NULL;

	ck_assert_int_eq(store_school_set(store, school, &cause), 0);
	add_sitting(store, S1, "2026-09-15T10:00:00Z", "1", "x");
	store_close(store);
}

/* The same paper forms imported in two schools have the same id (it is
 * made from the file alone): merged, the sitting of the second school is
 * kept as a conflict, not taken for the first's; merging again adds
 * nothing, and a third school's is a sitting of its own again. */
START_TEST(test_same_id_of_two_schools_kept_apart)
{
	Store *a = open_db("a.db");
	char *path = db_path("a.db"), *got;

	school_db("b.db", "Школа № 1");
	school_db("c.db", "Школа № 2");
	school_db("d.db", "Школа № 3");
	merge_expect(a, "b.db", 1, 0, 0);
	merge_expect(a, "c.db", 0, 0, 1);
	merge_expect(a, "b.db", 0, 1, 0);
	merge_expect(a, "c.db", 0, 1, 0);
	merge_expect(a, "d.db", 0, 0, 1);
	store_close(a);
	got =
	    testio_sql_text(path, "SELECT group_concat(school || ':' || (conflict_of IS NOT NULL),"
	                          " ',') FROM (SELECT school, conflict_of FROM sitting"
	                          " ORDER BY school)");
	ck_assert_str_eq(got, "Школа № 1:0,Школа № 2:1,Школа № 3:1");
	free(got);
	free(path);
}
END_TEST

/* The other database is only read: its sittings are still all there and
 * it opens cleanly afterwards. */
START_TEST(test_other_left_alone)
{
	Store *a = open_db("a.db"), *b = open_db("b.db");
	char *b_before, *b_after;

	add_sitting(b, S2, "2026-09-15T10:00:00Z", "1", "x");
	b_before = testio_answers_csv(b);
	store_close(b);
	merge_expect(a, "b.db", 1, 0, 0);
	b = open_db("b.db");
	b_after = testio_answers_csv(b);
	ck_assert_str_eq(b_after, b_before);
	free(b_before);
	free(b_after);
	store_close(b);
	store_close(a);
}
END_TEST

/* The survey files kept with the sittings come along, once: merging again
 * changes nothing, and a file this side already has keeps its first time. */
START_TEST(test_merge_carries_survey_files)
{
	Store *a = open_db("a.db"), *b = open_db("b.db");
	char *b_path = db_path("b.db"), *cause = NULL, *text = NULL, *rows;
	size_t len;

	add_sitting(a, S1, "2026-09-15T10:00:00Z", "1", "x");
	ck_assert_int_eq(store_source_put(a, "mini", 2, "h", "id: mini\n", 9, &cause), 0);
	ck_assert_int_eq(store_source_put(a, "mini", 1, "g", "id: old\n", 8, &cause), 0);
	ck_assert_int_eq(store_source_put(b, "mini", 1, "g", "id: old\n", 8, &cause), 0);
	store_close(a);
	testio_sql_exec(b_path, "UPDATE survey_source SET first_seen_at = '2020-01-01T00:00:00Z'");
	merge_expect(b, "a.db", 1, 0, 0);
	merge_expect(b, "a.db", 0, 1, 0);
	ck_assert_int_eq(store_source_get(b, "mini", 2, "h", &text, &len, &cause), 1);
	ck_assert_str_eq(text, "id: mini\n");
	ck_assert_uint_eq(len, 9);
	free(text);
	store_close(b);
	rows = testio_sql_text(b_path, "SELECT group_concat(version || '/' || hash || '/' ||"
	                               " (first_seen_at = '2020-01-01T00:00:00Z'), ' ') FROM"
	                               " (SELECT * FROM survey_source ORDER BY version)");
	ck_assert_str_eq(rows, "1/g/1 2/h/0");
	free(rows);
	free(b_path);
}
END_TEST

/* A kiosk still on the first schema (no survey files) merges all the same. */
START_TEST(test_merge_from_a_schema1_database)
{
	Store *a = open_db("a.db");
	char *a_path = db_path("a.db");
	char *old = db_path("old.db"), *sql_path = testutil_source_path("db/001_initial.sql");
	char *sql = testutil_read_file(sql_path), *count;

	testio_sql_exec(old, sql);
	testio_sql_exec(old,
	                "PRAGMA user_version = 1; PRAGMA application_id = 1095650132;"
	                "INSERT INTO meta VALUES ('device_id', 'old-kiosk');"
	                "INSERT INTO sitting (id, device_id, wave, class_name, audience, survey_id,"
	                " survey_version, survey_hash, started_at, status) VALUES ('" S3 "',"
	                " 'old-kiosk', 'start', '6 а', 'student', 'mini', 2, 'h',"
	                " '2026-09-15T10:00:00Z', 1);"
	                "INSERT INTO answer VALUES ('" S3 "', 'q1', '1', 2, '');");
	merge_expect(a, "old.db", 1, 0, 0);
	merge_expect(a, "old.db", 0, 1, 0);
	store_close(a);
	count = testio_sql_text(a_path, "SELECT school = '' FROM sitting");
	ck_assert_str_eq(count, "1"); /* it had no school */
	free(count);
	/* Its class, spelt before the one spelling rule, is given it once. */
	count = testio_sql_text(a_path, "SELECT class_name FROM sitting");
	ck_assert_str_eq(count, "6А");
	free(count);
	count = testio_sql_text(a_path, "SELECT group_concat(detail, ';') FROM audit"
	                                " WHERE action = 'class-spelling'");
	ck_assert_str_eq(count, "6 а -> 6А: 1 sittings");
	free(count);
	free(a_path);
	count = testio_sql_text(old, "SELECT user_version FROM pragma_user_version");
	ck_assert_str_eq(count, "1"); /* only read */
	free(count);
	free(sql);
	free(sql_path);
	free(old);
}
END_TEST

/* The current entered values of a store, "indicator class school=value;". */
static int
collect_entered(const StoreEntered *e, void *arg)
{
	char *text = arg;
	size_t len = strlen(text);

	snprintf(text + len, 512 - len, "%s %s %s=%s;", e->indicator_id, e->class_name, e->school,
	         e->value);
	return 0;
}

static void
assert_entered(Store *store, const char *want)
{
	char text[512] = "", *cause = NULL;

	ck_assert_int_eq(store_entered_each(store, collect_entered, text, &cause), 0);
	ck_assert_str_eq(text, want);
}

static void
put_entered(Store *store, const char *indicator, const char *value)
{
	StoreEntered e = { "p", indicator, "start", "*", value, NULL, NULL };
	char *cause = NULL;

	ck_assert_int_eq(store_entered_put(store, &e, NULL, &cause), 0);
}

/* Entered values come along by id with their history, each with its
 * school; merging again adds nothing. */
START_TEST(test_merge_carries_entered_values)
{
	Store *a = open_db("a.db"), *b = open_db("b.db");
	char *cause = NULL, *b_path = db_path("b.db"), *n;
	StoreMergeResult r;

	ck_assert_int_eq(store_school_set(b, "Школа № 2", &cause), 0);
	put_entered(b, "2.1", "5");
	put_entered(b, "2.1", "7"); /* replaces 5 */
	put_entered(b, "5.1", "да");
	put_entered(a, "2.1", "3");
	store_close(b);
	ck_assert_int_eq(store_merge(a, b_path, NULL, &r, &cause), 0);
	ck_assert_int_eq(r.entered, 3); /* 5, 7 and да, with the history */
	assert_entered(a, "2.1 * =3;2.1 * Школа № 2=7;5.1 * Школа № 2=да;");
	ck_assert_int_eq(store_merge(a, b_path, NULL, &r, &cause), 0);
	ck_assert_int_eq(r.entered, 0);
	assert_entered(a, "2.1 * =3;2.1 * Школа № 2=7;5.1 * Школа № 2=да;");
	store_close(a);
	n = testio_sql_text(b_path, "SELECT count(*) FROM entered");
	ck_assert_str_eq(n, "3"); /* only read */
	free(n);
	free(b_path);
}
END_TEST

/* Two kiosks each changed the same value after a merge: both changes are
 * kept; the later one is the value, on both sides. */
START_TEST(test_merge_entered_changed_on_two_kiosks)
{
	Store *a = open_db("a.db"), *b = open_db("b.db");
	char *a_path = db_path("a.db"), *b_path = db_path("b.db"), *cause = NULL, *n;
	StoreMergeResult r;

	put_entered(a, "2.1", "5");
	ck_assert_int_eq(store_merge(b, a_path, NULL, &r, &cause), 0); /* B has A's 5 */
	put_entered(a, "2.1", "8");
	put_entered(b, "2.1", "9");
	store_close(a);
	store_close(b);
	testio_sql_exec(a_path, "UPDATE entered SET entered_at = '2027-01-01T10:00:00Z'"
	                        " WHERE value = '8'");
	testio_sql_exec(b_path, "UPDATE entered SET entered_at = '2027-01-02T10:00:00Z'"
	                        " WHERE value = '9'");
	a = open_db("a.db");
	b = open_db("b.db");
	ck_assert_int_eq(store_merge(a, b_path, NULL, &r, &cause), 0);
	ck_assert_int_eq(store_merge(b, a_path, NULL, &r, &cause), 0);
	/* 8 and 9 both replace 5; 9 was entered later. */
	assert_entered(a, "2.1 * =9;");
	assert_entered(b, "2.1 * =9;");
	store_close(a);
	store_close(b);
	n = testio_sql_text(a_path, "SELECT group_concat(value, ' ') FROM"
	                            " (SELECT value FROM entered ORDER BY value)");
	ck_assert_str_eq(n, "5 8 9"); /* the history stays */
	free(n);
	free(a_path);
	free(b_path);
}
END_TEST

/* A school's file of 5000 sittings of the mini survey (R1 to R5000, two
 * answers each), imported in one go: the sittings take rowids 1 to 5000 in
 * that order and sitting k's answers rowids 2k - 1 and 2k; then the
 * sittings 1001 to 4000 are deleted with their answers, which leaves gaps
 * wider than the parts merge reads at a time. */
static void
make_big_school(const char *name)
{
	char *surveys_dir = testutil_source_path("tests/fixtures/store/surveys");
	char *path = db_path(name), *csv_path = db_path("big.csv"), *cause = NULL;
	FILE *csv = fopen(csv_path, "w");
	SurveySet surveys = { 0 };
	Diag diag = { 0 };
	ImportResult r;
	Store *store = open_db(name);

	ck_assert_int_eq(survey_set_load_dir(&surveys, surveys_dir, &diag), 0);
	ck_assert_ptr_nonnull(csv);
	fputs("sitting_id,device_id,wave,class,audience,respondent,survey_id,survey_version,"
	      "question_id,value,score,answered_at\n",
	      csv);
	for (int k = 1; k <= 5000; k++)
		fprintf(csv,
		        ",,start,6А,student,R%d,mini,2,q1,%d,,2026-09-15T10:00:00Z\n"
		        ",,start,6А,student,R%d,mini,2,q2,1|2,,2026-09-15T10:00:01Z\n",
		        k, k % 3 + 1, k);
	ck_assert_int_eq(fclose(csv), 0);
	ck_assert_msg(import_answers_csv(store, &surveys, csv_path, NULL, &r, &cause) == 0, "%s",
	              cause);
	ck_assert_int_eq(r.sittings_added, 5000);
	store_close(store);
	testio_sql_exec(path, "DELETE FROM answer WHERE sitting_id IN (SELECT id FROM sitting"
	                      " WHERE rowid BETWEEN 1001 AND 4000);"
	                      "DELETE FROM sitting WHERE rowid BETWEEN 1001 AND 4000;");
	survey_set_free(&surveys);
	diag_clear(&diag);
	free(surveys_dir);
	free(csv_path);
	free(path);
}

START_TEST(test_merge_in_parts_tells_its_progress)
{
	Store *a, *big;
	char *path = db_path("big.db"), *cause = NULL, *mine, *theirs;
	StoreMergeResult r;
	TestProgress t;
	int lines;

	make_big_school("big.db");
	a = open_db("a.db");
	ck_assert_msg(store_merge(a, path, testutil_progress(&t, 0), &r, &cause) == 0, "%s", cause);
	ck_assert_int_eq(r.added, 2000);
	/* Rows of the other file by rowid: 5000 sittings and 10000 answers in
	 * all. The plan takes the sittings 1-4096, then, after the gap, from
	 * 4097 on (up to 5000); the copy the answers 1-4096 (5000 + 4096),
	 * then, after the gap from 2001 to 8000, from 8001 on (5000 + 10000). */
	ck_assert_str_eq(t.text, "0/0 checking the file\n"
	                         "4096/15000 comparing sittings\n"
	                         "5000/15000 comparing sittings\n"
	                         "9096/15000 copying answers\n"
	                         "15000/15000 copying answers\n");
	testutil_progress_free(&t);
	/* Every answer came, in its order: the same export on both sides. */
	big = open_db("big.db");
	mine = testio_answers_csv(a);
	theirs = testio_answers_csv(big);
	ck_assert_str_eq(mine, theirs);
	lines = 0;
	for (const char *c = mine; *c != '\0'; c++)
		lines += *c == '\n';
	ck_assert_int_eq(lines, 1 + 4000); /* the header, 2000 sittings x 2 answers */
	merge_expect(a, "big.db", 0, 2000, 0);
	free(mine);
	free(theirs);
	store_close(big);
	store_close(a);
	free(path);
}
END_TEST

START_TEST(test_merge_stopped_merges_nothing)
{
	Store *a;
	char *path = db_path("big.db"), *cause = NULL, *before, *after;
	StoreMergeResult r;
	TestProgress t;

	make_big_school("big.db");
	a = open_db("a.db");
	add_sitting(a, S1, "2026-09-15T09:00:00Z", "1", "2");
	before = testio_answers_csv(a);
	/* Stopped when the answers are half copied (the fourth report). */
	ck_assert_int_eq(store_merge(a, path, testutil_progress(&t, 4), &r, &cause), -1);
	ck_assert_str_eq(cause, "stopped on request before the end; nothing was changed or "
	                        "written");
	ck_assert_int_eq(r.added, 0);
	after = testio_answers_csv(a);
	ck_assert_str_eq(after, before);
	/* And nothing is left over that would stand in the way of the next. */
	merge_expect(a, "big.db", 2000, 0, 0);
	free(cause);
	free(before);
	free(after);
	testutil_progress_free(&t);
	store_close(a);
	free(path);
}
END_TEST

static Suite *
merge_suite(void)
{
	Suite *s = suite_create("merge");
	TCase *tc = tcase_create("merge"), *big;

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_merge_is_idempotent);
	tcase_add_test(tc, test_conflict_keeps_both_sides);
	tcase_add_test(tc, test_unknown_files_refused);
	tcase_add_test(tc, test_views_and_missing_columns_refused);
	tcase_add_test(tc, test_long_fields_and_nulls_refused);
	tcase_add_test(tc, test_other_left_alone);
	tcase_add_test(tc, test_merge_carries_survey_files);
	tcase_add_test(tc, test_merge_from_a_schema1_database);
	tcase_add_test(tc, test_merge_keeps_or_stamps_the_school);
	tcase_add_test(tc, test_same_id_of_two_schools_kept_apart);
	tcase_add_test(tc, test_merge_carries_entered_values);
	tcase_add_test(tc, test_merge_entered_changed_on_two_kiosks);
	suite_add_tcase(s, tc);
	/* A school of 5000 sittings imported first: seconds in a release
	 * build, minutes under the sanitizers or valgrind. */
	big = tcase_create("big");
	tcase_add_checked_fixture(big, setup, teardown);
	tcase_set_timeout(big, 600);
	tcase_add_test(big, test_merge_in_parts_tells_its_progress);
	tcase_add_test(big, test_merge_stopped_merges_nothing);
	suite_add_tcase(s, big);
	return s;
}

int
main(void)
{
	return testutil_run(merge_suite());
}
