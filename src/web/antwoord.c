/* antwoord: see antwoord.h. */
#include "web/antwoord.h"

#include <stdlib.h>
#include <string.h>

#include <microhttpd.h>

#include "lib/json.h"

static const char csp[] =
	"default-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

int web_buf_open(struct web_buf *b)
{
	b->data = NULL;
	b->len = 0;
	b->f = open_memstream(&b->data, &b->len);
	return b->f ? 0 : -1;
}

int web_buf_sluit(struct web_buf *b)
{
	bool fout = ferror(b->f) != 0;

	if (fclose(b->f) != 0)
		fout = true;
	b->f = NULL;
	if (fout) {
		free(b->data);
		b->data = NULL;
		b->len = 0;
		return -1;
	}
	return 0;
}

bool antwoord_header(struct MHD_Response *r, const char *naam, const char *waarde)
{
	return MHD_add_response_header(r, naam, waarde) == MHD_YES;
}

struct MHD_Response *antwoord_maak(void *data, size_t len, bool eigen, const char *type,
				   enum antwoord_soort soort)
{
	struct MHD_Response *r;
	const char *cache = "no-store";

	r = MHD_create_response_from_buffer(len, data,
					    eigen ? MHD_RESPMEM_MUST_FREE : MHD_RESPMEM_PERSISTENT);
	if (!r) {
		if (eigen)
			free(data);
		return NULL;
	}
	switch (soort) {
	case ANTWOORD_DYNAMISCH:
		cache = "no-store";
		break;
	case ANTWOORD_ASSET:
		cache = "public, max-age=31536000, immutable";
		break;
	}
	if ((type && !antwoord_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, type)) ||
	    !antwoord_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, cache) ||
	    !antwoord_header(r, "Content-Security-Policy", csp) ||
	    !antwoord_header(r, "X-Content-Type-Options", "nosniff") ||
	    !antwoord_header(r, "Referrer-Policy", "same-origin") ||
	    !antwoord_header(r, "X-Frame-Options", "DENY")) {
		MHD_destroy_response(r);
		return NULL;
	}
	return r;
}

enum web_uitslag antwoord_zend(struct MHD_Connection *c, unsigned status,
			       struct MHD_Response *r)
{
	enum MHD_Result ok;

	if (!r)
		return WEB_FATAAL;
	ok = MHD_queue_response(c, status, r);
	MHD_destroy_response(r);
	if (ok != MHD_YES)
		return WEB_FATAAL;
	return status >= 400 && status < 500 ? WEB_CLIENTFOUT : WEB_KLAAR;
}

enum web_uitslag antwoord_buf(struct MHD_Connection *c, unsigned status, struct web_buf *b,
			      const char *type)
{
	struct MHD_Response *r = antwoord_maak(b->data, b->len, true, type, ANTWOORD_DYNAMISCH);

	b->data = NULL;
	b->len = 0;
	return antwoord_zend(c, status, r);
}

struct MHD_Response *antwoord_fout_maak(const char *code, const char *veld,
					const char *melding)
{
	struct web_buf b;
	struct json j;
	char err[128];

	if (web_buf_open(&b) < 0)
		return NULL;
	json_init(&j, b.f, false);
	json_object_begin(&j);
	json_key(&j, "fout");
	json_object_begin(&j);
	json_key(&j, "code");
	json_string(&j, code);
	json_key(&j, "veld");
	json_string(&j, veld);
	json_key(&j, "melding");
	json_string(&j, melding);
	json_object_end(&j);
	json_object_end(&j);
	if (json_finish(&j, err, sizeof err) < 0) {
		if (web_buf_sluit(&b) == 0)
			free(b.data);
		return NULL;
	}
	if (web_buf_sluit(&b) < 0)
		return NULL;
	return antwoord_maak(b.data, b.len, true, "application/json", ANTWOORD_DYNAMISCH);
}

enum web_uitslag antwoord_fout(struct MHD_Connection *c, unsigned status, const char *code,
			       const char *veld, const char *melding)
{
	return antwoord_zend(c, status, antwoord_fout_maak(code, veld, melding));
}
