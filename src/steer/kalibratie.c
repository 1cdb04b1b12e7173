/* kalibratie: see kalibratie.h. */
#include "steer/kalibratie.h"

#include <string.h>

static void zet(struct kalibratie_doel *k, const char *naam, double doel, double min,
		double max, double gemeten)
{
	k->naam = naam;
	k->doel = doel;
	k->min = min;
	k->max = max;
	k->gemeten = gemeten;
	k->ok = gemeten >= min && gemeten <= max;
}

/* A count target: the region's figure times the scale, within +-marge. */
static void telling(struct kalibratie_doel *k, const char *naam, double doel, double marge,
		    double schaal, double gemeten)
{
	double d = doel * schaal;
	zet(k, naam, d, d * (1.0 - marge), d * (1.0 + marge), gemeten);
}

int kalibratie_meet(const struct kpi_data *d, double schaal, dag_t tot,
		    struct kalibratie_doel doelen[KALIBRATIE_DOELEN], char *err, size_t errlen)
{
	dag_t van = datum_van(2025, 1, 1), sep = datum_van(2025, 9, 30),
	      dec = datum_van(2025, 12, 31);

	if (tot < datum_van(2026, 1, 31)) {
		snprintf(err, errlen, "de kalibratie meet over 2025: de gegevens moeten tot ten "
				      "minste 2026-01-31 lopen (demo --until)");
		return -1;
	}
	memset(doelen, 0, sizeof(struct kalibratie_doel) * KALIBRATIE_DOELEN);

	struct kpi_gebruik regio, alles;
	kpi_jeugdhulpgebruik(d, NULL, van, sep, true, &regio);
	telling(&doelen[0], "Jeugdigen met regionale jeugdhulp 1-1 t/m 30-9-2025", 9379, 0.03,
		schaal, (double)regio.jeugdigen);
	telling(&doelen[1], "  van wie ambulant (segment 4)", 8300, 0.05, schaal,
		(double)kpi_jeugdigen_zorgvorm(d, NULL, van, sep, SEGMENT_AMBULANT, NULL));
	telling(&doelen[2], "  van wie specialistische GGZ (categorie 52)", 2703, 0.05, schaal,
		(double)kpi_jeugdigen_zorgvorm(d, NULL, van, sep, -1, "52"));
	telling(&doelen[3], "  van wie basis-GGZ (categorie 51)", 2092, 0.05, schaal,
		(double)kpi_jeugdigen_zorgvorm(d, NULL, van, sep, -1, "51"));

	kpi_jeugdhulpgebruik(d, NULL, van, dec, false, &alles);
	double n = alles.jeugdigen ? (double)alles.populatie / (double)alles.jeugdigen : 0;
	zet(&doelen[4], "Jeugdhulpgebruik 2025 incl. lokale teams, \"1 op N\"", 6, 5.5, 6.5, n);

	struct kpi_clientkosten k;
	if (kpi_clientkosten(d, NULL, 2025, &k) < 0)
		goto oom;
	zet(&doelen[5], "Gemiddelde cliëntkosten 2025 (euro)", 11500, 10000, 13000,
	    (double)k.gemiddeld / 100.0);

	struct kpi_wachttijd w;
	struct treeknorm norms[SEGMENT_AANTAL];
	treeknorm_standaard(norms);
	if (kpi_wachttijd(d, NULL, van, dec, dec, norms, &w) < 0)
		goto oom;
	zet(&doelen[6], "Afgeronde wachttijden 2025 boven de Treeknorm (%)", 30, 25, 35,
	    100.0 * w.aandeel_boven_norm);
	return 0;
oom:
	snprintf(err, errlen, "onvoldoende geheugen voor de kalibratie");
	return -1;
}

bool kalibratie_print(FILE *f, const struct kalibratie_doel doelen[KALIBRATIE_DOELEN])
{
	bool alles = true;

	fprintf(f, "%-54s %10s %10s %10s  %s\n", "Kalibratiedoel", "gemeten", "doel", "bereik", "");
	for (int i = 0; i < KALIBRATIE_DOELEN; i++) {
		const struct kalibratie_doel *k = &doelen[i];
		bool klein = k->max < 100;
		char bereik[48];
		if (klein)
			snprintf(bereik, sizeof bereik, "%.1f-%.1f", k->min, k->max);
		else
			snprintf(bereik, sizeof bereik, "%.0f-%.0f", k->min, k->max);
		fprintf(f, "%-54s %10.*f %10.*f %10s  %s\n", k->naam, klein ? 2 : 0, k->gemeten,
			klein ? 1 : 0, k->doel, bereik, k->ok ? "ok" : "BUITEN BEREIK");
		alles &= k->ok;
	}
	return alles;
}
