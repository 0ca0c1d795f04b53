/*
 * analysis.h: the one display-free analysis every output presents
 * (DESIGN.md section 2). analysis_build() loads and scores the sittings,
 * checks the school asked for, collects the warnings, computes every
 * programme's indicator table (from sittings and from entered values), the
 * respondents per level of every scale, the paired change between the first
 * and the last wave, the alerts, the participation per audience and wave and
 * the waves' titles and dates. The Results screen, the PDF report, the
 * workbook, the CSV exports and the справка only read it; none of them needs
 * the store for figures.
 */
#ifndef ANKETA_ANALYSIS_H
#define ANKETA_ANALYSIS_H

#include <stdatomic.h>
#include <stdbool.h>

#include "diag.h"
#include "indicator.h"
#include "paired.h"
#include "program.h"
#include "results.h"
#include "store.h"
#include "survey.h"

typedef struct Analysis Analysis;

/* What to analyse and how to tell about it. Zero is every sitting, no
 * progress and no way to stop. */
typedef struct {
	const char *school; /* only this school's sittings (exact name); NULL: all */
	bool by_school;     /* rows per school instead of per class (ResultFilter) */
	/* Called from the building thread while the sittings load (done of
	 * total: the sittings read, every PROGRESS_EVERY of progress.h, of
	 * those held plus the steps after them; what: "sitting N of M"), then
	 * after every step (what was just done). what is translated, for a
	 * bar or a log. */
	void (*progress)(void *ctx, int done, int total, const char *what);
	void *progress_ctx;
	/* Another thread sets it to stop the build between steps: NULL then,
	 * with a cause that says so. */
	const atomic_bool *cancel;
} AnalysisOptions;

/* One wave of the analysis: the programmes' waves in order, then any other
 * wave with a completed sitting, by name. */
typedef struct {
	const char *id;    /* borrowed from a Program or the results */
	const char *title; /* how the programmes call it; its id when none does */
	int completed;     /* completed sittings in it */
	char first[11];    /* the day of its first completed sitting, "2026-09-15";
	                    * "" when none */
	char last[11];     /* the day of its last completed sitting */
} AnalysisWave;

/*
 * Builds the analysis of what store holds, for these surveys and
 * programmes (borrowed: they must outlive it). A school the options name
 * that no sitting has is refused. Returns the analysis (free it with
 * analysis_free()), or NULL with *cause (one sentence; the caller frees
 * it) when the database cannot be read, the school is unknown or the build
 * was stopped.
 */
Analysis *analysis_build(Store *store, const SurveySet *surveys, Program *const *programs,
                         int n_programs, const AnalysisOptions *options, char **cause);

void analysis_free(Analysis *analysis);

/* The scored sittings, in export order. Borrowed. */
const ResultSet *analysis_results(const Analysis *analysis);

/* How the results were filtered (the options' school and by_school). */
const ResultFilter *analysis_filter(const Analysis *analysis);

/* The surveys and programmes it was built with. Borrowed. */
const SurveySet *analysis_surveys(const Analysis *analysis);
Program *const *analysis_programs(const Analysis *analysis, int *n_programs);

/* Programme p's indicator table (indicator_compute()'s rows). Borrowed. */
const IndicatorTable *analysis_table(const Analysis *analysis, int p);

/* What the reader should know about the data: older survey files,
 * sittings left out, several schools counted as one. Borrowed. */
const Diag *analysis_warnings(const Analysis *analysis);

/* The school the analysis is about: the options' school, else the
 * database's name (anketa school); "" when neither is set. Borrowed. */
const char *analysis_school(const Analysis *analysis);

/* The waves (see AnalysisWave); *n gets how many. Borrowed. */
const AnalysisWave *analysis_waves(const Analysis *analysis, int *n);

/* The waves with a completed sitting, the earliest first: how many, and
 * their indexes into analysis_waves() in out[] (room for every wave). */
int analysis_used_waves(const Analysis *analysis, const char *survey_id, int *out);

/* Whether sitting i of the results counts: completed, and its respondent's
 * latest of its survey in its wave (respondent_latest()). */
bool analysis_counted(const Analysis *analysis, int i);

/* Completed sittings of a survey (NULL: any) in a wave (NULL: any). */
int analysis_completed(const Analysis *analysis, const char *survey_id, const char *wave);

/* How many took part in a wave (NULL: every wave, each counted apart) of
 * an audience (its
 * word: student, parent, teacher, head): respondents (class, code) counted
 * once over every survey, sittings without a code each. */
int analysis_participants(const Analysis *analysis, const char *audience, const char *wave);

/* Counted respondents of the survey in the wave at a level of its scale
 * (an index into survey->scales[scale].levels); level -1 counts those
 * without a value (too few answers), -2 all of them. A sitting scored with
 * an older file of the survey is matched by scale and level id. */
int analysis_level_count(const Analysis *analysis, const Survey *survey, int scale,
                         const char *wave, int level);

/* The paired change from the first to the last wave with a completed
 * sitting (*from, *to: their ids); NULL when fewer than two waves have
 * one. Borrowed. */
const PairedTable *analysis_paired(const Analysis *analysis, const char **from, const char **to);

/* How many alerts the answers raised, over every sitting whatever its
 * status. */
int analysis_alerts(const Analysis *analysis);

#endif
