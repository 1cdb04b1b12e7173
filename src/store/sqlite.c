/* sqlite: the SQLite driver behind driver.h. */
#include "store/sqlite.h"
#include "store/stmtcache.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#define ERR_LEN 512
#define BUSY_TIMEOUT_MS 5000
#define STRICT_MARKER "/*STRICT*/"
/* Page cache per connection, in KiB (negative = KiB for SQLite). The
 * default 2 MiB makes a bulk load of millions of rows spill index pages
 * to the WAL over and over; 64 MiB keeps the hot index pages in memory. */
#define CACHE_KIB "-65536"

struct db_stmt {
	sqlite3_stmt *s;
	struct db_conn *conn;
	const struct sql_stmt *key;
	int nparam;
	/* map[pos] = SQLite's index of parameter "$pos", computed once at
	 * prepare time so binding costs no name lookup per call. */
	int map[DB_MAX_PARAMS + 1];
};

struct db_conn {
	sqlite3 *h;
	char err[ERR_LEN];
	/* Prepared statements by sql_stmt address; values are struct
	 * db_stmt, owned by this connection. */
	struct stmt_cache stmts;
};

/* A readable sentence for a (extended) SQLite result code. */
static const char *explain(int code)
{
	switch (code) {
	case SQLITE_CONSTRAINT_PRIMARYKEY:
	case SQLITE_CONSTRAINT_UNIQUE:
		return "dubbel: dit record bestaat al";
	case SQLITE_CONSTRAINT_FOREIGNKEY:
		return "verwijzing naar een record dat niet bestaat";
	case SQLITE_CONSTRAINT_CHECK:
		return "ongeldige waarde: buiten wat de database toestaat";
	case SQLITE_CONSTRAINT_NOTNULL:
		return "verplicht veld ontbreekt";
	case SQLITE_CONSTRAINT_DATATYPE:
		return "verkeerd gegevenstype voor een kolom";
	}
	switch (code & 0xff) {
	case SQLITE_FULL:
		return "schijf vol: de database kon niet worden geschreven";
	case SQLITE_READONLY:
		return "alleen-lezen: de database kon niet worden geschreven "
		       "(controleer de rechten op het bestand en de map)";
	case SQLITE_NOTADB:
		return "geen SQLite-database: dit bestand is geen jeugdregie-database";
	case SQLITE_CORRUPT:
		return "de database is beschadigd";
	case SQLITE_CANTOPEN:
		return "de database kon niet worden geopend "
		       "(bestaat de map en mag jeugdregie erin schrijven?)";
	case SQLITE_IOERR:
		return "lees- of schrijffout op de schijf";
	case SQLITE_NOMEM:
		return "onvoldoende geheugen";
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return "de database is bezet door een ander proces; probeer het opnieuw";
	case SQLITE_CONSTRAINT:
		return "de gegevens overtreden een regel van de database";
	}
	return "databasefout";
}

/* Busy and locked are worth a retry; everything else is hard. */
static int classify(int code)
{
	int primary = code & 0xff;

	if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
		return -1;
	return -2;
}

/* Record the connection's last error with what we were doing; returns the
 * classified code. */
static int fail(struct db_conn *c, int code, const char *what)
{
	int ext = c->h ? sqlite3_extended_errcode(c->h) : code;
	const char *detail = c->h ? sqlite3_errmsg(c->h) : sqlite3_errstr(code);

	/* The connection's code can lag behind the one returned (e.g. after
	 * sqlite3_reset); trust the returned primary code. */
	if ((ext & 0xff) != (code & 0xff))
		ext = code;
	snprintf(c->err, sizeof c->err, "%s (%s: %s)", explain(ext), what, detail);
	return classify(ext);
}

static int exec_sql(struct db_conn *c, const char *sql, const char *what)
{
	int rc = sqlite3_exec(c->h, sql, NULL, NULL, NULL);

	return rc == SQLITE_OK ? 0 : fail(c, rc, what);
}

/* Run a one-row, one-integer query (PRAGMA x, SELECT count(*) ...). */
static int query_int(struct db_conn *c, const char *sql, int64_t *out)
{
	sqlite3_stmt *s = NULL;
	int rc = sqlite3_prepare_v2(c->h, sql, -1, &s, NULL);

	if (rc != SQLITE_OK)
		return fail(c, rc, sql);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*out = sqlite3_column_int64(s, 0);
		sqlite3_finalize(s);
		return 0;
	}
	if (rc == SQLITE_DONE)
		rc = SQLITE_ERROR;
	rc = fail(c, rc, sql);
	sqlite3_finalize(s);
	return rc;
}

/* Finalize and free one cached statement (a struct db_stmt). */
static void stmt_free(void *p)
{
	struct db_stmt *d = p;

	sqlite3_finalize(d->s);
	free(d);
}

static void sq_close(struct db_conn *c)
{
	if (!c)
		return;
	stmt_cache_release(&c->stmts, stmt_free);
	/* close_v2: never fails for busy statements; we finalized them. */
	sqlite3_close_v2(c->h);
	free(c);
}

/* Refuse a database of another program before changing anything in it
 * (setting WAL would rewrite its header). Claim an empty one. */
static int check_identity(struct db_conn *c, const char *path)
{
	int64_t app = 0, tables = 0;
	int rc;

	/* The first read of the header: a non-SQLite file fails here. */
	rc = query_int(c, "PRAGMA application_id", &app);
	if (rc < 0)
		return rc;
	rc = query_int(c, "SELECT count(*) FROM sqlite_schema", &tables);
	if (rc < 0)
		return rc;
	if (app == DB_APPLICATION_ID)
		return 0;
	if (app != 0 || tables > 0) {
		snprintf(c->err, sizeof c->err,
			 "geen jeugdregie-database: '%s' is een SQLite-database van een "
			 "ander programma (application_id 0x%08llX, %lld objecten)",
			 path, (unsigned long long)(uint32_t)app, (long long)tables);
		return -2;
	}
	return 1;
}

static int sq_open(const char *target, struct db_conn **out, char *err, size_t errlen)
{
	struct db_conn *c;
	int rc, fresh;
	int64_t dummy;
	char sql[64];

	*out = NULL;
	c = calloc(1, sizeof *c);
	if (!c) {
		snprintf(err, errlen, "onvoldoende geheugen om '%s' te openen", target);
		return -2;
	}
	if (stmt_cache_init(&c->stmts) < 0) {
		free(c);
		snprintf(err, errlen, "onvoldoende geheugen om '%s' te openen", target);
		return -2;
	}
	/* NOMUTEX: a connection is used by one thread at a time (store.h). */
	rc = sqlite3_open_v2(target, &c->h,
			     SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
			     SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE, NULL);
	if (rc != SQLITE_OK) {
		fail(c, rc, "open");
		goto bad;
	}
	sqlite3_extended_result_codes(c->h, 1);
	sqlite3_busy_timeout(c->h, BUSY_TIMEOUT_MS);

	fresh = check_identity(c, target);
	if (fresh < 0)
		goto bad;

	/* WAL: readers never block the writer. The pragma answers with the
	 * mode it got; anything but "wal" (e.g. a read-only file) is an
	 * error we report rather than run with weaker guarantees. */
	{
		sqlite3_stmt *s = NULL;
		rc = sqlite3_prepare_v2(c->h, "PRAGMA journal_mode=WAL", -1, &s, NULL);
		/* Switching needs the exclusive lock; while another connection
		 * creates the schema of a new file, SQLite answers BUSY at once
		 * (no busy handler where waiting could deadlock), so wait here,
		 * as long as the busy timeout. */
		for (int ms = 0; rc == SQLITE_OK; ms += 20) {
			rc = sqlite3_step(s);
			if ((rc & 0xff) != SQLITE_BUSY || ms >= BUSY_TIMEOUT_MS)
				break;
			sqlite3_reset(s);
			sqlite3_sleep(20);
			rc = SQLITE_OK;
		}
		if (rc == SQLITE_ROW) {
			const char *mode = (const char *)sqlite3_column_text(s, 0);
			if (!mode || strcmp(mode, "wal") != 0) {
				snprintf(c->err, sizeof c->err,
					 "de database kon niet in WAL-modus worden gezet "
					 "(journal_mode is '%s'; is het bestand alleen-lezen?)",
					 mode ? mode : "?");
				sqlite3_finalize(s);
				goto bad;
			}
			rc = SQLITE_OK;
		}
		if (rc != SQLITE_OK) {
			fail(c, rc, "PRAGMA journal_mode=WAL");
			sqlite3_finalize(s);
			goto bad;
		}
		sqlite3_finalize(s);
	}
	if (exec_sql(c, "PRAGMA synchronous=FULL", "PRAGMA synchronous") < 0 ||
	    exec_sql(c, "PRAGMA foreign_keys=ON", "PRAGMA foreign_keys") < 0 ||
	    exec_sql(c, "PRAGMA cache_size=" CACHE_KIB, "PRAGMA cache_size") < 0)
		goto bad;
	/* foreign_keys is silently ignored inside a transaction or by a build
	 * without them; make sure it took. */
	if (query_int(c, "PRAGMA foreign_keys", &dummy) < 0)
		goto bad;
	if (dummy != 1) {
		snprintf(c->err, sizeof c->err,
			 "deze SQLite-versie controleert geen verwijzingen (foreign_keys staat uit)");
		goto bad;
	}
	if (fresh == 1) {
		snprintf(sql, sizeof sql, "PRAGMA application_id=%d", DB_APPLICATION_ID);
		if (exec_sql(c, sql, "PRAGMA application_id") < 0)
			goto bad;
	}
	*out = c;
	return 0;
bad:
	snprintf(err, errlen, "database '%s': %s", target, c->err);
	sq_close(c);
	return -2;
}

static int sq_exec(struct db_conn *c, const char *sql)
{
	return exec_sql(c, sql, "exec");
}

/* Turn every STRICT marker into the keyword (same length or shorter, so
 * the copy fits in strlen(sql) + 1). */
static int sq_exec_ddl(struct db_conn *c, const char *sql)
{
	size_t len = strlen(sql), mlen = strlen(STRICT_MARKER);
	char *buf = malloc(len + 1), *o = buf;
	const char *p = sql, *m;
	int rc;

	if (!buf) {
		snprintf(c->err, sizeof c->err, "onvoldoende geheugen voor het schema");
		return -2;
	}
	while ((m = strstr(p, STRICT_MARKER)) != NULL) {
		memcpy(o, p, (size_t)(m - p));
		o += m - p;
		memcpy(o, "STRICT", 6);
		o += 6;
		p = m + mlen;
	}
	memcpy(o, p, strlen(p) + 1);
	rc = exec_sql(c, buf, "schema");
	free(buf);
	return rc;
}

/* Map "$1".."$N" to SQLite's parameter indexes; refuse any other form
 * (?, :name, gaps) so a statement cannot bind silently to the wrong slot. */
static int map_params(struct db_conn *c, struct db_stmt *d)
{
	int count = sqlite3_bind_parameter_count(d->s);

	if (count > DB_MAX_PARAMS) {
		snprintf(c->err, sizeof c->err,
			 "interne fout: statement %s heeft %d parameters (max %d)",
			 d->key->name, count, DB_MAX_PARAMS);
		return -2;
	}
	d->nparam = count;
	for (int i = 1; i <= count; i++) {
		const char *nm = sqlite3_bind_parameter_name(d->s, i);
		char *end;
		long pos;

		if (!nm || nm[0] != '$')
			goto bad;
		errno = 0;
		pos = strtol(nm + 1, &end, 10);
		if (errno || *end || pos < 1 || pos > count)
			goto bad;
		d->map[pos] = i;
	}
	for (int pos = 1; pos <= count; pos++)
		if (d->map[pos] == 0)
			goto bad;
	return 0;
bad:
	snprintf(c->err, sizeof c->err,
		 "interne fout: statement %s gebruikt parameters anders dan $1..$N",
		 d->key->name);
	return -2;
}

static struct db_stmt *sq_prepare(struct db_conn *c, const struct sql_stmt *key)
{
	struct db_stmt *d = stmt_cache_lookup(&c->stmts, key);
	int rc;

	if (d)
		return d;
	d = calloc(1, sizeof *d);
	if (!d) {
		snprintf(c->err, sizeof c->err, "onvoldoende geheugen (statement %s)", key->name);
		return NULL;
	}
	d->conn = c;
	d->key = key;
	/* PERSISTENT: these live as long as the connection. */
	rc = sqlite3_prepare_v3(c->h, key->sql, -1, SQLITE_PREPARE_PERSISTENT, &d->s, NULL);
	if (rc != SQLITE_OK) {
		fail(c, rc, key->name);
		free(d);
		return NULL;
	}
	if (map_params(c, d) < 0) {
		sqlite3_finalize(d->s);
		free(d);
		return NULL;
	}
	if (stmt_cache_insert(&c->stmts, key, d) < 0) {
		snprintf(c->err, sizeof c->err, "onvoldoende geheugen (statement %s)", key->name);
		stmt_free(d);
		return NULL;
	}
	return d;
}

static int bad_pos(struct db_stmt *d, int pos)
{
	snprintf(d->conn->err, sizeof d->conn->err,
		 "interne fout: statement %s heeft geen parameter $%d", d->key->name, pos);
	return -2;
}

static int bind_done(struct db_stmt *d, int rc)
{
	return rc == SQLITE_OK ? 0 : fail(d->conn, rc, d->key->name);
}

static int sq_bind_int64(struct db_stmt *d, int pos, int64_t v)
{
	if (pos < 1 || pos > d->nparam)
		return bad_pos(d, pos);
	return bind_done(d, sqlite3_bind_int64(d->s, d->map[pos], v));
}

static int sq_bind_text(struct db_stmt *d, int pos, const char *v)
{
	if (pos < 1 || pos > d->nparam)
		return bad_pos(d, pos);
	/* STATIC: the caller keeps v alive until reset (driver.h), and reset
	 * clears the bindings, so SQLite never sees a stale pointer. */
	return bind_done(d, sqlite3_bind_text(d->s, d->map[pos], v, -1, SQLITE_STATIC));
}

static int sq_bind_null(struct db_stmt *d, int pos)
{
	if (pos < 1 || pos > d->nparam)
		return bad_pos(d, pos);
	return bind_done(d, sqlite3_bind_null(d->s, d->map[pos]));
}

static int sq_step(struct db_stmt *d)
{
	int rc = sqlite3_step(d->s);

	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	return fail(d->conn, rc, d->key->name);
}

static int64_t sq_column_int64(struct db_stmt *d, int col)
{
	return sqlite3_column_int64(d->s, col);
}

static const char *sq_column_text(struct db_stmt *d, int col)
{
	return (const char *)sqlite3_column_text(d->s, col);
}

static int sq_column_is_null(struct db_stmt *d, int col)
{
	return sqlite3_column_type(d->s, col) == SQLITE_NULL;
}

static int sq_column_count(struct db_stmt *d)
{
	return sqlite3_column_count(d->s);
}

static const char *sq_column_name(struct db_stmt *d, int col)
{
	if (col < 0 || col >= sqlite3_column_count(d->s))
		return NULL;
	return sqlite3_column_name(d->s, col);
}

static void sq_reset(struct db_stmt *d)
{
	/* reset repeats the last step's error code; it was reported then. */
	sqlite3_reset(d->s);
	sqlite3_clear_bindings(d->s);
}

static int sq_begin(struct db_conn *c)
{
	return exec_sql(c, "BEGIN IMMEDIATE", "BEGIN IMMEDIATE");
}

static int sq_begin_read(struct db_conn *c)
{
	return exec_sql(c, "BEGIN", "BEGIN");
}

static int sq_in_transaction(struct db_conn *c)
{
	return !sqlite3_get_autocommit(c->h);
}

static int sq_commit(struct db_conn *c)
{
	return exec_sql(c, "COMMIT", "COMMIT");
}

static int sq_rollback(struct db_conn *c)
{
	/* After SQLITE_FULL or an I/O error SQLite may already have rolled
	 * back; a second ROLLBACK would fail with a confusing message. */
	if (sqlite3_get_autocommit(c->h))
		return 0;
	return exec_sql(c, "ROLLBACK", "ROLLBACK");
}

static const struct sql_stmt sq_table_exists_stmt = {
	"sqlite_table_exists",
	"SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = $1",
};

static int sq_table_exists(struct db_conn *c, const char *table)
{
	struct db_stmt *d = sq_prepare(c, &sq_table_exists_stmt);
	int rc;

	if (!d)
		return -2;
	rc = sq_bind_text(d, 1, table);
	if (rc == 0)
		rc = sq_step(d);
	if (rc == 1)
		rc = sqlite3_column_int64(d->s, 0) > 0;
	else if (rc == 0)
		rc = fail(c, SQLITE_ERROR, sq_table_exists_stmt.name);
	sq_reset(d);
	return rc;
}

#define BULK_CACHE_KIB "-1048576"

static int sq_bulk(struct db_conn *c, int aan)
{
	if (aan)
		return exec_sql(c, "PRAGMA journal_mode=TRUNCATE", "PRAGMA journal_mode") < 0 ||
				       exec_sql(c, "PRAGMA cache_size=" BULK_CACHE_KIB,
						"PRAGMA cache_size") < 0
			       ? -2
			       : 0;
	return exec_sql(c, "PRAGMA journal_mode=WAL", "PRAGMA journal_mode") < 0 ||
			       exec_sql(c, "PRAGMA cache_size=" CACHE_KIB, "PRAGMA cache_size") < 0
		       ? -2
		       : 0;
}

static const char *sq_error(const struct db_conn *c)
{
	return c->err;
}

const struct db_driver sqlite_driver = {
	.name = "sqlite",
	.dialect = DB_DIALECT_SQLITE,
	.open = sq_open,
	.close = sq_close,
	.exec = sq_exec,
	.exec_ddl = sq_exec_ddl,
	.table_exists = sq_table_exists,
	.prepare = sq_prepare,
	.bind_int64 = sq_bind_int64,
	.bind_text = sq_bind_text,
	.bind_null = sq_bind_null,
	.step = sq_step,
	.column_int64 = sq_column_int64,
	.column_text = sq_column_text,
	.column_is_null = sq_column_is_null,
	.column_count = sq_column_count,
	.column_name = sq_column_name,
	.reset = sq_reset,
	.begin = sq_begin,
	.commit = sq_commit,
	.begin_read = sq_begin_read,
	.bulk = sq_bulk,
	.in_transaction = sq_in_transaction,
	.rollback = sq_rollback,
	.error = sq_error,
};
