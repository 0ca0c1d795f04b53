/*
 * results.h: every stored sitting scored against the loaded surveys, the
 * input of the scores and indicators exports.
 */
#ifndef ANKETA_RESULTS_H
#define ANKETA_RESULTS_H

#include "diag.h"
#include "score.h"
#include "store.h"
#include "survey.h"

typedef struct {
	char *sitting_id;
	char *wave;
	char *class_name; /* with ResultFilter.by_school: the school's label */
	char *audience;
	char *respondent; /* with ResultFilter.by_school: "class/code" ("" stays "") */
	char *school;     /* the school it was answered in; "" when none was set */
	char *survey_id;
	int survey_version;
	SittingStatus status;
	char *completed_at;   /* NULL unless completed */
	char *started_at;     /* when the respondent began, "" when unknown */
	const Survey *survey; /* the file it was answered with (versions.h): from the
	                       * set, or an older one kept in the database */
	ScaleResult *results; /* survey->n_scales */
	bool *alerts;         /* survey->n_alerts: raised by the answers */
	int n_alerts;         /* how many of them were raised */
} ResultSitting;

struct Versions;

typedef struct {
	ResultSitting *items; /* in export order (start time, id) */
	int n;
	struct Versions *versions; /* owns the older survey files the items use */
} ResultSet;

/* Which sittings results_load_filtered() keeps, and under which class. */
typedef struct {
	const char *school; /* only the sittings of this school (exact name); NULL: all */
	bool by_school;     /* each sitting's class becomes its school's label
	                     * (results_school_label()), so that indicators have one
	                     * row per school and "*" for them all; its respondent
	                     * code gets the class in front ("5А/R1"), so that pupils
	                     * of two classes with the same code stay two */
} ResultFilter;

/*
 * Scores every sitting that has answers, each with the survey file it was
 * answered with: the loaded one when its hash matches, else the one kept in
 * the database (versions.h). When neither exists, the loaded file of that
 * id scores it, and a sitting whose survey id no file has is left out; each
 * such case adds one warning to warnings (once per survey file, with the
 * number of sittings). Returns 0, or -1 with *cause when the database
 * cannot be read.
 */
int results_load(Store *store, const SurveySet *surveys, ResultSet *set, Diag *warnings,
                 char **cause);

/* results_load() of the sittings filter keeps (NULL: all, as they are);
 * the sittings left out are not scored and count in no warning. progress
 * (may be NULL, progress.h) hears the sittings read of all the database
 * holds (store_answers_each()); asked to stop, it returns -1 with *cause
 * and an empty set. */
int results_load_filtered(Store *store, const SurveySet *surveys, const ResultFilter *filter,
                          const Progress *progress, ResultSet *set, Diag *warnings, char **cause);

/* Refuses a filter's school that no loaded sitting has (a mistyped name,
 * most likely): -1 with *cause; 0 otherwise, and without a school. */
int results_check_school(const ResultSet *set, const ResultFilter *filter, char **cause);

/* Adds a warning when the set holds the sittings of several schools and the
 * filter neither picks one nor groups by school: classes of the same name
 * in different schools are then counted as one. */
void results_warn_schools(const ResultSet *set, const ResultFilter *filter, Diag *warnings);

/* How a school is named where it stands for a class (ResultFilter.by_school):
 * its name, or "(no school)" translated for sittings without one. Borrowed. */
const char *results_school_label(const char *school);

void results_free(ResultSet *set);

#endif
