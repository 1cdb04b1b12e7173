/* Unit tests of match/koppel and match/ligging: every proposal fits
 * (segment, product, age, distance), capacity and crisis reservations are
 * respected, the explanations agree with the costs (the runner-up's
 * meerkosten is a lower bound on what forcing it really costs, checked by
 * re-solving), fairness spreads a shortage, warm equals cold. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/rng.h"
#include "match/koppel.h"
#include "match/ligging.h"

static const char *const gem[] = { "0546", "0547", "0579", "0626", "0638", "0534", "0537",
				   "0553", "0575", "1525", "0484", "1884", "0569" };

static void test_ligging(void **state)
{
	(void)state;
	struct ligging l;
	assert_int_equal(ligging_laad(&l), 0);
	assert_int_equal(l.n, 13);
	int leiden = ligging_zoek(&l, "0546"), nieuwkoop = ligging_zoek(&l, "GM0569");
	assert_true(leiden >= 0 && nieuwkoop >= 0);
	assert_int_equal(ligging_zoek(&l, "0363"), -1);
	double d = ligging_afstand_m(l.g[leiden].lat, l.g[leiden].lon, l.g[nieuwkoop].lat, l.g[nieuwkoop].lon);
	/* Leiden - Nieuwkoop centres: about 19 km */
	assert_true(d > 18000 && d < 21000);
}

struct regio {
	int np, nj;
	struct koppel_plek plek[40];
	struct koppel_jeugdige jd[160];
};

static void maak_regio(struct regio *r, struct rng *g, int np, int nj)
{
	memset(r, 0, sizeof *r);
	r->np = np;
	r->nj = nj;
	for (int p = 0; p < np; p++) {
		struct koppel_plek *pl = &r->plek[p];
		pl->id = 100 + p;
		snprintf(pl->agb, AGB_LEN, "9800%04d", (int)rng_below(g, 6));
		pl->segment = 1 + (int)rng_below(g, 3);
		snprintf(pl->productcode, PRODUCTCODE_LEN, "4%dA%02d", pl->segment, (int)rng_below(g, 2));
		pl->leeftijd_min = rng_below(g, 2) ? 0 : 12;
		pl->leeftijd_max = pl->leeftijd_min == 0 ? 17 : 17 - (int)rng_below(g, 3);
		memcpy(pl->gemeente, gem[rng_below(g, 13)], GEMEENTE_CODE_LEN);
		pl->plaatsen = (int)rng_below(g, 4);
		pl->crisisplaatsen = pl->plaatsen > 0 && rng_below(g, 3) == 0 ? 1 : 0;
	}
	for (int i = 0; i < nj; i++) {
		struct koppel_jeugdige *j = &r->jd[i];
		j->id = 1000 + i;
		j->segment = 1 + (int)rng_below(g, 3);
		if (rng_below(g, 2))
			snprintf(j->productcode, PRODUCTCODE_LEN, "4%dA%02d", j->segment, (int)rng_below(g, 2));
		j->leeftijd = (int)rng_below(g, 18);
		memcpy(j->gemeente, gem[rng_below(g, 13)], GEMEENTE_CODE_LEN);
		j->urgentie = (enum koppel_urgentie)rng_below(g, URGENTIE_AANTAL);
		j->weken_gewacht = (int)rng_below(g, 25);
		j->treeknorm_weken = 14;
		j->crisis = rng_below(g, 6) == 0;
		if (rng_below(g, 3) == 0)
			snprintf(j->voorkeur_agb, AGB_LEN, "9800%04d", (int)rng_below(g, 6));
		if (rng_below(g, 4) == 0)
			j->vorig_voorstel = 100 + (int64_t)rng_below(g, (uint64_t)np);
	}
}

static struct koppel *bouw(const struct regio *r, const struct koppel_gewichten *w, int nj)
{
	struct koppel *k = koppel_new(w);
	assert_non_null(k);
	for (int p = 0; p < r->np; p++)
		assert_int_equal(koppel_plek_add(k, &r->plek[p]), p);
	for (int i = 0; i < nj; i++)
		assert_int_equal(koppel_jeugdige_add(k, &r->jd[i]), i);
	return k;
}

static int plek_index(const struct regio *r, int64_t id)
{
	for (int p = 0; p < r->np; p++)
		if (r->plek[p].id == id)
			return p;
	return -1;
}

/* Independent check of every proposal against the rules. */
static void controleer(const struct regio *r, const struct koppel *k, int nj, int max_km)
{
	struct ligging l;
	assert_int_equal(ligging_laad(&l), 0);
	int bezet[40] = { 0 }, open_bezet[40] = { 0 };
	for (int i = 0; i < nj; i++) {
		const struct koppel_voorstel *v = koppel_voorstel(k, i);
		const struct koppel_jeugdige *j = &r->jd[i];
		assert_non_null(v);
		assert_true(v->jeugdige == j->id);
		if (v->keuze == KEUZE_NIET_NU)
			continue;
		assert_int_equal(v->keuze, KEUZE_PLEK);
		int p = plek_index(r, v->plek);
		assert_true(p >= 0);
		const struct koppel_plek *pl = &r->plek[p];
		assert_int_equal(pl->segment, j->segment);
		if (j->productcode[0])
			assert_string_equal(pl->productcode, j->productcode);
		assert_true(j->leeftijd >= pl->leeftijd_min && j->leeftijd <= pl->leeftijd_max);
		int a = ligging_zoek(&l, j->gemeente), b = ligging_zoek(&l, pl->gemeente);
		double d = ligging_afstand_m(l.g[a].lat, l.g[a].lon, l.g[b].lat, l.g[b].lon);
		assert_true(d <= max_km * 1000.0 + 50);
		assert_true(v->crisisplaats ? j->crisis : true);
		bezet[p]++;
		if (!v->crisisplaats)
			open_bezet[p]++;
	}
	for (int p = 0; p < r->np; p++) {
		assert_true(bezet[p] <= r->plek[p].plaatsen);
		assert_true(open_bezet[p] <= r->plek[p].plaatsen - r->plek[p].crisisplaatsen);
	}
}

static void test_regels_en_uitleg(void **state)
{
	(void)state;
	struct rng g;
	rng_stream(&g, 6, 1);
	struct koppel_gewichten w;
	koppel_gewichten_standaard(&w);
	w.max_afstand_km = 20;
	struct regio *r = malloc(sizeof *r);
	assert_non_null(r);
	int gecontroleerd = 0, precies = 0;
	for (int ronde = 0; ronde < 25; ronde++) {
		maak_regio(r, &g, 12 + (int)rng_below(&g, 20), 20 + (int)rng_below(&g, 100));
		struct koppel *k = bouw(r, &w, r->nj);
		assert_int_equal(koppel_los_op(k), MCF_OPTIMAL);
		assert_int_equal(koppel_uitleg(k), 0);
		controleer(r, k, r->nj, w.max_afstand_km);
		int64_t totaal = koppel_totaal(k);
		/* Every option's reduced cost is >= 0 (optimality), the chosen
		 * one's is <= 0, and meerkosten is the least over the others. */
		for (int i = 0; i < r->nj; i++) {
			struct koppel_optie o[100];
			int32_t n = koppel_opties(k, i, o, 100);
			assert_true(n >= 1 && n <= 100);
			const struct koppel_voorstel *v = koppel_voorstel(k, i);
			for (int32_t a = 0; a < n; a++) {
				if (o[a].gekozen)
					assert_true(o[a].meerkosten <= 0);
				else if (o[a].open)
					assert_true(o[a].meerkosten >= 0);
			}
			if (v->tweede != KEUZE_GEEN)
				assert_true(v->meerkosten >= 0);
		}
		/* Turn down a few proposals: the new optimum costs at least
		 * meerkosten more (the explanation never overstates). */
		for (int t = 0; t < 4; t++) {
			int i = (int)rng_below(&g, (uint64_t)r->nj);
			const struct koppel_voorstel *v = koppel_voorstel(k, i);
			if (v->keuze != KEUZE_PLEK || v->tweede == KEUZE_GEEN)
				continue;
			int64_t meer = v->meerkosten;
			/* the exact price of every other option: never below its
			 * reduced cost, and the cheapest is what the re-solve pays */
			struct koppel_optie o[100];
			int32_t n = koppel_opties(k, i, o, 100);
			int64_t goedkoopst = INT64_MAX;
			for (int32_t a = 0; a < n; a++) {
				int64_t x;
				if (o[a].gekozen || (o[a].keuze == KEUZE_PLEK && r->plek[o[a].plek].id == v->plek)) {
					continue;
				}
				int rc = koppel_precies(k, i, a, &x);
				assert_true(rc == 0 || rc == 1);
				if (rc == 1)
					continue;
				assert_true(x >= o[a].meerkosten);
				if (x < goedkoopst)
					goedkoopst = x;
			}
			struct koppel *k2 = bouw(r, &w, r->nj);
			assert_int_equal(koppel_verbied(k2, i, plek_index(r, v->plek)), 0);
			assert_int_equal(koppel_los_op(k2), MCF_OPTIMAL);
			int64_t extra = koppel_totaal(k2) - totaal;
			assert_true(extra >= meer);
			assert_true(extra == goedkoopst);
			precies += extra == meer;
			gecontroleerd++;
			koppel_free(k2);
		}
		koppel_free(k);
	}
	print_message("%d turned-down proposals re-solved, %d at exactly meerkosten\n", gecontroleerd, precies);
	assert_true(gecontroleerd > 10);
	free(r);
}

static void test_warm_is_koud(void **state)
{
	(void)state;
	struct rng g;
	rng_stream(&g, 6, 2);
	struct koppel_gewichten w;
	koppel_gewichten_standaard(&w);
	struct regio *r = malloc(sizeof *r);
	assert_non_null(r);
	for (int ronde = 0; ronde < 20; ronde++) {
		maak_regio(r, &g, 30, 150);
		struct koppel *k = bouw(r, &w, 140);
		assert_int_equal(koppel_los_op(k), MCF_OPTIMAL);
		for (int i = 140; i < 150; i++)
			assert_int_equal(koppel_jeugdige_add(k, &r->jd[i]), i);
		assert_int_equal(koppel_plek_zet(k, 0, 3, 1), 0);
		r->plek[0].plaatsen = 3;
		r->plek[0].crisisplaatsen = 1;
		assert_int_equal(koppel_los_op(k), MCF_OPTIMAL);
		controleer(r, k, 150, w.max_afstand_km);
		struct koppel *koud = bouw(r, &w, 150);
		assert_int_equal(koppel_los_op(koud), MCF_OPTIMAL);
		assert_true(koppel_totaal(k) == koppel_totaal(koud));
		/* one jeugdige leaves: warm again equals cold without them */
		assert_int_equal(koppel_jeugdige_weg(k, 3), 0);
		assert_int_equal(koppel_jeugdige_weg(k, 3), -1);
		assert_int_equal(koppel_los_op(k), MCF_OPTIMAL);
		assert_int_equal(koppel_jeugdige_weg(koud, 3), 0);
		koppel_free(koud);
		koud = koppel_new(&w);
		assert_non_null(koud);
		for (int p = 0; p < r->np; p++)
			assert_int_equal(koppel_plek_add(koud, &r->plek[p]), p);
		for (int i = 0; i < 150; i++)
			if (i != 3)
				assert_true(koppel_jeugdige_add(koud, &r->jd[i]) >= 0);
		assert_int_equal(koppel_los_op(koud), MCF_OPTIMAL);
		assert_true(koppel_totaal(k) == koppel_totaal(koud));
		koppel_free(koud);
		koppel_free(k);
	}
	free(r);
}

/* Ten places in Leiden; ten jeugdigen from Leiden who have waited one
 * week longer than ten from Katwijk. Without fairness all places go to
 * Leiden; with it Katwijk gets its share of them. */
static int katwijk_geplaatst(int64_t stap)
{
	struct koppel_gewichten w;
	koppel_gewichten_standaard(&w);
	w.eerlijk_stap = stap;
	struct koppel *k = koppel_new(&w);
	assert_non_null(k);
	struct koppel_plek p = { .id = 1, .agb = "98000001", .segment = 4, .productcode = "45A53",
				 .leeftijd_min = 0, .leeftijd_max = 17, .gemeente = "0546", .plaatsen = 10 };
	assert_int_equal(koppel_plek_add(k, &p), 0);
	for (int i = 0; i < 20; i++) {
		struct koppel_jeugdige j = { .id = i + 1, .segment = 4, .leeftijd = 10,
					     .urgentie = URGENTIE_NORMAAL, .treeknorm_weken = 14 };
		memcpy(j.gemeente, i < 10 ? "0546" : "0537", GEMEENTE_CODE_LEN);
		j.weken_gewacht = i < 10 ? 6 : 5;
		assert_int_equal(koppel_jeugdige_add(k, &j), i);
	}
	assert_int_equal(koppel_los_op(k), MCF_OPTIMAL);
	int n = 0;
	for (int i = 10; i < 20; i++)
		n += koppel_voorstel(k, i)->keuze == KEUZE_PLEK;
	koppel_free(k);
	return n;
}

static void test_eerlijk(void **state)
{
	(void)state;
	assert_int_equal(katwijk_geplaatst(0), 0);
	int n = katwijk_geplaatst(100);
	assert_true(n >= 4 && n <= 6);
}

/* Crisis places go only to crisis cases, and a crisis case gets one. */
static void test_crisis(void **state)
{
	(void)state;
	struct koppel_gewichten w;
	koppel_gewichten_standaard(&w);
	struct koppel *k = koppel_new(&w);
	assert_non_null(k);
	struct koppel_plek p = { .id = 7, .agb = "98000001", .segment = 6, .productcode = "46A01",
				 .leeftijd_min = 0, .leeftijd_max = 17, .gemeente = "0484", .plaatsen = 2,
				 .crisisplaatsen = 1 };
	assert_int_equal(koppel_plek_add(k, &p), 0);
	struct koppel_jeugdige j = { .segment = 6, .leeftijd = 15, .gemeente = "0484",
				     .urgentie = URGENTIE_HOOG, .weken_gewacht = 20, .treeknorm_weken = 4 };
	for (int i = 0; i < 3; i++) {
		j.id = i + 1;
		assert_int_equal(koppel_jeugdige_add(k, &j), i);
	}
	assert_int_equal(koppel_los_op(k), MCF_OPTIMAL);
	int geplaatst = 0;
	for (int i = 0; i < 3; i++) {
		const struct koppel_voorstel *v = koppel_voorstel(k, i);
		assert_false(v->crisisplaats);
		geplaatst += v->keuze == KEUZE_PLEK;
	}
	assert_int_equal(geplaatst, 1); /* the reserved place stays free */
	j.id = 4;
	j.crisis = true;
	j.urgentie = URGENTIE_NORMAAL;
	j.weken_gewacht = 0;
	assert_int_equal(koppel_jeugdige_add(k, &j), 3);
	assert_int_equal(koppel_los_op(k), MCF_OPTIMAL);
	assert_int_equal(koppel_uitleg(k), 0);
	const struct koppel_voorstel *v = koppel_voorstel(k, 3);
	assert_int_equal(v->keuze, KEUZE_PLEK);
	assert_true(v->crisisplaats);
	/* bad input */
	struct koppel_plek slecht = p;
	slecht.crisisplaatsen = 3;
	assert_int_equal(koppel_plek_add(k, &slecht), -1);
	memcpy(j.gemeente, "0363", GEMEENTE_CODE_LEN);
	assert_int_equal(koppel_jeugdige_add(k, &j), -1);
	assert_int_equal(koppel_plek_zet(k, 0, 1, 2), -1);
	koppel_free(k);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ligging),
		cmocka_unit_test(test_regels_en_uitleg),
		cmocka_unit_test(test_warm_is_koud),
		cmocka_unit_test(test_eerlijk),
		cmocka_unit_test(test_crisis),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
