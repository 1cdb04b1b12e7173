/* koppel: matching waiting youth to free capacity (see koppel.h). */
#include "match/koppel.h"

#include <stdlib.h>
#include <string.h>

#include "match/ligging.h"

/* Fairness bands per gemeente: the fair share, then BANDEN - 1 dearer ones. */
#define BANDEN 6

struct koppel {
	struct koppel_gewichten w;
	struct ligging lig;
	struct mcf *g;
	int32_t t;                         /* the sink */
	int32_t niet_nu[LIGGING_MAX];      /* "not now" node per gemeente */
	int32_t band[LIGGING_MAX][BANDEN]; /* its arcs to the sink */
	int32_t wachtend[LIGGING_MAX];     /* active jeugdigen per gemeente */
	int32_t pbase;                     /* node of plek i: pbase + 2i, its crisis part + 1 */

	struct koppel_plek *plek;
	int32_t np, pcap;
	int32_t *parc;                     /* plek i's arcs to the sink: 2i, 2i + 1 (crisis) */
	int *afstand;                      /* plek i from gemeente c: [i * LIGGING_MAX + c], 100 m */

	struct koppel_jeugdige *jd;
	int32_t nj, jcap, actief;
	int32_t *gem, *eerste, *laatste;   /* gemeente index, arc range [eerste, laatste) */
	bool *weg;
	struct koppel_voorstel *vs;
	int64_t totaal;
};

void koppel_gewichten_standaard(struct koppel_gewichten *w)
{
	w->max_afstand_km = 30;
	w->geen_voorkeur = 150;
	w->wisselen = 40;
	w->wacht_basis[URGENTIE_NORMAAL] = 1000;
	w->wacht_basis[URGENTIE_VERHOOGD] = 2000;
	w->wacht_basis[URGENTIE_HOOG] = 4000;
	w->wacht_per_week = 20;
	w->treeknorm_sprong = 1500;
	w->crisis = 10000;
	w->eerlijk_stap = 100;
}

struct koppel *koppel_new(const struct koppel_gewichten *w)
{
	struct koppel *k = calloc(1, sizeof *k);
	if (!k)
		return NULL;
	k->w = *w;
	/* T is the solver's free sink: a new jeugdige changes no other
	 * supply, so the warm re-solve only routes its own unit. */
	if (ligging_laad(&k->lig) || !(k->g = mcf_new_sink(1024, 16384)))
		goto fout;
	k->t = mcf_add_node(k->g, 0);
	for (int c = 0; c < k->lig.n; c++) {
		if ((k->niet_nu[c] = mcf_add_node(k->g, 0)) < 0)
			goto fout;
		for (int b = 0; b < BANDEN; b++)
			if ((k->band[c][b] = mcf_add_arc(k->g, k->niet_nu[c], k->t, 0, b * w->eerlijk_stap)) < 0)
				goto fout;
	}
	k->pbase = mcf_nodes(k->g);
	return k;
fout:
	koppel_free(k);
	return NULL;
}

void koppel_free(struct koppel *k)
{
	if (!k)
		return;
	mcf_free(k->g);
	free(k->plek);
	free(k->parc);
	free(k->afstand);
	free(k->jd);
	free(k->gem);
	free(k->eerste);
	free(k->laatste);
	free(k->weg);
	free(k->vs);
	free(k);
}

#define GROW(p, n) grow((void **)&(p), (size_t)(n), sizeof *(p))

static int grow(void **p, size_t n, size_t size)
{
	void *q = realloc(*p, n * size);
	if (!q)
		return -1;
	*p = q;
	return 0;
}

int32_t koppel_plek_add(struct koppel *k, const struct koppel_plek *p)
{
	if (k->nj > 0 || p->id == 0 || p->plaatsen < 0 || p->crisisplaatsen < 0 ||
	    p->crisisplaatsen > p->plaatsen)
		return -1;
	double lat = p->lat, lon = p->lon;
	if (!p->eigen_ligging) {
		int c = ligging_zoek(&k->lig, p->gemeente);
		if (c < 0)
			return -1;
		lat = k->lig.g[c].lat;
		lon = k->lig.g[c].lon;
	}
	if (k->np == k->pcap) {
		int32_t c = k->pcap ? k->pcap * 2 : 64;
		if (GROW(k->plek, c) || GROW(k->parc, 2 * (size_t)c) || GROW(k->afstand, (size_t)c * LIGGING_MAX))
			return -1;
		k->pcap = c;
	}
	int32_t i = k->np;
	int32_t v = mcf_add_node(k->g, 0), vc = mcf_add_node(k->g, 0);
	if (v != k->pbase + 2 * i || vc != v + 1)
		return -1;
	int32_t a = mcf_add_arc(k->g, v, k->t, p->plaatsen - p->crisisplaatsen, 0);
	int32_t ac = mcf_add_arc(k->g, vc, k->t, p->crisisplaatsen, 0);
	if (a < 0 || ac < 0)
		return -1;
	k->plek[i] = *p;
	k->parc[2 * i] = a;
	k->parc[2 * i + 1] = ac;
	for (int c = 0; c < k->lig.n; c++)
		k->afstand[(size_t)i * LIGGING_MAX + (size_t)c] =
			(int)(ligging_afstand_m(k->lig.g[c].lat, k->lig.g[c].lon, lat, lon) / 100.0 + 0.5);
	return k->np++;
}

int koppel_plek_zet(struct koppel *k, int32_t plek, int plaatsen, int crisisplaatsen)
{
	if (plek < 0 || plek >= k->np || plaatsen < 0 || crisisplaatsen < 0 || crisisplaatsen > plaatsen)
		return -1;
	k->plek[plek].plaatsen = plaatsen;
	k->plek[plek].crisisplaatsen = crisisplaatsen;
	mcf_set_cap(k->g, k->parc[2 * plek], plaatsen - crisisplaatsen);
	mcf_set_cap(k->g, k->parc[2 * plek + 1], crisisplaatsen);
	return 0;
}

/* The cost of leaving j waiting for now; -1 on overflow. */
static int64_t wachtkosten(const struct koppel_gewichten *w, const struct koppel_jeugdige *j)
{
	int64_t basis = 0, weken = j->weken_gewacht < 0 ? 0 : j->weken_gewacht, c;
	switch (j->urgentie) {
	case URGENTIE_NORMAAL:
	case URGENTIE_VERHOOGD:
	case URGENTIE_HOOG:
		basis = w->wacht_basis[j->urgentie];
		break;
	}
	if (__builtin_mul_overflow(weken, w->wacht_per_week, &c) || __builtin_add_overflow(c, basis, &c))
		return -1;
	if (j->weken_gewacht >= j->treeknorm_weken && __builtin_add_overflow(c, w->treeknorm_sprong, &c))
		return -1;
	if (j->crisis && __builtin_add_overflow(c, w->crisis, &c))
		return -1;
	return c;
}

static bool past(const struct koppel *k, const struct koppel_jeugdige *j, int32_t p, int c)
{
	const struct koppel_plek *pl = &k->plek[p];
	return pl->segment == j->segment &&
	       (j->productcode[0] == '\0' || strcmp(j->productcode, pl->productcode) == 0) &&
	       j->leeftijd >= pl->leeftijd_min && j->leeftijd <= pl->leeftijd_max &&
	       k->afstand[(size_t)p * LIGGING_MAX + (size_t)c] <= k->w.max_afstand_km * 10;
}

static int64_t plekkosten(const struct koppel *k, const struct koppel_jeugdige *j, int32_t p, int c)
{
	const struct koppel_plek *pl = &k->plek[p];
	int64_t kosten = k->afstand[(size_t)p * LIGGING_MAX + (size_t)c];
	if (j->voorkeur_agb[0] != '\0' && strcmp(j->voorkeur_agb, pl->agb) != 0)
		kosten += k->w.geen_voorkeur;
	if (j->vorig_voorstel != 0 && j->vorig_voorstel != pl->id)
		kosten += k->w.wisselen;
	return kosten;
}

int32_t koppel_jeugdige_add(struct koppel *k, const struct koppel_jeugdige *j)
{
	int c = ligging_zoek(&k->lig, j->gemeente);
	int64_t wacht = wachtkosten(&k->w, j);
	if (c < 0 || wacht < 0)
		return -1;
	if (j->vorig_voorstel != 0 && __builtin_add_overflow(wacht, k->w.wisselen, &wacht))
		return -1;
	if (k->nj == k->jcap) {
		int32_t n = k->jcap ? k->jcap * 2 : 256;
		if (GROW(k->jd, n) || GROW(k->gem, n) || GROW(k->eerste, n) || GROW(k->laatste, n) ||
		    GROW(k->weg, n) || GROW(k->vs, n))
			return -1;
		k->jcap = n;
	}
	int32_t i = k->nj, v = mcf_add_node(k->g, 1);
	if (v < 0)
		return -1;
	int32_t eerste = mcf_arcs(k->g);
	for (int32_t p = 0; p < k->np; p++) {
		if (!past(k, j, p, c))
			continue;
		int64_t kosten = plekkosten(k, j, p, c);
		/* A crisis case takes a reserved place before an open one, so
		 * that the open places stay for the others. */
		if (mcf_add_arc(k->g, v, k->pbase + 2 * p, 1, kosten + (j->crisis ? 1 : 0)) < 0)
			return -1;
		if (j->crisis && mcf_add_arc(k->g, v, k->pbase + 2 * p + 1, 1, kosten) < 0)
			return -1;
	}
	/* Capacity 2 where the supply allows only 1: the spare unit lets the
	 * solver start the jeugdige on this arc (mcf's crash start). */
	if (mcf_add_arc(k->g, v, k->niet_nu[c], 2, wacht) < 0)
		return -1;
	k->jd[i] = *j;
	k->gem[i] = c;
	k->eerste[i] = eerste;
	k->laatste[i] = mcf_arcs(k->g);
	k->weg[i] = false;
	memset(&k->vs[i], 0, sizeof k->vs[i]);
	k->vs[i].jeugdige = j->id;
	k->vs[i].keuze = KEUZE_GEEN;
	k->vs[i].tweede = KEUZE_GEEN;
	k->wachtend[c]++;
	k->actief++;
	k->nj++;
	return i;
}

/* Jeugdige i's node: the nodes of jeugdigen follow those of the plekken. */
static int32_t jnode(const struct koppel *k, int32_t i)
{
	return mcf_arc_from(k->g, k->eerste[i]);
}

int koppel_jeugdige_weg(struct koppel *k, int32_t i)
{
	if (i < 0 || i >= k->nj || k->weg[i])
		return -1;
	mcf_set_supply(k->g, jnode(k, i), 0);
	for (int32_t a = k->eerste[i]; a < k->laatste[i]; a++)
		mcf_set_cap(k->g, a, 0);
	k->weg[i] = true;
	k->wachtend[k->gem[i]]--;
	k->actief--;
	k->vs[i].keuze = KEUZE_GEEN;
	k->vs[i].tweede = KEUZE_GEEN;
	return 0;
}

int koppel_verbied(struct koppel *k, int32_t i, int32_t plek)
{
	if (i < 0 || i >= k->nj || plek < 0 || plek >= k->np)
		return -1;
	for (int32_t a = k->eerste[i]; a < k->laatste[i]; a++) {
		int32_t v = mcf_arc_to(k->g, a) - k->pbase;
		if (v >= 0 && v / 2 == plek)
			mcf_set_cap(k->g, a, 0);
	}
	return 0;
}

/* What arc a of a jeugdige leads to. */
static enum koppel_keuze optie(const struct koppel *k, int32_t a, int32_t *plek, bool *crisis)
{
	int32_t v = mcf_arc_to(k->g, a) - k->pbase;
	if (v < 0)
		return KEUZE_NIET_NU;
	*plek = v / 2;
	*crisis = v % 2 == 1;
	return KEUZE_PLEK;
}

/* Fairness bands from the current numbers (see koppel.h). */
static void zet_banden(struct koppel *k)
{
	int64_t plaatsen = 0;
	for (int32_t p = 0; p < k->np; p++)
		plaatsen += k->plek[p].plaatsen;
	int64_t tekort = k->actief > plaatsen ? k->actief - plaatsen : 0;
	for (int c = 0; c < k->lig.n; c++) {
		int64_t n = k->wachtend[c];
		int64_t deel = k->actief > 0 ? (tekort * n + k->actief - 1) / k->actief : 0;
		int64_t tiende = (n + 9) / 10;
		mcf_set_cap(k->g, k->band[c][0], deel);
		for (int b = 1; b < BANDEN - 1; b++)
			mcf_set_cap(k->g, k->band[c][b], tiende);
		mcf_set_cap(k->g, k->band[c][BANDEN - 1], n + 1); /* + 1: room to spare, as above */
	}
}

enum mcf_status koppel_los_op(struct koppel *k)
{
	zet_banden(k);
	enum mcf_status s = mcf_solve(k->g);
	switch (s) {
	case MCF_OPTIMAL:
		break;
	case MCF_INFEASIBLE:
	case MCF_OVERFLOW:
	case MCF_NOMEM:
		return s;
	}
	k->totaal = mcf_total_cost(k->g);
	const int64_t *flow = mcf_flows(k->g);
	for (int32_t i = 0; i < k->nj; i++) {
		struct koppel_voorstel *v = &k->vs[i];
		if (k->weg[i])
			continue;
		const struct koppel_jeugdige *j = &k->jd[i];
		v->keuze = KEUZE_GEEN;
		v->tweede = KEUZE_GEEN;
		v->wachtkosten = mcf_arc_cost(k->g, k->laatste[i] - 1);
		for (int32_t a = k->eerste[i]; a < k->laatste[i]; a++) {
			if (flow[a] == 0)
				continue;
			int32_t p = -1;
			bool crisis = false;
			v->keuze = optie(k, a, &p, &crisis);
			v->kosten = mcf_arc_cost(k->g, a);
			v->plek = 0;
			v->crisisplaats = false;
			v->afstand_hm = 0;
			v->voorkeur = false;
			v->als_vorig = false;
			if (v->keuze == KEUZE_PLEK) {
				const struct koppel_plek *pl = &k->plek[p];
				v->plek = pl->id;
				v->crisisplaats = crisis;
				v->afstand_hm = k->afstand[(size_t)p * LIGGING_MAX + (size_t)k->gem[i]];
				v->voorkeur = j->voorkeur_agb[0] != '\0' && strcmp(j->voorkeur_agb, pl->agb) == 0;
				v->als_vorig = j->vorig_voorstel == pl->id;
			}
			break;
		}
	}
	return s;
}

int koppel_uitleg(struct koppel *k)
{
	if (mcf_anchor_potentials(k->g, k->t))
		return -1;
	for (int32_t i = 0; i < k->nj; i++) {
		struct koppel_voorstel *v = &k->vs[i];
		if (k->weg[i])
			continue;
		int32_t gekozen = -1, beste = -1;
		int64_t min = 0;
		for (int32_t a = k->eerste[i]; a < k->laatste[i]; a++)
			if (mcf_flow(k->g, a) > 0) {
				gekozen = a;
				break;
			}
		int32_t pk = -1, p = -1;
		bool crisis = false;
		if (gekozen >= 0)
			(void)optie(k, gekozen, &pk, &crisis);
		for (int32_t a = k->eerste[i]; a < k->laatste[i]; a++) {
			if (a == gekozen || mcf_arc_cap(k->g, a) == 0)
				continue;
			if (optie(k, a, &p, &crisis) == KEUZE_PLEK && p == pk)
				continue; /* the other part of the same plek */
			int64_t r = mcf_reduced_cost(k->g, a);
			if (beste < 0 || r < min) {
				beste = a;
				min = r;
			}
		}
		v->tweede = KEUZE_GEEN;
		v->tweede_plek = 0;
		v->tweede_kosten = 0;
		v->meerkosten = 0;
		if (beste < 0)
			continue;
		v->tweede = optie(k, beste, &p, &crisis);
		if (v->tweede == KEUZE_PLEK)
			v->tweede_plek = k->plek[p].id;
		v->tweede_kosten = mcf_arc_cost(k->g, beste);
		v->meerkosten = min;
	}
	return 0;
}

int32_t koppel_opties(const struct koppel *k, int32_t i, struct koppel_optie *uit, int32_t max)
{
	if (i < 0 || i >= k->nj)
		return 0;
	int32_t n = 0;
	for (int32_t a = k->eerste[i]; a < k->laatste[i]; a++, n++) {
		if (n >= max)
			continue;
		struct koppel_optie *o = &uit[n];
		o->plek = -1;
		o->crisisplaats = false;
		o->keuze = optie(k, a, &o->plek, &o->crisisplaats);
		o->kosten = mcf_arc_cost(k->g, a);
		o->open = mcf_arc_cap(k->g, a) > 0;
		o->gekozen = mcf_flow(k->g, a) > 0;
		o->meerkosten = mcf_reduced_cost(k->g, a);
	}
	return n;
}

int koppel_precies(const struct koppel *k, int32_t i, int32_t optie, int64_t *meerkosten)
{
	if (i < 0 || i >= k->nj || k->weg[i] || optie < 0 || optie >= k->laatste[i] - k->eerste[i])
		return -1;
	int32_t a = k->eerste[i] + optie, nu = -1;
	for (int32_t b = k->eerste[i]; b < k->laatste[i]; b++)
		if (mcf_flow(k->g, b) > 0)
			nu = b;
	if (nu < 0 || nu == a || mcf_arc_cap(k->g, a) == 0)
		return -1;
	/* The unit moves from the proposal's option to the other: the rest
	 * of the network carries one unit from the new option's node to the
	 * old one's (through whoever is displaced). */
	int64_t pad;
	int rc = mcf_path_cost(k->g, mcf_arc_to(k->g, a), mcf_arc_to(k->g, nu), &pad);
	if (rc != 0)
		return rc; /* 1: that option cannot be had at all (e.g. no place there) */
	*meerkosten = mcf_arc_cost(k->g, a) - mcf_arc_cost(k->g, nu) + pad;
	return 0;
}

int32_t koppel_jeugdigen(const struct koppel *k) { return k->nj; }
int32_t koppel_plekken(const struct koppel *k) { return k->np; }
int64_t koppel_totaal(const struct koppel *k) { return k->totaal; }
const struct mcf *koppel_mcf(const struct koppel *k) { return k->g; }

const struct koppel_voorstel *koppel_voorstel(const struct koppel *k, int32_t i)
{
	return i >= 0 && i < k->nj ? &k->vs[i] : NULL;
}
