/*
 * testutil.c: helpers shared by the Check suites.
 */
#include "testutil.h"

#include <check.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

char *
testutil_source_path(const char *relative)
{
	const char *root = getenv("ANKETA_TEST_SOURCE_DIR");

	return xasprintf("%s/%s", root ? root : ".", relative);
}

char *
testutil_tmpdir(void)
{
	char *templ = xstrdup("/tmp/anketa-test-XXXXXX");

	if (mkdtemp(templ) == NULL) {
		perror("mkdtemp");
		abort();
	}
	return templ;
}

char *
testutil_write_file(const char *dir, const char *name, const char *text)
{
	char *path = xasprintf("%s/%s", dir, name);
	FILE *f = fopen(path, "wb");

	if (f == NULL) {
		perror(path);
		abort();
	}
	fputs(text, f);
	fclose(f);
	return path;
}

char *
testutil_temp_file(const char *name, const char *text)
{
	char *dir = testutil_tmpdir();
	char *path = testutil_write_file(dir, name, text);

	free(dir);
	return path;
}

void
testutil_temp_remove(char *path)
{
	char *slash = strrchr(path, '/');

	remove(path);
	*slash = '\0';
	remove(path);
	free(path);
}

char *
testutil_read_file(const char *path)
{
	size_t len;

	return testutil_read_bytes(path, &len);
}

char *
testutil_read_bytes(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf;

	*len = 0;
	if (f == NULL)
		return NULL;
	fseek(f, 0, SEEK_END);
	*len = (size_t)ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = xmalloc(*len + 1);
	ck_assert_uint_eq(fread(buf, 1, *len, f), *len);
	buf[*len] = '\0';
	fclose(f);
	return buf;
}

bool
testutil_has_problem(const Diag *diag, int line, int column, const char *needle)
{
	for (int i = 0; i < diag->n; i++)
		if (diag->entries[i].line == line && diag->entries[i].column == column &&
		    strstr(diag->entries[i].message, needle) != NULL)
			return true;
	fprintf(stderr, "no problem %d:%d: %s among:\n", line, column, needle);
	diag_print(diag, stderr);
	return false;
}

void
testutil_assert_problems(const Diag *diag, const TestProblem *want, int n)
{
	for (int i = 0; i < n; i++)
		ck_assert_msg(
		    testutil_has_problem(diag, want[i].line, want[i].column, want[i].needle),
		    "no problem %d:%d: %s", want[i].line, want[i].column, want[i].needle);
	ck_assert_int_eq(diag->n, n);
}

int
testutil_run(Suite *suite)
{
	SRunner *sr = srunner_create(suite);
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

static void
progress_line(void *ctx, long done, long total, const char *what)
{
	TestProgress *t = ctx;
	char *next = xasprintf("%s%ld/%ld %s\n", t->text, done, total, what ? what : "-");

	free(t->text);
	t->text = next;
	if (++t->reports == t->stop_at)
		atomic_store(&t->cancel, true);
}

const Progress *
testutil_progress(TestProgress *t, int stop_at)
{
	*t = (TestProgress){ .text = xstrdup(""), .stop_at = stop_at };
	atomic_init(&t->cancel, false);
	t->progress = (Progress){ .report = progress_line, .ctx = t, .cancel = &t->cancel };
	return &t->progress;
}

void
testutil_progress_free(TestProgress *t)
{
	free(t->text);
	t->text = NULL;
}
