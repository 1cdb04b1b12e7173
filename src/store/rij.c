/* rij: see rij.h. */
#include "store/rij.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store.h"

int rij_fout(struct store *st, int rc)
{
	if (rc < 0)
		snprintf(st->err, sizeof st->err, "%s", st->drv->error(st->conn));
	return rc;
}

void rij_bind_getal(struct store *st, struct db_stmt *s, int pos, int64_t v, int *rc)
{
	if (*rc >= 0)
		*rc = st->drv->bind_int64(s, pos, v);
}

void rij_bind_id(struct store *st, struct db_stmt *s, int pos, int64_t v, int *rc)
{
	if (*rc >= 0)
		*rc = v ? st->drv->bind_int64(s, pos, v) : st->drv->bind_null(s, pos);
}

void rij_bind_tekst_of_null(struct store *st, struct db_stmt *s, int pos, const char *v, int *rc)
{
	if (*rc >= 0)
		*rc = v && *v ? st->drv->bind_text(s, pos, v) : st->drv->bind_null(s, pos);
}

void rij_bind_dag(struct store *st, struct db_stmt *s, int pos, dag_t d, char buf[11], int *rc)
{
	if (*rc < 0)
		return;
	*rc = d == DAG_GEEN ? st->drv->bind_null(s, pos)
			    : st->drv->bind_text(s, pos, datum_fmt(d, buf));
}

int rij_klaar(struct store *st, struct db_stmt *s, int rc)
{
	if (rc >= 0)
		rc = st->drv->step(s);
	st->drv->reset(s);
	return rij_fout(st, rc < 0 ? rc : 0);
}

void rij_kolom_tekst(struct store *st, struct db_stmt *s, int col, char *dst, size_t n)
{
	const char *v = st->drv->column_text(s, col);
	size_t len = v ? strlen(v) : 0;

	if (len >= n)
		len = n - 1;
	if (len)
		memcpy(dst, v, len);
	dst[len] = '\0';
}

int rij_kolom_past(struct store *st, struct db_stmt *s, int col, char *dst, size_t n)
{
	const char *v = st->drv->column_text(s, col);
	size_t len = v ? strlen(v) : 0;

	if (len >= n)
		return store_set_error(st, "kolom %d: waarde van %zu tekens past niet in %zu",
				       col, len, n - 1);
	memcpy(dst, v ? v : "", len + 1);
	return 0;
}

int64_t rij_getal(struct rij *r)
{
	return r->st->drv->column_int64(r->s, r->col++);
}

int rij_is_null(const struct rij *r)
{
	return r->st->drv->column_is_null(r->s, r->col);
}

void rij_tekst(struct rij *r, char *dst, size_t n)
{
	rij_kolom_tekst(r->st, r->s, r->col++, dst, n);
}

dag_t rij_datum(struct rij *r)
{
	int col = r->col++;
	const char *v = r->st->drv->column_text(r->s, col);
	dag_t d;

	if (!v)
		return DAG_GEEN;
	if (datum_parse(v, &d) == 0)
		return d;
	if (r->rc == 0) {
		snprintf(r->st->err, sizeof r->st->err,
			 "%s: kolom %d bevat '%.20s', geen datum JJJJ-MM-DD", r->q->name, col + 1, v);
		r->rc = -2;
	}
	return DAG_GEEN;
}

void rij_vul_gemeente(struct rij *r, void *e)
{
	struct gemeente *g = e;

	rij_tekst(r, g->code, sizeof g->code);
	rij_tekst(r, g->naam, sizeof g->naam);
	rij_tekst(r, g->subregio, sizeof g->subregio);
	g->inwoners = rij_getal(r);
	g->jeugdigen_0_17 = rij_getal(r);
}

void rij_vul_jeugdige(struct rij *r, void *e)
{
	struct jeugdige *j = e;

	j->id = rij_getal(r);
	rij_tekst(r, j->bsn, sizeof j->bsn);
	j->geboortedatum = rij_datum(r);
	j->geslacht = (int)rij_getal(r);
	rij_tekst(r, j->voornamen, sizeof j->voornamen);
	rij_tekst(r, j->achternaam, sizeof j->achternaam);
	j->gezin_id = rij_getal(r);
}

void rij_traject_verloop(struct rij *r, struct traject *t)
{
	int64_t status = rij_getal(r);

	/* The schema's CHECK keeps status in range; a row from another tool
	 * that is not would make an invalid enum value. */
	if (status < 0 || status >= TRAJECT_STATUS_AANTAL) {
		if (r->rc == 0) {
			snprintf(r->st->err, sizeof r->st->err, "traject %lld: onbekende status %lld",
				 (long long)t->id, (long long)status);
			r->rc = -2;
		}
		status = 0;
	}
	t->status = (enum traject_status)status;
	t->aanmelddatum = rij_datum(r);
	t->intakedatum = rij_datum(r);
	t->begindatum = rij_datum(r);
	t->einddatum = rij_datum(r);
	rij_tekst(r, t->reden_beeindiging, sizeof t->reden_beeindiging);
	t->overbrugging = rij_getal(r) != 0;
	t->veiligheidssignaal = rij_getal(r) != 0;
}

void rij_traject_kop(struct rij *r, struct traject *t)
{
	t->id = rij_getal(r);
	t->jeugdige_id = rij_getal(r);
	t->toewijzing_nummer = rij_getal(r);
	rij_tekst(r, t->agb, sizeof t->agb);
	t->team_id = rij_getal(r);
	rij_tekst(r, t->gemeente, sizeof t->gemeente);
	t->segment = (int)rij_getal(r);
	rij_tekst(r, t->categorie, sizeof t->categorie);
	rij_tekst(r, t->productcode, sizeof t->productcode);
	t->groep = rij_getal(r) != 0;
	t->verwijzing_id = rij_getal(r);
}

void rij_vul_traject(struct rij *r, void *e)
{
	struct traject *t = e;

	rij_traject_kop(r, t);
	rij_tekst(r, t->verwijzer, sizeof t->verwijzer);
	rij_traject_verloop(r, t);
}

void rij_vul_schoolstatus(struct rij *r, void *e)
{
	struct schoolstatus *s = e;

	s->id = rij_getal(r);
	s->jeugdige_id = rij_getal(r);
	s->niet_naar_school_sinds = rij_datum(r);
	s->tot = rij_datum(r);
}

void rij_vul_besluit(struct rij *r, void *e)
{
	struct zorgelijk_besluit *z = e;

	z->id = rij_getal(r);
	z->traject_id = rij_getal(r);
	z->tijdstip = rij_getal(r);
	z->bevestigd = rij_getal(r) != 0;
	rij_tekst(r, z->reden, sizeof z->reden);
	rij_tekst(r, z->door, sizeof z->door);
}

void rij_vul_aanbieder(struct rij *r, void *e)
{
	struct aanbieder *a = e;

	rij_tekst(r, a->agb, sizeof a->agb);
	rij_tekst(r, a->naam, sizeof a->naam);
	a->netwerk_id = rij_getal(r);
}

void rij_vul_netwerk(struct rij *r, void *e)
{
	struct netwerk *n = e;

	n->id = rij_getal(r);
	rij_tekst(r, n->naam, sizeof n->naam);
}

/* Room for element n of *arr (capacity *cap, elements of sz bytes),
 * doubling so that a load of n rows costs O(n) copying. */
static int groei(struct store *st, const struct sql_stmt *q, void **arr, size_t *cap, size_t n,
		 size_t sz)
{
	size_t nc;
	void *p;

	if (n < *cap)
		return 0;
	nc = *cap ? *cap * 2 : 16;
	p = nc < *cap || nc > SIZE_MAX / sz ? NULL : realloc(*arr, nc * sz);
	if (!p)
		return store_set_error(st, "%s: onvoldoende geheugen voor %zu rijen", q->name, nc);
	*arr = p;
	*cap = nc;
	return 0;
}

int rij_alle(struct store *st, const struct sql_stmt *q, struct db_stmt *s, size_t sz,
	     rij_vul_fn vul, void **out, size_t *n)
{
	void *arr = NULL;
	size_t cnt = 0, cap = 0;
	int rc;

	while ((rc = rij_fout(st, st->drv->step(s))) == 1) {
		struct rij r = { st, s, q, 0, 0 };
		void *e;

		rc = groei(st, q, &arr, &cap, cnt, sz);
		if (rc < 0)
			break;
		e = (char *)arr + cnt * sz;
		memset(e, 0, sz);
		vul(&r, e);
		rc = r.rc;
		if (rc < 0)
			break;
		cnt++;
	}
	st->drv->reset(s);
	if (rc < 0) {
		free(arr);
		*out = NULL;
		*n = 0;
		return rc;
	}
	*out = arr;
	*n = cnt;
	return cnt > INT32_MAX ? INT32_MAX : (int)cnt;
}
