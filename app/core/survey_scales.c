/*
 * survey_scales.c: a survey file's scales: their fields and level bands as
 * written, their items resolved into questions and nested scales, and the
 * scales put in dependency order (a nested scale before its parent), with
 * a circle of nested scales reported.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "survey_internal.h"
#include "util.h"

static const char *const method_names[] = {
	[SCALE_SUM] = "sum",
	[SCALE_MEAN] = "mean",
	[SCALE_PERCENT_OF_MAX] = "percent_of_max",
};

static void
survey_parse_level(Loader *L, yaml_node_t *node, const char *scale_context, SurveyLevel *lv,
                   ScaleDraft *draft)
{
	YamlField f[] = {
		{ "id", true, NULL },  { "label", true, NULL },           { "min", true, NULL },
		{ "max", true, NULL }, { "interpretation", false, NULL },
	};
	YamlDoc *yd = &L->yd;
	const char *id = yamldoc_scalar(yamldoc_lookup(yd, node, "id"));
	char *context;

	lv->pos = yamldoc_pos(node);
	context = xasprintf(_("%s, level %s"), scale_context, id ? id : "?");
	if (!yamldoc_fields(yd, node, context, f, 5)) {
		draft->levels_bad = true;
		goto out;
	}
	if (f[0].value && yamldoc_get_string(yd, f[0].value, context, "id", &lv->id) &&
	    !yamldoc_id_valid(lv->id, SURVEY_NAME_CHARS))
		yamldoc_error(
		    yd, f[0].value, context,
		    _("a level id may hold only Latin letters, digits, «_», «.» and «-»"));
	if (f[1].value)
		yamldoc_get_string(yd, f[1].value, context, "label", &lv->label);
	if (!f[2].value || !yamldoc_get_number(yd, f[2].value, context, "min", &lv->min))
		draft->levels_bad = true;
	if (!f[3].value || !yamldoc_get_number(yd, f[3].value, context, "max", &lv->max))
		draft->levels_bad = true;
	if (f[4].value)
		yamldoc_get_string(yd, f[4].value, context, "interpretation", &lv->interpretation);
out:
	if (lv->label == NULL)
		lv->label = xstrdup("");
	free(context);
}

static void
survey_parse_levels(Loader *L, yaml_node_t *node, const char *context, SurveyScale *sc,
                    ScaleDraft *draft)
{
	YamlDoc *yd = &L->yd;
	int n;

	if (!yamldoc_get_sequence(yd, node, context, "levels") ||
	    yamldoc_too_long(yd, node, context, "levels", SURVEY_MAX_OPTIONS)) {
		draft->levels_bad = true;
		return;
	}
	n = yamldoc_length(node);
	sc->levels = xcalloc((size_t)n, sizeof *sc->levels);
	for (int i = 0; i < n; i++) {
		SurveyLevel *lv = &sc->levels[i];
		survey_parse_level(L, yamldoc_item(yd, node, i), context, lv, draft);
		sc->n_levels = i + 1;
		for (int j = 0; lv->id && j < i; j++)
			if (sc->levels[j].id && strcmp(sc->levels[j].id, lv->id) == 0) {
				yamldoc_error(
				    yd, yamldoc_item(yd, node, i), context,
				    _("the level id «%s» is used twice (also at line %d)"), lv->id,
				    sc->levels[j].pos.line);
				break;
			}
	}
}

/* The scale's method and its numeric settings, with their defaults. */
static void
survey_scale_numbers(Loader *L, YamlField *f, const char *context, SurveyScale *sc,
                     ScaleDraft *draft)
{
	YamlDoc *yd = &L->yd;
	int method =
	    f[3].value ? survey_word_index(yamldoc_scalar(f[3].value), method_names, 3) : 0;

	if (method < 0)
		yamldoc_error(yd, f[3].value, context,
		              _("unknown method «%s»; use sum, mean or percent_of_max"),
		              yamldoc_scalar_or(f[3].value, "?"));
	sc->method = method < 0 ? SCALE_SUM : (ScaleMethod)method;
	draft->bad |= method < 0 || f[3].value == NULL;
	sc->multiplier = 1;
	if (f[4].value &&
	    (!yamldoc_get_number(yd, f[4].value, context, "multiplier", &sc->multiplier) ||
	     sc->multiplier == 0)) {
		if (sc->multiplier == 0)
			yamldoc_error(yd, f[4].value, context, _("the multiplier must not be 0"));
		draft->bad = true;
	}
	if (f[5].value && !yamldoc_get_number(yd, f[5].value, context, "offset", &sc->offset))
		draft->bad = true;
	if (f[6].value &&
	    !yamldoc_get_int(yd, f[6].value, context, "min_answered", 0, 100000, &sc->min_answered))
		draft->bad = true;
	sc->precision = sc->method == SCALE_SUM ? 0 : 1;
	if (f[7].value &&
	    !yamldoc_get_int(yd, f[7].value, context, "precision", 0, 6, &sc->precision))
		draft->bad = true;
}

static void
survey_parse_scale(Loader *L, yaml_node_t *node, int index, SurveyScale *sc, ScaleDraft *draft)
{
	YamlField f[] = {
		{ "id", true, NULL },
		{ "title", true, NULL },
		{ "items", true, NULL },
		{ "method", true, NULL },
		{ "multiplier", false, NULL },
		{ "offset", false, NULL },
		{ "min_answered", false, NULL },
		{ "precision", false, NULL },
		{ "levels", false, NULL },
	};
	YamlDoc *yd = &L->yd;
	const char *id = yamldoc_scalar(yamldoc_lookup(yd, node, "id"));
	char *context = id ? xasprintf(_("scale %s"), id) : xasprintf(_("scale %d"), index + 1);

	sc->pos = yamldoc_pos(node);
	sc->multiplier = 1;
	draft->bad = true;
	if (!yamldoc_fields(yd, node, context, f, 9))
		goto out;
	draft->bad = false;
	if (f[0].value && yamldoc_get_string(yd, f[0].value, context, "id", &sc->id) &&
	    !yamldoc_id_valid(sc->id, SURVEY_NAME_CHARS))
		yamldoc_error(
		    yd, f[0].value, context,
		    _("a scale id may hold only Latin letters, digits, «_», «.» and «-»"));
	if (f[1].value)
		yamldoc_get_string(yd, f[1].value, context, "title", &sc->title);
	if (f[2].value && yamldoc_get_sequence(yd, f[2].value, context, "items"))
		draft->items = f[2].value;
	else
		draft->bad = true;
	survey_scale_numbers(L, f, context, sc, draft);
	if (f[8].value)
		survey_parse_levels(L, f[8].value, context, sc, draft);
out:
	if (sc->title == NULL)
		sc->title = xstrdup("");
	free(context);
}

/* Resolves item i of scale s into *out; false (reported) when it cannot
 * be an item. */
static bool
survey_resolve_item(Loader *L, int s, int i, const char *context, ScaleItem *out)
{
	Survey *sv = L->s;
	yaml_node_t *items = L->drafts[s].items, *node = yamldoc_item(&L->yd, items, i);
	const char *name = yamldoc_scalar(node);
	int q = survey_find_question(sv, name), t = survey_find_scale(sv, name);
	bool twice = false;

	for (int j = 0; j < i && name; j++)
		twice |= strcmp(yamldoc_scalar_or(yamldoc_item(&L->yd, items, j), ""), name) == 0;
	if (name == NULL || (q < 0 && t < 0))
		yamldoc_error(&L->yd, node, context,
		              _("unknown item «%s»: no question or scale has this id"),
		              name ? name : "?");
	else if (q >= 0 && t >= 0)
		yamldoc_error(&L->yd, node, context,
		              _("the item «%s» is both a question and a scale; rename one"), name);
	else if (twice)
		yamldoc_error(&L->yd, node, context, _("the item «%s» is listed twice"), name);
	else if (q >= 0 && !survey_type_scored(sv->questions[q].type))
		yamldoc_error(&L->yd, node, context,
		              _("question %s is of type %s and has no score, so it cannot be a "
		                "scale item"),
		              name, survey_type_names[sv->questions[q].type]);
	else {
		out->is_scale = t >= 0;
		out->index = t >= 0 ? t : q;
		return true;
	}
	return false;
}

/* Resolves one scale's item names into questions or scales. */
static void
survey_resolve_items(Loader *L, int s)
{
	SurveyScale *sc = &L->s->scales[s];
	yaml_node_t *items = L->drafts[s].items;
	char *context = xasprintf(_("scale %s"), sc->id ? sc->id : "?");
	int n = yamldoc_length(items);

	if (yamldoc_too_long(&L->yd, items, context, "items", SURVEY_MAX_ENTRIES)) {
		L->drafts[s].bad = true;
		n = 0;
	}
	sc->items = xcalloc((size_t)n, sizeof *sc->items);
	for (int i = 0; i < n; i++) {
		ScaleItem *it = &sc->items[sc->n_items];
		if (!survey_resolve_item(L, s, i, context, it)) {
			L->drafts[s].bad = true;
			continue;
		}
		/* A question whose options failed to load was reported
		 * already; its scale's range would only mislead. */
		if (!it->is_scale && L->s->questions[it->index].n_options == 0)
			L->drafts[s].bad = true;
		sc->n_items++;
	}
	if (n == 0) {
		yamldoc_error(&L->yd, items, context, _("the scale has no items"));
		L->drafts[s].bad = true;
	}
	free(context);
}

/* Reports the circle of nested scales stack[from..top] -> back. */
static void
survey_report_cycle(Loader *L, const int *stack, int from, int top, int back)
{
	size_t cap = 64, len = 0;
	char *path = xmalloc(cap);

	path[0] = '\0';
	for (int i = from; i <= top + 1; i++) {
		const char *id = L->s->scales[i <= top ? stack[i] : back].id;
		size_t need = strlen(id ? id : "?") + 8;
		if (len + need >= cap) {
			cap = (len + need) * 2;
			path = xreallocarray(path, cap, 1);
		}
		len += (size_t)sprintf(path + len, "%s%s", i > from ? " → " : "", id ? id : "?");
		if (i <= top)
			L->drafts[stack[i]].bad = true;
	}
	yamldoc_error_pos(&L->yd, L->s->scales[back].pos, NULL,
	                  _("scales are nested in a circle: %s"), path);
	free(path);
}

/* Depth-first over nested scales without recursion (a file may nest
 * deeply); fills out[] with scales in post-order, nested before parent. */
static void
survey_scale_postorder(Loader *L, int *out)
{
	Survey *s = L->s;
	int n = s->n_scales, k = 0, top = -1;
	int *stack = xcalloc((size_t)n, sizeof *stack), *next = xcalloc((size_t)n, sizeof *next);

	for (int r = 0; r < n; r++) {
		if (L->drafts[r].state != 0)
			continue;
		stack[++top] = r;
		L->drafts[r].state = 1;
		while (top >= 0) {
			int v = stack[top];
			if (next[v] < s->scales[v].n_items) {
				ScaleItem it = s->scales[v].items[next[v]++];
				int w = it.index, from = top;
				if (!it.is_scale || L->drafts[w].state == 2)
					continue;
				if (L->drafts[w].state == 0) {
					stack[++top] = w;
					L->drafts[w].state = 1;
					continue;
				}
				while (stack[from] != w)
					from--;
				survey_report_cycle(L, stack, from, top, w);
				continue;
			}
			L->drafts[v].state = 2;
			out[k++] = v;
			top--;
		}
	}
	free(stack);
	free(next);
}

/* Puts nested scales before their parents, as survey.h promises. */
static void
survey_order_scales(Loader *L)
{
	Survey *s = L->s;
	int n = s->n_scales;
	int *out = xcalloc((size_t)n, sizeof *out), *where = xcalloc((size_t)n, sizeof *where);
	SurveyScale *scales = xcalloc((size_t)n, sizeof *scales);
	ScaleDraft *drafts = xcalloc((size_t)n, sizeof *drafts);

	survey_scale_postorder(L, out);
	for (int j = 0; j < n; j++) {
		scales[j] = s->scales[out[j]];
		drafts[j] = L->drafts[out[j]];
		where[out[j]] = j;
	}
	for (int j = 0; j < n; j++)
		for (int i = 0; i < scales[j].n_items; i++)
			if (scales[j].items[i].is_scale)
				scales[j].items[i].index = where[scales[j].items[i].index];
	free(s->scales);
	free(L->drafts);
	s->scales = scales;
	L->drafts = drafts;
	free(out);
	free(where);
}

void
survey_scales_parse(Loader *L, yaml_node_t *node)
{
	YamlDoc *yd = &L->yd;
	Survey *s = L->s;
	int n;

	if (!yamldoc_get_sequence(yd, node, NULL, "scales") ||
	    yamldoc_too_long(yd, node, NULL, "scales", SURVEY_MAX_ENTRIES))
		return;
	n = yamldoc_length(node);
	s->scales = xcalloc((size_t)n, sizeof *s->scales);
	L->drafts = xcalloc((size_t)n, sizeof *L->drafts);
	for (int i = 0; i < n; i++) {
		SurveyScale *sc = &s->scales[i];
		survey_parse_scale(L, yamldoc_item(yd, node, i), i, sc, &L->drafts[i]);
		s->n_scales = i + 1;
		for (int j = 0; sc->id && j < i; j++)
			if (s->scales[j].id && strcmp(s->scales[j].id, sc->id) == 0) {
				yamldoc_error(
				    yd, yamldoc_item(yd, node, i), NULL,
				    _("the scale id «%s» is used twice (also at line %d)"), sc->id,
				    s->scales[j].pos.line);
				L->drafts[i].bad = true;
				break;
			}
	}
	for (int i = 0; i < n; i++)
		if (L->drafts[i].items != NULL)
			survey_resolve_items(L, i);
	survey_order_scales(L);
}
