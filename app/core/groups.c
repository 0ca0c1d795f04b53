/*
 * groups.c: members of every level per wave and class: the latest completed
 * sitting of each respondent (respondent.h), then one entry per scale with a level, sorted
 * so that each group is a run of entries.
 */
#include "groups.h"

#include <stdlib.h>
#include <string.h>

#include "classname.h"
#include "respondent.h"
#include "util.h"

/* A completed sitting and where its wave stands in the programmes' order. */
typedef struct {
	const ResultSitting *sitting;
	int wave_rank;
} GroupSitting;

/* One respondent in one level of one scale. */
typedef struct {
	const ResultSitting *sitting;
	int wave_rank;
	int scale;
	int level;
} GroupEntry;

static const char *const groups_columns[] = {
	"wave", "class", "survey_id", "scale_id", "level", "label", "n", "no_code", "respondents",
};

/* The wave's place in the programmes' order (waves[0..n_waves-1]); a wave
 * no programme lists comes after them all. */
static int
groups_wave_rank(const char *wave, const ProgramWave *waves, int n_waves)
{
	for (int i = 0; i < n_waves; i++)
		if (strcmp(wave, waves[i].id) == 0)
			return i;
	return n_waves;
}

/* By rank, then (among the waves no programme lists) by name. */
static int
groups_compare_waves(int rank_a, const char *a, int rank_b, const char *b)
{
	return rank_a != rank_b ? rank_a - rank_b : strcmp(a, b);
}

/* Groups first by where (wave, class, survey, scale, level), then by code. */
static int
groups_compare_entries(const void *pa, const void *pb)
{
	const GroupEntry *a = pa, *b = pb;
	int c;

	if ((c = groups_compare_waves(a->wave_rank, a->sitting->wave, b->wave_rank,
	                              b->sitting->wave)) != 0 ||
	    (c = classname_compare(a->sitting->class_name, b->sitting->class_name)) != 0 ||
	    (c = strcmp(a->sitting->survey_id, b->sitting->survey_id)) != 0)
		return c;
	if (a->scale != b->scale)
		return a->scale - b->scale;
	if (a->level != b->level)
		return a->level - b->level;
	/* Codes as class names sort: "K2" before "K10". */
	return classname_compare(a->sitting->respondent, b->sitting->respondent);
}

static bool
groups_same_group(const GroupEntry *a, const GroupEntry *b)
{
	return strcmp(a->sitting->wave, b->sitting->wave) == 0 &&
	       strcmp(a->sitting->class_name, b->sitting->class_name) == 0 &&
	       strcmp(a->sitting->survey_id, b->sitting->survey_id) == 0 && a->scale == b->scale &&
	       a->level == b->level;
}

/* The completed sittings that count, one per respondent and survey in a
 * wave (respondent_latest()); *n gets how many. */
static GroupSitting *
groups_counted(const ResultSet *results, const ProgramWave *waves, int n_waves, int *n)
{
	GroupSitting *all = xcalloc((size_t)results->n + 1, sizeof *all);
	RespondentSitting *keys = xcalloc((size_t)results->n + 1, sizeof *keys);
	bool *counted = xcalloc((size_t)results->n + 1, sizeof *counted);
	int m = 0;

	for (int i = 0; i < results->n; i++) {
		const ResultSitting *s = &results->items[i];
		keys[i] =
		    (RespondentSitting){ s->wave, s->class_name, s->respondent,
			                 s->status == SITTING_COMPLETED ? s->completed_at : NULL,
			                 s->survey_id };
	}
	respondent_latest(keys, results->n, counted);
	for (int i = 0; i < results->n; i++)
		if (counted[i])
			all[m++] = (GroupSitting){ &results->items[i],
				                   groups_wave_rank(results->items[i].wave, waves,
				                                    n_waves) };
	free(keys);
	free(counted);
	*n = m;
	return all;
}

/* Writes the row of the group that starts at e[0] and is n entries long. */
static void
groups_row(const GroupEntry *e, int n, Table *table)
{
	const SurveyScale *scale = &e->sitting->survey->scales[e->scale];
	char *codes = xstrdup(""), *next;
	int no_code = 0;
	Cell cells[9];

	for (int i = 0; i < n; i++) {
		const char *code = e[i].sitting->respondent;
		if (code[0] == '\0') {
			no_code++;
			continue;
		}
		next = xasprintf("%s%s%s", codes, codes[0] ? ", " : "", code);
		free(codes);
		codes = next;
	}
	cells[0] = (Cell){ .kind = CELL_TEXT, .text = e->sitting->wave };
	cells[1] = (Cell){ .kind = CELL_TEXT, .text = e->sitting->class_name };
	cells[2] = (Cell){ .kind = CELL_TEXT, .text = e->sitting->survey_id };
	cells[3] = (Cell){ .kind = CELL_TEXT, .text = scale->id };
	cells[4] = (Cell){ .kind = CELL_TEXT, .text = scale->levels[e->level].id };
	cells[5] = (Cell){ .kind = CELL_TEXT, .text = scale->levels[e->level].label };
	cells[6] = (Cell){ .kind = CELL_NUMBER, .number = n };
	cells[7] = (Cell){ .kind = CELL_NUMBER, .number = no_code };
	cells[8] = (Cell){ .kind = CELL_TEXT, .text = codes };
	table_row(table, cells, 9);
	free(codes);
}

int
groups_table(const ResultSet *results, const ProgramWave *waves, int n_waves, Table *table)
{
	int n_counted, n = 0, cap = 16;
	GroupSitting *counted = groups_counted(results, waves, n_waves, &n_counted);
	GroupEntry *entries = xcalloc((size_t)cap, sizeof *entries);

	table_begin(table, "groups", groups_columns, 9);
	for (int i = 0; i < n_counted; i++) {
		const ResultSitting *s = counted[i].sitting;
		for (int k = 0; k < s->survey->n_scales; k++) {
			if (s->survey->scales[k].n_levels == 0 || !s->results[k].has_value ||
			    s->results[k].level < 0)
				continue;
			if (n == cap)
				entries =
				    xreallocarray(entries, (size_t)(cap *= 2), sizeof *entries);
			entries[n++] =
			    (GroupEntry){ s, counted[i].wave_rank, k, s->results[k].level };
		}
	}
	qsort(entries, (size_t)n, sizeof *entries, groups_compare_entries);
	for (int start = 0, end; start < n; start = end) {
		for (end = start + 1; end < n && groups_same_group(&entries[start], &entries[end]);)
			end++;
		groups_row(&entries[start], end - start, table);
	}
	free(entries);
	free(counted);
	return 0;
}
