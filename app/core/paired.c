/*
 * paired.c: paired change between two waves (see paired.h). The latest
 * sittings of the two waves are sorted so that each respondent's two stand
 * side by side; every pair gives one entry per scale, the entries are
 * sorted and counted into cells per class, and those cells are added up
 * into the school's.
 */
#include "paired.h"

#include <stdlib.h>
#include <string.h>

#include "classname.h"
#include "respondent.h"
#include "util.h"

static const char *const shifts_columns[] = {
	"survey_id", "scale_id", "class", "from_wave", "to_wave", "from_level", "to_level", "n",
};

static const char *
str(const char *s)
{
	return s ? s : "";
}

typedef struct {
	PairedCell *items;
	int n;
	int cap;
} CellList;

static void
cells_add(CellList *list, PairedCell cell)
{
	if (list->n == list->cap) {
		list->cap = list->cap ? 2 * list->cap : 64;
		list->items = xreallocarray(list->items, (size_t)list->cap, sizeof *list->items);
	}
	list->items[list->n++] = cell;
}

static int
compare_cells(const void *pa, const void *pb)
{
	const PairedCell *a = pa, *b = pb;
	int c;

	if ((c = strcmp(a->survey_id, b->survey_id)) != 0 ||
	    (c = strcmp(a->scale_id, b->scale_id)) != 0 ||
	    (c = classname_compare(a->class_name, b->class_name)) != 0)
		return c;
	if (a->from_rank != b->from_rank)
		return a->from_rank - b->from_rank;
	if (a->to_rank != b->to_rank)
		return a->to_rank - b->to_rank;
	if ((c = strcmp(a->from_level, b->from_level)) != 0)
		return c;
	return strcmp(a->to_level, b->to_level);
}

static bool
same_cell(const PairedCell *a, const PairedCell *b)
{
	return compare_cells(a, b) == 0;
}

/* Sorts the list and adds up the equal cells of each run into one. */
static void
cells_merge(CellList *list)
{
	int kept = 0;

	if (list->n > 1)
		qsort(list->items, (size_t)list->n, sizeof *list->items, compare_cells);
	for (int i = 0; i < list->n; i++) {
		if (kept > 0 && same_cell(&list->items[kept - 1], &list->items[i]))
			list->items[kept - 1].n += list->items[i].n;
		else
			list->items[kept++] = list->items[i];
	}
	list->n = kept;
}

/* One entry per scale that has a level in both sittings of a pair. */
static void
add_pair(CellList *list, const ResultSitting *from, const ResultSitting *to)
{
	for (int j = 0; j < to->survey->n_scales; j++) {
		const SurveyScale *scale = &to->survey->scales[j];
		int i = survey_find_scale(from->survey, scale->id);
		int a, b;
		if (i < 0)
			continue;
		a = from->results[i].level;
		b = to->results[j].level;
		if (!from->results[i].has_value || !to->results[j].has_value || a < 0 || b < 0)
			continue;
		cells_add(list, (PairedCell){ to->survey_id, scale->id, to->class_name,
		                              from->survey->scales[i].levels[a].id,
		                              scale->levels[b].id, a, b, 1 });
	}
}

/* Orders the latest sittings by survey, class and code, the earlier wave
 * first, so that a pair stands side by side. */
static int
compare_sittings(const void *pa, const void *pb)
{
	const ResultSitting *a = *(const ResultSitting *const *)pa;
	const ResultSitting *b = *(const ResultSitting *const *)pb;
	int c;

	if ((c = strcmp(a->survey_id, b->survey_id)) != 0 ||
	    (c = strcmp(str(a->class_name), str(b->class_name))) != 0 ||
	    (c = strcmp(a->respondent, b->respondent)) != 0)
		return c;
	return (a > b) - (a < b);
}

/* The latest completed sitting with a code of each respondent, per survey,
 * in either wave; *n gets how many. */
static const ResultSitting **
latest_coded(const ResultSet *results, const char *from_wave, const char *to_wave, int *n)
{
	RespondentSitting *keys = xcalloc((size_t)results->n + 1, sizeof *keys);
	bool *counted = xcalloc((size_t)results->n + 1, sizeof *counted);
	const ResultSitting **latest = xcalloc((size_t)results->n + 1, sizeof *latest);
	int m = 0;

	for (int i = 0; i < results->n; i++) {
		const ResultSitting *s = &results->items[i];
		bool in_waves =
		    strcmp(str(s->wave), from_wave) == 0 || strcmp(str(s->wave), to_wave) == 0;
		keys[i] =
		    (RespondentSitting){ s->wave, s->class_name, s->respondent,
			                 s->status == SITTING_COMPLETED ? s->completed_at : NULL,
			                 in_waves && str(s->respondent)[0] != '\0' ? s->survey_id
			                                                           : NULL };
	}
	respondent_latest(keys, results->n, counted);
	for (int i = 0; i < results->n; i++)
		if (counted[i])
			latest[m++] = &results->items[i];
	free(counted);
	free(keys);
	*n = m;
	return latest;
}

/* The cells per class: one entry per pair and scale, counted. */
static void
class_cells(const ResultSet *results, const char *from_wave, const char *to_wave, CellList *list)
{
	int n;
	const ResultSitting **latest = latest_coded(results, from_wave, to_wave, &n);

	if (n > 1)
		qsort(latest, (size_t)n, sizeof *latest, compare_sittings);
	for (int k = 0; k + 1 < n; k++) {
		const ResultSitting *a = latest[k], *b = latest[k + 1];
		if (strcmp(a->survey_id, b->survey_id) != 0 ||
		    strcmp(str(a->class_name), str(b->class_name)) != 0 ||
		    strcmp(a->respondent, b->respondent) != 0)
			continue;
		/* One latest sitting per wave: a and b are the two waves. */
		if (strcmp(a->wave, from_wave) == 0)
			add_pair(list, a, b);
		else
			add_pair(list, b, a);
	}
	free(latest);
	cells_merge(list);
}

static void
summarise(PairedTable *table)
{
	PairedSummary *sum = NULL;

	table->summaries = xcalloc((size_t)table->n_cells + 1, sizeof *table->summaries);
	for (int i = 0; i < table->n_cells; i++) {
		const PairedCell *c = &table->cells[i];
		if (sum == NULL || strcmp(sum->survey_id, c->survey_id) != 0 ||
		    strcmp(sum->scale_id, c->scale_id) != 0 ||
		    strcmp(sum->class_name, c->class_name) != 0) {
			sum = &table->summaries[table->n_summaries++];
			*sum =
			    (PairedSummary){ c->survey_id, c->scale_id, c->class_name, 0, 0, 0, 0 };
		}
		sum->pairs += c->n;
		if (c->to_rank < c->from_rank)
			sum->up += c->n;
		else if (c->to_rank > c->from_rank)
			sum->down += c->n;
		else
			sum->same += c->n;
	}
}

void
paired_compute(const ResultSet *results, const char *from_wave, const char *to_wave,
               PairedTable *table)
{
	CellList cells = { 0 }, school = { 0 };

	class_cells(results, from_wave, to_wave, &cells);
	for (int i = 0; i < cells.n; i++) {
		PairedCell whole = cells.items[i];
		whole.class_name = "*";
		cells_add(&school, whole);
	}
	cells_merge(&school);
	for (int i = 0; i < school.n; i++)
		cells_add(&cells, school.items[i]);
	free(school.items);
	if (cells.n > 1)
		qsort(cells.items, (size_t)cells.n, sizeof *cells.items, compare_cells);
	*table = (PairedTable){ .cells = cells.items, .n_cells = cells.n };
	summarise(table);
}

void
paired_table_free(PairedTable *table)
{
	free(table->cells);
	free(table->summaries);
	*table = (PairedTable){ 0 };
}

/* The waves with completed sittings, in the order first met, joined by
 * ", " (a new string). */
static char *
waves_there(const ResultSet *results)
{
	const char **seen = xcalloc((size_t)results->n + 1, sizeof *seen);
	char *list = xstrdup(""), *next;
	int n = 0, k;

	for (int i = 0; i < results->n; i++) {
		const char *wave = str(results->items[i].wave);
		if (results->items[i].status != SITTING_COMPLETED)
			continue;
		for (k = 0; k < n && strcmp(seen[k], wave) != 0; k++)
			;
		if (k < n)
			continue;
		seen[n++] = wave;
		next = xasprintf("%s%s%s", list, n > 1 ? ", " : "", wave);
		free(list);
		list = next;
	}
	free(seen);
	return list;
}

static bool
wave_has_sittings(const ResultSet *results, const char *wave)
{
	for (int i = 0; i < results->n; i++)
		if (results->items[i].status == SITTING_COMPLETED &&
		    strcmp(str(results->items[i].wave), wave) == 0)
			return true;
	return false;
}

int
paired_check_waves(const ResultSet *results, const char *from_wave, const char *to_wave,
                   char **cause)
{
	const char *missing = !wave_has_sittings(results, from_wave) ? from_wave
	                      : !wave_has_sittings(results, to_wave) ? to_wave
	                                                             : NULL;
	char *waves;

	if (strcmp(from_wave, to_wave) == 0) {
		*cause = xasprintf(_("--from and --to name the same wave %s: a change needs two "
		                     "waves"),
		                   from_wave);
		return -1;
	}
	if (missing == NULL)
		return 0;
	waves = waves_there(results);
	*cause = waves[0] ? xasprintf(_("no completed questionnaire in wave %s; the waves "
	                                "answered are: %s"),
	                              missing, waves)
	                  : xasprintf(_("no completed questionnaire in wave %s: nothing has "
	                                "been answered yet"),
	                              missing);
	free(waves);
	return -1;
}

int
paired_write(const PairedTable *paired, const char *from_wave, const char *to_wave, Table *table)
{
	table_begin(table, "shifts", shifts_columns, 8);
	for (int i = 0; i < paired->n_cells; i++) {
		const PairedCell *c = &paired->cells[i];
		Cell cells[8] = {
			{ CELL_TEXT, c->survey_id, 0 },  { CELL_TEXT, c->scale_id, 0 },
			{ CELL_TEXT, c->class_name, 0 }, { CELL_TEXT, from_wave, 0 },
			{ CELL_TEXT, to_wave, 0 },       { CELL_TEXT, c->from_level, 0 },
			{ CELL_TEXT, c->to_level, 0 },   { CELL_NUMBER, NULL, c->n },
		};
		table_row(table, cells, 8);
	}
	return 0;
}
