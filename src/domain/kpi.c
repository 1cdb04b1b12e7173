/* kpi: the indicator definitions (see kpi.h for each exact definition).
 *
 * Everything is one pass over the sorted arrays, with binary searches to
 * reach a youth's rows in the other arrays, so that millions of
 * trajectories take seconds. Youth-level indicators walk the trajectories
 * in groups of one jeugdige_id (the required order makes them adjacent).
 */
#include "domain/kpi.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "domain/traject.h"

/* ---- Small predicates ---- */

static bool leeg(const char *s)
{
	return !s || s[0] == '\0';
}

/* An empty filter value matches everything. */
static bool past(const char *filter, const char *waarde)
{
	return leeg(filter) || strcmp(filter, waarde) == 0;
}

static bool regionaal(const struct traject *t)
{
	return t->segment >= 1 && t->segment < SEGMENT_AANTAL;
}

/* The trajectory-level filter: segment >= 1 unless one is given. */
static bool traject_telt(const struct kpi_filter *f, const struct traject *t)
{
	if (!f)
		return regionaal(t);
	return past(f->gemeente, t->gemeente) && past(f->agb, t->agb) &&
	       (f->segment < 0 ? regionaal(t) : t->segment == f->segment);
}

static bool in_periode(dag_t d, dag_t van, dag_t tot)
{
	return d != DAG_GEEN && d >= van && d <= tot;
}

static bool een_van(const char *code, const char *a, const char *b)
{
	return strcmp(code, a) == 0 || strcmp(code, b) == 0;
}

/* When a trajectory first appears: the aanmelding, else the start. */
static dag_t eerste_datum(const struct traject *t)
{
	return t->aanmelddatum != DAG_GEEN ? t->aanmelddatum : t->begindatum;
}

static dag_t max_dag(dag_t a, dag_t b)
{
	return a > b ? a : b;
}

static dag_t min_dag(dag_t a, dag_t b)
{
	return a < b ? a : b;
}

/* The last day in [lo, hi] on which t is active, DAG_GEEN when none. */
static dag_t laatste_actieve_dag(const struct traject *t, dag_t lo, dag_t hi)
{
	if (t->begindatum == DAG_GEEN)
		return DAG_GEEN;
	dag_t a = max_dag(t->begindatum, lo);
	dag_t b = t->einddatum == DAG_GEEN ? hi : min_dag(t->einddatum, hi);
	return a <= b ? b : DAG_GEEN;
}

static void aandeel_zet(struct kpi_aandeel *out, size_t totaal, size_t aantal)
{
	out->totaal = totaal;
	out->aantal = aantal;
	out->aandeel = totaal ? (double)aantal / (double)totaal : 0.0;
}

/* ---- Finding a youth's rows ---- */

/* First index in an array of records sorted by an int64 key at offset
 * whose key is >= id (n when none): one search for every array. */
static size_t eerste_met(const void *basis, size_t n, size_t grootte,
			 size_t offset, int64_t id)
{
	const unsigned char *p = basis;
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int64_t k;
		memcpy(&k, p + mid * grootte + offset, sizeof k);
		if (k < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

#define EERSTE(arr, n, type, veld, id) \
	eerste_met((arr), (n), sizeof(type), offsetof(type, veld), (id))

const struct jeugdige *kpi_jeugdige(const struct kpi_data *d, int64_t id)
{
	size_t i = EERSTE(d->jeugdigen, d->n_jeugdigen, struct jeugdige, id, id);
	return i < d->n_jeugdigen && d->jeugdigen[i].id == id ? &d->jeugdigen[i] : NULL;
}

const struct woonplaats *kpi_eerste_woonplaats(const struct kpi_data *d, int64_t id)
{
	size_t i = EERSTE(d->woonplaatsen, d->n_woonplaatsen, struct woonplaats, jeugdige_id, id);
	return i < d->n_woonplaatsen && d->woonplaatsen[i].jeugdige_id == id ? &d->woonplaatsen[i]
									     : NULL;
}

/* Index past the last trajectory of the youth of trajecten[i]. */
static size_t groep_eind(const struct kpi_data *d, size_t i)
{
	size_t j = i + 1;
	while (j < d->n_trajecten && d->trajecten[j].jeugdige_id == d->trajecten[i].jeugdige_id)
		j++;
	return j;
}

/* Rows are sorted by vanaf, so the last one covering dag is the newest
 * registration. */
const char *kpi_woonplaats_op(const struct kpi_data *d, int64_t id, dag_t dag)
{
	const char *g = NULL;
	for (size_t i = EERSTE(d->woonplaatsen, d->n_woonplaatsen, struct woonplaats, jeugdige_id, id);
	     i < d->n_woonplaatsen && d->woonplaatsen[i].jeugdige_id == id; i++) {
		const struct woonplaats *w = &d->woonplaatsen[i];
		if (w->vanaf <= dag && (w->tot == DAG_GEEN || w->tot >= dag))
			g = w->gemeente;
	}
	return g;
}

static bool woont_in(const struct kpi_data *d, int64_t id, dag_t dag, const char *gemeente)
{
	if (leeg(gemeente))
		return true;
	const char *g = kpi_woonplaats_op(d, id, dag);
	return g && strcmp(g, gemeente) == 0;
}

/* A schoolstatus open on dag whose start lies more than min_dagen before. */
static bool school_open(const struct kpi_data *d, int64_t id, dag_t dag, int32_t min_dagen)
{
	for (size_t i = EERSTE(d->school, d->n_school, struct schoolstatus, jeugdige_id, id);
	     i < d->n_school && d->school[i].jeugdige_id == id; i++) {
		const struct schoolstatus *s = &d->school[i];
		if (s->niet_naar_school_sinds <= dag && (s->tot == DAG_GEEN || s->tot >= dag) &&
		    datum_dagen(s->niet_naar_school_sinds, dag) > min_dagen)
			return true;
	}
	return false;
}

/* ---- Distributions ---- */

/* A growing list of day counts. */
struct reeks {
	int32_t *v;
	size_t n, cap;
};

static int reeks_voeg(struct reeks *r, int32_t x)
{
	if (r->n == r->cap) {
		size_t cap = r->cap ? 2 * r->cap : 256;
		int32_t *v = realloc(r->v, cap * sizeof *v);
		if (!v)
			return -1;
		r->v = v;
		r->cap = cap;
	}
	r->v[r->n++] = x;
	return 0;
}

static int cmp_i32(const void *a, const void *b)
{
	int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
	return (x > y) - (x < y);
}

/* Sort r and describe it; frees r. */
static void reeks_verdeling(struct reeks *r, struct kpi_verdeling *out)
{
	memset(out, 0, sizeof *out);
	if (r->n > 0) {
		qsort(r->v, r->n, sizeof *r->v, cmp_i32);
		double som = 0;
		for (size_t i = 0; i < r->n; i++)
			som += r->v[i];
		size_t m = r->n / 2;
		out->n = r->n;
		out->gemiddelde = som / (double)r->n;
		out->mediaan = r->n % 2 ? r->v[m] : (r->v[m - 1] + (double)r->v[m]) / 2.0;
		out->p80 = r->v[(80 * r->n + 99) / 100 - 1];
	}
	free(r->v);
	*r = (struct reeks){ 0 };
}

/* ---- Jeugdhulpgebruik ---- */

/* Which trajectories count for a youth-level count: regional only, or of
 * one segment (-1 any) and categorie (NULL or "" any). */
struct telt_mee {
	bool alleen_regionaal;
	int segment;
	const char *categorie;
};

static bool telt(const struct telt_mee *m, const struct traject *t)
{
	if (m->alleen_regionaal && !regionaal(t))
		return false;
	if (m->segment >= 0 && t->segment != m->segment)
		return false;
	return past(m->categorie, t->categorie);
}

/* Last day in [lo, hi] with a counted trajectory of group [i, j) active. */
static dag_t laatste_dag_groep(const struct kpi_data *d, size_t i, size_t j,
			       dag_t lo, dag_t hi, const struct telt_mee *m)
{
	dag_t laatste = DAG_GEEN;
	for (size_t k = i; k < j; k++) {
		const struct traject *t = &d->trajecten[k];
		if (!telt(m, t))
			continue;
		laatste = max_dag(laatste, laatste_actieve_dag(t, lo, hi));
	}
	return laatste;
}

/* Distinct youth 0-17 with a counted trajectory active in [van, tot],
 * by residence on the last such day (the rule of kpi_jeugdhulpgebruik). */
static size_t tel_jeugdigen(const struct kpi_data *d, const char *gemeente,
			    dag_t van, dag_t tot, const struct telt_mee *m)
{
	size_t n = 0;
	for (size_t i = 0, j; i < d->n_trajecten; i = j) {
		j = groep_eind(d, i);
		int64_t id = d->trajecten[i].jeugdige_id;
		const struct jeugdige *jg = kpi_jeugdige(d, id);
		if (!jg)
			continue;
		/* Days on which the youth is 0-17. */
		dag_t lo = max_dag(van, jg->geboortedatum);
		dag_t hi = min_dag(tot, datum_verjaardag(jg->geboortedatum, 18) - 1);
		dag_t laatste = laatste_dag_groep(d, i, j, lo, hi, m);
		if (laatste != DAG_GEEN && woont_in(d, id, laatste, gemeente))
			n++;
	}
	return n;
}

void kpi_jeugdhulpgebruik(const struct kpi_data *d, const char *gemeente,
			  dag_t van, dag_t tot, bool alleen_regionaal,
			  struct kpi_gebruik *out)
{
	const struct telt_mee m = { .alleen_regionaal = alleen_regionaal, .segment = -1 };

	memset(out, 0, sizeof *out);
	out->jeugdigen = tel_jeugdigen(d, gemeente, van, tot, &m);
	for (size_t g = 0; g < d->n_gemeenten; g++)
		if (past(gemeente, d->gemeenten[g].code))
			out->populatie += d->gemeenten[g].jeugdigen_0_17;
	if (out->populatie > 0)
		out->percentage = 100.0 * (double)out->jeugdigen / (double)out->populatie;
	if (out->jeugdigen > 0)
		out->een_op_n = llround((double)out->populatie / (double)out->jeugdigen);
}

size_t kpi_jeugdigen_zorgvorm(const struct kpi_data *d, const char *gemeente,
			      dag_t van, dag_t tot, int segment, const char *categorie)
{
	const struct telt_mee m = { .segment = segment, .categorie = categorie };

	return tel_jeugdigen(d, gemeente, van, tot, &m);
}

/* ---- Wachttijd ---- */

bool kpi_wachtend(const struct traject *t, dag_t peildatum)
{
	if (t->aanmelddatum == DAG_GEEN || t->aanmelddatum > peildatum)
		return false;
	if (t->begindatum != DAG_GEEN && t->begindatum <= peildatum)
		return false;
	if (t->einddatum == DAG_GEEN)
		return t->status != TRAJECT_VERVALLEN && t->status != TRAJECT_BEEINDIGD;
	return t->einddatum > peildatum;
}

bool kpi_boven_norm_op(const struct traject *t, dag_t peildatum,
		       const struct treeknorm norms[SEGMENT_AANTAL])
{
	if (t->segment < 0 || t->segment >= SEGMENT_AANTAL)
		return false;
	const struct treeknorm *n = &norms[t->segment];
	dag_t a = t->aanmelddatum, i = t->intakedatum;
	if (i != DAG_GEEN && a <= i && i <= peildatum)
		return datum_dagen(a, i) > n->tot_intake ||
		       datum_dagen(i, peildatum) > n->intake_tot_start;
	return datum_dagen(a, peildatum) > n->tot_intake;
}

/* A completed wait counts when the aanmelding precedes the start. */
static bool wacht_voltooid(const struct traject *t, dag_t van, dag_t tot)
{
	return in_periode(t->begindatum, van, tot) &&
	       t->aanmelddatum != DAG_GEEN && t->aanmelddatum <= t->begindatum;
}

static bool intake_bruikbaar(const struct traject *t)
{
	return t->intakedatum != DAG_GEEN && t->aanmelddatum <= t->intakedatum &&
	       t->intakedatum <= t->begindatum;
}

static bool wacht_boven_norm(const struct traject *t, const struct treeknorm *n)
{
	if (intake_bruikbaar(t))
		return datum_dagen(t->aanmelddatum, t->intakedatum) > n->tot_intake ||
		       datum_dagen(t->intakedatum, t->begindatum) > n->intake_tot_start;
	return datum_dagen(t->aanmelddatum, t->begindatum) > n->tot_intake + n->intake_tot_start;
}

int kpi_wachttijd(const struct kpi_data *d, const struct kpi_filter *f,
		  dag_t van, dag_t tot, dag_t peildatum,
		  const struct treeknorm norms[SEGMENT_AANTAL],
		  struct kpi_wachttijd *out)
{
	struct reeks totaal = { 0 }, intake = { 0 }, start = { 0 }, wacht = { 0 };
	int rc = 0;
	memset(out, 0, sizeof *out);
	for (size_t k = 0; k < d->n_trajecten && rc == 0; k++) {
		const struct traject *t = &d->trajecten[k];
		if (!traject_telt(f, t) || !regionaal(t))
			continue;
		if (wacht_voltooid(t, van, tot)) {
			rc |= reeks_voeg(&totaal, datum_dagen(t->aanmelddatum, t->begindatum));
			if (intake_bruikbaar(t)) {
				rc |= reeks_voeg(&intake, datum_dagen(t->aanmelddatum, t->intakedatum));
				rc |= reeks_voeg(&start, datum_dagen(t->intakedatum, t->begindatum));
			}
			out->boven_norm += wacht_boven_norm(t, &norms[t->segment]);
		}
		if (kpi_wachtend(t, peildatum)) {
			rc |= reeks_voeg(&wacht, datum_dagen(t->aanmelddatum, peildatum));
			out->wachtend_boven_norm += kpi_boven_norm_op(t, peildatum, norms);
		}
	}
	reeks_verdeling(&totaal, &out->totaal);
	reeks_verdeling(&intake, &out->tot_intake);
	reeks_verdeling(&start, &out->intake_tot_start);
	reeks_verdeling(&wacht, &out->wachtend);
	if (rc != 0) {
		memset(out, 0, sizeof *out);
		return -1;
	}
	if (out->totaal.n > 0)
		out->aandeel_boven_norm = (double)out->boven_norm / (double)out->totaal.n;
	return 0;
}

/* ---- Zorgelijk wachtend ---- */

static dag_t laatste_zondag(int jaar, int maand)
{
	dag_t e = datum_maand_eind(datum_van(jaar, maand, 1));
	return e - (datum_weekdag(e) + 1) % 7;
}

/* Unix time of 00:00 in Amsterdam on day d: summer time (UTC+2) runs from
 * the last Sunday of March to the last Sunday of October, both switches
 * falling after midnight. */
int64_t kpi_middernacht_amsterdam(dag_t d)
{
	int jaar;
	datum_delen(d, &jaar, NULL, NULL);
	bool zomer = d > laatste_zondag(jaar, 3) && d <= laatste_zondag(jaar, 10);
	return (int64_t)d * 86400 - (zomer ? 7200 : 3600);
}

const struct zorgelijk_besluit *kpi_laatste_besluit(const struct kpi_data *d,
						     int64_t traject_id, int64_t grens)
{
	size_t lo = 0, hi = d->n_besluiten;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct zorgelijk_besluit *b = &d->besluiten[mid];
		if (b->traject_id < traject_id ||
		    (b->traject_id == traject_id && b->tijdstip < grens))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo > 0 && d->besluiten[lo - 1].traject_id == traject_id ? &d->besluiten[lo - 1] : NULL;
}

static unsigned risico(const struct kpi_data *d, const struct traject *t, dag_t p)
{
	unsigned flags = 0;
	if (t->veiligheidssignaal)
		flags |= KPI_RISICO_VEILIGHEID;
	if (!t->overbrugging)
		flags |= KPI_RISICO_GEEN_OVERBRUGGING;
	if (school_open(d, t->jeugdige_id, p, -1))
		flags |= KPI_RISICO_THUISZITTER;
	const struct jeugdige *jg = kpi_jeugdige(d, t->jeugdige_id);
	if (jg && datum_plus_maanden(jg->geboortedatum, 17 * 12 + 6) <= p)
		flags |= KPI_RISICO_LEEFTIJD;
	for (size_t k = EERSTE(d->trajecten, d->n_trajecten, struct traject, jeugdige_id, t->jeugdige_id);
	     k < d->n_trajecten && d->trajecten[k].jeugdige_id == t->jeugdige_id; k++) {
		const struct traject *u = &d->trajecten[k];
		if (u->id == t->id)
			continue;
		if ((u->segment == SEGMENT_CRISIS || strcmp(u->categorie, "46") == 0) &&
		    u->begindatum != DAG_GEEN && u->begindatum < p)
			flags |= KPI_RISICO_VEILIGHEID;
		if (strcmp(u->categorie, "48") == 0 && traject_actief(u, p))
			flags |= KPI_RISICO_JEUGDBESCHERMING;
		if (een_van(u->reden_beeindiging, "32", "33") &&
		    u->einddatum != DAG_GEEN && u->einddatum <= p)
			flags |= KPI_RISICO_UITVAL;
	}
	return flags;
}

bool kpi_zorgelijk(const struct kpi_data *d, size_t i, dag_t peildatum,
		   const struct treeknorm norms[SEGMENT_AANTAL], unsigned *flags)
{
	const struct traject *t = &d->trajecten[i];
	unsigned r = risico(d, t, peildatum);
	if (flags)
		*flags = r;
	if (!kpi_wachtend(t, peildatum))
		return false;
	/* Staff decide over the computed status while the youth waits. */
	const struct zorgelijk_besluit *b =
		kpi_laatste_besluit(d, t->id, kpi_middernacht_amsterdam(peildatum + 1));
	if (b)
		return b->bevestigd;
	return r != 0 && kpi_boven_norm_op(t, peildatum, norms);
}

void kpi_zorgelijk_aantal(const struct kpi_data *d, const struct kpi_filter *f,
			  dag_t peildatum,
			  const struct treeknorm norms[SEGMENT_AANTAL],
			  struct kpi_aandeel *out)
{
	size_t wachtend = 0, zorgelijk = 0;
	for (size_t k = 0; k < d->n_trajecten; k++) {
		const struct traject *t = &d->trajecten[k];
		if (!traject_telt(f, t) || !kpi_wachtend(t, peildatum))
			continue;
		wachtend++;
		zorgelijk += kpi_zorgelijk(d, k, peildatum, norms, NULL);
	}
	aandeel_zet(out, wachtend, zorgelijk);
}

/* ---- Doorlooptijd, uitval, herhaald beroep ---- */

static bool beeindigd_in(const struct traject *t, dag_t van, dag_t tot)
{
	return t->status == TRAJECT_BEEINDIGD && in_periode(t->einddatum, van, tot);
}

int kpi_doorlooptijd(const struct kpi_data *d, const struct kpi_filter *f,
		     dag_t van, dag_t tot, struct kpi_verdeling *out)
{
	struct reeks r = { 0 };
	int rc = 0;
	for (size_t k = 0; k < d->n_trajecten && rc == 0; k++) {
		const struct traject *t = &d->trajecten[k];
		if (traject_telt(f, t) && beeindigd_in(t, van, tot) && t->begindatum != DAG_GEEN)
			rc = reeks_voeg(&r, datum_dagen(t->begindatum, t->einddatum));
	}
	reeks_verdeling(&r, out);
	if (rc != 0) {
		memset(out, 0, sizeof *out);
		return -1;
	}
	return 0;
}

void kpi_uitval(const struct kpi_data *d, const struct kpi_filter *f,
		dag_t van, dag_t tot, struct kpi_aandeel *out)
{
	size_t totaal = 0, uitval = 0;
	for (size_t k = 0; k < d->n_trajecten; k++) {
		const struct traject *t = &d->trajecten[k];
		if (!traject_telt(f, t) || !beeindigd_in(t, van, tot))
			continue;
		totaal++;
		uitval += een_van(t->reden_beeindiging, "32", "33");
	}
	aandeel_zet(out, totaal, uitval);
}

/* Another specialised trajectory in group [i, j) first seen in
 * (t's end, t's end + maanden]. */
static bool gevolgd(const struct kpi_data *d, size_t i, size_t j,
		    const struct traject *t, int maanden)
{
	dag_t grens = datum_plus_maanden(t->einddatum, maanden);
	for (size_t k = i; k < j; k++) {
		const struct traject *u = &d->trajecten[k];
		dag_t e = eerste_datum(u);
		if (u->id != t->id && regionaal(u) && e != DAG_GEEN &&
		    e > t->einddatum && e <= grens)
			return true;
	}
	return false;
}

void kpi_herhaald_beroep(const struct kpi_data *d, const struct kpi_filter *f,
			 dag_t van, dag_t tot, int maanden,
			 struct kpi_aandeel *out)
{
	size_t totaal = 0, herhaald = 0;
	for (size_t i = 0, j; i < d->n_trajecten; i = j) {
		j = groep_eind(d, i);
		for (size_t k = i; k < j; k++) {
			const struct traject *t = &d->trajecten[k];
			if (!traject_telt(f, t) || !beeindigd_in(t, van, tot) ||
			    !een_van(t->reden_beeindiging, "31", "34"))
				continue;
			totaal++;
			herhaald += gevolgd(d, i, j, t, maanden);
		}
	}
	aandeel_zet(out, totaal, herhaald);
}

/* ---- Thuiszitters, 18-/18+ ---- */

static bool groep_actief(const struct kpi_data *d, size_t i, size_t j, dag_t p, int segment)
{
	for (size_t k = i; k < j; k++)
		if ((segment < 0 || d->trajecten[k].segment == segment) &&
		    traject_actief(&d->trajecten[k], p))
			return true;
	return false;
}

size_t kpi_thuiszitters(const struct kpi_data *d, const char *gemeente, dag_t peildatum)
{
	size_t n = 0;
	for (size_t s = 0; s < d->n_school; s++) {
		int64_t id = d->school[s].jeugdige_id;
		/* Each youth once: at the first of their rows. */
		if (s > 0 && d->school[s - 1].jeugdige_id == id)
			continue;
		if (!school_open(d, id, peildatum, 91) || !woont_in(d, id, peildatum, gemeente))
			continue;
		size_t i = EERSTE(d->trajecten, d->n_trajecten, struct traject, jeugdige_id, id);
		size_t j = i < d->n_trajecten && d->trajecten[i].jeugdige_id == id ? groep_eind(d, i) : i;
		n += !groep_actief(d, i, j, peildatum, SEGMENT_ONDERWIJS);
	}
	return n;
}

static bool heeft_plan(const struct kpi_data *d, int64_t id, dag_t p)
{
	for (size_t i = EERSTE(d->plannen, d->n_plannen, struct perspectiefplan, jeugdige_id, id);
	     i < d->n_plannen && d->plannen[i].jeugdige_id == id; i++)
		if (d->plannen[i].datum <= p)
			return true;
	return false;
}

void kpi_overgang18(const struct kpi_data *d, const char *gemeente,
		    dag_t peildatum, struct kpi_aandeel *out)
{
	size_t totaal = 0, zonder = 0;
	dag_t grens = datum_plus_maanden(peildatum, 6);
	for (size_t i = 0, j; i < d->n_trajecten; i = j) {
		j = groep_eind(d, i);
		int64_t id = d->trajecten[i].jeugdige_id;
		const struct jeugdige *jg = kpi_jeugdige(d, id);
		if (!jg)
			continue;
		dag_t b18 = datum_verjaardag(jg->geboortedatum, 18);
		if (b18 <= peildatum || b18 > grens || !groep_actief(d, i, j, peildatum, -1) ||
		    !woont_in(d, id, peildatum, gemeente))
			continue;
		totaal++;
		zonder += !heeft_plan(d, id, peildatum);
	}
	aandeel_zet(out, totaal, zonder);
}

/* ---- Collectief, verblijf, verwijzers ---- */

void kpi_collectief(const struct kpi_data *d, const struct kpi_filter *f,
		    dag_t peildatum, struct kpi_aandeel *out)
{
	size_t actief = 0, groep = 0;
	for (size_t k = 0; k < d->n_trajecten; k++) {
		const struct traject *t = &d->trajecten[k];
		if (!traject_telt(f, t) || !traject_actief(t, peildatum))
			continue;
		actief++;
		groep += t->groep;
	}
	aandeel_zet(out, actief, groep);
}

int kpi_verblijf(const struct kpi_data *d, const char *gemeente, dag_t van,
		 dag_t tot, struct kpi_verblijf *out)
{
	struct reeks duur = { 0 };
	int rc = 0;
	memset(out, 0, sizeof *out);
	for (size_t i = 0, j; i < d->n_trajecten && rc == 0; i = j) {
		j = groep_eind(d, i);
		int64_t id = d->trajecten[i].jeugdige_id;
		static const struct telt_mee regio = { .alleen_regionaal = true, .segment = -1 };
		dag_t laatste = laatste_dag_groep(d, i, j, van, tot, &regio);
		if (laatste == DAG_GEEN || !woont_in(d, id, laatste, gemeente))
			continue;
		bool verblijf = false, crisis = false;
		for (size_t k = i; k < j; k++) {
			const struct traject *t = &d->trajecten[k];
			if (!regionaal(t) || laatste_actieve_dag(t, van, tot) == DAG_GEEN)
				continue;
			verblijf = verblijf || een_van(t->categorie, "43", "44");
			if (strcmp(t->categorie, "46") != 0)
				continue;
			crisis = true;
			if (beeindigd_in(t, van, tot))
				rc |= reeks_voeg(&duur, datum_dagen(t->begindatum, t->einddatum));
		}
		out->jeugdigen++;
		out->verblijf += verblijf;
		out->crisis += crisis;
	}
	reeks_verdeling(&duur, &out->crisis_duur);
	if (rc != 0) {
		memset(out, 0, sizeof *out);
		return -1;
	}
	if (out->jeugdigen > 0) {
		out->verblijf_aandeel = (double)out->verblijf / (double)out->jeugdigen;
		out->crisis_aandeel = (double)out->crisis / (double)out->jeugdigen;
	}
	return 0;
}

const char kpi_verwijzer_codes[KPI_VERWIJZER_AANTAL][CODE2_LEN] = {
	"01", "02", "03", "04", "05", "06", "08", "",
};

/* Index in kpi_verwijzer_codes; unknown codes go to "" (the last). */
static size_t verwijzer_index(const char *code)
{
	for (size_t i = 0; i + 1 < KPI_VERWIJZER_AANTAL; i++)
		if (strcmp(code, kpi_verwijzer_codes[i]) == 0)
			return i;
	return KPI_VERWIJZER_AANTAL - 1;
}

void kpi_verwijzers(const struct kpi_data *d, const char *gemeente, dag_t van,
		    dag_t tot, struct kpi_verwijzers *out)
{
	memset(out, 0, sizeof *out);
	for (size_t k = 0; k < d->n_trajecten; k++) {
		const struct traject *t = &d->trajecten[k];
		if (!regionaal(t) || !past(gemeente, t->gemeente) ||
		    !in_periode(eerste_datum(t), van, tot))
			continue;
		out->totaal++;
		out->aantal[verwijzer_index(t->verwijzer)]++;
	}
	for (size_t i = 0; i < KPI_VERWIJZER_AANTAL && out->totaal > 0; i++)
		out->aandeel[i] = (double)out->aantal[i] / (double)out->totaal;
}

/* ---- Money ---- */

static int cmp_i64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return (x > y) - (x < y);
}

int kpi_clientkosten(const struct kpi_data *d, const char *gemeente, int jaar,
		     struct kpi_clientkosten *out)
{
	memset(out, 0, sizeof *out);
	int64_t *ids = malloc((d->n_kosten ? d->n_kosten : 1) * sizeof *ids);
	if (!ids)
		return -1;
	size_t n = 0;
	for (size_t k = 0; k < d->n_kosten; k++) {
		const struct traject_kosten *c = &d->kosten[k];
		if (c->jaar != jaar || !past(gemeente, c->gemeente))
			continue;
		out->goedgekeurd += c->goedgekeurd;
		if (c->goedgekeurd > 0)
			ids[n++] = c->jeugdige_id;
	}
	qsort(ids, n, sizeof *ids, cmp_i64);
	for (size_t k = 0; k < n; k++)
		out->jeugdigen += k == 0 || ids[k] != ids[k - 1];
	free(ids);
	if (out->jeugdigen > 0)
		out->gemiddeld = llround((double)out->goedgekeurd / (double)out->jeugdigen);
	return 0;
}

/* Which kosten and trajectories a uitputting covers; segment -1 = all,
 * local-team help included (money has no "regional" default). */
struct selectie {
	const char *gemeente;
	const char *agb;
	int segment;
};

static bool selectie_past(const struct selectie *s, const char *gemeente,
			  const char *agb, int segment)
{
	return past(s->gemeente, gemeente) && past(s->agb, agb) &&
	       (s->segment < 0 || s->segment == segment);
}

static const struct traject *zoek_traject(const struct kpi_data *d, int64_t jeugdige_id,
					  int64_t id)
{
	for (size_t k = EERSTE(d->trajecten, d->n_trajecten, struct traject, jeugdige_id, jeugdige_id);
	     k < d->n_trajecten && d->trajecten[k].jeugdige_id == jeugdige_id; k++)
		if (d->trajecten[k].id == id)
			return &d->trajecten[k];
	return NULL;
}

/* Whole months of jaar after the month of the last approved period. */
static int resterende_maanden(dag_t laatste, int jaar)
{
	int j, m;
	datum_delen(laatste, &j, &m, NULL);
	return j > jaar ? 0 : j < jaar ? 12 : 12 - m;
}

static void uitputting(const struct kpi_data *d, const struct selectie *s, int jaar,
		       dag_t peildatum, int64_t norm, struct kpi_uitputting *out)
{
	memset(out, 0, sizeof *out);
	size_t met_historie = 0;
	for (size_t k = 0; k < d->n_kosten; k++) {
		const struct traject_kosten *c = &d->kosten[k];
		if (c->jaar != jaar)
			continue;
		if (selectie_past(s, c->gemeente, c->agb, c->segment))
			out->goedgekeurd += c->goedgekeurd;
		if (c->maanden <= 0)
			continue;
		const struct traject *t = zoek_traject(d, c->jeugdige_id, c->traject_id);
		if (!t || !traject_actief(t, peildatum) ||
		    !selectie_past(s, t->gemeente, t->agb, t->segment))
			continue;
		met_historie++;
		out->prognose += llround((double)c->goedgekeurd *
					 resterende_maanden(c->laatste_periode_eind, jaar) /
					 c->maanden);
	}
	for (size_t k = 0; k < d->n_trajecten; k++) {
		const struct traject *t = &d->trajecten[k];
		out->actief += traject_actief(t, peildatum) &&
			       selectie_past(s, t->gemeente, t->agb, t->segment);
	}
	out->zonder_historie = out->actief > met_historie ? out->actief - met_historie : 0;
	out->verwacht = out->goedgekeurd + out->prognose;
	out->norm = norm;
	if (norm != 0)
		out->aandeel = (double)out->verwacht / (double)norm;
}

void kpi_budgetuitputting(const struct kpi_data *d, const char *gemeente,
			  int jaar, int segment, dag_t peildatum,
			  struct kpi_uitputting *out)
{
	struct selectie s = { .gemeente = gemeente, .agb = NULL, .segment = segment };
	int64_t budget = 0;
	for (size_t k = 0; k < d->n_budgetten; k++) {
		const struct budget *b = &d->budgetten[k];
		if (b->jaar == jaar && past(gemeente, b->gemeente) &&
		    (segment < 0 || b->segment == segment))
			budget += b->bedrag;
	}
	uitputting(d, &s, jaar, peildatum, budget, out);
}

void kpi_plafonduitputting(const struct kpi_data *d, const char *agb, int jaar,
			   dag_t peildatum, struct kpi_uitputting *out)
{
	struct selectie s = { .gemeente = NULL, .agb = agb, .segment = -1 };
	int64_t plafond = 0;
	for (size_t k = 0; k < d->n_plafonds; k++)
		if (d->plafonds[k].jaar == jaar && past(agb, d->plafonds[k].agb))
			plafond += d->plafonds[k].bedrag;
	uitputting(d, &s, jaar, peildatum, plafond, out);
}

void treeknorm_standaard(struct treeknorm norms[SEGMENT_AANTAL])
{
	for (int s = 0; s < SEGMENT_AANTAL; s++)
		norms[s] = (struct treeknorm){ .tot_intake = 28, .intake_tot_start = 70 };
	norms[SEGMENT_CRISIS] = (struct treeknorm){ .tot_intake = 1, .intake_tot_start = 1 };
}
