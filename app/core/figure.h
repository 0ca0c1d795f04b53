/*
 * figure.h: an indicator's figures as a person reads them, for whoever
 * presents an indicator table (the Results screen): the indicator's title,
 * the state of one cell (no data, too few, met, not met), its value and
 * target in words, the classes that have figures, the chart of the table
 * (chart.h) and the paired change of its scale (paired.h). Display-free:
 * plain data in, owned strings and arrays out.
 */
#ifndef ANKETA_FIGURE_H
#define ANKETA_FIGURE_H

#include "chart.h"
#include "indicator.h"
#include "paired.h"
#include "program.h"

typedef enum {
	FIGURE_NO_DATA, /* nobody answered its questionnaire in the wave, nothing entered */
	FIGURE_TOO_FEW, /* fewer respondents than min_n: shown, not judged */
	FIGURE_VALUE,   /* a figure, nothing to judge it by at this wave */
	/* The wave's target met or not; without a target, the positive
	 * dynamics min_change asks for (IndicatorRow.positive). */
	FIGURE_MET,
	FIGURE_NOT_MET,
} FigureState;

/*
 * The indicator's title as it is shown: "1.2. Доля ..." when its id is the
 * programme's number (digits and dots), else the title alone, so that an
 * internal id ("sd.students.climate") never reaches a reader. The caller
 * frees it.
 */
char *figure_title(const Indicator *indicator);

/* The row of the table for this indicator, wave id and class ("*": the
 * whole school), or NULL. */
const IndicatorRow *figure_row(const IndicatorTable *table, const char *indicator_id,
                               const char *wave, const char *class_name);

/*
 * The state of a row of table (NULL: no data). A participation row in a
 * wave where nobody of the whole school answered is FIGURE_NO_DATA (its
 * "0 of 25" only says that the questionnaire was not given), as is any row
 * without a figure.
 */
FigureState figure_state(const IndicatorTable *table, const IndicatorRow *row);

/* "снижение на 12,0 %" for a positive relative reduction, "рост на 18,2 %"
 * for a negative one (never a signed figure after "снижение"). The caller
 * frees it. */
char *figure_change_text(double change);

/*
 * The value of a row in words, one line: "нет данных"; "мало данных, n = 3";
 * a share "62,5 %"; a reduction after its baseline "снижение на 12,0 %" or
 * "рост на 18,2 %" (at the baseline, the share itself); a count "7"; yes/no
 * "да". Met or not is not in it (see figure_state). The caller frees it.
 */
char *figure_value_text(const Program *program, const Indicator *indicator,
                        const IndicatorTable *table, const IndicatorRow *row);

/* The row's target in words ("цель: 50 %", "цель: снижение на 30 %",
 * "цель: не менее 9", "цель: да"); where min_change asks for positive
 * dynamics, the change against the baseline too ("+12,0 п. п. (нужно
 * +10,0)"); NULL when there is neither. The caller frees
 * it. */
char *figure_target_text(const Program *program, const Indicator *indicator,
                         const IndicatorRow *row);

/*
 * The classes of an indicator in table with a figure in some wave, as a
 * school lists them (classname_compare: "2А" before "10А"), then "*" for
 * the whole school, always. Answers without a class count in the school
 * only. Returns a new array of *n borrowed names; the caller frees the
 * array.
 */
const char **figure_classes(const IndicatorTable *table, const char *indicator_id, int *n);

/* A chart of one indicator and what its strings and arrays are made of. */
typedef struct {
	Chart chart;
	char **categories; /* class names, the school's translated */
	char **labels;     /* per bar, or NULL */
	ChartBar *bars;
	const char **series;
	double *targets;
} FigureChart;

/*
 * The chart of an indicator whose figures are shares (share, reduction,
 * participation, entered share): one series per wave with a figure in
 * some class (the programme's titles; a wave nobody answered in is left
 * out, its "нет данных" is said in words), one category per class of
 * figure_classes() and the school last; a bar per class and wave with its
 * percent as its label, marked met or not met, an outline "мало данных,
 * n = 3" when too few, nothing when no data. The target lines are the
 * waves' percent targets; a reduction has none (its target is a
 * reduction, not a share), its bars are still marked. Returns false (and
 * fills nothing) for counts and yes/no, which are not shares, when no wave
 * has a figure, and when more waves have one than a chart has series.
 */
bool figure_chart(const Program *program, const Indicator *indicator, const IndicatorTable *table,
                  FigureChart *out);

void figure_chart_free(FigureChart *chart);

/*
 * The paired change of the indicator's scale in class ("*": the whole
 * school) from paired (one pair of waves): its summaries of every survey
 * the indicator lists added up. False when nobody paired there (or the
 * indicator has no scale).
 */
bool figure_paired(const Indicator *indicator, const PairedTable *paired, const char *class_name,
                   PairedSummary *sum);

/*
 * The classes with a pair for the indicator's scale in paired, as a school
 * lists them, "*" last when anyone paired (answers without a class, such
 * as teachers', are in "*" only). Returns a new array of *n
 * borrowed names; the caller frees the array.
 */
const char **figure_paired_classes(const Indicator *indicator, const PairedTable *paired, int *n);

#endif
