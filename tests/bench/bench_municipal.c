/*
 * bench_municipal.c: the answer sheets of a municipality's schools for the
 * municipal benchmark (tests/bench/municipal.sh, BENCHMARKS.md): for each
 * school a folder with its class list and one answer sheet (DESIGN.md
 * section 5) per shipped questionnaire of the ШНОР batteries, over the
 * three waves: students answer the attitude questionnaire of their grade
 * (primary or senior) and the anxiety one (young, middle or senior),
 * parents the parents' questionnaire, teachers the CBI and WHO-5. Not a
 * test: municipal.sh imports the sheets with `anketa import` into one
 * database per school (named with `anketa school`) and times the rest.
 *
 * Answers are synthetic and deterministic: every respondent has a leaning
 * per questionnaire that drifts a little from wave to wave, so levels vary
 * across classes and respondents move between levels; 5 % of the students
 * miss a wave, 2 % answer without a code, 1 % answer a questionnaire twice
 * in a wave (the later sitting counts).
 *
 * Usage: bench_municipal OUTDIR [SCHOOLS [SCALE]]   (default 40 schools,
 * scale 1: 18 classes of 25 students, 250 parents and 50 teachers a
 * school, about 3 600 sittings a school and 145 000 in all)
 */
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "diag.h"
#include "survey.h"
#include "util.h"

enum { N_WAVES = 3, N_CLASSES = 18 };

static const char *const waves[N_WAVES] = { "start", "interim", "final" };
static const char *const wave_dates[N_WAVES] = { "2026-09-15", "2027-01-20", "2027-05-14" };
static const char *const class_names[N_CLASSES] = {
	"1А", "1Б", "2А", "2Б", "3А", "3Б", "4А", "4Б",  "5А",
	"5Б", "6А", "6Б", "7А", "7Б", "8А", "9А", "10А", "11А",
};
static const int class_grades[N_CLASSES] = {
	1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 9, 10, 11
};

static uint64_t rng = 0x9e3779b97f4a7c15u;

/* xorshift64*: fast, deterministic. A number in [0, 1). */
static double
uniform(void)
{
	rng ^= rng >> 12;
	rng ^= rng << 25;
	rng ^= rng >> 27;
	return (double)((rng * 0x2545f4914f6cdd1du) >> 11) / 9007199254740992.0;
}

/* Roughly normal, mean 0, deviation 1 (a sum of four uniforms). */
static double
noise(void)
{
	return (uniform() + uniform() + uniform() + uniform() - 2.0) * 1.732;
}

/* One open answer sheet. */
typedef struct {
	const Survey *survey;
	FILE *out;
} Sheet;

static Sheet
sheet_open(const char *dir, const SurveySet *set, const char *id)
{
	const Survey *survey = survey_set_find(set, id);
	char *path = xasprintf("%s/%s.csv", dir, id);
	Sheet sheet = { survey, fopen(path, "w") };

	if (survey == NULL || sheet.out == NULL) {
		fprintf(stderr, "bench_municipal: cannot write %s (or no survey %s)\n", path, id);
		exit(1);
	}
	fputs("wave,class,audience,respondent,survey_id", sheet.out);
	for (int q = 0; q < survey->n_questions; q++)
		fprintf(sheet.out, ",%s", survey->questions[q].id);
	fputs(",answered_at\n", sheet.out);
	free(path);
	return sheet;
}

/* One row: every question answered near the respondent's leaning (0 the
 * first option, 1 the last), completed at minute of the wave's day. */
static void
sheet_row(const Sheet *sheet, int wave, const char *klass, const char *audience, const char *code,
          double leaning, int minute, int school)
{
	const Survey *s = sheet->survey;

	fprintf(sheet->out, "%s,%s,%s,%s,%s", waves[wave], klass, audience, code, s->id);
	for (int q = 0; q < s->n_questions; q++) {
		int k = s->questions[q].n_options;
		double x = leaning + 0.22 * noise();
		int pos = (int)floor(x * k);
		fprintf(sheet->out, ",%d", k < 1 ? 1 : pos < 0 ? 1 : pos >= k ? k : pos + 1);
	}
	fprintf(sheet->out, ",%sT%02d:%02d:%02dZ\n", wave_dates[wave], 7 + minute / 60 % 12,
	        minute % 60, school % 60);
}

/* A respondent's leaning in a wave: where it started, drifting by wave. */
static double
leaning_at(double base, double drift, int wave)
{
	return base + drift * wave + 0.05 * noise();
}

static void
student(Sheet *sheets, int klass, int k, int school)
{
	int grade = class_grades[klass];
	Sheet *attitude = &sheets[grade <= 4 ? 0 : 1];
	Sheet *anxiety = &sheets[grade <= 2 ? 2 : grade <= 9 ? 3 : 4];
	char code[16] = "";
	double base[2] = { 0.2 + 0.6 * uniform(), 0.2 + 0.6 * uniform() };
	double drift[2] = { 0.06 * noise(), 0.06 * noise() };

	if (uniform() >= 0.02)
		snprintf(code, sizeof code, "K%d", k + 1);
	for (int w = 0; w < N_WAVES; w++) {
		int minute = klass * 40 + k;
		if (uniform() < 0.05)
			continue;     /* away that day */
		if (uniform() < 0.01) /* started over: the later one counts */
			sheet_row(attitude, w, class_names[klass], "student", code,
			          leaning_at(base[0], drift[0], w), minute, school);
		sheet_row(attitude, w, class_names[klass], "student", code,
		          leaning_at(base[0], drift[0], w), minute + 2, school);
		sheet_row(anxiety, w, class_names[klass], "student", code,
		          leaning_at(base[1], drift[1], w), minute + 4, school);
	}
}

static void
adults(Sheet *sheets, int parents, int teachers, int school)
{
	for (int p = 0; p < parents; p++) {
		int klass = p % N_CLASSES;
		double base = 0.2 + 0.6 * uniform(), drift = 0.05 * noise();
		for (int w = 0; w < N_WAVES; w++)
			sheet_row(&sheets[5], w, class_names[klass], "parent", "",
			          leaning_at(base, drift, w), 600 + p, school);
	}
	for (int t = 0; t < teachers; t++) {
		char code[16];
		double base[2] = { 0.2 + 0.6 * uniform(), 0.2 + 0.6 * uniform() };
		snprintf(code, sizeof code, "T%d", t + 1);
		for (int w = 0; w < N_WAVES; w++) {
			sheet_row(&sheets[6], w, "Педагоги", "teacher", code,
			          leaning_at(base[0], 0.03, w), 900 + t, school);
			sheet_row(&sheets[7], w, "Педагоги", "teacher", code,
			          leaning_at(base[1], -0.03, w), 905 + t, school);
		}
	}
}

static void
school(const char *outdir, const SurveySet *set, int number, double scale)
{
	static const char *const ids[8] = {
		"school_attitude_primary",
		"school_attitude_senior",
		"school_anxiety_young",
		"school_anxiety",
		"school_anxiety_senior",
		"parents",
		"cbi_teachers",
		"who5_teachers",
	};
	char *dir = xasprintf("%s/school%02d", outdir, number);
	char *path = xasprintf("%s/classes.csv", dir);
	int per_class = (int)lround(25 * scale), parents = (int)lround(250 * scale);
	Sheet sheets[8];
	FILE *classes;

	if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
		perror(dir);
		exit(1);
	}
	for (int i = 0; i < 8; i++)
		sheets[i] = sheet_open(dir, set, ids[i]);
	classes = fopen(path, "w");
	fputs("class,students,parents\n", classes);
	for (int c = 0; c < N_CLASSES; c++) {
		fprintf(classes, "%s,%d,%d\n", class_names[c], per_class, per_class);
		for (int k = 0; k < per_class; k++)
			student(sheets, c, k, number);
	}
	fclose(classes);
	adults(sheets, parents, (int)lround(50 * scale), number);
	for (int i = 0; i < 8; i++)
		fclose(sheets[i].out);
	free(path);
	free(dir);
}

int
main(int argc, char **argv)
{
	int schools = argc > 2 ? atoi(argv[2]) : 40;
	double scale = argc > 3 ? atof(argv[3]) : 1.0;
	char *dir = xasprintf("%s/surveys", util_data_dir());
	SurveySet set = { 0 };
	Diag diag = { 0 };

	if (argc < 2 || schools < 1 || scale <= 0) {
		fputs("usage: bench_municipal OUTDIR [SCHOOLS [SCALE]]\n", stderr);
		return 2;
	}
	if (mkdir(argv[1], 0777) != 0 && errno != EEXIST) {
		perror(argv[1]);
		return 1;
	}
	if (survey_set_load_dir(&set, dir, &diag) != 0) {
		fprintf(stderr, "bench_municipal: the surveys in %s do not load\n", dir);
		return 1;
	}
	for (int s = 1; s <= schools; s++)
		school(argv[1], &set, s, scale);
	survey_set_free(&set);
	diag_clear(&diag);
	free(dir);
	return 0;
}
