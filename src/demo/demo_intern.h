/* demo_intern: state shared by demo.c (the region's registry and the
 * orchestration) and loopbaan.c (the careers of youth). Not for other
 * modules. The struct gen and everything it points to are owned by
 * demo_maak(), which frees them before it returns.
 */
#ifndef JR_DEMO_INTERN_H
#define JR_DEMO_INTERN_H

#include <stdbool.h>
#include <stdint.h>

#include "demo/demo.h"
#include "domain/model.h"
#include "lib/rng.h"

#define DEMO_MAX_GEMEENTEN 16
#define DEMO_MAX_PRODUCTEN 40
#define DEMO_JAAR0 2020     /* first year whose cost is tallied (budgets) */
#define DEMO_JAREN 16       /* 2020 .. 2035 */

/* A product the region contracts (data/regio_producten.tsv). */
struct regioproduct {
	char code[PRODUCTCODE_LEN];
	char categorie[CATEGORIE_LEN];
	int segment;
	bool groep;
	char eenheid[CODE2_LEN];
	int64_t tarief_2025;
};

struct gen_gemeente {
	struct gemeente g;
	double regio_gewicht;     /* share of the region's specialised care */
	int64_t team_id;
};

struct gen_aanbieder {
	struct aanbieder a;
	double gewicht;           /* Zipf size */
	unsigned segmenten;       /* bit s: offers segment s */
};

/* demo --via-ijw: a toewijzing with its trajectory, in the order the
 * toewijzingen are numbered. */
struct via_zorg {
	struct jeugdige j;
	struct toewijzing tw;
	struct traject t;         /* as the history ends */
	struct traject voor;      /* as registered before care starts */
	bool besluit;             /* zb holds a zorgelijk_besluit on it */
	struct zorgelijk_besluit zb;
	int aanbieder;            /* index in g->aanb */
	int gemeente;             /* index in g->gem */
};

/* demo --via-ijw: a Prestatie and the declaratie (month maand of provider
 * aanbieder at gemeente) it belongs in. */
struct via_prestatie {
	struct prestatie p;
	int aanbieder;
	int gemeente;
	dag_t maand;
};

struct gen {
	struct store *st;
	struct demo_opties o;
	struct rng r_regio;       /* registry: providers, contracts, budgets */
	struct rng r_jeugd;       /* arrivals and careers */
	struct rng r_decl;        /* declarations */
	struct rng r_reden;       /* the local teams' reasons for referring (a stream of
				   * its own, so the careers stay as they were drawn) */
	struct rng r_pgb;         /* PGB awards (a stream of its own: the rest of the demo
				   * stays byte for byte what it was without them) */
	dag_t start;              /* first day arrivals are simulated */
	dag_t record_begin;       /* 2021-01-01: the record starts here */

	struct gen_gemeente gem[DEMO_MAX_GEMEENTEN];
	int n_gem;
	struct regioproduct prod[DEMO_MAX_PRODUCTEN];
	int n_prod;

	struct gen_aanbieder *aanb;
	int n_aanb;
	int *seg_aanb[SEGMENT_AANTAL];   /* providers per segment */
	double *seg_gewicht[SEGMENT_AANTAL];
	int seg_n[SEGMENT_AANTAL];
	int64_t *contract_id;            /* [aanbieder * SEGMENT_AANTAL + s], current term */

	/* Declarations: one header per provider x gemeente x month, made when
	 * its first line is written. */
	int64_t *decl_id;                /* [(a * n_gem + g) * n_maanden + m] */
	int n_maanden;

	/* demo --via-ijw: what the messages bring, kept until they are sent. */
	struct via_zorg *via_zorg;
	size_t n_via_zorg, cap_via_zorg;
	struct via_prestatie *via_prestaties;
	size_t n_via_prestaties, cap_via_prestaties;

	/* Approved cost tallies, for budgets and ceilings. */
	int64_t kosten[DEMO_MAX_GEMEENTEN][DEMO_JAREN][SEGMENT_AANTAL];
	int64_t *omzet;                  /* [aanbieder * DEMO_JAREN + jaar] */

	/* (bsn index, geboortedatum) pairs in use: open addressing. */
	uint64_t *bsn_set;
	size_t bsn_cap, bsn_n, n_bsn;

	int64_t next_jeugdige, next_traject, next_toewijzing, next_verwijzing;
	int64_t next_declaratie, next_prestatie, next_schoolstatus, next_besluit;
	struct demo_telling telling;
	char *err;
	size_t errlen;
};

/* Index of a region product by code, or -1. */
int gen_product(const struct gen *g, const char *code);

/* A provider offering segment s, drawn by size. */
int gen_kies_aanbieder(struct gen *g, int s);

/* Tariff of product p in year jaar (eurocents): the 2025 tariff indexed
 * by 4.5 % a year. */
int64_t gen_tarief(const struct gen *g, int p, int jaar);

/* Record a store failure in g->err and return -1. */
int gen_fout(struct gen *g, const char *wat);

/* DeclaratieNummer ("2025030546") and Dagtekening of the declaratie of
 * provider a at gemeente gi for month maand. */
void demo_declaratie_nummer(const struct gen *g, int gi, dag_t maand, char *uit, size_t n);
dag_t demo_declaratie_dagtekening(int a, int gi, dag_t maand);

/* demo --via-ijw: send the kept history through the iJw pipeline
 * (via_ijw.c), outside any transaction. */
int via_ijw_stuur(struct gen *g);

/* Simulate the arrivals of youth from g->start up to g->o.tot and write
 * their careers. */
int loopbaan_alle(struct gen *g);

#endif
