/* audit_web: see audit_web.h. */
#include "web/audit_web.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <microhttpd.h>

#include "auth/pseudoniem.h"
#include "domain/audit.h"
#include "domain/bsn.h"
#include "lib/json.h"
#include "store/scope.h"
#include "store/store.h"
#include "web/antwoord.h"
#include "web/html.h"
#include "web/pagina.h"
#include "web/query.h"
#include "web/toegang.h"

#define AUDIT_WEB_STANDAARD 100
#define AUDIT_WEB_MAX 500

/* One search: what was asked, and what the transaction found. */
struct audit_vraag {
	const struct toegang *wie;
	bool inzage;
	char gebruiker[96];
	char bsn[16];
	char geboortedatum[16];
	char van[16], tot[16];
	int64_t jeugdige;      /* 0: none asked, or found via bsn */
	int64_t na;
	int max;
	/* results */
	int bsn_treffers;      /* -1: no BSN asked */
	char pseudoniem[HASH_HEX_LEN + 1];
	struct audit_record *rec;
	int n;
};

static int zoek_tx(struct store *st, void *arg)
{
	struct audit_vraag *q = arg;
	struct audit_filter f = { 0 };
	struct audit_record log;
	char object[200];
	int rc;

	q->n = 0;
	q->bsn_treffers = -1;
	q->pseudoniem[0] = '\0';
	if (q->bsn[0]) {
		q->bsn_treffers = store_jeugdige_bij_bsn(st, q->bsn, q->geboortedatum, &q->jeugdige);
		if (q->bsn_treffers < 0)
			return q->bsn_treffers;
		if (q->bsn_treffers != 1)
			q->jeugdige = 0;
	}
	if (q->jeugdige > 0) {
		rc = pseudoniem_van(st, q->jeugdige, q->pseudoniem);
		if (rc < 0)
			return rc;
		f.pseudoniem = q->pseudoniem;
	}
	/* A BSN that names no single youth finds nothing. */
	if (q->bsn_treffers < 0 || q->bsn_treffers == 1) {
		f.gebruiker = q->gebruiker;
		f.van = q->van;
		f.tot = q->tot;
		q->n = store_audit_zoek(st, &f, q->na, q->rec, q->max);
		if (q->n < 0)
			return q->n;
	}
	snprintf(object, sizeof object, "auditlog: %s%s%s (%d regels)",
		 q->inzage ? "inzagerapport" : "zoeken",
		 q->gebruiker[0] ? ", gebruiker " : "", q->gebruiker, q->n);
	rc = toegang_audit_vul(q->wie, st, "lezen", q->jeugdige, object, &log);
	if (rc < 0)
		return rc;
	return store_audit_append(st, &log);
}

/* Read and check the parameters; -1 with a 400 queued. */
static int lees_vraag(struct web_verzoek *v, struct audit_vraag *q, bool api,
		      enum web_uitslag *u)
{
	char jeugdige[24], na[24], aantal[8];
	struct formulier_veld velden[] = {
		{ "gebruiker", q->gebruiker, sizeof q->gebruiker, false },
		{ "jeugdige", jeugdige, sizeof jeugdige, false },
		{ "bsn", q->bsn, sizeof q->bsn, false },
		{ "geboortedatum", q->geboortedatum, sizeof q->geboortedatum, false },
		{ "van", q->van, sizeof q->van, false },
		{ "tot", q->tot, sizeof q->tot, false },
		{ "na", na, sizeof na, false },
		{ "aantal", aantal, sizeof aantal, false },
	};
	size_t n = sizeof velden / sizeof velden[0] - (api ? 0 : 1);
	dag_t d_van = DAG_GEEN, d_tot = DAG_GEEN, d_geb = DAG_GEEN;
	int64_t max = AUDIT_WEB_STANDAARD;

	q->wie = v->wie;
	if (query_lees(v, velden, n, u) < 0 ||
	    query_getal(v, "jeugdige", jeugdige, 1, INT64_MAX / 2, &q->jeugdige, u) < 0 ||
	    query_getal(v, "na", na, 0, INT64_MAX / 2, &q->na, u) < 0 ||
	    query_getal(v, "aantal", aantal, 1, AUDIT_WEB_MAX, &max, u) < 0 ||
	    query_datum(v, "van", q->van, &d_van, u) < 0 ||
	    query_datum(v, "tot", q->tot, &d_tot, u) < 0 ||
	    query_datum(v, "geboortedatum", q->geboortedatum, &d_geb, u) < 0)
		return -1;
	q->max = (int)max;
	if (d_van != DAG_GEEN && d_tot != DAG_GEEN && d_tot < d_van)
		return query_weiger(v, "tot", "De datum 'tot' ligt voor de datum 'van'.", u);
	if (q->bsn[0] && !bsn_geldig(q->bsn))
		return query_weiger(v, "bsn", "Dit is geen geldig BSN: negen cijfers die de "
				    "elfproef doorstaan.", u);
	if (q->bsn[0] && q->jeugdige)
		return query_weiger(v, "bsn", "Geef een BSN of een jeugdige-nummer, niet allebei.",
				    u);
	if (q->inzage && !q->bsn[0] && !q->jeugdige && api) {
		*u = pagina_fout(v, MHD_HTTP_BAD_REQUEST, "ontbrekende_parameter", "bsn",
				 "Het inzagerapport vraagt een BSN (met geboortedatum als het BSN "
				 "niet eenduidig is) of een jeugdige-nummer.");
		return -1;
	}
	return 0;
}

/* Run the search; -1 with a 503 queued. */
static int voer_uit(struct web_verzoek *v, struct audit_vraag *q, enum web_uitslag *u)
{
	struct store *st = pagina_store(v, u);
	int rc;

	if (!st)
		return -1;
	q->rec = calloc((size_t)q->max, sizeof *q->rec);
	if (!q->rec) {
		*u = WEB_FATAAL;
		return -1;
	}
	rc = store_transaction(st, zoek_tx, q);
	if (rc < 0) {
		*u = pagina_store_fout(v, st, rc);
		free(q->rec);
		q->rec = NULL;
		return -1;
	}
	return 0;
}

static const char *bsn_melding(const struct audit_vraag *q)
{
	if (q->bsn_treffers == 0)
		return "Er is geen jeugdige met dit BSN (en deze geboortedatum) bekend.";
	if (q->bsn_treffers > 1)
		return "Dit BSN hoort bij meer dan één jeugdige; geef ook de geboortedatum.";
	return NULL;
}

/* ---- JSON --------------------------------------------------------------- */

static void json_tekst_of_null(struct json *j, const char *s)
{
	if (s[0])
		json_string(j, s);
	else
		json_null(j);
}

static enum web_uitslag api(struct web_verzoek *v, bool inzage)
{
	struct audit_vraag q = { .inzage = inzage };
	enum web_uitslag u = WEB_FATAAL;
	struct web_buf b;
	struct json j;

	if (lees_vraag(v, &q, true, &u) < 0 || voer_uit(v, &q, &u) < 0)
		return u;
	if (bsn_melding(&q)) {
		free(q.rec);
		return pagina_fout(v, MHD_HTTP_NOT_FOUND, "niet_gevonden", "bsn", bsn_melding(&q));
	}
	if (web_buf_open(&b) < 0) {
		free(q.rec);
		return WEB_FATAAL;
	}
	json_init(&j, b.f, false);
	json_object_begin(&j);
	if (inzage) {
		json_key(&j, "jeugdige_pseudoniem");
		json_tekst_of_null(&j, q.pseudoniem);
	}
	json_key(&j, "gegevens");
	json_array_begin(&j);
	for (int i = 0; i < q.n; i++) {
		const struct audit_record *r = &q.rec[i];

		json_object_begin(&j);
		json_key(&j, "id");
		json_int(&j, r->id);
		json_key(&j, "tijdstip");
		json_string(&j, r->tijdstip);
		json_key(&j, "gebruiker");
		json_string(&j, r->gebruiker);
		json_key(&j, "rol");
		json_string(&j, r->rol);
		json_key(&j, "namens");
		json_tekst_of_null(&j, r->namens);
		json_key(&j, "jeugdige_pseudoniem");
		json_tekst_of_null(&j, r->jeugdige_pseudoniem);
		json_key(&j, "actie");
		json_string(&j, r->actie);
		json_key(&j, "object");
		json_string(&j, r->object);
		json_key(&j, "bron_adres");
		json_tekst_of_null(&j, r->bron_adres);
		json_key(&j, "verzoek_id");
		json_tekst_of_null(&j, r->verzoek_id);
		json_key(&j, "hash");
		json_string(&j, r->hash);
		json_object_end(&j);
	}
	json_array_end(&j);
	/* A full page may have more after it. */
	json_key(&j, "volgende_na");
	if (q.n == q.max)
		json_int(&j, q.rec[q.n - 1].id);
	else
		json_null(&j);
	json_object_end(&j);
	free(q.rec);
	return pagina_json_klaar(v, &b, &j);
}

static enum web_uitslag api_zoek(struct web_verzoek *v)
{
	return api(v, false);
}

static enum web_uitslag api_inzage(struct web_verzoek *v)
{
	return api(v, true);
}

/* ---- pages -------------------------------------------------------------- */

static void invoer(FILE *f, const char *naam, const char *label, const char *type,
		   const char *waarde, const char *hulp)
{
	fprintf(f, "<p><label for=\"%s\">%s</label>\n<input id=\"%s\" name=\"%s\" type=\"%s\" "
		"value=\"", naam, label, naam, naam, type);
	html_attr(f, waarde);
	fputs("\">", f);
	if (hulp)
		fprintf(f, " <small>%s</small>", hulp);
	fputs("</p>\n", f);
}

/* The query of q again (for the "volgende" link), with na = na. */
static void link_verder(FILE *f, const char *pad, const struct audit_vraag *q, int64_t na)
{
	const char *namen[] = { "gebruiker", "bsn", "geboortedatum", "van", "tot" };
	const char *waarden[] = { q->gebruiker, q->bsn, q->geboortedatum, q->van, q->tot };

	fprintf(f, "<p><a href=\"%s?", pad);
	for (size_t i = 0; i < sizeof namen / sizeof namen[0]; i++) {
		if (!waarden[i][0])
			continue;
		fprintf(f, "%s=", namen[i]);
		for (const unsigned char *p = (const unsigned char *)waarden[i]; *p; p++)
			if ((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'z') ||
			    (*p >= 'A' && *p <= 'Z') || *p == '-' || *p == '_' || *p == '.')
				fputc(*p, f);
			else
				fprintf(f, "%%%02X", *p);
		fputs("&amp;", f);
	}
	if (q->jeugdige && !q->bsn[0])
		fprintf(f, "jeugdige=%lld&amp;", (long long)q->jeugdige);
	fprintf(f, "na=%lld\">Volgende regels</a></p>\n", (long long)na);
}

static enum web_uitslag pagina(struct web_verzoek *v, bool inzage)
{
	struct audit_vraag q = { .inzage = inzage };
	enum web_uitslag u = WEB_FATAAL;
	char jeugdige[24] = "";
	bool gevraagd;
	struct web_buf b;
	FILE *f;

	if (lees_vraag(v, &q, false, &u) < 0)
		return u;
	gevraagd = !inzage || q.bsn[0] || q.jeugdige;
	if (gevraagd && voer_uit(v, &q, &u) < 0)
		return u;
	if (web_buf_open(&b) < 0) {
		free(q.rec);
		return WEB_FATAAL;
	}
	f = b.f;
	pagina_html_begin(f, inzage ? "Inzagerapport: wie bekeek dit dossier" : "Auditlog",
			  v->wie, "audit");
	fputs("<p><a href=\"/audit\">Zoeken in het auditlog</a> · <a href=\"/audit/inzage\">"
	      "Inzagerapport voor een jeugdige of ouder</a></p>\n", f);
	if (inzage)
		fputs("<p>Voor een verzoek van een jeugdige of een ouder (AVG artikel 15): "
		      "iedere keer dat iemand het dossier las of wijzigde, met organisatie, rol "
		      "en tijdstip. Het auditlog kent de jeugdige alleen onder een pseudoniem; "
		      "het BSN wordt niet bewaard.</p>\n", f);
	fprintf(f, "<form method=\"get\" action=\"%s\" class=\"filter\">\n",
		inzage ? "/audit/inzage" : "/audit");
	if (q.jeugdige && !q.bsn[0])
		snprintf(jeugdige, sizeof jeugdige, "%lld", (long long)q.jeugdige);
	invoer(f, "bsn", "BSN", "text", q.bsn, NULL);
	invoer(f, "geboortedatum", "Geboortedatum", "date", q.geboortedatum,
	       "alleen nodig als het BSN niet eenduidig is");
	invoer(f, "jeugdige", "of jeugdige-nummer", "text", jeugdige, NULL);
	if (!inzage)
		invoer(f, "gebruiker", "Gebruiker", "text", q.gebruiker, NULL);
	invoer(f, "van", "Van", "date", q.van, NULL);
	invoer(f, "tot", "Tot en met", "date", q.tot, NULL);
	fputs("<p><button type=\"submit\">Zoeken</button></p>\n</form>\n", f);
	if (gevraagd && bsn_melding(&q)) {
		fputs("<p class=\"melding\" role=\"status\">", f);
		html_txt(f, bsn_melding(&q));
		fputs("</p>\n", f);
	} else if (gevraagd && q.n == 0) {
		fputs("<p class=\"melding\" role=\"status\">Geen regels gevonden.</p>\n", f);
	} else if (gevraagd) {
		fputs("<div class=\"tabel\"><table class=\"audit\">\n<caption>", f);
		if (inzage)
			fprintf(f, "%d keer ingezien of gewijzigd%s", q.n,
				q.n == q.max ? " (eerste regels)" : "");
		else
			fprintf(f, "%d regel%s van het auditlog", q.n, q.n == 1 ? "" : "s");
		fputs("</caption>\n<thead><tr><th scope=\"col\">Tijdstip (UTC)</th>"
		      "<th scope=\"col\">Gebruiker</th><th scope=\"col\">Rol</th>"
		      "<th scope=\"col\">Namens</th><th scope=\"col\">Handeling</th>"
		      "<th scope=\"col\">Onderwerp</th>", f);
		if (!inzage)
			fputs("<th scope=\"col\">Jeugdige (pseudoniem)</th><th scope=\"col\">Adres"
			      "</th>", f);
		fputs("</tr></thead>\n<tbody>\n", f);
		for (int i = 0; i < q.n; i++) {
			const struct audit_record *r = &q.rec[i];

			fprintf(f, "<tr data-id=\"%lld\"><td>", (long long)r->id);
			html_txt(f, r->tijdstip);
			fputs("</td><td>", f);
			html_txt(f, r->gebruiker);
			fputs("</td><td>", f);
			html_txt(f, r->rol);
			fputs("</td><td>", f);
			html_txt(f, r->namens[0] ? r->namens : "—");
			fputs("</td><td>", f);
			html_txt(f, r->actie);
			fputs("</td><td>", f);
			html_txt(f, r->object);
			if (!inzage) {
				fputs("</td><td><code>", f);
				fprintf(f, "%.12s", r->jeugdige_pseudoniem[0] ?
					r->jeugdige_pseudoniem : "—");
				fputs("</code></td><td>", f);
				html_txt(f, r->bron_adres);
			}
			fputs("</td></tr>\n", f);
		}
		fputs("</tbody></table></div>\n", f);
		if (q.n == q.max)
			link_verder(f, inzage ? "/audit/inzage" : "/audit", &q, q.rec[q.n - 1].id);
	}
	pagina_html_einde(f);
	free(q.rec);
	return pagina_html_klaar(v, &b);
}

static enum web_uitslag pagina_zoek(struct web_verzoek *v)
{
	return pagina(v, false);
}

static enum web_uitslag pagina_inzage(struct web_verzoek *v)
{
	return pagina(v, true);
}

const struct route audit_routes[] = {
	{ "GET", "/audit", pagina_zoek, EIS_BEHEER },
	{ "GET", "/audit/inzage", pagina_inzage, EIS_BEHEER },
	{ "GET", "/api/v1/audit", api_zoek, EIS_BEHEER },
	{ "GET", "/api/v1/audit/inzage", api_inzage, EIS_BEHEER },
};
const size_t audit_routes_n = sizeof audit_routes / sizeof audit_routes[0];
