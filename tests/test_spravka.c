/*
 * test_spravka.c: the analytical note's text, read from the document
 * model, on a school whose every figure is worked out by hand: the
 * sentences, the plural forms, the tables with small classes suppressed,
 * the paired change, the groups, the alerts and the sources.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "doc_internal.h"
#include "import.h"
#include "program.h"
#include "spravka.h"
#include "store.h"
#include "testutil.h"
#include "util.h"

/* The mini survey's scale s: q1 = 1 and q2 = 2 score 2 + 2 = 4, high;
 * q1 = 3 scores 0, low. min_n is 3. */
static const char programme[] = "id: p\n"
                                "title: \"Программа школы\"\n"
                                "waves:\n"
                                "  - {id: start, title: \"Исходные данные\"}\n"
                                "  - {id: final, title: \"Итоговый этап\"}\n"
                                "min_n: 3\n"
                                "indicators:\n"
                                "  - id: \"1.2\"\n"
                                "    title: \"Мотивация\"\n"
                                "    survey: mini\n"
                                "    scale: s\n"
                                "    levels: [high]\n"
                                "    kind: share\n"
                                "    targets: {final: 70}\n"
                                "  - id: \"2.1\"\n"
                                "    title: \"Мероприятия для родителей\"\n"
                                "    kind: count\n"
                                "  - id: sd.low\n"
                                "    title: \"Самодиагностика: низкий балл\"\n"
                                "    survey: mini\n"
                                "    scale: s\n"
                                "    levels: [low]\n"
                                "    kind: share\n";

/*
 * start: 6А A1 high, A2 low, A3 low; 6Б B1 high; 6В V1 high, V2 high, V3
 * low, V4 low: the school 4 of 8 = 50,0 %.
 * final: 6А all high, 6Б B1 low, 6В all high: 7 of 8 = 87,5 % >= 70, met,
 * +37,5 points. With min_n 3, 6Б (1) is too few and the school minus the
 * classes shown would give it away (8 - 7 = 1), so the smallest shown, 6А
 * (3), is hidden too (8 - 4 = 4). Paired: A1, V1, V2 stay high; A2, A3, V3,
 * V4 move up; B1 moves down. Alerts (q1 = А): 4 at the start, 7 at the
 * final.
 */
/* One sitting's rows: a high one answers q1 = 1 and q2 = 2, a low one
 * q1 = 3. who is "6А A1 h". */
static void
sitting_rows(FILE *out, const char *wave, const char *day, const char *who)
{
	int klass = (int)(strchr(who, ' ') - who);
	const char *code = who + klass + 1;
	bool high = who[strlen(who) - 1] == 'h';

	for (int q = 0; q < (high ? 2 : 1); q++)
		fprintf(out,
		        ",,%s,%.*s,student,%.2s,mini,2,q%d,%s,,%sT10:00:00Z,completed,%sT10:00:00Z,"
		        "%sT10:00:00Z\n",
		        wave, klass, who, code, q + 1, high ? (q ? "2" : "1") : "3", day, day, day);
}

static char *
answers_csv(void)
{
	static const char *const start[] = { "6А A1 h", "6А A2 l", "6А A3 l", "6Б B1 h",
		                             "6В V1 h", "6В V2 h", "6В V3 l", "6В V4 l" };
	static const char *const final[] = { "6А A1 h", "6А A2 h", "6А A3 h", "6Б B1 l",
		                             "6В V1 h", "6В V2 h", "6В V3 h", "6В V4 h" };
	char *csv = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&csv, &len);

	fputs("sitting_id,device_id,wave,class,audience,respondent,survey_id,survey_version,"
	      "question_id,value,score,answered_at,status,started_at,completed_at\n",
	      out);
	for (int i = 0; i < 8; i++)
		sitting_rows(out, "start", "2026-09-15", start[i]);
	for (int i = 0; i < 8; i++)
		sitting_rows(out, "final", "2026-12-01", final[i]);
	fclose(out);
	return csv;
}

/* The document as plain text: a block a line, a table's cells joined by
 * " | " and its rows by lines; no-break spaces as spaces. */
static char *
doc_plain(const Doc *doc)
{
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);

	for (int b = 0; b < doc->n_blocks; b++) {
		const DocBlock *block = &doc->blocks[b];
		for (int r = 0; r < block->n_runs; r++)
			fputs(block->runs[r].text, out);
		for (int i = 0; block->kind == DOC_BLOCK_TABLE && i < block->table->n_rows; i++)
			for (int c = 0; c < block->table->n_cols; c++)
				fprintf(out, "%s%s",
				        block->table->cells[i * block->table->n_cols + c],
				        c + 1 < block->table->n_cols ? " | " : "\n");
		if (block->kind == DOC_BLOCK_IMAGE)
			fputs("[image]", out);
		fputc('\n', out);
	}
	fclose(out);
	for (char *p; (p = strstr(text, "\xC2\xA0")) != NULL;)
		memmove(p, p + 1, strlen(p + 1) + 1), *p = ' ';
	return text;
}

#define ASSERT_HAS(text, needle)                                                                   \
	ck_assert_msg(strstr((text), (needle)) != NULL, "missing \"%s\" in:\n%s", (needle), (text))

START_TEST(test_note_text)
{
	char *dir = testutil_tmpdir(),
	     *surveys_dir = testutil_source_path("tests/fixtures/store/surveys");
	char *csv_text = answers_csv(), *csv = testutil_write_file(dir, "a.csv", csv_text);
	char *prog = testutil_write_file(dir, "p.yaml", programme), *cause = NULL, *text;
	SurveySet surveys = { 0 };
	Diag diag = { 0 };
	ImportResult r;
	Program *program;
	Store *store = store_open(":memory:", &cause);
	Analysis *a;
	Doc *doc;

	ck_assert_int_eq(survey_set_load_dir(&surveys, surveys_dir, &diag), 0);
	program = program_load(prog, &surveys, &diag);
	ck_assert_ptr_nonnull(program);
	ck_assert_int_eq(store_school_set(store, "Школа № 5", &cause), 0);
	ck_assert_msg(import_answers_csv(store, &surveys, csv, NULL, &r, &cause) == 0, "%s", cause);
	a = analysis_build(store, &surveys, &program, 1, NULL, &cause);
	ck_assert_msg(a != NULL, "%s", cause);
	doc = spravka_build(a, "02.12.2026", &cause);
	ck_assert_msg(doc != NULL, "%s", cause);
	text = doc_plain(doc);
	ASSERT_HAS(text, "Образовательная организация: Школа № 5\n");
	ASSERT_HAS(text, "Программа: Программа школы\n");
	ASSERT_HAS(text, "«Исходные данные», 15.09.2026. Приняли участие: 8 обучающихся, "
	                 "0 родителей, 0 педагогов.");
	ASSERT_HAS(text, "На этапе «Итоговый этап» доля составила 87,5 % (7 из 8) при целевом "
	                 "значении 70 %: показатель достигнут. По сравнению с исходными данными "
	                 "(«Исходные данные») доля выросла на 37,5 п. п.\n");
	ASSERT_HAS(text, "Класс | Исходные данные | Итоговый этап\n"
	                 "6А | скрыто | скрыто\n"
	                 "6Б | мало данных, n = 1 | мало данных, n = 1\n"
	                 "6В | 50,0 % (2 из 4) | 100,0 % (4 из 4)\n✓ выполнено\n"
	                 "Вся школа | 50,0 % (4 из 8) | 87,5 % (7 из 8)\n✓ выполнено\n");
	ASSERT_HAS(text, "«скрыто»: класс не показан");
	/* An id of the file's own is no heading; a value never entered is
	 * listed, not given a section. */
	ASSERT_HAS(text, "\nСамодиагностика: низкий балл\nНа этапе «Итоговый этап» доля составила "
	                 "12,5 % (1 из 8); целевое значение для этого этапа не установлено.");
	ck_assert_ptr_null(strstr(text, "sd.low"));
	ASSERT_HAS(text,
	           "Значения ещё не введены по показателям:\n2.1. Мероприятия для родителей\n");
	ASSERT_HAS(text, "[image]");
	ASSERT_HAS(text, "Шкала | Участников в обоих этапах | Уровень выше | Уровень тот же | "
	                 "Уровень ниже\nМини: Сумма | 8 | 4 | 3 | 1\n");
	ASSERT_HAS(text, "Уровень | Исходные данные | Итоговый этап\nВысокий | 4 | 7\n"
	                 "Низкий | 4 | 1\n");
	ASSERT_HAS(text, "Ответов, требующих внимания психолога: 11.");
	ASSERT_HAS(text, "Мини — Написан для тестов Anketa.\n");
	ASSERT_HAS(text, "7. Рекомендации\n\n");
	/* No code of a respondent is printed. */
	ck_assert_ptr_null(strstr(text, "A1"));
	ck_assert_ptr_null(strstr(text, "V3"));
	free(text);
	doc_free(doc);
	analysis_free(a);
	store_close(store);
	program_free(program);
	survey_set_free(&surveys);
	diag_clear(&diag);
	free(prog);
	free(csv);
	free(csv_text);
	free(surveys_dir);
	free(dir);
}
END_TEST

/* A database with nothing in it: every section says so, none is left
 * blank but the recommendations. */
START_TEST(test_empty_note)
{
	char *dir = testutil_tmpdir(), *prog = testutil_write_file(dir, "p.yaml", programme);
	char *surveys_dir = testutil_source_path("tests/fixtures/store/surveys"), *cause = NULL;
	SurveySet surveys = { 0 };
	Diag diag = { 0 };
	Program *program;
	Store *store = store_open(":memory:", &cause);
	Analysis *a;
	Doc *doc;
	char *text;

	ck_assert_int_eq(survey_set_load_dir(&surveys, surveys_dir, &diag), 0);
	program = program_load(prog, &surveys, &diag);
	ck_assert_ptr_nonnull(program);
	a = analysis_build(store, &surveys, &program, 1, NULL, &cause);
	ck_assert_msg(a != NULL, "%s", cause);
	doc = spravka_build(a, "02.12.2026", &cause);
	ck_assert_ptr_nonnull(doc);
	text = doc_plain(doc);
	ASSERT_HAS(text,
	           "Образовательная организация: не указана (название задаёт anketa school)\n");
	ASSERT_HAS(text, "1. Этапы диагностики и участники\nЗаполненных анкет пока нет.\n");
	ASSERT_HAS(
	    text,
	    "Данных пока нет по показателям:\n1.2. Мотивация\nСамодиагностика: низкий балл\n");
	ASSERT_HAS(text, "4. Группы по уровням\n");
	ASSERT_HAS(text, "6. Использованные методики\nЗаполненных анкет пока нет.\n");
	ASSERT_HAS(text, "Ответов, требующих внимания психолога: 0.");
	free(text);
	doc_free(doc);
	analysis_free(a);
	store_close(store);
	program_free(program);
	survey_set_free(&surveys);
	diag_clear(&diag);
	free(surveys_dir);
	free(prog);
	free(dir);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("spravka");
	TCase *tc = tcase_create("spravka");

	util_i18n_init(NULL);
	tcase_add_test(tc, test_note_text);
	tcase_add_test(tc, test_empty_note);
	suite_add_tcase(s, tc);
	return testutil_run(s);
}
