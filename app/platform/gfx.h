/*
 * gfx.h: the only drawing interface the screens use: filled and rounded
 * rectangles, cached lines of text, cached pictures, and the two value types
 * they are drawn with (a rectangle in pixels, a colour). Wraps an
 * SDL_Renderer; the header itself needs no SDL. Laying text out (wrapping,
 * fitting into a box) is left to the UI: gfx draws and measures single lines.
 *
 * Rendered text is cached as textures keyed by (string, size, weight,
 * colour), and measured widths by (string, size, weight), so an unchanged
 * screen costs no TTF work when it is redrawn. A screen about to be shown
 * can be rehearsed: drawn with nothing drawn, only the caches filled, so
 * that its first frame costs no more than a redraw.
 */
#ifndef ANKETA_GFX_H
#define ANKETA_GFX_H

#include <cairo.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct Gfx Gfx;
struct SDL_Renderer;

/* A rectangle in output pixels: top-left corner and size. */
typedef struct {
	int x, y, w, h;
} GfxRect;

typedef struct {
	uint8_t r, g, b, a;
} GfxColor;

/*
 * Creates the drawing context for a renderer and opens the UI font (DejaVu
 * Sans from assets/fonts/, $ANKETA_FONT_DIR or the system's fonts). Returns
 * NULL and sets *cause (caller frees) when no font can be opened.
 */
Gfx *gfx_create(struct SDL_Renderer *renderer, const char *assets_dir, char **cause);

void gfx_free(Gfx *gfx);

/* Starts a frame: the text it draws counts as recently used (the caches
 * evict the least recently used first). Ends a rehearsal. */
void gfx_begin_frame(Gfx *gfx);

/* Starts a rehearsal: until the next gfx_begin_frame(), drawing renders text
 * and scales pictures into the caches but puts nothing on the screen. */
void gfx_begin_rehearsal(Gfx *gfx);

/* Output size in pixels. */
void gfx_size(Gfx *gfx, int *width, int *height);

void gfx_clear(Gfx *gfx, GfxColor color);
void gfx_fill(Gfx *gfx, GfxRect rect, GfxColor color);
/*
 * A card: a rectangle with rounded corners of the given radius, its border
 * thickness pixels wide inside rect in one colour and the rest in another
 * (a fill with alpha 0 leaves the inside alone). Every pixel is drawn once;
 * the corners come from a texture made once per style.
 */
void gfx_card(Gfx *gfx, GfxRect rect, int radius, int thickness, GfxColor fill, GfxColor border);
/* A filled rectangle with rounded corners of the given radius. */
void gfx_fill_rounded(Gfx *gfx, GfxRect rect, int radius, GfxColor color);
/* Only the outline of a rounded rectangle, thickness pixels wide inside r
 * (the inner corner radius is radius - thickness). */
void gfx_ring_rounded(Gfx *gfx, GfxRect r, int radius, int thickness, GfxColor color);

/* A filled triangle. */
void gfx_fill_triangle(Gfx *gfx, int x0, int y0, int x1, int y1, int x2, int y2, GfxColor color);

/* A filled circle centred at (cx, cy). */
void gfx_fill_circle(Gfx *gfx, int cx, int cy, int radius, GfxColor color);

/* Width in pixels of the first len bytes of text at a pixel size. */
int gfx_text_width(Gfx *gfx, const char *text, size_t len, int size, bool bold);

/* How many lines of text the font engine has rendered and measured so far,
 * cache misses all (for tests and benchmarks). */
void gfx_text_work(Gfx *gfx, unsigned long *rendered, unsigned long *measured);

/* Draws one line of text with its top-left at (x, y). */
void gfx_text(Gfx *gfx, const char *text, size_t len, int size, bool bold, GfxColor color, int x,
              int y);

/* gfx_text_width() with the Gfx passed as a plain pointer: the shape of a
 * measuring callback for whoever lays text out. */
int gfx_measure(void *gfx, const char *text, size_t len, int size, bool bold);

/* Draws a PNG picture (path relative to the assets directory) fitted into
 * rect keeping its aspect ratio. Returns false when it cannot be loaded. */
bool gfx_picture(Gfx *gfx, const char *path, GfxRect rect);

/*
 * Paints a drawing with cairo onto cr, a white image of w x h pixels (0, 0
 * at its top-left): the UI's vector drawings (charts) are made this way.
 * Returns 0, or -1 when it cannot (the image is then not shown).
 */
typedef int (*GfxPainter)(void *ctx, cairo_t *cr, int w, int h);

/*
 * Draws the drawing called key at rect. The first time key is asked for at
 * rect's size, paint (with ctx) paints it into an image of that size, which
 * becomes a texture; after that it is copied from a cache of a few
 * drawings (the least recently used replaced), so a redraw costs no
 * painting. A caller whose data changes gives a new key. During a
 * rehearsal the drawing is painted into the cache and not shown. Returns
 * false when paint failed or there was no memory for it.
 */
bool gfx_drawing(Gfx *gfx, const char *key, GfxRect rect, GfxPainter paint, void *ctx);

#endif
