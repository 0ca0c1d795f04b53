/*
 * survey_examples.c: a survey file's examples, the self-tests of its
 * scoring: answers written as the answers CSV writes them (checked by
 * answer.h) and the scale values and levels they must give.
 */
#include <stdlib.h>
#include <string.h>

#include "answer.h"
#include "survey_internal.h"
#include "util.h"

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

void
survey_examples_parse(Loader *L, yaml_node_t *node)
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
