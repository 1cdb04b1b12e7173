/* maandcijfers_store: the monthly indicator aggregates of table
 * maandcijfer (migration 11) -- full rebuild, verification, the
 * incremental upkeep inside a writer's transaction, and the reads of the
 * API.
 *
 * The rows are the sums of every youth's contribution (steer/
 * maandcijfers.h) over the months up to December of the horizon year
 * (meta MAANDCIJFERS_TOT_JAAR, set by the rebuild; without it the
 * aggregates are not kept and the hooks do nothing).
 *
 * Incremental upkeep: a writer that changes a youth's facts (trajecten,
 * woonplaatsen, schoolstatus, perspectiefplannen, zorgelijk besluiten,
 * prestaties) calls store_maandcijfers_raak for that youth BEFORE its
 * first change, and store_maandcijfers_sluit after its last one, in the
 * same transaction: raak subtracts the youth's current contribution (once
 * per youth), sluit adds the new one back and writes the net differences.
 * On a failure in between, store_maandcijfers_vergeet (the transaction is
 * rolled back anyway).
 *
 * Memory: a struct maandcijfers_tx is allocated by the first raak and
 * freed by sluit or vergeet; read results are arrays the caller frees.
 */
#ifndef JR_STORE_MAANDCIJFERS_STORE_H
#define JR_STORE_MAANDCIJFERS_STORE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct store;

#define MAANDCIJFERS_TOT_JAAR "maandcijfers.tot_jaar"

/* The horizon year into *tot_jaar; 0 when the aggregates were never
 * built. 0 or -1/-2. */
int store_maandcijfers_tot_jaar(struct store *st, int *tot_jaar);

/* Rebuild every aggregate for the months up to December of tot_jaar
 * from the record (one ordered pass per table), inside the caller's
 * transaction, and record the horizon. 0 or -1/-2. */
int store_maandcijfers_herbouw(struct store *st, int tot_jaar);

/* Compute the aggregates afresh in memory and compare them with the
 * stored ones; each difference (at most 50) is written to f (may be
 * NULL). Returns the number of differing rows (0: equal), or -1/-2;
 * -2 with a message when the aggregates were never built. */
int64_t store_maandcijfers_controleer(struct store *st, FILE *f);

struct maandcijfers_tx;
int store_maandcijfers_raak(struct store *st, struct maandcijfers_tx **tx, int64_t jeugdige_id);
int store_maandcijfers_sluit(struct store *st, struct maandcijfers_tx **tx);
void store_maandcijfers_vergeet(struct maandcijfers_tx **tx);
/* raak for the youth of trajectory traject_id (none: nothing). */
int store_maandcijfers_raak_traject(struct store *st, struct maandcijfers_tx **tx,
				    int64_t traject_id);
/* The end of a writer: rc < 0 (its write failed): vergeet and return rc;
 * else sluit, and return rc when that succeeds. */
int store_maandcijfers_klaar(struct store *st, struct maandcijfers_tx **tx, int rc);

/* Add the rows of b (deltas, e.g. store/maandcijfers_delta.h's) to the
 * stored aggregates inside the caller's transaction; rows that end at 0
 * are dropped. 0 or -1/-2. */
struct mc_bak;
int store_maandcijfers_bij(struct store *st, const struct mc_bak *b);

/* The stored rows of one selection: gemeente (code, "" no gemeente, "*"
 * all), segment (-1 all), agb ("*" all), verwijzer (code, "" none, "*"
 * all), measure maat, periods van..tot (YYYYMM or YYYY), ordered by
 * periode, dagen. Rows with waarde 0 are left out. The number of rows,
 * or -1/-2. */
struct maandcijfer_rij {
	int32_t periode;
	int32_t dagen;
	int64_t waarde;
};
int store_maandcijfers_lees(struct store *st, const char *gemeente, int segment,
			    const char *agb, const char *verwijzer, int maat, int32_t van,
			    int32_t tot, struct maandcijfer_rij **out, size_t *n);

#endif
