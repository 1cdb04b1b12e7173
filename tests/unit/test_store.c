/* test_store: the store end to end, on SQLite (a temporary directory) and,
 * when JEUGDREGIE_TEST_PG holds the URL of a PostgreSQL server where we may
 * create databases, on PostgreSQL too (a database of its own per test,
 * dropped afterwards). The shared tests run once per backend; tests of one
 * backend's own behaviour run only there. */
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <cmocka.h>
#include <libpq-fe.h>
#include <sqlite3.h>

#include "domain/datum.h"
#include "domain/kpi.h"
#include "store/store.h"

/* The server URL (JEUGDREGIE_TEST_PG), NULL when PostgreSQL is skipped. */
static const char *pg_admin;
static unsigned pg_seq;

struct fixture {
	int pg;               /* 0: SQLite, 1: PostgreSQL */
	char dir[64];         /* SQLite: the temporary directory */
	char path[128];       /* SQLite: the file */
	char dbname[64];      /* PostgreSQL: the database of this test */
	char url[1024];       /* what store_open gets */
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
	snprintf(f->url, sizeof f->url, "%s", f->path);
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

/* url with its database (the path of a postgresql:// URL) replaced by db;
 * extra (may be NULL) is appended as query parameters. */
static int pg_url(const char *url, const char *db, const char *extra, char *out, size_t n)
{
	const char *p = strstr(url, "://"), *rest;
	int len;

	if (!p)
		return -1;
	p += 3;
	p += strcspn(p, "/?");          /* end of the authority */
	rest = *p == '/' ? p + 1 + strcspn(p + 1, "?") : p;
	len = snprintf(out, n, "%.*s/%s%s%s%s", (int)(p - url), url, db, rest,
		       extra ? (strchr(rest, '?') ? "&" : "?") : "", extra ? extra : "");
	return len > 0 && (size_t)len < n ? 0 : -1;
}

/* Run SQL on a PostgreSQL URL directly, as another program would. */
static void pg_raw(const char *url, const char *sql)
{
	PGconn *c = PQconnectdb(url);
	PGresult *r;

	if (PQstatus(c) != CONNECTION_OK)
		fail_msg("raw connect: %s", PQerrorMessage(c));
	r = PQexec(c, sql);
	if (PQresultStatus(r) != PGRES_COMMAND_OK && PQresultStatus(r) != PGRES_TUPLES_OK)
		fail_msg("raw sql: %s", PQerrorMessage(c));
	PQclear(r);
	PQfinish(c);
}

static int setup_pg(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	char sql[128];

	if (!f)
		return -1;
	f->pg = 1;
	snprintf(f->dbname, sizeof f->dbname, "jr_test_%ld_%u", (long)getpid(), ++pg_seq);
	if (pg_url(pg_admin, f->dbname, NULL, f->url, sizeof f->url) < 0) {
		free(f);
		return -1;
	}
	snprintf(sql, sizeof sql, "CREATE DATABASE %s", f->dbname);
	pg_raw(pg_admin, sql);
	*state = f;
	return 0;
}

static int teardown_pg(void **state)
{
	struct fixture *f = *state;
	char sql[128];

	/* FORCE: a test that failed half-way may have left a connection. */
	snprintf(sql, sizeof sql, "DROP DATABASE IF EXISTS %s WITH (FORCE)", f->dbname);
	pg_raw(pg_admin, sql);
	free(f);
	return 0;
}

/* Run SQL on the database directly, as another program would. */
static void raw_sql(const struct fixture *f, const char *sql)
{
	sqlite3 *db = NULL;
	char *msg = NULL;

	if (f->pg) {
		pg_raw(f->url, sql);
		return;
	}
	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("raw sql: %s", msg ? msg : "?");
	sqlite3_close(db);
}

/* The first n integer columns of the one row sql returns, read directly. */
static void raw_ints(const struct fixture *f, const char *sql, int64_t *out, int n)
{
	if (f->pg) {
		PGconn *c = PQconnectdb(f->url);
		PGresult *r;

		if (PQstatus(c) != CONNECTION_OK)
			fail_msg("raw connect: %s", PQerrorMessage(c));
		r = PQexec(c, sql);
		if (PQresultStatus(r) != PGRES_TUPLES_OK || PQntuples(r) != 1 || PQnfields(r) < n)
			fail_msg("raw query: %s", PQerrorMessage(c));
		for (int i = 0; i < n; i++)
			out[i] = strtoll(PQgetvalue(r, 0, i), NULL, 10);
		PQclear(r);
		PQfinish(c);
	} else {
		sqlite3 *db;
		sqlite3_stmt *s;

		assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
		if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK)
			fail_msg("raw query: %s", sqlite3_errmsg(db));
		assert_int_equal(sqlite3_step(s), SQLITE_ROW);
		for (int i = 0; i < n; i++)
			out[i] = sqlite3_column_int64(s, i);
		sqlite3_finalize(s);
		sqlite3_close(db);
	}
}

static struct store *open_ok(const struct fixture *f)
{
	char err[512] = "";
	struct store *st = store_open(f->url, err, sizeof err);

	if (!st)
		fail_msg("store_open: %s", err);
	return st;
}

static dag_t D(int y, int m, int d)
{
	return datum_van(y, m, d);
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

	/* The file says whose it is (SQLite); the server database has our
	 * version table with 64-bit ids (INTEGER became BIGINT). */
	if (f->pg) {
		int64_t v[2];

		raw_ints(f, "SELECT (SELECT count(*) FROM schema_versie),"
			    " (SELECT count(*) FROM information_schema.columns"
			    "  WHERE table_name = 'traject' AND column_name = 'id'"
			    "  AND data_type = 'bigint')", v, 2);
		assert_int_equal(v[0], store_schema_newest());
		assert_int_equal(v[1], 1);
		return;
	}
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
	struct verwijzing vw = { 200, 100, D(2024, 1, 10), "02", "0546", "", 0 };
	struct verwijzing vw2 = { 201, 100, D(2024, 1, 5), "01", "0546",
				  "zorgen over ontwikkeling", 7 };
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
	assert_int_equal(store_put_verwijzing(st, &vw2), 0);
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
		{ "verwijzing", 2 }, { "toewijzing", 1 }, { "traject", 2 },
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
	int64_t v[7];

	put_everything(st);
	store_close(st);
	raw_ints(f,
		"SELECT (SELECT count(*) FROM traject WHERE id = 401 AND toewijzing_nummer IS NULL"
		"        AND agb IS NULL AND productcode IS NULL AND verwijzing_id IS NULL"
		"        AND aanmelddatum IS NULL AND reden_beeindiging = '02'),"
		"       (SELECT count(*) FROM product WHERE code = '54001' AND segment IS NULL"
		"        AND eenheid IS NULL AND uitvoeringsvariant IS NULL),"
		"       (SELECT count(*) FROM aanbieder WHERE agb = '76543210' AND netwerk_id IS NULL),"
		"       (SELECT count(*) FROM gezin WHERE plan_datum IS NULL AND analyse_datum = '2024-02-01'),"
		"       (SELECT count(*) FROM toewijzing WHERE reden_wijziging IS NULL AND einddatum = '2024-12-31'),"
		"       (SELECT count(*) FROM verwijzing WHERE id = 200 AND reden IS NULL AND team_id IS NULL),"
		"       (SELECT count(*) FROM verwijzing WHERE id = 201 AND reden = 'zorgen over ontwikkeling'"
		"        AND team_id = 7)",
		v, 7);
	for (int i = 0; i < 7; i++)
		assert_int_equal(v[i], 1);
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

/* A trajectory without aanmelddatum reaches the indicators with its
 * toewijzing's Ingangsdatum as the start of the wait (DOMAIN.md §4,
 * kpi.h), as the waiting list already had it; without a toewijzing it
 * stays unknown. */
static void test_kpi_aanmelding_uit_toewijzing(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_ok(f);
	struct kpi_data d;
	struct traject t = { .id = 402, .jeugdige_id = 100, .toewijzing_nummer = 300,
			     .agb = "01234567", .gemeente = "0546", .segment = 4,
			     .categorie = "45", .productcode = "45A11",
			     .status = TRAJECT_AANGEMELD, .aanmelddatum = DAG_GEEN,
			     .intakedatum = DAG_GEEN, .begindatum = DAG_GEEN,
			     .einddatum = DAG_GEEN, .reden_beeindiging = "" };
	int gezien = 0;

	put_everything(st);
	assert_int_equal(store_put_traject(st, &t), 0);
	assert_int_equal(store_kpi_load(st, &d), 0);
	for (size_t i = 0; i < d.n_trajecten; i++) {
		const struct traject *x = &d.trajecten[i];
		if (x->id == 402) {
			assert_int_equal(x->aanmelddatum, D(2024, 2, 1));
			assert_true(kpi_wachtend(x, D(2024, 3, 1)));
			gezien++;
		} else if (x->id == 400) {
			assert_int_equal(x->aanmelddatum, D(2024, 1, 20));
			gezien++;
		} else if (x->id == 401) {
			assert_int_equal(x->aanmelddatum, DAG_GEEN);
			gezien++;
		}
	}
	assert_int_equal(gezien, 3);
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
	if (!f->pg) {
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

	raw_sql(f, "PRAGMA application_id = 305419896;"
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
	raw_sql(f, "CREATE TABLE x (a INTEGER);");
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
	raw_sql(f, "INSERT INTO schema_versie (versie, beschrijving, toegepast)"
			 " VALUES (99, 'uit de toekomst', '2031-01-01T00:00:00Z')");
	assert_null(store_open(f->url, err, sizeof err));
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
	assert_int_equal(store_bulk(st, 1), 0);
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
	assert_int_equal(store_bulk(st, 0), 0);
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

/* ---- store_transaction (both backends) ------------------------------------ */

struct tx_arg {
	int calls;
	int fail_with;     /* returned by fn (after its writes) while calls <= fail_times */
	int fail_times;
};

static int tx_put(struct store *st, void *arg)
{
	struct tx_arg *a = arg;
	char v[16];

	a->calls++;
	snprintf(v, sizeof v, "%d", a->calls);
	if (store_meta_set(st, "poging", v) < 0)
		return -2;
	if (a->calls <= a->fail_times)
		return a->fail_with;
	return 7;
}

static void test_transaction(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_ok(f);
	struct tx_arg ok = { 0, 0, 0 }, hard = { 0, -2, 100 }, busy = { 0, -1, 100 },
		      once = { 0, -1, 1 };
	char buf[16];

	/* Success: fn's result, committed. */
	assert_int_equal(store_transaction(st, tx_put, &ok), 7);
	assert_int_equal(ok.calls, 1);
	assert_int_equal(store_meta_get(st, "poging", buf, sizeof buf), 1);
	assert_string_equal(buf, "1");

	/* A hard error: rolled back at once, not retried. */
	assert_int_equal(store_transaction(st, tx_put, &hard), -2);
	assert_int_equal(hard.calls, 1);
	assert_int_equal(store_meta_get(st, "poging", buf, sizeof buf), 1);
	assert_string_equal(buf, "1");

	/* Transient once: the second attempt commits. */
	assert_int_equal(store_transaction(st, tx_put, &once), 7);
	assert_int_equal(once.calls, 2);
	assert_int_equal(store_meta_get(st, "poging", buf, sizeof buf), 1);
	assert_string_equal(buf, "2");

	/* Transient for ever: bounded, then a clear hard error. */
	assert_int_equal(store_transaction(st, tx_put, &busy), -2);
	assert_int_equal(busy.calls, 5);
	assert_non_null(strstr(store_error(st), "5 pogingen"));
	assert_int_equal(store_meta_get(st, "poging", buf, sizeof buf), 1);
	assert_string_equal(buf, "2");

	/* Not inside a transaction of the caller's. */
	assert_int_equal(store_begin(st), 0);
	assert_int_equal(store_transaction(st, tx_put, &ok), -2);
	assert_int_equal(store_rollback(st), 0);
	store_close(st);
}

/* Two processes (here: threads, each with its own store) open a new
 * database at the same moment: both succeed, the migration runs once. */
struct opener {
	const char *url;
	sem_t *go;
	int ok;
	char err[512];
};

/* ---- users, sessions, API tokens, audit log (migration 2) ---------------- */

/* 1 when sql fails on the database directly (a trigger's refusal). */
static int raw_sql_fails(const struct fixture *f, const char *sql)
{
	int mislukt;

	if (f->pg) {
		PGconn *c = PQconnectdb(f->url);
		PGresult *r;

		if (PQstatus(c) != CONNECTION_OK)
			fail_msg("raw connect: %s", PQerrorMessage(c));
		r = PQexec(c, sql);
		mislukt = PQresultStatus(r) != PGRES_COMMAND_OK;
		PQclear(r);
		PQfinish(c);
	} else {
		sqlite3 *db = NULL;

		assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
		mislukt = sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK;
		sqlite3_close(db);
	}
	return mislukt;
}

static void test_gebruikers(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_ok(f);
	struct gebruiker g = { .naam = "leiden", .rol = "gemeente", .wachtwoord_hash = "$argon2id$x",
			       .actief = true, .n_scopes = 2,
			       .scopes = { { "gemeente", "0575" }, { "gemeente", "0546" } } };
	struct gebruiker t = { .naam = "team", .rol = "lokaal_team", .actief = true, .n_scopes = 1,
			       .scopes = { { "lokaal_team", "7" } } };
	struct gebruiker fout = { .naam = "x", .rol = "gemeente", .actief = true, .n_scopes = 1,
				  .scopes = { { "gemeente", "9999" } } };
	struct gebruiker uit, *lijst = NULL;
	int n;

	put_everything(st);
	assert_int_equal(store_begin(st), 0);
	assert_int_equal(store_gebruiker_add(st, &g), 0);
	assert_int_equal(store_gebruiker_add(st, &t), 0);
	assert_int_equal(store_commit(st), 0);
	assert_true(g.id > 0 && t.id > g.id);

	assert_int_equal(store_gebruiker_get(st, "leiden", &uit), 1);
	assert_int_equal(uit.id, g.id);
	assert_string_equal(uit.rol, "gemeente");
	assert_string_equal(uit.wachtwoord_hash, "$argon2id$x");
	assert_true(uit.actief);
	assert_int_equal(strlen(uit.aangemaakt), 20);
	assert_int_equal(uit.n_scopes, 2);
	assert_string_equal(uit.scopes[0].waarde, "0546");   /* ordered */
	assert_string_equal(uit.scopes[1].waarde, "0575");
	assert_int_equal(store_gebruiker_get(st, "niemand", &uit), 0);

	/* A duplicate name and an unknown code: refused, nothing stored. */
	assert_int_equal(store_begin(st), 0);
	assert_int_equal(store_gebruiker_add(st, &g), -2);
	assert_non_null(strstr(store_error(st), "al een gebruiker"));
	assert_int_equal(store_rollback(st), 0);
	assert_int_equal(store_begin(st), 0);
	assert_int_equal(store_gebruiker_add(st, &fout), -2);
	assert_non_null(strstr(store_error(st), "9999"));
	assert_int_equal(store_rollback(st), 0);
	assert_int_equal(store_count(st, "gebruiker"), 2);
	assert_int_equal(store_count(st, "gebruiker_scope"), 3);

	n = store_gebruiker_list(st, &lijst);
	assert_int_equal(n, 2);
	assert_string_equal(lijst[0].naam, "leiden");
	assert_string_equal(lijst[1].naam, "team");
	assert_int_equal(lijst[1].n_scopes, 1);
	assert_string_equal(lijst[1].scopes[0].soort, "lokaal_team");
	free(lijst);

	/* Throttle fields. */
	assert_int_equal(store_gebruiker_login_mislukt(st, g.id, 2, 5000), 0);
	assert_int_equal(store_gebruiker_get(st, "leiden", &uit), 1);
	assert_int_equal(uit.mislukte_pogingen, 1);
	assert_int_equal(uit.geblokkeerd_tot, 0);
	assert_int_equal(store_gebruiker_login_mislukt(st, g.id, 2, 5000), 0);
	assert_int_equal(store_gebruiker_get(st, "leiden", &uit), 1);
	assert_int_equal(uit.mislukte_pogingen, 2);
	assert_int_equal(uit.geblokkeerd_tot, 5000);
	assert_int_equal(store_gebruiker_login_gelukt(st, g.id), 0);
	assert_int_equal(store_gebruiker_get(st, "leiden", &uit), 1);
	assert_int_equal(uit.mislukte_pogingen, 0);
	assert_int_equal(uit.geblokkeerd_tot, 0);

	assert_int_equal(store_gebruiker_set_wachtwoord(st, "leiden", "$argon2id$y"), 1);
	assert_int_equal(store_gebruiker_set_wachtwoord(st, "niemand", "$argon2id$y"), 0);
	assert_int_equal(store_gebruiker_get(st, "leiden", &uit), 1);
	assert_string_equal(uit.wachtwoord_hash, "$argon2id$y");
	store_close(st);
}

static void test_sessies(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_ok(f);
	struct gebruiker g = { .naam = "admin", .rol = "beheerder", .actief = true };
	struct sessie s = { .aangemaakt = 1000, .laatst_actief = 1000, .verloopt = 2000 }, uit;
	struct api_token tk = { .naam = "koppeling", .soort = "aanbieder", .waarde = "01234567",
				.aangemaakt = "2025-01-01T00:00:00Z" }, tu;

	put_everything(st);
	assert_int_equal(store_begin(st), 0);
	assert_int_equal(store_gebruiker_add(st, &g), 0);
	assert_int_equal(store_commit(st), 0);
	memset(s.token_hash, 'a', HASH_HEX_LEN);
	memset(s.csrf_hash, 'c', HASH_HEX_LEN);
	s.gebruiker_id = g.id;
	assert_int_equal(store_sessie_maak(st, &s), 0);
	assert_int_equal(store_sessie_get(st, s.token_hash, 1500, 600, &uit), 1);
	assert_int_equal(uit.gebruiker_id, g.id);
	assert_string_equal(uit.csrf_hash, s.csrf_hash);
	/* Idle too long, then touched; expired absolutely. */
	assert_int_equal(store_sessie_get(st, s.token_hash, 1700, 600, &uit), 0);
	assert_int_equal(store_sessie_touch(st, s.token_hash, 1650), 0);
	assert_int_equal(store_sessie_get(st, s.token_hash, 1700, 600, &uit), 1);
	assert_int_equal(uit.laatst_actief, 1650);
	assert_int_equal(store_sessie_get(st, s.token_hash, 2000, 600, &uit), 0);
	assert_int_equal(store_sessie_get(st, "onbekend", 1500, 600, &uit), 0);
	/* Delete; disable ends all sessions of the user. */
	assert_int_equal(store_sessie_delete(st, s.token_hash), 0);
	assert_int_equal(store_count(st, "sessie"), 0);
	assert_int_equal(store_sessie_maak(st, &s), 0);
	s.token_hash[0] = 'b';
	assert_int_equal(store_sessie_maak(st, &s), 0);
	assert_int_equal(store_count(st, "sessie"), 2);
	assert_int_equal(store_begin(st), 0);
	assert_int_equal(store_gebruiker_disable(st, "admin"), 1);
	assert_int_equal(store_gebruiker_disable(st, "niemand"), 0);
	assert_int_equal(store_commit(st), 0);
	assert_int_equal(store_count(st, "sessie"), 0);
	/* A session of a disabled user does not count. */
	assert_int_equal(store_sessie_maak(st, &s), 0);
	assert_int_equal(store_sessie_get(st, s.token_hash, 1500, 600, &uit), 0);
	assert_int_equal(store_sessie_opruimen(st, 2000), 0);
	assert_int_equal(store_count(st, "sessie"), 0);

	/* API tokens. */
	memset(tk.token_hash, 'e', HASH_HEX_LEN);
	assert_int_equal(store_api_token_maak(st, &tk), 0);
	assert_int_equal(store_api_token_get(st, tk.token_hash, &tu), 1);
	assert_string_equal(tu.waarde, "01234567");
	assert_string_equal(tu.ingetrokken, "");
	assert_int_equal(store_api_token_intrekken(st, tk.token_hash), 1);
	assert_int_equal(store_api_token_intrekken(st, tk.token_hash), 0);
	assert_int_equal(store_api_token_get(st, tk.token_hash, &tu), 0);
	tk.token_hash[0] = 'f';
	snprintf(tk.waarde, sizeof tk.waarde, "99999999");
	assert_int_equal(store_api_token_maak(st, &tk), -2);
	assert_non_null(strstr(store_error(st), "99999999"));
	snprintf(tk.soort, sizeof tk.soort, "regio");
	assert_int_equal(store_api_token_maak(st, &tk), -2);
	store_close(st);
}

static void audit_rec(struct audit_record *r, const char *gebruiker, const char *pseudoniem,
		      const char *tijdstip)
{
	memset(r, 0, sizeof *r);
	snprintf(r->gebruiker, sizeof r->gebruiker, "%s", gebruiker);
	snprintf(r->rol, sizeof r->rol, "gemeente");
	snprintf(r->namens, sizeof r->namens, "0546");
	if (pseudoniem)
		memset(r->jeugdige_pseudoniem, pseudoniem[0], HASH_HEX_LEN);
	snprintf(r->actie, sizeof r->actie, "lezen");
	snprintf(r->object, sizeof r->object, "traject 400");
	snprintf(r->bron_adres, sizeof r->bron_adres, "192.0.2.1");
	snprintf(r->tijdstip, sizeof r->tijdstip, "%s", tijdstip);
}

static void test_audit_log(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_ok(f);
	struct audit_record r, uit[8];
	struct audit_filter flt = { 0 };
	struct audit_controle c;
	char kop_hash[HASH_HEX_LEN + 1], p[HASH_HEX_LEN + 1];
	int64_t kop_id;
	int n;

	/* No head before the first append (copy needs an empty target). */
	assert_int_equal(store_audit_kop(st, &kop_id, kop_hash), 0);
	audit_rec(&r, "piet", "a", "");
	assert_int_equal(store_audit_append(st, &r), -2);    /* outside a transaction */
	assert_int_equal(store_begin(st), 0);
	audit_rec(&r, "piet", "a", "2025-01-10T09:00:00Z");
	assert_int_equal(store_audit_append(st, &r), 0);
	assert_int_equal(r.id, 1);
	assert_string_equal(r.vorige_hash, AUDIT_BEGIN_HASH);
	audit_rec(&r, "klaas", "b", "2025-01-11T09:00:00Z");
	assert_int_equal(store_audit_append(st, &r), 0);
	audit_rec(&r, "piet", NULL, "2025-01-12T09:00:00Z");
	assert_int_equal(store_audit_append(st, &r), 0);
	audit_rec(&r, "klaas", "a", "");
	snprintf(r.actie, sizeof r.actie, "wijzigen");
	assert_int_equal(store_audit_append(st, &r), 0);
	assert_int_equal(r.id, 4);
	assert_int_equal(strlen(r.tijdstip), 20);             /* now, filled in */
	assert_int_equal(store_commit(st), 0);
	/* A rolled-back append leaves no trace, the head included. */
	assert_int_equal(store_begin(st), 0);
	audit_rec(&r, "weg", NULL, "");
	assert_int_equal(store_audit_append(st, &r), 0);
	assert_int_equal(store_rollback(st), 0);
	assert_int_equal(store_audit_kop(st, &kop_id, kop_hash), 1);
	assert_int_equal(kop_id, 4);

	/* The chain verifies through the paged reader. */
	audit_controle_begin(&c);
	assert_int_equal(store_begin_read(st), 0);
	n = store_audit_pagina(st, 0, uit, 3);
	assert_int_equal(n, 3);
	for (int i = 0; i < n; i++)
		assert_int_equal(audit_controle_volgende(&c, &uit[i]), 0);
	n = store_audit_pagina(st, uit[2].id, uit, 3);
	assert_int_equal(n, 1);
	assert_int_equal(audit_controle_volgende(&c, &uit[0]), 0);
	assert_int_equal(store_commit(st), 0);
	assert_int_equal(audit_controle_einde(&c, kop_id, kop_hash), 0);
	assert_int_equal(c.n, 4);
	assert_string_equal(uit[0].namens, "0546");
	assert_string_equal(uit[0].verzoek_id, "");           /* NULL back as "" */

	/* Search: by youth (the per-youth report), user, period, paged. */
	memset(p, 'a', HASH_HEX_LEN);
	p[HASH_HEX_LEN] = '\0';
	flt.pseudoniem = p;
	n = store_audit_zoek(st, &flt, 0, uit, 8);
	assert_int_equal(n, 2);
	assert_int_equal(uit[0].id, 1);
	assert_int_equal(uit[1].id, 4);
	assert_string_equal(uit[1].actie, "wijzigen");
	flt.gebruiker = "klaas";
	n = store_audit_zoek(st, &flt, 0, uit, 8);
	assert_int_equal(n, 1);
	assert_int_equal(uit[0].id, 4);
	flt.pseudoniem = NULL;
	flt.gebruiker = NULL;
	flt.van = "2025-01-11";
	flt.tot = "2025-01-12";
	n = store_audit_zoek(st, &flt, 0, uit, 8);
	assert_int_equal(n, 2);
	assert_int_equal(uit[0].id, 2);
	assert_int_equal(uit[1].id, 3);
	flt.van = flt.tot = NULL;
	assert_int_equal(store_audit_zoek(st, &flt, 0, uit, 2), 2);
	assert_int_equal(store_audit_zoek(st, &flt, 2, uit, 8), 2);
	assert_int_equal(uit[0].id, 3);

	/* Append-only: UPDATE, DELETE (and on PostgreSQL TRUNCATE) refused
	 * by the database itself; the head only moves one step forward. */
	assert_true(raw_sql_fails(f, "UPDATE audit_log SET gebruiker = 'x' WHERE id = 2"));
	assert_true(raw_sql_fails(f, "DELETE FROM audit_log WHERE id = 4"));
	assert_true(raw_sql_fails(f, "DELETE FROM audit_log"));
	if (f->pg)
		assert_true(raw_sql_fails(f, "TRUNCATE audit_log"));
	assert_true(raw_sql_fails(f, "UPDATE audit_kop SET laatste_id = 2"));
	assert_int_equal(store_count(st, "audit_log"), 4);
	assert_int_equal(store_audit_zoek(st, &flt, 1, uit, 1), 1);
	assert_string_equal(uit[0].gebruiker, "klaas");
	store_close(st);
}

static void *open_thread(void *arg)
{
	struct opener *o = arg;
	struct store *st;

	sem_wait(o->go);
	st = store_open(o->url, o->err, sizeof o->err);
	o->ok = st != NULL;
	store_close(st);
	return NULL;
}

static void test_concurrent_migration(void **state)
{
	struct fixture *f = *state;
	struct opener o[4];
	pthread_t t[4];
	sem_t go;
	int64_t n;

	assert_int_equal(sem_init(&go, 0, 0), 0);
	for (int i = 0; i < 4; i++) {
		o[i] = (struct opener){ .url = f->url, .go = &go };
		assert_int_equal(pthread_create(&t[i], NULL, open_thread, &o[i]), 0);
	}
	for (int i = 0; i < 4; i++)
		sem_post(&go);
	/* All joined before a failure unwinds this frame: the threads use it. */
	for (int i = 0; i < 4; i++)
		pthread_join(t[i], NULL);
	sem_destroy(&go);
	for (int i = 0; i < 4; i++)
		if (!o[i].ok)
			fail_msg("opener %d: %s", i, o[i].err);
	raw_ints(f, "SELECT count(*) FROM schema_versie", &n, 1);
	assert_int_equal(n, store_schema_newest());
}

/* ---- without a server -------------------------------------------------------- */

static double seconds_since(const struct timespec *t0)
{
	struct timespec t1;

	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (double)(t1.tv_sec - t0->tv_sec) + (double)(t1.tv_nsec - t0->tv_nsec) / 1e9;
}

/* Nothing listens, a malformed URL, and a server that accepts the TCP
 * connection but never answers: clear messages, bounded by the timeout. */
static void test_pg_unreachable(void **state)
{
	char err[512] = "", url[128];
	struct sockaddr_in a = { .sin_family = AF_INET };
	socklen_t alen = sizeof a;
	struct timespec t0;
	int fd;

	(void)state;
	assert_null(store_open("postgresql://jr@127.0.0.1:1/jr?connect_timeout=5", err, sizeof err));
	assert_non_null(strstr(err, "PostgreSQL-server niet bereikbaar"));
	assert_non_null(strstr(err, "127.0.0.1"));

	err[0] = '\0';
	assert_null(store_open("postgres://[::1/jr", err, sizeof err));
	assert_non_null(strstr(err, "ongeldige PostgreSQL-verbindings-URL"));

	/* A password never shows in a message. */
	err[0] = '\0';
	assert_null(store_open("postgresql://jr:geheim@127.0.0.1:1/jr?password=ookgeheim",
			       err, sizeof err));
	assert_null(strstr(err, "geheim"));

	/* A listener that never speaks: the backlog completes the TCP
	 * handshake, then libpq waits for an answer until the timeout. */
	fd = socket(AF_INET, SOCK_STREAM, 0);
	assert_true(fd >= 0);
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	assert_int_equal(bind(fd, (struct sockaddr *)&a, sizeof a), 0);
	assert_int_equal(listen(fd, 8), 0);
	assert_int_equal(getsockname(fd, (struct sockaddr *)&a, &alen), 0);
	snprintf(url, sizeof url, "postgresql://jr@127.0.0.1:%d/jr?connect_timeout=2",
		 ntohs(a.sin_port));
	err[0] = '\0';
	clock_gettime(CLOCK_MONOTONIC, &t0);
	assert_null(store_open(url, err, sizeof err));
	{
		double s = seconds_since(&t0);
		if (s < 1.5 || s > 4.0)
			fail_msg("timeout took %.2f s: %s", s, err);
	}
	assert_non_null(strstr(err, "niet bereikbaar"));
	assert_non_null(strstr(err, "2 s"));
	close(fd);
}

/* ---- PostgreSQL only ------------------------------------------------------------ */

static void test_pg_wrong_port_and_login(void **state)
{
	struct fixture *f = *state;
	char err[512] = "", url[1200];
	struct timespec t0;

	/* The same server's host, a port where nothing listens. */
	assert_int_equal(pg_url(pg_admin, f->dbname, "port=1&connect_timeout=3", url, sizeof url), 0);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	assert_null(store_open(url, err, sizeof err));
	assert_true(seconds_since(&t0) < 4.0);
	assert_non_null(strstr(err, "PostgreSQL-server niet bereikbaar"));

	/* The server answers but refuses this user. */
	assert_int_equal(pg_url(pg_admin, f->dbname, "user=jr_bestaat_niet", url, sizeof url), 0);
	err[0] = '\0';
	assert_null(store_open(url, err, sizeof err));
	assert_non_null(strstr(err, "aanmelden bij PostgreSQL geweigerd"));
	assert_non_null(strstr(err, "jr_bestaat_niet"));
}

/* A database of another application: refused, and left as it was. */
static void test_pg_other_application(void **state)
{
	struct fixture *f = *state;
	char err[512] = "";
	int64_t v[2];

	raw_sql(f, "CREATE TABLE boeken (isbn TEXT PRIMARY KEY)");
	assert_null(store_open(f->url, err, sizeof err));
	assert_non_null(strstr(err, "geen jeugdregie-database"));
	raw_ints(f, "SELECT (SELECT count(*) FROM pg_class c JOIN pg_namespace n"
		    " ON n.oid = c.relnamespace WHERE n.nspname = 'public'),"
		    " (SELECT count(*) FROM pg_class WHERE relname = 'schema_versie')", v, 2);
	assert_int_equal(v[0], 2); /* boeken and its primary key index */
	assert_int_equal(v[1], 0);

	/* Only a foreign table (a view into another system): also not ours. */
	raw_sql(f, "DROP TABLE boeken;"
		   "CREATE FOREIGN DATA WRAPPER jr_test_fdw;"
		   "CREATE SERVER jr_test_server FOREIGN DATA WRAPPER jr_test_fdw;"
		   "CREATE FOREIGN TABLE leden (naam TEXT) SERVER jr_test_server");
	err[0] = '\0';
	assert_null(store_open(f->url, err, sizeof err));
	assert_non_null(strstr(err, "geen jeugdregie-database"));
	raw_ints(f, "SELECT (SELECT count(*) FROM pg_class c JOIN pg_namespace n"
		    " ON n.oid = c.relnamespace WHERE n.nspname = 'public'),"
		    " (SELECT count(*) FROM pg_class WHERE relname = 'schema_versie')", v, 2);
	assert_int_equal(v[0], 1);
	assert_int_equal(v[1], 0);
}

/* Bulk mode pipelines the inserts: a failure half-way is still reported
 * (by a later call or by commit) and nothing of the batch is stored. */
static void test_pg_pipeline_error(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_ok(f);
	int failed_at = -1, rc;
	char msg[768] = "";

	assert_int_equal(store_bulk(st, 1), 0);
	assert_int_equal(store_begin(st), 0);
	for (int i = 0; i < 2000 && failed_at < 0; i++) {
		struct gemeente g = { .naam = "G", .inwoners = 1, .jeugdigen_0_17 = 1 };

		/* Row 1500 repeats row 1499's code. */
		snprintf(g.code, sizeof g.code, "%04u", (unsigned)(i == 1500 ? 1499 : i) % 10000u);
		if (store_put_gemeente(st, &g) < 0) {
			failed_at = i;
			snprintf(msg, sizeof msg, "%s", store_error(st));
		}
	}
	/* Reported by a later insert (the batch's answers) or by commit;
	 * either way the commit cannot succeed. */
	rc = store_commit(st);
	assert_int_equal(rc, -2);
	if (failed_at >= 0) {
		assert_true(failed_at >= 1500);
		assert_non_null(strstr(msg, "bestaat al"));
		assert_non_null(strstr(msg, "gemeente"));
		assert_non_null(strstr(store_error(st), "teruggedraaid"));
	} else {
		assert_non_null(strstr(store_error(st), "bestaat al"));
	}
	assert_int_equal(store_rollback(st), 0);
	assert_int_equal(store_bulk(st, 0), 0);
	assert_int_equal(store_count(st, "gemeente"), 0);

	/* And without an error the whole batch lands. */
	assert_int_equal(store_bulk(st, 1), 0);
	assert_int_equal(store_begin(st), 0);
	for (int i = 0; i < 2000; i++) {
		struct gemeente g = { .naam = "G", .inwoners = i, .jeugdigen_0_17 = 1 };

		snprintf(g.code, sizeof g.code, "%04u", (unsigned)i % 10000u);
		assert_int_equal(store_put_gemeente(st, &g), 0);
	}
	assert_int_equal(store_count(st, "gemeente"), 2000); /* a read ends the pipeline */
	assert_int_equal(store_meta_set(st, "x", "y"), 0);
	assert_int_equal(store_commit(st), 0);
	assert_int_equal(store_bulk(st, 0), 0);
	assert_int_equal(store_count(st, "gemeente"), 2000);
	assert_int_equal(store_count(st, "meta"), 1);
	store_close(st);
}

/* Two connections lock two rows in opposite order: PostgreSQL breaks the
 * deadlock by failing one transaction (40P01), and store_transaction runs
 * that one again to success. */
struct deadlock {
	const char *url;
	sem_t b_holds_y, a_holds_x;
	int b_rc;
	char err[512];
};

static void *deadlock_b(void *arg)
{
	struct deadlock *d = arg;
	struct store *st = store_open(d->url, d->err, sizeof d->err);
	struct timespec pause = { 0, 300 * 1000000L };

	if (!st) {
		d->b_rc = -9;
		sem_post(&d->b_holds_y);
		return NULL;
	}
	d->b_rc = store_begin(st);
	if (d->b_rc == 0)
		d->b_rc = store_meta_set(st, "y", "B");
	sem_post(&d->b_holds_y);
	sem_wait(&d->a_holds_x);
	/* Let A wait for y first, so that A's deadlock check fires first. */
	nanosleep(&pause, NULL);
	if (d->b_rc == 0)
		d->b_rc = store_meta_set(st, "x", "B");
	if (d->b_rc == 0)
		d->b_rc = store_commit(st);
	if (d->b_rc < 0) {
		snprintf(d->err, sizeof d->err, "%s", store_error(st));
		store_rollback(st);
	}
	store_close(st);
	return NULL;
}

struct deadlock_a {
	struct deadlock *d;
	int calls;
	int first_rc;
};

static int deadlock_fn(struct store *st, void *arg)
{
	struct deadlock_a *a = arg;
	int rc;

	a->calls++;
	rc = store_meta_set(st, "x", "A");
	if (rc < 0)
		return rc;
	if (a->calls == 1)
		sem_post(&a->d->a_holds_x);
	rc = store_meta_set(st, "y", "A");
	if (a->calls == 1)
		a->first_rc = rc;
	return rc;
}

static void test_pg_deadlock_retry(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_ok(f);
	struct deadlock d = { .url = f->url };
	struct deadlock_a a = { .d = &d };
	pthread_t tb;
	char buf[8];

	assert_int_equal(store_meta_set(st, "x", "0"), 0);
	assert_int_equal(store_meta_set(st, "y", "0"), 0);
	assert_int_equal(sem_init(&d.b_holds_y, 0, 0), 0);
	assert_int_equal(sem_init(&d.a_holds_x, 0, 0), 0);
	assert_int_equal(pthread_create(&tb, NULL, deadlock_b, &d), 0);
	sem_wait(&d.b_holds_y);
	if (store_transaction(st, deadlock_fn, &a) != 0)
		fail_msg("store_transaction: %s", store_error(st));
	pthread_join(tb, NULL);
	sem_destroy(&d.b_holds_y);
	sem_destroy(&d.a_holds_x);
	if (d.b_rc != 0)
		fail_msg("B: %d %s", d.b_rc, d.err);
	/* A's first attempt was the deadlock victim, its second won. */
	assert_int_equal(a.first_rc, -1);
	assert_int_equal(a.calls, 2);
	assert_int_equal(store_meta_get(st, "x", buf, sizeof buf), 1);
	assert_string_equal(buf, "A");
	assert_int_equal(store_meta_get(st, "y", buf, sizeof buf), 1);
	assert_string_equal(buf, "A");
	store_close(st);
}

/* A lost connection is a hard error with a clear message, not a crash. */
static void test_pg_connection_lost(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_ok(f);
	char sql[256];

	assert_int_equal(store_count(st, "gemeente"), 0);
	snprintf(sql, sizeof sql,
		 "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
		 "WHERE datname = '%s' AND pid <> pg_backend_pid()", f->dbname);
	raw_sql(f, sql);
	assert_int_equal(store_put_gemeente(st, &gem), -2);
	assert_non_null(strstr(store_error(st), "verbinding met PostgreSQL verbroken"));
	assert_int_equal(store_count(st, "gemeente"), -2);
	store_close(st);
}

#define BOTH(X) \
	X(test_create) X(test_roundtrip) X(test_nulls_in_columns) X(test_kosten) \
	X(test_kpi_aanmelding_uit_toewijzing) \
	X(test_duplicate_and_fk) X(test_rollback) X(test_meta_and_reopen) \
	X(test_newer_schema) X(test_count_unknown_table) X(test_bulk) \
	X(test_transaction) X(test_concurrent_migration) \
	X(test_gebruikers) X(test_sessies) X(test_audit_log)

int main(void)
{
#define ON_SQLITE(t) cmocka_unit_test_setup_teardown(t, setup, teardown),
#define ON_PG(t) cmocka_unit_test_setup_teardown(t, setup_pg, teardown_pg),
	const struct CMUnitTest sqlite_tests[] = {
		BOTH(ON_SQLITE)
		cmocka_unit_test_setup_teardown(test_not_sqlite, setup, teardown),
		cmocka_unit_test_setup_teardown(test_other_application, setup, teardown),
		cmocka_unit_test(test_bad_url),
		cmocka_unit_test(test_pg_unreachable),
	};
	const struct CMUnitTest pg_tests[] = {
		BOTH(ON_PG)
		ON_PG(test_pg_wrong_port_and_login)
		ON_PG(test_pg_other_application)
		ON_PG(test_pg_pipeline_error)
		ON_PG(test_pg_deadlock_retry)
		ON_PG(test_pg_connection_lost)
	};
#undef ON_SQLITE
#undef ON_PG
	int failed;

	failed = cmocka_run_group_tests_name("store/sqlite", sqlite_tests, NULL, NULL);
	pg_admin = getenv("JEUGDREGIE_TEST_PG");
	if (pg_admin && !*pg_admin)
		pg_admin = NULL;
	if (!pg_admin) {
		printf("[ SKIPPED  ] store/postgresql: JEUGDREGIE_TEST_PG is niet gezet "
		       "(URL van een PostgreSQL-server waar de test databases mag maken)\n");
		return failed;
	}
	failed += cmocka_run_group_tests_name("store/postgresql", pg_tests, NULL, NULL);
	return failed;
}
