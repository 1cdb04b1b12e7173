/* duiding_web: see duiding_web.h. */
#include "web/duiding_web.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <microhttpd.h>

#include "domain/model.h"
#include "lib/json.h"
#include "store/duiding_store.h"
#include "store/register.h"
#include "store/store.h"
#include "web/antwoord.h"
#include "web/download.h"
#include "web/formulier.h"
#include "web/html.h"
#include "web/pagina.h"
#include "web/query.h"
#include "web/toegang.h"
#include "web/veld.h"

#define PER_PAGINA 50
#define EXPORT_MAX 100000      /* rows of one CSV export */
#define BLOK_MAX 3             /* duidingen beside one figure */
#define REDEN_MAX 200          /* characters of a withdrawal's reason */
#define TEKST_VELD (DUIDING_TEKST_BYTES + 8)

/* ---- rights (see the header) ---------------------------------------------------- */

bool duiding_mag_schrijven(const struct toegang *wie, const char *gemeente)
{
	bool regio = !gemeente || !gemeente[0];

	if (!wie)
		return false;
	switch (wie->rol) {
	case TOEGANG_REGIO:
	case TOEGANG_BELEID:
		return true;
	case TOEGANG_GEMEENTE:
	case TOEGANG_LOKAAL_TEAM:
		return !regio && toegang_in_gemeenten(wie, gemeente);
	case TOEGANG_AANBIEDER:
		return regio;
	case TOEGANG_PUBLIEK:
	case TOEGANG_BEHEERDER:
		return false;
	}
	return false;
}

/* May wie write for some subject at all (is there a form to show)? */
static bool mag_iets_schrijven(const struct toegang *wie)
{
	switch (wie->rol) {
	case TOEGANG_REGIO:
	case TOEGANG_BELEID:
	case TOEGANG_AANBIEDER:
		return true;
	case TOEGANG_GEMEENTE:
	case TOEGANG_LOKAAL_TEAM:
		return wie->n_gemeenten > 0;
	case TOEGANG_PUBLIEK:
	case TOEGANG_BEHEERDER:
		return false;
	}
	return false;
}

static bool mag_wijzigen(const struct toegang *wie, const struct duiding *d)
{
	if (!duiding_mag_schrijven(wie, d->gemeente))
		return false;
	return wie->rol == TOEGANG_REGIO || wie->rol == TOEGANG_BELEID ||
	       strcmp(wie->namens, d->namens) == 0;
}

static bool mag_intrekken(const struct toegang *wie, const struct duiding *d)
{
	return wie->rol == TOEGANG_BEHEERDER || mag_wijzigen(wie, d);
}

/* ---- small helpers ------------------------------------------------------------- */

static bool is_api(const struct web_verzoek *v)
{
	return strncmp(v->pad, "/api/", 5) == 0;
}

/* Strip leading and trailing blanks (space, tab, CR, LF) of s in place. */
static void trim(char *s)
{
	size_t b = strspn(s, " \t\r\n"), e = strlen(s);

	while (e > b && strchr(" \t\r\n", s[e - 1]))
		e--;
	memmove(s, s + b, e - b);
	s[e - b] = '\0';
}

/* Text with line breaks as escaped lines separated by <br>. */
static void html_regels(FILE *f, const char *s)
{
	char regel[256];
	bool eerste = true;

	while (*s) {
		size_t k = strcspn(s, "\r\n");

		if (!eerste)
			fputs("<br>\n", f);
		eerste = false;
		/* Line by line, in pieces that fit regel (a piece may end in
		 * the middle of a UTF-8 character: html_txt passes bytes). */
		for (size_t i = 0; i < k; i += sizeof regel - 1) {
			size_t m = k - i < sizeof regel - 1 ? k - i : sizeof regel - 1;

			memcpy(regel, s + i, m);
			regel[m] = '\0';
			html_txt(f, regel);
		}
		s += k;
		if (*s == '\r' && s[1] == '\n')
			s++;
		if (*s)
			s++;
	}
}

/* Where a duiding is about, for people: the gemeente's name, or "Regio". */
static const char *plek_tekst(const struct duiding *d)
{
	return d->gemeente[0] ? d->gemeente_naam : "Regio";
}

static const char *indicator_tekst(const char *sleutel)
{
	const char *l = duiding_indicator_label(sleutel);

	return l ? l : sleutel;
}

static enum web_uitslag zie_ander(struct web_verzoek *v, const char *doel)
{
	struct MHD_Response *r = antwoord_maak(NULL, 0, false, NULL, ANTWOORD_DYNAMISCH);

	if (!r || !antwoord_header(r, "Location", doel)) {
		if (r)
			MHD_destroy_response(r);
		return WEB_FATAAL;
	}
	return antwoord_zend(v->conn, MHD_HTTP_SEE_OTHER, r);
}

static enum web_uitslag niet_gevonden(struct web_verzoek *v)
{
	return pagina_fout(v, MHD_HTTP_NOT_FOUND, "niet_gevonden", NULL,
			   "Er is geen duiding met dit nummer; zie de lijst op /duidingen.");
}

/* The author line of d: who, organisation, when, and the link to its
 * history (for logged-in users; met_link). */
static void html_bron(FILE *f, const struct duiding *d, bool met_link)
{
	char t[17];

	fputs("<p class=\"duiding-bron\">", f);
	html_txt(f, d->auteur);
	fputs(" (", f);
	html_txt(f, d->namens[0] ? d->namens : d->auteur_rol);
	fprintf(f, "), <time datetime=\"%s\">", d->aangemaakt[0] ? d->aangemaakt : "");
	html_txt(f, duiding_tijd(d->aangemaakt, t));
	fputs("</time>", f);
	if (d->versie > 1) {
		fputs("; eerste versie <time datetime=\"", f);
		html_attr(f, d->eerst_aangemaakt);
		fputs("\">", f);
		html_txt(f, duiding_tijd(d->eerst_aangemaakt, t));
		fprintf(f, "</time>, versie %lld", (long long)d->versie);
	}
	if (met_link)
		fprintf(f, " &middot; <a href=\"/duidingen/%lld\">geschiedenis</a>",
			(long long)d->reeks);
	fputs("</p>\n", f);
}

/* One duiding as a JSON object. */
static void json_duiding(struct json *j, const struct duiding *d)
{
	json_object_begin(j);
	json_key(j, "duiding");
	json_int(j, d->reeks);
	json_key(j, "versie");
	json_int(j, d->versie);
	json_key(j, "indicator");
	json_object_begin(j);
	veld_json_tekst(j, "sleutel", d->indicator);
	veld_json_tekst(j, "naam", indicator_tekst(d->indicator));
	json_object_end(j);
	json_key(j, "gemeente");
	if (d->gemeente[0]) {
		json_object_begin(j);
		veld_json_tekst(j, "code", d->gemeente);
		veld_json_tekst(j, "naam", d->gemeente_naam);
		json_object_end(j);
	} else {
		json_null(j);
	}
	json_key(j, "periode");
	json_object_begin(j);
	veld_json_tekst(j, "code", d->periode);
	veld_json_datum(j, "begin", d->periode_begin);
	veld_json_datum(j, "einde", d->periode_einde);
	json_object_end(j);
	veld_json_tekst(j, "tekst", d->tekst);
	json_key(j, "ingetrokken");
	json_bool(j, d->ingetrokken);
	json_key(j, "auteur");
	json_object_begin(j);
	veld_json_tekst(j, "naam", d->auteur);
	veld_json_tekst(j, "rol", d->auteur_rol);
	veld_json_tekst(j, "namens", d->namens);
	json_object_end(j);
	veld_json_tekst(j, "aangemaakt", d->aangemaakt);
	veld_json_tekst(j, "eerst_aangemaakt", d->eerst_aangemaakt);
	json_object_end(j);
}

/* ---- the block beside a figure --------------------------------------------------- */

struct blok_tx {
	struct duiding_filter flt;
	struct duiding *rijen;
	size_t n;
	int64_t totaal;
};

int duiding_web_blok(FILE *f, struct store *st, const struct toegang *wie, const char *indicator,
		     const char *gemeente, dag_t van, dag_t tot)
{
	bool regio = !gemeente || !gemeente[0];
	bool schrijven = duiding_mag_schrijven(wie, gemeente);
	bool ingelogd = wie && wie->rol != TOEGANG_PUBLIEK;
	struct blok_tx a = {
		.flt = { .indicator = indicator,
			 .plek = regio ? DUIDING_REGIO : DUIDING_GEMEENTE_EN_REGIO,
			 .gemeente = gemeente, .van = van, .tot = tot, .limiet = BLOK_MAX },
	};
	int rc = store_duidingen(st, &a.flt, &a.rijen, &a.n, &a.totaal);

	if (rc < 0)
		return rc;
	if (a.n == 0 && !schrijven)
		return 0;
	fputs("<aside class=\"duiding\" aria-label=\"Duiding bij dit cijfer\">\n<h3>Duiding</h3>\n",
	      f);
	for (size_t i = 0; i < a.n; i++) {
		const struct duiding *d = &a.rijen[i];

		fputs("<div class=\"duiding-item\">\n<p class=\"duiding-onderwerp\"><strong>", f);
		html_txt(f, plek_tekst(d));
		fputs(", ", f);
		html_txt(f, d->periode);
		fputs("</strong></p>\n<p class=\"duiding-tekst\">", f);
		html_regels(f, d->tekst);
		fputs("</p>\n", f);
		html_bron(f, d, ingelogd);
		fputs("</div>\n", f);
	}
	fputs("<p class=\"duiding-meer\">", f);
	if (a.totaal > (int64_t)a.n)
		fprintf(f, "Nog %lld. ", (long long)(a.totaal - (int64_t)a.n));
	fputs("<a href=\"/duidingen?indicator=", f);
	html_attr(f, indicator);
	fputs("&amp;gemeente=", f);
	html_attr(f, regio ? "regio" : gemeente);
	fputs("\">Alle duidingen bij dit cijfer</a>", f);
	if (schrijven) {
		fputs(" &middot; <a href=\"/duidingen?indicator=", f);
		html_attr(f, indicator);
		fputs("&amp;gemeente=", f);
		html_attr(f, regio ? "regio" : gemeente);
		fputs("#nieuw\">Duiding toevoegen</a>", f);
	}
	fputs("</p>\n</aside>\n", f);
	free(a.rijen);
	return 0;
}

/* ---- refusals ------------------------------------------------------------------- */

/* Why a request was refused: status, code, the field (NULL: the whole
 * request) and the message. A page shows its form again with the message
 * beside that field. */
struct weigering {
	unsigned status;
	const char *code;
	const char *veld;
	char melding[400];
};

__attribute__((format(printf, 5, 6)))
static int weiger(struct weigering *w, unsigned status, const char *code, const char *veld,
		  const char *fmt, ...)
{
	va_list ap;

	w->status = status;
	w->code = code;
	w->veld = veld;
	va_start(ap, fmt);
	vsnprintf(w->melding, sizeof w->melding, fmt, ap);
	va_end(ap);
	return -1;
}

static const char *fout_bij(const struct weigering *w, const char *veld)
{
	return w && w->veld && strcmp(w->veld, veld) == 0 ? w->melding : NULL;
}

/* The message of a refused field above it; returns the attributes that tie
 * the field to it. */
static const char *veldfout(FILE *f, const char *id, const char *fout, char attr[96])
{
	attr[0] = '\0';
	if (!fout)
		return attr;
	fprintf(f, "<strong class=\"melding\" id=\"fout-%s\">", id);
	html_txt(f, fout);
	fputs("</strong>\n", f);
	snprintf(attr, 96, " aria-invalid=\"true\" aria-describedby=\"fout-%s\"", id);
	return attr;
}

static void weigering_kop(FILE *f, const struct weigering *w)
{
	fputs("<div class=\"melding\" role=\"alert\"><p><strong>Niet opgeslagen.</strong> ", f);
	html_txt(f, w->melding);
	fputs("</p></div>\n", f);
}

/* The text of a duiding from field veld: trimmed, 1 .. DUIDING_TEKST_MAX
 * characters (leeg_mag: or none; max: the bound). 0 or -1 with w. */
static int lees_tekst(char *tekst, const char *veld, long max, bool leeg_mag,
		      struct weigering *w)
{
	long n;

	trim(tekst);
	n = duiding_tekens(tekst);
	if (n < 0)
		return weiger(w, MHD_HTTP_BAD_REQUEST, "ongeldige_parameter", veld,
			      "Veld '%s' bevat een teken dat geen gewone tekst is; gebruik letters, "
			      "cijfers, leestekens en regelovergangen.", veld);
	if (n == 0 && !leeg_mag)
		return weiger(w, MHD_HTTP_BAD_REQUEST, "ongeldige_parameter", veld,
			      "Veld '%s' is leeg: schrijf de duiding, het verhaal achter het "
			      "cijfer.", veld);
	if (n > max)
		return weiger(w, MHD_HTTP_BAD_REQUEST, "ongeldige_parameter", veld,
			      "Veld '%s' is te lang: %ld tekens, hoogstens %ld. Vat de tekst korter "
			      "samen.", veld, n, max);
	return 0;
}

/* ---- the list: filters ------------------------------------------------------------ */

struct lijst_query {
	char gemeente[8];          /* "", "regio" or a code */
	char indicator[DUIDING_INDICATOR_LEN + 8];
	char periode[16];
	char van[16], tot[16];
	char pagina[24], per_pagina[24];
	struct query_paginering pag;
	struct duiding_filter flt;
};

/* Read and check the list's query string into q (flt ready). 0, or -1
 * with the answer queued (*u). */
static int lijst_query_lees(struct web_verzoek *v, struct lijst_query *q, int64_t per_pagina,
			    enum web_uitslag *u)
{
	struct formulier_veld velden[] = {
		{ "gemeente", q->gemeente, sizeof q->gemeente, false },
		{ "indicator", q->indicator, sizeof q->indicator, false },
		{ "periode", q->periode, sizeof q->periode, false },
		{ "van", q->van, sizeof q->van, false },
		{ "tot", q->tot, sizeof q->tot, false },
		{ "pagina", q->pagina, sizeof q->pagina, false },
		{ "per_pagina", q->per_pagina, sizeof q->per_pagina, false },
	};
	dag_t b, e;

	memset(q, 0, sizeof *q);
	q->flt.van = q->flt.tot = DAG_GEEN;
	if (query_lees(v, velden, sizeof velden / sizeof velden[0], u) < 0)
		return -1;
	if (query_paginering(v, q->pagina, q->per_pagina, per_pagina, &q->pag, u) < 0)
		return -1;
	if (!q->gemeente[0]) {
		q->flt.plek = DUIDING_OVERAL;
	} else if (strcmp(q->gemeente, "regio") == 0) {
		q->flt.plek = DUIDING_REGIO;
	} else if (query_cijfers(q->gemeente, 4, 4)) {
		q->flt.plek = DUIDING_GEMEENTE;
		q->flt.gemeente = q->gemeente;
	} else {
		return query_weiger(v, "gemeente", "Parameter 'gemeente' is de CBS-code van vier "
				    "cijfers (bijvoorbeeld 0546) of 'regio'.", u);
	}
	if (q->indicator[0] && !duiding_indicator_label(q->indicator))
		return query_weiger(v, "indicator", "Parameter 'indicator' is geen bekende "
				    "indicator; zie docs/api/duidingen.md voor de sleutels "
				    "(bijvoorbeeld wachttijd).", u);
	q->flt.indicator = q->indicator;
	if (q->periode[0]) {
		if (duiding_periode_lees(q->periode, &b, &e) < 0)
			return query_weiger(v, "periode", "Parameter 'periode' is een jaar (2025), "
					    "een kwartaal (2025-K3) of een maand (2025-07).", u);
		q->flt.van = b;
		q->flt.tot = e;
	}
	if (query_datum(v, "van", q->van, &q->flt.van, u) < 0 ||
	    query_datum(v, "tot", q->tot, &q->flt.tot, u) < 0)
		return -1;
	q->flt.limiet = q->pag.per_pagina;
	q->flt.offset = q->pag.offset;
	return 0;
}

/* The query string of q (without paging) for links, escaped for an
 * attribute; every value was checked to be plain (digits, letters, '-',
 * '_'). true when it wrote one. */
static bool lijst_query_href(FILE *f, const struct lijst_query *q)
{
	const char *namen[] = { "gemeente", "indicator", "periode", "van", "tot" };
	const char *waarden[] = { q->gemeente, q->indicator, q->periode, q->van, q->tot };
	bool eerste = true;

	for (size_t i = 0; i < sizeof namen / sizeof namen[0]; i++) {
		if (!waarden[i][0])
			continue;
		fprintf(f, "%s%s=", eerste ? "?" : "&amp;", namen[i]);
		html_attr(f, waarden[i]);
		eerste = false;
	}
	return !eerste;
}

struct lijst_tx {
	struct lijst_query *q;
	struct duiding *rijen;
	size_t n;
	int64_t totaal;
	struct gemeente *gemeenten;
	size_t n_gemeenten;
};

static int lijst_tx(struct store *st, void *arg)
{
	struct lijst_tx *a = arg;
	int rc;

	free(a->rijen);
	free(a->gemeenten);
	a->rijen = NULL;
	a->gemeenten = NULL;
	if ((rc = store_duidingen(st, &a->q->flt, &a->rijen, &a->n, &a->totaal)) < 0)
		return rc;
	return store_gemeenten(st, &a->gemeenten, &a->n_gemeenten);
}

/* ---- the list page and the form ---------------------------------------------------- */

/* The values of the add form. */
/* Read the list (a->q set) in a transaction. 0, or -1 with the answer
 * queued (*u) and a freed. */
static int lijst_haal(struct web_verzoek *v, struct lijst_tx *a, enum web_uitslag *u)
{
	struct store *st;
	int rc;

	if (!(st = pagina_store(v, u)))
		return -1;
	if ((rc = store_transaction(st, lijst_tx, a)) < 0) {
		free(a->rijen);
		free(a->gemeenten);
		*u = pagina_store_fout(v, st, rc);
		return -1;
	}
	return 0;
}

struct nieuw_velden {
	char indicator[DUIDING_INDICATOR_LEN + 8];
	char gemeente[8];                 /* "regio" or a code */
	char periode[16];
	char tekst[TEKST_VELD];
};

static void nieuw_formulier(FILE *f, const struct toegang *wie, const struct lijst_tx *a,
			    const struct nieuw_velden *fv, const struct weigering *w)
{
	const char *ind = fv ? fv->indicator : a->q->indicator;
	const char *gem = fv ? fv->gemeente : a->q->gemeente;
	char attr[96];

	fputs("<section id=\"nieuw\">\n<h2>Duiding toevoegen</h2>\n", f);
	if (w)
		weigering_kop(f, w);
	fputs("<p class=\"waarschuwing\"><strong>Geen persoonsgegevens.</strong> Een duiding is "
	      "openbaar: iedereen die het cijfer ziet, ziet ook de duiding, met uw naam en de "
	      "datum. Schrijf geen namen, BSN's, adressen of andere gegevens waarmee iemand te "
	      "herkennen is, en geen aantallen onder de 10 per gemeente.</p>\n"
	      "<form method=\"post\" action=\"/duidingen\" class=\"besluit\">\n", f);
	pagina_csrf_veld(f, wie);
	fputs("<p><label for=\"indicator\">Indicator</label>\n", f);
	veldfout(f, "indicator", fout_bij(w, "indicator"), attr);
	fprintf(f, "<select id=\"indicator\" name=\"indicator\" required%s>\n", attr);
	for (size_t i = 0; i < duiding_indicatoren_n; i++)
		veld_html_optie(f, duiding_indicatoren[i].sleutel, duiding_indicatoren[i].label, ind);
	fputs("</select></p>\n<p><label for=\"gemeente\">Over</label>\n", f);
	veldfout(f, "gemeente", fout_bij(w, "gemeente"), attr);
	fprintf(f, "<select id=\"gemeente\" name=\"gemeente\" required%s>\n", attr);
	if (duiding_mag_schrijven(wie, NULL))
		veld_html_optie(f, "regio", "De regio (alle gemeenten)", gem);
	for (size_t i = 0; i < a->n_gemeenten; i++)
		if (duiding_mag_schrijven(wie, a->gemeenten[i].code))
			veld_html_optie(f, a->gemeenten[i].code, a->gemeenten[i].naam, gem);
	fputs("</select></p>\n<p><label for=\"periode\">Periode: een jaar (2025), een kwartaal "
	      "(2025-K3) of een maand (2025-07)</label>\n", f);
	veldfout(f, "periode", fout_bij(w, "periode"), attr);
	fprintf(f, "<input id=\"periode\" name=\"periode\" type=\"text\" required maxlength=\"7\" "
		"pattern=\"[0-9]{4}(-K[1-4]|-[0-9]{2})?\"%s", attr);
	if (fv && fv->periode[0]) {
		fputs(" value=\"", f);
		html_attr(f, fv->periode);
		fputs("\"", f);
	} else if (!fv && a->q->periode[0]) {
		fputs(" value=\"", f);
		html_attr(f, a->q->periode);
		fputs("\"", f);
	}
	fprintf(f, "></p>\n<p><label for=\"tekst\">Duiding (hoogstens %d tekens, gewone tekst)"
		"</label>\n", DUIDING_TEKST_MAX);
	veldfout(f, "tekst", fout_bij(w, "tekst"), attr);
	fprintf(f, "<textarea id=\"tekst\" name=\"tekst\" rows=\"6\" required maxlength=\"%d\"%s>",
		DUIDING_TEKST_MAX, attr);
	if (fv)
		html_txt(f, fv->tekst);
	fputs("</textarea></p>\n<p><button type=\"submit\">Duiding opslaan</button></p>\n"
	      "</form>\n</section>\n", f);
}

/* The list page for q, with the add form (filled in as fv with refusal w
 * when it comes back), answered with status. */
static enum web_uitslag toon_lijst(struct web_verzoek *v, struct lijst_query *q,
				   const struct nieuw_velden *fv, const struct weigering *w,
				   unsigned status)
{
	struct lijst_tx a = { .q = q };
	enum web_uitslag u = WEB_FATAAL;
	bool ingelogd = v->wie->rol != TOEGANG_PUBLIEK;
	struct web_buf b;
	FILE *f;

	if (lijst_haal(v, &a, &u) < 0)
		return u;
	if (web_buf_open(&b) < 0) {
		free(a.rijen);
		free(a.gemeenten);
		return WEB_FATAAL;
	}
	f = b.f;
	pagina_html_begin(f, "Duidingen: het verhaal achter de cijfers", v->wie, "duidingen");
	fputs("<p class=\"inleiding\">Partners in de regio zetten bij een cijfer wat erachter zit: "
	      "een nieuwe aanbieder, een wachtlijst die groeit, een wijziging in de registratie. "
	      "Elke duiding hoort bij een indicator, een gemeente of de regio en een periode, en "
	      "staat naast het cijfer op de pagina's, in de exports en in de raadsrapportage.</p>\n",
	      f);
	/* The filter, a GET form. */
	fputs("<form method=\"get\" action=\"/duidingen\" class=\"filter\">\n"
	      "<p><label for=\"f-gemeente\">Gemeente</label>\n"
	      "<select id=\"f-gemeente\" name=\"gemeente\">\n", f);
	veld_html_optie(f, "", "Alle", q->gemeente);
	veld_html_optie(f, "regio", "De regio", q->gemeente);
	for (size_t i = 0; i < a.n_gemeenten; i++)
		veld_html_optie(f, a.gemeenten[i].code, a.gemeenten[i].naam, q->gemeente);
	fputs("</select></p>\n<p><label for=\"f-indicator\">Indicator</label>\n"
	      "<select id=\"f-indicator\" name=\"indicator\">\n", f);
	veld_html_optie(f, "", "Alle", q->indicator);
	for (size_t i = 0; i < duiding_indicatoren_n; i++)
		veld_html_optie(f, duiding_indicatoren[i].sleutel, duiding_indicatoren[i].label,
				q->indicator);
	fputs("</select></p>\n<p><label for=\"f-periode\">Periode (2025, 2025-K3 of 2025-07)"
	      "</label>\n<input id=\"f-periode\" name=\"periode\" type=\"text\" maxlength=\"7\"", f);
	if (q->periode[0]) {
		fputs(" value=\"", f);
		html_attr(f, q->periode);
		fputs("\"", f);
	}
	fputs("></p>\n<p><button type=\"submit\">Toon</button></p>\n</form>\n", f);

	fputs("<div class=\"tabel-rol\">\n<table class=\"lijst\">\n<caption>Duidingen", f);
	fprintf(f, " (%lld)</caption>\n<thead><tr><th scope=\"col\">Indicator</th>"
		"<th scope=\"col\">Over</th><th scope=\"col\">Periode</th>"
		"<th scope=\"col\">Duiding</th><th scope=\"col\">Door</th></tr></thead>\n<tbody>\n",
		(long long)a.totaal);
	for (size_t i = 0; i < a.n; i++) {
		const struct duiding *d = &a.rijen[i];

		fputs("<tr><td>", f);
		html_txt(f, indicator_tekst(d->indicator));
		fputs("</td><td>", f);
		html_txt(f, plek_tekst(d));
		fputs("</td><td>", f);
		html_txt(f, d->periode);
		fputs("</td><td>", f);
		html_regels(f, d->tekst);
		fputs("</td><td>", f);
		html_bron(f, d, ingelogd);
		fputs("</td></tr>\n", f);
	}
	if (a.n == 0)
		fputs("<tr><td colspan=\"5\">Geen duidingen bij deze keuze.</td></tr>\n", f);
	fputs("</tbody>\n</table>\n</div>\n<p>", f);
	if (q->pag.pagina > 1) {
		bool meer;

		fputs("<a href=\"/duidingen", f);
		meer = lijst_query_href(f, q);
		fprintf(f, "%spagina=%lld\">Vorige</a> ", meer ? "&amp;" : "?",
			(long long)(q->pag.pagina - 1));
	}
	if (q->pag.offset + (int64_t)a.n < a.totaal) {
		bool meer;

		fputs("<a href=\"/duidingen", f);
		meer = lijst_query_href(f, q);
		fprintf(f, "%spagina=%lld\">Volgende</a> ", meer ? "&amp;" : "?",
			(long long)(q->pag.pagina + 1));
	}
	fputs("<a href=\"/duidingen/export.csv", f);
	lijst_query_href(f, q);
	fputs("\">Download als CSV</a> &middot; <a href=\"/api/v1/duidingen", f);
	lijst_query_href(f, q);
	fputs("\">als JSON</a></p>\n", f);
	if (mag_iets_schrijven(v->wie))
		nieuw_formulier(f, v->wie, &a, fv, w);
	pagina_html_einde(f);
	free(a.rijen);
	free(a.gemeenten);
	if (web_buf_sluit(&b) < 0)
		return WEB_FATAAL;
	return antwoord_buf(v->conn, status, &b, "text/html; charset=utf-8");
}

static enum web_uitslag api_lijst(struct web_verzoek *v);

static enum web_uitslag lijst_get(struct web_verzoek *v)
{
	struct lijst_query q;
	enum web_uitslag u = WEB_FATAAL;

	if (is_api(v))
		return api_lijst(v);
	if (lijst_query_lees(v, &q, PER_PAGINA, &u) < 0)
		return u;
	return toon_lijst(v, &q, NULL, NULL, MHD_HTTP_OK);
}

static enum web_uitslag api_lijst(struct web_verzoek *v)
{
	struct lijst_query q;
	struct lijst_tx a = { .q = &q };
	enum web_uitslag u = WEB_FATAAL;
	struct web_buf b;
	struct json j;

	if (lijst_query_lees(v, &q, PER_PAGINA, &u) < 0)
		return u;
	if (lijst_haal(v, &a, &u) < 0)
		return u;
	free(a.gemeenten);
	if (web_buf_open(&b) < 0) {
		free(a.rijen);
		return WEB_FATAAL;
	}
	json_init(&j, b.f, false);
	json_object_begin(&j);
	json_key(&j, "gegevens");
	json_array_begin(&j);
	for (size_t i = 0; i < a.n; i++)
		json_duiding(&j, &a.rijen[i]);
	json_array_end(&j);
	query_json_paginering(&j, &q.pag, a.totaal);
	json_object_end(&j);
	free(a.rijen);
	return pagina_json_klaar(v, &b, &j);
}

/* ---- CSV ------------------------------------------------------------------------ */

static const char *const export_kop[] = {
	"duiding", "versie", "indicator", "indicator naam", "gemeente", "gemeente naam",
	"periode", "periode begin", "periode einde", "tekst", "auteur", "rol", "namens",
	"aangemaakt", "eerste versie",
};

static enum web_uitslag export_csv(struct web_verzoek *v)
{
	struct lijst_query q;
	struct lijst_tx a = { .q = &q };
	enum web_uitslag u = WEB_FATAAL;
	struct web_buf b;
	char getal[24], d1[11], d2[11];

	if (lijst_query_lees(v, &q, PER_PAGINA, &u) < 0)
		return u;
	/* The whole selection, not one page. */
	q.flt.limiet = EXPORT_MAX;
	q.flt.offset = 0;
	if (lijst_haal(v, &a, &u) < 0)
		return u;
	free(a.gemeenten);
	if (web_buf_open(&b) < 0) {
		free(a.rijen);
		return WEB_FATAAL;
	}
	download_csv_kop(b.f, export_kop, sizeof export_kop / sizeof export_kop[0]);
	for (size_t i = 0; i < a.n; i++) {
		const struct duiding *d = &a.rijen[i];

		snprintf(getal, sizeof getal, "%lld", (long long)d->reeks);
		download_csv_veld(b.f, getal, true);
		snprintf(getal, sizeof getal, "%lld", (long long)d->versie);
		download_csv_veld(b.f, getal, false);
		download_csv_veld(b.f, d->indicator, false);
		download_csv_veld(b.f, indicator_tekst(d->indicator), false);
		download_csv_veld(b.f, d->gemeente[0] ? d->gemeente : "regio", false);
		download_csv_veld(b.f, plek_tekst(d), false);
		download_csv_veld(b.f, d->periode, false);
		download_csv_veld(b.f, datum_fmt(d->periode_begin, d1), false);
		download_csv_veld(b.f, datum_fmt(d->periode_einde, d2), false);
		download_csv_veld(b.f, d->tekst, false);
		download_csv_veld(b.f, d->auteur, false);
		download_csv_veld(b.f, d->auteur_rol, false);
		download_csv_veld(b.f, d->namens, false);
		download_csv_veld(b.f, d->aangemaakt, false);
		download_csv_veld(b.f, d->eerst_aangemaakt, false);
		fputs("\r\n", b.f);
	}
	free(a.rijen);
	return download_csv(v, &b, "duidingen.csv");
}

/* ---- adding -------------------------------------------------------------------- */

struct nieuw_tx {
	const struct nieuw_velden *fv;
	const char *gemeente;             /* NULL: the region */
	struct duiding_auteur auteur;
	int64_t reeks;
	struct duiding d;                 /* the new duiding, read back */
};

static int nieuw_tx(struct store *st, void *arg)
{
	struct nieuw_tx *a = arg;
	int rc = store_duiding_nieuw(st, a->fv->indicator, a->gemeente, a->fv->periode,
				     a->fv->tekst, &a->auteur, &a->reeks);

	if (rc < 0)
		return rc;
	return store_duiding_huidig(st, a->reeks, &a->d);
}

/* Check the add form fv for wie; gemeenten known by store st. 0, or -1
 * with w. */
static int nieuw_controleer(struct store *st, const struct toegang *wie, struct nieuw_velden *fv,
			    struct weigering *w)
{
	struct gemeente g;
	dag_t b, e;
	int rc;

	if (!duiding_indicator_label(fv->indicator))
		return weiger(w, MHD_HTTP_BAD_REQUEST, "ongeldige_parameter", "indicator",
			      "Kies de indicator waar de duiding over gaat (veld 'indicator', "
			      "bijvoorbeeld wachttijd).");
	if (strcmp(fv->gemeente, "regio") != 0) {
		if (!query_cijfers(fv->gemeente, 4, 4))
			return weiger(w, MHD_HTTP_BAD_REQUEST, "ongeldige_parameter", "gemeente",
				      "Kies waar de duiding over gaat: 'regio' of de CBS-code van "
				      "vier cijfers van een gemeente (veld 'gemeente').");
		if ((rc = store_gemeente(st, fv->gemeente, &g)) < 0)
			return weiger(w, MHD_HTTP_SERVICE_UNAVAILABLE, "database", NULL,
				      "De database antwoordt niet; probeer het zo opnieuw.");
		if (rc == 0)
			return weiger(w, MHD_HTTP_BAD_REQUEST, "ongeldige_parameter", "gemeente",
				      "Gemeente %s hoort niet bij de regio; kies een gemeente uit de "
				      "lijst (veld 'gemeente').", fv->gemeente);
	}
	if (!duiding_mag_schrijven(wie, strcmp(fv->gemeente, "regio") == 0 ? NULL : fv->gemeente))
		return weiger(w, MHD_HTTP_FORBIDDEN, "geen_toegang", "gemeente", "%s",
			      strcmp(fv->gemeente, "regio") == 0
			      ? "U mag geen duiding bij de cijfers van de regio schrijven; kies uw "
				"eigen gemeente."
			      : "U mag geen duiding bij de cijfers van deze gemeente schrijven; "
				"kies een gemeente waarvoor u werkt.");
	if (duiding_periode_lees(fv->periode, &b, &e) < 0)
		return weiger(w, MHD_HTTP_BAD_REQUEST, "ongeldige_parameter", "periode",
			      "Veld 'periode' moet een jaar (2025), een kwartaal (2025-K3) of een "
			      "maand (2025-07) zijn, tussen 2000 en 2099.");
	return lees_tekst(fv->tekst, "tekst", DUIDING_TEKST_MAX, false, w);
}

/* The answer to a refused add: JSON, or the list page with the form. */
static enum web_uitslag nieuw_weiger(struct web_verzoek *v, const struct nieuw_velden *fv,
				     const struct weigering *w)
{
	struct lijst_query q;

	if (is_api(v) || w->status == MHD_HTTP_SERVICE_UNAVAILABLE)
		return pagina_fout(v, w->status, w->code, w->veld, w->melding);
	memset(&q, 0, sizeof q);
	q.pag.pagina = 1;
	q.pag.per_pagina = PER_PAGINA;
	q.flt.plek = DUIDING_OVERAL;
	q.flt.van = q.flt.tot = DAG_GEEN;
	q.flt.limiet = PER_PAGINA;
	return toon_lijst(v, &q, fv, w, w->status);
}

static enum web_uitslag api_een_antwoord(struct web_verzoek *v, const struct duiding *d,
					 unsigned status)
{
	struct web_buf b;
	struct json j;
	char err[128];

	if (web_buf_open(&b) < 0)
		return WEB_FATAAL;
	json_init(&j, b.f, false);
	json_duiding(&j, d);
	if (json_finish(&j, err, sizeof err) < 0) {
		if (web_buf_sluit(&b) == 0)
			free(b.data);
		return pagina_fout(v, MHD_HTTP_INTERNAL_SERVER_ERROR, "interne_fout", NULL,
				   "Er ging iets mis bij het maken van het antwoord.");
	}
	if (web_buf_sluit(&b) < 0)
		return WEB_FATAAL;
	return antwoord_buf(v->conn, status, &b, "application/json");
}

/* Who writes: the asker, now. nu (owned by the caller) holds the time. */
static struct duiding_auteur auteur_van(const struct toegang *wie, char nu[21])
{
	return (struct duiding_auteur){ wie->naam, wie->rolnaam, wie->namens, store_nu_iso(nu) };
}

/* The answer to a write that was done: d as JSON with status, or to the
 * page of duiding reeks. */
static enum web_uitslag geschreven(struct web_verzoek *v, const struct duiding *d,
				   int64_t reeks, unsigned status)
{
	char doel[48];

	if (is_api(v))
		return api_een_antwoord(v, d, status);
	snprintf(doel, sizeof doel, "/duidingen/%lld", (long long)reeks);
	return zie_ander(v, doel);
}

static enum web_uitslag nieuw_post(struct web_verzoek *v)
{
	struct nieuw_velden *fv = calloc(1, sizeof *fv);
	struct nieuw_tx *a = calloc(1, sizeof *a);
	enum web_uitslag u = WEB_FATAAL;
	struct weigering w = { 0 };
	const char *fout_veld = NULL;
	char onbekend[FORMULIER_NAAM_MAX], csrf[160], nu[21];
	struct store *st;
	int rc;

	if (!fv || !a)
		goto klaar;
	struct formulier_veld velden[] = {
		{ "csrf", csrf, sizeof csrf, false },
		{ "indicator", fv->indicator, sizeof fv->indicator, false },
		{ "gemeente", fv->gemeente, sizeof fv->gemeente, false },
		{ "periode", fv->periode, sizeof fv->periode, false },
		{ "tekst", fv->tekst, sizeof fv->tekst, false },
	};

	if (!mag_iets_schrijven(v->wie)) {
		u = pagina_fout(v, MHD_HTTP_FORBIDDEN, "geen_toegang", NULL,
				"Uw rol mag geen duidingen schrijven; dat doen SOZ, beleid, gemeenten, "
				"lokale teams en aanbieders.");
		goto klaar;
	}
	if (formulier_lees_strikt(v->body, v->body_len, velden, sizeof velden / sizeof velden[0],
				  &fout_veld, onbekend) < 0) {
		if (fout_veld == velden[4].naam)
			u = pagina_fout(v, MHD_HTTP_BAD_REQUEST, "ongeldige_parameter", "tekst",
					"Veld 'tekst' is te lang of bevat een verkeerd teken; schrijf "
					"hoogstens 2000 tekens gewone tekst.");
		else
			u = pagina_fout(v, MHD_HTTP_BAD_REQUEST, "ongeldig_formulier", fout_veld,
					"Het formulier is niet te lezen: een onbekend of dubbel veld, "
					"een te lange waarde of een verkeerd teken. Velden: indicator, "
					"gemeente, periode, tekst.");
		goto klaar;
	}
	if (!(st = pagina_store(v, &u)))
		goto klaar;
	if (nieuw_controleer(st, v->wie, fv, &w) < 0) {
		u = nieuw_weiger(v, fv, &w);
		goto klaar;
	}
	a->fv = fv;
	a->gemeente = strcmp(fv->gemeente, "regio") == 0 ? NULL : fv->gemeente;
	a->auteur = auteur_van(v->wie, nu);
	if ((rc = store_transaction(st, nieuw_tx, a)) < 0) {
		u = pagina_store_fout(v, st, rc);
		goto klaar;
	}
	u = geschreven(v, &a->d, a->reeks, MHD_HTTP_CREATED);
klaar:
	free(fv);
	free(a);
	return u;
}

/* ---- one duiding: history, edit, withdraw ------------------------------------------ */

struct een_tx {
	int64_t reeks;
	struct duiding *versies;
	size_t n;
};

static int een_tx(struct store *st, void *arg)
{
	struct een_tx *a = arg;

	free(a->versies);
	a->versies = NULL;
	return store_duiding_historie(st, a->reeks, &a->versies, &a->n);
}

/* The values of the edit and withdraw forms. */
struct wijzig_velden {
	char actie[16];
	char versie[24];
	char tekst[TEKST_VELD];
	char reden[REDEN_MAX * 4 + 8];
};

static void toon_versie(FILE *f, const struct duiding *d)
{
	fprintf(f, "<li><p><strong>Versie %lld</strong>%s</p>\n", (long long)d->versie,
		d->ingetrokken ? " &ndash; ingetrokken" : "");
	if (d->tekst[0]) {
		fprintf(f, "<p class=\"duiding-tekst\">%s", d->ingetrokken ? "Reden: " : "");
		html_regels(f, d->tekst);
		fputs("</p>\n", f);
	}
	html_bron(f, d, false);
	fputs("</li>\n", f);
}

static void wijzig_formulieren(FILE *f, const struct toegang *wie, const struct duiding *nu,
			       const struct wijzig_velden *fv, const struct weigering *w)
{
	char attr[96];
	bool wijzig = fv && strcmp(fv->actie, "wijzigen") == 0;
	bool trek = fv && strcmp(fv->actie, "intrekken") == 0;

	if (w)
		weigering_kop(f, w);
	if (mag_wijzigen(wie, nu)) {
		fprintf(f, "<section id=\"wijzigen\">\n<h2>Wijzigen</h2>\n<p class=\"waarschuwing\">"
			"<strong>Geen persoonsgegevens.</strong> De nieuwe tekst is openbaar, met uw "
			"naam en de datum; de vorige versie blijft in de geschiedenis.</p>\n<form "
			"method=\"post\" action=\"/duidingen/%lld\" class=\"besluit\">\n",
			(long long)nu->reeks);
		pagina_csrf_veld(f, wie);
		fprintf(f, "<input type=\"hidden\" name=\"actie\" value=\"wijzigen\">\n<input "
			"type=\"hidden\" name=\"versie\" value=\"%lld\">\n<p><label for=\"tekst\">"
			"Duiding (hoogstens %d tekens, gewone tekst)</label>\n",
			(long long)nu->versie, DUIDING_TEKST_MAX);
		veldfout(f, "tekst", wijzig ? fout_bij(w, "tekst") : NULL, attr);
		fprintf(f, "<textarea id=\"tekst\" name=\"tekst\" rows=\"6\" required "
			"maxlength=\"%d\"%s>", DUIDING_TEKST_MAX, attr);
		html_txt(f, wijzig ? fv->tekst : nu->tekst);
		fputs("</textarea></p>\n<p><button type=\"submit\">Nieuwe versie opslaan</button>"
		      "</p>\n</form>\n</section>\n", f);
	}
	if (mag_intrekken(wie, nu)) {
		fprintf(f, "<section id=\"intrekken\">\n<h2>Intrekken</h2>\n<p>Een ingetrokken "
			"duiding staat niet meer bij het cijfer; de tekst blijft in de geschiedenis "
			"voor ingelogde gebruikers.</p>\n<form method=\"post\" "
			"action=\"/duidingen/%lld\" class=\"besluit\">\n", (long long)nu->reeks);
		pagina_csrf_veld(f, wie);
		fprintf(f, "<input type=\"hidden\" name=\"actie\" value=\"intrekken\">\n<input "
			"type=\"hidden\" name=\"versie\" value=\"%lld\">\n<p><label for=\"reden\">"
			"Reden (niet verplicht, hoogstens %d tekens)</label>\n", (long long)nu->versie,
			REDEN_MAX);
		veldfout(f, "reden", trek ? fout_bij(w, "reden") : NULL, attr);
		fprintf(f, "<input id=\"reden\" name=\"reden\" type=\"text\" maxlength=\"%d\"%s",
			REDEN_MAX, attr);
		if (trek && fv->reden[0]) {
			fputs(" value=\"", f);
			html_attr(f, fv->reden);
			fputs("\"", f);
		}
		fputs("></p>\n<p><button type=\"submit\">Duiding intrekken</button></p>\n</form>\n"
		      "</section>\n", f);
	}
}

/* The page of duiding reeks: its versions and forms (filled in as fv with
 * refusal w when one comes back), answered with status. */
static enum web_uitslag toon_een(struct web_verzoek *v, int64_t reeks,
				 const struct wijzig_velden *fv, const struct weigering *w,
				 unsigned status)
{
	struct een_tx a = { .reeks = reeks };
	enum web_uitslag u = WEB_FATAAL;
	const struct duiding *nu;
	struct web_buf b;
	struct store *st;
	char titel[160];
	FILE *f;
	int rc;

	if (!reeks)
		return niet_gevonden(v);
	if (!(st = pagina_store(v, &u)))
		return u;
	if ((rc = store_transaction(st, een_tx, &a)) < 0) {
		free(a.versies);
		return pagina_store_fout(v, st, rc);
	}
	if (a.n == 0)
		return niet_gevonden(v);
	nu = &a.versies[a.n - 1];
	if (web_buf_open(&b) < 0) {
		free(a.versies);
		return WEB_FATAAL;
	}
	f = b.f;
	snprintf(titel, sizeof titel, "Duiding %lld", (long long)reeks);
	pagina_html_begin(f, titel, v->wie, "duidingen");
	fputs("<dl class=\"kerncijfers\">\n<div><dt>Indicator</dt><dd>", f);
	html_txt(f, indicator_tekst(nu->indicator));
	fputs("</dd></div>\n<div><dt>Over</dt><dd>", f);
	if (nu->gemeente[0]) {
		fputs("<a href=\"/gemeenten/", f);
		html_attr(f, nu->gemeente);
		fputs("\">", f);
		html_txt(f, nu->gemeente_naam);
		fputs("</a>", f);
	} else {
		fputs("<a href=\"/\">De regio</a>", f);
	}
	fputs("</dd></div>\n<div><dt>Periode</dt><dd>", f);
	html_txt(f, nu->periode);
	fprintf(f, "</dd></div>\n<div><dt>Status</dt><dd>%s</dd></div>\n</dl>\n",
		nu->ingetrokken ? "ingetrokken" : "geldig");
	fputs("<section>\n<h2>Geschiedenis</h2>\n<ol class=\"duiding-versies\" reversed>\n", f);
	for (size_t i = a.n; i-- > 0;)
		toon_versie(f, &a.versies[i]);
	fputs("</ol>\n</section>\n", f);
	if (!nu->ingetrokken)
		wijzig_formulieren(f, v->wie, nu, fv, w);
	else if (w)
		weigering_kop(f, w);
	fputs("<p><a href=\"/duidingen\">Alle duidingen</a></p>\n", f);
	pagina_html_einde(f);
	free(a.versies);
	if (web_buf_sluit(&b) < 0)
		return WEB_FATAAL;
	return antwoord_buf(v->conn, status, &b, "text/html; charset=utf-8");
}

static enum web_uitslag api_een(struct web_verzoek *v)
{
	struct een_tx a = { .reeks = query_id(v->param[0]) };
	enum web_uitslag u = WEB_FATAAL;
	struct web_buf b;
	struct json j;
	struct store *st;
	int rc;

	if (!a.reeks)
		return niet_gevonden(v);
	if (!(st = pagina_store(v, &u)))
		return u;
	if ((rc = store_transaction(st, een_tx, &a)) < 0) {
		free(a.versies);
		return pagina_store_fout(v, st, rc);
	}
	if (a.n == 0)
		return niet_gevonden(v);
	if (web_buf_open(&b) < 0) {
		free(a.versies);
		return WEB_FATAAL;
	}
	json_init(&j, b.f, false);
	json_object_begin(&j);
	json_key(&j, "huidig");
	json_duiding(&j, &a.versies[a.n - 1]);
	json_key(&j, "versies");
	json_array_begin(&j);
	for (size_t i = 0; i < a.n; i++)
		json_duiding(&j, &a.versies[i]);
	json_array_end(&j);
	json_object_end(&j);
	free(a.versies);
	return pagina_json_klaar(v, &b, &j);
}

static enum web_uitslag een_get(struct web_verzoek *v)
{
	if (is_api(v))
		return api_een(v);
	return toon_een(v, query_id(v->param[0]), NULL, NULL, MHD_HTTP_OK);
}

struct wijzig_tx {
	const struct toegang *wie;
	int64_t reeks, versie;
	bool intrekken;
	const char *tekst;
	struct duiding_auteur auteur;
	struct weigering *w;
	enum duiding_uitkomst uitkomst;
	struct duiding d;               /* current, before; after: the new version */
};

/* Rights are checked against the current version inside the transaction
 * (under the writers' lock the store takes again in store_duiding_versie,
 * which checks the version too). */
static int wijzig_tx(struct store *st, void *arg)
{
	struct wijzig_tx *a = arg;
	int rc;

	a->w->status = 0;
	if ((rc = store_duiding_huidig(st, a->reeks, &a->d)) <= 0) {
		a->uitkomst = DUIDING_ONBEKEND;
		return rc;
	}
	if (!a->d.ingetrokken && !(a->intrekken ? mag_intrekken(a->wie, &a->d)
						: mag_wijzigen(a->wie, &a->d))) {
		weiger(a->w, MHD_HTTP_FORBIDDEN, "geen_toegang", NULL, "%s",
		       a->intrekken ? "U mag deze duiding niet intrekken: dat mag wie de huidige "
		       "versie schreef (dezelfde organisatie), SOZ, beleid of de beheerder."
		       : "U mag deze duiding niet wijzigen: dat mag wie de huidige versie schreef "
		       "(dezelfde organisatie), SOZ of beleid.");
		return 0;
	}
	if ((rc = store_duiding_versie(st, a->reeks, a->versie, a->tekst, a->intrekken, &a->auteur,
				       &a->uitkomst)) < 0)
		return rc;
	if (a->uitkomst == DUIDING_GEDAAN)
		return store_duiding_huidig(st, a->reeks, &a->d);
	return 0;
}

/* Check the edit form fv into a. 0, or -1 with w. */
static int wijzig_controleer(struct wijzig_velden *fv, struct wijzig_tx *a, struct weigering *w)
{
	if (strcmp(fv->actie, "wijzigen") == 0)
		a->intrekken = false;
	else if (strcmp(fv->actie, "intrekken") == 0)
		a->intrekken = true;
	else
		return weiger(w, MHD_HTTP_BAD_REQUEST, "ongeldige_parameter", "actie",
			      "Veld 'actie' is 'wijzigen' (met tekst) of 'intrekken' (met reden).");
	if (!(a->versie = query_id(fv->versie)))
		return weiger(w, MHD_HTTP_BAD_REQUEST, "ongeldige_parameter", "versie",
			      "Veld 'versie' is het nummer van de versie die u wijzigt of intrekt "
			      "(1, 2, ...).");
	if (a->intrekken) {
		if (fv->tekst[0])
			return weiger(w, MHD_HTTP_BAD_REQUEST, "ongeldige_parameter", "tekst",
				      "Bij intrekken hoort geen tekst; geef eventueel een reden "
				      "(veld 'reden').");
		if (lees_tekst(fv->reden, "reden", REDEN_MAX, true, w) < 0)
			return -1;
		a->tekst = fv->reden;
		return 0;
	}
	if (fv->reden[0])
		return weiger(w, MHD_HTTP_BAD_REQUEST, "ongeldige_parameter", "reden",
			      "Een reden hoort bij intrekken; bij wijzigen volstaat de nieuwe tekst.");
	if (lees_tekst(fv->tekst, "tekst", DUIDING_TEKST_MAX, false, w) < 0)
		return -1;
	a->tekst = fv->tekst;
	return 0;
}

/* The answer to a refused edit: JSON, or the page with the forms. */
static enum web_uitslag wijzig_weiger(struct web_verzoek *v, int64_t reeks,
				      const struct wijzig_velden *fv, const struct weigering *w)
{
	if (is_api(v))
		return pagina_fout(v, w->status, w->code, w->veld, w->melding);
	return toon_een(v, reeks, fv, w, w->status);
}

static enum web_uitslag wijzig_post(struct web_verzoek *v)
{
	struct wijzig_velden *fv = calloc(1, sizeof *fv);
	struct wijzig_tx *a = calloc(1, sizeof *a);
	int64_t reeks = query_id(v->param[0]);
	enum web_uitslag u = WEB_FATAAL;
	struct weigering w = { 0 };
	const char *fout_veld = NULL;
	char onbekend[FORMULIER_NAAM_MAX], csrf[160], nu[21];
	struct store *st;
	int rc;

	if (!fv || !a)
		goto klaar;
	struct formulier_veld velden[] = {
		{ "csrf", csrf, sizeof csrf, false },
		{ "actie", fv->actie, sizeof fv->actie, false },
		{ "versie", fv->versie, sizeof fv->versie, false },
		{ "tekst", fv->tekst, sizeof fv->tekst, false },
		{ "reden", fv->reden, sizeof fv->reden, false },
	};

	if (!reeks) {
		u = niet_gevonden(v);
		goto klaar;
	}
	if (formulier_lees_strikt(v->body, v->body_len, velden, sizeof velden / sizeof velden[0],
				  &fout_veld, onbekend) < 0) {
		u = pagina_fout(v, MHD_HTTP_BAD_REQUEST, "ongeldig_formulier", fout_veld,
				"Het formulier is niet te lezen: een onbekend of dubbel veld, een te "
				"lange waarde (tekst hoogstens 2000 tekens, reden 200) of een verkeerd "
				"teken. Velden: actie, versie, tekst, reden.");
		goto klaar;
	}
	a->wie = v->wie;
	a->reeks = reeks;
	a->w = &w;
	if (wijzig_controleer(fv, a, &w) < 0) {
		u = wijzig_weiger(v, reeks, fv, &w);
		goto klaar;
	}
	a->auteur = auteur_van(v->wie, nu);
	if (!(st = pagina_store(v, &u)))
		goto klaar;
	if ((rc = store_transaction(st, wijzig_tx, a)) < 0) {
		u = pagina_store_fout(v, st, rc);
		goto klaar;
	}
	if (!w.status) {
		switch (a->uitkomst) {
		case DUIDING_GEDAAN:
			break;
		case DUIDING_ONBEKEND:
			u = niet_gevonden(v);
			goto klaar;
		case DUIDING_VEROUDERD:
			weiger(&w, MHD_HTTP_CONFLICT, "verouderd", "versie",
			       "Iemand anders heeft deze duiding intussen gewijzigd; lees de nieuwe "
			       "versie hieronder en probeer het opnieuw.");
			break;
		case DUIDING_AL_INGETROKKEN:
			weiger(&w, MHD_HTTP_CONFLICT, "al_ingetrokken", NULL,
			       "Deze duiding is al ingetrokken; schrijf zo nodig een nieuwe.");
			break;
		}
	}
	if (w.status) {
		u = wijzig_weiger(v, reeks, fv, &w);
		goto klaar;
	}
	u = geschreven(v, &a->d, reeks, MHD_HTTP_OK);
klaar:
	free(fv);
	free(a);
	return u;
}

const struct route duiding_routes[] = {
	{ "GET", "/duidingen", lijst_get, EIS_PUBLIEK },
	{ "GET", "/duidingen/export.csv", export_csv, EIS_PUBLIEK },
	{ "POST", "/duidingen", nieuw_post, EIS_INGELOGD },
	{ "GET", "/duidingen/{nr}", een_get, EIS_INGELOGD },
	{ "POST", "/duidingen/{nr}", wijzig_post, EIS_INGELOGD },
	{ "GET", "/api/v1/duidingen", lijst_get, EIS_PUBLIEK },
	{ "POST", "/api/v1/duidingen", nieuw_post, EIS_INGELOGD },
	{ "GET", "/api/v1/duidingen/{nr}", een_get, EIS_INGELOGD },
	{ "POST", "/api/v1/duidingen/{nr}", wijzig_post, EIS_INGELOGD },
};
const size_t duiding_routes_n = sizeof duiding_routes / sizeof duiding_routes[0];
