/* cijfers_store: see cijfers_store.h. */
#include "store/cijfers_store.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/datum.h"
#include "store/driver.h"
#include "store/rij.h"
#include "store/store.h"
#include "store/store_intern.h"

static const struct sql_stmt cijfers_aanbieders = {
	"cijfers_aanbieders",
	"SELECT agb, naam, netwerk_id FROM aanbieder ORDER BY agb",
};

static const struct sql_stmt cijfers_capaciteit = {
	"cijfers_capaciteit",
	"SELECT id, agb, productcode, peildatum, vrije_plaatsen, crisis_gereserveerd "
	"FROM capaciteit ORDER BY agb, peildatum, productcode, id",
};

/* Room for one more element of size sz in *arr (capacity *cap, count n). */
static int ruimte(struct store *st, void **arr, size_t *cap, size_t n, size_t sz)
{
	size_t nc;
	void *p;

	if (n < *cap)
		return 0;
	nc = *cap ? *cap * 2 : 64;
	if (nc > SIZE_MAX / sz || !(p = realloc(*arr, nc * sz))) {
		snprintf(st->err, sizeof st->err, "onvoldoende geheugen voor %zu rijen", nc);
		return -2;
	}
	*arr = p;
	*cap = nc;
	return 0;
}

int store_data_versie_verhoog(struct store *st)
{
	char buf[32];
	unsigned long long v = 0;
	int rc = store_meta_get(st, STORE_DATA_VERSIE, buf, sizeof buf);

	if (rc < 0)
		return rc;
	if (rc == 1) {
		char *eind;

		v = strtoull(buf, &eind, 10);
		if (*eind != '\0' || buf[0] == '\0')
			return store_set_error(st, "meta %s: '%s' is geen getal", STORE_DATA_VERSIE, buf);
	}
	snprintf(buf, sizeof buf, "%llu", v + 1);
	rc = store_meta_set(st, STORE_DATA_VERSIE, buf);
	return rc < 0 ? rc : 0;
}

int store_cijfers_aanbieders(struct store *st, struct aanbieder **out, size_t *n)
{
	struct db_stmt *s = st->drv->prepare(st->conn, &cijfers_aanbieders);
	void *arr = NULL;
	size_t cnt = 0, cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (!s)
		return rij_fout(st, -2);
	while ((rc = rij_fout(st, st->drv->step(s))) == 1) {
		struct aanbieder *a;

		if ((rc = ruimte(st, &arr, &cap, cnt, sizeof *a)) < 0)
			break;
		a = (struct aanbieder *)arr + cnt++;
		memset(a, 0, sizeof *a);
		rij_kolom_tekst(st, s, 0, a->agb, sizeof a->agb);
		rij_kolom_tekst(st, s, 1, a->naam, sizeof a->naam);
		a->netwerk_id = st->drv->column_int64(s, 2);
	}
	st->drv->reset(s);
	if (rc < 0) {
		free(arr);
		return rc;
	}
	*out = arr;
	*n = cnt;
	return cnt > INT32_MAX ? INT32_MAX : (int)cnt;
}

int store_cijfers_capaciteit(struct store *st, struct capaciteit **out, size_t *n)
{
	struct db_stmt *s = st->drv->prepare(st->conn, &cijfers_capaciteit);
	void *arr = NULL;
	size_t cnt = 0, cap = 0;
	char datum[16];
	int rc;

	*out = NULL;
	*n = 0;
	if (!s)
		return rij_fout(st, -2);
	while ((rc = rij_fout(st, st->drv->step(s))) == 1) {
		struct capaciteit *c;

		if ((rc = ruimte(st, &arr, &cap, cnt, sizeof *c)) < 0)
			break;
		c = (struct capaciteit *)arr + cnt++;
		memset(c, 0, sizeof *c);
		c->id = st->drv->column_int64(s, 0);
		rij_kolom_tekst(st, s, 1, c->agb, sizeof c->agb);
		rij_kolom_tekst(st, s, 2, c->productcode, sizeof c->productcode);
		rij_kolom_tekst(st, s, 3, datum, sizeof datum);
		if (datum_parse(datum, &c->peildatum) < 0) {
			snprintf(st->err, sizeof st->err, "capaciteit %lld: peildatum '%s' is geen "
				 "datum JJJJ-MM-DD", (long long)c->id, datum);
			rc = -2;
			break;
		}
		c->vrije_plaatsen = (int)st->drv->column_int64(s, 4);
		c->crisis_gereserveerd = (int)st->drv->column_int64(s, 5);
	}
	st->drv->reset(s);
	if (rc < 0) {
		free(arr);
		return rc;
	}
	*out = arr;
	*n = cnt;
	return cnt > INT32_MAX ? INT32_MAX : (int)cnt;
}
