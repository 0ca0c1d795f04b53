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

void results_free(ResultSet *set);

#endif
