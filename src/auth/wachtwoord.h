/* wachtwoord: password hashing (Argon2id via libsodium) and the policy.
 *
 * Hashes are libsodium's self-describing strings ("$argon2id$v=19$m=...,
 * t=...,p=1$salt$hash"), at most WACHTWOORD_HASH_LEN - 1 characters; the
 * parameters travel inside, so old hashes keep verifying after the
 * parameters change and wachtwoord_rehash_nodig says when to re-hash at
 * the next login.
 *
 * Parameters: OPSLIMIT_INTERACTIVE / MEMLIMIT_INTERACTIVE (2 passes, 64
 * MiB). The "moderate" and "sensitive" levels cost 256 MiB / 1 GiB and a
 * second or more per login; on a 2-core server a handful of concurrent
 * logins would then exhaust memory. Interactive still makes an offline
 * guess cost ~0.1 s and 64 MiB each, and the callers (the web server)
 * limit how many hashes run at once.
 *
 * JEUGDREGIE_PWHASH_SNEL=1 in the environment selects OPSLIMIT_MIN /
 * MEMLIMIT_MIN instead (1 pass, 8 KiB). FOR TESTS ONLY: the sanitizer
 * build makes a 64 MiB Argon2 pass take seconds. It changes only how new
 * hashes are made (verification reads the parameters from the hash), and
 * wachtwoord_rehash_nodig reports such hashes as needing a re-hash once
 * the variable is gone.
 */
#ifndef JR_AUTH_WACHTWOORD_H
#define JR_AUTH_WACHTWOORD_H

#include <stdbool.h>
#include <stddef.h>

#define WACHTWOORD_HASH_LEN 128  /* crypto_pwhash_STRBYTES */
#define WACHTWOORD_MIN 12
#define WACHTWOORD_MAX 1024

/* Hash wachtwoord into out. 0, or -1 with a message in err (out of
 * memory: Argon2 needs its memory at once). */
int wachtwoord_hash(const char *wachtwoord, char out[WACHTWOORD_HASH_LEN], char *err,
		    size_t errlen);

/* 1 when wachtwoord matches hash, 0 when not (also for a malformed or
 * empty hash). */
int wachtwoord_controleer(const char *hash, const char *wachtwoord);

/* true when hash was made with other parameters than wachtwoord_hash uses
 * now (re-hash after a successful login). */
bool wachtwoord_rehash_nodig(const char *hash);

/* The policy: at least WACHTWOORD_MIN characters (UTF-8 characters, not
 * bytes), at most WACHTWOORD_MAX bytes, not one character repeated, not
 * equal to the user name (ignoring case). 0, or -1 with a Dutch message in
 * err. */
int wachtwoord_beleid(const char *wachtwoord, const char *naam, char *err, size_t errlen);

#endif
