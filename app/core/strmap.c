/*
 * strmap.c: open addressing with linear probing, FNV-1a hashes.
 */
#include "strmap.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

static size_t
strmap_hash(const char *key)
{
	uint64_t h = 1469598103934665603u;

	for (const unsigned char *p = (const unsigned char *)key; *p != '\0'; p++)
		h = (h ^ *p) * 1099511628211u;
	return (size_t)h;
}

static size_t
strmap_slot(const StrMap *map, const char *key)
{
	size_t i = strmap_hash(key) & (map->cap - 1);

	while (map->keys[i] != NULL && strcmp(map->keys[i], key) != 0)
		i = (i + 1) & (map->cap - 1);
	return i;
}

int
strmap_get(const StrMap *map, const char *key)
{
	size_t i;

	if (map->cap == 0)
		return -1;
	i = strmap_slot(map, key);
	return map->keys[i] ? map->values[i] : -1;
}

static void
strmap_grow(StrMap *map)
{
	StrMap bigger = { 0 };

	bigger.cap = map->cap ? 2 * map->cap : 64;
	bigger.keys = xcalloc(bigger.cap, sizeof *bigger.keys);
	bigger.values = xcalloc(bigger.cap, sizeof *bigger.values);
	for (size_t i = 0; i < map->cap; i++) {
		if (map->keys[i] != NULL) {
			size_t j = strmap_slot(&bigger, map->keys[i]);
			bigger.keys[j] = map->keys[i];
			bigger.values[j] = map->values[i];
		}
	}
	bigger.n = map->n;
	free(map->keys);
	free(map->values);
	*map = bigger;
}

void
strmap_put(StrMap *map, const char *key, int value)
{
	size_t i;

	if (10 * (map->n + 1) > 7 * map->cap)
		strmap_grow(map);
	i = strmap_slot(map, key);
	/* The analyser takes the arrays freed by strmap_grow() for these: they
	 * were replaced by bigger ones. */
	if (map->keys[i] == NULL) { /* NOLINT(clang-analyzer-unix.Malloc) */
		map->keys[i] = xstrdup(key);
		map->n++;
	}
	map->values[i] = value; /* NOLINT(clang-analyzer-unix.Malloc) */
}

void
strmap_free(StrMap *map)
{
	for (size_t i = 0; i < map->cap; i++)
		free(map->keys[i]);
	free(map->keys);
	free(map->values);
	memset(map, 0, sizeof *map);
}
