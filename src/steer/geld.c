/* geld: see geld.h. */
#include "steer/geld.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "domain/traject.h"

static int jaar_van(dag_t d)
{
	int j;

	datum_delen(d, &j, NULL, NULL);
	return j;
}

static int maandnr(dag_t d)
{
	int j, m;

	datum_delen(d, &j, &m, NULL);
	return j * 12 + (m - 1);
}

static int cmp_i32(const void *a, const void *b)
{
	int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;

	return (x > y) - (x < y);
}

static int cmp_i64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

/* Distinct values among v[0..n) (sorts v). */
static size_t verschillend(int64_t *v, size_t n)
{
	size_t k = 0;

	qsort(v, n, sizeof *v, cmp_i64);
	for (size_t i = 0; i < n; i++)
		k += i == 0 || v[i] != v[i - 1];
	return k;
}

static bool leeg(const char *s)
{
	return !s || !*s;
}

/* ==== lag ================================================================= */

static int32_t rang(const int32_t *v, size_t n, double q)
{
	size_t r = (size_t)ceil(q * (double)n);

	return v[(r ? r : 1) - 1];
}

int geld_vertraging(const struct geld_data *g, dag_t van, dag_t tot,
		    struct geld_vertraging *out)
{
	int32_t *v;
	size_t n = 0;

	memset(out, 0, sizeof *out);
	v = malloc((g->n_prestaties ? g->n_prestaties : 1) * sizeof *v);
	if (!v)
		return -1;
	for (size_t i = 0; i < g->n_prestaties; i++) {
		const struct geld_prestatie *p = &g->prestaties[i];

		if (p->dagtekening >= van && p->dagtekening <= tot)
			v[n++] = p->dagtekening - p->periode_eind;
	}
	if (n > 0) {
		qsort(v, n, sizeof *v, cmp_i32);
		out->n = n;
		out->mediaan = n % 2 ? v[n / 2] : ((double)v[n / 2 - 1] + v[n / 2]) / 2.0;
		out->p80 = rang(v, n, 0.8);
		out->p95 = rang(v, n, 0.95);
		out->max = v[n - 1];
	}
	free(v);
	return 0;
}

/* ==== the record as known on a date ======================================= */

int geld_kosten_op(const struct geld_data *g, dag_t op, struct traject_kosten **out, size_t *n)
{
	struct traject_kosten *k;
	size_t m = 0;
	int laatste_maand = -1;

	*out = NULL;
	*n = 0;
	k = malloc((g->n_prestaties ? g->n_prestaties : 1) * sizeof *k);
	if (!k)
		return -1;
	for (size_t i = 0; i < g->n_prestaties; i++) {
		const struct geld_prestatie *p = &g->prestaties[i];
		int jaar = jaar_van(p->periode_begin), mnd = maandnr(p->periode_begin);
		struct traject_kosten *c;

		if (p->dagtekening > op)
			continue;
		c = m ? &k[m - 1] : NULL;
		if (!c || c->traject_id != p->traject_id || c->jaar != jaar) {
			c = &k[m++];
			memset(c, 0, sizeof *c);
			c->traject_id = p->traject_id;
			c->jeugdige_id = p->jeugdige_id;
			memcpy(c->gemeente, p->gemeente, sizeof c->gemeente);
			memcpy(c->agb, p->agb, sizeof c->agb);
			c->segment = p->segment;
			c->jaar = jaar;
			c->laatste_periode_eind = DAG_GEEN;
			laatste_maand = -1;
		}
		c->goedgekeurd += p->bedrag;
		/* Sorted by periode_begin within a trajectory: a new month is
		 * a month not seen last. */
		if (mnd != laatste_maand)
			c->maanden++;
		laatste_maand = mnd;
		if (c->laatste_periode_eind == DAG_GEEN || p->periode_eind > c->laatste_periode_eind)
			c->laatste_periode_eind = p->periode_eind;
	}
	*out = k;
	*n = m;
	return 0;
}

/* ==== expected year-end ==================================================== */

static bool sel_past(const struct geld_selectie *s, const char *gemeente, const char *agb,
		     int segment)
{
	if (!leeg(s->agb))
		return strcmp(s->agb, agb) == 0;
	return (leeg(s->gemeente) || strcmp(s->gemeente, gemeente) == 0) &&
	       (s->segment < 0 || s->segment == segment);
}

/* The trajectory (jeugdige_id, id) of d (sorted by jeugdige_id, id). */
static const struct traject *zoek_traject(const struct kpi_data *d, int64_t jeugdige_id,
					  int64_t id)
{
	size_t lo = 0, hi = d->n_trajecten;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct traject *t = &d->trajecten[mid];

		if (t->jeugdige_id < jeugdige_id || (t->jeugdige_id == jeugdige_id && t->id < id))
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < d->n_trajecten && d->trajecten[lo].jeugdige_id == jeugdige_id &&
	    d->trajecten[lo].id == id)
		return &d->trajecten[lo];
	return NULL;
}

/* Average approved month of segment s in jaar over the whole region. */
static void maandgemiddelden(const struct kpi_data *d, int jaar, double gem[SEGMENT_AANTAL])
{
	int64_t som[SEGMENT_AANTAL] = { 0 }, mnd[SEGMENT_AANTAL] = { 0 };

	for (size_t k = 0; k < d->n_kosten; k++) {
		const struct traject_kosten *c = &d->kosten[k];

		if (c->jaar == jaar && c->segment >= 0 && c->segment < SEGMENT_AANTAL &&
		    c->maanden > 0) {
			som[c->segment] += c->goedgekeurd;
			mnd[c->segment] += c->maanden;
		}
	}
	for (int s = 0; s < SEGMENT_AANTAL; s++)
		gem[s] = mnd[s] ? (double)som[s] / (double)mnd[s] : 0.0;
}

int geld_verwachting(const struct kpi_data *d, const struct geld_selectie *s, int jaar,
		     dag_t peildatum, int32_t lag_p95, struct geld_verwachting *out)
{
	struct kpi_uitputting k;
	int64_t *ids, *met;
	size_t n_ids = 0, n_met = 0;
	double gem[SEGMENT_AANTAL];
	dag_t grens = peildatum - lag_p95;
	int dec = jaar * 12 + 11;

	memset(out, 0, sizeof *out);
	ids = malloc((d->n_kosten ? d->n_kosten : 1) * sizeof *ids);
	met = malloc((d->n_kosten ? d->n_kosten : 1) * sizeof *met);
	if (!ids || !met) {
		free(ids);
		free(met);
		return -1;
	}
	if (!leeg(s->agb))
		kpi_plafonduitputting(d, s->agb, jaar, peildatum, &k);
	else
		kpi_budgetuitputting(d, s->gemeente, jaar, s->segment, peildatum, &k);
	out->norm = k.norm;
	out->goedgekeurd = k.goedgekeurd;
	out->prognose = k.prognose;
	out->actief = k.actief;

	for (size_t i = 0; i < d->n_kosten; i++) {
		const struct traject_kosten *c = &d->kosten[i];
		const struct traject *t;

		if (c->jaar != jaar || !sel_past(s, c->gemeente, c->agb, c->segment))
			continue;
		if (c->goedgekeurd > 0)
			ids[n_ids++] = c->jeugdige_id;
		if (c->maanden <= 0)
			continue;
		met[n_met++] = c->traject_id;
		t = zoek_traject(d, c->jeugdige_id, c->traject_id);
		if (!t || t->begindatum == DAG_GEEN || traject_actief(t, peildatum) ||
		    t->einddatum == DAG_GEEN || t->einddatum > peildatum)
			continue;
		/* Ended: its months after the last approved one, up to the end
		 * month (within jaar), still expected when they ended within
		 * the lag's p95 before the peildatum. */
		int eind = maandnr(t->einddatum) < dec ? maandnr(t->einddatum) : dec, open = 0;
		for (int m = maandnr(c->laatste_periode_eind) + 1; m <= eind; m++)
			open += datum_maand_eind(datum_van(m / 12, m % 12 + 1, 1)) >= grens;
		out->nalevering += llround((double)c->goedgekeurd * open / c->maanden);
	}
	out->jeugdigen = verschillend(ids, n_ids);
	qsort(met, n_met, sizeof *met, cmp_i64);

	maandgemiddelden(d, jaar, gem);
	for (size_t i = 0; i < d->n_trajecten; i++) {
		const struct traject *t = &d->trajecten[i];
		int van;

		if (leeg(t->agb) || t->segment < 0 || t->segment >= SEGMENT_AANTAL ||
		    !traject_actief(t, peildatum) || t->begindatum < grens - 31 ||
		    !sel_past(s, t->gemeente, t->agb, t->segment) ||
		    bsearch(&t->id, met, n_met, sizeof *met, cmp_i64))
			continue;
		van = maandnr(t->begindatum) > jaar * 12 ? maandnr(t->begindatum) : jaar * 12;
		if (van <= dec)
			out->nieuw += llround(gem[t->segment] * (dec - van + 1));
	}
	free(ids);
	free(met);
	out->verwacht = out->goedgekeurd + out->prognose + out->nalevering + out->nieuw;
	if (out->norm != 0)
		out->aandeel = (double)out->verwacht / (double)out->norm;
	return 0;
}

dag_t geld_jaren_terug(dag_t d, int k)
{
	int j, m, dag;

	datum_delen(d, &j, &m, &dag);
	if (m == 2 && dag == 29)
		dag = 28;
	return datum_van(j - k, m, dag);
}

int geld_terugblik_maak(const struct geld_data *g, int jaar, dag_t peildatum, dag_t eerste,
			struct geld_terugblik *out)
{
	memset(out, 0, sizeof *out);
	for (int k = 1; k <= GELD_BACKTEST_JAREN; k++) {
		size_t i = out->n;

		if (datum_van(jaar - k, 1, 1) < eerste)
			break;
		out->jaar[i] = jaar - k;
		out->peildatum[i] = geld_jaren_terug(peildatum, k);
		if (geld_kosten_op(g, out->peildatum[i], &out->kosten[i], &out->n_kosten[i]) < 0) {
			geld_terugblik_vrij(out);
			return -1;
		}
		out->n++;
	}
	return 0;
}

void geld_terugblik_vrij(struct geld_terugblik *t)
{
	for (size_t i = 0; i < t->n; i++)
		free(t->kosten[i]);
	memset(t, 0, sizeof *t);
}

int geld_backtest(const struct kpi_data *d, const struct geld_terugblik *t,
		  const struct geld_selectie *s, int32_t lag_p95,
		  struct geld_backtest_jaar out[GELD_BACKTEST_JAREN])
{
	memset(out, 0, GELD_BACKTEST_JAREN * sizeof *out);
	for (size_t i = 0; i < t->n; i++) {
		struct kpi_data toen = *d;
		struct geld_verwachting v;
		struct geld_backtest_jaar *b = &out[i];

		toen.kosten = t->kosten[i];
		toen.n_kosten = t->n_kosten[i];
		if (geld_verwachting(&toen, s, t->jaar[i], t->peildatum[i], lag_p95, &v) < 0)
			return -1;
		b->jaar = t->jaar[i];
		b->peildatum = t->peildatum[i];
		b->goedgekeurd = v.goedgekeurd;
		b->verwacht = v.verwacht;
		for (size_t k = 0; k < d->n_kosten; k++) {
			const struct traject_kosten *c = &d->kosten[k];

			if (c->jaar == b->jaar && sel_past(s, c->gemeente, c->agb, c->segment))
				b->werkelijk += c->goedgekeurd;
		}
		int64_t deel = b->verwacht - b->goedgekeurd;
		b->geldig = deel > 0 && b->werkelijk > 0;
		if (b->geldig) {
			b->fout = (double)b->verwacht / (double)b->werkelijk - 1.0;
			b->r = (double)(b->werkelijk - b->goedgekeurd) / (double)deel - 1.0;
		}
	}
	return 0;
}

bool geld_band(const struct geld_verwachting *v, const struct geld_backtest_jaar *b, size_t n,
	       int64_t *laag, int64_t *hoog)
{
	double lo = 0.0, hi = 0.0;
	size_t geldig = 0;
	int64_t deel = v->verwacht - v->goedgekeurd;

	*laag = *hoog = v->verwacht;
	for (size_t i = 0; i < n; i++) {
		if (!b[i].geldig)
			continue;
		geldig++;
		lo = fmin(lo, b[i].r);
		hi = fmax(hi, b[i].r);
	}
	if (geldig < GELD_BAND_MIN)
		return false;
	*laag = v->verwacht + llround((double)deel * lo);
	*hoog = v->verwacht + llround((double)deel * hi);
	return true;
}

/* ==== one gemeente's part ==================================================== */

int geld_deel_maak(const struct kpi_data *d, const struct geld_data *g, const char *gemeente,
		   struct geld_deel *out)
{
	struct traject *t = malloc((d->n_trajecten ? d->n_trajecten : 1) * sizeof *t);
	struct traject_kosten *k = malloc((d->n_kosten ? d->n_kosten : 1) * sizeof *k);
	struct geld_prestatie *p = malloc((g->n_prestaties ? g->n_prestaties : 1) * sizeof *p);
	size_t nt = 0, nk = 0, np = 0;

	memset(out, 0, sizeof *out);
	if (!t || !k || !p) {
		free(t);
		free(k);
		free(p);
		return -1;
	}
	/* Filtering keeps the order the functions rely on. */
	for (size_t i = 0; i < d->n_trajecten; i++)
		if (strcmp(d->trajecten[i].gemeente, gemeente) == 0)
			t[nt++] = d->trajecten[i];
	for (size_t i = 0; i < d->n_kosten; i++)
		if (strcmp(d->kosten[i].gemeente, gemeente) == 0)
			k[nk++] = d->kosten[i];
	for (size_t i = 0; i < g->n_prestaties; i++)
		if (strcmp(g->prestaties[i].gemeente, gemeente) == 0)
			p[np++] = g->prestaties[i];
	out->d = *d;
	out->d.trajecten = t;
	out->d.n_trajecten = nt;
	out->d.kosten = k;
	out->d.n_kosten = nk;
	out->g = *g;
	out->g.prestaties = p;
	out->g.n_prestaties = np;
	return 0;
}

void geld_deel_vrij(struct geld_deel *x)
{
	free((void *)x->d.trajecten);
	free((void *)x->d.kosten);
	free((void *)x->g.prestaties);
	memset(x, 0, sizeof *x);
}

/* ==== ceiling paradox ======================================================= */

static int cmp_plafond_agb(const void *a, const void *b)
{
	return strcmp(((const struct geld_plafond *)a)->agb, ((const struct geld_plafond *)b)->agb);
}

int geld_plafonds(const struct kpi_data *d, int jaar, dag_t peildatum, int32_t lag_p95,
		  struct geld_plafond **out, size_t *n)
{
	struct geld_plafond *p;
	size_t m = 0;

	*out = NULL;
	*n = 0;
	p = calloc(d->n_plafonds ? d->n_plafonds : 1, sizeof *p);
	if (!p)
		return -1;
	for (size_t i = 0; i < d->n_plafonds; i++)
		if (d->plafonds[i].jaar == jaar && d->plafonds[i].bedrag > 0)
			memcpy(p[m++].agb, d->plafonds[i].agb, AGB_LEN);
	qsort(p, m, sizeof *p, cmp_plafond_agb);
	{
		size_t u = 0;

		for (size_t i = 0; i < m; i++)
			if (u == 0 || strcmp(p[u - 1].agb, p[i].agb) != 0)
				p[u++] = p[i];
		m = u;
	}
	for (size_t i = 0; i < m; i++) {
		struct geld_selectie s = { .gemeente = NULL, .segment = -1, .agb = p[i].agb };

		if (geld_verwachting(d, &s, jaar, peildatum, lag_p95, &p[i].v) < 0) {
			free(p);
			return -1;
		}
	}
	for (size_t i = 0; i < d->n_trajecten; i++) {
		const struct traject *t = &d->trajecten[i];
		struct geld_plafond sleutel, *x;

		if (leeg(t->agb) || !kpi_wachtend(t, peildatum))
			continue;
		memcpy(sleutel.agb, t->agb, AGB_LEN);
		x = bsearch(&sleutel, p, m, sizeof *p, cmp_plafond_agb);
		if (!x)
			continue;
		x->wachtend++;
		x->boven_norm += kpi_boven_norm_op(t, peildatum, d->norms);
	}
	*out = p;
	*n = m;
	return 0;
}

static int vergelijk(double a, double b)
{
	return (a < b) - (a > b); /* descending */
}

static int cmp_uitputting(const void *a, const void *b)
{
	const struct geld_plafond *x = a, *y = b;
	int c = vergelijk(x->v.aandeel, y->v.aandeel);

	if (!c)
		c = vergelijk((double)x->wachtend, (double)y->wachtend);
	return c ? c : strcmp(x->agb, y->agb);
}

static int cmp_wachtend(const void *a, const void *b)
{
	const struct geld_plafond *x = a, *y = b;
	int c = vergelijk((double)x->wachtend, (double)y->wachtend);

	if (!c)
		c = vergelijk(x->v.aandeel, y->v.aandeel);
	return c ? c : strcmp(x->agb, y->agb);
}

void geld_plafonds_sorteer(struct geld_plafond *p, size_t n, bool wachtend_eerst)
{
	qsort(p, n, sizeof *p, wachtend_eerst ? cmp_wachtend : cmp_uitputting);
}

/* ==== routes outside the contracted offer =================================== */

static int cmp_contract(const char *agb, int segment, const struct geld_contract *c)
{
	int x = strcmp(agb, c->agb);

	return x ? x : (segment > c->segment) - (segment < c->segment);
}

bool geld_gecontracteerd(const struct geld_data *g, const char *agb, int segment, dag_t dag)
{
	size_t lo = 0, hi = g->n_contracten;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (cmp_contract(agb, segment, &g->contracten[mid]) > 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t i = lo; i < g->n_contracten && cmp_contract(agb, segment, &g->contracten[i]) == 0;
	     i++) {
		const struct geld_contract *c = &g->contracten[i];

		if (c->begindatum <= dag &&
		    (c->einddatum == DAG_GEEN || dag <= c->einddatum || c->stilzwijgend_verlengd))
			return true;
	}
	return false;
}

static size_t gemeente_index(const struct kpi_data *d, const char *code)
{
	for (size_t i = 0; i < d->n_gemeenten; i++)
		if (strcmp(d->gemeenten[i].code, code) == 0)
			return i;
	return d->n_gemeenten;
}

/* A (cell, youth) pair for counting distinct youth per cell. */
struct paar {
	int64_t cel;
	int64_t jeugdige_id;
};

static int cmp_paar(const void *a, const void *b)
{
	const struct paar *x = a, *y = b;

	if (x->cel != y->cel)
		return (x->cel > y->cel) - (x->cel < y->cel);
	return (x->jeugdige_id > y->jeugdige_id) - (x->jeugdige_id < y->jeugdige_id);
}

int geld_zorgroutes(const struct kpi_data *d, const struct geld_data *g, int jaar,
		struct geld_route *out)
{
	size_t n = d->n_gemeenten, np = 0, cap = 2 * (g->n_prestaties + g->n_pgb) + 1;
	struct paar *pr = malloc(cap * sizeof *pr);

	memset(out, 0, (n + 1) * sizeof *out);
	if (!pr)
		return -1;
	for (size_t i = 0; i < g->n_prestaties + g->n_pgb; i++) {
		const char *gem;
		int64_t bedrag, jid;
		int soort;   /* 0 contract, 1 buiten, 2 pgb */

		if (i < g->n_prestaties) {
			const struct geld_prestatie *p = &g->prestaties[i];

			if (jaar_van(p->periode_begin) != jaar)
				continue;
			gem = p->gemeente;
			bedrag = p->bedrag;
			jid = p->jeugdige_id;
			soort = leeg(p->agb) ||
					geld_gecontracteerd(g, p->agb, p->segment, p->periode_begin)
				? 0 : 1;
		} else {
			const struct geld_pgb *p = &g->pgb[i - g->n_prestaties];

			if (p->jaar != jaar)
				continue;
			gem = p->gemeente;
			bedrag = p->bedrag;
			jid = p->jeugdige_id;
			soort = 2;
		}
		/* Its gemeente (an unknown code counts for the region only)
		 * and the region. */
		size_t cellen[2] = { gemeente_index(d, gem), n };
		for (int k = cellen[0] < n ? 0 : 1; k < 2; k++) {
			struct geld_route *r = &out[cellen[k]];

			*(soort == 0 ? &r->contract : soort == 1 ? &r->buiten_contract : &r->pgb) +=
				bedrag;
			pr[np++] = (struct paar){ (int64_t)cellen[k] * 3 + soort, jid };
		}
	}
	qsort(pr, np, sizeof *pr, cmp_paar);
	for (size_t i = 0; i < np; i++) {
		if (i > 0 && cmp_paar(&pr[i], &pr[i - 1]) == 0)
			continue;
		struct geld_route *r = &out[pr[i].cel / 3];
		switch (pr[i].cel % 3) {
		case 0: r->jeugdigen_contract++; break;
		case 1: r->jeugdigen_buiten++; break;
		default: r->jeugdigen_pgb++; break;
		}
	}
	free(pr);
	return 0;
}

/* ==== settlement ============================================================ */

int geld_verrekening(const struct kpi_data *d, int jaar, struct geld_verrekening *out)
{
	size_t n = d->n_gemeenten;
	int64_t kosten = 0, pop = 0, verdeeld = 0;
	int64_t *rest;

	memset(out, 0, (n + 1) * sizeof *out);
	rest = calloc(n ? n : 1, sizeof *rest);
	if (!rest)
		return -1;
	for (size_t i = 0; i <= n; i++) {
		struct kpi_clientkosten k;

		if (kpi_clientkosten(d, i < n ? d->gemeenten[i].code : NULL, jaar, &k) < 0) {
			free(rest);
			memset(out, 0, (n + 1) * sizeof *out);
			return -1;
		}
		out[i].naar_gebruik = k.goedgekeurd;
		out[i].jeugdigen = k.jeugdigen;
		if (i < n) {
			out[i].populatie = d->gemeenten[i].jeugdigen_0_17;
			pop += out[i].populatie;
			kosten += k.goedgekeurd;
		}
	}
	out[n].populatie = pop;
	out[n].naar_inwoners = kosten;
	out[n].aandeel = pop > 0 ? 1.0 : 0.0;
	if (pop > 0) {
		for (size_t i = 0; i < n; i++) {
			/* kosten × populatie stays far below 2^63 for a region's
			 * cents (1e12) × youth (1e6); __int128 would hide that. */
			int64_t t = kosten * out[i].populatie;

			out[i].aandeel = (double)out[i].populatie / (double)pop;
			out[i].naar_inwoners = t / pop;
			rest[i] = t % pop;
			verdeeld += out[i].naar_inwoners;
		}
		/* Largest remainder: the cents left go one each to the largest
		 * remainders (first gemeente on ties). */
		for (int64_t over = kosten - verdeeld; over > 0; over--) {
			size_t best = n;

			for (size_t i = 0; i < n; i++)
				if (rest[i] >= 0 && (best == n || rest[i] > rest[best]))
					best = i;
			if (best == n)
				break;
			out[best].naar_inwoners++;
			rest[best] = -1;
		}
	}
	for (size_t i = 0; i <= n; i++)
		out[i].verschil = out[i].naar_inwoners - out[i].naar_gebruik;
	free(rest);
	return 0;
}
