/*
 * classlist.c: reading classes.csv (see classlist.h).
 */
#include "classlist.h"

#include <stdlib.h>
#include <string.h>

#include "classname.h"
#include "csvread.h"
#include "entered.h"
#include "util.h"

typedef struct {
	const char *path;
	ClassList *list;
	int col[3];   /* positions of class, students, parents */
	int flag_col; /* position of the optional column flagged, or -1 */
	int n_header;
	char **cause;
} ClassReader;

static const char *const class_columns[3] = { "class", "students", "parents" };

static int
read_header(ClassReader *r, char **fields, int n, int line)
{
	r->n_header = n;
	r->flag_col = -1;
	for (int i = 0; i < n; i++)
		if (strcmp(fields[i], "flagged") == 0)
			r->flag_col = i;
	for (int c = 0; c < 3; c++) {
		r->col[c] = -1;
		for (int i = 0; i < n; i++) {
			if (strcmp(fields[i], class_columns[c]) == 0)
				r->col[c] = i;
		}
		if (r->col[c] < 0) {
			*r->cause = xasprintf(_("%s:%d: the header has no column %s; the columns "
			                        "are class,students,parents"),
			                      r->path, line, class_columns[c]);
			return -1;
		}
	}
	return 0;
}

/* A whole number from 0 to 100000, or -1. */
static int
parse_count(const char *text)
{
	char *end;
	long v;

	if (text[0] < '0' || text[0] > '9')
		return -1;
	v = strtol(text, &end, 10);
	return *end == '\0' && v <= 100000 ? (int)v : -1;
}

/* The flagged column's word: 1 or да / yes (entered_yesno()) flags the
 * class, 0, нет / no or an empty cell does not; -1 for anything else. */
static int
parse_flag(const char *text)
{
	if (strcmp(text, "1") == 0)
		return 1;
	if (text[0] == '\0' || strcmp(text, "0") == 0)
		return 0;
	return entered_yesno(text);
}

/* Reads the row's counts and flag into klass; -1 with *r->cause. */
static int
read_values(ClassReader *r, char **fields, int line, StoreClass *klass)
{
	int counts[2], flag = 0;

	for (int c = 1; c < 3; c++) {
		counts[c - 1] = parse_count(fields[r->col[c]]);
		if (counts[c - 1] < 0) {
			*r->cause = xasprintf(_("%s:%d:%d: %s must be a whole number of people, "
			                        "not \"%s\""),
			                      r->path, line, r->col[c] + 1, class_columns[c],
			                      fields[r->col[c]]);
			return -1;
		}
	}
	if (r->flag_col >= 0 && (flag = parse_flag(fields[r->flag_col])) < 0) {
		*r->cause = xasprintf(_("%s:%d:%d: flagged must be 1 or 0 (да or нет), not \"%s\""),
		                      r->path, line, r->flag_col + 1, fields[r->flag_col]);
		return -1;
	}
	klass->students = counts[0];
	klass->parents = counts[1];
	klass->flagged = flag == 1;
	return 0;
}

static int
on_class(char **fields, int n, int line, void *arg)
{
	ClassReader *r = arg;
	StoreClass values;

	if (r->n_header == 0)
		return read_header(r, fields, n, line);
	if (n != r->n_header) {
		*r->cause = xasprintf(_("%s:%d: %d columns, but the header has %d"), r->path, line,
		                      n, r->n_header);
		return -1;
	}
	/* The same spelling as the kiosk and import give the class. */
	classname_normalize(fields[r->col[0]], fields[r->col[0]], strlen(fields[r->col[0]]) + 1);
	if (fields[r->col[0]][0] == '\0') {
		*r->cause =
		    xasprintf(_("%s:%d:%d: the class name is empty"), r->path, line, r->col[0] + 1);
		return -1;
	}
	if (read_values(r, fields, line, &values) != 0)
		return -1;
	for (int i = 0; i < r->list->n; i++) {
		if (strcmp(r->list->items[i].class_name, fields[r->col[0]]) == 0) {
			*r->cause = xasprintf(_("%s:%d:%d: the class %s is listed twice"), r->path,
			                      line, r->col[0] + 1, fields[r->col[0]]);
			return -1;
		}
	}
	values.class_name = xstrdup(fields[r->col[0]]);
	r->list->items = xreallocarray(r->list->items, (size_t)r->list->n + 1, sizeof values);
	r->list->items[r->list->n++] = values;
	return 0;
}

int
classlist_read(const char *path, ClassList *list, char **cause)
{
	ClassReader r = { .path = path, .list = list, .cause = cause };

	list->items = NULL;
	list->n = 0;
	if (csvread_file(path, on_class, &r, NULL, cause) != 0) {
		classlist_free(list);
		return -1;
	}
	if (r.n_header == 0) {
		*cause = xasprintf(_("%s: the file is empty; the columns are "
		                     "class,students,parents"),
		                   path);
		return -1;
	}
	return 0;
}

void
classlist_free(ClassList *list)
{
	for (int i = 0; i < list->n; i++)
		free((char *)list->items[i].class_name);
	free(list->items);
	list->items = NULL;
	list->n = 0;
}
