/*
 * ui.c: dispatch of actions and drawing to the screen of the session's phase.
 */
#include "ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "readaloud.h"

#include "util.h"

const GfxColor UI_BG = { 0xf3, 0xf6, 0xfb, 0xff };
const GfxColor UI_TEXT = { 0x1e, 0x2a, 0x3a, 0xff };
const GfxColor UI_MUTED = { 0x5b, 0x67, 0x7a, 0xff };
const GfxColor UI_PRIMARY = { 0x2f, 0x6f, 0xde, 0xff };
const GfxColor UI_PRIMARY_DARK = { 0x1f, 0x4f, 0xa8, 0xff };
const GfxColor UI_CARD = { 0xff, 0xff, 0xff, 0xff };
const GfxColor UI_BORDER = { 0xc5, 0xd0, 0xe3, 0xff };
const GfxColor UI_CHOSEN = { 0x1f, 0x9d, 0x63, 0xff };
const GfxColor UI_WHITE = { 0xff, 0xff, 0xff, 0xff };
const GfxColor UI_ERROR = { 0xc6, 0x28, 0x28, 0xff };
const GfxColor UI_BADGE = { 0xe4, 0xeb, 0xf7, 0xff };

const struct screen *
ui_screen(SessionPhase phase)
{
	static const struct screen *const table[PHASE_COUNT] = {
		[PHASE_WELCOME] = &screen_welcome,
		[PHASE_CODE] = &screen_code,
		[PHASE_INSTRUCTIONS] = &screen_instructions,
		[PHASE_QUESTION] = &screen_question,
		[PHASE_THANKS] = &screen_thanks,
		[PHASE_PIN] = &screen_pin,
		[PHASE_MENU] = &screen_menu,
		[PHASE_RESULTS] = &screen_results,
		[PHASE_ENTER] = &screen_enter,
	};
	return table[phase];
}

/* After the session changed: the new screen is entered, and what was read
 * aloud follows. */
static void
ui_changed(Ui *ui, SessionPhase before)
{
	const struct screen *screen = ui_screen(session_phase(ui->session));

	if (session_phase(ui->session) != before && screen->enter)
		screen->enter(ui);
	ui_follow(ui);
}

/* The action a click stands for: the target under it (the last drawn wins
 * where targets overlap), or ACTION_NONE. */
static Action
ui_click(const Ui *ui, const Action *click)
{
	for (int i = ui->n_targets - 1; i >= 0; i--) {
		if (layout_hit(&ui->targets[i].rect, 1, click->x, click->y) == 0)
			return ui->targets[i].action;
	}
	return (Action){ .type = ACTION_NONE };
}

void
ui_ask_quit(Ui *ui)
{
	ui->confirm_quit = true;
}

/* While "close the kiosk?" is asked: only its answer counts. */
static void
ui_confirm_quit(Ui *ui, const Action *a)
{
	if (a->type == ACTION_CANCEL)
		ui->confirm_quit = false;
	else if (a->type == ACTION_NEXT || a->type == ACTION_QUIT)
		ui->quit = true;
}

void
ui_handle(Ui *ui, const Action *action)
{
	SessionPhase before = session_phase(ui->session);
	Action a = *action;

	if (a.type == ACTION_QUIT) {
		ui->quit = true;
		return;
	}
	/* Any key or click answers "still here?" and does nothing else. */
	if (session_touch(ui->session, ui->now)) {
		ui_follow(ui);
		return;
	}
	if (a.type == ACTION_CLICK)
		a = ui_click(ui, &a);
	if (a.type == ACTION_NONE)
		return;
	if (ui->confirm_quit) {
		ui_confirm_quit(ui, &a);
		return;
	}
	if (a.type == ACTION_QUIT)
		ui->quit = true;
	else if (a.type == ACTION_SPEAK)
		ui_speak(ui);
	else if (a.type == ACTION_MENU) /* F10 or the corner, on every screen */
		session_open_pin(ui->session, ui->now);
	else
		ui_screen(before)->handle(ui, &a);
	ui_changed(ui, before);
}

/* The screens of a respondent past the welcome, which the psychologist's
 * corner button stands on too (the welcome screen draws its own). */
static bool
ui_has_corner(SessionPhase phase)
{
	return phase == PHASE_CODE || phase == PHASE_INSTRUCTIONS || phase == PHASE_QUESTION ||
	       phase == PHASE_THANKS;
}

GfxRect
ui_corner(const Ui *ui)
{
	return (GfxRect){ ui->width - ui_px(ui, 64), ui_px(ui, 12), ui_px(ui, 52), ui_px(ui, 52) };
}

void
ui_speak(Ui *ui)
{
	Session *s = ui->session;
	const Survey *survey = session_survey(s);
	char *text = NULL;

	if (ui->speech == NULL || survey == NULL)
		return;
	if (session_phase(s) == PHASE_QUESTION) {
		int q = session_question_index(s);
		/* Space is a character in a typed answer, not a request to listen. */
		if (survey->questions[q].type == QUESTION_TEXT)
			return;
		text = readaloud_question(&survey->questions[q], q + 1, survey->n_questions);
	} else if (session_phase(s) == PHASE_INSTRUCTIONS) {
		text = readaloud_instructions(survey);
	}
	if (text != NULL)
		speech_say(ui->speech, text);
	free(text);
}

void
ui_follow(Ui *ui)
{
	Session *s = ui->session;
	int at = -1;

	/* What is on screen to be read: a question, or a survey's instructions
	 * (999: no survey has that many questions). */
	if (session_phase(s) == PHASE_QUESTION)
		at = session_battery_position(s) * 1000 + session_question_index(s);
	else if (session_phase(s) == PHASE_INSTRUCTIONS)
		at = session_battery_position(s) * 1000 + 999;
	if (at == ui->spoken)
		return;
	ui->spoken = at;
	if (at < 0)
		speech_stop(ui->speech);
	else if (ui->read_aloud)
		ui_speak(ui);
}

/* The storage error, else the notice, if any, where the screen has room. */
static void
ui_draw_banner(Ui *ui, LayoutBanner place)
{
	const char *error = session_error(ui->session);
	bool child = strcmp(session_audience(ui->session), "student") == 0;

	SessionPhase phase = session_phase(ui->session);
	bool psychologist = phase == PHASE_PIN || phase == PHASE_MENU || phase == PHASE_RESULTS;

	/* A storage error: what to do, for whoever is at the kiosk, and the
	 * cause, for the adult who comes. On the psychologist's screens no
	 * answer is at stake: what could not be written is. */
	if (error != NULL)
		widget_banner(ui, layout_banner(ui->width, ui->height, ui->scale, place, true),
		              psychologist ? _("The database could not be written.")
		              : child      ? _("The answer was not saved. Please call the teacher.")
		                      : _("The answer was not saved. Please tell whoever runs the "
		                          "survey."),
		              error, false);
	else if (ui->message != NULL)
		widget_banner(ui, layout_banner(ui->width, ui->height, ui->scale, place, false),
		              ui->message, NULL, ui->message_ok);
}

void
ui_draw(Ui *ui)
{
	const struct screen *screen = ui_screen(session_phase(ui->session));

	ui->n_targets = 0;
	gfx_begin_frame(ui->gfx);
	gfx_size(ui->gfx, &ui->width, &ui->height);
	ui->scale = layout_scale(ui->width, ui->height);
	gfx_clear(ui->gfx, UI_BG);
	ui->corner = ui_has_corner(session_phase(ui->session));
	screen->draw(ui);
	ui_draw_banner(ui, screen->banner);
	/* The psychologist's corner: small and quiet, last, so that the
	 * screen's own targets keep their order. */
	if (ui->corner)
		widget_icon(ui, ui_corner(ui), "\u2699", (Action){ .type = ACTION_MENU });
	/* Over the screen, which cannot be clicked meanwhile. */
	if (session_asking(ui->session)) {
		ui->n_targets = 0;
		overlay_idle_draw(ui);
	} else if (ui->confirm_quit) {
		ui->n_targets = 0;
		overlay_quit_draw(ui);
	}
}

const char *
ui_screen_name(const Ui *ui)
{
	if (session_asking(ui->session))
		return "idle";
	if (ui->confirm_quit)
		return "quit";
	return ui_screen(session_phase(ui->session))->name;
}

void
ui_rehearse(Ui *ui)
{
	const struct screen *screen = ui_screen(session_phase(ui->session));
	Ui copy;

	if (screen->rehearse == NULL)
		return;
	/* The rehearsal's targets must not replace the screen's own. */
	copy = *ui;
	copy.n_targets = 0;
	gfx_begin_rehearsal(ui->gfx);
	screen->rehearse(&copy);
}

int
ui_px(const Ui *ui, int length)
{
	return layout_px(ui->scale, length);
}

GfxRect
ui_footer(const Ui *ui, LayoutSide side, int inset, int w)
{
	return layout_footer(ui->width, ui->height, ui->scale, side, inset, w);
}

void
ui_set_message(Ui *ui, const char *message)
{
	free(ui->message);
	ui->message = message ? xstrdup(message) : NULL;
	ui->message_ok = false;
}

void
ui_set_notice(Ui *ui, const char *notice)
{
	ui_set_message(ui, notice);
	ui->message_ok = true;
}

/* The session's timers (a confirmation, the thank-you screen, "still
 * here?", the PIN's wait) and what they show or read aloud. Back on the
 * welcome screen by a timer, nothing of the screen left is kept. */
static bool
ui_app_tick(void *ctx, uint64_t now)
{
	Ui *ui = ctx;
	SessionPhase before = session_phase(ui->session);

	ui->now = now;
	if (!session_tick(ui->session, now))
		return false;
	if (before != PHASE_WELCOME && session_phase(ui->session) == PHASE_WELCOME) {
		ui_set_message(ui, NULL);
		ui_report_clear(ui);
		ui->confirm_quit = false;
	}
	ui_changed(ui, before);
	return true;
}

static int64_t
ui_app_deadline(void *ctx, uint64_t now)
{
	const Ui *ui = ctx;

	return session_next_deadline(ui->session, now);
}

static bool
ui_app_handle(void *ctx, const Action *action, uint64_t now)
{
	Ui *ui = ctx;

	ui->now = now;
	ui_handle(ui, action);
	return !ui->quit;
}

static const char *
ui_app_draw(void *ctx)
{
	Ui *ui = ctx;

	ui_draw(ui);
	return ui_screen_name(ui);
}

static void
ui_app_rehearse(void *ctx)
{
	ui_rehearse(ctx);
}

/* The voice waits for the first frame: it loads espeak-ng's data, which a
 * kiosk with no sound card never needs. */
static bool
ui_app_first_frame(void *ctx)
{
	Ui *ui = ctx;

	ui->speech = speech_create("ru");
	ui->read_aloud = ui->read_aloud && ui->speech != NULL;
	return ui->speech != NULL; /* the speaker buttons can appear now */
}

/* What a test script needs to know of the frame: the error banner, a
 * prompt, the question shown, and the centre and size of every click target. */
static void
ui_app_trace(void *ctx, FILE *out)
{
	const Ui *ui = ctx;
	Session *s = ui->session;

	if (session_error(s) != NULL)
		fprintf(out, " error=1");
	if (session_prompt(s) != NULL)
		fprintf(out, " prompt=1");
	if (session_asking(s))
		fprintf(out, " ask=%d", session_ask_seconds(s, ui->now));
	if (session_phase(s) == PHASE_PIN) {
		static const char *const steps[] = { "enter", "new", "again" };
		fprintf(out, " pin=%s", steps[session_pin_step(s)]);
		if (session_pin_wait_s(s, ui->now) > 0)
			fprintf(out, " wait=%d", session_pin_wait_s(s, ui->now));
	}
	if (session_phase(s) == PHASE_QUESTION)
		fprintf(out, " survey=%s question=%d", session_survey(s)->id,
		        session_question_index(s) + 1);
	if (session_phase(s) == PHASE_RESULTS)
		screen_results_trace(ui, out);
	for (int i = 0; i < ui->n_targets; i++) {
		GfxRect r = ui->targets[i].rect;
		fprintf(out, " target=%d,%d,%d,%d", r.x + r.w / 2, r.y + r.h / 2, r.w, r.h);
	}
}

const KioskApp ui_app = {
	.tick = ui_app_tick,
	.deadline = ui_app_deadline,
	.handle = ui_app_handle,
	.draw = ui_app_draw,
	.rehearse = ui_app_rehearse,
	.first_frame = ui_app_first_frame,
	.trace = ui_app_trace,
};

void
ui_release(Ui *ui)
{
	speech_free(ui->speech);
	ui->speech = NULL;
	ui_set_message(ui, NULL);
	ui_report_clear(ui);
	ui_enter_clear(ui);
	ui_saved_clear(ui);
}

void
ui_saved_clear(Ui *ui)
{
	for (int i = 0; i < ui->menu.n_saved; i++)
		free(ui->menu.saved[i]);
	ui->menu.n_saved = 0;
	free(ui->menu.stick);
	ui->menu.stick = NULL;
}

void
ui_enter_clear(Ui *ui)
{
	free(ui->enter.current);
	ui->enter.current = NULL;
	for (int i = 0; i < ui->enter.n_classes; i++)
		free(ui->enter.classes[i]);
	free(ui->enter.classes);
	free(ui->enter.flagged);
	ui->enter.classes = NULL;
	ui->enter.flagged = NULL;
	ui->enter.n_classes = 0;
}

void
ui_report_clear(Ui *ui)
{
	analysis_free(ui->report.analysis);
	ui->report.analysis = NULL;
	free(ui->report.alerts);
	ui->report.alerts = NULL;
	ui->report.n_alerts = 0;
}
