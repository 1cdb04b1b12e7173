/* capaciteit_store: see capaciteit_store.h. */
#include "store/capaciteit_store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/cijfers_store.h"
#include "store/driver.h"
#include "store/rij.h"
#include "store/store.h"
#include "store/store_intern.h"
#include "store/wachtlijst_store.h"

#define KOLOMMEN \
	"SELECT c.id, c.agb, COALESCE(c.productcode, ''), COALESCE(c.groep, ''), c.peildatum, " \
	"c.vrije_plaatsen, c.crisis_gereserveerd, COALESCE(c.gemeld_op, ''), " \
	"COALESCE(c.gemeld_door, ''), a.naam, COALESCE(p.omschrijving, '') " \
	"FROM capaciteit c JOIN aanbieder a ON a.agb = c.agb " \
	"LEFT JOIN product p ON p.code = c.productcode "

/* The latest: no report of the same (agb, product, group) is later (by
 * peildatum, then id). */
static const struct sql_stmt cap_actueel = {
	"cap_actueel",
	KOLOMMEN "WHERE ($1 = '' OR c.agb = $1) AND NOT EXISTS (SELECT 1 FROM capaciteit d "
	"WHERE d.agb = c.agb AND COALESCE(d.productcode, '') = COALESCE(c.productcode, '') "
	"AND COALESCE(d.groep, '') = COALESCE(c.groep, '') AND (d.peildatum > c.peildatum "
	"OR (d.peildatum = c.peildatum AND d.id > c.id))) "
	"ORDER BY c.agb, COALESCE(c.productcode, ''), COALESCE(c.groep, '')",
};
static const struct sql_stmt cap_historie = {
	"cap_historie",
	KOLOMMEN "WHERE c.agb = $1 ORDER BY c.peildatum DESC, c.id DESC LIMIT $2",
};
static const struct sql_stmt cap_product = {
	"cap_product", "SELECT groep FROM product WHERE code = $1",
};
static const struct sql_stmt cap_upload_bekend = {
	"cap_upload_bekend",
	"SELECT 1 FROM capaciteit_upload WHERE agb = $1 AND vingerafdruk = $2",
};
static const struct sql_stmt cap_upload_zet = {
	"cap_upload_zet",
	"INSERT INTO capaciteit_upload (id, agb, vingerafdruk, tijdstip, door, regels) "
	"SELECT COALESCE(max(id), 0) + 1, $1, $2, $3, $4, $5 FROM capaciteit_upload",
};
static const struct sql_stmt cap_upload_id = {
	"cap_upload_id", "SELECT max(id) FROM capaciteit_upload",
};
/* Ids are the records' own: the next after the highest, under the
 * caller's write transaction. */
static const struct sql_stmt cap_zet = {
	"cap_zet",
	"INSERT INTO capaciteit (id, agb, productcode, peildatum, vrije_plaatsen, "
	"crisis_gereserveerd, groep, gemeld_op, gemeld_door, upload_id) "
	"SELECT COALESCE(max(id), 0) + 1, $1, $2, $3, $4, $5, $6, $7, $8, $9 FROM capaciteit",
};

static void vul(struct rij *r, void *e)
{
	struct capaciteit_melding *m = e;

	m->id = rij_getal(r);
	rij_tekst(r, m->agb, sizeof m->agb);
	rij_tekst(r, m->productcode, sizeof m->productcode);
	rij_tekst(r, m->groep, sizeof m->groep);
	m->peildatum = rij_datum(r);
	m->vrije_plaatsen = rij_getal(r);
	m->crisis_gereserveerd = rij_getal(r);
	rij_tekst(r, m->gemeld_op, sizeof m->gemeld_op);
	rij_tekst(r, m->gemeld_door, sizeof m->gemeld_door);
	rij_tekst(r, m->aanbieder_naam, sizeof m->aanbieder_naam);
	rij_tekst(r, m->product, sizeof m->product);
}

int store_capaciteit_verouderd(struct store *st, int64_t *dagen)
{
	return store_instelling(st, INSTELLING_CAPACITEIT_VEROUDERD, CAPACITEIT_VEROUDERD_STANDAARD,
				dagen);
}

int store_capaciteit_actueel(struct store *st, const char *agb,
			     struct capaciteit_melding **out, size_t *n)
{
	struct db_stmt *p = st->drv->prepare(st->conn, &cap_actueel);
	void *m = NULL;
	int rc;

	*out = NULL;
	*n = 0;
	if (!p)
		return rij_fout(st, -2);
	if (st->drv->bind_text(p, 1, agb) < 0) {
		st->drv->reset(p);
		return rij_fout(st, -2);
	}
	rc = rij_alle(st, &cap_actueel, p, sizeof **out, vul, &m, n);
	*out = m;
	return rc;
}

int store_capaciteit_historie(struct store *st, const char *agb, int64_t limiet,
			      struct capaciteit_melding **out, size_t *n)
{
	struct db_stmt *p = st->drv->prepare(st->conn, &cap_historie);
	void *m = NULL;
	int rc;

	*out = NULL;
	*n = 0;
	if (!p)
		return rij_fout(st, -2);
	if (st->drv->bind_text(p, 1, agb) < 0 || st->drv->bind_int64(p, 2, limiet) < 0) {
		st->drv->reset(p);
		return rij_fout(st, -2);
	}
	rc = rij_alle(st, &cap_historie, p, sizeof **out, vul, &m, n);
	*out = m;
	return rc;
}

/* Step a bound one-row query: 1 with the first column in *v, 0 none. */
static int een_waarde(struct store *st, struct db_stmt *p, int64_t *v)
{
	int rc = rij_fout(st, st->drv->step(p));

	if (rc == 1 && v)
		*v = st->drv->column_int64(p, 0);
	st->drv->reset(p);
	return rc < 0 ? rc : rc == 1;
}

int store_capaciteit_product(struct store *st, const char *code, bool *groep)
{
	struct db_stmt *p = st->drv->prepare(st->conn, &cap_product);
	int64_t g = 0;
	int rc;

	*groep = false;
	if (!p)
		return rij_fout(st, -2);
	if (st->drv->bind_text(p, 1, code) < 0) {
		st->drv->reset(p);
		return rij_fout(st, -2);
	}
	rc = een_waarde(st, p, &g);
	*groep = rc == 1 && g != 0;
	return rc;
}

int store_capaciteit_upload_bekend(struct store *st, const char *agb, const char *vingerafdruk)
{
	struct db_stmt *p = st->drv->prepare(st->conn, &cap_upload_bekend);

	if (!p)
		return rij_fout(st, -2);
	if (st->drv->bind_text(p, 1, agb) < 0 || st->drv->bind_text(p, 2, vingerafdruk) < 0) {
		st->drv->reset(p);
		return rij_fout(st, -2);
	}
	return een_waarde(st, p, NULL);
}

int store_capaciteit_meld(struct store *st, const struct capaciteit_melding *m, size_t n,
			  const char *agb, const char *door, const char *nu,
			  const char *vingerafdruk)
{
	const struct db_driver *d = st->drv;
	int64_t upload = 0;
	struct db_stmt *p;
	int rc;

	if (vingerafdruk) {
		p = d->prepare(st->conn, &cap_upload_zet);
		if (!p)
			return rij_fout(st, -2);
		if (d->bind_text(p, 1, agb) < 0 || d->bind_text(p, 2, vingerafdruk) < 0 ||
		    d->bind_text(p, 3, nu) < 0 || d->bind_text(p, 4, door) < 0 ||
		    d->bind_int64(p, 5, (int64_t)n) < 0) {
			d->reset(p);
			return rij_fout(st, -2);
		}
		rc = rij_fout(st, d->step(p));
		d->reset(p);
		if (rc < 0)
			return rc;
		p = d->prepare(st->conn, &cap_upload_id);
		if (!p)
			return rij_fout(st, -2);
		if ((rc = een_waarde(st, p, &upload)) < 0)
			return rc;
	}
	for (size_t i = 0; i < n; i++) {
		char peil[11];

		p = d->prepare(st->conn, &cap_zet);
		if (!p)
			return rij_fout(st, -2);
		datum_fmt(m[i].peildatum, peil);
		if (d->bind_text(p, 1, agb) < 0 || d->bind_text(p, 2, m[i].productcode) < 0 ||
		    d->bind_text(p, 3, peil) < 0 || d->bind_int64(p, 4, m[i].vrije_plaatsen) < 0 ||
		    d->bind_int64(p, 5, m[i].crisis_gereserveerd) < 0 ||
		    (m[i].groep[0] ? d->bind_text(p, 6, m[i].groep) : d->bind_null(p, 6)) < 0 ||
		    d->bind_text(p, 7, nu) < 0 || d->bind_text(p, 8, door) < 0 ||
		    (upload ? d->bind_int64(p, 9, upload) : d->bind_null(p, 9)) < 0) {
			d->reset(p);
			return rij_fout(st, -2);
		}
		rc = rij_fout(st, d->step(p));
		d->reset(p);
		if (rc < 0)
			return rc;
	}
	return store_data_versie_verhoog(st);
}
