/* asset: see asset.h. */
#include "web/asset.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include <microhttpd.h>

#include "lib/embedded.h"
#include "lib/hash.h"
#include "web/antwoord.h"
#include "web/pagina.h"

#define ETAG_HEX 16

struct asset {
	const char *naam;
	const unsigned char *data;
	const size_t *len;
	const char *type;
	char etag[ETAG_HEX + 3];       /* "\"<16 hex>\"" */
	char url[64];                  /* "/static/NAAM?v=<16 hex>" */
};

static struct asset assets[] = {
	{ "jeugdregie.css", web_jeugdregie_css, &web_jeugdregie_css_len,
	  "text/css; charset=utf-8", "", "" },
	{ "chart.umd.min.js", web_chart_js, &web_chart_js_len,
	  "text/javascript; charset=utf-8", "", "" },
	{ "grafiek.js", web_grafiek_js, &web_grafiek_js_len,
	  "text/javascript; charset=utf-8", "", "" },
	{ "favicon.svg", web_favicon_svg, &web_favicon_svg_len, "image/svg+xml", "", "" },
};
#define N_ASSETS (sizeof assets / sizeof assets[0])

void asset_init(void)
{
	char hex[HASH_HEX_LEN + 1];

	for (size_t i = 0; i < N_ASSETS; i++) {
		hash_hex(assets[i].data, *assets[i].len, NULL, 0, hex);
		snprintf(assets[i].etag, sizeof assets[i].etag, "\"%.*s\"", ETAG_HEX, hex);
		snprintf(assets[i].url, sizeof assets[i].url, "/static/%s?v=%.*s", assets[i].naam,
			 ETAG_HEX, hex);
	}
}

static const struct asset *zoek(const char *naam)
{
	for (size_t i = 0; i < N_ASSETS; i++)
		if (strcmp(assets[i].naam, naam) == 0)
			return &assets[i];
	return NULL;
}

const char *asset_url(const char *naam)
{
	const struct asset *a = zoek(naam);

	return a && a->url[0] ? a->url : "/static/";
}

/* Does an If-None-Match header list etag (or "*")? */
static bool etag_past(const char *kop, const char *etag)
{
	size_t n = strlen(etag);

	if (!kop)
		return false;
	for (const char *p = kop; *p;) {
		p += strspn(p, " \t,");
		if (strncmp(p, "W/", 2) == 0)
			p += 2;
		if (*p == '*' || (strncmp(p, etag, n) == 0 && strchr(" \t,", p[n])))
			return true;
		p += strcspn(p, ",");
	}
	return false;
}

enum web_uitslag asset_zend(struct web_verzoek *v)
{
	const struct asset *a = zoek(v->param[0]);
	const char *inm;
	bool niet_gewijzigd;
	struct MHD_Response *r;

	if (!a)
		return pagina_fout(v, MHD_HTTP_NOT_FOUND, "niet_gevonden", NULL,
				   "Dit bestand bestaat niet.");
	inm = MHD_lookup_connection_value(v->conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_IF_NONE_MATCH);
	niet_gewijzigd = etag_past(inm, a->etag);
	/* Static storage: the response only borrows the embedded bytes. */
	r = antwoord_maak(niet_gewijzigd ? (void *)"" : (void *)a->data,
			  niet_gewijzigd ? 0 : *a->len, false, a->type, ANTWOORD_ASSET);
	if (r && !antwoord_header(r, MHD_HTTP_HEADER_ETAG, a->etag)) {
		MHD_destroy_response(r);
		r = NULL;
	}
	return antwoord_zend(v->conn, niet_gewijzigd ? MHD_HTTP_NOT_MODIFIED : MHD_HTTP_OK, r);
}
