/*
 * examples.h: running a survey's examples (its `examples:` self-tests, see
 * survey.h) through the same scoring as the kiosk and the exports, and
 * saying where a result differs from what the example expects.
 */
#ifndef ANKETA_EXAMPLES_H
#define ANKETA_EXAMPLES_H

#include "diag.h"
#include "survey.h"

/*
 * Scores each example of a loaded survey with score_sitting() and adds to
 * diag one problem per expectation that is not met, at the example's line
 * and column in survey->path: a value other than the expected one (or a
 * value where "not enough answers" was expected, or none where one was),
 * or a value in another level than the expected one. Returns how many
 * problems it added: 0 when every example passes.
 */
int examples_run(const Survey *survey, Diag *diag);

#endif
