/*
 * fontface.h: DejaVu Sans (regular and bold) as cairo font faces, for
 * everything the core draws with cairo (charts; the PDF report draws with
 * the same files). The faces are read from the font files themselves, not
 * looked up through fontconfig, so that the text always has the font that
 * has Cyrillic: from $ANKETA_FONT_DIR, else the data folder's assets/fonts,
 * else Debian's /usr/share/fonts/truetype/dejavu.
 */
#ifndef ANKETA_FONTFACE_H
#define ANKETA_FONTFACE_H

#include <cairo.h>
#include <stdbool.h>

/*
 * The regular or bold face, opened once per process and kept (cairo may
 * hold a face in its caches after any one drawing is finished); without
 * the bold file, bold text is set in the regular one. Returns NULL with
 * *cause (one sentence; the caller frees it) when there is no font file.
 * The face is borrowed.
 */
cairo_font_face_t *fontface_get(bool bold, char **cause);

#endif
