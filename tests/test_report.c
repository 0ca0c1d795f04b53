/*
 * test_report.c: the psychologist's PDF report, read back with pdftotext
 * (poppler-utils) the way a person would read the printed pages.
 */
#include <check.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export.h"
#include "import.h"
#include "program.h"
#include "report.h"
#include "analysis.h"
#include "results.h"
#include "store.h"
#include "testutil.h"
#include "util.h"

typedef struct {
	SurveySet surveys;
	Program *program;
	Store *store;
	Analysis *analysis;
} Fixture;

/* The mini survey and programme of tests/fixtures/store with the answers
 * in csv (an answers CSV) and the class list 6А: 3 students, 6Б: 4. */
static void
fixture_load(Fixture *f, const char *csv_path)
{
	char *dir = testutil_source_path("tests/fixtures/store/surveys");
	char *prog = testutil_source_path("tests/fixtures/store/surveys/programs/mini.yaml");
	char *cause = NULL;
	Diag diag = { 0 };
	ImportResult r;
	StoreClass classes[] = { { "6А", 3, 0, false }, { "6Б", 4, 0, false } };

	memset(f, 0, sizeof *f);
	ck_assert_int_eq(survey_set_load_dir(&f->surveys, dir, &diag), 0);
	f->program = program_load(prog, &f->surveys, &diag);
	ck_assert_ptr_nonnull(f->program);
	f->store = store_open(":memory:", &cause);
	ck_assert_ptr_nonnull(f->store);
	if (csv_path != NULL)
		ck_assert_msg(
		    import_answers_csv(f->store, &f->surveys, csv_path, NULL, &r, &cause) == 0,
		    "%s", cause);
	ck_assert_int_eq(store_classes_replace(f->store, classes, 2, &cause), 0);
	f->analysis = analysis_build(f->store, &f->surveys, &f->program, 1, NULL, &cause);
	ck_assert_msg(f->analysis != NULL, "%s", cause);
	ck_assert_int_eq(diag.n, 0);
	ck_assert_int_eq(analysis_warnings(f->analysis)->n, 0);
	free(dir);
	free(prog);
}

static void
fixture_free(Fixture *f)
{
	analysis_free(f->analysis);
	store_close(f->store);
	program_free(f->program);
	survey_set_free(&f->surveys);
}

/* Writes the fixture's report to a new temporary file; the caller frees
 * the path. */
static char *
fixture_pdf(Fixture *f)
{
	char *tmp = testutil_tmpdir(), *path = xasprintf("%s/report.pdf", tmp);
	char *cause = NULL, *head;
	FILE *out = fopen(path, "wb");
	ReportInput in = { .date = "15.09.2026", .analysis = f->analysis };

	ck_assert_ptr_nonnull(out);
	ck_assert_msg(report_write_pdf(&in, out, &cause) == 0, "%s", cause);
	ck_assert_int_eq(fclose(out), 0);
	head = testutil_read_file(path);
	ck_assert_ptr_nonnull(head);
	ck_assert_msg(strncmp(head, "%PDF-", 5) == 0, "not a PDF: %.8s", head);
	free(head);
	free(tmp);
	return path;
}

/* The text of the PDF's pages first..last (0: to the end) as pdftotext
 * lays it out, with every run of spaces made one space, so a table row
 * reads "6А 50,0 % 50,0 %". */
static char *
pdf_text(const char *path, int first, int last)
{
	char *cmd = xasprintf("pdftotext -layout -f %d -l %d '%s' -", first, last, path);
	FILE *p = popen(cmd, "r");
	char *text = NULL, *in, *out;
	size_t len = 0;
	FILE *mem = open_memstream(&text, &len);
	int c;

	ck_assert_msg(p != NULL, "cannot run pdftotext");
	while ((c = fgetc(p)) != EOF)
		fputc(c, mem);
	ck_assert_msg(pclose(p) == 0, "pdftotext failed (is poppler-utils installed?)");
	fclose(mem);
	free(cmd);
	for (in = out = text; *in; in++)
		if (*in != ' ' || (out > text && out[-1] != ' '))
			*out++ = *in;
	*out = '\0';
	return text;
}

/* A no-break space: keeps "66,7 %" and "(2 из 3)" together in a cell. */
#define NB "\xC2\xA0"

#define ASSERT_HAS(text, needle)                                                                   \
	ck_assert_msg(strstr((text), (needle)) != NULL, "missing \"%s\" in:\n%.2000s", (needle),   \
	              (text))

/* How many times needle is in text. */
static int
count(const char *text, const char *needle)
{
	int n = 0;

	for (const char *at = text; (at = strstr(at, needle)) != NULL; at++)
		n++;
	return n;
}

/* Where needle first is in text (it must be there). */
static long
offset(const char *text, const char *needle)
{
	const char *at = strstr(text, needle);

	ck_assert_msg(at != NULL, "missing \"%s\"", needle);
	return at - text;
}

START_TEST(test_target_text)
{
	static const struct {
		IndicatorTarget target;
		const char *want;
	} cases[] = {
		{ { 1, TARGET_PERCENT, 70 }, "70" NB "%" },
		{ { 1, TARGET_PERCENT, 50.5 }, "50,5" NB "%" },
		{ { 1, TARGET_COUNT, 3 }, "не менее 3" },
		{ { 1, TARGET_PLUS, 2 }, "план + 2" },
		{ { 1, TARGET_YESNO, 1 }, "да" },
		{ { 1, TARGET_YESNO, 0 }, "нет" },
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *s = report_target_text(&cases[i].target);
		ck_assert_str_eq(s, cases[i].want);
		free(s);
	}
}
END_TEST

START_TEST(test_decimal)
{
	char *s;

	/* 2 of 3 = 66.666...; one decimal, half away from zero, a comma. */
	s = report_decimal(100.0 * 2 / 3);
	ck_assert_str_eq(s, "66,7");
	free(s);
	s = report_decimal(12.25); /* exactly half: away from zero */
	ck_assert_str_eq(s, "12,3");
	free(s);
	s = report_decimal(-0.04); /* rounds to zero: no minus sign */
	ck_assert_str_eq(s, "0,0");
	free(s);
	s = report_decimal(100);
	ck_assert_str_eq(s, "100,0");
	free(s);
}
END_TEST

START_TEST(test_cell_text)
{
	Fixture f;
	IndicatorRow share = { .wave = "final",
		               .n = 3,
		               .meeting = 2,
		               .has_percent = true,
		               .percent = 100.0 * 2 / 3,
		               .has_met = true,
		               .met = false };
	IndicatorRow reduction = { .wave = "final",
		                   .n = 3,
		                   .meeting = 1,
		                   .has_percent = true,
		                   .percent = 100.0 / 3,
		                   .has_met = true,
		                   .met = true,
		                   .has_change = true,
		                   .change = 50 };
	IndicatorRow baseline = reduction, empty = { .wave = "start" }, up = reduction;
	char *s;

	fixture_load(&f, NULL);
	s = report_cell_text(f.program, &f.program->indicators[0], &share);
	ck_assert_str_eq(s, "66,7" NB "% (2" NB "из" NB "3)\n✗ не выполнено");
	free(s);
	/* Indicator 2 is a reduction against the start wave. */
	s = report_cell_text(f.program, &f.program->indicators[1], &reduction);
	ck_assert_str_eq(s, "33,3" NB "% (1" NB "из" NB "3)\nснижение на 50,0" NB "%\n✓ выполнено");
	free(s);
	/* At the baseline wave itself no reduction is shown (it is zero). */
	baseline.wave = "start";
	baseline.has_met = false;
	baseline.change = 0;
	s = report_cell_text(f.program, &f.program->indicators[1], &baseline);
	ck_assert_str_eq(s, "33,3" NB "% (1" NB "из" NB "3)");
	free(s);
	/* The share went up from 20 % to 33.3 %: (20 - 33.3) / 20 = -66.7 %. */
	up.change = -66.666;
	up.met = false;
	s = report_cell_text(f.program, &f.program->indicators[1], &up);
	ck_assert_str_eq(s, "33,3" NB "% (1" NB "из" NB "3)\nрост на 66,7" NB "%\n✗ не выполнено");
	free(s);
	s = report_cell_text(f.program, &f.program->indicators[0], &empty);
	ck_assert_str_eq(s, "нет данных");
	free(s);
	/* Positive dynamics asked for (min_change): the change with its sign. */
	s = report_cell_text(f.program, &f.program->indicators[0],
	                     &(IndicatorRow){ .wave = "final",
	                                      .n = 3,
	                                      .meeting = 2,
	                                      .has_percent = true,
	                                      .percent = 100.0 * 2 / 3,
	                                      .has_change_pp = true,
	                                      .change_pp = 100.0 * 2 / 3 - 50,
	                                      .has_positive = true,
	                                      .positive = true });
	ck_assert_str_eq(s, "66,7" NB "% (2" NB "из" NB "3)\n+16,7" NB "п." NB
	                    "п.: положительная динамика");
	free(s);
	s = report_cell_text(f.program, &f.program->indicators[0],
	                     &(IndicatorRow){ .wave = "final",
	                                      .n = 4,
	                                      .meeting = 1,
	                                      .has_percent = true,
	                                      .percent = 25,
	                                      .has_change_pp = true,
	                                      .change_pp = -25,
	                                      .has_positive = true });
	ck_assert_str_eq(s, "25,0" NB "% (1" NB "из" NB "4)\n\xE2\x88\x92"
	                    "25,0" NB "п." NB "п.: нет положительной динамики");
	free(s);
	/* A reduction from 0 %: nothing to reduce, no figure of change. */
	s = report_cell_text(f.program, &f.program->indicators[1],
	                     &(IndicatorRow){ .wave = "final",
	                                      .n = 2,
	                                      .meeting = 1,
	                                      .has_percent = true,
	                                      .percent = 50,
	                                      .nothing_to_reduce = true });
	ck_assert_str_eq(s,
	                 "50,0" NB "% (1" NB "из" NB "2)\nснижать нечего: в исходных данных 0 %");
	free(s);
	/* From fewer respondents than min_n: the figure, said to be too few. */
	f.program->indicators[0].min_n = 5;
	s = report_cell_text(f.program, &f.program->indicators[0],
	                     &(IndicatorRow){ .wave = "final",
	                                      .n = 3,
	                                      .meeting = 2,
	                                      .has_percent = true,
	                                      .percent = 100.0 * 2 / 3,
	                                      .has_target = true,
	                                      .target = 70,
	                                      .too_few = true });
	ck_assert_str_eq(s, "66,7" NB "% (2" NB "из" NB "3)\nмало данных: меньше 5 ответивших");
	free(s);
	/* Entered values: a count and a yes/no answer, with their targets. */
	s = report_cell_text(f.program, &f.program->indicators[0],
	                     &(IndicatorRow){ .wave = "final",
	                                      .kind = INDICATOR_COUNT,
	                                      .has_value = true,
	                                      .value = 7,
	                                      .has_met = true,
	                                      .met = true });
	ck_assert_str_eq(s, "7\n✓ выполнено");
	free(s);
	s = report_cell_text(f.program, &f.program->indicators[0],
	                     &(IndicatorRow){ .wave = "final",
	                                      .kind = INDICATOR_YESNO,
	                                      .has_value = true,
	                                      .value = 0,
	                                      .has_met = true,
	                                      .met = false });
	ck_assert_str_eq(s, "нет\n✗ не выполнено");
	free(s);
	fixture_free(&f);
}
END_TEST

START_TEST(test_report_pdf)
{
	Fixture f;
	char *csv = testutil_source_path("tests/fixtures/store/results.csv"), *path, *text;

	fixture_load(&f, csv);
	path = fixture_pdf(&f);
	text = pdf_text(path, 1, 0);
	ASSERT_HAS(text, "Отчёт педагога-психолога");
	ASSERT_HAS(text, "Мини-программа");
	ASSERT_HAS(text, "Дата составления: 15.09.2026");
	/* Completed sittings of mini: start a1, a2, b1 (b2 is in progress),
	 * final f1, f2, f3. */
	ASSERT_HAS(text, "Анкета Стартовая диагностика Итоговая диагностика Всего");
	ASSERT_HAS(text, "Мини 3 3 6");
	/*
	 * Indicator 1, share of "high" (s = q1 + q2; high from 3): start (the
	 * baseline, no target) 6А A1 high, A2 low: 1 of 2 = 50,0 %; 6Б B1 low:
	 * 0 of 1; school 1 of 3 = 33,3 %. Final 6А 1 of 2 = 50,0 % < 70; 6Б 1
	 * of 1 = 100,0 % met; school 2 of 3 = 66,7 % < 70.
	 */
	ASSERT_HAS(text, "1. Доля с высоким баллом");
	/* The definition the programme gives, beside the indicator. */
	ASSERT_HAS(text, "1. Доля с высоким баллом\nОпределение: высокий балл — 3 и больше\n");
	ASSERT_HAS(text, "Целевые значения: Итоговая диагностика — 70 %");
	ASSERT_HAS(text, "6А 50,0 % (1 из 2) 50,0 % (1 из 2)\n ✗ не выполнено");
	ASSERT_HAS(text, "6Б 0,0 % (0 из 1) 100,0 % (1 из 1)\n ✓ выполнено");
	ASSERT_HAS(text, "Вся школа 33,3 % (1 из 3) 66,7 % (2 из 3)\n ✗ не выполнено");
	/* Indicator 2, reduction of "low" vs start: school 2 of 3 -> 1 of 3,
	 * (2/3 - 1/3) / (2/3) = 50,0 %, target 50: met. 6Б 1 of 1 -> 0 of 1:
	 * 100,0 %. */
	ASSERT_HAS(text, "Вся школа 66,7 % (2 из 3) 33,3 % (1 из 3)\n снижение на 50,0 %\n "
	                 "✓ выполнено");
	ASSERT_HAS(text, "снижение на 100,0 %");
	/* Indicator 3, participation of 3 + 4 students: 6А 2 of 3 = 66,7 %,
	 * 6Б 1 of 4 = 25,0 %, school 3 of 7 = 42,9 %; a target at final only. */
	ASSERT_HAS(text, "Вся школа 42,9 % (3 из 7) 42,9 % (3 из 7)\n ✗ не выполнено\n");
	/* Levels of s per wave: start high a1, low a2 b1; final high f1 f3,
	 * low f2. */
	ASSERT_HAS(text, "Распределение респондентов по уровням");
	ASSERT_HAS(text, "Уровень Стартовая диагностика Итоговая диагностика\n");
	ASSERT_HAS(text, "Высокий 1 2\n");
	ASSERT_HAS(text, "Низкий 2 1\n");
	ASSERT_HAS(text, "Всего 3 3\n");
	ck_assert_int_eq(count(text, "без класса"), 0);
	ASSERT_HAS(text, "Страница 1 из 2");
	ASSERT_HAS(text, "Страница 2 из 2");
	free(text);
	free(path);
	free(csv);
	fixture_free(&f);
}
END_TEST

/* A programme that counts flagged classes only: the report names them,
 * and 6Б (not flagged) has no row. */
START_TEST(test_report_flagged_classes)
{
	Fixture f;
	char *csv = testutil_source_path("tests/fixtures/store/results.csv"), *path, *text;
	char *cause = NULL;
	StoreClass classes[] = { { "6А", 3, 0, true }, { "6Б", 4, 0, false } };

	fixture_load(&f, csv);
	ck_assert_int_eq(store_classes_replace(f.store, classes, 2, &cause), 0);
	f.program->flagged_classes = true;
	analysis_free(f.analysis);
	f.analysis = analysis_build(f.store, &f.surveys, &f.program, 1, NULL, &cause);
	ck_assert_ptr_nonnull(f.analysis);
	path = fixture_pdf(&f);
	text = pdf_text(path, 1, 0);
	ASSERT_HAS(text, "Учитываются только классы, отмеченные в списке классов: 6А.");
	/* Indicator 1 at start: 6А 1 of 2, the school the same (6Б left out). */
	ASSERT_HAS(text, "6А 50,0 % (1 из 2) 50,0 % (1 из 2)");
	ASSERT_HAS(text, "Вся школа 50,0 % (1 из 2) 50,0 % (1 из 2)");
	ck_assert_int_eq(count(text, "\n6Б "), 0);
	free(text);
	free(path);
	free(csv);
	fixture_free(&f);
}
END_TEST

/* Without any answers: no groups, every share "no data" (participation is
 * 0 of the class list). */
START_TEST(test_report_empty)
{
	Fixture f;
	char *path, *text;

	fixture_load(&f, NULL);
	path = fixture_pdf(&f);
	text = pdf_text(path, 1, 0);
	ASSERT_HAS(text, "Заполненных анкет пока нет.");
	/* Indicators 1 and 2 have no figure at all: one sentence, no table. */
	ck_assert_int_eq(count(text, "Данных пока нет: анкету ещё не заполнил никто"), 2);
	ck_assert_int_eq(count(text, "нет данных"), 0);
	/* 0 of 3 + 4 students took part. */
	ASSERT_HAS(text, "Вся школа 0,0 % (0 из 7) 0,0 % (0 из 7)\n ✗ не выполнено\n");
	ck_assert_ptr_null(strstr(text, "Распределение респондентов"));
	ASSERT_HAS(text, "Страница 1 из 1");
	free(text);
	free(path);
	fixture_free(&f);
}
END_TEST

/* The widest class name a database takes (24 bytes, store_field_max():
 * twelve of the widest Cyrillic letter): it must fit or break, never run
 * past the page. */
#define LONG_CLASS "ШШШШШШШШШШШШ"

/* Appends one completed sitting answering q1 with option `option`. */
static void
add_sitting(FILE *csv, int id, const char *klass, const char *code, int option, int hour)
{
	fprintf(csv,
	        "00000000-0000-4000-8000-%012d,d,start,%s,student,%s,mini,2,q1,%d,,"
	        "2026-09-15T%02d:00:00Z\n",
	        id, klass, code, option, hour);
}

/* One sitting at the start wave in each of the classes К1..К40 and
 * LONG_CLASS, answering q1 with its first option (2 points: low). R1 of
 * К1 answers again later with the third option (0 points, still low):
 * a respondent counts once. T1 has no class (1 point, low). */
static char *
many_classes_csv(const char *dir)
{
	char *text = NULL, *path;
	size_t len = 0;
	FILE *csv = open_memstream(&text, &len);
	char klass[16];

	fputs("sitting_id,device_id,wave,class,audience,respondent,survey_id,survey_version,"
	      "question_id,value,score,answered_at\n",
	      csv);
	for (int i = 1; i <= 40; i++) {
		snprintf(klass, sizeof klass, "К%d", i);
		add_sitting(csv, i, klass, "R1", 1, 10);
	}
	add_sitting(csv, 41, "К1", "R1", 3, 11);
	add_sitting(csv, 42, LONG_CLASS, "R1", 1, 10);
	add_sitting(csv, 43, "", "T1", 2, 10);
	fclose(csv);
	path = testutil_write_file(dir, "many.csv", text);
	free(text);
	return path;
}

/* The largest right edge of any word on the PDF's pages (pdftotext -bbox). */
static double
widest_word_edge(const char *path)
{
	char *cmd = xasprintf("pdftotext -bbox '%s' -", path);
	FILE *p = popen(cmd, "r");
	char line[4096], *at;
	double edge = 0;

	ck_assert_ptr_nonnull(p);
	while (fgets(line, sizeof line, p) != NULL) {
		at = strstr(line, "xMax=\"");
		if (at != NULL && strtod(at + 6, NULL) > edge)
			edge = strtod(at + 6, NULL);
	}
	ck_assert_int_eq(pclose(p), 0);
	free(cmd);
	return edge;
}

/* A table longer than a page goes on over the next ones, with its header
 * row repeated, and no text runs past the page's right margin. */
START_TEST(test_report_long_table)
{
	Fixture f;
	char *tmp = testutil_tmpdir(), *csv = many_classes_csv(tmp), *path, *text, *page2;
	char name[16];

	fixture_load(&f, csv);
	path = fixture_pdf(&f);
	text = pdf_text(path, 1, 0);
	for (int i = 1; i <= 40; i++) {
		snprintf(name, sizeof name, "\nК%d ", i);
		ASSERT_HAS(text, name);
	}
	/* Classes in the order a school lists them: К2 before К10. */
	ck_assert_int_lt(offset(text, "\nК9 "), offset(text, "\nК10 "));
	/* Nobody from 6А and 6Б of the class list answered: no rows for them. */
	ASSERT_HAS(text, "Нет данных по классам: 6А, 6Б.");
	ck_assert_int_eq(count(text, "\n6А нет данных"), 0);
	/* 43 start sittings (R1 of К1 twice). */
	ASSERT_HAS(text, "Мини 43 43\n");
	/* Levels: 42 respondents, all low. */
	ASSERT_HAS(text, "Высокий 0\n");
	ASSERT_HAS(text, "Низкий 42\n");
	/* Nobody answered at the final wave; T1 counts without a class. */
	ASSERT_HAS(text, "\nК16 0,0 % (0 из 1) нет данных\n");
	ASSERT_HAS(text, "\n(без класса) 0,0 % (0 из 1) нет данных\n");
	/* Share of high: 0 of 42 at the whole school. */
	ASSERT_HAS(text, "\nВся школа 0,0 % (0 из 42) нет данных\n");
	page2 = pdf_text(path, 2, 2);
	ASSERT_HAS(page2, "Класс Стартовая диагностика Итоговая диагностика\n");
	/* A4 is 595.3 points wide, the right margin 15 mm = 42.5 points. */
	ck_assert_double_le(widest_word_edge(path), 595.276 - 42.52 + 0.5);
	free(page2);
	free(text);
	free(path);
	free(csv);
	free(tmp);
	fixture_free(&f);
}
END_TEST

/* A full disk: an error the psychologist can read, not a crash. */
START_TEST(test_report_disk_full)
{
	Fixture f;
	char *csv = testutil_source_path("tests/fixtures/store/results.csv"), *cause = NULL, *want;
	FILE *out = fopen("/dev/full", "wb");
	ReportInput in = { .date = "15.09.2026" };

	ck_assert_ptr_nonnull(out);
	fixture_load(&f, csv);
	in.analysis = f.analysis;
	ck_assert_int_eq(report_write_pdf(&in, out, &cause), -1);
	ck_assert_ptr_nonnull(cause);
	/* The system's own words for ENOSPC follow (in Russian, too). */
	want = xasprintf("не удаётся записать отчёт: %s", strerror(ENOSPC));
	ck_assert_str_eq(cause, want);
	fclose(out);
	free(want);
	free(cause);
	free(csv);
	fixture_free(&f);
}
END_TEST

static Suite *
report_suite(void)
{
	Suite *s = suite_create("report");
	TCase *tc = tcase_create("report");

	tcase_add_test(tc, test_decimal);
	tcase_add_test(tc, test_target_text);
	tcase_add_test(tc, test_cell_text);
	tcase_add_test(tc, test_report_pdf);
	tcase_add_test(tc, test_report_empty);
	tcase_add_test(tc, test_report_flagged_classes);
	tcase_add_test(tc, test_report_long_table);
	tcase_add_test(tc, test_report_disk_full);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	unsetenv("LANGUAGE"); /* the report a psychologist prints is in Russian */
	util_i18n_init(NULL);
	return testutil_run(report_suite());
}
