/* cijfers: the process-wide cache behind the indicator API and pages.
 *
 * Loading the record as the indicators see it (store_kpi_load) takes
 * about half a second on the default demo, and one full report row
 * (kpi_rapport_bereken) some 60 ms; a request must pay neither. This
 * module keeps one loaded snapshot of the record (a "stand": kpi_data,
 * the providers and their capacity reports, the demo's end date and the
 * data version) shared read-only by every server thread, and caches the
 * results computed from it per (gemeente, segment, aanbieder, peildatum).
 *
 * Freshness: every writer raises the meta key STORE_DATA_VERSIE
 * (store/cijfers_store.h). cijfers_pak reads it at most once per
 * CIJFERS_CONTROLE_MS per process (one indexed single-row read); when it
 * changed, the calling request loads a new stand while the others go on
 * with the old one, which is freed when its last user lets go. Only the
 * very first load makes other requests wait.
 *
 * Ownership and threads: a stand is reference-counted; cijfers_pak gives
 * the caller one reference, cijfers_laat returns it. Everything reached
 * through a stand (cijfers_data, cijfers_gemeente, ...) is read-only and
 * valid while the reference is held. The compute functions copy their
 * result into the caller's struct, so the cache may drop entries at any
 * time (it holds at most CIJFERS_CACHE_MAX results per stand and starts
 * afresh when full). The same result is computed once: concurrent askers
 * wait for the first. All functions are thread-safe.
 */
#ifndef JR_WEB_CIJFERS_H
#define JR_WEB_CIJFERS_H

#include <stdbool.h>
#include <stddef.h>

#include "domain/datum.h"
#include "domain/kpi.h"
#include "domain/model.h"
#include "steer/kpi_rapport.h"

struct store;
struct cijfers_stand;

#define CIJFERS_CONTROLE_MS 1000
#define CIJFERS_CACHE_MAX 2048

/* Trend: the twelve quarter starts (1 January, April, July, October)
 * before the peildatum P, then P itself: three years. "1 op N" per calendar year: the four years before P's
 * and P's own (counted over the whole year, as the region does). */
#define CIJFERS_TREND_PUNTEN 13
#define CIJFERS_TREND_JAREN 5

/* The indicators of the 2030 goals on one peildatum P. Windows: the 12
 * months ending on P (m12, as kpi_rapport) for completed waits, uitval
 * and verblijf (the report counts verblijf over the running year; a
 * trend needs windows of equal length); states on P for the rest. */
struct cijfers_punt {
	dag_t peildatum;
	struct kpi_wachttijd wachttijd;   /* completed m12; waiting on P */
	struct kpi_aandeel zorgelijk;     /* waiting on P */
	size_t thuiszitters;              /* > 3 months on P */
	struct kpi_aandeel overgang18;    /* on P; aantal: without a plan */
	struct kpi_aandeel collectief;    /* active on P */
	struct kpi_verblijf verblijf;     /* m12 */
	struct kpi_aandeel uitval;        /* ended m12 */
};

struct cijfers_trend {
	char code[GEMEENTE_CODE_LEN];     /* "" region */
	dag_t peildatum;
	size_t n_punten;
	struct cijfers_punt punten[CIJFERS_TREND_PUNTEN];
	size_t n_jaren;
	int jaren[CIJFERS_TREND_JAREN];
	struct kpi_gebruik gebruik[CIJFERS_TREND_JAREN];  /* incl. local teams */
};

/* The indicators that take a segment or provider filter (kpi_filter),
 * with the periods of kpi_rapport_perioden. plafond: the provider's
 * omzetplafond uitputting of P's year (only when agb is set). */
struct cijfers_filterregel {
	struct kpi_wachttijd wachttijd;
	struct kpi_aandeel zorgelijk;
	struct kpi_verdeling doorlooptijd;
	struct kpi_aandeel uitval;
	struct kpi_aandeel herhaald12;
	struct kpi_aandeel herhaald6;
	struct kpi_aandeel collectief;
	bool met_plafond;
	struct kpi_uitputting plafond;
};

/* A provider's capacity on P: its latest report on or before P (all
 * products reported that day, summed). peildatum DAG_GEEN: none. */
struct cijfers_capaciteit {
	dag_t peildatum;
	size_t producten;
	int64_t vrije_plaatsen;
	int64_t crisis_gereserveerd;
};

/* The current stand, loading or reloading it when needed (with st, the
 * calling thread's store). 0 with *out set (one reference), or the
 * store's -1/-2 (message in store_error(st)). */
int cijfers_pak(struct store *st, struct cijfers_stand **out);

/* Return a reference (NULL: nothing). */
void cijfers_laat(struct cijfers_stand *s);

/* Drop the current stand (at server shutdown; it is freed when its last
 * reference is returned). */
void cijfers_sluit(void);

const struct kpi_data *cijfers_data(const struct cijfers_stand *s);
/* The default peildatum: the demo's end date (meta demo.tot) when the
 * record has one, else today; the same as `jeugdregie kpi`. */
dag_t cijfers_peildatum(const struct cijfers_stand *s);
/* The data version the stand was loaded at ("" none). */
const char *cijfers_versie(const struct cijfers_stand *s);
/* The gemeente or provider with that code, or NULL. */
const struct gemeente *cijfers_gemeente(const struct cijfers_stand *s, const char *code);
const struct aanbieder *cijfers_aanbieder(const struct cijfers_stand *s, const char *agb);
void cijfers_capaciteit(const struct cijfers_stand *s, const char *agb, dag_t peildatum,
			struct cijfers_capaciteit *out);

/* Cached computations; the result is copied into *out. gemeente NULL or
 * "" is the region; segment -1 all; agb NULL or "" all. 0, or -1 when out
 * of memory. */
int cijfers_regel(struct cijfers_stand *s, const char *gemeente, dag_t peildatum,
		  struct kpi_rapport_regel *out);
int cijfers_filter(struct cijfers_stand *s, const char *gemeente, int segment, const char *agb,
		   dag_t peildatum, struct cijfers_filterregel *out);
int cijfers_trend(struct cijfers_stand *s, const char *gemeente, dag_t peildatum,
		  struct cijfers_trend *out);

/* ---- the pure parts (no cache; for tests and other callers) ---- */

/* The CIJFERS_TREND_PUNTEN peildata of a trend ending on P (see above),
 * oldest first. */
void cijfers_trend_peildata(dag_t peildatum, dag_t out[CIJFERS_TREND_PUNTEN]);

int cijfers_bereken_punt(const struct kpi_data *d, const char *gemeente, dag_t peildatum,
			 struct cijfers_punt *out);
int cijfers_bereken_trend(const struct kpi_data *d, const char *gemeente, dag_t peildatum,
			  struct cijfers_trend *out);
int cijfers_bereken_filter(const struct kpi_data *d, const char *gemeente, int segment,
			   const char *agb, dag_t peildatum, struct cijfers_filterregel *out);

#endif
