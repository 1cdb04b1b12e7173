/* query: see query.h. */
#include "web/query.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <microhttpd.h>

#include "lib/json.h"
#include "web/pagina.h"

int query_weiger(struct web_verzoek *v, const char *veld, const char *melding,
		 enum web_uitslag *u)
{
	*u = pagina_fout(v, MHD_HTTP_BAD_REQUEST, "ongeldige_parameter", veld, melding);
	return -1;
}

int64_t query_id(const char *s)
{
	int64_t id = 0;

	if (!s || !query_cijfers(s, 1, 18))
		return 0;
	for (; *s; s++)
		id = id * 10 + (*s - '0');
	return id;
}

bool query_cijfers(const char *s, size_t min, size_t max)
{
	size_t n = strlen(s);

	return n >= min && n <= max && strspn(s, "0123456789") == n;
}

int query_lees(struct web_verzoek *v, struct formulier_veld *velden, size_t n,
	       enum web_uitslag *u)
{
	char onbekend[FORMULIER_NAAM_MAX], melding[256];
	const char *q = v->query ? v->query : "";
	const char *veld = NULL;

	if (formulier_lees_strikt(q, strlen(q), velden, n, &veld, onbekend) == 0)
		return 0;
	if (veld == onbekend) {
		size_t k;

		snprintf(melding, sizeof melding, "Onbekende parameter '%s'. %s", onbekend,
			 n ? "Toegestaan: " : "Dit adres neemt geen parameters");
		for (size_t i = 0; i < n; i++) {
			k = strlen(melding);
			snprintf(melding + k, sizeof melding - k, "%s%s", i ? ", " : "",
				 velden[i].naam);
		}
		k = strlen(melding);
		snprintf(melding + k, sizeof melding - k, ".");
	} else if (veld) {
		snprintf(melding, sizeof melding, "Parameter '%s' is dubbel gegeven, te lang of "
			 "bevat een ongeldig teken of een ongeldige %%-codering.", veld);
	} else {
		snprintf(melding, sizeof melding, "Te veel parameters (meer dan %d).",
			 FORMULIER_VELDEN_MAX);
	}
	return query_weiger(v, veld, melding, u);
}

int query_getal(struct web_verzoek *v, const char *veld, const char *waarde, int64_t min,
		int64_t max, int64_t *out, enum web_uitslag *u)
{
	char melding[200];
	long long g;
	char *eind;

	if (!waarde || !*waarde)
		return 0;
	if (strspn(waarde, "0123456789-") != strlen(waarde) || strlen(waarde) > 18)
		goto fout;
	g = strtoll(waarde, &eind, 10);
	if (*eind || g < min || g > max)
		goto fout;
	*out = g;
	return 0;
fout:
	snprintf(melding, sizeof melding, "Parameter '%s' moet een heel getal van %lld tot en "
		 "met %lld zijn.", veld, (long long)min, (long long)max);
	return query_weiger(v, veld, melding, u);
}

int query_paginering(struct web_verzoek *v, const char *pagina, const char *per_pagina,
		     int64_t standaard, struct query_paginering *p, enum web_uitslag *u)
{
	p->pagina = 1;
	p->per_pagina = standaard;
	if (query_getal(v, "pagina", pagina, 1, 1000000, &p->pagina, u) < 0 ||
	    query_getal(v, "per_pagina", per_pagina, 1, QUERY_PER_PAGINA_MAX, &p->per_pagina,
			u) < 0)
		return -1;
	p->offset = (p->pagina - 1) * p->per_pagina;
	return 0;
}

int query_sorteer(struct web_verzoek *v, const char *waarde, const char *const *sleutels,
		  size_t n, int standaard, bool *aflopend, enum web_uitslag *u)
{
	char melding[256];
	const char *s = waarde ? waarde : "";
	size_t k;

	*aflopend = false;
	if (!*s)
		return standaard;
	if (*s == '-') {
		*aflopend = true;
		s++;
	}
	for (size_t i = 0; i < n; i++)
		if (strcmp(s, sleutels[i]) == 0)
			return (int)i;
	snprintf(melding, sizeof melding, "Onbekende sortering '%.40s'. Kies uit: ", waarde);
	for (size_t i = 0; i < n; i++) {
		k = strlen(melding);
		snprintf(melding + k, sizeof melding - k, "%s%s", i ? ", " : "", sleutels[i]);
	}
	k = strlen(melding);
	snprintf(melding + k, sizeof melding - k, " (met '-' ervoor: aflopend).");
	return query_weiger(v, "sorteer", melding, u);
}

int query_datum(struct web_verzoek *v, const char *veld, const char *waarde, dag_t *out,
		enum web_uitslag *u)
{
	char melding[200];

	if (!waarde || !*waarde)
		return 0;
	if (datum_parse(waarde, out) == 0)
		return 0;
	snprintf(melding, sizeof melding, "Parameter '%s' is geen geldige datum; schrijf "
		 "JJJJ-MM-DD, bijvoorbeeld 2026-01-31.", veld);
	return query_weiger(v, veld, melding, u);
}

void query_json_paginering(struct json *j, const struct query_paginering *p, int64_t totaal)
{
	json_key(j, "paginering");
	json_object_begin(j);
	json_key(j, "pagina");
	json_int(j, p->pagina);
	json_key(j, "per_pagina");
	json_int(j, p->per_pagina);
	json_key(j, "totaal");
	json_int(j, totaal);
	json_key(j, "paginas");
	json_int(j, totaal == 0 ? 0 : (totaal + p->per_pagina - 1) / p->per_pagina);
	json_object_end(j);
}
