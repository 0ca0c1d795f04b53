/*
 * test_import.c: the answers CSV into the store: grouping, computed scores,
 * the round trip with export, and every kind of bad row refused whole.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "import.h"
#include "store.h"
#include "survey.h"
#include "testbuild.h"
#include "testio.h"
#include "testutil.h"
#include "util.h"

#define HEADER                                                                                     \
	"sitting_id,device_id,wave,class,audience,respondent,survey_id,survey_version,"            \
	"question_id,value,score,answered_at"
#define FULL_HEADER HEADER ",status,started_at,completed_at,visit_id,survey_hash,conflict_of"

static SurveySet surveys;
static char *dir;

static void
setup(void)
{
	char *surveys_dir = testutil_source_path("tests/fixtures/store/surveys");
	Diag diag = { 0 };

	memset(&surveys, 0, sizeof surveys);
	ck_assert_int_eq(survey_set_load_dir(&surveys, surveys_dir, &diag), 0);
	ck_assert_int_eq(surveys.n, 1);
	dir = testutil_tmpdir();
	free(surveys_dir);
}

static void
teardown(void)
{
	survey_set_free(&surveys);
	free(dir);
}

/* Imports text (written to dir/name), telling progress (may be NULL);
 * returns 0 or -1 with *cause. */
static int
import_text(Store *store, const char *name, const char *text, const Progress *progress,
            ImportResult *r, char **cause)
{
	char *path = testutil_write_file(dir, name, text);
	int rc = import_answers_csv(store, &surveys, path, progress, r, cause);

	free(path);
	return rc;
}

/* Renders each answer as "respondent:question=value/score/status" lines. */
static int
render(const StoreAnswerRow *row, void *arg)
{
	char **text = arg, score[32] = "-", *next;

	if (row->has_score)
		snprintf(score, sizeof score, "%g", row->score);
	next = xasprintf("%s%s:%s=%s/%s/%s\n", *text, row->respondent, row->question_id, row->value,
	                 score, store_status_name(row->status));
	free(*text);
	*text = next;
	return 0;
}

/* Every stored answer, one line each as line_of writes it. */
static char *
render_with(Store *store, StoreAnswerFn line_of)
{
	char *text = xstrdup(""), *cause = NULL;

	ck_assert_int_eq(store_answers_each(store, line_of, &text, NULL, &cause), 0);
	return text;
}

static char *
render_store(Store *store)
{
	return render_with(store, render);
}

START_TEST(test_paper_forms_grouped)
{
	char *cause = NULL, *text;
	Store *store = store_open(":memory:", &cause);
	ImportResult r;

	/* Excel's Russian CSV: BOM, semicolons, CRLF. Rows without a sitting id
	 * group by (wave, class, respondent, survey): R1 and R2, whatever the
	 * spelling of the class ("6а", "6 А" are the kiosk's "6А"). */
	ck_assert_int_eq(import_text(store, "paper.csv",
	                             "\xef\xbb\xbfsitting_id;device_id;wave;class;audience;"
	                             "respondent;survey_id;survey_version;question_id;value;score;"
	                             "answered_at\r\n"
	                             ";;start;6А;student;R1;mini;;q1;1;;2026-09-15T10:00:05Z\r\n"
	                             ";;start;6а;student;R1;mini;;q2;1|3;;2026-09-15T10:00:09Z\r\n"
	                             ";;start;6А;student;R2;mini;;q1;3;;2026-09-15T11:00:00Z\r\n"
	                             ";;start;6 А;student;R1;mini;;age;12;;2026-09-15T10:00:01Z\r\n"
	                             ";;start;6А;student;R2;mini;;note;\"да; нет\";;\r\n",
	                             NULL, &r, &cause),
	                 0);
	ck_assert_int_eq(r.sittings_added, 2);
	ck_assert_int_eq(r.sittings_present, 0);
	ck_assert_int_eq((int)r.answers_added, 5);
	text = render_store(store);
	/* Scores from the survey: q1 option 1 = 2, option 3 = 0; q2 options 1
	 * and 3 = 1 + 0.5 = 1.5; number and text questions have none. R1 started
	 * 10:00:01, before R2 (11:00:00), so it comes first. */
	ck_assert_str_eq(text, "R1:q1=1/2/completed\n"
	                       "R1:q2=1|3/1.5/completed\n"
	                       "R1:age=12/-/completed\n"
	                       "R2:q1=3/0/completed\n"
	                       "R2:note=да; нет/-/completed\n");
	free(text);
	store_close(store);
}
END_TEST

START_TEST(test_paper_forms_imported_twice_are_not_doubled)
{
	char *cause = NULL;
	Store *store = store_open(":memory:", &cause);
	ImportResult r;
	static const char *const paper =
	    "sitting_id,device_id,wave,class,audience,respondent,survey_id,survey_version,"
	    "question_id,value,score,answered_at\n"
	    ",,start,6А,student,R1,mini,,q1,1,,2026-09-15T10:00:05Z\n"
	    ",,start,6А,student,R2,mini,,q1,3,,2026-09-15T11:00:00Z\n";

	ck_assert_int_eq(import_text(store, "a.csv", paper, NULL, &r, &cause), 0);
	ck_assert_int_eq(r.sittings_added, 2);
	/* The same forms typed in again: found, not added. */
	ck_assert_int_eq(import_text(store, "b.csv", paper, NULL, &r, &cause), 0);
	ck_assert_int_eq(r.sittings_added, 0);
	ck_assert_int_eq(r.sittings_present, 2);
	ck_assert_int_eq((int)r.answers_added, 0);
	/* A different form of R1 in the same wave is a sitting of its own. */
	ck_assert_int_eq(
	    import_text(store, "c.csv",
	                "sitting_id,device_id,wave,class,audience,respondent,"
	                "survey_id,survey_version,question_id,value,score,answered_at\n"
	                ",,start,6А,student,R1,mini,,q1,2,,2026-09-16T10:00:05Z\n",
	                NULL, &r, &cause),
	    0);
	ck_assert_int_eq(r.sittings_added, 1);
	ck_assert_int_eq(r.sittings_present, 0);
	store_close(store);
}
END_TEST

static int
first_times(const StoreAnswerRow *row, void *arg)
{
	char *out = arg;

	snprintf(out, 64, "%s %s %s", row->started_at, row->completed_at, row->device_id);
	return 1; /* the first row is enough */
}

START_TEST(test_sitting_times_from_answers)
{
	char *cause = NULL, got[64];
	Store *store = store_open(":memory:", &cause);
	ImportResult r;
	char want[64];

	ck_assert_int_eq(import_text(store, "t.csv",
	                             HEADER
	                             "\n"
	                             ",,start,6А,student,R1,mini,,q1,1,,2026-09-15T10:00:05Z\n"
	                             ",,start,6А,student,R1,mini,,q2,2,,2026-09-15T10:07:00Z\n"
	                             ",,start,6А,student,R1,mini,,age,9,,2026-09-15T10:00:01Z\n",
	                             NULL, &r, &cause),
	                 0);
	ck_assert_int_eq(store_answers_each(store, first_times, got, NULL, &cause), 1);
	/* Started at the earliest answer, completed at the latest; an empty
	 * device_id means this database's device. */
	snprintf(want, sizeof want, "2026-09-15T10:00:01Z 2026-09-15T10:07:00Z %s",
	         store_device_id(store));
	ck_assert_str_eq(got, want);
	store_close(store);
}
END_TEST

/* Sitting ...0a has no school: the database it came from had no name. */
static const char round_trip_csv[] = FULL_HEADER
    ",school\n"
    "00000000-0000-4000-8000-00000000000b,dev-a,start,6А,student,R1,mini,2,q1,2,1,"
    "2026-09-15T10:00:05Z,completed,2026-09-15T10:00:00Z,2026-09-15T10:01:00Z,visit-1,hash-1,,"
    "Школа № 1\n"
    "00000000-0000-4000-8000-00000000000b,dev-a,start,6А,student,R1,mini,2,note,"
    "\"say \"\"hi\"\", ok\",,2026-09-15T10:00:09Z,completed,2026-09-15T10:00:00Z,"
    "2026-09-15T10:01:00Z,visit-1,hash-1,,Школа № 1\n"
    "00000000-0000-4000-8000-00000000000a,dev-b,final,7Б,parent,,mini,1,q2,1|2,3,"
    "2026-09-16T08:00:00Z,in_progress,2026-09-16T07:59:00Z,,,,,\n"
    "00000000-0000-4000-8000-00000000000c,dev-b,final,7Б,parent,P,mini,2,age,7,,,abandoned,"
    "2026-09-17T07:59:00Z,,,h,00000000-0000-4000-8000-00000000000a,\"Гимназия, 2\"\n";

START_TEST(test_round_trip_of_a_file)
{
	char *cause = NULL, *first, *second;
	Store *a = store_open(":memory:", &cause), *b = store_open(":memory:", &cause);
	ImportResult r;

	ck_assert_int_eq(import_text(a, "rt.csv", round_trip_csv, NULL, &r, &cause), 0);
	ck_assert_int_eq(r.sittings_added, 3);
	first = testio_answers_csv(a);
	ck_assert_str_eq(first, round_trip_csv);
	ck_assert_int_eq(import_text(b, "rt2.csv", first, NULL, &r, &cause), 0);
	second = testio_answers_csv(b);
	ck_assert_str_eq(second, first);
	/* Importing the same file again adds nothing: every sitting is there. */
	ck_assert_int_eq(import_text(b, "rt3.csv", first, NULL, &r, &cause), 0);
	ck_assert_int_eq(r.sittings_added, 0);
	ck_assert_int_eq(r.sittings_present, 3);
	ck_assert_int_eq((int)r.answers_added, 0);
	free(first);
	free(second);
	store_close(a);
	store_close(b);
}
END_TEST

START_TEST(test_round_trip_of_a_kiosk_store)
{
	char *cause = NULL, *first, *second, id[37];
	Store *kiosk = store_open(":memory:", &cause), *empty = store_open(":memory:", &cause);
	StoreSitting s = { .wave = "start",
		           .class_name = "6А",
		           .audience = "student",
		           .respondent = "R9",
		           .survey_id = "mini",
		           .survey_version = 2,
		           .survey_hash = "abc" };
	ImportResult r;

	ck_assert_int_eq(store_sitting_begin(kiosk, &s, id, &cause), 0);
	ck_assert_int_eq(store_answer_put(kiosk, id, "q1", "2", true, 1, NULL, &cause), 0);
	ck_assert_int_eq(store_answer_put(kiosk, id, "q2", "2|3", true, 2.5, NULL, &cause), 0);
	ck_assert_int_eq(store_sitting_finish(kiosk, id, SITTING_COMPLETED, &cause), 0);
	ck_assert_int_eq(store_sitting_begin(kiosk, &s, id, &cause), 0);
	ck_assert_int_eq(store_answer_put(kiosk, id, "age", "11", false, 0, NULL, &cause), 0);
	first = testio_answers_csv(kiosk);
	ck_assert_int_eq(import_text(empty, "k.csv", first, NULL, &r, &cause), 0);
	ck_assert_int_eq(r.sittings_added, 2);
	second = testio_answers_csv(empty);
	ck_assert_str_eq(second, first);
	free(first);
	free(second);
	store_close(kiosk);
	store_close(empty);
}
END_TEST

/* Text answers a spreadsheet would take for formulas are exported with an
 * apostrophe before them (csvio.h) and imported back exactly as typed;
 * "+8" in a number question stays a number. */
START_TEST(test_round_trip_of_guarded_texts)
{
	static const char *const texts[] = {
		"=HYPERLINK(\"http://x\";\"click\")", "+7 999", "-", "@a", "'=b", "''-c", "'x"
	};
	char *cause = NULL, *first, *second, id[37];
	Store *kiosk = store_open(":memory:", &cause), *empty = store_open(":memory:", &cause);
	StoreSitting s = { .wave = "-start",
		           .class_name = "6А",
		           .audience = "student",
		           .respondent = "=R1",
		           .survey_id = "mini",
		           .survey_version = 2,
		           .survey_hash = "abc" };
	ImportResult r;

	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		ck_assert_int_eq(store_sitting_begin(kiosk, &s, id, &cause), 0);
		ck_assert_int_eq(
		    store_answer_put(kiosk, id, "note", texts[i], false, 0, NULL, &cause), 0);
		ck_assert_int_eq(store_answer_put(kiosk, id, "age", "+8", false, 0, NULL, &cause),
		                 0);
	}
	first = testio_answers_csv(kiosk);
	ck_assert_ptr_nonnull(strstr(first, ",\"'=HYPERLINK(\"\"http://x\"\";\"\"click\"\")\","));
	ck_assert_ptr_nonnull(strstr(first, ",'-start,6А,student,'=R1,"));
	ck_assert_ptr_nonnull(strstr(first, ",'''-c,"));
	ck_assert_ptr_nonnull(strstr(first, ",'x,"));
	ck_assert_ptr_nonnull(strstr(first, ",age,+8,"));
	ck_assert_msg(import_text(empty, "g.csv", first, NULL, &r, &cause) == 0, "%s", cause);
	ck_assert_int_eq(r.sittings_added, 7);
	second = testio_answers_csv(empty);
	ck_assert_str_eq(second, first);
	free(first);
	free(second);
	store_close(kiosk);
	store_close(empty);
}
END_TEST

START_TEST(test_changed_sitting_refused)
{
	char *cause = NULL, *changed = xstrdup(round_trip_csv), *before;
	Store *store = store_open(":memory:", &cause);
	ImportResult r;

	ck_assert_int_eq(import_text(store, "rt.csv", round_trip_csv, NULL, &r, &cause), 0);
	before = testio_answers_csv(store);
	/* The same sitting ...0b with q1 answered 3 instead of 2. */
	*strstr(changed, ",q1,2,1,") = '\0';
	char *text = xasprintf("%s,q1,3,0,%s", changed,
	                       strstr(round_trip_csv, ",q1,2,1,") + strlen(",q1,2,1,"));
	ck_assert_int_eq(import_text(store, "changed.csv", text, NULL, &r, &cause), -1);
	ck_assert_ptr_nonnull(strstr(cause, "changed.csv:2:1: the sitting "
	                                    "00000000-0000-4000-8000-00000000000b is already in "
	                                    "the database with other answers"));
	char *after = testio_answers_csv(store);
	ck_assert_str_eq(after, before);
	free(after);
	free(text);
	free(before);
	free(changed);
	free(cause);
	store_close(store);
}
END_TEST

/* Renders each sitting's first answer as "respondent:school" lines. */
static int
render_school(const StoreAnswerRow *row, void *arg)
{
	char **text = arg, *next;

	if (strcmp(row->question_id, "q1") != 0)
		return 0;
	next = xasprintf("%s%s:%s\n", *text, row->respondent, row->school);
	free(*text);
	*text = next;
	return 0;
}

static char *
render_schools(Store *store)
{
	return render_with(store, render_school);
}

/* A file's school column is kept; without one, or with an empty cell, the
 * sitting gets the importing database's school name. */
START_TEST(test_school_from_the_file_or_the_database)
{
	char *cause = NULL, *text;
	Store *store = store_open(":memory:", &cause);
	ImportResult r;

	ck_assert_int_eq(store_school_set(store, "Школа № 2", &cause), 0);
	ck_assert_int_eq(import_text(store, "plain.csv",
	                             HEADER "\n,,start,5А,student,R1,mini,,q1,1,,"
	                                    "2026-09-15T10:00:01Z\n",
	                             NULL, &r, &cause),
	                 0);
	ck_assert_int_eq(import_text(store, "schools.csv",
	                             FULL_HEADER ",school\n"
	                                         ",,start,5А,student,R2,mini,,q1,1,,"
	                                         "2026-09-15T10:00:02Z,,,,,,,Школа № 1\n"
	                                         ",,start,5А,student,R3,mini,,q1,1,,"
	                                         "2026-09-15T10:00:03Z,,,,,,,\n",
	                             NULL, &r, &cause),
	                 0);
	ck_assert_int_eq(r.sittings_added, 2);
	text = render_schools(store);
	ck_assert_str_eq(text, "R1:Школа № 2\nR2:Школа № 1\nR3:Школа № 2\n");
	free(text);
	/* The rows of one sitting must agree on its school. */
	ck_assert_int_eq(import_text(store, "two.csv",
	                             HEADER ",school\n"
	                                    ",,final,5А,student,R1,mini,,q1,1,,,Школа № 1\n"
	                                    ",,final,5А,student,R1,mini,,q2,1,,,Школа № 3\n",
	                             NULL, &r, &cause),
	                 -1);
	ck_assert_ptr_nonnull(strstr(cause, "two.csv:3:13: school is \"Школа № 3\" here but "
	                                    "\"Школа № 1\" on line 2 of the same sitting"));
	free(cause);
	store_close(store);
}
END_TEST

static int
first_sitting_id(const StoreAnswerRow *row, void *arg)
{
	snprintf(arg, 37, "%s", row->sitting_id);
	return 1;
}

#define GOOD_ROW ",,start,6А,student,R1,mini,,q1,1,,2026-09-15T10:00:05Z\n"
/* 25 bytes, one more than a class or a code may have; and 4097, one more
 * than a value (store_field_max()). */
#define LONG25   "ABCDEFGHIJKLMNOPQRSTUVWXY"
#define X16      "0123456789abcdef"
#define X256     X16 X16 X16 X16 X16 X16 X16 X16 X16 X16 X16 X16 X16 X16 X16 X16
#define X4096    X256 X256 X256 X256 X256 X256 X256 X256 X256 X256 X256 X256 X256 X256 X256 X256
#define LONG4097 X4096 "z"

static const struct {
	const char *text;
	const char *want; /* the message after the file name */
} bad_files[] = {
	{ HEADER "\n" GOOD_ROW ",,start," LONG25 ",student,R1,mini,,q1,1,,\n",
	  ":3:4: class is 25 bytes long; at most 24 are allowed" },
	{ HEADER "\n" GOOD_ROW ",,start,6А,student," LONG25 ",mini,,q1,1,,\n",
	  ":3:6: respondent is 25 bytes long; at most 24 are allowed" },
	{ HEADER "\n" GOOD_ROW ",,start,6А,student,R2,mini,,note," LONG4097 ",,\n",
	  ":3:10: value is 4097 bytes long; at most 4096 are allowed" },
	{ HEADER "\n" GOOD_ROW ",,start,6А,student,R1,nosuch,,q1,1,,\n",
	  ":3:7: unknown survey \"nosuch\": no survey file has this id" },
	{ HEADER "\n" GOOD_ROW ",,start,6А,student,R1,mini,,q9,1,,\n",
	  ":3:9: survey mini has no question \"q9\"" },
	{ HEADER "\n" GOOD_ROW ",,start,6А,student,R2,mini,,q1,4,,\n",
	  ":3:10: option 4 is out of range: question q1 has options 1 to 3" },
	{ HEADER "\n" GOOD_ROW ",,start,6А,student,R2,mini,,q1,0,,\n",
	  ":3:10: option 0 is out of range: question q1 has options 1 to 3" },
	{ HEADER "\n" GOOD_ROW ",,start,6А,student,R2,mini,,q1,2.0,,\n",
	  ":3:10: the answer to question q1 must be an option number, not \"2.0\"" },
	{ HEADER "\n" GOOD_ROW ",,start,6А,student,R1,mini,,q2,1|1,,\n",
	  ":3:10: option 1 of question q2 is given twice" },
	{ HEADER "\n" GOOD_ROW ",,start,6А,student,R1,mini,,q2,1||2,,\n",
	  ":3:10: the answer to question q2 must be an option number, not \"\"" },
	{ HEADER "\n" GOOD_ROW ",,start,6А,student,R1,mini,,age,30,,\n",
	  ":3:10: the answer to question age must be from 7 to 18, not 30" },
	{ HEADER "\n" GOOD_ROW ",,start,6А,student,R1,mini,,age,ten,,\n",
	  ":3:10: the answer to question age must be a number, not \"ten\"" },
	/* Rows the import took before the answer grammar was one (answer.h). */
	{ HEADER "\n" GOOD_ROW ",,start,6А,student,R1,mini,,age,0x10,,\n",
	  ":3:10: the answer to question age must be a number, not \"0x10\"" },
	{ HEADER "\n" GOOD_ROW ",,start,6А,student,R1,mini,,age, 12,,\n",
	  ":3:10: the answer to question age must be a number, not \" 12\"" },
	{ HEADER "\n" GOOD_ROW ",,start,6А,student,R1,mini,,age,1e1,,\n",
	  ":3:10: the answer to question age must be a number, not \"1e1\"" },
	{ HEADER "\n" GOOD_ROW ",,start,6А,student,R2,mini,,q1,01,,\n",
	  ":3:10: the answer to question q1 must be an option number, not \"01\"" },
	{ HEADER "\n" GOOD_ROW ",,start,6А,student,R1,mini,,q2,,,\n",
	  ":3:10: the answer to question q2 is empty" },
	{ HEADER "\n" GOOD_ROW ",,start,6А,student,R1,mini,,note,,,\n",
	  ":3:10: the answer to question note is empty" },
	{ HEADER "\n" GOOD_ROW ",,start,6А,student,R1,mini,,note,\"two\nlines\",,\n",
	  ":3:10: the answer to question note holds a control character (a line break or a tab, "
	  "say): it must be one line of text" },
	{ HEADER "\n" GOOD_ROW ",,start,6\"А,student,R1,mini,,q2,1,,\n",
	  ":3:4: broken quoting: a quote inside a field must be doubled, and a quoted field "
	  "must end with a quote" },
	{ HEADER "\n" GOOD_ROW ",,start,\"6А,student,R1,mini,,q2,1,,\n" GOOD_ROW,
	  ":3:4: broken quoting: a quote inside a field must be doubled, and a quoted field "
	  "must end with a quote" },
	{ HEADER "\n" GOOD_ROW ",,start,6А,student,R1,mini,,q2,1,\n",
	  ":3:12: 11 columns, but the header has 12" },
	{ HEADER "\n" GOOD_ROW ",,start,6А,student,R1,mini,,q2,1,,,\n",
	  ":3:13: 13 columns, but the header has 12" },
	{ HEADER "\n" GOOD_ROW ",,start,6А,student,R1,mini,,q2,1,,2026-09-15 10:00:05\n",
	  ":3:12: \"2026-09-15 10:00:05\" is not a time like 2026-09-15T10:23:05Z" },
	{ HEADER "\n" GOOD_ROW "abc,,start,6А,student,R1,mini,,q2,1,,\n",
	  ":3:1: \"abc\" is not a sitting id (a UUID)" },
	{ HEADER "\n" GOOD_ROW ",,start,6А,pupil,R1,mini,,q2,1,,\n",
	  ":3:5: unknown audience \"pupil\": use student, parent, teacher or head" },
	{ HEADER "\n" GOOD_ROW ",,start,6А,student,R1,mini,,q2,1,high,\n",
	  ":3:11: the score must be a number, not \"high\"" },
	{ HEADER "\n" GOOD_ROW ",,start,6А,student,R1,mini,x,q2,1,,\n",
	  ":3:8: the survey version must be a whole number, not \"x\"" },
	{ HEADER "\n" GOOD_ROW GOOD_ROW, ":3:9: question q1 is answered twice in one sitting" },
	{ HEADER "\n" GOOD_ROW ",,start,6А,parent,R1,mini,,q2,1,,\n",
	  ":3:5: audience is \"parent\" here but \"student\" on line 2 of the same sitting" },
	{ FULL_HEADER "\n"
	              ",,start,6А,student,R1,mini,,q1,1,,2026-09-15T10:00:05Z,abandoned,,,,,\n"
	              ",,start,6А,student,R1,mini,,q2,1,,,done,,,,,\n",
	  ":3:13: unknown status \"done\": use in_progress, completed or abandoned" },
	{ "sitting,device_id\n", ":1:1: the header must start with sitting_id (the answers table) "
	                         "or with wave (an answer sheet), not \"sitting\"" },
	{ "sitting_id,device\n", ":1:2: column 2 of the header must be device_id; the answers "
	                         "file starts with the columns " HEADER },
	{ "", ":1:1: the file is empty: it needs the header row of the answers table" },
	{ HEADER "\n" GOOD_ROW ",,start,6А,student,R1,mini,,note,\xc0\xaf,,\n",
	  ":3:10: the text is not in UTF-8; save the file as CSV UTF-8" },
};

START_TEST(test_bad_file_imports_nothing)
{
	char *cause = NULL, *text;
	Store *store = store_open(":memory:", &cause);
	ImportResult r;

	ck_assert_int_eq(import_text(store, "bad.csv", bad_files[_i].text, NULL, &r, &cause), -1);
	ck_assert_ptr_nonnull(cause);
	ck_assert_ptr_nonnull(strstr(cause, "/bad.csv:"));
	ck_assert_str_eq(strstr(cause, "/bad.csv:") + strlen("/bad.csv"), bad_files[_i].want);
	ck_assert_int_eq(r.sittings_added, 0);
	text = render_store(store);
	ck_assert_str_eq(text, ""); /* the good row before the bad one is not kept */
	free(text);
	free(cause);
	store_close(store);
}
END_TEST

/* Importing sittings answered with the loaded file keeps that file's exact
 * text in the database, in the import's transaction; sittings of another
 * version (no file known for them) keep nothing. */
START_TEST(test_import_keeps_the_survey_file)
{
	char *path = testutil_source_path("tests/fixtures/store/surveys/mini.yaml");
	char *file = testutil_read_file(path), *cause = NULL, *text = NULL;
	Store *store = store_open(":memory:", &cause);
	const Survey *mini = surveys.items[0];
	ImportResult r;
	size_t len;

	ck_assert_int_eq(import_text(store, "old.csv",
	                             HEADER "\n,,start,6А,student,R1,mini,1,q1,1,,\n", NULL, &r,
	                             &cause),
	                 0);
	ck_assert_int_eq(store_source_get(store, "mini", 2, mini->hash, &text, &len, &cause), 0);
	ck_assert_int_eq(store_source_get(store, "mini", 1, "", &text, &len, &cause), 0);
	ck_assert_int_eq(import_text(store, "new.csv",
	                             HEADER "\n,,start,6А,student,R2,mini,2,q1,1,,\n", NULL, &r,
	                             &cause),
	                 0);
	ck_assert_int_eq(store_source_get(store, "mini", 2, mini->hash, &text, &len, &cause), 1);
	ck_assert_uint_eq(len, strlen(file));
	ck_assert_str_eq(text, file);
	free(text);
	free(file);
	free(path);
	store_close(store);
}
END_TEST

/* Renders each answer of a sheet as "class audience respondent vN
 * started..completed question=value/score at answered_at" lines. */
static int
render_sheet_row(const StoreAnswerRow *row, void *arg)
{
	char **text = arg, score[32] = "-", *next;

	if (row->has_score)
		snprintf(score, sizeof score, "%g", row->score);
	next = xasprintf("%s%s %s %s v%d %s..%s %s=%s/%s at %s\n", *text, row->class_name,
	                 row->audience, row->respondent, row->survey_version, row->started_at + 11,
	                 row->completed_at + 11, row->question_id, row->value, score,
	                 row->answered_at + 11);
	free(*text);
	*text = next;
	return 0;
}

static char *
render_sheet(Store *store)
{
	char *text = xstrdup(""), *cause = NULL;

	ck_assert_int_eq(store_answers_each(store, render_sheet_row, &text, NULL, &cause), 0);
	return text;
}

/* Excel's Russian CSV: BOM, semicolons, CRLF; questions in any order, a
 * subset of them, survey_version and answered_at among them. */
static const char sheet_csv[] =
    "\xef\xbb\xbfwave;class;audience;respondent;survey_id;survey_version;note;q2;q1;"
    "answered_at\r\n"
    "start;6а;student;R1;mini;;;1|3;1;2026-09-15T10:00:00Z\r\n"
    "start;6 А;student;;mini;;\"да; нет\";;3;2026-09-15T10:05:00Z\r\n"
    "start;6А;student;;mini;;\"да; нет\";;3;2026-09-15T10:05:00Z\r\n"
    "start;6А;student;R4;mini;;;;;2026-09-15T10:06:00Z\r\n"
    ";;;;;;;;;\r\n"
    "start;6А;parent;P1;mini;1;;2;;2026-09-15T10:07:00Z\r\n";

START_TEST(test_sheet_rows_are_sittings)
{
	char *cause = NULL, *text;
	Store *store = store_open(":memory:", &cause);
	ImportResult r;

	ck_assert_int_eq(import_text(store, "sheet.csv", sheet_csv, NULL, &r, &cause), 0);
	/* Lines 2, 3, 4 and 7; line 5 has no answer and line 6 nothing at all:
	 * both skipped. The two pupils without a code who answered alike are
	 * two sittings. Answers: 2 + 2 + 2 + 1 = 7. */
	ck_assert_int_eq(r.sittings_added, 4);
	ck_assert_int_eq(r.sittings_present, 0);
	ck_assert_int_eq((int)r.answers_added, 7);
	text = render_sheet(store);
	/* Scores from mini: q1 option 1 = 2, option 3 = 0; q2 options 1 and 3 =
	 * 1 + 0.5 = 1.5, option 2 = 2; a text has none. Answers in column order
	 * (note, q2, q1), each at its row's answered_at, which is also when the
	 * sitting started and was completed; "6а" and "6 А" are "6А". */
	ck_assert_str_eq(text, "6А student R1 v2 10:00:00Z..10:00:00Z q2=1|3/1.5 at 10:00:00Z\n"
	                       "6А student R1 v2 10:00:00Z..10:00:00Z q1=1/2 at 10:00:00Z\n"
	                       "6А student  v2 10:05:00Z..10:05:00Z note=да; нет/- at 10:05:00Z\n"
	                       "6А student  v2 10:05:00Z..10:05:00Z q1=3/0 at 10:05:00Z\n"
	                       "6А student  v2 10:05:00Z..10:05:00Z note=да; нет/- at 10:05:00Z\n"
	                       "6А student  v2 10:05:00Z..10:05:00Z q1=3/0 at 10:05:00Z\n"
	                       "6А parent P1 v1 10:07:00Z..10:07:00Z q2=2/2 at 10:07:00Z\n");
	free(text);
	store_close(store);
}
END_TEST

/* A named school's sheet: every row's sitting gets the school, and the
 * same sheet again finds them there. */
START_TEST(test_sheet_of_a_named_school)
{
	char *cause = NULL, *text;
	Store *store = store_open(":memory:", &cause);
	ImportResult r;

	ck_assert_int_eq(store_school_set(store, "Школа № 7", &cause), 0);
	ck_assert_int_eq(import_text(store, "sheet.csv", sheet_csv, NULL, &r, &cause), 0);
	ck_assert_int_eq(r.sittings_added, 4);
	/* q1 was answered by R1 and the two pupils without a code (P1 did not). */
	text = render_schools(store);
	ck_assert_str_eq(text, "R1:Школа № 7\n:Школа № 7\n:Школа № 7\n");
	free(text);
	ck_assert_int_eq(import_text(store, "again.csv", sheet_csv, NULL, &r, &cause), 0);
	ck_assert_int_eq(r.sittings_added, 0);
	ck_assert_int_eq(r.sittings_present, 4);
	store_close(store);
}
END_TEST

/* Paper forms without a sitting id are named from the file alone (a
 * UUIDv5 of "start\x1f5А\x1fR1\x1fmini\x1f2\x1eq1\x1f1" in Anketa's
 * namespace, computed with Python's uuid5), whatever the importing
 * database's school; a school cell in the file adds "\x1c" and its name. */
START_TEST(test_paper_form_ids_depend_on_the_file_alone)
{
	static const char paper[] = HEADER "\n,,start,5А,student,R1,mini,,q1,1,,\n";
	static const char with_school[] = HEADER ",school\n,,start,5А,student,R1,mini,,q1,1,,,"
	                                         "Школа № 1\n";
	char *cause = NULL, id[37];
	Store *plain = store_open(":memory:", &cause), *named = store_open(":memory:", &cause);
	Store *third = store_open(":memory:", &cause);
	ImportResult r;

	ck_assert_int_eq(store_school_set(named, "Школа № 1", &cause), 0);
	ck_assert_int_eq(import_text(plain, "p.csv", paper, NULL, &r, &cause), 0);
	ck_assert_int_eq(import_text(named, "n.csv", paper, NULL, &r, &cause), 0);
	ck_assert_int_eq(import_text(third, "s.csv", with_school, NULL, &r, &cause), 0);
	ck_assert_int_eq(store_answers_each(plain, first_sitting_id, id, NULL, &cause), 1);
	ck_assert_str_eq(id, "a66c2a31-de05-5cd0-ae5d-39d85f7b4674");
	ck_assert_int_eq(store_answers_each(named, first_sitting_id, id, NULL, &cause), 1);
	ck_assert_str_eq(id, "a66c2a31-de05-5cd0-ae5d-39d85f7b4674");
	ck_assert_int_eq(store_answers_each(third, first_sitting_id, id, NULL, &cause), 1);
	ck_assert_str_eq(id, "e06078d3-8e14-5d64-bb4a-70fdc918ce86");
	store_close(plain);
	store_close(named);
	store_close(third);
}
END_TEST

/* Paper forms and a sheet imported, the school then named, the same files
 * imported again: nothing is added. */
START_TEST(test_import_twice_across_naming_the_school)
{
	static const char paper[] = HEADER "\n,,start,5А,student,R1,mini,,q1,1,,\n"
	                                   ",,start,5А,student,,mini,,q1,2,,\n";
	char *cause = NULL;
	Store *store = store_open(":memory:", &cause);
	ImportResult r;

	ck_assert_int_eq(import_text(store, "p.csv", paper, NULL, &r, &cause), 0);
	ck_assert_int_eq(r.sittings_added, 2);
	ck_assert_int_eq(import_text(store, "sheet.csv", sheet_csv, NULL, &r, &cause), 0);
	ck_assert_int_eq(r.sittings_added, 4);
	ck_assert_int_eq(store_school_set(store, "Школа № 5", &cause), 0);
	ck_assert_int_eq(import_text(store, "p.csv", paper, NULL, &r, &cause), 0);
	ck_assert_int_eq(r.sittings_added, 0);
	ck_assert_int_eq(r.sittings_present, 2);
	ck_assert_int_eq(import_text(store, "sheet.csv", sheet_csv, NULL, &r, &cause), 0);
	ck_assert_int_eq(r.sittings_added, 0);
	ck_assert_int_eq(r.sittings_present, 4);
	store_close(store);
}
END_TEST

/* A database named before this version stored paper forms under an id
 * with its school in it (e06078d3-..., the id a file naming that school
 * still gives): importing the same forms again finds them by that id. */
START_TEST(test_import_finds_ids_of_earlier_versions)
{
	static const char paper[] = HEADER "\n,,start,5А,student,R1,mini,,q1,1,,\n";
	static const char old_id[] = "e06078d3-8e14-5d64-bb4a-70fdc918ce86";
	char *cause = NULL, *csv = xasprintf(FULL_HEADER ",school\n%s,,start,5А,student,R1,mini,2,"
	                                                 "q1,1,2,,completed,,,,,,Школа № 1\n",
	                                     old_id);
	Store *store = store_open(":memory:", &cause);
	ImportResult r;

	ck_assert_int_eq(store_school_set(store, "Школа № 1", &cause), 0);
	ck_assert_int_eq(import_text(store, "old.csv", csv, NULL, &r, &cause), 0);
	ck_assert_int_eq(r.sittings_added, 1);
	ck_assert_int_eq(import_text(store, "p.csv", paper, NULL, &r, &cause), 0);
	ck_assert_int_eq(r.sittings_added, 0);
	ck_assert_int_eq(r.sittings_present, 1);
	/* Renamed since, the database cannot tell: the forms are new to it. */
	ck_assert_int_eq(store_school_set(store, "Школа № 2", &cause), 0);
	ck_assert_int_eq(import_text(store, "p.csv", paper, NULL, &r, &cause), 0);
	ck_assert_int_eq(r.sittings_added, 1);
	free(csv);
	store_close(store);
}
END_TEST

static int
first_sitting(const StoreAnswerRow *row, void *arg)
{
	char *out = arg;

	snprintf(out, 160, "%s %s %s %s %s", row->sitting_id, row->started_at, row->completed_at,
	         row->answered_at, store_status_name(row->status));
	return 1; /* the first row is enough */
}

/* A sheet without answered_at: answered at the import; the id is the
 * UUIDv5 (namespace 5f1d3c1e-2a4b-4c6d-8e9f-0a1b2c3d4e5f) of the name
 * "start\x1f6А\x1fR1\x1fmini\x1f2\x1eage\x1f12\x1eq1\x1f1\x1eq2\x1f1|3"
 * "\x1dstudent\x1f\x1f2" (what the grouped rows of the answers table are
 * named by, then audience, answered_at and line), worked out with Python's
 * uuid.uuid5. */
START_TEST(test_sheet_answered_now_with_a_named_id)
{
	char *cause = NULL, before[21], after[21], got[160], want[160];
	Store *store = store_open(":memory:", &cause);
	ImportResult r;

	util_now_iso8601(before);
	ck_assert_int_eq(import_text(store, "now.csv",
	                             "wave,class,audience,respondent,survey_id,q1,q2,age\n"
	                             "start,6А,student,R1,mini,1,1|3,12\n",
	                             NULL, &r, &cause),
	                 0);
	util_now_iso8601(after);
	ck_assert_int_eq(store_answers_each(store, first_sitting, got, NULL, &cause), 1);
	ck_assert_str_eq(strchr(got, ' ') + 1 + 3 * 21, "completed");
	ck_assert_int_eq(strncmp(got, "32a6e229-5f7c-549f-9434-4399e9b6085b ", 37), 0);
	/* started, completed and the answer's time are one moment of the import. */
	snprintf(want, sizeof want, "%.20s %.20s %.20s", got + 37, got + 37, got + 37);
	ck_assert_int_eq(strncmp(got + 37, want, 62), 0);
	ck_assert_int_le(strncmp(before, got + 37, 20), 0);
	ck_assert_int_ge(strncmp(after, got + 37, 20), 0);
	store_close(store);
}
END_TEST

START_TEST(test_sheet_imported_twice_adds_nothing)
{
	char *cause = NULL, *edited = xstrdup(sheet_csv);
	Store *store = store_open(":memory:", &cause);
	ImportResult r;

	ck_assert_int_eq(import_text(store, "a.csv", sheet_csv, NULL, &r, &cause), 0);
	ck_assert_int_eq(import_text(store, "b.csv", sheet_csv, NULL, &r, &cause), 0);
	ck_assert_int_eq(r.sittings_added, 0);
	ck_assert_int_eq(r.sittings_present, 4);
	ck_assert_int_eq((int)r.answers_added, 0);
	/* R1's q1 typed again as 2: that row is a sitting of its own, the other
	 * three are found. */
	*strstr(edited, "1|3;1;") = '\0';
	char *text = xasprintf("%s1|3;2;%s", edited, strstr(sheet_csv, "1|3;1;") + 6);
	ck_assert_int_eq(import_text(store, "c.csv", text, NULL, &r, &cause), 0);
	ck_assert_int_eq(r.sittings_added, 1);
	ck_assert_int_eq(r.sittings_present, 3);
	ck_assert_int_eq((int)r.answers_added, 2);
	free(text);
	free(edited);
	store_close(store);
}
END_TEST

/* A second survey, "pair", asking q0 and q1 (scores 0, 1, 2 each), next to
 * mini (q1 scores 2, 1, 0; q2; age; note). */
static void
add_pair_survey(void)
{
	Survey *pair = testbuild_survey("pair");

	pair->version = 1;
	pair->hash = xstrdup("pair-hash");
	testbuild_q3(pair);
	testbuild_q3(pair);
	survey_set_add(&surveys, pair);
}

START_TEST(test_sheet_of_two_surveys)
{
	char *cause = NULL, *text;
	Store *store = store_open(":memory:", &cause);
	ImportResult r;

	add_pair_survey();
	ck_assert_int_eq(
	    import_text(store, "two.csv",
	                "wave,class,audience,respondent,survey_id,q1,q0,q2,answered_at\n"
	                "start,6А,student,R1,mini,1,,2,2026-09-15T10:00:00Z\n"
	                "start,6А,student,R1,pair,1,3,,2026-09-15T10:01:00Z\n",
	                NULL, &r, &cause),
	    0);
	ck_assert_int_eq(r.sittings_added, 2);
	text = render_sheet(store);
	/* q1 option 1 scores 2 in mini but 0 in pair; pair's q0 option 3 = 2. */
	ck_assert_str_eq(text, "6А student R1 v2 10:00:00Z..10:00:00Z q1=1/2 at 10:00:00Z\n"
	                       "6А student R1 v2 10:00:00Z..10:00:00Z q2=2/2 at 10:00:00Z\n"
	                       "6А student R1 v1 10:01:00Z..10:01:00Z q1=1/0 at 10:01:00Z\n"
	                       "6А student R1 v1 10:01:00Z..10:01:00Z q0=3/2 at 10:01:00Z\n");
	free(text);
	/* mini has no q0: a pair row is fine, a mini row with q0 is not. */
	ck_assert_int_eq(import_text(store, "bad.csv",
	                             "wave,class,audience,respondent,survey_id,q1,q0\n"
	                             "final,6А,student,R1,pair,1,3\n"
	                             "final,6А,student,R2,mini,1,3\n",
	                             NULL, &r, &cause),
	                 -1);
	ck_assert_str_eq(strstr(cause, "/bad.csv:"),
	                 "/bad.csv:3:7: survey mini has no question \"q0\"");
	free(cause);
	store_close(store);
}
END_TEST

#define SHEET_HEADER "wave,class,audience,respondent,survey_id,q1,q2,age,note\n"
#define SHEET_ROW    "start,6А,student,R1,mini,1,1|3,12,\n"

/* Bad answer sheets: each refused whole, at the cell that is wrong. */
static const struct {
	const char *text;
	const char *want; /* the message after the file name */
} bad_sheets[] = {
	{ "wave,class,audience,code,survey_id,q1\n",
	  ":1:4: column 4 of the header must be respondent; an answer sheet starts with the "
	  "columns wave,class,audience,respondent,survey_id" },
	{ "wave,class,audience,respondent\n",
	  ":1:5: column 5 of the header must be survey_id; an answer sheet starts with the "
	  "columns wave,class,audience,respondent,survey_id" },
	{ "wave,class,audience,respondent,survey_id,q1,q9\n",
	  ":1:7: no survey has a question \"q9\"; after survey_id come the question ids of the "
	  "survey" },
	{ "wave,class,audience,respondent,survey_id,q1,,q2\n",
	  ":1:7: column 7 of the header is empty: after survey_id come the question ids of the "
	  "survey" },
	{ "wave,class,audience,respondent,survey_id,q1,q2,q1\n",
	  ":1:8: q1 is in the header twice: columns 6 and 8" },
	{ "wave,class,audience,respondent,survey_id,answered_at,q1,answered_at\n",
	  ":1:8: answered_at is in the header twice: columns 6 and 8" },
	{ "wave,class,audience,respondent,survey_id,survey_version\n",
	  ":1:7: the header has no question: after survey_id come the question ids of the survey" },
	{ SHEET_HEADER SHEET_ROW "start," LONG25 ",student,R2,mini,1,,,\n",
	  ":3:2: class is 25 bytes long; at most 24 are allowed" },
	{ SHEET_HEADER SHEET_ROW "start,6А,student,R2,mini,1,,," LONG4097 "\n",
	  ":3:9: value is 4097 bytes long; at most 4096 are allowed" },
	{ SHEET_HEADER SHEET_ROW "start,6А,student,R2,mini,4,,,\n",
	  ":3:6: option 4 is out of range: question q1 has options 1 to 3" },
	{ SHEET_HEADER SHEET_ROW "start,6А,student,R2,mini,,1|1,,\n",
	  ":3:7: option 1 of question q2 is given twice" },
	{ SHEET_HEADER SHEET_ROW "start,6А,student,R2,mini,,,30,\n",
	  ":3:8: the answer to question age must be from 7 to 18, not 30" },
	{ SHEET_HEADER SHEET_ROW "start,6А,student,R2,nosuch,1,,,\n",
	  ":3:5: unknown survey \"nosuch\": no survey file has this id" },
	{ SHEET_HEADER SHEET_ROW "start,6А,pupil,R2,mini,1,,,\n",
	  ":3:3: unknown audience \"pupil\": use student, parent, teacher or head" },
	{ SHEET_HEADER SHEET_ROW "start,6А,student,R2,mini,1,,\n",
	  ":3:9: 8 columns, but the header has 9" },
	{ "wave,class,audience,respondent,survey_id,survey_version,q1\n"
	  "start,6А,student,R2,mini,x,1\n",
	  ":2:6: the survey version must be a whole number, not \"x\"" },
	{ "wave,class,audience,respondent,survey_id,q1,answered_at\n"
	  "start,6А,student,R2,mini,1,15.09.2026\n",
	  ":2:7: \"15.09.2026\" is not a time like 2026-09-15T10:23:05Z" },
};

START_TEST(test_bad_sheet_imports_nothing)
{
	char *cause = NULL, *text;
	Store *store = store_open(":memory:", &cause);
	ImportResult r;

	ck_assert_int_eq(import_text(store, "bad.csv", bad_sheets[_i].text, NULL, &r, &cause), -1);
	ck_assert_ptr_nonnull(strstr(cause, "/bad.csv:"));
	ck_assert_str_eq(strstr(cause, "/bad.csv:") + strlen("/bad.csv"), bad_sheets[_i].want);
	ck_assert_int_eq(r.sittings_added, 0);
	text = render_store(store);
	ck_assert_str_eq(text, ""); /* the good row before the bad one is not kept */
	free(text);
	free(cause);
	store_close(store);
}
END_TEST
/* 300 paper forms (R001 to R300, answers to q1 and q2): 601 lines. */
static char *
three_hundred_forms(void)
{
	char *text = xmalloc(64 * 1024), *at = text;

	at += sprintf(at, "%s\n", HEADER);
	for (int k = 1; k <= 300; k++)
		at += sprintf(at,
		              ",,start,6А,student,R%03d,mini,2,q1,1,,2026-09-15T10:00:00Z\n"
		              ",,start,6А,student,R%03d,mini,2,q2,1|2,,2026-09-15T10:00:01Z\n",
		              k, k);
	return text;
}

START_TEST(test_import_tells_its_progress)
{
	char *path = xasprintf("%s/p.db", dir), *cause = NULL, *text = three_hundred_forms();
	Store *store = store_open(path, &cause);
	ImportResult r;
	TestProgress t;

	testutil_progress(&t, 0);
	ck_assert_int_eq(import_text(store, "forms.csv", text, &t.progress, &r, &cause), 0);
	ck_assert_int_eq(r.sittings_added, 300);
	/* The file: a header of 113 bytes, rows of 59 (q1) and 61 bytes (q2),
	 * 36 113 bytes in all; before line 257, 113 + 128 x 59 + 127 x 61 =
	 * 15 412 have been read, before line 513, 30 772. Reading is the first
	 * 0.9 of the whole (10 000): 0.9 x 15 412 / 36 113 -> 3840, and 7668.
	 * Then the sittings, from 9000: sitting 257 at 9000 + 1000 x 256/300. */
	ck_assert_str_eq(t.text, "0/10000 line 1\n"
	                         "3840/10000 line 257\n"
	                         "7668/10000 line 513\n"
	                         "9000/10000 sitting 1 of 300\n"
	                         "9853/10000 sitting 257 of 300\n");
	testutil_progress_free(&t);
	store_close(store);
	free(text);
	free(path);
}
END_TEST

START_TEST(test_import_stopped_stores_nothing)
{
	char *path = xasprintf("%s/p.db", dir), *cause = NULL, *text = three_hundred_forms();
	Store *store = store_open(path, &cause);
	ImportResult r;
	TestProgress t;
	char *stored;

	testutil_progress(&t, 2); /* at line 257 */
	ck_assert_int_eq(import_text(store, "forms.csv", text, &t.progress, &r, &cause), -1);
	ck_assert_str_eq(cause, "stopped on request before the end; nothing was changed or "
	                        "written");
	ck_assert_int_eq(r.sittings_added, 0);
	ck_assert_int_eq(t.reports, 2);
	stored = render_with(store, render);
	ck_assert_str_eq(stored, "");
	free(stored);
	free(cause);
	testutil_progress_free(&t);
	store_close(store);
	free(text);
	free(path);
}
END_TEST

static Suite *
import_suite(void)
{
	Suite *s = suite_create("import");
	TCase *tc = tcase_create("import");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_paper_forms_grouped);
	tcase_add_test(tc, test_paper_forms_imported_twice_are_not_doubled);
	tcase_add_test(tc, test_sitting_times_from_answers);
	tcase_add_test(tc, test_round_trip_of_a_file);
	tcase_add_test(tc, test_round_trip_of_a_kiosk_store);
	tcase_add_test(tc, test_round_trip_of_guarded_texts);
	tcase_add_test(tc, test_changed_sitting_refused);
	tcase_add_test(tc, test_school_from_the_file_or_the_database);
	tcase_add_test(tc, test_paper_form_ids_depend_on_the_file_alone);
	tcase_add_test(tc, test_import_twice_across_naming_the_school);
	tcase_add_test(tc, test_import_finds_ids_of_earlier_versions);
	tcase_add_test(tc, test_import_keeps_the_survey_file);
	tcase_add_loop_test(tc, test_bad_file_imports_nothing, 0,
	                    (int)(sizeof bad_files / sizeof bad_files[0]));
	tcase_add_test(tc, test_sheet_rows_are_sittings);
	tcase_add_test(tc, test_sheet_of_a_named_school);
	tcase_add_test(tc, test_sheet_answered_now_with_a_named_id);
	tcase_add_test(tc, test_sheet_imported_twice_adds_nothing);
	tcase_add_test(tc, test_sheet_of_two_surveys);
	tcase_add_loop_test(tc, test_bad_sheet_imports_nothing, 0,
	                    (int)(sizeof bad_sheets / sizeof bad_sheets[0]));
	tcase_add_test(tc, test_import_tells_its_progress);
	tcase_add_test(tc, test_import_stopped_stores_nothing);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return testutil_run(import_suite());
}
