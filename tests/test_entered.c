/*
 * test_entered.c: the values the psychologist enters (entered.h): what a
 * typed value may be, "N" resolved with the class list, and entered_put()
 * against a real store, with its history and audit lines.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "entered.h"
#include "program.h"
#include "store.h"
#include "testutil.h"
#include "util.h"

/* A programme with every entered kind and one computed indicator. */
static const char programme[] =
    "id: p\ntitle: P\nclasses: flagged\n"
    "waves: [{id: base, title: Исходные}, {id: mid, title: Стартовый}, end]\n"
    "indicators:\n"
    "  - {id: \"2.1\", title: E, kind: count, targets: {mid: \"+2\"}}\n"
    "  - {id: \"2.2\", title: P, kind: entered_share, expected: parents}\n"
    "  - {id: \"3.1\", title: T, kind: entered_share}\n"
    "  - {id: \"5.1\", title: N, kind: yesno}\n"
    "  - {id: \"1.1\", title: S, kind: share, survey: x, scale: s, levels: [l]}\n";

static Program *prog;
static Store *store;

static void
setup(void)
{
	Diag diag = { 0 };
	char *path = testutil_temp_file("p.yaml", programme), *cause = NULL;
	/* 5А and 4А flagged: 18 + 9 parents; 5Б not: its 22 are not the school's. */
	StoreClass classes[] = { { "5А", 20, 18, true },
		                 { "5Б", 25, 22, false },
		                 { "4А", 10, 9, true },
		                 { "3А", 12, 0, true } };

	prog = program_load(path, NULL, &diag);
	diag_print(&diag, stderr);
	ck_assert_ptr_nonnull(prog);
	testutil_temp_remove(path);
	store = store_open(":memory:", &cause);
	ck_assert_ptr_nonnull(store);
	ck_assert_int_eq(store_classes_replace(store, classes, 4, &cause), 0);
}

static void
teardown(void)
{
	store_close(store);
	program_free(prog);
}

/* entered_parse() of text, then entered_format(): the stored text, or
 * "!" and the error. */
static char *
parsed(IndicatorKind kind, const char *text)
{
	EnteredValue v;
	char *cause = NULL, *out;

	if (entered_parse(kind, text, &v, &cause) != 0) {
		out = xasprintf("!%s", cause);
		free(cause);
		return out;
	}
	return entered_format(kind, &v);
}

#define CHECK_PARSED(kind, text, want)                                                             \
	do {                                                                                       \
		char *got_ = parsed((kind), (text));                                               \
		ck_assert_str_eq(got_, (want));                                                    \
		free(got_);                                                                        \
	} while (0)

START_TEST(test_parse)
{
	CHECK_PARSED(INDICATOR_COUNT, "7", "7");
	CHECK_PARSED(INDICATOR_COUNT, "  0 ", "0");
	CHECK_PARSED(INDICATOR_COUNT, "100000", "100000");
	CHECK_PARSED(INDICATOR_COUNT, "100001",
	             "!a count is a whole number of events from 0 to 100000, like 7; not «100001»");
	CHECK_PARSED(INDICATOR_COUNT, "-1",
	             "!a count is a whole number of events from 0 to 100000, like 7; not «-1»");
	CHECK_PARSED(INDICATOR_COUNT, "2.5",
	             "!a count is a whole number of events from 0 to 100000, like 7; not «2.5»");
	CHECK_PARSED(INDICATOR_ENTERED_SHARE, "18/25", "18/25");
	CHECK_PARSED(INDICATOR_ENTERED_SHARE, "18 / 25", "18/25");
	CHECK_PARSED(INDICATOR_ENTERED_SHARE, "18 из 25", "18/25");
	CHECK_PARSED(INDICATOR_ENTERED_SHARE, "18", "18"); /* M from the class list */
	CHECK_PARSED(INDICATOR_ENTERED_SHARE, "25/25", "25/25");
	CHECK_PARSED(INDICATOR_ENTERED_SHARE, "26/25",
	             "!26 of 25: there cannot be more than all of them");
	CHECK_PARSED(INDICATOR_ENTERED_SHARE, "0/0",
	             "!the number of people (M in N/M) must be above 0");
	CHECK_PARSED(INDICATOR_ENTERED_SHARE, "18/",
	             "!a share is entered as N/M (18/25: 18 of 25 people), or N alone when the "
	             "class list gives the number of people; not «18/»");
	CHECK_PARSED(INDICATOR_ENTERED_SHARE, "72%",
	             "!a share is entered as N/M (18/25: 18 of 25 people), or N alone when the "
	             "class list gives the number of people; not «72%»");
	CHECK_PARSED(INDICATOR_YESNO, "да", "да");
	CHECK_PARSED(INDICATOR_YESNO, "Нет", "нет");
	CHECK_PARSED(INDICATOR_YESNO, " YES ", "да");
	CHECK_PARSED(INDICATOR_YESNO, "no", "нет");
	CHECK_PARSED(INDICATOR_YESNO, "1", "!a yes/no indicator takes да or нет, not «1»");
}
END_TEST

/* "N" alone takes M from the class list: the class's parents, or for the
 * whole school those of the classes the programme counts (flagged). */
START_TEST(test_resolve)
{
	const Indicator *parents = program_find_indicator(prog, "2.2");
	const Indicator *teachers = program_find_indicator(prog, "3.1");
	StoreClass classes[] = { { "5А", 20, 18, true },
		                 { "5Б", 25, 22, false },
		                 { "3А", 12, 0, true } };
	EnteredValue v = { 15, 0, false };
	char *cause = NULL;

	ck_assert_int_eq(entered_resolve(prog, parents, "5А", classes, 3, &v, &cause), 0);
	ck_assert(v.has_of);
	ck_assert_int_eq(v.of, 18);
	/* The school: 18 of 5А + 0 of 3А (flagged); 5Б is not flagged. */
	v = (EnteredValue){ 15, 0, false };
	ck_assert_int_eq(entered_resolve(prog, parents, "*", classes, 3, &v, &cause), 0);
	ck_assert_int_eq(v.of, 18);
	/* Typed with M: left as it is. */
	v = (EnteredValue){ 3, 4, true };
	ck_assert_int_eq(entered_resolve(prog, parents, "5А", classes, 3, &v, &cause), 0);
	ck_assert_int_eq(v.of, 4);
	v = (EnteredValue){ 19, 0, false };
	ck_assert_int_eq(entered_resolve(prog, parents, "5А", classes, 3, &v, &cause), -1);
	ck_assert_str_eq(cause, "19 of 18: there cannot be more than all of them");
	free(cause);
	v = (EnteredValue){ 1, 0, false };
	ck_assert_int_eq(entered_resolve(prog, parents, "7В", classes, 3, &v, &cause), -1);
	ck_assert_str_eq(cause,
	                 "the class 7В is not in the class list (anketa classes): enter N/M");
	free(cause);
	ck_assert_int_eq(entered_resolve(prog, parents, "3А", classes, 3, &v, &cause), -1);
	ck_assert_str_eq(cause, "the class list gives no parents for 3А: enter N/M");
	free(cause);
	ck_assert_int_eq(entered_resolve(prog, teachers, "*", classes, 3, &v, &cause), -1);
	ck_assert_str_eq(cause, "indicator 3.1 is entered as N/M (how many of how many): its "
	                        "number of people is not in the class list");
	free(cause);
}
END_TEST

/* The history and the current values, as "indicator wave class value;". */
static int
collect(const StoreEntered *e, void *arg)
{
	char *text = arg;
	size_t len = strlen(text);

	snprintf(text + len, 512 - len, "%s %s %s %s %s=%s;", e->programme_id, e->indicator_id,
	         e->wave, e->class_name, e->school, e->value);
	return 0;
}

static int
collect_audit(const char *at, const char *action, const char *detail, void *arg)
{
	char *text = arg;
	size_t len = strlen(text);

	(void)at;
	if (strcmp(action, "enter") == 0)
		snprintf(text + len, 1024 - len, "%s;", detail);
	return 0;
}

/* Stores text and checks the sentence said back. */
static void
put_ok(const char *id, const char *wave, const char *klass, const char *text, const char *want)
{
	char *said = NULL, *cause = NULL;

	ck_assert_msg(entered_put(store, prog, id, wave, klass, text, &said, &cause) == 0, "%s",
	              cause);
	ck_assert_str_eq(said, want);
	free(said);
}

/* Expects text refused with want and nothing stored. */
static void
put_refused(const char *id, const char *wave, const char *klass, const char *text, const char *want)
{
	char *said = NULL, *cause = NULL;

	ck_assert_int_eq(entered_put(store, prog, id, wave, klass, text, &said, &cause), -1);
	ck_assert_ptr_null(said);
	ck_assert_str_eq(cause, want);
	free(cause);
}

START_TEST(test_put)
{
	char now[512] = "", audit[1024] = "", *cause = NULL;

	put_ok("2.1", "base", NULL, "5", "2.1, Исходные, the whole school: 5");
	put_ok("2.1", "mid", "*", "6", "2.1, Стартовый, the whole school: 6");
	/* A change replaces the value and says what it was. */
	put_ok("2.1", "mid", "", " 7 ", "2.1, Стартовый, the whole school: 7 (was: 6)");
	/* "5а" is the class 5А; 15 of its 18 parents. */
	put_ok("2.2", "mid", "5а", "15", "2.2, Стартовый, 5А: 15 of 18");
	put_ok("3.1", "end", NULL, "12/20", "3.1, end, the whole school: 12 of 20");
	put_ok("5.1", "mid", NULL, "ДА", "5.1, Стартовый, the whole school: да");
	/* "-" clears a value. */
	put_ok("3.1", "end", NULL, "-",
	       "3.1, end, the whole school: no value (cleared) (was: 12/20)");
	put_refused("9.9", "mid", NULL, "1", "the programme p has no indicator 9.9");
	put_refused("1.1", "mid", NULL, "1",
	            "indicator 1.1 is computed from questionnaires; only count, entered_share and "
	            "yesno indicators are entered");
	put_refused("2.1", "winter", NULL, "1", "the programme p has no wave winter");
	put_refused("5.1", "mid", "5А", "да",
	            "indicator 5.1 (да / нет) is entered for the whole school, without a class");
	put_refused("3.1", "mid", NULL, "12",
	            "indicator 3.1 is entered as N/M (how many of how many): its number of people "
	            "is not in the class list");
	put_refused("2.2", "mid", "5Б", "10",
	            "the programme p counts only the classes flagged in the class list, and 5Б "
	            "is not one of them");
	put_refused("2.1", "mid", NULL, "много",
	            "a count is a whole number of events from 0 to 100000, like 7; not «много»");
	ck_assert_int_eq(store_entered_each(store, collect, now, &cause), 0);
	ck_assert_str_eq(now, "p 2.1 base * =5;p 2.1 mid * =7;p 2.2 mid 5А =15/18;"
	                      "p 3.1 end * =;p 5.1 mid * =да;");
	ck_assert_int_eq(store_audit_each(store, collect_audit, audit, &cause), 0);
	ck_assert_str_eq(audit, "p 2.1 base *: 5;p 2.1 mid *: 6;p 2.1 mid *: 7 (was 6);"
	                        "p 2.2 mid 5А: 15/18;p 3.1 end *: 12/20;p 5.1 mid *: да;"
	                        "p 3.1 end *: (cleared) (was 12/20);");
}
END_TEST

/* A value entered after the school was named belongs to that school; the
 * one before keeps none, and each school's values are their own. */
START_TEST(test_school)
{
	char now[512] = "", *cause = NULL;

	put_ok("2.1", "base", NULL, "5", "2.1, Исходные, the whole school: 5");
	ck_assert_int_eq(store_school_set(store, "Школа № 1", &cause), 0);
	put_ok("2.1", "base", NULL, "8", "2.1, Исходные, the whole school: 8");
	ck_assert_int_eq(store_entered_each(store, collect, now, &cause), 0);
	ck_assert_str_eq(now, "p 2.1 base * =5;p 2.1 base * Школа № 1=8;");
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("entered");
	TCase *tc = tcase_create("entered");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_parse);
	tcase_add_test(tc, test_resolve);
	tcase_add_test(tc, test_put);
	tcase_add_test(tc, test_school);
	suite_add_tcase(s, tc);
	return testutil_run(s);
}
