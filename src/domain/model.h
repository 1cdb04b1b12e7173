/* model: the records of the youth-care chain as plain C values.
 *
 * These structs are what the store writes and reads and what the pure
 * indicator functions (kpi.h) compute on. They own no memory: strings are
 * fixed-size, NUL-terminated arrays sized for the iJw field lengths, so a
 * record can be copied with '='. Codes keep their leading zeros exactly as
 * iJw spells them ("0546", "45", "02"). Money is in eurocents (int64_t).
 * Dates are dag_t (datum.h); DAG_GEEN means absent.
 */
#ifndef JR_DOMAIN_MODEL_H
#define JR_DOMAIN_MODEL_H

#include <stdbool.h>
#include <stdint.h>

#include "domain/datum.h"

/* The seven purchasing segments of the region, plus 0 for local-team help
 * (which is not bought regionally). */
enum segment {
	SEGMENT_LOKAAL = 0,
	SEGMENT_VERBLIJF_BEHANDELING = 1, /* Behandeling met verblijf */
	SEGMENT_WONEN = 2,                /* Wonen: pleegzorg, gezinshuis */
	SEGMENT_DAGBEHANDELING = 3,       /* Dagbehandeling en dagbesteding */
	SEGMENT_AMBULANT = 4,             /* Ambulante jeugdhulp incl. GGZ */
	SEGMENT_ONDERWIJS = 5,            /* Onderwijs-zorg */
	SEGMENT_CRISIS = 6,
	SEGMENT_VEILIGHEID = 7,           /* Jeugdbescherming, jeugdreclassering */
};
#define SEGMENT_AANTAL 8

/* Lifecycle of a trajectory (traject.c holds the transition rules). */
enum traject_status {
	TRAJECT_AANGEMELD = 0,   /* registered with the provider, waiting */
	TRAJECT_INTAKE = 1,      /* intake done, waiting for the start */
	TRAJECT_GESTART = 2,     /* care delivered (JW305 received) */
	TRAJECT_ONDERBROKEN = 3, /* stopped with reden 20 (tijdelijk) */
	TRAJECT_BEEINDIGD = 4,   /* definitively stopped (JW307) */
	TRAJECT_VERVALLEN = 5,   /* withdrawn before the start */
};
#define TRAJECT_STATUS_AANTAL 6

/* Sizes include the terminating NUL. */
#define GEMEENTE_CODE_LEN 5  /* "0546" */
#define AGB_LEN 9            /* "12345678" */
#define BSN_LEN 10           /* "999900006" */
#define CATEGORIE_LEN 3      /* JZ020 "45" */
#define PRODUCTCODE_LEN 6    /* "45A11" */
#define CODE2_LEN 3          /* two-position codes: reden, verwijzer */
#define NAAM_LEN 96
#define VERWIJZING_REDEN_MAX 200 /* characters (schema: length(reden) 1..200) */
#define VERWIJZING_REDEN_LEN (VERWIJZING_REDEN_MAX * 4 + 1) /* UTF-8 bytes + NUL */

struct gemeente {
	char code[GEMEENTE_CODE_LEN];
	char naam[NAAM_LEN];
	char subregio[NAAM_LEN];
	int64_t inwoners;
	int64_t jeugdigen_0_17;  /* 0-17 population, denominator of "1 op N" */
};

/* From which date regional purchasing applies for a gemeente x segment. */
struct deelname {
	char gemeente[GEMEENTE_CODE_LEN];
	int segment;
	dag_t vanaf;
};

struct lokaal_team {
	int64_t id;
	char naam[NAAM_LEN];
};

struct lokaal_team_gemeente {
	int64_t team_id;
	char gemeente[GEMEENTE_CODE_LEN];
};

struct netwerk {
	int64_t id;
	char naam[NAAM_LEN];
};

struct aanbieder {
	char agb[AGB_LEN];
	char naam[NAAM_LEN];
	int64_t netwerk_id;  /* 0: in no network */
};

struct product {
	char code[PRODUCTCODE_LEN];
	char categorie[CATEGORIE_LEN];
	char omschrijving[160];
	char uitvoeringsvariant[24];  /* "Outputgericht", "Inspanningsgericht", "" */
	char eenheid[CODE2_LEN];      /* WJ756, the unit it is declared in */
	int segment;                  /* region's mapping, -1 when none */
	bool groep;                   /* group (collective) care */
};

struct contract {
	int64_t id;
	char agb[AGB_LEN];
	int segment;
	dag_t begindatum;
	dag_t einddatum;              /* end of the first term */
	bool stilzwijgend_verlengd;   /* renews tacitly per calendar year */
};

struct tarief {
	int64_t contract_id;
	char productcode[PRODUCTCODE_LEN];
	int jaar;
	int64_t bedrag;               /* eurocents per eenheid */
	char eenheid[CODE2_LEN];
};

struct omzetplafond {
	char agb[AGB_LEN];
	int jaar;
	int64_t bedrag;
};

struct budget {
	char gemeente[GEMEENTE_CODE_LEN];
	int jaar;
	int segment;
	int64_t bedrag;
};

/* GARP: 1 Gezin, 1 Analyse, 1 Regisseur, 1 Plan. */
struct gezin {
	int64_t id;
	char regisseur[NAAM_LEN];     /* the family's fixed contact person */
	int64_t regisseur_team_id;    /* local team the regisseur works in */
	dag_t analyse_datum;          /* verklarende analyse; DAG_GEEN if none */
	dag_t plan_datum;
};

struct jeugdige {
	int64_t id;
	char bsn[BSN_LEN];
	dag_t geboortedatum;
	int geslacht;                 /* COD046: 0 onbekend, 1 man, 2 vrouw */
	char voornamen[NAAM_LEN];
	char achternaam[NAAM_LEN];
	int64_t gezin_id;             /* 0: none recorded */
};

/* Where a youth lives (woonplaatsbeginsel), as a history. */
struct woonplaats {
	int64_t jeugdige_id;
	char gemeente[GEMEENTE_CODE_LEN];
	dag_t vanaf;
	dag_t tot;                    /* DAG_GEEN: still living there */
};

struct verwijzing {
	int64_t id;
	int64_t jeugdige_id;
	dag_t datum;
	char type[CODE2_LEN];         /* COD327 */
	char gemeente[GEMEENTE_CODE_LEN];
	char reden[VERWIJZING_REDEN_LEN]; /* why, in words; "" not recorded */
	int64_t team_id;              /* the local team that referred, 0 none */
};

struct toewijzing {
	int64_t nummer;               /* ToewijzingNummer */
	int64_t jeugdige_id;
	char agb[AGB_LEN];
	char gemeente[GEMEENTE_CODE_LEN];
	char categorie[CATEGORIE_LEN];
	char productcode[PRODUCTCODE_LEN];
	dag_t toewijzingsdatum;
	dag_t ingangsdatum;
	dag_t einddatum;
	int64_t volume;               /* 0 with a budget toewijzing */
	char eenheid[CODE2_LEN];
	char frequentie[2];           /* WMO757: "1","2","4","6" */
	int64_t budget;               /* eurocents, 0 when omvang is used */
	char reden_wijziging[CODE2_LEN];
	int64_t verwijzing_id;
};

/* One trajectory: from registration (aanmelding) with a provider, or the
 * start of local-team help, to its end. Begindatum is the start of care
 * (JW305); it stays DAG_GEEN while the youth waits. */
struct traject {
	int64_t id;
	int64_t jeugdige_id;
	int64_t toewijzing_nummer;    /* 0 for local-team help */
	char agb[AGB_LEN];            /* "" for local-team help */
	int64_t team_id;              /* local team, 0 otherwise */
	char gemeente[GEMEENTE_CODE_LEN]; /* paying gemeente */
	int segment;
	char categorie[CATEGORIE_LEN];
	char productcode[PRODUCTCODE_LEN];
	bool groep;                   /* copied from product for speed */
	int64_t verwijzing_id;
	char verwijzer[CODE2_LEN];    /* COD327 of that verwijzing, "" if none */
	enum traject_status status;
	dag_t aanmelddatum;
	dag_t intakedatum;
	dag_t begindatum;
	dag_t einddatum;
	char reden_beeindiging[CODE2_LEN]; /* JZ588 */
	bool overbrugging;            /* bridging care while waiting */
	bool veiligheidssignaal;      /* a safety signal recorded at referral */
};

struct zorgelijk_besluit {
	int64_t id;
	int64_t traject_id;
	int64_t tijdstip;             /* unix seconds */
	bool bevestigd;               /* true: confirmed; false: cleared */
	char reden[200];
	char door[NAAM_LEN];
};

/* One Prestatie of a JW323 declaration and its JW325 answer. */
struct declaratie {
	int64_t id;
	char nummer[13];              /* DeclaratieNummer */
	char agb[AGB_LEN];
	char gemeente[GEMEENTE_CODE_LEN];
	dag_t periode_begin;
	dag_t periode_eind;
	dag_t dagtekening;
	int64_t totaal_ingediend;
	int64_t totaal_toegekend;
};

struct prestatie {
	int64_t id;
	int64_t declaratie_id;
	char referentie[21];          /* ProductReferentie/ReferentieNummer */
	int64_t jeugdige_id;
	int64_t traject_id;
	int64_t toewijzing_nummer;
	char categorie[CATEGORIE_LEN];
	char productcode[PRODUCTCODE_LEN];
	dag_t periode_begin;
	dag_t periode_eind;
	int64_t volume;
	char eenheid[CODE2_LEN];
	int64_t tarief;
	int64_t bedrag;               /* IngediendBedrag, eurocents, debet */
	char retourcode[5];           /* "0200" approved, else the reason */
	bool goedgekeurd;
};

struct capaciteit {
	int64_t id;
	char agb[AGB_LEN];
	char productcode[PRODUCTCODE_LEN];
	dag_t peildatum;
	int vrije_plaatsen;
	int crisis_gereserveerd;
};

/* Not attending school since a date (thuiszitter registration). */
struct schoolstatus {
	int64_t id;
	int64_t jeugdige_id;
	dag_t niet_naar_school_sinds;
	dag_t tot;                    /* DAG_GEEN: still not attending */
};

/* Transition plan for the move to 18+ (perspectiefplan 18+). */
struct perspectiefplan {
	int64_t jeugdige_id;
	dag_t datum;
};

#endif
