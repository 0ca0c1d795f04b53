/*
 * screen_question.c: one question. Choices are large buttons (keys 1-9 or
 * a click choose; the choice stays visibly confirmed for a moment), a
 * multi question's are check boxes; a number has its range and a number
 * pad; a text wraps in its box and says how much room is left.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "answer.h"
#include "ui.h"
#include "util.h"

/* ACTION_BACK's index from the number pad's erase key (Backspace is 0,
 * "Back" and the left arrow 1). */
#define QUESTION_ERASE 2

static bool
question_has_pictures(const SurveyQuestion *q)
{
	for (int i = 0; i < q->n_options; i++) {
		if (q->options[i].picture != NULL)
			return true;
	}
	return false;
}

/* The options of q; chosen ones as the session says when current, else
 * none. A multi question's options are check boxes. */
static void
question_draw_options(Ui *ui, const SurveyQuestion *q, GfxRect area, bool current)
{
	GfxRect rects[64];
	bool pictures = question_has_pictures(q), multi = q->type == QUESTION_MULTI;
	int n = q->n_options < 64 ? q->n_options : 64;

	layout_options(area, n, pictures, ui_px(ui, 20), rects);
	for (int i = 0; i < n; i++) {
		bool chosen = current && session_option_chosen(ui->session, i);
		ButtonStyle style = multi ? (chosen ? BUTTON_CHECKED : BUTTON_CHECK)
		                          : (chosen ? BUTTON_CHOSEN : BUTTON_NORMAL);
		widget_button(ui, rects[i], i < 9 ? i + 1 : 0, q->options[i].label,
		              q->options[i].picture, style,
		              (Action){ .type = ACTION_CHOOSE, .index = i });
	}
}

/* The caption of a number's field: what to type, with the range. The
 * caller frees it. */
static char *
question_number_caption(const Ui *ui, const SurveyQuestion *q)
{
	bool child = strcmp(session_audience(ui->session), "student") == 0;
	double min, max;
	char *from, *to, *caption;

	if (!answer_number_bounds(q, &min, &max))
		return xstrdup(child ? _("Type a number") : _("Please type a number"));
	from = answer_number_text(min);
	to = answer_number_text(max);
	caption = xasprintf(child ? _("Type a number from %s to %s")
	                          : _("Please type a number from %s to %s"),
	                    from, to);
	free(from);
	free(to);
	return caption;
}

/* The on-screen number pad: digits, the decimal comma, the minus when the
 * range has negative numbers (or no bounds), and erase, in the rows of a
 * phone's pad, centred in area. */
static void
question_draw_pad(Ui *ui, const SurveyQuestion *q, GfxRect area)
{
	static const char *const keys[] = { "1", "2", "3", "\u232b", "4",      "5",  "6",
		                            ",", "7", "8", "9",      "\u2212", NULL, "0" };
	double min = 0, max = 0;
	bool minus = !answer_number_bounds(q, &min, &max) || min < 0;
	int gap = ui_px(ui, 14), kw = (area.w - 3 * gap) / 4, kh = (area.h - 3 * gap) / 4;
	GfxRect pad;

	kw = kw < ui_px(ui, 120) ? kw : ui_px(ui, 120);
	kh = kh < ui_px(ui, 96) ? kh : ui_px(ui, 96);
	pad = (GfxRect){ area.x + (area.w - 4 * kw - 3 * gap) / 2,
		         area.y + (area.h - 4 * kh - 3 * gap) / 2, 4 * kw + 3 * gap,
		         4 * kh + 3 * gap };
	for (int i = 0; i < (int)(sizeof keys / sizeof keys[0]); i++) {
		Action a = { .type = ACTION_TEXT };
		if (keys[i] == NULL || (i == 11 && !minus))
			continue;
		if (i == 3)
			a = (Action){ .type = ACTION_BACK, .index = QUESTION_ERASE };
		else
			snprintf(a.text, sizeof a.text, "%s", i == 11 ? "-" : keys[i]);
		widget_button(ui, layout_grid(pad, 4, 4, gap, i), 0, keys[i], NULL, BUTTON_NORMAL,
		              a);
	}
}

/* A number question: its field with the range and the prompt's row under
 * it on the left, the pad on the right. */
static void
question_draw_number(Ui *ui, const SurveyQuestion *q, GfxRect area, bool current)
{
	int half = area.w * 55 / 100, fw = half - ui_px(ui, 48);
	GfxRect field = { area.x + (half - fw) / 2, area.y + ui_px(ui, 16), fw, ui_px(ui, 130) };
	char *caption = question_number_caption(ui, q);

	widget_field(ui, field, caption, current ? session_input(ui->session) : "", true,
	             (Action){ .type = ACTION_NONE });
	free(caption);
	if (current && session_prompt(ui->session) != NULL)
		widget_prompt(
		    ui,
		    (GfxRect){ field.x, field.y + field.h + ui_px(ui, 8), field.w, ui_px(ui, 44) },
		    session_prompt(ui->session));
	question_draw_pad(ui, q, (GfxRect){ area.x + half, area.y, area.w - half, area.h });
}

/* A text question: a box the text wraps in, how much room is left, and
 * the prompt's row under it. */
static void
question_draw_text(Ui *ui, GfxRect area, bool current)
{
	int w = area.w < ui_px(ui, 1000) ? area.w : ui_px(ui, 1000);
	GfxRect box = { area.x + (area.w - w) / 2, area.y, w, area.h - ui_px(ui, 52) };
	int left = current ? session_input_room(ui->session) : SESSION_TEXT_MAX;
	char *note = xasprintf(ngettext("%d character left", "%d characters left", left), left);

	widget_text_area(ui, box, _("Type your answer"), note,
	                 current ? session_input(ui->session) : "");
	free(note);
	if (current && session_prompt(ui->session) != NULL)
		widget_prompt(
		    ui, (GfxRect){ box.x, box.y + box.h + ui_px(ui, 8), box.w, ui_px(ui, 44) },
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

/* Where the question's text stands, and the area under it for the answer.
 * A question with many answers or a typed one takes only the room its text
 * needs (at least 12 % of the height), the rest is the answer's. */
static void
question_place(Ui *ui, const SurveyQuestion *q, GfxRect *text, GfxRect *area)
{
	int w = ui->width, h = ui->height;

	*text = (GfxRect){ ui_px(ui, 64), ui_px(ui, 104), w - ui_px(ui, 128), h * 27 / 100 };
	*area = (GfxRect){ ui_px(ui, 48), text->y + text->h + ui_px(ui, 16), w - ui_px(ui, 96),
		           h - text->y - text->h - ui_px(ui, 130) };
	if ((q->n_options > 4 && !question_has_pictures(q)) || !survey_type_scored(q->type)) {
		LayoutLine lines[LAYOUT_MAX_LINES];
		int n = 0, size = layout_fit(q->text, text->w, text->h, ui_px(ui, 46),
		                             ui_px(ui, 22), true, gfx_measure, ui->gfx, lines, &n);
		int need = n * layout_line_height(size) + ui_px(ui, 16);
		text->h = need > h * 12 / 100 ? (need < text->h ? need : text->h) : h * 12 / 100;
		area->y = text->y + text->h + ui_px(ui, 16);
		area->h = h - area->y - ui_px(ui, 130);
	}
}

/* Question index of survey; current: the one the session is at, else a
 * rehearsal of one not answered yet. */
static void
question_draw_at(Ui *ui, const Survey *survey, int index, bool current)
{
	Session *s = ui->session;
	const SurveyQuestion *q = &survey->questions[index];
	char *note = xasprintf(_("Question %d of %d"), index + 1, survey->n_questions);
	GfxRect text, area, back = ui_footer(ui, LAYOUT_LEFT, 32, 220);
	bool typed = !survey_type_scored(q->type);

	question_place(ui, q, &text, &area);
	widget_header(ui, survey->title, note, (double)index / survey->n_questions);
	free(note);
	widget_text_box(ui, q->text, text, ui_px(ui, 46), ui_px(ui, 22), true, UI_TEXT, 1, true);
	if (q->type == QUESTION_NUMBER)
		question_draw_number(ui, q, area, current);
	else if (q->type == QUESTION_TEXT)
		question_draw_text(ui, area, current);
	else
		question_draw_options(ui, q, area, current);
	widget_button(ui, back, 0, _("< Back"), NULL, BUTTON_NORMAL,
	              (Action){ .type = ACTION_BACK, .index = 1 });
	widget_speaker(ui, (GfxRect){ back.x + back.w + ui_px(ui, 20), back.y, back.h, back.h });
	if (typed || q->type == QUESTION_MULTI ||
	    (current && session_answer(s, index) != NULL && !session_confirming(s)))
		widget_button(ui, ui_footer(ui, LAYOUT_RIGHT, 32, 260), 0, _("Next >"), NULL,
		              BUTTON_PRIMARY, (Action){ .type = ACTION_NEXT });
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
		/* Backspace erases what is typed, then goes back; the pad's
		 * erase key only erases; "Back" (and ←) always goes back. */
		if (typed && a->index != 1 && session_input(s)[0] != '\0')
			session_erase(s, ui->now);
		else if (a->index != QUESTION_ERASE)
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
