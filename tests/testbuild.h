/*
 * testbuild.h: surveys and programmes built in memory for the Check suites,
 * so that a test names exactly the questions, scales, levels, waves and
 * indicators it is about, without the YAML loader in between.
 *
 * Everything a builder adds is owned by its Survey or Program: free them
 * with survey_free() and program_free() as if they had been loaded.
 */
#ifndef ANKETA_TESTBUILD_H
#define ANKETA_TESTBUILD_H

#include <stdbool.h>

#include "program.h"
#include "survey.h"

/* A new survey with this id (NULL for none) and nothing in it. */
Survey *testbuild_survey(const char *id);

/* Adds a question "q<index>" of this type with n options scoring scores[]
 * (labels NULL); returns its index. */
int testbuild_question(Survey *survey, QuestionType type, int n, const double *scores);

/* The usual three-option item: scores 0, 1, 2 at positions 1, 2, 3;
 * returns its index. */
int testbuild_q3(Survey *survey);

/* Adds a scale with this id and method, multiplier 1, offset 0, no items
 * and no levels; returns its index. */
int testbuild_scale(Survey *survey, const char *id, ScaleMethod method, int precision);

/* Adds questions first..last (inclusive) as items of the scale. */
void testbuild_items(Survey *survey, int scale, int first, int last);

/* Adds scale sub as an item of scale (a nested scale). */
void testbuild_subscale(Survey *survey, int scale, int sub);

/* Adds a level "l<index>" covering [min, max] to the scale; returns its index. */
int testbuild_band(Survey *survey, int scale, double min, double max);

/* Adds a level with this id covering [min, max] to the scale; returns its
 * index. */
int testbuild_level(Survey *survey, int scale, const char *id, double min, double max);

/* Adds levels with these space-separated ids, in order, to the scale (their
 * bands are left 0..0: for tests that only look levels up by id). */
void testbuild_levels(Survey *survey, int scale, const char *ids);

/* Adds an alert on a question raised by a score in [min_score, max_score]
 * (-INFINITY / INFINITY for an open end); the message is NULL. */
void testbuild_alert(Survey *survey, int question, double min_score, double max_score);

/* A new programme with this id and these space-separated waves, in order
 * (each titled "Этап <id>"), and no indicators. */
Program *testbuild_program(const char *id, const char *waves);

/* Adds a share or reduction indicator over the space-separated survey ids,
 * met by the space-separated level ids of the scale; baseline -1, no
 * targets. Returns its index. */
int testbuild_indicator(Program *program, const char *id, IndicatorKind kind, const char *surveys,
                        const char *scale, const char *levels);

/* Adds a participation indicator over the space-separated survey ids,
 * expecting "parents" or "students"; returns its index. */
int testbuild_participation(Program *program, const char *id, const char *surveys,
                            const char *expected);

/* Adds a target of percent at the wave index to the indicator. */
void testbuild_target(Program *program, int indicator, int wave, double percent);

/* Adds an entered indicator (count, entered share or yes/no) with no
 * targets; expected may be NULL. Returns its index. */
int testbuild_entered(Program *program, const char *id, IndicatorKind kind, const char *expected);

/* Adds a target of any form at the wave index to the indicator. */
void testbuild_target_form(Program *program, int indicator, int wave, TargetForm form,
                           double value);

#endif
