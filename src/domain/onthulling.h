/* onthulling: small-count suppression and rounding of published counts
 * (DOMAIN.md §5), the way CBS publishes youth-care figures.
 *
 * Every aggregate that an analyst, a council or the public sees goes
 * through this module:
 *  - a count below 10 (0 included) is shown as "<10" (primary
 *    suppression, ONTHULLING_KLEIN);
 *  - every other count is rounded to the nearest multiple of 5;
 *  - when totals are published, a second cell is suppressed in every row
 *    or column that would otherwise have exactly one suppressed cell
 *    (complementary suppression, ONTHULLING_AANVULLEND, shown as "x").
 *
 * Decisions:
 *  - Zero is "<10", not "0". DOMAIN.md says a cell below 10 is "<10", and
 *    an exact 0 is itself disclosive ("no child from this village is in
 *    closed youth care"); it would also turn "<10" into "1 to 9", and a
 *    row of zeros next to one "<10" under a published total gives the
 *    cell away. A true zero therefore has no status of its own.
 *  - A complementary suppression is shown as "x", the classic CBS sign
 *    for "geheim". "." is the CBS sign for "unknown, unreliable or
 *    secret" in general and is also the Dutch thousands separator, so a
 *    lone "." is easy to misread or to lose in print.
 *  - A suppressed cell carries waarde -1, never its true count, so that a
 *    caller who forgets to look at the status (a JSON export, a chart)
 *    cannot leak it; -1 is never a count.
 *  - Negative counts do not exist: onthulling_afronden returns -1,
 *    onthulling_cel fails closed (KLEIN), onthulling_tabel refuses (-1).
 *
 *  - Audit (a finding of the property test in tests/unit/test_onthulling.c,
 *    test_aanvaller): the complementary rule alone is not enough. An
 *    attacker who knows the rules, the published cells and the margins
 *    can bound every hidden count (a figure c is a count in [c-2, c+2],
 *    "<10" one in [0, 9], "x" one of at least 10) and combine the sums;
 *    in about 0.3 % of random tables that pins a hidden cell to one value,
 *    e.g. a column of two "<10" cells whose total 18 is published as 20
 *    (both must be 9), or a row "<10", "<10", 13, 13, 13, 13 under a
 *    total 50 (both hidden cells must be 0). So after the complementary
 *    rule onthulling_tabel computes, exactly, the values each hidden
 *    figure (cells and totals) could take given everything published
 *    (the attack, see onthulling.c), and while one can take only a single
 *    value it hides one more visible figure on that figure's row or
 *    column (the smallest cell, else the smallest total; the shown
 *    figure of a hidden total is "x" too), and checks again. Hiding more
 *    never makes anything recoverable that was not, and with everything
 *    hidden nothing is, so this ends with a table from which no hidden
 *    figure can be recovered exactly. It may hide a total, which the
 *    complementary rule never does: safety comes first.
 *  - The heuristic is not an optimal, minimal-loss pattern such as
 *    tau-Argus computes; it may suppress more than needed.
 *  - Not modelled by the audit: that an "x" was the smallest visible
 *    cell of some line (the attacker does not know which line, and the
 *    audit's later additions break the rule anyway).
 *
 * Pure functions, no state: safe from any thread. onthulling_tabel
 * allocates scratch memory for the audit of a table with totals and more
 * than one row and column (about (rijen + kolommen + 4)^2 numbers).
 */
#ifndef JR_DOMAIN_ONTHULLING_H
#define JR_DOMAIN_ONTHULLING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Counts from 0 up to ONTHULLING_GRENS - 1 are suppressed. */
#define ONTHULLING_GRENS 10

/* A table with totals and more than one row and column is refused when
 * its grand total exceeds ONTHULLING_MAX_2D or it has more than
 * ONTHULLING_MAX_2D_LIJNEN rows plus columns: the audit's flow network
 * must stay within int64_t and a few megabytes. */
#define ONTHULLING_MAX_2D ((int64_t)1 << 40)
#define ONTHULLING_MAX_2D_LIJNEN 1024

enum onthulling_status {
	ONTHULLING_ZICHTBAAR,   /* shown: waarde is the count rounded to 5 */
	ONTHULLING_KLEIN,       /* primary: count below 10, shown "<10" */
	ONTHULLING_AANVULLEND,  /* complementary: shown "x" */
};

/* One published cell. waarde is meaningful only when status is
 * ONTHULLING_ZICHTBAAR; it is -1 otherwise. */
struct onthulde_cel {
	int64_t waarde;
	enum onthulling_status status;
};

/* n rounded to the nearest multiple of 5, halves up (12 -> 10, 13 -> 15).
 * Never overflows: the largest multiple of 5 not above INT64_MAX is
 * INT64_MAX - 2, and everything above it rounds down to it. Returns -1
 * when n < 0 (not a count). */
int64_t onthulling_afronden(int64_t n);

/* The published form of a single count n: KLEIN when n < 10 (and when
 * n < 0, failing closed), otherwise ZICHTBAAR with the rounded value.
 * A single cell is never ONTHULLING_AANVULLEND. */
void onthulling_cel(int64_t n, struct onthulde_cel *out);

/* Suppress and round a table of counts.
 *
 * cellen holds rijen × kolommen counts, row-major (borrowed, read only;
 * may be NULL when rijen or kolommen is 0).
 *
 * Without totals, out receives rijen × kolommen cells in the same order,
 * each as onthulling_cel gives it: only primary suppression, because no
 * published figure lets a suppressed cell be computed back.
 *
 * With totals, out receives (rijen + 1) × (kolommen + 1) cells, row-major:
 * column kolommen holds each row's total, row rijen holds each column's
 * total, and the last cell the grand total. Totals are summed from the
 * unrounded counts and then published like a single cell (rounded, "<10"
 * below 10, not by the complementary rule). Then, until nothing
 * changes, every row and every column whose total is published (>= 10)
 * and that has exactly one suppressed cell gets a second one: its
 * smallest visible count (first one on ties), rows before columns. Then
 * the audit (above) hides more figures, totals included, until no hidden
 * figure can be recovered exactly.
 *
 * A one-dimensional list with a total (municipalities and the region) is
 * kolommen == 1: the "row total" of a single cell is that same count, so
 * it is not an independent figure; it takes the cell's status and value
 * in out (a complementarily suppressed municipality stays hidden in its
 * row total too). The same holds for column totals when rijen == 1.
 *
 * out is owned by the caller. Returns 0, or -1 (out untouched) when out is
 * NULL, cellen is NULL for a non-empty table, a count is negative, the
 * grand total overflows int64_t, the cell count overflows size_t, a
 * two-dimensional table with totals is beyond ONTHULLING_MAX_2D(_LIJNEN),
 * or the audit's scratch memory cannot be had. */
int onthulling_tabel(const int64_t *cellen, size_t rijen, size_t kolommen,
		     bool met_totalen, struct onthulde_cel *out);

/* The display text of c: "<10", "x" or the rounded number in decimal
 * digits (no thousands separator: that is the page's job). Returns a
 * pointer to a constant string or to buf (owned by the caller). */
const char *onthulling_tekst(const struct onthulde_cel *c, char buf[static 24]);

#endif
