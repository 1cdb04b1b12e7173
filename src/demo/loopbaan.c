/* loopbaan: the careers of synthetic youth, from first need to the last
 * declaration. Each arrival (local-team help or a direct referral) gets a
 * whole career: referrals, waiting, trajectories and follow-ups, drawn from
 * the parameters below. The career is then cut at the demo's end date,
 * everything that ended before the record starts (2021) is dropped, and the
 * rest is written with its monthly declarations.
 *
 * The parameters are calibrated on the region's own figures; docs/demo.md
 * gives the targets and the measured result.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "demo/demo_intern.h"
#include "demo/namen.h"
#include "domain/bsn.h"
#include "ijw/productlijst.h"
#include "store/store.h"

#define MAX_TRAJECTEN 24

/* ---- calibration ----------------------------------------------------------
 * Yearly arrivals per youth aged 0-17: local-team help, and referrals to
 * specialised care that do not pass the local team. */
#define RATE_LOKAAL 0.0550
#define RATE_DIRECT 0.0290
#define GROEI_PER_JAAR 0.01          /* demand grows ~1 % a year */
#define P_ESCALATIE 0.32             /* local team refers on */
#define P_VERVALT 0.04               /* registration withdrawn while waiting */
#define P_GELIJKTIJDIG_AMBULANT 0.85 /* ambulant help beside other care */
#define P_HERHAALD 0.15              /* new referral within a year after a good end */
#define P_HERHAALD_UITVAL 0.30       /* ... within half a year after dropping out */
#define P_AFWIJZING 0.03             /* a declared line rejected */
#define P_CORRECTIE 0.85             /* a rejected line declared again, right */

enum zorgtype {
	ZT_BASIS_GGZ, ZT_SPEC_GGZ, ZT_AMBULANT, ZT_DAG, ZT_ONDERWIJS, ZT_WONEN,
	ZT_VERBLIJF, ZT_CRISIS, ZT_JB, ZT_JR,
};
#define ZT_AANTAL 10

struct zorgtype_param {
	int segment;
	const char *product[4];
	double product_w[4];
	double aandeel;                 /* share of referrals */
	double intake_med, intake_gem;  /* days, aanmelding -> intake */
	double start_med, start_gem;    /* days, intake -> start */
	double duur_med, duur_gem;      /* days, start -> end */
	double intensiteit;             /* hours a month (04) or dagdelen a week (16) */
};

static const struct zorgtype_param zt[ZT_AANTAL] = {
	[ZT_BASIS_GGZ] = { 4, { "51A00", "51A01", "51A02" }, { 0.5, 0.35, 0.15 }, 0.285,
			   10, 14, 20, 27, 150, 190, 0 },
	[ZT_SPEC_GGZ] = { 4, { "52A00" }, { 1 }, 0.225, 20, 29, 38, 54, 240, 330, 10.0 },
	[ZT_AMBULANT] = { 4, { "45A48", "45A49", "45A53", "45A54" }, { 0.55, 0.2, 0.18, 0.07 },
			  0.285, 12, 17, 27, 37, 200, 300, 10.5 },
	[ZT_DAG] = { 3, { "41A05", "41A06", "41A09", "41A17" }, { 0.3, 0.3, 0.2, 0.2 }, 0.040,
		     14, 20, 30, 42, 300, 420, 5.0 },
	[ZT_ONDERWIJS] = { 5, { "41A03", "45A52" }, { 0.5, 0.5 }, 0.025, 14, 20, 28, 40,
			   280, 320, 4.0 },
	[ZT_WONEN] = { 2, { "44A03", "44A04" }, { 0.75, 0.25 }, 0.030, 10, 16, 35, 55,
		       540, 900, 0 },
	[ZT_VERBLIJF] = { 1, { "43A16", "43A18", "43A06" }, { 0.5, 0.4, 0.1 }, 0.025, 12, 18,
			  40, 60, 270, 450, 0 },
	[ZT_CRISIS] = { 6, { "46A03", "46A01" }, { 0.6, 0.4 }, 0.025, 0, 0, 0, 0, 14, 28, 6.0 },
	[ZT_JB] = { 7, { "48A01", "48A03" }, { 0.8, 0.2 }, 0.075, 5, 7, 5, 8, 365, 520, 0 },
	[ZT_JR] = { 7, { "47A01" }, { 1 }, 0.020, 5, 7, 5, 8, 240, 300, 0 },
};

/* COD327 of referrals that do not come through the local team. */
static const char *const verwijzer_code[] = { "01", "02", "03", "04", "05", "06" };
static const double verwijzer_w[] = { 0.12, 0.55, 0.05, 0.08, 0.13, 0.03 };

/* Why a local team refers on, in its own words, per kind of care. Not
 * for ZT_JB and ZT_JR: the court or a GI brings those (verwijzer 08, 04). */
static const char *const verwijsreden[ZT_CRISIS + 1][3] = {
	[ZT_BASIS_GGZ] = { "psychische klachten", "somberheid en angst",
			   "zorgen over het welzijn van de jeugdige" },
	[ZT_SPEC_GGZ] = { "psychische klachten", "ernstige angst- en stemmingsklachten",
			  "vermoeden van een ontwikkelingsstoornis" },
	[ZT_AMBULANT] = { "gedragsproblemen thuis en op school", "opvoedproblemen in het gezin",
			  "zorgen over ontwikkeling" },
	[ZT_DAG] = { "zorgen over ontwikkeling", "ontwikkelingsachterstand",
		     "gedragsproblemen thuis en op school" },
	[ZT_ONDERWIJS] = { "dreigende schooluitval", "gedragsproblemen thuis en op school",
			   "zorgen over ontwikkeling" },
	[ZT_WONEN] = { "veiligheid in het gezin", "thuis wonen is niet meer mogelijk",
		       "ouders kunnen de zorg niet meer aan" },
	[ZT_VERBLIJF] = { "ernstige gedragsproblemen", "psychische klachten",
			  "veiligheid in het gezin" },
	[ZT_CRISIS] = { "acute onveiligheid thuis", "crisis in het gezin",
			"veiligheid in het gezin" },
};

/* JZ588 at the end of specialised care (CALIBRATION.md §6, mapped). */
static const char *const reden_code[] = { "31", "34", "32", "33", "35", "38", "36" };
static const double reden_w[] = { 0.70, 0.12, 0.07, 0.02, 0.06, 0.02, 0.01 };
static const char *const reden_lokaal[] = { "31", "34", "32", "36" };
static const double reden_lokaal_w[] = { 0.75, 0.10, 0.10, 0.05 };

/* Relative chance of needing care by age 0..17 (CBS use rates by age). */
static const double leeftijd_w[18] = { 0.25, 0.3, 0.35, 0.45, 0.7, 0.85, 0.95, 1.0, 1.0,
				       1.0, 1.0, 1.05, 1.1, 1.15, 1.2, 1.2, 1.15, 1.0 };

/* One trajectory under construction, with what declaring it needs. */
struct lt {
	struct traject t;
	struct toewijzing tw;       /* valid when t.toewijzing_nummer != 0 */
	struct verwijzing v;        /* valid when t.verwijzing_id != 0 */
	dag_t eind_volledig;        /* end before the cut (to drop old ones) */
	int prod;                   /* index in g->prod */
	int aanbieder;              /* index in g->aanb (specialised care) */
	int gemeente;               /* index in g->gem of the paying gemeente */
	double intensiteit;
};

struct loop {
	struct jeugdige j;
	int gem[2];                 /* residence before and after a move */
	dag_t verhuis;              /* DAG_GEEN: no move */
	struct lt lt[MAX_TRAJECTEN];
	int n;
	int lokaal_team_gem;
};

static struct rng *R(struct gen *g) { return &g->r_jeugd; }

static int gemeente_op(const struct loop *l, dag_t d)
{
	return (l->verhuis != DAG_GEEN && d >= l->verhuis) ? l->gem[1] : l->gem[0];
}

/* Bounded copy that always terminates (truncating) */
static void kopieer(char *dst, size_t n, const char *src)
{
	size_t k = strnlen(src, n - 1);
	memmove(dst, src, k);
	dst[k] = '\0';
}

static int kies_product(struct gen *g, enum zorgtype z)
{
	size_t n = 0;
	while (n < 4 && zt[z].product[n])
		n++;
	size_t k = rng_choose(R(g), zt[z].product_w, n);
	return gen_product(g, zt[z].product[k]);
}

static dag_t wacht(struct gen *g, double med, double gem)
{
	if (med <= 0)
		return 0;
	return (dag_t)lround(rng_lognormal(R(g), med, gem));
}

/* A specialised care episode starting with a referral on day t. With
 * vast_begin set the care starts that day without a waiting list (the
 * follow-up of a crisis placement). */
static void episode(struct gen *g, struct loop *l, dag_t t, const char *verwijzer,
		    int type, dag_t vast_begin, int diepte)
{
	dag_t achttien = datum_verjaardag(l->j.geboortedatum, 18);
	if (l->n >= MAX_TRAJECTEN || diepte > 5 || t > g->o.tot || t >= achttien)
		return;
	if (type < 0) {
		double w[ZT_AANTAL];
		for (int i = 0; i < ZT_AANTAL; i++)
			w[i] = zt[i].aandeel;
		type = (int)rng_choose(R(g), w, ZT_AANTAL);
	}
	const struct zorgtype_param *p = &zt[type];
	char vw[CODE2_LEN];
	if (type == ZT_JB || type == ZT_JR)
		kopieer(vw, sizeof vw, rng_bernoulli(R(g), 0.5) ? "08" : "04");
	else
		kopieer(vw, sizeof vw, verwijzer);

	struct lt *x = &l->lt[l->n++];
	memset(x, 0, sizeof *x);
	int gi = gemeente_op(l, t);
	x->prod = kies_product(g, (enum zorgtype)type);
	x->intensiteit = p->intensiteit * rng_lognormal(R(g), 1.0, 1.15);
	int a = gen_kies_aanbieder(g, p->segment);
	x->aanbieder = a;
	x->gemeente = gi;

	x->v.id = 1; /* real ids are given when the career is written */
	x->v.datum = t;
	kopieer(x->v.type, sizeof x->v.type, vw);
	kopieer(x->v.gemeente, sizeof x->v.gemeente, g->gem[gi].g.code);
	if (strcmp(vw, "01") == 0) {
		/* The local team of the youth's gemeente referred: it records
		 * why. Other referrers (huisarts, GI, ...) leave both empty. */
		x->v.team_id = g->gem[gi].team_id;
		kopieer(x->v.reden, sizeof x->v.reden, verwijsreden[type][rng_below(&g->r_reden, 3)]);
	}

	struct traject *tr = &x->t;
	tr->verwijzing_id = 1;
	tr->toewijzing_nummer = 1;
	kopieer(tr->verwijzer, sizeof tr->verwijzer, vw);
	kopieer(tr->agb, sizeof tr->agb, g->aanb[a].a.agb);
	kopieer(tr->gemeente, sizeof tr->gemeente, g->gem[gi].g.code);
	tr->segment = p->segment;
	kopieer(tr->categorie, sizeof tr->categorie, g->prod[x->prod].categorie);
	kopieer(tr->productcode, sizeof tr->productcode, g->prod[x->prod].code);
	tr->groep = g->prod[x->prod].groep;

	dag_t toegewezen = t + (type == ZT_CRISIS || vast_begin != DAG_GEEN ? 0 : (dag_t)rng_below(R(g), 6));
	tr->aanmelddatum = toegewezen + (type == ZT_CRISIS || vast_begin != DAG_GEEN ? 0 : (dag_t)rng_below(R(g), 6));
	if (vast_begin != DAG_GEEN) {
		tr->intakedatum = tr->aanmelddatum;
		tr->begindatum = vast_begin;
	} else {
		tr->intakedatum = tr->aanmelddatum + wacht(g, p->intake_med, p->intake_gem);
		tr->begindatum = tr->intakedatum + wacht(g, p->start_med, p->start_gem);
	}
	tr->veiligheidssignaal = rng_bernoulli(R(g), type == ZT_CRISIS ? 0.5 : type == ZT_JB ? 0.3 : 0.04);
	tr->overbrugging = tr->begindatum - tr->aanmelddatum > 42 && rng_bernoulli(R(g), 0.35);

	struct toewijzing *tw = &x->tw;
	tw->nummer = 1;
	kopieer(tw->agb, sizeof tw->agb, tr->agb);
	kopieer(tw->gemeente, sizeof tw->gemeente, tr->gemeente);
	kopieer(tw->categorie, sizeof tw->categorie, tr->categorie);
	kopieer(tw->productcode, sizeof tw->productcode, tr->productcode);
	tw->toewijzingsdatum = toegewezen;
	tw->ingangsdatum = toegewezen;
	kopieer(tw->eenheid, sizeof tw->eenheid, g->prod[x->prod].eenheid);
	const char *e = tw->eenheid;
	if (strcmp(e, "04") == 0) {
		tw->volume = (int64_t)ceil(x->intensiteit * 1.2);
		kopieer(tw->frequentie, sizeof tw->frequentie, "4");
	} else if (strcmp(e, "16") == 0) {
		tw->volume = (int64_t)ceil(x->intensiteit);
		kopieer(tw->frequentie, sizeof tw->frequentie, "2");
	} else if (strcmp(e, "14") == 0) {
		tw->volume = 31;
		kopieer(tw->frequentie, sizeof tw->frequentie, "4");
	} else {
		tw->volume = 1;
		kopieer(tw->frequentie, sizeof tw->frequentie,
			strcmp(tr->categorie, "51") == 0 ? "6" : "4");
	}

	if (vast_begin == DAG_GEEN && rng_bernoulli(R(g), P_VERVALT)) {
		dag_t wachttijd = tr->begindatum - tr->aanmelddatum;
		tr->status = TRAJECT_VERVALLEN;
		tr->einddatum = tr->aanmelddatum + (dag_t)rng_below(R(g), (uint64_t)wachttijd + 1);
		tr->begindatum = DAG_GEEN;
		if (tr->intakedatum > tr->einddatum)
			tr->intakedatum = DAG_GEEN;
		tw->einddatum = tr->einddatum;
		x->eind_volledig = tr->einddatum;
		return;
	}

	dag_t duur = (dag_t)lround(rng_lognormal(R(g), p->duur_med, p->duur_gem));
	tr->einddatum = tr->begindatum + (duur < 1 ? 1 : duur);
	kopieer(tr->reden_beeindiging, sizeof tr->reden_beeindiging,
		reden_code[rng_choose(R(g), reden_w, sizeof reden_w / sizeof reden_w[0])]);
	if (tr->begindatum < achttien && tr->einddatum > achttien && rng_bernoulli(R(g), 0.5)) {
		tr->einddatum = achttien;
		kopieer(tr->reden_beeindiging, sizeof tr->reden_beeindiging, "39");
	}
	tr->status = TRAJECT_BEEINDIGD;
	x->eind_volledig = tr->einddatum;
	/* The toewijzing covers the care as planned: the aanbieder asks for
	 * that period in its JW315 and it ends with the care (or with the
	 * withdrawal of a waiting youth, above). A change afterwards would
	 * take a JW317 and a changed JW301, which no workflow of the region
	 * sends yet; toewijzingen of one product that overlap break TR302. */
	tw->einddatum = tr->einddatum;

	/* Copy what the follow-ups need: l->lt may not move, but x's fields
	 * are read after more episodes are appended. */
	dag_t begin = tr->begindatum, einde = tr->einddatum;
	char reden[CODE2_LEN];
	kopieer(reden, sizeof reden, tr->reden_beeindiging);

	if (type == ZT_CRISIS) {
		if (rng_bernoulli(R(g), 0.7)) {
			static const double w[] = { 0.25, 0.20, 0.35, 0.20 };
			static const int vervolg[] = { ZT_VERBLIJF, ZT_WONEN, ZT_AMBULANT, ZT_SPEC_GGZ };
			episode(g, l, begin, "01", vervolg[rng_choose(R(g), w, 4)], einde, diepte + 1);
		}
		return;
	}
	if (type >= ZT_DAG && rng_bernoulli(R(g), P_GELIJKTIJDIG_AMBULANT))
		episode(g, l, begin + (dag_t)rng_below(R(g), 60), vw,
			rng_bernoulli(R(g), 0.55) ? ZT_AMBULANT : ZT_SPEC_GGZ, DAG_GEEN, diepte + 1);
	bool goed = strcmp(reden, "31") == 0 || strcmp(reden, "34") == 0;
	bool uitval = strcmp(reden, "32") == 0 || strcmp(reden, "33") == 0;
	if (goed && rng_bernoulli(R(g), P_HERHAALD))
		episode(g, l, einde + 1 + (dag_t)rng_below(R(g), 365),
			verwijzer_code[rng_choose(R(g), verwijzer_w, 6)], -1, DAG_GEEN, diepte + 1);
	else if (uitval && rng_bernoulli(R(g), P_HERHAALD_UITVAL))
		episode(g, l, einde + 1 + (dag_t)rng_below(R(g), 182),
			verwijzer_code[rng_choose(R(g), verwijzer_w, 6)], -1, DAG_GEEN, diepte + 1);
}

static void lokaal(struct gen *g, struct loop *l, dag_t t)
{
	struct lt *x = &l->lt[l->n++];
	memset(x, 0, sizeof *x);
	int gi = gemeente_op(l, t);
	bool groep = rng_bernoulli(R(g), 0.15);
	x->prod = gen_product(g, groep ? "31002" : "31001");
	struct traject *tr = &x->t;
	tr->team_id = g->gem[gi].team_id;
	kopieer(tr->gemeente, sizeof tr->gemeente, g->gem[gi].g.code);
	tr->segment = SEGMENT_LOKAAL;
	kopieer(tr->categorie, sizeof tr->categorie, "31");
	kopieer(tr->productcode, sizeof tr->productcode, g->prod[x->prod].code);
	tr->groep = groep;
	tr->aanmelddatum = t;
	tr->intakedatum = DAG_GEEN;
	tr->begindatum = t;
	dag_t duur = (dag_t)lround(rng_lognormal(R(g), 120, 240));
	tr->einddatum = t + (duur < 7 ? 7 : duur);
	tr->status = TRAJECT_BEEINDIGD;
	kopieer(tr->reden_beeindiging, sizeof tr->reden_beeindiging,
		reden_lokaal[rng_choose(R(g), reden_lokaal_w, 4)]);
	x->eind_volledig = tr->einddatum;
	if (rng_bernoulli(R(g), P_ESCALATIE)) {
		dag_t tot = tr->einddatum - t < 180 ? tr->einddatum - t : 180;
		episode(g, l, t + 20 + (dag_t)rng_below(R(g), (uint64_t)(tot > 20 ? tot - 20 : 1)),
			"01", -1, DAG_GEEN, 1);
	}
}

/* Cut the career at the demo's end date: what lies after it has not
 * happened yet. */
static void snij_af(const struct gen *g, struct traject *t)
{
	dag_t tot = g->o.tot;
	if (t->intakedatum != DAG_GEEN && t->intakedatum > tot)
		t->intakedatum = DAG_GEEN;
	bool wacht_nog = (t->status == TRAJECT_VERVALLEN && t->einddatum > tot) ||
			 (t->begindatum != DAG_GEEN && t->begindatum > tot);
	if (wacht_nog) {
		t->begindatum = DAG_GEEN;
		t->einddatum = DAG_GEEN;
		t->reden_beeindiging[0] = '\0';
		t->status = t->intakedatum != DAG_GEEN ? TRAJECT_INTAKE : TRAJECT_AANGEMELD;
	} else if (t->einddatum != DAG_GEEN && t->einddatum > tot) {
		t->einddatum = DAG_GEEN;
		t->reden_beeindiging[0] = '\0';
		t->status = TRAJECT_GESTART;
	}
}

/* ---- BSN: (bsn, geboortedatum) must be unique --------------------------- */

static int bsn_vrij(struct gen *g, uint64_t key)
{
	if (g->bsn_n * 2 >= g->bsn_cap) {
		size_t cap = g->bsn_cap ? g->bsn_cap * 2 : 1u << 16;
		uint64_t *n = calloc(cap, sizeof *n);
		if (!n)
			return -1;
		for (size_t i = 0; i < g->bsn_cap; i++) {
			uint64_t k = g->bsn_set[i];
			if (!k)
				continue;
			size_t h = (size_t)((k * 0x9e3779b97f4a7c15ULL) >> 20) & (cap - 1);
			while (n[h])
				h = (h + 1) & (cap - 1);
			n[h] = k;
		}
		free(g->bsn_set);
		g->bsn_set = n;
		g->bsn_cap = cap;
	}
	size_t h = (size_t)((key * 0x9e3779b97f4a7c15ULL) >> 20) & (g->bsn_cap - 1);
	while (g->bsn_set[h]) {
		if (g->bsn_set[h] == key)
			return 0;
		h = (h + 1) & (g->bsn_cap - 1);
	}
	g->bsn_set[h] = key;
	g->bsn_n++;
	return 1;
}

/* The test range holds only ~9,090 valid BSNs, fewer than the region has
 * youth: BSNs repeat, and (bsn, geboortedatum) identifies a youth. */
static int kies_bsn(struct gen *g, struct jeugdige *j)
{
	size_t idx = (size_t)(((uint64_t)j->id * 7919u) % g->n_bsn);
	for (size_t poging = 0; poging < g->n_bsn; poging++) {
		uint64_t key = ((uint64_t)idx << 32 | (uint32_t)(j->geboortedatum + 1000000)) + 1;
		int rc = bsn_vrij(g, key);
		if (rc < 0) {
			snprintf(g->err, g->errlen, "onvoldoende geheugen");
			return -1;
		}
		if (rc == 1)
			return bsn_test_nummer(idx, j->bsn);
		idx = (idx + 1) % g->n_bsn;
	}
	snprintf(g->err, g->errlen, "geen vrij test-BSN meer voor geboortedatum");
	return -1;
}

/* ---- declarations ---------------------------------------------------------- */

/* Month maand is declared early in the next month, spread over the
 * providers. */
static dag_t dagtekening_van(int a, int gi, dag_t maand)
{
	return datum_plus_maanden(maand, 1) + 4 + (dag_t)((a * 7 + gi) % 14);
}

/* The declaratie of provider a at gemeente gi for month maand: one per
 * month, made when its first line is written. */
static int64_t declaratie(struct gen *g, int a, int gi, dag_t maand)
{
	int j, m, j0, m0;
	datum_delen(maand, &j, &m, NULL);
	datum_delen(g->record_begin, &j0, &m0, NULL);
	int mi = (j - j0) * 12 + (m - m0);
	size_t k = ((size_t)a * (size_t)g->n_gem + (size_t)gi) * (size_t)g->n_maanden + (size_t)mi;
	if (g->decl_id[k])
		return g->decl_id[k];
	struct declaratie d = { .id = ++g->next_declaratie };
	demo_declaratie_nummer(g, gi, maand, d.nummer, sizeof d.nummer);
	kopieer(d.agb, sizeof d.agb, g->aanb[a].a.agb);
	kopieer(d.gemeente, sizeof d.gemeente, g->gem[gi].g.code);
	d.periode_begin = maand;
	d.periode_eind = datum_maand_eind(maand);
	d.dagtekening = dagtekening_van(a, gi, maand);
	if (store_put_declaratie(g->st, &d) < 0)
		return gen_fout(g, "declaratie");
	g->decl_id[k] = d.id;
	return d.id;
}

void demo_declaratie_nummer(const struct gen *g, int gi, dag_t maand, char *uit, size_t n)
{
	int j, m;
	datum_delen(maand, &j, &m, NULL);
	snprintf(uit, n, "%04d%02d%s", j, m, g->gem[gi].g.code);
}

dag_t demo_declaratie_dagtekening(int a, int gi, dag_t maand)
{
	return dagtekening_van(a, gi, maand);
}

static void tel_kosten(struct gen *g, int a, int gi, int segment, dag_t maand, int64_t bedrag)
{
	int j;
	datum_delen(maand, &j, NULL, NULL);
	if (j < DEMO_JAAR0 || j >= DEMO_JAAR0 + DEMO_JAREN)
		return;
	g->kosten[gi][j - DEMO_JAAR0][segment] += bedrag;
	g->omzet[a * DEMO_JAREN + j - DEMO_JAAR0] += bedrag;
}

/* Declared volume of one month in which the trajectory ran `dagen` days. */
static int64_t volume_maand(struct gen *g, const struct lt *x, int dagen, int dagen_maand)
{
	const char *e = g->prod[x->prod].eenheid;
	double f = (double)dagen / dagen_maand;
	struct rng *r = &g->r_decl;
	if (strcmp(e, "14") == 0)
		return dagen;
	if (strcmp(e, "16") == 0)
		return llround(fmax(1.0, x->intensiteit * dagen / 7.0 * (0.85 + 0.15 * rng_uniform(r))));
	if (strcmp(e, "04") == 0)
		return llround(fmax(1.0, x->intensiteit * f * (0.7 + 0.4 * rng_uniform(r))));
	return 1;
}

/* Keep a Prestatie for demo --via-ijw, which declares it in a JW323. */
static int bewaar_via(struct gen *g, const struct prestatie *p, int a, int gi, dag_t decl_maand)
{
	if (g->n_via_prestaties == g->cap_via_prestaties) {
		size_t nc = g->cap_via_prestaties ? 2 * g->cap_via_prestaties : 1024;
		struct via_prestatie *n = realloc(g->via_prestaties, nc * sizeof *n);
		if (!n) {
			snprintf(g->err, g->errlen, "onvoldoende geheugen");
			return -1;
		}
		g->via_prestaties = n;
		g->cap_via_prestaties = nc;
	}
	struct via_prestatie *v = &g->via_prestaties[g->n_via_prestaties++];
	v->p = *p;
	v->aanbieder = a;
	v->gemeente = gi;
	v->maand = decl_maand;
	return 0;
}

/* One Prestatie for the care of month maand in [van, tot]. A rejected
 * line is declared again, right, with the next month's declaratie (a
 * DeclaratiePeriode follows the previous one, TR318; the Prestatie keeps
 * its own ProductPeriode). */
static int prestatie(struct gen *g, const struct lt *x, int a, int gi, dag_t maand,
		     dag_t van, dag_t tot, int64_t volume, int correctie)
{
	int jaar;
	datum_delen(maand, &jaar, NULL, NULL);
	dag_t decl_maand = datum_plus_maanden(maand, correctie);
	dag_t dagtek = dagtekening_van(a, gi, decl_maand);
	int64_t tarief = gen_tarief(g, x->prod, jaar);
	bool af = !correctie && rng_bernoulli(&g->r_decl, P_AFWIJZING);
	const char *retour = "0200";
	if (af)
		retour = rng_bernoulli(&g->r_decl, 0.75) ? "0611" : "S329";
	int64_t bedrag = volume * (af && retour[0] == '0' ? tarief * 105 / 100 : tarief);
	if (dagtek > g->o.tot)
		return 0; /* not declared yet */
	if (!af)
		tel_kosten(g, a, gi, x->t.segment, maand, bedrag);
	if (maand < g->record_begin)
		return 0;

	struct prestatie p = { .id = ++g->next_prestatie };
	int m;
	datum_delen(maand, NULL, &m, NULL);
	snprintf(p.referentie, sizeof p.referentie, "T%lld-%04d%02d%s", (long long)x->t.id, jaar, m,
		 correctie ? "C" : "");
	p.jeugdige_id = x->t.jeugdige_id;
	p.traject_id = x->t.id;
	p.toewijzing_nummer = x->t.toewijzing_nummer;
	kopieer(p.categorie, sizeof p.categorie, x->t.categorie);
	/* 0611 (TR418): a tariff above the contract's; S329 (TR381): a
	 * ProductCode not in the product list. */
	kopieer(p.productcode, sizeof p.productcode,
		af && retour[0] == 'S' ? "45A99" : x->t.productcode);
	p.periode_begin = van;
	p.periode_eind = tot;
	p.volume = volume;
	kopieer(p.eenheid, sizeof p.eenheid, g->prod[x->prod].eenheid);
	p.tarief = bedrag / (volume ? volume : 1);
	p.bedrag = bedrag;
	kopieer(p.retourcode, sizeof p.retourcode, retour);
	p.goedgekeurd = !af;
	if (g->o.via_ijw) {
		if (bewaar_via(g, &p, a, gi, decl_maand) < 0)
			return -1;
	} else {
		p.declaratie_id = declaratie(g, a, gi, decl_maand);
		if (p.declaratie_id < 0)
			return -1;
		if (store_put_prestatie(g->st, &p) < 0)
			return gen_fout(g, "prestatie");
	}
	g->telling.prestaties++;
	if (af && rng_bernoulli(&g->r_decl, P_CORRECTIE))
		return prestatie(g, x, a, gi, maand, van, tot, volume, 1);
	return 0;
}

/* The weeks a per-week toewijzing allows in [van, tot] as the rules count
 * them (IV076, IV077): calendar weeks touched, or for an outputgericht
 * product the Sundays, plus the week of the toewijzing's last Sunday when
 * it ends on another day. */
static int64_t weken_toegestaan(const struct toewijzing *tw, dag_t van, dag_t tot)
{
	const struct ijw_lijstproduct *lp = ijw_productlijst_zoek(tw->productcode);
	if (!lp || !lp->outputgericht)
		return (tot - datum_weekdag(tot) - (van - datum_weekdag(van))) / 7 + 1;
	dag_t zondag = van + (6 - datum_weekdag(van));
	int64_t n = zondag > tot ? 0 : (tot - zondag) / 7 + 1;
	if (datum_weekdag(tw->einddatum) != 6) {
		dag_t laatste = tw->einddatum - datum_weekdag(tw->einddatum) - 1;
		if (laatste >= van && laatste <= tot)
			n++;
	}
	return n;
}

/* Monthly declarations of one trajectory from its start to its end or the
 * demo's end date; basic GGZ is an output product declared once, at the
 * end. A ProductPeriode is the month cut only by the toewijzing (TR387,
 * TR388); the volume is the care of the days the trajectory ran in it.
 * Months before 2021 only count towards the cost tallies. */
static int declareer(struct gen *g, const struct lt *x)
{
	const struct traject *t = &x->t;
	const struct toewijzing *tw = &x->tw;
	if (t->segment == SEGMENT_LOKAAL || t->begindatum == DAG_GEEN)
		return 0;
	int a = x->aanbieder, gi = x->gemeente;
	dag_t eind = t->einddatum != DAG_GEEN ? t->einddatum : g->o.tot;
	if (strcmp(t->categorie, "51") == 0) {
		if (t->einddatum == DAG_GEEN)
			return 0;
		dag_t m = datum_maand_begin(t->einddatum), me = datum_maand_eind(m);
		dag_t van = tw->ingangsdatum > m ? tw->ingangsdatum : m;
		dag_t tot = tw->einddatum < me ? tw->einddatum : me;
		return prestatie(g, x, a, gi, m, van, tot, 1, 0);
	}
	for (dag_t m = datum_maand_begin(t->begindatum); m <= eind; m = datum_plus_maanden(m, 1)) {
		dag_t me = datum_maand_eind(m);
		dag_t zorg_van = t->begindatum > m ? t->begindatum : m;
		dag_t zorg_tot = eind < me ? eind : me;
		dag_t van = tw->ingangsdatum > m ? tw->ingangsdatum : m;
		dag_t tot = tw->einddatum < me ? tw->einddatum : me;
		int64_t vol = volume_maand(g, x, zorg_tot - zorg_van + 1, me - m + 1);
		if (strcmp(tw->frequentie, "2") == 0) {
			int64_t max = weken_toegestaan(tw, van, tot) * tw->volume;
			vol = vol < max ? vol : max;
			if (vol < 1)
				continue; /* counted with the next week's Sunday */
		}
		if (prestatie(g, x, a, gi, m, van, tot, vol, 0) < 0)
			return -1;
	}
	return 0;
}

/* ---- writing a career ------------------------------------------------------ */

static bool stapelt(const struct lt *a, const struct lt *b)
{
	return a->t.toewijzing_nummer && b->t.toewijzing_nummer &&
	       strcmp(a->tw.agb, b->tw.agb) == 0 &&
	       strcmp(a->tw.productcode, b->tw.productcode) == 0 &&
	       a->tw.ingangsdatum <= b->tw.einddatum && b->tw.ingangsdatum <= a->tw.einddatum;
}

/* Two toewijzingen of one product to one aanbieder may not overlap
 * (TR302): a second episode of the same care that overlaps the first goes
 * to the next aanbieder of the segment that has none, or is dropped when
 * no aanbieder is free. No draws: the rest of the history stays as it
 * was. */
static void herverdeel(struct gen *g, struct loop *l)
{
	int n = 0;
	for (int i = 0; i < l->n; i++) {
		struct lt *x = &l->lt[i];
		int s = x->t.segment, k = 0;
		for (int poging = 0; s > 0 && poging <= g->seg_n[s]; poging++) {
			bool vrij = true;
			for (int j = 0; j < n && vrij; j++)
				vrij = !stapelt(&l->lt[j], x);
			if (vrij)
				break;
			while (k < g->seg_n[s] && g->seg_aanb[s][k] != x->aanbieder)
				k++;
			k = k < g->seg_n[s] ? (k + 1) % g->seg_n[s] : 0;
			x->aanbieder = g->seg_aanb[s][k];
			kopieer(x->t.agb, sizeof x->t.agb, g->aanb[x->aanbieder].a.agb);
			kopieer(x->tw.agb, sizeof x->tw.agb, x->t.agb);
			if (poging == g->seg_n[s])
				x->t.toewijzing_nummer = -1;
		}
		if (x->t.toewijzing_nummer >= 0)
			l->lt[n++] = *x;
	}
	l->n = n;
}

/* demo --via-ijw: the toewijzing, the start and the stop are kept for the
 * messages that bring them (via_ijw.c), and the trajectory as the region
 * registers it before care starts (the aanmelding, the intake, a
 * withdrawal while waiting), written once its toewijzing exists. */
static int via_bewaar_zorg(struct gen *g, const struct lt *x, const struct jeugdige *j)
{
	struct traject voor = x->t;
	if (voor.begindatum != DAG_GEEN) {
		voor.begindatum = DAG_GEEN;
		voor.einddatum = DAG_GEEN;
		voor.reden_beeindiging[0] = '\0';
		voor.status = voor.intakedatum != DAG_GEEN ? TRAJECT_INTAKE : TRAJECT_AANGEMELD;
	}
	if (g->n_via_zorg == g->cap_via_zorg) {
		size_t nc = g->cap_via_zorg ? 2 * g->cap_via_zorg : 256;
		struct via_zorg *n = realloc(g->via_zorg, nc * sizeof *n);
		if (!n) {
			snprintf(g->err, g->errlen, "onvoldoende geheugen");
			return -1;
		}
		g->via_zorg = n;
		g->cap_via_zorg = nc;
	}
	struct via_zorg *z = &g->via_zorg[g->n_via_zorg++];
	z->j = *j;
	z->tw = x->tw;
	z->t = x->t;
	z->voor = voor;
	z->besluit = false;
	z->aanbieder = x->aanbieder;
	z->gemeente = x->gemeente;
	return 0;
}

static int schrijf(struct gen *g, struct loop *l)
{
	/* Drop what ended before the record starts; keep the youth only if
	 * something remains. */
	int n = 0;
	for (int i = 0; i < l->n; i++) {
		if (l->lt[i].eind_volledig < g->record_begin)
			continue;
		if (l->lt[i].t.aanmelddatum > g->o.tot)
			continue;
		l->lt[n++] = l->lt[i];
	}
	l->n = n;
	if (n == 0)
		return 0;
	herverdeel(g, l);
	n = l->n;

	struct jeugdige *j = &l->j;
	j->id = ++g->next_jeugdige;
	if (kies_bsn(g, j) < 0)
		return -1;

	struct rng *r = R(g);
	dag_t eerste = DAG_GEEN, eerste_regio = DAG_GEEN;
	for (int i = 0; i < n; i++) {
		dag_t a = l->lt[i].t.aanmelddatum;
		if (eerste == DAG_GEEN || a < eerste)
			eerste = a;
		if (l->lt[i].t.segment > 0 && (eerste_regio == DAG_GEEN || a < eerste_regio))
			eerste_regio = a;
	}
	/* GARP: a fixed regisseur from the local team's pool; the share of
	 * specialised care preceded by a verklarende analyse grows with the
	 * regional vision. */
	struct gezin gz = { .id = j->id };
	int gi0 = gemeente_op(l, eerste);
	gz.regisseur_team_id = g->gem[gi0].team_id;
	naam_persoon(((uint64_t)gz.regisseur_team_id << 8 | rng_below(r, 25)) * 0x9e3779b97f4a7c15ULL,
		     gz.regisseur, sizeof gz.regisseur);
	gz.analyse_datum = DAG_GEEN;
	gz.plan_datum = DAG_GEEN;
	if (eerste_regio != DAG_GEEN) {
		int jaar;
		datum_delen(eerste_regio, &jaar, NULL, NULL);
		double p = fmin(0.75, 0.25 + 0.08 * (jaar - 2021));
		if (rng_bernoulli(r, p))
			gz.analyse_datum = eerste_regio - (dag_t)rng_below(r, 60);
	} else if (rng_bernoulli(r, 0.5)) {
		gz.analyse_datum = eerste + (dag_t)rng_below(r, 30);
	}
	if (gz.analyse_datum != DAG_GEEN && gz.analyse_datum > g->o.tot)
		gz.analyse_datum = DAG_GEEN;
	if (gz.analyse_datum != DAG_GEEN) {
		gz.plan_datum = gz.analyse_datum + 7 + (dag_t)rng_below(r, 21);
		if (gz.plan_datum > g->o.tot)
			gz.plan_datum = DAG_GEEN;
	}
	if (store_put_gezin(g->st, &gz) < 0)
		return gen_fout(g, "gezin");
	j->gezin_id = gz.id;
	if (store_put_jeugdige(g->st, j) < 0)
		return gen_fout(g, "jeugdige");
	g->telling.jeugdigen++;

	struct woonplaats w = { .jeugdige_id = j->id, .vanaf = j->geboortedatum, .tot = DAG_GEEN };
	kopieer(w.gemeente, sizeof w.gemeente, g->gem[l->gem[0]].g.code);
	if (l->verhuis != DAG_GEEN && l->verhuis <= g->o.tot) {
		w.tot = l->verhuis - 1;
		if (store_put_woonplaats(g->st, &w) < 0)
			return gen_fout(g, "woonplaats");
		w.vanaf = l->verhuis;
		w.tot = DAG_GEEN;
		kopieer(w.gemeente, sizeof w.gemeente, g->gem[l->gem[1]].g.code);
	}
	if (store_put_woonplaats(g->st, &w) < 0)
		return gen_fout(g, "woonplaats");

	dag_t achttien = datum_verjaardag(j->geboortedatum, 18);
	bool actief_bij_18 = false;
	for (int i = 0; i < n; i++) {
		struct lt *x = &l->lt[i];
		struct traject *t = &x->t;
		t->id = ++g->next_traject;
		t->jeugdige_id = j->id;
		if (t->verwijzing_id) {
			x->v.id = ++g->next_verwijzing;
			x->v.jeugdige_id = j->id;
			t->verwijzing_id = x->v.id;
			if (store_put_verwijzing(g->st, &x->v) < 0)
				return gen_fout(g, "verwijzing");
		}
		if (t->toewijzing_nummer) {
			/* Numbered in order, as the municipality's workflow
			 * numbers them (demo --via-ijw gets the same). */
			x->tw.nummer = ++g->next_toewijzing;
			x->tw.jeugdige_id = j->id;
			x->tw.verwijzing_id = t->verwijzing_id;
			t->toewijzing_nummer = x->tw.nummer;
			if (!g->o.via_ijw && store_put_toewijzing(g->st, &x->tw) < 0)
				return gen_fout(g, "toewijzing");
			g->telling.toewijzingen++;
		}
		snij_af(g, t);
		if (g->o.via_ijw && t->toewijzing_nummer) {
			if (via_bewaar_zorg(g, x, j) < 0)
				return -1;
		} else if (store_put_traject(g->st, t) < 0) {
			return gen_fout(g, "traject");
		}
		g->telling.trajecten++;
		if (declareer(g, x) < 0)
			return -1;
		if (t->begindatum != DAG_GEEN && t->begindatum < achttien &&
		    (t->einddatum == DAG_GEEN || t->einddatum >= achttien - 182))
			actief_bij_18 = true;

		/* Staff have looked at some long waiters: confirmed or
		 * cleared as zorgelijk, with a reason. */
		if (t->segment > 0 && t->begindatum == DAG_GEEN && t->status != TRAJECT_VERVALLEN &&
		    g->o.tot - t->aanmelddatum > 98 && rng_bernoulli(r, 0.25)) {
			struct zorgelijk_besluit z = { .id = ++g->next_besluit, .traject_id = t->id };
			dag_t dag = g->o.tot - (dag_t)rng_below(r, 14);
			z.tijdstip = (int64_t)dag * 86400 + 8 * 3600 + (int64_t)rng_below(r, 8 * 3600);
			z.bevestigd = rng_bernoulli(r, 0.7);
			kopieer(z.reden, sizeof z.reden,
				z.bevestigd ? "Veiligheidsrisico besproken in het casusoverleg; "
					      "overbruggingszorg aangevraagd"
					    : "Passende overbruggingszorg loopt; ouders akkoord met de wachttijd");
			kopieer(z.door, sizeof z.door, "Zorgcoördinator SOZ");
			if (g->o.via_ijw) {
				/* Written with its trajectory (via_bewaar_zorg). */
				g->via_zorg[g->n_via_zorg - 1].zb = z;
				g->via_zorg[g->n_via_zorg - 1].besluit = true;
			} else if (store_put_zorgelijk_besluit(g->st, &z) < 0) {
				return gen_fout(g, "zorgelijk besluit");
			}
		}
	}

	/* Not at school (thuiszitter), more often for onderwijs-zorg. */
	if (eerste_regio != DAG_GEEN) {
		int leeftijd = datum_leeftijd(j->geboortedatum, eerste_regio);
		bool onderwijs = false;
		for (int i = 0; i < n; i++)
			onderwijs |= l->lt[i].t.segment == SEGMENT_ONDERWIJS;
		if (leeftijd >= 6 && leeftijd < 18 && rng_bernoulli(r, onderwijs ? 0.5 : 0.035)) {
			struct schoolstatus s = { .id = ++g->next_schoolstatus, .jeugdige_id = j->id };
			s.niet_naar_school_sinds = eerste_regio - (dag_t)rng_below(r, 150);
			s.tot = s.niet_naar_school_sinds + (dag_t)lround(rng_lognormal(r, 110, 170));
			if (s.tot > g->o.tot)
				s.tot = DAG_GEEN;
			if (s.niet_naar_school_sinds <= g->o.tot && store_put_schoolstatus(g->st, &s) < 0)
				return gen_fout(g, "schoolstatus");
		}
	}
	/* Perspectiefplan 18+ for about half of those in care at 18. */
	if (actief_bij_18 && rng_bernoulli(r, 0.55)) {
		struct perspectiefplan pp = { .jeugdige_id = j->id };
		pp.datum = achttien - 30 - (dag_t)rng_below(r, 200);
		if (pp.datum <= g->o.tot && store_put_perspectiefplan(g->st, &pp) < 0)
			return gen_fout(g, "perspectiefplan");
	}
	return 0;
}

/* A new youth needing care on day t in gemeente gi. */
static int nieuwe_jeugdige(struct gen *g, int gi, dag_t t, bool via_lokaal)
{
	struct loop *l = calloc(1, sizeof *l);
	if (!l) {
		snprintf(g->err, g->errlen, "onvoldoende geheugen");
		return -1;
	}
	struct rng *r = R(g);
	int leeftijd = (int)rng_choose(r, leeftijd_w, 18);
	struct jeugdige *j = &l->j;
	j->geboortedatum = t - leeftijd * 365 - (dag_t)rng_below(r, 365);
	j->geslacht = rng_bernoulli(r, 0.56) ? 1 : 2;
	kopieer(j->voornamen, sizeof j->voornamen, naam_voornaam(r, j->geslacht));
	kopieer(j->achternaam, sizeof j->achternaam, naam_achternaam(r));
	l->gem[0] = gi;
	l->gem[1] = gi;
	l->verhuis = DAG_GEEN;
	if (rng_bernoulli(r, 0.03)) {
		l->gem[1] = (gi + 1 + (int)rng_below(r, (uint64_t)g->n_gem - 1)) % g->n_gem;
		l->verhuis = t + 30 + (dag_t)rng_below(r, 700);
	}
	if (via_lokaal)
		lokaal(g, l, t);
	else
		episode(g, l, t, verwijzer_code[rng_choose(r, verwijzer_w, 6)], -1, DAG_GEEN, 0);
	int rc = schrijf(g, l);
	free(l);
	return rc;
}

int loopbaan_alle(struct gen *g)
{
	g->n_bsn = bsn_test_aantal();
	double jeugd = 0;
	for (int i = 0; i < g->n_gem; i++)
		jeugd += (double)g->gem[i].g.jeugdigen_0_17;
	for (dag_t d = g->start; d <= g->o.tot; d++) {
		double groei = 1.0 + GROEI_PER_JAAR * (d - g->record_begin) / 365.25;
		for (int gi = 0; gi < g->n_gem; gi++) {
			double lok = RATE_LOKAAL * (double)g->gem[gi].g.jeugdigen_0_17 / 365.25 * groei;
			double dir = RATE_DIRECT * jeugd * g->gem[gi].regio_gewicht / 365.25 * groei;
			uint64_t nl = rng_poisson(R(g), lok), nd = rng_poisson(R(g), dir);
			for (uint64_t k = 0; k < nl; k++)
				if (nieuwe_jeugdige(g, gi, d, true) < 0)
					return -1;
			for (uint64_t k = 0; k < nd; k++)
				if (nieuwe_jeugdige(g, gi, d, false) < 0)
					return -1;
		}
	}
	return 0;
}
