/* test_store: the SQLite store end to end, in a temporary directory. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "domain/datum.h"
#include "store/store.h"

struct fixture {
	char dir[64];
	char path[128];
};

static void remove_db(const char *path)
{
	char p[160];

	unlink(path);
	snprintf(p, sizeof p, "%s-wal", path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", path);
	unlink(p);
	snprintf(p, sizeof p, "%s-journal", path);
	unlink(p);
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);

	if (!f)
		return -1;
	snprintf(f->dir, sizeof f->dir, "/tmp/jr_store_XXXXXX");
	if (!mkdtemp(f->dir)) {
		free(f);
		return -1;
	}
	snprintf(f->path, sizeof f->path, "%s/test.db", f->dir);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	remove_db(f->path);
	rmdir(f->dir);
	free(f);
	return 0;
}

static struct store *open_ok(const struct fixture *f)
{
	char err[512] = "";
	struct store *st = store_open(f->path, err, sizeof err);

	if (!st)
		fail_msg("store_open: %s", err);
	return st;
}

static dag_t D(int y, int m, int d)
{
	return datum_van(y, m, d);
}

/* Run SQL on the file directly, as another program would. */
static void raw_sql(const char *path, const char *sql)
{
	sqlite3 *db = NULL;
	char *msg = NULL;

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("raw sql: %s", msg ? msg : "?");
	sqlite3_close(db);
}

static void test_create(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_ok(f);

	assert_int_equal(store_schema_version(st), store_schema_newest());
	assert_true(store_schema_newest() >= 1);
	assert_int_equal(store_is_empty(st), 1);
	assert_int_equal(store_count(st, "gemeente"), 0);
	assert_int_equal(store_count(st, "schema_versie"), store_schema_newest());
	store_close(st);

	/* The file says whose it is. */
	{
		sqlite3 *db;
		sqlite3_stmt *s;
		assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
		assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA application_id", -1, &s, NULL), SQLITE_OK);
		assert_int_equal(sqlite3_step(s), SQLITE_ROW);
		assert_int_equal(sqlite3_column_int64(s, 0), 0x4A524547);
		sqlite3_finalize(s);
		assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &s, NULL), SQLITE_OK);
		assert_int_equal(sqlite3_step(s), SQLITE_ROW);
		assert_string_equal((const char *)sqlite3_column_text(s, 0), "wal");
		sqlite3_finalize(s);
		sqlite3_close(db);
	}
}

/* One record of every kind, shared by the round-trip tests. */
static const struct gemeente gem = { "0546", "Leiden", "Leidse regio", 125000, 21000 };
static const struct gemeente gem2 = { "0575", "Noordwijk", "", 44000, 8800 };

static void put_everything(struct store *st)
{
	struct deelname dn = { "0546", 4, D(2022, 1, 1) };
	struct lokaal_team lt = { 7, "Jeugdteam Leidse regio" };
	struct lokaal_team_gemeente ltg = { 7, "0546" };
	struct netwerk nw = { 3, "Netwerk Ambulant" };
	struct aanbieder ab = { "01234567", "Zorg & Co", 3 };
	struct aanbieder ab2 = { "76543210", "Solo", 0 };
	struct product pr = { "45A11", "45", "Ambulante behandeling", "Inspanningsgericht", "04", 4, false };
	struct product pr2 = { "54001", "54", "Groepstraining", "", "", -1, true };
	struct contract co = { 11, "01234567", 4, D(2022, 1, 1), D(2025, 12, 31), true };
	struct tarief ta = { 11, "45A11", 2024, 12345, "04" };
	struct omzetplafond op = { "01234567", 2024, 500000000 };
	struct budget bu = { "0546", 2024, 4, 9000000000LL };
	struct gezin gz = { 5, "R. Regisseur", 7, D(2024, 2, 1), DAG_GEEN };
	struct jeugdige je = { 100, "999900006", D(2012, 2, 29), 2, "Anna Maria", "de Vries", 5 };
	struct jeugdige je2 = { 101, "999900006", D(2013, 3, 1), 0, "", "Jansen", 0 };
	struct woonplaats wp1 = { 100, "0546", D(2012, 2, 29), D(2020, 6, 30) };
	struct woonplaats wp2 = { 100, "0575", D(2020, 7, 1), DAG_GEEN };
	struct verwijzing vw = { 200, 100, D(2024, 1, 10), "02", "0546" };
	struct toewijzing tw = { 300, 100, "01234567", "0546", "45", "45A11",
				 D(2024, 1, 15), D(2024, 2, 1), D(2024, 12, 31), 60, "04",
				 "6", 0, "", 200 };
	struct traject tr = { .id = 400, .jeugdige_id = 100, .toewijzing_nummer = 300,
			      .agb = "01234567", .team_id = 0, .gemeente = "0546",
			      .segment = 4, .categorie = "45", .productcode = "45A11",
			      .groep = false, .verwijzing_id = 200, .verwijzer = "99",
			      .status = TRAJECT_GESTART, .aanmelddatum = D(2024, 1, 20),
			      .intakedatum = DAG_GEEN, .begindatum = D(2024, 2, 5),
			      .einddatum = DAG_GEEN, .reden_beeindiging = "",
			      .overbrugging = true, .veiligheidssignaal = false };
	/* Local-team help: no toewijzing, provider, product or referral. */
	struct traject tr2 = { .id = 401, .jeugdige_id = 101, .toewijzing_nummer = 0,
			       .agb = "", .team_id = 7, .gemeente = "0575",
			       .segment = 0, .categorie = "31", .productcode = "",
			       .groep = true, .verwijzing_id = 0, .verwijzer = "",
			       .status = TRAJECT_BEEINDIGD, .aanmelddatum = DAG_GEEN,
			       .intakedatum = DAG_GEEN, .begindatum = D(2023, 5, 1),
			       .einddatum = D(2023, 11, 30), .reden_beeindiging = "02",
			       .overbrugging = false, .veiligheidssignaal = true };
	struct zorgelijk_besluit zb = { 500, 400, 1717171717, true, "wacht te lang, thuiszitter", "medewerker SOZ" };
	struct declaratie de = { 600, "D00000000042", "01234567", "0546", D(2024, 2, 1),
				 D(2024, 2, 29), D(2024, 3, 5), 75000, 75000 };
	struct prestatie ps = { 700, 600, "REF-000000000000001", 100, 400, 300, "45", "45A11",
				D(2024, 2, 1), D(2024, 2, 29), 6, "04", 12500, 75000, "0200", true };
	struct capaciteit ca = { 800, "01234567", "45A11", D(2024, 3, 1), 4, 1 };
	struct schoolstatus ss = { 900, 100, D(2024, 1, 8), DAG_GEEN };
	struct perspectiefplan pp = { 100, D(2024, 6, 1) };

	assert_int_equal(store_begin(st), 0);
	assert_int_equal(store_put_segment(st, 4, "Ambulante jeugdhulp"), 0);
	assert_int_equal(store_put_gemeente(st, &gem), 0);
	assert_int_equal(store_put_gemeente(st, &gem2), 0);
	assert_int_equal(store_put_deelname(st, &dn), 0);
	assert_int_equal(store_put_lokaal_team(st, &lt), 0);
	assert_int_equal(store_put_lokaal_team_gemeente(st, &ltg), 0);
	assert_int_equal(store_put_netwerk(st, &nw), 0);
	assert_int_equal(store_put_aanbieder(st, &ab), 0);
	assert_int_equal(store_put_aanbieder(st, &ab2), 0);
	assert_int_equal(store_put_product(st, &pr), 0);
	assert_int_equal(store_put_product(st, &pr2), 0);
	assert_int_equal(store_put_contract(st, &co), 0);
	assert_int_equal(store_put_tarief(st, &ta), 0);
	assert_int_equal(store_put_omzetplafond(st, &op), 0);
	assert_int_equal(store_put_budget(st, &bu), 0);
	assert_int_equal(store_put_gezin(st, &gz), 0);
	/* Same BSN, other birth date: a different youth (see schema.c). */
	assert_int_equal(store_put_jeugdige(st, &je), 0);
	assert_int_equal(store_put_jeugdige(st, &je2), 0);
	assert_int_equal(store_put_woonplaats(st, &wp2), 0);
	assert_int_equal(store_put_woonplaats(st, &wp1), 0);
	assert_int_equal(store_put_verwijzing(st, &vw), 0);
	assert_int_equal(store_put_toewijzing(st, &tw), 0);
	assert_int_equal(store_put_traject(st, &tr2), 0);
	assert_int_equal(store_put_traject(st, &tr), 0);
	assert_int_equal(store_put_zorgelijk_besluit(st, &zb), 0);
	assert_int_equal(store_put_declaratie(st, &de), 0);
	assert_int_equal(store_put_prestatie(st, &ps), 0);
	assert_int_equal(store_put_capaciteit(st, &ca), 0);
	assert_int_equal(store_put_schoolstatus(st, &ss), 0);
	assert_int_equal(store_put_perspectiefplan(st, &pp), 0);
	assert_int_equal(store_commit(st), 0);
}

static void test_roundtrip(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_ok(f);
	struct kpi_data d;
	const struct traject *t;

	put_everything(st);
	assert_int_equal(store_is_empty(st), 0);

	/* Every table got its row(s). */
	static const struct { const char *t; int64_t n; } counts[] = {
		{ "segment", 1 }, { "gemeente", 2 }, { "deelname", 1 }, { "lokaal_team", 1 },
		{ "lokaal_team_gemeente", 1 }, { "netwerk", 1 }, { "aanbieder", 2 },
		{ "product", 2 }, { "contract", 1 }, { "tarief", 1 }, { "omzetplafond", 1 },
		{ "budget", 1 }, { "gezin", 1 }, { "jeugdige", 2 }, { "woonplaats", 2 },
		{ "verwijzing", 1 }, { "toewijzing", 1 }, { "traject", 2 },
		{ "zorgelijk_besluit", 1 }, { "declaratie", 1 }, { "prestatie", 1 },
		{ "capaciteit", 1 }, { "schoolstatus", 1 }, { "perspectiefplan", 1 },
		{ "meta", 0 }, { "gebruiker", 0 },
	};
	for (size_t i = 0; i < sizeof counts / sizeof counts[0]; i++) {
		int64_t n = store_count(st, counts[i].t);
		if (n != counts[i].n)
			fail_msg("%s: %lld rows, expected %lld (%s)", counts[i].t,
				 (long long)n, (long long)counts[i].n, store_error(st));
	}

	assert_int_equal(store_kpi_load(st, &d), 0);

	assert_int_equal(d.n_gemeenten, 2);
	assert_string_equal(d.gemeenten[0].code, "0546");
	assert_string_equal(d.gemeenten[0].naam, "Leiden");
	assert_string_equal(d.gemeenten[0].subregio, "Leidse regio");
	assert_int_equal(d.gemeenten[0].inwoners, 125000);
	assert_int_equal(d.gemeenten[0].jeugdigen_0_17, 21000);
	assert_string_equal(d.gemeenten[1].code, "0575");
	assert_string_equal(d.gemeenten[1].subregio, "");

	assert_int_equal(d.n_jeugdigen, 2);
	assert_int_equal(d.jeugdigen[0].id, 100);
	assert_string_equal(d.jeugdigen[0].bsn, "999900006");
	assert_int_equal(d.jeugdigen[0].geboortedatum, D(2012, 2, 29));
	assert_int_equal(d.jeugdigen[0].geslacht, 2);
	assert_string_equal(d.jeugdigen[0].voornamen, "Anna Maria");
	assert_string_equal(d.jeugdigen[0].achternaam, "de Vries");
	assert_int_equal(d.jeugdigen[0].gezin_id, 5);
	assert_int_equal(d.jeugdigen[1].id, 101);
	assert_string_equal(d.jeugdigen[1].voornamen, "");
	assert_int_equal(d.jeugdigen[1].gezin_id, 0);

	/* Ordered by (jeugdige_id, vanaf), though inserted the other way. */
	assert_int_equal(d.n_woonplaatsen, 2);
	assert_string_equal(d.woonplaatsen[0].gemeente, "0546");
	assert_int_equal(d.woonplaatsen[0].vanaf, D(2012, 2, 29));
	assert_int_equal(d.woonplaatsen[0].tot, D(2020, 6, 30));
	assert_string_equal(d.woonplaatsen[1].gemeente, "0575");
	assert_int_equal(d.woonplaatsen[1].tot, DAG_GEEN);

	assert_int_equal(d.n_trajecten, 2);
	t = &d.trajecten[0];
	assert_int_equal(t->id, 400);
	assert_int_equal(t->jeugdige_id, 100);
	assert_int_equal(t->toewijzing_nummer, 300);
	assert_string_equal(t->agb, "01234567");
	assert_int_equal(t->team_id, 0);
	assert_string_equal(t->gemeente, "0546");
	assert_int_equal(t->segment, 4);
	assert_string_equal(t->categorie, "45");
	assert_string_equal(t->productcode, "45A11");
	assert_false(t->groep);
	assert_int_equal(t->verwijzing_id, 200);
	assert_string_equal(t->verwijzer, "02"); /* from the verwijzing, not the struct */
	assert_int_equal(t->status, TRAJECT_GESTART);
	assert_int_equal(t->aanmelddatum, D(2024, 1, 20));
	assert_int_equal(t->intakedatum, DAG_GEEN);
	assert_int_equal(t->begindatum, D(2024, 2, 5));
	assert_int_equal(t->einddatum, DAG_GEEN);
	assert_string_equal(t->reden_beeindiging, "");
	assert_true(t->overbrugging);
	assert_false(t->veiligheidssignaal);
	t = &d.trajecten[1];
	assert_int_equal(t->id, 401);
	assert_int_equal(t->toewijzing_nummer, 0);
	assert_string_equal(t->agb, "");
	assert_int_equal(t->team_id, 7);
	assert_int_equal(t->segment, 0);
	assert_string_equal(t->categorie, "31");
	assert_string_equal(t->productcode, "");
	assert_true(t->groep);
	assert_int_equal(t->verwijzing_id, 0);
	assert_string_equal(t->verwijzer, "");
	assert_int_equal(t->status, TRAJECT_BEEINDIGD);
	assert_int_equal(t->aanmelddatum, DAG_GEEN);
	assert_int_equal(t->einddatum, D(2023, 11, 30));
	assert_string_equal(t->reden_beeindiging, "02");
	assert_true(t->veiligheidssignaal);

	assert_int_equal(d.n_school, 1);
	assert_int_equal(d.school[0].id, 900);
	assert_int_equal(d.school[0].jeugdige_id, 100);
	assert_int_equal(d.school[0].niet_naar_school_sinds, D(2024, 1, 8));
	assert_int_equal(d.school[0].tot, DAG_GEEN);

	assert_int_equal(d.n_plannen, 1);
	assert_int_equal(d.plannen[0].jeugdige_id, 100);
	assert_int_equal(d.plannen[0].datum, D(2024, 6, 1));

	assert_int_equal(d.n_besluiten, 1);
	assert_int_equal(d.besluiten[0].id, 500);
	assert_int_equal(d.besluiten[0].traject_id, 400);
	assert_int_equal(d.besluiten[0].tijdstip, 1717171717);
	assert_true(d.besluiten[0].bevestigd);
	assert_string_equal(d.besluiten[0].reden, "wacht te lang, thuiszitter");
	assert_string_equal(d.besluiten[0].door, "medewerker SOZ");

	assert_int_equal(d.n_kosten, 1);
	assert_int_equal(d.kosten[0].traject_id, 400);
	assert_int_equal(d.kosten[0].jeugdige_id, 100);
	assert_string_equal(d.kosten[0].gemeente, "0546");
	assert_string_equal(d.kosten[0].agb, "01234567");
	assert_int_equal(d.kosten[0].segment, 4);
	assert_int_equal(d.kosten[0].jaar, 2024);
	assert_int_equal(d.kosten[0].goedgekeurd, 75000);
	assert_int_equal(d.kosten[0].afgewezen, 0);
	assert_int_equal(d.kosten[0].maanden, 1);
	assert_int_equal(d.kosten[0].laatste_periode_eind, D(2024, 2, 29));

	assert_int_equal(d.n_budgetten, 1);
	assert_string_equal(d.budgetten[0].gemeente, "0546");
	assert_int_equal(d.budgetten[0].jaar, 2024);
	assert_int_equal(d.budgetten[0].segment, 4);
	assert_int_equal(d.budgetten[0].bedrag, 9000000000LL);

	assert_int_equal(d.n_plafonds, 1);
	assert_string_equal(d.plafonds[0].agb, "01234567");
	assert_int_equal(d.plafonds[0].jaar, 2024);
	assert_int_equal(d.plafonds[0].bedrag, 500000000);

	store_kpi_release(&d);
	assert_null(d.trajecten);
	assert_int_equal(d.n_trajecten, 0);
	store_close(st);
}

/* Records read back only through SQL (not in kpi_data): check the NULL
 * mapping at the column level. */
static void test_nulls_in_columns(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_ok(f);
	sqlite3 *db;
	sqlite3_stmt *s;

	put_everything(st);
	store_close(st);
	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db,
		"SELECT (SELECT count(*) FROM traject WHERE id = 401 AND toewijzing_nummer IS NULL"
		"        AND agb IS NULL AND productcode IS NULL AND verwijzing_id IS NULL"
		"        AND aanmelddatum IS NULL AND reden_beeindiging = '02'),"
		"       (SELECT count(*) FROM product WHERE code = '54001' AND segment IS NULL"
		"        AND eenheid IS NULL AND uitvoeringsvariant IS NULL),"
		"       (SELECT count(*) FROM aanbieder WHERE agb = '76543210' AND netwerk_id IS NULL),"
		"       (SELECT count(*) FROM gezin WHERE plan_datum IS NULL AND analyse_datum = '2024-02-01'),"
		"       (SELECT count(*) FROM toewijzing WHERE reden_wijziging IS NULL AND einddatum = '2024-12-31')",
		-1, &s, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	for (int i = 0; i < 5; i++)
		assert_int_equal(sqlite3_column_int(s, i), 1);
	sqlite3_finalize(s);
	sqlite3_close(db);
}

static void test_kosten(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_ok(f);
	struct kpi_data d;
	struct prestatie p = { .declaratie_id = 600, .jeugdige_id = 100, .traject_id = 400,
			       .toewijzing_nummer = 300, .categorie = "45", .productcode = "45A11",
			       .volume = 1, .eenheid = "04", .tarief = 100 };
	static const struct {
		int y1, m1, d1, y2, m2, d2;
		int64_t bedrag;
		bool ok;
		int64_t traject;
	} rows[] = {
		{ 2023, 12, 1, 2023, 12, 31, 100, false, 400 },  /* rejected only */
		{ 2024, 1, 1, 2024, 1, 15, 1000, true, 400 },
		{ 2024, 1, 16, 2024, 1, 31, 500, true, 400 },    /* same month */
		{ 2024, 2, 1, 2024, 2, 29, 700, true, 400 },
		{ 2024, 3, 1, 2024, 3, 31, 300, false, 400 },    /* rejected: no month */
		{ 2025, 1, 1, 2025, 1, 31, 200, true, 400 },
		{ 2024, 5, 1, 2024, 5, 31, 999, true, 0 },       /* no trajectory */
	};

	put_everything(st);
	assert_int_equal(store_begin(st), 0);
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		p.id = 1000 + (int64_t)i;
		snprintf(p.referentie, sizeof p.referentie, "R%zu", i);
		p.periode_begin = D(rows[i].y1, rows[i].m1, rows[i].d1);
		p.periode_eind = D(rows[i].y2, rows[i].m2, rows[i].d2);
		p.bedrag = rows[i].bedrag;
		p.goedgekeurd = rows[i].ok;
		snprintf(p.retourcode, sizeof p.retourcode, "%s", rows[i].ok ? "0200" : "8001");
		p.traject_id = rows[i].traject;
		if (store_put_prestatie(st, &p) != 0)
			fail_msg("prestatie %zu: %s", i, store_error(st));
	}
	assert_int_equal(store_commit(st), 0);

	assert_int_equal(store_kpi_load(st, &d), 0);
	/* put_everything's prestatie (2024-02, 75000 approved) adds to 2024. */
	assert_int_equal(d.n_kosten, 3);
	assert_int_equal(d.kosten[0].traject_id, 400);
	assert_int_equal(d.kosten[0].jaar, 2023);
	assert_int_equal(d.kosten[0].goedgekeurd, 0);
	assert_int_equal(d.kosten[0].afgewezen, 100);
	assert_int_equal(d.kosten[0].maanden, 0);
	assert_int_equal(d.kosten[0].laatste_periode_eind, DAG_GEEN);

	assert_int_equal(d.kosten[1].jaar, 2024);
	assert_int_equal(d.kosten[1].goedgekeurd, 1000 + 500 + 700 + 75000);
	assert_int_equal(d.kosten[1].afgewezen, 300);
	assert_int_equal(d.kosten[1].maanden, 2);
	assert_int_equal(d.kosten[1].laatste_periode_eind, D(2024, 2, 29));
	assert_string_equal(d.kosten[1].gemeente, "0546");
	assert_string_equal(d.kosten[1].agb, "01234567");
	assert_int_equal(d.kosten[1].segment, 4);
	assert_int_equal(d.kosten[1].jeugdige_id, 100);

	assert_int_equal(d.kosten[2].jaar, 2025);
	assert_int_equal(d.kosten[2].goedgekeurd, 200);
	assert_int_equal(d.kosten[2].afgewezen, 0);
	assert_int_equal(d.kosten[2].maanden, 1);
	assert_int_equal(d.kosten[2].laatste_periode_eind, D(2025, 1, 31));
	store_kpi_release(&d);
	store_close(st);
}

static void test_duplicate_and_fk(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_ok(f);
	struct traject t = { .id = 1, .jeugdige_id = 42, .gemeente = "0546", .segment = 4,
			     .categorie = "45", .status = TRAJECT_AANGEMELD,
			     .aanmelddatum = DAG_GEEN, .intakedatum = DAG_GEEN,
			     .begindatum = DAG_GEEN, .einddatum = DAG_GEEN };

	assert_int_equal(store_put_gemeente(st, &gem), 0);
	assert_int_equal(store_put_gemeente(st, &gem), -2);
	assert_non_null(strstr(store_error(st), "bestaat al"));
	assert_non_null(strstr(store_error(st), "gemeente"));

	/* The connection stays usable after a failed statement. */
	assert_int_equal(store_put_gemeente(st, &gem2), 0);
	assert_int_equal(store_count(st, "gemeente"), 2);

	/* A reference to a youth that does not exist. */
	assert_int_equal(store_put_traject(st, &t), -2);
	assert_non_null(strstr(store_error(st), "niet bestaat"));

	/* A value the schema does not allow. */
	struct gemeente bad = gem;
	snprintf(bad.code, sizeof bad.code, "546");
	assert_int_equal(store_put_gemeente(st, &bad), -2);
	assert_non_null(strstr(store_error(st), "ongeldige waarde"));
	store_close(st);
}

static void test_rollback(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_ok(f);

	assert_int_equal(store_begin(st), 0);
	assert_int_equal(store_put_gemeente(st, &gem), 0);
	assert_int_equal(store_meta_set(st, "seed", "1"), 0);
	assert_int_equal(store_count(st, "gemeente"), 1);
	assert_int_equal(store_rollback(st), 0);
	assert_int_equal(store_count(st, "gemeente"), 0);
	assert_int_equal(store_count(st, "meta"), 0);
	assert_int_equal(store_is_empty(st), 1);
	/* A rollback without a transaction is harmless. */
	assert_int_equal(store_rollback(st), 0);
	store_close(st);
}

static void test_meta_and_reopen(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_ok(f);
	char buf[64];
	char tiny[3];

	assert_int_equal(store_meta_get(st, "seed", buf, sizeof buf), 0);
	assert_int_equal(store_meta_set(st, "seed", "41"), 0);
	assert_int_equal(store_meta_set(st, "seed", "42"), 0);
	assert_int_equal(store_meta_set(st, "leeg", ""), 0);
	assert_int_equal(store_meta_get(st, "seed", buf, sizeof buf), 1);
	assert_string_equal(buf, "42");
	assert_int_equal(store_meta_get(st, "leeg", buf, sizeof buf), 1);
	assert_string_equal(buf, "");
	assert_int_equal(store_meta_set(st, "lang", "abcdef"), 0);
	assert_int_equal(store_meta_get(st, "lang", tiny, sizeof tiny), -2);
	assert_int_equal(store_put_gemeente(st, &gem), 0);
	store_close(st);

	/* Reopen: no migration runs twice, the data is there. */
	st = open_ok(f);
	assert_int_equal(store_schema_version(st), store_schema_newest());
	assert_int_equal(store_count(st, "schema_versie"), store_schema_newest());
	assert_int_equal(store_meta_get(st, "seed", buf, sizeof buf), 1);
	assert_string_equal(buf, "42");
	assert_int_equal(store_count(st, "gemeente"), 1);
	store_close(st);

	/* The "sqlite:" prefix names the same file. */
	{
		char url[160], err[512];
		snprintf(url, sizeof url, "sqlite:%s", f->path);
		st = store_open(url, err, sizeof err);
		assert_non_null(st);
		assert_int_equal(store_count(st, "gemeente"), 1);
		store_close(st);
	}
}

static void test_not_sqlite(void **state)
{
	struct fixture *f = *state;
	char err[512] = "";
	FILE *fp = fopen(f->path, "w");

	assert_non_null(fp);
	for (int i = 0; i < 200; i++)
		fputs("bsn;naam;gemeente\n", fp);
	fclose(fp);
	assert_null(store_open(f->path, err, sizeof err));
	assert_non_null(strstr(err, "geen SQLite-database"));
	assert_non_null(strstr(err, f->path));
}

static void test_other_application(void **state)
{
	struct fixture *f = *state;
	char err[512] = "";

	raw_sql(f->path, "PRAGMA application_id = 305419896;"
			 "CREATE TABLE boeken (isbn TEXT PRIMARY KEY);");
	assert_null(store_open(f->path, err, sizeof err));
	assert_non_null(strstr(err, "geen jeugdregie-database"));

	/* Refused before anything changed: still their journal mode, no
	 * tables of ours. */
	{
		sqlite3 *db;
		sqlite3_stmt *s;
		assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
		assert_int_equal(sqlite3_prepare_v2(db,
			"SELECT count(*) FROM sqlite_schema", -1, &s, NULL), SQLITE_OK);
		assert_int_equal(sqlite3_step(s), SQLITE_ROW);
		assert_int_equal(sqlite3_column_int(s, 0), 2); /* table + its pk index */
		sqlite3_finalize(s);
		assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &s, NULL), SQLITE_OK);
		assert_int_equal(sqlite3_step(s), SQLITE_ROW);
		assert_string_equal((const char *)sqlite3_column_text(s, 0), "delete");
		sqlite3_finalize(s);
		sqlite3_close(db);
	}
	remove_db(f->path);

	/* No application_id at all but tables: also not ours. */
	raw_sql(f->path, "CREATE TABLE x (a INTEGER);");
	err[0] = '\0';
	assert_null(store_open(f->path, err, sizeof err));
	assert_non_null(strstr(err, "geen jeugdregie-database"));
}

static void test_newer_schema(void **state)
{
	struct fixture *f = *state;
	char err[512] = "", want[128];
	struct store *st = open_ok(f);

	store_close(st);
	raw_sql(f->path, "INSERT INTO schema_versie (versie, beschrijving, toegepast)"
			 " VALUES (99, 'uit de toekomst', '2031-01-01T00:00:00Z')");
	assert_null(store_open(f->path, err, sizeof err));
	assert_non_null(strstr(err, "nieuwere versie van jeugdregie"));
	snprintf(want, sizeof want, "schema 99, deze versie kent %d", store_schema_newest());
	assert_non_null(strstr(err, want));
}

static void test_count_unknown_table(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_ok(f);

	assert_int_equal(store_count(st, "bestaatniet"), -2);
	assert_non_null(strstr(store_error(st), "onbekende tabel"));
	assert_int_equal(store_count(st, "gemeente; DROP TABLE gemeente"), -2);
	assert_int_equal(store_count(st, "sqlite_schema"), -2);
	assert_int_equal(store_count(st, NULL), -2);
	assert_int_equal(store_count(st, "gemeente"), 0);
	store_close(st);
}

static void test_bad_url(void **state)
{
	char err[256] = "";

	(void)state;
	assert_null(store_open("postgresql://localhost/jr", err, sizeof err));
	assert_non_null(strstr(err, "PostgreSQL"));
	assert_null(store_open("sqlite:", err, sizeof err));
	assert_null(store_open("/nonexistent-dir/x/y.db", err, sizeof err));
	assert_non_null(strstr(err, "kon niet worden geopend"));
}

/* The bulk path: many inserts in one transaction, then one load. */
static void test_bulk(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_ok(f);
	struct kpi_data d;
	enum { N = 20000 };

	put_everything(st);
	assert_int_equal(store_begin(st), 0);
	for (int i = 0; i < N; i++) {
		struct jeugdige j = { .id = 10000 + i, .geboortedatum = D(2008, 1, 1) + i % 7919,
				      .geslacht = i % 3, .achternaam = "Bulk" };

		snprintf(j.bsn, sizeof j.bsn, "9999%05d", i % 10000);
		if (store_put_jeugdige(st, &j) != 0)
			fail_msg("bulk %d: %s", i, store_error(st));
	}
	for (int i = 0; i < N; i++) {
		struct traject t = { .id = 100000 + i, .jeugdige_id = 10000 + (N - 1 - i),
				     .gemeente = "0546", .segment = 4, .categorie = "45",
				     .status = TRAJECT_GESTART, .aanmelddatum = D(2024, 1, 1),
				     .intakedatum = DAG_GEEN, .begindatum = D(2024, 2, 1) + i % 300,
				     .einddatum = DAG_GEEN, .agb = "01234567" };
		if (store_put_traject(st, &t) != 0)
			fail_msg("bulk %d: %s", i, store_error(st));
	}
	assert_int_equal(store_commit(st), 0);
	assert_int_equal(store_kpi_load(st, &d), 0);
	assert_int_equal(d.n_jeugdigen, N + 2);
	assert_int_equal(d.n_trajecten, N + 2);
	for (size_t i = 1; i < d.n_trajecten; i++) {
		const struct traject *a = &d.trajecten[i - 1], *b = &d.trajecten[i];
		assert_true(a->jeugdige_id < b->jeugdige_id ||
			    (a->jeugdige_id == b->jeugdige_id && a->id < b->id));
	}
	for (size_t i = 1; i < d.n_jeugdigen; i++)
		assert_true(d.jeugdigen[i - 1].id < d.jeugdigen[i].id);
	store_kpi_release(&d);
	store_close(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_create, setup, teardown),
		cmocka_unit_test_setup_teardown(test_roundtrip, setup, teardown),
		cmocka_unit_test_setup_teardown(test_nulls_in_columns, setup, teardown),
		cmocka_unit_test_setup_teardown(test_kosten, setup, teardown),
		cmocka_unit_test_setup_teardown(test_duplicate_and_fk, setup, teardown),
		cmocka_unit_test_setup_teardown(test_rollback, setup, teardown),
		cmocka_unit_test_setup_teardown(test_meta_and_reopen, setup, teardown),
		cmocka_unit_test_setup_teardown(test_not_sqlite, setup, teardown),
		cmocka_unit_test_setup_teardown(test_other_application, setup, teardown),
		cmocka_unit_test_setup_teardown(test_newer_schema, setup, teardown),
		cmocka_unit_test_setup_teardown(test_count_unknown_table, setup, teardown),
		cmocka_unit_test(test_bad_url),
		cmocka_unit_test_setup_teardown(test_bulk, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
