/* cijfers_web: the indicators of DOMAIN.md §4 in the API and on pages,
 * against the region's 2030 goals (DOMAIN.md §2), with trend charts.
 *
 * Routes (cijfers_routes; server.c serves them after checking each eis):
 *   GET /                                 EIS_PUBLIEK  the region's home: every goal
 *                                                      with its indicator, target,
 *                                                      status and trend chart
 *   GET /gemeenten                        EIS_PUBLIEK  key indicators per gemeente
 *   GET /gemeenten/{code}                 EIS_PUBLIEK  one gemeente against the region
 *                                                      and the goals; budget per segment
 *   GET /aanbieders/{agb}/cijfers         EIS_PUBLIEK  a provider's figures
 *   GET /api/v1/indicatoren               EIS_PUBLIEK  ?gemeente ?aanbieder ?segment
 *                                                      ?peildatum
 *   GET /api/v1/indicatoren/gemeenten     EIS_PUBLIEK  ?peildatum
 *   GET /api/v1/indicatoren/trend         EIS_PUBLIEK  ?gemeente ?peildatum
 *   GET /static/chart.umd.min.js          EIS_ASSET    Chart.js (npm), embedded
 *   GET /static/grafiek.js                EIS_ASSET    web/grafiek.js, embedded
 * docs/api/indicatoren.md describes parameters, shapes and suppression.
 *
 * Every figure comes from the cache (cijfers.h); every count shown to an
 * asker who may not see exact figures (toegang_onderdrukken, and anyone
 * outside the gemeente or provider in question) goes through
 * domain/onthulling.h.
 */
#ifndef JR_WEB_CIJFERS_WEB_H
#define JR_WEB_CIJFERS_WEB_H

#include <stddef.h>

#include "web/route.h"

extern const struct route cijfers_routes[];
extern const size_t cijfers_routes_n;

#endif
