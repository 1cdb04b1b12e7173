/* audit_web: the audit log for the privacy officer: search and per-youth report (API and pages).
 *
 * Its routes are listed in audit_routes (server.c serves them with the
 * eis of each entry checked by toegang.h first).
 */
#ifndef JR_WEB_AUDIT_WEB_H
#define JR_WEB_AUDIT_WEB_H

#include <stddef.h>

#include "web/route.h"

extern const struct route audit_routes[];
extern const size_t audit_routes_n;

#endif
