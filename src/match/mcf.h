/* mcf: minimum-cost flow by the primal network simplex method, with warm
 * re-solve.
 *
 * A problem is a directed graph: nodes with a supply (> 0) or demand (< 0),
 * arcs with a capacity (>= 0) and an integer cost (any sign). mcf_solve()
 * finds an integral flow that meets every supply and demand exactly, stays
 * within the capacities and has the least total cost, or says there is none.
 *
 * Start: instead of hanging every node from an artificial root by a big-M
 * arc, each node without demand is first hung under an earlier node by its
 * widest, then cheapest arc ("crash"), so most flow starts on real paths.
 *
 * Warm re-solve: after nodes or arcs are added, or supplies, capacities or
 * costs changed, mcf_solve() starts from the previous optimal spanning-tree
 * basis and its potentials instead of from scratch: each new node hangs
 * from the head of its arc of least reduced cost, only the changes of
 * balance are sent up the tree (work: changes x depth), a tree arc whose
 * flow no longer fits is cut and its subtree hung from the root by an
 * artificial arc that is priced to leave the potentials where they were
 * plus a small penalty, raised only while flow stays on it (at last to
 * big-M, which proves infeasibility). So the old reduced costs stand and
 * the simplex only works off the changes; the new arcs are priced first.
 * Such a tree need not be strongly feasible: a warm solve that runs past
 * a pivot budget starts afresh (the answer is the same either way).
 *
 * Memory: struct mcf owns all of its arrays (O(nodes + arcs), grown by
 * doubling as nodes and arcs are added, up to MCF_MAX_NODES / MCF_MAX_ARCS);
 * mcf_free() releases them. Nothing is shared with the caller; ids are
 * plain indices (nodes 0..n-1, arcs 0..m-1 in order of adding).
 *
 * Integers: costs, capacities and supplies are int64_t. mcf_solve() checks
 * beforehand that every intermediate value (big-M, potentials, flows, the
 * total cost) fits; if not it answers MCF_OVERFLOW and changes nothing.
 *
 * Not thread-safe per object; separate objects are independent.
 */
#ifndef JR_MATCH_MCF_H
#define JR_MATCH_MCF_H

#include <stdint.h>

#define MCF_MAX_NODES (1 << 26)
#define MCF_MAX_ARCS (1 << 28)

enum mcf_status {
	MCF_OPTIMAL,    /* flow and potentials are optimal */
	MCF_INFEASIBLE, /* no flow meets the supplies within the capacities */
	MCF_OVERFLOW,   /* the numbers are too large for exact int64 arithmetic */
	MCF_NOMEM,      /* an allocation failed; the basis is kept as it was */
};

struct mcf;

/* A new, empty problem; node_hint and arc_hint size the first allocation
 * (0 is fine). NULL when out of memory. */
struct mcf *mcf_new(int32_t node_hint, int32_t arc_hint);

/* The same, but the first node added (id 0) is a free sink: it takes
 * whatever balance the other nodes leave (its own supply is ignored), so
 * the supplies need not add up to 0. Adding a source node then changes
 * no other supply, and the warm re-solve only has to route the new flow;
 * the potentials are relative to the sink (potential 0). */
struct mcf *mcf_new_sink(int32_t node_hint, int32_t arc_hint);
void mcf_free(struct mcf *g);

/* Add a node with the given supply; returns its id, or -1 (out of memory
 * or MCF_MAX_NODES reached). */
int32_t mcf_add_node(struct mcf *g, int64_t supply);

/* Add an arc from -> to with capacity cap (>= 0) and the given cost;
 * returns its id, or -1 (bad node, from == to, cap < 0, out of memory,
 * MCF_MAX_ARCS reached). */
int32_t mcf_add_arc(struct mcf *g, int32_t from, int32_t to, int64_t cap, int64_t cost);

/* Change a node's supply, an arc's capacity (>= 0) or cost. 0, or -1 for
 * a bad id or capacity. Takes effect at the next mcf_solve(). */
int mcf_set_supply(struct mcf *g, int32_t node, int64_t supply);
int mcf_set_cap(struct mcf *g, int32_t arc, int64_t cap);
int mcf_set_cost(struct mcf *g, int32_t arc, int64_t cost);

/* Solve, warm from the previous basis when there is one. */
enum mcf_status mcf_solve(struct mcf *g);

/* Throw the basis away so that the next mcf_solve() starts from scratch
 * (for comparisons; the answer is the same). */
void mcf_reset(struct mcf *g);

int32_t mcf_nodes(const struct mcf *g);
int32_t mcf_arcs(const struct mcf *g);
int64_t mcf_arc_cap(const struct mcf *g, int32_t arc);
int64_t mcf_arc_cost(const struct mcf *g, int32_t arc);
int32_t mcf_arc_from(const struct mcf *g, int32_t arc);
int32_t mcf_arc_to(const struct mcf *g, int32_t arc);

/* After MCF_OPTIMAL: the flow on an arc, the total cost (sum of flow x
 * cost), the node potential pi and the reduced cost of an arc,
 * cost + pi(from) - pi(to): >= 0 for an arc without flow, <= 0 for a
 * saturated one, 0 for one strictly in between. Pushing one more unit
 * through an arc without flow raises the total cost by at least its
 * reduced cost. Number of pivots of the last solve, for benchmarks. */
int64_t mcf_flow(const struct mcf *g, int32_t arc);
/* The flows of all arcs at once, indexed as mcf_flow (for a caller that
 * reads them all after each solve); valid until the next call that
 * changes g. */
const int64_t *mcf_flows(const struct mcf *g);
int64_t mcf_total_cost(const struct mcf *g);
int64_t mcf_potential(const struct mcf *g, int32_t node);
int64_t mcf_reduced_cost(const struct mcf *g, int32_t arc);
int64_t mcf_pivots(const struct mcf *g);

/* After MCF_OPTIMAL: replace the potentials by ones anchored at `anchor`:
 * pi(v) = pi(anchor) - (cheapest residual path cost from v to anchor),
 * so that they no longer carry the big-M of artificial arcs that stayed
 * in the basis without flow. They are optimal potentials of the same flow
 * (every reduced cost keeps its sign), and reduced costs between nodes
 * that can reach the anchor become the true price differences. Nodes that
 * cannot reach the anchor get the largest shift. The basis stays as it
 * was; the next mcf_solve() recomputes its own potentials. 0, or -1 when
 * out of memory (potentials unchanged). */
int mcf_anchor_potentials(struct mcf *g, int32_t anchor);

/* After MCF_OPTIMAL: the cost of the cheapest path from -> to in the
 * residual graph of the optimal flow (arcs with room forwards at their
 * cost, arcs with flow backwards at minus their cost), into *cost. Pushing
 * one more unit over arc a = (u, v) costs exactly cost(a) plus the
 * cheapest residual path v -> u. 0, 1 when `to` cannot be reached, -1 for
 * a bad node or out of memory. */
int mcf_path_cost(const struct mcf *g, int32_t from, int32_t to, int64_t *cost);

#endif
