/*
 * paired.h: paired change between two waves. A respondent (class and code)
 * who answered a survey in both waves is a pair; each counts once per wave,
 * by its latest completed sitting (respondent.h), and respondents without a
 * code never pair. For every scale with a level in both sittings the pair
 * moves from one level to another: the table counts the pairs in every
 * from-level x to-level cell, per survey, scale and class, and for the
 * whole school (class "*").
 *
 * Levels are listed from the best to the worst in every survey file
 * (DESIGN.md section 3), so a move "up" is a move to a level listed
 * earlier (a better one: less anxiety, more motivation), "down" to one
 * listed later. A level's rank is its place in its own file's list.
 */
#ifndef ANKETA_PAIRED_H
#define ANKETA_PAIRED_H

#include "results.h"
#include "table.h"

/* One non-empty cell. The strings are borrowed from the results (class
 * "*" is static): the ResultSet must outlive the table. */
typedef struct {
	const char *survey_id;
	const char *scale_id;
	const char *class_name; /* "*" for the whole school */
	const char *from_level; /* level ids */
	const char *to_level;
	int from_rank; /* the level's place in its scale's list: 0 is the best */
	int to_rank;
	int n; /* pairs, at least 1 */
} PairedCell;

/* The cells of one survey, scale and class added up. */
typedef struct {
	const char *survey_id;
	const char *scale_id;
	const char *class_name;
	int pairs; /* up + same + down */
	int up;    /* to a better level (to_rank < from_rank) */
	int same;
	int down;
} PairedSummary;

typedef struct {
	PairedCell *cells; /* by survey id, scale id (bytes), class (classname_compare,
	                    * "*" last), from_rank, to_rank */
	int n_cells;
	PairedSummary *summaries; /* one per survey, scale and class, in the same order */
	int n_summaries;
} PairedTable;

/* Computes the paired change from from_wave to to_wave over the scored
 * sittings. An empty table when nobody pairs. */
void paired_compute(const ResultSet *results, const char *from_wave, const char *to_wave,
                    PairedTable *table);

void paired_table_free(PairedTable *table);

/* Refuses two waves that are the same, or a wave in which the results have
 * no completed sitting (a mistyped wave, most likely): -1 with *cause (one
 * sentence naming the waves there are; the caller frees it); else 0. */
int paired_check_waves(const ResultSet *results, const char *from_wave, const char *to_wave,
                       char **cause);

/* Writes the `shifts` table of DESIGN.md section 5:
 * survey_id,scale_id,class,from_wave,to_wave,from_level,to_level,n, one
 * row per cell in the table's order. Returns 0. */
int paired_write(const PairedTable *paired, const char *from_wave, const char *to_wave,
                 Table *table);

#endif
