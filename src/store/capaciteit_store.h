/* capaciteit_store: providers' reports of free places (issue 6): per
 * product, and for a group product per group, on a peildatum, with how
 * many of them are reserved for crisis intake. Reports are never changed
 * or removed: a new one is added and the latest per (agb, product, group)
 * counts; the rest is the history. An accepted CSV upload is recorded by
 * its fingerprint so that the same file is not applied twice.
 *
 * Memory: arrays returned are the caller's (free()). Return convention of
 * store.h; the writes belong inside the caller's transaction.
 */
#ifndef JR_STORE_CAPACITEIT_STORE_H
#define JR_STORE_CAPACITEIT_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "domain/model.h"

struct store;

#define CAPACITEIT_GROEP_LEN 41

/* Days after which a report is stale when the region set none (instelling
 * capaciteit.verouderd_dagen): the capacity page and the matching both
 * read it through store_capaciteit_verouderd. */
#define CAPACITEIT_VEROUDERD_STANDAARD 14

struct capaciteit_melding {
	int64_t id;
	char agb[AGB_LEN];
	char productcode[PRODUCTCODE_LEN];
	char groep[CAPACITEIT_GROEP_LEN];   /* "" not a group */
	dag_t peildatum;
	int64_t vrije_plaatsen;
	int64_t crisis_gereserveerd;
	char gemeld_op[21];                 /* "" for reports from before migration 7 */
	char gemeld_door[NAAM_LEN];
	/* filled by the reads */
	char aanbieder_naam[NAAM_LEN];
	char product[160];
};

/* The latest report per (agb, product, group) of provider agb ("" every
 * provider), ordered by agb, product, group. */
int store_capaciteit_actueel(struct store *st, const char *agb,
			     struct capaciteit_melding **out, size_t *n);

/* The days after which a report is stale: the region's setting, or
 * CAPACITEIT_VEROUDERD_STANDAARD. 0 or -1/-2. */
int store_capaciteit_verouderd(struct store *st, int64_t *dagen);

/* Every report of provider agb, newest first (at most limiet). */
int store_capaciteit_historie(struct store *st, const char *agb, int64_t limiet,
			      struct capaciteit_melding **out, size_t *n);

/* What the region knows of a product code: 1 and *groep (a group
 * product) when it is on the product list, else 0. */
int store_capaciteit_product(struct store *st, const char *code, bool *groep);

/* 1 when provider agb already had an upload with this fingerprint. */
int store_capaciteit_upload_bekend(struct store *st, const char *agb, const char *vingerafdruk);

/* Add reports m[0..n) (agb, productcode, groep, peildatum, numbers) as
 * reported by door at nu (ISO UTC); with vingerafdruk (not NULL) also the
 * upload they came in. */
int store_capaciteit_meld(struct store *st, const struct capaciteit_melding *m, size_t n,
			  const char *agb, const char *door, const char *nu,
			  const char *vingerafdruk);

#endif
