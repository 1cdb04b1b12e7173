/* koppel_store: the matching of waiting youth to free capacity (issue 6,
 * koppelen) against the record: build a koppel instance (match/koppel.h)
 * on a peildatum, solve it, and keep rounds of proposals and what people
 * decided about them (tables koppel_ronde, koppel_voorstel, migration 9).
 *
 * The instance:
 *  - every waiting traject of the regional waiting list (wachtlijst.h,
 *    the whole region) is a jeugdige: its segment and product, age on the
 *    peildatum, paying gemeente, weeks waited and the Treeknorm of its
 *    segment (both parts together); urgentie HOOG when zorgelijk,
 *    VERHOOGD with a risk flag other than "no bridging care", else
 *    NORMAAL; a crisis case when the segment is crisis or a safety signal
 *    was recorded; the aanbieder where it waits now is the preference
 *    (the family and referrer chose it);
 *    A traject whose proposal was confirmed (or the waiting traject of the
 *    toewijzing it became) is left out: its place is counted off already.
 *    The waiting list is read narrowly (the waiting youth's trajecten,
 *    school status and decisions, no names) and judged by the same
 *    domain/wachtlijst.c (tests/unit/test_koppel_store.c compares it with
 *    store_wachtlijst_laad on a demo);
 *  - every place in the latest capacity report per (aanbieder, product,
 *    group) on or before the peildatum that is not stale on it
 *    (store_capaciteit_verouderd) is a plek, less the proposals confirmed
 *    on or after the report's date; its location is the aanbieder's
 *    gemeente: the record keeps no address, so the gemeente that pays
 *    most of its trajecten (ties: the lowest code; an aanbieder without
 *    any: the gemeente with the most youth); ages 0 to 22 (the record
 *    keeps no age limits per product; the Jeugdwet runs to 18, extended
 *    care to 23);
 *  - the last round's place proposals are each traject's earlier proposal
 *    (stability), every turned-down place of a traject is forbidden to it.
 *
 * Every round and every decision raises the meta key koppel.versie, part
 * of the key (struct koppel_sleutel) a kept instance is compared by.
 *
 * Memory: struct koppel_instantie owns its koppel and arrays
 * (koppel_instantie_vrij). Other arrays returned are the caller's
 * (free()). Return convention of store.h; everything runs in the caller's
 * transaction.
 */
#ifndef JR_STORE_KOPPEL_STORE_H
#define JR_STORE_KOPPEL_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "domain/model.h"
#include "match/koppel.h"
#include "store/capaciteit_store.h"
#include "store/scope.h"

struct store;

/* A plek of the instance; its index is the koppel's plek index. */
struct koppel_plaats {
	char agb[AGB_LEN];
	char aanbieder_naam[NAAM_LEN];
	char productcode[PRODUCTCODE_LEN];
	char groep[CAPACITEIT_GROEP_LEN];   /* "" not a group */
	char gemeente[GEMEENTE_CODE_LEN];   /* location */
	int segment;
	int plaatsen, crisisplaatsen;       /* free now (confirmations taken off) */
	dag_t gemeld;                       /* peildatum of the report */
};

/* A waiting traject of the instance; its index is the koppel's jeugdige. */
struct koppel_wachtende {
	int64_t traject_id, jeugdige_id;
	char gemeente[GEMEENTE_CODE_LEN];
	int segment;
	char productcode[PRODUCTCODE_LEN];
	char huidig_agb[AGB_LEN];
	int leeftijd;
	enum koppel_urgentie urgentie;
	bool crisis;
	bool zorgelijk;
	int weken;
	bool weg;                           /* confirmed since the build (kept instance) */
};

/* What an instance was built from: when any part differs now, the record
 * changed since (a server that keeps an instance compares them). */
struct koppel_sleutel {
	dag_t peildatum;
	char data_versie[21];            /* STORE_DATA_VERSIE (store/cijfers_store.h) */
	int64_t koppel_versie;           /* raised by every round and every decision */
	int64_t verouderd;               /* store_capaciteit_verouderd */
};

struct koppel_instantie {
	dag_t peildatum;
	struct koppel_sleutel sleutel;
	struct koppel *k;                /* NULL in a copy (koppel_instantie_kopie) */
	struct koppel_plaats *plek;      size_t n_plek;
	struct koppel_wachtende *wacht;  size_t n_wacht;
	int64_t plaatsen;                /* free places in all */
	/* after store_koppel_los_op: */
	struct koppel_voorstel *vs;      /* per waiting, as koppel_voorstel() */
	int64_t totaal;                  /* koppel_totaal() */
};

/* The key of the record now for an instance of peildatum. 0 or -1/-2. */
int store_koppel_sleutel(struct store *st, dag_t peildatum, struct koppel_sleutel *s);
bool koppel_sleutel_gelijk(const struct koppel_sleutel *a, const struct koppel_sleutel *b);

/* Build the instance of peildatum with weights w (NULL: the defaults)
 * into *ki (emptied first). 0 or -1/-2. */
int store_koppel_bouw(struct store *st, dag_t peildatum, const struct koppel_gewichten *w,
		      struct koppel_instantie *ki);
void koppel_instantie_vrij(struct koppel_instantie *ki);

/* A copy of src without its koppel (places, waiting and proposals), into
 * dst: enough to write a round or show a page. 0, or -1 out of memory. */
int koppel_instantie_kopie(const struct koppel_instantie *src, struct koppel_instantie *dst);

/* The index of place (agb, productcode, groep) among ki's plekken, or -1. */
int32_t koppel_instantie_plek(const struct koppel_instantie *ki, const char *agb,
			      const char *productcode, const char *groep);

/* The index of traject_id among ki's waiting, or -1. */
int32_t koppel_instantie_zoek(const struct koppel_instantie *ki, int64_t traject_id);

/* Solve (warm when solved before) and explain; the proposals are copied
 * into ki->vs. 0, or -2 with a message (the solver failed, memory). */
int store_koppel_los_op(struct store *st, struct koppel_instantie *ki);
/* The same without a store (for an instance kept in memory): 0 or -1. */
int koppel_instantie_los_op(struct koppel_instantie *ki);

/* Changes to a built instance, as a new build after the decision would
 * see them (then koppel_instantie_los_op re-solves warm):
 *  - bevestig: waiting index `wachtende` took a place of plek (a crisis
 *    place when crisisplaats): it waits no more, the place has one less,
 *    and a place left without any is closed to all;
 *  - verbied: plek turned down for wachtende.
 * 0, or -1 (bad index, no place left, out of memory). */
int koppel_instantie_bevestig(struct koppel_instantie *ki, int32_t wachtende, int32_t plek,
			      bool crisisplaats);
int koppel_instantie_verbied(struct koppel_instantie *ki, int32_t wachtende, int32_t plek);

/* A round as stored. */
struct koppel_ronde_rij {
	int64_t id;
	dag_t peildatum;
	char tijdstip[21];
	char door[NAAM_LEN];
	char data_versie[21];
	int64_t jeugdigen, plekken, plaatsen, gekoppeld, totaal, duur_us;
};

/* Write the solved ki as a new round by door at nu (ISO UTC), with the
 * time it took (microseconds); its id into *ronde. Raises no data version
 * (proposals change nothing in the record). 0 or -1/-2. */
int store_koppel_ronde_schrijf(struct store *st, const struct koppel_instantie *ki,
			       const char *door, const char *nu, int64_t duur_us, int64_t *ronde);

/* A whole round: build the instance of peildatum, solve it and write it
 * as round *ronde by door at nu; *duur_us gets the time of building and
 * solving, *los_us that of solving and explaining alone (microseconds).
 * 0 or -1/-2. */
int store_koppel_ronde(struct store *st, dag_t peildatum, const char *door, const char *nu,
		       int64_t *ronde, int64_t *duur_us, int64_t *los_us);

/* The latest round into *out: 1, or 0 when there is none. */
int store_koppel_ronde_laatste(struct store *st, struct koppel_ronde_rij *out);

enum koppel_status {
	KOPPEL_VOORGESTELD,
	KOPPEL_BEVESTIGD,
	KOPPEL_AFGEWEZEN,
};

/* One stored proposal, with the names a page shows. */
struct koppel_voorstel_rij {
	int64_t id, ronde, traject_id, jeugdige_id;
	char gemeente[GEMEENTE_CODE_LEN];
	char gemeente_naam[NAAM_LEN];
	int segment;
	char gevraagd_product[PRODUCTCODE_LEN];
	char huidig_agb[AGB_LEN];
	char huidig_naam[NAAM_LEN];
	int leeftijd;
	int urgentie;                        /* enum koppel_urgentie */
	bool crisis;
	int weken;
	bool plek;                           /* keuze: a place (else not now) */
	char agb[AGB_LEN];
	char aanbieder_naam[NAAM_LEN];
	char productcode[PRODUCTCODE_LEN];
	char groep[CAPACITEIT_GROEP_LEN];
	bool crisisplaats, voorkeur, als_vorig;
	int afstand_hm;
	int64_t kosten, wachtkosten;
	enum koppel_keuze tweede;
	char tweede_agb[AGB_LEN];
	char tweede_naam[NAAM_LEN];
	char tweede_productcode[PRODUCTCODE_LEN];
	char tweede_groep[CAPACITEIT_GROEP_LEN];
	int64_t tweede_kosten, meerkosten;
	enum koppel_status status;
	int64_t toewijzing_nummer;
	char reden[200];
	char besloten_door[NAAM_LEN];
	char besloten_op[21];
	char voornamen[NAAM_LEN];
	char achternaam[NAAM_LEN];
};

/* The proposals of round ronde within scope s (by paying gemeente; an
 * aanbieder scope sees none), only gemeente ("" all) and segment (-1
 * all), ordered by gemeente, then places before not now, urgency and
 * weeks waited (most first), traject. */
int store_koppel_voorstellen(struct store *st, int64_t ronde, const struct store_scope *s,
			     const char *gemeente, int segment,
			     struct koppel_voorstel_rij **out, size_t *n);

/* The latest proposal for traject_id (any round): 1 into *out, or 0. */
int store_koppel_voorstel_van(struct store *st, int64_t traject_id,
			      struct koppel_voorstel_rij *out);

/* Record a decision on proposal id that is still voorgesteld: bevestigd
 * with the toewijzing it became, or afgewezen with reden; by door at nu.
 * 1 done, 0 when it was no longer open. */
int store_koppel_besluit(struct store *st, int64_t id, enum koppel_status status,
			 int64_t toewijzing_nummer, const char *reden, const char *door,
			 const char *nu);

/* Traject id (the fields of struct traject but verwijzer): 1, or 0. */
int store_koppel_traject(struct store *st, int64_t id, struct traject *out);

/* "voorgesteld", "bevestigd", "afgewezen". */
const char *koppel_status_naam(enum koppel_status s);

#endif
