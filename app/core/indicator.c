/*
 * indicator.c: the programme's indicator table (DESIGN.md section 5).
 *
 * The work is linear in the sittings apart from one sort per indicator
 * that finds each respondent's latest completed sitting (respondent.h):
 * 100 000 sittings must take well under a second on an old school PC.
 */
#include "indicator.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "respondent.h"
#include "util.h"

/* What every indicator needs to know about the sittings, worked out once. */
typedef struct {
	const Program *program;
	const IndicatorSitting *sittings;
	int n_sittings;
	const ClassSize *sizes;
	int n_sizes;
	const IndicatorEntry *entries;
	int n_entries;
	bool flagged_only;    /* only flagged classes (and no class) count */
	const char **classes; /* sorted, unique, borrowed: those that count */
	int n_classes;
	int *wave_of;  /* per sitting: index into program->waves, or -1 */
	int *class_of; /* per sitting: index into classes, or -1 (a class that does
	                * not count) */
} IndicatorCtx;

/* Counts per wave x class (row-major by wave) for one indicator; after the
 * cells, one per wave for what was entered for the whole school. */
typedef struct {
	int *n;
	int *meeting;
	int *entries; /* entered kinds: how many values each cell gathers */
} IndicatorTally;

const char *
indicator_source_name(IndicatorSource source)
{
	return source == INDICATOR_SOURCE_ENTERED ? "entered" : "survey";
}

static const char *
indicator_str(const char *s)
{
	return s ? s : "";
}

static int
indicator_cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* True when the class counts: every class, or with the flags applied
 * (ctx->flagged_only) a class the class list flags, or no class at all
 * (teachers' answers belong to no class and count as they are). */
static bool
indicator_class_counts(const IndicatorCtx *ctx, const char *klass)
{
	if (!ctx->flagged_only || klass[0] == '\0')
		return true;
	for (int i = 0; i < ctx->n_sizes; i++)
		if (ctx->sizes[i].flagged &&
		    strcmp(indicator_str(ctx->sizes[i].class_name), klass) == 0)
			return true;
	return false;
}

/* Every class seen in the sittings or in the class list that counts, sorted
 * by bytes. */
static void
indicator_classes(IndicatorCtx *ctx)
{
	int n = 0, total = ctx->n_sittings + ctx->n_sizes + ctx->n_entries;
	const char **all = xcalloc((size_t)(total > 0 ? total : 1), sizeof *all);

	for (int i = 0; i < ctx->n_sittings; i++)
		all[n++] = indicator_str(ctx->sittings[i].class_name);
	for (int i = 0; i < ctx->n_sizes; i++)
		all[n++] = indicator_str(ctx->sizes[i].class_name);
	for (int i = 0; i < ctx->n_entries; i++)
		if (strcmp(ctx->entries[i].programme_id, ctx->program->id) == 0 &&
		    strcmp(ctx->entries[i].class_name, "*") != 0)
			all[n++] = ctx->entries[i].class_name;
	if (ctx->flagged_only) {
		int kept = 0;
		for (int i = 0; i < n; i++)
			if (indicator_class_counts(ctx, all[i]))
				all[kept++] = all[i];
		n = kept;
	}
	qsort(all, (size_t)n, sizeof *all, indicator_cmp_str);
	ctx->n_classes = 0;
	for (int i = 0; i < n; i++)
		if (ctx->n_classes == 0 || strcmp(all[ctx->n_classes - 1], all[i]) != 0)
			all[ctx->n_classes++] = all[i];
	ctx->classes = all;
}

static int
indicator_class_index(const IndicatorCtx *ctx, const char *name)
{
	const char *key = indicator_str(name);
	const char **hit = bsearch(&key, ctx->classes, (size_t)ctx->n_classes, sizeof *ctx->classes,
	                           indicator_cmp_str);

	return hit ? (int)(hit - ctx->classes) : -1;
}

static void
indicator_ctx_init(IndicatorCtx *ctx)
{
	size_t n = ctx->n_sittings > 0 ? (size_t)ctx->n_sittings : 1;

	indicator_classes(ctx);
	ctx->wave_of = xmalloc(n * sizeof *ctx->wave_of);
	ctx->class_of = xmalloc(n * sizeof *ctx->class_of);
	for (int i = 0; i < ctx->n_sittings; i++) {
		ctx->wave_of[i] = program_find_wave(ctx->program, ctx->sittings[i].wave);
		ctx->class_of[i] = indicator_class_index(ctx, ctx->sittings[i].class_name);
	}
}

/* True when the indicator counts sittings of this survey. */
static bool
indicator_lists_survey(const Indicator *ind, const char *survey_id)
{
	for (int i = 0; survey_id != NULL && i < ind->n_surveys; i++)
		if (strcmp(ind->surveys[i], survey_id) == 0)
			return true;
	return false;
}

/*
 * Marks the sittings that count for an indicator: completed, of one of its
 * surveys, in a programme wave, and for each respondent (class, code) within
 * a wave only the latest one among all its surveys, so a student who
 * answered two of them counts once. Sittings without a code each count.
 * The caller frees the array.
 */
static bool *
indicator_counted(const IndicatorCtx *ctx, const Indicator *ind)
{
	size_t cap = ctx->n_sittings > 0 ? (size_t)ctx->n_sittings : 1;
	bool *counted = xcalloc(cap, sizeof *counted);
	RespondentSitting *keys = xcalloc(cap, sizeof *keys);

	for (int i = 0; i < ctx->n_sittings; i++) {
		const IndicatorSitting *s = &ctx->sittings[i];
		bool candidate = ctx->wave_of[i] >= 0 && ctx->class_of[i] >= 0 &&
		                 indicator_lists_survey(ind, s->survey_id);
		/* One group for all the indicator's surveys. */
		keys[i] = (RespondentSitting){ s->wave, s->class_name, s->respondent,
			                       s->completed_at, candidate ? ind->id : NULL };
	}
	respondent_latest(keys, ctx->n_sittings, counted);
	free(keys);
	return counted;
}

/* Where the indicator's scale is in one survey, and which of its levels
 * "meet" the indicator. scale is -1 when the sittings of that survey file
 * cannot count: it has no such scale, or the scale lacks one of the
 * indicator's levels (an older version of the file, see versions.h). */
typedef struct {
	const Survey *survey;
	int scale;
	int missing_level; /* index into ind->levels of a level the scale lacks, or -1 */
	bool *member;      /* per level of that scale */
} IndicatorLevels;

/* The surveys of one indicator met so far, each looked up once. */
typedef struct {
	IndicatorLevels *items;
	int n;
} IndicatorLevelCache;

static void
indicator_scale_levels(const Indicator *ind, const Survey *survey, IndicatorLevels *out)
{
	const SurveyScale *sc;

	out->survey = survey;
	out->missing_level = -1;
	out->member = NULL;
	out->scale = ind->scale != NULL ? survey_find_scale(survey, ind->scale) : -1;
	if (out->scale < 0)
		return;
	sc = &survey->scales[out->scale];
	for (int k = 0; k < ind->n_levels; k++)
		if (survey_find_level(sc, ind->levels[k]) < 0) {
			out->missing_level = k;
			out->scale = -1;
			return;
		}
	out->member = xcalloc((size_t)sc->n_levels + 1, sizeof *out->member);
	for (int k = 0; k < ind->n_levels; k++)
		out->member[survey_find_level(sc, ind->levels[k])] = true;
}

/* The levels of survey, worked out on first use: an indicator over several
 * surveys meets them interleaved, and each has its own scale index. */
static const IndicatorLevels *
indicator_levels_of(IndicatorLevelCache *cache, const Indicator *ind, const Survey *survey)
{
	for (int i = 0; i < cache->n; i++)
		if (cache->items[i].survey == survey)
			return &cache->items[i];
	cache->items = xreallocarray(cache->items, (size_t)cache->n + 1, sizeof *cache->items);
	indicator_scale_levels(ind, survey, &cache->items[cache->n]);
	return &cache->items[cache->n++];
}

/* share and reduction: n = counted respondents with a value for the scale,
 * meeting = those whose level is one of the indicator's. */
static void
indicator_tally_scale(const IndicatorCtx *ctx, const Indicator *ind, const bool *counted,
                      IndicatorTally *t)
{
	IndicatorLevelCache cache = { NULL, 0 };

	for (int i = 0; i < ctx->n_sittings; i++) {
		const IndicatorSitting *s = &ctx->sittings[i];
		const IndicatorLevels *lv;
		const ScaleResult *r;
		int cell;

		if (!counted[i] || s->survey == NULL || s->results == NULL)
			continue;
		lv = indicator_levels_of(&cache, ind, s->survey);
		if (lv->scale < 0 || !s->results[lv->scale].has_value)
			continue;
		r = &s->results[lv->scale];
		cell = ctx->wave_of[i] * ctx->n_classes + ctx->class_of[i];
		t->n[cell]++;
		if (r->level >= 0 && r->level < s->survey->scales[lv->scale].n_levels &&
		    lv->member[r->level])
			t->meeting[cell]++;
	}
	for (int i = 0; i < cache.n; i++)
		free(cache.items[i].member);
	free(cache.items);
}

/* The expected people of a class for a participation indicator; 0 when the
 * class list does not name the class. */
static int
indicator_expected(const IndicatorCtx *ctx, const Indicator *ind, const char *klass)
{
	bool parents = ind->expected != NULL && strcmp(ind->expected, "parents") == 0;

	for (int i = 0; i < ctx->n_sizes; i++)
		if (strcmp(indicator_str(ctx->sizes[i].class_name), klass) == 0)
			return parents ? ctx->sizes[i].parents : ctx->sizes[i].students;
	return 0;
}

/* participation: n = expected people, meeting = counted respondents. */
static void
indicator_tally_participation(const IndicatorCtx *ctx, const Indicator *ind, const bool *counted,
                              IndicatorTally *t)
{
	for (int c = 0; c < ctx->n_classes; c++) {
		int expected = indicator_expected(ctx, ind, ctx->classes[c]);
		for (int w = 0; w < ctx->program->n_waves; w++)
			t->n[w * ctx->n_classes + c] = expected;
	}
	for (int i = 0; i < ctx->n_sittings; i++)
		if (counted[i])
			t->meeting[ctx->wave_of[i] * ctx->n_classes + ctx->class_of[i]]++;
}

/* The indicator's target at the wave, or NULL. */
static const IndicatorTarget *
indicator_target(const Indicator *ind, int wave)
{
	for (int i = 0; i < ind->n_targets; i++)
		if (ind->targets[i].wave == wave)
			return &ind->targets[i];
	return NULL;
}

/* Fills one row from its counts; percent is 100 * meeting / n in one
 * division, so whole percentages come out exact. entries is how many
 * entered values the cell gathers (entered kinds). */
static void
indicator_row(IndicatorRow *row, const Indicator *ind, const Program *program, int wave,
              const char *klass, int n, int meeting, int entries)
{
	const IndicatorTarget *target = indicator_target(ind, wave);

	memset(row, 0, sizeof *row);
	row->indicator_id = ind->id;
	row->wave = program->waves[wave].id;
	row->wave_title = program->waves[wave].title;
	row->class_name = xstrdup(klass);
	row->kind = ind->kind;
	row->source =
	    program_kind_entered(ind->kind) ? INDICATOR_SOURCE_ENTERED : INDICATOR_SOURCE_SURVEY;
	row->has_counts =
	    ind->kind != INDICATOR_COUNT && (ind->kind != INDICATOR_YESNO || entries > 1);
	row->n = n;
	row->meeting = meeting;
	row->has_percent = row->has_counts && n > 0;
	if (row->has_percent)
		row->percent = 100.0 * meeting / n;
	row->has_value = (ind->kind == INDICATOR_COUNT && entries > 0) ||
	                 (ind->kind == INDICATOR_YESNO && entries == 1);
	row->value = row->has_value ? meeting : 0;
	row->has_target = target != NULL && target->form != TARGET_PLUS;
	row->target = target != NULL ? target->value : 0;
}

/* The change of a share against the baseline wave's row of the same class,
 * in percentage points: 100 * (m*nb - mb*n) / (n*nb) in one division, so
 * that whole points come out exact; and whether it is positive dynamics. */
static void
indicator_change_pp(IndicatorRow *row, const Indicator *ind, const IndicatorRow *base)
{
	int64_t num, den;

	if (row == base || !row->has_percent || !base->has_percent)
		return;
	num = (int64_t)row->meeting * base->n - (int64_t)base->meeting * row->n;
	den = (int64_t)row->n * base->n;
	row->has_change_pp = true;
	row->change_pp = 100.0 * (double)num / (double)den;
	row->has_positive = ind->has_min_change;
	row->positive = ind->has_min_change && row->change_pp >= ind->min_change;
}

/* A "+N" target: the baseline row's entered number plus N, once it is
 * there. */
static void
indicator_plus_target(IndicatorRow *row, const Indicator *ind, int wave, const IndicatorRow *base)
{
	const IndicatorTarget *target = indicator_target(ind, wave);

	if (target == NULL || target->form != TARGET_PLUS || !base->has_value)
		return;
	row->has_target = true;
	row->target = base->value + target->value;
}

/*
 * Relative reduction of the share vs. the baseline wave of the same class:
 * 100 * (base - share) / base with base = mb/nb and share = m/n, computed
 * as 100 * (mb*n - m*nb) / (mb*n) in integers so that an exact halving is
 * exactly 50. The baseline row itself gets 0 when its share is above zero.
 */
static void
indicator_change(IndicatorRow *row, const IndicatorRow *base)
{
	int64_t num, den;

	if (row != base && base->has_percent && base->meeting == 0)
		row->nothing_to_reduce = true;
	if (!row->has_percent || !base->has_percent || base->meeting == 0)
		return;
	num = (int64_t)base->meeting * row->n - (int64_t)row->meeting * base->n;
	den = (int64_t)base->meeting * row->n;
	row->has_change = true;
	row->change = 100.0 * (double)num / (double)den;
}

/* met: the wave's target against the row's figure; a yes/no row that
 * gathers several answers meets it when every one of them is the target. */
/* A percent from fewer respondents than the indicator's min_n. */
static bool
indicator_few(const Indicator *ind, const IndicatorRow *row)
{
	return ind->min_n > 0 && row->has_percent && row->n < ind->min_n;
}

/* Marks a row too few to count (its own percent, or a reduction's
 * baseline), and drops positive dynamics that rest on too few. */
static void
indicator_too_few(IndicatorRow *row, const Indicator *ind, const IndicatorRow *base,
                  const IndicatorRow *reduction_base)
{
	row->too_few = indicator_few(ind, row) ||
	               (reduction_base != NULL && indicator_few(ind, reduction_base));
	if (indicator_few(ind, row) || indicator_few(ind, base))
		row->has_positive = row->positive = false;
}

static void
indicator_met(IndicatorRow *row, IndicatorKind kind)
{
	if (!row->has_target || row->too_few)
		return;
	if (kind == INDICATOR_REDUCTION) {
		row->has_met = row->has_change;
		row->met = row->has_change && row->change >= row->target;
	} else if (kind == INDICATOR_COUNT) {
		row->has_met = row->has_value;
		row->met = row->has_value && row->value >= row->target;
	} else if (kind == INDICATOR_YESNO && row->has_value) {
		row->has_met = true;
		row->met = row->value == (int)row->target;
	} else if (kind == INDICATOR_YESNO) {
		row->has_met = row->has_percent;
		row->met = row->has_percent && row->meeting == (row->target > 0 ? row->n : 0);
	} else {
		row->has_met = row->has_percent;
		row->met = row->has_percent && row->percent >= row->target;
	}
}

/* The rows of one wave: every class, then "*": the sum of the classes, or
 * for an entered indicator what was entered for the whole school. */
static void
indicator_emit_wave(const IndicatorCtx *ctx, const Indicator *ind, const IndicatorTally *t, int w,
                    IndicatorRow *rows)
{
	int nc = ctx->n_classes, school = ctx->program->n_waves * nc + w;
	int n_all = 0, meeting_all = 0, entries_all = 0;

	for (int c = 0; c < nc; c++) {
		int cell = w * nc + c, n = t->n[cell], meeting = t->meeting[cell];
		indicator_row(&rows[c], ind, ctx->program, w, ctx->classes[c], n, meeting,
		              t->entries[cell]);
		n_all += n;
		entries_all += t->entries[cell];
		/* A class the class list does not name expects nobody: its
		 * respondents stay out of the school's share as well, which
		 * otherwise counts people it never expected. */
		if (ind->kind != INDICATOR_PARTICIPATION || n > 0)
			meeting_all += meeting;
	}
	if (t->entries[school] > 0)
		indicator_row(&rows[nc], ind, ctx->program, w, "*", t->n[school],
		              t->meeting[school], t->entries[school]);
	else
		indicator_row(&rows[nc], ind, ctx->program, w, "*", n_all, meeting_all,
		              entries_all);
}

/* Appends one indicator's rows: every wave, every class, then "*". */
static void
indicator_emit(const IndicatorCtx *ctx, const Indicator *ind, const IndicatorTally *t,
               IndicatorTable *table)
{
	int per_wave = ctx->n_classes + 1, first = table->n;
	IndicatorRow *rows;

	table->rows = xreallocarray(
	    table->rows, (size_t)table->n + (size_t)ctx->program->n_waves * (size_t)per_wave,
	    sizeof *table->rows);
	rows = &table->rows[first];
	for (int w = 0; w < ctx->program->n_waves; w++)
		indicator_emit_wave(ctx, ind, t, w, &rows[w * per_wave]);
	table->n += ctx->program->n_waves * per_wave;
	for (int i = 0; i < ctx->program->n_waves * per_wave; i++) {
		int b = ind->baseline;
		const IndicatorRow *reduction_base = NULL;
		if (ind->kind == INDICATOR_REDUCTION && b >= 0 && b < ctx->program->n_waves) {
			reduction_base = &rows[b * per_wave + i % per_wave];
			indicator_change(&rows[i], reduction_base);
		}
		indicator_plus_target(&rows[i], ind, i / per_wave, &rows[i % per_wave]);
		if (program_kind_share(ind->kind))
			indicator_change_pp(&rows[i], ind, &rows[i % per_wave]);
		indicator_too_few(&rows[i], ind, &rows[i % per_wave], reduction_base);
		indicator_met(&rows[i], ind->kind);
	}
}

/* Entered kinds: each entry of the indicator adds to its cell (a class's,
 * or the whole school's after the cells). */
static void
indicator_tally_entered(const IndicatorCtx *ctx, const Indicator *ind, IndicatorTally *t)
{
	int nc = ctx->n_classes;

	for (int i = 0; i < ctx->n_entries; i++) {
		const IndicatorEntry *e = &ctx->entries[i];
		int w = program_find_wave(ctx->program, e->wave), c = -1, cell;
		bool school = strcmp(e->class_name, "*") == 0;

		if (w < 0 || strcmp(e->programme_id, ctx->program->id) != 0 ||
		    strcmp(e->indicator_id, ind->id) != 0)
			continue;
		if (!school && (c = indicator_class_index(ctx, e->class_name)) < 0)
			continue; /* a class the programme does not count */
		cell = school ? ctx->program->n_waves * nc + w : w * nc + c;
		t->entries[cell]++;
		t->meeting[cell] += e->value.n;
		t->n[cell] += ind->kind == INDICATOR_ENTERED_SHARE ? e->value.of : 1;
	}
}

/* True when two indicators count the sittings of the same surveys (a
 * programme's lists hold no survey twice, so equal sizes and one inclusion
 * make equal sets). */
static bool
indicator_same_surveys(const Indicator *a, const Indicator *b)
{
	if (a->n_surveys != b->n_surveys)
		return false;
	for (int i = 0; i < a->n_surveys; i++)
		if (!indicator_lists_survey(b, a->surveys[i]))
			return false;
	return true;
}

/* The counted sittings of an earlier indicator on the same surveys, or NULL. */
static bool *
indicator_shared_counted(const Program *program, int ind, bool **counted)
{
	for (int j = 0; j < ind; j++)
		if (indicator_same_surveys(&program->indicators[j], &program->indicators[ind]))
			return counted[j];
	return NULL;
}

/* The flagged classes of the class list, sorted, for the table. */
static void
indicator_flagged_list(const IndicatorCtx *ctx, IndicatorTable *table)
{
	table->flagged = xcalloc((size_t)ctx->n_sizes + 1, sizeof *table->flagged);
	for (int i = 0; i < ctx->n_sizes; i++)
		if (ctx->sizes[i].flagged)
			table->flagged[table->n_flagged++] =
			    xstrdup(indicator_str(ctx->sizes[i].class_name));
	qsort(table->flagged, (size_t)table->n_flagged, sizeof *table->flagged, indicator_cmp_str);
}

/* Tallies the programme's indicator i and appends its rows. counted[] and
 * made[] are as in indicator_compute(). */
static void
indicator_one(const IndicatorCtx *ctx, int i, bool **counted, bool **made, IndicatorTable *table)
{
	const Program *program = ctx->program;
	const Indicator *ind = &program->indicators[i];
	size_t cells = (size_t)program->n_waves * ((size_t)ctx->n_classes + 1) + 1;
	IndicatorTally t = { xcalloc(cells, sizeof(int)), xcalloc(cells, sizeof(int)),
		             xcalloc(cells, sizeof(int)) };

	if (program_kind_entered(ind->kind)) {
		indicator_tally_entered(ctx, ind, &t);
	} else {
		counted[i] = indicator_shared_counted(program, i, counted);
		if (counted[i] == NULL)
			counted[i] = made[i] = indicator_counted(ctx, ind);
		if (ind->kind == INDICATOR_PARTICIPATION)
			indicator_tally_participation(ctx, ind, counted[i], &t);
		else
			indicator_tally_scale(ctx, ind, counted[i], &t);
	}
	indicator_emit(ctx, ind, &t, table);
	free(t.n);
	free(t.meeting);
	free(t.entries);
}

void
indicator_compute(const Program *program, const IndicatorInput *input, IndicatorTable *table)
{
	IndicatorCtx ctx = { .program = program,
		             .sittings = input->sittings,
		             .n_sittings = input->n_sittings,
		             .sizes = input->classes,
		             .n_sizes = input->n_classes,
		             .entries = input->entries,
		             .n_entries = input->n_entries,
		             .flagged_only = program->flagged_classes && !input->by_school };
	bool **counted = xcalloc((size_t)program->n_indicators + 1, sizeof *counted);
	/* The counted arrays made here; the others are shared with an earlier
	 * indicator over the same surveys. */
	bool **made = xcalloc((size_t)program->n_indicators + 1, sizeof *made);

	*table = (IndicatorTable){ .flagged_only = ctx.flagged_only };
	if (ctx.flagged_only)
		indicator_flagged_list(&ctx, table);
	indicator_ctx_init(&ctx);
	for (int i = 0; i < program->n_indicators; i++)
		indicator_one(&ctx, i, counted, made, table);
	for (int i = 0; i < program->n_indicators; i++)
		free(made[i]);
	free(counted);
	free(made);
	free(ctx.classes);
	free(ctx.wave_of);
	free(ctx.class_of);
}

/* The completed sittings of one survey file that an indicator lists, in a
 * programme wave. */
static int
indicator_count_file(const Program *program, const Indicator *ind, const IndicatorSitting *sittings,
                     int n_sittings, const Survey *survey)
{
	int n = 0;

	for (int i = 0; i < n_sittings; i++)
		n += sittings[i].survey == survey && sittings[i].completed_at != NULL &&
		     indicator_lists_survey(ind, sittings[i].survey_id) &&
		     program_find_wave(program, sittings[i].wave) >= 0;
	return n;
}

static void
indicator_warn_file(const Program *program, const Indicator *ind, const IndicatorLevels *lv, int n,
                    Diag *warnings)
{
	const Survey *s = lv->survey;

	if (lv->missing_level < 0)
		diag_add(warnings, program->path, 0, 0,
		         _("indicator %s: sittings of %s version %d do not count, because that "
		           "version of the survey has no scale «%s»; sittings: %d"),
		         ind->id, s->id, s->version, ind->scale, n);
	else
		diag_add(warnings, program->path, 0, 0,
		         _("indicator %s: sittings of %s version %d do not count, because scale "
		           "«%s» of that version has no level «%s»; sittings: %d"),
		         ind->id, s->id, s->version, ind->scale, ind->levels[lv->missing_level], n);
}

void
indicator_warn(const Program *program, const IndicatorSitting *sittings, int n_sittings,
               Diag *warnings)
{
	for (int i = 0; i < program->n_indicators; i++) {
		const Indicator *ind = &program->indicators[i];
		IndicatorLevelCache cache = { NULL, 0 };

		for (int k = 0; ind->kind != INDICATOR_PARTICIPATION && k < n_sittings; k++) {
			const IndicatorSitting *s = &sittings[k];
			int before = cache.n, n;
			const IndicatorLevels *lv;

			if (s->survey == NULL || !indicator_lists_survey(ind, s->survey_id))
				continue;
			lv = indicator_levels_of(&cache, ind, s->survey);
			if (cache.n == before || lv->scale >= 0)
				continue; /* seen before, or it counts */
			n = indicator_count_file(program, ind, sittings, n_sittings, s->survey);
			if (n > 0)
				indicator_warn_file(program, ind, lv, n, warnings);
		}
		for (int k = 0; k < cache.n; k++)
			free(cache.items[k].member);
		free(cache.items);
	}
}

void
indicator_table_free(IndicatorTable *table)
{
	for (int i = 0; i < table->n; i++)
		free(table->rows[i].class_name);
	free(table->rows);
	for (int i = 0; i < table->n_flagged; i++)
		free(table->flagged[i]);
	free(table->flagged);
	*table = (IndicatorTable){ 0 };
}
