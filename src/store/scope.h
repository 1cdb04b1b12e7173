/* scope: the store queries behind the role scopes of the web server
 * (web/toegang.c): which gemeenten a local team serves, and whether one
 * youth belongs to a set of gemeenten or to a provider.
 *
 * A set of gemeenten is passed as one text ",0546,0547," (codes between
 * commas, see scope_codes), matched with LIKE, which both SQLite and
 * PostgreSQL understand the same way; the codes are digits, so no LIKE
 * wildcard can occur in them. Return convention of store.h.
 */
#ifndef JR_STORE_SCOPE_H
#define JR_STORE_SCOPE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "domain/model.h"

struct store;

/* Whose records a list or a read may show: the store twin of
 * web/toegang.h's struct toegang_filter (the web fills it from that).
 * alles: everything (regio); gemeenten[0..n): what those gemeenten have to
 * do with; agb: what that provider has to do with. What each means for a
 * table is said by the module that reads it (dossier.h, ijw_inbox.h).
 * None set: nothing (fails closed). */
struct store_scope {
	bool alles;
	const char (*gemeenten)[GEMEENTE_CODE_LEN];
	size_t n;
	const char *agb;            /* "" or NULL: none */
};

/* Room for 64 codes in the ",A,B," form. */
#define SCOPE_CODES_MAX (64 * GEMEENTE_CODE_LEN + 2)

/* codes[0..n) as ",A,B,", into out[SCOPE_CODES_MAX]; -1 when they do not
 * fit. */
int scope_codes(const char (*codes)[GEMEENTE_CODE_LEN], size_t n, char out[SCOPE_CODES_MAX]);

/* The gemeenten served by local team team_id, appended to out[*n..max)
 * without duplicates (*n grows). Returns the number added, or -1/-2; more
 * than max in total is -2 with a message. */
int store_team_gemeenten(struct store *st, int64_t team_id, char (*out)[GEMEENTE_CODE_LEN],
			 size_t *n, size_t max);

/* 1 when youth id lives or lived in one of codes (woonplaats), or one of
 * its trajecten or toewijzingen is paid by one of them; else 0. */
int store_jeugdige_in_gemeenten(struct store *st, int64_t id, const char *codes);

/* 1 when youth id has a toewijzing or traject at provider agb; else 0. */
int store_jeugdige_bij_aanbieder(struct store *st, int64_t id, const char *agb);

/* The youth with this BSN and, when geboortedatum is not "", this date
 * of birth (JJJJ-MM-DD): the number found (0, 1, or 2 meaning "more than
 * one": a BSN alone need not identify a youth, see the schema) and the id
 * of the first in *id. */
int store_jeugdige_bij_bsn(struct store *st, const char *bsn, const char *geboortedatum,
			   int64_t *id);

/* 1 when youth id exists; else 0. */
int store_jeugdige_bestaat(struct store *st, int64_t id);

#endif
