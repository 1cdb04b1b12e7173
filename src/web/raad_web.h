/* raad_web: the yearly council report (steer/raadsrapport) from the web.
 *
 * Route (raad_routes; server.c checks the eis first):
 *   GET /gemeenten/{code}/raadsrapport.pdf   EIS_PUBLIEK  ?jaar=JJJJ ?openbaar=1
 *       The PDF of gemeente {code} (0546 or GM0546) for jaar (default: the
 *       last complete year of the data). Disclosure as on the gemeente
 *       page /gemeenten/{code}: exact figures for whoever may see that
 *       gemeente (toegang_gemeente_exact: regio, beheerder, the gemeente's
 *       own staff) and, separately, the region; suppressed figures for
 *       beleid, the public and other gemeenten. openbaar=1 asks for the
 *       suppressed version even when exact figures are allowed (the one
 *       to hand to the council). Unknown gemeente: 404; a bad or
 *       out-of-range jaar: 400.
 *
 * Figures come from the server's cache (web/cijfers.h) and, for the goals,
 * from doelen_bereken on the cache's record with the family rows
 * (store_garp_gezinnen) read per request: the same functions as
 * `jeugdregie report`, so both give the same figures.
 */
#ifndef JR_WEB_RAAD_WEB_H
#define JR_WEB_RAAD_WEB_H

#include <stddef.h>
#include <stdio.h>

#include "domain/datum.h"
#include "web/route.h"

extern const struct route raad_routes[];
extern const size_t raad_routes_n;

/* The link to the report of gemeente code (four digits) for the last
 * complete year on peildatum, as a paragraph of HTML for the gemeente
 * page. */
void raad_web_link(FILE *f, const char *code, dag_t peildatum);

#endif
