/* geld_store: what the money page (steer/geld.h) reads beyond
 * store_kpi_load, and the PGB awards (migration 13).
 *
 *  - store_geld_load: every approved Prestatie that has a trajectory,
 *    with the trajectory's gemeente, provider, segment and youth and the
 *    declaration's dagtekening (ordered by trajectory and period start);
 *    the contracts (by agb, segment, begindatum); the PGB awards. One read
 *    snapshot. store_geld_release frees what it filled.
 *  - store_put_pgb: write one award (the demo generator, an import).
 *  - store_pgb_kandidaten: ids of the youth who live in a gemeente on a
 *    day and are 0-17 then (the demo draws its PGB holders from them).
 *
 * Memory: the arrays of a struct geld_data filled here belong to it until
 * store_geld_release; *ids of store_pgb_kandidaten is the caller's
 * (free()). Returns 0 (or a row count) or the store's -1/-2 with the
 * message in store_error(st).
 */
#ifndef JR_STORE_GELD_STORE_H
#define JR_STORE_GELD_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "domain/datum.h"
#include "steer/geld.h"

struct store;

int store_geld_load(struct store *st, struct geld_data *out);
void store_geld_release(struct geld_data *g);

int store_put_pgb(struct store *st, const struct geld_pgb *p);

int store_pgb_kandidaten(struct store *st, const char *gemeente, dag_t dag, int64_t **ids,
			 size_t *n);

#endif
