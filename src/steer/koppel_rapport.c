/* koppel_rapport: see koppel_rapport.h. */
#include "steer/koppel_rapport.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "domain/datum.h"

const char *koppel_rapport_urgentie(int urgentie)
{
	return urgentie >= URGENTIE_HOOG ? "hoog" : urgentie == URGENTIE_VERHOOGD ? "verhoogd"
										    : "normaal";
}

/* Append to buf[n] at *used. */
__attribute__((format(printf, 4, 5)))
static void plus(char *buf, size_t n, size_t *used, const char *fmt, ...)
{
	va_list ap;
	int w;

	if (*used >= n)
		return;
	va_start(ap, fmt);
	w = vsnprintf(buf + *used, n - *used, fmt, ap);
	va_end(ap);
	if (w > 0)
		*used = *used + (size_t)w < n ? *used + (size_t)w : n - 1;
}

static void plek_tekst(char *buf, size_t n, size_t *used, const char *naam, const char *agb,
		       const char *product, const char *groep)
{
	plus(buf, n, used, "%s (AGB %s), product %s", naam[0] ? naam : "aanbieder", agb, product);
	if (groep[0])
		plus(buf, n, used, ", groep %s", groep);
}

char *koppel_rapport_uitleg(const struct koppel_voorstel_rij *v, char *buf, size_t n)
{
	size_t used = 0;

	buf[0] = '\0';
	if (v->plek) {
		plus(buf, n, &used, "Voorstel: een plek bij ");
		plek_tekst(buf, n, &used, v->aanbieder_naam, v->agb, v->productcode, v->groep);
		plus(buf, n, &used, ", %d,%d km reizen vanaf het centrum van %s", v->afstand_hm / 10,
		     v->afstand_hm % 10, v->gemeente_naam);
		if (v->voorkeur)
			plus(buf, n, &used, "; dit is de aanbieder waar de jeugdige nu wacht");
		if (v->crisisplaats)
			plus(buf, n, &used, "; een plek die voor crisisopvang is vrijgehouden");
		if (v->als_vorig)
			plus(buf, n, &used, "; hetzelfde voorstel als in de vorige ronde");
		plus(buf, n, &used, ". ");
	} else {
		plus(buf, n, &used, "Nu geen plek: ");
		if (v->tweede == KEUZE_GEEN)
			plus(buf, n, &used, "er is geen vrije plek die past bij segment, product, "
			     "leeftijd en reisafstand. ");
		else
			plus(buf, n, &used, "de passende vrije plekken gaan naar jeugdigen die "
			     "langer wachten, urgenter zijn of dichterbij wonen, of naar een eerlijke "
			     "verdeling over de gemeenten. ");
	}
	switch (v->tweede) {
	case KEUZE_PLEK:
		plus(buf, n, &used, "Tweede keus: een plek bij ");
		plek_tekst(buf, n, &used, v->tweede_naam, v->tweede_agb, v->tweede_productcode,
			   v->tweede_groep);
		break;
	case KEUZE_NIET_NU:
		plus(buf, n, &used, "Tweede keus: nu niet koppelen en laten wachten");
		break;
	case KEUZE_GEEN:
		if (v->plek)
			plus(buf, n, &used, "Er is geen andere keus.");
		return buf;
	}
	plus(buf, n, &used, "; dat kost de regio in totaal minstens %lld punten meer "
	     "(1 punt = 100 meter reizen).", (long long)v->meerkosten);
	return buf;
}

void koppel_rapport_json_voorstel(struct json *j, const struct koppel_voorstel_rij *v)
{
	char buf[1024];

	json_object_begin(j);
	json_key(j, "traject");
	json_int(j, v->traject_id);
	json_key(j, "jeugdige");
	json_int(j, v->jeugdige_id);
	json_key(j, "gemeente");
	json_string(j, v->gemeente);
	json_key(j, "segment");
	json_int(j, v->segment);
	json_key(j, "leeftijd");
	json_int(j, v->leeftijd);
	json_key(j, "urgentie");
	json_string(j, koppel_rapport_urgentie(v->urgentie));
	json_key(j, "crisis");
	json_bool(j, v->crisis);
	json_key(j, "weken_gewacht");
	json_int(j, v->weken);
	json_key(j, "wacht_bij");
	if (v->huidig_agb[0])
		json_string(j, v->huidig_agb);
	else
		json_null(j);
	json_key(j, "keuze");
	json_string(j, v->plek ? "plek" : "niet_nu");
	json_key(j, "aanbieder");
	if (v->plek)
		json_string(j, v->agb);
	else
		json_null(j);
	json_key(j, "productcode");
	if (v->plek)
		json_string(j, v->productcode);
	else
		json_null(j);
	json_key(j, "groep");
	if (v->groep[0])
		json_string(j, v->groep);
	else
		json_null(j);
	json_key(j, "crisisplaats");
	json_bool(j, v->crisisplaats);
	json_key(j, "afstand_m");
	json_int(j, (int64_t)v->afstand_hm * 100);
	json_key(j, "voorkeur");
	json_bool(j, v->voorkeur);
	json_key(j, "als_vorige_ronde");
	json_bool(j, v->als_vorig);
	json_key(j, "kosten");
	json_int(j, v->kosten);
	json_key(j, "tweede");
	json_object_begin(j);
	json_key(j, "keuze");
	json_string(j, v->tweede == KEUZE_PLEK ? "plek" : v->tweede == KEUZE_NIET_NU ? "niet_nu"
										    : "geen");
	json_key(j, "aanbieder");
	if (v->tweede == KEUZE_PLEK)
		json_string(j, v->tweede_agb);
	else
		json_null(j);
	json_key(j, "productcode");
	if (v->tweede == KEUZE_PLEK)
		json_string(j, v->tweede_productcode);
	else
		json_null(j);
	json_key(j, "kosten");
	json_int(j, v->tweede_kosten);
	json_object_end(j);
	json_key(j, "meerkosten");
	json_int(j, v->meerkosten);
	json_key(j, "uitleg");
	json_string(j, koppel_rapport_uitleg(v, buf, sizeof buf));
	json_key(j, "status");
	json_string(j, koppel_status_naam(v->status));
	json_key(j, "toewijzing_nummer");
	if (v->toewijzing_nummer)
		json_int(j, v->toewijzing_nummer);
	else
		json_null(j);
	json_key(j, "reden");
	if (v->reden[0])
		json_string(j, v->reden);
	else
		json_null(j);
	json_object_end(j);
}

void koppel_rapport_json_ronde(struct json *j, const struct koppel_ronde_rij *r,
			       const struct koppel_voorstel_rij *v, size_t n)
{
	char peil[11];
	int64_t plek = 0;

	json_key(j, "ronde");
	json_object_begin(j);
	json_key(j, "id");
	json_int(j, r->id);
	json_key(j, "peildatum");
	json_string(j, datum_fmt(r->peildatum, peil));
	json_key(j, "tijdstip");
	json_string(j, r->tijdstip);
	json_key(j, "door");
	json_string(j, r->door);
	json_key(j, "wachtenden");
	json_int(j, r->jeugdigen);
	json_key(j, "plekken");
	json_int(j, r->plekken);
	json_key(j, "vrije_plaatsen");
	json_int(j, r->plaatsen);
	json_key(j, "gekoppeld");
	json_int(j, r->gekoppeld);
	json_key(j, "totale_kosten");
	json_int(j, r->totaal);
	json_key(j, "duur_us");
	json_int(j, r->duur_us);
	json_object_end(j);
	json_key(j, "totalen");
	json_object_begin(j);
	for (size_t i = 0; i < n; i++)
		plek += v[i].plek;
	json_key(j, "gekoppeld");
	json_int(j, plek);
	json_key(j, "niet_nu");
	json_int(j, (int64_t)n - plek);
	json_key(j, "per_gemeente");
	json_array_begin(j);
	/* v is ordered by gemeente: one entry per run. */
	for (size_t i = 0; i < n;) {
		size_t k = i;
		int64_t g = 0;

		while (k < n && strcmp(v[k].gemeente, v[i].gemeente) == 0)
			g += v[k++].plek;
		json_object_begin(j);
		json_key(j, "gemeente");
		json_string(j, v[i].gemeente);
		json_key(j, "naam");
		json_string(j, v[i].gemeente_naam);
		json_key(j, "gekoppeld");
		json_int(j, g);
		json_key(j, "niet_nu");
		json_int(j, (int64_t)(k - i) - g);
		json_object_end(j);
		i = k;
	}
	json_array_end(j);
	json_object_end(j);
}

void koppel_rapport_tekst(FILE *f, const struct koppel_ronde_rij *r,
			  const struct koppel_voorstel_rij *v, size_t n)
{
	char peil[11], buf[1024];
	int64_t plek = 0;

	fprintf(f, "Koppelronde %lld, peildatum %s: %lld wachtenden, %lld plekken met %lld vrije "
		"plaatsen; berekend in %.1f ms.\n\n", (long long)r->id, datum_fmt(r->peildatum, peil),
		(long long)r->jeugdigen, (long long)r->plekken, (long long)r->plaatsen,
		(double)r->duur_us / 1000.0);
	for (size_t i = 0; i < n; i++) {
		plek += v[i].plek;
		fprintf(f, "traject %lld (gemeente %s, segment %d, %d jaar, %d weken, urgentie %s%s):"
			"\n  %s\n", (long long)v[i].traject_id, v[i].gemeente, v[i].segment,
			v[i].leeftijd, v[i].weken, koppel_rapport_urgentie(v[i].urgentie),
			v[i].crisis ? ", crisis" : "", koppel_rapport_uitleg(&v[i], buf, sizeof buf));
	}
	fprintf(f, "\nTotaal: %lld gekoppeld, %lld nu niet.\n", (long long)plek,
		(long long)n - plek);
	fprintf(f, "%-6s %-28s %10s %8s\n", "code", "gemeente", "gekoppeld", "niet nu");
	for (size_t i = 0; i < n;) {
		size_t k = i;
		int64_t g = 0;

		while (k < n && strcmp(v[k].gemeente, v[i].gemeente) == 0)
			g += v[k++].plek;
		fprintf(f, "%-6s %-28s %10lld %8lld\n", v[i].gemeente, v[i].gemeente_naam,
			(long long)g, (long long)(k - i) - (long long)g);
		i = k;
	}
}
