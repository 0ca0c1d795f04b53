/*
 * cmd_check.c: `anketa check [--surveys DIR] FILE|DIR...` (DESIGN.md
 * section 5): validates survey and programme files, runs each survey's
 * examples through the scoring code, and prints every problem of every
 * file as "file:line:column: message".
 *
 * Which files are programmes: a file in a directory named "programs", or
 * one whose top level has a "waves" or "indicators" field; every other file
 * is checked as a survey. A directory argument means every *.yaml directly
 * in it plus every *.yaml in its programs/ subdirectory, so
 * `anketa check surveys/` checks everything that ships.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "examples.h"
#include "program.h"
#include "survey.h"
#include "util.h"
#include "yamldoc.h"

/* One file to check and what was found in it. */
typedef struct {
	char *path;
	bool is_program;
	Diag diag;
	Survey *survey; /* owned until moved into the named set */
} CheckFile;

typedef struct {
	CheckFile *files;
	int n;
	Diag args; /* problems with the arguments themselves */
} CheckList;

static bool check_in_programs_dir(const char *path);

/* True when path names a file already in the list ("surveys/" names its
 * programs/ folder too, so "surveys/ surveys/programs/" meets each twice). */
static bool
check_listed(const CheckList *list, const char *path)
{
	char *real = realpath(path, NULL);
	bool found = false;

	for (int i = 0; i < list->n && !found; i++) {
		char *other = real ? realpath(list->files[i].path, NULL) : NULL;
		found = other ? strcmp(real, other) == 0 : strcmp(path, list->files[i].path) == 0;
		free(other);
	}
	free(real);
	return found;
}

static void
check_add_file(CheckList *list, char *path)
{
	if (check_listed(list, path)) {
		free(path);
		return;
	}
	list->files = xreallocarray(list->files, (size_t)list->n + 1, sizeof *list->files);
	memset(&list->files[list->n], 0, sizeof *list->files);
	list->files[list->n].path = path;
	list->files[list->n].is_program = check_in_programs_dir(path);
	list->n++;
}

static int
check_is_yaml(const struct dirent *e)
{
	size_t len = strlen(e->d_name);

	return e->d_name[0] != '.' && len > 5 && strcmp(e->d_name + len - 5, ".yaml") == 0;
}

/* Adds every *.yaml in dir, in name order; returns how many, or -1. */
static int
check_add_dir(CheckList *list, const char *dir)
{
	struct dirent **names;
	int n = scandir(dir, &names, check_is_yaml, alphasort);

	if (n < 0)
		return -1;
	for (int i = 0; i < n; i++) {
		check_add_file(list, xasprintf("%s/%s", dir, names[i]->d_name));
		free(names[i]);
	}
	free(names);
	return n;
}

static bool
check_is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* True when the file's parent directory is called "programs". */
static bool
check_in_programs_dir(const char *path)
{
	const char *slash = strrchr(path, '/');
	const char *start;

	if (slash == NULL)
		return false;
	for (start = slash; start > path && start[-1] != '/'; start--)
		;
	return slash - start == 8 && strncmp(start, "programs", 8) == 0;
}

static void
check_collect(CheckList *list, const char *arg)
{
	size_t len = strlen(arg);
	char *base = xstrndup(arg, len);
	int found, found_programs = 0;

	while (len > 1 && base[len - 1] == '/')
		base[--len] = '\0';
	if (!check_is_dir(base)) {
		check_add_file(list, base);
		return;
	}
	found = check_add_dir(list, base);
	if (found >= 0) {
		char *sub = xasprintf("%s/programs", base);
		if (check_is_dir(sub))
			found_programs = check_add_dir(list, sub);
		free(sub);
	}
	if (found < 0)
		diag_add(&list->args, base, 0, 0, _("cannot read the folder: %s"), strerror(errno));
	else if (found + (found_programs > 0 ? found_programs : 0) == 0)
		diag_add(&list->args, base, 0, 0, _("the folder holds no .yaml files"));
	free(base);
}

/* A programme file shows itself by its top-level "waves" or "indicators";
 * a file that cannot be parsed is left to the survey loader to explain. */
static bool
check_looks_like_program(const char *path)
{
	Diag ignored = { 0 };
	YamlDoc yd;
	bool program = false;

	if (yamldoc_load(&yd, path, &ignored) == 0) {
		yaml_node_t *root = yamldoc_root(&yd);
		for (int k = 0; k < yamldoc_length(root); k++) {
			const char *key = yamldoc_scalar_or(yamldoc_key(&yd, root, k), "");
			program |= strcmp(key, "waves") == 0 || strcmp(key, "indicators") == 0;
		}
	}
	yamldoc_free(&yd);
	diag_clear(&ignored);
	return program;
}

/* Loads every survey file; good surveys whose examples pass go into named. */
static void
check_surveys(CheckList *list, SurveySet *named)
{
	for (int i = 0; i < list->n; i++) {
		CheckFile *f = &list->files[i];
		const Survey *twin;

		if (f->is_program)
			continue;
		f->survey = survey_load(f->path, &f->diag);
		if (f->survey == NULL)
			continue;
		examples_run(f->survey, &f->diag);
		if (survey_is_placeholder(f->survey))
			diag_add(
			    &f->diag, f->path, f->survey->placeholder_pos.line,
			    f->survey->placeholder_pos.column,
			    _("the survey is a template: its wording and keys are still "
			      "placeholders; put in the text and keys of the school's licensed "
			      "copy, then remove «placeholder: true»"));
		twin = survey_set_find(named, f->survey->id);
		if (twin != NULL)
			diag_add(&f->diag, f->path, 0, 0,
			         _("the survey id «%s» is also used by %s"), f->survey->id,
			         twin->path);
		if (twin == NULL)
			survey_set_add(named, f->survey);
		else
			survey_free(f->survey);
		f->survey = NULL;
	}
}

/* Programmes see the surveys named on the command line first, then those
 * of the surveys folder that are not named. */
static void
check_programs(CheckList *list, SurveySet *named, const char *surveys_dir, int *n_programs)
{
	SurveySet folder = { 0 };
	Diag ignored = { 0 };
	bool any = false;

	for (int i = 0; i < list->n; i++)
		any |= list->files[i].is_program;
	if (!any)
		return;
	/* The folder's own problems are its files' business (check it to see
	 * them); only a folder that cannot be read at all matters here. */
	if (survey_set_load_dir(&folder, surveys_dir, &ignored) < 0)
		for (int i = 0; i < ignored.n; i++)
			diag_add(&list->args, ignored.entries[i].file, 0, 0, "%s",
			         ignored.entries[i].message);
	diag_clear(&ignored);
	for (int i = 0; i < folder.n; i++) {
		if (survey_set_find(named, folder.items[i]->id) == NULL)
			survey_set_add(named, folder.items[i]);
		else
			survey_free(folder.items[i]);
	}
	free(folder.items);
	for (int i = 0; i < list->n; i++) {
		CheckFile *f = &list->files[i];
		Program *p;

		if (!f->is_program)
			continue;
		p = program_load(f->path, named, &f->diag);
		*n_programs += p != NULL;
		program_free(p);
	}
}

static int
check_cmp_entry(const void *a, const void *b)
{
	const DiagEntry *x = a, *y = b;

	if (x->line != y->line)
		return (x->line > y->line) - (x->line < y->line);
	if (x->column != y->column)
		return (x->column > y->column) - (x->column < y->column);
	return (x > y) - (x < y);
}

/* Prints each file's problems in the order of its lines. */
static int
check_print(CheckList *list)
{
	int problems = list->args.n;

	diag_print(&list->args, stderr);
	for (int i = 0; i < list->n; i++) {
		Diag *d = &list->files[i].diag;
		if (d->n > 1)
			qsort(d->entries, (size_t)d->n, sizeof *d->entries, check_cmp_entry);
		diag_print(d, stderr);
		problems += d->n;
	}
	return problems;
}

static void
check_list_free(CheckList *list)
{
	for (int i = 0; i < list->n; i++) {
		free(list->files[i].path);
		diag_clear(&list->files[i].diag);
		survey_free(list->files[i].survey);
	}
	free(list->files);
	diag_clear(&list->args);
}

static int
check_run(CheckList *list, const char *surveys_dir)
{
	SurveySet named = { 0 };
	int n_programs = 0, problems, bad_files = 0, n_surveys;

	for (int i = 0; i < list->n; i++)
		if (!list->files[i].is_program)
			list->files[i].is_program = check_looks_like_program(list->files[i].path);
	check_surveys(list, &named);
	n_surveys = named.n;
	check_programs(list, &named, surveys_dir, &n_programs);
	survey_set_free(&named);
	problems = check_print(list);
	for (int i = 0; i < list->n; i++)
		bad_files += list->files[i].diag.n > 0;
	if (problems > 0) {
		fprintf(stderr, _("problems found: %d; files with problems: %d of %d\n"), problems,
		        bad_files, list->n);
		return 1;
	}
	printf(_("ok: %d surveys, %d programmes\n"), n_surveys, n_programs);
	return 0;
}

static int
cmd_check_exec(const CliArgs *args)
{
	CheckList list = { 0 };
	int status;

	for (int i = 0; i < args->argc; i++)
		check_collect(&list, args->argv[i]);
	status = check_run(&list, args->surveys);
	check_list_free(&list);
	return status;
}

const CliEntry cmd_check_entry = {
	.name = "check",
	.usage = N_("[--surveys DIR] FILE|DIR..."),
	.help = N_("A file with a «waves» or «indicators» field, or one in a folder named\n"
	           "programs, is checked as a programme; every other file as a survey.\n"
	           "A folder means its *.yaml files and those in its programs/ folder.\n"
	           "Programmes refer to the surveys named here and to those in --surveys.\n"),
	.shared = CLI_SURVEYS,
	.min_args = 1,
	.max_args = -1,
	.run = cmd_check_exec,
};
