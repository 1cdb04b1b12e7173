/* query: the query string of a GET request, read strictly, and the list
 * conventions of the API and the pages (pagination, sorting, dates,
 * numbers).
 *
 * The handler names every parameter it understands (formulier.h's
 * struct formulier_veld); an unknown parameter, one given twice, a bad
 * %-escape, a control character or a value longer than its buffer is
 * refused. Every function here that refuses has already queued the answer
 * (400, JSON under /api/, an HTML page elsewhere; see pagina_fout) with
 * the parameter's name as veld, and returns -1 with *u set for the
 * handler to return.
 *
 * Conventions (docs/api.md):
 *   pagina=N        1-based page number (default 1)
 *   per_pagina=M    rows per page, 1 .. QUERY_PER_PAGINA_MAX (default:
 *                   the handler's)
 *   sorteer=KEY     one of the handler's keys; "-KEY" sorts descending
 *   dates           JJJJ-MM-DD
 * A list answer is {"gegevens": [...], "paginering": {"pagina": N,
 * "per_pagina": M, "totaal": T, "paginas": P}}.
 */
#ifndef JR_WEB_QUERY_H
#define JR_WEB_QUERY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "domain/datum.h"
#include "web/formulier.h"
#include "web/route.h"

#define QUERY_PER_PAGINA_MAX 500

struct json;

struct query_paginering {
	int64_t pagina;       /* >= 1 */
	int64_t per_pagina;   /* 1 .. QUERY_PER_PAGINA_MAX */
	int64_t offset;       /* (pagina - 1) * per_pagina */
};

/* Read v->query into velden[0..n) (see formulier.h; here unknown names
 * are refused too). 0, or -1 with a 400 queued. */
int query_lees(struct web_verzoek *v, struct formulier_veld *velden, size_t n,
	       enum web_uitslag *u);

/* pagina and per_pagina as given ("" = default). 0, or -1 with 400. */
int query_paginering(struct web_verzoek *v, const char *pagina, const char *per_pagina,
		     int64_t standaard, struct query_paginering *p, enum web_uitslag *u);

/* waarde ("" = standaard) against sleutels[0..n); a leading '-' means
 * descending (*aflopend). The index of the key, or -1 with 400. */
int query_sorteer(struct web_verzoek *v, const char *waarde, const char *const *sleutels,
		  size_t n, int standaard, bool *aflopend, enum web_uitslag *u);

/* A date JJJJ-MM-DD in parameter veld. "" leaves *out unchanged and
 * returns 0; a bad date: -1 with 400. */
int query_datum(struct web_verzoek *v, const char *veld, const char *waarde, dag_t *out,
		enum web_uitslag *u);

/* A whole number min..max in parameter veld. "" leaves *out unchanged;
 * else as query_datum. */
int query_getal(struct web_verzoek *v, const char *veld, const char *waarde, int64_t min,
		int64_t max, int64_t *out, enum web_uitslag *u);

/* Queue a 400 ongeldige_parameter about veld with melding; -1 and *u. */
int query_weiger(struct web_verzoek *v, const char *veld, const char *melding,
		 enum web_uitslag *u);

/* A {id} path segment as a record id: a positive whole number of at most
 * 18 digits, else 0 (an id that names no record: the caller answers 404,
 * as for a record that does not exist). */
int64_t query_id(const char *s);

/* s consists of min..max decimal digits. */
bool query_cijfers(const char *s, size_t min, size_t max);

/* Write the member "paginering": {...} of a list answer. */
void query_json_paginering(struct json *j, const struct query_paginering *p, int64_t totaal);

#endif
