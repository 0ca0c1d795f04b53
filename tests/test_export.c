/*
 * test_export.c: the answers CSV, byte for byte.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvio.h"
#include "diag.h"
#include "import.h"
#include "program.h"
#include "analysis.h"
#include "results.h"
#include "export.h"
#include "store.h"
#include "testio.h"
#include "testutil.h"
#include "util.h"

START_TEST(test_number_format)
{
	char buf[32];

	ck_assert_str_eq(csvio_format_number(2, buf), "2");
	ck_assert_str_eq(csvio_format_number(0.5, buf), "0.5");
	ck_assert_str_eq(csvio_format_number(-1.25, buf), "-1.25");
	ck_assert_str_eq(csvio_format_number(-0.0, buf), "0");
	ck_assert_str_eq(csvio_format_number(0.1 + 0.2, buf), "0.3"); /* 15 digits */
	ck_assert_str_eq(csvio_format_number(1e6, buf), "1000000");
}
END_TEST

START_TEST(test_answers_csv)
{
	char *cause = NULL, *text;
	Store *store = store_open(":memory:", &cause);
	StoreSitting a = {
		.id = "00000000-0000-4000-8000-000000000002",
		.device_id = "dev-1",
		.wave = "start",
		.class_name = "6А",
		.audience = "student",
		.respondent = "R1",
		.survey_id = "school_day",
		.survey_version = 3,
		.survey_hash = "h1",
		.started_at = "2026-09-15T10:00:00Z",
	};
	StoreSitting b = a;
	char id[37];

	b.id = "00000000-0000-4000-8000-000000000001";
	b.respondent = "";
	b.started_at = "2026-09-15T11:00:00Z";
	b.visit_id = "v7";
	ck_assert_int_eq(store_sitting_begin(store, &b, id, &cause), 0);
	ck_assert_int_eq(store_sitting_begin(store, &a, id, &cause), 0);
	ck_assert_int_eq(
	    store_answer_put(store, b.id, "q1", "1|3", true, 0.5, "2026-09-15T11:00:03Z", &cause),
	    0);
	ck_assert_int_eq(store_answer_put(store, a.id, "q2", "say \"hi\", ok", false, 0,
	                                  "2026-09-15T10:00:09Z", &cause),
	                 0);
	ck_assert_int_eq(
	    store_answer_put(store, a.id, "q1", "2", true, 1, "2026-09-15T10:00:05Z", &cause), 0);
	ck_assert_int_eq(store_sitting_finish(store, b.id, SITTING_ABANDONED, &cause), 0);
	text = testio_answers_csv(store);
	/* Sitting a started first, so it comes first although its id sorts
	 * later; within it, answers in the order they were first given. */
	ck_assert_str_eq(
	    text,
	    "sitting_id,device_id,wave,class,audience,respondent,survey_id,survey_version,"
	    "question_id,value,score,answered_at,status,started_at,completed_at,visit_id,"
	    "survey_hash,conflict_of,school\n"
	    "00000000-0000-4000-8000-000000000002,dev-1,start,6А,student,R1,school_day,3,q2,"
	    "\"say \"\"hi\"\", ok\",,2026-09-15T10:00:09Z,in_progress,2026-09-15T10:00:00Z,,,h1,,\n"
	    "00000000-0000-4000-8000-000000000002,dev-1,start,6А,student,R1,school_day,3,q1,2,1,"
	    "2026-09-15T10:00:05Z,in_progress,2026-09-15T10:00:00Z,,,h1,,\n"
	    "00000000-0000-4000-8000-000000000001,dev-1,start,6А,student,,school_day,3,q1,1|3,0.5,"
	    "2026-09-15T11:00:03Z,abandoned,2026-09-15T11:00:00Z,,v7,h1,,\n");
	free(text);
	store_close(store);
}
END_TEST

/* A named school's sittings carry its name in the last column. */
START_TEST(test_answers_csv_names_the_school)
{
	char *cause = NULL, *text, id[37];
	Store *store = store_open(":memory:", &cause);
	StoreSitting a = {
		.id = "00000000-0000-4000-8000-000000000003",
		.device_id = "dev-2",
		.wave = "start",
		.class_name = "5А",
		.audience = "student",
		.survey_id = "mini",
		.survey_version = 2,
		.survey_hash = "h2",
		.started_at = "2026-09-15T10:00:00Z",
	};

	ck_assert_int_eq(store_school_set(store, "Школа, № 1", &cause), 0);
	ck_assert_int_eq(store_sitting_begin(store, &a, id, &cause), 0);
	ck_assert_int_eq(
	    store_answer_put(store, a.id, "q1", "2", true, 1, "2026-09-15T10:00:05Z", &cause), 0);
	text = testio_answers_csv(store);
	ck_assert_str_eq(text,
	                 "sitting_id,device_id,wave,class,audience,respondent,survey_id,"
	                 "survey_version,question_id,value,score,answered_at,status,"
	                 "started_at,completed_at,visit_id,survey_hash,conflict_of,school\n"
	                 "00000000-0000-4000-8000-000000000003,dev-2,start,5А,student,,mini,"
	                 "2,q1,2,1,2026-09-15T10:00:05Z,in_progress,2026-09-15T10:00:00Z,,,h2,,"
	                 "\"Школа, № 1\"\n");
	free(text);
	store_close(store);
}
END_TEST

START_TEST(test_empty_store_gives_header_only)
{
	char *cause = NULL, *text;
	Store *store = store_open(":memory:", &cause);

	text = testio_answers_csv(store);
	ck_assert_str_eq(text, "sitting_id,device_id,wave,class,audience,respondent,survey_id,"
	                       "survey_version,question_id,value,score,answered_at,status,"
	                       "started_at,completed_at,visit_id,survey_hash,conflict_of,school\n");
	free(text);
	store_close(store);
}
END_TEST

#define ID(x) "00000000-0000-4000-8000-0000000000" x
#define ROW(id, wave, klass, code, q, v, at, status)                                               \
	ID(id)                                                                                     \
	",d," wave "," klass ",student," code ",mini,2," q "," v ",,2026-09-15T" at "Z," status    \
	",,,,,\n"

/* Three respondents at the start and the final wave; B2 never finished.
 * (Formatting is off for the rows: clang-format cannot lay out literals
 * joined with macros, and one row a line is what a reader wants.) */
/* clang-format off */
static const char results_csv[] =
    "sitting_id,device_id,wave,class,audience,respondent,survey_id,survey_version,question_id,"
    "value,score,answered_at,status,started_at,completed_at,visit_id,survey_hash,conflict_of\n"
    ROW("a1", "start", "6А", "A1", "q1", "1", "10:00:00", "completed")
    ROW("a1", "start", "6А", "A1", "q2", "2", "10:00:01", "completed")
    ROW("a2", "start", "6А", "A2", "q1", "3", "10:10:00", "completed")
    ROW("b1", "start", "6Б", "B1", "q1", "2", "10:20:00", "completed")
    ROW("b1", "start", "6Б", "B1", "q2", "3", "10:20:01", "completed")
    ROW("b2", "start", "6Б", "B2", "q1", "1", "10:30:00", "in_progress")
    ROW("f1", "final", "6А", "A1", "q1", "1", "11:00:00", "completed")
    ROW("f1", "final", "6А", "A1", "q2", "1", "11:00:01", "completed")
    ROW("f2", "final", "6А", "A2", "q1", "1", "11:10:00", "completed")
    ROW("f3", "final", "6Б", "B1", "q1", "1", "11:20:00", "completed")
    ROW("f3", "final", "6Б", "B1", "q2", "1|2", "11:20:01", "completed");
/* clang-format on */

typedef struct {
	SurveySet surveys;
	Program *program;
	Store *store;
	ResultSet results;
} Fixture;

static void
fixture_load(Fixture *f)
{
	char *dir = testutil_source_path("tests/fixtures/store/surveys");
	char *prog = testutil_source_path("tests/fixtures/store/surveys/programs/mini.yaml");
	char *tmp = testutil_tmpdir(), *csv = testutil_write_file(tmp, "r.csv", results_csv);
	char *cause = NULL;
	Diag diag = { 0 };
	ImportResult r;
	StoreClass classes[] = { { "6А", 3, 0, false }, { "6Б", 4, 0, false } };

	memset(f, 0, sizeof *f);
	ck_assert_int_eq(survey_set_load_dir(&f->surveys, dir, &diag), 0);
	f->program = program_load(prog, &f->surveys, &diag);
	ck_assert_ptr_nonnull(f->program);
	f->store = store_open(":memory:", &cause);
	ck_assert_msg(import_answers_csv(f->store, &f->surveys, csv, NULL, &r, &cause) == 0, "%s",
	              cause);
	ck_assert_int_eq(store_classes_replace(f->store, classes, 2, &cause), 0);
	ck_assert_int_eq(results_load(f->store, &f->surveys, &f->results, &diag, &cause), 0);
	ck_assert_int_eq(diag.n, 0); /* version 2 is the loaded one: no warnings */
	free(dir);
	free(prog);
	free(csv);
	free(tmp);
}

static void
fixture_free(Fixture *f)
{
	results_free(&f->results);
	store_close(f->store);
	program_free(f->program);
	survey_set_free(&f->surveys);
}

/* The table an export of the results writes for the fixture (a new string). */
static char *
results_table(int (*export)(const ResultSet *, Table *))
{
	Fixture f;
	TestTable out;
	char *text;

	fixture_load(&f);
	ck_assert_int_eq(export(&f.results, testio_table_open(&out)), 0);
	text = testio_table_text(&out);
	fixture_free(&f);
	return text;
}

START_TEST(test_scores_csv)
{
	char *text = results_table(export_scores);

	/* s = q1 (2, 1, 0) + q2 (1, 2, 0.5 each chosen); high 3..5.5, low 0..2.9.
	 * a1: 2 + 2 = 4 high; a2: 0 low; b1: 1 + 0.5 = 1.5 low; f1: 2 + 1 = 3 high;
	 * f2: 2 low; f3: 2 + 1 + 2 = 5 high. b2 is not completed: no row. */
	/* clang-format off */
	ck_assert_str_eq(text,
	    "sitting_id,wave,class,audience,respondent,survey_id,survey_version,"
	    "scale_id,value,level\n"
	    ID("a1") ",start,6А,student,A1,mini,2,s,4,high\n"
	    ID("a2") ",start,6А,student,A2,mini,2,s,0,low\n"
	    ID("b1") ",start,6Б,student,B1,mini,2,s,1.5,low\n"
	    ID("f1") ",final,6А,student,A1,mini,2,s,3,high\n"
	    ID("f2") ",final,6А,student,A2,mini,2,s,2,low\n"
	    ID("f3") ",final,6Б,student,B1,mini,2,s,5,high\n");
	/* clang-format on */
	free(text);
}
END_TEST

START_TEST(test_alerts_csv)
{
	char *text = results_table(export_alerts);

	/* The alert is q1 scored 2 or more, i.e. option 1 ("А"): a1, b2, f1, f2
	 * and f3 chose it, a2 (3) and b1 (2) did not. b2 never finished and is
	 * listed all the same, with its status. The import gives no start or
	 * completion times beyond the answers' own (started_at is the first
	 * answer, completed_at the last of a completed sitting). */
	/* clang-format off */
	ck_assert_str_eq(text,
	    "sitting_id,wave,class,audience,respondent,survey_id,survey_version,"
	    "question_id,message,status,started_at,completed_at\n"
	    ID("a1") ",start,6А,student,A1,mini,2,q1,Выбран ответ А.,completed,"
	             "2026-09-15T10:00:00Z,2026-09-15T10:00:01Z\n"
	    ID("b2") ",start,6Б,student,B2,mini,2,q1,Выбран ответ А.,in_progress,"
	             "2026-09-15T10:30:00Z,\n"
	    ID("f1") ",final,6А,student,A1,mini,2,q1,Выбран ответ А.,completed,"
	             "2026-09-15T11:00:00Z,2026-09-15T11:00:01Z\n"
	    ID("f2") ",final,6А,student,A2,mini,2,q1,Выбран ответ А.,completed,"
	             "2026-09-15T11:10:00Z,2026-09-15T11:10:00Z\n"
	    ID("f3") ",final,6Б,student,B1,mini,2,q1,Выбран ответ А.,completed,"
	             "2026-09-15T11:20:00Z,2026-09-15T11:20:01Z\n");
	/* clang-format on */
	free(text);
}
END_TEST

START_TEST(test_indicators_csv)
{
	Fixture f;
	TestTable out;
	char *text, *cause = NULL;

	Analysis *analysis;

	fixture_load(&f);
	analysis = analysis_build(f.store, &f.surveys, &f.program, 1, NULL, &cause);
	ck_assert_msg(analysis != NULL, "%s", cause);
	ck_assert_int_eq(export_indicators(analysis, testio_table_open(&out)), 0);
	analysis_free(analysis);
	text = testio_table_text(&out);
	/*
	 * Counted (completed): start 6А {A1 high, A2 low}, 6Б {B1 low}; final
	 * 6А {A1 high, A2 low}, 6Б {B1 high}. The start wave is the baseline:
	 * no target there.
	 * 1 share high: start 1/2 = 50.0, 0/1 = 0.0, school 1/3 = 33.3; final
	 *   1/2 = 50.0 (< 70), 1/1 = 100.0 (yes), 2/3 = 66.7 (no).
	 * 2 reduction of low vs start: start 1/2, 1/1, 2/3 (baseline: change 0);
	 *   final 1/2 -> (1*2 - 1*2)/(1*2) = 0; 0/1 -> (1*1 - 0)/(1*1) = 100;
	 *   school 1/3 -> (2*3 - 1*3)/(2*3) = 50.0, target 50: yes.
	 * 3 participation of 3 and 4 students: 2/3 = 66.7, 1/4 = 25.0,
	 *   school 3/7 = 42.9, the same at the final wave (< 70: no).
	 * Every row's source is "survey", and its wave's title follows. The
	 * shares' change in points at the final wave: 1 50.0 - 50.0 = 0.0, 100.0
	 * - 0.0 = 100.0, 66.7 - 33.3 = 33.3; 3 no change; without min_change no
	 * "positive".
	 */
	ck_assert_str_eq(
	    text, "programme_id,indicator_id,wave,class,n,meeting,percent,target,met,"
	          "change,source,wave_title,value,change_pp,positive,nothing_to_reduce,too_few\n"
	          "mini_prog,1,start,6А,2,1,50.0,,,,survey,Стартовая диагностика,,,,,\n"
	          "mini_prog,1,start,6Б,1,0,0.0,,,,survey,Стартовая диагностика,,,,,\n"
	          "mini_prog,1,start,*,3,1,33.3,,,,survey,Стартовая диагностика,,,,,\n"
	          "mini_prog,1,final,6А,2,1,50.0,70,no,,survey,Итоговая диагностика,,0.0,,,\n"
	          "mini_prog,1,final,6Б,1,1,100.0,70,yes,,survey,Итоговая диагностика,,100.0,,,\n"
	          "mini_prog,1,final,*,3,2,66.7,70,no,,survey,Итоговая диагностика,,33.3,,,\n"
	          "mini_prog,2,start,6А,2,1,50.0,,,0.0,survey,Стартовая диагностика,,,,,\n"
	          "mini_prog,2,start,6Б,1,1,100.0,,,0.0,survey,Стартовая диагностика,,,,,\n"
	          "mini_prog,2,start,*,3,2,66.7,,,0.0,survey,Стартовая диагностика,,,,,\n"
	          "mini_prog,2,final,6А,2,1,50.0,50,no,0.0,survey,Итоговая диагностика,,,,,\n"
	          "mini_prog,2,final,6Б,1,0,0.0,50,yes,100.0,survey,Итоговая диагностика,,,,,\n"
	          "mini_prog,2,final,*,3,1,33.3,50,yes,50.0,survey,Итоговая диагностика,,,,,\n"
	          "mini_prog,3,start,6А,3,2,66.7,,,,survey,Стартовая диагностика,,,,,\n"
	          "mini_prog,3,start,6Б,4,1,25.0,,,,survey,Стартовая диагностика,,,,,\n"
	          "mini_prog,3,start,*,7,3,42.9,,,,survey,Стартовая диагностика,,,,,\n"
	          "mini_prog,3,final,6А,3,2,66.7,70,no,,survey,Итоговая диагностика,,0.0,,,\n"
	          "mini_prog,3,final,6Б,4,1,25.0,70,no,,survey,Итоговая диагностика,,0.0,,,\n"
	          "mini_prog,3,final,*,7,3,42.9,70,no,,survey,Итоговая диагностика,,0.0,,,\n");
	free(text);
	fixture_free(&f);
}
END_TEST

START_TEST(test_cell_guess)
{
	ck_assert_int_eq(table_cell_guess("2").kind, CELL_NUMBER);
	ck_assert(table_cell_guess("0.5").number == 0.5);
	ck_assert_int_eq(table_cell_guess("-3").kind, CELL_NUMBER);
	ck_assert_int_eq(table_cell_guess("007").kind, CELL_TEXT);  /* a code, not 7 */
	ck_assert_int_eq(table_cell_guess("1.50").kind, CELL_TEXT); /* would show as 1.5 */
	ck_assert_int_eq(table_cell_guess("1|3").kind, CELL_TEXT);
	ck_assert_int_eq(table_cell_guess("1e3").kind, CELL_TEXT);
	ck_assert_int_eq(table_cell_guess("").kind, CELL_TEXT);
	ck_assert_int_eq(table_cell_guess("да").kind, CELL_TEXT);
}
END_TEST

/* Each field through csvio_write_field() and back through csvio_unguard():
 * what is written, and that reading it gives the text again. */
START_TEST(test_csv_guard_against_formulas)
{
	static const struct {
		const char *text, *written;
	} cases[] = {
		{ "=HYPERLINK(\"http://x\";\"click\")",
		  "\"'=HYPERLINK(\"\"http://x\"\";\"\"click\"\")\"" },
		{ "=1+1", "'=1+1" },
		{ "+7 999 123", "'+7 999 123" },
		{ "-1+2", "'-1+2" },
		{ "-", "'-" },
		{ "@SUM(A1)", "'@SUM(A1)" },
		{ "\tx", "'\tx" },
		{ "\rx", "\"'\rx\"" },
		{ "=a,b", "\"'=a,b\"" },
		{ "'=x", "''=x" }, /* typed with its own apostrophe: kept */
		{ "''-y", "'''-y" },
		{ "-5", "-5" }, /* numbers of the answer grammar stay numbers */
		{ "+4.5", "+4.5" },
		{ "-.5", "-.5" },
		{ "'x", "'x" }, /* an apostrophe before a harmless text: as it is */
		{ "'", "'" },
		{ "a=b", "a=b" },
		{ "6А", "6А" },
		{ "", "" },
	};
	char *buf = NULL;
	size_t len = 0;
	FILE *out;

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		/* What a CSV reader gives for the written field (quotes undone). */
		char *field =
		    xasprintf("%s%s", csvio_guarded(cases[i].text) ? "'" : "", cases[i].text);

		out = open_memstream(&buf, &len);
		csvio_write_field(out, cases[i].text, 1);
		fclose(out);
		ck_assert_str_eq(buf, cases[i].written);
		free(buf);
		csvio_unguard(field);
		ck_assert_str_eq(field, cases[i].text);
		free(field);
	}
	/* A number is written as it is, whatever it looks like. */
	out = open_memstream(&buf, &len);
	csvio_write_number(out, "-1e+20", 1);
	fclose(out);
	ck_assert_str_eq(buf, "-1e+20");
	free(buf);
}
END_TEST

static Suite *
export_suite(void)
{
	Suite *s = suite_create("export");
	TCase *tc = tcase_create("export");

	tcase_add_test(tc, test_number_format);
	tcase_add_test(tc, test_csv_guard_against_formulas);
	tcase_add_test(tc, test_answers_csv);
	tcase_add_test(tc, test_answers_csv_names_the_school);
	tcase_add_test(tc, test_empty_store_gives_header_only);
	tcase_add_test(tc, test_scores_csv);
	tcase_add_test(tc, test_alerts_csv);
	tcase_add_test(tc, test_indicators_csv);
	tcase_add_test(tc, test_cell_guess);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return testutil_run(export_suite());
}
