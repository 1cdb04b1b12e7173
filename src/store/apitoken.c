/* apitoken: see apitoken.h. */
#include "store/apitoken.h"

#include <stdint.h>
#include <string.h>

#include "store/driver.h"
#include "store/rij.h"
#include "store/store_intern.h"

static const struct sql_stmt api_token_naam_geldig = {
	"api_token_naam_geldig",
	"SELECT count(*) FROM api_token WHERE naam = $1 AND ingetrokken IS NULL",
};
static const struct sql_stmt api_token_lijst = {
	"api_token_lijst",
	"SELECT naam, soort, waarde, aangemaakt, ingetrokken FROM api_token "
	"ORDER BY naam, aangemaakt, token_hash",
};
static const struct sql_stmt api_token_intrekken_naam = {
	"api_token_intrekken_naam",
	"UPDATE api_token SET ingetrokken = $2 WHERE naam = $1 AND ingetrokken IS NULL",
};

/* The number of valid tokens called naam. */
static int geldig_met_naam(struct store *st, const char *naam)
{
	struct db_stmt *s = st->drv->prepare(st->conn, &api_token_naam_geldig);
	int64_t n = 0;
	int rc;

	if (!s)
		return rij_fout(st, -2);
	if (st->drv->bind_text(s, 1, naam) < 0) {
		st->drv->reset(s);
		return rij_fout(st, -2);
	}
	rc = rij_fout(st, st->drv->step(s));
	if (rc == 1)
		n = st->drv->column_int64(s, 0);
	st->drv->reset(s);
	if (rc < 0)
		return rc;
	return n > 0 ? 1 : 0;
}

int store_api_token_nieuw(struct store *st, const struct api_token *t)
{
	int rc;

	if (!memchr(t->naam, '\0', sizeof t->naam) || !t->naam[0])
		return store_set_error(st, "de naam van het API-token ontbreekt of is te lang");
	rc = geldig_met_naam(st, t->naam);
	if (rc < 0)
		return rc;
	if (rc > 0)
		return store_set_error(st, "er is al een geldig API-token met de naam '%s'; kies "
				       "een andere naam of trek het oude eerst in (jeugdregie "
				       "token revoke --naam %s)", t->naam, t->naam);
	return store_api_token_maak(st, t);
}

/* A longer value is an error rather than cut: names and timestamps the
 * schema bounds. */
static void vul_token(struct rij *r, void *e)
{
	struct api_token *t = e;

	if (rij_kolom_past(r->st, r->s, 0, t->naam, sizeof t->naam) < 0 ||
	    rij_kolom_past(r->st, r->s, 1, t->soort, sizeof t->soort) < 0 ||
	    rij_kolom_past(r->st, r->s, 2, t->waarde, sizeof t->waarde) < 0 ||
	    rij_kolom_past(r->st, r->s, 3, t->aangemaakt, sizeof t->aangemaakt) < 0 ||
	    rij_kolom_past(r->st, r->s, 4, t->ingetrokken, sizeof t->ingetrokken) < 0)
		r->rc = -2;
}

int store_api_token_list(struct store *st, struct api_token **out)
{
	struct db_stmt *s = st->drv->prepare(st->conn, &api_token_lijst);
	void *arr = NULL;
	size_t n;
	int rc;

	*out = NULL;
	if (!s)
		return rij_fout(st, -2);
	rc = rij_alle(st, &api_token_lijst, s, sizeof **out, vul_token, &arr, &n);
	*out = arr;
	return rc;
}

int store_api_token_intrekken_naam(struct store *st, const char *naam)
{
	struct db_stmt *s;
	char nu[21];
	int rc = geldig_met_naam(st, naam);

	if (rc <= 0)
		return rc;
	s = st->drv->prepare(st->conn, &api_token_intrekken_naam);
	if (!s)
		return rij_fout(st, -2);
	store_nu_iso(nu);
	if (st->drv->bind_text(s, 1, naam) < 0 || st->drv->bind_text(s, 2, nu) < 0) {
		st->drv->reset(s);
		return rij_fout(st, -2);
	}
	rc = rij_fout(st, st->drv->step(s));
	st->drv->reset(s);
	return rc < 0 ? rc : 1;
}
