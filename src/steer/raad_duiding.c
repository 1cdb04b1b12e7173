/* raad_duiding: see raad_duiding.h. */
#include "steer/raad_duiding.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/datum.h"
#include "store/duiding_store.h"
#include "store/store.h"

int raad_duidingen_laad(struct store *st, const char *gemeente, int jaar,
			struct raad_duidingen *out)
{
	struct duiding_filter f = {
		.plek = DUIDING_GEMEENTE_EN_REGIO,
		.gemeente = gemeente,
		.van = datum_van(jaar, 1, 1),
		.tot = datum_van(jaar, 12, 31),
	};
	size_t n = 0;
	int rc;

	memset(out, 0, sizeof *out);
	rc = store_duidingen(st, &f, &out->rijen, &n, NULL);
	if (rc < 0)
		return rc;
	if (n == 0)
		return 0;
	out->lijst = calloc(n, sizeof *out->lijst);
	out->auteurs = calloc(n, sizeof *out->auteurs);
	out->perioden = calloc(n, sizeof *out->perioden);
	if (!out->lijst || !out->auteurs || !out->perioden) {
		raad_duidingen_vrij(out);
		return -1;
	}
	for (size_t i = 0; i < n; i++) {
		const struct duiding *d = &out->rijen[i];
		struct raad_duiding *r = &out->lijst[i];
		/* The version's local date: the first ten characters of
		 * "JJJJ-MM-DD UU:MM". */
		char tijd[17], datum[11];

		snprintf(out->auteurs[i], sizeof out->auteurs[i], "%s (%s)", d->auteur,
			 *d->namens ? d->namens : d->auteur_rol);
		snprintf(datum, sizeof datum, "%s", duiding_tijd(d->aangemaakt, tijd));
		/* A region duiding says so: the report is the gemeente's. */
		snprintf(out->perioden[i], sizeof out->perioden[i], "%s%s", d->periode,
			 *d->gemeente ? "" : " (regio)");
		r->indicator = duiding_indicator_label(d->indicator);
		if (!r->indicator)
			r->indicator = d->indicator;
		r->periode = out->perioden[i];
		r->tekst = d->tekst;
		r->auteur = out->auteurs[i];
		if (datum_parse(datum, &r->datum) < 0)
			r->datum = DAG_GEEN;
	}
	out->n = n;
	return 0;
}

void raad_duidingen_vrij(struct raad_duidingen *d)
{
	free(d->lijst);
	free(d->rijen);
	free(d->auteurs);
	free(d->perioden);
	memset(d, 0, sizeof *d);
}
