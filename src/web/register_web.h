/* register_web: the registry: gemeenten, lokale teams, aanbieders, contracten, producten (API and pages).
 *
 * Its routes are listed in register_routes (server.c serves them with the
 * eis of each entry checked by toegang.h first):
 *
 *   GET /api/v1/gemeenten/{code}   one gemeente, its lokale teams and its
 *                                  deelname (regional purchasing)      publiek
 *   GET /api/v1/lokale-teams       teams with their gemeenten          publiek
 *   GET /api/v1/aanbieders         search, paginated                   publiek
 *   GET /api/v1/aanbieders/{agb}   one aanbieder                       publiek
 *   GET /api/v1/contracten         contracts with tarieven, paginated  ingelogd
 *   GET /api/v1/producten          the product list, paginated         publiek
 *   GET /aanbieders, /aanbieders/{agb}, /register, /register/lokale-teams,
 *       /register/producten        the same as pages                   publiek
 *   GET /register/contracten                                           ingelogd
 *
 * Contracts: an aanbieder (user or API token) sees only its own; an agb
 * filter that names another provider, or an unknown one, is 404
 * niet_gevonden for everybody, so the answer never tells an existing
 * provider from a missing one. docs/api/register.md has the details.
 *
 * The helpers below are pure and exposed for the unit tests; they write to
 * a FILE* they borrow.
 */
#ifndef JR_WEB_REGISTER_WEB_H
#define JR_WEB_REGISTER_WEB_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "web/route.h"

extern const struct route register_routes[];
extern const size_t register_routes_n;

/* Write the href of page `pagina` of list pad with the filters
 * namen[i]=waarden[i] whose value is not "" (percent-encoded, joined with
 * "&amp;", so the result goes straight into a double-quoted attribute).
 * pagina 1 is left out. */
void register_web_href(FILE *f, const char *pad, const char *const namen[],
		       const char *const waarden[], size_t n, int64_t pagina);

/* Eurocents as "€ 1.234,56" (Dutch notation; a minus sign before the
 * amount when negative) into out; returns out. */
#define REGISTER_BEDRAG_LEN 48
char *register_web_bedrag(int64_t cent, char out[REGISTER_BEDRAG_LEN]);

#endif
