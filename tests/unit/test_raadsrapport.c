/* Unit tests for steer/raadsrapport: the status rule of the goals (cases
 * worked out by hand), the peildatum and year rules, the data-quality
 * counts on a small hand-made record, and a whole PDF (with and without
 * duidingen, exact and suppressed) from that record. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "steer/raadsrapport.h"

#define D(j, m, d) datum_van((j), (m), (d))

/* ---- status rule ---- */

static void test_status_doel(void **state)
{
	(void)state;
	/* 1 op 12 = 8,33 %, in 2025 with five years left: last year 16,0 %,
	 * so the straight line needs 7,67 / 6 = 1,28 points a year. */
	assert_int_equal(raad_status_bepaal(true, 14.5, true, 16.0, 100.0 / 12.0, RAAD_OMLAAG, 2025),
			 RAAD_OP_KOERS);
	assert_int_equal(raad_status_bepaal(true, 15.0, true, 16.0, 100.0 / 12.0, RAAD_OMLAAG, 2025),
			 RAAD_AANDACHT);      /* better, too slowly */
	assert_int_equal(raad_status_bepaal(true, 16.2, true, 16.0, 100.0 / 12.0, RAAD_OMLAAG, 2025),
			 RAAD_AANDACHT);      /* within the marge of 0,5: equal */
	assert_int_equal(raad_status_bepaal(true, 17.0, true, 16.0, 100.0 / 12.0, RAAD_OMLAAG, 2025),
			 RAAD_NIET_OP_KOERS);
	/* Reached: op koers, even without last year's figure. */
	assert_int_equal(raad_status_bepaal(true, 8.0, false, 0, 100.0 / 12.0, RAAD_OMLAAG, 2025),
			 RAAD_OP_KOERS);
	assert_int_equal(raad_status_bepaal(true, 0.0, true, 3.0, 0.0, RAAD_OMLAAG, 2027),
			 RAAD_OP_KOERS);
	/* Thuiszitters (target 0), 2027: three years left, last year 12,
	 * needed 12 / 4 = 3 fewer. */
	assert_int_equal(raad_status_bepaal(true, 9.0, true, 12.0, 0.0, RAAD_OMLAAG, 2027),
			 RAAD_OP_KOERS);
	assert_int_equal(raad_status_bepaal(true, 10.0, true, 12.0, 0.0, RAAD_OMLAAG, 2027),
			 RAAD_AANDACHT);
	/* In 2030 and later a missed target is niet op koers. */
	assert_int_equal(raad_status_bepaal(true, 1.0, true, 5.0, 0.0, RAAD_OMLAAG, 2030),
			 RAAD_NIET_OP_KOERS);
	/* Unknown now, or unknown last year with the target missed. */
	assert_int_equal(raad_status_bepaal(false, 0, true, 1.0, 0.0, RAAD_OMLAAG, 2025),
			 RAAD_GEEN_OORDEEL);
	assert_int_equal(raad_status_bepaal(true, 4.0, false, 0, 0.0, RAAD_OMLAAG, 2025),
			 RAAD_GEEN_OORDEEL);
}

static void test_status_richting(void **state)
{
	(void)state;
	/* More group care: marge max(0,5, 2 % of 12,0) = 0,5. */
	assert_int_equal(raad_status_bepaal(true, 13.0, true, 12.0, NAN, RAAD_OMHOOG, 2025),
			 RAAD_OP_KOERS);
	assert_int_equal(raad_status_bepaal(true, 12.3, true, 12.0, NAN, RAAD_OMHOOG, 2025),
			 RAAD_AANDACHT);
	assert_int_equal(raad_status_bepaal(true, 11.0, true, 12.0, NAN, RAAD_OMHOOG, 2025),
			 RAAD_NIET_OP_KOERS);
	/* Fewer placements: marge 2 % of 50 = 1. */
	assert_int_equal(raad_status_bepaal(true, 48.0, true, 50.0, NAN, RAAD_OMLAAG, 2025),
			 RAAD_OP_KOERS);
	assert_int_equal(raad_status_bepaal(true, 50.8, true, 50.0, NAN, RAAD_OMLAAG, 2025),
			 RAAD_AANDACHT);
	assert_int_equal(raad_status_bepaal(true, 5.0, false, 0, NAN, RAAD_OMLAAG, 2025),
			 RAAD_GEEN_OORDEEL);
	assert_string_equal(raad_status_tekst(RAAD_NIET_OP_KOERS), "niet op koers");
}

/* ---- periods ---- */

static void test_peildatum(void **state)
{
	(void)state;
	assert_int_equal(raadsrapport_peildatum(2025, D(2026, 11, 25)), D(2025, 12, 31));
	assert_int_equal(raadsrapport_peildatum(2026, D(2026, 11, 25)), D(2026, 11, 25));
	assert_int_equal(raadsrapport_standaard_jaar(D(2026, 11, 25)), 2025);
	assert_int_equal(raadsrapport_standaard_jaar(D(2026, 12, 31)), 2026);
}

/* ---- a small record ----
 * Leiden (0546) with 100 youth 0-17, Katwijk (0537) with 200.
 * Youth 1 lives in Leiden; youth 2 has no woonplaats; youth 3 lives in
 * Katwijk.
 * Trajecten (paid by the gemeente shown):
 *   10 youth 1, Leiden, segment 4, aanmelding 2025-01-10, start 2025-03-01
 *   11 youth 1, Leiden, segment 0 (local team): never counted here
 *   20 youth 2, Leiden, segment 4, no aanmelddatum, start 2025-02-01
 *   21 youth 2, Leiden, segment 1, ended 2024-06-30: outside 2025
 *   30 youth 3, Katwijk, segment 4, aanmelding 2025-11-01, not started
 * Declarations 2025: Leiden approved 900, rejected 100; Katwijk 500 / 0. */
static const struct gemeente gem[] = {
	{ "0537", "Katwijk", "Duin- en Bollenstreek", 66000, 200 },
	{ "0546", "Leiden", "Leidse regio", 125000, 100 },
};

static struct traject tr(int64_t jid, int64_t id, const char *g, int seg, dag_t aanm,
			 dag_t begin, dag_t eind)
{
	struct traject t = {
		.id = id, .jeugdige_id = jid, .segment = seg,
		.status = begin == DAG_GEEN ? TRAJECT_AANGEMELD
			  : eind == DAG_GEEN ? TRAJECT_GESTART : TRAJECT_BEEINDIGD,
		.aanmelddatum = aanm, .intakedatum = DAG_GEEN,
		.begindatum = begin, .einddatum = eind,
	};
	snprintf(t.gemeente, sizeof t.gemeente, "%s", g);
	snprintf(t.categorie, sizeof t.categorie, "%s", seg == 0 ? "31" : seg == 1 ? "43" : "45");
	if (seg > 0)
		snprintf(t.agb, sizeof t.agb, "11111111");
	if (eind != DAG_GEEN)
		snprintf(t.reden_beeindiging, sizeof t.reden_beeindiging, "31");
	return t;
}

struct record {
	struct jeugdige jeugdigen[3];
	struct woonplaats woonplaatsen[2];
	struct traject trajecten[5];
	struct traject_kosten kosten[2];
	struct kpi_data d;
};

static void record_maak(struct record *r)
{
	memset(r, 0, sizeof *r);
	for (int i = 0; i < 3; i++)
		r->jeugdigen[i] = (struct jeugdige){ .id = i + 1, .geboortedatum = D(2015, 5, 1) };
	r->woonplaatsen[0] = (struct woonplaats){ .jeugdige_id = 1, .gemeente = "0546",
						  .vanaf = D(2015, 5, 1), .tot = DAG_GEEN };
	r->woonplaatsen[1] = (struct woonplaats){ .jeugdige_id = 3, .gemeente = "0537",
						  .vanaf = D(2015, 5, 1), .tot = DAG_GEEN };
	r->trajecten[0] = tr(1, 10, "0546", 4, D(2025, 1, 10), D(2025, 3, 1), DAG_GEEN);
	r->trajecten[1] = tr(1, 11, "0546", 0, DAG_GEEN, D(2025, 1, 5), DAG_GEEN);
	r->trajecten[2] = tr(2, 20, "0546", 4, DAG_GEEN, D(2025, 2, 1), DAG_GEEN);
	r->trajecten[3] = tr(2, 21, "0546", 1, D(2023, 9, 1), D(2023, 10, 1), D(2024, 6, 30));
	r->trajecten[4] = tr(3, 30, "0537", 4, D(2025, 11, 1), DAG_GEEN, DAG_GEEN);
	r->kosten[0] = (struct traject_kosten){ .traject_id = 10, .jeugdige_id = 1,
						.gemeente = "0546", .segment = 4, .jaar = 2025,
						.goedgekeurd = 900, .afgewezen = 100, .maanden = 3,
						.laatste_periode_eind = D(2025, 5, 31) };
	r->kosten[1] = (struct traject_kosten){ .traject_id = 30, .jeugdige_id = 3,
						.gemeente = "0537", .segment = 4, .jaar = 2025,
						.goedgekeurd = 500, .maanden = 1,
						.laatste_periode_eind = D(2025, 11, 30) };
	r->d.gemeenten = gem;
	r->d.n_gemeenten = 2;
	r->d.jeugdigen = r->jeugdigen;
	r->d.n_jeugdigen = 3;
	r->d.woonplaatsen = r->woonplaatsen;
	r->d.n_woonplaatsen = 2;
	r->d.trajecten = r->trajecten;
	r->d.n_trajecten = 5;
	r->d.kosten = r->kosten;
	r->d.n_kosten = 2;
	treeknorm_standaard(r->d.norms);
}

static void test_jaar(void **state)
{
	struct record r;
	char err[256];

	(void)state;
	record_maak(&r);
	assert_int_equal(raadsrapport_eerste_jaar(&r.d), 2023);
	assert_int_equal(raadsrapport_jaar_geldig(&r.d, 2025, D(2026, 3, 1), err, sizeof err), 0);
	assert_int_equal(raadsrapport_jaar_geldig(&r.d, 2022, D(2026, 3, 1), err, sizeof err), -1);
	assert_non_null(strstr(err, "kies een jaar van 2023 tot en met 2026"));
	assert_int_equal(raadsrapport_jaar_geldig(&r.d, 2027, D(2026, 3, 1), err, sizeof err), -1);
}

static void test_kwaliteit(void **state)
{
	struct record r;
	struct raad_kwaliteit k;

	(void)state;
	record_maak(&r);
	/* Leiden: trajecten 10 and 20 (11 is local, 21 ended in 2024). */
	raadsrapport_kwaliteit(&r.d, "0546", 2025, D(2025, 12, 31), &k);
	assert_int_equal(k.trajecten, 2);
	assert_int_equal(k.zonder_aanmelddatum, 1);
	assert_int_equal(k.jeugdigen, 2);
	assert_int_equal(k.zonder_woonplaats, 1);
	assert_int_equal(k.goedgekeurd, 900);
	assert_int_equal(k.afgewezen, 100);
	/* The region adds 30 (registered in 2025, waiting). */
	raadsrapport_kwaliteit(&r.d, NULL, 2025, D(2025, 12, 31), &k);
	assert_int_equal(k.trajecten, 3);
	assert_int_equal(k.jeugdigen, 3);
	assert_int_equal(k.zonder_woonplaats, 1);
	assert_int_equal(k.goedgekeurd, 1400);
	/* On 2025-10-31 trajectory 30 is not yet registered. */
	raadsrapport_kwaliteit(&r.d, "", 2025, D(2025, 10, 31), &k);
	assert_int_equal(k.trajecten, 2);
}

/* The goals come from doelen_bereken, on the peildatum and a year
 * earlier: "1 op N" counts youth 1 for Leiden and youth 1 and 2 (no
 * woonplaats) for the region in 2025; in 2024 only youth 2 (trajectory 21,
 * until 30 June), for the region only. */
static void test_doelen(void **state)
{
	struct record r;
	struct raad_invoer in = { 0 };
	struct raad_cijfers *c = malloc(sizeof *c);
	char err[256];

	(void)state;
	assert_non_null(c);
	record_maak(&r);
	in.data = &r.d;
	in.gemeente = "0546";
	in.jaar = 2025;
	in.data_tot = D(2026, 3, 1);
	assert_int_equal(raadsrapport_bereken(&in, c, err, sizeof err), 0);
	assert_int_equal(c->basisjaar, 2025);
	assert_int_equal(c->doel_nu[0][DOELEN_GEBRUIK].aantal, 1);
	assert_int_equal(c->doel_nu[0][DOELEN_GEBRUIK].totaal, 100);
	assert_int_equal(c->doel_nu[1][DOELEN_GEBRUIK].aantal, 2);
	assert_int_equal(c->doel_nu[1][DOELEN_GEBRUIK].totaal, 300);
	assert_int_equal(c->doel_vorig[0][DOELEN_GEBRUIK].aantal, 0);
	assert_int_equal(c->doel_vorig[1][DOELEN_GEBRUIK].aantal, 1);
	/* The baseline year is the report's year: basis equals now. */
	assert_int_equal(c->doel_basis[0][DOELEN_GEBRUIK].aantal, 1);
	free(c);
}

/* ---- the whole PDF ---- */

static void maak_pdf(const struct raad_invoer *in, unsigned char **pdf, size_t *len)
{
	struct raad_cijfers *c = malloc(sizeof *c);
	char err[256];

	assert_non_null(c);
	assert_int_equal(raadsrapport_bereken(in, c, err, sizeof err), 0);
	assert_int_equal(c->peildatum, D(2025, 12, 31));
	assert_int_equal(c->peildatum_vorig, D(2024, 12, 31));
	assert_int_equal(raadsrapport_pdf(in, c, pdf, len, err, sizeof err), 0);
	free(c);
	assert_true(*len > 1000);
	assert_memory_equal(*pdf, "%PDF-", 5);
	assert_memory_equal(*pdf + *len - 6, "%%EOF", 5);
}

static void test_pdf(void **state)
{
	const struct raad_duiding duiding[] = {
		{ "Wachttijd", "2025", "De wachttijd daalde doordat twee aanbieders € 50.000 extra "
		  "capaciteit inzetten; één team werkt nu met een wachtlijstcoördinator. "
		  "Een heel lange zin die over meerdere regels moet lopen om het afbreken te "
		  "beproeven, met woorden als cliëntondersteuning en jeugdhulpaanbieders.",
		  "Beleidsadviseur Leiden", D(2026, 2, 1) },
		{ "Thuiszitters", NULL, NULL, NULL, DAG_GEEN },
	};
	struct record r;
	struct raad_invoer in = { 0 };
	unsigned char *pdf = NULL;
	size_t len = 0;
	struct raad_cijfers *c;
	char err[256];

	(void)state;
	record_maak(&r);
	in.data = &r.d;
	in.gemeente = "0546";
	in.jaar = 2025;
	in.data_tot = D(2026, 3, 1);
	in.gemaakt = D(2026, 3, 2);
	maak_pdf(&in, &pdf, &len);
	free(pdf);

	in.exact_gemeente = in.exact_regio = true;
	in.duidingen = duiding;
	in.n_duidingen = 2;
	maak_pdf(&in, &pdf, &len);
	free(pdf);

	/* An unknown gemeente is refused with a message. */
	c = calloc(1, sizeof *c);
	assert_non_null(c);
	in.gemeente = "9999";
	assert_int_equal(raadsrapport_pdf(&in, c, &pdf, &len, err, sizeof err), -1);
	assert_null(pdf);
	assert_non_null(strstr(err, "9999"));
	free(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_status_doel),
		cmocka_unit_test(test_status_richting),
		cmocka_unit_test(test_peildatum),
		cmocka_unit_test(test_jaar),
		cmocka_unit_test(test_kwaliteit),
		cmocka_unit_test(test_doelen),
		cmocka_unit_test(test_pdf),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
