/* register_web: see register_web.h. */
#include "web/register_web.h"

const struct route register_routes[] = {
	{ "GET", "/api/v1/register-nog-niet", NULL, EIS_NIEMAND },
};
const size_t register_routes_n = 0;
