/* Unit tests for domain/kpi: each indicator on a small hand-made record
 * whose answers were worked out by hand (the comments show the sums). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "domain/kpi.h"

#define D(j, m, d) datum_van((j), (m), (d))
#define GEEN DAG_GEEN
#define N(a) (sizeof(a) / sizeof((a)[0]))
#define EPS 1e-9

/* Doubles equal up to EPS, with both values in the failure message. */
static void bijna(double a, double b, const char *expr, const char *file, int line)
{
	if (a - b > EPS || b - a > EPS) {
		print_error("%s: %.12g != %.12g\n", expr, a, b);
		_fail(file, line);
	}
}
#define assert_bijna(a, b) bijna((a), (b), #a, __FILE__, __LINE__)

/* ---- Builders ---- */

/* A started trajectory in Leiden at provider 11111111; an einddatum makes
 * it BEEINDIGD with reden 31. */
static struct traject tr(int64_t jid, int64_t id, int seg, const char *cat,
			 dag_t begin, dag_t eind)
{
	struct traject t = {
		.id = id, .jeugdige_id = jid, .segment = seg,
		.status = eind == GEEN ? TRAJECT_GESTART : TRAJECT_BEEINDIGD,
		.aanmelddatum = GEEN, .intakedatum = GEEN,
		.begindatum = begin, .einddatum = eind, .overbrugging = true,
	};
	snprintf(t.categorie, sizeof t.categorie, "%s", cat);
	snprintf(t.gemeente, sizeof t.gemeente, "0546");
	snprintf(t.agb, sizeof t.agb, "11111111");
	if (eind != GEEN)
		snprintf(t.reden_beeindiging, sizeof t.reden_beeindiging, "31");
	return t;
}

/* A segment-4 trajectory registered on aanmelding, maybe with an intake,
 * maybe started. */
static struct traject wacht(int64_t jid, int64_t id, dag_t aanm, dag_t intake, dag_t begin)
{
	struct traject t = tr(jid, id, 4, "45", begin, GEEN);
	t.aanmelddatum = aanm;
	t.intakedatum = intake;
	t.status = begin != GEEN ? TRAJECT_GESTART :
		   intake != GEEN ? TRAJECT_INTAKE : TRAJECT_AANGEMELD;
	return t;
}

static void reden(struct traject *t, const char *r)
{
	snprintf(t->reden_beeindiging, sizeof t->reden_beeindiging, "%s", r);
}

static void gemeente(struct traject *t, const char *g)
{
	snprintf(t->gemeente, sizeof t->gemeente, "%s", g);
}

static struct jeugdige jg(int64_t id, dag_t geboren)
{
	return (struct jeugdige){ .id = id, .geboortedatum = geboren };
}

static struct woonplaats woon(int64_t jid, const char *g, dag_t vanaf, dag_t tot)
{
	struct woonplaats w = { .jeugdige_id = jid, .vanaf = vanaf, .tot = tot };
	snprintf(w.gemeente, sizeof w.gemeente, "%s", g);
	return w;
}

/* The fixtures must respect the order kpi.h demands. */
static void controleer_volgorde(const struct kpi_data *d)
{
	for (size_t i = 1; i < d->n_jeugdigen; i++)
		assert_true(d->jeugdigen[i - 1].id < d->jeugdigen[i].id);
	for (size_t i = 1; i < d->n_trajecten; i++) {
		const struct traject *a = &d->trajecten[i - 1], *b = &d->trajecten[i];
		assert_true(a->jeugdige_id < b->jeugdige_id ||
			    (a->jeugdige_id == b->jeugdige_id && a->id < b->id));
	}
	for (size_t i = 1; i < d->n_woonplaatsen; i++) {
		const struct woonplaats *a = &d->woonplaatsen[i - 1], *b = &d->woonplaatsen[i];
		assert_true(a->jeugdige_id < b->jeugdige_id ||
			    (a->jeugdige_id == b->jeugdige_id && a->vanaf <= b->vanaf));
	}
	for (size_t i = 1; i < d->n_school; i++)
		assert_true(d->school[i - 1].jeugdige_id <= d->school[i].jeugdige_id);
	for (size_t i = 1; i < d->n_plannen; i++)
		assert_true(d->plannen[i - 1].jeugdige_id <= d->plannen[i].jeugdige_id);
	for (size_t i = 1; i < d->n_besluiten; i++) {
		const struct zorgelijk_besluit *a = &d->besluiten[i - 1], *b = &d->besluiten[i];
		assert_true(a->traject_id < b->traject_id ||
			    (a->traject_id == b->traject_id && a->tijdstip <= b->tijdstip));
	}
}

static void assert_aandeel(const struct kpi_aandeel *a, size_t totaal, size_t aantal)
{
	assert_int_equal(a->totaal, totaal);
	assert_int_equal(a->aantal, aantal);
	assert_bijna(a->aandeel, totaal ? (double)aantal / (double)totaal : 0.0);
}

static void assert_verdeling(const struct kpi_verdeling *v, size_t n, double gem,
			     double mediaan, int32_t p80)
{
	assert_int_equal(v->n, n);
	assert_bijna(v->gemiddelde, gem);
	assert_bijna(v->mediaan, mediaan);
	assert_int_equal(v->p80, p80);
}

/* ---- Treeknorm ---- */

static void test_treeknorm(void **state)
{
	(void)state;
	struct treeknorm n[SEGMENT_AANTAL];
	treeknorm_standaard(n);
	for (int s = 0; s < SEGMENT_AANTAL; s++) {
		int32_t ti = s == SEGMENT_CRISIS ? 1 : 28, its = s == SEGMENT_CRISIS ? 1 : 70;
		assert_int_equal(n[s].tot_intake, ti);
		assert_int_equal(n[s].intake_tot_start, its);
	}
}

/* ---- Jeugdhulpgebruik ---- */

static void test_jeugdhulpgebruik(void **state)
{
	(void)state;
	struct gemeente gem[2] = { { .code = "0546", .jeugdigen_0_17 = 100 },
				   { .code = "0547", .jeugdigen_0_17 = 50 } };
	struct jeugdige j[] = {
		jg(1, D(2010, 1, 1)), jg(2, D(2006, 7, 1)), jg(3, D(2006, 7, 1)),
		jg(4, D(2012, 5, 5)), jg(5, D(2010, 1, 1)), jg(6, D(2010, 1, 1)),
		jg(7, D(2010, 1, 1)), jg(8, D(2010, 1, 1)),
	};
	struct woonplaats w[] = {
		woon(1, "0546", D(2000, 1, 1), GEEN),
		woon(2, "0546", D(2000, 1, 1), GEEN),
		woon(3, "0546", D(2000, 1, 1), D(2024, 6, 15)),
		woon(3, "0547", D(2024, 6, 16), GEEN),
		woon(4, "0547", D(2000, 1, 1), GEEN),
		woon(5, "0546", D(2000, 1, 1), GEEN),
		woon(6, "0546", D(2000, 1, 1), GEEN),
		woon(8, "0546", D(2000, 1, 1), GEEN),
		woon(9, "0546", D(2000, 1, 1), GEEN),
	};
	struct traject t[] = {
		tr(1, 101, 4, "45", D(2024, 3, 1), D(2024, 6, 30)),
		/* 18 on 2024-07-01, care only from August: never 0-17 in care */
		tr(2, 201, 4, "45", D(2024, 8, 1), GEEN),
		/* 18 on 2024-07-01: counted; last day as a minor 30 June, when
		 * the youth lives in 0547 (moved on 16 June) */
		tr(3, 301, 4, "45", D(2024, 6, 1), GEEN),
		tr(4, 401, 0, "31", D(2024, 2, 1), D(2024, 2, 10)),
		/* ends exactly on van */
		tr(5, 501, 4, "45", D(2023, 6, 1), D(2024, 1, 1)),
		tr(6, 601, 4, "45", D(2023, 1, 1), D(2023, 12, 31)),
		/* no woonplaats: region only */
		tr(7, 701, 4, "45", D(2024, 5, 1), GEEN),
		wacht(8, 801, D(2024, 1, 1), GEEN, GEEN),
		/* not in jeugdigen */
		tr(9, 901, 4, "45", D(2024, 1, 1), GEEN),
	};
	struct kpi_data d = { .gemeenten = gem, .n_gemeenten = 2, .jeugdigen = j,
			      .n_jeugdigen = N(j), .woonplaatsen = w, .n_woonplaatsen = N(w),
			      .trajecten = t, .n_trajecten = N(t) };
	controleer_volgorde(&d);
	dag_t van = D(2024, 1, 1), tot = D(2024, 12, 31);
	struct kpi_gebruik g;

	/* Youth 1, 3, 4, 5, 7 of 150: 3.33 %, 1 op 30. */
	kpi_jeugdhulpgebruik(&d, NULL, van, tot, false, &g);
	assert_int_equal(g.jeugdigen, 5);
	assert_int_equal(g.populatie, 150);
	assert_bijna(g.percentage, 100.0 * 5 / 150);
	assert_int_equal(g.een_op_n, 30);

	kpi_jeugdhulpgebruik(&d, "0546", van, tot, false, &g);
	assert_int_equal(g.jeugdigen, 2); /* 1, 5 */
	assert_int_equal(g.populatie, 100);
	assert_int_equal(g.een_op_n, 50);

	kpi_jeugdhulpgebruik(&d, "0547", van, tot, false, &g);
	assert_int_equal(g.jeugdigen, 2); /* 3, 4 */
	assert_int_equal(g.een_op_n, 25);

	/* Without local-team help: 1, 3, 5, 7; 150 / 4 = 37.5 rounds to 38. */
	kpi_jeugdhulpgebruik(&d, "", van, tot, true, &g);
	assert_int_equal(g.jeugdigen, 4);
	assert_int_equal(g.een_op_n, 38);
	kpi_jeugdhulpgebruik(&d, "0547", van, tot, true, &g);
	assert_int_equal(g.jeugdigen, 1);
	assert_int_equal(g.een_op_n, 50);

	/* One reference date: 1, 3 (in 0547 by then) and 7. */
	dag_t p = D(2024, 6, 20);
	kpi_jeugdhulpgebruik(&d, NULL, p, p, false, &g);
	assert_int_equal(g.jeugdigen, 3);
	kpi_jeugdhulpgebruik(&d, "0546", p, p, false, &g);
	assert_int_equal(g.jeugdigen, 1);
	kpi_jeugdhulpgebruik(&d, "0547", p, p, false, &g);
	assert_int_equal(g.jeugdigen, 1);

	/* Unknown gemeente: nothing, and no division by zero. */
	kpi_jeugdhulpgebruik(&d, "9999", van, tot, false, &g);
	assert_int_equal(g.jeugdigen, 0);
	assert_int_equal(g.populatie, 0);
	assert_bijna(g.percentage, 0.0);
	assert_int_equal(g.een_op_n, 0);
}

/* ---- Jeugdigen per zorgvorm ---- */

static void test_jeugdigen_zorgvorm(void **state)
{
	(void)state;
	struct gemeente gem[2] = { { .code = "0546", .jeugdigen_0_17 = 100 },
				   { .code = "0547", .jeugdigen_0_17 = 50 } };
	struct jeugdige j[] = {
		jg(10, D(2010, 1, 1)), jg(11, D(2012, 1, 1)),
		jg(12, D(2005, 6, 1)), /* 18 on 2023-06-01, before the period */
		jg(13, D(2011, 1, 1)), jg(14, D(2010, 1, 1)), jg(15, D(2010, 1, 1)),
		jg(16, D(2010, 1, 1)), jg(17, D(2010, 1, 1)), jg(18, D(2010, 1, 1)),
	};
	struct woonplaats w[] = {
		woon(10, "0546", D(2000, 1, 1), GEEN),
		woon(11, "0547", D(2000, 1, 1), GEEN),
		woon(12, "0546", D(2000, 1, 1), GEEN),
		woon(13, "0546", D(2000, 1, 1), GEEN),
		/* in 0547 while in care, moves to 0546 afterwards */
		woon(14, "0547", D(2000, 1, 1), D(2024, 6, 30)),
		woon(14, "0546", D(2024, 7, 1), GEEN),
		woon(15, "0546", D(2000, 1, 1), GEEN),
		/* 16: no woonplaats, region only */
		woon(17, "0546", D(2000, 1, 1), GEEN),
		woon(18, "0547", D(2000, 1, 1), GEEN),
	};
	/* Every trajectory is paid by 0546 (tr); the gemeente filter goes by
	 * residence. */
	struct traject t[] = {
		tr(10, 1001, 4, "52", D(2024, 2, 1), GEEN),
		tr(10, 1002, 4, "45", D(2024, 3, 1), D(2024, 4, 30)),
		/* local-team help only */
		tr(11, 1101, 0, "31", D(2024, 5, 1), GEEN),
		/* active all of 2024, but 18 since 2023-06-01 */
		tr(12, 1201, 4, "52", D(2023, 1, 1), GEEN),
		/* ends the day before van */
		tr(13, 1301, 4, "52", D(2023, 1, 1), D(2023, 12, 31)),
		tr(14, 1401, 4, "45", D(2024, 1, 1), D(2024, 3, 31)),
		/* "52" and segment 4, but never on one trajectory */
		tr(15, 1501, 3, "52", D(2024, 6, 1), GEEN),
		tr(15, 1502, 4, "45", D(2024, 6, 1), GEEN),
		tr(16, 1601, 4, "52", D(2024, 9, 1), GEEN),
		/* registered, never started: not active */
		wacht(17, 1701, D(2024, 1, 1), GEEN, GEEN),
		/* regional care outside segment 4 only (pleegzorg) */
		tr(18, 1801, 2, "44", D(2024, 10, 1), GEEN),
	};
	struct kpi_data d = { .gemeenten = gem, .n_gemeenten = 2, .jeugdigen = j,
			      .n_jeugdigen = N(j), .woonplaatsen = w, .n_woonplaatsen = N(w),
			      .trajecten = t, .n_trajecten = N(t) };
	controleer_volgorde(&d);
	dag_t van = D(2024, 1, 1), tot = D(2024, 12, 31);

	/* Segment 4, categorie "52" (ambulant specialist GGZ): 10, 16. */
	assert_int_equal(kpi_jeugdigen_zorgvorm(&d, NULL, van, tot, 4, "52"), 2);
	assert_int_equal(kpi_jeugdigen_zorgvorm(&d, "", van, tot, 4, "52"), 2);
	assert_int_equal(kpi_jeugdigen_zorgvorm(&d, "0546", van, tot, 4, "52"), 1);  /* 10 */
	assert_int_equal(kpi_jeugdigen_zorgvorm(&d, "0547", van, tot, 4, "52"), 0);

	/* Segment 4, categorie "45": 10, 14, 15; 14 lived in 0547 on its last
	 * day in care (31 March), although it lives in 0546 on tot. */
	assert_int_equal(kpi_jeugdigen_zorgvorm(&d, NULL, van, tot, 4, "45"), 3);
	assert_int_equal(kpi_jeugdigen_zorgvorm(&d, "0546", van, tot, 4, "45"), 2);  /* 10 15 */
	assert_int_equal(kpi_jeugdigen_zorgvorm(&d, "0547", van, tot, 4, "45"), 1);  /* 14 */

	/* Local-team help: 11, living in 0547 (though 0546 pays). */
	assert_int_equal(kpi_jeugdigen_zorgvorm(&d, NULL, van, tot, 0, "31"), 1);
	assert_int_equal(kpi_jeugdigen_zorgvorm(&d, "0547", van, tot, 0, "31"), 1);
	assert_int_equal(kpi_jeugdigen_zorgvorm(&d, "0546", van, tot, 0, "31"), 0);
	assert_int_equal(kpi_jeugdigen_zorgvorm(&d, NULL, van, tot, 0, NULL), 1);

	/* Any segment, categorie "52": 10, 15, 16. */
	assert_int_equal(kpi_jeugdigen_zorgvorm(&d, NULL, van, tot, -1, "52"), 3);
	assert_int_equal(kpi_jeugdigen_zorgvorm(&d, "0546", van, tot, -1, "52"), 2); /* 10 15 */

	/* Segment 4, any categorie: 10, 14, 15, 16 ("" is the same). */
	assert_int_equal(kpi_jeugdigen_zorgvorm(&d, NULL, van, tot, 4, NULL), 4);
	assert_int_equal(kpi_jeugdigen_zorgvorm(&d, NULL, van, tot, 4, ""), 4);
	assert_int_equal(kpi_jeugdigen_zorgvorm(&d, "0546", van, tot, 4, NULL), 2);  /* 10 15 */
	assert_int_equal(kpi_jeugdigen_zorgvorm(&d, "0547", van, tot, 4, NULL), 1);  /* 14 */

	/* Segment and categorie must hold for the same trajectory. */
	assert_int_equal(kpi_jeugdigen_zorgvorm(&d, NULL, van, tot, 3, "45"), 0);
	assert_int_equal(kpi_jeugdigen_zorgvorm(&d, NULL, van, tot, 3, "52"), 1);    /* 15 */
	assert_int_equal(kpi_jeugdigen_zorgvorm(&d, NULL, van, tot, 4, "31"), 0);
	assert_int_equal(kpi_jeugdigen_zorgvorm(&d, NULL, van, tot, 6, NULL), 0);
	assert_int_equal(kpi_jeugdigen_zorgvorm(&d, NULL, van, tot, 2, NULL), 1);    /* 18 */
	assert_int_equal(kpi_jeugdigen_zorgvorm(&d, "0547", van, tot, 2, "44"), 1);
	assert_int_equal(kpi_jeugdigen_zorgvorm(&d, "0546", van, tot, 2, "44"), 0);
	assert_int_equal(kpi_jeugdigen_zorgvorm(&d, "9999", van, tot, -1, NULL), 0);

	/* The boundaries behind 12 and 13: on 2023-12-31 13 is in care; in
	 * the first months of 2023 12 was still 17. */
	dag_t p = D(2023, 12, 31);
	assert_int_equal(kpi_jeugdigen_zorgvorm(&d, NULL, p, p, 4, "52"), 1);        /* 13 */
	assert_int_equal(kpi_jeugdigen_zorgvorm(&d, NULL, D(2023, 1, 1), D(2023, 5, 31), 4, "52"), 2);
	assert_int_equal(kpi_jeugdigen_zorgvorm(&d, NULL, D(2023, 6, 1), D(2023, 6, 30), 4, "52"), 1);

	/* The rule of kpi_jeugdhulpgebruik: segment -1 and no categorie is
	 * every youth in care (10 11 14 15 16 18); alleen_regionaal leaves
	 * out 11, the local team's only youth. */
	struct kpi_gebruik g;
	const char *gemeenten[] = { NULL, "0546", "0547" };
	const size_t alle[] = { 6, 2, 3 }, regionaal[] = { 5, 2, 2 };
	for (size_t i = 0; i < N(gemeenten); i++) {
		kpi_jeugdhulpgebruik(&d, gemeenten[i], van, tot, false, &g);
		assert_int_equal(g.jeugdigen, alle[i]);
		assert_int_equal(kpi_jeugdigen_zorgvorm(&d, gemeenten[i], van, tot, -1, NULL), alle[i]);
		kpi_jeugdhulpgebruik(&d, gemeenten[i], van, tot, true, &g);
		assert_int_equal(g.jeugdigen, regionaal[i]);
	}

	/* Without local-team help in the data the two counts coincide,
	 * on every filter and period. */
	struct traject zonder[N(t) - 1];
	size_t n = 0;
	for (size_t i = 0; i < N(t); i++)
		if (t[i].segment != 0)
			zonder[n++] = t[i];
	assert_int_equal(n, N(zonder));
	d.trajecten = zonder;
	d.n_trajecten = n;
	controleer_volgorde(&d);
	const dag_t perioden[][2] = { { van, tot }, { p, p }, { D(2023, 1, 1), D(2023, 5, 31) } };
	for (size_t k = 0; k < N(perioden); k++)
		for (size_t i = 0; i < N(gemeenten); i++) {
			kpi_jeugdhulpgebruik(&d, gemeenten[i], perioden[k][0], perioden[k][1], true, &g);
			assert_int_equal(g.jeugdigen,
					 kpi_jeugdigen_zorgvorm(&d, gemeenten[i], perioden[k][0],
								perioden[k][1], -1, NULL));
		}
	kpi_jeugdhulpgebruik(&d, NULL, van, tot, true, &g);
	assert_int_equal(g.jeugdigen, 5);
}

/* ---- Wachttijd ---- */

static struct kpi_data wacht_data(struct traject *t, size_t n)
{
	return (struct kpi_data){ .trajecten = t, .n_trajecten = n };
}

static void test_wachttijd(void **state)
{
	(void)state;
	struct traject t[] = {
		/* completed in [2024-01-01, 2024-05-31] */
		wacht(1, 1, D(2024, 1, 1), D(2024, 1, 11), D(2024, 2, 10)), /* 10+30=40 */
		wacht(1, 2, D(2024, 1, 1), D(2024, 2, 5), D(2024, 2, 15)),  /* 35+10=45 over */
		wacht(1, 3, D(2024, 1, 1), GEEN, D(2024, 4, 30)),           /* 120 > 98 over */
		wacht(1, 4, D(2024, 1, 1), GEEN, D(2024, 3, 1)),            /* 60 */
		wacht(1, 5, D(2024, 3, 1), D(2024, 3, 10), D(2024, 5, 30)), /* 9+81=90 over */
		wacht(1, 6, D(2023, 11, 1), GEEN, D(2023, 12, 31)),         /* before van */
		wacht(1, 7, D(2024, 1, 1), GEEN, D(2024, 1, 5)),            /* local team */
		wacht(1, 8, GEEN, GEEN, D(2024, 2, 1)),                     /* no aanmelding */
		wacht(1, 9, D(2024, 3, 1), GEEN, D(2024, 2, 1)),            /* inconsistent */
		/* waiting on 2024-06-01 */
		wacht(1, 11, D(2024, 5, 1), GEEN, GEEN),            /* 31 > 28 over */
		wacht(1, 12, D(2024, 5, 20), GEEN, GEEN),           /* 12 */
		wacht(1, 13, D(2024, 1, 15), D(2024, 2, 1), GEEN),  /* 138; 121 after intake: over */
		wacht(1, 14, D(2024, 5, 25), GEEN, GEEN),           /* 7, lapses 06-10 */
		wacht(1, 15, D(2024, 5, 1), GEEN, GEEN),            /* lapsed on 06-01 */
		wacht(1, 16, D(2024, 4, 1), GEEN, D(2024, 6, 15)),  /* 61, starts later: over */
		wacht(1, 17, D(2024, 5, 1), GEEN, GEEN),            /* lapsed, date unknown */
		wacht(1, 18, D(2024, 5, 31), GEEN, GEEN),           /* 1, in 0547 */
	};
	t[6].segment = 0;
	snprintf(t[6].categorie, sizeof t[6].categorie, "31");
	t[12].status = TRAJECT_VERVALLEN;
	t[12].einddatum = D(2024, 6, 10);
	t[13].status = TRAJECT_VERVALLEN;
	t[13].einddatum = D(2024, 6, 1);
	t[15].status = TRAJECT_VERVALLEN;
	gemeente(&t[16], "0547");
	struct kpi_data d = wacht_data(t, N(t));
	controleer_volgorde(&d);
	struct treeknorm norms[SEGMENT_AANTAL];
	treeknorm_standaard(norms);
	dag_t van = D(2024, 1, 1), tot = D(2024, 5, 31), p = D(2024, 6, 1);
	struct kpi_wachttijd w;

	assert_int_equal(kpi_wachttijd(&d, NULL, van, tot, p, norms, &w), 0);
	/* 40 45 60 90 120: odd count, median the middle one; rank 4 for p80 */
	assert_verdeling(&w.totaal, 5, 71.0, 60.0, 90);
	assert_verdeling(&w.tot_intake, 3, 18.0, 10.0, 35);        /* 9 10 35 */
	assert_verdeling(&w.intake_tot_start, 3, 121.0 / 3, 30.0, 81); /* 10 30 81 */
	assert_int_equal(w.boven_norm, 3);
	assert_bijna(w.aandeel_boven_norm, 0.6);
	/* 1 7 12 31 61 138: even count, median (12 + 31) / 2; rank 5 for p80 */
	assert_verdeling(&w.wachtend, 6, 250.0 / 6, 21.5, 61);
	assert_int_equal(w.wachtend_boven_norm, 3);

	struct kpi_filter f = { .gemeente = "0546", .segment = -1 };
	assert_int_equal(kpi_wachttijd(&d, &f, van, tot, p, norms, &w), 0);
	assert_verdeling(&w.wachtend, 5, 249.0 / 5, 31.0, 61);
	assert_int_equal(w.totaal.n, 5);

	/* Stricter norm 10 + 30: exactly at the norm is not over it, so only
	 * the first wait (10 + 30) stays inside. */
	norms[4] = (struct treeknorm){ .tot_intake = 10, .intake_tot_start = 30 };
	assert_int_equal(kpi_wachttijd(&d, NULL, van, tot, p, norms, &w), 0);
	assert_int_equal(w.boven_norm, 4);

	/* Nothing in the period: all zero. */
	assert_int_equal(kpi_wachttijd(&d, NULL, D(2030, 1, 1), D(2030, 12, 31), D(2000, 1, 1),
				       norms, &w), 0);
	assert_verdeling(&w.totaal, 0, 0, 0, 0);
	assert_verdeling(&w.wachtend, 0, 0, 0, 0);
	assert_bijna(w.aandeel_boven_norm, 0);
}

static void test_wachtend_grenzen(void **state)
{
	(void)state;
	struct traject t = wacht(1, 1, D(2024, 5, 1), GEEN, D(2024, 6, 1));
	assert_false(kpi_wachtend(&t, D(2024, 4, 30)));  /* before aanmelding */
	assert_true(kpi_wachtend(&t, D(2024, 5, 1)));
	assert_true(kpi_wachtend(&t, D(2024, 5, 31)));
	assert_false(kpi_wachtend(&t, D(2024, 6, 1)));   /* started that day */
	t.status = TRAJECT_VERVALLEN;
	t.begindatum = GEEN;
	t.einddatum = D(2024, 5, 20);
	assert_true(kpi_wachtend(&t, D(2024, 5, 19)));
	assert_false(kpi_wachtend(&t, D(2024, 5, 20)));

	struct treeknorm norms[SEGMENT_AANTAL];
	treeknorm_standaard(norms);
	struct traject u = wacht(1, 2, D(2024, 1, 1), GEEN, GEEN);
	assert_false(kpi_boven_norm_op(&u, D(2024, 1, 29), norms)); /* 28 days */
	assert_true(kpi_boven_norm_op(&u, D(2024, 1, 30), norms));
	u.intakedatum = D(2024, 1, 20); /* 19 to intake; then 70 days allowed */
	assert_false(kpi_boven_norm_op(&u, D(2024, 3, 30), norms));
	assert_true(kpi_boven_norm_op(&u, D(2024, 3, 31), norms));
	/* An intake after peildatum is not known yet then: 40 days without. */
	u.intakedatum = D(2024, 2, 15);
	assert_true(kpi_boven_norm_op(&u, D(2024, 2, 10), norms));
}

/* ---- Zorgelijk wachtend ---- */

#define T_20240515 INT64_C(1715731200)   /* 2024-05-15 00:00 UTC */
#define T_EIND_0601 INT64_C(1717279199)  /* 2024-06-01 23:59:59 CEST */
#define T_EIND_0110 INT64_C(1704927599)  /* 2024-01-10 23:59:59 CET */

static void test_zorgelijk(void **state)
{
	(void)state;
	dag_t p = D(2024, 6, 1), a = D(2024, 4, 1);
	struct jeugdige j[] = {
		jg(20, D(2010, 1, 1)), jg(21, D(2010, 1, 1)), jg(22, D(2010, 1, 1)),
		jg(23, D(2006, 12, 1)), jg(24, D(2006, 12, 2)), jg(25, D(2010, 1, 1)),
		jg(26, D(2010, 1, 1)), jg(27, D(2010, 1, 1)), jg(28, D(2010, 1, 1)),
		jg(29, D(2010, 1, 1)), jg(30, D(2010, 1, 1)), jg(31, D(2010, 1, 1)),
		jg(32, D(2010, 1, 1)), jg(33, D(2010, 1, 1)),
	};
	struct traject t[] = {
		wacht(20, 201, a, GEEN, GEEN),           /* no flag; confirmed by staff */
		wacht(21, 211, a, GEEN, GEEN),           /* no bridging; cleared by staff */
		wacht(22, 221, D(2024, 5, 20), GEEN, GEEN), /* no bridging, within norm */
		wacht(23, 231, a, GEEN, GEEN),           /* 17.5 exactly on p */
		wacht(24, 241, a, GEEN, GEEN),           /* 17.5 one day after p */
		wacht(25, 251, a, GEEN, GEEN),
		tr(25, 252, 6, "46", D(2024, 1, 10), D(2024, 1, 20)), /* earlier crisis */
		wacht(26, 261, a, GEEN, GEEN),
		tr(26, 262, 6, "46", p, GEEN),           /* crisis starting on p: not earlier */
		wacht(27, 271, a, GEEN, GEEN),           /* veiligheidssignaal */
		wacht(28, 281, a, GEEN, GEEN),           /* thuiszitter */
		wacht(29, 291, a, GEEN, GEEN),
		tr(29, 292, 7, "48", D(2023, 1, 1), GEEN), /* jeugdbescherming */
		wacht(30, 301, a, GEEN, GEEN),
		tr(30, 302, 4, "45", D(2023, 1, 1), p),  /* uitval (33) on p */
		wacht(31, 311, a, GEEN, GEEN),
		tr(31, 312, 4, "45", D(2023, 1, 1), D(2024, 6, 2)), /* uitval after p */
		wacht(32, 321, D(2024, 1, 1), GEEN, D(2024, 5, 1)), /* started: not waiting */
		wacht(33, 331, D(2023, 11, 1), GEEN, GEEN), /* winter-time decisions */
	};
	t[1].overbrugging = false;
	t[2].overbrugging = false;
	t[9].veiligheidssignaal = true;
	reden(&t[14], "33");
	reden(&t[16], "32");
	t[17].veiligheidssignaal = true;
	t[17].overbrugging = false;
	t[18].overbrugging = false;
	struct schoolstatus s[] = { { .jeugdige_id = 28, .niet_naar_school_sinds = D(2024, 5, 1),
				      .tot = GEEN } };
	struct zorgelijk_besluit b[] = {
		{ .traject_id = 201, .tijdstip = T_20240515, .bevestigd = true },
		{ .traject_id = 201, .tijdstip = T_EIND_0601 + 1, .bevestigd = false },
		{ .traject_id = 211, .tijdstip = T_EIND_0601, .bevestigd = false },
		{ .traject_id = 321, .tijdstip = T_20240515, .bevestigd = true },
		{ .traject_id = 331, .tijdstip = T_EIND_0110, .bevestigd = false },
		{ .traject_id = 331, .tijdstip = T_EIND_0110 + 1, .bevestigd = true },
	};
	struct kpi_data d = { .jeugdigen = j, .n_jeugdigen = N(j), .trajecten = t,
			      .n_trajecten = N(t), .school = s, .n_school = N(s),
			      .besluiten = b, .n_besluiten = N(b) };
	controleer_volgorde(&d);
	struct treeknorm norms[SEGMENT_AANTAL];
	treeknorm_standaard(norms);

	static const struct {
		size_t index;
		bool zorgelijk;
		unsigned flags;
	} verwacht[] = {
		{ 0, true, 0 },
		{ 1, false, KPI_RISICO_GEEN_OVERBRUGGING },
		{ 2, false, KPI_RISICO_GEEN_OVERBRUGGING },
		{ 3, true, KPI_RISICO_LEEFTIJD },
		{ 4, false, 0 },
		{ 5, true, KPI_RISICO_VEILIGHEID },
		{ 7, false, 0 },
		{ 9, true, KPI_RISICO_VEILIGHEID },
		{ 10, true, KPI_RISICO_THUISZITTER },
		{ 11, true, KPI_RISICO_JEUGDBESCHERMING },
		{ 13, true, KPI_RISICO_UITVAL },
		{ 15, false, 0 },
		{ 17, false, KPI_RISICO_VEILIGHEID | KPI_RISICO_GEEN_OVERBRUGGING },
		{ 18, true, KPI_RISICO_GEEN_OVERBRUGGING },
	};
	for (size_t i = 0; i < N(verwacht); i++) {
		unsigned flags = 0xffu;
		bool z = kpi_zorgelijk(&d, verwacht[i].index, p, norms, &flags);
		assert_int_equal(z, verwacht[i].zorgelijk);
		assert_int_equal(flags, verwacht[i].flags);
	}

	/* The day before the clearing, 211 is zorgelijk by the rule. */
	assert_true(kpi_zorgelijk(&d, 1, D(2024, 5, 31), norms, NULL));
	/* Besluit times against the end of the day in winter time (CET). */
	assert_false(kpi_zorgelijk(&d, 18, D(2024, 1, 10), norms, NULL));
	assert_true(kpi_zorgelijk(&d, 18, D(2024, 1, 11), norms, NULL));
	/* Before any besluit 201 has no flag. */
	assert_false(kpi_zorgelijk(&d, 0, D(2024, 5, 14), norms, NULL));

	/* 13 waiting (321 started); zorgelijk: 201 231 251 271 281 291 301 331 */
	struct kpi_aandeel z;
	kpi_zorgelijk_aantal(&d, NULL, p, norms, &z);
	assert_aandeel(&z, 13, 8);
	struct kpi_filter f = { .gemeente = "0547", .segment = -1 };
	kpi_zorgelijk_aantal(&d, &f, p, norms, &z);
	assert_aandeel(&z, 0, 0);
}

/* ---- Doorlooptijd and uitval ---- */

static void test_doorlooptijd_uitval(void **state)
{
	(void)state;
	struct traject t[] = {
		tr(1, 1, 4, "45", D(2024, 1, 1), D(2024, 1, 11)),  /* 10 */
		tr(1, 2, 4, "45", D(2023, 12, 1), D(2024, 1, 1)),  /* 31, ends on van */
		tr(1, 3, 4, "45", D(2024, 3, 1), D(2024, 3, 21)),  /* 20, uitval 32 */
		tr(1, 4, 4, "45", D(2024, 5, 1), D(2024, 5, 31)),  /* 30, uitval 33, 0547 */
		tr(1, 5, 4, "45", D(2023, 1, 1), D(2023, 12, 31)), /* before van */
		tr(1, 6, 4, "45", D(2024, 1, 1), D(2024, 2, 1)),   /* onderbroken */
		tr(1, 7, 0, "31", D(2024, 2, 1), D(2024, 2, 11)),  /* local team, 10 */
		tr(1, 8, 4, "45", GEEN, D(2024, 4, 1)),            /* no start, reden 35 */
	};
	reden(&t[2], "32");
	reden(&t[3], "33");
	gemeente(&t[3], "0547");
	t[5].status = TRAJECT_ONDERBROKEN;
	reden(&t[5], "20");
	reden(&t[7], "35");
	struct kpi_data d = { .trajecten = t, .n_trajecten = N(t) };
	controleer_volgorde(&d);
	dag_t van = D(2024, 1, 1), tot = D(2024, 12, 31);
	struct kpi_verdeling v;

	/* 10 20 30 31: even, median (20 + 30) / 2, p80 rank 4 */
	assert_int_equal(kpi_doorlooptijd(&d, NULL, van, tot, &v), 0);
	assert_verdeling(&v, 4, 22.75, 25.0, 31);
	struct kpi_filter f = { .gemeente = "0546", .segment = -1 };
	assert_int_equal(kpi_doorlooptijd(&d, &f, van, tot, &v), 0);
	assert_verdeling(&v, 3, 61.0 / 3, 20.0, 31); /* 10 20 31 */
	struct kpi_filter lokaal = { .segment = 0 };
	assert_int_equal(kpi_doorlooptijd(&d, &lokaal, van, tot, &v), 0);
	assert_verdeling(&v, 1, 10.0, 10.0, 10);
	assert_int_equal(kpi_doorlooptijd(&d, NULL, D(2025, 1, 1), D(2025, 12, 31), &v), 0);
	assert_verdeling(&v, 0, 0, 0, 0);

	struct kpi_aandeel u;
	kpi_uitval(&d, NULL, van, tot, &u);
	assert_aandeel(&u, 5, 2); /* 1 2 3 4 8; 3 and 4 */
	kpi_uitval(&d, &f, van, tot, &u);
	assert_aandeel(&u, 4, 1);
	kpi_uitval(&d, NULL, D(2025, 1, 1), D(2025, 12, 31), &u);
	assert_aandeel(&u, 0, 0);
}

/* ---- Herhaald beroep ---- */

static void test_herhaald_beroep(void **state)
{
	(void)state;
	struct traject t[] = {
		tr(40, 401, 4, "45", D(2023, 6, 1), D(2024, 3, 31)),
		wacht(40, 402, D(2024, 10, 1), GEEN, GEEN),          /* 6 months + 1 day */
		tr(41, 411, 4, "45", D(2023, 1, 1), D(2024, 2, 29)),  /* reden 34 */
		tr(41, 412, 0, "31", D(2024, 3, 10), GEEN),          /* local team only */
		tr(41, 413, 3, "41", D(2025, 2, 28), GEEN),          /* exactly 12 months */
		tr(42, 421, 4, "45", D(2023, 1, 1), D(2024, 5, 1)),
		wacht(42, 422, D(2024, 5, 1), GEEN, GEEN),           /* same day: not after */
		tr(43, 431, 4, "45", D(2023, 1, 1), D(2024, 6, 1)),  /* reden 32 */
		wacht(43, 432, D(2024, 7, 1), GEEN, GEEN),
		tr(44, 441, 4, "45", D(2023, 1, 1), D(2024, 7, 1)),
		wacht(44, 442, D(2024, 8, 1), GEEN, GEEN),           /* lapsed, still counts */
		tr(45, 451, 4, "45", D(2023, 1, 1), D(2023, 12, 31)), /* before van */
		wacht(45, 452, D(2024, 1, 15), GEEN, GEEN),
	};
	reden(&t[2], "34");
	reden(&t[7], "32");
	t[10].status = TRAJECT_VERVALLEN;
	t[10].einddatum = D(2024, 8, 15);
	struct kpi_data d = { .trajecten = t, .n_trajecten = N(t) };
	controleer_volgorde(&d);
	dag_t van = D(2024, 1, 1), tot = D(2024, 12, 31);
	struct kpi_aandeel h;

	kpi_herhaald_beroep(&d, NULL, van, tot, 12, &h);
	assert_aandeel(&h, 4, 3); /* 401 411 421 441; not 421 */
	kpi_herhaald_beroep(&d, NULL, van, tot, 6, &h);
	assert_aandeel(&h, 4, 1); /* 441 */
	struct kpi_filter f = { .gemeente = "0547", .segment = -1 };
	kpi_herhaald_beroep(&d, &f, van, tot, 12, &h);
	assert_aandeel(&h, 0, 0);
}

/* ---- Thuiszitters ---- */

static void test_thuiszitters(void **state)
{
	(void)state;
	struct schoolstatus s[] = {
		{ .jeugdige_id = 50, .niet_naar_school_sinds = D(2024, 3, 1), .tot = GEEN },  /* 92 */
		{ .jeugdige_id = 51, .niet_naar_school_sinds = D(2024, 3, 2), .tot = GEEN },  /* 91 */
		{ .jeugdige_id = 52, .niet_naar_school_sinds = D(2024, 1, 1), .tot = D(2024, 5, 31) },
		{ .jeugdige_id = 52, .niet_naar_school_sinds = D(2024, 2, 1), .tot = GEEN },
		{ .jeugdige_id = 52, .niet_naar_school_sinds = D(2024, 2, 15), .tot = GEEN },
		{ .jeugdige_id = 53, .niet_naar_school_sinds = D(2024, 1, 1), .tot = GEEN },
		{ .jeugdige_id = 54, .niet_naar_school_sinds = D(2024, 1, 1), .tot = GEEN },
		{ .jeugdige_id = 55, .niet_naar_school_sinds = D(2024, 1, 1), .tot = GEEN },
		{ .jeugdige_id = 56, .niet_naar_school_sinds = D(2024, 7, 1), .tot = GEEN },
	};
	struct woonplaats w[] = {
		woon(50, "0546", D(2000, 1, 1), GEEN), woon(51, "0546", D(2000, 1, 1), GEEN),
		woon(52, "0546", D(2000, 1, 1), GEEN), woon(53, "0546", D(2000, 1, 1), GEEN),
		woon(54, "0547", D(2000, 1, 1), GEEN), woon(56, "0546", D(2000, 1, 1), GEEN),
	};
	struct traject t[] = {
		tr(53, 531, 5, "41", D(2024, 1, 1), GEEN),          /* onderwijs-zorg */
		tr(54, 541, 4, "45", D(2024, 1, 1), GEEN),          /* care, not school */
		tr(54, 542, 5, "41", D(2024, 1, 1), D(2024, 5, 31)), /* ended */
	};
	struct kpi_data d = { .school = s, .n_school = N(s), .woonplaatsen = w,
			      .n_woonplaatsen = N(w), .trajecten = t, .n_trajecten = N(t) };
	controleer_volgorde(&d);
	dag_t p = D(2024, 6, 1);
	assert_int_equal(kpi_thuiszitters(&d, NULL, p), 4);    /* 50 52 54 55 */
	assert_int_equal(kpi_thuiszitters(&d, "0546", p), 2);  /* 50 52 */
	assert_int_equal(kpi_thuiszitters(&d, "0547", p), 1);  /* 54 */
	assert_int_equal(kpi_thuiszitters(&d, NULL, p + 1), 5); /* 51 passes 91 days */
	assert_int_equal(kpi_thuiszitters(&d, NULL, D(2023, 1, 1)), 0);
}

/* ---- 18-/18+ ---- */

static void test_overgang18(void **state)
{
	(void)state;
	struct jeugdige j[] = {
		jg(60, D(2006, 6, 1)),  /* 18 on p itself: not within (p, p+6m] */
		jg(61, D(2006, 6, 2)),  /* 18 the day after, no plan */
		jg(62, D(2006, 12, 1)), /* 18 on p + 6 months, plan */
		jg(63, D(2006, 12, 2)), /* one day too late */
		jg(64, D(2006, 8, 1)),  /* plan only after p */
		jg(65, D(2006, 8, 1)),  /* no active trajectory on p */
	};
	struct woonplaats w[] = {
		woon(60, "0546", D(2000, 1, 1), GEEN), woon(61, "0546", D(2000, 1, 1), GEEN),
		woon(62, "0547", D(2000, 1, 1), GEEN), woon(63, "0546", D(2000, 1, 1), GEEN),
		woon(64, "0546", D(2000, 1, 1), GEEN), woon(65, "0546", D(2000, 1, 1), GEEN),
	};
	struct traject t[] = {
		tr(60, 601, 4, "45", D(2024, 1, 1), GEEN),
		tr(61, 611, 0, "31", D(2024, 1, 1), GEEN),
		tr(62, 621, 4, "45", D(2024, 1, 1), GEEN),
		tr(63, 631, 4, "45", D(2024, 1, 1), GEEN),
		tr(64, 641, 4, "45", D(2024, 1, 1), GEEN),
		tr(65, 651, 4, "45", D(2024, 1, 1), D(2024, 5, 31)),
	};
	struct perspectiefplan pl[] = { { .jeugdige_id = 62, .datum = D(2024, 5, 1) },
					{ .jeugdige_id = 64, .datum = D(2024, 7, 1) } };
	struct kpi_data d = { .jeugdigen = j, .n_jeugdigen = N(j), .woonplaatsen = w,
			      .n_woonplaatsen = N(w), .trajecten = t, .n_trajecten = N(t),
			      .plannen = pl, .n_plannen = N(pl) };
	controleer_volgorde(&d);
	dag_t p = D(2024, 6, 1);
	struct kpi_aandeel a;
	kpi_overgang18(&d, NULL, p, &a);
	assert_aandeel(&a, 3, 2); /* 61 62 64; without plan 61 64 */
	kpi_overgang18(&d, "0546", p, &a);
	assert_aandeel(&a, 2, 2);
	kpi_overgang18(&d, "0547", p, &a);
	assert_aandeel(&a, 1, 0);
	/* A month later 64's plan exists; 61 is 18 by then, 63 comes in. */
	kpi_overgang18(&d, NULL, D(2024, 7, 1), &a);
	assert_aandeel(&a, 3, 1); /* 62 63 64; 63 */
}

/* ---- Collectief ---- */

static void test_collectief(void **state)
{
	(void)state;
	dag_t p = D(2024, 6, 1);
	struct traject t[] = {
		tr(1, 1, 3, "41", D(2024, 1, 1), GEEN),
		tr(1, 2, 4, "45", D(2024, 1, 1), GEEN),
		tr(1, 3, 3, "41", D(2024, 1, 1), D(2024, 5, 31)),
		tr(1, 4, 0, "31", D(2024, 1, 1), GEEN),
		tr(1, 5, 4, "45", p, GEEN),
	};
	t[0].groep = t[2].groep = t[3].groep = t[4].groep = true;
	snprintf(t[4].agb, sizeof t[4].agb, "22222222");
	struct kpi_data d = { .trajecten = t, .n_trajecten = N(t) };
	struct kpi_aandeel a;
	kpi_collectief(&d, NULL, p, &a);
	assert_aandeel(&a, 3, 2); /* 1 2 5; groep 1 5 */
	struct kpi_filter seg3 = { .segment = 3 };
	kpi_collectief(&d, &seg3, p, &a);
	assert_aandeel(&a, 1, 1);
	struct kpi_filter agb = { .segment = -1, .agb = "11111111" };
	kpi_collectief(&d, &agb, p, &a);
	assert_aandeel(&a, 2, 1);
}

/* ---- Verblijf ---- */

static void test_verblijf(void **state)
{
	(void)state;
	struct woonplaats w[] = {
		woon(70, "0546", D(2000, 1, 1), GEEN), woon(71, "0546", D(2000, 1, 1), GEEN),
		woon(72, "0547", D(2000, 1, 1), GEEN), woon(73, "0546", D(2000, 1, 1), GEEN),
		woon(74, "0546", D(2000, 1, 1), GEEN), woon(75, "0546", D(2000, 1, 1), GEEN),
	};
	struct traject t[] = {
		tr(70, 701, 1, "43", D(2024, 1, 1), D(2024, 3, 31)),
		tr(71, 711, 4, "45", D(2023, 1, 1), GEEN),
		tr(72, 721, 2, "44", D(2024, 1, 1), GEEN),
		tr(72, 722, 6, "46", D(2024, 2, 1), D(2024, 2, 15)),   /* 14 */
		tr(73, 731, 0, "31", D(2024, 1, 1), GEEN),             /* local only */
		tr(74, 741, 6, "46", D(2023, 12, 20), D(2024, 1, 1)),  /* 12, ends on van */
		tr(75, 751, 1, "43", D(2023, 1, 1), D(2023, 12, 31)),  /* out of home before */
		tr(75, 752, 4, "45", D(2024, 1, 1), GEEN),
	};
	struct kpi_data d = { .woonplaatsen = w, .n_woonplaatsen = N(w), .trajecten = t,
			      .n_trajecten = N(t) };
	controleer_volgorde(&d);
	dag_t van = D(2024, 1, 1), tot = D(2024, 12, 31);
	struct kpi_verblijf v;

	assert_int_equal(kpi_verblijf(&d, NULL, van, tot, &v), 0);
	assert_int_equal(v.jeugdigen, 5); /* 70 71 72 74 75 */
	assert_int_equal(v.verblijf, 2);  /* 70 72 */
	assert_bijna(v.verblijf_aandeel, 0.4);
	assert_int_equal(v.crisis, 2);    /* 72 74 */
	assert_bijna(v.crisis_aandeel, 0.4);
	assert_verdeling(&v.crisis_duur, 2, 13.0, 13.0, 14);

	assert_int_equal(kpi_verblijf(&d, "0546", van, tot, &v), 0);
	assert_int_equal(v.jeugdigen, 4);
	assert_int_equal(v.verblijf, 1);
	assert_bijna(v.verblijf_aandeel, 0.25);
	assert_int_equal(v.crisis, 1);
	assert_verdeling(&v.crisis_duur, 1, 12.0, 12.0, 12);

	assert_int_equal(kpi_verblijf(&d, "0547", van, tot, &v), 0);
	assert_int_equal(v.jeugdigen, 1);
	assert_bijna(v.verblijf_aandeel, 1.0);
	assert_verdeling(&v.crisis_duur, 1, 14.0, 14.0, 14);

	/* 2025: 71 72 75 still in care; nobody out of home but 72. */
	assert_int_equal(kpi_verblijf(&d, NULL, D(2025, 1, 1), D(2025, 12, 31), &v), 0);
	assert_int_equal(v.jeugdigen, 3);
	assert_int_equal(v.verblijf, 1);
	assert_int_equal(v.crisis, 0);
	assert_verdeling(&v.crisis_duur, 0, 0, 0, 0);
}

/* ---- Verwijzers ---- */

static void test_verwijzers(void **state)
{
	(void)state;
	struct traject t[] = {
		wacht(1, 1, D(2024, 2, 1), GEEN, GEEN),
		tr(1, 2, 4, "45", D(2024, 3, 1), GEEN),             /* first date = start */
		wacht(1, 3, D(2024, 4, 1), GEEN, GEEN),
		wacht(1, 4, D(2024, 5, 1), GEEN, GEEN),
		wacht(1, 5, D(2024, 6, 1), GEEN, GEEN),
		wacht(1, 6, D(2023, 12, 31), GEEN, D(2024, 1, 5)),  /* registered before van */
		wacht(1, 7, D(2024, 1, 10), GEEN, GEEN),            /* local team */
		wacht(1, 8, D(2024, 12, 31), GEEN, GEEN),           /* 0547, on tot */
	};
	const char *types[] = { "01", "02", "02", "", "07", "08", "01", "08" };
	for (size_t i = 0; i < N(t); i++)
		snprintf(t[i].verwijzer, sizeof t[i].verwijzer, "%s", types[i]);
	t[6].segment = 0;
	gemeente(&t[7], "0547");
	struct kpi_data d = { .trajecten = t, .n_trajecten = N(t) };
	dag_t van = D(2024, 1, 1), tot = D(2024, 12, 31);
	struct kpi_verwijzers v;

	assert_string_equal(kpi_verwijzer_codes[0], "01");
	assert_string_equal(kpi_verwijzer_codes[6], "08");
	assert_string_equal(kpi_verwijzer_codes[KPI_VERWIJZER_AANTAL - 1], "");

	kpi_verwijzers(&d, NULL, van, tot, &v);
	const size_t verwacht[KPI_VERWIJZER_AANTAL] = { 1, 2, 0, 0, 0, 0, 1, 2 };
	assert_int_equal(v.totaal, 6);
	for (size_t i = 0; i < KPI_VERWIJZER_AANTAL; i++) {
		assert_int_equal(v.aantal[i], verwacht[i]);
		assert_bijna(v.aandeel[i], verwacht[i] / 6.0);
	}
	kpi_verwijzers(&d, "0546", van, tot, &v);
	assert_int_equal(v.totaal, 5);
	assert_int_equal(v.aantal[6], 0);
	assert_int_equal(v.aantal[7], 2);
	kpi_verwijzers(&d, NULL, D(2030, 1, 1), D(2030, 12, 31), &v);
	assert_int_equal(v.totaal, 0);
	assert_bijna(v.aandeel[0], 0.0);
}

/* ---- Money ---- */

static struct traject_kosten kost(int64_t tid, int64_t jid, const char *g, const char *agb,
				  int seg, int jaar, int64_t goed, int maanden, dag_t laatste)
{
	struct traject_kosten k = { .traject_id = tid, .jeugdige_id = jid, .segment = seg,
				    .jaar = jaar, .goedgekeurd = goed, .maanden = maanden,
				    .laatste_periode_eind = laatste };
	snprintf(k.gemeente, sizeof k.gemeente, "%s", g);
	snprintf(k.agb, sizeof k.agb, "%s", agb);
	return k;
}

static void test_clientkosten(void **state)
{
	(void)state;
	struct traject_kosten k[] = {
		kost(1, 1, "0546", "11111111", 4, 2024, 10000, 1, GEEN),
		kost(2, 1, "0546", "11111111", 4, 2024, 20000, 1, GEEN),
		kost(3, 2, "0546", "11111111", 4, 2024, 5001, 1, GEEN),
		kost(4, 3, "0547", "11111111", 4, 2024, 7001, 1, GEEN),
		kost(5, 4, "0546", "11111111", 4, 2024, 0, 0, GEEN),   /* rejected only */
		kost(6, 5, "0546", "11111111", 4, 2023, 99999, 1, GEEN),
	};
	k[4].afgewezen = 300;
	struct kpi_data d = { .kosten = k, .n_kosten = N(k) };
	struct kpi_clientkosten c;

	assert_int_equal(kpi_clientkosten(&d, NULL, 2024, &c), 0);
	assert_int_equal(c.goedgekeurd, 42002);
	assert_int_equal(c.jeugdigen, 3);
	assert_int_equal(c.gemiddeld, 14001); /* 14000.67 */
	assert_int_equal(kpi_clientkosten(&d, "0546", 2024, &c), 0);
	assert_int_equal(c.goedgekeurd, 35001);
	assert_int_equal(c.jeugdigen, 2);
	assert_int_equal(c.gemiddeld, 17501); /* 17500.5 */
	assert_int_equal(kpi_clientkosten(&d, "0547", 2024, &c), 0);
	assert_int_equal(c.gemiddeld, 7001);
	assert_int_equal(kpi_clientkosten(&d, NULL, 2025, &c), 0);
	assert_int_equal(c.goedgekeurd, 0);
	assert_int_equal(c.jeugdigen, 0);
	assert_int_equal(c.gemiddeld, 0);
	struct kpi_data leeg = { 0 };
	assert_int_equal(kpi_clientkosten(&leeg, NULL, 2024, &c), 0);
	assert_int_equal(c.jeugdigen, 0);
}

static void assert_uitputting(const struct kpi_uitputting *u, int64_t goed, int64_t prognose,
			      int64_t norm, size_t actief, size_t zonder)
{
	assert_int_equal(u->goedgekeurd, goed);
	assert_int_equal(u->prognose, prognose);
	assert_int_equal(u->verwacht, goed + prognose);
	assert_int_equal(u->norm, norm);
	assert_bijna(u->aandeel, norm ? (double)(goed + prognose) / (double)norm : 0);
	assert_int_equal(u->actief, actief);
	assert_int_equal(u->zonder_historie, zonder);
}

static void test_uitputting(void **state)
{
	(void)state;
	struct traject t[] = {
		tr(80, 801, 4, "45", D(2024, 1, 1), GEEN),
		tr(81, 811, 4, "45", D(2024, 5, 20), GEEN),          /* nothing declared yet */
		tr(82, 821, 1, "43", D(2024, 1, 1), GEEN),
		tr(83, 831, 4, "45", D(2024, 1, 1), D(2024, 3, 31)), /* ended */
		tr(84, 841, 4, "45", D(2024, 1, 1), GEEN),           /* 0547 */
		tr(85, 851, 4, "45", D(2024, 1, 1), GEEN),
	};
	snprintf(t[2].agb, sizeof t[2].agb, "22222222");
	snprintf(t[4].agb, sizeof t[4].agb, "22222222");
	gemeente(&t[4], "0547");
	struct traject_kosten k[] = {
		/* 50000 / 5 × 7 months (June-December) = 70000 */
		kost(801, 80, "0546", "11111111", 4, 2024, 50000, 5, D(2024, 5, 31)),
		/* 30000 / 3 × 8 = 80000 */
		kost(821, 82, "0546", "22222222", 1, 2024, 30000, 3, D(2024, 4, 30)),
		/* ended: approved counts, no forecast */
		kost(831, 83, "0546", "11111111", 4, 2024, 12000, 3, D(2024, 3, 31)),
		/* 10000 / 2 × 7 = 35000 */
		kost(841, 84, "0547", "22222222", 4, 2024, 10000, 2, D(2024, 5, 31)),
		/* 10000 / 3 × 7 = 23333.3 -> 23333 */
		kost(851, 85, "0546", "11111111", 4, 2024, 10000, 3, D(2024, 5, 31)),
		/* another year: ignored */
		kost(801, 80, "0546", "11111111", 4, 2023, 77777, 12, D(2023, 12, 31)),
	};
	struct budget b[] = {
		{ .gemeente = "0546", .jaar = 2024, .segment = 4, .bedrag = 500000 },
		{ .gemeente = "0546", .jaar = 2024, .segment = 1, .bedrag = 200000 },
		{ .gemeente = "0547", .jaar = 2024, .segment = 4, .bedrag = 100000 },
		{ .gemeente = "0546", .jaar = 2023, .segment = 4, .bedrag = 999 },
	};
	struct omzetplafond o[] = {
		{ .agb = "11111111", .jaar = 2024, .bedrag = 300000 },
		{ .agb = "22222222", .jaar = 2024, .bedrag = 150000 },
		{ .agb = "22222222", .jaar = 2025, .bedrag = 1 },
	};
	struct kpi_data d = { .trajecten = t, .n_trajecten = N(t), .kosten = k,
			      .n_kosten = N(k), .budgetten = b, .n_budgetten = N(b),
			      .plafonds = o, .n_plafonds = N(o) };
	controleer_volgorde(&d);
	dag_t p = D(2024, 6, 15);
	struct kpi_uitputting u;

	kpi_budgetuitputting(&d, "0546", 2024, -1, p, &u);
	assert_uitputting(&u, 102000, 173333, 700000, 4, 1);
	kpi_budgetuitputting(&d, "0546", 2024, 4, p, &u);
	assert_uitputting(&u, 72000, 93333, 500000, 3, 1);
	kpi_budgetuitputting(&d, NULL, 2024, -1, p, &u);
	assert_uitputting(&u, 112000, 208333, 800000, 5, 1);
	kpi_budgetuitputting(&d, "0546", 2024, 6, p, &u);
	assert_uitputting(&u, 0, 0, 0, 0, 0);

	kpi_plafonduitputting(&d, "11111111", 2024, p, &u);
	assert_uitputting(&u, 72000, 93333, 300000, 3, 1);
	kpi_plafonduitputting(&d, "22222222", 2024, p, &u);
	assert_uitputting(&u, 40000, 115000, 150000, 2, 0);

	/* A last period in December leaves no months to forecast. */
	k[0].laatste_periode_eind = D(2024, 12, 31);
	kpi_plafonduitputting(&d, "11111111", 2024, p, &u);
	assert_uitputting(&u, 72000, 23333, 300000, 3, 1);
	/* Nor one running into the next year; an unknown one leaves all 12:
	 * 50000 / 5 × 12 = 120000. */
	k[0].laatste_periode_eind = D(2025, 1, 31);
	kpi_plafonduitputting(&d, "11111111", 2024, p, &u);
	assert_uitputting(&u, 72000, 23333, 300000, 3, 1);
	k[0].laatste_periode_eind = GEEN;
	kpi_plafonduitputting(&d, "11111111", 2024, p, &u);
	assert_uitputting(&u, 72000, 143333, 300000, 3, 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_treeknorm),
		cmocka_unit_test(test_jeugdhulpgebruik),
		cmocka_unit_test(test_jeugdigen_zorgvorm),
		cmocka_unit_test(test_wachttijd),
		cmocka_unit_test(test_wachtend_grenzen),
		cmocka_unit_test(test_zorgelijk),
		cmocka_unit_test(test_doorlooptijd_uitval),
		cmocka_unit_test(test_herhaald_beroep),
		cmocka_unit_test(test_thuiszitters),
		cmocka_unit_test(test_overgang18),
		cmocka_unit_test(test_collectief),
		cmocka_unit_test(test_verblijf),
		cmocka_unit_test(test_verwijzers),
		cmocka_unit_test(test_clientkosten),
		cmocka_unit_test(test_uitputting),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
