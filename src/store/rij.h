/* rij: reading the current row of a statement, the driver's error
 * message, and the fillers of rows that several modules of src/store/
 * read alike (store.c, wachtlijst_store.c, koppel_store.c, cijfers_store.c,
 * register.c ...). Not for use outside src/store/.
 *
 * Memory: text is copied into arrays the caller owns, and a struct rij
 * only borrows the store and the statement; rij_alle returns an array the
 * caller frees. */
#ifndef JR_STORE_RIJ_H
#define JR_STORE_RIJ_H

#include <stddef.h>
#include <stdint.h>

#include "domain/datum.h"
#include "store/driver.h"
#include "store/store_intern.h"

struct traject;

/* When rc is a failure (< 0), copy the driver's message into st->err.
 * Returns rc, so a call can be wrapped: rc = rij_fout(st, drv->step(s)). */
int rij_fout(struct store *st, int rc);

/* Bind $pos of s. The first failure sticks in *rc (later binds are
 * skipped), so a caller binds everything and checks once. _id binds 0 as
 * NULL (no reference); _tekst_of_null binds NULL and "" as NULL; _dag
 * binds DAG_GEEN as NULL and formats into buf, which must outlive the
 * statement's run. */
void rij_bind_getal(struct store *st, struct db_stmt *s, int pos, int64_t v, int *rc);
void rij_bind_id(struct store *st, struct db_stmt *s, int pos, int64_t v, int *rc);
void rij_bind_tekst_of_null(struct store *st, struct db_stmt *s, int pos, const char *v, int *rc);
void rij_bind_dag(struct store *st, struct db_stmt *s, int pos, dag_t d, char buf[11], int *rc);

/* Run a statement that returns no rows, its bindings done (rc from the
 * binds); resets it. 0 or -1/-2. */
int rij_klaar(struct store *st, struct db_stmt *s, int rc);

/* Column col of s's current row as text into dst[n]. NULL reads as ""
 * (the model's "absent"); a longer value (possible only for rows written
 * by other tools) is cut at n - 1. */
void rij_kolom_tekst(struct store *st, struct db_stmt *s, int col, char *dst, size_t n);

/* The same, but a value that does not fit is an error (-2, message in
 * st->err) rather than cut: for names, hashes and timestamps whose length
 * the schema bounds and a cut would corrupt. 0 on success. */
int rij_kolom_past(struct store *st, struct db_stmt *s, int col, char *dst, size_t n);

/* Columns of the current row of s (statement q) read left to right from
 * col; the first failure sticks in rc (-2, message in st->err naming q
 * and the column). Start with: struct rij r = { st, s, q, 0, 0 }; */
struct rij {
	struct store *st;
	struct db_stmt *s;
	const struct sql_stmt *q;
	int col;
	int rc;
};

/* The next column as a number (NULL reads as 0). */
int64_t rij_getal(struct rij *r);

/* 1 when the next column is NULL; does not move on. */
int rij_is_null(const struct rij *r);

/* The next column as text, as rij_kolom_tekst. */
void rij_tekst(struct rij *r, char *dst, size_t n);

/* The next column as a date JJJJ-MM-DD. NULL reads as DAG_GEEN; a value
 * that is not a date also reads as DAG_GEEN and sets r->rc to -2. */
dag_t rij_datum(struct rij *r);

/* Fills the zeroed element e from the row r (a failure in r->rc). */
typedef void (*rij_vul_fn)(struct rij *r, void *e);

/* A rij_vul_fn for a struct gemeente from the columns code, naam,
 * subregio, inwoners, jeugdigen_0_17 (in that order). */
void rij_vul_gemeente(struct rij *r, void *e);

/* The rij_vul_fn's below fill one struct of domain/model.h from the
 * columns named, in that order; every named statement that uses one
 * selects exactly those columns. */

/* struct jeugdige: id, bsn, geboortedatum, geslacht, voornamen,
 * achternaam, gezin_id. */
void rij_vul_jeugdige(struct rij *r, void *e);

/* struct traject: the columns of rij_traject_kop, verwijzer
 * (verwijzing.type), then the columns of rij_traject_verloop. */
void rij_vul_traject(struct rij *r, void *e);

/* The head of a traject row into t: id, jeugdige_id, toewijzing_nummer,
 * agb, team_id, gemeente, segment, categorie, productcode, groep,
 * verwijzing_id. */
void rij_traject_kop(struct rij *r, struct traject *t);

/* The course of t: status, aanmelddatum, intakedatum, begindatum,
 * einddatum, reden_beeindiging, overbrugging, veiligheidssignaal. A status
 * outside the enum reads as 0 and sets r->rc to -2 (message names t->id,
 * so read the id first). For readers of a shorter traject row. */
void rij_traject_verloop(struct rij *r, struct traject *t);

/* struct schoolstatus: id, jeugdige_id, niet_naar_school_sinds, tot. */
void rij_vul_schoolstatus(struct rij *r, void *e);

/* struct zorgelijk_besluit: id, traject_id, tijdstip, bevestigd, reden,
 * door. */
void rij_vul_besluit(struct rij *r, void *e);

/* struct aanbieder: agb, naam, netwerk_id. */
void rij_vul_aanbieder(struct rij *r, void *e);

/* struct netwerk: id, naam. */
void rij_vul_netwerk(struct rij *r, void *e);

/* Step s, the prepared and bound statement q, to its end, each row into
 * a new zeroed element of sz bytes filled by vul, in an array the caller
 * frees (*out, *n); reset s. Returns the number of rows (INT32_MAX at
 * most), or -1/-2 with the message in st->err (then *out is NULL, *n 0). */
int rij_alle(struct store *st, const struct sql_stmt *q, struct db_stmt *s, size_t sz,
	     rij_vul_fn vul, void **out, size_t *n);

#endif
