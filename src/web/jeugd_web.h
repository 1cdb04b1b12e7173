/* jeugd_web: youth and their files: lists, the youth file, trajectories (API and pages).
 *
 * Its routes are listed in jeugd_routes (server.c serves them with the
 * eis of each entry checked by toegang.h first).
 */
#ifndef JR_WEB_JEUGD_WEB_H
#define JR_WEB_JEUGD_WEB_H

#include <stddef.h>

#include "web/route.h"

extern const struct route jeugd_routes[];
extern const size_t jeugd_routes_n;

#endif
