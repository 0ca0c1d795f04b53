/*
 * screen_question.c: one question with large answer buttons; keys 1-9 or a
 * click choose, and the choice stays visibly confirmed for a moment.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui.h"
#include "util.h"

static bool
question_has_pictures(const SurveyQuestion *q)
{
	for (int i = 0; i < q->n_options; i++) {
		if (q->options[i].picture != NULL)
			return true;
	}
	return false;
}

/* The options of q; chosen ones as the session says when current, else none. */
static void
question_draw_options(Ui *ui, const SurveyQuestion *q, GfxRect area, bool current)
{
	GfxRect rects[64];
	bool pictures = question_has_pictures(q);
	int n = q->n_options < 64 ? q->n_options : 64;

	layout_options(area, n, pictures, ui_px(ui, 20), rects);
	for (int i = 0; i < n; i++) {
		bool chosen = current && session_option_chosen(ui->session, i);
		widget_button(ui, rects[i], i < 9 ? i + 1 : 0, q->options[i].label,
		              q->options[i].picture, chosen ? BUTTON_CHOSEN : BUTTON_NORMAL,
		              (Action){ .type = ACTION_CHOOSE, .index = i });
	}
}

static void
question_draw_input(Ui *ui, const SurveyQuestion *q, GfxRect area, bool current)
{
	GfxRect field = { area.x + (area.w - ui_px(ui, 640)) / 2, area.y, ui_px(ui, 640),
		          ui_px(ui, 130) };

	widget_field(
	    ui, field, q->type == QUESTION_NUMBER ? _("Type a number") : _("Type your answer"),
	    current ? session_input(ui->session) : "", true, (Action){ .type = ACTION_NONE });
	if (current && session_prompt(ui->session) != NULL)
		widget_prompt(
		    ui,
		    (GfxRect){ field.x, field.y + field.h + ui_px(ui, 8), field.w, ui_px(ui, 44) },
		    session_prompt(ui->session));
}

/* The line of help: "ты" for children, "Вы" for adults. */
static const char *
question_hint(const Ui *ui, QuestionType type)
{
	bool child = strcmp(session_audience(ui->session), "student") == 0;

	if (type == QUESTION_NUMBER || type == QUESTION_TEXT)
		return child ? _("Type, then press Enter") : _("Please type, then press Enter");
	if (type == QUESTION_MULTI)
		return child ? _("Choose all that fit, then press Enter")
		             : _("Please choose all that fit, then press Enter");
	return child ? _("Press a number key or a button")
	             : _("Please press a number key or a button");
}

/* Question index of survey; current: the one the session is at, else a
 * rehearsal of one not answered yet. */
static void
question_draw_at(Ui *ui, const Survey *survey, int index, bool current)
{
	Session *s = ui->session;
	int w = ui->width, h = ui->height;
	const SurveyQuestion *q = &survey->questions[index];
	char *note = xasprintf(_("Question %d of %d"), index + 1, survey->n_questions);
	GfxRect text = { ui_px(ui, 64), ui_px(ui, 104), w - ui_px(ui, 128), h * 27 / 100 };
	GfxRect area = { ui_px(ui, 48), text.y + text.h + ui_px(ui, 16), w - ui_px(ui, 96),
		         h - text.y - text.h - ui_px(ui, 130) };
	GfxRect back = ui_footer(ui, LAYOUT_LEFT, 32, 220);
	GfxRect done = ui_footer(ui, LAYOUT_RIGHT, 32, 260);
	bool typed = q->type == QUESTION_NUMBER || q->type == QUESTION_TEXT;

	if (q->n_options > 4 && !question_has_pictures(q)) {
		/* Many answers: the question takes only the room its text needs. */
		LayoutLine lines[LAYOUT_MAX_LINES];
		int n = 0, size = layout_fit(q->text, text.w, text.h, ui_px(ui, 46), ui_px(ui, 22),
		                             true, gfx_measure, ui->gfx, lines, &n);
		int need = n * layout_line_height(size) + ui_px(ui, 16);
		text.h = need > h * 12 / 100 ? (need < text.h ? need : text.h) : h * 12 / 100;
		area.y = text.y + text.h + ui_px(ui, 16);
		area.h = h - area.y - ui_px(ui, 130);
	}
	widget_header(ui, survey->title, note, (double)index / survey->n_questions);
	free(note);
	widget_text_box(ui, q->text, text, ui_px(ui, 46), ui_px(ui, 22), true, UI_TEXT, 1, true);
	if (typed)
		question_draw_input(ui, q, area, current);
	else
		question_draw_options(ui, q, area, current);
	widget_button(ui, back, 0, _("< Back"), NULL, BUTTON_NORMAL,
	              (Action){ .type = ACTION_BACK, .index = 1 });
	widget_speaker(ui, (GfxRect){ back.x + back.w + ui_px(ui, 20), back.y, back.h, back.h });
	if (typed || q->type == QUESTION_MULTI ||
	    (current && session_answer(s, index) != NULL && !session_confirming(s))) {
		widget_button(ui, done, 0, _("Next >"), NULL, BUTTON_PRIMARY,
		              (Action){ .type = ACTION_NEXT });
	}
	/* A prompt about the options (a multi answer with nothing chosen)
	 * takes the hint's place, by "Next". */
	if (current && !typed && session_prompt(s) != NULL)
		widget_prompt(ui, layout_hint(ui->width, ui->height, ui->scale), session_prompt(s));
	else
		widget_hint(ui, question_hint(ui, q->type));
}

static void
question_draw(Ui *ui)
{
	question_draw_at(ui, session_survey(ui->session), session_question_index(ui->session),
	                 true);
}

void
screen_question_draw_next(Ui *ui, int position, int index)
{
	const Survey *survey = session_battery_survey(ui->session, position);

	if (survey != NULL && index < survey->n_questions)
		question_draw_at(ui, survey, index, false);
}

/* The next question, else the next survey's instructions, else the thanks. */
static void
question_rehearse(Ui *ui)
{
	Session *s = ui->session;
	int position = session_battery_position(s), next = session_question_index(s) + 1;

	if (next < session_survey(s)->n_questions)
		screen_question_draw_next(ui, position, next);
	else if (position + 1 < session_battery_size(s))
		screen_instructions_draw_at(ui, position + 1);
	else
		screen_thanks.draw(ui);
}

static void
question_handle(Ui *ui, const Action *a)
{
	Session *s = ui->session;
	const SurveyQuestion *q = &session_survey(s)->questions[session_question_index(s)];
	bool typed = q->type == QUESTION_NUMBER || q->type == QUESTION_TEXT;

	switch (a->type) {
	case ACTION_CHOOSE:
		if (!typed)
			session_choose(s, a->index, ui->now);
		break;
	case ACTION_TEXT:
		if (typed)
			session_type(s, a->text, ui->now);
		break;
	case ACTION_BACK:
		if (typed && session_input(s)[0] != '\0' && a->index == 0)
			session_erase(s, ui->now);
		else
			session_back(s, ui->now);
		break;
	case ACTION_NEXT:
		session_next(s, ui->now);
		break;
	default:
		break;
	}
}

const struct screen screen_question = {
	.name = "question",
	.handle = question_handle,
	.draw = question_draw,
	.rehearse = question_rehearse,
};
