/* postgres: the PostgreSQL driver (driver.h), on libpq.
 *
 * The target is a libpq connection URL (postgresql://... or postgres://...,
 * every libpq parameter allowed, e.g. postgresql:///jr?host=/run/pg&port=5433).
 * Connecting is bounded by connect_timeout (10 s unless the URL or
 * PGCONNECT_TIMEOUT sets one); an unreachable server and a refused login
 * get distinct Dutch messages. Every session runs with
 * client_min_messages=warning, TIME ZONE 'UTC', standard_conforming_strings
 * on and client_encoding UTF8.
 *
 * Statements are prepared once per connection (PQprepare, named after the
 * sql_stmt) and run with text parameters and text results. Writes run in
 * READ COMMITTED transactions, snapshot reads in REPEATABLE READ READ ONLY.
 * SQLSTATE 40001, 40P01 and 55P03 are transient (-1); a lost connection
 * is a hard error (-2, "verbinding met PostgreSQL verbroken"): the driver
 * never reconnects behind the caller's back.
 *
 * Schema text: the word INTEGER becomes BIGINT (schema.h); the STRICT
 * marker stays a comment. A database with tables in its schema but no
 * schema_versie table belongs to another application and is refused
 * before anything is changed.
 */
#ifndef JR_STORE_POSTGRES_H
#define JR_STORE_POSTGRES_H

#include <stdbool.h>
#include <stddef.h>

#include "store/driver.h"

extern const struct db_driver postgres_driver;

/* True when url names a PostgreSQL database (postgresql:// or
 * postgres://). */
bool postgres_is_url(const char *url);

/* Copy url into out (size n, always terminated) with any password
 * (user:password@ or password=...) replaced by "***", for messages. */
void postgres_url_redact(const char *url, char *out, size_t n);

#endif
