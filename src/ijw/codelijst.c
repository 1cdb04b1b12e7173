/* codelijst: see codelijst.h. The data are the generated tables in
 * codelijst_data.inc; this file only searches them. */
#include "ijw/codelijst.h"

#include <stdlib.h>
#include <string.h>

struct lijst {
	const char *naam;
	const char *titel;
	const char *xsd_type;
	const struct codelijst_waarde *waarden;
	size_t n;
};

#include "ijw/codelijst_data.inc"

_Static_assert(sizeof lijsten / sizeof lijsten[0] == CODELIJST_AANTAL,
	       "CODELIJST_AANTAL and the generated table disagree");

static const struct lijst *lijst(enum codelijst l)
{
	return (size_t)l < CODELIJST_AANTAL ? &lijsten[l] : NULL;
}

static int vergelijk(const void *sleutel, const void *element)
{
	return strcmp(sleutel, ((const struct codelijst_waarde *)element)->code);
}

static const struct codelijst_waarde *zoek(enum codelijst l, const char *waarde)
{
	const struct lijst *li = lijst(l);
	if (!li || !waarde)
		return NULL;
	return bsearch(waarde, li->waarden, li->n, sizeof li->waarden[0], vergelijk);
}

bool codelijst_bevat(enum codelijst l, const char *waarde)
{
	return zoek(l, waarde) != NULL;
}

const char *codelijst_omschrijving(enum codelijst l, const char *waarde)
{
	const struct codelijst_waarde *w = zoek(l, waarde);
	return w ? w->omschrijving : NULL;
}

const struct codelijst_waarde *codelijst_waarden(enum codelijst l, size_t *n)
{
	const struct lijst *li = lijst(l);
	*n = li ? li->n : 0;
	return li ? li->waarden : NULL;
}

const char *codelijst_naam(enum codelijst l)
{
	const struct lijst *li = lijst(l);
	return li ? li->naam : NULL;
}

const char *codelijst_titel(enum codelijst l)
{
	const struct lijst *li = lijst(l);
	return li ? li->titel : NULL;
}

const char *codelijst_xsd_type(enum codelijst l)
{
	const struct lijst *li = lijst(l);
	return li ? li->xsd_type : NULL;
}

bool codelijst_zoek(const char *naam, enum codelijst *uit)
{
	for (size_t i = 0; naam && i < CODELIJST_AANTAL; i++) {
		if (strcmp(lijsten[i].naam, naam) == 0) {
			*uit = (enum codelijst)i;
			return true;
		}
	}
	return false;
}
