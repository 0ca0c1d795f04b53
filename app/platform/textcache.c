/*
 * textcache.c: an open-addressing hash table of rendered text with least
 * recently used eviction by generation.
 */
#include "textcache.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

void
textcache_init(TextCache *c, int n_slots, size_t budget, TextRelease release)
{
	int n = 8;

	while (n < n_slots)
		n *= 2;
	memset(c, 0, sizeof *c);
	c->slots = xcalloc((size_t)n, sizeof *c->slots);
	c->n_slots = n;
	c->budget = budget;
	c->release = release;
}

static void
textcache_release(TextCache *c, TextEntry *e)
{
	if (c->release != NULL && e->value != NULL)
		c->release(e->value);
	free(e->text);
	c->bytes -= e->bytes + e->len;
	c->n_entries--;
	memset(e, 0, sizeof *e);
}

void
textcache_free(TextCache *c)
{
	for (int i = 0; c->slots != NULL && i < c->n_slots; i++) {
		if (c->slots[i].text != NULL)
			textcache_release(c, &c->slots[i]);
	}
	free(c->slots);
	c->slots = NULL;
}

void
textcache_next_generation(TextCache *c)
{
	c->generation++;
}

/* FNV-1a over the text and the style. */
static uint32_t
textcache_hash(const char *text, size_t len, uint64_t style)
{
	uint32_t h = 2166136261u;

	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)text[i]) * 16777619u;
	for (int i = 0; i < 8; i++)
		h = (h ^ (uint32_t)((style >> (8 * i)) & 255)) * 16777619u;
	return h;
}

/* The slot holding the key, or the free slot where it would go. */
static TextEntry *
textcache_slot(TextEntry *slots, int n_slots, const char *text, size_t len, uint64_t style)
{
	uint32_t mask = (uint32_t)n_slots - 1, i = textcache_hash(text, len, style) & mask;

	for (;; i = (i + 1) & mask) {
		TextEntry *e = &slots[i];
		if (e->text == NULL ||
		    (e->style == style && e->len == len && memcmp(e->text, text, len) == 0))
			return e;
	}
}

TextEntry *
textcache_find(TextCache *c, const char *text, size_t len, uint64_t style)
{
	TextEntry *e = textcache_slot(c->slots, c->n_slots, text, len, style);

	if (e->text == NULL) {
		c->misses++;
		return NULL;
	}
	c->hits++;
	e->used = c->generation;
	return e;
}

typedef struct {
	uint32_t age;
	int slot;
} TextcacheAge;

static int
textcache_by_age(const void *a, const void *b)
{
	const TextcacheAge *x = a, *y = b;

	/* Oldest (largest age) first. */
	return x->age < y->age ? 1 : x->age > y->age ? -1 : 0;
}

/* Moves the remaining entries into a fresh table: the probe sequences of
 * evicted entries must not leave holes. */
static void
textcache_rehash(TextCache *c)
{
	TextEntry *old = c->slots;

	c->slots = xcalloc((size_t)c->n_slots, sizeof *c->slots);
	for (int i = 0; i < c->n_slots; i++) {
		if (old[i].text != NULL)
			*textcache_slot(c->slots, c->n_slots, old[i].text, old[i].len,
			                old[i].style) = old[i];
	}
	free(old);
}

/*
 * Evicts the least recently used entries until a new one of `bytes` fits
 * with some room to spare (so that eviction is rare). Entries of the last
 * two generations stay, over budget if need be; only a full table evicts
 * them too.
 */
static void
textcache_make_room(TextCache *c, size_t bytes)
{
	int full = c->n_slots * 3 / 4, n = 0;
	TextcacheAge *ages;

	if (c->n_entries + 1 <= full && c->bytes + bytes <= c->budget)
		return;
	ages = xmalloc((size_t)c->n_entries * sizeof *ages);
	for (int i = 0; i < c->n_slots; i++) {
		if (c->slots[i].text != NULL)
			ages[n++] = (TextcacheAge){ c->generation - c->slots[i].used, i };
	}
	qsort(ages, (size_t)n, sizeof *ages, textcache_by_age);
	for (int i = 0; i < n; i++) {
		bool roomy = c->n_entries + 1 <= c->n_slots / 2 &&
		             c->bytes + bytes <= c->budget - c->budget / 4;
		if (roomy || (ages[i].age < 2 && c->n_entries + 1 <= full))
			break;
		textcache_release(c, &c->slots[ages[i].slot]);
		c->evicted++;
	}
	free(ages);
	textcache_rehash(c);
}

TextEntry *
textcache_add(TextCache *c, const char *text, size_t len, uint64_t style, void *value, int w, int h,
              size_t bytes)
{
	TextEntry *e;
	char *copy = xmalloc(len + 1);

	memcpy(copy, text, len);
	copy[len] = '\0';
	textcache_make_room(c, bytes + len);
	e = textcache_slot(c->slots, c->n_slots, text, len, style);
	*e = (TextEntry){ copy, len, style, c->generation, w, h, bytes, value };
	c->bytes += bytes + len;
	c->n_entries++;
	return e;
}
