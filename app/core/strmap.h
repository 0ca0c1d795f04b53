/*
 * strmap.h: a small hash map from strings to non-negative ints, for
 * grouping rows by key (import) without a quadratic search.
 */
#ifndef ANKETA_STRMAP_H
#define ANKETA_STRMAP_H

#include <stddef.h>

typedef struct {
	char **keys; /* owned copies; NULL marks an empty slot */
	int *values;
	size_t cap; /* a power of two */
	size_t n;
} StrMap;

/* The value stored under key, or -1. */
int strmap_get(const StrMap *map, const char *key);

/* Stores value under key (a copy of key is kept), replacing any old value. */
void strmap_put(StrMap *map, const char *key, int value);

/* Frees everything; the map is empty and reusable afterwards. */
void strmap_free(StrMap *map);

#endif
