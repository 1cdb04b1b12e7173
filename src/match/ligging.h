/* ligging: where the municipalities of Holland Rijnland lie (the centre of
 * each one's main town, data/holland_rijnland_ligging.csv, embedded) and
 * the distance between two points, for the matcher's travel distances.
 *
 * struct ligging is a plain value the caller owns (no allocation, no
 * global state); ligging_laad() fills it from the embedded table.
 */
#ifndef JR_MATCH_LIGGING_H
#define JR_MATCH_LIGGING_H

#include "domain/model.h"

#define LIGGING_MAX 32

struct ligging_gemeente {
	char code[GEMEENTE_CODE_LEN]; /* "0546" (the CBS code without GM) */
	char naam[NAAM_LEN];
	double lat, lon;              /* degrees, WGS84 */
};

struct ligging {
	int n;
	struct ligging_gemeente g[LIGGING_MAX];
};

/* Read the embedded table. 0, or -1 when it is malformed (a build error). */
int ligging_laad(struct ligging *l);

/* Index of the municipality with this code ("0546" or "GM0546"), or -1. */
int ligging_zoek(const struct ligging *l, const char *code);

/* Great-circle distance in metres (haversine, mean Earth radius). */
double ligging_afstand_m(double lat1, double lon1, double lat2, double lon2);

#endif
