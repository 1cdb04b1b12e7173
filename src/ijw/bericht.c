/* bericht: the element tables of the 14 iJw 3.2 messages (in XSD order),
 * the arena that owns a message, and the generic walks that need no XML:
 * initialise, copy, compare, and build a retourbericht from a heenbericht.
 * Reading and writing XML live in bericht_lees.c and bericht_schrijf.c.
 */
#include "ijw/bericht.h"

#include <stdalign.h>
#include <stdlib.h>
#include <string.h>

#include "ijw/bericht_intern.h"

/* ---- the arena -------------------------------------------------------------- */

/* Blocks of ARENA_BLOK bytes; a request above ARENA_GROOT gets a block of
 * its own (a 25 MB declaration has arrays of megabytes) so the current
 * block keeps serving small requests. Blocks come from calloc: memory is
 * handed out zeroed and never reused. */
#define ARENA_BLOK ((size_t)64 * 1024)
#define ARENA_GROOT ((size_t)16 * 1024)

struct blok {
	struct blok *vorige;
	size_t gebruikt;
	size_t grootte;
	max_align_t data[];
};

struct ijw_arena {
	struct blok *blok;
};

static struct blok *blok_nieuw(size_t grootte)
{
	if (grootte > SIZE_MAX - sizeof(struct blok))
		return NULL;
	struct blok *b = calloc(1, sizeof(struct blok) + grootte);
	if (b)
		b->grootte = grootte;
	return b;
}

void *bericht_alloc(struct ijw_bericht *b, size_t n)
{
	const size_t a = alignof(max_align_t);
	if (!b || !b->arena || n == 0 || n > SIZE_MAX / 2)
		return NULL;
	n = (n + a - 1) / a * a;
	struct ijw_arena *ar = b->arena;
	if (n > ARENA_GROOT) {
		struct blok *eigen = blok_nieuw(n);
		if (!eigen)
			return NULL;
		eigen->gebruikt = n;
		if (ar->blok) {
			eigen->vorige = ar->blok->vorige;
			ar->blok->vorige = eigen;
		} else {
			ar->blok = eigen;
		}
		return eigen->data;
	}
	if (!ar->blok || ar->blok->grootte - ar->blok->gebruikt < n) {
		struct blok *nieuw = blok_nieuw(ARENA_BLOK);
		if (!nieuw)
			return NULL;
		nieuw->vorige = ar->blok;
		ar->blok = nieuw;
	}
	void *p = (unsigned char *)ar->blok->data + ar->blok->gebruikt;
	ar->blok->gebruikt += n;
	return p;
}

char *bericht_tekst(struct ijw_bericht *b, const char *s)
{
	if (!s)
		return NULL;
	size_t n = strlen(s) + 1;
	char *p = bericht_alloc(b, n);
	if (p)
		memcpy(p, s, n);
	return p;
}

void bericht_vrij(struct ijw_bericht *b)
{
	if (!b)
		return;
	if (b->arena) {
		struct blok *k = b->arena->blok;
		while (k) {
			struct blok *vorige = k->vorige;
			free(k);
			k = vorige;
		}
		free(b->arena);
	}
	free(b);
}

/* ---- the element tables ------------------------------------------------------ */

#define M F_VERPLICHT
#define B F_BASIS
#define VELDMAAT(T, f) sizeof(((T *)0)->f)

#define CODE(n, T, f, vl) \
	{ .naam = n, .soort = V_CODE, .vlag = (vl), .plek = offsetof(T, f), .grootte = VELDMAAT(T, f) }
#define TIJD(n, T, f, vl) \
	{ .naam = n, .soort = V_TIJD, .vlag = (vl), .plek = offsetof(T, f), .grootte = VELDMAAT(T, f) }
#define TEKST(n, T, f, vl) { .naam = n, .soort = V_TEKST, .vlag = (vl), .plek = offsetof(T, f) }
#define DATUM(n, T, f, vl) { .naam = n, .soort = V_DATUM, .vlag = (vl), .plek = offsetof(T, f) }
#define GETAL(n, T, f, mx, vl) \
	{ .naam = n, .soort = V_GETAL, .vlag = (vl), .plek = offsetof(T, f), .max = (mx) }
#define KLASSE(n, T, f, k, vl) \
	{ .naam = n, .soort = V_KLASSE, .vlag = (vl), .plek = offsetof(T, f), .klasse = &(k) }
#define KLASSE_OPT(n, T, f, k, vl) \
	{ .naam = n, .soort = V_KLASSE_OPT, .vlag = (vl), .plek = offsetof(T, f), .klasse = &(k) }
#define LIJST(n, it, T, f, k, vl) \
	{ .naam = n, .soort = V_LIJST, .vlag = (vl), .plek = offsetof(T, f), .klasse = &(k), \
	  .item = it, .plek_n = offsetof(T, n_##f) }
/* The RetourCodes every class of a retourbericht carries. */
#define RC(T) \
	{ .naam = "RetourCodes", .soort = V_RETOURCODES, .vlag = M | F_RETOUR, \
	  .plek = offsetof(T, retourcodes) }
#define DEF(var, n, T, velden) \
	static const struct klasse var = { n, sizeof(T), velden, sizeof velden / sizeof velden[0] }

#define MAX_8 INT64_C(99999999)
#define MAX_NUMMER INT64_C(999999999)

/* CDT_* of the basisschema: children in the basisschema namespace. */

static const struct veld v_xsdversie[] = {
	CODE("BasisschemaXsdVersie", struct ijw_xsdversie, basisschema_xsd_versie, M | B),
	CODE("BerichtXsdVersie", struct ijw_xsdversie, bericht_xsd_versie, M | B),
};
DEF(k_xsdversie, "XsdVersie", struct ijw_xsdversie, v_xsdversie);

static const struct veld v_berichtidentificatie[] = {
	CODE("Identificatie", struct ijw_berichtidentificatie, identificatie, M | B),
	DATUM("Dagtekening", struct ijw_berichtidentificatie, dagtekening, M | B),
};
DEF(k_berichtidentificatie, "BerichtIdentificatie", struct ijw_berichtidentificatie,
    v_berichtidentificatie);

static const struct veld v_geboortedatum[] = {
	DATUM("Datum", struct ijw_geboortedatum, datum, M | B),
	CODE("DatumGebruik", struct ijw_geboortedatum, datum_gebruik, B),
};
DEF(k_geboortedatum, "Geboortedatum", struct ijw_geboortedatum, v_geboortedatum);

static const struct veld v_achternaam[] = {
	TEKST("Achternaam", struct ijw_achternaam, achternaam, M | B),
	TEKST("Voorvoegsel", struct ijw_achternaam, voorvoegsel, B),
};
DEF(k_achternaam, "Geslachtsnaam", struct ijw_achternaam, v_achternaam);

static const struct veld v_volledige_naam[] = {
	KLASSE("Geslachtsnaam", struct ijw_naam, geslachtsnaam, k_achternaam, M | B),
	KLASSE_OPT("Partnernaam", struct ijw_naam, partnernaam, k_achternaam, B),
	TEKST("Voornamen", struct ijw_naam, voornamen, B),
	TEKST("Voorletters", struct ijw_naam, voorletters, B),
	CODE("NaamGebruik", struct ijw_naam, naam_gebruik, M | B),
};
DEF(k_volledige_naam, "Naam", struct ijw_naam, v_volledige_naam);

static const struct veld v_verkorte_naam[] = {
	KLASSE("Geslachtsnaam", struct ijw_naam, geslachtsnaam, k_achternaam, M | B),
	TEKST("Voornamen", struct ijw_naam, voornamen, B),
	TEKST("Voorletters", struct ijw_naam, voorletters, B),
};
DEF(k_verkorte_naam, "Naam", struct ijw_naam, v_verkorte_naam);

static const struct veld v_product[] = {
	CODE("Categorie", struct ijw_product, categorie, M | B),
	CODE("Code", struct ijw_product, code, B),
};
DEF(k_product, "Product", struct ijw_product, v_product);

static const struct veld v_omvang[] = {
	GETAL("Volume", struct ijw_omvang, volume, MAX_8, M | B),
	CODE("Eenheid", struct ijw_omvang, eenheid, M | B),
	CODE("Frequentie", struct ijw_omvang, frequentie, M | B),
};
DEF(k_omvang, "Omvang", struct ijw_omvang, v_omvang);

static const struct veld v_gesloten_periode[] = {
	DATUM("Begindatum", struct ijw_periode, begindatum, M | B),
	DATUM("Einddatum", struct ijw_periode, einddatum, M | B),
};
DEF(k_gesloten_periode, "Periode", struct ijw_periode, v_gesloten_periode);

static const struct veld v_open_periode[] = {
	DATUM("Begindatum", struct ijw_periode, begindatum, B),
	DATUM("Einddatum", struct ijw_periode, einddatum, B),
};
DEF(k_open_periode, "Periode", struct ijw_periode, v_open_periode);

static const struct veld v_bedrag[] = {
	GETAL("Bedrag", struct ijw_bedrag, bedrag, MAX_8, M | B),
	CODE("DebetCredit", struct ijw_bedrag, debet_credit, M | B),
};
DEF(k_bedrag, "Bedrag", struct ijw_bedrag, v_bedrag);

static const struct veld v_totaalbedrag[] = {
	GETAL("TotaalBedrag", struct ijw_bedrag, bedrag, INT64_C(999999999999), M | B),
	CODE("DebetCredit", struct ijw_bedrag, debet_credit, M | B),
};
DEF(k_totaalbedrag, "TotaalBedrag", struct ijw_bedrag, v_totaalbedrag);

static const struct veld v_referentie[] = {
	CODE("ReferentieNummer", struct ijw_referentie, referentie_nummer, M | B),
	CODE("VorigReferentieNummer", struct ijw_referentie, vorig_referentie_nummer, B),
};
DEF(k_referentie, "ProductReferentie", struct ijw_referentie, v_referentie);

static const struct veld v_verwijzer[] = {
	CODE("Type", struct ijw_verwijzer, type, M | B),
	TEKST("Naam", struct ijw_verwijzer, naam, B),
	CODE("ZorgverlenerCode", struct ijw_verwijzer, zorgverlener_code, B),
};
DEF(k_verwijzer, "Verwijzer", struct ijw_verwijzer, v_verwijzer);

static const struct veld v_communicatie[] = {
	CODE("Vorm", struct ijw_communicatie, vorm, M | B),
	TEKST("Taal", struct ijw_communicatie, taal, B),
};
DEF(k_communicatie, "Communicatie", struct ijw_communicatie, v_communicatie);

static const struct veld v_huis[] = {
	GETAL("Huisnummer", struct ijw_huis, huisnummer, INT64_C(99999), M | B),
	TEKST("Huisletter", struct ijw_huis, huisletter, B),
	TEKST("HuisnummerToevoeging", struct ijw_huis, huisnummer_toevoeging, B),
	CODE("AanduidingWoonadres", struct ijw_huis, aanduiding_woonadres, B),
};
DEF(k_huis, "Huis", struct ijw_huis, v_huis);

static const struct veld v_adres[] = {
	KLASSE_OPT("Huis", struct ijw_adres, huis, k_huis, B),
	TEKST("Postcode", struct ijw_adres, postcode, B),
	TEKST("Straatnaam", struct ijw_adres, straatnaam, B),
	TEKST("Plaatsnaam", struct ijw_adres, plaatsnaam, B),
	CODE("LandCode", struct ijw_adres, land_code, B),
};
DEF(k_adres, "Adres", struct ijw_adres, v_adres);

static const struct veld v_telefoon[] = {
	TEKST("Telefoonnummer", struct ijw_telefoon, telefoonnummer, M | B),
	TEKST("Landnummer", struct ijw_telefoon, landnummer, M | B),
};
DEF(k_telefoon, "Telefoon", struct ijw_telefoon, v_telefoon);

static const struct veld v_telefoonnummers[] = {
	KLASSE("Telefoon01", struct ijw_telefoonnummers, telefoon01, k_telefoon, M | B),
	KLASSE_OPT("Telefoon02", struct ijw_telefoonnummers, telefoon02, k_telefoon, B),
};
DEF(k_telefoonnummers, "Telefoon", struct ijw_telefoonnummers, v_telefoonnummers);

/* Headers: heenbericht, retourbericht 302..320, declaratie-antwoord 325. */

#define HEADER_BEGIN \
	CODE("BerichtCode", struct ijw_header, berichtcode, M), \
	GETAL("BerichtVersie", struct ijw_header, berichtversie, 99, M), \
	GETAL("BerichtSubversie", struct ijw_header, berichtsubversie, 99, M), \
	CODE("Afzender", struct ijw_header, afzender, M), \
	CODE("Ontvanger", struct ijw_header, ontvanger, M), \
	KLASSE("BerichtIdentificatie", struct ijw_header, berichtidentificatie, \
	       k_berichtidentificatie, M), \
	KLASSE("XsdVersie", struct ijw_header, xsd_versie, k_xsdversie, M)

static const struct veld v_header_heen[] = { HEADER_BEGIN };
DEF(k_header_heen, "Header", struct ijw_header, v_header_heen);

static const struct veld v_header_retour[] = {
	HEADER_BEGIN,
	CODE("IdentificatieRetour", struct ijw_header, identificatie_retour, M),
	DATUM("DagtekeningRetour", struct ijw_header, dagtekening_retour, M),
	CODE("XsltVersie", struct ijw_header, xslt_versie, 0),
	KLASSE("XsdVersieRetour", struct ijw_header, xsd_versie_retour, k_xsdversie, M),
	{ .naam = "RetourCodes", .soort = V_RETOURCODES, .vlag = 0,
	  .plek = offsetof(struct ijw_header, retourcodes) },
};
DEF(k_header_retour, "Header", struct ijw_header, v_header_retour);

static const struct veld v_header_325[] = {
	HEADER_BEGIN,
	KLASSE("DeclaratieIdentificatie", struct ijw_header, declaratie_identificatie,
	       k_berichtidentificatie, M),
	CODE("XsltVersie", struct ijw_header, xslt_versie, 0),
	KLASSE("XsdVersieDeclaratie", struct ijw_header, xsd_versie_declaratie, k_xsdversie, M),
	{ .naam = "RetourCodes", .soort = V_RETOURCODES, .vlag = M,
	  .plek = offsetof(struct ijw_header, retourcodes) },
};
DEF(k_header_325, "Header", struct ijw_header, v_header_325);

/* JW301 / JW302 */

static const struct veld v_contact[] = {
	CODE("Soort", struct ijw_contact, soort, M),
	KLASSE_OPT("Adres", struct ijw_contact, adres, k_adres, 0),
	TEKST("Organisatie", struct ijw_contact, organisatie, 0),
	KLASSE_OPT("Telefoon", struct ijw_contact, telefoon, k_telefoonnummers, 0),
	TEKST("Emailadres", struct ijw_contact, emailadres, 0),
	KLASSE_OPT("Periode", struct ijw_contact, periode, k_open_periode, 0),
	RC(struct ijw_contact),
};
DEF(k_contact, "Contact", struct ijw_contact, v_contact);

static const struct veld v_relatie[] = {
	CODE("Nummer", struct ijw_relatie, nummer, M),
	GETAL("Volgorde", struct ijw_relatie, volgorde, 99, 0),
	CODE("Soort", struct ijw_relatie, soort, M),
	KLASSE_OPT("Geboortedatum", struct ijw_relatie, geboortedatum, k_geboortedatum, 0),
	CODE("Geslacht", struct ijw_relatie, geslacht, 0),
	KLASSE("Naam", struct ijw_relatie, naam, k_volledige_naam, M),
	KLASSE("Contact", struct ijw_relatie, contact, k_contact, M),
	RC(struct ijw_relatie),
};
DEF(k_relatie, "Relatie", struct ijw_relatie, v_relatie);

static const struct veld v_toegewezen_product[] = {
	GETAL("ToewijzingNummer", struct ijw_toegewezen_product, toewijzing_nummer, MAX_NUMMER, M),
	CODE("ReferentieAanbieder", struct ijw_toegewezen_product, referentie_aanbieder, 0),
	KLASSE_OPT("Product", struct ijw_toegewezen_product, product, k_product, 0),
	DATUM("Toewijzingsdatum", struct ijw_toegewezen_product, toewijzingsdatum, M),
	TIJD("Toewijzingstijd", struct ijw_toegewezen_product, toewijzingstijd, M),
	DATUM("Ingangsdatum", struct ijw_toegewezen_product, ingangsdatum, M),
	DATUM("Einddatum", struct ijw_toegewezen_product, einddatum, 0),
	CODE("RedenWijziging", struct ijw_toegewezen_product, reden_wijziging, 0),
	KLASSE_OPT("Omvang", struct ijw_toegewezen_product, omvang, k_omvang, 0),
	GETAL("Budget", struct ijw_toegewezen_product, budget, MAX_8, 0),
	TEKST("Commentaar", struct ijw_toegewezen_product, commentaar, 0),
	RC(struct ijw_toegewezen_product),
};
DEF(k_toegewezen_product, "ToegewezenProduct", struct ijw_toegewezen_product,
    v_toegewezen_product);

static const struct veld v_client_toewijzing[] = {
	CODE("Bsn", struct ijw_client_toewijzing, bsn, M),
	KLASSE("Geboortedatum", struct ijw_client_toewijzing, geboortedatum, k_geboortedatum, M),
	CODE("Geslacht", struct ijw_client_toewijzing, geslacht, M),
	KLASSE("Naam", struct ijw_client_toewijzing, naam, k_volledige_naam, M),
	KLASSE_OPT("Communicatie", struct ijw_client_toewijzing, communicatie, k_communicatie, 0),
	CODE("JuridischeStatus", struct ijw_client_toewijzing, juridische_status, 0),
	CODE("WettelijkeVertegenwoordiging", struct ijw_client_toewijzing,
	     wettelijke_vertegenwoordiging, 0),
	TEKST("Commentaar", struct ijw_client_toewijzing, commentaar, 0),
	LIJST("Relaties", "Relatie", struct ijw_client_toewijzing, relaties, k_relatie, 0),
	LIJST("Contactgegevens", "Contact", struct ijw_client_toewijzing, contactgegevens,
	      k_contact, M),
	LIJST("ToegewezenProducten", "ToegewezenProduct", struct ijw_client_toewijzing,
	      toegewezen_producten, k_toegewezen_product, M),
	RC(struct ijw_client_toewijzing),
};
DEF(k_client_toewijzing, "Client", struct ijw_client_toewijzing, v_client_toewijzing);

/* JW305 / JW306, JW307 / JW308 */

static const struct veld v_start_product[] = {
	GETAL("ToewijzingNummer", struct ijw_start_product, toewijzing_nummer, MAX_NUMMER, 0),
	KLASSE_OPT("Product", struct ijw_start_product, product, k_product, 0),
	DATUM("ToewijzingIngangsdatum", struct ijw_start_product, toewijzing_ingangsdatum, 0),
	DATUM("Begindatum", struct ijw_start_product, begindatum, M),
	CODE("StatusAanlevering", struct ijw_start_product, status_aanlevering, M),
	RC(struct ijw_start_product),
};
DEF(k_start_product, "StartProduct", struct ijw_start_product, v_start_product);

static const struct veld v_client_start[] = {
	CODE("Bsn", struct ijw_client_start, bsn, M),
	KLASSE("Geboortedatum", struct ijw_client_start, geboortedatum, k_geboortedatum, M),
	CODE("Geslacht", struct ijw_client_start, geslacht, M),
	KLASSE("Naam", struct ijw_client_start, naam, k_verkorte_naam, M),
	LIJST("StartProducten", "StartProduct", struct ijw_client_start, start_producten,
	      k_start_product, M),
	RC(struct ijw_client_start),
};
DEF(k_client_start, "Client", struct ijw_client_start, v_client_start);

static const struct veld v_stop_product[] = {
	GETAL("ToewijzingNummer", struct ijw_stop_product, toewijzing_nummer, MAX_NUMMER, 0),
	KLASSE_OPT("Product", struct ijw_stop_product, product, k_product, 0),
	DATUM("ToewijzingIngangsdatum", struct ijw_stop_product, toewijzing_ingangsdatum, 0),
	DATUM("Begindatum", struct ijw_stop_product, begindatum, M),
	CODE("RedenBeeindiging", struct ijw_stop_product, reden_beeindiging, M),
	DATUM("Einddatum", struct ijw_stop_product, einddatum, M),
	CODE("StatusAanlevering", struct ijw_stop_product, status_aanlevering, M),
	RC(struct ijw_stop_product),
};
DEF(k_stop_product, "StopProduct", struct ijw_stop_product, v_stop_product);

static const struct veld v_client_stop[] = {
	CODE("Bsn", struct ijw_client_stop, bsn, M),
	KLASSE("Geboortedatum", struct ijw_client_stop, geboortedatum, k_geboortedatum, M),
	CODE("Geslacht", struct ijw_client_stop, geslacht, M),
	KLASSE("Naam", struct ijw_client_stop, naam, k_verkorte_naam, M),
	LIJST("StopProducten", "StopProduct", struct ijw_client_stop, stop_producten,
	      k_stop_product, M),
	RC(struct ijw_client_stop),
};
DEF(k_client_stop, "Client", struct ijw_client_stop, v_client_stop);

/* JW315 / JW316 */

static const struct veld v_aangevraagd_product[] = {
	CODE("ReferentieAanbieder", struct ijw_aangevraagd_product, referentie_aanbieder, M),
	GETAL("BeschikkingNummer", struct ijw_aangevraagd_product, beschikking_nummer,
	      MAX_NUMMER, 0),
	KLASSE_OPT("Product", struct ijw_aangevraagd_product, product, k_product, 0),
	DATUM("BeschikkingIngangsdatum", struct ijw_aangevraagd_product,
	      beschikking_ingangsdatum, 0),
	DATUM("ToewijzingIngangsdatum", struct ijw_aangevraagd_product,
	      toewijzing_ingangsdatum, M),
	DATUM("ToewijzingEinddatum", struct ijw_aangevraagd_product, toewijzing_einddatum, 0),
	KLASSE_OPT("Omvang", struct ijw_aangevraagd_product, omvang, k_omvang, 0),
	GETAL("Budget", struct ijw_aangevraagd_product, budget, MAX_8, 0),
	KLASSE("Verwijzer", struct ijw_aangevraagd_product, verwijzer, k_verwijzer, M),
	CODE("Raamcontract", struct ijw_aangevraagd_product, raamcontract, 0),
	TEKST("Commentaar", struct ijw_aangevraagd_product, commentaar, 0),
	RC(struct ijw_aangevraagd_product),
};
DEF(k_aangevraagd_product, "AangevraagdProduct", struct ijw_aangevraagd_product,
    v_aangevraagd_product);

static const struct veld v_client_vot[] = {
	CODE("Bsn", struct ijw_client_vot, bsn, M),
	KLASSE("Geboortedatum", struct ijw_client_vot, geboortedatum, k_geboortedatum, M),
	CODE("Geslacht", struct ijw_client_vot, geslacht, M),
	KLASSE("Naam", struct ijw_client_vot, naam, k_verkorte_naam, M),
	CODE("GezagsdragerBekend", struct ijw_client_vot, gezagsdrager_bekend, 0),
	TEKST("Commentaar", struct ijw_client_vot, commentaar, 0),
	LIJST("AangevraagdeProducten", "AangevraagdProduct", struct ijw_client_vot,
	      aangevraagde_producten, k_aangevraagd_product, M),
	RC(struct ijw_client_vot),
};
DEF(k_client_vot, "Client", struct ijw_client_vot, v_client_vot);

/* JW317 / JW318 */

static const struct veld v_ongewijzigd_product[] = {
	GETAL("ToewijzingNummer", struct ijw_ongewijzigd_product, toewijzing_nummer,
	      MAX_NUMMER, M),
	RC(struct ijw_ongewijzigd_product),
};
DEF(k_ongewijzigd_product, "OngewijzigdProduct", struct ijw_ongewijzigd_product,
    v_ongewijzigd_product);

static const struct veld v_te_wijzigen_product[] = {
	GETAL("ToewijzingNummer", struct ijw_te_wijzigen_product, toewijzing_nummer,
	      MAX_NUMMER, M),
	DATUM("GewensteIngangsdatum", struct ijw_te_wijzigen_product, gewenste_ingangsdatum, M),
	DATUM("Einddatum", struct ijw_te_wijzigen_product, einddatum, 0),
	KLASSE_OPT("Omvang", struct ijw_te_wijzigen_product, omvang, k_omvang, 0),
	GETAL("Budget", struct ijw_te_wijzigen_product, budget, MAX_8, 0),
	RC(struct ijw_te_wijzigen_product),
};
DEF(k_te_wijzigen_product, "TeWijzigenProduct", struct ijw_te_wijzigen_product,
    v_te_wijzigen_product);

static const struct veld v_nieuw_product[] = {
	KLASSE_OPT("Product", struct ijw_nieuw_product, product, k_product, 0),
	DATUM("GewensteIngangsdatum", struct ijw_nieuw_product, gewenste_ingangsdatum, M),
	DATUM("Einddatum", struct ijw_nieuw_product, einddatum, 0),
	KLASSE_OPT("Omvang", struct ijw_nieuw_product, omvang, k_omvang, 0),
	GETAL("Budget", struct ijw_nieuw_product, budget, MAX_8, 0),
	RC(struct ijw_nieuw_product),
};
DEF(k_nieuw_product, "NieuwProduct", struct ijw_nieuw_product, v_nieuw_product);

static const struct veld v_verzoek[] = {
	CODE("ReferentieAanbieder", struct ijw_verzoek, referentie_aanbieder, M),
	CODE("RedenVerzoek", struct ijw_verzoek, reden_verzoek, M),
	LIJST("OngewijzigdeProducten", "OngewijzigdProduct", struct ijw_verzoek,
	      ongewijzigde_producten, k_ongewijzigd_product, 0),
	LIJST("TeWijzigenProducten", "TeWijzigenProduct", struct ijw_verzoek,
	      te_wijzigen_producten, k_te_wijzigen_product, 0),
	LIJST("NieuweProducten", "NieuwProduct", struct ijw_verzoek, nieuwe_producten,
	      k_nieuw_product, 0),
	RC(struct ijw_verzoek),
};
DEF(k_verzoek, "Verzoek", struct ijw_verzoek, v_verzoek);

static const struct veld v_client_vow[] = {
	CODE("Bsn", struct ijw_client_vow, bsn, M),
	KLASSE("Verzoek", struct ijw_client_vow, verzoek, k_verzoek, M),
	RC(struct ijw_client_vow),
};
DEF(k_client_vow, "Client", struct ijw_client_vow, v_client_vow);

/* JW319 / JW320 */

static const struct veld v_woonplaatsbeginsel[] = {
	CODE("Gemeente", struct ijw_woonplaatsbeginsel, gemeente, M),
	RC(struct ijw_woonplaatsbeginsel),
};
DEF(k_woonplaatsbeginsel, "Woonplaatsbeginsel", struct ijw_woonplaatsbeginsel,
    v_woonplaatsbeginsel);

static const struct veld v_antwoord[] = {
	CODE("ReferentieAanbieder", struct ijw_antwoord, referentie_aanbieder, M),
	CODE("VerzoekAntwoord", struct ijw_antwoord, verzoek_antwoord, M),
	CODE("RedenAfwijzingVerzoek", struct ijw_antwoord, reden_afwijzing_verzoek, 0),
	KLASSE_OPT("Woonplaatsbeginsel", struct ijw_antwoord, woonplaatsbeginsel,
		   k_woonplaatsbeginsel, 0),
	RC(struct ijw_antwoord),
};
DEF(k_antwoord, "Antwoord", struct ijw_antwoord, v_antwoord);

/* JW323 / JW325 */

static const struct veld v_prestatie[] = {
	KLASSE("ProductReferentie", struct ijw_prestatie, product_referentie, k_referentie, M),
	GETAL("ToewijzingNummer", struct ijw_prestatie, toewijzing_nummer, MAX_NUMMER, M),
	CODE("ProductCategorie", struct ijw_prestatie, product_categorie, M),
	CODE("ProductCode", struct ijw_prestatie, product_code, M),
	KLASSE("ProductPeriode", struct ijw_prestatie, product_periode, k_gesloten_periode, M),
	GETAL("GeleverdVolume", struct ijw_prestatie, geleverd_volume, MAX_8, M),
	CODE("Eenheid", struct ijw_prestatie, eenheid, M),
	GETAL("ProductTarief", struct ijw_prestatie, product_tarief, MAX_8, 0),
	KLASSE("IngediendBedrag", struct ijw_prestatie, ingediend_bedrag, k_bedrag, M),
	RC(struct ijw_prestatie),
};
DEF(k_prestatie, "Prestatie", struct ijw_prestatie, v_prestatie);

static const struct veld v_declaratie_client[] = {
	CODE("Bsn", struct ijw_declaratie_client, bsn, M),
	LIJST("Prestaties", "Prestatie", struct ijw_declaratie_client, prestaties, k_prestatie, M),
	RC(struct ijw_declaratie_client),
};
DEF(k_declaratie_client, "Client", struct ijw_declaratie_client, v_declaratie_client);

static const struct veld v_declaratie_323[] = {
	CODE("DeclaratieNummer", struct ijw_declaratie, declaratie_nummer, M),
	KLASSE("DeclaratiePeriode", struct ijw_declaratie, declaratie_periode,
	       k_gesloten_periode, M),
	DATUM("DeclaratieDagtekening", struct ijw_declaratie, declaratie_dagtekening, M),
	KLASSE("TotaalIngediendBedrag", struct ijw_declaratie, totaal_ingediend_bedrag,
	       k_totaalbedrag, M),
	LIJST("Clienten", "Client", struct ijw_declaratie, clienten, k_declaratie_client, M),
};
DEF(k_declaratie_323, "Declaratie", struct ijw_declaratie, v_declaratie_323);

static const struct veld v_declaratie_325[] = {
	CODE("DeclaratieNummer", struct ijw_declaratie, declaratie_nummer, M),
	KLASSE("TotaalIngediendBedrag", struct ijw_declaratie, totaal_ingediend_bedrag,
	       k_totaalbedrag, M),
	KLASSE("TotaalToegekendBedrag", struct ijw_declaratie, totaal_toegekend_bedrag,
	       k_totaalbedrag, M),
	LIJST("Clienten", "Client", struct ijw_declaratie, clienten, k_declaratie_client, 0),
	RC(struct ijw_declaratie),
};
DEF(k_declaratie_325, "DeclaratieAntwoord", struct ijw_declaratie, v_declaratie_325);

/* ---- the soorten -------------------------------------------------------------- */

/* The message facts (name, code, namespace, partner) are in soort.c; the
 * first four arguments stay here to keep each row readable. */
#define SOORT(nnn, code, retour, partner, header, body, k, veld) \
	{ &(header), body, &(k), offsetof(struct ijw_bericht, veld) }

const struct soortinfo bericht_soorten[IJW_SOORTEN] = {
	[IJW_JW301] = SOORT("301", "436", false, IJW_JW302, k_header_heen, "Client",
			    k_client_toewijzing, toewijzing),
	[IJW_JW302] = SOORT("302", "437", true, IJW_JW301, k_header_retour, "Client",
			    k_client_toewijzing, toewijzing),
	[IJW_JW305] = SOORT("305", "438", false, IJW_JW306, k_header_heen, "Client",
			    k_client_start, start),
	[IJW_JW306] = SOORT("306", "439", true, IJW_JW305, k_header_retour, "Client",
			    k_client_start, start),
	[IJW_JW307] = SOORT("307", "440", false, IJW_JW308, k_header_heen, "Client",
			    k_client_stop, stop),
	[IJW_JW308] = SOORT("308", "441", true, IJW_JW307, k_header_retour, "Client",
			    k_client_stop, stop),
	[IJW_JW315] = SOORT("315", "446", false, IJW_JW316, k_header_heen, "Client",
			    k_client_vot, vot),
	[IJW_JW316] = SOORT("316", "447", true, IJW_JW315, k_header_retour, "Client",
			    k_client_vot, vot),
	[IJW_JW317] = SOORT("317", "486", false, IJW_JW318, k_header_heen, "Client",
			    k_client_vow, vow),
	[IJW_JW318] = SOORT("318", "487", true, IJW_JW317, k_header_retour, "Client",
			    k_client_vow, vow),
	[IJW_JW319] = SOORT("319", "488", false, IJW_JW320, k_header_heen, "Antwoord",
			    k_antwoord, antwoord),
	[IJW_JW320] = SOORT("320", "489", true, IJW_JW319, k_header_retour, "Antwoord",
			    k_antwoord, antwoord),
	[IJW_JW323] = SOORT("323", "490", false, IJW_JW325, k_header_heen, "Declaratie",
			    k_declaratie_323, declaratie),
	[IJW_JW325] = SOORT("325", "491", true, IJW_JW323, k_header_325, "DeclaratieAntwoord",
			    k_declaratie_325, declaratie),
};

/* ---- initialising and allocating ------------------------------------------------ */

void bericht_klasse_init(const struct klasse *k, void *p)
{
	for (size_t i = 0; i < k->n; i++) {
		const struct veld *v = &k->veld[i];
		void *f = veld_ptr(p, v);
		switch (v->soort) {
		case V_DATUM:
			*(dag_t *)f = DAG_GEEN;
			break;
		case V_GETAL:
			*(int64_t *)f = IJW_GEEN;
			break;
		case V_KLASSE:
			bericht_klasse_init(v->klasse, f);
			break;
		case V_CODE:
		case V_TEKST:
		case V_TIJD:
		case V_KLASSE_OPT:
		case V_LIJST:
		case V_RETOURCODES:
			break;
		}
	}
}

void *bericht_klasse_nieuw(struct ijw_bericht *b, const struct klasse *k)
{
	void *p = bericht_alloc(b, k->grootte);
	if (p)
		bericht_klasse_init(k, p);
	return p;
}

static void header_init(struct ijw_header *h)
{
	memset(h, 0, sizeof *h);
	bericht_klasse_init(&k_header_retour, h);
	bericht_klasse_init(&k_header_325, h);
}

struct ijw_bericht *bericht_nieuw(enum ijw_soort s)
{
	if ((unsigned)s >= IJW_SOORTEN)
		return NULL;
	struct ijw_bericht *b = calloc(1, sizeof *b);
	if (!b)
		return NULL;
	b->arena = calloc(1, sizeof *b->arena);
	if (!b->arena) {
		free(b);
		return NULL;
	}
	b->soort = s;
	header_init(&b->header);
	snprintf(b->header.berichtcode, sizeof b->header.berichtcode, "%s", bericht_soort_code(s));
	b->header.berichtversie = 3;
	b->header.berichtsubversie = 2;
	return b;
}

/* bericht_klassen: per public class the table that lays it out, and for
 * the one struct that two tables share with different fields (Declaratie
 * of a 323 and of a 325) the second table. */
static const struct klasse *const klasse_tabel[][2] = {
	[IJW_K_CLIENT_TOEWIJZING] = { &k_client_toewijzing, NULL },
	[IJW_K_RELATIE] = { &k_relatie, NULL },
	[IJW_K_CONTACT] = { &k_contact, NULL },
	[IJW_K_TOEGEWEZEN_PRODUCT] = { &k_toegewezen_product, NULL },
	[IJW_K_CLIENT_START] = { &k_client_start, NULL },
	[IJW_K_START_PRODUCT] = { &k_start_product, NULL },
	[IJW_K_CLIENT_STOP] = { &k_client_stop, NULL },
	[IJW_K_STOP_PRODUCT] = { &k_stop_product, NULL },
	[IJW_K_CLIENT_VOT] = { &k_client_vot, NULL },
	[IJW_K_AANGEVRAAGD_PRODUCT] = { &k_aangevraagd_product, NULL },
	[IJW_K_CLIENT_VOW] = { &k_client_vow, NULL },
	[IJW_K_ONGEWIJZIGD_PRODUCT] = { &k_ongewijzigd_product, NULL },
	[IJW_K_TE_WIJZIGEN_PRODUCT] = { &k_te_wijzigen_product, NULL },
	[IJW_K_NIEUW_PRODUCT] = { &k_nieuw_product, NULL },
	[IJW_K_ANTWOORD] = { &k_antwoord, NULL },
	[IJW_K_WOONPLAATSBEGINSEL] = { &k_woonplaatsbeginsel, NULL },
	[IJW_K_DECLARATIE] = { &k_declaratie_323, &k_declaratie_325 },
	[IJW_K_DECLARATIE_CLIENT] = { &k_declaratie_client, NULL },
	[IJW_K_PRESTATIE] = { &k_prestatie, NULL },
	[IJW_K_PRODUCT] = { &k_product, NULL },
	[IJW_K_OMVANG] = { &k_omvang, NULL },
	[IJW_K_GEBOORTEDATUM] = { &k_geboortedatum, NULL },
	[IJW_K_ACHTERNAAM] = { &k_achternaam, NULL },
	[IJW_K_COMMUNICATIE] = { &k_communicatie, NULL },
	[IJW_K_ADRES] = { &k_adres, NULL },
	[IJW_K_HUIS] = { &k_huis, NULL },
	[IJW_K_TELEFOONNUMMERS] = { &k_telefoonnummers, NULL },
	[IJW_K_TELEFOON] = { &k_telefoon, NULL },
	[IJW_K_PERIODE] = { &k_open_periode, NULL },
};

void *bericht_klassen(struct ijw_bericht *b, enum ijw_klasse k, size_t n)
{
	if ((size_t)k >= sizeof klasse_tabel / sizeof klasse_tabel[0] || n == 0)
		return NULL;
	const struct klasse *kl = klasse_tabel[k][0];
	if (n > SIZE_MAX / kl->grootte)
		return NULL;
	unsigned char *p = bericht_alloc(b, n * kl->grootte);
	if (!p)
		return NULL;
	for (size_t i = 0; i < n; i++)
		for (size_t t = 0; t < 2 && klasse_tabel[k][t]; t++)
			bericht_klasse_init(klasse_tabel[k][t], p + i * kl->grootte);
	return p;
}

/* ---- retourcodes ------------------------------------------------------------------- */

static bool retourcode_vorm(const char *code)
{
	return code && strlen(code) == IJW_RETOURCODE - 1;
}

int bericht_retourcode_voeg_toe(struct ijw_bericht *b, struct ijw_retourcodes *rc,
				const char *code)
{
	if (!retourcode_vorm(code) || rc->n >= IJW_MAX_HERHALING)
		return -1;
	ijw_retourcode *nieuw = bericht_alloc(b, (rc->n + 1) * sizeof *nieuw);
	if (!nieuw)
		return -1;
	if (rc->n)
		memcpy(nieuw, rc->code, rc->n * sizeof *nieuw);
	memcpy(nieuw[rc->n], code, IJW_RETOURCODE);
	rc->code = nieuw;
	rc->n++;
	return 0;
}

int bericht_retourcode_zet(struct ijw_bericht *b, struct ijw_retourcodes *rc, const char *code)
{
	if (!retourcode_vorm(code))
		return -1;
	struct ijw_retourcodes nieuw = { 0 };
	if (bericht_retourcode_voeg_toe(b, &nieuw, code) != 0)
		return -1;
	*rc = nieuw;
	return 0;
}

/* ---- comparing ------------------------------------------------------------------------ */

static bool klasse_gelijk(const struct klasse *k, const void *a, const void *b)
{
	for (size_t i = 0; i < k->n; i++) {
		const struct veld *v = &k->veld[i];
		const void *fa = veld_ptr(a, v), *fb = veld_ptr(b, v);
		switch (v->soort) {
		case V_CODE:
		case V_TIJD:
			if (strcmp(fa, fb) != 0)
				return false;
			break;
		case V_TEKST: {
			const char *ta = *(char *const *)fa, *tb = *(char *const *)fb;
			if (!ta != !tb || (ta && strcmp(ta, tb) != 0))
				return false;
			break;
		}
		case V_DATUM:
			if (*(const dag_t *)fa != *(const dag_t *)fb)
				return false;
			break;
		case V_GETAL:
			if (*(const int64_t *)fa != *(const int64_t *)fb)
				return false;
			break;
		case V_KLASSE:
			if (!klasse_gelijk(v->klasse, fa, fb))
				return false;
			break;
		case V_KLASSE_OPT: {
			const void *pa = *(void *const *)fa, *pb = *(void *const *)fb;
			if (!pa != !pb || (pa && !klasse_gelijk(v->klasse, pa, pb)))
				return false;
			break;
		}
		case V_LIJST: {
			size_t na = *(const size_t *)((const char *)a + v->plek_n);
			size_t nb = *(const size_t *)((const char *)b + v->plek_n);
			if (na != nb)
				return false;
			const char *la = *(char *const *)fa, *lb = *(char *const *)fb;
			for (size_t j = 0; j < na; j++)
				if (!klasse_gelijk(v->klasse, la + j * v->klasse->grootte,
						   lb + j * v->klasse->grootte))
					return false;
			break;
		}
		case V_RETOURCODES: {
			const struct ijw_retourcodes *ra = fa, *rb = fb;
			if (ra->n != rb->n)
				return false;
			for (size_t j = 0; j < ra->n; j++)
				if (strcmp(ra->code[j], rb->code[j]) != 0)
					return false;
			break;
		}
		}
	}
	return true;
}

bool bericht_gelijk(const struct ijw_bericht *a, const struct ijw_bericht *b)
{
	if (!a || !b || a->soort != b->soort)
		return false;
	const struct soortinfo *si = &bericht_soorten[a->soort];
	if (!klasse_gelijk(si->header, &a->header, &b->header))
		return false;
	const void *pa = *(void *const *)((const char *)a + si->body_plek);
	const void *pb = *(void *const *)((const char *)b + si->body_plek);
	return !pa == !pb && (!pa || klasse_gelijk(si->body, pa, pb));
}

/* ---- copying and the retourbericht --------------------------------------------------- */

/* Make the struct at dst (already a shallow copy of a struct of k) own
 * copies, in b, of everything it points to. */
static int klasse_kopieer(struct ijw_bericht *b, const struct klasse *k, void *dst)
{
	for (size_t i = 0; i < k->n; i++) {
		const struct veld *v = &k->veld[i];
		void *f = veld_ptr(dst, v);
		switch (v->soort) {
		case V_CODE:
		case V_TIJD:
		case V_DATUM:
		case V_GETAL:
			break;
		case V_TEKST: {
			char **t = f;
			if (*t && !(*t = bericht_tekst(b, *t)))
				return -1;
			break;
		}
		case V_KLASSE:
			if (klasse_kopieer(b, v->klasse, f) != 0)
				return -1;
			break;
		case V_KLASSE_OPT: {
			void **pp = f;
			if (!*pp)
				break;
			void *kopie = bericht_alloc(b, v->klasse->grootte);
			if (!kopie)
				return -1;
			memcpy(kopie, *pp, v->klasse->grootte);
			*pp = kopie;
			if (klasse_kopieer(b, v->klasse, kopie) != 0)
				return -1;
			break;
		}
		case V_LIJST: {
			size_t n = *(size_t *)((char *)dst + v->plek_n);
			void **pp = f;
			if (n == 0) {
				*pp = NULL;
				break;
			}
			char *kopie = bericht_alloc(b, n * v->klasse->grootte);
			if (!kopie)
				return -1;
			memcpy(kopie, *pp, n * v->klasse->grootte);
			*pp = kopie;
			for (size_t j = 0; j < n; j++)
				if (klasse_kopieer(b, v->klasse, kopie + j * v->klasse->grootte) != 0)
					return -1;
			break;
		}
		case V_RETOURCODES: {
			struct ijw_retourcodes *rc = f;
			if (rc->n == 0) {
				rc->code = NULL;
				break;
			}
			ijw_retourcode *kopie = bericht_alloc(b, rc->n * sizeof *kopie);
			if (!kopie)
				return -1;
			memcpy(kopie, rc->code, rc->n * sizeof *kopie);
			rc->code = kopie;
			break;
		}
		}
	}
	return 0;
}

/* Give every class below p (p included) the single RetourCode code. */
static int klasse_retourcodes(struct ijw_bericht *b, const struct klasse *k, void *p,
			      const char *code)
{
	for (size_t i = 0; i < k->n; i++) {
		const struct veld *v = &k->veld[i];
		void *f = veld_ptr(p, v);
		switch (v->soort) {
		case V_CODE:
		case V_TIJD:
		case V_DATUM:
		case V_GETAL:
		case V_TEKST:
			break;
		case V_KLASSE:
			if (klasse_retourcodes(b, v->klasse, f, code) != 0)
				return -1;
			break;
		case V_KLASSE_OPT:
			if (*(void **)f && klasse_retourcodes(b, v->klasse, *(void **)f, code) != 0)
				return -1;
			break;
		case V_LIJST: {
			size_t n = *(size_t *)((char *)p + v->plek_n);
			char *l = *(char **)f;
			for (size_t j = 0; j < n; j++)
				if (klasse_retourcodes(b, v->klasse, l + j * v->klasse->grootte,
						       code) != 0)
					return -1;
			break;
		}
		case V_RETOURCODES:
			if (bericht_retourcode_zet(b, f, code) != 0)
				return -1;
			break;
		}
	}
	return 0;
}

static struct ijw_bericht *retour_fout(struct ijw_bericht *r, struct bericht_fout *fout,
				       const char *plek, const char *melding)
{
	bericht_vrij(r);
	if (fout) {
		fout->regel = 0;
		snprintf(fout->plek, sizeof fout->plek, "%s", plek);
		snprintf(fout->melding, sizeof fout->melding, "%s", melding);
	}
	return NULL;
}

/* Copy text into a fixed field; false when it is empty or does not fit. */
static bool zet_vast(char *dst, size_t n, const char *s)
{
	if (!s || !*s || strlen(s) >= n)
		return false;
	memcpy(dst, s, strlen(s) + 1);
	return true;
}

struct ijw_bericht *bericht_maak_retour(const struct ijw_bericht *heen,
					const struct bericht_retour *r,
					struct bericht_fout *fout)
{
	if (!heen || !r || (unsigned)heen->soort >= IJW_SOORTEN || bericht_is_retour(heen->soort))
		return retour_fout(NULL, fout, "Bericht", "geen heenbericht om op te antwoorden");
	enum ijw_soort rs = bericht_soort_partner(heen->soort);
	const struct soortinfo *si = &bericht_soorten[rs];
	struct ijw_bericht *ret = bericht_nieuw(rs);
	if (!ret)
		return retour_fout(NULL, fout, "Bericht", "geen geheugen");

	struct ijw_header *h = &ret->header;
	const struct ijw_header *hh = &heen->header;
	memcpy(h->afzender, hh->afzender, sizeof h->afzender);
	memcpy(h->ontvanger, hh->ontvanger, sizeof h->ontvanger);
	if (r->xslt_versie && !zet_vast(h->xslt_versie, sizeof h->xslt_versie, r->xslt_versie))
		return retour_fout(ret, fout, "Header/XsltVersie", "XsltVersie is leeg of te lang");
	if (rs == IJW_JW325) {
		/* The 325 is the gemeente's own message: its own identification,
		 * the 323's in DeclaratieIdentificatie, sender and receiver swapped. */
		memcpy(h->afzender, hh->ontvanger, sizeof h->afzender);
		memcpy(h->ontvanger, hh->afzender, sizeof h->ontvanger);
		h->declaratie_identificatie = hh->berichtidentificatie;
		h->xsd_versie_declaratie = hh->xsd_versie;
		if (!zet_vast(h->berichtidentificatie.identificatie,
			      sizeof h->berichtidentificatie.identificatie, r->identificatie))
			return retour_fout(ret, fout, "Header/BerichtIdentificatie/Identificatie",
					   "identificatie is leeg of te lang");
		h->berichtidentificatie.dagtekening = r->dagtekening;
		h->xsd_versie = r->xsd_versie;
		if (!r->header_code)
			return retour_fout(ret, fout, "Header/RetourCodes",
					   "een 325 heeft altijd een RetourCode in de header");
	} else {
		h->berichtidentificatie = hh->berichtidentificatie;
		h->xsd_versie = hh->xsd_versie;
		if (!zet_vast(h->identificatie_retour, sizeof h->identificatie_retour,
			      r->identificatie))
			return retour_fout(ret, fout, "Header/IdentificatieRetour",
					   "identificatie is leeg of te lang");
		h->dagtekening_retour = r->dagtekening;
		h->xsd_versie_retour = r->xsd_versie;
	}
	if (r->header_code && bericht_retourcode_zet(ret, &h->retourcodes, r->header_code) != 0)
		return retour_fout(ret, fout, "Header/RetourCodes", "ongeldige retourcode");

	if (!r->met_klassen)
		return ret;
	const void *body = *(void *const *)((const char *)heen + si->body_plek);
	if (!body)
		return retour_fout(ret, fout, si->body_naam, "het heenbericht heeft geen inhoud");
	void *kopie = bericht_alloc(ret, si->body->grootte);
	if (!kopie)
		return retour_fout(ret, fout, "Bericht", "geen geheugen");
	memcpy(kopie, body, si->body->grootte);
	*(void **)((char *)ret + si->body_plek) = kopie;
	if (klasse_kopieer(ret, si->body, kopie) != 0)
		return retour_fout(ret, fout, "Bericht", "geen geheugen");
	if (!retourcode_vorm(r->klasse_code) ||
	    klasse_retourcodes(ret, si->body, kopie, r->klasse_code) != 0)
		return retour_fout(ret, fout, si->body_naam,
				   "ongeldige retourcode voor de klassen (of geen geheugen)");
	if (rs == IJW_JW325)
		ret->declaratie->totaal_toegekend_bedrag = r->totaal_toegekend_bedrag;
	return ret;
}
