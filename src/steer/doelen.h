/* doelen: the 2030 goals of the regional vision (DOMAIN.md §2, seeds/001)
 * as a path from a baseline to the target, and where the region and each
 * gemeente stand on it today. Pure: no I/O; thread-safe.
 *
 * The goals, their indicators and targets are one table in doelen.c
 * (doelen_defs), each with its source; targets that are the region's
 * choice (verblijf, collectief) are marked as an assumption there and on
 * the page. Every value is computed by the single functions of kpi.h and
 * garp.h:
 *
 *   goal              indicator (unit)                       window
 *   gebruik           kpi_jeugdhulpgebruik incl. local teams  year
 *                     (% of 0-17)
 *   wachttijd         kpi_wachttijd aandeel_boven_norm of the year
 *                     completed waits (%)
 *   thuiszitters      kpi_thuiszitters (per 10.000 youth      day
 *                     0-17; count alongside)
 *   verblijf          kpi_verblijf verblijf_aandeel (%)       year
 *   collectief        kpi_collectief aandeel (%)              day
 *   analyse           garp_analyse_vooraf (%)                 year
 *   regisseur         garp_regisseur (%)                      day
 *
 * "year" is a window: the baseline year's 1 January - 31 December, and
 * for "now" the 12 months ending on the peildatum P (kpi_rapport's
 * m12_van .. P). "day" is a state: the baseline year's 31 December, and
 * P. Gemeente: as each function filters (paying gemeente for wachttijd,
 * collectief and analyse; residence for the others).
 *
 * Baseline: DOELEN_BASISJAAR (2025) when the record holds that whole year
 * (its first trajectory date on or before 1 January 2025 and P on or
 * after 31 December 2025); when the record starts later, the first whole
 * calendar year in it; none when P lies before that year's end.
 * Path: the straight line from (31 December of the baseline year, basis)
 * to (31 December 2030, doel); pad(dag) = basis + (doel − basis) ·
 * (dag − B) / (T − B). A target "factor" is factor × the unit's own
 * baseline (a gemeente halves its own share); "absoluut" is the value.
 * Position on P: voorsprong = pad(P) − nu when lower is better, else
 * nu − pad(P) (positive = ahead). Tolerance = max(DOELEN_TOLERANTIE_DEEL
 * × |doel − basis|, the goal's minimum). voor when voorsprong > tol,
 * achter when voorsprong < −tol, else op_koers. A unit whose indicator
 * has no cases (totaal 0) in the baseline or now has no position.
 * Ranking: the units with a position by voorsprong, highest first (ties
 * by code); the region is not ranked.
 */
#ifndef JR_STEER_DOELEN_H
#define JR_STEER_DOELEN_H

#include <stdbool.h>
#include <stddef.h>

#include "domain/garp.h"
#include "domain/kpi.h"

#define DOELEN_BASISJAAR 2025
#define DOELEN_DOELJAAR 2030
#define DOELEN_TOLERANTIE_DEEL 0.10

enum doelen_id {
	DOELEN_GEBRUIK,
	DOELEN_WACHTTIJD,
	DOELEN_THUISZITTERS,
	DOELEN_VERBLIJF,
	DOELEN_COLLECTIEF,
	DOELEN_ANALYSE,
	DOELEN_REGISSEUR,
};
#define DOELEN_AANTAL 7

enum doelen_streef {
	DOELEN_ABSOLUUT,   /* doel = streef */
	DOELEN_FACTOR,     /* doel = streef × the unit's own basis */
};

enum doelen_status {
	DOELEN_ONBEKEND,   /* no position (no baseline, or no cases) */
	DOELEN_VOOR,
	DOELEN_OP_KOERS,
	DOELEN_ACHTER,
};

struct doelen_def {
	enum doelen_id id;
	const char *sleutel;         /* "gebruik", ... (API, CSV, page ids) */
	const char *naam;            /* Dutch, for pages */
	const char *indicator;       /* what is measured, Dutch */
	const char *eenheid;         /* "%" or " per 10.000" */
	int decimalen;
	bool lager_beter;
	enum doelen_streef soort;
	double streef;
	double tolerantie_min;       /* in the unit */
	bool aanname;                /* the target is the region's assumption */
	const char *bron;            /* where the target comes from, Dutch */
};

extern const struct doelen_def doelen_defs[DOELEN_AANTAL];

/* One measurement: waarde in the goal's unit; aantal out of totaal
 * (for thuiszitters: the count and the 0-17 population). */
struct doelen_meting {
	bool bekend;                 /* totaal > 0 */
	double waarde;
	size_t aantal;
	size_t totaal;
};

struct doelen_positie {
	struct doelen_meting basis;
	struct doelen_meting nu;
	double doel;
	double pad_nu;
	double voorsprong;
	double tolerantie;
	enum doelen_status status;
	size_t rang;                 /* 1.. among the gemeenten; 0 none */
};

/* One unit: the region (code "") or a gemeente. */
struct doelen_eenheid {
	char code[GEMEENTE_CODE_LEN];
	char naam[NAAM_LEN];
	struct doelen_positie doelen[DOELEN_AANTAL];
};

struct doelen_overzicht {
	dag_t peildatum;
	int basisjaar;               /* 0: no baseline in the record */
	dag_t basis_dag;             /* 31 December of basisjaar */
	dag_t doel_dag;              /* 31 December 2030 */
	size_t n_eenheden;           /* region first, then d->gemeenten order */
	struct doelen_eenheid *eenheden;
};

/* The baseline year for a record whose first trajectory date is eerste
 * (DAG_GEEN: none) on peildatum, or 0 (see above). */
int doelen_basisjaar(dag_t eerste, dag_t peildatum);

/* The path of a goal from basis on dag b to doel on dag t, on dag. */
double doelen_pad(double basis, double doel, dag_t b, dag_t t, dag_t dag);

/* Measure goal g for gemeente (NULL or "" region) over [van, tot] (a
 * window goal) or on tot (a state goal). 0, or -1 when out of memory. */
int doelen_meet(const struct kpi_data *d, const struct garp_gezin *gezinnen, size_t n_gezinnen,
		enum doelen_id g, const char *gemeente, dag_t van, dag_t tot,
		struct doelen_meting *out);

/* Fill pos (its basis and nu set by the caller) with doel, pad_nu,
 * voorsprong, tolerantie and status; rang stays 0. */
void doelen_beoordeel(const struct doelen_def *def, dag_t basis_dag, dag_t doel_dag,
		      dag_t peildatum, struct doelen_positie *pos);

/* Measurement m of goal g turned into what an asker without exact figures
 * may see (domain/publicatie): computed from the published counts, bekend
 * false when a count is hidden. The 0-17 population behind thuiszitters
 * is public, so only its count is rounded. The /doelen page and the
 * council report both show goals this way. */
void doelen_meting_publiek(enum doelen_id g, struct doelen_meting *m);

/* Rank goal g over eenheden[1..n) (index 0 is the region). */
void doelen_rangschik(struct doelen_eenheid *eenheden, size_t n, enum doelen_id g);

/* Everything for the region and every gemeente of d on peildatum. The
 * caller frees with doelen_vrij. 0, or -1 when out of memory (out is
 * then empty). */
int doelen_bereken(const struct kpi_data *d, const struct garp_gezin *gezinnen,
		   size_t n_gezinnen, dag_t peildatum, struct doelen_overzicht *out);
void doelen_vrij(struct doelen_overzicht *o);

/* "voor", "op_koers", "achter", "onbekend" and their Dutch labels. */
const char *doelen_status_naam(enum doelen_status s);
const char *doelen_status_tekst(enum doelen_status s);

#endif
