/*
 * survey.h: one instrument (a file surveys/NAME.yaml) as data.
 *
 * The file format is DESIGN.md section 3. survey_load() parses a file with
 * libyaml, resolves option sets, scale items and alerts into indexes, and
 * validates everything it can on its own (a programme file is checked against
 * surveys in program.c). A loaded Survey is read-only for everybody else.
 * The module's files are listed in survey_internal.h.
 */
#ifndef ANKETA_SURVEY_H
#define ANKETA_SURVEY_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

typedef enum {
	QUESTION_SINGLE, /* one option of a list (the default) */
	QUESTION_YESNO,  /* one of two options, keyed per question */
	QUESTION_MULTI,  /* any number of options; score = sum of chosen */
	QUESTION_LIKERT, /* one option of an ordered agreement scale */
	QUESTION_NUMBER, /* a number typed in; not scored */
	QUESTION_TEXT,   /* free text; not scored */
} QuestionType;

typedef enum {
	AUDIENCE_STUDENT = 1 << 0,
	AUDIENCE_PARENT = 1 << 1,
	AUDIENCE_TEACHER = 1 << 2,
	AUDIENCE_HEAD = 1 << 3,
} Audience;

typedef enum {
	SCALE_SUM,
	SCALE_MEAN,
	SCALE_PERCENT_OF_MAX,
} ScaleMethod;

/* Where a thing was written, for messages: 1-based line and column. */
typedef struct {
	int line;
	int column;
} SourcePos;

typedef struct {
	char *label;
	double score;
	char *picture; /* path relative to assets/, or NULL */
} SurveyOption;

typedef struct {
	char *id;
	char *text;
	QuestionType type;
	SurveyOption *options; /* resolved: a copy of the named set or the inline list */
	int n_options;
	double number_min; /* QUESTION_NUMBER bounds; both 0 when not given
	                      (what they mean: answer_number_bounds()) */
	double number_max;
	SourcePos pos;
} SurveyQuestion;

typedef struct {
	char *id;
	char *label;
	double min;           /* inclusive */
	double max;           /* inclusive */
	char *interpretation; /* may be NULL */
	SourcePos pos;
} SurveyLevel;

/* A scale item is a question or another scale (nested scales: symptom -> phase). */
typedef struct {
	bool is_scale;
	int index; /* into Survey.questions or Survey.scales */
} ScaleItem;

typedef struct {
	char *id;
	char *title;
	ScaleItem *items;
	int n_items;
	ScaleMethod method;
	double multiplier; /* 1 when not given */
	double offset;     /* 0 when not given */
	int min_answered;  /* 0 when not given: any answered item gives a value */
	int precision;     /* decimals; default 0 for sum, 1 for mean/percent_of_max */
	SurveyLevel *levels;
	int n_levels;
	SourcePos pos;
} SurveyScale;

/* Raised when the question is answered with a score in [min_score,
 * max_score]; a missing bound is open (-inf or +inf). */
typedef struct {
	int question; /* index into Survey.questions */
	double min_score;
	double max_score;
	char *message;
	SourcePos pos;
} SurveyAlert;

/* One self-test of a survey (extension of the format, see issue 5):
 * answers given as option positions, expected scale values and levels;
 * examples_run() (examples.h) scores them and compares. */
typedef struct {
	int question; /* index into Survey.questions */
	char *value;  /* as in the answers CSV (answer.h): "2", "1|3", a number, a text */
} ExampleAnswer;

typedef struct {
	int scale;      /* index into Survey.scales */
	bool has_value; /* false: "not enough answers" expected */
	double value;
	char *level; /* level id, or NULL */
} ExampleExpect;

typedef struct {
	char *name;
	ExampleAnswer *answers;
	int n_answers;
	ExampleExpect *expect;
	int n_expect;
	SourcePos pos;
} SurveyExample;

typedef struct Survey {
	char *path;      /* the file it was loaded from */
	char *hash;      /* hex SHA-256 of the file's bytes, stored with every sitting */
	char *file_text; /* the file's bytes as loaded (NUL added), stored with sittings */
	size_t file_len;
	char *id;
	int version;
	char *title;
	unsigned audience; /* Audience bits */
	unsigned grades;   /* bit g set: meant for grade g (1 to 11); 0: for every grade */
	char *source;
	char *license;
	char *instructions;
	bool show_result;
	bool placeholder;          /* `placeholder: true`: see survey_is_placeholder() */
	SourcePos placeholder_pos; /* where that stands */
	SurveyQuestion *questions;
	int n_questions;
	SurveyScale *scales; /* in dependency order: a nested scale comes before its parent */
	int n_scales;
	SurveyAlert *alerts;
	int n_alerts;
	SurveyExample *examples;
	int n_examples;
} Survey;

/*
 * Loads and validates one survey file. On success returns a Survey the caller
 * frees with survey_free(). On failure returns NULL and adds every problem
 * found to diag (each with file:line:column); diag may collect problems of
 * several files.
 */
Survey *survey_load(const char *path, Diag *diag);

/*
 * Loads and validates a survey from text in memory (a file as stored in the
 * database) exactly as survey_load() loads a file: the same checks, the same
 * hash. name stands for the file in messages and in Survey.path.
 */
Survey *survey_load_text(const char *name, const char *text, size_t len, Diag *diag);

/* Frees a survey from survey_load(); NULL is allowed. */
void survey_free(Survey *survey);

/* Index of the question with this id, or -1. */
int survey_find_question(const Survey *survey, const char *id);

/* Index of the scale with this id, or -1. */
int survey_find_scale(const Survey *survey, const char *id);

/* Index of the level with this id within a scale, or -1. */
int survey_find_level(const SurveyScale *scale, const char *id);

/* Parses an audience word (student, parent, teacher, head); 0 if unknown. */
Audience survey_audience_parse(const char *word);

/* The word for one audience bit; "" for anything else. */
const char *survey_audience_name(Audience audience);

/*
 * True when the survey's wording or keys are still a template's
 * placeholders: its file says `placeholder: true` (DESIGN.md section 3),
 * the line a school removes once it has put in the text and keys of its
 * licensed copy. Such a survey loads (the kiosk still starts and lists it)
 * but cannot be put into a battery, and `anketa check` refuses it. The one
 * rule for both.
 */
bool survey_is_placeholder(const Survey *survey);

/* True when the survey is meant for grade (1 to 11): its `grades` name
 * that grade, or it names none. Grade 0 (a class without a grade, "") fits
 * every survey. */
bool survey_fits_grade(const Survey *survey, int grade);

/* The survey's grades as a reader writes them: runs of three or more with
 * an en dash, others with commas ("5–11", "6, 9", "1–4, 6"); "" when it
 * names none. The caller frees it. */
char *survey_grades_text(const Survey *survey);

/* True for the question types whose answers have a score: every type with
 * options (number and text have none). */
bool survey_type_scored(QuestionType type);

/* The largest score an answer to this question can reach (0 for unscored types). */
double survey_question_max_score(const SurveyQuestion *question);

/*
 * The lowest and highest value a scale can take after multiplier, offset
 * and rounding, over every way of answering at least max(min_answered, 1) of
 * its items (used to check that the level bands cover the range).
 */
void survey_scale_range(const Survey *survey, int scale, double *min, double *max);

/*
 * A set of surveys loaded from a directory (every *.yaml directly in it, in
 * file-name order). Loading goes on past a bad file: the good ones are kept
 * and every problem goes to diag.
 */
typedef struct {
	Survey **items;
	int n;
} SurveySet;

/* Loads every survey in dir into set (which starts zeroed); returns the
 * number of files that failed, or -1 when dir cannot be read (diag says why). */
int survey_set_load_dir(SurveySet *set, const char *dir, Diag *diag);

/* Adds a survey to the set; the set owns it from now on. */
void survey_set_add(SurveySet *set, Survey *survey);

/* The survey with this id, or NULL. */
const Survey *survey_set_find(const SurveySet *set, const char *id);

/* Frees every survey in the set and the set's array. */
void survey_set_free(SurveySet *set);

#endif
