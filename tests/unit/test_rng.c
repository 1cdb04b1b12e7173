/* Unit tests of lib/rng: reproducibility, independence of streams and the
 * moments of every sampler (with tolerances of several standard errors,
 * on a fixed seed, so the test is deterministic). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>

#include "lib/rng.h"

#define N 200000

static void test_zelfde_seed_zelfde_reeks(void **state)
{
	(void)state;
	struct rng a, b, c;
	rng_stream(&a, 42, 0);
	rng_stream(&b, 42, 0);
	rng_stream(&c, 42, 1);
	int gelijk_c = 0;
	for (int i = 0; i < 1000; i++) {
		uint64_t x = rng_next(&a);
		assert_int_equal(x, rng_next(&b));
		gelijk_c += x == rng_next(&c);
	}
	assert_int_equal(gelijk_c, 0);
}

/* Mean and variance of n draws of f. */
static void momenten(double (*f)(struct rng *, double, double), double p1, double p2,
		     double *gem, double *var)
{
	struct rng r;
	rng_stream(&r, 7, 3);
	double s = 0, s2 = 0;
	for (int i = 0; i < N; i++) {
		double x = f(&r, p1, p2);
		s += x;
		s2 += x * x;
	}
	*gem = s / N;
	*var = s2 / N - *gem * *gem;
}

static double expo(struct rng *r, double m, double u) { (void)u; return rng_exponential(r, m); }
static double uni(struct rng *r, double a, double b) { (void)a; (void)b; return rng_uniform(r); }
static double nor(struct rng *r, double a, double b) { (void)a; (void)b; return rng_normal(r); }
static double gam(struct rng *r, double k, double t) { return rng_gamma(r, k, t); }
static double lgn(struct rng *r, double med, double m) { return rng_lognormal(r, med, m); }
static double poi(struct rng *r, double l, double u) { (void)u; return (double)rng_poisson(r, l); }

static void test_momenten(void **state)
{
	(void)state;
	double g, v;
	momenten(uni, 0, 0, &g, &v);
	assert_true(fabs(g - 0.5) < 0.005 && fabs(v - 1.0 / 12) < 0.002);
	momenten(nor, 0, 0, &g, &v);
	assert_true(fabs(g) < 0.01 && fabs(v - 1.0) < 0.02);
	momenten(expo, 3.0, 0, &g, &v);
	assert_true(fabs(g - 3.0) < 0.04 && fabs(v - 9.0) < 0.4);
	momenten(gam, 2.5, 2.0, &g, &v);  /* mean k*t = 5, var k*t^2 = 10 */
	assert_true(fabs(g - 5.0) < 0.05 && fabs(v - 10.0) < 0.4);
	momenten(gam, 0.5, 1.0, &g, &v);  /* boosted branch: mean 0.5, var 0.5 */
	assert_true(fabs(g - 0.5) < 0.01 && fabs(v - 0.5) < 0.03);
	momenten(poi, 4.0, 0, &g, &v);
	assert_true(fabs(g - 4.0) < 0.03 && fabs(v - 4.0) < 0.1);
	momenten(poi, 800.0, 0, &g, &v);  /* normal-approximation branch */
	assert_true(fabs(g - 800.0) < 0.5 && fabs(v - 800.0) < 20);
	momenten(lgn, 240.0, 375.0, &g, &v);
	assert_true(fabs(g - 375.0) / 375.0 < 0.03);
}

static void test_lognormaal_mediaan(void **state)
{
	(void)state;
	struct rng r;
	rng_stream(&r, 1, 0);
	int onder = 0;
	for (int i = 0; i < N; i++)
		onder += rng_lognormal(&r, 240.0, 375.0) < 240.0;
	assert_true(fabs((double)onder / N - 0.5) < 0.01);
}

static void test_below_en_choose(void **state)
{
	(void)state;
	struct rng r;
	rng_stream(&r, 9, 0);
	int tel[3] = { 0 };
	const double w[3] = { 1, 2, 7 };
	for (int i = 0; i < N; i++) {
		uint64_t x = rng_below(&r, 10);
		assert_true(x < 10);
		tel[rng_choose(&r, w, 3)]++;
	}
	assert_true(fabs(tel[0] / (double)N - 0.1) < 0.005);
	assert_true(fabs(tel[2] / (double)N - 0.7) < 0.005);
	assert_int_equal(rng_poisson(&r, 0.0), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_zelfde_seed_zelfde_reeks),
		cmocka_unit_test(test_momenten),
		cmocka_unit_test(test_lognormaal_mediaan),
		cmocka_unit_test(test_below_en_choose),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
