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
	char *class_name;
	char *audience;
	char *respondent;
	char *survey_id;
	int survey_version;
	SittingStatus status;
	char *completed_at;   /* NULL unless completed */
	char *started_at;     /* when the respondent began, "" when unknown */
	const Survey *survey; /* from the set */
	ScaleResult *results; /* survey->n_scales */
	bool *alerts;         /* survey->n_alerts: raised by the answers */
	int n_alerts;         /* how many of them were raised */
} ResultSitting;

typedef struct {
	ResultSitting *items; /* in export order (start time, id) */
	int n;
} ResultSet;

/*
 * Scores every sitting that has answers. A sitting whose survey is not in
 * surveys is left out, and a version other than the loaded file's is scored
 * with the loaded file; each such case adds one warning to warnings (once
 * per survey and version). Returns 0, or -1 with *cause when the database
 * cannot be read.
 */
int results_load(Store *store, const SurveySet *surveys, ResultSet *set, Diag *warnings,
                 char **cause);

void results_free(ResultSet *set);

#endif
