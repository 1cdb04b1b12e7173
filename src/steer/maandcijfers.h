/* maandcijfers: the contribution of one youth to the monthly indicator
 * aggregates, and the arithmetic on those aggregates (a bag of additive
 * rows; the median and p80 of a merged day-count histogram).
 *
 * Pure: no I/O. The contribution is computed from a struct kpi_data that
 * holds ONE youth's facts (trajecten, woonplaatsen, schoolstatus,
 * perspectiefplannen, besluiten) plus that youth's approved and rejected
 * amounts per trajectory and month, through the kpi.h predicates and
 * functions, so that every stored figure is what kpi.h gives for the same
 * month and selection. Because a youth's contribution depends on nothing
 * but that youth's facts and the Treeknorm, the aggregates can be kept
 * exactly by subtracting a youth's contribution before a change and
 * adding it back after (maandcijfers_store.h).
 *
 * Grain. periode: a month as YYYYMM, or a year as YYYY (youth-level
 * distinct counts only, which do not add up over months). State measures
 * are taken on the month's last day (peildatum = last day of the month,
 * also for the running month: the state as the record knows it today).
 * Trajectory measures are stored under the rollup groupings of
 * mc_groeperingen (gemeente = the paying gemeente, segment, aanbieder,
 * verwijzer type); youth measures under gemeente (residence as kpi.h
 * defines it; "" when unknown) and "*" (the region). A dimension that is
 * rolled up holds "*" (segment -1). dagen is -1 for a count, else the day
 * count of one histogram row.
 *
 * Memory: a struct mc_bak owns its rows; mc_bak_vrij frees them.
 */
#ifndef JR_STEER_MAANDCIJFERS_H
#define JR_STEER_MAANDCIJFERS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "domain/kpi.h"
#include "domain/model.h"

/* The measures. Trajectory measures first (additive over months), then
 * the youth-level ones. Names: mc_maat_naam. */
enum mc_maat {
	MC_ACTIEF = 1,           /* active on the month's last day */
	MC_COLLECTIEF,           /* of those, on a group product */
	MC_NIEUW,                /* new regional trajectories (first date) */
	MC_WACHT_KLAAR,          /* completed waits (begindatum in month) */
	MC_WACHT_KLAAR_BOVEN,    /* of those, over the Treeknorm */
	MC_H_WACHT_TOTAAL,       /* histogram: aanmelding -> start */
	MC_H_WACHT_INTAKE,       /* histogram: aanmelding -> intake */
	MC_H_WACHT_START,        /* histogram: intake -> start */
	MC_BEEINDIGD,            /* BEEINDIGD with einddatum in month */
	MC_UITVAL,               /* of those, reden 32/33 */
	MC_H_DOORLOOP,           /* histogram: begindatum -> einddatum */
	MC_HERHAALD_TOTAAL,      /* ended with reden 31/34 */
	MC_HERHAALD_12,          /* of those, followed within 12 months */
	MC_HERHAALD_6,           /* ... within 6 months */
	MC_WACHTEND,             /* waiting on the last day (kpi_zorgelijk_aantal) */
	MC_WACHTEND_BOVEN,       /* of the regional ones, beyond the norm */
	MC_ZORGELIJK,            /* of the waiting, zorgelijk */
	MC_H_WACHTEND,           /* histogram: days waited so far (regional) */
	MC_GOEDGEKEURD,          /* approved eurocents (ProductPeriode month) */
	MC_AFGEWEZEN,            /* rejected eurocents */
	MC_GEBRUIK,              /* youth 0-17 in care (local teams included) */
	MC_GEBRUIK_REGIONAAL,    /* youth 0-17 in specialised care */
	MC_VERBLIJF_JEUGDIGEN,   /* kpi_verblijf: youth in specialised care */
	MC_VERBLIJF,             /* of those, verblijf (43/44) */
	MC_CRISIS,               /* of those, crisis (46) */
	MC_THUISZITTERS,         /* thuiszitters > 3 months on the last day */
	MC_OVERGANG,             /* 18-/18+: turning 18 within 6 months */
	MC_OVERGANG_ZONDER,      /* of those, without a perspectiefplan */
	MC_CLIENT_JEUGDIGEN,     /* per year: youth with an approved amount */
};
#define MC_MAAT_AANTAL 30   /* one past the last */

/* Measure name as the API spells it ("actief", "h_wacht_totaal"...);
 * mc_maat_van: the measure of a name, 0 when unknown. */
const char *mc_maat_naam(int maat);
int mc_maat_van(const char *naam);
/* A youth-level distinct count (stored per month AND per year, gemeente
 * = residence). */
bool mc_maat_jeugd(int maat);
/* A day-count histogram. */
bool mc_maat_histogram(int maat);
/* A state on the month's last day (per year: the last month). */
bool mc_maat_stand(int maat);

/* The rollup groupings of the trajectory measures: which dimensions a
 * row keeps (the others hold "*"). */
struct mc_groepering {
	bool gemeente, segment, aanbieder, verwijzer;
};
#define MC_GROEPERINGEN 8
extern const struct mc_groepering mc_groeperingen[MC_GROEPERINGEN];

/* One key. Build it zeroed (mc_sleutel_zet) so that equal keys are equal
 * bytes. */
struct mc_sleutel {
	int32_t periode;
	int32_t dagen;
	int16_t maat;
	int8_t segment;
	char gemeente[GEMEENTE_CODE_LEN];
	char agb[AGB_LEN];
	char verwijzer[CODE2_LEN];
};

void mc_sleutel_zet(struct mc_sleutel *k, int32_t periode, int maat, int32_t dagen,
		    const char *gemeente, int segment, const char *agb,
		    const char *verwijzer);
/* The order of table maandcijfer's primary key (gemeente, segment, agb,
 * verwijzer, maat, periode, dagen; text compared bytewise, as SQLite's
 * BINARY collation): <0, 0 or >0. */
int mc_sleutel_vergelijk(const struct mc_sleutel *a, const struct mc_sleutel *b);

struct mc_rij {
	struct mc_sleutel k;
	int64_t waarde;
};

/* A bag of rows keyed by mc_sleutel (open addressing). Rows whose waarde
 * becomes 0 stay (with 0) until mc_bak_vrij. */
struct mc_bak {
	struct mc_rij *rijen;   /* cap slots; periode == 0 marks a free one */
	size_t n, cap;
};

void mc_bak_init(struct mc_bak *b);
void mc_bak_vrij(struct mc_bak *b);
/* Add delta to the row of k (creating it). 0, or -1 when out of memory. */
int mc_bak_voeg(struct mc_bak *b, const struct mc_sleutel *k, int64_t delta);
/* The row of k, NULL when absent. */
const struct mc_rij *mc_bak_zoek(const struct mc_bak *b, const struct mc_sleutel *k);

/* Rows to add, not yet summed (equal keys may repeat). */
struct mc_lijst {
	struct mc_rij *rijen;
	size_t n, cap;
};

void mc_lijst_vrij(struct mc_lijst *l);
/* Append (k, delta) to l (nothing when delta is 0). 0, or -1 when out
 * of memory. */
int mc_lijst_erbij(struct mc_lijst *l, const struct mc_sleutel *k, int64_t delta);
/* Add every row of l to b and empty l (its memory kept); the slots of
 * the rows ahead are prefetched, which matters when b is far larger than
 * the caches. 0, or -1 when out of memory (b then holds part of it). */
int mc_bak_voeg_lijst(struct mc_bak *b, struct mc_lijst *l);

/* A youth's amounts per trajectory and month of the ProductPeriode
 * Begindatum (sums over its Prestaties). */
struct mc_geld {
	int64_t traject_id;
	int32_t maand;           /* YYYYMM */
	int64_t goedgekeurd;
	int64_t afgewezen;
};

/* Add teken (+1 or -1) times the contribution of the one youth in d (d
 * holds only that youth's rows, in kpi.h's order; d->jeugdigen may be
 * empty; d->norms the Treeknorm) and of its amounts geld[0..n_geld) to
 * b, for the months up to December of tot_jaar. 0, or -1 when out of
 * memory (b then holds part of it). */
int mc_bijdrage(const struct kpi_data *d, const struct mc_geld *geld, size_t n_geld,
		int tot_jaar, int64_t teken, struct mc_bak *b);

/* As mc_bijdrage, appended to l, and the trajectory measures only under the fine
 * groupings (those that keep two dimensions: gemeente+segment,
 * gemeente+verwijzer, segment+aanbieder); mc_bak_afleiden derives the
 * other five from their sums. Adding each trajectory-month three times
 * instead of eight, and deriving once from the summed rows, is what makes
 * a full rebuild fast. Youth-level counts (not additive) are added whole. */
int mc_bijdrage_fijn(const struct kpi_data *d, const struct mc_geld *geld, size_t n_geld,
		     int tot_jaar, int64_t teken, struct mc_lijst *l);
/* For every row of b under a fine grouping (sums of mc_bijdrage_fijn),
 * add its value to the rows of the coarser groupings it rolls up into,
 * in uit (not b). 0, or -1 when out of memory. */
int mc_bak_afleiden(const struct mc_bak *b, struct mc_bak *uit);

/* The direct deltas of new Prestaties (store/maandcijfers_delta.h), the
 * same rows mc_bijdrage adds for them. mc_geld_voeg: the approved and
 * rejected eurocents of trajectory t (its gemeente, segment, agb and
 * verwijzer are the keys) in month maand, when maand is not after
 * December of tot_jaar. 0, or -1 when out of memory. */
int mc_geld_voeg(const struct traject *t, int32_t maand, int64_t goedgekeurd,
		 int64_t afgewezen, int tot_jaar, struct mc_bak *b);

/* One trajectory of a youth in a year: its approved sum before and after
 * a change (kpi.h's kosten row; it counts when the sum is > 0). */
struct mc_client_traject {
	const char *gemeente;
	int64_t voor, na;
};

/* The change of MC_CLIENT_JEUGDIGEN (year jaar) of one youth whose
 * trajectories with an approved amount in jaar are t[0..n) (every one of
 * them, changed or not): per gemeente of a trajectory and for the region,
 * counted after minus counted before. 0, or -1 when out of memory. */
int mc_client_wissel(const struct mc_client_traject *t, size_t n, int jaar, struct mc_bak *b);

/* One histogram row: n values equal to dagen. */
struct mc_hist {
	int32_t dagen;
	int64_t n;
};

/* Describe the merged histogram h[0..n) (any order, equal dagen may
 * repeat; sorted in place) as kpi.h's struct kpi_verdeling: exact median
 * (mean of the middle two for an even count) and nearest-rank p80. */
void mc_verdeling(struct mc_hist *h, size_t n, struct kpi_verdeling *out);

/* YYYYMM of day d, and the last day of month YYYYMM. */
int32_t mc_maand(dag_t d);
dag_t mc_maand_eind(int32_t maand);
/* The month after YYYYMM. */
int32_t mc_maand_volgend(int32_t maand);

#endif
