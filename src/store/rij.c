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
