/* Unit tests for steer/signaal: the control-chart rules on hand-made
 * monthly series — a level shift, a single outlier, noise that must not
 * signal — with the limits worked out by hand in the comments. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <string.h>

#include "steer/signaal.h"

#define N 36
#define BASIS 24
#define EPS 1e-9

static void bijna(double a, double b, const char *expr, const char *file, int line)
{
	if (fabs(a - b) > EPS) {
		print_error("%s: %.12g != %.12g\n", expr, a, b);
		_fail(file, line);
	}
}
#define assert_bijna(a, b) bijna((a), (b), #a, __FILE__, __LINE__)

/* x_i = 10 + (+1, -1, +1, ...): x̄ = 10, every moving range 2, MR̄ = 2,
 * limits 10 ± 2.66·2 = [4.68, 15.32]; the sides alternate, so no run. */
static void ruis(struct signaal_punt *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		p[i].maand = datum_van(2024, 1, 31) + (dag_t)(30 * i);
		p[i].waarde = 10.0 + (i % 2 ? -1.0 : 1.0);
		p[i].n = 50;
	}
}

static void test_ruis_geen_signaal(void **state)
{
	struct signaal_punt p[N];
	struct signaal_melding m[8];
	struct signaal_lijnen l;

	(void)state;
	ruis(p, N);
	/* Larger swings within the limits: 14.9 and 5.1 are still inside. */
	p[27].waarde = 14.9;
	p[30].waarde = 5.1;
	assert_int_equal(signaal_toets(p, N, BASIS, SIGNAAL_XMR_KAART, true, m, 8, &l), 0);
	assert_true(l.bruikbaar);
	assert_int_equal(l.basis_punten, BASIS);
	assert_bijna(l.centrum, 10.0);
	assert_bijna(l.mr_gemiddeld, 2.0);
}

static void test_uitschieter(void **state)
{
	struct signaal_punt p[N];
	struct signaal_melding m[8];
	double o, b;

	(void)state;
	ruis(p, N);
	p[30].waarde = 16.0;   /* above 15.32 */
	assert_int_equal(signaal_toets(p, N, BASIS, SIGNAAL_XMR_KAART, true, m, 8, NULL), 1);
	assert_int_equal(m[0].index, 30);
	assert_int_equal(m[0].maand, p[30].maand);
	assert_int_equal(m[0].regel, SIGNAAL_REGEL_GRENS);
	assert_int_equal(m[0].richting, SIGNAAL_SLECHTER);
	assert_bijna(m[0].waarde, 16.0);
	assert_bijna(m[0].ondergrens, 4.68);
	assert_bijna(m[0].bovengrens, 15.32);
	/* Lower is worse: the same point is better. */
	assert_int_equal(signaal_toets(p, N, BASIS, SIGNAAL_XMR_KAART, false, m, 8, NULL), 1);
	assert_int_equal(m[0].richting, SIGNAAL_BETER);
	/* Below the lower limit. */
	p[30].waarde = 4.0;
	assert_int_equal(signaal_toets(p, N, BASIS, SIGNAAL_XMR_KAART, true, m, 8, NULL), 1);
	assert_int_equal(m[0].richting, SIGNAAL_BETER);
	/* An outlier inside the baseline is not judged (it does widen the
	 * limits: 11 becomes 16 between two 9s, MR̄ = (21·2 + 7 + 7) / 23 = 56/23). */
	ruis(p, N);
	p[10].waarde = 16.0;
	assert_int_equal(signaal_toets(p, N, BASIS, SIGNAAL_XMR_KAART, true, m, 8, NULL), 0);
	{
		struct signaal_lijnen l;

		signaal_kaart_maak(p, N, BASIS, SIGNAAL_XMR_KAART, &l);
		assert_bijna(l.mr_gemiddeld, 56.0 / 23.0);
		assert_bijna(l.centrum, (240.0 + 5.0) / 24.0);
		signaal_grenzen(&l, SIGNAAL_XMR_KAART, &p[0], &o, &b);
		assert_bijna(b, l.centrum + 2.66 * 56.0 / 23.0);
	}
}

static void test_niveauverschuiving(void **state)
{
	struct signaal_punt p[N];
	struct signaal_melding m[16];

	(void)state;
	ruis(p, N);
	/* From month 24 on the level is 12: inside the limits, but the 8th
	 * point above the line (index 31) completes a run — one signal. */
	for (size_t i = BASIS; i < N; i++)
		p[i].waarde = 12.0;
	assert_int_equal(signaal_toets(p, N, BASIS, SIGNAAL_XMR_KAART, true, m, 8, NULL), 1);
	assert_int_equal(m[0].index, 31);
	assert_int_equal(m[0].regel, SIGNAAL_REGEL_REEKS);
	assert_int_equal(m[0].richting, SIGNAAL_SLECHTER);
	/* A point on the centre line breaks the run: 10 at index 28 leaves
	 * runs of 4 (24-27) and 7 (29-35). */
	p[28].waarde = 10.0;
	assert_int_equal(signaal_toets(p, N, BASIS, SIGNAAL_XMR_KAART, true, m, 8, NULL), 0);
	/* An absent point does not: NaN at 28 leaves 24-27 and 29-32 as one
	 * run that reaches 8 at index 32. */
	p[28].waarde = NAN;
	assert_int_equal(signaal_toets(p, N, BASIS, SIGNAAL_XMR_KAART, true, m, 8, NULL), 1);
	assert_int_equal(m[0].index, 32);
	/* A shift beyond the limits fires both rules on the 8th point. */
	for (size_t i = BASIS; i < N; i++)
		p[i].waarde = 20.0;
	assert_int_equal(signaal_toets(p, N, BASIS, SIGNAAL_XMR_KAART, true, m, 16, NULL),
			 12 + 1);
	assert_int_equal(m[7].index, 31);
	assert_int_equal(m[7].regel, SIGNAAL_REGEL_GRENS);
	assert_int_equal(m[8].index, 31);
	assert_int_equal(m[8].regel, SIGNAAL_REGEL_REEKS);
	/* max bounds what is written, not what is counted. */
	assert_int_equal(signaal_toets(p, N, BASIS, SIGNAAL_XMR_KAART, true, m, 2, NULL), 13);
}

/* A run that starts in the baseline counts: points 20-23 (20 and 22
 * were 11 already) above the line and 24-27 make 8. */
static void test_reeks_over_basis(void **state)
{
	struct signaal_punt p[N];
	struct signaal_melding m[8];

	(void)state;
	ruis(p, N);
	for (size_t i = 21; i < 29; i++)
		p[i].waarde = 11.0;
	/* baseline: 21 alternating (11 × 11, 10 × 9) + 3 × 11 = 14·11 + 10·9
	 * = 244, x̄ = 10.1667: 11 lies above, 9 below. */
	assert_int_equal(signaal_toets(p, N, BASIS, SIGNAAL_XMR_KAART, true, m, 8, NULL), 1);
	assert_int_equal(m[0].index, 27);
	assert_int_equal(m[0].regel, SIGNAAL_REGEL_REEKS);
}

static void test_p_kaart(void **state)
{
	struct signaal_punt p[N];
	struct signaal_melding m[8];
	struct signaal_lijnen l;
	double o, b;

	(void)state;
	/* p alternating 0.20 / 0.22 of n = 100: p̄ = 0.21,
	 * σ = sqrt(0.21·0.79/100) = 0.040731, limits [0.08781, 0.33219]. */
	for (size_t i = 0; i < N; i++) {
		p[i].maand = datum_van(2024, 1, 31) + (dag_t)(30 * i);
		p[i].waarde = i % 2 ? 0.20 : 0.22;
		p[i].n = 100;
	}
	assert_int_equal(signaal_toets(p, N, BASIS, SIGNAAL_P_KAART, true, m, 8, &l), 0);
	assert_bijna(l.centrum, 0.21);
	signaal_grenzen(&l, SIGNAAL_P_KAART, &p[0], &o, &b);
	assert_bijna(b, 0.21 + 3 * sqrt(0.21 * 0.79 / 100));
	assert_bijna(o, 0.21 - 3 * sqrt(0.21 * 0.79 / 100));
	/* 0.34 of 100 is out; 0.34 of 25 is not (σ doubles: 0.33 + ... ) */
	p[33].waarde = 0.34;
	assert_int_equal(signaal_toets(p, N, BASIS, SIGNAAL_P_KAART, true, m, 8, NULL), 1);
	assert_int_equal(m[0].index, 33);
	assert_int_equal(m[0].richting, SIGNAAL_SLECHTER);
	p[33].n = 25;
	assert_int_equal(signaal_toets(p, N, BASIS, SIGNAAL_P_KAART, true, m, 8, NULL), 0);
	/* A lower limit below 0 is cut to 0. */
	signaal_grenzen(&l, SIGNAAL_P_KAART, &(struct signaal_punt){ 0, 0.0, 4 }, &o, &b);
	assert_bijna(o, 0.0);
	/* The centre is weighted by n: 0.5 of 300 and 0.2 of 100 → 0.425. */
	p[0].waarde = 0.5;
	p[0].n = 300;
	for (size_t i = 1; i < BASIS; i++)
		p[i].n = 0;   /* absent */
	signaal_kaart_maak(p, N, BASIS, SIGNAAL_P_KAART, &l);
	assert_false(l.bruikbaar);   /* one baseline point only */
	for (size_t i = 1; i < 13; i++) {
		p[i].waarde = 0.2;
		p[i].n = 100.0 / 12.0;
	}
	signaal_kaart_maak(p, N, BASIS, SIGNAAL_P_KAART, &l);
	assert_true(l.bruikbaar);
	assert_int_equal(l.basis_punten, 13);
	assert_bijna(l.centrum, (150.0 + 20.0) / 400.0);
}

static void test_geen_kaart(void **state)
{
	struct signaal_punt p[N];
	struct signaal_melding m[8];
	struct signaal_lijnen l;

	(void)state;
	/* p̄ = 0: no spread, no chart (a first case must not "signal"). */
	for (size_t i = 0; i < N; i++) {
		p[i].maand = datum_van(2024, 1, 31) + (dag_t)(30 * i);
		p[i].waarde = 0.0;
		p[i].n = 40;
	}
	p[30].waarde = 0.05;
	assert_int_equal(signaal_toets(p, N, BASIS, SIGNAAL_P_KAART, true, m, 8, &l), 0);
	assert_false(l.bruikbaar);
	/* 11 baseline points are too few. */
	ruis(p, N);
	p[30].waarde = 30.0;
	assert_int_equal(signaal_toets(p, N, 11, SIGNAAL_XMR_KAART, true, m, 8, &l), 0);
	assert_false(l.bruikbaar);
	assert_int_equal(signaal_toets(p, N, 12, SIGNAAL_XMR_KAART, true, m, 8, &l), 1);
	/* A constant baseline: MR̄ = 0, limits on the centre; any change
	 * is outside. */
	for (size_t i = 0; i < N; i++)
		p[i].waarde = 3.0;
	p[25].waarde = 4.0;
	assert_int_equal(signaal_toets(p, N, BASIS, SIGNAAL_XMR_KAART, true, m, 8, &l), 1);
	assert_bijna(l.mr_gemiddeld, 0.0);
}

static void test_namen(void **state)
{
	(void)state;
	assert_string_equal(signaal_regel_naam(SIGNAAL_REGEL_GRENS), "grens");
	assert_string_equal(signaal_regel_naam(SIGNAAL_REGEL_REEKS), "reeks");
	assert_string_equal(signaal_richting_naam(SIGNAAL_SLECHTER), "slechter");
	assert_string_equal(signaal_richting_naam(SIGNAAL_BETER), "beter");
	assert_string_equal(signaal_kaart_naam(SIGNAAL_P_KAART), "p");
	assert_string_equal(signaal_kaart_naam(SIGNAAL_XMR_KAART), "xmr");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ruis_geen_signaal),
		cmocka_unit_test(test_uitschieter),
		cmocka_unit_test(test_niveauverschuiving),
		cmocka_unit_test(test_reeks_over_basis),
		cmocka_unit_test(test_p_kaart),
		cmocka_unit_test(test_geen_kaart),
		cmocka_unit_test(test_namen),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
