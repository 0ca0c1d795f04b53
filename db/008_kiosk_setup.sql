-- 008_kiosk_setup.sql: the set-up the psychologist last started a session
-- with, so that a restart (or a power cut at 10:15) brings the kiosk back
-- with the same battery instead of "the survey is not set up yet"
-- (DESIGN.md section 5). A preset on the command line wins over it.

-- One row: the wave, audience, class for everybody ('' when each
-- respondent types it), the battery's survey ids in order separated by
-- commas, and the two switches.
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
