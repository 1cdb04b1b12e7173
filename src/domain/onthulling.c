/* onthulling: small-count suppression and rounding (see onthulling.h for
 * the rules and the decisions behind them).
 *
 * onthulling_tabel works in out itself: while suppressing, the margin
 * cells of out hold the unrounded totals (which decide whether a row or
 * column is published); they are turned into their published form before
 * the audit, which then suppresses more until no figure can be recovered.
 * Only the audit of a two-dimensional table needs scratch memory (its
 * flow network).
 */
#include "domain/onthulling.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What an attacker knows of an "x": at least ONTHULLING_GRENS, no upper
 * bound but the sums. Large enough to never bind, small enough that the
 * flow network's sums stay in int64_t (two-dimensional tables are limited
 * to grand totals of at most ONTHULLING_MAX_2D). */
#define ONBEGRENSD (INT64_MAX / 8)

int64_t onthulling_afronden(int64_t n)
{
	if (n < 0)
		return -1;
	int64_t rest = n % 5;
	/* Rounding up only when rest >= 3 keeps this overflow-free: INT64_MAX
	 * has rest 2, so no value with rest >= 3 lies within 5 of it. */
	return rest >= 3 ? n - rest + 5 : n - rest;
}

void onthulling_cel(int64_t n, struct onthulde_cel *out)
{
	if (n < ONTHULLING_GRENS) {
		out->waarde = -1;
		out->status = ONTHULLING_KLEIN;
		return;
	}
	out->waarde = onthulling_afronden(n);
	out->status = ONTHULLING_ZICHTBAAR;
}

static bool onderdrukt(const struct onthulde_cel *c)
{
	return c->status != ONTHULLING_ZICHTBAAR;
}

/* One row or column of the table: n cells, found in out from o_start in
 * steps of o_stap and their counts in cellen from c_start in steps of
 * c_stap. */
struct lijn {
	size_t o_start, o_stap;
	size_t c_start, c_stap;
	size_t n;
};

/* When l has exactly one suppressed cell, suppress its smallest visible
 * cell (the first on ties) as well. Returns whether a cell changed. */
static bool aanvullen(const int64_t *cellen, struct onthulde_cel *out,
		      struct lijn l)
{
	size_t aantal = 0;
	size_t kleinste = l.n;
	int64_t kleinste_waarde = 0;
	for (size_t k = 0; k < l.n; k++) {
		if (onderdrukt(&out[l.o_start + k * l.o_stap])) {
			aantal++;
			continue;
		}
		int64_t v = cellen[l.c_start + k * l.c_stap];
		if (kleinste == l.n || v < kleinste_waarde) {
			kleinste = k;
			kleinste_waarde = v;
		}
	}
	/* kleinste == l.n (nothing visible) cannot meet aantal == 1 on a
	 * published line: that needs n == 1, and a single-cell line is never
	 * treated as published (see onthulling_tabel). Checked anyway. */
	if (aantal != 1 || kleinste == l.n)
		return false;
	struct onthulde_cel *c = &out[l.o_start + kleinste * l.o_stap];
	c->waarde = -1;
	c->status = ONTHULLING_AANVULLEND;
	return true;
}

/* Checks everything that can make onthulling_tabel fail, before out is
 * touched: sizes, NULLs, negative counts and the grand total overflowing
 * (which bounds every row and column total, all counts being >= 0). */
static int tabel_geldig(const int64_t *cellen, size_t rijen, size_t kolommen,
			bool met_totalen, const struct onthulde_cel *out)
{
	if (!out)
		return -1;
	if (kolommen != 0 && rijen > SIZE_MAX / sizeof(*out) / kolommen)
		return -1;
	if (met_totalen) {
		if (rijen == SIZE_MAX || kolommen == SIZE_MAX ||
		    rijen + 1 > SIZE_MAX / sizeof(*out) / (kolommen + 1))
			return -1;
	}
	size_t n = rijen * kolommen;
	if (n > 0 && !cellen)
		return -1;
	int64_t som = 0;
	for (size_t k = 0; k < n; k++) {
		if (cellen[k] < 0 || cellen[k] > INT64_MAX - som)
			return -1;
		som += cellen[k];
	}
	if (met_totalen && rijen > 1 && kolommen > 1 &&
	    (som > ONTHULLING_MAX_2D || rijen + kolommen > ONTHULLING_MAX_2D_LIJNEN))
		return -1;
	return 0;
}

/* ==== the audit ==============================================================
 *
 * The attacker of onthulling.h: knows the rules, every published figure
 * and the sums. A figure c stands for a count in [c-2, c+2] and >= 10,
 * "<10" for [0, 9], "x" (a hidden visible count) for [10, unbounded).
 * Every row of the table extended with its total sums to that total, and
 * so does every column; the counts consistent with all published figures
 * form the integer points of a network with interval bounds (source ->
 * row total -> cell -> column total -> sink -> grand total -> source),
 * whose constraint matrix is totally unimodular: the values a figure can
 * take form an interval, and a suppressed figure is recoverable exactly
 * when that interval is a single value.
 *
 * A one-dimensional table (one column or one row) is one line of cells
 * under the grand total, where the interval has a closed form. A larger
 * one is checked with two feasibility tests per suppressed figure (is a
 * value below the true one possible, or above), each a max-flow with
 * lower bounds on the r + k + 4 nodes. */

struct grens {
	int64_t lo, hi;
};

static struct grens grens_van(const struct onthulde_cel *c)
{
	switch (c->status) {
	case ONTHULLING_ZICHTBAAR:
		return (struct grens){ c->waarde - 2 < ONTHULLING_GRENS ? ONTHULLING_GRENS
								   : c->waarde - 2,
				       c->waarde > INT64_MAX - 2 ? INT64_MAX : c->waarde + 2 };
	case ONTHULLING_KLEIN:
		return (struct grens){ 0, ONTHULLING_GRENS - 1 };
	case ONTHULLING_AANVULLEND:
		return (struct grens){ ONTHULLING_GRENS, ONBEGRENSD };
	}
	return (struct grens){ 0, ONBEGRENSD };
}

/* The figures of the extended table ((rijen+1) x (kolommen+1) in out):
 * the true count of figure (a, b) (a row or column total summed). */
static int64_t waar(const int64_t *cellen, size_t rijen, size_t kolommen, size_t a, size_t b)
{
	int64_t som = 0;

	for (size_t i = a < rijen ? a : 0; i < (a < rijen ? a + 1 : rijen); i++)
		for (size_t j = b < kolommen ? b : 0; j < (b < kolommen ? b + 1 : kolommen); j++)
			som += cellen[i * kolommen + j];
	return som;
}

/* One line of n cells (out[start + i * stap]) under the total *tot:
 * the first recoverable suppressed figure as an index into out, or
 * SIZE_MAX. The sums of the upper bounds saturate: beyond INT64_MAX the
 * total no longer bounds a cell from below (counts that large do not
 * describe people). */
static size_t lijn_audit(const struct onthulde_cel *out, size_t start, size_t stap, size_t n,
			 size_t tot)
{
	struct grens t = grens_van(&out[tot]);
	int64_t som_lo = 0, som_hi = 0;
	bool hi_vol = false;

	for (size_t i = 0; i < n; i++) {
		struct grens g = grens_van(&out[start + i * stap]);

		som_lo += g.lo;   /* at most the true total */
		if (g.hi > INT64_MAX - som_hi)
			hi_vol = true;
		else
			som_hi += g.hi;
	}
	if (out[tot].status != ONTHULLING_ZICHTBAAR) {
		int64_t lo = t.lo > som_lo ? t.lo : som_lo;
		int64_t hi = hi_vol || t.hi < som_hi ? t.hi : som_hi;

		if (lo >= hi)
			return tot;
	}
	for (size_t i = 0; i < n; i++) {
		const struct onthulde_cel *c = &out[start + i * stap];
		struct grens g = grens_van(c);
		int64_t lo = g.lo, hi = g.hi;

		if (c->status == ONTHULLING_ZICHTBAAR)
			continue;
		if (!hi_vol && t.lo - (som_hi - g.hi) > lo)
			lo = t.lo - (som_hi - g.hi);
		if (t.hi - (som_lo - g.lo) < hi)
			hi = t.hi - (som_lo - g.lo);
		if (lo >= hi)
			return start + i * stap;
	}
	return SIZE_MAX;
}

/* Scratch of the two-dimensional audit: the flow network. */
struct netwerk {
	size_t n;            /* nodes */
	int64_t *cap;        /* n x n residual capacities */
	int64_t *over;       /* per node: lower bounds in minus out */
	size_t *vorige, *rij;
};

static void netwerk_vrij(struct netwerk *w)
{
	free(w->cap);
	free(w->over);
	free(w->vorige);
	free(w->rij);
}

static int netwerk_maak(struct netwerk *w, size_t rijen, size_t kolommen)
{
	memset(w, 0, sizeof *w);
	w->n = rijen + kolommen + 4;
	w->cap = malloc(w->n * w->n * sizeof *w->cap);
	w->over = malloc(w->n * sizeof *w->over);
	w->vorige = malloc(w->n * sizeof *w->vorige);
	w->rij = malloc(w->n * sizeof *w->rij);
	if (!w->cap || !w->over || !w->vorige || !w->rij) {
		netwerk_vrij(w);
		return -1;
	}
	return 0;
}

/* Arc u -> v with bounds g: false when the bounds are empty. */
static bool boog(struct netwerk *w, size_t u, size_t v, struct grens g)
{
	if (g.lo > g.hi)
		return false;
	w->cap[u * w->n + v] += g.hi - g.lo;
	w->over[v] += g.lo;
	w->over[u] -= g.lo;
	return true;
}

/* Is there an integer point within the published bounds of out, with
 * figure (a, b) in g instead? Nodes: 0 source, 1 sink, rows 2.., columns
 * 2 + rijen.., then the super source and sink. */
static bool haalbaar(struct netwerk *w, const struct onthulde_cel *out, size_t rijen,
		     size_t kolommen, size_t a, size_t b, struct grens g)
{
	size_t breedte = kolommen + 1, m = rijen + kolommen + 2, ss = m, tt = m + 1, n = w->n;
	int64_t nodig = 0, stroom = 0;
	bool goed = true;

	memset(w->cap, 0, n * n * sizeof *w->cap);
	memset(w->over, 0, n * sizeof *w->over);
	for (size_t i = 0; i <= rijen; i++)
		for (size_t j = 0; j <= kolommen; j++) {
			struct grens x = i == a && j == b ? g : grens_van(&out[i * breedte + j]);

			if (i < rijen && j < kolommen)
				goed &= boog(w, 2 + i, 2 + rijen + j, x);
			else if (i < rijen)
				goed &= boog(w, 0, 2 + i, x);
			else if (j < kolommen)
				goed &= boog(w, 2 + rijen + j, 1, x);
			else
				goed &= boog(w, 1, 0, x);
		}
	if (!goed)
		return false;
	for (size_t v = 0; v < m; v++) {
		if (w->over[v] > 0) {
			w->cap[ss * n + v] += w->over[v];
			nodig += w->over[v];
		} else {
			w->cap[v * n + tt] -= w->over[v];
		}
	}
	/* Edmonds-Karp from ss to tt. */
	for (;;) {
		size_t kop = 0, staart = 0;
		int64_t d = INT64_MAX;

		for (size_t v = 0; v < n; v++)
			w->vorige[v] = SIZE_MAX;
		w->vorige[ss] = ss;
		w->rij[staart++] = ss;
		while (kop < staart && w->vorige[tt] == SIZE_MAX) {
			size_t u = w->rij[kop++];

			for (size_t v = 0; v < n; v++)
				if (w->vorige[v] == SIZE_MAX && w->cap[u * n + v] > 0) {
					w->vorige[v] = u;
					w->rij[staart++] = v;
				}
		}
		if (w->vorige[tt] == SIZE_MAX)
			break;
		for (size_t v = tt; v != ss; v = w->vorige[v])
			if (w->cap[w->vorige[v] * n + v] < d)
				d = w->cap[w->vorige[v] * n + v];
		for (size_t v = tt; v != ss; v = w->vorige[v]) {
			w->cap[w->vorige[v] * n + v] -= d;
			w->cap[v * n + w->vorige[v]] += d;
		}
		stroom += d;
	}
	return stroom == nodig;
}

/* The first recoverable suppressed figure of a two-dimensional table, as
 * an index into out, or SIZE_MAX. */
static size_t tabel_audit(struct netwerk *w, const int64_t *cellen, size_t rijen,
			  size_t kolommen, const struct onthulde_cel *out)
{
	size_t breedte = kolommen + 1;

	for (size_t a = 0; a <= rijen; a++)
		for (size_t b = 0; b <= kolommen; b++) {
			const struct onthulde_cel *c = &out[a * breedte + b];
			struct grens g = grens_van(c);
			int64_t v = waar(cellen, rijen, kolommen, a, b);

			if (c->status == ONTHULLING_ZICHTBAAR)
				continue;
			if (g.lo <= v - 1 &&
			    haalbaar(w, out, rijen, kolommen, a, b, (struct grens){ g.lo, v - 1 }))
				continue;
			if (v + 1 <= g.hi &&
			    haalbaar(w, out, rijen, kolommen, a, b, (struct grens){ v + 1, g.hi }))
				continue;
			return a * breedte + b;
		}
	return SIZE_MAX;
}

/* Hide the visible figure (a, b) of the extended table, with the figures
 * that are the same number in a one-dimensional table (a cell and its
 * row total when kolommen == 1, the column total and the grand total...). */
static void verberg(struct onthulde_cel *out, size_t rijen, size_t kolommen, size_t a, size_t b)
{
	size_t breedte = kolommen + 1;

	for (int ronde = 0; ronde < 2; ronde++) {
		out[a * breedte + b].status = ONTHULLING_AANVULLEND;
		out[a * breedte + b].waarde = -1;
		if (kolommen == 1)
			out[a * breedte + (1 - b)] = out[a * breedte + b];
		if (rijen == 1)
			out[(1 - a) * breedte + b] = out[a * breedte + b];
		if (kolommen == 1)
			b = 1 - b;
		else if (rijen == 1)
			a = 1 - a;
	}
}

/* Figure f (an index into out) can be recovered: hide one more visible
 * figure on its extended row or column, the smallest cell first, else the
 * smallest total; when both lines are hidden already, the smallest
 * visible figure of the table. Returns false when nothing is visible. */
static bool verberg_meer(const int64_t *cellen, size_t rijen, size_t kolommen,
			 struct onthulde_cel *out, size_t f)
{
	size_t breedte = kolommen + 1, fa = f / breedte, fb = f % breedte;
	size_t beste = SIZE_MAX;
	int64_t beste_waarde = 0;
	bool beste_cel = false;

	for (int overal = 0; overal < 2 && beste == SIZE_MAX; overal++)
		for (size_t a = 0; a <= rijen; a++)
			for (size_t b = 0; b <= kolommen; b++) {
				bool cel = a < rijen && b < kolommen;
				int64_t v;

				if (out[a * breedte + b].status != ONTHULLING_ZICHTBAAR ||
				    (!overal && a != fa && b != fb))
					continue;
				v = waar(cellen, rijen, kolommen, a, b);
				if (beste == SIZE_MAX || (cel && !beste_cel) ||
				    (cel == beste_cel && v < beste_waarde)) {
					beste = a * breedte + b;
					beste_waarde = v;
					beste_cel = cel;
				}
			}
	if (beste == SIZE_MAX)
		return false;
	verberg(out, rijen, kolommen, beste / breedte, beste % breedte);
	return true;
}

/* The complementary rule again, on the published table and its margins
 * (a row of column totals under the grand total is a line too): what the
 * audit hid may leave a line with one hidden figure. Lines of one figure
 * and, in a one-dimensional table, the margin line that repeats the cells
 * are skipped. */
static void aanvullen_uitgebreid(const int64_t *cellen, size_t rijen, size_t kolommen,
				 struct onthulde_cel *out)
{
	size_t breedte = kolommen + 1;
	bool veranderd = true;

	while (veranderd) {
		veranderd = false;
		for (int rij = 1; rij >= 0; rij--)
			for (size_t x = 0; x <= (rij ? rijen : kolommen); x++) {
				size_t n = rij ? kolommen : rijen, weg = 0, beste = SIZE_MAX;
				size_t tot = rij ? x * breedte + kolommen : rijen * breedte + x;
				int64_t beste_waarde = 0;

				if (n < 2 || out[tot].status != ONTHULLING_ZICHTBAAR ||
				    (rij && x == rijen && rijen == 1) ||
				    (!rij && x == kolommen && kolommen == 1))
					continue;
				for (size_t y = 0; y < n; y++) {
					size_t a = rij ? x : y, b = rij ? y : x;
					int64_t v;

					if (out[a * breedte + b].status != ONTHULLING_ZICHTBAAR) {
						weg++;
						continue;
					}
					v = waar(cellen, rijen, kolommen, a, b);
					if (beste == SIZE_MAX || v < beste_waarde) {
						beste = a * breedte + b;
						beste_waarde = v;
					}
				}
				if (weg != 1 || beste == SIZE_MAX)
					continue;
				verberg(out, rijen, kolommen, beste / breedte, beste % breedte);
				veranderd = true;
			}
	}
}

/* Suppress more until the audit finds no recoverable figure. Each round
 * hides one more visible figure, so this ends. */
static void auditeer(const int64_t *cellen, size_t rijen, size_t kolommen,
		    struct onthulde_cel *out, struct netwerk *w)
{
	size_t breedte = kolommen + 1;

	for (;;) {
		size_t f;

		if (rijen == 0 || kolommen == 0)
			return;
		if (kolommen == 1)
			f = lijn_audit(out, 0, breedte, rijen, rijen * breedte + 1);
		else if (rijen == 1)
			f = lijn_audit(out, 0, 1, kolommen, breedte + kolommen);
		else
			f = tabel_audit(w, cellen, rijen, kolommen, out);
		if (f == SIZE_MAX || !verberg_meer(cellen, rijen, kolommen, out, f))
			return;
		aanvullen_uitgebreid(cellen, rijen, kolommen, out);
	}
}

int onthulling_tabel(const int64_t *cellen, size_t rijen, size_t kolommen,
		     bool met_totalen, struct onthulde_cel *out)
{
	struct netwerk w = { 0 };

	if (tabel_geldig(cellen, rijen, kolommen, met_totalen, out) != 0)
		return -1;
	if (met_totalen && rijen > 1 && kolommen > 1 && netwerk_maak(&w, rijen, kolommen) < 0)
		return -1;

	size_t breedte = met_totalen ? kolommen + 1 : kolommen;
	for (size_t i = 0; i < rijen; i++)
		for (size_t j = 0; j < kolommen; j++)
			onthulling_cel(cellen[i * kolommen + j], &out[i * breedte + j]);
	if (!met_totalen)
		return 0;

	/* Unrounded totals in the margins while suppressing. */
	struct onthulde_cel *rij_tot = &out[kolommen];           /* stride breedte */
	struct onthulde_cel *kol_tot = &out[rijen * breedte];    /* stride 1 */
	int64_t totaal = 0;
	for (size_t j = 0; j < kolommen; j++)
		kol_tot[j].waarde = 0;
	for (size_t i = 0; i < rijen; i++) {
		int64_t som = 0;
		for (size_t j = 0; j < kolommen; j++) {
			som += cellen[i * kolommen + j];
			kol_tot[j].waarde += cellen[i * kolommen + j];
		}
		rij_tot[i * breedte].waarde = som;
		totaal += som;
	}

	/* A line of one cell is not constrained by its total: that total is
	 * the cell itself and is published as the cell (below). Each round
	 * that changes something suppresses one more cell, so this ends. */
	bool veranderd = true;
	while (veranderd) {
		veranderd = false;
		for (size_t i = 0; kolommen > 1 && i < rijen; i++) {
			if (rij_tot[i * breedte].waarde < ONTHULLING_GRENS)
				continue;
			struct lijn l = { i * breedte, 1, i * kolommen, 1, kolommen };
			veranderd |= aanvullen(cellen, out, l);
		}
		for (size_t j = 0; rijen > 1 && j < kolommen; j++) {
			if (kol_tot[j].waarde < ONTHULLING_GRENS)
				continue;
			struct lijn l = { j, breedte, j, kolommen, rijen };
			veranderd |= aanvullen(cellen, out, l);
		}
	}

	for (size_t i = 0; i < rijen; i++) {
		if (kolommen == 1)
			rij_tot[i * breedte] = out[i * breedte];
		else
			onthulling_cel(rij_tot[i * breedte].waarde, &rij_tot[i * breedte]);
	}
	for (size_t j = 0; j < kolommen; j++) {
		if (rijen == 1)
			kol_tot[j] = out[j];
		else
			onthulling_cel(kol_tot[j].waarde, &kol_tot[j]);
	}
	onthulling_cel(totaal, &kol_tot[kolommen]);
	auditeer(cellen, rijen, kolommen, out, &w);
	netwerk_vrij(&w);
	return 0;
}

const char *onthulling_tekst(const struct onthulde_cel *c, char buf[static 24])
{
	switch (c->status) {
	case ONTHULLING_ZICHTBAAR:
		snprintf(buf, 24, "%lld", (long long)c->waarde);
		return buf;
	case ONTHULLING_KLEIN:
		return "<10";
	case ONTHULLING_AANVULLEND:
		return "x";
	}
	/* A status outside the enum is a bug elsewhere: fail closed. */
	return "x";
}
