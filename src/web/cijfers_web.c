/* cijfers_web: see cijfers_web.h.
 *
 * Disclosure, in one place (toon_* below, on the shared rules of
 * domain/publicatie):
 *  - exact: regio and beheerder always; gemeente and lokaal_team for
 *    their own gemeenten; aanbieder for its own figures. Counts and
 *    shares then equal `jeugdregie kpi --json` byte for byte.
 *  - otherwise (beleid, the public, and anyone outside the gemeente or
 *    provider asked about): counts through onthulling (rounded to 5,
 *    "<10"); a share is computed from the published (rounded) numerator
 *    and denominator and hidden ("x") when either is suppressed, so that
 *    a share times a public population never gives an exact count back;
 *    day distributions (medians) are hidden when fewer than 10 values
 *    underlie them; money is rounded to € 1.000, the approved amounts
 *    behind an average are withheld (with the average they would give the
 *    number of youth), and a segment's budget figures are withheld when
 *    fewer than 10 trajectories are active in it.
 */
#include "web/cijfers_web.h"

#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <microhttpd.h>

#include "domain/onthulling.h"
#include "domain/publicatie.h"
#include "lib/embedded.h"
#include "lib/hash.h"
#include "lib/json.h"
#include "store/duiding_store.h"
#include "store/store.h"
#include "web/antwoord.h"
#include "web/cijfers.h"
#include "web/cijfers_export.h"
#include "web/duiding_web.h"
#include "web/grafiek.h"
#include "web/html.h"
#include "web/pagina.h"
#include "web/query.h"
#include "web/raad_web.h"
#include "web/toegang.h"
#include "web/veld.h"
#include "web/verbinding.h"

#define DECIMALEN 4
/* The earliest peildatum we answer for: the Jeugdwet started in 2015. */
#define EERSTE_JAAR 2015

static const char *const segment_naam[SEGMENT_AANTAL] = {
	"Lokaal team", "Behandeling met verblijf", "Wonen", "Dagbehandeling en dagbesteding",
	"Ambulante jeugdhulp", "Onderwijs-zorg", "Crisis", "Veiligheid",
};

static const char *const verwijzer_omschrijving[KPI_VERWIJZER_AANTAL] = {
	"gemeente", "huisarts", "jeugdarts", "gecertificeerde instelling",
	"medisch specialist", "geen verwijzer", "rechter of officier van justitie",
	"onbekend",
};

/* ==== figures as shown ===================================================== */

/* One figure as the asker may see it. */
struct getoond {
	bool zichtbaar;
	double waarde;          /* when zichtbaar */
	char weergave[64];      /* "<10", "x", "1.235", "12,5 %" ... */
};

static void toon_cel(const struct onthulde_cel *c, struct getoond *g)
{
	char buf[24];

	memset(g, 0, sizeof *g);
	g->zichtbaar = c->status == ONTHULLING_ZICHTBAAR;
	if (g->zichtbaar) {
		g->waarde = (double)c->waarde;
		grafiek_nl_int(g->weergave, c->waarde);
	} else {
		snprintf(g->weergave, sizeof g->weergave, "%s", onthulling_tekst(c, buf));
	}
}

/* g from the published figure p; true when it is visible (the caller
 * then writes weergave). */
static bool toon_van(const struct publicatie *p, struct getoond *g)
{
	memset(g, 0, sizeof *g);
	g->zichtbaar = p->zichtbaar;
	g->waarde = p->waarde;
	if (!p->zichtbaar)
		snprintf(g->weergave, sizeof g->weergave, "%s", p->teken);
	return p->zichtbaar;
}

/* A count n. */
static void toon_aantal(size_t n, bool exact, struct getoond *g)
{
	struct publicatie p;

	publicatie_aantal(n, exact, &p);
	if (toon_van(&p, g))
		grafiek_nl_int(g->weergave, (int64_t)g->waarde);
}

/* A share aantal / totaal (as a percentage with one decimal in
 * weergave; waarde is the fraction). */
static void toon_deel_cellen(const struct getoond *a, const struct getoond *t, struct getoond *g)
{
	struct publicatie pa = { a->zichtbaar, a->waarde, NULL };
	struct publicatie pt = { t->zichtbaar, t->waarde, NULL }, p;
	char pct[GRAFIEK_GETAL_LEN];

	publicatie_deel(&pa, &pt, 1.0, &p);
	if (toon_van(&p, g))
		snprintf(g->weergave, sizeof g->weergave, "%s %%",
			 grafiek_nl(pct, 100.0 * g->waarde, 1));
}

static void toon_deel(size_t aantal, size_t totaal, bool exact, struct getoond *g)
{
	struct getoond a, t;

	toon_aantal(aantal, exact, &a);
	toon_aantal(totaal, exact, &t);
	toon_deel_cellen(&a, &t, g);
}

/* Days (a median) of a distribution of n values. */
static void toon_dagen(const struct kpi_verdeling *v, bool exact, struct getoond *g)
{
	struct publicatie p;
	char d[GRAFIEK_GETAL_LEN];

	publicatie_figuur(v->n, v->mediaan, exact, &p);
	if (toon_van(&p, g))
		snprintf(g->weergave, sizeof g->weergave, "%s dagen", grafiek_nl(d, v->mediaan, 0));
}

/* ==== JSON ================================================================ */

struct uit {
	struct json *j;
	bool exact;
};

static void j_int(struct json *j, const char *key, int64_t v)
{
	json_key(j, key);
	json_int(j, v);
}

static void j_getal(struct json *j, const char *key, double v)
{
	json_key(j, key);
	json_fixed(j, v, DECIMALEN);
}

static void j_periode(struct json *j, const char *key, dag_t van, dag_t tot)
{
	json_key(j, key);
	json_object_begin(j);
	veld_json_datum(j, "van", van);
	veld_json_datum(j, "tot", tot);
	json_object_end(j);
}

/* A count: a number for exact askers, else {"waarde": N|null,
 * "weergave": "..."}. */
static void u_getoond_aantal(struct uit *u, const char *key, const struct getoond *g)
{
	json_key(u->j, key);
	if (u->exact) {
		json_int(u->j, (int64_t)g->waarde);
		return;
	}
	json_object_begin(u->j);
	json_key(u->j, "waarde");
	if (g->zichtbaar)
		json_int(u->j, (int64_t)g->waarde);
	else
		json_null(u->j);
	json_key(u->j, "weergave");
	json_string(u->j, g->weergave);
	json_object_end(u->j);
}

static void u_aantal(struct uit *u, const char *key, size_t n)
{
	struct getoond g;

	toon_aantal(n, u->exact, &g);
	u_getoond_aantal(u, key, &g);
}

/* A fraction: exact the given value (as kpi_rapport writes it), else
 * from the published counts or null. */
static void u_fractie(struct uit *u, const char *key, size_t aantal, size_t totaal,
		      double exact_waarde)
{
	struct getoond g;

	if (u->exact) {
		j_getal(u->j, key, exact_waarde);
		return;
	}
	toon_deel(aantal, totaal, false, &g);
	json_key(u->j, key);
	if (g.zichtbaar)
		json_fixed(u->j, g.waarde, DECIMALEN);
	else
		json_null(u->j);
}

static void u_verdeling(struct uit *u, const char *key, const struct kpi_verdeling *v)
{
	bool toon = publicatie_tonen(v->n, u->exact);

	json_key(u->j, key);
	json_object_begin(u->j);
	u_aantal(u, "n", v->n);
	json_key(u->j, "gemiddelde_dagen");
	toon ? json_fixed(u->j, v->gemiddelde, DECIMALEN) : json_null(u->j);
	json_key(u->j, "mediaan_dagen");
	toon ? json_fixed(u->j, v->mediaan, DECIMALEN) : json_null(u->j);
	json_key(u->j, "p80_dagen");
	toon ? json_int(u->j, v->p80) : json_null(u->j);
	json_object_end(u->j);
}

static void u_aandeel(struct uit *u, const char *key, const struct kpi_aandeel *a)
{
	json_key(u->j, key);
	json_object_begin(u->j);
	u_aantal(u, "totaal", a->totaal);
	u_aantal(u, "aantal", a->aantal);
	u_fractie(u, "aandeel", a->aantal, a->totaal, a->aandeel);
	json_object_end(u->j);
}

static void u_gebruik(struct uit *u, const char *key, const struct kpi_gebruik *g)
{
	json_key(u->j, key);
	json_object_begin(u->j);
	u_aantal(u, "jeugdigen", g->jeugdigen);
	j_int(u->j, "populatie_0_17", g->populatie);
	if (u->exact) {
		j_getal(u->j, "percentage", g->percentage);
		j_int(u->j, "een_op_n", g->een_op_n);
	} else {
		struct getoond a;

		toon_aantal(g->jeugdigen, false, &a);
		json_key(u->j, "percentage");
		if (a.zichtbaar && g->populatie > 0)
			json_fixed(u->j, 100.0 * a.waarde / (double)g->populatie, DECIMALEN);
		else
			json_null(u->j);
		json_key(u->j, "een_op_n");
		if (a.zichtbaar && a.waarde > 0)
			json_int(u->j, llround((double)g->populatie / a.waarde));
		else
			json_null(u->j);
	}
	json_object_end(u->j);
}

static void u_wachttijd_velden(struct uit *u, const struct kpi_wachttijd *w)
{
	u_verdeling(u, "afgerond_totaal", &w->totaal);
	u_verdeling(u, "afgerond_tot_intake", &w->tot_intake);
	u_verdeling(u, "afgerond_intake_tot_start", &w->intake_tot_start);
	u_aantal(u, "afgerond_boven_norm", w->boven_norm);
	u_fractie(u, "afgerond_aandeel_boven_norm", w->boven_norm, w->totaal.n,
		  w->aandeel_boven_norm);
	u_verdeling(u, "wachtend", &w->wachtend);
	u_aantal(u, "wachtend_boven_norm", w->wachtend_boven_norm);
	u_fractie(u, "wachtend_aandeel_boven_norm", w->wachtend_boven_norm, w->wachtend.n,
		  w->wachtend.n ? (double)w->wachtend_boven_norm / (double)w->wachtend.n : 0.0);
}

static void u_geld(struct uit *u, const char *key, int64_t cent, bool tonen)
{
	json_key(u->j, key);
	if (tonen)
		json_int(u->j, publicatie_geld(cent, u->exact));
	else
		json_null(u->j);
}

/* Budget figures; tonen false: withheld (a segment with few active
 * trajectories, for suppressed askers). */
static void u_uitputting(struct uit *u, const struct kpi_uitputting *x, bool tonen)
{
	int64_t verwacht = publicatie_geld(x->verwacht, u->exact), norm = x->norm;

	/* Approved and forecast apart would, with the averages, give counts
	 * back: suppressed askers see the expected total only. */
	u_geld(u, "goedgekeurd_eurocent", x->goedgekeurd, u->exact);
	u_geld(u, "prognose_eurocent", x->prognose, u->exact);
	u_geld(u, "verwacht_eurocent", x->verwacht, tonen);
	j_int(u->j, "budget_eurocent", norm);
	json_key(u->j, "aandeel");
	if (u->exact)
		json_fixed(u->j, x->aandeel, DECIMALEN);
	else if (tonen && norm > 0)
		json_fixed(u->j, (double)verwacht / (double)norm, DECIMALEN);
	else
		json_null(u->j);
	u_aantal(u, "actieve_trajecten", x->actief);
	u_aantal(u, "zonder_historie", x->zonder_historie);
}

static bool segment_tonen(const struct kpi_uitputting *x, bool exact)
{
	return publicatie_tonen(x->actief, exact);
}

static void u_kosten(struct uit *u, const char *key, int jaar, const struct kpi_clientkosten *k)
{
	json_key(u->j, key);
	json_object_begin(u->j);
	j_int(u->j, "jaar", jaar);
	u_geld(u, "goedgekeurd_eurocent", k->goedgekeurd, u->exact);
	u_aantal(u, "jeugdigen", k->jeugdigen);
	json_key(u->j, "gemiddeld_eurocent");
	if (u->exact)
		json_int(u->j, k->gemiddeld);
	else if (publicatie_tonen(k->jeugdigen, false))
		/* Whole euros: the cents add nothing but precision to divide by. */
		json_int(u->j, llround((double)k->gemiddeld / 100.0) * 100);
	else
		json_null(u->j);
	json_object_end(u->j);
}

/* One report row, in the shape of `jeugdregie kpi --json` (member for
 * member equal for exact askers). */
static void u_regel(struct uit *u, const struct kpi_rapport_perioden *p,
		    const struct kpi_rapport_regel *r, int64_t populatie)
{
	struct json *j = u->j;

	json_object_begin(j);
	json_key(j, "code");
	json_string(j, r->code[0] ? r->code : NULL);
	json_key(j, "naam");
	json_string(j, r->naam);
	if (r->code[0]) {
		json_key(j, "subregio");
		json_string(j, r->subregio);
	}
	j_int(j, "jeugdigen_0_17", populatie);
	u_gebruik(u, "jeugdhulpgebruik_kalenderjaar", &r->gebruik);
	u_gebruik(u, "jeugdhulpgebruik_regionaal_lopend_jaar", &r->gebruik_regionaal);

	json_key(j, "wachttijd");
	json_object_begin(j);
	u_wachttijd_velden(u, &r->wachttijd);
	json_key(j, "per_segment");
	json_array_begin(j);
	for (int s = 1; s < SEGMENT_AANTAL; s++) {
		json_object_begin(j);
		j_int(j, "segment", s);
		u_wachttijd_velden(u, &r->wachttijd_segment[s]);
		json_object_end(j);
	}
	json_array_end(j);
	json_object_end(j);

	u_aandeel(u, "zorgelijk_wachtend", &r->zorgelijk);
	u_verdeling(u, "doorlooptijd", &r->doorlooptijd);
	u_aandeel(u, "uitval", &r->uitval);
	u_aandeel(u, "herhaald_beroep_12_maanden", &r->herhaald12);
	u_aandeel(u, "herhaald_beroep_6_maanden", &r->herhaald6);
	u_aantal(u, "thuiszitters_boven_3_maanden", r->thuiszitters);
	u_aandeel(u, "overgang_18_zonder_plan", &r->overgang18);
	u_aandeel(u, "collectief", &r->collectief);

	json_key(j, "verblijf");
	json_object_begin(j);
	u_aantal(u, "jeugdigen", r->verblijf.jeugdigen);
	u_aantal(u, "verblijf", r->verblijf.verblijf);
	u_fractie(u, "verblijf_aandeel", r->verblijf.verblijf, r->verblijf.jeugdigen,
		  r->verblijf.verblijf_aandeel);
	u_aantal(u, "crisis", r->verblijf.crisis);
	u_fractie(u, "crisis_aandeel", r->verblijf.crisis, r->verblijf.jeugdigen,
		  r->verblijf.crisis_aandeel);
	u_verdeling(u, "crisis_duur", &r->verblijf.crisis_duur);
	json_object_end(j);

	json_key(j, "verwijzers");
	json_object_begin(j);
	u_aantal(u, "totaal", r->verwijzers.totaal);
	json_key(j, "per_type");
	json_array_begin(j);
	for (size_t i = 0; i < KPI_VERWIJZER_AANTAL; i++) {
		json_object_begin(j);
		json_key(j, "code");
		json_string(j, kpi_verwijzer_codes[i]);
		json_key(j, "omschrijving");
		json_string(j, verwijzer_omschrijving[i]);
		u_aantal(u, "aantal", r->verwijzers.aantal[i]);
		u_fractie(u, "aandeel", r->verwijzers.aantal[i], r->verwijzers.totaal,
			  r->verwijzers.aandeel[i]);
		json_object_end(j);
	}
	json_array_end(j);
	json_object_end(j);

	u_kosten(u, "clientkosten_vorig_jaar", p->vorig_jaar, &r->kosten_vorig_jaar);
	u_kosten(u, "clientkosten_jaar", p->jaar, &r->kosten_jaar);

	json_key(j, "budgetuitputting");
	json_object_begin(j);
	j_int(j, "jaar", p->jaar);
	u_uitputting(u, &r->budget, true);
	json_key(j, "per_segment");
	json_array_begin(j);
	for (int s = 0; s < SEGMENT_AANTAL; s++) {
		json_object_begin(j);
		j_int(j, "segment", s);
		u_uitputting(u, &r->budget_segment[s], segment_tonen(&r->budget_segment[s], u->exact));
		json_object_end(j);
	}
	json_array_end(j);
	json_object_end(j);

	json_object_end(j);
}

/* The indicators that take a segment or provider filter. */
static void u_filterregel(struct uit *u, const struct cijfers_filterregel *r, int jaar)
{
	struct json *j = u->j;

	json_object_begin(j);
	json_key(j, "wachttijd");
	json_object_begin(j);
	u_wachttijd_velden(u, &r->wachttijd);
	json_object_end(j);
	u_aandeel(u, "zorgelijk_wachtend", &r->zorgelijk);
	u_verdeling(u, "doorlooptijd", &r->doorlooptijd);
	u_aandeel(u, "uitval", &r->uitval);
	u_aandeel(u, "herhaald_beroep_12_maanden", &r->herhaald12);
	u_aandeel(u, "herhaald_beroep_6_maanden", &r->herhaald6);
	u_aandeel(u, "collectief", &r->collectief);
	if (r->met_plafond) {
		json_key(j, "omzetplafonduitputting");
		json_object_begin(j);
		j_int(j, "jaar", jaar);
		u_uitputting(u, &r->plafond, true);
		json_object_end(j);
	}
	json_object_end(j);
}

static void u_perioden(struct json *j, const struct kpi_rapport_perioden *p)
{
	json_key(j, "perioden");
	json_object_begin(j);
	j_periode(j, "kalenderjaar", p->jaar_van, p->jaar_tot);
	j_periode(j, "lopend_jaar", p->lopend_van, p->peildatum);
	j_periode(j, "laatste_12_maanden", p->m12_van, p->peildatum);
	j_periode(j, "herhaald_beroep_12_maanden", p->herhaald12_van, p->herhaald12_tot);
	j_periode(j, "herhaald_beroep_6_maanden", p->herhaald6_van, p->herhaald6_tot);
	j_periode(j, "vorig_jaar", datum_van(p->vorig_jaar, 1, 1),
		  datum_van(p->vorig_jaar, 12, 31));
	json_object_end(j);
}

/* ==== request parameters =================================================== */

struct keuze {
	struct cijfers_stand *stand;
	dag_t peildatum;
	const struct gemeente *gemeente;     /* NULL: region */
	const struct aanbieder *aanbieder;   /* NULL: all */
	int segment;                         /* -1: all */
};

static int64_t regio_populatie(const struct kpi_data *d)
{
	int64_t n = 0;

	for (size_t i = 0; i < d->n_gemeenten; i++)
		n += d->gemeenten[i].jeugdigen_0_17;
	return n;
}

/* The stand for this request, or an answer queued. */
static struct cijfers_stand *stand_pak(struct web_verzoek *v, enum web_uitslag *u)
{
	struct store *st = pagina_store(v, u);
	struct cijfers_stand *s;
	int rc;

	if (!st)
		return NULL;
	rc = cijfers_pak(st, &s);
	if (rc < 0) {
		*u = pagina_store_fout(v, st, rc);
		return NULL;
	}
	return s;
}

/* peildatum (text, "" = default) checked against the stand. */
static int lees_peildatum(struct web_verzoek *v, const char *tekst, struct keuze *k,
			  enum web_uitslag *u)
{
	char melding[200], d[11];

	k->peildatum = cijfers_peildatum(k->stand);
	if (query_datum(v, "peildatum", tekst, &k->peildatum, u) < 0)
		return -1;
	if (k->peildatum < datum_van(EERSTE_JAAR, 1, 1) ||
	    k->peildatum > cijfers_peildatum(k->stand)) {
		snprintf(melding, sizeof melding, "De peildatum moet tussen %d-01-01 en %s liggen "
			 "(de laatste dag met gegevens).", EERSTE_JAAR,
			 datum_fmt(cijfers_peildatum(k->stand), d));
		return query_weiger(v, "peildatum", melding, u);
	}
	return 0;
}

static int lees_gemeente(struct web_verzoek *v, const char *code, struct keuze *k,
			 enum web_uitslag *u)
{
	char melding[200];

	k->gemeente = NULL;
	if (!*code)
		return 0;
	k->gemeente = cijfers_gemeente(k->stand, code);
	if (k->gemeente)
		return 0;
	snprintf(melding, sizeof melding, "Gemeente '%s' is onbekend; gebruik de CBS-code van vier "
		 "cijfers (bijvoorbeeld 0546 voor Leiden, zie /api/v1/gemeenten).", code);
	return query_weiger(v, "gemeente", melding, u);
}

static int lees_aanbieder(struct web_verzoek *v, const char *agb, struct keuze *k,
			  enum web_uitslag *u)
{
	char melding[200];

	k->aanbieder = NULL;
	if (!*agb)
		return 0;
	k->aanbieder = cijfers_aanbieder(k->stand, agb);
	if (k->aanbieder)
		return 0;
	snprintf(melding, sizeof melding, "Aanbieder '%s' is onbekend; gebruik de AGB-code van "
		 "acht cijfers.", agb);
	return query_weiger(v, "aanbieder", melding, u);
}

/* May the asker see exact figures of this selection? */
static bool is_exact(const struct toegang *wie, const struct keuze *k)
{
	if (k->aanbieder)
		return toegang_aanbieder_exact(wie, k->aanbieder->agb);
	/* The region: toegang_gemeente_exact is true for regio and
	 * beheerder whatever the code, false for everybody else. */
	return toegang_gemeente_exact(wie, k->gemeente ? k->gemeente->code : NULL);
}

static enum web_uitslag geheugen_op(struct web_verzoek *v)
{
	return pagina_fout(v, MHD_HTTP_INTERNAL_SERVER_ERROR, "interne_fout", NULL,
			   "Er was onvoldoende geheugen om de cijfers te berekenen.");
}

/* ==== GET /api/v1/indicatoren ================================================ */

static void u_kop(struct json *j, const struct keuze *k, bool exact)
{
	char d[11];

	json_key(j, "peildatum");
	json_string(j, datum_fmt(k->peildatum, d));
	json_key(j, "data_versie");
	json_string(j, cijfers_versie(k->stand));
	json_key(j, "onderdrukt");
	json_bool(j, !exact);
}

static enum web_uitslag api_indicatoren(struct web_verzoek *v)
{
	char gem[8] = "", agb[12] = "", seg[4] = "", peil[16] = "";
	struct formulier_veld velden[] = {
		{ "gemeente", gem, sizeof gem, false },
		{ "aanbieder", agb, sizeof agb, false },
		{ "segment", seg, sizeof seg, false },
		{ "peildatum", peil, sizeof peil, false },
	};
	enum web_uitslag u = WEB_FATAAL;
	struct keuze k = { .segment = -1 };
	struct kpi_rapport_perioden p;
	int64_t segment = -1;
	struct web_buf b;
	struct json j;
	struct uit o;
	bool exact;

	if (query_lees(v, velden, 4, &u) < 0)
		return u;
	if (query_getal(v, "segment", seg, 0, SEGMENT_AANTAL - 1, &segment, &u) < 0)
		return u;
	k.stand = stand_pak(v, &u);
	if (!k.stand)
		return u;
	if (lees_peildatum(v, peil, &k, &u) < 0 || lees_gemeente(v, gem, &k, &u) < 0 ||
	    lees_aanbieder(v, agb, &k, &u) < 0)
		goto uit;
	k.segment = (int)segment;
	exact = is_exact(v->wie, &k);
	kpi_rapport_perioden(k.peildatum, &p);
	if (web_buf_open(&b) < 0) {
		u = WEB_FATAAL;
		goto uit;
	}
	json_init(&j, b.f, false);
	o.j = &j;
	o.exact = exact;
	json_object_begin(&j);
	u_kop(&j, &k, exact);
	u_perioden(&j, &p);
	json_key(&j, "selectie");
	json_object_begin(&j);
	json_key(&j, "gemeente");
	json_string(&j, k.gemeente ? k.gemeente->code : NULL);
	json_key(&j, "naam");
	json_string(&j, k.gemeente ? k.gemeente->naam : "Regio totaal");
	json_key(&j, "aanbieder");
	json_string(&j, k.aanbieder ? k.aanbieder->agb : NULL);
	json_key(&j, "segment");
	if (k.segment >= 0)
		json_int(&j, k.segment);
	else
		json_null(&j);
	json_object_end(&j);
	json_key(&j, "indicatoren");
	if (k.aanbieder || k.segment >= 0) {
		struct cijfers_filterregel *r = malloc(sizeof *r);

		if (!r || cijfers_filter(k.stand, k.gemeente ? k.gemeente->code : NULL, k.segment,
					 k.aanbieder ? k.aanbieder->agb : NULL, k.peildatum, r) < 0) {
			free(r);
			fclose(b.f);
			free(b.data);
			u = geheugen_op(v);
			goto uit;
		}
		u_filterregel(&o, r, p.jaar);
		free(r);
	} else {
		struct kpi_rapport_regel *r = malloc(sizeof *r);

		if (!r || cijfers_regel(k.stand, k.gemeente ? k.gemeente->code : NULL, k.peildatum,
					r) < 0) {
			free(r);
			fclose(b.f);
			free(b.data);
			u = geheugen_op(v);
			goto uit;
		}
		u_regel(&o, &p, r, k.gemeente ? k.gemeente->jeugdigen_0_17
					       : regio_populatie(cijfers_data(k.stand)));
		free(r);
	}
	json_object_end(&j);
	u = pagina_json_klaar(v, &b, &j);
uit:
	cijfers_laat(k.stand);
	return u;
}

/* ==== the gemeenten table (API and page) ===================================== */

/* The counted columns of the gemeenten table. */
enum kolom {
	KOL_JEUGDHULP,       /* youth with care, calendar year */
	KOL_WACHTEND,
	KOL_WACHTEND_NORM,
	KOL_ZORGELIJK,
	KOL_THUISZITTERS,
	KOL_REGIONAAL,       /* youth with regional care, running year */
	KOL_VERBLIJF,
	KOL_AANTAL
};

static const char *const kolom_sleutel[KOL_AANTAL] = {
	"jeugdhulp_kalenderjaar", "wachtend", "wachtend_boven_norm", "zorgelijk_wachtend",
	"thuiszitters_boven_3_maanden", "regionale_jeugdhulp_lopend_jaar", "verblijf",
};

static size_t kolom_waarde(const struct kpi_rapport_regel *r, enum kolom k)
{
	switch (k) {
	case KOL_JEUGDHULP:
		return r->gebruik.jeugdigen;
	case KOL_WACHTEND:
		return r->wachttijd.wachtend.n;
	case KOL_WACHTEND_NORM:
		return r->wachttijd.wachtend_boven_norm;
	case KOL_ZORGELIJK:
		return r->zorgelijk.aantal;
	case KOL_THUISZITTERS:
		return r->thuiszitters;
	case KOL_REGIONAAL:
		return r->verblijf.jeugdigen;
	case KOL_VERBLIJF:
		return r->verblijf.verblijf;
	case KOL_AANTAL:
		break;
	}
	return 0;
}

/* All rows (regels[0] the region, then the gemeenten in code order) and
 * the published cells: getoond[(i) * KOL_AANTAL + k] for row i. Exact
 * askers see their own gemeenten exactly; every other cell is
 * suppressed, a column at a time, with complementary suppression and the
 * audit against the column's total (onthulling_tabel, kolommen == 1).
 * That total is the region's own figure, which also counts youth without
 * a registered woonplaats: when there are any, they go into the table as
 * one more row that is never shown. So the region row is always the
 * table's published total (hidden too when the audit says so) and cannot
 * undo the suppression of the gemeenten. */
struct tabel {
	size_t n;                          /* rows incl. the region */
	struct kpi_rapport_regel *regels;
	struct getoond *getoond;
	bool *exact;                       /* per row */
};

static void tabel_vrij(struct tabel *t)
{
	free(t->regels);
	free(t->getoond);
	free(t->exact);
	memset(t, 0, sizeof *t);
}

static int tabel_maak(struct cijfers_stand *s, const struct toegang *wie, dag_t peildatum,
		      struct tabel *t)
{
	const struct kpi_data *d = cijfers_data(s);
	size_t n = d->n_gemeenten + 1;
	int64_t *cellen = NULL;
	struct onthulde_cel *cel = NULL;
	int rc = -1;

	memset(t, 0, sizeof *t);
	t->n = n;
	t->regels = calloc(n, sizeof *t->regels);
	t->getoond = calloc(n * KOL_AANTAL, sizeof *t->getoond);
	t->exact = calloc(n, sizeof *t->exact);
	cellen = calloc(n, sizeof *cellen);
	cel = calloc(2 * (n + 1), sizeof *cel);
	if (!t->regels || !t->getoond || !t->exact || !cellen || !cel)
		goto klaar;
	if (cijfers_regel(s, NULL, peildatum, &t->regels[0]) < 0)
		goto klaar;
	t->exact[0] = toegang_gemeente_exact(wie, NULL);
	for (size_t i = 1; i < n; i++) {
		const char *code = d->gemeenten[i - 1].code;

		if (cijfers_regel(s, code, peildatum, &t->regels[i]) < 0)
			goto klaar;
		t->exact[i] = toegang_gemeente_exact(wie, code);
	}
	for (int k = 0; k < KOL_AANTAL; k++) {
		/* Gemeenten in rows 0..n-2, the rest of the region in row n-1,
		 * then the column total (the region). */
		int64_t regio = (int64_t)kolom_waarde(&t->regels[0], (enum kolom)k), som = 0;
		bool rest;

		for (size_t i = 1; i < n; i++) {
			cellen[i - 1] = (int64_t)kolom_waarde(&t->regels[i], (enum kolom)k);
			som += cellen[i - 1];
		}
		/* Without such youth the region is the gemeenten's sum and the
		 * rest row would only be one more "<10" to complement. */
		cellen[n - 1] = regio > som ? regio - som : 0;
		rest = cellen[n - 1] > 0;
		if (onthulling_tabel(cellen, rest ? n : n - 1, 1, true, cel) < 0)
			goto klaar;
		for (size_t i = 1; i < n; i++) {
			struct getoond *g = &t->getoond[i * KOL_AANTAL + (size_t)k];

			if (t->exact[i])
				toon_aantal(kolom_waarde(&t->regels[i], (enum kolom)k), true, g);
			else
				/* With totals out is (n + 1) x 2: the cell is [2*(i-1)]. */
				toon_cel(&cel[2 * (i - 1)], g);
		}
		/* The region row: exact, or the table's published total. */
		if (t->exact[0])
			toon_aantal(kolom_waarde(&t->regels[0], (enum kolom)k), true,
				    &t->getoond[(size_t)k]);
		else
			toon_cel(&cel[2 * (rest ? n : n - 1)], &t->getoond[(size_t)k]);
	}
	rc = 0;
klaar:
	free(cellen);
	free(cel);
	if (rc < 0)
		tabel_vrij(t);
	return rc;
}

static void u_tabel_rij(struct json *j, const struct tabel *t, size_t i, const struct kpi_data *d)
{
	const struct kpi_rapport_regel *r = &t->regels[i];
	struct uit o = { j, t->exact[i] };
	const struct getoond *g = &t->getoond[i * KOL_AANTAL];
	int64_t pop = i ? d->gemeenten[i - 1].jeugdigen_0_17 : regio_populatie(d);
	struct getoond deel;

	json_object_begin(j);
	json_key(j, "code");
	json_string(j, i ? r->code : NULL);
	json_key(j, "naam");
	json_string(j, r->naam);
	json_key(j, "onderdrukt");
	json_bool(j, !t->exact[i]);
	j_int(j, "jeugdigen_0_17", pop);
	for (int k = 0; k < KOL_AANTAL; k++)
		u_getoond_aantal(&o, kolom_sleutel[k], &g[k]);
	/* Shares from the published cells (exact rows: the exact ones). */
	json_key(j, "jeugdhulp_percentage");
	if (g[KOL_JEUGDHULP].zichtbaar && pop > 0)
		json_fixed(j, 100.0 * g[KOL_JEUGDHULP].waarde / (double)pop, DECIMALEN);
	else
		json_null(j);
	json_key(j, "een_op_n");
	if (g[KOL_JEUGDHULP].zichtbaar && g[KOL_JEUGDHULP].waarde > 0)
		json_int(j, llround((double)pop / g[KOL_JEUGDHULP].waarde));
	else
		json_null(j);
	toon_deel_cellen(&g[KOL_WACHTEND_NORM], &g[KOL_WACHTEND], &deel);
	json_key(j, "wachtend_aandeel_boven_norm");
	deel.zichtbaar ? json_fixed(j, deel.waarde, DECIMALEN) : json_null(j);
	toon_deel_cellen(&g[KOL_VERBLIJF], &g[KOL_REGIONAAL], &deel);
	json_key(j, "verblijf_aandeel");
	deel.zichtbaar ? json_fixed(j, deel.waarde, DECIMALEN) : json_null(j);
	json_key(j, "budget_aandeel");
	if (o.exact)
		json_fixed(j, r->budget.aandeel, DECIMALEN);
	else if (r->budget.norm > 0)
		json_fixed(j, (double)publicatie_geld(r->budget.verwacht, false) /
				      (double)r->budget.norm, DECIMALEN);
	else
		json_null(j);
	json_object_end(j);
}

/* What GET /api/v1/gemeenten and GET /gemeenten share: the peildatum of
 * the query, the stand in k->stand (the caller lets it go with
 * cijfers_laat, also after a failure), the table *t and an open buffer *b
 * (both the caller's to free). *onderdrukt: some row is not exact. 0, or
 * -1 with the answer in *u (then t and b hold nothing). */
static int gemeenten_begin(struct web_verzoek *v, struct keuze *k, struct tabel *t,
			   struct web_buf *b, bool *onderdrukt, enum web_uitslag *u,
			   enum export_formaat *formaat, char tabel[static 16])
{
	char peil[16] = "", fmt[8] = "";
	struct formulier_veld velden[] = {
		{ "peildatum", peil, sizeof peil, false },
		{ "formaat", fmt, sizeof fmt, false },
		{ "tabel", tabel, 16, false },
	};

	*onderdrukt = false;
	/* Only the page (formaat not NULL) has downloads. */
	if (query_lees(v, velden, formaat ? 3 : 1, u) < 0 ||
	    (formaat && export_formaat_lees(v, fmt, formaat, u) < 0))
		return -1;
	k->stand = stand_pak(v, u);
	if (!k->stand || lees_peildatum(v, peil, k, u) < 0)
		return -1;
	if (tabel_maak(k->stand, v->wie, k->peildatum, t) < 0) {
		*u = geheugen_op(v);
		return -1;
	}
	if (web_buf_open(b) < 0) {
		tabel_vrij(t);
		*u = WEB_FATAAL;
		return -1;
	}
	for (size_t i = 0; i < t->n; i++)
		*onderdrukt |= !t->exact[i];
	return 0;
}

static enum web_uitslag api_gemeenten(struct web_verzoek *v)
{
	enum web_uitslag u = WEB_FATAAL;
	struct keuze k = { .segment = -1 };
	struct tabel t;
	struct web_buf b;
	struct json j;
	bool iets_onderdrukt;
	char tabel[16] = "";

	if (gemeenten_begin(v, &k, &t, &b, &iets_onderdrukt, &u, NULL, tabel) < 0)
		goto uit;
	json_init(&j, b.f, false);
	json_object_begin(&j);
	u_kop(&j, &k, !iets_onderdrukt);
	json_key(&j, "gemeenten");
	json_array_begin(&j);
	for (size_t i = 1; i < t.n; i++)
		u_tabel_rij(&j, &t, i, cijfers_data(k.stand));
	json_array_end(&j);
	json_key(&j, "regio");
	u_tabel_rij(&j, &t, 0, cijfers_data(k.stand));
	json_object_end(&j);
	tabel_vrij(&t);
	u = pagina_json_klaar(v, &b, &j);
uit:
	cijfers_laat(k.stand);
	return u;
}

/* ==== the goals ============================================================== */

/* The 2030 goals of DOMAIN.md §2 we can measure, each with its
 * indicator. bron_regio: the target is the region's own number; else it
 * is our reading of a goal the region states in words. */
enum doel_id {
	DOEL_GEBRUIK,
	DOEL_WACHTTIJD,
	DOEL_ZORGELIJK,
	DOEL_THUISZITTERS,
	DOEL_VERBLIJF,
	DOEL_COLLECTIEF,
	DOEL_OVERGANG18,
	DOEL_UITVAL,
	DOEL_AANTAL
};

enum richting {
	OMLAAG,      /* lower is better */
	OMHOOG,
};

struct doel {
	const char *id;
	const char *titel;
	const char *regio_doel;     /* the goal in the region's words */
	bool bron_regio;
	const char *indicator;      /* what the figure is */
	const char *eenheid;        /* for the chart */
	int decimalen;
	enum richting richting;
	bool doel_nul;              /* the target is zero */
	double doelwaarde;          /* on the chart's scale */
	const char *doel_tekst;
};

static const struct doel doelen[DOEL_AANTAL] = {
	[DOEL_GEBRUIK] = { "gebruik", "Minder jeugdigen in zorg",
		"Van 1 op 6 jeugdigen met jeugdhulp (lokale teams meegeteld) naar 1 op 12 in 2030.",
		true, "Jeugdigen van 0-17 jaar met jeugdhulp in het kalenderjaar, als deel van alle "
		"0-17-jarigen (\"1 op N\"); het lopende jaar telt tot nu.",
		" %", 1, OMLAAG, false, 100.0 / 12.0, "1 op 12 (8,3 %)" },
	[DOEL_WACHTTIJD] = { "wachttijd", "Kortere wachttijden",
		"Kortere wachttijden en zicht op zorgelijk wachtenden.", false,
		"Deel van de wachttijden (aanmelding tot start, laatste 12 maanden) boven de "
		"Treeknorm van 4 weken tot intake en 10 weken tot start. Onze lezing van het doel: "
		"iedereen binnen de Treeknorm.",
		" %", 1, OMLAAG, true, 0.0, "0 % boven de Treeknorm" },
	[DOEL_ZORGELIJK] = { "zorgelijk", "Geen zorgelijk wachtenden",
		"Zicht op zorgelijk wachtenden.", false,
		"Jeugdigen die op de peildatum langer dan de Treeknorm wachten en een risicofactor "
		"hebben (onze eigen definitie; er is geen landelijke). Onze lezing: naar nul.",
		"", 0, OMLAAG, true, 0.0, "0" },
	[DOEL_THUISZITTERS] = { "thuiszitters", "Geen thuiszitters langer dan drie maanden",
		"Geen jeugdige langer dan drie maanden thuis zonder passende combinatie van "
		"onderwijs en zorg.", true,
		"Jeugdigen die op de peildatum al meer dan 91 dagen niet naar school gaan, zonder "
		"actief onderwijs-zorgtraject.",
		"", 0, OMLAAG, true, 0.0, "0" },
	[DOEL_VERBLIJF] = { "verblijf", "Zorg thuis, op school of in de eigen omgeving",
		"Geen uithuisplaatsingen behalve tijdelijke crisisplaatsen met een plan om terug "
		"naar huis te gaan.", false,
		"Deel van de jeugdigen met regionale jeugdhulp in de laatste 12 maanden dat in "
		"verblijf (categorie 43/44) zat. Onze lezing: dit deel daalt.",
		" %", 1, OMLAAG, false, NAN, "dalend" },
	[DOEL_COLLECTIEF] = { "collectief", "Meer collectieve oplossingen",
		"Collectieve (groeps)oplossingen boven individuele trajecten.", false,
		"Deel van de actieve regionale trajecten op de peildatum dat groepszorg is. Onze "
		"lezing: dit deel stijgt.",
		" %", 1, OMHOOG, false, NAN, "stijgend" },
	[DOEL_OVERGANG18] = { "overgang18", "Soepele overgang naar 18+",
		"Soepele overgangen lokaal-regionaal en rond 18 jaar.", false,
		"Jeugdigen met actieve jeugdhulp die binnen 6 maanden 18 worden en geen "
		"perspectiefplan 18+ hebben. Onze lezing: naar nul.",
		"", 0, OMLAAG, true, 0.0, "0" },
	[DOEL_UITVAL] = { "uitval", "Doorstroom zonder uitval",
		"Netwerken van aanbieders die samen verantwoordelijk zijn voor doorstroom.", false,
		"Deel van de in de laatste 12 maanden beëindigde trajecten dat voortijdig stopte "
		"(reden 32 of 33). Onze lezing: dit deel daalt.",
		" %", 1, OMLAAG, false, NAN, "dalend" },
};

/* The duiding_store.h key of each goal's indicator, and what the
 * duidingen beside the goals are about: the gemeente (NULL: the region)
 * and the 12 months up to the peildatum. */
static const char *const doel_duiding[DOEL_AANTAL] = {
	[DOEL_GEBRUIK] = "jeugdhulpgebruik", [DOEL_WACHTTIJD] = "wachttijd",
	[DOEL_ZORGELIJK] = "zorgelijk", [DOEL_THUISZITTERS] = "thuiszitters",
	[DOEL_VERBLIJF] = "verblijf", [DOEL_COLLECTIEF] = "collectief",
	[DOEL_OVERGANG18] = "overgang18", [DOEL_UITVAL] = "uitval",
};
struct doel_duidingen {
	struct store *st;
	const struct toegang *wie;
	const char *gemeente;
	dag_t van, tot;
};

static void doel_duidingen_vul(struct doel_duidingen *dd, struct web_verzoek *v,
			       const char *gemeente, dag_t peildatum)
{
	char err[256];

	/* Without a store the page still shows its figures, only no duidingen. */
	dd->st = verbinding_store(err, sizeof err);
	dd->wie = v->wie;
	dd->gemeente = gemeente;
	dd->van = datum_plus_maanden(peildatum, -12) + 1;
	dd->tot = peildatum;
}

/* The figure of goal g at trend point p, as shown (shares in percent). */
static void doel_punt(enum doel_id g, const struct cijfers_punt *p, bool exact,
		      struct getoond *uit)
{
	switch (g) {
	case DOEL_WACHTTIJD:
		toon_deel(p->wachttijd.boven_norm, p->wachttijd.totaal.n, exact, uit);
		break;
	case DOEL_ZORGELIJK:
		toon_aantal(p->zorgelijk.aantal, exact, uit);
		return;
	case DOEL_THUISZITTERS:
		toon_aantal(p->thuiszitters, exact, uit);
		return;
	case DOEL_VERBLIJF:
		toon_deel(p->verblijf.verblijf, p->verblijf.jeugdigen, exact, uit);
		break;
	case DOEL_COLLECTIEF:
		toon_deel(p->collectief.aantal, p->collectief.totaal, exact, uit);
		break;
	case DOEL_OVERGANG18:
		toon_aantal(p->overgang18.aantal, exact, uit);
		return;
	case DOEL_UITVAL:
		toon_deel(p->uitval.aantal, p->uitval.totaal, exact, uit);
		break;
	case DOEL_GEBRUIK:
	case DOEL_AANTAL:
		memset(uit, 0, sizeof *uit);
		snprintf(uit->weergave, sizeof uit->weergave, "–");
		return;
	}
	if (uit->zichtbaar)
		uit->waarde *= 100.0;
}

/* "1 op N" in a year, as shown: waarde is the percentage. */
static void doel_gebruik(const struct kpi_gebruik *gb, bool exact, struct getoond *uit,
			 int64_t *een_op_n)
{
	struct getoond a;
	char pct[GRAFIEK_GETAL_LEN];

	toon_aantal(gb->jeugdigen, exact, &a);
	memset(uit, 0, sizeof *uit);
	*een_op_n = 0;
	if (!a.zichtbaar || gb->populatie <= 0 || a.waarde <= 0) {
		snprintf(uit->weergave, sizeof uit->weergave, "%s", a.zichtbaar ? "–" : "x");
		return;
	}
	uit->zichtbaar = true;
	uit->waarde = 100.0 * a.waarde / (double)gb->populatie;
	*een_op_n = llround((double)gb->populatie / a.waarde);
	snprintf(uit->weergave, sizeof uit->weergave, "1 op %lld (%s %%)", (long long)*een_op_n,
		 grafiek_nl(pct, uit->waarde, 1));
}

enum status {
	STATUS_BEHAALD,
	STATUS_OP_KOERS,
	STATUS_ACHTER,
	STATUS_VERBETERT,
	STATUS_GELIJK,
	STATUS_VERSLECHTERT,
	STATUS_ONBEKEND,
};

static const char *status_tekst(enum status s)
{
	switch (s) {
	case STATUS_BEHAALD:
		return "behaald";
	case STATUS_OP_KOERS:
		return "op koers";
	case STATUS_ACHTER:
		return "achter op koers";
	case STATUS_VERBETERT:
		return "verbetert";
	case STATUS_GELIJK:
		return "gelijk gebleven";
	case STATUS_VERSLECHTERT:
		return "verslechtert";
	case STATUS_ONBEKEND:
		return "niet te bepalen";
	}
	return "niet te bepalen";
}

static const char *status_klasse(enum status s)
{
	switch (s) {
	case STATUS_BEHAALD:
	case STATUS_OP_KOERS:
	case STATUS_VERBETERT:
		return "goed";
	case STATUS_GELIJK:
		return "neutraal";
	case STATUS_ACHTER:
	case STATUS_VERSLECHTERT:
		return "slecht";
	case STATUS_ONBEKEND:
		return "onbekend";
	}
	return "onbekend";
}

/* The path of "1 op N": 1 op 6 in 2025 to 1 op 12 in 2030, linear in the
 * percentage; the status compares with the path's value for the year. */
static double gebruik_pad(int jaar)
{
	double van = 100.0 / 6.0, tot = 100.0 / 12.0;

	if (jaar <= 2025)
		return van;
	if (jaar >= 2030)
		return tot;
	return van + (tot - van) * (double)(jaar - 2025) / 5.0;
}

/* Status from now and a year ago (both as shown). */
static enum status doel_status(const struct doel *d, const struct getoond *nu,
			       const struct getoond *vorig)
{
	double verschil;

	if (!nu->zichtbaar)
		return STATUS_ONBEKEND;
	if (d->doel_nul && nu->waarde == 0.0)
		return STATUS_BEHAALD;
	if (!vorig->zichtbaar)
		return STATUS_ONBEKEND;
	verschil = nu->waarde - vorig->waarde;
	/* Less than a tenth of the old value (or 0.5 point) is "the same". */
	if (fabs(verschil) < fmax(0.5, fabs(vorig->waarde) * 0.02))
		return STATUS_GELIJK;
	if ((verschil < 0) == (d->richting == OMLAAG))
		return STATUS_VERBETERT;
	return STATUS_VERSLECHTERT;
}

/* ==== page helpers ============================================================ */

static void fmt_datum_nl(char out[16], dag_t d)
{
	int j, m, dd;

	datum_delen(d, &j, &m, &dd);
	snprintf(out, 16, "%d-%d-%d", dd, m, j);
}

static void kwartaal_label(char out[16], dag_t d, bool laatste)
{
	int j, m, dd;

	datum_delen(d, &j, &m, &dd);
	if (laatste)
		fmt_datum_nl(out, d);
	else
		snprintf(out, 16, "%d-K%d", j, (m - 1) / 3 + 1);
}

static void melding_onderdrukt(FILE *f)
{
	fputs("<p class=\"melding onderdrukt\">Kleine aantallen zijn afgeschermd: een aantal onder "
	      "de 10 staat er als &lt;10, andere aantallen zijn afgerond op 5, en een tweede cel "
	      "kan verborgen zijn (x) zodat een totaal niets verraadt. Percentages zijn berekend "
	      "uit de afgeronde aantallen.</p>\n", f);
}

static void peildatum_formulier(FILE *f, const char *actie, dag_t peildatum)
{
	char d[11];

	fputs("<form class=\"peildatum\" method=\"get\" action=\"", f);
	html_attr(f, actie);
	fputs("\"><label for=\"peildatum\">Peildatum</label> <input type=\"date\" id=\"peildatum\" "
	      "name=\"peildatum\" value=\"", f);
	fputs(datum_fmt(peildatum, d), f);
	fputs("\"> <button type=\"submit\">Toon</button></form>\n", f);
}

/* The trend chart of goal g: one series per trend (the first is the
 * subject, a second the region to compare with). */
static int doel_grafiek(FILE *f, enum doel_id g, const struct cijfers_trend *const *trends,
			const char *const *namen, const bool *exact, size_t n_trends,
			const char *id_voor)
{
	const struct doel *d = &doelen[g];
	double w[2][CIJFERS_TREND_PUNTEN];
	char lab[CIJFERS_TREND_PUNTEN][16];
	const char *labels[CIJFERS_TREND_PUNTEN];
	struct grafiek_reeks reeks[2];
	char id[64], titel[160], desc[400];
	struct grafiek gr = { 0 };
	size_t n = 0;

	if (n_trends > 2)
		n_trends = 2;
	snprintf(id, sizeof id, "%s-%s", id_voor, d->id);
	if (g == DOEL_GEBRUIK) {
		n = trends[0]->n_jaren;
		for (size_t i = 0; i < n; i++) {
			snprintf(lab[i], sizeof lab[i], "%d%s", trends[0]->jaren[i],
				 i + 1 == n ? " (t/m nu)" : "");
			labels[i] = lab[i];
		}
		for (size_t t = 0; t < n_trends; t++)
			for (size_t i = 0; i < n; i++) {
				struct getoond x;
				int64_t eon;

				doel_gebruik(&trends[t]->gebruik[i], exact[t], &x, &eon);
				w[t][i] = x.zichtbaar ? x.waarde : NAN;
			}
		snprintf(titel, sizeof titel, "%s: jeugdigen met jeugdhulp per jaar (%%)", d->titel);
	} else {
		n = trends[0]->n_punten;
		for (size_t i = 0; i < n; i++) {
			kwartaal_label(lab[i], trends[0]->punten[i].peildatum, i + 1 == n);
			labels[i] = lab[i];
		}
		for (size_t t = 0; t < n_trends; t++)
			for (size_t i = 0; i < n; i++) {
				struct getoond x;

				doel_punt(g, &trends[t]->punten[i], exact[t], &x);
				w[t][i] = x.zichtbaar ? x.waarde : NAN;
			}
		snprintf(titel, sizeof titel, "%s: verloop per kwartaal", d->titel);
	}
	for (size_t t = 0; t < n_trends; t++) {
		reeks[t].naam = namen[t];
		reeks[t].waarden = w[t];
	}
	snprintf(desc, sizeof desc, "%s Doel: %s.", d->indicator, d->doel_tekst);
	gr.soort = GRAFIEK_LIJN;
	gr.id = id;
	gr.titel = titel;
	gr.omschrijving = desc;
	gr.eenheid = d->eenheid;
	gr.decimalen = d->decimalen;
	gr.n_punten = n;
	gr.labels = labels;
	gr.n_reeksen = n_trends;
	gr.reeksen = reeks;
	gr.met_doel = isfinite(d->doelwaarde);
	gr.doel = d->doelwaarde;
	gr.doel_naam = "Doel 2030";
	return grafiek_figuur(f, &gr);
}

/* The current value of goal g in trend t and its status. */
static enum status doel_nu(enum doel_id g, const struct cijfers_trend *t, bool exact,
			   struct getoond *nu)
{
	const struct doel *d = &doelen[g];
	struct getoond vorig;

	if (g == DOEL_GEBRUIK) {
		int64_t eon;
		size_t k = t->n_jaren - 1;
		int jaar = t->jaren[k];

		doel_gebruik(&t->gebruik[k], exact, nu, &eon);
		if (!nu->zichtbaar)
			return STATUS_ONBEKEND;
		if (jaar >= 2030)
			return nu->waarde <= d->doelwaarde ? STATUS_BEHAALD : STATUS_ACHTER;
		return nu->waarde <= gebruik_pad(jaar) ? STATUS_OP_KOERS : STATUS_ACHTER;
	}
	doel_punt(g, &t->punten[t->n_punten - 1], exact, nu);
	/* A year before the last quarter start: four points back. */
	doel_punt(g, &t->punten[t->n_punten >= 5 ? t->n_punten - 5 : 0], exact, &vorig);
	return doel_status(d, nu, &vorig);
}

/* One goal as an article: the goal, now, target, status, chart. */
static int doel_artikel(FILE *f, enum doel_id g, const struct cijfers_trend *const *trends,
			const char *const *namen, const bool *exact, size_t n_trends,
			const char *id_voor, const struct doel_duidingen *dd, const char *pad)
{
	const struct doel *d = &doelen[g];
	struct getoond nu;
	enum status s = doel_nu(g, trends[0], exact[0], &nu);

	fprintf(f, "<article class=\"doel\" id=\"doel-%s\">\n<h2>", d->id);
	html_txt(f, d->titel);
	fputs("</h2>\n<p class=\"doel-tekst\">", f);
	html_txt(f, d->regio_doel);
	fputs(" <span class=\"doel-bron\">", f);
	fputs(d->bron_regio ? "(Het doel en het getal zijn van de regio.)"
			    : "(Het doel is van de regio; het meetbare streefgetal is onze lezing.)",
	      f);
	fputs("</span></p>\n<dl class=\"kerncijfers\">\n", f);
	for (size_t t = 0; t < n_trends; t++) {
		struct getoond x;

		if (t == 0)
			x = nu;
		else
			doel_nu(g, trends[t], exact[t], &x);
		fputs("<div><dt>", f);
		html_txt(f, namen[t]);
		fputs(" nu</dt><dd class=\"waarde\">", f);
		html_txt(f, x.weergave);
		fputs("</dd></div>\n", f);
	}
	fputs("<div><dt>Doel 2030</dt><dd>", f);
	html_txt(f, d->doel_tekst);
	fprintf(f, "</dd></div>\n<div><dt>Status</dt><dd><span class=\"status status-%s\" "
		"data-status=\"%s\">%s</span></dd></div>\n</dl>\n", status_klasse(s),
		status_klasse(s), status_tekst(s));
	fputs("<p class=\"uitleg\">", f);
	html_txt(f, d->indicator);
	fputs("</p>\n", f);
	if (doel_grafiek(f, g, trends, namen, exact, n_trends, id_voor) < 0)
		return -1;
	/* A failed read of the duidingen leaves them out, not the figures. */
	if (dd->st)
		duiding_web_blok(f, dd->st, dd->wie, doel_duiding[g], dd->gemeente, dd->van, dd->tot);
	export_links(f, pad, d->id, trends[0]->peildatum);
	fputs("</article>\n", f);
	return ferror(f) ? -1 : 0;
}

/* ==== downloads (web/cijfers_export.h) ========================================= */

/* The duidingen of one goal in a download: at most this many bytes. */
#define DUIDING_EXPORT_MAX 8192

/* A figure as shown, into a download: counts (decimalen 0) as whole
 * numbers, the rest with the page's decimals; hidden ones as their text. */
static int x_getoond(struct export *e, const struct getoond *g, int decimalen)
{
	if (decimalen == 0)
		return export_aantal(e, g->zichtbaar, g->zichtbaar ? llround(g->waarde) : 0,
				     g->weergave);
	return export_getal(e, g->zichtbaar, g->waarde, decimalen, g->weergave);
}

/* A share as shown by toon_deel (waarde a fraction), in percent. */
static int x_procent(struct export *e, const struct getoond *g)
{
	return export_getal(e, g->zichtbaar, 100.0 * g->waarde, 1, g->weergave);
}

/* Goal g's unit: its figure is a count, a percentage or "1 op N" as a
 * percentage. */
static const char *doel_eenheid(enum doel_id g)
{
	if (g == DOEL_GEBRUIK)
		return "% van de jeugdigen 0-17";
	return doelen[g].decimalen == 0 ? "aantal" : "%";
}

static const char *doel_eenheid_kort(enum doel_id g)
{
	return doelen[g].decimalen == 0 && g != DOEL_GEBRUIK ? "aantal" : "%";
}

/* The goals table: each goal, its figure now per trend, the target and
 * the status of the first trend (as the articles on the page show). */
/* The current duidingen of goal g in dd's period as one text: "Regio,
 * 2026-K3: ... (anna (regio), 2026-11-20 11:00) | ...", cut at the end
 * of buf. "" when there are none or they cannot be read (the figures do
 * not depend on them). */
static const char *x_duiding(const struct doel_duidingen *dd, enum doel_id g, char *buf,
			     size_t n)
{
	struct duiding_filter flt = {
		.indicator = doel_duiding[g],
		.plek = dd->gemeente ? DUIDING_GEMEENTE_EN_REGIO : DUIDING_REGIO,
		.gemeente = dd->gemeente, .van = dd->van, .tot = dd->tot,
	};
	struct duiding *rijen = NULL;
	size_t aantal = 0, pos = 0;
	char wie[200];

	buf[0] = '\0';
	if (!dd->st || store_duidingen(dd->st, &flt, &rijen, &aantal, NULL) < 0)
		return buf;
	for (size_t i = 0; i < aantal && pos < n; i++) {
		const struct duiding *d = &rijen[i];
		int k = snprintf(buf + pos, n - pos, "%s%s, %s: %s (%s)", i ? " | " : "",
				 d->gemeente[0] ? d->gemeente_naam : "Regio", d->periode, d->tekst,
				 duiding_ondertekening(d, wie, sizeof wie));

		if (k < 0)
			break;
		pos += (size_t)k;
	}
	/* Cut short: not in the middle of a UTF-8 character. */
	if (pos >= n && n > 1) {
		size_t e = n - 1;

		do
			e--;
		while (e > 0 && ((unsigned char)buf[e] & 0xC0) == 0x80);
		buf[e] = '\0';
	}
	free(rijen);
	return buf;
}

static int x_doelen(struct export *e, const struct cijfers_trend *const *trends,
		    const char *const *namen, const bool *exact, size_t n_trends,
		    const struct doel_duidingen *dd)
{
	char kop[160], *duiding = malloc(DUIDING_EXPORT_MAX);
	int rc = 0;

	if (!duiding)
		return -1;

	rc |= export_kop(e, "Doel");
	rc |= export_kop(e, "Eenheid");
	for (size_t t = 0; t < n_trends; t++) {
		snprintf(kop, sizeof kop, "%s nu", namen[t]);
		rc |= export_kop(e, kop);
	}
	rc |= export_kop(e, "Doel 2030");
	rc |= export_kop(e, "Status");
	rc |= export_kop(e, "Duiding");
	for (int g = 0; g < DOEL_AANTAL && rc == 0; g++) {
		const struct doel *d = &doelen[g];
		enum status s = STATUS_ONBEKEND;

		rc |= export_rij(e);
		rc |= export_tekst(e, d->titel);
		rc |= export_tekst(e, doel_eenheid((enum doel_id)g));
		for (size_t t = 0; t < n_trends; t++) {
			struct getoond x;
			enum status st = doel_nu((enum doel_id)g, trends[t], exact[t], &x);

			if (t == 0)
				s = st;
			rc |= x_getoond(e, &x, g == DOEL_GEBRUIK ? 1 : d->decimalen);
		}
		rc |= export_tekst(e, d->doel_tekst);
		rc |= export_tekst(e, status_tekst(s));
		rc |= export_tekst(e, x_duiding(dd, (enum doel_id)g, duiding, DUIDING_EXPORT_MAX));
	}
	free(duiding);
	return rc;
}

/* The data of goal g's trend chart: per year ("1 op N") or per peildatum,
 * one column per trend. */
static int x_doel_trend(struct export *e, enum doel_id g, const struct cijfers_trend *const *trends,
			const char *const *namen, const bool *exact, size_t n_trends)
{
	char kop[160];
	int rc = 0;

	rc |= export_kop(e, g == DOEL_GEBRUIK ? "Jaar" : "Peildatum");
	for (size_t t = 0; t < n_trends; t++) {
		snprintf(kop, sizeof kop, "%s (%s)", namen[t], doel_eenheid_kort(g));
		rc |= export_kop(e, kop);
	}
	if (g == DOEL_GEBRUIK) {
		for (size_t i = 0; i < trends[0]->n_jaren && rc == 0; i++) {
			rc |= export_rij(e);
			rc |= export_aantal(e, true, trends[0]->jaren[i], "");
			for (size_t t = 0; t < n_trends; t++) {
				struct getoond x;
				int64_t eon;

				doel_gebruik(&trends[t]->gebruik[i], exact[t], &x, &eon);
				rc |= x_getoond(e, &x, 1);
			}
		}
		return rc;
	}
	for (size_t i = 0; i < trends[0]->n_punten && rc == 0; i++) {
		rc |= export_rij(e);
		rc |= export_datum(e, trends[0]->punten[i].peildatum);
		for (size_t t = 0; t < n_trends; t++) {
			struct getoond x;

			doel_punt(g, &trends[t]->punten[i], exact[t], &x);
			rc |= x_getoond(e, &x, doelen[g].decimalen);
		}
	}
	return rc;
}

/* tabel ("" the goals table) on a page with goals: which table, as
 * doel_id, DOEL_AANTAL for the goals table, or -1 when unknown. */
static int doel_tabel(const char *tabel)
{
	if (!*tabel || strcmp(tabel, "doelen") == 0)
		return DOEL_AANTAL;
	for (int g = 0; g < DOEL_AANTAL; g++)
		if (strcmp(tabel, doelen[g].id) == 0)
			return g;
	return -1;
}

/* A file name: wat, the peildatum, and the table. */
static void x_naam(char *buf, size_t n, const char *wat, const char *tabel, dag_t peildatum)
{
	char d[11];

	snprintf(buf, n, "%s-%s-%s", wat, tabel, datum_fmt(peildatum, d));
}

static enum web_uitslag x_onbekende_tabel(struct web_verzoek *v, const char *mogelijk)
{
	char melding[300];
	enum web_uitslag u = WEB_FATAAL;

	snprintf(melding, sizeof melding, "Deze pagina heeft geen tabel met die naam; kies een "
		 "van: %s.", mogelijk);
	query_weiger(v, "tabel", melding, &u);
	return u;
}

#define DOEL_TABELLEN "doelen, gebruik, wachttijd, zorgelijk, thuiszitters, verblijf, " \
	"collectief, overgang18, uitval"

/* The budget table of a gemeente (as budget_tabel shows it). */
static int x_budget(struct export *e, const struct kpi_rapport_regel *r, bool exact)
{
	int rc = 0;

	rc |= export_kop(e, "Segment");
	rc |= export_kop(e, "Omschrijving");
	rc |= export_kop(e, "Verwacht (euro)");
	rc |= export_kop(e, "Budget (euro)");
	rc |= export_kop(e, "Uitputting (%)");
	rc |= export_kop(e, "Actieve trajecten (aantal)");
	for (int s = 0; s < SEGMENT_AANTAL && rc == 0; s++) {
		const struct kpi_uitputting *x = &r->budget_segment[s];
		struct getoond act;

		toon_aantal(x->actief, exact, &act);
		rc |= export_rij(e);
		rc |= export_aantal(e, true, s, "");
		rc |= export_tekst(e, segment_naam[s]);
		if (segment_tonen(x, exact)) {
			int64_t verwacht = publicatie_geld(x->verwacht, exact);
			double aandeel = x->norm > 0 ? (exact ? x->aandeel
							       : (double)verwacht / (double)x->norm)
						     : NAN;

			rc |= export_euro(e, true, verwacht, "");
			rc |= export_euro(e, true, x->norm, "");
			rc |= export_getal(e, true, 100.0 * aandeel, 1, "");
		} else {
			rc |= export_tekst(e, "x");
			rc |= export_euro(e, true, x->norm, "");
			rc |= export_tekst(e, "x");
		}
		rc |= x_getoond(e, &act, 0);
	}
	return rc;
}

#define DOEL_TABELLEN "doelen, gebruik, wachttijd, zorgelijk, thuiszitters, verblijf, " \
	"collectief, overgang18, uitval"

/* The downloads of a page with goals (/ and /gemeenten/{code}); r (the
 * gemeente's report row, or NULL) adds the table "budget". */
static enum web_uitslag x_doelen_zend(struct web_verzoek *v, enum export_formaat formaat,
				      const char *tabel, const char *wat, dag_t peildatum,
				      const struct cijfers_trend *const *trends,
				      const char *const *namen, const bool *exact, size_t n_trends,
				      const struct kpi_rapport_regel *r, const struct doel_duidingen *dd)
{
	int g = doel_tabel(tabel);
	char naam[96];
	struct export *e;

	if (g < 0 && !(r && strcmp(tabel, "budget") == 0))
		return x_onbekende_tabel(v, r ? DOEL_TABELLEN ", budget" : DOEL_TABELLEN);
	x_naam(naam, sizeof naam, wat,
	       g < 0 ? "budget" : g == DOEL_AANTAL ? "doelen" : doelen[g].id, peildatum);
	e = export_nieuw(formaat, g < 0 ? "Budget" : g == DOEL_AANTAL ? "Doelen" : "Verloop");
	if (!e)
		return WEB_FATAAL;
	/* A failed cell marks e failed; export_zend then answers 500. */
	if (g < 0)
		x_budget(e, r, exact[0]);
	else if (g == DOEL_AANTAL)
		x_doelen(e, trends, namen, exact, n_trends, dd);
	else
		x_doel_trend(e, (enum doel_id)g, trends, namen, exact, n_trends);
	return export_zend(v, e, naam);
}

/* The gemeenten table (as tabel_html_rij shows it), the region last. */
static int x_gemeenten_rij(struct export *e, const struct tabel *t, size_t i,
			   const struct kpi_data *d)
{
	const struct kpi_rapport_regel *r = &t->regels[i];
	const struct getoond *g = &t->getoond[i * KOL_AANTAL];
	int64_t pop = i ? d->gemeenten[i - 1].jeugdigen_0_17 : regio_populatie(d);
	struct getoond deel;
	int rc = 0;

	rc |= export_rij(e);
	rc |= export_tekst(e, i ? r->code : "");
	rc |= export_tekst(e, i ? r->naam : "Regio totaal");
	rc |= export_aantal(e, true, pop, "");
	rc |= x_getoond(e, &g[KOL_JEUGDHULP], 0);
	if (g[KOL_JEUGDHULP].zichtbaar && g[KOL_JEUGDHULP].waarde > 0 && pop > 0)
		rc |= export_aantal(e, true, llround((double)pop / g[KOL_JEUGDHULP].waarde), "");
	else
		rc |= export_tekst(e, "x");
	rc |= x_getoond(e, &g[KOL_WACHTEND], 0);
	toon_deel_cellen(&g[KOL_WACHTEND_NORM], &g[KOL_WACHTEND], &deel);
	rc |= x_procent(e, &deel);
	rc |= x_getoond(e, &g[KOL_ZORGELIJK], 0);
	rc |= x_getoond(e, &g[KOL_THUISZITTERS], 0);
	toon_deel_cellen(&g[KOL_VERBLIJF], &g[KOL_REGIONAAL], &deel);
	rc |= x_procent(e, &deel);
	if (r->budget.norm > 0)
		rc |= export_getal(e, true, 100.0 * (t->exact[i] ? r->budget.aandeel
						  : (double)publicatie_geld(r->budget.verwacht, false) /
							    (double)r->budget.norm),
				   1, "");
	else
		rc |= export_tekst(e, "–");
	return rc;
}

static enum web_uitslag x_gemeenten_zend(struct web_verzoek *v, enum export_formaat formaat,
					 const char *tabel, dag_t peildatum, const struct tabel *t,
					 const struct kpi_data *d)
{
	static const char *const kop[] = {
		"CBS-code", "Gemeente", "Jeugdigen 0-17 (aantal)",
		"Met jeugdhulp dit jaar (aantal)", "1 op N", "Wachtend (aantal)",
		"Wachtend langer dan de Treeknorm (%)", "Zorgelijk wachtend (aantal)",
		"Thuiszitters langer dan 3 maanden (aantal)", "Verblijf (%)",
		"Budget verwacht (%)",
	};
	char naam[96];
	struct export *e;
	int rc = 0;

	if (*tabel && strcmp(tabel, "gemeenten") != 0)
		return x_onbekende_tabel(v, "gemeenten");
	e = export_nieuw(formaat, "Gemeenten");
	if (!e)
		return WEB_FATAAL;
	for (size_t k = 0; k < sizeof kop / sizeof kop[0]; k++)
		rc |= export_kop(e, kop[k]);
	for (size_t i = 1; i < t->n && rc == 0; i++)
		rc |= x_gemeenten_rij(e, t, i, d);
	x_gemeenten_rij(e, t, 0, d);
	x_naam(naam, sizeof naam, "regio", "gemeenten", peildatum);
	return export_zend(v, e, naam);
}

/* ==== GET / ==================================================================== */

static enum web_uitslag pagina_overzicht(struct web_verzoek *v)
{
	char peil[16] = "", d[16], fmt[8] = "", tabel[16] = "";
	struct formulier_veld velden[] = {
		{ "peildatum", peil, sizeof peil, false },
		{ "formaat", fmt, sizeof fmt, false },
		{ "tabel", tabel, sizeof tabel, false },
	};
	enum export_formaat formaat;
	enum web_uitslag u = WEB_FATAAL;
	struct keuze k = { .segment = -1 };
	struct cijfers_trend *t = NULL;
	const struct cijfers_trend *trends[1];
	const char *namen[1] = { "Regio" };
	bool exact[1];
	struct doel_duidingen dd;
	struct web_buf b;
	FILE *f;

	if (query_lees(v, velden, 3, &u) < 0 || export_formaat_lees(v, fmt, &formaat, &u) < 0)
		return u;
	k.stand = stand_pak(v, &u);
	if (!k.stand)
		return u;
	if (lees_peildatum(v, peil, &k, &u) < 0)
		goto uit;
	t = malloc(sizeof *t);
	if (!t || cijfers_trend(k.stand, NULL, k.peildatum, t) < 0) {
		u = geheugen_op(v);
		goto uit;
	}
	trends[0] = t;
	exact[0] = is_exact(v->wie, &k);
	doel_duidingen_vul(&dd, v, NULL, k.peildatum);
	if (formaat != EXPORT_GEEN) {
		u = x_doelen_zend(v, formaat, tabel, "regio", k.peildatum, trends, namen, exact, 1,
				  NULL, &dd);
		goto uit;
	}
	if (web_buf_open(&b) < 0) {
		u = WEB_FATAAL;
		goto uit;
	}
	f = b.f;
	pagina_html_begin(f, "Jeugdhulp in de regio: de doelen voor 2030", v->wie, "overzicht");
	fmt_datum_nl(d, k.peildatum);
	fprintf(f, "<p class=\"inleiding\">De kernindicatoren van de regio tegen de doelen van de "
		"regionale visie voor 2030, op peildatum <strong>%s</strong>. Per doel: het cijfer "
		"nu, het doel, of we op koers liggen en het verloop. Onder elke grafiek staat een "
		"tabel met dezelfde cijfers. Per gemeente: <a href=\"/gemeenten\">Gemeenten</a>. "
		"Het pad naar 2030 per gemeente: <a href=\"/doelen\">Doelen 2030</a>.</p>\n",
		d);
	peildatum_formulier(f, "/", k.peildatum);
	if (!exact[0])
		melding_onderdrukt(f);
	fputs("<p>Alle doelen in één tabel (cijfer nu, doel, status).</p>\n", f);
	export_links(f, "/", "doelen", k.peildatum);
	fputs("<div class=\"doelen\">\n", f);
	for (int g = 0; g < DOEL_AANTAL; g++)
		if (doel_artikel(f, (enum doel_id)g, trends, namen, exact, 1, "regio", &dd, "/") < 0)
			break;
	fputs("</div>\n<p class=\"toelichting\">Status: bij \"1 op N\" vergelijken we met een "
	      "rechte lijn van 1 op 6 in 2025 naar 1 op 12 in 2030; bij de andere doelen met "
	      "hetzelfde cijfer een jaar eerder (verschil kleiner dan 0,5 of 2 % heet gelijk). "
	      "Zorgelijk wachtend, thuiszitters en 18-/18+ zijn aantallen; de rest zijn "
	      "percentages. De cijfers als JSON: <a href=\"/api/v1/indicatoren\">/api/v1/"
	      "indicatoren</a> en <a href=\"/api/v1/indicatoren/trend\">/api/v1/indicatoren/"
	      "trend</a>.</p>\n", f);
	grafiek_scripts(f);
	pagina_html_einde(f);
	u = pagina_html_klaar(v, &b);
uit:
	free(t);
	cijfers_laat(k.stand);
	return u;
}

/* ==== GET /gemeenten ============================================================ */

static void td(FILE *f, const char *tekst)
{
	fputs("<td class=\"getal\">", f);
	html_txt(f, tekst);
	fputs("</td>", f);
}

static void td_getoond(FILE *f, const struct getoond *g)
{
	td(f, g->weergave);
}

static void tabel_html_rij(FILE *f, const struct tabel *t, size_t i, const struct kpi_data *d)
{
	const struct kpi_rapport_regel *r = &t->regels[i];
	const struct getoond *g = &t->getoond[i * KOL_AANTAL];
	int64_t pop = i ? d->gemeenten[i - 1].jeugdigen_0_17 : regio_populatie(d);
	char buf[GRAFIEK_GETAL_LEN], pct[GRAFIEK_GETAL_LEN];
	struct getoond deel;

	fputs("<tr><th scope=\"row\">", f);
	if (i) {
		fputs("<a href=\"/gemeenten/", f);
		html_attr(f, r->code);
		fputs("\">", f);
		html_txt(f, r->naam);
		fputs("</a>", f);
	} else {
		fputs("Regio totaal", f);
	}
	fputs("</th>", f);
	td(f, grafiek_nl_int(buf, pop));
	td_getoond(f, &g[KOL_JEUGDHULP]);
	if (g[KOL_JEUGDHULP].zichtbaar && g[KOL_JEUGDHULP].waarde > 0 && pop > 0) {
		snprintf(pct, sizeof pct, "1 op %lld",
			 (long long)llround((double)pop / g[KOL_JEUGDHULP].waarde));
		td(f, pct);
	} else {
		td(f, "x");
	}
	td_getoond(f, &g[KOL_WACHTEND]);
	toon_deel_cellen(&g[KOL_WACHTEND_NORM], &g[KOL_WACHTEND], &deel);
	td_getoond(f, &deel);
	td_getoond(f, &g[KOL_ZORGELIJK]);
	td_getoond(f, &g[KOL_THUISZITTERS]);
	toon_deel_cellen(&g[KOL_VERBLIJF], &g[KOL_REGIONAAL], &deel);
	td_getoond(f, &deel);
	if (r->budget.norm > 0) {
		double a = t->exact[i] ? r->budget.aandeel
				       : (double)publicatie_geld(r->budget.verwacht, false) /
						 (double)r->budget.norm;

		snprintf(pct, sizeof pct, "%s %%", grafiek_nl(buf, 100.0 * a, 1));
		td(f, pct);
	} else {
		td(f, "–");
	}
	fputs("</tr>\n", f);
}

static enum web_uitslag pagina_gemeenten_lijst(struct web_verzoek *v)
{
	char d[16];
	enum web_uitslag u = WEB_FATAAL;
	struct keuze k = { .segment = -1 };
	struct tabel t;
	struct web_buf b;
	bool iets_onderdrukt;
	enum export_formaat formaat;
	char tabel[16] = "";
	FILE *f;

	if (gemeenten_begin(v, &k, &t, &b, &iets_onderdrukt, &u, &formaat, tabel) < 0)
		goto uit;
	if (formaat != EXPORT_GEEN) {
		fclose(b.f);
		free(b.data);
		u = x_gemeenten_zend(v, formaat, tabel, k.peildatum, &t, cijfers_data(k.stand));
		tabel_vrij(&t);
		goto uit;
	}
	f = b.f;
	pagina_html_begin(f, "Gemeenten", v->wie, "gemeenten");
	fmt_datum_nl(d, k.peildatum);
	fprintf(f, "<p>De kernindicatoren per gemeente op peildatum <strong>%s</strong>. Kies een "
		"gemeente voor haar doelen, het verloop en het budget.</p>\n", d);
	peildatum_formulier(f, "/gemeenten", k.peildatum);
	if (iets_onderdrukt)
		melding_onderdrukt(f);
	fputs("<div class=\"tabel-rol\">\n<table class=\"cijfers\">\n<caption>Kernindicatoren per "
	      "gemeente</caption>\n<thead><tr><th scope=\"col\">Gemeente</th>"
	      "<th scope=\"col\">Jeugdigen 0-17</th><th scope=\"col\">Met jeugdhulp dit jaar</th>"
	      "<th scope=\"col\">1 op N</th><th scope=\"col\">Wachtend</th>"
	      "<th scope=\"col\">Wachtend &gt; norm</th><th scope=\"col\">Zorgelijk wachtend</th>"
	      "<th scope=\"col\">Thuiszitters &gt; 3 mnd</th><th scope=\"col\">Verblijf</th>"
	      "<th scope=\"col\">Budget verwacht</th></tr></thead>\n<tbody>\n", f);
	for (size_t i = 1; i < t.n; i++)
		tabel_html_rij(f, &t, i, cijfers_data(k.stand));
	fputs("</tbody>\n<tfoot>\n", f);
	tabel_html_rij(f, &t, 0, cijfers_data(k.stand));
	fputs("</tfoot>\n</table>\n</div>\n", f);
	export_links(f, "/gemeenten", "gemeenten", k.peildatum);
	fputs("<p class=\"toelichting\">Met jeugdhulp: jeugdigen van "
	      "0-17 jaar met jeugdhulp in het kalenderjaar (lokale teams meegeteld), naar "
	      "woonplaats. Wachtend: trajecten die op de peildatum op de start wachten; &gt; norm: "
	      "deel dat al langer wacht dan de Treeknorm. Verblijf: deel van de jeugdigen met "
	      "regionale jeugdhulp dit jaar met verblijf (categorie 43/44). Budget verwacht: "
	      "goedgekeurd plus prognose tot en met december, als deel van het budget. De regio "
	      "telt ook jeugdigen zonder geregistreerde woonplaats mee.</p>\n", f);
	pagina_html_einde(f);
	tabel_vrij(&t);
	u = pagina_html_klaar(v, &b);
uit:
	cijfers_laat(k.stand);
	return u;
}

/* ==== GET /gemeenten/{code} ====================================================== */

static void budget_tabel(FILE *f, const struct kpi_rapport_regel *r, int jaar, bool exact,
			 const char *id, const char *pad, dag_t peildatum)
{
	char a[GRAFIEK_GETAL_LEN], b[GRAFIEK_GETAL_LEN], c[GRAFIEK_GETAL_LEN], pct[GRAFIEK_GETAL_LEN];
	double w[SEGMENT_AANTAL];
	const char *labels[SEGMENT_AANTAL];
	char lab[SEGMENT_AANTAL][12];
	struct grafiek_reeks reeks = { "Verwacht als deel van het budget", w };
	struct grafiek gr = { 0 };
	char titel[96];

	fprintf(f, "<section class=\"budget\">\n<h2>Budget %d per segment</h2>\n", jaar);
	if (!exact)
		fputs("<p class=\"melding\">Bedragen zijn afgerond op € 1.000; bij een segment met "
		      "minder dan 10 actieve trajecten tonen we geen bedragen.</p>\n", f);
	fprintf(f, "<div class=\"tabel-rol\">\n<table class=\"cijfers\">\n<caption>Budget %d: "
		"verwacht (goedgekeurd plus prognose) tegen het budget</caption>\n<thead><tr>"
		"<th scope=\"col\">Segment</th><th scope=\"col\">Verwacht</th>"
		"<th scope=\"col\">Budget</th><th scope=\"col\">Uitputting</th>"
		"<th scope=\"col\">Actieve trajecten</th></tr></thead>\n<tbody>\n", jaar);
	for (int s = 0; s < SEGMENT_AANTAL; s++) {
		const struct kpi_uitputting *x = &r->budget_segment[s];
		bool tonen = segment_tonen(x, exact);
		struct getoond act;

		snprintf(lab[s], sizeof lab[s], "%d", s);
		labels[s] = lab[s];
		w[s] = NAN;
		toon_aantal(x->actief, exact, &act);
		fprintf(f, "<tr><th scope=\"row\">%d %s</th>", s, segment_naam[s]);
		if (tonen) {
			int64_t verwacht = publicatie_geld(x->verwacht, exact);
			double aandeel = x->norm > 0 ? (double)verwacht / (double)x->norm : NAN;

			if (exact)
				aandeel = x->norm > 0 ? x->aandeel : NAN;
			td(f, grafiek_euro(a, verwacht));
			td(f, grafiek_euro(b, x->norm));
			if (isfinite(aandeel)) {
				snprintf(pct, sizeof pct, "%s %%", grafiek_nl(c, 100.0 * aandeel, 1));
				w[s] = 100.0 * aandeel;
			} else {
				snprintf(pct, sizeof pct, "–");
			}
			td(f, pct);
		} else {
			td(f, "x");
			td(f, grafiek_euro(b, x->norm));
			td(f, "x");
		}
		td_getoond(f, &act);
		fputs("</tr>\n", f);
	}
	fputs("</tbody>\n</table>\n</div>\n", f);
	snprintf(titel, sizeof titel, "Budgetuitputting %d per segment (%%)", jaar);
	gr.soort = GRAFIEK_STAAF;
	gr.id = id;
	gr.titel = titel;
	gr.omschrijving = "Verwachte uitgaven (goedgekeurd plus prognose tot en met december) als "
			  "percentage van het budget, per segment 0 (lokaal team) tot en met 7; "
			  "100 % is het hele budget.";
	gr.eenheid = " %";
	gr.decimalen = 1;
	gr.n_punten = SEGMENT_AANTAL;
	gr.labels = labels;
	gr.n_reeksen = 1;
	gr.reeksen = &reeks;
	gr.met_doel = true;
	gr.doel = 100.0;
	gr.doel_naam = "Budget (100 %)";
	grafiek_figuur(f, &gr);
	export_links(f, pad, "budget", peildatum);
	fputs("</section>\n", f);
}

static enum web_uitslag pagina_gemeente(struct web_verzoek *v)
{
	char peil[16] = "", d[16], titel[128], fmt[8] = "", tabel[16] = "", pad[32];
	struct formulier_veld velden[] = {
		{ "peildatum", peil, sizeof peil, false },
		{ "formaat", fmt, sizeof fmt, false },
		{ "tabel", tabel, sizeof tabel, false },
	};
	enum export_formaat formaat;
	enum web_uitslag u = WEB_FATAAL;
	struct keuze k = { .segment = -1 }, regio = { .segment = -1 };
	struct cijfers_trend *t = NULL;
	struct kpi_rapport_regel *r = NULL;
	const struct cijfers_trend *trends[2];
	const char *namen[2];
	bool exact[2];
	struct doel_duidingen dd;
	struct web_buf b;
	FILE *f;

	if (query_lees(v, velden, 3, &u) < 0 || export_formaat_lees(v, fmt, &formaat, &u) < 0)
		return u;
	k.stand = stand_pak(v, &u);
	if (!k.stand)
		return u;
	k.gemeente = cijfers_gemeente(k.stand, v->param[0]);
	if (!k.gemeente) {
		u = pagina_fout(v, MHD_HTTP_NOT_FOUND, "niet_gevonden", NULL,
				"Deze gemeente hoort niet bij de regio; zie de lijst van gemeenten.");
		goto uit;
	}
	if (lees_peildatum(v, peil, &k, &u) < 0)
		goto uit;
	regio.stand = k.stand;
	regio.peildatum = k.peildatum;
	t = calloc(2, sizeof *t);
	r = malloc(sizeof *r);
	if (!t || !r || cijfers_trend(k.stand, k.gemeente->code, k.peildatum, &t[0]) < 0 ||
	    cijfers_trend(k.stand, NULL, k.peildatum, &t[1]) < 0 ||
	    cijfers_regel(k.stand, k.gemeente->code, k.peildatum, r) < 0) {
		u = geheugen_op(v);
		goto uit;
	}
	trends[0] = &t[0];
	trends[1] = &t[1];
	namen[0] = k.gemeente->naam;
	namen[1] = "Regio";
	exact[0] = is_exact(v->wie, &k);
	exact[1] = is_exact(v->wie, &regio);
	snprintf(pad, sizeof pad, "/gemeenten/%s", k.gemeente->code);
	doel_duidingen_vul(&dd, v, k.gemeente->code, k.peildatum);
	if (formaat != EXPORT_GEEN) {
		char wat[16];

		snprintf(wat, sizeof wat, "gemeente-%s", k.gemeente->code);
		u = x_doelen_zend(v, formaat, tabel, wat, k.peildatum, trends, namen, exact, 2, r,
				  &dd);
		goto uit;
	}
	if (web_buf_open(&b) < 0) {
		u = WEB_FATAAL;
		goto uit;
	}
	f = b.f;
	snprintf(titel, sizeof titel, "Gemeente %s", k.gemeente->naam);
	pagina_html_begin(f, titel, v->wie, "gemeenten");
	fmt_datum_nl(d, k.peildatum);
	fputs("<p class=\"inleiding\">", f);
	html_txt(f, k.gemeente->naam);
	fputs(" (", f);
	html_txt(f, k.gemeente->subregio);
	fprintf(f, ", CBS-code %s) tegen de regio en de doelen voor 2030, op peildatum "
		"<strong>%s</strong>. <a href=\"/gemeenten\">Alle gemeenten</a></p>\n",
		k.gemeente->code, d);
	fputs("<form class=\"peildatum\" method=\"get\" action=\"/gemeenten/", f);
	html_attr(f, k.gemeente->code);
	fputs("\"><label for=\"peildatum\">Peildatum</label> <input type=\"date\" id=\"peildatum\" "
	      "name=\"peildatum\" value=\"", f);
	{
		char iso[11];

		fputs(datum_fmt(k.peildatum, iso), f);
	}
	fputs("\"> <button type=\"submit\">Toon</button></form>\n", f);
	if (!exact[0] || !exact[1])
		melding_onderdrukt(f);
	fputs("<p>Alle doelen in één tabel (cijfer nu, doel, status).</p>\n", f);
	export_links(f, pad, "doelen", k.peildatum);
	raad_web_link(f, k.gemeente->code, k.peildatum);
	fputs("<div class=\"doelen\">\n", f);
	for (int g = 0; g < DOEL_AANTAL; g++)
		if (doel_artikel(f, (enum doel_id)g, trends, namen, exact, 2, "gemeente", &dd,
				 pad) < 0)
			break;
	fputs("</div>\n", f);
	{
		struct kpi_rapport_perioden p;

		kpi_rapport_perioden(k.peildatum, &p);
		budget_tabel(f, r, p.jaar, exact[0], "gemeente-budget", pad, k.peildatum);
	}
	grafiek_scripts(f);
	pagina_html_einde(f);
	u = pagina_html_klaar(v, &b);
uit:
	free(t);
	free(r);
	cijfers_laat(k.stand);
	return u;
}

/* ==== GET /aanbieders/{agb}/cijfers ================================================ */

static void rij_tekst(FILE *f, const char *kop, const char *waarde)
{
	fputs("<tr><th scope=\"row\">", f);
	html_txt(f, kop);
	fputs("</th>", f);
	td(f, waarde);
	fputs("</tr>\n", f);
}

/* One row of the provider's tables: the figure as shown, with its kind
 * for the downloads. */
enum a_soort {
	A_AANTAL,     /* g: a count */
	A_PROCENT,    /* g: a share (fraction) */
	A_DAGEN,      /* g: days */
	A_DATUM,      /* dag (DAG_GEEN: "geen") */
	A_GETAL,      /* getal as reported */
	A_EURO,       /* getal in eurocents; zichtbaar in g */
	A_TEKST,      /* g.weergave */
};

struct a_rij {
	char kop[96];
	const char *eenheid;   /* for the download's label */
	enum a_soort soort;
	struct getoond g;
	int64_t getal;
	dag_t dag;
};

/* 10 in wachten, at most 4 capacity and 3 ceiling rows. */
#define A_RIJEN 17

/* The two tables of the provider page: wachten (rijen[0..*n_wachten))
 * and capaciteit (the rest, up to *n). */
static void aanbieder_rijen(const struct cijfers_filterregel *r,
			    const struct cijfers_capaciteit *cap, int jaar, bool exact,
			    struct a_rij rijen[A_RIJEN], size_t *n_wachten, size_t *n)
{
	size_t i = 0;

#define RIJ(k, e, s) (memset(&rijen[i], 0, sizeof rijen[i]), \
		      snprintf(rijen[i].kop, sizeof rijen[i].kop, "%s", (k)), \
		      rijen[i].eenheid = (e), rijen[i].soort = (s), &rijen[i++])
	toon_aantal(r->wachttijd.wachtend.n, exact, &RIJ("Wachtend op de peildatum", "aantal", A_AANTAL)->g);
	toon_deel(r->wachttijd.wachtend_boven_norm, r->wachttijd.wachtend.n, exact,
		  &RIJ("Wachtend langer dan de Treeknorm", "%", A_PROCENT)->g);
	toon_aantal(r->zorgelijk.aantal, exact, &RIJ("Zorgelijk wachtend", "aantal", A_AANTAL)->g);
	toon_dagen(&r->wachttijd.totaal, exact,
		   &RIJ("Mediane wachttijd aanmelding tot start (12 maanden)", "dagen", A_DAGEN)->g);
	toon_deel(r->wachttijd.boven_norm, r->wachttijd.totaal.n, exact,
		  &RIJ("Wachttijden boven de Treeknorm (12 maanden)", "%", A_PROCENT)->g);
	toon_dagen(&r->doorlooptijd, exact,
		   &RIJ("Mediane doorlooptijd (beëindigd in 12 maanden)", "dagen", A_DAGEN)->g);
	toon_aantal(r->uitval.totaal, exact,
		    &RIJ("Beëindigde trajecten (12 maanden)", "aantal", A_AANTAL)->g);
	toon_deel(r->uitval.aantal, r->uitval.totaal, exact,
		  &RIJ("Uitval (reden 32 of 33)", "%", A_PROCENT)->g);
	toon_deel(r->herhaald12.aantal, r->herhaald12.totaal, exact,
		  &RIJ("Herhaald beroep binnen 12 maanden", "%", A_PROCENT)->g);
	toon_deel(r->collectief.aantal, r->collectief.totaal, exact,
		  &RIJ("Collectief (groepszorg) van de actieve trajecten", "%", A_PROCENT)->g);
	*n_wachten = i;
	/* Capacity: the provider's own report, not counts of youth: shown as
	 * reported. */
	RIJ("Laatste capaciteitsmelding", "datum", A_DATUM)->dag = cap->peildatum;
	if (cap->peildatum != DAG_GEEN) {
		RIJ("Vrije plaatsen", "aantal", A_GETAL)->getal = cap->vrije_plaatsen;
		RIJ("Gereserveerd voor crisis", "aantal", A_GETAL)->getal = cap->crisis_gereserveerd;
		RIJ("Producten in de melding", "aantal", A_GETAL)->getal = (int64_t)cap->producten;
	}
	*n = i;
	if (!r->met_plafond)
		return;
	{
		const struct kpi_uitputting *x = &r->plafond;
		struct a_rij *q;
		char kop[96];

		snprintf(kop, sizeof kop, "Omzetplafond %d", jaar);
		if (x->norm > 0) {
			q = RIJ(kop, "euro", A_EURO);
			q->getal = x->norm;
			q->g.zichtbaar = true;
		} else {
			q = RIJ(kop, "", A_TEKST);
			snprintf(q->g.weergave, sizeof q->g.weergave, "geen plafond");
		}
		q = RIJ("Verwacht (goedgekeurd plus prognose)", "euro", A_EURO);
		q->getal = publicatie_geld(x->verwacht, exact);
		q->g.zichtbaar = true;
		if (x->norm > 0) {
			q = RIJ("Uitputting van het plafond", "%", A_PROCENT);
			q->g.zichtbaar = true;
			q->g.waarde = exact ? x->aandeel : (double)publicatie_geld(x->verwacht, false) /
								  (double)x->norm;
		}
	}
#undef RIJ
	*n = i;
}

static const char *a_weergave(const struct a_rij *q, char buf[GRAFIEK_GETAL_LEN + 8])
{
	char x[GRAFIEK_GETAL_LEN];

	switch (q->soort) {
	case A_AANTAL:
	case A_DAGEN:
	case A_TEKST:
		return q->g.weergave;
	case A_PROCENT:
		if (!q->g.zichtbaar)
			return q->g.weergave;
		snprintf(buf, GRAFIEK_GETAL_LEN + 8, "%s %%", grafiek_nl(x, 100.0 * q->g.waarde, 1));
		return buf;
	case A_DATUM:
		if (q->dag == DAG_GEEN)
			return "geen";
		fmt_datum_nl(buf, q->dag);
		return buf;
	case A_GETAL:
		return grafiek_nl_int(buf, q->getal);
	case A_EURO:
		return grafiek_euro(buf, q->getal);
	}
	return "";
}

static int a_export(struct export *e, const struct a_rij *q)
{
	char kop[128];
	int rc = 0;

	rc |= export_rij(e);
	if (*q->eenheid)
		snprintf(kop, sizeof kop, "%s (%s)", q->kop, q->eenheid);
	else
		snprintf(kop, sizeof kop, "%s", q->kop);
	rc |= export_tekst(e, kop);
	switch (q->soort) {
	case A_AANTAL:
		return rc | x_getoond(e, &q->g, 0);
	case A_DAGEN:
		return rc | x_getoond(e, &q->g, 0);
	case A_PROCENT:
		return rc | x_procent(e, &q->g);
	case A_DATUM:
		return rc | (q->dag == DAG_GEEN ? export_tekst(e, "geen") : export_datum(e, q->dag));
	case A_GETAL:
		return rc | export_aantal(e, true, q->getal, "");
	case A_EURO:
		return rc | export_euro(e, true, q->getal, "");
	case A_TEKST:
		return rc | export_tekst(e, q->g.weergave);
	}
	return -1;
}

static void a_tabel(FILE *f, const char *caption, const struct a_rij *rijen, size_t n)
{
	char buf[GRAFIEK_GETAL_LEN + 8];

	fputs("<div class=\"tabel-rol\">\n<table class=\"cijfers\">\n<caption>", f);
	html_txt(f, caption);
	fputs("</caption>\n<thead><tr><th scope=\"col\">Indicator</th>"
	      "<th scope=\"col\">Waarde</th></tr></thead>\n<tbody>\n", f);
	for (size_t i = 0; i < n; i++)
		rij_tekst(f, rijen[i].kop, a_weergave(&rijen[i], buf));
	fputs("</tbody>\n</table>\n</div>\n", f);
}

static enum web_uitslag pagina_aanbieder(struct web_verzoek *v)
{
	char peil[16] = "", d[16], titel[160], fmt[8] = "", tabel[16] = "", pad[40];
	struct formulier_veld velden[] = {
		{ "peildatum", peil, sizeof peil, false },
		{ "formaat", fmt, sizeof fmt, false },
		{ "tabel", tabel, sizeof tabel, false },
	};
	enum web_uitslag u = WEB_FATAAL;
	enum export_formaat formaat;
	struct keuze k = { .segment = -1 };
	struct cijfers_filterregel *r = NULL;
	struct cijfers_capaciteit cap;
	struct kpi_rapport_perioden p;
	struct a_rij rijen[A_RIJEN];
	size_t n_wachten, n;
	struct web_buf b;
	bool exact;
	FILE *f;

	if (query_lees(v, velden, 3, &u) < 0 || export_formaat_lees(v, fmt, &formaat, &u) < 0)
		return u;
	k.stand = stand_pak(v, &u);
	if (!k.stand)
		return u;
	k.aanbieder = cijfers_aanbieder(k.stand, v->param[0]);
	if (!k.aanbieder) {
		u = pagina_fout(v, MHD_HTTP_NOT_FOUND, "niet_gevonden", NULL,
				"Deze aanbieder is niet bekend in de regio.");
		goto uit;
	}
	if (lees_peildatum(v, peil, &k, &u) < 0)
		goto uit;
	r = malloc(sizeof *r);
	if (!r || cijfers_filter(k.stand, NULL, -1, k.aanbieder->agb, k.peildatum, r) < 0) {
		u = geheugen_op(v);
		goto uit;
	}
	exact = is_exact(v->wie, &k);
	kpi_rapport_perioden(k.peildatum, &p);
	cijfers_capaciteit(k.stand, k.aanbieder->agb, k.peildatum, &cap);
	aanbieder_rijen(r, &cap, p.jaar, exact, rijen, &n_wachten, &n);
	snprintf(pad, sizeof pad, "/aanbieders/%s/cijfers", k.aanbieder->agb);
	if (formaat != EXPORT_GEEN) {
		bool wachten = !*tabel || strcmp(tabel, "wachten") == 0;
		char naam[96], wat[24];
		struct export *e;

		if (!wachten && strcmp(tabel, "capaciteit") != 0) {
			u = x_onbekende_tabel(v, "wachten, capaciteit");
			goto uit;
		}
		e = export_nieuw(formaat, wachten ? "Wachten" : "Capaciteit");
		if (!e) {
			u = WEB_FATAAL;
			goto uit;
		}
		export_kop(e, "Indicator");
		export_kop(e, "Waarde");
		for (size_t i = wachten ? 0 : n_wachten; i < (wachten ? n_wachten : n); i++)
			a_export(e, &rijen[i]);
		snprintf(wat, sizeof wat, "aanbieder-%s", k.aanbieder->agb);
		x_naam(naam, sizeof naam, wat, wachten ? "wachten" : "capaciteit", k.peildatum);
		u = export_zend(v, e, naam);
		goto uit;
	}
	if (web_buf_open(&b) < 0) {
		u = WEB_FATAAL;
		goto uit;
	}
	f = b.f;
	snprintf(titel, sizeof titel, "Cijfers van %s", k.aanbieder->naam);
	pagina_html_begin(f, titel, v->wie, "aanbieders");
	fmt_datum_nl(d, k.peildatum);
	fprintf(f, "<p class=\"inleiding\">AGB-code %s, peildatum <strong>%s</strong>. "
		"<a href=\"/aanbieders/%s\">Naar de aanbieder</a></p>\n", k.aanbieder->agb, d,
		k.aanbieder->agb);
	if (!exact)
		melding_onderdrukt(f);
	a_tabel(f, "Wachten, doorlooptijd en uitval", rijen, n_wachten);
	export_links(f, pad, "wachten", k.peildatum);
	a_tabel(f, "Capaciteit en omzetplafond", rijen + n_wachten, n - n_wachten);
	export_links(f, pad, "capaciteit", k.peildatum);
	fputs("<p class=\"toelichting\">Wachten: trajecten bij deze aanbieder (segment 1-7) die op "
	      "de peildatum op de start wachten; de Treeknorm is 4 weken tot intake en 10 weken tot "
	      "start. Uitval: deel van de beëindigde trajecten dat voortijdig stopte door cliënt "
	      "of aanbieder. Omzetplafond: goedgekeurde declaraties plus een prognose voor de "
	      "actieve trajecten tot en met december.</p>\n", f);
	pagina_html_einde(f);
	u = pagina_html_klaar(v, &b);
uit:
	free(r);
	cijfers_laat(k.stand);
	return u;
}

/* ==== GET /api/v1/indicatoren/trend ================================================ */

static void u_trend(struct uit *o, const struct cijfers_trend *t)
{
	struct json *j = o->j;

	json_key(j, "jaren");
	json_array_begin(j);
	for (size_t i = 0; i < t->n_jaren; i++) {
		json_object_begin(j);
		j_int(j, "jaar", t->jaren[i]);
		u_gebruik(o, "jeugdhulpgebruik_kalenderjaar", &t->gebruik[i]);
		json_object_end(j);
	}
	json_array_end(j);
	json_key(j, "punten");
	json_array_begin(j);
	for (size_t i = 0; i < t->n_punten; i++) {
		const struct cijfers_punt *p = &t->punten[i];
		struct kpi_rapport_perioden per;

		kpi_rapport_perioden(p->peildatum, &per);
		json_object_begin(j);
		veld_json_datum(j, "peildatum", p->peildatum);
		j_periode(j, "laatste_12_maanden", per.m12_van, p->peildatum);
		json_key(j, "wachttijd");
		json_object_begin(j);
		u_wachttijd_velden(o, &p->wachttijd);
		json_object_end(j);
		u_aandeel(o, "zorgelijk_wachtend", &p->zorgelijk);
		u_aantal(o, "thuiszitters_boven_3_maanden", p->thuiszitters);
		u_aandeel(o, "overgang_18_zonder_plan", &p->overgang18);
		u_aandeel(o, "collectief", &p->collectief);
		json_key(j, "verblijf_12_maanden");
		json_object_begin(j);
		u_aantal(o, "jeugdigen", p->verblijf.jeugdigen);
		u_aantal(o, "verblijf", p->verblijf.verblijf);
		u_fractie(o, "verblijf_aandeel", p->verblijf.verblijf, p->verblijf.jeugdigen,
			  p->verblijf.verblijf_aandeel);
		json_object_end(j);
		u_aandeel(o, "uitval", &p->uitval);
		json_object_end(j);
	}
	json_array_end(j);
}

static enum web_uitslag api_trend(struct web_verzoek *v)
{
	char gem[8] = "", peil[16] = "";
	struct formulier_veld velden[] = {
		{ "gemeente", gem, sizeof gem, false },
		{ "peildatum", peil, sizeof peil, false },
	};
	enum web_uitslag u = WEB_FATAAL;
	struct keuze k = { .segment = -1 };
	struct cijfers_trend *t = NULL;
	struct web_buf b;
	struct json j;
	struct uit o;
	bool exact;

	if (query_lees(v, velden, 2, &u) < 0)
		return u;
	k.stand = stand_pak(v, &u);
	if (!k.stand)
		return u;
	if (lees_peildatum(v, peil, &k, &u) < 0 || lees_gemeente(v, gem, &k, &u) < 0)
		goto uit;
	t = malloc(sizeof *t);
	if (!t || cijfers_trend(k.stand, k.gemeente ? k.gemeente->code : NULL, k.peildatum, t) < 0) {
		u = geheugen_op(v);
		goto uit;
	}
	exact = is_exact(v->wie, &k);
	if (web_buf_open(&b) < 0) {
		u = WEB_FATAAL;
		goto uit;
	}
	json_init(&j, b.f, false);
	o.j = &j;
	o.exact = exact;
	json_object_begin(&j);
	u_kop(&j, &k, exact);
	json_key(&j, "gemeente");
	json_string(&j, k.gemeente ? k.gemeente->code : NULL);
	json_key(&j, "naam");
	json_string(&j, k.gemeente ? k.gemeente->naam : "Regio totaal");
	u_trend(&o, t);
	json_object_end(&j);
	u = pagina_json_klaar(v, &b, &j);
uit:
	free(t);
	cijfers_laat(k.stand);
	return u;
}

/* ==== routes ======================================================================= */

const struct route cijfers_routes[] = {
	{ "GET", "/", pagina_overzicht, EIS_PUBLIEK },
	{ "GET", "/gemeenten", pagina_gemeenten_lijst, EIS_PUBLIEK },
	{ "GET", "/gemeenten/{code}", pagina_gemeente, EIS_PUBLIEK },
	{ "GET", "/aanbieders/{agb}/cijfers", pagina_aanbieder, EIS_PUBLIEK },
	{ "GET", "/api/v1/indicatoren", api_indicatoren, EIS_PUBLIEK },
	{ "GET", "/api/v1/indicatoren/gemeenten", api_gemeenten, EIS_PUBLIEK },
	{ "GET", "/api/v1/indicatoren/trend", api_trend, EIS_PUBLIEK },
};
const size_t cijfers_routes_n = sizeof cijfers_routes / sizeof cijfers_routes[0];
