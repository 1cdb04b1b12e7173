/* toewijzing_web: toewijzingen made and changed on the municipality's own
 * initiative, and the toewijzingen each scope may see.
 *
 *   GET  /toewijzen?jeugdige=ID        the form: a referral by the local team
 *                                      and the toewijzing to a provider
 *   POST /toewijzen                    register it: verwijzing, toewijzing,
 *   POST /api/v1/toewijzingen          waiting traject and the JW301 to the
 *                                      provider in one transaction
 *   GET  /toewijzingen                 the toewijzingen of the scope (for a
 *   GET  /api/v1/toewijzingen          provider: "Mijn toewijzingen") with
 *                                      the status of each
 *   GET  /toewijzingen/{nummer}        one, with its traject (start, stop)
 *   GET  /api/v1/toewijzingen/{nummer} and every declared line's outcome
 *   POST /toewijzingen/{nummer}        change (Einddatum, Volume, Budget),
 *   POST /api/v1/toewijzingen/{nummer} withdraw (earlier Einddatum) or delete
 *                                      (reden 13): same ToewijzingNummer with
 *                                      RedenWijziging, a new JW301
 *
 * POST bodies are application/x-www-form-urlencoded (sessions send the
 * csrf field or the X-CSRF-Token header; the server checks it); the API
 * answers JSON, errors as {"fout": {"code", "veld", "melding"}}. The JW301
 * is built and checked by ijw/afhandel (ijw_afhandel_eigen), the same code
 * that honours a JW315. A youth or toewijzing outside the asker's scope is
 * 404, like one that does not exist. The referral keeps why the local team
 * refers (reden, 1 to 200 characters) and which team (migration 8). A page
 * whose form is refused shows that form again with what was typed and the
 * message next to the field.
 *
 * Its routes are listed in toewijzing_routes (server.c serves them with
 * the eis of each entry checked by toegang.h first).
 */
#ifndef JR_WEB_TOEWIJZING_WEB_H
#define JR_WEB_TOEWIJZING_WEB_H

#include <stddef.h>

#include "web/route.h"

extern const struct route toewijzing_routes[];
extern const size_t toewijzing_routes_n;

#endif
