/*
 * pinlock.c: the wrong-PIN rule (pure) and the PIN check over the store.
 */
#include "pinlock.h"

#include <stdio.h>
#include <stdlib.h>

#include "util.h"

int
pinlock_wait_after(int failures)
{
	int wait = PINLOCK_FIRST_S;

	if (failures < PINLOCK_TRIES)
		return 0;
	for (int i = PINLOCK_TRIES; i < failures && wait < PINLOCK_LONGEST_S; i++)
		wait *= 2;
	return wait < PINLOCK_LONGEST_S ? wait : PINLOCK_LONGEST_S;
}

void
pinlock_fail(PinLock *lock, int64_t now)
{
	int wait = pinlock_wait_after(++lock->failures);

	if (wait > 0 && now + wait > lock->locked_until)
		lock->locked_until = now + wait;
}

int
pinlock_wait(const PinLock *lock, int64_t now)
{
	int64_t left = lock->locked_until - now;

	if (left <= 0)
		return 0;
	return left < PINLOCK_LONGEST_S ? (int)left : PINLOCK_LONGEST_S;
}

int
pinlock_load(Store *store, PinLock *lock, char **cause)
{
	char until[21];

	*lock = (PinLock){ 0 };
	if (store_pin_lock_get(store, &lock->failures, until, cause) != 0)
		return -1;
	/* A time that does not read (it never should) is no wait. */
	if (until[0] != '\0' && util_iso8601_parse(until, &lock->locked_until) != 0)
		lock->locked_until = 0;
	return 0;
}

/* Keeps a wrong PIN typed at now: the count, the wait, and the audit lines
 * (one for the PIN, one more when it earned a wait), in one transaction. */
static int
pinlock_keep_failure(Store *store, const PinLock *before, const PinLock *after, int64_t now,
                     char **cause)
{
	char until[21] = "", *detail;
	int rc;

	if (after->locked_until > 0)
		util_iso8601(after->locked_until, until);
	if (store_begin(store, cause) != 0)
		return -1;
	detail = xasprintf("wrong PIN, %d in a row", after->failures);
	rc = store_pin_lock_set(store, after->failures, until, cause) != 0 ||
	     store_audit_add(store, "pin-wrong", detail, cause) != 0;
	free(detail);
	if (rc == 0 && after->locked_until != before->locked_until && after->locked_until > now) {
		detail = xasprintf("no PIN is checked until %s", until);
		rc = store_audit_add(store, "pin-lock", detail, cause) != 0;
		free(detail);
	}
	if (rc != 0 || store_commit(store, cause) != 0) {
		store_rollback(store);
		return -1;
	}
	return 0;
}

PinlockResult
pinlock_check(Store *store, const char *pin, int64_t now, int *wait_s, char **cause)
{
	PinLock lock, before;
	int match;

	*wait_s = 0;
	if (pinlock_load(store, &lock, cause) != 0)
		return PINLOCK_ERROR;
	if ((*wait_s = pinlock_wait(&lock, now)) > 0)
		return PINLOCK_LOCKED;
	match = store_pin_check(store, pin);
	if (match < 0 && !store_pin_exists(store))
		return PINLOCK_NO_PIN;
	if (match < 0) {
		*cause = xstrdup(_("the PIN cannot be read from the database"));
		return PINLOCK_ERROR;
	}
	if (match == 1) {
		if (lock.failures > 0 && store_pin_lock_set(store, 0, "", cause) != 0)
			return PINLOCK_ERROR;
		return PINLOCK_MATCH;
	}
	before = lock;
	pinlock_fail(&lock, now);
	if (pinlock_keep_failure(store, &before, &lock, now, cause) != 0)
		return PINLOCK_ERROR;
	*wait_s = pinlock_wait(&lock, now);
	return PINLOCK_WRONG;
}
