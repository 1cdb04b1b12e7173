/* cijfers_web: see cijfers_web.h. */
#include "web/cijfers_web.h"

const struct route cijfers_routes[] = {
	{ "GET", "/api/v1/cijfers-nog-niet", NULL, EIS_NIEMAND },
};
const size_t cijfers_routes_n = 0;
