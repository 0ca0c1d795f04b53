/*
 * store_sql.c: the text of every statement the store runs on its
 * connection, indexed by StoreStmt (store_internal.h). store_stmt() prepares
 * each once, on first use, and keeps it until store_close().
 *
 * Only three kinds of SQL are not here, and they go through store_exec():
 * the migration scripts of db/, the PRAGMA that stamps a migrated schema
 * with its number, and the look merge takes at another file through a
 * connection of its own.
 */
#include "store_internal.h"

/* Every answer joined with its sitting, in export order; school is the
 * column's expression (a database older than the column reads '' there);
 * the sitting's rowid last tells where the next sitting starts.
 * CROSS JOIN keeps sittings outside: walked in order by sitting_order, only
 * each sitting's few answers need sorting, never all of them. */
#define ANSWERS_EACH_SQL(school)                                                                   \
	"SELECT s.id, s.device_id, s.wave, s.class_name, s.audience, s.respondent,"                \
	" s.survey_id, s.survey_version, a.question_id, a.value, a.score, a.answered_at,"          \
	" s.status, s.started_at, s.completed_at, s.visit_id, s.survey_hash, "                     \
	"s.conflict_of, " school ", s.rowid FROM sitting s CROSS JOIN answer a"                    \
	" ON a.sitting_id = s.id"                                                                  \
	" ORDER BY s.started_at, s.id, a.rowid"

/* Merge: the columns of a sitting copied as they are. */
#define SITTING_COLUMNS                                                                            \
	"visit_id, device_id, wave, class_name, audience, respondent, survey_id,"                  \
	" survey_version, survey_hash, started_at, completed_at, status"

/* Merge: the school of an incoming sitting: its own, else the other
 * database's name; a database older than schema 3 has no sitting.school. */
#define OTHER_SCHOOL  "(SELECT value FROM other.meta WHERE key = 'school')"
#define SCHOOL_OF_OLD "coalesce(" OTHER_SCHOOL ", '')"
#define SCHOOL_OF_NEW "coalesce(nullif(school, ''), " OTHER_SCHOOL ", '')"

/* Merge: SCHOOL_OF_NEW of the other database's sitting o. */
#define SCHOOL_OF_O "coalesce(nullif(o.school, ''), " OTHER_SCHOOL ", '')"

/* Merge: sorts the other database's sittings by kind: 0 new, 1 the same
 * answers (already here), 2 other answers, 3 the same answers but a
 * sitting of another school (named on both sides): kinds 2 and 3 are kept
 * as conflicts. Paper forms imported in two schools may have the same id
 * (it is made from the file alone), so a school tells them apart. Those
 * with a rowid in [?1, ?2]: the plan is made a part at a time, so that the
 * merge can say how far it is. */
#define MERGE_PLAN_SQL(school)                                                                     \
	"INSERT INTO temp.merge_plan (id, kind, school) SELECT o.id, CASE"                         \
	" WHEN m.id IS NULL THEN 0"                                                                \
	" WHEN EXISTS (SELECT question_id, value, score FROM other.answer"                         \
	"  WHERE sitting_id = o.id EXCEPT SELECT question_id, value, score FROM main.answer"       \
	"  WHERE sitting_id = o.id)"                                                               \
	" OR EXISTS (SELECT question_id, value, score FROM main.answer WHERE sitting_id = o.id"    \
	"  EXCEPT SELECT question_id, value, score FROM other.answer WHERE sitting_id = o.id)"     \
	" THEN 2"                                                                                  \
	" WHEN m.school <> '' AND " school " <> '' AND m.school <> " school " THEN 3"              \
	" ELSE 1 END, " school " FROM other.sitting o LEFT JOIN main.sitting m ON m.id = o.id"     \
	" WHERE o.rowid >= ?1 AND o.rowid <= ?2"

/* Merge: the new sittings, each form for an older (no sitting.school) or a
 * newer other database. NOT INDEXED: one pass over the table, each row
 * looked up in the plan, rather than a jump into it for every new id. */
#define COPY_SITTINGS_SQL(school)                                                                  \
	"INSERT INTO main.sitting (id, " SITTING_COLUMNS ", conflict_of, school)"                  \
	" SELECT id, " SITTING_COLUMNS ", conflict_of, " school " FROM other.sitting NOT INDEXED"  \
	" WHERE id IN (SELECT id FROM temp.merge_plan WHERE kind = 0)"

/* Merge: the incoming side of a conflict (?1) kept under a new id (?2). */
#define COPY_CONFLICT_SQL(school)                                                                  \
	"INSERT INTO main.sitting (id, " SITTING_COLUMNS ", conflict_of, school)"                  \
	" SELECT ?2, " SITTING_COLUMNS ", ?1, " school " FROM other.sitting WHERE id = ?1"

/* Merge: the first incoming sitting with a field beyond its limit: its id
 * (cut short), then the length in bytes of each field in the order of
 * merge_sitting_fields[] (store_merge.c), whose limits are bound as ?1, ?2,
 * ... in that order. */
#define LONG_SITTING_SQL(school)                                                                   \
	"SELECT substr(id, 1, 36),"                                                                \
	" length(CAST(id AS BLOB)), length(CAST(wave AS BLOB)), "                                  \
	" length(CAST(class_name AS BLOB)), length(CAST(audience AS BLOB)), "                      \
	" length(CAST(respondent AS BLOB)), length(CAST(survey_id AS BLOB)), "                     \
	" length(CAST(" school " AS BLOB)), length(CAST(device_id AS BLOB)), "                     \
	" length(CAST(visit_id AS BLOB)), length(CAST(survey_hash AS BLOB)), "                     \
	" length(CAST(conflict_of AS BLOB)) FROM other.sitting"                                    \
	" WHERE length(CAST(id AS BLOB)) > ?1 OR length(CAST(wave AS BLOB)) > ?2 OR"               \
	" length(CAST(class_name AS BLOB)) > ?3 OR"                                                \
	" length(CAST(audience AS BLOB)) > ?4 OR"                                                  \
	" length(CAST(respondent AS BLOB)) > ?5 OR"                                                \
	" length(CAST(survey_id AS BLOB)) > ?6 OR"                                                 \
	" length(CAST(" school " AS BLOB)) > ?7 OR"                                                \
	" length(CAST(device_id AS BLOB)) > ?8 OR"                                                 \
	" length(CAST(visit_id AS BLOB)) > ?9 OR"                                                  \
	" length(CAST(survey_hash AS BLOB)) > ?10 OR"                                              \
	" length(CAST(conflict_of AS BLOB)) > ?11 LIMIT 1"

/* Merge: the first incoming answer with a question id (?1) or value (?2)
 * too long: its sitting, its question (both cut short), their lengths. */
#define LONG_ANSWER_SQL                                                                            \
	"SELECT substr(sitting_id, 1, 36), substr(question_id, 1, 64),"                            \
	" length(CAST(question_id AS BLOB)), length(CAST(value AS BLOB)) FROM other.answer"        \
	" WHERE length(CAST(question_id AS BLOB)) > ?1 OR length(CAST(value AS BLOB)) > ?2"        \
	" LIMIT 1"

const char *const store_sql[STMT_COUNT] = {
	/* Transactions and the connection's settings (see store_open.c). */
	[STMT_BEGIN] = "BEGIN IMMEDIATE",
	[STMT_COMMIT] = "COMMIT",
	[STMT_ROLLBACK] = "ROLLBACK",
	[STMT_JOURNAL_WAL] = "PRAGMA journal_mode = WAL",
	[STMT_SYNCHRONOUS_FULL] = "PRAGMA synchronous = FULL",
	[STMT_FOREIGN_KEYS_ON] = "PRAGMA foreign_keys = ON",
	[STMT_FOREIGN_KEYS_OFF] = "PRAGMA foreign_keys = OFF",
	[STMT_DEFER_FOREIGN_KEYS] = "PRAGMA defer_foreign_keys = ON",
	[STMT_BULK_CACHE_SIZE] = "PRAGMA cache_size = -65536",

	/* What a file is, before anything is written to it. */
	[STMT_APPLICATION_ID] = "PRAGMA application_id",
	[STMT_USER_VERSION] = "PRAGMA user_version",
	[STMT_SCHEMA_OBJECTS] = "SELECT count(*) FROM sqlite_schema",
	[STMT_QUICK_CHECK] = "PRAGMA quick_check(1)",
	[STMT_DEVICE_ID_INIT] = "INSERT OR IGNORE INTO meta (key, value) VALUES ('device_id', ?1)",
	[STMT_DEVICE_ID_GET] = "SELECT value FROM meta WHERE key = 'device_id'",
	[STMT_SCHOOL_GET] = "SELECT value FROM meta WHERE key = 'school'",
	[STMT_SCHOOL_SET] = "INSERT INTO meta (key, value) VALUES ('school', ?1)"
	                    " ON CONFLICT (key) DO UPDATE SET value = excluded.value",

	/* Sittings and answers as the kiosk writes them (store_sitting.c). */
	[STMT_SITTING_INSERT] =
	    "INSERT INTO sitting (id, visit_id, device_id, wave, class_name, audience,"
	    " respondent, survey_id, survey_version, survey_hash, started_at, status, school)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 0, ?12)",
	[STMT_SITTING_FINISH] = "UPDATE sitting SET status = ?2,"
	                        " completed_at = CASE WHEN ?2 = 1 THEN ?3 ELSE completed_at END"
	                        " WHERE id = ?1 AND status = 0",
	[STMT_SITTING_STATUS] = "SELECT status FROM sitting WHERE id = ?1",
	[STMT_SITTINGS_ABANDON_OPEN] = "UPDATE sitting SET status = 2"
	                               " WHERE status = 0 AND device_id = ?1",
	[STMT_ANSWER_UPSERT] =
	    "INSERT INTO answer (sitting_id, question_id, value, score, answered_at)"
	    " SELECT id, ?2, ?3, ?4, ?5 FROM sitting WHERE id = ?1 AND status = 0"
	    " ON CONFLICT (sitting_id, question_id) DO UPDATE SET value = excluded.value,"
	    " score = excluded.score, answered_at = excluded.answered_at",
	[STMT_ANSWER_DELETE] = "DELETE FROM answer WHERE sitting_id = ?1 AND question_id = ?2",
	[STMT_ANSWERS_EACH] = ANSWERS_EACH_SQL("s.school"),
	[STMT_ANSWERS_EACH_NO_SCHOOL] = ANSWERS_EACH_SQL("''"),
	[STMT_SITTING_COUNT] = "SELECT count(*) FROM sitting",
	[STMT_PROGRESS_SINCE] = "SELECT status, count(*) FROM sitting"
	                        " WHERE device_id = ?1 AND started_at >= ?2 GROUP BY status",

	/* Whole sittings as they are, for import and merge (store_bulk.c). */
	[STMT_SITTING_INSERT_FULL] =
	    "INSERT INTO sitting (id, visit_id, device_id, wave, class_name, audience,"
	    " respondent, survey_id, survey_version, survey_hash, started_at, completed_at,"
	    " status, conflict_of, school)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
	[STMT_ANSWER_INSERT] = "INSERT INTO answer (sitting_id, question_id, value, score,"
	                       " answered_at) VALUES (?1, ?2, ?3, ?4, ?5)",
	[STMT_SITTING_EXISTS] = "SELECT 1 FROM sitting WHERE id = ?1",
	[STMT_SITTING_ANSWERS] = "SELECT question_id, value, score FROM answer"
	                         " WHERE sitting_id = ?1 ORDER BY rowid",

	/* The audit log, the PIN, the class list, the survey files kept. */
	[STMT_AUDIT_INSERT] = "INSERT INTO audit (at, action, detail) VALUES (?1, ?2, ?3)",
	[STMT_AUDIT_EACH] = "SELECT at, action, detail FROM audit ORDER BY id",
	[STMT_PIN_SET] = "INSERT INTO pin (id, hash, set_at) VALUES (1, ?1, ?2)"
	                 " ON CONFLICT (id) DO UPDATE SET hash = excluded.hash,"
	                 " set_at = excluded.set_at",
	[STMT_PIN_GET] = "SELECT hash FROM pin WHERE id = 1",
	[STMT_PIN_LOCK_GET] = "SELECT failures, locked_until FROM pin_lock WHERE id = 1",
	[STMT_PIN_LOCK_SET] = "INSERT INTO pin_lock (id, failures, locked_until) VALUES (1, ?1, ?2)"
	                      " ON CONFLICT (id) DO UPDATE SET failures = excluded.failures,"
	                      " locked_until = excluded.locked_until",
	[STMT_SETUP_GET] = "SELECT wave, audience, class_name, battery, read_aloud, code_required"
	                   " FROM kiosk_setup WHERE id = 1",
	[STMT_SETUP_SET] = "INSERT OR REPLACE INTO kiosk_setup (id, wave, audience, class_name,"
	                   " battery, read_aloud, code_required, saved_at)"
	                   " VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	[STMT_CLASSES_CLEAR] = "DELETE FROM class",
	[STMT_CLASS_INSERT] = "INSERT INTO class (name, students, parents, flagged)"
	                      " VALUES (?1, ?2, ?3, ?4)",
	[STMT_CLASSES_EACH] = "SELECT name, students, parents, flagged FROM class ORDER BY name",
	/* A read-only database older than schema 4 flags no class. */
	[STMT_CLASSES_EACH_NO_FLAG] = "SELECT name, students, parents, 0 FROM class ORDER BY name",
	[STMT_CLASS_GET] = "SELECT students, parents, flagged FROM class WHERE name = ?1",
	[STMT_CLASS_GET_NO_FLAG] = "SELECT students, parents, 0 FROM class WHERE name = ?1",
	/* The values the psychologist enters (store_entered.c). A row that no
	 * other replaces is a current value; HEAD is the one a new value of the
	 * same key replaces. */
	[STMT_ENTERED_HEAD] =
	    "SELECT id, value FROM entered e WHERE programme_id = ?1 AND indicator_id = ?2"
	    " AND wave = ?3 AND class_name = ?4 AND school = ?5"
	    " AND NOT EXISTS (SELECT 1 FROM entered r WHERE r.replaces = e.id)"
	    " ORDER BY entered_at DESC, id DESC LIMIT 1",
	[STMT_ENTERED_INSERT] =
	    "INSERT INTO entered (id, device_id, school, programme_id, indicator_id, wave,"
	    " class_name, value, entered_at, replaces)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
	/* Within a key, the last row of the order is the current value. */
	[STMT_ENTERED_EACH] =
	    "SELECT programme_id, indicator_id, wave, class_name, school, value, entered_at"
	    " FROM entered e WHERE NOT EXISTS (SELECT 1 FROM entered r WHERE r.replaces = e.id)"
	    " ORDER BY programme_id, indicator_id, wave, class_name, school, entered_at, id",
	[STMT_SOURCE_PUT] = "INSERT OR IGNORE INTO survey_source (survey_id, version, hash,"
	                    " source, first_seen_at) VALUES (?1, ?2, ?3, ?4, ?5)",
	[STMT_SOURCE_GET] = "SELECT source FROM survey_source"
	                    " WHERE survey_id = ?1 AND version = ?2 AND hash = ?3",

	/* Merge over the other database attached as "other" (store_merge.c). */
	[STMT_MERGE_ATTACH] = "ATTACH DATABASE ?1 AS other",
	[STMT_MERGE_DETACH] = "DETACH DATABASE other",
	[STMT_MERGE_PLAN_OLD] = MERGE_PLAN_SQL(SCHOOL_OF_OLD),
	[STMT_MERGE_PLAN_NEW] = MERGE_PLAN_SQL(SCHOOL_OF_O),
	[STMT_MERGE_PLAN_CREATE] = "CREATE TEMP TABLE merge_plan"
	                           " (id TEXT PRIMARY KEY, kind INTEGER NOT NULL, school TEXT)",
	[STMT_MERGE_DROP_PLAN] = "DROP TABLE IF EXISTS temp.merge_plan",
	/* The parts the plan and the copy of the answers are made in. */
	[STMT_MERGE_LAST_SITTING] = "SELECT max(coalesce(max(rowid), 0), 0) FROM other.sitting",
	[STMT_MERGE_LAST_ANSWER] = "SELECT max(coalesce(max(rowid), 0), 0) FROM other.answer",
	[STMT_MERGE_NEXT_SITTING] = "SELECT min(rowid) FROM other.sitting WHERE rowid > ?1",
	[STMT_MERGE_NEXT_ANSWER] = "SELECT min(rowid) FROM other.answer WHERE rowid > ?1",
	[STMT_MERGE_COUNT] = "SELECT kind, count(*) FROM temp.merge_plan GROUP BY kind",
	[STMT_MERGE_COPY_SITTINGS_OLD] = COPY_SITTINGS_SQL(SCHOOL_OF_OLD),
	[STMT_MERGE_COPY_SITTINGS_NEW] = COPY_SITTINGS_SQL(SCHOOL_OF_NEW),
	/* Scanning other.answer in rowid order keeps each sitting's answer order.
	 * NOT INDEXED makes it one pass over the table (the rowids in [?1, ?2],
	 * a part at a time), each row looked up in the plan's key (CROSS JOIN
	 * keeps the answers outside): through the answers' primary key, the rows
	 * would come in key order and all of them would be sorted back into
	 * rowid order (a third of the merge's work when most sittings are new).
	 * Only answers of a sitting copied here are copied, so they always have
	 * their sitting. */
	[STMT_MERGE_COPY_ANSWERS] =
	    "INSERT INTO main.answer (sitting_id, question_id, value, score, answered_at)"
	    " SELECT a.sitting_id, a.question_id, a.value, a.score, a.answered_at"
	    " FROM other.answer AS a NOT INDEXED CROSS JOIN temp.merge_plan AS p"
	    " ON p.id = a.sitting_id AND p.kind = 0"
	    " WHERE a.rowid >= ?1 AND a.rowid <= ?2 ORDER BY a.rowid",
	/* The survey files the other side's sittings were answered with (schema 2
	 * on); a file already here keeps its first-seen time. */
	[STMT_MERGE_COPY_SOURCES] =
	    "INSERT OR IGNORE INTO main.survey_source (survey_id, version, hash, source,"
	    " first_seen_at)"
	    " SELECT survey_id, version, hash, source, first_seen_at FROM other.survey_source",
	[STMT_MERGE_LONG_SITTING_OLD] = LONG_SITTING_SQL(SCHOOL_OF_OLD),
	[STMT_MERGE_LONG_SITTING_NEW] = LONG_SITTING_SQL(SCHOOL_OF_NEW),
	[STMT_MERGE_LONG_ANSWER] = LONG_ANSWER_SQL,
	[STMT_MERGE_CONFLICTS] = "SELECT id, kind, school FROM temp.merge_plan"
	                         " WHERE kind IN (2, 3) ORDER BY id",
	[STMT_MERGE_OTHER_ANSWERS] = "SELECT question_id, value, score FROM other.answer"
	                             " WHERE sitting_id = ?1 ORDER BY question_id",
	[STMT_MERGE_COPY_CONFLICT_OLD] = COPY_CONFLICT_SQL(SCHOOL_OF_OLD),
	[STMT_MERGE_COPY_CONFLICT_NEW] = COPY_CONFLICT_SQL(SCHOOL_OF_NEW),
	/* The other side's entered values (schema 5 on): new ids only, each
	 * with its school, else the other database's name (as sittings). */
	[STMT_MERGE_COPY_ENTERED] =
	    "INSERT OR IGNORE INTO main.entered (id, device_id, school, programme_id,"
	    " indicator_id, wave, class_name, value, entered_at, replaces)"
	    " SELECT id, device_id, " SCHOOL_OF_NEW ", programme_id, indicator_id, wave,"
	    " class_name, value, entered_at, replaces FROM other.entered ORDER BY rowid",
	[STMT_MERGE_COPY_CONFLICT_ANSWERS] =
	    "INSERT INTO main.answer (sitting_id, question_id, value, score, answered_at)"
	    " SELECT ?2, question_id, value, score, answered_at FROM other.answer"
	    " WHERE sitting_id = ?1 ORDER BY rowid",
};
