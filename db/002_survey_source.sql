-- 002_survey_source.sql: the exact text of every survey file a sitting was
-- answered with, so that scores are always derived from the version that was
-- answered (DESIGN.md section 4), even after the file in surveys/ changed.

-- One row per survey file ever used; hash is the hex SHA-256 of source's
-- bytes, the same value as sitting.survey_hash.
CREATE TABLE survey_source (
	survey_id TEXT NOT NULL,
	version INTEGER NOT NULL,
	hash TEXT NOT NULL,
	source TEXT NOT NULL,
	first_seen_at TEXT NOT NULL,
	PRIMARY KEY (survey_id, version, hash)
);
