/*
 * pinlock.h: the rule that makes guessing the psychologist's PIN slow, and
 * the one place a PIN is checked (the kiosk's PIN screen and `anketa pin`
 * alike, DESIGN.md section 5).
 *
 * After PINLOCK_TRIES wrong PINs in a row no PIN is checked for
 * PINLOCK_FIRST_S seconds, twice as long after every further wrong one, at
 * most PINLOCK_LONGEST_S: a curious student cannot try the 10 000 four-digit
 * PINs in a lesson, the psychologist who mistyped waits half a minute. The
 * count and the wait are kept in the database on the wall clock, so that a
 * restart or a power cut resets neither; every wrong PIN and every wait is
 * written to the audit log. Times are seconds since 1970, passed in.
 */
#ifndef ANKETA_PINLOCK_H
#define ANKETA_PINLOCK_H

#include <stdint.h>

#include "store.h"

#define PINLOCK_TRIES     5
#define PINLOCK_FIRST_S   30
#define PINLOCK_LONGEST_S (15 * 60)

typedef struct {
	int failures;         /* wrong PINs in a row */
	int64_t locked_until; /* no PIN is checked before this time; 0: none */
} PinLock;

/* The wait the failures-th wrong PIN in a row earns, in seconds: 0 before
 * PINLOCK_TRIES, then PINLOCK_FIRST_S doubling, at most PINLOCK_LONGEST_S. */
int pinlock_wait_after(int failures);

/* Counts a wrong PIN typed at now and sets the wait it earns (a wait
 * already running is replaced only by a longer one). */
void pinlock_fail(PinLock *lock, int64_t now);

/* Seconds until a PIN is checked again, at now: 0 when it is checked now.
 * Never more than PINLOCK_LONGEST_S, even if the clock was put back. */
int pinlock_wait(const PinLock *lock, int64_t now);

typedef enum {
	PINLOCK_MATCH,  /* the PIN is right; the count starts again */
	PINLOCK_WRONG,  /* counted and audited; *wait_s is the wait it earned */
	PINLOCK_LOCKED, /* not checked: *wait_s seconds to go */
	PINLOCK_NO_PIN, /* the database has no PIN */
	PINLOCK_ERROR,  /* the database could not be read or written: *cause */
} PinlockResult;

/*
 * Checks pin against the database's PIN at now, under the count and wait
 * kept in it. *wait_s is set for LOCKED (the seconds to go) and WRONG (the
 * wait this PIN earned, 0 for none), else 0. A wrong PIN is kept and
 * audited before this returns (an interrupted check still counts).
 */
PinlockResult pinlock_check(Store *store, const char *pin, int64_t now, int *wait_s, char **cause);

/* The count and wait kept in the database; 0, or -1 with *cause. */
int pinlock_load(Store *store, PinLock *lock, char **cause);

#endif
