/*
 * test_readaloud.c: the exact words read aloud for a question and for the
 * instructions, in Russian as a child hears them.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "readaloud.h"
#include "util.h"

/* The model's strings are char * (owned by a loaded survey); here they are
 * literals that are never written. */
#define M(literal) ((char *)(literal))

START_TEST(a_question_is_read_with_its_number_and_keyed_answers)
{
	SurveyOption options[3] = { { M("Да"), 3, NULL },
		                    { M("Иногда"), 1, NULL },
		                    { M("Нет"), 0, NULL } };
	SurveyQuestion q = { .id = M("q1"),
		             .text = M("Тебе нравится в школе?"),
		             .options = options,
		             .n_options = 3 };
	char *text = readaloud_question(&q, 2, 10);

	ck_assert_str_eq(text,
	                 "Вопрос 2 из 10. Тебе нравится в школе? 1 — Да. 2 — Иногда. 3 — Нет.");
	free(text);
}
END_TEST

START_TEST(answers_past_the_ninth_have_no_key)
{
	SurveyOption options[10];
	SurveyQuestion q = {
		.id = M("q"), .text = M("Сколько?"), .options = options, .n_options = 10
	};
	char *text;
	static const char *const labels[10] = { "a", "b", "c", "d", "e", "f", "g", "h", "i", "j" };

	for (int i = 0; i < 10; i++)
		options[i] = (SurveyOption){ (char *)labels[i], i, NULL };
	text = readaloud_question(&q, 1, 1);
	ck_assert_ptr_nonnull(strstr(text, " 9 — i. j."));
	free(text);
}
END_TEST

START_TEST(a_typed_answer_question_is_read_without_answers)
{
	SurveyQuestion q = { .id = M("age"),
		             .text = M("Сколько тебе лет?"),
		             .type = QUESTION_NUMBER };
	char *text = readaloud_question(&q, 5, 5);

	ck_assert_str_eq(text, "Вопрос 5 из 5. Сколько тебе лет?");
	free(text);
}
END_TEST

START_TEST(instructions_are_read_after_the_title)
{
	Survey s = { .title = M("Я и школа"), .instructions = M("Слушай и выбирай.") };
	char *text = readaloud_instructions(&s);

	ck_assert_str_eq(text, "Я и школа. Слушай и выбирай.");
	free(text);
	s.instructions = NULL;
	text = readaloud_instructions(&s);
	ck_assert_str_eq(text, "Я и школа.");
	free(text);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("readaloud");
	TCase *tc = tcase_create("text");

	unsetenv("LANGUAGE"); /* the words a child hears are Russian */
	util_i18n_init(NULL);
	tcase_add_test(tc, a_question_is_read_with_its_number_and_keyed_answers);
	tcase_add_test(tc, answers_past_the_ninth_have_no_key);
	tcase_add_test(tc, a_typed_answer_question_is_read_without_answers);
	tcase_add_test(tc, instructions_are_read_after_the_title);
	suite_add_tcase(s, tc);
	return testutil_run(s);
}
