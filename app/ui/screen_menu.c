/*
 * screen_menu.c: the psychologist's menu (behind the PIN): who answers, which
 * wave, which surveys, the class for everybody, reading aloud and whether a
 * code is required; then the kiosk returns to the welcome screen with that
 * battery. It also opens the results and saves the report.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "classname.h"
#include "export.h"
#include "report.h"
#include "ui.h"
#include "util.h"

static const char *const menu_audiences[] = { "student", "parent", "teacher", "head" };
static const char *const menu_audience_labels[] = { N_("Students"), N_("Parents"), N_("Teachers"),
	                                            N_("Heads") };
/* The audiences' words under a questionnaire, in the order of Audience. */
static const char *const menu_audience_words[] = { N_("students"), N_("parents"), N_("teachers"),
	                                           N_("heads") };

/* The most waves the menu offers (the programmes' first ones). */
#define MENU_MAX_WAVES 6

/* Where the right column (the settings for everybody) starts, at 1280x800:
 * right of the four audiences, 48 + 4 * 200 + 3 * 16 = 896, and a gap. */
#define MENU_RIGHT_X 928

enum {
	MENU_AUDIENCE = 100,
	MENU_WAVE = 200,
	MENU_SURVEY = 300,
	MENU_START = 10,
	MENU_QUIT = 11,
	MENU_READ = 12,
	MENU_RESULTS = 13,
	MENU_REPORT = 14,
	MENU_CODE = 15,
	MENU_ENTER = 16
};

static bool
menu_survey_fits(const Ui *ui, int i)
{
	Audience who = survey_audience_parse(menu_audiences[ui->menu.audience]);

	return i < 64 && (ui->surveys->items[i]->audience & who) != 0;
}

/* A row of toggle buttons in the left column; the one at `current` is
 * shown chosen. */
static void
menu_row(Ui *ui, int y, const char *const *labels, int n, int current, int base)
{
	int w = ui_px(ui, 200), gap = ui_px(ui, 16), h = ui_px(ui, 56);
	int x = ui_px(ui, 48);

	for (int i = 0; i < n; i++) {
		GfxRect r = { x + i * (w + gap), y, w, h };
		widget_button(ui, r, 0, _(labels[i]), NULL,
		              i == current ? BUTTON_CHOSEN : BUTTON_NORMAL,
		              (Action){ .type = ACTION_CHOOSE, .index = base + i });
	}
}

/* The programmes' waves by their titles, sharing the width of the four
 * audiences' row; without a programme, a line saying where the waves come
 * from. */
static void
menu_draw_waves(Ui *ui, int y)
{
	int n = ui->n_waves < MENU_MAX_WAVES ? ui->n_waves : MENU_MAX_WAVES;
	int gap = ui_px(ui, 16), h = ui_px(ui, 56), x = ui_px(ui, 48);
	int row = 4 * ui_px(ui, 200) + 3 * gap, w = n > 0 ? (row - (n - 1) * gap) / n : 0;

	if (n == 0)
		widget_text_box(ui, _("No programme file (surveys/programs) names the waves."),
		                (GfxRect){ x, y, row, h }, ui_px(ui, 22), ui_px(ui, 12), false,
		                UI_MUTED, 0, true);
	for (int i = 0; i < n; i++)
		widget_button(ui, (GfxRect){ x + i * (w + gap), y, w, h }, 0, ui->waves[i].title,
		              NULL, i == ui->menu.wave ? BUTTON_CHOSEN : BUTTON_NORMAL,
		              (Action){ .type = ACTION_CHOOSE, .index = MENU_WAVE + i });
}

/* What the menu says under a questionnaire: who it is for and its grades
 * ("ученики · классы 5–11"), or that it is a template still to be filled
 * in. The caller frees it. */
static char *
menu_survey_detail(const Survey *survey)
{
	static const Audience order[] = { AUDIENCE_STUDENT, AUDIENCE_PARENT, AUDIENCE_TEACHER,
		                          AUDIENCE_HEAD };
	char *who, *grades, *detail;

	if (survey_is_placeholder(survey))
		return xstrdup(_("template: the school's licensed text is not in yet"));
	who = xstrdup("");
	for (int i = 0; i < 4; i++) {
		char *more;
		if (!(survey->audience & order[i]))
			continue;
		more = xasprintf("%s%s%s", who, who[0] ? ", " : "", _(menu_audience_words[i]));
		free(who);
		who = more;
	}
	grades = survey_grades_text(survey);
	if (grades[0] == '\0')
		detail = xstrdup(who);
	else
		detail = xasprintf(strpbrk(grades, ",\u2013") != NULL ? _("%s · grades %s")
		                                                      : _("%s · grade %s"),
		                   who, grades);
	free(grades);
	free(who);
	return detail;
}

/* The questionnaires of the audience, in two columns (three when two
 * would make them too low), from y down to the row above the footer. */
static void
menu_draw_surveys(Ui *ui, int y)
{
	int x = ui_px(ui, 48), w = ui->width - 2 * x, gap = ui_px(ui, 10), n = 0, cols = 2, rows;
	int bottom =
	    layout_banner(ui->width, ui->height, ui->scale, LAYOUT_BANNER_ABOVE_FOOTER, false).y -
	    gap;
	int h;

	for (int i = 0; i < ui->surveys->n && i < 64; i++)
		n += menu_survey_fits(ui, i);
	rows = (n + cols - 1) / cols;
	if (rows > 0 && (bottom - y - (rows - 1) * gap) / rows < ui_px(ui, 60))
		cols = 3, rows = (n + cols - 1) / cols;
	h = rows > 0 ? (bottom - y - (rows - 1) * gap) / rows : 0;
	h = h < ui_px(ui, 72) ? h : ui_px(ui, 72);
	for (int i = 0, shown = 0; i < ui->surveys->n && i < 64; i++) {
		const Survey *survey = ui->surveys->items[i];
		GfxRect r = layout_grid((GfxRect){ x, y, w, rows * h + (rows - 1) * gap }, rows,
		                        cols, gap, shown);
		char *detail;
		if (!menu_survey_fits(ui, i))
			continue;
		detail = menu_survey_detail(survey);
		widget_item(ui, r, ui->menu.rank[i] <= 9 ? ui->menu.rank[i] : 0, survey->title,
		            detail,
		            survey_is_placeholder(survey) ? BUTTON_OFF
		            : ui->menu.rank[i]            ? BUTTON_CHOSEN
		                                          : BUTTON_NORMAL,
		            (Action){ .type = ACTION_CHOOSE, .index = MENU_SURVEY + i });
		free(detail);
		shown++;
	}
}

/* "Class for everybody": typed on the menu's keyboard; empty, each
 * respondent types their own. */
static void
menu_draw_class(Ui *ui)
{
	GfxRect r = { ui_px(ui, MENU_RIGHT_X), ui_px(ui, 112),
		      ui->width - ui_px(ui, MENU_RIGHT_X + 48), ui_px(ui, 56) };
	char name[SESSION_FIELD_MAX + 1], *text;

	/* Shown as it will be stored: "6а" is the class 6А. */
	classname_normalize(ui->menu.class_name, name, sizeof name);
	text = name[0] ? xasprintf(_("Class for everybody: %s"), name)
	               : xstrdup(_("Class: typed by each respondent"));

	gfx_fill_rounded(ui->gfx, r, ui_px(ui, 10), UI_CARD);
	gfx_ring_rounded(ui->gfx, r, ui_px(ui, 10), ui_px(ui, 2), name[0] ? UI_PRIMARY : UI_BORDER);
	widget_text_box(ui, text, layout_inset(r, ui_px(ui, 8)), ui_px(ui, 22), ui_px(ui, 12),
	                name[0] != '\0', name[0] ? UI_TEXT : UI_MUTED, 1, true);
	free(text);
}

/* Typing on the menu goes to the class field, read as the code screen
 * reads it (classname_read_key: keys of the Latin layout are the letters
 * in their places); what is no part of a class is not taken. */
static void
menu_type(Ui *ui, const char *utf8)
{
	for (const char *p = utf8; *p != '\0';) {
		unsigned char c = (unsigned char)*p;
		int len = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
		size_t used = strlen(ui->menu.class_name);
		char read[5];
		if ((int)strnlen(p, (size_t)len) < len)
			break;
		if (classname_read_key(p, len, read) &&
		    used + strlen(read) < sizeof ui->menu.class_name)
			memcpy(ui->menu.class_name + used, read, strlen(read) + 1);
		p += len;
	}
}

static void
menu_erase(Ui *ui)
{
	size_t len = strlen(ui->menu.class_name);

	while (len > 0 && ((unsigned char)ui->menu.class_name[--len] & 0xc0) == 0x80)
		;
	ui->menu.class_name[len] = '\0';
}

/* The session's switches in the right column, under the class for
 * everybody (never in a row of choices): reading aloud (when there is a
 * voice) and whether every respondent must type a code. */
/* Returns where the column's next button stands. */
static GfxRect
menu_draw_switches(Ui *ui)
{
	GfxRect r = { ui_px(ui, MENU_RIGHT_X), ui_px(ui, 180),
		      ui->width - ui_px(ui, MENU_RIGHT_X + 48), ui_px(ui, 40) };

	if (ui->speech != NULL) {
		widget_button(ui, r, 0, _("Read aloud"), NULL,
		              ui->read_aloud ? BUTTON_CHOSEN : BUTTON_NORMAL,
		              (Action){ .type = ACTION_CHOOSE, .index = MENU_READ });
		r.y += r.h + ui_px(ui, 10);
	}
	widget_button(ui, r, 0, _("Code required"), NULL,
	              session_code_required(ui->session) ? BUTTON_CHOSEN : BUTTON_NORMAL,
	              (Action){ .type = ACTION_CHOOSE, .index = MENU_CODE });
	r.y += r.h + ui_px(ui, 10);
	return r;
}

/* The first questionnaire of the battery that is not meant for the grade
 * of the class set for everybody ("6А": grade 6), or NULL. */
static const Survey *
menu_misfit(const Ui *ui, char class_name[SESSION_FIELD_MAX + 1])
{
	int grade;

	classname_normalize(ui->menu.class_name, class_name, SESSION_FIELD_MAX + 1);
	grade = classname_grade(class_name);
	for (int i = 0; grade > 0 && i < ui->surveys->n && i < 64; i++)
		if (ui->menu.rank[i] > 0 && menu_survey_fits(ui, i) &&
		    !survey_fits_grade(ui->surveys->items[i], grade))
			return ui->surveys->items[i];
	return NULL;
}

/* Warns, above the footer, when a questionnaire chosen is not for the
 * class set for everybody; a notice of the menu's own stands there first. */
static void
menu_draw_misfit(Ui *ui)
{
	char class_name[SESSION_FIELD_MAX + 1], *grades, *text;
	const Survey *misfit = menu_misfit(ui, class_name);

	if (misfit == NULL || ui->message != NULL)
		return;
	grades = survey_grades_text(misfit);
	text = xasprintf(_("«%s» is for grades %s, and the class is %s."), misfit->title, grades,
	                 class_name);
	widget_prompt(
	    ui, layout_banner(ui->width, ui->height, ui->scale, LAYOUT_BANNER_ABOVE_FOOTER, false),
	    text);
	free(text);
	free(grades);
}

/* The way to the values no questionnaire measures (screen_enter.c): the
 * last of the right column, under the switches (menu_draw_switches()). */
static void
menu_draw_enter(Ui *ui, GfxRect r)
{
	widget_button(ui, r, 0, _("Enter indicator values"), NULL, BUTTON_NORMAL,
	              (Action){ .type = ACTION_CHOOSE, .index = MENU_ENTER });
}

static void
menu_draw(Ui *ui)
{
	int cap = ui_px(ui, 26);
	GfxRect start = ui_footer(ui, LAYOUT_RIGHT, 32, 360);
	GfxRect quit = ui_footer(ui, LAYOUT_LEFT, 32, 240);
	GfxRect results = ui_footer(ui, LAYOUT_LEFT, 288, 240);
	GfxRect report = ui_footer(ui, LAYOUT_LEFT, 544, 240);
	GfxRect enter;
	const char *who = _("Who answers"), *wave = _("Diagnostic wave"),
	           *surveys = _("Questionnaires (in this order)"), *all = _("For everybody"),
	           *school = store_school(ui->store);
	/* The school's name (`anketa school`) tells whose kiosk this is. */
	char *title = school[0] ? xasprintf("%s · %s", _("School psychologist's menu"), school)
	                        : xstrdup(_("School psychologist's menu"));
	char *today = ui->menu.has_today
	                  ? xasprintf(_("Today: %d completed, %d unfinished"),
	                              ui->menu.today.completed, ui->menu.today.unfinished)
	                  : NULL;

	widget_header(ui, title, today, -1);
	free(today);
	free(title);
	gfx_text(ui->gfx, who, strlen(who), cap, true, UI_TEXT, ui_px(ui, 48), ui_px(ui, 76));
	menu_row(ui, ui_px(ui, 112), menu_audience_labels, 4, ui->menu.audience, MENU_AUDIENCE);
	gfx_text(ui->gfx, wave, strlen(wave), cap, true, UI_TEXT, ui_px(ui, 48), ui_px(ui, 180));
	menu_draw_waves(ui, ui_px(ui, 216));
	gfx_text(ui->gfx, all, strlen(all), cap, true, UI_TEXT, ui_px(ui, MENU_RIGHT_X),
	         ui_px(ui, 76));
	enter = menu_draw_switches(ui);
	gfx_text(ui->gfx, surveys, strlen(surveys), cap, true, UI_TEXT, ui_px(ui, 48),
	         ui_px(ui, 292));
	menu_draw_class(ui);
	menu_draw_surveys(ui, ui_px(ui, 330));
	widget_button(ui, report, 0, _("Report (PDF)"), NULL, BUTTON_NORMAL,
	              (Action){ .type = ACTION_CHOOSE, .index = MENU_REPORT });
	widget_button(ui, results, 0, _("Results"), NULL, BUTTON_NORMAL,
	              (Action){ .type = ACTION_CHOOSE, .index = MENU_RESULTS });
	widget_button(ui, start, 0, _("Start the session"), NULL, BUTTON_PRIMARY,
	              (Action){ .type = ACTION_CHOOSE, .index = MENU_START });
	widget_button(ui, quit, 0, _("Close the kiosk"), NULL, BUTTON_NORMAL,
	              (Action){ .type = ACTION_CHOOSE, .index = MENU_QUIT });
	menu_draw_misfit(ui);
	/* Drawn last, so the other buttons keep their places among the targets. */
	menu_draw_enter(ui, enter);
}

/* Where the kiosk saves the report: $ANKETA_REPORT_DIR, else ~/Anketa. The
 * caller frees the result. */
static char *
menu_report_dir(void)
{
	const char *dir = getenv("ANKETA_REPORT_DIR"), *home = getenv("HOME");

	if (dir != NULL && dir[0] != '\0')
		return xstrdup(dir);
	return xasprintf("%s/Anketa", home ? home : ".");
}

/* Saves today's PDF report and the workbook of all tables, and says where. */
static void
menu_save_report(Ui *ui)
{
	char *dir = menu_report_dir(), *pdf, *xlsx, *cause = NULL, day[11];
	Analysis *analysis = NULL;
	time_t now = time(NULL);
	struct tm tm;

	localtime_r(&now, &tm);
	strftime(day, sizeof day, "%Y-%m-%d", &tm);
	pdf = xasprintf("%s/anketa-report-%s.pdf", dir, day);
	xlsx = xasprintf("%s/anketa-tables-%s.xlsx", dir, day);
	if (mkdir(dir, 0755) != 0 && errno != EEXIST)
		cause = xasprintf(_("cannot create the folder %s: %s"), dir, strerror(errno));
	else
		analysis = analysis_build(ui->store, ui->surveys, ui->programs, ui->n_programs,
		                          NULL, &cause);
	if (analysis != NULL && report_save(ui->store, analysis, pdf, &cause) == 0)
		export_workbook_save(ui->store, analysis, xlsx, &cause);
	analysis_free(analysis);
	if (cause != NULL) {
		ui_set_message(ui, cause);
	} else {
		char *notice = xasprintf(_("The report and the tables are saved in %s"), dir);
		ui_set_notice(ui, notice);
		free(notice);
	}
	free(cause);
	free(xlsx);
	free(pdf);
	free(dir);
}

/* Chooses a survey as the last of the battery, or takes it out (the ones
 * after it move up a place). */
static void
menu_toggle(Ui *ui, int survey)
{
	int was = ui->menu.rank[survey], last = 0;

	for (int i = 0; i < 64; i++) {
		if (was > 0 && ui->menu.rank[i] > was)
			ui->menu.rank[i]--;
		if (ui->menu.rank[i] > last)
			last = ui->menu.rank[i];
	}
	ui->menu.rank[survey] = was > 0 ? 0 : last + 1;
}

/* True when the class for everybody is empty (each respondent gives it) or
 * a class: in its one spelling a grade and a letter, or a class of the
 * school's list. */
static bool
menu_class_ok(const Ui *ui)
{
	char name[SESSION_FIELD_MAX + 1], *cause = NULL;
	StoreClass listed;
	int found;

	classname_normalize(ui->menu.class_name, name, sizeof name);
	if (name[0] == '\0' || classname_valid(name))
		return true;
	found = store_classes_get(ui->store, name, &listed, &cause);
	free(cause);
	return found == 1;
}

/* Configures the session from the menu's choices; false with a message when
 * nothing is chosen. */
static bool
menu_start(Ui *ui)
{
	const char *ids[64];
	int n = 0;
	char *cause = NULL;

	/* The battery in the order the surveys were chosen. */
	for (int place = 1; place <= 64; place++) {
		for (int i = 0; i < ui->surveys->n && i < 64; i++) {
			if (ui->menu.rank[i] == place && menu_survey_fits(ui, i) &&
			    !survey_is_placeholder(ui->surveys->items[i]))
				ids[n++] = ui->surveys->items[i]->id;
		}
	}
	if (n == 0) {
		ui_set_message(ui, _("Choose at least one questionnaire."));
		return false;
	}
	if (!menu_class_ok(ui)) {
		ui_set_message(ui,
		               _("The class for everybody is a grade from 1 to 11 and a letter, "
		                 "like 7B, or a class of the school's list."));
		return false;
	}
	if (ui->menu.wave >= ui->n_waves) {
		ui_set_message(ui, _("No wave to choose: put the programme file in "
		                     "surveys/programs."));
		return false;
	}
	if (session_configure(ui->session, ui->waves[ui->menu.wave].id, ui->menu.class_name,
	                      menu_audiences[ui->menu.audience], ids, n, &cause) != 0) {
		ui_set_message(ui, cause);
		free(cause);
		return false;
	}
	ui_set_message(ui, NULL);
	session_close_menu(ui->session);
	return true;
}

/* A click on a questionnaire: chosen or taken out; a template still to be
 * filled in cannot be chosen, and the menu says why. */
static void
menu_choose_survey(Ui *ui, int survey)
{
	if (survey_is_placeholder(ui->surveys->items[survey])) {
		char *why = xasprintf(_("«%s» is a template: its wording and keys are still "
		                        "placeholders until the school puts in its licensed text."),
		                      ui->surveys->items[survey]->title);
		ui_set_message(ui, why);
		free(why);
		return;
	}
	menu_toggle(ui, survey);
}

static void
menu_handle(Ui *ui, const Action *a)
{
	int i = a->index;

	/* Whatever the psychologist does next, an old notice ("choose at least
	 * one questionnaire", "the report is saved") has had its day. */
	if (a->type == ACTION_CHOOSE || a->type == ACTION_TEXT || a->type == ACTION_BACK)
		ui_set_message(ui, NULL);
	if (a->type == ACTION_CANCEL) {
		ui_set_message(ui, NULL);
		session_close_menu(ui->session);
	} else if (a->type == ACTION_NEXT || (a->type == ACTION_CHOOSE && i == MENU_START)) {
		menu_start(ui);
	} else if (a->type == ACTION_TEXT) {
		menu_type(ui, a->text);
	} else if (a->type == ACTION_BACK) {
		menu_erase(ui);
	} else if (a->type != ACTION_CHOOSE) {
		return;
	} else if (i == MENU_READ) {
		ui->read_aloud = !ui->read_aloud;
	} else if (i == MENU_CODE) {
		session_require_code(ui->session, !session_code_required(ui->session));
	} else if (i == MENU_REPORT) {
		menu_save_report(ui);
	} else if (i == MENU_RESULTS) {
		ui_set_message(ui, NULL);
		session_show_results(ui->session);
	} else if (i == MENU_ENTER) {
		ui_set_message(ui, NULL);
		session_show_enter(ui->session);
	} else if (i == MENU_QUIT) {
		ui->quit = true;
	} else if (i >= MENU_SURVEY && i < MENU_SURVEY + 64) {
		menu_choose_survey(ui, i - MENU_SURVEY);
	} else if (i >= MENU_WAVE && i < MENU_WAVE + MENU_MAX_WAVES &&
	           i - MENU_WAVE < ui->n_waves) {
		ui->menu.wave = i - MENU_WAVE;
	} else if (i >= MENU_AUDIENCE && i < MENU_AUDIENCE + 4) {
		ui->menu.audience = i - MENU_AUDIENCE;
	}
}

/* The local midnight as the store writes times: "2026-09-15T21:00:00Z"
 * for a school three hours east of Greenwich. */
static void
menu_midnight_utc(char buf[21])
{
	time_t now = time(NULL), midnight;
	struct tm tm;

	localtime_r(&now, &tm);
	tm.tm_hour = tm.tm_min = tm.tm_sec = 0;
	tm.tm_isdst = -1;
	midnight = mktime(&tm);
	gmtime_r(&midnight, &tm);
	strftime(buf, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* How the day went on this kiosk, read once when the menu opens. */
static void
menu_enter(Ui *ui)
{
	char since[21], *cause = NULL;

	menu_midnight_utc(since);
	ui->menu.has_today = store_progress_since(ui->store, since, &ui->menu.today, &cause) == 0;
	free(cause);
}

const struct screen screen_menu = {
	.name = "menu",
	.enter = menu_enter,
	.handle = menu_handle,
	.draw = menu_draw,
	.banner = LAYOUT_BANNER_ABOVE_FOOTER,
};
