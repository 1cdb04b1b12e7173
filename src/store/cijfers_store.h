/* cijfers_store: the reads the indicator pages need beyond kpi_data
 * (store_kpi_load): the providers' names and their capacity reports.
 * Public registry data and aggregates, no personal data.
 *
 * The caller owns the returned arrays (free()). Return the number of rows
 * (>= 0) or the store's -1/-2 with the message in store_error().
 */
#ifndef JR_STORE_CIJFERS_STORE_H
#define JR_STORE_CIJFERS_STORE_H

#include <stddef.h>

#include "domain/model.h"

struct store;

/* The meta key that holds the version of the record: a decimal counter
 * that every writer of youth-care data raises, in the same transaction as
 * its change (the demo at the end of its run; the iJw chain with every
 * message it stores). Readers that cache what they computed from the
 * record (src/web/cijfers.c) compare it to see whether to reload. A
 * database without the key has version "" (nothing has raised it yet). */
#define STORE_DATA_VERSIE "data.versie"

/* Raise STORE_DATA_VERSIE by one (absent: it becomes 1). Call inside the
 * writer's transaction. 0 or the store's -1/-2. */
int store_data_versie_verhoog(struct store *st);

/* Every aanbieder, ordered by agb. */
int store_cijfers_aanbieders(struct store *st, struct aanbieder **out, size_t *n);

/* Every capacity report, ordered by (agb, peildatum, productcode). */
int store_cijfers_capaciteit(struct store *st, struct capaciteit **out, size_t *n);

#endif
