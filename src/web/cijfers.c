/* cijfers: see cijfers.h. */
#include "web/cijfers.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store/cijfers_store.h"
#include "store/store.h"
#include "web/pagina.h"

#define VERSIE_LEN 32

enum soort {
	SOORT_REGEL,
	SOORT_FILTER,
	SOORT_TREND,
};

/* One cached result; waarde is NULL while it is being computed. */
struct ingang {
	enum soort soort;
	char gemeente[GEMEENTE_CODE_LEN];
	int segment;
	char agb[AGB_LEN];
	dag_t peildatum;
	void *waarde;
};

struct cijfers_stand {
	/* Set once by laad(), read-only afterwards. */
	struct kpi_data data;
	struct aanbieder *aanbieders;
	size_t n_aanbieders;
	struct capaciteit *capaciteit;
	size_t n_capaciteit;
	dag_t peildatum;
	char versie[VERSIE_LEN];

	/* refs under stand_slot; the cache under slot. */
	unsigned refs;
	pthread_mutex_t slot;
	pthread_cond_t klaar;
	size_t n_ingangen;
	struct ingang ingangen[CIJFERS_CACHE_MAX];
};

/* The current stand and the reload state. */
static pthread_mutex_t stand_slot = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t stand_geladen = PTHREAD_COND_INITIALIZER;
static struct cijfers_stand *huidig;
static bool bezig_laden;
static int64_t laatste_controle_ms;

static int64_t nu_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void stand_vrij(struct cijfers_stand *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->n_ingangen; i++)
		free(s->ingangen[i].waarde);
	store_kpi_release(&s->data);
	free(s->aanbieders);
	free(s->capaciteit);
	pthread_mutex_destroy(&s->slot);
	pthread_cond_destroy(&s->klaar);
	free(s);
}

struct laad_arg {
	struct cijfers_stand *s;
};

/* Everything of one stand in one read snapshot; the version first, so
 * that a write racing the load makes the next check reload rather than
 * hide. */
static int laad_snapshot(struct store *st, void *arg)
{
	struct cijfers_stand *s = ((struct laad_arg *)arg)->s;
	char buf[VERSIE_LEN];
	int rc;

	rc = store_meta_get(st, STORE_DATA_VERSIE, s->versie, sizeof s->versie);
	if (rc < 0)
		return rc;
	if (rc == 0)
		s->versie[0] = '\0';
	rc = store_meta_get(st, "demo.tot", buf, sizeof buf);
	if (rc < 0)
		return rc;
	if (rc == 0 || datum_parse(buf, &s->peildatum) < 0)
		s->peildatum = pagina_vandaag();
	if ((rc = store_kpi_load(st, &s->data)) < 0)
		return rc;
	if ((rc = store_cijfers_aanbieders(st, &s->aanbieders, &s->n_aanbieders)) < 0)
		return rc;
	if ((rc = store_cijfers_capaciteit(st, &s->capaciteit, &s->n_capaciteit)) < 0)
		return rc;
	return 0;
}

static int laad(struct store *st, struct cijfers_stand **out)
{
	struct cijfers_stand *s = calloc(1, sizeof *s);
	struct laad_arg a;
	int rc;

	*out = NULL;
	if (!s)
		return store_set_error(st, "onvoldoende geheugen voor de indicatoren");
	if (pthread_mutex_init(&s->slot, NULL) != 0) {
		free(s);
		return store_set_error(st, "pthread_mutex_init mislukt");
	}
	if (pthread_cond_init(&s->klaar, NULL) != 0) {
		pthread_mutex_destroy(&s->slot);
		free(s);
		return store_set_error(st, "pthread_cond_init mislukt");
	}
	a.s = s;
	rc = store_begin_read(st);
	if (rc >= 0) {
		rc = laad_snapshot(st, &a);
		if (rc < 0)
			store_rollback(st);
		else
			rc = store_commit(st);
	}
	if (rc < 0) {
		stand_vrij(s);
		return rc;
	}
	s->refs = 1;   /* the reference of `huidig` */
	*out = s;
	return 0;
}

/* The version in the store now. */
static int lees_versie(struct store *st, char out[VERSIE_LEN])
{
	int rc = store_meta_get(st, STORE_DATA_VERSIE, out, VERSIE_LEN);

	if (rc == 0)
		out[0] = '\0';
	return rc < 0 ? rc : 0;
}

int cijfers_pak(struct store *st, struct cijfers_stand **out)
{
	char versie[VERSIE_LEN];
	struct cijfers_stand *nieuw, *oud;
	int64_t t = nu_ms();
	int rc;

	*out = NULL;
	pthread_mutex_lock(&stand_slot);
	for (;;) {
		if (huidig && (bezig_laden || t - laatste_controle_ms < CIJFERS_CONTROLE_MS)) {
			huidig->refs++;
			*out = huidig;
			pthread_mutex_unlock(&stand_slot);
			return 0;
		}
		if (!bezig_laden)
			break;
		/* The first load: wait for it. */
		pthread_cond_wait(&stand_geladen, &stand_slot);
		t = nu_ms();
	}
	if (huidig) {
		/* Check the version; others go on meanwhile. */
		laatste_controle_ms = t;
		pthread_mutex_unlock(&stand_slot);
		rc = lees_versie(st, versie);
		if (rc < 0)
			return rc;
		pthread_mutex_lock(&stand_slot);
		if (huidig && (bezig_laden || strcmp(versie, huidig->versie) == 0)) {
			huidig->refs++;
			*out = huidig;
			pthread_mutex_unlock(&stand_slot);
			return 0;
		}
		if (!huidig && bezig_laden) {
			pthread_mutex_unlock(&stand_slot);
			return cijfers_pak(st, out);
		}
	}
	bezig_laden = true;
	pthread_mutex_unlock(&stand_slot);

	rc = laad(st, &nieuw);

	pthread_mutex_lock(&stand_slot);
	bezig_laden = false;
	oud = NULL;
	if (rc == 0) {
		oud = huidig;
		huidig = nieuw;
		laatste_controle_ms = nu_ms();
	}
	if (huidig) {
		/* A failed reload keeps serving the old stand. */
		huidig->refs++;
		*out = huidig;
	}
	pthread_cond_broadcast(&stand_geladen);
	pthread_mutex_unlock(&stand_slot);
	if (oud)
		cijfers_laat(oud);
	return *out ? 0 : rc;
}

void cijfers_laat(struct cijfers_stand *s)
{
	bool weg;

	if (!s)
		return;
	pthread_mutex_lock(&stand_slot);
	weg = --s->refs == 0;
	pthread_mutex_unlock(&stand_slot);
	if (weg)
		stand_vrij(s);
}

void cijfers_sluit(void)
{
	struct cijfers_stand *s;

	pthread_mutex_lock(&stand_slot);
	s = huidig;
	huidig = NULL;
	laatste_controle_ms = 0;
	pthread_mutex_unlock(&stand_slot);
	cijfers_laat(s);
}

const struct kpi_data *cijfers_data(const struct cijfers_stand *s)
{
	return &s->data;
}

dag_t cijfers_peildatum(const struct cijfers_stand *s)
{
	return s->peildatum;
}

const char *cijfers_versie(const struct cijfers_stand *s)
{
	return s->versie;
}

const struct gemeente *cijfers_gemeente(const struct cijfers_stand *s, const char *code)
{
	if (!code)
		return NULL;
	for (size_t i = 0; i < s->data.n_gemeenten; i++)
		if (strcmp(s->data.gemeenten[i].code, code) == 0)
			return &s->data.gemeenten[i];
	return NULL;
}

static int agb_cmp(const void *k, const void *e)
{
	return strcmp(k, ((const struct aanbieder *)e)->agb);
}

const struct aanbieder *cijfers_aanbieder(const struct cijfers_stand *s, const char *agb)
{
	if (!agb || !s->n_aanbieders)
		return NULL;
	return bsearch(agb, s->aanbieders, s->n_aanbieders, sizeof *s->aanbieders, agb_cmp);
}

void cijfers_capaciteit(const struct cijfers_stand *s, const char *agb, dag_t peildatum,
			struct cijfers_capaciteit *out)
{
	dag_t laatste = DAG_GEEN;

	memset(out, 0, sizeof *out);
	out->peildatum = DAG_GEEN;
	/* Sorted by (agb, peildatum): the last report day on or before P. */
	for (size_t i = 0; i < s->n_capaciteit; i++) {
		const struct capaciteit *c = &s->capaciteit[i];

		if (strcmp(c->agb, agb) == 0 && c->peildatum <= peildatum)
			laatste = c->peildatum;
	}
	if (laatste == DAG_GEEN)
		return;
	out->peildatum = laatste;
	for (size_t i = 0; i < s->n_capaciteit; i++) {
		const struct capaciteit *c = &s->capaciteit[i];

		if (strcmp(c->agb, agb) != 0 || c->peildatum != laatste)
			continue;
		out->producten++;
		out->vrije_plaatsen += c->vrije_plaatsen;
		out->crisis_gereserveerd += c->crisis_gereserveerd;
	}
}

/* ---- pure computations ------------------------------------------------ */

void cijfers_trend_peildata(dag_t peildatum, dag_t out[CIJFERS_TREND_PUNTEN])
{
	int j, m;

	datum_delen(peildatum, &j, &m, NULL);
	/* The last quarter start before P (P itself is the last point), then
	 * back three months at a time. */
	m = ((m - 1) / 3) * 3 + 1;
	if (datum_van(j, m, 1) == peildatum) {
		m -= 3;
		if (m < 1) {
			m += 12;
			j--;
		}
	}
	for (int i = CIJFERS_TREND_PUNTEN - 2; i >= 0; i--) {
		out[i] = datum_van(j, m, 1);
		m -= 3;
		if (m < 1) {
			m += 12;
			j--;
		}
	}
	out[CIJFERS_TREND_PUNTEN - 1] = peildatum;
}

static const char *leeg_null(const char *s)
{
	return s && *s ? s : NULL;
}

int cijfers_bereken_punt(const struct kpi_data *d, const char *gemeente, dag_t peildatum,
			 struct cijfers_punt *out)
{
	const struct treeknorm *norms = d->norms;
	struct kpi_rapport_perioden p;
	struct kpi_filter f = { leeg_null(gemeente), -1, NULL };
	int rc = 0;

	memset(out, 0, sizeof *out);
	gemeente = leeg_null(gemeente);
	kpi_rapport_perioden(peildatum, &p);
	out->peildatum = peildatum;
	rc |= kpi_wachttijd(d, &f, p.m12_van, peildatum, peildatum, norms, &out->wachttijd);
	kpi_zorgelijk_aantal(d, &f, peildatum, norms, &out->zorgelijk);
	out->thuiszitters = kpi_thuiszitters(d, gemeente, peildatum);
	kpi_overgang18(d, gemeente, peildatum, &out->overgang18);
	kpi_collectief(d, &f, peildatum, &out->collectief);
	rc |= kpi_verblijf(d, gemeente, p.m12_van, peildatum, &out->verblijf);
	kpi_uitval(d, &f, p.m12_van, peildatum, &out->uitval);
	return rc ? -1 : 0;
}

int cijfers_bereken_trend(const struct kpi_data *d, const char *gemeente, dag_t peildatum,
			  struct cijfers_trend *out)
{
	dag_t pd[CIJFERS_TREND_PUNTEN];
	int jaar;

	memset(out, 0, sizeof *out);
	gemeente = leeg_null(gemeente);
	if (gemeente)
		snprintf(out->code, sizeof out->code, "%s", gemeente);
	out->peildatum = peildatum;
	cijfers_trend_peildata(peildatum, pd);
	for (size_t i = 0; i < CIJFERS_TREND_PUNTEN; i++)
		if (cijfers_bereken_punt(d, gemeente, pd[i], &out->punten[i]) < 0)
			return -1;
	out->n_punten = CIJFERS_TREND_PUNTEN;
	datum_delen(peildatum, &jaar, NULL, NULL);
	for (int i = 0; i < CIJFERS_TREND_JAREN; i++) {
		int y = jaar - (CIJFERS_TREND_JAREN - 1) + i;

		out->jaren[i] = y;
		kpi_jeugdhulpgebruik(d, gemeente, datum_van(y, 1, 1), datum_van(y, 12, 31), false,
				     &out->gebruik[i]);
	}
	out->n_jaren = CIJFERS_TREND_JAREN;
	return 0;
}

int cijfers_bereken_filter(const struct kpi_data *d, const char *gemeente, int segment,
			   const char *agb, dag_t peildatum, struct cijfers_filterregel *out)
{
	const struct treeknorm *norms = d->norms;
	struct kpi_rapport_perioden p;
	struct kpi_filter f = { leeg_null(gemeente), segment, leeg_null(agb) };
	int rc = 0;

	memset(out, 0, sizeof *out);
	kpi_rapport_perioden(peildatum, &p);
	rc |= kpi_wachttijd(d, &f, p.m12_van, peildatum, peildatum, norms, &out->wachttijd);
	kpi_zorgelijk_aantal(d, &f, peildatum, norms, &out->zorgelijk);
	rc |= kpi_doorlooptijd(d, &f, p.m12_van, peildatum, &out->doorlooptijd);
	kpi_uitval(d, &f, p.m12_van, peildatum, &out->uitval);
	kpi_herhaald_beroep(d, &f, p.herhaald12_van, p.herhaald12_tot, 12, &out->herhaald12);
	kpi_herhaald_beroep(d, &f, p.herhaald6_van, p.herhaald6_tot, 6, &out->herhaald6);
	kpi_collectief(d, &f, peildatum, &out->collectief);
	if (f.agb) {
		out->met_plafond = true;
		kpi_plafonduitputting(d, f.agb, p.jaar, peildatum, &out->plafond);
	}
	return rc ? -1 : 0;
}

/* ---- the cache ---------------------------------------------------------- */

static bool zelfde(const struct ingang *e, enum soort soort, const char *gemeente, int segment,
		   const char *agb, dag_t peildatum)
{
	return e->soort == soort && e->segment == segment && e->peildatum == peildatum &&
	       strcmp(e->gemeente, gemeente) == 0 && strcmp(e->agb, agb) == 0;
}

/* Drop every finished result (the cache is full); results being computed
 * stay. Under s->slot. */
static void opruimen(struct cijfers_stand *s)
{
	size_t k = 0;

	for (size_t i = 0; i < s->n_ingangen; i++) {
		if (s->ingangen[i].waarde) {
			free(s->ingangen[i].waarde);
			continue;
		}
		s->ingangen[k++] = s->ingangen[i];
	}
	s->n_ingangen = k;
}

static int bereken(const struct cijfers_stand *s, enum soort soort, const char *gemeente,
		   int segment, const char *agb, dag_t peildatum, void *uit)
{
	switch (soort) {
	case SOORT_REGEL: {
		struct kpi_rapport_perioden p;
		const struct gemeente *g = cijfers_gemeente(s, gemeente);
		struct kpi_rapport_regel *r = uit;
		char err[128];

		kpi_rapport_perioden(peildatum, &p);
		if (kpi_rapport_bereken(&s->data, leeg_null(gemeente), &p, r, err, sizeof err) < 0)
			return -1;
		if (g) {
			snprintf(r->naam, sizeof r->naam, "%s", g->naam);
			snprintf(r->subregio, sizeof r->subregio, "%s", g->subregio);
		} else {
			snprintf(r->naam, sizeof r->naam, "Regio totaal");
		}
		return 0;
	}
	case SOORT_FILTER:
		return cijfers_bereken_filter(&s->data, gemeente, segment, agb, peildatum, uit);
	case SOORT_TREND:
		return cijfers_bereken_trend(&s->data, gemeente, peildatum, uit);
	}
	return -1;
}

/* The cached result of this kind and key copied into uit (size grootte),
 * computing it once when absent. */
static int gecached(struct cijfers_stand *s, enum soort soort, const char *gemeente, int segment,
		    const char *agb, dag_t peildatum, void *uit, size_t grootte)
{
	struct ingang *e = NULL;
	void *w;
	int rc;

	gemeente = gemeente ? gemeente : "";
	agb = agb ? agb : "";
	if (strlen(gemeente) >= GEMEENTE_CODE_LEN || strlen(agb) >= AGB_LEN)
		return bereken(s, soort, gemeente, segment, agb, peildatum, uit);
	pthread_mutex_lock(&s->slot);
	for (;;) {
		e = NULL;
		for (size_t i = 0; i < s->n_ingangen; i++)
			if (zelfde(&s->ingangen[i], soort, gemeente, segment, agb, peildatum)) {
				e = &s->ingangen[i];
				break;
			}
		if (!e || e->waarde)
			break;
		/* Another request computes it now. */
		pthread_cond_wait(&s->klaar, &s->slot);
	}
	if (e) {
		memcpy(uit, e->waarde, grootte);
		pthread_mutex_unlock(&s->slot);
		return 0;
	}
	if (s->n_ingangen == CIJFERS_CACHE_MAX)
		opruimen(s);
	if (s->n_ingangen == CIJFERS_CACHE_MAX) {
		/* Full of computations in flight: compute without caching. */
		pthread_mutex_unlock(&s->slot);
		return bereken(s, soort, gemeente, segment, agb, peildatum, uit);
	}
	e = &s->ingangen[s->n_ingangen++];
	memset(e, 0, sizeof *e);
	e->soort = soort;
	snprintf(e->gemeente, sizeof e->gemeente, "%s", gemeente);
	e->segment = segment;
	snprintf(e->agb, sizeof e->agb, "%s", agb);
	e->peildatum = peildatum;
	pthread_mutex_unlock(&s->slot);

	w = malloc(grootte);
	rc = w ? bereken(s, soort, gemeente, segment, agb, peildatum, w) : -1;
	if (rc == 0)
		memcpy(uit, w, grootte);

	pthread_mutex_lock(&s->slot);
	/* Entries may have moved (opruimen): find ours again. */
	for (size_t i = 0; i < s->n_ingangen; i++) {
		struct ingang *x = &s->ingangen[i];

		if (x->waarde || !zelfde(x, soort, gemeente, segment, agb, peildatum))
			continue;
		if (rc == 0) {
			x->waarde = w;
			w = NULL;
		} else {
			s->ingangen[i] = s->ingangen[--s->n_ingangen];
		}
		break;
	}
	pthread_cond_broadcast(&s->klaar);
	pthread_mutex_unlock(&s->slot);
	free(w);
	return rc;
}

int cijfers_regel(struct cijfers_stand *s, const char *gemeente, dag_t peildatum,
		  struct kpi_rapport_regel *out)
{
	return gecached(s, SOORT_REGEL, gemeente, -1, NULL, peildatum, out, sizeof *out);
}

int cijfers_filter(struct cijfers_stand *s, const char *gemeente, int segment, const char *agb,
		   dag_t peildatum, struct cijfers_filterregel *out)
{
	return gecached(s, SOORT_FILTER, gemeente, segment, agb, peildatum, out, sizeof *out);
}

int cijfers_trend(struct cijfers_stand *s, const char *gemeente, dag_t peildatum,
		  struct cijfers_trend *out)
{
	return gecached(s, SOORT_TREND, gemeente, -1, NULL, peildatum, out, sizeof *out);
}
