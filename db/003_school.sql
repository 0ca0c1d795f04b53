-- 003_school.sql: the school a sitting was answered in, so that the
-- databases of several schools merged by the municipal coordinator keep
-- "5А" of one school apart from "5А" of another. The school's own name is
-- the meta row 'school' (set with `anketa school`); new sittings are stamped
-- with it. '' means no name was set (a single school's database).
ALTER TABLE sitting ADD COLUMN school TEXT NOT NULL DEFAULT '';
