/* maandcijfers_store: see maandcijfers_store.h.
 *
 * The rebuild and the verification stream every fact table once, ordered
 * by jeugdige_id, and merge the streams in C youth by youth (no query per
 * youth); the aggregate is summed in a bounded bag that spills sorted runs
 * to a temporary file (steer/maandcijfers_som.h) and is written at the end
 * in the table's key order. The incremental upkeep reads one youth's facts with the
 * per-youth statements (indexed on jeugdige_id).
 */
#include "store/maandcijfers_store.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "domain/kpi.h"
#include "steer/maandcijfers.h"
#include "steer/maandcijfers_som.h"
#include "store/driver.h"
#include "store/rij.h"
#include "store/store.h"
#include "store/store_intern.h"
#include "store/wachtlijst_store.h"

/* ---- statements: the whole record, ordered by youth ---- */

/* Only what the indicators use: no BSN, no names. */
static const struct sql_stmt mc_jeugdigen = {
	"mc_jeugdigen", "SELECT id, geboortedatum FROM jeugdige ORDER BY id",
};
static const struct sql_stmt mc_woonplaatsen = {
	"mc_woonplaatsen",
	"SELECT jeugdige_id, gemeente, vanaf, tot FROM woonplaats ORDER BY jeugdige_id, vanaf",
};
#define MC_TRAJECT_KOLOMMEN \
	"SELECT t.id, t.jeugdige_id, t.toewijzing_nummer, t.agb, t.team_id, " \
	"t.gemeente, t.segment, t.categorie, t.productcode, t.groep, " \
	/* No aanmelddatum: the toewijzing's Ingangsdatum (kpi.h, DOMAIN.md §4). */ \
	"t.verwijzing_id, v.type, t.status, COALESCE(t.aanmelddatum, z.ingangsdatum), " \
	"t.intakedatum, " \
	"t.begindatum, t.einddatum, t.reden_beeindiging, t.overbrugging, " \
	"t.veiligheidssignaal " \
	"FROM traject t LEFT JOIN verwijzing v ON v.id = t.verwijzing_id " \
	"LEFT JOIN toewijzing z ON z.nummer = t.toewijzing_nummer "
static const struct sql_stmt mc_trajecten = {
	"mc_trajecten", MC_TRAJECT_KOLOMMEN "ORDER BY t.jeugdige_id, t.id",
};
static const struct sql_stmt mc_school = {
	"mc_school",
	"SELECT id, jeugdige_id, niet_naar_school_sinds, tot FROM schoolstatus "
	"ORDER BY jeugdige_id, niet_naar_school_sinds, id",
};
static const struct sql_stmt mc_plannen = {
	"mc_plannen", "SELECT jeugdige_id, datum FROM perspectiefplan ORDER BY jeugdige_id, datum",
};
#define MC_BESLUIT_KOLOMMEN \
	"SELECT b.id, b.traject_id, b.tijdstip, b.bevestigd, b.reden, b.door, t.jeugdige_id " \
	"FROM zorgelijk_besluit b JOIN traject t ON t.id = b.traject_id "
static const struct sql_stmt mc_besluiten = {
	"mc_besluiten", MC_BESLUIT_KOLOMMEN "ORDER BY t.jeugdige_id, b.traject_id, b.tijdstip, b.id",
};
/* Per trajectory and month of the ProductPeriode Begindatum (text dates:
 * 1-4 the year, 6-7 the month), as kpi_kosten groups per year. */
#define MC_GELD_KOLOMMEN \
	"SELECT t.jeugdige_id, p.traject_id, " \
	"CAST(substr(p.periode_begin, 1, 4) AS INTEGER) * 100 + " \
	"CAST(substr(p.periode_begin, 6, 2) AS INTEGER), " \
	"SUM(CASE WHEN p.goedgekeurd = 1 THEN p.bedrag ELSE 0 END), " \
	"SUM(CASE WHEN p.goedgekeurd = 1 THEN 0 ELSE p.bedrag END) " \
	"FROM prestatie p JOIN traject t ON t.id = p.traject_id "
#define MC_GELD_GROEP \
	"GROUP BY t.jeugdige_id, p.traject_id, substr(p.periode_begin, 1, 4), " \
	"substr(p.periode_begin, 6, 2) "
static const struct sql_stmt mc_geld = {
	"mc_geld", MC_GELD_KOLOMMEN MC_GELD_GROEP "ORDER BY t.jeugdige_id, p.traject_id, 3",
};

/* ---- statements: one youth ---- */

static const struct sql_stmt mc_jeugdige_een = {
	"mc_jeugdige_een", "SELECT id, geboortedatum FROM jeugdige WHERE id = $1",
};
static const struct sql_stmt mc_woonplaatsen_een = {
	"mc_woonplaatsen_een",
	"SELECT jeugdige_id, gemeente, vanaf, tot FROM woonplaats WHERE jeugdige_id = $1 "
	"ORDER BY vanaf",
};
static const struct sql_stmt mc_trajecten_een = {
	"mc_trajecten_een", MC_TRAJECT_KOLOMMEN "WHERE t.jeugdige_id = $1 ORDER BY t.id",
};
static const struct sql_stmt mc_school_een = {
	"mc_school_een",
	"SELECT id, jeugdige_id, niet_naar_school_sinds, tot FROM schoolstatus "
	"WHERE jeugdige_id = $1 ORDER BY niet_naar_school_sinds, id",
};
static const struct sql_stmt mc_plannen_een = {
	"mc_plannen_een",
	"SELECT jeugdige_id, datum FROM perspectiefplan WHERE jeugdige_id = $1 ORDER BY datum",
};
static const struct sql_stmt mc_besluiten_een = {
	"mc_besluiten_een",
	MC_BESLUIT_KOLOMMEN "WHERE t.jeugdige_id = $1 ORDER BY b.traject_id, b.tijdstip, b.id",
};
static const struct sql_stmt mc_geld_een = {
	"mc_geld_een",
	MC_GELD_KOLOMMEN "WHERE t.jeugdige_id = $1 " MC_GELD_GROEP "ORDER BY p.traject_id, 3",
};

/* ---- statements: the aggregate ---- */

static const struct sql_stmt mc_wis = {
	"mc_wis", "DELETE FROM maandcijfer",
};
static const struct sql_stmt mc_insert = {
	"mc_insert",
	"INSERT INTO maandcijfer (gemeente, segment, agb, verwijzer, maat, periode, dagen, waarde) "
	"VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
};
/* MC_REEKS rows that share gemeente, segment, agb and verwijzer ($1-$4)
 * in one statement (DB_MAX_PARAMS allows 11): the rebuild's rows come in
 * key order, so most do, and one statement per row cost half the
 * rebuild. */
#define MC_REEKS 11
static const struct sql_stmt mc_insert_reeks = {
	"mc_insert_reeks",
	"INSERT INTO maandcijfer (gemeente, segment, agb, verwijzer, maat, periode, dagen, waarde) "
	"VALUES "
	"($1, $2, $3, $4, $5, $6, $7, $8), "
	"($1, $2, $3, $4, $9, $10, $11, $12), "
	"($1, $2, $3, $4, $13, $14, $15, $16), "
	"($1, $2, $3, $4, $17, $18, $19, $20), "
	"($1, $2, $3, $4, $21, $22, $23, $24), "
	"($1, $2, $3, $4, $25, $26, $27, $28), "
	"($1, $2, $3, $4, $29, $30, $31, $32), "
	"($1, $2, $3, $4, $33, $34, $35, $36), "
	"($1, $2, $3, $4, $37, $38, $39, $40), "
	"($1, $2, $3, $4, $41, $42, $43, $44), "
	"($1, $2, $3, $4, $45, $46, $47, $48)"
};
static const struct sql_stmt mc_bij = {
	"mc_bij",
	"INSERT INTO maandcijfer (gemeente, segment, agb, verwijzer, maat, periode, dagen, waarde) "
	"VALUES ($1, $2, $3, $4, $5, $6, $7, $8) "
	"ON CONFLICT (gemeente, segment, agb, verwijzer, maat, periode, dagen) "
	"DO UPDATE SET waarde = maandcijfer.waarde + excluded.waarde",
};
static const struct sql_stmt mc_nul_weg = {
	"mc_nul_weg",
	"DELETE FROM maandcijfer WHERE gemeente = $1 AND segment = $2 AND agb = $3 AND "
	"verwijzer = $4 AND maat = $5 AND periode = $6 AND dagen = $7 AND waarde = 0",
};
static const struct sql_stmt mc_alle = {
	"mc_alle",
	"SELECT gemeente, segment, agb, verwijzer, maat, periode, dagen, waarde FROM maandcijfer",
};
static const struct sql_stmt mc_lees = {
	"mc_lees",
	"SELECT periode, dagen, waarde FROM maandcijfer WHERE gemeente = $1 AND segment = $2 "
	"AND agb = $3 AND verwijzer = $4 AND maat = $5 AND periode BETWEEN $6 AND $7 "
	"AND waarde <> 0 ORDER BY periode, dagen",
};

/* ---- fillers ---- */

static void vul_jeugdige(struct rij *r, void *e)
{
	struct jeugdige *j = e;

	j->id = rij_getal(r);
	j->geboortedatum = rij_datum(r);
}

static void vul_woonplaats(struct rij *r, void *e)
{
	struct woonplaats *w = e;

	w->jeugdige_id = rij_getal(r);
	rij_tekst(r, w->gemeente, sizeof w->gemeente);
	w->vanaf = rij_datum(r);
	w->tot = rij_datum(r);
}

static void vul_plan(struct rij *r, void *e)
{
	struct perspectiefplan *p = e;

	p->jeugdige_id = rij_getal(r);
	p->datum = rij_datum(r);
}

/* A besluit with the youth of its trajectory. */
struct besluit_rij {
	struct zorgelijk_besluit b;
	int64_t jeugdige_id;
};

static void vul_besluit(struct rij *r, void *e)
{
	struct besluit_rij *b = e;

	rij_vul_besluit(r, &b->b);
	b->jeugdige_id = rij_getal(r);
}

struct geld_rij {
	int64_t jeugdige_id;
	struct mc_geld g;
};

static void vul_geld(struct rij *r, void *e)
{
	struct geld_rij *g = e;

	g->jeugdige_id = rij_getal(r);
	g->g.traject_id = rij_getal(r);
	g->g.maand = (int32_t)rij_getal(r);
	g->g.goedgekeurd = rij_getal(r);
	g->g.afgewezen = rij_getal(r);
}

/* ---- one youth's facts ---- */

/* The arrays of one youth (growing buffers, reused from youth to youth). */
struct feiten {
	struct jeugdige *jeugdigen;        size_t n_jeugdigen, c_jeugdigen;
	struct woonplaats *woonplaatsen;   size_t n_woonplaatsen, c_woonplaatsen;
	struct traject *trajecten;         size_t n_trajecten, c_trajecten;
	struct schoolstatus *school;       size_t n_school, c_school;
	struct perspectiefplan *plannen;   size_t n_plannen, c_plannen;
	struct zorgelijk_besluit *besluiten; size_t n_besluiten, c_besluiten;
	struct mc_geld *geld;              size_t n_geld, c_geld;
};

static void feiten_vrij(struct feiten *f)
{
	free(f->jeugdigen);
	free(f->woonplaatsen);
	free(f->trajecten);
	free(f->school);
	free(f->plannen);
	free(f->besluiten);
	free(f->geld);
	memset(f, 0, sizeof *f);
}

static void feiten_leeg(struct feiten *f)
{
	f->n_jeugdigen = f->n_woonplaatsen = f->n_trajecten = f->n_school = 0;
	f->n_plannen = f->n_besluiten = f->n_geld = 0;
}

/* Append one zeroed element of sz bytes to *arr (n, cap); NULL when out
 * of memory. */
static void *erbij(void **arr, size_t *n, size_t *cap, size_t sz)
{
	if (*n == *cap) {
		size_t c = *cap ? 2 * *cap : 16;
		void *a = realloc(*arr, c * sz);
		if (!a)
			return NULL;
		*arr = a;
		*cap = c;
	}
	void *e = (char *)*arr + (*n)++ * sz;
	memset(e, 0, sz);
	return e;
}

#define ERBIJ(f, veld) \
	erbij((void **)&(f)->veld, &(f)->n_##veld, &(f)->c_##veld, sizeof *(f)->veld)

static void feiten_kpi(const struct feiten *f, const struct treeknorm norms[SEGMENT_AANTAL],
		       struct kpi_data *d)
{
	memset(d, 0, sizeof *d);
	d->jeugdigen = f->jeugdigen;       d->n_jeugdigen = f->n_jeugdigen;
	d->woonplaatsen = f->woonplaatsen; d->n_woonplaatsen = f->n_woonplaatsen;
	d->trajecten = f->trajecten;       d->n_trajecten = f->n_trajecten;
	d->school = f->school;             d->n_school = f->n_school;
	d->plannen = f->plannen;           d->n_plannen = f->n_plannen;
	d->besluiten = f->besluiten;       d->n_besluiten = f->n_besluiten;
	memcpy(d->norms, norms, sizeof d->norms);
}

/* ---- the ordered streams ---- */

/* One table read in jeugdige_id order: the row ahead is kept in vooruit. */
struct stroom {
	const struct sql_stmt *q;
	struct db_stmt *s;
	rij_vul_fn vul;
	size_t sz;
	size_t id_offset;       /* of the int64 jeugdige_id in the element */
	unsigned char vooruit[sizeof(struct traject) + sizeof(struct besluit_rij)];
	bool heeft;             /* vooruit holds a row */
};

static int stroom_stap(struct store *st, struct stroom *s)
{
	int rc = rij_fout(st, st->drv->step(s->s));
	s->heeft = rc == 1;
	if (rc != 1)
		return rc < 0 ? rc : 0;
	struct rij r = { st, s->s, s->q, 0, 0 };
	memset(s->vooruit, 0, sizeof s->vooruit);
	s->vul(&r, s->vooruit);
	return r.rc;
}

static int stroom_open(struct store *st, struct stroom *s)
{
	s->s = st->drv->prepare(st->conn, s->q);
	if (!s->s)
		return rij_fout(st, -2);
	return stroom_stap(st, s);
}

static int64_t stroom_id(const struct stroom *s)
{
	int64_t id;
	memcpy(&id, s->vooruit + s->id_offset, sizeof id);
	return id;
}

/* Move the rows of youth id into (*arr, *n, *cap). */
static int stroom_neem(struct store *st, struct stroom *s, int64_t id, void **arr, size_t *n,
		       size_t *cap)
{
	while (s->heeft && stroom_id(s) < id) {
		int rc = stroom_stap(st, s);
		if (rc < 0)
			return rc;
	}
	while (s->heeft && stroom_id(s) == id) {
		void *e = erbij(arr, n, cap, s->sz);
		if (!e)
			return store_set_error(st, "onvoldoende geheugen voor de maandcijfers");
		memcpy(e, s->vooruit, s->sz);
		int rc = stroom_stap(st, s);
		if (rc < 0)
			return rc;
	}
	return 0;
}

enum { S_JEUGD, S_WOON, S_TRAJECT, S_SCHOOL, S_PLAN, S_BESLUIT, S_GELD, S_AANTAL };

static int som_fout(struct store *st)
{
	return store_set_error(st, "maandcijfers: onvoldoende geheugen of het tijdelijke bestand "
			       "(in $TMPDIR of /tmp) kon niet geschreven worden: %s", strerror(errno));
}

/* Sum the contributions of every youth into som. */
static int bereken_alles(struct store *st, int tot_jaar, struct mc_som *som)
{
	struct stroom s[S_AANTAL] = {
		[S_JEUGD] = { &mc_jeugdigen, NULL, vul_jeugdige, sizeof(struct jeugdige),
			      offsetof(struct jeugdige, id), { 0 }, false },
		[S_WOON] = { &mc_woonplaatsen, NULL, vul_woonplaats, sizeof(struct woonplaats),
			     offsetof(struct woonplaats, jeugdige_id), { 0 }, false },
		[S_TRAJECT] = { &mc_trajecten, NULL, rij_vul_traject, sizeof(struct traject),
				offsetof(struct traject, jeugdige_id), { 0 }, false },
		[S_SCHOOL] = { &mc_school, NULL, rij_vul_schoolstatus, sizeof(struct schoolstatus),
			       offsetof(struct schoolstatus, jeugdige_id), { 0 }, false },
		[S_PLAN] = { &mc_plannen, NULL, vul_plan, sizeof(struct perspectiefplan),
			     offsetof(struct perspectiefplan, jeugdige_id), { 0 }, false },
		[S_BESLUIT] = { &mc_besluiten, NULL, vul_besluit, sizeof(struct besluit_rij),
				offsetof(struct besluit_rij, jeugdige_id), { 0 }, false },
		[S_GELD] = { &mc_geld, NULL, vul_geld, sizeof(struct geld_rij),
			     offsetof(struct geld_rij, jeugdige_id), { 0 }, false },
	};
	struct treeknorm norms[SEGMENT_AANTAL];
	struct feiten f = { 0 };
	struct besluit_rij *br = NULL;
	struct geld_rij *gr = NULL;
	size_t n_br = 0, c_br = 0, n_gr = 0, c_gr = 0;
	int rc = store_treeknormen(st, norms);

	/* Fine rows only; the coarse groupings are derived from their sums. */
	mc_som_fijn(som);
	for (int i = 0; i < S_AANTAL && rc >= 0; i++)
		rc = stroom_open(st, &s[i]);
	while (rc >= 0) {
		/* The next youth: the smallest id ahead in any stream (facts
		 * of a youth missing from jeugdige still count where kpi.h
		 * counts them). */
		int64_t id = INT64_MAX;
		for (int i = 0; i < S_AANTAL; i++)
			if (s[i].heeft && stroom_id(&s[i]) < id)
				id = stroom_id(&s[i]);
		if (id == INT64_MAX)
			break;
		feiten_leeg(&f);
		n_br = n_gr = 0;
		rc = stroom_neem(st, &s[S_JEUGD], id, (void **)&f.jeugdigen, &f.n_jeugdigen,
				 &f.c_jeugdigen);
		if (rc >= 0)
			rc = stroom_neem(st, &s[S_WOON], id, (void **)&f.woonplaatsen,
					 &f.n_woonplaatsen, &f.c_woonplaatsen);
		if (rc >= 0)
			rc = stroom_neem(st, &s[S_TRAJECT], id, (void **)&f.trajecten,
					 &f.n_trajecten, &f.c_trajecten);
		if (rc >= 0)
			rc = stroom_neem(st, &s[S_SCHOOL], id, (void **)&f.school, &f.n_school,
					 &f.c_school);
		if (rc >= 0)
			rc = stroom_neem(st, &s[S_PLAN], id, (void **)&f.plannen, &f.n_plannen,
					 &f.c_plannen);
		if (rc >= 0)
			rc = stroom_neem(st, &s[S_BESLUIT], id, (void **)&br, &n_br, &c_br);
		if (rc >= 0)
			rc = stroom_neem(st, &s[S_GELD], id, (void **)&gr, &n_gr, &c_gr);
		for (size_t i = 0; i < n_br && rc >= 0; i++) {
			struct zorgelijk_besluit *z = ERBIJ(&f, besluiten);
			if (!z)
				rc = store_set_error(st, "onvoldoende geheugen voor de maandcijfers");
			else
				*z = br[i].b;
		}
		for (size_t i = 0; i < n_gr && rc >= 0; i++) {
			struct mc_geld *g = ERBIJ(&f, geld);
			if (!g)
				rc = store_set_error(st, "onvoldoende geheugen voor de maandcijfers");
			else
				*g = gr[i].g;
		}
		if (rc < 0)
			break;
		struct kpi_data d;
		feiten_kpi(&f, norms, &d);
		if (mc_bijdrage_fijn(&d, f.geld, f.n_geld, tot_jaar, 1, mc_som_lijst(som)) < 0 ||
		    mc_som_vol(som) < 0)
			rc = som_fout(st);
	}
	for (int i = 0; i < S_AANTAL; i++)
		if (s[i].s)
			st->drv->reset(s[i].s);
	if (rc >= 0 && mc_som_grof(som) < 0)
		rc = som_fout(st);
	feiten_vrij(&f);
	free(br);
	free(gr);
	return rc < 0 ? rc : 0;
}

/* ---- one youth, read with the per-youth statements ---- */

static int lees_een(struct store *st, const struct sql_stmt *q, int64_t id, size_t sz,
		    rij_vul_fn vul, void **arr, size_t *n)
{
	struct db_stmt *s = st->drv->prepare(st->conn, q);
	int rc = 0;

	*arr = NULL;
	*n = 0;
	if (!s)
		return rij_fout(st, -2);
	rij_bind_getal(st, s, 1, id, &rc);
	if (rc < 0) {
		st->drv->reset(s);
		return rc;
	}
	rc = rij_alle(st, q, s, sz, vul, arr, n);
	return rc < 0 ? rc : 0;
}

/* teken times the contribution of youth id as the record holds it now. */
static int bijdrage_een(struct store *st, int64_t id, const struct treeknorm norms[SEGMENT_AANTAL],
			int tot_jaar, int64_t teken, struct mc_bak *b)
{
	struct feiten f = { 0 };
	struct besluit_rij *br = NULL;
	struct geld_rij *gr = NULL;
	size_t n_br = 0, n_gr = 0;
	void *p;
	int rc;

	rc = lees_een(st, &mc_jeugdige_een, id, sizeof *f.jeugdigen, vul_jeugdige, &p, &f.n_jeugdigen);
	f.jeugdigen = p;
	if (rc >= 0) {
		rc = lees_een(st, &mc_woonplaatsen_een, id, sizeof *f.woonplaatsen, vul_woonplaats, &p,
			      &f.n_woonplaatsen);
		f.woonplaatsen = p;
	}
	if (rc >= 0) {
		rc = lees_een(st, &mc_trajecten_een, id, sizeof *f.trajecten, rij_vul_traject, &p,
			      &f.n_trajecten);
		f.trajecten = p;
	}
	if (rc >= 0) {
		rc = lees_een(st, &mc_school_een, id, sizeof *f.school, rij_vul_schoolstatus, &p,
			      &f.n_school);
		f.school = p;
	}
	if (rc >= 0) {
		rc = lees_een(st, &mc_plannen_een, id, sizeof *f.plannen, vul_plan, &p, &f.n_plannen);
		f.plannen = p;
	}
	if (rc >= 0) {
		rc = lees_een(st, &mc_besluiten_een, id, sizeof *br, vul_besluit, &p, &n_br);
		br = p;
	}
	if (rc >= 0) {
		rc = lees_een(st, &mc_geld_een, id, sizeof *gr, vul_geld, &p, &n_gr);
		gr = p;
	}
	if (rc >= 0) {
		f.besluiten = calloc(n_br ? n_br : 1, sizeof *f.besluiten);
		f.geld = calloc(n_gr ? n_gr : 1, sizeof *f.geld);
		if (!f.besluiten || !f.geld)
			rc = store_set_error(st, "onvoldoende geheugen voor de maandcijfers");
	}
	if (rc >= 0) {
		for (size_t i = 0; i < n_br; i++)
			f.besluiten[i] = br[i].b;
		f.n_besluiten = n_br;
		for (size_t i = 0; i < n_gr; i++)
			f.geld[i] = gr[i].g;
		f.n_geld = n_gr;
		struct kpi_data d;
		feiten_kpi(&f, norms, &d);
		if (mc_bijdrage(&d, f.geld, f.n_geld, tot_jaar, teken, b) < 0)
			rc = store_set_error(st, "onvoldoende geheugen voor de maandcijfers");
	}
	feiten_vrij(&f);
	free(br);
	free(gr);
	return rc < 0 ? rc : 0;
}

/* ---- writing ---- */

static void bind_sleutel(struct store *st, struct db_stmt *s, const struct mc_sleutel *k, int *rc)
{
	if (*rc == 0)
		*rc = rij_fout(st, st->drv->bind_text(s, 1, k->gemeente));
	rij_bind_getal(st, s, 2, k->segment, rc);
	if (*rc == 0)
		*rc = rij_fout(st, st->drv->bind_text(s, 3, k->agb));
	if (*rc == 0)
		*rc = rij_fout(st, st->drv->bind_text(s, 4, k->verwijzer));
	rij_bind_getal(st, s, 5, k->maat, rc);
	rij_bind_getal(st, s, 6, k->periode, rc);
	rij_bind_getal(st, s, 7, k->dagen, rc);
}

/* Add the nonzero rows of b to the table. */
static int schrijf(struct store *st, const struct mc_bak *b)
{
	struct db_stmt *s = st->drv->prepare(st->conn, &mc_bij);
	struct db_stmt *weg = st->drv->prepare(st->conn, &mc_nul_weg);

	if (!s || !weg)
		return rij_fout(st, -2);
	for (size_t i = 0; i < b->cap; i++) {
		const struct mc_rij *r = &b->rijen[i];
		int rc = 0;
		if (r->k.periode == 0 || r->waarde == 0)
			continue;
		bind_sleutel(st, s, &r->k, &rc);
		rij_bind_getal(st, s, 8, r->waarde, &rc);
		if ((rc = rij_klaar(st, s, rc)) < 0)
			return rc;
		/* A decrease may leave a row at 0: drop it. */
		if (r->waarde < 0) {
			bind_sleutel(st, weg, &r->k, &rc);
			if ((rc = rij_klaar(st, weg, rc)) < 0)
				return rc;
		}
	}
	return 0;
}

int store_maandcijfers_tot_jaar(struct store *st, int *tot_jaar)
{
	char buf[16];
	int rc = store_meta_get(st, MAANDCIJFERS_TOT_JAAR, buf, sizeof buf);

	*tot_jaar = 0;
	if (rc < 0)
		return rc;
	if (rc == 1)
		*tot_jaar = atoi(buf);
	return 0;
}

/* Inserts rows handed out in key order: up to MC_REEKS rows with the
 * same gemeente, segment, agb and verwijzer are held and written by one
 * statement; a shorter group row by row. */
struct invoeger {
	struct store *st;
	struct db_stmt *s, *reeks;
	struct mc_rij wacht[MC_REEKS];
	size_t n;
	int rc;                 /* the store's error, when voeg_in stopped */
};

static bool zelfde_groep(const struct mc_sleutel *a, const struct mc_sleutel *b)
{
	return a->segment == b->segment && memcmp(a->gemeente, b->gemeente, sizeof a->gemeente) == 0 &&
	       memcmp(a->agb, b->agb, sizeof a->agb) == 0 &&
	       memcmp(a->verwijzer, b->verwijzer, sizeof a->verwijzer) == 0;
}

/* Write the held rows. */
static int invoeger_leeg(struct invoeger *iv)
{
	int rc = 0;

	if (iv->n == MC_REEKS) {
		bind_sleutel(iv->st, iv->reeks, &iv->wacht[0].k, &rc);
		for (int i = 0; i < MC_REEKS; i++) {
			const struct mc_rij *r = &iv->wacht[i];
			rij_bind_getal(iv->st, iv->reeks, 5 + 4 * i, r->k.maat, &rc);
			rij_bind_getal(iv->st, iv->reeks, 6 + 4 * i, r->k.periode, &rc);
			rij_bind_getal(iv->st, iv->reeks, 7 + 4 * i, r->k.dagen, &rc);
			rij_bind_getal(iv->st, iv->reeks, 8 + 4 * i, r->waarde, &rc);
		}
		rc = rij_klaar(iv->st, iv->reeks, rc);
	} else {
		for (size_t i = 0; i < iv->n && rc == 0; i++) {
			bind_sleutel(iv->st, iv->s, &iv->wacht[i].k, &rc);
			rij_bind_getal(iv->st, iv->s, 8, iv->wacht[i].waarde, &rc);
			rc = rij_klaar(iv->st, iv->s, rc);
		}
	}
	iv->n = 0;
	if (rc < 0)
		iv->rc = rc;
	return rc;
}

static int voeg_in(void *arg, const struct mc_rij *r)
{
	struct invoeger *iv = arg;

	if (iv->n > 0 && (iv->n == MC_REEKS || !zelfde_groep(&iv->wacht[0].k, &r->k)) &&
	    invoeger_leeg(iv) < 0)
		return 1;
	iv->wacht[iv->n++] = *r;
	return 0;
}

int store_maandcijfers_herbouw(struct store *st, int tot_jaar)
{
	struct mc_som *som;
	char buf[16];
	int rc;

	if (tot_jaar < 1900 || tot_jaar > 9999)
		return store_set_error(st, "maandcijfers: horizonjaar %d ligt niet tussen 1900 en 9999",
				       tot_jaar);
	if (!(som = mc_som_nieuw(MC_SOM_SLOTS)))
		return som_fout(st);
	rc = bereken_alles(st, tot_jaar, som);
	if (rc == 0) {
		struct db_stmt *s = st->drv->prepare(st->conn, &mc_wis);
		rc = s ? rij_klaar(st, s, 0) : rij_fout(st, -2);
	}
	if (rc == 0) {
		/* In key order: each insert appends to the table's B-tree. */
		struct invoeger iv = { .st = st, .s = st->drv->prepare(st->conn, &mc_insert),
				       .reeks = st->drv->prepare(st->conn, &mc_insert_reeks) };
		rc = iv.s && iv.reeks ? mc_som_uit(som, voeg_in, &iv) : rij_fout(st, -2);
		if (rc == 0 && invoeger_leeg(&iv) < 0)
			rc = 1;
		if (rc == 1)
			rc = iv.rc;
		else if (rc == -1)
			rc = som_fout(st);
	}
	mc_som_vrij(som);
	snprintf(buf, sizeof buf, "%d", tot_jaar);
	if (rc == 0)
		rc = store_meta_set(st, MAANDCIJFERS_TOT_JAAR, buf);
	return rc < 0 ? rc : 0;
}

struct verschillen {
	FILE *f;
	int64_t n;
};

static int meld_verschil(void *arg, const struct mc_rij *r)
{
	struct verschillen *v = arg;

	if (v->f && v->n < 50)
		fprintf(v->f, "verschil: %s periode %d gemeente '%s' segment %d aanbieder '%s' "
			      "verwijzer '%s' dagen %d: berekend - opgeslagen = %lld\n",
			mc_maat_naam(r->k.maat), r->k.periode, r->k.gemeente, r->k.segment, r->k.agb,
			r->k.verwijzer, r->k.dagen, (long long)r->waarde);
	v->n++;
	return 0;
}

int64_t store_maandcijfers_controleer(struct store *st, FILE *f)
{
	struct mc_som *som;
	struct verschillen vs = { f, 0 };
	int tot_jaar;
	int rc = store_maandcijfers_tot_jaar(st, &tot_jaar);

	if (rc < 0)
		return rc;
	if (tot_jaar == 0)
		return store_set_error(st, "de maandcijfers zijn nog niet opgebouwd: "
				       "draai eerst 'jeugdregie cijfers herbouw'");
	if (!(som = mc_som_nieuw(MC_SOM_SLOTS)))
		return som_fout(st);
	rc = bereken_alles(st, tot_jaar, som);
	struct db_stmt *s = rc == 0 ? st->drv->prepare(st->conn, &mc_alle) : NULL;
	if (rc == 0 && !s)
		rc = rij_fout(st, -2);
	/* What is stored is subtracted from what was computed: every row
	 * must end at 0. In batches through the list (prefetched slots). */
	for (size_t n = 1; rc == 0 && (rc = rij_fout(st, st->drv->step(s))) == 1; n++) {
		struct rij r = { st, s, &mc_alle, 0, 0 };
		char g[GEMEENTE_CODE_LEN], a[AGB_LEN], v[CODE2_LEN];
		rij_tekst(&r, g, sizeof g);
		int seg = (int)rij_getal(&r);
		rij_tekst(&r, a, sizeof a);
		rij_tekst(&r, v, sizeof v);
		int maat = (int)rij_getal(&r);
		int32_t periode = (int32_t)rij_getal(&r);
		int32_t dagen = (int32_t)rij_getal(&r);
		int64_t waarde = rij_getal(&r);
		struct mc_sleutel k;
		mc_sleutel_zet(&k, periode, maat, dagen, g, seg, a, v);
		rc = r.rc;
		if (rc == 0 && (mc_lijst_erbij(mc_som_lijst(som), &k, -waarde) < 0 ||
				(n % 4096 == 0 && mc_som_vol(som) < 0)))
			rc = som_fout(st);
	}
	if (rc == 0 && mc_som_vol(som) < 0)
		rc = som_fout(st);
	if (s)
		st->drv->reset(s);
	if (rc == 0 && mc_som_uit(som, meld_verschil, &vs) < 0)
		rc = som_fout(st);
	mc_som_vrij(som);
	return rc < 0 ? rc : vs.n;
}

/* ---- incremental upkeep ---- */

struct maandcijfers_tx {
	int tot_jaar;                       /* 0: aggregates not kept */
	struct treeknorm norms[SEGMENT_AANTAL];
	int64_t *ids;
	size_t n, cap;
	struct mc_bak delta;
};

int store_maandcijfers_raak(struct store *st, struct maandcijfers_tx **txp, int64_t jeugdige_id)
{
	struct maandcijfers_tx *tx = *txp;
	int rc;

	if (!tx) {
		tx = calloc(1, sizeof *tx);
		if (!tx)
			return store_set_error(st, "onvoldoende geheugen voor de maandcijfers");
		*txp = tx;
		mc_bak_init(&tx->delta);
		if ((rc = store_maandcijfers_tot_jaar(st, &tx->tot_jaar)) < 0)
			return rc;
		if (tx->tot_jaar != 0 && (rc = store_treeknormen(st, tx->norms)) < 0)
			return rc;
	}
	if (tx->tot_jaar == 0 || jeugdige_id <= 0)
		return 0;
	for (size_t i = 0; i < tx->n; i++)
		if (tx->ids[i] == jeugdige_id)
			return 0;
	if (!erbij((void **)&tx->ids, &tx->n, &tx->cap, sizeof *tx->ids))
		return store_set_error(st, "onvoldoende geheugen voor de maandcijfers");
	tx->ids[tx->n - 1] = jeugdige_id;
	return bijdrage_een(st, jeugdige_id, tx->norms, tx->tot_jaar, -1, &tx->delta);
}

int store_maandcijfers_sluit(struct store *st, struct maandcijfers_tx **txp)
{
	struct maandcijfers_tx *tx = *txp;
	int rc = 0;

	if (!tx)
		return 0;
	for (size_t i = 0; i < tx->n && rc == 0; i++)
		rc = bijdrage_een(st, tx->ids[i], tx->norms, tx->tot_jaar, 1, &tx->delta);
	if (rc == 0 && tx->n > 0)
		rc = schrijf(st, &tx->delta);
	store_maandcijfers_vergeet(txp);
	return rc;
}

void store_maandcijfers_vergeet(struct maandcijfers_tx **txp)
{
	struct maandcijfers_tx *tx = *txp;

	if (!tx)
		return;
	mc_bak_vrij(&tx->delta);
	free(tx->ids);
	free(tx);
	*txp = NULL;
}

static const struct sql_stmt mc_traject_jeugdige = {
	"mc_traject_jeugdige", "SELECT jeugdige_id FROM traject WHERE id = $1",
};

int store_maandcijfers_raak_traject(struct store *st, struct maandcijfers_tx **tx,
				    int64_t traject_id)
{
	struct db_stmt *s = st->drv->prepare(st->conn, &mc_traject_jeugdige);
	int64_t id = 0;
	int rc = 0;

	if (!s)
		return rij_fout(st, -2);
	rij_bind_getal(st, s, 1, traject_id, &rc);
	if (rc == 0 && (rc = rij_fout(st, st->drv->step(s))) == 1)
		id = st->drv->column_int64(s, 0);
	st->drv->reset(s);
	if (rc < 0)
		return rc;
	return store_maandcijfers_raak(st, tx, id);
}

int store_maandcijfers_klaar(struct store *st, struct maandcijfers_tx **tx, int rc)
{
	if (rc < 0) {
		store_maandcijfers_vergeet(tx);
		return rc;
	}
	int rc2 = store_maandcijfers_sluit(st, tx);
	return rc2 < 0 ? rc2 : rc;
}

int store_maandcijfers_bij(struct store *st, const struct mc_bak *b)
{
	return schrijf(st, b);
}

/* ---- reads ---- */

static void vul_lees(struct rij *r, void *e)
{
	struct maandcijfer_rij *m = e;

	m->periode = (int32_t)rij_getal(r);
	m->dagen = (int32_t)rij_getal(r);
	m->waarde = rij_getal(r);
}

int store_maandcijfers_lees(struct store *st, const char *gemeente, int segment,
			    const char *agb, const char *verwijzer, int maat, int32_t van,
			    int32_t tot, struct maandcijfer_rij **out, size_t *n)
{
	struct db_stmt *s = st->drv->prepare(st->conn, &mc_lees);
	void *arr = NULL;
	int rc = 0;

	*out = NULL;
	*n = 0;
	if (!s)
		return rij_fout(st, -2);
	rc = rij_fout(st, st->drv->bind_text(s, 1, gemeente));
	rij_bind_getal(st, s, 2, segment, &rc);
	if (rc == 0)
		rc = rij_fout(st, st->drv->bind_text(s, 3, agb));
	if (rc == 0)
		rc = rij_fout(st, st->drv->bind_text(s, 4, verwijzer));
	rij_bind_getal(st, s, 5, maat, &rc);
	rij_bind_getal(st, s, 6, van, &rc);
	rij_bind_getal(st, s, 7, tot, &rc);
	if (rc < 0) {
		st->drv->reset(s);
		return rc;
	}
	rc = rij_alle(st, &mc_lees, s, sizeof **out, vul_lees, &arr, n);
	*out = arr;
	return rc;
}
