/*
 * answer.c: reading, checking, scoring and writing one answer's value (the
 * grammar is in answer.h).
 *
 * One checker, answer_check(), walks a value once and either gives its
 * score or refuses it; it builds a sentence only when the caller asks for
 * one, so scoring a million stored answers allocates nothing.
 */
#include "answer.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

#define DIGITS "0123456789"

static bool answer_refuse(char **problem, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Sets *problem to the sentence when the caller wants one; returns false. */
static bool
answer_refuse(char **problem, const char *fmt, ...)
{
	va_list ap;

	if (problem == NULL)
		return false;
	va_start(ap, fmt);
	*problem = xvasprintf(fmt, ap);
	va_end(ap);
	return false;
}

/*
 * The option position written in p[0..len): 1..n; 0 for digits that are
 * a position out of range ("0", "4" of 3 options); -1 when the text is no
 * position at all (empty, not digits, a leading zero).
 */
static int
answer_piece(const char *p, size_t len, int n)
{
	long long pos = 0;

	if (len == 0 || (len > 1 && p[0] == '0'))
		return -1;
	for (size_t i = 0; i < len; i++) {
		if (p[i] < '0' || p[i] > '9')
			return -1;
		if (pos <= n) /* past n it only stays out of range */
			pos = pos * 10 + (p[i] - '0');
	}
	return pos >= 1 && pos <= n ? (int)pos : 0;
}

/* True when a piece of value before `upto` (all valid positions) is pos. */
static bool
answer_seen(const char *value, const char *upto, int pos, int n)
{
	for (const char *p = value; p < upto; p += strcspn(p, "|") + 1)
		if (answer_piece(p, strcspn(p, "|"), n) == pos)
			return true;
	return false;
}

/* A choice or multi value: its score into *score, or false (refused). */
static bool
answer_check_choice(const SurveyQuestion *q, const char *value, double *score, char **problem)
{
	double sum = 0;

	if (q->type != QUESTION_MULTI && strchr(value, '|') != NULL)
		return answer_refuse(
		    problem, _("question %s takes one option, not several: \"%s\""), q->id, value);
	for (const char *p = value;; p++) {
		size_t len = strcspn(p, "|");
		int pos = answer_piece(p, len, q->n_options);

		if (pos < 0)
			return answer_refuse(
			    problem,
			    _("the answer to question %s must be an option number, not \"%.*s\""),
			    q->id, (int)len, p);
		if (pos == 0)
			return answer_refuse(
			    problem,
			    _("option %.*s is out of range: question %s has options 1 to %d"),
			    (int)len, p, q->id, q->n_options);
		if (answer_seen(value, p, pos, q->n_options))
			return answer_refuse(problem, _("option %d of question %s is given twice"),
			                     pos, q->id);
		sum += q->options[pos - 1].score;
		p += len;
		if (*p == '\0')
			break;
	}
	*score = sum;
	return true;
}

/* A number value within the question's bounds, if it has any. */
static bool
answer_check_number(const SurveyQuestion *q, const char *value, char **problem)
{
	double v, min, max;

	if (!answer_parse_number(value, &v))
		return answer_refuse(problem,
		                     _("the answer to question %s must be a number, not \"%s\""),
		                     q->id, value);
	if (answer_number_bounds(q, &min, &max) && (v < min || v > max))
		return answer_refuse(problem,
		                     _("the answer to question %s must be from %g to %g, not %s"),
		                     q->id, min, max, value);
	return true;
}

/* A text value: one line of UTF-8. */
static bool
answer_check_text(const SurveyQuestion *q, const char *value, char **problem)
{
	for (const unsigned char *p = (const unsigned char *)value; *p != '\0'; p++)
		if (*p < 0x20 || *p == 0x7f)
			return answer_refuse(
			    problem,
			    _("the answer to question %s holds a control character "
			      "(a line break or a tab, say): it must be one line of "
			      "text"),
			    q->id);
	if (!util_utf8_valid(value, strlen(value)))
		return answer_refuse(problem, _("the answer to question %s is not UTF-8 text"),
		                     q->id);
	return true;
}

/* The one checker: true with *score set for scored types, or false with a
 * sentence in *problem when problem is not NULL. */
static bool
answer_check(const SurveyQuestion *q, const char *value, double *score, char **problem)
{
	if (value == NULL || value[0] == '\0')
		return answer_refuse(problem, _("the answer to question %s is empty"), q->id);
	switch (q->type) {
	case QUESTION_NUMBER:
		return answer_check_number(q, value, problem);
	case QUESTION_TEXT:
		return answer_check_text(q, value, problem);
	case QUESTION_SINGLE:
	case QUESTION_YESNO:
	case QUESTION_LIKERT:
	case QUESTION_MULTI:
		break;
	}
	return answer_check_choice(q, value, score, problem);
}

char *
answer_problem(const SurveyQuestion *question, const char *value)
{
	char *problem = NULL;
	double score;

	answer_check(question, value, &score, &problem);
	return problem;
}

bool
answer_valid(const SurveyQuestion *question, const char *value)
{
	double score;

	return answer_check(question, value, &score, NULL);
}

bool
answer_score(const SurveyQuestion *question, const char *value, double *score)
{
	double sum = 0;

	if (!survey_type_scored(question->type) || !answer_check(question, value, &sum, NULL))
		return false;
	*score = sum;
	return true;
}

bool
answer_chooses(const SurveyQuestion *question, const char *value, int position)
{
	if (!survey_type_scored(question->type) || !answer_valid(question, value))
		return false;
	return answer_seen(value, value + strlen(value) + 1, position, question->n_options);
}

char *
answer_format_positions(const int *positions, int n)
{
	char *value = xasprintf("%d", positions[0]);

	for (int i = 1; i < n; i++) {
		char *more = xasprintf("%s|%d", value, positions[i]);
		free(value);
		value = more;
	}
	return value;
}

/* typed as the kiosk stores it: a number's decimal commas become points
 * ("9,5" -> "9.5"), a text is kept as typed. The caller frees it. */
static char *
answer_typed_value(const SurveyQuestion *question, const char *typed)
{
	char *value = xstrdup(typed);

	for (char *p = value; question->type == QUESTION_NUMBER && *p != '\0'; p++)
		*p = *p == ',' ? '.' : *p;
	return value;
}

AnswerTyped
answer_typed_check(const SurveyQuestion *question, const char *typed)
{
	AnswerTyped why = ANSWER_TYPED_OK;
	double v;
	char *value;

	if (survey_type_scored(question->type) || typed == NULL)
		return ANSWER_TYPED_NOT_TYPED;
	if (typed[0] == '\0')
		return ANSWER_TYPED_EMPTY;
	value = answer_typed_value(question, typed);
	if (question->type == QUESTION_NUMBER && !answer_parse_number(value, &v))
		why = ANSWER_TYPED_NOT_A_NUMBER;
	else if (!answer_valid(question, value))
		why = question->type == QUESTION_NUMBER ? ANSWER_TYPED_OUT_OF_BOUNDS
		                                        : ANSWER_TYPED_NOT_TEXT;
	free(value);
	return why;
}

char *
answer_from_typed(const SurveyQuestion *question, const char *typed)
{
	if (answer_typed_check(question, typed) != ANSWER_TYPED_OK)
		return NULL;
	return answer_typed_value(question, typed);
}

char *
answer_number_text(double value)
{
	char *text = xasprintf("%.15g", value), *point = strchr(text, '.');

	if (point != NULL)
		*point = ',';
	return text;
}

bool
answer_parse_number(const char *text, double *out)
{
	const char *p = text + (text[0] == '-' || text[0] == '+');
	size_t whole = strspn(p, DIGITS), fraction = 0;
	double v;

	if (p[whole] == '.')
		fraction = strspn(p + whole + 1, DIGITS);
	if (whole + fraction == 0 || p[whole + (p[whole] == '.') + fraction] != '\0')
		return false;
	v = strtod(text, NULL); /* LC_NUMERIC is "C": the point is a point */
	if (!isfinite(v))
		return false;
	*out = v;
	return true;
}

bool
answer_number_bounds(const SurveyQuestion *question, double *min, double *max)
{
	if (question->number_min == 0 && question->number_max == 0)
		return false;
	*min = question->number_min;
	*max = question->number_max;
	return true;
}
