/*
 * spravka.h: the psychologist's analytical note (аналитическая справка) as
 * an editable document (doc.h: .odt or .docx), presenting an analysis
 * (analysis.h): the school, the programme, the waves with their dates and
 * how many students, parents and teachers took part; per indicator one
 * sentence (its value, target, met or not, the change since the baseline,
 * the classes below target), its table and its chart; the paired change;
 * the sizes of the level groups of the indicators' scales (counts only, no
 * codes); how many answers raised an alert (no details); the instruments
 * and their sources; and an empty "Рекомендации" section for the
 * psychologist to write. Small groups are suppressed (suppress.h).
 */
#ifndef ANKETA_SPRAVKA_H
#define ANKETA_SPRAVKA_H

#include "analysis.h"
#include "doc.h"
#include "store.h"

/*
 * The справка of the analysis, dated date ("15.09.2026"), as a new
 * document (free it with doc_free()). Returns NULL with *cause (one
 * sentence; the caller frees it) when a chart cannot be drawn (no font).
 */
Doc *spravka_build(const Analysis *analysis, const char *date, char **cause);

/*
 * Writes the справка of the analysis, dated today, to path (".odt" or
 * ".docx", by its ending) whole or not at all (outfile.h); the audit log of
 * store notes it. Returns 0, or -1 with *cause (one sentence; the caller
 * frees it).
 */
int spravka_save(Store *store, const Analysis *analysis, const char *path, char **cause);

#endif
