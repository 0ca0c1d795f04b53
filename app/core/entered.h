/*
 * entered.h: the values of the indicators the psychologist enters (a count
 * of events, "N of M" people, да / нет; program.h's entered kinds): what a
 * typed value may be, how "18" alone becomes "18 of the class's parents",
 * and storing one (DESIGN.md sections 3 to 5). `anketa enter` and the
 * kiosk's entry screen both call entered_put(); the indicator tables
 * (export.h) read the stored values back.
 */
#ifndef ANKETA_ENTERED_H
#define ANKETA_ENTERED_H

#include <stdbool.h>

#include "program.h"
#include "store.h"

/* One value as the indicator engine counts it. */
typedef struct {
	int n;       /* count: the number; share: N; yes/no: 1 да, 0 нет */
	int of;      /* share: M (the people counted); 0 until known */
	bool has_of; /* share: M was typed or found in the class list */
} EnteredValue;

/* The largest count, N or M a value may hold. */
#define ENTERED_MAX 100000

/*
 * Reads text as a value of an indicator of kind (an entered kind): a count
 * is a whole number ("7"); a share "N/M" ("18/25", N <= M, M > 0) or "N"
 * alone (has_of false: M comes from the class list, entered_resolve()); a
 * yes/no "да" or "нет" (any letter case; "yes", "no" too). Spaces around
 * the value and around "/" are allowed. Returns 0, or -1 with *cause (one
 * sentence saying what is expected; the caller frees it).
 */
int entered_parse(IndicatorKind kind, const char *text, EnteredValue *out, char **cause);

/* The value as it is stored and shown: "7", "18/25", "да" / "нет". The
 * caller frees it. */
char *entered_format(IndicatorKind kind, const EnteredValue *value);

/*
 * Fills in M of a share typed as "N" alone from the class list: the
 * indicator's `expected` people (parents or students) of the class, or for
 * the whole school (class_name "*") of every class the programme counts
 * (all, or only the flagged ones with `classes: flagged`). Refuses (-1
 * with *cause) an indicator without `expected` (then "N/M" is needed), a
 * class the list does not have or that expects nobody, and N above M.
 * A value with M already, or of another kind, is left as it is (0).
 */
int entered_resolve(const Program *program, const Indicator *ind, const char *class_name,
                    const StoreClass *classes, int n_classes, EnteredValue *value, char **cause);

/*
 * Stores what the psychologist typed for one indicator, wave and class
 * ("*" or NULL for the whole school): checks that the programme has the
 * indicator and that it is entered, that the wave is one of the
 * programme's, that a yes/no one is given for the whole school, that a
 * class is one the programme counts (flagged, with `classes: flagged`),
 * parses the
 * value (text "-" clears it: the indicator has no value there any more)
 * and resolves "N" with the stored class list, then keeps it with the time
 * (store_entered_put(), audited). *said gets a sentence for the person
 * ("2.2, Стартовый этап мониторинга, 5А: 18 из 25"; the caller frees it).
 * Returns 0, or -1 with *cause and nothing stored.
 */
int entered_put(Store *store, const Program *program, const char *indicator_id, const char *wave,
                const char *class_name, const char *text, char **said, char **cause);

/* 1 for да / yes in the usual letter cases (да, Да, ДА, yes, Yes, YES), 0
 * for нет / no in the same cases, -1 for anything else: the one reading of
 * a yes/no word a person types (an entered value, the class list's flag). */
int entered_yesno(const char *word);

#endif
