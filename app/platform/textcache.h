/*
 * textcache.h: what drawing a run of text cost once, kept for the next time:
 * its width, or its rendered texture. Keyed by the bytes of the text and a
 * style the caller packs (pixel size, weight, colour). No SDL, so it is
 * unit-tested (tests/test_ui_textcache.c); the value is opaque here.
 *
 * Entries remember the generation (a frame, or a rehearsal of the next
 * screen) that last used them. When the table or its byte budget fills up,
 * the least recently used go first, and never those of the current or the
 * previous generation: what is on screen and what was just prepared for
 * the next screen stay.
 */
#ifndef ANKETA_TEXTCACHE_H
#define ANKETA_TEXTCACHE_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
	char *text;     /* NULL: a free slot */
	size_t len;     /* bytes of text */
	uint64_t style; /* how the text is drawn, packed by the caller */
	uint32_t used;  /* the generation that last used the entry */
	int w, h;       /* the value's size in pixels */
	size_t bytes;   /* what the value costs, counted against the budget */
	void *value;    /* e.g. a texture, or NULL */
} TextEntry;

/* Frees an entry's value when the entry is evicted or the cache freed. */
typedef void (*TextRelease)(void *value);

typedef struct {
	TextEntry *slots;
	int n_slots;   /* a power of two */
	int n_entries; /* at most three quarters of n_slots */
	size_t bytes;  /* values' bytes plus the keys' */
	size_t budget; /* bytes kept at most, unless the last two generations need more */
	uint32_t generation;
	TextRelease release; /* NULL: values need no freeing */
	unsigned long hits, misses, evicted;
} TextCache;

/* An empty cache of n_slots (rounded up to a power of two, at least 8)
 * keeping at most budget bytes. */
void textcache_init(TextCache *cache, int n_slots, size_t budget, TextRelease release);

/* Releases every entry and the table. */
void textcache_free(TextCache *cache);

/* Starts a new generation: a frame, or a rehearsal of the next screen. */
void textcache_next_generation(TextCache *cache);

/* The entry for (text, len, style), marked as used now, or NULL (a miss).
 * The pointer is valid until the next textcache_add(). */
TextEntry *textcache_find(TextCache *cache, const char *text, size_t len, uint64_t style);

/*
 * Adds the entry for (text, len, style), which must not be there yet, with
 * its value, the value's size and the bytes it costs; evicts the least
 * recently used entries first when the table or the budget would overflow.
 * The pointer is valid until the next textcache_add().
 */
TextEntry *textcache_add(TextCache *cache, const char *text, size_t len, uint64_t style,
                         void *value, int w, int h, size_t bytes);

#endif
