/* ijw_web: see ijw_web.h. */
#include "web/ijw_web.h"

#include <inttypes.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <microhttpd.h>

#include "domain/audit.h"
#include "domain/datum.h"
#include "ijw/termijn.h"
#include "ijw/verwerk.h"
#include "ijw/xml.h"
#include "lib/json.h"
#include "store/ijw_inbox.h"
#include "store/ijw_store.h"
#include "store/store.h"
#include "web/antwoord.h"
#include "web/auditspoor.h"
#include "web/formulier.h"
#include "web/html.h"
#include "web/pagina.h"
#include "web/query.h"
#include "web/register_web.h"
#include "web/toegang.h"
#include "web/veld.h"

#define PER_PAGINA_API 50
#define PER_PAGINA_HTML 25
/* An aanbieder's work list shows its rejected messages of this many days. */
#define AFGEKEURD_DAGEN 30
#define AFGEKEURD_MAX 100

/* ---- small helpers -------------------------------------------------------- */

static enum web_uitslag niet_gevonden(struct web_verzoek *v)
{
	return pagina_fout(v, MHD_HTTP_NOT_FOUND, "niet_gevonden", NULL,
			   "Er is geen bericht met dit nummer, of het valt buiten uw toegang. "
			   "Zoek het bericht op in de lijst van berichten (/berichten).");
}

static const char *status_tekst(const char *s)
{
	if (strcmp(s, "verwerkt") == 0)
		return "verwerkt";
	if (strcmp(s, "afgekeurd_xsd") == 0)
		return "afgekeurd (XSD)";
	if (strcmp(s, "afgekeurd") == 0)
		return "afgekeurd";
	if (strcmp(s, "deels_afgekeurd") == 0)
		return "deels afgekeurd";
	if (strcmp(s, "geweigerd") == 0)
		return "geweigerd";
	return s;
}

static void j_ref(struct json *j, const char *k, int64_t id)
{
	json_key(j, k);
	if (id > 0)
		json_int(j, id);
	else
		json_null(j);
}

/* {"code": ..., "naam": ...} or null. */
static void j_partij(struct json *j, const char *k, const char *code_sleutel, const char *code,
		     const char *naam)
{
	json_key(j, k);
	if (!code[0]) {
		json_null(j);
		return;
	}
	json_object_begin(j);
	veld_json_tekst(j, code_sleutel, code);
	veld_json_tekst(j, "naam", naam);
	json_object_end(j);
}

/* Finish j on b and queue it with status (pagina_json_klaar is 200 only). */
static enum web_uitslag json_klaar_status(struct web_verzoek *v, struct web_buf *b,
					  struct json *j, unsigned status)
{
	char err[128];

	if (json_finish(j, err, sizeof err) < 0) {
		if (web_buf_sluit(b) == 0)
			free(b->data);
		return antwoord_fout(v->conn, MHD_HTTP_INTERNAL_SERVER_ERROR, "interne_fout", NULL,
				     "Er ging iets mis bij het maken van het antwoord.");
	}
	if (web_buf_sluit(b) < 0)
		return WEB_FATAAL;
	return antwoord_buf(v->conn, status, b, "application/json");
}

static void melding(FILE *f, const char *tekst)
{
	fputs("<p class=\"melding\" role=\"status\">", f);
	html_txt(f, tekst);
	fputs("</p>\n", f);
}

/* "Vorige" / "Pagina X van Y" / "Volgende" for page pagina of paginas,
 * the links keeping the filters nm[i]=wd[i]. */
static void navigatie(FILE *f, const char *pad, const char *const nm[], const char *const wd[],
		      size_t n, int64_t pagina, int64_t paginas)
{
	fputs("<nav class=\"paginering\" aria-label=\"Paginering\"><p>", f);
	if (pagina > 1) {
		fputs("<a rel=\"prev\" href=\"", f);
		register_web_href(f, pad, nm, wd, n, pagina - 1);
		fputs("\">Vorige</a> · ", f);
	}
	fprintf(f, "Pagina %" PRId64 " van %" PRId64, pagina, paginas);
	if (pagina < paginas) {
		fputs(" · <a rel=\"next\" href=\"", f);
		register_web_href(f, pad, nm, wd, n, pagina + 1);
		fputs("\">Volgende</a>", f);
	}
	fputs("</p></nav>\n", f);
}

/* ---- POST /api/v1/ijw -------------------------------------------------------- */

/* The Content-Type of the request names XML (parameters such as charset
 * may follow). */
static bool is_xml(struct web_verzoek *v)
{
	const char *ct = MHD_lookup_connection_value(v->conn, MHD_HEADER_KIND,
						     MHD_HTTP_HEADER_CONTENT_TYPE);
	size_t n;

	if (!ct)
		return false;
	n = strcspn(ct, "; \t");
	return (n == 15 && strncasecmp(ct, "application/xml", 15) == 0) ||
	       (n == 8 && strncasecmp(ct, "text/xml", 8) == 0);
}

static void json_bevindingen(struct json *j, const struct ijw_bevinding *b, size_t n)
{
	json_key(j, "bevindingen");
	json_array_begin(j);
	for (size_t i = 0; i < n; i++) {
		json_object_begin(j);
		veld_json_tekst(j, "code", b[i].code);
		json_key(j, "regel");
		if (b[i].regel > 0)
			json_int(j, b[i].regel);
		else
			json_null(j);
		veld_json_tekst(j, "pad", b[i].pad);
		veld_json_tekst(j, "melding", b[i].melding);
		json_object_end(j);
	}
	json_array_end(j);
}

/* A refusal without retourbericht: {"fout": ..., "bericht_id", "status",
 * "bevindingen": [...]}. */
static enum web_uitslag post_fout(struct web_verzoek *v, unsigned status, const char *code,
				  const char *tekst, const struct ijw_uitkomst *u,
				  const struct ijw_bevinding *b, size_t n)
{
	struct web_buf buf;
	struct json j;

	if (web_buf_open(&buf) < 0)
		return WEB_FATAAL;
	json_init(&j, buf.f, false);
	json_object_begin(&j);
	json_key(&j, "fout");
	json_object_begin(&j);
	veld_json_tekst(&j, "code", code);
	json_key(&j, "veld");
	json_null(&j);
	veld_json_tekst(&j, "melding", tekst);
	json_object_end(&j);
	j_ref(&j, "bericht_id", u->bericht_id);
	veld_json_tekst(&j, "status", ijw_verwerk_status_naam(u->status));
	json_bevindingen(&j, b, n);
	json_object_end(&j);
	return json_klaar_status(v, &buf, &j, status);
}

/* The findings of a message refused on the XSD, with line numbers: the
 * pipeline keeps code, pad and melding only, so the (cheap, pure) check
 * is run again here for the lines. */
static enum web_uitslag post_xsd(struct web_verzoek *v, const struct ijw_uitkomst *u)
{
	struct ijw_document d;
	enum web_uitslag r;
	char err[128];
	int rc;

	memset(&d, 0, sizeof d);
	rc = ijw_xml_controleer(&d, v->body, v->body_len, err, sizeof err);
	r = post_fout(v, 422, "xsd",
		      "Het bericht is geen geldig iJw 3.2-bericht (XSD, OP179 of OP192); het is "
		      "niet verwerkt en krijgt geen retourbericht. Herstel de bevindingen en "
		      "stuur het opnieuw, met dezelfde BerichtIdentificatie mag.",
		      u, rc > 0 && d.n_bevindingen ? d.bevindingen : u->bevindingen,
		      rc > 0 && d.n_bevindingen ? d.n_bevindingen : u->n_bevindingen);
	ijw_document_vrij(&d);
	return r;
}

static enum web_uitslag post_retour(struct web_verzoek *v, const struct ijw_uitkomst *u)
{
	struct MHD_Response *r;
	char id[24], loc[64];
	char *kopie;

	if (!u->retour) {
		/* A 302 or 320 (itself a retourbericht) gets no answer message. */
		struct web_buf b;
		struct json j;

		if (web_buf_open(&b) < 0)
			return WEB_FATAAL;
		json_init(&j, b.f, false);
		json_object_begin(&j);
		j_ref(&j, "bericht_id", u->bericht_id);
		veld_json_tekst(&j, "status", ijw_verwerk_status_naam(u->status));
		json_key(&j, "herhaald");
		json_bool(&j, u->herhaald);
		json_key(&j, "retourbericht");
		json_null(&j);
		json_bevindingen(&j, u->bevindingen, u->n_bevindingen);
		json_object_end(&j);
		return pagina_json_klaar(v, &b, &j);
	}
	kopie = malloc(u->retour_len ? u->retour_len : 1);
	if (!kopie)
		return WEB_FATAAL;
	memcpy(kopie, u->retour, u->retour_len);
	r = antwoord_maak(kopie, u->retour_len, true, "application/xml; charset=utf-8",
			  ANTWOORD_DYNAMISCH);
	snprintf(id, sizeof id, "%" PRId64, u->bericht_id);
	snprintf(loc, sizeof loc, "/api/v1/berichten/%" PRId64, u->bericht_id);
	if (r && (!antwoord_header(r, "X-Ijw-Bericht", id) ||
		  !antwoord_header(r, "X-Ijw-Status", ijw_verwerk_status_naam(u->status)) ||
		  !antwoord_header(r, "X-Ijw-Herhaald", u->herhaald ? "ja" : "nee") ||
		  !antwoord_header(r, MHD_HTTP_HEADER_CONTENT_LOCATION, loc))) {
		MHD_destroy_response(r);
		r = NULL;
	}
	return antwoord_zend(v->conn, MHD_HTTP_OK, r);
}

static enum web_uitslag api_ijw_post(struct web_verzoek *v)
{
	const struct toegang *wie = v->wie;
	struct ijw_verwerk_context ctx;
	enum web_uitslag u = WEB_FATAAL;
	struct ijw_uitkomst uit;
	struct gemeente *gem = NULL;
	size_t n_gem = 0;
	struct store *st;
	char nu[21];
	int rc;

	if (wie->rol != TOEGANG_AANBIEDER || wie->bron != TOEGANG_API_TOKEN || !wie->agb[0])
		return pagina_fout(v, MHD_HTTP_FORBIDDEN, "geen_aanbiedertoken", NULL,
				   "Alleen het systeem van een jeugdhulpaanbieder levert iJw-berichten "
				   "aan, met een API-token van die aanbieder (Authorization: Bearer; "
				   "de beheerder maakt het met 'jeugdregie token add --aanbieder AGB'). "
				   "Een sessie of een token van een gemeente kan dat niet.");
	if (query_lees(v, NULL, 0, &u) < 0)
		return u;
	if (!is_xml(v))
		return pagina_fout(v, MHD_HTTP_UNSUPPORTED_MEDIA_TYPE, "geen_xml", NULL,
				   "Stuur het bericht met Content-Type application/xml of text/xml.");
	if (v->body_len == 0)
		return pagina_fout(v, MHD_HTTP_BAD_REQUEST, "leeg", NULL,
				   "Het verzoek heeft geen inhoud; stuur precies één iJw-bericht.");
	if (!(st = pagina_store(v, &u)))
		return u;
	if ((rc = store_gemeenten(st, &gem, &n_gem)) < 0)
		return pagina_store_fout(v, st, rc);
	store_nu_iso(nu);
	ctx = (struct ijw_verwerk_context){ wie->agb, gem, n_gem, pagina_vandaag(), nu };
	rc = ijw_verwerk(st, v->body, v->body_len, &ctx, &uit);
	free(gem);
	if (rc < 0)
		return pagina_store_fout(v, st, rc);
	switch (uit.status) {
	case IJW_VERWERKT:
	case IJW_AFGEKEURD:
	case IJW_DEELS_AFGEKEURD:
		u = post_retour(v, &uit);
		break;
	case IJW_AFGEKEURD_XSD:
		u = post_xsd(v, &uit);
		break;
	case IJW_GEWEIGERD:
		if (uit.n_bevindingen && strcmp(uit.bevindingen[0].code, "TOEGANG") == 0)
			u = post_fout(v, MHD_HTTP_FORBIDDEN, "toegang",
				      "De Afzender van het bericht is niet de aanbieder van uw "
				      "API-token; het bericht is niet verwerkt.", &uit,
				      uit.bevindingen, uit.n_bevindingen);
		else
			u = post_fout(v, 422, "soort",
				      "Dit berichtsoort komt niet bij de gemeente binnen; alleen "
				      "JW302, JW305, JW307, JW315, JW317, JW320 en JW323.", &uit,
				      uit.bevindingen, uit.n_bevindingen);
		break;
	}
	ijw_uitkomst_vrij(&uit);
	return u;
}

/* ---- lists ------------------------------------------------------------------- */

static const char *const statussen[] = { "verwerkt", "afgekeurd_xsd", "afgekeurd",
					 "deels_afgekeurd", "geweigerd" };
#define N_STATUSSEN (sizeof statussen / sizeof statussen[0])

struct lijst {
	char soort[8], status[20], aanbieder[AGB_LEN], gemeente[GEMEENTE_CODE_LEN];
	char richting[4], van[12], tot[12], pagina[12], per_pagina[12];
	struct query_paginering pag;
	struct ijw_inbox_filter f;
};

static int lijst_lees(struct web_verzoek *v, struct lijst *l, int64_t standaard,
		      enum web_uitslag *u)
{
	struct formulier_veld velden[] = {
		{ "soort", l->soort, sizeof l->soort, false },
		{ "status", l->status, sizeof l->status, false },
		{ "aanbieder", l->aanbieder, sizeof l->aanbieder, false },
		{ "gemeente", l->gemeente, sizeof l->gemeente, false },
		{ "richting", l->richting, sizeof l->richting, false },
		{ "van", l->van, sizeof l->van, false },
		{ "tot", l->tot, sizeof l->tot, false },
		{ "pagina", l->pagina, sizeof l->pagina, false },
		{ "per_pagina", l->per_pagina, sizeof l->per_pagina, false },
	};
	bool status_ok;

	if (query_lees(v, velden, sizeof velden / sizeof velden[0], u) < 0)
		return -1;
	if (l->soort[0] && !(strlen(l->soort) == 5 && strncmp(l->soort, "JW3", 3) == 0 &&
			     strspn(l->soort + 3, "0123456789") == 2))
		return query_weiger(v, "soort", "Parameter 'soort' moet een berichtsoort zijn, "
				"bijvoorbeeld JW305.", u);
	status_ok = !l->status[0];
	for (size_t i = 0; i < N_STATUSSEN; i++)
		status_ok |= strcmp(l->status, statussen[i]) == 0;
	if (!status_ok)
		return query_weiger(v, "status", "Parameter 'status' moet verwerkt, afgekeurd_xsd, "
				"afgekeurd, deels_afgekeurd of geweigerd zijn.", u);
	if (l->aanbieder[0] && !query_cijfers(l->aanbieder, AGB_LEN - 1, AGB_LEN - 1))
		return query_weiger(v, "aanbieder", "Parameter 'aanbieder' moet een AGB-code van acht "
				"cijfers zijn.", u);
	if (l->gemeente[0] && !query_cijfers(l->gemeente, GEMEENTE_CODE_LEN - 1,
						  GEMEENTE_CODE_LEN - 1))
		return query_weiger(v, "gemeente", "Parameter 'gemeente' moet een CBS-gemeentecode van "
				"vier cijfers zijn, bijvoorbeeld 0546 (Leiden).", u);
	if (l->richting[0] && strcmp(l->richting, "in") != 0 && strcmp(l->richting, "uit") != 0)
		return query_weiger(v, "richting", "Parameter 'richting' moet 'in' (ontvangen) of 'uit' "
				"(verzonden) zijn.", u);
	l->f.van = l->f.tot = DAG_GEEN;
	if (query_datum(v, "van", l->van, &l->f.van, u) < 0 ||
	    query_datum(v, "tot", l->tot, &l->f.tot, u) < 0 ||
	    query_paginering(v, l->pagina, l->per_pagina, standaard, &l->pag, u) < 0)
		return -1;
	if (l->f.van != DAG_GEEN && l->f.tot != DAG_GEEN && l->f.tot < l->f.van)
		return query_weiger(v, "tot", "Parameter 'tot' ligt voor 'van'.", u);
	l->f.soort = l->soort;
	l->f.status = l->status;
	l->f.agb = l->aanbieder;
	l->f.gemeente = l->gemeente;
	l->f.richting = l->richting;
	l->f.limiet = l->pag.per_pagina;
	l->f.offset = l->pag.offset;
	return 0;
}

struct lijst_tx {
	const struct toegang *wie;
	struct store_scope scope;
	const struct lijst *l;
	struct ijw_inbox_regel *regels;
	size_t n;
	int64_t totaal;
};

/* A page of messages and its audit record (the rows point to youth). */
static int lijst_tx(struct store *st, void *arg)
{
	struct lijst_tx *a = arg;
	const struct lijst *l = a->l;
	char object[240];
	int rc;

	free(a->regels);
	a->regels = NULL;
	rc = store_ijw_inbox_lijst(st, &a->scope, &l->f, &a->regels, &a->n, &a->totaal);
	if (rc < 0)
		return rc;
	snprintf(object, sizeof object, "ijw_berichten: lijst (%zu regels van %" PRId64
		 ", pagina %" PRId64 "; filter soort=%s status=%s aanbieder=%s gemeente=%s "
		 "richting=%s van=%s tot=%s)", a->n, a->totaal, l->pag.pagina,
		 l->soort[0] ? l->soort : "-", l->status[0] ? l->status : "-",
		 l->aanbieder[0] ? l->aanbieder : "-", l->gemeente[0] ? l->gemeente : "-",
		 l->richting[0] ? l->richting : "-", l->van[0] ? l->van : "-",
		 l->tot[0] ? l->tot : "-");
	rc = auditspoor_schrijf(st, a->wie, "lezen", 0, object);
	return rc < 0 ? rc : 0;
}

static int lijst_ophalen(struct web_verzoek *v, struct lijst *l, int64_t standaard,
			 struct lijst_tx *a, enum web_uitslag *u)
{
	struct store *st;
	int rc;

	memset(a, 0, sizeof *a);
	if (lijst_lees(v, l, standaard, u) < 0 || !(st = pagina_store(v, u)))
		return -1;
	a->wie = v->wie;
	a->l = l;
	pagina_scope(v, &a->scope);
	rc = store_transaction(st, lijst_tx, a);
	if (rc < 0) {
		free(a->regels);
		a->regels = NULL;
		*u = pagina_store_fout(v, st, rc);
		return -1;
	}
	return 0;
}

static void json_regel(struct json *j, const struct ijw_inbox_regel *r)
{
	char pad[64];

	json_object_begin(j);
	json_key(j, "id");
	json_int(j, r->id);
	veld_json_tekst(j, "richting", r->richting);
	veld_json_tekst(j, "soort", r->soort);
	veld_json_tekst(j, "afzender", r->afzender);
	veld_json_tekst(j, "ontvanger", r->ontvanger);
	veld_json_tekst(j, "identificatie", r->identificatie);
	veld_json_datum(j, "dagtekening", r->dagtekening);
	veld_json_tekst(j, "ontvangen_op", r->ontvangen_op);
	veld_json_tekst(j, "status", r->status);
	j_partij(j, "aanbieder", "agb", r->agb, r->aanbieder_naam);
	j_partij(j, "gemeente", "code", r->gemeente, r->gemeente_naam);
	j_ref(j, "jeugdige_id", r->jeugdige_id);
	json_key(j, "bevindingen_aantal");
	json_int(j, r->n_bevindingen);
	veld_json_tekst(j, "retour_identificatie", r->retour_identificatie);
	json_key(j, "links");
	json_object_begin(j);
	snprintf(pad, sizeof pad, "/api/v1/berichten/%" PRId64 "/xml", r->id);
	veld_json_tekst(j, "xml", r->heeft_xml ? pad : NULL);
	snprintf(pad, sizeof pad, "/api/v1/berichten/%" PRId64 "/retour", r->id);
	veld_json_tekst(j, "retour", r->heeft_retour ? pad : NULL);
	json_object_end(j);
	json_object_end(j);
}

static enum web_uitslag api_lijst(struct web_verzoek *v)
{
	struct lijst *l = calloc(1, sizeof *l);
	enum web_uitslag u = WEB_FATAAL;
	struct lijst_tx a;
	struct web_buf b;
	struct json j;

	if (!l)
		return WEB_FATAAL;
	if (lijst_ophalen(v, l, PER_PAGINA_API, &a, &u) < 0) {
		free(l);
		return u;
	}
	if (web_buf_open(&b) < 0) {
		free(a.regels);
		free(l);
		return WEB_FATAAL;
	}
	json_init(&j, b.f, false);
	json_object_begin(&j);
	json_key(&j, "gegevens");
	json_array_begin(&j);
	for (size_t i = 0; i < a.n; i++)
		json_regel(&j, &a.regels[i]);
	json_array_end(&j);
	query_json_paginering(&j, &l->pag, a.totaal);
	json_object_end(&j);
	free(a.regels);
	free(l);
	return pagina_json_klaar(v, &b, &j);
}

static void veld_tekst(FILE *f, const char *naam, const char *label, const char *waarde,
		       const char *type)
{
	fprintf(f, "<p><label for=\"%s\">%s</label>\n<input id=\"%s\" name=\"%s\" type=\"%s\" "
		"value=\"", naam, label, naam, naam, type);
	html_attr(f, waarde);
	fputs("\"></p>\n", f);
}

static void keuze(FILE *f, const char *naam, const char *label, const char *leeg,
		  const char *const *waarden, const char *const *teksten, size_t n,
		  const char *gekozen)
{
	fprintf(f, "<p><label for=\"%s\">%s</label>\n<select id=\"%s\" name=\"%s\">\n"
		"<option value=\"\">%s</option>\n", naam, label, naam, naam, leeg);
	for (size_t i = 0; i < n; i++) {
		fputs("<option value=\"", f);
		html_attr(f, waarden[i]);
		fprintf(f, "\"%s>", strcmp(waarden[i], gekozen) == 0 ? " selected" : "");
		html_txt(f, teksten[i]);
		fputs("</option>\n", f);
	}
	fputs("</select></p>\n", f);
}

static void bericht_link(FILE *f, int64_t id)
{
	fprintf(f, "<a href=\"/berichten/%" PRId64 "\">%" PRId64 "</a>", id, id);
}

static void partij_cel(FILE *f, const char *code, const char *naam)
{
	if (!code[0]) {
		fputs("—", f);
		return;
	}
	html_txt(f, naam[0] ? naam : code);
	if (naam[0]) {
		fputs(" (", f);
		html_txt(f, code);
		fputs(")", f);
	}
}

static enum web_uitslag scherm_lijst(struct web_verzoek *v)
{
	static const char *const soorten[] = { "JW301", "JW302", "JW305", "JW306", "JW307",
					       "JW308", "JW315", "JW316", "JW317", "JW318",
					       "JW319", "JW320", "JW323", "JW325" };
	static const char *const status_teksten[] = { "verwerkt", "afgekeurd (XSD)", "afgekeurd",
						      "deels afgekeurd", "geweigerd" };
	static const char *const richtingen[] = { "in", "uit" };
	static const char *const richting_teksten[] = { "ontvangen", "verzonden" };
	struct lijst *l = calloc(1, sizeof *l);
	enum web_uitslag u = WEB_FATAAL;
	struct lijst_tx a;
	struct web_buf b;
	FILE *f;

	if (!l)
		return WEB_FATAAL;
	if (lijst_ophalen(v, l, PER_PAGINA_HTML, &a, &u) < 0) {
		free(l);
		return u;
	}
	if (web_buf_open(&b) < 0) {
		free(a.regels);
		free(l);
		return WEB_FATAAL;
	}
	f = b.f;
	pagina_html_begin(f, "Berichten", v->wie, "berichten");
	fputs("<p>De iJw-berichten die de regio ontving en verzond, met hun status, bevindingen "
	      "en retourbericht. Berichten bevatten persoonsgegevens (BSN): elke inzage wordt "
	      "vastgelegd in het auditlog. <a href=\"/werkvoorraad\">Werkvoorraad en "
	      "termijnen</a>.</p>\n<form method=\"get\" action=\"/berichten\" class=\"filter\">\n",
	      f);
	keuze(f, "soort", "Berichtsoort", "alle soorten", soorten, soorten,
	      sizeof soorten / sizeof soorten[0], l->soort);
	keuze(f, "status", "Status", "alle statussen", statussen, status_teksten, N_STATUSSEN,
	      l->status);
	keuze(f, "richting", "Richting", "beide richtingen", richtingen, richting_teksten, 2,
	      l->richting);
	if (v->wie->rol != TOEGANG_AANBIEDER)
		veld_tekst(f, "aanbieder", "AGB-code van de aanbieder", l->aanbieder, "text");
	veld_tekst(f, "gemeente", "CBS-code van de gemeente", l->gemeente, "text");
	veld_tekst(f, "van", "Ontvangen vanaf (JJJJ-MM-DD)", l->van, "date");
	veld_tekst(f, "tot", "Ontvangen tot en met (JJJJ-MM-DD)", l->tot, "date");
	fputs("<p><button type=\"submit\">Zoeken</button> <a href=\"/berichten\">Alle filters "
	      "wissen</a></p>\n</form>\n", f);
	if (a.n == 0) {
		melding(f, a.totaal ? "Deze pagina is leeg: er zijn minder resultaten."
			: "Geen berichten gevonden die aan deze zoekvraag voldoen.");
	} else {
		fprintf(f, "<div class=\"tabel\"><table class=\"register\">\n<caption>%" PRId64
			" bericht%s</caption>\n<thead><tr><th scope=\"col\">Nr</th>"
			"<th scope=\"col\">Soort</th><th scope=\"col\">Richting</th>"
			"<th scope=\"col\">Aanbieder</th><th scope=\"col\">Gemeente</th>"
			"<th scope=\"col\">Identificatie</th><th scope=\"col\">Ontvangen</th>"
			"<th scope=\"col\">Status</th><th scope=\"col\">Bevindingen</th>"
			"</tr></thead>\n<tbody>\n", a.totaal, a.totaal == 1 ? "" : "en");
		for (size_t i = 0; i < a.n; i++) {
			const struct ijw_inbox_regel *r = &a.regels[i];

			fprintf(f, "<tr data-bericht=\"%" PRId64 "\"><td>", r->id);
			bericht_link(f, r->id);
			fputs("</td><td>", f);
			veld_html_tekst(f, r->soort);
			fprintf(f, "</td><td>%s</td><td>",
				strcmp(r->richting, "uit") == 0 ? "verzonden" : "ontvangen");
			partij_cel(f, r->agb, r->aanbieder_naam);
			fputs("</td><td>", f);
			partij_cel(f, r->gemeente, r->gemeente_naam);
			fputs("</td><td>", f);
			veld_html_tekst(f, r->identificatie);
			fputs("</td><td>", f);
			veld_html_tekst(f, r->ontvangen_op);
			fputs("</td><td>", f);
			html_txt(f, status_tekst(r->status));
			fprintf(f, "</td><td>%" PRId64 "</td></tr>\n", r->n_bevindingen);
		}
		fputs("</tbody></table></div>\n", f);
	}
	{
		const char *nm[] = { "soort", "status", "aanbieder", "gemeente", "richting", "van",
				     "tot", "per_pagina" };
		const char *wd[] = { l->soort, l->status, l->aanbieder, l->gemeente, l->richting,
				     l->van, l->tot, l->per_pagina };
		int64_t paginas = a.totaal ? (a.totaal + l->pag.per_pagina - 1) / l->pag.per_pagina
					   : 0;

		if (paginas > 1 || l->pag.pagina > 1)
			navigatie(f, "/berichten", nm, wd, 8, l->pag.pagina, paginas);
	}
	pagina_html_einde(f);
	free(a.regels);
	free(l);
	return pagina_html_klaar(v, &b);
}

/* ---- one message ------------------------------------------------------------ */

enum deel { DEEL_BERICHT, DEEL_XML, DEEL_RETOUR };

struct bericht_tx {
	const struct toegang *wie;
	struct store_scope scope;
	int64_t id;
	enum deel deel;
	struct ijw_inbox_regel r;
	struct ijw_bevinding *bev;
	size_t n_bev;
	char *xml;
};

/* Scope, read, audit in one transaction: 1 read, 0 not found or out of
 * scope (nothing read, nothing logged), 2 found but without that text. */
static int bericht_tx(struct store *st, void *arg)
{
	struct bericht_tx *a = arg;
	char object[64];
	int rc;

	free(a->bev);
	a->bev = NULL;
	a->n_bev = 0;
	free(a->xml);
	a->xml = NULL;
	rc = store_ijw_inbox_bericht(st, a->id, &a->r);
	if (rc <= 0)
		return rc;
	if (!ijw_inbox_in_scope(&a->scope, &a->r))
		return 0;
	switch (a->deel) {
	case DEEL_BERICHT:
		rc = store_ijw_bevindingen(st, a->id, &a->bev, &a->n_bev);
		snprintf(object, sizeof object, "ijw_bericht/%" PRId64, a->id);
		break;
	case DEEL_XML:
	case DEEL_RETOUR:
		rc = store_ijw_inbox_xml(st, a->id, a->deel == DEEL_RETOUR, &a->xml);
		if (rc == 0)
			return 2;
		snprintf(object, sizeof object, "ijw_bericht/%" PRId64 "/%s", a->id,
			 a->deel == DEEL_RETOUR ? "retour" : "xml");
		break;
	}
	if (rc < 0)
		return rc;
	rc = auditspoor_schrijf(st, a->wie, "lezen", a->r.jeugdige_id, object);
	return rc < 0 ? rc : 1;
}

static void bericht_vrij(struct bericht_tx *a)
{
	free(a->bev);
	free(a->xml);
	free(a);
}

/* Read the message of v->param[0]; NULL with the answer in *u. */
static struct bericht_tx *bericht_ophalen(struct web_verzoek *v, enum deel deel,
					  enum web_uitslag *u)
{
	struct bericht_tx *a;
	struct store *st;
	int rc;

	if (query_lees(v, NULL, 0, u) < 0)
		return NULL;
	if (query_id(v->param[0]) <= 0) {
		*u = niet_gevonden(v);
		return NULL;
	}
	if (!(st = pagina_store(v, u)))
		return NULL;
	if (!(a = calloc(1, sizeof *a))) {
		*u = WEB_FATAAL;
		return NULL;
	}
	a->wie = v->wie;
	a->id = query_id(v->param[0]);
	a->deel = deel;
	pagina_scope(v, &a->scope);
	rc = store_transaction(st, bericht_tx, a);
	if (rc < 0)
		*u = pagina_store_fout(v, st, rc);
	else if (rc == 0)
		*u = niet_gevonden(v);
	else if (rc == 2)
		*u = pagina_fout(v, MHD_HTTP_NOT_FOUND, "niet_gevonden", NULL,
				 deel == DEEL_RETOUR
				 ? "Dit bericht heeft geen retourbericht (afgekeurd op het XSD, "
				   "geweigerd, of zelf een retourbericht)."
				 : "Van dit bericht is geen tekst bewaard (geen geldige UTF-8 of "
				   "groter dan 25 MB).");
	else
		return a;
	bericht_vrij(a);
	return NULL;
}

static enum web_uitslag api_bericht(struct web_verzoek *v)
{
	enum web_uitslag u = WEB_FATAAL;
	struct bericht_tx *a = bericht_ophalen(v, DEEL_BERICHT, &u);
	struct web_buf b;
	struct json j;

	if (!a)
		return u;
	if (web_buf_open(&b) < 0) {
		bericht_vrij(a);
		return WEB_FATAAL;
	}
	json_init(&j, b.f, false);
	json_object_begin(&j);
	json_key(&j, "bericht");
	json_regel(&j, &a->r);
	json_key(&j, "bevindingen");
	json_array_begin(&j);
	for (size_t i = 0; i < a->n_bev; i++) {
		json_object_begin(&j);
		veld_json_tekst(&j, "code", a->bev[i].code);
		veld_json_tekst(&j, "pad", a->bev[i].pad);
		veld_json_tekst(&j, "melding", a->bev[i].melding);
		json_object_end(&j);
	}
	json_array_end(&j);
	json_object_end(&j);
	bericht_vrij(a);
	return pagina_json_klaar(v, &b, &j);
}

static enum web_uitslag download(struct web_verzoek *v, enum deel deel)
{
	enum web_uitslag u = WEB_FATAAL;
	struct bericht_tx *a = bericht_ophalen(v, deel, &u);
	struct MHD_Response *r;
	char naam[96];
	size_t len;

	if (!a)
		return u;
	snprintf(naam, sizeof naam, "attachment; filename=\"%s-%" PRId64 "%s.xml\"",
		 a->r.soort[0] ? a->r.soort : "bericht", a->id, deel == DEEL_RETOUR ? "-retour" : "");
	len = strlen(a->xml);
	r = antwoord_maak(a->xml, len, true, "application/xml; charset=utf-8", ANTWOORD_DYNAMISCH);
	a->xml = NULL;
	if (r && !antwoord_header(r, MHD_HTTP_HEADER_CONTENT_DISPOSITION, naam)) {
		MHD_destroy_response(r);
		r = NULL;
	}
	bericht_vrij(a);
	return antwoord_zend(v->conn, MHD_HTTP_OK, r);
}

static enum web_uitslag api_bericht_xml(struct web_verzoek *v)
{
	return download(v, DEEL_XML);
}

static enum web_uitslag api_bericht_retour(struct web_verzoek *v)
{
	return download(v, DEEL_RETOUR);
}

static void dl_rij(FILE *f, const char *dt, const char *dd)
{
	fprintf(f, "<dt>%s</dt><dd>", dt);
	veld_html_tekst(f, dd);
	fputs("</dd>\n", f);
}

static enum web_uitslag scherm_bericht(struct web_verzoek *v)
{
	enum web_uitslag u = WEB_FATAAL;
	struct bericht_tx *a = bericht_ophalen(v, DEEL_BERICHT, &u);
	const struct ijw_inbox_regel *r;
	struct web_buf b;
	char titel[64];
	FILE *f;

	if (!a)
		return u;
	if (web_buf_open(&b) < 0) {
		bericht_vrij(a);
		return WEB_FATAAL;
	}
	f = b.f;
	r = &a->r;
	snprintf(titel, sizeof titel, "Bericht %" PRId64 " (%s)", r->id,
		 r->soort[0] ? r->soort : "onbekend");
	pagina_html_begin(f, titel, v->wie, "berichten");
	fputs("<p><a href=\"/berichten\">Berichten</a> › ", f);
	html_txt(f, titel);
	fputs("</p>\n<dl class=\"register\">\n", f);
	dl_rij(f, "Soort", r->soort);
	dl_rij(f, "Richting", strcmp(r->richting, "uit") == 0 ? "verzonden" : "ontvangen");
	dl_rij(f, "Afzender", r->afzender);
	dl_rij(f, "Ontvanger", r->ontvanger);
	fputs("<dt>Aanbieder</dt><dd>", f);
	partij_cel(f, r->agb, r->aanbieder_naam);
	fputs("</dd>\n<dt>Gemeente</dt><dd>", f);
	partij_cel(f, r->gemeente, r->gemeente_naam);
	fputs("</dd>\n", f);
	dl_rij(f, "BerichtIdentificatie", r->identificatie);
	fputs("<dt>Dagtekening</dt><dd>", f);
	veld_html_datum(f, r->dagtekening);
	fputs("</dd>\n", f);
	dl_rij(f, "Ontvangen op (UTC)", r->ontvangen_op);
	dl_rij(f, "Status", status_tekst(r->status));
	dl_rij(f, "Identificatie van het retourbericht", r->retour_identificatie);
	fputs("<dt>Jeugdige</dt><dd>", f);
	if (r->jeugdige_id > 0)
		fprintf(f, "<a href=\"/jeugdigen/%" PRId64 "\">dossier %" PRId64 "</a>",
			r->jeugdige_id, r->jeugdige_id);
	else
		fputs("— (niet of niet eenduidig bekend)", f);
	fputs("</dd>\n</dl>\n<h2>Downloaden</h2>\n<ul>\n", f);
	if (r->heeft_xml)
		fprintf(f, "<li><a href=\"/api/v1/berichten/%" PRId64 "/xml\" download>Het "
			"bericht (XML)</a></li>\n", r->id);
	else
		fputs("<li>Van dit bericht is geen tekst bewaard.</li>\n", f);
	if (r->heeft_retour)
		fprintf(f, "<li><a href=\"/api/v1/berichten/%" PRId64 "/retour\" download>Het "
			"retourbericht (XML)</a></li>\n", r->id);
	else
		fputs("<li>Dit bericht heeft geen retourbericht.</li>\n", f);
	fputs("</ul>\n<h2>Bevindingen</h2>\n", f);
	if (a->n_bev == 0) {
		melding(f, "Geen bevindingen: het bericht voldeed aan alle regels.");
	} else {
		fprintf(f, "<div class=\"tabel\"><table class=\"register\">\n<caption>%zu "
			"bevinding%s</caption>\n<thead><tr><th scope=\"col\">Regel</th>"
			"<th scope=\"col\">Plaats</th><th scope=\"col\">Melding</th></tr></thead>\n"
			"<tbody>\n", a->n_bev, a->n_bev == 1 ? "" : "en");
		for (size_t i = 0; i < a->n_bev; i++) {
			fputs("<tr><td>", f);
			html_txt(f, a->bev[i].code);
			fputs("</td><td><code>", f);
			veld_html_tekst(f, a->bev[i].pad);
			fputs("</code></td><td>", f);
			html_txt(f, a->bev[i].melding);
			fputs("</td></tr>\n", f);
		}
		fputs("</tbody></table></div>\n", f);
	}
	pagina_html_einde(f);
	bericht_vrij(a);
	return pagina_html_klaar(v, &b);
}

/* ---- the work list (deadlines) ------------------------------------------------ */

struct werk {
	char pagina[12], per_pagina[12];
	struct query_paginering pag;
	const struct toegang *wie;
	struct store_scope scope;
	dag_t nu;
	bool aanbieder;
	struct ijw_inbox_verzoek *vz;
	size_t n_vz;
	int64_t tot_vz;
	struct ijw_inbox_wacht *wacht;     /* gemeente side: OP090 */
	size_t n_wacht;
	struct ijw_inbox_regel *afg;       /* aanbieder side: rejected messages */
	size_t n_afg;
	int64_t tot_afg;
	dag_t afg_van;
};

static void werk_leeg(struct werk *w)
{
	free(w->vz);
	free(w->wacht);
	free(w->afg);
	w->vz = NULL;
	w->wacht = NULL;
	w->afg = NULL;
	w->n_vz = w->n_wacht = w->n_afg = 0;
}

static int werk_tx(struct store *st, void *arg)
{
	struct werk *w = arg;
	char object[160];
	int rc;

	werk_leeg(w);
	rc = store_ijw_inbox_verzoeken(st, &w->scope, w->pag.per_pagina, w->pag.offset, &w->vz,
				       &w->n_vz, &w->tot_vz);
	if (rc >= 0 && w->aanbieder) {
		struct ijw_inbox_filter f = {
			.alleen_afgekeurd = true, .richting = "in", .van = w->afg_van,
			.tot = DAG_GEEN, .limiet = AFGEKEURD_MAX, .offset = 0,
		};

		rc = store_ijw_inbox_lijst(st, &w->scope, &f, &w->afg, &w->n_afg, &w->tot_afg);
	} else if (rc >= 0) {
		rc = store_ijw_inbox_zonder_retour(st, &w->scope, &w->wacht, &w->n_wacht);
	}
	if (rc < 0)
		return rc;
	snprintf(object, sizeof object, "werkvoorraad: %zu open verzoeken van %" PRId64
		 ", pagina %" PRId64 "%s", w->n_vz, w->tot_vz, w->pag.pagina,
		 w->aanbieder ? ", afgekeurde berichten" : "");
	rc = auditspoor_schrijf(st, w->wie, "lezen", 0, object);
	return rc < 0 ? rc : 0;
}

static int werk_ophalen(struct web_verzoek *v, struct werk *w, int64_t standaard,
			enum web_uitslag *u)
{
	struct formulier_veld velden[] = {
		{ "pagina", w->pagina, sizeof w->pagina, false },
		{ "per_pagina", w->per_pagina, sizeof w->per_pagina, false },
	};
	struct store *st;
	int rc;

	if (query_lees(v, velden, 2, u) < 0 ||
	    query_paginering(v, w->pagina, w->per_pagina, standaard, &w->pag, u) < 0 ||
	    !(st = pagina_store(v, u)))
		return -1;
	w->wie = v->wie;
	w->nu = pagina_vandaag();
	w->aanbieder = v->wie->rol == TOEGANG_AANBIEDER;
	w->afg_van = w->nu - AFGEKEURD_DAGEN;
	pagina_scope(v, &w->scope);
	rc = store_transaction(st, werk_tx, w);
	if (rc < 0) {
		werk_leeg(w);
		*u = pagina_store_fout(v, st, rc);
		return -1;
	}
	return 0;
}

/* The deadline of an open request and the day it counts from. */
static enum ijw_termijn verzoek_termijn(const struct ijw_inbox_verzoek *z, dag_t *vanaf)
{
	*vanaf = z->ontvangen != DAG_GEEN ? z->ontvangen : z->dagtekening;
	if (strcmp(z->soort, "JW317") == 0)
		return IJW_TERMIJN_VOW_ANTWOORD;
	if (strcmp(z->status, "in_onderzoek") == 0) {
		*vanaf = z->dagtekening;
		return IJW_TERMIJN_VOT_ONDERZOEK;
	}
	return IJW_TERMIJN_VOT_ANTWOORD;
}

/* The deadline of a retourbericht: OP090, for a JW323 OP090x4. */
static enum ijw_termijn retour_termijn(const char *soort)
{
	return strcmp(soort, "JW323") == 0 ? IJW_TERMIJN_DECLARATIEANTWOORD : IJW_TERMIJN_RETOUR;
}

/* Received heenberichten without retourbericht: all, and past the term. */
static size_t wacht_verlopen(const struct werk *w)
{
	size_t n = 0;

	for (size_t i = 0; i < w->n_wacht; i++)
		n += ijw_termijn_verlopen(retour_termijn(w->wacht[i].soort), w->wacht[i].ontvangen,
					  DAG_GEEN, w->nu);
	return n;
}

static const char *const aanbieder_toelichting =
	"Of een start- of stopbericht (JW305/JW307, OP271/OP272) te laat is, valt hier niet af "
	"te leiden: daarvoor is de werkelijke start- of einddatum nodig, die alleen de "
	"aanbieder kent tot het bericht binnen is. Daarom staan hier uw open verzoeken (JW315/"
	"JW317) met de termijn van de gemeente, en uw afgekeurde berichten van de laatste "
	"30 dagen.";

static enum web_uitslag api_werkvoorraad(struct web_verzoek *v)
{
	struct werk *w = calloc(1, sizeof *w);
	enum web_uitslag u = WEB_FATAAL;
	struct web_buf b;
	struct json j;

	if (!w)
		return WEB_FATAAL;
	if (werk_ophalen(v, w, PER_PAGINA_API, &u) < 0) {
		free(w);
		return u;
	}
	if (web_buf_open(&b) < 0) {
		werk_leeg(w);
		free(w);
		return WEB_FATAAL;
	}
	json_init(&j, b.f, false);
	json_object_begin(&j);
	veld_json_datum(&j, "peildatum", w->nu);
	json_key(&j, "verzoeken");
	json_object_begin(&j);
	json_key(&j, "gegevens");
	json_array_begin(&j);
	for (size_t i = 0; i < w->n_vz; i++) {
		const struct ijw_inbox_verzoek *z = &w->vz[i];
		dag_t vanaf;
		enum ijw_termijn t = verzoek_termijn(z, &vanaf);
		const struct ijw_termijn_info *ti = ijw_termijn_info(t);

		json_object_begin(&j);
		json_key(&j, "id");
		json_int(&j, z->id);
		json_key(&j, "bericht_id");
		json_int(&j, z->bericht_id);
		veld_json_tekst(&j, "soort", z->soort);
		veld_json_tekst(&j, "status", z->status);
		j_partij(&j, "aanbieder", "agb", z->agb, z->aanbieder_naam);
		j_partij(&j, "gemeente", "code", z->gemeente, z->gemeente_naam);
		j_ref(&j, "jeugdige_id", z->jeugdige_id);
		veld_json_tekst(&j, "referentie_aanbieder", z->referentie_aanbieder);
		veld_json_datum(&j, "dagtekening", z->dagtekening);
		veld_json_datum(&j, "ontvangen", z->ontvangen);
		json_key(&j, "termijn");
		json_object_begin(&j);
		veld_json_tekst(&j, "regel", ti->regel);
		veld_json_tekst(&j, "omschrijving", ti->omschrijving);
		veld_json_datum(&j, "uiterlijk", ijw_termijn_uiterlijk(t, vanaf));
		json_key(&j, "verlopen");
		json_bool(&j, ijw_termijn_verlopen(t, vanaf, DAG_GEEN, w->nu));
		json_object_end(&j);
		json_object_end(&j);
	}
	json_array_end(&j);
	query_json_paginering(&j, &w->pag, w->tot_vz);
	json_object_end(&j);
	if (w->aanbieder) {
		json_key(&j, "afgekeurd");
		json_object_begin(&j);
		veld_json_datum(&j, "van", w->afg_van);
		json_key(&j, "totaal");
		json_int(&j, w->tot_afg);
		json_key(&j, "gegevens");
		json_array_begin(&j);
		for (size_t i = 0; i < w->n_afg; i++)
			json_regel(&j, &w->afg[i]);
		json_array_end(&j);
		json_object_end(&j);
		veld_json_tekst(&j, "toelichting", aanbieder_toelichting);
	} else {
		json_key(&j, "zonder_retour");
		json_object_begin(&j);
		veld_json_tekst(&j, "regel", "OP090");
		json_key(&j, "aantal");
		json_int(&j, (int64_t)w->n_wacht);
		json_key(&j, "verlopen");
		json_int(&j, (int64_t)wacht_verlopen(w));
		json_object_end(&j);
	}
	json_object_end(&j);
	werk_leeg(w);
	free(w);
	return pagina_json_klaar(v, &b, &j);
}

static enum web_uitslag scherm_werkvoorraad(struct web_verzoek *v)
{
	struct werk *w = calloc(1, sizeof *w);
	enum web_uitslag u = WEB_FATAAL;
	struct web_buf b;
	FILE *f;

	if (!w)
		return WEB_FATAAL;
	if (werk_ophalen(v, w, PER_PAGINA_HTML, &u) < 0) {
		free(w);
		return u;
	}
	if (web_buf_open(&b) < 0) {
		werk_leeg(w);
		free(w);
		return WEB_FATAAL;
	}
	f = b.f;
	pagina_html_begin(f, "Werkvoorraad", v->wie, "werkvoorraad");
	fputs("<p>Wat op antwoord wacht, met de termijn uit de iJw-standaard (de dag zelf is nog "
	      "op tijd; werkdagen zonder weekend en feestdagen). Peildatum ", f);
	veld_html_datum(f, w->nu);
	fputs(". <a href=\"/berichten\">Alle berichten</a>.</p>\n", f);
	if (w->aanbieder) {
		fputs("<p>", f);
		html_txt(f, aanbieder_toelichting);
		fputs("</p>\n", f);
	}
	fputs("<h2>Open verzoeken om toewijzing en wijziging</h2>\n", f);
	if (w->n_vz == 0) {
		melding(f, w->tot_vz ? "Deze pagina is leeg: er zijn minder open verzoeken."
			: "Er staan geen verzoeken (JW315/JW317) open.");
	} else {
		fprintf(f, "<div class=\"tabel\"><table class=\"register\">\n<caption>%" PRId64
			" open verzoek%s</caption>\n<thead><tr><th scope=\"col\">Bericht</th>"
			"<th scope=\"col\">Soort</th><th scope=\"col\">Aanbieder</th>"
			"<th scope=\"col\">Gemeente</th><th scope=\"col\">Referentie</th>"
			"<th scope=\"col\">Ontvangen</th><th scope=\"col\">Regel</th>"
			"<th scope=\"col\">Uiterlijk</th><th scope=\"col\">Stand</th></tr></thead>\n"
			"<tbody>\n", w->tot_vz, w->tot_vz == 1 ? "" : "en");
		for (size_t i = 0; i < w->n_vz; i++) {
			const struct ijw_inbox_verzoek *z = &w->vz[i];
			dag_t vanaf;
			enum ijw_termijn t = verzoek_termijn(z, &vanaf);
			bool verlopen = ijw_termijn_verlopen(t, vanaf, DAG_GEEN, w->nu);

			fprintf(f, "<tr data-verzoek=\"%" PRId64 "\"%s><td>", z->id,
				verlopen ? " class=\"verlopen\"" : "");
			bericht_link(f, z->bericht_id);
			fputs("</td><td>", f);
			html_txt(f, z->soort);
			if (strcmp(z->status, "in_onderzoek") == 0)
				fputs(" (in onderzoek)", f);
			fputs("</td><td>", f);
			partij_cel(f, z->agb, z->aanbieder_naam);
			fputs("</td><td>", f);
			partij_cel(f, z->gemeente, z->gemeente_naam);
			fputs("</td><td>", f);
			html_txt(f, z->referentie_aanbieder);
			fputs("</td><td>", f);
			veld_html_datum(f, z->ontvangen);
			fputs("</td><td>", f);
			html_txt(f, ijw_termijn_info(t)->regel);
			fputs("</td><td>", f);
			veld_html_datum(f, ijw_termijn_uiterlijk(t, vanaf));
			fprintf(f, "</td><td>%s</td></tr>\n",
				verlopen ? "<strong>termijn verstreken</strong>" : "op tijd");
		}
		fputs("</tbody></table></div>\n", f);
		if (w->tot_vz > w->pag.per_pagina) {
			const char *nm[] = { "per_pagina" };
			const char *wd[] = { w->per_pagina };
			int64_t paginas = (w->tot_vz + w->pag.per_pagina - 1) / w->pag.per_pagina;

			navigatie(f, "/werkvoorraad", nm, wd, 1, w->pag.pagina, paginas);
		}
	}
	if (w->aanbieder) {
		char van[11];

		fprintf(f, "<h2>Afgekeurde berichten sinds %s</h2>\n", datum_fmt(w->afg_van, van));
		if (w->n_afg == 0) {
			melding(f, "Geen afgekeurde of geweigerde berichten in deze periode.");
		} else {
			fprintf(f, "<div class=\"tabel\"><table class=\"register\">\n<caption>%" PRId64
				" afgekeurd%s bericht%s%s</caption>\n<thead><tr><th scope=\"col\">"
				"Bericht</th><th scope=\"col\">Soort</th><th scope=\"col\">"
				"Identificatie</th><th scope=\"col\">Ontvangen</th><th scope=\"col\">"
				"Status</th><th scope=\"col\">Bevindingen</th></tr></thead>\n<tbody>\n",
				w->tot_afg, w->tot_afg == 1 ? "" : "e", w->tot_afg == 1 ? "" : "en",
				w->tot_afg > (int64_t)w->n_afg ? " (de nieuwste 100)" : "");
			for (size_t i = 0; i < w->n_afg; i++) {
				const struct ijw_inbox_regel *r = &w->afg[i];

				fputs("<tr><td>", f);
				bericht_link(f, r->id);
				fputs("</td><td>", f);
				veld_html_tekst(f, r->soort);
				fputs("</td><td>", f);
				veld_html_tekst(f, r->identificatie);
				fputs("</td><td>", f);
				veld_html_tekst(f, r->ontvangen_op);
				fputs("</td><td>", f);
				html_txt(f, status_tekst(r->status));
				fprintf(f, "</td><td>%" PRId64 "</td></tr>\n", r->n_bevindingen);
			}
			fputs("</tbody></table></div>\n", f);
		}
	} else {
		size_t verlopen = wacht_verlopen(w);

		fputs("<h2>Ontvangen berichten zonder retourbericht (OP090)</h2>\n", f);
		fprintf(f, "<p data-zonder-retour=\"%zu\" data-verlopen=\"%zu\">", w->n_wacht,
			verlopen);
		if (w->n_wacht == 0)
			fputs("Geen: elk verwerkt bericht kreeg bij ontvangst meteen zijn "
			      "retourbericht.", f);
		else
			fprintf(f, "%zu verwerkt%s bericht%s zonder retourbericht, waarvan %zu "
				"na de termijn van 3 werkdagen (JW323: 10 werkdagen).", w->n_wacht,
				w->n_wacht == 1 ? "" : "e", w->n_wacht == 1 ? "" : "en", verlopen);
		fputs("</p>\n", f);
	}
	pagina_html_einde(f);
	werk_leeg(w);
	free(w);
	return pagina_html_klaar(v, &b);
}

const struct route ijw_routes[] = {
	{ "POST", "/api/v1/ijw", api_ijw_post, EIS_INGELOGD },
	{ "GET", "/api/v1/berichten", api_lijst, EIS_PERSOONSGEGEVENS },
	{ "GET", "/api/v1/berichten/{id}", api_bericht, EIS_PERSOONSGEGEVENS },
	{ "GET", "/api/v1/berichten/{id}/xml", api_bericht_xml, EIS_PERSOONSGEGEVENS },
	{ "GET", "/api/v1/berichten/{id}/retour", api_bericht_retour, EIS_PERSOONSGEGEVENS },
	{ "GET", "/api/v1/werkvoorraad", api_werkvoorraad, EIS_PERSOONSGEGEVENS },
	{ "GET", "/berichten", scherm_lijst, EIS_PERSOONSGEGEVENS },
	{ "GET", "/berichten/{id}", scherm_bericht, EIS_PERSOONSGEGEVENS },
	{ "GET", "/werkvoorraad", scherm_werkvoorraad, EIS_PERSOONSGEGEVENS },
};
const size_t ijw_routes_n = sizeof ijw_routes / sizeof ijw_routes[0];
