/*
 * survey_internal.h: what the rooms of the survey module share and nobody
 * else sees: the loader's state while a file is read, the limits and
 * characters of a file's ids, and the passes each room adds to loading.
 *
 *   survey.c           the model: freeing, lookups, words, sets of surveys
 *   survey_load.c      a file: head fields, option sets, questions, passes
 *   survey_scales.c    scales: fields, items, nested-first order
 *   survey_range.c     what one answer and a whole scale can reach
 *   survey_bands.c     level bands against that range
 *   survey_alerts.c    alerts
 *   survey_examples.c  examples
 */
#ifndef ANKETA_SURVEY_INTERNAL_H
#define ANKETA_SURVEY_INTERNAL_H

#include <stdbool.h>

#include "survey.h"
#include "yamldoc.h"

/* Limits far above any real instrument; they keep the loader's simple
 * quadratic checks (duplicate ids and the like) fast on hostile files. */
#define SURVEY_MAX_ENTRIES 1000 /* questions, scales, items, alerts, examples */
#define SURVEY_MAX_OPTIONS 100  /* options of a question, levels of a scale */

/* Characters of question, scale, level and option-set ids. */
#define SURVEY_NAME_CHARS "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-"

/* What a scale looked like in the file before its items were resolved. */
typedef struct {
	yaml_node_t *items; /* the items list, or NULL when missing or wrong */
	bool bad;           /* a problem makes its range meaningless */
	bool levels_bad;    /* a level's min or max could not be read */
	int order;          /* position after ordering nested-first */
	int state;          /* DFS colour while ordering: 0 new, 1 open, 2 done */
} ScaleDraft;

/* A named list of options (option_sets:), copied into each question that
 * names it. */
typedef struct {
	char *name;
	SurveyOption *options;
	int n_options;
	yaml_node_t *node;
} OptionSet;

/* One file being loaded: its document, the Survey being filled and what
 * the passes need from each other. */
typedef struct {
	YamlDoc yd;
	Survey *s;
	OptionSet *sets;
	int n_sets;
	ScaleDraft *drafts; /* one per scale, in the order of s->scales */
} Loader;

/* The words of QuestionType, indexed by it ("single", ..., "text"). */
extern const char *const survey_type_names[6];

/* The index of word among names[0..n), or -1 (also for a NULL word). */
int survey_word_index(const char *word, const char *const *names, int n);

/* Frees n options and their array. */
void survey_options_free(SurveyOption *options, int n);

/* The lowest and highest score one answer to q can reach (both 0 for an
 * unscored type or a question without options). */
void survey_range_question(const SurveyQuestion *q, double *lo, double *hi);

/* Fills lo[0..upto] and hi[0..upto] with the range of scales 0..upto, which
 * must be in dependency order (a nested scale before its parent). */
void survey_range_all(const Survey *survey, int upto, double *lo, double *hi);

/* Reads the scales: list (after the questions), resolves their items and
 * orders them nested-first, with a draft per scale in L->drafts. */
void survey_scales_parse(Loader *L, yaml_node_t *node);

/* Checks every sound scale's min_answered, percent_of_max items and level
 * bands against the range it can reach (after survey_scales_parse()). */
void survey_bands_check(Loader *L);

/* Reads the alerts: list (after the questions). */
void survey_alerts_parse(Loader *L, yaml_node_t *node);

/* Reads the examples: list (after the questions and scales); each answer
 * is checked with answer_problem(). */
void survey_examples_parse(Loader *L, yaml_node_t *node);

#endif
