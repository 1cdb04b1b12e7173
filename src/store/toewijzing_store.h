/* toewijzing_store: the store side of the municipality's own allocations
 * (web/toewijzing_web.c, ijw/afhandel.c's ijw_afhandel_eigen) and of the
 * lists of toewijzingen per scope: what a referral needs checked (the
 * product, the contract, the local team, where the youth lives), the next
 * verwijzing id, one toewijzing with the names and its traject, the
 * toewijzingen a scope may see (the provider's "Mijn toewijzingen"), and
 * the declared lines on one toewijzing with their outcome (JW325).
 *
 * Scope (store/scope.h): regio every toewijzing; gemeente and lokaal_team
 * the ones their gemeenten pay (toewijzing.gemeente, the sender of the
 * JW301); aanbieder its own (toewijzing.agb).
 *
 * Every function runs inside the caller's transaction and follows
 * store.h's return convention (>= 0 rows or success, -1 retry, -2 hard
 * with the message in store_error). Arrays returned through out-parameters
 * are malloc'd and the caller's (free()); NULL with count 0 when empty.
 */
#ifndef JR_STORE_TOEWIJZING_STORE_H
#define JR_STORE_TOEWIJZING_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "domain/datum.h"
#include "domain/model.h"

struct store;
struct store_scope;

/* The next free verwijzing id (max + 1; under store_ijw_slot). */
int store_toewijzing_volgend_verwijzing_id(struct store *st, int64_t *id);

/* Product code of the region's list into *out. 1 found, 0 not. */
int store_toewijzing_product(struct store *st, const char *code, struct product *out);

/* The segment of the newest contract of aanbieder agb with a tariff for
 * productcode in year jaar. 1 found (*segment), 0 no such contract. */
int store_toewijzing_contract(struct store *st, const char *agb, const char *productcode,
			      int jaar, int *segment);

/* 1 when local team team_id serves gemeente; else 0 (also: no such team). */
int store_toewijzing_team_dient(struct store *st, int64_t team_id, const char *gemeente);

/* The gemeente youth jeugdige_id lives in on dag (woonplaats). 1 found
 * (out), 0 none on record. */
int store_toewijzing_woongemeente(struct store *st, int64_t jeugdige_id, dag_t dag,
				  char out[GEMEENTE_CODE_LEN]);

/* One toewijzing with what the pages show of it. */
struct toewijzing_info {
	struct toewijzing z;
	char voornamen[NAAM_LEN];     /* of the youth */
	char achternaam[NAAM_LEN];
	char aanbieder_naam[NAAM_LEN];
	char gemeente_naam[NAAM_LEN];
	char product[160];            /* omschrijving; "" unknown code */
	bool heeft_traject;           /* the newest traject on it, below */
	struct traject traject;
	int64_t n_prestaties;         /* declared lines on it */
	int64_t n_afgewezen;          /* of which rejected */
};

/* Toewijzing nummer if scope s may see it: 1 found, 0 not (or out of
 * scope: the same answer). */
int store_toewijzing_info(struct store *st, const struct store_scope *s, int64_t nummer,
			  struct toewijzing_info *out);

/* Which toewijzingen a list shows, besides the scope. */
struct toewijzing_lijst_filter {
	const char *agb;              /* "" none */
	const char *gemeente;         /* "" none */
	int64_t jeugdige_id;          /* 0 none */
	int64_t limiet;               /* rows per page, >= 1 */
	int64_t offset;
};

/* The toewijzingen of scope s matching f, newest toewijzingsdatum first
 * (then nummer descending); *totaal all matches. Returns *n or -1/-2. */
int store_toewijzingen(struct store *st, const struct store_scope *s,
		       const struct toewijzing_lijst_filter *f, struct toewijzing_info **out,
		       size_t *n, int64_t *totaal);

/* One declared line on a toewijzing with its declaration. */
struct toewijzing_prestatie {
	struct prestatie p;
	char declaratie_nummer[13];
	dag_t declaratie_dagtekening;
};

/* The declared lines on toewijzing nummer, by ProductPeriode and id. */
int store_toewijzing_prestaties(struct store *st, int64_t nummer,
				struct toewijzing_prestatie **out, size_t *n);

#endif
