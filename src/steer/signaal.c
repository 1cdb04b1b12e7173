/* signaal: see signaal.h. */
#include "steer/signaal.h"

#include <math.h>
#include <string.h>

static bool aanwezig(const struct signaal_punt *p, enum signaal_kaart kaart)
{
	switch (kaart) {
	case SIGNAAL_P_KAART:
		return p->n > 0 && !isnan(p->waarde);
	case SIGNAAL_XMR_KAART:
		return !isnan(p->waarde);
	}
	return false;
}

void signaal_kaart_maak(const struct signaal_punt *punten, size_t n, size_t basis,
			enum signaal_kaart kaart, struct signaal_lijnen *out)
{
	double som = 0, gewicht = 0, mr = 0;
	size_t paren = 0;
	const struct signaal_punt *vorige = NULL;

	memset(out, 0, sizeof *out);
	if (basis > n)
		basis = n;
	for (size_t i = 0; i < basis; i++) {
		const struct signaal_punt *p = &punten[i];

		if (!aanwezig(p, kaart)) {
			vorige = NULL;
			continue;
		}
		out->basis_punten++;
		switch (kaart) {
		case SIGNAAL_P_KAART:
			som += p->waarde * p->n;
			gewicht += p->n;
			break;
		case SIGNAAL_XMR_KAART:
			som += p->waarde;
			gewicht += 1;
			if (vorige) {
				mr += fabs(p->waarde - vorige->waarde);
				paren++;
			}
			break;
		}
		vorige = p;
	}
	if (out->basis_punten < SIGNAAL_BASIS_MIN || gewicht <= 0)
		return;
	out->centrum = som / gewicht;
	switch (kaart) {
	case SIGNAAL_P_KAART:
		out->bruikbaar = out->centrum > 0 && out->centrum < 1;
		break;
	case SIGNAAL_XMR_KAART:
		out->mr_gemiddeld = paren ? mr / (double)paren : 0;
		out->bruikbaar = paren > 0;
		break;
	}
}

void signaal_grenzen(const struct signaal_lijnen *l, enum signaal_kaart kaart,
		     const struct signaal_punt *p, double *onder, double *boven)
{
	double breedte = 0;

	switch (kaart) {
	case SIGNAAL_P_KAART:
		breedte = p->n > 0 ? SIGNAAL_P_SIGMA * sqrt(l->centrum * (1 - l->centrum) / p->n)
				   : 0;
		*onder = fmax(0.0, l->centrum - breedte);
		*boven = fmin(1.0, l->centrum + breedte);
		return;
	case SIGNAAL_XMR_KAART:
		breedte = SIGNAAL_XMR_FACTOR * l->mr_gemiddeld;
		break;
	}
	*onder = l->centrum - breedte;
	*boven = l->centrum + breedte;
}

/* -1 below the centre line, +1 above, 0 on it. */
static int kant(double x, double centrum)
{
	return (x > centrum) - (x < centrum);
}

static enum signaal_richting richting(int k, bool hoger_slechter)
{
	return (k > 0) == hoger_slechter ? SIGNAAL_SLECHTER : SIGNAAL_BETER;
}

size_t signaal_toets(const struct signaal_punt *punten, size_t n, size_t basis,
		     enum signaal_kaart kaart, bool hoger_slechter,
		     struct signaal_melding *uit, size_t max, struct signaal_lijnen *l)
{
	struct signaal_lijnen eigen;
	size_t aantal = 0, run = 0;
	int run_kant = 0;

	if (!l)
		l = &eigen;
	signaal_kaart_maak(punten, n, basis, kaart, l);
	if (!l->bruikbaar)
		return 0;
	for (size_t i = 0; i < n; i++) {
		const struct signaal_punt *p = &punten[i];
		struct signaal_melding m;
		int k;

		if (!aanwezig(p, kaart))
			continue;
		k = kant(p->waarde, l->centrum);
		if (k != 0 && k == run_kant) {
			run++;
		} else {
			run_kant = k;
			run = k != 0;
		}
		if (i < basis)
			continue;
		memset(&m, 0, sizeof m);
		m.index = i;
		m.maand = p->maand;
		m.waarde = p->waarde;
		m.n = p->n;
		m.centrum = l->centrum;
		signaal_grenzen(l, kaart, p, &m.ondergrens, &m.bovengrens);
		if (p->waarde > m.bovengrens || p->waarde < m.ondergrens) {
			m.regel = SIGNAAL_REGEL_GRENS;
			m.richting = richting(p->waarde > m.bovengrens ? 1 : -1, hoger_slechter);
			if (aantal < max)
				uit[aantal] = m;
			aantal++;
		}
		if (run == SIGNAAL_REEKS_LENGTE) {
			m.regel = SIGNAAL_REGEL_REEKS;
			m.richting = richting(run_kant, hoger_slechter);
			if (aantal < max)
				uit[aantal] = m;
			aantal++;
		}
	}
	return aantal;
}

const char *signaal_regel_naam(enum signaal_regel r)
{
	switch (r) {
	case SIGNAAL_REGEL_GRENS:
		return "grens";
	case SIGNAAL_REGEL_REEKS:
		return "reeks";
	}
	return "";
}

const char *signaal_richting_naam(enum signaal_richting r)
{
	switch (r) {
	case SIGNAAL_SLECHTER:
		return "slechter";
	case SIGNAAL_BETER:
		return "beter";
	}
	return "";
}

const char *signaal_kaart_naam(enum signaal_kaart k)
{
	switch (k) {
	case SIGNAAL_P_KAART:
		return "p";
	case SIGNAAL_XMR_KAART:
		return "xmr";
	}
	return "";
}
