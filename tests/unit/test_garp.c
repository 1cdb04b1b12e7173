/* Unit tests for domain/garp: the GARP indicators on a small hand-made
 * record (the expected counts are worked out in the comments). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "domain/garp.h"

#define D(j, m, d) datum_van((j), (m), (d))
#define GEEN DAG_GEEN
#define N(a) (sizeof(a) / sizeof((a)[0]))

static struct traject tr(int64_t jid, int64_t id, int seg, const char *gem, dag_t begin,
			 dag_t eind)
{
	struct traject t = {
		.id = id, .jeugdige_id = jid, .segment = seg,
		.status = eind == GEEN ? TRAJECT_GESTART : TRAJECT_BEEINDIGD,
		.aanmelddatum = GEEN, .intakedatum = GEEN,
		.begindatum = begin, .einddatum = eind,
	};
	snprintf(t.gemeente, sizeof t.gemeente, "%s", gem);
	snprintf(t.categorie, sizeof t.categorie, "%s", seg ? "45" : "31");
	return t;
}

/* Youth 1-5; families 10 (youth 1 and 2, regisseur, analysis 2025-03-01),
 * 11 (youth 3, no regisseur, analysis 2025-06-01), 12 (youth 4, regisseur,
 * no analysis); youth 5 has no family. */
static const struct jeugdige jeugd[] = {
	{ .id = 1, .gezin_id = 10 }, { .id = 2, .gezin_id = 10 }, { .id = 3, .gezin_id = 11 },
	{ .id = 4, .gezin_id = 12 }, { .id = 5, .gezin_id = 0 },
};

#define GEZINNEN                                  \
	const struct garp_gezin gezinnen[] = {     \
		{ 10, true, D(2025, 3, 1) },       \
		{ 11, false, D(2025, 6, 1) },      \
		{ 12, true, GEEN },                \
	}

static void test_analyse_vooraf(void **state)
{
	struct traject t[] = {
		tr(1, 1, 4, "0546", D(2025, 3, 1), GEEN),   /* analysis the same day: yes */
		tr(1, 2, 0, "0546", D(2025, 1, 1), GEEN),   /* local team: not counted */
		tr(2, 3, 4, "0546", D(2025, 2, 28), GEEN),  /* day before analysis: no */
		tr(3, 4, 1, "0547", D(2025, 7, 1), GEEN),   /* Leiderdorp, after: yes */
		tr(4, 5, 4, "0546", D(2025, 5, 1), GEEN),   /* family without analysis */
		tr(5, 6, 4, "0546", D(2025, 5, 1), GEEN),   /* no family */
		tr(5, 7, 4, "0546", GEEN, GEEN),            /* not started */
		tr(5, 8, 4, "0546", D(2026, 1, 1), GEEN),   /* outside the period */
	};
	struct kpi_data d = { .jeugdigen = jeugd, .n_jeugdigen = N(jeugd), .trajecten = t,
			      .n_trajecten = N(t) };
	struct kpi_aandeel a;
	GEZINNEN;

	(void)state;
	garp_analyse_vooraf(&d, gezinnen, N(gezinnen), NULL, D(2025, 1, 1), D(2025, 12, 31), &a);
	/* totaal 1, 3, 4, 5, 6 = 5; aantal 1 and 4 = 2 */
	assert_int_equal(a.totaal, 5);
	assert_int_equal(a.aantal, 2);
	assert_true(a.aandeel > 0.4 - 1e-12 && a.aandeel < 0.4 + 1e-12);
	garp_analyse_vooraf(&d, gezinnen, N(gezinnen), "0547", D(2025, 1, 1), D(2025, 12, 31),
			    &a);
	assert_int_equal(a.totaal, 1);
	assert_int_equal(a.aantal, 1);
	garp_analyse_vooraf(&d, gezinnen, N(gezinnen), "", D(2026, 1, 1), D(2026, 1, 1), &a);
	assert_int_equal(a.totaal, 1);
	assert_int_equal(a.aantal, 0);
	/* No families on record: nothing is preceded by an analysis. */
	garp_analyse_vooraf(&d, NULL, 0, NULL, D(2025, 1, 1), D(2025, 12, 31), &a);
	assert_int_equal(a.totaal, 5);
	assert_int_equal(a.aantal, 0);
	assert_true(garp_gezin_zoek(gezinnen, N(gezinnen), 11) == &gezinnen[1]);
	assert_null(garp_gezin_zoek(gezinnen, N(gezinnen), 13));
}

static void test_regisseur(void **state)
{
	dag_t p = D(2025, 6, 30);
	struct traject t[] = {
		tr(1, 1, 0, "0546", D(2025, 1, 1), GEEN),            /* in care */
		tr(2, 2, 4, "0546", D(2025, 1, 1), D(2025, 6, 30)),  /* ends on p: in care */
		tr(3, 3, 4, "0546", D(2025, 1, 1), GEEN),
		tr(4, 4, 4, "0546", D(2025, 7, 1), GEEN),            /* starts after p */
		tr(5, 5, 4, "0546", D(2024, 1, 1), GEEN),
	};
	/* Youth 1 lives in Leiden, 2 in Leiderdorp, 3 in Leiden, 5 nowhere. */
	struct woonplaats w[] = {
		{ 1, "0546", D(2010, 1, 1), GEEN },
		{ 2, "0547", D(2010, 1, 1), GEEN },
		{ 3, "0546", D(2010, 1, 1), GEEN },
		{ 4, "0546", D(2010, 1, 1), GEEN },
	};
	struct kpi_data d = { .jeugdigen = jeugd, .n_jeugdigen = N(jeugd), .trajecten = t,
			      .n_trajecten = N(t), .woonplaatsen = w, .n_woonplaatsen = N(w) };
	struct kpi_aandeel a;
	GEZINNEN;

	(void)state;
	/* Region: families 10 (youth 1 and 2, once), 11, and youth 5 alone:
	 * 3; with a regisseur: 10 only. */
	assert_int_equal(garp_regisseur(&d, gezinnen, N(gezinnen), NULL, p, &a), 0);
	assert_int_equal(a.totaal, 3);
	assert_int_equal(a.aantal, 1);
	/* Leiden: 10 (youth 1) and 11; Leiderdorp: 10 (youth 2). */
	assert_int_equal(garp_regisseur(&d, gezinnen, N(gezinnen), "0546", p, &a), 0);
	assert_int_equal(a.totaal, 2);
	assert_int_equal(a.aantal, 1);
	assert_int_equal(garp_regisseur(&d, gezinnen, N(gezinnen), "0547", p, &a), 0);
	assert_int_equal(a.totaal, 1);
	assert_int_equal(a.aantal, 1);
	/* A day later youth 2 has left care, youth 4 (family 12) has come. */
	assert_int_equal(garp_regisseur(&d, gezinnen, N(gezinnen), "0547", p + 1, &a), 0);
	assert_int_equal(a.totaal, 0);
	assert_int_equal(garp_regisseur(&d, gezinnen, N(gezinnen), "0546", p + 1, &a), 0);
	assert_int_equal(a.totaal, 3);   /* 10, 11, 12 */
	assert_int_equal(a.aantal, 2);   /* 10, 12 */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_analyse_vooraf),
		cmocka_unit_test(test_regisseur),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
