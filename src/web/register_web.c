/* register_web: see register_web.h. */
#include "web/register_web.h"

#include <inttypes.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <microhttpd.h>

#include "domain/datum.h"
#include "domain/model.h"
#include "lib/json.h"
#include "store/register.h"
#include "store/store.h"
#include "web/antwoord.h"
#include "web/html.h"
#include "web/pagina.h"
#include "web/query.h"
#include "web/toegang.h"
#include "web/veld.h"

#define PER_PAGINA_AANBIEDERS 50
#define PER_PAGINA_PRODUCTEN 50
/* A contract carries tens to hundreds of tarieven. */
#define PER_PAGINA_CONTRACTEN 20

/* ---- pure helpers --------------------------------------------------------- */

static void url_waarde(FILE *f, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if ((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= 'A' && *p <= 'Z') || *p == '-' || *p == '_' || *p == '.')
			fputc(*p, f);
		else
			fprintf(f, "%%%02X", *p);
}

void register_web_href(FILE *f, const char *pad, const char *const namen[],
		       const char *const waarden[], size_t n, int64_t pagina)
{
	const char *sep = "?";

	html_attr(f, pad);
	for (size_t i = 0; i < n; i++) {
		if (!waarden[i] || !waarden[i][0])
			continue;
		fputs(sep, f);
		url_waarde(f, namen[i]);
		fputc('=', f);
		url_waarde(f, waarden[i]);
		sep = "&amp;";
	}
	if (pagina > 1)
		fprintf(f, "%spagina=%" PRId64, sep, pagina);
}

char *register_web_bedrag(int64_t cent, char out[REGISTER_BEDRAG_LEN])
{
	/* Magnitude as unsigned, so that INT64_MIN does not overflow. */
	uint64_t m = cent < 0 ? (uint64_t)0 - (uint64_t)cent : (uint64_t)cent;
	uint64_t euro = m / 100;
	char cijfers[24], punt[32];
	size_t len, k = 0;

	snprintf(cijfers, sizeof cijfers, "%" PRIu64, euro);
	len = strlen(cijfers);
	for (size_t i = 0; i < len; i++) {
		if (i && (len - i) % 3 == 0)
			punt[k++] = '.';
		punt[k++] = cijfers[i];
	}
	punt[k] = '\0';
	snprintf(out, REGISTER_BEDRAG_LEN, "%s€ %s,%02u", cent < 0 ? "-" : "", punt, (unsigned)(m % 100));
	return out;
}

/* ---- parameters ------------------------------------------------------------ */

/* Check a code parameter of n digits; -1 with a 400 queued. */
static int code_param(struct web_verzoek *v, const char *veld, const char *waarde, size_t n,
		      const char *wat, enum web_uitslag *u)
{
	char melding[160];

	/* "" is absent. */
	if (!*waarde || query_cijfers(waarde, n, n))
		return 0;
	snprintf(melding, sizeof melding, "Parameter '%s' moet %s van %zu cijfers zijn.", veld,
		 wat, n);
	return query_weiger(v, veld, melding, u);
}

/* Run fn in a read snapshot, so that a count and its page agree. */
static int in_snapshot(struct store *st, int (*fn)(struct store *, void *), void *arg)
{
	int rc = store_begin_read(st);

	if (rc < 0)
		return rc;
	rc = fn(st, arg);
	if (rc < 0) {
		store_rollback(st);
		return rc;
	}
	rc = store_commit(st);
	return rc < 0 ? rc : 0;
}

static const char *segment_naam(char namen[SEGMENT_AANTAL][NAAM_LEN], int s)
{
	return s >= 0 && s < SEGMENT_AANTAL ? namen[s] : "";
}

static void json_tekst_of_null(struct json *j, const char *s)
{
	if (s && s[0])
		json_string(j, s);
	else
		json_null(j);
}

static void json_datum(struct json *j, dag_t d)
{
	char buf[11];

	if (d == DAG_GEEN)
		json_null(j);
	else
		json_string(j, datum_fmt(d, buf));
}

static void json_segment(struct json *j, char namen[SEGMENT_AANTAL][NAAM_LEN], int s)
{
	json_key(j, "segment");
	if (s < 0)
		json_null(j);
	else
		json_int(j, s);
	json_key(j, "segment_naam");
	json_tekst_of_null(j, segment_naam(namen, s));
}

/* ---- HTML pieces ----------------------------------------------------------- */

static void veld_tekst(FILE *f, const char *naam, const char *label, const char *waarde)
{
	fprintf(f, "<p><label for=\"%s\">%s</label>\n<input id=\"%s\" name=\"%s\" type=\"text\" "
		"maxlength=\"%d\" value=\"", naam, label, naam, naam, REGISTER_ZOEK_MAX);
	html_attr(f, waarde);
	fputs("\"></p>\n", f);
}

static void keuze_begin(FILE *f, const char *naam, const char *label, const char *leeg)
{
	fprintf(f, "<p><label for=\"%s\">%s</label>\n<select id=\"%s\" name=\"%s\">\n"
		"<option value=\"\">%s</option>\n", naam, label, naam, naam, leeg);
}

static void keuze_einde(FILE *f)
{
	fputs("</select></p>\n", f);
}

/* A select of the segments that have a name; van: the first number. */
static void segment_keuze(FILE *f, char namen[SEGMENT_AANTAL][NAAM_LEN], int van,
			  const char *gekozen)
{
	keuze_begin(f, "segment", "Segment", "alle segmenten");
	for (int s = van; s < SEGMENT_AANTAL; s++) {
		char nr[12];

		if (!namen[s][0])
			continue;
		snprintf(nr, sizeof nr, "%d", s);
		veld_html_optie(f, nr, namen[s], gekozen);
	}
	keuze_einde(f);
}

static void knoppen(FILE *f, const char *pad)
{
	fprintf(f, "<p><button type=\"submit\">Zoeken</button> <a href=\"%s\">Alle filters "
		"wissen</a></p>\n</form>\n", pad);
}

static void melding(FILE *f, const char *tekst)
{
	fputs("<p class=\"melding\" role=\"status\">", f);
	html_txt(f, tekst);
	fputs("</p>\n", f);
}

/* "Vorige" / "Pagina X van Y" / "Volgende", keeping the filters. */
static void navigatie(FILE *f, const char *pad, const char *const namen[],
		      const char *const waarden[], size_t n, const struct query_paginering *p,
		      int64_t totaal)
{
	int64_t paginas = totaal == 0 ? 0 : (totaal + p->per_pagina - 1) / p->per_pagina;

	if (paginas <= 1 && p->pagina == 1)
		return;
	fputs("<nav class=\"paginering\" aria-label=\"Paginering\"><p>", f);
	if (p->pagina > 1) {
		fputs("<a rel=\"prev\" href=\"", f);
		register_web_href(f, pad, namen, waarden, n,
				  p->pagina - 1 > paginas && paginas ? paginas : p->pagina - 1);
		fputs("\">Vorige</a> · ", f);
	}
	fprintf(f, "Pagina %" PRId64 " van %" PRId64, p->pagina, paginas);
	if (p->pagina < paginas) {
		fputs(" · <a rel=\"next\" href=\"", f);
		register_web_href(f, pad, namen, waarden, n, p->pagina + 1);
		fputs("\">Volgende</a>", f);
	}
	fputs("</p></nav>\n", f);
}

/* The segments of bit set bits as "A, B" (or "—"). */
static void segmenten_tekst(FILE *f, char namen[SEGMENT_AANTAL][NAAM_LEN], unsigned bits)
{
	bool eerste = true;

	for (int s = 0; s < SEGMENT_AANTAL; s++) {
		if (!(bits & (1u << s)))
			continue;
		if (!eerste)
			fputs(", ", f);
		html_txt(f, namen[s][0] ? namen[s] : "?");
		eerste = false;
	}
	if (eerste)
		fputs("—", f);
}

static enum web_uitslag html_open(struct web_buf *b)
{
	return web_buf_open(b) < 0 ? WEB_FATAAL : WEB_KLAAR;
}

/* ---- gemeente (JSON) ----------------------------------------------------------- */

static enum web_uitslag api_gemeente(struct web_verzoek *v)
{
	char namen[SEGMENT_AANTAL][NAAM_LEN];
	enum web_uitslag u = WEB_FATAAL;
	struct store *st = pagina_store(v, &u);
	struct register_team_rij *teams = NULL;
	struct deelname *dn = NULL;
	size_t n_teams = 0, n_dn = 0;
	struct gemeente g;
	struct web_buf b;
	struct json j;
	int rc;

	if (!st)
		return u;
	if (query_lees(v, NULL, 0, &u) < 0)
		return u;
	rc = store_gemeente(st, v->param[0], &g);
	if (rc == 0)
		return pagina_fout(v, MHD_HTTP_NOT_FOUND, "niet_gevonden", NULL,
				   "Er is geen gemeente met deze CBS-code in de regio; "
				   "/api/v1/gemeenten geeft de lijst.");
	if (rc > 0)
		rc = store_segmenten(st, namen);
	if (rc >= 0)
		rc = store_gemeente_deelname(st, g.code, &dn, &n_dn);
	if (rc >= 0)
		rc = store_lokale_teams(st, g.code, &teams, &n_teams);
	if (rc < 0) {
		free(dn);
		return pagina_store_fout(v, st, rc);
	}
	if (web_buf_open(&b) < 0) {
		free(dn);
		free(teams);
		return WEB_FATAAL;
	}
	json_init(&j, b.f, false);
	json_object_begin(&j);
	json_key(&j, "code");
	json_string(&j, g.code);
	json_key(&j, "naam");
	json_string(&j, g.naam);
	json_key(&j, "subregio");
	json_tekst_of_null(&j, g.subregio);
	json_key(&j, "inwoners");
	json_int(&j, g.inwoners);
	json_key(&j, "jeugdigen_0_17");
	json_int(&j, g.jeugdigen_0_17);
	json_key(&j, "lokale_teams");
	json_array_begin(&j);
	for (size_t i = 0; i < n_teams; i++) {
		if (i && teams[i].team_id == teams[i - 1].team_id)
			continue;
		json_object_begin(&j);
		json_key(&j, "id");
		json_int(&j, teams[i].team_id);
		json_key(&j, "naam");
		json_string(&j, teams[i].team_naam);
		json_object_end(&j);
	}
	json_array_end(&j);
	json_key(&j, "deelname");
	json_array_begin(&j);
	for (size_t i = 0; i < n_dn; i++) {
		json_object_begin(&j);
		json_segment(&j, namen, dn[i].segment);
		json_key(&j, "vanaf");
		json_datum(&j, dn[i].vanaf);
		json_object_end(&j);
	}
	json_array_end(&j);
	json_object_end(&j);
	free(dn);
	free(teams);
	return pagina_json_klaar(v, &b, &j);
}

/* ---- lokale teams ------------------------------------------------------------ */

static int teams_lees(struct web_verzoek *v, char gemeente[GEMEENTE_CODE_LEN + 1],
		      enum web_uitslag *u)
{
	struct formulier_veld velden[] = {
		{ "gemeente", gemeente, GEMEENTE_CODE_LEN + 1, false },
	};

	if (query_lees(v, velden, 1, u) < 0 ||
	    code_param(v, "gemeente", gemeente, GEMEENTE_CODE_LEN - 1, "een CBS-code", u) < 0)
		return -1;
	return 0;
}

static enum web_uitslag api_lokale_teams(struct web_verzoek *v)
{
	char gemeente[GEMEENTE_CODE_LEN + 1];
	enum web_uitslag u = WEB_FATAAL;
	struct store *st;
	struct register_team_rij *t;
	struct web_buf b;
	struct json j;
	size_t n;
	int rc;

	if (teams_lees(v, gemeente, &u) < 0 || !(st = pagina_store(v, &u)))
		return u;
	rc = store_lokale_teams(st, gemeente, &t, &n);
	if (rc < 0)
		return pagina_store_fout(v, st, rc);
	if (web_buf_open(&b) < 0) {
		free(t);
		return WEB_FATAAL;
	}
	json_init(&j, b.f, false);
	json_object_begin(&j);
	json_key(&j, "gegevens");
	json_array_begin(&j);
	for (size_t i = 0; i < n; i++) {
		bool nieuw = i == 0 || t[i].team_id != t[i - 1].team_id;

		if (nieuw) {
			if (i) {
				json_array_end(&j);
				json_object_end(&j);
			}
			json_object_begin(&j);
			json_key(&j, "id");
			json_int(&j, t[i].team_id);
			json_key(&j, "naam");
			json_string(&j, t[i].team_naam);
			json_key(&j, "gemeenten");
			json_array_begin(&j);
		}
		if (t[i].gemeente[0]) {
			json_object_begin(&j);
			json_key(&j, "code");
			json_string(&j, t[i].gemeente);
			json_key(&j, "naam");
			json_string(&j, t[i].gemeente_naam);
			json_object_end(&j);
		}
	}
	if (n) {
		json_array_end(&j);
		json_object_end(&j);
	}
	json_array_end(&j);
	json_object_end(&j);
	free(t);
	return pagina_json_klaar(v, &b, &j);
}

static enum web_uitslag pagina_lokale_teams(struct web_verzoek *v)
{
	char gemeente[GEMEENTE_CODE_LEN + 1];
	enum web_uitslag u = WEB_FATAAL;
	struct register_team_rij *t;
	struct gemeente *g;
	struct store *st;
	struct web_buf b;
	size_t n, n_g, teams = 0;
	FILE *f;
	int rc;

	if (teams_lees(v, gemeente, &u) < 0 || !(st = pagina_store(v, &u)))
		return u;
	rc = store_gemeenten(st, &g, &n_g);
	if (rc < 0)
		return pagina_store_fout(v, st, rc);
	rc = store_lokale_teams(st, gemeente, &t, &n);
	if (rc < 0) {
		free(g);
		return pagina_store_fout(v, st, rc);
	}
	if ((u = html_open(&b)) != WEB_KLAAR) {
		free(g);
		free(t);
		return u;
	}
	f = b.f;
	pagina_html_begin(f, "Lokale teams", v->wie, "register");
	fputs("<p><a href=\"/register\">Register</a> › Lokale teams</p>\n"
	      "<p>De lokale teams (jeugd- en gezinsteams) en de gemeenten waar zij werken.</p>\n"
	      "<form method=\"get\" action=\"/register/lokale-teams\" class=\"filter\">\n", f);
	keuze_begin(f, "gemeente", "Gemeente", "alle gemeenten");
	for (size_t i = 0; i < n_g; i++)
		veld_html_optie(f, g[i].code, g[i].naam, gemeente);
	keuze_einde(f);
	knoppen(f, "/register/lokale-teams");
	for (size_t i = 0; i < n; i++)
		teams += i == 0 || t[i].team_id != t[i - 1].team_id;
	if (n == 0) {
		melding(f, gemeente[0] ? "Geen lokaal team werkt in deze gemeente."
				       : "Er zijn nog geen lokale teams geregistreerd.");
	} else {
		fprintf(f, "<div class=\"tabel\"><table class=\"register\">\n<caption>%zu lokale "
			"team%s</caption>\n<thead><tr><th scope=\"col\">Team</th>"
			"<th scope=\"col\">Gemeenten</th></tr></thead>\n<tbody>\n", teams,
			teams == 1 ? "" : "s");
		for (size_t i = 0; i < n; i++) {
			bool nieuw = i == 0 || t[i].team_id != t[i - 1].team_id;

			if (nieuw) {
				if (i)
					fputs("</td></tr>\n", f);
				fprintf(f, "<tr data-team=\"%" PRId64 "\"><th scope=\"row\">",
					t[i].team_id);
				html_txt(f, t[i].team_naam);
				fputs("</th><td>", f);
			} else {
				fputs(", ", f);
			}
			html_txt(f, t[i].gemeente[0] ? t[i].gemeente_naam : "—");
		}
		fputs("</td></tr>\n</tbody></table></div>\n", f);
	}
	pagina_html_einde(f);
	free(g);
	free(t);
	return pagina_html_klaar(v, &b);
}

/* ---- aanbieders ---------------------------------------------------------------- */

static const char *const aanbieder_sleutels[] = { "naam", "agb" };

struct aanbieders_vraag {
	char zoek[REGISTER_ZOEK_MAX + 1];
	char netwerk[24], segment[8], sorteer[16], pagina[24], per_pagina[8];
	struct register_aanbieder_filter filter;
	struct query_paginering p;
	/* results */
	int64_t totaal;
	struct register_aanbieder *a;
	size_t n;
};

static int aanbieders_lees(struct web_verzoek *v, struct aanbieders_vraag *q,
			   enum web_uitslag *u)
{
	struct formulier_veld velden[] = {
		{ "zoek", q->zoek, sizeof q->zoek, false },
		{ "netwerk", q->netwerk, sizeof q->netwerk, false },
		{ "segment", q->segment, sizeof q->segment, false },
		{ "sorteer", q->sorteer, sizeof q->sorteer, false },
		{ "pagina", q->pagina, sizeof q->pagina, false },
		{ "per_pagina", q->per_pagina, sizeof q->per_pagina, false },
	};
	int64_t netwerk = 0, segment = -1;
	int sorteer;

	if (query_lees(v, velden, sizeof velden / sizeof velden[0], u) < 0 ||
	    query_getal(v, "netwerk", q->netwerk, 1, INT64_MAX / 2, &netwerk, u) < 0 ||
	    query_getal(v, "segment", q->segment, 0, SEGMENT_AANTAL - 1, &segment, u) < 0 ||
	    query_paginering(v, q->pagina, q->per_pagina, PER_PAGINA_AANBIEDERS, &q->p, u) < 0)
		return -1;
	sorteer = query_sorteer(v, q->sorteer, aanbieder_sleutels, 2, 0, &q->filter.aflopend, u);
	if (sorteer < 0)
		return -1;
	q->filter.sorteer = sorteer == 1 ? REGISTER_AANBIEDER_AGB : REGISTER_AANBIEDER_NAAM;
	q->filter.zoek = q->zoek;
	q->filter.netwerk = netwerk;
	q->filter.segment = (int)segment;
	q->filter.limit = q->p.per_pagina;
	q->filter.offset = q->p.offset;
	return 0;
}

static int aanbieders_tx(struct store *st, void *arg)
{
	struct aanbieders_vraag *q = arg;
	int rc;

	free(q->a);
	q->a = NULL;
	q->n = 0;
	rc = store_aanbieders_tel(st, &q->filter, &q->totaal);
	if (rc < 0)
		return rc;
	return store_aanbieders(st, &q->filter, &q->a, &q->n);
}

static void json_aanbieder(struct json *j, char namen[SEGMENT_AANTAL][NAAM_LEN],
			   const struct register_aanbieder *a)
{
	json_object_begin(j);
	json_key(j, "agb");
	json_string(j, a->aanbieder.agb);
	json_key(j, "naam");
	json_string(j, a->aanbieder.naam);
	json_key(j, "netwerk");
	if (a->aanbieder.netwerk_id > 0) {
		json_object_begin(j);
		json_key(j, "id");
		json_int(j, a->aanbieder.netwerk_id);
		json_key(j, "naam");
		json_string(j, a->netwerk_naam);
		json_object_end(j);
	} else {
		json_null(j);
	}
	json_key(j, "segmenten");
	json_array_begin(j);
	for (int s = 0; s < SEGMENT_AANTAL; s++) {
		if (!(a->segmenten & (1u << s)))
			continue;
		json_object_begin(j);
		json_segment(j, namen, s);
		json_object_end(j);
	}
	json_array_end(j);
	json_object_end(j);
}

/* Parameters, segment names and the page of aanbieders; -1 with the
 * answer queued in *u. */
static int aanbieders_vraag(struct web_verzoek *v, struct aanbieders_vraag *q,
			    char namen[SEGMENT_AANTAL][NAAM_LEN], struct store **st,
			    enum web_uitslag *u)
{
	int rc;

	if (aanbieders_lees(v, q, u) < 0 || !(*st = pagina_store(v, u)))
		return -1;
	rc = store_segmenten(*st, namen);
	if (rc >= 0)
		rc = in_snapshot(*st, aanbieders_tx, q);
	if (rc < 0) {
		free(q->a);
		q->a = NULL;
		*u = pagina_store_fout(v, *st, rc);
		return -1;
	}
	return 0;
}

static enum web_uitslag api_aanbieders(struct web_verzoek *v)
{
	char namen[SEGMENT_AANTAL][NAAM_LEN];
	struct aanbieders_vraag q = { 0 };
	enum web_uitslag u = WEB_FATAAL;
	struct store *st;
	struct web_buf b;
	struct json j;

	if (aanbieders_vraag(v, &q, namen, &st, &u) < 0)
		return u;
	if (web_buf_open(&b) < 0) {
		free(q.a);
		return WEB_FATAAL;
	}
	json_init(&j, b.f, false);
	json_object_begin(&j);
	json_key(&j, "gegevens");
	json_array_begin(&j);
	for (size_t i = 0; i < q.n; i++)
		json_aanbieder(&j, namen, &q.a[i]);
	json_array_end(&j);
	query_json_paginering(&j, &q.p, q.totaal);
	json_object_end(&j);
	free(q.a);
	return pagina_json_klaar(v, &b, &j);
}

static enum web_uitslag pagina_aanbieders(struct web_verzoek *v)
{
	char namen[SEGMENT_AANTAL][NAAM_LEN];
	struct aanbieders_vraag q = { 0 };
	enum web_uitslag u = WEB_FATAAL;
	struct netwerk *nw = NULL;
	struct store *st;
	struct web_buf b;
	size_t n_nw = 0;
	FILE *f;
	int rc;

	if (aanbieders_vraag(v, &q, namen, &st, &u) < 0)
		return u;
	rc = store_netwerken(st, &nw, &n_nw);
	if (rc < 0) {
		free(q.a);
		return pagina_store_fout(v, st, rc);
	}
	if ((u = html_open(&b)) != WEB_KLAAR) {
		free(q.a);
		free(nw);
		return u;
	}
	f = b.f;
	pagina_html_begin(f, "Aanbieders", v->wie, "aanbieders");
	fputs("<p>De jeugdhulpaanbieders van de regio: zoek op naam of AGB-code.</p>\n"
	      "<form method=\"get\" action=\"/aanbieders\" class=\"filter\">\n", f);
	veld_tekst(f, "zoek", "Naam of AGB-code", q.zoek);
	keuze_begin(f, "netwerk", "Netwerk", "alle netwerken");
	for (size_t i = 0; i < n_nw; i++) {
		char id[24];

		snprintf(id, sizeof id, "%" PRId64, nw[i].id);
		veld_html_optie(f, id, nw[i].naam, q.netwerk);
	}
	keuze_einde(f);
	segment_keuze(f, namen, 1, q.segment);
	keuze_begin(f, "sorteer", "Sorteren op", "naam (A-Z)");
	veld_html_optie(f, "-naam", "naam (Z-A)", q.sorteer);
	veld_html_optie(f, "agb", "AGB-code (oplopend)", q.sorteer);
	veld_html_optie(f, "-agb", "AGB-code (aflopend)", q.sorteer);
	keuze_einde(f);
	knoppen(f, "/aanbieders");
	if (q.n == 0) {
		melding(f, q.totaal ? "Deze pagina is leeg: er zijn minder resultaten."
			: "Geen aanbieders gevonden die aan deze zoekvraag voldoen.");
	} else {
		fprintf(f, "<div class=\"tabel\"><table class=\"register\">\n<caption>%" PRId64
			" aanbieder%s gevonden</caption>\n<thead><tr><th scope=\"col\">AGB-code</th>"
			"<th scope=\"col\">Naam</th><th scope=\"col\">Netwerk</th>"
			"<th scope=\"col\">Gecontracteerd voor</th></tr></thead>\n<tbody>\n",
			q.totaal, q.totaal == 1 ? "" : "s");
		for (size_t i = 0; i < q.n; i++) {
			const struct register_aanbieder *a = &q.a[i];

			fputs("<tr><td>", f);
			html_txt(f, a->aanbieder.agb);
			fputs("</td><td><a href=\"/aanbieders/", f);
			html_attr(f, a->aanbieder.agb);
			fputs("\">", f);
			html_txt(f, a->aanbieder.naam);
			fputs("</a></td><td>", f);
			html_txt(f, a->netwerk_naam[0] ? a->netwerk_naam : "—");
			fputs("</td><td>", f);
			segmenten_tekst(f, namen, a->segmenten);
			fputs("</td></tr>\n", f);
		}
		fputs("</tbody></table></div>\n", f);
	}
	{
		const char *nm[] = { "zoek", "netwerk", "segment", "sorteer", "per_pagina" };
		const char *wd[] = { q.zoek, q.netwerk, q.segment, q.sorteer, q.per_pagina };

		navigatie(f, "/aanbieders", nm, wd, 5, &q.p, q.totaal);
	}
	pagina_html_einde(f);
	free(q.a);
	free(nw);
	return pagina_html_klaar(v, &b);
}

/* ---- contracten -------------------------------------------------------------- */

struct contracten_vraag {
	char agb[AGB_LEN + 1], segment[8], jaar[8], pagina[24], per_pagina[8];
	struct register_contract_filter filter;
	struct query_paginering p;
	bool onbekend;          /* the agb asked is not (visibly) there: 404 */
	bool niets;             /* an aanbieder without an AGB: sees none */
	/* results */
	int64_t totaal;
	struct register_contracten r;
};

static int contracten_lees(struct web_verzoek *v, struct contracten_vraag *q,
			   enum web_uitslag *u)
{
	struct formulier_veld velden[] = {
		{ "agb", q->agb, sizeof q->agb, false },
		{ "segment", q->segment, sizeof q->segment, false },
		{ "jaar", q->jaar, sizeof q->jaar, false },
		{ "pagina", q->pagina, sizeof q->pagina, false },
		{ "per_pagina", q->per_pagina, sizeof q->per_pagina, false },
	};
	int64_t segment = -1, jaar = 0;

	if (query_lees(v, velden, sizeof velden / sizeof velden[0], u) < 0 ||
	    code_param(v, "agb", q->agb, AGB_LEN - 1, "een AGB-code", u) < 0 ||
	    query_getal(v, "segment", q->segment, 0, SEGMENT_AANTAL - 1, &segment, u) < 0 ||
	    query_getal(v, "jaar", q->jaar, 1900, 2199, &jaar, u) < 0 ||
	    query_paginering(v, q->pagina, q->per_pagina, PER_PAGINA_CONTRACTEN, &q->p, u) < 0)
		return -1;
	q->filter.segment = (int)segment;
	q->filter.jaar = (int)jaar;
	q->filter.limit = q->p.per_pagina;
	q->filter.offset = q->p.offset;
	q->filter.agb = q->agb;
	/* An aanbieder sees its own contracts only: another AGB is answered
	 * as if it did not exist. */
	if (v->wie->rol == TOEGANG_AANBIEDER) {
		if (q->agb[0] && strcmp(q->agb, v->wie->agb) != 0)
			q->onbekend = true;
		/* "" would mean "any" to the store: fail closed. */
		q->niets = !v->wie->agb[0];
		q->filter.agb = v->wie->agb;
	}
	return 0;
}

static int contracten_tx(struct store *st, void *arg)
{
	struct contracten_vraag *q = arg;
	struct register_aanbieder a;
	int rc;

	store_contracten_vrij(&q->r);
	q->totaal = 0;
	if (q->onbekend || q->niets)
		return 0;
	if (q->filter.agb[0]) {
		rc = store_aanbieder(st, q->filter.agb, &a);
		if (rc <= 0) {
			q->onbekend = rc == 0;
			return rc;
		}
	}
	rc = store_contracten_tel(st, &q->filter, &q->totaal);
	if (rc < 0)
		return rc;
	return store_contracten(st, &q->filter, &q->r);
}

/* Parameters and the page of contracts; -1 with the answer queued
 * (400, 404 for an unknown or foreign agb, 503). */
static int contracten_vraag(struct web_verzoek *v, struct contracten_vraag *q,
			    char namen[SEGMENT_AANTAL][NAAM_LEN], struct store **st,
			    enum web_uitslag *u)
{
	int rc;

	if (contracten_lees(v, q, u) < 0 || !(*st = pagina_store(v, u)))
		return -1;
	rc = store_segmenten(*st, namen);
	if (rc >= 0)
		rc = in_snapshot(*st, contracten_tx, q);
	if (rc < 0) {
		store_contracten_vrij(&q->r);
		*u = pagina_store_fout(v, *st, rc);
		return -1;
	}
	if (q->onbekend) {
		store_contracten_vrij(&q->r);
		*u = pagina_fout(v, MHD_HTTP_NOT_FOUND, "niet_gevonden", "agb",
				 "Er is geen aanbieder met deze AGB-code waarvan u de contracten "
				 "mag zien.");
		return -1;
	}
	return 0;
}

static void json_contract(struct json *j, char namen[SEGMENT_AANTAL][NAAM_LEN],
			  const struct register_contracten *r, const struct register_contract *c)
{
	json_object_begin(j);
	json_key(j, "id");
	json_int(j, c->contract.id);
	json_key(j, "agb");
	json_string(j, c->contract.agb);
	json_key(j, "aanbieder_naam");
	json_string(j, c->aanbieder_naam);
	json_segment(j, namen, c->contract.segment);
	json_key(j, "begindatum");
	json_datum(j, c->contract.begindatum);
	json_key(j, "einddatum");
	json_datum(j, c->contract.einddatum);
	json_key(j, "stilzwijgend_verlengd");
	json_bool(j, c->contract.stilzwijgend_verlengd);
	json_key(j, "tarieven");
	json_array_begin(j);
	for (size_t k = c->tarief_begin; k < c->tarief_begin + c->n_tarieven && k < r->n_t; k++) {
		const struct register_tarief *t = &r->t[k];

		json_object_begin(j);
		json_key(j, "productcode");
		json_string(j, t->tarief.productcode);
		json_key(j, "omschrijving");
		json_tekst_of_null(j, t->omschrijving);
		json_key(j, "jaar");
		json_int(j, t->tarief.jaar);
		json_key(j, "bedrag");
		json_int(j, t->tarief.bedrag);
		json_key(j, "eenheid");
		json_string(j, t->tarief.eenheid);
		json_object_end(j);
	}
	json_array_end(j);
	json_object_end(j);
}

static enum web_uitslag api_contracten(struct web_verzoek *v)
{
	char namen[SEGMENT_AANTAL][NAAM_LEN];
	struct contracten_vraag q = { 0 };
	enum web_uitslag u = WEB_FATAAL;
	struct store *st;
	struct web_buf b;
	struct json j;

	if (contracten_vraag(v, &q, namen, &st, &u) < 0)
		return u;
	if (web_buf_open(&b) < 0) {
		store_contracten_vrij(&q.r);
		return WEB_FATAAL;
	}
	json_init(&j, b.f, false);
	json_object_begin(&j);
	json_key(&j, "gegevens");
	json_array_begin(&j);
	for (size_t i = 0; i < q.r.n; i++)
		json_contract(&j, namen, &q.r, &q.r.c[i]);
	json_array_end(&j);
	query_json_paginering(&j, &q.p, q.totaal);
	json_object_end(&j);
	store_contracten_vrij(&q.r);
	return pagina_json_klaar(v, &b, &j);
}

static void datum_cel(FILE *f, dag_t d)
{
	char buf[11];

	fputs(d == DAG_GEEN ? "—" : datum_fmt(d, buf), f);
}

/* The tarieven of contract c as a table: a row per product, a column per
 * year. */
static void tarieven_tabel(FILE *f, const struct register_contracten *r,
			   const struct register_contract *c, const char *onderschrift)
{
	const struct register_tarief *t = r->t + c->tarief_begin;
	size_t n = c->n_tarieven;
	int jaar_min = 0, jaar_max = 0;

	if (n == 0) {
		fputs("<p>Voor dit contract zijn geen tarieven vastgelegd", f);
		fputs(onderschrift[0] ? " (in de gekozen periode).</p>\n" : ".</p>\n", f);
		return;
	}
	for (size_t k = 0; k < n; k++) {
		if (!jaar_min || t[k].tarief.jaar < jaar_min)
			jaar_min = t[k].tarief.jaar;
		if (t[k].tarief.jaar > jaar_max)
			jaar_max = t[k].tarief.jaar;
	}
	fputs("<div class=\"tabel\"><table class=\"tarieven\">\n<caption>Tarieven", f);
	if (onderschrift[0]) {
		fputs(" ", f);
		html_txt(f, onderschrift);
	}
	fputs(" (per eenheid)</caption>\n<thead><tr><th scope=\"col\">Product</th>"
	      "<th scope=\"col\">Eenheid</th>", f);
	for (int y = jaar_min; y <= jaar_max; y++)
		fprintf(f, "<th scope=\"col\">%d</th>", y);
	fputs("</tr></thead>\n<tbody>\n", f);
	/* Rows are sorted by product, then year (store order). */
	for (size_t k = 0; k < n;) {
		size_t eind = k;
		int y = jaar_min;

		while (eind < n && strcmp(t[eind].tarief.productcode, t[k].tarief.productcode) == 0)
			eind++;
		fputs("<tr><th scope=\"row\"><code>", f);
		html_txt(f, t[k].tarief.productcode);
		fputs("</code> ", f);
		html_txt(f, t[k].omschrijving);
		fputs("</th><td>", f);
		html_txt(f, t[k].tarief.eenheid);
		fputs("</td>", f);
		for (size_t m = k; m < eind; m++) {
			char bedrag[REGISTER_BEDRAG_LEN];

			for (; y < t[m].tarief.jaar; y++)
				fputs("<td>—</td>", f);
			fprintf(f, "<td>%s</td>", register_web_bedrag(t[m].tarief.bedrag, bedrag));
			y = t[m].tarief.jaar + 1;
		}
		for (; y <= jaar_max; y++)
			fputs("<td>—</td>", f);
		fputs("</tr>\n", f);
		k = eind;
	}
	fputs("</tbody></table></div>\n", f);
}

static enum web_uitslag pagina_contracten(struct web_verzoek *v)
{
	char namen[SEGMENT_AANTAL][NAAM_LEN];
	struct contracten_vraag q = { 0 };
	enum web_uitslag u = WEB_FATAAL;
	struct store *st;
	struct web_buf b;
	FILE *f;

	if (contracten_vraag(v, &q, namen, &st, &u) < 0)
		return u;
	if ((u = html_open(&b)) != WEB_KLAAR) {
		store_contracten_vrij(&q.r);
		return u;
	}
	f = b.f;
	pagina_html_begin(f, "Contracten", v->wie, "register");
	fputs("<p><a href=\"/register\">Register</a> › Contracten</p>\n", f);
	if (v->wie->rol == TOEGANG_AANBIEDER)
		fputs("<p>U ziet de contracten van uw eigen organisatie.</p>\n", f);
	else
		fputs("<p>De contracten van de regio met jeugdhulpaanbieders, per segment. De "
		      "tarieven staan op de pagina van de aanbieder.</p>\n", f);
	fputs("<form method=\"get\" action=\"/register/contracten\" class=\"filter\">\n", f);
	if (v->wie->rol != TOEGANG_AANBIEDER)
		veld_tekst(f, "agb", "AGB-code van de aanbieder", q.agb);
	segment_keuze(f, namen, 1, q.segment);
	veld_tekst(f, "jaar", "Jaar (met tarieven in dat jaar)", q.jaar);
	knoppen(f, "/register/contracten");
	if (q.r.n == 0) {
		melding(f, q.totaal ? "Deze pagina is leeg: er zijn minder resultaten."
			: "Geen contracten gevonden die aan deze zoekvraag voldoen.");
	} else {
		fprintf(f, "<div class=\"tabel\"><table class=\"register\">\n<caption>%" PRId64
			" contract%s gevonden</caption>\n<thead><tr><th scope=\"col\">Aanbieder</th>"
			"<th scope=\"col\">Segment</th><th scope=\"col\">Begindatum</th>"
			"<th scope=\"col\">Einddatum</th><th scope=\"col\">Stilzwijgend verlengd</th>"
			"<th scope=\"col\">Tarieven</th></tr></thead>\n<tbody>\n",
			q.totaal, q.totaal == 1 ? "" : "en");
		for (size_t i = 0; i < q.r.n; i++) {
			const struct register_contract *c = &q.r.c[i];

			fprintf(f, "<tr data-contract=\"%" PRId64 "\"><td><a href=\"/aanbieders/",
				c->contract.id);
			html_attr(f, c->contract.agb);
			fputs("\">", f);
			html_txt(f, c->aanbieder_naam);
			fputs("</a> (", f);
			html_txt(f, c->contract.agb);
			fputs(")</td><td>", f);
			html_txt(f, segment_naam(namen, c->contract.segment));
			fputs("</td><td>", f);
			datum_cel(f, c->contract.begindatum);
			fputs("</td><td>", f);
			datum_cel(f, c->contract.einddatum);
			fprintf(f, "</td><td>%s</td><td>%zu</td></tr>\n",
				c->contract.stilzwijgend_verlengd ? "ja" : "nee", c->n_tarieven);
		}
		fputs("</tbody></table></div>\n", f);
	}
	{
		const char *nm[] = { "agb", "segment", "jaar", "per_pagina" };
		const char *wd[] = { q.agb, q.segment, q.jaar, q.per_pagina };

		navigatie(f, "/register/contracten", nm, wd, 4, &q.p, q.totaal);
	}
	pagina_html_einde(f);
	store_contracten_vrij(&q.r);
	return pagina_html_klaar(v, &b);
}

/* ---- one aanbieder ------------------------------------------------------------ */

/* May wie see the contracts of agb? Logged in, and an aanbieder only its
 * own. */
static bool contracten_zichtbaar(const struct toegang *wie, const char *agb)
{
	switch (wie->rol) {
	case TOEGANG_PUBLIEK:
		return false;
	case TOEGANG_AANBIEDER:
		return wie->agb[0] && strcmp(wie->agb, agb) == 0;
	case TOEGANG_BEHEERDER:
	case TOEGANG_REGIO:
	case TOEGANG_GEMEENTE:
	case TOEGANG_LOKAAL_TEAM:
	case TOEGANG_BELEID:
		return true;
	}
	return false;
}

/* May wie open the allocations and payments of agb (/toewijzingen,
 * /betalingen: personal data, and an aanbieder only its own)? */
static bool keten_zichtbaar(const struct toegang *wie, const char *agb)
{
	if (!toegang_eis_ok(wie, EIS_PERSOONSGEGEVENS))
		return false;
	return wie->rol != TOEGANG_AANBIEDER || (wie->agb[0] && strcmp(wie->agb, agb) == 0);
}

/* The aanbieder of the path, with the segment names; -1 with the answer
 * (404, 503) queued. */
static int aanbieder_vraag(struct web_verzoek *v, struct register_aanbieder *a,
			   char namen[SEGMENT_AANTAL][NAAM_LEN], struct store **st,
			   enum web_uitslag *u)
{
	int rc;

	if (query_lees(v, NULL, 0, u) < 0 || !(*st = pagina_store(v, u)))
		return -1;
	rc = store_aanbieder(*st, v->param[0], a);
	if (rc > 0)
		rc = store_segmenten(*st, namen);
	if (rc < 0) {
		*u = pagina_store_fout(v, *st, rc);
		return -1;
	}
	if (rc == 0) {
		*u = pagina_fout(v, MHD_HTTP_NOT_FOUND, "niet_gevonden", NULL,
				 "Er is geen aanbieder met deze AGB-code in het register.");
		return -1;
	}
	return 0;
}

static enum web_uitslag api_aanbieder(struct web_verzoek *v)
{
	char namen[SEGMENT_AANTAL][NAAM_LEN];
	enum web_uitslag u = WEB_FATAAL;
	struct register_aanbieder a;
	struct store *st;
	struct web_buf b;
	struct json j;

	if (aanbieder_vraag(v, &a, namen, &st, &u) < 0)
		return u;
	if (web_buf_open(&b) < 0)
		return WEB_FATAAL;
	json_init(&j, b.f, false);
	json_aanbieder(&j, namen, &a);
	return pagina_json_klaar(v, &b, &j);
}

static enum web_uitslag pagina_aanbieder(struct web_verzoek *v)
{
	char namen[SEGMENT_AANTAL][NAAM_LEN];
	struct register_contracten r = { 0 };
	enum web_uitslag u = WEB_FATAAL;
	struct register_aanbieder a;
	struct store *st;
	struct web_buf b;
	bool zichtbaar;
	FILE *f;

	if (aanbieder_vraag(v, &a, namen, &st, &u) < 0)
		return u;
	zichtbaar = contracten_zichtbaar(v->wie, a.aanbieder.agb);
	if (zichtbaar) {
		struct register_contract_filter cf = {
			.agb = a.aanbieder.agb, .segment = -1, .limit = QUERY_PER_PAGINA_MAX,
		};
		int rc = store_contracten(st, &cf, &r);

		if (rc < 0) {
			store_contracten_vrij(&r);
			return pagina_store_fout(v, st, rc);
		}
	}
	if ((u = html_open(&b)) != WEB_KLAAR) {
		store_contracten_vrij(&r);
		return u;
	}
	f = b.f;
	pagina_html_begin(f, a.aanbieder.naam, v->wie, "aanbieders");
	fputs("<p><a href=\"/aanbieders\">Aanbieders</a> › ", f);
	html_txt(f, a.aanbieder.naam);
	fputs("</p>\n<dl class=\"register\">\n<dt>AGB-code</dt><dd>", f);
	html_txt(f, a.aanbieder.agb);
	fputs("</dd>\n<dt>Naam</dt><dd>", f);
	html_txt(f, a.aanbieder.naam);
	fputs("</dd>\n<dt>Netwerk</dt><dd>", f);
	html_txt(f, a.netwerk_naam[0] ? a.netwerk_naam : "geen netwerk");
	fputs("</dd>\n<dt>Gecontracteerd voor</dt><dd>", f);
	segmenten_tekst(f, namen, a.segmenten);
	fputs("</dd>\n</dl>\n<p><a href=\"/aanbieders/", f);
	html_attr(f, a.aanbieder.agb);
	fputs("/cijfers\">Cijfers van deze aanbieder</a></p>\n", f);
	if (keten_zichtbaar(v->wie, a.aanbieder.agb)) {
		fputs("<p><a href=\"/toewijzingen?aanbieder=", f);
		html_attr(f, a.aanbieder.agb);
		fputs("\">Toewijzingen bij deze aanbieder</a> · <a href=\"/betalingen?aanbieder=", f);
		html_attr(f, a.aanbieder.agb);
		fputs("\">Betalingen aan deze aanbieder</a></p>\n", f);
	}
	fputs("<h2>Contracten</h2>\n", f);
	if (!zichtbaar) {
		if (v->wie->rol == TOEGANG_PUBLIEK)
			fputs("<p class=\"melding\">Contracten en tarieven zijn zichtbaar na "
			      "<a href=\"/inloggen\">inloggen</a>.</p>\n", f);
		else
			melding(f, "Als aanbieder ziet u alleen de contracten en tarieven van uw "
				"eigen organisatie.");
	} else if (r.n == 0) {
		melding(f, "Deze aanbieder heeft geen contracten in het register.");
	}
	for (size_t i = 0; i < r.n; i++) {
		const struct register_contract *c = &r.c[i];
		char kop[160], b1[11], b2[11];

		fprintf(f, "<section class=\"contract\" data-contract=\"%" PRId64 "\">\n<h3>",
			c->contract.id);
		html_txt(f, segment_naam(namen, c->contract.segment));
		fputs("</h3>\n<p>", f);
		snprintf(kop, sizeof kop, "Looptijd %s tot en met %s%s",
			 datum_fmt(c->contract.begindatum, b1),
			 c->contract.einddatum == DAG_GEEN ? "onbepaalde tijd"
							   : datum_fmt(c->contract.einddatum, b2),
			 c->contract.stilzwijgend_verlengd ? ", daarna stilzwijgend verlengd per "
							     "kalenderjaar" : "");
		html_txt(f, kop);
		fputs(".</p>\n", f);
		tarieven_tabel(f, &r, c, segment_naam(namen, c->contract.segment));
		fputs("</section>\n", f);
	}
	pagina_html_einde(f);
	store_contracten_vrij(&r);
	return pagina_html_klaar(v, &b);
}

/* ---- producten ---------------------------------------------------------------- */

static const char *const product_sleutels[] = { "code", "omschrijving" };

struct producten_vraag {
	char categorie[CATEGORIE_LEN + 1], segment[8], zoek[REGISTER_ZOEK_MAX + 1];
	char sorteer[16], pagina[24], per_pagina[8];
	struct register_product_filter filter;
	struct query_paginering p;
	int64_t totaal;
	struct product *pr;
	size_t n;
};

static int producten_lees(struct web_verzoek *v, struct producten_vraag *q,
			  enum web_uitslag *u)
{
	struct formulier_veld velden[] = {
		{ "categorie", q->categorie, sizeof q->categorie, false },
		{ "segment", q->segment, sizeof q->segment, false },
		{ "zoek", q->zoek, sizeof q->zoek, false },
		{ "sorteer", q->sorteer, sizeof q->sorteer, false },
		{ "pagina", q->pagina, sizeof q->pagina, false },
		{ "per_pagina", q->per_pagina, sizeof q->per_pagina, false },
	};
	int64_t segment = -1;
	int sorteer;

	if (query_lees(v, velden, sizeof velden / sizeof velden[0], u) < 0 ||
	    code_param(v, "categorie", q->categorie, CATEGORIE_LEN - 1,
		       "een productcategorie", u) < 0 ||
	    query_getal(v, "segment", q->segment, 0, SEGMENT_AANTAL - 1, &segment, u) < 0 ||
	    query_paginering(v, q->pagina, q->per_pagina, PER_PAGINA_PRODUCTEN, &q->p, u) < 0)
		return -1;
	sorteer = query_sorteer(v, q->sorteer, product_sleutels, 2, 0, &q->filter.aflopend, u);
	if (sorteer < 0)
		return -1;
	q->filter.sorteer = sorteer == 1 ? REGISTER_PRODUCT_OMSCHRIJVING : REGISTER_PRODUCT_CODE;
	q->filter.categorie = q->categorie;
	q->filter.segment = (int)segment;
	q->filter.zoek = q->zoek;
	q->filter.limit = q->p.per_pagina;
	q->filter.offset = q->p.offset;
	return 0;
}

static int producten_tx(struct store *st, void *arg)
{
	struct producten_vraag *q = arg;
	int rc;

	free(q->pr);
	q->pr = NULL;
	q->n = 0;
	rc = store_producten_tel(st, &q->filter, &q->totaal);
	if (rc < 0)
		return rc;
	return store_producten(st, &q->filter, &q->pr, &q->n);
}

static int producten_vraag(struct web_verzoek *v, struct producten_vraag *q,
			   char namen[SEGMENT_AANTAL][NAAM_LEN], enum web_uitslag *u)
{
	struct store *st;
	int rc;

	if (producten_lees(v, q, u) < 0 || !(st = pagina_store(v, u)))
		return -1;
	rc = store_segmenten(st, namen);
	if (rc >= 0)
		rc = in_snapshot(st, producten_tx, q);
	if (rc < 0) {
		free(q->pr);
		q->pr = NULL;
		*u = pagina_store_fout(v, st, rc);
		return -1;
	}
	return 0;
}

static enum web_uitslag api_producten(struct web_verzoek *v)
{
	char namen[SEGMENT_AANTAL][NAAM_LEN];
	struct producten_vraag q = { 0 };
	enum web_uitslag u = WEB_FATAAL;
	struct web_buf b;
	struct json j;

	if (producten_vraag(v, &q, namen, &u) < 0)
		return u;
	if (web_buf_open(&b) < 0) {
		free(q.pr);
		return WEB_FATAAL;
	}
	json_init(&j, b.f, false);
	json_object_begin(&j);
	json_key(&j, "gegevens");
	json_array_begin(&j);
	for (size_t i = 0; i < q.n; i++) {
		const struct product *p = &q.pr[i];

		json_object_begin(&j);
		json_key(&j, "code");
		json_string(&j, p->code);
		json_key(&j, "categorie");
		json_string(&j, p->categorie);
		json_key(&j, "omschrijving");
		json_string(&j, p->omschrijving);
		json_key(&j, "uitvoeringsvariant");
		json_tekst_of_null(&j, p->uitvoeringsvariant);
		json_segment(&j, namen, p->segment);
		json_key(&j, "groep");
		json_bool(&j, p->groep);
		json_key(&j, "eenheid");
		json_tekst_of_null(&j, p->eenheid);
		json_object_end(&j);
	}
	json_array_end(&j);
	query_json_paginering(&j, &q.p, q.totaal);
	json_object_end(&j);
	free(q.pr);
	return pagina_json_klaar(v, &b, &j);
}

static enum web_uitslag pagina_producten(struct web_verzoek *v)
{
	char namen[SEGMENT_AANTAL][NAAM_LEN];
	struct producten_vraag q = { 0 };
	enum web_uitslag u = WEB_FATAAL;
	struct web_buf b;
	FILE *f;

	if (producten_vraag(v, &q, namen, &u) < 0)
		return u;
	if ((u = html_open(&b)) != WEB_KLAAR) {
		free(q.pr);
		return u;
	}
	f = b.f;
	pagina_html_begin(f, "Producten", v->wie, "register");
	fputs("<p><a href=\"/register\">Register</a> › Producten</p>\n"
	      "<p>De productcodes (iJw) met het segment waarin de regio ze inkoopt.</p>\n"
	      "<form method=\"get\" action=\"/register/producten\" class=\"filter\">\n", f);
	veld_tekst(f, "zoek", "Omschrijving of productcode", q.zoek);
	veld_tekst(f, "categorie", "Categorie (twee cijfers)", q.categorie);
	segment_keuze(f, namen, 0, q.segment);
	keuze_begin(f, "sorteer", "Sorteren op", "productcode");
	veld_html_optie(f, "-code", "productcode (aflopend)", q.sorteer);
	veld_html_optie(f, "omschrijving", "omschrijving (A-Z)", q.sorteer);
	veld_html_optie(f, "-omschrijving", "omschrijving (Z-A)", q.sorteer);
	keuze_einde(f);
	knoppen(f, "/register/producten");
	if (q.n == 0) {
		melding(f, q.totaal ? "Deze pagina is leeg: er zijn minder resultaten."
			: "Geen producten gevonden die aan deze zoekvraag voldoen.");
	} else {
		fprintf(f, "<div class=\"tabel\"><table class=\"register\">\n<caption>%" PRId64
			" product%s gevonden</caption>\n<thead><tr><th scope=\"col\">Code</th>"
			"<th scope=\"col\">Categorie</th><th scope=\"col\">Omschrijving</th>"
			"<th scope=\"col\">Segment</th><th scope=\"col\">Groep</th>"
			"<th scope=\"col\">Eenheid</th></tr></thead>\n<tbody>\n",
			q.totaal, q.totaal == 1 ? "" : "en");
		for (size_t i = 0; i < q.n; i++) {
			const struct product *p = &q.pr[i];

			fputs("<tr><td><code>", f);
			html_txt(f, p->code);
			fputs("</code></td><td>", f);
			html_txt(f, p->categorie);
			fputs("</td><td>", f);
			html_txt(f, p->omschrijving);
			fputs("</td><td>", f);
			html_txt(f, p->segment >= 0 ? segment_naam(namen, p->segment)
						    : "niet regionaal ingekocht");
			fprintf(f, "</td><td>%s</td><td>", p->groep ? "ja" : "nee");
			html_txt(f, p->eenheid[0] ? p->eenheid : "—");
			fputs("</td></tr>\n", f);
		}
		fputs("</tbody></table></div>\n", f);
	}
	{
		const char *nm[] = { "zoek", "categorie", "segment", "sorteer", "per_pagina" };
		const char *wd[] = { q.zoek, q.categorie, q.segment, q.sorteer, q.per_pagina };

		navigatie(f, "/register/producten", nm, wd, 5, &q.p, q.totaal);
	}
	pagina_html_einde(f);
	free(q.pr);
	return pagina_html_klaar(v, &b);
}

/* ---- the index ------------------------------------------------------------------ */

static enum web_uitslag pagina_register(struct web_verzoek *v)
{
	enum web_uitslag u = WEB_FATAAL;
	struct web_buf b;
	FILE *f;

	if (query_lees(v, NULL, 0, &u) < 0)
		return u;
	if ((u = html_open(&b)) != WEB_KLAAR)
		return u;
	f = b.f;
	pagina_html_begin(f, "Register", v->wie, "register");
	fputs("<p>Het register van de regio: wie levert jeugdhulp, waar, en tegen welke "
	      "afspraken. Openbare gegevens, geen persoonsgegevens.</p>\n<ul>\n"
	      "<li><a href=\"/aanbieders\">Aanbieders</a>: zoeken op naam of AGB-code, "
	      "netwerk en segment</li>\n"
	      "<li><a href=\"/register/lokale-teams\">Lokale teams</a> en de gemeenten waar "
	      "zij werken</li>\n"
	      "<li><a href=\"/register/producten\">Producten</a>: productcodes per categorie "
	      "en segment</li>\n", f);
	if (v->wie->rol != TOEGANG_PUBLIEK)
		fputs("<li><a href=\"/register/contracten\">Contracten</a> met aanbieders, "
		      "met hun tarieven</li>\n", f);
	else
		fputs("<li>Contracten en tarieven: zichtbaar na <a href=\"/inloggen\">"
		      "inloggen</a></li>\n", f);
	fputs("</ul>\n<p>Dezelfde gegevens als JSON: <code>/api/v1/gemeenten</code>, "
	      "<code>/api/v1/lokale-teams</code>, <code>/api/v1/aanbieders</code>, "
	      "<code>/api/v1/producten</code>, <code>/api/v1/contracten</code>.</p>\n", f);
	pagina_html_einde(f);
	return pagina_html_klaar(v, &b);
}

const struct route register_routes[] = {
	{ "GET", "/api/v1/gemeenten/{code}", api_gemeente, EIS_PUBLIEK },
	{ "GET", "/api/v1/lokale-teams", api_lokale_teams, EIS_PUBLIEK },
	{ "GET", "/api/v1/aanbieders", api_aanbieders, EIS_PUBLIEK },
	{ "GET", "/api/v1/aanbieders/{agb}", api_aanbieder, EIS_PUBLIEK },
	{ "GET", "/api/v1/contracten", api_contracten, EIS_INGELOGD },
	{ "GET", "/api/v1/producten", api_producten, EIS_PUBLIEK },
	{ "GET", "/aanbieders", pagina_aanbieders, EIS_PUBLIEK },
	{ "GET", "/aanbieders/{agb}", pagina_aanbieder, EIS_PUBLIEK },
	{ "GET", "/register", pagina_register, EIS_PUBLIEK },
	{ "GET", "/register/lokale-teams", pagina_lokale_teams, EIS_PUBLIEK },
	{ "GET", "/register/producten", pagina_producten, EIS_PUBLIEK },
	{ "GET", "/register/contracten", pagina_contracten, EIS_INGELOGD },
};
const size_t register_routes_n = sizeof register_routes / sizeof register_routes[0];
