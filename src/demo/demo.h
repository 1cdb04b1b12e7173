/* demo: a believable, reproducible Holland Rijnland, generated.
 *
 * demo_maak() fills an empty store with the 13 real municipalities, their
 * local teams, ~160 invented providers in networks, contracts, tariffs,
 * budgets and ceilings, and the youth-care record from 2018 (so that 2021
 * starts with a realistic stock) up to opties->tot: families, referrals,
 * toewijzingen, waiting, trajectories, monthly declarations, school
 * status, transition plans and capacity reports. Only test BSNs. The same
 * seed and options give the same database. Everything is written in one
 * transaction: on any failure nothing is left behind.
 *
 * Calibration targets and how they are met: docs/demo.md.
 */
#ifndef JR_DEMO_DEMO_H
#define JR_DEMO_DEMO_H

#include <stddef.h>
#include <stdint.h>

#include "domain/datum.h"
#include "store/store.h"

struct demo_opties {
	uint64_t seed;     /* default 1 */
	dag_t tot;         /* last day of the record (default: today) */
	double schaal;     /* population multiplier, (0, 100]; 1 = the region */
};

struct demo_telling {
	int64_t aanbieders;
	int64_t jeugdigen;
	int64_t trajecten;
	int64_t toewijzingen;
	int64_t prestaties;
};

/* Generate into st, which must hold no region yet (store_is_empty).
 * Returns 0, or -1 with a message in err. */
int demo_maak(struct store *st, const struct demo_opties *opties,
	      struct demo_telling *telling, char *err, size_t errlen);

#endif
