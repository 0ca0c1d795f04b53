-- schema.sql: the current schema of an Anketa database, all migrations applied.
-- For reading; the binary applies db/NNN_*.sql in order (tests/test_store.c
-- checks that they agree).

-- Facts about this database itself: its device id, made once, and the
-- school's name (key 'school', from 003_school.sql) when one was set.
CREATE TABLE meta (
	key TEXT PRIMARY KEY,
	value TEXT NOT NULL
);

-- One respondent answering one survey. The UUID makes merging idempotent.
CREATE TABLE sitting (
	id TEXT PRIMARY KEY,
	visit_id TEXT,
	device_id TEXT NOT NULL,
	wave TEXT NOT NULL,
	class_name TEXT NOT NULL, -- in its one spelling (004_class_spelling.sql)
	audience TEXT NOT NULL,
	respondent TEXT NOT NULL DEFAULT '',
	survey_id TEXT NOT NULL,
	survey_version INTEGER NOT NULL,
	survey_hash TEXT NOT NULL DEFAULT '',
	started_at TEXT NOT NULL,
	completed_at TEXT,
	status INTEGER NOT NULL DEFAULT 0 CHECK (status IN (0, 1, 2)),
	-- A merge that met the same UUID with different answers keeps the
	-- incoming side as its own sitting pointing at the one it clashed with.
	conflict_of TEXT,
	-- The school it was answered in (003_school.sql): the meta 'school' of
	-- the database that stored it; '' when none was set.
	school TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sitting_order ON sitting (started_at, id);

-- Answers keyed by sitting and question; the rowid keeps the answer order
-- (an upsert keeps it, so a changed answer stays in place).
CREATE TABLE answer (
	sitting_id TEXT NOT NULL REFERENCES sitting (id) ON DELETE CASCADE,
	question_id TEXT NOT NULL,
	value TEXT NOT NULL,
	score REAL,
	answered_at TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (sitting_id, question_id)
);

-- What was done to the data as a whole: exports, merges, imports, PIN changes.
CREATE TABLE audit (
	id INTEGER PRIMARY KEY,
	at TEXT NOT NULL,
	action TEXT NOT NULL,
	detail TEXT NOT NULL DEFAULT ''
);

-- The psychologist's PIN as a libsodium crypto_pwhash_str string (one row).
CREATE TABLE pin (
	id INTEGER PRIMARY KEY CHECK (id = 1),
	hash TEXT NOT NULL,
	set_at TEXT NOT NULL
);

-- The wrong-PIN count and the PIN screen's wait (007_pin_lock.sql): wrong
-- PINs in a row, and until when (ISO 8601 UTC, '' for no wait) no PIN is
-- checked; one row once a wrong PIN was typed.
CREATE TABLE pin_lock (
	id INTEGER PRIMARY KEY CHECK (id = 1),
	failures INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0),
	locked_until TEXT NOT NULL DEFAULT ''
);

-- The set-up the psychologist last started a session with
-- (008_kiosk_setup.sql), restored at the next start unless the command line
-- presets one: the class for everybody ('' when each respondent types it),
-- the battery's survey ids in order separated by commas, and the switches.
CREATE TABLE kiosk_setup (
	id INTEGER PRIMARY KEY CHECK (id = 1),
	wave TEXT NOT NULL,
	audience TEXT NOT NULL,
	class_name TEXT NOT NULL DEFAULT '',
	battery TEXT NOT NULL,
	read_aloud INTEGER NOT NULL DEFAULT 0 CHECK (read_aloud IN (0, 1)),
	code_required INTEGER NOT NULL DEFAULT 0 CHECK (code_required IN (0, 1)),
	saved_at TEXT NOT NULL
);

-- The school's class list, for the participation indicator; flagged (from
-- 005_class_flag.sql) marks the classes a programme with `classes: flagged`
-- counts.
CREATE TABLE class (
	name TEXT PRIMARY KEY,
	students INTEGER NOT NULL CHECK (students >= 0),
	parents INTEGER NOT NULL CHECK (parents >= 0),
	flagged INTEGER NOT NULL DEFAULT 0 CHECK (flagged IN (0, 1))
);

-- The exact text of every survey file a sitting was answered with (from
-- 002_survey_source.sql); hash is the hex SHA-256 of source's bytes, the same
-- value as sitting.survey_hash.
CREATE TABLE survey_source (
	survey_id TEXT NOT NULL,
	version INTEGER NOT NULL,
	hash TEXT NOT NULL,
	source TEXT NOT NULL,
	first_seen_at TEXT NOT NULL,
	PRIMARY KEY (survey_id, version, hash)
);

-- The values of the indicators the psychologist enters (006_entered.sql):
-- every change a new row naming the one it replaces; the current value of
-- (programme, indicator, wave, class, school) is the row nothing replaces
-- (several such rows, merged from two kiosks: the latest entered_at, then
-- the greatest id). class_name '*' is the whole school; value '' clears it.
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
