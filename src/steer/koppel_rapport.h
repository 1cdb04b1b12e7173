/* koppel_rapport: a round of matching proposals (store/koppel_store.h)
 * for people and programs: the explanation of one proposal in plain
 * Dutch, the totals (matched, not now, per gemeente), a text report for
 * `jeugdregie match` and the JSON members the CLI and the API share.
 *
 * Pure apart from writing to the FILE* or json writer it is given; the
 * caller owns everything.
 */
#ifndef JR_STEER_KOPPEL_RAPPORT_H
#define JR_STEER_KOPPEL_RAPPORT_H

#include <stddef.h>
#include <stdio.h>

#include "lib/json.h"
#include "store/koppel_store.h"

/* The explanation of v into buf[n]: why this place (or why not now), the
 * runner-up and what choosing it would cost at least. Returns buf. */
char *koppel_rapport_uitleg(const struct koppel_voorstel_rij *v, char *buf, size_t n);

/* "normaal", "verhoogd", "hoog". */
const char *koppel_rapport_urgentie(int urgentie);

/* The members of one proposal as a JSON object (names of people are
 * left out: the caller adds them where its reader may see them). */
void koppel_rapport_json_voorstel(struct json *j, const struct koppel_voorstel_rij *v);

/* The members "ronde" (the round) and "totalen" (matched, not now, and
 * per gemeente) of an open JSON object, over v[0..n). */
void koppel_rapport_json_ronde(struct json *j, const struct koppel_ronde_rij *r,
			       const struct koppel_voorstel_rij *v, size_t n);

/* The text report of `jeugdregie match`. */
void koppel_rapport_tekst(FILE *f, const struct koppel_ronde_rij *r,
			  const struct koppel_voorstel_rij *v, size_t n);

#endif
