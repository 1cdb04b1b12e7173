/* audit_web: see audit_web.h. */
#include "web/audit_web.h"

const struct route audit_routes[] = {
	{ "GET", "/api/v1/audit-nog-niet", NULL, EIS_NIEMAND },
};
const size_t audit_routes_n = 0;
