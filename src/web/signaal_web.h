/* signaal_web: the 2030 goals as a path (GET /doelen, /api/v1/doelen,
 * /doelen.csv) and the signals of the monthly series (GET /signalen,
 * /api/v1/signalen, /signalen.csv), from the per-stand cache of
 * web/signaal_cache.h. Routes for server.c's table.
 */
#ifndef JR_WEB_SIGNAAL_WEB_H
#define JR_WEB_SIGNAAL_WEB_H

#include <stddef.h>

#include "web/route.h"

extern const struct route signaal_routes[];
extern const size_t signaal_routes_n;

#endif
