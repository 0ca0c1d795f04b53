/*
 * bench_indicators.c: scoring 100 000 sittings of a 40-question survey and
 * computing every indicator of a three-wave programme over about 30 classes
 * (DESIGN.md section 6: "scoring and all indicators over 100 000 sittings
 * (about 4 M answers) in at most 1 s"). Not a test: it prints the times and
 * the peak memory for BENCHMARKS.md.
 *
 * Usage: bench_indicators [SITTINGS]   (default 100000)
 */
#include <stdint.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "indicator.h"
#include "score.h"
#include "testbuild.h"
#include "util.h"

enum { N_QUESTIONS = 40, N_CLASSES = 30, N_WAVES = 3, N_TIMES = 3600 };

static const char *const wave_names[N_WAVES] = { "start", "interim", "final" };
static const char *const level_ids[] = { "low", "medium", "high" };

static uint64_t bench_rng = 0x9e3779b97f4a7c15u;

/* xorshift64*: fast, deterministic, good enough for synthetic answers. */
static uint32_t
bench_rand(uint32_t n)
{
	bench_rng ^= bench_rng >> 12;
	bench_rng ^= bench_rng << 25;
	bench_rng ^= bench_rng >> 27;
	return (uint32_t)((bench_rng * 0x2545f4914f6cdd1du) >> 32) % n;
}

static double
bench_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Adds a scale with the levels low, medium, high over bands[0..5]. */
static int
bench_scale(Survey *s, const char *id, ScaleMethod method, int precision, const double *bands)
{
	int k = testbuild_scale(s, id, method, precision);

	for (int l = 0; l < 3; l++)
		testbuild_level(s, k, level_ids[l], bands[2 * l], bands[2 * l + 1]);
	return k;
}

/*
 * 40 three-option questions (scores 0, 1, 2); four symptom scales of 10
 * items; two phases over two symptoms each (nested); a percent_of_max
 * total over the phases (nested twice); a mean over all 40 items.
 */
static Survey *
bench_survey(void)
{
	static const double sym[] = { 0, 6, 7, 13, 14, 20 };
	static const double phase[] = { 0, 13, 14, 27, 28, 40 };
	static const double pct[] = { 0, 33.3, 33.4, 66.6, 66.7, 100 };
	static const double mean[] = { 0, 0.6, 0.7, 1.3, 1.4, 2 };
	Survey *s = testbuild_survey("burnout");

	for (int q = 0; q < N_QUESTIONS; q++)
		testbuild_q3(s);
	for (int k = 0; k < 4; k++) {
		char id[16];
		snprintf(id, sizeof id, "symptom%d", k + 1);
		bench_scale(s, id, SCALE_SUM, 0, sym);
		testbuild_items(s, k, k * 10, k * 10 + 9);
		s->scales[k].min_answered = 8;
	}
	bench_scale(s, "phase1", SCALE_SUM, 0, phase);
	bench_scale(s, "phase2", SCALE_SUM, 0, phase);
	bench_scale(s, "total", SCALE_PERCENT_OF_MAX, 1, pct);
	bench_scale(s, "mean", SCALE_MEAN, 1, mean);
	for (int k = 0; k < 4; k++)
		testbuild_subscale(s, 4 + k / 2, k);
	testbuild_subscale(s, 6, 4);
	testbuild_subscale(s, 6, 5);
	testbuild_items(s, 7, 0, N_QUESTIONS - 1);
	testbuild_alert(s, 39, 2, INFINITY); /* the highest answer, 2 */
	return s;
}

/* Two shares, two reductions (one on a nested scale), one participation;
 * each with a target of 50 % at the final wave. */
static Program *
bench_program(void)
{
	Program *p = testbuild_program("bench", "start interim final");

	testbuild_indicator(p, "1.1", INDICATOR_SHARE, "burnout", "mean", "low");
	testbuild_indicator(p, "1.2", INDICATOR_SHARE, "burnout", "symptom1", "low");
	testbuild_indicator(p, "4.1", INDICATOR_REDUCTION, "burnout", "total", "high");
	testbuild_indicator(p, "4.2", INDICATOR_REDUCTION, "burnout", "phase2", "high");
	testbuild_participation(p, "2.2", "burnout", "students");
	for (int i = 0; i < p->n_indicators; i++) {
		if (p->indicators[i].kind == INDICATOR_REDUCTION)
			p->indicators[i].baseline = 0;
		testbuild_target(p, i, 2, 50);
	}
	return p;
}

/* The synthetic data: sittings, their chosen options (0 = unanswered). */
typedef struct {
	IndicatorSitting *sittings;
	unsigned char *choice; /* n x N_QUESTIONS */
	char **codes;          /* per sitting, "" for some */
	char *times[N_TIMES];
	char *classes[N_CLASSES];
	ClassSize sizes[N_CLASSES];
	long n_answers;
} BenchData;

/*
 * Each sitting: a wave, a class, a code from a pool of 40 per class (so
 * people sit twice), 5 % without a code, 3 % never completed; each answer
 * leans to the respondent's tendency, 2 % of items left unanswered.
 */
static void
bench_data(BenchData *d, const Survey *survey, int n)
{
	d->n_answers = 0;
	d->sittings = xcalloc((size_t)n, sizeof *d->sittings);
	d->choice = xmalloc((size_t)n * N_QUESTIONS);
	d->codes = xcalloc((size_t)n, sizeof *d->codes);
	for (int t = 0; t < N_TIMES; t++)
		d->times[t] =
		    xasprintf("2026-09-15T%02d:%02d:%02dZ", 8 + t / 600, t / 60 % 60, t % 60);
	for (int c = 0; c < N_CLASSES; c++) {
		d->classes[c] =
		    xasprintf("%d%s", 1 + c / 3, (const char *[]){ "А", "Б", "В" }[c % 3]);
		d->sizes[c] = (ClassSize){ d->classes[c], 25, 22, false };
	}
	for (int i = 0; i < n; i++) {
		int c = (int)bench_rand(N_CLASSES), lean = (int)bench_rand(3);
		d->codes[i] =
		    bench_rand(20) == 0 ? xstrdup("") : xasprintf("R%02d-%02u", c, bench_rand(40));
		d->sittings[i] =
		    (IndicatorSitting){ wave_names[bench_rand(N_WAVES)],
			                d->classes[c],
			                d->codes[i],
			                "burnout",
			                bench_rand(33) == 0 ? NULL : d->times[bench_rand(N_TIMES)],
			                survey,
			                NULL };
		for (int q = 0; q < N_QUESTIONS; q++) {
			int option = bench_rand(2) ? lean : (int)bench_rand(3);
			int pick = bench_rand(50) == 0 ? 0 : 1 + option;
			d->choice[(size_t)i * N_QUESTIONS + q] = (unsigned char)pick;
			d->n_answers += pick != 0;
		}
	}
}

/* Scores every sitting the way a store reader would hand answers over. */
static long
bench_score(const Survey *survey, BenchData *d, int n, ScaleResult *results)
{
	static const char *const values[] = { "", "1", "2", "3" };
	ScoreBatch *batch = score_batch_new(survey);
	long alerts = 0;

	for (int i = 0; i < n; i++) {
		ScoreAnswer answers[N_QUESTIONS];
		int k = 0;
		bool raised[1];

		for (int q = 0; q < N_QUESTIONS; q++) {
			int pick = d->choice[(size_t)i * N_QUESTIONS + q];
			if (pick != 0)
				answers[k++] = (ScoreAnswer){ q, values[pick] };
		}
		score_batch_sitting(batch, answers, k, &results[(size_t)i * survey->n_scales]);
		alerts += score_alerts(survey, answers, k, raised);
		d->sittings[i].results = &results[(size_t)i * survey->n_scales];
	}
	score_batch_free(batch);
	return alerts;
}

static void
bench_free(Survey *s, Program *p, BenchData *d, int n)
{
	survey_free(s);
	program_free(p);
	for (int i = 0; i < n; i++)
		free(d->codes[i]);
	for (int t = 0; t < N_TIMES; t++)
		free(d->times[t]);
	for (int c = 0; c < N_CLASSES; c++)
		free(d->classes[c]);
	free(d->codes);
	free(d->choice);
	free(d->sittings);
}

int
main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 100000;
	Survey *survey = bench_survey();
	Program *program = bench_program();
	BenchData d;
	ScaleResult *results;
	IndicatorTable table;
	struct rusage ru;
	double t0, t1, t2, t3, t4;
	long alerts;

	if (n <= 0) {
		fprintf(stderr, "usage: bench_indicators [SITTINGS]\n");
		return 2;
	}
	bench_data(&d, survey, n);
	results = xcalloc((size_t)n * (size_t)survey->n_scales, sizeof *results);
	t0 = bench_now();
	alerts = bench_score(survey, &d, n, results);
	t1 = bench_now();
	indicator_compute(program,
	                  &(IndicatorInput){ .sittings = d.sittings,
	                                     .n_sittings = n,
	                                     .classes = d.sizes,
	                                     .n_classes = N_CLASSES },
	                  &table);
	t2 = bench_now();
	/* The same scoring one sitting at a time, for comparison: each call
	 * works out the nested scales' ranges again. */
	t3 = bench_now();
	for (int i = 0; i < n; i++) {
		ScoreAnswer answers[N_QUESTIONS];
		int k = 0;
		for (int q = 0; q < N_QUESTIONS; q++)
			if (d.choice[(size_t)i * N_QUESTIONS + q] != 0)
				answers[k++] = (ScoreAnswer){
					q,
					(const char *[]){
					    "", "1", "2",
					    "3" }[d.choice[(size_t)i * N_QUESTIONS + q]]
				};
		score_sitting(survey, answers, k, &results[(size_t)i * survey->n_scales]);
	}
	t4 = bench_now();
	getrusage(RUSAGE_SELF, &ru);
	printf("sittings %d, answers %ld, scales %d, alerts raised %ld\n", n, d.n_answers,
	       survey->n_scales, alerts);
	printf("indicators %d, rows %d (e.g. %s %s %s: n %d meeting %d)\n", program->n_indicators,
	       table.n, table.rows[0].indicator_id, table.rows[0].wave, table.rows[0].class_name,
	       table.rows[0].n, table.rows[0].meeting);
	printf("score %.1f ms, indicators %.1f ms, total %.1f ms, peak RSS %.1f MB\n",
	       (t1 - t0) * 1e3, (t2 - t1) * 1e3, (t2 - t0) * 1e3, ru.ru_maxrss / 1024.0);
	printf("(for comparison: score_sitting one by one, no batch: %.1f ms)\n", (t4 - t3) * 1e3);
	indicator_table_free(&table);
	free(results);
	bench_free(survey, program, &d, n);
	return 0;
}
