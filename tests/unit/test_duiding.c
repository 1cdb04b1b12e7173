/* test_duiding: the store of duidingen (store/duiding_store.c) on a new
 * database with two gemeenten, SQLite and (when JEUGDREGIE_TEST_PG holds
 * the URL of a server where we may create databases) PostgreSQL: periods, versions, history,
 * withdrawal, the stale-version check, the filters (indicator, place,
 * period overlap, paging) and that the table is append-only. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <libpq-fe.h>
#include <sqlite3.h>

#include "domain/datum.h"
#include "domain/model.h"
#include "store/duiding_store.h"
#include "store/store.h"

struct fixture {
	int pg;               /* 0: SQLite, 1: PostgreSQL */
	char dir[64];         /* SQLite: the temporary directory */
	char path[128];       /* SQLite: the file */
	char dbname[64];      /* PostgreSQL: the database of this test */
	char url[1024];       /* what store_open gets */
	struct store *st;
};

/* The server URL (JEUGDREGIE_TEST_PG), NULL when PostgreSQL is skipped. */
static const char *pg_admin;
static unsigned pg_seq;

/* url with its database (the path of a postgresql:// URL) replaced by db. */
static int pg_url(const char *url, const char *db, char *out, size_t n)
{
	const char *p = strstr(url, "://"), *rest;
	int len;

	if (!p)
		return -1;
	p += 3;
	p += strcspn(p, "/?");
	rest = *p == '/' ? p + 1 + strcspn(p + 1, "?") : p;
	len = snprintf(out, n, "%.*s/%s%s", (int)(p - url), url, db, rest);
	return len > 0 && (size_t)len < n ? 0 : -1;
}

/* Run sql directly, as another program would: 0 when it succeeded. */
static int raw_sql(const struct fixture *f, const char *url, const char *sql)
{
	int rc = -1;

	if (f->pg) {
		PGconn *c = PQconnectdb(url);
		PGresult *r = PQstatus(c) == CONNECTION_OK ? PQexec(c, sql) : NULL;

		if (r && (PQresultStatus(r) == PGRES_COMMAND_OK ||
			  PQresultStatus(r) == PGRES_TUPLES_OK))
			rc = 0;
		PQclear(r);
		PQfinish(c);
	} else {
		sqlite3 *db = NULL;

		if (sqlite3_open(url, &db) == SQLITE_OK &&
		    sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK)
			rc = 0;
		sqlite3_close(db);
	}
	return rc;
}

static int vul(struct fixture *f)
{
	struct gemeente g1 = { "0546", "Leiden", "Leidse regio", 125000, 21000 };
	struct gemeente g2 = { "0537", "Katwijk", "Duin- en Bollenstreek", 67000, 14000 };
	char err[256];

	f->st = store_open(f->url, err, sizeof err);
	if (!f->st || store_put_gemeente(f->st, &g1) < 0 || store_put_gemeente(f->st, &g2) < 0) {
		fprintf(stderr, "store: %s\n", f->st ? store_error(f->st) : err);
		return -1;
	}
	return 0;
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);

	if (!f)
		return -1;
	snprintf(f->dir, sizeof f->dir, "/tmp/jr_duiding_XXXXXX");
	if (!mkdtemp(f->dir))
		return -1;
	snprintf(f->path, sizeof f->path, "%s/d.db", f->dir);
	snprintf(f->url, sizeof f->url, "%s", f->path);
	*state = f;
	return vul(f);
}

static int setup_pg(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	char sql[128];

	if (!f)
		return -1;
	f->pg = 1;
	snprintf(f->dbname, sizeof f->dbname, "jr_duiding_%ld_%u", (long)getpid(), ++pg_seq);
	if (pg_url(pg_admin, f->dbname, f->url, sizeof f->url) < 0)
		return -1;
	snprintf(sql, sizeof sql, "CREATE DATABASE %s", f->dbname);
	*state = f;
	if (raw_sql(f, pg_admin, sql) < 0)
		return -1;
	return vul(f);
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	char p[160];

	if (f->st)
		store_close(f->st);
	if (f->pg) {
		snprintf(p, sizeof p, "DROP DATABASE IF EXISTS %s WITH (FORCE)", f->dbname);
		raw_sql(f, pg_admin, p);
	} else {
		unlink(f->path);
		snprintf(p, sizeof p, "%s-wal", f->path);
		unlink(p);
		snprintf(p, sizeof p, "%s-shm", f->path);
		unlink(p);
		rmdir(f->dir);
	}
	free(f);
	return 0;
}

static const struct duiding_auteur anna = { "anna", "gemeente", "gemeente 0546",
					    "2026-11-20T10:00:00Z" };
static const struct duiding_auteur bert = { "bert", "regio", "SOZ Holland Rijnland",
					    "2026-11-21T11:30:00Z" };

static void test_periode(void **state)
{
	dag_t b, e;
	char d1[11], d2[11];

	(void)state;
	assert_int_equal(duiding_periode_lees("2025", &b, &e), 0);
	assert_string_equal(datum_fmt(b, d1), "2025-01-01");
	assert_string_equal(datum_fmt(e, d2), "2025-12-31");
	assert_int_equal(duiding_periode_lees("2024-K1", &b, &e), 0);
	assert_string_equal(datum_fmt(b, d1), "2024-01-01");
	assert_string_equal(datum_fmt(e, d2), "2024-03-31");
	assert_int_equal(duiding_periode_lees("2025-K4", &b, &e), 0);
	assert_string_equal(datum_fmt(b, d1), "2025-10-01");
	assert_string_equal(datum_fmt(e, d2), "2025-12-31");
	assert_int_equal(duiding_periode_lees("2024-02", &b, &e), 0);
	assert_string_equal(datum_fmt(e, d2), "2024-02-29");
	const char *fout[] = { "", "25", "2025-13", "2025-00", "2025-K5", "2025-K0", "2025-Q3",
			       "1999", "2100", "2025-7", "2025/07", "2025-07-01", "abcd" };
	for (size_t i = 0; i < sizeof fout / sizeof fout[0]; i++)
		assert_int_equal(duiding_periode_lees(fout[i], &b, &e), -1);
	assert_null(duiding_indicator_label("bestaat_niet"));
	assert_string_equal(duiding_indicator_label("wachttijd"), "Wachttijd en Treeknorm");
	assert_int_equal(duiding_tekens("één\nregel"), 9);
	assert_int_equal(duiding_tekens("bel\x07"), -1);
	assert_int_equal(duiding_tekens("\xC3"), -1);
}

struct nieuw_arg {
	const char *indicator, *gemeente, *periode, *tekst;
	const struct duiding_auteur *a;
	int64_t reeks;
};

static int nieuw_tx(struct store *st, void *arg)
{
	struct nieuw_arg *n = arg;

	return store_duiding_nieuw(st, n->indicator, n->gemeente, n->periode, n->tekst, n->a,
				   &n->reeks);
}

static int64_t nieuw(struct store *st, const char *indicator, const char *gemeente,
		     const char *periode, const char *tekst)
{
	struct nieuw_arg n = { indicator, gemeente, periode, tekst, &anna, 0 };

	assert_int_equal(store_transaction(st, nieuw_tx, &n), 0);
	assert_true(n.reeks > 0);
	return n.reeks;
}

struct versie_arg {
	int64_t reeks, na;
	const char *tekst;
	bool intrekken;
	enum duiding_uitkomst u;
};

static int versie_tx(struct store *st, void *arg)
{
	struct versie_arg *v = arg;

	return store_duiding_versie(st, v->reeks, v->na, v->tekst, v->intrekken, &bert, &v->u);
}

static enum duiding_uitkomst versie(struct store *st, int64_t reeks, int64_t na, const char *tekst,
				    bool intrekken)
{
	struct versie_arg v = { reeks, na, tekst, intrekken, DUIDING_GEDAAN };

	assert_int_equal(store_transaction(st, versie_tx, &v), 0);
	return v.u;
}

static void test_versies(void **state)
{
	struct fixture *f = *state;
	struct duiding *h = NULL, nu;
	size_t n = 0;
	int64_t r = nieuw(f->st, "wachttijd", "0546", "2025-K3", "Eerste tekst.");

	assert_int_equal(versie(f->st, r, 1, "Tweede tekst, <b>vet</b>.", false), DUIDING_GEDAAN);
	/* Someone who saw version 1 is refused: version 2 is newer. */
	assert_int_equal(versie(f->st, r, 1, "Oud.", false), DUIDING_VEROUDERD);
	assert_int_equal(versie(f->st, 999, 1, "Niets.", false), DUIDING_ONBEKEND);
	assert_int_equal(store_duiding_huidig(f->st, r, &nu), 1);
	assert_int_equal(nu.versie, 2);
	assert_string_equal(nu.tekst, "Tweede tekst, <b>vet</b>.");
	assert_string_equal(nu.auteur, "bert");
	assert_string_equal(nu.auteur_rol, "regio");
	assert_string_equal(nu.aangemaakt, "2026-11-21T11:30:00Z");
	assert_string_equal(nu.eerst_aangemaakt, "2026-11-20T10:00:00Z");
	assert_string_equal(nu.gemeente, "0546");
	assert_string_equal(nu.gemeente_naam, "Leiden");
	assert_string_equal(nu.periode, "2025-K3");
	assert_false(nu.ingetrokken);

	assert_int_equal(store_duiding_historie(f->st, r, &h, &n), 2);
	assert_int_equal(n, 2);
	assert_int_equal(h[0].versie, 1);
	assert_string_equal(h[0].tekst, "Eerste tekst.");
	assert_string_equal(h[0].auteur, "anna");
	assert_string_equal(h[0].namens, "gemeente 0546");
	assert_int_equal(h[1].versie, 2);
	assert_int_equal(h[1].reeks, r);
	assert_string_equal(h[1].indicator, "wachttijd");
	free(h);

	/* Withdrawn: not current any more, kept in the history, final. */
	assert_int_equal(versie(f->st, r, 2, "Cijfer was fout.", true), DUIDING_GEDAAN);
	assert_int_equal(versie(f->st, r, 3, "Toch weer.", false), DUIDING_AL_INGETROKKEN);
	assert_int_equal(store_duiding_huidig(f->st, r, &nu), 1);
	assert_true(nu.ingetrokken);
	assert_string_equal(nu.tekst, "Cijfer was fout.");
	assert_int_equal(store_duiding_historie(f->st, r, &h, &n), 3);
	free(h);
	struct duiding_filter flt = { .plek = DUIDING_OVERAL, .van = DAG_GEEN, .tot = DAG_GEEN };
	assert_int_equal(store_duidingen(f->st, &flt, &h, &n, NULL), 0);
	assert_null(h);
	assert_int_equal(store_duiding_huidig(f->st, 12345, &nu), 0);
}

static void test_filter(void **state)
{
	struct fixture *f = *state;
	struct duiding *h = NULL;
	size_t n = 0;
	int64_t totaal = 0;
	int64_t jaar = nieuw(f->st, "jeugdhulpgebruik", NULL, "2025", "De regio in 2025.");
	int64_t k3 = nieuw(f->st, "wachttijd", "0546", "2025-K3", "Leiden, derde kwartaal.");
	int64_t juli = nieuw(f->st, "wachttijd", "0537", "2025-07", "Katwijk, juli.");
	int64_t oud = nieuw(f->st, "wachttijd", "0546", "2024-03", "Leiden, maart 2024.");
	struct duiding_filter flt = { .plek = DUIDING_OVERAL, .van = DAG_GEEN, .tot = DAG_GEEN };

	assert_int_equal(store_duidingen(f->st, &flt, &h, &n, &totaal), 4);
	assert_int_equal(totaal, 4);
	/* Newest period first; the same start: by gemeente code. */
	assert_int_equal(h[0].reeks, juli);
	assert_int_equal(h[1].reeks, k3);
	assert_int_equal(h[2].reeks, jaar);
	assert_string_equal(h[2].gemeente, "");
	assert_string_equal(h[2].gemeente_naam, "");
	assert_int_equal(h[3].reeks, oud);
	free(h);

	/* Overlap: 2025-08-15 lies in 2025-K3 and 2025, not in 2025-07. */
	flt.van = flt.tot = datum_van(2025, 8, 15);
	assert_int_equal(store_duidingen(f->st, &flt, &h, &n, NULL), 2);
	assert_int_equal(h[0].reeks, k3);
	assert_int_equal(h[1].reeks, jaar);
	free(h);
	/* A range: 2024-03-31 .. 2025-01-01 touches 2024-03 and 2025. */
	flt.van = datum_van(2024, 3, 31);
	flt.tot = datum_van(2025, 1, 1);
	assert_int_equal(store_duidingen(f->st, &flt, &h, &n, NULL), 2);
	assert_int_equal(h[0].reeks, jaar);
	assert_int_equal(h[1].reeks, oud);
	free(h);

	flt.van = flt.tot = DAG_GEEN;
	flt.plek = DUIDING_GEMEENTE;
	flt.gemeente = "0546";
	assert_int_equal(store_duidingen(f->st, &flt, &h, &n, NULL), 2);
	assert_int_equal(h[0].reeks, k3);
	assert_int_equal(h[1].reeks, oud);
	free(h);
	flt.plek = DUIDING_GEMEENTE_EN_REGIO;
	assert_int_equal(store_duidingen(f->st, &flt, &h, &n, NULL), 3);
	free(h);
	flt.plek = DUIDING_REGIO;
	assert_int_equal(store_duidingen(f->st, &flt, &h, &n, NULL), 1);
	assert_int_equal(h[0].reeks, jaar);
	free(h);
	flt.plek = DUIDING_OVERAL;
	flt.indicator = "wachttijd";
	assert_int_equal(store_duidingen(f->st, &flt, &h, &n, NULL), 3);
	free(h);
	/* Paging: the second of the three, the total still three. */
	flt.limiet = 1;
	flt.offset = 1;
	assert_int_equal(store_duidingen(f->st, &flt, &h, &n, &totaal), 1);
	assert_int_equal(totaal, 3);
	assert_int_equal(h[0].reeks, k3);
	free(h);

	/* An edit keeps the duiding in the list once, with the new text. */
	assert_int_equal(versie(f->st, juli, 1, "Katwijk, juli (bijgewerkt).", false),
			 DUIDING_GEDAAN);
	flt.limiet = flt.offset = 0;
	flt.plek = DUIDING_GEMEENTE;
	flt.gemeente = "0537";
	assert_int_equal(store_duidingen(f->st, &flt, &h, &n, NULL), 1);
	assert_string_equal(h[0].tekst, "Katwijk, juli (bijgewerkt).");
	assert_int_equal(h[0].versie, 2);
	free(h);
}

static int fout_tx(struct store *st, void *arg)
{
	struct nieuw_arg *n = arg;

	return store_duiding_nieuw(st, n->indicator, n->gemeente, n->periode, n->tekst, n->a,
				   &n->reeks);
}

static void test_weigeringen(void **state)
{
	struct fixture *f = *state;
	char lang[DUIDING_TEKST_MAX + 2];
	struct nieuw_arg gevallen[] = {
		{ "onzin", NULL, "2025", "Tekst.", &anna, 0 },
		{ "wachttijd", NULL, "2025-13", "Tekst.", &anna, 0 },
		{ "wachttijd", NULL, "2025", "", &anna, 0 },
		{ "wachttijd", "9999", "2025", "Tekst.", &anna, 0 },
		{ "wachttijd", NULL, "2025", lang, &anna, 0 },
	};

	memset(lang, 'a', sizeof lang - 1);
	lang[sizeof lang - 1] = '\0';
	for (size_t i = 0; i < sizeof gevallen / sizeof gevallen[0]; i++)
		assert_int_equal(store_transaction(f->st, fout_tx, &gevallen[i]), -2);
	assert_int_equal(store_count(f->st, "duiding"), 0);
	lang[DUIDING_TEKST_MAX] = '\0';
	nieuw(f->st, "wachttijd", NULL, "2025", lang);
	assert_int_equal(store_count(f->st, "duiding"), 1);
}

/* Rows are never changed or deleted, not even by hand. */
static void test_alleen_toevoegen(void **state)
{
	struct fixture *f = *state;

	nieuw(f->st, "budget", "0546", "2026", "Budget.");
	assert_int_not_equal(raw_sql(f, f->url, "UPDATE duiding SET tekst = 'x'"), 0);
	assert_int_not_equal(raw_sql(f, f->url, "DELETE FROM duiding"), 0);
	if (f->pg)
		assert_int_not_equal(raw_sql(f, f->url, "TRUNCATE duiding"), 0);
	assert_int_equal(store_count(f->st, "duiding"), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_periode),
		cmocka_unit_test_setup_teardown(test_versies, setup, teardown),
		cmocka_unit_test_setup_teardown(test_filter, setup, teardown),
		cmocka_unit_test_setup_teardown(test_weigeringen, setup, teardown),
		cmocka_unit_test_setup_teardown(test_alleen_toevoegen, setup, teardown),
	};
	const struct CMUnitTest pg_tests[] = {
		cmocka_unit_test_setup_teardown(test_versies, setup_pg, teardown),
		cmocka_unit_test_setup_teardown(test_filter, setup_pg, teardown),
		cmocka_unit_test_setup_teardown(test_weigeringen, setup_pg, teardown),
		cmocka_unit_test_setup_teardown(test_alleen_toevoegen, setup_pg, teardown),
	};
	int failed = cmocka_run_group_tests_name("duiding/sqlite", tests, NULL, NULL);

	pg_admin = getenv("JEUGDREGIE_TEST_PG");
	if (!pg_admin || !*pg_admin) {
		printf("[ SKIPPED  ] duiding/postgresql: JEUGDREGIE_TEST_PG is niet gezet\n");
		return failed;
	}
	return failed + cmocka_run_group_tests_name("duiding/postgresql", pg_tests, NULL, NULL);
}
