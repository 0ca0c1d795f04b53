/*
 * session.c: the respondent flow as a state machine over the Store.
 */
#include "session.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <uuid/uuid.h>

#include "answer.h"
#include "classname.h"
#include "pinlock.h"
#include "util.h"

/* A typed number's or text's buffer: SESSION_TEXT_MAX characters of up to
 * 4 bytes each. */
#define SESSION_INPUT_MAX (SESSION_TEXT_MAX * 4)
#define SESSION_PIN_MAX   8

struct Session {
	/* Pointers and times first, then counts and flags, then the text
	 * buffers: the order that packs the struct (clang-tidy's padding check). */
	Store *store;
	const SurveySet *surveys;
	char *wave;
	char *audience;
	const Survey **battery;
	ScaleResult **results;                  /* per battery position; NULL unless show_result */
	char (*classes)[SESSION_FIELD_MAX + 1]; /* the school's class list, in order */
	char **answers; /* per question of the current survey, stored values */
	uint64_t confirm_until;
	uint64_t thanks_until;
	uint64_t last_input;
	char *error;                 /* a storage failure: the answer was not saved */
	char *prompt;                /* a calm hint about the field in use */
	uint64_t idle_ms;            /* no input this long past the welcome: "still here?" */
	uint64_t ask_until;          /* while asking: the battery is abandoned at this time */
	uint64_t pin_locked_ms;      /* no PIN is checked before this time (the lock kept in the
	                              * store, pinlock.h, seen on this clock) */
	int64_t (*wall_clock)(void); /* seconds since 1970, for the PIN's lock */
	const Survey **kept;         /* surveys whose file this run put in the database */

	SessionPhase phase;
	SessionPhase phase_before_pin;
	int n_battery;
	int n_classes;
	SessionField focus;
	int position;   /* survey in the battery */
	int question;   /* in the current survey */
	unsigned multi; /* toggled options of the current multi question */
	int ask_shown;  /* the countdown's seconds when last ticked */
	SessionPinStep pin_step;
	int pin_wait_shown; /* the wait's seconds when last ticked (the countdown) */
	int n_kept;

	bool class_preset;
	bool code_required; /* an empty respondent code is refused */
	bool confirming;
	bool asking;           /* the question is on screen */
	bool pin_typed_locked; /* digits were typed during the wait, and not taken */
	bool pin_set;          /* the database has a PIN (read when the PIN screen opens) */

	char pin[SESSION_PIN_MAX + 1];
	char pin_first[SESSION_PIN_MAX + 1]; /* a new PIN as first typed, to be typed again */
	char class_name[SESSION_FIELD_MAX + 1];
	char code[SESSION_FIELD_MAX + 1];
	char visit_id[37];
	char sitting_id[37];
	char input[SESSION_INPUT_MAX + 1];
};

Session *
session_create(Store *store, const SurveySet *surveys)
{
	Session *s = xcalloc(1, sizeof *s);

	s->store = store;
	s->surveys = surveys;
	s->wall_clock = util_wall_seconds;
	s->idle_ms = SESSION_IDLE_MS;
	/* A respondent session never runs without the psychologist's PIN:
	 * the first start asks for one before anything else. */
	s->pin_set = store_pin_exists(store);
	s->phase = s->pin_set ? PHASE_WELCOME : PHASE_PIN;
	s->phase_before_pin = PHASE_WELCOME;
	s->pin_step = s->pin_set ? PIN_STEP_ENTER : PIN_STEP_NEW;
	return s;
}

static void
session_clear_answers(Session *s)
{
	const Survey *survey = session_survey(s);

	if (s->answers != NULL && survey != NULL) {
		for (int i = 0; i < survey->n_questions; i++)
			free(s->answers[i]);
	}
	free(s->answers);
	s->answers = NULL;
}

static void
session_clear_results(Session *s)
{
	for (int i = 0; i < s->n_battery && s->results; i++) {
		free(s->results[i]);
		s->results[i] = NULL;
	}
}

static void
session_set_error(Session *s, const char *cause)
{
	free(s->error);
	s->error = cause ? xstrdup(cause) : NULL;
}

/* Sets (NULL: clears) the hint shown next to the field in use; the session
 * owns text from now on. */
static void
session_set_prompt(Session *s, char *text)
{
	free(s->prompt);
	s->prompt = text;
}

/* Children are spoken to as "ты", adults as "Вы". */
static bool
session_is_child(const Session *s)
{
	return strcmp(session_audience(s), "student") == 0;
}

/* The sentence for whoever answers, as a copy to keep. */
static char *
session_say(const Session *s, const char *child, const char *adult)
{
	return xstrdup(session_is_child(s) ? child : adult);
}

void
session_free(Session *s)
{
	if (s == NULL)
		return;
	session_clear_answers(s);
	session_clear_results(s);
	free(s->results);
	free(s->battery);
	free(s->kept);
	free(s->wave);
	free(s->audience);
	free(s->error);
	free(s->prompt);
	free(s->classes);
	free(s);
}

/* The surveys with these ids, or NULL with *cause when one is unknown or not
 * meant for the audience. The caller frees the array. */
static const Survey **
session_battery(const Session *s, const char *const *ids, int n, Audience who, char **cause)
{
	const Survey **battery = xcalloc((size_t)n, sizeof *battery);

	for (int i = 0; i < n; i++) {
		battery[i] = survey_set_find(s->surveys, ids[i]);
		if (battery[i] == NULL)
			*cause = xasprintf(_("no survey with id \"%s\""), ids[i]);
		else if ((battery[i]->audience & who) == 0)
			*cause = xasprintf(_("survey \"%s\" is not meant for the audience \"%s\""),
			                   ids[i], survey_audience_name(who));
		else if (survey_is_placeholder(battery[i]))
			*cause =
			    xasprintf(_("survey \"%s\" is a template whose wording and keys are "
			                "still placeholders: the school puts in its licensed text "
			                "first"),
			              ids[i]);
		else
			continue;
		free(battery);
		return NULL;
	}
	return battery;
}

int
session_configure(Session *s, const char *wave, const char *class_name, const char *audience,
                  const char *const *survey_ids, int n_ids, char **cause)
{
	Audience who = survey_audience_parse(audience ? audience : "");
	const Survey **battery;

	if (who == 0) {
		*cause =
		    xasprintf(_("unknown audience \"%s\": use student, parent, teacher or head"),
		              audience ? audience : "");
		return -1;
	}
	if (wave == NULL || wave[0] == '\0' || n_ids <= 0) {
		*cause = xstrdup(_("a session needs a wave and at least one survey"));
		return -1;
	}
	if (class_name != NULL && strlen(class_name) > SESSION_FIELD_MAX) {
		*cause = xasprintf(_("class name \"%s\" is too long"), class_name);
		return -1;
	}
	battery = session_battery(s, survey_ids, n_ids, who, cause);
	if (battery == NULL)
		return -1;
	session_clear_answers(s);
	session_clear_results(s);
	free(s->results);
	free(s->battery);
	free(s->wave);
	free(s->audience);
	s->battery = battery; /* s->kept stays: the surveys are the same all run */
	s->n_battery = n_ids;
	s->results = xcalloc((size_t)n_ids, sizeof *s->results);
	s->wave = xstrdup(wave);
	s->audience = xstrdup(survey_audience_name(who));
	s->class_preset = class_name != NULL && class_name[0] != '\0';
	snprintf(s->class_name, sizeof s->class_name, "%s", s->class_preset ? class_name : "");
	classname_normalize(s->class_name, s->class_name, sizeof s->class_name);
	if (s->pin_set) /* else the first PIN is still to be made */
		s->phase = PHASE_WELCOME;
	return 0;
}

int
session_save_setup(Session *s, bool read_aloud, char **cause)
{
	size_t len = 1, used = 0;
	StoreSetup setup = { .wave = s->wave,
		             .audience = s->audience,
		             .class_name = s->class_preset ? s->class_name : NULL,
		             .read_aloud = read_aloud,
		             .code_required = s->code_required };
	int rc;

	if (!session_configured(s))
		return 0;
	for (int i = 0; i < s->n_battery; i++)
		len += strlen(s->battery[i]->id) + 1;
	setup.battery = xcalloc(1, len);
	for (int i = 0; i < s->n_battery; i++) /* "a,b,c" */
		used += (size_t)snprintf(setup.battery + used, len - used, "%s%s", i > 0 ? "," : "",
		                         s->battery[i]->id);
	rc = store_setup_put(s->store, &setup, cause);
	free(setup.battery);
	return rc;
}

int
session_restore_setup(Session *s, bool *read_aloud, char **cause)
{
	StoreSetup setup;
	const char *ids[64];
	char *save = NULL;
	int n = 0, rc = store_setup_get(s->store, &setup, cause);

	if (rc != 1)
		return rc;
	for (char *id = strtok_r(setup.battery, ",", &save); id != NULL && n < 64;
	     id = strtok_r(NULL, ",", &save))
		ids[n++] = id;
	rc = session_configure(s, setup.wave, setup.class_name, setup.audience, ids, n, cause);
	if (rc == 0) {
		s->code_required = setup.code_required;
		*read_aloud = setup.read_aloud;
	}
	store_setup_clear(&setup);
	return rc == 0 ? 1 : -1;
}

void
session_require_code(Session *s, bool required)
{
	s->code_required = required;
}

bool
session_code_required(const Session *s)
{
	return s->code_required;
}

bool
session_configured(const Session *s)
{
	return s->n_battery > 0;
}

SessionPhase
session_phase(const Session *s)
{
	return s->phase;
}

static int
session_class_add(const StoreClass *klass, void *arg)
{
	Session *s = arg;

	/* A name the class field cannot hold cannot be the respondent's. */
	if (strlen(klass->class_name) > SESSION_FIELD_MAX)
		return 0;
	s->classes = xreallocarray(s->classes, (size_t)s->n_classes + 1, sizeof *s->classes);
	snprintf(s->classes[s->n_classes++], sizeof *s->classes, "%s", klass->class_name);
	return 0;
}

static int
session_class_order(const void *a, const void *b)
{
	return classname_compare(a, b);
}

/* Reads the school's class list (`anketa classes`) for the class buttons,
 * in the order a school lists classes; none when it cannot be read. */
static void
session_load_classes(Session *s)
{
	char *cause = NULL;

	s->n_classes = 0;
	if (store_classes_each(s->store, session_class_add, s, &cause) != 0)
		s->n_classes = 0;
	free(cause);
	if (s->n_classes > 1)
		qsort(s->classes, (size_t)s->n_classes, sizeof *s->classes, session_class_order);
}

void
session_start(Session *s, uint64_t now_ms)
{
	uuid_t uuid;

	if (s->phase != PHASE_WELCOME || !session_configured(s) || !s->pin_set)
		return;
	if (!s->class_preset)
		s->class_name[0] = '\0';
	s->code[0] = '\0';
	s->focus = session_class_asked(s) ? FIELD_CLASS : FIELD_CODE;
	session_load_classes(s);
	uuid_generate_random(uuid);
	uuid_unparse_lower(uuid, s->visit_id);
	session_clear_results(s);
	s->position = 0;
	s->last_input = now_ms;
	session_set_error(s, NULL);
	session_set_prompt(s, NULL);
	s->phase = PHASE_CODE;
}

/* Length in bytes of the UTF-8 sequence starting with byte c. */
static int
session_utf8_len(unsigned char c)
{
	if (c < 0x80)
		return 1;
	if ((c & 0xe0) == 0xc0)
		return 2;
	if ((c & 0xf0) == 0xe0)
		return 3;
	return 4;
}

/* Whether a typed character belongs in a field of the given kind. */
static bool
session_accepts(SessionPhase phase, const Session *s, const char *ch, int len)
{
	unsigned char c = (unsigned char)ch[0];
	const Survey *survey = session_survey(s);

	if (phase == PHASE_PIN)
		return len == 1 && c >= '0' && c <= '9';
	if (phase == PHASE_CODE) /* letters (any script), digits, hyphen */
		return len > 1 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
		       (c >= 'A' && c <= 'Z') || c == '-';
	if (phase == PHASE_QUESTION && survey != NULL) {
		QuestionType type = survey->questions[s->question].type;
		if (type == QUESTION_NUMBER)
			return len == 1 &&
			       ((c >= '0' && c <= '9') || c == '-' || c == '.' || c == ',');
		return type == QUESTION_TEXT && (len > 1 || c >= 0x20);
	}
	return false;
}

/* Characters (code points) in UTF-8 text. */
static int
session_chars(const char *text)
{
	int n = 0;

	for (const unsigned char *p = (const unsigned char *)text; *p != '\0'; p++)
		n += (*p & 0xc0) != 0x80;
	return n;
}

/* The most characters the current question's typed answer takes. */
static int
session_input_max(const Session *s)
{
	return session_survey(s)->questions[s->question].type == QUESTION_NUMBER
	           ? SESSION_NUMBER_MAX
	           : SESSION_TEXT_MAX;
}

/* Whether one more character of len bytes fits into target (of cap bytes):
 * a typed answer counts characters, the other fields bytes. */
static bool
session_fits(const Session *s, const char *target, size_t cap, int len)
{
	if (s->phase == PHASE_QUESTION)
		return session_chars(target) < session_input_max(s);
	return strlen(target) + (size_t)len < cap;
}

/* The buffer typed text goes to in the current state, with its capacity. */
static char *
session_target(Session *s, size_t *cap)
{
	switch (s->phase) {
	case PHASE_PIN:
		*cap = sizeof s->pin;
		return s->pin;
	case PHASE_CODE:
		*cap = SESSION_FIELD_MAX + 1;
		return s->focus == FIELD_CLASS ? s->class_name : s->code;
	case PHASE_QUESTION:
		*cap = sizeof s->input;
		return s->input;
	default:
		return NULL;
	}
}

/* The hint for a class that does not look like one. */
static char *
session_class_hint(const Session *s)
{
	return session_say(s, _("A class is a grade from 1 to 11 and a letter, like 7B."),
	                   _("Please give the class as a grade from 1 to 11 and a letter, like "
	                     "7B."));
}

/*
 * Takes one typed character (len bytes) into target. In the class field a
 * key of the Latin layout is read as the Cyrillic letter in its place
 * (classname_key) and anything else that is no part of a class is refused
 * with a hint. False when typing must stop: the field is full (said in a
 * prompt, except on the PIN screen, which shows its digits as dots).
 */
static bool
session_take(Session *s, char *target, size_t cap, const char *ch, int len)
{
	size_t used = strlen(target);
	char read[5];

	if (s->phase == PHASE_CODE && s->focus == FIELD_CLASS) {
		if (!classname_read_key(ch, len, read)) {
			session_set_prompt(s, session_class_hint(s));
			return true;
		}
		ch = read;
		len = (int)strlen(read);
	}
	if (!session_accepts(s->phase, s, ch, len))
		return true;
	if (!session_fits(s, target, cap, len)) {
		/* Never drop a character unseen: say the field is full. */
		if (s->phase != PHASE_PIN)
			session_set_prompt(s, s->phase == PHASE_QUESTION
			                          ? xasprintf(_("An answer holds at most %d "
			                                        "characters."),
			                                      session_input_max(s))
			                          : xstrdup(_("There is no more room here.")));
		return false;
	}
	memcpy(target + used, ch, (size_t)len);
	target[used + (size_t)len] = '\0';
	return true;
}

void
session_type(Session *s, const char *utf8, uint64_t now_ms)
{
	size_t cap;
	char *target = session_target(s, &cap);

	s->last_input = now_ms;
	if (target == NULL || s->confirming)
		return;
	if (s->phase == PHASE_PIN && now_ms < s->pin_locked_ms) {
		s->pin_typed_locked = true; /* the screen says why they are not taken */
		return;
	}
	session_set_prompt(s, NULL); /* "type your code first" has been heard */
	for (const char *p = utf8; *p != '\0';) {
		int len = session_utf8_len((unsigned char)*p);

		if ((int)strnlen(p, (size_t)len) < len || !session_take(s, target, cap, p, len))
			break;
		p += len;
	}
}

void
session_erase(Session *s, uint64_t now_ms)
{
	size_t cap, len;
	char *target = session_target(s, &cap);

	s->last_input = now_ms;
	if (target == NULL || (len = strlen(target)) == 0)
		return;
	session_set_prompt(s, NULL);
	do
		len--;
	while (len > 0 && ((unsigned char)target[len] & 0xc0) == 0x80);
	target[len] = '\0';
}

/* Whether the battery needs the respondent's class: students' and
 * parents' indicators count per class, and a questionnaire meant for
 * certain grades needs the class to tell the grade. Teachers and heads
 * answering no such questionnaire belong to no class. */
static bool
session_class_needed(const Session *s)
{
	if (strcmp(session_audience(s), "student") == 0 ||
	    strcmp(session_audience(s), "parent") == 0)
		return true;
	for (int i = 0; i < s->n_battery; i++)
		if (s->battery[i]->grades != 0)
			return true;
	return false;
}

bool
session_class_asked(const Session *s)
{
	return !s->class_preset && session_class_needed(s);
}

/* Shows the instructions of the survey at `position` of the battery. */
static void
session_enter_survey(Session *s, int position)
{
	session_clear_answers(s);
	s->position = position;
	s->question = 0;
	s->sitting_id[0] = '\0';
	s->phase = PHASE_INSTRUCTIONS;
}

/* Keeps the survey's file in the database, once a run, so that its
 * sittings are scored with it even after the file in surveys/ changes
 * (versions.h). A survey made in memory (tests) has no file to keep. */
static int
session_keep_source(Session *s, const Survey *survey, char **cause)
{
	for (int i = 0; i < s->n_kept; i++)
		if (s->kept[i] == survey)
			return 0;
	if (survey->file_text != NULL && survey->hash != NULL &&
	    store_source_put(s->store, survey->id, survey->version, survey->hash, survey->file_text,
	                     survey->file_len, cause) != 0)
		return -1;
	s->kept = xreallocarray(s->kept, (size_t)s->n_kept + 1, sizeof *s->kept);
	s->kept[s->n_kept++] = survey;
	return 0;
}

/* Starts the sitting of the current survey in the store. */
static int
session_begin_sitting(Session *s, char **cause)
{
	const Survey *survey = session_survey(s);
	StoreSitting st = { 0 };

	if (session_keep_source(s, survey, cause) != 0)
		return -1;

	st.visit_id = s->visit_id;
	st.wave = s->wave;
	st.class_name = s->class_name;
	st.audience = s->audience;
	st.respondent = s->code;
	st.survey_id = survey->id;
	st.survey_version = survey->version;
	st.survey_hash = survey->hash;
	if (store_sitting_begin(s->store, &st, s->sitting_id, cause) != 0)
		return -1;
	s->answers = xcalloc((size_t)survey->n_questions, sizeof *s->answers);
	return 0;
}

/* Loads the current question's stored answer into the multi/typed state. */
static void
session_load_question(Session *s)
{
	const SurveyQuestion *q = &session_survey(s)->questions[s->question];
	const char *value = s->answers[s->question];

	s->multi = 0;
	s->input[0] = '\0';
	if (value == NULL)
		return;
	if (q->type == QUESTION_MULTI) {
		for (int i = 0; i < q->n_options && i < 32; i++)
			if (answer_chooses(q, value, i + 1))
				s->multi |= 1u << i;
	} else {
		snprintf(s->input, sizeof s->input, "%s", value);
	}
}

/* Stores value (with its score, if it has one) as the answer to the
 * current question; a failure is kept for session_error(). */
static int
session_store_answer(Session *s, const char *value)
{
	const SurveyQuestion *q = &session_survey(s)->questions[s->question];
	double score = 0;
	bool has_score = answer_score(q, value, &score);
	char *cause = NULL;

	if (store_answer_put(s->store, s->sitting_id, q->id, value, has_score, score, NULL,
	                     &cause) != 0) {
		session_set_error(s, cause);
		free(cause);
		return -1;
	}
	session_set_error(s, NULL);
	free(s->answers[s->question]);
	s->answers[s->question] = xstrdup(value);
	return 0;
}

/* Completes the current sitting and moves to the next survey or thank-you. */
static void
session_finish_survey(Session *s, uint64_t now_ms)
{
	const Survey *survey = session_survey(s);
	char *cause = NULL;

	if (store_sitting_finish(s->store, s->sitting_id, SITTING_COMPLETED, &cause) != 0) {
		session_set_error(s, cause);
		free(cause);
		return;
	}
	session_set_error(s, NULL); /* stored: no alarm left from before */
	if (survey->show_result) {
		ScoreAnswer *given = xcalloc((size_t)survey->n_questions, sizeof *given);
		int n = 0;
		for (int i = 0; i < survey->n_questions; i++) {
			if (s->answers[i] != NULL)
				given[n++] = (ScoreAnswer){ i, s->answers[i] };
		}
		s->results[s->position] =
		    xcalloc((size_t)survey->n_scales + 1, sizeof(ScaleResult));
		score_sitting(survey, given, n, s->results[s->position]);
		free(given);
	}
	if (s->position + 1 < s->n_battery) {
		session_enter_survey(s, s->position + 1);
		return;
	}
	session_clear_answers(s);
	s->phase = PHASE_THANKS;
	/* A respondent's own result stays until they say they have read it. */
	s->thanks_until = session_has_results(s) ? 0 : now_ms + SESSION_THANKS_MS;
}

/* Moves past the current question once its answer is stored. */
static void
session_advance(Session *s, uint64_t now_ms)
{
	s->confirming = false;
	if (s->question + 1 < session_survey(s)->n_questions) {
		s->question++;
		session_load_question(s);
	} else {
		session_finish_survey(s, now_ms);
	}
}

/* The value of the toggled options of a multi question ("1|3"), or NULL
 * when none is toggled. */
static char *
session_multi_value(const Session *s, const SurveyQuestion *q)
{
	int positions[32], n = 0;

	for (int i = 0; i < q->n_options && i < 32; i++)
		if (s->multi & (1u << i))
			positions[n++] = i + 1;
	return n > 0 ? answer_format_positions(positions, n) : NULL;
}

/* The hint for a number range: "from 7 to 18". */
static char *
session_range_prompt(const Session *s, const SurveyQuestion *q)
{
	double min = 0, max = 0;
	char *from, *to, *text;

	answer_number_bounds(q, &min, &max);
	from = answer_number_text(min);
	to = answer_number_text(max);
	text = xasprintf(session_is_child(s) ? _("Type a number from %s to %s.")
	                                     : _("Please type a number from %s to %s."),
	                 from, to);
	free(from);
	free(to);
	return text;
}

/* The hint for an answer that cannot be submitted yet (nothing chosen,
 * nothing or no number typed, a number out of range), or NULL. */
static char *
session_answer_prompt(const Session *s, const SurveyQuestion *q)
{
	if (q->type == QUESTION_MULTI)
		return s->multi != 0 ? NULL
		                     : session_say(s, _("Choose at least one answer."),
		                                   _("Please choose at least one answer."));
	switch (answer_typed_check(q, s->input)) {
	case ANSWER_TYPED_EMPTY:
		return session_say(s, _("Type your answer first."),
		                   _("Please type your answer first."));
	case ANSWER_TYPED_NOT_A_NUMBER:
		return session_say(s, _("Type a number in digits, for example 12."),
		                   _("Please type a number in digits, for example 12."));
	case ANSWER_TYPED_OUT_OF_BOUNDS:
		return session_range_prompt(s, q);
	case ANSWER_TYPED_NOT_TEXT:
		return session_say(s, _("Type letters, digits and punctuation only."),
		                   _("Please type letters, digits and punctuation only."));
	default:
		return NULL;
	}
}

/* Enter on a question: submits typed or toggled answers, or moves on. */
static int
session_submit_question(Session *s, uint64_t now_ms)
{
	const SurveyQuestion *q = &session_survey(s)->questions[s->question];
	char *value = NULL;
	int rc;

	if (q->type == QUESTION_MULTI)
		value = session_multi_value(s, q);
	else if (q->type == QUESTION_NUMBER || q->type == QUESTION_TEXT)
		value = answer_from_typed(q, s->input);
	else if (s->answers[s->question] != NULL) {
		session_advance(s, now_ms); /* a choice is stored already: Enter moves on */
		return 0;
	}
	if (value == NULL) {
		/* A choice not made yet needs no words: its buttons are the hint. */
		session_set_prompt(s, survey_type_scored(q->type) && q->type != QUESTION_MULTI
		                          ? NULL
		                          : session_answer_prompt(s, q));
		return 0;
	}
	rc = session_store_answer(s, value);
	free(value);
	if (rc != 0)
		return -1;
	session_advance(s, now_ms);
	return 0;
}

/* True when the class typed is one of the school's list. */
static bool
session_class_listed(const Session *s)
{
	for (int i = 0; i < s->n_classes; i++)
		if (strcmp(s->classes[i], s->class_name) == 0)
			return true;
	return false;
}

/*
 * The class field is being left (Enter, "Next", a click on the code field):
 * the class takes its one spelling, whichever way it is left, and must be
 * one of the school's list when there is one, else look like a class
 * (classname_valid); empty only when the class is not required. False,
 * with a prompt and the focus kept, when it cannot be left yet.
 */
static bool
session_leave_class(Session *s)
{
	classname_normalize(s->class_name, s->class_name, sizeof s->class_name);
	if (s->class_name[0] == '\0') {
		if (!session_class_needed(s))
			return true;
		session_set_prompt(s, s->n_classes > 0
		                          ? session_say(s, _("Choose your class first."),
		                                        _("Please choose the class first."))
		                          : session_say(s, _("Type your class first."),
		                                        _("Please type the class first.")));
		return false;
	}
	if (s->n_classes > 0 ? session_class_listed(s) : classname_valid(s->class_name))
		return true;
	session_set_prompt(s, s->n_classes > 0
	                          ? session_say(s,
	                                        _("There is no such class in the school's list: "
	                                          "choose yours on the buttons."),
	                                        _("There is no such class in the school's list: "
	                                          "please choose it on the buttons."))
	                          : session_class_hint(s));
	return false;
}

/* Enter on the code screen: from the class to the code, then on to the
 * first survey; an empty class or a required code left empty is said. */
static void
session_next_code(Session *s)
{
	if (s->focus == FIELD_CLASS) {
		if (session_leave_class(s))
			s->focus = FIELD_CODE;
		return;
	}
	if (s->code_required && s->code[0] == '\0') {
		session_set_prompt(
		    s, session_say(s, _("Type your code first: your teacher gave it to you."),
		                   _("Please type your code first.")));
		return;
	}
	session_enter_survey(s, 0);
}

/* Enter on a survey's instructions: starts its sitting (stored). */
static int
session_next_instructions(Session *s)
{
	char *cause = NULL;

	if (s->answers == NULL && session_begin_sitting(s, &cause) != 0) {
		session_set_error(s, cause);
		free(cause);
		return -1;
	}
	session_set_error(s, NULL);
	s->question = 0;
	session_load_question(s);
	s->phase = PHASE_QUESTION;
	return 0;
}

int
session_next(Session *s, uint64_t now_ms)
{
	s->last_input = now_ms;
	session_set_prompt(s, NULL);
	switch (s->phase) {
	case PHASE_WELCOME:
		session_start(s, now_ms);
		return 0;
	case PHASE_CODE:
		session_next_code(s);
		return 0;
	case PHASE_INSTRUCTIONS:
		return session_next_instructions(s);
	case PHASE_QUESTION:
		if (s->confirming)
			return 0;
		return session_submit_question(s, now_ms);
	case PHASE_THANKS:
		s->phase = PHASE_WELCOME;
		session_set_error(s, NULL);
		return 0;
	default:
		return 0;
	}
}

int
session_choose(Session *s, int option, uint64_t now_ms)
{
	const SurveyQuestion *q;
	int position = option + 1, rc;
	char *value;

	s->last_input = now_ms;
	if (s->phase != PHASE_QUESTION || s->confirming)
		return 0;
	q = &session_survey(s)->questions[s->question];
	if (option < 0 || option >= q->n_options)
		return 0;
	session_set_prompt(s, NULL);
	if (q->type == QUESTION_MULTI) {
		if (option < 32)
			s->multi ^= 1u << option;
		return 0;
	}
	value = answer_format_positions(&position, 1);
	rc = session_store_answer(s, value);
	free(value);
	if (rc != 0)
		return -1;
	s->confirming = true;
	s->confirm_until = now_ms + SESSION_CONFIRM_MS;
	return 0;
}

void
session_back(Session *s, uint64_t now_ms)
{
	s->last_input = now_ms;
	session_set_prompt(s, NULL);
	if (s->phase == PHASE_CODE) {
		if (session_field_text(s, s->focus)[0] == '\0' && s->focus == FIELD_CODE &&
		    session_class_asked(s))
			s->focus = FIELD_CLASS;
		else
			session_erase(s, now_ms);
		return;
	}
	if (s->phase == PHASE_PIN) {
		session_erase(s, now_ms);
		return;
	}
	if (s->phase != PHASE_QUESTION || s->confirming)
		return;
	/* A storage alarm belongs to the question whose answer was not
	 * stored: it is not carried to another one. */
	session_set_error(s, NULL);
	if (s->question == 0) {
		s->phase = PHASE_INSTRUCTIONS;
		return;
	}
	s->question--;
	session_load_question(s);
}

void
session_focus(Session *s, SessionField field)
{
	if (s->phase != PHASE_CODE || (field == FIELD_CLASS && !session_class_asked(s)) ||
	    field == s->focus)
		return;
	session_set_prompt(s, NULL);
	if (field == FIELD_CLASS || session_leave_class(s))
		s->focus = field;
}

void
session_pick_class(Session *s, int index, uint64_t now_ms)
{
	s->last_input = now_ms;
	if (s->phase != PHASE_CODE || s->focus != FIELD_CLASS || index < 0 || index >= s->n_classes)
		return;
	snprintf(s->class_name, sizeof s->class_name, "%s", s->classes[index]);
	session_set_prompt(s, NULL);
	s->focus = FIELD_CODE;
}

void
session_reset(Session *s)
{
	char *cause = NULL;

	session_set_error(s, NULL); /* the welcome screen shows nothing of the last one */
	if (s->sitting_id[0] != '\0' && s->answers != NULL &&
	    store_sitting_finish(s->store, s->sitting_id, SITTING_ABANDONED, &cause) != 0) {
		session_set_error(s, cause);
		free(cause);
	}
	session_clear_answers(s);
	session_set_prompt(s, NULL);
	session_clear_results(s);
	s->confirming = false;
	s->asking = false;
	s->sitting_id[0] = '\0';
	s->input[0] = '\0';
	s->code[0] = '\0';
	if (!s->class_preset)
		s->class_name[0] = '\0';
	explicit_bzero(s->pin, sizeof s->pin);
	s->phase = PHASE_WELCOME;
}

/* The screens of a respondent past the welcome, where nobody may be left
 * answering someone else's questionnaire. */
static bool
session_respondent_phase(SessionPhase phase)
{
	return phase == PHASE_CODE || phase == PHASE_INSTRUCTIONS || phase == PHASE_QUESTION ||
	       phase == PHASE_THANKS;
}

void
session_set_idle(Session *s, uint64_t idle_ms)
{
	s->idle_ms = idle_ms;
}

bool
session_touch(Session *s, uint64_t now_ms)
{
	bool was_asking = s->asking;

	s->last_input = now_ms;
	s->asking = false;
	return was_asking;
}

bool
session_asking(const Session *s)
{
	return s->asking;
}

/* The whole seconds a countdown that ends at `end` shows at now_ms (a
 * part of a second counts as one; 0 once it is over). */
static int
session_seconds_left(uint64_t end, uint64_t now_ms)
{
	return now_ms < end ? (int)((end - now_ms + 999) / 1000) : 0;
}

int
session_ask_seconds(const Session *s, uint64_t now_ms)
{
	return s->asking ? session_seconds_left(s->ask_until, now_ms) : 0;
}

/* The confirmation of a chosen option: then the next question. */
static bool
session_tick_confirm(Session *s, uint64_t now_ms)
{
	if (s->phase != PHASE_QUESTION || !s->confirming || now_ms < s->confirm_until)
		return false;
	session_advance(s, now_ms);
	return true;
}

static bool
session_tick_thanks(Session *s, uint64_t now_ms)
{
	if (s->phase != PHASE_THANKS || s->thanks_until == 0 || now_ms < s->thanks_until)
		return false;
	s->phase = PHASE_WELCOME;
	s->asking = false;
	session_set_error(s, NULL);
	return true;
}

/* A respondent who gave no input for idle_ms is asked whether they are
 * still there, with a countdown of SESSION_ASK_MS; at its end the battery
 * is abandoned (its answers kept) and the welcome screen is for the next
 * person. */
static bool
session_tick_idle(Session *s, uint64_t now_ms)
{
	int shown;

	if (!session_respondent_phase(s->phase))
		return false;
	if (!s->asking) {
		if (now_ms < s->last_input + s->idle_ms)
			return false;
		s->asking = true;
		s->ask_until = s->last_input + s->idle_ms + SESSION_ASK_MS;
		s->ask_shown = session_ask_seconds(s, now_ms);
		return true;
	}
	if (now_ms >= s->ask_until) {
		session_reset(s);
		return true;
	}
	shown = session_ask_seconds(s, now_ms);
	if (shown == s->ask_shown)
		return false;
	s->ask_shown = shown;
	return true;
}

/* The PIN screen's wait counts down: a new frame every second, and one
 * when it is over. */
static bool
session_tick_pin(Session *s, uint64_t now_ms)
{
	int shown;

	if (s->phase != PHASE_PIN || s->pin_locked_ms == 0)
		return false;
	shown = session_pin_wait_s(s, now_ms);
	if (shown == s->pin_wait_shown)
		return false;
	s->pin_wait_shown = shown;
	if (shown == 0) {
		s->pin_locked_ms = 0;
		s->pin_typed_locked = false;
	}
	return true;
}

/* The psychologist's screens (the PIN screen, the menu, the results) lock
 * after the same idle time as a respondent's: the kiosk goes back to the
 * welcome screen (what was under the PIN screen ends as abandoned). While
 * the first PIN is made there is nowhere to go: what was typed is dropped. */
static bool
session_tick_lock(Session *s, uint64_t now_ms)
{
	if ((s->phase != PHASE_PIN && s->phase != PHASE_MENU && s->phase != PHASE_RESULTS) ||
	    now_ms < s->last_input + s->idle_ms)
		return false;
	if (s->pin_set) {
		session_reset(s);
	} else {
		explicit_bzero(s->pin, sizeof s->pin);
		explicit_bzero(s->pin_first, sizeof s->pin_first);
		s->pin_step = PIN_STEP_NEW;
		s->last_input = now_ms;
	}
	return true;
}

bool
session_tick(Session *s, uint64_t now_ms)
{
	return session_tick_confirm(s, now_ms) || session_tick_thanks(s, now_ms) ||
	       session_tick_idle(s, now_ms) || session_tick_pin(s, now_ms) ||
	       session_tick_lock(s, now_ms);
}

/* When a countdown that ends at `end` next shows another whole second. */
static uint64_t
session_next_second(uint64_t end, uint64_t now_ms)
{
	uint64_t left = end - now_ms;

	return now_ms + left - (left - 1) / 1000 * 1000;
}

/* The earlier of a and b. */
static uint64_t
session_earlier(uint64_t a, uint64_t b)
{
	return a < b ? a : b;
}

int64_t
session_next_deadline(const Session *s, uint64_t now_ms)
{
	uint64_t at = UINT64_MAX;

	if (s->phase == PHASE_QUESTION && s->confirming)
		at = s->confirm_until;
	if (s->phase == PHASE_THANKS && s->thanks_until != 0) /* 0: stays until "Done" */
		at = session_earlier(at, s->thanks_until);
	if (session_respondent_phase(s->phase))
		at = session_earlier(at, s->asking && now_ms < s->ask_until
		                             ? session_next_second(s->ask_until, now_ms)
		                             : s->last_input + s->idle_ms);
	if (s->phase == PHASE_PIN && s->pin_locked_ms > now_ms)
		at = session_next_second(s->pin_locked_ms, now_ms);
	else if (s->phase == PHASE_PIN && s->pin_locked_ms != 0)
		at = now_ms; /* over: the frame without the countdown */
	if (s->phase == PHASE_PIN || s->phase == PHASE_MENU || s->phase == PHASE_RESULTS)
		at = session_earlier(at, s->last_input + s->idle_ms);
	if (at == UINT64_MAX)
		return -1;
	return at > now_ms ? (int64_t)(at - now_ms) : 0;
}

/* Sees the lock kept in the store (a wait that outlives restarts) on the
 * session's clock: no PIN is checked for wait_s seconds from now_ms. */
static void
session_pin_wait(Session *s, int wait_s, uint64_t now_ms)
{
	s->pin_locked_ms = wait_s > 0 ? now_ms + (uint64_t)wait_s * 1000 : 0;
	s->pin_wait_shown = wait_s;
	s->pin_typed_locked = false;
}

void
session_open_pin(Session *s, uint64_t now_ms)
{
	PinLock lock;
	char *cause = NULL;

	if (s->phase == PHASE_PIN || s->phase == PHASE_MENU || s->phase == PHASE_RESULTS)
		return;
	s->phase_before_pin = s->phase;
	s->pin[0] = '\0';
	session_set_error(s, NULL); /* a respondent's alarm is not the psychologist's */
	s->pin_set = store_pin_exists(s->store);
	s->pin_step = s->pin_set ? PIN_STEP_ENTER : PIN_STEP_NEW;
	if (pinlock_load(s->store, &lock, &cause) == 0)
		session_pin_wait(s, pinlock_wait(&lock, s->wall_clock()), now_ms);
	free(cause);
	s->phase = PHASE_PIN;
}

void
session_set_wall_clock(Session *s, int64_t (*wall_clock)(void))
{
	s->wall_clock = wall_clock;
}

int
session_pin_wait_s(const Session *s, uint64_t now_ms)
{
	return session_seconds_left(s->pin_locked_ms, now_ms);
}

/* First start: a new PIN of 4 to 8 digits, then the same again; stored
 * once the two agree. */
static SessionPinResult
session_pin_create(Session *s)
{
	char *cause = NULL;
	SessionPinResult rc;

	if (s->pin_step != PIN_STEP_AGAIN) {
		if (strlen(s->pin) < 4)
			return SESSION_PIN_REFUSED;
		memcpy(s->pin_first, s->pin, sizeof s->pin_first);
		s->pin_step = PIN_STEP_AGAIN;
		return SESSION_PIN_AGAIN;
	}
	s->pin_step = PIN_STEP_NEW;
	if (strcmp(s->pin, s->pin_first) != 0)
		rc = SESSION_PIN_DIFFERENT;
	else if (store_pin_set(s->store, s->pin, &cause) != 0)
		rc = SESSION_PIN_REFUSED;
	else
		rc = SESSION_PIN_CREATED;
	explicit_bzero(s->pin_first, sizeof s->pin_first);
	session_set_error(s, cause);
	free(cause);
	if (rc == SESSION_PIN_CREATED) {
		s->pin_set = true;
		s->pin_step = PIN_STEP_ENTER;
	}
	return rc;
}

/* Checks the typed PIN against the database's, under the kept wait. */
static SessionPinResult
session_pin_check(Session *s, uint64_t now_ms)
{
	char *cause = NULL;
	SessionPinResult rc;
	int wait_s = 0;

	switch (pinlock_check(s->store, s->pin, s->wall_clock(), &wait_s, &cause)) {
	case PINLOCK_MATCH:
		rc = SESSION_PIN_OPENED;
		break;
	case PINLOCK_WRONG:
		rc = SESSION_PIN_WRONG;
		break;
	case PINLOCK_LOCKED:
		rc = SESSION_PIN_LOCKED;
		break;
	case PINLOCK_NO_PIN: /* removed behind the kiosk's back: make one */
		s->pin_set = false;
		s->pin_step = PIN_STEP_NEW;
		rc = session_pin_create(s);
		break;
	default:
		session_set_error(s, cause);
		rc = SESSION_PIN_REFUSED;
		break;
	}
	free(cause);
	session_pin_wait(s, wait_s, now_ms);
	return rc;
}

SessionPinResult
session_pin_submit(Session *s, uint64_t now_ms)
{
	SessionPinResult rc;

	s->last_input = now_ms;
	if (s->phase != PHASE_PIN)
		return SESSION_PIN_WRONG;
	if (now_ms < s->pin_locked_ms) {
		s->pin[0] = '\0';
		return SESSION_PIN_LOCKED;
	}
	rc = s->pin_set ? session_pin_check(s, now_ms) : session_pin_create(s);
	explicit_bzero(s->pin, sizeof s->pin);
	if (rc != SESSION_PIN_OPENED && rc != SESSION_PIN_CREATED)
		return rc;
	/* The psychologist took over from a respondent (F10 mid-question):
	 * their battery ends here, abandoned, and nobody comes back to it. */
	if (session_respondent_phase(s->phase_before_pin)) {
		session_reset(s);
		s->phase_before_pin = PHASE_WELCOME;
	}
	s->phase = PHASE_MENU;
	return rc;
}

SessionPinStep
session_pin_step(const Session *s)
{
	return s->pin_step;
}

bool
session_pin_typed_while_waiting(const Session *s)
{
	return s->pin_typed_locked;
}

bool
session_pin_exists(const Session *s)
{
	return s->pin_set;
}

void
session_close_menu(Session *s)
{
	if (s->phase == PHASE_MENU || s->phase == PHASE_PIN || s->phase == PHASE_RESULTS ||
	    s->phase == PHASE_ENTER)
		s->phase = PHASE_WELCOME;
}

void
session_show_results(Session *s)
{
	if (s->phase == PHASE_MENU)
		s->phase = PHASE_RESULTS;
}

void
session_show_enter(Session *s)
{
	if (s->phase == PHASE_MENU)
		s->phase = PHASE_ENTER;
}

void
session_cancel(Session *s, uint64_t now_ms)
{
	(void)now_ms;
	if (s->phase == PHASE_RESULTS || s->phase == PHASE_ENTER) {
		s->phase = PHASE_MENU;
	} else if (s->phase == PHASE_PIN && !s->pin_set) {
		/* Without a PIN there is nowhere to go back to: only the first
		 * step of making one. */
		s->pin[0] = '\0';
		s->pin_step = PIN_STEP_NEW;
	} else if (s->phase == PHASE_PIN || s->phase == PHASE_MENU) {
		s->pin[0] = '\0';
		s->phase = s->phase_before_pin;
	}
}

const char *
session_wave(const Session *s)
{
	return s->wave ? s->wave : "";
}

const char *
session_audience(const Session *s)
{
	return s->audience ? s->audience : "";
}

bool
session_class_preset(const Session *s)
{
	return s->class_preset;
}

const char *
session_field_text(const Session *s, SessionField field)
{
	return field == FIELD_CLASS ? s->class_name : s->code;
}

SessionField
session_field_focus(const Session *s)
{
	return s->focus;
}

int
session_class_count(const Session *s)
{
	return s->n_classes;
}

const char *
session_class_at(const Session *s, int index)
{
	return index >= 0 && index < s->n_classes ? s->classes[index] : NULL;
}

int
session_battery_size(const Session *s)
{
	return s->n_battery;
}

int
session_battery_position(const Session *s)
{
	return s->position;
}

const Survey *
session_battery_survey(const Session *s, int position)
{
	return position >= 0 && position < s->n_battery ? s->battery[position] : NULL;
}

const Survey *
session_survey(const Session *s)
{
	return session_battery_survey(s, s->position);
}

int
session_question_index(const Session *s)
{
	return s->question;
}

const char *
session_answer(const Session *s, int question)
{
	const Survey *survey = session_survey(s);

	if (s->answers == NULL || survey == NULL || question < 0 || question >= survey->n_questions)
		return NULL;
	return s->answers[question];
}

bool
session_option_chosen(const Session *s, int option)
{
	const Survey *survey = session_survey(s);

	if (s->phase != PHASE_QUESTION || survey == NULL)
		return false;
	if (survey->questions[s->question].type == QUESTION_MULTI)
		return option >= 0 && option < 32 && (s->multi & (1u << option));
	return answer_chooses(&survey->questions[s->question], session_answer(s, s->question),
	                      option + 1);
}

bool
session_confirming(const Session *s)
{
	return s->confirming;
}

const char *
session_input(const Session *s)
{
	return s->input;
}

int
session_input_room(const Session *s)
{
	if (s->phase != PHASE_QUESTION || session_survey(s) == NULL)
		return 0;
	return session_input_max(s) - session_chars(s->input);
}

const char *
session_error(const Session *s)
{
	return s->error;
}

const char *
session_prompt(const Session *s)
{
	return s->prompt;
}

bool
session_has_results(const Session *s)
{
	for (int p = 0; s->results != NULL && p < s->n_battery; p++)
		if (s->results[p] != NULL)
			return true;
	return false;
}

const ScaleResult *
session_results(const Session *s, int position)
{
	return position >= 0 && position < s->n_battery ? s->results[position] : NULL;
}

int
session_pin_length(const Session *s)
{
	return (int)strlen(s->pin);
}
