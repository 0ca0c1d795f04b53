/*
 * survey_load.c: loading a survey file (DESIGN.md section 3) into a Survey
 * and checking everything a file can get wrong on its own.
 *
 * Loading runs in passes over libyaml's document tree: the head fields,
 * option sets and questions here, then the scales (survey_scales.c: parsed,
 * their items resolved and ordered nested-first), their level bands
 * checked against the range the scale can reach (survey_bands.c), the
 * alerts (survey_alerts.c) and the examples (survey_examples.c). Every pass
 * reports each problem it finds and goes on, so a psychologist sees them
 * all at once.
 */
#include <errno.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "survey_internal.h"
#include "util.h"

/* Characters of survey ids (they name files and appear in every CSV). */
#define SURVEY_ID_CHARS "abcdefghijklmnopqrstuvwxyz0123456789_-"

static const char *const license_names[] = {
	"original",
	"public",
	"free-attribution",
	"school-supplied",
};

/* ---- Head fields ---------------------------------------------------- */

static void
survey_parse_audience(Loader *L, yaml_node_t *node)
{
	if (!yamldoc_get_sequence(&L->yd, node, NULL, "audience"))
		return;
	if (yamldoc_length(node) == 0)
		yamldoc_error(&L->yd, node, NULL, _("the field «audience» is empty"));
	for (int i = 0; i < yamldoc_length(node); i++) {
		yaml_node_t *item = yamldoc_item(&L->yd, node, i);
		Audience a = survey_audience_parse(yamldoc_scalar(item));
		if (a == 0)
			yamldoc_error(
			    &L->yd, item, NULL,
			    _("unknown audience «%s»; use student, parent, teacher or head"),
			    yamldoc_scalar(item) ? yamldoc_scalar(item) : "?");
		L->s->audience |= a;
	}
}

/* A range of grades written "5-11" (an en dash and spaces may stand around
 * the hyphen): true with *from and *to set when text is one. */
static bool
survey_grade_range(const char *text, int *from, int *to)
{
	char *end;
	long a = strtol(text, &end, 10), b;

	while (*end == ' ')
		end++;
	if (end == text || (strncmp(end, "-", 1) != 0 && strncmp(end, "\u2013", 3) != 0))
		return false;
	end += *end == '-' ? 1 : 3;
	text = end;
	b = strtol(text, &end, 10);
	while (*end == ' ')
		end++;
	if (end == text || *end != '\0' || a < 1 || b > 11 || a > b)
		return false;
	*from = (int)a;
	*to = (int)b;
	return true;
}

/* grades: a list of exact grades, [6, 9]; one grade, 7; a range, 5-11. */
static void
survey_parse_grades(Loader *L, yaml_node_t *node)
{
	Survey *s = L->s;
	int grade, from, to;

	if (node->type == YAML_SEQUENCE_NODE && yamldoc_length(node) > 0) {
		for (int i = 0; i < yamldoc_length(node); i++) {
			yaml_node_t *item = yamldoc_item(&L->yd, node, i);
			if (!yamldoc_get_int(&L->yd, item, NULL, "grades", 1, 11, &grade))
				continue;
			if (s->grades & 1u << grade)
				yamldoc_error(&L->yd, item, NULL,
				              _("the grade %d is listed twice in «grades»"), grade);
			s->grades |= 1u << grade;
		}
	} else if (node->type == YAML_SCALAR_NODE &&
	           survey_grade_range(yamldoc_scalar(node), &from, &to)) {
		for (grade = from; grade <= to; grade++)
			s->grades |= 1u << grade;
	} else if (node->type == YAML_SCALAR_NODE && strchr(yamldoc_scalar(node), '-') == NULL &&
	           strstr(yamldoc_scalar(node), "\u2013") == NULL) {
		if (yamldoc_get_int(&L->yd, node, NULL, "grades", 1, 11, &grade))
			s->grades = 1u << grade;
	} else {
		yamldoc_error(&L->yd, node, NULL,
		              _("the field «grades» is a range of grades from 1 to 11 like 5-11, "
		                "or a list of the grades themselves like [6, 9]"));
	}
}

static void
survey_parse_head(Loader *L, YamlField *f)
{
	YamlDoc *yd = &L->yd;
	Survey *s = L->s;

	if (f[0].value && yamldoc_get_string(yd, f[0].value, NULL, "id", &s->id) &&
	    !yamldoc_id_valid(s->id, SURVEY_ID_CHARS))
		yamldoc_error(yd, f[0].value, NULL,
		              _("the survey id «%s» may hold only small Latin letters, digits, "
		                "«_» and «-»"),
		              s->id);
	if (f[1].value)
		yamldoc_get_int(yd, f[1].value, NULL, "version", 1, 1000000, &s->version);
	if (f[2].value)
		yamldoc_get_string(yd, f[2].value, NULL, "title", &s->title);
	if (f[3].value)
		survey_parse_audience(L, f[3].value);
	if (f[4].value)
		survey_parse_grades(L, f[4].value);
	if (f[5].value)
		yamldoc_get_string(yd, f[5].value, NULL, "source", &s->source);
	if (f[6].value && yamldoc_get_string(yd, f[6].value, NULL, "license", &s->license) &&
	    survey_word_index(s->license, license_names, 4) < 0)
		yamldoc_error(yd, f[6].value, NULL,
		              _("unknown license «%s»; use original, public, free-attribution "
		                "or school-supplied"),
		              s->license);
	if (f[7].value)
		yamldoc_get_string(yd, f[7].value, NULL, "instructions", &s->instructions);
	if (f[8].value)
		yamldoc_get_bool(yd, f[8].value, NULL, "show_result", &s->show_result);
}

/* ---- Options and option sets --------------------------------------- */

static void
survey_parse_option(YamlDoc *yd, yaml_node_t *node, const char *context, SurveyOption *o)
{
	YamlField f[] = {
		{ "label", true, NULL },
		{ "score", true, NULL },
		{ "picture", false, NULL },
	};

	if (yamldoc_fields(yd, node, context, f, 3)) {
		if (f[0].value)
			yamldoc_get_string(yd, f[0].value, context, "label", &o->label);
		if (f[1].value)
			yamldoc_get_number(yd, f[1].value, context, "score", &o->score);
		if (f[2].value)
			yamldoc_get_string(yd, f[2].value, context, "picture", &o->picture);
	}
	/* Even an option that is not a mapping gets a label: the questions
	 * that use its option set copy it. */
	if (o->label == NULL)
		o->label = xstrdup("");
}

/* Parses a list of options; owner names what holds them in messages. */
static void
survey_parse_options(YamlDoc *yd, yaml_node_t *node, const char *owner, SurveyOption **out,
                     int *n_out)
{
	int n = yamldoc_length(node);

	if (yamldoc_too_long(yd, node, owner, "options", SURVEY_MAX_OPTIONS))
		n = 0;
	*out = xcalloc((size_t)n, sizeof **out);
	*n_out = n;
	for (int i = 0; i < n; i++) {
		char *context = xasprintf(_("%s, option %d"), owner, i + 1);
		survey_parse_option(yd, yamldoc_item(yd, node, i), context, &(*out)[i]);
		free(context);
	}
}

static void
survey_parse_option_sets(Loader *L, yaml_node_t *node)
{
	YamlDoc *yd = &L->yd;
	int n = yamldoc_length(node);

	if (node->type != YAML_MAPPING_NODE) {
		yamldoc_error(yd, node, NULL,
		              _("the field «option_sets» must hold named lists of options"));
		return;
	}
	if (yamldoc_too_long(yd, node, NULL, "option_sets", SURVEY_MAX_OPTIONS))
		return;
	L->sets = xcalloc((size_t)n, sizeof *L->sets);
	for (int i = 0; i < n; i++) {
		yaml_node_t *key = yamldoc_key(yd, node, i), *value = yamldoc_value(yd, node, i);
		const char *name = yamldoc_scalar(key);
		OptionSet *set = &L->sets[L->n_sets];
		char *owner;

		if (!yamldoc_id_valid(name, SURVEY_NAME_CHARS)) {
			yamldoc_error(yd, key, NULL,
			              _("an option set needs a name of Latin letters, "
			                "digits, «_», «.» or «-»"));
			continue;
		}
		for (int j = 0; j < L->n_sets; j++)
			if (strcmp(L->sets[j].name, name) == 0)
				yamldoc_error(
				    yd, key, NULL,
				    _("the option set «%s» is defined twice (also at line %d)"),
				    name, yamldoc_pos(L->sets[j].node).line);
		owner = xasprintf(_("option set %s"), name);
		if (value->type != YAML_SEQUENCE_NODE || yamldoc_length(value) == 0)
			yamldoc_error(
			    yd, value, owner,
			    _("expected a list of options, like [{label: \"Да\", score: 1}]"));
		else
			survey_parse_options(yd, value, owner, &set->options, &set->n_options);
		free(owner);
		set->name = xstrdup(name);
		set->node = key;
		L->n_sets++;
	}
}

static void
survey_copy_options(const OptionSet *set, SurveyQuestion *q)
{
	q->options = xcalloc((size_t)set->n_options, sizeof *q->options);
	q->n_options = set->n_options;
	for (int i = 0; i < set->n_options; i++) {
		q->options[i].label = xstrdup(set->options[i].label);
		q->options[i].score = set->options[i].score;
		q->options[i].picture =
		    set->options[i].picture ? xstrdup(set->options[i].picture) : NULL;
	}
}

/* ---- Questions ------------------------------------------------------ */

/* Fills the question's options; false when there are none to count. */
static bool
survey_question_options(Loader *L, yaml_node_t *node, const char *context, SurveyQuestion *q)
{
	YamlDoc *yd = &L->yd;
	const char *name = yamldoc_scalar(node);

	if (name != NULL) {
		for (int i = 0; i < L->n_sets; i++)
			if (strcmp(L->sets[i].name, name) == 0) {
				survey_copy_options(&L->sets[i], q);
				return true;
			}
		yamldoc_error(yd, node, context, _("unknown option set «%s»"), name);
		return false;
	}
	if (node->type != YAML_SEQUENCE_NODE) {
		yamldoc_error(yd, node, context,
		              _("the field «options» must name an option set or list the options"));
		return false;
	}
	survey_parse_options(yd, node, context, &q->options, &q->n_options);
	return true;
}

static void
survey_question_counts(Loader *L, yaml_node_t *node, const char *context, const SurveyQuestion *q)
{
	if (q->type == QUESTION_YESNO && q->n_options != 2)
		yamldoc_error(&L->yd, node, context,
		              _("a yesno question needs exactly 2 options, not %d"), q->n_options);
	else if (q->type != QUESTION_YESNO && q->n_options < 2)
		yamldoc_error(&L->yd, node, context,
		              _("a question with a choice needs at least 2 options, not %d"),
		              q->n_options);
}

static void
survey_question_bounds_fields(Loader *L, YamlField *f, const char *context, SurveyQuestion *q)
{
	YamlDoc *yd = &L->yd;

	for (int i = 4; i <= 5; i++) {
		if (f[i].value == NULL)
			continue;
		if (q->type != QUESTION_NUMBER)
			yamldoc_error(yd, f[i].value, context,
			              _("the field «%s» is only for questions of type number"),
			              f[i].name);
		else
			yamldoc_get_number(yd, f[i].value, context, f[i].name,
			                   i == 4 ? &q->number_min : &q->number_max);
	}
	if (q->type == QUESTION_NUMBER && q->number_min > q->number_max)
		yamldoc_error(yd, f[4].value, context, _("min (%g) is greater than max (%g)"),
		              q->number_min, q->number_max);
}

/* The question's type and, for the types with a choice, its options. */
static void
survey_question_type_options(Loader *L, yaml_node_t *node, YamlField *f, const char *context,
                             SurveyQuestion *q)
{
	YamlDoc *yd = &L->yd;
	int type = f[2].value ? survey_word_index(yamldoc_scalar(f[2].value), survey_type_names, 6)
	                      : QUESTION_SINGLE;

	if (type < 0)
		yamldoc_error(yd, f[2].value, context,
		              _("unknown question type «%s»; use single, yesno, multi, likert, "
		                "number or text"),
		              yamldoc_scalar_or(f[2].value, "?"));
	q->type = type < 0 ? QUESTION_SINGLE : (QuestionType)type;
	if (!survey_type_scored(q->type) && f[3].value)
		yamldoc_error(yd, f[3].value, context, _("a question of type %s has no options"),
		              survey_type_names[q->type]);
	else if (survey_type_scored(q->type) && f[3].value == NULL)
		yamldoc_error(yd, node, context, _("the field «%s» is missing"), "options");
	else if (f[3].value && survey_question_options(L, f[3].value, context, q))
		survey_question_counts(L, f[3].value, context, q);
}

static void
survey_parse_question(Loader *L, yaml_node_t *node, int index, SurveyQuestion *q)
{
	YamlField f[] = {
		{ "id", true, NULL },       { "text", true, NULL }, { "type", false, NULL },
		{ "options", false, NULL }, { "min", false, NULL }, { "max", false, NULL },
	};
	YamlDoc *yd = &L->yd;
	const char *id = yamldoc_scalar(yamldoc_lookup(yd, node, "id"));
	char *context;

	q->pos = yamldoc_pos(node);
	if (yamldoc_id_valid(id, SURVEY_NAME_CHARS))
		q->id = xstrdup(id);
	/* Messages name the question by its id, or by its number without one. */
	context =
	    q->id ? xasprintf(_("question %s"), q->id) : xasprintf(_("question %d"), index + 1);
	if (!yamldoc_fields(yd, node, context, f, 6))
		goto out;
	if (f[0].value && q->id == NULL)
		yamldoc_error(yd, f[0].value, context,
		              _("a question id may hold only Latin letters, digits, «_», «.» and "
		                "«-»"));
	if (f[1].value)
		yamldoc_get_string(yd, f[1].value, context, "text", &q->text);
	survey_question_type_options(L, node, f, context, q);
	survey_question_bounds_fields(L, f, context, q);
out:
	if (q->text == NULL)
		q->text = xstrdup("");
	free(context);
}

static void
survey_parse_questions(Loader *L, yaml_node_t *node)
{
	YamlDoc *yd = &L->yd;
	Survey *s = L->s;
	int n;

	if (!yamldoc_get_sequence(yd, node, NULL, "questions") ||
	    yamldoc_too_long(yd, node, NULL, "questions", SURVEY_MAX_ENTRIES))
		return;
	n = yamldoc_length(node);
	if (n == 0)
		yamldoc_error(yd, node, NULL, _("the survey has no questions"));
	s->questions = xcalloc((size_t)n, sizeof *s->questions);
	for (int i = 0; i < n; i++) {
		SurveyQuestion *q = &s->questions[i];
		survey_parse_question(L, yamldoc_item(yd, node, i), i, q);
		s->n_questions = i + 1;
		for (int j = 0; q->id != NULL && j < i; j++)
			if (s->questions[j].id && strcmp(s->questions[j].id, q->id) == 0) {
				yamldoc_error(
				    yd, yamldoc_item(yd, node, i), NULL,
				    _("the question id «%s» is used twice (also at line %d)"),
				    q->id, s->questions[j].pos.line);
				break;
			}
	}
}

/* ---- Loading -------------------------------------------------------- */

static char *
survey_hash(const unsigned char *bytes, size_t len)
{
	unsigned char digest[crypto_hash_sha256_BYTES];
	char hex[crypto_hash_sha256_BYTES * 2 + 1];

	if (sodium_init() < 0)
		abort(); /* libsodium cannot work on this machine at all */
	crypto_hash_sha256(digest, bytes, len);
	sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
	return xstrdup(hex);
}

static void
survey_parse(Loader *L)
{
	YamlField f[] = {
		{ "id", true, NULL },           { "version", true, NULL },
		{ "title", true, NULL },        { "audience", true, NULL },
		{ "grades", false, NULL },      { "source", true, NULL },
		{ "license", true, NULL },      { "instructions", false, NULL },
		{ "show_result", false, NULL }, { "option_sets", false, NULL },
		{ "questions", true, NULL },    { "scales", false, NULL },
		{ "alerts", false, NULL },      { "examples", false, NULL },
		{ "placeholder", false, NULL },
	};

	yamldoc_fields(&L->yd, yamldoc_root(&L->yd), NULL, f, 15);
	survey_parse_head(L, f);
	/* A template's marker (survey_is_placeholder): loaded like any
	 * survey, kept out of batteries, refused by `anketa check`. */
	if (f[14].value &&
	    yamldoc_get_bool(&L->yd, f[14].value, NULL, "placeholder", &L->s->placeholder))
		L->s->placeholder_pos = yamldoc_pos(f[14].value);
	if (f[9].value)
		survey_parse_option_sets(L, f[9].value);
	if (f[10].value)
		survey_parse_questions(L, f[10].value);
	if (f[11].value)
		survey_scales_parse(L, f[11].value);
	survey_bands_check(L);
	if (f[12].value)
		survey_alerts_parse(L, f[12].value);
	if (f[13].value)
		survey_examples_parse(L, f[13].value);
}

static void
survey_loader_free(Loader *L)
{
	for (int i = 0; i < L->n_sets; i++) {
		free(L->sets[i].name);
		survey_options_free(L->sets[i].options, L->sets[i].n_options);
	}
	free(L->sets);
	free(L->drafts);
	yamldoc_free(&L->yd);
}

/* Loads from the file at name, or from text when it is not NULL. */
static Survey *
survey_load_from(const char *name, const char *text, size_t len, Diag *diag)
{
	Loader L;
	Survey *s = xcalloc(1, sizeof *s);
	int rc;

	memset(&L, 0, sizeof L);
	L.s = s;
	s->path = xstrdup(name);
	rc = text ? yamldoc_load_buffer(&L.yd, s->path, text, len, diag)
	          : yamldoc_load(&L.yd, s->path, diag);
	if (rc == 0) {
		s->hash = survey_hash(L.yd.bytes, L.yd.len);
		s->file_text = xmalloc(L.yd.len + 1);
		memcpy(s->file_text, L.yd.bytes, L.yd.len);
		s->file_text[L.yd.len] = '\0';
		s->file_len = L.yd.len;
		survey_parse(&L);
	}
	if (s->instructions == NULL)
		s->instructions = xstrdup("");
	if (L.yd.problems > 0 || !L.yd.loaded) {
		survey_free(s);
		s = NULL;
	}
	survey_loader_free(&L);
	return s;
}

Survey *
survey_load(const char *path, Diag *diag)
{
	return survey_load_from(path, NULL, 0, diag);
}

Survey *
survey_load_text(const char *name, const char *text, size_t len, Diag *diag)
{
	return survey_load_from(name, text, len, diag);
}

/* ---- Folders of surveys ---------------------------------------------- */

int
survey_set_load_dir(SurveySet *set, const char *dir, Diag *diag)
{
	char **paths;
	int n = util_yaml_files(dir, &paths), failed = 0;

	if (n < 0) {
		diag_add(diag, dir, 0, 0, _("cannot read the surveys folder: %s"), strerror(errno));
		return -1;
	}
	for (int i = 0; i < n; i++) {
		Survey *s = survey_load(paths[i], diag);
		if (s == NULL)
			failed++;
		else if (survey_set_find(set, s->id) != NULL) {
			diag_add(diag, paths[i], 0, 0,
			         _("another file already holds the survey «%s»"), s->id);
			survey_free(s);
			failed++;
		} else
			survey_set_add(set, s);
	}
	util_paths_free(paths, n);
	return failed;
}
