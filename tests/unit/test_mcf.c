/* Unit tests of match/mcf: hand-checked cases, infeasible and zero-supply
 * problems, overflow, warm re-solve against a cold one, and 240 random
 * instances against LEMON's network simplex (build/test/peer/lemon_mcf,
 * built by make test; run from the repository root as tests/run.sh does). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/rng.h"
#include "match/mcf.h"

#define PEER "build/test/peer/lemon_mcf"

/* Independent certificate: conservation, bounds, the total, and
 * complementary slackness of the potentials. */
static void check_optimal(struct mcf *g, const int64_t *supply)
{
	int32_t n = mcf_nodes(g), m = mcf_arcs(g);
	int64_t *bal = calloc((size_t)n + 1, sizeof *bal);
	assert_non_null(bal);
	int64_t total = 0;
	for (int32_t e = 0; e < m; e++) {
		int64_t f = mcf_flow(g, e), r = mcf_reduced_cost(g, e);
		assert_true(f >= 0 && f <= mcf_arc_cap(g, e));
		bal[mcf_arc_from(g, e)] += f;
		bal[mcf_arc_to(g, e)] -= f;
		total += f * mcf_arc_cost(g, e);
		if (f < mcf_arc_cap(g, e))
			assert_true(r >= 0);
		if (f > 0)
			assert_true(r <= 0);
	}
	for (int32_t v = 0; v < n; v++)
		assert_true(bal[v] == supply[v]);
	assert_true(total == mcf_total_cost(g));
	free(bal);
}

static void test_hand(void **state)
{
	(void)state;
	/* s=0 (supply 4) to t=3 (demand 4): 0-1-3 costs 1+1 but holds 2,
	 * 0-2-3 costs 2+3 holds 5, 0-3 costs 9 holds 1. Optimum: 2 on the
	 * cheap path (4), 2 on the middle path (10): 14. */
	struct mcf *g = mcf_new(0, 0);
	assert_non_null(g);
	int64_t sup[4] = { 4, 0, 0, -4 };
	for (int i = 0; i < 4; i++)
		assert_int_equal(mcf_add_node(g, sup[i]), i);
	int32_t a = mcf_add_arc(g, 0, 1, 2, 1);
	mcf_add_arc(g, 1, 3, 5, 1);
	mcf_add_arc(g, 0, 2, 5, 2);
	mcf_add_arc(g, 2, 3, 5, 3);
	int32_t d = mcf_add_arc(g, 0, 3, 1, 9);
	assert_int_equal(mcf_solve(g), MCF_OPTIMAL);
	assert_true(mcf_total_cost(g) == 14);
	assert_true(mcf_flow(g, a) == 2);
	assert_true(mcf_flow(g, d) == 0);
	check_optimal(g, sup);
	/* the direct arc is 9 against a marginal path of 5: reduced cost 4 */
	assert_true(mcf_reduced_cost(g, d) == 4);
	/* more room on the cheap path: warm re-solve, 4 * 2 = 8 */
	assert_int_equal(mcf_set_cap(g, a, 4), 0);
	assert_int_equal(mcf_solve(g), MCF_OPTIMAL);
	assert_true(mcf_total_cost(g) == 8);
	check_optimal(g, sup);
	/* bad input */
	assert_int_equal(mcf_add_arc(g, 0, 0, 1, 1), -1);
	assert_int_equal(mcf_add_arc(g, 0, 7, 1, 1), -1);
	assert_int_equal(mcf_add_arc(g, 0, 1, -1, 1), -1);
	assert_int_equal(mcf_set_cap(g, a, -2), -1);
	mcf_free(g);
}

static void test_infeasible(void **state)
{
	(void)state;
	struct mcf *g = mcf_new(2, 1);
	assert_non_null(g);
	mcf_add_node(g, 3);
	mcf_add_node(g, -3);
	int32_t a = mcf_add_arc(g, 0, 1, 2, 1);
	assert_int_equal(mcf_solve(g), MCF_INFEASIBLE);
	/* made feasible, then the supplies unbalanced */
	mcf_set_cap(g, a, 3);
	assert_int_equal(mcf_solve(g), MCF_OPTIMAL);
	assert_true(mcf_total_cost(g) == 3);
	mcf_set_supply(g, 0, 4);
	assert_int_equal(mcf_solve(g), MCF_INFEASIBLE);
	mcf_set_supply(g, 0, 3);
	assert_int_equal(mcf_solve(g), MCF_OPTIMAL);
	/* numbers beyond exact arithmetic are refused, not wrapped */
	mcf_set_cost(g, a, INT64_MAX / 4);
	assert_int_equal(mcf_solve(g), MCF_OVERFLOW);
	mcf_free(g);
}

static void test_zero_supply(void **state)
{
	(void)state;
	struct mcf *g = mcf_new(0, 0);
	assert_non_null(g);
	int64_t sup[3] = { 0, 0, 0 };
	for (int i = 0; i < 3; i++)
		mcf_add_node(g, 0);
	assert_int_equal(mcf_solve(g), MCF_OPTIMAL);
	assert_true(mcf_total_cost(g) == 0);
	/* a positive cycle stays empty, a negative one fills to its bottleneck */
	mcf_add_arc(g, 0, 1, 5, 2);
	mcf_add_arc(g, 1, 0, 5, 1);
	assert_int_equal(mcf_solve(g), MCF_OPTIMAL);
	assert_true(mcf_total_cost(g) == 0);
	mcf_add_arc(g, 1, 2, 3, -4);
	mcf_add_arc(g, 2, 0, 7, 1);
	assert_int_equal(mcf_solve(g), MCF_OPTIMAL);
	assert_true(mcf_total_cost(g) == 3 * (2 - 4 + 1));
	check_optimal(g, sup);
	mcf_free(g);
}

struct inst {
	int32_t n, m;
	int64_t *sup;
	int32_t *from, *to;
	int64_t *cap, *cost;
};

static void inst_free(struct inst *p)
{
	free(p->sup);
	free(p->from);
	free(p->to);
	free(p->cap);
	free(p->cost);
}

/* Random instances of three shapes: general sparse graphs with negative
 * costs, transport-like bipartite graphs with a slack sink, and tight
 * ones that are often infeasible. */
static void inst_random(struct inst *p, struct rng *r, int kind)
{
	p->n = 2 + (int32_t)rng_below(r, 40);
	p->m = (int32_t)rng_below(r, (uint64_t)p->n * 4 + 1);
	p->sup = calloc((size_t)p->n, sizeof *p->sup);
	size_t room = (size_t)p->m + (size_t)p->n + 8;
	p->from = calloc(room, sizeof *p->from);
	p->to = calloc(room, sizeof *p->to);
	p->cap = calloc(room, sizeof *p->cap);
	p->cost = calloc(room, sizeof *p->cost);
	assert_true(p->sup && p->from && p->to && p->cap && p->cost);
	int32_t left = p->n / 2;
	for (int32_t e = 0; e < p->m; e++) {
		int32_t a, b;
		do {
			if (kind == 1) {
				a = (int32_t)rng_below(r, (uint64_t)left);
				b = left + (int32_t)rng_below(r, (uint64_t)(p->n - left));
			} else {
				a = (int32_t)rng_below(r, (uint64_t)p->n);
				b = (int32_t)rng_below(r, (uint64_t)p->n);
			}
		} while (a == b);
		p->from[e] = a;
		p->to[e] = b;
		p->cap[e] = (int64_t)rng_below(r, kind == 2 ? 4 : 20);
		p->cost[e] = (int64_t)rng_below(r, 80) - (kind == 0 ? 20 : 0);
	}
	int32_t k = (int32_t)rng_below(r, (uint64_t)p->n + 1);
	for (int32_t i = 0; i < k; i++) {
		int64_t amt = (int64_t)rng_below(r, 10);
		int32_t a = kind == 1 ? (int32_t)rng_below(r, (uint64_t)left) : (int32_t)rng_below(r, (uint64_t)p->n);
		int32_t b = kind == 1 ? left + (int32_t)rng_below(r, (uint64_t)(p->n - left)) : (int32_t)rng_below(r, (uint64_t)p->n);
		p->sup[a] += amt;
		p->sup[b] -= amt;
		/* shapes 0 and 1 stay feasible through a dear direct arc */
		if (kind != 2 && a != b) {
			p->from[p->m] = a;
			p->to[p->m] = b;
			p->cap[p->m] = amt;
			p->cost[p->m++] = 200;
		}
	}
}

static struct mcf *inst_build(const struct inst *p)
{
	struct mcf *g = mcf_new(p->n, p->m);
	assert_non_null(g);
	for (int32_t v = 0; v < p->n; v++)
		assert_int_equal(mcf_add_node(g, p->sup[v]), v);
	for (int32_t e = 0; e < p->m; e++)
		assert_int_equal(mcf_add_arc(g, p->from[e], p->to[e], p->cap[e], p->cost[e]), e);
	return g;
}

static void inst_dimacs(const struct inst *p, const char *path)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fprintf(f, "p min %d %d\n", p->n, p->m);
	for (int32_t v = 0; v < p->n; v++)
		if (p->sup[v] != 0)
			fprintf(f, "n %d %lld\n", v + 1, (long long)p->sup[v]);
	for (int32_t e = 0; e < p->m; e++)
		fprintf(f, "a %d %d 0 %lld %lld\n", p->from[e] + 1, p->to[e] + 1, (long long)p->cap[e],
			(long long)p->cost[e]);
	assert_int_equal(fclose(f), 0);
}

#define N_RANDOM 240

static void test_random_vs_lemon(void **state)
{
	(void)state;
	assert_int_equal(access(PEER, X_OK), 0);
	char dir[] = "/tmp/test_mcf.XXXXXX";
	assert_non_null(mkdtemp(dir));
	struct rng r;
	rng_stream(&r, 20261125, 1);
	static enum mcf_status st[N_RANDOM];
	static int64_t cost[N_RANDOM];
	size_t cmdlen = 64 + (size_t)N_RANDOM * 40;
	char *cmd = malloc(cmdlen);
	assert_non_null(cmd);
	int w = snprintf(cmd, cmdlen, "%s", PEER);
	int optimal = 0;
	for (int i = 0; i < N_RANDOM; i++) {
		struct inst p;
		inst_random(&p, &r, i % 3);
		char path[64];
		snprintf(path, sizeof path, "%s/%03d.min", dir, i);
		inst_dimacs(&p, path);
		w += snprintf(cmd + w, cmdlen - (size_t)w, " %s", path);
		struct mcf *g = inst_build(&p);
		st[i] = mcf_solve(g);
		cost[i] = st[i] == MCF_OPTIMAL ? mcf_total_cost(g) : 0;
		if (st[i] == MCF_OPTIMAL) {
			check_optimal(g, p.sup);
			optimal++;
		}
		mcf_free(g);
		inst_free(&p);
	}
	FILE *f = popen(cmd, "r");
	assert_non_null(f);
	char line[128];
	for (int i = 0; i < N_RANDOM; i++) {
		assert_non_null(fgets(line, sizeof line, f));
		long long c = 0;
		if (strncmp(line, "optimal ", 8) == 0) {
			c = atoll(line + 8);
			if (st[i] != MCF_OPTIMAL || cost[i] != c)
				fail_msg("instance %d: lemon %lld, mcf status %d cost %lld", i, c, st[i], (long long)cost[i]);
		} else if (st[i] != MCF_INFEASIBLE)
			fail_msg("instance %d: lemon infeasible, mcf status %d", i, st[i]);
	}
	assert_int_equal(pclose(f), 0);
	/* both kinds of answer were exercised */
	print_message("%d of %d instances feasible\n", optimal, N_RANDOM);
	assert_true(optimal > N_RANDOM / 3 && optimal < N_RANDOM);
	snprintf(cmd, cmdlen, "rm -rf %s", dir);
	assert_int_equal(system(cmd), 0);
	free(cmd);
}

/* Change an optimal problem a little (new nodes with arcs, capacities,
 * costs, supplies) and re-solve warm; a cold solve of the same problem
 * must give the same cost. */
static void test_incremental(void **state)
{
	(void)state;
	struct rng r;
	rng_stream(&r, 7, 2);
	for (int round = 0; round < 150; round++) {
		struct inst p;
		inst_random(&p, &r, round % 3);
		struct mcf *warm = inst_build(&p);
		enum mcf_status s0 = mcf_solve(warm);
		(void)s0;
		int64_t *sup = calloc((size_t)p.n + 20, sizeof *sup);
		assert_non_null(sup);
		memcpy(sup, p.sup, (size_t)p.n * sizeof *sup);
		int32_t n = p.n;
		for (int k = 0; k < 1 + (int)rng_below(&r, 4); k++) {
			switch (rng_below(&r, 4)) {
			case 0: { /* a new node that sends 1..3 to an old one */
				int64_t amt = 1 + (int64_t)rng_below(&r, 3);
				int32_t v = mcf_add_node(warm, amt), t = (int32_t)rng_below(&r, (uint64_t)n);
				sup[v] = amt;
				sup[t] -= amt;
				mcf_set_supply(warm, t, sup[t]);
				for (int j = 0; j < 3; j++)
					mcf_add_arc(warm, v, (int32_t)rng_below(&r, (uint64_t)n), 1 + (int64_t)rng_below(&r, 5),
						(int64_t)rng_below(&r, 30));
				n++;
				break;
			}
			case 1:
				if (p.m > 0)
					mcf_set_cap(warm, (int32_t)rng_below(&r, (uint64_t)p.m), (int64_t)rng_below(&r, 20));
				break;
			case 2:
				if (p.m > 0)
					mcf_set_cost(warm, (int32_t)rng_below(&r, (uint64_t)p.m), (int64_t)rng_below(&r, 60) - 10);
				break;
			default: {
				int32_t a = (int32_t)rng_below(&r, (uint64_t)n), b = (int32_t)rng_below(&r, (uint64_t)n);
				sup[a] += 2;
				sup[b] -= 2;
				mcf_set_supply(warm, a, sup[a]);
				mcf_set_supply(warm, b, sup[b]);
				break;
			}
			}
		}
		enum mcf_status sw = mcf_solve(warm);
		int64_t cw = sw == MCF_OPTIMAL ? mcf_total_cost(warm) : 0;
		if (sw == MCF_OPTIMAL)
			check_optimal(warm, sup);
		mcf_reset(warm);
		enum mcf_status sc = mcf_solve(warm);
		assert_int_equal(sw, sc);
		if (sc == MCF_OPTIMAL)
			assert_true(cw == mcf_total_cost(warm));
		free(sup);
		mcf_free(warm);
		inst_free(&p);
	}
}

/* A free sink: the same optimum as the balanced problem in which node 0
 * takes exactly the others' balance, also warm after adding sources. */
static void test_sink(void **state)
{
	(void)state;
	struct rng r;
	rng_stream(&r, 13, 4);
	for (int round = 0; round < 120; round++) {
		struct inst p;
		inst_random(&p, &r, round % 3);
		struct mcf *s = mcf_new_sink(0, 0);
		assert_non_null(s);
		for (int32_t v = 0; v < p.n; v++)
			assert_int_equal(mcf_add_node(s, v == 0 ? 12345 : p.sup[v]), v);
		for (int32_t e = 0; e < p.m; e++)
			assert_int_equal(mcf_add_arc(s, p.from[e], p.to[e], p.cap[e], p.cost[e]), e);
		for (int step = 0; step < 3; step++) {
			enum mcf_status ss = mcf_solve(s);
			int64_t rest = 0;
			for (int32_t v = 1; v < p.n; v++)
				rest += p.sup[v];
			p.sup[0] = -rest;
			struct mcf *q = inst_build(&p);
			enum mcf_status sq = mcf_solve(q);
			assert_int_equal(ss, sq);
			if (sq == MCF_OPTIMAL) {
				assert_true(mcf_total_cost(s) == mcf_total_cost(q));
				check_optimal(s, p.sup);
			}
			mcf_free(q);
			/* a new source with two arcs, in both problems */
			int64_t amt = 1 + (int64_t)rng_below(&r, 3);
			int32_t v = mcf_add_node(s, amt);
			assert_int_equal(v, p.n);
			p.n++;
			p.sup = realloc(p.sup, (size_t)p.n * sizeof *p.sup);
			assert_non_null(p.sup);
			p.sup[v] = amt;
			for (int j = 0; j < 2; j++) {
				int32_t t = (int32_t)rng_below(&r, (uint64_t)v);
				int64_t cap = 1 + (int64_t)rng_below(&r, 4), cost = (int64_t)rng_below(&r, 40);
				assert_int_equal(mcf_add_arc(s, v, t, cap, cost), p.m);
				p.from[p.m] = v;
				p.to[p.m] = t;
				p.cap[p.m] = cap;
				p.cost[p.m++] = cost;
			}
		}
		mcf_free(s);
		inst_free(&p);
	}
}

/* Anchored potentials keep every reduced-cost sign of the optimum and
 * make the anchor's reachable nodes free of big-M. */
static void test_anchor(void **state)
{
	(void)state;
	struct rng r;
	rng_stream(&r, 11, 3);
	for (int round = 0; round < 60; round++) {
		struct inst p;
		inst_random(&p, &r, 1);
		struct mcf *g = inst_build(&p);
		if (mcf_solve(g) == MCF_OPTIMAL) {
			assert_int_equal(mcf_anchor_potentials(g, p.n - 1), 0);
			check_optimal(g, p.sup);
		}
		mcf_free(g);
		inst_free(&p);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hand),
		cmocka_unit_test(test_infeasible),
		cmocka_unit_test(test_zero_supply),
		cmocka_unit_test(test_random_vs_lemon),
		cmocka_unit_test(test_incremental),
		cmocka_unit_test(test_sink),
		cmocka_unit_test(test_anchor),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
