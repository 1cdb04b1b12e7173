/* postgres: the PostgreSQL driver behind driver.h (see postgres.h). */
#include "store/postgres.h"
#include "store/stmtcache.h"

#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libpq-fe.h>

#define ERR_LEN 512
#define DEFAULT_CONNECT_TIMEOUT "10"
/* Oldest server we accept: ON CONFLICT, to_regclass(text), advisory
 * transaction locks and the catalog queries below are all older. */
#define MIN_SERVER_VERSION 100000
/* Pipelined statements (bulk mode) sent before their answers are read:
 * one round trip per batch instead of one per row. The answers of a batch
 * (a few dozen bytes each) fit in the socket buffers, so neither side
 * blocks writing while the other waits. */
#define PIPE_BATCH 512

struct db_stmt {
	struct db_conn *conn;
	const struct sql_stmt *key;
	/* Server-side name of the prepared statement. */
	char name[64];
	int nparam;
	/* Description from the server: result columns (0: returns no rows)
	 * and their names, before the statement has run. */
	PGresult *desc;
	/* The result being stepped through, its current row and size. */
	PGresult *res;
	int row, nrows;
	/* Executed and finished (no rows, or an error); step() says 0. */
	int done;
	const char *values[DB_MAX_PARAMS];
	char ints[DB_MAX_PARAMS][24];
};

struct db_conn {
	PGconn *pg;
	char err[ERR_LEN];
	/* Prepared statements by sql_stmt address; values are struct
	 * db_stmt, owned by this connection. */
	struct stmt_cache stmts;
	unsigned long seq;
	/* Bulk mode (driver.h) and the pipeline it allows. */
	int bulk;
	int piping;
	int pending;
	const struct sql_stmt *pending_key[PIPE_BATCH];
};

/* ---- messages ----------------------------------------------------------- */

/* A readable sentence for an SQLSTATE (NULL: no code known). */
static const char *explain(const char *state)
{
	static const struct {
		const char *code;
		const char *text;
	} known[] = {
		{ "23505", "dubbel: dit record bestaat al" },
		{ "23503", "verwijzing naar een record dat niet bestaat" },
		{ "23514", "ongeldige waarde: buiten wat de database toestaat" },
		{ "23502", "verplicht veld ontbreekt" },
		{ "22P02", "verkeerd gegevenstype voor een kolom" },
		{ "42804", "verkeerd gegevenstype voor een kolom" },
		{ "22007", "verkeerd gegevenstype voor een kolom" },
		{ "22003", "ongeldige waarde: getal buiten het bereik van de kolom" },
		{ "22001", "ongeldige waarde: tekst te lang voor de kolom" },
		{ "22021", "ongeldige tekens: de tekst is geen geldige UTF-8" },
		{ "53100", "schijf vol: de database kon niet worden geschreven" },
		{ "53200", "onvoldoende geheugen op de databaseserver" },
		{ "53300", "te veel verbindingen met de PostgreSQL-server" },
		{ "25006", "alleen-lezen: de database kon niet worden geschreven" },
		{ "25P02", "de transactie is afgebroken door een eerdere fout; draai haar terug" },
		{ "40001", "de transactie botste met een andere transactie; probeer het opnieuw" },
		{ "40P01", "impasse (deadlock) met een andere transactie; probeer het opnieuw" },
		{ "55P03", "de gegevens zijn vergrendeld door een ander proces; probeer het opnieuw" },
		{ "57014", "de opdracht is afgebroken (time-out of geannuleerd)" },
		{ "57P01", "de PostgreSQL-server wordt afgesloten" },
		{ "57P02", "de PostgreSQL-server wordt afgesloten" },
		{ "57P03", "de PostgreSQL-server start nog op of is niet beschikbaar" },
		{ "42501", "geen rechten: de databasegebruiker mag dit niet" },
		{ "42P07", "de tabel bestaat al" },
		{ "XX001", "de database is beschadigd" },
		{ "XX002", "de database is beschadigd" },
	};

	if (!state || strlen(state) != 5)
		return "databasefout";
	for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
		if (strcmp(state, known[i].code) == 0)
			return known[i].text;
	if (strncmp(state, "08", 2) == 0)
		return "verbinding met PostgreSQL verbroken";
	if (strncmp(state, "23", 2) == 0)
		return "de gegevens overtreden een regel van de database";
	if (strncmp(state, "42", 2) == 0)
		return "interne fout: ongeldige SQL-opdracht";
	if (strncmp(state, "58", 2) == 0)
		return "lees- of schrijffout op de databaseserver";
	return "databasefout";
}

/* Serialization failure, deadlock and lock-not-available are worth a retry
 * of the whole transaction; everything else is hard. */
static int classify(const char *state)
{
	if (state && (strcmp(state, "40001") == 0 || strcmp(state, "40P01") == 0 ||
		      strcmp(state, "55P03") == 0))
		return -1;
	return -2;
}

/* libpq's message on one line: newlines and tabs become spaces, trailing
 * space goes. */
static void one_line(const char *msg, char *out, size_t n)
{
	size_t j = 0;

	if (!msg)
		msg = "";
	for (size_t i = 0; msg[i] && j + 1 < n; i++) {
		char ch = msg[i];

		if (ch == '\n' || ch == '\t' || ch == '\r')
			ch = ' ';
		if (ch == ' ' && (j == 0 || out[j - 1] == ' '))
			continue;
		out[j++] = ch;
	}
	while (j > 0 && out[j - 1] == ' ')
		j--;
	out[j] = '\0';
}

/* Record the failure of a command (res may be NULL: out of memory or no
 * connection) while doing what; returns -1 or -2. */
static int fail_res(struct db_conn *c, const PGresult *res, const char *what)
{
	const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
	const char *primary = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : NULL;
	char detail[384];

	one_line(primary && *primary ? primary : PQerrorMessage(c->pg), detail, sizeof detail);
	if (PQstatus(c->pg) == CONNECTION_BAD) {
		snprintf(c->err, sizeof c->err, "verbinding met PostgreSQL verbroken (%s: %s)",
			 what, detail);
		return -2;
	}
	snprintf(c->err, sizeof c->err, "%s (%s: %s)", explain(state), what, detail);
	return classify(state);
}

/* ---- URLs ------------------------------------------------------------------ */

bool postgres_is_url(const char *url)
{
	return url && (strncmp(url, "postgresql://", 13) == 0 ||
		       strncmp(url, "postgres://", 11) == 0);
}

void postgres_url_redact(const char *url, char *out, size_t n)
{
	const char *p = url, *auth, *at, *colon;
	size_t j = 0;

	if (n == 0)
		return;
#define PUT(ch) do { if (j + 1 < n) out[j++] = (ch); } while (0)
	auth = strstr(url, "://");
	auth = auth ? auth + 3 : url;
	/* user:password@ in the authority part (up to the first / or ?). */
	at = NULL;
	for (const char *q = auth; *q && *q != '/' && *q != '?'; q++)
		if (*q == '@')
			at = q;
	colon = NULL;
	if (at)
		for (const char *q = auth; q < at; q++)
			if (*q == ':') {
				colon = q;
				break;
			}
	while (*p) {
		if (colon && p == colon + 1) {
			PUT('*'); PUT('*'); PUT('*');
			p = at;
			continue;
		}
		/* password=... as a query parameter (after ? or &). */
		if ((p > url && (p[-1] == '?' || p[-1] == '&')) &&
		    strncmp(p, "password=", 9) == 0) {
			for (int k = 0; k < 9; k++)
				PUT(p[k]);
			PUT('*'); PUT('*'); PUT('*');
			p += 9;
			while (*p && *p != '&')
				p++;
			continue;
		}
		PUT(*p);
		p++;
	}
#undef PUT
	out[j] = '\0';
}

/* ---- connecting ------------------------------------------------------------ */

static int64_t now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Wait until the connection's socket is ready (1), the deadline passed
 * (0; deadline < 0: none) or poll failed (-1). */
static int wait_socket(PGconn *pg, int for_write, int64_t deadline)
{
	struct pollfd p = { .fd = PQsocket(pg), .events = for_write ? POLLOUT : POLLIN };

	if (p.fd < 0)
		return -1;
	for (;;) {
		int ms = -1, r;

		if (deadline >= 0) {
			int64_t left = deadline - now_ms();

			if (left <= 0)
				return 0;
			ms = left > INT_MAX ? INT_MAX : (int)left;
		}
		r = poll(&p, 1, ms);
		if (r > 0)
			return 1;
		if (r < 0 && errno != EINTR)
			return -1;
	}
}

/* The effective connect_timeout of a started connection, in seconds (0:
 * none), as libpq reads it (values below 2 become 2). */
static int connect_timeout_of(PGconn *pg)
{
	PQconninfoOption *opts = PQconninfo(pg);
	int t = 0;

	for (PQconninfoOption *o = opts; o && o->keyword; o++) {
		if (strcmp(o->keyword, "connect_timeout") == 0 && o->val && *o->val) {
			char *end;
			long v = strtol(o->val, &end, 10);

			t = (*end || v < 0 || v > 86400) ? 10 : (int)v;
			break;
		}
	}
	PQconninfoFree(opts);
	if (t == 1)
		t = 2;
	return t;
}

/* Connect to target with our defaults, bounded by the connect timeout.
 * Returns the connection (status OK) or NULL with a message in err. */
static PGconn *connect_to(const char *target, const char *shown, char *err, size_t errlen)
{
	const char *kw[6], *val[6];
	int k = 0, timeout, reached = 0, timed_out = 0;
	PostgresPollingStatusType ps = PGRES_POLLING_WRITING;
	int64_t deadline;
	char *perr = NULL, msg[384];
	PQconninfoOption *parsed;
	PGconn *pg;

	/* A malformed URL is the user's typo, not an unreachable server. */
	parsed = PQconninfoParse(target, &perr);
	if (!parsed) {
		one_line(perr ? perr : "onbekende fout", msg, sizeof msg);
		snprintf(err, errlen, "database '%s': ongeldige PostgreSQL-verbindings-URL (%s)",
			 shown, msg);
		PQfreemem(perr);
		return NULL;
	}
	PQconninfoFree(parsed);

	/* Defaults before the URL (the URL overrides them), encoding after
	 * (we only speak UTF-8). */
	if (!getenv("PGCONNECT_TIMEOUT")) {
		kw[k] = "connect_timeout";
		val[k++] = DEFAULT_CONNECT_TIMEOUT;
	}
	kw[k] = "fallback_application_name";
	val[k++] = "jeugdregie";
	kw[k] = "dbname";
	val[k++] = target;
	kw[k] = "client_encoding";
	val[k++] = "UTF8";
	kw[k] = NULL;
	val[k] = NULL;

	pg = PQconnectStartParams(kw, val, 1);
	if (!pg) {
		snprintf(err, errlen, "database '%s': onvoldoende geheugen om te verbinden", shown);
		return NULL;
	}
	timeout = connect_timeout_of(pg);
	deadline = timeout > 0 ? now_ms() + (int64_t)timeout * 1000 : -1;
	if (PQstatus(pg) == CONNECTION_BAD)
		ps = PGRES_POLLING_FAILED;
	/* The non-blocking handshake (libpq's documented loop), so that we
	 * know whether the server ever answered: a failure after the startup
	 * packet went out is a refusal, before it an unreachable server. */
	while (ps != PGRES_POLLING_OK && ps != PGRES_POLLING_FAILED) {
		int w = wait_socket(pg, ps == PGRES_POLLING_WRITING, deadline);

		if (w == 0) {
			timed_out = 1;
			break;
		}
		if (w < 0) {
			ps = PGRES_POLLING_FAILED;
			break;
		}
		ps = PQconnectPoll(pg);
		switch (PQstatus(pg)) {
		case CONNECTION_AWAITING_RESPONSE:
		case CONNECTION_AUTH_OK:
		case CONNECTION_SETENV:
		case CONNECTION_CHECK_WRITABLE:
		case CONNECTION_CONSUME:
		case CONNECTION_CHECK_TARGET:
		case CONNECTION_CHECK_STANDBY:
			reached = 1;
			break;
		case CONNECTION_OK:
		case CONNECTION_BAD:
		case CONNECTION_STARTED:
		case CONNECTION_MADE:
		case CONNECTION_SSL_STARTUP:
		case CONNECTION_NEEDED:
		case CONNECTION_GSS_STARTUP:
			break;
		}
	}
	if (ps == PGRES_POLLING_OK && PQstatus(pg) == CONNECTION_OK)
		return pg;

	one_line(PQerrorMessage(pg), msg, sizeof msg);
	if (timed_out)
		snprintf(err, errlen,
			 "database '%s': PostgreSQL-server niet bereikbaar: geen antwoord binnen "
			 "%d s (connect_timeout)%s%s", shown, timeout, *msg ? "; " : "", msg);
	else if (reached)
		snprintf(err, errlen, "database '%s': aanmelden bij PostgreSQL geweigerd: %s",
			 shown, msg);
	else
		snprintf(err, errlen, "database '%s': PostgreSQL-server niet bereikbaar: %s",
			 shown, msg);
	PQfinish(pg);
	return NULL;
}

/* ---- plain commands ------------------------------------------------------- */

static int pipe_end(struct db_conn *c);

static int ok_status(ExecStatusType st)
{
	return st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK || st == PGRES_EMPTY_QUERY;
}

/* Run SQL without parameters (may hold several statements). */
static int exec_sql(struct db_conn *c, const char *sql, const char *what)
{
	PGresult *r;
	int rc;

	rc = pipe_end(c);
	if (rc < 0)
		return rc;
	r = PQexec(c->pg, sql);
	rc = r && ok_status(PQresultStatus(r)) ? 0 : fail_res(c, r, what);
	PQclear(r);
	return rc;
}

/* A one-row, one-integer query without parameters. */
static int query_int(struct db_conn *c, const char *sql, const char *what, int64_t *out)
{
	PGresult *r = PQexec(c->pg, sql);
	int rc = 0;

	if (r && PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1 && PQnfields(r) >= 1)
		*out = PQgetisnull(r, 0, 0) ? 0 : strtoll(PQgetvalue(r, 0, 0), NULL, 10);
	else if (r && PQresultStatus(r) == PGRES_TUPLES_OK) {
		snprintf(c->err, sizeof c->err, "interne fout: %s gaf geen rij", what);
		rc = -2;
	} else
		rc = fail_res(c, r, what);
	PQclear(r);
	return rc;
}

/* ---- the statement cache ------------------------------------------------ */

/* Free one cached statement (a struct db_stmt); the server forgets it
 * with the session. */
static void stmt_free(void *p)
{
	struct db_stmt *d = p;

	PQclear(d->res);
	PQclear(d->desc);
	free(d);
}

static void pg_close(struct db_conn *c)
{
	if (!c)
		return;
	stmt_cache_release(&c->stmts, stmt_free);
	/* An open transaction (or pipeline) is rolled back by the server. */
	if (c->pg)
		PQfinish(c->pg);
	free(c);
}

static int name_taken(const struct db_conn *c, const char *name)
{
	const struct db_stmt *d;
	size_t pos = 0;

	while ((d = stmt_cache_next(&c->stmts, &pos)))
		if (strcmp(d->name, name) == 0)
			return 1;
	return 0;
}

static struct db_stmt *pg_prepare(struct db_conn *c, const struct sql_stmt *key)
{
	struct db_stmt *d = stmt_cache_lookup(&c->stmts, key);
	PGresult *r;

	if (d)
		return d;
	/* PQprepare is a synchronous call: the pipeline must be empty. */
	if (pipe_end(c) < 0)
		return NULL;
	/* Room first, so the insert below cannot fail after the server
	 * has prepared the statement. */
	if (stmt_cache_reserve(&c->stmts) < 0) {
		snprintf(c->err, sizeof c->err, "onvoldoende geheugen (statement %s)", key->name);
		return NULL;
	}
	d = calloc(1, sizeof *d);
	if (!d) {
		snprintf(c->err, sizeof c->err, "onvoldoende geheugen (statement %s)", key->name);
		return NULL;
	}
	d->conn = c;
	d->key = key;
	/* The statement's own name, readable in pg_prepared_statements and
	 * the server log; made unique when two constants share a name. */
	if (strlen(key->name) < sizeof d->name - 1 && !name_taken(c, key->name))
		snprintf(d->name, sizeof d->name, "%s", key->name);
	else
		snprintf(d->name, sizeof d->name, "%.40s_%lu", key->name, ++c->seq);

	r = PQprepare(c->pg, d->name, key->sql, 0, NULL);
	if (!r || PQresultStatus(r) != PGRES_COMMAND_OK) {
		fail_res(c, r, key->name);
		PQclear(r);
		free(d);
		return NULL;
	}
	PQclear(r);
	d->desc = PQdescribePrepared(c->pg, d->name);
	if (!d->desc || PQresultStatus(d->desc) != PGRES_COMMAND_OK) {
		fail_res(c, d->desc, key->name);
		goto bad;
	}
	d->nparam = PQnparams(d->desc);
	if (d->nparam > DB_MAX_PARAMS) {
		snprintf(c->err, sizeof c->err,
			 "interne fout: statement %s heeft %d parameters (max %d)",
			 key->name, d->nparam, DB_MAX_PARAMS);
		goto bad;
	}
	(void)stmt_cache_insert(&c->stmts, key, d); /* reserved above */
	return d;
bad:
	{
		char sql[96];

		snprintf(sql, sizeof sql, "DEALLOCATE \"%s\"", d->name);
		PQclear(PQexec(c->pg, sql));
	}
	stmt_free(d);
	return NULL;
}

/* ---- binding -------------------------------------------------------------- */

static int bad_pos(struct db_stmt *d, int pos)
{
	snprintf(d->conn->err, sizeof d->conn->err,
		 "interne fout: statement %s heeft geen parameter $%d", d->key->name, pos);
	return -2;
}

static int pg_bind_int64(struct db_stmt *d, int pos, int64_t v)
{
	if (pos < 1 || pos > d->nparam)
		return bad_pos(d, pos);
	snprintf(d->ints[pos - 1], sizeof d->ints[pos - 1], "%lld", (long long)v);
	d->values[pos - 1] = d->ints[pos - 1];
	return 0;
}

static int pg_bind_text(struct db_stmt *d, int pos, const char *v)
{
	if (pos < 1 || pos > d->nparam)
		return bad_pos(d, pos);
	/* Borrowed until reset (driver.h); libpq copies it when sending. */
	d->values[pos - 1] = v;
	return 0;
}

static int pg_bind_null(struct db_stmt *d, int pos)
{
	if (pos < 1 || pos > d->nparam)
		return bad_pos(d, pos);
	d->values[pos - 1] = NULL;
	return 0;
}

/* ---- the pipeline (bulk mode) ------------------------------------------- */

/* Read the answers to the statements sent so far (each: one result, then
 * NULL). The first failure is recorded and returned; the statements
 * after it were skipped by the server (PIPELINE_ABORTED). */
static int pipe_collect(struct db_conn *c)
{
	int rc = 0;

	for (int i = 0; i < c->pending; i++) {
		PGresult *r = PQgetResult(c->pg);

		if (!r) {
			if (rc == 0)
				rc = fail_res(c, NULL, c->pending_key[i]->name);
			break;
		}
		switch (PQresultStatus(r)) {
		case PGRES_COMMAND_OK:
		case PGRES_TUPLES_OK:
		case PGRES_PIPELINE_ABORTED:
			break;
		case PGRES_EMPTY_QUERY:
		case PGRES_COPY_OUT:
		case PGRES_COPY_IN:
		case PGRES_COPY_BOTH:
		case PGRES_BAD_RESPONSE:
		case PGRES_NONFATAL_ERROR:
		case PGRES_FATAL_ERROR:
		case PGRES_SINGLE_TUPLE:
		case PGRES_PIPELINE_SYNC:
			if (rc == 0)
				rc = fail_res(c, r, c->pending_key[i]->name);
			break;
		}
		PQclear(r);
		/* The NULL that ends this statement's results. */
		r = PQgetResult(c->pg);
		if (r) {
			PQclear(r);
			if (rc == 0) {
				snprintf(c->err, sizeof c->err,
					 "interne fout: onverwacht antwoord in de pijplijn (%s)",
					 c->pending_key[i]->name);
				rc = -2;
			}
		}
		if (PQstatus(c->pg) == CONNECTION_BAD) {
			if (rc == 0)
				rc = fail_res(c, NULL, c->pending_key[i]->name);
			break;
		}
	}
	c->pending = 0;
	return rc;
}

/* Leave pipeline mode: send a sync, read every outstanding answer, and
 * return to one-statement-at-a-time. Returns the first failure of the
 * pipelined statements (message in err), else 0. */
static int pipe_end(struct db_conn *c)
{
	int rc;

	if (!c->piping)
		return 0;
	c->piping = 0;
	if (!PQpipelineSync(c->pg)) {
		rc = fail_res(c, NULL, "pipeline sync");
		c->pending = 0;
		PQexitPipelineMode(c->pg);
		return rc;
	}
	rc = pipe_collect(c);
	if (PQstatus(c->pg) == CONNECTION_BAD)
		return rc < 0 ? rc : fail_res(c, NULL, "pipeline sync");
	/* Then the sync's own answer (NULLs between results are skipped; a
	 * run of them means libpq has nothing more to give). */
	for (int nulls = 0;;) {
		PGresult *r = PQgetResult(c->pg);
		ExecStatusType st;

		if (!r) {
			if (PQstatus(c->pg) == CONNECTION_BAD || ++nulls > 2)
				return rc < 0 ? rc : fail_res(c, NULL, "pipeline sync");
			continue;
		}
		nulls = 0;
		st = PQresultStatus(r);
		PQclear(r);
		if (st == PGRES_PIPELINE_SYNC)
			break;
	}
	if (!PQexitPipelineMode(c->pg) && rc == 0)
		rc = fail_res(c, NULL, "pipeline");
	return rc;
}

/* Send d in the pipeline, collecting the answers of a full batch first. */
static int pipe_send(struct db_stmt *d)
{
	struct db_conn *c = d->conn;
	int rc;

	if (!c->piping) {
		if (!PQenterPipelineMode(c->pg))
			return fail_res(c, NULL, d->key->name);
		c->piping = 1;
	}
	if (c->pending == PIPE_BATCH) {
		if (!PQsendFlushRequest(c->pg) || PQflush(c->pg) != 0) {
			rc = fail_res(c, NULL, d->key->name);
			pipe_end(c);
			return rc;
		}
		rc = pipe_collect(c);
		if (rc < 0) {
			pipe_end(c);
			return rc;
		}
	}
	if (!PQsendQueryPrepared(c->pg, d->name, d->nparam, d->values, NULL, NULL, 0)) {
		rc = fail_res(c, NULL, d->key->name);
		pipe_end(c);
		return rc;
	}
	c->pending_key[c->pending++] = d->key;
	return 0;
}

/* ---- running ---------------------------------------------------------------- */

static int pg_step(struct db_stmt *d)
{
	struct db_conn *c = d->conn;
	PGresult *r;
	int rc;

	if (d->res)
		return ++d->row < d->nrows ? 1 : 0;
	if (d->done)
		return 0;
	d->done = 1;
	/* Bulk mode inside a transaction: statements without rows go
	 * down the pipeline; their failure surfaces at a later call of
	 * this transaction, at the latest at commit. */
	if (c->bulk && PQnfields(d->desc) == 0 &&
	    (c->piping || PQtransactionStatus(c->pg) == PQTRANS_INTRANS))
		return pipe_send(d);
	rc = pipe_end(c);
	if (rc < 0)
		return rc;
	r = PQexecPrepared(c->pg, d->name, d->nparam, d->values, NULL, NULL, 0);
	if (r && PQresultStatus(r) == PGRES_TUPLES_OK) {
		d->res = r;
		d->row = 0;
		d->nrows = PQntuples(r);
		return d->nrows > 0 ? 1 : 0;
	}
	if (r && PQresultStatus(r) == PGRES_COMMAND_OK)
		rc = 0;
	else
		rc = fail_res(c, r, d->key->name);
	PQclear(r);
	return rc;
}

static int in_row(const struct db_stmt *d, int col)
{
	return d->res && d->row < d->nrows && col >= 0 && col < PQnfields(d->res);
}

static int64_t pg_column_int64(struct db_stmt *d, int col)
{
	const char *v;

	if (!in_row(d, col) || PQgetisnull(d->res, d->row, col))
		return 0;
	v = PQgetvalue(d->res, d->row, col);
	/* Integers and numeric sums come as decimal text; a boolean as t/f. */
	if (v[0] == 't' && v[1] == '\0')
		return 1;
	return strtoll(v, NULL, 10);
}

static const char *pg_column_text(struct db_stmt *d, int col)
{
	if (!in_row(d, col) || PQgetisnull(d->res, d->row, col))
		return NULL;
	return PQgetvalue(d->res, d->row, col);
}

static int pg_column_is_null(struct db_stmt *d, int col)
{
	return !in_row(d, col) || PQgetisnull(d->res, d->row, col);
}

static int pg_column_count(struct db_stmt *d)
{
	return PQnfields(d->res ? d->res : d->desc);
}

static const char *pg_column_name(struct db_stmt *d, int col)
{
	const PGresult *r = d->res ? d->res : d->desc;

	if (col < 0 || col >= PQnfields(r))
		return NULL;
	return PQfname(r, col);
}

static void pg_reset(struct db_stmt *d)
{
	PQclear(d->res);
	d->res = NULL;
	d->row = d->nrows = 0;
	d->done = 0;
	for (int i = 0; i < d->nparam; i++)
		d->values[i] = NULL;
}

/* ---- transactions ----------------------------------------------------------- */

static int pg_exec(struct db_conn *c, const char *sql)
{
	return exec_sql(c, sql, "exec");
}

static int pg_begin(struct db_conn *c)
{
	return exec_sql(c, "BEGIN ISOLATION LEVEL READ COMMITTED", "BEGIN");
}

static int pg_begin_read(struct db_conn *c)
{
	return exec_sql(c, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", "BEGIN READ ONLY");
}

static int pg_in_transaction(struct db_conn *c)
{
	if (c->piping)
		return 1;
	switch (PQtransactionStatus(c->pg)) {
	case PQTRANS_ACTIVE:
	case PQTRANS_INTRANS:
	case PQTRANS_INERROR:
		return 1;
	case PQTRANS_IDLE:
	case PQTRANS_UNKNOWN:
		return 0;
	}
	return 0;
}

static int pg_commit(struct db_conn *c)
{
	PGresult *r;
	int rc = pipe_end(c);

	if (rc < 0)
		return rc;
	r = PQexec(c->pg, "COMMIT");
	if (r && PQresultStatus(r) == PGRES_COMMAND_OK) {
		/* COMMIT of a transaction that an earlier error aborted
		 * answers ROLLBACK: nothing was saved. */
		if (strcmp(PQcmdStatus(r), "ROLLBACK") == 0) {
			snprintf(c->err, sizeof c->err,
				 "de transactie was afgebroken door een eerdere fout en is "
				 "teruggedraaid; er is niets opgeslagen (COMMIT)");
			rc = -2;
		}
	} else {
		rc = fail_res(c, r, "COMMIT");
	}
	PQclear(r);
	return rc;
}

static int pg_rollback(struct db_conn *c)
{
	/* A failure of a pipelined statement is moot: all is undone. */
	pipe_end(c);
	switch (PQtransactionStatus(c->pg)) {
	case PQTRANS_IDLE:
		return 0;
	case PQTRANS_UNKNOWN:
		/* The server rolls back what it has when the connection is
		 * gone; still tell the caller the connection is lost. */
		return fail_res(c, NULL, "ROLLBACK");
	case PQTRANS_ACTIVE:
	case PQTRANS_INTRANS:
	case PQTRANS_INERROR:
		break;
	}
	return exec_sql(c, "ROLLBACK", "ROLLBACK");
}

static int pg_bulk(struct db_conn *c, int aan)
{
	/* Durability and atomicity stay as they are; bulk only lets writes
	 * inside a transaction be pipelined (see pg_step). */
	c->bulk = aan != 0;
	if (!aan)
		return pipe_end(c);
	return 0;
}

/* ---- schema ------------------------------------------------------------------ */

/* Schema text: INTEGER as a whole word becomes BIGINT (one character
 * shorter, so the result fits in strlen(sql) + 1). The STRICT marker is a
 * comment to PostgreSQL and stays. */
static int pg_exec_ddl(struct db_conn *c, const char *sql)
{
	static const char word[] = "INTEGER";
	size_t len = strlen(sql), wlen = sizeof word - 1;
	char *buf = malloc(len + 1), *o = buf;
	const char *p = sql;
	int rc;

	if (!buf) {
		snprintf(c->err, sizeof c->err, "onvoldoende geheugen voor het schema");
		return -2;
	}
#define IDENT(ch) (((ch) >= 'A' && (ch) <= 'Z') || ((ch) >= 'a' && (ch) <= 'z') || \
		   ((ch) >= '0' && (ch) <= '9') || (ch) == '_')
	while (*p) {
		if (strncmp(p, word, wlen) == 0 && (p == sql || !IDENT(p[-1])) && !IDENT(p[wlen])) {
			memcpy(o, "BIGINT", 6);
			o += 6;
			p += wlen;
		} else {
			*o++ = *p++;
		}
	}
#undef IDENT
	*o = '\0';
	rc = exec_sql(c, buf, "schema");
	free(buf);
	return rc;
}

/* Through pg_catalog rather than to_regclass(): a catalog scan takes a
 * fresh snapshot per statement, so a process that waited for another's
 * migration sees the tables it committed (to_regclass may answer from a
 * cached "does not exist"). Tables are created in current_schema(). */
static const struct sql_stmt pg_table_exists_stmt = {
	"postgres_table_exists",
	"SELECT count(*) FROM pg_catalog.pg_class c "
	"JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
	"WHERE n.nspname = current_schema() AND c.relname = $1 "
	"AND c.relkind IN ('r', 'p')",
};

static int pg_table_exists(struct db_conn *c, const char *table)
{
	struct db_stmt *d = pg_prepare(c, &pg_table_exists_stmt);
	int rc;

	if (!d)
		return -2;
	rc = pg_bind_text(d, 1, table);
	if (rc == 0)
		rc = pg_step(d);
	if (rc == 1)
		rc = pg_column_int64(d, 0) > 0;
	else if (rc == 0) {
		snprintf(c->err, sizeof c->err, "interne fout: %s gaf geen rij",
			 pg_table_exists_stmt.name);
		rc = -2;
	}
	pg_reset(d);
	return rc;
}

/* Refuse a database of another application before changing anything: it
 * has relations in our schema but no schema_versie table. An empty one
 * becomes ours when the migrations create schema_versie. */
static int check_identity(struct db_conn *c)
{
	int64_t objects = 0, ours = 0;
	int rc;

	rc = query_int(c,
		       "SELECT count(*) FROM pg_catalog.pg_class c "
		       "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
		       "WHERE n.nspname = COALESCE(current_schema(), 'public') "
		       "AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')",
		       "identiteit", &objects);
	if (rc < 0)
		return rc;
	if (objects == 0)
		return 0;
	rc = pg_table_exists(c, "schema_versie");
	if (rc < 0)
		return rc;
	ours = rc;
	if (!ours) {
		snprintf(c->err, sizeof c->err,
			 "geen jeugdregie-database: database '%s' bevat %lld tabellen of andere "
			 "objecten van een ander programma (geen tabel schema_versie); "
			 "kies een nieuwe, lege database",
			 PQdb(c->pg), (long long)objects);
		return -2;
	}
	return 0;
}

static int pg_open(const char *target, struct db_conn **out, char *err, size_t errlen)
{
	char shown[512];
	struct db_conn *c;

	*out = NULL;
	postgres_url_redact(target, shown, sizeof shown);
	c = calloc(1, sizeof *c);
	if (!c || stmt_cache_init(&c->stmts) < 0) {
		free(c);
		snprintf(err, errlen, "database '%s': onvoldoende geheugen", shown);
		return -2;
	}
	c->pg = connect_to(target, shown, err, errlen);
	if (!c->pg) {
		pg_close(c);
		return -2;
	}
	if (PQserverVersion(c->pg) < MIN_SERVER_VERSION) {
		snprintf(c->err, sizeof c->err,
			 "PostgreSQL-server versie %d is te oud; jeugdregie vraagt versie 10 of nieuwer",
			 PQserverVersion(c->pg));
		goto bad;
	}
	if (exec_sql(c, "SET client_min_messages = warning; SET TIME ZONE 'UTC'; "
			"SET standard_conforming_strings = on",
		     "sessie-instellingen") < 0)
		goto bad;
	if (check_identity(c) < 0)
		goto bad;
	*out = c;
	return 0;
bad:
	snprintf(err, errlen, "database '%s': %s", shown, c->err);
	pg_close(c);
	return -2;
}

static const char *pg_error(const struct db_conn *c)
{
	return c->err;
}

const struct db_driver postgres_driver = {
	.name = "postgresql",
	.dialect = DB_DIALECT_POSTGRES,
	.open = pg_open,
	.close = pg_close,
	.exec = pg_exec,
	.exec_ddl = pg_exec_ddl,
	.table_exists = pg_table_exists,
	.prepare = pg_prepare,
	.bind_int64 = pg_bind_int64,
	.bind_text = pg_bind_text,
	.bind_null = pg_bind_null,
	.step = pg_step,
	.column_int64 = pg_column_int64,
	.column_text = pg_column_text,
	.column_is_null = pg_column_is_null,
	.column_count = pg_column_count,
	.column_name = pg_column_name,
	.reset = pg_reset,
	.begin = pg_begin,
	.commit = pg_commit,
	.begin_read = pg_begin_read,
	.bulk = pg_bulk,
	.in_transaction = pg_in_transaction,
	.rollback = pg_rollback,
	.error = pg_error,
};
