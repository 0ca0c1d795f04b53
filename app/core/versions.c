/*
 * versions.c: finding the survey file each stored sitting was answered
 * with: the loaded one, or the one kept in the database. Each distinct
 * (id, version, hash) is worked out once and remembered, so scoring
 * 100 000 sittings costs one map lookup per sitting.
 */
#include "versions.h"

#include <stdlib.h>
#include <string.h>

#include "strmap.h"
#include "util.h"

typedef enum {
	VERSION_CURRENT,  /* the loaded file is the one that was answered */
	VERSION_STORED,   /* the answered file, loaded from the database */
	VERSION_FALLBACK, /* the answered file is unknown: the loaded one is used */
	VERSION_MISSING,  /* no file of that id at all: the sittings are left out */
} VersionHow;

typedef struct {
	char *survey_id;
	int version;
	char *hash;
	VersionHow how;
	const Survey *survey; /* what the sittings are scored with; NULL when missing */
	Survey *owned;        /* loaded from the database */
	char *problem;        /* why the stored file could not be used, or NULL */
	int sittings;
} VersionEntry;

struct Versions {
	const SurveySet *current;
	Store *store;
	StrMap index; /* "id\x1f version \x1f hash" -> entry */
	VersionEntry *entries;
	int n;
	int last; /* the entry found last: most runs of sittings share one */
};

Versions *
versions_new(const SurveySet *current, Store *store)
{
	Versions *v = xcalloc(1, sizeof *v);

	v->current = current;
	v->store = store;
	v->last = -1;
	return v;
}

void
versions_free(Versions *v)
{
	if (v == NULL)
		return;
	for (int i = 0; i < v->n; i++) {
		free(v->entries[i].survey_id);
		free(v->entries[i].hash);
		free(v->entries[i].problem);
		survey_free(v->entries[i].owned);
	}
	free(v->entries);
	strmap_free(&v->index);
	free(v);
}

/* Why a stored file cannot stand for the sittings, or NULL when it can. */
static char *
versions_mismatch(const VersionEntry *e, const Survey *s, Diag *diag)
{
	if (s == NULL)
		return diag_first_line(diag);
	if (strcmp(s->id, e->survey_id) != 0 || s->version != e->version ||
	    strcmp(s->hash, e->hash) != 0)
		return xstrdup(_("the stored text is not the file the sittings name"));
	return NULL;
}

/* Uses the file stored under the entry's key: 1 when it serves, 0 when it
 * is not stored or cannot be used (e->problem says why), -1 on error. */
static int
versions_load_stored(Versions *v, VersionEntry *e, char **cause)
{
	Diag diag = { 0 };
	char *text, *name;
	size_t len;
	Survey *s;
	int found =
	    store_source_get(v->store, e->survey_id, e->version, e->hash, &text, &len, cause);

	if (found <= 0)
		return found;
	name = xasprintf(_("%s version %d (stored in the database)"), e->survey_id, e->version);
	s = survey_load_text(name, text, len, &diag);
	free(name);
	free(text);
	e->problem = versions_mismatch(e, s, &diag);
	diag_clear(&diag);
	if (e->problem != NULL) {
		survey_free(s);
		return 0;
	}
	e->owned = s;
	e->survey = s;
	e->how = VERSION_STORED;
	return 1;
}

static int
versions_resolve(Versions *v, VersionEntry *e, char **cause)
{
	const Survey *loaded = survey_set_find(v->current, e->survey_id);
	bool known = e->hash[0] != '\0';
	int rc;

	if (loaded != NULL &&
	    (known ? strcmp(loaded->hash, e->hash) == 0 : loaded->version == e->version)) {
		e->how = VERSION_CURRENT;
		e->survey = loaded;
		return 0;
	}
	if (known && (rc = versions_load_stored(v, e, cause)) != 0)
		return rc < 0 ? -1 : 0;
	e->how = loaded != NULL ? VERSION_FALLBACK : VERSION_MISSING;
	e->survey = loaded;
	return 0;
}

/* True when entry i is the one for (survey_id, version, hash). */
static bool
versions_is(const Versions *v, int i, const char *survey_id, int version, const char *hash)
{
	const VersionEntry *e = &v->entries[i];

	return e->version == version && strcmp(e->survey_id, survey_id) == 0 &&
	       strcmp(e->hash, hash) == 0;
}

int
versions_find(Versions *v, const char *survey_id, int version, const char *hash, const Survey **out,
              char **cause)
{
	char *key;
	int i;
	VersionEntry *e;

	hash = hash ? hash : "";
	if (v->last >= 0 && versions_is(v, v->last, survey_id, version, hash)) {
		v->entries[v->last].sittings++;
		*out = v->entries[v->last].survey;
		return 0;
	}
	key = xasprintf("%s\x1f%d\x1f%s", survey_id, version, hash);
	i = strmap_get(&v->index, key);
	if (i < 0) {
		v->entries = xreallocarray(v->entries, (size_t)v->n + 1, sizeof *v->entries);
		e = &v->entries[v->n];
		*e = (VersionEntry){ .survey_id = xstrdup(survey_id),
			             .version = version,
			             .hash = xstrdup(hash) };
		if (versions_resolve(v, e, cause) != 0) {
			free(e->survey_id);
			free(e->hash);
			free(key);
			return -1;
		}
		i = v->n++;
		strmap_put(&v->index, key, i);
	}
	free(key);
	v->last = i;
	v->entries[i].sittings++;
	*out = v->entries[i].survey;
	return 0;
}

/* True when an earlier entry already said that the id has no file. */
static bool
versions_missing_said(const Versions *v, int upto)
{
	for (int i = 0; i < upto; i++)
		if (v->entries[i].how == VERSION_MISSING &&
		    strcmp(v->entries[i].survey_id, v->entries[upto].survey_id) == 0)
			return true;
	return false;
}

static void
versions_warn_fallback(const VersionEntry *e, Diag *warnings)
{
	const Survey *s = e->survey;

	if (e->problem != NULL)
		diag_add(warnings, s->path, 0, 0,
		         _("sittings of %s version %d were scored with the current file (version "
		           "%d): the copy of the file they were answered with, kept in the "
		           "database, cannot be used (%s); sittings: %d"),
		         e->survey_id, e->version, s->version, e->problem, e->sittings);
	else if (e->hash[0] == '\0')
		diag_add(warnings, s->path, 0, 0,
		         _("sittings of %s version %d came without the hash of their survey file, "
		           "so the file they were answered with is unknown: they were scored with "
		           "the current file (version %d); sittings: %d"),
		         e->survey_id, e->version, s->version, e->sittings);
	else
		diag_add(warnings, s->path, 0, 0,
		         _("sittings of %s version %d were answered with a survey file this "
		           "database does not keep (answered before Anketa kept survey files, or "
		           "brought in from an older kiosk or a CSV file): they were scored with "
		           "the current file (version %d), so their scores may differ from those "
		           "of the file they saw; sittings: %d"),
		         e->survey_id, e->version, s->version, e->sittings);
}

void
versions_warn(const Versions *v, Diag *warnings)
{
	for (int i = 0; i < v->n; i++) {
		const VersionEntry *e = &v->entries[i];
		if (e->how == VERSION_FALLBACK)
			versions_warn_fallback(e, warnings);
		else if (e->how == VERSION_MISSING && !versions_missing_said(v, i))
			diag_add(warnings, e->survey_id, 0, 0,
			         _("no survey file has the id %s: its sittings were left out"),
			         e->survey_id);
	}
}
