/*
 * test_session.c: the respondent flow end to end over a real store, without
 * a display: what is stored, when the screen moves on, going back.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "pinlock.h"
#include "session.h"
#include "testio.h"
#include "testutil.h"
#include "util.h"

static Store *store;
static SurveySet set;
static Session *session;
static char *dir;

static void
setup(void)
{
	char *path = testutil_source_path("tests/fixtures/session/mini.yaml");
	char *db;
	char *cause = NULL;
	Diag diag = { 0 };
	Survey *survey = survey_load(path, &diag);

	if (survey == NULL)
		diag_print(&diag, stderr);
	ck_assert_ptr_nonnull(survey);
	memset(&set, 0, sizeof set);
	survey_set_add(&set, survey);
	dir = testutil_tmpdir();
	db = xasprintf("%s/a.db", dir);
	store = store_open(db, &cause);
	ck_assert_msg(store != NULL, "%s", cause ? cause : "");
	testio_pin_2468(db);
	session = session_create(store, &set);
	free(db);
	free(path);
}

static void
teardown(void)
{
	session_free(session);
	store_close(store);
	survey_set_free(&set);
	free(dir);
}

/* Collected answers from the store, as "question=value/score/status" lines. */
typedef struct {
	char text[1024];
	int n;
} Rows;

static int
collect(const StoreAnswerRow *row, void *arg)
{
	Rows *rows = arg;
	size_t used = strlen(rows->text);

	snprintf(rows->text + used, sizeof rows->text - used, "%s=%s/%s/%g/%s/%s/%d;",
	         row->question_id, row->value, row->has_score ? "s" : "-",
	         row->has_score ? row->score : 0, row->class_name, row->respondent,
	         (int)row->status);
	rows->n++;
	return 0;
}

static Rows
stored(void)
{
	Rows rows = { "", 0 };
	char *cause = NULL;

	ck_assert_int_eq(store_answers_each(store, collect, &rows, NULL, &cause), 0);
	return rows;
}

static void
configure(void)
{
	const char *ids[] = { "mini" };
	char *cause = NULL;

	ck_assert_int_eq(session_configure(session, "start", NULL, "student", ids, 1, &cause), 0);
}

/* Welcome -> class "6А" -> code "k-17" -> instructions -> first question. */
static void
reach_first_question(void)
{
	configure();
	session_start(session, 0);
	ck_assert_int_eq(session_phase(session), PHASE_CODE);
	ck_assert_int_eq(session_field_focus(session), FIELD_CLASS);
	session_type(session, "6 а", 10); /* stored as "6А", one spelling per class */
	ck_assert_int_eq(session_next(session, 20), 0);
	ck_assert_str_eq(session_field_text(session, FIELD_CLASS), "6А");
	ck_assert_int_eq(session_field_focus(session), FIELD_CODE);
	session_type(session, "k-17!", 30); /* '!' is not taken */
	ck_assert_str_eq(session_field_text(session, FIELD_CODE), "k-17");
	ck_assert_int_eq(session_next(session, 40), 0);
	ck_assert_int_eq(session_phase(session), PHASE_INSTRUCTIONS);
	ck_assert_int_eq(session_next(session, 50), 0);
	ck_assert_int_eq(session_phase(session), PHASE_QUESTION);
	ck_assert_int_eq(session_question_index(session), 0);
}

START_TEST(unknown_survey_is_refused)
{
	const char *ids[] = { "nope" };
	char *cause = NULL;

	ck_assert_int_eq(session_configure(session, "start", NULL, "student", ids, 1, &cause), -1);
	ck_assert_ptr_nonnull(strstr(cause, "nope"));
	ck_assert(!session_configured(session));
	free(cause);
}
END_TEST

START_TEST(survey_for_another_audience_is_refused)
{
	const char *ids[] = { "mini" };
	char *cause = NULL;

	ck_assert_int_eq(session_configure(session, "start", NULL, "parent", ids, 1, &cause), -1);
	ck_assert_ptr_nonnull(strstr(cause, "mini"));
	free(cause);
}
END_TEST

START_TEST(a_choice_is_stored_at_once_and_moves_on_after_the_confirmation)
{
	Rows rows;

	reach_first_question();
	ck_assert_int_eq(session_choose(session, 1, 1000), 0);
	rows = stored();
	ck_assert_str_eq(rows.text, "a=2/s/1/6А/k-17/0;");
	ck_assert(session_confirming(session));
	ck_assert(session_option_chosen(session, 1));
	ck_assert(!session_tick(session, 1000 + SESSION_CONFIRM_MS - 1));
	ck_assert_int_eq(session_question_index(session), 0);
	ck_assert(session_tick(session, 1000 + SESSION_CONFIRM_MS));
	ck_assert_int_eq(session_question_index(session), 1);
}
END_TEST

START_TEST(going_back_shows_and_replaces_the_answer)
{

	reach_first_question();
	session_choose(session, 2, 100);
	session_tick(session, 100 + SESSION_CONFIRM_MS);
	session_back(session, 1000);
	ck_assert_int_eq(session_question_index(session), 0);
	ck_assert(session_option_chosen(session, 2));
	ck_assert(!session_option_chosen(session, 0));
	session_choose(session, 0, 2000);
	ck_assert_str_eq(stored().text, "a=1/s/2/6А/k-17/0;");
	ck_assert_int_eq(stored().n, 1);
	session_tick(session, 2000 + SESSION_CONFIRM_MS);
	session_back(session, 3000);
	session_back(session, 3001);
	ck_assert_int_eq(session_phase(session), PHASE_INSTRUCTIONS);
}
END_TEST

START_TEST(multi_and_number_answers_complete_the_sitting)
{
	Rows rows;
	const ScaleResult *result;

	reach_first_question();
	session_choose(session, 0, 100); /* a: "Да" = 2 */
	session_tick(session, 100 + SESSION_CONFIRM_MS);
	session_choose(session, 0, 1000); /* b: toggle 1, 3, 2, then 2 off */
	session_choose(session, 2, 1001);
	session_choose(session, 1, 1002);
	session_choose(session, 1, 1003);
	ck_assert_int_eq(stored().n, 1);
	ck_assert_int_eq(session_next(session, 1100), 0);
	ck_assert_int_eq(session_question_index(session), 2);
	session_type(session, "42", 1200); /* out of 6..18: not accepted */
	session_next(session, 1300);
	ck_assert_int_eq(session_question_index(session), 2);
	session_erase(session, 1400);
	session_erase(session, 1401);
	session_type(session, "9,5", 1500);
	session_next(session, 1600);
	ck_assert_int_eq(session_phase(session), PHASE_THANKS);
	rows = stored();
	/* b = 1 + 4 = 5; status 1 = completed for every row of the sitting. */
	ck_assert_str_eq(rows.text, "a=1/s/2/6А/k-17/1;b=1|3/s/5/6А/k-17/1;c=9.5/-/0/6А/k-17/1;");
	/* total = 2 + 5 = 7: band "high" (5..9). */
	result = session_results(session, 0);
	ck_assert_ptr_nonnull(result);
	ck_assert(result[0].has_value);
	ck_assert_double_eq_tol(result[0].value, 7, 1e-9);
	ck_assert_int_eq(result[0].level, 1);
	/* The respondent's own result stays until "Done", or until the screen
	 * has been left alone for the idle time (two minutes from the last
	 * input, at 1600): then "still here?" comes, never the short timeout. */
	ck_assert(session_has_results(session));
	ck_assert_int_eq(session_next_deadline(session, 1600), 120000);
	ck_assert(!session_tick(session, 1600 + SESSION_THANKS_MS));
	ck_assert_int_eq(session_phase(session), PHASE_THANKS);
	ck_assert_int_eq(session_next(session, 1600 + SESSION_THANKS_MS + 1), 0);
	ck_assert_int_eq(session_phase(session), PHASE_WELCOME);
}
END_TEST

START_TEST(a_quiet_respondent_is_asked_then_the_battery_is_abandoned)
{
	Rows rows;

	reach_first_question(); /* class "6А", code "k-17", last input at 50 */
	session_choose(session, 0, 100);
	ck_assert(session_tick(session, 100 + SESSION_CONFIRM_MS));
	/* Two minutes without input from 100: the question comes at 120 100. */
	ck_assert_int_eq(session_next_deadline(session, 1000), 120100 - 1000);
	ck_assert(!session_tick(session, 120099));
	ck_assert(!session_asking(session));
	ck_assert(session_tick(session, 120100));
	ck_assert(session_asking(session));
	ck_assert_int_eq(session_phase(session), PHASE_QUESTION); /* under the question */
	ck_assert_int_eq(session_ask_seconds(session, 120100), 20);
	/* It counts down every second: 19 shows at 121 100. */
	ck_assert_int_eq(session_next_deadline(session, 120100), 1000);
	ck_assert(!session_tick(session, 121099));
	ck_assert(session_tick(session, 121100));
	ck_assert_int_eq(session_ask_seconds(session, 121100), 19);
	/* Any input dismisses it, and does nothing else; the time starts again. */
	ck_assert(session_touch(session, 125000));
	ck_assert(!session_asking(session));
	ck_assert(!session_touch(session, 125001)); /* the next input is input */
	ck_assert_int_eq(session_question_index(session), 1);
	/* Nobody answers the next time: at 245 001 + 20 000 the battery goes. */
	ck_assert(session_tick(session, 245001));
	ck_assert(session_asking(session));
	ck_assert(session_tick(session, 265000));
	ck_assert_int_eq(session_ask_seconds(session, 265000), 1);
	ck_assert(session_asking(session));
	ck_assert(session_tick(session, 265001));
	ck_assert(!session_asking(session));
	ck_assert_int_eq(session_phase(session), PHASE_WELCOME);
	/* The answer is kept, its sitting abandoned; nothing of the respondent
	 * is left for the next one. */
	ck_assert_str_eq(stored().text, "a=1/s/2/6А/k-17/2;");
	ck_assert_str_eq(session_field_text(session, FIELD_CLASS), "");
	ck_assert_str_eq(session_field_text(session, FIELD_CODE), "");
	ck_assert_int_eq(session_next_deadline(session, 265001), -1); /* asleep on welcome */
	/* The next person starts a sitting of their own. */
	session_start(session, 300000);
	session_type(session, "7А", 300001);
	session_next(session, 300002);
	session_next(session, 300003);
	session_next(session, 300004);
	session_choose(session, 1, 300005);
	rows = stored(); /* two sittings begun in one second: in either order */
	ck_assert_int_eq(rows.n, 2);
	ck_assert_ptr_nonnull(strstr(rows.text, "a=1/s/2/6А/k-17/2;"));
	ck_assert_ptr_nonnull(strstr(rows.text, "a=2/s/1/7А//0;"));
}
END_TEST

START_TEST(the_idle_time_is_set_and_counts_on_every_screen_past_the_welcome)
{

	configure();
	session_set_idle(session, 2000);
	ck_assert_int_eq(session_next_deadline(session, 0), -1);
	session_start(session, 10); /* the code screen */
	ck_assert_int_eq(session_next_deadline(session, 10), 2000);
	ck_assert(session_tick(session, 2010));
	ck_assert(session_asking(session));
	ck_assert(session_touch(session, 3000));
	session_type(session, "6А", 3100);
	ck_assert_int_eq(session_next(session, 3200), 0);
	ck_assert(!session_tick(session, 5199));
	ck_assert(session_tick(session, 5200)); /* asked on the code screen too */
	ck_assert(session_tick(session, 25200));
	ck_assert_int_eq(session_phase(session), PHASE_WELCOME);
	ck_assert_str_eq(stored().text, ""); /* nothing was begun */
}
END_TEST

START_TEST(the_pin_mid_question_ends_the_battery_and_cancel_goes_back)
{

	reach_first_question();
	session_choose(session, 0, 100);
	session_tick(session, 100 + SESSION_CONFIRM_MS); /* on question 2 */
	/* F10, then cancel: back on question 2, the sitting still open. */
	session_open_pin(session, 1000);
	ck_assert_int_eq(session_phase(session), PHASE_PIN);
	session_cancel(session, 1100);
	ck_assert_int_eq(session_phase(session), PHASE_QUESTION);
	ck_assert_int_eq(session_question_index(session), 1);
	ck_assert_str_eq(stored().text, "a=1/s/2/6А/k-17/0;");
	/* F10 and the PIN: the battery ends as abandoned, the menu opens, and
	 * leaving it goes to the welcome screen, not back to the question. */
	session_open_pin(session, 2000);
	session_type(session, "2468", 2100);
	ck_assert_int_eq(session_pin_submit(session, 2200), SESSION_PIN_OPENED);
	ck_assert_int_eq(session_phase(session), PHASE_MENU);
	ck_assert_str_eq(stored().text, "a=1/s/2/6А/k-17/2;");
	ck_assert_str_eq(session_field_text(session, FIELD_CODE), "");
	session_cancel(session, 2300);
	ck_assert_int_eq(session_phase(session), PHASE_WELCOME);
	/* From the psychologist's own screens F10 does nothing more. */
	session_open_pin(session, 2400);
	session_type(session, "2468", 2500);
	session_pin_submit(session, 2600);
	session_show_results(session);
	session_open_pin(session, 2700);
	ck_assert_int_eq(session_phase(session), PHASE_RESULTS);
}
END_TEST

START_TEST(the_psychologists_screens_lock_after_the_idle_time)
{

	configure();
	session_set_idle(session, 10000);
	/* The menu, untouched for 10 s: the welcome screen. */
	session_open_pin(session, 0);
	session_type(session, "2468", 100);
	ck_assert_int_eq(session_pin_submit(session, 200), SESSION_PIN_OPENED);
	ck_assert_int_eq(session_next_deadline(session, 200), 10000);
	ck_assert(!session_tick(session, 10199));
	ck_assert(session_tick(session, 10200));
	ck_assert_int_eq(session_phase(session), PHASE_WELCOME);
	/* The results too. */
	session_open_pin(session, 20000);
	session_type(session, "2468", 20000);
	session_pin_submit(session, 20000);
	session_show_results(session);
	ck_assert(!session_tick(session, 29999));
	ck_assert(session_tick(session, 30000));
	ck_assert_int_eq(session_phase(session), PHASE_WELCOME);
	/* The PIN screen over a question: the child's sitting ends with it. */
	session_start(session, 40000);
	session_type(session, "6А", 40000);
	session_next(session, 40000);
	session_next(session, 40000);
	session_next(session, 40000);
	session_choose(session, 0, 40000);
	session_open_pin(session, 41000);
	session_type(session, "24", 42000);
	ck_assert(!session_tick(session, 51999));
	ck_assert(session_tick(session, 52000));
	ck_assert_int_eq(session_phase(session), PHASE_WELCOME);
	ck_assert_str_eq(stored().text, "a=1/s/2/6А//2;");
	ck_assert_int_eq(session_pin_length(session), 0);
}
END_TEST

START_TEST(the_set_up_is_kept_and_restored_at_the_next_start)
{
	const char *ids[] = { "mini" };
	char *cause = NULL;
	bool read_aloud = false;
	Session *next;

	/* Nothing kept yet: nothing restored. */
	ck_assert_int_eq(session_restore_setup(session, &read_aloud, &cause), 0);
	ck_assert(!session_configured(session));
	ck_assert_int_eq(session_configure(session, "interim", "7 в", "student", ids, 1, &cause),
	                 0);
	session_require_code(session, true);
	ck_assert_int_eq(session_save_setup(session, true, &cause), 0);
	/* The next start (a new session on the same database). */
	next = session_create(store, &set);
	ck_assert_int_eq(session_restore_setup(next, &read_aloud, &cause), 1);
	ck_assert(read_aloud);
	ck_assert(session_configured(next));
	ck_assert_str_eq(session_wave(next), "interim");
	ck_assert_str_eq(session_audience(next), "student");
	ck_assert(session_class_preset(next));
	ck_assert_str_eq(session_field_text(next, FIELD_CLASS), "7В");
	ck_assert(session_code_required(next));
	ck_assert_int_eq(session_battery_size(next), 1);
	ck_assert_str_eq(session_battery_survey(next, 0)->id, "mini");
	ck_assert_int_eq(session_phase(next), PHASE_WELCOME);
	session_free(next);
}
END_TEST

START_TEST(a_set_up_that_no_longer_fits_is_not_restored)
{
	char wave[] = "start", audience[] = "student", battery[] = "mini,removed";
	StoreSetup gone = { .wave = wave, .audience = audience, .battery = battery };
	char *cause = NULL;
	bool read_aloud = false;

	ck_assert_int_eq(store_setup_put(store, &gone, &cause), 0);
	ck_assert_int_eq(session_restore_setup(session, &read_aloud, &cause), -1);
	ck_assert_str_eq(cause, "нет анкеты с идентификатором «removed»");
	ck_assert(!session_configured(session));
	free(cause);
}
END_TEST

/* Makes the next write of an answer fail, or work again: the sitting is
 * marked closed behind the session's back, as a full disk would refuse it. */
static void
writes_fail(bool fail)
{
	char *db = xasprintf("%s/a.db", dir);

	testio_sql_exec(db,
	                fail ? "UPDATE sitting SET status = 2" : "UPDATE sitting SET status = 0");
	free(db);
}

START_TEST(the_storage_alarm_stays_only_where_the_write_failed)
{
	char *cause = NULL;

	reach_first_question();
	session_choose(session, 0, 100);
	session_tick(session, 100 + SESSION_CONFIRM_MS); /* question 2, a multi */
	session_choose(session, 0, 900);
	writes_fail(true);
	ck_assert_int_eq(session_next(session, 1000), -1);
	free(cause);
	cause = NULL;
	ck_assert_ptr_nonnull(session_error(session));
	ck_assert_int_eq(session_question_index(session), 1);
	/* The psychologist comes: the PIN screen is not alarmed by it, nor is
	 * the question when the PIN screen is left. */
	session_open_pin(session, 2000);
	ck_assert_ptr_null(session_error(session));
	session_cancel(session, 2100);
	ck_assert_ptr_null(session_error(session));
	ck_assert_int_eq(session_next(session, 2200), -1);
	free(cause);
	cause = NULL;
	ck_assert_ptr_nonnull(session_error(session));
	/* Room again. Back to question 1: the alarm is not carried there. */
	writes_fail(false);
	session_back(session, 3000);
	ck_assert_int_eq(session_question_index(session), 0);
	ck_assert_ptr_null(session_error(session));
	/* On question 2 again, a write that fails, then one that works. */
	session_next(session, 3100); /* question 1 is answered: on */
	writes_fail(true);
	session_choose(session, 1, 3200);
	ck_assert_int_eq(session_next(session, 3300), -1);
	free(cause);
	cause = NULL;
	ck_assert_ptr_nonnull(session_error(session));
	writes_fail(false);
	ck_assert_int_eq(session_next(session, 3400), 0);
	ck_assert_ptr_null(session_error(session));
	ck_assert_int_eq(session_question_index(session), 2);
}
END_TEST

START_TEST(a_preset_class_skips_the_class_field)
{
	const char *ids[] = { "mini" };
	char *cause = NULL;

	ck_assert_int_eq(session_configure(session, "final", "3б", "student", ids, 1, &cause), 0);
	session_start(session, 0);
	ck_assert_int_eq(session_field_focus(session), FIELD_CODE);
	session_focus(session, FIELD_CLASS);
	ck_assert_int_eq(session_field_focus(session), FIELD_CODE);
	ck_assert_str_eq(session_field_text(session, FIELD_CLASS), "3Б");
	session_next(session, 1); /* an empty code is allowed */
	ck_assert_int_eq(session_phase(session), PHASE_INSTRUCTIONS);
}
END_TEST

START_TEST(students_need_a_class_and_teachers_are_not_asked_for_one)
{
	const char *ids[] = { "mini" };
	char *cause = NULL;

	ck_assert_int_eq(session_configure(session, "start", NULL, "student", ids, 1, &cause), 0);
	ck_assert(session_class_asked(session));
	session_start(session, 0);
	session_next(session, 1);
	ck_assert_int_eq(session_field_focus(session), FIELD_CLASS);
	ck_assert_int_eq(session_configure(session, "start", NULL, "teacher", ids, 1, &cause), 0);
	ck_assert(!session_class_asked(session));
	session_start(session, 2);
	ck_assert_int_eq(session_field_focus(session), FIELD_CODE);
	session_focus(session, FIELD_CLASS); /* there is no class field */
	ck_assert_int_eq(session_field_focus(session), FIELD_CODE);
	session_next(session, 3);
	ck_assert_int_eq(session_phase(session), PHASE_INSTRUCTIONS);
	ck_assert_str_eq(session_field_text(session, FIELD_CLASS), "");
}
END_TEST

START_TEST(a_questionnaire_for_certain_grades_asks_teachers_the_class)
{
	char *path = testutil_source_path("tests/fixtures/surveys/full.yaml"), *cause = NULL;
	const char *ids[] = { "full-test_1" };
	Diag diag = { 0 };

	/* full.yaml is for students and teachers of grades 5 to 9. */
	survey_set_add(&set, survey_load(path, &diag));
	free(path);
	ck_assert_int_eq(session_configure(session, "start", NULL, "teacher", ids, 1, &cause), 0);
	ck_assert(session_class_asked(session));
	session_start(session, 0);
	ck_assert_int_eq(session_field_focus(session), FIELD_CLASS);
	session_next(session, 1);
	ck_assert_str_eq(session_prompt(session), "Сначала укажите класс.");
	/* Preset, it is asked of nobody. */
	ck_assert_int_eq(session_configure(session, "start", "7А", "teacher", ids, 1, &cause), 0);
	ck_assert(!session_class_asked(session));
}
END_TEST

START_TEST(a_required_code_cannot_be_left_empty)
{
	const char *ids[] = { "mini" };
	char *cause = NULL;

	ck_assert_int_eq(session_configure(session, "start", "3Б", "student", ids, 1, &cause), 0);
	session_require_code(session, true);
	session_start(session, 0);
	session_next(session, 1);
	ck_assert_int_eq(session_phase(session), PHASE_CODE);
	/* The child is told why nothing happened, calmly (a prompt, not the
	 * storage alarm), and typing takes it away. */
	ck_assert_str_eq(session_prompt(session), "Сначала напиши свой код: его дал тебе учитель.");
	ck_assert_ptr_null(session_error(session));
	session_type(session, "z9", 2);
	ck_assert_ptr_null(session_prompt(session));
	session_next(session, 3);
	ck_assert_int_eq(session_phase(session), PHASE_INSTRUCTIONS);
}
END_TEST

START_TEST(an_empty_class_or_code_is_explained_to_adults_as_adults)
{
	const char *ids[] = { "mini" };
	char *cause = NULL;

	/* A student without a class hears "ты"; a teacher without a code "Вы". */
	ck_assert_int_eq(session_configure(session, "start", NULL, "student", ids, 1, &cause), 0);
	session_start(session, 0);
	session_next(session, 1);
	ck_assert_int_eq(session_field_focus(session), FIELD_CLASS);
	ck_assert_str_eq(session_prompt(session), "Сначала напиши свой класс.");
	ck_assert_ptr_null(session_error(session));
	session_type(session, "7в", 2);
	ck_assert_ptr_null(session_prompt(session));
	ck_assert_int_eq(session_configure(session, "start", NULL, "teacher", ids, 1, &cause), 0);
	session_require_code(session, true);
	session_start(session, 3);
	ck_assert_int_eq(session_field_focus(session), FIELD_CODE); /* no class asked */
	session_next(session, 5);
	ck_assert_int_eq(session_phase(session), PHASE_CODE);
	ck_assert_str_eq(session_prompt(session), "Сначала введите свой код.");
	ck_assert_ptr_null(session_error(session));
}
END_TEST

/* From the first question of mini to its multi question b, "Да" to a. */
static void
reach_the_multi_question(void)
{
	reach_first_question();
	session_choose(session, 0, 100);
	session_tick(session, 100 + SESSION_CONFIRM_MS);
	ck_assert_int_eq(session_question_index(session), 1);
}

START_TEST(a_multi_answer_with_nothing_chosen_is_prompted_not_alarmed)
{
	reach_the_multi_question();
	ck_assert_int_eq(session_next(session, 1000), 0);
	ck_assert_int_eq(session_question_index(session), 1);
	ck_assert_str_eq(session_prompt(session), "Выбери хотя бы один ответ.");
	ck_assert_ptr_null(session_error(session));
	session_choose(session, 2, 1100); /* choosing takes the prompt away */
	ck_assert_ptr_null(session_prompt(session));
	ck_assert_int_eq(session_next(session, 1200), 0);
	ck_assert_int_eq(session_question_index(session), 2);
}
END_TEST

START_TEST(a_number_out_of_range_is_told_its_range)
{
	reach_the_multi_question();
	session_choose(session, 0, 1000);
	session_next(session, 1100);
	ck_assert_int_eq(session_question_index(session), 2);
	session_next(session, 1200); /* nothing typed */
	ck_assert_str_eq(session_prompt(session), "Сначала напиши ответ.");
	session_type(session, "42", 1300);
	ck_assert_ptr_null(session_prompt(session));
	session_next(session, 1400);
	ck_assert_int_eq(session_question_index(session), 2);
	ck_assert_str_eq(session_prompt(session), "Напиши число от 6 до 18.");
	ck_assert_ptr_null(session_error(session));
	session_erase(session, 1500);
	ck_assert_ptr_null(session_prompt(session));
	session_erase(session, 1501);
	session_type(session, "-", 1600);
	session_next(session, 1700);
	ck_assert_str_eq(session_prompt(session), "Напиши число цифрами, например 12.");
	session_erase(session, 1800);
	session_type(session, "6", 1900);
	session_next(session, 2000);
	ck_assert_int_eq(session_phase(session), PHASE_THANKS);
}
END_TEST

START_TEST(adults_are_told_the_range_as_adults)
{
	const char *ids[] = { "mini" };
	char *cause = NULL;

	ck_assert_int_eq(session_configure(session, "start", NULL, "teacher", ids, 1, &cause), 0);
	session_start(session, 0);
	session_next(session, 1);
	session_next(session, 2);
	session_next(session, 3);
	session_choose(session, 1, 4);
	session_tick(session, 4 + SESSION_CONFIRM_MS);
	session_next(session, 1000);
	ck_assert_str_eq(session_prompt(session), "Выберите хотя бы один ответ.");
	session_choose(session, 0, 1100);
	session_next(session, 1200);
	session_type(session, "5,5", 1300);
	session_next(session, 1400);
	ck_assert_str_eq(session_prompt(session), "Введите число от 6 до 18.");
}
END_TEST

START_TEST(a_full_field_says_so_instead_of_dropping_what_is_typed)
{
	configure();
	session_start(session, 0);
	session_type(session, "5а", 0);
	session_focus(session, FIELD_CODE);
	/* 24 bytes: twelve Cyrillic letters fill the code field. */
	session_type(session, "абвгдеёжзийк", 1);
	ck_assert_ptr_null(session_prompt(session));
	session_type(session, "л", 2);
	ck_assert_str_eq(session_field_text(session, FIELD_CODE), "абвгдеёжзийк");
	ck_assert_str_eq(session_prompt(session), "Больше сюда не поместится.");
	ck_assert_ptr_null(session_error(session));
}
END_TEST

START_TEST(only_a_storage_failure_is_an_error)
{
	char *path = xasprintf("%s/a.db", dir), *cause = NULL;
	Store *readonly;
	Session *other;
	const char *ids[] = { "mini" };

	/* A database that cannot be written: the sitting cannot start. */
	readonly = store_open_readonly(path, &cause);
	ck_assert_msg(readonly != NULL, "%s", cause ? cause : "");
	other = session_create(readonly, &set);
	ck_assert_int_eq(session_configure(other, "start", "6А", "student", ids, 1, &cause), 0);
	session_start(other, 0);
	session_next(other, 1);
	ck_assert_int_eq(session_phase(other), PHASE_INSTRUCTIONS);
	ck_assert_int_eq(session_next(other, 2), -1);
	ck_assert_int_eq(session_phase(other), PHASE_INSTRUCTIONS);
	ck_assert_ptr_nonnull(session_error(other));
	ck_assert_ptr_null(session_prompt(other));
	session_free(other);
	store_close(readonly);
	free(path);
}
END_TEST

START_TEST(a_class_left_by_a_click_takes_its_one_spelling)
{
	configure();
	session_start(session, 0);
	session_type(session, "7б", 1);
	session_focus(session, FIELD_CODE); /* a click on the code field */
	ck_assert_int_eq(session_field_focus(session), FIELD_CODE);
	ck_assert_str_eq(session_field_text(session, FIELD_CLASS), "7Б");
}
END_TEST

START_TEST(keys_of_the_latin_layout_type_the_cyrillic_letter_in_their_place)
{
	configure();
	session_start(session, 0);
	session_type(session, "7b", 1);
	ck_assert_str_eq(session_field_text(session, FIELD_CLASS), "7И");
	session_erase(session, 2);
	session_type(session, ",", 3);
	ck_assert_str_eq(session_field_text(session, FIELD_CLASS), "7Б");
	/* "/" is no letter on either layout: refused, with the hint. */
	session_type(session, "/", 4);
	ck_assert_str_eq(session_field_text(session, FIELD_CLASS), "7Б");
	ck_assert_str_eq(session_prompt(session),
	                 "Класс — это число от 1 до 11 и буква, например 7Б.");
	/* The code is whatever the school gave: typed as it is. */
	session_next(session, 5);
	session_type(session, "b7", 6);
	ck_assert_str_eq(session_field_text(session, FIELD_CODE), "b7");
}
END_TEST

START_TEST(a_class_must_look_like_one)
{
	configure();
	session_start(session, 0);
	session_type(session, "12а", 1);
	session_next(session, 2);
	ck_assert_int_eq(session_field_focus(session), FIELD_CLASS);
	ck_assert_str_eq(session_prompt(session),
	                 "Класс — это число от 1 до 11 и буква, например 7Б.");
	session_focus(session, FIELD_CODE); /* a click cannot leave it either */
	ck_assert_int_eq(session_field_focus(session), FIELD_CLASS);
	ck_assert_ptr_nonnull(session_prompt(session));
	session_erase(session, 3);
	session_erase(session, 4);
	session_erase(session, 5);
	session_type(session, "11а", 6);
	session_next(session, 7);
	ck_assert_int_eq(session_field_focus(session), FIELD_CODE);
	ck_assert_str_eq(session_field_text(session, FIELD_CLASS), "11А");
}
END_TEST

START_TEST(with_a_class_list_the_class_is_picked)
{
	StoreClass list[] = { { "10А", 20, 20, false },
		              { "7Б", 25, 25, false },
		              { "7А", 24, 24, false } };
	char *cause = NULL;

	ck_assert_int_eq(store_classes_replace(store, list, 3, &cause), 0);
	configure();
	session_start(session, 0);
	ck_assert_int_eq(session_class_count(session), 3);
	ck_assert_str_eq(session_class_at(session, 0), "7А");
	ck_assert_str_eq(session_class_at(session, 1), "7Б");
	ck_assert_str_eq(session_class_at(session, 2), "10А");
	ck_assert_ptr_null(session_class_at(session, 3));
	session_next(session, 1);
	ck_assert_str_eq(session_prompt(session), "Сначала выбери свой класс.");
	session_pick_class(session, 1, 2);
	ck_assert_str_eq(session_field_text(session, FIELD_CLASS), "7Б");
	ck_assert_int_eq(session_field_focus(session), FIELD_CODE);
	ck_assert_ptr_null(session_prompt(session));
	/* Typed, a class must be one of the list. */
	session_focus(session, FIELD_CLASS);
	session_erase(session, 3);
	session_erase(session, 4);
	session_type(session, "5в", 5);
	session_next(session, 6);
	ck_assert_int_eq(session_field_focus(session), FIELD_CLASS);
	ck_assert_str_eq(session_prompt(session),
	                 "Такого класса нет в списке школы: выбери свой класс на кнопках.");
	session_erase(session, 7);
	session_erase(session, 8);
	session_type(session, "10а", 9);
	session_next(session, 10);
	ck_assert_int_eq(session_field_focus(session), FIELD_CODE);
	ck_assert_str_eq(session_field_text(session, FIELD_CLASS), "10А");
}
END_TEST

START_TEST(a_full_text_answer_says_its_limit_and_keeps_what_fits)
{
	char *path = testutil_source_path("tests/fixtures/surveys/full.yaml"), *cause = NULL;
	const char *ids[] = { "full-test_1" };
	Diag diag = { 0 };
	char ten[] = "абвгдеёжзи"; /* 10 characters, 20 bytes */

	survey_set_add(&set, survey_load(path, &diag));
	free(path);
	ck_assert_int_eq(session_configure(session, "start", "6А", "student", ids, 1, &cause), 0);
	session_start(session, 0);
	session_next(session, 1);
	session_next(session, 2);
	session_choose(session, 0, 3);
	session_tick(session, 3 + SESSION_CONFIRM_MS);
	session_choose(session, 0, 1000);
	session_tick(session, 1000 + SESSION_CONFIRM_MS);
	session_choose(session, 0, 2000); /* multi */
	session_next(session, 2001);
	session_choose(session, 0, 3000);
	session_tick(session, 3000 + SESSION_CONFIRM_MS);
	session_type(session, "12", 4000);
	session_next(session, 4001);
	ck_assert_int_eq(session_question_index(session), 5);
	ck_assert_int_eq(session_input_room(session), 300);
	for (int i = 0; i < 29; i++)
		session_type(session, ten, 5000);
	ck_assert_int_eq(session_input_room(session), 10);
	ck_assert_ptr_null(session_prompt(session));
	/* 15 more characters: 10 fit, the rest are not taken, and it is said. */
	session_type(session, "0123456789abcde", 6000);
	ck_assert_int_eq(session_input_room(session), 0);
	ck_assert_int_eq((int)strlen(session_input(session)), 29 * 20 + 10);
	ck_assert_str_eq(session_prompt(session), "В ответе помещается не больше 300 знаков.");
	ck_assert_int_eq(session_next(session, 7000), 0);
	ck_assert_int_eq(session_phase(session), PHASE_THANKS);
}
END_TEST

START_TEST(a_thank_you_without_results_leaves_by_itself)
{
	char *path = testutil_source_path("tests/fixtures/session/alerting.yaml"), *cause = NULL;
	const char *ids[] = { "alerting" };
	Diag diag = { 0 };

	survey_set_add(&set, survey_load(path, &diag));
	free(path);
	ck_assert_int_eq(session_configure(session, "start", "6А", "student", ids, 1, &cause), 0);
	session_start(session, 0);
	session_next(session, 1);
	session_next(session, 2);
	session_choose(session, 1, 3);
	session_tick(session, 3 + SESSION_CONFIRM_MS);
	ck_assert_int_eq(session_phase(session), PHASE_THANKS);
	ck_assert(!session_has_results(session));
	ck_assert_int_eq(session_next_deadline(session, 3 + SESSION_CONFIRM_MS), SESSION_THANKS_MS);
	ck_assert(!session_tick(session, 3 + SESSION_CONFIRM_MS + SESSION_THANKS_MS - 1));
	ck_assert(session_tick(session, 3 + SESSION_CONFIRM_MS + SESSION_THANKS_MS));
	ck_assert_int_eq(session_phase(session), PHASE_WELCOME);
}
END_TEST

START_TEST(a_template_with_placeholders_cannot_be_put_into_a_battery)
{
	char *path = testutil_temp_file("template.yaml", "id: tpl\n"
	                                                 "version: 1\n"
	                                                 "title: T\n"
	                                                 "audience: [student]\n"
	                                                 "source: S\n"
	                                                 "license: school-supplied\n"
	                                                 "placeholder: true\n"
	                                                 "questions:\n"
	                                                 "  - {id: q1, text: Q, type: text}\n");
	const char *ids[] = { "mini", "tpl" };
	char *cause = NULL;
	Diag diag = { 0 };

	survey_set_add(&set, survey_load(path, &diag));
	testutil_temp_remove(path);
	ck_assert_int_eq(diag.n, 0);
	ck_assert_int_eq(session_configure(session, "start", "6А", "student", ids, 2, &cause), -1);
	ck_assert_str_eq(cause, "анкета «tpl» — шаблон, её текст и ключи ещё не заполнены: сначала "
	                        "школа вставляет текст своего лицензированного экземпляра");
	ck_assert(!session_configured(session));
	free(cause);
}
END_TEST

START_TEST(a_pin_opens_the_menu_only_when_it_matches)
{
	char *cause = NULL;

	ck_assert_int_eq(store_pin_set(store, "2468", &cause), 0);
	session_open_pin(session, 0);
	ck_assert_int_eq(session_phase(session), PHASE_PIN);
	session_type(session, "1357", 1);
	ck_assert_int_eq(session_pin_submit(session, 2), 0);
	ck_assert_int_eq(session_pin_length(session), 0);
	ck_assert_int_eq(session_phase(session), PHASE_PIN);
	session_type(session, "2468", 3);
	ck_assert_int_eq(session_pin_submit(session, 4), 1);
	ck_assert_int_eq(session_phase(session), PHASE_MENU);
	session_close_menu(session);
	ck_assert_int_eq(session_phase(session), PHASE_WELCOME);
}
END_TEST

/* A session on a database of its own that has no PIN yet, preset as the
 * command line would. */
static Session *
session_without_pin(Store **own)
{
	char *own_dir = testutil_tmpdir(), *db = xasprintf("%s/first.db", own_dir), *cause = NULL;
	const char *ids[] = { "mini" };
	Session *first;

	*own = store_open(db, &cause);
	ck_assert_ptr_nonnull(*own);
	first = session_create(*own, &set);
	ck_assert_int_eq(session_configure(first, "start", "6А", "student", ids, 1, &cause), 0);
	free(db);
	free(own_dir);
	return first;
}

static SessionPinResult
type_pin(Session *on, const char *pin)
{
	session_type(on, pin, 0);
	return session_pin_submit(on, 0);
}

START_TEST(the_first_start_makes_a_pin_typed_twice_before_anything_else)
{
	Store *own;
	Session *first = session_without_pin(&own);

	/* Preset or not, the PIN screen comes first and nobody can start. */
	ck_assert_int_eq(session_phase(first), PHASE_PIN);
	ck_assert_int_eq(session_pin_step(first), PIN_STEP_NEW);
	ck_assert(!session_pin_exists(first));
	session_start(first, 0);
	session_cancel(first, 0);
	ck_assert_int_eq(session_phase(first), PHASE_PIN);
	ck_assert_int_eq(type_pin(first, "246"), SESSION_PIN_REFUSED);
	ck_assert_int_eq(type_pin(first, "2468"), SESSION_PIN_AGAIN);
	ck_assert_int_eq(session_pin_step(first), PIN_STEP_AGAIN);
	ck_assert_int_eq(session_pin_length(first), 0);
	session_cancel(first, 0); /* "Back": the first time again */
	ck_assert_int_eq(session_pin_step(first), PIN_STEP_NEW);
	ck_assert_int_eq(type_pin(first, "2468"), SESSION_PIN_AGAIN);
	ck_assert_int_eq(type_pin(first, "2469"), SESSION_PIN_DIFFERENT);
	ck_assert_int_eq(session_pin_step(first), PIN_STEP_NEW);
	ck_assert(!store_pin_exists(own));
	ck_assert_int_eq(type_pin(first, "2468"), SESSION_PIN_AGAIN);
	ck_assert_int_eq(type_pin(first, "2468"), SESSION_PIN_CREATED);
	ck_assert_int_eq(session_phase(first), PHASE_MENU);
	ck_assert(session_pin_exists(first));
	ck_assert_int_eq(store_pin_check(own, "2468"), 1);
	/* Leaving the menu, the preset battery is on the welcome screen. */
	session_close_menu(first);
	ck_assert_int_eq(session_phase(first), PHASE_WELCOME);
	session_start(first, 0);
	ck_assert_int_eq(session_phase(first), PHASE_CODE);
	session_free(first);
	store_close(own);
}
END_TEST

START_TEST(the_first_pin_screen_only_drops_what_was_typed_when_left_alone)
{
	Store *own;
	Session *first = session_without_pin(&own);

	session_set_idle(first, 10000);
	session_type(first, "2468", 0);
	ck_assert_int_eq(session_pin_submit(first, 0), SESSION_PIN_AGAIN);
	session_type(first, "24", 100);
	ck_assert(session_tick(first, 10100));
	ck_assert_int_eq(session_phase(first), PHASE_PIN);
	ck_assert_int_eq(session_pin_step(first), PIN_STEP_NEW);
	ck_assert_int_eq(session_pin_length(first), 0);
	ck_assert(!session_tick(first, 20099)); /* the time starts again */
	session_free(first);
	store_close(own);
}
END_TEST

static int
try_pin(const char *pin, uint64_t now_ms)
{
	session_type(session, pin, now_ms);
	return session_pin_submit(session, now_ms);
}

/* The wall clock the PIN's wait is kept in, set by the tests:
 * 2027-01-15T08:00:00Z plus the seconds given to at(). */
static int64_t wall_now;

static int64_t
wall_clock(void)
{
	return wall_now;
}

/* Both clocks at `seconds` into a test: the wall clock for the lock kept in
 * the database, and the session's own milliseconds. */
static uint64_t
at(int seconds)
{
	wall_now = 1800000000 + seconds;
	return (uint64_t)seconds * 1000;
}

/* The audit lines about PINs, as "action:detail;" */
static int
collect_audit(const char *when, const char *action, const char *detail, void *arg)
{
	char *out = arg;
	size_t used = strlen(out);

	(void)when;
	if (strncmp(action, "pin-", 4) == 0)
		snprintf(out + used, 1024 - used, "%s:%s;", action, detail);
	return 0;
}

START_TEST(wrong_pins_in_a_row_make_the_pin_screen_wait_even_after_a_restart)
{
	char *cause = NULL, audit[1024] = "";

	ck_assert_int_eq(store_pin_set(store, "2468", &cause), 0);
	session_set_wall_clock(session, wall_clock);
	session_open_pin(session, at(0));
	/* Five wrong PINs: the fifth makes the screen wait 30 s. */
	for (int i = 0; i < PINLOCK_TRIES; i++)
		ck_assert_int_eq(try_pin("1111", at(0)), 0);
	ck_assert_int_eq(session_pin_wait_s(session, at(0)), 30);
	/* Even the right PIN waits: 29 s left a second later. */
	ck_assert_int_eq(try_pin("2468", at(1)), -2);
	ck_assert_int_eq(session_pin_length(session), 0);
	ck_assert_int_eq(session_pin_wait_s(session, at(1)), 29);
	ck_assert_int_eq(session_phase(session), PHASE_PIN);
	/* A restart (a new session on the same database) still waits. */
	session_free(session);
	session = session_create(store, &set);
	session_set_wall_clock(session, wall_clock);
	session_open_pin(session, at(2));
	ck_assert_int_eq(session_pin_wait_s(session, at(2)), 28);
	ck_assert_int_eq(try_pin("2468", at(29)), -2);
	/* One more wrong one after the wait doubles it: 60 s from 30. */
	ck_assert_int_eq(try_pin("1111", at(30)), 0);
	ck_assert_int_eq(session_pin_wait_s(session, at(30)), 60);
	ck_assert_int_eq(try_pin("2468", at(90)), 1);
	ck_assert_int_eq(session_phase(session), PHASE_MENU);
	/* The right PIN starts the count again: one wrong PIN now does not
	 * make the screen wait (it would be the eighth in a row: 120 s). Each
	 * check is a deliberately slow hash, so the test keeps them few. */
	session_close_menu(session);
	session_open_pin(session, at(91));
	ck_assert_int_eq(try_pin("1111", at(91)), 0);
	ck_assert_int_eq(session_pin_wait_s(session, at(91)), 0);
	/* Every wrong PIN and every wait is in the audit log. */
	ck_assert_int_eq(store_audit_each(store, collect_audit, audit, &cause), 0);
	ck_assert_str_eq(audit, "pin-wrong:wrong PIN, 1 in a row;pin-wrong:wrong PIN, 2 in a row;"
	                        "pin-wrong:wrong PIN, 3 in a row;pin-wrong:wrong PIN, 4 in a row;"
	                        "pin-wrong:wrong PIN, 5 in a row;"
	                        "pin-lock:no PIN is checked until 2027-01-15T08:00:30Z;"
	                        "pin-wrong:wrong PIN, 6 in a row;"
	                        "pin-lock:no PIN is checked until 2027-01-15T08:01:30Z;"
	                        "pin-wrong:wrong PIN, 1 in a row;");
}
END_TEST

START_TEST(the_wait_counts_down_every_second_and_says_why_digits_are_not_taken)
{
	char *cause = NULL;

	ck_assert_int_eq(store_pin_set(store, "2468", &cause), 0);
	session_set_wall_clock(session, wall_clock);
	session_open_pin(session, at(0));
	for (int i = 0; i < PINLOCK_TRIES; i++)
		try_pin("1111", at(0) + 500); /* the fifth at 0.5 s: 30 s to wait */
	ck_assert_int_eq(session_pin_wait_s(session, 500), 30);
	/* The loop wakes when the next whole second shows: at 1.5 s (29 left). */
	ck_assert_int_eq(session_next_deadline(session, 500), 1000);
	ck_assert(!session_tick(session, 1499));
	ck_assert_int_eq(session_next_deadline(session, 1499), 1);
	ck_assert(session_tick(session, 1500));
	ck_assert_int_eq(session_pin_wait_s(session, 1500), 29);
	ck_assert_int_eq(session_next_deadline(session, 1700), 800);
	/* A digit typed now is not taken, and the screen can say why. */
	ck_assert(!session_pin_typed_while_waiting(session));
	session_type(session, "2", 1800);
	ck_assert_int_eq(session_pin_length(session), 0);
	ck_assert(session_pin_typed_while_waiting(session));
	/* At 30.5 s it is over: one more frame, and digits are taken again. */
	ck_assert(session_tick(session, 30500));
	ck_assert_int_eq(session_pin_wait_s(session, 30500), 0);
	ck_assert(!session_pin_typed_while_waiting(session));
	ck_assert(!session_tick(session, 31000));
	session_type(session, "2", 31000);
	ck_assert_int_eq(session_pin_length(session), 1);
	session_erase(session, 31100); /* the keypad's erase key */
	ck_assert_int_eq(session_pin_length(session), 0);
}
END_TEST

/* Starting a sitting keeps the survey file's exact text in the database, so
 * the sitting is scored with it after the file changes (versions.h). */
START_TEST(a_sitting_keeps_its_survey_file_in_the_database)
{
	char *path = testutil_source_path("tests/fixtures/session/mini.yaml");
	char *file = testutil_read_file(path), *text = NULL, *cause = NULL;
	const Survey *mini = set.items[0];
	size_t len;

	ck_assert_int_eq(
	    store_source_get(store, "mini", mini->version, mini->hash, &text, &len, &cause), 0);
	reach_first_question();
	ck_assert_int_eq(
	    store_source_get(store, "mini", mini->version, mini->hash, &text, &len, &cause), 1);
	ck_assert_uint_eq(len, strlen(file));
	ck_assert_str_eq(text, file);
	free(text);
	free(file);
	free(path);
}
END_TEST

/* The menu sets a new battery up after sittings were taken: the files kept
 * so far stay known, and nothing is freed twice (the kiosk once aborted on
 * exit here). */
START_TEST(a_new_configuration_after_a_sitting_starts_cleanly)
{
	char *cause = NULL, *text = NULL;
	const Survey *mini = set.items[0];
	size_t len;

	reach_first_question();
	reach_first_question(); /* configures again, then a second sitting */
	ck_assert_int_eq(
	    store_source_get(store, "mini", mini->version, mini->hash, &text, &len, &cause), 1);
	free(text);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("session");
	TCase *tc = tcase_create("flow");

	util_i18n_init(NULL);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, unknown_survey_is_refused);
	tcase_add_test(tc, survey_for_another_audience_is_refused);
	tcase_add_test(tc, a_choice_is_stored_at_once_and_moves_on_after_the_confirmation);
	tcase_add_test(tc, going_back_shows_and_replaces_the_answer);
	tcase_add_test(tc, multi_and_number_answers_complete_the_sitting);
	tcase_add_test(tc, a_quiet_respondent_is_asked_then_the_battery_is_abandoned);
	tcase_add_test(tc, the_pin_mid_question_ends_the_battery_and_cancel_goes_back);
	tcase_add_test(tc, the_storage_alarm_stays_only_where_the_write_failed);
	tcase_add_test(tc, the_psychologists_screens_lock_after_the_idle_time);
	tcase_add_test(tc, the_set_up_is_kept_and_restored_at_the_next_start);
	tcase_add_test(tc, a_set_up_that_no_longer_fits_is_not_restored);
	tcase_add_test(tc, the_first_pin_screen_only_drops_what_was_typed_when_left_alone);
	tcase_add_test(tc, the_idle_time_is_set_and_counts_on_every_screen_past_the_welcome);
	tcase_add_test(tc, a_preset_class_skips_the_class_field);
	tcase_add_test(tc, students_need_a_class_and_teachers_are_not_asked_for_one);
	tcase_add_test(tc, a_questionnaire_for_certain_grades_asks_teachers_the_class);
	tcase_add_test(tc, a_required_code_cannot_be_left_empty);
	tcase_add_test(tc, an_empty_class_or_code_is_explained_to_adults_as_adults);
	tcase_add_test(tc, a_multi_answer_with_nothing_chosen_is_prompted_not_alarmed);
	tcase_add_test(tc, a_number_out_of_range_is_told_its_range);
	tcase_add_test(tc, adults_are_told_the_range_as_adults);
	tcase_add_test(tc, a_full_field_says_so_instead_of_dropping_what_is_typed);
	tcase_add_test(tc, only_a_storage_failure_is_an_error);
	tcase_add_test(tc, a_class_left_by_a_click_takes_its_one_spelling);
	tcase_add_test(tc, keys_of_the_latin_layout_type_the_cyrillic_letter_in_their_place);
	tcase_add_test(tc, a_class_must_look_like_one);
	tcase_add_test(tc, with_a_class_list_the_class_is_picked);
	tcase_add_test(tc, a_full_text_answer_says_its_limit_and_keeps_what_fits);
	tcase_add_test(tc, a_thank_you_without_results_leaves_by_itself);
	tcase_add_test(tc, a_template_with_placeholders_cannot_be_put_into_a_battery);
	tcase_add_test(tc, a_pin_opens_the_menu_only_when_it_matches);
	tcase_add_test(tc, the_first_start_makes_a_pin_typed_twice_before_anything_else);
	tcase_add_test(tc, the_wait_counts_down_every_second_and_says_why_digits_are_not_taken);
	tcase_add_test(tc, wrong_pins_in_a_row_make_the_pin_screen_wait_even_after_a_restart);
	tcase_add_test(tc, a_sitting_keeps_its_survey_file_in_the_database);
	tcase_add_test(tc, a_new_configuration_after_a_sitting_starts_cleanly);
	suite_add_tcase(s, tc);
	return testutil_run(s);
}
