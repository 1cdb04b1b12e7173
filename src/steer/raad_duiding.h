/* raad_duiding: the duidingen (store/duiding_store.h) that belong in a
 * council report (steer/raadsrapport.h): the current, not withdrawn ones
 * of the gemeente and of the region whose period overlaps the report's
 * year, in the store's order (newest period first, region before the
 * gemeente).
 *
 * Ownership: raad_duidingen_laad fills *out with an array that points into
 * the rows it read; both are owned by the caller through *bron and freed
 * together with raad_duidingen_vrij.
 */
#ifndef JR_STEER_RAAD_DUIDING_H
#define JR_STEER_RAAD_DUIDING_H

#include <stddef.h>

#include "domain/model.h"
#include "steer/raadsrapport.h"

struct store;

struct raad_duidingen {
	struct raad_duiding *lijst;
	size_t n;
	struct duiding *rijen;               /* the rows lijst points into */
	char (*auteurs)[NAAM_LEN + 100];     /* "naam (organisatie)" per row */
	char (*perioden)[32];                /* "2025-K3", "2025 (regio)" */
};

/* 0, or the store's -1/-2 (message in store_error(st); *out is then
 * empty). gemeente: the code without "GM". */
int raad_duidingen_laad(struct store *st, const char *gemeente, int jaar,
			struct raad_duidingen *out);

void raad_duidingen_vrij(struct raad_duidingen *d);

#endif
