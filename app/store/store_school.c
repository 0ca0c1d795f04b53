/*
 * store_school.c: the name of the school a database belongs to (meta
 * 'school', db/003_school.sql), stamped on the sittings stored in it so
 * that a municipality's merged databases keep their schools apart.
 */
#include <stdlib.h>
#include <string.h>

#include "store_internal.h"
#include "util.h"

const char *
store_school(const Store *store)
{
	return store->school ? store->school : "";
}

int
store_school_load(Store *store, char **cause)
{
	sqlite3_stmt *stmt = store_stmt(store, STMT_SCHOOL_GET, cause);
	int rc;

	if (stmt == NULL)
		return -1;
	rc = sqlite3_step(stmt);
	free(store->school);
	store->school = xstrdup(rc == SQLITE_ROW && sqlite3_column_text(stmt, 0) != NULL
	                            ? (const char *)sqlite3_column_text(stmt, 0)
	                            : "");
	sqlite3_reset(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_error(store->db, store->path, rc, cause);
	return 0;
}

static bool
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

/* name without the white space around it, as a new string. */
static char *
trimmed(const char *name)
{
	size_t len;

	while (is_space(*name))
		name++;
	len = strlen(name);
	while (len > 0 && is_space(name[len - 1]))
		len--;
	return xstrndup(name, len);
}

/* Why name cannot be a school's name, or NULL when it can. */
static char *
school_problem(const char *name)
{
	if (name[0] == '\0')
		return xasprintf(_("the school's name is empty: give the name, for example "
		                   "\"Школа № 5\""));
	if (strlen(name) > STORE_SCHOOL_MAX)
		return xasprintf(_("the school's name is %zu bytes long; at most %d are allowed"),
		                 strlen(name), STORE_SCHOOL_MAX);
	for (const unsigned char *p = (const unsigned char *)name; *p != '\0'; p++)
		if (*p < 0x20 || *p == 0x7f)
			return xasprintf(_("the school's name must be one line without control "
			                   "characters"));
	if (strcmp(name, "*") == 0)
		return xasprintf(_("\"*\" cannot be a school's name: the indicators use it for "
		                   "all schools together"));
	return NULL;
}

int
store_school_set(Store *store, const char *name, char **cause)
{
	char *school = trimmed(name), *detail;
	sqlite3_stmt *stmt;
	int rc;

	if ((*cause = school_problem(school)) != NULL)
		goto fail;
	if (store_begin(store, cause) != 0)
		goto fail;
	stmt = store_stmt(store, STMT_SCHOOL_SET, cause);
	if (stmt == NULL)
		goto fail_rollback;
	sqlite3_bind_text(stmt, 1, school, -1, SQLITE_STATIC);
	if (store_step_done(store, stmt, cause) != 0)
		goto fail_rollback;
	detail = xasprintf("%s (before: %s)", school, store->school[0] ? store->school : "none");
	rc = store_audit_add(store, "school", detail, cause);
	free(detail);
	if (rc != 0 || store_commit(store, cause) != 0)
		goto fail_rollback;
	free(store->school);
	store->school = school;
	return 0;
fail_rollback:
	store_rollback(store);
fail:
	free(school);
	return -1;
}
