/*
 * import.c: reading the answers CSV into the store (see import.h).
 *
 * One pass: each row is checked, grouped into its sitting and its answer
 * written at once inside one transaction (foreign keys deferred); the
 * sittings themselves are written at the end, when their first and last
 * answer times are known. Rows of a sitting that is already stored are kept
 * in memory and compared with it instead.
 */
#include "import.h"
#include "import_internal.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <uuid/uuid.h>

#include "answer.h"
#include "classname.h"
#include "csvio.h"
#include "csvread.h"
#include "export.h"
#include "strmap.h"
#include "util.h"

int
import_row_error(Importer *im, int line, int column, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	*im->cause = xasprintf("%s:%d:%d: %s", im->path, line, column + 1, msg);
	free(msg);
	return -1;
}

static int
read_header(Importer *im, char **fields, int n)
{
	/* Neither kind of file: say both, the person may have typed either. */
	if (strcmp(fields[0], export_answers_columns[0]) != 0)
		return import_row_error(im, 1, 0,
		                        _("the header must start with sitting_id (the answers "
		                          "table) or with wave (an answer sheet), not \"%s\""),
		                        fields[0]);
	for (int c = 1; c < N_REQUIRED; c++) {
		if (c >= n || strcmp(fields[c], export_answers_columns[c]) != 0)
			return import_row_error(
			    im, 1, c,
			    _("column %d of the header must be %s; the answers "
			      "file starts with the columns %s"),
			    c + 1, export_answers_columns[c],
			    "sitting_id,device_id,wave,class,audience,respondent,"
			    "survey_id,survey_version,question_id,value,score,"
			    "answered_at");
	}
	for (int e = 0; e < N_EXTRA; e++) {
		im->extra_col[e] = -1;
		for (int c = N_REQUIRED; c < n; c++) {
			if (strcmp(fields[c], export_answers_columns[N_REQUIRED + e]) == 0)
				im->extra_col[e] = c;
		}
	}
	im->n_columns = n;
	return 0;
}

/* Two digits at t as a number. */
static int
two_digits(const char *t)
{
	return (t[0] - '0') * 10 + (t[1] - '0');
}

/* Hand-parsed: it runs for every row of a million-row import. */
bool
import_valid_time(const char *t)
{
	static const char shape[] = "dddd-dd-ddTdd:dd:ddZ";
	int month, day;

	if (t[0] == '\0')
		return true;
	for (int i = 0; shape[i] != '\0'; i++) {
		if (shape[i] == 'd' ? (t[i] < '0' || t[i] > '9') : t[i] != shape[i])
			return false;
	}
	if (t[sizeof shape - 1] != '\0')
		return false;
	month = two_digits(t + 5);
	day = two_digits(t + 8);
	return month >= 1 && month <= 12 && day >= 1 && day <= 31 && two_digits(t + 11) <= 23 &&
	       two_digits(t + 14) <= 59 && two_digits(t + 17) <= 60;
}

/* A UUID in its 36-character text form (any case). */
static bool
valid_uuid(const char *id)
{
	if (strlen(id) != 36)
		return false;
	for (int i = 0; i < 36; i++) {
		bool dash = i == 8 || i == 13 || i == 18 || i == 23;
		if (dash ? id[i] != '-' : strchr("0123456789abcdefABCDEF", id[i]) == NULL)
			return false;
	}
	return true;
}

long
import_parse_whole(const char *text, long lo, long hi)
{
	char *end;
	long v;

	if (text[0] < '0' || text[0] > '9')
		return -1;
	v = strtol(text, &end, 10);
	return *end == '\0' && v >= lo && v <= hi ? v : -1;
}

static bool
parse_number(const char *text, double *out)
{
	char *end;

	if (text[0] == '\0')
		return false;
	*out = strtod(text, &end);
	return *end == '\0' && isfinite(*out);
}

int
import_check_value(Importer *im, int line, int column, const SurveyQuestion *q, const char *value)
{
	char *problem = answer_problem(q, value);
	int rc = 0;

	if (problem != NULL)
		rc = import_row_error(im, line, column, "%s", problem);
	free(problem);
	return rc;
}

static const char *
extra_field(const Importer *im, char **fields, int e)
{
	return im->extra_col[e] < 0 ? NULL : fields[im->extra_col[e]];
}

int
import_check_length(Importer *im, int line, int column, StoreField field, const char *value)
{
	char *problem = store_field_problem(field, value);
	int rc = 0;

	if (problem != NULL)
		rc = import_row_error(im, line, column, "%s", problem);
	free(problem);
	return rc;
}

/* Every cell that is stored fits its field, checked before anything else
 * reads it (a class of 20 000 bytes is said as such, not as a class). */
static int
check_lengths(Importer *im, char **fields, int line)
{
	static const struct {
		int column;
		StoreField field;
	} cells[] = {
		{ COL_DEVICE, STORE_FIELD_DEVICE },         { COL_WAVE, STORE_FIELD_WAVE },
		{ COL_CLASS, STORE_FIELD_CLASS },           { COL_AUDIENCE, STORE_FIELD_AUDIENCE },
		{ COL_RESPONDENT, STORE_FIELD_RESPONDENT }, { COL_SURVEY, STORE_FIELD_SURVEY },
		{ COL_QUESTION, STORE_FIELD_QUESTION },     { COL_VALUE, STORE_FIELD_VALUE },
	};
	static const struct {
		int extra;
		StoreField field;
	} extras[] = {
		{ EX_VISIT, STORE_FIELD_VISIT },
		{ EX_HASH, STORE_FIELD_HASH },
		{ EX_SCHOOL, STORE_FIELD_SCHOOL },
	};

	for (size_t i = 0; i < sizeof cells / sizeof cells[0]; i++) {
		if (import_check_length(im, line, cells[i].column, cells[i].field,
		                        fields[cells[i].column]) != 0)
			return -1;
	}
	for (size_t i = 0; i < sizeof extras / sizeof extras[0]; i++) {
		const char *x = extra_field(im, fields, extras[i].extra);
		if (import_check_length(im, line, im->extra_col[extras[i].extra], extras[i].field,
		                        x) != 0)
			return -1;
	}
	return 0;
}

/* The optional columns: a status word, times, a UUID. */
static int
check_extras(Importer *im, char **fields, int line)
{
	const char *status = extra_field(im, fields, EX_STATUS);
	const char *conflict = extra_field(im, fields, EX_CONFLICT);

	if (status != NULL && status[0] != '\0' && store_status_parse(status) < 0)
		return import_row_error(im, line, im->extra_col[EX_STATUS],
		                        _("unknown status \"%s\": use in_progress, completed or "
		                          "abandoned"),
		                        status);
	for (int e = EX_STARTED; e <= EX_COMPLETED; e++) {
		const char *t = extra_field(im, fields, e);
		if (t != NULL && !import_valid_time(t))
			return import_row_error(im, line, im->extra_col[e],
			                        _("\"%s\" is not a time like 2026-09-15T10:23:05Z"),
			                        t);
	}
	if (conflict != NULL && conflict[0] != '\0' && !valid_uuid(conflict))
		return import_row_error(im, line, im->extra_col[EX_CONFLICT],
		                        _("\"%s\" is not a sitting id (a UUID)"), conflict);
	return 0;
}

/* The survey, question and version a row names. */
static int
resolve_question(Importer *im, char **fields, int line, Row *row)
{
	int q;

	row->survey = survey_set_find(im->surveys, fields[COL_SURVEY]);
	if (row->survey == NULL)
		return import_row_error(im, line, COL_SURVEY,
		                        _("unknown survey \"%s\": no survey file has this id"),
		                        fields[COL_SURVEY]);
	q = survey_find_question(row->survey, fields[COL_QUESTION]);
	if (q < 0)
		return import_row_error(im, line, COL_QUESTION,
		                        _("survey %s has no question \"%s\""), row->survey->id,
		                        fields[COL_QUESTION]);
	row->question = &row->survey->questions[q];
	row->version = fields[COL_VERSION][0] == '\0'
	                   ? row->survey->version
	                   : (int)import_parse_whole(fields[COL_VERSION], 1, 1000000);
	if (row->version < 0)
		return import_row_error(im, line, COL_VERSION,
		                        _("the survey version must be a whole number, not \"%s\""),
		                        fields[COL_VERSION]);
	return 0;
}

static int
check_row(Importer *im, char **fields, int line, Row *row)
{
	if (fields[COL_SITTING][0] != '\0' && !valid_uuid(fields[COL_SITTING]))
		return import_row_error(im, line, COL_SITTING,
		                        _("\"%s\" is not a sitting id (a UUID)"),
		                        fields[COL_SITTING]);
	if (survey_audience_parse(fields[COL_AUDIENCE]) == 0)
		return import_row_error(
		    im, line, COL_AUDIENCE,
		    _("unknown audience \"%s\": use student, parent, teacher or "
		      "head"),
		    fields[COL_AUDIENCE]);
	if (resolve_question(im, fields, line, row) != 0 || row->question == NULL ||
	    import_check_value(im, line, COL_VALUE, row->question, fields[COL_VALUE]) != 0)
		return -1;
	row->has_score = fields[COL_SCORE][0] != '\0';
	if (row->has_score && !parse_number(fields[COL_SCORE], &row->score))
		return import_row_error(im, line, COL_SCORE,
		                        _("the score must be a number, not \"%s\""),
		                        fields[COL_SCORE]);
	if (!row->has_score)
		row->has_score = answer_score(row->question, fields[COL_VALUE], &row->score);
	if (!import_valid_time(fields[COL_ANSWERED]))
		return import_row_error(im, line, COL_ANSWERED,
		                        _("\"%s\" is not a time like 2026-09-15T10:23:05Z"),
		                        fields[COL_ANSWERED]);
	return check_extras(im, fields, line);
}

int
import_new_sitting(Importer *im, const char *id, char **attr, char **fields, int line,
                   const Row *row)
{
	Sitting *s;

	if (im->n == im->cap) {
		im->cap = im->cap ? 2 * im->cap : 256;
		im->sittings = xreallocarray(im->sittings, (size_t)im->cap, sizeof *im->sittings);
	}
	s = &im->sittings[im->n];
	memset(s, 0, sizeof *s);
	snprintf(s->id, sizeof s->id, "%s", id);
	for (int c = 0; c < N_SITTING_COLS; c++)
		s->attr[c] = xstrdup(attr[c]);
	for (int e = 0; e < N_EXTRA; e++) {
		const char *x = extra_field(im, fields, e);
		s->extra[e] = x ? xstrdup(x) : NULL;
	}
	s->survey = row->survey;
	s->version = row->version;
	s->line = line;
	s->grouped = id[0] == '\0';
	if (!s->grouped)
		strmap_put(&im->by_id, s->id, im->n);
	return im->n++;
}

/* Every row of a sitting must describe it the same way. */
static int
check_same_sitting(Importer *im, const Sitting *s, char **fields, int line)
{
	for (int c = COL_DEVICE; c < N_SITTING_COLS; c++) {
		if (strcmp(s->attr[c], fields[c]) != 0)
			return import_row_error(
			    im, line, c,
			    _("%s is \"%s\" here but \"%s\" on line %d of the same "
			      "sitting"),
			    export_answers_columns[c], fields[c], s->attr[c], s->line);
	}
	for (int e = 0; e < N_EXTRA; e++) {
		const char *x = extra_field(im, fields, e);
		if (x != NULL && strcmp(x, s->extra[e]) != 0)
			return import_row_error(
			    im, line, im->extra_col[e],
			    _("%s is \"%s\" here but \"%s\" on line %d of the same "
			      "sitting"),
			    export_answers_columns[N_REQUIRED + e], x, s->extra[e], s->line);
	}
	return 0;
}

/* The sitting a row belongs to (made on first sight), or -1. */
static int
find_sitting(Importer *im, char **fields, int line, const Row *row)
{
	char id[37], *key;
	int i, stored;

	if (fields[COL_SITTING][0] != '\0') {
		for (int k = 0; k < 37; k++)
			id[k] = (char)(fields[COL_SITTING][k] | (k < 36 ? 0x20 : 0)); /* lower */
		i = strmap_get(&im->by_id, id);
		if (i >= 0)
			return check_same_sitting(im, &im->sittings[i], fields, line) ? -1 : i;
		stored = store_sitting_exists(im->store, id, im->cause);
		if (stored < 0)
			return -1;
		i = import_new_sitting(im, id, fields, fields, line, row);
		im->sittings[i].stored = stored == 1;
		return i;
	}
	key = xasprintf("%s\x1f%s\x1f%s\x1f%s", fields[COL_WAVE], fields[COL_CLASS],
	                fields[COL_RESPONDENT], fields[COL_SURVEY]);
	i = strmap_get(&im->by_key, key);
	if (i < 0) {
		i = import_new_sitting(im, "", fields, fields, line, row);
		strmap_put(&im->by_key, key, i);
	} else if (check_same_sitting(im, &im->sittings[i], fields, line) != 0) {
		i = -1;
	}
	free(key);
	return i;
}

void
import_note_time(Sitting *s, const char *at)
{
	if (at[0] == '\0')
		return;
	if (s->first_at[0] == '\0' || strcmp(at, s->first_at) < 0)
		snprintf(s->first_at, sizeof s->first_at, "%s", at);
	if (strcmp(at, s->last_at) > 0)
		snprintf(s->last_at, sizeof s->last_at, "%s", at);
}

/* Rows of a sitting that is already stored, or whose id comes from its
 * content, are kept to compare or write at the end. */
int
import_keep_answer(Importer *im, Sitting *s, int line, const char *question, const char *value,
                   const char *answered_at, const Row *row)
{
	KeptAnswer *k;

	for (int i = 0; i < s->n_kept; i++) {
		if (strcmp(s->kept[i].question, question) == 0)
			return import_row_error(im, line, COL_QUESTION,
			                        _("question %s is answered twice in one sitting"),
			                        question);
	}
	s->kept = xreallocarray(s->kept, (size_t)s->n_kept + 1, sizeof *s->kept);
	k = &s->kept[s->n_kept++];
	k->question = xstrdup(question);
	k->value = xstrdup(value);
	k->has_score = row->has_score;
	k->score = row->score;
	k->answered_at = xstrdup(answered_at);
	return 0;
}

static int
on_row(char **fields, int n, int line, void *arg)
{
	Importer *im = arg;
	Row row = { 0 };
	Sitting *s;
	int i, rc;

	/* What the export guarded against formula injection reads back as it
	 * was typed (csvio.h). */
	for (int c = 0; c < n; c++)
		csvio_unguard(fields[c]);
	if (im->n_columns == 0)
		return strcmp(fields[0], "wave") == 0 ? import_sheet_header(im, fields, n)
		                                      : read_header(im, fields, n);
	if (n != im->n_columns)
		return import_row_error(im, line, n < im->n_columns ? n : im->n_columns,
		                        _("%d columns, but the header has %d"), n, im->n_columns);
	if (im->is_sheet)
		return import_sheet_row(im, fields, line);
	if (check_lengths(im, fields, line) != 0)
		return -1;
	/* Paper forms say "6а" as often as "6А": one spelling, as in the kiosk. */
	classname_normalize(fields[COL_CLASS], fields[COL_CLASS], strlen(fields[COL_CLASS]) + 1);
	if (check_row(im, fields, line, &row) != 0 ||
	    (i = find_sitting(im, fields, line, &row)) < 0)
		return -1;
	s = &im->sittings[i];
	import_note_time(s, fields[COL_ANSWERED]);
	if (s->stored || s->grouped)
		return import_keep_answer(im, s, line, fields[COL_QUESTION], fields[COL_VALUE],
		                          fields[COL_ANSWERED], &row);
	rc = store_answer_insert(im->store, s->id, fields[COL_QUESTION], fields[COL_VALUE],
	                         row.has_score, row.score, fields[COL_ANSWERED], im->cause);
	if (rc == 1)
		return import_row_error(im, line, COL_QUESTION,
		                        _("question %s is answered twice in one sitting"),
		                        fields[COL_QUESTION]);
	if (rc == 0)
		im->result->answers_added++;
	return rc;
}

typedef struct {
	const Sitting *sitting;
	int matched;
	bool differ;
} Compare;

static int
compare_answer(const char *question, const char *value, bool has_score, double score, void *arg)
{
	Compare *c = arg;

	for (int i = 0; i < c->sitting->n_kept; i++) {
		const KeptAnswer *k = &c->sitting->kept[i];
		if (strcmp(k->question, question) != 0)
			continue;
		if (strcmp(k->value, value) != 0 || k->has_score != has_score ||
		    (has_score && fabs(k->score - score) > 1e-9))
			c->differ = true;
		c->matched++;
		return 0;
	}
	c->differ = true; /* stored, but not in the file */
	return 0;
}

/* A sitting the database already has: fine if the answers are the same. */
static int
compare_stored(Importer *im, const Sitting *s)
{
	Compare c = { .sitting = s };

	if (store_sitting_answers_each(im->store, s->id, compare_answer, &c, im->cause) != 0)
		return -1;
	if (c.differ || c.matched != s->n_kept)
		return import_row_error(im, s->line, COL_SITTING,
		                        _("the sitting %s is already in the database with other "
		                          "answers"),
		                        s->id);
	im->result->sittings_present++;
	return 0;
}

static const char *
non_empty(const char *s)
{
	return s != NULL && s[0] != '\0' ? s : NULL;
}

/* The school of a sitting: the file's school column, else (absent or
 * empty) the importing database's name. */
static const char *
sitting_school(const Importer *im, const Sitting *s)
{
	const char *school = non_empty(s->extra[EX_SCHOOL]);

	return school ? school : store_school(im->store);
}

/* The hash of the survey file a sitting was answered with: from the file's
 * survey_hash column, else the loaded file's when the versions agree. */
static const char *
sitting_hash(const Sitting *s)
{
	if (s->extra[EX_HASH] != NULL)
		return s->extra[EX_HASH];
	return s->version == s->survey->version ? s->survey->hash : "";
}

static int
write_sitting(Importer *im, const Sitting *s, const char *now)
{
	const char *status = non_empty(s->extra[EX_STATUS]);
	StoreSittingRecord r = {
		.status = status ? (SittingStatus)store_status_parse(status) : SITTING_COMPLETED,
		.completed_at = non_empty(s->extra[EX_COMPLETED]),
		.conflict_of = non_empty(s->extra[EX_CONFLICT]),
	};
	const char *hash = sitting_hash(s);

	r.sitting = (StoreSitting){
		.id = s->id,
		.visit_id = non_empty(s->extra[EX_VISIT]),
		.device_id = non_empty(s->attr[COL_DEVICE]),
		.wave = s->attr[COL_WAVE],
		.class_name = s->attr[COL_CLASS],
		.audience = s->attr[COL_AUDIENCE],
		.respondent = s->attr[COL_RESPONDENT],
		.survey_id = s->attr[COL_SURVEY],
		.survey_version = s->version,
		.survey_hash = hash,
		.started_at = non_empty(s->extra[EX_STARTED]),
		.school = sitting_school(im, s),
	};
	if (r.sitting.started_at == NULL)
		r.sitting.started_at = s->first_at[0] ? s->first_at : now;
	/* A sitting's completion time is its latest answer (DESIGN.md 5). */
	if (r.completed_at == NULL && r.status == SITTING_COMPLETED)
		r.completed_at = s->last_at[0] ? s->last_at : now;
	if (store_sitting_insert(im->store, &r, im->cause) != 0)
		return -1;
	im->result->sittings_added++;
	return 0;
}

static int
kept_by_question(const void *a, const void *b)
{
	const KeptAnswer *x = *(const KeptAnswer *const *)a, *y = *(const KeptAnswer *const *)b;

	return strcmp(x->question, y->question);
}

/*
 * The id of a sitting the file gives no id for: a name-based UUID (version 5)
 * of what the file says it is and what was answered, so importing the same
 * paper forms twice finds them already there instead of adding them again,
 * while a different form of the same respondent is a sitting of its own.
 * school is the file's own school cell, or "" (DESIGN.md section 5: the id
 * depends on the file alone, never on the importing database's name).
 */
static void
grouped_sitting_id(const Sitting *s, const char *school, char out[37])
{
	/* Anketa's namespace for imported sittings (a fixed random UUID). */
	static const uuid_t ns = { 0x5f, 0x1d, 0x3c, 0x1e, 0x2a, 0x4b, 0x4c, 0x6d,
		                   0x8e, 0x9f, 0x0a, 0x1b, 0x2c, 0x3d, 0x4e, 0x5f };
	const KeptAnswer **sorted = xcalloc((size_t)s->n_kept + 1, sizeof *sorted);
	char *name = xasprintf("%s\x1f%s\x1f%s\x1f%s\x1f%d", s->attr[COL_WAVE], s->attr[COL_CLASS],
	                       s->attr[COL_RESPONDENT], s->attr[COL_SURVEY], s->version);
	uuid_t uuid;

	for (int i = 0; i < s->n_kept; i++)
		sorted[i] = &s->kept[i];
	qsort(sorted, (size_t)s->n_kept, sizeof *sorted, kept_by_question);
	for (int i = 0; i < s->n_kept; i++) {
		char *more =
		    xasprintf("%s\x1e%s\x1f%s", name, sorted[i]->question, sorted[i]->value);
		free(name);
		name = more;
	}
	if (s->sheet) {
		/* Two rows of a sheet alike (pupils without a code) are two
		 * sittings; what else the row says is part of it too. */
		char *more =
		    xasprintf("%s\x1d%s\x1f%s\x1f%d", name, s->attr[COL_AUDIENCE],
		              s->extra[EX_COMPLETED] ? s->extra[EX_COMPLETED] : "", s->line);
		free(name);
		name = more;
	}
	if (school[0] != '\0') {
		/* A file naming the school of its rows keeps two schools' "5А"
		 * apart (the form every id had before, with the school). */
		char *more = xasprintf("%s\x1c%s", name, school);
		free(name);
		name = more;
	}
	uuid_generate_sha1(uuid, ns, name, strlen(name));
	uuid_unparse_lower(uuid, out);
	free(name);
	free(sorted);
}

/*
 * Names a grouped sitting (s->id) and says whether the database holds it:
 * 1, 0, or -1 with *im->cause. Versions before 2026-12 put the importing
 * database's school name into the id when the file had none; a sitting
 * stored so is found by that id too, so an old file imported again into an
 * old database still adds nothing.
 */
static int
find_grouped(Importer *im, Sitting *s)
{
	const char *file_school = non_empty(s->extra[EX_SCHOOL]);
	char legacy[37];
	int stored;

	grouped_sitting_id(s, file_school ? file_school : "", s->id);
	stored = store_sitting_exists(im->store, s->id, im->cause);
	if (stored != 0 || file_school != NULL || store_school(im->store)[0] == '\0')
		return stored;
	grouped_sitting_id(s, store_school(im->store), legacy);
	stored = store_sitting_exists(im->store, legacy, im->cause);
	if (stored == 1)
		memcpy(s->id, legacy, sizeof legacy);
	return stored;
}

/* Writes a sitting grouped from rows without an id, unless the database
 * already holds the very same one. */
static int
write_grouped(Importer *im, Sitting *s, const char *now)
{
	int stored = find_grouped(im, s);

	if (stored < 0)
		return -1;
	if (stored == 1)
		return compare_stored(im, s);
	if (write_sitting(im, s, now) != 0)
		return -1;
	for (int i = 0; i < s->n_kept; i++) {
		const KeptAnswer *k = &s->kept[i];
		if (store_answer_insert(im->store, s->id, k->question, k->value, k->has_score,
		                        k->score, k->answered_at, im->cause) != 0)
			return -1;
		im->result->answers_added++;
	}
	return 0;
}

static int
write_sittings(Importer *im, const Progress *progress)
{
	char now[21];

	util_now_iso8601(now);
	for (int i = 0; i < im->n; i++) {
		Sitting *s = &im->sittings[i];
		int rc = progress_step(progress, i, im->n, im->cause, _("sitting %ld of %ld"),
		                       (long)i + 1, (long)im->n);

		if (rc == 0)
			rc = s->grouped  ? write_grouped(im, s, now)
			     : s->stored ? compare_stored(im, s)
			                 : write_sitting(im, s, now);
		if (rc != 0)
			return -1;
	}
	return 0;
}

/* Keeps in the database, within the import's transaction, the file of each
 * survey that sittings of the import were answered with, so that they are
 * scored with it after the file in surveys/ changes (versions.h). */
static int
keep_sources(Importer *im)
{
	for (int k = 0; k < im->surveys->n; k++) {
		const Survey *survey = im->surveys->items[k];
		bool used = false;

		for (int i = 0; i < im->n && !used; i++)
			used = im->sittings[i].survey == survey &&
			       strcmp(sitting_hash(&im->sittings[i]), survey->hash) == 0;
		if (used && survey->file_text != NULL &&
		    store_source_put(im->store, survey->id, survey->version, survey->hash,
		                     survey->file_text, survey->file_len, im->cause) != 0)
			return -1;
	}
	return 0;
}

static void
importer_free(Importer *im)
{
	for (int i = 0; i < im->n; i++) {
		Sitting *s = &im->sittings[i];
		for (int c = 0; c < N_SITTING_COLS; c++)
			free(s->attr[c]);
		for (int e = 0; e < N_EXTRA; e++)
			free(s->extra[e]);
		for (int k = 0; k < s->n_kept; k++) {
			free(s->kept[k].question);
			free(s->kept[k].value);
			free(s->kept[k].answered_at);
		}
		free(s->kept);
	}
	free(im->sittings);
	import_sheet_free(im);
	strmap_free(&im->by_id);
	strmap_free(&im->by_key);
}

static int
audit_import(Importer *im)
{
	char *detail = xasprintf("%s: %d sittings added, %d already there, %ld answers", im->path,
	                         im->result->sittings_added, im->result->sittings_present,
	                         im->result->answers_added);
	int rc = store_audit_add(im->store, "import", detail, im->cause);

	free(detail);
	return rc;
}

int
import_answers_csv(Store *store, const SurveySet *surveys, const char *path,
                   const Progress *progress, ImportResult *result, char **cause)
{
	Importer im = {
		.store = store, .surveys = surveys, .path = path, .cause = cause, .result = result
	};
	ProgressPart reading, writing;
	int rc;

	memset(result, 0, sizeof *result);
	if (store_bulk_begin(store, cause) != 0)
		return -1;
	rc = csvread_file(path, on_row, &im,
	                  progress_part(&reading, progress, 0, IMPORT_READING_SHARE, NULL), cause);
	if (rc == 0 && im.n_columns == 0)
		rc = import_row_error(&im, 1, 0,
		                      _("the file is empty: it needs the header row of the "
		                        "answers table"));
	if (rc == 0)
		rc = write_sittings(
		    &im, progress_part(&writing, progress, IMPORT_READING_SHARE, 1, NULL));
	if (rc == 0)
		rc = keep_sources(&im);
	if (rc == 0)
		rc = audit_import(&im);
	if (rc == 0)
		rc = store_commit(store, cause);
	if (rc != 0) {
		store_rollback(store);
		memset(result, 0, sizeof *result);
	}
	importer_free(&im);
	return rc;
}
