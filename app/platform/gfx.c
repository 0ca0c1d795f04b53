/*
 * gfx.c: rectangles, cached text and cached pictures on an SDL_Renderer.
 */
#include "gfx.h"

#include <SDL.h>
#include <SDL_ttf.h>
#include <cairo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util.h"

#define GFX_FONT_SLOTS    24
#define GFX_TEXT_SLOTS    1024 /* a power of two */
#define GFX_PICTURE_SLOTS 32
/* Rendered text kept for reuse, in bytes of pixels: a few screens' worth at
 * 1920x1080 (a question's text takes about 0.4 MB, the welcome screen's
 * 1.2 MB), so the kiosk stays small on an old PC (DESIGN.md: 40 MB). */
#define GFX_TEXT_BUDGET (3u << 20)

typedef struct {
	int size;
	bool bold;
	TTF_Font *font;
} GfxFont;

typedef struct {
	char *text; /* NULL: empty slot */
	int size;
	bool bold;
	GfxColor color;
	SDL_Texture *texture;
	int w, h;
} GfxText;

typedef struct {
	char *path;
	cairo_surface_t *source; /* the PNG as loaded; NULL when it could not be */
	SDL_Texture *texture;    /* scaled to the size last drawn, or NULL */
	int w, h;                /* the texture's size */
} GfxPicture;

struct Gfx {
	SDL_Renderer *renderer;
	char *assets_dir;
	char *font_path[2]; /* regular, bold */
	GfxFont fonts[GFX_FONT_SLOTS];
	int n_fonts;
	GfxText texts[GFX_TEXT_SLOTS];
	int n_texts;
	size_t text_bytes;
	GfxPicture pictures[GFX_PICTURE_SLOTS];
	int n_pictures;
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
	SDL_SetRenderDrawBlendMode(renderer, SDL_BLENDMODE_BLEND);
	return gfx;
}

static void
gfx_flush_texts(Gfx *gfx)
{
	for (int i = 0; i < GFX_TEXT_SLOTS; i++) {
		free(gfx->texts[i].text);
		if (gfx->texts[i].texture)
			SDL_DestroyTexture(gfx->texts[i].texture);
	}
	memset(gfx->texts, 0, sizeof gfx->texts);
	gfx->n_texts = 0;
	gfx->text_bytes = 0;
}

void
gfx_free(Gfx *gfx)
{
	if (gfx == NULL)
		return;
	gfx_flush_texts(gfx);
	for (int i = 0; i < gfx->n_fonts; i++)
		TTF_CloseFont(gfx->fonts[i].font);
	for (int i = 0; i < gfx->n_pictures; i++) {
		free(gfx->pictures[i].path);
		if (gfx->pictures[i].texture)
			SDL_DestroyTexture(gfx->pictures[i].texture);
		if (gfx->pictures[i].source)
			cairo_surface_destroy(gfx->pictures[i].source);
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
		/* Sizes come from a handful of layouts; start over if they churn. */
		gfx_flush_texts(gfx);
		for (int i = 0; i < gfx->n_fonts; i++)
			TTF_CloseFont(gfx->fonts[i].font);
		gfx->n_fonts = 0;
	}
	font = TTF_OpenFont(gfx->font_path[bold], size);
	if (font == NULL)
		abort(); /* the file was readable at start: only a broken install gets here */
	gfx->fonts[gfx->n_fonts++] = (GfxFont){ size, bold, font };
	return font;
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

void
gfx_clear(Gfx *gfx, GfxColor color)
{
	gfx_color(gfx, color);
	SDL_RenderClear(gfx->renderer);
}

void
gfx_fill(Gfx *gfx, UiRect r, GfxColor color)
{
	SDL_Rect rect = { r.x, r.y, r.w, r.h };

	gfx_color(gfx, color);
	SDL_RenderFillRect(gfx->renderer, &rect);
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

void
gfx_fill_rounded(Gfx *gfx, UiRect r, int radius, GfxColor color)
{
	SDL_Rect rows[2 * 64 + 1];
	int n = 0;

	if (radius > r.h / 2)
		radius = r.h / 2;
	if (radius > r.w / 2)
		radius = r.w / 2;
	if (radius > 64)
		radius = 64;
	for (int i = 0; i < radius; i++) {
		int inset = gfx_corner_inset(radius, radius - i);
		rows[n++] = (SDL_Rect){ r.x + inset, r.y + i, r.w - 2 * inset, 1 };
		rows[n++] = (SDL_Rect){ r.x + inset, r.y + r.h - 1 - i, r.w - 2 * inset, 1 };
	}
	rows[n++] = (SDL_Rect){ r.x, r.y + radius, r.w, r.h - 2 * radius };
	gfx_color(gfx, color);
	SDL_RenderFillRects(gfx->renderer, rows, n);
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

void
gfx_ring_rounded(Gfx *gfx, UiRect r, int radius, int thickness, GfxColor color)
{
	SDL_Rect spans[4 * 64 + 8];
	int n = 0, inner = radius - thickness > 0 ? radius - thickness : 0;

	if (radius > r.h / 2)
		radius = r.h / 2;
	if (radius > r.w / 2)
		radius = r.w / 2;
	if (radius > 64 || thickness >= r.h / 2 || thickness >= r.w / 2) {
		gfx_fill_rounded(gfx, r, radius, color); /* all border anyway */
		return;
	}
	for (int y = 0; y < r.h && n < (int)(sizeof spans / sizeof spans[0]) - 2; y++) {
		int outer = gfx_rounded_inset(r.h, radius, y), w;
		if (y >= radius && y < r.h - radius) {
			y = r.h - radius - 1; /* the straight sides, drawn below in one go */
			continue;
		}
		if (y < thickness || y >= r.h - thickness) {
			spans[n++] = (SDL_Rect){ r.x + outer, r.y + y, r.w - 2 * outer, 1 };
			continue;
		}
		w = thickness + gfx_rounded_inset(r.h - 2 * thickness, inner, y - thickness) -
		    outer;
		spans[n++] = (SDL_Rect){ r.x + outer, r.y + y, w, 1 };
		spans[n++] = (SDL_Rect){ r.x + r.w - outer - w, r.y + y, w, 1 };
	}
	spans[n++] = (SDL_Rect){ r.x, r.y + radius, thickness, r.h - 2 * radius };
	spans[n++] = (SDL_Rect){ r.x + r.w - thickness, r.y + radius, thickness, r.h - 2 * radius };
	gfx_color(gfx, color);
	SDL_RenderFillRects(gfx->renderer, spans, n);
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

	SDL_RenderGeometry(gfx->renderer, NULL, v, 3, NULL, 0);
}

void
gfx_fill_circle(Gfx *gfx, int cx, int cy, int radius, GfxColor color)
{
	gfx_fill_rounded(gfx, (UiRect){ cx - radius, cy - radius, 2 * radius, 2 * radius }, radius,
	                 color);
}

int
gfx_text_width(Gfx *gfx, const char *text, size_t len, int size, bool bold)
{
	char *copy = xstrndup(text, len);
	int w = 0, h = 0;

	TTF_SizeUTF8(gfx_font(gfx, size, bold), copy, &w, &h);
	free(copy);
	return w;
}

int
gfx_measure(void *gfx, const char *text, size_t len, int size, bool bold)
{
	return gfx_text_width(gfx, text, len, size, bold);
}

static uint32_t
gfx_hash(const char *text, size_t len, int size, bool bold, GfxColor c)
{
	uint32_t h = 2166136261u;

	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)text[i]) * 16777619u;
	h = (h ^ (uint32_t)size) * 16777619u;
	h = (h ^ (uint32_t)bold) * 16777619u;
	return (h ^ ((uint32_t)c.r << 24 | (uint32_t)c.g << 16 | (uint32_t)c.b << 8 | c.a)) *
	       16777619u;
}

/* The cached texture of one line of text, rendered on first use. */
static GfxText *
gfx_text_entry(Gfx *gfx, const char *text, size_t len, int size, bool bold, GfxColor color)
{
	uint32_t slot = gfx_hash(text, len, size, bold, color) & (GFX_TEXT_SLOTS - 1);
	GfxText *e;
	SDL_Surface *surface;
	SDL_Color fg = { color.r, color.g, color.b, color.a };

	for (;; slot = (slot + 1) & (GFX_TEXT_SLOTS - 1)) {
		e = &gfx->texts[slot];
		if (e->text == NULL)
			break;
		if (e->size == size && e->bold == bold &&
		    !memcmp(&e->color, &color, sizeof color) && strlen(e->text) == len &&
		    memcmp(e->text, text, len) == 0)
			return e;
	}
	if (gfx->n_texts >= GFX_TEXT_SLOTS * 3 / 4 || gfx->text_bytes > GFX_TEXT_BUDGET) {
		gfx_flush_texts(gfx);
		return gfx_text_entry(gfx, text, len, size, bold, color);
	}
	e->text = xstrndup(text, len);
	e->size = size;
	e->bold = bold;
	e->color = color;
	surface = TTF_RenderUTF8_Blended(gfx_font(gfx, size, bold), e->text, fg);
	if (surface != NULL) {
		e->texture = SDL_CreateTextureFromSurface(gfx->renderer, surface);
		e->w = surface->w;
		e->h = surface->h;
		gfx->text_bytes += (size_t)surface->pitch * (size_t)surface->h;
		SDL_FreeSurface(surface);
	}
	gfx->n_texts++;
	return e;
}

void
gfx_text(Gfx *gfx, const char *text, size_t len, int size, bool bold, GfxColor color, int x, int y)
{
	GfxText *e;
	SDL_Rect dst;

	if (len == 0)
		return;
	e = gfx_text_entry(gfx, text, len, size, bold, color);
	if (e->texture == NULL)
		return;
	dst = (SDL_Rect){ x, y, e->w, e->h };
	SDL_RenderCopy(gfx->renderer, e->texture, NULL, &dst);
}

int
gfx_text_box(Gfx *gfx, const char *text, UiRect r, int size_max, int size_min, bool bold,
             GfxColor color, int align, bool valign_center)
{
	LayoutLine lines[LAYOUT_MAX_LINES];
	int n = 0, size, lh, y;

	size = layout_fit(text, r.w, r.h, size_max, size_min, bold, gfx_measure, gfx, lines, &n);
	lh = layout_line_height(size);
	y = valign_center ? r.y + (r.h - n * lh) / 2 : r.y;
	for (int i = 0; i < n; i++) {
		int w = gfx_text_width(gfx, text + lines[i].start, lines[i].len, size, bold);
		int x = align == 1 ? r.x + (r.w - w) / 2 : r.x;
		gfx_text(gfx, text + lines[i].start, lines[i].len, size, bold, color, x,
		         y + i * lh);
	}
	return size;
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
gfx_picture(Gfx *gfx, const char *path, UiRect r)
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
	SDL_RenderCopy(gfx->renderer, p->texture, NULL, &dst);
	return true;
}
