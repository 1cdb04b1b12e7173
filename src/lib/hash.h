/* hash: BLAKE2b-256 and random bytes, a thin wrapper over libsodium.
 *
 * Layering rule: libsodium is reached only through this file (src/lib,
 * the bottom layer) and through src/auth/ (password hashing). So that the
 * store can compute audit chain hashes without including src/auth (arrows
 * point down only), the pure chain code lives in src/domain/audit.c on top
 * of this wrapper; src/auth/ builds tokens, pseudonyms and passwords on
 * top of it and of the store.
 *
 * Hex output is lowercase, HASH_HEX_LEN characters plus a NUL. All
 * functions are thread-safe; libsodium is initialised on first use.
 */
#ifndef JR_LIB_HASH_H
#define JR_LIB_HASH_H

#include <stdbool.h>
#include <stddef.h>

#define HASH_BYTES 32
#define HASH_HEX_LEN (2 * HASH_BYTES)

/* sodium_init(), once; 0 or -1 (the library could not start). */
int hash_init(void);

/* An incremental BLAKE2b-256, optionally keyed (key NULL: unkeyed). The
 * state is opaque storage sized for libsodium's state. */
struct hash_staat {
	_Alignas(64) unsigned char opaak[384];
};
int hash_begin(struct hash_staat *h, const unsigned char *key, size_t keylen);
void hash_voeg(struct hash_staat *h, const void *data, size_t len);
/* Finish into hex (HASH_HEX_LEN + 1 bytes). */
void hash_einde_hex(struct hash_staat *h, char out[HASH_HEX_LEN + 1]);

/* hex(BLAKE2b-256(data)), optionally keyed. */
void hash_hex(const void *data, size_t len, const unsigned char *key, size_t keylen,
	      char out[HASH_HEX_LEN + 1]);

/* n random bytes from the operating system's CSPRNG. */
void hash_random(void *buf, size_t n);

/* Lowercase hex of n bytes into out (2n + 1 bytes). */
void hash_naar_hex(const unsigned char *in, size_t n, char *out);
/* Parse exactly 2n hex characters; 0 or -1. */
int hash_van_hex(const char *hex, unsigned char *out, size_t n);

/* The value 0-15 of one hexadecimal digit (either case), or -1. */
int hex_cijfer(char c);

/* Equality of two strings of the same length in time that does not
 * depend on where they differ; false when the lengths differ. */
bool hash_gelijk(const char *a, const char *b);

#endif
