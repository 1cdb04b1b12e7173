/* onthulling: small-count suppression and rounding (see onthulling.h for
 * the rules and the decisions behind them).
 *
 * onthulling_tabel works in out itself and needs no scratch memory: while
 * suppressing, the margin cells of out hold the unrounded totals (which
 * decide whether a row or column is published); they are turned into
 * their published form only at the end.
 */
#include "domain/onthulling.h"

#include <stdio.h>

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
	return 0;
}

int onthulling_tabel(const int64_t *cellen, size_t rijen, size_t kolommen,
		     bool met_totalen, struct onthulde_cel *out)
{
	if (tabel_geldig(cellen, rijen, kolommen, met_totalen, out) != 0)
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
