/*
 * test_pinlock.c: the wrong-PIN rule with exact times, and the PIN check
 * over a real database (what it keeps and what it audits).
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "pinlock.h"
#include "testutil.h"
#include "util.h"

/* 2027-01-15T08:00:00Z */
#define T0 1800000000

START_TEST(the_wait_starts_at_the_fifth_wrong_pin_and_doubles_to_a_quarter_hour)
{
	ck_assert_int_eq(pinlock_wait_after(0), 0);
	ck_assert_int_eq(pinlock_wait_after(4), 0);
	ck_assert_int_eq(pinlock_wait_after(5), 30);
	ck_assert_int_eq(pinlock_wait_after(6), 60);
	ck_assert_int_eq(pinlock_wait_after(7), 120);
	ck_assert_int_eq(pinlock_wait_after(8), 240);
	ck_assert_int_eq(pinlock_wait_after(9), 480);
	ck_assert_int_eq(pinlock_wait_after(10), 900); /* 960 is more than 15 min */
	ck_assert_int_eq(pinlock_wait_after(11), 900);
	ck_assert_int_eq(pinlock_wait_after(1000), 900);
}
END_TEST

START_TEST(wrong_pins_set_the_wait_on_the_clock_they_are_typed_at)
{
	PinLock lock = { 0 };

	for (int i = 0; i < 4; i++)
		pinlock_fail(&lock, T0 + i);
	ck_assert_int_eq(lock.failures, 4);
	ck_assert(lock.locked_until == 0);
	ck_assert_int_eq(pinlock_wait(&lock, T0 + 4), 0);
	pinlock_fail(&lock, T0 + 10); /* the fifth: until T0 + 40 */
	ck_assert(lock.locked_until == (int64_t)T0 + 40);
	ck_assert_int_eq(pinlock_wait(&lock, T0 + 10), 30);
	ck_assert_int_eq(pinlock_wait(&lock, T0 + 39), 1);
	ck_assert_int_eq(pinlock_wait(&lock, T0 + 40), 0);
	pinlock_fail(&lock, T0 + 41); /* the sixth: 60 s from T0 + 41 */
	ck_assert(lock.locked_until == (int64_t)T0 + 101);
	/* A clock put back a day never makes the wait longer than 15 min. */
	ck_assert_int_eq(pinlock_wait(&lock, T0 - 86400), 900);
}
END_TEST

/* The audit lines about PINs, as "action:detail;" */
static int
collect(const char *when, const char *action, const char *detail, void *arg)
{
	char *out = arg;
	size_t used = strlen(out);

	(void)when;
	if (strncmp(action, "pin-", 4) == 0)
		snprintf(out + used, 1024 - used, "%s:%s;", action, detail);
	return 0;
}

START_TEST(the_check_keeps_and_audits_every_wrong_pin)
{
	char *dir = testutil_tmpdir(), *path = xasprintf("%s/a.db", dir), *cause = NULL;
	char audit[1024] = "", until[21];
	Store *store = store_open(path, &cause);
	int wait = -1, failures = -1;

	ck_assert_ptr_nonnull(store);
	ck_assert_int_eq(pinlock_check(store, "2468", T0, &wait, &cause), PINLOCK_NO_PIN);
	ck_assert_int_eq(store_pin_set(store, "2468", &cause), 0);
	for (int i = 0; i < 4; i++) {
		ck_assert_int_eq(pinlock_check(store, "1111", T0, &wait, &cause), PINLOCK_WRONG);
		ck_assert_int_eq(wait, 0);
	}
	ck_assert_int_eq(pinlock_check(store, "1111", T0 + 5, &wait, &cause), PINLOCK_WRONG);
	ck_assert_int_eq(wait, 30);
	/* Kept in the database: another program (a restart) sees it. */
	store_close(store);
	store = store_open(path, &cause);
	ck_assert_int_eq(store_pin_lock_get(store, &failures, until, &cause), 0);
	ck_assert_int_eq(failures, 5);
	ck_assert_str_eq(until, "2027-01-15T08:00:35Z");
	ck_assert_int_eq(pinlock_check(store, "2468", T0 + 20, &wait, &cause), PINLOCK_LOCKED);
	ck_assert_int_eq(wait, 15);
	ck_assert_int_eq(pinlock_check(store, "2468", T0 + 35, &wait, &cause), PINLOCK_MATCH);
	ck_assert_int_eq(wait, 0);
	ck_assert_int_eq(store_pin_lock_get(store, &failures, until, &cause), 0);
	ck_assert_int_eq(failures, 0);
	ck_assert_str_eq(until, "");
	ck_assert_int_eq(store_audit_each(store, collect, audit, &cause), 0);
	ck_assert_str_eq(audit, "pin-wrong:wrong PIN, 1 in a row;pin-wrong:wrong PIN, 2 in a row;"
	                        "pin-wrong:wrong PIN, 3 in a row;pin-wrong:wrong PIN, 4 in a row;"
	                        "pin-wrong:wrong PIN, 5 in a row;"
	                        "pin-lock:no PIN is checked until 2027-01-15T08:00:35Z;");
	store_close(store);
	free(path);
	free(dir);
}
END_TEST

START_TEST(iso_times_read_back_exactly)
{
	int64_t t = 0;
	char text[21];

	util_iso8601(T0, text);
	ck_assert_str_eq(text, "2027-01-15T08:00:00Z");
	ck_assert_int_eq(util_iso8601_parse("2027-01-15T08:00:35Z", &t), 0);
	ck_assert(t == (int64_t)T0 + 35);
	ck_assert_int_eq(util_iso8601_parse("2027-02-30T08:00:00Z", &t), -1); /* no such day */
	ck_assert_int_eq(util_iso8601_parse("2027-01-15 08:00:00", &t), -1);
	ck_assert_int_eq(util_iso8601_parse("2027-01-15T08:00:00Zx", &t), -1);
	ck_assert_int_eq(util_iso8601_parse("", &t), -1);
	ck_assert(t == (int64_t)T0 + 35);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("pinlock");
	TCase *tc = tcase_create("pinlock");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, the_wait_starts_at_the_fifth_wrong_pin_and_doubles_to_a_quarter_hour);
	tcase_add_test(tc, wrong_pins_set_the_wait_on_the_clock_they_are_typed_at);
	tcase_add_test(tc, the_check_keeps_and_audits_every_wrong_pin);
	tcase_add_test(tc, iso_times_read_back_exactly);
	suite_add_tcase(s, tc);
	return testutil_run(s);
}
