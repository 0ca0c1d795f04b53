/*
 * versions.h: the survey a stored sitting was answered with (DESIGN.md
 * section 4: "scores are derived from answers and the survey version that
 * was answered").
 *
 * A sitting names its survey by (id, version, hash of the file). The file
 * loaded from surveys/ serves when its hash matches; otherwise the file's
 * text as stored in the database when the sitting began or was imported
 * (store_source_get) is loaded and used. Only when neither exists are the
 * sittings scored with the current file, and a warning says so.
 */
#ifndef ANKETA_VERSIONS_H
#define ANKETA_VERSIONS_H

#include "diag.h"
#include "store.h"
#include "survey.h"

typedef struct Versions Versions;

/* A resolver over the surveys loaded now and the files stored in store;
 * both are borrowed and must outlive it. Free with versions_free(). */
Versions *versions_new(const SurveySet *current, Store *store);

/* Frees the resolver and every survey it loaded from the database; NULL is
 * allowed. Surveys it returned are invalid afterwards. */
void versions_free(Versions *versions);

/*
 * The survey to score one sitting of (survey_id, version, hash) with, into
 * *out: the loaded file when its hash is the sitting's, else the stored
 * file of that hash, else the loaded file of that id (a fallback
 * versions_warn() reports), else NULL (no file of that id at all: the
 * sitting is left out). An empty hash (a sitting imported without one)
 * means the loaded file when the version numbers agree. Each call counts
 * one sitting for the warnings. Returns 0, or -1 with *cause when the
 * database cannot be read.
 */
int versions_find(Versions *versions, const char *survey_id, int version, const char *hash,
                  const Survey **out, char **cause);

/*
 * Adds one warning to warnings for every (survey, version, file) whose
 * sittings were scored with the current file instead of their own, or left
 * out, saying why and how many sittings.
 */
void versions_warn(const Versions *versions, Diag *warnings);

#endif
