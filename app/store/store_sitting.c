/*
 * store_sitting.c: sittings and their answers as the kiosk writes them
 * (each answer committed as it is given, changeable while its sitting is
 * in progress) and every answer read back in export order.
 */
#include <stdio.h>

#include "store_internal.h"
#include "util.h"

static const char *
or_empty(const char *s)
{
	return s ? s : "";
}

int
store_sitting_begin(Store *store, const StoreSitting *s, char id_out[37], char **cause)
{
	sqlite3_stmt *stmt = store_stmt(store, STMT_SITTING_INSERT, cause);
	char now[21];
	int rc;

	if (stmt == NULL || store_sitting_fits(s, cause) != 0)
		return -1;
	if (s->id != NULL) {
		if (s->id != id_out)
			snprintf(id_out, 37, "%s", s->id);
	} else
		store_uuid(id_out);
	util_now_iso8601(now);
	sqlite3_bind_text(stmt, 1, id_out, -1, SQLITE_STATIC);
	store_bind_text(stmt, 2, s->visit_id);
	store_bind_text(stmt, 3, s->device_id ? s->device_id : store->device_id);
	store_bind_text(stmt, 4, or_empty(s->wave));
	store_bind_text(stmt, 5, or_empty(s->class_name));
	store_bind_text(stmt, 6, or_empty(s->audience));
	store_bind_text(stmt, 7, or_empty(s->respondent));
	store_bind_text(stmt, 8, or_empty(s->survey_id));
	sqlite3_bind_int(stmt, 9, s->survey_version);
	store_bind_text(stmt, 10, or_empty(s->survey_hash));
	store_bind_text(stmt, 11, s->started_at ? s->started_at : now);
	store_bind_text(stmt, 12, s->school ? s->school : store->school);
	rc = sqlite3_step(stmt);
	sqlite3_reset(stmt);
	if (rc == SQLITE_CONSTRAINT_PRIMARYKEY) {
		*cause = xasprintf(_("a sitting with the id %s is already stored"), id_out);
		return -1;
	}
	if (rc != SQLITE_DONE)
		return store_error(store->db, store->path, rc, cause);
	return 0;
}

/* The status of a sitting, or -1 when there is none with this id. */
static int
sitting_status(Store *store, const char *sitting_id, char **cause)
{
	sqlite3_stmt *stmt = store_stmt(store, STMT_SITTING_STATUS, cause);
	int rc, status = -1;

	if (stmt == NULL)
		return -2;
	sqlite3_bind_text(stmt, 1, sitting_id, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		status = sqlite3_column_int(stmt, 0);
	sqlite3_reset(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		store_error(store->db, store->path, rc, cause);
		return -2;
	}
	return status;
}

/* Explains why a write to a sitting changed nothing: absent or closed. */
static int
sitting_not_open(Store *store, const char *sitting_id, char **cause)
{
	int status = sitting_status(store, sitting_id, cause);

	if (status == -2)
		return -1;
	if (status == -1)
		*cause = xasprintf(_("there is no sitting with the id %s"), sitting_id);
	else
		*cause = xasprintf(_("the sitting %s is already finished; its answers can no "
		                     "longer be changed"),
		                   sitting_id);
	return -1;
}

int
store_sitting_finish(Store *store, const char *sitting_id, SittingStatus status, char **cause)
{
	sqlite3_stmt *stmt = store_stmt(store, STMT_SITTING_FINISH, cause);
	char now[21];
	int current;

	if (stmt == NULL)
		return -1;
	if (status != SITTING_COMPLETED && status != SITTING_ABANDONED) {
		*cause = xasprintf(_("a sitting can only be finished as completed or abandoned"));
		return -1;
	}
	util_now_iso8601(now);
	sqlite3_bind_text(stmt, 1, sitting_id, -1, SQLITE_STATIC);
	sqlite3_bind_int(stmt, 2, (int)status);
	sqlite3_bind_text(stmt, 3, now, -1, SQLITE_STATIC);
	if (store_step_done(store, stmt, cause) != 0)
		return -1;
	if (sqlite3_changes(store->db) == 1)
		return 0;
	/* Finishing twice the same way is harmless (a retried click). */
	current = sitting_status(store, sitting_id, cause);
	if (current == -2)
		return -1;
	if (current == (int)status)
		return 0;
	return sitting_not_open(store, sitting_id, cause);
}

int
store_sittings_abandon_open(Store *store, int *count, char **cause)
{
	sqlite3_stmt *stmt;

	if (!store->kiosk_locked) {
		*cause = xstrdup(_("only the kiosk that holds the database's lock may close the "
		                   "sittings left open"));
		return -1;
	}
	stmt = store_stmt(store, STMT_SITTINGS_ABANDON_OPEN, cause);
	if (stmt == NULL)
		return -1;
	sqlite3_bind_text(stmt, 1, store->device_id, -1, SQLITE_STATIC);
	if (store_step_done(store, stmt, cause) != 0)
		return -1;
	*count = sqlite3_changes(store->db);
	return 0;
}

int
store_answer_put(Store *store, const char *sitting_id, const char *question_id, const char *value,
                 bool has_score, double score, const char *answered_at, char **cause)
{
	sqlite3_stmt *stmt = store_stmt(store, STMT_ANSWER_UPSERT, cause);
	char now[21];

	if (stmt == NULL || store_answer_fits(question_id, value, cause) != 0)
		return -1;
	util_now_iso8601(now);
	sqlite3_bind_text(stmt, 1, sitting_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, question_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, or_empty(value), -1, SQLITE_STATIC);
	if (has_score)
		sqlite3_bind_double(stmt, 4, score);
	sqlite3_bind_text(stmt, 5, answered_at ? answered_at : now, -1, SQLITE_STATIC);
	if (store_step_done(store, stmt, cause) != 0)
		return -1;
	if (sqlite3_changes(store->db) == 1)
		return 0;
	return sitting_not_open(store, sitting_id, cause);
}

int
store_answer_delete(Store *store, const char *sitting_id, const char *question_id, char **cause)
{
	sqlite3_stmt *stmt;
	int status = sitting_status(store, sitting_id, cause);

	if (status == -2)
		return -1;
	if (status != SITTING_IN_PROGRESS)
		return sitting_not_open(store, sitting_id, cause);
	stmt = store_stmt(store, STMT_ANSWER_DELETE, cause);
	if (stmt == NULL)
		return -1;
	sqlite3_bind_text(stmt, 1, sitting_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, question_id, -1, SQLITE_STATIC);
	return store_step_done(store, stmt, cause);
}

static const char *
column_text(sqlite3_stmt *stmt, int col)
{
	const char *text = (const char *)sqlite3_column_text(stmt, col);
	return text ? text : "";
}

/* How a walk through the answers tells its progress: by sittings begun. */
typedef struct {
	const Progress *progress;
	int total;                /* sittings in the database */
	long done;                /* sittings begun so far */
	sqlite3_int64 last_rowid; /* of the sitting of the last row; 0: none yet */
} Walk;

/* Counts the sitting of a row that begins one, and tells progress; -1
 * (with *cause) when asked to stop. */
static int
walk_row(Walk *walk, sqlite3_stmt *stmt, char **cause)
{
	sqlite3_int64 rowid = sqlite3_column_int64(stmt, 19);

	if (walk->progress == NULL || rowid == walk->last_rowid)
		return 0;
	walk->last_rowid = rowid;
	walk->done++;
	return progress_step(walk->progress, walk->done - 1, walk->total, cause,
	                     _("sitting %ld of %ld"), walk->done, (long)walk->total);
}

/* The answer row the statement is at (its strings borrowed until the next
 * step). */
static StoreAnswerRow
answer_row(sqlite3_stmt *stmt)
{
	return (StoreAnswerRow){
		.sitting_id = column_text(stmt, 0),
		.device_id = column_text(stmt, 1),
		.wave = column_text(stmt, 2),
		.class_name = column_text(stmt, 3),
		.audience = column_text(stmt, 4),
		.respondent = column_text(stmt, 5),
		.survey_id = column_text(stmt, 6),
		.survey_version = sqlite3_column_int(stmt, 7),
		.question_id = column_text(stmt, 8),
		.value = column_text(stmt, 9),
		.has_score = sqlite3_column_type(stmt, 10) != SQLITE_NULL,
		.score = sqlite3_column_double(stmt, 10),
		.answered_at = column_text(stmt, 11),
		.status = (SittingStatus)sqlite3_column_int(stmt, 12),
		.started_at = column_text(stmt, 13),
		.completed_at = column_text(stmt, 14),
		.visit_id = column_text(stmt, 15),
		.survey_hash = column_text(stmt, 16),
		.conflict_of = column_text(stmt, 17),
		.school = column_text(stmt, 18),
	};
}

int
store_answers_each(Store *store, StoreAnswerFn fn, void *arg, const Progress *progress,
                   char **cause)
{
	sqlite3_stmt *stmt;
	Walk walk = { .progress = progress };
	int rc, stop = 0;

	if (progress != NULL && store_run_int(store, STMT_SITTING_COUNT, &walk.total, cause) != 0)
		return -1;
	stmt =
	    store_stmt(store,
	               store->schema_version >= STORE_SCHEMA_SCHOOL ? STMT_ANSWERS_EACH
	                                                            : STMT_ANSWERS_EACH_NO_SCHOOL,
	               cause);
	if (stmt == NULL)
		return -1;
	while (stop == 0 && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (walk_row(&walk, stmt, cause) != 0) {
			stop = -1;
			break;
		}
		StoreAnswerRow row = answer_row(stmt);

		stop = fn(&row, arg);
	}
	sqlite3_reset(stmt);
	if (stop != 0)
		return stop;
	if (rc != SQLITE_DONE)
		return store_error(store->db, store->path, rc, cause);
	return 0;
}
