/* verzoek_web: the municipality's work on requests: the queue of allocation and change requests, honour (JW301) or answer (JW319), and allocations made by the local team.
 *
 * Its routes are listed in verzoek_routes (server.c serves them with the
 * eis of each entry checked by toegang.h first).
 */
#ifndef JR_WEB_VERZOEK_WEB_H
#define JR_WEB_VERZOEK_WEB_H

#include <stddef.h>

#include "web/route.h"

extern const struct route verzoek_routes[];
extern const size_t verzoek_routes_n;

#endif
