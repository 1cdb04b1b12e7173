/* pagina: the handlers of the server's first endpoints (see the routing
 * table in server.c). Each has the web_handler signature of route.h and
 * queues exactly one response.
 *
 *   GET /                       a small Dutch HTML start page
 *   GET /gezondheid             {"status":"ok","schema":N,"database":"sqlite"}
 *                               (503 when the store does not answer)
 *   GET /static/jeugdregie.css  the embedded style sheet, with ETag
 *   GET /api/v1/gemeenten       the region's gemeenten (public registry data)
 */
#ifndef JR_WEB_PAGINA_H
#define JR_WEB_PAGINA_H

#include "web/route.h"

/* Compute the assets' ETags; once, before the server starts. */
void pagina_init(void);

enum web_uitslag pagina_start(struct web_verzoek *v);
enum web_uitslag pagina_gezondheid(struct web_verzoek *v);
enum web_uitslag pagina_css(struct web_verzoek *v);
enum web_uitslag pagina_gemeenten(struct web_verzoek *v);

#endif
