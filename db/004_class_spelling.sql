-- 004_class_spelling.sql: one spelling per class in the sittings stored
-- before the kiosk normalised the class however its field was left (a click
-- on the code field used to keep "7б" beside "7Б", and databases from before
-- the class spelling rule hold "6 а" or "6-А"): every class name is
-- rewritten in its one spelling, so a class split in two is one again, and
-- each rename is written to the audit log. The spelling is the rule of
-- app/core/classname.c (classname_normalize) as stored names need it: no
-- spaces, tabs or hyphens, letters in upper case (SQLite's upper() knows
-- only Latin letters, so the Cyrillic ones are raised one by one). A name
-- already spelt so is left alone; a class list row whose new spelling is
-- taken by another row keeps its old name.

CREATE TEMP TABLE class_spelling (
	old TEXT PRIMARY KEY,
	new TEXT NOT NULL
);

INSERT INTO class_spelling (old, new)
SELECT name, upper(replace(replace(replace(name, ' ', ''), char(9), ''), '-', ''))
FROM (SELECT class_name AS name FROM sitting UNION SELECT name FROM class);

UPDATE class_spelling SET new = replace(new, 'а', 'А');
UPDATE class_spelling SET new = replace(new, 'б', 'Б');
UPDATE class_spelling SET new = replace(new, 'в', 'В');
UPDATE class_spelling SET new = replace(new, 'г', 'Г');
UPDATE class_spelling SET new = replace(new, 'д', 'Д');
UPDATE class_spelling SET new = replace(new, 'е', 'Е');
UPDATE class_spelling SET new = replace(new, 'ё', 'Ё');
UPDATE class_spelling SET new = replace(new, 'ж', 'Ж');
UPDATE class_spelling SET new = replace(new, 'з', 'З');
UPDATE class_spelling SET new = replace(new, 'и', 'И');
UPDATE class_spelling SET new = replace(new, 'й', 'Й');
UPDATE class_spelling SET new = replace(new, 'к', 'К');
UPDATE class_spelling SET new = replace(new, 'л', 'Л');
UPDATE class_spelling SET new = replace(new, 'м', 'М');
UPDATE class_spelling SET new = replace(new, 'н', 'Н');
UPDATE class_spelling SET new = replace(new, 'о', 'О');
UPDATE class_spelling SET new = replace(new, 'п', 'П');
UPDATE class_spelling SET new = replace(new, 'р', 'Р');
UPDATE class_spelling SET new = replace(new, 'с', 'С');
UPDATE class_spelling SET new = replace(new, 'т', 'Т');
UPDATE class_spelling SET new = replace(new, 'у', 'У');
UPDATE class_spelling SET new = replace(new, 'ф', 'Ф');
UPDATE class_spelling SET new = replace(new, 'х', 'Х');
UPDATE class_spelling SET new = replace(new, 'ц', 'Ц');
UPDATE class_spelling SET new = replace(new, 'ч', 'Ч');
UPDATE class_spelling SET new = replace(new, 'ш', 'Ш');
UPDATE class_spelling SET new = replace(new, 'щ', 'Щ');
UPDATE class_spelling SET new = replace(new, 'ъ', 'Ъ');
UPDATE class_spelling SET new = replace(new, 'ы', 'Ы');
UPDATE class_spelling SET new = replace(new, 'ь', 'Ь');
UPDATE class_spelling SET new = replace(new, 'э', 'Э');
UPDATE class_spelling SET new = replace(new, 'ю', 'Ю');
UPDATE class_spelling SET new = replace(new, 'я', 'Я');

DELETE FROM class_spelling WHERE new = old;

INSERT INTO audit (at, action, detail)
SELECT strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 'class-spelling',
       old || ' -> ' || new || ': ' ||
       (SELECT count(*) FROM sitting WHERE class_name = old) || ' sittings'
FROM class_spelling ORDER BY old;

UPDATE sitting SET class_name = (SELECT new FROM class_spelling WHERE old = class_name)
WHERE class_name IN (SELECT old FROM class_spelling);

UPDATE OR IGNORE class SET name = (SELECT new FROM class_spelling WHERE old = name)
WHERE name IN (SELECT old FROM class_spelling);

DROP TABLE class_spelling;
