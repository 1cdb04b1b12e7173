/* garp_store: see garp_store.h. */
#include "store/garp_store.h"

#include "store/driver.h"
#include "store/rij.h"
#include "store/store.h"
#include "store/store_intern.h"

static const struct sql_stmt garp_gezinnen = {
	"garp_gezinnen",
	"SELECT id, CASE WHEN regisseur IS NULL OR regisseur = '' THEN 0 ELSE 1 END, "
	"analyse_datum FROM gezin ORDER BY id",
};

static void vul_gezin(struct rij *r, void *e)
{
	struct garp_gezin *g = e;

	g->id = rij_getal(r);
	g->heeft_regisseur = rij_getal(r) != 0;
	g->analyse_datum = rij_datum(r);
}

int store_garp_gezinnen(struct store *st, struct garp_gezin **out, size_t *n)
{
	struct db_stmt *s = st->drv->prepare(st->conn, &garp_gezinnen);
	void *arr = NULL;
	int rc;

	*out = NULL;
	*n = 0;
	if (!s)
		return rij_fout(st, -2);
	rc = rij_alle(st, &garp_gezinnen, s, sizeof **out, vul_gezin, &arr, n);
	*out = arr;
	return rc;
}
