/* publicatie: see publicatie.h. */
#include "domain/publicatie.h"

#include <math.h>

#include "domain/onthulling.h"

static void verborgen(const char *teken, struct publicatie *uit)
{
	uit->zichtbaar = false;
	uit->waarde = 0;
	uit->teken = teken;
}

static void zichtbaar(double waarde, struct publicatie *uit)
{
	uit->zichtbaar = true;
	uit->waarde = waarde;
	uit->teken = NULL;
}

void publicatie_aantal(size_t n, bool exact, struct publicatie *uit)
{
	struct onthulde_cel c;
	char buf[24];

	if (exact) {
		zichtbaar((double)n, uit);
		return;
	}
	onthulling_cel((int64_t)n, &c);
	if (c.status == ONTHULLING_ZICHTBAAR)
		zichtbaar((double)c.waarde, uit);
	else
		/* a single cell is "<10", a constant */
		verborgen(onthulling_tekst(&c, buf), uit);
}

void publicatie_deel(const struct publicatie *a, const struct publicatie *t, double per,
		     struct publicatie *uit)
{
	if (!a->zichtbaar || !t->zichtbaar)
		verborgen("x", uit);
	else if (t->waarde <= 0)
		verborgen("–", uit);
	else
		zichtbaar(per * a->waarde / t->waarde, uit);
}

bool publicatie_tonen(size_t n, bool exact)
{
	return exact || n >= ONTHULLING_GRENS;
}

void publicatie_figuur(size_t n, double waarde, bool exact, struct publicatie *uit)
{
	if (n == 0)
		verborgen("–", uit);
	else if (!publicatie_tonen(n, exact))
		verborgen("x", uit);
	else
		zichtbaar(waarde, uit);
}

int64_t publicatie_geld(int64_t cent, bool exact)
{
	if (exact)
		return cent;
	return (int64_t)llround((double)cent / PUBLICATIE_GELD_AFRONDING) *
	       PUBLICATIE_GELD_AFRONDING;
}
