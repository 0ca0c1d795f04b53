/*
 * testutil.h: helpers shared by the Check suites.
 */
#ifndef ANKETA_TESTUTIL_H
#define ANKETA_TESTUTIL_H

/* Absolute path of a file under the source tree ("tests/fixtures/x.yaml");
 * the caller frees it. */
char *testutil_source_path(const char *relative);

/* A new empty temporary directory; the caller frees the string (the
 * directory is left for the OS to clean). */
char *testutil_tmpdir(void);

/* Writes text to dir/name and returns the full path (caller frees). */
char *testutil_write_file(const char *dir, const char *name, const char *text);

/* Reads a whole file into a new NUL-terminated string, or NULL. */
char *testutil_read_file(const char *path);

/* Runs every test of the suite (printing Check's summary) and returns the
 * process exit status: EXIT_SUCCESS when all passed. */
struct Suite;
int testutil_run(struct Suite *suite);

#endif
