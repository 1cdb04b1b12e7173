/* maandcijfers_web: GET /api/v1/maandcijfers, a monthly or yearly series
 * of one indicator for one selection, read from the stored aggregates
 * (store/maandcijfers_store.h), with the disclosure rules of the other
 * indicator APIs (exact for regio, beheerder and one's own gemeente or
 * provider; otherwise through domain/onthulling.h).
 * Memory: the answer is built in a web_buf the server frees.
 */
#ifndef JR_WEB_MAANDCIJFERS_WEB_H
#define JR_WEB_MAANDCIJFERS_WEB_H

#include <stddef.h>

#include "web/route.h"

extern const struct route maandcijfers_routes[];
extern const size_t maandcijfers_routes_n;

#endif
