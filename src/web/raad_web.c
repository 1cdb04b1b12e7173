/* raad_web: see raad_web.h. */
#include "web/raad_web.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <microhttpd.h>

#include "steer/raad_duiding.h"
#include "steer/raadsrapport.h"
#include "store/garp_store.h"
#include "store/store.h"
#include "web/antwoord.h"
#include "web/cijfers.h"
#include "web/formulier.h"
#include "web/klok.h"
#include "web/pagina.h"
#include "web/query.h"
#include "web/toegang.h"

void raad_web_link(FILE *f, const char *code, dag_t peildatum)
{
	int jaar = raadsrapport_standaard_jaar(peildatum);

	/* code is a gemeente of the stand: four digits, nothing to escape. */
	fprintf(f, "<p class=\"raadsrapport\"><a href=\"/gemeenten/%s/raadsrapport.pdf?jaar=%d\">"
		"Jaarrapportage %d aan de gemeenteraad (PDF)</a></p>\n", code, jaar, jaar);
}

static enum web_uitslag geheugen_op(struct web_verzoek *v)
{
	return pagina_fout(v, MHD_HTTP_INTERNAL_SERVER_ERROR, "interne_fout", NULL,
			   "Er was onvoldoende geheugen om het raadsrapport te maken.");
}

/* The figures of in: the kpi_rapport rows and trends from the cache (the
 * same functions raadsrapport_bereken calls), then the goals and data
 * quality. 0, or -1 when out of memory. */
static int cijfers_uit_cache(struct cijfers_stand *s, const struct raad_invoer *in,
			     struct raad_cijfers *c)
{
	char err[256];

	memset(c, 0, sizeof *c);
	c->peildatum = raadsrapport_peildatum(in->jaar, in->data_tot);
	c->peildatum_vorig = datum_plus_maanden(c->peildatum, -12);
	if (cijfers_regel(s, in->gemeente, c->peildatum, &c->gemeente) < 0 ||
	    cijfers_regel(s, NULL, c->peildatum, &c->regio) < 0 ||
	    cijfers_regel(s, in->gemeente, c->peildatum_vorig, &c->gemeente_vorig) < 0 ||
	    cijfers_regel(s, NULL, c->peildatum_vorig, &c->regio_vorig) < 0 ||
	    cijfers_trend(s, in->gemeente, c->peildatum, &c->trend_gemeente) < 0 ||
	    cijfers_trend(s, NULL, c->peildatum, &c->trend_regio) < 0)
		return -1;
	return raadsrapport_bereken_doelen(in, c, err, sizeof err);
}

static enum web_uitslag pdf_raadsrapport(struct web_verzoek *v)
{
	char jaar_t[8] = "", openbaar_t[4] = "", err[512], naam[64], kop[128];
	struct formulier_veld velden[] = {
		{ "jaar", jaar_t, sizeof jaar_t, false },
		{ "openbaar", openbaar_t, sizeof openbaar_t, false },
	};
	enum web_uitslag u = WEB_FATAAL;
	struct cijfers_stand *stand = NULL;
	const struct gemeente *g;
	struct raad_invoer in = { 0 };
	struct raad_duidingen duidingen = { 0 };
	struct raad_cijfers *c = NULL;
	struct garp_gezin *gezinnen = NULL;
	size_t n_gezinnen = 0;
	struct MHD_Response *r;
	unsigned char *pdf = NULL;
	size_t len = 0;
	int64_t jaar = 0, openbaar = 0;
	const char *code = v->param[0];
	struct store *st;
	char tijd[9];
	int rc;

	if (query_lees(v, velden, 2, &u) < 0)
		return u;
	if (query_getal(v, "openbaar", openbaar_t, 0, 1, &openbaar, &u) < 0 ||
	    query_getal(v, "jaar", jaar_t, RAAD_EERSTE_JAAR, 9999, &jaar, &u) < 0)
		return u;
	st = pagina_store(v, &u);
	if (!st)
		return u;
	rc = cijfers_pak(st, &stand);
	if (rc < 0)
		return pagina_store_fout(v, st, rc);
	/* The CBS code with or without its "GM", as the CLI takes it. */
	if ((code[0] == 'G' || code[0] == 'g') && (code[1] == 'M' || code[1] == 'm'))
		code += 2;
	g = cijfers_gemeente(stand, code);
	if (!g) {
		u = pagina_fout(v, MHD_HTTP_NOT_FOUND, "niet_gevonden", NULL,
				"Deze gemeente hoort niet bij de regio; zie de lijst van gemeenten.");
		goto uit;
	}
	in.data = cijfers_data(stand);
	in.gemeente = g->code;
	in.data_tot = cijfers_peildatum(stand);
	in.jaar = *jaar_t ? (int)jaar : raadsrapport_standaard_jaar(in.data_tot);
	if (raadsrapport_jaar_geldig(in.data, in.jaar, in.data_tot, err, sizeof err) < 0) {
		char melding[600];

		snprintf(melding, sizeof melding, "Jaar %d kan niet: %s.", in.jaar, err);
		query_weiger(v, "jaar", melding, &u);
		goto uit;
	}
	/* The gemeente page's rule: exact for whoever may see this gemeente
	 * (and, apart, the region) exactly. */
	in.exact_gemeente = !openbaar && toegang_gemeente_exact(v->wie, g->code);
	in.exact_regio = !openbaar && toegang_gemeente_exact(v->wie, NULL);
	in.gemaakt = klok_nu_lokaal(tijd);
	/* The family rows of the GARP goals (no names; aggregate input). */
	rc = store_garp_gezinnen(st, &gezinnen, &n_gezinnen);
	if (rc < 0) {
		u = pagina_store_fout(v, st, rc);
		goto uit;
	}
	in.gezinnen = gezinnen;
	in.n_gezinnen = n_gezinnen;
	/* The stories behind the figures: public text (duiding_web.h). */
	rc = raad_duidingen_laad(st, g->code, in.jaar, &duidingen);
	if (rc < 0) {
		u = pagina_store_fout(v, st, rc);
		goto uit;
	}
	in.duidingen = duidingen.lijst;
	in.n_duidingen = duidingen.n;
	c = malloc(sizeof *c);
	if (!c || cijfers_uit_cache(stand, &in, c) < 0) {
		u = geheugen_op(v);
		goto uit;
	}
	if (raadsrapport_pdf(&in, c, &pdf, &len, err, sizeof err) < 0) {
		fprintf(stderr, "jeugdregie serve: raadsrapport GM%s %d: %s\n", g->code, in.jaar, err);
		u = pagina_fout(v, MHD_HTTP_INTERNAL_SERVER_ERROR, "interne_fout", NULL,
				"Het raadsrapport kon niet worden gemaakt.");
		goto uit;
	}
	r = antwoord_maak(pdf, len, true, "application/pdf", ANTWOORD_DYNAMISCH);
	pdf = NULL;   /* the response owns it now, also when NULL is returned */
	snprintf(naam, sizeof naam, "raadsrapport-GM%s-%d%s.pdf", g->code, in.jaar,
		 in.exact_gemeente ? "-vertrouwelijk" : "");
	snprintf(kop, sizeof kop, "inline; filename=\"%s\"", naam);
	if (r && !antwoord_header(r, "Content-Disposition", kop)) {
		MHD_destroy_response(r);
		r = NULL;
	}
	u = antwoord_zend(v->conn, MHD_HTTP_OK, r);
uit:
	free(pdf);
	free(c);
	free(gezinnen);
	raad_duidingen_vrij(&duidingen);
	cijfers_laat(stand);
	return u;
}

const struct route raad_routes[] = {
	{ "GET", "/gemeenten/{code}/raadsrapport.pdf", pdf_raadsrapport, EIS_PUBLIEK },
};
const size_t raad_routes_n = sizeof raad_routes / sizeof raad_routes[0];
