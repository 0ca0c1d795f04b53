/*
 * gfx.c: rectangles, cached text and cached pictures on an SDL_Renderer.
 */
#include "gfx.h"

#include <SDL.h>
#include <SDL_ttf.h>
#include <cairo.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "textcache.h"
#include "util.h"

#define GFX_FONT_SLOTS    24
#define GFX_PICTURE_SLOTS 32
#define GFX_CORNER_SLOTS  32
/* Painted drawings (gfx_drawing): a chart at 1920x1080 is about 4 MB. */
#define GFX_DRAWING_SLOTS 3
/* Opaque fills copy from a texture of their colour (see gfx_fill_rects). */
#define GFX_SOLID_SLOTS 16
#define GFX_SOLID_W     256
#define GFX_SOLID_H     32
/* Rendered text kept for reuse, in bytes of pixels, so the kiosk stays small
 * on an old PC (DESIGN.md: 40 MB): a question's text takes about 0.4 MB at
 * 1920x1080, the welcome screen's 1.2 MB. The screen shown and the one
 * rehearsed are kept whatever they take; the budget bounds what is kept
 * beyond them, the least recently used going first. (2 MB keeps the
 * kiosk's memory where emptying a 3 MB cache when full had it.) */
#define GFX_TEXT_SLOTS  1024
#define GFX_TEXT_BUDGET (2u << 20)
/* Measured widths: wrapping measures every prefix of a line at every size
 * it tries, the same again on each redraw. Only the keys cost memory. */
#define GFX_WIDTH_SLOTS  2048
#define GFX_WIDTH_BUDGET (128u << 10)

typedef struct {
	int size;
	bool bold;
	TTF_Font *font;
} GfxFont;

typedef struct {
	GfxColor color;
	SDL_Texture *texture;
} GfxSolid;

/* The corners of cards of one style, drawn once (see gfx_card). */
typedef struct {
	int radius, thickness;
	GfxColor fill, border;
	SDL_Texture *texture;
} GfxCorners;

typedef struct {
	char *path;
	cairo_surface_t *source; /* the PNG as loaded; NULL when it could not be */
	SDL_Texture *texture;    /* scaled to the size last drawn, or NULL */
	int w, h;                /* the texture's size */
} GfxPicture;

typedef struct {
	char *key;
	int w, h;
	SDL_Texture *texture;
	unsigned long used; /* when it was last drawn (Gfx.drawing_clock) */
} GfxDrawing;

struct Gfx {
	SDL_Renderer *renderer;
	char *assets_dir;
	char *font_path[2]; /* regular, bold */
	TTF_Font *spare[2]; /* each opened once at start: proof the file is a font */
	GfxFont fonts[GFX_FONT_SLOTS];
	int n_fonts;
	TextCache texts;  /* textures of rendered lines */
	TextCache widths; /* measured widths */
	bool rehearsing;  /* draw nothing, only fill the caches */
	GfxPicture pictures[GFX_PICTURE_SLOTS];
	int n_pictures;
	GfxCorners corners[GFX_CORNER_SLOTS];
	int n_corners, next_corner;
	GfxSolid solids[GFX_SOLID_SLOTS];
	int n_solids, next_solid;
	GfxDrawing drawings[GFX_DRAWING_SLOTS];
	unsigned long drawing_clock;
};

/* The first readable file among dir/name for the candidate directories. */
static char *
gfx_find_font(const char *assets_dir, const char *name)
{
	const char *env = getenv("ANKETA_FONT_DIR");
	char *dirs[3];
	char *found = NULL;

	dirs[0] = env ? xstrdup(env) : NULL;
	dirs[1] = xasprintf("%s/fonts", assets_dir);
	dirs[2] = xstrdup("/usr/share/fonts/truetype/dejavu");
	for (int i = 0; i < 3 && found == NULL; i++) {
		char *path;
		if (dirs[i] == NULL)
			continue;
		path = xasprintf("%s/%s", dirs[i], name);
		if (access(path, R_OK) == 0)
			found = path;
		else
			free(path);
	}
	for (int i = 0; i < 3; i++)
		free(dirs[i]);
	return found;
}

/* Opens both fonts once: a file that is there but is no font (damaged,
 * cut short) is said at start, and the spare stands in for a size that
 * cannot be opened later. */
static int
gfx_open_spares(Gfx *gfx, char **cause)
{
	for (int bold = 0; bold < 2; bold++) {
		gfx->spare[bold] = TTF_OpenFont(gfx->font_path[bold], 24);
		if (gfx->spare[bold] == NULL) {
			*cause = xasprintf(_("the font file %s is damaged: reinstall the Debian "
			                     "package fonts-dejavu-core"),
			                   gfx->font_path[bold]);
			return -1;
		}
	}
	return 0;
}

static void
gfx_destroy_texture(void *texture)
{
	SDL_DestroyTexture(texture);
}

Gfx *
gfx_create(SDL_Renderer *renderer, const char *assets_dir, char **cause)
{
	Gfx *gfx;

	if (!TTF_WasInit() && TTF_Init() != 0) {
		*cause = xasprintf(_("cannot start the font engine: %s"), TTF_GetError());
		return NULL;
	}
	gfx = xcalloc(1, sizeof *gfx);
	gfx->renderer = renderer;
	textcache_init(&gfx->texts, GFX_TEXT_SLOTS, GFX_TEXT_BUDGET, gfx_destroy_texture);
	textcache_init(&gfx->widths, GFX_WIDTH_SLOTS, GFX_WIDTH_BUDGET, NULL);
	gfx->assets_dir = xstrdup(assets_dir);
	gfx->font_path[0] = gfx_find_font(assets_dir, "DejaVuSans.ttf");
	gfx->font_path[1] = gfx_find_font(assets_dir, "DejaVuSans-Bold.ttf");
	if (gfx->font_path[0] == NULL) {
		*cause = xstrdup(_("the font DejaVuSans.ttf was not found: install the Debian "
		                   "package fonts-dejavu-core"));
		gfx_free(gfx);
		return NULL;
	}
	if (gfx->font_path[1] == NULL)
		gfx->font_path[1] = xstrdup(gfx->font_path[0]);
	if (gfx_open_spares(gfx, cause) != 0) {
		gfx_free(gfx);
		return NULL;
	}
	SDL_SetRenderDrawBlendMode(renderer, SDL_BLENDMODE_BLEND);
	return gfx;
}

void
gfx_free(Gfx *gfx)
{
	if (gfx == NULL)
		return;
	textcache_free(&gfx->texts);
	textcache_free(&gfx->widths);
	for (int i = 0; i < gfx->n_fonts; i++)
		TTF_CloseFont(gfx->fonts[i].font);
	for (int bold = 0; bold < 2; bold++) {
		if (gfx->spare[bold] != NULL)
			TTF_CloseFont(gfx->spare[bold]);
	}
	for (int i = 0; i < gfx->n_corners; i++) {
		if (gfx->corners[i].texture != NULL)
			SDL_DestroyTexture(gfx->corners[i].texture);
	}
	for (int i = 0; i < gfx->n_solids; i++) {
		if (gfx->solids[i].texture != NULL)
			SDL_DestroyTexture(gfx->solids[i].texture);
	}
	for (int i = 0; i < gfx->n_pictures; i++) {
		free(gfx->pictures[i].path);
		if (gfx->pictures[i].texture)
			SDL_DestroyTexture(gfx->pictures[i].texture);
		if (gfx->pictures[i].source)
			cairo_surface_destroy(gfx->pictures[i].source);
	}
	for (int i = 0; i < GFX_DRAWING_SLOTS; i++) {
		free(gfx->drawings[i].key);
		if (gfx->drawings[i].texture != NULL)
			SDL_DestroyTexture(gfx->drawings[i].texture);
	}
	free(gfx->font_path[0]);
	free(gfx->font_path[1]);
	free(gfx->assets_dir);
	free(gfx);
}

/* The font at a pixel size, opened on first use. */
static TTF_Font *
gfx_font(Gfx *gfx, int size, bool bold)
{
	TTF_Font *font;

	for (int i = 0; i < gfx->n_fonts; i++) {
		if (gfx->fonts[i].size == size && gfx->fonts[i].bold == bold)
			return gfx->fonts[i].font;
	}
	if (gfx->n_fonts == GFX_FONT_SLOTS) {
		/* Sizes come from a handful of layouts; start over if they churn
		 * (rendered text does not need its font any more). */
		for (int i = 0; i < gfx->n_fonts; i++)
			TTF_CloseFont(gfx->fonts[i].font);
		gfx->n_fonts = 0;
	}
	font = TTF_OpenFont(gfx->font_path[bold], size);
	if (font == NULL)
		return gfx->spare[bold]; /* the file changed since the start: text of the
		                          * wrong size rather than none */
	gfx->fonts[gfx->n_fonts++] = (GfxFont){ size, bold, font };
	return font;
}

void
gfx_begin_frame(Gfx *gfx)
{
	gfx->rehearsing = false;
	textcache_next_generation(&gfx->texts);
	textcache_next_generation(&gfx->widths);
}

void
gfx_begin_rehearsal(Gfx *gfx)
{
	gfx->rehearsing = true;
	textcache_next_generation(&gfx->texts);
	textcache_next_generation(&gfx->widths);
}

void
gfx_size(Gfx *gfx, int *width, int *height)
{
	SDL_GetRendererOutputSize(gfx->renderer, width, height);
}

static void
gfx_color(Gfx *gfx, GfxColor c)
{
	/* Opaque fills need no blending, and the software renderer is several
	 * times faster without it. */
	SDL_SetRenderDrawBlendMode(gfx->renderer,
	                           c.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
	SDL_SetRenderDrawColor(gfx->renderer, c.r, c.g, c.b, c.a);
}

static bool
gfx_same_color(GfxColor a, GfxColor b)
{
	return a.r == b.r && a.g == b.g && a.b == b.b && a.a == b.a;
}

void
gfx_clear(Gfx *gfx, GfxColor color)
{
	if (gfx->rehearsing)
		return;
	gfx_color(gfx, color);
	SDL_RenderClear(gfx->renderer);
}

/* A texture of one opaque colour in the pixel format of the screen, so that
 * copying it is a memcpy. */
static SDL_Texture *
gfx_solid_texture(Gfx *gfx, GfxColor color)
{
	SDL_Window *window = SDL_RenderGetWindow(gfx->renderer);
	Uint32 format = window ? SDL_GetWindowPixelFormat(window) : SDL_PIXELFORMAT_ARGB8888;
	SDL_PixelFormat *pf;
	SDL_Texture *texture;
	uint32_t *pixels, pixel;

	if (SDL_BYTESPERPIXEL(format) != 4 || SDL_ISPIXELFORMAT_FOURCC(format))
		format = SDL_PIXELFORMAT_ARGB8888;
	pf = SDL_AllocFormat(format);
	texture = SDL_CreateTexture(gfx->renderer, format, SDL_TEXTUREACCESS_STATIC, GFX_SOLID_W,
	                            GFX_SOLID_H);
	if (pf == NULL || texture == NULL) {
		SDL_FreeFormat(pf);
		if (texture != NULL)
			SDL_DestroyTexture(texture);
		return NULL;
	}
	pixel = SDL_MapRGBA(pf, color.r, color.g, color.b, 255);
	pixels = xmalloc(GFX_SOLID_W * GFX_SOLID_H * sizeof *pixels);
	for (int i = 0; i < GFX_SOLID_W * GFX_SOLID_H; i++)
		pixels[i] = pixel;
	SDL_UpdateTexture(texture, NULL, pixels, GFX_SOLID_W * (int)sizeof *pixels);
	SDL_SetTextureBlendMode(texture, SDL_BLENDMODE_NONE);
	free(pixels);
	SDL_FreeFormat(pf);
	return texture;
}

/* A texture of one opaque colour, made on first use; the oldest is replaced
 * when all slots are taken. */
static SDL_Texture *
gfx_solid(Gfx *gfx, GfxColor color)
{
	GfxSolid *s;

	for (int i = 0; i < gfx->n_solids; i++) {
		if (gfx_same_color(gfx->solids[i].color, color))
			return gfx->solids[i].texture;
	}
	if (gfx->n_solids < GFX_SOLID_SLOTS) {
		s = &gfx->solids[gfx->n_solids++];
	} else {
		s = &gfx->solids[gfx->next_solid];
		gfx->next_solid = (gfx->next_solid + 1) % GFX_SOLID_SLOTS;
		if (s->texture != NULL)
			SDL_DestroyTexture(s->texture);
	}
	s->color = color;
	s->texture = gfx_solid_texture(gfx, color);
	return s->texture;
}

/*
 * Fills rectangles with a colour. SDL's software fill is slow on narrow
 * rectangles (its streaming stores cost about 3 ns a pixel on a 150-pixel
 * row, against 0.2 on a full screen row), while copying rows of a texture
 * is a memcpy: opaque fills are copied from a texture of their colour,
 * GFX_SOLID_W x GFX_SOLID_H at a time.
 */
static void
gfx_fill_rects(Gfx *gfx, const SDL_Rect *rects, int n, GfxColor color)
{
	SDL_Texture *solid = color.a == 255 ? gfx_solid(gfx, color) : NULL;

	if (solid == NULL) {
		gfx_color(gfx, color);
		SDL_RenderFillRects(gfx->renderer, rects, n);
		return;
	}
	for (int i = 0; i < n; i++) {
		const SDL_Rect *r = &rects[i];
		for (int y = 0; y < r->h; y += GFX_SOLID_H) {
			for (int x = 0; x < r->w; x += GFX_SOLID_W) {
				SDL_Rect dst = { r->x + x, r->y + y, r->w - x, r->h - y };
				SDL_Rect src = { 0, 0, 0, 0 };
				if (dst.w > GFX_SOLID_W)
					dst.w = GFX_SOLID_W;
				if (dst.h > GFX_SOLID_H)
					dst.h = GFX_SOLID_H;
				src.w = dst.w;
				src.h = dst.h;
				SDL_RenderCopy(gfx->renderer, solid, &src, &dst);
			}
		}
	}
}

void
gfx_fill(Gfx *gfx, GfxRect r, GfxColor color)
{
	SDL_Rect rect = { r.x, r.y, r.w, r.h };

	if (!gfx->rehearsing)
		gfx_fill_rects(gfx, &rect, 1, color);
}

/* Horizontal inset of a circle of radius r at row dy from its centre. */
static int
gfx_corner_inset(int r, int dy)
{
	int x = 0;

	while (x < r && (r - x) * (r - x) + dy * dy > r * r)
		x++;
	return x;
}

/* The left inset of a rounded rectangle's outline at row y (0 <= y < h). */
static int
gfx_rounded_inset(int h, int radius, int y)
{
	if (y < radius)
		return gfx_corner_inset(radius, radius - y);
	if (y >= h - radius)
		return gfx_corner_inset(radius, radius - (h - 1 - y));
	return 0;
}

/* Where row y of a card of height h changes colour: outside it up to *outer
 * pixels from either edge, border up to *inner, fill between. */
static void
gfx_card_row(int h, int radius, int thickness, int y, int *outer, int *inner)
{
	*outer = gfx_rounded_inset(h, radius, y);
	if (y < thickness || y >= h - thickness)
		*inner = INT_MAX / 2; /* all border */
	else
		*inner = thickness + gfx_rounded_inset(h - 2 * thickness,
		                                       radius > thickness ? radius - thickness : 0,
		                                       y - thickness);
}

static uint32_t
gfx_argb(GfxColor c)
{
	return (uint32_t)c.a << 24 | (uint32_t)c.r << 16 | (uint32_t)c.g << 8 | c.b;
}

/* A card of 2 radius x 2 radius, all corners: the four corners of every card
 * of that radius, border and colours are its quarters. */
static SDL_Texture *
gfx_corner_texture(Gfx *gfx, int radius, int thickness, GfxColor fill, GfxColor border)
{
	int size = 2 * radius;
	SDL_Surface *surface =
	    SDL_CreateRGBSurfaceWithFormat(0, size, size, 32, SDL_PIXELFORMAT_ARGB8888);
	SDL_Texture *texture;

	if (surface == NULL)
		return NULL;
	for (int y = 0; y < size; y++) {
		uint32_t *row = (uint32_t *)((unsigned char *)surface->pixels +
		                             (size_t)y * (size_t)surface->pitch);
		int outer, inner;
		gfx_card_row(size, radius, thickness, y, &outer, &inner);
		for (int x = 0; x < size; x++) {
			int edge = x < size - 1 - x ? x : size - 1 - x; /* to the nearer side */
			row[x] = edge < outer   ? 0
			         : edge < inner ? gfx_argb(border)
			                        : gfx_argb(fill);
		}
	}
	texture = SDL_CreateTextureFromSurface(gfx->renderer, surface);
	SDL_FreeSurface(surface);
	if (texture != NULL)
		SDL_SetTextureBlendMode(texture, SDL_BLENDMODE_BLEND);
	return texture;
}

/* The corner texture for a card style, made on first use; the oldest is
 * replaced when all slots are taken. */
static SDL_Texture *
gfx_corners(Gfx *gfx, int radius, int thickness, GfxColor fill, GfxColor border)
{
	GfxCorners *c;

	for (int i = 0; i < gfx->n_corners; i++) {
		c = &gfx->corners[i];
		if (c->radius == radius && c->thickness == thickness &&
		    gfx_same_color(c->fill, fill) && gfx_same_color(c->border, border))
			return c->texture;
	}
	if (gfx->n_corners < GFX_CORNER_SLOTS) {
		c = &gfx->corners[gfx->n_corners++];
	} else {
		c = &gfx->corners[gfx->next_corner];
		gfx->next_corner = (gfx->next_corner + 1) % GFX_CORNER_SLOTS;
		if (c->texture != NULL)
			SDL_DestroyTexture(c->texture);
	}
	*c = (GfxCorners){ radius, thickness, fill, border,
		           gfx_corner_texture(gfx, radius, thickness, fill, border) };
	return c->texture;
}

/* The straight parts of a card between its corners: the border's bands
 * and the inside, each colour in one call. */
static void
gfx_card_straight(Gfx *gfx, GfxRect r, int radius, int t, GfxColor fill, GfxColor border)
{
	int inner_w = r.w - 2 * radius, mid_h = r.h - 2 * radius;
	SDL_Rect lines[4] = {
		{ r.x + radius, r.y, inner_w, t },
		{ r.x + radius, r.y + r.h - t, inner_w, t },
		{ r.x, r.y + radius, t, mid_h },
		{ r.x + r.w - t, r.y + radius, t, mid_h },
	};
	SDL_Rect inside[3] = {
		{ r.x + radius, r.y + t, inner_w, radius - t },
		{ r.x + t, r.y + radius, r.w - 2 * t, mid_h },
		{ r.x + radius, r.y + r.h - radius, inner_w, radius - t },
	};

	if (t > 0)
		gfx_fill_rects(gfx, lines, 4, border);
	if (fill.a != 0)
		gfx_fill_rects(gfx, inside, 3, fill);
}

void
gfx_card(Gfx *gfx, GfxRect r, int radius, int thickness, GfxColor fill, GfxColor border)
{
	SDL_Texture *corners;

	if (radius > r.h / 2)
		radius = r.h / 2;
	if (radius > r.w / 2)
		radius = r.w / 2;
	if (radius > 64)
		radius = 64;
	if (thickness > radius) /* all border near the corners: no inner curve */
		thickness = radius;
	if (r.w <= 0 || r.h <= 0)
		return;
	corners = radius > 0 ? gfx_corners(gfx, radius, thickness, fill, border) : NULL;
	if (gfx->rehearsing)
		return;
	if (corners != NULL) {
		for (int i = 0; i < 4; i++) {
			int dx = i % 2 ? r.w - radius : 0, dy = i / 2 ? r.h - radius : 0;
			SDL_Rect src = { i % 2 ? radius : 0, i / 2 ? radius : 0, radius, radius };
			SDL_Rect dst = { r.x + dx, r.y + dy, radius, radius };
			SDL_RenderCopy(gfx->renderer, corners, &src, &dst);
		}
	}
	gfx_card_straight(gfx, r, corners != NULL ? radius : 0, thickness, fill, border);
}

void
gfx_fill_rounded(Gfx *gfx, GfxRect r, int radius, GfxColor color)
{
	gfx_card(gfx, r, radius, 0, color, color);
}

void
gfx_ring_rounded(Gfx *gfx, GfxRect r, int radius, int thickness, GfxColor color)
{
	if (thickness >= r.h / 2 || thickness >= r.w / 2)
		gfx_fill_rounded(gfx, r, radius, color); /* all border anyway */
	else
		gfx_card(gfx, r, radius, thickness, (GfxColor){ 0, 0, 0, 0 }, color);
}

void
gfx_fill_triangle(Gfx *gfx, int x0, int y0, int x1, int y1, int x2, int y2, GfxColor c)
{
	SDL_Color col = { c.r, c.g, c.b, c.a };
	SDL_Vertex v[3] = {
		{ { (float)x0, (float)y0 }, col, { 0, 0 } },
		{ { (float)x1, (float)y1 }, col, { 0, 0 } },
		{ { (float)x2, (float)y2 }, col, { 0, 0 } },
	};

	if (gfx->rehearsing)
		return;
	SDL_RenderGeometry(gfx->renderer, NULL, v, 3, NULL, 0);
}

void
gfx_fill_circle(Gfx *gfx, int cx, int cy, int radius, GfxColor color)
{
	gfx_fill_rounded(gfx, (GfxRect){ cx - radius, cy - radius, 2 * radius, 2 * radius }, radius,
	                 color);
}

/* The cache key of a style: size, weight and colour (measurements use a
 * colour of 0). */
static uint64_t
gfx_style(int size, bool bold, GfxColor c)
{
	return (uint64_t)(uint16_t)size | (uint64_t)bold << 16 |
	       (uint64_t)((uint32_t)c.r << 24 | (uint32_t)c.g << 16 | (uint32_t)c.b << 8 | c.a)
	           << 32;
}

int
gfx_text_width(Gfx *gfx, const char *text, size_t len, int size, bool bold)
{
	uint64_t style = gfx_style(size, bold, (GfxColor){ 0, 0, 0, 0 });
	TextEntry *e = textcache_find(&gfx->widths, text, len, style);
	char *copy;
	int w = 0, h = 0;

	if (e != NULL)
		return e->w;
	copy = xstrndup(text, len);
	TTF_SizeUTF8(gfx_font(gfx, size, bold), copy, &w, &h);
	free(copy);
	textcache_add(&gfx->widths, text, len, style, NULL, w, h, 0);
	return w;
}

int
gfx_measure(void *gfx, const char *text, size_t len, int size, bool bold)
{
	return gfx_text_width(gfx, text, len, size, bold);
}

/* The cached texture of one line of text, rendered on first use. */
static TextEntry *
gfx_text_entry(Gfx *gfx, const char *text, size_t len, int size, bool bold, GfxColor color)
{
	uint64_t style = gfx_style(size, bold, color);
	TextEntry *e = textcache_find(&gfx->texts, text, len, style);
	SDL_Color fg = { color.r, color.g, color.b, color.a };
	SDL_Surface *surface;
	SDL_Texture *texture = NULL;
	char *copy;
	size_t bytes = 0;
	int w = 0, h = 0;

	if (e != NULL)
		return e;
	copy = xstrndup(text, len);
	surface = TTF_RenderUTF8_Blended(gfx_font(gfx, size, bold), copy, fg);
	free(copy);
	if (surface != NULL) {
		texture = SDL_CreateTextureFromSurface(gfx->renderer, surface);
		w = surface->w;
		h = surface->h;
		bytes = (size_t)surface->pitch * (size_t)surface->h;
		SDL_FreeSurface(surface);
	}
	return textcache_add(&gfx->texts, text, len, style, texture, w, h, bytes);
}

void
gfx_text_work(Gfx *gfx, unsigned long *rendered, unsigned long *measured)
{
	*rendered = gfx->texts.misses;
	*measured = gfx->widths.misses;
}

void
gfx_text(Gfx *gfx, const char *text, size_t len, int size, bool bold, GfxColor color, int x, int y)
{
	TextEntry *e;
	SDL_Rect dst;

	if (len == 0)
		return;
	e = gfx_text_entry(gfx, text, len, size, bold, color);
	if (e->value == NULL || gfx->rehearsing)
		return;
	dst = (SDL_Rect){ x, y, e->w, e->h };
	SDL_RenderCopy(gfx->renderer, e->value, NULL, &dst);
}

/* A texture of the picture scaled by cairo to w x h (smooth, done once per
 * size), with straight alpha as SDL blends it. */
static SDL_Texture *
gfx_scaled_texture(Gfx *gfx, cairo_surface_t *img, int w, int h)
{
	cairo_surface_t *scaled = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
	cairo_t *cr = cairo_create(scaled);
	SDL_Surface *surface =
	    SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
	SDL_Texture *texture = NULL;

	cairo_scale(cr, (double)w / cairo_image_surface_get_width(img),
	            (double)h / cairo_image_surface_get_height(img));
	cairo_set_source_surface(cr, img, 0, 0);
	cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
	cairo_paint(cr);
	cairo_destroy(cr);
	cairo_surface_flush(scaled);
	if (surface != NULL) {
		const unsigned char *src = cairo_image_surface_get_data(scaled);
		int stride = cairo_image_surface_get_stride(scaled);
		for (int y = 0; y < h; y++) {
			const uint32_t *in = (const uint32_t *)(src + (size_t)y * (size_t)stride);
			uint32_t *out = (uint32_t *)((unsigned char *)surface->pixels +
			                             (size_t)y * (size_t)surface->pitch);
			for (int x = 0; x < w; x++) {
				uint32_t p = in[x], a = p >> 24;
				uint32_t r = (p >> 16) & 255, g = (p >> 8) & 255, b = p & 255;
				if (a != 0 && a != 255)
					r = r * 255 / a, g = g * 255 / a, b = b * 255 / a;
				out[x] = a << 24 | r << 16 | g << 8 | b;
			}
		}
		texture = SDL_CreateTextureFromSurface(gfx->renderer, surface);
		SDL_SetTextureBlendMode(texture, SDL_BLENDMODE_BLEND);
		SDL_FreeSurface(surface);
	}
	cairo_surface_destroy(scaled);
	return texture;
}

/* The cached picture for a path, loaded on first use (NULL: no room). */
static GfxPicture *
gfx_picture_entry(Gfx *gfx, const char *path)
{
	GfxPicture *p;
	char *full;

	for (int i = 0; i < gfx->n_pictures; i++) {
		if (strcmp(gfx->pictures[i].path, path) == 0)
			return &gfx->pictures[i];
	}
	if (gfx->n_pictures == GFX_PICTURE_SLOTS)
		return NULL;
	p = &gfx->pictures[gfx->n_pictures++];
	p->path = xstrdup(path);
	full = xasprintf("%s/%s", gfx->assets_dir, path);
	p->source = cairo_image_surface_create_from_png(full);
	free(full);
	if (cairo_surface_status(p->source) != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(p->source);
		p->source = NULL;
	}
	return p;
}

bool
gfx_picture(Gfx *gfx, const char *path, GfxRect r)
{
	GfxPicture *p = gfx_picture_entry(gfx, path);
	SDL_Rect dst;
	double k, sw, sh;

	if (p == NULL || p->source == NULL || r.w <= 0 || r.h <= 0)
		return false;
	sw = cairo_image_surface_get_width(p->source);
	sh = cairo_image_surface_get_height(p->source);
	k = r.w / sw < r.h / sh ? r.w / sw : r.h / sh;
	dst.w = (int)(sw * k);
	dst.h = (int)(sh * k);
	dst.x = r.x + (r.w - dst.w) / 2;
	dst.y = r.y + (r.h - dst.h) / 2;
	if (p->texture == NULL || p->w != dst.w || p->h != dst.h) {
		if (p->texture != NULL)
			SDL_DestroyTexture(p->texture);
		p->texture = gfx_scaled_texture(gfx, p->source, dst.w, dst.h);
		p->w = dst.w;
		p->h = dst.h;
	}
	if (p->texture == NULL)
		return false;
	if (!gfx->rehearsing)
		SDL_RenderCopy(gfx->renderer, p->texture, NULL, &dst);
	return true;
}

/* The texture of a drawing painted at w x h, or NULL. */
static SDL_Texture *
gfx_paint(Gfx *gfx, int w, int h, GfxPainter paint, void *ctx)
{
	cairo_surface_t *image = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
	cairo_t *cr = cairo_create(image);
	SDL_Texture *texture = NULL;
	int rc;

	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	rc = cairo_status(cr) == CAIRO_STATUS_SUCCESS ? paint(ctx, cr, w, h) : -1;
	cairo_destroy(cr);
	cairo_surface_flush(image);
	if (rc == 0)
		texture = SDL_CreateTexture(gfx->renderer, SDL_PIXELFORMAT_RGB888,
		                            SDL_TEXTUREACCESS_STATIC, w, h);
	/* cairo's RGB24 is a 32-bit word 0x00RRGGBB per pixel, SDL's RGB888. */
	if (texture != NULL)
		SDL_UpdateTexture(texture, NULL, cairo_image_surface_get_data(image),
		                  cairo_image_surface_get_stride(image));
	cairo_surface_destroy(image);
	return texture;
}

/* The slot of key at w x h, or the one to replace (empty, else the least
 * recently used); *hit says which. */
static GfxDrawing *
gfx_drawing_slot(Gfx *gfx, const char *key, int w, int h, bool *hit)
{
	GfxDrawing *oldest = &gfx->drawings[0];

	for (int i = 0; i < GFX_DRAWING_SLOTS; i++) {
		GfxDrawing *d = &gfx->drawings[i];
		if (d->key != NULL && strcmp(d->key, key) == 0 && d->w == w && d->h == h) {
			*hit = true;
			return d;
		}
		if (d->key == NULL || (oldest->key != NULL && d->used < oldest->used))
			oldest = d;
	}
	*hit = false;
	return oldest;
}

bool
gfx_drawing(Gfx *gfx, const char *key, GfxRect r, GfxPainter paint, void *ctx)
{
	GfxDrawing *d;
	bool hit;

	if (r.w <= 0 || r.h <= 0)
		return false;
	d = gfx_drawing_slot(gfx, key, r.w, r.h, &hit);
	if (!hit) {
		free(d->key);
		if (d->texture != NULL)
			SDL_DestroyTexture(d->texture);
		*d =
		    (GfxDrawing){ xstrdup(key), r.w, r.h, gfx_paint(gfx, r.w, r.h, paint, ctx), 0 };
	}
	d->used = ++gfx->drawing_clock;
	if (d->texture == NULL)
		return false;
	if (!gfx->rehearsing)
		SDL_RenderCopy(gfx->renderer, d->texture, NULL, &(SDL_Rect){ r.x, r.y, r.w, r.h });
	return true;
}
