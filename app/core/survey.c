/*
 * survey.c: loading a survey file (DESIGN.md section 3) into a Survey and
 * checking everything a file can get wrong on its own.
 *
 * Loading runs in passes over libyaml's document tree: the head fields,
 * option sets, questions, scales (parsed, then their items resolved,
 * ordered nested-first and their level bands checked against the range
 * the scale can reach), alerts and examples. Every pass reports each
 * problem it finds and goes on, so a psychologist sees them all at once.
 */
#include "survey.h"

#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "answer.h"
#include "util.h"
#include "yamldoc.h"

/* Characters of survey ids (they name files and appear in every CSV). */
#define SURVEY_ID_CHARS "abcdefghijklmnopqrstuvwxyz0123456789_-"
/* Characters of question, scale, level and option-set ids. */
/* Limits far above any real instrument; they keep the loader's simple
 * quadratic checks (duplicate ids and the like) fast on hostile files. */
#define SURVEY_MAX_ENTRIES 1000 /* questions, scales, items, alerts, examples */
#define SURVEY_MAX_OPTIONS 100  /* options of a question, levels of a scale */

#define SURVEY_NAME_CHARS "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-"

/* What a scale looked like in the file before its items were resolved. */
typedef struct {
	yaml_node_t *items; /* the items list, or NULL when missing or wrong */
	bool bad;           /* a problem makes its range meaningless */
	bool levels_bad;    /* a level's min or max could not be read */
	int order;          /* position after ordering nested-first */
	int state;          /* DFS colour while ordering: 0 new, 1 open, 2 done */
} ScaleDraft;

typedef struct {
	char *name;
	SurveyOption *options;
	int n_options;
	yaml_node_t *node;
} OptionSet;

typedef struct {
	YamlDoc yd;
	Survey *s;
	OptionSet *sets;
	int n_sets;
	ScaleDraft *drafts;
} Loader;

static const char *const question_type_names[] = {
	[QUESTION_SINGLE] = "single", [QUESTION_YESNO] = "yesno",   [QUESTION_MULTI] = "multi",
	[QUESTION_LIKERT] = "likert", [QUESTION_NUMBER] = "number", [QUESTION_TEXT] = "text",
};

static const char *const method_names[] = {
	[SCALE_SUM] = "sum",
	[SCALE_MEAN] = "mean",
	[SCALE_PERCENT_OF_MAX] = "percent_of_max",
};

static const char *const license_names[] = {
	"original",
	"public",
	"free-attribution",
	"school-supplied",
};

static int
survey_word_index(const char *word, const char *const *names, int n)
{
	for (int i = 0; word != NULL && i < n; i++)
		if (strcmp(word, names[i]) == 0)
			return i;
	return -1;
}

static bool
survey_is_scored(QuestionType type)
{
	return type != QUESTION_NUMBER && type != QUESTION_TEXT;
}

/* ---- Freeing -------------------------------------------------------- */

static void
survey_options_free(SurveyOption *options, int n)
{
	for (int i = 0; i < n; i++) {
		free(options[i].label);
		free(options[i].picture);
	}
	free(options);
}

static void
survey_scale_free(SurveyScale *scale)
{
	free(scale->id);
	free(scale->title);
	free(scale->items);
	for (int j = 0; j < scale->n_levels; j++) {
		free(scale->levels[j].id);
		free(scale->levels[j].label);
		free(scale->levels[j].interpretation);
	}
	free(scale->levels);
}

static void
survey_example_free(SurveyExample *example)
{
	free(example->name);
	for (int j = 0; j < example->n_answers; j++)
		free(example->answers[j].value);
	free(example->answers);
	for (int j = 0; j < example->n_expect; j++)
		free(example->expect[j].level);
	free(example->expect);
}

void
survey_free(Survey *survey)
{
	if (survey == NULL)
		return;
	free(survey->path);
	free(survey->hash);
	free(survey->file_text);
	free(survey->id);
	free(survey->title);
	free(survey->source);
	free(survey->license);
	free(survey->instructions);
	for (int i = 0; i < survey->n_questions; i++) {
		free(survey->questions[i].id);
		free(survey->questions[i].text);
		survey_options_free(survey->questions[i].options, survey->questions[i].n_options);
	}
	free(survey->questions);
	for (int i = 0; i < survey->n_scales; i++)
		survey_scale_free(&survey->scales[i]);
	free(survey->scales);
	for (int i = 0; i < survey->n_alerts; i++)
		free(survey->alerts[i].message);
	free(survey->alerts);
	for (int i = 0; i < survey->n_examples; i++)
		survey_example_free(&survey->examples[i]);
	free(survey->examples);
	free(survey);
}

/* ---- Lookups -------------------------------------------------------- */

int
survey_find_question(const Survey *survey, const char *id)
{
	for (int i = 0; id != NULL && i < survey->n_questions; i++)
		if (survey->questions[i].id != NULL && strcmp(survey->questions[i].id, id) == 0)
			return i;
	return -1;
}

int
survey_find_scale(const Survey *survey, const char *id)
{
	for (int i = 0; id != NULL && i < survey->n_scales; i++)
		if (survey->scales[i].id != NULL && strcmp(survey->scales[i].id, id) == 0)
			return i;
	return -1;
}

int
survey_find_level(const SurveyScale *scale, const char *id)
{
	for (int i = 0; id != NULL && i < scale->n_levels; i++)
		if (scale->levels[i].id != NULL && strcmp(scale->levels[i].id, id) == 0)
			return i;
	return -1;
}

Audience
survey_audience_parse(const char *word)
{
	static const char *const names[] = { "student", "parent", "teacher", "head" };
	int i = survey_word_index(word, names, 4);

	return i < 0 ? 0 : (Audience)(1u << i);
}

const char *
survey_audience_name(Audience audience)
{
	switch (audience) {
	case AUDIENCE_STUDENT:
		return "student";
	case AUDIENCE_PARENT:
		return "parent";
	case AUDIENCE_TEACHER:
		return "teacher";
	case AUDIENCE_HEAD:
		return "head";
	}
	return "";
}

/* The lowest and highest score one answer can reach: a multi answer is any
 * non-empty choice of options, so it reaches every negative (or positive)
 * score at once. */
static void
survey_question_bounds(const SurveyQuestion *q, double *lo, double *hi)
{
	double neg = 0, pos = 0, least = INFINITY, most = -INFINITY;

	*lo = *hi = 0;
	if (!survey_is_scored(q->type) || q->n_options == 0)
		return;
	for (int i = 0; i < q->n_options; i++) {
		double sc = q->options[i].score;
		least = fmin(least, sc);
		most = fmax(most, sc);
		neg += sc < 0 ? sc : 0;
		pos += sc > 0 ? sc : 0;
	}
	*lo = least;
	*hi = most;
	if (q->type == QUESTION_MULTI) {
		*lo = neg < 0 ? neg : least;
		*hi = pos > 0 ? pos : most;
	}
}

double
survey_question_max_score(const SurveyQuestion *question)
{
	double lo, hi;

	survey_question_bounds(question, &lo, &hi);
	return hi;
}

/* ---- Scale range ---------------------------------------------------- */

static int
survey_cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* The least sum of at least k of the n values: the k smallest plus any
 * other negative ones. */
static double
survey_least_sum(double *v, int n, int k)
{
	double sum = 0;

	qsort(v, (size_t)n, sizeof *v, survey_cmp_double);
	for (int i = 0; i < n; i++)
		if (i < k || v[i] < 0)
			sum += v[i];
	return sum;
}

/* The least ratio sum(s)/sum(m) over subsets of at least k items
 * (Dinkelbach's iteration: each round picks the subset that is best for
 * the current ratio, which lowers the ratio until it is the minimum). */
static double
survey_least_ratio(const double *s, const double *m, int n, int k)
{
	double *d = xcalloc((size_t)n, sizeof *d), ratio, num = 0, den = 0;

	for (int i = 0; i < n; i++)
		num += s[i], den += m[i];
	ratio = den > 0 ? num / den : 0;
	for (int round = 0; round < 100; round++) {
		double best;
		for (int i = 0; i < n; i++)
			d[i] = s[i] - ratio * m[i];
		best = survey_least_sum(d, n, k);
		if (best > -1e-12)
			break;
		/* Recover the chosen subset's ratio from its members. */
		num = den = 0;
		for (int i = 0; i < n; i++) {
			double di = s[i] - ratio * m[i];
			int rank = 0;
			for (int j = 0; j < n; j++)
				rank += (s[j] - ratio * m[j] < di) ||
				        (s[j] - ratio * m[j] == di && j < i);
			if (rank < k || di < 0)
				num += s[i], den += m[i];
		}
		if (den <= 0 || num / den >= ratio)
			break;
		ratio = num / den;
	}
	free(d);
	return ratio;
}

/* The raw (before multiplier) lowest and highest values of a scale whose
 * items reach lo[i]..hi[i] with maximum scores m[i]. */
static void
survey_raw_range(ScaleMethod method, double *lo, const double *hi, const double *m, int n, int k,
                 double *rmin, double *rmax)
{
	double *neg = xcalloc((size_t)n, sizeof *neg);

	for (int i = 0; i < n; i++)
		neg[i] = -hi[i];
	if (method == SCALE_SUM) {
		*rmin = survey_least_sum(lo, n, k);
		*rmax = -survey_least_sum(neg, n, k);
	} else if (method == SCALE_MEAN) {
		qsort(lo, (size_t)n, sizeof *lo, survey_cmp_double);
		qsort(neg, (size_t)n, sizeof *neg, survey_cmp_double);
		*rmin = *rmax = 0;
		for (int i = 0; i < k; i++)
			*rmin += lo[i] / k, *rmax -= neg[i] / k;
	} else {
		*rmin = 100 * survey_least_ratio(lo, m, n, k);
		*rmax = -100 * survey_least_ratio(neg, m, n, k);
	}
	free(neg);
}

/* Fills lo/hi for scales 0..upto in order; a nested scale always comes
 * before its parent, so each needs only ranges already computed. */
static void
survey_ranges(const Survey *survey, int upto, double *lo, double *hi)
{
	for (int s = 0; s <= upto; s++) {
		const SurveyScale *sc = &survey->scales[s];
		int n = sc->n_items, k = sc->min_answered > 1 ? sc->min_answered : 1;
		double *ilo = xcalloc((size_t)n + 1, sizeof *ilo);
		double *ihi = xcalloc((size_t)n + 1, sizeof *ihi);
		double rmin = 0, rmax = 0;

		for (int i = 0; i < n; i++) {
			ScaleItem it = sc->items[i];
			if (!it.is_scale && it.index >= 0 && it.index < survey->n_questions)
				survey_question_bounds(&survey->questions[it.index], &ilo[i],
				                       &ihi[i]);
			else if (it.is_scale && it.index >= 0 && it.index < s)
				ilo[i] = lo[it.index], ihi[i] = hi[it.index];
		}
		if (n > 0) {
			double *m = xcalloc((size_t)n, sizeof *m);
			memcpy(m, ihi, (size_t)n * sizeof *m);
			survey_raw_range(sc->method, ilo, ihi, m, n, k < n ? k : n, &rmin, &rmax);
			free(m);
		}
		lo[s] = util_round(rmin * sc->multiplier + sc->offset, sc->precision);
		hi[s] = util_round(rmax * sc->multiplier + sc->offset, sc->precision);
		if (lo[s] > hi[s]) {
			double t = lo[s];
			lo[s] = hi[s], hi[s] = t;
		}
		free(ilo);
		free(ihi);
	}
}

void
survey_scale_range(const Survey *survey, int scale, double *min, double *max)
{
	double *lo = xcalloc((size_t)scale + 1, sizeof *lo);
	double *hi = xcalloc((size_t)scale + 1, sizeof *hi);

	survey_ranges(survey, scale, lo, hi);
	*min = lo[scale];
	*max = hi[scale];
	free(lo);
	free(hi);
}

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

static void
survey_parse_grades(Loader *L, yaml_node_t *node)
{
	Survey *s = L->s;

	if (!yamldoc_get_sequence(&L->yd, node, NULL, "grades"))
		return;
	if (yamldoc_length(node) != 2) {
		yamldoc_error(&L->yd, node, NULL,
		              _("the field «grades» must be two grades [from, to], like [2, 7]"));
		return;
	}
	if (!yamldoc_get_int(&L->yd, yamldoc_item(&L->yd, node, 0), NULL, "grades", 1, 11,
	                     &s->grade_min) ||
	    !yamldoc_get_int(&L->yd, yamldoc_item(&L->yd, node, 1), NULL, "grades", 1, 11,
	                     &s->grade_max))
		return;
	if (s->grade_min > s->grade_max)
		yamldoc_error(&L->yd, node, NULL,
		              _("grades go from %d to %d: the first must not be "
		                "greater than the second"),
		              s->grade_min, s->grade_max);
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
	int type = f[2].value
	               ? survey_word_index(yamldoc_scalar(f[2].value), question_type_names, 6)
	               : QUESTION_SINGLE;

	if (type < 0)
		yamldoc_error(yd, f[2].value, context,
		              _("unknown question type «%s»; use single, yesno, multi, likert, "
		                "number or text"),
		              yamldoc_scalar_or(f[2].value, "?"));
	q->type = type < 0 ? QUESTION_SINGLE : (QuestionType)type;
	if (!survey_is_scored(q->type) && f[3].value)
		yamldoc_error(yd, f[3].value, context, _("a question of type %s has no options"),
		              question_type_names[q->type]);
	else if (survey_is_scored(q->type) && f[3].value == NULL)
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

/* ---- Scales --------------------------------------------------------- */

static void
survey_parse_level(Loader *L, yaml_node_t *node, const char *scale_context, SurveyLevel *lv,
                   ScaleDraft *draft)
{
	YamlField f[] = {
		{ "id", true, NULL },  { "label", true, NULL },           { "min", true, NULL },
		{ "max", true, NULL }, { "interpretation", false, NULL },
	};
	YamlDoc *yd = &L->yd;
	const char *id = yamldoc_scalar(yamldoc_lookup(yd, node, "id"));
	char *context;

	lv->pos = yamldoc_pos(node);
	context = xasprintf(_("%s, level %s"), scale_context, id ? id : "?");
	if (!yamldoc_fields(yd, node, context, f, 5)) {
		draft->levels_bad = true;
		goto out;
	}
	if (f[0].value && yamldoc_get_string(yd, f[0].value, context, "id", &lv->id) &&
	    !yamldoc_id_valid(lv->id, SURVEY_NAME_CHARS))
		yamldoc_error(
		    yd, f[0].value, context,
		    _("a level id may hold only Latin letters, digits, «_», «.» and «-»"));
	if (f[1].value)
		yamldoc_get_string(yd, f[1].value, context, "label", &lv->label);
	if (!f[2].value || !yamldoc_get_number(yd, f[2].value, context, "min", &lv->min))
		draft->levels_bad = true;
	if (!f[3].value || !yamldoc_get_number(yd, f[3].value, context, "max", &lv->max))
		draft->levels_bad = true;
	if (f[4].value)
		yamldoc_get_string(yd, f[4].value, context, "interpretation", &lv->interpretation);
out:
	if (lv->label == NULL)
		lv->label = xstrdup("");
	free(context);
}

static void
survey_parse_levels(Loader *L, yaml_node_t *node, const char *context, SurveyScale *sc,
                    ScaleDraft *draft)
{
	YamlDoc *yd = &L->yd;
	int n;

	if (!yamldoc_get_sequence(yd, node, context, "levels") ||
	    yamldoc_too_long(yd, node, context, "levels", SURVEY_MAX_OPTIONS)) {
		draft->levels_bad = true;
		return;
	}
	n = yamldoc_length(node);
	sc->levels = xcalloc((size_t)n, sizeof *sc->levels);
	for (int i = 0; i < n; i++) {
		SurveyLevel *lv = &sc->levels[i];
		survey_parse_level(L, yamldoc_item(yd, node, i), context, lv, draft);
		sc->n_levels = i + 1;
		for (int j = 0; lv->id && j < i; j++)
			if (sc->levels[j].id && strcmp(sc->levels[j].id, lv->id) == 0) {
				yamldoc_error(
				    yd, yamldoc_item(yd, node, i), context,
				    _("the level id «%s» is used twice (also at line %d)"), lv->id,
				    sc->levels[j].pos.line);
				break;
			}
	}
}

/* The scale's method and its numeric settings, with their defaults. */
static void
survey_scale_numbers(Loader *L, YamlField *f, const char *context, SurveyScale *sc,
                     ScaleDraft *draft)
{
	YamlDoc *yd = &L->yd;
	int method =
	    f[3].value ? survey_word_index(yamldoc_scalar(f[3].value), method_names, 3) : 0;

	if (method < 0)
		yamldoc_error(yd, f[3].value, context,
		              _("unknown method «%s»; use sum, mean or percent_of_max"),
		              yamldoc_scalar_or(f[3].value, "?"));
	sc->method = method < 0 ? SCALE_SUM : (ScaleMethod)method;
	draft->bad |= method < 0 || f[3].value == NULL;
	sc->multiplier = 1;
	if (f[4].value &&
	    (!yamldoc_get_number(yd, f[4].value, context, "multiplier", &sc->multiplier) ||
	     sc->multiplier == 0)) {
		if (sc->multiplier == 0)
			yamldoc_error(yd, f[4].value, context, _("the multiplier must not be 0"));
		draft->bad = true;
	}
	if (f[5].value && !yamldoc_get_number(yd, f[5].value, context, "offset", &sc->offset))
		draft->bad = true;
	if (f[6].value &&
	    !yamldoc_get_int(yd, f[6].value, context, "min_answered", 0, 100000, &sc->min_answered))
		draft->bad = true;
	sc->precision = sc->method == SCALE_SUM ? 0 : 1;
	if (f[7].value &&
	    !yamldoc_get_int(yd, f[7].value, context, "precision", 0, 6, &sc->precision))
		draft->bad = true;
}

static void
survey_parse_scale(Loader *L, yaml_node_t *node, int index, SurveyScale *sc, ScaleDraft *draft)
{
	YamlField f[] = {
		{ "id", true, NULL },
		{ "title", true, NULL },
		{ "items", true, NULL },
		{ "method", true, NULL },
		{ "multiplier", false, NULL },
		{ "offset", false, NULL },
		{ "min_answered", false, NULL },
		{ "precision", false, NULL },
		{ "levels", false, NULL },
	};
	YamlDoc *yd = &L->yd;
	const char *id = yamldoc_scalar(yamldoc_lookup(yd, node, "id"));
	char *context = id ? xasprintf(_("scale %s"), id) : xasprintf(_("scale %d"), index + 1);

	sc->pos = yamldoc_pos(node);
	sc->multiplier = 1;
	draft->bad = true;
	if (!yamldoc_fields(yd, node, context, f, 9))
		goto out;
	draft->bad = false;
	if (f[0].value && yamldoc_get_string(yd, f[0].value, context, "id", &sc->id) &&
	    !yamldoc_id_valid(sc->id, SURVEY_NAME_CHARS))
		yamldoc_error(
		    yd, f[0].value, context,
		    _("a scale id may hold only Latin letters, digits, «_», «.» and «-»"));
	if (f[1].value)
		yamldoc_get_string(yd, f[1].value, context, "title", &sc->title);
	if (f[2].value && yamldoc_get_sequence(yd, f[2].value, context, "items"))
		draft->items = f[2].value;
	else
		draft->bad = true;
	survey_scale_numbers(L, f, context, sc, draft);
	if (f[8].value)
		survey_parse_levels(L, f[8].value, context, sc, draft);
out:
	if (sc->title == NULL)
		sc->title = xstrdup("");
	free(context);
}

/* Resolves item i of scale s into *out; false (reported) when it cannot
 * be an item. */
static bool
survey_resolve_item(Loader *L, int s, int i, const char *context, ScaleItem *out)
{
	Survey *sv = L->s;
	yaml_node_t *items = L->drafts[s].items, *node = yamldoc_item(&L->yd, items, i);
	const char *name = yamldoc_scalar(node);
	int q = survey_find_question(sv, name), t = survey_find_scale(sv, name);
	bool twice = false;

	for (int j = 0; j < i && name; j++)
		twice |= strcmp(yamldoc_scalar_or(yamldoc_item(&L->yd, items, j), ""), name) == 0;
	if (name == NULL || (q < 0 && t < 0))
		yamldoc_error(&L->yd, node, context,
		              _("unknown item «%s»: no question or scale has this id"),
		              name ? name : "?");
	else if (q >= 0 && t >= 0)
		yamldoc_error(&L->yd, node, context,
		              _("the item «%s» is both a question and a scale; rename one"), name);
	else if (twice)
		yamldoc_error(&L->yd, node, context, _("the item «%s» is listed twice"), name);
	else if (q >= 0 && !survey_is_scored(sv->questions[q].type))
		yamldoc_error(&L->yd, node, context,
		              _("question %s is of type %s and has no score, so it cannot be a "
		                "scale item"),
		              name, question_type_names[sv->questions[q].type]);
	else {
		out->is_scale = t >= 0;
		out->index = t >= 0 ? t : q;
		return true;
	}
	return false;
}

/* Resolves one scale's item names into questions or scales. */
static void
survey_resolve_items(Loader *L, int s)
{
	SurveyScale *sc = &L->s->scales[s];
	yaml_node_t *items = L->drafts[s].items;
	char *context = xasprintf(_("scale %s"), sc->id ? sc->id : "?");
	int n = yamldoc_length(items);

	if (yamldoc_too_long(&L->yd, items, context, "items", SURVEY_MAX_ENTRIES)) {
		L->drafts[s].bad = true;
		n = 0;
	}
	sc->items = xcalloc((size_t)n, sizeof *sc->items);
	for (int i = 0; i < n; i++) {
		ScaleItem *it = &sc->items[sc->n_items];
		if (!survey_resolve_item(L, s, i, context, it)) {
			L->drafts[s].bad = true;
			continue;
		}
		/* A question whose options failed to load was reported
		 * already; its scale's range would only mislead. */
		if (!it->is_scale && L->s->questions[it->index].n_options == 0)
			L->drafts[s].bad = true;
		sc->n_items++;
	}
	if (n == 0) {
		yamldoc_error(&L->yd, items, context, _("the scale has no items"));
		L->drafts[s].bad = true;
	}
	free(context);
}

/* Reports the circle of nested scales stack[from..top] -> back. */
static void
survey_report_cycle(Loader *L, const int *stack, int from, int top, int back)
{
	size_t cap = 64, len = 0;
	char *path = xmalloc(cap);

	path[0] = '\0';
	for (int i = from; i <= top + 1; i++) {
		const char *id = L->s->scales[i <= top ? stack[i] : back].id;
		size_t need = strlen(id ? id : "?") + 8;
		if (len + need >= cap) {
			cap = (len + need) * 2;
			path = xreallocarray(path, cap, 1);
		}
		len += (size_t)sprintf(path + len, "%s%s", i > from ? " → " : "", id ? id : "?");
		if (i <= top)
			L->drafts[stack[i]].bad = true;
	}
	yamldoc_error_pos(&L->yd, L->s->scales[back].pos, NULL,
	                  _("scales are nested in a circle: %s"), path);
	free(path);
}

/* Depth-first over nested scales without recursion (a file may nest
 * deeply); fills out[] with scales in post-order, nested before parent. */
static void
survey_scale_postorder(Loader *L, int *out)
{
	Survey *s = L->s;
	int n = s->n_scales, k = 0, top = -1;
	int *stack = xcalloc((size_t)n, sizeof *stack), *next = xcalloc((size_t)n, sizeof *next);

	for (int r = 0; r < n; r++) {
		if (L->drafts[r].state != 0)
			continue;
		stack[++top] = r;
		L->drafts[r].state = 1;
		while (top >= 0) {
			int v = stack[top];
			if (next[v] < s->scales[v].n_items) {
				ScaleItem it = s->scales[v].items[next[v]++];
				int w = it.index, from = top;
				if (!it.is_scale || L->drafts[w].state == 2)
					continue;
				if (L->drafts[w].state == 0) {
					stack[++top] = w;
					L->drafts[w].state = 1;
					continue;
				}
				while (stack[from] != w)
					from--;
				survey_report_cycle(L, stack, from, top, w);
				continue;
			}
			L->drafts[v].state = 2;
			out[k++] = v;
			top--;
		}
	}
	free(stack);
	free(next);
}

/* Puts nested scales before their parents, as survey.h promises. */
static void
survey_order_scales(Loader *L)
{
	Survey *s = L->s;
	int n = s->n_scales;
	int *out = xcalloc((size_t)n, sizeof *out), *where = xcalloc((size_t)n, sizeof *where);
	SurveyScale *scales = xcalloc((size_t)n, sizeof *scales);
	ScaleDraft *drafts = xcalloc((size_t)n, sizeof *drafts);

	survey_scale_postorder(L, out);
	for (int j = 0; j < n; j++) {
		scales[j] = s->scales[out[j]];
		drafts[j] = L->drafts[out[j]];
		where[out[j]] = j;
	}
	for (int j = 0; j < n; j++)
		for (int i = 0; i < scales[j].n_items; i++)
			if (scales[j].items[i].is_scale)
				scales[j].items[i].index = where[scales[j].items[i].index];
	free(s->scales);
	free(L->drafts);
	s->scales = scales;
	L->drafts = drafts;
	free(out);
	free(where);
}

static void
survey_parse_scales(Loader *L, yaml_node_t *node)
{
	YamlDoc *yd = &L->yd;
	Survey *s = L->s;
	int n;

	if (!yamldoc_get_sequence(yd, node, NULL, "scales") ||
	    yamldoc_too_long(yd, node, NULL, "scales", SURVEY_MAX_ENTRIES))
		return;
	n = yamldoc_length(node);
	s->scales = xcalloc((size_t)n, sizeof *s->scales);
	L->drafts = xcalloc((size_t)n, sizeof *L->drafts);
	for (int i = 0; i < n; i++) {
		SurveyScale *sc = &s->scales[i];
		survey_parse_scale(L, yamldoc_item(yd, node, i), i, sc, &L->drafts[i]);
		s->n_scales = i + 1;
		for (int j = 0; sc->id && j < i; j++)
			if (s->scales[j].id && strcmp(s->scales[j].id, sc->id) == 0) {
				yamldoc_error(
				    yd, yamldoc_item(yd, node, i), NULL,
				    _("the scale id «%s» is used twice (also at line %d)"), sc->id,
				    s->scales[j].pos.line);
				L->drafts[i].bad = true;
				break;
			}
	}
	for (int i = 0; i < n; i++)
		if (L->drafts[i].items != NULL)
			survey_resolve_items(L, i);
	survey_order_scales(L);
}

/* ---- Level bands ---------------------------------------------------- */

static const SurveyLevel *sort_levels; /* qsort has no context argument */

static int
survey_cmp_level(const void *a, const void *b)
{
	const SurveyLevel *x = &sort_levels[*(const int *)a], *y = &sort_levels[*(const int *)b];

	return (x->min > y->min) - (x->min < y->min);
}

/* True when v is a whole number of steps of the scale's precision. */
static bool
survey_on_grid(double v, int precision)
{
	double scaled = v * pow(10, precision);

	return fabs(scaled - round(scaled)) < 1e-6;
}

static bool
survey_check_level_values(Loader *L, const SurveyScale *sc, const char *context)
{
	bool ok = true;

	for (int i = 0; i < sc->n_levels; i++) {
		const SurveyLevel *lv = &sc->levels[i];
		if (lv->min > lv->max) {
			yamldoc_error_pos(&L->yd, lv->pos, context,
			                  _("level %s: min %g is greater than max %g"),
			                  lv->id ? lv->id : "?", lv->min, lv->max);
			ok = false;
		}
		if (!survey_on_grid(lv->min, sc->precision) ||
		    !survey_on_grid(lv->max, sc->precision)) {
			yamldoc_error_pos(&L->yd, lv->pos, context,
			                  _("level %s: min and max must have at most %d decimals, "
			                    "the scale's precision"),
			                  lv->id ? lv->id : "?", sc->precision);
			ok = false;
		}
	}
	return ok;
}

static void
survey_check_band_pair(Loader *L, const SurveyScale *sc, const char *context, const SurveyLevel *a,
                       const SurveyLevel *b)
{
	int p = sc->precision;
	double step = pow(10, -p), diff = b->min - (a->max + step);

	if (diff > step / 2)
		yamldoc_error_pos(&L->yd, b->pos, context,
		                  _("no level covers the values from %.*f to %.*f (between levels "
		                    "%s and %s)"),
		                  p, a->max + step, p, b->min - step, a->id ? a->id : "?",
		                  b->id ? b->id : "?");
	else if (diff < -step / 2)
		yamldoc_error_pos(
		    &L->yd, b->pos, context,
		    _("levels %s and %s overlap: the values from %.*f to %.*f fall in "
		      "both"),
		    a->id ? a->id : "?", b->id ? b->id : "?", p, b->min, p, fmin(a->max, b->max));
}

/* Every value the scale can take at its precision must fall in exactly
 * one band: sorted bands touch without gap or overlap and cover the range. */
static void
survey_check_levels(Loader *L, int s, double lo, double hi)
{
	const SurveyScale *sc = &L->s->scales[s];
	char *context = xasprintf(_("scale %s"), sc->id ? sc->id : "?");
	int *idx = xcalloc((size_t)sc->n_levels, sizeof *idx), n = sc->n_levels, p = sc->precision;
	double eps = pow(10, -p) / 2;

	if (n == 0 || L->drafts[s].levels_bad || !survey_check_level_values(L, sc, context))
		goto out;
	for (int i = 0; i < n; i++)
		idx[i] = i;
	sort_levels = sc->levels;
	qsort(idx, (size_t)n, sizeof *idx, survey_cmp_level);
	for (int i = 1; i < n; i++)
		survey_check_band_pair(L, sc, context, &sc->levels[idx[i - 1]],
		                       &sc->levels[idx[i]]);
	if (sc->levels[idx[0]].min > lo + eps)
		yamldoc_error_pos(&L->yd, sc->levels[idx[0]].pos, context,
		                  _("the scale can be as low as %.*f, but the lowest level starts "
		                    "at %.*f"),
		                  p, lo, p, sc->levels[idx[0]].min);
	if (sc->levels[idx[n - 1]].max < hi - eps)
		yamldoc_error_pos(&L->yd, sc->levels[idx[n - 1]].pos, context,
		                  _("the scale can be as high as %.*f, but the highest level ends "
		                    "at %.*f"),
		                  p, hi, p, sc->levels[idx[n - 1]].max);
out:
	free(idx);
	free(context);
}

/* percent_of_max divides by the items' best scores: each must be above 0. */
static void
survey_check_percent(Loader *L, int s, const double *hi)
{
	const SurveyScale *sc = &L->s->scales[s];

	for (int i = 0; sc->method == SCALE_PERCENT_OF_MAX && i < sc->n_items; i++) {
		ScaleItem it = sc->items[i];
		double best = it.is_scale ? hi[it.index]
		                          : survey_question_max_score(&L->s->questions[it.index]);
		if (best <= 0) {
			yamldoc_error_pos(
			    &L->yd, sc->pos, NULL,
			    _("scale %s: with percent_of_max every item must be able to "
			      "score above 0, but %s cannot"),
			    sc->id ? sc->id : "?",
			    it.is_scale ? L->s->scales[it.index].id : L->s->questions[it.index].id);
			L->drafts[s].bad = true;
		}
	}
}

/* Checks each sound scale (and sound nested scales) against its range. */
static void
survey_check_scales(Loader *L)
{
	Survey *s = L->s;
	int n = s->n_scales;
	double *lo, *hi;

	if (n == 0)
		return;
	lo = xcalloc((size_t)n, sizeof *lo);
	hi = xcalloc((size_t)n, sizeof *hi);
	survey_ranges(s, n - 1, lo, hi);
	for (int i = 0; i < n; i++) {
		SurveyScale *sc = &s->scales[i];
		for (int j = 0; j < sc->n_items; j++)
			if (sc->items[j].is_scale && L->drafts[sc->items[j].index].bad)
				L->drafts[i].bad = true;
		if (sc->min_answered > sc->n_items && !L->drafts[i].bad)
			yamldoc_error_pos(
			    &L->yd, sc->pos, NULL,
			    _("scale %s: min_answered is %d, but the scale has only %d "
			      "items"),
			    sc->id ? sc->id : "?", sc->min_answered, sc->n_items);
		if (!L->drafts[i].bad)
			survey_check_percent(L, i, hi);
		if (!L->drafts[i].bad)
			survey_check_levels(L, i, lo[i], hi[i]);
	}
	free(lo);
	free(hi);
}

/* ---- Alerts --------------------------------------------------------- */

/* True when some answer to q scores inside the alert's bounds: one option
 * for a single choice; for a multi question, any score between its lowest
 * and highest sum counts (a cheap, generous check). */
static bool
survey_alert_reachable(const SurveyQuestion *q, const SurveyAlert *a)
{
	double lo, hi;

	if (a->min_score > a->max_score)
		return false;
	if (q->type == QUESTION_MULTI) {
		survey_question_bounds(q, &lo, &hi);
		return hi >= a->min_score && lo <= a->max_score;
	}
	for (int i = 0; i < q->n_options; i++)
		if (q->options[i].score >= a->min_score && q->options[i].score <= a->max_score)
			return true;
	return false;
}

static void
survey_parse_alert(Loader *L, yaml_node_t *node, int index, SurveyAlert *a)
{
	YamlField f[] = {
		{ "question", true, NULL },
		{ "min_score", false, NULL },
		{ "message", true, NULL },
		{ "max_score", false, NULL },
	};
	YamlDoc *yd = &L->yd;
	char *context = xasprintf(_("alert %d"), index + 1);
	const char *name;

	a->pos = yamldoc_pos(node);
	a->question = -1;
	a->min_score = -INFINITY;
	a->max_score = INFINITY;
	if (!yamldoc_fields(yd, node, context, f, 4))
		goto out;
	if (f[1].value == NULL && f[3].value == NULL)
		yamldoc_error(yd, node, context,
		              _("an alert needs min_score, max_score or both: the answers whose "
		                "score raises it"));
	name = yamldoc_scalar(f[0].value);
	if (f[0].value) {
		a->question = survey_find_question(L->s, name);
		if (a->question < 0)
			yamldoc_error(yd, f[0].value, context, _("unknown question «%s»"),
			              name ? name : "?");
		else if (!survey_is_scored(L->s->questions[a->question].type))
			yamldoc_error(
			    yd, f[0].value, context,
			    _("question %s is of type %s and has no score to raise an alert"), name,
			    question_type_names[L->s->questions[a->question].type]);
	}
	if (f[1].value)
		yamldoc_get_number(yd, f[1].value, context, "min_score", &a->min_score);
	if (f[3].value)
		yamldoc_get_number(yd, f[3].value, context, "max_score", &a->max_score);
	if (f[2].value)
		yamldoc_get_string(yd, f[2].value, context, "message", &a->message);
	if (a->question >= 0 && survey_is_scored(L->s->questions[a->question].type) &&
	    !survey_alert_reachable(&L->s->questions[a->question], a))
		yamldoc_error(yd, node, context,
		              _("no answer to question %s has a score between min_score and "
		                "max_score: the alert could never be raised"),
		              name);
out:
	if (a->message == NULL)
		a->message = xstrdup("");
	free(context);
}

static void
survey_parse_alerts(Loader *L, yaml_node_t *node)
{
	int n;

	if (!yamldoc_get_sequence(&L->yd, node, NULL, "alerts") ||
	    yamldoc_too_long(&L->yd, node, NULL, "alerts", SURVEY_MAX_ENTRIES))
		return;
	n = yamldoc_length(node);
	L->s->alerts = xcalloc((size_t)n, sizeof *L->s->alerts);
	for (int i = 0; i < n; i++) {
		survey_parse_alert(L, yamldoc_item(&L->yd, node, i), i, &L->s->alerts[i]);
		L->s->n_alerts = i + 1;
	}
}

/* ---- Examples ------------------------------------------------------- */

static void
survey_parse_example_answers(Loader *L, yaml_node_t *node, const char *context, SurveyExample *ex)
{
	YamlDoc *yd = &L->yd;
	int n = yamldoc_length(node);

	if (node->type != YAML_MAPPING_NODE) {
		yamldoc_error(yd, node, context,
		              _("the field «answers» must map questions to answers, like {q1: 2}"));
		return;
	}
	if (yamldoc_too_long(yd, node, context, "answers", SURVEY_MAX_ENTRIES))
		return;
	ex->answers = xcalloc((size_t)n, sizeof *ex->answers);
	for (int i = 0; i < n; i++) {
		yaml_node_t *key = yamldoc_key(yd, node, i), *value = yamldoc_value(yd, node, i);
		const char *name = yamldoc_scalar(key), *text = yamldoc_scalar(value);
		int q = survey_find_question(L->s, name);
		char *problem;

		if (q < 0) {
			yamldoc_error(yd, key, context, _("unknown question «%s»"),
			              name ? name : "?");
			continue;
		}
		for (int j = 0; j < ex->n_answers; j++)
			if (ex->answers[j].question == q)
				yamldoc_error(yd, key, context, _("question %s is answered twice"),
				              name);
		if (text == NULL) {
			yamldoc_error(yd, value, context,
			              _("the answer to question %s must be a "
			                "plain value, like 2 or \"1|3\""),
			              name);
			continue;
		}
		problem = answer_problem(&L->s->questions[q], text);
		if (problem != NULL)
			yamldoc_error(yd, value, context, "%s", problem);
		free(problem);
		ex->answers[ex->n_answers].question = q;
		ex->answers[ex->n_answers++].value = xstrdup(text);
	}
}

static void
survey_parse_expect_one(Loader *L, yaml_node_t *node, const char *context, int scale,
                        ExampleExpect *e)
{
	YamlField f[] = {
		{ "value", true, NULL },
		{ "level", false, NULL },
	};
	YamlDoc *yd = &L->yd;
	const SurveyScale *sc = &L->s->scales[scale];
	const char *text;

	e->scale = scale;
	if (!yamldoc_fields(yd, node, context, f, 2))
		return;
	text = yamldoc_scalar(f[0].value);
	if (text != NULL && strcmp(text, "none") == 0)
		e->has_value = false;
	else if (f[0].value)
		e->has_value = yamldoc_get_number(yd, f[0].value, context, "value", &e->value);
	if (f[1].value && yamldoc_get_string(yd, f[1].value, context, "level", &e->level) &&
	    survey_find_level(sc, e->level) < 0)
		yamldoc_error(yd, f[1].value, context, _("scale %s has no level «%s»"), sc->id,
		              e->level);
}

static void
survey_parse_example_expect(Loader *L, yaml_node_t *node, const char *context, SurveyExample *ex)
{
	YamlDoc *yd = &L->yd;
	int n = yamldoc_length(node);

	if (node->type != YAML_MAPPING_NODE) {
		yamldoc_error(yd, node, context,
		              _("the field «expect» must map scales to results, like "
		                "{day: {value: 8, level: good}}"));
		return;
	}
	if (yamldoc_too_long(yd, node, context, "expect", SURVEY_MAX_ENTRIES))
		return;
	ex->expect = xcalloc((size_t)n, sizeof *ex->expect);
	for (int i = 0; i < n; i++) {
		yaml_node_t *key = yamldoc_key(yd, node, i);
		const char *name = yamldoc_scalar(key);
		int s = survey_find_scale(L->s, name);

		if (s < 0) {
			yamldoc_error(yd, key, context, _("unknown scale «%s»"), name ? name : "?");
			continue;
		}
		for (int j = 0; j < ex->n_expect; j++)
			if (ex->expect[j].scale == s)
				yamldoc_error(yd, key, context, _("scale %s is expected twice"),
				              name);
		survey_parse_expect_one(L, yamldoc_value(yd, node, i), context, s,
		                        &ex->expect[ex->n_expect++]);
	}
}

static void
survey_parse_example(Loader *L, yaml_node_t *node, int index, SurveyExample *ex)
{
	YamlField f[] = {
		{ "name", true, NULL },
		{ "answers", true, NULL },
		{ "expect", true, NULL },
	};
	YamlDoc *yd = &L->yd;
	char *context;

	ex->pos = yamldoc_pos(node);
	context = xasprintf(_("example %d"), index + 1);
	if (!yamldoc_fields(yd, node, context, f, 3))
		goto out;
	if (f[0].value && yamldoc_get_string(yd, f[0].value, context, "name", &ex->name)) {
		free(context);
		context = xasprintf(_("example «%s»"), ex->name);
	}
	if (f[1].value)
		survey_parse_example_answers(L, f[1].value, context, ex);
	if (f[2].value)
		survey_parse_example_expect(L, f[2].value, context, ex);
out:
	if (ex->name == NULL)
		ex->name = xasprintf("%d", index + 1);
	free(context);
}

static void
survey_parse_examples(Loader *L, yaml_node_t *node)
{
	int n;

	if (!yamldoc_get_sequence(&L->yd, node, NULL, "examples") ||
	    yamldoc_too_long(&L->yd, node, NULL, "examples", SURVEY_MAX_ENTRIES))
		return;
	n = yamldoc_length(node);
	L->s->examples = xcalloc((size_t)n, sizeof *L->s->examples);
	for (int i = 0; i < n; i++) {
		survey_parse_example(L, yamldoc_item(&L->yd, node, i), i, &L->s->examples[i]);
		L->s->n_examples = i + 1;
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
	};

	yamldoc_fields(&L->yd, yamldoc_root(&L->yd), NULL, f, 14);
	survey_parse_head(L, f);
	if (f[9].value)
		survey_parse_option_sets(L, f[9].value);
	if (f[10].value)
		survey_parse_questions(L, f[10].value);
	if (f[11].value)
		survey_parse_scales(L, f[11].value);
	survey_check_scales(L);
	if (f[12].value)
		survey_parse_alerts(L, f[12].value);
	if (f[13].value)
		survey_parse_examples(L, f[13].value);
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

/* ---- Sets of surveys ------------------------------------------------ */

void
survey_set_add(SurveySet *set, Survey *survey)
{
	set->items = xreallocarray(set->items, (size_t)set->n + 1, sizeof *set->items);
	set->items[set->n++] = survey;
}

const Survey *
survey_set_find(const SurveySet *set, const char *id)
{
	for (int i = 0; id != NULL && i < set->n; i++)
		if (strcmp(set->items[i]->id, id) == 0)
			return set->items[i];
	return NULL;
}

void
survey_set_free(SurveySet *set)
{
	for (int i = 0; i < set->n; i++)
		survey_free(set->items[i]);
	free(set->items);
	set->items = NULL;
	set->n = 0;
}

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
