/* register: the registry reads of the web server (web/register_web.c):
 * gemeenten with their participation in regional purchasing, lokale
 * teams, aanbieders, contracten with their tarieven, producten. Public
 * data, no personal data. (store_gemeenten, the plain list, stays in
 * store.h.)
 *
 * Lists come back as new arrays the caller owns (free(), or
 * store_contracten_vrij); NULL with count 0 when there are no rows. Return
 * convention of store.h: the number of rows (or 1/0 for a single record:
 * found or not), -1 transient, -2 hard error.
 *
 * Filters: a NULL or "" text and a negative number mean "any". Free text
 * (zoek) is matched as a substring, case-insensitively (lower() on both
 * sides, so each backend folds case the same way on both sides), through
 * a LIKE pattern in which the caller's % _ and ! are escaped (escape
 * character '!'), bound as a parameter. Sort orders are fixed statements,
 * chosen by enum, never caller text.
 */
#ifndef JR_STORE_REGISTER_H
#define JR_STORE_REGISTER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "domain/model.h"

struct store;

/* Room for a LIKE pattern of a search text of up to REGISTER_ZOEK_MAX
 * bytes: every byte escaped, plus '%' on both sides and the NUL. */
#define REGISTER_ZOEK_MAX 64
#define REGISTER_PATROON_LEN (2 * REGISTER_ZOEK_MAX + 3)

/* The LIKE pattern for zoek into out[REGISTER_PATROON_LEN]: "%zoek%"
 * (bevat) or "zoek%" (a prefix), with % _ ! escaped by '!'. -1 when zoek
 * is longer than REGISTER_ZOEK_MAX (out is then ""). Pure. */
int register_like_patroon(const char *zoek, bool bevat, char out[REGISTER_PATROON_LEN]);

/* The names of the segments by number (the segment table); "" for a
 * number without a row. Returns the number of rows. */
int store_segmenten(struct store *st, char namen[SEGMENT_AANTAL][NAAM_LEN]);

/* One gemeente: 1 and *out, 0 when code is unknown. */
int store_gemeente(struct store *st, const char *code, struct gemeente *out);

/* Regional purchasing of gemeente code: its deelname rows by segment. */
int store_gemeente_deelname(struct store *st, const char *code, struct deelname **out,
			    size_t *n);

/* One lokaal team and one gemeente it serves (a team that serves none
 * has one row with gemeente and gemeente_naam ""). */
struct register_team_rij {
	int64_t team_id;
	char team_naam[NAAM_LEN];
	char gemeente[GEMEENTE_CODE_LEN];
	char gemeente_naam[NAAM_LEN];
};

/* The lokale teams with every gemeente each serves, ordered by team id
 * and gemeente code; gemeente (not NULL/""): only the teams that serve
 * it (still with all their gemeenten). */
int store_lokale_teams(struct store *st, const char *gemeente, struct register_team_rij **out,
		       size_t *n);

/* Every netwerk, ordered by id. */
int store_netwerken(struct store *st, struct netwerk **out, size_t *n);

struct register_aanbieder {
	struct aanbieder aanbieder;
	char netwerk_naam[NAAM_LEN];   /* "" when in no netwerk */
	unsigned segmenten;            /* bit s: a contract in segment s */
};

enum register_aanbieder_sorteer {
	REGISTER_AANBIEDER_NAAM,
	REGISTER_AANBIEDER_AGB,
};

struct register_aanbieder_filter {
	const char *zoek;     /* substring of naam, or prefix of agb */
	int64_t netwerk;      /* netwerk id; <= 0 any */
	int segment;          /* a contract in this segment; < 0 any */
	enum register_aanbieder_sorteer sorteer;
	bool aflopend;
	int64_t limit, offset;
};

/* The number of aanbieders that pass f (limit and offset ignored) into
 * *totaal; 0 or -1/-2. */
int store_aanbieders_tel(struct store *st, const struct register_aanbieder_filter *f,
			 int64_t *totaal);
/* One page of them, in f's order. */
int store_aanbieders(struct store *st, const struct register_aanbieder_filter *f,
		     struct register_aanbieder **out, size_t *n);
/* One aanbieder: 1 and *out, 0 when agb is unknown. */
int store_aanbieder(struct store *st, const char *agb, struct register_aanbieder *out);

struct register_tarief {
	struct tarief tarief;
	char omschrijving[160];        /* of the product; "" when unknown */
};

struct register_contract {
	struct contract contract;
	char aanbieder_naam[NAAM_LEN];
	size_t tarief_begin;           /* its tarieven: t[tarief_begin ..   */
	size_t n_tarieven;             /*   tarief_begin + n_tarieven)      */
};

struct register_contract_filter {
	const char *agb;      /* NULL/"" any */
	int segment;          /* < 0 any */
	int jaar;             /* > 0: contracts with tarieven in that year, and
	                       * only those tarieven */
	int64_t limit, offset;
};

/* A page of contracts, ordered by agb, segment, begindatum, id, with
 * their tarieven (by contract, productcode, jaar). */
struct register_contracten {
	struct register_contract *c;
	size_t n;
	struct register_tarief *t;
	size_t n_t;
};

int store_contracten_tel(struct store *st, const struct register_contract_filter *f,
			 int64_t *totaal);
/* Fills *out (zeroed first; release with store_contracten_vrij, also
 * after a failure). Returns the number of contracts. */
int store_contracten(struct store *st, const struct register_contract_filter *f,
		     struct register_contracten *out);
void store_contracten_vrij(struct register_contracten *r);

/* The tarieven of contract_id in t[0..n) (sorted by contract_id): their
 * count, and the index of the first in *begin (n when none). Pure. */
size_t register_tarieven_van(const struct register_tarief *t, size_t n, int64_t contract_id,
			     size_t *begin);

enum register_product_sorteer {
	REGISTER_PRODUCT_CODE,
	REGISTER_PRODUCT_OMSCHRIJVING,
};

struct register_product_filter {
	const char *categorie;   /* NULL/"" any */
	int segment;             /* < 0 any */
	const char *zoek;        /* substring of omschrijving, or prefix of code */
	enum register_product_sorteer sorteer;
	bool aflopend;
	int64_t limit, offset;
};

int store_producten_tel(struct store *st, const struct register_product_filter *f,
			int64_t *totaal);
int store_producten(struct store *st, const struct register_product_filter *f,
		    struct product **out, size_t *n);

#endif
