/* test_koppel_store: the matching's own narrow read of the waiting list
 * (store_koppel_bouw, store/koppel_store.c) against the waiting list's
 * path (store_wachtlijst_laad + wachtlijst_bereken) on a small demo
 * region, on several peildata: the same waiting trajecten in the same
 * order, with the same weeks waited, Treeknorm state (through the urgency),
 * zorgelijk status, crisis, age, segment, product, gemeente and aanbieder.
 * And the capacity: every place is the latest report on the peildatum,
 * not stale. */
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
#include "domain/wachtlijst.h"
#include "store/capaciteit_store.h"
#include "store/koppel_store.h"
#include "store/store.h"
#include "store/wachtlijst_store.h"

struct fixture {
	char dir[64];
	char path[128];
	struct store *st;
	dag_t tot;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	struct demo_opties o = { .seed = 7, .schaal = 0.1 };
	struct demo_telling t;
	char err[256];

	if (!f)
		return -1;
	f->tot = datum_van(2026, 11, 25);
	o.tot = f->tot;
	snprintf(f->dir, sizeof f->dir, "/tmp/jr_koppel_store_XXXXXX");
	if (!mkdtemp(f->dir))
		return -1;
	snprintf(f->path, sizeof f->path, "%s/k.db", f->dir);
	f->st = store_open(f->path, err, sizeof err);
	if (!f->st || demo_maak(f->st, &o, &t, err, sizeof err) < 0) {
		fprintf(stderr, "demo: %s\n", err);
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
	unlink(f->path);
	snprintf(p, sizeof p, "%s-wal", f->path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", f->path);
	unlink(p);
	rmdir(f->dir);
	free(f);
	return 0;
}

struct vergelijk {
	dag_t peildatum;
	struct wachtlijst_data wd;
	struct wachtlijst_regel *regels;
	size_t n_regels;
	struct koppel_instantie ki;
	struct capaciteit_melding *cap;
	size_t n_cap;
	int64_t verouderd;
};

static int vergelijk_tx(struct store *st, void *arg)
{
	struct vergelijk *v = arg;
	struct store_scope alles = { .alles = true };
	struct treeknorm norms[SEGMENT_AANTAL];
	int rc;

	if ((rc = store_treeknormen(st, norms)) < 0 ||
	    (rc = store_wachtlijst_laad(st, &alles, v->peildatum, 0, &v->wd)) < 0)
		return rc;
	if (wachtlijst_bereken(&v->wd.d, v->wd.toon, v->peildatum, norms, &v->regels,
			       &v->n_regels) < 0)
		return -2;
	if ((rc = store_capaciteit_actueel(st, "", &v->cap, &v->n_cap)) < 0 ||
	    (rc = store_capaciteit_verouderd(st, &v->verouderd)) < 0)
		return rc;
	return store_koppel_bouw(st, v->peildatum, NULL, &v->ki);
}

#define URGENT (KPI_RISICO_VEILIGHEID | KPI_RISICO_THUISZITTER | KPI_RISICO_LEEFTIJD | \
		KPI_RISICO_JEUGDBESCHERMING | KPI_RISICO_UITVAL)

static void vergelijk_op(struct fixture *f, dag_t peildatum)
{
	struct vergelijk v;
	size_t k = 0, zorgelijk = 0, plekken = 0;

	memset(&v, 0, sizeof v);
	v.peildatum = peildatum;
	assert_int_equal(store_transaction(f->st, vergelijk_tx, &v), 0);
	assert_true(v.n_regels > 20);
	for (size_t i = 0; i < v.n_regels; i++) {
		const struct wachtlijst_regel *r = &v.regels[i];
		const struct koppel_wachtende *w;
		enum koppel_urgentie u;

		if (!r->j || r->j->geboortedatum == DAG_GEEN)
			continue; /* the matching leaves those out (no age) */
		assert_true(k < v.ki.n_wacht);
		w = &v.ki.wacht[k++];
		assert_int_equal(w->traject_id, r->t->id);
		assert_int_equal(w->jeugdige_id, r->t->jeugdige_id);
		assert_int_equal(w->weken, r->dagen > 0 ? r->dagen / 7 : 0);
		assert_int_equal(w->zorgelijk, r->zorgelijk);
		u = r->zorgelijk ? URGENTIE_HOOG
		    : (r->risico & URGENT) ? URGENTIE_VERHOOGD : URGENTIE_NORMAAL;
		assert_int_equal(w->urgentie, u);
		assert_int_equal(w->crisis, r->t->segment == SEGMENT_CRISIS ||
					    r->t->veiligheidssignaal);
		assert_int_equal(w->leeftijd, datum_leeftijd(r->j->geboortedatum, peildatum) < 0
					      ? 0 : datum_leeftijd(r->j->geboortedatum, peildatum));
		assert_int_equal(w->segment, r->t->segment);
		assert_string_equal(w->productcode, r->t->productcode);
		assert_string_equal(w->gemeente, r->t->gemeente);
		assert_string_equal(w->huidig_agb, r->t->agb);
		zorgelijk += w->zorgelijk;
	}
	assert_int_equal(k, v.ki.n_wacht);
	/* The demo has worrying waiters: the comparison is not vacuous. */
	assert_true(zorgelijk > 0);
	/* Capacity on the last day: every latest report that is fresh, of a
	 * product of segments 1-7 with free places, is a place. */
	for (size_t i = 0; peildatum == f->tot && i < v.n_cap; i++) {
		const struct capaciteit_melding *m = &v.cap[i];
		int32_t p = koppel_instantie_plek(&v.ki, m->agb, m->productcode, m->groep);
		bool vers = m->peildatum <= peildatum && peildatum - m->peildatum <= v.verouderd;

		if (p < 0) {
			assert_true(!vers || m->vrije_plaatsen <= 0 || !m->product[0]);
			continue;
		}
		assert_true(vers);
		assert_int_equal(v.ki.plek[p].plaatsen, m->vrije_plaatsen);
		assert_int_equal(v.ki.plek[p].gemeld, m->peildatum);
		plekken++;
	}
	if (peildatum == f->tot) {
		assert_int_equal(plekken, v.ki.n_plek);
		assert_true(plekken > 0);
	}
	free(v.cap);
	free(v.regels);
	store_wachtlijst_vrij(&v.wd);
	koppel_instantie_vrij(&v.ki);
}

static void test_wachtlijst_gelijk(void **state)
{
	struct fixture *f = *state;

	vergelijk_op(f, f->tot);
	vergelijk_op(f, f->tot - 45);
	vergelijk_op(f, f->tot - 200);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_wachtlijst_gelijk, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
