/*
 * store_setup.c: the kiosk's set-up kept for the next start (kiosk_setup).
 */
#include <stdlib.h>

#include "store_internal.h"
#include "util.h"

int
store_setup_put(Store *store, const StoreSetup *setup, char **cause)
{
	sqlite3_stmt *stmt = store_stmt(store, STMT_SETUP_SET, cause);
	char now[21];

	if (stmt == NULL)
		return -1;
	util_now_iso8601(now);
	store_bind_text(stmt, 1, setup->wave);
	store_bind_text(stmt, 2, setup->audience);
	store_bind_text(stmt, 3, setup->class_name ? setup->class_name : "");
	store_bind_text(stmt, 4, setup->battery);
	sqlite3_bind_int(stmt, 5, setup->read_aloud);
	sqlite3_bind_int(stmt, 6, setup->code_required);
	sqlite3_bind_text(stmt, 7, now, -1, SQLITE_STATIC);
	return store_step_done(store, stmt, cause);
}

/* A copy of a text column ("" for NULL). */
static char *
column_copy(sqlite3_stmt *stmt, int i)
{
	const char *text = (const char *)sqlite3_column_text(stmt, i);

	return xstrdup(text ? text : "");
}

int
store_setup_get(Store *store, StoreSetup *setup, char **cause)
{
	sqlite3_stmt *stmt = store_stmt(store, STMT_SETUP_GET, cause);
	int rc;

	*setup = (StoreSetup){ 0 };
	if (stmt == NULL)
		return -1;
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		setup->wave = column_copy(stmt, 0);
		setup->audience = column_copy(stmt, 1);
		setup->class_name = column_copy(stmt, 2);
		setup->battery = column_copy(stmt, 3);
		setup->read_aloud = sqlite3_column_int(stmt, 4) != 0;
		setup->code_required = sqlite3_column_int(stmt, 5) != 0;
	}
	sqlite3_reset(stmt);
	return store_found(store, rc, cause);
}

void
store_setup_clear(StoreSetup *setup)
{
	free(setup->wave);
	free(setup->audience);
	free(setup->class_name);
	free(setup->battery);
	*setup = (StoreSetup){ 0 };
}
