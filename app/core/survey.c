/*
 * survey.c: the Survey as data (survey.h): freeing it, finding its
 * questions, scales and levels by id, the words of its enums, and sets of
 * surveys.
 *
 * The rest of survey.h lives in rooms of its own, sharing survey_internal.h:
 * survey_load.c reads a file, survey_scales.c resolves and orders the
 * scales, survey_range.c works out what a scale can reach, survey_bands.c
 * checks its level bands, survey_alerts.c and survey_examples.c read and
 * check alerts and examples.
 */
#include "survey.h"

#include <stdlib.h>
#include <string.h>

#include "survey_internal.h"
#include "util.h"

const char *const survey_type_names[] = {
	[QUESTION_SINGLE] = "single", [QUESTION_YESNO] = "yesno",   [QUESTION_MULTI] = "multi",
	[QUESTION_LIKERT] = "likert", [QUESTION_NUMBER] = "number", [QUESTION_TEXT] = "text",
};

int
survey_word_index(const char *word, const char *const *names, int n)
{
	for (int i = 0; word != NULL && i < n; i++)
		if (strcmp(word, names[i]) == 0)
			return i;
	return -1;
}

bool
survey_type_scored(QuestionType type)
{
	return type != QUESTION_NUMBER && type != QUESTION_TEXT;
}

/* ---- Freeing -------------------------------------------------------- */

void
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

bool
survey_is_placeholder(const Survey *survey)
{
	return survey->placeholder;
}

bool
survey_fits_grade(const Survey *survey, int grade)
{
	return survey->grades == 0 || grade < 1 || grade > 11 || (survey->grades & 1u << grade);
}

char *
survey_grades_text(const Survey *survey)
{
	char *text = xstrdup("");

	for (int g = 1; g <= 11; g++) {
		int last = g;
		char *more;
		if (!(survey->grades & 1u << g))
			continue;
		while (last < 11 && (survey->grades & 1u << (last + 1)))
			last++;
		/* Two grades in a row read better apart: "6, 7", not "6–7". */
		if (last - g >= 2)
			more = xasprintf("%s%s%d\u2013%d", text, text[0] ? ", " : "", g, last);
		else if (last > g)
			more = xasprintf("%s%s%d, %d", text, text[0] ? ", " : "", g, last);
		else
			more = xasprintf("%s%s%d", text, text[0] ? ", " : "", g);
		free(text);
		text = more;
		g = last;
	}
	return text;
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
