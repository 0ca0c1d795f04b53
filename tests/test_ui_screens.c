/*
 * test_ui_screens.c: real frames of the kiosk's screens rendered by SDL's
 * software renderer into a memory surface (no display needed): what can be
 * clicked where, and the colours a child sees for a chosen answer and the
 * progress.
 */
#include <SDL.h>
#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testio.h"
#include "figure.h"
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

/* The waves the menu offers, as a programme would give them. */
static char wave_start[] = "start", wave_start_title[] = "Исходные данные";
static char wave_final[] = "final", wave_final_title[] = "Итоговый этап";
static const ProgramWave waves[] = { { wave_start, wave_start_title },
	                             { wave_final, wave_final_title } };

/* Opens a canvas of w x h with a session over the shipped school_day survey. */
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
	ui.waves = waves;
	ui.n_waves = 2;
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
	ui_set_message(&ui, NULL);
	gfx_free(ui.gfx);
	SDL_DestroyRenderer(renderer);
	SDL_FreeSurface(surface);
	session_free(session);
	store_close(store);
	survey_set_free(&set);
	free(dir);
}

static void
configure(const char *class_name)
{
	const char *ids[] = { "school_day" };
	char *cause = NULL;

	ck_assert_int_eq(session_configure(session, "start", class_name, "student", ids, 1, &cause),
	                 0);
}

/* Presses keys through the same path as the kiosk: action -> screen. */
static void
act(ActionType type, int index)
{
	Action a = { .type = type, .index = index };
	ui_handle(&ui, &a);
}

static Uint32
pixel(int x, int y)
{
	SDL_RenderFlush(renderer);
	return ((Uint32 *)surface->pixels)[y * (surface->pitch / 4) + x] & 0xffffff;
}

static Uint32
rgb(GfxColor c)
{
	return (Uint32)c.r << 16 | (Uint32)c.g << 8 | c.b;
}

/* Welcome -> code -> instructions -> question 1 with class preset "6А". */
static void
to_first_question(void)
{
	configure("6А");
	act(ACTION_NEXT, 0);
	act(ACTION_NEXT, 0);
	act(ACTION_NEXT, 0);
	ck_assert_int_eq(session_phase(session), PHASE_QUESTION);
}

START_TEST(unconfigured_welcome_offers_only_the_psychologists_menu)
{
	ui_draw(&ui);
	ck_assert_int_eq(ui.n_targets, 2); /* the corner and "Set up (F10)" */
	ck_assert_int_eq(ui.targets[0].action.type, ACTION_MENU);
	ck_assert_int_eq(ui.targets[1].action.type, ACTION_MENU);
	configure(NULL);
	ui_draw(&ui);
	ck_assert_int_eq(ui.n_targets, 2);
	ck_assert_int_eq(ui.targets[1].action.type, ACTION_NEXT);
}
END_TEST

START_TEST(code_screen_has_class_and_code_fields_unless_the_class_is_preset)
{
	configure(NULL);
	act(ACTION_NEXT, 0);
	ui_draw(&ui);
	/* The two fields, 45 keys of the on-screen keyboard (Ё among them),
	 * "Next", the psychologist's corner. */
	ck_assert_int_eq(ui.n_targets, 49);
	ck_assert_int_eq(ui.targets[0].action.type, ACTION_FOCUS);
	ck_assert_int_eq(ui.targets[0].action.index, FIELD_CLASS);
	ck_assert_int_eq(ui.targets[1].action.index, FIELD_CODE);
	ck_assert_int_eq(ui.targets[2].action.type, ACTION_TEXT);
	ck_assert_str_eq(ui.targets[2].action.text, "1");
	ck_assert_str_eq(ui.targets[19].action.text, "Ё");
	ck_assert_int_eq(ui.targets[46].action.type, ACTION_BACK);
	ck_assert_int_eq(ui.targets[47].action.type, ACTION_NEXT);
}
END_TEST

/* Clicks the centre of the target whose action types `text`. */
static void
click_key(const char *text)
{
	for (int i = 0; i < ui.n_targets; i++) {
		GfxRect r = ui.targets[i].rect;
		if (ui.targets[i].action.type == ACTION_TEXT &&
		    strcmp(ui.targets[i].action.text, text) == 0) {
			Action click = { .type = ACTION_CLICK,
				         .x = r.x + r.w / 2,
				         .y = r.y + r.h / 2 };
			ui_handle(&ui, &click);
			return;
		}
	}
	ck_abort_msg("no key %s", text);
}

START_TEST(the_on_screen_keyboard_types_into_the_field_in_focus)
{
	Action erase = { .type = ACTION_CLICK };

	configure(NULL);
	act(ACTION_NEXT, 0);
	ui_draw(&ui);
	click_key("6");
	click_key("Б");
	click_key("7");
	ck_assert_str_eq(session_field_text(session, FIELD_CLASS), "6Б7");
	erase.x = ui.targets[46].rect.x + 5;
	erase.y = ui.targets[46].rect.y + 5;
	ui_handle(&ui, &erase);
	ck_assert_str_eq(session_field_text(session, FIELD_CLASS), "6Б");
	act(ACTION_NEXT, 0); /* on to the code */
	ui_draw(&ui);
	click_key("К");
	click_key("-");
	click_key("2");
	ck_assert_str_eq(session_field_text(session, FIELD_CODE), "К-2");
}
END_TEST

START_TEST(picture_options_stand_where_the_layout_puts_them)
{
	to_first_question();
	ui_draw(&ui);
	/* 1280x800: question text 64,104 1152x216; options area 48,336
	 * 1184x350; three picture cards 280x350 (4:5), the row 3*280 + 2*20 =
	 * 880 wide starts at 48 + (1184 - 880) / 2 = 200. Then "Back" and the
	 * psychologist's corner. */
	ck_assert_int_eq(ui.n_targets, 5);
	ck_assert_int_eq(ui.targets[0].rect.x, 200);
	ck_assert_int_eq(ui.targets[0].rect.y, 336);
	ck_assert_int_eq(ui.targets[0].rect.w, 280);
	ck_assert_int_eq(ui.targets[0].rect.h, 350);
	ck_assert_int_eq(ui.targets[2].rect.x, 800);
	ck_assert_int_eq(ui.targets[2].action.type, ACTION_CHOOSE);
	ck_assert_int_eq(ui.targets[2].action.index, 2);
	ck_assert_int_eq(ui.targets[3].action.type, ACTION_BACK);
}
END_TEST

START_TEST(a_chosen_answer_turns_green)
{
	GfxRect r;

	to_first_question();
	ui_draw(&ui);
	r = ui.targets[1].rect;
	/* A point of the card's own fill: near the bottom, off the label. */
	ck_assert_uint_eq(pixel(r.x + 12, r.y + r.h - 12), rgb(UI_CARD));
	act(ACTION_CHOOSE, 1);
	ui_draw(&ui);
	ck_assert_uint_eq(pixel(r.x + 12, r.y + r.h - 12), rgb(UI_CHOSEN));
	ck_assert_uint_eq(pixel(ui.targets[0].rect.x + 12, r.y + r.h - 12), rgb(UI_CARD));
}
END_TEST

START_TEST(a_click_on_a_card_chooses_that_answer)
{
	GfxRect r;
	Action click = { .type = ACTION_CLICK };

	to_first_question();
	ui_draw(&ui);
	r = ui.targets[2].rect;
	click.x = r.x + r.w / 2;
	click.y = r.y + r.h / 2;
	ui_handle(&ui, &click);
	ck_assert_str_eq(session_answer(session, 0), "3");
}
END_TEST

START_TEST(the_progress_bar_fills_with_the_questions_passed)
{
	to_first_question();
	ui.now = 0;
	act(ACTION_CHOOSE, 0);
	session_tick(session, SESSION_CONFIRM_MS);
	act(ACTION_CHOOSE, 0);
	session_tick(session, 2 * SESSION_CONFIRM_MS);
	ck_assert_int_eq(session_question_index(session), 2);
	ui_draw(&ui);
	/* Question 3 of 5: 2/5 of the bar (32..1248, 1216 px) = 486 px filled. */
	ck_assert_uint_eq(pixel(32 + 480, 72 + 7), rgb(UI_PRIMARY));
	ck_assert_uint_eq(pixel(32 + 495, 72 + 7), rgb(UI_BADGE));
}
END_TEST

/* A checksum of the canvas, to see whether anything was drawn. */
static Uint32
canvas_sum(void)
{
	Uint32 sum = 0;

	SDL_RenderFlush(renderer);
	for (int y = 0; y < surface->h; y++) {
		const Uint32 *row =
		    (const Uint32 *)((const Uint8 *)surface->pixels + y * surface->pitch);
		for (int x = 0; x < surface->w; x++)
			sum = sum * 31 + row[x];
	}
	return sum;
}

/* Lines of text the font engine rendered or measured so far. */
static unsigned long
text_work(void)
{
	unsigned long rendered, measured;

	gfx_text_work(ui.gfx, &rendered, &measured);
	return rendered + measured;
}

START_TEST(a_rehearsal_draws_nothing_and_keeps_the_targets)
{
	Uint32 sum;
	unsigned long work;

	configure(NULL);
	ui_draw(&ui);
	sum = canvas_sum();
	ck_assert_int_eq(ui.n_targets, 2);
	work = text_work();
	ui_rehearse(&ui); /* the code screen with its 44 keys */
	ck_assert_uint_eq(canvas_sum(), sum);
	ck_assert_int_eq(ui.n_targets, 2);
	ck_assert_int_eq(ui.targets[1].action.type, ACTION_NEXT);
	ck_assert_uint_gt(text_work(), work);
	/* Once: rehearsed again, the screen's text is all in the caches. */
	work = text_work();
	ui_rehearse(&ui);
	ck_assert_uint_eq(text_work(), work);
}
END_TEST

START_TEST(rehearsed_screens_render_no_text_when_they_come)
{
	unsigned long work;

	configure("6А");
	ui.now = 0;
	/* Welcome -> code -> instructions -> question 1 -> question 2: each
	 * screen rehearses the next, whose first frame then finds all its text. */
	for (int step = 0; step < 3; step++) {
		ui_draw(&ui);
		ui_rehearse(&ui);
		work = text_work();
		act(ACTION_NEXT, 0);
		ui_draw(&ui);
		ck_assert_uint_eq(text_work(), work);
	}
	ck_assert_int_eq(session_phase(session), PHASE_QUESTION);
	ui_rehearse(&ui);
	act(ACTION_CHOOSE, 0);
	ui_draw(&ui); /* the confirmation: the chosen label in white is new */
	work = text_work();
	session_tick(session, SESSION_CONFIRM_MS);
	ck_assert_int_eq(session_question_index(session), 1);
	ui_draw(&ui);
	ck_assert_uint_eq(text_work(), work);
}
END_TEST

START_TEST(every_screen_fits_every_size)
{
	static const int sizes[][2] = {
		{ 800, 600 }, { 1024, 768 }, { 1366, 768 }, { 1920, 1080 }
	};

	for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		teardown();
		open_canvas(sizes[i][0], sizes[i][1]);
		configure(NULL);
		for (int step = 0; step < 9; step++) {
			ui_draw(&ui);
			for (int t = 0; t < ui.n_targets; t++) {
				GfxRect r = ui.targets[t].rect;
				ck_assert_msg(r.x >= 0 && r.y >= 0 && r.x + r.w <= sizes[i][0] &&
				                  r.y + r.h <= sizes[i][1] && r.w > 0 && r.h > 0,
				              "%dx%d step %d target %d off screen", sizes[i][0],
				              sizes[i][1], step, t);
			}
			if (session_phase(session) == PHASE_CODE)
				act(ACTION_TEXT, 0), session_type(session, "5Б", 0);
			if (session_phase(session) == PHASE_QUESTION) {
				act(ACTION_CHOOSE, 0);
				session_tick(session, (uint64_t)-1 / 2);
			} else {
				act(ACTION_NEXT, 0);
			}
		}
	}
}
END_TEST

/* Stores one completed school_day sitting of class klass answered with
 * option `option` (1 = best) on every question. */
static void
store_day_in(const char *klass, const char *wave, const char *code, int option)
{
	const Survey *day = set.items[0];
	StoreSitting st = { .wave = wave,
		            .class_name = klass,
		            .audience = "student",
		            .respondent = code,
		            .survey_id = day->id,
		            .survey_version = day->version,
		            .survey_hash = day->hash };
	char id[37], value[16], *cause = NULL;

	ck_assert_int_eq(store_sitting_begin(store, &st, id, &cause), 0);
	for (int q = 0; q < day->n_questions; q++) {
		int o =
		    option <= day->questions[q].n_options ? option : day->questions[q].n_options;
		snprintf(value, sizeof value, "%d", o);
		ck_assert_int_eq(store_answer_put(store, id, day->questions[q].id, value, true,
		                                  day->questions[q].options[o - 1].score, NULL,
		                                  &cause),
		                 0);
	}
	ck_assert_int_eq(store_sitting_finish(store, id, SITTING_COMPLETED, &cause), 0);
}

static void
store_day(const char *wave, const char *code, int option)
{
	store_day_in("6А", wave, code, option);
}

/* The psychologist's way to the Results screen: a PIN, the menu, Results. */
static void
open_results(void)
{
	char *cause = NULL;

	ck_assert_int_eq(store_pin_set(store, "2468", &cause), 0);
	session_open_pin(session, 0);
	session_type(session, "2468", 0);
	ck_assert_int_eq(session_pin_submit(session, 0), 1);
	session_show_results(session);
	screen_results.enter(&ui);
}

START_TEST(the_pin_screen_rehearses_the_menu)
{
	char *cause = NULL;
	unsigned long work;

	ck_assert_int_eq(store_pin_set(store, "2468", &cause), 0);
	act(ACTION_MENU, 0);
	ck_assert_int_eq(session_phase(session), PHASE_PIN);
	ui_draw(&ui);
	ui_rehearse(&ui);
	work = text_work();
	session_type(session, "2468", 0);
	act(ACTION_NEXT, 0);
	ck_assert_int_eq(session_phase(session), PHASE_MENU);
	ui_draw(&ui);
	/* Only what the menu learns when it opens is new: the header's note
	 * "Today: 0 completed, 0 unfinished", measured once and rendered once. */
	ck_assert(ui.menu.has_today);
	ck_assert_uint_eq(text_work(), work + 2);
}
END_TEST

/* True when some pixel of r has exactly colour c. */
static bool
has_colour(GfxRect r, GfxColor c)
{
	for (int y = r.y; y < r.y + r.h; y++) {
		for (int x = r.x; x < r.x + r.w; x++) {
			if (pixel(x, y) == rgb(c))
				return true;
		}
	}
	return false;
}

/* A painter that fills its image with one colour and counts its calls. */
static int painted;

static int
paint_green(void *ctx, cairo_t *cr, int w, int h)
{
	(void)ctx;
	painted++;
	ck_assert_int_eq(w, 40);
	cairo_set_source_rgb(cr, 0, 1, 0);
	cairo_rectangle(cr, 0, 0, w, h);
	cairo_fill(cr);
	return 0;
}

static int
paint_nothing(void *ctx, cairo_t *cr, int w, int h)
{
	(void)ctx, (void)cr, (void)w, (void)h;
	painted++;
	return -1;
}

/* A drawing is painted once for its key and size and then copied from
 * the cache; a fourth key pushes out the least recently drawn of three. */
START_TEST(drawings_are_painted_once_and_kept)
{
	GfxRect r = { 10, 10, 40, 30 };
	GfxColor green = { 0, 255, 0, 255 };

	gfx_begin_frame(ui.gfx);
	painted = 0;
	ck_assert(gfx_drawing(ui.gfx, "a", r, paint_green, NULL));
	ck_assert(has_colour(r, green));
	ck_assert(!has_colour((GfxRect){ 50, 10, 10, 30 }, green));
	ck_assert(gfx_drawing(ui.gfx, "a", r, paint_green, NULL));
	ck_assert_int_eq(painted, 1);
	ck_assert(gfx_drawing(ui.gfx, "a", (GfxRect){ 10, 10, 40, 20 }, paint_green, NULL));
	ck_assert_int_eq(painted, 2); /* another size: painted again */
	ck_assert(gfx_drawing(ui.gfx, "b", r, paint_green, NULL));
	ck_assert(gfx_drawing(ui.gfx, "c", r, paint_green, NULL));
	ck_assert_int_eq(painted, 4);
	/* Three are kept: "c" took the place of "a" 40x30, the least recently
	 * drawn, and "d" takes that of "a" 40x20; "b" is still there, and "a"
	 * 40x30 is painted again. */
	ck_assert(gfx_drawing(ui.gfx, "d", r, paint_green, NULL));
	ck_assert(gfx_drawing(ui.gfx, "b", r, paint_green, NULL));
	ck_assert_int_eq(painted, 5);
	ck_assert(gfx_drawing(ui.gfx, "a", r, paint_green, NULL));
	ck_assert_int_eq(painted, 6);
	/* A painter that fails shows nothing, and is not asked again. */
	ck_assert(!gfx_drawing(ui.gfx, "e", r, paint_nothing, NULL));
	ck_assert(!gfx_drawing(ui.gfx, "e", r, paint_nothing, NULL));
	ck_assert_int_eq(painted, 7);
}
END_TEST

START_TEST(widgets_record_the_targets_they_draw)
{
	GfxRect button = { 100, 100, 200, 80 }, speaker = { 600, 100, 76, 76 };

	ui.width = 1280, ui.height = 800, ui.scale = 1.0;
	gfx_begin_frame(ui.gfx);
	gfx_clear(ui.gfx, UI_BG);
	widget_button(&ui, button, 0, "A", NULL, BUTTON_NORMAL,
	              (Action){ .type = ACTION_CHOOSE, .index = 7 });
	/* Not clickable (a typed answer's field), and no voice: no speaker. */
	widget_field(&ui, (GfxRect){ 100, 300, 400, 120 }, "c", "t", true,
	             (Action){ .type = ACTION_NONE });
	widget_speaker(&ui, speaker);
	widget_icon(&ui, (GfxRect){ 800, 100, 60, 60 }, "x", (Action){ .type = ACTION_MENU });
	ck_assert_int_eq(ui.n_targets, 2);
	ck_assert_int_eq(ui.targets[0].rect.x, 100);
	ck_assert_int_eq(ui.targets[0].rect.y, 100);
	ck_assert_int_eq(ui.targets[0].rect.w, 200);
	ck_assert_int_eq(ui.targets[0].rect.h, 80);
	ck_assert_int_eq(ui.targets[0].action.type, ACTION_CHOOSE);
	ck_assert_int_eq(ui.targets[0].action.index, 7);
	ck_assert_int_eq(ui.targets[1].rect.x, 800);
	ck_assert_int_eq(ui.targets[1].action.type, ACTION_MENU);
	/* The button is drawn exactly where it is clickable: its 3-pixel
	 * border starts at x = 100, the background just left of it. */
	ck_assert_uint_eq(pixel(100, 140), rgb(UI_BORDER));
	ck_assert_uint_eq(pixel(99, 140), rgb(UI_BG));
	ck_assert_uint_eq(pixel(110, 170), rgb(UI_CARD));
	ck_assert(!has_colour(speaker, UI_BORDER));
}
END_TEST

/* Draws the menu and clicks its button for action index. */
static void
click_menu(int index)
{
	ui_draw(&ui);
	for (int i = 0; i < ui.n_targets; i++)
		if (ui.targets[i].action.type == ACTION_CHOOSE &&
		    ui.targets[i].action.index == index) {
			ui_handle(&ui, &(Action){ .type = ACTION_CLICK,
			                          .x = ui.targets[i].rect.x + 4,
			                          .y = ui.targets[i].rect.y + 4 });
			return;
		}
	ck_abort_msg("no button %d on the menu", index);
}

/* How many files in folder end in suffix and start with magic. */
static int
saved_file_starts(const char *folder, const char *suffix, const char *magic)
{
	DIR *d = opendir(folder);
	struct dirent *e;
	int n = 0;

	while (d != NULL && (e = readdir(d)) != NULL) {
		size_t len = strlen(e->d_name), sl = strlen(suffix);
		char *path, *text;
		if (len <= sl || strcmp(e->d_name + len - sl, suffix) != 0)
			continue;
		path = xasprintf("%s/%s", folder, e->d_name);
		text = testutil_read_file(path);
		n += text != NULL && strncmp(text, magic, strlen(magic)) == 0;
		free(text);
		free(path);
	}
	if (d != NULL)
		closedir(d);
	return n;
}

#define NB "\xC2\xA0"

static void click(ActionType type, int index);

/* The words the Results screen shows for the whole school's figure of the
 * programme's first indicator at a wave, and its target (NULL: none). */
static void
assert_figure(const Program *program, const char *wave, const char *value, const char *target)
{
	const IndicatorTable *t = analysis_table(ui.report.analysis, 0);
	const Indicator *ind = &program->indicators[0];
	const IndicatorRow *row = figure_row(t, ind->id, wave, "*");
	char *got = figure_value_text(program, ind, t, row), *goal;

	ck_assert_str_eq(got, value);
	goal = figure_target_text(program, ind, row);
	if (target == NULL)
		ck_assert_ptr_null(goal);
	else
		ck_assert_str_eq(goal, target);
	free(got);
	free(goal);
}

/* The overview's figure for the whole school at wave w (0-based) of the
 * first indicator row, at 1280x800: the content from 32,76, 1216 wide; the
 * column heads 40 high; rows 54 high; the titles 42 % (510) wide, the
 * waves share the rest; the value line is the top 56 % of the figure's
 * box, inset 6. */
static GfxRect
overview_value(int n_waves, int w)
{
	int col = (1216 - 510) / n_waves;

	return (GfxRect){ 32 + 510 + w * col, 76 + 40 + 6, col - 6, (54 - 12) * 56 / 100 };
}

START_TEST(results_open_on_the_overview_then_a_page_per_indicator_then_alerts)
{
	char *path = testutil_source_path("tests/fixtures/session/day_programme.yaml");
	Diag diag = { 0 };
	Program *program = program_load(path, &set, &diag);
	GfxColor start_bars = { 0x00, 0x72, 0xB2, 0xff }, final_bars = { 0xE6, 0x9F, 0x00, 0xff };
	GfxRect chart = { 32, 176, 840, 414 };

	ck_assert_int_eq(diag.n, 0);
	/* start, the baseline: "a" all best (8, good), "b" all worst (0, hard,
	 * and an alert): 1 of 2 = 50 %, no target there. final: the same,
	 * target 50: met. */
	store_day("start", "a", 1);
	store_day("start", "b", 3);
	store_day("final", "a", 1);
	store_day("final", "b", 3);
	ui.programs = &program;
	ui.n_programs = 1;
	open_results();
	ck_assert_int_eq(analysis_table(ui.report.analysis, 0)->n, 4); /* 2 waves x (6А, *) */
	ck_assert_int_eq(analysis_table(ui.report.analysis, 0)->rows[0].n, 2);
	ck_assert_int_eq(analysis_table(ui.report.analysis, 0)->rows[0].meeting, 1);
	ck_assert_int_eq(ui.report.n_alerts, 2);
	/* Page 1, the overview: "50,0 %" at the start in the text's colour,
	 * "50,0 % ✓" in the end in green; nothing red. */
	ui_draw(&ui);
	ck_assert(has_colour(overview_value(2, 0), UI_TEXT));
	ck_assert(!has_colour(overview_value(2, 0), UI_CHOSEN));
	ck_assert(has_colour(overview_value(2, 1), UI_CHOSEN));
	ck_assert(!has_colour((GfxRect){ 32, 116, 1216, 54 }, UI_ERROR));
	assert_figure(program, "start", "50,0" NB "%", NULL);
	assert_figure(program, "final", "50,0" NB "%", "цель: 50" NB "%");
	/* What can be clicked: "Назад в меню", "<" and ">", the footer's. */
	ck_assert_int_eq(ui.n_targets, 3);
	ck_assert_int_eq(ui.targets[0].action.type, ACTION_CANCEL);
	ck_assert_int_eq(ui.targets[1].action.type, ACTION_BACK);
	ck_assert_int_eq(ui.targets[2].action.type, ACTION_NEXT);
	ck_assert_int_eq(ui.targets[2].rect.x, 1280 - 32 - 150);
	/* Page 2, the indicator: under its title (60) and targets (34 + 6) the
	 * body from y = 176, 514 high; a and b paired (start -> final), so the
	 * paired change takes the right 30 % (364) and the chart the rest
	 * (1216 - 364 - 12 = 840), above the school's row (40 + 54 + 6). Its
	 * bars have the waves' colours. */
	click(ACTION_NEXT, 1); /* ">" */
	ck_assert_int_eq(ui.report.page, 1);
	ui_draw(&ui);
	ck_assert(has_colour(chart, start_bars));
	ck_assert(has_colour(chart, final_bars));
	ck_assert(has_colour((GfxRect){ 884 + 20, 176 + 20, 8, 8 }, UI_CARD));
	/* Page 3, the alerts: cards 84 high with a gap of 10 from y = 76: the
	 * first at 76..160, the second at 170..254, nothing at 264.. */
	act(ACTION_NEXT, 1);
	ui_draw(&ui);
	ck_assert(has_colour((GfxRect){ 40, 100, 8, 40 }, UI_CARD));
	ck_assert(has_colour((GfxRect){ 40, 190, 8, 40 }, UI_CARD));
	ck_assert(!has_colour((GfxRect){ 40, 280, 8, 40 }, UI_CARD));
	/* Three pages: the next is the first again, the previous the last. */
	act(ACTION_NEXT, 1);
	ck_assert_int_eq(ui.report.page, 0);
	act(ACTION_BACK, 1);
	ck_assert_int_eq(ui.report.page, 2);
	act(ACTION_CANCEL, 0);
	ck_assert_int_eq(session_phase(session), PHASE_MENU);
	ck_assert_ptr_null(ui.report.analysis);
	ck_assert_ptr_null(ui.report.alerts);
	/* "Report (PDF)" on the menu saves the same figures as a PDF. */
	setenv("ANKETA_REPORT_DIR", dir, 1);
	setenv("ANKETA_MEDIA_DIRS", dir, 1); /* a folder, but no stick mounted in it */
	click_menu(14);
	ck_assert(ui.message_ok);
	ck_assert_ptr_nonnull(strstr(ui.message, dir));
	ck_assert_int_eq(saved_file_starts(dir, ".pdf", "%PDF"), 1);
	ck_assert_int_eq(saved_file_starts(dir, ".xlsx", "PK"), 1); /* a zip: the workbook */
	/* Named by the kind, the last wave and the day; a second report the
	 * same day is saved beside the first, never over it. */
	ck_assert_msg(strstr(ui.message, "Отчёт-Итог-") != NULL, "%s", ui.message);
	click_menu(14);
	ck_assert_int_eq(saved_file_starts(dir, ".pdf", "%PDF"), 2);
	ck_assert_int_eq(saved_file_starts(dir, ".xlsx", "PK"), 2);
	ck_assert_ptr_nonnull(strstr(ui.message, "-2.pdf"));
	/* "Справка" saves the editable note beside them; no stick, no button. */
	click_menu(17);
	ck_assert_int_eq(saved_file_starts(dir, ".odt", "PK"), 1);
	ck_assert_ptr_null(ui.menu.stick);
	for (int i = 0; i < ui.n_targets; i++)
		ck_assert_int_ne(ui.targets[i].action.index, 18);
	unsetenv("ANKETA_MEDIA_DIRS");
	ui.programs = NULL;
	ui.n_programs = 0;
	program_free(program);
	free(path);
}
END_TEST

/* A participation indicator whose questionnaire nobody answered in a wave:
 * that wave's figure is "нет данных" in grey, not "0,0 % (0 из 20)" in red
 * against its target. */
START_TEST(results_say_no_data_for_a_wave_nobody_answered)
{
	static const char yaml[] =
	    "id: q\ntitle: Q\nwaves: [{id: start, title: Старт}, {id: final, title: Итог}]\n"
	    "indicators:\n"
	    "  - {id: \"2.2.info\", title: Анкеты, survey: school_day, kind: participation,\n"
	    "     expected: students, targets: {final: 50}}\n";
	char *path = testutil_temp_file("q.yaml", yaml), *cause = NULL;
	Diag diag = { 0 };
	Program *program = program_load(path, &set, &diag);
	StoreClass list[] = { { "6А", 20, 20, false } };

	ck_assert_int_eq(diag.n, 0);
	ck_assert_int_eq(store_classes_replace(store, list, 1, &cause), 0);
	store_day("start", "a", 1); /* 1 of 20 at the start; nobody in the end */
	ui.programs = &program;
	ui.n_programs = 1;
	open_results();
	ui_draw(&ui);
	ck_assert(has_colour(overview_value(2, 0), UI_TEXT));
	ck_assert(has_colour(overview_value(2, 1), UI_MUTED));
	ck_assert(!has_colour(overview_value(2, 1), UI_ERROR));
	assert_figure(program, "start", "5,0" NB "%", NULL); /* 1 of 20 */
	assert_figure(program, "final", "нет данных", "цель: 50" NB "%");
	act(ACTION_CANCEL, 0);
	ui.programs = NULL;
	ui.n_programs = 0;
	program_free(program);
	testutil_temp_remove(path);
}
END_TEST

/* Stores a sitting of `survey` with one answer to its first question. */
static void
store_one(const Survey *survey, const char *code, const char *value, double score,
          SittingStatus status)
{
	StoreSitting st = { .wave = "start",
		            .class_name = "3В",
		            .audience = "student",
		            .respondent = code,
		            .survey_id = survey->id,
		            .survey_version = survey->version,
		            .survey_hash = survey->hash };
	char id[37], *cause = NULL;

	ck_assert_int_eq(store_sitting_begin(store, &st, id, &cause), 0);
	ck_assert_int_eq(
	    store_answer_put(store, id, survey->questions[0].id, value, true, score, NULL, &cause),
	    0);
	if (status != SITTING_IN_PROGRESS)
		ck_assert_int_eq(store_sitting_finish(store, id, status, &cause), 0);
}

START_TEST(the_last_results_page_lists_the_alerts)
{
	char *path = testutil_source_path("tests/fixtures/session/alerting.yaml");
	Diag diag = { 0 };
	const Survey *alerting;
	GfxRect first = { 40, 100, 8, 40 }, second = { 40, 190, 8, 40 };

	survey_set_add(&set, survey_load(path, &diag));
	ck_assert_int_eq(diag.n, 0);
	alerting = set.items[1];
	/* "Да" (score 1) raises the alert, "Нет" does not; a sitting left
	 * unfinished counts too: eight alerts, k2's to k9's. */
	store_one(alerting, "k1", "2", 0, SITTING_COMPLETED);
	for (int i = 2; i <= 9; i++) {
		char code[8];
		snprintf(code, sizeof code, "k%d", i);
		store_one(alerting, code, "1", 1, i == 9 ? SITTING_IN_PROGRESS : SITTING_COMPLETED);
	}
	open_results();
	ck_assert_int_eq(analysis_results(ui.report.analysis)->n, 9);
	ck_assert_int_eq(analysis_alerts(ui.report.analysis), 8);
	ck_assert_int_eq(ui.report.n_alerts, 8);
	/* The newest first: the results are in export order (start time). */
	for (int k = 0; k + 1 < 8; k++)
		ck_assert_int_gt(ui.report.alerts[k][0], ui.report.alerts[k + 1][0]);
	/* No programme: the alerts' pages are the only ones. Cards 84 high
	 * from y = 76 with a gap of 10 in the 614 between the header and the
	 * footer, under a line of 40: (614 - 40) / 94 = 6 a page, the sixth at
	 * 546..630; the second page has the other two, at 76..160 and
	 * 170..254, and nothing at 264.. */
	ui_draw(&ui);
	ck_assert(has_colour(first, UI_CARD));
	ck_assert(has_colour((GfxRect){ 40, 570, 8, 40 }, UI_CARD));
	act(ACTION_NEXT, 1);
	ui_draw(&ui);
	ck_assert(has_colour(first, UI_CARD));
	ck_assert(has_colour(second, UI_CARD));
	ck_assert(!has_colour((GfxRect){ 40, 280, 8, 40 }, UI_CARD));
	act(ACTION_NEXT, 1);
	ck_assert_int_eq(ui.report.page, 0); /* two pages */
	act(ACTION_CANCEL, 0);
	ck_assert_ptr_null(ui.report.analysis); /* freed with the page */
	free(path);
}
END_TEST

/* Draws the screen and clicks the middle of the button that stands for
 * the action (type, index): it must be on the screen. */
static void
click(ActionType type, int index)
{
	int hit = -1;

	ui_draw(&ui);
	for (int i = 0; i < ui.n_targets && hit < 0; i++)
		if (ui.targets[i].action.type == type && ui.targets[i].action.index == index)
			hit = i;
	ck_assert_msg(hit >= 0, "no button for action %d/%d", type, index);
	ui_handle(&ui, &(Action){ .type = ACTION_CLICK,
	                          .x = ui.targets[hit].rect.x + ui.targets[hit].rect.w / 2,
	                          .y = ui.targets[hit].rect.y + ui.targets[hit].rect.h / 2 });
}

static void
type_text(const char *text)
{
	Action a = { .type = ACTION_TEXT };

	snprintf(a.text, sizeof a.text, "%s", text);
	ui_handle(&ui, &a);
}

static int
collect_entered(const StoreEntered *e, void *arg)
{
	char *text = arg;
	size_t len = strlen(text);

	snprintf(text + len, 256 - len, "%s %s %s=%s;", e->indicator_id, e->wave, e->class_name,
	         e->value);
	return 0;
}

/* The entry screen, from the menu's button: the indicator (< >), the wave
 * (the first monitoring stage to begin with), the class from the class
 * list, the value typed on the keypad, да / нет; each value stored as
 * `anketa enter` stores it, and the screen says what it stored. */
START_TEST(the_entry_screen_stores_values)
{
	static const char yaml[] =
	    "id: p\ntitle: P\nclasses: flagged\n"
	    "waves: [{id: base, title: Исходные}, {id: mid, title: Стартовый}, end]\n"
	    "indicators:\n"
	    "  - {id: \"2.1\", title: E, kind: count}\n"
	    "  - {id: \"2.2\", title: P, kind: entered_share, expected: parents}\n"
	    "  - {id: \"5.1\", title: N, kind: yesno}\n";
	char *path = testutil_temp_file("p.yaml", yaml), *cause = NULL, text[256] = "";
	Diag diag = { 0 };
	Program *program = program_load(path, NULL, &diag);
	StoreClass list[] = { { "5А", 20, 18, true }, { "5Б", 20, 18, false } };

	ck_assert_ptr_nonnull(program);
	ck_assert_int_eq(store_classes_replace(store, list, 2, &cause), 0);
	ui.programs = &program;
	ui.n_programs = 1;
	ck_assert_int_eq(store_pin_set(store, "2468", &cause), 0);
	session_open_pin(session, 0);
	session_type(session, "2468", 0);
	ck_assert_int_eq(session_pin_submit(session, 0), 1);
	click(ACTION_CHOOSE, 16); /* the menu's "Enter indicator values" */
	ck_assert_int_eq(session_phase(session), PHASE_ENTER);
	/* 2.1 for the whole school at "Стартовый": typed on the keypad. */
	click(ACTION_TEXT, 0); /* the keypad's "1" */
	type_text("2");
	act(ACTION_BACK, 0);
	type_text("7");
	act(ACTION_NEXT, 0);
	ck_assert(ui.message_ok);
	ck_assert_str_eq(ui.message, "2.1, Стартовый, вся школа: 17");
	/* ">" (index 101): 2.2; the class 5А (300 + its place in the list); 5Б is
	 * not flagged and has no button. */
	click(ACTION_CHOOSE, 101);
	click(ACTION_CHOOSE, 300);
	ui_draw(&ui);
	for (int i = 0; i < ui.n_targets; i++)
		ck_assert_int_ne(ui.targets[i].action.index, 301);
	type_text("15");
	click(ACTION_CHOOSE, 102); /* Save */
	ck_assert_str_eq(ui.message, "2.2, Стартовый, 5А: 15 из 18");
	/* 5.1: the final wave (200 + 2), then "да" (103). */
	click(ACTION_CHOOSE, 101);
	click(ACTION_CHOOSE, 202);
	click(ACTION_CHOOSE, 103);
	ck_assert_str_eq(ui.message, "5.1, end, вся школа: да");
	/* A refused value says why and stores nothing. */
	click(ACTION_CHOOSE, 100); /* "<": 2.2 */
	type_text("99");
	act(ACTION_NEXT, 0);
	ck_assert(!ui.message_ok);
	ck_assert_str_eq(ui.message, "99 из 18: больше, чем всех, быть не может");
	ck_assert_int_eq(store_entered_each(store, collect_entered, text, &cause), 0);
	ck_assert_str_eq(text, "2.1 mid *=17;2.2 mid 5А=15/18;5.1 end *=да;");
	act(ACTION_CANCEL, 0);
	ck_assert_int_eq(session_phase(session), PHASE_MENU);
	ui.programs = NULL;
	ui.n_programs = 0;
	program_free(program);
	testutil_temp_remove(path);
}
END_TEST

START_TEST(results_say_when_sittings_were_left_out)
{
	StoreSitting st = { .wave = "start",
		            .class_name = "6А",
		            .audience = "student",
		            .respondent = "k1",
		            .survey_id = "gone",
		            .survey_version = 1,
		            .survey_hash = "" };
	char id[37], *cause = NULL;
	GfxRect hint = { 370, 720, 1280 - 690, 64 };

	/* A sitting of a survey whose file is no longer in surveys/. */
	ck_assert_int_eq(store_sitting_begin(store, &st, id, &cause), 0);
	ck_assert_int_eq(store_answer_put(store, id, "q1", "1", true, 1, NULL, &cause), 0);
	ck_assert_int_eq(store_sitting_finish(store, id, SITTING_COMPLETED, &cause), 0);
	open_results();
	ck_assert_int_eq(analysis_warnings(ui.report.analysis)->n, 1);
	ck_assert_str_eq(analysis_warnings(ui.report.analysis)->entries[0].message,
	                 "ни в одном файле опросников нет id gone: его прохождения пропущены");
	/* The hint row between the buttons (370..900, from 800 - 80) shows it. */
	ui_draw(&ui);
	ck_assert(has_colour(hint, UI_MUTED));
	act(ACTION_CANCEL, 0);
	ck_assert_ptr_null(ui.report.analysis);
}
END_TEST

START_TEST(an_empty_class_is_a_calm_prompt_under_its_field)
{
	configure(NULL);
	act(ACTION_NEXT, 0);
	act(ACTION_NEXT, 0); /* "Next" with no class typed */
	ck_assert_str_eq(session_prompt(session), "Сначала напиши свой класс.");
	ui_draw(&ui);
	/* 1280x800: the fields end at 84 + 120; the prompt stands under the
	 * class field from x 48, 212..256: its bullet at (48 + 22, 234) on a
	 * pale card. No red anywhere: a prompt is not an alarm. */
	ck_assert_uint_eq(pixel(70, 234), rgb(UI_PRIMARY));
	ck_assert_uint_eq(pixel(70, 216), rgb(UI_BADGE));
	ck_assert(!has_colour((GfxRect){ 0, 0, 1280, 800 }, UI_ERROR));
	/* Typing takes it away. */
	ui_handle(&ui, &(Action){ .type = ACTION_TEXT, .text = "7" });
	ui_draw(&ui);
	ck_assert_uint_eq(pixel(70, 234), rgb(UI_BG));
}
END_TEST

START_TEST(with_a_class_list_the_class_is_picked_from_buttons_by_grade)
{
	StoreClass list[] = { { "7Б", 25, 20, false },
		              { "7А", 24, 22, false },
		              { "10А", 20, 18, false } };
	char *cause = NULL;
	Action click = { .type = ACTION_CLICK };

	ck_assert_int_eq(store_classes_replace(store, list, 3, &cause), 0);
	configure(NULL);
	act(ACTION_NEXT, 0);
	ui_draw(&ui);
	/* A button per class, in the school's order, a row per grade; no
	 * field, keyboard or "Next" until a class is picked; the
	 * psychologist's corner. */
	ck_assert_int_eq(ui.n_targets, 4);
	ck_assert_int_eq(ui.targets[0].action.type, ACTION_CHOOSE);
	ck_assert_int_eq(ui.targets[0].action.index, 1000);
	ck_assert_int_eq(ui.targets[2].action.index, 1002);
	ck_assert_int_eq(ui.targets[0].rect.y, ui.targets[1].rect.y); /* 7А 7Б */
	ck_assert_int_gt(ui.targets[2].rect.y, ui.targets[0].rect.y); /* 10А below */
	ck_assert_int_eq(ui.targets[2].rect.x, ui.targets[0].rect.x);
	/* The key 2 types a digit here; it picks nothing. */
	act(ACTION_CHOOSE, 1);
	ck_assert_int_eq(session_field_focus(session), FIELD_CLASS);
	click.x = ui.targets[1].rect.x + 10;
	click.y = ui.targets[1].rect.y + 10;
	ui_handle(&ui, &click);
	ck_assert_str_eq(session_field_text(session, FIELD_CLASS), "7Б");
	ck_assert_int_eq(session_field_focus(session), FIELD_CODE);
	ui_draw(&ui);
	/* Now the code: both fields, the keyboard, "Next" and the corner. */
	ck_assert_int_eq(ui.n_targets, 49);
}
END_TEST

/* Adds the fixture survey with every question type and goes to its
 * question `number` (1-based): 3 multi, 5 number 7..18, 6 text. */
static void
to_full_question(int number)
{
	char *path = testutil_source_path("tests/fixtures/surveys/full.yaml"), *cause = NULL;
	const char *ids[] = { "full-test_1" };
	Diag diag = { 0 };

	survey_set_add(&set, survey_load(path, &diag));
	ck_assert_int_eq(diag.n, 0);
	free(path);
	ck_assert_int_eq(session_configure(session, "start", "6А", "student", ids, 1, &cause), 0);
	act(ACTION_NEXT, 0);
	act(ACTION_NEXT, 0);
	act(ACTION_NEXT, 0);
	for (int q = 1; q < number; q++) {
		if (q == 3 || q == 5) {
			act(ACTION_CHOOSE, 0);          /* a multi's first option */
			session_type(session, "12", 0); /* an age */
			act(ACTION_NEXT, 0);
		} else {
			act(ACTION_CHOOSE, 0);
			session_tick(session, (uint64_t)-1 / 2);
		}
	}
	ck_assert_int_eq(session_question_index(session), number - 1);
}

START_TEST(a_multi_question_shows_check_boxes_and_next)
{
	to_full_question(3);
	ui_draw(&ui);
	/* Three options in a column, "Back", "Next", the psychologist's
	 * corner. An unchecked option is a white card with a box outlined in
	 * dark blue at its left (x + 24). */
	ck_assert_int_eq(ui.n_targets, 6);
	ck_assert_int_eq(ui.targets[4].action.type, ACTION_NEXT);
	GfxRect first = ui.targets[0].rect;
	ck_assert(has_colour((GfxRect){ first.x + 24, first.y, 8, first.h }, UI_PRIMARY_DARK));
	ck_assert(!has_colour(first, UI_CHOSEN));
	act(ACTION_CHOOSE, 1);
	ui_draw(&ui);
	/* Checked: a green box with a tick and a green border; the card stays
	 * white, unlike a single choice, which turns wholly green. */
	GfxRect second = ui.targets[1].rect;
	ck_assert_uint_eq(pixel(second.x + 1, second.y + second.h / 2), rgb(UI_CHOSEN));
	ck_assert_uint_eq(pixel(second.x + second.w / 2, second.y + second.h / 2), rgb(UI_CARD));
	ck_assert(has_colour((GfxRect){ second.x + 24, second.y, 40, second.h }, UI_WHITE));
	ck_assert_int_eq(session_question_index(session), 2); /* a toggle stays */
}
END_TEST

START_TEST(a_number_question_has_a_pad_and_says_its_range)
{
	static const char *const digits[] = { "1", "2", "3", "4", "5", "6", "7", "8", "9", "0" };
	int erase = -1, minus = 0, comma = 0, found = 0;

	to_full_question(5);
	ui_draw(&ui);
	for (int t = 0; t < ui.n_targets; t++) {
		Action a = ui.targets[t].action;
		if (a.type == ACTION_BACK && a.index == 2)
			erase = t;
		if (a.type != ACTION_TEXT)
			continue;
		minus += strcmp(a.text, "-") == 0;
		comma += strcmp(a.text, ",") == 0;
		for (int d = 0; d < 10; d++)
			found += strcmp(a.text, digits[d]) == 0;
	}
	/* Ten digits, the comma, erase; no minus for ages 7 to 18. */
	ck_assert_int_eq(found, 10);
	ck_assert_int_eq(comma, 1);
	ck_assert_int_eq(minus, 0);
	ck_assert_int_ge(erase, 0);
	click_key("1");
	click_key("2");
	ck_assert_str_eq(session_input(session), "12");
	/* The pad's erase erases, and on an empty field goes nowhere. */
	for (int i = 0; i < 3; i++) {
		Action click = { .type = ACTION_CLICK,
			         .x = ui.targets[erase].rect.x + 5,
			         .y = ui.targets[erase].rect.y + 5 };
		ui_handle(&ui, &click);
	}
	ck_assert_str_eq(session_input(session), "");
	ck_assert_int_eq(session_question_index(session), 4);
}
END_TEST

START_TEST(a_text_answer_wraps_inside_its_box)
{
	GfxRect box;
	int right = 0;

	to_full_question(6);
	for (int i = 0; i < 12; i++)
		session_type(session, "очень длинный ответ, ", 0);
	ck_assert_int_eq(session_input_room(session), SESSION_TEXT_MAX - 12 * 21);
	ui_draw(&ui);
	/* 1280x800: the box is 1000 wide, centred: 140..1140. Every line of
	 * the text ends inside it (20 px of padding). */
	box = (GfxRect){ 140, 200, 1000, 420 };
	for (int y = box.y; y < box.y + box.h; y++)
		for (int x = box.x + box.w - 20; x < box.x + box.w; x++)
			right += pixel(x, y) == rgb(UI_TEXT);
	ck_assert_int_eq(right, 0);
	ck_assert(has_colour((GfxRect){ 160, 260, 400, 300 }, UI_TEXT));
}
END_TEST

START_TEST(a_wrong_pin_message_leaves_the_typed_digits_visible)
{
	char *cause = NULL;

	ck_assert_int_eq(store_pin_set(store, "2468", &cause), 0);
	session_open_pin(session, 0);
	session_type(session, "1111", 0);
	act(ACTION_NEXT, 0); /* the screen's Enter: "Wrong PIN" */
	ck_assert_ptr_nonnull(ui.message);
	ui_draw(&ui);
	/* The digits' row (y 150 at 1280x800) stays clear; the message stands
	 * between "Cancel" (ends at 272) and "Enter" (starts at 1008), 700..776. */
	ck_assert(!has_colour((GfxRect){ 32, 92, 1216, 64 }, UI_ERROR));
	ck_assert(has_colour((GfxRect){ 300, 710, 680, 56 }, UI_ERROR));
}
END_TEST

/* Where the pixels of colour c lie on the canvas: their bounding box, w 0
 * when there are none. */
static GfxRect
colour_box(GfxColor c)
{
	GfxRect box = { 0, 0, 0, 0 };
	int x0 = surface->w, y0 = surface->h, x1 = -1, y1 = -1;

	for (int y = 0; y < surface->h; y++)
		for (int x = 0; x < surface->w; x++)
			if (pixel(x, y) == rgb(c)) {
				x0 = x < x0 ? x : x0, y0 = y < y0 ? y : y0;
				x1 = x > x1 ? x : x1, y1 = y > y1 ? y : y1;
			}
	if (x1 >= 0)
		box = (GfxRect){ x0, y0, x1 - x0 + 1, y1 - y0 + 1 };
	return box;
}

START_TEST(the_speaker_stays_inside_its_button_at_every_size)
{
	/* The sides the speaker button has: the footer's 76 at 800x600 (48),
	 * 1280x800 (76), 1920x1080 (103) and 3840x2160 (205), and the
	 * instructions' 100 at 800x600 (63). */
	static const int sides[] = { 48, 63, 76, 103, 205 };

	ui.width = 1280, ui.height = 800, ui.scale = 1.0;
	ui.speech = (Speech *)&ui; /* only its presence is read while drawing */
	for (size_t i = 0; i < sizeof sides / sizeof sides[0]; i++) {
		GfxRect r = { 300, 200, sides[i], sides[i] }, icon;
		gfx_begin_frame(ui.gfx);
		gfx_clear(ui.gfx, UI_BG);
		widget_speaker(&ui, r);
		icon = colour_box(UI_PRIMARY);
		/* Clear of the 3-pixel border by at least as much again, and
		 * centred to within a pixel or two. */
		ck_assert_int_gt(icon.w, 0);
		ck_assert_int_ge(icon.x, r.x + 6);
		ck_assert_int_ge(icon.y, r.y + 6);
		ck_assert_int_le(icon.x + icon.w, r.x + r.w - 6);
		ck_assert_int_le(icon.y + icon.h, r.y + r.h - 6);
		ck_assert_int_le(abs((icon.x - r.x) - (r.x + r.w - icon.x - icon.w)), 2);
		ck_assert_int_le(abs((icon.y - r.y) - (r.y + r.h - icon.y - icon.h)), 2);
	}
	ui.speech = NULL;
}
END_TEST

/* A teacher answers the shipped WHO-5 and CBI (their results shown: four
 * lines, two of them long) and reaches the thank-you screen on a canvas of
 * w x h; the case testers saw hidden behind "Done". */
static void
to_thanks_with_results(int w, int h)
{
	static const char *const files[] = { "surveys/who5_teachers.yaml",
		                             "surveys/cbi_teachers.yaml" };
	const char *ids[] = { "who5_teachers", "cbi_teachers" };
	char *cause = NULL;

	teardown();
	open_canvas(w, h);
	for (int i = 0; i < 2; i++) {
		char *path = testutil_source_path(files[i]);
		Diag diag = { 0 };
		survey_set_add(&set, survey_load(path, &diag));
		ck_assert_int_eq(diag.n, 0);
		free(path);
	}
	ck_assert_int_eq(session_configure(session, "start", NULL, "teacher", ids, 2, &cause), 0);
	for (int step = 0; step < 100 && session_phase(session) != PHASE_THANKS; step++) {
		if (session_phase(session) == PHASE_QUESTION) {
			act(ACTION_CHOOSE, 2);
			session_tick(session, (uint64_t)-1 / 2);
		} else {
			act(ACTION_NEXT, 0);
		}
	}
	ck_assert_int_eq(session_phase(session), PHASE_THANKS);
}

START_TEST(a_personal_result_is_whole_above_done_at_every_size)
{
	static const int sizes[][2] = {
		{ 800, 600 }, { 1280, 800 }, { 1920, 1080 }, { 3840, 2160 }
	};

	for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		GfxRect done, text;
		to_thanks_with_results(sizes[i][0], sizes[i][1]);
		ui_draw(&ui);
		/* "Done" and the psychologist's corner. */
		ck_assert_int_eq(ui.n_targets, 2);
		ck_assert_int_eq(ui.targets[0].action.type, ACTION_NEXT);
		done = ui.targets[0].rect;
		/* The result's lines (and the line above them) end above "Done". */
		text = colour_box(UI_TEXT);
		ck_assert_int_gt(text.h, 0);
		ck_assert_msg(text.y + text.h < done.y, "%dx%d: text to %d, Done from %d",
		              sizes[i][0], sizes[i][1], text.y + text.h, done.y);
		ck_assert_int_le(done.y + done.h, sizes[i][1]);
	}
	/* It stays until "Done", which is the next person's start, or until
	 * the idle time asks whether anybody is still there: never the thank-you
	 * screen's short timeout. */
	ck_assert_int_gt(session_next_deadline(session, 0), SESSION_THANKS_MS);
	act(ACTION_NEXT, 0);
	ck_assert_int_eq(session_phase(session), PHASE_WELCOME);
}
END_TEST

START_TEST(teachers_are_asked_only_for_their_code)
{
	char *path = testutil_source_path("tests/fixtures/session/mini.yaml"), *cause = NULL;
	const char *ids[] = { "mini" };
	Diag diag = { 0 };

	survey_set_add(&set, survey_load(path, &diag));
	free(path);
	ck_assert_int_eq(session_configure(session, "start", NULL, "teacher", ids, 1, &cause), 0);
	act(ACTION_NEXT, 0);
	ui_draw(&ui);
	/* The code field across the screen, the keyboard, "Next", the
	 * psychologist's corner: no class. */
	ck_assert_int_eq(ui.n_targets, 48);
	ck_assert_int_eq(ui.targets[0].action.type, ACTION_FOCUS);
	ck_assert_int_eq(ui.targets[0].action.index, FIELD_CODE);
	ck_assert_int_eq(ui.targets[0].rect.x, 48);
	ck_assert_int_eq(ui.targets[0].rect.w, 1184);
}
END_TEST

/* Opens the psychologist's menu (PIN 2468). */
static void
to_menu(void)
{
	char *cause = NULL;

	ck_assert_int_eq(store_pin_set(store, "2468", &cause), 0);
	act(ACTION_MENU, 0);
	session_type(session, "2468", 0);
	act(ACTION_NEXT, 0);
	ck_assert_int_eq(session_phase(session), PHASE_MENU);
}

/* Types text on the current screen as the keyboard would. */
static void
type(const char *text)
{
	Action a = { .type = ACTION_TEXT };

	snprintf(a.text, sizeof a.text, "%s", text);
	ui_handle(&ui, &a);
}

START_TEST(the_menu_warns_when_a_questionnaire_is_not_for_the_class)
{
	/* The warning's place above the footer at 1280x800: 32, 628, 64
	 * high; its bullet at (32 + 22, 628 + 32). */
	to_menu();
	act(ACTION_CHOOSE, 300); /* school_day, for grades 1 to 4 */
	type("6а");
	ui_draw(&ui);
	ck_assert_uint_eq(pixel(54, 660), rgb(UI_PRIMARY));
	act(ACTION_BACK, 0);
	act(ACTION_BACK, 0);
	type("3а");
	ui_draw(&ui);
	ck_assert_uint_eq(pixel(54, 660), rgb(UI_BG));
}
END_TEST

START_TEST(the_menu_keeps_a_template_out_and_its_switches_apart)
{
	char *path = testutil_temp_file("tpl.yaml", "id: tpl\n"
	                                            "version: 1\n"
	                                            "title: Шаблон\n"
	                                            "audience: [student]\n"
	                                            "grades: 1-4\n"
	                                            "source: S\n"
	                                            "license: school-supplied\n"
	                                            "placeholder: true\n"
	                                            "questions:\n"
	                                            "  - {id: q1, text: Q, type: text}\n");
	Diag diag = { 0 };
	int wave_y = -1, tpl = -1;

	survey_set_add(&set, survey_load(path, &diag));
	testutil_temp_remove(path);
	ck_assert_int_eq(diag.n, 0);
	to_menu();
	ui_draw(&ui);
	for (int t = 0; t < ui.n_targets; t++) {
		Action a = ui.targets[t].action;
		if (a.type == ACTION_CHOOSE && a.index == 200) /* the first wave */
			wave_y = ui.targets[t].rect.y;
		if (a.type == ACTION_CHOOSE && a.index == 301) /* the template */
			tpl = t;
	}
	/* "Code required" (index 15; no voice here, so no "Read aloud")
	 * stands in the right column, not in the row of waves. */
	for (int t = 0; t < ui.n_targets; t++)
		if (ui.targets[t].action.type == ACTION_CHOOSE &&
		    ui.targets[t].action.index == 15) {
			ck_assert_int_ne(ui.targets[t].rect.y, wave_y);
			ck_assert_int_ge(ui.targets[t].rect.x, 928);
		}
	/* The template is drawn off (the background's colour) and cannot be
	 * chosen; the menu says why, and the next choice clears that. */
	ck_assert_int_ge(tpl, 0);
	ck_assert_uint_eq(pixel(ui.targets[tpl].rect.x + ui.targets[tpl].rect.w - 20,
	                        ui.targets[tpl].rect.y + ui.targets[tpl].rect.h / 2),
	                  rgb(UI_BG));
	act(ACTION_CHOOSE, 301);
	ck_assert_int_eq(ui.menu.rank[1], 0);
	ck_assert_ptr_nonnull(ui.message);
	ck_assert_ptr_nonnull(strstr(ui.message, "шаблон"));
	act(ACTION_CHOOSE, 300);
	ck_assert_int_eq(ui.menu.rank[0], 1);
	ck_assert_ptr_null(ui.message);
}
END_TEST

START_TEST(a_stale_notice_goes_once_it_is_resolved)
{
	to_menu();
	act(ACTION_CHOOSE, 10); /* start with nothing chosen */
	ck_assert_ptr_nonnull(ui.message);
	act(ACTION_CHOOSE, 300);
	ck_assert_ptr_null(ui.message);
	act(ACTION_CHOOSE, 10);
	ck_assert_int_eq(session_phase(session), PHASE_WELCOME);
}
END_TEST

START_TEST(the_menus_class_is_read_and_checked_like_the_code_screens)
{
	to_menu();
	act(ACTION_CHOOSE, 300);
	type("6f"); /* the key of "А" on the Latin layout */
	ck_assert_str_eq(ui.menu.class_name, "6А");
	act(ACTION_BACK, 0);
	act(ACTION_BACK, 0);
	type("12а");
	act(ACTION_CHOOSE, 10); /* start */
	ck_assert_int_eq(session_phase(session), PHASE_MENU);
	ck_assert_ptr_nonnull(ui.message);
	act(ACTION_BACK, 0);
	act(ACTION_BACK, 0);
	act(ACTION_BACK, 0);
	type("2а");
	act(ACTION_CHOOSE, 10);
	ck_assert_int_eq(session_phase(session), PHASE_WELCOME);
	ck_assert_str_eq(session_field_text(session, FIELD_CLASS), "2А");
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("ui_screens");
	TCase *tc = tcase_create("screens");

	setenv("SDL_VIDEODRIVER", "dummy", 0);
	util_i18n_init(NULL);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, unconfigured_welcome_offers_only_the_psychologists_menu);
	tcase_add_test(tc, code_screen_has_class_and_code_fields_unless_the_class_is_preset);
	tcase_add_test(tc, the_on_screen_keyboard_types_into_the_field_in_focus);
	tcase_add_test(tc, picture_options_stand_where_the_layout_puts_them);
	tcase_add_test(tc, a_chosen_answer_turns_green);
	tcase_add_test(tc, a_click_on_a_card_chooses_that_answer);
	tcase_add_test(tc, the_progress_bar_fills_with_the_questions_passed);
	tcase_add_test(tc, a_rehearsal_draws_nothing_and_keeps_the_targets);
	tcase_add_test(tc, rehearsed_screens_render_no_text_when_they_come);
	tcase_add_test(tc, the_pin_screen_rehearses_the_menu);
	tcase_add_test(tc, every_screen_fits_every_size);
	tcase_add_test(tc, results_open_on_the_overview_then_a_page_per_indicator_then_alerts);
	tcase_add_test(tc, the_last_results_page_lists_the_alerts);
	tcase_add_test(tc, results_say_no_data_for_a_wave_nobody_answered);
	tcase_add_test(tc, results_say_when_sittings_were_left_out);
	tcase_add_test(tc, the_entry_screen_stores_values);
	tcase_add_test(tc, a_wrong_pin_message_leaves_the_typed_digits_visible);
	tcase_add_test(tc, widgets_record_the_targets_they_draw);
	tcase_add_test(tc, drawings_are_painted_once_and_kept);
	tcase_add_test(tc, the_speaker_stays_inside_its_button_at_every_size);
	tcase_add_test(tc, an_empty_class_is_a_calm_prompt_under_its_field);
	tcase_add_test(tc, with_a_class_list_the_class_is_picked_from_buttons_by_grade);
	tcase_add_test(tc, a_multi_question_shows_check_boxes_and_next);
	tcase_add_test(tc, a_number_question_has_a_pad_and_says_its_range);
	tcase_add_test(tc, a_text_answer_wraps_inside_its_box);
	tcase_add_test(tc, a_personal_result_is_whole_above_done_at_every_size);
	tcase_add_test(tc, teachers_are_asked_only_for_their_code);
	tcase_add_test(tc, the_menu_warns_when_a_questionnaire_is_not_for_the_class);
	tcase_add_test(tc, the_menu_keeps_a_template_out_and_its_switches_apart);
	tcase_add_test(tc, a_stale_notice_goes_once_it_is_resolved);
	tcase_add_test(tc, the_menus_class_is_read_and_checked_like_the_code_screens);
	suite_add_tcase(s, tc);
	return testutil_run(s);
}
