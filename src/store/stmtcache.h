/* stmtcache: a connection's prepared statements, found by the address of
 * their struct sql_stmt (store.h) — one table for both drivers.
 *
 * Open addressing with linear probing; the capacity is a power of two and
 * the table is at most half full. Entries are never removed one by one:
 * a cache lives as long as its connection.
 *
 * Ownership: the cache owns only its slot array. Keys are borrowed (their
 * addresses are hashed, never dereferenced); values belong to the driver,
 * which frees them through stmt_cache_release() or stmt_cache_next().
 * Not thread-safe: one cache per connection, one thread at a time.
 */
#ifndef JR_STORE_STMTCACHE_H
#define JR_STORE_STMTCACHE_H

#include <stddef.h>

struct stmt_cache_slot {
	const void *key;        /* NULL: empty */
	void *value;
};

struct stmt_cache {
	struct stmt_cache_slot *slots;
	size_t cap, n;
};

/* An empty cache with room for 32 entries. 0, or -1 out of memory (the
 * cache is then released already). */
int stmt_cache_init(struct stmt_cache *sc);

/* Call free_value (if not NULL) once for every value, then free the slot
 * array; the cache is empty and must be initialised again before use. */
void stmt_cache_release(struct stmt_cache *sc, void (*free_value)(void *));

/* The value stored under key, or NULL. */
void *stmt_cache_lookup(const struct stmt_cache *sc, const void *key);

/* Make room for one more entry, growing the table if needed. 0, or -1
 * out of memory (the cache is unchanged). After 0 the next insert cannot
 * fail. */
int stmt_cache_reserve(struct stmt_cache *sc);

/* Store value (not NULL) under key (not NULL, not present yet). 0, or -1
 * out of memory (the cache is unchanged; the caller keeps value). */
int stmt_cache_insert(struct stmt_cache *sc, const void *key, void *value);

/* Iteration: start with *pos = 0; returns the next value, or NULL after
 * the last. The order is the slot order (not insertion order); the cache
 * must not change during the walk. */
void *stmt_cache_next(const struct stmt_cache *sc, size_t *pos);

#endif
