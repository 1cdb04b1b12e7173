/* cijfers_web: the indicators: API, home page, gemeente and provider figures with charts.
 *
 * Its routes are listed in cijfers_routes (server.c serves them with the
 * eis of each entry checked by toegang.h first).
 */
#ifndef JR_WEB_CIJFERS_WEB_H
#define JR_WEB_CIJFERS_WEB_H

#include <stddef.h>

#include "web/route.h"

extern const struct route cijfers_routes[];
extern const size_t cijfers_routes_n;

#endif
