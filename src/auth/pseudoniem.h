/* pseudoniem: the key under which a youth appears in the audit log and in
 * analyses, instead of a BSN or a database id.
 *
 * pseudoniem = hex(BLAKE2b-256 keyed with K, of "jeugdige:" + decimal id),
 * with K 32 random bytes per database, kept in meta under
 * PSEUDONIEM_META_SLEUTEL. It is stable within one database (and its
 * copies, which carry the same meta) and unlinkable across databases;
 * without K it cannot be reversed by trying ids. K is created on first
 * use and never printed or logged.
 */
#ifndef JR_AUTH_PSEUDONIEM_H
#define JR_AUTH_PSEUDONIEM_H

#include <stddef.h>
#include <stdint.h>

#include "lib/hash.h"
#include "store/store.h"

#define PSEUDONIEM_SLEUTEL_BYTES 32
#define PSEUDONIEM_META_SLEUTEL "pseudoniem.sleutel"

/* Pure: the pseudonym of jeugdige id under key. */
void pseudoniem_maak(const unsigned char key[PSEUDONIEM_SLEUTEL_BYTES], int64_t jeugdige_id,
		     char out[HASH_HEX_LEN + 1]);

/* The database's key, created (race-free: insert-if-absent, then read)
 * when absent. Returns 0, or the store's -1/-2 (message in
 * store_error()). */
int pseudoniem_sleutel(struct store *st, unsigned char key[PSEUDONIEM_SLEUTEL_BYTES]);

/* pseudoniem_sleutel + pseudoniem_maak; 0 or -1/-2. */
int pseudoniem_van(struct store *st, int64_t jeugdige_id, char out[HASH_HEX_LEN + 1]);

#endif
