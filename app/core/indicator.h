/*
 * indicator.h: the programme's indicator table computed from scored sittings
 * (DESIGN.md section 5: counting rule and the indicators CSV).
 */
#ifndef ANKETA_INDICATOR_H
#define ANKETA_INDICATOR_H

#include <stdbool.h>

#include "diag.h"
#include "entered.h"
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

/* Expected people per class, and whether the class is flagged (anketa
 * classes). */
typedef struct {
	const char *class_name;
	int students;
	int parents;
	bool flagged;
} ClassSize;

/* One value the psychologist entered (entered.h), current for its
 * programme, indicator, wave and class; strings borrowed. */
typedef struct {
	const char *programme_id;
	const char *indicator_id;
	const char *wave;
	const char *class_name; /* "*": the whole school */
	EnteredValue value;     /* a share's M is known (has_of) */
} IndicatorEntry;

/* What the indicators are computed from; all borrowed. */
typedef struct {
	const IndicatorSitting *sittings;
	int n_sittings;
	const ClassSize *classes; /* the class list */
	int n_classes;
	/* The entered values (of any programme: each table takes its own). */
	const IndicatorEntry *entries;
	int n_entries;
	/* The sittings' class names are schools (ResultFilter.by_school): the
	 * class list's flags cannot apply, and are not applied. */
	bool by_school;
} IndicatorInput;

/* Where an indicator's figures come from. */
typedef enum {
	INDICATOR_SOURCE_SURVEY,  /* computed from scored sittings */
	INDICATOR_SOURCE_ENTERED, /* entered by the psychologist */
} IndicatorSource;

/* The word for a source in the indicators table: "survey" or "entered". */
const char *indicator_source_name(IndicatorSource source);

/* One row of the indicators table (DESIGN.md section 5). Each figure has
 * a has_ flag saying whether the row has it. */
typedef struct {
	const char *indicator_id; /* borrowed from the Program */
	const char *wave;         /* the wave's id, borrowed from the Program */
	const char *wave_title;   /* how the programme calls it, borrowed too */
	char *class_name;         /* owned; "*" for the whole school */
	double percent;           /* 100 * meeting / n, unrounded; none when n == 0 */
	/* The wave's target: a percent; a count: the number to reach (a "+N"
	 * target resolved against the baseline's entered number, none while
	 * that is missing); yes/no: 1 да, 0 нет. */
	double target;
	double change; /* reduction only, when both shares exist: the relative
	                * reduction in percent, unrounded */
	/* A share (share, participation, entered share) at a wave after the
	 * baseline (the programme's first wave), both with a percent: the
	 * change in percentage points, percent - baseline's percent, unrounded. */
	double change_pp;
	IndicatorKind kind; /* the indicator's */
	IndicatorSource source;
	/* Respondents counted and those meeting the indicator; an entered
	 * share: M and N; a yes/no row that gathers several answers (all
	 * schools): how many answered and how many said да. has_counts is
	 * false where they mean nothing (a count; a single yes/no). */
	int n;
	int meeting;
	int value; /* count: the number entered (summed over classes); yes/no:
	            * one answer entered, 1 да, 0 нет */
	bool has_counts;
	bool has_value;
	bool has_percent;
	bool has_target;
	bool has_met;
	bool met;
	bool has_change;
	/* reduction: the baseline's share is 0, so there is nothing to reduce
	 * (no change, no met) */
	bool nothing_to_reduce;
	bool has_change_pp;
	/* with the indicator's min_change: whether change_pp counts as
	 * positive dynamics (change_pp >= min_change) */
	bool has_positive;
	bool positive;
	/* A share or reduction whose percent comes from fewer respondents than
	 * the indicator's min_n (or, for a reduction, whose baseline does): the
	 * percent stays, met and positive are left empty. */
	bool too_few;
} IndicatorRow;

typedef struct {
	IndicatorRow *rows;
	int n;
	/* The programme counts flagged classes only (`classes: flagged`) and
	 * the flags were applied (not by school): flagged[0..n_flagged-1] are
	 * the flagged classes of the class list in byte order (owned). */
	bool flagged_only;
	char **flagged;
	int n_flagged;
} IndicatorTable;

/*
 * Computes every indicator of the programme for every wave and every class
 * seen in the sittings, the class list or the entries, plus class "*" for
 * the whole school. An entered indicator's class cell sums its entries
 * (counts; N and M of shares; a yes/no cell shows its one answer or, when
 * it gathers several, how many of them said да); its "*" row is the value
 * entered for the whole school if there is one, else the sum of the
 * classes' cells. With `classes: flagged` (and not by school) only the flagged
 * classes of the class list and answers without a class count: the other
 * classes get no rows and stay out of the school's row. Rows are ordered by
 * indicator (file order), wave (programme order), class (byte order, "*"
 * last).
 */
void indicator_compute(const Program *program, const IndicatorInput *input, IndicatorTable *table);

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
