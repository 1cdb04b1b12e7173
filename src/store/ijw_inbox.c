/* ijw_inbox: see ijw_inbox.h. */
#include "store/ijw_inbox.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/driver.h"
#include "store/rij.h"
#include "store/scope.h"
#include "store/store.h"
#include "store/store_intern.h"

/* Every statement takes the scope as $1 every message (1/0), $2 the
 * gemeenten ",A,B," ("," none), $3 the provider's AGB ("" none). A NULL
 * gemeente or agb column matches no scope but regio's. */
#define SCOPE_WAAR(x) \
	"($1 = 1 OR ($2 <> ',' AND $2 LIKE '%,' || " x ".gemeente || ',%')" \
	" OR ($3 <> '' AND " x ".agb = $3))"

#define INBOX_KOLOMMEN \
	"SELECT b.id, b.richting, b.soort, b.afzender, b.ontvanger, b.identificatie, " \
	"b.dagtekening, b.ontvangen_op, b.status, b.agb, a.naam, b.gemeente, g.naam, " \
	"b.jeugdige_id, CASE WHEN b.xml IS NULL THEN 0 ELSE 1 END, " \
	"CASE WHEN b.retour_xml IS NULL THEN 0 ELSE 1 END, b.retour_identificatie, " \
	"(SELECT count(*) FROM ijw_bevinding f WHERE f.bericht_id = b.id) " \
	"FROM ijw_bericht b LEFT JOIN aanbieder a ON a.agb = b.agb " \
	"LEFT JOIN gemeente g ON g.code = b.gemeente"

/* The filters: $4 soort, $5 status, $6 only rejected (1/0), $7 agb,
 * $8 gemeente, $9 richting, $10 from (JJJJ-MM-DD), $11 before (the day
 * after tot); "" is none. ontvangen_op is ISO 8601 text, so comparing
 * with a date prefix orders correctly. */
#define INBOX_WAAR \
	" WHERE " SCOPE_WAAR("b") \
	" AND ($4 = '' OR b.soort = $4) AND ($5 = '' OR b.status = $5)" \
	" AND ($6 = 0 OR b.status <> 'verwerkt') AND ($7 = '' OR b.agb = $7)" \
	" AND ($8 = '' OR b.gemeente = $8) AND ($9 = '' OR b.richting = $9)" \
	" AND ($10 = '' OR b.ontvangen_op >= $10) AND ($11 = '' OR b.ontvangen_op < $11)"

static const struct sql_stmt inbox_telt = {
	"ijw_inbox_telt", "SELECT count(*) FROM ijw_bericht b" INBOX_WAAR,
};
static const struct sql_stmt inbox_lijst = {
	"ijw_inbox_lijst", INBOX_KOLOMMEN INBOX_WAAR " ORDER BY b.id DESC LIMIT $12 OFFSET $13",
};
static const struct sql_stmt inbox_bericht = {
	"ijw_inbox_bericht", INBOX_KOLOMMEN " WHERE b.id = $1",
};
static const struct sql_stmt inbox_xml = {
	"ijw_inbox_xml", "SELECT xml FROM ijw_bericht WHERE id = $1",
};
static const struct sql_stmt inbox_retour_xml = {
	"ijw_inbox_retour_xml", "SELECT retour_xml FROM ijw_bericht WHERE id = $1",
};

#define VERZOEK_WAAR \
	" FROM ijw_verzoek v JOIN ijw_bericht b ON b.id = v.bericht_id" \
	" WHERE v.status IN ('open', 'in_onderzoek') AND " SCOPE_WAAR("v")

static const struct sql_stmt inbox_verzoeken_telt = {
	"ijw_inbox_verzoeken_telt", "SELECT count(*)" VERZOEK_WAAR,
};
static const struct sql_stmt inbox_verzoeken = {
	"ijw_inbox_verzoeken",
	"SELECT v.id, v.bericht_id, v.soort, v.agb, "
	"(SELECT a.naam FROM aanbieder a WHERE a.agb = v.agb), v.gemeente, "
	"(SELECT g.naam FROM gemeente g WHERE g.code = v.gemeente), v.jeugdige_id, "
	"v.referentie_aanbieder, v.dagtekening, substr(b.ontvangen_op, 1, 10), v.status"
	VERZOEK_WAAR " ORDER BY v.dagtekening, v.id LIMIT $4 OFFSET $5",
};

/* Heenberichten only: a 302 or 320 is itself a retourbericht. */
static const struct sql_stmt inbox_zonder_retour = {
	"ijw_inbox_zonder_retour",
	"SELECT b.id, b.soort, substr(b.ontvangen_op, 1, 10) FROM ijw_bericht b WHERE b.richting = 'in' "
	"AND b.retour_xml IS NULL AND b.status IN ('verwerkt', 'afgekeurd', 'deels_afgekeurd') "
	"AND b.soort NOT IN ('JW302', 'JW320') AND " SCOPE_WAAR("b")
	" ORDER BY b.id LIMIT 1000",
};

static const char *leeg(const char *s)
{
	return s ? s : "";
}

/* Bind $1..$3 from s; codes is the caller's buffer. -2 on failure. */
static int bind_scope(struct store *st, struct db_stmt *p, const struct store_scope *s,
		      char codes[SCOPE_CODES_MAX])
{
	if (s->alles || s->n == 0)
		snprintf(codes, SCOPE_CODES_MAX, ",");
	else if (scope_codes(s->gemeenten, s->n, codes) < 0)
		return store_set_error(st, "te veel gemeenten in de scope (%zu)", s->n);
	if (st->drv->bind_int64(p, 1, s->alles ? 1 : 0) < 0 || st->drv->bind_text(p, 2, codes) < 0 ||
	    st->drv->bind_text(p, 3, leeg(s->agb)) < 0)
		return rij_fout(st, -2);
	return 0;
}

static int bind_filter(struct store *st, struct db_stmt *p, const struct ijw_inbox_filter *f,
		       char van[11], char voor[11])
{
	van[0] = voor[0] = '\0';
	if (f->van != DAG_GEEN)
		datum_fmt(f->van, van);
	if (f->tot != DAG_GEEN)
		datum_fmt(f->tot + 1, voor);
	if (st->drv->bind_text(p, 4, leeg(f->soort)) < 0 ||
	    st->drv->bind_text(p, 5, leeg(f->status)) < 0 ||
	    st->drv->bind_int64(p, 6, f->alleen_afgekeurd ? 1 : 0) < 0 ||
	    st->drv->bind_text(p, 7, leeg(f->agb)) < 0 ||
	    st->drv->bind_text(p, 8, leeg(f->gemeente)) < 0 ||
	    st->drv->bind_text(p, 9, leeg(f->richting)) < 0 || st->drv->bind_text(p, 10, van) < 0 ||
	    st->drv->bind_text(p, 11, voor) < 0)
		return rij_fout(st, -2);
	return 0;
}

static void vul_regel(struct rij *r, void *e)
{
	struct ijw_inbox_regel *g = e;

	g->id = rij_getal(r);
	rij_tekst(r, g->richting, sizeof g->richting);
	rij_tekst(r, g->soort, sizeof g->soort);
	rij_tekst(r, g->afzender, sizeof g->afzender);
	rij_tekst(r, g->ontvanger, sizeof g->ontvanger);
	rij_tekst(r, g->identificatie, sizeof g->identificatie);
	g->dagtekening = rij_datum(r);
	rij_tekst(r, g->ontvangen_op, sizeof g->ontvangen_op);
	rij_tekst(r, g->status, sizeof g->status);
	rij_tekst(r, g->agb, sizeof g->agb);
	rij_tekst(r, g->aanbieder_naam, sizeof g->aanbieder_naam);
	rij_tekst(r, g->gemeente, sizeof g->gemeente);
	rij_tekst(r, g->gemeente_naam, sizeof g->gemeente_naam);
	g->jeugdige_id = rij_getal(r);
	g->heeft_xml = rij_getal(r) != 0;
	g->heeft_retour = rij_getal(r) != 0;
	rij_tekst(r, g->retour_identificatie, sizeof g->retour_identificatie);
	g->n_bevindingen = rij_getal(r);
}

int store_ijw_inbox_lijst(struct store *st, const struct store_scope *s,
			  const struct ijw_inbox_filter *f, struct ijw_inbox_regel **uit,
			  size_t *n, int64_t *totaal)
{
	char codes[SCOPE_CODES_MAX], van[11], voor[11];
	struct db_stmt *p;
	void *m = NULL;
	int rc;

	*uit = NULL;
	*n = 0;
	*totaal = 0;
	p = st->drv->prepare(st->conn, &inbox_telt);
	if (!p)
		return rij_fout(st, -2);
	if ((rc = bind_scope(st, p, s, codes)) < 0 || (rc = bind_filter(st, p, f, van, voor)) < 0) {
		st->drv->reset(p);
		return rc;
	}
	rc = rij_fout(st, st->drv->step(p));
	if (rc == 1)
		*totaal = st->drv->column_int64(p, 0);
	st->drv->reset(p);
	if (rc < 0)
		return rc;

	p = st->drv->prepare(st->conn, &inbox_lijst);
	if (!p)
		return rij_fout(st, -2);
	if ((rc = bind_scope(st, p, s, codes)) < 0 || (rc = bind_filter(st, p, f, van, voor)) < 0 ||
	    (rc = rij_fout(st, st->drv->bind_int64(p, 12, f->limiet))) < 0 ||
	    (rc = rij_fout(st, st->drv->bind_int64(p, 13, f->offset))) < 0) {
		st->drv->reset(p);
		return rc;
	}
	rc = rij_alle(st, &inbox_lijst, p, sizeof **uit, vul_regel, &m, n);
	*uit = m;
	return rc < 0 ? rc : 0;
}

int store_ijw_inbox_bericht(struct store *st, int64_t id, struct ijw_inbox_regel *uit)
{
	struct db_stmt *p = st->drv->prepare(st->conn, &inbox_bericht);
	int rc;

	memset(uit, 0, sizeof *uit);
	if (!p)
		return rij_fout(st, -2);
	rc = rij_fout(st, st->drv->bind_int64(p, 1, id));
	if (rc >= 0)
		rc = rij_fout(st, st->drv->step(p));
	if (rc == 1) {
		struct rij r = { st, p, &inbox_bericht, 0, 0 };

		vul_regel(&r, uit);
		if (r.rc < 0)
			rc = r.rc;
	}
	st->drv->reset(p);
	return rc;
}

bool ijw_inbox_in_scope(const struct store_scope *s, const struct ijw_inbox_regel *r)
{
	if (s->alles)
		return true;
	if (s->agb && s->agb[0] && strcmp(s->agb, r->agb) == 0)
		return true;
	for (size_t i = 0; r->gemeente[0] && i < s->n; i++)
		if (strcmp(s->gemeenten[i], r->gemeente) == 0)
			return true;
	return false;
}

int store_ijw_inbox_xml(struct store *st, int64_t id, bool retour, char **xml)
{
	struct db_stmt *p = st->drv->prepare(st->conn, retour ? &inbox_retour_xml : &inbox_xml);
	int rc;

	*xml = NULL;
	if (!p)
		return rij_fout(st, -2);
	rc = rij_fout(st, st->drv->bind_int64(p, 1, id));
	if (rc >= 0)
		rc = rij_fout(st, st->drv->step(p));
	if (rc == 1) {
		const char *t = st->drv->column_text(p, 0);

		if (!t)
			rc = 0;
		else if (!(*xml = strdup(t)))
			rc = store_set_error(st, "onvoldoende geheugen voor een bericht");
	}
	st->drv->reset(p);
	return rc;
}

static void vul_verzoek(struct rij *r, void *e)
{
	struct ijw_inbox_verzoek *v = e;

	v->id = rij_getal(r);
	v->bericht_id = rij_getal(r);
	rij_tekst(r, v->soort, sizeof v->soort);
	rij_tekst(r, v->agb, sizeof v->agb);
	rij_tekst(r, v->aanbieder_naam, sizeof v->aanbieder_naam);
	rij_tekst(r, v->gemeente, sizeof v->gemeente);
	rij_tekst(r, v->gemeente_naam, sizeof v->gemeente_naam);
	v->jeugdige_id = rij_getal(r);
	rij_tekst(r, v->referentie_aanbieder, sizeof v->referentie_aanbieder);
	v->dagtekening = rij_datum(r);
	v->ontvangen = rij_datum(r);
	rij_tekst(r, v->status, sizeof v->status);
}

int store_ijw_inbox_verzoeken(struct store *st, const struct store_scope *s,
			      int64_t limiet, int64_t offset, struct ijw_inbox_verzoek **uit,
			      size_t *n, int64_t *totaal)
{
	char codes[SCOPE_CODES_MAX];
	struct db_stmt *p;
	void *m = NULL;
	int rc;

	*uit = NULL;
	*n = 0;
	*totaal = 0;
	p = st->drv->prepare(st->conn, &inbox_verzoeken_telt);
	if (!p)
		return rij_fout(st, -2);
	if ((rc = bind_scope(st, p, s, codes)) < 0) {
		st->drv->reset(p);
		return rc;
	}
	rc = rij_fout(st, st->drv->step(p));
	if (rc == 1)
		*totaal = st->drv->column_int64(p, 0);
	st->drv->reset(p);
	if (rc < 0)
		return rc;
	p = st->drv->prepare(st->conn, &inbox_verzoeken);
	if (!p)
		return rij_fout(st, -2);
	if ((rc = bind_scope(st, p, s, codes)) < 0 ||
	    (rc = rij_fout(st, st->drv->bind_int64(p, 4, limiet))) < 0 ||
	    (rc = rij_fout(st, st->drv->bind_int64(p, 5, offset))) < 0) {
		st->drv->reset(p);
		return rc;
	}
	rc = rij_alle(st, &inbox_verzoeken, p, sizeof **uit, vul_verzoek, &m, n);
	*uit = m;
	return rc < 0 ? rc : 0;
}

static void vul_wacht(struct rij *r, void *e)
{
	struct ijw_inbox_wacht *w = e;

	w->id = rij_getal(r);
	rij_tekst(r, w->soort, sizeof w->soort);
	w->ontvangen = rij_datum(r);
}

int store_ijw_inbox_zonder_retour(struct store *st, const struct store_scope *s,
				  struct ijw_inbox_wacht **uit, size_t *n)
{
	char codes[SCOPE_CODES_MAX];
	struct db_stmt *p = st->drv->prepare(st->conn, &inbox_zonder_retour);
	void *m = NULL;
	int rc;

	*uit = NULL;
	*n = 0;
	if (!p)
		return rij_fout(st, -2);
	if ((rc = bind_scope(st, p, s, codes)) < 0) {
		st->drv->reset(p);
		return rc;
	}
	rc = rij_alle(st, &inbox_zonder_retour, p, sizeof **uit, vul_wacht, &m, n);
	*uit = m;
	return rc < 0 ? rc : 0;
}
