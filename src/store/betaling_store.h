/* betaling_store: the monthly payment totals per provider and gemeente,
 * from the declarations (JW323) and their outcome per line (JW325,
 * prestatie.goedgekeurd): per declaration month (the month of the
 * DeclaratiePeriode), aanbieder and gemeente the declared lines, the
 * submitted, approved and rejected amounts (eurocents, credit lines
 * negative) and the number of rejected lines.
 *
 * Scope (store/scope.h): regio every row; gemeente and lokaal_team the
 * rows of their gemeenten (declaratie.gemeente); aanbieder its own
 * (declaratie.agb).
 *
 * Runs inside the caller's transaction; store.h's return convention. The
 * array returned is malloc'd and the caller's (free()); NULL when empty.
 */
#ifndef JR_STORE_BETALING_STORE_H
#define JR_STORE_BETALING_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "domain/model.h"

struct store;
struct store_scope;

struct betaling_filter {
	const char *maand;      /* "JJJJ-MM", "" every month */
	const char *agb;        /* "" every aanbieder */
	const char *gemeente;   /* "" every gemeente */
};

struct betaling_rij {
	char maand[8];          /* "JJJJ-MM" */
	char agb[AGB_LEN];
	char aanbieder_naam[NAAM_LEN];   /* "" when not in the register */
	char gemeente[GEMEENTE_CODE_LEN];
	char gemeente_naam[NAAM_LEN];
	int64_t regels;         /* declared lines (Prestaties) */
	int64_t afgewezen_regels;
	int64_t ingediend;      /* eurocents */
	int64_t goedgekeurd;
	int64_t afgewezen;
};

/* The rows of scope s matching f: newest month first, then by AGB and
 * gemeente code. Returns *n or -1/-2. */
int store_betalingen(struct store *st, const struct store_scope *s,
		     const struct betaling_filter *f, struct betaling_rij **out, size_t *n);

#endif
