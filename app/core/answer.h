/*
 * answer.h: the one grammar of an answer's value, as the kiosk stores it,
 * the answers CSV and an answer sheet carry it and a survey's examples
 * write it (DESIGN.md section 5, the answers table's value column):
 *
 * - a choice question (single, yesno, likert): the 1-based position of the
 *   chosen option in decimal digits, without a sign, spaces or a leading
 *   zero ("2");
 * - a multi question: one or more such positions joined with '|', each at
 *   most once, in any order ("1|3" and "3|1" choose the same options);
 * - a number question: a decimal number: an optional sign ('-' or '+'),
 *   then digits with at most one '.', at least one digit in all ("12",
 *   "-0.5", "9.", ".5"); no exponent, hexadecimal, "inf" or white space;
 *   between the question's bounds when it has them (answer_number_bounds());
 * - a text question: one line of UTF-8 text: no control characters (bytes
 *   below 0x20, such as a line break or a tab, and 0x7f).
 *
 * An empty value is never an answer, whatever the type: a question not
 * answered has no value at all.
 *
 * Every place that reads, checks, scores or writes a value calls this
 * module, so the kiosk, `anketa import`, scoring and `anketa check` agree.
 */
#ifndef ANKETA_ANSWER_H
#define ANKETA_ANSWER_H

#include <stdbool.h>

#include "survey.h"

/*
 * Why value is not an answer to question: one sentence naming the question
 * and what is wrong ("option 4 is out of range: question q1 has options 1
 * to 3"), for the caller to put after its own "file:line:column: ". The
 * caller frees it. NULL when value is an answer.
 */
char *answer_problem(const SurveyQuestion *question, const char *value);

/* True when value is an answer to question (answer_problem() would give
 * NULL); never allocates. A NULL value is not an answer. */
bool answer_valid(const SurveyQuestion *question, const char *value);

/*
 * The score of an answer: the chosen option's score, for multi the sum of
 * the chosen options' scores. False, with *score untouched, when value is
 * not an answer to question or the question is not scored (number, text).
 * Never allocates: scoring runs it for every stored answer.
 */
bool answer_score(const SurveyQuestion *question, const char *value, double *score);

/* True when value is an answer to a choice or multi question that chooses
 * the option at this 1-based position. */
bool answer_chooses(const SurveyQuestion *question, const char *value, int position);

/*
 * The value choosing these 1-based positions, in the order given:
 * {2} -> "2", {1, 3} -> "1|3". n must be at least 1. The caller frees it.
 */
char *answer_format_positions(const int *positions, int n);

/*
 * The value the kiosk stores for text typed as the answer to a number or
 * text question: a number's decimal comma becomes a point ("9,5" -> "9.5"),
 * a text is kept as typed. NULL when that is not an answer to the question
 * (not a number, out of bounds, empty, or a question with options). The
 * caller frees it.
 */
char *answer_from_typed(const SurveyQuestion *question, const char *typed);

/* Why text typed as the answer to a number or text question is not one,
 * for the kiosk to say so calmly. */
typedef enum {
	ANSWER_TYPED_OK,            /* an answer: answer_from_typed() gives it */
	ANSWER_TYPED_EMPTY,         /* nothing typed */
	ANSWER_TYPED_NOT_A_NUMBER,  /* a number question: no number ("-", "1.2.3") */
	ANSWER_TYPED_OUT_OF_BOUNDS, /* a number outside answer_number_bounds() */
	ANSWER_TYPED_NOT_TEXT,      /* a text with a control character or broken UTF-8 */
	ANSWER_TYPED_NOT_TYPED,     /* a question with options, or typed NULL */
} AnswerTyped;

/*
 * Checks text typed as the answer to a number or text question, as
 * answer_from_typed() reads it (a decimal comma is a point). Returns
 * ANSWER_TYPED_OK exactly when answer_from_typed() gives a value, else
 * the first reason it does not; the caller frees nothing.
 */
AnswerTyped answer_typed_check(const SurveyQuestion *question, const char *typed);

/* A number as the kiosk shows it to a Russian reader, the way it is typed
 * back: no needless zeros and a decimal comma (7 -> "7", -0.5 -> "-0,5",
 * 1e6 -> "1000000"). The caller frees it. */
char *answer_number_text(double value);

/* Reads a number written as the grammar above says into *out; false (and
 * *out untouched) for anything else. */
bool answer_parse_number(const char *text, double *out);

/*
 * The bounds of a number question's answers, inclusive, into *min and
 * *max. A question has bounds unless both are 0: the loader leaves both 0
 * when the file gives neither, and one given bound keeps 0 as the other
 * ("max: 10" alone means 0 to 10). False, with *min and *max untouched,
 * when the question has none.
 */
bool answer_number_bounds(const SurveyQuestion *question, double *min, double *max);

#endif
