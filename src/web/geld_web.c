/* geld_web: see geld_web.h.
 *
 * Layout: a cache of computed figures per (data version, year) (the
 * "overzicht"), then tables of cells built from it for one asker (where
 * exactness and withholding are decided, once), then four writers of
 * those tables: HTML, CSV, XLSX and JSON.
 */
#include "web/geld_web.h"

#include <math.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <microhttpd.h>

#include "domain/onthulling.h"
#include "lib/json.h"
#include "lib/xlsx.h"
#include "steer/geld.h"
#include "store/geld_store.h"
#include "store/store.h"
#include "web/antwoord.h"
#include "web/cijfers.h"
#include "web/download.h"
#include "web/grafiek.h"
#include "web/html.h"
#include "web/pagina.h"
#include "web/query.h"
#include "web/toegang.h"

/* Amounts shown to askers without exact rights: € 50.000 (geld_web.h). */
#define AFRONDING 5000000
/* Average client cost for them: € 100. */
#define AFRONDING_GEMIDDELD 10000
/* Segment choices: index 0 all, 1 + s segment s. */
#define N_SEG (SEGMENT_AANTAL + 1)
#define TREND_JAREN 5
#define CACHE_MAX 8
#define DECIMALEN 4

static const char *const segment_naam[SEGMENT_AANTAL] = {
	"Lokaal team", "Behandeling met verblijf", "Wonen", "Dagbehandeling en dagbesteding",
	"Ambulante jeugdhulp", "Onderwijs-zorg", "Crisis", "Veiligheid",
};

/* ==== computed figures, cached ============================================= */

enum band_bron { BAND_EIGEN, BAND_REGIO_SEGMENT, BAND_REGIO, BAND_GEEN };

static const char *band_bron_tekst(enum band_bron b)
{
	switch (b) {
	case BAND_EIGEN:
		return "eigen terugblik";
	case BAND_REGIO_SEGMENT:
		return "regio, zelfde segment";
	case BAND_REGIO:
		return "regio, alle segmenten";
	case BAND_GEEN:
		return "geen (te weinig jaren)";
	}
	return "";
}

struct uitputting {
	struct geld_verwachting v;
	int64_t laag, hoog;
	enum band_bron bron;
	struct geld_backtest_jaar bt[GELD_BACKTEST_JAREN];
};

struct plafond_rij {
	struct geld_plafond p;
	char naam[NAAM_LEN];
};

struct overzicht {
	int refs;
	char versie[32];
	int jaar;
	dag_t peildatum;
	int eerste_jaar;
	dag_t lag_van;
	struct geld_vertraging lag;
	size_t n_bt;
	size_t n_gem;                 /* index n_gem: the region */
	struct gemeente *gem;
	struct uitputting *uitp;      /* [(n_gem + 1) * N_SEG] */
	struct plafond_rij *plafond;
	size_t n_plafond;
	struct geld_route *routes;    /* [n_gem + 1] */
	int kosten_jaar[TREND_JAREN];
	struct kpi_clientkosten *kosten;   /* [(n_gem + 1) * TREND_JAREN] */
	struct geld_verrekening *verrekening; /* [n_gem + 1] */
};

static pthread_mutex_t slot = PTHREAD_MUTEX_INITIALIZER;
static struct {
	bool geladen;
	char versie[32];
	struct geld_data g;
	dag_t eerste;
	struct overzicht *ov[CACHE_MAX];
	size_t volgende;              /* the slot to replace next */
} cache;

static void ov_vrij(struct overzicht *o)
{
	if (!o)
		return;
	free(o->gem);
	free(o->uitp);
	free(o->plafond);
	free(o->routes);
	free(o->kosten);
	free(o->verrekening);
	free(o);
}

/* Called with slot held. */
static void ov_laat_intern(struct overzicht *o)
{
	if (o && --o->refs == 0)
		ov_vrij(o);
}

static void ov_laat(struct overzicht *o)
{
	pthread_mutex_lock(&slot);
	ov_laat_intern(o);
	pthread_mutex_unlock(&slot);
}

static struct uitputting *uitp(const struct overzicht *o, size_t gi, int seg)
{
	return &o->uitp[gi * N_SEG + (size_t)(seg + 1)];
}

/* The band of scope (gi, seg) from its own back-test, else the region's
 * of the same segment, else the region's of all segments. */
static void band_kies(struct overzicht *o, size_t gi, int seg)
{
	const struct uitputting *bronnen[3] = { uitp(o, gi, seg), uitp(o, o->n_gem, seg),
						uitp(o, o->n_gem, -1) };
	struct uitputting *u = uitp(o, gi, seg);

	u->bron = BAND_GEEN;
	u->laag = u->hoog = u->v.verwacht;
	for (int b = 0; b < 3; b++)
		if (geld_band(&u->v, bronnen[b]->bt, o->n_bt, &u->laag, &u->hoog)) {
			u->bron = (enum band_bron)b;
			return;
		}
}

static int bereken(struct overzicht *o, struct cijfers_stand *s, const struct geld_data *g,
		   dag_t eerste)
{
	const struct kpi_data *d = cijfers_data(s);
	struct geld_terugblik t;
	size_t n = d->n_gemeenten;

	o->n_gem = n;
	o->gem = calloc(n ? n : 1, sizeof *o->gem);
	o->uitp = calloc((n + 1) * N_SEG, sizeof *o->uitp);
	o->routes = calloc(n + 1, sizeof *o->routes);
	o->kosten = calloc((n + 1) * TREND_JAREN, sizeof *o->kosten);
	o->verrekening = calloc(n + 1, sizeof *o->verrekening);
	if (!o->gem || !o->uitp || !o->routes || !o->kosten || !o->verrekening)
		return -1;
	memcpy(o->gem, d->gemeenten, n * sizeof *o->gem);
	o->lag_van = geld_jaren_terug(o->peildatum, 1) + 1;
	if (geld_vertraging(g, o->lag_van, o->peildatum, &o->lag) < 0 ||
	    geld_terugblik_maak(g, o->jaar, o->peildatum, eerste, &t) < 0)
		return -1;
	o->n_bt = t.n;
	/* A gemeente's scopes on its own part of the record (geld_deel):
	 * each pass then reads a thirteenth of it. */
	for (size_t gi = 0; gi <= n; gi++) {
		struct geld_deel deel;
		struct geld_terugblik eigen;
		const struct kpi_data *dd = d;
		const struct geld_terugblik *tt = &t;
		int rc = 0;

		if (gi < n) {
			if (geld_deel_maak(d, g, d->gemeenten[gi].code, &deel) < 0) {
				geld_terugblik_vrij(&t);
				return -1;
			}
			if (geld_terugblik_maak(&deel.g, o->jaar, o->peildatum, eerste, &eigen) < 0) {
				geld_deel_vrij(&deel);
				geld_terugblik_vrij(&t);
				return -1;
			}
			dd = &deel.d;
			tt = &eigen;
		}
		for (int seg = -1; seg < SEGMENT_AANTAL && rc == 0; seg++) {
			struct geld_selectie sel = { gi < n ? d->gemeenten[gi].code : NULL, seg, NULL };
			struct uitputting *u = uitp(o, gi, seg);

			if (geld_verwachting(dd, &sel, o->jaar, o->peildatum, o->lag.p95, &u->v) < 0 ||
			    geld_backtest(dd, tt, &sel, o->lag.p95, u->bt) < 0)
				rc = -1;
		}
		if (gi < n) {
			geld_terugblik_vrij(&eigen);
			geld_deel_vrij(&deel);
		}
		if (rc < 0) {
			geld_terugblik_vrij(&t);
			return -1;
		}
	}
	geld_terugblik_vrij(&t);
	for (size_t gi = 0; gi <= n; gi++)
		for (int seg = -1; seg < SEGMENT_AANTAL; seg++)
			band_kies(o, gi, seg);
	{
		struct geld_plafond *p;

		if (geld_plafonds(d, o->jaar, o->peildatum, o->lag.p95, &p, &o->n_plafond) < 0)
			return -1;
		o->plafond = calloc(o->n_plafond ? o->n_plafond : 1, sizeof *o->plafond);
		if (!o->plafond) {
			free(p);
			return -1;
		}
		for (size_t i = 0; i < o->n_plafond; i++) {
			const struct aanbieder *a = cijfers_aanbieder(s, p[i].agb);

			o->plafond[i].p = p[i];
			snprintf(o->plafond[i].naam, sizeof o->plafond[i].naam, "%s",
				 a ? a->naam : p[i].agb);
		}
		free(p);
	}
	if (geld_zorgroutes(d, g, o->jaar, o->routes) < 0 ||
	    geld_verrekening(d, o->jaar, o->verrekening) < 0)
		return -1;
	for (int k = 0; k < TREND_JAREN; k++) {
		o->kosten_jaar[k] = o->jaar - (TREND_JAREN - 1) + k;
		for (size_t gi = 0; gi <= n; gi++)
			if (kpi_clientkosten(d, gi < n ? d->gemeenten[gi].code : NULL,
					     o->kosten_jaar[k], &o->kosten[gi * TREND_JAREN + (size_t)k]) < 0)
				return -1;
	}
	return 0;
}

/* The record beyond kpi_data for the stand's version (slot held). */
static int bron_laad(struct store *st, const char *versie)
{
	if (cache.geladen && strcmp(cache.versie, versie) == 0)
		return 0;
	for (size_t i = 0; i < CACHE_MAX; i++) {
		ov_laat_intern(cache.ov[i]);
		cache.ov[i] = NULL;
	}
	if (cache.geladen)
		store_geld_release(&cache.g);
	cache.geladen = false;
	int rc = store_geld_load(st, &cache.g);
	if (rc < 0)
		return rc;
	cache.geladen = true;
	snprintf(cache.versie, sizeof cache.versie, "%s", versie);
	cache.eerste = DAG_GEEN;
	for (size_t i = 0; i < cache.g.n_prestaties; i++)
		if (cache.eerste == DAG_GEEN || cache.g.prestaties[i].periode_begin < cache.eerste)
			cache.eerste = cache.g.prestaties[i].periode_begin;
	return 0;
}

/* The figures of jaar on the stand (one reference for the caller), or
 * NULL: *rc -1/-2 from the store, or -3 out of memory. */
static struct overzicht *ov_pak(struct store *st, struct cijfers_stand *s, int jaar, int *rc)
{
	struct overzicht *o = NULL;
	const char *versie = cijfers_versie(s);

	pthread_mutex_lock(&slot);
	*rc = bron_laad(st, versie);
	if (*rc < 0)
		goto uit;
	for (size_t i = 0; i < CACHE_MAX; i++)
		if (cache.ov[i] && cache.ov[i]->jaar == jaar &&
		    cache.ov[i]->peildatum == cijfers_peildatum(s)) {
			o = cache.ov[i];
			o->refs++;
			goto uit;
		}
	o = calloc(1, sizeof *o);
	if (!o) {
		*rc = -3;
		goto uit;
	}
	o->refs = 1;
	o->jaar = jaar;
	o->peildatum = cijfers_peildatum(s);
	snprintf(o->versie, sizeof o->versie, "%s", versie);
	{
		int j;

		datum_delen(cache.eerste != DAG_GEEN ? cache.eerste : o->peildatum, &j, NULL, NULL);
		o->eerste_jaar = j;
	}
	/* Computed under the lock: concurrent askers of the same figures
	 * wait for the first instead of computing them again. */
	if (bereken(o, s, &cache.g, cache.eerste != DAG_GEEN ? cache.eerste : o->peildatum) < 0) {
		ov_vrij(o);
		o = NULL;
		*rc = -3;
		goto uit;
	}
	ov_laat_intern(cache.ov[cache.volgende]);
	cache.ov[cache.volgende] = o;
	cache.volgende = (cache.volgende + 1) % CACHE_MAX;
	o->refs++;
uit:
	pthread_mutex_unlock(&slot);
	return o;
}

/* ==== tables of cells for one asker ========================================= */

enum cel_soort {
	CEL_TEKST,
	CEL_GELD,       /* getal: eurocents */
	CEL_AANTAL,     /* getal */
	CEL_PROCENT,    /* fractie */
	CEL_LEEG,       /* not applicable */
	CEL_VERBORGEN,  /* withheld: "x" */
	CEL_KLEIN,      /* a count below 10: "<10" */
};

struct cel {
	enum cel_soort soort;
	int64_t getal;
	double fractie;
	char tekst[NAAM_LEN + 8];
	char link[64];          /* a row heading's page ("" none) */
};

struct kolom {
	const char *kop;
	const char *sleutel;    /* JSON member; CSV header (_eurocent -> _euro) */
};

enum tabel_id {
	T_UITPUTTING,
	T_PLAFOND,
	T_ROUTES,
	T_KOSTEN,
	T_VERREKENING,
	T_METHODE,
	T_AANTAL,
};

static const char *const tabel_sleutel[T_AANTAL] = {
	"uitputting", "plafond", "routes", "clientkosten", "verrekening", "methode",
};

struct tabel {
	enum tabel_id id;
	char titel[240];
	const struct kolom *kol;
	size_t n_kol, n_rij;
	struct cel *c;
	/* Columns whose headings depend on the request (t_kosten). */
	struct kolom eigen_kol[1 + TREND_JAREN];
	char eigen_tekst[TREND_JAREN][2][32];
};

static struct cel *cel(struct tabel *t, size_t r, size_t k)
{
	return &t->c[r * t->n_kol + k];
}

static int tabel_maak(struct tabel *t, enum tabel_id id, const struct kolom *kol, size_t n_kol,
		      size_t n_rij)
{
	t->id = id;
	t->kol = kol;
	t->n_kol = n_kol;
	t->n_rij = n_rij;
	t->c = calloc(n_rij * n_kol > 0 ? n_rij * n_kol : 1, sizeof *t->c);
	return t->c ? 0 : -1;
}

static int64_t afronden(int64_t cent, int64_t op)
{
	return (int64_t)llround((double)cent / (double)op) * op;
}

static void c_tekst(struct cel *c, const char *s)
{
	c->soort = CEL_TEKST;
	snprintf(c->tekst, sizeof c->tekst, "%s", s);
}

static void c_geld(struct cel *c, int64_t cent, bool exact, bool verborgen)
{
	if (verborgen) {
		c->soort = CEL_VERBORGEN;
		return;
	}
	c->soort = CEL_GELD;
	c->getal = exact ? cent : afronden(cent, AFRONDING);
}

static void c_aantal(struct cel *c, size_t n, bool exact)
{
	struct onthulde_cel o;

	if (exact) {
		c->soort = CEL_AANTAL;
		c->getal = (int64_t)n;
		return;
	}
	onthulling_cel((int64_t)n, &o);
	c->soort = o.status == ONTHULLING_ZICHTBAAR ? CEL_AANTAL : CEL_KLEIN;
	c->getal = o.waarde;
}

static bool zichtbaar(const struct cel *c)
{
	return c->soort == CEL_GELD || c->soort == CEL_AANTAL;
}

/* a / b from the cells as shown. */
static void c_deel(struct cel *c, const struct cel *a, const struct cel *b)
{
	if (!zichtbaar(a) || !zichtbaar(b)) {
		c->soort = CEL_VERBORGEN;
		return;
	}
	if (b->getal == 0) {
		c->soort = CEL_LEEG;
		return;
	}
	c->soort = CEL_PROCENT;
	c->fractie = (double)a->getal / (double)b->getal;
}

/* a − b (money) from the cells as shown. */
static void c_verschil(struct cel *c, const struct cel *a, const struct cel *b)
{
	if (!zichtbaar(a) || !zichtbaar(b)) {
		c->soort = a->soort == CEL_LEEG || b->soort == CEL_LEEG ? CEL_LEEG : CEL_VERBORGEN;
		return;
	}
	c->soort = CEL_GELD;
	c->getal = a->getal - b->getal;
}

static void c_gemeente(struct cel *c, const struct overzicht *o, size_t gi)
{
	if (gi == o->n_gem) {
		c_tekst(c, "Regio");
		return;
	}
	c_tekst(c, o->gem[gi].naam);
	snprintf(c->link, sizeof c->link, "/gemeenten/%s/geld", o->gem[gi].code);
}

/* What the request asks. gi: the gemeente of a gemeente page (n_gem: the
 * region page). */
struct vraag {
	const struct overzicht *o;
	const struct toegang *wie;
	size_t gi;
	int segment;
	bool wachtend_eerst;
};

static bool exact_gem(const struct vraag *q, size_t gi)
{
	return toegang_gemeente_exact(q->wie, gi < q->o->n_gem ? q->o->gem[gi].code : NULL);
}

/* A table per gemeente: every gemeente and the region (index n_gem), or
 * when one gemeente is asked (q->gi) that gemeente and the region. The
 * number of rows, and the gemeente index of row r. */
static size_t gemeente_rijen(const struct vraag *q)
{
	return q->gi < q->o->n_gem ? 2 : q->o->n_gem + 1;
}

static size_t rij_gemeente(const struct vraag *q, size_t r)
{
	if (q->gi < q->o->n_gem)
		return r == 0 ? q->gi : q->o->n_gem;
	return r;
}

/* Which cells of the gemeente × segment youth matrix are withheld from
 * askers without exact rights: onthulling_tabel's pattern, with the row
 * totals (all segments of a gemeente), column totals (the region per
 * segment) and the grand total. verborgen[(gi) * N_SEG + seg + 1] for gi
 * 0..n_gem (n_gem the region). */
static int uitputting_patroon(const struct overzicht *o, bool *verborgen)
{
	size_t n = o->n_gem, k = SEGMENT_AANTAL;
	int64_t *c = calloc((n ? n : 1) * k, sizeof *c);
	struct onthulde_cel *u = malloc((n + 1) * (k + 1) * sizeof *u);
	int rc = -1;

	if (c && u) {
		for (size_t g = 0; g < n; g++)
			for (size_t s = 0; s < k; s++)
				c[g * k + s] = (int64_t)uitp(o, g, (int)s)->v.jeugdigen;
		if (onthulling_tabel(c, n, k, true, u) == 0) {
			for (size_t g = 0; g <= n; g++) {
				verborgen[g * N_SEG] = u[g * (k + 1) + k].status != ONTHULLING_ZICHTBAAR;
				for (size_t s = 0; s < k; s++)
					verborgen[g * N_SEG + s + 1] =
						u[g * (k + 1) + s].status != ONTHULLING_ZICHTBAAR;
			}
			rc = 0;
		}
	}
	free(c);
	free(u);
	return rc;
}

static const struct kolom kol_uitputting[] = {
	{ "Gemeente", "naam" },
	{ "Budget", "budget_eurocent" },
	{ "Goedgekeurd", "goedgekeurd_eurocent" },
	{ "Nog te declareren", "nog_te_declareren_eurocent" },
	{ "Verwacht jaareinde", "verwacht_eurocent" },
	{ "Bandbreedte laag", "band_laag_eurocent" },
	{ "Bandbreedte hoog", "band_hoog_eurocent" },
	{ "Verwachte uitputting", "uitputting" },
	{ "Verwacht resultaat", "resultaat_eurocent" },
	{ "Resultaat laag", "resultaat_laag_eurocent" },
	{ "Resultaat hoog", "resultaat_hoog_eurocent" },
	{ "Actieve trajecten", "actieve_trajecten" },
	{ "Bron bandbreedte", "band_bron" },
};

static void uitputting_rij(struct tabel *t, size_t r, const struct uitputting *u, bool exact,
			   bool verborgen)
{
	struct cel *c = cel(t, r, 0);

	c_geld(&c[1], u->v.norm, true, false);
	c_geld(&c[2], u->v.goedgekeurd, exact, verborgen);
	c_geld(&c[3], u->v.verwacht - u->v.goedgekeurd, exact, verborgen);
	c_geld(&c[4], u->v.verwacht, exact, verborgen);
	if (u->bron == BAND_GEEN) {
		c[5].soort = c[6].soort = CEL_LEEG;
	} else {
		c_geld(&c[5], u->laag, exact, verborgen);
		c_geld(&c[6], u->hoog, exact, verborgen);
	}
	c_deel(&c[7], &c[4], &c[1]);
	c_verschil(&c[8], &c[1], &c[4]);
	c_verschil(&c[9], &c[1], &c[6]);
	c_verschil(&c[10], &c[1], &c[5]);
	c_aantal(&c[11], u->v.actief, exact);
	c_tekst(&c[12], band_bron_tekst(u->bron));
}

static int t_uitputting(const struct vraag *q, struct tabel *t)
{
	const struct overzicht *o = q->o;
	bool *weg = calloc((o->n_gem + 1) * N_SEG, sizeof *weg);
	int rc = -1;

	if (!weg || uitputting_patroon(o, weg) < 0)
		goto uit;
	if (q->gi == o->n_gem) {
		if (tabel_maak(t, T_UITPUTTING, kol_uitputting, 13, o->n_gem + 1) < 0)
			goto uit;
		snprintf(t->titel, sizeof t->titel, "Verwachte uitputting %d per gemeente, %s", o->jaar,
			 q->segment < 0 ? "alle segmenten" : segment_naam[q->segment]);
		for (size_t g = 0; g <= o->n_gem; g++) {
			c_gemeente(cel(t, g, 0), o, g);
			uitputting_rij(t, g, uitp(o, g, q->segment), exact_gem(q, g),
				       weg[g * N_SEG + (size_t)(q->segment + 1)]);
		}
	} else {
		if (tabel_maak(t, T_UITPUTTING, kol_uitputting, 13, N_SEG) < 0)
			goto uit;
		snprintf(t->titel, sizeof t->titel, "Verwachte uitputting %d per segment, %s", o->jaar,
			 o->gem[q->gi].naam);
		for (int s = -1; s < SEGMENT_AANTAL; s++) {
			size_t r = (size_t)(s + 1);
			char naam[64];

			if (s < 0)
				snprintf(naam, sizeof naam, "Alle segmenten");
			else
				snprintf(naam, sizeof naam, "%d %s", s, segment_naam[s]);
			c_tekst(cel(t, r, 0), naam);
			uitputting_rij(t, r, uitp(o, q->gi, s), exact_gem(q, q->gi),
				       weg[q->gi * N_SEG + r]);
		}
	}
	rc = 0;
uit:
	free(weg);
	return rc;
}

static const struct kolom kol_plafond[] = {
	{ "Aanbieder", "naam" },
	{ "AGB-code", "agb" },
	{ "Omzetplafond", "omzetplafond_eurocent" },
	{ "Verwacht jaareinde", "verwacht_eurocent" },
	{ "Verwachte uitputting", "uitputting" },
	{ "Stand", "stand" },
	{ "Wachtend", "wachtend" },
	{ "Boven de Treeknorm", "boven_treeknorm" },
	{ "Plafondparadox", "paradox" },
};

static int t_plafond(const struct vraag *q, struct tabel *t)
{
	const struct overzicht *o = q->o;
	struct geld_plafond *p = malloc((o->n_plafond ? o->n_plafond : 1) * sizeof *p);

	if (!p || tabel_maak(t, T_PLAFOND, kol_plafond, 9, o->n_plafond) < 0) {
		free(p);
		return -1;
	}
	snprintf(t->titel, sizeof t->titel, "Plafondparadox %d: aanbieders aan hun omzetplafond "
		 "naast hun wachtlijst", o->jaar);
	/* Sorted on the figures as the asker sees them: an order by exact
	 * counts would tell apart rows that all show "<10". */
	for (size_t i = 0; i < o->n_plafond; i++) {
		p[i] = o->plafond[i].p;
		if (!toegang_aanbieder_exact(q->wie, p[i].agb)) {
			struct onthulde_cel w;

			onthulling_cel((int64_t)p[i].wachtend, &w);
			p[i].wachtend = w.status == ONTHULLING_ZICHTBAAR ? (size_t)w.waarde : 0;
			p[i].v.aandeel = p[i].v.jeugdigen < ONTHULLING_GRENS || p[i].v.norm == 0
				? -1.0 : (double)afronden(p[i].v.verwacht, AFRONDING) / (double)p[i].v.norm;
		}
	}
	geld_plafonds_sorteer(p, o->n_plafond, q->wachtend_eerst);
	for (size_t r = 0; r < o->n_plafond; r++) {
		struct cel *c = cel(t, r, 0);
		const struct plafond_rij *pr = NULL;
		bool exact = toegang_aanbieder_exact(q->wie, p[r].agb);

		for (size_t i = 0; i < o->n_plafond && !pr; i++)
			if (strcmp(o->plafond[i].p.agb, p[r].agb) == 0)
				pr = &o->plafond[i];
		c_tekst(&c[0], pr ? pr->naam : p[r].agb);
		c_tekst(&c[1], p[r].agb);
		c_geld(&c[2], p[r].v.norm, true, false);
		c_geld(&c[3], p[r].v.verwacht, exact, !exact && p[r].v.jeugdigen < ONTHULLING_GRENS);
		c_deel(&c[4], &c[3], &c[2]);
		c_aantal(&c[6], p[r].wachtend, exact);
		c_aantal(&c[7], p[r].boven_norm, exact);
		if (c[4].soort != CEL_PROCENT) {
			c_tekst(&c[5], "onbekend");
			c_tekst(&c[8], "x");
			continue;
		}
		c_tekst(&c[5], c[4].fractie >= 1.0 ? "boven plafond"
			       : c[4].fractie >= 0.9 ? "bijna aan plafond (90 % of meer)"
						     : "onder 90 %");
		/* At (nearly) the ceiling while youth wait for it; "x" when
		 * the waiting count is shown as <10 and might be 0. */
		if (c[4].fractie < 0.9)
			c_tekst(&c[8], "nee");
		else if (c[6].soort == CEL_AANTAL)
			c_tekst(&c[8], c[6].getal > 0 ? "ja" : "nee");
		else
			c_tekst(&c[8], "x");
	}
	free(p);
	return 0;
}

static const struct kolom kol_routes[] = {
	{ "Gemeente", "naam" },
	{ "Gecontracteerd", "gecontracteerd_eurocent" },
	{ "Buiten contract", "buiten_contract_eurocent" },
	{ "PGB", "pgb_eurocent" },
	{ "Totaal", "totaal_eurocent" },
	{ "Aandeel buiten contract en PGB", "aandeel_buiten" },
	{ "Jeugdigen buiten contract", "jeugdigen_buiten_contract" },
	{ "Jeugdigen met PGB", "jeugdigen_pgb" },
};

static int t_routes(const struct vraag *q, struct tabel *t)
{
	const struct overzicht *o = q->o;
	size_t n = o->n_gem;
	int64_t *c = calloc((n ? n : 1) * 3, sizeof *c);
	struct onthulde_cel *u = malloc((n + 1) * 4 * sizeof *u);
	int rc = -1;

	if (!c || !u)
		goto uit;
	for (size_t g = 0; g < n; g++) {
		c[g * 3] = (int64_t)o->routes[g].jeugdigen_contract;
		c[g * 3 + 1] = (int64_t)o->routes[g].jeugdigen_buiten;
		c[g * 3 + 2] = (int64_t)o->routes[g].jeugdigen_pgb;
	}
	if (onthulling_tabel(c, n, 3, true, u) < 0 ||
	    tabel_maak(t, T_ROUTES, kol_routes, 8, gemeente_rijen(q)) < 0)
		goto uit;
	snprintf(t->titel, sizeof t->titel, "Buiten contract en PGB %d: naast de gecontracteerde "
		 "zorg", o->jaar);
	for (size_t r = 0; r < t->n_rij; r++) {
		size_t g = rij_gemeente(q, r);
		const struct geld_route *x = &o->routes[g];
		const struct onthulde_cel *w = &u[g * 4];
		bool exact = exact_gem(q, g);
		struct cel *k = cel(t, r, 0);

		c_gemeente(&k[0], o, g);
		c_geld(&k[1], x->contract, exact, !exact && w[0].status != ONTHULLING_ZICHTBAAR);
		c_geld(&k[2], x->buiten_contract, exact, !exact && w[1].status != ONTHULLING_ZICHTBAAR);
		c_geld(&k[3], x->pgb, exact, !exact && w[2].status != ONTHULLING_ZICHTBAAR);
		/* A total next to one withheld part would give it back. */
		c_geld(&k[4], x->contract + x->buiten_contract + x->pgb, exact,
		       !zichtbaar(&k[1]) || !zichtbaar(&k[2]) || !zichtbaar(&k[3]));
		if (zichtbaar(&k[4])) {
			struct cel buiten = { .soort = CEL_GELD, .getal = k[2].getal + k[3].getal };

			c_deel(&k[5], &buiten, &k[4]);
		} else {
			k[5].soort = CEL_VERBORGEN;
		}
		c_aantal(&k[6], x->jeugdigen_buiten, exact);
		c_aantal(&k[7], x->jeugdigen_pgb, exact);
	}
	rc = 0;
uit:
	free(c);
	free(u);
	return rc;
}

static int t_kosten(const struct vraag *q, struct tabel *t)
{
	const struct overzicht *o = q->o;

	if (tabel_maak(t, T_KOSTEN, t->eigen_kol, 1 + TREND_JAREN, gemeente_rijen(q)) < 0)
		return -1;
	/* The year headings depend on the year asked: kept in the table. */
	t->eigen_kol[0] = (struct kolom){ "Gemeente", "naam" };
	for (int k = 0; k < TREND_JAREN; k++) {
		char *kop = t->eigen_tekst[k][0], *sleutel = t->eigen_tekst[k][1];

		snprintf(kop, sizeof t->eigen_tekst[k][0], "%d%s", o->kosten_jaar[k],
			 k == TREND_JAREN - 1 ? " (tot nu)" : "");
		snprintf(sleutel, sizeof t->eigen_tekst[k][1], "gemiddeld_%d_eurocent",
			 o->kosten_jaar[k]);
		t->eigen_kol[1 + k] = (struct kolom){ kop, sleutel };
	}
	snprintf(t->titel, sizeof t->titel, "Gemiddelde cliëntkosten per jaar, %d-%d",
		 o->kosten_jaar[0], o->kosten_jaar[TREND_JAREN - 1]);
	for (size_t r = 0; r < t->n_rij; r++) {
		size_t g = rij_gemeente(q, r);
		bool exact = exact_gem(q, g);
		struct cel *c = cel(t, r, 0);

		c_gemeente(&c[0], o, g);
		for (int k = 0; k < TREND_JAREN; k++) {
			const struct kpi_clientkosten *x = &o->kosten[g * TREND_JAREN + (size_t)k];
			struct cel *d = &c[1 + k];

			if (x->jeugdigen == 0) {
				d->soort = CEL_LEEG;
			} else if (exact) {
				d->soort = CEL_GELD;
				d->getal = x->gemiddeld;
			} else if (x->jeugdigen < ONTHULLING_GRENS) {
				d->soort = CEL_VERBORGEN;
			} else {
				d->soort = CEL_GELD;
				d->getal = afronden(x->gemiddeld, AFRONDING_GEMIDDELD);
			}
		}
	}
	return 0;
}

static const struct kolom kol_verrekening[] = {
	{ "Gemeente", "naam" },
	{ "Inwoners 0-17", "inwoners_0_17" },
	{ "Aandeel inwoners", "aandeel_inwoners" },
	{ "Verrekening naar inwoners", "naar_inwoners_eurocent" },
	{ "Verrekening naar gebruik", "naar_gebruik_eurocent" },
	{ "Verschil (meer + / minder −)", "verschil_eurocent" },
};

static int t_verrekening(const struct vraag *q, struct tabel *t)
{
	const struct overzicht *o = q->o;
	size_t n = o->n_gem;
	int64_t *c = calloc(n ? n : 1, sizeof *c);
	struct onthulde_cel *u = malloc((n + 1) * 2 * sizeof *u);
	int rc = -1;

	if (!c || !u)
		goto uit;
	for (size_t g = 0; g < n; g++)
		c[g] = (int64_t)o->verrekening[g].jeugdigen;
	if (onthulling_tabel(c, n, 1, true, u) < 0 ||
	    tabel_maak(t, T_VERREKENING, kol_verrekening, 6, n + 1) < 0)
		goto uit;
	snprintf(t->titel, sizeof t->titel, "Verrekening %d: de regionale kosten naar inwoners "
		 "(0-17 jaar) en naar gebruik", o->jaar);
	for (size_t g = 0; g <= n; g++) {
		const struct geld_verrekening *x = &o->verrekening[g];
		bool exact = exact_gem(q, g);
		struct cel *k = cel(t, g, 0);

		c_gemeente(&k[0], o, g);
		k[1].soort = CEL_AANTAL;      /* the population is public (CBS) */
		k[1].getal = x->populatie;
		k[2].soort = CEL_PROCENT;
		k[2].fractie = x->aandeel;
		c_geld(&k[3], x->naar_inwoners, exact, false);
		c_geld(&k[4], x->naar_gebruik, exact,
		       !exact && u[g * 2].status != ONTHULLING_ZICHTBAAR);
		c_verschil(&k[5], &k[3], &k[4]);
	}
	rc = 0;
uit:
	free(c);
	free(u);
	return rc;
}

static const struct kolom kol_methode[] = {
	{ "Jaar", "jaar" },
	{ "Peildatum toen", "peildatum" },
	{ "Goedgekeurd toen", "goedgekeurd_eurocent" },
	{ "Verwacht toen", "verwacht_eurocent" },
	{ "Werkelijk", "werkelijk_eurocent" },
	{ "Fout jaareinde", "fout" },
	{ "Fout nog te declareren", "fout_nog_te_declareren" },
};

static int t_methode(const struct vraag *q, struct tabel *t)
{
	const struct overzicht *o = q->o;
	const struct uitputting *u = uitp(o, q->gi, -1);
	bool exact = exact_gem(q, q->gi);

	if (tabel_maak(t, T_METHODE, kol_methode, 7, o->n_bt) < 0)
		return -1;
	snprintf(t->titel, sizeof t->titel, "Terugblik: dezelfde prognose een jaar eerder "
		 "gemaakt, tegen wat dat jaar werkelijk werd (%s, alle segmenten)",
		 q->gi < o->n_gem ? o->gem[q->gi].naam : "regio");
	for (size_t r = 0; r < o->n_bt; r++) {
		const struct geld_backtest_jaar *b = &u->bt[r];
		struct cel *k = cel(t, r, 0);
		char d[11];

		k[0].soort = CEL_AANTAL;
		k[0].getal = b->jaar;
		c_tekst(&k[1], datum_fmt(b->peildatum, d));
		c_geld(&k[2], b->goedgekeurd, exact, false);
		c_geld(&k[3], b->verwacht, exact, false);
		c_geld(&k[4], b->werkelijk, exact, false);
		if (b->geldig) {
			/* Errors of a region-wide sum reveal no youth: exact. */
			k[5].soort = k[6].soort = CEL_PROCENT;
			k[5].fractie = b->fout;
			k[6].fractie = b->r;
		} else {
			k[5].soort = k[6].soort = CEL_LEEG;
		}
	}
	return 0;
}

static void tabel_vrij(struct tabel *t)
{
	free(t->c);
	t->c = NULL;
}

static int tabel_bouw(const struct vraag *q, enum tabel_id id, struct tabel *t)
{
	memset(t, 0, sizeof *t);
	switch (id) {
	case T_UITPUTTING:
		return t_uitputting(q, t);
	case T_PLAFOND:
		return t_plafond(q, t);
	case T_ROUTES:
		return t_routes(q, t);
	case T_KOSTEN:
		return t_kosten(q, t);
	case T_VERREKENING:
		return t_verrekening(q, t);
	case T_METHODE:
		return t_methode(q, t);
	case T_AANTAL:
		break;
	}
	return -1;
}

/* The region page shows every table; a gemeente page all but the
 * providers' ceilings (those are regional). */
static bool tabel_op_pagina(enum tabel_id id, bool gemeente)
{
	return !(gemeente && id == T_PLAFOND);
}

/* ==== writing a table ======================================================== */

/* The display text of c (for HTML). */
static const char *cel_tekst(const struct cel *c, char buf[GRAFIEK_GETAL_LEN])
{
	switch (c->soort) {
	case CEL_TEKST:
		return c->tekst;
	case CEL_GELD:
		return grafiek_euro(buf, c->getal);
	case CEL_AANTAL:
		return grafiek_nl_int(buf, c->getal);
	case CEL_PROCENT: {
		char p[GRAFIEK_GETAL_LEN];

		snprintf(buf, GRAFIEK_GETAL_LEN, "%s %%", grafiek_nl(p, 100.0 * c->fractie, 1));
		return buf;
	}
	case CEL_LEEG:
		return "–";
	case CEL_VERBORGEN:
		return "x";
	case CEL_KLEIN:
		return "<10";
	}
	return "";
}

/* download: the page's path; extra: its other parameters, "&jaar=..."
 * (digits and fixed words only, see pagina()). */
static void html_tabel(FILE *f, const struct tabel *t, const char *download, const char *extra)
{
	char buf[GRAFIEK_GETAL_LEN];

	fprintf(f, "<section class=\"geld-%s\">\n<h2>", tabel_sleutel[t->id]);
	html_txt(f, t->titel);
	fputs("</h2>\n<div class=\"tabel-scroll\"><table>\n<caption>", f);
	html_txt(f, t->titel);
	fputs("</caption>\n<thead><tr>", f);
	for (size_t k = 0; k < t->n_kol; k++) {
		fputs("<th scope=\"col\">", f);
		html_txt(f, t->kol[k].kop);
		fputs("</th>", f);
	}
	fputs("</tr></thead>\n<tbody>\n", f);
	for (size_t r = 0; r < t->n_rij; r++) {
		const struct cel *c = cel((struct tabel *)t, r, 0);

		fputs("<tr><th scope=\"row\">", f);
		if (c[0].link[0]) {
			fputs("<a href=\"", f);
			html_attr(f, c[0].link);
			fputs("\">", f);
			html_txt(f, cel_tekst(&c[0], buf));
			fputs("</a>", f);
		} else {
			html_txt(f, cel_tekst(&c[0], buf));
		}
		fputs("</th>", f);
		for (size_t k = 1; k < t->n_kol; k++) {
			fputs(c[k].soort == CEL_TEKST ? "<td>" : "<td class=\"getal\">", f);
			html_txt(f, cel_tekst(&c[k], buf));
			fputs("</td>", f);
		}
		fputs("</tr>\n", f);
	}
	fputs("</tbody>\n</table></div>\n<p class=\"download\">Download: <a href=\"", f);
	html_attr(f, download);
	fprintf(f, ".csv?tabel=%s%s\">CSV</a> · <a href=\"", tabel_sleutel[t->id], extra);
	html_attr(f, download);
	fprintf(f, ".xlsx?tabel=%s%s", tabel_sleutel[t->id], extra);
	fputs("\">Excel (XLSX)</a></p>\n</section>\n", f);
}

static void csv_cel(FILE *f, const struct cel *c)
{
	switch (c->soort) {
	case CEL_TEKST:
		download_csv_tekst(f, c->tekst);
		break;
	case CEL_GELD: {
		int64_t a = c->getal < 0 ? -c->getal : c->getal;

		fprintf(f, "%s%lld,%02lld", c->getal < 0 ? "-" : "", (long long)(a / 100),
			(long long)(a % 100));
		break;
	}
	case CEL_AANTAL:
		fprintf(f, "%lld", (long long)c->getal);
		break;
	case CEL_PROCENT: {
		/* A percentage with a decimal comma, as the money is. */
		char p[GRAFIEK_GETAL_LEN];

		snprintf(p, sizeof p, "%.1f", 100.0 * c->fractie);
		for (char *x = p; *x; x++)
			if (*x == '.')
				*x = ',';
		fputs(p, f);
		break;
	}
	case CEL_LEEG:
		break;
	case CEL_VERBORGEN:
		fputc('x', f);
		break;
	case CEL_KLEIN:
		fputs("<10", f);
		break;
	}
}

static void csv_kop(FILE *f, const char *sleutel)
{
	size_t n = strlen(sleutel);
	const char *eind = "_eurocent";

	if (n > strlen(eind) && strcmp(sleutel + n - strlen(eind), eind) == 0)
		fprintf(f, "%.*s_euro", (int)(n - strlen(eind)), sleutel);
	else
		fputs(sleutel, f);
}

static void csv_tabel(FILE *f, const struct tabel *t)
{
	fputs("\xEF\xBB\xBF", f);
	for (size_t k = 0; k < t->n_kol; k++) {
		if (k)
			fputc(';', f);
		csv_kop(f, t->kol[k].sleutel);
	}
	fputs("\r\n", f);
	for (size_t r = 0; r < t->n_rij; r++) {
		for (size_t k = 0; k < t->n_kol; k++) {
			if (k)
				fputc(';', f);
			csv_cel(f, cel((struct tabel *)t, r, k));
		}
		fputs("\r\n", f);
	}
}

static struct xlsx *xlsx_tabel(const struct tabel *t)
{
	struct xlsx *x = xlsx_nieuw("Geld");
	int rc = 0;

	if (!x)
		return NULL;
	rc |= xlsx_rij(x);
	for (size_t k = 0; k < t->n_kol; k++)
		rc |= xlsx_kop(x, t->kol[k].kop);
	for (size_t r = 0; r < t->n_rij; r++) {
		rc |= xlsx_rij(x);
		for (size_t k = 0; k < t->n_kol; k++) {
			const struct cel *c = cel((struct tabel *)t, r, k);

			switch (c->soort) {
			case CEL_TEKST:
				rc |= xlsx_tekst(x, c->tekst);
				break;
			case CEL_GELD:
				/* Euros with cents, as the reader expects money. */
				rc |= xlsx_decimaal(x, (double)c->getal / 100.0);
				break;
			case CEL_AANTAL:
				rc |= xlsx_getal(x, c->getal);
				break;
			case CEL_PROCENT:
				rc |= xlsx_decimaal(x, round(1000.0 * c->fractie) / 10.0);
				break;
			case CEL_LEEG:
				rc |= xlsx_leeg(x);
				break;
			case CEL_VERBORGEN:
				rc |= xlsx_tekst(x, "x");
				break;
			case CEL_KLEIN:
				rc |= xlsx_tekst(x, "<10");
				break;
			}
		}
	}
	if (rc != 0) {
		xlsx_vrij(x);
		return NULL;
	}
	return x;
}

static void json_tabel(struct json *j, const struct tabel *t)
{
	json_key(j, tabel_sleutel[t->id]);
	json_object_begin(j);
	json_key(j, "titel");
	json_string(j, t->titel);
	json_key(j, "rijen");
	json_array_begin(j);
	for (size_t r = 0; r < t->n_rij; r++) {
		json_object_begin(j);
		for (size_t k = 0; k < t->n_kol; k++) {
			const struct cel *c = cel((struct tabel *)t, r, k);

			json_key(j, t->kol[k].sleutel);
			switch (c->soort) {
			case CEL_TEKST:
				json_string(j, c->tekst);
				break;
			case CEL_GELD:
			case CEL_AANTAL:
				json_int(j, c->getal);
				break;
			case CEL_PROCENT:
				json_fixed(j, c->fractie, DECIMALEN);
				break;
			case CEL_LEEG:
			case CEL_VERBORGEN:
			case CEL_KLEIN:
				json_null(j);
				break;
			}
		}
		json_object_end(j);
	}
	json_array_end(j);
	json_object_end(j);
}

/* ==== requests ================================================================ */

/* The parameters of a request, read and checked. */
struct invoer {
	struct cijfers_stand *stand;
	struct overzicht *o;
	struct vraag q;
	enum tabel_id tabel;
	char pad[64];           /* the page's path, for the download links */
};

static void invoer_vrij(struct invoer *in)
{
	if (in->o)
		ov_laat(in->o);
	cijfers_laat(in->stand);
}

/* Read the query of v (velden present: jaar always; segment, sorteer,
 * tabel and gemeente as the route takes them) and load the figures.
 * code: the {code} of a gemeente route (NULL: region). 0, or -1 with an
 * answer queued (*u). */
static int invoer_lees(struct web_verzoek *v, const char *code, bool met_segment,
		       bool met_tabel, bool met_gemeente, struct invoer *in, enum web_uitslag *u)
{
	char jaar[8] = "", seg[4] = "", sorteer[16] = "", tabel[16] = "", gem[8] = "";
	struct formulier_veld velden[5];
	size_t n = 0;
	int64_t j, s = -1;
	int peiljaar, rc;
	struct store *st;
	char melding[240];

	memset(in, 0, sizeof *in);
	velden[n++] = (struct formulier_veld){ "jaar", jaar, sizeof jaar, false };
	if (met_segment) {
		velden[n++] = (struct formulier_veld){ "segment", seg, sizeof seg, false };
		velden[n++] = (struct formulier_veld){ "sorteer", sorteer, sizeof sorteer, false };
	}
	if (met_tabel)
		velden[n++] = (struct formulier_veld){ "tabel", tabel, sizeof tabel, false };
	if (met_gemeente)
		velden[n++] = (struct formulier_veld){ "gemeente", gem, sizeof gem, false };
	if (query_lees(v, velden, n, u) < 0)
		return -1;
	if (query_getal(v, "segment", seg, 0, SEGMENT_AANTAL - 1, &s, u) < 0)
		return -1;
	if (*sorteer && strcmp(sorteer, "uitputting") != 0 && strcmp(sorteer, "wachtend") != 0)
		return query_weiger(v, "sorteer", "Sorteer op 'uitputting' (hoogste uitputting eerst) "
				    "of 'wachtend' (langste wachtlijst eerst).", u);
	in->q.segment = (int)s;
	in->q.wachtend_eerst = strcmp(sorteer, "wachtend") == 0;
	if (met_tabel) {
		in->tabel = T_AANTAL;
		for (int t = 0; t < T_AANTAL; t++)
			if (strcmp(tabel, tabel_sleutel[t]) == 0 &&
			    tabel_op_pagina((enum tabel_id)t, code != NULL))
				in->tabel = (enum tabel_id)t;
		if (in->tabel == T_AANTAL)
			return query_weiger(v, "tabel", code
				? "Kies een tabel: uitputting, routes, clientkosten, verrekening of "
				  "methode."
				: "Kies een tabel: uitputting, plafond, routes, clientkosten, "
				  "verrekening of methode.", u);
	}
	st = pagina_store(v, u);
	if (!st)
		return -1;
	rc = cijfers_pak(st, &in->stand);
	if (rc < 0) {
		in->stand = NULL;
		*u = pagina_store_fout(v, st, rc);
		return -1;
	}
	datum_delen(cijfers_peildatum(in->stand), &peiljaar, NULL, NULL);
	j = peiljaar;
	if (query_getal(v, "jaar", jaar, 2015, peiljaar, &j, u) < 0)
		goto fout;
	if (code || *gem) {
		const struct gemeente *g = cijfers_gemeente(in->stand, code ? code : gem);

		if (!g && code) {
			*u = pagina_fout(v, MHD_HTTP_NOT_FOUND, "niet_gevonden", NULL,
					 "Deze gemeente hoort niet bij de regio; zie de lijst van "
					 "gemeenten.");
			goto fout;
		}
		if (!g) {
			snprintf(melding, sizeof melding, "Gemeente '%s' is onbekend; gebruik de "
				 "CBS-code van vier cijfers (bijvoorbeeld 0546 voor Leiden, zie "
				 "/api/v1/gemeenten).", gem);
			query_weiger(v, "gemeente", melding, u);
			goto fout;
		}
		snprintf(in->pad, sizeof in->pad, "/gemeenten/%s/geld", g->code);
	} else {
		snprintf(in->pad, sizeof in->pad, "/geld");
	}
	in->o = ov_pak(st, in->stand, (int)j, &rc);
	if (!in->o) {
		*u = rc == -3 ? pagina_fout(v, MHD_HTTP_INTERNAL_SERVER_ERROR, "interne_fout", NULL,
					   "Er was onvoldoende geheugen om de geldcijfers te "
					   "berekenen.")
			      : pagina_store_fout(v, st, rc);
		goto fout;
	}
	in->q.o = in->o;
	in->q.wie = v->wie;
	in->q.gi = in->o->n_gem;
	if (code || *gem)
		for (size_t i = 0; i < in->o->n_gem; i++)
			if (strcmp(in->o->gem[i].code, code ? code : gem) == 0)
				in->q.gi = i;
	return 0;
fout:
	invoer_vrij(in);
	return -1;
}

static enum web_uitslag geheugen_op(struct web_verzoek *v)
{
	return pagina_fout(v, MHD_HTTP_INTERNAL_SERVER_ERROR, "interne_fout", NULL,
			   "Er was onvoldoende geheugen om de geldcijfers te berekenen.");
}

static bool alles_exact(const struct vraag *q)
{
	return toegang_gemeente_exact(q->wie, NULL);
}

static void html_methode(FILE *f, const struct overzicht *o)
{
	char van[11], tot[11], m[GRAFIEK_GETAL_LEN];

	fputs("<section class=\"geld-methode-uitleg\">\n<h2>Hoe de verwachting is berekend</h2>\n"
	      "<p>Verwacht jaareinde = goedgekeurde declaraties van het jaar + wat nog te "
	      "declareren is: voor elk lopend traject het gemiddelde goedgekeurde maandbedrag "
	      "maal de maanden na de laatst gedeclareerde maand tot en met december; voor "
	      "beëindigde trajecten de geleverde maanden die nog binnen de gebruikelijke "
	      "declaratievertraging vallen; en voor pas gestarte trajecten zonder declaratie het "
	      "gemiddelde maandbedrag van hun segment.</p>\n", f);
	fprintf(f, "<p>Declaratievertraging (dagtekening van de declaratie min het einde van de "
		"productperiode), gemeten over de declaraties van %s tot en met %s: mediaan "
		"<strong>%s dagen</strong>, 80%% binnen %d dagen, 95%% binnen %d dagen (n = %zu).</p>\n",
		datum_fmt(o->lag_van, van), datum_fmt(o->peildatum, tot),
		grafiek_nl(m, o->lag.mediaan, 0), o->lag.p80, o->lag.p95, o->lag.n);
	fputs("<p>Bandbreedte: dezelfde prognose, gemaakt op dezelfde datum in eerdere jaren op "
	      "het register zoals het toen bekend was, vergeleken met wat die jaren werkelijk "
	      "werden. De kleinste en grootste relatieve fout van het nog te declareren deel "
	      "geven de onder- en bovengrens. Met minder dan twee bruikbare jaren voor een "
	      "gemeente en segment geldt de terugblik van de regio.</p>\n</section>\n", f);
}

static void html_formulier(FILE *f, const struct invoer *in, bool regio)
{
	const struct overzicht *o = in->o;

	fputs("<form class=\"geld-keuze\" method=\"get\" action=\"", f);
	html_attr(f, in->pad);
	fputs("\">\n<label for=\"jaar\">Jaar</label> <select id=\"jaar\" name=\"jaar\">", f);
	{
		int laatste;

		datum_delen(o->peildatum, &laatste, NULL, NULL);
		for (int j = laatste; j >= o->eerste_jaar && j >= 2015; j--)
			fprintf(f, "<option value=\"%d\"%s>%d</option>", j,
				j == o->jaar ? " selected" : "", j);
	}
	fputs("</select>\n", f);
	if (regio) {
		fputs("<label for=\"segment\">Segment</label> <select id=\"segment\" "
		      "name=\"segment\"><option value=\"\">Alle segmenten</option>", f);
		for (int s = 0; s < SEGMENT_AANTAL; s++)
			fprintf(f, "<option value=\"%d\"%s>%d %s</option>", s,
				s == in->q.segment ? " selected" : "", s, segment_naam[s]);
		fputs("</select>\n<label for=\"sorteer\">Plafondparadox sorteren op</label> "
		      "<select id=\"sorteer\" name=\"sorteer\">", f);
		fprintf(f, "<option value=\"uitputting\"%s>uitputting</option>"
			"<option value=\"wachtend\"%s>wachtenden</option></select>\n",
			in->q.wachtend_eerst ? "" : " selected", in->q.wachtend_eerst ? " selected" : "");
	}
	fputs("<button type=\"submit\">Toon</button></form>\n", f);
}

static enum web_uitslag pagina(struct web_verzoek *v, const char *code)
{
	struct invoer in;
	enum web_uitslag u = WEB_FATAAL;
	struct web_buf b;
	char titel[160], d[11], extra[96];
	bool regio = code == NULL;
	FILE *f;

	if (invoer_lees(v, code, regio, false, false, &in, &u) < 0)
		return u;
	{
		char seg[32] = "";

		if (in.q.segment >= 0)
			snprintf(seg, sizeof seg, "&amp;segment=%d", in.q.segment);
		snprintf(extra, sizeof extra, "&amp;jaar=%d%s%s", in.o->jaar, seg,
			 in.q.wachtend_eerst ? "&amp;sorteer=wachtend" : "");
	}
	if (regio)
		snprintf(titel, sizeof titel, "Geld %d: budget, plafonds en verrekening", in.o->jaar);
	else
		snprintf(titel, sizeof titel, "Geld %d: %s", in.o->jaar, in.o->gem[in.q.gi].naam);
	if (web_buf_open(&b) < 0)
		goto uit;
	f = b.f;
	pagina_html_begin(f, titel, v->wie, regio ? "geld" : "gemeenten");
	fputs("<p class=\"inleiding\">", f);
	if (!regio) {
		html_txt(f, in.o->gem[in.q.gi].naam);
		fputs(": ", f);
	}
	fprintf(f, "budgetuitputting, verwacht jaareinde met bandbreedte, zorg buiten contract en "
		"PGB, cliëntkosten en verrekening, op peildatum <strong>%s</strong>. ",
		datum_fmt(in.o->peildatum, d));
	fputs(regio ? "<a href=\"/gemeenten\">Per gemeente</a>" : "<a href=\"/geld\">De hele "
	      "regio</a>", f);
	fputs("</p>\n", f);
	html_formulier(f, &in, regio);
	if (!alles_exact(&in.q))
		fputs("<p class=\"melding onderdrukt\">Afgeschermd: aantallen onder de 10 staan er als "
		      "&lt;10, andere zijn afgerond op 5. Een bedrag dat bij minder dan 10 jeugdigen "
		      "hoort is verborgen (x), met zo nodig een tweede zodat een totaal niets "
		      "verraadt; andere bedragen zijn afgerond op € 50.000. Budgetten en "
		      "omzetplafonds staan er zoals ze zijn vastgesteld.</p>\n", f);
	for (int t = 0; t < T_AANTAL; t++) {
		struct tabel tab;

		if (!tabel_op_pagina((enum tabel_id)t, !regio))
			continue;
		if (tabel_bouw(&in.q, (enum tabel_id)t, &tab) < 0) {
			tabel_vrij(&tab);
			fclose(b.f);
			free(b.data);
			u = geheugen_op(v);
			goto uit;
		}
		html_tabel(f, &tab, in.pad, extra);
		tabel_vrij(&tab);
		if (t == T_UITPUTTING)
			html_methode(f, in.o);
	}
	pagina_html_einde(f);
	u = pagina_html_klaar(v, &b);
uit:
	invoer_vrij(&in);
	return u;
}

static enum web_uitslag pagina_regio(struct web_verzoek *v)
{
	return pagina(v, NULL);
}

static enum web_uitslag pagina_gemeente(struct web_verzoek *v)
{
	return pagina(v, v->param[0]);
}

static enum web_uitslag download(struct web_verzoek *v, const char *code, bool xlsx)
{
	struct invoer in;
	enum web_uitslag u = WEB_FATAAL;
	struct tabel t;
	char naam[64];

	if (invoer_lees(v, code, code == NULL, true, false, &in, &u) < 0)
		return u;
	if (tabel_bouw(&in.q, in.tabel, &t) < 0) {
		tabel_vrij(&t);
		u = geheugen_op(v);
		goto uit;
	}
	snprintf(naam, sizeof naam, "geld-%s%s%s-%d.%s", tabel_sleutel[in.tabel], code ? "-" : "",
		 code ? in.o->gem[in.q.gi].code : "", in.o->jaar, xlsx ? "xlsx" : "csv");
	if (xlsx) {
		struct xlsx *x = xlsx_tabel(&t);
		unsigned char *data;
		size_t len;

		if (!x || xlsx_klaar(x, &data, &len) < 0)
			u = geheugen_op(v);
		else
			u = download_zend(v, data, len, DOWNLOAD_XLSX_TYPE, naam);
	} else {
		struct web_buf w;

		if (web_buf_open(&w) < 0) {
			u = WEB_FATAAL;
		} else {
			csv_tabel(w.f, &t);
			u = web_buf_sluit(&w) < 0
				    ? geheugen_op(v)
				    : download_zend(v, w.data, w.len, DOWNLOAD_CSV_TYPE, naam);
		}
	}
	tabel_vrij(&t);
uit:
	invoer_vrij(&in);
	return u;
}

static enum web_uitslag csv_regio(struct web_verzoek *v)
{
	return download(v, NULL, false);
}

static enum web_uitslag xlsx_regio(struct web_verzoek *v)
{
	return download(v, NULL, true);
}

static enum web_uitslag csv_gemeente(struct web_verzoek *v)
{
	return download(v, v->param[0], false);
}

static enum web_uitslag xlsx_gemeente(struct web_verzoek *v)
{
	return download(v, v->param[0], true);
}

static enum web_uitslag api(struct web_verzoek *v)
{
	struct invoer in;
	enum web_uitslag u = WEB_FATAAL;
	struct web_buf b;
	struct json j;
	char d[11];
	bool gemeente;

	if (invoer_lees(v, NULL, true, false, true, &in, &u) < 0)
		return u;
	gemeente = in.q.gi < in.o->n_gem;
	if (web_buf_open(&b) < 0)
		goto uit;
	json_init(&j, b.f, false);
	json_object_begin(&j);
	json_key(&j, "peildatum");
	json_string(&j, datum_fmt(in.o->peildatum, d));
	json_key(&j, "jaar");
	json_int(&j, in.o->jaar);
	json_key(&j, "gemeente");
	json_string(&j, gemeente ? in.o->gem[in.q.gi].code : NULL);
	json_key(&j, "segment");
	if (in.q.segment >= 0)
		json_int(&j, in.q.segment);
	else
		json_null(&j);
	json_key(&j, "data_versie");
	json_string(&j, in.o->versie);
	json_key(&j, "onderdrukt");
	json_bool(&j, !alles_exact(&in.q));
	json_key(&j, "afronding_eurocent");
	json_int(&j, AFRONDING);
	json_key(&j, "vertraging");
	json_object_begin(&j);
	json_key(&j, "van");
	json_string(&j, datum_fmt(in.o->lag_van, d));
	json_key(&j, "tot");
	json_string(&j, datum_fmt(in.o->peildatum, d));
	json_key(&j, "n");
	json_uint(&j, in.o->lag.n);
	json_key(&j, "mediaan_dagen");
	json_fixed(&j, in.o->lag.mediaan, 1);
	json_key(&j, "p80_dagen");
	json_int(&j, in.o->lag.p80);
	json_key(&j, "p95_dagen");
	json_int(&j, in.o->lag.p95);
	json_key(&j, "max_dagen");
	json_int(&j, in.o->lag.max);
	json_object_end(&j);
	json_key(&j, "tabellen");
	json_object_begin(&j);
	for (int t = 0; t < T_AANTAL; t++) {
		struct tabel tab;

		if (!tabel_op_pagina((enum tabel_id)t, gemeente))
			continue;
		if (tabel_bouw(&in.q, (enum tabel_id)t, &tab) < 0) {
			tabel_vrij(&tab);
			fclose(b.f);
			free(b.data);
			u = geheugen_op(v);
			goto uit;
		}
		json_tabel(&j, &tab);
		tabel_vrij(&tab);
	}
	json_object_end(&j);
	json_object_end(&j);
	u = pagina_json_klaar(v, &b, &j);
uit:
	invoer_vrij(&in);
	return u;
}

const struct route geld_routes[] = {
	{ "GET", "/geld", pagina_regio, EIS_PUBLIEK },
	{ "GET", "/geld.csv", csv_regio, EIS_PUBLIEK },
	{ "GET", "/geld.xlsx", xlsx_regio, EIS_PUBLIEK },
	{ "GET", "/gemeenten/{code}/geld", pagina_gemeente, EIS_PUBLIEK },
	{ "GET", "/gemeenten/{code}/geld.csv", csv_gemeente, EIS_PUBLIEK },
	{ "GET", "/gemeenten/{code}/geld.xlsx", xlsx_gemeente, EIS_PUBLIEK },
	{ "GET", "/api/v1/geld", api, EIS_PUBLIEK },
};
const size_t geld_routes_n = sizeof geld_routes / sizeof geld_routes[0];
