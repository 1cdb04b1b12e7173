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
 * With via_ijw the same region comes about through the iJw 3.2 chain: the
 * register (gemeenten, teams, aanbieders, contracts, budgets) and what the
 * region registers itself (youth, families, referrals, the aanmelding and
 * intake of a trajectory, school, plans) are written in that transaction;
 * then, each in its own transaction, every toewijzing is asked for in a
 * JW315 and honoured with a JW301 by the municipality's workflow
 * (ijw/afhandel), every start and stop is reported in a JW305/JW307, and
 * every month is declared in a JW323 per aanbieder and gemeente, all
 * through ijw_verwerk as `ijw import` does. A message that gets a finding
 * it should not get stops the demo with that finding (what is written by
 * then stays). The history is held in memory until it is sent.
 *
 * Calibration targets and how they are met: docs/demo.md.
 */
#ifndef JR_DEMO_DEMO_H
#define JR_DEMO_DEMO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "domain/datum.h"
#include "store/store.h"

struct demo_opties {
	uint64_t seed;     /* default 1 */
	dag_t tot;         /* last day of the record (default: today) */
	double schaal;     /* population multiplier, (0, 100]; 1 = the region */
	/* Send the chain facts as iJw 3.2 messages through the pipeline
	 * instead of writing them (see below). */
	bool via_ijw;
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
