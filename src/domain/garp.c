/* garp: see garp.h. */
#include "domain/garp.h"

#include <stdlib.h>
#include <string.h>

static bool leeg(const char *s)
{
	return !s || !*s;
}

static bool actief(const struct traject *t, dag_t d)
{
	return t->begindatum != DAG_GEEN && t->begindatum <= d &&
	       (t->einddatum == DAG_GEEN || t->einddatum >= d);
}

static void aandeel(struct kpi_aandeel *out, size_t totaal, size_t aantal)
{
	out->totaal = totaal;
	out->aantal = aantal;
	out->aandeel = totaal ? (double)aantal / (double)totaal : 0.0;
}

const struct garp_gezin *garp_gezin_zoek(const struct garp_gezin *gezinnen, size_t n,
					 int64_t id)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (gezinnen[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && gezinnen[lo].id == id ? &gezinnen[lo] : NULL;
}

void garp_analyse_vooraf(const struct kpi_data *d, const struct garp_gezin *gezinnen,
			 size_t n_gezinnen, const char *gemeente, dag_t van, dag_t tot,
			 struct kpi_aandeel *out)
{
	size_t totaal = 0, aantal = 0;

	for (size_t i = 0; i < d->n_trajecten; i++) {
		const struct traject *t = &d->trajecten[i];
		const struct jeugdige *j;
		const struct garp_gezin *g;

		if (t->segment < 1 || t->begindatum == DAG_GEEN || t->begindatum < van ||
		    t->begindatum > tot)
			continue;
		if (!leeg(gemeente) && strcmp(t->gemeente, gemeente) != 0)
			continue;
		totaal++;
		j = kpi_jeugdige(d, t->jeugdige_id);
		g = j && j->gezin_id ? garp_gezin_zoek(gezinnen, n_gezinnen, j->gezin_id) : NULL;
		if (g && g->analyse_datum != DAG_GEEN && g->analyse_datum <= t->begindatum)
			aantal++;
	}
	aandeel(out, totaal, aantal);
}

static int cmp_i64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

int garp_regisseur(const struct kpi_data *d, const struct garp_gezin *gezinnen,
		   size_t n_gezinnen, const char *gemeente, dag_t peildatum,
		   struct kpi_aandeel *out)
{
	/* The family ids of the counted youth; a youth without a usable
	 * family is counted apart (eigen), it has no regisseur. */
	int64_t *ids = NULL;
	size_t n = 0, cap = 0, eigen = 0, totaal, aantal = 0;

	memset(out, 0, sizeof *out);
	for (size_t i = 0; i < d->n_trajecten;) {
		int64_t jid = d->trajecten[i].jeugdige_id;
		bool in_zorg = false;
		const struct jeugdige *j;
		const char *w;

		/* trajecten are sorted by (jeugdige_id, id): one youth at a time */
		for (; i < d->n_trajecten && d->trajecten[i].jeugdige_id == jid; i++)
			in_zorg |= actief(&d->trajecten[i], peildatum);
		if (!in_zorg)
			continue;
		if (!leeg(gemeente)) {
			w = kpi_woonplaats_op(d, jid, peildatum);
			if (!w || strcmp(w, gemeente) != 0)
				continue;
		}
		j = kpi_jeugdige(d, jid);
		if (!j || !j->gezin_id || !garp_gezin_zoek(gezinnen, n_gezinnen, j->gezin_id)) {
			eigen++;
			continue;
		}
		if (n == cap) {
			size_t nc = cap ? 2 * cap : 256;
			int64_t *p = realloc(ids, nc * sizeof *ids);

			if (!p) {
				free(ids);
				return -1;
			}
			ids = p;
			cap = nc;
		}
		ids[n++] = j->gezin_id;
	}
	if (n)
		qsort(ids, n, sizeof *ids, cmp_i64);
	totaal = eigen;
	for (size_t k = 0; k < n; k++) {
		if (k > 0 && ids[k] == ids[k - 1])
			continue;
		totaal++;
		aantal += garp_gezin_zoek(gezinnen, n_gezinnen, ids[k])->heeft_regisseur;
	}
	free(ids);
	aandeel(out, totaal, aantal);
	return 0;
}
