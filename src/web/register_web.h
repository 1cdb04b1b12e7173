/* register_web: the registry: gemeenten, lokale teams, aanbieders, contracten, producten (API and pages).
 *
 * Its routes are listed in register_routes (server.c serves them with the
 * eis of each entry checked by toegang.h first).
 */
#ifndef JR_WEB_REGISTER_WEB_H
#define JR_WEB_REGISTER_WEB_H

#include <stddef.h>

#include "web/route.h"

extern const struct route register_routes[];
extern const size_t register_routes_n;

#endif
