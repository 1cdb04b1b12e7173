/* ijw/uitgaand: building the municipality's 301 and 319, and the rules on
 * what it sends. See uitgaand.h. Two rule tables at the end (in-message,
 * berichtoverstijgend), one row per rule; each check reports through
 * meld(), which stamps the row's code, so a code is spelled once here.
 *
 * A 301 carries one client with a handful of ToegewezenProducten and
 * Contacts, so the duplicate and overlap rules (TR101, TR302) compare
 * pairs.
 */
#include "ijw/uitgaand.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/bsn.h"
#include "ijw/productlijst.h"
#include "ijw/regel.h"

/* ---- building ------------------------------------------------------------ */

__attribute__((format(printf, 3, 4)))
static void zet_fout(struct bericht_fout *fout, const char *plek, const char *fmt, ...)
{
	if (!fout)
		return;
	memset(fout, 0, sizeof *fout);
	snprintf(fout->plek, sizeof fout->plek, "%s", plek);
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(fout->melding, sizeof fout->melding, fmt, ap);
	va_end(ap);
}

/* Copy src (NULL = "") into the fixed field dst; false when it does not fit. */
static bool kopieer(char *dst, size_t len, const char *src, struct bericht_fout *fout,
		    const char *plek)
{
	if (!src)
		src = "";
	size_t n = strlen(src);
	if (n >= len) {
		zet_fout(fout, plek, "%s is te lang (%zu tekens, ten hoogste %zu).", plek, n,
			 len - 1);
		return false;
	}
	memcpy(dst, src, n + 1);
	return true;
}

/* XSD lengths count characters: UTF-8 lead bytes. */
static size_t tekens(const char *s)
{
	size_t n = 0;
	for (; s && *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

/* LDT_Referentie: at most 36 characters. */
static bool referentie(char *dst, size_t len, const char *src, struct bericht_fout *fout,
		       const char *plek)
{
	if (tekens(src) > 36) {
		zet_fout(fout, plek, "%s is te lang (%zu tekens, ten hoogste 36).", plek,
			 tekens(src));
		return false;
	}
	return kopieer(dst, len, src, fout, plek);
}

static bool gevuld(const char *s)
{
	return s && s[0];
}

/* Copy of s in b when filled; *uit NULL when s is NULL or "". False only
 * when memory runs out. */
static bool tekst(struct ijw_bericht *b, char **uit, const char *s, struct bericht_fout *fout)
{
	*uit = NULL;
	if (!gevuld(s))
		return true;
	*uit = bericht_tekst(b, s);
	if (!*uit) {
		zet_fout(fout, "", "Onvoldoende geheugen.");
		return false;
	}
	return true;
}

/* Afzender the gemeente's CBS code, Ontvanger the aanbieder's AGB code, by
 * which the message is routed (OP254); XsdVersie copied from the shipped
 * schemas' appinfo (IV034). */
static bool header(struct ijw_bericht *b, const struct ijw_afzender_ontvanger *ao,
		   dag_t dagtekening, const char *identificatie, struct bericht_fout *fout)
{
	struct ijw_header *h = &b->header;
	if (!kopieer(h->afzender, sizeof h->afzender, ao->gemeente, fout, "Header/Afzender") ||
	    !kopieer(h->ontvanger, sizeof h->ontvanger, ao->agb, fout, "Header/Ontvanger") ||
	    !kopieer(h->berichtidentificatie.identificatie,
		     sizeof h->berichtidentificatie.identificatie, identificatie, fout,
		     "Header/BerichtIdentificatie/Identificatie"))
		return false;
	h->berichtidentificatie.dagtekening = dagtekening;
	snprintf(h->xsd_versie.basisschema_xsd_versie, sizeof h->xsd_versie.basisschema_xsd_versie,
		 "%s", IJW_UITGAAND_XSD_VERSIE);
	snprintf(h->xsd_versie.bericht_xsd_versie, sizeof h->xsd_versie.bericht_xsd_versie, "%s",
		 IJW_UITGAAND_XSD_VERSIE);
	return true;
}

/* Length of the leading lower-case words of achternaam ("van der " in
 * "van der Berg") that fit a Voorvoegsel (10 characters), without the
 * trailing space; 0 when there are none or nothing would remain. */
static size_t voorvoegsel_lengte(const char *achternaam)
{
	size_t eind = 0;   /* end of the last accepted word */
	size_t i = 0;
	for (;;) {
		size_t w = i;
		while (achternaam[w] && achternaam[w] != ' ') {
			unsigned char ch = (unsigned char)achternaam[w];
			if (!islower(ch) && ch != '\'')
				return eind;
			w++;
		}
		if (achternaam[w] != ' ' || w == i || w > 10)
			return eind;   /* the last word is the name itself */
		eind = w;
		i = w + 1;
		while (achternaam[i] == ' ')
			i++;
	}
}

/* Voorletters (LDT_Voorletters: letters, at most 6) from the first letter
 * of each voornaam. Letters outside ASCII are taken whole when they lie in
 * the pattern's range U+00C0..U+1EF3 (two or three UTF-8 bytes). */
static void voorletters(const char *voornamen, char *uit, size_t len)
{
	size_t n = 0, letters = 0;
	const unsigned char *p = (const unsigned char *)voornamen;
	uit[0] = '\0';
	while (*p && letters < 6) {
		while (*p == ' ')
			p++;
		if (!*p)
			break;
		size_t lengte = 0;
		if (isalpha(*p))
			lengte = 1;
		else if (*p >= 0xC3 && *p <= 0xDF && (p[1] & 0xC0) == 0x80)
			lengte = 2;   /* U+00C0..U+07FF */
		else if (*p == 0xE1 && p[1] >= 0xB8 && p[1] <= 0xBB && (p[2] & 0xC0) == 0x80)
			lengte = 3;   /* U+1E00..U+1EFF, Latin Extended Additional */
		if (lengte && n + lengte < len) {
			memcpy(uit + n, p, lengte);
			if (lengte == 1)
				uit[n] = (char)toupper(*p);
			n += lengte;
			uit[n] = '\0';
			letters++;
		}
		while (*p && *p != ' ')
			p++;
	}
}

/* The client's name as CDT_VolledigeNaam (IV007), see ijw_maak_301. */
static bool naam(struct ijw_bericht *b, struct ijw_naam *nm, const struct jeugdige *j,
		 struct bericht_fout *fout)
{
	const char *achternaam = j->achternaam;
	while (*achternaam == ' ')
		achternaam++;
	if (!achternaam[0]) {
		zet_fout(fout, "Client/Naam/Geslachtsnaam/Achternaam",
			 "De achternaam van de jeugdige ontbreekt.");
		return false;
	}
	size_t vv = voorvoegsel_lengte(achternaam);
	char voorvoegsel[16] = "";
	if (vv) {
		memcpy(voorvoegsel, achternaam, vv);
		voorvoegsel[vv] = '\0';
		achternaam += vv;
		while (*achternaam == ' ')
			achternaam++;
	}
	char letters[32];
	voorletters(j->voornamen, letters, sizeof letters);
	char voornamen[NAAM_LEN];
	snprintf(voornamen, sizeof voornamen, "%s", j->voornamen);
	for (size_t n = strlen(voornamen); n > 0 && voornamen[n - 1] == ' '; n--)
		voornamen[n - 1] = '\0';
	const char *vn = voornamen;
	while (*vn == ' ')
		vn++;
	snprintf(nm->naam_gebruik, sizeof nm->naam_gebruik, "1");
	return tekst(b, &nm->geslachtsnaam.achternaam, achternaam, fout) &&
	       tekst(b, &nm->geslachtsnaam.voorvoegsel, voorvoegsel, fout) &&
	       tekst(b, &nm->voornamen, vn, fout) && tekst(b, &nm->voorletters, letters, fout);
}

/* One Contact, always with the Soort of its address (OP091). */
static bool contact(struct ijw_bericht *b, struct ijw_contact *c, const struct ijw_client_adres *a,
		    struct bericht_fout *fout)
{
	if (!kopieer(c->soort, sizeof c->soort, a->soort, fout, "Contact/Soort"))
		return false;
	bool heeft_huis = a->huisnummer != IJW_GEEN;
	if (heeft_huis || gevuld(a->postcode) || gevuld(a->straatnaam) || gevuld(a->plaatsnaam) ||
	    gevuld(a->land_code)) {
		c->adres = bericht_klassen(b, IJW_K_ADRES, 1);
		if (!c->adres)
			goto geheugen;
		if (heeft_huis) {
			c->adres->huis = bericht_klassen(b, IJW_K_HUIS, 1);
			if (!c->adres->huis)
				goto geheugen;
			c->adres->huis->huisnummer = a->huisnummer;
			if (!tekst(b, &c->adres->huis->huisletter, a->huisletter, fout) ||
			    !tekst(b, &c->adres->huis->huisnummer_toevoeging,
				   a->huisnummer_toevoeging, fout))
				return false;
		}
		if (!tekst(b, &c->adres->postcode, a->postcode, fout) ||
		    !tekst(b, &c->adres->straatnaam, a->straatnaam, fout) ||
		    !tekst(b, &c->adres->plaatsnaam, a->plaatsnaam, fout) ||
		    !kopieer(c->adres->land_code, sizeof c->adres->land_code, a->land_code, fout,
			     "Contact/Adres/LandCode"))
			return false;
	}
	if (gevuld(a->telefoonnummer)) {
		if (!gevuld(a->landnummer)) {
			zet_fout(fout, "Contact/Telefoon/Telefoon01/Landnummer",
				 "Het landnummer van het telefoonnummer ontbreekt (0031 voor "
				 "Nederland).");
			return false;
		}
		c->telefoon = bericht_klassen(b, IJW_K_TELEFOONNUMMERS, 1);
		if (!c->telefoon)
			goto geheugen;
		if (!tekst(b, &c->telefoon->telefoon01.telefoonnummer, a->telefoonnummer, fout) ||
		    !tekst(b, &c->telefoon->telefoon01.landnummer, a->landnummer, fout))
			return false;
	}
	return true;
geheugen:
	zet_fout(fout, "", "Onvoldoende geheugen.");
	return false;
}

static bool toegewezen_product(struct ijw_bericht *b, struct ijw_toegewezen_product *tp,
			       const struct toewijzing *t, const struct ijw_301_product *p,
			       struct bericht_fout *fout)
{
	static const char plek[] = "Client/ToegewezenProducten/ToegewezenProduct";
	/* No Commentaar: everything the aanbieder needs is in coded elements
	 * (OP191). ReferentieAanbieder only when the caller honours a verzoek
	 * with this toewijzing (IV097, checked by TR379). */
	tp->toewijzing_nummer = t->nummer;
	if (!gevuld(p->toewijzingstijd)) {
		zet_fout(fout, plek, "Toewijzingstijd ontbreekt bij toewijzing %lld.",
			 (long long)t->nummer);
		return false;
	}
	if (!referentie(tp->referentie_aanbieder, sizeof tp->referentie_aanbieder,
			p->referentie_aanbieder, fout, "ToegewezenProduct/ReferentieAanbieder") ||
	    !kopieer(tp->toewijzingstijd, sizeof tp->toewijzingstijd, p->toewijzingstijd, fout,
		     "ToegewezenProduct/Toewijzingstijd") ||
	    !kopieer(tp->reden_wijziging, sizeof tp->reden_wijziging, t->reden_wijziging, fout,
		     "ToegewezenProduct/RedenWijziging"))
		return false;
	if (t->categorie[0]) {
		tp->product = bericht_klassen(b, IJW_K_PRODUCT, 1);
		if (!tp->product)
			goto geheugen;
		snprintf(tp->product->categorie, sizeof tp->product->categorie, "%s", t->categorie);
		snprintf(tp->product->code, sizeof tp->product->code, "%s", t->productcode);
	}
	tp->toewijzingsdatum = t->toewijzingsdatum;
	tp->ingangsdatum = t->ingangsdatum;
	tp->einddatum = t->einddatum;
	/* Amounts in eurocents as the model keeps them (IV024): the Budget,
	 * and the Volume when Eenheid is 83 (IV042). */
	if (t->eenheid[0]) {
		tp->omvang = bericht_klassen(b, IJW_K_OMVANG, 1);
		if (!tp->omvang)
			goto geheugen;
		tp->omvang->volume = t->volume;
		snprintf(tp->omvang->eenheid, sizeof tp->omvang->eenheid, "%s", t->eenheid);
		snprintf(tp->omvang->frequentie, sizeof tp->omvang->frequentie, "%s", t->frequentie);
	} else if (t->budget > 0) {
		tp->budget = t->budget;
	}
	return true;
geheugen:
	zet_fout(fout, "", "Onvoldoende geheugen.");
	return false;
}

struct ijw_bericht *ijw_maak_301(const struct ijw_afzender_ontvanger *ao,
				 const struct jeugdige *j, const struct toewijzing *t,
				 const struct ijw_301_product *p, size_t n,
				 const struct ijw_client_adres *adres, size_t n_adres,
				 dag_t dagtekening, const char *identificatie,
				 struct bericht_fout *fout)
{
	if (n == 0 || !t || !p) {
		zet_fout(fout, "Client/ToegewezenProducten",
			 "Een toewijzingsbericht heeft ten minste één toewijzing nodig.");
		return NULL;
	}
	if (n_adres == 0 || !adres) {
		zet_fout(fout, "Client/Contactgegevens",
			 "Een toewijzingsbericht heeft ten minste één adres van de cliënt nodig.");
		return NULL;
	}
	struct ijw_bericht *b = bericht_nieuw(IJW_JW301);
	if (!b) {
		zet_fout(fout, "", "Onvoldoende geheugen.");
		return NULL;
	}
	if (!header(b, ao, dagtekening, identificatie, fout))
		goto fout;
	struct ijw_client_toewijzing *c = bericht_klassen(b, IJW_K_CLIENT_TOEWIJZING, 1);
	struct ijw_contact *contacten = bericht_klassen(b, IJW_K_CONTACT, n_adres);
	struct ijw_toegewezen_product *tp = bericht_klassen(b, IJW_K_TOEGEWEZEN_PRODUCT, n);
	if (!c || !contacten || !tp) {
		zet_fout(fout, "", "Onvoldoende geheugen.");
		goto fout;
	}
	b->toewijzing = c;
	/* The client by Bsn (OP079). */
	if (!kopieer(c->bsn, sizeof c->bsn, j->bsn, fout, "Client/Bsn"))
		goto fout;
	/* The register keeps a birth date whole or not at all: unknown is
	 * 01-01-1900 with DatumGebruik 3, saying no part is reliable (IV009,
	 * OP252). */
	if (j->geboortedatum == DAG_GEEN) {
		c->geboortedatum.datum = datum_van(1900, 1, 1);
		snprintf(c->geboortedatum.datum_gebruik, sizeof c->geboortedatum.datum_gebruik, "3");
	} else {
		c->geboortedatum.datum = j->geboortedatum;
	}
	if (j->geslacht < 0 || j->geslacht > 2) {
		zet_fout(fout, "Client/Geslacht", "Geslacht %d is geen COD046-waarde (0, 1 of 2).",
			 j->geslacht);
		goto fout;
	}
	snprintf(c->geslacht, sizeof c->geslacht, "%d", j->geslacht);
	if (!naam(b, &c->naam, j, fout))
		goto fout;
	for (size_t i = 0; i < n_adres; i++)
		if (!contact(b, &contacten[i], &adres[i], fout))
			goto fout;
	c->contactgegevens = contacten;
	c->n_contactgegevens = n_adres;
	for (size_t i = 0; i < n; i++)
		if (!toegewezen_product(b, &tp[i], &t[i], &p[i], fout))
			goto fout;
	c->toegewezen_producten = tp;
	c->n_toegewezen_producten = n;
	return b;
fout:
	bericht_vrij(b);
	return NULL;
}

struct ijw_bericht *ijw_maak_319(const struct ijw_afzender_ontvanger *ao,
				 const char *referentie_aanbieder,
				 enum ijw_verzoek_antwoord antwoord, const char *reden,
				 const char *woonplaats_gemeente, dag_t dagtekening,
				 const char *identificatie, struct bericht_fout *fout)
{
	struct ijw_bericht *b = bericht_nieuw(IJW_JW319);
	if (!b) {
		zet_fout(fout, "", "Onvoldoende geheugen.");
		return NULL;
	}
	if (!header(b, ao, dagtekening, identificatie, fout))
		goto fout;
	struct ijw_antwoord *a = bericht_klassen(b, IJW_K_ANTWOORD, 1);
	if (!a) {
		zet_fout(fout, "", "Onvoldoende geheugen.");
		goto fout;
	}
	b->antwoord = a;
	if (!referentie(a->referentie_aanbieder, sizeof a->referentie_aanbieder,
			referentie_aanbieder, fout, "Antwoord/ReferentieAanbieder") ||
	    !kopieer(a->reden_afwijzing_verzoek, sizeof a->reden_afwijzing_verzoek, reden, fout,
		     "Antwoord/RedenAfwijzingVerzoek"))
		goto fout;
	switch (antwoord) {
	case IJW_VERZOEK_AFGEWEZEN:
		snprintf(a->verzoek_antwoord, sizeof a->verzoek_antwoord, "1");
		break;
	case IJW_VERZOEK_IN_ONDERZOEK:
		snprintf(a->verzoek_antwoord, sizeof a->verzoek_antwoord, "2");
		break;
	}
	/* Reden 8: the gemeente that is responsible by the woonplaatsbeginsel
	 * (IV095; TR377/TR409 check the pair). */
	if (gevuld(woonplaats_gemeente)) {
		a->woonplaatsbeginsel = bericht_klassen(b, IJW_K_WOONPLAATSBEGINSEL, 1);
		if (!a->woonplaatsbeginsel) {
			zet_fout(fout, "", "Onvoldoende geheugen.");
			goto fout;
		}
		if (!kopieer(a->woonplaatsbeginsel->gemeente, sizeof a->woonplaatsbeginsel->gemeente,
			     woonplaats_gemeente, fout, "Antwoord/Woonplaatsbeginsel/Gemeente"))
			goto fout;
	}
	return b;
fout:
	bericht_vrij(b);
	return NULL;
}

/* ---- checking: shared ------------------------------------------------------ */

struct ctx {
	const struct ijw_bericht *b;
	const struct ijw_uitgaand_kennis *k;   /* NULL for the in-message rules */
	const char *code;
	struct ijw_bevinding *uit;
	size_t max, n;
	bool gevonden;
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

#define CLIENT "/Bericht/Client"

/* Path of class i of n in CLIENT/container/naam, [i+1] when n > 1. */
static void pad_van(char *uit, size_t len, const char *container, const char *naam, size_t i,
		    size_t n)
{
	if (n > 1)
		snprintf(uit, len, CLIENT "/%s/%s[%zu]", container, naam, i + 1);
	else
		snprintf(uit, len, CLIENT "/%s/%s", container, naam);
}

static const struct ijw_client_toewijzing *client(const struct ijw_bericht *b)
{
	return b->soort == IJW_JW301 ? b->toewijzing : NULL;
}

static const struct ijw_antwoord *antwoord(const struct ijw_bericht *b)
{
	return b->soort == IJW_JW319 ? b->antwoord : NULL;
}

static dag_t dagtekening(const struct ijw_bericht *b)
{
	return b->header.berichtidentificatie.dagtekening;
}

static bool is(const char *s, const char *waarde)
{
	return strcmp(s, waarde) == 0;
}

/* Calls f for every ToegewezenProduct with its path. */
typedef void product_check(struct ctx *c, const struct ijw_toegewezen_product *p,
			   const char *pad);

static void per_product(struct ctx *c, product_check *f)
{
	const struct ijw_client_toewijzing *cl = client(c->b);
	char pad[IJW_PAD_LEN];
	for (size_t i = 0; cl && i < cl->n_toegewezen_producten; i++) {
		pad_van(pad, sizeof pad, "ToegewezenProducten", "ToegewezenProduct", i,
			cl->n_toegewezen_producten);
		f(c, &cl->toegewezen_producten[i], pad);
	}
}

typedef void contact_check(struct ctx *c, const struct ijw_contact *ct, const char *pad);

static void per_contact(struct ctx *c, contact_check *f)
{
	const struct ijw_client_toewijzing *cl = client(c->b);
	char pad[IJW_PAD_LEN];
	for (size_t i = 0; cl && i < cl->n_contactgegevens; i++) {
		pad_van(pad, sizeof pad, "Contactgegevens", "Contact", i, cl->n_contactgegevens);
		f(c, &cl->contactgegevens[i], pad);
	}
}

/* The client's and each Relatie's Geboortedatum and Naam, with paths. */
typedef void persoon_check(struct ctx *c, const struct ijw_geboortedatum *g,
			   const struct ijw_naam *nm, const char *pad);

static void per_persoon(struct ctx *c, persoon_check *f)
{
	const struct ijw_client_toewijzing *cl = client(c->b);
	char pad[IJW_PAD_LEN];
	if (!cl)
		return;
	f(c, &cl->geboortedatum, &cl->naam, CLIENT);
	for (size_t i = 0; i < cl->n_relaties; i++) {
		pad_van(pad, sizeof pad, "Relaties", "Relatie", i, cl->n_relaties);
		f(c, cl->relaties[i].geboortedatum, &cl->relaties[i].naam, pad);
	}
}

/* ---- 301: client, relaties ---------------------------------------------- */

static void cs002(struct ctx *c)
{
	const struct ijw_client_toewijzing *cl = client(c->b);
	/* The value is not quoted: a melding may end up where a BSN must not. */
	if (cl && !bsn_geldig(cl->bsn))
		meld(c, CLIENT, "Bsn",
		     "Bsn voldoet niet aan de 11-proef; controleer het burgerservicenummer.");
}

static bool geboortedatum_onbekend(const struct ijw_geboortedatum *g)
{
	return is(g->datum_gebruik, "3") && g->datum == datum_van(1900, 1, 1);
}

static void tr002_een(struct ctx *c, const struct ijw_geboortedatum *g,
		      const struct ijw_naam *nm, const char *pad)
{
	(void)nm;
	dag_t dag = dagtekening(c->b);
	char b1[11], b2[11], p[IJW_PAD_LEN];
	if (!g || g->datum == DAG_GEEN || dag == DAG_GEEN || geboortedatum_onbekend(g))
		return;
	snprintf(p, sizeof p, "%s/Geboortedatum", pad);
	if (g->datum < datum_plus_maanden(dag, -120 * 12))
		meld(c, p, "Datum",
		     "Geboortedatum %s ligt meer dan 120 jaar voor de dagtekening %s; vul de "
		     "juiste datum, of 01-01-1900 met DatumGebruik 3 als zij onbekend is.",
		     datum_fmt(g->datum, b1), datum_fmt(dag, b2));
}

static void tr002(struct ctx *c)
{
	per_persoon(c, tr002_een);
}

static void cs139_een(struct ctx *c, const struct ijw_geboortedatum *g,
		      const struct ijw_naam *nm, const char *pad)
{
	(void)nm;
	int j, m, d;
	char b1[11], p[IJW_PAD_LEN];
	if (!g || g->datum == DAG_GEEN || !g->datum_gebruik[0])
		return;
	datum_delen(g->datum, &j, &m, &d);
	const char *eis = NULL;
	if (is(g->datum_gebruik, "1") && d != 1)
		eis = "bij DatumGebruik 1 (dag onbekend) hoort dag 01: 01-MM-EEJJ";
	else if (is(g->datum_gebruik, "2") && (d != 1 || m != 1))
		eis = "bij DatumGebruik 2 (dag en maand onbekend) hoort 01-01-EEJJ";
	else if (is(g->datum_gebruik, "3") && g->datum != datum_van(1900, 1, 1))
		eis = "bij DatumGebruik 3 (datum onbekend) hoort 01-01-1900";
	snprintf(p, sizeof p, "%s/Geboortedatum", pad);
	if (eis)
		meld(c, p, "DatumGebruik", "Geboortedatum %s past niet bij DatumGebruik %s: %s.",
		     datum_fmt(g->datum, b1), g->datum_gebruik, eis);
}

static void cs139(struct ctx *c)
{
	per_persoon(c, cs139_een);
}

static void cs050_een(struct ctx *c, const struct ijw_geboortedatum *g,
		      const struct ijw_naam *nm, const char *pad)
{
	(void)g;
	char p[IJW_PAD_LEN];
	const char *ng = nm->naam_gebruik;
	snprintf(p, sizeof p, "%s/Naam", pad);
	if (nm->partnernaam && !is(ng, "1") && !is(ng, "2") && !is(ng, "3") && !is(ng, "4"))
		meld(c, p, "NaamGebruik",
		     "NaamGebruik %s past niet bij een gevulde Partnernaam; vul 1, 2, 3 of 4.", ng);
	else if (!nm->partnernaam && !is(ng, "1") && !is(ng, "6"))
		meld(c, p, "NaamGebruik",
		     "NaamGebruik %s vraagt een Partnernaam; zonder partnernaam vul 1 (eigen naam) "
		     "of 6 (niet-natuurlijk persoon).", ng);
}

static void cs050(struct ctx *c)
{
	per_persoon(c, cs050_een);
}

static void cs318(struct ctx *c)
{
	const struct ijw_client_toewijzing *cl = client(c->b);
	if (cl && is(cl->naam.naam_gebruik, "6"))
		meld(c, CLIENT "/Naam", "NaamGebruik",
		     "NaamGebruik 6 (niet-natuurlijk persoon) kan niet voor een cliënt; vul 1 (eigen "
		     "naam) of, met partnernaam, 2, 3 of 4.");
}

static void cd007(struct ctx *c)
{
	const struct ijw_client_toewijzing *cl = client(c->b);
	if (!cl || !cl->communicatie)
		return;
	bool tolk = is(cl->communicatie->vorm, "1");
	if (tolk && !cl->communicatie->taal)
		meld(c, CLIENT "/Communicatie", "Taal",
		     "Taal ontbreekt terwijl Vorm 1 (tolk taal) is; vul de taal.");
	else if (!tolk && cl->communicatie->taal)
		meld(c, CLIENT "/Communicatie", "Taal",
		     "Taal is gevuld terwijl Vorm %s geen tolk taal is; laat Taal leeg.",
		     cl->communicatie->vorm);
}

/* TR134: dates not after the dagtekening (Geboortedatum, Toewijzingsdatum). */
static void tr134_datum(struct ctx *c, const char *klasse, const char *element, dag_t d)
{
	dag_t dag = dagtekening(c->b);
	char b1[11], b2[11];
	if (d != DAG_GEEN && dag != DAG_GEEN && d > dag)
		meld(c, klasse, element,
		     "%s %s ligt na de dagtekening %s van het bericht; vul een datum op of voor de "
		     "dagtekening.", element, datum_fmt(d, b1), datum_fmt(dag, b2));
}

static void tr134_persoon(struct ctx *c, const struct ijw_geboortedatum *g,
			  const struct ijw_naam *nm, const char *pad)
{
	(void)nm;
	char p[IJW_PAD_LEN];
	snprintf(p, sizeof p, "%s/Geboortedatum", pad);
	if (g)
		tr134_datum(c, p, "Datum", g->datum);
}

static void tr134_product(struct ctx *c, const struct ijw_toegewezen_product *p, const char *pad)
{
	tr134_datum(c, pad, "Toewijzingsdatum", p->toewijzingsdatum);
}

static void tr134(struct ctx *c)
{
	per_persoon(c, tr134_persoon);
	per_product(c, tr134_product);
}

/* TR101 on a 301: Contact by Soort, Relatie by Nummer, ToegewezenProduct
 * by ToewijzingNummer (the logical keys, STRUCTURE.md). */
static void tr101(struct ctx *c)
{
	const struct ijw_client_toewijzing *cl = client(c->b);
	char pad[IJW_PAD_LEN];
	if (!cl)
		return;
	for (size_t j = 0; j < cl->n_contactgegevens; j++)
		for (size_t i = 0; i < j; i++)
			if (is(cl->contactgegevens[i].soort, cl->contactgegevens[j].soort)) {
				pad_van(pad, sizeof pad, "Contactgegevens", "Contact", j,
					cl->n_contactgegevens);
				meld(c, pad, "Soort",
				     "Er is al een Contact met Soort %s; geef per soort adres één "
				     "contact.", cl->contactgegevens[j].soort);
				break;
			}
	for (size_t j = 0; j < cl->n_relaties; j++)
		for (size_t i = 0; i < j; i++)
			if (is(cl->relaties[i].nummer, cl->relaties[j].nummer)) {
				pad_van(pad, sizeof pad, "Relaties", "Relatie", j, cl->n_relaties);
				meld(c, pad, "Nummer",
				     "Er is al een Relatie met Nummer %s; geef elke relatie een eigen "
				     "nummer.", cl->relaties[j].nummer);
				break;
			}
	for (size_t j = 0; j < cl->n_toegewezen_producten; j++)
		for (size_t i = 0; i < j; i++)
			if (cl->toegewezen_producten[i].toewijzing_nummer ==
			    cl->toegewezen_producten[j].toewijzing_nummer) {
				pad_van(pad, sizeof pad, "ToegewezenProducten", "ToegewezenProduct",
					j, cl->n_toegewezen_producten);
				meld(c, pad, "ToewijzingNummer",
				     "ToewijzingNummer %lld staat al eerder in dit bericht; neem elke "
				     "toewijzing één keer op.",
				     (long long)cl->toegewezen_producten[j].toewijzing_nummer);
				break;
			}
}

/* ---- 301: contactgegevens ------------------------------------------------- */

static bool nl(const struct ijw_adres *a)
{
	return a && is(a->land_code, "NL");
}

static void cd005_een(struct ctx *c, const struct ijw_contact *ct, const char *pad)
{
	const struct ijw_adres *a = ct->adres;
	char p[IJW_PAD_LEN];
	if (!a)
		return;
	snprintf(p, sizeof p, "%s/Adres", pad);
	if (a->postcode && !a->land_code[0])
		meld(c, p, "LandCode", "LandCode ontbreekt terwijl Postcode gevuld is; vul de "
		     "landcode (NL voor Nederland).");
	else if (!a->postcode && a->land_code[0])
		meld(c, p, "LandCode", "LandCode %s is gevuld zonder Postcode; laat LandCode leeg "
		     "of vul de postcode.", a->land_code);
}

static void cd005(struct ctx *c)
{
	per_contact(c, cd005_een);
}

static void cd009_een(struct ctx *c, const struct ijw_contact *ct, const char *pad)
{
	if (ct->periode && !is(ct->soort, "04"))
		meld(c, pad, "Periode",
		     "Periode is gevuld bij Soort %s; alleen een tijdelijk adres (04) heeft een "
		     "periode.", ct->soort);
}

static void cd009(struct ctx *c)
{
	per_contact(c, cd009_een);
}

static void cd025_een(struct ctx *c, const struct ijw_contact *ct, const char *pad)
{
	char p[IJW_PAD_LEN];
	snprintf(p, sizeof p, "%s/Adres", pad);
	if (nl(ct->adres) && !ct->adres->huis)
		meld(c, p, "Huis", "Huis (huisnummer) ontbreekt bij een Nederlands adres; vul het "
		     "huisnummer.");
}

static void cd025(struct ctx *c)
{
	per_contact(c, cd025_een);
}

static void cd034_een(struct ctx *c, const struct ijw_contact *ct, const char *pad)
{
	char p[IJW_PAD_LEN];
	snprintf(p, sizeof p, "%s/Adres", pad);
	if ((is(ct->soort, "01") || is(ct->soort, "03")) && (!ct->adres || !ct->adres->postcode))
		meld(c, p, "Postcode",
		     "Postcode ontbreekt bij Soort %s (BRP- of verblijfadres); vul de postcode.",
		     ct->soort);
}

static void cd034(struct ctx *c)
{
	per_contact(c, cd034_een);
}

/* CS089: [1-9][0-9]{3}[a-zA-Z]{2}. */
static bool nl_postcode(const char *s)
{
	if (strlen(s) != 6 || s[0] < '1' || s[0] > '9')
		return false;
	for (int i = 1; i < 4; i++)
		if (!isdigit((unsigned char)s[i]))
			return false;
	return isalpha((unsigned char)s[4]) && isalpha((unsigned char)s[5]);
}

static void cs089_een(struct ctx *c, const struct ijw_contact *ct, const char *pad)
{
	char p[IJW_PAD_LEN];
	snprintf(p, sizeof p, "%s/Adres", pad);
	if (nl(ct->adres) && ct->adres->postcode && !nl_postcode(ct->adres->postcode))
		meld(c, p, "Postcode",
		     "Postcode %s is geen Nederlandse postcode; vul vier cijfers en twee letters "
		     "zonder spatie (2311AB).", ct->adres->postcode);
}

static void cs089(struct ctx *c)
{
	per_contact(c, cs089_een);
}

static void cs003_contact(struct ctx *c, const struct ijw_contact *ct, const char *pad)
{
	char b1[11], b2[11], p[IJW_PAD_LEN];
	const struct ijw_periode *pe = ct->periode;
	snprintf(p, sizeof p, "%s/Periode", pad);
	if (pe && pe->einddatum != DAG_GEEN && pe->begindatum != DAG_GEEN &&
	    pe->einddatum < pe->begindatum)
		meld(c, p, "Einddatum",
		     "Einddatum %s ligt voor Begindatum %s; de einddatum moet op of na de "
		     "begindatum liggen.", datum_fmt(pe->einddatum, b1),
		     datum_fmt(pe->begindatum, b2));
}

static void cs003_product(struct ctx *c, const struct ijw_toegewezen_product *p, const char *pad)
{
	char b1[11], b2[11];
	if (p->einddatum != DAG_GEEN && p->ingangsdatum != DAG_GEEN &&
	    p->einddatum < p->ingangsdatum)
		meld(c, pad, "Einddatum",
		     "Einddatum %s ligt voor Ingangsdatum %s; de einddatum moet op of na de "
		     "ingangsdatum liggen.", datum_fmt(p->einddatum, b1),
		     datum_fmt(p->ingangsdatum, b2));
}

static void cs003(struct ctx *c)
{
	per_contact(c, cs003_contact);
	per_product(c, cs003_product);
}

static void tr006_een(struct ctx *c, const struct ijw_contact *ct, const char *pad)
{
	bool huis_postcode = ct->adres && ct->adres->huis && ct->adres->postcode;
	if (!ct->telefoon && !huis_postcode)
		meld(c, pad, NULL,
		     "Contact heeft geen Telefoon en geen Huis met Postcode; vul een telefoonnummer "
		     "of huisnummer en postcode.");
}

static void tr006(struct ctx *c)
{
	per_contact(c, tr006_een);
}

static void tr061(struct ctx *c)
{
	const struct ijw_client_toewijzing *cl = client(c->b);
	if (!cl)
		return;
	for (size_t i = 0; i < cl->n_contactgegevens; i++) {
		const struct ijw_contact *ct = &cl->contactgegevens[i];
		if (ct->adres && (is(ct->soort, "01") || is(ct->soort, "02") || is(ct->soort, "03")))
			return;
	}
	meld(c, CLIENT, "Contactgegevens",
	     "De cliënt heeft geen adres met Soort 01 (BRP), 02 (correspondentie) of 03 "
	     "(verblijf); neem ten minste één zo'n adres op.");
}

/* ---- 301: toegewezen producten -------------------------------------------- */

static bool code_gevuld(const struct ijw_toegewezen_product *p)
{
	return p->product && p->product->code[0];
}

/* "Einddatum groter dan 31-12-2020 of leeg" (CD080, CS338). */
static bool eind_na_2020(const struct ijw_toegewezen_product *p)
{
	return p->einddatum == DAG_GEEN || p->einddatum > datum_van(2020, 12, 31);
}

static void cd041_een(struct ctx *c, const struct ijw_toegewezen_product *p, const char *pad)
{
	if (code_gevuld(p) && !p->omvang)
		meld(c, pad, "Omvang",
		     "Omvang ontbreekt terwijl Product/Code %s gevuld is; vul Omvang (Volume, "
		     "Eenheid, Frequentie).", p->product->code);
}

static void cd041(struct ctx *c)
{
	per_product(c, cd041_een);
}

static void cd075_een(struct ctx *c, const struct ijw_toegewezen_product *p, const char *pad)
{
	if (p->budget != IJW_GEEN && p->einddatum == DAG_GEEN)
		meld(c, pad, "Einddatum",
		     "Einddatum ontbreekt terwijl Budget gevuld is; een budget vraagt een einddatum.");
}

static void cd075(struct ctx *c)
{
	per_product(c, cd075_een);
}

static void cd076_een(struct ctx *c, const struct ijw_toegewezen_product *p, const char *pad)
{
	if (p->omvang && is(p->omvang->frequentie, "2") && p->einddatum == DAG_GEEN)
		meld(c, pad, "Einddatum",
		     "Einddatum ontbreekt terwijl Omvang/Frequentie 2 (per week) is; vul de "
		     "einddatum.");
}

static void cd076(struct ctx *c)
{
	per_product(c, cd076_een);
}

static void cd077_een(struct ctx *c, const struct ijw_toegewezen_product *p, const char *pad)
{
	if (p->budget != IJW_GEEN && p->omvang)
		meld(c, pad, "Omvang",
		     "Omvang is gevuld terwijl Budget gevuld is; wijs een omvang of een budget toe, "
		     "niet beide.");
}

static void cd077(struct ctx *c)
{
	per_product(c, cd077_een);
}

static void cd078_een(struct ctx *c, const struct ijw_toegewezen_product *p, const char *pad)
{
	if (p->omvang && p->budget != IJW_GEEN)
		meld(c, pad, "Budget",
		     "Budget is gevuld terwijl Omvang gevuld is; wijs een omvang of een budget toe, "
		     "niet beide.");
}

static void cd078(struct ctx *c)
{
	per_product(c, cd078_een);
}

static void cd079_een(struct ctx *c, const struct ijw_toegewezen_product *p, const char *pad)
{
	if (p->budget == IJW_GEEN && !p->product)
		meld(c, pad, "Product",
		     "Product ontbreekt terwijl Budget leeg is; vul Product (Categorie en zo nodig "
		     "Code) of wijs een budget toe.");
}

static void cd079(struct ctx *c)
{
	per_product(c, cd079_een);
}

static void cd080_een(struct ctx *c, const struct ijw_toegewezen_product *p, const char *pad)
{
	if (!code_gevuld(p) && eind_na_2020(p) && p->omvang)
		meld(c, pad, "Omvang",
		     "Omvang is gevuld zonder Product/Code (bij een Einddatum na 31-12-2020 of "
		     "leeg); laat Omvang leeg of vul de productcode.");
}

static void cd080(struct ctx *c)
{
	per_product(c, cd080_een);
}

static void cs335_een(struct ctx *c, const struct ijw_toegewezen_product *p, const char *pad)
{
	char b1[11], b2[11];
	if (is(p->reden_wijziging, "13") && p->einddatum != p->ingangsdatum)
		meld(c, pad, "RedenWijziging",
		     "RedenWijziging 13 (verwijderd) met Einddatum %s ongelijk aan Ingangsdatum %s; "
		     "een verwijdering zet de einddatum gelijk aan de ingangsdatum.",
		     p->einddatum == DAG_GEEN ? "(leeg)" : datum_fmt(p->einddatum, b1),
		     datum_fmt(p->ingangsdatum, b2));
}

static void cs335(struct ctx *c)
{
	per_product(c, cs335_een);
}

static void cs336_een(struct ctx *c, const struct ijw_toegewezen_product *p, const char *pad)
{
	if (is(p->reden_wijziging, "01"))
		meld(c, pad, "RedenWijziging",
		     "RedenWijziging 01 (administratieve correctie, vervallen) mag niet meer; "
		     "gebruik 14 (administratieve correctie).");
}

static void cs336(struct ctx *c)
{
	per_product(c, cs336_een);
}

static void cs338_een(struct ctx *c, const struct ijw_toegewezen_product *p, const char *pad)
{
	const struct ijw_omvang *o = p->omvang;
	if (!o || !eind_na_2020(p))
		return;
	bool geldt = is(o->eenheid, "14") || is(o->eenheid, "16") || is(o->eenheid, "83") ||
		     is(o->eenheid, "84");
	const char *f = o->frequentie;
	if (geldt && !is(f, "2") && !is(f, "4") && !is(f, "6"))
		meld(c, pad, "Omvang/Frequentie",
		     "Frequentie %s past niet bij Eenheid %s; vul 2 (per week), 4 (per maand) of 6 "
		     "(totaal binnen geldigheidsduur toewijzing).", f, o->eenheid);
}

static void cs338(struct ctx *c)
{
	per_product(c, cs338_een);
}

/* TR302 (OP259): no stacking. A verwijderde toewijzing (Einddatum = Ingangsdatum,
 * reden 13 or the vervallen 01) is no current toewijzing and takes no part.
 * Without Code the category decides; without Product a toewijzing overlaps
 * with any other. Einddatum is inclusive. */
static bool verwijderd(const struct ijw_toegewezen_product *p)
{
	return p->einddatum == p->ingangsdatum &&
	       (is(p->reden_wijziging, "13") || is(p->reden_wijziging, "01"));
}

static bool zelfde_product(const struct ijw_product *p, const struct ijw_product *q)
{
	if (!p || !q)
		return true;
	if (!is(p->categorie, q->categorie))
		return false;
	return !p->code[0] || !q->code[0] || is(p->code, q->code);
}

static bool overlapt(const struct ijw_toegewezen_product *a, const struct ijw_toegewezen_product *b)
{
	bool a_voor_b = a->einddatum != DAG_GEEN && a->einddatum < b->ingangsdatum;
	bool b_voor_a = b->einddatum != DAG_GEEN && b->einddatum < a->ingangsdatum;
	return !a_voor_b && !b_voor_a;
}

static void tr302(struct ctx *c)
{
	const struct ijw_client_toewijzing *cl = client(c->b);
	char pad[IJW_PAD_LEN];
	for (size_t j = 0; cl && j < cl->n_toegewezen_producten; j++) {
		const struct ijw_toegewezen_product *b = &cl->toegewezen_producten[j];
		if (verwijderd(b))
			continue;
		for (size_t i = 0; i < j; i++) {
			const struct ijw_toegewezen_product *a = &cl->toegewezen_producten[i];
			if (verwijderd(a) || !zelfde_product(a->product, b->product) || !overlapt(a, b))
				continue;
			pad_van(pad, sizeof pad, "ToegewezenProducten", "ToegewezenProduct", j,
				cl->n_toegewezen_producten);
			meld(c, pad, NULL,
			     "Toewijzing %lld overlapt in periode met toewijzing %lld voor hetzelfde "
			     "product (of dezelfde categorie); gestapeld toewijzen mag niet: beëindig "
			     "de ene voor de andere ingaat.",
			     (long long)b->toewijzing_nummer, (long long)a->toewijzing_nummer);
			break;
		}
	}
}

/* ---- 319 -------------------------------------------------------------------- */

#define ANTWOORD "/Bericht/Antwoord"

static void cd085(struct ctx *c)
{
	const struct ijw_antwoord *a = antwoord(c->b);
	if (a && is(a->verzoek_antwoord, "1") && !a->reden_afwijzing_verzoek[0])
		meld(c, ANTWOORD, "RedenAfwijzingVerzoek",
		     "RedenAfwijzingVerzoek ontbreekt bij VerzoekAntwoord 1 (afgewezen); vul de "
		     "reden van afwijzing.");
}

static void cd086(struct ctx *c)
{
	const struct ijw_antwoord *a = antwoord(c->b);
	if (a && is(a->verzoek_antwoord, "2") && a->reden_afwijzing_verzoek[0])
		meld(c, ANTWOORD, "RedenAfwijzingVerzoek",
		     "RedenAfwijzingVerzoek %s is gevuld bij VerzoekAntwoord 2 (in onderzoek); laat "
		     "de reden leeg tot het verzoek is afgewezen.", a->reden_afwijzing_verzoek);
}

static void tr377(struct ctx *c)
{
	const struct ijw_antwoord *a = antwoord(c->b);
	if (a && is(a->reden_afwijzing_verzoek, "8") && !a->woonplaatsbeginsel)
		meld(c, ANTWOORD, "Woonplaatsbeginsel",
		     "Woonplaatsbeginsel ontbreekt bij RedenAfwijzingVerzoek 8 (woonplaatsbeginsel); "
		     "noem in Woonplaatsbeginsel/Gemeente de gemeente die verantwoordelijk is.");
}

static void tr409(struct ctx *c)
{
	const struct ijw_antwoord *a = antwoord(c->b);
	if (a && !is(a->reden_afwijzing_verzoek, "8") && a->woonplaatsbeginsel)
		meld(c, ANTWOORD, "Woonplaatsbeginsel",
		     "Woonplaatsbeginsel is gevuld terwijl RedenAfwijzingVerzoek niet 8 "
		     "(woonplaatsbeginsel) is; laat Woonplaatsbeginsel weg.");
}

/* ---- 325 ------------------------------------------------------------------------- */

#define ANTWOORD_325 "/Bericht/DeclaratieAntwoord"

typedef void prestatie_check(struct ctx *c, const struct ijw_prestatie *p, const char *pad);

/* Every Prestatie of a 325 with its path ([n] only where siblings share
 * a name). */
static void per_prestatie(struct ctx *c, prestatie_check *f)
{
	const struct ijw_declaratie *d = c->b->declaratie;
	for (size_t i = 0; d && i < d->n_clienten; i++) {
		const struct ijw_declaratie_client *cl = &d->clienten[i];
		char cpad[IJW_PAD_LEN], pad[IJW_PAD_LEN];
		if (d->n_clienten > 1)
			snprintf(cpad, sizeof cpad, ANTWOORD_325 "/Clienten/Client[%zu]", i + 1);
		else
			snprintf(cpad, sizeof cpad, ANTWOORD_325 "/Clienten/Client");
		for (size_t k = 0; k < cl->n_prestaties; k++) {
			if (cl->n_prestaties > 1)
				snprintf(pad, sizeof pad, "%.200s/Prestaties/Prestatie[%zu]", cpad, k + 1);
			else
				snprintf(pad, sizeof pad, "%.200s/Prestaties/Prestatie", cpad);
			f(c, &cl->prestaties[k], pad);
		}
	}
}

/* CD060: VorigReferentieNummer exactly when the IngediendBedrag is credit. */
static void cd060_een(struct ctx *c, const struct ijw_prestatie *p, const char *pad)
{
	bool credit = is(p->ingediend_bedrag.debet_credit, "C");
	bool vorig = p->product_referentie.vorig_referentie_nummer[0] != '\0';
	if (credit != vorig)
		meld(c, pad, "ProductReferentie/VorigReferentieNummer",
		     credit ? "VorigReferentieNummer ontbreekt bij een creditprestatie; neem het "
			      "over uit de declaratie."
			    : "VorigReferentieNummer is gevuld bij een debetprestatie; laat het leeg.");
}

static void cd060(struct ctx *c)
{
	per_prestatie(c, cd060_een);
}

/* CS325: an amount of 0 is debet. */
static void cs325_bedrag(struct ctx *c, const char *klasse, const char *element,
			 const struct ijw_bedrag *b)
{
	if (b->bedrag == 0 && !is(b->debet_credit, "D"))
		meld(c, klasse, element, "Een bedrag van 0 heeft DebetCredit %s; vul D (debet).",
		     b->debet_credit);
}

static void cs325_een(struct ctx *c, const struct ijw_prestatie *p, const char *pad)
{
	cs325_bedrag(c, pad, "IngediendBedrag/DebetCredit", &p->ingediend_bedrag);
}

static void cs325(struct ctx *c)
{
	const struct ijw_declaratie *d = c->b->declaratie;
	if (!d)
		return;
	cs325_bedrag(c, ANTWOORD_325, "TotaalIngediendBedrag/DebetCredit",
		     &d->totaal_ingediend_bedrag);
	cs325_bedrag(c, ANTWOORD_325, "TotaalToegekendBedrag/DebetCredit",
		     &d->totaal_toegekend_bedrag);
	per_prestatie(c, cs325_een);
}

/* TR137: a ProductPeriode ends on or after its begin and not after the
 * Dagtekening of the 325. */
static void tr137_een(struct ctx *c, const struct ijw_prestatie *p, const char *pad)
{
	const struct ijw_periode *pp = &p->product_periode;
	dag_t dag = c->b->header.berichtidentificatie.dagtekening;
	if (pp->einddatum == DAG_GEEN)
		return;
	if ((pp->begindatum != DAG_GEEN && pp->einddatum < pp->begindatum) ||
	    (dag != DAG_GEEN && pp->einddatum > dag))
		meld(c, pad, "ProductPeriode/Einddatum",
		     "Einddatum ligt voor de Begindatum of na de Dagtekening van het bericht.");
}

static void tr137(struct ctx *c)
{
	per_prestatie(c, tr137_een);
}

/* ---- externe bron: 301 ----------------------------------------------------------- */

/* TR381 (S329): the ProductCode fits its Categorie in the product list in
 * use (IV075: the national list 021, embedded). A category our partial copy of the national list does not cover is
 * not judged, as on received messages (ijw/verwerk.c). The list is
 * embedded, so the check needs only the message. */
static void tr381_een(struct ctx *c, const struct ijw_toegewezen_product *p, const char *pad)
{
	const struct ijw_product *pr = p->product;
	const struct ijw_lijstproduct *lp;
	if (!pr || !pr->code[0])
		return;
	lp = ijw_productlijst_zoek(pr->code);
	if (lp ? is(lp->categorie, pr->categorie) : !ijw_productlijst_kent_categorie(pr->categorie))
		return;
	meld(c, pad, "Product/Code", "ProductCode %s hoort volgens de productcodelijst niet bij "
	     "ProductCategorie %s; kies een code van die categorie.", pr->code, pr->categorie);
}

static void tr381(struct ctx *c)
{
	per_product(c, tr381_een);
}

/* ---- berichtoverstijgend: 301 ------------------------------------------------- */

static bool in_lijst(const char *const *lijst, size_t n, const char *s)
{
	for (size_t i = 0; lijst && i < n; i++)
		if (lijst[i] && is(lijst[i], s))
			return true;
	return false;
}

/* TR332: a ToewijzingNummer the gemeente gave before may come back only
 * for the same jeugdige and aanbieder (a change of that toewijzing), so
 * every toewijzing has a number of its own (OP275). */
static void tr332_een(struct ctx *c, const struct ijw_toegewezen_product *p, const char *pad)
{
	const struct ijw_uitgaand_kennis *k = c->k;
	for (size_t i = 0; i < k->n_toewijzingen; i++) {
		const struct toewijzing *t = &k->toewijzingen[i];
		if (t->nummer != p->toewijzing_nummer || !is(t->gemeente, c->b->header.afzender))
			continue;
		if (t->jeugdige_id != k->jeugdige_id || !is(t->agb, c->b->header.ontvanger)) {
			meld(c, pad, "ToewijzingNummer",
			     "ToewijzingNummer %lld is door deze gemeente al aan een andere toewijzing "
			     "gegeven; geef een nieuwe toewijzing een nieuw nummer.",
			     (long long)p->toewijzing_nummer);
			return;
		}
	}
}

static void tr332(struct ctx *c)
{
	per_product(c, tr332_een);
}

static void tr379_een(struct ctx *c, const struct ijw_toegewezen_product *p, const char *pad)
{
	const struct ijw_uitgaand_kennis *k = c->k;
	if (p->referentie_aanbieder[0] &&
	    !in_lijst(k->gehonoreerd, k->n_gehonoreerd, p->referentie_aanbieder))
		meld(c, pad, "ReferentieAanbieder",
		     "ReferentieAanbieder %s hoort niet bij een verzoek dat dit bericht honoreert; "
		     "vul haar alleen de eerste keer na het honoreren van een VOT of VOW, anders "
		     "leeg.", p->referentie_aanbieder);
}

static void tr379(struct ctx *c)
{
	per_product(c, tr379_een);
}

/* TR385: a toewijzing with approved Prestaties is not deleted, which
 * would take away the legitimacy of declared care (OP362). */
static void tr385_een(struct ctx *c, const struct ijw_toegewezen_product *p, const char *pad)
{
	const struct ijw_uitgaand_kennis *k = c->k;
	if (!is(p->reden_wijziging, "13"))
		return;
	for (size_t i = 0; k->gedeclareerd && i < k->n_gedeclareerd; i++)
		if (k->gedeclareerd[i] == p->toewijzing_nummer) {
			meld(c, pad, "RedenWijziging",
			     "Toewijzing %lld heeft goedgekeurde prestaties en kan niet verwijderd "
			     "worden (reden 13); beëindig haar met een einddatum en een andere reden.",
			     (long long)p->toewijzing_nummer);
			return;
		}
}

static void tr385(struct ctx *c)
{
	per_product(c, tr385_een);
}

/* ---- berichtoverstijgend: 319 ------------------------------------------------- */

static void tr355(struct ctx *c)
{
	const struct ijw_antwoord *a = antwoord(c->b);
	if (a && !in_lijst(c->k->verzoeken, c->k->n_verzoeken, a->referentie_aanbieder))
		meld(c, ANTWOORD, "ReferentieAanbieder",
		     "ReferentieAanbieder %s komt in geen ontvangen verzoek om toewijzing of "
		     "wijziging van deze aanbieder voor; neem de referentie van het verzoek over.",
		     a->referentie_aanbieder);
}

static void tr359(struct ctx *c)
{
	const struct ijw_antwoord *a = antwoord(c->b);
	if (a && in_lijst(c->k->toegewezen, c->k->n_toegewezen, a->referentie_aanbieder))
		meld(c, ANTWOORD, "ReferentieAanbieder",
		     "Op verzoek %s is al een toewijzing gestuurd; een antwoordbericht kan niet "
		     "meer.", a->referentie_aanbieder);
}

/* TR360 (a second "in onderzoek") and TR365 (an answer after a final
 * one): the earlier 319s with the same ReferentieAanbieder. Together they
 * make a verzoek end in a toewijzing or an afwijzing (OP344). */
static void tr360(struct ctx *c)
{
	const struct ijw_antwoord *a = antwoord(c->b);
	if (!a || !is(a->verzoek_antwoord, "2"))
		return;
	for (size_t i = 0; c->k->antwoorden && i < c->k->n_antwoorden; i++) {
		const struct ijw_eerder_antwoord *e = &c->k->antwoorden[i];
		if (e->referentie_aanbieder && is(e->referentie_aanbieder, a->referentie_aanbieder)) {
			meld(c, ANTWOORD, "VerzoekAntwoord",
			     "Op verzoek %s is al een antwoordbericht gestuurd; in onderzoek (2) kan "
			     "maar één keer, stuur nu een toewijzing of een afwijzing (1).",
			     a->referentie_aanbieder);
			return;
		}
	}
}

static void tr365(struct ctx *c)
{
	const struct ijw_antwoord *a = antwoord(c->b);
	for (size_t i = 0; a && c->k->antwoorden && i < c->k->n_antwoorden; i++) {
		const struct ijw_eerder_antwoord *e = &c->k->antwoorden[i];
		if (!e->referentie_aanbieder || !is(e->referentie_aanbieder, a->referentie_aanbieder))
			continue;
		switch (e->antwoord) {
		case IJW_VERZOEK_IN_ONDERZOEK:
			break;
		case IJW_VERZOEK_AFGEWEZEN:
			meld(c, ANTWOORD, "VerzoekAntwoord",
			     "Verzoek %s is al afgewezen; na een afwijzing volgt geen antwoordbericht "
			     "meer.", a->referentie_aanbieder);
			return;
		}
	}
}

/* ---- berichtoverstijgend: 325 ------------------------------------------------- */

/* The 325 answers exactly one received 323, k->declaratie (IV087, OP355): its
 * header names that 323 and copies its XsdVersie, and every class it
 * carries is a class of that 323, unchanged. Without the 323 nothing
 * relates, which TR337 reports; the other rules then stay silent. */
static const struct ijw_bericht *declaratie_323(const struct ctx *c)
{
	const struct ijw_bericht *d = c->k->declaratie;
	return d && d->soort == IJW_JW323 && d->declaratie && c->b->declaratie ? d : NULL;
}

static void tr337(struct ctx *c)
{
	const struct ijw_bericht *d = declaratie_323(c);
	const struct ijw_berichtidentificatie *a = &c->b->header.declaratie_identificatie;
	if (!d) {
		meld(c, "/Bericht/Header", "DeclaratieIdentificatie",
		     "Er is geen ontvangen declaratiebericht bij dit declaratie-antwoord; een "
		     "JW325 beantwoordt altijd één JW323.");
		return;
	}
	if (!is(a->identificatie, d->header.berichtidentificatie.identificatie) ||
	    a->dagtekening != d->header.berichtidentificatie.dagtekening)
		meld(c, "/Bericht/Header", "DeclaratieIdentificatie",
		     "DeclaratieIdentificatie %s is niet de BerichtIdentificatie %s van het "
		     "beantwoorde declaratiebericht; neem Identificatie en Dagtekening daaruit over.",
		     a->identificatie, d->header.berichtidentificatie.identificatie);
}

static void tr371(struct ctx *c)
{
	const struct ijw_bericht *d = declaratie_323(c);
	const struct ijw_xsdversie *a = &c->b->header.xsd_versie_declaratie;
	if (d && (!is(a->basisschema_xsd_versie, d->header.xsd_versie.basisschema_xsd_versie) ||
		  !is(a->bericht_xsd_versie, d->header.xsd_versie.bericht_xsd_versie)))
		meld(c, "/Bericht/Header", "XsdVersieDeclaratie",
		     "XsdVersieDeclaratie (%s, %s) is niet de XsdVersie (%s, %s) van het "
		     "declaratiebericht; neem die over.", a->basisschema_xsd_versie,
		     a->bericht_xsd_versie, d->header.xsd_versie.basisschema_xsd_versie,
		     d->header.xsd_versie.bericht_xsd_versie);
}

static void tr376(struct ctx *c)
{
	const struct ijw_bericht *d = declaratie_323(c);
	if (d && !is(c->b->declaratie->declaratie_nummer, d->declaratie->declaratie_nummer))
		meld(c, ANTWOORD_325, "DeclaratieNummer",
		     "DeclaratieNummer %s is niet het DeclaratieNummer %s van het "
		     "declaratiebericht; neem het over.", c->b->declaratie->declaratie_nummer,
		     d->declaratie->declaratie_nummer);
}

/* The 323 client with this Bsn; NULL if none. */
static const struct ijw_declaratie_client *client_323(const struct ijw_declaratie *d,
						      const char *bsn)
{
	for (size_t i = 0; i < d->n_clienten; i++)
		if (is(d->clienten[i].bsn, bsn))
			return &d->clienten[i];
	return NULL;
}

/* TR304 on the 325: every Client it names is a Client of the 323. */
static void tr304(struct ctx *c)
{
	const struct ijw_bericht *d = declaratie_323(c);
	const struct ijw_declaratie *a = c->b->declaratie;
	char pad[IJW_PAD_LEN];
	for (size_t i = 0; d && i < a->n_clienten; i++) {
		if (client_323(d->declaratie, a->clienten[i].bsn))
			continue;
		if (a->n_clienten > 1)
			snprintf(pad, sizeof pad, ANTWOORD_325 "/Clienten/Client[%zu]", i + 1);
		else
			snprintf(pad, sizeof pad, ANTWOORD_325 "/Clienten/Client");
		meld(c, pad, "Bsn", "Bsn %s is geen cliënt in het declaratiebericht; het antwoord "
		     "noemt alleen cliënten die gedeclareerd zijn.", a->clienten[i].bsn);
	}
}

/* The Prestatie of the 323 with the same ProductReferentie (ReferentieNummer
 * and VorigReferentieNummer, the logical key); NULL if none. */
static const struct ijw_prestatie *prestatie_323(const struct ijw_declaratie *d,
						 const struct ijw_prestatie *p)
{
	for (size_t i = 0; i < d->n_clienten; i++)
		for (size_t j = 0; j < d->clienten[i].n_prestaties; j++) {
			const struct ijw_prestatie *q = &d->clienten[i].prestaties[j];
			if (is(q->product_referentie.referentie_nummer,
			       p->product_referentie.referentie_nummer) &&
			    is(q->product_referentie.vorig_referentie_nummer,
			       p->product_referentie.vorig_referentie_nummer))
				return q;
		}
	return NULL;
}

static void tr366_een(struct ctx *c, const struct ijw_prestatie *p, const char *pad)
{
	const struct ijw_bericht *d = declaratie_323(c);
	if (d && !prestatie_323(d->declaratie, p))
		meld(c, pad, "ProductReferentie",
		     "ProductReferentie %s staat niet in het declaratiebericht; het antwoord "
		     "noemt alleen gedeclareerde prestaties.", p->product_referentie.referentie_nummer);
}

static void tr366(struct ctx *c)
{
	if (declaratie_323(c))
		per_prestatie(c, tr366_een);
}

/* TR367: the Prestatie comes back as declared; only its RetourCodes are
 * ours. The first element that differs is named. */
static void tr367_een(struct ctx *c, const struct ijw_prestatie *p, const char *pad)
{
	const struct ijw_bericht *d = declaratie_323(c);
	const struct ijw_prestatie *q = d ? prestatie_323(d->declaratie, p) : NULL;
	const char *anders = NULL;
	if (!q)
		return;   /* TR366 */
	if (p->toewijzing_nummer != q->toewijzing_nummer)
		anders = "ToewijzingNummer";
	else if (!is(p->product_categorie, q->product_categorie))
		anders = "ProductCategorie";
	else if (!is(p->product_code, q->product_code))
		anders = "ProductCode";
	else if (p->product_periode.begindatum != q->product_periode.begindatum ||
		 p->product_periode.einddatum != q->product_periode.einddatum)
		anders = "ProductPeriode";
	else if (p->geleverd_volume != q->geleverd_volume)
		anders = "GeleverdVolume";
	else if (!is(p->eenheid, q->eenheid))
		anders = "Eenheid";
	else if (p->product_tarief != q->product_tarief)
		anders = "ProductTarief";
	else if (p->ingediend_bedrag.bedrag != q->ingediend_bedrag.bedrag ||
		 !is(p->ingediend_bedrag.debet_credit, q->ingediend_bedrag.debet_credit))
		anders = "IngediendBedrag";
	if (anders)
		meld(c, pad, anders, "%s wijkt af van de prestatie %s in het declaratiebericht; "
		     "neem de waarde ongewijzigd over.", anders,
		     p->product_referentie.referentie_nummer);
}

static void tr367(struct ctx *c)
{
	if (declaratie_323(c))
		per_prestatie(c, tr367_een);
}

/* ---- the tables ---------------------------------------------------------------- */

#define B301 REGEL_BERICHT_JW301
#define B319 REGEL_BERICHT_JW319
#define B325 REGEL_BERICHT_JW325

struct regelrij {
	const char *code;
	unsigned berichten;   /* the outgoing messages this row checks */
	void (*check)(struct ctx *c);
};

/* Controleniveau "bericht inhoud (xslt)", and TR381 ("externe bron"), whose
 * source, the product list, is embedded: all need only the message. */
static const struct regelrij bericht_regels[] = {
	{ "CD005", B301, cd005 },
	{ "CD007", B301, cd007 },
	{ "CD009", B301, cd009 },
	{ "CD025", B301, cd025 },
	{ "CD034", B301, cd034 },
	{ "CD041", B301, cd041 },
	{ "CD060", B325, cd060 },
	{ "CD075", B301, cd075 },
	{ "CD076", B301, cd076 },
	{ "CD077", B301, cd077 },
	{ "CD078", B301, cd078 },
	{ "CD079", B301, cd079 },
	{ "CD080", B301, cd080 },
	{ "CD085", B319, cd085 },
	{ "CD086", B319, cd086 },
	{ "CS002", B301, cs002 },
	{ "CS003", B301, cs003 },
	{ "CS050", B301, cs050 },
	{ "CS089", B301, cs089 },
	{ "CS139", B301, cs139 },
	{ "CS318", B301, cs318 },
	{ "CS325", B325, cs325 },
	{ "CS335", B301, cs335 },
	{ "CS336", B301, cs336 },
	{ "CS338", B301, cs338 },
	{ "TR002", B301, tr002 },
	{ "TR006", B301, tr006 },
	{ "TR061", B301, tr061 },
	{ "TR101", B301, tr101 },
	{ "TR134", B301, tr134 },
	{ "TR137", B325, tr137 },
	{ "TR302", B301, tr302 },
	{ "TR377", B319, tr377 },
	{ "TR381", B301, tr381 },
	{ "TR409", B319, tr409 },
};

/* Controleniveau "berichtoverstijgend": need struct ijw_uitgaand_kennis. */
static const struct regelrij kennis_regels[] = {
	{ "TR304", B325, tr304 },
	{ "TR332", B301, tr332 },
	{ "TR337", B325, tr337 },
	{ "TR355", B319, tr355 },
	{ "TR359", B319, tr359 },
	{ "TR360", B319, tr360 },
	{ "TR365", B319, tr365 },
	{ "TR366", B325, tr366 },
	{ "TR367", B325, tr367 },
	{ "TR371", B325, tr371 },
	{ "TR376", B325, tr376 },
	{ "TR379", B301, tr379 },
	{ "TR385", B301, tr385 },
};

#define AANTAL(t) (sizeof t / sizeof t[0])

/* The REGEL_BERICHT_* bit of an outgoing message checked here; 0 for the
 * others. */
static unsigned bericht_bit(enum ijw_soort s)
{
	switch (s) {
	case IJW_JW301: return B301;
	case IJW_JW319: return B319;
	case IJW_JW325: return B325;
	case IJW_JW302: case IJW_JW305: case IJW_JW306: case IJW_JW307: case IJW_JW308:
	case IJW_JW315: case IJW_JW316: case IJW_JW317: case IJW_JW318: case IJW_JW320:
	case IJW_JW323:
		return 0;
	}
	return 0;
}

static int draai(struct ctx *c, const struct regelrij *rijen, size_t aantal, size_t *n)
{
	unsigned bit = bericht_bit(c->b->soort);
	for (size_t i = 0; bit && i < aantal; i++) {
		if (!(rijen[i].berichten & bit))
			continue;
		c->code = rijen[i].code;
		rijen[i].check(c);
	}
	*n = c->n;
	return c->gevonden ? 1 : 0;
}

int ijw_uitgaand_controleer(const struct ijw_bericht *b, struct ijw_bevinding *uit, size_t max,
			    size_t *n)
{
	struct ctx c = { .b = b, .uit = uit, .max = uit ? max : 0 };
	return draai(&c, bericht_regels, AANTAL(bericht_regels), n);
}

int ijw_uitgaand_controleer_kennis(const struct ijw_bericht *b,
				   const struct ijw_uitgaand_kennis *k,
				   struct ijw_bevinding *uit, size_t max, size_t *n)
{
	struct ctx c = { .b = b, .k = k, .uit = uit, .max = uit ? max : 0 };
	return draai(&c, kennis_regels, AANTAL(kennis_regels), n);
}

size_t ijw_uitgaand_regels(void)
{
	return AANTAL(bericht_regels) + AANTAL(kennis_regels);
}

const char *ijw_uitgaand_regel(size_t i, unsigned *berichten)
{
	const struct regelrij *r;
	if (i < AANTAL(bericht_regels))
		r = &bericht_regels[i];
	else if (i < ijw_uitgaand_regels())
		r = &kennis_regels[i - AANTAL(bericht_regels)];
	else
		return NULL;
	if (berichten)
		*berichten = r->berichten;
	return r->code;
}
