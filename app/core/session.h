/*
 * session.h: the respondent flow of the kiosk as a display-free state machine
 * (DESIGN.md section 5, "Keyboard contract").
 *
 * welcome -> respondent code (and class, unless preset) -> each survey's
 * instructions and questions -> thank-you -> welcome. Every answer is stored
 * through the Store the moment it is given. Screens read the state through
 * the accessors below and change it only through the session_* calls, so
 * the whole flow is testable without a display. Times are milliseconds of
 * any monotonic clock, passed in by the caller.
 */
#ifndef ANKETA_SESSION_H
#define ANKETA_SESSION_H

#include <stdbool.h>
#include <stdint.h>

#include "score.h"
#include "store.h"
#include "survey.h"

typedef enum {
	PHASE_WELCOME,
	PHASE_CODE,
	PHASE_INSTRUCTIONS,
	PHASE_QUESTION,
	PHASE_THANKS,
	PHASE_PIN,
	PHASE_MENU,
	PHASE_RESULTS, /* the psychologist's indicator table, from the menu */
	PHASE_ENTER,   /* the psychologist enters indicator values, from the menu */
	PHASE_COUNT
} SessionPhase;

/* Which field of the code screen takes typed text. */
typedef enum {
	FIELD_CLASS,
	FIELD_CODE,
} SessionField;

/* How long a chosen option stays visibly confirmed before the next question. */
#define SESSION_CONFIRM_MS 450
/* How long the thank-you screen stays before the kiosk returns to welcome
 * (one with the respondent's own results stays until "Done"). */
#define SESSION_THANKS_MS 8000
/* No input this long on a respondent's screen past the welcome (the
 * default of `--idle`): the kiosk asks whether anyone is still there. */
#define SESSION_IDLE_MS (120 * 1000)
/* How long that question waits, counting down, before the battery is
 * abandoned (answers stay) and the welcome screen is for the next person. */
#define SESSION_ASK_MS (20 * 1000)
/* Longest class name and respondent code, in bytes. */
#define SESSION_FIELD_MAX 24
/* Most characters of a typed text answer, and of a typed number. */
#define SESSION_TEXT_MAX   300
#define SESSION_NUMBER_MAX 12

typedef struct Session Session;

/*
 * Creates a session writing into store (borrowed, must outlive the session).
 * surveys is borrowed too. The session starts at the welcome screen with no
 * battery (session_configure() chooses one); on a database without the
 * psychologist's PIN it starts on the PIN screen, making one.
 */
Session *session_create(Store *store, const SurveySet *surveys);

void session_free(Session *session);

/*
 * Chooses the battery: the surveys with these ids, in this order, for one
 * wave, audience and (optional, NULL or "" = typed by each respondent)
 * class. Returns -1 and sets *cause (caller frees) when an id is unknown, a
 * survey is not meant for the audience, or it is a template still holding
 * placeholders (survey_is_placeholder); the previous battery is kept.
 */
int session_configure(Session *session, const char *wave, const char *class_name,
                      const char *audience, const char *const *survey_ids, int n_ids, char **cause);

/*
 * Keeps the set-up in the database for the next start: the battery, wave,
 * audience, class for everybody and whether a code is required, and
 * read_aloud (a switch of the screens, given here). Nothing is kept
 * without a battery. 0, or -1 with *cause.
 */
int session_save_setup(Session *session, bool read_aloud, char **cause);

/*
 * Configures the session as the set-up kept by session_save_setup() (a
 * restart, a power cut): returns 1 and sets *read_aloud, 0 when none was
 * kept, -1 with *cause when it cannot be read or no longer fits (a survey
 * file was taken away); the session is then left as it was.
 */
int session_restore_setup(Session *session, bool *read_aloud, char **cause);

/* Whether respondents must type a code (DESIGN.md: an empty code is allowed
 * unless the session requires one). Off by default. */
void session_require_code(Session *session, bool required);
bool session_code_required(const Session *session);

/* True once a battery is configured. */
bool session_configured(const Session *session);

SessionPhase session_phase(const Session *session);

/* Welcome -> code screen (does nothing without a battery). */
void session_start(Session *session, uint64_t now_ms);

/* Appends typed UTF-8 text to the field in focus (code screen), or to the
 * PIN (PIN screen), or to a number/text answer (question screen). Characters
 * a field does not take are ignored; a character that no longer fits is not
 * taken, and the prompt (session_prompt) says the field is full. */
void session_type(Session *session, const char *utf8, uint64_t now_ms);

/*
 * Moves the typing focus of the code screen (to the class only when it is
 * not preset). Leaving the class field this way (a click on the code
 * field) is leaving it like Enter does: the class takes its one spelling
 * and is checked, and a class that cannot be left keeps the focus with a
 * prompt (see session_next).
 */
void session_focus(Session *session, SessionField field);

/*
 * The school's class list (`anketa classes`), read when a respondent
 * starts, in the order a school lists classes (classname_compare): the
 * code screen offers them as buttons instead of typing. 0 classes: none is
 * listed, the class is typed (a grade from 1 to 11 and a letter, keys of
 * the Latin layout read as the Cyrillic letters in their places).
 */
int session_class_count(const Session *session);
const char *session_class_at(const Session *session, int index);

/* The respondent picks class `index` of the list on the code screen: it
 * becomes the class and the focus moves on to the code. */
void session_pick_class(Session *session, int index, uint64_t now_ms);

/* Abandons whatever battery is under way and returns to the welcome screen.
 * Answers already given stay stored; an open sitting is marked abandoned,
 * and the surveys of the battery not begun are not begun (no sitting is
 * made for them). Nothing of that respondent stays: code, class (unless
 * preset), typed text, their own results and any notice are cleared. */
void session_reset(Session *session);

/* Removes the last character typed (code, PIN, number/text answer). */
void session_erase(Session *session, uint64_t now_ms);

/*
 * Enter. Code screen: moves from class to code, then to the first survey's
 * instructions. Instructions: starts the sitting (stored) and shows its first
 * question. Question: submits a multi/number/text answer, or moves on when
 * the question already has an answer. Thank-you: back to welcome.
 * What cannot go on yet (an empty class, a required code left empty, a
 * multi answer with nothing chosen, a number out of range...) stays put
 * with a prompt (session_prompt). Returns -1 when storing failed: the state
 * is unchanged and session_error() says why.
 */
int session_next(Session *session, uint64_t now_ms);

/*
 * Chooses option `option` (0-based) of the current question. Single-choice
 * types store the answer at once and move on after SESSION_CONFIRM_MS (see
 * session_tick); multi toggles the option. Returns -1 when storing failed
 * (session_error() says why), 0 otherwise (an out-of-range option is
 * ignored).
 */
int session_choose(Session *session, int option, uint64_t now_ms);

/* Backspace or left arrow: the previous question (its answer shown chosen),
 * or from the first question back to the instructions; on the code screen
 * it erases. */
void session_back(Session *session, uint64_t now_ms);

/*
 * Advances time: ends a confirmation, leaves the thank-you screen, asks a
 * respondent who went quiet whether they are still there and abandons the
 * battery when nobody answers, counts down the PIN screen's wait, and after
 * the same idle time locks the psychologist's screens (PIN, menu, results:
 * back to the welcome screen; while the first PIN is made, only what was
 * typed is dropped). Returns
 * true when the state changed or a countdown shows another second (redraw
 * needed). A storage error on the way is kept for session_error().
 */
bool session_tick(Session *session, uint64_t now_ms);

/* Milliseconds until session_tick() has something to do, or -1 for never. */
int64_t session_next_deadline(const Session *session, uint64_t now_ms);

/* How long without input on a respondent's screen past the welcome before
 * the kiosk asks whether anyone is still there, and on the psychologist's
 * screens before they lock (SESSION_IDLE_MS unless set: `--idle`). */
void session_set_idle(Session *session, uint64_t idle_ms);

/*
 * Input from whoever is at the kiosk (any key, click or touch) at now_ms:
 * the idle time starts again. Returns true when it answered the question
 * "still here?", which it then dismisses: that input does nothing else.
 */
bool session_touch(Session *session, uint64_t now_ms);

/* True while the kiosk asks whether the respondent is still there, over
 * the screen they were on. */
bool session_asking(const Session *session);

/* Whole seconds left before an unanswered "still here?" abandons the
 * battery; 0 when not asking. */
int session_ask_seconds(const Session *session, uint64_t now_ms);

/* Respondent-flow accessors for the screens. */
const char *session_wave(const Session *session);
const char *session_audience(const Session *session);
bool session_class_preset(const Session *session);
/* True when the code screen asks for the class: it is not preset and the
 * battery needs one (students and parents, whose indicators count per
 * class, or a questionnaire meant for certain grades). Teachers and heads
 * are otherwise not asked, and their sittings belong to no class. */
bool session_class_asked(const Session *session);
const char *session_field_text(const Session *session, SessionField field);
SessionField session_field_focus(const Session *session);
int session_battery_size(const Session *session);
int session_battery_position(const Session *session); /* 0-based survey in the battery */
const Survey *session_battery_survey(const Session *session, int position);
const Survey *session_survey(const Session *session); /* the current one */
int session_question_index(const Session *session);   /* 0-based */
/* The stored value of a question of the current survey ("2", "1|3", text), or NULL. */
const char *session_answer(const Session *session, int question);
/* True while option `option` is shown chosen (stored single answer or toggled multi). */
bool session_option_chosen(const Session *session, int option);
/* True during the short confirmation after a choice. */
bool session_confirming(const Session *session);
/* The number/text being typed for the current question. */
const char *session_input(const Session *session);
/* How many more characters the current question's typed answer takes
 * (SESSION_TEXT_MAX or SESSION_NUMBER_MAX in all); 0 off a question. */
int session_input_room(const Session *session);
/*
 * Two channels for the respondent, never mixed:
 * - session_error(): a storage failure (the answer was not saved), shown
 *   as the red alarm on the screen where a write failed until a write
 *   succeeds, and not carried to another question, the PIN screen or the
 *   welcome screen; NULL when none;
 * - session_prompt(): a calm hint about what to do with the field in use
 *   (the class or code field in focus on the code screen, the answer on a
 *   question): an empty class, a required code, a number out of its range
 *   (the range is said), a multi answer with nothing chosen, a full field.
 *   In the respondent's form of address ("ты" for students, "Вы" for
 *   adults). Cleared by the next key, click or choice; NULL when none.
 */
const char *session_error(const Session *session);
const char *session_prompt(const Session *session);

/* Results of the finished battery for the thank-you screen: survey position
 * p's scale results (NULL when that survey does not show results). */
const ScaleResult *session_results(const Session *session, int position);

/* True when the finished battery shows the respondent's own results (a
 * survey with show_result): the thank-you screen then stays until Enter
 * ("Done"), with no SESSION_THANKS_MS timeout. */
bool session_has_results(const Session *session);

/* How many digits of the PIN have been typed. */
int session_pin_length(const Session *session);

/* What the PIN screen asks for. */
typedef enum {
	PIN_STEP_ENTER, /* the psychologist's PIN */
	PIN_STEP_NEW,   /* the database has none: a new one, 4 to 8 digits */
	PIN_STEP_AGAIN, /* the new one once more */
} SessionPinStep;

SessionPinStep session_pin_step(const Session *session);

/* What Enter on the PIN screen did. */
typedef enum {
	SESSION_PIN_LOCKED = -2,   /* too many wrong PINs: not checked (session_pin_wait_s) */
	SESSION_PIN_REFUSED = -1,  /* a new PIN of fewer than 4 digits, or a storage error
	                            * (session_error) */
	SESSION_PIN_WRONG = 0,     /* the typed digits are cleared */
	SESSION_PIN_OPENED = 1,    /* it matched: the psychologist's menu is open */
	SESSION_PIN_CREATED = 2,   /* a new PIN, typed twice alike, is stored: the menu is open */
	SESSION_PIN_AGAIN = 3,     /* a new PIN was taken: now the same again */
	SESSION_PIN_DIFFERENT = 4, /* the second was not the first: a new PIN from the start */
} SessionPinResult;

/*
 * Enter on the PIN screen. With a PIN in the database, checks the typed
 * one (pinlock_check: the wrong-PIN count and wait are kept in the
 * database); after PINLOCK_TRIES wrong PINs in a row none is checked for a
 * while (session_pin_wait_s). Without one (the first start: the session
 * begins on the PIN screen, and no respondent can start before a PIN
 * exists), the typed PIN is asked a second time and stored when both agree.
 * The typed digits are cleared in every case.
 */
SessionPinResult session_pin_submit(Session *session, uint64_t now_ms);

/* Whole seconds until a PIN is checked again; 0 when it is checked now.
 * While it is not 0, session_tick() has a new frame every second (the
 * countdown) and digits typed are not taken. */
int session_pin_wait_s(const Session *session, uint64_t now_ms);

/* True when digits were typed during the current wait (and not taken), so
 * that the screen can say why. */
bool session_pin_typed_while_waiting(const Session *session);

/* The wall clock (seconds since 1970) the PIN's wait is kept in, so that it
 * outlives a restart: util_wall_seconds() unless a test sets its own. */
void session_set_wall_clock(Session *session, int64_t (*wall_clock)(void));

/* True when the database has a psychologist's PIN. */
bool session_pin_exists(const Session *session);

/* From the psychologist's menu to the results (indicators) screen. */
void session_show_results(Session *session);

/* From the psychologist's menu to the screen where indicator values are
 * entered (entered.h); cancel returns to the menu. */
void session_show_enter(Session *session);

/* Leaves the psychologist's menu for the welcome screen. */
void session_close_menu(Session *session);

/* Opens the PIN screen from any screen but the psychologist's own (F10 or
 * the corner button, mid-question too). Escape-like cancel returns to
 * where the respondent was (but while the database has no PIN, it only
 * goes back to the first step of making one). The right PIN ends a
 * respondent's battery as abandoned (session_reset) before the menu
 * opens. */
void session_open_pin(Session *session, uint64_t now_ms);
void session_cancel(Session *session, uint64_t now_ms);

#endif
