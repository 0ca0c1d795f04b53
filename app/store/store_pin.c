/*
 * store_pin.c: the psychologist's PIN, kept only as a libsodium
 * crypto_pwhash_str hash.
 */
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "store_internal.h"
#include "util.h"

/*
 * Argon2id with the interactive operations limit and 16 MiB instead of the
 * interactive 64 MiB: a 4-8 digit PIN has at most 10^8 values, so no work
 * factor makes an offline search hopeless; what matters is that the PIN is
 * never stored in the clear and that checking it stays well under a second
 * on an old school PC (and under valgrind).
 */
#define PIN_OPSLIMIT crypto_pwhash_OPSLIMIT_INTERACTIVE
#define PIN_MEMLIMIT (16u * 1024 * 1024)

bool
store_pin_valid(const char *pin)
{
	size_t len = strlen(pin);

	if (len < 4 || len > 8)
		return false;
	return strspn(pin, "0123456789") == len;
}

static int
save_hash(Store *store, const char *hash, char **cause)
{
	sqlite3_stmt *stmt = store_stmt(store, STMT_PIN_SET, cause);
	char now[21];

	if (stmt == NULL)
		return -1;
	util_now_iso8601(now);
	sqlite3_bind_text(stmt, 1, hash, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, now, -1, SQLITE_STATIC);
	return store_step_done(store, stmt, cause);
}

int
store_pin_set(Store *store, const char *pin, char **cause)
{
	char hash[crypto_pwhash_STRBYTES];

	if (!store_pin_valid(pin)) {
		*cause = xasprintf(_("the PIN must be 4 to 8 digits"));
		return -1;
	}
	if (sodium_init() < 0 ||
	    crypto_pwhash_str(hash, pin, strlen(pin), PIN_OPSLIMIT, PIN_MEMLIMIT) != 0) {
		*cause = xasprintf(_("not enough memory to protect the PIN"));
		return -1;
	}
	if (store_begin(store, cause) != 0)
		return -1;
	if (save_hash(store, hash, cause) != 0 ||
	    store_audit_add(store, "pin", "PIN changed", cause) != 0 ||
	    store_commit(store, cause) != 0) {
		store_rollback(store);
		return -1;
	}
	return 0;
}

int
store_pin_check(Store *store, const char *pin)
{
	sqlite3_stmt *stmt = store_stmt(store, STMT_PIN_GET, NULL);
	int rc, result = -1;

	if (stmt == NULL)
		return -1;
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		const char *hash = (const char *)sqlite3_column_text(stmt, 0);
		result = sodium_init() >= 0 && hash != NULL &&
		                 crypto_pwhash_str_verify(hash, pin, strlen(pin)) == 0
		             ? 1
		             : 0;
	}
	sqlite3_reset(stmt);
	return result;
}

bool
store_pin_exists(Store *store)
{
	sqlite3_stmt *stmt = store_stmt(store, STMT_PIN_GET, NULL);
	bool found;

	if (stmt == NULL)
		return false;
	found = sqlite3_step(stmt) == SQLITE_ROW;
	sqlite3_reset(stmt);
	return found;
}

int
store_pin_lock_get(Store *store, int *failures, char locked_until[21], char **cause)
{
	sqlite3_stmt *stmt = store_stmt(store, STMT_PIN_LOCK_GET, cause);
	int rc;

	if (stmt == NULL)
		return -1;
	*failures = 0;
	locked_until[0] = '\0';
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		const char *until = (const char *)sqlite3_column_text(stmt, 1);
		*failures = sqlite3_column_int(stmt, 0);
		snprintf(locked_until, 21, "%s", until ? until : "");
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_error(store->db, store->path, rc, cause);
	return 0;
}

int
store_pin_lock_set(Store *store, int failures, const char *locked_until, char **cause)
{
	sqlite3_stmt *stmt = store_stmt(store, STMT_PIN_LOCK_SET, cause);

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int(stmt, 1, failures);
	sqlite3_bind_text(stmt, 2, locked_until, -1, SQLITE_STATIC);
	return store_step_done(store, stmt, cause);
}
