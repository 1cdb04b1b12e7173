/* match_bench: times src/match on a random region of N waiting jeugdigen
 * and P plekken (about 6.7 free places each), and writes the same
 * instances for the peers that bench/match.sh runs next to it.
 *
 *   match_bench N P ROUNDS DIR
 *
 * Prints (medians over ROUNDS, milliseconds):
 *   model   building the network (koppel_jeugdige_add for every jeugdige)
 *   full    koppel_los_op from scratch
 *   incr    koppel_los_op warm after adding 10 new jeugdigen
 *   uitleg  koppel_uitleg (anchored potentials, runner-up per jeugdige)
 * and writes DIR/full.min, DIR/incr.min (DIMACS, for LEMON: the same
 * graph, fairness bands included), and DIR/lsa.bin with DIR/lsa.txt: the
 * expanded assignment form for scipy's linear_sum_assignment (one column
 * per place; fairness off, as an assignment cannot express it), with our
 * optimum of that variant to compare.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lib/rng.h"
#include "match/koppel.h"
#include "match/mcf.h"

static const char *const gemeenten[] = { "0546", "0547", "0579", "0626", "0638", "0534", "0537",
					 "0553", "0575", "1525", "0484", "1884", "0569" };
/* Relative frequency of the segments 1..7 among waiting youth and places. */
static const int segment_gewicht[8] = { 0, 5, 8, 12, 40, 10, 5, 20 };

static double nu_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static int cmp_d(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static double mediaan(double *v, int n)
{
	qsort(v, (size_t)n, sizeof *v, cmp_d);
	return v[n / 2];
}

static int segment(struct rng *r)
{
	int t = (int)rng_below(r, 100);
	for (int s = 1; s < 8; s++) {
		if (t < segment_gewicht[s])
			return s;
		t -= segment_gewicht[s];
	}
	return 4;
}

static void product(char *out, int seg, int k)
{
	snprintf(out, PRODUCTCODE_LEN, "4%dA%02d", seg, k);
}

static void maak_plek(struct rng *r, struct koppel_plek *p, int64_t id)
{
	static const int leeftijd[4][2] = { { 0, 17 }, { 4, 12 }, { 12, 17 }, { 0, 5 } };
	memset(p, 0, sizeof *p);
	p->id = id;
	snprintf(p->agb, AGB_LEN, "98000%03u", (unsigned char)rng_below(r, 60));
	p->segment = segment(r);
	product(p->productcode, p->segment, (int)rng_below(r, 3));
	int l = (int)rng_below(r, 4);
	p->leeftijd_min = leeftijd[l][0];
	p->leeftijd_max = leeftijd[l][1];
	memcpy(p->gemeente, gemeenten[rng_below(r, 13)], GEMEENTE_CODE_LEN);
	p->plaatsen = 1 + (int)rng_below(r, 12);
	p->crisisplaatsen = rng_below(r, 10) == 0 ? 1 : 0;
}

static void maak_jeugdige(struct rng *r, struct koppel_jeugdige *j, int64_t id)
{
	memset(j, 0, sizeof *j);
	j->id = id;
	j->segment = segment(r);
	if (rng_below(r, 10) < 7)
		product(j->productcode, j->segment, (int)rng_below(r, 3));
	j->leeftijd = (int)rng_below(r, 18);
	memcpy(j->gemeente, gemeenten[rng_below(r, 13)], GEMEENTE_CODE_LEN);
	int u = (int)rng_below(r, 20);
	j->urgentie = u < 16 ? URGENTIE_NORMAAL : u < 19 ? URGENTIE_VERHOOGD : URGENTIE_HOOG;
	j->weken_gewacht = (int)rng_below(r, 30);
	j->treeknorm_weken = 14;
	j->crisis = rng_below(r, 30) == 0;
	if (rng_below(r, 5) == 0)
		snprintf(j->voorkeur_agb, AGB_LEN, "98000%03u", (unsigned char)rng_below(r, 60));
}

/* The region: P plekken, N jeugdigen; the same seed gives the same one. */
static struct koppel *maak(const struct koppel_gewichten *w, int n, int np, double *model_ms)
{
	struct rng r;
	rng_stream(&r, 2026, 6);
	struct koppel *k = koppel_new(w);
	if (!k)
		return NULL;
	for (int p = 0; p < np; p++) {
		struct koppel_plek pl;
		maak_plek(&r, &pl, p + 1);
		if (koppel_plek_add(k, &pl) < 0)
			goto fout;
	}
	double t0 = nu_ms();
	for (int i = 0; i < n; i++) {
		struct koppel_jeugdige j;
		maak_jeugdige(&r, &j, i + 1);
		if (koppel_jeugdige_add(k, &j) < 0)
			goto fout;
	}
	*model_ms = nu_ms() - t0;
	return k;
fout:
	koppel_free(k);
	return NULL;
}

static int schrijf_dimacs(const struct mcf *g, const char *pad)
{
	FILE *f = fopen(pad, "w");
	if (!f)
		return -1;
	int32_t n = mcf_nodes(g), m = mcf_arcs(g);
	int64_t *sup = calloc((size_t)n, sizeof *sup);
	if (!sup) {
		fclose(f);
		return -1;
	}
	/* Supplies from the optimal flow's balance (mcf keeps them private). */
	for (int32_t e = 0; e < m; e++) {
		sup[mcf_arc_from(g, e)] += mcf_flow(g, e);
		sup[mcf_arc_to(g, e)] -= mcf_flow(g, e);
	}
	fprintf(f, "p min %d %d\n", n, m);
	for (int32_t v = 0; v < n; v++)
		if (sup[v] != 0)
			fprintf(f, "n %d %lld\n", v + 1, (long long)sup[v]);
	for (int32_t e = 0; e < m; e++)
		fprintf(f, "a %d %d 0 %lld %lld\n", mcf_arc_from(g, e) + 1, mcf_arc_to(g, e) + 1,
			(long long)mcf_arc_cap(g, e), (long long)mcf_arc_cost(g, e));
	free(sup);
	return fclose(f);
}

/* The assignment form: rows jeugdigen, one column per place (open places
 * of each plek, then its reserved ones). Entry: option cost minus the
 * jeugdige's "not now" cost where the place fits (always < 0), else 0
 * (= stays waiting). Optimum = ours - sum of the "not now" costs. */
static int schrijf_lsa(const struct koppel *k, int np, const int *plaatsen, const int *crisis, const char *dir,
		       int64_t ons)
{
	int32_t n = koppel_jeugdigen(k), cols = 0;
	int32_t *kol = malloc(sizeof(int32_t) * (size_t)np * 2);
	struct koppel_optie *o = malloc(sizeof *o * (size_t)(np * 2 + 1));
	double *rij = malloc(sizeof(double) * (size_t)(n + 2 * np));
	char pad[512];
	int rc = -1;
	if (!kol || !o || !rij)
		goto uit;
	for (int p = 0; p < np; p++) {
		kol[2 * p] = cols;
		cols += plaatsen[p] - crisis[p];
		kol[2 * p + 1] = cols;
		cols += crisis[p];
	}
	snprintf(pad, sizeof pad, "%s/lsa.bin", dir);
	FILE *f = fopen(pad, "wb");
	if (!f)
		goto uit;
	int64_t wacht = 0;
	for (int32_t i = 0; i < n; i++) {
		int32_t no = koppel_opties(k, i, o, np * 2 + 1);
		int64_t w = 0;
		for (int32_t a = 0; a < no; a++)
			if (o[a].keuze == KEUZE_NIET_NU)
				w = o[a].kosten;
		wacht += w;
		for (int32_t c = 0; c < cols; c++)
			rij[c] = 0;
		for (int32_t a = 0; a < no; a++) {
			if (o[a].keuze != KEUZE_PLEK)
				continue;
			int p = o[a].plek, deel = o[a].crisisplaats ? 1 : 0;
			int breed = deel ? crisis[p] : plaatsen[p] - crisis[p];
			for (int c = 0; c < breed; c++)
				rij[kol[2 * p + deel] + c] = (double)(o[a].kosten - w);
		}
		if (fwrite(rij, sizeof *rij, (size_t)cols, f) != (size_t)cols) {
			fclose(f);
			goto uit;
		}
	}
	if (fclose(f))
		goto uit;
	snprintf(pad, sizeof pad, "%s/lsa.txt", dir);
	f = fopen(pad, "w");
	if (!f)
		goto uit;
	fprintf(f, "%d %d %lld %lld\n", n, cols, (long long)wacht, (long long)ons);
	rc = fclose(f);
uit:
	free(kol);
	free(o);
	free(rij);
	return rc;
}

int main(int argc, char **argv)
{
	if (argc != 5) {
		fprintf(stderr, "usage: match_bench N P ROUNDS DIR\n");
		return 2;
	}
	int n = atoi(argv[1]), np = atoi(argv[2]), rondes = atoi(argv[3]);
	const char *dir = argv[4];
	if (n <= 0 || np <= 0 || rondes <= 0 || rondes > 99)
		return 2;
	struct koppel_gewichten w;
	koppel_gewichten_standaard(&w);
	double model[99], vol[99], incr[99], uitleg[99];
	int64_t kosten = 0, pivots_vol = 0, pivots_incr = 0;
	int32_t bogen = 0;
	char pad[512];
	for (int r = 0; r < rondes; r++) {
		struct koppel *k = maak(&w, n, np, &model[r]);
		if (!k)
			return 1;
		double t0 = nu_ms();
		if (koppel_los_op(k) != MCF_OPTIMAL)
			return 1;
		vol[r] = nu_ms() - t0;
		kosten = koppel_totaal(k);
		pivots_vol = mcf_pivots(koppel_mcf(k));
		bogen = mcf_arcs(koppel_mcf(k));
		t0 = nu_ms();
		if (koppel_uitleg(k))
			return 1;
		uitleg[r] = nu_ms() - t0;
		if (r == 0) {
			snprintf(pad, sizeof pad, "%s/full.min", dir);
			if (schrijf_dimacs(koppel_mcf(k), pad))
				return 1;
		}
		/* 10 new jeugdigen, then a warm re-solve */
		struct rng rr;
		rng_stream(&rr, 77, (uint64_t)r);
		t0 = nu_ms();
		for (int i = 0; i < 10; i++) {
			struct koppel_jeugdige j;
			maak_jeugdige(&rr, &j, n + 1 + i);
			if (koppel_jeugdige_add(k, &j) < 0)
				return 1;
		}
		if (koppel_los_op(k) != MCF_OPTIMAL)
			return 1;
		incr[r] = nu_ms() - t0;
		pivots_incr = mcf_pivots(koppel_mcf(k));
		if (r == 0) {
			snprintf(pad, sizeof pad, "%s/incr.min", dir);
			if (schrijf_dimacs(koppel_mcf(k), pad))
				return 1;
			printf("incr_cost %lld\n", (long long)koppel_totaal(k));
		}
		koppel_free(k);
	}
	printf("nodes %d arcs %d cost %lld pivots_full %lld pivots_incr %lld\n", n + np * 2 + 14, bogen,
	       (long long)kosten, (long long)pivots_vol, (long long)pivots_incr);
	printf("model_ms %.3f\nfull_ms %.3f\nincr_ms %.3f\nuitleg_ms %.3f\n", mediaan(model, rondes),
	       mediaan(vol, rondes), mediaan(incr, rondes), mediaan(uitleg, rondes));

	/* The fairness-free variant for the assignment peer. */
	w.eerlijk_stap = 0;
	double dummy;
	struct koppel *k = maak(&w, n, np, &dummy);
	if (!k || koppel_los_op(k) != MCF_OPTIMAL)
		return 1;
	int *plaatsen = malloc(sizeof(int) * (size_t)np), *crisis = malloc(sizeof(int) * (size_t)np);
	if (!plaatsen || !crisis)
		return 1;
	struct rng r;
	rng_stream(&r, 2026, 6);
	for (int p = 0; p < np; p++) {
		struct koppel_plek pl;
		maak_plek(&r, &pl, p + 1);
		plaatsen[p] = pl.plaatsen;
		crisis[p] = pl.crisisplaatsen;
	}
	int places = 0;
	for (int p = 0; p < np; p++)
		places += plaatsen[p];
	printf("places %d\n", places);
	if (schrijf_lsa(k, np, plaatsen, crisis, dir, koppel_totaal(k)))
		return 1;
	free(plaatsen);
	free(crisis);
	koppel_free(k);
	return 0;
}
