/* pagina: the frame every page shares (header with the menu by role and
 * who is logged in, footer), error answers in the form the client reads
 * (JSON under /api/, HTML elsewhere), and the server's own small
 * endpoints (see the routing table in server.c). Each handler has the
 * web_handler signature of route.h and queues exactly one response.
 *
 *   GET /gezondheid             {"status":"ok","schema":N,"database":"sqlite"}
 *                               (503 when the store does not answer)
 *   GET /api/v1/gemeenten       the region's gemeenten (public registry data)
 */
#ifndef JR_WEB_PAGINA_H
#define JR_WEB_PAGINA_H

#include <stdio.h>

#include "web/route.h"

struct store;


/* Today in the region's calendar (the server's local time,
 * Europe/Amsterdam). */
#include "domain/datum.h"
dag_t pagina_vandaag(void);

/* The hidden csrf field of a form posted in wie's session (empty without
 * one: the server then refuses the post, toegang.c). */
void pagina_csrf_veld(FILE *f, const struct toegang *wie);

/* The store scope of who asks (v->wie; toegang_filter): the records a
 * list or read of theirs may show. Borrows from v->wie. */
struct store_scope;
void pagina_scope(const struct web_verzoek *v, struct store_scope *s);

/* The calling thread's store, or NULL with a 503 queued (*uitslag). */
struct store *pagina_store(struct web_verzoek *v, enum web_uitslag *uitslag);
/* A failed store call (rc -1/-2): log it, drop the connection on -2 and
 * queue a 503. */
enum web_uitslag pagina_store_fout(struct web_verzoek *v, struct store *st, int rc);

/* The start and the end of every HTML page (titel NULL: the start page).
 * The header shows the region, a menu with what wie may open (actief:
 * the menu item of this page: "overzicht", "gemeenten", "aanbieders",
 * "register", "jeugdigen", "audit", or NULL) and who is logged in, with
 * the logout form. wie NULL: as the public. */
struct toegang;
void pagina_html_begin(FILE *f, const char *titel, const struct toegang *wie,
		       const char *actief);
void pagina_html_einde(FILE *f);

/* Queue an error answer for v: JSON {"fout": ...} under /api/, a Dutch
 * HTML page with the same message elsewhere. veld may be NULL. */
enum web_uitslag pagina_fout(struct web_verzoek *v, unsigned status, const char *code,
			     const char *veld, const char *melding);

/* Queue a finished HTML page (b open, written with pagina_html_begin ..
 * pagina_html_einde) as 200 text/html. */
struct web_buf;
enum web_uitslag pagina_html_klaar(struct web_verzoek *v, struct web_buf *b);

/* Finish the JSON writer j on b and queue it as 200 application/json (a
 * writer error: 500). */
struct json;
enum web_uitslag pagina_json_klaar(struct web_verzoek *v, struct web_buf *b, struct json *j);

enum web_uitslag pagina_gezondheid(struct web_verzoek *v);
enum web_uitslag pagina_gemeenten(struct web_verzoek *v);

#endif
