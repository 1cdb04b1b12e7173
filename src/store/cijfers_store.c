/* cijfers_store: see cijfers_store.h. */
#include "store/cijfers_store.h"

#include <stdio.h>
#include <stdlib.h>

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
	int rc;

	*out = NULL;
	*n = 0;
	if (!s)
		return rij_fout(st, -2);
	rc = rij_alle(st, &cijfers_aanbieders, s, sizeof **out, rij_vul_aanbieder, &arr, n);
	*out = arr;
	return rc;
}

/* The peildatum is required: a row without a valid one fails the read
 * (its own message, naming the row). */
static void vul_capaciteit(struct rij *r, void *e)
{
	struct capaciteit *c = e;
	char datum[16];

	c->id = rij_getal(r);
	rij_tekst(r, c->agb, sizeof c->agb);
	rij_tekst(r, c->productcode, sizeof c->productcode);
	rij_tekst(r, datum, sizeof datum);
	if (datum_parse(datum, &c->peildatum) < 0 && r->rc == 0)
		r->rc = store_set_error(r->st, "capaciteit %lld: peildatum '%s' is geen datum "
					"JJJJ-MM-DD", (long long)c->id, datum);
	c->vrije_plaatsen = (int)rij_getal(r);
	c->crisis_gereserveerd = (int)rij_getal(r);
}

int store_cijfers_capaciteit(struct store *st, struct capaciteit **out, size_t *n)
{
	struct db_stmt *s = st->drv->prepare(st->conn, &cijfers_capaciteit);
	void *arr = NULL;
	int rc;

	*out = NULL;
	*n = 0;
	if (!s)
		return rij_fout(st, -2);
	rc = rij_alle(st, &cijfers_capaciteit, s, sizeof **out, vul_capaciteit, &arr, n);
	*out = arr;
	return rc;
}
