/* maandcijfers_som: sums of aggregate rows (steer/maandcijfers.h) that
 * need not fit in memory, handed out in the table's key order.
 *
 * At national scale the aggregate has tens of millions of rows (the
 * day-count histograms per provider and month); summing every youth's
 * contribution in one hash table took gigabytes. Here the rows go into a
 * bounded bag; when it is nearly full (mc_som_vol), its rows are sorted
 * in key order and appended as one run to an anonymous temporary file,
 * and the bag starts empty. mc_som_uit merges the runs (and what is left
 * in the bag), adds up equal keys and hands out each nonzero sum once, in
 * key order: the order of the table's primary key, so that inserting them
 * appends to the B-tree.
 *
 * Memory: the bag (at most max_slots slots of struct mc_rij), and during
 * mc_som_uit one read buffer per run. The temporary file lives in
 * $TMPDIR (or /tmp) and is gone when the sum is freed or the process
 * ends. Not thread-safe; one owner.
 */
#ifndef JR_STEER_MAANDCIJFERS_SOM_H
#define JR_STEER_MAANDCIJFERS_SOM_H

#include <stddef.h>

#include "steer/maandcijfers.h"

/* The default bound of the bag: 8 Mi slots (320 MiB). */
#define MC_SOM_SLOTS ((size_t)1 << 23)

struct mc_som;

/* A new, empty sum whose bag grows to at most max_slots slots (a power
 * of two, at least 1024; smaller values are raised). NULL when out of
 * memory. */
struct mc_som *mc_som_nieuw(size_t max_slots);
void mc_som_vrij(struct mc_som *s);

/* The bag to add rows into (mc_bak_voeg, mc_bijdrage). */
struct mc_bak *mc_som_bak(struct mc_som *s);

/* Call between additions of at most 64 Ki new keys each (one youth adds
 * a few thousand): when the bag is at its bound, its rows become a run.
 * 0, or -1 when out of memory or the temporary file cannot be written
 * (errno tells). */
int mc_som_vol(struct mc_som *s);

/* Every key whose summed value is not 0, in key order
 * (mc_sleutel_vergelijk), each once: uit(arg, row). Stops at the first
 * nonzero return of uit and returns it; -1 as mc_som_vol. Call once;
 * afterwards only mc_som_vrij. */
typedef int (*mc_som_uit_fn)(void *arg, const struct mc_rij *r);
int mc_som_uit(struct mc_som *s, mc_som_uit_fn uit, void *arg);

/* The number of runs written so far (for tests and figures). */
size_t mc_som_runs(const struct mc_som *s);

#endif
