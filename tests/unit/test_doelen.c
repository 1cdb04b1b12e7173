/* Unit tests for steer/doelen: baseline year, the straight path, the
 * position against it with its tolerance, the ranking, and the goals
 * measured on a small hand-made record. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "steer/doelen.h"

#define D(j, m, d) datum_van((j), (m), (d))
#define GEEN DAG_GEEN
#define N(a) (sizeof(a) / sizeof((a)[0]))
#define EPS 1e-9

static void bijna(double a, double b, const char *expr, const char *file, int line)
{
	if (fabs(a - b) > EPS) {
		print_error("%s: %.12g != %.12g\n", expr, a, b);
		_fail(file, line);
	}
}
#define assert_bijna(a, b) bijna((a), (b), #a, __FILE__, __LINE__)

static void test_basisjaar(void **state)
{
	(void)state;
	assert_int_equal(doelen_basisjaar(D(2021, 1, 1), D(2026, 11, 25)), 2025);
	assert_int_equal(doelen_basisjaar(GEEN, D(2025, 12, 31)), 2025);
	assert_int_equal(doelen_basisjaar(D(2021, 1, 1), D(2025, 12, 30)), 0);
	/* A record that starts in 2026: its first whole year. */
	assert_int_equal(doelen_basisjaar(D(2026, 3, 4), D(2027, 12, 31)), 2027);
	assert_int_equal(doelen_basisjaar(D(2026, 1, 1), D(2027, 1, 1)), 2026);
	assert_int_equal(doelen_basisjaar(D(2026, 3, 4), D(2027, 6, 1)), 0);
}

static void test_pad(void **state)
{
	dag_t b = D(2025, 12, 31), t = D(2030, 12, 31);

	(void)state;
	/* 1826 days; halfway (913 days) halfway between 16 and 8. */
	assert_bijna(doelen_pad(16, 8, b, t, b), 16);
	assert_bijna(doelen_pad(16, 8, b, t, t), 8);
	assert_bijna(doelen_pad(16, 8, b, t, b + 913), 12);
	assert_bijna(doelen_pad(16, 8, b, t, D(2026, 11, 25)), 16 - 8.0 * 329 / 1826);
	assert_bijna(doelen_pad(16, 8, t, t, t), 8);
}

static void test_beoordeel(void **state)
{
	dag_t b = D(2025, 12, 31), t = D(2030, 12, 31), p = b + 913;
	struct doelen_positie pos = { 0 };
	const struct doelen_def *gebruik = &doelen_defs[DOELEN_GEBRUIK];
	const struct doelen_def *verblijf = &doelen_defs[DOELEN_VERBLIJF];
	const struct doelen_def *analyse = &doelen_defs[DOELEN_ANALYSE];

	(void)state;
	/* 1 op 12: basis 16 %, doel 8,333 %; pad halfway 12,1667; tolerance
	 * 10 % of 7,6667 = 0,76667. */
	pos.basis = (struct doelen_meting){ true, 16.0, 16, 100 };
	pos.nu = (struct doelen_meting){ true, 12.0, 12, 100 };
	doelen_beoordeel(gebruik, b, t, p, &pos);
	assert_bijna(pos.doel, 100.0 / 12);
	assert_bijna(pos.pad_nu, (16 + 100.0 / 12) / 2);
	assert_bijna(pos.tolerantie, 0.1 * (16 - 100.0 / 12));
	assert_bijna(pos.voorsprong, pos.pad_nu - 12.0);
	assert_int_equal(pos.status, DOELEN_OP_KOERS);
	pos.nu.waarde = 11.3;   /* 0,8667 ahead */
	doelen_beoordeel(gebruik, b, t, p, &pos);
	assert_int_equal(pos.status, DOELEN_VOOR);
	pos.nu.waarde = 13.0;
	doelen_beoordeel(gebruik, b, t, p, &pos);
	assert_int_equal(pos.status, DOELEN_ACHTER);
	/* Verblijf halves the unit's own basis: 10 % → 5 %; tolerance
	 * max(0,5, 0,5) = 0,5. */
	pos.basis.waarde = 10.0;
	pos.nu.waarde = 7.0;
	doelen_beoordeel(verblijf, b, t, p, &pos);
	assert_bijna(pos.doel, 5.0);
	assert_bijna(pos.pad_nu, 7.5);
	assert_int_equal(pos.status, DOELEN_OP_KOERS);
	/* Higher is better: analyse 40 % → 100 %, halfway 70 %; 60 % is 10
	 * behind (tolerance 6). */
	pos.basis.waarde = 40.0;
	pos.nu.waarde = 60.0;
	doelen_beoordeel(analyse, b, t, p, &pos);
	assert_bijna(pos.voorsprong, -10.0);
	assert_bijna(pos.tolerantie, 6.0);
	assert_int_equal(pos.status, DOELEN_ACHTER);
	/* Already at the target: the minimum tolerance (1 point) applies. */
	pos.basis.waarde = 100.0;
	pos.nu.waarde = 99.5;
	doelen_beoordeel(analyse, b, t, p, &pos);
	assert_bijna(pos.tolerantie, 1.0);
	assert_int_equal(pos.status, DOELEN_OP_KOERS);
	/* No cases now, or no baseline: no position. */
	pos.nu.bekend = false;
	doelen_beoordeel(analyse, b, t, p, &pos);
	assert_int_equal(pos.status, DOELEN_ONBEKEND);
	pos.nu.bekend = true;
	pos.basis.bekend = false;
	doelen_beoordeel(analyse, b, t, p, &pos);
	assert_int_equal(pos.status, DOELEN_ONBEKEND);
}

static void test_rangschik(void **state)
{
	struct doelen_eenheid e[5];

	(void)state;
	memset(e, 0, sizeof e);
	snprintf(e[1].code, sizeof e[1].code, "0546");
	snprintf(e[2].code, sizeof e[2].code, "0547");
	snprintf(e[3].code, sizeof e[3].code, "0548");
	snprintf(e[4].code, sizeof e[4].code, "0549");
	e[0].doelen[DOELEN_ANALYSE] = (struct doelen_positie){ .status = DOELEN_VOOR,
							       .voorsprong = 99 };
	e[1].doelen[DOELEN_ANALYSE] = (struct doelen_positie){ .status = DOELEN_ACHTER,
							       .voorsprong = -3 };
	e[2].doelen[DOELEN_ANALYSE] = (struct doelen_positie){ .status = DOELEN_OP_KOERS,
							       .voorsprong = 1 };
	e[3].doelen[DOELEN_ANALYSE] = (struct doelen_positie){ .status = DOELEN_ONBEKEND };
	e[4].doelen[DOELEN_ANALYSE] = (struct doelen_positie){ .status = DOELEN_OP_KOERS,
							       .voorsprong = 1 };
	doelen_rangschik(e, 5, DOELEN_ANALYSE);
	assert_int_equal(e[0].doelen[DOELEN_ANALYSE].rang, 0);   /* region */
	assert_int_equal(e[2].doelen[DOELEN_ANALYSE].rang, 1);   /* tie: lower code */
	assert_int_equal(e[4].doelen[DOELEN_ANALYSE].rang, 2);
	assert_int_equal(e[1].doelen[DOELEN_ANALYSE].rang, 3);
	assert_int_equal(e[3].doelen[DOELEN_ANALYSE].rang, 0);
}

/* Two gemeenten of 100 and 300 youth 0-17; youth 1-4 in Leiden, 5 in
 * Leiderdorp. */
static void test_bereken(void **state)
{
	struct gemeente gem[2] = { { .code = "0546", .naam = "Leiden", .jeugdigen_0_17 = 100 },
				   { .code = "0547", .naam = "Leiderdorp",
				     .jeugdigen_0_17 = 300 } };
	struct jeugdige j[5];
	struct woonplaats w[5];
	struct traject t[6];
	struct schoolstatus s[] = { { 1, 4, D(2026, 1, 1), GEEN } };
	struct garp_gezin gz[] = { { 1, true, D(2024, 1, 1) }, { 2, false, GEEN } };
	struct doelen_overzicht o;
	struct kpi_data d;
	dag_t p = D(2026, 11, 25);

	(void)state;
	for (int i = 0; i < 5; i++) {
		j[i] = (struct jeugdige){ .id = i + 1, .geboortedatum = D(2015, 1, 1),
					  .gezin_id = i < 2 ? 1 : 2 };
		w[i] = (struct woonplaats){ .jeugdige_id = i + 1, .vanaf = D(2015, 1, 1),
					    .tot = GEEN };
		snprintf(w[i].gemeente, sizeof w[i].gemeente, "%s", i < 4 ? "0546" : "0547");
	}
	for (int i = 0; i < 6; i++) {
		t[i] = (struct traject){ .id = i + 1, .jeugdige_id = i < 5 ? i + 1 : 5,
					 .segment = 4, .status = TRAJECT_GESTART,
					 .aanmelddatum = D(2021, 1, 1), .intakedatum = GEEN,
					 .begindatum = D(2021, 2, 1), .einddatum = GEEN };
		snprintf(t[i].gemeente, sizeof t[i].gemeente, "%s", i < 4 ? "0546" : "0547");
		snprintf(t[i].categorie, sizeof t[i].categorie, "45");
	}
	/* Youth 1 in verblijf from 2021; youth 2 ended in 2025 (not in care
	 * now); trajectory 6 (youth 5) started in 2026 on a group product. */
	snprintf(t[0].categorie, sizeof t[0].categorie, "43");
	t[0].segment = 1;
	t[1].einddatum = D(2025, 6, 30);
	t[1].status = TRAJECT_BEEINDIGD;
	t[5].aanmelddatum = D(2026, 1, 1);
	t[5].begindatum = D(2026, 2, 1);
	t[5].groep = true;
	memset(&d, 0, sizeof d);
	d.gemeenten = gem;
	d.n_gemeenten = 2;
	d.jeugdigen = j;
	d.n_jeugdigen = 5;
	d.woonplaatsen = w;
	d.n_woonplaatsen = 5;
	d.trajecten = t;
	d.n_trajecten = 6;
	d.school = s;
	d.n_school = 1;
	treeknorm_standaard(d.norms);

	assert_int_equal(doelen_bereken(&d, gz, N(gz), p, &o), 0);
	assert_int_equal(o.basisjaar, 2025);
	assert_int_equal(o.n_eenheden, 3);
	assert_string_equal(o.eenheden[1].naam, "Leiden");
	/* 1 op 12, region: 2025 all 5 youth of 400 = 1,25 %; now 4 (youth 2
	 * ended) = 1 %. Leiden: 4 of 100, now 3 of 100. */
	assert_bijna(o.eenheden[0].doelen[DOELEN_GEBRUIK].basis.waarde, 1.25);
	assert_bijna(o.eenheden[0].doelen[DOELEN_GEBRUIK].nu.waarde, 1.0);
	assert_bijna(o.eenheden[1].doelen[DOELEN_GEBRUIK].basis.waarde, 4.0);
	assert_bijna(o.eenheden[1].doelen[DOELEN_GEBRUIK].nu.waarde, 3.0);
	/* Thuiszitters: youth 4 since 2026-01-01, on P > 91 days: 1 per 100
	 * youth = 100 per 10.000 in Leiden; none on 2025-12-31. */
	assert_int_equal(o.eenheden[1].doelen[DOELEN_THUISZITTERS].nu.aantal, 1);
	assert_bijna(o.eenheden[1].doelen[DOELEN_THUISZITTERS].nu.waarde, 100.0);
	assert_bijna(o.eenheden[1].doelen[DOELEN_THUISZITTERS].basis.waarde, 0.0);
	assert_int_equal(o.eenheden[1].doelen[DOELEN_THUISZITTERS].status, DOELEN_ACHTER);
	/* Verblijf, Leiden 2025: youth 1 of 4 = 25 %, doel 12,5 %. */
	assert_bijna(o.eenheden[1].doelen[DOELEN_VERBLIJF].basis.waarde, 25.0);
	assert_bijna(o.eenheden[1].doelen[DOELEN_VERBLIJF].doel, 12.5);
	/* Collectief on 2025-12-31: none of 4 active; no case in Leiderdorp
	 * then is 0 of 1 (trajectory 5). Now Leiderdorp 1 of 2. */
	assert_bijna(o.eenheden[2].doelen[DOELEN_COLLECTIEF].basis.waarde, 0.0);
	assert_bijna(o.eenheden[2].doelen[DOELEN_COLLECTIEF].nu.waarde, 50.0);
	/* Analyse: trajectory 6 started 2026-02-01, youth 5 in family 2
	 * without analysis: 0 of 1 now in the region; none started in 2025,
	 * so no baseline and no position. */
	assert_int_equal(o.eenheden[0].doelen[DOELEN_ANALYSE].nu.totaal, 1);
	assert_int_equal(o.eenheden[0].doelen[DOELEN_ANALYSE].nu.aantal, 0);
	assert_false(o.eenheden[0].doelen[DOELEN_ANALYSE].basis.bekend);
	assert_int_equal(o.eenheden[0].doelen[DOELEN_ANALYSE].status, DOELEN_ONBEKEND);
	/* Regisseur on P: families 1 (youth 1) and 2 (3, 4, 5): 1 of 2. */
	assert_int_equal(o.eenheden[0].doelen[DOELEN_REGISSEUR].nu.totaal, 2);
	assert_int_equal(o.eenheden[0].doelen[DOELEN_REGISSEUR].nu.aantal, 1);
	doelen_vrij(&o);
	assert_null(o.eenheden);
	assert_string_equal(doelen_status_naam(DOELEN_OP_KOERS), "op_koers");
	assert_string_equal(doelen_status_tekst(DOELEN_ACHTER), "achter op het pad");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_basisjaar),
		cmocka_unit_test(test_pad),
		cmocka_unit_test(test_beoordeel),
		cmocka_unit_test(test_rangschik),
		cmocka_unit_test(test_bereken),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
