/*
 * fuzz_import.c: libFuzzer target for the two CSV readers a school feeds
 * files to. Each input is read as an answers CSV by `anketa import` (into a
 * fresh database, against the fixed survey tests/fixtures/store/surveys) and
 * as a class list by `anketa classes`.
 *
 * Besides crashes, leaks and undefined behaviour, the importer's promises
 * are checked: a refused file says why and stores nothing; importing an
 * accepted file again adds nothing; and its export, imported into another
 * database, exports to the same text.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "classlist.h"
#include "export.h"
#include "fuzzutil.h"
#include "import.h"
#include "store.h"
#include "survey.h"
#include "util.h"

static SurveySet surveys;

static void
fuzz_fail(const char *what, const char *cause)
{
	fprintf(stderr, "%s%s%s\n", what, cause ? ": " : "", cause ? cause : "");
	abort();
}

static Store *
fuzz_store(void)
{
	char *cause = NULL;
	Store *store = store_open(":memory:", &cause);

	if (store == NULL)
		fuzz_fail("cannot open a database in memory", cause);
	return store;
}

static int
fuzz_count_answer(const StoreAnswerRow *row, void *arg)
{
	(void)row;
	++*(long *)arg;
	return 0;
}

static long
fuzz_answers(Store *store)
{
	char *cause = NULL;
	long n = 0;

	if (store_answers_each(store, fuzz_count_answer, &n, NULL, &cause) != 0)
		fuzz_fail("cannot list the answers", cause);
	return n;
}

/* The store's answers as export writes them; the caller frees the text. */
static char *
fuzz_export(Store *store)
{
	char *text = NULL, *cause = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);

	if (out == NULL || export_answers_csv(store, out, &cause) != 0)
		fuzz_fail("cannot export", cause);
	fclose(out);
	return text;
}

/* An accepted file, imported again, is all present already. */
static void
fuzz_import_again(Store *store, const char *path, const ImportResult *first)
{
	ImportResult again = { 0 };
	char *cause = NULL;

	if (import_answers_csv(store, &surveys, path, NULL, &again, &cause) != 0)
		fuzz_fail("a file imported once is refused the second time", cause);
	if (again.sittings_added != 0 || again.answers_added != 0 ||
	    again.sittings_present != first->sittings_added + first->sittings_present)
		fuzz_fail("importing a file again added sittings or answers", NULL);
}

/* The export of an import, imported elsewhere, exports the same. */
static void
fuzz_round_trip(Store *store)
{
	char *text = fuzz_export(store), *again, *cause = NULL;
	const char *path = fuzzutil_file((const uint8_t *)text, strlen(text));
	Store *other = fuzz_store();
	ImportResult r = { 0 };

	if (import_answers_csv(other, &surveys, path, NULL, &r, &cause) != 0)
		fuzz_fail("an export is refused by import", cause);
	again = fuzz_export(other);
	if (strcmp(text, again) != 0) {
		fprintf(stderr, "--- exported\n%s--- after import and export\n%s", text, again);
		fuzz_fail("an export imported elsewhere exports differently", NULL);
	}
	free(text);
	free(again);
	store_close(other);
}

static void
fuzz_answers_csv(const uint8_t *data, size_t size)
{
	const char *path = fuzzutil_file(data, size);
	Store *store = fuzz_store();
	ImportResult r = { 0 };
	char *cause = NULL;

	if (import_answers_csv(store, &surveys, path, NULL, &r, &cause) != 0) {
		if (cause == NULL || cause[0] == '\0')
			fuzz_fail("a file was refused without a reason", NULL);
		if (fuzz_answers(store) != 0)
			fuzz_fail("a refused file left answers behind", cause);
		free(cause);
	} else {
		if (fuzz_answers(store) != r.answers_added)
			fuzz_fail("the answers stored are not the answers counted", NULL);
		fuzz_import_again(store, path, &r);
		fuzz_round_trip(store);
	}
	store_close(store);
}

static int
fuzz_count_class(const StoreClass *klass, void *arg)
{
	(void)klass;
	++*(int *)arg;
	return 0;
}

static void
fuzz_class_list(const uint8_t *data, size_t size)
{
	ClassList list = { 0 };
	char *cause = NULL;
	Store *store;
	int n = 0;

	if (classlist_read(fuzzutil_file(data, size), &list, &cause) != 0) {
		if (cause == NULL || cause[0] == '\0' || list.n != 0)
			fuzz_fail("a class list was refused without a reason", NULL);
		free(cause);
		return;
	}
	store = fuzz_store();
	if (store_classes_replace(store, list.items, list.n, &cause) != 0 ||
	    store_classes_each(store, fuzz_count_class, &n, &cause) != 0)
		fuzz_fail("an accepted class list cannot be stored", cause);
	if (n != list.n)
		fuzz_fail("the classes stored are not the classes read", NULL);
	store_close(store);
	classlist_free(&list);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzzutil_load_surveys(&surveys, "tests/fixtures/store/surveys");
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_answers_csv(data, size);
	fuzz_class_list(data, size);
	return 0;
}
