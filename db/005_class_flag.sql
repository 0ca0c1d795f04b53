-- 005_class_flag.sql: a class of the class list can be flagged (the classes a
-- programme marks, e.g. with ШНОР markers; the optional column "flagged" of
-- `anketa classes`). A programme with `classes: flagged` counts only them.
-- Classes stored before are not flagged.
ALTER TABLE class ADD COLUMN flagged INTEGER NOT NULL DEFAULT 0 CHECK (flagged IN (0, 1));
