/* ijw/intern: the in-message rules (control level 2) on received messages.
 * See intern.h. One table row per rule (regels[] at the end); each check
 * walks the classes its rule names and reports through meld(), which
 * stamps the row's code, so a code is spelled once in this file.
 *
 * Duplicate and overlap rules on classes that may repeat without bound
 * (a 25 MB JW323 holds ~100 000 Prestaties) sort keys instead of
 * comparing pairs; only the overlap rules TR386/TR410, whose classes
 * (AangevraagdProduct, NieuwProduct) hold a handful of products per
 * client, compare pairs.
 */
#include "ijw/intern.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/bsn.h"
#include "domain/datum.h"
#include "ijw/regel.h"

struct ctx {
	const struct ijw_bericht *b;
	const char *code;          /* the rule being checked */
	struct ijw_bevinding *uit;
	size_t max, n;
	bool gevonden;             /* a finding, stored or not */
	bool geen_geheugen;
};

__attribute__((format(printf, 4, 5)))
static void meld(struct ctx *c, const char *klasse, const char *element, const char *fmt, ...)
{
	c->gevonden = true;
	if (c->n >= c->max)
		return;
	struct ijw_bevinding *f = &c->uit[c->n++];
	memset(f, 0, sizeof *f);
	snprintf(f->code, sizeof f->code, "%s", c->code);
	snprintf(f->pad, sizeof f->pad, "%s%s%s", klasse, element ? "/" : "",
		 element ? element : "");
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(f->melding, sizeof f->melding, fmt, ap);
	va_end(ap);
}

/* voor/container/naam, with [i+1] when the container holds more than one. */
static void pad_stap(char *uit, size_t len, const char *voor, const char *container,
		     const char *naam, size_t i, size_t n)
{
	int r;
	if (n > 1)
		r = snprintf(uit, len, "%s/%s/%s[%zu]", voor, container, naam, i + 1);
	else
		r = snprintf(uit, len, "%s/%s/%s", voor, container, naam);
	/* The deepest path here is far below IJW_PAD_LEN; should one ever be
	 * cut off, say so at its end rather than show a wrong element. */
	if (r < 0 || (size_t)r >= len)
		memcpy(uit + len - 4, "...", 4);
}

static const char *fmt_datum(dag_t d, char buf[static 11])
{
	return datum_fmt(d, buf);
}

static dag_t dagtekening(const struct ijw_bericht *b)
{
	return b->header.berichtidentificatie.dagtekening;
}

/* ---- sorting keys: duplicates ------------------------------------------ */

/* Long enough for the longest key: client index, ReferentieNummer and
 * VorigReferentieNummer (80 bytes each). */
#define SLEUTEL_LEN 200

struct sleutel {
	char s[SLEUTEL_LEN];
	size_t i;   /* position in document order */
};

static int sleutel_cmp(const void *pa, const void *pb)
{
	const struct sleutel *a = pa, *b = pb;
	int r = strcmp(a->s, b->s);
	if (r)
		return r;
	return (a->i > b->i) - (a->i < b->i);
}

/* Sort k[0..n) and set dubbel[i] for every i whose key equals that of an
 * earlier position. */
static void markeer_dubbel(struct sleutel *k, size_t n, bool *dubbel)
{
	qsort(k, n, sizeof *k, sleutel_cmp);
	for (size_t i = 1; i < n; i++)
		if (strcmp(k[i].s, k[i - 1].s) == 0)
			dubbel[k[i].i] = true;
}

/* Scratch for n keys plus n marks; false (and ctx marked) when out of
 * memory. n == 0 needs nothing. */
static bool scratch(struct ctx *c, size_t n, struct sleutel **k, bool **dubbel)
{
	*k = NULL;
	*dubbel = NULL;
	if (n == 0)
		return false;
	*k = calloc(n, sizeof **k);
	*dubbel = calloc(n, sizeof **dubbel);
	if (!*k || !*dubbel) {
		free(*k);
		free(*dubbel);
		*k = NULL;
		*dubbel = NULL;
		c->geen_geheugen = true;
		return false;
	}
	return true;
}

/* ---- requested products: 315 AangevraagdProduct, 317 TeWijzigen/Nieuw --- */

enum aanvraag_soort { AANVRAAG_315, AANVRAAG_TE_WIJZIGEN, AANVRAAG_NIEUW };

/* The fields the product rules read, the same for the three classes. */
struct aanvraag {
	enum aanvraag_soort soort;
	char pad[IJW_PAD_LEN];
	const struct ijw_product *product;  /* NULL also for TeWijzigen (no Product) */
	dag_t begin;
	const char *begin_naam;
	dag_t eind;
	const char *eind_naam;
	const struct ijw_omvang *omvang;
	int64_t budget;
};

/* The requested products of b (315 or 317), in document order; *n = 0
 * for other messages. NULL when there are none or memory runs out. */
static struct aanvraag *aanvragen(struct ctx *c, size_t *n)
{
	const struct ijw_bericht *b = c->b;
	size_t aantal = 0;
	*n = 0;
	if (b->soort == IJW_JW315 && b->vot)
		aantal = b->vot->n_aangevraagde_producten;
	else if (b->soort == IJW_JW317 && b->vow)
		aantal = b->vow->verzoek.n_te_wijzigen_producten +
			 b->vow->verzoek.n_nieuwe_producten;
	if (aantal == 0)
		return NULL;
	struct aanvraag *a = calloc(aantal, sizeof *a);
	if (!a) {
		c->geen_geheugen = true;
		return NULL;
	}
	if (b->soort == IJW_JW315) {
		const struct ijw_client_vot *v = b->vot;
		for (size_t i = 0; i < aantal; i++) {
			const struct ijw_aangevraagd_product *p = &v->aangevraagde_producten[i];
			a[i] = (struct aanvraag){
				.soort = AANVRAAG_315, .product = p->product,
				.begin = p->toewijzing_ingangsdatum,
				.begin_naam = "ToewijzingIngangsdatum",
				.eind = p->toewijzing_einddatum, .eind_naam = "ToewijzingEinddatum",
				.omvang = p->omvang, .budget = p->budget,
			};
			pad_stap(a[i].pad, sizeof a[i].pad, "/Bericht/Client", "AangevraagdeProducten",
				 "AangevraagdProduct", i, aantal);
		}
	} else {
		const struct ijw_verzoek *v = &b->vow->verzoek;
		size_t k = 0;
		for (size_t i = 0; i < v->n_te_wijzigen_producten; i++, k++) {
			const struct ijw_te_wijzigen_product *p = &v->te_wijzigen_producten[i];
			a[k] = (struct aanvraag){
				.soort = AANVRAAG_TE_WIJZIGEN, .product = NULL,
				.begin = p->gewenste_ingangsdatum, .begin_naam = "GewensteIngangsdatum",
				.eind = p->einddatum, .eind_naam = "Einddatum",
				.omvang = p->omvang, .budget = p->budget,
			};
			pad_stap(a[k].pad, sizeof a[k].pad, "/Bericht/Client/Verzoek",
				 "TeWijzigenProducten", "TeWijzigenProduct", i,
				 v->n_te_wijzigen_producten);
		}
		for (size_t i = 0; i < v->n_nieuwe_producten; i++, k++) {
			const struct ijw_nieuw_product *p = &v->nieuwe_producten[i];
			a[k] = (struct aanvraag){
				.soort = AANVRAAG_NIEUW, .product = p->product,
				.begin = p->gewenste_ingangsdatum, .begin_naam = "GewensteIngangsdatum",
				.eind = p->einddatum, .eind_naam = "Einddatum",
				.omvang = p->omvang, .budget = p->budget,
			};
			pad_stap(a[k].pad, sizeof a[k].pad, "/Bericht/Client/Verzoek",
				 "NieuweProducten", "NieuwProduct", i, v->n_nieuwe_producten);
		}
	}
	*n = aantal;
	return a;
}

/* Which classes a product rule covers. */
enum { OP_315 = 1u << AANVRAAG_315, OP_TE_WIJZIGEN = 1u << AANVRAAG_TE_WIJZIGEN,
       OP_NIEUW = 1u << AANVRAAG_NIEUW };

static bool code_gevuld(const struct aanvraag *a)
{
	return a->product && a->product->code[0];
}

/* "Einddatum groter dan 31-12-2020 of leeg" (CD095, CD096, CS338, CS343). */
static bool eind_na_2020(const struct aanvraag *a)
{
	return a->eind == DAG_GEEN || a->eind > datum_van(2020, 12, 31);
}

typedef void aanvraag_check(struct ctx *c, const struct aanvraag *a);

static void per_aanvraag(struct ctx *c, unsigned klassen, aanvraag_check *f)
{
	size_t n;
	struct aanvraag *a = aanvragen(c, &n);
	for (size_t i = 0; i < n; i++)
		if (klassen & (1u << a[i].soort))
			f(c, &a[i]);
	free(a);
}

static void cd041_een(struct ctx *c, const struct aanvraag *a)
{
	if (code_gevuld(a) && !a->omvang)
		meld(c, a->pad, "Omvang",
		     "Omvang ontbreekt terwijl Product/Code %s gevuld is; vul Omvang (Volume, "
		     "Eenheid, Frequentie).", a->product->code);
}

static void cd041(struct ctx *c)
{
	per_aanvraag(c, OP_315 | OP_NIEUW, cd041_een);
}

static void cd075_een(struct ctx *c, const struct aanvraag *a)
{
	if (a->budget != IJW_GEEN && a->eind == DAG_GEEN)
		meld(c, a->pad, a->eind_naam,
		     "%s ontbreekt terwijl Budget gevuld is; een budget vraagt een einddatum.",
		     a->eind_naam);
}

static void cd075(struct ctx *c)
{
	per_aanvraag(c, OP_315 | OP_TE_WIJZIGEN | OP_NIEUW, cd075_een);
}

static void cd076_een(struct ctx *c, const struct aanvraag *a)
{
	if (a->omvang && strcmp(a->omvang->frequentie, "2") == 0 && a->eind == DAG_GEEN)
		meld(c, a->pad, a->eind_naam,
		     "%s ontbreekt terwijl Omvang/Frequentie 2 (per week) is; vul de einddatum.",
		     a->eind_naam);
}

static void cd076(struct ctx *c)
{
	per_aanvraag(c, OP_315 | OP_TE_WIJZIGEN | OP_NIEUW, cd076_een);
}

static void cd077_een(struct ctx *c, const struct aanvraag *a)
{
	if (a->budget != IJW_GEEN && a->omvang)
		meld(c, a->pad, "Omvang",
		     "Omvang is gevuld terwijl Budget gevuld is; geef een omvang of een budget, "
		     "niet beide.");
}

static void cd077(struct ctx *c)
{
	per_aanvraag(c, OP_315 | OP_TE_WIJZIGEN | OP_NIEUW, cd077_een);
}

static void cd078_een(struct ctx *c, const struct aanvraag *a)
{
	if (a->omvang && a->budget != IJW_GEEN)
		meld(c, a->pad, "Budget",
		     "Budget is gevuld terwijl Omvang gevuld is; geef een omvang of een budget, "
		     "niet beide.");
}

static void cd078(struct ctx *c)
{
	per_aanvraag(c, OP_315 | OP_TE_WIJZIGEN | OP_NIEUW, cd078_een);
}

static void cd079_een(struct ctx *c, const struct aanvraag *a)
{
	if (a->budget == IJW_GEEN && !a->product)
		meld(c, a->pad, "Product",
		     "Product ontbreekt terwijl Budget leeg is; vul Product (Categorie en zo "
		     "nodig Code) of vraag een budget.");
}

static void cd079(struct ctx *c)
{
	per_aanvraag(c, OP_315 | OP_NIEUW, cd079_een);
}

static void cd095_een(struct ctx *c, const struct aanvraag *a)
{
	if (!code_gevuld(a) && eind_na_2020(a) && a->omvang)
		meld(c, a->pad, "Omvang",
		     "Omvang is gevuld zonder Product/Code (bij een %s na 31-12-2020 of leeg); "
		     "laat Omvang leeg of vul de productcode.", a->eind_naam);
}

static void cd095(struct ctx *c)
{
	per_aanvraag(c, OP_315, cd095_een);
}

static void cd096(struct ctx *c)
{
	per_aanvraag(c, OP_NIEUW, cd095_een);
}

static void cs003_een(struct ctx *c, const struct aanvraag *a)
{
	char b1[11], b2[11];
	if (a->eind != DAG_GEEN && a->begin != DAG_GEEN && a->eind < a->begin)
		meld(c, a->pad, a->eind_naam,
		     "%s %s ligt voor %s %s; de einddatum moet op of na de ingangsdatum liggen.",
		     a->eind_naam, fmt_datum(a->eind, b1), a->begin_naam, fmt_datum(a->begin, b2));
}

static void cs003(struct ctx *c)
{
	per_aanvraag(c, OP_315 | OP_TE_WIJZIGEN | OP_NIEUW, cs003_een);
}

/* CS338 (317) and CS343 (315): the same demand on Omvang/Frequentie. */
static void frequentie_een(struct ctx *c, const struct aanvraag *a)
{
	static const char *const eenheden[] = { "14", "16", "83", "84" };
	if (!a->omvang || !eind_na_2020(a))
		return;
	bool geldt = false;
	for (size_t i = 0; i < sizeof eenheden / sizeof eenheden[0]; i++)
		if (strcmp(a->omvang->eenheid, eenheden[i]) == 0)
			geldt = true;
	const char *f = a->omvang->frequentie;
	if (geldt && strcmp(f, "2") != 0 && strcmp(f, "4") != 0 && strcmp(f, "6") != 0)
		meld(c, a->pad, "Omvang/Frequentie",
		     "Frequentie %s past niet bij Eenheid %s; vul 2 (per week), 4 (per maand) of "
		     "6 (totaal binnen geldigheidsduur toewijzing).", f, a->omvang->eenheid);
}

static void cs338(struct ctx *c)
{
	per_aanvraag(c, OP_TE_WIJZIGEN | OP_NIEUW, frequentie_een);
}

static void cs343(struct ctx *c)
{
	per_aanvraag(c, OP_315, frequentie_een);
}

/* TR386 (315) and TR410 (317 NieuwProduct): the same product only in
 * periods that do not overlap. Without Code the category decides; without
 * Product a request overlaps with any other. */
static bool zelfde_product(const struct ijw_product *p, const struct ijw_product *q)
{
	if (!p || !q)
		return true;
	if (strcmp(p->categorie, q->categorie) != 0)
		return false;
	return !p->code[0] || !q->code[0] || strcmp(p->code, q->code) == 0;
}

static bool overlapt(const struct aanvraag *a, const struct aanvraag *b)
{
	bool a_voor_b = a->eind != DAG_GEEN && a->eind < b->begin;
	bool b_voor_a = b->eind != DAG_GEEN && b->eind < a->begin;
	return !a_voor_b && !b_voor_a;
}

static void geen_overlap(struct ctx *c, enum aanvraag_soort soort)
{
	size_t n;
	struct aanvraag *a = aanvragen(c, &n);
	for (size_t j = 0; j < n; j++) {
		if (a[j].soort != soort)
			continue;
		for (size_t i = 0; i < j; i++) {
			if (a[i].soort != soort || !zelfde_product(a[i].product, a[j].product) ||
			    !overlapt(&a[i], &a[j]))
				continue;
			meld(c, a[j].pad, NULL,
			     "Dit product overlapt in periode met een eerder product in het verzoek "
			     "(hetzelfde product of dezelfde categorie); laat de periodes aansluiten "
			     "zonder overlap of voeg ze samen.");
			break;
		}
	}
	free(a);
}

static void tr386(struct ctx *c)
{
	geen_overlap(c, AANVRAAG_315);
}

static void tr410(struct ctx *c)
{
	geen_overlap(c, AANVRAAG_NIEUW);
}

/* ---- 315 ----------------------------------------------------------------- */

static void cd043(struct ctx *c)
{
	const struct ijw_client_vot *v = c->b->vot;
	char pad[IJW_PAD_LEN];
	for (size_t i = 0; v && i < v->n_aangevraagde_producten; i++) {
		const struct ijw_aangevraagd_product *p = &v->aangevraagde_producten[i];
		pad_stap(pad, sizeof pad, "/Bericht/Client", "AangevraagdeProducten",
			 "AangevraagdProduct", i, v->n_aangevraagde_producten);
		bool nummer = p->beschikking_nummer != IJW_GEEN;
		bool datum = p->beschikking_ingangsdatum != DAG_GEEN;
		if (nummer && !datum)
			meld(c, pad, "BeschikkingIngangsdatum",
			     "BeschikkingIngangsdatum ontbreekt terwijl BeschikkingNummer gevuld is; "
			     "vul de ingangsdatum van de beschikking.");
		else if (!nummer && datum)
			meld(c, pad, "BeschikkingIngangsdatum",
			     "BeschikkingIngangsdatum is gevuld zonder BeschikkingNummer; laat haar "
			     "leeg of vul ook het nummer.");
	}
}

/* Verwijzer types 02..05 (huisarts, jeugdarts, gecertificeerde
 * instelling, medisch specialist) name a zorgverlener. */
static bool verwijzer_zorgverlener(const char *type)
{
	return strcmp(type, "02") == 0 || strcmp(type, "03") == 0 || strcmp(type, "04") == 0 ||
	       strcmp(type, "05") == 0;
}

typedef void verwijzer_check(struct ctx *c, const char *pad, const struct ijw_verwijzer *v);

static void per_verwijzer(struct ctx *c, verwijzer_check *f)
{
	const struct ijw_client_vot *v = c->b->vot;
	char pad[IJW_PAD_LEN], vpad[IJW_PAD_LEN + 16];
	for (size_t i = 0; v && i < v->n_aangevraagde_producten; i++) {
		pad_stap(pad, sizeof pad, "/Bericht/Client", "AangevraagdeProducten",
			 "AangevraagdProduct", i, v->n_aangevraagde_producten);
		snprintf(vpad, sizeof vpad, "%s/Verwijzer", pad);
		f(c, vpad, &v->aangevraagde_producten[i].verwijzer);
	}
}

static void cd066_een(struct ctx *c, const char *pad, const struct ijw_verwijzer *v)
{
	if (verwijzer_zorgverlener(v->type) && v->zorgverlener_code[0] && v->naam)
		meld(c, pad, "Naam",
		     "Naam is gevuld naast ZorgverlenerCode bij verwijzer type %s; laat Naam leeg.",
		     v->type);
}

static void cd066(struct ctx *c)
{
	per_verwijzer(c, cd066_een);
}

static void cd067_een(struct ctx *c, const char *pad, const struct ijw_verwijzer *v)
{
	if (verwijzer_zorgverlener(v->type) && !v->zorgverlener_code[0] && !v->naam)
		meld(c, pad, "Naam",
		     "Verwijzer type %s zonder ZorgverlenerCode en zonder Naam; vul de "
		     "ZorgverlenerCode (AGB) of de naam van de verwijzer.", v->type);
}

static void cd067(struct ctx *c)
{
	per_verwijzer(c, cd067_een);
}

static void cd068_een(struct ctx *c, const char *pad, const struct ijw_verwijzer *v)
{
	if (!verwijzer_zorgverlener(v->type) && v->zorgverlener_code[0])
		meld(c, pad, "ZorgverlenerCode",
		     "ZorgverlenerCode is gevuld bij verwijzer type %s; alleen bij type 02 tot en "
		     "met 05 hoort een ZorgverlenerCode, laat haar leeg.", v->type);
}

static void cd068(struct ctx *c)
{
	per_verwijzer(c, cd068_een);
}

static void tr383(struct ctx *c)
{
	const struct ijw_client_vot *v = c->b->vot;
	size_t n = v ? v->n_aangevraagde_producten : 0;
	struct sleutel *k;
	bool *dubbel;
	if (!scratch(c, n, &k, &dubbel))
		return;
	for (size_t i = 0; i < n; i++) {
		snprintf(k[i].s, sizeof k[i].s, "%s", v->aangevraagde_producten[i].referentie_aanbieder);
		k[i].i = i;
	}
	markeer_dubbel(k, n, dubbel);
	char pad[IJW_PAD_LEN];
	for (size_t i = 0; i < n; i++) {
		if (!dubbel[i])
			continue;
		pad_stap(pad, sizeof pad, "/Bericht/Client", "AangevraagdeProducten",
			 "AangevraagdProduct", i, n);
		meld(c, pad, "ReferentieAanbieder",
		     "ReferentieAanbieder %s komt al bij een eerder AangevraagdProduct voor; geef "
		     "elk aangevraagd product een eigen referentie.",
		     v->aangevraagde_producten[i].referentie_aanbieder);
	}
	free(k);
	free(dubbel);
}

/* ---- client data: 305 307 315 (Geboortedatum), all (Bsn) --------------- */

/* The Geboortedatum of the single client of 305/307/315; NULL otherwise. */
static const struct ijw_geboortedatum *geboortedatum(const struct ijw_bericht *b)
{
	switch (b->soort) {
	case IJW_JW305:
		return b->start ? &b->start->geboortedatum : NULL;
	case IJW_JW307:
		return b->stop ? &b->stop->geboortedatum : NULL;
	case IJW_JW315:
		return b->vot ? &b->vot->geboortedatum : NULL;
	case IJW_JW301: case IJW_JW302: case IJW_JW306: case IJW_JW308: case IJW_JW316:
	case IJW_JW317: case IJW_JW318: case IJW_JW319: case IJW_JW320: case IJW_JW323:
	case IJW_JW325:
		return NULL;
	}
	return NULL;
}

static bool geboortedatum_onbekend(const struct ijw_geboortedatum *g)
{
	return strcmp(g->datum_gebruik, "3") == 0 && g->datum == datum_van(1900, 1, 1);
}

static void tr002(struct ctx *c)
{
	const struct ijw_geboortedatum *g = geboortedatum(c->b);
	dag_t dag = dagtekening(c->b);
	char b1[11], b2[11];
	if (!g || g->datum == DAG_GEEN || dag == DAG_GEEN || geboortedatum_onbekend(g))
		return;
	if (g->datum < datum_plus_maanden(dag, -120 * 12))
		meld(c, "/Bericht/Client/Geboortedatum", "Datum",
		     "Geboortedatum %s ligt meer dan 120 jaar voor de dagtekening %s; vul de "
		     "juiste datum, of 01-01-1900 met DatumGebruik 3 als zij onbekend is.",
		     fmt_datum(g->datum, b1), fmt_datum(dag, b2));
}

static void cs139(struct ctx *c)
{
	const struct ijw_geboortedatum *g = geboortedatum(c->b);
	int j, m, d;
	char b1[11];
	if (!g || g->datum == DAG_GEEN || !g->datum_gebruik[0])
		return;
	datum_delen(g->datum, &j, &m, &d);
	const char *eis = NULL;
	if (strcmp(g->datum_gebruik, "1") == 0 && d != 1)
		eis = "bij DatumGebruik 1 (dag onbekend) hoort dag 01: 01-MM-EEJJ";
	else if (strcmp(g->datum_gebruik, "2") == 0 && (d != 1 || m != 1))
		eis = "bij DatumGebruik 2 (dag en maand onbekend) hoort 01-01-EEJJ";
	else if (strcmp(g->datum_gebruik, "3") == 0 && g->datum != datum_van(1900, 1, 1))
		eis = "bij DatumGebruik 3 (datum onbekend) hoort 01-01-1900";
	if (eis)
		meld(c, "/Bericht/Client/Geboortedatum", "DatumGebruik",
		     "Geboortedatum %s past niet bij DatumGebruik %s: %s.", fmt_datum(g->datum, b1),
		     g->datum_gebruik, eis);
}

static void bsn_een(struct ctx *c, const char *klasse, const char *bsn)
{
	/* The value is not quoted: a melding may end up where a BSN must not. */
	if (!bsn_geldig(bsn))
		meld(c, klasse, "Bsn",
		     "Bsn voldoet niet aan de 11-proef; controleer het burgerservicenummer.");
}

static void cs002(struct ctx *c)
{
	const struct ijw_bericht *b = c->b;
	char pad[IJW_PAD_LEN];
	switch (b->soort) {
	case IJW_JW305:
		if (b->start)
			bsn_een(c, "/Bericht/Client", b->start->bsn);
		return;
	case IJW_JW307:
		if (b->stop)
			bsn_een(c, "/Bericht/Client", b->stop->bsn);
		return;
	case IJW_JW315:
		if (b->vot)
			bsn_een(c, "/Bericht/Client", b->vot->bsn);
		return;
	case IJW_JW317:
		if (b->vow)
			bsn_een(c, "/Bericht/Client", b->vow->bsn);
		return;
	case IJW_JW323:
		for (size_t i = 0; b->declaratie && i < b->declaratie->n_clienten; i++) {
			pad_stap(pad, sizeof pad, "/Bericht/Declaratie", "Clienten", "Client", i,
				 b->declaratie->n_clienten);
			bsn_een(c, pad, b->declaratie->clienten[i].bsn);
		}
		return;
	case IJW_JW301: case IJW_JW302: case IJW_JW306: case IJW_JW308: case IJW_JW316:
	case IJW_JW318: case IJW_JW319: case IJW_JW320: case IJW_JW325:
		return;
	}
}

/* ---- 305 / 307 ----------------------------------------------------------- */

static void cs058_een(struct ctx *c, const char *pad, const char *status)
{
	if (strcmp(status, "1") != 0 && strcmp(status, "3") != 0)
		meld(c, pad, "StatusAanlevering",
		     "StatusAanlevering %s is hier niet toegestaan; vul 1 (eerste aanlevering) of "
		     "3 (verwijderen aanlevering).", status);
}

static void cs058(struct ctx *c)
{
	const struct ijw_bericht *b = c->b;
	char pad[IJW_PAD_LEN];
	if (b->soort == IJW_JW305 && b->start)
		for (size_t i = 0; i < b->start->n_start_producten; i++) {
			pad_stap(pad, sizeof pad, "/Bericht/Client", "StartProducten",
				 "StartProduct", i, b->start->n_start_producten);
			cs058_een(c, pad, b->start->start_producten[i].status_aanlevering);
		}
	if (b->soort == IJW_JW307 && b->stop)
		for (size_t i = 0; i < b->stop->n_stop_producten; i++) {
			pad_stap(pad, sizeof pad, "/Bericht/Client", "StopProducten", "StopProduct",
				 i, b->stop->n_stop_producten);
			cs058_een(c, pad, b->stop->stop_producten[i].status_aanlevering);
		}
}

static void tr018(struct ctx *c)
{
	const struct ijw_client_stop *s = c->b->stop;
	char pad[IJW_PAD_LEN], b1[11], b2[11];
	for (size_t i = 0; s && i < s->n_stop_producten; i++) {
		const struct ijw_stop_product *p = &s->stop_producten[i];
		if (p->einddatum == DAG_GEEN || p->begindatum == DAG_GEEN ||
		    p->einddatum >= p->begindatum)
			continue;
		pad_stap(pad, sizeof pad, "/Bericht/Client", "StopProducten", "StopProduct", i,
			 s->n_stop_producten);
		meld(c, pad, "Einddatum",
		     "Einddatum %s ligt voor Begindatum %s; de zorg kan niet eindigen voor zij "
		     "begon.", fmt_datum(p->einddatum, b1), fmt_datum(p->begindatum, b2));
	}
}

/* ---- 323 ----------------------------------------------------------------- */

/* A Prestatie with its place: client index and index within the client. */
struct plek {
	size_t client, prestatie;
};

/* Every Prestatie of a 323 in document order; *n = 0 (and NULL) when none
 * or out of memory. */
static struct plek *prestaties(struct ctx *c, size_t *n)
{
	const struct ijw_declaratie *d = c->b->soort == IJW_JW323 ? c->b->declaratie : NULL;
	size_t aantal = 0;
	*n = 0;
	for (size_t i = 0; d && i < d->n_clienten; i++)
		aantal += d->clienten[i].n_prestaties;
	if (aantal == 0)
		return NULL;
	struct plek *p = calloc(aantal, sizeof *p);
	if (!p) {
		c->geen_geheugen = true;
		return NULL;
	}
	size_t k = 0;
	for (size_t i = 0; i < d->n_clienten; i++)
		for (size_t j = 0; j < d->clienten[i].n_prestaties; j++)
			p[k++] = (struct plek){ i, j };
	*n = aantal;
	return p;
}

static const struct ijw_prestatie *prestatie(const struct ctx *c, struct plek p)
{
	return &c->b->declaratie->clienten[p.client].prestaties[p.prestatie];
}

static void prestatie_pad(const struct ctx *c, struct plek p, char *uit, size_t len)
{
	const struct ijw_declaratie *d = c->b->declaratie;
	char client[IJW_PAD_LEN];
	pad_stap(client, sizeof client, "/Bericht/Declaratie", "Clienten", "Client", p.client,
		 d->n_clienten);
	pad_stap(uit, len, client, "Prestaties", "Prestatie", p.prestatie,
		 d->clienten[p.client].n_prestaties);
}

typedef void prestatie_check(struct ctx *c, const char *pad, const struct ijw_prestatie *p);

static void per_prestatie(struct ctx *c, prestatie_check *f)
{
	size_t n;
	struct plek *pl = prestaties(c, &n);
	char pad[IJW_PAD_LEN];
	for (size_t i = 0; i < n; i++) {
		prestatie_pad(c, pl[i], pad, sizeof pad);
		f(c, pad, prestatie(c, pl[i]));
	}
	free(pl);
}

static const struct ijw_declaratie *declaratie(const struct ctx *c)
{
	return c->b->soort == IJW_JW323 ? c->b->declaratie : NULL;
}

static void cd060_een(struct ctx *c, const char *pad, const struct ijw_prestatie *p)
{
	bool credit = strcmp(p->ingediend_bedrag.debet_credit, "C") == 0;
	bool vorig = p->product_referentie.vorig_referentie_nummer[0] != '\0';
	if (credit && !vorig)
		meld(c, pad, "ProductReferentie/VorigReferentieNummer",
		     "VorigReferentieNummer ontbreekt bij een creditprestatie; vul het "
		     "ReferentieNummer van de prestatie die gecrediteerd wordt.");
	else if (!credit && vorig)
		meld(c, pad, "ProductReferentie/VorigReferentieNummer",
		     "VorigReferentieNummer is gevuld bij een debetprestatie; alleen een "
		     "creditprestatie verwijst naar een eerdere prestatie, laat het leeg.");
}

static void cd060(struct ctx *c)
{
	per_prestatie(c, cd060_een);
}

static void cd087_een(struct ctx *c, const char *pad, const struct ijw_prestatie *p)
{
	bool euro = strcmp(p->eenheid, "83") == 0;
	if (!euro && p->product_tarief == IJW_GEEN)
		meld(c, pad, "ProductTarief",
		     "ProductTarief ontbreekt bij Eenheid %s; vul het tarief per eenheid "
		     "(alleen bij Eenheid 83, euro's, blijft het leeg).", p->eenheid);
	else if (euro && p->product_tarief != IJW_GEEN)
		meld(c, pad, "ProductTarief",
		     "ProductTarief is gevuld bij Eenheid 83 (euro's); laat het leeg.");
}

static void cd087(struct ctx *c)
{
	per_prestatie(c, cd087_een);
}

static void cs100(struct ctx *c)
{
	const struct ijw_declaratie *d = declaratie(c);
	dag_t grens = datum_van(2021, 1, 1);
	char b1[11];
	if (!d)
		return;
	if (d->declaratie_periode.begindatum != DAG_GEEN && d->declaratie_periode.begindatum < grens)
		meld(c, "/Bericht/Declaratie/DeclaratiePeriode", "Begindatum",
		     "DeclaratiePeriode begint op %s, voor 01-01-2021; declareer alleen perioden "
		     "vanaf 01-01-2021.", fmt_datum(d->declaratie_periode.begindatum, b1));
	size_t n;
	struct plek *pl = prestaties(c, &n);
	char pad[IJW_PAD_LEN];
	for (size_t i = 0; i < n; i++) {
		const struct ijw_prestatie *p = prestatie(c, pl[i]);
		if (p->product_periode.begindatum == DAG_GEEN || p->product_periode.begindatum >= grens)
			continue;
		prestatie_pad(c, pl[i], pad, sizeof pad);
		meld(c, pad, "ProductPeriode/Begindatum",
		     "ProductPeriode begint op %s, voor 01-01-2021; declareer alleen perioden "
		     "vanaf 01-01-2021.", fmt_datum(p->product_periode.begindatum, b1));
	}
	free(pl);
}

static void cs325_een(struct ctx *c, const char *klasse, const char *element,
		      const struct ijw_bedrag *b)
{
	if (b->bedrag == 0 && strcmp(b->debet_credit, "D") != 0)
		meld(c, klasse, element,
		     "Een bedrag van 0 heeft DebetCredit %s; vul D (debet) bij een bedrag 0.",
		     b->debet_credit);
}

static void cs325(struct ctx *c)
{
	const struct ijw_declaratie *d = declaratie(c);
	if (!d)
		return;
	cs325_een(c, "/Bericht/Declaratie", "TotaalIngediendBedrag/DebetCredit",
		  &d->totaal_ingediend_bedrag);
	size_t n;
	struct plek *pl = prestaties(c, &n);
	char pad[IJW_PAD_LEN];
	for (size_t i = 0; i < n; i++) {
		prestatie_pad(c, pl[i], pad, sizeof pad);
		cs325_een(c, pad, "IngediendBedrag/DebetCredit", &prestatie(c, pl[i])->ingediend_bedrag);
	}
	free(pl);
}

static void cs337_een(struct ctx *c, const char *pad, const struct ijw_prestatie *p)
{
	const struct ijw_periode *pp = &p->product_periode;
	char b1[11], b2[11];
	if (pp->begindatum == DAG_GEEN || pp->einddatum == DAG_GEEN)
		return;
	if (datum_maand_begin(pp->begindatum) != datum_maand_begin(pp->einddatum))
		meld(c, pad, "ProductPeriode/Einddatum",
		     "ProductPeriode loopt van %s tot %s, over een maandgrens; splits de "
		     "prestatie per kalendermaand.", fmt_datum(pp->begindatum, b1),
		     fmt_datum(pp->einddatum, b2));
}

static void cs337(struct ctx *c)
{
	per_prestatie(c, cs337_een);
}

static void cs339_een(struct ctx *c, const char *pad, const struct ijw_prestatie *p)
{
	if (strcmp(p->eenheid, "83") == 0 && p->ingediend_bedrag.bedrag != p->geleverd_volume)
		meld(c, pad, "IngediendBedrag",
		     "Bij Eenheid 83 (euro's) moet IngediendBedrag (%lld) gelijk zijn aan "
		     "GeleverdVolume (%lld).", (long long)p->ingediend_bedrag.bedrag,
		     (long long)p->geleverd_volume);
}

static void cs339(struct ctx *c)
{
	per_prestatie(c, cs339_een);
}

static void cs340(struct ctx *c)
{
	const struct ijw_declaratie *d = declaratie(c);
	char b1[11], b2[11];
	if (!d)
		return;
	const struct ijw_periode *p = &d->declaratie_periode;
	if (p->begindatum == DAG_GEEN || p->einddatum == DAG_GEEN)
		return;
	if (p->begindatum != datum_maand_begin(p->begindatum) ||
	    p->einddatum != datum_maand_eind(p->begindatum))
		meld(c, "/Bericht/Declaratie", "DeclaratiePeriode",
		     "DeclaratiePeriode %s tot %s is geen hele kalendermaand; vul de eerste en de "
		     "laatste dag van één maand.", fmt_datum(p->begindatum, b1),
		     fmt_datum(p->einddatum, b2));
}

static void tr134_datum(struct ctx *c, const char *klasse, const char *element, dag_t d)
{
	dag_t dag = dagtekening(c->b);
	char b1[11], b2[11];
	if (d != DAG_GEEN && dag != DAG_GEEN && d > dag)
		meld(c, klasse, element,
		     "%s %s ligt na de dagtekening van het bericht (%s); een datum in het verleden "
		     "of vandaag is vereist.", element, fmt_datum(d, b1), fmt_datum(dag, b2));
}

static void tr134(struct ctx *c)
{
	const struct ijw_bericht *b = c->b;
	const struct ijw_geboortedatum *g = geboortedatum(b);
	char pad[IJW_PAD_LEN];
	if (g)
		tr134_datum(c, "/Bericht/Client/Geboortedatum", "Datum", g->datum);
	if (b->soort == IJW_JW305 && b->start)
		for (size_t i = 0; i < b->start->n_start_producten; i++) {
			pad_stap(pad, sizeof pad, "/Bericht/Client", "StartProducten",
				 "StartProduct", i, b->start->n_start_producten);
			tr134_datum(c, pad, "Begindatum", b->start->start_producten[i].begindatum);
		}
	if (b->soort == IJW_JW307 && b->stop)
		for (size_t i = 0; i < b->stop->n_stop_producten; i++) {
			pad_stap(pad, sizeof pad, "/Bericht/Client", "StopProducten", "StopProduct",
				 i, b->stop->n_stop_producten);
			tr134_datum(c, pad, "Einddatum", b->stop->stop_producten[i].einddatum);
		}
	const struct ijw_declaratie *d = declaratie(c);
	if (!d)
		return;
	tr134_datum(c, "/Bericht/Declaratie", "DeclaratiePeriode/Begindatum",
		    d->declaratie_periode.begindatum);
	size_t n;
	struct plek *pl = prestaties(c, &n);
	for (size_t i = 0; i < n; i++) {
		prestatie_pad(c, pl[i], pad, sizeof pad);
		tr134_datum(c, pad, "ProductPeriode/Begindatum",
			    prestatie(c, pl[i])->product_periode.begindatum);
	}
	free(pl);
}

static void tr137_een(struct ctx *c, const char *klasse, const char *element,
		      const struct ijw_periode *p)
{
	dag_t dag = dagtekening(c->b);
	char b1[11], b2[11];
	if (p->einddatum == DAG_GEEN)
		return;
	if (p->begindatum != DAG_GEEN && p->einddatum < p->begindatum)
		meld(c, klasse, element,
		     "Einddatum %s ligt voor Begindatum %s; de einddatum moet op of na de "
		     "begindatum liggen.", fmt_datum(p->einddatum, b1), fmt_datum(p->begindatum, b2));
	else if (dag != DAG_GEEN && p->einddatum > dag)
		meld(c, klasse, element,
		     "Einddatum %s ligt na de dagtekening van het bericht (%s); declareer alleen "
		     "perioden die voorbij zijn.", fmt_datum(p->einddatum, b1), fmt_datum(dag, b2));
}

static void tr137(struct ctx *c)
{
	const struct ijw_declaratie *d = declaratie(c);
	if (!d)
		return;
	tr137_een(c, "/Bericht/Declaratie", "DeclaratiePeriode/Einddatum", &d->declaratie_periode);
	size_t n;
	struct plek *pl = prestaties(c, &n);
	char pad[IJW_PAD_LEN];
	for (size_t i = 0; i < n; i++) {
		prestatie_pad(c, pl[i], pad, sizeof pad);
		tr137_een(c, pad, "ProductPeriode/Einddatum", &prestatie(c, pl[i])->product_periode);
	}
	free(pl);
}

static void tr335(struct ctx *c)
{
	const struct ijw_declaratie *d = declaratie(c);
	if (!d || d->declaratie_dagtekening == DAG_GEEN)
		return;
	dag_t grens = datum_plus_maanden(d->declaratie_dagtekening, -5 * 12);
	size_t n;
	struct plek *pl = prestaties(c, &n);
	char pad[IJW_PAD_LEN], b1[11], b2[11];
	for (size_t i = 0; i < n; i++) {
		const struct ijw_prestatie *p = prestatie(c, pl[i]);
		if (p->product_periode.einddatum == DAG_GEEN || p->product_periode.einddatum >= grens)
			continue;
		prestatie_pad(c, pl[i], pad, sizeof pad);
		meld(c, pad, "ProductPeriode/Einddatum",
		     "ProductPeriode eindigt op %s, meer dan 5 jaar voor de DeclaratieDagtekening "
		     "%s; zo oude zorg kan niet meer gedeclareerd worden.",
		     fmt_datum(p->product_periode.einddatum, b1),
		     fmt_datum(d->declaratie_dagtekening, b2));
	}
	free(pl);
}

static void tr358(struct ctx *c)
{
	const struct ijw_declaratie *d = declaratie(c);
	if (!d)
		return;
	/* Amounts are at most 12 digits (LDT_Bedrag) and a message holds at
	 * most IJW_MAX_HERHALING Prestaties: the sum fits in int64_t. */
	int64_t som = 0;
	for (size_t i = 0; i < d->n_clienten; i++)
		for (size_t j = 0; j < d->clienten[i].n_prestaties; j++) {
			const struct ijw_bedrag *b = &d->clienten[i].prestaties[j].ingediend_bedrag;
			som += strcmp(b->debet_credit, "C") == 0 ? -b->bedrag : b->bedrag;
		}
	const struct ijw_bedrag *t = &d->totaal_ingediend_bedrag;
	int64_t totaal = strcmp(t->debet_credit, "C") == 0 ? -t->bedrag : t->bedrag;
	if (totaal != som)
		meld(c, "/Bericht/Declaratie", "TotaalIngediendBedrag",
		     "TotaalIngediendBedrag is %lld %s, maar de prestaties tellen op tot %lld %s "
		     "(debet opgeteld, credit afgetrokken); vul dat totaal.", (long long)t->bedrag,
		     t->debet_credit, (long long)(som < 0 ? -som : som), som < 0 ? "C" : "D");
}

/* TR315: VorigReferentieNummer unique in the message. */
static void tr315(struct ctx *c)
{
	size_t n, m = 0;
	struct plek *pl = prestaties(c, &n);
	struct sleutel *k;
	bool *dubbel;
	if (!scratch(c, n, &k, &dubbel)) {
		free(pl);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		const char *v = prestatie(c, pl[i])->product_referentie.vorig_referentie_nummer;
		if (!v[0])
			continue;
		snprintf(k[m].s, sizeof k[m].s, "%s", v);
		k[m++].i = i;
	}
	markeer_dubbel(k, m, dubbel);
	char pad[IJW_PAD_LEN];
	for (size_t i = 0; i < n; i++) {
		if (!dubbel[i])
			continue;
		prestatie_pad(c, pl[i], pad, sizeof pad);
		meld(c, pad, "ProductReferentie/VorigReferentieNummer",
		     "VorigReferentieNummer %s komt al bij een eerdere prestatie in dit bericht "
		     "voor; een prestatie wordt maar één keer gecrediteerd.",
		     prestatie(c, pl[i])->product_referentie.vorig_referentie_nummer);
	}
	free(k);
	free(dubbel);
	free(pl);
}

static int string_cmp(const void *a, const void *b)
{
	return strcmp(((const struct sleutel *)a)->s, ((const struct sleutel *)b)->s);
}

/* TR316: no VorigReferentieNummer equal to a ReferentieNummer of this
 * message (a debet credited in the same message). */
static void tr316(struct ctx *c)
{
	size_t n;
	struct plek *pl = prestaties(c, &n);
	if (n == 0)
		return;
	struct sleutel *k = calloc(n, sizeof *k);
	if (!k) {
		c->geen_geheugen = true;
		free(pl);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		snprintf(k[i].s, sizeof k[i].s, "%s",
			 prestatie(c, pl[i])->product_referentie.referentie_nummer);
		k[i].i = i;
	}
	qsort(k, n, sizeof *k, string_cmp);
	char pad[IJW_PAD_LEN];
	struct sleutel zoek;
	for (size_t i = 0; i < n; i++) {
		const char *v = prestatie(c, pl[i])->product_referentie.vorig_referentie_nummer;
		if (!v[0])
			continue;
		snprintf(zoek.s, sizeof zoek.s, "%s", v);
		if (!bsearch(&zoek, k, n, sizeof *k, string_cmp))
			continue;
		prestatie_pad(c, pl[i], pad, sizeof pad);
		meld(c, pad, "ProductReferentie/VorigReferentieNummer",
		     "VorigReferentieNummer %s is het ReferentieNummer van een prestatie in dit "
		     "bericht; crediteer een prestatie pas in een later bericht.", v);
	}
	free(k);
	free(pl);
}

/* TR416: within a client, one debet Prestatie per ProductPeriode,
 * ProductCategorie, ProductCode and ToewijzingNummer. */
static void tr416(struct ctx *c)
{
	size_t n, m = 0;
	struct plek *pl = prestaties(c, &n);
	struct sleutel *k;
	bool *dubbel;
	if (!scratch(c, n, &k, &dubbel)) {
		free(pl);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		const struct ijw_prestatie *p = prestatie(c, pl[i]);
		if (strcmp(p->ingediend_bedrag.debet_credit, "D") != 0)
			continue;
		snprintf(k[m].s, sizeof k[m].s, "%zu|%lld|%s|%s|%ld|%ld", pl[i].client,
			 (long long)p->toewijzing_nummer, p->product_categorie, p->product_code,
			 (long)p->product_periode.begindatum, (long)p->product_periode.einddatum);
		k[m++].i = i;
	}
	markeer_dubbel(k, m, dubbel);
	char pad[IJW_PAD_LEN];
	for (size_t i = 0; i < n; i++) {
		if (!dubbel[i])
			continue;
		prestatie_pad(c, pl[i], pad, sizeof pad);
		meld(c, pad, NULL,
		     "Er is al een debetprestatie voor dezelfde ProductPeriode, ProductCategorie, "
		     "ProductCode en ToewijzingNummer; declareer deze zorg in één prestatie.");
	}
	free(k);
	free(dubbel);
	free(pl);
}

/* ---- 317 ----------------------------------------------------------------- */

static void tr352(struct ctx *c)
{
	const struct ijw_client_vow *v = c->b->vow;
	if (v && v->verzoek.n_ongewijzigde_producten == 0 && v->verzoek.n_te_wijzigen_producten == 0)
		meld(c, "/Bericht/Client/Verzoek", NULL,
		     "Het verzoek om wijziging noemt geen OngewijzigdProduct en geen "
		     "TeWijzigenProduct; neem elk actueel toegewezen product op.");
}

static void tr353(struct ctx *c)
{
	const struct ijw_client_vow *v = c->b->vow;
	if (v && v->verzoek.n_te_wijzigen_producten == 0 && v->verzoek.n_nieuwe_producten == 0)
		meld(c, "/Bericht/Client/Verzoek", NULL,
		     "Het verzoek om wijziging bevat geen TeWijzigenProduct en geen NieuwProduct; "
		     "er valt niets te wijzigen.");
}

static void tr380(struct ctx *c)
{
	const struct ijw_client_vow *v = c->b->vow;
	dag_t dag = dagtekening(c->b);
	char pad[IJW_PAD_LEN], b1[11], b2[11];
	for (size_t i = 0; v && i < v->verzoek.n_nieuwe_producten; i++) {
		dag_t g = v->verzoek.nieuwe_producten[i].gewenste_ingangsdatum;
		if (g == DAG_GEEN || dag == DAG_GEEN || g > dag)
			continue;
		pad_stap(pad, sizeof pad, "/Bericht/Client/Verzoek", "NieuweProducten",
			 "NieuwProduct", i, v->verzoek.n_nieuwe_producten);
		meld(c, pad, "GewensteIngangsdatum",
		     "GewensteIngangsdatum %s ligt niet na de dagtekening van het bericht (%s); een "
		     "nieuw product kan pas na de dagtekening ingaan.", fmt_datum(g, b1),
		     fmt_datum(dag, b2));
	}
}

/* ---- TR101: no duplicate classes (logical key within the parent) -------- */

typedef void sleutel_van(const struct ctx *c, size_t i, char *uit, size_t len);

/* Report each of n classes under voor/container/naam whose key repeats an
 * earlier one. */
static void dubbel_klassen(struct ctx *c, size_t n, sleutel_van *f, const char *voor,
			   const char *container, const char *naam)
{
	struct sleutel *k;
	bool *dubbel;
	if (!scratch(c, n, &k, &dubbel))
		return;
	for (size_t i = 0; i < n; i++) {
		f(c, i, k[i].s, sizeof k[i].s);
		k[i].i = i;
	}
	markeer_dubbel(k, n, dubbel);
	char pad[IJW_PAD_LEN];
	for (size_t i = 0; i < n; i++) {
		if (!dubbel[i])
			continue;
		pad_stap(pad, sizeof pad, voor, container, naam, i, n);
		meld(c, pad, NULL,
		     "%s komt dubbel voor: een eerdere %s heeft dezelfde sleutelgegevens; neem elke "
		     "regel één keer op.", naam, naam);
	}
	free(k);
	free(dubbel);
}

static void sleutel_start(const struct ctx *c, size_t i, char *uit, size_t len)
{
	const struct ijw_start_product *p = &c->b->start->start_producten[i];
	snprintf(uit, len, "%lld|%s|%s|%ld", (long long)p->toewijzing_nummer,
		 p->product ? p->product->categorie : "", p->product ? p->product->code : "",
		 (long)p->begindatum);
}

static void sleutel_stop(const struct ctx *c, size_t i, char *uit, size_t len)
{
	const struct ijw_stop_product *p = &c->b->stop->stop_producten[i];
	snprintf(uit, len, "%lld|%s|%s|%ld|%ld|%s", (long long)p->toewijzing_nummer,
		 p->product ? p->product->categorie : "", p->product ? p->product->code : "",
		 (long)p->begindatum, (long)p->einddatum, p->reden_beeindiging);
}

static void sleutel_ongewijzigd(const struct ctx *c, size_t i, char *uit, size_t len)
{
	snprintf(uit, len, "%lld",
		 (long long)c->b->vow->verzoek.ongewijzigde_producten[i].toewijzing_nummer);
}

static void sleutel_te_wijzigen(const struct ctx *c, size_t i, char *uit, size_t len)
{
	snprintf(uit, len, "%lld",
		 (long long)c->b->vow->verzoek.te_wijzigen_producten[i].toewijzing_nummer);
}

static void sleutel_client(const struct ctx *c, size_t i, char *uit, size_t len)
{
	snprintf(uit, len, "%s", c->b->declaratie->clienten[i].bsn);
}

/* Prestatie: ReferentieNummer and VorigReferentieNummer within one Client. */
static void tr101_prestaties(struct ctx *c)
{
	const struct ijw_declaratie *d = c->b->declaratie;
	char client[IJW_PAD_LEN];
	for (size_t ci = 0; ci < d->n_clienten; ci++) {
		const struct ijw_declaratie_client *cl = &d->clienten[ci];
		struct sleutel *k;
		bool *dubbel;
		if (!scratch(c, cl->n_prestaties, &k, &dubbel))
			continue;
		for (size_t i = 0; i < cl->n_prestaties; i++) {
			const struct ijw_referentie *r = &cl->prestaties[i].product_referentie;
			snprintf(k[i].s, sizeof k[i].s, "%s|%s", r->referentie_nummer,
				 r->vorig_referentie_nummer);
			k[i].i = i;
		}
		markeer_dubbel(k, cl->n_prestaties, dubbel);
		pad_stap(client, sizeof client, "/Bericht/Declaratie", "Clienten", "Client", ci,
			 d->n_clienten);
		char pad[IJW_PAD_LEN];
		for (size_t i = 0; i < cl->n_prestaties; i++) {
			if (!dubbel[i])
				continue;
			pad_stap(pad, sizeof pad, client, "Prestaties", "Prestatie", i,
				 cl->n_prestaties);
			meld(c, pad, NULL,
			     "Prestatie komt dubbel voor: ReferentieNummer %s%s%s staat al bij een "
			     "eerdere prestatie van deze cliënt; geef elke prestatie een eigen "
			     "ReferentieNummer.", cl->prestaties[i].product_referentie.referentie_nummer,
			     cl->prestaties[i].product_referentie.vorig_referentie_nummer[0]
				     ? " met VorigReferentieNummer " : "",
			     cl->prestaties[i].product_referentie.vorig_referentie_nummer);
		}
		free(k);
		free(dubbel);
	}
}

/* AangevraagdProduct (315) and NieuwProduct (317) are not checked here:
 * their logical keys (ReferentieAanbieder; Product with
 * GewensteIngangsdatum) repeat only where TR383 and TR410 already report
 * the same class, so each defect gets one finding. */
static void tr101(struct ctx *c)
{
	const struct ijw_bericht *b = c->b;
	switch (b->soort) {
	case IJW_JW305:
		if (b->start)
			dubbel_klassen(c, b->start->n_start_producten, sleutel_start,
				       "/Bericht/Client", "StartProducten", "StartProduct");
		return;
	case IJW_JW307:
		if (b->stop)
			dubbel_klassen(c, b->stop->n_stop_producten, sleutel_stop,
				       "/Bericht/Client", "StopProducten", "StopProduct");
		return;
	case IJW_JW317:
		if (b->vow) {
			dubbel_klassen(c, b->vow->verzoek.n_ongewijzigde_producten,
				       sleutel_ongewijzigd, "/Bericht/Client/Verzoek",
				       "OngewijzigdeProducten", "OngewijzigdProduct");
			dubbel_klassen(c, b->vow->verzoek.n_te_wijzigen_producten,
				       sleutel_te_wijzigen, "/Bericht/Client/Verzoek",
				       "TeWijzigenProducten", "TeWijzigenProduct");
		}
		return;
	case IJW_JW323:
		if (b->declaratie) {
			dubbel_klassen(c, b->declaratie->n_clienten, sleutel_client,
				       "/Bericht/Declaratie", "Clienten", "Client");
			tr101_prestaties(c);
		}
		return;
	case IJW_JW301: case IJW_JW302: case IJW_JW306: case IJW_JW308: case IJW_JW315:
	case IJW_JW316: case IJW_JW318: case IJW_JW319: case IJW_JW320: case IJW_JW325:
		return;
	}
}

/* ---- the table ------------------------------------------------------------ */

#define B305 REGEL_BERICHT_JW305
#define B307 REGEL_BERICHT_JW307
#define B315 REGEL_BERICHT_JW315
#define B317 REGEL_BERICHT_JW317
#define B323 REGEL_BERICHT_JW323

static const struct {
	const char *code;
	unsigned berichten;   /* the received messages this row checks */
	void (*check)(struct ctx *c);
} regels[] = {
	{ "CD041", B315 | B317, cd041 },
	{ "CD043", B315, cd043 },
	{ "CD060", B323, cd060 },
	{ "CD066", B315, cd066 },
	{ "CD067", B315, cd067 },
	{ "CD068", B315, cd068 },
	{ "CD075", B315 | B317, cd075 },
	{ "CD076", B315 | B317, cd076 },
	{ "CD077", B315 | B317, cd077 },
	{ "CD078", B315 | B317, cd078 },
	{ "CD079", B315 | B317, cd079 },
	{ "CD087", B323, cd087 },
	{ "CD095", B315, cd095 },
	{ "CD096", B317, cd096 },
	{ "CS002", B305 | B307 | B315 | B317 | B323, cs002 },
	{ "CS003", B315 | B317, cs003 },
	{ "CS058", B305 | B307, cs058 },
	{ "CS100", B323, cs100 },
	{ "CS139", B305 | B307 | B315, cs139 },
	{ "CS325", B323, cs325 },
	{ "CS337", B323, cs337 },
	{ "CS338", B317, cs338 },
	{ "CS339", B323, cs339 },
	{ "CS340", B323, cs340 },
	{ "CS343", B315, cs343 },
	{ "TR002", B305 | B307 | B315, tr002 },
	{ "TR018", B307, tr018 },
	{ "TR101", B305 | B307 | B317 | B323, tr101 },
	{ "TR134", B305 | B307 | B315 | B323, tr134 },
	{ "TR137", B323, tr137 },
	{ "TR315", B323, tr315 },
	{ "TR316", B323, tr316 },
	{ "TR335", B323, tr335 },
	{ "TR352", B317, tr352 },
	{ "TR353", B317, tr353 },
	{ "TR358", B323, tr358 },
	{ "TR380", B317, tr380 },
	{ "TR383", B315, tr383 },
	{ "TR386", B315, tr386 },
	{ "TR410", B317, tr410 },
	{ "TR416", B323, tr416 },
};

#define AANTAL_REGELS (sizeof regels / sizeof regels[0])

/* The REGEL_BERICHT_* bit of a received heenbericht; 0 for the others. */
static unsigned bericht_bit(enum ijw_soort s)
{
	switch (s) {
	case IJW_JW305: return B305;
	case IJW_JW307: return B307;
	case IJW_JW315: return B315;
	case IJW_JW317: return B317;
	case IJW_JW323: return B323;
	case IJW_JW301: case IJW_JW302: case IJW_JW306: case IJW_JW308: case IJW_JW316:
	case IJW_JW318: case IJW_JW319: case IJW_JW320: case IJW_JW325:
		return 0;
	}
	return 0;
}

int ijw_intern_controleer(const struct ijw_bericht *b, struct ijw_bevinding *uit, size_t max,
			  size_t *n)
{
	struct ctx c = { .b = b, .uit = uit, .max = uit ? max : 0 };
	unsigned bit = bericht_bit(b->soort);
	for (size_t i = 0; bit && i < AANTAL_REGELS && !c.geen_geheugen; i++) {
		if (!(regels[i].berichten & bit))
			continue;
		c.code = regels[i].code;
		regels[i].check(&c);
	}
	*n = c.n;
	if (c.geen_geheugen)
		return -1;
	return c.gevonden ? 1 : 0;
}

size_t ijw_intern_regels(void)
{
	return AANTAL_REGELS;
}

const char *ijw_intern_regel(size_t i, unsigned *berichten)
{
	if (i >= AANTAL_REGELS)
		return NULL;
	if (berichten)
		*berichten = regels[i].berichten;
	return regels[i].code;
}
