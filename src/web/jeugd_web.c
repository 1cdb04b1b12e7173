/* jeugd_web: see jeugd_web.h. */
#include "web/jeugd_web.h"

const struct route jeugd_routes[] = {
	{ "GET", "/api/v1/jeugd-nog-niet", NULL, EIS_NIEMAND },
};
const size_t jeugd_routes_n = 0;
