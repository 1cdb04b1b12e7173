/* namen: invented Dutch names for the synthetic region (people and
 * organisations). Any resemblance to a real organisation is chance. */
#ifndef JR_DEMO_NAMEN_H
#define JR_DEMO_NAMEN_H

#include <stddef.h>
#include <stdint.h>

#include "lib/rng.h"

/* A first name for geslacht 1 (man) or 2 (vrouw). */
const char *naam_voornaam(struct rng *r, int geslacht);

/* A surname, with its voorvoegsel ("de Vries"). */
const char *naam_achternaam(struct rng *r);

/* A person's full name picked by a hash value: the same h gives the same
 * name (used for the fixed pool of regisseurs per local team). */
void naam_persoon(uint64_t h, char *out, size_t outlen);

/* An organisation name for provider number i: different i give different
 * names. `segmenten` is a bitmask of the segments it offers (bit s), used
 * to pick a fitting kind of name. */
void naam_aanbieder(size_t i, unsigned segmenten, char *out, size_t outlen);

#endif
