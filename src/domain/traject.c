/* traject: transition rules and JZ588 codes (see traject.h). */
#include "domain/traject.h"

#include <stdio.h>
#include <string.h>

static const struct {
	const char *code;
	const char *naam;
} redenen[] = {
	{ "02", "overlijden" },
	{ "20", "levering tijdelijk beëindigd" },
	{ "31", "volgens plan" },
	{ "32", "voortijdig door cliënt" },
	{ "33", "voortijdig door aanbieder" },
	{ "34", "voortijdig in overeenstemming" },
	{ "35", "voortijdig door externe omstandigheden" },
	{ "36", "geïnitieerd door gemeente" },
	{ "37", "in verband met wijzigingsverzoek" },
	{ "38", "overstap naar andere aanbieder" },
	{ "39", "uitstroom naar ander domein" },
};

const char *reden_beeindiging_naam(const char *reden)
{
	if (!reden)
		return NULL;
	for (size_t i = 0; i < sizeof redenen / sizeof redenen[0]; i++)
		if (strcmp(reden, redenen[i].code) == 0)
			return redenen[i].naam;
	return NULL;
}

bool reden_beeindiging_geldig(const char *reden)
{
	return reden_beeindiging_naam(reden) != NULL;
}

const char *traject_status_naam(enum traject_status s)
{
	switch (s) {
	case TRAJECT_AANGEMELD:
		return "aangemeld";
	case TRAJECT_INTAKE:
		return "intake";
	case TRAJECT_GESTART:
		return "gestart";
	case TRAJECT_ONDERBROKEN:
		return "onderbroken";
	case TRAJECT_BEEINDIGD:
		return "beëindigd";
	case TRAJECT_VERVALLEN:
		return "vervallen";
	}
	return "onbekend";
}

static bool is_tijdelijk(const char *reden)
{
	return reden && strcmp(reden, "20") == 0;
}

/* The state pair alone; reasons are checked by the caller. */
static bool paar_toegestaan(enum traject_status van, enum traject_status naar)
{
	switch (van) {
	case TRAJECT_AANGEMELD:
		return naar == TRAJECT_INTAKE || naar == TRAJECT_GESTART ||
		       naar == TRAJECT_VERVALLEN;
	case TRAJECT_INTAKE:
		return naar == TRAJECT_GESTART || naar == TRAJECT_VERVALLEN;
	case TRAJECT_GESTART:
		return naar == TRAJECT_ONDERBROKEN || naar == TRAJECT_BEEINDIGD;
	case TRAJECT_ONDERBROKEN:
		return naar == TRAJECT_GESTART || naar == TRAJECT_BEEINDIGD;
	case TRAJECT_BEEINDIGD:
	case TRAJECT_VERVALLEN:
		return false;
	}
	return false;
}

/* eis NULL: the pair itself is refused; else the reason the pair needs. */
static int weiger(char *err, size_t errlen, enum traject_status van,
		  enum traject_status naar, const char *eis, const char *reden)
{
	if (!err || errlen == 0)
		return -1;
	if (!eis)
		snprintf(err, errlen, "overgang van '%s' naar '%s' is niet toegestaan",
			 traject_status_naam(van), traject_status_naam(naar));
	else
		snprintf(err, errlen, "overgang van '%s' naar '%s' vereist %s, niet '%s'",
			 traject_status_naam(van), traject_status_naam(naar), eis,
			 reden ? reden : "");
	return -1;
}

int traject_overgang(enum traject_status van, enum traject_status naar,
		     const char *reden_beeindiging, char *err, size_t errlen)
{
	if (!paar_toegestaan(van, naar))
		return weiger(err, errlen, van, naar, NULL, NULL);
	if (naar == TRAJECT_ONDERBROKEN && !is_tijdelijk(reden_beeindiging))
		return weiger(err, errlen, van, naar,
			      "reden beëindiging 20 (tijdelijk)", reden_beeindiging);
	if (naar == TRAJECT_BEEINDIGD &&
	    (!reden_beeindiging_geldig(reden_beeindiging) ||
	     is_tijdelijk(reden_beeindiging)))
		return weiger(err, errlen, van, naar,
			      "een geldige reden beëindiging (JZ588) anders dan 20",
			      reden_beeindiging);
	return 0;
}

bool traject_actief(const struct traject *t, dag_t d)
{
	return t->begindatum != DAG_GEEN && t->begindatum <= d &&
	       (t->einddatum == DAG_GEEN || t->einddatum >= d);
}
