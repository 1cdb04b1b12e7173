/* koppel: the matching of waiting youth (jeugdigen) to free capacity
 * (plekken) as a minimum-cost flow problem over match/mcf, with an
 * explanation per proposal. Pure computation over structs: the caller
 * reads the waiting list and capacity from the store and writes the
 * proposals; nothing here is allocated automatically (a person confirms a
 * proposal, which then becomes a toewijzing).
 *
 * The network (one unit of flow per jeugdige):
 *
 *   jeugdige --(1, travel + preference + stability)--> plek ----(free places)----> T
 *   jeugdige --(1, same, crisis jeugdigen only)-----> crisis part of plek --(reserved)--> T
 *   jeugdige --(1, wait penalty + stability)--> "not now" of its gemeente ==(fairness bands)==> T
 *
 * (Each jeugdige supplies one unit, so its arcs carry at most 1; the
 * "not now" arc and the last band have one unit to spare, which lets the
 * solver start every jeugdige there, see mcf's crash start.)
 *
 * - An arc to a plek only where segment, product (when the jeugdige has
 *   one), age and travel distance (municipality centre to the plek's
 *   location, at most max_afstand_km) fit.
 * - Cost of a place: travel per 100 m, plus geen_voorkeur when the family
 *   prefers another aanbieder.
 * - Not matched now: wacht_basis[urgentie] + wacht_per_week x weeks waited,
 *   plus treeknorm_sprong once the Treeknorm is reached, plus crisis for a
 *   crisis case; always more than any travel cost, so a fitting place is
 *   never left empty while a fitting jeugdige waits.
 * - Fairness: the "not now" units of one gemeente pass through bands of
 *   rising cost. Its first band holds the gemeente's fair share of the
 *   shortage (its share of all waiting jeugdigen times the number that
 *   cannot be placed at all) at no extra cost; each next band of a tenth
 *   of its waiting jeugdigen costs eerlijk_stap more per jeugdige. So when
 *   a gemeente's youth would be left waiting beyond its share, the next
 *   one of them outweighs a slightly more urgent or nearer jeugdige
 *   elsewhere, and the shortage is spread in proportion (convex costs, so
 *   the flow is still exactly optimal).
 * - Stability: every option except the plek proposed in an earlier round
 *   (vorig_voorstel) costs wisselen more.
 * - Places reserved for crisis intake are only reachable by crisis cases.
 *
 * Explanation (koppel_uitleg): the optimal potentials, anchored at T, give
 * each option its reduced cost: what the total would rise by, at least,
 * if this jeugdige took that option instead. The proposal names the
 * cheapest other option by that measure (runner-up) and the figure
 * (meerkosten), for all jeugdigen in one pass. koppel_precies gives the
 * exact rise for one option of one jeugdige (who would be displaced, and
 * what that costs, included): for the page of one proposal.
 *
 * Incremental: jeugdigen can be added, withdrawn, given a place to avoid,
 * and places changed after a solve; the next koppel_los_op() re-solves
 * warm. Plekken are added before the first jeugdige.
 *
 * Memory: struct koppel owns copies of everything added and its proposals;
 * pointers it returns are valid until the next call that changes it.
 */
#ifndef JR_MATCH_KOPPEL_H
#define JR_MATCH_KOPPEL_H

#include <stdbool.h>
#include <stdint.h>

#include "domain/model.h"
#include "match/mcf.h"

enum koppel_urgentie {
	URGENTIE_NORMAAL,
	URGENTIE_VERHOOGD,
	URGENTIE_HOOG,
};
#define URGENTIE_AANTAL 3

struct koppel_jeugdige {
	int64_t id;                              /* the caller's key */
	int segment;                             /* enum segment */
	char productcode[PRODUCTCODE_LEN];       /* "" = any product of the segment */
	int leeftijd;                            /* years */
	char gemeente[GEMEENTE_CODE_LEN];        /* "0546" */
	enum koppel_urgentie urgentie;
	int weken_gewacht;
	int treeknorm_weken;                     /* the norm for this segment */
	bool crisis;
	char voorkeur_agb[AGB_LEN];              /* preferred aanbieder, "" = none */
	int64_t vorig_voorstel;                  /* plek id proposed earlier, 0 = none */
};

struct koppel_plek {
	int64_t id;                              /* the caller's key, not 0 */
	char agb[AGB_LEN];                       /* aanbieder */
	int segment;
	char productcode[PRODUCTCODE_LEN];
	int leeftijd_min, leeftijd_max;
	char gemeente[GEMEENTE_CODE_LEN];        /* location, when no coordinates */
	bool eigen_ligging;                      /* lat/lon given */
	double lat, lon;
	int plaatsen;                            /* free places, crisis ones included */
	int crisisplaatsen;                      /* of which reserved for crisis intake */
};

/* Weights, in points; one point = 100 m of travel. */
struct koppel_gewichten {
	int max_afstand_km;
	int64_t geen_voorkeur;
	int64_t wisselen;
	int64_t wacht_basis[URGENTIE_AANTAL];
	int64_t wacht_per_week;
	int64_t treeknorm_sprong;
	int64_t crisis;
	int64_t eerlijk_stap;
};

/* The defaults: 30 km; 150; 40; 1000/2000/4000; 20 per week; 1500; 10000; 100. */
void koppel_gewichten_standaard(struct koppel_gewichten *w);

enum koppel_keuze {
	KEUZE_PLEK,     /* a place */
	KEUZE_NIET_NU,  /* not matched now */
	KEUZE_GEEN,     /* no other option exists (runner-up only) */
};

struct koppel_voorstel {
	int64_t jeugdige;            /* id */
	enum koppel_keuze keuze;
	int64_t plek;                /* id when KEUZE_PLEK */
	bool crisisplaats;           /* a place reserved for crisis intake */
	int afstand_hm;              /* travel, 100 m units */
	bool voorkeur;               /* at the preferred aanbieder */
	bool als_vorig;              /* the same as the earlier proposal */
	int64_t kosten;              /* cost of the chosen option's arc */
	int64_t wachtkosten;         /* cost of "not now" for this jeugdige */
	/* filled by koppel_uitleg(): */
	enum koppel_keuze tweede;    /* runner-up */
	int64_t tweede_plek;         /* id when the runner-up is a place */
	int64_t tweede_kosten;       /* its own arc cost */
	int64_t meerkosten;          /* rise of the total, at least, if chosen */
};

struct koppel;

/* NULL when out of memory or when the embedded municipality table is bad. */
struct koppel *koppel_new(const struct koppel_gewichten *w);
void koppel_free(struct koppel *k);

/* Add a plek; its index, or -1 (unknown gemeente, bad numbers, jeugdigen
 * already added, out of memory). */
int32_t koppel_plek_add(struct koppel *k, const struct koppel_plek *p);

/* Change a plek's free and reserved places. 0 or -1. */
int koppel_plek_zet(struct koppel *k, int32_t plek, int plaatsen, int crisisplaatsen);

/* Add a jeugdige; its index, or -1 (unknown gemeente, out of memory). */
int32_t koppel_jeugdige_add(struct koppel *k, const struct koppel_jeugdige *j);

/* Take a jeugdige off the list (started, withdrawn). 0 or -1. */
int koppel_jeugdige_weg(struct koppel *k, int32_t jeugdige);

/* Never propose plek (index) to this jeugdige again (a person turned the
 * proposal down). 0 or -1. */
int koppel_verbied(struct koppel *k, int32_t jeugdige, int32_t plek);

/* Solve (warm after the first time) and fill each jeugdige's choice.
 * MCF_OPTIMAL, or the solver's failure. */
enum mcf_status koppel_los_op(struct koppel *k);

/* After koppel_los_op: fill runner-up and meerkosten of every proposal.
 * 0, or -1 when out of memory. */
int koppel_uitleg(struct koppel *k);

/* Every option of jeugdige i (all fitting places and "not now"): fills
 * up to max of them into uit and returns how many there are. meerkosten
 * is the option's reduced cost (meaningful after koppel_uitleg). */
struct koppel_optie {
	enum koppel_keuze keuze;     /* KEUZE_PLEK or KEUZE_NIET_NU */
	int32_t plek;                /* index when KEUZE_PLEK */
	bool crisisplaats;
	int64_t kosten;
	bool open;                   /* not turned down (koppel_verbied) */
	bool gekozen;                /* the current proposal */
	int64_t meerkosten;
};
int32_t koppel_opties(const struct koppel *k, int32_t jeugdige, struct koppel_optie *uit, int32_t max);

/* The exact rise of the total if jeugdige i took option `optie` (an index
 * as koppel_opties counts them) instead of its proposal: the option's cost
 * plus the cheapest way for the others to make room, minus the
 * proposal's cost (a Dijkstra over the network: for one jeugdige's page,
 * not for all at once). 0; 1 when that option cannot be had at all (a
 * part of a plek without places); -1 for a bad index, the chosen option
 * itself, a turned-down one, or out of memory. */
int koppel_precies(const struct koppel *k, int32_t jeugdige, int32_t optie, int64_t *meerkosten);

int32_t koppel_jeugdigen(const struct koppel *k);
int32_t koppel_plekken(const struct koppel *k);
const struct koppel_voorstel *koppel_voorstel(const struct koppel *k, int32_t jeugdige);
/* The total cost of the last solve (all jeugdigen, fairness included). */
int64_t koppel_totaal(const struct koppel *k);
/* The solver itself, for tests and benchmarks that compare it. */
const struct mcf *koppel_mcf(const struct koppel *k);

#endif
