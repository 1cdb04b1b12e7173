/* token: random secrets (session cookies, CSRF tokens, API tokens) and the
 * form in which the database keeps them.
 *
 * A token is TOKEN_BYTES random bytes written as lowercase hex. Only its
 * hash, hex(BLAKE2b-256(token)), is stored: a copy of the database (a
 * backup, a `copy`) then holds nothing that logs anyone in. A fast hash
 * suffices here, unlike passwords: 256 random bits cannot be guessed.
 */
#ifndef JR_AUTH_TOKEN_H
#define JR_AUTH_TOKEN_H

#include <stdbool.h>

#include "lib/hash.h"

#define TOKEN_BYTES 32
#define TOKEN_LEN (2 * TOKEN_BYTES)

/* A new random token (TOKEN_LEN hex characters + NUL). */
void token_maak(char out[TOKEN_LEN + 1]);

/* The stored form of token: HASH_HEX_LEN hex characters + NUL. */
void token_hash(const char *token, char out[HASH_HEX_LEN + 1]);

/* Constant-time equality of two tokens or token hashes. */
bool token_gelijk(const char *a, const char *b);

/* true when s has the form of a token (TOKEN_LEN lowercase hex). */
bool token_vorm(const char *s);

#endif
