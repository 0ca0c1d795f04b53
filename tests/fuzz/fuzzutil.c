/*
 * fuzzutil.c: the in-memory input file and the fixed surveys (fuzzutil.h).
 */
#define _GNU_SOURCE /* memfd_create */

#include "fuzzutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include "config.h"
#include "util.h"

static int input_fd = -1;
static char input_path[64];

const char *
fuzzutil_file(const uint8_t *data, size_t size)
{
	size_t done = 0;

	if (input_fd < 0) {
		input_fd = memfd_create("fuzz-input", MFD_CLOEXEC);
		if (input_fd < 0) {
			perror("memfd_create");
			abort();
		}
		snprintf(input_path, sizeof input_path, "/proc/self/fd/%d", input_fd);
	}
	if (ftruncate(input_fd, 0) != 0)
		abort();
	while (done < size) {
		ssize_t got = pwrite(input_fd, data + done, size - done, (off_t)done);
		if (got <= 0)
			abort();
		done += (size_t)got;
	}
	return input_path;
}

char *
fuzzutil_source_path(const char *relative)
{
	return xasprintf("%s/%s", ANKETA_SOURCE_DIR, relative);
}

void
fuzzutil_load_surveys(SurveySet *set, const char *relative)
{
	char *dir = fuzzutil_source_path(relative);
	Diag diag = { 0 };

	if (survey_set_load_dir(set, dir, &diag) != 0 || set->n == 0) {
		fprintf(stderr, "fuzz: cannot load the surveys in %s\n", dir);
		diag_print(&diag, stderr);
		abort();
	}
	diag_clear(&diag);
	free(dir);
}
