/* raadsrapport: the yearly report of one gemeente to its council
 * (gemeenteraad) as an A4 PDF, drawn with libharu.
 *
 * Computes no indicator itself: every figure comes from kpi_rapport_bereken
 * (steer/kpi_rapport.h) and cijfers_bereken_trend (web/cijfers.h) on a
 * struct kpi_data, or from the server's cache of those same functions
 * (the web fills struct raad_cijfers itself); the goals, their indicators
 * and targets from steer/doelen.h (doelen_bereken, doelen_defs). The only
 * counts made here are the data-quality ones (raadsrapport_kwaliteit),
 * which no indicator covers.
 *
 * Content, in this order: cover; the region's goals for 2030 with the
 * gemeente's and the region's figure, the target and a status; the key
 * indicators (counts, shares and times, referrers, money) against the
 * region and a year earlier; charts; the duidingen; data quality and the
 * rules used. Page numbers and a footer with source and peildatum.
 *
 * Peildatum: 31 December of jaar, or the last day with data when that
 * is earlier (raadsrapport_peildatum); "a year earlier" is the same day
 * twelve months before.
 *
 * Disclosure: the caller decides per column (gemeente, region) whether
 * the reader may see exact figures, as the gemeente page does
 * (toegang_gemeente_exact). Otherwise the figures are published by the
 * rules of domain/publicatie, as web/cijfers_web.c does: counts through
 * domain/onthulling ("<10",
 * rounded to 5), a share from the published numerator and denominator
 * ("x" when either is hidden), a median or percentile only over at least
 * 10 values, money rounded to whole thousands of euros, an average cost
 * only over at least 10 youth, a segment's budget figures only with at
 * least 10 active trajectories. A status is judged on the figures as
 * printed, so it never reveals a hidden one.
 *
 * Memory: raadsrapport_pdf returns a malloc'd buffer the caller frees.
 * Everything in the input is borrowed. Pure apart from libharu's own
 * memory; thread-safe (no globals).
 */
#ifndef JR_STEER_RAADSRAPPORT_H
#define JR_STEER_RAADSRAPPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "domain/datum.h"
#include "domain/kpi.h"
#include "domain/garp.h"
#include "steer/doelen.h"
#include "steer/kpi_rapport.h"
#include "web/cijfers.h"

/* The first year to report on (the Jeugdwet started in 2015) and the
 * year the goals are set for. */
#define RAAD_EERSTE_JAAR 2015
#define RAAD_DOELJAAR DOELEN_DOELJAAR

/* One duiding (the story behind a figure) as the report prints it. All
 * text UTF-8 (characters outside Windows-1252 print as '?'), borrowed;
 * NULL prints as empty. */
struct raad_duiding {
	const char *indicator;  /* the indicator's label, "Wachttijd" */
	const char *periode;    /* the period it is about, "2025" or "2025-K3" */
	const char *tekst;
	const char *auteur;
	dag_t datum;            /* when it was written; DAG_GEEN: not printed */
};

/* Data quality of the gemeente (and the region) in the report's year.
 * Trajecten: every trajectory paid by the gemeente (segment >= 1)
 * active on some day in [1 January, peildatum] or registered
 * (aanmelddatum) in it. */
struct raad_kwaliteit {
	size_t trajecten;
	/* without aanmelddatum (the loader already put the toewijzing's
	 * Ingangsdatum there when it was missing): no wachttijd */
	size_t zonder_aanmelddatum;
	/* distinct youth of those trajectories without any woonplaats that
	 * starts on or before the peildatum: outside every gemeente's "1 op N" */
	size_t jeugdigen;
	size_t zonder_woonplaats;
	/* declarations (traject_kosten of jaar): eurocents */
	int64_t goedgekeurd;
	int64_t afgewezen;
};

/* Everything the report prints, computed once. */
struct raad_cijfers {
	dag_t peildatum, peildatum_vorig;
	struct kpi_rapport_regel gemeente, regio;              /* on peildatum */
	struct kpi_rapport_regel gemeente_vorig, regio_vorig;  /* a year earlier */
	struct cijfers_trend trend_gemeente, trend_regio;      /* ending on peildatum */
	struct raad_kwaliteit kwaliteit_gemeente, kwaliteit_regio;
	/* The goals (doelen_bereken): [0] the gemeente, [1] the region; on
	 * peildatum, a year earlier, and in the baseline year (basisjaar, 0
	 * when the record has no whole one). */
	int basisjaar;
	struct doelen_meting doel_nu[2][DOELEN_AANTAL];
	struct doelen_meting doel_vorig[2][DOELEN_AANTAL];
	struct doelen_meting doel_basis[2][DOELEN_AANTAL];
};

struct raad_invoer {
	const struct kpi_data *data;
	const char *gemeente;          /* a code of data->gemeenten, "0546" */
	int jaar;
	dag_t data_tot;                /* the last day with data (demo.tot) */
	bool exact_gemeente;           /* the reader may see exact figures */
	bool exact_regio;
	const struct garp_gezin *gezinnen;   /* store_garp_gezinnen, by id */
	size_t n_gezinnen;
	const struct raad_duiding *duidingen;
	size_t n_duidingen;
	dag_t gemaakt;                 /* printing date in the footer */
};

/* The status of one goal (see raad_status_bepaal). */
enum raad_status {
	RAAD_OP_KOERS,
	RAAD_AANDACHT,
	RAAD_NIET_OP_KOERS,
	RAAD_GEEN_OORDEEL,
};

enum raad_richting {
	RAAD_OMLAAG,   /* lower is better */
	RAAD_OMHOOG,
};

/* The status of a goal from the figure now and a year earlier (as
 * printed; bekend false when hidden or without data).
 *
 * (The /doelen page judges the position on the path from the baseline year
 * instead; in the baseline year itself that says nothing, while a council
 * asks every year whether the last year's change will do.)
 * Afstand = how far the figure is from doel in the wrong direction (0 or
 * less: reached). Verbetering = last year's afstand minus this year's;
 * marge = max(0.5, 2 % of last year's figure) — smaller changes count as
 * "equal" (the gemeente page's rule).
 *  - With a target (doel finite), Y = RAAD_DOELJAAR - jaar years left:
 *    op koers when the target is reached, or when the figure closed at
 *    least 1/(Y+1) of last year's afstand (on a straight line from last
 *    year's position to the target in RAAD_DOELJAAR); niet op koers when
 *    it moved away from the target by at least the marge (or the year is
 *    RAAD_DOELJAAR or later and the target is missed); aandacht otherwise
 *    (better but too slowly, or about equal).
 *  - Without a target (doel NAN: "fewer", "more"): op koers when better
 *    by at least the marge, niet op koers when worse by at least the
 *    marge, aandacht otherwise.
 *  - Geen oordeel when nu is unknown, or vorig is unknown and the target
 *    is not reached. */
enum raad_status raad_status_bepaal(bool nu_bekend, double nu, bool vorig_bekend, double vorig,
				    double doel, enum raad_richting richting, int jaar);

/* "op koers", "aandacht", "niet op koers", "geen oordeel". */
const char *raad_status_tekst(enum raad_status s);

/* 31 December of jaar, or data_tot when earlier. */
dag_t raadsrapport_peildatum(int jaar, dag_t data_tot);

/* The first year with data in d: the year of the earliest aanmelddatum
 * or begindatum (RAAD_EERSTE_JAAR at the earliest; that year itself when d
 * holds no dated trajectory). */
int raadsrapport_eerste_jaar(const struct kpi_data *d);

/* Check jaar against d and data_tot: 0, or -1 with a Dutch message in
 * err naming the valid years. */
int raadsrapport_jaar_geldig(const struct kpi_data *d, int jaar, dag_t data_tot, char *err,
			     size_t errlen);

/* The year the report shows when none is asked: the last complete
 * calendar year on data_tot (data_tot's year when it is 31 December). */
int raadsrapport_standaard_jaar(dag_t data_tot);

/* Data quality of gemeente (NULL or "": the region) in [1 January of
 * jaar, peildatum]. */
void raadsrapport_kwaliteit(const struct kpi_data *d, const char *gemeente, int jaar,
			    dag_t peildatum, struct raad_kwaliteit *out);

/* Fill c for in (peildatum from in->jaar and in->data_tot). 0, or -1 with
 * a message in err (out of memory). */
int raadsrapport_bereken(const struct raad_invoer *in, struct raad_cijfers *c, char *err,
			 size_t errlen);

/* The part of raadsrapport_bereken after the kpi_rapport rows and trends
 * (which the web takes from its cache): data quality and the goals, with
 * c->peildatum and c->peildatum_vorig set. 0, or -1 with a message. */
int raadsrapport_bereken_doelen(const struct raad_invoer *in, struct raad_cijfers *c,
				char *err, size_t errlen);

/* Lay out and draw the report of in with the figures c. On success 0 and
 * *pdf (malloc'd, the caller frees) / *len hold the file; -1 with a
 * message in err (unknown gemeente, a libharu error, out of memory). */
int raadsrapport_pdf(const struct raad_invoer *in, const struct raad_cijfers *c,
		     unsigned char **pdf, size_t *len, char *err, size_t errlen);

#endif
