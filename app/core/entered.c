/*
 * entered.c: the values the psychologist enters (see entered.h): one
 * grammar for `anketa enter`, the kiosk's entry screen and the indicator
 * table.
 */
#include "entered.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "classname.h"
#include "util.h"

/* A whole number of digits alone from 0 to ENTERED_MAX, or -1. */
static int
entered_number(const char *s, size_t len)
{
	long v = 0;

	if (len == 0 || len > 6)
		return -1;
	for (size_t i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v <= ENTERED_MAX ? (int)v : -1;
}

/* text without the spaces around it, in a new string. */
static char *
entered_trim(const char *text)
{
	size_t len;

	while (*text == ' ' || *text == '\t')
		text++;
	len = strlen(text);
	while (len > 0 && (text[len - 1] == ' ' || text[len - 1] == '\t'))
		len--;
	return xstrndup(text, len);
}

int
entered_yesno(const char *word)
{
	static const char *const yes[] = { "да", "Да", "ДА", "yes", "Yes", "YES" };
	static const char *const no[] = { "нет", "Нет", "НЕТ", "no", "No", "NO" };

	for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++) {
		if (strcmp(word, yes[i]) == 0)
			return 1;
		if (strcmp(word, no[i]) == 0)
			return 0;
	}
	return -1;
}

/* "N/M", "N из M" or "N": where M starts (after the separator), or NULL
 * for "N" alone; *n_len gets the length of N's digits. */
static const char *
entered_split(const char *s, size_t *n_len)
{
	const char *sep = strchr(s, '/'), *of = strstr(s, "из");
	const char *at = sep ? sep : of;
	size_t end;

	if (at == NULL) {
		*n_len = strlen(s);
		return NULL;
	}
	for (end = (size_t)(at - s); end > 0 && s[end - 1] == ' ';)
		end--;
	*n_len = end;
	at += sep ? 1 : strlen("из");
	while (*at == ' ')
		at++;
	return at;
}

static int
entered_parse_share(const char *s, EnteredValue *out, char **cause)
{
	size_t n_len;
	const char *of = entered_split(s, &n_len);

	out->n = entered_number(s, n_len);
	out->has_of = of != NULL;
	out->of = of ? entered_number(of, strlen(of)) : 0;
	if (out->n < 0 || out->of < 0) {
		*cause =
		    xasprintf(_("a share is entered as N/M (18/25: 18 of 25 people), or N alone "
		                "when the class list gives the number of people; not «%s»"),
		              s);
		return -1;
	}
	if (out->has_of && out->of == 0) {
		*cause = xstrdup(_("the number of people (M in N/M) must be above 0"));
		return -1;
	}
	if (out->has_of && out->n > out->of) {
		*cause = xasprintf(_("%d of %d: there cannot be more than all of them"), out->n,
		                   out->of);
		return -1;
	}
	return 0;
}

int
entered_parse(IndicatorKind kind, const char *text, EnteredValue *out, char **cause)
{
	char *s = entered_trim(text);
	int rc = 0;

	*out = (EnteredValue){ 0 };
	if (kind == INDICATOR_COUNT) {
		out->n = entered_number(s, strlen(s));
		if (out->n < 0) {
			*cause =
			    xasprintf(_("a count is a whole number of events from 0 to %d, like "
			                "7; not «%s»"),
			              ENTERED_MAX, s);
			rc = -1;
		}
	} else if (kind == INDICATOR_ENTERED_SHARE) {
		rc = entered_parse_share(s, out, cause);
	} else if ((out->n = entered_yesno(s)) < 0) {
		*cause = xasprintf(_("a yes/no indicator takes да or нет, not «%s»"), s);
		rc = -1;
	}
	free(s);
	return rc;
}

char *
entered_format(IndicatorKind kind, const EnteredValue *value)
{
	if (kind == INDICATOR_ENTERED_SHARE)
		return value->has_of ? xasprintf("%d/%d", value->n, value->of)
		                     : xasprintf("%d", value->n);
	if (kind == INDICATOR_YESNO)
		return xstrdup(value->n ? "да" : "нет");
	return xasprintf("%d", value->n);
}

/* How a class is named in a sentence: "*" is the whole school. */
static const char *
entered_class_label(const char *class_name)
{
	return strcmp(class_name, "*") == 0 ? _("the whole school") : class_name;
}

/* The indicator's people of one class of the list, or of every class the
 * programme counts for "*"; -1 when the class is not in the list. */
static int
entered_people(const Program *program, const Indicator *ind, const char *class_name,
               const StoreClass *classes, int n_classes)
{
	bool school = strcmp(class_name, "*") == 0, parents = strcmp(ind->expected, "parents") == 0;
	int sum = 0, found = -1;

	for (int i = 0; i < n_classes; i++) {
		const StoreClass *c = &classes[i];
		if (school ? (program->flagged_classes && !c->flagged)
		           : strcmp(c->class_name, class_name) != 0)
			continue;
		sum += parents ? c->parents : c->students;
		found = 0;
	}
	return school || found == 0 ? sum : -1;
}

int
entered_resolve(const Program *program, const Indicator *ind, const char *class_name,
                const StoreClass *classes, int n_classes, EnteredValue *value, char **cause)
{
	int people;

	if (ind->kind != INDICATOR_ENTERED_SHARE || value->has_of)
		return 0;
	if (ind->expected == NULL) {
		*cause = xasprintf(_("indicator %s is entered as N/M (how many of how many): its "
		                     "number of people is not in the class list"),
		                   ind->id);
		return -1;
	}
	people = entered_people(program, ind, class_name, classes, n_classes);
	if (people < 0) {
		*cause =
		    xasprintf(_("the class %s is not in the class list (anketa classes): enter "
		                "N/M"),
		              class_name);
		return -1;
	}
	if (people == 0) {
		*cause = strcmp(ind->expected, "parents") == 0
		             ? xasprintf(_("the class list gives no parents for %s: enter N/M"),
		                         entered_class_label(class_name))
		             : xasprintf(_("the class list gives no students for %s: enter N/M"),
		                         entered_class_label(class_name));
		return -1;
	}
	value->of = people;
	value->has_of = true;
	if (value->n > value->of) {
		*cause = xasprintf(_("%d of %d: there cannot be more than all of them"), value->n,
		                   value->of);
		return -1;
	}
	return 0;
}

/* The stored class list, for resolving "N". */
typedef struct {
	StoreClass *items;
	int n;
} EnteredClasses;

static int
entered_collect_class(const StoreClass *klass, void *arg)
{
	EnteredClasses *list = arg;

	list->items = xreallocarray(list->items, (size_t)list->n + 1, sizeof *list->items);
	list->items[list->n] = *klass;
	list->items[list->n++].class_name = xstrdup(klass->class_name);
	return 0;
}

static void
entered_classes_free(EnteredClasses *list)
{
	for (int i = 0; i < list->n; i++)
		free((char *)list->items[i].class_name);
	free(list->items);
}

/* The indicator of the programme that the psychologist enters, or NULL with
 * *cause. */
static const Indicator *
entered_indicator(const Program *program, const char *indicator_id, char **cause)
{
	const Indicator *ind = program_find_indicator(program, indicator_id);

	if (ind == NULL)
		*cause =
		    xasprintf(_("the programme %s has no indicator %s"), program->id, indicator_id);
	else if (!program_kind_entered(ind->kind))
		*cause = xasprintf(_("indicator %s is computed from questionnaires; only count, "
		                     "entered_share and yesno indicators are entered"),
		                   indicator_id);
	return ind != NULL && program_kind_entered(ind->kind) ? ind : NULL;
}

/* Checks the wave and the class (its one spelling into klass, "*" for the
 * whole school); -1 with *cause. */
static int
entered_where(const Program *program, const Indicator *ind, const char *wave,
              const char *class_name, char klass[64], char **cause)
{
	if (program_find_wave(program, wave) < 0) {
		*cause = xasprintf(_("the programme %s has no wave %s"), program->id, wave);
		return -1;
	}
	if (class_name == NULL || class_name[0] == '\0' || strcmp(class_name, "*") == 0) {
		snprintf(klass, 64, "*");
		return 0;
	}
	classname_normalize(class_name, klass, 64);
	if (klass[0] == '\0' || strlen(class_name) >= 64) {
		*cause = xasprintf(_("«%s» is no class name"), class_name);
		return -1;
	}
	if (ind->kind == INDICATOR_YESNO) {
		*cause = xasprintf(_("indicator %s (да / нет) is entered for the whole school, "
		                     "without a class"),
		                   ind->id);
		return -1;
	}
	return 0;
}

/* The text to store for what was typed ("" when "-" clears it); NULL with
 * *cause. */
static char *
entered_value_text(const Program *program, const Indicator *ind, const char *klass,
                   const EnteredClasses *list, const char *text, char **cause)
{
	EnteredValue value;
	char *trimmed = entered_trim(text), *out = NULL;

	if (strcmp(trimmed, "-") == 0)
		out = xstrdup("");
	else if (entered_parse(ind->kind, trimmed, &value, cause) == 0 &&
	         entered_resolve(program, ind, klass, list->items, list->n, &value, cause) == 0)
		out = entered_format(ind->kind, &value);
	free(trimmed);
	return out;
}

/* A programme that counts flagged classes only takes no value for another
 * class: it would count nowhere. */
static int
entered_check_flag(const Program *program, const char *klass, const EnteredClasses *list,
                   char **cause)
{
	if (!program->flagged_classes || strcmp(klass, "*") == 0)
		return 0;
	for (int i = 0; i < list->n; i++)
		if (strcmp(list->items[i].class_name, klass) == 0 && list->items[i].flagged)
			return 0;
	*cause = xasprintf(_("the programme %s counts only the classes flagged in the class list, "
	                     "and %s is not one of them"),
	                   program->id, klass);
	return -1;
}

/* "2.2, Стартовый этап мониторинга, 5А: 18 из 25 (было: 15/25)". */
static char *
entered_said(const Program *program, const Indicator *ind, const char *wave, const char *klass,
             const char *value, const char *was)
{
	const char *title = program->waves[program_find_wave(program, wave)].title;
	char *shown = value[0] ? xstrdup(value) : xstrdup(_("no value (cleared)"));
	char *slash = strchr(shown, '/'), *text, *with;

	if (slash != NULL) {
		*slash = '\0';
		with = xasprintf(_("%s of %s"), shown, slash + 1);
		free(shown);
		shown = with;
	}
	text = xasprintf("%s, %s, %s: %s", ind->id, title, entered_class_label(klass), shown);
	if (was != NULL) {
		with = xasprintf(_("%s (was: %s)"), text, was[0] ? was : _("no value"));
		free(text);
		text = with;
	}
	free(shown);
	return text;
}

int
entered_put(Store *store, const Program *program, const char *indicator_id, const char *wave,
            const char *class_name, const char *text, char **said, char **cause)
{
	const Indicator *ind = entered_indicator(program, indicator_id, cause);
	EnteredClasses list = { NULL, 0 };
	char klass[64], *value = NULL, *was = NULL;
	StoreEntered e;
	int rc = -1;

	*said = NULL;
	if (ind == NULL || entered_where(program, ind, wave, class_name, klass, cause) != 0 ||
	    store_classes_each(store, entered_collect_class, &list, cause) != 0 ||
	    entered_check_flag(program, klass, &list, cause) != 0 ||
	    (value = entered_value_text(program, ind, klass, &list, text, cause)) == NULL)
		goto done;
	e = (StoreEntered){ program->id, ind->id, wave, klass, value, NULL, NULL };
	if (store_entered_put(store, &e, &was, cause) != 0)
		goto done;
	*said = entered_said(program, ind, wave, klass, value, was);
	rc = 0;
done:
	entered_classes_free(&list);
	free(was);
	free(value);
	return rc;
}
