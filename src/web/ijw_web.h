/* ijw_web: the iJw traffic in the browser and for machines: POST /api/v1/ijw, the inbox and outbox, the deadlines as work per role.
 *
 *   POST /api/v1/ijw                    one message from a provider's API
 *                                       token (ingelogd; others 403): the
 *                                       retourbericht, or 422/403 with findings
 *   GET /api/v1/berichten, /berichten   the inbox/outbox, filters, pages
 *   GET /api/v1/berichten/{id}, /berichten/{id}
 *                                       one message with its findings
 *   GET /api/v1/berichten/{id}/xml, .../retour
 *                                       downloads (attachment)
 *   GET /api/v1/werkvoorraad, /werkvoorraad
 *                                       open requests with their deadline
 *                                       (termijn.h) and what is late
 * All GETs with EIS_PERSOONSGEGEVENS, scoped by toegang_filter (regio all,
 * gemeente/lokaal_team its gemeenten, aanbieder its AGB); out of scope is
 * 404. Every answer that shows messages writes one audit record in the
 * transaction of its reads. docs/api/ijw.md has the details.
 *
 * Its routes are listed in ijw_routes (server.c serves them with the
 * eis of each entry checked by toegang.h first).
 */
#ifndef JR_WEB_IJW_WEB_H
#define JR_WEB_IJW_WEB_H

#include <stddef.h>

#include "web/route.h"

extern const struct route ijw_routes[];
extern const size_t ijw_routes_n;

#endif
