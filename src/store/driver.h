/* driver: the low-level database operations, as a table of functions.
 *
 * store.c speaks SQL through this table only, so that one set of named
 * statements runs on SQLite (sqlite.c) and PostgreSQL (postgres.c) -- the
 * shape Core Lightning uses in db/common.h. Where the two dialects truly
 * differ, the caller picks a per-dialect statement by drv->dialect (never
 * by patching SQL text).
 *
 * SQL text uses $1..$N parameters everywhere (PostgreSQL's native form;
 * SQLite binds them by name). Every statement is a named constant:
 *
 *     static const struct sql_stmt gemeente_insert = {
 *             "gemeente_insert", "INSERT INTO gemeente (...) VALUES ($1, ...)" };
 *
 * and the driver caches the prepared form per connection, keyed by the
 * address of that constant (so the constant must have static storage).
 *
 * Return convention of every int-returning operation:
 *   >= 0  success (step: 1 = a row is ready, 0 = done)
 *   -1    transient: busy, locked, serialization failure, deadlock; the
 *         caller may roll back and retry the whole transaction
 *   -2    hard error; a readable message is in error(conn)
 * The driver classifies its native error codes into -1 / -2 itself, so no
 * caller ever sees an SQLite or libpq code.
 *
 * Ownership: open() returns a connection the caller frees with close().
 * Prepared statements belong to the connection (freed by close()); the
 * caller only borrows them and must call reset() after each use, done or
 * failed. Text bound with bind_text() is borrowed, not copied: it must stay
 * valid until reset(). Text returned by column_text() is valid until the
 * next step() or reset() of that statement.
 */
#ifndef JR_STORE_DRIVER_H
#define JR_STORE_DRIVER_H

#include <stddef.h>
#include <stdint.h>

/* One SQL statement with a name for error messages and the cache. */
struct sql_stmt {
	const char *name;
	const char *sql;
};

struct db_conn;  /* a connection; defined by each driver */
struct db_stmt;  /* a prepared statement; defined by each driver */

/* Most $N parameters one statement may use. */
#define DB_MAX_PARAMS 48

/* The value jeugdregie databases carry as SQLite's application_id
 * ("JREG"); other drivers record the same identity their own way (the
 * PostgreSQL driver also uses it as the key of the migration advisory
 * lock). */
#define DB_APPLICATION_ID 0x4A524547

/* The SQL dialect a driver speaks, for the few statements that must
 * differ (schema.c's migration lock, store.c's marked variants). */
enum db_dialect {
	DB_DIALECT_SQLITE,
	DB_DIALECT_POSTGRES,
};

struct db_driver {
	const char *name;
	enum db_dialect dialect;

	/* Open the database at target (a path for SQLite, a conninfo URL for
	 * PostgreSQL) with the session settings jeugdregie requires. Refuses
	 * a database that belongs to another application (for SQLite: another
	 * application_id, or none with tables present) and marks a new, empty
	 * one as ours. On failure returns -2 with a message in err and
	 * *out == NULL. */
	int (*open)(const char *target, struct db_conn **out, char *err, size_t errlen);
	void (*close)(struct db_conn *c);

	/* Run SQL without parameters or results (may hold several
	 * statements). */
	int (*exec)(struct db_conn *c, const char *sql);

	/* Run schema text (migrations). Same as exec, after translating the
	 * dialect markers described in schema.h (SQLite: STRICT tables). */
	int (*exec_ddl)(struct db_conn *c, const char *sql);

	/* 1 when a table of that name exists, 0 when not. */
	int (*table_exists)(struct db_conn *c, const char *table);

	/* The cached prepared form of s, preparing it on first use.
	 * NULL on failure (message in error()). */
	struct db_stmt *(*prepare)(struct db_conn *c, const struct sql_stmt *s);

	/* Bind parameter $pos (1-based). */
	int (*bind_int64)(struct db_stmt *s, int pos, int64_t v);
	int (*bind_text)(struct db_stmt *s, int pos, const char *v);
	int (*bind_null)(struct db_stmt *s, int pos);

	/* 1: a row is ready; 0: done; -1/-2: failure. */
	int (*step)(struct db_stmt *s);

	/* Columns of the current row (0-based). column_text returns NULL for
	 * NULL; column_int64 returns 0 for NULL. */
	int64_t (*column_int64)(struct db_stmt *s, int col);
	const char *(*column_text)(struct db_stmt *s, int col);
	int (*column_is_null)(struct db_stmt *s, int col);
	/* Number of result columns of the statement (0 for one that returns
	 * no rows), and the name of column col (0-based; NULL when out of
	 * range). The name is owned by the statement; valid until the next
	 * step() or reset(). */
	int (*column_count)(struct db_stmt *s);
	const char *(*column_name)(struct db_stmt *s, int col);

	/* Make the statement ready for the next use and forget its bindings. */
	void (*reset)(struct db_stmt *s);

	/* begin starts a write transaction. SQLite: BEGIN IMMEDIATE takes
	 * the write lock at once, so a writer waits at the start rather than
	 * failing half-way. PostgreSQL: READ COMMITTED with row locks; two
	 * writers can deadlock (-1, retry the whole transaction: see
	 * store_transaction). On PostgreSQL a failed statement aborts the
	 * whole transaction (SQLite only undoes that statement): after -1 or
	 * -2 inside a transaction, roll back. rollback succeeds when no
	 * transaction is open (the database may have ended it itself after
	 * an I/O error). */
	int (*begin)(struct db_conn *c);
	int (*commit)(struct db_conn *c);
	/* A read-only snapshot for consistent multi-statement reads, without
	 * blocking writers (SQLite: deferred BEGIN under WAL; PostgreSQL:
	 * REPEATABLE READ READ ONLY). Ended with commit or rollback. */
	int (*begin_read)(struct db_conn *c);
	/* Bulk mode, for loading a large batch into a new database (outside
	 * a transaction): the driver may trade concurrency for speed, never
	 * durability or atomicity. SQLite: a rollback journal instead of WAL
	 * (a transaction of gigabytes would otherwise live in the WAL and
	 * every read of it would go through the WAL index) and a larger page
	 * cache; leaving bulk mode returns to WAL. PostgreSQL: statements
	 * without result rows inside a transaction are pipelined (sent
	 * without waiting for each answer), so a failure may be reported by
	 * a later call of the same transaction, at the latest by commit. */
	int (*bulk)(struct db_conn *c, int aan);
	/* 1 when a transaction is open on c. */
	int (*in_transaction)(struct db_conn *c);
	int (*rollback)(struct db_conn *c);

	/* The last error message of this connection: a readable (Dutch)
	 * sentence followed by the technical detail in parentheses. Never
	 * NULL; owned by the connection. */
	const char *(*error)(const struct db_conn *c);
};

#endif
