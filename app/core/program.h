/*
 * program.h: a municipal programme file (a file in surveys/programs/) as
 * data: its waves and indicators. The indicator table computed from scored
 * sittings is indicator.h.
 *
 * Format: DESIGN.md section 3 ("Programme files"); counting rule and the
 * indicators CSV: DESIGN.md sections 4 and 5.
 */
#ifndef ANKETA_PROGRAM_H
#define ANKETA_PROGRAM_H

#include <stdbool.h>

#include "diag.h"
#include "survey.h"

typedef enum {
	/* Computed from scored sittings (`survey:` names the questionnaires). */
	INDICATOR_SHARE,         /* percent of respondents whose level is in a set */
	INDICATOR_REDUCTION,     /* relative reduction of that share vs. a baseline wave */
	INDICATOR_PARTICIPATION, /* completed sittings / people expected per class */
	/* Entered by the psychologist (entered.h): no questionnaire measures them. */
	INDICATOR_COUNT,         /* a number of events (2.1, 4.3, 5.3) */
	INDICATOR_ENTERED_SHARE, /* "N of M" people (2.2, 3.x, 4.4, 1.4) */
	INDICATOR_YESNO,         /* да / нет (5.1, 5.2, 6.1, 6.2) */
} IndicatorKind;

/* True for the kinds the psychologist enters (count, entered share, yes/no). */
bool program_kind_entered(IndicatorKind kind);

/* The word for a kind in programme files ("share", "entered_share", ...). */
const char *program_kind_name(IndicatorKind kind);

/* What a target asks for. */
typedef enum {
	TARGET_PERCENT, /* share, reduction, participation, entered share: value percent */
	TARGET_COUNT,   /* count: at least value */
	TARGET_PLUS,    /* count: at least the baseline wave's entered count (the plan)
	                 * plus value: `"+2"` */
	TARGET_YESNO,   /* yes/no: value 1 (да) or 0 (нет) */
} TargetForm;

typedef struct {
	int wave; /* index into Program.waves; never 0, the baseline */
	TargetForm form;
	double value;
} IndicatorTarget;

typedef struct {
	char *id; /* "1.2" */
	char *title;
	/* What counts, in words, printed beside the indicator ("не ниже
	 * среднего: 20 баллов из 30 и выше"); NULL when the file gives none. */
	char *definition;
	IndicatorKind kind;
	/* The surveys whose sittings count (`survey:` holds one id or a list):
	 * a respondent's latest completed sitting of any of them counts. */
	char **surveys;
	int n_surveys;
	SourcePos *survey_pos; /* per survey, where the loader reports its problems;
	                        * NULL in indicators built by hand */
	char *scale;           /* scale id, in every survey; NULL for participation */
	char **levels;         /* level ids that "meet" the indicator */
	int n_levels;
	int baseline; /* reduction: index into waves; -1 otherwise */
	/* participation: "parents" or "students", whose number per class the
	 * class list gives; entered share: the same, optional: then "N" alone
	 * is N of that number (NULL: the value is always "N/M") */
	char *expected;
	IndicatorTarget *targets;
	int n_targets;
	/* `min_change`: the least rise of the share against the baseline wave,
	 * in percentage points, that counts as positive dynamics (share,
	 * participation, entered share). */
	bool has_min_change;
	double min_change;
	/* share and reduction: the fewest respondents whose percent means
	 * something (`min_n` of the indicator, else of the programme, else
	 * PROGRAM_MIN_N); a row from fewer is marked too few and its met left
	 * empty. 0 for the other kinds. */
	int min_n;
	SourcePos pos;
} Indicator;

/* The programme's `min_n` when it gives none. */
#define PROGRAM_MIN_N 5

/* True for the kinds whose figure is a share in percent that can change
 * between waves (share, participation, entered share): the ones that take
 * `min_change`. */
bool program_kind_share(IndicatorKind kind);

/* One wave of a programme: its id (stored with every sitting) and how the
 * programme calls it. */
typedef struct {
	char *id;    /* "start" */
	char *title; /* "Исходные данные"; the id itself
	              * when the file lists waves in the short form */
} ProgramWave;

typedef struct Program {
	char *path;
	char *id;
	char *title;
	/* Ordered; waves[0] is the baseline (the programme table's "Исходные
	 * данные"), which carries no target; the others are the monitoring
	 * stages in order. */
	ProgramWave *waves;
	int n_waves;
	/* `classes: flagged`: the indicators count only the classes flagged in
	 * the class list (the programme's footnote: classes with ШНОР markers)
	 * and answers without a class; `classes: all` (the default): every
	 * class. */
	bool flagged_classes;
	/* `min_n` (default PROGRAM_MIN_N): for the shares and reductions that
	 * give none of their own. */
	int min_n;
	Indicator *indicators;
	int n_indicators;
} Program;

/*
 * Loads a programme file. References to surveys, scales and levels are
 * checked against surveys (which may be NULL to skip that check). Returns
 * NULL and adds every problem to diag on failure; free with program_free().
 */
Program *program_load(const char *path, const SurveySet *surveys, Diag *diag);

void program_free(Program *program);

/*
 * Loads every *.yaml in dir (in file-name order) as a programme checked
 * against surveys. A missing dir holds no programmes and is no error.
 * Returns the number of files that failed (their problems go to diag); the
 * good ones are in a new array *programs of *n, which the caller frees with
 * program_free() on each and free() on the array.
 */
int program_load_dir(const char *dir, const SurveySet *surveys, Program ***programs, int *n,
                     Diag *diag);

/* Index of a wave by name, or -1. */
int program_find_wave(const Program *program, const char *wave);

/* The indicator with this id, or NULL. */
const Indicator *program_find_indicator(const Program *program, const char *id);

/*
 * The waves of several programmes as one list, for what offers or orders
 * waves without one programme in mind (the kiosk menu, the groups table):
 * the programmes in their order, each one's waves in its order, a wave id
 * met again left out (its title is the first programme's). Returns a new
 * array of *n waves whose strings are borrowed from the programmes; the
 * caller frees the array only. No programmes: NULL and *n = 0.
 */
ProgramWave *program_waves_union(Program *const *programs, int n_programs, int *n);

/* How the programmes call a wave (the first that lists it), or the wave id
 * itself when none does. Borrowed. */
const char *program_wave_title(Program *const *programs, int n_programs, const char *wave);

#endif
