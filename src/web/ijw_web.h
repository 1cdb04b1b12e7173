/* ijw_web: the iJw traffic in the browser and for machines: POST /api/v1/ijw, the inbox and outbox, the deadlines as work per role.
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
