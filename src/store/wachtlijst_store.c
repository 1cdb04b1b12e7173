/* wachtlijst_store: see wachtlijst_store.h. */
#include "store/wachtlijst_store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/cijfers_store.h"
#include "store/driver.h"
#include "store/maandcijfers_store.h"
#include "store/rij.h"
#include "store/store.h"
#include "store/store_intern.h"

/* ---- the waiting youth of a scope ----------------------------------------
 *
 * Parameters: $1 peildatum, $2 every trajectory (1/0), $3 the scope's
 * gemeenten ",A,B," ("," none), $4 the scope's AGB ("" none), $5 one
 * trajectory id (0 all). WACHTEND_OP is kpi_wachtend in SQL, with the
 * toewijzing's Ingangsdatum when the aanmelddatum is missing; the list is
 * then judged again in C (domain/wachtlijst.c), so this only narrows the
 * read.
 */
#define AANMELDING(t, z) "COALESCE(" t ".aanmelddatum, " z ".ingangsdatum)"

#define IN_SCOPE(t) \
	"($2 = 1 OR ($3 <> ',' AND $3 LIKE '%,' || " t ".gemeente || ',%')" \
	" OR ($4 <> '' AND " t ".agb = $4)) AND ($5 = 0 OR " t ".id = $5)"

#define WACHTENDE_JEUGDIGEN \
	"(SELECT w.jeugdige_id FROM traject w" \
	" LEFT JOIN toewijzing wz ON wz.nummer = w.toewijzing_nummer" \
	" WHERE w.segment >= 1 AND " AANMELDING("w", "wz") " <= $1" \
	" AND (w.begindatum IS NULL OR w.begindatum > $1)" \
	" AND (w.einddatum IS NULL OR w.einddatum > $1) AND w.status <> 5 AND " \
	IN_SCOPE("w") ")"

static const struct sql_stmt wl_jeugdigen = {
	"wl_jeugdigen",
	"SELECT id, bsn, geboortedatum, geslacht, voornamen, achternaam, gezin_id "
	"FROM jeugdige WHERE id IN " WACHTENDE_JEUGDIGEN " ORDER BY id",
};
static const struct sql_stmt wl_trajecten = {
	"wl_trajecten",
	"SELECT t.id, t.jeugdige_id, t.toewijzing_nummer, t.agb, t.team_id, "
	"t.gemeente, t.segment, t.categorie, t.productcode, t.groep, "
	"t.verwijzing_id, v.type, t.status, " AANMELDING("t", "z") ", t.intakedatum, "
	"t.begindatum, t.einddatum, t.reden_beeindiging, t.overbrugging, "
	"t.veiligheidssignaal, CASE WHEN " IN_SCOPE("t") " THEN 1 ELSE 0 END "
	"FROM traject t LEFT JOIN verwijzing v ON v.id = t.verwijzing_id "
	"LEFT JOIN toewijzing z ON z.nummer = t.toewijzing_nummer "
	"WHERE t.jeugdige_id IN " WACHTENDE_JEUGDIGEN " ORDER BY t.jeugdige_id, t.id",
};
static const struct sql_stmt wl_school = {
	"wl_school",
	"SELECT id, jeugdige_id, niet_naar_school_sinds, tot FROM schoolstatus "
	"WHERE jeugdige_id IN " WACHTENDE_JEUGDIGEN
	" ORDER BY jeugdige_id, niet_naar_school_sinds, id",
};
static const struct sql_stmt wl_besluiten = {
	"wl_besluiten",
	"SELECT b.id, b.traject_id, b.tijdstip, b.bevestigd, b.reden, b.door "
	"FROM zorgelijk_besluit b JOIN traject t ON t.id = b.traject_id "
	"WHERE t.jeugdige_id IN " WACHTENDE_JEUGDIGEN " ORDER BY b.traject_id, b.tijdstip, b.id",
};

/* The registry (public) that names what the rows refer to. */
static const struct sql_stmt wl_gemeenten = {
	"wl_gemeenten",
	"SELECT code, naam, subregio, inwoners, jeugdigen_0_17 FROM gemeente ORDER BY code",
};
static const struct sql_stmt wl_aanbieders = {
	"wl_aanbieders", "SELECT agb, naam, netwerk_id FROM aanbieder ORDER BY agb",
};
static const struct sql_stmt wl_netwerken = {
	"wl_netwerken", "SELECT id, naam FROM netwerk ORDER BY id",
};
static const struct sql_stmt wl_producten = {
	"wl_producten", "SELECT code, omschrijving FROM product ORDER BY code",
};
static const struct sql_stmt wl_segmenten = {
	"wl_segmenten", "SELECT nr, naam FROM segment ORDER BY nr",
};

struct wl_traject {
	struct traject t;
	bool toon;
};

/* rij_vul_traject's columns, then whether the scope shows the row. */
static void vul_traject(struct rij *r, void *e)
{
	struct wl_traject *w = e;

	rij_vul_traject(r, &w->t);
	w->toon = rij_getal(r) != 0;
}

static void vul_product(struct rij *r, void *e)
{
	struct wachtlijst_product *p = e;

	rij_tekst(r, p->code, sizeof p->code);
	rij_tekst(r, p->omschrijving, sizeof p->omschrijving);
}

static void vul_segment(struct rij *r, void *e)
{
	struct wachtlijst_segment *s = e;

	s->nr = (int)rij_getal(r);
	rij_tekst(r, s->naam, sizeof s->naam);
}

/* Prepare q, bind the scope parameters (scope: true) and read all rows. */
static int lees(struct store *st, const struct sql_stmt *q, bool scope, const char *peil,
		const struct store_scope *s, const char *codes, int64_t traject_id, size_t sz,
		rij_vul_fn vul, void **out, size_t *n)
{
	const struct db_driver *d = st->drv;
	struct db_stmt *p = d->prepare(st->conn, q);

	*out = NULL;
	*n = 0;
	if (!p)
		return rij_fout(st, -2);
	if (scope && (d->bind_text(p, 1, peil) < 0 || d->bind_int64(p, 2, s->alles ? 1 : 0) < 0 ||
		      d->bind_text(p, 3, codes) < 0 || d->bind_text(p, 4, s->agb ? s->agb : "") < 0 ||
		      d->bind_int64(p, 5, traject_id) < 0)) {
		d->reset(p);
		return rij_fout(st, -2);
	}
	return rij_alle(st, q, p, sz, vul, out, n);
}

void store_wachtlijst_vrij(struct wachtlijst_data *w)
{
	if (!w)
		return;
	free(w->toon);
	free(w->jeugdigen);
	free(w->trajecten);
	free(w->school);
	free(w->besluiten);
	free(w->gemeenten);
	free(w->aanbieders);
	free(w->netwerken);
	free(w->producten);
	free(w->segmenten);
	memset(w, 0, sizeof *w);
}

int store_wachtlijst_laad(struct store *st, const struct store_scope *s, dag_t peildatum,
			  int64_t traject_id, struct wachtlijst_data *out)
{
	char codes[SCOPE_CODES_MAX], peil[11];
	struct wl_traject *wt = NULL;
	size_t n_wt = 0, n;
	void *m;
	int rc;

	memset(out, 0, sizeof *out);
	if (s->alles || s->n == 0)
		snprintf(codes, sizeof codes, ",");
	else if (scope_codes(s->gemeenten, s->n, codes) < 0)
		return store_set_error(st, "te veel gemeenten in de scope (%zu)", s->n);
	datum_fmt(peildatum, peil);

	rc = lees(st, &wl_jeugdigen, true, peil, s, codes, traject_id, sizeof(struct jeugdige),
		  rij_vul_jeugdige, &m, &n);
	out->jeugdigen = m;
	out->d.n_jeugdigen = n;
	if (rc >= 0) {
		rc = lees(st, &wl_trajecten, true, peil, s, codes, traject_id, sizeof *wt,
			  vul_traject, &m, &n_wt);
		wt = m;
	}
	if (rc >= 0) {
		rc = lees(st, &wl_school, true, peil, s, codes, traject_id,
			  sizeof(struct schoolstatus), rij_vul_schoolstatus, &m, &n);
		out->school = m;
		out->d.n_school = n;
	}
	if (rc >= 0) {
		rc = lees(st, &wl_besluiten, true, peil, s, codes, traject_id,
			  sizeof(struct zorgelijk_besluit), rij_vul_besluit, &m, &n);
		out->besluiten = m;
		out->d.n_besluiten = n;
	}
	if (rc >= 0) {
		rc = lees(st, &wl_gemeenten, false, peil, s, codes, 0, sizeof(struct gemeente),
			  rij_vul_gemeente, &m, &out->n_gemeenten);
		out->gemeenten = m;
	}
	if (rc >= 0) {
		rc = lees(st, &wl_aanbieders, false, peil, s, codes, 0, sizeof(struct aanbieder),
			  rij_vul_aanbieder, &m, &out->n_aanbieders);
		out->aanbieders = m;
	}
	if (rc >= 0) {
		rc = lees(st, &wl_netwerken, false, peil, s, codes, 0, sizeof(struct netwerk),
			  rij_vul_netwerk, &m, &out->n_netwerken);
		out->netwerken = m;
	}
	if (rc >= 0) {
		rc = lees(st, &wl_producten, false, peil, s, codes, 0,
			  sizeof(struct wachtlijst_product), vul_product, &m, &out->n_producten);
		out->producten = m;
	}
	if (rc >= 0) {
		rc = lees(st, &wl_segmenten, false, peil, s, codes, 0,
			  sizeof(struct wachtlijst_segment), vul_segment, &m, &out->n_segmenten);
		out->segmenten = m;
	}
	/* Split the rows into the trajectories kpi.h reads and the marks. */
	if (rc >= 0 && n_wt) {
		out->trajecten = calloc(n_wt, sizeof *out->trajecten);
		out->toon = calloc(n_wt, sizeof *out->toon);
		if (!out->trajecten || !out->toon) {
			rc = store_set_error(st, "geen geheugen voor de wachtlijst (%zu trajecten)", n_wt);
		} else {
			for (size_t i = 0; i < n_wt; i++) {
				out->trajecten[i] = wt[i].t;
				out->toon[i] = wt[i].toon;
			}
		}
	}
	free(wt);
	if (rc < 0) {
		store_wachtlijst_vrij(out);
		return rc;
	}
	out->d.jeugdigen = out->jeugdigen;
	out->d.trajecten = out->trajecten;
	out->d.n_trajecten = out->trajecten ? n_wt : 0;
	out->d.school = out->school;
	out->d.besluiten = out->besluiten;
	out->d.gemeenten = out->gemeenten;
	out->d.n_gemeenten = out->n_gemeenten;
	return 0;
}

int store_wachtlijst_segmenten(struct store *st, struct wachtlijst_segment **out, size_t *n)
{
	void *m = NULL;
	int rc = lees(st, &wl_segmenten, false, "", NULL, "", 0, sizeof **out, vul_segment, &m, n);

	*out = m;
	return rc;
}

/* ---- settings ------------------------------------------------------------ */

static const struct sql_stmt wl_treeknormen = {
	"wl_treeknormen", "SELECT segment, tot_intake, intake_tot_start FROM treeknorm ORDER BY segment",
};
static const struct sql_stmt wl_treeknorm_zet = {
	"wl_treeknorm_zet",
	"INSERT INTO treeknorm (segment, tot_intake, intake_tot_start, gewijzigd, door) "
	"VALUES ($1, $2, $3, $4, $5) ON CONFLICT (segment) DO UPDATE SET "
	"tot_intake = excluded.tot_intake, intake_tot_start = excluded.intake_tot_start, "
	"gewijzigd = excluded.gewijzigd, door = excluded.door",
};
static const struct sql_stmt wl_instelling = {
	"wl_instelling", "SELECT waarde FROM instelling WHERE sleutel = $1",
};
static const struct sql_stmt wl_instelling_zet = {
	"wl_instelling_zet",
	"INSERT INTO instelling (sleutel, waarde, gewijzigd, door) VALUES ($1, $2, $3, $4) "
	"ON CONFLICT (sleutel) DO UPDATE SET waarde = excluded.waarde, "
	"gewijzigd = excluded.gewijzigd, door = excluded.door",
};

int store_treeknormen(struct store *st, struct treeknorm norms[SEGMENT_AANTAL])
{
	const struct db_driver *d = st->drv;
	struct db_stmt *p = d->prepare(st->conn, &wl_treeknormen);
	int rc;

	treeknorm_standaard(norms);
	if (!p)
		return rij_fout(st, -2);
	while ((rc = rij_fout(st, d->step(p))) == 1) {
		int64_t seg = d->column_int64(p, 0);

		if (seg >= 1 && seg < SEGMENT_AANTAL) {
			norms[seg].tot_intake = (int32_t)d->column_int64(p, 1);
			norms[seg].intake_tot_start = (int32_t)d->column_int64(p, 2);
		}
	}
	d->reset(p);
	return rc < 0 ? rc : 0;
}

/* Run a bound write statement to its end. */
static int schrijf(struct store *st, struct db_stmt *p)
{
	int rc = rij_fout(st, st->drv->step(p));

	st->drv->reset(p);
	return rc < 0 ? rc : 0;
}

int store_treeknorm_zet(struct store *st, int segment, int32_t tot_intake,
			int32_t intake_tot_start, const char *door, const char *nu)
{
	const struct db_driver *d = st->drv;
	struct db_stmt *p = d->prepare(st->conn, &wl_treeknorm_zet);

	if (!p)
		return rij_fout(st, -2);
	if (d->bind_int64(p, 1, segment) < 0 || d->bind_int64(p, 2, tot_intake) < 0 ||
	    d->bind_int64(p, 3, intake_tot_start) < 0 || d->bind_text(p, 4, nu) < 0 ||
	    d->bind_text(p, 5, door) < 0) {
		d->reset(p);
		return rij_fout(st, -2);
	}
	int rc = schrijf(st, p), tot_jaar = 0;
	/* Every wait is judged against the norm: the monthly aggregates are
	 * rebuilt (when kept) in this transaction. */
	if (rc >= 0)
		rc = store_maandcijfers_tot_jaar(st, &tot_jaar);
	if (rc >= 0 && tot_jaar != 0)
		rc = store_maandcijfers_herbouw(st, tot_jaar);
	return rc;
}

int store_instelling(struct store *st, const char *sleutel, int64_t standaard, int64_t *waarde)
{
	const struct db_driver *d = st->drv;
	struct db_stmt *p = d->prepare(st->conn, &wl_instelling);
	int rc;

	*waarde = standaard;
	if (!p)
		return rij_fout(st, -2);
	if (d->bind_text(p, 1, sleutel) < 0) {
		d->reset(p);
		return rij_fout(st, -2);
	}
	rc = rij_fout(st, d->step(p));
	if (rc == 1)
		*waarde = d->column_int64(p, 0);
	d->reset(p);
	return rc < 0 ? rc : 0;
}

int store_instelling_zet(struct store *st, const char *sleutel, int64_t waarde,
			 const char *door, const char *nu)
{
	const struct db_driver *d = st->drv;
	struct db_stmt *p = d->prepare(st->conn, &wl_instelling_zet);

	if (!p)
		return rij_fout(st, -2);
	if (d->bind_text(p, 1, sleutel) < 0 || d->bind_int64(p, 2, waarde) < 0 ||
	    d->bind_text(p, 3, nu) < 0 || d->bind_text(p, 4, door) < 0) {
		d->reset(p);
		return rij_fout(st, -2);
	}
	return schrijf(st, p);
}

/* ---- decisions on worrying waiters ----------------------------------------- */

/* Ids are the records' own (schema): the next one after the highest. The
 * caller's write transaction serialises writers (BEGIN IMMEDIATE on
 * SQLite; on PostgreSQL a concurrent insert of the same id fails on the
 * primary key and the transaction is retried). */
static const struct sql_stmt wl_besluit_zet = {
	"wl_besluit_zet",
	"INSERT INTO zorgelijk_besluit (id, traject_id, tijdstip, bevestigd, reden, door, rol) "
	"SELECT COALESCE(max(id), 0) + 1, $1, $2, $3, $4, $5, $6 FROM zorgelijk_besluit",
};
static const struct sql_stmt wl_historie = {
	"wl_historie",
	"SELECT id, traject_id, tijdstip, bevestigd, reden, door, COALESCE(rol, '') "
	"FROM zorgelijk_besluit WHERE traject_id = $1 ORDER BY tijdstip, id",
};

int store_zorgelijk_besluit_neem(struct store *st, int64_t traject_id, bool bevestigd,
				 const char *reden, const char *door, const char *rol,
				 int64_t tijdstip)
{
	const struct db_driver *d = st->drv;
	struct db_stmt *p = d->prepare(st->conn, &wl_besluit_zet);
	struct maandcijfers_tx *mc = NULL;
	int rc;

	if (!p)
		return rij_fout(st, -2);
	/* The decision changes the monthly zorgelijk counts. */
	if ((rc = store_maandcijfers_raak_traject(st, &mc, traject_id)) < 0)
		return store_maandcijfers_klaar(st, &mc, rc);
	if (d->bind_int64(p, 1, traject_id) < 0 || d->bind_int64(p, 2, tijdstip) < 0 ||
	    d->bind_int64(p, 3, bevestigd ? 1 : 0) < 0 || d->bind_text(p, 4, reden) < 0 ||
	    d->bind_text(p, 5, door) < 0 || d->bind_text(p, 6, rol) < 0) {
		d->reset(p);
		return store_maandcijfers_klaar(st, &mc, rij_fout(st, -2));
	}
	rc = store_maandcijfers_klaar(st, &mc, schrijf(st, p));
	if (rc < 0)
		return rc;
	return store_data_versie_verhoog(st);
}

static void vul_historie(struct rij *r, void *e)
{
	struct zorgelijk_historie *h = e;

	rij_vul_besluit(r, &h->b);
	rij_tekst(r, h->rol, sizeof h->rol);
}

int store_zorgelijk_historie(struct store *st, int64_t traject_id,
			     struct zorgelijk_historie **out, size_t *n)
{
	const struct db_driver *d = st->drv;
	struct db_stmt *p = d->prepare(st->conn, &wl_historie);
	void *m = NULL;
	int rc;

	*out = NULL;
	*n = 0;
	if (!p)
		return rij_fout(st, -2);
	if (d->bind_int64(p, 1, traject_id) < 0) {
		d->reset(p);
		return rij_fout(st, -2);
	}
	rc = rij_alle(st, &wl_historie, p, sizeof **out, vul_historie, &m, n);
	*out = m;
	return rc;
}
