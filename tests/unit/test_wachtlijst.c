/* Unit tests for domain/wachtlijst: the rows of the waiting list agree
 * with kpi.h (waiting, beyond the norm, zorgelijk), the day the norm is
 * crossed, the alerts. (lib/xlsx has its own test, test_xlsx.c.) */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/datum.h"
#include "domain/wachtlijst.h"

#define D(j, m, d) datum_van((j), (m), (d))
#define GEEN DAG_GEEN
#define N(a) (sizeof(a) / sizeof((a)[0]))

static struct traject wacht(int64_t jid, int64_t id, int seg, dag_t aanm, dag_t intake,
			    dag_t begin, bool overbrugging)
{
	struct traject t = {
		.id = id, .jeugdige_id = jid, .segment = seg, .aanmelddatum = aanm,
		.intakedatum = intake, .begindatum = begin, .einddatum = GEEN,
		.overbrugging = overbrugging,
		.status = begin != GEEN ? TRAJECT_GESTART :
			  intake != GEEN ? TRAJECT_INTAKE : TRAJECT_AANGEMELD,
	};
	snprintf(t.categorie, sizeof t.categorie, "45");
	snprintf(t.gemeente, sizeof t.gemeente, "0546");
	snprintf(t.agb, sizeof t.agb, "11111111");
	return t;
}

/* Peildatum 2024-06-01. Norm segment 4: 28 + 70 days. */
static void test_regels(void **state)
{
	(void)state;
	dag_t p = D(2024, 6, 1);
	struct jeugdige j[] = {
		{ .id = 1, .geboortedatum = D(2010, 1, 1) },
		{ .id = 2, .geboortedatum = D(2006, 6, 1) },   /* 18 on P: leeftijd */
		{ .id = 3, .geboortedatum = D(2015, 1, 1) },
	};
	struct traject t[] = {
		/* 10 days, no intake: within the norm; no bridging care. */
		wacht(1, 10, 4, p - 10, GEEN, GEEN, false),
		/* 40 days, no intake: beyond since aanmelding + 29. */
		wacht(1, 11, 4, p - 40, GEEN, GEEN, true),
		/* intake after 20 days, 75 days since: beyond since intake + 71. */
		wacht(2, 20, 4, p - 95, p - 75, GEEN, true),
		/* late intake (35 days), started: not waiting. */
		wacht(2, 21, 4, p - 100, p - 65, p - 5, true),
		/* intake after 35 days, 3 days since: beyond since aanmelding + 29. */
		wacht(3, 30, 4, p - 38, p - 3, GEEN, true),
		/* local-team help never is on the list. */
		wacht(3, 31, 0, p - 200, GEEN, GEEN, false),
	};
	struct zorgelijk_besluit b[] = {
		/* 30 is cleared by staff before P. */
		{ .id = 1, .traject_id = 30, .tijdstip = (int64_t)(p - 1) * 86400, .bevestigd = false },
	};
	struct kpi_data d = { .jeugdigen = j, .n_jeugdigen = N(j), .trajecten = t,
			      .n_trajecten = N(t), .besluiten = b, .n_besluiten = N(b) };
	struct treeknorm norms[SEGMENT_AANTAL];
	struct wachtlijst_regel *r;
	size_t n;

	treeknorm_standaard(norms);
	assert_int_equal(wachtlijst_bereken(&d, NULL, p, norms, &r, &n), 0);
	assert_int_equal(n, 4);
	assert_int_equal(r[0].t->id, 10);
	assert_int_equal(r[0].dagen, 10);
	assert_false(r[0].boven_norm);
	assert_int_equal(r[0].normgrens, p - 10 + 29);
	assert_int_equal(r[0].risico, KPI_RISICO_GEEN_OVERBRUGGING);
	assert_false(r[0].zorgelijk);              /* flag, but within the norm */

	assert_int_equal(r[1].t->id, 11);
	assert_true(r[1].boven_norm);
	assert_int_equal(r[1].normgrens, p - 40 + 29);
	assert_int_equal(r[1].risico, 0);
	assert_false(r[1].zorgelijk);              /* beyond, but no flag */

	assert_int_equal(r[2].t->id, 20);
	assert_int_equal(r[2].fase, WACHTLIJST_FASE_START);
	assert_int_equal(r[2].dagen_tot_intake, 20);
	assert_int_equal(r[2].dagen_na_intake, 75);
	assert_false(r[2].intake_boven_norm);
	assert_true(r[2].start_boven_norm);
	assert_int_equal(r[2].normgrens, p - 75 + 71);
	assert_true(r[2].risico & KPI_RISICO_LEEFTIJD);
	assert_true(r[2].zorgelijk);
	assert_null(r[2].besluit);
	/* crossed 4 days ago: a new alert, and zorgelijk not yet judged */
	assert_int_equal(wachtlijst_signalen(&r[2], p),
			 WACHTLIJST_SIGNAAL_NORM | WACHTLIJST_SIGNAAL_ZORGELIJK);

	assert_int_equal(r[3].t->id, 30);
	assert_true(r[3].intake_boven_norm);
	assert_int_equal(r[3].normgrens, p - 38 + 29);
	assert_true(r[3].zorgelijk_berekend == (r[3].risico != 0));
	assert_non_null(r[3].besluit);
	assert_false(r[3].zorgelijk);              /* cleared by staff */
	assert_int_equal(wachtlijst_signalen(&r[3], p), 0);

	/* Every row: beyond the norm exactly from normgrens on, as kpi.h. */
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(r[i].boven_norm, p >= r[i].normgrens);
		assert_int_equal(r[i].boven_norm, kpi_boven_norm_op(r[i].t, p, norms));
	}
	free(r);

	/* toon narrows the list. */
	bool toon[N(t)] = { false, true, false, false, false, false };
	assert_int_equal(wachtlijst_bereken(&d, toon, p, norms, &r, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(r[0].t->id, 11);
	free(r);
}

static void test_risico_tekst(void **state)
{
	(void)state;
	char buf[256];

	assert_string_equal(wachtlijst_risico_tekst(0, buf, sizeof buf), "");
	assert_string_equal(wachtlijst_risico_tekst(KPI_RISICO_THUISZITTER | KPI_RISICO_UITVAL,
						    buf, sizeof buf),
			    "thuiszitter, eerder traject met uitval");
	assert_string_equal(wachtlijst_risico_code(KPI_RISICO_LEEFTIJD), "leeftijd");
	assert_null(wachtlijst_risico_code(1u << 20));
	/* A short buffer is cut, never overrun. */
	assert_string_equal(wachtlijst_risico_tekst(KPI_RISICO_THUISZITTER, buf, 6), "thuis");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_regels),
		cmocka_unit_test(test_risico_tekst),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
