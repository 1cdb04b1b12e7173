/* toewijzing_store: see toewijzing_store.h. */
#include "store/toewijzing_store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/driver.h"
#include "store/rij.h"
#include "store/scope.h"
#include "store/store.h"
#include "store/store_intern.h"

static const struct sql_stmt toewijzing_volgend_verwijzing = {
	"toewijzing_volgend_verwijzing", "SELECT COALESCE(max(id), 0) + 1 FROM verwijzing",
};
static const struct sql_stmt toewijzing_product = {
	"toewijzing_product",
	"SELECT code, categorie, omschrijving, uitvoeringsvariant, eenheid, segment, groep "
	"FROM product WHERE code = $1",
};
/* The newest contract first when two overlap, as the tariff rules do. */
static const struct sql_stmt toewijzing_contract = {
	"toewijzing_contract",
	"SELECT c.segment FROM tarief t JOIN contract c ON c.id = t.contract_id "
	"WHERE c.agb = $1 AND t.productcode = $2 AND t.jaar = $3 "
	"ORDER BY c.begindatum DESC, c.id DESC LIMIT 1",
};
static const struct sql_stmt toewijzing_team_dient = {
	"toewijzing_team_dient",
	"SELECT count(*) FROM lokaal_team_gemeente WHERE team_id = $1 AND gemeente = $2",
};
static const struct sql_stmt toewijzing_woongemeente = {
	"toewijzing_woongemeente",
	"SELECT gemeente FROM woonplaats WHERE jeugdige_id = $1 AND vanaf <= $2 "
	"AND (tot IS NULL OR tot >= $2) ORDER BY vanaf DESC LIMIT 1",
};

/* $1 alles (1/0), $2 the gemeenten as ",A,B," ("," none), $3 an AGB ("" none). */
#define TOEWIJZING_SCOPE \
	"($1 = 1 OR ($2 <> ',' AND $2 LIKE '%,' || z.gemeente || ',%') " \
	"OR ($3 <> '' AND z.agb = $3))"

#define TOEWIJZING_KOLOMMEN \
	"SELECT z.nummer, z.jeugdige_id, z.agb, z.gemeente, z.categorie, z.productcode, " \
	"z.toewijzingsdatum, z.ingangsdatum, z.einddatum, z.volume, z.eenheid, z.frequentie, " \
	"z.budget, z.reden_wijziging, z.verwijzing_id, j.voornamen, j.achternaam, a.naam, " \
	"g.naam, p.omschrijving, t.id, t.status, t.aanmelddatum, t.begindatum, t.einddatum, " \
	"t.reden_beeindiging, " \
	"(SELECT count(*) FROM prestatie x WHERE x.toewijzing_nummer = z.nummer), " \
	"(SELECT count(*) FROM prestatie x WHERE x.toewijzing_nummer = z.nummer " \
	"AND x.goedgekeurd = 0) " \
	"FROM toewijzing z JOIN jeugdige j ON j.id = z.jeugdige_id " \
	"LEFT JOIN aanbieder a ON a.agb = z.agb LEFT JOIN gemeente g ON g.code = z.gemeente " \
	"LEFT JOIN product p ON p.code = z.productcode " \
	"LEFT JOIN traject t ON t.id = (SELECT max(y.id) FROM traject y " \
	"WHERE y.toewijzing_nummer = z.nummer) "

/* $4 agb, $5 gemeente, $6 jeugdige ("" / 0 none). */
#define TOEWIJZING_LIJST_WAAR \
	"WHERE " TOEWIJZING_SCOPE " AND ($4 = '' OR z.agb = $4) " \
	"AND ($5 = '' OR z.gemeente = $5) AND ($6 = 0 OR z.jeugdige_id = $6) "

static const struct sql_stmt toewijzing_info = {
	"toewijzing_info", TOEWIJZING_KOLOMMEN "WHERE z.nummer = $4 AND " TOEWIJZING_SCOPE,
};
static const struct sql_stmt toewijzingen_tel = {
	"toewijzingen_tel", "SELECT count(*) FROM toewijzing z " TOEWIJZING_LIJST_WAAR,
};
static const struct sql_stmt toewijzingen_lijst = {
	"toewijzingen_lijst",
	TOEWIJZING_KOLOMMEN TOEWIJZING_LIJST_WAAR
	"ORDER BY z.toewijzingsdatum DESC, z.nummer DESC LIMIT $7 OFFSET $8",
};
static const struct sql_stmt toewijzing_prestaties = {
	"toewijzing_prestaties",
	"SELECT p.id, p.declaratie_id, p.referentie, p.jeugdige_id, p.traject_id, "
	"p.toewijzing_nummer, p.categorie, p.productcode, p.periode_begin, p.periode_eind, "
	"p.volume, p.eenheid, p.tarief, p.bedrag, p.retourcode, p.goedgekeurd, d.nummer, "
	"d.dagtekening FROM prestatie p JOIN declaratie d ON d.id = p.declaratie_id "
	"WHERE p.toewijzing_nummer = $1 ORDER BY p.periode_begin, p.id",
};

/* A text parameter; NULL binds as "" (rij_bind_getal for the rest). */
static void b_txt(struct store *st, struct db_stmt *s, int pos, const char *v, int *rc)
{
	if (*rc >= 0)
		*rc = st->drv->bind_text(s, pos, v ? v : "");
}

/* Bind $1..$3 from scope s into codes (the caller's buffer). */
static void b_scope(struct store *st, struct db_stmt *p, const struct store_scope *s,
		    char codes[SCOPE_CODES_MAX], int *rc)
{
	if (s->alles || s->n == 0)
		snprintf(codes, SCOPE_CODES_MAX, ",");
	else if (scope_codes(s->gemeenten, s->n, codes) < 0) {
		*rc = store_set_error(st, "te veel gemeenten in de scope (%zu)", s->n);
		return;
	}
	rij_bind_getal(st, p, 1, s->alles ? 1 : 0, rc);
	b_txt(st, p, 2, codes, rc);
	b_txt(st, p, 3, s->agb, rc);
}

/* One number from a statement without parameters or with them bound. */
static int een_getal(struct store *st, struct db_stmt *s, int rc, int64_t *out)
{
	if (rc >= 0)
		rc = st->drv->step(s);
	if (rc == 1)
		*out = st->drv->column_int64(s, 0);
	st->drv->reset(s);
	return rij_fout(st, rc < 0 ? rc : 0);
}

int store_toewijzing_volgend_verwijzing_id(struct store *st, int64_t *id)
{
	struct db_stmt *s = st->drv->prepare(st->conn, &toewijzing_volgend_verwijzing);

	if (!s)
		return rij_fout(st, -2);
	return een_getal(st, s, 0, id);
}

int store_toewijzing_product(struct store *st, const char *code, struct product *out)
{
	struct db_stmt *s = st->drv->prepare(st->conn, &toewijzing_product);
	int rc = 0;

	memset(out, 0, sizeof *out);
	if (!s)
		return rij_fout(st, -2);
	b_txt(st, s, 1, code, &rc);
	if (rc >= 0)
		rc = st->drv->step(s);
	if (rc == 1) {
		struct rij r = { st, s, &toewijzing_product, 0, 0 };

		rij_tekst(&r, out->code, sizeof out->code);
		rij_tekst(&r, out->categorie, sizeof out->categorie);
		rij_tekst(&r, out->omschrijving, sizeof out->omschrijving);
		rij_tekst(&r, out->uitvoeringsvariant, sizeof out->uitvoeringsvariant);
		rij_tekst(&r, out->eenheid, sizeof out->eenheid);
		if (rij_is_null(&r)) {
			out->segment = -1;
			r.col++;
		} else {
			out->segment = (int)rij_getal(&r);
		}
		out->groep = rij_getal(&r) != 0;
		if (r.rc < 0)
			rc = r.rc;
	}
	st->drv->reset(s);
	return rij_fout(st, rc);
}

int store_toewijzing_contract(struct store *st, const char *agb, const char *productcode,
			      int jaar, int *segment)
{
	struct db_stmt *s = st->drv->prepare(st->conn, &toewijzing_contract);
	int rc = 0;

	if (!s)
		return rij_fout(st, -2);
	b_txt(st, s, 1, agb, &rc);
	b_txt(st, s, 2, productcode, &rc);
	rij_bind_getal(st, s, 3, jaar, &rc);
	if (rc >= 0)
		rc = st->drv->step(s);
	if (rc == 1)
		*segment = (int)st->drv->column_int64(s, 0);
	st->drv->reset(s);
	return rij_fout(st, rc);
}

int store_toewijzing_team_dient(struct store *st, int64_t team_id, const char *gemeente)
{
	struct db_stmt *s = st->drv->prepare(st->conn, &toewijzing_team_dient);
	int64_t n = 0;
	int rc = 0;

	if (!s)
		return rij_fout(st, -2);
	rij_bind_getal(st, s, 1, team_id, &rc);
	b_txt(st, s, 2, gemeente, &rc);
	rc = een_getal(st, s, rc, &n);
	return rc < 0 ? rc : n > 0;
}

int store_toewijzing_woongemeente(struct store *st, int64_t jeugdige_id, dag_t dag,
				  char out[GEMEENTE_CODE_LEN])
{
	struct db_stmt *s = st->drv->prepare(st->conn, &toewijzing_woongemeente);
	char d[11];
	int rc = 0;

	out[0] = '\0';
	if (!s)
		return rij_fout(st, -2);
	rij_bind_getal(st, s, 1, jeugdige_id, &rc);
	b_txt(st, s, 2, datum_fmt(dag, d), &rc);
	if (rc >= 0)
		rc = st->drv->step(s);
	if (rc == 1)
		rij_kolom_tekst(st, s, 0, out, GEMEENTE_CODE_LEN);
	st->drv->reset(s);
	return rij_fout(st, rc);
}

static void vul_info(struct rij *r, void *e)
{
	struct toewijzing_info *i = e;
	struct toewijzing *z = &i->z;
	struct traject *t = &i->traject;
	int64_t status;

	z->nummer = rij_getal(r);
	z->jeugdige_id = rij_getal(r);
	rij_tekst(r, z->agb, sizeof z->agb);
	rij_tekst(r, z->gemeente, sizeof z->gemeente);
	rij_tekst(r, z->categorie, sizeof z->categorie);
	rij_tekst(r, z->productcode, sizeof z->productcode);
	z->toewijzingsdatum = rij_datum(r);
	z->ingangsdatum = rij_datum(r);
	z->einddatum = rij_datum(r);
	z->volume = rij_getal(r);
	rij_tekst(r, z->eenheid, sizeof z->eenheid);
	rij_tekst(r, z->frequentie, sizeof z->frequentie);
	z->budget = rij_getal(r);
	rij_tekst(r, z->reden_wijziging, sizeof z->reden_wijziging);
	z->verwijzing_id = rij_getal(r);
	rij_tekst(r, i->voornamen, sizeof i->voornamen);
	rij_tekst(r, i->achternaam, sizeof i->achternaam);
	rij_tekst(r, i->aanbieder_naam, sizeof i->aanbieder_naam);
	rij_tekst(r, i->gemeente_naam, sizeof i->gemeente_naam);
	rij_tekst(r, i->product, sizeof i->product);
	i->heeft_traject = !rij_is_null(r);
	t->id = rij_getal(r);
	status = rij_getal(r);
	t->status = status >= 0 && status < TRAJECT_STATUS_AANTAL ? (enum traject_status)status
								  : TRAJECT_AANGEMELD;
	t->aanmelddatum = rij_datum(r);
	t->begindatum = rij_datum(r);
	t->einddatum = rij_datum(r);
	rij_tekst(r, t->reden_beeindiging, sizeof t->reden_beeindiging);
	i->n_prestaties = rij_getal(r);
	i->n_afgewezen = rij_getal(r);
}

int store_toewijzing_info(struct store *st, const struct store_scope *s, int64_t nummer,
			  struct toewijzing_info *out)
{
	struct db_stmt *p = st->drv->prepare(st->conn, &toewijzing_info);
	char codes[SCOPE_CODES_MAX];
	int rc = 0;

	memset(out, 0, sizeof *out);
	if (!p)
		return rij_fout(st, -2);
	b_scope(st, p, s, codes, &rc);
	rij_bind_getal(st, p, 4, nummer, &rc);
	if (rc >= 0)
		rc = st->drv->step(p);
	if (rc == 1) {
		struct rij r = { st, p, &toewijzing_info, 0, 0 };

		vul_info(&r, out);
		if (r.rc < 0)
			rc = r.rc;
	}
	st->drv->reset(p);
	return rij_fout(st, rc);
}

/* Bind the list's $1..$6. */
static void b_lijst(struct store *st, struct db_stmt *p, const struct store_scope *s,
		    const struct toewijzing_lijst_filter *f, char codes[SCOPE_CODES_MAX], int *rc)
{
	b_scope(st, p, s, codes, rc);
	b_txt(st, p, 4, f->agb, rc);
	b_txt(st, p, 5, f->gemeente, rc);
	rij_bind_getal(st, p, 6, f->jeugdige_id, rc);
}

int store_toewijzingen(struct store *st, const struct store_scope *s,
		       const struct toewijzing_lijst_filter *f, struct toewijzing_info **out,
		       size_t *n, int64_t *totaal)
{
	struct db_stmt *p = st->drv->prepare(st->conn, &toewijzingen_tel);
	char codes[SCOPE_CODES_MAX];
	int rc = 0;

	*out = NULL;
	*n = 0;
	*totaal = 0;
	if (!p)
		return rij_fout(st, -2);
	b_lijst(st, p, s, f, codes, &rc);
	if ((rc = een_getal(st, p, rc, totaal)) < 0)
		return rc;
	if (!(p = st->drv->prepare(st->conn, &toewijzingen_lijst)))
		return rij_fout(st, -2);
	b_lijst(st, p, s, f, codes, &rc);
	rij_bind_getal(st, p, 7, f->limiet, &rc);
	rij_bind_getal(st, p, 8, f->offset, &rc);
	if (rc < 0) {
		st->drv->reset(p);
		return rij_fout(st, rc);
	}
	return rij_alle(st, &toewijzingen_lijst, p, sizeof **out, vul_info, (void **)out, n);
}

static void vul_prestatie(struct rij *r, void *e)
{
	struct toewijzing_prestatie *x = e;
	struct prestatie *p = &x->p;

	p->id = rij_getal(r);
	p->declaratie_id = rij_getal(r);
	rij_tekst(r, p->referentie, sizeof p->referentie);
	p->jeugdige_id = rij_getal(r);
	p->traject_id = rij_getal(r);
	p->toewijzing_nummer = rij_getal(r);
	rij_tekst(r, p->categorie, sizeof p->categorie);
	rij_tekst(r, p->productcode, sizeof p->productcode);
	p->periode_begin = rij_datum(r);
	p->periode_eind = rij_datum(r);
	p->volume = rij_getal(r);
	rij_tekst(r, p->eenheid, sizeof p->eenheid);
	p->tarief = rij_getal(r);
	p->bedrag = rij_getal(r);
	rij_tekst(r, p->retourcode, sizeof p->retourcode);
	p->goedgekeurd = rij_getal(r) != 0;
	rij_tekst(r, x->declaratie_nummer, sizeof x->declaratie_nummer);
	x->declaratie_dagtekening = rij_datum(r);
}

int store_toewijzing_prestaties(struct store *st, int64_t nummer,
				struct toewijzing_prestatie **out, size_t *n)
{
	struct db_stmt *p = st->drv->prepare(st->conn, &toewijzing_prestaties);
	int rc = 0;

	*out = NULL;
	*n = 0;
	if (!p)
		return rij_fout(st, -2);
	rij_bind_getal(st, p, 1, nummer, &rc);
	if (rc < 0) {
		st->drv->reset(p);
		return rij_fout(st, rc);
	}
	return rij_alle(st, &toewijzing_prestaties, p, sizeof **out, vul_prestatie, (void **)out,
			n);
}
