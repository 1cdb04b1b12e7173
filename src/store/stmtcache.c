/* stmtcache: an address-keyed hash table of prepared statements (see
 * stmtcache.h). */
#include "store/stmtcache.h"

#include <stdint.h>
#include <stdlib.h>

#define INITIAL_CAP 64

/* Fibonacci hashing of the key's address into [0, cap). */
static size_t slot_of(size_t cap, const void *key)
{
	uint64_t h = (uint64_t)(uintptr_t)key * UINT64_C(0x9E3779B97F4A7C15);

	return (size_t)(h >> 32) & (cap - 1);
}

/* The slot holding key, or the empty slot where it would go. */
static size_t probe(const struct stmt_cache_slot *slots, size_t cap, const void *key)
{
	size_t i = slot_of(cap, key);

	while (slots[i].key && slots[i].key != key)
		i = (i + 1) & (cap - 1);
	return i;
}

int stmt_cache_init(struct stmt_cache *sc)
{
	sc->n = 0;
	sc->cap = INITIAL_CAP;
	sc->slots = calloc(sc->cap, sizeof *sc->slots);
	if (!sc->slots) {
		sc->cap = 0;
		return -1;
	}
	return 0;
}

void stmt_cache_release(struct stmt_cache *sc, void (*free_value)(void *))
{
	if (free_value)
		for (size_t i = 0; i < sc->cap; i++)
			if (sc->slots[i].key)
				free_value(sc->slots[i].value);
	free(sc->slots);
	sc->slots = NULL;
	sc->cap = sc->n = 0;
}

void *stmt_cache_lookup(const struct stmt_cache *sc, const void *key)
{
	size_t i = probe(sc->slots, sc->cap, key);

	return sc->slots[i].key ? sc->slots[i].value : NULL;
}

int stmt_cache_reserve(struct stmt_cache *sc)
{
	struct stmt_cache_slot *grown;
	size_t cap = sc->cap * 2;

	if ((sc->n + 1) * 2 <= sc->cap)
		return 0;
	grown = calloc(cap, sizeof *grown);
	if (!grown)
		return -1;
	for (size_t i = 0; i < sc->cap; i++)
		if (sc->slots[i].key)
			grown[probe(grown, cap, sc->slots[i].key)] = sc->slots[i];
	free(sc->slots);
	sc->slots = grown;
	sc->cap = cap;
	return 0;
}

int stmt_cache_insert(struct stmt_cache *sc, const void *key, void *value)
{
	size_t i;

	if (stmt_cache_reserve(sc) < 0)
		return -1;
	i = probe(sc->slots, sc->cap, key);
	sc->slots[i].key = key;
	sc->slots[i].value = value;
	sc->n++;
	return 0;
}

void *stmt_cache_next(const struct stmt_cache *sc, size_t *pos)
{
	while (*pos < sc->cap) {
		const struct stmt_cache_slot *s = &sc->slots[(*pos)++];

		if (s->key)
			return s->value;
	}
	return NULL;
}
