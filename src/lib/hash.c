/* hash: see hash.h. */
#include "lib/hash.h"

#include <string.h>

#include <sodium.h>

_Static_assert(sizeof(crypto_generichash_state) <= sizeof(struct hash_staat),
	       "hash_staat is te klein voor crypto_generichash_state");
_Static_assert(crypto_generichash_BYTES == HASH_BYTES, "BLAKE2b-256");

int hash_init(void)
{
	/* sodium_init is thread-safe and idempotent (1 = already done). */
	return sodium_init() < 0 ? -1 : 0;
}

int hash_begin(struct hash_staat *h, const unsigned char *key, size_t keylen)
{
	if (hash_init() < 0)
		return -1;
	return crypto_generichash_init((crypto_generichash_state *)(void *)h->opaak, key,
				       key ? keylen : 0, HASH_BYTES) == 0 ? 0 : -1;
}

void hash_voeg(struct hash_staat *h, const void *data, size_t len)
{
	crypto_generichash_update((crypto_generichash_state *)(void *)h->opaak, data, len);
}

void hash_einde_hex(struct hash_staat *h, char out[HASH_HEX_LEN + 1])
{
	unsigned char d[HASH_BYTES];

	crypto_generichash_final((crypto_generichash_state *)(void *)h->opaak, d, sizeof d);
	hash_naar_hex(d, sizeof d, out);
	sodium_memzero(h, sizeof *h);
}

void hash_hex(const void *data, size_t len, const unsigned char *key, size_t keylen,
	      char out[HASH_HEX_LEN + 1])
{
	struct hash_staat h;

	if (hash_begin(&h, key, keylen) < 0) {
		/* Only when libsodium cannot start: never a usable hash. */
		memset(out, '!', HASH_HEX_LEN);
		out[HASH_HEX_LEN] = '\0';
		return;
	}
	hash_voeg(&h, data, len);
	hash_einde_hex(&h, out);
}

void hash_random(void *buf, size_t n)
{
	hash_init();
	randombytes_buf(buf, n);
}

void hash_naar_hex(const unsigned char *in, size_t n, char *out)
{
	static const char cijfers[] = "0123456789abcdef";

	for (size_t i = 0; i < n; i++) {
		out[2 * i] = cijfers[in[i] >> 4];
		out[2 * i + 1] = cijfers[in[i] & 15];
	}
	out[2 * n] = '\0';
}

int hex_cijfer(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

int hash_van_hex(const char *hex, unsigned char *out, size_t n)
{
	if (!hex || strlen(hex) != 2 * n)
		return -1;
	for (size_t i = 0; i < n; i++) {
		int hi = hex_cijfer(hex[2 * i]), lo = hex_cijfer(hex[2 * i + 1]);

		if (hi < 0 || lo < 0)
			return -1;
		out[i] = (unsigned char)(hi << 4 | lo);
	}
	return 0;
}

bool hash_gelijk(const char *a, const char *b)
{
	size_t n;

	if (!a || !b)
		return false;
	n = strlen(a);
	if (n != strlen(b))
		return false;
	return n == 0 || sodium_memcmp(a, b, n) == 0;
}
