/*
 * plural.h: a count with its noun in the form the language takes for that
 * number: "1 обучающийся", "2 обучающихся", "21 обучающийся",
 * "5 родителей". The forms come from the message catalogue through
 * ngettext(), so the rule is the catalogue's Plural-Forms (Russian: one
 * for 1, 21, 31 ... but not 11; few for 2-4, 22-24 ... but not 12-14;
 * many for the rest) and English gets "1 student", "2 students".
 */
#ifndef ANKETA_PLURAL_H
#define ANKETA_PLURAL_H

typedef enum {
	PLURAL_STUDENT, /* обучающийся */
	PLURAL_PARENT,  /* родитель */
	PLURAL_TEACHER, /* педагог */
	PLURAL_HEAD,    /* руководитель */
	PLURAL_CLASS,   /* класс */
	PLURAL_PERSON,  /* человек */
	PLURAL_SITTING, /* анкета (a completed questionnaire) */
} PluralNoun;

/* "n noun" with the noun in the form for n, as a new string the caller
 * frees. */
char *plural_count(unsigned long n, PluralNoun noun);

#endif
