/*
 * testbuild.c: surveys and programmes built in memory for the Check suites.
 */
#include "testbuild.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

/* Splits a space-separated list of ids into a new array of *n. */
static char **
testbuild_words(const char *words, int *n)
{
	char *copy = xstrdup(words), *tok, *save = NULL;
	char **out = NULL;

	*n = 0;
	for (tok = strtok_r(copy, " ", &save); tok; tok = strtok_r(NULL, " ", &save)) {
		out = xreallocarray(out, (size_t)*n + 1, sizeof *out);
		out[(*n)++] = xstrdup(tok);
	}
	free(copy);
	return out;
}

Survey *
testbuild_survey(const char *id)
{
	Survey *s = xcalloc(1, sizeof *s);

	s->id = id ? xstrdup(id) : NULL;
	return s;
}

int
testbuild_question(Survey *survey, QuestionType type, int n, const double *scores)
{
	SurveyQuestion *q;

	survey->questions =
	    xreallocarray(survey->questions, (size_t)survey->n_questions + 1, sizeof *q);
	q = &survey->questions[survey->n_questions];
	memset(q, 0, sizeof *q);
	q->id = xasprintf("q%d", survey->n_questions);
	q->type = type;
	q->n_options = n;
	q->options = xcalloc((size_t)(n > 0 ? n : 1), sizeof *q->options);
	for (int i = 0; i < n; i++)
		q->options[i].score = scores[i];
	return survey->n_questions++;
}

int
testbuild_q3(Survey *survey)
{
	static const double scores[] = { 0, 1, 2 };

	return testbuild_question(survey, QUESTION_SINGLE, 3, scores);
}

int
testbuild_scale(Survey *survey, const char *id, ScaleMethod method, int precision)
{
	SurveyScale *sc;

	survey->scales = xreallocarray(survey->scales, (size_t)survey->n_scales + 1, sizeof *sc);
	sc = &survey->scales[survey->n_scales];
	memset(sc, 0, sizeof *sc);
	sc->id = xstrdup(id);
	sc->method = method;
	sc->multiplier = 1;
	sc->precision = precision;
	return survey->n_scales++;
}

static void
testbuild_item(Survey *survey, int scale, bool is_scale, int index)
{
	SurveyScale *sc = &survey->scales[scale];

	sc->items = xreallocarray(sc->items, (size_t)sc->n_items + 1, sizeof *sc->items);
	sc->items[sc->n_items++] = (ScaleItem){ is_scale, index };
}

void
testbuild_items(Survey *survey, int scale, int first, int last)
{
	for (int q = first; q <= last; q++)
		testbuild_item(survey, scale, false, q);
}

void
testbuild_subscale(Survey *survey, int scale, int sub)
{
	testbuild_item(survey, scale, true, sub);
}

/* Adds a level with this id (owned) and band; returns its index. */
static int
testbuild_add_level(Survey *survey, int scale, char *id, double min, double max)
{
	SurveyScale *sc = &survey->scales[scale];
	SurveyLevel *l;

	sc->levels = xreallocarray(sc->levels, (size_t)sc->n_levels + 1, sizeof *l);
	l = &sc->levels[sc->n_levels];
	memset(l, 0, sizeof *l);
	l->id = id;
	l->min = min;
	l->max = max;
	return sc->n_levels++;
}

int
testbuild_band(Survey *survey, int scale, double min, double max)
{
	char *id = xasprintf("l%d", survey->scales[scale].n_levels);

	return testbuild_add_level(survey, scale, id, min, max);
}

int
testbuild_level(Survey *survey, int scale, const char *id, double min, double max)
{
	return testbuild_add_level(survey, scale, xstrdup(id), min, max);
}

void
testbuild_levels(Survey *survey, int scale, const char *ids)
{
	int n;
	char **words = testbuild_words(ids, &n);

	for (int i = 0; i < n; i++)
		testbuild_add_level(survey, scale, words[i], 0, 0);
	free(words);
}

void
testbuild_alert(Survey *survey, int question, double min_score, double max_score)
{
	survey->alerts =
	    xreallocarray(survey->alerts, (size_t)survey->n_alerts + 1, sizeof *survey->alerts);
	survey->alerts[survey->n_alerts++] =
	    (SurveyAlert){ .question = question, .min_score = min_score, .max_score = max_score };
}

Program *
testbuild_program(const char *id, const char *waves)
{
	Program *p = xcalloc(1, sizeof *p);
	char **ids = testbuild_words(waves, &p->n_waves);

	p->id = xstrdup(id);
	p->waves = xcalloc((size_t)p->n_waves + 1, sizeof *p->waves);
	for (int i = 0; i < p->n_waves; i++)
		p->waves[i] = (ProgramWave){ ids[i], xasprintf("Этап %s", ids[i]) };
	free(ids);
	return p;
}

/* Appends an indicator with id, kind and surveys, baseline -1 and nothing
 * else; returns it (valid until the next one is added). */
static Indicator *
testbuild_add(Program *program, const char *id, IndicatorKind kind, const char *surveys)
{
	Indicator *ind;

	program->indicators =
	    xreallocarray(program->indicators, (size_t)program->n_indicators + 1, sizeof *ind);
	ind = &program->indicators[program->n_indicators++];
	memset(ind, 0, sizeof *ind);
	ind->id = xstrdup(id);
	ind->kind = kind;
	ind->surveys = testbuild_words(surveys, &ind->n_surveys);
	ind->baseline = -1;
	return ind;
}

int
testbuild_indicator(Program *program, const char *id, IndicatorKind kind, const char *surveys,
                    const char *scale, const char *levels)
{
	Indicator *ind = testbuild_add(program, id, kind, surveys);

	ind->scale = xstrdup(scale);
	ind->levels = testbuild_words(levels, &ind->n_levels);
	return program->n_indicators - 1;
}

int
testbuild_participation(Program *program, const char *id, const char *surveys, const char *expected)
{
	Indicator *ind = testbuild_add(program, id, INDICATOR_PARTICIPATION, surveys);

	ind->expected = xstrdup(expected);
	return program->n_indicators - 1;
}

void
testbuild_target(Program *program, int indicator, int wave, double percent)
{
	Indicator *i = &program->indicators[indicator];

	i->targets = xreallocarray(i->targets, (size_t)i->n_targets + 1, sizeof *i->targets);
	i->targets[i->n_targets++] = (IndicatorTarget){ wave, TARGET_PERCENT, percent };
}

int
testbuild_entered(Program *program, const char *id, IndicatorKind kind, const char *expected)
{
	Indicator *ind = testbuild_add(program, id, kind, "");

	ind->expected = expected ? xstrdup(expected) : NULL;
	return program->n_indicators - 1;
}

void
testbuild_target_form(Program *program, int indicator, int wave, TargetForm form, double value)
{
	Indicator *i = &program->indicators[indicator];

	i->targets = xreallocarray(i->targets, (size_t)i->n_targets + 1, sizeof *i->targets);
	i->targets[i->n_targets++] = (IndicatorTarget){ wave, form, value };
}
