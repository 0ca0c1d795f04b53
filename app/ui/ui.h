/*
 * ui.h: what the screens share: the screen table, the colours, the widgets
 * and the UI context. Input comes in as actions (action.h, made by
 * app/platform/input.c).
 */
#ifndef ANKETA_UI_H
#define ANKETA_UI_H

#include <stdbool.h>
#include <stdio.h>
#include <stdint.h>

#include "action.h"
#include "analysis.h"
#include "gfx.h"
#include "indicator.h"
#include "kiosk.h"
#include "program.h"
#include "results.h"
#include "speech.h"
#include "layout.h"
#include "session.h"
#include "store.h"
#include "survey.h"

/* A clickable region recorded by a widget as it is drawn, and the action a
 * click on it stands for (see ui_handle). */
typedef struct {
	GfxRect rect;
	Action action;
} UiTarget;

#define UI_MAX_TARGETS 128

typedef struct Ui {
	Gfx *gfx;
	Session *session;
	Store *store;
	const SurveySet *surveys;
	int width, height;
	double scale;
	uint64_t now; /* milliseconds, monotonic */
	bool quit;
	bool corner;       /* the frame has the psychologist's corner button (ui_corner) */
	bool confirm_quit; /* "close the kiosk?" is asked over the menu (ui_ask_quit) */
	UiTarget targets[UI_MAX_TARGETS];
	int n_targets;
	char *message;            /* a notice shown on the current screen, or NULL */
	bool message_ok;          /* the notice is good news (green), not a problem */
	Speech *speech;           /* NULL: no voice on this machine */
	bool read_aloud;          /* read every question aloud as it appears */
	Program *const *programs; /* the programme files, for the results screen */
	int n_programs;
	/* The waves the menu offers: every programme's, in programme order
	 * (program_waves_union()); none without a programme file. */
	const ProgramWave *waves;
	int n_waves;
	struct {                    /* the results screen: computed when it opens */
		Analysis *analysis; /* NULL until computed (or when it failed) */
		/* The alerts raised, newest first: [0] the sitting's index in the
		 * analysis' results, [1] the alert's index in its survey. */
		int (*alerts)[2];
		int n_alerts;
		unsigned opened; /* how many times the screen has opened: names
		                  * its charts in the drawing cache */
		int page;        /* the page shown (screen_results.c counts them) */
	} report;
	struct {          /* the entry screen (screen_enter.c): what is being entered */
		int item; /* the entered indicators of all
		           * programmes, counted in order */
		int wave; /* index into its programme's waves */
		char class_name[SESSION_FIELD_MAX + 1]; /* "": the whole school */
		char value[32];                         /* as typed */
		char *current;                          /* the value stored now, or NULL */
		char **classes; /* the class list, read when the screen opens */
		bool *flagged;  /* per class: flagged in the list */
		int n_classes;
	} enter;
	int spoken;           /* what was read last (see ui_follow), -1 none */
	struct {              /* the psychologist's choices on the menu screen */
		int audience; /* index into the menu's audiences */
		int wave;     /* index into Ui.waves */
		int rank[64]; /* per survey of the set: 0 not chosen, else its place in the battery
		               */
		char class_name[SESSION_FIELD_MAX + 1]; /* "" : each respondent types it */
		StoreProgress today;                    /* this kiosk's sittings since midnight */
		bool has_today;                         /* today could be read */
		char *saved[3]; /* the report files saved last (screen_menu.c) */
		int n_saved;
		char *stick; /* a USB stick found when they were saved, or NULL */
	} menu;
} Ui;

/* A screen: one file each (screen_*.c), called through this table. */
struct screen {
	const char *name;
	void (*enter)(Ui *ui);
	void (*handle)(Ui *ui, const Action *action);
	void (*draw)(Ui *ui);
	/* Draws the screen most likely to come next, during a rehearsal (see
	 * ui_rehearse), on a copy of the Ui it may change (the results' page);
	 * NULL: nothing worth preparing. */
	void (*rehearse)(Ui *ui);
	/* Where the banner (a notice or a storage error) stands on this screen. */
	LayoutBanner banner;
};

extern const struct screen screen_welcome;
extern const struct screen screen_code;
extern const struct screen screen_instructions;
extern const struct screen screen_question;
extern const struct screen screen_thanks;
extern const struct screen screen_pin;
extern const struct screen screen_menu;
extern const struct screen screen_results;
extern const struct screen screen_enter;

/* Sets the menu's choices (audience, wave, battery, class for everybody)
 * from the session's battery: at start, the preset or the set-up restored. */
void screen_menu_load(Ui *ui);

/* Draws the instructions of the battery's survey at position (the
 * instructions screen draws the current one; rehearsals the next). */
void screen_instructions_draw_at(Ui *ui, int position);

/* Draws question index of the battery's survey at position as it looks
 * before it is answered: for rehearsals. */
void screen_question_draw_next(Ui *ui, int position, int index);

/* For ANKETA_TRACE: " page=3/12 kind=overview" (indicator, alerts), the
 * Results page shown and what it is. */
void screen_results_trace(const Ui *ui, FILE *out);

/* The screen for a session phase. */
const struct screen *ui_screen(SessionPhase phase);

/* Handles one action on the current screen (clicks resolve to targets). */
void ui_handle(Ui *ui, const Action *action);

/* Draws the current screen (records its targets), and over it, while the
 * session asks whether the respondent is still there, that question (whose
 * targets then are the only ones). */
void ui_draw(Ui *ui);

/* The name of what ui_draw() draws, for the trace: the screen's, or "idle"
 * or "quit" for the question over it. */
const char *ui_screen_name(const Ui *ui);

/* Where the parts of a question over the screen go (overlay.c) on a width x
 * height output at scale: a card in the middle, its title at the top, a
 * round middle (a countdown), a note, and one big button at the bottom (or
 * two side by side). */
typedef struct {
	GfxRect card, title, middle, note, button;
	GfxRect left, right; /* two buttons in place of the one */
} OverlayLayout;

OverlayLayout overlay_layout(int width, int height, double scale);

/* The question over a respondent's screen after the idle time (overlay.c):
 * "Ты ещё здесь?" / "Вы ещё здесь?", the seconds left, counted down, and a
 * big "Continue" button (any key or click does the same). */
void overlay_idle_draw(Ui *ui);

/*
 * Once a frame is shown, rehearses the screen most likely to come next (the
 * code screen after the welcome, the next question after a question...):
 * renders its text and pictures into the caches without drawing, so that
 * its first frame costs no more than a redraw. The work is done once: when
 * the same screen is rehearsed again (after the next frame), everything is
 * found in the caches, which keep it as recently used.
 */
void ui_rehearse(Ui *ui);

/*
 * The UI as the application of the kiosk's loop (platform/kiosk.h), with
 * the Ui as its ctx pointer: time and actions go to the session's screens,
 * frames are drawn by ui_draw(), and after the first frame the voice is
 * started (read_aloud stays on only if there is one).
 */
extern const KioskApp ui_app;

/* Frees what the Ui holds of its own: the voice, the notice, the results
 * screen's tables (the session, store and Gfx belong to the caller). */
void ui_release(Ui *ui);

/* "Close the kiosk?" over the menu (overlay.c): Escape or "Cancel" goes
 * back to the menu, Enter or "Close" closes the kiosk. */
void overlay_quit_draw(Ui *ui);

/* Asks the psychologist whether to close the kiosk: the menu's "Close"
 * closes it only once that is confirmed (overlay_quit_draw). */
void ui_ask_quit(Ui *ui);

/* Scales a length given for 1280x800 to the current output. */
int ui_px(const Ui *ui, int length);

/* The psychologist's corner button, top right (F10 does the same): on the
 * welcome screen and every respondent screen past it. */
GfxRect ui_corner(const Ui *ui);

/* A button of the footer on the current output (layout_footer). */
GfxRect ui_footer(const Ui *ui, LayoutSide side, int inset, int w);

/* After any change of state: reads newly shown instructions or a question
 * aloud when read_aloud is on, and stops the voice when they are left. */
void ui_follow(Ui *ui);

/* Reads the current screen's text aloud (question or instructions). */
void ui_speak(Ui *ui);

/* Frees what the results screen computed. */
void ui_report_clear(Ui *ui);

/* Forgets the report files the menu saved and the stick it found. */
void ui_saved_clear(Ui *ui);

/* Frees what the entry screen read (the class list, the value stored). */
void ui_enter_clear(Ui *ui);

/* Shows good news (green) on the current screen. */
void ui_set_notice(Ui *ui, const char *notice);

/* Sets (or clears, with NULL) the notice shown on the current screen. */
void ui_set_message(Ui *ui, const char *message);

/* The theme. */
extern const GfxColor UI_BG, UI_TEXT, UI_MUTED, UI_PRIMARY, UI_PRIMARY_DARK, UI_CARD, UI_BORDER,
    UI_CHOSEN, UI_WHITE, UI_ERROR, UI_BADGE;

/*
 * Widgets (widget.c): each draws from a rectangle and what it is given to
 * show, and reads nothing of the session. One that can be clicked records its own target in the
 * same call: the rectangle it drew and the action a click on it stands for
 * (microui's shape: rectangle, hit-test registration and drawing at once).
 */

/*
 * Draws text wrapped into rect at the largest size from size_max down to
 * size_min that fits (layout_fit), each line aligned (0 left, 1 centre) and
 * the block centred vertically when valign_center. Returns the size used.
 */
int widget_text_box(Ui *ui, const char *text, GfxRect rect, int size_max, int size_min, bool bold,
                    GfxColor color, int align, bool valign_center);

/*
 * Draws text wrapped into rect at one size, left-aligned, as many lines as
 * fit (at least one); when some are left over, the last line shown ends
 * with "…" (a table's cells keep one size this way, where a full text is
 * shown elsewhere). The block is centred vertically when valign_center.
 */
void widget_text_clipped(Ui *ui, const char *text, GfxRect rect, int size, bool bold,
                         GfxColor color, bool valign_center);

typedef enum {
	BUTTON_NORMAL,
	BUTTON_CHOSEN,
	BUTTON_PRIMARY,
	BUTTON_CHECK,   /* an answer of a multi question, not checked: a check box */
	BUTTON_CHECKED, /* ... checked: the box filled with a tick, a green border */
	BUTTON_OFF,     /* what cannot be chosen now: the background's colour, muted text */
} ButtonStyle;

/* An answer or command button: a key badge (0 = none; a check box for the
 * BUTTON_CHECK styles, with the key's digit in it), a label, optionally a
 * picture; a click on it stands for action. */
void widget_button(Ui *ui, GfxRect rect, int key, const char *label, const char *picture,
                   ButtonStyle style, Action action);
/* A choice in a list (the menu's questionnaires): a key badge (0 = none),
 * a title and under it a smaller line of detail; a click stands for
 * action. */
void widget_item(Ui *ui, GfxRect rect, int key, const char *title, const char *detail,
                 ButtonStyle style, Action action);
/* A small, quiet button: one glyph on a pale square (the psychologist's
 * corner); a click on it stands for action. */
void widget_icon(Ui *ui, GfxRect rect, const char *glyph, Action action);
/* The speaker button, whose click reads the screen aloud (ACTION_SPEAK):
 * drawn, and clickable, only when a voice is available. */
void widget_speaker(Ui *ui, GfxRect rect);
/* The top bar: a title on the left, a note on the right, a progress bar (0..1, <0 = none). */
void widget_header(Ui *ui, const char *title, const char *note, double progress);
/* A line of help at the bottom. */
void widget_hint(Ui *ui, const char *hint);
/* A text field with a caption above it (as wide as the field, smaller
 * when it must be); focused fields show a caret and a strong border. A
 * click on it stands for action (ACTION_NONE: not clickable). */
void widget_field(Ui *ui, GfxRect rect, const char *caption, const char *text, bool focused,
                  Action action);
/*
 * A box of typed text that wraps inside rect: a caption above it on the
 * left and a note (how much room is left) on the right, the text at a
 * fixed size in the box, its last lines when it is longer than the box,
 * and a caret after it. Not clickable.
 */
void widget_text_area(Ui *ui, GfxRect rect, const char *caption, const char *note,
                      const char *text);
/*
 * A calm prompt in rect, next to the field it is about: bold dark-blue
 * text on a pale card (never the red of a storage error), fitted into rect.
 */
void widget_prompt(Ui *ui, GfxRect rect, const char *text);
/*
 * The banner in rect: text in bold white on red, or on green when good;
 * with a cause (a storage error: text says what to do) the cause stands
 * under it in smaller letters, on red.
 */
void widget_banner(Ui *ui, GfxRect rect, const char *text, const char *cause, bool good);

#endif
