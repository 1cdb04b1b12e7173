/* publicatie: a figure as published to an asker who may or may not see
 * exact counts (DOMAIN.md §5), the rules the web pages, the API and the
 * council report share on top of onthulling:
 *  - a count: exact, or as onthulling_cel publishes it (rounded to 5,
 *    "<10");
 *  - a share: computed from the published numerator and denominator, and
 *    hidden ("x") when either is, so that a share times a public
 *    population never gives an exact count back; "–" when there is
 *    nothing to divide by;
 *  - a figure computed from n values (a median, an average): hidden
 *    ("x") when fewer than ONTHULLING_GRENS values underlie it, "–" when
 *    none;
 *  - money: rounded to whole thousands of euros.
 * How a visible figure is written (decimal comma, thousands dots, units)
 * stays with the caller.
 *
 * Pure functions, no state, no memory of their own: safe from any thread.
 */
#ifndef JR_DOMAIN_PUBLICATIE_H
#define JR_DOMAIN_PUBLICATIE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Money shown to askers without exact figures: whole thousands of euros,
 * in cents. */
#define PUBLICATIE_GELD_AFRONDING 100000

/* One published figure. */
struct publicatie {
	bool zichtbaar;
	double waarde;          /* when zichtbaar */
	const char *teken;      /* when not: "<10", "x" or "–" (a constant) */
};

/* Count n: exact, or as onthulling_cel publishes it. */
void publicatie_aantal(size_t n, bool exact, struct publicatie *uit);

/* The share per * a / t of two published figures (per 1: a fraction,
 * 100: a percentage). */
void publicatie_deel(const struct publicatie *a, const struct publicatie *t, double per,
		     struct publicatie *uit);

/* True when a figure computed from n values (a median, an average, a
 * segment's budget from its active trajectories) may be shown: to exact
 * askers always, to others from ONTHULLING_GRENS values on. */
bool publicatie_tonen(size_t n, bool exact);

/* Such a figure waarde: "–" when n is 0, "x" when publicatie_tonen says
 * no. */
void publicatie_figuur(size_t n, double waarde, bool exact, struct publicatie *uit);

/* Money in cents: exact, or rounded to PUBLICATIE_GELD_AFRONDING. */
int64_t publicatie_geld(int64_t cent, bool exact);

#endif
