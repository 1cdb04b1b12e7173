/* register: the registry reads: store_gemeenten (store.h) and those of
 * register.h. Public data, no personal data. */
#include "store/register.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/datum.h"
#include "store/driver.h"
#include "store/rij.h"
#include "store/store.h"
#include "store/store_intern.h"

static const struct sql_stmt register_gemeenten = {
	"register_gemeenten",
	"SELECT code, naam, subregio, inwoners, jeugdigen_0_17 FROM gemeente ORDER BY code",
};

/* ---- the registry reads of register.h ------------------------------- */

static const struct sql_stmt register_segmenten = {
	"register_segmenten",
	"SELECT nr, naam FROM segment ORDER BY nr",
};
static const struct sql_stmt register_gemeente = {
	"register_gemeente",
	"SELECT code, naam, subregio, inwoners, jeugdigen_0_17 FROM gemeente WHERE code = $1",
};
static const struct sql_stmt register_deelname = {
	"register_deelname",
	"SELECT gemeente, segment, vanaf FROM deelname WHERE gemeente = $1 ORDER BY segment",
};
static const struct sql_stmt register_teams = {
	"register_teams",
	"SELECT t.id, t.naam, tg.gemeente, g.naam FROM lokaal_team t "
	"LEFT JOIN lokaal_team_gemeente tg ON tg.team_id = t.id "
	"LEFT JOIN gemeente g ON g.code = tg.gemeente "
	"WHERE CAST($1 AS TEXT) IS NULL OR t.id IN "
	"(SELECT x.team_id FROM lokaal_team_gemeente x WHERE x.gemeente = $1) "
	"ORDER BY t.id, tg.gemeente",
};
static const struct sql_stmt register_netwerken = {
	"register_netwerken",
	"SELECT id, naam FROM netwerk ORDER BY id",
};

/* Aanbieders: $1 the naam pattern, $2 the agb pattern (both NULL: any),
 * $3 netwerk, $4 segment, $5 limit, $6 offset. The segments of its
 * contracts come as a bit set (public facts: who is contracted for
 * what); the casts give PostgreSQL its bigint << integer operator. */
#define AANBIEDER_KOLOMMEN                                                            \
	"SELECT a.agb, a.naam, a.netwerk_id, n.naam, "                                \
	"(SELECT CAST(COALESCE(sum(DISTINCT CAST(1 AS BIGINT) << CAST(c.segment AS INTEGER)), 0) " \
	"AS BIGINT) FROM contract c WHERE c.agb = a.agb) "                            \
	"FROM aanbieder a LEFT JOIN netwerk n ON n.id = a.netwerk_id "
#define AANBIEDER_WAAR                                                                \
	"WHERE (CAST($1 AS TEXT) IS NULL OR lower(a.naam) LIKE lower($1) ESCAPE '!' " \
	"OR a.agb LIKE $2 ESCAPE '!') "                                               \
	"AND (CAST($3 AS BIGINT) IS NULL OR a.netwerk_id = $3) "                      \
	"AND (CAST($4 AS BIGINT) IS NULL OR EXISTS (SELECT 1 FROM contract c "        \
	"WHERE c.agb = a.agb AND c.segment = $4)) "
#define AANBIEDER_PAGINA "LIMIT $5 OFFSET $6"

static const struct sql_stmt register_aanbieders_tel = {
	"register_aanbieders_tel",
	"SELECT count(*) FROM aanbieder a " AANBIEDER_WAAR,
};
/* Indexed by enum register_aanbieder_sorteer, then ascending/descending. */
static const struct sql_stmt register_aanbieders[2][2] = {
	[REGISTER_AANBIEDER_NAAM] = {
		{ "register_aanbieders_naam", AANBIEDER_KOLOMMEN AANBIEDER_WAAR
		  "ORDER BY lower(a.naam), a.agb " AANBIEDER_PAGINA },
		{ "register_aanbieders_naam_af", AANBIEDER_KOLOMMEN AANBIEDER_WAAR
		  "ORDER BY lower(a.naam) DESC, a.agb DESC " AANBIEDER_PAGINA },
	},
	[REGISTER_AANBIEDER_AGB] = {
		{ "register_aanbieders_agb", AANBIEDER_KOLOMMEN AANBIEDER_WAAR
		  "ORDER BY a.agb " AANBIEDER_PAGINA },
		{ "register_aanbieders_agb_af", AANBIEDER_KOLOMMEN AANBIEDER_WAAR
		  "ORDER BY a.agb DESC " AANBIEDER_PAGINA },
	},
};
static const struct sql_stmt register_aanbieder = {
	"register_aanbieder",
	AANBIEDER_KOLOMMEN "WHERE a.agb = $1",
};

/* Contracten: $1 agb, $2 segment, $3 jaar (each NULL: any), $4 limit,
 * $5 offset. The tarieven of one page come from the same filter and
 * order as a subquery, so page and tarieven agree. */
#define CONTRACT_WAAR                                                                 \
	"WHERE (CAST($1 AS TEXT) IS NULL OR c.agb = $1) "                             \
	"AND (CAST($2 AS BIGINT) IS NULL OR c.segment = $2) "                         \
	"AND (CAST($3 AS BIGINT) IS NULL OR EXISTS (SELECT 1 FROM tarief x "          \
	"WHERE x.contract_id = c.id AND x.jaar = $3)) "
#define CONTRACT_PAGINA "ORDER BY c.agb, c.segment, c.begindatum, c.id LIMIT $4 OFFSET $5"

static const struct sql_stmt register_contracten_tel = {
	"register_contracten_tel",
	"SELECT count(*) FROM contract c " CONTRACT_WAAR,
};
static const struct sql_stmt register_contracten = {
	"register_contracten",
	"SELECT c.id, c.agb, c.segment, c.begindatum, c.einddatum, c.stilzwijgend_verlengd, "
	"a.naam FROM contract c JOIN aanbieder a ON a.agb = c.agb " CONTRACT_WAAR CONTRACT_PAGINA,
};
static const struct sql_stmt register_tarieven = {
	"register_tarieven",
	"SELECT t.contract_id, t.productcode, t.jaar, t.bedrag, t.eenheid, p.omschrijving "
	"FROM tarief t LEFT JOIN product p ON p.code = t.productcode "
	"WHERE t.contract_id IN (SELECT c.id FROM contract c " CONTRACT_WAAR CONTRACT_PAGINA ") "
	"AND (CAST($3 AS BIGINT) IS NULL OR t.jaar = $3) "
	"ORDER BY t.contract_id, t.productcode, t.jaar",
};

/* Producten: $1 categorie, $2 segment, $3 the omschrijving pattern, $4
 * the code pattern (each NULL: any), $5 limit, $6 offset. */
#define PRODUCT_KOLOMMEN                                                              \
	"SELECT p.code, p.categorie, p.omschrijving, p.uitvoeringsvariant, p.eenheid, "   \
	"p.segment, p.groep FROM product p "
#define PRODUCT_WAAR                                                                  \
	"WHERE (CAST($1 AS TEXT) IS NULL OR p.categorie = $1) "                       \
	"AND (CAST($2 AS BIGINT) IS NULL OR p.segment = $2) "                         \
	"AND (CAST($3 AS TEXT) IS NULL OR lower(p.omschrijving) LIKE lower($3) ESCAPE '!' " \
	"OR lower(p.code) LIKE lower($4) ESCAPE '!') "
#define PRODUCT_PAGINA "LIMIT $5 OFFSET $6"

static const struct sql_stmt register_producten_tel = {
	"register_producten_tel",
	"SELECT count(*) FROM product p " PRODUCT_WAAR,
};
/* Indexed by enum register_product_sorteer, then ascending/descending. */
static const struct sql_stmt register_producten[2][2] = {
	[REGISTER_PRODUCT_CODE] = {
		{ "register_producten_code", PRODUCT_KOLOMMEN PRODUCT_WAAR
		  "ORDER BY p.code " PRODUCT_PAGINA },
		{ "register_producten_code_af", PRODUCT_KOLOMMEN PRODUCT_WAAR
		  "ORDER BY p.code DESC " PRODUCT_PAGINA },
	},
	[REGISTER_PRODUCT_OMSCHRIJVING] = {
		{ "register_producten_omschrijving", PRODUCT_KOLOMMEN PRODUCT_WAAR
		  "ORDER BY lower(p.omschrijving), p.code " PRODUCT_PAGINA },
		{ "register_producten_omschrijving_af", PRODUCT_KOLOMMEN PRODUCT_WAAR
		  "ORDER BY lower(p.omschrijving) DESC, p.code DESC " PRODUCT_PAGINA },
	},
};

int register_like_patroon(const char *zoek, bool bevat, char out[REGISTER_PATROON_LEN])
{
	size_t k = 0;

	out[0] = '\0';
	if (strlen(zoek) > REGISTER_ZOEK_MAX)
		return -1;
	if (bevat)
		out[k++] = '%';
	for (const char *p = zoek; *p; p++) {
		if (*p == '%' || *p == '_' || *p == '!')
			out[k++] = '!';
		out[k++] = *p;
	}
	out[k++] = '%';
	out[k] = '\0';
	return 0;
}

/* Bind text, or NULL for NULL / "". */
static int bind_tekst(struct store *st, struct db_stmt *s, int pos, const char *v)
{
	return v && *v ? st->drv->bind_text(s, pos, v) : st->drv->bind_null(s, pos);
}

/* Bind a number, or NULL when it says "any". */
static int bind_getal(struct store *st, struct db_stmt *s, int pos, int64_t v, bool any)
{
	return any ? st->drv->bind_null(s, pos) : st->drv->bind_int64(s, pos, v);
}

/* A statement prepared, or NULL with the message set. */
static struct db_stmt *bereid(struct store *st, const struct sql_stmt *q)
{
	struct db_stmt *s = st->drv->prepare(st->conn, q);

	if (!s)
		rij_fout(st, -2);
	return s;
}

/* After a failed bind: reset and report. */
static int bind_fout(struct store *st, struct db_stmt *s)
{
	rij_fout(st, -2);
	st->drv->reset(s);
	return -2;
}

/* The single count row of the bound statement s into *totaal. */
static int tel(struct store *st, struct db_stmt *s, int64_t *totaal)
{
	int rc = rij_fout(st, st->drv->step(s));

	*totaal = rc == 1 ? st->drv->column_int64(s, 0) : 0;
	st->drv->reset(s);
	return rc < 0 ? rc : 0;
}

int store_segmenten(struct store *st, char namen[SEGMENT_AANTAL][NAAM_LEN])
{
	struct db_stmt *s = bereid(st, &register_segmenten);
	int rc, n = 0;

	for (int i = 0; i < SEGMENT_AANTAL; i++)
		namen[i][0] = '\0';
	if (!s)
		return -2;
	while ((rc = rij_fout(st, st->drv->step(s))) == 1) {
		struct rij r = { st, s, &register_segmenten, 0, 0 };
		int64_t nr = rij_getal(&r);

		if (nr >= 0 && nr < SEGMENT_AANTAL) {
			rij_tekst(&r, namen[nr], NAAM_LEN);
			n++;
		}
	}
	st->drv->reset(s);
	return rc < 0 ? rc : n;
}

int store_gemeenten(struct store *st, struct gemeente **out, size_t *n)
{
	struct db_stmt *s = bereid(st, &register_gemeenten);

	*out = NULL;
	*n = 0;
	if (!s)
		return -2;
	return rij_alle(st, &register_gemeenten, s, sizeof **out, rij_vul_gemeente, (void **)out,
			n);
}

/* One row of q bound to the text key into *out (size sz) by vul: 1 found,
 * 0 not, -1/-2. */
static int een(struct store *st, const struct sql_stmt *q, const char *sleutel, size_t sz,
	       rij_vul_fn vul, void *out)
{
	struct db_stmt *s = bereid(st, q);
	int rc;

	if (!s)
		return -2;
	if (st->drv->bind_text(s, 1, sleutel) < 0)
		return bind_fout(st, s);
	rc = rij_fout(st, st->drv->step(s));
	if (rc == 1) {
		struct rij r = { st, s, q, 0, 0 };

		memset(out, 0, sz);
		vul(&r, out);
		if (r.rc < 0)
			rc = r.rc;
	}
	st->drv->reset(s);
	return rc;
}

int store_gemeente(struct store *st, const char *code, struct gemeente *out)
{
	return een(st, &register_gemeente, code, sizeof *out, rij_vul_gemeente, out);
}

static void vul_deelname(struct rij *r, void *e)
{
	struct deelname *d = e;

	rij_tekst(r, d->gemeente, sizeof d->gemeente);
	d->segment = (int)rij_getal(r);
	d->vanaf = rij_datum(r);
}

int store_gemeente_deelname(struct store *st, const char *code, struct deelname **out,
			    size_t *n)
{
	struct db_stmt *s = bereid(st, &register_deelname);

	*out = NULL;
	*n = 0;
	if (!s)
		return -2;
	if (st->drv->bind_text(s, 1, code) < 0)
		return bind_fout(st, s);
	return rij_alle(st, &register_deelname, s, sizeof **out, vul_deelname, (void **)out, n);
}

static void vul_team(struct rij *r, void *e)
{
	struct register_team_rij *t = e;

	t->team_id = rij_getal(r);
	rij_tekst(r, t->team_naam, sizeof t->team_naam);
	rij_tekst(r, t->gemeente, sizeof t->gemeente);
	rij_tekst(r, t->gemeente_naam, sizeof t->gemeente_naam);
}

int store_lokale_teams(struct store *st, const char *gemeente, struct register_team_rij **out,
		       size_t *n)
{
	struct db_stmt *s = bereid(st, &register_teams);

	*out = NULL;
	*n = 0;
	if (!s)
		return -2;
	if (bind_tekst(st, s, 1, gemeente) < 0)
		return bind_fout(st, s);
	return rij_alle(st, &register_teams, s, sizeof **out, vul_team, (void **)out, n);
}

int store_netwerken(struct store *st, struct netwerk **out, size_t *n)
{
	struct db_stmt *s = bereid(st, &register_netwerken);

	*out = NULL;
	*n = 0;
	if (!s)
		return -2;
	return rij_alle(st, &register_netwerken, s, sizeof **out, rij_vul_netwerk, (void **)out, n);
}

static void vul_aanbieder(struct rij *r, void *e)
{
	struct register_aanbieder *a = e;
	int64_t bits;

	rij_tekst(r, a->aanbieder.agb, sizeof a->aanbieder.agb);
	rij_tekst(r, a->aanbieder.naam, sizeof a->aanbieder.naam);
	a->aanbieder.netwerk_id = rij_getal(r);
	rij_tekst(r, a->netwerk_naam, sizeof a->netwerk_naam);
	bits = rij_getal(r);
	a->segmenten = (unsigned)(bits & ((1 << SEGMENT_AANTAL) - 1));
}

/* Bind the filter of the aanbieder statements ($1 .. $4); the patterns
 * live in the caller's buffers until reset. */
static int bind_aanbieder_filter(struct store *st, struct db_stmt *s,
				 const struct register_aanbieder_filter *f,
				 char naam[REGISTER_PATROON_LEN], char agb[REGISTER_PATROON_LEN])
{
	bool zoek = f->zoek && *f->zoek;

	if (zoek && (register_like_patroon(f->zoek, true, naam) < 0 ||
		     register_like_patroon(f->zoek, false, agb) < 0)) {
		snprintf(st->err, sizeof st->err, "zoektekst langer dan %d tekens",
			 REGISTER_ZOEK_MAX);
		return -2;
	}
	if (bind_tekst(st, s, 1, zoek ? naam : NULL) < 0 ||
	    bind_tekst(st, s, 2, zoek ? agb : NULL) < 0 ||
	    bind_getal(st, s, 3, f->netwerk, f->netwerk <= 0) < 0 ||
	    bind_getal(st, s, 4, f->segment, f->segment < 0) < 0)
		return rij_fout(st, -2);
	return 0;
}

int store_aanbieders_tel(struct store *st, const struct register_aanbieder_filter *f,
			 int64_t *totaal)
{
	struct db_stmt *s = bereid(st, &register_aanbieders_tel);
	char naam[REGISTER_PATROON_LEN], agb[REGISTER_PATROON_LEN];

	*totaal = 0;
	if (!s)
		return -2;
	if (bind_aanbieder_filter(st, s, f, naam, agb) < 0) {
		st->drv->reset(s);
		return -2;
	}
	return tel(st, s, totaal);
}

int store_aanbieders(struct store *st, const struct register_aanbieder_filter *f,
		     struct register_aanbieder **out, size_t *n)
{
	const struct sql_stmt *q = &register_aanbieders[f->sorteer][f->aflopend ? 1 : 0];
	char naam[REGISTER_PATROON_LEN], agb[REGISTER_PATROON_LEN];
	struct db_stmt *s = bereid(st, q);

	*out = NULL;
	*n = 0;
	if (!s)
		return -2;
	if (bind_aanbieder_filter(st, s, f, naam, agb) < 0) {
		st->drv->reset(s);
		return -2;
	}
	if (st->drv->bind_int64(s, 5, f->limit) < 0 || st->drv->bind_int64(s, 6, f->offset) < 0)
		return bind_fout(st, s);
	return rij_alle(st, q, s, sizeof **out, vul_aanbieder, (void **)out, n);
}

int store_aanbieder(struct store *st, const char *agb, struct register_aanbieder *out)
{
	return een(st, &register_aanbieder, agb, sizeof *out, vul_aanbieder, out);
}

static int bind_contract_filter(struct store *st, struct db_stmt *s,
				const struct register_contract_filter *f, bool pagina)
{
	if (bind_tekst(st, s, 1, f->agb) < 0 ||
	    bind_getal(st, s, 2, f->segment, f->segment < 0) < 0 ||
	    bind_getal(st, s, 3, f->jaar, f->jaar <= 0) < 0 ||
	    (pagina && (st->drv->bind_int64(s, 4, f->limit) < 0 ||
			st->drv->bind_int64(s, 5, f->offset) < 0)))
		return bind_fout(st, s);
	return 0;
}

int store_contracten_tel(struct store *st, const struct register_contract_filter *f,
			 int64_t *totaal)
{
	struct db_stmt *s = bereid(st, &register_contracten_tel);

	*totaal = 0;
	if (!s)
		return -2;
	if (bind_contract_filter(st, s, f, false) < 0)
		return -2;
	return tel(st, s, totaal);
}

static void vul_contract(struct rij *r, void *e)
{
	struct register_contract *c = e;

	c->contract.id = rij_getal(r);
	rij_tekst(r, c->contract.agb, sizeof c->contract.agb);
	c->contract.segment = (int)rij_getal(r);
	c->contract.begindatum = rij_datum(r);
	c->contract.einddatum = rij_datum(r);
	c->contract.stilzwijgend_verlengd = rij_getal(r) != 0;
	rij_tekst(r, c->aanbieder_naam, sizeof c->aanbieder_naam);
}

static void vul_tarief(struct rij *r, void *e)
{
	struct register_tarief *t = e;

	t->tarief.contract_id = rij_getal(r);
	rij_tekst(r, t->tarief.productcode, sizeof t->tarief.productcode);
	t->tarief.jaar = (int)rij_getal(r);
	t->tarief.bedrag = rij_getal(r);
	rij_tekst(r, t->tarief.eenheid, sizeof t->tarief.eenheid);
	rij_tekst(r, t->omschrijving, sizeof t->omschrijving);
}

size_t register_tarieven_van(const struct register_tarief *t, size_t n, int64_t contract_id,
			     size_t *begin)
{
	size_t lo = 0, hi = n, eind;

	/* The first with contract_id >= the one asked. */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (t[mid].tarief.contract_id < contract_id)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (eind = lo; eind < n && t[eind].tarief.contract_id == contract_id; eind++)
		;
	*begin = eind > lo ? lo : n;
	return eind - lo;
}

int store_contracten(struct store *st, const struct register_contract_filter *f,
		     struct register_contracten *out)
{
	struct db_stmt *s;
	int rc;

	memset(out, 0, sizeof *out);
	s = bereid(st, &register_contracten);
	if (!s || bind_contract_filter(st, s, f, true) < 0)
		return -2;
	rc = rij_alle(st, &register_contracten, s, sizeof *out->c, vul_contract, (void **)&out->c,
		      &out->n);
	if (rc < 0)
		return rc;
	s = bereid(st, &register_tarieven);
	if (!s || bind_contract_filter(st, s, f, true) < 0)
		return -2;
	rc = rij_alle(st, &register_tarieven, s, sizeof *out->t, vul_tarief, (void **)&out->t,
		      &out->n_t);
	if (rc < 0)
		return rc;
	for (size_t i = 0; i < out->n; i++)
		out->c[i].n_tarieven = register_tarieven_van(out->t, out->n_t, out->c[i].contract.id,
							     &out->c[i].tarief_begin);
	return (int)out->n;
}

void store_contracten_vrij(struct register_contracten *r)
{
	free(r->c);
	free(r->t);
	memset(r, 0, sizeof *r);
}

static int bind_product_filter(struct store *st, struct db_stmt *s,
			       const struct register_product_filter *f,
			       char oms[REGISTER_PATROON_LEN], char code[REGISTER_PATROON_LEN])
{
	bool zoek = f->zoek && *f->zoek;

	if (zoek && (register_like_patroon(f->zoek, true, oms) < 0 ||
		     register_like_patroon(f->zoek, false, code) < 0)) {
		snprintf(st->err, sizeof st->err, "zoektekst langer dan %d tekens",
			 REGISTER_ZOEK_MAX);
		return -2;
	}
	if (bind_tekst(st, s, 1, f->categorie) < 0 ||
	    bind_getal(st, s, 2, f->segment, f->segment < 0) < 0 ||
	    bind_tekst(st, s, 3, zoek ? oms : NULL) < 0 ||
	    bind_tekst(st, s, 4, zoek ? code : NULL) < 0)
		return rij_fout(st, -2);
	return 0;
}

int store_producten_tel(struct store *st, const struct register_product_filter *f,
			int64_t *totaal)
{
	struct db_stmt *s = bereid(st, &register_producten_tel);
	char oms[REGISTER_PATROON_LEN], code[REGISTER_PATROON_LEN];

	*totaal = 0;
	if (!s)
		return -2;
	if (bind_product_filter(st, s, f, oms, code) < 0) {
		st->drv->reset(s);
		return -2;
	}
	return tel(st, s, totaal);
}

static void vul_product(struct rij *r, void *e)
{
	struct product *p = e;

	rij_tekst(r, p->code, sizeof p->code);
	rij_tekst(r, p->categorie, sizeof p->categorie);
	rij_tekst(r, p->omschrijving, sizeof p->omschrijving);
	rij_tekst(r, p->uitvoeringsvariant, sizeof p->uitvoeringsvariant);
	rij_tekst(r, p->eenheid, sizeof p->eenheid);
	p->segment = rij_is_null(r) ? -1 : (int)rij_getal(r);
	p->groep = rij_getal(r) != 0;
}

int store_producten(struct store *st, const struct register_product_filter *f,
		    struct product **out, size_t *n)
{
	const struct sql_stmt *q = &register_producten[f->sorteer][f->aflopend ? 1 : 0];
	char oms[REGISTER_PATROON_LEN], code[REGISTER_PATROON_LEN];
	struct db_stmt *s = bereid(st, q);

	*out = NULL;
	*n = 0;
	if (!s)
		return -2;
	if (bind_product_filter(st, s, f, oms, code) < 0) {
		st->drv->reset(s);
		return -2;
	}
	if (st->drv->bind_int64(s, 5, f->limit) < 0 || st->drv->bind_int64(s, 6, f->offset) < 0)
		return bind_fout(st, s);
	return rij_alle(st, q, s, sizeof **out, vul_product, (void **)out, n);
}

const char *store_backend(const struct store *st)
{
	switch (st->drv->dialect) {
	case DB_DIALECT_SQLITE:
		return "sqlite";
	case DB_DIALECT_POSTGRES:
		return "postgresql";
	}
	return "onbekend";
}
