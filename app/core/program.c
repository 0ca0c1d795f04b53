/*
 * program.c: loading a programme file (DESIGN.md section 3, "Programme
 * files") and checking its indicators against the surveys they name.
 */
#include "program.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "yamldoc.h"

/* Far above any real programme; keeps the duplicate checks fast. */
#define PROGRAM_MAX_ENTRIES 1000

#define PROGRAM_ID_CHARS "abcdefghijklmnopqrstuvwxyz0123456789_-"

static const char *const kind_names[] = {
	[INDICATOR_SHARE] = "share",
	[INDICATOR_REDUCTION] = "reduction",
	[INDICATOR_PARTICIPATION] = "participation",
	[INDICATOR_COUNT] = "count",
	[INDICATOR_ENTERED_SHARE] = "entered_share",
	[INDICATOR_YESNO] = "yesno",
};

#define PROGRAM_N_KINDS ((int)(sizeof kind_names / sizeof kind_names[0]))

bool
program_kind_entered(IndicatorKind kind)
{
	return kind == INDICATOR_COUNT || kind == INDICATOR_ENTERED_SHARE ||
	       kind == INDICATOR_YESNO;
}

bool
program_kind_share(IndicatorKind kind)
{
	return kind == INDICATOR_SHARE || kind == INDICATOR_PARTICIPATION ||
	       kind == INDICATOR_ENTERED_SHARE;
}

const char *
program_kind_name(IndicatorKind kind)
{
	return (int)kind >= 0 && (int)kind < PROGRAM_N_KINDS ? kind_names[kind] : "?";
}

/* The indicator's fields, in the order of the YamlField table below. */
enum {
	F_ID,
	F_TITLE,
	F_KIND,
	F_SURVEY,
	F_SCALE,
	F_LEVELS,
	F_BASELINE,
	F_EXPECTED,
	F_TARGETS,
	F_DEFINITION,
	F_MIN_CHANGE,
	F_MIN_N,
	F_COUNT
};

static void
program_indicator_free(Indicator *ind)
{
	free(ind->id);
	free(ind->title);
	free(ind->definition);
	for (int i = 0; i < ind->n_surveys; i++)
		free(ind->surveys[i]);
	free(ind->surveys);
	free(ind->survey_pos);
	free(ind->scale);
	for (int i = 0; i < ind->n_levels; i++)
		free(ind->levels[i]);
	free(ind->levels);
	free(ind->expected);
	free(ind->targets);
}

void
program_free(Program *program)
{
	if (program == NULL)
		return;
	free(program->path);
	free(program->id);
	free(program->title);
	for (int i = 0; i < program->n_waves; i++) {
		free(program->waves[i].id);
		free(program->waves[i].title);
	}
	free(program->waves);
	for (int i = 0; i < program->n_indicators; i++)
		program_indicator_free(&program->indicators[i]);
	free(program->indicators);
	free(program);
}

int
program_find_wave(const Program *program, const char *wave)
{
	for (int i = 0; wave != NULL && i < program->n_waves; i++)
		if (strcmp(program->waves[i].id, wave) == 0)
			return i;
	return -1;
}

const Indicator *
program_find_indicator(const Program *program, const char *id)
{
	for (int i = 0; id != NULL && i < program->n_indicators; i++)
		if (strcmp(program->indicators[i].id, id) == 0)
			return &program->indicators[i];
	return NULL;
}

ProgramWave *
program_waves_union(Program *const *programs, int n_programs, int *n)
{
	ProgramWave *all = NULL;

	*n = 0;
	for (int p = 0; p < n_programs; p++)
		for (int w = 0; w < programs[p]->n_waves; w++) {
			const ProgramWave *wave = &programs[p]->waves[w];
			bool seen = false;
			for (int i = 0; i < *n && !seen; i++)
				seen = strcmp(all[i].id, wave->id) == 0;
			if (seen)
				continue;
			all = xreallocarray(all, (size_t)*n + 1, sizeof *all);
			all[(*n)++] = *wave;
		}
	return all;
}

const char *
program_wave_title(Program *const *programs, int n_programs, const char *wave)
{
	for (int p = 0; p < n_programs; p++) {
		int w = program_find_wave(programs[p], wave);
		if (w >= 0)
			return programs[p]->waves[w].title;
	}
	return wave;
}

/* One entry of `waves:`: an id alone, or a mapping {id, title}. */
static bool
program_parse_wave(YamlDoc *yd, yaml_node_t *item, ProgramWave *wave)
{
	YamlField f[] = {
		{ "id", true, NULL },
		{ "title", true, NULL },
	};

	wave->id = wave->title = NULL;
	if (item->type != YAML_MAPPING_NODE) {
		if (!yamldoc_get_string(yd, item, NULL, "waves", &wave->id))
			return false;
		wave->title = xstrdup(wave->id);
		return true;
	}
	if (!yamldoc_fields(yd, item, NULL, f, 2) || f[0].value == NULL || f[1].value == NULL ||
	    !yamldoc_get_string(yd, f[0].value, NULL, "id", &wave->id))
		return false;
	if (!yamldoc_get_string(yd, f[1].value, NULL, "title", &wave->title)) {
		free(wave->id);
		return false;
	}
	return true;
}

static void
program_parse_waves(YamlDoc *yd, yaml_node_t *node, Program *p)
{
	int n;

	if (!yamldoc_get_sequence(yd, node, NULL, "waves") ||
	    yamldoc_too_long(yd, node, NULL, "waves", PROGRAM_MAX_ENTRIES))
		return;
	n = yamldoc_length(node);
	if (n == 0)
		yamldoc_error(yd, node, NULL, _("the field «waves» is empty"));
	p->waves = xcalloc((size_t)n, sizeof *p->waves);
	for (int i = 0; i < n; i++) {
		yaml_node_t *item = yamldoc_item(yd, node, i);
		ProgramWave wave;

		if (!program_parse_wave(yd, item, &wave))
			continue;
		if (program_find_wave(p, wave.id) >= 0) {
			yamldoc_error(yd, item, NULL, _("the wave «%s» is listed twice"), wave.id);
			free(wave.id);
			free(wave.title);
			continue;
		}
		p->waves[p->n_waves++] = wave;
	}
}

/* The wave named by node, or -1 (reported). */
static int
program_wave_ref(YamlDoc *yd, const Program *p, yaml_node_t *node, const char *context)
{
	const char *name = yamldoc_scalar(node);
	int w = program_find_wave(p, name);

	if (w < 0)
		yamldoc_error(yd, node, context,
		              _("unknown wave «%s»; the programme's waves are "
		                "listed in «waves»"),
		              name ? name : "?");
	return w;
}

/* A yes/no target's word: 1 for да / yes, 0 for нет / no, -1 otherwise. */
static int
program_yesno_word(const char *word)
{
	if (word == NULL)
		return -1;
	if (strcmp(word, "да") == 0 || strcmp(word, "yes") == 0)
		return 1;
	if (strcmp(word, "нет") == 0 || strcmp(word, "no") == 0)
		return 0;
	return -1;
}

/* A count's target: a whole number, or "+N" (the baseline's count plus N). */
static bool
program_count_target(YamlDoc *yd, yaml_node_t *value, const char *context, IndicatorTarget *t)
{
	const char *text = yamldoc_scalar(value);
	bool plus = text != NULL && text[0] == '+';

	t->form = plus ? TARGET_PLUS : TARGET_COUNT;
	if (text != NULL && yamldoc_parse_number(text + plus, &t->value) && t->value >= 0 &&
	    t->value <= 100000 && t->value == (double)(long)t->value && text[plus] != '+' &&
	    text[plus] != '-')
		return true;
	yamldoc_error(yd, value, context,
	              _("a count's target is a whole number (7), or \"+N\" for the baseline's "
	                "planned number plus N (\"+2\"), not «%s»"),
	              text ? text : "?");
	return false;
}

/* One target's value, as the indicator's kind reads it; false (reported)
 * when it is no target of that kind. */
static bool
program_target_value(YamlDoc *yd, yaml_node_t *value, const char *context, const Indicator *ind,
                     IndicatorTarget *t)
{
	const char *text = yamldoc_scalar(value);

	if (ind->kind == INDICATOR_COUNT)
		return program_count_target(yd, value, context, t);
	if (ind->kind == INDICATOR_YESNO) {
		t->form = TARGET_YESNO;
		t->value = program_yesno_word(text);
		if (t->value < 0)
			yamldoc_error(yd, value, context,
			              _("a yes/no indicator's target is да or нет, not «%s»"),
			              text ? text : "?");
		return t->value >= 0;
	}
	t->form = TARGET_PERCENT;
	if (text != NULL && text[0] == '+') {
		yamldoc_error(yd, value, context,
		              _("«%s» is a count's target (the planned number plus N); the "
		                "target of an indicator of kind %s is a percent"),
		              text, kind_names[ind->kind]);
		return false;
	}
	if (!yamldoc_get_number(yd, value, context, "targets", &t->value))
		return false;
	if (t->value < 0 || t->value > 100) {
		yamldoc_error(yd, value, context, _("a target is a percent from 0 to 100, not %g"),
		              t->value);
		return false;
	}
	return true;
}

static void
program_parse_targets(YamlDoc *yd, const Program *p, yaml_node_t *node, const char *context,
                      Indicator *ind)
{
	int n = yamldoc_length(node);

	if (node->type != YAML_MAPPING_NODE) {
		yamldoc_error(yd, node, context,
		              _("the field «targets» must map waves to percents, like "
		                "{start: 50, final: 70}"));
		return;
	}
	if (yamldoc_too_long(yd, node, context, "targets", PROGRAM_MAX_ENTRIES))
		return;
	ind->targets = xcalloc((size_t)n, sizeof *ind->targets);
	for (int i = 0; i < n; i++) {
		yaml_node_t *key = yamldoc_key(yd, node, i), *value = yamldoc_value(yd, node, i);
		IndicatorTarget t;

		t.wave = program_wave_ref(yd, p, key, context);
		if (t.wave < 0 || !program_target_value(yd, value, context, ind, &t))
			continue;
		for (int j = 0; j < ind->n_targets; j++)
			if (ind->targets[j].wave == t.wave)
				yamldoc_error(yd, key, context,
				              _("the target for wave «%s» is given twice"),
				              p->waves[t.wave].id);
		if (t.wave == 0)
			yamldoc_error(yd, key, context,
			              _("the first wave «%s» is the baseline and has no target; "
			                "targets belong to the monitoring stages after it"),
			              p->waves[0].id);
		else if (ind->kind == INDICATOR_REDUCTION && t.wave == ind->baseline)
			yamldoc_error(yd, key, context,
			              _("a reduction has no target for its own baseline wave"));
		ind->targets[ind->n_targets++] = t;
	}
}

/* Adds one survey id named at node; problems with it are reported at pos. */
static void
program_add_survey(YamlDoc *yd, yaml_node_t *node, const char *context, SourcePos pos,
                   Indicator *ind)
{
	char *id;

	if (!yamldoc_get_string(yd, node, context, "survey", &id))
		return;
	for (int i = 0; i < ind->n_surveys; i++)
		if (strcmp(ind->surveys[i], id) == 0) {
			yamldoc_error(yd, node, context, _("the survey «%s» is listed twice"), id);
			free(id);
			return;
		}
	ind->surveys[ind->n_surveys] = id;
	ind->survey_pos[ind->n_surveys++] = pos;
}

/*
 * `survey:` is one survey id or a list of them. Problems with a single id
 * are reported at the indicator (as they always were); with a list, at the
 * list item, so the position says which survey lacks a scale or a level.
 */
static void
program_parse_surveys(YamlDoc *yd, yaml_node_t *node, const char *context, SourcePos ind_pos,
                      Indicator *ind)
{
	int n;

	if (node->type != YAML_SEQUENCE_NODE) {
		ind->surveys = xcalloc(1, sizeof *ind->surveys);
		ind->survey_pos = xcalloc(1, sizeof *ind->survey_pos);
		if (node->type == YAML_MAPPING_NODE)
			yamldoc_error(yd, node, context,
			              _("the field «survey» must be a survey id or a list of "
			                "them, like [school_attitude_primary, "
			                "school_attitude_senior]"));
		else
			program_add_survey(yd, node, context, ind_pos, ind);
		return;
	}
	if (yamldoc_too_long(yd, node, context, "survey", PROGRAM_MAX_ENTRIES))
		return;
	n = yamldoc_length(node);
	if (n == 0)
		yamldoc_error(yd, node, context, _("the field «survey» is an empty list"));
	ind->surveys = xcalloc((size_t)n + 1, sizeof *ind->surveys);
	ind->survey_pos = xcalloc((size_t)n + 1, sizeof *ind->survey_pos);
	for (int i = 0; i < n; i++) {
		yaml_node_t *item = yamldoc_item(yd, node, i);
		program_add_survey(yd, item, context, yamldoc_pos(item), ind);
	}
}

static void
program_parse_levels(YamlDoc *yd, yaml_node_t *node, const char *context, Indicator *ind)
{
	int n;

	if (!yamldoc_get_sequence(yd, node, context, "levels") ||
	    yamldoc_too_long(yd, node, context, "levels", PROGRAM_MAX_ENTRIES))
		return;
	n = yamldoc_length(node);
	if (n == 0)
		yamldoc_error(yd, node, context, _("the field «levels» is empty"));
	ind->levels = xcalloc((size_t)n, sizeof *ind->levels);
	for (int i = 0; i < n; i++)
		if (yamldoc_get_string(yd, yamldoc_item(yd, node, i), context, "levels",
		                       &ind->levels[ind->n_levels]))
			ind->n_levels++;
}

/* An entered indicator's values come from the psychologist: no survey,
 * scale or levels. */
static void
program_check_entered_fields(YamlDoc *yd, const char *context, const YamlField *f,
                             IndicatorKind kind)
{
	static const int scored[] = { F_SURVEY, F_SCALE, F_LEVELS };

	for (int i = 0; i < 3; i++)
		if (f[scored[i]].value != NULL)
			yamldoc_error(
			    yd, f[scored[i]].value, context,
			    _("an indicator of kind %s is entered by the psychologist and "
			      "has no «%s»"),
			    kind_names[kind], f[scored[i]].name);
}

/* Which fields each kind needs and which it must not have. */
static void
program_check_kind_fields(YamlDoc *yd, yaml_node_t *node, const char *context, const YamlField *f,
                          IndicatorKind kind)
{
	static const int scored[] = { F_SCALE, F_LEVELS };
	bool participation = kind == INDICATOR_PARTICIPATION, entered = program_kind_entered(kind);

	if (entered)
		program_check_entered_fields(yd, context, f, kind);
	else if (f[F_SURVEY].value == NULL)
		yamldoc_error(yd, node, context,
		              _("the field «survey» is missing (a %s indicator needs it)"),
		              kind_names[kind]);
	for (int i = 0; i < 2 && !entered; i++) {
		if (!participation && f[scored[i]].value == NULL)
			yamldoc_error(yd, node, context,
			              _("the field «%s» is missing (a %s indicator needs it)"),
			              f[scored[i]].name, kind_names[kind]);
		if (participation && f[scored[i]].value != NULL)
			yamldoc_error(
			    yd, f[scored[i]].value, context,
			    _("a participation indicator counts respondents and has no «%s»"),
			    f[scored[i]].name);
	}
	if (kind == INDICATOR_REDUCTION && f[F_BASELINE].value == NULL)
		yamldoc_error(
		    yd, node, context,
		    _("the field «baseline» is missing (a reduction indicator needs it)"));
	if (kind != INDICATOR_REDUCTION && f[F_BASELINE].value != NULL)
		yamldoc_error(yd, f[F_BASELINE].value, context,
		              _("the field «baseline» is only for reduction indicators"));
	if (participation && f[F_EXPECTED].value == NULL)
		yamldoc_error(yd, node, context,
		              _("the field «expected» is missing (a participation indicator needs "
		                "it)"));
	if (!participation && kind != INDICATOR_ENTERED_SHARE && f[F_EXPECTED].value != NULL)
		yamldoc_error(yd, f[F_EXPECTED].value, context,
		              _("the field «expected» is only for participation and entered share "
		                "indicators"));
}

/* `min_change`: percentage points above 0 and up to 100, on a kind whose
 * figure is a share. */
static void
program_parse_min_change(YamlDoc *yd, yaml_node_t *node, const char *context, Indicator *ind)
{
	if (!program_kind_share(ind->kind)) {
		yamldoc_error(
		    yd, node, context,
		    _("«min_change» is the least rise of a share, in percentage points; an "
		      "indicator of kind %s has no such change"),
		    kind_names[ind->kind]);
		return;
	}
	if (!yamldoc_get_number(yd, node, context, "min_change", &ind->min_change))
		return;
	if (ind->min_change <= 0 || ind->min_change > 100) {
		yamldoc_error(yd, node, context,
		              _("«min_change» is in percentage points, above 0 and up to 100, not "
		                "%g"),
		              ind->min_change);
		return;
	}
	ind->has_min_change = true;
}

/* An indicator's own `min_n`, for a share or a reduction. */
static void
program_parse_min_n(YamlDoc *yd, yaml_node_t *node, const char *context, Indicator *ind)
{
	if (ind->kind != INDICATOR_SHARE && ind->kind != INDICATOR_REDUCTION) {
		yamldoc_error(yd, node, context,
		              _("«min_n» is the fewest respondents of a questionnaire whose share "
		                "means something; an indicator of kind %s does not count "
		                "respondents"),
		              kind_names[ind->kind]);
		return;
	}
	yamldoc_get_int(yd, node, context, "min_n", 1, 10000, &ind->min_n);
}

/* What an indicator counts: its surveys, scale, levels, baseline and the
 * people it expects, as far as its kind has them. */
static void
program_parse_refs(YamlDoc *yd, const Program *p, YamlField *f, const char *context, Indicator *ind)
{
	bool scored = ind->kind == INDICATOR_SHARE || ind->kind == INDICATOR_REDUCTION;
	bool expects = ind->kind == INDICATOR_PARTICIPATION || ind->kind == INDICATOR_ENTERED_SHARE;

	if (f[F_SURVEY].value && !program_kind_entered(ind->kind))
		program_parse_surveys(yd, f[F_SURVEY].value, context, ind->pos, ind);
	if (f[F_SCALE].value && scored)
		yamldoc_get_string(yd, f[F_SCALE].value, context, "scale", &ind->scale);
	if (f[F_LEVELS].value && scored)
		program_parse_levels(yd, f[F_LEVELS].value, context, ind);
	if (f[F_BASELINE].value && ind->kind == INDICATOR_REDUCTION)
		ind->baseline = program_wave_ref(yd, p, f[F_BASELINE].value, context);
	if (f[F_EXPECTED].value && expects &&
	    yamldoc_get_string(yd, f[F_EXPECTED].value, context, "expected", &ind->expected) &&
	    strcmp(ind->expected, "parents") != 0 && strcmp(ind->expected, "students") != 0)
		yamldoc_error(yd, f[F_EXPECTED].value, context,
		              _("unknown «expected» value «%s»; use parents or students"),
		              ind->expected);
}

static void
program_parse_fields(YamlDoc *yd, const Program *p, YamlField *f, const char *context,
                     Indicator *ind)
{
	if (f[F_TITLE].value)
		yamldoc_get_string(yd, f[F_TITLE].value, context, "title", &ind->title);
	if (f[F_DEFINITION].value)
		yamldoc_get_string(yd, f[F_DEFINITION].value, context, "definition",
		                   &ind->definition);
	program_parse_refs(yd, p, f, context, ind);
	if (f[F_TARGETS].value)
		program_parse_targets(yd, p, f[F_TARGETS].value, context, ind);
	if (f[F_MIN_CHANGE].value)
		program_parse_min_change(yd, f[F_MIN_CHANGE].value, context, ind);
	ind->min_n = 0;
	if (ind->kind == INDICATOR_SHARE || ind->kind == INDICATOR_REDUCTION)
		ind->min_n = p->min_n;
	if (f[F_MIN_N].value)
		program_parse_min_n(yd, f[F_MIN_N].value, context, ind);
}

/* The indicator kind named by node, or -1 (reported). */
static int
program_parse_kind(YamlDoc *yd, yaml_node_t *node, const char *context)
{
	const char *word = yamldoc_scalar(node);

	for (int k = 0; k < PROGRAM_N_KINDS; k++)
		if (word != NULL && strcmp(word, kind_names[k]) == 0)
			return k;
	yamldoc_error(yd, node, context,
	              _("unknown kind «%s»; use share, reduction or participation (computed "
	                "from questionnaires), count, entered_share or yesno (entered by the "
	                "psychologist)"),
	              word ? word : "?");
	return -1;
}

static void
program_parse_indicator(YamlDoc *yd, const Program *p, yaml_node_t *node, int index, Indicator *ind)
{
	YamlField f[F_COUNT] = {
		[F_ID] = { "id", true, NULL },
		[F_TITLE] = { "title", true, NULL },
		[F_KIND] = { "kind", true, NULL },
		[F_SURVEY] = { "survey", false, NULL },
		[F_SCALE] = { "scale", false, NULL },
		[F_LEVELS] = { "levels", false, NULL },
		[F_BASELINE] = { "baseline", false, NULL },
		[F_EXPECTED] = { "expected", false, NULL },
		[F_TARGETS] = { "targets", false, NULL },
		[F_DEFINITION] = { "definition", false, NULL },
		[F_MIN_CHANGE] = { "min_change", false, NULL },
		[F_MIN_N] = { "min_n", false, NULL },
	};
	const char *id = yamldoc_scalar(yamldoc_lookup(yd, node, "id"));
	char *context =
	    id ? xasprintf(_("indicator %s"), id) : xasprintf(_("indicator %d"), index + 1);
	int kind = -1;

	ind->pos = yamldoc_pos(node);
	ind->baseline = -1;
	if (!yamldoc_fields(yd, node, context, f, F_COUNT))
		goto out;
	if (f[F_ID].value)
		yamldoc_get_string(yd, f[F_ID].value, context, "id", &ind->id);
	if (f[F_KIND].value)
		kind = program_parse_kind(yd, f[F_KIND].value, context);
	ind->kind = kind < 0 ? INDICATOR_SHARE : (IndicatorKind)kind;
	if (kind >= 0)
		program_check_kind_fields(yd, node, context, f, ind->kind);
	program_parse_fields(yd, p, f, context, ind);
out:
	if (ind->id == NULL)
		ind->id = xasprintf("%d", index + 1);
	if (ind->title == NULL)
		ind->title = xstrdup("");
	free(context);
}

/* A participation indicator's survey must be for the people it expects. */
static void
program_check_audience(YamlDoc *yd, SourcePos pos, const char *context, const Indicator *ind,
                       const Survey *s)
{
	bool parents, students;
	unsigned who;

	if (ind->kind != INDICATOR_PARTICIPATION || ind->expected == NULL)
		return;
	parents = strcmp(ind->expected, "parents") == 0;
	students = strcmp(ind->expected, "students") == 0;
	who = parents ? AUDIENCE_PARENT : AUDIENCE_STUDENT;
	if ((parents || students) && (s->audience & who) == 0)
		yamldoc_error_pos(yd, pos, context,
		                  _("survey %s is not for %s, so it cannot count their "
		                    "participation"),
		                  s->id, ind->expected);
}

/* Checks one listed survey: it exists, and has the scale and its levels. */
static void
program_check_survey(YamlDoc *yd, const char *context, const Indicator *ind, int i,
                     const SurveySet *surveys)
{
	const Survey *s = survey_set_find(surveys, ind->surveys[i]);
	SourcePos pos = ind->survey_pos[i];
	int scale;

	if (s == NULL) {
		yamldoc_error_pos(yd, pos, context, _("unknown survey «%s»"), ind->surveys[i]);
		return;
	}
	program_check_audience(yd, pos, context, ind, s);
	if (ind->scale == NULL)
		return;
	scale = survey_find_scale(s, ind->scale);
	if (scale < 0) {
		yamldoc_error_pos(yd, pos, context, _("survey %s has no scale «%s»"), s->id,
		                  ind->scale);
		return;
	}
	for (int l = 0; l < ind->n_levels; l++)
		if (survey_find_level(&s->scales[scale], ind->levels[l]) < 0)
			yamldoc_error_pos(yd, pos, context,
			                  _("scale %s of survey %s has no level «%s»"), ind->scale,
			                  s->id, ind->levels[l]);
}

/* Checks every survey of an indicator: scale and levels must be in each. */
static void
program_check_refs(YamlDoc *yd, const Indicator *ind, const SurveySet *surveys)
{
	char *context = xasprintf(_("indicator %s"), ind->id);

	for (int i = 0; i < ind->n_surveys; i++)
		program_check_survey(yd, context, ind, i, surveys);
	free(context);
}

static void
program_parse_indicators(YamlDoc *yd, yaml_node_t *node, Program *p, const SurveySet *surveys)
{
	int n;

	if (!yamldoc_get_sequence(yd, node, NULL, "indicators") ||
	    yamldoc_too_long(yd, node, NULL, "indicators", PROGRAM_MAX_ENTRIES))
		return;
	n = yamldoc_length(node);
	p->indicators = xcalloc((size_t)n, sizeof *p->indicators);
	for (int i = 0; i < n; i++) {
		yaml_node_t *item = yamldoc_item(yd, node, i);
		Indicator *ind = &p->indicators[i];

		program_parse_indicator(yd, p, item, i, ind);
		p->n_indicators = i + 1;
		for (int j = 0; j < i; j++)
			if (strcmp(p->indicators[j].id, ind->id) == 0)
				yamldoc_error(
				    yd, item, NULL,
				    _("the indicator id «%s» is used twice (also at line %d)"),
				    ind->id, p->indicators[j].pos.line);
		if (surveys != NULL)
			program_check_refs(yd, ind, surveys);
	}
}

/* `classes:` flagged or all. */
static void
program_parse_classes(YamlDoc *yd, yaml_node_t *node, Program *p)
{
	const char *word = yamldoc_scalar(node);

	if (word != NULL && strcmp(word, "flagged") == 0)
		p->flagged_classes = true;
	else if (word == NULL || strcmp(word, "all") != 0)
		yamldoc_error(yd, node, NULL,
		              _("unknown «classes» value «%s»; use flagged (only the classes "
		                "flagged in the class list) or all"),
		              word ? word : "?");
}

static void
program_parse(YamlDoc *yd, Program *p, const SurveySet *surveys)
{
	YamlField f[] = {
		{ "id", true, NULL },         { "title", true, NULL },    { "waves", true, NULL },
		{ "indicators", true, NULL }, { "classes", false, NULL }, { "min_n", false, NULL },
	};

	yamldoc_fields(yd, yamldoc_root(yd), NULL, f, 6);
	if (f[4].value)
		program_parse_classes(yd, f[4].value, p);
	p->min_n = PROGRAM_MIN_N;
	if (f[5].value && !yamldoc_get_int(yd, f[5].value, NULL, "min_n", 1, 10000, &p->min_n))
		p->min_n = PROGRAM_MIN_N;
	if (f[0].value && yamldoc_get_string(yd, f[0].value, NULL, "id", &p->id) &&
	    !yamldoc_id_valid(p->id, PROGRAM_ID_CHARS))
		yamldoc_error(yd, f[0].value, NULL,
		              _("the programme id «%s» may hold only small Latin letters, digits, "
		                "«_» and «-»"),
		              p->id);
	if (f[1].value)
		yamldoc_get_string(yd, f[1].value, NULL, "title", &p->title);
	if (f[2].value)
		program_parse_waves(yd, f[2].value, p);
	if (f[3].value)
		program_parse_indicators(yd, f[3].value, p, surveys);
}

Program *
program_load(const char *path, const SurveySet *surveys, Diag *diag)
{
	Program *p = xcalloc(1, sizeof *p);
	YamlDoc yd;

	p->path = xstrdup(path);
	if (yamldoc_load(&yd, path, diag) == 0)
		program_parse(&yd, p, surveys);
	if (yd.problems > 0 || !yd.loaded) {
		program_free(p);
		p = NULL;
	}
	yamldoc_free(&yd);
	return p;
}

int
program_load_dir(const char *dir, const SurveySet *surveys, Program ***programs, int *n, Diag *diag)
{
	char **paths;
	int count = util_yaml_files(dir, &paths), failed = 0;

	*programs = NULL;
	*n = 0;
	for (int i = 0; i < count; i++) {
		Program *p = program_load(paths[i], surveys, diag);
		if (p == NULL) {
			failed++;
			continue;
		}
		*programs = xreallocarray(*programs, (size_t)*n + 1, sizeof **programs);
		(*programs)[(*n)++] = p;
	}
	if (count >= 0)
		util_paths_free(paths, count);
	return failed;
}
