/*
 * survey_alerts.c: a survey file's alerts (a question and the scores that
 * flag a sitting for the psychologist), each checked to be one some
 * answer can raise.
 */
#include <math.h>
#include <stdlib.h>

#include "survey_internal.h"
#include "util.h"

/* True when some answer to q scores inside the alert's bounds: one option
 * for a single choice; for a multi question, any score between its lowest
 * and highest sum counts (a cheap, generous check). */
static bool
survey_alert_reachable(const SurveyQuestion *q, const SurveyAlert *a)
{
	double lo, hi;

	if (a->min_score > a->max_score)
		return false;
	if (q->type == QUESTION_MULTI) {
		survey_range_question(q, &lo, &hi);
		return hi >= a->min_score && lo <= a->max_score;
	}
	for (int i = 0; i < q->n_options; i++)
		if (q->options[i].score >= a->min_score && q->options[i].score <= a->max_score)
			return true;
	return false;
}

static void
survey_parse_alert(Loader *L, yaml_node_t *node, int index, SurveyAlert *a)
{
	YamlField f[] = {
		{ "question", true, NULL },
		{ "min_score", false, NULL },
		{ "message", true, NULL },
		{ "max_score", false, NULL },
	};
	YamlDoc *yd = &L->yd;
	char *context = xasprintf(_("alert %d"), index + 1);
	const char *name;

	a->pos = yamldoc_pos(node);
	a->question = -1;
	a->min_score = -INFINITY;
	a->max_score = INFINITY;
	if (!yamldoc_fields(yd, node, context, f, 4))
		goto out;
	if (f[1].value == NULL && f[3].value == NULL)
		yamldoc_error(yd, node, context,
		              _("an alert needs min_score, max_score or both: the answers whose "
		                "score raises it"));
	name = yamldoc_scalar(f[0].value);
	if (f[0].value) {
		a->question = survey_find_question(L->s, name);
		if (a->question < 0)
			yamldoc_error(yd, f[0].value, context, _("unknown question «%s»"),
			              name ? name : "?");
		else if (!survey_type_scored(L->s->questions[a->question].type))
			yamldoc_error(
			    yd, f[0].value, context,
			    _("question %s is of type %s and has no score to raise an alert"), name,
			    survey_type_names[L->s->questions[a->question].type]);
	}
	if (f[1].value)
		yamldoc_get_number(yd, f[1].value, context, "min_score", &a->min_score);
	if (f[3].value)
		yamldoc_get_number(yd, f[3].value, context, "max_score", &a->max_score);
	if (f[2].value)
		yamldoc_get_string(yd, f[2].value, context, "message", &a->message);
	if (a->question >= 0 && survey_type_scored(L->s->questions[a->question].type) &&
	    !survey_alert_reachable(&L->s->questions[a->question], a))
		yamldoc_error(yd, node, context,
		              _("no answer to question %s has a score between min_score and "
		                "max_score: the alert could never be raised"),
		              name);
out:
	if (a->message == NULL)
		a->message = xstrdup("");
	free(context);
}

void
survey_alerts_parse(Loader *L, yaml_node_t *node)
{
	int n;

	if (!yamldoc_get_sequence(&L->yd, node, NULL, "alerts") ||
	    yamldoc_too_long(&L->yd, node, NULL, "alerts", SURVEY_MAX_ENTRIES))
		return;
	n = yamldoc_length(node);
	L->s->alerts = xcalloc((size_t)n, sizeof *L->s->alerts);
	for (int i = 0; i < n; i++) {
		survey_parse_alert(L, yamldoc_item(&L->yd, node, i), i, &L->s->alerts[i]);
		L->s->n_alerts = i + 1;
	}
}
