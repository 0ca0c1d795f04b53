-- 006_entered.sql: the values of the indicators the psychologist enters (a
-- count of events, "N of M" people, да / нет), by `anketa enter` or the
-- kiosk's entry screen. Every change is a new row: `replaces` names the row
-- it changed (NULL for the first), so the current value of (programme,
-- indicator, wave, class, school) is the row nothing replaces, and the rows
-- before it are the history. The UUID makes merging idempotent, like a
-- sitting's. class_name '*' is the whole school; value '' clears it.
CREATE TABLE entered (
	id TEXT PRIMARY KEY,
	device_id TEXT NOT NULL,
	school TEXT NOT NULL DEFAULT '',
	programme_id TEXT NOT NULL,
	indicator_id TEXT NOT NULL,
	wave TEXT NOT NULL,
	class_name TEXT NOT NULL,
	value TEXT NOT NULL,
	entered_at TEXT NOT NULL,
	replaces TEXT
);
CREATE INDEX entered_key ON entered (programme_id, indicator_id, wave, class_name, school);
CREATE INDEX entered_replaces ON entered (replaces);
