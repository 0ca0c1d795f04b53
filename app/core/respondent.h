/*
 * respondent.h: who counts, once. A respondent is a class and a code
 * (DESIGN.md section 4); within a wave it counts once, by its latest
 * completed sitting; sittings without a code count each. This module is the
 * one place that rule is written: the indicators, the groups, the report and
 * the paired change all ask it which sittings count.
 */
#ifndef ANKETA_RESPONDENT_H
#define ANKETA_RESPONDENT_H

#include <stdbool.h>

/* One sitting as the rule sees it; the strings are borrowed. */
typedef struct {
	const char *wave;
	const char *class_name;
	const char *respondent;   /* the code; "" or NULL when none was given */
	const char *completed_at; /* ISO 8601; NULL unless the sitting is completed */
	/* Sittings compete only within the same group (the caller's choice: a
	 * survey id, or one name for all the surveys of an indicator); NULL
	 * leaves the sitting out. */
	const char *group;
} RespondentSitting;

/*
 * Sets counted[i] (n of them) for the sittings that count and clears it for
 * the rest: a completed sitting in a group counts when it has no code, or
 * when no other completed sitting of the same group, wave, class and code
 * was completed later (of two completed at the same time, the later in the
 * array counts). Strings are compared byte for byte.
 */
void respondent_latest(const RespondentSitting *sittings, int n, bool *counted);

#endif
