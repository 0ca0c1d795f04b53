/*
 * test_versions.c: every sitting is scored with the survey file it was
 * answered with. The start wave is answered with version 1 of "mood"; the
 * psychologist then changes the file (version 2: other scores, other bands,
 * a new level and a new scale) before the final wave.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "export.h"
#include "import.h"
#include "program.h"
#include "report.h"
#include "analysis.h"
#include "results.h"
#include "store.h"
#include "table.h"
#include "testio.h"
#include "testutil.h"
#include "util.h"
#include "versions.h"

/* What both versions of "mood" share: three yes/no questions and the scale
 * calm over them; each version goes on with calm's levels. */
#define MOOD(version, yes_score)                                                                   \
	"id: mood\n"                                                                               \
	"version: " version "\n"                                                                   \
	"title: \"Настроение\"\n"                                                        \
	"audience: [student]\n"                                                                    \
	"source: \"Written for the Anketa tests.\"\n"                                              \
	"license: original\n"                                                                      \
	"option_sets:\n"                                                                           \
	"  yn:\n"                                                                                  \
	"    - {label: \"Да\", score: " yes_score "}\n"                                            \
	"    - {label: \"Нет\", score: 0}\n"                                                    \
	"questions:\n"                                                                             \
	"  - {id: q1, text: \"Первый?\", options: yn}\n"                                     \
	"  - {id: q2, text: \"Второй?\", options: yn}\n"                                     \
	"  - {id: q3, text: \"Третий?\", options: yn}\n"                                     \
	"scales:\n"                                                                                \
	"  - id: calm\n"                                                                           \
	"    title: \"Спокойствие\"\n"                                                  \
	"    items: [q1, q2, q3]\n"                                                                \
	"    method: sum\n"                                                                        \
	"    levels:\n"

/* Version 1: "yes" scores 1; calm = q1 + q2 + q3 in 0..3, low 0..1, high 2..3. */
static const char mood_v1[] =
    MOOD("1", "1") "      - {id: low, label: \"Низкий\", min: 0, max: 1}\n"
                   "      - {id: high, label: \"Высокий\", min: 2, max: 3}\n";

/* Version 2: "yes" scores 2; calm in 0..6: low 0..2, medium 3..4, high
 * 5..6; a new scale worry = q1 in 0..2: no 0..1, yes 2. */
static const char mood_v2[] =
    MOOD("2", "2") "      - {id: low, label: \"Низкий\", min: 0, max: 2}\n"
                   "      - {id: medium, label: \"Средний\", min: 3, max: 4}\n"
                   "      - {id: high, label: \"Высокий\", min: 5, max: 6}\n"
                   "  - id: worry\n"
                   "    title: \"Тревога\"\n"
                   "    items: [q1]\n"
                   "    method: sum\n"
                   "    levels:\n"
                   "      - {id: no, label: \"Нет\", min: 0, max: 1}\n"
                   "      - {id: yes, label: \"Да\", min: 2, max: 2}\n";

/* Indicator 1 works with both versions; 2 names a level and 3 a scale that
 * only version 2 has. */
static const char programme[] = "id: prog\n"
                                "title: \"Программа\"\n"
                                "waves: [start, final]\n"
                                "min_n: 1\n"
                                "indicators:\n"
                                "  - id: \"1\"\n"
                                "    title: \"Спокойные\"\n"
                                "    survey: mood\n"
                                "    scale: calm\n"
                                "    levels: [high]\n"
                                "    kind: share\n"
                                "    targets: {final: 70}\n"
                                "  - id: \"2\"\n"
                                "    title: \"Не ниже среднего\"\n"
                                "    survey: mood\n"
                                "    scale: calm\n"
                                "    levels: [medium, high]\n"
                                "    kind: share\n"
                                "  - id: \"3\"\n"
                                "    title: \"Тревожные\"\n"
                                "    survey: mood\n"
                                "    scale: worry\n"
                                "    levels: [\"yes\"]\n"
                                "    kind: share\n";

#define HEAD                                                                                       \
	"sitting_id,device_id,wave,class,audience,respondent,survey_id,survey_version,"            \
	"question_id,value,score,answered_at\n"
#define ROW(wave, code, version, q, v, at)                                                         \
	",," wave ",6А,student," code ",mood," version "," q "," v ",,2026-09-" at "Z\n"
#define SITTING(wave, code, version, a, b, c, at)                                                  \
	ROW(wave, code, version, "q1", a, at ":01")                                                \
	ROW(wave, code, version, "q2", b, at ":02")                                                \
	ROW(wave, code, version, "q3", c, at ":03")

/* Answers are option positions: 1 = "Да", 2 = "Нет". */
static const char start_csv[] = HEAD SITTING("start", "R1", "1", "1", "1", "2", "15T10:00")
    SITTING("start", "R2", "1", "1", "2", "2", "15T11:00")
        SITTING("start", "R3", "1", "1", "1", "1", "15T12:00");
static const char final_csv[] = HEAD SITTING("final", "R1", "2", "1", "1", "1", "20T10:00")
    SITTING("final", "R2", "2", "1", "1", "2", "20T11:00")
        SITTING("final", "R3", "2", "2", "2", "2", "20T12:00");

typedef struct {
	char *tmp;
	char *surveys_dir;
	char *db;
	Store *store;
	SurveySet surveys;
	Program *program;
	ResultSet results;
	Diag warnings;
} Fixture;

static void
write_survey(Fixture *f, const char *text)
{
	free(testutil_write_file(f->surveys_dir, "mood.yaml", text));
}

static void
load_surveys(Fixture *f)
{
	Diag diag = { 0 };

	survey_set_free(&f->surveys);
	ck_assert_int_eq(survey_set_load_dir(&f->surveys, f->surveys_dir, &diag), 0);
	diag_clear(&diag);
}

static void
import_text(Fixture *f, const char *name, const char *csv)
{
	char *path = testutil_write_file(f->tmp, name, csv), *cause = NULL;
	ImportResult r;

	ck_assert_msg(import_answers_csv(f->store, &f->surveys, path, NULL, &r, &cause) == 0, "%s",
	              cause);
	ck_assert_int_eq(r.sittings_added, 3);
	free(path);
}

static void
open_store(Fixture *f)
{
	char *cause = NULL;

	f->store = store_open(f->db, &cause);
	ck_assert_msg(f->store != NULL, "%s", cause);
}

/* The start wave under version 1, then the file becomes version 2 and the
 * final wave is imported under it. */
static void
fixture_setup(Fixture *f)
{
	memset(f, 0, sizeof *f);
	f->tmp = testutil_tmpdir();
	f->surveys_dir = xasprintf("%s/surveys", f->tmp);
	f->db = xasprintf("%s/a.db", f->tmp);
	ck_assert_int_eq(mkdir(f->surveys_dir, 0755), 0);
	write_survey(f, mood_v1);
	load_surveys(f);
	open_store(f);
	import_text(f, "start.csv", start_csv);
	write_survey(f, mood_v2);
	load_surveys(f);
	import_text(f, "final.csv", final_csv);
}

static void
fixture_score(Fixture *f)
{
	char *cause = NULL, *prog = testutil_write_file(f->tmp, "prog.yaml", programme);
	Diag diag = { 0 };

	f->program = program_load(prog, &f->surveys, &diag);
	ck_assert_msg(f->program != NULL, "%s", diag_first_line(&diag));
	ck_assert_msg(results_load(f->store, &f->surveys, &f->results, &f->warnings, &cause) == 0,
	              "%s", cause);
	free(prog);
}

static void
fixture_free(Fixture *f)
{
	results_free(&f->results);
	program_free(f->program);
	store_close(f->store);
	survey_set_free(&f->surveys);
	diag_clear(&f->warnings);
	free(f->db);
	free(f->surveys_dir);
	free(f->tmp);
}

/* The scores table without the sitting ids (grouped sittings get name-based
 * UUIDs), one "wave,respondent,version,scale,value,level" line each. */
static char *
scores_text(const ResultSet *results)
{
	TestTable scores;
	char *text, *out = NULL, *save = NULL;
	size_t len = 0;
	FILE *f;

	ck_assert_int_eq(export_scores(results, testio_table_open(&scores)), 0);
	text = testio_table_text(&scores);
	f = open_memstream(&out, &len);
	for (char *line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char *cell[10], *cells = NULL;
		int n = 0;
		for (char *c = strtok_r(line, ",", &cells); c && n < 10;
		     c = strtok_r(NULL, ",", &cells))
			cell[n++] = c;
		ck_assert_int_eq(n, 10); /* no cell of these tables is empty */
		fprintf(f, "%s,%s,%s,%s,%s,%s\n", cell[1], cell[4], cell[6], cell[7], cell[8],
		        cell[9]);
	}
	fclose(f);
	free(text);
	return out;
}

static char *
indicators_text(Fixture *f)
{
	TestTable out;
	char *cause = NULL;
	Analysis *analysis = analysis_build(f->store, &f->surveys, &f->program, 1, NULL, &cause);
	const Diag *warnings;

	ck_assert_msg(analysis != NULL, "%s", cause);
	ck_assert_int_eq(export_indicators(analysis, testio_table_open(&out)), 0);
	/* The analysis' own warnings: the loader's, then the indicators'. */
	warnings = analysis_warnings(analysis);
	diag_clear(&f->warnings);
	for (int i = 0; i < warnings->n; i++)
		diag_add(&f->warnings, NULL, 0, 0, "%s", warnings->entries[i].message);
	analysis_free(analysis);
	return testio_table_text(&out);
}

/* The scores of the two waves, each sitting scored with the version it was
 * answered with. Version 1 sums: R1 1+1+0 = 2 high, R2 1+0+0 = 1 low, R3 3
 * high. Version 2 sums: R1 2+2+2 = 6 high, worry 2 yes; R2 2+2+0 = 4
 * medium, worry 2 yes; R3 0 low, worry 0 no. (Scored with version 2, the
 * start wave would be R1 4 medium, R2 2 low, R3 6 high.) */
static const char scores_as_answered[] = "wave,respondent,survey_version,scale_id,value,level\n"
                                         "start,R1,1,calm,2,high\n"
                                         "start,R2,1,calm,1,low\n"
                                         "start,R3,1,calm,3,high\n"
                                         "final,R1,2,calm,6,high\n"
                                         "final,R1,2,worry,2,yes\n"
                                         "final,R2,2,calm,4,medium\n"
                                         "final,R2,2,worry,2,yes\n"
                                         "final,R3,2,calm,0,low\n"
                                         "final,R3,2,worry,0,no\n";

START_TEST(test_scores_use_the_answered_version)
{
	Fixture f;
	char *text;

	fixture_setup(&f);
	fixture_score(&f);
	ck_assert_int_eq(f.warnings.n, 0);
	text = scores_text(&f.results);
	ck_assert_str_eq(text, scores_as_answered);
	free(text);
	fixture_free(&f);
}
END_TEST

/* Indicator 1 (calm high): start 2 of 3 = 66.7 % (the baseline: no
 * target); final 1 of 3 = 33.3 % < 70 not met. Indicator 2 (medium or high): version 1 has no
 * medium, so the start wave does not count (n 0); final R1 high + R2
 * medium = 2 of 3. Indicator 3 (worry yes): version 1 has no worry; final
 * R1 and R2 = 2 of 3. */
START_TEST(test_indicators_use_the_answered_version)
{
	Fixture f;
	char *text;

	fixture_setup(&f);
	fixture_score(&f);
	text = indicators_text(&f);
	ck_assert_str_eq(
	    text, "programme_id,indicator_id,wave,class,n,meeting,percent,target,met,"
	          "change,source,wave_title,value,change_pp,positive,nothing_to_reduce,too_few\n"
	          "prog,1,start,6А,3,2,66.7,,,,survey,start,,,,,\n"
	          "prog,1,start,*,3,2,66.7,,,,survey,start,,,,,\n"
	          "prog,1,final,6А,3,1,33.3,70,no,,survey,final,,-33.3,,,\n"
	          "prog,1,final,*,3,1,33.3,70,no,,survey,final,,-33.3,,,\n"
	          "prog,2,start,6А,0,0,,,,,survey,start,,,,,\n"
	          "prog,2,start,*,0,0,,,,,survey,start,,,,,\n"
	          "prog,2,final,6А,3,2,66.7,,,,survey,final,,,,,\n"
	          "prog,2,final,*,3,2,66.7,,,,survey,final,,,,,\n"
	          "prog,3,start,6А,0,0,,,,,survey,start,,,,,\n"
	          "prog,3,start,*,0,0,,,,,survey,start,,,,,\n"
	          "prog,3,final,6А,3,2,66.7,,,,survey,final,,,,,\n"
	          "prog,3,final,*,3,2,66.7,,,,survey,final,,,,,\n");
	ck_assert_int_eq(f.warnings.n, 2);
	ck_assert_str_eq(f.warnings.entries[0].message,
	                 "indicator 2: sittings of mood version 1 do not count, because scale "
	                 "«calm» of that version has no level «medium»; sittings: 3");
	ck_assert_str_eq(f.warnings.entries[1].message,
	                 "indicator 3: sittings of mood version 1 do not count, because that "
	                 "version of the survey has no scale «worry»; sittings: 3");
	free(text);
	fixture_free(&f);
}
END_TEST

/* A database from before survey files were kept: the start wave falls back
 * to version 2 (R1 2+2+0 = 4 medium, R2 2 low, R3 6 high) and one warning
 * says so. */
START_TEST(test_without_the_stored_file_the_current_one_scores)
{
	Fixture f;
	char *text, *expect;

	fixture_setup(&f);
	store_close(f.store);
	testio_sql_exec(f.db, "DELETE FROM survey_source WHERE version = 1");
	open_store(&f);
	fixture_score(&f);
	text = scores_text(&f.results);
	ck_assert_str_eq(text, "wave,respondent,survey_version,scale_id,value,level\n"
	                       "start,R1,1,calm,4,medium\n"
	                       "start,R1,1,worry,2,yes\n"
	                       "start,R2,1,calm,2,low\n"
	                       "start,R2,1,worry,2,yes\n"
	                       "start,R3,1,calm,6,high\n"
	                       "start,R3,1,worry,2,yes\n"
	                       "final,R1,2,calm,6,high\n"
	                       "final,R1,2,worry,2,yes\n"
	                       "final,R2,2,calm,4,medium\n"
	                       "final,R2,2,worry,2,yes\n"
	                       "final,R3,2,calm,0,low\n"
	                       "final,R3,2,worry,0,no\n");
	ck_assert_int_eq(f.warnings.n, 1);
	expect = xasprintf("%s/mood.yaml", f.surveys_dir);
	ck_assert_str_eq(f.warnings.entries[0].file, expect);
	ck_assert_str_eq(f.warnings.entries[0].message,
	                 "sittings of mood version 1 were answered with a survey file this "
	                 "database does not keep (answered before Anketa kept survey files, or "
	                 "brought in from an older kiosk or a CSV file): they were scored with "
	                 "the current file (version 2), so their scores may differ from those of "
	                 "the file they saw; sittings: 3");
	free(expect);
	free(text);
	fixture_free(&f);
}
END_TEST

/* A stored text that is not the file its hash names (edited in the
 * database) is not trusted: the current file scores, and the warning says
 * why. */
START_TEST(test_a_tampered_stored_file_is_not_used)
{
	Fixture f;

	fixture_setup(&f);
	store_close(f.store);
	testio_sql_exec(f.db, "UPDATE survey_source SET source = replace(source, 'Настроение',"
	                      " 'Настроение!') WHERE version = 1");
	open_store(&f);
	fixture_score(&f);
	ck_assert_int_eq(f.warnings.n, 1);
	ck_assert_str_eq(f.warnings.entries[0].message,
	                 "sittings of mood version 1 were scored with the current file (version "
	                 "2): the copy of the file they were answered with, kept in the database, "
	                 "cannot be used (the stored text is not the file the sittings name); "
	                 "sittings: 3");
	/* R1 at the start, with version 2: 2+2+0 = 4 medium. */
	ck_assert_int_eq(f.results.items[0].survey->version, 2);
	ck_assert_int_eq((int)f.results.items[0].results[0].value, 4);
	fixture_free(&f);
}
END_TEST

/* The file left surveys/ altogether: its sittings are still scored, each
 * with the version it was answered with. */
START_TEST(test_a_removed_file_still_scores_from_the_database)
{
	Fixture f;
	char *path, *text;
	Diag diag = { 0 };
	char *cause = NULL;

	fixture_setup(&f);
	path = xasprintf("%s/mood.yaml", f.surveys_dir);
	ck_assert_int_eq(remove(path), 0);
	survey_set_free(&f.surveys);
	ck_assert_int_eq(results_load(f.store, &f.surveys, &f.results, &diag, &cause), 0);
	ck_assert_int_eq(diag.n, 0);
	text = scores_text(&f.results);
	ck_assert_str_eq(text, scores_as_answered);
	ck_assert_str_eq(f.results.items[0].survey->path,
	                 "mood version 1 (stored in the database)");
	free(text);
	free(path);
	fixture_free(&f);
}
END_TEST

/* The report's levels table lists the current file's levels; a sitting of
 * version 1 counts in the level of the same id. calm, start (version 1):
 * R1 high, R2 low, R3 high; final (version 2): R1 high, R2 medium, R3 low.
 * worry, which version 1 lacks: nobody at the start. */
START_TEST(test_report_levels_match_by_id)
{
	Fixture f;
	char *path, *cmd, *text = NULL, *cause = NULL;
	size_t len = 0;
	FILE *p, *mem;
	int c;
	Analysis *analysis;

	fixture_setup(&f);
	fixture_score(&f);
	path = xasprintf("%s/report.pdf", f.tmp);
	analysis = analysis_build(f.store, &f.surveys, &f.program, 1, NULL, &cause);
	ck_assert_msg(analysis != NULL, "%s", cause);
	ck_assert_msg(report_save(f.store, analysis, path, &cause) == 0, "%s", cause);
	analysis_free(analysis);
	cmd = xasprintf("pdftotext -layout '%s' - | tr -s ' '", path);
	p = popen(cmd, "r");
	ck_assert_ptr_nonnull(p);
	mem = open_memstream(&text, &len);
	while ((c = fgetc(p)) != EOF)
		fputc(c, mem);
	fclose(mem);
	ck_assert_msg(pclose(p) == 0, "pdftotext failed (is poppler-utils installed?)");
	ck_assert_msg(strstr(text, "Низкий 1 1\n") != NULL, "%s", text);
	ck_assert_msg(strstr(text, "Средний 0 1\n") != NULL, "%s", text);
	ck_assert_msg(strstr(text, "Высокий 2 1\n") != NULL, "%s", text);
	ck_assert_msg(strstr(text, "Total 3 3\n") != NULL, "%s", text);
	ck_assert_msg(strstr(text, "Total 0 3\n") != NULL, "%s", text); /* worry */
	free(text);
	free(cmd);
	free(path);
	fixture_free(&f);
}
END_TEST

/* The resolver on its own: the same key is worked out once and counted. */
START_TEST(test_find_counts_and_falls_back)
{
	Fixture f;
	Versions *v;
	const Survey *s1, *s2, *s3;
	Diag diag = { 0 };
	char *cause = NULL;

	fixture_setup(&f);
	v = versions_new(&f.surveys, f.store);
	ck_assert_int_eq(versions_find(v, "mood", 2, f.surveys.items[0]->hash, &s1, &cause), 0);
	ck_assert_ptr_eq(s1, f.surveys.items[0]);
	ck_assert_int_eq(versions_find(v, "mood", 7, "", &s2, &cause), 0);
	ck_assert_ptr_eq(s2, f.surveys.items[0]); /* unknown file: the current one */
	ck_assert_int_eq(versions_find(v, "mood", 7, "", &s2, &cause), 0);
	ck_assert_int_eq(versions_find(v, "nosuch", 1, "abc", &s3, &cause), 0);
	ck_assert_ptr_null(s3);
	versions_warn(v, &diag);
	ck_assert_int_eq(diag.n, 2);
	ck_assert_str_eq(diag.entries[0].message,
	                 "sittings of mood version 7 came without the hash of their survey file, "
	                 "so the file they were answered with is unknown: they were scored with "
	                 "the current file (version 2); sittings: 2");
	ck_assert_str_eq(diag.entries[1].message,
	                 "no survey file has the id nosuch: its sittings were left out");
	diag_clear(&diag);
	versions_free(v);
	fixture_free(&f);
}
END_TEST

static Suite *
versions_suite(void)
{
	Suite *s = suite_create("versions");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_scores_use_the_answered_version);
	tcase_add_test(tc, test_indicators_use_the_answered_version);
	tcase_add_test(tc, test_without_the_stored_file_the_current_one_scores);
	tcase_add_test(tc, test_a_tampered_stored_file_is_not_used);
	tcase_add_test(tc, test_a_removed_file_still_scores_from_the_database);
	tcase_add_test(tc, test_find_counts_and_falls_back);
	tcase_add_test(tc, test_report_levels_match_by_id);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return testutil_run(versions_suite());
}
