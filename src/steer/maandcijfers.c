/* maandcijfers: see maandcijfers.h.
 *
 * Trajectory measures follow kpi.h's per-trajectory rules: the public
 * predicates (traject_actief, kpi_wachtend, kpi_boven_norm_op,
 * kpi_zorgelijk) are called as they are; the few event rules that kpi.c
 * keeps static (ended in a period, a completed wait, followed by another
 * trajectory) are restated here in the same words and checked against
 * the kpi.h functions by tests/unit/test_maandcijfers.c. Youth-level
 * distinct counts call the kpi.h functions themselves on the one youth's
 * data, once per month and year.
 */
#include "steer/maandcijfers.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "domain/datum.h"
#include "domain/traject.h"

_Static_assert(sizeof(struct mc_sleutel) == 28, "mc_sleutel has no padding");

static const struct {
	const char *naam;
	bool jeugd, histogram, stand;
} maten[MC_MAAT_AANTAL] = {
	[MC_ACTIEF] = { "actief", false, false, true },
	[MC_COLLECTIEF] = { "collectief", false, false, true },
	[MC_NIEUW] = { "nieuw", false, false, false },
	[MC_WACHT_KLAAR] = { "wacht_klaar", false, false, false },
	[MC_WACHT_KLAAR_BOVEN] = { "wacht_klaar_boven_norm", false, false, false },
	[MC_H_WACHT_TOTAAL] = { "wachttijd_totaal", false, true, false },
	[MC_H_WACHT_INTAKE] = { "wachttijd_tot_intake", false, true, false },
	[MC_H_WACHT_START] = { "wachttijd_intake_tot_start", false, true, false },
	[MC_BEEINDIGD] = { "beeindigd", false, false, false },
	[MC_UITVAL] = { "uitval", false, false, false },
	[MC_H_DOORLOOP] = { "doorlooptijd", false, true, false },
	[MC_HERHAALD_TOTAAL] = { "herhaald_totaal", false, false, false },
	[MC_HERHAALD_12] = { "herhaald_12", false, false, false },
	[MC_HERHAALD_6] = { "herhaald_6", false, false, false },
	[MC_WACHTEND] = { "wachtend", false, false, true },
	[MC_WACHTEND_BOVEN] = { "wachtend_boven_norm", false, false, true },
	[MC_ZORGELIJK] = { "zorgelijk", false, false, true },
	[MC_H_WACHTEND] = { "wachtend_dagen", false, true, true },
	[MC_GOEDGEKEURD] = { "goedgekeurd", false, false, false },
	[MC_AFGEWEZEN] = { "afgewezen", false, false, false },
	[MC_GEBRUIK] = { "jeugdhulpgebruik", true, false, false },
	[MC_GEBRUIK_REGIONAAL] = { "jeugdhulpgebruik_regionaal", true, false, false },
	[MC_VERBLIJF_JEUGDIGEN] = { "specialistisch_jeugdigen", true, false, false },
	[MC_VERBLIJF] = { "verblijf", true, false, false },
	[MC_CRISIS] = { "crisis", true, false, false },
	[MC_THUISZITTERS] = { "thuiszitters", true, false, true },
	[MC_OVERGANG] = { "overgang18", true, false, true },
	[MC_OVERGANG_ZONDER] = { "overgang18_zonder_plan", true, false, true },
	[MC_CLIENT_JEUGDIGEN] = { "clientkosten_jeugdigen", true, false, false },
};

static bool maat_geldig(int maat)
{
	return maat > 0 && maat < MC_MAAT_AANTAL;
}

const char *mc_maat_naam(int maat)
{
	return maat_geldig(maat) ? maten[maat].naam : "";
}

int mc_maat_van(const char *naam)
{
	for (int m = 1; m < MC_MAAT_AANTAL; m++)
		if (strcmp(maten[m].naam, naam) == 0)
			return m;
	return 0;
}

bool mc_maat_jeugd(int maat)
{
	return maat_geldig(maat) && maten[maat].jeugd;
}

bool mc_maat_histogram(int maat)
{
	return maat_geldig(maat) && maten[maat].histogram;
}

bool mc_maat_stand(int maat)
{
	return maat_geldig(maat) && maten[maat].stand;
}

const struct mc_groepering mc_groeperingen[MC_GROEPERINGEN] = {
	{ .gemeente = true, .segment = true },
	{ .gemeente = true },
	{ .segment = true },
	{ 0 },
	{ .gemeente = true, .verwijzer = true },
	{ .verwijzer = true },
	{ .aanbieder = true },
	{ .segment = true, .aanbieder = true },
};

static void kopieer(char *dst, size_t n, const char *src)
{
	size_t l = strlen(src);
	if (l >= n)
		l = n - 1;
	memcpy(dst, src, l);
}

void mc_sleutel_zet(struct mc_sleutel *k, int32_t periode, int maat, int32_t dagen,
		    const char *gemeente, int segment, const char *agb,
		    const char *verwijzer)
{
	memset(k, 0, sizeof *k);
	k->periode = periode;
	k->maat = (int16_t)maat;
	k->dagen = dagen;
	k->segment = (int8_t)segment;
	kopieer(k->gemeente, sizeof k->gemeente, gemeente);
	kopieer(k->agb, sizeof k->agb, agb);
	kopieer(k->verwijzer, sizeof k->verwijzer, verwijzer);
}

/* The 8 bytes at p as a big-endian number (one load and a byte swap):
 * comparing two compares the bytes as memcmp does, without its call (the
 * sorts of the rebuild compare tens of millions of keys). */
static uint64_t be8(const char *p)
{
	unsigned char b[8];
	memcpy(b, p, 8);
	return (uint64_t)b[0] << 56 | (uint64_t)b[1] << 48 | (uint64_t)b[2] << 40 |
	       (uint64_t)b[3] << 32 | (uint64_t)b[4] << 24 | (uint64_t)b[5] << 16 |
	       (uint64_t)b[6] << 8 | (uint64_t)b[7];
}

/* Text field f of key k (at most 8 bytes, not the first 8 of the key) as
 * a big-endian number: the 8 bytes ending with it, the rest masked. */
#define TEKST(k, f) \
	(be8((const char *)(k) + offsetof(struct mc_sleutel, f) + sizeof(k)->f - 8) & \
	 (UINT64_MAX >> (64 - 8 * sizeof(k)->f)))

#define VERGELIJK(x, y) \
	do { \
		if ((x) != (y)) \
			return (x) < (y) ? -1 : 1; \
	} while (0)

/* The text fields are zero-padded, so comparing whole arrays compares
 * the strings (a shorter string first, as SQLite does). */
int mc_sleutel_vergelijk(const struct mc_sleutel *a, const struct mc_sleutel *b)
{
	_Static_assert(sizeof a->gemeente < 8 && sizeof a->agb == 9 && sizeof a->verwijzer < 8 &&
		       offsetof(struct mc_sleutel, gemeente) + sizeof a->gemeente >= 8,
		       "key text fields fit the word compare");
	VERGELIJK(TEKST(a, gemeente), TEKST(b, gemeente));
	VERGELIJK(a->segment, b->segment);
	VERGELIJK(be8(a->agb), be8(b->agb));
	VERGELIJK((unsigned char)a->agb[8], (unsigned char)b->agb[8]);
	VERGELIJK(TEKST(a, verwijzer), TEKST(b, verwijzer));
	VERGELIJK(a->maat, b->maat);
	VERGELIJK(a->periode, b->periode);
	VERGELIJK(a->dagen, b->dagen);
	return 0;
}

#undef VERGELIJK

/* ---- the bag ---- */

void mc_bak_init(struct mc_bak *b)
{
	memset(b, 0, sizeof *b);
}

void mc_bak_vrij(struct mc_bak *b)
{
	free(b->rijen);
	memset(b, 0, sizeof *b);
}

/* The key as three 64-bit words and one 32-bit one (it has no padding). */
static void woorden(const struct mc_sleutel *k, uint64_t w[4])
{
	uint32_t t;
	memcpy(w, k, 24);
	memcpy(&t, (const char *)k + 24, 4);
	w[3] = t;
}

static bool gelijk(const struct mc_sleutel *a, const struct mc_sleutel *b)
{
	uint64_t x[4], y[4];
	woorden(a, x);
	woorden(b, y);
	return ((x[0] ^ y[0]) | (x[1] ^ y[1]) | (x[2] ^ y[2]) | (x[3] ^ y[3])) == 0;
}

/* The key's words folded together, then MurmurHash3's 64-bit finaliser
 * (every key bit reaches the low bits that pick the slot): a few cycles,
 * where a bytewise hash cost as much as the cache miss on the slot. */
static uint64_t hash(const struct mc_sleutel *k)
{
	uint64_t w[4];
	woorden(k, w);
	uint64_t h = w[0] * 0x9e3779b97f4a7c15ull;
	h = (h ^ (h >> 32) ^ w[1]) * 0xc2b2ae3d27d4eb4full;
	h = (h ^ (h >> 32) ^ w[2]) * 0x165667b19e3779f9ull;
	h ^= w[3];
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdull;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ull;
	return h ^ (h >> 33);
}

/* The slot of k (hash h) in rijen: its row, or the free slot for it. */
static size_t plek_h(const struct mc_rij *rijen, size_t cap, const struct mc_sleutel *k,
		     uint64_t h)
{
	size_t i = (size_t)h & (cap - 1);
	while (rijen[i].k.periode != 0 && !gelijk(&rijen[i].k, k))
		i = (i + 1) & (cap - 1);
	return i;
}

static size_t plek(const struct mc_rij *rijen, size_t cap, const struct mc_sleutel *k)
{
	return plek_h(rijen, cap, k, hash(k));
}

static int groei(struct mc_bak *b)
{
	size_t cap = b->cap ? 2 * b->cap : 1024;
	struct mc_rij *r = calloc(cap, sizeof *r);
	if (!r)
		return -1;
	for (size_t i = 0; i < b->cap; i++)
		if (b->rijen[i].k.periode != 0)
			r[plek(r, cap, &b->rijen[i].k)] = b->rijen[i];
	free(b->rijen);
	b->rijen = r;
	b->cap = cap;
	return 0;
}

static int voeg_h(struct mc_bak *b, const struct mc_sleutel *k, uint64_t h, int64_t delta)
{
	if (delta == 0)
		return 0;
	if ((b->n + 1) * 4 > b->cap * 3 && groei(b) < 0)
		return -1;
	size_t i = plek_h(b->rijen, b->cap, k, h);
	if (b->rijen[i].k.periode == 0) {
		b->rijen[i].k = *k;
		b->n++;
	}
	b->rijen[i].waarde += delta;
	return 0;
}

int mc_bak_voeg(struct mc_bak *b, const struct mc_sleutel *k, int64_t delta)
{
	return voeg_h(b, k, hash(k), delta);
}

void mc_lijst_vrij(struct mc_lijst *l)
{
	free(l->rijen);
	memset(l, 0, sizeof *l);
}

int mc_lijst_erbij(struct mc_lijst *l, const struct mc_sleutel *k, int64_t delta)
{
	if (delta == 0)
		return 0;
	if (l->n == l->cap) {
		size_t c = l->cap ? 2 * l->cap : 1024;
		struct mc_rij *r = realloc(l->rijen, c * sizeof *r);
		if (!r)
			return -1;
		l->rijen = r;
		l->cap = c;
	}
	l->rijen[l->n++] = (struct mc_rij){ .k = *k, .waarde = delta };
	return 0;
}

/* Rows ahead whose slot is fetched while the current one is added: a
 * bag much larger than the caches costs a memory round trip per row,
 * and these overlap. */
#define VOORUIT 16

int mc_bak_voeg_lijst(struct mc_bak *b, struct mc_lijst *l)
{
	uint64_t h[VOORUIT];
	size_t n = l->n;
	int rc = 0;

	if (n == 0)
		return 0;
	for (size_t i = 0; i < n + VOORUIT && rc == 0; i++) {
		if (i >= VOORUIT)
			rc = voeg_h(b, &l->rijen[i - VOORUIT].k, h[i % VOORUIT],
				    l->rijen[i - VOORUIT].waarde);
		if (i < n) {
			h[i % VOORUIT] = hash(&l->rijen[i].k);
#if defined(__GNUC__)
			if (b->cap)
				__builtin_prefetch(&b->rijen[h[i % VOORUIT] & (b->cap - 1)], 1);
#endif
		}
	}
	l->n = 0;
	return rc;
}

const struct mc_rij *mc_bak_zoek(const struct mc_bak *b, const struct mc_sleutel *k)
{
	if (b->cap == 0)
		return NULL;
	size_t i = plek(b->rijen, b->cap, k);
	return b->rijen[i].k.periode != 0 ? &b->rijen[i] : NULL;
}

/* ---- months ---- */

int32_t mc_maand(dag_t d)
{
	int j, m;
	datum_delen(d, &j, &m, NULL);
	return j * 100 + m;
}

dag_t mc_maand_eind(int32_t maand)
{
	return datum_maand_eind(datum_van(maand / 100, maand % 100, 1));
}

static dag_t maand_begin(int32_t maand)
{
	return datum_van(maand / 100, maand % 100, 1);
}

int32_t mc_maand_volgend(int32_t maand)
{
	return maand % 100 == 12 ? (maand / 100 + 1) * 100 + 1 : maand + 1;
}

/* ---- the contribution ---- */

struct werk {
	const struct kpi_data *d;
	struct mc_bak *b;
	struct mc_lijst *l;  /* instead of b (mc_bijdrage_fijn) */
	int64_t teken;
	int32_t tot_maand;   /* last month of the horizon */
	bool fijn;           /* only the fine groupings (mc_bijdrage_fijn) */
	int rc;
};

static bool regionaal(const struct traject *t)
{
	return t->segment >= 1 && t->segment < SEGMENT_AANTAL;
}

static bool een_van(const char *code, const char *a, const char *b)
{
	return strcmp(code, a) == 0 || strcmp(code, b) == 0;
}

/* The verwijzer as kpi_verwijzers classifies it ("" for none/unknown). */
static const char *verwijzer_code(const char *v)
{
	for (size_t i = 0; i + 1 < KPI_VERWIJZER_AANTAL; i++)
		if (strcmp(v, kpi_verwijzer_codes[i]) == 0)
			return kpi_verwijzer_codes[i];
	return "";
}

static int voeg(struct werk *w, const struct mc_sleutel *k, int64_t delta)
{
	return w->l ? mc_lijst_erbij(w->l, k, delta) : mc_bak_voeg(w->b, k, delta);
}

/* The groupings that mc_bijdrage_fijn keeps: each other one is a rollup
 * of one of them (mc_bak_afleiden). */
static bool fijne_groepering(const struct mc_groepering *g)
{
	return g->gemeente + g->segment + g->aanbieder + g->verwijzer == 2;
}

/* A trajectory measure of t under every grouping. kpi.h's trajectory
 * filter counts only specialised care (segment 1..7) unless a segment is
 * chosen; money has no such default (alle_segmenten). */
static void traject_voeg(struct werk *w, int32_t periode, int maat, int32_t dagen,
			 const struct traject *t, int64_t n, bool alle_segmenten)
{
	if (w->rc != 0 || n == 0 || periode > w->tot_maand)
		return;
	const char *v = verwijzer_code(t->verwijzer);
	for (size_t i = 0; i < MC_GROEPERINGEN; i++) {
		const struct mc_groepering *g = &mc_groeperingen[i];
		if (w->fijn && !fijne_groepering(g))
			continue;
		if (!g->segment && !alle_segmenten && !regionaal(t))
			continue;
		struct mc_sleutel k;
		mc_sleutel_zet(&k, periode, maat, dagen, g->gemeente ? t->gemeente : "*",
			       g->segment ? t->segment : -1, g->aanbieder ? t->agb : "*",
			       g->verwijzer ? v : "*");
		if (voeg(w, &k, w->teken * n) < 0)
			w->rc = -1;
	}
}

/* A youth-level count under its gemeente and the region. */
static void jeugd_voeg(struct werk *w, int32_t periode, int maat, const char *gemeente)
{
	if (w->rc != 0)
		return;
	struct mc_sleutel k;
	mc_sleutel_zet(&k, periode, maat, -1, gemeente, -1, "*", "*");
	if (voeg(w, &k, w->teken) < 0)
		w->rc = -1;
	mc_sleutel_zet(&k, periode, maat, -1, "*", -1, "*", "*");
	if (voeg(w, &k, w->teken) < 0)
		w->rc = -1;
}

static dag_t eerste_datum(const struct traject *t)
{
	return t->aanmelddatum != DAG_GEEN ? t->aanmelddatum : t->begindatum;
}

/* kpi_herhaald_beroep's "followed": another specialised trajectory of the
 * youth first seen in (t's end, t's end + maanden]. */
static bool gevolgd(const struct kpi_data *d, const struct traject *t, int maanden)
{
	dag_t grens = datum_plus_maanden(t->einddatum, maanden);
	for (size_t k = 0; k < d->n_trajecten; k++) {
		const struct traject *u = &d->trajecten[k];
		dag_t e = eerste_datum(u);
		if (u->id != t->id && regionaal(u) && e != DAG_GEEN && e > t->einddatum &&
		    e <= grens)
			return true;
	}
	return false;
}

/* kpi_wachttijd's completed wait and its norm. */
static bool intake_bruikbaar(const struct traject *t)
{
	return t->intakedatum != DAG_GEEN && t->aanmelddatum <= t->intakedatum &&
	       t->intakedatum <= t->begindatum;
}

static bool wacht_boven_norm(const struct traject *t, const struct treeknorm *n)
{
	if (intake_bruikbaar(t))
		return datum_dagen(t->aanmelddatum, t->intakedatum) > n->tot_intake ||
		       datum_dagen(t->intakedatum, t->begindatum) > n->intake_tot_start;
	return datum_dagen(t->aanmelddatum, t->begindatum) > n->tot_intake + n->intake_tot_start;
}

/* The events of trajectory k: one month each. */
static void traject_gebeurtenissen(struct werk *w, size_t k)
{
	const struct traject *t = &w->d->trajecten[k];
	dag_t e = eerste_datum(t);

	if (regionaal(t) && e != DAG_GEEN)
		traject_voeg(w, mc_maand(e), MC_NIEUW, -1, t, 1, false);
	if (regionaal(t) && t->begindatum != DAG_GEEN && t->aanmelddatum != DAG_GEEN &&
	    t->aanmelddatum <= t->begindatum) {
		int32_t m = mc_maand(t->begindatum);
		traject_voeg(w, m, MC_WACHT_KLAAR, -1, t, 1, false);
		traject_voeg(w, m, MC_WACHT_KLAAR_BOVEN, -1, t,
			     wacht_boven_norm(t, &w->d->norms[t->segment]), false);
		traject_voeg(w, m, MC_H_WACHT_TOTAAL, datum_dagen(t->aanmelddatum, t->begindatum),
			     t, 1, false);
		if (intake_bruikbaar(t)) {
			traject_voeg(w, m, MC_H_WACHT_INTAKE,
				     datum_dagen(t->aanmelddatum, t->intakedatum), t, 1, false);
			traject_voeg(w, m, MC_H_WACHT_START,
				     datum_dagen(t->intakedatum, t->begindatum), t, 1, false);
		}
	}
	if (t->status == TRAJECT_BEEINDIGD && t->einddatum != DAG_GEEN) {
		int32_t m = mc_maand(t->einddatum);
		traject_voeg(w, m, MC_BEEINDIGD, -1, t, 1, false);
		traject_voeg(w, m, MC_UITVAL, -1, t, een_van(t->reden_beeindiging, "32", "33"),
			     false);
		if (t->begindatum != DAG_GEEN)
			traject_voeg(w, m, MC_H_DOORLOOP, datum_dagen(t->begindatum, t->einddatum),
				     t, 1, false);
		if (een_van(t->reden_beeindiging, "31", "34")) {
			traject_voeg(w, m, MC_HERHAALD_TOTAAL, -1, t, 1, false);
			traject_voeg(w, m, MC_HERHAALD_12, -1, t, gevolgd(w->d, t, 12), false);
			traject_voeg(w, m, MC_HERHAALD_6, -1, t, gevolgd(w->d, t, 6), false);
		}
	}
}

/* The states of trajectory k on each month's last day. */
static void traject_standen(struct werk *w, size_t k)
{
	const struct traject *t = &w->d->trajecten[k];
	dag_t lo = t->aanmelddatum;
	if (lo == DAG_GEEN || (t->begindatum != DAG_GEEN && t->begindatum < lo))
		lo = t->begindatum;
	if (lo == DAG_GEEN)
		return;
	int32_t hi = t->einddatum != DAG_GEEN ? mc_maand(t->einddatum) : w->tot_maand;
	if (hi > w->tot_maand)
		hi = w->tot_maand;
	for (int32_t m = mc_maand(lo); m <= hi && w->rc == 0; m = mc_maand_volgend(m)) {
		dag_t p = mc_maand_eind(m);
		if (traject_actief(t, p)) {
			traject_voeg(w, m, MC_ACTIEF, -1, t, 1, false);
			traject_voeg(w, m, MC_COLLECTIEF, -1, t, t->groep, false);
		}
		if (!kpi_wachtend(t, p))
			continue;
		traject_voeg(w, m, MC_WACHTEND, -1, t, 1, false);
		traject_voeg(w, m, MC_ZORGELIJK, -1, t, kpi_zorgelijk(w->d, k, p, w->d->norms, NULL),
			     false);
		if (regionaal(t)) {
			traject_voeg(w, m, MC_WACHTEND_BOVEN, -1, t,
				     kpi_boven_norm_op(t, p, w->d->norms), false);
			traject_voeg(w, m, MC_H_WACHTEND, datum_dagen(t->aanmelddatum, p), t, 1,
				     false);
		}
	}
}

/* The gemeente under which a youth counted by tel (with gemeente NULL)
 * falls: the one of its woonplaatsen for which tel also counts it. */
typedef size_t (*tel_fn)(const struct kpi_data *d, const char *gemeente, dag_t van,
			 dag_t tot, int64_t *extra);

static const char *woongemeente(const struct kpi_data *d, tel_fn tel, dag_t van, dag_t tot)
{
	for (size_t i = 0; i < d->n_woonplaatsen; i++) {
		const char *g = d->woonplaatsen[i].gemeente;
		bool gezien = false;
		for (size_t j = 0; j < i && !gezien; j++)
			gezien = strcmp(d->woonplaatsen[j].gemeente, g) == 0;
		if (!gezien && tel(d, g, van, tot, NULL) > 0)
			return g;
	}
	return "";
}

static size_t tel_gebruik(const struct kpi_data *d, const char *g, dag_t van, dag_t tot,
			  int64_t *extra)
{
	(void)extra;
	struct kpi_gebruik u;
	kpi_jeugdhulpgebruik(d, g, van, tot, false, &u);
	return u.jeugdigen;
}

static size_t tel_gebruik_regionaal(const struct kpi_data *d, const char *g, dag_t van,
				    dag_t tot, int64_t *extra)
{
	(void)extra;
	struct kpi_gebruik u;
	kpi_jeugdhulpgebruik(d, g, van, tot, true, &u);
	return u.jeugdigen;
}

/* jeugdigen; extra (when asked) gets verblijf | crisis << 1. */
static size_t tel_verblijf(const struct kpi_data *d, const char *g, dag_t van, dag_t tot,
			   int64_t *extra)
{
	struct kpi_verblijf v;
	if (kpi_verblijf(d, g, van, tot, &v) < 0)
		return SIZE_MAX;
	if (extra)
		*extra = (int64_t)(v.verblijf > 0) | (int64_t)(v.crisis > 0) << 1;
	return v.jeugdigen;
}

static size_t tel_thuiszitter(const struct kpi_data *d, const char *g, dag_t van, dag_t tot,
			      int64_t *extra)
{
	(void)van;
	(void)extra;
	return kpi_thuiszitters(d, g, tot);
}

/* totaal; extra gets aantal (without a plan). */
static size_t tel_overgang(const struct kpi_data *d, const char *g, dag_t van, dag_t tot,
			   int64_t *extra)
{
	(void)van;
	struct kpi_aandeel a;
	kpi_overgang18(d, g, tot, &a);
	if (extra)
		*extra = (int64_t)a.aantal;
	return a.totaal;
}

/* The youth-level counts of [van, tot] under periode. */
static void jeugd_periode(struct werk *w, int32_t periode, dag_t van, dag_t tot, bool maand)
{
	const struct kpi_data *d = w->d;
	int64_t extra = 0;

	if (tel_gebruik(d, NULL, van, tot, NULL) > 0)
		jeugd_voeg(w, periode, MC_GEBRUIK, woongemeente(d, tel_gebruik, van, tot));
	if (tel_gebruik_regionaal(d, NULL, van, tot, NULL) > 0)
		jeugd_voeg(w, periode, MC_GEBRUIK_REGIONAAL,
			   woongemeente(d, tel_gebruik_regionaal, van, tot));
	size_t n = tel_verblijf(d, NULL, van, tot, &extra);
	if (n == SIZE_MAX) {
		w->rc = -1;
		return;
	}
	if (n > 0) {
		const char *g = woongemeente(d, tel_verblijf, van, tot);
		jeugd_voeg(w, periode, MC_VERBLIJF_JEUGDIGEN, g);
		if (extra & 1)
			jeugd_voeg(w, periode, MC_VERBLIJF, g);
		if (extra & 2)
			jeugd_voeg(w, periode, MC_CRISIS, g);
	}
	if (!maand)
		return;
	if (tel_thuiszitter(d, NULL, van, tot, NULL) > 0)
		jeugd_voeg(w, periode, MC_THUISZITTERS, woongemeente(d, tel_thuiszitter, van, tot));
	if (tel_overgang(d, NULL, van, tot, &extra) > 0) {
		const char *g = woongemeente(d, tel_overgang, van, tot);
		jeugd_voeg(w, periode, MC_OVERGANG, g);
		if (extra > 0)
			jeugd_voeg(w, periode, MC_OVERGANG_ZONDER, g);
	}
}

/* The months in which the youth can count at all: from its first
 * trajectory start or schoolstatus to the end of the last one. */
static bool jeugd_bereik(const struct werk *w, int32_t *lo, int32_t *hi)
{
	const struct kpi_data *d = w->d;
	*lo = INT32_MAX;
	*hi = 0;
	for (size_t k = 0; k < d->n_trajecten; k++) {
		const struct traject *t = &d->trajecten[k];
		if (t->begindatum == DAG_GEEN)
			continue;
		int32_t a = mc_maand(t->begindatum);
		int32_t b = t->einddatum != DAG_GEEN ? mc_maand(t->einddatum) : w->tot_maand;
		*lo = a < *lo ? a : *lo;
		*hi = b > *hi ? b : *hi;
	}
	for (size_t k = 0; k < d->n_school; k++) {
		const struct schoolstatus *s = &d->school[k];
		int32_t a = mc_maand(s->niet_naar_school_sinds);
		int32_t b = s->tot != DAG_GEEN ? mc_maand(s->tot) : w->tot_maand;
		*lo = a < *lo ? a : *lo;
		*hi = b > *hi ? b : *hi;
	}
	if (*hi > w->tot_maand)
		*hi = w->tot_maand;
	return *lo <= *hi;
}

static const struct traject *zoek_traject(const struct kpi_data *d, int64_t id)
{
	for (size_t k = 0; k < d->n_trajecten; k++)
		if (d->trajecten[k].id == id)
			return &d->trajecten[k];
	return NULL;
}

/* One kosten row of kpi.h: a trajectory's approved sum in a year. */
struct kosten_jaar {
	const struct traject *t;
	int jaar;
	int64_t som;
};

/* Distinct youth with an approved amount per year (kpi_clientkosten: a
 * kosten row with goedgekeurd > 0), under the gemeente of that row (the
 * trajectory's) and once for the region. */
static void client_jaren(struct werk *w, const struct mc_geld *geld, size_t n)
{
	struct kosten_jaar *kj = calloc(n ? n : 1, sizeof *kj);
	size_t m = 0;
	if (!kj) {
		w->rc = -1;
		return;
	}
	for (size_t i = 0; i < n; i++) {
		const struct traject *t = zoek_traject(w->d, geld[i].traject_id);
		int jaar = geld[i].maand / 100;
		if (!t || jaar > w->tot_maand / 100)
			continue;
		size_t j = 0;
		while (j < m && !(kj[j].t == t && kj[j].jaar == jaar))
			j++;
		if (j == m)
			kj[m++] = (struct kosten_jaar){ .t = t, .jaar = jaar };
		kj[j].som += geld[i].goedgekeurd;
	}
	for (size_t i = 0; i < m && w->rc == 0; i++) {
		if (kj[i].som <= 0)
			continue;
		bool al_g = false, al_r = false;
		for (size_t j = 0; j < i; j++) {
			if (kj[j].som <= 0 || kj[j].jaar != kj[i].jaar)
				continue;
			al_r = true;
			al_g = al_g || strcmp(kj[j].t->gemeente, kj[i].t->gemeente) == 0;
		}
		struct mc_sleutel k;
		if (!al_g) {
			mc_sleutel_zet(&k, kj[i].jaar, MC_CLIENT_JEUGDIGEN, -1, kj[i].t->gemeente, -1,
				       "*", "*");
			if (voeg(w, &k, w->teken) < 0)
				w->rc = -1;
		}
		if (!al_r) {
			mc_sleutel_zet(&k, kj[i].jaar, MC_CLIENT_JEUGDIGEN, -1, "*", -1, "*", "*");
			if (voeg(w, &k, w->teken) < 0)
				w->rc = -1;
		}
	}
	free(kj);
}

static int bijdrage(const struct kpi_data *d, const struct mc_geld *geld, size_t n_geld,
		    int tot_jaar, int64_t teken, struct mc_bak *b, struct mc_lijst *l)
{
	struct werk w = { .d = d, .b = b, .l = l, .teken = teken,
			  .tot_maand = tot_jaar * 100 + 12, .fijn = l != NULL };

	for (size_t k = 0; k < d->n_trajecten && w.rc == 0; k++) {
		traject_gebeurtenissen(&w, k);
		traject_standen(&w, k);
	}
	for (size_t i = 0; i < n_geld && w.rc == 0; i++) {
		const struct traject *t = zoek_traject(d, geld[i].traject_id);
		if (!t)
			continue;
		traject_voeg(&w, geld[i].maand, MC_GOEDGEKEURD, -1, t, geld[i].goedgekeurd, true);
		traject_voeg(&w, geld[i].maand, MC_AFGEWEZEN, -1, t, geld[i].afgewezen, true);
	}
	client_jaren(&w, geld, n_geld);

	int32_t lo, hi;
	if (w.rc == 0 && jeugd_bereik(&w, &lo, &hi)) {
		for (int32_t m = lo; m <= hi && w.rc == 0; m = mc_maand_volgend(m))
			jeugd_periode(&w, m, maand_begin(m), mc_maand_eind(m), true);
		for (int j = lo / 100; j <= hi / 100 && w.rc == 0; j++)
			jeugd_periode(&w, j, datum_van(j, 1, 1), datum_van(j, 12, 31), false);
	}
	return w.rc;
}

int mc_bijdrage(const struct kpi_data *d, const struct mc_geld *geld, size_t n_geld,
		int tot_jaar, int64_t teken, struct mc_bak *b)
{
	return bijdrage(d, geld, n_geld, tot_jaar, teken, b, NULL);
}

int mc_bijdrage_fijn(const struct kpi_data *d, const struct mc_geld *geld, size_t n_geld,
		     int tot_jaar, int64_t teken, struct mc_lijst *l)
{
	return bijdrage(d, geld, n_geld, tot_jaar, teken, NULL, l);
}

/* ---- deriving the coarse groupings ---- */

static bool opgerold(const char *s)
{
	return s[0] == '*' && s[1] == '\0';
}

/* Add waarde to the row of k with the dimensions rolled up as g says. */
static int leid_af(struct mc_bak *uit, const struct mc_sleutel *k, struct mc_groepering g,
		   int64_t waarde)
{
	struct mc_sleutel a;
	mc_sleutel_zet(&a, k->periode, k->maat, k->dagen, g.gemeente ? k->gemeente : "*",
		       g.segment ? k->segment : -1, g.aanbieder ? k->agb : "*",
		       g.verwijzer ? k->verwijzer : "*");
	return mc_bak_voeg(uit, &a, waarde);
}

/* Each coarse grouping is the sum of one fine grouping over the dimension
 * it drops, restricted as traject_voeg restricts it: without a segment,
 * only specialised care counts, except for money (alle_segmenten). The
 * fine rows are told apart by which dimensions they keep; no coarse row
 * and no youth-level row keeps two. */
int mc_bak_afleiden(const struct mc_bak *b, struct mc_bak *uit)
{
	for (size_t i = 0; i < b->cap; i++) {
		const struct mc_rij *r = &b->rijen[i];
		const struct mc_sleutel *k = &r->k;
		if (k->periode == 0 || r->waarde == 0 || mc_maat_jeugd(k->maat))
			continue;
		bool gem = !opgerold(k->gemeente), seg = k->segment != -1;
		bool agb = !opgerold(k->agb), ver = !opgerold(k->verwijzer);
		bool overal = k->maat == MC_GOEDGEKEURD || k->maat == MC_AFGEWEZEN ||
			      (k->segment >= 1 && k->segment < SEGMENT_AANTAL);
		int rc = 0;
		if (gem && seg && !agb && !ver) {
			rc = leid_af(uit, k, (struct mc_groepering){ .segment = true }, r->waarde);
			if (rc == 0 && overal)
				rc = leid_af(uit, k, (struct mc_groepering){ .gemeente = true },
					     r->waarde);
			if (rc == 0 && overal)
				rc = leid_af(uit, k, (struct mc_groepering){ 0 }, r->waarde);
		} else if (gem && ver && !seg && !agb) {
			rc = leid_af(uit, k, (struct mc_groepering){ .verwijzer = true }, r->waarde);
		} else if (seg && agb && !gem && !ver && overal) {
			rc = leid_af(uit, k, (struct mc_groepering){ .aanbieder = true }, r->waarde);
		}
		if (rc < 0)
			return -1;
	}
	return 0;
}

int mc_geld_voeg(const struct traject *t, int32_t maand, int64_t goedgekeurd,
		 int64_t afgewezen, int tot_jaar, struct mc_bak *b)
{
	struct werk w = { .b = b, .teken = 1, .tot_maand = tot_jaar * 100 + 12 };

	traject_voeg(&w, maand, MC_GOEDGEKEURD, -1, t, goedgekeurd, true);
	traject_voeg(&w, maand, MC_AFGEWEZEN, -1, t, afgewezen, true);
	return w.rc;
}

/* Whether the youth counts under gemeente g (NULL: the region) with the
 * sums before (na false) or after. */
static bool client_telt(const struct mc_client_traject *t, size_t n, const char *g, bool na)
{
	for (size_t i = 0; i < n; i++)
		if ((na ? t[i].na : t[i].voor) > 0 && (!g || strcmp(t[i].gemeente, g) == 0))
			return true;
	return false;
}

int mc_client_wissel(const struct mc_client_traject *t, size_t n, int jaar, struct mc_bak *b)
{
	struct mc_sleutel k;
	int64_t d;

	for (size_t i = 0; i < n; i++) {
		/* Each gemeente once: at its first trajectory. */
		size_t j = 0;
		while (j < i && strcmp(t[j].gemeente, t[i].gemeente) != 0)
			j++;
		if (j < i)
			continue;
		d = (int64_t)client_telt(t, n, t[i].gemeente, true) -
		    (int64_t)client_telt(t, n, t[i].gemeente, false);
		mc_sleutel_zet(&k, jaar, MC_CLIENT_JEUGDIGEN, -1, t[i].gemeente, -1, "*", "*");
		if (mc_bak_voeg(b, &k, d) < 0)
			return -1;
	}
	d = (int64_t)client_telt(t, n, NULL, true) - (int64_t)client_telt(t, n, NULL, false);
	mc_sleutel_zet(&k, jaar, MC_CLIENT_JEUGDIGEN, -1, "*", -1, "*", "*");
	return mc_bak_voeg(b, &k, d);
}

/* ---- histograms ---- */

static int cmp_hist(const void *a, const void *b)
{
	int32_t x = ((const struct mc_hist *)a)->dagen, y = ((const struct mc_hist *)b)->dagen;
	return (x > y) - (x < y);
}

/* The value at 0-based rank r of the sorted histogram. */
static int32_t op_rang(const struct mc_hist *h, size_t n, int64_t r)
{
	int64_t tot = 0;
	for (size_t i = 0; i < n; i++) {
		tot += h[i].n;
		if (r < tot)
			return h[i].dagen;
	}
	return n ? h[n - 1].dagen : 0;
}

void mc_verdeling(struct mc_hist *h, size_t n, struct kpi_verdeling *out)
{
	memset(out, 0, sizeof *out);
	if (n > 1)
		qsort(h, n, sizeof *h, cmp_hist);
	int64_t totaal = 0;
	double som = 0;
	for (size_t i = 0; i < n; i++) {
		if (h[i].n <= 0)
			continue;
		totaal += h[i].n;
		som += (double)h[i].dagen * (double)h[i].n;
	}
	if (totaal <= 0)
		return;
	/* Rows with a count of 0 (left by subtractions) rank nowhere. */
	int64_t m = totaal / 2;
	out->n = (size_t)totaal;
	out->gemiddelde = som / (double)totaal;
	out->mediaan = totaal % 2 ? op_rang(h, n, m)
				  : (op_rang(h, n, m - 1) + (double)op_rang(h, n, m)) / 2.0;
	out->p80 = op_rang(h, n, (80 * totaal + 99) / 100 - 1);
}
