/*
 * fuzzutil.h: what the libFuzzer targets share. The loaders under test read
 * files by path, so each input is written to one in-memory file that they
 * open as /proc/self/fd/N: no disk traffic and nothing left behind.
 */
#ifndef ANKETA_FUZZUTIL_H
#define ANKETA_FUZZUTIL_H

#include <stddef.h>
#include <stdint.h>

#include "survey.h"

/* The libFuzzer entry points each target defines. */
int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Replaces the contents of the target's in-memory file with data and
 * returns its path (valid until the process ends). Aborts on failure: a
 * fuzzer that cannot write its input tests nothing. */
const char *fuzzutil_file(const uint8_t *data, size_t size);

/* Loads a folder of the source tree ("surveys") into set; aborts when any
 * of its files fails, since the fixed surveys are part of the target. */
void fuzzutil_load_surveys(SurveySet *set, const char *relative);

/* An absolute path under the source tree; the caller frees it. */
char *fuzzutil_source_path(const char *relative);

#endif
