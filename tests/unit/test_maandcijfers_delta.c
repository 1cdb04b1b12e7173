/* test_maandcijfers_delta: new Prestaties kept in the monthly aggregates
 * as direct deltas (store/maandcijfers_delta.h) leave them equal to a
 * full rebuild: random Prestaties on random trajectories, approved or
 * not, debit and credit, several per trajectory and youth, in months of
 * several years (beyond the horizon too), written in batches; a batch
 * whose transaction fails leaves nothing behind. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "demo/demo.h"
#include "domain/datum.h"
#include "domain/kpi.h"
#include "lib/rng.h"
#include "store/maandcijfers_delta.h"
#include "store/maandcijfers_store.h"
#include "store/store.h"

#define TOT_JAAR 2027

struct fixture {
	char dir[64];
	char path[128];
	struct store *st;
};

static int herbouw_tx(struct store *st, void *arg)
{
	(void)arg;
	return store_maandcijfers_herbouw(st, TOT_JAAR);
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	struct demo_opties o = { .seed = 5, .schaal = 0.02, .tot = datum_van(2026, 11, 25) };
	struct demo_telling t;
	char err[256];

	if (!f)
		return -1;
	snprintf(f->dir, sizeof f->dir, "/tmp/jr_mc_delta_XXXXXX");
	if (!mkdtemp(f->dir))
		return -1;
	snprintf(f->path, sizeof f->path, "%s/m.db", f->dir);
	f->st = store_open(f->path, err, sizeof err);
	if (!f->st || demo_maak(f->st, &o, &t, err, sizeof err) < 0) {
		fprintf(stderr, "demo: %s\n", err);
		return -1;
	}
	if (store_transaction(f->st, herbouw_tx, NULL) < 0) {
		fprintf(stderr, "herbouw: %s\n", store_error(f->st));
		return -1;
	}
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	char p[160];

	store_close(f->st);
	snprintf(p, sizeof p, "%s-wal", f->path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", f->path);
	unlink(p);
	snprintf(p, sizeof p, "%s-journal", f->path);
	unlink(p);
	unlink(f->path);
	rmdir(f->dir);
	free(f);
	return 0;
}

struct reeks {
	struct rng *r;
	const struct kpi_data *d;
	int64_t volgend_id;
	bool mislukt;            /* end the transaction with a failure */
};

/* One Prestatie of a random trajectory (or of the youth's other one),
 * noted in *mc. */
static int prestatie(struct store *st, struct reeks *w, const struct traject *t,
		     struct maandcijfers_delta **mc)
{
	static const int jaren[] = { 2024, 2025, 2026, 2026, 2026, 2028 };
	dag_t dag = datum_van(jaren[rng_below(w->r, 6)], 1 + (int)rng_below(w->r, 12), 1);
	struct declaratie dc = { .id = w->volgend_id++, .periode_begin = dag,
				 .periode_eind = dag, .dagtekening = dag };
	int rc;

	snprintf(dc.nummer, sizeof dc.nummer, "D%lld", (long long)dc.id);
	snprintf(dc.agb, sizeof dc.agb, "%s", t->agb);
	snprintf(dc.gemeente, sizeof dc.gemeente, "%s", t->gemeente);
	if ((rc = store_put_declaratie(st, &dc)) < 0)
		return rc;
	struct prestatie p = { .id = w->volgend_id++, .declaratie_id = dc.id,
			       .jeugdige_id = t->jeugdige_id, .traject_id = t->id,
			       .toewijzing_nummer = t->toewijzing_nummer,
			       .periode_begin = dag, .periode_eind = datum_maand_eind(dag),
			       .volume = 1, .tarief = 5000,
			       /* credits too: a sum of the year may fall to 0 */
			       .bedrag = (int64_t)rng_below(w->r, 15000) - 6000,
			       .goedgekeurd = rng_below(w->r, 4) != 0 };
	snprintf(p.referentie, sizeof p.referentie, "R%lld", (long long)p.id);
	snprintf(p.categorie, sizeof p.categorie, "%s", t->categorie);
	snprintf(p.productcode, sizeof p.productcode, "%s", t->productcode);
	snprintf(p.eenheid, sizeof p.eenheid, "14");
	snprintf(p.retourcode, sizeof p.retourcode, "%s", p.goedgekeurd ? "0200" : "8001");
	if ((rc = store_put_prestatie(st, &p)) < 0)
		return rc;
	return store_maandcijfers_prestatie(st, mc, &p);
}

static int reeks_tx(struct store *st, void *arg)
{
	struct reeks *w = arg;
	struct maandcijfers_delta *mc = NULL;
	int rc = 0;

	for (int i = 0; i < 40 && rc >= 0; i++) {
		const struct traject *t = &w->d->trajecten[rng_below(w->r, w->d->n_trajecten)];
		if (!t->agb[0])
			continue;
		/* Often more than one of the same trajectory or youth. */
		int n = 1 + (int)rng_below(w->r, 3);
		for (int k = 0; k < n && rc >= 0; k++) {
			const struct traject *u = t;
			if (k > 0 && t + 1 < w->d->trajecten + w->d->n_trajecten &&
			    t[1].jeugdige_id == t->jeugdige_id && t[1].agb[0])
				u = t + 1;
			rc = prestatie(st, w, u, &mc);
		}
	}
	if (rc >= 0 && w->mislukt)
		rc = store_set_error(st, "test: deze reeks mislukt");
	if (rc < 0) {
		store_maandcijfers_delta_vergeet(&mc);
		return rc;
	}
	return store_maandcijfers_delta_schrijf(st, &mc);
}

static void test_prestaties_als_delta(void **state)
{
	struct fixture *f = *state;
	struct kpi_data d;
	struct rng r;
	struct reeks w = { .r = &r, .d = &d, .volgend_id = 900000000 };

	rng_stream(&r, 7, 1);
	assert_int_equal(store_kpi_load(f->st, &d), 0);
	for (int i = 0; i < 30; i++) {
		w.mislukt = i % 7 == 3;
		int rc = store_transaction(f->st, reeks_tx, &w);
		if (w.mislukt)
			assert_true(rc < 0);
		else if (rc < 0)
			fail_msg("reeks %d: %s", i, store_error(f->st));
	}
	store_kpi_release(&d);
	assert_int_equal(store_maandcijfers_controleer(f->st, stderr), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_prestaties_als_delta, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
