/* betaling_store: see betaling_store.h. */
#include "store/betaling_store.h"

#include <stdio.h>
#include <stdlib.h>

#include "store/driver.h"
#include "store/rij.h"
#include "store/scope.h"
#include "store/store.h"
#include "store/store_intern.h"

/* $1 alles (1/0), $2 the gemeenten as ",A,B," ("," none), $3 an AGB ("" none);
 * $4 month "JJJJ-MM", $5 AGB, $6 gemeente ("" none). */
static const struct sql_stmt betalingen = {
	"betalingen",
	"SELECT substr(d.periode_begin, 1, 7), d.agb, a.naam, d.gemeente, g.naam, count(*), "
	"COALESCE(sum(CASE WHEN p.goedgekeurd = 1 THEN 0 ELSE 1 END), 0), "
	"COALESCE(sum(p.bedrag), 0), "
	"COALESCE(sum(CASE WHEN p.goedgekeurd = 1 THEN p.bedrag ELSE 0 END), 0), "
	"COALESCE(sum(CASE WHEN p.goedgekeurd = 1 THEN 0 ELSE p.bedrag END), 0) "
	"FROM declaratie d JOIN prestatie p ON p.declaratie_id = d.id "
	"LEFT JOIN aanbieder a ON a.agb = d.agb LEFT JOIN gemeente g ON g.code = d.gemeente "
	"WHERE ($1 = 1 OR ($2 <> ',' AND $2 LIKE '%,' || d.gemeente || ',%') "
	"OR ($3 <> '' AND d.agb = $3)) "
	"AND ($4 = '' OR substr(d.periode_begin, 1, 7) = $4) AND ($5 = '' OR d.agb = $5) "
	"AND ($6 = '' OR d.gemeente = $6) "
	"GROUP BY substr(d.periode_begin, 1, 7), d.agb, a.naam, d.gemeente, g.naam "
	"ORDER BY 1 DESC, 2, 4",
};

static void vul(struct rij *r, void *e)
{
	struct betaling_rij *b = e;

	rij_tekst(r, b->maand, sizeof b->maand);
	rij_tekst(r, b->agb, sizeof b->agb);
	rij_tekst(r, b->aanbieder_naam, sizeof b->aanbieder_naam);
	rij_tekst(r, b->gemeente, sizeof b->gemeente);
	rij_tekst(r, b->gemeente_naam, sizeof b->gemeente_naam);
	b->regels = rij_getal(r);
	b->afgewezen_regels = rij_getal(r);
	b->ingediend = rij_getal(r);
	b->goedgekeurd = rij_getal(r);
	b->afgewezen = rij_getal(r);
}

static const char *leeg(const char *s)
{
	return s ? s : "";
}

int store_betalingen(struct store *st, const struct store_scope *s,
		     const struct betaling_filter *f, struct betaling_rij **out, size_t *n)
{
	struct db_stmt *p = st->drv->prepare(st->conn, &betalingen);
	char codes[SCOPE_CODES_MAX];

	*out = NULL;
	*n = 0;
	if (!p)
		return rij_fout(st, -2);
	if (s->alles || s->n == 0)
		snprintf(codes, sizeof codes, ",");
	else if (scope_codes(s->gemeenten, s->n, codes) < 0)
		return store_set_error(st, "te veel gemeenten in de scope (%zu)", s->n);
	if (st->drv->bind_int64(p, 1, s->alles ? 1 : 0) < 0 || st->drv->bind_text(p, 2, codes) < 0 ||
	    st->drv->bind_text(p, 3, leeg(s->agb)) < 0 ||
	    st->drv->bind_text(p, 4, leeg(f->maand)) < 0 ||
	    st->drv->bind_text(p, 5, leeg(f->agb)) < 0 ||
	    st->drv->bind_text(p, 6, leeg(f->gemeente)) < 0) {
		st->drv->reset(p);
		return rij_fout(st, -2);
	}
	return rij_alle(st, &betalingen, p, sizeof **out, vul, (void **)out, n);
}
