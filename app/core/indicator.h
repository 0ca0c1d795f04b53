/*
 * indicator.h: the programme's indicator table computed from scored sittings
 * (DESIGN.md section 5: counting rule and the indicators CSV).
 */
#ifndef ANKETA_INDICATOR_H
#define ANKETA_INDICATOR_H

#include <stdbool.h>

#include "diag.h"
#include "program.h"
#include "score.h"

/*
 * One completed-or-not sitting as the indicator engine sees it. Scale values
 * come from score_sitting(); levels are the level ids per scale.
 */
typedef struct {
	const char *wave;
	const char *class_name;
	const char *respondent; /* "" when no code was given */
	const char *survey_id;
	const char *completed_at;   /* ISO 8601; NULL when not completed */
	const Survey *survey;       /* to look up scale and level ids */
	const ScaleResult *results; /* one per survey scale */
} IndicatorSitting;

/* Expected people per class (anketa classes). */
typedef struct {
	const char *class_name;
	int students;
	int parents;
} ClassSize;

/* Where an indicator's figures come from. */
typedef enum {
	INDICATOR_SOURCE_SURVEY,  /* computed from scored sittings */
	INDICATOR_SOURCE_ENTERED, /* entered by the psychologist */
} IndicatorSource;

/* The word for a source in the indicators table: "survey" or "entered". */
const char *indicator_source_name(IndicatorSource source);

/* One row of the indicators table (DESIGN.md section 5). */
typedef struct {
	const char *indicator_id; /* borrowed from the Program */
	const char *wave;         /* the wave's id, borrowed from the Program */
	const char *wave_title;   /* how the programme calls it, borrowed too */
	char *class_name;         /* owned; "*" for the whole school */
	IndicatorSource source;
	int n;
	int meeting;
	bool has_percent; /* false when n == 0 */
	double percent;   /* 100 * meeting / n, unrounded */
	bool has_target;
	double target;
	bool has_met;
	bool met;
	bool has_change; /* reduction only, when both shares exist */
	double change;   /* relative reduction in percent, unrounded */
} IndicatorRow;

typedef struct {
	IndicatorRow *rows;
	int n;
} IndicatorTable;

/*
 * Computes every indicator of the programme for every wave and every class
 * seen in the sittings (or in the class list), plus class "*" for the whole
 * school. Rows are ordered by indicator (file order), wave (programme
 * order), class (byte order, "*" last).
 */
void indicator_compute(const Program *program, const IndicatorSitting *sittings, int n_sittings,
                       const ClassSize *classes, int n_classes, IndicatorTable *table);

void indicator_table_free(IndicatorTable *table);

/*
 * Adds to warnings one sentence for every share or reduction indicator and
 * every survey file among the sittings (an older version, see versions.h)
 * that lacks the indicator's scale or one of its levels: indicator_compute()
 * does not count those sittings, and the warning says so and how many.
 */
void indicator_warn(const Program *program, const IndicatorSitting *sittings, int n_sittings,
                    Diag *warnings);

#endif
