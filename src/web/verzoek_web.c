/* verzoek_web: see verzoek_web.h. */
#include "web/verzoek_web.h"

const struct route verzoek_routes[] = {
	{ "GET", "/verzoek-nog-niet", NULL, EIS_NIEMAND },
};
const size_t verzoek_routes_n = 0;
