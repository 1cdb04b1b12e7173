/* geld: grip on money (issue 7, item 4), every figure one pure function.
 *
 * On top of the indicators of domain/kpi.h (kpi_budgetuitputting,
 * kpi_plafonduitputting, kpi_clientkosten) and the record as the store
 * reads it beyond kpi_data (struct geld_data: every approved Prestatie
 * with its declaration's dagtekening, the contracts, the PGB awards):
 *
 *  - geld_vertraging: the declaration lag, dagtekening − ProductPeriode
 *    end in days, as a distribution (median, p80, p95).
 *  - geld_kosten_op: the traject_kosten of kpi.h as they were known on a
 *    date X (only declarations with dagtekening <= X), for back-tests.
 *  - geld_verwachting: the expected year-end of a selection (gemeente
 *    and segment, or a provider):
 *      goedgekeurd  approved so far (kpi);
 *      prognose     kpi's forecast: each active trajectory's average
 *                   approved month × the months after its last approved
 *                   period through December (this already holds the
 *                   months delivered but not yet declared of trajectories
 *                   that run on);
 *      nalevering   trajectories that ended in the year on or before the
 *                   peildatum: their months after the last approved
 *                   period up to the end month, average month each, for
 *                   the months that ended within the lag's p95 before the
 *                   peildatum (older ones are not coming any more);
 *      nieuw        active trajectories of a provider without an approved
 *                   month in the year that started within p95 + 31 days
 *                   before the peildatum (nothing declared yet because of
 *                   the lag): the average approved month of the year of
 *                   their segment over the kosten of d (the region, or a
 *                   geld_deel) × their months in the year from their start;
 *      verwacht     = goedgekeurd + prognose + nalevering + nieuw.
 *  - geld_backtest: the same forecast made as of the same date k years
 *    earlier (k = 1..GELD_BACKTEST_JAREN) on the record as then known,
 *    against what that year really came to (everything approved now);
 *    fout = verwacht_toen / werkelijk − 1, and the error of the forecast
 *    part r = (werkelijk − goedgekeurd_toen) / (verwacht_toen −
 *    goedgekeurd_toen) − 1.
 *  - geld_band: the uncertainty band of an expected year-end: the part
 *    still to come (verwacht − goedgekeurd) scaled by the smallest and the
 *    largest r of the back-test (each clamped so that the band holds the
 *    point estimate): laag = verwacht + deel × min(0, min r), hoog =
 *    verwacht + deel × max(0, max r). Needs at least GELD_BAND_MIN
 *    back-test years with a forecast part > 0, else no band.
 *  - geld_plafonds: per provider with an omzetplafond: its expected
 *    turnover (geld_verwachting) against the ceiling, next to its waiting
 *    list (kpi_wachtend, and of those kpi_boven_norm_op).
 *  - geld_zorgroutes: per gemeente the approved amounts inside a contract,
 *    outside one (a provider without a contract for the trajectory's
 *    segment on the Prestatie's period start), and the PGB awards.
 *  - geld_verrekening: the region's approved cost shared by 0-17
 *    population versus each gemeente's own, with the difference.
 *
 * Memory: inputs are borrowed; functions returning arrays hand them to the
 * caller (free()); int functions return 0, or -1 when an allocation fails
 * (outputs are then zeroed / NULL). No I/O, no global state: thread-safe.
 */
#ifndef JR_STEER_GELD_H
#define JR_STEER_GELD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "domain/datum.h"
#include "domain/kpi.h"
#include "domain/model.h"

#define GELD_BACKTEST_JAREN 4
#define GELD_BAND_MIN 2

/* One approved Prestatie (the store reads only approved lines with a
 * trajectory), with the trajectory's paying gemeente, provider, segment
 * and youth. Order: by traject_id, then periode_begin. */
struct geld_prestatie {
	int64_t traject_id;
	int64_t jeugdige_id;
	char gemeente[GEMEENTE_CODE_LEN];
	char agb[AGB_LEN];
	int segment;
	int64_t bedrag;               /* eurocents */
	dag_t periode_begin;
	dag_t periode_eind;
	dag_t dagtekening;            /* of the declaration */
};

/* A contract of a provider for a segment. Valid on day d when begindatum
 * <= d and (einddatum DAG_GEEN, or d <= einddatum, or it renews tacitly:
 * stilzwijgend_verlengd). Order: by agb, segment. */
struct geld_contract {
	char agb[AGB_LEN];
	int segment;
	dag_t begindatum;
	dag_t einddatum;
	bool stilzwijgend_verlengd;
};

/* A persoonsgebonden budget (migration 13): an award to a youth, paid by
 * a gemeente, for one calendar year (bedrag: the awarded eurocents of
 * that year; begindatum..einddatum inside it). */
struct geld_pgb {
	int64_t id;
	int64_t jeugdige_id;
	char gemeente[GEMEENTE_CODE_LEN];
	int jaar;
	int64_t bedrag;
	dag_t begindatum;
	dag_t einddatum;
};

/* The record beyond kpi_data. Arrays borrowed (the filler owns them). */
struct geld_data {
	const struct geld_prestatie *prestaties;  size_t n_prestaties;
	const struct geld_contract *contracten;   size_t n_contracten;
	const struct geld_pgb *pgb;               size_t n_pgb;
};

/* ---- declaration lag ---- */
struct geld_vertraging {
	size_t n;
	double mediaan;
	int32_t p80;                  /* nearest rank, as kpi.h */
	int32_t p95;
	int32_t max;
};
/* Over the prestaties whose dagtekening lies in [van, tot]. 0 or -1. */
int geld_vertraging(const struct geld_data *g, dag_t van, dag_t tot,
		    struct geld_vertraging *out);

/* ---- the record as known on a date ---- */
/* The traject_kosten (kpi.h) from the prestaties with dagtekening <= op,
 * ordered by (traject_id, jaar); afgewezen 0. *out is the caller's
 * (free()); -1 when out of memory (*out NULL, *n 0). */
int geld_kosten_op(const struct geld_data *g, dag_t op, struct traject_kosten **out,
		   size_t *n);

/* ---- expected year-end ---- */
/* A selection: gemeente (NULL/"" all) and segment (-1 all), or a provider
 * (agb set: its ceiling; gemeente and segment then ignored). */
struct geld_selectie {
	const char *gemeente;
	int segment;
	const char *agb;
};

struct geld_verwachting {
	int64_t norm;                 /* budget, or omzetplafond */
	int64_t goedgekeurd;
	int64_t prognose;
	int64_t nalevering;
	int64_t nieuw;
	int64_t verwacht;
	double aandeel;               /* verwacht / norm (0 when norm 0) */
	size_t actief;
	size_t jeugdigen;             /* distinct youth with an approved amount */
};

/* On d (whose kosten are those known on peildatum), lag p95 in days.
 * 0 or -1. */
int geld_verwachting(const struct kpi_data *d, const struct geld_selectie *s, int jaar,
		     dag_t peildatum, int32_t lag_p95, struct geld_verwachting *out);

/* One back-test year. geldig: the year has data from its January and a
 * forecast part > 0 (else fout and r are 0 and it does not count). */
struct geld_backtest_jaar {
	int jaar;
	dag_t peildatum;
	int64_t goedgekeurd;          /* as known then */
	int64_t verwacht;             /* forecast then */
	int64_t werkelijk;            /* everything approved for that year now */
	double fout;                  /* verwacht / werkelijk − 1 */
	double r;                     /* error of the forecast part */
	bool geldig;
};

/* The dates and record states a back-test needs, shared by all
 * selections: for k = 1..n, the kosten as known on peildatum − k years.
 * eerste: the first day with data (the record's start). */
struct geld_terugblik {
	size_t n;
	int jaar[GELD_BACKTEST_JAREN];
	dag_t peildatum[GELD_BACKTEST_JAREN];
	struct traject_kosten *kosten[GELD_BACKTEST_JAREN];
	size_t n_kosten[GELD_BACKTEST_JAREN];
};
/* For jaar and peildatum (years before eerste's are left out). 0 or -1.
 * geld_terugblik_vrij frees what it filled. */
int geld_terugblik_maak(const struct geld_data *g, int jaar, dag_t peildatum, dag_t eerste,
			struct geld_terugblik *out);
void geld_terugblik_vrij(struct geld_terugblik *t);

/* The back-test of selection s: out[0..t->n). d: the record now (its
 * kosten complete). 0 or -1. */
int geld_backtest(const struct kpi_data *d, const struct geld_terugblik *t,
		  const struct geld_selectie *s, int32_t lag_p95,
		  struct geld_backtest_jaar out[GELD_BACKTEST_JAREN]);

/* The band of v from back-test years b[0..n). false (laag = hoog =
 * verwacht) when fewer than GELD_BAND_MIN are geldig. */
bool geld_band(const struct geld_verwachting *v, const struct geld_backtest_jaar *b, size_t n,
	       int64_t *laag, int64_t *hoog);

/* The day that is k years before d (29 February -> 28 February). */
dag_t geld_jaren_terug(dag_t d, int k);

/* ---- one gemeente's part of the record ----
 * A view of d and g with only the trajecten, traject_kosten and
 * prestaties whose (paying) gemeente is the given one; the other arrays
 * are d's. Every function above gives the same for a selection of that
 * gemeente on the view as on the whole record, except that "nieuw" takes
 * the average month of the view's kosten (the gemeente's own, not the
 * region's). A money page evaluates 13 gemeenten × 9 segment choices ×
 * (1 + the back-test years): on the views each pass reads a thirteenth
 * of the record. geld_deel_vrij frees the arrays. 0 or -1. */
struct geld_deel {
	struct kpi_data d;
	struct geld_data g;
};
int geld_deel_maak(const struct kpi_data *d, const struct geld_data *g, const char *gemeente,
		   struct geld_deel *out);
void geld_deel_vrij(struct geld_deel *x);

/* ---- ceiling paradox ---- */
struct geld_plafond {
	char agb[AGB_LEN];
	struct geld_verwachting v;    /* against the omzetplafond */
	size_t wachtend;
	size_t boven_norm;
};
/* Every provider with an omzetplafond of jaar (order: by agb). *out the
 * caller's. 0 or -1. */
int geld_plafonds(const struct kpi_data *d, int jaar, dag_t peildatum, int32_t lag_p95,
		  struct geld_plafond **out, size_t *n);
/* Sort: uitputting first (aandeel descending, then wachtend descending),
 * or wachtend first (then aandeel); ties by agb. */
void geld_plafonds_sorteer(struct geld_plafond *p, size_t n, bool wachtend_eerst);

/* ---- routes outside the contracted offer ---- */
struct geld_route {
	int64_t contract, buiten_contract, pgb;
	size_t jeugdigen_contract, jeugdigen_buiten, jeugdigen_pgb;
};
/* Per gemeente of d (out[i] for d->gemeenten[i]) and the region
 * (out[n_gemeenten]), for the prestaties whose periode_begin lies in jaar
 * and the PGB awards of jaar. out has n_gemeenten + 1 elements. 0 or -1. */
bool geld_gecontracteerd(const struct geld_data *g, const char *agb, int segment, dag_t dag);
int geld_zorgroutes(const struct kpi_data *d, const struct geld_data *g, int jaar,
		struct geld_route *out);

/* ---- settlement between municipalities ---- */
struct geld_verrekening {
	int64_t populatie;            /* 0-17 */
	double aandeel;               /* of the region's 0-17 population */
	int64_t naar_inwoners;        /* the regional cost × aandeel */
	int64_t naar_gebruik;         /* own approved cost */
	int64_t verschil;             /* naar_inwoners − naar_gebruik */
	size_t jeugdigen;
};
/* out[i] per gemeente of d, out[n_gemeenten] the region. The shares are
 * apportioned by largest remainder, so they add up to the regional cost
 * to the cent. 0 or -1. */
int geld_verrekening(const struct kpi_data *d, int jaar, struct geld_verrekening *out);

#endif
