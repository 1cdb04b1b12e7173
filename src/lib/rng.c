/* rng: xoshiro256++ and samplers. See rng.h. */
#include "lib/rng.h"

#include <math.h>

static uint64_t splitmix64(uint64_t *x)
{
	uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static inline uint64_t rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

uint64_t rng_next(struct rng *r)
{
	uint64_t *s = r->s;
	uint64_t result = rotl(s[0] + s[3], 23) + s[0];
	uint64_t t = s[1] << 17;
	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl(s[3], 45);
	return result;
}

/* Advance 2^128 draws: the published jump polynomial of xoshiro256. */
static void rng_jump(struct rng *r)
{
	static const uint64_t jump[] = { 0x180ec6d33cfd0abaULL, 0xd5a61266f0c9392cULL,
					 0xa9582618e03fc9aaULL, 0x39abdc4529b1661cULL };
	uint64_t s0 = 0, s1 = 0, s2 = 0, s3 = 0;
	for (size_t i = 0; i < 4; i++) {
		for (int b = 0; b < 64; b++) {
			if (jump[i] & (1ULL << b)) {
				s0 ^= r->s[0];
				s1 ^= r->s[1];
				s2 ^= r->s[2];
				s3 ^= r->s[3];
			}
			rng_next(r);
		}
	}
	r->s[0] = s0;
	r->s[1] = s1;
	r->s[2] = s2;
	r->s[3] = s3;
}

void rng_stream(struct rng *r, uint64_t seed, uint64_t stream)
{
	uint64_t x = seed;
	for (int i = 0; i < 4; i++)
		r->s[i] = splitmix64(&x);
	/* Jumping is 256 draws per step: cheap enough for the few streams a
	 * run uses, and it guarantees non-overlap, which hashing does not. */
	for (uint64_t i = 0; i < stream; i++)
		rng_jump(r);
}

double rng_uniform(struct rng *r)
{
	return (double)(rng_next(r) >> 11) * 0x1.0p-53;
}

uint64_t rng_below(struct rng *r, uint64_t n)
{
	uint64_t x = rng_next(r);
	__uint128_t m = (__uint128_t)x * n;
	uint64_t l = (uint64_t)m;
	if (l < n) {
		uint64_t t = -n % n;
		while (l < t) {
			x = rng_next(r);
			m = (__uint128_t)x * n;
			l = (uint64_t)m;
		}
	}
	return (uint64_t)(m >> 64);
}

int rng_bernoulli(struct rng *r, double p)
{
	return rng_uniform(r) < p;
}

double rng_normal(struct rng *r)
{
	double u, v, s;
	do {
		u = 2.0 * rng_uniform(r) - 1.0;
		v = 2.0 * rng_uniform(r) - 1.0;
		s = u * u + v * v;
	} while (s >= 1.0 || s == 0.0);
	return u * sqrt(-2.0 * log(s) / s);
}

double rng_exponential(struct rng *r, double mean)
{
	return -mean * log1p(-rng_uniform(r));
}

double rng_lognormal_ms(struct rng *r, double mu, double sigma)
{
	return exp(mu + sigma * rng_normal(r));
}

double rng_lognormal(struct rng *r, double median, double mean)
{
	double sigma = sqrt(2.0 * log(mean / median));
	return rng_lognormal_ms(r, log(median), sigma);
}

double rng_gamma(struct rng *r, double k, double theta)
{
	if (k < 1.0) {
		/* Boost: Gamma(k) = Gamma(k+1) * U^(1/k). */
		double u = rng_uniform(r);
		return rng_gamma(r, k + 1.0, theta) * pow(u, 1.0 / k);
	}
	double d = k - 1.0 / 3.0, c = 1.0 / sqrt(9.0 * d);
	for (;;) {
		double x, v;
		do {
			x = rng_normal(r);
			v = 1.0 + c * x;
		} while (v <= 0.0);
		v = v * v * v;
		double u = rng_uniform(r);
		if (u < 1.0 - 0.0331 * x * x * x * x)
			return d * v * theta;
		if (log(u) < 0.5 * x * x + d * (1.0 - v + log(v)))
			return d * v * theta;
	}
}

uint64_t rng_poisson(struct rng *r, double lambda)
{
	if (lambda <= 0.0)
		return 0;
	if (lambda > 500.0) {
		double x = floor(lambda + sqrt(lambda) * rng_normal(r) + 0.5);
		return x < 0.0 ? 0 : (uint64_t)x;
	}
	/* Inversion by sequential search: exact, O(lambda). */
	double u = rng_uniform(r), p = exp(-lambda), cum = p;
	uint64_t k = 0;
	while (u > cum && k < 100000) {
		k++;
		p *= lambda / (double)k;
		cum += p;
	}
	return k;
}

size_t rng_choose(struct rng *r, const double *w, size_t n)
{
	double sum = 0.0;
	for (size_t i = 0; i < n; i++)
		sum += w[i];
	double x = rng_uniform(r) * sum;
	for (size_t i = 0; i < n; i++) {
		if (x < w[i])
			return i;
		x -= w[i];
	}
	return n - 1;
}
