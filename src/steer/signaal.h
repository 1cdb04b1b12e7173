/* signaal: control-chart rules on a monthly series — when does a series
 * break its pattern? Pure: no I/O, no allocation; thread-safe.
 *
 * The input is a plain array of (maand, waarde, n) so that its source
 * (today the cached stand, web/signaal_cache.c; later materialised
 * monthly aggregates) can change without touching the rules.
 *
 * Two charts (Montgomery, Introduction to Statistical Quality Control,
 * ch. 6-7; Wheeler, Understanding Variation):
 *
 *  p-kaart (shares). Point i: waarde p_i in [0, 1] out of n_i cases
 *    (n_i = 0: no value). Centre line p̄ = Σ p_i·n_i / Σ n_i over the
 *    present points of the baseline window. Limits per point:
 *    p̄ ± 3·sqrt(p̄·(1 − p̄) / n_i), cut to [0, 1]. No chart when p̄ is 0
 *    or 1 (the binomial has no spread).
 *
 *  XmR-kaart (individuals with moving range; counts, medians). Point i:
 *    waarde x_i (NaN: no value; n is carried along for display). Centre
 *    line x̄ = mean of the present baseline values; MR̄ = mean of
 *    |x_i − x_(i−1)| over the baseline pairs where both are present.
 *    Limits x̄ ± 2.66·MR̄ (2.66 = 3 / d2, d2 = 1.128 for ranges of two).
 *
 * Baseline window: the first `basis` points of the series (the page uses
 * 24 of 36 months). It needs at least SIGNAAL_BASIS_MIN present points,
 * else there is no chart and no signal. Only the points after it (the
 * monitored months) are judged; the limits do not move with them.
 *
 * Rules (Western Electric rule 1 and Nelson rule 2), judged on every
 * present monitored point i:
 *  SIGNAAL_REGEL_GRENS  the value lies strictly outside the limits.
 *  SIGNAAL_REGEL_REEKS  the value and the 7 present points before it (the
 *                       baseline included) all lie strictly on the same
 *                       side of the centre line, and the present point
 *                       before those 8 does not (a point on the line
 *                       breaks a run; absent points are skipped): one
 *                       signal per run, at its 8th point.
 * Both may fire on the same point (two signals).
 *
 * Direction: with hoger_slechter, a value above the upper limit or a run
 * above the centre line is SIGNAAL_SLECHTER, below is SIGNAAL_BETER;
 * the other way round when lower is worse.
 */
#ifndef JR_STEER_SIGNAAL_H
#define JR_STEER_SIGNAAL_H

#include <stdbool.h>
#include <stddef.h>

#include "domain/datum.h"

#define SIGNAAL_BASIS_MIN 12
#define SIGNAAL_REEKS_LENGTE 8
#define SIGNAAL_XMR_FACTOR 2.66
#define SIGNAAL_P_SIGMA 3.0

struct signaal_punt {
	dag_t maand;      /* the month's last day */
	double waarde;    /* p-kaart: a fraction; XmR: the value (NaN: none) */
	double n;         /* p-kaart: the denominator (0: no value) */
};

enum signaal_kaart {
	SIGNAAL_P_KAART,
	SIGNAAL_XMR_KAART,
};

enum signaal_regel {
	SIGNAAL_REGEL_GRENS,
	SIGNAAL_REGEL_REEKS,
};

enum signaal_richting {
	SIGNAAL_SLECHTER,
	SIGNAAL_BETER,
};

/* The chart of a series: its centre line and (XmR) constant limits; a
 * p-kaart's limits depend on n_i (signaal_grenzen). */
struct signaal_lijnen {
	bool bruikbaar;        /* false: too little baseline, or p̄ 0 or 1 */
	size_t basis_punten;   /* present points in the baseline */
	double centrum;
	double mr_gemiddeld;   /* XmR only */
};

struct signaal_melding {
	size_t index;          /* into the series */
	dag_t maand;
	enum signaal_regel regel;
	enum signaal_richting richting;
	double waarde;
	double n;
	double centrum;
	double ondergrens;
	double bovengrens;
};

/* The chart of punten[0..n) with baseline punten[0..basis). */
void signaal_kaart_maak(const struct signaal_punt *punten, size_t n, size_t basis,
			enum signaal_kaart kaart, struct signaal_lijnen *out);

/* The limits of point p on chart l. */
void signaal_grenzen(const struct signaal_lijnen *l, enum signaal_kaart kaart,
		     const struct signaal_punt *p, double *onder, double *boven);

/* Judge the monitored points (index >= basis). Writes at most max
 * signals into uit (in order of index, GRENS before REEKS on the same
 * point) and returns how many fired in all (which may exceed max). *l
 * (if not NULL) gets the chart. */
size_t signaal_toets(const struct signaal_punt *punten, size_t n, size_t basis,
		     enum signaal_kaart kaart, bool hoger_slechter,
		     struct signaal_melding *uit, size_t max, struct signaal_lijnen *l);

/* Names for pages and the API ("grens", "reeks"; "slechter", "beter";
 * "p", "xmr"). */
const char *signaal_regel_naam(enum signaal_regel r);
const char *signaal_richting_naam(enum signaal_richting r);
const char *signaal_kaart_naam(enum signaal_kaart k);

#endif
