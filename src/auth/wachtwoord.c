/* wachtwoord: see wachtwoord.h. */
#include "auth/wachtwoord.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <sodium.h>

#include "lib/hash.h"

_Static_assert(WACHTWOORD_HASH_LEN == crypto_pwhash_STRBYTES, "hashlengte");

static bool snel(void)
{
	const char *s = getenv("JEUGDREGIE_PWHASH_SNEL");

	return s && strcmp(s, "1") == 0;
}

static void parameters(unsigned long long *ops, size_t *mem)
{
	if (snel()) {
		*ops = crypto_pwhash_OPSLIMIT_MIN;
		*mem = crypto_pwhash_MEMLIMIT_MIN;
	} else {
		*ops = crypto_pwhash_OPSLIMIT_INTERACTIVE;
		*mem = crypto_pwhash_MEMLIMIT_INTERACTIVE;
	}
}

int wachtwoord_hash(const char *wachtwoord, char out[WACHTWOORD_HASH_LEN], char *err,
		    size_t errlen)
{
	unsigned long long ops;
	size_t mem;

	if (hash_init() < 0) {
		snprintf(err, errlen, "libsodium kon niet starten");
		return -1;
	}
	parameters(&ops, &mem);
	if (crypto_pwhash_str(out, wachtwoord, strlen(wachtwoord), ops, mem) != 0) {
		snprintf(err, errlen, "wachtwoord hashen mislukt: onvoldoende geheugen");
		return -1;
	}
	return 0;
}

int wachtwoord_controleer(const char *hash, const char *wachtwoord)
{
	if (!hash || !wachtwoord || hash_init() < 0)
		return 0;
	if (strnlen(hash, WACHTWOORD_HASH_LEN) >= WACHTWOORD_HASH_LEN)
		return 0;
	return crypto_pwhash_str_verify(hash, wachtwoord, strlen(wachtwoord)) == 0;
}

bool wachtwoord_rehash_nodig(const char *hash)
{
	unsigned long long ops;
	size_t mem;

	if (!hash || hash_init() < 0)
		return true;
	parameters(&ops, &mem);
	/* 0: same parameters; 1: other ones; -1: not an Argon2id string. */
	return crypto_pwhash_str_needs_rehash(hash, ops, mem) != 0;
}

/* Number of UTF-8 characters (continuation bytes not counted). */
static size_t tekens(const char *s)
{
	size_t n = 0;

	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if ((*p & 0xC0) != 0x80)
			n++;
	return n;
}

int wachtwoord_beleid(const char *wachtwoord, const char *naam, char *err, size_t errlen)
{
	size_t len = strlen(wachtwoord), n = tekens(wachtwoord);
	bool zelfde = true;

	if (len > WACHTWOORD_MAX) {
		snprintf(err, errlen, "het wachtwoord is te lang: hoogstens %d bytes", WACHTWOORD_MAX);
		return -1;
	}
	if (n < WACHTWOORD_MIN) {
		snprintf(err, errlen, "het wachtwoord is te kort: %zu tekens, minstens %d nodig",
			 n, WACHTWOORD_MIN);
		return -1;
	}
	/* One character (possibly multi-byte) over and over. */
	{
		size_t eerste = 1;

		while (eerste < len && ((unsigned char)wachtwoord[eerste] & 0xC0) == 0x80)
			eerste++;
		if (len % eerste != 0) {
			zelfde = false;
		} else {
			for (size_t i = eerste; i < len && zelfde; i += eerste)
				zelfde = memcmp(wachtwoord, wachtwoord + i, eerste) == 0;
		}
	}
	if (zelfde) {
		snprintf(err, errlen, "het wachtwoord bestaat uit één en hetzelfde teken; "
			 "kies een wachtwoord met verschillende tekens");
		return -1;
	}
	if (naam && strcasecmp(wachtwoord, naam) == 0) {
		snprintf(err, errlen, "het wachtwoord mag niet gelijk zijn aan de gebruikersnaam");
		return -1;
	}
	return 0;
}
