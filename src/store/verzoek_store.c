/* verzoek_store: see verzoek_store.h. */
#include "store/verzoek_store.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/driver.h"
#include "store/rij.h"
#include "store/store.h"
#include "store/store_intern.h"

#define VERZOEK_KOLOMMEN \
	"v.id, v.bericht_id, v.soort, v.agb, v.gemeente, v.bsn, v.jeugdige_id, " \
	"v.referentie_aanbieder, v.dagtekening, v.status, b.ontvangen_op, a.naam, g.naam, " \
	"j.voornamen, j.achternaam FROM ijw_verzoek v " \
	"JOIN ijw_bericht b ON b.id = v.bericht_id " \
	"LEFT JOIN aanbieder a ON a.agb = v.agb " \
	"LEFT JOIN gemeente g ON g.code = v.gemeente " \
	"LEFT JOIN jeugdige j ON j.id = v.jeugdige_id "

static const struct sql_stmt verzoeken_wachtend = {
	"verzoeken_wachtend",
	"SELECT " VERZOEK_KOLOMMEN "WHERE v.status IN ('open', 'in_onderzoek') "
	"ORDER BY v.dagtekening, v.bericht_id, v.id",
};
static const struct sql_stmt verzoek_van_bericht = {
	"verzoek_van_bericht",
	"SELECT " VERZOEK_KOLOMMEN "WHERE v.bericht_id = $1 ORDER BY v.id",
};
static const struct sql_stmt verzoek_bericht_xml = {
	"verzoek_bericht_xml", "SELECT xml FROM ijw_bericht WHERE id = $1 AND xml IS NOT NULL",
};
static const struct sql_stmt verzoek_status_zet = {
	"verzoek_status_zet", "UPDATE ijw_verzoek SET status = $2 WHERE id = $1",
};
static const struct sql_stmt verzoek_toewijzingen_geldig = {
	"verzoek_toewijzingen_geldig",
	"SELECT nummer, jeugdige_id, agb, gemeente, categorie, productcode, toewijzingsdatum, "
	"ingangsdatum, einddatum, volume, eenheid, frequentie, budget, reden_wijziging, "
	"verwijzing_id FROM toewijzing WHERE jeugdige_id = $1 AND agb = $2 AND gemeente = $3 "
	"AND (einddatum IS NULL OR einddatum >= $4) ORDER BY nummer",
};
static const struct sql_stmt verzoek_toewijzing_wijzig = {
	"verzoek_toewijzing_wijzig",
	"UPDATE toewijzing SET toewijzingsdatum = $2, einddatum = $3, volume = $4, eenheid = $5, "
	"frequentie = $6, budget = $7, reden_wijziging = $8 WHERE nummer = $1",
};
static const struct sql_stmt verzoek_volgend_nummer = {
	"verzoek_volgend_nummer", "SELECT COALESCE(max(nummer), 0) + 1 FROM toewijzing",
};
static const struct sql_stmt verzoek_gedeclareerd = {
	"verzoek_gedeclareerd",
	"SELECT DISTINCT p.toewijzing_nummer FROM prestatie p JOIN toewijzing t "
	"ON t.nummer = p.toewijzing_nummer WHERE t.jeugdige_id = $1 AND t.agb = $2 "
	"AND p.goedgekeurd = 1 ORDER BY p.toewijzing_nummer",
};
static const struct sql_stmt verzoek_uit_alle = {
	"verzoek_uit_alle",
	"SELECT b.id, b.soort, b.identificatie, b.agb, b.xml FROM ijw_bericht b "
	"WHERE b.richting = 'uit' AND b.xml IS NOT NULL AND NOT EXISTS "
	"(SELECT 1 FROM ijw_export e WHERE e.bericht_id = b.id) ORDER BY b.id",
};
static const struct sql_stmt verzoek_uit_agb = {
	"verzoek_uit_agb",
	"SELECT b.id, b.soort, b.identificatie, b.agb, b.xml FROM ijw_bericht b "
	"WHERE b.richting = 'uit' AND b.xml IS NOT NULL AND b.agb = $1 AND NOT EXISTS "
	"(SELECT 1 FROM ijw_export e WHERE e.bericht_id = b.id) ORDER BY b.id",
};
static const struct sql_stmt verzoek_export_markeer = {
	"verzoek_export_markeer",
	"INSERT INTO ijw_export (bericht_id, geexporteerd_op) VALUES ($1, $2) "
	"ON CONFLICT (bericht_id) DO NOTHING",
};

static void vul_verzoek(struct rij *r, void *e)
{
	struct verzoek_rij *v = e;

	v->id = rij_getal(r);
	v->bericht_id = rij_getal(r);
	rij_tekst(r, v->soort, sizeof v->soort);
	rij_tekst(r, v->agb, sizeof v->agb);
	rij_tekst(r, v->gemeente, sizeof v->gemeente);
	rij_tekst(r, v->bsn, sizeof v->bsn);
	v->jeugdige_id = rij_getal(r);
	rij_tekst(r, v->referentie_aanbieder, sizeof v->referentie_aanbieder);
	v->dagtekening = rij_datum(r);
	rij_tekst(r, v->status, sizeof v->status);
	rij_tekst(r, v->ontvangen_op, sizeof v->ontvangen_op);
	rij_tekst(r, v->aanbieder_naam, sizeof v->aanbieder_naam);
	rij_tekst(r, v->gemeente_naam, sizeof v->gemeente_naam);
	rij_tekst(r, v->voornamen, sizeof v->voornamen);
	rij_tekst(r, v->achternaam, sizeof v->achternaam);
}

static void vul_toewijzing(struct rij *r, void *e)
{
	struct toewijzing *t = e;

	t->nummer = rij_getal(r);
	t->jeugdige_id = rij_getal(r);
	rij_tekst(r, t->agb, sizeof t->agb);
	rij_tekst(r, t->gemeente, sizeof t->gemeente);
	rij_tekst(r, t->categorie, sizeof t->categorie);
	rij_tekst(r, t->productcode, sizeof t->productcode);
	t->toewijzingsdatum = rij_datum(r);
	t->ingangsdatum = rij_datum(r);
	t->einddatum = rij_datum(r);
	t->volume = rij_getal(r);
	rij_tekst(r, t->eenheid, sizeof t->eenheid);
	rij_tekst(r, t->frequentie, sizeof t->frequentie);
	t->budget = rij_getal(r);
	rij_tekst(r, t->reden_wijziging, sizeof t->reden_wijziging);
	t->verwijzing_id = rij_getal(r);
}

static void vul_nummer(struct rij *r, void *e)
{
	*(int64_t *)e = rij_getal(r);
}

/* A text parameter as given (rij_bind_getal for the rest). */
static void b_txt(struct store *st, struct db_stmt *s, int pos, const char *v, int *rc)
{
	if (*rc >= 0)
		*rc = st->drv->bind_text(s, pos, v);
}

/* rij_alle after bindings that may have failed (rc < 0: reset s). */
static int alle(struct store *st, const struct sql_stmt *q, struct db_stmt *s, int rc,
		size_t sz, rij_vul_fn vul, void **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	if (rc < 0) {
		st->drv->reset(s);
		return rij_fout(st, rc);
	}
	return rij_alle(st, q, s, sz, vul, out, n);
}

int store_verzoeken_wachtend(struct store *st, struct verzoek_rij **out, size_t *n)
{
	struct db_stmt *s = st->drv->prepare(st->conn, &verzoeken_wachtend);

	*out = NULL;
	*n = 0;
	if (!s)
		return rij_fout(st, -2);
	return alle(st, &verzoeken_wachtend, s, 0, sizeof **out, vul_verzoek, (void **)out, n);
}

int store_verzoek_van_bericht(struct store *st, int64_t bericht_id, struct verzoek_rij **out,
			      size_t *n)
{
	struct db_stmt *s = st->drv->prepare(st->conn, &verzoek_van_bericht);
	int rc = 0;

	*out = NULL;
	*n = 0;
	if (!s)
		return rij_fout(st, -2);
	rij_bind_getal(st, s, 1, bericht_id, &rc);
	return alle(st, &verzoek_van_bericht, s, rc, sizeof **out, vul_verzoek, (void **)out, n);
}

int store_verzoek_bericht_xml(struct store *st, int64_t id, char **xml)
{
	struct db_stmt *s = st->drv->prepare(st->conn, &verzoek_bericht_xml);
	int rc = 0;

	*xml = NULL;
	if (!s)
		return rij_fout(st, -2);
	rij_bind_getal(st, s, 1, id, &rc);
	if (rc >= 0)
		rc = st->drv->step(s);
	if (rc == 1) {
		const char *x = st->drv->column_text(s, 0);

		if (!x || !(*xml = strdup(x))) {
			st->drv->reset(s);
			return store_set_error(st, "onvoldoende geheugen voor bericht %lld",
					       (long long)id);
		}
	}
	st->drv->reset(s);
	return rij_fout(st, rc);
}

int store_verzoek_status_zet(struct store *st, int64_t id, const char *status)
{
	struct db_stmt *s = st->drv->prepare(st->conn, &verzoek_status_zet);
	int rc = 0;

	if (!s)
		return rij_fout(st, -2);
	rij_bind_getal(st, s, 1, id, &rc);
	b_txt(st, s, 2, status, &rc);
	if (rc >= 0)
		rc = st->drv->step(s);
	st->drv->reset(s);
	return rij_fout(st, rc < 0 ? rc : 0);
}

int store_verzoek_toewijzingen_geldig(struct store *st, int64_t jeugdige_id, const char *agb,
				      const char *gemeente, dag_t vanaf, struct toewijzing **out,
				      size_t *n)
{
	struct db_stmt *s = st->drv->prepare(st->conn, &verzoek_toewijzingen_geldig);
	char d[11];
	int rc = 0;

	*out = NULL;
	*n = 0;
	if (!s)
		return rij_fout(st, -2);
	rij_bind_getal(st, s, 1, jeugdige_id, &rc);
	b_txt(st, s, 2, agb, &rc);
	b_txt(st, s, 3, gemeente, &rc);
	b_txt(st, s, 4, datum_fmt(vanaf, d), &rc);
	return alle(st, &verzoek_toewijzingen_geldig, s, rc, sizeof **out, vul_toewijzing,
		    (void **)out, n);
}

int store_verzoek_volgend_toewijzingnummer(struct store *st, int64_t *nummer)
{
	struct db_stmt *s = st->drv->prepare(st->conn, &verzoek_volgend_nummer);
	int rc;

	if (!s)
		return rij_fout(st, -2);
	rc = st->drv->step(s);
	if (rc == 1)
		*nummer = st->drv->column_int64(s, 0);
	st->drv->reset(s);
	return rij_fout(st, rc < 0 ? rc : 0);
}

int store_verzoek_gedeclareerd(struct store *st, int64_t jeugdige_id, const char *agb,
			       int64_t **out, size_t *n)
{
	struct db_stmt *s = st->drv->prepare(st->conn, &verzoek_gedeclareerd);
	int rc = 0;

	*out = NULL;
	*n = 0;
	if (!s)
		return rij_fout(st, -2);
	rij_bind_getal(st, s, 1, jeugdige_id, &rc);
	b_txt(st, s, 2, agb, &rc);
	return alle(st, &verzoek_gedeclareerd, s, rc, sizeof **out, vul_nummer, (void **)out, n);
}

void store_verzoek_uit_vrij(struct verzoek_uit *u, size_t n)
{
	for (size_t i = 0; u && i < n; i++)
		free(u[i].xml);
	free(u);
}

int store_verzoek_uit_te_exporteren(struct store *st, const char *agb, struct verzoek_uit **out,
				    size_t *n)
{
	const struct sql_stmt *q = agb && *agb ? &verzoek_uit_agb : &verzoek_uit_alle;
	struct db_stmt *s = st->drv->prepare(st->conn, q);
	struct verzoek_uit *a = NULL;
	size_t k = 0, cap = 0;
	bool geheugen = false;
	int rc = 0;

	*out = NULL;
	*n = 0;
	if (!s)
		return rij_fout(st, -2);
	if (agb && *agb)
		b_txt(st, s, 1, agb, &rc);
	while (rc >= 0 && (rc = st->drv->step(s)) == 1) {
		struct rij r = { st, s, q, 0, 0 };
		const char *x;

		if (k == cap) {
			size_t nc = cap ? 2 * cap : 16;
			struct verzoek_uit *na = realloc(a, nc * sizeof *na);

			if (!na) {
				geheugen = true;
				break;
			}
			a = na;
			cap = nc;
		}
		memset(&a[k], 0, sizeof a[k]);
		a[k].id = rij_getal(&r);
		rij_tekst(&r, a[k].soort, sizeof a[k].soort);
		rij_tekst(&r, a[k].identificatie, sizeof a[k].identificatie);
		rij_tekst(&r, a[k].agb, sizeof a[k].agb);
		x = st->drv->column_text(s, 4);
		if (r.rc < 0) {
			rc = r.rc;
			break;
		}
		if (!x || !(a[k].xml = strdup(x))) {
			geheugen = true;
			break;
		}
		k++;
	}
	st->drv->reset(s);
	if (geheugen || rc < 0) {
		store_verzoek_uit_vrij(a, k);
		return geheugen ? store_set_error(st, "onvoldoende geheugen voor de uitgaande "
						  "berichten") : rij_fout(st, rc);
	}
	*out = a;
	*n = k;
	return (int)k;
}

int store_verzoek_export_markeer(struct store *st, int64_t id, const char *nu)
{
	struct db_stmt *s = st->drv->prepare(st->conn, &verzoek_export_markeer);
	int rc = 0;

	if (!s)
		return rij_fout(st, -2);
	rij_bind_getal(st, s, 1, id, &rc);
	b_txt(st, s, 2, nu, &rc);
	if (rc >= 0)
		rc = st->drv->step(s);
	st->drv->reset(s);
	return rij_fout(st, rc < 0 ? rc : 0);
}

int store_verzoek_toewijzing_wijzig(struct store *st, const struct toewijzing *t)
{
	struct db_stmt *s = st->drv->prepare(st->conn, &verzoek_toewijzing_wijzig);
	char d1[11], d2[11];
	int rc = 0;

	if (!s)
		return rij_fout(st, -2);
	rij_bind_getal(st, s, 1, t->nummer, &rc);
	b_txt(st, s, 2, datum_fmt(t->toewijzingsdatum, d1), &rc);
	if (t->einddatum == DAG_GEEN) {
		if (rc >= 0)
			rc = st->drv->bind_null(s, 3);
	} else {
		b_txt(st, s, 3, datum_fmt(t->einddatum, d2), &rc);
	}
	rij_bind_getal(st, s, 4, t->volume, &rc);
	rij_bind_tekst_of_null(st, s, 5, t->eenheid, &rc);
	rij_bind_tekst_of_null(st, s, 6, t->frequentie, &rc);
	rij_bind_getal(st, s, 7, t->budget, &rc);
	rij_bind_tekst_of_null(st, s, 8, t->reden_wijziging, &rc);
	if (rc >= 0)
		rc = st->drv->step(s);
	st->drv->reset(s);
	return rij_fout(st, rc < 0 ? rc : 0);
}
