/*
 * classlist.h: the school's class list file for `anketa classes`
 * (CSV with the columns class,students,parents and optionally flagged).
 */
#ifndef ANKETA_CLASSLIST_H
#define ANKETA_CLASSLIST_H

#include "store.h"

typedef struct {
	StoreClass *items; /* class names owned by the list */
	int n;
} ClassList;

/*
 * Reads and checks path: a header naming class, students and parents (in
 * any order; other columns are ignored), then one row per class with
 * whole numbers >= 0. An optional column flagged marks the classes a
 * programme counts (1, да or yes; 0, нет, no or empty: not flagged).
 * Returns 0, or -1 with *cause naming file:line:column.
 */
int classlist_read(const char *path, ClassList *list, char **cause);

/* Frees the list's contents; the list is empty afterwards. */
void classlist_free(ClassList *list);

#endif
