/*
 * test_ui_kiosk.c: the kiosk's flow as it is seen and pressed, rendered by
 * SDL's software renderer into a memory surface (no display needed): the
 * keys the kiosk takes, the PIN screens, the question asked of a
 * respondent who went quiet, the psychologist's screens locking. The
 * respondent's own screens are in test_ui_screens.c.
 */
#include <SDL.h>
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input.h"
#include "testio.h"
#include "testutil.h"
#include "ui.h"
#include "util.h"

static SDL_Surface *surface;
static SDL_Renderer *renderer;
static Store *store;
static SurveySet set;
static Session *session;
static Ui ui;
static char *dir;

/* A canvas of w x h with a session over the shipped school_day survey. */
static void
open_canvas(int w, int h)
{
	char *assets = testutil_source_path("assets");
	char *path = testutil_source_path("surveys/school_day.yaml");
	char *db, *cause = NULL;
	Diag diag = { 0 };

	surface = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
	renderer = SDL_CreateSoftwareRenderer(surface);
	ck_assert_ptr_nonnull(renderer);
	memset(&set, 0, sizeof set);
	survey_set_add(&set, survey_load(path, &diag));
	ck_assert_int_eq(diag.n, 0);
	dir = testutil_tmpdir();
	db = xasprintf("%s/a.db", dir);
	store = store_open(db, &cause);
	ck_assert_ptr_nonnull(store);
	testio_pin_2468(db);
	session = session_create(store, &set);
	memset(&ui, 0, sizeof ui);
	ui.gfx = gfx_create(renderer, assets, &cause);
	ck_assert_ptr_nonnull(ui.gfx);
	ui.session = session;
	ui.store = store;
	ui.surveys = &set;
	free(db);
	free(path);
	free(assets);
}

static void
setup(void)
{
	open_canvas(1280, 800);
}

static void
teardown(void)
{
	ui_release(&ui);
	gfx_free(ui.gfx);
	SDL_DestroyRenderer(renderer);
	SDL_FreeSurface(surface);
	session_free(session);
	store_close(store);
	survey_set_free(&set);
	free(dir);
}

/* A key pressed with modifiers, as SDL delivers it. */
static bool
key(SDL_Keycode sym, Uint16 mod, Action *a)
{
	SDL_Event ev = { .type = SDL_KEYDOWN };

	ev.key.keysym.sym = sym;
	ev.key.keysym.mod = mod;
	return input_translate(&ev, a);
}

START_TEST(keys_held_with_ctrl_alt_or_super_are_the_window_managers)
{
	Action a;

	ck_assert(key(SDLK_RIGHT, KMOD_NONE, &a));
	ck_assert_int_eq(a.type, ACTION_NEXT);
	ck_assert(key(SDLK_RIGHT, KMOD_NUM, &a)); /* Num Lock is no modifier of ours */
	ck_assert_int_eq(a.type, ACTION_NEXT);
	ck_assert(!key(SDLK_RIGHT, KMOD_LCTRL | KMOD_LALT, &a)); /* switch desktop */
	ck_assert(!key(SDLK_SPACE, KMOD_LALT, &a));              /* the window menu */
	ck_assert(!key(SDLK_TAB, KMOD_LALT, &a));
	ck_assert(!key(SDLK_F4, KMOD_RALT, &a));
	ck_assert(!key(SDLK_1, KMOD_LGUI, &a));
	ck_assert(key(SDLK_1, KMOD_LSHIFT, &a)); /* Shift is typing */
	ck_assert_int_eq(a.type, ACTION_CHOOSE);
	ck_assert_int_eq(a.index, 0);
}
END_TEST

/* How many of the frame's targets stand for this action type. */
static int
targets_of(ActionType type)
{
	int n = 0;

	for (int i = 0; i < ui.n_targets; i++)
		n += ui.targets[i].action.type == type;
	return n;
}

/* Presses through the same path as the kiosk: action -> screen. */
static void
act(ActionType type, const char *text)
{
	Action a = { .type = type };

	if (text != NULL)
		snprintf(a.text, sizeof a.text, "%s", text);
	ui_handle(&ui, &a);
}

START_TEST(the_first_pin_screen_cannot_be_left_and_asks_twice)
{
	Session *first;
	Store *own;
	char *own_dir = testutil_tmpdir(), *db = xasprintf("%s/first.db", own_dir), *cause = NULL;

	own = store_open(db, &cause);
	first = session_create(own, &set);
	ui.session = first;
	ui.store = own;
	ck_assert_int_eq(session_phase(first), PHASE_PIN);
	ui_draw(&ui);
	/* Ten digits and "Next"; no "Cancel": there is nowhere to go back to. */
	ck_assert_int_eq(targets_of(ACTION_TEXT), 10);
	ck_assert_int_eq(targets_of(ACTION_CANCEL), 0);
	ck_assert_int_eq(targets_of(ACTION_NEXT), 1);
	act(ACTION_TEXT, "2468");
	act(ACTION_NEXT, NULL);
	ck_assert_int_eq(session_pin_step(first), PIN_STEP_AGAIN);
	ui_draw(&ui);
	ck_assert_int_eq(targets_of(ACTION_CANCEL), 1); /* "Back": to the first time */
	act(ACTION_TEXT, "2467");
	act(ACTION_NEXT, NULL);
	ck_assert_str_eq(ui.message, "PIN не совпали. Придумайте PIN заново.");
	ck_assert_int_eq(session_pin_step(first), PIN_STEP_NEW);
	ui.session = session;
	ui.store = store;
	session_free(first);
	store_close(own);
	free(db);
	free(own_dir);
}
END_TEST

static Uint32
pixel(int x, int y)
{
	SDL_RenderFlush(renderer);
	return ((Uint32 *)surface->pixels)[y * (surface->pitch / 4) + x] & 0xffffff;
}

/* True when some pixel of r has colour c. */
static bool
has_colour(GfxRect r, GfxColor c)
{
	Uint32 want = (Uint32)c.r << 16 | (Uint32)c.g << 8 | c.b;

	for (int y = r.y; y < r.y + r.h; y++) {
		for (int x = r.x; x < r.x + r.w; x++) {
			if (pixel(x, y) == want)
				return true;
		}
	}
	return false;
}

/* 2027-01-15T08:00:00Z, the wall clock of the tests. */
static int64_t
wall_clock(void)
{
	return 1800000000;
}

START_TEST(the_pin_pad_erases_and_the_wait_shows_in_place_of_the_digits)
{
	char *cause = NULL;
	GfxRect digits = { 0, 120, 1280, 60 };

	session_set_wall_clock(session, wall_clock);
	session_open_pin(session, 0);
	act(ACTION_TEXT, "24");
	ui_draw(&ui);
	/* Ten digits, erase, "Cancel" and "Enter"; the dots show, in blue. */
	ck_assert_int_eq(targets_of(ACTION_TEXT), 10);
	ck_assert_int_eq(targets_of(ACTION_BACK), 1);
	ck_assert_int_eq(ui.n_targets, 13);
	ck_assert(has_colour(digits, UI_PRIMARY));
	ck_assert(!has_colour(digits, UI_ERROR));
	for (int i = 0; i < ui.n_targets; i++) {
		if (ui.targets[i].action.type == ACTION_BACK) {
			GfxRect r = ui.targets[i].rect;
			Action click = { .type = ACTION_CLICK,
				         .x = r.x + r.w / 2,
				         .y = r.y + r.h / 2 };
			ui_handle(&ui, &click);
		}
	}
	ck_assert_int_eq(session_pin_length(session), 1);
	/* A wait kept in the database (a restart after five wrong PINs): the
	 * countdown stands in red where the digits were. */
	session_cancel(session, 0);
	ck_assert_int_eq(store_pin_lock_set(store, 5, "2027-01-15T08:00:30Z", &cause), 0);
	session_open_pin(session, 0);
	ck_assert_int_eq(session_pin_wait_s(session, 0), 30);
	act(ACTION_TEXT, "2");
	ck_assert_int_eq(session_pin_length(session), 0);
	ui_draw(&ui);
	ck_assert(has_colour(digits, UI_ERROR));
	ck_assert(!has_colour(digits, UI_PRIMARY));
}
END_TEST

START_TEST(the_question_over_a_quiet_screen_takes_every_click)
{
	OverlayLayout o = overlay_layout(1280, 800, 1.0);
	const char *ids[] = { "school_day" };
	char *cause = NULL;
	Action click = { .type = ACTION_CLICK, .x = 340, .y = 511 }; /* an answer card */

	/* 1280x800: a card of 820x560 in the middle; the countdown's circle of
	 * 128 (at most: gfx rounds corners up to 64) at 640, 322; the button of
	 * 420x116 40 above the card's bottom. */
	ck_assert_int_eq(o.card.x, 230);
	ck_assert_int_eq(o.card.y, 120);
	ck_assert_int_eq(o.card.w, 820);
	ck_assert_int_eq(o.card.h, 560);
	ck_assert_int_eq(o.middle.x, 576);
	ck_assert_int_eq(o.middle.y, 258);
	ck_assert_int_eq(o.middle.w, 128);
	ck_assert_int_eq(o.button.x, 430);
	ck_assert_int_eq(o.button.y, 524);
	ck_assert_int_eq(o.button.w, 420);
	ck_assert_int_eq(o.button.h, 116);
	/* 800x600: scale 0.625, the card 513x350. */
	o = overlay_layout(800, 600, 0.625);
	ck_assert_int_eq(o.card.w, 513);
	ck_assert_int_eq(o.card.h, 350);
	ck_assert_int_eq(o.card.x, 143);

	ck_assert_int_eq(session_configure(session, "start", "6А", "student", ids, 1, &cause), 0);
	session_set_idle(session, 1000);
	act(ACTION_NEXT, NULL); /* code */
	act(ACTION_NEXT, NULL); /* instructions */
	act(ACTION_NEXT, NULL); /* question 1 */
	ck_assert(session_tick(session, 1000));
	ck_assert(session_asking(session));
	ui.now = 1000;
	ui_draw(&ui);
	ck_assert_str_eq(ui_screen_name(&ui), "idle");
	ck_assert_int_eq(ui.n_targets, 1); /* "Continue" only */
	ck_assert_int_eq(ui.targets[0].rect.x, 430);
	/* The countdown's circle is blue, the screen under it dimmed. */
	ck_assert(has_colour((GfxRect){ 630, 262, 20, 10 }, UI_PRIMARY));
	ck_assert(!has_colour((GfxRect){ 0, 0, 1280, 100 }, UI_BG));
	/* A click where an answer is chooses nothing: it only dismisses. */
	ui_handle(&ui, &click);
	ck_assert(!session_asking(session));
	ck_assert_ptr_null(session_answer(session, 0));
	ui_draw(&ui);
	ck_assert_str_eq(ui_screen_name(&ui), "question");
	ui_handle(&ui, &click);
	ck_assert_str_eq(session_answer(session, 0), "1");
}
END_TEST

START_TEST(closing_the_kiosk_is_confirmed_first)
{
	OverlayLayout o = overlay_layout(1280, 800, 1.0);
	Action quit = { .type = ACTION_CHOOSE, .index = 11 }; /* the menu's "Close" */

	/* Two buttons of 320 x 116, 40 apart around the middle. */
	ck_assert_int_eq(o.left.x, 300);
	ck_assert_int_eq(o.right.x, 660);
	ck_assert_int_eq(o.left.w, 320);
	ck_assert_int_eq(o.right.y, 524);
	session_open_pin(session, 0);
	act(ACTION_TEXT, "2468");
	act(ACTION_NEXT, NULL);
	ck_assert_int_eq(session_phase(session), PHASE_MENU);
	ui_draw(&ui);
	ui_handle(&ui, &quit);
	ck_assert(!ui.quit);
	ck_assert(ui.confirm_quit);
	ui_draw(&ui);
	ck_assert_str_eq(ui_screen_name(&ui), "quit");
	ck_assert_int_eq(ui.n_targets, 2);
	ck_assert_int_eq(ui.targets[0].action.type, ACTION_CANCEL);
	ck_assert_int_eq(ui.targets[1].action.type, ACTION_QUIT);
	act(ACTION_TEXT, "5"); /* nothing but the answer counts */
	act(ACTION_CANCEL, NULL);
	ck_assert(!ui.confirm_quit);
	ck_assert(!ui.quit);
	ck_assert_int_eq(session_phase(session), PHASE_MENU);
	ui_draw(&ui);
	ui_handle(&ui, &quit);
	ui_draw(&ui);
	act(ACTION_NEXT, NULL); /* Enter: close */
	ck_assert(ui.quit);
}
END_TEST

START_TEST(the_corner_button_stands_on_every_respondent_screen)
{
	const char *ids[] = { "school_day" };
	char *cause = NULL;
	GfxRect corner;

	ck_assert_int_eq(session_configure(session, "start", "6А", "student", ids, 1, &cause), 0);
	for (int step = 0; step < 3; step++) { /* code, instructions, question 1 */
		Action click;
		act(ACTION_NEXT, NULL);
		ui_draw(&ui);
		/* The last target, 52 x 52, 12 from the top right. */
		corner = ui.targets[ui.n_targets - 1].rect;
		ck_assert_int_eq(ui.targets[ui.n_targets - 1].action.type, ACTION_MENU);
		ck_assert_int_eq(corner.x, 1280 - 64);
		ck_assert_int_eq(corner.y, 12);
		ck_assert_int_eq(corner.w, 52);
		click = (Action){ .type = ACTION_CLICK, .x = corner.x + 26, .y = corner.y + 26 };
		ui_handle(&ui, &click);
		ck_assert_int_eq(session_phase(session), PHASE_PIN);
		act(ACTION_CANCEL, NULL);
	}
	ck_assert_int_eq(session_phase(session), PHASE_QUESTION);
	/* The header's note ("Вопрос 1 из 5") ends left of the corner: nothing
	 * of the header's blue ink right of 1280 - 64 - 16 but the corner's. */
	ck_assert(has_colour((GfxRect){ 1100, 24, 100, 30 }, UI_PRIMARY_DARK));
	ck_assert(!has_colour((GfxRect){ 1201, 12, 15, 52 }, UI_PRIMARY_DARK));
	/* F10 works here too. */
	act(ACTION_MENU, NULL);
	ck_assert_int_eq(session_phase(session), PHASE_PIN);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("ui_kiosk");
	TCase *tc = tcase_create("kiosk");

	setenv("SDL_VIDEODRIVER", "dummy", 0);
	util_i18n_init(NULL);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, keys_held_with_ctrl_alt_or_super_are_the_window_managers);
	tcase_add_test(tc, the_first_pin_screen_cannot_be_left_and_asks_twice);
	tcase_add_test(tc, the_pin_pad_erases_and_the_wait_shows_in_place_of_the_digits);
	tcase_add_test(tc, the_question_over_a_quiet_screen_takes_every_click);
	tcase_add_test(tc, closing_the_kiosk_is_confirmed_first);
	tcase_add_test(tc, the_corner_button_stands_on_every_respondent_screen);
	suite_add_tcase(s, tc);
	return testutil_run(s);
}
