/*
 * fontface.c: DejaVu Sans from its files through FreeType (see fontface.h).
 */
#include "fontface.h"

#include <cairo-ft.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include <stdlib.h>
#include <unistd.h>

#include "util.h"

static cairo_font_face_t *fontface_faces[2];

/* The first readable dir/name of $ANKETA_FONT_DIR, the data folder's
 * assets/fonts and Debian's DejaVu folder; NULL when there is none. */
static char *
find_font(const char *name)
{
	const char *env = getenv("ANKETA_FONT_DIR");
	char *ours = xasprintf("%s/assets/fonts", util_data_dir());
	const char *dirs[] = { env, ours, "/usr/share/fonts/truetype/dejavu" };
	char *found = NULL;

	for (size_t i = 0; found == NULL && i < sizeof dirs / sizeof dirs[0]; i++) {
		char *path;
		if (dirs[i] == NULL || dirs[i][0] == '\0')
			continue;
		path = xasprintf("%s/%s", dirs[i], name);
		if (access(path, R_OK) == 0)
			found = path;
		else
			free(path);
	}
	free(ours);
	return found;
}

cairo_font_face_t *
fontface_get(bool bold, char **cause)
{
	static FT_Library library;
	char *path;
	FT_Face face;

	if (fontface_faces[bold] != NULL)
		return fontface_faces[bold];
	if (library == NULL && FT_Init_FreeType(&library) != 0) {
		library = NULL;
		*cause = xasprintf(_("cannot start the font engine: %s"), "FreeType");
		return NULL;
	}
	path = find_font(bold ? "DejaVuSans-Bold.ttf" : "DejaVuSans.ttf");
	if (path == NULL)
		path = find_font("DejaVuSans.ttf");
	if (path == NULL || FT_New_Face(library, path, 0, &face) != 0) {
		free(path);
		*cause = xstrdup(_("the font DejaVuSans.ttf was not found: install the "
		                   "Debian package fonts-dejavu-core"));
		return NULL;
	}
	free(path);
	fontface_faces[bold] = cairo_ft_font_face_create_for_ft_face(face, 0);
	return fontface_faces[bold];
}
