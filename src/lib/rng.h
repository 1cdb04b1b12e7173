/* rng: fast, reproducible random streams and the samplers we need.
 *
 * xoshiro256++ (Blackman & Vigna), seeded through splitmix64. A stream is
 * a plain value (struct rng) that its user owns; rng_stream() derives an
 * independent stream from a seed and a stream number, so that a scenario
 * can give every replication and every purpose its own stream (common
 * random numbers). Same seed, same numbers, on every machine.
 */
#ifndef JR_LIB_RNG_H
#define JR_LIB_RNG_H

#include <stddef.h>
#include <stdint.h>

struct rng {
	uint64_t s[4];
};

/* Stream number `stream` of `seed`: streams are 2^128 draws apart
 * (xoshiro's jump), so they never overlap in practice. */
void rng_stream(struct rng *r, uint64_t seed, uint64_t stream);

uint64_t rng_next(struct rng *r);

/* Uniform on [0, 1) with 53 bits. */
double rng_uniform(struct rng *r);

/* Uniform integer on [0, n); n > 0. Unbiased (Lemire). */
uint64_t rng_below(struct rng *r, uint64_t n);

/* True with probability p. */
int rng_bernoulli(struct rng *r, double p);

/* Standard normal N(0,1) (Marsaglia polar method, no cached pair so that
 * a stream's position does not depend on call parity). */
double rng_normal(struct rng *r);

/* Exponential with the given mean. */
double rng_exponential(struct rng *r, double mean);

/* Lognormal given the median and the mean (mean > median > 0):
 * mu = ln(median), sigma^2 = 2 ln(mean / median). */
double rng_lognormal(struct rng *r, double median, double mean);

/* Lognormal given mu and sigma of the underlying normal. */
double rng_lognormal_ms(struct rng *r, double mu, double sigma);

/* Gamma(shape k, scale theta), Marsaglia-Tsang; k > 0. */
double rng_gamma(struct rng *r, double k, double theta);

/* Poisson with mean lambda >= 0 (inversion for small lambda, a normal
 * approximation with continuity correction above 500). */
uint64_t rng_poisson(struct rng *r, double lambda);

/* Index drawn from weights w[0..n) (need not sum to 1; all >= 0,
 * sum > 0). */
size_t rng_choose(struct rng *r, const double *w, size_t n);

#endif
