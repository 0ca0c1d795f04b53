/*
 * test_store.c: the SQLite store: sittings and answers, and every way a
 * database file can be bad (corrupt, read-only, newer, full, killed).
 */
#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "store.h"
#include "testio.h"
#include "testutil.h"
#include "util.h"

static StoreSitting
sample_sitting(void)
{
	StoreSitting s = {
		.wave = "start",
		.class_name = "6А",
		.audience = "student",
		.respondent = "R17",
		.survey_id = "school_day",
		.survey_version = 1,
		.survey_hash = "abc123",
		.started_at = "2026-09-15T10:00:00Z",
	};
	return s;
}

typedef struct {
	char text[4096];
	int n;
} Collected;

/* Collects "sitting|question|value|score|answered_at|status" lines. */
static int
collect(const StoreAnswerRow *row, void *arg)
{
	Collected *c = arg;
	size_t len = strlen(c->text);

	snprintf(c->text + len, sizeof c->text - len, "%.8s|%s|%s|%s|%s|%d\n", row->sitting_id,
	         row->question_id, row->value, row->has_score ? (row->score == 2 ? "2" : "?") : "-",
	         row->answered_at, (int)row->status);
	c->n++;
	return 0;
}

/* Collects each sitting's school as "respondent:school" lines (first
 * answer only). */
static int
collect_school(const StoreAnswerRow *row, void *arg)
{
	Collected *c = arg;
	size_t len = strlen(c->text);

	if (strcmp(row->question_id, "q1") == 0)
		snprintf(c->text + len, sizeof c->text - len, "%s:%s\n", row->respondent,
		         row->school);
	c->n++;
	return 0;
}

START_TEST(test_open_creates_parent_and_device_id)
{
	char *dir = testutil_tmpdir();
	char *path = xasprintf("%s/a/b/anketa.db", dir);
	char *cause = NULL, device[37];
	Store *store = store_open(path, &cause);
	char *mode;

	ck_assert_msg(store != NULL, "%s", cause);
	ck_assert_int_eq(store_schema_version(store), 8);
	ck_assert_int_eq((int)strlen(store_device_id(store)), 36);
	ck_assert_int_eq(store_device_id(store)[14], '4'); /* a random (v4) UUID */
	snprintf(device, sizeof device, "%s", store_device_id(store));
	store_close(store);
	mode = testio_sql_text(path, "PRAGMA journal_mode");
	ck_assert_str_eq(mode, "wal");
	free(mode);
	/* The device id is made once: reopening gives the same one. */
	store = store_open(path, &cause);
	ck_assert_ptr_nonnull(store);
	ck_assert_str_eq(store_device_id(store), device);
	store_close(store);
	free(path);
	free(dir);
}
END_TEST

static int
mode_of(const char *path)
{
	struct stat st;

	ck_assert_msg(stat(path, &st) == 0, "%s: %s", path, strerror(errno));
	return (int)(st.st_mode & 07777);
}

/* Under umask 022 everything the store makes is its owner's alone: the
 * folders 0700, the database and the -wal and -shm it works with 0600; an
 * existing database made 0644 (by an older version) is tightened at open. */
START_TEST(test_files_are_private_whatever_the_umask)
{
	char *dir = testutil_tmpdir(), *cause = NULL, id[37];
	char *path = xasprintf("%s/a/b/anketa.db", dir), *a = xasprintf("%s/a", dir);
	char *b = xasprintf("%s/a/b", dir), *wal = xasprintf("%s-wal", path);
	char *shm = xasprintf("%s-shm", path);
	StoreSitting sitting = sample_sitting();
	mode_t old = umask(022);
	Store *store = store_open(path, &cause);

	ck_assert_msg(store != NULL, "%s", cause);
	ck_assert_int_eq(store_sitting_begin(store, &sitting, id, &cause), 0);
	ck_assert_int_eq(store_answer_put(store, id, "q1", "2", true, 2, NULL, &cause), 0);
	ck_assert_int_eq(mode_of(a), 0700);
	ck_assert_int_eq(mode_of(b), 0700);
	ck_assert_int_eq(mode_of(path), 0600);
	ck_assert_int_eq(mode_of(wal), 0600);
	ck_assert_int_eq(mode_of(shm), 0600);
	store_close(store);
	ck_assert_int_eq(chmod(path, 0644), 0);
	store = store_open(path, &cause);
	ck_assert_msg(store != NULL, "%s", cause);
	ck_assert_int_eq(mode_of(path), 0600);
	store_close(store);
	/* A write-protected one stays write-protected, for others too. */
	ck_assert_int_eq(chmod(path, 0444), 0);
	store_close(store_open(path, &cause));
	free(cause);
	ck_assert_int_eq(mode_of(path), 0400);
	umask(old);
	free(shm);
	free(wal);
	free(b);
	free(a);
	free(path);
	free(dir);
}
END_TEST

/* Every write of the store keeps the field limits (store_field_max()): a
 * class of 25 bytes or a value of 4097 is refused, saying which. */
START_TEST(test_field_limits)
{
	char *cause = NULL, id[37], *value = xcalloc(4098, 1), *problem;
	Store *store = store_open(":memory:", &cause);
	StoreSitting sitting = sample_sitting();

	ck_assert_uint_eq(store_field_max(STORE_FIELD_CLASS), 24);
	ck_assert_uint_eq(store_field_max(STORE_FIELD_VALUE), 4096);
	ck_assert_str_eq(store_field_name(STORE_FIELD_CLASS), "class");
	ck_assert_ptr_null(store_field_problem(STORE_FIELD_CLASS, "ABCDEFGHIJKLMNOPQRSTUVWX"));
	ck_assert_ptr_null(store_field_problem(STORE_FIELD_CLASS, NULL));
	problem = store_field_problem(STORE_FIELD_CLASS, "ABCDEFGHIJKLMNOPQRSTUVWXY");
	ck_assert_str_eq(problem, "class is 25 bytes long; at most 24 are allowed");
	free(problem);
	sitting.class_name = "ABCDEFGHIJKLMNOPQRSTUVWXY";
	ck_assert_int_eq(store_sitting_begin(store, &sitting, id, &cause), -1);
	ck_assert_str_eq(cause, "the sitting cannot be stored: class is 25 bytes long; at most "
	                        "24 are allowed");
	free(cause);
	sitting.class_name = "6А";
	ck_assert_int_eq(store_sitting_begin(store, &sitting, id, &cause), 0);
	memset(value, 'x', 4097);
	ck_assert_int_eq(store_answer_put(store, id, "q1", value, false, 0, NULL, &cause), -1);
	ck_assert_str_eq(cause, "the answer cannot be stored: value is 4097 bytes long; at most "
	                        "4096 are allowed");
	free(cause);
	value[4096] = '\0';
	ck_assert_int_eq(store_answer_put(store, id, "q1", value, false, 0, NULL, &cause), 0);
	free(value);
	store_close(store);
}
END_TEST

START_TEST(test_migrations_match_schema_sql)
{
	static const char columns[] =
	    "SELECT group_concat(m.name || '.' || p.name || ':' || p.type || ':' || p.\"notnull\""
	    " || ':' || ifnull(p.dflt_value, '') || ':' || p.pk, ' ') FROM (SELECT name FROM"
	    " sqlite_schema WHERE type = 'table' ORDER BY name) m, pragma_table_info(m.name) p";
	char *dir = testutil_tmpdir(), *cause = NULL;
	char *path = xasprintf("%s/m.db", dir), *ref = xasprintf("%s/ref.db", dir);
	char *schema_path = testutil_source_path("db/schema.sql");
	char *schema = testutil_read_file(schema_path);
	Store *store = store_open(path, &cause);
	char *got, *want;

	ck_assert_ptr_nonnull(schema);
	ck_assert_ptr_nonnull(store);
	store_close(store);
	testio_sql_exec(ref, schema);
	got = testio_sql_text(path, columns);
	want = testio_sql_text(ref, columns);
	ck_assert_str_eq(got, want);
	free(got);
	free(want);
	free(schema);
	free(schema_path);
	free(ref);
	free(path);
	free(dir);
}
END_TEST

START_TEST(test_sitting_and_answers)
{
	char *cause = NULL, id[37];
	Store *store = store_open(":memory:", &cause);
	StoreSitting s = sample_sitting();
	Collected c = { .text = "", .n = 0 };

	ck_assert_ptr_nonnull(store);
	ck_assert_int_eq(store_sitting_begin(store, &s, id, &cause), 0);
	ck_assert_int_eq((int)strlen(id), 36);
	ck_assert_int_eq(
	    store_answer_put(store, id, "q1", "1", true, 2, "2026-09-15T10:00:05Z", &cause), 0);
	ck_assert_int_eq(
	    store_answer_put(store, id, "q2", "7", false, 0, "2026-09-15T10:00:09Z", &cause), 0);
	ck_assert_int_eq(
	    store_answer_put(store, id, "q3", "3", true, 2, "2026-09-15T10:00:12Z", &cause), 0);
	/* Changing q1 keeps its place in the answer order; deleting q3 removes it;
	 * deleting an absent answer is fine. */
	ck_assert_int_eq(
	    store_answer_put(store, id, "q1", "3", true, 2, "2026-09-15T10:00:20Z", &cause), 0);
	ck_assert_int_eq(store_answer_delete(store, id, "q3", &cause), 0);
	ck_assert_int_eq(store_answer_delete(store, id, "q9", &cause), 0);
	ck_assert_int_eq(store_answers_each(store, collect, &c, NULL, &cause), 0);
	ck_assert_int_eq(c.n, 2);
	char want[128];
	snprintf(want, sizeof want,
	         "%.8s|q1|3|2|2026-09-15T10:00:20Z|0\n%.8s|q2|7|-|2026-09-15T10:00:09Z|0\n", id,
	         id);
	ck_assert_str_eq(c.text, want);
	store_close(store);
}
END_TEST

START_TEST(test_finished_sitting_is_closed)
{
	char *cause = NULL, id[37];
	Store *store = store_open(":memory:", &cause);
	StoreSitting s = sample_sitting();

	ck_assert_int_eq(store_sitting_begin(store, &s, id, &cause), 0);
	ck_assert_int_eq(store_answer_put(store, id, "q1", "1", true, 2, NULL, &cause), 0);
	ck_assert_int_eq(store_sitting_finish(store, id, SITTING_COMPLETED, &cause), 0);
	/* Again the same way: harmless. */
	ck_assert_int_eq(store_sitting_finish(store, id, SITTING_COMPLETED, &cause), 0);
	ck_assert_int_eq(store_answer_put(store, id, "q1", "2", true, 1, NULL, &cause), -1);
	ck_assert_ptr_nonnull(strstr(cause, "already finished"));
	free(cause);
	cause = NULL;
	ck_assert_int_eq(store_answer_delete(store, id, "q1", &cause), -1);
	free(cause);
	cause = NULL;
	ck_assert_int_eq(store_sitting_finish(store, id, SITTING_ABANDONED, &cause), -1);
	free(cause);
	cause = NULL;
	ck_assert_int_eq(
	    store_answer_put(store, "no-such-sitting", "q1", "1", true, 2, NULL, &cause), -1);
	ck_assert_str_eq(cause, "there is no sitting with the id no-such-sitting");
	free(cause);
	cause = NULL;
	/* The same UUID twice is refused. */
	s.id = id;
	ck_assert_int_eq(store_sitting_begin(store, &s, id, &cause), -1);
	ck_assert_ptr_nonnull(strstr(cause, "already stored"));
	free(cause);
	store_close(store);
}
END_TEST

/* Collects "respondent=status;" for every sitting with answers. */
static int
collect_status(const StoreAnswerRow *row, void *arg)
{
	char *out = arg;
	size_t used = strlen(out);

	snprintf(out + used, 256 - used, "%s=%d;", row->respondent, (int)row->status);
	return 0;
}

START_TEST(test_open_sittings_of_this_device_are_abandoned)
{
	char *cause = NULL, a[37], b[37], c[37], text[256] = "";
	Store *store = store_open(":memory:", &cause);
	StoreSitting s = sample_sitting();
	int closed = -1;

	/* A: this kiosk, killed while answering; B: this kiosk, completed;
	 * C: another kiosk's sitting merged in while still open there. */
	s.respondent = "A";
	s.started_at = "2026-09-15T10:00:01Z"; /* export order is start time */
	ck_assert_int_eq(store_sitting_begin(store, &s, a, &cause), 0);
	s.respondent = "B";
	s.started_at = "2026-09-15T10:00:02Z";
	ck_assert_int_eq(store_sitting_begin(store, &s, b, &cause), 0);
	s.respondent = "C";
	s.started_at = "2026-09-15T10:00:03Z";
	s.device_id = "00000000-0000-4000-8000-000000000001";
	ck_assert_int_eq(store_sitting_begin(store, &s, c, &cause), 0);
	ck_assert_int_eq(store_answer_put(store, a, "q1", "1", true, 2, NULL, &cause), 0);
	ck_assert_int_eq(store_answer_put(store, b, "q1", "2", true, 1, NULL, &cause), 0);
	ck_assert_int_eq(store_answer_put(store, c, "q1", "3", true, 0, NULL, &cause), 0);
	ck_assert_int_eq(store_sitting_finish(store, b, SITTING_COMPLETED, &cause), 0);
	/* Only the kiosk holding the database's lock may close them. */
	ck_assert_int_eq(store_sittings_abandon_open(store, &closed, &cause), -1);
	free(cause);
	cause = NULL;
	ck_assert_int_eq(store_lock_kiosk(store, &cause), 0);
	ck_assert_int_eq(store_sittings_abandon_open(store, &closed, &cause), 0);
	ck_assert_int_eq(closed, 1);
	ck_assert_int_eq(store_answers_each(store, collect_status, text, NULL, &cause), 0);
	/* 2 = abandoned (answers kept), 1 = completed, 0 = still in progress. */
	ck_assert_str_eq(text, "A=2;B=1;C=0;");
	store_close(store);
}
END_TEST

/* One kiosk per database: the second store on the same file cannot take
 * the kiosk's lock while the first holds it, and can once it is closed. */
START_TEST(test_one_kiosk_per_database)
{
	char *dir = testutil_tmpdir();
	char *path = xasprintf("%s/anketa.db", dir), *lock = xasprintf("%s.lock", path);
	char *cause = NULL, *want;
	Store *first = store_open(path, &cause), *second = store_open(path, &cause);
	struct stat st;

	ck_assert_ptr_nonnull(first);
	ck_assert_ptr_nonnull(second);
	ck_assert_int_eq(store_lock_kiosk(first, &cause), 0);
	ck_assert_int_eq(store_lock_kiosk(first, &cause), 0); /* taking it again is fine */
	ck_assert_int_eq(store_lock_kiosk(second, &cause), 1);
	want = xasprintf("another Anketa kiosk is already running on the database %s; this one "
	                 "was not started",
	                 path);
	ck_assert_str_eq(cause, want);
	free(cause);
	cause = NULL;
	ck_assert_int_eq(stat(lock, &st), 0);
	ck_assert_int_eq(st.st_mode & 0777, 0600);
	store_close(first);
	ck_assert_int_eq(store_lock_kiosk(second, &cause), 0);
	store_unlock_kiosk(second);
	first = store_open(path, &cause);
	ck_assert_int_eq(store_lock_kiosk(first, &cause), 0);
	store_close(first);
	store_close(second);
	free(want);
	free(lock);
	free(path);
	free(dir);
}
END_TEST

START_TEST(test_pin)
{
	char *cause = NULL;
	Store *store = store_open(":memory:", &cause);

	ck_assert_int_eq(store_pin_check(store, "1234"), -1); /* none set yet */
	ck_assert(store_pin_valid("0000"));
	ck_assert(store_pin_valid("12345678"));
	ck_assert(!store_pin_valid("123"));
	ck_assert(!store_pin_valid("123456789"));
	ck_assert(!store_pin_valid("12a4"));
	ck_assert(!store_pin_valid(""));
	ck_assert_int_eq(store_pin_set(store, "12a4", &cause), -1);
	ck_assert_str_eq(cause, "the PIN must be 4 to 8 digits");
	free(cause);
	cause = NULL;
	ck_assert_int_eq(store_pin_check(store, "1234"), -1); /* the refusal stored nothing */
	ck_assert_int_eq(store_pin_set(store, "0451", &cause), 0);
	ck_assert_int_eq(store_pin_check(store, "0451"), 1);
	ck_assert_int_eq(store_pin_check(store, "451"), 0);
	ck_assert_int_eq(store_pin_check(store, "04510"), 0);
	ck_assert_int_eq(store_pin_set(store, "98765432", &cause), 0);
	ck_assert_int_eq(store_pin_check(store, "0451"), 0);
	ck_assert_int_eq(store_pin_check(store, "98765432"), 1);
	store_close(store);
}
END_TEST

typedef struct {
	char text[256];
} AuditText;

static int
collect_audit(const char *at, const char *action, const char *detail, void *arg)
{
	AuditText *a = arg;
	size_t len = strlen(a->text);

	ck_assert_int_eq((int)strlen(at), 20);
	snprintf(a->text + len, sizeof a->text - len, "%s:%s;", action, detail);
	return 0;
}

static int
collect_class(const StoreClass *k, void *arg)
{
	AuditText *a = arg;
	size_t len = strlen(a->text);

	snprintf(a->text + len, sizeof a->text - len, "%s=%d/%d%s;", k->class_name, k->students,
	         k->parents, k->flagged ? "*" : "");
	return 0;
}

START_TEST(test_classes_and_audit)
{
	char *cause = NULL;
	Store *store = store_open(":memory:", &cause);
	StoreClass first[] = { { "6Б", 25, 20, true }, { "6А", 24, 22, false } };
	StoreClass second[] = { { "9А", 18, 15, false } };
	StoreClass dup[] = { { "5А", 1, 1, false }, { "5А", 2, 2, false } };
	StoreClass got;
	AuditText classes = { "" }, audit = { "" };

	ck_assert_int_eq(store_classes_replace(store, first, 2, &cause), 0);
	ck_assert_int_eq(store_classes_each(store, collect_class, &classes, &cause), 0);
	ck_assert_str_eq(classes.text, "6А=24/22;6Б=25/20*;"); /* name order; 6Б flagged */
	ck_assert_int_eq(store_classes_get(store, "6Б", &got, &cause), 1);
	ck_assert_int_eq(got.students, 25);
	ck_assert_int_eq(got.parents, 20);
	ck_assert(got.flagged);
	ck_assert_int_eq(store_classes_get(store, "6А", &got, &cause), 1);
	ck_assert(!got.flagged);
	ck_assert_int_eq(store_classes_get(store, "7В", &got, &cause), 0);
	/* Replacing drops the old list; a bad list changes nothing. */
	ck_assert_int_eq(store_classes_replace(store, second, 1, &cause), 0);
	ck_assert_int_eq(store_classes_replace(store, dup, 2, &cause), -1);
	ck_assert_str_eq(cause, "the class 5А is listed twice");
	free(cause);
	classes.text[0] = '\0';
	ck_assert_int_eq(store_classes_each(store, collect_class, &classes, &cause), 0);
	ck_assert_str_eq(classes.text, "9А=18/15;");
	ck_assert_int_eq(store_pin_set(store, "1234", &cause), 0);
	ck_assert_int_eq(store_audit_each(store, collect_audit, &audit, &cause), 0);
	ck_assert_str_eq(audit.text, "classes:2 classes, 1 flagged;classes:1 classes, 0 flagged;"
	                             "pin:PIN changed;");
	store_close(store);
}
END_TEST

/* The whole file as bytes (garbage may hold NULs); *len gets the size. */
static char *
read_bytes(const char *path, size_t *len)
{
	char *buf = testutil_read_bytes(path, len);

	ck_assert_ptr_nonnull(buf);
	return buf;
}

/* Opening path must fail with a message containing want, and leave the
 * file's bytes exactly as they were. */
static void
assert_refused_untouched(const char *path, const char *want)
{
	size_t before_len, after_len;
	char *before = read_bytes(path, &before_len), *after, *cause = NULL;
	Store *store = store_open(path, &cause);

	ck_assert_ptr_null(store);
	ck_assert_ptr_nonnull(cause);
	ck_assert_msg(strstr(cause, want) != NULL, "message was: %s", cause);
	ck_assert_msg(strstr(cause, path) != NULL, "message names no file: %s", cause);
	after = read_bytes(path, &after_len);
	ck_assert_uint_eq(before_len, after_len);
	ck_assert(memcmp(before, after, before_len) == 0);
	free(before);
	free(after);
	free(cause);
}

/* A store at dir/name with one completed sitting of n answers. */
static char *
make_store(const char *dir, const char *name, int n)
{
	char *path = xasprintf("%s/%s", dir, name), *cause = NULL, id[37], q[16];
	Store *store = store_open(path, &cause);
	StoreSitting s = sample_sitting();

	ck_assert_msg(store != NULL, "%s", cause);
	ck_assert_int_eq(store_sitting_begin(store, &s, id, &cause), 0);
	for (int i = 0; i < n; i++) {
		snprintf(q, sizeof q, "q%d", i);
		ck_assert_int_eq(store_answer_put(store, id, q, "1", true, 2, NULL, &cause), 0);
	}
	ck_assert_int_eq(store_sitting_finish(store, id, SITTING_COMPLETED, &cause), 0);
	store_close(store);
	return path;
}

/* A database as Anketa's first schema (user_version 1) left it, with one
 * completed sitting of two answers. */
static char *
make_schema1_db(const char *dir, const char *name)
{
	char *path = xasprintf("%s/%s", dir, name);
	char *sql_path = testutil_source_path("db/001_initial.sql");
	char *sql = testutil_read_file(sql_path);

	ck_assert_ptr_nonnull(sql);
	testio_sql_exec(path, sql);
	testio_sql_exec(
	    path, "PRAGMA user_version = 1; PRAGMA application_id = 1095650132;" /* "ANKT" */
	          "INSERT INTO meta VALUES ('device_id', 'old-kiosk');"
	          "INSERT INTO sitting (id, device_id, wave, class_name, audience, respondent,"
	          " survey_id, survey_version, survey_hash, started_at, completed_at, status)"
	          " VALUES ('s-1', 'old-kiosk', 'start', '6А', 'student', 'R1', 'mood', 1, 'h1',"
	          " '2026-09-15T10:00:00Z', '2026-09-15T10:00:09Z', 1);"
	          "INSERT INTO answer VALUES ('s-1', 'q1', '1', 2, '2026-09-15T10:00:05Z');"
	          "INSERT INTO answer VALUES ('s-1', 'q2', '2', NULL, '2026-09-15T10:00:09Z');"
	          "INSERT INTO class VALUES ('6А', 25, 20);");
	free(sql);
	free(sql_path);
	return path;
}

/* Opening a version-1 database migrates it to schema 6: its sittings,
 * answers and device id stay, the new table of survey files is empty, its
 * sittings have no school and its classes are not flagged. */
START_TEST(test_schema1_database_is_migrated)
{
	char *dir = testutil_tmpdir(), *cause = NULL, *count;
	char *path = make_schema1_db(dir, "old.db");
	Store *store = store_open(path, &cause);
	Collected c = { "", 0 };
	AuditText classes = { "" };

	ck_assert_msg(store != NULL, "%s", cause);
	ck_assert_int_eq(store_schema_version(store), 8);
	ck_assert_str_eq(store_device_id(store), "old-kiosk");
	ck_assert_str_eq(store_school(store), "");
	ck_assert_int_eq(store_answers_each(store, collect, &c, NULL, &cause), 0);
	ck_assert_str_eq(c.text, "s-1|q1|1|2|2026-09-15T10:00:05Z|1\n"
	                         "s-1|q2|2|-|2026-09-15T10:00:09Z|1\n");
	classes.text[0] = '\0';
	ck_assert_int_eq(store_classes_each(store, collect_class, &classes, &cause), 0);
	ck_assert_str_eq(classes.text, "6А=25/20;");
	store_close(store);
	count = testio_sql_text(path, "SELECT count(*) || ' ' || (SELECT user_version FROM"
	                              " pragma_user_version) FROM survey_source");
	ck_assert_str_eq(count, "0 8");
	free(count);
	count = testio_sql_text(path, "SELECT count(*) FROM sitting WHERE school = ''");
	ck_assert_str_eq(count, "1");
	free(count);
	free(path);
	free(dir);
}
END_TEST

/* A class split by its spelling in an older database ("7б" left by a click
 * beside "7Б", "6 а" from before the spelling rule) is one class again once
 * the database is opened: every name in its one spelling, each rename in
 * the audit log, and the class list too unless the new name is taken. */
START_TEST(test_class_spellings_are_merged_once_on_open)
{
	char *dir = testutil_tmpdir(), *cause = NULL, *names;
	char *path = make_schema1_db(dir, "old.db");
	AuditText audit = { "" }, classes = { "" }, first;
	Store *store;

	testio_sql_exec(path, "INSERT INTO sitting (id, device_id, wave, class_name, audience,"
	                      " survey_id, survey_version, started_at, status) VALUES"
	                      " ('s-2', 'old-kiosk', 'start', '6 а', 'student', 'mood', 1,"
	                      "  '2026-09-15T10:01:00Z', 1),"
	                      " ('s-3', 'old-kiosk', 'start', '7б', 'student', 'mood', 1,"
	                      "  '2026-09-15T10:02:00Z', 1),"
	                      " ('s-4', 'old-kiosk', 'start', '7б', 'student', 'mood', 1,"
	                      "  '2026-09-15T10:03:00Z', 1),"
	                      " ('s-5', 'old-kiosk', 'start', '7Б', 'student', 'mood', 1,"
	                      "  '2026-09-15T10:04:00Z', 1);"
	                      "INSERT INTO class VALUES ('7б', 25, 20), ('7Б', 24, 22),"
	                      " ('8-в', 20, 18);");
	store = store_open(path, &cause);
	ck_assert_msg(store != NULL, "%s", cause);
	ck_assert_int_eq(store_audit_each(store, collect_audit, &audit, &cause), 0);
	ck_assert_str_eq(audit.text, "class-spelling:6 а -> 6А: 1 sittings;"
	                             "class-spelling:7б -> 7Б: 2 sittings;"
	                             "class-spelling:8-в -> 8В: 0 sittings;");
	/* "7б" of the list keeps its name: "7Б" is listed already. */
	ck_assert_int_eq(store_classes_each(store, collect_class, &classes, &cause), 0);
	ck_assert_str_eq(classes.text, "6А=25/20;7Б=24/22;7б=25/20;8В=20/18;");
	store_close(store);
	names = testio_sql_text(path, "SELECT group_concat(class_name || '=' || n, ' ') FROM"
	                              " (SELECT class_name, count(*) AS n FROM sitting"
	                              " GROUP BY class_name ORDER BY class_name)");
	ck_assert_str_eq(names, "6А=2 7Б=3");
	free(names);
	/* Once: opening again finds nothing to do and adds no audit line. */
	store = store_open(path, &cause);
	first = audit;
	audit.text[0] = '\0';
	ck_assert_int_eq(store_audit_each(store, collect_audit, &audit, &cause), 0);
	ck_assert_str_eq(audit.text, first.text);
	store_close(store);
	free(path);
	free(dir);
}
END_TEST

/* A survey file is kept byte for byte under (id, version, hash); keeping the
 * same key again changes nothing. */
START_TEST(test_survey_source_put_and_get)
{
	char *cause = NULL, *text = NULL;
	Store *store = store_open(":memory:", &cause);
	static const char file[] = "id: mood\nversion: 1\ntitle: \"Настроение\"\n";
	size_t len = 99;

	ck_assert_int_eq(store_source_get(store, "mood", 1, "h1", &text, &len, &cause), 0);
	ck_assert_ptr_null(text);
	ck_assert_uint_eq(len, 0);
	ck_assert_int_eq(store_source_put(store, "mood", 1, "h1", file, strlen(file), &cause), 0);
	ck_assert_int_eq(store_source_put(store, "mood", 1, "h1", "other", 5, &cause), 0);
	ck_assert_int_eq(store_source_get(store, "mood", 1, "h1", &text, &len, &cause), 1);
	ck_assert_uint_eq(len, strlen(file));
	ck_assert_str_eq(text, file);
	free(text);
	/* Another version or another hash is another file. */
	ck_assert_int_eq(store_source_get(store, "mood", 2, "h1", &text, &len, &cause), 0);
	ck_assert_int_eq(store_source_get(store, "mood", 1, "h2", &text, &len, &cause), 0);
	store_close(store);
}
END_TEST

static int
count_entered(const StoreEntered *e, void *arg)
{
	(void)e;
	(*(int *)arg)++;
	return 0;
}

/* A database of the first schema on a read-only medium (an older kiosk's
 * USB stick) is read as it is: its sittings are there and it keeps no
 * survey files; nothing is migrated or written. */
START_TEST(test_schema1_database_reads_read_only)
{
	char *dir = testutil_tmpdir(), *cause = NULL, *text = NULL, *before, *after;
	char *path = make_schema1_db(dir, "old.db");
	size_t len = 7, len_before, len_after;
	Collected c = { "", 0 };
	AuditText classes = { "" };
	StoreClass got;
	Store *store;
	int n_entered = 0;

	before = read_bytes(path, &len_before);
	store = store_open_readonly(path, &cause);
	ck_assert_msg(store != NULL, "%s", cause);
	ck_assert_int_eq(store_schema_version(store), 1);
	ck_assert_int_eq(store_answers_each(store, collect, &c, NULL, &cause), 0);
	ck_assert_int_eq(c.n, 2);
	/* It has no sitting.school: its sittings read as of no school. */
	c = (Collected){ "", 0 };
	ck_assert_int_eq(store_answers_each(store, collect_school, &c, NULL, &cause), 0);
	ck_assert_str_eq(c.text, "R1:\n");
	ck_assert_str_eq(store_school(store), "");
	/* It has no table of entered values: none are read. */
	ck_assert_int_eq(store_entered_each(store, count_entered, &n_entered, &cause), 0);
	ck_assert_int_eq(n_entered, 0);
	/* It has no class.flagged: its classes read as not flagged. */
	ck_assert_int_eq(store_classes_each(store, collect_class, &classes, &cause), 0);
	ck_assert_str_eq(classes.text, "6А=25/20;");
	ck_assert_int_eq(store_classes_get(store, "6А", &got, &cause), 1);
	ck_assert(!got.flagged);
	ck_assert_int_eq(store_source_get(store, "mood", 1, "h1", &text, &len, &cause), 0);
	ck_assert_ptr_null(text);
	ck_assert_uint_eq(len, 0);
	store_close(store);
	after = read_bytes(path, &len_after);
	ck_assert_uint_eq(len_after, len_before);
	ck_assert_int_eq(memcmp(before, after, len_before), 0);
	free(before);
	free(after);
	free(path);
	free(dir);
}
END_TEST

/* Begins a sitting of respondent ("R1".."R9", started that many seconds
 * after 10:00, so that they come in that order) with one answer to q1. */
static void
begin_with_answer(Store *store, const char *respondent, const char *school)
{
	StoreSitting s = sample_sitting();
	char *cause = NULL, id[37], at[21];

	snprintf(at, sizeof at, "2026-09-15T10:00:0%cZ", respondent[1]);
	s.started_at = at;
	s.respondent = respondent;
	s.school = school;
	ck_assert_int_eq(store_sitting_begin(store, &s, id, &cause), 0);
	ck_assert_int_eq(store_answer_put(store, id, "q1", "1", true, 2, NULL, &cause), 0);
}

/* The school's name is kept in meta, read at open and stamped on the
 * sittings begun afterwards; those begun before keep having none. */
START_TEST(test_school_name_stamps_new_sittings)
{
	char *dir = testutil_tmpdir(), *cause = NULL, *meta;
	char *path = xasprintf("%s/s.db", dir);
	Store *store = store_open(path, &cause);
	Collected c = { "", 0 };

	ck_assert_str_eq(store_school(store), "");
	begin_with_answer(store, "R1", NULL);
	ck_assert_int_eq(store_school_set(store, "  Школа № 5\t", &cause), 0);
	ck_assert_str_eq(store_school(store), "Школа № 5");
	begin_with_answer(store, "R2", NULL);
	store_close(store);
	store = store_open(path, &cause);
	ck_assert_str_eq(store_school(store), "Школа № 5");
	begin_with_answer(store, "R3", NULL);
	begin_with_answer(store, "R4", "Гимназия"); /* said by the caller: kept */
	ck_assert_int_eq(store_answers_each(store, collect_school, &c, NULL, &cause), 0);
	ck_assert_str_eq(c.text, "R1:\nR2:Школа № 5\nR3:Школа № 5\nR4:Гимназия\n");
	store_close(store);
	meta = testio_sql_text(path, "SELECT value FROM meta WHERE key = 'school'");
	ck_assert_str_eq(meta, "Школа № 5");
	free(meta);
	meta =
	    testio_sql_text(path, "SELECT group_concat(action || ': ' || detail, '; ') FROM audit");
	ck_assert_str_eq(meta, "school: Школа № 5 (before: none)");
	free(meta);
	free(path);
	free(dir);
}
END_TEST

/* A name that cannot be a school's is refused with a reason, and the name
 * stays what it was. */
START_TEST(test_bad_school_name_refused)
{
	static const struct {
		const char *name, *want;
	} bad[] = {
		{ "", "the school's name is empty" },
		{ " \t ", "the school's name is empty" },
		{ "Школа\n№ 5", "one line without control characters" },
		{ "*", "\"*\" cannot be a school's name" },
	};
	char *cause = NULL, name[202];
	Store *store = store_open(":memory:", &cause);

	ck_assert_int_eq(store_school_set(store, "Лицей", &cause), 0);
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		ck_assert_int_eq(store_school_set(store, bad[i].name, &cause), -1);
		ck_assert_msg(strstr(cause, bad[i].want) != NULL, "message was: %s", cause);
		free(cause);
		ck_assert_str_eq(store_school(store), "Лицей");
	}
	/* 200 bytes are allowed, 201 are not. */
	memset(name, 'x', 201);
	name[201] = '\0';
	ck_assert_int_eq(store_school_set(store, name, &cause), -1);
	ck_assert_str_eq(cause, "the school's name is 201 bytes long; at most 200 are allowed");
	free(cause);
	name[200] = '\0';
	ck_assert_int_eq(store_school_set(store, name, &cause), 0);
	ck_assert_int_eq((int)strlen(store_school(store)), 200);
	store_close(store);
}
END_TEST

START_TEST(test_progress_of_the_day)
{
	char *cause = NULL, id[3][37];
	Store *store = store_open(":memory:", &cause);
	StoreSitting s = sample_sitting();
	StoreProgress p;

	for (int i = 0; i < 3; i++)
		ck_assert_int_eq(store_sitting_begin(store, &s, id[i], &cause), 0);
	ck_assert_int_eq(store_sitting_finish(store, id[0], SITTING_COMPLETED, &cause), 0);
	ck_assert_int_eq(store_sitting_finish(store, id[1], SITTING_COMPLETED, &cause), 0);
	ck_assert_int_eq(store_sitting_finish(store, id[2], SITTING_ABANDONED, &cause), 0);
	/* All three started after 2000; none after 2999. */
	ck_assert_int_eq(store_progress_since(store, "2000-01-01T00:00:00Z", &p, &cause), 0);
	ck_assert_int_eq(p.completed, 2);
	ck_assert_int_eq(p.unfinished, 1);
	ck_assert_int_eq(store_progress_since(store, "2999-01-01T00:00:00Z", &p, &cause), 0);
	ck_assert_int_eq(p.completed + p.unfinished, 0);
	store_close(store);
}
END_TEST

START_TEST(test_garbage_file_refused)
{
	char *dir = testutil_tmpdir();
	char *path = xasprintf("%s/garbage.db", dir);
	char *wal = xasprintf("%s-wal", path);
	FILE *f = fopen(path, "wb");

	for (int i = 0; i < 4096; i++)
		fputs("no db ", f);
	fclose(f);
	assert_refused_untouched(path, "is damaged or is not an Anketa database");
	ck_assert_int_ne(access(wal, F_OK), 0); /* not even a log was started */
	free(wal);
	free(path);
	free(dir);
}
END_TEST

START_TEST(test_damaged_page_refused)
{
	char *dir = testutil_tmpdir();
	char *path = make_store(dir, "damaged.db", 400);
	int fd = open(path, O_WRONLY);
	char junk[512];

	/* 400 answers fill several b-tree pages; scribble over the third page. */
	memset(junk, 0x5a, sizeof junk);
	ck_assert_int_eq((int)pwrite(fd, junk, sizeof junk, 2 * 4096), (int)sizeof junk);
	close(fd);
	assert_refused_untouched(path, "is damaged or is not an Anketa database");
	free(path);
	free(dir);
}
END_TEST

START_TEST(test_newer_schema_refused)
{
	char *dir = testutil_tmpdir();
	char *path = make_store(dir, "newer.db", 1);

	testio_sql_exec(path, "PRAGMA user_version = 99");
	assert_refused_untouched(path, "newer version of Anketa (schema 99; this program knows "
	                               "up to 8)");
	free(path);
	free(dir);
}
END_TEST

START_TEST(test_foreign_database_refused)
{
	char *dir = testutil_tmpdir();
	char *path = xasprintf("%s/other.db", dir);

	testio_sql_exec(path, "CREATE TABLE t (x); INSERT INTO t VALUES (1)");
	assert_refused_untouched(path, "is not an Anketa database");
	free(path);
	free(dir);
}
END_TEST

/* In a child process (as the user nobody when we are root, since root
 * writes through chmod 0444): opening path must fail saying read-only and
 * change nothing. Returns the child's exit status: 0 when all held. */
/* In a child process, as an unprivileged user: opens the read-only file and
 * returns 0 when the store refuses it with the right message and leaves it
 * untouched, or a code saying what went wrong. */
static unsigned char
read_only_verdict(const char *path)
{
	char *cause = NULL;
	size_t len;
	struct stat st;

	if (geteuid() == 0 && (setgid(65534) != 0 || setuid(65534) != 0))
		return 10;
	if (access(path, W_OK) == 0)
		return 11; /* the file is writable after all: the test proves nothing */
	stat(path, &st);
	len = (size_t)st.st_size;
	if (store_open(path, &cause) != NULL)
		return 12;
	if (strstr(cause, "is read-only") == NULL)
		return 13;
	free(cause);
	stat(path, &st);
	return (size_t)st.st_size == len ? 0 : 14;
}

static int
open_read_only_in_child(const char *path)
{
	int fds[2];
	pid_t pid;
	int status;
	unsigned char result = 255;

	ck_assert_int_eq(pipe(fds), 0);
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		/* The verdict goes through the pipe and the child then kills
		 * itself: it must not run exit-time checks (valgrind's leak check
		 * would blame it for the parent's test allocations). */
		result = read_only_verdict(path);
		if (write(fds[1], &result, 1) != 1)
			result = 255;
		raise(SIGKILL);
	}
	close(fds[1]);
	ck_assert_int_eq(read(fds[0], &result, 1), 1);
	close(fds[0]);
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert(WIFSIGNALED(status));
	return result;
}

START_TEST(test_read_only_file_refused)
{
	char *dir = testutil_tmpdir();
	char *path = make_store(dir, "ro.db", 3);
	char *cause = NULL;
	Store *store;

	chmod(dir, 0755);
	chmod(path, 0444);
	ck_assert_int_eq(open_read_only_in_child(path), 0);
	/* Made writable again, it opens and still holds its 3 answers. */
	chmod(path, 0644);
	store = store_open(path, &cause);
	ck_assert_msg(store != NULL, "%s", cause);
	store_close(store);
	free(path);
	free(dir);
}
END_TEST

static int
count_answers(const StoreAnswerRow *row, void *arg)
{
	(void)row;
	(*(int *)arg)++;
	return 0;
}

static off_t
file_size(const char *path)
{
	struct stat st;

	ck_assert_int_eq(stat(path, &st), 0);
	return st.st_size;
}

START_TEST(test_read_only_open_reads_and_writes_nothing)
{
	char *dir = testutil_tmpdir();
	char *path = make_store(dir, "stick.db", 3), *empty = xasprintf("%s/empty.db", dir);
	char *before, *after, *want, *cause = NULL;
	size_t len_before, len_after;
	Store *store;
	FILE *f;
	int n = 0;
	AuditText audit = { "" };

	before = read_bytes(path, &len_before);
	store = store_open_readonly(path, &cause);
	ck_assert_msg(store != NULL, "%s", cause);
	ck_assert(store_is_readonly(store));
	/* Its 3 answers are there; the audit line is dropped, not written. */
	ck_assert_int_eq(store_answers_each(store, count_answers, &n, NULL, &cause), 0);
	ck_assert_int_eq(n, 3);
	ck_assert_int_eq(store_audit_add(store, "export", "scores csv", &cause), 0);
	ck_assert_int_eq(store_audit_each(store, collect_audit, &audit, &cause), 0);
	ck_assert_str_eq(audit.text, "");
	store_close(store);
	after = read_bytes(path, &len_after);
	ck_assert_uint_eq(len_after, len_before);
	ck_assert_int_eq(memcmp(before, after, len_before), 0);
	/* An empty file has nothing to read and is not made a database. */
	f = fopen(empty, "wb");
	fclose(f);
	ck_assert_ptr_null(store_open_readonly(empty, &cause));
	want = xasprintf("the file %s is empty: it is not an Anketa database; it was left as it is",
	                 empty);
	ck_assert_str_eq(cause, want);
	ck_assert_uint_eq(file_size(empty), 0);
	free(want);
	free(cause);
	free(before);
	free(after);
	free(empty);
	free(path);
	free(dir);
}
END_TEST

static int
stored_answers(const char *path)
{
	char *cause = NULL;
	Store *store = store_open(path, &cause);
	int n = 0;

	ck_assert_msg(store != NULL, "%s", cause);
	ck_assert_int_eq(store_answers_each(store, count_answers, &n, NULL, &cause), 0);
	store_close(store);
	return n;
}

/* kill -9 in the middle of answering: every answer store_answer_put()
 * acknowledged before the kill is in the database afterwards. */
/* A header whose schema format SQLite does not know ("unsupported file
 * format" in SQLite's words) is a damaged file, said as one. */
START_TEST(test_unknown_file_format_refused)
{
	char *dir = testutil_tmpdir();
	char *path = make_store(dir, "format.db", 1);
	static const unsigned char format9[4] = { 0, 0, 0, 9 };
	char *cause = NULL;
	int fd = open(path, O_WRONLY);

	ck_assert_int_eq((int)pwrite(fd, format9, sizeof format9, 44), (int)sizeof format9);
	close(fd);
	assert_refused_untouched(path, "is damaged or is not an Anketa database");
	ck_assert_ptr_null(store_open_readonly(path, &cause));
	ck_assert_msg(strstr(cause, "is damaged or is not an Anketa database") != NULL, "%s",
	              cause);
	free(cause);
	free(path);
	free(dir);
}
END_TEST

/* Exports and the report open with store_open_existing(): a missing file is
 * not created and an empty one is not made a database. */
START_TEST(test_open_existing_refuses_missing_and_empty)
{
	char *dir = testutil_tmpdir(), *cause = NULL;
	char *missing = xasprintf("%s/none.db", dir), *empty = xasprintf("%s/zero.db", dir);
	char *want = xasprintf("the file %s is empty: it is not an Anketa database; it was left as "
	                       "it is",
	                       empty);
	char *good = make_store(dir, "good.db", 2);
	Store *store;

	ck_assert_ptr_null(store_open_existing(missing, &cause));
	ck_assert_ptr_nonnull(strstr(cause, "there is no database at"));
	ck_assert_int_ne(access(missing, F_OK), 0);
	free(cause);
	fclose(fopen(empty, "wb"));
	ck_assert_ptr_null(store_open_existing(empty, &cause));
	ck_assert_str_eq(cause, want);
	ck_assert_uint_eq(file_size(empty), 0);
	free(cause);
	store = store_open_existing(good, &cause);
	ck_assert_msg(store != NULL, "%s", cause);
	store_close(store);
	free(good);
	free(want);
	free(empty);
	free(missing);
	free(dir);
}
END_TEST

START_TEST(test_killed_process_loses_nothing_committed)
{
	char *dir = testutil_tmpdir();
	char *path = make_store(dir, "killed.db", 0);
	int fds[2], acked = 0, one, status;
	pid_t pid;

	ck_assert_int_eq(pipe(fds), 0);
	pid = fork();
	if (pid == 0) {
		StoreSitting s = sample_sitting();
		char *cause = NULL, id[37], q[16];
		Store *store = store_open(path, &cause);

		close(fds[0]);
		if (store == NULL || store_sitting_begin(store, &s, id, &cause) != 0)
			_exit(20);
		for (int i = 0;; i++) {
			snprintf(q, sizeof q, "q%d", i);
			if (store_answer_put(store, id, q, "2", true, 1, NULL, &cause) != 0)
				_exit(21);
			one = 1;
			if (write(fds[1], &one, sizeof one) != sizeof one)
				_exit(22);
		}
	}
	close(fds[1]);
	while (acked < 150 && read(fds[0], &one, sizeof one) == sizeof one)
		acked++;
	kill(pid, SIGKILL);
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert(WIFSIGNALED(status));
	/* Answers acknowledged after our count stopped may be there too. */
	while (read(fds[0], &one, sizeof one) == sizeof one)
		acked++;
	close(fds[0]);
	ck_assert_int_ge(acked, 150);
	int stored = stored_answers(path);
	ck_assert_msg(stored == acked || stored == acked + 1, "acked %d, stored %d", acked, stored);
	free(path);
	free(dir);
}
END_TEST

/*
 * A full disk for the kiosk's path (store_answer_put), simulated with a VFS
 * shim registered as SQLite's default: once the byte budget is spent, every
 * write fails with SQLITE_FULL, exactly what the unix VFS returns for
 * ENOSPC. (tests/e2e/data_full_disk.sh fills a real tmpfs under import.)
 */
typedef struct {
	sqlite3_file base;
	sqlite3_file *real; /* follows this struct in the same allocation */
} ShimFile;

static sqlite3_vfs *shim_real_vfs;
static sqlite3_vfs shim_vfs;
static sqlite3_io_methods shim_io;
static long long shim_budget = -1; /* bytes that may still be written; -1: no limit */

#define SHIM_REAL(f) (((ShimFile *)(f))->real)

static int
shim_close(sqlite3_file *f)
{
	return SHIM_REAL(f)->pMethods->xClose(SHIM_REAL(f));
}

static int
shim_read(sqlite3_file *f, void *buf, int n, sqlite3_int64 off)
{
	return SHIM_REAL(f)->pMethods->xRead(SHIM_REAL(f), buf, n, off);
}

static int
shim_write(sqlite3_file *f, const void *buf, int n, sqlite3_int64 off)
{
	if (shim_budget >= 0) {
		if (shim_budget < n)
			return SQLITE_FULL;
		shim_budget -= n;
	}
	return SHIM_REAL(f)->pMethods->xWrite(SHIM_REAL(f), buf, n, off);
}

static int
shim_truncate(sqlite3_file *f, sqlite3_int64 size)
{
	return SHIM_REAL(f)->pMethods->xTruncate(SHIM_REAL(f), size);
}

static int
shim_sync(sqlite3_file *f, int flags)
{
	return SHIM_REAL(f)->pMethods->xSync(SHIM_REAL(f), flags);
}

static int
shim_size(sqlite3_file *f, sqlite3_int64 *size)
{
	return SHIM_REAL(f)->pMethods->xFileSize(SHIM_REAL(f), size);
}

static int
shim_lock(sqlite3_file *f, int level)
{
	return SHIM_REAL(f)->pMethods->xLock(SHIM_REAL(f), level);
}

static int
shim_unlock(sqlite3_file *f, int level)
{
	return SHIM_REAL(f)->pMethods->xUnlock(SHIM_REAL(f), level);
}

static int
shim_reserved(sqlite3_file *f, int *out)
{
	return SHIM_REAL(f)->pMethods->xCheckReservedLock(SHIM_REAL(f), out);
}

static int
shim_control(sqlite3_file *f, int op, void *arg)
{
	return SHIM_REAL(f)->pMethods->xFileControl(SHIM_REAL(f), op, arg);
}

static int
shim_sector(sqlite3_file *f)
{
	return SHIM_REAL(f)->pMethods->xSectorSize(SHIM_REAL(f));
}

static int
shim_device(sqlite3_file *f)
{
	return SHIM_REAL(f)->pMethods->xDeviceCharacteristics(SHIM_REAL(f));
}

static int
shim_shm_map(sqlite3_file *f, int page, int size, int extend, void volatile **out)
{
	return SHIM_REAL(f)->pMethods->xShmMap(SHIM_REAL(f), page, size, extend, out);
}

static int
shim_shm_lock(sqlite3_file *f, int offset, int n, int flags)
{
	return SHIM_REAL(f)->pMethods->xShmLock(SHIM_REAL(f), offset, n, flags);
}

static void
shim_shm_barrier(sqlite3_file *f)
{
	SHIM_REAL(f)->pMethods->xShmBarrier(SHIM_REAL(f));
}

static int
shim_shm_unmap(sqlite3_file *f, int del)
{
	return SHIM_REAL(f)->pMethods->xShmUnmap(SHIM_REAL(f), del);
}

static int
shim_open(sqlite3_vfs *vfs, const char *name, sqlite3_file *file, int flags, int *out_flags)
{
	ShimFile *shim = (ShimFile *)file;
	int rc;

	(void)vfs;
	shim->real = (sqlite3_file *)(shim + 1);
	rc = shim_real_vfs->xOpen(shim_real_vfs, name, shim->real, flags, out_flags);
	shim->base.pMethods = shim->real->pMethods ? &shim_io : NULL;
	return rc;
}

/* Makes the shim SQLite's default VFS (once per process). */
static void
shim_install(void)
{
	if (shim_real_vfs != NULL)
		return;
	shim_real_vfs = sqlite3_vfs_find(NULL);
	shim_vfs = *shim_real_vfs;
	shim_vfs.zName = "fullshim";
	shim_vfs.szOsFile = (int)sizeof(ShimFile) + shim_real_vfs->szOsFile;
	shim_vfs.xOpen = shim_open;
	shim_io = (sqlite3_io_methods){
		2,
		shim_close,
		shim_read,
		shim_write,
		shim_truncate,
		shim_sync,
		shim_size,
		shim_lock,
		shim_unlock,
		shim_reserved,
		shim_control,
		shim_sector,
		shim_device,
		shim_shm_map,
		shim_shm_lock,
		shim_shm_barrier,
		shim_shm_unmap,
		NULL,
		NULL,
	};
	ck_assert_int_eq(sqlite3_vfs_register(&shim_vfs, 1), SQLITE_OK);
}

START_TEST(test_full_disk_keeps_what_was_stored)
{
	char *dir = testutil_tmpdir(), *path, *cause = NULL, id[37], q[16];
	char value[2001];
	StoreSitting s = sample_sitting();
	Store *store;
	int stored = 0;

	shim_install();
	path = make_store(dir, "full.db", 0);
	store = store_open(path, &cause);
	ck_assert_int_eq(store_sitting_begin(store, &s, id, &cause), 0);
	memset(value, 'x', 2000);
	value[2000] = '\0';
	shim_budget = 256 * 1024; /* the disk fills after about 256 KiB more */
	for (int i = 0; i < 100000; i++) {
		snprintf(q, sizeof q, "q%d", i);
		if (store_answer_put(store, id, q, value, false, 0, NULL, &cause) != 0)
			break;
		stored++;
	}
	shim_budget = -1;
	ck_assert_ptr_nonnull(cause);
	ck_assert_msg(strstr(cause, "is full: nothing was saved; free some space") != NULL, "%s",
	              cause);
	ck_assert_int_gt(stored, 10); /* the limit was reached after real writes */
	free(cause);
	store_close(store);
	/* Space again: everything acknowledged is there, nothing more, the file
	 * passes the integrity check at open, and answering goes on. */
	ck_assert_int_eq(stored_answers(path), stored);
	store = store_open(path, &cause);
	ck_assert_int_eq(store_answer_put(store, id, "after", "1", true, 2, NULL, &cause), 0);
	store_close(store);
	ck_assert_int_eq(stored_answers(path), stored + 1);
	free(path);
	free(dir);
}
END_TEST

static Suite *
store_suite(void)
{
	Suite *s = suite_create("store");
	TCase *tc = tcase_create("store");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_open_creates_parent_and_device_id);
	tcase_add_test(tc, test_migrations_match_schema_sql);
	tcase_add_test(tc, test_field_limits);
	tcase_add_test(tc, test_files_are_private_whatever_the_umask);
	tcase_add_test(tc, test_schema1_database_is_migrated);
	tcase_add_test(tc, test_class_spellings_are_merged_once_on_open);
	tcase_add_test(tc, test_schema1_database_reads_read_only);
	tcase_add_test(tc, test_survey_source_put_and_get);
	tcase_add_test(tc, test_sitting_and_answers);
	tcase_add_test(tc, test_finished_sitting_is_closed);
	tcase_add_test(tc, test_open_sittings_of_this_device_are_abandoned);
	tcase_add_test(tc, test_one_kiosk_per_database);
	tcase_add_test(tc, test_pin);
	tcase_add_test(tc, test_school_name_stamps_new_sittings);
	tcase_add_test(tc, test_bad_school_name_refused);
	tcase_add_test(tc, test_classes_and_audit);
	tcase_add_test(tc, test_progress_of_the_day);
	tcase_add_test(tc, test_garbage_file_refused);
	tcase_add_test(tc, test_damaged_page_refused);
	tcase_add_test(tc, test_newer_schema_refused);
	tcase_add_test(tc, test_foreign_database_refused);
	tcase_add_test(tc, test_unknown_file_format_refused);
	tcase_add_test(tc, test_open_existing_refuses_missing_and_empty);
	tcase_add_test(tc, test_read_only_file_refused);
	tcase_add_test(tc, test_read_only_open_reads_and_writes_nothing);
	tcase_add_test(tc, test_killed_process_loses_nothing_committed);
	tcase_add_test(tc, test_full_disk_keeps_what_was_stored);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return testutil_run(store_suite());
}
