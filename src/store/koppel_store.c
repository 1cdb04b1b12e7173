/* koppel_store: see koppel_store.h. */
#include "store/koppel_store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "domain/datum.h"
#include "domain/kpi.h"
#include "domain/wachtlijst.h"
#include "store/cijfers_store.h"
#include "store/driver.h"
#include "store/rij.h"
#include "store/store.h"
#include "store/store_intern.h"
#include "store/wachtlijst_store.h"

/* Age limits of a place: see the header. */
#define LEEFTIJD_MIN 0
#define LEEFTIJD_MAX 22

/* The latest round's places, whatever was decided: a turned-down one is
 * forbidden, and every other option then costs `wisselen` alike, which
 * moves no choice (and keeps a kept instance equal to a new build). */
static const struct sql_stmt kp_vorig = {
	"kp_vorig",
	"SELECT traject_id, agb, productcode, COALESCE(groep, '') FROM koppel_voorstel "
	"WHERE ronde_id = (SELECT max(id) FROM koppel_ronde) AND keuze = 'plek'",
};
static const struct sql_stmt kp_afgewezen = {
	"kp_afgewezen",
	"SELECT traject_id, agb, productcode, COALESCE(groep, '') FROM koppel_voorstel "
	"WHERE status = 'afgewezen'",
};
static const struct sql_stmt kp_ronde_zet = {
	"kp_ronde_zet",
	"INSERT INTO koppel_ronde (id, peildatum, tijdstip, door, data_versie, jeugdigen, "
	"plekken, plaatsen, gekoppeld, totaal, duur_us) "
	"SELECT COALESCE(max(id), 0) + 1, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10 "
	"FROM koppel_ronde",
};
static const struct sql_stmt kp_ronde_id = {
	"kp_ronde_id", "SELECT max(id) FROM koppel_ronde",
};
static const struct sql_stmt kp_voorstel_id = {
	"kp_voorstel_id", "SELECT COALESCE(max(id), 0) FROM koppel_voorstel",
};
static const struct sql_stmt kp_voorstel_zet = {
	"kp_voorstel_zet",
	"INSERT INTO koppel_voorstel (id, ronde_id, traject_id, jeugdige_id, gemeente, segment, "
	"gevraagd_product, huidig_agb, leeftijd, urgentie, crisis, weken, keuze, agb, "
	"productcode, groep, crisisplaats, afstand_hm, voorkeur, als_vorig, kosten, "
	"wachtkosten, tweede, tweede_agb, tweede_productcode, tweede_groep, tweede_kosten, "
	"meerkosten, status) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, "
	"$14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $28, "
	"'voorgesteld')",
};
static const struct sql_stmt kp_ronde_laatste = {
	"kp_ronde_laatste",
	"SELECT id, peildatum, tijdstip, door, data_versie, jeugdigen, plekken, plaatsen, "
	"gekoppeld, totaal, duur_us FROM koppel_ronde ORDER BY id DESC LIMIT 1",
};

#define VOORSTEL_KOLOMMEN \
	"SELECT v.id, v.ronde_id, v.traject_id, v.jeugdige_id, v.gemeente, g.naam, v.segment, " \
	"COALESCE(v.gevraagd_product, ''), COALESCE(v.huidig_agb, ''), COALESCE(h.naam, ''), " \
	"v.leeftijd, v.urgentie, v.crisis, v.weken, v.keuze, COALESCE(v.agb, ''), " \
	"COALESCE(a.naam, ''), COALESCE(v.productcode, ''), COALESCE(v.groep, ''), " \
	"v.crisisplaats, v.voorkeur, v.als_vorig, v.afstand_hm, v.kosten, v.wachtkosten, " \
	"v.tweede, COALESCE(v.tweede_agb, ''), COALESCE(b.naam, ''), " \
	"COALESCE(v.tweede_productcode, ''), COALESCE(v.tweede_groep, ''), v.tweede_kosten, " \
	"v.meerkosten, v.status, COALESCE(v.toewijzing_nummer, 0), COALESCE(v.reden, ''), " \
	"COALESCE(v.besloten_door, ''), COALESCE(v.besloten_op, ''), j.voornamen, " \
	"j.achternaam " \
	"FROM koppel_voorstel v JOIN gemeente g ON g.code = v.gemeente " \
	"JOIN jeugdige j ON j.id = v.jeugdige_id " \
	"LEFT JOIN aanbieder h ON h.agb = v.huidig_agb " \
	"LEFT JOIN aanbieder a ON a.agb = v.agb " \
	"LEFT JOIN aanbieder b ON b.agb = v.tweede_agb "

/* $2: 1 for the whole region; $3 the scope's gemeenten ",A,B," ("," none). */
static const struct sql_stmt kp_voorstellen = {
	"kp_voorstellen",
	VOORSTEL_KOLOMMEN
	"WHERE v.ronde_id = $1 AND ($2 = 1 OR ($3 <> ',' AND $3 LIKE '%,' || v.gemeente || ',%')) "
	"AND ($4 = '' OR v.gemeente = $4) AND ($5 < 0 OR v.segment = $5) "
	"ORDER BY v.gemeente, v.keuze, v.urgentie DESC, v.weken DESC, v.traject_id",
};
static const struct sql_stmt kp_voorstel_van = {
	"kp_voorstel_van",
	VOORSTEL_KOLOMMEN "WHERE v.traject_id = $1 ORDER BY v.ronde_id DESC LIMIT 1",
};
static const struct sql_stmt kp_besluit = {
	"kp_besluit",
	"UPDATE koppel_voorstel SET status = $2, toewijzing_nummer = $3, reden = $4, "
	"besloten_door = $5, besloten_op = $6 WHERE id = $1 AND status = 'voorgesteld'",
};
static const struct sql_stmt kp_status = {
	"kp_status", "SELECT status FROM koppel_voorstel WHERE id = $1",
};

static const struct sql_stmt kp_traject = {
	"kp_traject",
	"SELECT id, jeugdige_id, COALESCE(toewijzing_nummer, 0), COALESCE(agb, ''), "
	"COALESCE(team_id, 0), gemeente, segment, categorie, COALESCE(productcode, ''), groep, "
	"COALESCE(verwijzing_id, 0), status, aanmelddatum, intakedatum, begindatum, einddatum, "
	"overbrugging, veiligheidssignaal FROM traject WHERE id = $1",
};

/* The youth with a traject that may wait on $1: the narrowing of
 * store_wachtlijst_laad (wachtlijst_store.c, WACHTENDE_JEUGDIGEN) for the
 * whole region; who waits, for how long and how worrying is then judged
 * in C by domain/wachtlijst.c, as on the waiting list. */
#define KP_WACHTENDE_JEUGDIGEN \
	"(SELECT w.jeugdige_id FROM traject w" \
	" LEFT JOIN toewijzing wz ON wz.nummer = w.toewijzing_nummer" \
	" WHERE w.segment >= 1 AND COALESCE(w.aanmelddatum, wz.ingangsdatum) <= $1" \
	" AND (w.begindatum IS NULL OR w.begindatum > $1)" \
	" AND (w.einddatum IS NULL OR w.einddatum > $1) AND w.status <> 5)"

/* Every traject of those youth (the risk flags look at the others) with
 * the youth's date of birth: only what the model and the flags read. The
 * aanmelddatum of a traject without one is its toewijzing's
 * Ingangsdatum, as the waiting list reads it. */
static const struct sql_stmt kp_trajecten = {
	"kp_trajecten",
	"SELECT t.id, t.jeugdige_id, t.toewijzing_nummer, t.agb, t.gemeente, t.segment, "
	"t.categorie, t.productcode, t.status, COALESCE(t.aanmelddatum, z.ingangsdatum), "
	"t.intakedatum, t.begindatum, t.einddatum, t.reden_beeindiging, t.overbrugging, "
	"t.veiligheidssignaal, j.geboortedatum "
	"FROM traject t JOIN jeugdige j ON j.id = t.jeugdige_id "
	"LEFT JOIN toewijzing z ON z.nummer = t.toewijzing_nummer "
	"WHERE t.jeugdige_id IN " KP_WACHTENDE_JEUGDIGEN " ORDER BY t.jeugdige_id, t.id",
};
static const struct sql_stmt kp_school = {
	"kp_school",
	"SELECT id, jeugdige_id, niet_naar_school_sinds, tot FROM schoolstatus "
	"WHERE jeugdige_id IN " KP_WACHTENDE_JEUGDIGEN
	" ORDER BY jeugdige_id, niet_naar_school_sinds, id",
};
static const struct sql_stmt kp_besluiten = {
	"kp_besluiten",
	"SELECT b.id, b.traject_id, b.tijdstip, b.bevestigd FROM zorgelijk_besluit b "
	"JOIN traject t ON t.id = b.traject_id WHERE t.jeugdige_id IN " KP_WACHTENDE_JEUGDIGEN
	" ORDER BY b.traject_id, b.tijdstip, b.id",
};
/* The reports of [$1, $2] (not stale on the peildatum $2) of products of
 * segments 1-7, per place oldest first: the last of each place counts. */
static const struct sql_stmt kp_capaciteit = {
	"kp_capaciteit",
	"SELECT c.agb, a.naam, c.productcode, COALESCE(c.groep, ''), c.peildatum, "
	"c.vrije_plaatsen, c.crisis_gereserveerd, p.segment FROM capaciteit c "
	"JOIN aanbieder a ON a.agb = c.agb JOIN product p ON p.code = c.productcode "
	"WHERE p.segment BETWEEN 1 AND 7 AND c.peildatum >= $1 AND c.peildatum <= $2 "
	"ORDER BY c.agb, c.productcode, COALESCE(c.groep, ''), c.peildatum, c.id",
};
/* Which gemeente pays each traject of an aanbieder: counted in C (a
 * GROUP BY here sorts the whole table; the scan alone is cheap). */
static const struct sql_stmt kp_ligging = {
	"kp_ligging", "SELECT agb, gemeente FROM traject WHERE COALESCE(agb, '') <> ''",
};
static const struct sql_stmt kp_gemeenten = {
	"kp_gemeenten", "SELECT code, jeugdigen_0_17 FROM gemeente ORDER BY code",
};
static const struct sql_stmt kp_bevestigd = {
	"kp_bevestigd",
	"SELECT agb, productcode, COALESCE(groep, ''), crisisplaats, substr(besloten_op, 1, 10), "
	"traject_id, toewijzing_nummer FROM koppel_voorstel WHERE status = 'bevestigd'",
};

static const char *const status_namen[] = { "voorgesteld", "bevestigd", "afgewezen" };

const char *koppel_status_naam(enum koppel_status s)
{
	switch (s) {
	case KOPPEL_VOORGESTELD:
	case KOPPEL_BEVESTIGD:
	case KOPPEL_AFGEWEZEN:
		return status_namen[s];
	}
	return "?";
}

static void kopieer(char *dst, size_t n, const char *s)
{
	size_t k = s ? strnlen(s, n - 1) : 0;

	if (k)
		memcpy(dst, s, k);
	dst[k] = '\0';
}

/* ---- small row types ----------------------------------------------------------- */

/* A place of a traject: earlier, turned down, or confirmed. */
struct kp_plek_van {
	int64_t traject_id, toewijzing_nummer;
	char agb[AGB_LEN];
	char productcode[PRODUCTCODE_LEN];
	char groep[CAPACITEIT_GROEP_LEN];
	bool crisisplaats;
	dag_t op;
};

static void vul_plek_van(struct rij *r, void *e)
{
	struct kp_plek_van *p = e;

	p->traject_id = rij_getal(r);
	rij_tekst(r, p->agb, sizeof p->agb);
	rij_tekst(r, p->productcode, sizeof p->productcode);
	rij_tekst(r, p->groep, sizeof p->groep);
}

static void vul_bevestigd(struct rij *r, void *e)
{
	struct kp_plek_van *p = e;

	rij_tekst(r, p->agb, sizeof p->agb);
	rij_tekst(r, p->productcode, sizeof p->productcode);
	rij_tekst(r, p->groep, sizeof p->groep);
	p->crisisplaats = rij_getal(r) != 0;
	p->op = rij_datum(r);
	p->traject_id = rij_getal(r);
	p->toewijzing_nummer = rij_getal(r);
}

/* A traject row with its youth's date of birth. */
struct kp_traject {
	struct traject t;
	dag_t geboortedatum;
};

static void vul_traject_kort(struct rij *r, void *e)
{
	struct kp_traject *k = e;
	struct traject *t = &k->t;

	t->id = rij_getal(r);
	t->jeugdige_id = rij_getal(r);
	t->toewijzing_nummer = rij_getal(r);
	rij_tekst(r, t->agb, sizeof t->agb);
	rij_tekst(r, t->gemeente, sizeof t->gemeente);
	t->segment = (int)rij_getal(r);
	rij_tekst(r, t->categorie, sizeof t->categorie);
	rij_tekst(r, t->productcode, sizeof t->productcode);
	rij_traject_verloop(r, t);
	k->geboortedatum = rij_datum(r);
}

static void vul_besluit(struct rij *r, void *e)
{
	struct zorgelijk_besluit *z = e;

	z->id = rij_getal(r);
	z->traject_id = rij_getal(r);
	z->tijdstip = rij_getal(r);
	z->bevestigd = rij_getal(r) != 0;
}

/* The latest report of a place (kp_capaciteit). */
struct kp_melding {
	char agb[AGB_LEN];
	char naam[NAAM_LEN];
	char productcode[PRODUCTCODE_LEN];
	char groep[CAPACITEIT_GROEP_LEN];
	dag_t peildatum;
	int64_t vrij, crisis;
	int segment;
	char gemeente[GEMEENTE_CODE_LEN];   /* location, filled after */
};

static void vul_melding(struct rij *r, void *e)
{
	struct kp_melding *m = e;

	rij_tekst(r, m->agb, sizeof m->agb);
	rij_tekst(r, m->naam, sizeof m->naam);
	rij_tekst(r, m->productcode, sizeof m->productcode);
	rij_tekst(r, m->groep, sizeof m->groep);
	m->peildatum = rij_datum(r);
	m->vrij = rij_getal(r);
	m->crisis = rij_getal(r);
	m->segment = (int)rij_getal(r);
}

struct kp_gemeente {
	char code[GEMEENTE_CODE_LEN];
	int64_t jeugdigen;
};

static void vul_gemeente(struct rij *r, void *e)
{
	struct kp_gemeente *g = e;

	rij_tekst(r, g->code, sizeof g->code);
	g->jeugdigen = rij_getal(r);
}

/* An unbound statement's rows. */
static int alle(struct store *st, const struct sql_stmt *q, size_t sz, rij_vul_fn vul,
		void **out, size_t *n)
{
	struct db_stmt *p = st->drv->prepare(st->conn, q);

	*out = NULL;
	*n = 0;
	if (!p)
		return rij_fout(st, -2);
	return rij_alle(st, q, p, sz, vul, out, n);
}

/* The rows of q bound to $1 = peildatum (and $2 = tot when given). */
static int alle_op(struct store *st, const struct sql_stmt *q, dag_t peildatum, dag_t tot,
		   size_t sz, rij_vul_fn vul, void **out, size_t *n)
{
	struct db_stmt *p = st->drv->prepare(st->conn, q);
	char a[11], b[11];

	*out = NULL;
	*n = 0;
	if (!p)
		return rij_fout(st, -2);
	datum_fmt(peildatum, a);
	if (st->drv->bind_text(p, 1, a) < 0 ||
	    (tot != DAG_GEEN && st->drv->bind_text(p, 2, datum_fmt(tot, b)) < 0)) {
		st->drv->reset(p);
		return rij_fout(st, -2);
	}
	return rij_alle(st, q, p, sz, vul, out, n);
}

/* The plek index of (agb, product, group) in ki, or -1. */
static int32_t zoek_plek(const struct koppel_instantie *ki, const char *agb, const char *product,
			 const char *groep)
{
	for (size_t i = 0; i < ki->n_plek; i++)
		if (strcmp(ki->plek[i].agb, agb) == 0 &&
		    strcmp(ki->plek[i].productcode, product) == 0 &&
		    strcmp(ki->plek[i].groep, groep) == 0)
			return (int32_t)i;
	return -1;
}

int32_t koppel_instantie_plek(const struct koppel_instantie *ki, const char *agb,
			      const char *productcode, const char *groep)
{
	return zoek_plek(ki, agb, productcode, groep);
}

int32_t koppel_instantie_zoek(const struct koppel_instantie *ki, int64_t traject_id)
{
	for (size_t i = 0; i < ki->n_wacht; i++)
		if (ki->wacht[i].traject_id == traject_id && !ki->wacht[i].weg)
			return (int32_t)i;
	return -1;
}

void koppel_instantie_vrij(struct koppel_instantie *ki)
{
	koppel_free(ki->k);
	free(ki->plek);
	free(ki->wacht);
	free(ki->vs);
	memset(ki, 0, sizeof *ki);
}

static void *kopie_van(const void *p, size_t n, size_t sz)
{
	void *q = malloc(n ? n * sz : 1);

	if (q && n)
		memcpy(q, p, n * sz);
	return q;
}

int koppel_instantie_kopie(const struct koppel_instantie *src, struct koppel_instantie *dst)
{
	memset(dst, 0, sizeof *dst);
	dst->sleutel = src->sleutel;
	dst->plaatsen = src->plaatsen;
	dst->totaal = src->totaal;
	dst->n_plek = src->n_plek;
	dst->n_wacht = src->n_wacht;
	dst->plek = kopie_van(src->plek, src->n_plek, sizeof *src->plek);
	dst->wacht = kopie_van(src->wacht, src->n_wacht, sizeof *src->wacht);
	dst->vs = src->vs ? kopie_van(src->vs, src->n_wacht, sizeof *src->vs) : NULL;
	if (!dst->plek || !dst->wacht || (src->vs && !dst->vs)) {
		koppel_instantie_vrij(dst);
		return -1;
	}
	return 0;
}

/* ---- the key of an instance ---------------------------------------------------- */

/* Raised with every round and every decision on a proposal. */
#define KOPPEL_VERSIE "koppel.versie"

static int koppel_versie_verhoog(struct store *st)
{
	char buf[24] = "";
	long long v;
	int rc = store_meta_get(st, KOPPEL_VERSIE, buf, sizeof buf);

	if (rc < 0)
		return rc;
	v = rc > 0 ? strtoll(buf, NULL, 10) : 0;
	snprintf(buf, sizeof buf, "%lld", v + 1);
	return store_meta_set(st, KOPPEL_VERSIE, buf);
}

int store_koppel_sleutel(struct store *st, dag_t peildatum, struct koppel_sleutel *s)
{
	char buf[24] = "";
	int rc;

	memset(s, 0, sizeof *s);
	s->peildatum = peildatum;
	if ((rc = store_meta_get(st, STORE_DATA_VERSIE, s->data_versie,
				 sizeof s->data_versie)) < 0 ||
	    (rc = store_meta_get(st, KOPPEL_VERSIE, buf, sizeof buf)) < 0)
		return rc;
	s->koppel_versie = rc > 0 ? strtoll(buf, NULL, 10) : 0;
	return store_capaciteit_verouderd(st, &s->verouderd);
}

bool koppel_sleutel_gelijk(const struct koppel_sleutel *a, const struct koppel_sleutel *b)
{
	return a->peildatum == b->peildatum && a->koppel_versie == b->koppel_versie &&
	       a->verouderd == b->verouderd && strcmp(a->data_versie, b->data_versie) == 0;
}

/* ---- building ------------------------------------------------------------------ */

struct bouw {
	struct kpi_data d;
	struct kp_traject *rijen;             size_t n_rijen;
	struct traject *trajecten;
	struct jeugdige *jeugdigen;           size_t n_jeugdigen;
	struct schoolstatus *school;          size_t n_school;
	struct zorgelijk_besluit *besluiten;  size_t n_besluiten;
	struct wachtlijst_regel *regels;      size_t n_regels;
	struct kp_melding *meldingen;         size_t n_meldingen;
	struct kp_gemeente *gemeenten;        size_t n_gemeenten;
	struct kp_plek_van *bevestigd;        size_t n_bevestigd;
	struct kp_plek_van *vorig;            size_t n_vorig;
	struct kp_plek_van *afgewezen;        size_t n_afgewezen;
	char grootste[GEMEENTE_CODE_LEN];
};

static void bouw_vrij(struct bouw *b)
{
	free(b->rijen);
	free(b->trajecten);
	free(b->jeugdigen);
	free(b->school);
	free(b->besluiten);
	free(b->regels);
	free(b->meldingen);
	free(b->gemeenten);
	free(b->bevestigd);
	free(b->vorig);
	free(b->afgewezen);
}

/* The waiting list of the whole region on peildatum, from the narrow read:
 * the same kpi_data the waiting list judges, without names or BSN. */
static int wachtlijst_lees(struct store *st, dag_t peildatum, struct bouw *b)
{
	struct treeknorm norms[SEGMENT_AANTAL];
	void *m;
	int rc;

	if ((rc = store_treeknormen(st, norms)) < 0 ||
	    (rc = alle_op(st, &kp_trajecten, peildatum, DAG_GEEN, sizeof *b->rijen,
			  vul_traject_kort, &m, &b->n_rijen)) < 0)
		return rc;
	b->rijen = m;
	if ((rc = alle_op(st, &kp_school, peildatum, DAG_GEEN, sizeof *b->school, rij_vul_schoolstatus, &m,
			  &b->n_school)) < 0)
		return rc;
	b->school = m;
	if ((rc = alle_op(st, &kp_besluiten, peildatum, DAG_GEEN, sizeof *b->besluiten,
			  vul_besluit, &m, &b->n_besluiten)) < 0)
		return rc;
	b->besluiten = m;
	b->trajecten = calloc(b->n_rijen ? b->n_rijen : 1, sizeof *b->trajecten);
	b->jeugdigen = calloc(b->n_rijen ? b->n_rijen : 1, sizeof *b->jeugdigen);
	if (!b->trajecten || !b->jeugdigen)
		return store_set_error(st, "onvoldoende geheugen voor de wachtlijst");
	/* Rows come by jeugdige_id: one youth per run. */
	for (size_t i = 0; i < b->n_rijen; i++) {
		b->trajecten[i] = b->rijen[i].t;
		if (b->n_jeugdigen == 0 ||
		    b->jeugdigen[b->n_jeugdigen - 1].id != b->rijen[i].t.jeugdige_id) {
			struct jeugdige *j = &b->jeugdigen[b->n_jeugdigen++];

			j->id = b->rijen[i].t.jeugdige_id;
			j->geboortedatum = b->rijen[i].geboortedatum;
		}
	}
	b->d.trajecten = b->trajecten;
	b->d.n_trajecten = b->n_rijen;
	b->d.jeugdigen = b->jeugdigen;
	b->d.n_jeugdigen = b->n_jeugdigen;
	b->d.school = b->school;
	b->d.n_school = b->n_school;
	b->d.besluiten = b->besluiten;
	b->d.n_besluiten = b->n_besluiten;
	if (wachtlijst_bereken(&b->d, NULL, peildatum, norms, &b->regels, &b->n_regels) < 0)
		return store_set_error(st, "onvoldoende geheugen voor de wachtlijst");
	return 0;
}

/* Each place's location (see the header): the gemeenten, then one scan of
 * the trajecten counted per (aanbieder with a place, gemeente). */
static int ligging_lees(struct store *st, struct bouw *b)
{
	const struct db_driver *d = st->drv;
	struct db_stmt *p;
	size_t n_agb = 0, *tel = NULL;
	struct kp_melding **agb = NULL;
	int64_t meest = -1;
	void *m;
	int rc;

	if ((rc = alle(st, &kp_gemeenten, sizeof *b->gemeenten, vul_gemeente, &m,
		       &b->n_gemeenten)) < 0)
		return rc;
	b->gemeenten = m;
	for (size_t g = 0; g < b->n_gemeenten; g++)
		if (b->gemeenten[g].jeugdigen > meest) {
			meest = b->gemeenten[g].jeugdigen;
			kopieer(b->grootste, sizeof b->grootste, b->gemeenten[g].code);
		}
	/* The meldingen are ordered by agb: one entry per aanbieder. */
	agb = calloc(b->n_meldingen ? b->n_meldingen : 1, sizeof *agb);
	if (!agb)
		return store_set_error(st, "onvoldoende geheugen voor de ligging");
	for (size_t i = 0; i < b->n_meldingen; i++)
		if (n_agb == 0 || strcmp(agb[n_agb - 1]->agb, b->meldingen[i].agb) != 0)
			agb[n_agb++] = &b->meldingen[i];
	tel = calloc(n_agb * b->n_gemeenten + 1, sizeof *tel);
	if (!tel) {
		free(agb);
		return store_set_error(st, "onvoldoende geheugen voor de ligging");
	}
	if (!(p = d->prepare(st->conn, &kp_ligging))) {
		rc = rij_fout(st, -2);
		goto uit;
	}
	while ((rc = rij_fout(st, d->step(p))) == 1) {
		const char *a = d->column_text(p, 0), *g = d->column_text(p, 1);
		size_t lo = 0, hi = n_agb, glo = 0, ghi = b->n_gemeenten;

		if (!a || !g)
			continue;
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;

			if (strcmp(agb[mid]->agb, a) < 0)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo == n_agb || strcmp(agb[lo]->agb, a) != 0)
			continue;
		while (glo < ghi) {
			size_t mid = glo + (ghi - glo) / 2;

			if (strcmp(b->gemeenten[mid].code, g) < 0)
				glo = mid + 1;
			else
				ghi = mid;
		}
		if (glo < b->n_gemeenten && strcmp(b->gemeenten[glo].code, g) == 0)
			tel[lo * b->n_gemeenten + glo]++;
	}
	d->reset(p);
	if (rc < 0)
		goto uit;
	rc = 0;
	/* Most trajecten; a tie goes to the lowest code; none: the largest.
	 * agb[k] is the first melding of the k-th aanbieder. */
	for (size_t i = 0, k = 0; i < b->n_meldingen; i++) {
		const char *plek = b->grootste;
		size_t beste = 0;

		if (strcmp(agb[k]->agb, b->meldingen[i].agb) != 0)
			k++;
		for (size_t g = 0; g < b->n_gemeenten; g++)
			if (tel[k * b->n_gemeenten + g] > beste) {
				beste = tel[k * b->n_gemeenten + g];
				plek = b->gemeenten[g].code;
			}
		kopieer(b->meldingen[i].gemeente, sizeof b->meldingen[i].gemeente, plek);
	}
uit:
	free(agb);
	free(tel);
	return rc;
}

/* The latest report of each place on peildatum that is not stale. */
static int capaciteit_lees(struct store *st, dag_t peildatum, int64_t verouderd, struct bouw *b)
{
	size_t n = 0, k = 0;
	void *m;
	int rc;

	if ((rc = alle_op(st, &kp_capaciteit, peildatum - (dag_t)verouderd, peildatum,
			  sizeof *b->meldingen, vul_melding, &m, &n)) < 0)
		return rc;
	b->meldingen = m;
	/* Rows of one place are adjacent, oldest first: keep the last. */
	for (size_t i = 0; i < n; i++) {
		const struct kp_melding *r = &b->meldingen[i], *v = i + 1 < n ? r + 1 : NULL;

		if (v && strcmp(v->agb, r->agb) == 0 && strcmp(v->productcode, r->productcode) == 0 &&
		    strcmp(v->groep, r->groep) == 0)
			continue;
		if (k != i)
			b->meldingen[k] = *r;
		k++;
	}
	b->n_meldingen = k;
	return 0;
}

static int bouw_lees(struct store *st, dag_t peildatum, int64_t verouderd, struct bouw *b)
{
	void *m;
	int rc;

	if ((rc = wachtlijst_lees(st, peildatum, b)) < 0 ||
	    (rc = capaciteit_lees(st, peildatum, verouderd, b)) < 0 ||
	    (rc = ligging_lees(st, b)) < 0)
		return rc;
	if ((rc = alle(st, &kp_bevestigd, sizeof *b->bevestigd, vul_bevestigd, &m,
		       &b->n_bevestigd)) < 0)
		return rc;
	b->bevestigd = m;
	if ((rc = alle(st, &kp_vorig, sizeof *b->vorig, vul_plek_van, &m, &b->n_vorig)) < 0)
		return rc;
	b->vorig = m;
	if ((rc = alle(st, &kp_afgewezen, sizeof *b->afgewezen, vul_plek_van, &m,
		       &b->n_afgewezen)) < 0)
		return rc;
	b->afgewezen = m;
	return 0;
}

static int plekken_maak(struct store *st, const struct bouw *b, struct koppel_instantie *ki)
{
	ki->plek = calloc(b->n_meldingen ? b->n_meldingen : 1, sizeof *ki->plek);
	if (!ki->plek)
		return store_set_error(st, "onvoldoende geheugen voor de capaciteit");
	for (size_t i = 0; i < b->n_meldingen; i++) {
		const struct kp_melding *m = &b->meldingen[i];
		int64_t vrij = m->vrij, crisis = m->crisis;

		/* A confirmed proposal took a place the report still counts. */
		for (size_t k = 0; k < b->n_bevestigd; k++) {
			const struct kp_plek_van *c = &b->bevestigd[k];

			if (c->op < m->peildatum || strcmp(c->agb, m->agb) != 0 ||
			    strcmp(c->productcode, m->productcode) != 0 ||
			    strcmp(c->groep, m->groep) != 0)
				continue;
			vrij--;
			if (c->crisisplaats)
				crisis--;
		}
		if (crisis < 0)
			crisis = 0;
		if (crisis > vrij)
			crisis = vrij;
		if (vrij <= 0 || vrij > 100000)
			continue;
		struct koppel_plaats *q = &ki->plek[ki->n_plek];
		struct koppel_plek kp = { .id = (int64_t)ki->n_plek + 1 };

		kopieer(q->agb, sizeof q->agb, m->agb);
		kopieer(q->aanbieder_naam, sizeof q->aanbieder_naam, m->naam);
		kopieer(q->productcode, sizeof q->productcode, m->productcode);
		kopieer(q->groep, sizeof q->groep, m->groep);
		kopieer(q->gemeente, sizeof q->gemeente, m->gemeente);
		q->segment = m->segment;
		q->plaatsen = (int)vrij;
		q->crisisplaatsen = (int)crisis;
		q->gemeld = m->peildatum;

		kopieer(kp.agb, sizeof kp.agb, q->agb);
		kp.segment = q->segment;
		kopieer(kp.productcode, sizeof kp.productcode, q->productcode);
		kp.leeftijd_min = LEEFTIJD_MIN;
		kp.leeftijd_max = LEEFTIJD_MAX;
		kopieer(kp.gemeente, sizeof kp.gemeente, q->gemeente);
		kp.plaatsen = q->plaatsen;
		kp.crisisplaatsen = q->crisisplaatsen;
		if (koppel_plek_add(ki->k, &kp) != (int32_t)ki->n_plek)
			return store_set_error(st, "capaciteit van %s (%s) past niet in de koppeling "
					       "(gemeente %s onbekend of geen geheugen)", q->agb,
					       q->productcode, q->gemeente);
		ki->plaatsen += q->plaatsen;
		ki->n_plek++;
	}
	return 0;
}

/* Risk flags that raise the urgency (not "no bridging care" alone: most
 * waiting youth have none, it would make everybody urgent). */
#define RISICO_URGENT (KPI_RISICO_VEILIGHEID | KPI_RISICO_THUISZITTER | KPI_RISICO_LEEFTIJD | \
		       KPI_RISICO_JEUGDBESCHERMING | KPI_RISICO_UITVAL)

/* A confirmed proposal's traject (or the toewijzing it became) holds a
 * place already counted off: it is not matched again. */
static bool al_gekoppeld(const struct bouw *b, const struct traject *t)
{
	for (size_t k = 0; k < b->n_bevestigd; k++)
		if (b->bevestigd[k].traject_id == t->id ||
		    (t->toewijzing_nummer && b->bevestigd[k].toewijzing_nummer == t->toewijzing_nummer))
			return true;
	return false;
}

static int wachtenden_maak(struct store *st, const struct bouw *b, struct koppel_instantie *ki)
{
	ki->wacht = calloc(b->n_regels ? b->n_regels : 1, sizeof *ki->wacht);
	if (!ki->wacht)
		return store_set_error(st, "onvoldoende geheugen voor de wachtlijst");
	for (size_t i = 0; i < b->n_regels; i++) {
		const struct wachtlijst_regel *r = &b->regels[i];
		struct koppel_wachtende *w = &ki->wacht[ki->n_wacht];
		struct koppel_jeugdige j = { .id = r->t->id };

		if (!r->j || r->j->geboortedatum == DAG_GEEN)
			continue; /* no age: no place can be checked to fit */
		if (al_gekoppeld(b, r->t))
			continue;
		w->traject_id = r->t->id;
		w->jeugdige_id = r->t->jeugdige_id;
		kopieer(w->gemeente, sizeof w->gemeente, r->t->gemeente);
		w->segment = r->t->segment;
		kopieer(w->productcode, sizeof w->productcode, r->t->productcode);
		kopieer(w->huidig_agb, sizeof w->huidig_agb, r->t->agb);
		w->leeftijd = datum_leeftijd(r->j->geboortedatum, ki->peildatum);
		if (w->leeftijd < 0)
			w->leeftijd = 0;
		w->zorgelijk = r->zorgelijk;
		w->urgentie = r->zorgelijk ? URGENTIE_HOOG
			      : (r->risico & RISICO_URGENT) ? URGENTIE_VERHOOGD : URGENTIE_NORMAAL;
		w->crisis = r->t->segment == SEGMENT_CRISIS || r->t->veiligheidssignaal;
		w->weken = r->dagen > 0 ? r->dagen / 7 : 0;

		j.segment = w->segment;
		kopieer(j.productcode, sizeof j.productcode, w->productcode);
		j.leeftijd = w->leeftijd;
		kopieer(j.gemeente, sizeof j.gemeente, w->gemeente);
		j.urgentie = w->urgentie;
		j.weken_gewacht = w->weken;
		j.treeknorm_weken = (r->norm_intake + r->norm_start) / 7;
		j.crisis = w->crisis;
		kopieer(j.voorkeur_agb, sizeof j.voorkeur_agb, w->huidig_agb);
		for (size_t k = 0; k < b->n_vorig; k++) {
			const struct kp_plek_van *v = &b->vorig[k];
			int32_t p;

			if (v->traject_id != w->traject_id)
				continue;
			if ((p = zoek_plek(ki, v->agb, v->productcode, v->groep)) >= 0)
				j.vorig_voorstel = (int64_t)p + 1;
		}
		if (koppel_jeugdige_add(ki->k, &j) != (int32_t)ki->n_wacht)
			return store_set_error(st, "traject %lld past niet in de koppeling (gemeente "
					       "%s onbekend of geen geheugen)", (long long)j.id,
					       j.gemeente);
		for (size_t k = 0; k < b->n_afgewezen; k++) {
			const struct kp_plek_van *v = &b->afgewezen[k];
			int32_t p;

			if (v->traject_id == w->traject_id &&
			    (p = zoek_plek(ki, v->agb, v->productcode, v->groep)) >= 0 &&
			    koppel_verbied(ki->k, (int32_t)ki->n_wacht, p) < 0)
				return store_set_error(st, "onvoldoende geheugen voor de koppeling");
		}
		ki->n_wacht++;
	}
	return 0;
}

int store_koppel_bouw(struct store *st, dag_t peildatum, const struct koppel_gewichten *w,
		      struct koppel_instantie *ki)
{
	struct koppel_gewichten std;
	struct bouw b;
	int rc;

	koppel_instantie_vrij(ki);
	memset(&b, 0, sizeof b);
	ki->peildatum = peildatum;
	if (!w) {
		koppel_gewichten_standaard(&std);
		w = &std;
	}
	if ((rc = store_koppel_sleutel(st, peildatum, &ki->sleutel)) < 0 ||
	    (rc = bouw_lees(st, peildatum, ki->sleutel.verouderd, &b)) < 0)
		goto uit;
	if (!(ki->k = koppel_new(w))) {
		rc = store_set_error(st, "onvoldoende geheugen voor de koppeling");
		goto uit;
	}
	if ((rc = plekken_maak(st, &b, ki)) < 0 || (rc = wachtenden_maak(st, &b, ki)) < 0)
		goto uit;
	rc = 0;
uit:
	bouw_vrij(&b);
	if (rc < 0)
		koppel_instantie_vrij(ki);
	return rc;
}

int koppel_instantie_los_op(struct koppel_instantie *ki)
{
	if (koppel_los_op(ki->k) != MCF_OPTIMAL || koppel_uitleg(ki->k) < 0)
		return -1;
	if (!ki->vs && !(ki->vs = calloc(ki->n_wacht ? ki->n_wacht : 1, sizeof *ki->vs)))
		return -1;
	for (size_t i = 0; i < ki->n_wacht; i++)
		ki->vs[i] = *koppel_voorstel(ki->k, (int32_t)i);
	ki->totaal = koppel_totaal(ki->k);
	return 0;
}

int store_koppel_los_op(struct store *st, struct koppel_instantie *ki)
{
	if (koppel_instantie_los_op(ki) < 0)
		return store_set_error(st, "de koppeling is niet op te lossen (solver of geheugen)");
	return 0;
}

int koppel_instantie_bevestig(struct koppel_instantie *ki, int32_t wachtende, int32_t plek,
			      bool crisisplaats)
{
	struct koppel_plaats *q;
	int vrij, crisis;

	if (wachtende < 0 || (size_t)wachtende >= ki->n_wacht || plek < 0 ||
	    (size_t)plek >= ki->n_plek || ki->plek[plek].plaatsen <= 0 ||
	    koppel_jeugdige_weg(ki->k, wachtende) < 0)
		return -1;
	/* As plekken_maak counts a confirmation off the report. */
	ki->wacht[wachtende].weg = true;
	q = &ki->plek[plek];
	vrij = q->plaatsen - 1;
	crisis = q->crisisplaatsen - (crisisplaats ? 1 : 0);
	if (crisis < 0)
		crisis = 0;
	if (crisis > vrij)
		crisis = vrij;
	if (koppel_plek_zet(ki->k, plek, vrij, crisis) < 0)
		return -1;
	q->plaatsen = vrij;
	q->crisisplaatsen = crisis;
	ki->plaatsen--;
	/* A new build leaves a full place out: closed to everyone, it is no
	 * option (nor runner-up) here either. */
	for (size_t i = 0; vrij == 0 && i < ki->n_wacht; i++)
		if (koppel_verbied(ki->k, (int32_t)i, plek) < 0)
			return -1;
	return 0;
}

int koppel_instantie_verbied(struct koppel_instantie *ki, int32_t wachtende, int32_t plek)
{
	if (wachtende < 0 || (size_t)wachtende >= ki->n_wacht)
		return -1;
	return koppel_verbied(ki->k, wachtende, plek);
}

/* ---- rounds -------------------------------------------------------------------- */

/* Step a bound one-row query: 1 with the first column in *v, 0 none. */
static int een_waarde(struct store *st, struct db_stmt *p, int64_t *v)
{
	int rc = rij_fout(st, st->drv->step(p));

	if (rc == 1 && v)
		*v = st->drv->column_is_null(p, 0) ? 0 : st->drv->column_int64(p, 0);
	st->drv->reset(p);
	return rc < 0 ? rc : rc == 1;
}

/* Bind text, NULL when "" (a nullable column). */
static int b_tekst(const struct db_driver *d, struct db_stmt *p, int pos, const char *s)
{
	return s && s[0] ? d->bind_text(p, pos, s) : d->bind_null(p, pos);
}

static const char *keuze_naam(enum koppel_keuze k)
{
	switch (k) {
	case KEUZE_PLEK:
		return "plek";
	case KEUZE_NIET_NU:
		return "niet_nu";
	case KEUZE_GEEN:
		return "geen";
	}
	return "geen";
}

static int voorstel_schrijf(struct store *st, const struct koppel_instantie *ki, size_t i,
			    int64_t id, int64_t ronde)
{
	const struct db_driver *d = st->drv;
	const struct koppel_wachtende *w = &ki->wacht[i];
	const struct koppel_voorstel *v = ki->vs ? &ki->vs[i] : NULL;
	const struct koppel_plaats *p = NULL, *t = NULL;
	struct db_stmt *s;
	int rc = 0;

	if (!v)
		return store_set_error(st, "geen voorstel voor traject %lld",
				       (long long)w->traject_id);
	if (v->keuze == KEUZE_PLEK && v->plek >= 1 && (size_t)v->plek <= ki->n_plek)
		p = &ki->plek[v->plek - 1];
	if (v->tweede == KEUZE_PLEK && v->tweede_plek >= 1 && (size_t)v->tweede_plek <= ki->n_plek)
		t = &ki->plek[v->tweede_plek - 1];
	if (!(s = d->prepare(st->conn, &kp_voorstel_zet)))
		return rij_fout(st, -2);
	if (d->bind_int64(s, 1, id) < 0 || d->bind_int64(s, 2, ronde) < 0 ||
	    d->bind_int64(s, 3, w->traject_id) < 0 || d->bind_int64(s, 4, w->jeugdige_id) < 0 ||
	    d->bind_text(s, 5, w->gemeente) < 0 || d->bind_int64(s, 6, w->segment) < 0 ||
	    b_tekst(d, s, 7, w->productcode) < 0 || b_tekst(d, s, 8, w->huidig_agb) < 0 ||
	    d->bind_int64(s, 9, w->leeftijd) < 0 || d->bind_int64(s, 10, (int64_t)w->urgentie) < 0 ||
	    d->bind_int64(s, 11, w->crisis) < 0 || d->bind_int64(s, 12, w->weken) < 0 ||
	    d->bind_text(s, 13, p ? "plek" : "niet_nu") < 0 ||
	    b_tekst(d, s, 14, p ? p->agb : NULL) < 0 ||
	    b_tekst(d, s, 15, p ? p->productcode : NULL) < 0 ||
	    b_tekst(d, s, 16, p ? p->groep : NULL) < 0 ||
	    d->bind_int64(s, 17, p && v->crisisplaats) < 0 ||
	    d->bind_int64(s, 18, p ? v->afstand_hm : 0) < 0 ||
	    d->bind_int64(s, 19, p && v->voorkeur) < 0 || d->bind_int64(s, 20, v->als_vorig) < 0 ||
	    d->bind_int64(s, 21, v->kosten) < 0 || d->bind_int64(s, 22, v->wachtkosten) < 0 ||
	    d->bind_text(s, 23, keuze_naam(v->tweede == KEUZE_PLEK && !t ? KEUZE_GEEN
									 : v->tweede)) < 0 ||
	    b_tekst(d, s, 24, t ? t->agb : NULL) < 0 ||
	    b_tekst(d, s, 25, t ? t->productcode : NULL) < 0 ||
	    b_tekst(d, s, 26, t ? t->groep : NULL) < 0 ||
	    d->bind_int64(s, 27, v->tweede_kosten) < 0 || d->bind_int64(s, 28, v->meerkosten) < 0)
		rc = -2;
	if (rc == 0)
		rc = d->step(s);
	d->reset(s);
	return rij_fout(st, rc < 0 ? rc : 0);
}

int store_koppel_ronde_schrijf(struct store *st, const struct koppel_instantie *ki,
			       const char *door, const char *nu, int64_t duur_us, int64_t *ronde)
{
	const struct db_driver *d = st->drv;
	struct db_stmt *s;
	int64_t gekoppeld = 0, id = 0, wachtend = 0, plekken = 0;
	char peil[11];
	int rc = 0;

	/* A kept instance keeps a place whose last one was taken: not counted. */
	for (size_t i = 0; i < ki->n_plek; i++)
		plekken += ki->plek[i].plaatsen > 0;

	for (size_t i = 0; i < ki->n_wacht; i++) {
		wachtend += !ki->wacht[i].weg;
		gekoppeld += !ki->wacht[i].weg && ki->vs && ki->vs[i].keuze == KEUZE_PLEK;
	}
	datum_fmt(ki->peildatum, peil);
	if (!(s = d->prepare(st->conn, &kp_ronde_zet)))
		return rij_fout(st, -2);
	if (d->bind_text(s, 1, peil) < 0 || d->bind_text(s, 2, nu) < 0 ||
	    d->bind_text(s, 3, door) < 0 || d->bind_text(s, 4, ki->sleutel.data_versie) < 0 ||
	    d->bind_int64(s, 5, wachtend) < 0 ||
	    d->bind_int64(s, 6, plekken) < 0 || d->bind_int64(s, 7, ki->plaatsen) < 0 ||
	    d->bind_int64(s, 8, gekoppeld) < 0 || d->bind_int64(s, 9, ki->totaal) < 0 ||
	    d->bind_int64(s, 10, duur_us) < 0)
		rc = -2;
	if (rc == 0)
		rc = d->step(s);
	d->reset(s);
	if ((rc = rij_fout(st, rc < 0 ? rc : 0)) < 0)
		return rc;
	if (!(s = d->prepare(st->conn, &kp_ronde_id)))
		return rij_fout(st, -2);
	if ((rc = een_waarde(st, s, ronde)) < 0)
		return rc;
	if (!(s = d->prepare(st->conn, &kp_voorstel_id)))
		return rij_fout(st, -2);
	if ((rc = een_waarde(st, s, &id)) < 0)
		return rc;
	for (size_t i = 0; i < ki->n_wacht; i++)
		if (!ki->wacht[i].weg && (rc = voorstel_schrijf(st, ki, i, ++id, *ronde)) < 0)
			return rc;
	return koppel_versie_verhoog(st);
}

int store_koppel_ronde_laatste(struct store *st, struct koppel_ronde_rij *out)
{
	struct db_stmt *p = st->drv->prepare(st->conn, &kp_ronde_laatste);
	int rc;

	memset(out, 0, sizeof *out);
	if (!p)
		return rij_fout(st, -2);
	rc = rij_fout(st, st->drv->step(p));
	if (rc == 1) {
		struct rij r = { st, p, &kp_ronde_laatste, 0, 0 };

		out->id = rij_getal(&r);
		out->peildatum = rij_datum(&r);
		rij_tekst(&r, out->tijdstip, sizeof out->tijdstip);
		rij_tekst(&r, out->door, sizeof out->door);
		rij_tekst(&r, out->data_versie, sizeof out->data_versie);
		out->jeugdigen = rij_getal(&r);
		out->plekken = rij_getal(&r);
		out->plaatsen = rij_getal(&r);
		out->gekoppeld = rij_getal(&r);
		out->totaal = rij_getal(&r);
		out->duur_us = rij_getal(&r);
		if (r.rc < 0)
			rc = r.rc;
	}
	st->drv->reset(p);
	return rc;
}

static enum koppel_keuze keuze_van(const char *s)
{
	return strcmp(s, "plek") == 0 ? KEUZE_PLEK
	       : strcmp(s, "niet_nu") == 0 ? KEUZE_NIET_NU : KEUZE_GEEN;
}

static enum koppel_status status_van(const char *s)
{
	return strcmp(s, "bevestigd") == 0 ? KOPPEL_BEVESTIGD
	       : strcmp(s, "afgewezen") == 0 ? KOPPEL_AFGEWEZEN : KOPPEL_VOORGESTELD;
}

static void vul_voorstel(struct rij *r, void *e)
{
	struct koppel_voorstel_rij *v = e;
	char keuze[12], tweede[12], status[16];

	v->id = rij_getal(r);
	v->ronde = rij_getal(r);
	v->traject_id = rij_getal(r);
	v->jeugdige_id = rij_getal(r);
	rij_tekst(r, v->gemeente, sizeof v->gemeente);
	rij_tekst(r, v->gemeente_naam, sizeof v->gemeente_naam);
	v->segment = (int)rij_getal(r);
	rij_tekst(r, v->gevraagd_product, sizeof v->gevraagd_product);
	rij_tekst(r, v->huidig_agb, sizeof v->huidig_agb);
	rij_tekst(r, v->huidig_naam, sizeof v->huidig_naam);
	v->leeftijd = (int)rij_getal(r);
	v->urgentie = (int)rij_getal(r);
	v->crisis = rij_getal(r) != 0;
	v->weken = (int)rij_getal(r);
	rij_tekst(r, keuze, sizeof keuze);
	v->plek = strcmp(keuze, "plek") == 0;
	rij_tekst(r, v->agb, sizeof v->agb);
	rij_tekst(r, v->aanbieder_naam, sizeof v->aanbieder_naam);
	rij_tekst(r, v->productcode, sizeof v->productcode);
	rij_tekst(r, v->groep, sizeof v->groep);
	v->crisisplaats = rij_getal(r) != 0;
	v->voorkeur = rij_getal(r) != 0;
	v->als_vorig = rij_getal(r) != 0;
	v->afstand_hm = (int)rij_getal(r);
	v->kosten = rij_getal(r);
	v->wachtkosten = rij_getal(r);
	rij_tekst(r, tweede, sizeof tweede);
	v->tweede = keuze_van(tweede);
	rij_tekst(r, v->tweede_agb, sizeof v->tweede_agb);
	rij_tekst(r, v->tweede_naam, sizeof v->tweede_naam);
	rij_tekst(r, v->tweede_productcode, sizeof v->tweede_productcode);
	rij_tekst(r, v->tweede_groep, sizeof v->tweede_groep);
	v->tweede_kosten = rij_getal(r);
	v->meerkosten = rij_getal(r);
	rij_tekst(r, status, sizeof status);
	v->status = status_van(status);
	v->toewijzing_nummer = rij_getal(r);
	rij_tekst(r, v->reden, sizeof v->reden);
	rij_tekst(r, v->besloten_door, sizeof v->besloten_door);
	rij_tekst(r, v->besloten_op, sizeof v->besloten_op);
	rij_tekst(r, v->voornamen, sizeof v->voornamen);
	rij_tekst(r, v->achternaam, sizeof v->achternaam);
}

int store_koppel_voorstellen(struct store *st, int64_t ronde, const struct store_scope *s,
			     const char *gemeente, int segment,
			     struct koppel_voorstel_rij **out, size_t *n)
{
	const struct db_driver *d = st->drv;
	struct db_stmt *p;
	char codes[SCOPE_CODES_MAX] = ",";
	void *m = NULL;
	int rc;

	*out = NULL;
	*n = 0;
	if (!s->alles && s->n && scope_codes(s->gemeenten, s->n, codes) < 0)
		return store_set_error(st, "te veel gemeenten in de scope (%zu)", s->n);
	if (!(p = d->prepare(st->conn, &kp_voorstellen)))
		return rij_fout(st, -2);
	if (d->bind_int64(p, 1, ronde) < 0 || d->bind_int64(p, 2, s->alles) < 0 ||
	    d->bind_text(p, 3, codes) < 0 || d->bind_text(p, 4, gemeente ? gemeente : "") < 0 ||
	    d->bind_int64(p, 5, segment) < 0) {
		d->reset(p);
		return rij_fout(st, -2);
	}
	rc = rij_alle(st, &kp_voorstellen, p, sizeof **out, vul_voorstel, &m, n);
	*out = m;
	return rc;
}

int store_koppel_voorstel_van(struct store *st, int64_t traject_id,
			      struct koppel_voorstel_rij *out)
{
	const struct db_driver *d = st->drv;
	struct db_stmt *p;
	void *m = NULL;
	size_t n = 0;
	int rc;

	memset(out, 0, sizeof *out);
	if (!(p = d->prepare(st->conn, &kp_voorstel_van)))
		return rij_fout(st, -2);
	if (d->bind_int64(p, 1, traject_id) < 0) {
		d->reset(p);
		return rij_fout(st, -2);
	}
	rc = rij_alle(st, &kp_voorstel_van, p, sizeof *out, vul_voorstel, &m, &n);
	if (rc > 0)
		memcpy(out, m, sizeof *out);
	free(m);
	return rc < 0 ? rc : rc > 0;
}

int store_koppel_besluit(struct store *st, int64_t id, enum koppel_status status,
			 int64_t toewijzing_nummer, const char *reden, const char *door,
			 const char *nu)
{
	const struct db_driver *d = st->drv;
	struct db_stmt *p;
	char nu_status[16] = "";
	int rc;

	/* Read the status first: the drivers do not report changed rows. */
	if (!(p = d->prepare(st->conn, &kp_status)))
		return rij_fout(st, -2);
	if (d->bind_int64(p, 1, id) < 0) {
		d->reset(p);
		return rij_fout(st, -2);
	}
	rc = rij_fout(st, d->step(p));
	if (rc == 1)
		rij_kolom_tekst(st, p, 0, nu_status, sizeof nu_status);
	d->reset(p);
	if (rc < 0)
		return rc;
	if (rc == 0 || strcmp(nu_status, "voorgesteld") != 0)
		return 0;
	if (!(p = d->prepare(st->conn, &kp_besluit)))
		return rij_fout(st, -2);
	rc = 0;
	if (d->bind_int64(p, 1, id) < 0 || d->bind_text(p, 2, koppel_status_naam(status)) < 0 ||
	    (toewijzing_nummer ? d->bind_int64(p, 3, toewijzing_nummer) : d->bind_null(p, 3)) < 0 ||
	    b_tekst(d, p, 4, reden) < 0 || d->bind_text(p, 5, door) < 0 ||
	    d->bind_text(p, 6, nu) < 0)
		rc = -2;
	if (rc == 0)
		rc = d->step(p);
	d->reset(p);
	if ((rc = rij_fout(st, rc < 0 ? rc : 0)) < 0 || (rc = koppel_versie_verhoog(st)) < 0)
		return rc;
	return 1;
}

static int64_t nu_us(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (int64_t)t.tv_sec * 1000000 + t.tv_nsec / 1000;
}

int store_koppel_ronde(struct store *st, dag_t peildatum, const char *door, const char *nu,
		       int64_t *ronde, int64_t *duur_us, int64_t *los_us)
{
	int64_t t1;
	struct koppel_instantie ki;
	int64_t t0 = nu_us();
	int rc;

	memset(&ki, 0, sizeof ki);
	if ((rc = store_koppel_bouw(st, peildatum, NULL, &ki)) < 0)
		return rc;
	t1 = nu_us();
	if ((rc = store_koppel_los_op(st, &ki)) == 0) {
		*duur_us = nu_us() - t0;
		*los_us = nu_us() - t1;
		rc = store_koppel_ronde_schrijf(st, &ki, door, nu, *duur_us, ronde);
	}
	koppel_instantie_vrij(&ki);
	return rc;
}

static void vul_traject(struct rij *r, void *e)
{
	struct traject *t = e;
	int64_t status;

	rij_traject_kop(r, t);
	status = rij_getal(r);
	t->status = status >= 0 && status < TRAJECT_STATUS_AANTAL ? (enum traject_status)status
								  : TRAJECT_VERVALLEN;
	t->aanmelddatum = rij_datum(r);
	t->intakedatum = rij_datum(r);
	t->begindatum = rij_datum(r);
	t->einddatum = rij_datum(r);
	t->overbrugging = rij_getal(r) != 0;
	t->veiligheidssignaal = rij_getal(r) != 0;
}

int store_koppel_traject(struct store *st, int64_t id, struct traject *out)
{
	struct db_stmt *p = st->drv->prepare(st->conn, &kp_traject);
	void *m = NULL;
	size_t n = 0;
	int rc;

	memset(out, 0, sizeof *out);
	if (!p)
		return rij_fout(st, -2);
	if (st->drv->bind_int64(p, 1, id) < 0) {
		st->drv->reset(p);
		return rij_fout(st, -2);
	}
	rc = rij_alle(st, &kp_traject, p, sizeof *out, vul_traject, &m, &n);
	if (rc > 0)
		memcpy(out, m, sizeof *out);
	free(m);
	return rc < 0 ? rc : rc > 0;
}
