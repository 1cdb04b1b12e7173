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

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "domain/audit.h"
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

/* ---- users, sessions, API tokens, audit log (schema migration 2) ------
 *
 * Times: gebruiker and audit_log carry ISO 8601 UTC text
 * ("2025-01-31T13:45:07Z", see store_nu_iso); sessions and blocks carry
 * unix seconds, which the callers pass in (so tests control the clock).
 * The store holds only hashes of passwords and tokens, never the secret.
 */

/* Set the error message (for the modules above the store that detect a
 * problem in stored data); returns -2. */
__attribute__((format(printf, 2, 3)))
int store_set_error(struct store *st, const char *fmt, ...);

/* Insert meta key = value unless the key exists (then nothing changes;
 * read it back with store_meta_get). 0 or -1/-2. */
int store_meta_set_nieuw(struct store *st, const char *key, const char *value);

/* Open a read-only snapshot (consistent multi-statement reads; end with
 * store_commit or store_rollback). */
int store_begin_read(struct store *st);

/* The current time as ISO 8601 UTC with seconds, into out[21]. */
char *store_nu_iso(char out[21]);

#define GEBRUIKER_SCOPES_MAX 32

struct gebruiker_scope {
	char soort[12];       /* gemeente, lokaal_team, aanbieder */
	char waarde[21];      /* CBS code, team id, AGB code */
};

struct gebruiker {
	int64_t id;
	char naam[96];
	char rol[16];
	char wachtwoord_hash[128];   /* "" when none */
	bool actief;
	char aangemaakt[21];
	char laatst_gewijzigd[21];
	int64_t mislukte_pogingen;
	int64_t geblokkeerd_tot;     /* unix seconds; 0: not blocked */
	int n_scopes;
	struct gebruiker_scope scopes[GEBRUIKER_SCOPES_MAX];
};

/* Add user g (naam, rol, wachtwoord_hash, actief, scopes; id and the
 * times are assigned) inside the caller's transaction. Each scope value
 * must exist (gemeente.code, lokaal_team.id, aanbieder.agb). A name in
 * use, an unknown code: -2 with a Dutch message. On success g->id is set
 * and 0 is returned. */
int store_gebruiker_add(struct store *st, struct gebruiker *g);

/* 1 and *out filled (scopes included) when naam exists, 0 when not. */
int store_gebruiker_get(struct store *st, const char *naam, struct gebruiker *out);
/* The same by id (the session's gebruiker_id). */
int store_gebruiker_get_id(struct store *st, int64_t id, struct gebruiker *out);

/* All users ordered by name into a new array (*out, caller frees with
 * free()); returns the number, or -1/-2. */
int store_gebruiker_list(struct store *st, struct gebruiker **out);

/* Set actief = 0 and end every session of the user. 1 done, 0 no such
 * user. In the caller's transaction. */
int store_gebruiker_disable(struct store *st, const char *naam);

/* Replace the password hash (and clear failed attempts and blocks).
 * 1 done, 0 no such user. */
int store_gebruiker_set_wachtwoord(struct store *st, const char *naam, const char *hash);

/* A failed login: count it; when the count reaches drempel, block until
 * blok_tot (unix seconds). A successful login: reset both. */
int store_gebruiker_login_mislukt(struct store *st, int64_t id, int64_t drempel,
				  int64_t blok_tot);
int store_gebruiker_login_gelukt(struct store *st, int64_t id);

struct sessie {
	char token_hash[HASH_HEX_LEN + 1];
	int64_t gebruiker_id;
	int64_t aangemaakt, laatst_actief, verloopt;   /* unix seconds */
	char csrf_hash[HASH_HEX_LEN + 1];
};

int store_sessie_maak(struct store *st, const struct sessie *s);
/* 1 and *out when a session with that token hash exists, has not expired
 * at nu (verloopt > nu), was active after nu - max_inactief, and belongs
 * to an active user; else 0. */
int store_sessie_get(struct store *st, const char *token_hash, int64_t nu, int64_t max_inactief,
		     struct sessie *out);
int store_sessie_touch(struct store *st, const char *token_hash, int64_t nu);
int store_sessie_delete(struct store *st, const char *token_hash);
/* End every session of a user. */
int store_sessie_delete_gebruiker(struct store *st, int64_t gebruiker_id);
/* Remove sessions that expired before nu. */
int store_sessie_opruimen(struct store *st, int64_t nu);

struct api_token {
	char token_hash[HASH_HEX_LEN + 1];
	char naam[96];
	char soort[12];       /* gemeente, aanbieder */
	char waarde[21];
	char aangemaakt[21];
	char ingetrokken[21]; /* "" while valid */
};

/* The scope value must exist (gemeente.code / aanbieder.agb). */
int store_api_token_maak(struct store *st, const struct api_token *t);
/* 1 revoked now, 0 unknown or already revoked. */
int store_api_token_intrekken(struct store *st, const char *token_hash);
/* 1 and *out when the token exists and is not revoked, else 0. */
int store_api_token_get(struct store *st, const char *token_hash, struct api_token *out);

/* Append r to the audit log inside the caller's transaction (so the
 * record commits or rolls back with the change it describes). Reads and
 * locks the head (PostgreSQL: SELECT ... FOR UPDATE; SQLite: the write
 * lock of BEGIN IMMEDIATE), sets r->id, r->vorige_hash and r->hash, inserts
 * and moves the head. tijdstip "" becomes now. Outside a transaction:
 * -2. */
int store_audit_append(struct store *st, struct audit_record *r);

/* Search: every set filter must hold; NULL/"" = any. van/tot are dates
 * (JJJJ-MM-DD, tot inclusive). Records with id > na_id, ascending, at
 * most max into out. Returns the number. */
struct audit_filter {
	const char *pseudoniem;
	const char *gebruiker;
	const char *van;
	const char *tot;
};
int store_audit_zoek(struct store *st, const struct audit_filter *f, int64_t na_id,
		     struct audit_record *out, int max);

/* For verification, in a snapshot (store_begin_read): up to max records
 * with id > na_id in id order; and the head (1 and *id/hash, 0 no head). */
int store_audit_pagina(struct store *st, int64_t na_id, struct audit_record *out, int max);
int store_audit_kop(struct store *st, int64_t *laatste_id, char hash[HASH_HEX_LEN + 1]);

/* ---- registry reads (register.c): public data, no personal data ---- */

/* Every gemeente ordered by code into a new array (*out, caller frees
 * with free(); NULL when there are none) and *n. Returns the number of
 * rows or -1/-2 (then *out is NULL and *n is 0). */
int store_gemeenten(struct store *st, struct gemeente **out, size_t *n);

/* "sqlite" or "postgresql": the backend behind st (static string). */
const char *store_backend(const struct store *st);

#endif
