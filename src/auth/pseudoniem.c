/* pseudoniem: see pseudoniem.h. */
#include "auth/pseudoniem.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

void pseudoniem_maak(const unsigned char key[PSEUDONIEM_SLEUTEL_BYTES], int64_t jeugdige_id,
		     char out[HASH_HEX_LEN + 1])
{
	char invoer[40];
	int n = snprintf(invoer, sizeof invoer, "jeugdige:%" PRId64, jeugdige_id);

	hash_hex(invoer, (size_t)n, key, PSEUDONIEM_SLEUTEL_BYTES, out);
}

int pseudoniem_sleutel(struct store *st, unsigned char key[PSEUDONIEM_SLEUTEL_BYTES])
{
	char hex[2 * PSEUDONIEM_SLEUTEL_BYTES + 1];
	int rc = store_meta_get(st, PSEUDONIEM_META_SLEUTEL, hex, sizeof hex);

	if (rc == 0) {
		unsigned char nieuw[PSEUDONIEM_SLEUTEL_BYTES];

		hash_random(nieuw, sizeof nieuw);
		hash_naar_hex(nieuw, sizeof nieuw, hex);
		/* Two processes may get here at once: the first insert wins
		 * and both then read the winner. */
		rc = store_meta_set_nieuw(st, PSEUDONIEM_META_SLEUTEL, hex);
		if (rc >= 0)
			rc = store_meta_get(st, PSEUDONIEM_META_SLEUTEL, hex, sizeof hex);
		if (rc == 0)
			rc = -2;
	}
	if (rc < 0)
		return rc;
	if (hash_van_hex(hex, key, PSEUDONIEM_SLEUTEL_BYTES) < 0)
		return store_set_error(st, "de pseudoniemsleutel in meta is beschadigd");
	return 0;
}

int pseudoniem_van(struct store *st, int64_t jeugdige_id, char out[HASH_HEX_LEN + 1])
{
	unsigned char key[PSEUDONIEM_SLEUTEL_BYTES];
	int rc = pseudoniem_sleutel(st, key);

	if (rc < 0)
		return rc;
	pseudoniem_maak(key, jeugdige_id, out);
	memset(key, 0, sizeof key);
	return 0;
}
