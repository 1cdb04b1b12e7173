/* store: the one record of the region, as typed operations.
 *
 * Callers see only this header. Behind it, store.c holds every SQL
 * statement as a named constant and speaks to a driver (driver.h): SQLite
 * (sqlite.c) or PostgreSQL (postgres.c), with the same statements.
 *
 * Return convention of every call that talks to the database:
 *   >= 0  success (for queries: the number of rows; for inserts: 0)
 *   -1    transient failure worth retrying (busy, serialization, deadlock)
 *   -2    hard error; the message is in store_error()
 * A struct store is used by one thread at a time; open one per thread.
 */
#ifndef JR_STORE_STORE_H
#define JR_STORE_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "domain/kpi.h"
#include "domain/model.h"

struct store;

/* Open (creating if need be) the database named by url: a file path or
 * "sqlite:PATH" (SQLite), or a libpq URL "postgresql://..." /
 * "postgres://..." (PostgreSQL; the database itself must exist, empty or
 * ours). Runs the migrations that are missing. Refuses, with a message in
 * err, a database that is not a jeugdregie database and one written by a
 * newer version.
 * Returns NULL on failure. The caller owns the result: store_close(). */
struct store *store_open(const char *url, char *err, size_t errlen);

/* Close and free; NULL is allowed. */
void store_close(struct store *st);

/* The last error message of this connection (never NULL). */
const char *store_error(const struct store *st);

/* Schema version of the open database, and the newest this program knows. */
int store_schema_version(struct store *st);
int store_schema_newest(void);

/* Transactions. store_begin takes the write lock at once on SQLite (BEGIN
 * IMMEDIATE) so that a writer never deadlocks half-way; on PostgreSQL it
 * starts a READ COMMITTED transaction in which two writers can deadlock
 * (-1). After any failure inside a transaction, roll back: on PostgreSQL
 * the failed statement has aborted the whole transaction. */
int store_begin(struct store *st);
int store_commit(struct store *st);
int store_rollback(struct store *st);

/* Run fn(st, arg) inside store_begin .. store_commit, outside any open
 * transaction. When fn, begin or commit returns -1 (busy, serialization
 * failure, deadlock) the attempt is rolled back and the whole transaction
 * is run again, up to 5 attempts with a short randomized pause; then -2
 * with a message that says so. fn must therefore be safe to run more than
 * once (keep its effects in the database, or reset them at its start).
 * -2 from fn rolls back and is returned at once. Returns fn's result
 * (>= 0) after a successful commit. */
int store_transaction(struct store *st, int (*fn)(struct store *, void *), void *arg);

/* Bulk mode on (1) or off (0), outside a transaction: for filling a new
 * database with a large batch in one transaction (the demo). Atomicity and
 * durability stay as they are; other connections may have to wait. */
int store_bulk(struct store *st, int aan);

/* Key/value metadata (demo seed, generation date, ...). store_meta_get
 * returns 1 and copies the value when the key exists, 0 when not. */
int store_meta_set(struct store *st, const char *key, const char *value);
int store_meta_get(struct store *st, const char *key, char *out, size_t outlen);

/* Rows in a table of the schema (for tests and the copy check);
 * the table name is checked against the schema's list. */
int64_t store_count(struct store *st, const char *table);

/* True (1) when the database holds no gemeenten yet. */
int store_is_empty(struct store *st);

/* Inserts. Records carry their own ids (the demo generator and the iJw
 * chain assign them); inserting an existing id is a hard error. */
int store_put_segment(struct store *st, int nr, const char *naam);
int store_put_gemeente(struct store *st, const struct gemeente *g);
int store_put_deelname(struct store *st, const struct deelname *d);
int store_put_lokaal_team(struct store *st, const struct lokaal_team *t);
int store_put_lokaal_team_gemeente(struct store *st, const struct lokaal_team_gemeente *tg);
int store_put_netwerk(struct store *st, const struct netwerk *n);
int store_put_aanbieder(struct store *st, const struct aanbieder *a);
int store_put_product(struct store *st, const struct product *p);
int store_put_contract(struct store *st, const struct contract *c);
int store_put_tarief(struct store *st, const struct tarief *t);
int store_put_omzetplafond(struct store *st, const struct omzetplafond *o);
int store_put_budget(struct store *st, const struct budget *b);
int store_put_gezin(struct store *st, const struct gezin *g);
int store_put_jeugdige(struct store *st, const struct jeugdige *j);
int store_put_woonplaats(struct store *st, const struct woonplaats *w);
int store_put_verwijzing(struct store *st, const struct verwijzing *v);
int store_put_toewijzing(struct store *st, const struct toewijzing *t);
int store_put_traject(struct store *st, const struct traject *t);
int store_put_zorgelijk_besluit(struct store *st, const struct zorgelijk_besluit *z);
int store_put_declaratie(struct store *st, const struct declaratie *d);
int store_put_prestatie(struct store *st, const struct prestatie *p);
int store_put_capaciteit(struct store *st, const struct capaciteit *c);
int store_put_schoolstatus(struct store *st, const struct schoolstatus *s);
int store_put_perspectiefplan(struct store *st, const struct perspectiefplan *p);

/* Set the totaal_ingediend and totaal_toegekend of declaratie id to the
 * sums of its Prestaties (all, and the approved ones). */
int store_declaratie_totalen(struct store *st, int64_t id);

/* Load everything the indicators need into *out (arrays in the order
 * kpi.h requires). The caller owns the arrays: store_kpi_release(). */
int store_kpi_load(struct store *st, struct kpi_data *out);
void store_kpi_release(struct kpi_data *d);

#endif
