/* signaal_cache: see signaal_cache.h. */
#include "web/signaal_cache.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store/garp_store.h"
#include "store/store.h"
#include "web/cijfers.h"

#define VERSIE_LEN 32
/* At most this many signals per series of one unit (36 months, two
 * rules each). */
#define MELDINGEN_MAX (2 * REEKSEN_MAANDEN)

struct signaal_stand {
	char versie[VERSIE_LEN];
	dag_t peildatum;
	unsigned refs;
	struct garp_gezin *gezinnen;
	size_t n_gezinnen;
	struct doelen_overzicht doelen;
	dag_t maanden[REEKSEN_MAANDEN];
	size_t n_eenheden;
	struct signaal_punt *punten;     /* [reeks][eenheid][maand] */
	struct signaal_lijnen *lijnen;   /* [reeks][eenheid] */
	struct signaal_gevonden *signalen;
	size_t n_signalen;
	double ms_reeksen;
	double ms_doelen;
};

static pthread_mutex_t slot = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t klaar = PTHREAD_COND_INITIALIZER;
static struct signaal_stand *huidig;
static bool bezig;

static double nu_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

static void stand_vrij(struct signaal_stand *s)
{
	if (!s)
		return;
	free(s->gezinnen);
	doelen_vrij(&s->doelen);
	free(s->punten);
	free(s->lijnen);
	free(s->signalen);
	free(s);
}

static int lees_gezinnen(struct store *st, struct signaal_stand *s)
{
	int rc = store_begin_read(st);

	if (rc < 0)
		return rc;
	rc = store_garp_gezinnen(st, &s->gezinnen, &s->n_gezinnen);
	if (rc < 0) {
		store_rollback(st);
		return rc;
	}
	return store_commit(st);
}

static int signaal_voeg(struct signaal_stand *s, size_t *cap, const struct signaal_gevonden *g)
{
	if (s->n_signalen == *cap) {
		size_t nc = *cap ? 2 * *cap : 64;
		struct signaal_gevonden *p = realloc(s->signalen, nc * sizeof *p);

		if (!p)
			return -1;
		s->signalen = p;
		*cap = nc;
	}
	s->signalen[s->n_signalen++] = *g;
	return 0;
}

/* The series and their signals (the one place that knows their source). */
static int bereken(const struct kpi_data *d, struct signaal_stand *s)
{
	struct signaal_melding m[MELDINGEN_MAX];
	size_t cap = 0;

	s->n_eenheden = s->doelen.n_eenheden;
	s->punten = calloc(REEKSEN_AANTAL * s->n_eenheden * REEKSEN_MAANDEN, sizeof *s->punten);
	s->lijnen = calloc(REEKSEN_AANTAL * s->n_eenheden, sizeof *s->lijnen);
	if (!s->punten || !s->lijnen)
		return -1;
	for (size_t e = 0; e < s->n_eenheden; e++) {
		const char *code = s->doelen.eenheden[e].code;

		for (int r = 0; r < REEKSEN_AANTAL; r++) {
			struct signaal_punt *p =
				&s->punten[((size_t)r * s->n_eenheden + e) * REEKSEN_MAANDEN];
			size_t n;

			for (size_t i = 0; i < REEKSEN_MAANDEN; i++)
				if (reeksen_punt(d, s->gezinnen, s->n_gezinnen, (enum reeksen_id)r,
						 code, s->maanden[i], &p[i]) < 0)
					return -1;
			n = signaal_toets(p, REEKSEN_MAANDEN, REEKSEN_BASIS, reeksen_defs[r].kaart,
					  reeksen_defs[r].hoger_slechter, m, MELDINGEN_MAX,
					  &s->lijnen[(size_t)r * s->n_eenheden + e]);
			for (size_t k = 0; k < n && k < MELDINGEN_MAX; k++) {
				struct signaal_gevonden g = {
					.reeks = (enum reeksen_id)r, .eenheid = e, .m = m[k],
					.rollen = reeksen_rollen((enum reeksen_id)r, code),
				};

				if (signaal_voeg(s, &cap, &g) < 0)
					return -1;
			}
		}
	}
	return 0;
}

static int maak(struct store *st, struct cijfers_stand *c, struct signaal_stand **out)
{
	struct signaal_stand *s = calloc(1, sizeof *s);
	const struct kpi_data *d = cijfers_data(c);
	double t0, t1;
	int rc;

	*out = NULL;
	if (!s)
		return store_set_error(st, "onvoldoende geheugen voor de signalen");
	snprintf(s->versie, sizeof s->versie, "%s", cijfers_versie(c));
	s->peildatum = cijfers_peildatum(c);
	rc = lees_gezinnen(st, s);
	if (rc < 0) {
		stand_vrij(s);
		return rc;
	}
	t0 = nu_ms();
	if (doelen_bereken(d, s->gezinnen, s->n_gezinnen, s->peildatum, &s->doelen) < 0) {
		stand_vrij(s);
		return store_set_error(st, "onvoldoende geheugen voor de doelen");
	}
	t1 = nu_ms();
	reeksen_maanden(s->peildatum, s->maanden);
	if (bereken(d, s) < 0) {
		stand_vrij(s);
		return store_set_error(st, "onvoldoende geheugen voor de signalen");
	}
	s->ms_doelen = t1 - t0;
	s->ms_reeksen = nu_ms() - t1;
	fprintf(stderr, "signalen: doelen in %.0f ms, %d reeksen x %zu eenheden x %d maanden in "
		"%.0f ms, %zu signalen (data versie %s)\n", s->ms_doelen, REEKSEN_AANTAL,
		s->n_eenheden, REEKSEN_MAANDEN, s->ms_reeksen, s->n_signalen, s->versie);
	s->refs = 1;   /* the reference of `huidig` */
	*out = s;
	return 0;
}

static bool actueel(const struct signaal_stand *s, const struct cijfers_stand *c)
{
	return s && s->peildatum == cijfers_peildatum(c) && strcmp(s->versie, cijfers_versie(c)) == 0;
}

int signaal_pak(struct store *st, struct signaal_stand **out)
{
	struct cijfers_stand *c;
	struct signaal_stand *nieuw = NULL, *oud = NULL;
	int rc;

	*out = NULL;
	rc = cijfers_pak(st, &c);
	if (rc < 0)
		return rc;
	pthread_mutex_lock(&slot);
	while (bezig && !actueel(huidig, c))
		pthread_cond_wait(&klaar, &slot);
	if (actueel(huidig, c)) {
		huidig->refs++;
		*out = huidig;
		pthread_mutex_unlock(&slot);
		cijfers_laat(c);
		return 0;
	}
	bezig = true;
	pthread_mutex_unlock(&slot);

	rc = maak(st, c, &nieuw);
	cijfers_laat(c);

	pthread_mutex_lock(&slot);
	bezig = false;
	if (rc == 0) {
		oud = huidig;
		huidig = nieuw;
		huidig->refs++;
		*out = huidig;
	}
	pthread_cond_broadcast(&klaar);
	pthread_mutex_unlock(&slot);
	signaal_laat(oud);
	return rc < 0 ? rc : 0;
}

void signaal_laat(struct signaal_stand *s)
{
	bool weg;

	if (!s)
		return;
	pthread_mutex_lock(&slot);
	weg = --s->refs == 0;
	pthread_mutex_unlock(&slot);
	if (weg)
		stand_vrij(s);
}

const char *signaal_stand_versie(const struct signaal_stand *s)
{
	return s->versie;
}

dag_t signaal_stand_peildatum(const struct signaal_stand *s)
{
	return s->peildatum;
}

const struct doelen_overzicht *signaal_stand_doelen(const struct signaal_stand *s)
{
	return &s->doelen;
}

const dag_t *signaal_stand_maanden(const struct signaal_stand *s)
{
	return s->maanden;
}

const struct signaal_punt *signaal_stand_reeks(const struct signaal_stand *s,
					       enum reeksen_id r, size_t e)
{
	return &s->punten[((size_t)r * s->n_eenheden + e) * REEKSEN_MAANDEN];
}

const struct signaal_lijnen *signaal_stand_lijnen(const struct signaal_stand *s,
						  enum reeksen_id r, size_t e)
{
	return &s->lijnen[(size_t)r * s->n_eenheden + e];
}

const struct signaal_gevonden *signaal_stand_signalen(const struct signaal_stand *s, size_t *n)
{
	*n = s->n_signalen;
	return s->signalen;
}

double signaal_stand_ms_reeksen(const struct signaal_stand *s)
{
	return s->ms_reeksen;
}

double signaal_stand_ms_doelen(const struct signaal_stand *s)
{
	return s->ms_doelen;
}
