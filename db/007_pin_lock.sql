-- 007_pin_lock.sql: the wrong-PIN count and the PIN screen's wait live in
-- the database, so that restarting the kiosk (or pulling its plug) neither
-- resets the count nor ends the wait (DESIGN.md section 5).

-- One row once a wrong PIN was typed: wrong PINs in a row, and until when
-- (ISO 8601 UTC, '' for no wait) no PIN is checked.
CREATE TABLE pin_lock (
	id INTEGER PRIMARY KEY CHECK (id = 1),
	failures INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0),
	locked_until TEXT NOT NULL DEFAULT ''
);
