/* ijw_web: see ijw_web.h. */
#include "web/ijw_web.h"

const struct route ijw_routes[] = {
	{ "GET", "/ijw-nog-niet", NULL, EIS_NIEMAND },
};
const size_t ijw_routes_n = 0;
