/* mcf: minimum-cost flow by the primal network simplex method (see mcf.h).
 *
 * The basis is a spanning tree over the nodes plus an artificial root
 * (internal node 0; user node i is internal node i + 1, or i when user node
 * 0 is the sink, which then is the root itself). Every other node has
 * one artificial arc to or from the root with cost M (big-M) and no
 * capacity limit; it only ever carries flow while it is in the tree, so it
 * is stored per node (pred == ART, art_flow) and never priced again once
 * it has left. The tree keeps parent, pred arc, its direction, depth and
 * child lists (first child, siblings), which is enough to find the cycle
 * of an entering arc, re-hang the subtree that moves, and shift its
 * potentials. Entering arcs by block search (as LEMON does, over a compact
 * copy of what pricing needs: struct price_arc), the leaving
 * arc by the strongly feasible tree rule, so degenerate pivots cannot
 * cycle.
 *
 * Each artificial arc has its own cost: M from scratch; on a warm start
 * the cost that leaves its node's potential where the old tree had it
 * (see repair()), so that the old optimum's reduced costs stay as they
 * were and only the changes have to be worked off.
 */
#include "match/mcf.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

enum { ART = -1 };                /* pred of a node hung from the root by its artificial arc */
enum { LOWER = 1, TREE = 0, UPPER = -1 }; /* arc state: non-tree at 0, in tree, non-tree at cap */

/* An arc as the search for the entering arc sees it: the reduced cost
 * k + pi(a) - pi(b) is the violation when negative. At its lower bound
 * (a, b, k) = (tail, head, cost); at its upper bound the arc is looked at
 * backwards, (head, tail, -cost); in the tree (root, root, 0), never
 * negative. So a sweep reads one compact array, without the state and
 * without a multiplication. */
struct price_arc {
	int32_t a, b;
	int64_t k;
};

struct mcf {
	int32_t n, m;          /* user nodes and arcs */
	int32_t off;           /* internal index of user node 0: 1, or 0 when it is the sink */
	int32_t ncap, acap;    /* allocated (nodes without the root) */
	bool basis;            /* a tree from an earlier solve exists */
	bool basis_warm;       /* this solve started from it */
	int32_t old_n, old_m;  /* internal nodes and arcs at the last solve */
	int32_t fresh_arc;     /* first arc added since the last solve (priced first) */
	enum mcf_status status;
	int64_t big_m, pivots, total;
	int32_t next_arc;      /* block search position */
	/* For bounds() without a pass over the arcs: the sum of the
	 * capacities and the largest |cost|, exact unless marked stale. */
	int64_t cap_sum, cost_max;
	bool sums_stale;
	bool total_stale;      /* total needs a pass over the arcs */
	int32_t nchanged;      /* arcs in `changed` */
	int32_t block;         /* block size: about the square root of the arcs */

	/* nodes, internal index (0 = root) */
	int64_t *supply, *pi, *art_flow;
	int64_t *excess;       /* between solves: supply added since the last one */
	int64_t *art_cost;     /* cost of the node's artificial arc */
	int32_t *parent, *pred, *depth, *child, *next, *prev, *order;
	int8_t *up;            /* 1: the pred arc goes from the node to its parent */
	int8_t *hot;           /* warm: artificial arc with flow in this solve (see run()) */

	/* arcs */
	int32_t *src, *dst;    /* internal node indices */
	int64_t *cap, *cost, *flow;
	int8_t *state;
	struct price_arc *price; /* what pricing reads, kept by set_state() */
	int32_t *changed;      /* arcs whose capacity or cost changed since the last solve */
	int8_t *is_changed;
	int32_t *touched, *sorted; /* scratch for the warm start, one per node */
};

#define GROW(p, n) grow((void **)&(p), (size_t)(n), sizeof *(p))

static int grow(void **p, size_t n, size_t size)
{
	void *q = realloc(*p, n * size);
	if (!q)
		return -1;
	*p = q;
	return 0;
}

static int reserve_nodes(struct mcf *g, int32_t want)
{
	if (want <= g->ncap)
		return 0;
	int64_t c = g->ncap ? (int64_t)g->ncap * 2 : 16;
	if (c < want)
		c = want;
	if (c > MCF_MAX_NODES)
		c = MCF_MAX_NODES;
	if (want > c)
		return -1;
	int64_t k = c + 1;
	if (GROW(g->supply, k) || GROW(g->pi, k) || GROW(g->art_flow, k) || GROW(g->excess, k) ||
	    GROW(g->art_cost, k) || GROW(g->touched, k) || GROW(g->sorted, k) || GROW(g->hot, k) ||
	    GROW(g->parent, k) || GROW(g->pred, k) || GROW(g->depth, k) || GROW(g->child, k) ||
	    GROW(g->next, k) || GROW(g->prev, k) || GROW(g->order, k) || GROW(g->up, k))
		return -1;
	g->ncap = (int32_t)c;
	return 0;
}

static int reserve_arcs(struct mcf *g, int32_t want)
{
	if (want <= g->acap)
		return 0;
	int64_t c = g->acap ? (int64_t)g->acap * 2 : 64;
	if (c < want)
		c = want;
	if (c > MCF_MAX_ARCS)
		c = MCF_MAX_ARCS;
	if (want > c)
		return -1;
	if (GROW(g->src, c) || GROW(g->dst, c) || GROW(g->cap, c) || GROW(g->cost, c) ||
	    GROW(g->flow, c) || GROW(g->state, c) || GROW(g->price, c) || GROW(g->changed, c) || GROW(g->is_changed, c))
		return -1;
	g->acap = (int32_t)c;
	return 0;
}

/* Child lists. */
static void unlink_child(struct mcf *g, int32_t v)
{
	int32_t p = g->parent[v];
	if (g->prev[v] >= 0)
		g->next[g->prev[v]] = g->next[v];
	else
		g->child[p] = g->next[v];
	if (g->next[v] >= 0)
		g->prev[g->next[v]] = g->prev[v];
}

static void link_child(struct mcf *g, int32_t v, int32_t p)
{
	g->parent[v] = p;
	g->prev[v] = -1;
	g->next[v] = g->child[p];
	if (g->child[p] >= 0)
		g->prev[g->child[p]] = v;
	g->child[p] = v;
}

/* An arc's state, and what pricing sees of it (struct price_arc). */
static void set_state(struct mcf *g, int32_t e, int8_t st)
{
	struct price_arc *p = &g->price[e];
	g->state[e] = st;
	if (st == LOWER) {
		p->a = g->src[e];
		p->b = g->dst[e];
		p->k = g->cost[e];
	} else if (st == UPPER) {
		p->a = g->dst[e];
		p->b = g->src[e];
		p->k = -g->cost[e];
	} else {
		p->a = p->b = 0;
		p->k = 0;
	}
}

static struct mcf *nieuw(int32_t node_hint, int32_t arc_hint, int32_t off)
{
	struct mcf *g = calloc(1, sizeof *g);
	if (!g)
		return NULL;
	g->off = off;
	if (reserve_nodes(g, node_hint > 0 ? node_hint : 1) || reserve_arcs(g, arc_hint > 0 ? arc_hint : 1)) {
		mcf_free(g);
		return NULL;
	}
	g->supply[0] = 0;
	g->parent[0] = -1;
	g->pred[0] = ART;
	g->child[0] = -1;
	g->next[0] = g->prev[0] = -1;
	g->depth[0] = 0;
	g->up[0] = 0;
	g->art_flow[0] = 0;
	g->art_cost[0] = 0;
	g->status = MCF_INFEASIBLE;
	return g;
}

struct mcf *mcf_new(int32_t node_hint, int32_t arc_hint)
{
	return nieuw(node_hint, arc_hint, 1);
}

struct mcf *mcf_new_sink(int32_t node_hint, int32_t arc_hint)
{
	return nieuw(node_hint, arc_hint, 0);
}

void mcf_free(struct mcf *g)
{
	if (!g)
		return;
	free(g->supply); free(g->pi); free(g->art_flow); free(g->excess); free(g->art_cost);
	free(g->touched); free(g->sorted); free(g->hot);
	free(g->parent); free(g->pred); free(g->depth); free(g->child);
	free(g->next); free(g->prev); free(g->order); free(g->up);
	free(g->src); free(g->dst); free(g->cap); free(g->cost); free(g->flow); free(g->state); free(g->price);
	free(g->changed); free(g->is_changed);
	free(g);
}

int32_t mcf_add_node(struct mcf *g, int64_t supply)
{
	if (g->n >= MCF_MAX_NODES || reserve_nodes(g, g->n + 1))
		return -1;
	int32_t v = g->n + g->off;
	if (v == 0)
		return g->n++; /* the sink is the root itself */
	g->supply[v] = supply;
	g->excess[v] = supply;
	g->pi[v] = 0;
	g->art_flow[v] = 0;
	g->art_cost[v] = 0; /* set by the next solve's crash() */
	g->pred[v] = ART;
	g->up[v] = 1;
	g->child[v] = -1;
	g->depth[v] = 1;
	/* Hung from the root at once, so the tree is always spanning; the
	 * next solve sets the artificial arc's flow and direction. */
	link_child(g, v, 0);
	return g->n++;
}

/* Keep cap_sum and cost_max up to date for a capacity or cost changed
 * from (oc, ok) to (nc, nk). */
static void note_sums(struct mcf *g, int64_t oc, int64_t nc, int64_t ok, int64_t nk)
{
	if (__builtin_add_overflow(g->cap_sum, nc - oc, &g->cap_sum))
		g->sums_stale = true;
	if (nk == INT64_MIN || ok == INT64_MIN) {
		g->sums_stale = true;
		return;
	}
	int64_t a = nk < 0 ? -nk : nk, b = ok < 0 ? -ok : ok;
	if (a > g->cost_max)
		g->cost_max = a;
	else if (b == g->cost_max && a < b)
		g->sums_stale = true; /* the largest may have gone */
}

/* Remembered for the warm start, which looks at changed arcs only. */
static void note_change(struct mcf *g, int32_t e)
{
	if (!g->is_changed[e]) {
		g->is_changed[e] = 1;
		g->changed[g->nchanged++] = e;
	}
}

int32_t mcf_add_arc(struct mcf *g, int32_t from, int32_t to, int64_t cap, int64_t cost)
{
	if (from < 0 || from >= g->n || to < 0 || to >= g->n || from == to || cap < 0)
		return -1;
	if (g->m >= MCF_MAX_ARCS || reserve_arcs(g, g->m + 1))
		return -1;
	int32_t e = g->m;
	g->src[e] = from + g->off;
	g->dst[e] = to + g->off;
	g->cap[e] = cap;
	g->cost[e] = cost;
	g->flow[e] = 0;
	set_state(g, e, LOWER);
	g->is_changed[e] = 0;
	note_sums(g, 0, cap, 0, cost);
	return g->m++;
}

int mcf_set_supply(struct mcf *g, int32_t node, int64_t supply)
{
	if (node < 0 || node >= g->n)
		return -1;
	int32_t v = node + g->off;
	int64_t d;
	if (__builtin_sub_overflow(supply, g->supply[v], &d) || __builtin_add_overflow(g->excess[v], d, &g->excess[v]))
		g->basis = false; /* beyond any warm start: bounds() will say so */
	g->supply[v] = supply;
	return 0;
}

int mcf_set_cap(struct mcf *g, int32_t arc, int64_t cap)
{
	if (arc < 0 || arc >= g->m || cap < 0)
		return -1;
	note_sums(g, g->cap[arc], cap, g->cost[arc], g->cost[arc]);
	g->cap[arc] = cap;
	note_change(g, arc);
	return 0;
}

int mcf_set_cost(struct mcf *g, int32_t arc, int64_t cost)
{
	if (arc < 0 || arc >= g->m)
		return -1;
	note_sums(g, 0, 0, g->cost[arc], cost);
	if (g->flow[arc] != 0)
		g->total_stale = true;
	g->cost[arc] = cost;
	note_change(g, arc);
	return 0;
}

void mcf_reset(struct mcf *g)
{
	g->basis = false;
}

int32_t mcf_nodes(const struct mcf *g) { return g->n; }
int32_t mcf_arcs(const struct mcf *g) { return g->m; }
int64_t mcf_arc_cap(const struct mcf *g, int32_t arc) { return g->cap[arc]; }
int64_t mcf_arc_cost(const struct mcf *g, int32_t arc) { return g->cost[arc]; }
int32_t mcf_arc_from(const struct mcf *g, int32_t arc) { return g->src[arc] - g->off; }
int32_t mcf_arc_to(const struct mcf *g, int32_t arc) { return g->dst[arc] - g->off; }
int64_t mcf_flow(const struct mcf *g, int32_t arc) { return g->flow[arc]; }
const int64_t *mcf_flows(const struct mcf *g) { return g->flow; }
int64_t mcf_total_cost(const struct mcf *g) { return g->total; }
int64_t mcf_potential(const struct mcf *g, int32_t node) { return g->pi[node + g->off]; }
int64_t mcf_pivots(const struct mcf *g) { return g->pivots; }

int64_t mcf_reduced_cost(const struct mcf *g, int32_t arc)
{
	return g->cost[arc] + g->pi[g->src[arc]] - g->pi[g->dst[arc]];
}

/* Pre-order of the tree from the root into g->order; returns its length. */
static int32_t preorder(struct mcf *g)
{
	int32_t k = 0, v = 0;
	for (;;) {
		g->order[k++] = v;
		if (g->child[v] >= 0) {
			v = g->child[v];
			continue;
		}
		while (v != 0 && g->next[v] < 0)
			v = g->parent[v];
		if (v == 0)
			return k;
		v = g->next[v];
	}
}

/* Everything the solve computes must fit in int64: big-M, potentials
 * (at most M + n * C in size), reduced costs, flows and the total cost. */
static bool bounds(struct mcf *g, int64_t *big_m)
{
	int64_t c = 0, f = 0, s = 0, t;
	if (g->sums_stale) {
		for (int32_t e = 0; e < g->m; e++) {
			if (g->cost[e] == INT64_MIN)
				return false;
			int64_t a = g->cost[e] < 0 ? -g->cost[e] : g->cost[e];
			if (a > c)
				c = a;
			if (__builtin_add_overflow(f, g->cap[e], &f))
				return false;
		}
		g->cost_max = c;
		g->cap_sum = f;
		g->sums_stale = false;
	}
	c = g->cost_max;
	f = g->cap_sum;
	for (int32_t v = 1; v < g->n + g->off; v++) {
		if (g->supply[v] == INT64_MIN)
			return false;
		int64_t a = g->supply[v] < 0 ? -g->supply[v] : g->supply[v];
		if (__builtin_add_overflow(s, a, &s))
			return false;
	}
	if (__builtin_add_overflow(f, s, &f) || f > INT64_MAX / 4)
		return false;
	if (__builtin_mul_overflow((int64_t)g->n + 1, c + 1, big_m) || *big_m > INT64_MAX / 16)
		return false;
	if (__builtin_mul_overflow(f, c, &t))
		return false;
	return true;
}

/* Start from the all-artificial tree: every node a child of the root. */
static void init_basis(struct mcf *g)
{
	g->child[0] = -1;
	for (int32_t v = 1; v < g->n + g->off; v++) {
		g->pred[v] = ART;
		g->art_cost[v] = g->big_m;
		g->child[v] = -1;
		link_child(g, v, 0);
	}
	for (int32_t e = 0; e < g->m; e++) {
		set_state(g, e, LOWER);
		g->flow[e] = 0;
	}
	g->next_arc = 0;
	g->basis = true;
}

/* A better start than the artificial arc for the nodes from `from` on
 * (all of them cold, the new ones warm): in order, each node without
 * demand that still hangs from the root alone is hung under an earlier
 * node by one of its own arcs with room for more than its supply (the
 * widest, then the cheapest against the head's potential), so that its
 * flow starts on a real path with real potentials instead of at cost M.
 * Warm, a new node takes its arc of least reduced cost instead (room for
 * its supply is enough): then none of its arcs is priced wrong and no old
 * potential moves.
 * Only arcs from index first_arc on are looked at (a new node's arcs are
 * all new). repair() then sets the flows and cuts what does not fit. A
 * heuristic: when memory for the arc lists is short it does nothing. */
static void crash(struct mcf *g, int32_t from, int32_t first_arc, bool warm)
{
	int32_t nn = g->n + g->off, k = nn - from;
	if (k <= 0 || first_arc >= g->m)
		return;
	int32_t *start = calloc((size_t)k + 1, sizeof *start);
	int32_t *list = malloc((size_t)(g->m - first_arc) * sizeof *list);
	if (!start || !list)
		goto out;
	for (int32_t e = first_arc; e < g->m; e++)
		if (g->src[e] >= from)
			start[g->src[e] - from + 1]++;
	for (int32_t i = 0; i < k; i++)
		start[i + 1] += start[i];
	for (int32_t e = first_arc; e < g->m; e++)
		if (g->src[e] >= from)
			list[start[g->src[e] - from]++] = e;
	/* start[i] is now the end of node from + i's arcs */
	for (int32_t i = 0; i < k; i++) {
		int32_t v = from + i, best = -1;
		int32_t lo = i == 0 ? 0 : start[i - 1];
		if (g->pred[v] != ART || g->parent[v] != 0 || g->child[v] >= 0 || g->supply[v] < 0) {
			if (g->pred[v] == ART) {
				g->pi[v] = g->supply[v] >= 0 ? -g->big_m : g->big_m;
				g->art_cost[v] = g->big_m;
			}
			continue;
		}
		for (int32_t j = lo; j < start[i]; j++) {
			int32_t e = list[j], h = g->dst[e];
			if (h >= v || g->cap[e] < g->supply[v] || (!warm && g->cap[e] == g->supply[v]))
				continue;
			if (best < 0 || (!warm && g->cap[e] > g->cap[best]) ||
			    ((warm || g->cap[e] == g->cap[best]) &&
			     g->cost[e] - g->pi[h] < g->cost[best] - g->pi[g->dst[best]]))
				best = e;
		}
		if (best < 0) {
			g->pi[v] = -g->big_m;
			g->art_cost[v] = g->big_m;
			continue;
		}
		unlink_child(g, v);
		link_child(g, v, g->dst[best]);
		g->depth[v] = g->depth[g->dst[best]] + 1;
		g->pred[v] = best;
		g->up[v] = 1;
		set_state(g, best, TREE);
		g->pi[v] = g->pi[g->dst[best]] - g->cost[best];
	}
out:
	free(start);
	free(list);
}

/* Potentials this large could overflow a warm start's artificial costs
 * (see bounds()): then the solve starts afresh. */
#define PI_LIMIT (INT64_MAX / 16)

/* Potentials and depths from the tree, given its pre-order (k nodes in
 * g->order): parents first. */
static void tree_potentials(struct mcf *g, int32_t k)
{
	g->pi[0] = 0;
	g->depth[0] = 0;
	for (int32_t i = 1; i < k; i++) {
		int32_t v = g->order[i], p = g->parent[v], e = g->pred[v];
		int64_t c = e == ART ? g->art_cost[v] : g->cost[e];
		g->pi[v] = g->up[v] ? g->pi[p] - c : g->pi[p] + c;
		g->depth[v] = g->depth[p] + 1;
	}
}

/* From scratch: tree flows from the supplies and the non-tree arcs at
 * their bounds, leaves first. A tree arc whose flow falls outside
 * [0, cap], or that would make the tree not strongly feasible (an upward
 * arc at cap, a downward arc without flow), is fixed at its bound and
 * leaves the tree; its subtree is hung from the root by its artificial
 * arc (cost M) instead. */
static void repair(struct mcf *g)
{
	int32_t k = preorder(g);
	for (int32_t v = 0; v < g->n + g->off; v++)
		g->excess[v] = g->supply[v];
	for (int32_t e = 0; e < g->m; e++) {
		if (g->state[e] == TREE)
			continue;
		int64_t f = g->state[e] == UPPER ? g->cap[e] : 0;
		g->flow[e] = f;
		g->excess[g->src[e]] -= f;
		g->excess[g->dst[e]] += f;
	}
	for (int32_t i = k - 1; i >= 1; i--) {
		int32_t v = g->order[i], p = g->parent[v], e = g->pred[v];
		int64_t s = g->excess[v];
		if (e == ART) {
			g->up[v] = s >= 0;
			g->art_flow[v] = s >= 0 ? s : -s;
			continue;
		}
		int64_t f = g->up[v] ? s : -s;
		bool bad = f < 0 || f > g->cap[e] || (g->up[v] && f == g->cap[e]) || (!g->up[v] && f == 0);
		if (!bad) {
			g->flow[e] = f;
			g->excess[p] += s;
			continue;
		}
		int64_t fb = f < 0 ? 0 : f > g->cap[e] ? g->cap[e] : f;
		g->flow[e] = fb;
		set_state(g, e, fb == 0 ? LOWER : UPPER);
		int64_t carried = g->up[v] ? fb : -fb;
		g->excess[p] += carried;
		s -= carried;
		unlink_child(g, v);
		link_child(g, v, 0);
		g->pred[v] = ART;
		g->art_cost[v] = g->big_m;
		g->up[v] = s >= 0;
		g->art_flow[v] = s >= 0 ? s : -s;
	}
	/* Parents come before children in the old pre-order, also for the
	 * subtrees that moved to the root. */
	tree_potentials(g, k);
}

/* Warm: d more flow leaves u's subtree upwards (d < 0: less), so every
 * tree arc on the way to the root carries it; the nodes passed are noted
 * in g->touched (once each, by g->order[u] = 1). */
static void send_up(struct mcf *g, int32_t u, int64_t d, int32_t *nt)
{
	for (; u != 0; u = g->parent[u]) {
		if (!g->order[u]) {
			g->order[u] = 1;
			g->touched[(*nt)++] = u;
		}
		int32_t e = g->pred[u];
		if (e == ART) {
			int64_t a = (g->up[u] ? g->art_flow[u] : -g->art_flow[u]) + d;
			g->up[u] = a >= 0;
			g->art_flow[u] = a >= 0 ? a : -a;
			return;
		}
		int64_t df = g->up[u] ? d : -d;
		g->flow[e] += df;
		g->total += df * g->cost[e];
	}
}

/* Warm: the old tree and its flows stay; only what changed since moves.
 * Non-tree arcs go to their new bounds, and every node's change of
 * balance (new supply, a new node, those arcs) is sent up its tree path,
 * so the work is the changes times the depth, not the whole network. A
 * tree arc whose flow then falls outside [0, cap] is fixed at its bound
 * (deepest first) and its subtree hung from the root by its artificial
 * arc. Arcs that merely reached a bound stay: a cut there would hang a
 * subtree from the root that the simplex then has to take back piece by
 * piece; so the tree need not be strongly feasible (see run()).
 *
 * Every artificial arc then costs what leaves its node's potential where
 * the old tree had it, plus pen against the direction of its flow: the
 * old reduced costs do not move, but those of the arcs out of a subtree
 * whose flow did not fit do, by pen, so the simplex sends that flow the
 * nearest cheap way round. With M there instead (as from scratch) the
 * whole subtree would shift by M against everything around it, which
 * took thousands of (nearly all degenerate) pivots to undo. run() raises
 * pen while artificial flow is left, up to M on every artificial arc. */
static void repair_warm(struct mcf *g, int64_t pen)
{
	int32_t nn = g->n + g->off, nt = 0;
	for (int32_t v = 0; v < nn; v++)
		g->order[v] = g->hot[v] = 0;
	for (int32_t i = 0; i < g->nchanged; i++) {
		int32_t e = g->changed[i];
		set_state(g, e, g->state[e]); /* its cost may have changed */
		if (g->state[e] == TREE) {
			/* Its capacity may no longer hold its flow: a cut there
			 * changes the arcs above it too, so all are looked at. */
			send_up(g, g->pred[g->src[e]] == e ? g->src[e] : g->dst[e], 0, &nt);
			continue;
		}
		int64_t d = (g->state[e] == UPPER ? g->cap[e] : 0) - g->flow[e];
		g->flow[e] += d;
		g->total += d * g->cost[e];
		g->excess[g->src[e]] -= d;
		g->excess[g->dst[e]] += d;
	}
	for (int32_t v = 1; v < nn; v++)
		if (g->excess[v] != 0) {
			send_up(g, v, g->excess[v], &nt);
			g->excess[v] = 0;
		}
	/* Deepest first (counting sort on depth into g->sorted). */
	int32_t dmax = 0;
	for (int32_t i = 0; i < nt; i++)
		if (g->depth[g->touched[i]] > dmax)
			dmax = g->depth[g->touched[i]];
	for (int32_t d = 0; d <= dmax + 1; d++)
		g->order[d] = 0;
	for (int32_t i = 0; i < nt; i++)
		g->order[dmax - g->depth[g->touched[i]] + 1]++;
	for (int32_t d = 1; d <= dmax + 1; d++)
		g->order[d] += g->order[d - 1];
	for (int32_t i = 0; i < nt; i++)
		g->sorted[g->order[dmax - g->depth[g->touched[i]]]++] = g->touched[i];
	for (int32_t i = 0; i < nt; i++) {
		int32_t u = g->sorted[i], e = g->pred[u];
		if (e == ART || (g->flow[e] >= 0 && g->flow[e] <= g->cap[e]))
			continue;
		int64_t f = g->flow[e], fb = f < 0 ? 0 : g->cap[e];
		int64_t left = g->up[u] ? f - fb : fb - f; /* no longer carried up */
		g->flow[e] = fb;
		g->total += (fb - f) * g->cost[e];
		set_state(g, e, fb == 0 ? LOWER : UPPER);
		int32_t p = g->parent[u];
		g->hot[u] = 2; /* cut here */
		unlink_child(g, u);
		link_child(g, u, 0);
		g->pred[u] = ART;
		g->up[u] = left >= 0;
		g->art_flow[u] = left >= 0 ? left : -left;
		for (int32_t x = p; x != 0; x = g->parent[x]) {
			int32_t a = g->pred[x];
			if (a == ART) {
				int64_t s = (g->up[x] ? g->art_flow[x] : -g->art_flow[x]) - left;
				g->up[x] = s >= 0;
				g->art_flow[x] = s >= 0 ? s : -s;
				break;
			}
			int64_t df = g->up[x] ? -left : left;
			g->flow[a] += df;
			g->total += df * g->cost[a];
		}
	}
	/* pi is still the old tree's (or, for a new node, its crash()'s);
	 * an artificial arc without flow keeps its cost, so its subtree
	 * does not move (a cut one gets the neutral cost). */
	for (int32_t u = g->child[0]; u >= 0; u = g->next[u]) {
		bool cut = g->hot[u] == 2;
		g->hot[u] = g->pred[u] == ART && g->art_flow[u] != 0;
		if (g->hot[u] || cut)
			g->art_cost[u] = (g->up[u] ? -g->pi[u] : g->pi[u]) + (g->hot[u] ? pen : 0);
	}
	tree_potentials(g, preorder(g));
}

static inline int64_t tree_flow(const struct mcf *g, int32_t v)
{
	return g->pred[v] == ART ? g->art_flow[v] : g->flow[g->pred[v]];
}

static inline int64_t tree_room_up(const struct mcf *g, int32_t v)
{
	/* Room to push flow on v's pred arc in the arc's own direction. */
	return g->pred[v] == ART ? INT64_MAX : g->cap[g->pred[v]] - g->flow[g->pred[v]];
}

static inline void tree_add(struct mcf *g, int32_t v, int64_t d)
{
	if (g->pred[v] == ART)
		g->art_flow[v] += d;
	else {
		g->flow[g->pred[v]] += d;
		g->total += d * g->cost[g->pred[v]];
	}
}

/* The most violating arc among lo..hi-1 into *min, *best if it beats *min. */
static inline void price_range(const struct mcf *g, int32_t lo, int32_t hi, int64_t *min, int32_t *best)
{
	const struct price_arc *p = g->price;
	const int64_t *pi = g->pi;
	int64_t mn = *min;
	int32_t b = *best;
	for (int32_t e = lo; e < hi; e++) {
		int64_t c = p[e].k + pi[p[e].a] - pi[p[e].b];
		if (c < mn) {
			mn = c;
			b = e;
		}
	}
	*min = mn;
	*best = b;
}

/* Block search: the most violating arc of the first block that has one,
 * going round from where the last search stopped. */
static int32_t find_entering(struct mcf *g)
{
	int32_t m = g->m, best = -1;
	int64_t min = 0;
	/* The arcs added since the last solve first: that is where a warm
	 * start is out of balance. */
	price_range(g, g->fresh_arc, m, &min, &best);
	if (best >= 0)
		return best;
	for (int32_t e = g->next_arc < m ? g->next_arc : 0, left = m; left > 0;) {
		int32_t len = g->block < left ? g->block : left;
		if (len > m - e)
			len = m - e;
		price_range(g, e, e + len, &min, &best);
		if (best >= 0) {
			/* Warm, the violations cluster (the arcs of the few
			 * nodes that changed sit together), so the next search
			 * looks at this block again; from scratch they are
			 * everywhere, and moving on takes far fewer pivots. */
			if (!g->basis_warm)
				e = e + len < m ? e + len : 0;
			g->next_arc = e;
			return best;
		}
		left -= len;
		e = e + len < m ? e + len : 0;
	}
	return -1;
}

static void pivot(struct mcf *g, int32_t in)
{
	int32_t first, second;
	if (g->state[in] == LOWER) {
		first = g->src[in];
		second = g->dst[in];
	} else {
		first = g->dst[in];
		second = g->src[in];
	}
	int32_t a = first, b = second;
	while (a != b) {
		if (g->depth[a] > g->depth[b])
			a = g->parent[a];
		else if (g->depth[b] > g->depth[a])
			b = g->parent[b];
		else {
			a = g->parent[a];
			b = g->parent[b];
		}
	}
	int32_t join = a, u_out = -1, result = 0;
	int64_t delta = g->cap[in];
	/* first -> join: flow runs down the tree towards first */
	for (int32_t u = first; u != join; u = g->parent[u]) {
		int64_t d = g->up[u] ? tree_flow(g, u) : tree_room_up(g, u);
		if (d < delta) {
			delta = d;
			u_out = u;
			result = 1;
		}
	}
	/* second -> join: flow runs up the tree from second */
	for (int32_t u = second; u != join; u = g->parent[u]) {
		int64_t d = g->up[u] ? tree_room_up(g, u) : tree_flow(g, u);
		if (d <= delta) {
			delta = d;
			u_out = u;
			result = 2;
		}
	}
	if (delta > 0) {
		int64_t val = g->state[in] * delta;
		g->flow[in] += val;
		g->total += val * g->cost[in];
		for (int32_t u = g->src[in]; u != join; u = g->parent[u])
			tree_add(g, u, g->up[u] ? -val : val);
		for (int32_t u = g->dst[in]; u != join; u = g->parent[u])
			tree_add(g, u, g->up[u] ? val : -val);
	}
	if (result == 0) {
		set_state(g, in, (int8_t)-g->state[in]);
		return;
	}
	int32_t u_in = result == 1 ? first : second;
	int32_t v_in = result == 1 ? second : first;
	int32_t out = g->pred[u_out];
	if (out == ART)
		g->art_flow[u_out] = 0;
	else
		set_state(g, out, g->flow[out] == 0 ? LOWER : UPPER);
	set_state(g, in, TREE);

	/* Re-hang the path u_in .. u_out under v_in, reversing it. */
	int32_t w = u_in, np = v_in, npred = in;
	int8_t nup = g->src[in] == u_in;
	for (;;) {
		int32_t op = g->parent[w], opred = g->pred[w];
		int8_t oup = g->up[w];
		unlink_child(g, w);
		link_child(g, w, np);
		g->pred[w] = npred;
		g->up[w] = nup;
		if (w == u_out)
			break;
		np = w;
		npred = opred;
		nup = (int8_t)!oup;
		w = op;
	}

	/* Shift the potentials and depths of the subtree that moved. */
	int64_t c = g->cost[in];
	int64_t sigma = (g->up[u_in] ? g->pi[v_in] - c : g->pi[v_in] + c) - g->pi[u_in];
	int32_t v = u_in;
	for (;;) {
		g->pi[v] += sigma;
		g->depth[v] = g->depth[g->parent[v]] + 1;
		if (g->child[v] >= 0) {
			v = g->child[v];
			continue;
		}
		while (v != u_in && g->next[v] < 0)
			v = g->parent[v];
		if (v == u_in)
			break;
		v = g->next[v];
	}
}

/* Warm: the artificial arcs' first penalty, and how much it grows each
 * round (see repair()). Small, because the flow that does not fit mostly
 * has a way round within a few points, and every point more shifts big
 * subtrees against their neighbours. */
enum { PEN_FIRST = 1, PEN_GROWTH = 4 };

/* A warm start gives up after this many pivots (per node, plus a few):
 * its tree need not be strongly feasible, so degenerate pivots could in
 * principle cycle; a solve from scratch then settles it. */
enum { WARM_PIVOTS_PER_NODE = 2, WARM_PIVOTS_MIN = 100 };

/* The simplex from the warm basis (g->basis_warm) or from scratch, until
 * optimal. MCF_NOMEM here only means the warm start gave up. */
static enum mcf_status run(struct mcf *g)
{
	int64_t pen = 0, budget = WARM_PIVOTS_MIN + WARM_PIVOTS_PER_NODE * (int64_t)(g->n + g->off);
	if (g->basis_warm) {
		crash(g, g->old_n, g->old_m, true);
		pen = PEN_FIRST;
	} else {
		init_basis(g);
		g->pi[0] = 0;
		crash(g, 1, 0, false);
	}
	g->fresh_arc = g->basis_warm ? g->old_m : g->m;
	g->old_n = g->n + g->off;
	g->old_m = g->m;
	if (g->basis_warm)
		repair_warm(g, pen);
	else
		repair(g);
	g->block = 10;
	while ((int64_t)g->block * g->block < g->m)
		g->block++;
	for (;;) {
		int32_t in;
		while ((in = find_entering(g)) >= 0) {
			if (g->basis_warm && g->pivots >= budget)
				return MCF_NOMEM;
			pivot(g, in);
			g->pivots++;
		}
		bool left = false;
		for (int32_t v = 1; v < g->n + g->off && !left; v++)
			left = g->pred[v] == ART && g->art_flow[v] != 0;
		if (!left)
			return MCF_OPTIMAL;
		if (pen == 0)
			return MCF_INFEASIBLE; /* even at M on every artificial arc */
		/* Artificial flow left: every artificial arc dearer, at last M,
		 * which then proves that the supplies cannot be met. */
		int64_t more = pen < g->big_m / PEN_GROWTH ? pen * (PEN_GROWTH - 1) : 0;
		pen = more ? pen + more : 0;
		for (int32_t v = 1; v < g->n + g->off; v++) {
			if (g->pred[v] != ART)
				continue;
			g->hot[v] |= g->art_flow[v] != 0;
			if (!pen)
				g->art_cost[v] = g->big_m;
			else if (g->hot[v])
				g->art_cost[v] += more;
		}
		tree_potentials(g, preorder(g));
	}
}

enum mcf_status mcf_solve(struct mcf *g)
{
	int64_t sum = 0;
	if (!bounds(g, &g->big_m))
		return g->status = MCF_OVERFLOW;
	for (int32_t v = 1; v < g->n + g->off; v++)
		sum += g->supply[v];
	g->pivots = 0;
	if (sum != 0 && g->off == 1)
		return g->status = MCF_INFEASIBLE;
	g->basis_warm = g->basis;
	if (g->basis_warm) {
		/* The old tree's own potentials (mcf_anchor_potentials() may
		 * have replaced them): the warm start keeps them where it can. */
		tree_potentials(g, preorder(g));
		for (int32_t v = 1; v < g->n + g->off && g->basis_warm; v++)
			if (g->pi[v] > PI_LIMIT || g->pi[v] < -PI_LIMIT)
				g->basis_warm = false; /* drifted too far: start afresh */
	}
	enum mcf_status st = run(g);
	if (st == MCF_NOMEM) {
		/* The warm start stalled (see run()): from scratch instead. */
		g->basis_warm = false;
		g->pivots = 0;
		st = run(g);
	}
	/* Changes are worked in (or the next solve starts afresh). */
	for (int32_t v = 0; v < g->n + g->off; v++)
		g->excess[v] = 0;
	for (int32_t i = 0; i < g->nchanged; i++)
		g->is_changed[g->changed[i]] = 0;
	g->nchanged = 0;
	g->basis = st == MCF_OPTIMAL;
	if (st != MCF_OPTIMAL)
		return g->status = st;
	if (!g->basis_warm || g->total_stale) {
		g->total = 0;
		for (int32_t e = 0; e < g->m; e++)
			g->total += g->flow[e] * g->cost[e];
		g->total_stale = false;
	}
	return g->status = MCF_OPTIMAL;
}

/* ---- anchored potentials: Dijkstra towards the anchor over the residual
 * graph with reduced costs as lengths (all >= 0 at an optimum). */

struct heap {
	int32_t *node, *pos;
	int64_t *key;
	int32_t n;
};

static void heap_swap(struct heap *h, int32_t i, int32_t j)
{
	int32_t a = h->node[i], b = h->node[j];
	h->node[i] = b;
	h->node[j] = a;
	h->pos[b] = i;
	h->pos[a] = j;
}

static void heap_up(struct heap *h, int32_t i)
{
	while (i > 0 && h->key[h->node[(i - 1) / 2]] > h->key[h->node[i]]) {
		heap_swap(h, i, (i - 1) / 2);
		i = (i - 1) / 2;
	}
}

static void heap_down(struct heap *h, int32_t i)
{
	for (;;) {
		int32_t l = 2 * i + 1, r = l + 1, s = i;
		if (l < h->n && h->key[h->node[l]] < h->key[h->node[s]])
			s = l;
		if (r < h->n && h->key[h->node[r]] < h->key[h->node[s]])
			s = r;
		if (s == i)
			return;
		heap_swap(h, i, s);
		i = s;
	}
}

/* Dijkstra over the residual graph with reduced costs as lengths, from
 * `t` along residual arcs walked backwards (dist[v] = cheapest v -> t) or
 * forwards (dist[v] = cheapest t -> v). Stops once `stop` is settled
 * (-1: never). Fills dist (INT64_MAX = unreachable) and returns the
 * largest distance settled, or -1 when out of memory. */
static int64_t dijkstra(const struct mcf *g, int32_t t, bool backwards, int32_t stop, int64_t *dist)
{
	int32_t n = g->n + g->off, m = g->m;
	/* Incidence lists of both endpoints: a residual arc u -> w is walked
	 * backwards from w. */
	int32_t *start = calloc((size_t)n + 1, sizeof *start);
	int32_t *adj = malloc(((size_t)m * 2 + 1) * sizeof *adj);
	struct heap h = { malloc((size_t)n * sizeof(int32_t)), malloc((size_t)n * sizeof(int32_t)), NULL, 0 };
	bool *done = calloc((size_t)n, sizeof *done);
	int64_t rc = -1;
	if (!start || !adj || !h.node || !h.pos || !done)
		goto out;
	h.key = dist;
	for (int32_t e = 0; e < m; e++) {
		start[g->src[e] + 1]++;
		start[g->dst[e] + 1]++;
	}
	for (int32_t v = 0; v < n; v++)
		start[v + 1] += start[v];
	/* h.pos serves as the fill pointer before Dijkstra needs it. */
	memcpy(h.pos, start, (size_t)n * sizeof *h.pos);
	for (int32_t e = 0; e < m; e++) {
		adj[h.pos[g->src[e]]++] = e;
		adj[h.pos[g->dst[e]]++] = e;
	}
	for (int32_t v = 0; v < n; v++) {
		dist[v] = INT64_MAX;
		h.pos[v] = -1;
	}
	dist[t] = 0;
	h.node[0] = t;
	h.pos[t] = 0;
	h.n = 1;
	int64_t far = 0;
	while (h.n > 0) {
		int32_t w = h.node[0];
		heap_swap(&h, 0, --h.n);
		h.pos[w] = -1;
		heap_down(&h, 0);
		done[w] = true;
		if (dist[w] > far)
			far = dist[w];
		if (w == stop)
			break;
		for (int32_t i = start[w]; i < start[w + 1]; i++) {
			int32_t e = adj[i], u;
			int64_t len;
			bool at_dst = g->dst[e] == w;
			/* the residual arc between w and u in the direction walked */
			bool fwd = backwards ? at_dst : !at_dst;
			u = at_dst ? g->src[e] : g->dst[e];
			if (fwd ? g->flow[e] >= g->cap[e] : g->flow[e] <= 0)
				continue;
			len = g->cost[e] + g->pi[g->src[e]] - g->pi[g->dst[e]];
			if (!fwd)
				len = -len;
			if (done[u])
				continue;
			if (len < 0)
				len = 0; /* cannot happen at an optimum; keeps Dijkstra sound */
			int64_t d = dist[w] + len;
			if (d < dist[u]) {
				dist[u] = d;
				if (h.pos[u] < 0) {
					h.node[h.n] = u;
					h.pos[u] = h.n++;
				}
				heap_up(&h, h.pos[u]);
			}
		}
	}
	rc = far;
out:
	free(start);
	free(adj);
	free(h.node);
	free(h.pos);
	free(done);
	return rc;
}

int mcf_anchor_potentials(struct mcf *g, int32_t anchor)
{
	int32_t n = g->n + g->off;
	if (anchor < 0 || anchor >= g->n || g->status != MCF_OPTIMAL)
		return -1;
	int64_t *dist = malloc((size_t)n * sizeof *dist);
	int64_t far = dist ? dijkstra(g, anchor + g->off, true, -1, dist) : -1;
	if (far >= 0)
		for (int32_t v = 0; v < n; v++)
			g->pi[v] -= dist[v] == INT64_MAX ? far : dist[v];
	free(dist);
	return far >= 0 ? 0 : -1;
}

int mcf_path_cost(const struct mcf *g, int32_t from, int32_t to, int64_t *cost)
{
	int32_t n = g->n + g->off;
	if (from < 0 || from >= g->n || to < 0 || to >= g->n || g->status != MCF_OPTIMAL)
		return -1;
	int32_t a = from + g->off, b = to + g->off;
	int64_t *dist = malloc((size_t)n * sizeof *dist);
	if (!dist || dijkstra(g, a, false, b, dist) < 0) {
		free(dist);
		return -1;
	}
	int rc = 1;
	if (dist[b] != INT64_MAX) {
		/* reduced lengths telescope: sum of costs = d - pi(from) + pi(to) */
		*cost = dist[b] - g->pi[a] + g->pi[b];
		rc = 0;
	}
	free(dist);
	return rc;
}
