/* antwoord: building and queueing HTTP responses with the headers every
 * response of jeugdregie carries.
 *
 * Security headers on every response: Content-Security-Policy (only our
 * own origin; no framing), X-Content-Type-Options nosniff,
 * Referrer-Policy same-origin, X-Frame-Options DENY. Cache-Control is
 * no-store for everything except embedded assets (ANTWOORD_ASSET), which
 * are public and cached for a year: pages link them with ?v=ETAG, so a
 * new build changes the URL.
 *
 * Errors are JSON, always of the form
 *   {"fout": {"code": "niet_gevonden", "veld": null, "melding": "..."}}
 * with a Dutch melding for people, a stable code for programs and the
 * name of the offending field (or null).
 */
#ifndef JR_WEB_ANTWOORD_H
#define JR_WEB_ANTWOORD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "web/route.h"

struct MHD_Connection;
struct MHD_Response;

enum antwoord_soort {
	ANTWOORD_DYNAMISCH,   /* Cache-Control: no-store */
	ANTWOORD_ASSET,       /* public, long cache */
};

/* A growing in-memory buffer to write a body into with stdio (and so
 * with the JSON writer and the html_ helpers). */
struct web_buf {
	FILE *f;
	char *data;
	size_t len;
};

/* 0, or -1 when out of memory. */
int web_buf_open(struct web_buf *b);
/* Close the stream: 0 and b->data / b->len hold the body (the caller owns
 * data: free(), or pass it to antwoord_buf); -1 on a write error (then
 * nothing is left to free). */
int web_buf_sluit(struct web_buf *b);

/* A response with body data (len bytes). eigen: the response takes data
 * over and free()s it; otherwise data must have static storage. Adds
 * Content-Type (when type is not NULL) and the headers above. NULL when
 * out of memory (an owned data is freed then too). */
struct MHD_Response *antwoord_maak(void *data, size_t len, bool eigen, const char *type,
				   enum antwoord_soort soort);

/* Add a header (true on success). */
bool antwoord_header(struct MHD_Response *r, const char *naam, const char *waarde);

/* Queue r with status on c and release r. WEB_CLIENTFOUT for a 4xx
 * status, WEB_KLAAR for any other, WEB_FATAAL when r is NULL or queueing
 * failed. */
enum web_uitslag antwoord_zend(struct MHD_Connection *c, unsigned status,
			       struct MHD_Response *r);

/* A JSON error response (to add headers to before antwoord_zend); veld
 * may be NULL (written as null). NULL when out of memory. */
struct MHD_Response *antwoord_fout_maak(const char *code, const char *veld,
					const char *melding);

/* Queue a JSON error (antwoord_fout_maak + antwoord_zend). */
enum web_uitslag antwoord_fout(struct MHD_Connection *c, unsigned status, const char *code,
			       const char *veld, const char *melding);

/* Queue the finished buffer b (see web_buf_sluit) as a body of type. */
enum web_uitslag antwoord_buf(struct MHD_Connection *c, unsigned status, struct web_buf *b,
			      const char *type);

#endif
