/* Unit tests for steer/geld: each money function on a small hand-made
 * record whose answers were worked out by hand (the comments show the
 * sums), the back-test included. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "steer/geld.h"

#define D(j, m, d) datum_van((j), (m), (d))
#define GEEN DAG_GEEN
#define N(a) (sizeof(a) / sizeof((a)[0]))
#define EPS 1e-9

static void bijna(double a, double b, const char *expr, const char *file, int line)
{
	if (a - b > EPS || b - a > EPS) {
		print_error("%s: %.12g != %.12g\n", expr, a, b);
		_fail(file, line);
	}
}
#define assert_bijna(a, b) bijna((a), (b), #a, __FILE__, __LINE__)

/* ---- Builders ---- */

static struct traject tr(int64_t jid, int64_t id, const char *gem, const char *agb, int seg,
			 dag_t begin, dag_t eind)
{
	struct traject t = {
		.id = id, .jeugdige_id = jid, .segment = seg,
		.status = begin == GEEN ? TRAJECT_AANGEMELD
			  : eind == GEEN ? TRAJECT_GESTART : TRAJECT_BEEINDIGD,
		.aanmelddatum = GEEN, .intakedatum = GEEN,
		.begindatum = begin, .einddatum = eind,
	};
	snprintf(t.categorie, sizeof t.categorie, "%s", seg == 0 ? "31" : "45");
	snprintf(t.gemeente, sizeof t.gemeente, "%s", gem);
	snprintf(t.agb, sizeof t.agb, "%s", agb);
	return t;
}

/* One approved month m of year j (the whole month), declared on the
 * given day. */
static struct geld_prestatie pr(int64_t tid, int64_t jid, const char *gem, const char *agb,
				int seg, int64_t bedrag, int j, int m, dag_t dagtekening)
{
	struct geld_prestatie p = {
		.traject_id = tid, .jeugdige_id = jid, .segment = seg, .bedrag = bedrag,
		.periode_begin = D(j, m, 1), .periode_eind = datum_maand_eind(D(j, m, 1)),
		.dagtekening = dagtekening,
	};
	snprintf(p.gemeente, sizeof p.gemeente, "%s", gem);
	snprintf(p.agb, sizeof p.agb, "%s", agb);
	return p;
}

/* ---- declaration lag ---- */

static void test_vertraging(void **state)
{
	(void)state;
	/* Lags 10, 20, 30, 40 days after the end of January 2024 (31 Jan). */
	struct geld_prestatie p[] = {
		pr(1, 1, "0546", "11111111", 4, 100, 2024, 1, D(2024, 2, 10)),
		pr(1, 1, "0546", "11111111", 4, 100, 2024, 1, D(2024, 2, 20)),
		pr(1, 1, "0546", "11111111", 4, 100, 2024, 1, D(2024, 3, 1)),
		pr(1, 1, "0546", "11111111", 4, 100, 2024, 1, D(2024, 3, 11)),
	};
	struct geld_data g = { .prestaties = p, .n_prestaties = N(p) };
	struct geld_vertraging v;

	assert_int_equal(geld_vertraging(&g, D(2024, 1, 1), D(2024, 12, 31), &v), 0);
	assert_int_equal(v.n, 4);
	assert_bijna(v.mediaan, 25.0);            /* (20 + 30) / 2 */
	assert_int_equal(v.p80, 40);              /* rank ceil(3.2) = 4 */
	assert_int_equal(v.p95, 40);
	assert_int_equal(v.max, 40);
	/* Only the declarations dated up to 1 March: 10, 20, 30. */
	assert_int_equal(geld_vertraging(&g, D(2024, 1, 1), D(2024, 3, 1), &v), 0);
	assert_int_equal(v.n, 3);
	assert_bijna(v.mediaan, 20.0);
	assert_int_equal(v.p80, 30);              /* rank ceil(2.4) = 3 */
	assert_int_equal(geld_vertraging(&g, D(2025, 1, 1), D(2025, 12, 31), &v), 0);
	assert_int_equal(v.n, 0);
}

/* ---- kosten as known on a date ---- */

static void test_kosten_op(void **state)
{
	(void)state;
	struct geld_prestatie p[] = {
		pr(1, 7, "0546", "11111111", 4, 900, 2023, 12, D(2024, 1, 15)),
		pr(1, 7, "0546", "11111111", 4, 100, 2024, 1, D(2024, 2, 10)),
		pr(1, 7, "0546", "11111111", 4, 50, 2024, 1, D(2024, 2, 10)),  /* same month */
		pr(1, 7, "0546", "11111111", 4, 100, 2024, 2, D(2024, 3, 10)),
		pr(1, 7, "0546", "11111111", 4, 150, 2024, 3, D(2024, 4, 12)),
		pr(2, 8, "0547", "22222222", 1, 500, 2024, 1, D(2024, 2, 5)),
	};
	struct geld_data g = { .prestaties = p, .n_prestaties = N(p) };
	struct traject_kosten *k;
	size_t n;

	/* As known on 31 March 2024: trajectory 1 has 2023 (900) and 2024
	 * Jan + Feb (250, two months, last period 29 Feb). */
	assert_int_equal(geld_kosten_op(&g, D(2024, 3, 31), &k, &n), 0);
	assert_int_equal(n, 3);
	assert_int_equal(k[0].traject_id, 1);
	assert_int_equal(k[0].jaar, 2023);
	assert_int_equal(k[0].goedgekeurd, 900);
	assert_int_equal(k[0].maanden, 1);
	assert_int_equal(k[1].jaar, 2024);
	assert_int_equal(k[1].goedgekeurd, 250);
	assert_int_equal(k[1].maanden, 2);
	assert_int_equal(k[1].laatste_periode_eind, D(2024, 2, 29));
	assert_int_equal(k[1].jeugdige_id, 7);
	assert_string_equal(k[1].agb, "11111111");
	assert_int_equal(k[2].traject_id, 2);
	assert_string_equal(k[2].gemeente, "0547");
	assert_int_equal(k[2].segment, 1);
	free(k);
	/* Everything: March too. */
	assert_int_equal(geld_kosten_op(&g, D(2099, 1, 1), &k, &n), 0);
	assert_int_equal(n, 3);
	assert_int_equal(k[1].goedgekeurd, 400);
	assert_int_equal(k[1].maanden, 3);
	assert_int_equal(k[1].laatste_periode_eind, D(2024, 3, 31));
	free(k);
	/* Nothing known yet. */
	assert_int_equal(geld_kosten_op(&g, D(2024, 1, 1), &k, &n), 0);
	assert_int_equal(n, 0);
	free(k);
}

/* ---- the hand-made region of the forecast tests ----
 *
 * Leiden (0546, 0-17 population 3000) and Leiderdorp (0547, 1000).
 * Peildatum 2024-06-30, lag p95 40 days: grens 2024-05-21.
 *  T1 jid 1 A seg 4 active from 2024-01-01: Jan-Apr 1000 each.
 *  T2 jid 2 A seg 4 2024-01-01 .. 2024-05-31: Jan-Mar 500 each.
 *  T3 jid 3 B seg 4 active from 2024-06-01, nothing declared yet.
 *  T4 jid 4 A seg 4 active from 2024-02-01, nothing declared (old).
 *  T5 jid 5 local team (seg 0) active.
 *  T6 jid 6 A seg 4 2023-01-01 .. 2023-12-31: 1000 a month, December 2000,
 *     each declared on the 20th of the next month.
 *  T7 jid 7 waiting for B since 2024-01-10 (beyond the norm),
 *  T8 jid 8 waiting for A since 2024-06-20, T9 jid 9 for B since 2024-06-10.
 */
#define A "11111111"
#define B "22222222"

struct regio {
	struct gemeente gem[2];
	struct traject t[9];
	struct geld_prestatie p[7 + 12];
	size_t n_p;
	struct budget budget[2];
	struct omzetplafond plafond[3];
	struct traject_kosten *kosten;
	struct kpi_data d;
	struct geld_data g;
};

static void regio_maak(struct regio *r)
{
	memset(r, 0, sizeof *r);
	r->gem[0] = (struct gemeente){ .code = "0546", .naam = "Leiden", .jeugdigen_0_17 = 3000 };
	r->gem[1] = (struct gemeente){ .code = "0547", .naam = "Leiderdorp", .jeugdigen_0_17 = 1000 };
	r->t[0] = tr(1, 1, "0546", A, 4, D(2024, 1, 1), GEEN);
	r->t[1] = tr(2, 2, "0546", A, 4, D(2024, 1, 1), D(2024, 5, 31));
	r->t[2] = tr(3, 3, "0546", B, 4, D(2024, 6, 1), GEEN);
	r->t[3] = tr(4, 4, "0546", A, 4, D(2024, 2, 1), GEEN);
	r->t[4] = tr(5, 5, "0546", "", 0, D(2024, 3, 1), GEEN);
	r->t[5] = tr(6, 6, "0546", A, 4, D(2023, 1, 1), D(2023, 12, 31));
	r->t[6] = tr(7, 7, "0547", B, 4, GEEN, GEEN);
	r->t[6].aanmelddatum = D(2024, 1, 10);
	r->t[7] = tr(8, 8, "0547", A, 4, GEEN, GEEN);
	r->t[7].aanmelddatum = D(2024, 6, 20);
	r->t[8] = tr(9, 9, "0547", B, 4, GEEN, GEEN);
	r->t[8].aanmelddatum = D(2024, 6, 10);
	for (int m = 1; m <= 4; m++)
		r->p[r->n_p++] = pr(1, 1, "0546", A, 4, 1000, 2024, m, D(2024, m + 1, 20));
	for (int m = 1; m <= 3; m++)
		r->p[r->n_p++] = pr(2, 2, "0546", A, 4, 500, 2024, m, D(2024, m + 1, 20));
	for (int m = 1; m <= 12; m++)
		r->p[r->n_p++] = pr(6, 6, "0546", A, 4, m == 12 ? 2000 : 1000, 2023, m,
				    m == 12 ? D(2024, 1, 20) : D(2023, m + 1, 20));
	r->budget[0] = (struct budget){ .gemeente = "0546", .jaar = 2024, .segment = 4,
					.bedrag = 20000 };
	r->budget[1] = (struct budget){ .gemeente = "0547", .jaar = 2024, .segment = 4,
					.bedrag = 5000 };
	r->plafond[0] = (struct omzetplafond){ .agb = A, .jaar = 2024, .bedrag = 10000 };
	r->plafond[1] = (struct omzetplafond){ .agb = B, .jaar = 2024, .bedrag = 50000 };
	r->plafond[2] = (struct omzetplafond){ .agb = "33333333", .jaar = 2023, .bedrag = 100 };
	r->g.prestaties = r->p;
	r->g.n_prestaties = r->n_p;
	size_t nk;
	assert_int_equal(geld_kosten_op(&r->g, D(2099, 1, 1), &r->kosten, &nk), 0);
	r->d.gemeenten = r->gem;
	r->d.n_gemeenten = 2;
	r->d.trajecten = r->t;
	r->d.n_trajecten = N(r->t);
	r->d.kosten = r->kosten;
	r->d.n_kosten = nk;
	r->d.budgetten = r->budget;
	r->d.n_budgetten = 2;
	r->d.plafonds = r->plafond;
	r->d.n_plafonds = 3;
	treeknorm_standaard(r->d.norms);
}

static void test_verwachting(void **state)
{
	(void)state;
	struct regio r;
	struct geld_verwachting v;
	struct geld_selectie s = { .gemeente = "0546", .segment = 4 };

	regio_maak(&r);
	assert_int_equal(geld_verwachting(&r.d, &s, 2024, D(2024, 6, 30), 40, &v), 0);
	assert_int_equal(v.norm, 20000);
	assert_int_equal(v.goedgekeurd, 5500);    /* 4 × 1000 + 3 × 500 */
	assert_int_equal(v.prognose, 8000);       /* T1: 4000 / 4 × 8 months */
	/* T2: April ended 30 April, before the grens (21 May): not coming
	 * any more; May (31 May) is: 1500 / 3 × 1. */
	assert_int_equal(v.nalevering, 500);
	/* T3: the segment's average month (5500 / 7) × June..December. T4
	 * started before grens − 31 days: nothing. T5: no provider. */
	assert_int_equal(v.nieuw, 5500);
	assert_int_equal(v.verwacht, 19500);
	assert_bijna(v.aandeel, 0.975);
	assert_int_equal(v.actief, 3);            /* T1, T3, T4 */
	assert_int_equal(v.jeugdigen, 2);
	/* The whole region, all segments: the local team's T5 is active
	 * too; the budget of Leiderdorp is added. */
	s.gemeente = NULL;
	s.segment = -1;
	assert_int_equal(geld_verwachting(&r.d, &s, 2024, D(2024, 6, 30), 40, &v), 0);
	assert_int_equal(v.norm, 25000);
	assert_int_equal(v.verwacht, 19500);
	assert_int_equal(v.actief, 4);
	/* A longer lag keeps April of T2 coming too: 1000. */
	s.gemeente = "0546";
	assert_int_equal(geld_verwachting(&r.d, &s, 2024, D(2024, 6, 30), 70, &v), 0);
	assert_int_equal(v.nalevering, 1000);
	/* Leiderdorp: nothing. */
	s.gemeente = "0547";
	assert_int_equal(geld_verwachting(&r.d, &s, 2024, D(2024, 6, 30), 40, &v), 0);
	assert_int_equal(v.verwacht, 0);
	assert_int_equal(v.norm, 5000);
	free(r.kosten);
}

static void test_backtest(void **state)
{
	(void)state;
	struct regio r;
	struct geld_terugblik t;
	struct geld_backtest_jaar b[GELD_BACKTEST_JAREN];
	struct geld_selectie s = { .gemeente = "0546", .segment = -1 };

	regio_maak(&r);
	assert_int_equal(geld_jaren_terug(D(2024, 2, 29), 1), D(2023, 2, 28));
	assert_int_equal(geld_jaren_terug(D(2024, 6, 30), 2), D(2022, 6, 30));
	/* The record starts on 2023-01-01: one back-test year, 2023 as of
	 * 2023-06-30. */
	assert_int_equal(geld_terugblik_maak(&r.g, 2024, D(2024, 6, 30), D(2023, 1, 1), &t), 0);
	assert_int_equal(t.n, 1);
	assert_int_equal(t.jaar[0], 2023);
	assert_int_equal(t.peildatum[0], D(2023, 6, 30));
	assert_int_equal(geld_backtest(&r.d, &t, &s, 40, b), 0);
	/* Then: January-May of T6 declared (May on 20 June): 5000, five
	 * months, last 31 May; T6 active on 30 June: 1000 × 7 = 7000 to come.
	 * Really: 11 × 1000 + 2000 = 13000. fout = 12000 / 13000 − 1;
	 * r = (13000 − 5000) / 7000 − 1 = 1/7. */
	assert_true(b[0].geldig);
	assert_int_equal(b[0].goedgekeurd, 5000);
	assert_int_equal(b[0].verwacht, 12000);
	assert_int_equal(b[0].werkelijk, 13000);
	assert_bijna(b[0].fout, 12000.0 / 13000.0 - 1.0);
	assert_bijna(b[0].r, 1.0 / 7.0);
	/* One year is too few for a band. */
	{
		struct geld_verwachting v = { .goedgekeurd = 5500, .verwacht = 19500 };
		int64_t laag, hoog;

		assert_false(geld_band(&v, b, t.n, &laag, &hoog));
		assert_int_equal(laag, 19500);
		assert_int_equal(hoog, 19500);
	}
	geld_terugblik_vrij(&t);
	/* From 2022 on: 2022 has no data, so no forecast part: not geldig. */
	assert_int_equal(geld_terugblik_maak(&r.g, 2024, D(2024, 6, 30), D(2022, 1, 1), &t), 0);
	assert_int_equal(t.n, 2);
	assert_int_equal(geld_backtest(&r.d, &t, &s, 40, b), 0);
	assert_true(b[0].geldig);
	assert_false(b[1].geldig);
	geld_terugblik_vrij(&t);
	free(r.kosten);
}

/* Leiden's part of the record gives Leiden's figures (all kosten of the
 * hand-made region are Leiden's, so "nieuw" is the same too), and its
 * back-test the same years. */
static void test_deel(void **state)
{
	(void)state;
	struct regio r;
	struct geld_deel x;
	struct geld_verwachting heel, deel;
	struct geld_terugblik t1, t2;
	struct geld_backtest_jaar b1[GELD_BACKTEST_JAREN], b2[GELD_BACKTEST_JAREN];
	struct geld_selectie s = { .gemeente = "0546", .segment = 4 };

	regio_maak(&r);
	assert_int_equal(geld_deel_maak(&r.d, &r.g, "0546", &x), 0);
	assert_int_equal(x.d.n_trajecten, 6);     /* T1..T6; the waiting ones are 0547's */
	assert_int_equal(x.g.n_prestaties, r.n_p);
	assert_int_equal(geld_verwachting(&r.d, &s, 2024, D(2024, 6, 30), 40, &heel), 0);
	assert_int_equal(geld_verwachting(&x.d, &s, 2024, D(2024, 6, 30), 40, &deel), 0);
	assert_memory_equal(&heel, &deel, sizeof heel);
	assert_int_equal(geld_terugblik_maak(&r.g, 2024, D(2024, 6, 30), D(2023, 1, 1), &t1), 0);
	assert_int_equal(geld_terugblik_maak(&x.g, 2024, D(2024, 6, 30), D(2023, 1, 1), &t2), 0);
	s.segment = -1;
	assert_int_equal(geld_backtest(&r.d, &t1, &s, 40, b1), 0);
	assert_int_equal(geld_backtest(&x.d, &t2, &s, 40, b2), 0);
	assert_memory_equal(b1, b2, sizeof b1);
	geld_terugblik_vrij(&t1);
	geld_terugblik_vrij(&t2);
	geld_deel_vrij(&x);
	/* Leiderdorp's part: only its three waiting trajectories. */
	assert_int_equal(geld_deel_maak(&r.d, &r.g, "0547", &x), 0);
	assert_int_equal(x.d.n_trajecten, 3);
	assert_int_equal(x.d.n_kosten, 0);
	geld_deel_vrij(&x);
	free(r.kosten);
}

static void test_band(void **state)
{
	(void)state;
	struct geld_verwachting v = { .goedgekeurd = 5500, .verwacht = 19500 };
	struct geld_backtest_jaar b[3] = {
		{ .geldig = true, .r = -0.1 },
		{ .geldig = true, .r = 0.2 },
		{ .geldig = false, .r = 5.0 },
	};
	int64_t laag, hoog;

	/* The part to come is 14000: −10 % and +20 % of it. */
	assert_true(geld_band(&v, b, 3, &laag, &hoog));
	assert_int_equal(laag, 19500 - 1400);
	assert_int_equal(hoog, 19500 + 2800);
	/* Errors all on one side: the band still holds the estimate. */
	b[0].r = 0.1;
	assert_true(geld_band(&v, b, 3, &laag, &hoog));
	assert_int_equal(laag, 19500);
	assert_int_equal(hoog, 19500 + 2800);
	/* Nothing left to come: no width. */
	v.goedgekeurd = v.verwacht;
	assert_true(geld_band(&v, b, 3, &laag, &hoog));
	assert_int_equal(laag, 19500);
	assert_int_equal(hoog, 19500);
}

static void test_plafonds(void **state)
{
	(void)state;
	struct regio r;
	struct geld_plafond *p;
	size_t n;

	regio_maak(&r);
	assert_int_equal(geld_plafonds(&r.d, 2024, D(2024, 6, 30), 40, &p, &n), 0);
	assert_int_equal(n, 2);                   /* 33333333 has a 2023 ceiling only */
	/* By agb: A then B. A: 5500 approved + 8000 + 500 = 14000 of 10000. */
	assert_string_equal(p[0].agb, A);
	assert_int_equal(p[0].v.verwacht, 14000);
	assert_bijna(p[0].v.aandeel, 1.4);
	assert_int_equal(p[0].wachtend, 1);       /* T8, 10 days */
	assert_int_equal(p[0].boven_norm, 0);
	/* B: only T3's expected months, 5500 of 50000; T7 and T9 wait, T7
	 * beyond the 28 days to intake. */
	assert_string_equal(p[1].agb, B);
	assert_int_equal(p[1].v.verwacht, 5500);
	assert_int_equal(p[1].wachtend, 2);
	assert_int_equal(p[1].boven_norm, 1);
	geld_plafonds_sorteer(p, n, false);
	assert_string_equal(p[0].agb, A);
	geld_plafonds_sorteer(p, n, true);
	assert_string_equal(p[0].agb, B);
	free(p);
	free(r.kosten);
}

static void test_routes(void **state)
{
	(void)state;
	struct gemeente gem[2] = { { .code = "0546" }, { .code = "0547" } };
	struct kpi_data d = { .gemeenten = gem, .n_gemeenten = 2 };
	/* A: segment 4, 2022-2023, renews tacitly. B: segment 4, 2022-2023,
	 * ended. */
	struct geld_contract c[] = {
		{ .agb = A, .segment = 4, .begindatum = D(2022, 1, 1), .einddatum = D(2023, 12, 31),
		  .stilzwijgend_verlengd = true },
		{ .agb = B, .segment = 4, .begindatum = D(2022, 1, 1), .einddatum = D(2023, 12, 31) },
	};
	struct geld_prestatie p[] = {
		pr(1, 1, "0546", A, 4, 1000, 2024, 1, D(2024, 2, 1)),   /* contract (renewed) */
		pr(2, 2, "0546", B, 4, 300, 2024, 1, D(2024, 2, 1)),    /* B ended: outside */
		pr(3, 3, "0547", A, 1, 200, 2024, 2, D(2024, 3, 1)),    /* no segment-1 contract */
		pr(4, 3, "0547", A, 4, 999, 2023, 12, D(2024, 1, 1)),   /* another year */
		pr(5, 9, "9999", A, 4, 50, 2024, 3, D(2024, 4, 1)),     /* unknown gemeente */
	};
	struct geld_pgb pgb[] = {
		{ .jeugdige_id = 5, .gemeente = "0546", .jaar = 2024, .bedrag = 700 },
		{ .jeugdige_id = 6, .gemeente = "0547", .jaar = 2024, .bedrag = 100 },
		{ .jeugdige_id = 7, .gemeente = "0547", .jaar = 2023, .bedrag = 999 },
	};
	struct geld_data g = { p, N(p), c, N(c), pgb, N(pgb) };
	struct geld_route o[3];

	assert_true(geld_gecontracteerd(&g, A, 4, D(2021, 12, 31)) == false);
	assert_true(geld_gecontracteerd(&g, A, 4, D(2030, 1, 1)));
	assert_true(geld_gecontracteerd(&g, B, 4, D(2023, 12, 31)));
	assert_false(geld_gecontracteerd(&g, B, 4, D(2024, 1, 1)));
	assert_false(geld_gecontracteerd(&g, A, 1, D(2024, 1, 1)));
	assert_int_equal(geld_zorgroutes(&d, &g, 2024, o), 0);
	assert_int_equal(o[0].contract, 1000);
	assert_int_equal(o[0].buiten_contract, 300);
	assert_int_equal(o[0].pgb, 700);
	assert_int_equal(o[0].jeugdigen_contract, 1);
	assert_int_equal(o[0].jeugdigen_buiten, 1);
	assert_int_equal(o[1].contract, 0);
	assert_int_equal(o[1].buiten_contract, 200);
	assert_int_equal(o[1].pgb, 100);
	assert_int_equal(o[2].contract, 1050);
	assert_int_equal(o[2].buiten_contract, 500);
	assert_int_equal(o[2].pgb, 800);
	assert_int_equal(o[2].jeugdigen_contract, 2);
	assert_int_equal(o[2].jeugdigen_buiten, 2);
	assert_int_equal(o[2].jeugdigen_pgb, 2);
}

static void test_verrekening(void **state)
{
	(void)state;
	struct gemeente gem[2] = { { .code = "0546", .jeugdigen_0_17 = 2 },
				   { .code = "0547", .jeugdigen_0_17 = 1 } };
	struct traject_kosten k[] = {
		{ .traject_id = 1, .jeugdige_id = 1, .gemeente = "0546", .jaar = 2024, .goedgekeurd = 70 },
		{ .traject_id = 2, .jeugdige_id = 2, .gemeente = "0547", .jaar = 2024, .goedgekeurd = 30 },
		{ .traject_id = 3, .jeugdige_id = 2, .gemeente = "0547", .jaar = 2023, .goedgekeurd = 99 },
	};
	struct kpi_data d = { .gemeenten = gem, .n_gemeenten = 2, .kosten = k, .n_kosten = N(k) };
	struct geld_verrekening v[3];

	/* 100 cents by population 2 : 1 = 66.67 : 33.33; the cent left goes
	 * to the larger remainder (Leiden: 200 mod 3 = 2 against 1). */
	assert_int_equal(geld_verrekening(&d, 2024, v), 0);
	assert_int_equal(v[0].naar_inwoners, 67);
	assert_int_equal(v[1].naar_inwoners, 33);
	assert_int_equal(v[0].naar_gebruik, 70);
	assert_int_equal(v[1].naar_gebruik, 30);
	assert_int_equal(v[0].verschil, -3);
	assert_int_equal(v[1].verschil, 3);
	assert_bijna(v[0].aandeel, 2.0 / 3.0);
	assert_int_equal(v[2].naar_inwoners, 100);
	assert_int_equal(v[2].naar_gebruik, 100);
	assert_int_equal(v[2].verschil, 0);
	assert_int_equal(v[2].populatie, 3);
	assert_int_equal(v[1].jeugdigen, 1);
	/* No population: nothing shared. */
	gem[0].jeugdigen_0_17 = gem[1].jeugdigen_0_17 = 0;
	assert_int_equal(geld_verrekening(&d, 2024, v), 0);
	assert_int_equal(v[0].naar_inwoners, 0);
	assert_int_equal(v[0].verschil, -70);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_vertraging),
		cmocka_unit_test(test_kosten_op),
		cmocka_unit_test(test_verwachting),
		cmocka_unit_test(test_backtest),
		cmocka_unit_test(test_deel),
		cmocka_unit_test(test_band),
		cmocka_unit_test(test_plafonds),
		cmocka_unit_test(test_routes),
		cmocka_unit_test(test_verrekening),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
