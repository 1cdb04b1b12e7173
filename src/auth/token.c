/* token: see token.h. */
#include "auth/token.h"

#include <string.h>

void token_maak(char out[TOKEN_LEN + 1])
{
	unsigned char b[TOKEN_BYTES];

	hash_random(b, sizeof b);
	hash_naar_hex(b, sizeof b, out);
}

void token_hash(const char *token, char out[HASH_HEX_LEN + 1])
{
	hash_hex(token, strlen(token), NULL, 0, out);
}

bool token_gelijk(const char *a, const char *b)
{
	return hash_gelijk(a, b);
}

bool token_vorm(const char *s)
{
	if (!s || strlen(s) != TOKEN_LEN)
		return false;
	return strspn(s, "0123456789abcdef") == TOKEN_LEN;
}
