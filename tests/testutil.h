/*
 * testutil.h: helpers shared by the Check suites.
 */
#ifndef ANKETA_TESTUTIL_H
#define ANKETA_TESTUTIL_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "progress.h"

/* Absolute path of a file under the source tree ("tests/fixtures/x.yaml");
 * the caller frees it. */
char *testutil_source_path(const char *relative);

/* A new empty temporary directory; the caller frees the string (the
 * directory is left for the OS to clean). */
char *testutil_tmpdir(void);

/* Writes text to dir/name and returns the full path (caller frees). */
char *testutil_write_file(const char *dir, const char *name, const char *text);

/* Writes text to a file of this name in a new temporary directory and
 * returns its path; testutil_temp_remove() removes both. */
char *testutil_temp_file(const char *name, const char *text);

/* Removes a file from testutil_temp_file() and its directory, and frees
 * the path. */
void testutil_temp_remove(char *path);

/* Reads a whole file into a new NUL-terminated string, or NULL. */
char *testutil_read_file(const char *path);

/* The whole file as bytes (it may hold NULs) with a NUL added, its size in
 * *len; NULL and 0 when there is no such file. */
char *testutil_read_bytes(const char *path, size_t *len);

/* One problem a test expects a loader to report: where, and a part of
 * its message. */
typedef struct {
	int line;
	int column;
	const char *needle;
} TestProblem;

/* True when diag holds a problem at line:column whose message contains
 * needle; prints the problems otherwise, to make a failure readable. */
bool testutil_has_problem(const Diag *diag, int line, int column, const char *needle);

/* Asserts that diag holds each of the n problems in want, and no other. */
void testutil_assert_problems(const Diag *diag, const TestProblem *want, int n);

/* A Progress that writes down every report as a line "done/total what"
 * (what "-" when NULL), and asks the work to stop at report number stop_at
 * (1 the first; 0 never). */
typedef struct {
	Progress progress;
	atomic_bool cancel;
	char *text; /* the lines so far */
	int reports;
	int stop_at;
} TestProgress;

/* Sets t up; testutil_progress_free() frees its text. */
const Progress *testutil_progress(TestProgress *t, int stop_at);
void testutil_progress_free(TestProgress *t);

/* Runs every test of the suite (printing Check's summary) and returns the
 * process exit status: EXIT_SUCCESS when all passed. */
struct Suite;
int testutil_run(struct Suite *suite);

#endif
