/* maandcijfers_delta: the upkeep of the monthly aggregates (table
 * maandcijfer, store/maandcijfers_store.h) for new Prestaties, as direct
 * deltas instead of a recompute of the youth's whole contribution.
 *
 * A new Prestatie changes only the money measures (approved or rejected
 * eurocents in the month of its ProductPeriode Begindatum, under its
 * trajectory's rollup keys) and the distinct count of youth with an
 * approved amount in that year (kpi_clientkosten: a trajectory's approved
 * sum of the year > 0, under the trajectory's gemeente and the region).
 * A writer notes each Prestatie it inserted (store_maandcijfers_prestatie)
 * and writes the deltas of many of them at once
 * (store_maandcijfers_delta_schrijf: one UPSERT per aggregate row; for
 * the distinct count one indexed read of each youth's approved sums of
 * that year, the sums before being those minus what is pending).
 *
 * Order: the pending deltas are computed from the trajectory keys and
 * sums as they are when written, so they must be written before anything
 * else in the transaction changes a trajectory or Prestatie of those
 * youth (the store_maandcijfers_raak writers), and before the commit. On
 * a failure (the transaction is rolled back), store_maandcijfers_delta_
 * vergeet.
 *
 * Memory: a struct maandcijfers_delta is allocated by the first
 * store_maandcijfers_prestatie and freed by _schrijf or _vergeet.
 */
#ifndef JR_STORE_MAANDCIJFERS_DELTA_H
#define JR_STORE_MAANDCIJFERS_DELTA_H

struct store;
struct prestatie;
struct maandcijfers_delta;

/* Note Prestatie p, just inserted in the caller's transaction (one
 * without a trajectory changes no aggregate). 0 or -1/-2. */
int store_maandcijfers_prestatie(struct store *st, struct maandcijfers_delta **d,
				 const struct prestatie *p);

/* Add the pending deltas to the stored aggregates and free *d (NULL:
 * nothing). 0 or -1/-2 (*d is freed either way). */
int store_maandcijfers_delta_schrijf(struct store *st, struct maandcijfers_delta **d);

/* Drop the pending deltas (after a failure). */
void store_maandcijfers_delta_vergeet(struct maandcijfers_delta **d);

#endif
