/* garp_store: the family rows the GARP indicators (domain/garp.h) need,
 * without names: per gezin its id, whether a regisseur is recorded and
 * the date of the verklarende analyse. Aggregate input, no personal data
 * leaves through it (no audit record: nothing of one youth is shown).
 *
 * The caller owns the returned array (free()). Returns the number of rows
 * (>= 0) or the store's -1/-2 with the message in store_error().
 */
#ifndef JR_STORE_GARP_STORE_H
#define JR_STORE_GARP_STORE_H

#include <stddef.h>

#include "domain/garp.h"

struct store;

/* Every gezin, ordered by id. */
int store_garp_gezinnen(struct store *st, struct garp_gezin **out, size_t *n);

#endif
