/* test_maandcijfers: the stored monthly aggregates equal the kpi.h
 * functions for the same month, year and selection (on a hand-made
 * record and on a small demo region), and after a random sequence of
 * changes through the hooks (store_maandcijfers_raak / _sluit) the
 * incremental aggregates equal a full rebuild; the sum with sorted runs
 * (steer/maandcijfers_som.h) equals a plain bag. The demo tests run on
 * SQLite and, when JEUGDREGIE_TEST_PG holds the URL of a server where we
 * may create databases, on PostgreSQL. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <libpq-fe.h>

#include "demo/demo.h"
#include "domain/datum.h"
#include "domain/kpi.h"
#include "lib/rng.h"
#include "steer/maandcijfers.h"
#include "steer/maandcijfers_som.h"
#include "store/ijw_store.h"
#include "store/maandcijfers_store.h"
#include "store/store.h"

#define TOT_JAAR 2027

struct fixture {
	int pg;                 /* 0: SQLite, 1: PostgreSQL */
	char dir[64];           /* SQLite: the temporary directory */
	char path[128];         /* SQLite: the file */
	char dbname[64];        /* PostgreSQL: the database of this test */
	char url[1024];         /* what store_open gets */
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

/* One statement on the PostgreSQL server (CREATE / DROP DATABASE). */
static int pg_exec(const char *url, const char *sql)
{
	PGconn *c = PQconnectdb(url);
	PGresult *r = PQstatus(c) == CONNECTION_OK ? PQexec(c, sql) : NULL;
	int rc = r && PQresultStatus(r) == PGRES_COMMAND_OK ? 0 : -1;

	PQclear(r);
	PQfinish(c);
	return rc;
}

static int herbouw_tx(struct store *st, void *arg)
{
	(void)arg;
	return store_maandcijfers_herbouw(st, TOT_JAAR);
}

/* A demo region in f->url, its aggregates built. */
static int vul(struct fixture *f)
{
	struct demo_opties o = { .seed = 11, .schaal = 0.05, .tot = datum_van(2026, 11, 25) };
	struct demo_telling t;
	char err[256];

	f->st = store_open(f->url, err, sizeof err);
	if (!f->st || demo_maak(f->st, &o, &t, err, sizeof err) < 0) {
		fprintf(stderr, "demo: %s\n", err);
		return -1;
	}
	if (store_transaction(f->st, herbouw_tx, NULL) < 0) {
		fprintf(stderr, "herbouw: %s\n", store_error(f->st));
		return -1;
	}
	return 0;
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);

	if (!f)
		return -1;
	*state = f;
	snprintf(f->dir, sizeof f->dir, "/tmp/jr_maandcijfers_XXXXXX");
	if (!mkdtemp(f->dir))
		return -1;
	snprintf(f->path, sizeof f->path, "%s/m.db", f->dir);
	snprintf(f->url, sizeof f->url, "%s", f->path);
	return vul(f);
}

static int setup_pg(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	char sql[128];

	if (!f)
		return -1;
	*state = f;
	f->pg = 1;
	snprintf(f->dbname, sizeof f->dbname, "jr_maandcijfers_%ld_%u", (long)getpid(), ++pg_seq);
	if (pg_url(pg_admin, f->dbname, f->url, sizeof f->url) < 0)
		return -1;
	snprintf(sql, sizeof sql, "CREATE DATABASE %s", f->dbname);
	if (pg_exec(pg_admin, sql) < 0)
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
		pg_exec(pg_admin, p);
		free(f);
		return 0;
	}
	unlink(f->path);
	snprintf(p, sizeof p, "%s-wal", f->path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", f->path);
	unlink(p);
	snprintf(p, sizeof p, "%s-journal", f->path);
	unlink(p);
	rmdir(f->dir);
	free(f);
	return 0;
}

/* ---- reading the aggregates ---- */

struct sel {
	const char *gemeente;   /* "*" all */
	int segment;            /* -1 all */
	const char *agb;        /* "*" all */
	const char *verwijzer;  /* "*" all */
};

static int64_t som(struct store *st, const struct sel *s, int maat, int32_t van, int32_t tot)
{
	struct maandcijfer_rij *r;
	size_t n;
	int64_t t = 0;

	assert_true(store_maandcijfers_lees(st, s->gemeente, s->segment, s->agb, s->verwijzer, maat,
					    van, tot, &r, &n) >= 0);
	for (size_t i = 0; i < n; i++)
		t += r[i].waarde;
	free(r);
	return t;
}

static void verdeling(struct store *st, const struct sel *s, int maat, int32_t van, int32_t tot,
		      struct kpi_verdeling *out)
{
	struct maandcijfer_rij *r;
	size_t n;

	assert_true(store_maandcijfers_lees(st, s->gemeente, s->segment, s->agb, s->verwijzer, maat,
					    van, tot, &r, &n) >= 0);
	struct mc_hist *h = calloc(n ? n : 1, sizeof *h);
	assert_non_null(h);
	for (size_t i = 0; i < n; i++)
		h[i] = (struct mc_hist){ r[i].dagen, r[i].waarde };
	mc_verdeling(h, n, out);
	free(h);
	free(r);
}

static void zelfde_verdeling(const struct kpi_verdeling *a, const struct kpi_verdeling *b)
{
	assert_int_equal(a->n, b->n);
	assert_true(a->mediaan == b->mediaan);
	assert_int_equal(a->p80, b->p80);
}

static const char *of_leeg(const char *s)
{
	return strcmp(s, "*") == 0 ? NULL : s;
}

/* Trajectory measures of month m for selection s against kpi.h. */
static void vergelijk_traject(struct store *st, const struct kpi_data *d, const struct sel *s,
			      int32_t m)
{
	dag_t van = datum_van(m / 100, m % 100, 1), tot = mc_maand_eind(m);
	struct kpi_filter f = { .gemeente = of_leeg(s->gemeente), .segment = s->segment,
				.agb = of_leeg(s->agb) };
	struct kpi_aandeel a;
	struct kpi_verdeling v, w;
	struct kpi_wachttijd wt;

	kpi_collectief(d, &f, tot, &a);
	assert_int_equal(som(st, s, MC_ACTIEF, m, m), (int64_t)a.totaal);
	assert_int_equal(som(st, s, MC_COLLECTIEF, m, m), (int64_t)a.aantal);
	kpi_uitval(d, &f, van, tot, &a);
	assert_int_equal(som(st, s, MC_BEEINDIGD, m, m), (int64_t)a.totaal);
	assert_int_equal(som(st, s, MC_UITVAL, m, m), (int64_t)a.aantal);
	kpi_herhaald_beroep(d, &f, van, tot, 12, &a);
	assert_int_equal(som(st, s, MC_HERHAALD_TOTAAL, m, m), (int64_t)a.totaal);
	assert_int_equal(som(st, s, MC_HERHAALD_12, m, m), (int64_t)a.aantal);
	kpi_herhaald_beroep(d, &f, van, tot, 6, &a);
	assert_int_equal(som(st, s, MC_HERHAALD_6, m, m), (int64_t)a.aantal);
	kpi_zorgelijk_aantal(d, &f, tot, d->norms, &a);
	assert_int_equal(som(st, s, MC_WACHTEND, m, m), (int64_t)a.totaal);
	assert_int_equal(som(st, s, MC_ZORGELIJK, m, m), (int64_t)a.aantal);
	assert_int_equal(kpi_doorlooptijd(d, &f, van, tot, &v), 0);
	verdeling(st, s, MC_H_DOORLOOP, m, m, &w);
	zelfde_verdeling(&v, &w);
	assert_int_equal(kpi_wachttijd(d, &f, van, tot, tot, d->norms, &wt), 0);
	assert_int_equal(som(st, s, MC_WACHT_KLAAR, m, m), (int64_t)wt.totaal.n);
	assert_int_equal(som(st, s, MC_WACHT_KLAAR_BOVEN, m, m), (int64_t)wt.boven_norm);
	assert_int_equal(som(st, s, MC_WACHTEND_BOVEN, m, m), (int64_t)wt.wachtend_boven_norm);
	verdeling(st, s, MC_H_WACHT_TOTAAL, m, m, &w);
	zelfde_verdeling(&wt.totaal, &w);
	verdeling(st, s, MC_H_WACHT_INTAKE, m, m, &w);
	zelfde_verdeling(&wt.tot_intake, &w);
	verdeling(st, s, MC_H_WACHT_START, m, m, &w);
	zelfde_verdeling(&wt.intake_tot_start, &w);
	verdeling(st, s, MC_H_WACHTEND, m, m, &w);
	zelfde_verdeling(&wt.wachtend, &w);
}

/* A whole year of a trajectory measure, merged from its months. */
static void vergelijk_jaar(struct store *st, const struct kpi_data *d, const struct sel *s, int j)
{
	struct kpi_filter f = { .gemeente = of_leeg(s->gemeente), .segment = s->segment,
				.agb = of_leeg(s->agb) };
	struct kpi_verdeling v, w;

	assert_int_equal(kpi_doorlooptijd(d, &f, datum_van(j, 1, 1), datum_van(j, 12, 31), &v), 0);
	verdeling(st, s, MC_H_DOORLOOP, j * 100 + 1, j * 100 + 12, &w);
	zelfde_verdeling(&v, &w);
}

/* Youth-level measures of a month (maand) or year for gemeente g. */
static void vergelijk_jeugd(struct store *st, const struct kpi_data *d, const char *g,
			    int32_t periode, dag_t van, dag_t tot, bool maand)
{
	const struct sel s = { g, -1, "*", "*" };
	struct kpi_gebruik u;
	struct kpi_verblijf vb;
	struct kpi_aandeel a;

	kpi_jeugdhulpgebruik(d, of_leeg(g), van, tot, false, &u);
	assert_int_equal(som(st, &s, MC_GEBRUIK, periode, periode), (int64_t)u.jeugdigen);
	kpi_jeugdhulpgebruik(d, of_leeg(g), van, tot, true, &u);
	assert_int_equal(som(st, &s, MC_GEBRUIK_REGIONAAL, periode, periode), (int64_t)u.jeugdigen);
	assert_int_equal(kpi_verblijf(d, of_leeg(g), van, tot, &vb), 0);
	assert_int_equal(som(st, &s, MC_VERBLIJF_JEUGDIGEN, periode, periode), (int64_t)vb.jeugdigen);
	assert_int_equal(som(st, &s, MC_VERBLIJF, periode, periode), (int64_t)vb.verblijf);
	assert_int_equal(som(st, &s, MC_CRISIS, periode, periode), (int64_t)vb.crisis);
	if (!maand)
		return;
	assert_int_equal(som(st, &s, MC_THUISZITTERS, periode, periode),
			 (int64_t)kpi_thuiszitters(d, of_leeg(g), tot));
	kpi_overgang18(d, of_leeg(g), tot, &a);
	assert_int_equal(som(st, &s, MC_OVERGANG, periode, periode), (int64_t)a.totaal);
	assert_int_equal(som(st, &s, MC_OVERGANG_ZONDER, periode, periode), (int64_t)a.aantal);
}

static void vergelijk_verwijzers(struct store *st, const struct kpi_data *d, const char *g,
				 int32_t m)
{
	struct kpi_verwijzers v;

	kpi_verwijzers(d, of_leeg(g), datum_van(m / 100, m % 100, 1), mc_maand_eind(m), &v);
	const struct sel alle = { g, -1, "*", "*" };
	assert_int_equal(som(st, &alle, MC_NIEUW, m, m), (int64_t)v.totaal);
	for (size_t i = 0; i < KPI_VERWIJZER_AANTAL; i++) {
		const struct sel s = { g, -1, "*", kpi_verwijzer_codes[i] };
		assert_int_equal(som(st, &s, MC_NIEUW, m, m), (int64_t)v.aantal[i]);
	}
}

static void vergelijk_geld(struct store *st, const struct kpi_data *d, const char *g, int j)
{
	struct kpi_clientkosten k;
	const struct sel s = { g, -1, "*", "*" };

	assert_int_equal(kpi_clientkosten(d, of_leeg(g), j, &k), 0);
	assert_int_equal(som(st, &s, MC_GOEDGEKEURD, j * 100 + 1, j * 100 + 12), k.goedgekeurd);
	assert_int_equal(som(st, &s, MC_CLIENT_JEUGDIGEN, j, j), (int64_t)k.jeugdigen);
}

/* Everything the API serves, on some months and years. */
static void vergelijk_alles(struct store *st)
{
	static const int32_t maanden[] = { 202301, 202412, 202506, 202510, 202601, 202611 };
	struct kpi_data d;

	assert_int_equal(store_kpi_load(st, &d), 0);
	assert_true(d.n_trajecten > 100);
	for (size_t mi = 0; mi < sizeof maanden / sizeof maanden[0]; mi++) {
		int32_t m = maanden[mi];
		dag_t van = datum_van(m / 100, m % 100, 1), tot = mc_maand_eind(m);
		const struct sel regio = { "*", -1, "*", "*" };
		vergelijk_traject(st, &d, &regio, m);
		vergelijk_jeugd(st, &d, "*", m, van, tot, true);
		vergelijk_verwijzers(st, &d, "*", m);
		for (size_t g = 0; g < d.n_gemeenten; g++) {
			const char *code = d.gemeenten[g].code;
			const struct sel s = { code, -1, "*", "*" };
			vergelijk_traject(st, &d, &s, m);
			vergelijk_jeugd(st, &d, code, m, van, tot, true);
			vergelijk_verwijzers(st, &d, code, m);
			for (int seg = 0; seg < SEGMENT_AANTAL && g < 3; seg++) {
				const struct sel gs = { code, seg, "*", "*" };
				vergelijk_traject(st, &d, &gs, m);
			}
		}
		for (int seg = 0; seg < SEGMENT_AANTAL; seg++) {
			const struct sel s = { "*", seg, "*", "*" };
			vergelijk_traject(st, &d, &s, m);
		}
		/* A few providers: those of some early trajectories (local-team
		 * help has none; an empty filter would mean all). */
		for (size_t k = 0; k < d.n_trajecten && k < 400; k += 40) {
			const struct traject *t = &d.trajecten[k];
			if (!t->agb[0])
				continue;
			const struct sel a = { "*", -1, t->agb, "*" };
			const struct sel sa = { "*", t->segment, t->agb, "*" };
			vergelijk_traject(st, &d, &a, m);
			vergelijk_traject(st, &d, &sa, m);
		}
	}
	for (int j = 2024; j <= 2026; j++) {
		const struct sel regio = { "*", -1, "*", "*" };
		vergelijk_jeugd(st, &d, "*", j, datum_van(j, 1, 1), datum_van(j, 12, 31), false);
		vergelijk_geld(st, &d, "*", j);
		vergelijk_jaar(st, &d, &regio, j);
		for (size_t g = 0; g < d.n_gemeenten; g++) {
			vergelijk_jeugd(st, &d, d.gemeenten[g].code, j, datum_van(j, 1, 1),
					datum_van(j, 12, 31), false);
			vergelijk_geld(st, &d, d.gemeenten[g].code, j);
		}
	}
	store_kpi_release(&d);
}

static void test_demo_gelijk_aan_kpi(void **state)
{
	struct fixture *f = *state;

	vergelijk_alles(f->st);
	assert_int_equal(store_maandcijfers_controleer(f->st, stderr), 0);
}

/* ---- a hand-made record ---- */

static void test_histogram(void **state)
{
	(void)state;
	struct mc_hist h[] = { { 10, 2 }, { 3, 1 }, { 7, 0 }, { 20, 1 } };
	struct kpi_verdeling v;

	/* 3, 10, 10, 20: median 10, p80 rank ceil(3.2) = 4 -> 20. */
	mc_verdeling(h, 4, &v);
	assert_int_equal(v.n, 4);
	assert_true(v.mediaan == 10.0);
	assert_int_equal(v.p80, 20);
	assert_true(v.gemiddelde == 10.75);
}

static void test_een_jeugdige(void **state)
{
	(void)state;
	struct jeugdige j = { .id = 5, .geboortedatum = datum_van(2009, 3, 15) };
	struct woonplaats w[] = {
		{ 5, "0546", datum_van(2009, 3, 15), datum_van(2025, 4, 30) },
		{ 5, "0547", datum_van(2025, 5, 1), DAG_GEEN },
	};
	struct traject t[] = {
		{ .id = 1, .jeugdige_id = 5, .agb = "12345678", .gemeente = "0546", .segment = 4,
		  .categorie = "45", .verwijzer = "02", .status = TRAJECT_BEEINDIGD,
		  .aanmelddatum = datum_van(2025, 1, 10), .intakedatum = datum_van(2025, 2, 1),
		  .begindatum = datum_van(2025, 3, 20), .einddatum = datum_van(2025, 6, 5),
		  .reden_beeindiging = "31" },
		{ .id = 2, .jeugdige_id = 5, .agb = "12345678", .gemeente = "0547", .segment = 1,
		  .categorie = "43", .verwijzer = "", .status = TRAJECT_AANGEMELD,
		  .aanmelddatum = datum_van(2025, 9, 1), .begindatum = DAG_GEEN,
		  .einddatum = DAG_GEEN, .intakedatum = DAG_GEEN },
	};
	struct kpi_data d = { .jeugdigen = &j, .n_jeugdigen = 1, .woonplaatsen = w,
			      .n_woonplaatsen = 2, .trajecten = t, .n_trajecten = 2 };
	struct mc_geld geld[] = { { 1, 202504, 10000, 500 }, { 1, 202505, 20000, 0 } };
	struct mc_bak b;
	struct mc_sleutel k;

	treeknorm_standaard(d.norms);
	mc_bak_init(&b);
	assert_int_equal(mc_bijdrage(&d, geld, 2, 2026, 1, &b), 0);
	/* Active on 30 April and 31 May, not on 30 June. */
	mc_sleutel_zet(&k, 202504, MC_ACTIEF, -1, "0546", 4, "*", "*");
	assert_non_null(mc_bak_zoek(&b, &k));
	mc_sleutel_zet(&k, 202506, MC_ACTIEF, -1, "0546", 4, "*", "*");
	assert_null(mc_bak_zoek(&b, &k));
	/* Ended with 31 in June, followed within 6 months by trajectory 2. */
	mc_sleutel_zet(&k, 202506, MC_HERHAALD_6, -1, "*", -1, "*", "*");
	assert_int_equal(mc_bak_zoek(&b, &k)->waarde, 1);
	/* Wait 69 days (10 Jan -> 20 Mar) completed in March, under verwijzer 02. */
	mc_sleutel_zet(&k, 202503, MC_H_WACHT_TOTAAL, 69, "*", -1, "*", "02");
	assert_int_equal(mc_bak_zoek(&b, &k)->waarde, 1);
	/* Youth in care in 2025, living in 0547 on its last day in care (5 June). */
	mc_sleutel_zet(&k, 2025, MC_GEBRUIK, -1, "0547", -1, "*", "*");
	assert_int_equal(mc_bak_zoek(&b, &k)->waarde, 1);
	mc_sleutel_zet(&k, 2025, MC_CLIENT_JEUGDIGEN, -1, "0546", -1, "*", "*");
	assert_int_equal(mc_bak_zoek(&b, &k)->waarde, 1);
	mc_sleutel_zet(&k, 202504, MC_GOEDGEKEURD, -1, "0546", -1, "*", "*");
	assert_int_equal(mc_bak_zoek(&b, &k)->waarde, 10000);
	/* Waiting on 31 Dec 2026 (horizon), not beyond it. */
	mc_sleutel_zet(&k, 202612, MC_WACHTEND, -1, "0547", 1, "*", "*");
	assert_non_null(mc_bak_zoek(&b, &k));
	mc_sleutel_zet(&k, 202701, MC_WACHTEND, -1, "0547", 1, "*", "*");
	assert_null(mc_bak_zoek(&b, &k));
	/* Subtracting it again leaves nothing. */
	assert_int_equal(mc_bijdrage(&d, geld, 2, 2026, -1, &b), 0);
	for (size_t i = 0; i < b.cap; i++)
		assert_true(b.rijen[i].k.periode == 0 || b.rijen[i].waarde == 0);
	mc_bak_vrij(&b);
}

/* ---- random changes through the hooks ---- */

struct wijzig {
	struct rng *r;
	struct kpi_data *d;
	int64_t volgend_id;
};

static int wijzig_tx(struct store *st, void *arg)
{
	struct wijzig *w = arg;
	struct maandcijfers_tx *mc = NULL;
	const struct traject *t = &w->d->trajecten[rng_below(w->r, w->d->n_trajecten)];
	struct traject n = *t;
	dag_t dag = datum_van(2026, 1, 1) + (dag_t)rng_below(w->r, 300);
	uint64_t keuze = rng_below(w->r, 6);
	/* store_ijw_traject_zet (0, 1) keeps the aggregates itself; the
	 * plain inserts get the writer's raak / sluit here. */
	int rc = keuze >= 2 ? store_maandcijfers_raak(st, &mc, t->jeugdige_id) : 0;

	switch (rc < 0 ? 9 : keuze) {
	case 0: /* start */
		if (n.begindatum == DAG_GEEN && n.aanmelddatum != DAG_GEEN) {
			n.status = TRAJECT_GESTART;
			n.begindatum = n.aanmelddatum + (dag_t)rng_below(w->r, 120);
			rc = store_ijw_traject_zet(st, &n);
		}
		break;
	case 1: /* stop */
		if (n.begindatum != DAG_GEEN && n.einddatum == DAG_GEEN) {
			n.status = TRAJECT_BEEINDIGD;
			n.einddatum = n.begindatum + (dag_t)rng_below(w->r, 400);
			snprintf(n.reden_beeindiging, sizeof n.reden_beeindiging, "%s",
				 rng_below(w->r, 2) ? "31" : "33");
			rc = store_ijw_traject_zet(st, &n);
		}
		break;
	case 2: /* a new trajectory of the same youth */
		n.id = w->volgend_id++;
		n.toewijzing_nummer = 0;
		n.status = TRAJECT_AANGEMELD;
		n.aanmelddatum = dag;
		n.intakedatum = n.begindatum = n.einddatum = DAG_GEEN;
		n.reden_beeindiging[0] = '\0';
		rc = store_put_traject(st, &n);
		break;
	case 3: { /* a decision on the zorgelijk status */
		struct zorgelijk_besluit z = { .id = w->volgend_id++, .traject_id = t->id,
					       .tijdstip = (int64_t)dag * 86400 + 3600,
					       .bevestigd = rng_below(w->r, 2) };
		snprintf(z.reden, sizeof z.reden, "test");
		snprintf(z.door, sizeof z.door, "test");
		rc = store_put_zorgelijk_besluit(st, &z);
		break;
	}
	case 4: { /* a move */
		struct woonplaats wp = { .jeugdige_id = t->jeugdige_id, .vanaf = dag, .tot = DAG_GEEN };
		const struct gemeente *g = &w->d->gemeenten[rng_below(w->r, w->d->n_gemeenten)];
		snprintf(wp.gemeente, sizeof wp.gemeente, "%s", g->code);
		rc = store_put_woonplaats(st, &wp);
		break;
	}
	case 5: { /* a declared amount, approved or not */
		struct declaratie dc = { .id = w->volgend_id++, .periode_begin = dag,
					 .periode_eind = dag, .dagtekening = dag };
		snprintf(dc.nummer, sizeof dc.nummer, "T%lld", (long long)dc.id);
		snprintf(dc.agb, sizeof dc.agb, "%s", t->agb[0] ? t->agb : "00000000");
		snprintf(dc.gemeente, sizeof dc.gemeente, "%s", t->gemeente);
		rc = t->agb[0] ? store_put_declaratie(st, &dc) : 0;
		if (rc < 0 || !t->agb[0])
			break;
		struct prestatie p = { .id = w->volgend_id++, .declaratie_id = dc.id,
				       .jeugdige_id = t->jeugdige_id, .traject_id = t->id,
				       .toewijzing_nummer = t->toewijzing_nummer,
				       .periode_begin = dag, .periode_eind = dag, .volume = 1,
				       .tarief = 5000, .bedrag = 5000,
				       .goedgekeurd = rng_below(w->r, 2) };
		snprintf(p.referentie, sizeof p.referentie, "R%lld", (long long)p.id);
		snprintf(p.categorie, sizeof p.categorie, "%s", t->categorie);
		snprintf(p.productcode, sizeof p.productcode, "%s", t->productcode);
		snprintf(p.eenheid, sizeof p.eenheid, "14");
		snprintf(p.retourcode, sizeof p.retourcode, "%s", p.goedgekeurd ? "0200" : "8001");
		rc = store_put_prestatie(st, &p);
		break;
	}
	default:
		break;
	}
	if (rc < 0) {
		store_maandcijfers_vergeet(&mc);
		return rc;
	}
	return store_maandcijfers_sluit(st, &mc);
}

static void test_willekeurig_incrementeel(void **state)
{
	struct fixture *f = *state;
	struct kpi_data d;
	struct rng r;
	struct wijzig w = { .r = &r, .d = &d, .volgend_id = 900000000 };

	rng_stream(&r, 42, 1);
	assert_int_equal(store_kpi_load(f->st, &d), 0);
	for (int i = 0; i < 150; i++) {
		int rc = store_transaction(f->st, wijzig_tx, &w);
		if (rc < 0)
			fail_msg("wijziging %d: %s", i, store_error(f->st));
	}
	store_kpi_release(&d);
	/* The incremental aggregates equal a rebuild ... */
	assert_int_equal(store_maandcijfers_controleer(f->st, stderr), 0);
	/* ... and still equal kpi.h. */
	vergelijk_alles(f->st);
}

/* ---- the sum with sorted runs ---- */

struct uitvoer {
	const struct mc_bak *ref;
	struct mc_sleutel vorige;
	size_t n;
	bool fout;
};

static int controleer_uit(void *arg, const struct mc_rij *r)
{
	struct uitvoer *u = arg;
	const struct mc_rij *e = mc_bak_zoek(u->ref, &r->k);

	if (!e || e->waarde != r->waarde || r->waarde == 0 ||
	    (u->n > 0 && mc_sleutel_vergelijk(&u->vorige, &r->k) >= 0))
		u->fout = true;
	u->vorige = r->k;
	u->n++;
	return 0;
}

/* Random additions (and cancelling subtractions) through a sum with a
 * tiny bag, so that it writes many runs, come out as a plain bag's sums:
 * every nonzero key once, in strictly increasing key order. */
static void test_som_runs(void **state)
{
	(void)state;
	static const char *gemeenten[] = { "*", "", "0546", "0547", "1525" };
	struct mc_bak ref;
	struct mc_som *s = mc_som_nieuw(1024);
	struct rng r;
	size_t n_ref = 0;

	assert_non_null(s);
	mc_bak_init(&ref);
	rng_stream(&r, 7, 3);
	for (int i = 0; i < 60000; i++) {
		struct mc_sleutel k;
		int64_t delta = (int64_t)rng_below(&r, 7) - 3;
		mc_sleutel_zet(&k, 202401 + (int32_t)rng_below(&r, 12), 1 + (int)rng_below(&r, 5),
			       (int32_t)rng_below(&r, 40) - 1, gemeenten[rng_below(&r, 5)],
			       (int)rng_below(&r, 9) - 1, rng_below(&r, 2) ? "*" : "12345678",
			       rng_below(&r, 2) ? "*" : "02");
		assert_int_equal(mc_bak_voeg(&ref, &k, delta), 0);
		assert_int_equal(mc_bak_voeg(mc_som_bak(s), &k, delta), 0);
		assert_int_equal(mc_som_vol(s), 0);
	}
	for (size_t i = 0; i < ref.cap; i++)
		n_ref += ref.rijen[i].k.periode != 0 && ref.rijen[i].waarde != 0;
	assert_true(mc_som_runs(s) > 10);
	struct uitvoer u = { .ref = &ref };
	assert_int_equal(mc_som_uit(s, controleer_uit, &u), 0);
	assert_false(u.fout);
	assert_int_equal(u.n, n_ref);
	mc_som_vrij(s);
	mc_bak_vrij(&ref);

	/* Without runs: straight from the bag, in order too. */
	mc_bak_init(&ref);
	s = mc_som_nieuw(MC_SOM_SLOTS);
	assert_non_null(s);
	struct mc_sleutel a, b;
	mc_sleutel_zet(&a, 202501, MC_ACTIEF, -1, "0546", 2, "*", "*");
	mc_sleutel_zet(&b, 202501, MC_ACTIEF, -1, "*", -1, "*", "*");
	for (int i = 0; i < 2; i++) {
		assert_int_equal(mc_bak_voeg(&ref, i ? &a : &b, 3), 0);
		assert_int_equal(mc_bak_voeg(mc_som_bak(s), i ? &a : &b, 3), 0);
	}
	assert_true(mc_sleutel_vergelijk(&b, &a) < 0);
	u = (struct uitvoer){ .ref = &ref };
	assert_int_equal(mc_som_uit(s, controleer_uit, &u), 0);
	assert_false(u.fout);
	assert_int_equal(u.n, 2);
	assert_int_equal(mc_som_runs(s), 0);
	mc_som_vrij(s);
	mc_bak_vrij(&ref);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_histogram),
		cmocka_unit_test(test_een_jeugdige),
		cmocka_unit_test(test_som_runs),
		cmocka_unit_test_setup_teardown(test_demo_gelijk_aan_kpi, setup, teardown),
		cmocka_unit_test_setup_teardown(test_willekeurig_incrementeel, setup, teardown),
	};
	const struct CMUnitTest pg_tests[] = {
		cmocka_unit_test_setup_teardown(test_demo_gelijk_aan_kpi, setup_pg, teardown),
		cmocka_unit_test_setup_teardown(test_willekeurig_incrementeel, setup_pg, teardown),
	};
	int failed = cmocka_run_group_tests_name("maandcijfers/sqlite", tests, NULL, NULL);

	pg_admin = getenv("JEUGDREGIE_TEST_PG");
	if (!pg_admin || !*pg_admin) {
		printf("[ SKIPPED  ] maandcijfers/postgresql: JEUGDREGIE_TEST_PG is niet gezet\n");
		return failed;
	}
	return failed + cmocka_run_group_tests_name("maandcijfers/postgresql", pg_tests, NULL, NULL);
}
