/* kalibratie: the demo region measured against the region's own figures
 * (shared/data/CALIBRATION.md, issue "Foundation"), through the same
 * indicator functions every page uses.
 */
#ifndef JR_STEER_KALIBRATIE_H
#define JR_STEER_KALIBRATIE_H

#include <stdbool.h>
#include <stdio.h>

#include "domain/kpi.h"

#define KALIBRATIE_DOELEN 7

struct kalibratie_doel {
	const char *naam;       /* Dutch label */
	double doel;            /* target at scale 1 (times the scale) */
	double min, max;        /* accepted range, scaled */
	double gemeten;
	bool ok;
};

/* Measure every target on d for a demo of the given scale. The anchor
 * period is 2025 (the region's own figures), so d must reach at least
 * 2026-01-31 (declarations of December come in January): returns -1 with
 * a message in err otherwise, and when scratch memory runs out. */
int kalibratie_meet(const struct kpi_data *d, double schaal, dag_t tot,
		    struct kalibratie_doel doelen[KALIBRATIE_DOELEN], char *err, size_t errlen);

/* Print the targets as a Dutch table; returns true when all are met. */
bool kalibratie_print(FILE *f, const struct kalibratie_doel doelen[KALIBRATIE_DOELEN]);

#endif
