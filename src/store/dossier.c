/* dossier: see dossier.h. */
#include "store/dossier.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/driver.h"
#include "store/rij.h"
#include "store/scope.h"
#include "store/store.h"
#include "store/store_intern.h"
#include "store/wachtlijst_store.h"

/* ---- the list ----------------------------------------------------------
 *
 * Parameters: $1 every youth (1/0), $2 the scope's gemeenten ",A,B," (","
 * none), $3 the scope's AGB ("" none), $4 a LIKE pattern on the lower-case
 * name ("" none; '!' escapes), $5 a BSN ("" none), $6 the woongemeente
 * ("" none), $7 a provider's AGB ("" none), $8 status (0 all, 1 waiting,
 * 2 in care); the page: $9 LIMIT, $10 OFFSET. Status numbers are those of
 * enum traject_status: 0 aangemeld, 1 intake, 2 gestart.
 */

/* The latest woonplaats of youth j. */
#define WOONGEMEENTE \
	"(SELECT w.gemeente FROM woonplaats w WHERE w.jeugdige_id = j.id " \
	"ORDER BY w.vanaf DESC LIMIT 1)"

#define JEUGDIGEN_WAAR \
	" FROM jeugdige j WHERE ($1 = 1" \
	" OR ($2 <> ',' AND (" \
	"EXISTS (SELECT 1 FROM woonplaats w WHERE w.jeugdige_id = j.id" \
	" AND $2 LIKE '%,' || w.gemeente || ',%')" \
	" OR EXISTS (SELECT 1 FROM traject t WHERE t.jeugdige_id = j.id" \
	" AND $2 LIKE '%,' || t.gemeente || ',%')" \
	" OR EXISTS (SELECT 1 FROM toewijzing z WHERE z.jeugdige_id = j.id" \
	" AND $2 LIKE '%,' || z.gemeente || ',%')))" \
	" OR ($3 <> '' AND (" \
	"EXISTS (SELECT 1 FROM traject t WHERE t.jeugdige_id = j.id AND t.agb = $3)" \
	" OR EXISTS (SELECT 1 FROM toewijzing z WHERE z.jeugdige_id = j.id AND z.agb = $3))))" \
	" AND ($4 = '' OR lower(COALESCE(j.voornamen, '') || ' ' || j.achternaam)" \
	" LIKE $4 ESCAPE '!')" \
	" AND ($5 = '' OR j.bsn = $5)" \
	" AND ($6 = '' OR " WOONGEMEENTE " = $6)" \
	" AND ($7 = '' OR EXISTS (SELECT 1 FROM traject t WHERE t.jeugdige_id = j.id" \
	" AND t.agb = $7)" \
	" OR EXISTS (SELECT 1 FROM toewijzing z WHERE z.jeugdige_id = j.id AND z.agb = $7))" \
	" AND ($8 = 0" \
	" OR ($8 = 1 AND EXISTS (SELECT 1 FROM traject t WHERE t.jeugdige_id = j.id" \
	" AND t.status IN (0, 1)))" \
	" OR ($8 = 2 AND EXISTS (SELECT 1 FROM traject t WHERE t.jeugdige_id = j.id" \
	" AND t.status = 2)))"

#define JEUGDIGEN_KOLOMMEN \
	"SELECT j.id, j.voornamen, j.achternaam, j.geboortedatum, " WOONGEMEENTE ", " \
	"(SELECT g.naam FROM gemeente g WHERE g.code = " WOONGEMEENTE "), " \
	"(SELECT count(*) FROM traject t WHERE t.jeugdige_id = j.id AND t.status = 2), " \
	"(SELECT count(*) FROM traject t WHERE t.jeugdige_id = j.id AND t.status IN (0, 1))"

#define JEUGDIGEN_PAGINA " LIMIT $9 OFFSET $10"

static const struct sql_stmt jeugdigen_telt = {
	"jeugdigen_telt", "SELECT count(*)" JEUGDIGEN_WAAR,
};

/* One statement per sort order and direction (enum dossier_sorteer x
 * aflopend), never caller text in ORDER BY. */
static const struct sql_stmt jeugdigen_lijst[3][2] = {
	[DOSSIER_SORTEER_NAAM] = {
		{ "jeugdigen_naam", JEUGDIGEN_KOLOMMEN JEUGDIGEN_WAAR
		  " ORDER BY lower(j.achternaam), lower(COALESCE(j.voornamen, '')), j.id"
		  JEUGDIGEN_PAGINA },
		{ "jeugdigen_naam_af", JEUGDIGEN_KOLOMMEN JEUGDIGEN_WAAR
		  " ORDER BY lower(j.achternaam) DESC, lower(COALESCE(j.voornamen, '')) DESC,"
		  " j.id DESC" JEUGDIGEN_PAGINA },
	},
	[DOSSIER_SORTEER_GEBOORTEDATUM] = {
		{ "jeugdigen_geboortedatum", JEUGDIGEN_KOLOMMEN JEUGDIGEN_WAAR
		  " ORDER BY j.geboortedatum, j.id" JEUGDIGEN_PAGINA },
		{ "jeugdigen_geboortedatum_af", JEUGDIGEN_KOLOMMEN JEUGDIGEN_WAAR
		  " ORDER BY j.geboortedatum DESC, j.id DESC" JEUGDIGEN_PAGINA },
	},
	[DOSSIER_SORTEER_ID] = {
		{ "jeugdigen_id", JEUGDIGEN_KOLOMMEN JEUGDIGEN_WAAR
		  " ORDER BY j.id" JEUGDIGEN_PAGINA },
		{ "jeugdigen_id_af", JEUGDIGEN_KOLOMMEN JEUGDIGEN_WAAR
		  " ORDER BY j.id DESC" JEUGDIGEN_PAGINA },
	},
};

/* ---- one youth's file ------------------------------------------------
 *
 * $1 the youth's id; $2 an AGB ("" none) that narrows the care to one
 * provider (dossier.h).
 */

static const struct sql_stmt dossier_jeugdige = {
	"dossier_jeugdige",
	"SELECT j.id, j.bsn, j.geboortedatum, j.geslacht, j.voornamen, j.achternaam, j.gezin_id, "
	"g.id, g.regisseur, g.regisseur_team_id, lt.naam, g.analyse_datum, g.plan_datum "
	"FROM jeugdige j LEFT JOIN gezin g ON g.id = j.gezin_id "
	"LEFT JOIN lokaal_team lt ON lt.id = g.regisseur_team_id WHERE j.id = $1",
};
static const struct sql_stmt dossier_woonplaatsen = {
	"dossier_woonplaatsen",
	"SELECT w.gemeente, gm.naam, w.vanaf, w.tot FROM woonplaats w "
	"LEFT JOIN gemeente gm ON gm.code = w.gemeente WHERE w.jeugdige_id = $1 "
	"ORDER BY w.vanaf",
};
static const struct sql_stmt dossier_verwijzingen = {
	"dossier_verwijzingen",
	"SELECT v.id, v.datum, v.type, v.gemeente, gm.naam, v.reden, v.team_id, lt.naam "
	"FROM verwijzing v LEFT JOIN gemeente gm ON gm.code = v.gemeente "
	"LEFT JOIN lokaal_team lt ON lt.id = v.team_id WHERE v.jeugdige_id = $1 AND ($2 = '' "
	"OR EXISTS (SELECT 1 FROM toewijzing z WHERE z.verwijzing_id = v.id AND z.agb = $2) "
	"OR EXISTS (SELECT 1 FROM traject t WHERE t.verwijzing_id = v.id AND t.agb = $2)) "
	"ORDER BY v.datum, v.id",
};
static const struct sql_stmt dossier_toewijzingen = {
	"dossier_toewijzingen",
	"SELECT z.nummer, z.agb, a.naam, z.gemeente, z.categorie, z.productcode, p.omschrijving, "
	"z.toewijzingsdatum, z.ingangsdatum, z.einddatum, z.volume, z.eenheid, z.frequentie, "
	"z.budget, z.reden_wijziging, z.verwijzing_id FROM toewijzing z "
	"LEFT JOIN aanbieder a ON a.agb = z.agb LEFT JOIN product p ON p.code = z.productcode "
	"WHERE z.jeugdige_id = $1 AND ($2 = '' OR z.agb = $2) ORDER BY z.ingangsdatum, z.nummer",
};
static const struct sql_stmt dossier_trajecten = {
	"dossier_trajecten",
	"SELECT t.id, t.toewijzing_nummer, t.agb, a.naam, t.team_id, lt.naam, t.gemeente, "
	"gm.naam, t.segment, sg.naam, t.categorie, t.productcode, p.omschrijving, t.groep, "
	"t.verwijzing_id, v.type, t.status, t.aanmelddatum, t.intakedatum, t.begindatum, "
	"t.einddatum, t.reden_beeindiging, t.overbrugging, t.veiligheidssignaal "
	"FROM traject t LEFT JOIN aanbieder a ON a.agb = t.agb "
	"LEFT JOIN lokaal_team lt ON lt.id = t.team_id "
	"LEFT JOIN gemeente gm ON gm.code = t.gemeente "
	"LEFT JOIN segment sg ON sg.nr = t.segment "
	"LEFT JOIN product p ON p.code = t.productcode "
	"LEFT JOIN verwijzing v ON v.id = t.verwijzing_id "
	"WHERE t.jeugdige_id = $1 AND ($2 = '' OR t.agb = $2) "
	"ORDER BY COALESCE(t.aanmelddatum, t.begindatum), t.id",
};
static const struct sql_stmt dossier_schoolstatus = {
	"dossier_schoolstatus",
	"SELECT id, niet_naar_school_sinds, tot FROM schoolstatus WHERE jeugdige_id = $1 "
	"ORDER BY niet_naar_school_sinds, id",
};
static const struct sql_stmt dossier_perspectiefplannen = {
	"dossier_perspectiefplannen",
	"SELECT datum FROM perspectiefplan WHERE jeugdige_id = $1 ORDER BY datum",
};
static const struct sql_stmt dossier_prestaties = {
	"dossier_prestaties",
	"SELECT p.id, p.declaratie_id, d.nummer, d.agb, a.naam, p.referentie, p.traject_id, "
	"p.toewijzing_nummer, p.categorie, p.productcode, p.periode_begin, p.periode_eind, "
	"p.volume, p.eenheid, p.tarief, p.bedrag, p.retourcode, p.goedgekeurd "
	"FROM prestatie p JOIN declaratie d ON d.id = p.declaratie_id "
	"LEFT JOIN aanbieder a ON a.agb = d.agb "
	"WHERE p.jeugdige_id = $1 AND ($2 = '' OR d.agb = $2) ORDER BY p.periode_begin, p.id",
};

/* The rows of q for youth id (and $2 = agb when agb is not NULL), each
 * of grootte bytes filled by vul, into a new array *out of *n. Returns
 * *n or -1/-2 (then *out is NULL, *n 0). */
static int lees(struct store *st, const struct sql_stmt *q, int64_t id, const char *agb,
		size_t grootte, rij_vul_fn vul, void **out, size_t *n)
{
	struct db_stmt *s = st->drv->prepare(st->conn, q);

	*out = NULL;
	*n = 0;
	if (!s)
		return rij_fout(st, -2);
	if (st->drv->bind_int64(s, 1, id) < 0 || (agb && st->drv->bind_text(s, 2, agb) < 0)) {
		st->drv->reset(s);
		return rij_fout(st, -2);
	}
	return rij_alle(st, q, s, grootte, vul, out, n);
}

/* ---- the list ------------------------------------------------------------- */

/* A LIKE pattern "%zoek%" on lower-case text, with '!', '%' and '_'
 * escaped by '!'. -1 when it does not fit. */
static int naam_patroon(const char *zoek, char *out, size_t n)
{
	size_t k = 0;

	if (n < 3)
		return -1;
	out[k++] = '%';
	for (const char *p = zoek; *p; p++) {
		if (k + 3 >= n)
			return -1;
		if (*p == '!' || *p == '%' || *p == '_')
			out[k++] = '!';
		out[k++] = (char)tolower((unsigned char)*p);
	}
	out[k++] = '%';
	out[k] = '\0';
	return 0;
}

static bool is_bsn_vorm(const char *s)
{
	return strlen(s) == 9 && strspn(s, "0123456789") == 9;
}

/* Bind $1..$8 of the list statements (see above) from s and z into q. */
static int bind_filter(struct store *st, struct db_stmt *q, const struct store_scope *s,
		       const struct dossier_zoek *z, const char *codes, const char *patroon,
		       const char *bsn)
{
	const struct db_driver *d = st->drv;
	int64_t status = 0;

	switch (z->status) {
	case DOSSIER_STATUS_ALLE:
		status = 0;
		break;
	case DOSSIER_STATUS_WACHTEND:
		status = 1;
		break;
	case DOSSIER_STATUS_IN_ZORG:
		status = 2;
		break;
	}
	if (d->bind_int64(q, 1, s->alles ? 1 : 0) < 0 || d->bind_text(q, 2, codes) < 0 ||
	    d->bind_text(q, 3, s->agb ? s->agb : "") < 0 || d->bind_text(q, 4, patroon) < 0 ||
	    d->bind_text(q, 5, bsn) < 0 || d->bind_text(q, 6, z->gemeente ? z->gemeente : "") < 0 ||
	    d->bind_text(q, 7, z->aanbieder ? z->aanbieder : "") < 0 ||
	    d->bind_int64(q, 8, status) < 0)
		return -2;
	return 0;
}

static void vul_regel(struct rij *r, void *e)
{
	struct dossier_regel *g = e;

	g->id = rij_getal(r);
	rij_tekst(r, g->voornamen, sizeof g->voornamen);
	rij_tekst(r, g->achternaam, sizeof g->achternaam);
	g->geboortedatum = rij_datum(r);
	rij_tekst(r, g->woongemeente, sizeof g->woongemeente);
	rij_tekst(r, g->woongemeente_naam, sizeof g->woongemeente_naam);
	g->n_actief = rij_getal(r);
	g->n_wachtend = rij_getal(r);
}

int store_jeugdigen(struct store *st, const struct store_scope *s,
		    const struct dossier_zoek *z, struct dossier_regel **out, size_t *n,
		    int64_t *totaal)
{
	char codes[SCOPE_CODES_MAX], patroon[3 * DOSSIER_ZOEK_MAX + 3];
	const char *zoek = z->zoek ? z->zoek : "", *bsn = "";
	const struct sql_stmt *q;
	struct db_stmt *p;
	void *m = NULL;
	int rc;

	*out = NULL;
	*n = 0;
	*totaal = 0;
	patroon[0] = '\0';
	if (s->alles || s->n == 0) {
		snprintf(codes, sizeof codes, ",");
	} else if (scope_codes(s->gemeenten, s->n, codes) < 0) {
		return store_set_error(st, "te veel gemeenten in de scope (%zu)", s->n);
	}
	if (is_bsn_vorm(zoek))
		bsn = zoek;
	else if (*zoek && naam_patroon(zoek, patroon, sizeof patroon) < 0)
		return store_set_error(st, "zoektekst te lang (meer dan %d tekens)",
				       DOSSIER_ZOEK_MAX - 1);

	p = st->drv->prepare(st->conn, &jeugdigen_telt);
	if (!p)
		return rij_fout(st, -2);
	if (bind_filter(st, p, s, z, codes, patroon, bsn) < 0) {
		st->drv->reset(p);
		return rij_fout(st, -2);
	}
	rc = rij_fout(st, st->drv->step(p));
	if (rc == 1)
		*totaal = st->drv->column_int64(p, 0);
	st->drv->reset(p);
	if (rc < 0)
		return rc;

	q = &jeugdigen_lijst[z->sorteer][z->aflopend ? 1 : 0];
	p = st->drv->prepare(st->conn, q);
	if (!p)
		return rij_fout(st, -2);
	if (bind_filter(st, p, s, z, codes, patroon, bsn) < 0 ||
	    st->drv->bind_int64(p, 9, z->limiet) < 0 || st->drv->bind_int64(p, 10, z->offset) < 0) {
		st->drv->reset(p);
		return rij_fout(st, -2);
	}
	/* Through m: rij_alle writes a void *, not a typed pointer. */
	rc = rij_alle(st, q, p, sizeof **out, vul_regel, &m, n);
	*out = m;
	return rc;
}

/* ---- one youth's file --------------------------------------------------- */

static void vul_woonplaats(struct rij *r, void *e)
{
	struct dossier_woonplaats *w = e;

	rij_tekst(r, w->w.gemeente, sizeof w->w.gemeente);
	rij_tekst(r, w->gemeente_naam, sizeof w->gemeente_naam);
	w->w.vanaf = rij_datum(r);
	w->w.tot = rij_datum(r);
}

static void vul_verwijzing(struct rij *r, void *e)
{
	struct dossier_verwijzing *v = e;

	v->v.id = rij_getal(r);
	v->v.datum = rij_datum(r);
	rij_tekst(r, v->v.type, sizeof v->v.type);
	rij_tekst(r, v->v.gemeente, sizeof v->v.gemeente);
	rij_tekst(r, v->gemeente_naam, sizeof v->gemeente_naam);
	rij_tekst(r, v->v.reden, sizeof v->v.reden);
	v->v.team_id = rij_getal(r);
	rij_tekst(r, v->team_naam, sizeof v->team_naam);
}

static void vul_toewijzing(struct rij *r, void *e)
{
	struct dossier_toewijzing *t = e;

	t->z.nummer = rij_getal(r);
	rij_tekst(r, t->z.agb, sizeof t->z.agb);
	rij_tekst(r, t->aanbieder_naam, sizeof t->aanbieder_naam);
	rij_tekst(r, t->z.gemeente, sizeof t->z.gemeente);
	rij_tekst(r, t->z.categorie, sizeof t->z.categorie);
	rij_tekst(r, t->z.productcode, sizeof t->z.productcode);
	rij_tekst(r, t->product, sizeof t->product);
	t->z.toewijzingsdatum = rij_datum(r);
	t->z.ingangsdatum = rij_datum(r);
	t->z.einddatum = rij_datum(r);
	t->z.volume = rij_getal(r);
	rij_tekst(r, t->z.eenheid, sizeof t->z.eenheid);
	rij_tekst(r, t->z.frequentie, sizeof t->z.frequentie);
	t->z.budget = rij_getal(r);
	rij_tekst(r, t->z.reden_wijziging, sizeof t->z.reden_wijziging);
	t->z.verwijzing_id = rij_getal(r);
}

static void vul_traject(struct rij *r, void *e)
{
	struct dossier_traject *d = e;
	struct traject *t = &d->t;
	int64_t status;

	t->id = rij_getal(r);
	t->toewijzing_nummer = rij_getal(r);
	rij_tekst(r, t->agb, sizeof t->agb);
	rij_tekst(r, d->aanbieder_naam, sizeof d->aanbieder_naam);
	t->team_id = rij_getal(r);
	rij_tekst(r, d->team_naam, sizeof d->team_naam);
	rij_tekst(r, t->gemeente, sizeof t->gemeente);
	rij_tekst(r, d->gemeente_naam, sizeof d->gemeente_naam);
	t->segment = (int)rij_getal(r);
	rij_tekst(r, d->segment_naam, sizeof d->segment_naam);
	rij_tekst(r, t->categorie, sizeof t->categorie);
	rij_tekst(r, t->productcode, sizeof t->productcode);
	rij_tekst(r, d->product, sizeof d->product);
	t->groep = rij_getal(r) != 0;
	t->verwijzing_id = rij_getal(r);
	rij_tekst(r, t->verwijzer, sizeof t->verwijzer);
	status = rij_getal(r);
	/* The schema's CHECK keeps status within the enum. */
	t->status = status >= 0 && status < TRAJECT_STATUS_AANTAL ? (enum traject_status)status
								  : TRAJECT_AANGEMELD;
	t->aanmelddatum = rij_datum(r);
	t->intakedatum = rij_datum(r);
	t->begindatum = rij_datum(r);
	t->einddatum = rij_datum(r);
	rij_tekst(r, t->reden_beeindiging, sizeof t->reden_beeindiging);
	t->overbrugging = rij_getal(r) != 0;
	t->veiligheidssignaal = rij_getal(r) != 0;
}

static void vul_school(struct rij *r, void *e)
{
	struct schoolstatus *s = e;

	s->id = rij_getal(r);
	s->niet_naar_school_sinds = rij_datum(r);
	s->tot = rij_datum(r);
}

static void vul_plan(struct rij *r, void *e)
{
	struct perspectiefplan *p = e;

	p->datum = rij_datum(r);
}

static void vul_prestatie(struct rij *r, void *e)
{
	struct dossier_prestatie *d = e;
	struct prestatie *p = &d->p;

	p->id = rij_getal(r);
	p->declaratie_id = rij_getal(r);
	rij_tekst(r, d->declaratie_nummer, sizeof d->declaratie_nummer);
	rij_tekst(r, d->agb, sizeof d->agb);
	rij_tekst(r, d->aanbieder_naam, sizeof d->aanbieder_naam);
	rij_tekst(r, p->referentie, sizeof p->referentie);
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
}

/* The youth and its family: 1, or 0 when there is no such youth. */
static int lees_jeugdige(struct store *st, int64_t id, struct dossier *d)
{
	struct db_stmt *s = st->drv->prepare(st->conn, &dossier_jeugdige);
	int rc;

	if (!s)
		return rij_fout(st, -2);
	if (st->drv->bind_int64(s, 1, id) < 0) {
		st->drv->reset(s);
		return rij_fout(st, -2);
	}
	rc = rij_fout(st, st->drv->step(s));
	if (rc == 1) {
		struct rij r = { st, s, &dossier_jeugdige, 0, 0 };
		struct jeugdige *j = &d->jeugdige;

		j->id = rij_getal(&r);
		rij_tekst(&r, j->bsn, sizeof j->bsn);
		j->geboortedatum = rij_datum(&r);
		j->geslacht = (int)rij_getal(&r);
		rij_tekst(&r, j->voornamen, sizeof j->voornamen);
		rij_tekst(&r, j->achternaam, sizeof j->achternaam);
		j->gezin_id = rij_getal(&r);
		d->heeft_gezin = !rij_is_null(&r);
		d->gezin.id = rij_getal(&r);
		rij_tekst(&r, d->gezin.regisseur, sizeof d->gezin.regisseur);
		d->gezin.regisseur_team_id = rij_getal(&r);
		rij_tekst(&r, d->regisseur_team, sizeof d->regisseur_team);
		d->gezin.analyse_datum = rij_datum(&r);
		d->gezin.plan_datum = rij_datum(&r);
		if (r.rc < 0)
			rc = r.rc;
	}
	st->drv->reset(s);
	return rc;
}

int store_dossier(struct store *st, int64_t id, const char *agb, struct dossier *out)
{
	const char *a = agb ? agb : "";
	void *p = NULL;
	int rc;

	memset(out, 0, sizeof *out);
	rc = lees_jeugdige(st, id, out);
	if (rc <= 0)
		return rc;
	/* Each array through p: lees writes a void *, not a typed pointer. */
	rc = lees(st, &dossier_woonplaatsen, id, NULL, sizeof *out->woonplaatsen, vul_woonplaats,
		  &p, &out->n_woonplaatsen);
	out->woonplaatsen = p;
	if (rc < 0)
		return rc;
	rc = lees(st, &dossier_verwijzingen, id, a, sizeof *out->verwijzingen, vul_verwijzing, &p,
		  &out->n_verwijzingen);
	out->verwijzingen = p;
	if (rc < 0)
		return rc;
	rc = lees(st, &dossier_toewijzingen, id, a, sizeof *out->toewijzingen, vul_toewijzing, &p,
		  &out->n_toewijzingen);
	out->toewijzingen = p;
	if (rc < 0)
		return rc;
	rc = store_dossier_trajecten(st, id, a, &out->trajecten, &out->n_trajecten);
	if (rc < 0 || (rc = store_treeknormen(st, out->norms)) < 0)
		return rc;
	rc = lees(st, &dossier_schoolstatus, id, NULL, sizeof *out->schoolstatus, vul_school, &p,
		  &out->n_schoolstatus);
	out->schoolstatus = p;
	if (rc < 0)
		return rc;
	rc = lees(st, &dossier_perspectiefplannen, id, NULL, sizeof *out->perspectiefplannen,
		  vul_plan, &p, &out->n_perspectiefplannen);
	out->perspectiefplannen = p;
	if (rc < 0)
		return rc;
	rc = lees(st, &dossier_prestaties, id, a, sizeof *out->prestaties, vul_prestatie, &p,
		  &out->n_prestaties);
	out->prestaties = p;
	if (rc < 0)
		return rc;
	for (size_t i = 0; i < out->n_woonplaatsen; i++)
		out->woonplaatsen[i].w.jeugdige_id = id;
	for (size_t i = 0; i < out->n_verwijzingen; i++)
		out->verwijzingen[i].v.jeugdige_id = id;
	for (size_t i = 0; i < out->n_toewijzingen; i++)
		out->toewijzingen[i].z.jeugdige_id = id;
	for (size_t i = 0; i < out->n_schoolstatus; i++)
		out->schoolstatus[i].jeugdige_id = id;
	for (size_t i = 0; i < out->n_perspectiefplannen; i++)
		out->perspectiefplannen[i].jeugdige_id = id;
	for (size_t i = 0; i < out->n_prestaties; i++)
		out->prestaties[i].p.jeugdige_id = id;
	return 1;
}

int store_dossier_trajecten(struct store *st, int64_t id, const char *agb,
			    struct dossier_traject **out, size_t *n)
{
	void *p = NULL;
	int rc = lees(st, &dossier_trajecten, id, agb ? agb : "", sizeof **out, vul_traject, &p,
		      n);

	*out = p;
	for (size_t i = 0; i < *n; i++)
		(*out)[i].t.jeugdige_id = id;
	return rc;
}

void store_dossier_vrij(struct dossier *d)
{
	free(d->woonplaatsen);
	free(d->verwijzingen);
	free(d->toewijzingen);
	free(d->trajecten);
	free(d->schoolstatus);
	free(d->perspectiefplannen);
	free(d->prestaties);
	memset(d, 0, sizeof *d);
}
