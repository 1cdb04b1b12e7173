/* koppel_web: see koppel_web.h. */
#include "web/koppel_web.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <microhttpd.h>
#include <pthread.h>

#include "domain/audit.h"
#include "domain/datum.h"
#include "ijw/afhandel.h"
#include "lib/json.h"
#include "steer/koppel_rapport.h"
#include "store/ijw_store.h"
#include "store/koppel_store.h"
#include "store/scope.h"
#include "store/store.h"
#include "store/toewijzing_store.h"
#include "web/antwoord.h"
#include "web/auditspoor.h"
#include "web/formulier.h"
#include "web/html.h"
#include "web/klok.h"
#include "web/pagina.h"
#include "web/query.h"
#include "web/toegang.h"
#include "web/veld.h"

#define HTTP_422 422u
#define OPTIES_MAX 256

static const char *const segment_namen[SEGMENT_AANTAL] = {
	"lokaal team", "behandeling met verblijf", "wonen", "dagbehandeling", "ambulant",
	"onderwijs-zorg", "crisis", "veiligheid",
};

static bool is_api(const struct web_verzoek *v)
{
	return strncmp(v->pad, "/api/", 5) == 0;
}

static void kopieer(char *dst, size_t n, const char *s)
{
	size_t k = s ? strnlen(s, n - 1) : 0;

	if (k)
		memcpy(dst, s, k);
	dst[k] = '\0';
}

static enum web_uitslag niet_gevonden(struct web_verzoek *v)
{
	return pagina_fout(v, MHD_HTTP_NOT_FOUND, "niet_gevonden", NULL,
			   "Er is geen koppelvoorstel voor dit traject, of het valt buiten uw "
			   "gemeenten. Zie /koppelen voor de voorstellen van de laatste ronde.");
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

static const char *segment_naam(int s)
{
	return s >= 0 && s < SEGMENT_AANTAL ? segment_namen[s] : "?";
}

static void h_plek(FILE *f, const char *naam, const char *agb, const char *product,
		   const char *groep)
{
	html_txt(f, naam);
	fputs(" (", f);
	html_txt(f, agb);
	fputs("), ", f);
	html_txt(f, product);
	if (groep[0]) {
		fputs(", groep ", f);
		html_txt(f, groep);
	}
}

static int64_t nu_us(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (int64_t)t.tv_sec * 1000000 + t.tv_nsec / 1000;
}

/* ---- the kept instance ------------------------------------------------------- */

/* One solved instance kept between requests (see the header). The slot is
 * held only around work in memory, never around a call to the store, so
 * that it cannot wait on a transaction that waits on it. */
static pthread_mutex_t warm_slot = PTHREAD_MUTEX_INITIALIZER;
static struct koppel_instantie warm;   /* warm.k NULL: none kept */

/* Work on a solved instance, under the slot. 0, or -1 out of memory. */
typedef int (*warm_fn)(const struct koppel_instantie *ki, void *arg);

/* Inside the caller's transaction: fn on an instance solved for the
 * record as it is now on peildatum: the kept one when its key still
 * holds, else a new one built and solved here, which is kept from then
 * on. *vers tells that it was built. 0 or -1/-2. */
static int warm_gebruik(struct store *st, dag_t peildatum, warm_fn fn, void *arg, bool *vers)
{
	struct koppel_sleutel s;
	struct koppel_instantie nieuw;
	int rc;

	*vers = false;
	if ((rc = store_koppel_sleutel(st, peildatum, &s)) < 0)
		return rc;
	pthread_mutex_lock(&warm_slot);
	if (warm.k && koppel_sleutel_gelijk(&warm.sleutel, &s)) {
		rc = fn(&warm, arg);
		pthread_mutex_unlock(&warm_slot);
		return rc < 0 ? store_set_error(st, "onvoldoende geheugen voor de koppeling") : 0;
	}
	pthread_mutex_unlock(&warm_slot);
	*vers = true;
	memset(&nieuw, 0, sizeof nieuw);
	if ((rc = store_koppel_bouw(st, peildatum, NULL, &nieuw)) < 0 ||
	    (rc = store_koppel_los_op(st, &nieuw)) < 0) {
		koppel_instantie_vrij(&nieuw);
		return rc;
	}
	pthread_mutex_lock(&warm_slot);
	rc = fn(&nieuw, arg);
	koppel_instantie_vrij(&warm);
	warm = nieuw;
	pthread_mutex_unlock(&warm_slot);
	return rc < 0 ? store_set_error(st, "onvoldoende geheugen voor de koppeling") : 0;
}

/* A decision on proposal v was committed; the record went from key voor
 * to key na by it alone. When the kept instance is that of voor, apply
 * the decision to it and re-solve warm (*los_us: how long); otherwise
 * leave it: a later request sees its key no longer holds and builds anew.
 * True when applied. */
static bool warm_besluit(const struct koppel_sleutel *voor, const struct koppel_sleutel *na,
			 const struct koppel_voorstel_rij *v, bool bevestigd, int64_t *los_us)
{
	bool gedaan = false;

	pthread_mutex_lock(&warm_slot);
	if (warm.k && koppel_sleutel_gelijk(&warm.sleutel, voor)) {
		int32_t j = koppel_instantie_zoek(&warm, v->traject_id);
		int32_t p = koppel_instantie_plek(&warm, v->agb, v->productcode, v->groep);
		int64_t t0 = nu_us();
		int rc = bevestigd ? koppel_instantie_bevestig(&warm, j, p, v->crisisplaats)
				   : koppel_instantie_verbied(&warm, j, p);

		if (rc == 0 && koppel_instantie_los_op(&warm) == 0) {
			*los_us = nu_us() - t0;
			warm.sleutel = *na;
			gedaan = true;
		} else {
			koppel_instantie_vrij(&warm);
		}
	}
	pthread_mutex_unlock(&warm_slot);
	return gedaan;
}

/* ---- the list ---------------------------------------------------------------- */

struct lijst {
	const struct toegang *wie;
	struct store_scope scope;
	char gemeente[8];
	char segment_s[4];
	int segment;
	int ronde_gevonden;
	struct koppel_ronde_rij r;
	struct koppel_voorstel_rij *v;
	size_t n;
};

static int lijst_tx(struct store *st, void *arg)
{
	struct lijst *l = arg;
	char object[200];
	int rc;

	free(l->v);
	l->v = NULL;
	l->n = 0;
	if ((rc = l->ronde_gevonden = store_koppel_ronde_laatste(st, &l->r)) < 0)
		return rc;
	if (rc == 1 && (rc = store_koppel_voorstellen(st, l->r.id, &l->scope, l->gemeente,
						      l->segment, &l->v, &l->n)) < 0)
		return rc;
	snprintf(object, sizeof object, "koppelen: ronde %lld (%zu voorstellen; filter "
		 "gemeente=%s segment=%s)", (long long)l->r.id, l->n,
		 l->gemeente[0] ? l->gemeente : "-", l->segment_s[0] ? l->segment_s : "-");
	return auditspoor_schrijf(st, l->wie, "lezen", 0, object);
}

static void lijst_html(FILE *f, const struct lijst *l, const struct toegang *wie)
{
	char peil[11], buf[1024];

	pagina_html_begin(f, "Koppelen: wachtenden en vrije plekken", wie, "koppelen");
	fputs("<p>Voorstellen om wachtende jeugdigen te koppelen aan vrije plekken die "
	      "aanbieders meldden. Er wordt niets toegewezen tot een medewerker een voorstel "
	      "bevestigt; dan gaat de toewijzing (JW301) naar de aanbieder.</p>\n", f);
	if (toegang_eis_ok(wie, EIS_TOEWIJZEN)) {
		fputs("<form method=\"post\" action=\"/koppelen\">\n", f);
		pagina_csrf_veld(f, wie);
		fputs("<p><label for=\"peildatum\">Peildatum</label>\n<input id=\"peildatum\" "
		      "name=\"peildatum\" type=\"date\">\n<button type=\"submit\">Nieuwe ronde "
		      "berekenen</button></p>\n</form>\n", f);
	}
	fputs("<form method=\"get\" action=\"/koppelen\">\n<p><label for=\"gemeente\">Gemeente "
	      "(CBS-code)</label>\n<input id=\"gemeente\" name=\"gemeente\" inputmode=\"numeric\" "
	      "maxlength=\"4\" value=\"", f);
	html_attr(f, l->gemeente);
	fputs("\">\n<label for=\"segment\">Segment (1-7)</label>\n<input id=\"segment\" "
	      "name=\"segment\" inputmode=\"numeric\" maxlength=\"1\" value=\"", f);
	html_attr(f, l->segment_s);
	fputs("\">\n<button type=\"submit\">Filter</button></p>\n</form>\n", f);
	if (l->ronde_gevonden != 1) {
		fputs("<p>Er is nog geen koppelronde berekend.</p>\n", f);
		pagina_html_einde(f);
		return;
	}
	fprintf(f, "<p>Ronde %lld, peildatum %s, berekend op ", (long long)l->r.id,
		datum_fmt(l->r.peildatum, peil));
	html_txt(f, l->r.tijdstip);
	fputs(" door ", f);
	html_txt(f, l->r.door);
	fprintf(f, ": %lld wachtenden, %lld vrije plaatsen, %lld gekoppeld (in %.1f ms).</p>\n",
		(long long)l->r.jeugdigen, (long long)l->r.plaatsen, (long long)l->r.gekoppeld,
		(double)l->r.duur_us / 1000.0);
	fputs("<table>\n<caption>Per gemeente</caption>\n<thead><tr><th scope=\"col\">Gemeente"
	      "</th><th scope=\"col\">Gekoppeld</th><th scope=\"col\">Nu niet</th></tr></thead>\n"
	      "<tbody>\n", f);
	for (size_t i = 0; i < l->n;) {
		size_t k = i;
		long long g = 0;

		while (k < l->n && strcmp(l->v[k].gemeente, l->v[i].gemeente) == 0)
			g += l->v[k++].plek;
		fputs("<tr><th scope=\"row\">", f);
		html_txt(f, l->v[i].gemeente_naam);
		fprintf(f, "</th><td>%lld</td><td>%lld</td></tr>\n", g, (long long)(k - i) - g);
		i = k;
	}
	fputs("</tbody>\n</table>\n<table>\n<caption>Voorstellen</caption>\n<thead><tr>"
	      "<th scope=\"col\">Traject</th><th scope=\"col\">Jeugdige</th>"
	      "<th scope=\"col\">Gemeente</th><th scope=\"col\">Segment</th>"
	      "<th scope=\"col\">Wacht</th><th scope=\"col\">Urgentie</th>"
	      "<th scope=\"col\">Voorstel en uitleg</th><th scope=\"col\">Status</th></tr></thead>\n"
	      "<tbody>\n", f);
	for (size_t i = 0; i < l->n; i++) {
		const struct koppel_voorstel_rij *v = &l->v[i];

		fprintf(f, "<tr><th scope=\"row\"><a href=\"/koppelen/%lld\">%lld</a></th><td>",
			(long long)v->traject_id, (long long)v->traject_id);
		html_txt(f, v->voornamen);
		fputs(" ", f);
		html_txt(f, v->achternaam);
		fputs("</td><td>", f);
		html_txt(f, v->gemeente_naam);
		fputs("</td><td>", f);
		html_txt(f, segment_naam(v->segment));
		fprintf(f, "</td><td>%d weken</td><td>%s%s</td><td>", v->weken,
			koppel_rapport_urgentie(v->urgentie), v->crisis ? ", crisis" : "");
		html_txt(f, koppel_rapport_uitleg(v, buf, sizeof buf));
		fputs("</td><td>", f);
		html_txt(f, v->plek ? koppel_status_naam(v->status) : "wacht");
		fputs("</td></tr>\n", f);
	}
	fputs("</tbody>\n</table>\n", f);
	pagina_html_einde(f);
}

static void lijst_json(struct json *j, const struct lijst *l)
{
	json_object_begin(j);
	if (l->ronde_gevonden == 1) {
		koppel_rapport_json_ronde(j, &l->r, l->v, l->n);
	} else {
		json_key(j, "ronde");
		json_null(j);
	}
	json_key(j, "voorstellen");
	json_array_begin(j);
	for (size_t i = 0; i < l->n; i++)
		koppel_rapport_json_voorstel(j, &l->v[i]);
	json_array_end(j);
	json_object_end(j);
}

static enum web_uitslag lijst_get(struct web_verzoek *v)
{
	struct lijst *l = calloc(1, sizeof *l);
	enum web_uitslag u = WEB_FATAAL;
	struct web_buf b;
	struct store *st;
	int64_t seg = -1;
	int rc;

	if (!l)
		return WEB_FATAAL;
	struct formulier_veld velden[] = {
		{ "gemeente", l->gemeente, sizeof l->gemeente, false },
		{ "segment", l->segment_s, sizeof l->segment_s, false },
	};
	if (query_lees(v, velden, sizeof velden / sizeof velden[0], &u) < 0)
		goto klaar;
	if (l->gemeente[0] && !query_cijfers(l->gemeente, 4, 4)) {
		u = pagina_fout(v, MHD_HTTP_BAD_REQUEST, "ongeldige_parameter", "gemeente",
				"Parameter 'gemeente' is de CBS-code van vier cijfers, bijvoorbeeld "
				"0546 voor Leiden.");
		goto klaar;
	}
	if (l->segment_s[0] && query_getal(v, "segment", l->segment_s, 1, 7, &seg, &u) < 0)
		goto klaar;
	l->segment = (int)seg;
	l->wie = v->wie;
	pagina_scope(v, &l->scope);
	if (!(st = pagina_store(v, &u)))
		goto klaar;
	if ((rc = store_transaction(st, lijst_tx, l)) < 0) {
		u = pagina_store_fout(v, st, rc);
		goto klaar;
	}
	if (web_buf_open(&b) < 0)
		goto klaar;
	if (is_api(v)) {
		struct json j;

		json_init(&j, b.f, false);
		lijst_json(&j, l);
		u = pagina_json_klaar(v, &b, &j);
	} else {
		lijst_html(b.f, l, v->wie);
		u = pagina_html_klaar(v, &b);
	}
klaar:
	if (l)
		free(l->v);
	free(l);
	return u;
}

/* ---- a new round ------------------------------------------------------------- */

struct ronde {
	const struct toegang *wie;
	dag_t peildatum;
	int64_t id, duur_us;
	bool vers;                       /* built for this round (not the kept one) */
	struct koppel_instantie kopie;   /* what the round writes */
};

static int ronde_kopie(const struct koppel_instantie *ki, void *arg)
{
	struct ronde *r = arg;

	return koppel_instantie_kopie(ki, &r->kopie);
}

static int ronde_tx(struct store *st, void *arg)
{
	struct ronde *r = arg;
	char nu[21], object[160];
	int64_t t0 = nu_us();
	int rc;

	koppel_instantie_vrij(&r->kopie);
	store_nu_iso(nu);
	if ((rc = warm_gebruik(st, r->peildatum, ronde_kopie, r, &r->vers)) < 0)
		return rc;
	r->duur_us = nu_us() - t0;
	if ((rc = store_koppel_ronde_schrijf(st, &r->kopie, r->wie->naam, nu, r->duur_us,
					     &r->id)) < 0)
		return rc;
	snprintf(object, sizeof object, "koppelen: ronde %lld berekend%s", (long long)r->id,
		 r->vers ? "" : " (bewaarde koppeling)");
	return auditspoor_schrijf(st, r->wie, "toevoegen", 0, object);
}

static enum web_uitslag ronde_post(struct web_verzoek *v)
{
	struct ronde r = { .wie = v->wie, .peildatum = pagina_vandaag() };
	enum web_uitslag u = WEB_FATAAL;
	char csrf[160], peil[16], onbekend[FORMULIER_NAAM_MAX];
	const char *fout_veld = NULL;
	struct store *st;
	struct web_buf b;
	int rc;
	struct formulier_veld velden[] = {
		{ "csrf", csrf, sizeof csrf, false },
		{ "peildatum", peil, sizeof peil, false },
	};

	if (formulier_lees_strikt(v->body, v->body_len, velden, 2, &fout_veld, onbekend) < 0)
		return pagina_fout(v, MHD_HTTP_BAD_REQUEST, "ongeldig_formulier", fout_veld,
				   "Het formulier is niet te lezen; velden: peildatum (JJJJ-MM-DD, "
				   "leeg: vandaag).");
	if (peil[0] && datum_parse(peil, &r.peildatum) < 0)
		return pagina_fout(v, MHD_HTTP_BAD_REQUEST, "ongeldige_parameter", "peildatum",
				   "Veld 'peildatum' moet een datum JJJJ-MM-DD zijn.");
	if (!(st = pagina_store(v, &u)))
		return u;
	rc = store_transaction(st, ronde_tx, &r);
	koppel_instantie_vrij(&r.kopie);
	if (rc < 0)
		return pagina_store_fout(v, st, rc);
	if (!is_api(v))
		return zie_ander(v, "/koppelen");
	if (web_buf_open(&b) < 0)
		return WEB_FATAAL;
	struct json j;

	json_init(&j, b.f, false);
	json_object_begin(&j);
	json_key(&j, "ronde");
	json_int(&j, r.id);
	json_key(&j, "duur_us");
	json_int(&j, r.duur_us);
	json_key(&j, "bewaard");
	json_bool(&j, !r.vers);
	json_object_end(&j);
	return pagina_json_klaar(v, &b, &j);
}

/* ---- one traject ------------------------------------------------------------- */

struct optie_rij {
	struct koppel_optie o;
	int precies;             /* koppel_precies: 0 exact, 1 not to be had, -1 n/a */
	int64_t meerkosten;
	bool plek;               /* a place, copied from the instance: */
	struct koppel_plaats p;
};

struct een {
	const struct toegang *wie;
	int64_t traject_id;
	int gevonden;
	struct koppel_voorstel_rij v;
	bool wacht;                        /* still waiting in the instance */
	bool vers;                         /* the instance was built for this page */
	struct optie_rij *opties;
	int32_t n_opties;
};

/* Under the slot: every option of the traject with its exact extra cost,
 * copied out of the instance. */
static int een_opties(const struct koppel_instantie *ki, void *arg)
{
	struct een *e = arg;
	int32_t i = koppel_instantie_zoek(ki, e->traject_id), n;
	struct koppel_optie *o;

	free(e->opties);
	e->opties = NULL;
	e->n_opties = 0;
	e->wacht = i >= 0;
	if (i < 0)
		return 0;
	if (!(o = calloc(OPTIES_MAX, sizeof *o)))
		return -1;
	n = koppel_opties(ki->k, i, o, OPTIES_MAX);
	if (n > OPTIES_MAX)
		n = OPTIES_MAX;
	e->opties = calloc(n > 0 ? (size_t)n : 1, sizeof *e->opties);
	if (!e->opties) {
		free(o);
		return -1;
	}
	for (int32_t k = 0; k < n; k++) {
		struct optie_rij *r = &e->opties[k];

		r->o = o[k];
		r->precies = -1;
		if (o[k].keuze == KEUZE_PLEK && o[k].plek >= 0 && (size_t)o[k].plek < ki->n_plek) {
			r->plek = true;
			r->p = ki->plek[o[k].plek];
		}
		if (!o[k].gekozen && o[k].open)
			r->precies = koppel_precies(ki->k, i, k, &r->meerkosten);
	}
	e->n_opties = n;
	free(o);
	return 0;
}

static int een_tx(struct store *st, void *arg)
{
	struct een *e = arg;
	char object[160];
	int rc;

	free(e->opties);
	e->opties = NULL;
	e->n_opties = 0;
	e->wacht = false;
	if ((rc = e->gevonden = store_koppel_voorstel_van(st, e->traject_id, &e->v)) <= 0)
		return rc;
	if (!toegang_in_gemeenten(e->wie, e->v.gemeente)) {
		e->gevonden = 0;
		return 0;
	}
	if ((rc = warm_gebruik(st, pagina_vandaag(), een_opties, e, &e->vers)) < 0)
		return rc;
	snprintf(object, sizeof object, "koppelen: voorstel traject %lld",
		 (long long)e->traject_id);
	return auditspoor_schrijf(st, e->wie, "lezen", e->v.jeugdige_id, object);
}

static void een_vrij(struct een *e)
{
	if (!e)
		return;
	free(e->opties);
	free(e);
}

static const struct koppel_plaats *optie_plek(const struct optie_rij *o)
{
	return o->plek ? &o->p : NULL;
}

static void adres_invoer(FILE *f)
{
	static const struct {
		const char *naam, *label, *extra;
	} velden[] = {
		{ "straatnaam", "Straat", "maxlength=\"43\"" },
		{ "huisnummer", "Huisnummer", "inputmode=\"numeric\" maxlength=\"5\" required" },
		{ "huisletter", "Huisletter", "maxlength=\"1\"" },
		{ "toevoeging", "Toevoeging", "maxlength=\"4\"" },
		{ "postcode", "Postcode", "maxlength=\"6\" required" },
		{ "plaatsnaam", "Woonplaats", "maxlength=\"80\" required" },
	};

	fputs("<fieldset><legend>Adres van de cliënt (BRP), voor de JW301</legend>\n", f);
	for (size_t i = 0; i < sizeof velden / sizeof velden[0]; i++)
		fprintf(f, "<p><label for=\"%s\">%s</label>\n<input id=\"%s\" name=\"%s\" "
			"type=\"text\" %s></p>\n", velden[i].naam, velden[i].label, velden[i].naam,
			velden[i].naam, velden[i].extra);
	fputs("</fieldset>\n", f);
}

static void een_html(FILE *f, const struct een *e, const struct toegang *wie)
{
	const struct koppel_voorstel_rij *v = &e->v;
	char buf[1024], titel[80];

	snprintf(titel, sizeof titel, "Koppelvoorstel traject %lld", (long long)v->traject_id);
	pagina_html_begin(f, titel, wie, "koppelen");
	fputs("<p>", f);
	html_txt(f, v->voornamen);
	fputs(" ", f);
	html_txt(f, v->achternaam);
	fprintf(f, ", %d jaar, gemeente ", v->leeftijd);
	html_txt(f, v->gemeente_naam);
	fprintf(f, ", segment %s, wacht %d weken", segment_naam(v->segment), v->weken);
	if (v->huidig_agb[0]) {
		fputs(" bij ", f);
		html_txt(f, v->huidig_naam);
	}
	fprintf(f, "; urgentie %s%s.</p>\n<p>", koppel_rapport_urgentie(v->urgentie),
		v->crisis ? ", crisis" : "");
	html_txt(f, koppel_rapport_uitleg(v, buf, sizeof buf));
	fprintf(f, "</p>\n<p>Ronde %lld. Status: ", (long long)v->ronde);
	html_txt(f, koppel_status_naam(v->status));
	if (v->status == KOPPEL_BEVESTIGD && v->toewijzing_nummer)
		fprintf(f, " (<a href=\"/toewijzingen/%lld\">toewijzing %lld</a>)",
			(long long)v->toewijzing_nummer, (long long)v->toewijzing_nummer);
	if (v->status == KOPPEL_AFGEWEZEN) {
		fputs(": ", f);
		html_txt(f, v->reden);
	}
	if (v->status != KOPPEL_VOORGESTELD) {
		fputs(", door ", f);
		html_txt(f, v->besloten_door);
		fputs(" op ", f);
		html_txt(f, v->besloten_op);
	}
	fputs(".</p>\n", f);
	if (!e->wacht) {
		fputs("<p>Dit traject wacht nu niet meer (gestart, beëindigd of al gekoppeld).</p>\n",
		      f);
	} else {
		fputs("<table>\n<caption>Alle mogelijkheden nu, met de precieze meerkosten (wat de "
		      "hele verdeling duurder wordt, inclusief wie moet wijken; 1 punt = 100 m "
		      "reizen)</caption>\n<thead><tr><th scope=\"col\">Mogelijkheid</th>"
		      "<th scope=\"col\">Kosten</th><th scope=\"col\">Meerkosten</th>"
		      "<th scope=\"col\">Opmerking</th></tr></thead>\n<tbody>\n", f);
		for (int32_t i = 0; i < e->n_opties; i++) {
			const struct optie_rij *o = &e->opties[i];
			const struct koppel_plaats *p = optie_plek(o);

			fputs("<tr><th scope=\"row\">", f);
			if (p)
				h_plek(f, p->aanbieder_naam, p->agb, p->productcode, p->groep);
			else
				fputs("nu niet koppelen", f);
			fprintf(f, "</th><td>%lld</td><td>", (long long)o->o.kosten);
			if (o->o.gekozen)
				fputs("het huidige voorstel", f);
			else if (o->precies == 0)
				fprintf(f, "%lld", (long long)o->meerkosten);
			else if (o->precies == 1)
				fputs("niet te krijgen", f);
			else
				fputs("–", f);
			fputs("</td><td>", f);
			if (p && p->plaatsen == 0)
				fputs("geen vrije plaats meer", f);
			else if (!o->o.open)
				fputs("afgewezen; wordt niet meer voorgesteld", f);
			else if (o->o.crisisplaats)
				fputs("crisisplaats", f);
			fputs("</td></tr>\n", f);
		}
		fputs("</tbody>\n</table>\n", f);
	}
	if (v->plek && v->status == KOPPEL_VOORGESTELD && toegang_eis_ok(wie, EIS_TOEWIJZEN)) {
		fprintf(f, "<h2>Bevestigen</h2>\n<form method=\"post\" action=\"/koppelen/%lld\">\n",
			(long long)v->traject_id);
		pagina_csrf_veld(f, wie);
		fputs("<input type=\"hidden\" name=\"actie\" value=\"bevestigen\">\n", f);
		if (strcmp(v->agb, v->huidig_agb) != 0)
			adres_invoer(f);
		fputs("<p><button type=\"submit\">Voorstel bevestigen en toewijzen</button></p>\n"
		      "</form>\n", f);
		fprintf(f, "<h2>Afwijzen</h2>\n<form method=\"post\" action=\"/koppelen/%lld\">\n",
			(long long)v->traject_id);
		pagina_csrf_veld(f, wie);
		fputs("<input type=\"hidden\" name=\"actie\" value=\"afwijzen\">\n<p><label "
		      "for=\"reden\">Reden</label>\n<input id=\"reden\" name=\"reden\" type=\"text\" "
		      "maxlength=\"199\" required></p>\n<p><button type=\"submit\">Voorstel "
		      "afwijzen</button></p>\n</form>\n", f);
	}
	fputs("<p><a href=\"/koppelen\">Alle voorstellen</a></p>\n", f);
	pagina_html_einde(f);
}

static void een_json(struct json *j, const struct een *e)
{
	json_object_begin(j);
	json_key(j, "voorstel");
	koppel_rapport_json_voorstel(j, &e->v);
	json_key(j, "wacht_nog");
	json_bool(j, e->wacht);
	json_key(j, "opties");
	json_array_begin(j);
	for (int32_t i = 0; i < e->n_opties; i++) {
		const struct optie_rij *o = &e->opties[i];
		const struct koppel_plaats *p = optie_plek(o);

		json_object_begin(j);
		json_key(j, "keuze");
		json_string(j, p ? "plek" : "niet_nu");
		json_key(j, "aanbieder");
		if (p)
			json_string(j, p->agb);
		else
			json_null(j);
		json_key(j, "productcode");
		if (p)
			json_string(j, p->productcode);
		else
			json_null(j);
		json_key(j, "groep");
		if (p && p->groep[0])
			json_string(j, p->groep);
		else
			json_null(j);
		json_key(j, "crisisplaats");
		json_bool(j, o->o.crisisplaats);
		json_key(j, "kosten");
		json_int(j, o->o.kosten);
		json_key(j, "gekozen");
		json_bool(j, o->o.gekozen);
		json_key(j, "open");
		json_bool(j, o->o.open);
		json_key(j, "meerkosten");
		if (o->precies == 0)
			json_int(j, o->meerkosten);
		else
			json_null(j);
		json_object_end(j);
	}
	json_array_end(j);
	json_object_end(j);
}

static int64_t traject_param(const struct web_verzoek *v)
{
	return query_id(v->param[0]);
}

static enum web_uitslag een_get(struct web_verzoek *v)
{
	struct een *e = calloc(1, sizeof *e);
	enum web_uitslag u = WEB_FATAAL;
	struct web_buf b;
	struct store *st;
	int rc;

	if (!e)
		return WEB_FATAAL;
	e->wie = v->wie;
	e->traject_id = traject_param(v);
	if (!e->traject_id) {
		u = niet_gevonden(v);
		goto klaar;
	}
	if (!(st = pagina_store(v, &u)))
		goto klaar;
	if ((rc = store_transaction(st, een_tx, e)) < 0) {
		u = pagina_store_fout(v, st, rc);
		goto klaar;
	}
	if (e->gevonden != 1) {
		u = niet_gevonden(v);
		goto klaar;
	}
	if (web_buf_open(&b) < 0)
		goto klaar;
	if (is_api(v)) {
		struct json j;

		json_init(&j, b.f, false);
		een_json(&j, e);
		u = pagina_json_klaar(v, &b, &j);
	} else {
		een_html(b.f, e, v->wie);
		u = pagina_html_klaar(v, &b);
	}
klaar:
	een_vrij(e);
	return u;
}

/* ---- deciding ---------------------------------------------------------------- */

struct besluit_velden {
	char csrf[160];
	char actie[16];
	char reden[200];
	char straatnaam[176];
	char huisnummer[8];
	char huisletter[8];
	char toevoeging[20];
	char postcode[12];
	char plaatsnaam[324];
};

/* What the decision's transaction did. */
enum besluit_uitkomst {
	BESLUIT_GEDAAN,
	BESLUIT_NIET_GEVONDEN,
	BESLUIT_NIET_OPEN,     /* not a place, or already decided */
};

struct besluit {
	const struct toegang *wie;
	int64_t traject_id;
	const struct besluit_velden *fv;
	dag_t vandaag;
	char nu[21];
	enum besluit_uitkomst uitkomst;
	struct koppel_voorstel_rij v;
	struct afhandel_eigen_werk *werk;  /* the confirm's werk, for the audit callback */
	int64_t oud_traject_einde;         /* set by bereid: the traject that lapses */
	/* The record's key before and after the decision, for the kept instance. */
	struct koppel_sleutel voor, na;
	bool warm;                         /* applied to the kept instance */
	int64_t los_us;                    /* its warm re-solve */
};

/* Read the proposal and check it may be decided. 1 go on, 0 refused
 * (b->uitkomst), or -1/-2. */
static int besluit_lees(struct store *st, struct besluit *b)
{
	int rc = store_koppel_voorstel_van(st, b->traject_id, &b->v);

	if (rc < 0)
		return rc;
	if (rc == 0 || !toegang_in_gemeenten(b->wie, b->v.gemeente)) {
		b->uitkomst = BESLUIT_NIET_GEVONDEN;
		return 0;
	}
	if (!b->v.plek || b->v.status != KOPPEL_VOORGESTELD) {
		b->uitkomst = BESLUIT_NIET_OPEN;
		return 0;
	}
	return 1;
}

/* Turn down, or confirm at the aanbieder where the youth already waits
 * (its toewijzing stands: nothing to send). */
static int besluit_tx(struct store *st, void *arg)
{
	struct besluit *b = arg;
	char object[240];
	struct traject t;
	bool afwijzen = strcmp(b->fv->actie, "afwijzen") == 0;
	int rc;

	b->uitkomst = BESLUIT_GEDAAN;
	if ((rc = store_koppel_sleutel(st, pagina_vandaag(), &b->voor)) < 0 ||
	    (rc = besluit_lees(st, b)) <= 0)
		return rc;
	if (afwijzen) {
		rc = store_koppel_besluit(st, b->v.id, KOPPEL_AFGEWEZEN, 0, b->fv->reden,
					  b->wie->naam, b->nu);
		snprintf(object, sizeof object, "koppelen: voorstel traject %lld afgewezen (%s, %s)",
			 (long long)b->traject_id, b->v.agb, b->v.productcode);
	} else {
		if ((rc = store_koppel_traject(st, b->traject_id, &t)) < 0)
			return rc;
		rc = store_koppel_besluit(st, b->v.id, KOPPEL_BEVESTIGD, t.toewijzing_nummer, NULL,
					  b->wie->naam, b->nu);
		snprintf(object, sizeof object, "koppelen: voorstel traject %lld bevestigd bij de "
			 "eigen aanbieder %s", (long long)b->traject_id, b->v.agb);
	}
	if (rc < 0)
		return rc;
	if (rc == 0) {
		b->uitkomst = BESLUIT_NIET_OPEN;
		return 0;
	}
	if ((rc = store_koppel_sleutel(st, pagina_vandaag(), &b->na)) < 0)
		return rc;
	return auditspoor_schrijf(st, b->wie, "wijzigen", b->v.jeugdige_id, object);
}

/* ijw_afhandel_eigen's bereid: the new toewijzing at the proposed
 * aanbieder and a new waiting traject there, carrying the old one's
 * registration date, referral and omvang. */
static int bereid_bevestig(struct store *st, void *arg, struct afhandel_eigen_werk *w,
			   struct afhandel_uitkomst *u)
{
	struct besluit *b = arg;
	struct traject oud;
	struct toewijzing ot;
	struct product p;
	int segment = 0, jaar, rc;

	b->werk = w;
	if ((rc = store_koppel_sleutel(st, pagina_vandaag(), &b->voor)) < 0)
		return rc;
	if ((rc = besluit_lees(st, b)) <= 0) {
		if (rc == 0) {
			u->status = b->uitkomst == BESLUIT_NIET_GEVONDEN ? AFHANDEL_NIET_GEVONDEN
									 : AFHANDEL_AL_AFGEHANDELD;
			snprintf(u->melding, sizeof u->melding, "Dit voorstel is al bevestigd of "
				 "afgewezen, of is geen plek; bereken zo nodig een nieuwe ronde.");
		}
		return rc;
	}
	if ((rc = store_koppel_traject(st, b->traject_id, &oud)) < 0)
		return rc;
	if (rc == 0 || oud.begindatum != DAG_GEEN ||
	    (oud.status != TRAJECT_AANGEMELD && oud.status != TRAJECT_INTAKE)) {
		u->status = AFHANDEL_ONGELDIG;
		snprintf(u->melding, sizeof u->melding, "Traject %lld wacht niet meer (gestart, "
			 "beëindigd of vervallen); bereken een nieuwe ronde.",
			 (long long)b->traject_id);
		return 0;
	}
	memset(&ot, 0, sizeof ot);
	if (oud.toewijzing_nummer && (rc = store_ijw_toewijzing(st, oud.toewijzing_nummer, &ot)) < 0)
		return rc;
	if (!ot.eenheid[0] && ot.budget <= 0) {
		u->status = AFHANDEL_ONGELDIG;
		snprintf(u->melding, sizeof u->melding, "Traject %lld heeft geen toewijzing met een "
			 "omvang om over te nemen; wijs toe via /toewijzen.", (long long)b->traject_id);
		return 0;
	}
	if ((rc = store_toewijzing_product(st, b->v.productcode, &p)) < 0)
		return rc;
	datum_delen(b->vandaag, &jaar, NULL, NULL);
	if (rc == 1 && (rc = store_toewijzing_contract(st, b->v.agb, b->v.productcode, jaar,
						       &segment)) < 0)
		return rc;
	if (rc == 0) {
		u->status = AFHANDEL_ONGELDIG;
		snprintf(u->melding, sizeof u->melding, "Aanbieder %s heeft in %d geen contract met "
			 "een tarief voor product %s; wijs dit voorstel af.", b->v.agb, jaar,
			 b->v.productcode);
		return 0;
	}
	w->jeugdige_id = oud.jeugdige_id;
	w->nieuw = true;
	w->t.jeugdige_id = oud.jeugdige_id;
	kopieer(w->t.agb, sizeof w->t.agb, b->v.agb);
	kopieer(w->t.gemeente, sizeof w->t.gemeente, oud.gemeente);
	kopieer(w->t.categorie, sizeof w->t.categorie, p.categorie);
	kopieer(w->t.productcode, sizeof w->t.productcode, p.code);
	w->t.ingangsdatum = b->vandaag;
	w->t.einddatum = ot.einddatum != DAG_GEEN && ot.einddatum > b->vandaag ? ot.einddatum
										 : DAG_GEEN;
	if (ot.eenheid[0]) {
		w->t.volume = ot.volume;
		kopieer(w->t.eenheid, sizeof w->t.eenheid, ot.eenheid);
		kopieer(w->t.frequentie, sizeof w->t.frequentie, ot.frequentie);
	} else {
		w->t.budget = ot.budget;
	}
	w->t.verwijzing_id = oud.verwijzing_id;
	w->met_traject = true;
	w->traject_nieuw = true;
	w->traject = oud;
	w->traject.id = 0;
	kopieer(w->traject.agb, sizeof w->traject.agb, b->v.agb);
	w->traject.segment = segment;
	kopieer(w->traject.categorie, sizeof w->traject.categorie, p.categorie);
	kopieer(w->traject.productcode, sizeof w->traject.productcode, p.code);
	w->traject.groep = p.groep;
	w->traject.status = TRAJECT_AANGEMELD;
	w->traject.intakedatum = w->traject.begindatum = w->traject.einddatum = DAG_GEEN;
	w->traject.reden_beeindiging[0] = '\0';
	b->oud_traject_einde = oud.id;
	snprintf(w->object, sizeof w->object, "koppelvoorstel traject %lld bevestigd, toewijzing "
		 "aan %s", (long long)b->traject_id, b->v.agb);
	return 1;
}

/* ijw_afhandel_eigen's audit callback: it runs once everything is
 * written, in the same transaction, so the proposal's decision and the
 * lapse of the old traject are written here too (all or nothing). */
static int audit_bevestig(struct store *st, void *arg, const char *actie, int64_t jeugdige_id,
			  const char *object)
{
	struct besluit *b = arg;
	struct traject oud;
	int rc;

	if ((rc = auditspoor_schrijf(st, b->wie, actie, jeugdige_id, object)) < 0)
		return rc;
	if ((rc = store_koppel_besluit(st, b->v.id, KOPPEL_BEVESTIGD, b->werk->t.nummer, NULL,
				       b->wie->naam, b->nu)) < 0)
		return rc;
	if (rc == 0)
		return store_set_error(st, "voorstel %lld is tegelijk door een ander besloten",
				       (long long)b->v.id);
	if ((rc = store_koppel_sleutel(st, pagina_vandaag(), &b->na)) < 0)
		return rc;
	if ((rc = store_koppel_traject(st, b->oud_traject_einde, &oud)) <= 0)
		return rc < 0 ? rc : store_set_error(st, "traject verdwenen");
	oud.status = TRAJECT_VERVALLEN;
	oud.einddatum = b->vandaag;
	return store_ijw_traject_zet(st, &oud);
}

static int sleutel_tx(struct store *st, void *arg)
{
	return store_koppel_sleutel(st, pagina_vandaag(), arg);
}

/* After a confirm through the chain: the chain raises the data version
 * once more after the audit callback (afhandel.h: written together), so
 * the key after it is read anew. The kept instance takes the confirm only
 * when nothing else came between: the koppel version is the decision's
 * and the data version exactly one past the one before. */
static void warm_na_keten(struct store *st, struct besluit *b)
{
	struct koppel_sleutel nu;
	long long voor = strtoll(b->voor.data_versie, NULL, 10);

	if (store_transaction(st, sleutel_tx, &nu) < 0)
		return;
	if (nu.koppel_versie != b->na.koppel_versie ||
	    strcmp(b->na.data_versie, b->voor.data_versie) != 0 ||
	    strtoll(nu.data_versie, NULL, 10) != voor + 1)
		return;
	b->warm = warm_besluit(&b->voor, &nu, &b->v, true, &b->los_us);
}

static enum web_uitslag besluit_antwoord(struct web_verzoek *v, const struct besluit *b,
					 const struct afhandel_uitkomst *a)
{
	struct web_buf b2;
	char doel[64];
	struct json j;

	if (!is_api(v)) {
		snprintf(doel, sizeof doel, "/koppelen/%lld", (long long)b->traject_id);
		return zie_ander(v, doel);
	}
	if (web_buf_open(&b2) < 0)
		return WEB_FATAAL;
	json_init(&j, b2.f, false);
	json_object_begin(&j);
	json_key(&j, "traject");
	json_int(&j, b->traject_id);
	json_key(&j, "status");
	json_string(&j, strcmp(b->fv->actie, "afwijzen") == 0 ? "afgewezen" : "bevestigd");
	json_key(&j, "toewijzing_nummer");
	if (a && a->n_toewijzingen)
		json_int(&j, a->toewijzingen[0]);
	else
		json_null(&j);
	/* Whether the kept instance took the decision, and its re-solve. */
	json_key(&j, "herberekend");
	json_bool(&j, b->warm);
	json_key(&j, "herberekend_us");
	if (b->warm)
		json_int(&j, b->los_us);
	else
		json_null(&j);
	json_key(&j, "berichten");
	json_array_begin(&j);
	for (size_t i = 0; a && i < a->n_berichten; i++) {
		json_object_begin(&j);
		veld_json_tekst(&j, "soort", "JW301");
		veld_json_tekst(&j, "identificatie", a->identificaties[i]);
		json_object_end(&j);
	}
	json_array_end(&j);
	json_object_end(&j);
	return pagina_json_klaar(v, &b2, &j);
}

static enum web_uitslag besluit_post(struct web_verzoek *v)
{
	struct besluit_velden *fv = calloc(1, sizeof *fv);
	struct afhandel_uitkomst *a = calloc(1, sizeof *a);
	struct besluit b;
	struct afhandel_eigen o;
	enum web_uitslag u = WEB_FATAAL;
	const char *fout_veld = NULL;
	char onbekend[FORMULIER_NAAM_MAX], tijd[9];
	struct store *st;
	int rc;

	if (!fv || !a)
		goto klaar;
	struct formulier_veld velden[] = {
		{ "csrf", fv->csrf, sizeof fv->csrf, false },
		{ "actie", fv->actie, sizeof fv->actie, false },
		{ "reden", fv->reden, sizeof fv->reden, false },
		{ "straatnaam", fv->straatnaam, sizeof fv->straatnaam, false },
		{ "huisnummer", fv->huisnummer, sizeof fv->huisnummer, false },
		{ "huisletter", fv->huisletter, sizeof fv->huisletter, false },
		{ "toevoeging", fv->toevoeging, sizeof fv->toevoeging, false },
		{ "postcode", fv->postcode, sizeof fv->postcode, false },
		{ "plaatsnaam", fv->plaatsnaam, sizeof fv->plaatsnaam, false },
	};
	if (formulier_lees_strikt(v->body, v->body_len, velden, sizeof velden / sizeof velden[0],
				  &fout_veld, onbekend) < 0) {
		u = pagina_fout(v, MHD_HTTP_BAD_REQUEST, "ongeldig_formulier", fout_veld,
				"Het formulier is niet te lezen. Velden: actie (bevestigen of "
				"afwijzen), reden, en bij bevestigen de adresvelden.");
		goto klaar;
	}
	memset(&b, 0, sizeof b);
	b.wie = v->wie;
	b.fv = fv;
	b.traject_id = traject_param(v);
	b.vandaag = klok_nu_lokaal(tijd);
	store_nu_iso(b.nu);
	if (!b.traject_id) {
		u = niet_gevonden(v);
		goto klaar;
	}
	if (strcmp(fv->actie, "afwijzen") != 0 && strcmp(fv->actie, "bevestigen") != 0) {
		u = pagina_fout(v, MHD_HTTP_BAD_REQUEST, "ongeldige_parameter", "actie",
				"Veld 'actie' moet 'bevestigen' of 'afwijzen' zijn.");
		goto klaar;
	}
	if (strcmp(fv->actie, "afwijzen") == 0 && !fv->reden[0]) {
		u = pagina_fout(v, MHD_HTTP_BAD_REQUEST, "ongeldige_parameter", "reden",
				"Geef de reden waarom het voorstel niet past; die blijft bewaard.");
		goto klaar;
	}
	if (!(st = pagina_store(v, &u)))
		goto klaar;
	/* A turn-down, or a confirm where the youth already waits, needs no
	 * message; anything else goes through the iJw chain. */
	if (strcmp(fv->actie, "bevestigen") == 0) {
		struct koppel_voorstel_rij kijk;

		if ((rc = store_koppel_voorstel_van(st, b.traject_id, &kijk)) < 0) {
			u = pagina_store_fout(v, st, rc);
			goto klaar;
		}
		if (rc == 1 && strcmp(kijk.agb, kijk.huidig_agb) != 0) {
			const char *veld = !query_cijfers(fv->huisnummer, 1, 5) ? "huisnummer"
					   : !fv->postcode[0] ? "postcode"
					   : !fv->plaatsnaam[0] ? "plaatsnaam" : NULL;

			if (veld) {
				u = pagina_fout(v, MHD_HTTP_BAD_REQUEST, "ongeldige_parameter", veld,
						"Vul het adres van de cliënt uit de BRP in: huisnummer "
						"(cijfers), postcode en woonplaats; de toewijzing (JW301) "
						"vraagt het.");
				goto klaar;
			}
			memset(&o, 0, sizeof o);
			o.adres = (struct ijw_client_adres){
				.soort = "01", .straatnaam = fv->straatnaam,
				.huisnummer = strtoll(fv->huisnummer, NULL, 10),
				.huisletter = fv->huisletter,
				.huisnummer_toevoeging = fv->toevoeging, .postcode = fv->postcode,
				.plaatsnaam = fv->plaatsnaam, .land_code = "NL",
			};
			o.bereid = bereid_bevestig;
			o.arg = &b;
			o.vandaag = b.vandaag;
			o.tijd = tijd;
			o.nu = b.nu;
			o.audit = audit_bevestig;
			o.audit_arg = &b;
			if ((rc = ijw_afhandel_eigen(st, &o, a)) < 0) {
				u = pagina_store_fout(v, st, rc);
				goto klaar;
			}
			switch (a->status) {
			case AFHANDEL_GEDAAN:
				warm_na_keten(st, &b);
				u = besluit_antwoord(v, &b, a);
				break;
			case AFHANDEL_NIET_GEVONDEN:
				u = niet_gevonden(v);
				break;
			case AFHANDEL_AL_AFGEHANDELD:
				u = pagina_fout(v, MHD_HTTP_CONFLICT, "al_besloten", NULL, a->melding);
				break;
			case AFHANDEL_ONGELDIG:
			case AFHANDEL_BEVINDINGEN:
				u = pagina_fout(v, HTTP_422, "niet_mogelijk", NULL, a->melding);
				break;
			}
			goto klaar;
		}
	}
	if ((rc = store_transaction(st, besluit_tx, &b)) < 0) {
		u = pagina_store_fout(v, st, rc);
		goto klaar;
	}
	switch (b.uitkomst) {
	case BESLUIT_GEDAAN:
		b.warm = warm_besluit(&b.voor, &b.na, &b.v, strcmp(fv->actie, "bevestigen") == 0,
				      &b.los_us);
		u = besluit_antwoord(v, &b, NULL);
		break;
	case BESLUIT_NIET_GEVONDEN:
		u = niet_gevonden(v);
		break;
	case BESLUIT_NIET_OPEN:
		u = pagina_fout(v, MHD_HTTP_CONFLICT, "al_besloten", NULL,
				"Dit voorstel is al bevestigd of afgewezen, of is geen plek; bereken "
				"zo nodig een nieuwe ronde.");
		break;
	}
klaar:
	free(fv);
	free(a);
	return u;
}

const struct route koppel_routes[] = {
	{ "GET", "/koppelen", lijst_get, EIS_GEMEENTELIJK },
	{ "POST", "/koppelen", ronde_post, EIS_TOEWIJZEN },
	{ "GET", "/koppelen/{traject}", een_get, EIS_GEMEENTELIJK },
	{ "POST", "/koppelen/{traject}", besluit_post, EIS_TOEWIJZEN },
	{ "GET", "/api/v1/koppelen", lijst_get, EIS_GEMEENTELIJK },
	{ "POST", "/api/v1/koppelen", ronde_post, EIS_TOEWIJZEN },
	{ "GET", "/api/v1/koppelen/{traject}", een_get, EIS_GEMEENTELIJK },
	{ "POST", "/api/v1/koppelen/{traject}", besluit_post, EIS_TOEWIJZEN },
};
const size_t koppel_routes_n = sizeof koppel_routes / sizeof koppel_routes[0];
