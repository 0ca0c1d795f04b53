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
testutil_read_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long len;

	if (f == NULL)
		return NULL;
	fseek(f, 0, SEEK_END);
	len = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = xmalloc((size_t)len + 1);
	if (fread(buf, 1, (size_t)len, f) != (size_t)len)
		len = 0;
	buf[len] = '\0';
	fclose(f);
	return buf;
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
