/* store: store.h on top of a driver (driver.h).
 *
 * Every SQL statement is a named constant below; the driver prepares each
 * once per connection and caches it, so the hot paths (bulk inserts by the
 * demo generator, the indicator load) allocate nothing per call.
 *
 * NULL mapping between the model and the columns: an id 0, an empty
 * string, DAG_GEEN and a product segment of -1 mean "absent" in the model
 * and are stored as NULL where the column is nullable; reading turns NULL
 * back into the same value, so a record survives a round trip exactly.
 */
#include "store/store.h"
#include "store/wachtlijst_store.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "domain/datum.h"
#include "store/driver.h"
#include "store/rij.h"
#include "store/schema.h"
#include "store/store_intern.h"
#include "store/postgres.h"
#include "store/sqlite.h"

#define ARG_DATES 8
/* store_transaction's bound (store.h). */
#define STORE_TX_ATTEMPTS 5

/* ---- statements ------------------------------------------------------ */

static const struct sql_stmt meta_set = {
	"meta_set",
	"INSERT INTO meta (sleutel, waarde) VALUES ($1, $2) "
	"ON CONFLICT (sleutel) DO UPDATE SET waarde = excluded.waarde",
};
static const struct sql_stmt meta_get = {
	"meta_get", "SELECT waarde FROM meta WHERE sleutel = $1",
};
static const struct sql_stmt gemeente_any = {
	"gemeente_any", "SELECT count(*) FROM (SELECT 1 FROM gemeente LIMIT 1) g",
};

/* One count statement per table, generated from the schema's list so
 * that store_count never pastes a caller's text into SQL. */
static const struct sql_stmt count_stmts[] = {
#define COUNT_STMT(t) { #t, "SELECT count(*) FROM " #t },
	SCHEMA_TABLES(COUNT_STMT)
#undef COUNT_STMT
};

/* Header totals follow from the lines (added after the header). */
static const struct sql_stmt declaratie_totalen = {
	"declaratie_totalen",
	"UPDATE declaratie SET "
	"totaal_ingediend = COALESCE((SELECT sum(p.bedrag) FROM prestatie p "
	"WHERE p.declaratie_id = $1), 0), "
	"totaal_toegekend = COALESCE((SELECT sum(p.bedrag) FROM prestatie p "
	"WHERE p.declaratie_id = $1 AND p.goedgekeurd = 1), 0) "
	"WHERE id = $1",
};

static const struct sql_stmt segment_insert = {
	"segment_insert", "INSERT INTO segment (nr, naam) VALUES ($1, $2)",
};
static const struct sql_stmt gemeente_insert = {
	"gemeente_insert",
	"INSERT INTO gemeente (code, naam, subregio, inwoners, jeugdigen_0_17) "
	"VALUES ($1, $2, $3, $4, $5)",
};
static const struct sql_stmt deelname_insert = {
	"deelname_insert",
	"INSERT INTO deelname (gemeente, segment, vanaf) VALUES ($1, $2, $3)",
};
static const struct sql_stmt lokaal_team_insert = {
	"lokaal_team_insert", "INSERT INTO lokaal_team (id, naam) VALUES ($1, $2)",
};
static const struct sql_stmt lokaal_team_gemeente_insert = {
	"lokaal_team_gemeente_insert",
	"INSERT INTO lokaal_team_gemeente (team_id, gemeente) VALUES ($1, $2)",
};
static const struct sql_stmt netwerk_insert = {
	"netwerk_insert", "INSERT INTO netwerk (id, naam) VALUES ($1, $2)",
};
static const struct sql_stmt aanbieder_insert = {
	"aanbieder_insert",
	"INSERT INTO aanbieder (agb, naam, netwerk_id) VALUES ($1, $2, $3)",
};
static const struct sql_stmt product_insert = {
	"product_insert",
	"INSERT INTO product (code, categorie, omschrijving, uitvoeringsvariant, "
	"eenheid, segment, groep) VALUES ($1, $2, $3, $4, $5, $6, $7)",
};
static const struct sql_stmt contract_insert = {
	"contract_insert",
	"INSERT INTO contract (id, agb, segment, begindatum, einddatum, "
	"stilzwijgend_verlengd) VALUES ($1, $2, $3, $4, $5, $6)",
};
static const struct sql_stmt tarief_insert = {
	"tarief_insert",
	"INSERT INTO tarief (contract_id, productcode, jaar, bedrag, eenheid) "
	"VALUES ($1, $2, $3, $4, $5)",
};
static const struct sql_stmt omzetplafond_insert = {
	"omzetplafond_insert",
	"INSERT INTO omzetplafond (agb, jaar, bedrag) VALUES ($1, $2, $3)",
};
static const struct sql_stmt budget_insert = {
	"budget_insert",
	"INSERT INTO budget (gemeente, jaar, segment, bedrag) VALUES ($1, $2, $3, $4)",
};
static const struct sql_stmt gezin_insert = {
	"gezin_insert",
	"INSERT INTO gezin (id, regisseur, regisseur_team_id, analyse_datum, plan_datum) "
	"VALUES ($1, $2, $3, $4, $5)",
};
static const struct sql_stmt jeugdige_insert = {
	"jeugdige_insert",
	"INSERT INTO jeugdige (id, bsn, geboortedatum, geslacht, voornamen, "
	"achternaam, gezin_id) VALUES ($1, $2, $3, $4, $5, $6, $7)",
};
static const struct sql_stmt woonplaats_insert = {
	"woonplaats_insert",
	"INSERT INTO woonplaats (jeugdige_id, gemeente, vanaf, tot) VALUES ($1, $2, $3, $4)",
};
static const struct sql_stmt verwijzing_insert = {
	"verwijzing_insert",
	"INSERT INTO verwijzing (id, jeugdige_id, datum, type, gemeente, reden, team_id) "
	"VALUES ($1, $2, $3, $4, $5, $6, $7)",
};
static const struct sql_stmt toewijzing_insert = {
	"toewijzing_insert",
	"INSERT INTO toewijzing (nummer, jeugdige_id, agb, gemeente, categorie, "
	"productcode, toewijzingsdatum, ingangsdatum, einddatum, volume, eenheid, "
	"frequentie, budget, reden_wijziging, verwijzing_id) "
	"VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)",
};
static const struct sql_stmt traject_insert = {
	"traject_insert",
	"INSERT INTO traject (id, jeugdige_id, toewijzing_nummer, agb, team_id, "
	"gemeente, segment, categorie, productcode, groep, verwijzing_id, status, "
	"aanmelddatum, intakedatum, begindatum, einddatum, reden_beeindiging, "
	"overbrugging, veiligheidssignaal) "
	"VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, "
	"$16, $17, $18, $19)",
};
static const struct sql_stmt zorgelijk_besluit_insert = {
	"zorgelijk_besluit_insert",
	"INSERT INTO zorgelijk_besluit (id, traject_id, tijdstip, bevestigd, reden, door) "
	"VALUES ($1, $2, $3, $4, $5, $6)",
};
static const struct sql_stmt declaratie_insert = {
	"declaratie_insert",
	"INSERT INTO declaratie (id, nummer, agb, gemeente, periode_begin, "
	"periode_eind, dagtekening, totaal_ingediend, totaal_toegekend) "
	"VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
};
static const struct sql_stmt prestatie_insert = {
	"prestatie_insert",
	"INSERT INTO prestatie (id, declaratie_id, referentie, jeugdige_id, "
	"traject_id, toewijzing_nummer, categorie, productcode, periode_begin, "
	"periode_eind, volume, eenheid, tarief, bedrag, retourcode, goedgekeurd) "
	"VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)",
};
static const struct sql_stmt capaciteit_insert = {
	"capaciteit_insert",
	"INSERT INTO capaciteit (id, agb, productcode, peildatum, vrije_plaatsen, "
	"crisis_gereserveerd) VALUES ($1, $2, $3, $4, $5, $6)",
};
static const struct sql_stmt schoolstatus_insert = {
	"schoolstatus_insert",
	"INSERT INTO schoolstatus (id, jeugdige_id, niet_naar_school_sinds, tot) "
	"VALUES ($1, $2, $3, $4)",
};
static const struct sql_stmt perspectiefplan_insert = {
	"perspectiefplan_insert",
	"INSERT INTO perspectiefplan (jeugdige_id, datum) VALUES ($1, $2)",
};

/* The indicator load: one ordered pass per table, in kpi.h's order. */
static const struct sql_stmt kpi_gemeenten = {
	"kpi_gemeenten",
	"SELECT code, naam, subregio, inwoners, jeugdigen_0_17 FROM gemeente ORDER BY code",
};
static const struct sql_stmt kpi_jeugdigen = {
	"kpi_jeugdigen",
	"SELECT id, bsn, geboortedatum, geslacht, voornamen, achternaam, gezin_id "
	"FROM jeugdige ORDER BY id",
};
/* ISO dates as text sort in calendar order. */
static const struct sql_stmt kpi_woonplaatsen = {
	"kpi_woonplaatsen",
	"SELECT jeugdige_id, gemeente, vanaf, tot FROM woonplaats ORDER BY jeugdige_id, vanaf",
};
static const struct sql_stmt kpi_trajecten = {
	"kpi_trajecten",
	"SELECT t.id, t.jeugdige_id, t.toewijzing_nummer, t.agb, t.team_id, "
	"t.gemeente, t.segment, t.categorie, t.productcode, t.groep, "
	/* No aanmelddatum: the toewijzing's Ingangsdatum (kpi.h, DOMAIN.md §4). */
	"t.verwijzing_id, v.type, t.status, COALESCE(t.aanmelddatum, z.ingangsdatum), "
	"t.intakedatum, "
	"t.begindatum, t.einddatum, t.reden_beeindiging, t.overbrugging, "
	"t.veiligheidssignaal "
	"FROM traject t LEFT JOIN verwijzing v ON v.id = t.verwijzing_id "
	"LEFT JOIN toewijzing z ON z.nummer = t.toewijzing_nummer "
	"ORDER BY t.jeugdige_id, t.id",
};
static const struct sql_stmt kpi_school = {
	"kpi_school",
	"SELECT id, jeugdige_id, niet_naar_school_sinds, tot FROM schoolstatus "
	"ORDER BY jeugdige_id, niet_naar_school_sinds, id",
};
static const struct sql_stmt kpi_plannen = {
	"kpi_plannen",
	"SELECT jeugdige_id, datum FROM perspectiefplan ORDER BY jeugdige_id, datum",
};
static const struct sql_stmt kpi_besluiten = {
	"kpi_besluiten",
	"SELECT id, traject_id, tijdstip, bevestigd, reden, door FROM zorgelijk_besluit "
	"ORDER BY traject_id, tijdstip, id",
};
/* Per trajectory and year of the Prestatie's period start. Grouping by
 * t.id (the key) lets PostgreSQL accept the other t columns too. Text
 * dates: substr 1-4 is the year, 1-7 the month; max of ISO text is the
 * latest date. */
static const struct sql_stmt kpi_kosten = {
	"kpi_kosten",
	"SELECT t.id, t.jeugdige_id, t.gemeente, t.agb, t.segment, "
	"CAST(substr(p.periode_begin, 1, 4) AS INTEGER), "
	"SUM(CASE WHEN p.goedgekeurd = 1 THEN p.bedrag ELSE 0 END), "
	"SUM(CASE WHEN p.goedgekeurd = 1 THEN 0 ELSE p.bedrag END), "
	"COUNT(DISTINCT CASE WHEN p.goedgekeurd = 1 THEN substr(p.periode_begin, 1, 7) END), "
	"MAX(CASE WHEN p.goedgekeurd = 1 THEN p.periode_eind END) "
	"FROM prestatie p JOIN traject t ON t.id = p.traject_id "
	"GROUP BY t.id, substr(p.periode_begin, 1, 4) "
	"ORDER BY t.id, substr(p.periode_begin, 1, 4)",
};
static const struct sql_stmt kpi_budgetten = {
	"kpi_budgetten",
	"SELECT gemeente, jaar, segment, bedrag FROM budget ORDER BY gemeente, jaar, segment",
};
static const struct sql_stmt kpi_plafonds = {
	"kpi_plafonds",
	"SELECT agb, jaar, bedrag FROM omzetplafond ORDER BY agb, jaar",
};

/* ---- errors and plumbing --------------------------------------------- */

static struct db_stmt *prep(struct store *st, const struct sql_stmt *q)
{
	struct db_stmt *s = st->drv->prepare(st->conn, q);

	if (!s)
		rij_fout(st, -2);
	return s;
}

/* Parameters bound in order $1, $2, ...; the first failure sticks, so a
 * put function binds everything and checks once. Dates are formatted
 * into the struct, which lives until the statement is reset (driver.h:
 * bound text is borrowed). */
struct args {
	struct store *st;
	struct db_stmt *s;
	int pos;
	int rc;
	int ndates;
	char dates[ARG_DATES][11];
};

static int args_start(struct store *st, struct args *a, const struct sql_stmt *q)
{
	a->st = st;
	a->pos = 0;
	a->rc = 0;
	a->ndates = 0;
	a->s = prep(st, q);
	return a->s ? 0 : -2;
}

static void a_result(struct args *a, int rc)
{
	if (rc < 0 && a->rc == 0)
		a->rc = rij_fout(a->st, rc);
}

static void a_int(struct args *a, int64_t v)
{
	a->pos++;
	if (a->rc == 0)
		a_result(a, a->st->drv->bind_int64(a->s, a->pos, v));
}

static void a_null(struct args *a)
{
	a->pos++;
	if (a->rc == 0)
		a_result(a, a->st->drv->bind_null(a->s, a->pos));
}

/* An id where 0 means "none". */
static void a_id(struct args *a, int64_t v)
{
	if (v == 0)
		a_null(a);
	else
		a_int(a, v);
}

static void a_bool(struct args *a, bool v)
{
	a_int(a, v ? 1 : 0);
}

/* Text from a fixed model array of size n; with opt, "" becomes NULL. An
 * array without a NUL is refused rather than read past its end. */
static void a_str(struct args *a, const char *v, size_t n, bool opt)
{
	if (a->rc == 0 && memchr(v, '\0', n) == NULL) {
		a->pos++;
		snprintf(a->st->err, sizeof a->st->err,
			 "veld $%d is niet afgesloten (langer dan %zu tekens)", a->pos, n - 1);
		a->rc = -2;
		return;
	}
	if (opt && v[0] == '\0') {
		a_null(a);
		return;
	}
	a->pos++;
	if (a->rc == 0)
		a_result(a, a->st->drv->bind_text(a->s, a->pos, v));
}

#define A_TEXT(a, field) a_str((a), (field), sizeof(field), false)
#define A_OPT(a, field) a_str((a), (field), sizeof(field), true)

static void a_date(struct args *a, dag_t d)
{
	char *buf;

	if (d == DAG_GEEN) {
		a_null(a);
		return;
	}
	if (a->ndates == ARG_DATES) {
		a->pos++;
		if (a->rc == 0) {
			snprintf(a->st->err, sizeof a->st->err,
				 "interne fout: meer dan %d datums in één statement", ARG_DATES);
			a->rc = -2;
		}
		return;
	}
	buf = a->dates[a->ndates++];
	datum_fmt(d, buf);
	a->pos++;
	if (a->rc == 0)
		a_result(a, a->st->drv->bind_text(a->s, a->pos, buf));
}

/* Run a bound statement that returns no rows. */
static int args_run(struct args *a)
{
	int rc = a->rc;

	if (rc == 0)
		rc = rij_fout(a->st, a->st->drv->step(a->s));
	a->st->drv->reset(a->s);
	return rc < 0 ? rc : 0;
}

/* Run statement q, whose only parameter $1 is v. */
static int run_int(struct store *st, const struct sql_stmt *q, int64_t v)
{
	struct args a;

	if (args_start(st, &a, q) < 0)
		return -2;
	a_int(&a, v);
	return args_run(&a);
}

/* ---- open, close, transactions --------------------------------------- */

static const struct db_driver *pick_driver(const char *url, const char **target,
					   char *err, size_t errlen)
{
	if (!url || !*url) {
		snprintf(err, errlen, "geen database opgegeven");
		return NULL;
	}
	/* libpq reads the whole URL (postgresql:// and postgres://). */
	if (postgres_is_url(url)) {
		*target = url;
		return &postgres_driver;
	}
	*target = strncmp(url, "sqlite:", 7) == 0 ? url + 7 : url;
	if (!**target) {
		snprintf(err, errlen, "database '%s': geen bestandsnaam", url);
		return NULL;
	}
	return &sqlite_driver;
}

struct store *store_open(const char *url, char *err, size_t errlen)
{
	const char *target = NULL;
	const struct db_driver *drv = pick_driver(url, &target, err, errlen);
	struct store *st;
	int v;

	if (!drv)
		return NULL;
	st = calloc(1, sizeof *st);
	if (!st) {
		snprintf(err, errlen, "onvoldoende geheugen");
		return NULL;
	}
	st->drv = drv;
	if (drv->open(target, &st->conn, err, errlen) < 0) {
		free(st);
		return NULL;
	}
	v = schema_migrate(drv, st->conn, st->err, sizeof st->err);
	if (v < 0) {
		char shown[512];

		/* A server URL may carry a password; messages never do. */
		if (drv->dialect == DB_DIALECT_POSTGRES)
			postgres_url_redact(target, shown, sizeof shown);
		else
			snprintf(shown, sizeof shown, "%s", target);
		snprintf(err, errlen, "database '%s': %s", shown, st->err);
		store_close(st);
		return NULL;
	}
	st->version = v;
	return st;
}

void store_close(struct store *st)
{
	if (!st)
		return;
	if (st->conn)
		st->drv->close(st->conn);
	free(st);
}

const char *store_error(const struct store *st)
{
	return st ? st->err : "geen database";
}

int store_schema_version(struct store *st)
{
	return st->version;
}

int store_schema_newest(void)
{
	return schema_newest();
}

int store_begin(struct store *st)
{
	return rij_fout(st, st->drv->begin(st->conn));
}

int store_commit(struct store *st)
{
	return rij_fout(st, st->drv->commit(st->conn));
}

int store_rollback(struct store *st)
{
	return rij_fout(st, st->drv->rollback(st->conn));
}

/* A small xorshift for the backoff jitter, seeded per call from the clock
 * and the store's address (no shared state: one store per thread). */
static uint64_t jitter_next(uint64_t *x)
{
	*x ^= *x << 13;
	*x ^= *x >> 7;
	*x ^= *x << 17;
	return *x;
}

int store_transaction(struct store *st, int (*fn)(struct store *, void *), void *arg)
{
	struct timespec now;
	uint64_t rnd;
	int rc = 0;

	if (st->drv->in_transaction(st->conn)) {
		snprintf(st->err, sizeof st->err,
			 "interne fout: store_transaction binnen een lopende transactie");
		return -2;
	}
	clock_gettime(CLOCK_MONOTONIC, &now);
	rnd = ((uint64_t)now.tv_nsec << 20) ^ (uint64_t)now.tv_sec ^ (uint64_t)(uintptr_t)st;
	rnd |= 1;
	for (int poging = 1; poging <= STORE_TX_ATTEMPTS; poging++) {
		char msg[STORE_ERR_LEN];

		rc = store_begin(st);
		if (rc == 0) {
			rc = fn(st, arg);
			if (rc >= 0) {
				int rc2 = store_commit(st);

				if (rc2 == 0)
					return rc;
				rc = rc2;
			}
		}
		/* Undo this attempt; the first failure's message is the one
		 * that matters. */
		snprintf(msg, sizeof msg, "%s", st->err);
		st->drv->rollback(st->conn);
		snprintf(st->err, sizeof st->err, "%s", msg);
		if (rc != -1)
			return rc;
		if (poging < STORE_TX_ATTEMPTS) {
			/* 10-40 ms times the attempt number, randomized so two
			 * colliding writers do not collide again in step. */
			long ms = (long)(10 + jitter_next(&rnd) % 31) * poging;
			struct timespec pause = { ms / 1000, (ms % 1000) * 1000000L };

			while (nanosleep(&pause, &pause) != 0 && errno == EINTR)
				;
		}
	}
	{
		char msg[STORE_ERR_LEN];

		snprintf(msg, sizeof msg, "%s", st->err);
		snprintf(st->err, sizeof st->err,
			 "transactie na %d pogingen opgegeven, steeds een botsing met een "
			 "andere transactie: %.600s", STORE_TX_ATTEMPTS, msg);
	}
	return -2;
}

/* ---- meta, counts ------------------------------------------------------ */

int store_meta_set(struct store *st, const char *key, const char *value)
{
	struct args a;

	if (!key || !value) {
		snprintf(st->err, sizeof st->err, "store_meta_set: sleutel of waarde ontbreekt");
		return -2;
	}
	if (args_start(st, &a, &meta_set) < 0)
		return -2;
	a_str(&a, key, strlen(key) + 1, false);
	a_str(&a, value, strlen(value) + 1, false);
	return args_run(&a);
}

int store_meta_get(struct store *st, const char *key, char *out, size_t outlen)
{
	struct db_stmt *s = prep(st, &meta_get);
	int rc;

	if (!s)
		return -2;
	rc = rij_fout(st, st->drv->bind_text(s, 1, key));
	if (rc == 0)
		rc = rij_fout(st, st->drv->step(s));
	if (rc == 1) {
		const char *v = st->drv->column_text(s, 0);
		size_t len = v ? strlen(v) : 0;

		if (len >= outlen) {
			snprintf(st->err, sizeof st->err,
				 "meta '%s': waarde van %zu tekens past niet in %zu", key, len, outlen);
			rc = -2;
		} else {
			memcpy(out, v ? v : "", len + 1);
		}
	}
	st->drv->reset(s);
	return rc;
}

/* Run a statement that yields one integer. */
static int64_t query_count(struct store *st, const struct sql_stmt *q)
{
	struct db_stmt *s = prep(st, q);
	int64_t n;
	int rc;

	if (!s)
		return -2;
	rc = rij_fout(st, st->drv->step(s));
	if (rc == 1) {
		n = st->drv->column_int64(s, 0);
	} else if (rc == 0) {
		snprintf(st->err, sizeof st->err, "%s: geen resultaat", q->name);
		n = -2;
	} else {
		n = rc;
	}
	st->drv->reset(s);
	return n;
}

int64_t store_count(struct store *st, const char *table)
{
	for (size_t i = 0; i < sizeof count_stmts / sizeof count_stmts[0]; i++)
		if (table && strcmp(count_stmts[i].name, table) == 0)
			return query_count(st, &count_stmts[i]);
	snprintf(st->err, sizeof st->err, "onbekende tabel '%.64s'", table ? table : "(null)");
	return -2;
}

int store_is_empty(struct store *st)
{
	int64_t n = query_count(st, &gemeente_any);

	return n < 0 ? (int)n : n == 0;
}

int store_declaratie_totalen(struct store *st, int64_t id)
{
	return run_int(st, &declaratie_totalen, id);
}

int store_bulk(struct store *st, int aan)
{
	return rij_fout(st, st->drv->bulk(st->conn, aan));
}

/* ---- inserts ------------------------------------------------------------ */

int store_put_segment(struct store *st, int nr, const char *naam)
{
	struct args a;

	if (!naam) {
		snprintf(st->err, sizeof st->err, "segment %d: naam ontbreekt", nr);
		return -2;
	}
	if (args_start(st, &a, &segment_insert) < 0)
		return -2;
	a_int(&a, nr);
	a_str(&a, naam, strlen(naam) + 1, false);
	return args_run(&a);
}

int store_put_gemeente(struct store *st, const struct gemeente *g)
{
	struct args a;

	if (args_start(st, &a, &gemeente_insert) < 0)
		return -2;
	A_TEXT(&a, g->code);
	A_TEXT(&a, g->naam);
	A_OPT(&a, g->subregio);
	a_int(&a, g->inwoners);
	a_int(&a, g->jeugdigen_0_17);
	return args_run(&a);
}

int store_put_deelname(struct store *st, const struct deelname *d)
{
	struct args a;

	if (args_start(st, &a, &deelname_insert) < 0)
		return -2;
	A_TEXT(&a, d->gemeente);
	a_int(&a, d->segment);
	a_date(&a, d->vanaf);
	return args_run(&a);
}

int store_put_lokaal_team(struct store *st, const struct lokaal_team *t)
{
	struct args a;

	if (args_start(st, &a, &lokaal_team_insert) < 0)
		return -2;
	a_int(&a, t->id);
	A_TEXT(&a, t->naam);
	return args_run(&a);
}

int store_put_lokaal_team_gemeente(struct store *st, const struct lokaal_team_gemeente *tg)
{
	struct args a;

	if (args_start(st, &a, &lokaal_team_gemeente_insert) < 0)
		return -2;
	a_int(&a, tg->team_id);
	A_TEXT(&a, tg->gemeente);
	return args_run(&a);
}

int store_put_netwerk(struct store *st, const struct netwerk *n)
{
	struct args a;

	if (args_start(st, &a, &netwerk_insert) < 0)
		return -2;
	a_int(&a, n->id);
	A_TEXT(&a, n->naam);
	return args_run(&a);
}

int store_put_aanbieder(struct store *st, const struct aanbieder *ab)
{
	struct args a;

	if (args_start(st, &a, &aanbieder_insert) < 0)
		return -2;
	A_TEXT(&a, ab->agb);
	A_TEXT(&a, ab->naam);
	a_id(&a, ab->netwerk_id);
	return args_run(&a);
}

int store_put_product(struct store *st, const struct product *p)
{
	struct args a;

	if (args_start(st, &a, &product_insert) < 0)
		return -2;
	A_TEXT(&a, p->code);
	A_TEXT(&a, p->categorie);
	A_TEXT(&a, p->omschrijving);
	A_OPT(&a, p->uitvoeringsvariant);
	A_OPT(&a, p->eenheid);
	if (p->segment < 0)
		a_null(&a);
	else
		a_int(&a, p->segment);
	a_bool(&a, p->groep);
	return args_run(&a);
}

int store_put_contract(struct store *st, const struct contract *c)
{
	struct args a;

	if (args_start(st, &a, &contract_insert) < 0)
		return -2;
	a_int(&a, c->id);
	A_TEXT(&a, c->agb);
	a_int(&a, c->segment);
	a_date(&a, c->begindatum);
	a_date(&a, c->einddatum);
	a_bool(&a, c->stilzwijgend_verlengd);
	return args_run(&a);
}

int store_put_tarief(struct store *st, const struct tarief *t)
{
	struct args a;

	if (args_start(st, &a, &tarief_insert) < 0)
		return -2;
	a_int(&a, t->contract_id);
	A_TEXT(&a, t->productcode);
	a_int(&a, t->jaar);
	a_int(&a, t->bedrag);
	A_TEXT(&a, t->eenheid);
	return args_run(&a);
}

int store_put_omzetplafond(struct store *st, const struct omzetplafond *o)
{
	struct args a;

	if (args_start(st, &a, &omzetplafond_insert) < 0)
		return -2;
	A_TEXT(&a, o->agb);
	a_int(&a, o->jaar);
	a_int(&a, o->bedrag);
	return args_run(&a);
}

int store_put_budget(struct store *st, const struct budget *b)
{
	struct args a;

	if (args_start(st, &a, &budget_insert) < 0)
		return -2;
	A_TEXT(&a, b->gemeente);
	a_int(&a, b->jaar);
	a_int(&a, b->segment);
	a_int(&a, b->bedrag);
	return args_run(&a);
}

int store_put_gezin(struct store *st, const struct gezin *g)
{
	struct args a;

	if (args_start(st, &a, &gezin_insert) < 0)
		return -2;
	a_int(&a, g->id);
	A_OPT(&a, g->regisseur);
	a_id(&a, g->regisseur_team_id);
	a_date(&a, g->analyse_datum);
	a_date(&a, g->plan_datum);
	return args_run(&a);
}

int store_put_jeugdige(struct store *st, const struct jeugdige *j)
{
	struct args a;

	if (args_start(st, &a, &jeugdige_insert) < 0)
		return -2;
	a_int(&a, j->id);
	A_TEXT(&a, j->bsn);
	a_date(&a, j->geboortedatum);
	a_int(&a, j->geslacht);
	A_OPT(&a, j->voornamen);
	A_TEXT(&a, j->achternaam);
	a_id(&a, j->gezin_id);
	return args_run(&a);
}

int store_put_woonplaats(struct store *st, const struct woonplaats *w)
{
	struct args a;

	if (args_start(st, &a, &woonplaats_insert) < 0)
		return -2;
	a_int(&a, w->jeugdige_id);
	A_TEXT(&a, w->gemeente);
	a_date(&a, w->vanaf);
	a_date(&a, w->tot);
	return args_run(&a);
}

int store_put_verwijzing(struct store *st, const struct verwijzing *v)
{
	struct args a;

	if (args_start(st, &a, &verwijzing_insert) < 0)
		return -2;
	a_int(&a, v->id);
	a_int(&a, v->jeugdige_id);
	a_date(&a, v->datum);
	A_TEXT(&a, v->type);
	A_OPT(&a, v->gemeente);
	A_OPT(&a, v->reden);
	a_id(&a, v->team_id);
	return args_run(&a);
}

int store_put_toewijzing(struct store *st, const struct toewijzing *t)
{
	struct args a;

	if (args_start(st, &a, &toewijzing_insert) < 0)
		return -2;
	a_int(&a, t->nummer);
	a_int(&a, t->jeugdige_id);
	A_TEXT(&a, t->agb);
	A_TEXT(&a, t->gemeente);
	A_TEXT(&a, t->categorie);
	A_OPT(&a, t->productcode);
	a_date(&a, t->toewijzingsdatum);
	a_date(&a, t->ingangsdatum);
	a_date(&a, t->einddatum);
	a_int(&a, t->volume);
	A_OPT(&a, t->eenheid);
	A_OPT(&a, t->frequentie);
	a_int(&a, t->budget);
	A_OPT(&a, t->reden_wijziging);
	a_id(&a, t->verwijzing_id);
	return args_run(&a);
}

/* t->verwijzer is not stored: it is read back from the verwijzing. */
int store_put_traject(struct store *st, const struct traject *t)
{
	struct args a;

	if (args_start(st, &a, &traject_insert) < 0)
		return -2;
	a_int(&a, t->id);
	a_int(&a, t->jeugdige_id);
	a_id(&a, t->toewijzing_nummer);
	A_OPT(&a, t->agb);
	a_id(&a, t->team_id);
	A_TEXT(&a, t->gemeente);
	a_int(&a, t->segment);
	A_TEXT(&a, t->categorie);
	A_OPT(&a, t->productcode);
	a_bool(&a, t->groep);
	a_id(&a, t->verwijzing_id);
	a_int(&a, (int64_t)t->status);
	a_date(&a, t->aanmelddatum);
	a_date(&a, t->intakedatum);
	a_date(&a, t->begindatum);
	a_date(&a, t->einddatum);
	A_OPT(&a, t->reden_beeindiging);
	a_bool(&a, t->overbrugging);
	a_bool(&a, t->veiligheidssignaal);
	return args_run(&a);
}

int store_put_zorgelijk_besluit(struct store *st, const struct zorgelijk_besluit *z)
{
	struct args a;

	if (args_start(st, &a, &zorgelijk_besluit_insert) < 0)
		return -2;
	a_int(&a, z->id);
	a_int(&a, z->traject_id);
	a_int(&a, z->tijdstip);
	a_bool(&a, z->bevestigd);
	A_TEXT(&a, z->reden);
	A_TEXT(&a, z->door);
	return args_run(&a);
}

int store_put_declaratie(struct store *st, const struct declaratie *d)
{
	struct args a;

	if (args_start(st, &a, &declaratie_insert) < 0)
		return -2;
	a_int(&a, d->id);
	A_TEXT(&a, d->nummer);
	A_TEXT(&a, d->agb);
	A_TEXT(&a, d->gemeente);
	a_date(&a, d->periode_begin);
	a_date(&a, d->periode_eind);
	a_date(&a, d->dagtekening);
	a_int(&a, d->totaal_ingediend);
	a_int(&a, d->totaal_toegekend);
	return args_run(&a);
}

int store_put_prestatie(struct store *st, const struct prestatie *p)
{
	struct args a;

	if (args_start(st, &a, &prestatie_insert) < 0)
		return -2;
	a_int(&a, p->id);
	a_int(&a, p->declaratie_id);
	A_TEXT(&a, p->referentie);
	a_id(&a, p->jeugdige_id);
	a_id(&a, p->traject_id);
	a_id(&a, p->toewijzing_nummer);
	A_OPT(&a, p->categorie);
	A_OPT(&a, p->productcode);
	a_date(&a, p->periode_begin);
	a_date(&a, p->periode_eind);
	a_int(&a, p->volume);
	A_OPT(&a, p->eenheid);
	a_int(&a, p->tarief);
	a_int(&a, p->bedrag);
	A_TEXT(&a, p->retourcode);
	a_bool(&a, p->goedgekeurd);
	return args_run(&a);
}

int store_put_capaciteit(struct store *st, const struct capaciteit *c)
{
	struct args a;

	if (args_start(st, &a, &capaciteit_insert) < 0)
		return -2;
	a_int(&a, c->id);
	A_TEXT(&a, c->agb);
	A_OPT(&a, c->productcode);
	a_date(&a, c->peildatum);
	a_int(&a, c->vrije_plaatsen);
	a_int(&a, c->crisis_gereserveerd);
	return args_run(&a);
}

int store_put_schoolstatus(struct store *st, const struct schoolstatus *s)
{
	struct args a;

	if (args_start(st, &a, &schoolstatus_insert) < 0)
		return -2;
	a_int(&a, s->id);
	a_int(&a, s->jeugdige_id);
	a_date(&a, s->niet_naar_school_sinds);
	a_date(&a, s->tot);
	return args_run(&a);
}

int store_put_perspectiefplan(struct store *st, const struct perspectiefplan *p)
{
	struct args a;

	if (args_start(st, &a, &perspectiefplan_insert) < 0)
		return -2;
	a_int(&a, p->jeugdige_id);
	a_date(&a, p->datum);
	return args_run(&a);
}

/* ---- the indicator load -------------------------------------------------- */

/* The rows of q (no parameters), each filled by fill, into *arrp / *np
 * (the caller frees *arrp). 0 or -1/-2. */
static int load(struct store *st, const struct sql_stmt *q, size_t sz, rij_vul_fn fill,
		void **arrp, size_t *np)
{
	struct db_stmt *s = prep(st, q);
	int rc;

	*arrp = NULL;
	*np = 0;
	if (!s)
		return -2;
	rc = rij_alle(st, q, s, sz, fill, arrp, np);
	return rc < 0 ? rc : 0;
}

static void fill_woonplaats(struct rij *r, void *e)
{
	struct woonplaats *w = e;

	w->jeugdige_id = rij_getal(r);
	rij_tekst(r, w->gemeente, sizeof w->gemeente);
	w->vanaf = rij_datum(r);
	w->tot = rij_datum(r);
}

static void fill_plan(struct rij *r, void *e)
{
	struct perspectiefplan *p = e;

	p->jeugdige_id = rij_getal(r);
	p->datum = rij_datum(r);
}

static void fill_kosten(struct rij *r, void *e)
{
	struct traject_kosten *k = e;

	k->traject_id = rij_getal(r);
	k->jeugdige_id = rij_getal(r);
	rij_tekst(r, k->gemeente, sizeof k->gemeente);
	rij_tekst(r, k->agb, sizeof k->agb);
	k->segment = (int)rij_getal(r);
	k->jaar = (int)rij_getal(r);
	k->goedgekeurd = rij_getal(r);
	k->afgewezen = rij_getal(r);
	k->maanden = (int)rij_getal(r);
	k->laatste_periode_eind = rij_datum(r);
}

static void fill_budget(struct rij *r, void *e)
{
	struct budget *b = e;

	rij_tekst(r, b->gemeente, sizeof b->gemeente);
	b->jaar = (int)rij_getal(r);
	b->segment = (int)rij_getal(r);
	b->bedrag = rij_getal(r);
}

static void fill_plafond(struct rij *r, void *e)
{
	struct omzetplafond *o = e;

	rij_tekst(r, o->agb, sizeof o->agb);
	o->jaar = (int)rij_getal(r);
	o->bedrag = rij_getal(r);
}

int store_kpi_load(struct store *st, struct kpi_data *out)
{
	void *p[10] = { 0 };
	size_t n[10] = { 0 };
	int rc, own_tx;

	memset(out, 0, sizeof *out);
	/* One read snapshot for all tables, so the arrays agree with each
	 * other while writers go on (WAL / MVCC); inside a caller's
	 * transaction that transaction already is the snapshot. */
	own_tx = !st->drv->in_transaction(st->conn);
	if (own_tx && (rc = rij_fout(st, st->drv->begin_read(st->conn))) < 0)
		return rc;
	rc = load(st, &kpi_gemeenten, sizeof(struct gemeente), rij_vul_gemeente, &p[0], &n[0]);
	if (rc == 0)
		rc = load(st, &kpi_jeugdigen, sizeof(struct jeugdige), rij_vul_jeugdige, &p[1], &n[1]);
	if (rc == 0)
		rc = load(st, &kpi_woonplaatsen, sizeof(struct woonplaats), fill_woonplaats, &p[2], &n[2]);
	if (rc == 0)
		rc = load(st, &kpi_trajecten, sizeof(struct traject), rij_vul_traject, &p[3], &n[3]);
	if (rc == 0)
		rc = load(st, &kpi_school, sizeof(struct schoolstatus), rij_vul_schoolstatus, &p[4], &n[4]);
	if (rc == 0)
		rc = load(st, &kpi_plannen, sizeof(struct perspectiefplan), fill_plan, &p[5], &n[5]);
	if (rc == 0)
		rc = load(st, &kpi_besluiten, sizeof(struct zorgelijk_besluit), rij_vul_besluit, &p[6], &n[6]);
	if (rc == 0)
		rc = load(st, &kpi_kosten, sizeof(struct traject_kosten), fill_kosten, &p[7], &n[7]);
	if (rc == 0)
		rc = load(st, &kpi_budgetten, sizeof(struct budget), fill_budget, &p[8], &n[8]);
	if (rc == 0)
		rc = load(st, &kpi_plafonds, sizeof(struct omzetplafond), fill_plafond, &p[9], &n[9]);
	/* In the same snapshot as the trajecten they judge. */
	if (rc == 0)
		rc = store_treeknormen(st, out->norms);

	if (own_tx) {
		/* Nothing was written: ending the read snapshot cannot lose
		 * data, and a failure to end it is still reported. */
		int rc2 = rc == 0 ? rij_fout(st, st->drv->commit(st->conn))
				  : st->drv->rollback(st->conn);
		if (rc == 0)
			rc = rc2;
	}
	out->gemeenten = p[0];   out->n_gemeenten = n[0];
	out->jeugdigen = p[1];   out->n_jeugdigen = n[1];
	out->woonplaatsen = p[2]; out->n_woonplaatsen = n[2];
	out->trajecten = p[3];   out->n_trajecten = n[3];
	out->school = p[4];      out->n_school = n[4];
	out->plannen = p[5];     out->n_plannen = n[5];
	out->besluiten = p[6];   out->n_besluiten = n[6];
	out->kosten = p[7];      out->n_kosten = n[7];
	out->budgetten = p[8];   out->n_budgetten = n[8];
	out->plafonds = p[9];    out->n_plafonds = n[9];
	if (rc < 0) {
		/* Nothing half-loaded is handed out. */
		store_kpi_release(out);
		return rc;
	}
	return 0;
}

void store_kpi_release(struct kpi_data *d)
{
	if (!d)
		return;
	/* The arrays were allocated here; const in kpi_data is for readers. */
	free((void *)d->gemeenten);
	free((void *)d->jeugdigen);
	free((void *)d->woonplaatsen);
	free((void *)d->trajecten);
	free((void *)d->school);
	free((void *)d->plannen);
	free((void *)d->besluiten);
	free((void *)d->kosten);
	free((void *)d->budgetten);
	free((void *)d->plafonds);
	memset(d, 0, sizeof *d);
}

/* ---- users, sessions, API tokens, audit log ------------------------------ */

static const struct sql_stmt meta_set_nieuw = {
	"meta_set_nieuw",
	"INSERT INTO meta (sleutel, waarde) VALUES ($1, $2) ON CONFLICT (sleutel) DO NOTHING",
};

static const struct sql_stmt gebruiker_volgend_id = {
	"gebruiker_volgend_id", "SELECT COALESCE(max(id), 0) + 1 FROM gebruiker",
};
static const struct sql_stmt gebruiker_naam_telt = {
	"gebruiker_naam_telt", "SELECT count(*) FROM gebruiker WHERE naam = $1",
};
static const struct sql_stmt gebruiker_insert = {
	"gebruiker_insert",
	"INSERT INTO gebruiker (id, naam, rol, wachtwoord_hash, actief, aangemaakt, "
	"laatst_gewijzigd, mislukte_pogingen) VALUES ($1, $2, $3, $4, $5, $6, $7, 0)",
};
static const struct sql_stmt gebruiker_scope_insert = {
	"gebruiker_scope_insert",
	"INSERT INTO gebruiker_scope (gebruiker_id, soort, waarde) VALUES ($1, $2, $3)",
};
/* Scope values name rows of three tables; checked here (no FK possible). */
static const struct sql_stmt scope_gemeente_telt = {
	"scope_gemeente_telt", "SELECT count(*) FROM gemeente WHERE code = $1",
};
static const struct sql_stmt scope_team_telt = {
	"scope_team_telt", "SELECT count(*) FROM lokaal_team WHERE CAST(id AS TEXT) = $1",
};
static const struct sql_stmt scope_aanbieder_telt = {
	"scope_aanbieder_telt", "SELECT count(*) FROM aanbieder WHERE agb = $1",
};
#define GEBRUIKER_KOLOMMEN \
	"id, naam, rol, wachtwoord_hash, actief, aangemaakt, laatst_gewijzigd, " \
	"mislukte_pogingen, geblokkeerd_tot"
static const struct sql_stmt gebruiker_by_naam = {
	"gebruiker_by_naam", "SELECT " GEBRUIKER_KOLOMMEN " FROM gebruiker WHERE naam = $1",
};
static const struct sql_stmt gebruiker_by_id = {
	"gebruiker_by_id", "SELECT " GEBRUIKER_KOLOMMEN " FROM gebruiker WHERE id = $1",
};
static const struct sql_stmt gebruiker_alle = {
	"gebruiker_alle", "SELECT " GEBRUIKER_KOLOMMEN " FROM gebruiker ORDER BY naam",
};
static const struct sql_stmt gebruiker_scopes = {
	"gebruiker_scopes",
	"SELECT soort, waarde FROM gebruiker_scope WHERE gebruiker_id = $1 ORDER BY soort, waarde",
};
static const struct sql_stmt gebruiker_disable = {
	"gebruiker_disable",
	"UPDATE gebruiker SET actief = 0, laatst_gewijzigd = $2 WHERE id = $1",
};
static const struct sql_stmt gebruiker_set_hash = {
	"gebruiker_set_hash",
	"UPDATE gebruiker SET wachtwoord_hash = $2, laatst_gewijzigd = $3, "
	"mislukte_pogingen = 0, geblokkeerd_tot = NULL WHERE id = $1",
};
static const struct sql_stmt gebruiker_mislukt = {
	"gebruiker_mislukt",
	"UPDATE gebruiker SET mislukte_pogingen = mislukte_pogingen + 1, "
	"geblokkeerd_tot = CASE WHEN mislukte_pogingen + 1 >= $2 THEN $3 "
	"ELSE geblokkeerd_tot END WHERE id = $1",
};
static const struct sql_stmt gebruiker_gelukt = {
	"gebruiker_gelukt",
	"UPDATE gebruiker SET mislukte_pogingen = 0, geblokkeerd_tot = NULL WHERE id = $1",
};

static const struct sql_stmt sessie_insert = {
	"sessie_insert",
	"INSERT INTO sessie (token_hash, gebruiker_id, aangemaakt, laatst_actief, verloopt, "
	"csrf_hash) VALUES ($1, $2, $3, $4, $5, $6)",
};
static const struct sql_stmt sessie_get = {
	"sessie_get",
	"SELECT s.token_hash, s.gebruiker_id, s.aangemaakt, s.laatst_actief, s.verloopt, "
	"s.csrf_hash FROM sessie s JOIN gebruiker g ON g.id = s.gebruiker_id "
	"WHERE s.token_hash = $1 AND s.verloopt > $2 AND s.laatst_actief >= $3 AND g.actief = 1",
};
static const struct sql_stmt sessie_touch = {
	"sessie_touch", "UPDATE sessie SET laatst_actief = $2 WHERE token_hash = $1",
};
static const struct sql_stmt sessie_delete = {
	"sessie_delete", "DELETE FROM sessie WHERE token_hash = $1",
};
static const struct sql_stmt sessie_delete_gebruiker = {
	"sessie_delete_gebruiker", "DELETE FROM sessie WHERE gebruiker_id = $1",
};
static const struct sql_stmt sessie_opruimen = {
	"sessie_opruimen", "DELETE FROM sessie WHERE verloopt <= $1",
};

static const struct sql_stmt api_token_insert = {
	"api_token_insert",
	"INSERT INTO api_token (token_hash, naam, soort, waarde, aangemaakt) "
	"VALUES ($1, $2, $3, $4, $5)",
};
static const struct sql_stmt api_token_get = {
	"api_token_get",
	"SELECT token_hash, naam, soort, waarde, aangemaakt, ingetrokken FROM api_token "
	"WHERE token_hash = $1 AND ingetrokken IS NULL",
};
static const struct sql_stmt api_token_intrekken = {
	"api_token_intrekken",
	"UPDATE api_token SET ingetrokken = $2 WHERE token_hash = $1 AND ingetrokken IS NULL",
};

/* The head of the audit chain: made by the first append (see schema.c). */
static const struct sql_stmt audit_kop_maak = {
	"audit_kop_maak",
	"INSERT INTO audit_kop (nr, laatste_id, laatste_hash) VALUES (1, 0, $1) "
	"ON CONFLICT (nr) DO NOTHING",
};
static const struct sql_stmt audit_kop_lees = {
	"audit_kop_lees", "SELECT laatste_id, laatste_hash FROM audit_kop WHERE nr = 1",
};
/* PostgreSQL variant: lock the head row until commit, so concurrent
 * appenders queue here (SQLite's BEGIN IMMEDIATE already serialized). */
static const struct sql_stmt audit_kop_lees_postgres = {
	"audit_kop_lees_postgres",
	"SELECT laatste_id, laatste_hash FROM audit_kop WHERE nr = 1 FOR UPDATE",
};
static const struct sql_stmt audit_kop_zet = {
	"audit_kop_zet", "UPDATE audit_kop SET laatste_id = $1, laatste_hash = $2 WHERE nr = 1",
};
static const struct sql_stmt audit_insert = {
	"audit_insert",
	"INSERT INTO audit_log (id, tijdstip, gebruiker, rol, namens, jeugdige_pseudoniem, "
	"actie, object, bron_adres, verzoek_id, vorige_hash, hash) "
	"VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
};
#define AUDIT_KOLOMMEN \
	"id, tijdstip, gebruiker, rol, namens, jeugdige_pseudoniem, actie, object, " \
	"bron_adres, verzoek_id, vorige_hash, hash"
static const struct sql_stmt audit_pagina = {
	"audit_pagina",
	"SELECT " AUDIT_KOLOMMEN " FROM audit_log WHERE id > $1 ORDER BY id LIMIT $2",
};
/* An unset filter is NULL; CAST gives PostgreSQL the parameter's type. */
static const struct sql_stmt audit_zoek = {
	"audit_zoek",
	"SELECT " AUDIT_KOLOMMEN " FROM audit_log WHERE id > $1 "
	"AND (CAST($2 AS TEXT) IS NULL OR jeugdige_pseudoniem = $2) "
	"AND (CAST($3 AS TEXT) IS NULL OR gebruiker = $3) "
	"AND (CAST($4 AS TEXT) IS NULL OR tijdstip >= $4) "
	"AND (CAST($5 AS TEXT) IS NULL OR tijdstip <= $5) "
	"ORDER BY id LIMIT $6",
};
/* The per-youth report ("who looked at this file") by its index. */
static const struct sql_stmt audit_zoek_pseudoniem = {
	"audit_zoek_pseudoniem",
	"SELECT " AUDIT_KOLOMMEN " FROM audit_log WHERE jeugdige_pseudoniem = $2 AND id > $1 "
	"ORDER BY id LIMIT $3",
};

int store_set_error(struct store *st, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(st->err, sizeof st->err, fmt, ap);
	va_end(ap);
	return -2;
}

int store_meta_set_nieuw(struct store *st, const char *key, const char *value)
{
	struct args a;

	if (!key || !value)
		return store_set_error(st, "store_meta_set_nieuw: sleutel of waarde ontbreekt");
	if (args_start(st, &a, &meta_set_nieuw) < 0)
		return -2;
	a_str(&a, key, strlen(key) + 1, false);
	a_str(&a, value, strlen(value) + 1, false);
	return args_run(&a);
}

int store_begin_read(struct store *st)
{
	return rij_fout(st, st->drv->begin_read(st->conn));
}

char *store_nu_iso(char out[21])
{
	time_t nu = time(NULL);
	struct tm tm;

	if (!gmtime_r(&nu, &tm) || strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &tm) != 20)
		snprintf(out, 21, "1970-01-01T00:00:00Z");
	return out;
}

/* Text from a C string (not a model array); "" becomes NULL with opt. */
static void a_tekst(struct args *a, const char *v, bool opt)
{
	if (!v)
		v = "";
	a_str(a, v, strlen(v) + 1, opt);
}

/* Run a prepared statement whose parameters are bound and which yields
 * one integer. */
static int64_t args_een_getal(struct args *a)
{
	int rc = a->rc;
	int64_t n = 0;

	if (rc == 0)
		rc = rij_fout(a->st, a->st->drv->step(a->s));
	if (rc == 1)
		n = a->st->drv->column_int64(a->s, 0);
	else if (rc == 0)
		rc = store_set_error(a->st, "geen resultaat");
	a->st->drv->reset(a->s);
	return rc < 0 ? rc : n;
}

static int64_t telling(struct store *st, const struct sql_stmt *q, const char *waarde)
{
	struct args a;

	if (args_start(st, &a, q) < 0)
		return -2;
	a_tekst(&a, waarde, false);
	return args_een_getal(&a);
}

/* Does the scope value name an existing row? 0 yes, -2 (message) no. */
static int scope_bestaat(struct store *st, const char *soort, const char *waarde)
{
	const struct sql_stmt *q;
	const char *wat;
	int64_t n;

	if (strcmp(soort, "gemeente") == 0) {
		q = &scope_gemeente_telt;
		wat = "gemeentecode";
	} else if (strcmp(soort, "lokaal_team") == 0) {
		q = &scope_team_telt;
		wat = "lokaal team";
	} else if (strcmp(soort, "aanbieder") == 0) {
		q = &scope_aanbieder_telt;
		wat = "aanbieder (AGB-code)";
	} else {
		return store_set_error(st, "onbekende scopesoort '%.20s'", soort);
	}
	n = telling(st, q, waarde);
	if (n < 0)
		return (int)n;
	if (n == 0)
		return store_set_error(st, "onbekende %s '%.20s': die staat niet in deze database",
				       wat, waarde);
	return 0;
}

int store_gebruiker_add(struct store *st, struct gebruiker *g)
{
	char nu[21];
	struct args a;
	int64_t n, id;
	int rc;

	if (g->n_scopes < 0 || g->n_scopes > GEBRUIKER_SCOPES_MAX)
		return store_set_error(st, "te veel scopes (hoogstens %d)", GEBRUIKER_SCOPES_MAX);
	if (!memchr(g->naam, '\0', sizeof g->naam) || !g->naam[0])
		return store_set_error(st, "gebruikersnaam ontbreekt of is te lang");
	n = telling(st, &gebruiker_naam_telt, g->naam);
	if (n < 0)
		return (int)n;
	if (n > 0)
		return store_set_error(st, "er is al een gebruiker met de naam '%s'", g->naam);
	for (int i = 0; i < g->n_scopes; i++) {
		rc = scope_bestaat(st, g->scopes[i].soort, g->scopes[i].waarde);
		if (rc < 0)
			return rc;
	}
	id = query_count(st, &gebruiker_volgend_id);
	if (id < 0)
		return (int)id;
	store_nu_iso(nu);
	if (args_start(st, &a, &gebruiker_insert) < 0)
		return -2;
	a_int(&a, id);
	A_TEXT(&a, g->naam);
	A_TEXT(&a, g->rol);
	A_OPT(&a, g->wachtwoord_hash);
	a_bool(&a, g->actief);
	a_tekst(&a, nu, false);
	a_tekst(&a, nu, false);
	rc = args_run(&a);
	for (int i = 0; rc == 0 && i < g->n_scopes; i++) {
		if (args_start(st, &a, &gebruiker_scope_insert) < 0)
			return -2;
		a_int(&a, id);
		A_TEXT(&a, g->scopes[i].soort);
		A_TEXT(&a, g->scopes[i].waarde);
		rc = args_run(&a);
	}
	if (rc == 0) {
		g->id = id;
		memcpy(g->aangemaakt, nu, sizeof nu);
		memcpy(g->laatst_gewijzigd, nu, sizeof nu);
	}
	return rc;
}

/* The user columns of the current row of s (scopes not yet). */
static int lees_gebruiker(struct store *st, struct db_stmt *s, struct gebruiker *g)
{
	int rc;

	memset(g, 0, sizeof *g);
	g->id = st->drv->column_int64(s, 0);
	rc = rij_kolom_past(st, s, 1, g->naam, sizeof g->naam);
	if (rc == 0)
		rc = rij_kolom_past(st, s, 2, g->rol, sizeof g->rol);
	if (rc == 0)
		rc = rij_kolom_past(st, s, 3, g->wachtwoord_hash, sizeof g->wachtwoord_hash);
	g->actief = st->drv->column_int64(s, 4) != 0;
	if (rc == 0)
		rc = rij_kolom_past(st, s, 5, g->aangemaakt, sizeof g->aangemaakt);
	if (rc == 0)
		rc = rij_kolom_past(st, s, 6, g->laatst_gewijzigd, sizeof g->laatst_gewijzigd);
	g->mislukte_pogingen = st->drv->column_int64(s, 7);
	g->geblokkeerd_tot = st->drv->column_int64(s, 8);
	return rc;
}

static int lees_scopes(struct store *st, struct gebruiker *g)
{
	struct args a;
	int rc;

	if (args_start(st, &a, &gebruiker_scopes) < 0)
		return -2;
	a_int(&a, g->id);
	rc = a.rc;
	g->n_scopes = 0;
	while (rc == 0 && (rc = rij_fout(st, st->drv->step(a.s))) == 1) {
		struct gebruiker_scope *sc;

		if (g->n_scopes == GEBRUIKER_SCOPES_MAX) {
			rc = store_set_error(st, "gebruiker '%s' heeft meer dan %d scopes", g->naam,
					     GEBRUIKER_SCOPES_MAX);
			break;
		}
		sc = &g->scopes[g->n_scopes++];
		rc = rij_kolom_past(st, a.s, 0, sc->soort, sizeof sc->soort);
		if (rc == 0)
			rc = rij_kolom_past(st, a.s, 1, sc->waarde, sizeof sc->waarde);
	}
	st->drv->reset(a.s);
	return rc < 0 ? rc : 0;
}

/* One user by a query whose single row (if any) has GEBRUIKER_KOLOMMEN,
 * with its scopes; a.s is bound by the caller. */
static int gebruiker_een(struct store *st, struct args *a, struct gebruiker *out)
{
	int rc = a->rc;

	if (rc == 0)
		rc = rij_fout(st, st->drv->step(a->s));
	if (rc == 1 && lees_gebruiker(st, a->s, out) < 0)
		rc = -2;
	st->drv->reset(a->s);
	if (rc == 1 && lees_scopes(st, out) < 0)
		rc = -2;
	return rc;
}

int store_gebruiker_get(struct store *st, const char *naam, struct gebruiker *out)
{
	struct args a;

	if (args_start(st, &a, &gebruiker_by_naam) < 0)
		return -2;
	a_tekst(&a, naam, false);
	return gebruiker_een(st, &a, out);
}

int store_gebruiker_get_id(struct store *st, int64_t id, struct gebruiker *out)
{
	struct args a;

	if (args_start(st, &a, &gebruiker_by_id) < 0)
		return -2;
	a_int(&a, id);
	return gebruiker_een(st, &a, out);
}

int store_gebruiker_list(struct store *st, struct gebruiker **out)
{
	struct db_stmt *s = prep(st, &gebruiker_alle);
	struct gebruiker *lijst = NULL;
	size_t n = 0, cap = 0;
	int rc;

	*out = NULL;
	if (!s)
		return -2;
	while ((rc = rij_fout(st, st->drv->step(s))) == 1) {
		if (n == cap) {
			size_t nieuw = cap ? 2 * cap : 16;
			struct gebruiker *p = realloc(lijst, nieuw * sizeof *p);

			if (!p) {
				rc = store_set_error(st, "onvoldoende geheugen");
				break;
			}
			lijst = p;
			cap = nieuw;
		}
		if (lees_gebruiker(st, s, &lijst[n]) < 0) {
			rc = -2;
			break;
		}
		n++;
	}
	st->drv->reset(s);
	for (size_t i = 0; rc == 0 && i < n; i++)
		rc = lees_scopes(st, &lijst[i]);
	if (rc < 0) {
		free(lijst);
		return rc;
	}
	if (n > INT32_MAX) {
		free(lijst);
		return store_set_error(st, "te veel gebruikers");
	}
	*out = lijst;
	return (int)n;
}

/* The id of user naam: 1 found, 0 not. */
static int gebruiker_id(struct store *st, const char *naam, int64_t *id)
{
	struct gebruiker g;
	int rc = store_gebruiker_get(st, naam, &g);

	if (rc == 1)
		*id = g.id;
	return rc;
}

int store_gebruiker_disable(struct store *st, const char *naam)
{
	char nu[21];
	struct args a;
	int64_t id = 0;
	int rc = gebruiker_id(st, naam, &id);

	if (rc <= 0)
		return rc;
	if (args_start(st, &a, &gebruiker_disable) < 0)
		return -2;
	a_int(&a, id);
	a_tekst(&a, store_nu_iso(nu), false);
	rc = args_run(&a);
	if (rc == 0)
		rc = store_sessie_delete_gebruiker(st, id);
	return rc < 0 ? rc : 1;
}

int store_gebruiker_set_wachtwoord(struct store *st, const char *naam, const char *hash)
{
	char nu[21];
	struct args a;
	int64_t id = 0;
	int rc = gebruiker_id(st, naam, &id);

	if (rc <= 0)
		return rc;
	if (args_start(st, &a, &gebruiker_set_hash) < 0)
		return -2;
	a_int(&a, id);
	a_tekst(&a, hash, true);
	a_tekst(&a, store_nu_iso(nu), false);
	rc = args_run(&a);
	return rc < 0 ? rc : 1;
}

int store_gebruiker_login_mislukt(struct store *st, int64_t id, int64_t drempel, int64_t blok_tot)
{
	struct args a;

	if (args_start(st, &a, &gebruiker_mislukt) < 0)
		return -2;
	a_int(&a, id);
	a_int(&a, drempel);
	a_int(&a, blok_tot);
	return args_run(&a);
}

int store_gebruiker_login_gelukt(struct store *st, int64_t id)
{
	return run_int(st, &gebruiker_gelukt, id);
}

int store_sessie_maak(struct store *st, const struct sessie *s)
{
	struct args a;

	if (args_start(st, &a, &sessie_insert) < 0)
		return -2;
	A_TEXT(&a, s->token_hash);
	a_int(&a, s->gebruiker_id);
	a_int(&a, s->aangemaakt);
	a_int(&a, s->laatst_actief);
	a_int(&a, s->verloopt);
	A_OPT(&a, s->csrf_hash);
	return args_run(&a);
}

int store_sessie_get(struct store *st, const char *token_hash, int64_t nu, int64_t max_inactief,
		     struct sessie *out)
{
	struct args a;
	int rc;

	if (args_start(st, &a, &sessie_get) < 0)
		return -2;
	a_tekst(&a, token_hash, false);
	a_int(&a, nu);
	a_int(&a, nu - max_inactief);
	rc = a.rc;
	if (rc == 0)
		rc = rij_fout(st, st->drv->step(a.s));
	if (rc == 1) {
		memset(out, 0, sizeof *out);
		if (rij_kolom_past(st, a.s, 0, out->token_hash, sizeof out->token_hash) < 0 ||
		    rij_kolom_past(st, a.s, 5, out->csrf_hash, sizeof out->csrf_hash) < 0)
			rc = -2;
		out->gebruiker_id = st->drv->column_int64(a.s, 1);
		out->aangemaakt = st->drv->column_int64(a.s, 2);
		out->laatst_actief = st->drv->column_int64(a.s, 3);
		out->verloopt = st->drv->column_int64(a.s, 4);
	}
	st->drv->reset(a.s);
	return rc;
}

int store_sessie_touch(struct store *st, const char *token_hash, int64_t nu)
{
	struct args a;

	if (args_start(st, &a, &sessie_touch) < 0)
		return -2;
	a_tekst(&a, token_hash, false);
	a_int(&a, nu);
	return args_run(&a);
}

int store_sessie_delete(struct store *st, const char *token_hash)
{
	struct args a;

	if (args_start(st, &a, &sessie_delete) < 0)
		return -2;
	a_tekst(&a, token_hash, false);
	return args_run(&a);
}

int store_sessie_delete_gebruiker(struct store *st, int64_t gebruiker_id)
{
	return run_int(st, &sessie_delete_gebruiker, gebruiker_id);
}

int store_sessie_opruimen(struct store *st, int64_t nu)
{
	return run_int(st, &sessie_opruimen, nu);
}

int store_api_token_maak(struct store *st, const struct api_token *t)
{
	struct args a;
	int rc;

	if (strcmp(t->soort, "gemeente") != 0 && strcmp(t->soort, "aanbieder") != 0)
		return store_set_error(st, "een API-token hoort bij een gemeente of een aanbieder, "
				       "niet bij '%.12s'", t->soort);
	rc = scope_bestaat(st, t->soort, t->waarde);
	if (rc < 0)
		return rc;
	if (args_start(st, &a, &api_token_insert) < 0)
		return -2;
	A_TEXT(&a, t->token_hash);
	A_TEXT(&a, t->naam);
	A_TEXT(&a, t->soort);
	A_TEXT(&a, t->waarde);
	A_TEXT(&a, t->aangemaakt);
	return args_run(&a);
}

int store_api_token_get(struct store *st, const char *token_hash, struct api_token *out)
{
	struct args a;
	int rc;

	if (args_start(st, &a, &api_token_get) < 0)
		return -2;
	a_tekst(&a, token_hash, false);
	rc = a.rc;
	if (rc == 0)
		rc = rij_fout(st, st->drv->step(a.s));
	if (rc == 1) {
		memset(out, 0, sizeof *out);
		if (rij_kolom_past(st, a.s, 0, out->token_hash, sizeof out->token_hash) < 0 ||
		    rij_kolom_past(st, a.s, 1, out->naam, sizeof out->naam) < 0 ||
		    rij_kolom_past(st, a.s, 2, out->soort, sizeof out->soort) < 0 ||
		    rij_kolom_past(st, a.s, 3, out->waarde, sizeof out->waarde) < 0 ||
		    rij_kolom_past(st, a.s, 4, out->aangemaakt, sizeof out->aangemaakt) < 0 ||
		    rij_kolom_past(st, a.s, 5, out->ingetrokken, sizeof out->ingetrokken) < 0)
			rc = -2;
	}
	st->drv->reset(a.s);
	return rc;
}

int store_api_token_intrekken(struct store *st, const char *token_hash)
{
	struct api_token t;
	char nu[21];
	struct args a;
	int rc = store_api_token_get(st, token_hash, &t);

	if (rc <= 0)
		return rc;
	if (args_start(st, &a, &api_token_intrekken) < 0)
		return -2;
	a_tekst(&a, token_hash, false);
	a_tekst(&a, store_nu_iso(nu), false);
	rc = args_run(&a);
	return rc < 0 ? rc : 1;
}

/* The head: 1 and its fields, 0 when there is none. */
static int kop_lees(struct store *st, const struct sql_stmt *q, int64_t *id,
		    char hash[HASH_HEX_LEN + 1])
{
	struct db_stmt *s = prep(st, q);
	int rc;

	if (!s)
		return -2;
	rc = rij_fout(st, st->drv->step(s));
	if (rc == 1) {
		*id = st->drv->column_int64(s, 0);
		if (rij_kolom_past(st, s, 1, hash, HASH_HEX_LEN + 1) < 0)
			rc = -2;
	}
	st->drv->reset(s);
	return rc;
}

int store_audit_kop(struct store *st, int64_t *laatste_id, char hash[HASH_HEX_LEN + 1])
{
	return kop_lees(st, &audit_kop_lees, laatste_id, hash);
}

int store_audit_append(struct store *st, struct audit_record *r)
{
	const struct sql_stmt *lees = &audit_kop_lees;
	char kop_hash[HASH_HEX_LEN + 1];
	int64_t kop_id = 0;
	struct args a;
	int rc;

	if (!st->drv->in_transaction(st->conn))
		return store_set_error(st, "interne fout: store_audit_append buiten een transactie");
	if (!audit_actie_geldig(r->actie))
		return store_set_error(st, "onbekende auditactie '%.19s'", r->actie);
	if (!r->tijdstip[0])
		store_nu_iso(r->tijdstip);
	switch (st->drv->dialect) {
	case DB_DIALECT_SQLITE:
		break;
	case DB_DIALECT_POSTGRES:
		lees = &audit_kop_lees_postgres;
		break;
	}
	if (args_start(st, &a, &audit_kop_maak) < 0)
		return -2;
	a_tekst(&a, AUDIT_BEGIN_HASH, false);
	rc = args_run(&a);
	if (rc < 0)
		return rc;
	rc = kop_lees(st, lees, &kop_id, kop_hash);
	if (rc < 0)
		return rc;
	if (rc == 0)
		return store_set_error(st, "de kop van het auditlog ontbreekt");
	r->id = kop_id + 1;
	memcpy(r->vorige_hash, kop_hash, sizeof r->vorige_hash);
	audit_keten_hash(r->vorige_hash, r, r->hash);

	if (args_start(st, &a, &audit_insert) < 0)
		return -2;
	a_int(&a, r->id);
	A_TEXT(&a, r->tijdstip);
	A_TEXT(&a, r->gebruiker);
	A_TEXT(&a, r->rol);
	A_OPT(&a, r->namens);
	A_OPT(&a, r->jeugdige_pseudoniem);
	A_TEXT(&a, r->actie);
	A_TEXT(&a, r->object);
	A_OPT(&a, r->bron_adres);
	A_OPT(&a, r->verzoek_id);
	A_TEXT(&a, r->vorige_hash);
	A_TEXT(&a, r->hash);
	rc = args_run(&a);
	if (rc < 0)
		return rc;
	if (args_start(st, &a, &audit_kop_zet) < 0)
		return -2;
	a_int(&a, r->id);
	A_TEXT(&a, r->hash);
	return args_run(&a);
}

static int lees_audit(struct store *st, struct db_stmt *s, struct audit_record *r)
{
	int rc = 0;

	memset(r, 0, sizeof *r);
	r->id = st->drv->column_int64(s, 0);
#define K(col, f) if (rc == 0) rc = rij_kolom_past(st, s, col, r->f, sizeof r->f)
	K(1, tijdstip);
	K(2, gebruiker);
	K(3, rol);
	K(4, namens);
	K(5, jeugdige_pseudoniem);
	K(6, actie);
	K(7, object);
	K(8, bron_adres);
	K(9, verzoek_id);
	K(10, vorige_hash);
	K(11, hash);
#undef K
	return rc;
}

/* Step a bound audit query into out[0..max). */
static int audit_rijen(struct args *a, struct audit_record *out, int max)
{
	int rc = a->rc, n = 0;

	while (rc == 0 && n < max && (rc = rij_fout(a->st, a->st->drv->step(a->s))) == 1) {
		rc = lees_audit(a->st, a->s, &out[n]);
		if (rc == 0)
			n++;
	}
	a->st->drv->reset(a->s);
	return rc < 0 ? rc : n;
}

int store_audit_pagina(struct store *st, int64_t na_id, struct audit_record *out, int max)
{
	struct args a;

	if (max <= 0)
		return 0;
	if (args_start(st, &a, &audit_pagina) < 0)
		return -2;
	a_int(&a, na_id);
	a_int(&a, max);
	return audit_rijen(&a, out, max);
}

static bool gezet(const char *s)
{
	return s && *s;
}

int store_audit_zoek(struct store *st, const struct audit_filter *f, int64_t na_id,
		     struct audit_record *out, int max)
{
	char van[32], tot[32];
	struct args a;

	if (max <= 0)
		return 0;
	if (gezet(f->pseudoniem) && !gezet(f->gebruiker) && !gezet(f->van) && !gezet(f->tot)) {
		if (args_start(st, &a, &audit_zoek_pseudoniem) < 0)
			return -2;
		a_int(&a, na_id);
		a_tekst(&a, f->pseudoniem, false);
		a_int(&a, max);
		return audit_rijen(&a, out, max);
	}
	/* Dates to the bounds of tijdstip (ISO text sorts in time order). */
	snprintf(van, sizeof van, "%.10sT00:00:00Z", gezet(f->van) ? f->van : "");
	snprintf(tot, sizeof tot, "%.10sT23:59:59Z", gezet(f->tot) ? f->tot : "");
	if (args_start(st, &a, &audit_zoek) < 0)
		return -2;
	a_int(&a, na_id);
	a_tekst(&a, f->pseudoniem, true);
	a_tekst(&a, f->gebruiker, true);
	a_tekst(&a, gezet(f->van) ? van : "", true);
	a_tekst(&a, gezet(f->tot) ? tot : "", true);
	a_int(&a, max);
	return audit_rijen(&a, out, max);
}
