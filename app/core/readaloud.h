/*
 * readaloud.h: the words the kiosk speaks for a young child who cannot read
 * well yet: the question's number, its text, and every answer with its key.
 * Pure text; app/platform/speech.c turns it into sound.
 */
#ifndef ANKETA_READALOUD_H
#define ANKETA_READALOUD_H

#include "survey.h"

/*
 * "Вопрос 2 из 10. Тебе нравится в школе? 1 — Да. 2 — Иногда. 3 — Нет."
 * (in the catalogue's language). number is 1-based; options past the ninth
 * have no key and are read without one. The caller frees the result.
 */
char *readaloud_question(const SurveyQuestion *question, int number, int count);

/* The survey's title and instructions, for the instructions screen. The
 * caller frees the result. */
char *readaloud_instructions(const Survey *survey);

#endif
