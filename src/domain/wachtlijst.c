/* wachtlijst: see wachtlijst.h. */
#include "domain/wachtlijst.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/datum.h"

/* The parts of the wait of waiting t on p, as kpi_boven_norm_op judges
 * them; normgrens is the first day on which kpi_boven_norm_op is true
 * while nothing changes (no intake yet: aanmelding + norm + 1; intake
 * late: the day the first part ran out; else intake + norm + 1). */
static void delen(const struct traject *t, dag_t p, const struct treeknorm *n,
		  struct wachtlijst_regel *r)
{
	dag_t a = t->aanmelddatum, i = t->intakedatum;

	r->norm_intake = n->tot_intake;
	r->norm_start = n->intake_tot_start;
	r->dagen = datum_dagen(a, p);
	if (i != DAG_GEEN && i <= p && i >= a) {
		r->fase = WACHTLIJST_FASE_START;
		r->dagen_tot_intake = datum_dagen(a, i);
		r->dagen_na_intake = datum_dagen(i, p);
		r->intake_boven_norm = r->dagen_tot_intake > n->tot_intake;
		r->start_boven_norm = r->dagen_na_intake > n->intake_tot_start;
		r->normgrens = r->intake_boven_norm ? a + n->tot_intake + 1
						    : i + n->intake_tot_start + 1;
	} else {
		r->fase = WACHTLIJST_FASE_INTAKE;
		r->dagen_tot_intake = r->dagen;
		r->dagen_na_intake = 0;
		r->intake_boven_norm = r->dagen > n->tot_intake;
		r->normgrens = a + n->tot_intake + 1;
	}
}

int wachtlijst_bereken(const struct kpi_data *d, const bool *toon, dag_t peildatum,
		       const struct treeknorm norms[SEGMENT_AANTAL],
		       struct wachtlijst_regel **out, size_t *n)
{
	struct wachtlijst_regel *rs = NULL;
	size_t k = 0, cap = 0;
	int64_t grens = kpi_middernacht_amsterdam(peildatum + 1);

	*out = NULL;
	*n = 0;
	for (size_t i = 0; i < d->n_trajecten; i++) {
		const struct traject *t = &d->trajecten[i];
		struct wachtlijst_regel *r;

		if ((toon && !toon[i]) || t->segment < 1 || t->segment >= SEGMENT_AANTAL ||
		    !kpi_wachtend(t, peildatum))
			continue;
		if (k == cap) {
			size_t nc = cap ? 2 * cap : 64;
			struct wachtlijst_regel *m = realloc(rs, nc * sizeof *m);

			if (!m) {
				free(rs);
				return -1;
			}
			rs = m;
			cap = nc;
		}
		r = &rs[k++];
		memset(r, 0, sizeof *r);
		r->t = t;
		r->j = kpi_jeugdige(d, t->jeugdige_id);
		delen(t, peildatum, &norms[t->segment], r);
		r->boven_norm = kpi_boven_norm_op(t, peildatum, norms);
		r->zorgelijk = kpi_zorgelijk(d, i, peildatum, norms, &r->risico);
		r->zorgelijk_berekend = r->risico != 0 && r->boven_norm;
		r->besluit = kpi_laatste_besluit(d, t->id, grens);
	}
	*out = rs;
	*n = k;
	return 0;
}

unsigned wachtlijst_signalen(const struct wachtlijst_regel *r, dag_t peildatum)
{
	unsigned s = 0;

	if (r->boven_norm && r->normgrens > peildatum - WACHTLIJST_SIGNAAL_DAGEN &&
	    r->normgrens <= peildatum)
		s |= WACHTLIJST_SIGNAAL_NORM;
	if (r->zorgelijk && !r->besluit)
		s |= WACHTLIJST_SIGNAAL_ZORGELIJK;
	return s;
}

static const struct {
	unsigned bit;
	const char *code, *tekst;
} risico_namen[] = {
	{ KPI_RISICO_VEILIGHEID, "veiligheid", "veiligheidssignaal of eerdere crisis" },
	{ KPI_RISICO_THUISZITTER, "thuiszitter", "thuiszitter" },
	{ KPI_RISICO_GEEN_OVERBRUGGING, "geen_overbrugging", "geen overbruggingszorg" },
	{ KPI_RISICO_LEEFTIJD, "leeftijd", "17,5 jaar of ouder" },
	{ KPI_RISICO_JEUGDBESCHERMING, "jeugdbescherming", "jeugdbeschermingsmaatregel" },
	{ KPI_RISICO_UITVAL, "uitval", "eerder traject met uitval" },
};

char *wachtlijst_risico_tekst(unsigned risico, char *buf, size_t n)
{
	size_t k = 0;

	if (n)
		buf[0] = '\0';
	for (size_t i = 0; i < sizeof risico_namen / sizeof risico_namen[0]; i++) {
		int w;

		if (!(risico & risico_namen[i].bit) || k >= n)
			continue;
		w = snprintf(buf + k, n - k, "%s%s", k ? ", " : "", risico_namen[i].tekst);
		if (w < 0)
			break;
		k += (size_t)w;
	}
	return buf;
}

const char *wachtlijst_risico_code(unsigned bit)
{
	for (size_t i = 0; i < sizeof risico_namen / sizeof risico_namen[0]; i++)
		if (risico_namen[i].bit == bit)
			return risico_namen[i].code;
	return NULL;
}
