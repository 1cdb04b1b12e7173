/* kpi_rapport: the key indicators of the region and each gemeente on one
 * peildatum, as a readable Dutch table or as one JSON document.
 *
 * Computes nothing itself: every figure comes from a kpi.h function; this
 * module only chooses the periods (kpi_rapport_perioden) and lays out the
 * results. Pure apart from writing to the FILE* it is given.
 *
 * The JSON is deterministic byte for byte (same kpi_data and peildatum,
 * same bytes): members in a fixed order, gemeenten in the order of
 * kpi_data (by code), dates ISO 8601, money in eurocents (integers),
 * shares and averages as numbers with exactly four decimals.
 */
#ifndef JR_STEER_KPI_RAPPORT_H
#define JR_STEER_KPI_RAPPORT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "domain/datum.h"
#include "domain/kpi.h"

/* The periods the report uses, all derived from the peildatum P.
 * Every period is [van, tot], both days inclusive. */
struct kpi_rapport_perioden {
	dag_t peildatum;
	int jaar;                  /* calendar year of P */
	dag_t jaar_van, jaar_tot;  /* 1 Jan .. 31 Dec of jaar ("1 op N") */
	dag_t lopend_van;          /* 1 Jan of jaar .. P (year to date) */
	dag_t m12_van;             /* the 12 months ending on P: m12_van .. P */
	/* Herhaald beroep: trajectories ended in the 12 months that end
	 * `maanden` months before P, so that the follow-up window has fully
	 * passed by P. */
	dag_t herhaald12_van, herhaald12_tot;
	dag_t herhaald6_van, herhaald6_tot;
	int vorig_jaar;            /* the last complete calendar year before P */
};

void kpi_rapport_perioden(dag_t peildatum, struct kpi_rapport_perioden *out);

/* Digits of v with a dot every three (the Dutch thousands separator), as
 * the report and the council report print counts; out holds at least
 * KPI_RAPPORT_GETAL_LEN bytes ("-9.223.372.036.854.775.808" and NUL). */
#define KPI_RAPPORT_GETAL_LEN 27
void kpi_rapport_getal(char out[static KPI_RAPPORT_GETAL_LEN], int64_t v);

/* Every indicator for one gemeente or the region. */
struct kpi_rapport_regel {
	char code[GEMEENTE_CODE_LEN];   /* "" for the region */
	char naam[NAAM_LEN];
	char subregio[NAAM_LEN];
	struct kpi_gebruik gebruik;          /* incl. local teams, jaar_van..jaar_tot */
	struct kpi_gebruik gebruik_regionaal;/* regional only, lopend_van..P */
	struct kpi_wachttijd wachttijd;      /* completed m12_van..P; waiting on P */
	struct kpi_aandeel zorgelijk;        /* waiting on P; aantal: zorgelijk */
	struct kpi_verdeling doorlooptijd;   /* ended m12_van..P */
	struct kpi_aandeel uitval;           /* ended m12_van..P */
	struct kpi_aandeel herhaald12;       /* see kpi_rapport_perioden */
	struct kpi_aandeel herhaald6;
	size_t thuiszitters;                 /* on P */
	struct kpi_aandeel overgang18;       /* on P; aantal: without a plan */
	struct kpi_aandeel collectief;       /* active on P */
	struct kpi_verblijf verblijf;        /* lopend_van..P */
	struct kpi_verwijzers verwijzers;    /* new in m12_van..P */
	struct kpi_clientkosten kosten_vorig_jaar;
	struct kpi_clientkosten kosten_jaar;
	struct kpi_uitputting budget;        /* jaar, all segments */
	struct kpi_uitputting budget_segment[SEGMENT_AANTAL];
	struct kpi_wachttijd wachttijd_segment[SEGMENT_AANTAL]; /* [0] unused */
};

/* Compute one regel for gemeente (NULL or "" = the region; naam and
 * subregio are then filled by the caller or left empty). Returns 0, or -1
 * when scratch memory ran out (message in err). */
int kpi_rapport_bereken(const struct kpi_data *d, const char *gemeente,
			const struct kpi_rapport_perioden *p,
			struct kpi_rapport_regel *out, char *err, size_t errlen);

/* Write the report on peildatum for every gemeente of d and the region, or
 * with gemeente set (a code present in d) for that gemeente and the
 * region. kpi_rapport_tabel writes two aligned tables (about 160 columns)
 * with a header naming the periods and a legend; kpi_rapport_json one JSON
 * document. Return 0, or -1 with a message in err (out of memory, unknown
 * gemeente, write error). */
int kpi_rapport_tabel(FILE *out, const struct kpi_data *d, dag_t peildatum,
		      const char *gemeente, char *err, size_t errlen);
int kpi_rapport_json(FILE *out, const struct kpi_data *d, dag_t peildatum,
		     const char *gemeente, char *err, size_t errlen);

#endif
