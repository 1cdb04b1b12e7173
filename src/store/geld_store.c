/* geld_store: see geld_store.h. */
#include "store/geld_store.h"

#include <stdlib.h>
#include <string.h>

#include "store/driver.h"
#include "store/rij.h"
#include "store/store.h"
#include "store/store_intern.h"

/* The trajectory's own gemeente, provider and segment, as kpi_kosten
 * (store.c) takes them, so that geld_kosten_op on the whole record gives
 * kpi's traject_kosten back. */
static const struct sql_stmt geld_prestaties = {
	"geld_prestaties",
	"SELECT p.traject_id, t.jeugdige_id, t.gemeente, COALESCE(t.agb, ''), t.segment, "
	"p.bedrag, p.periode_begin, p.periode_eind, d.dagtekening "
	"FROM prestatie p JOIN traject t ON t.id = p.traject_id "
	"JOIN declaratie d ON d.id = p.declaratie_id "
	"WHERE p.goedgekeurd = 1 ORDER BY p.traject_id, p.periode_begin, p.id",
};

static const struct sql_stmt geld_contracten = {
	"geld_contracten",
	"SELECT agb, segment, begindatum, einddatum, stilzwijgend_verlengd FROM contract "
	"ORDER BY agb, segment, begindatum, id",
};

static const struct sql_stmt geld_pgb_alle = {
	"geld_pgb_alle",
	"SELECT id, jeugdige_id, gemeente, jaar, bedrag, begindatum, einddatum FROM pgb "
	"ORDER BY jaar, gemeente, id",
};

static const struct sql_stmt pgb_insert = {
	"pgb_insert",
	"INSERT INTO pgb (id, jeugdige_id, gemeente, jaar, bedrag, begindatum, einddatum) "
	"VALUES ($1, $2, $3, $4, $5, $6, $7)",
};

/* $1 gemeente, $2 the day, $3 the day 18 years earlier (born after it). */
static const struct sql_stmt pgb_kandidaten = {
	"pgb_kandidaten",
	"SELECT j.id FROM woonplaats w JOIN jeugdige j ON j.id = w.jeugdige_id "
	"WHERE w.gemeente = $1 AND w.vanaf <= $2 AND (w.tot IS NULL OR w.tot >= $2) "
	"AND j.geboortedatum <= $2 AND j.geboortedatum > $3 ORDER BY j.id",
};

static void vul_prestatie(struct rij *r, void *e)
{
	struct geld_prestatie *p = e;

	p->traject_id = rij_getal(r);
	p->jeugdige_id = rij_getal(r);
	rij_tekst(r, p->gemeente, sizeof p->gemeente);
	rij_tekst(r, p->agb, sizeof p->agb);
	p->segment = (int)rij_getal(r);
	p->bedrag = rij_getal(r);
	p->periode_begin = rij_datum(r);
	p->periode_eind = rij_datum(r);
	p->dagtekening = rij_datum(r);
}

static void vul_contract(struct rij *r, void *e)
{
	struct geld_contract *c = e;

	rij_tekst(r, c->agb, sizeof c->agb);
	c->segment = (int)rij_getal(r);
	c->begindatum = rij_datum(r);
	c->einddatum = rij_datum(r);
	c->stilzwijgend_verlengd = rij_getal(r) != 0;
}

static void vul_pgb(struct rij *r, void *e)
{
	struct geld_pgb *p = e;

	p->id = rij_getal(r);
	p->jeugdige_id = rij_getal(r);
	rij_tekst(r, p->gemeente, sizeof p->gemeente);
	p->jaar = (int)rij_getal(r);
	p->bedrag = rij_getal(r);
	p->begindatum = rij_datum(r);
	p->einddatum = rij_datum(r);
}

static void vul_id(struct rij *r, void *e)
{
	*(int64_t *)e = rij_getal(r);
}

static int lees(struct store *st, const struct sql_stmt *q, size_t sz, rij_vul_fn vul, void **out,
		size_t *n)
{
	struct db_stmt *s = st->drv->prepare(st->conn, q);

	if (!s)
		return rij_fout(st, -2);
	int rc = rij_alle(st, q, s, sz, vul, out, n);
	return rc < 0 ? rc : 0;
}

int store_geld_load(struct store *st, struct geld_data *out)
{
	void *p[3] = { 0 };
	size_t n[3] = { 0 };
	int rc, own_tx;

	memset(out, 0, sizeof *out);
	own_tx = !st->drv->in_transaction(st->conn);
	if (own_tx && (rc = rij_fout(st, st->drv->begin_read(st->conn))) < 0)
		return rc;
	rc = lees(st, &geld_prestaties, sizeof(struct geld_prestatie), vul_prestatie, &p[0], &n[0]);
	if (rc == 0)
		rc = lees(st, &geld_contracten, sizeof(struct geld_contract), vul_contract, &p[1],
			  &n[1]);
	if (rc == 0)
		rc = lees(st, &geld_pgb_alle, sizeof(struct geld_pgb), vul_pgb, &p[2], &n[2]);
	if (own_tx) {
		/* A read: ending it cannot lose data; a failure is reported. */
		int rc2 = rc == 0 ? rij_fout(st, st->drv->commit(st->conn))
				  : st->drv->rollback(st->conn);
		if (rc == 0)
			rc = rc2;
	}
	out->prestaties = p[0];
	out->n_prestaties = n[0];
	out->contracten = p[1];
	out->n_contracten = n[1];
	out->pgb = p[2];
	out->n_pgb = n[2];
	if (rc < 0)
		store_geld_release(out);
	return rc < 0 ? rc : 0;
}

void store_geld_release(struct geld_data *g)
{
	free((void *)g->prestaties);
	free((void *)g->contracten);
	free((void *)g->pgb);
	memset(g, 0, sizeof *g);
}

int store_put_pgb(struct store *st, const struct geld_pgb *p)
{
	struct db_stmt *s = st->drv->prepare(st->conn, &pgb_insert);
	char b[11], e[11];
	int rc = 0;

	if (!s)
		return rij_fout(st, -2);
	rij_bind_getal(st, s, 1, p->id, &rc);
	rij_bind_getal(st, s, 2, p->jeugdige_id, &rc);
	rij_bind_tekst_of_null(st, s, 3, p->gemeente, &rc);
	rij_bind_getal(st, s, 4, p->jaar, &rc);
	rij_bind_getal(st, s, 5, p->bedrag, &rc);
	rij_bind_dag(st, s, 6, p->begindatum, b, &rc);
	rij_bind_dag(st, s, 7, p->einddatum, e, &rc);
	return rij_klaar(st, s, rc);
}

int store_pgb_kandidaten(struct store *st, const char *gemeente, dag_t dag, int64_t **ids,
			 size_t *n)
{
	struct db_stmt *s = st->drv->prepare(st->conn, &pgb_kandidaten);
	char d1[11], d2[11];
	int rc = 0;

	*ids = NULL;
	*n = 0;
	if (!s)
		return rij_fout(st, -2);
	rij_bind_tekst_of_null(st, s, 1, gemeente, &rc);
	rij_bind_dag(st, s, 2, dag, d1, &rc);
	rij_bind_dag(st, s, 3, geld_jaren_terug(dag, 18), d2, &rc);
	if (rc < 0) {
		st->drv->reset(s);
		return rc;
	}
	rc = rij_alle(st, &pgb_kandidaten, s, sizeof **ids, vul_id, (void **)ids, n);
	return rc < 0 ? rc : 0;
}
