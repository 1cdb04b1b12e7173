/* bericht: the 14 iJw 3.2 messages as typed C structs, read from a parsed
 * libxml2 document (bericht_lees.c) and written back as XML that validates
 * against the XSD (bericht_schrijf.c).
 *
 * One struct per class of the XSD, field names as iJw spells the elements.
 * A heenbericht and its retourbericht share the structs (301/302, 305/306,
 * 307/308, 315/316, 317/318, 319/320, 323/325): every class carries its
 * RetourCodes, used only when the message is a retourbericht.
 *
 * Representation:
 * - codes and identifiers: fixed char arrays holding the text exactly as in
 *   the XML ("0546", "45", "02", "0200"); "" = element absent (iJw forbids
 *   empty elements, RS033, so "" never stands for a present value);
 * - free text (names, Commentaar, address parts): char *, NULL = absent;
 * - dates: dag_t, DAG_GEEN = absent;
 * - integers (ToewijzingNummer, Volume, Budget, Bedrag in eurocents...):
 *   int64_t, IJW_GEEN = absent (every iJw integer is >= 0);
 * - optional composite elements (Product, Omvang, Adres...): a pointer,
 *   NULL = absent; mandatory ones are embedded;
 * - repeated classes: a pointer to an array plus its count; for an optional
 *   container (Relaties, Clienten in a 325) count 0 = container absent.
 *
 * Memory: a struct ijw_bericht owns everything reachable from it (one arena);
 * bericht_vrij() frees it all. Strings and arrays hung into a message by the
 * caller must come from bericht_alloc()/bericht_tekst()/bericht_klassen() of
 * that same message (or outlive it). A message is not thread-safe; distinct
 * messages may be used from distinct threads.
 */
#ifndef JR_IJW_BERICHT_H
#define JR_IJW_BERICHT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <libxml/tree.h>

#include "domain/datum.h"
#include "ijw/soort.h"

/* Absent integer (all iJw integers are non-negative). */
#define IJW_GEEN INT64_C(-1)

/* Sizes of the fixed text fields, NUL included. XSD lengths count
 * characters; identifiers that allow any character get 4 bytes each
 * (UTF-8), codes and digit strings one. */
#define IJW_CODE1 2             /* one-character codes: Geslacht, Frequentie */
#define IJW_CODE2 3             /* two-character codes: Categorie, Eenheid */
#define IJW_RETOURCODE 5        /* RetourCode: 4 positions */
#define IJW_BERICHTCODE 4       /* "436" */
#define IJW_BSN 10              /* 9 digits */
#define IJW_PARTIJ 9            /* Afzender/Ontvanger: AGB (8) or gemeente (4) */
#define IJW_GEMEENTE 5          /* CBS code, 4 digits */
#define IJW_AGB 9               /* AGB code, 8 digits */
#define IJW_IDENTIFICATIE 49    /* 12 characters */
#define IJW_VERSIE 32           /* "1.0.0" */
#define IJW_REFERENTIE 145      /* ReferentieAanbieder: 36 characters */
#define IJW_REFERENTIENUMMER 81 /* 20 characters */
#define IJW_PRODUCTCODE 21      /* 5 characters */
#define IJW_PERSOONSID 81       /* 20 characters */
#define IJW_TIJD 19             /* "hh:mm:ss" with up to 10 fraction digits */

/* Upper bound on any repeated class in one message. A 25 MB JW323 (OP179)
 * holds well under 100 000 Prestaties; beyond this the reader refuses. */
#define IJW_MAX_HERHALING 250000


typedef char ijw_retourcode[IJW_RETOURCODE];

struct ijw_retourcodes {
	ijw_retourcode *code;
	size_t n;
};

/* ---- composite data types of the basisschema (CDT_*) -------------------- */

struct ijw_xsdversie {
	char basisschema_xsd_versie[IJW_VERSIE];
	char bericht_xsd_versie[IJW_VERSIE];
};

struct ijw_berichtidentificatie {
	char identificatie[IJW_IDENTIFICATIE];
	dag_t dagtekening;
};

struct ijw_geboortedatum {
	dag_t datum;
	char datum_gebruik[IJW_CODE1];
};

struct ijw_achternaam {
	char *achternaam;
	char *voorvoegsel;
};

/* CDT_VolledigeNaam; a CDT_VerkorteNaam (305/307/315) leaves partnernaam
 * NULL and naam_gebruik "". */
struct ijw_naam {
	struct ijw_achternaam geslachtsnaam;
	struct ijw_achternaam *partnernaam;
	char *voornamen;
	char *voorletters;
	char naam_gebruik[IJW_CODE1];
};

struct ijw_product {
	char categorie[IJW_CODE2];
	char code[IJW_PRODUCTCODE];
};

struct ijw_omvang {
	int64_t volume;
	char eenheid[IJW_CODE2];
	char frequentie[IJW_CODE1];
};

/* CDT_GeslotenPeriode (both dates) and CDT_OpenPeriode (either may be
 * DAG_GEEN). */
struct ijw_periode {
	dag_t begindatum;
	dag_t einddatum;
};

/* CDT_BedragMetDC (Bedrag) and CDT_TotaalBedragMetDC (TotaalBedrag):
 * eurocents, with DebetCredit "C" or "D" as sent. */
struct ijw_bedrag {
	int64_t bedrag;
	char debet_credit[IJW_CODE1];
};

struct ijw_referentie {
	char referentie_nummer[IJW_REFERENTIENUMMER];
	char vorig_referentie_nummer[IJW_REFERENTIENUMMER];
};

struct ijw_verwijzer {
	char type[IJW_CODE2];
	char *naam;
	char zorgverlener_code[IJW_AGB];
};

struct ijw_communicatie {
	char vorm[IJW_CODE1];
	char *taal;
};

struct ijw_huis {
	int64_t huisnummer;
	char *huisletter;
	char *huisnummer_toevoeging;
	char aanduiding_woonadres[IJW_CODE2];
};

struct ijw_adres {
	struct ijw_huis *huis;
	char *postcode;
	char *straatnaam;
	char *plaatsnaam;
	char land_code[IJW_CODE2];
};

struct ijw_telefoon {
	char *telefoonnummer;
	char *landnummer;
};

struct ijw_telefoonnummers {
	struct ijw_telefoon telefoon01;
	struct ijw_telefoon *telefoon02;
};

/* ---- header ------------------------------------------------------------- */

/* One struct for the three header shapes:
 * heenbericht (301 305 307 315 317 319 323): the first seven fields;
 * retourbericht 302 306 308 316 318 320: plus identificatie_retour,
 *   dagtekening_retour, xslt_versie (optional), xsd_versie_retour and
 *   retourcodes (optional: n may be 0);
 * 325: plus declaratie_identificatie, xslt_versie (optional),
 *   xsd_versie_declaratie and retourcodes (mandatory). */
struct ijw_header {
	char berichtcode[IJW_BERICHTCODE];
	int64_t berichtversie;
	int64_t berichtsubversie;
	char afzender[IJW_PARTIJ];
	char ontvanger[IJW_PARTIJ];
	struct ijw_berichtidentificatie berichtidentificatie;
	struct ijw_xsdversie xsd_versie;
	char identificatie_retour[IJW_IDENTIFICATIE];
	dag_t dagtekening_retour;
	struct ijw_berichtidentificatie declaratie_identificatie;
	char xslt_versie[IJW_VERSIE];
	struct ijw_xsdversie xsd_versie_retour;
	struct ijw_xsdversie xsd_versie_declaratie;
	struct ijw_retourcodes retourcodes;
};

/* ---- JW301 / JW302: toewijzing ------------------------------------------ */

struct ijw_contact {
	char soort[IJW_CODE2];
	struct ijw_adres *adres;
	char *organisatie;
	struct ijw_telefoonnummers *telefoon;
	char *emailadres;
	struct ijw_periode *periode;
	struct ijw_retourcodes retourcodes;
};

struct ijw_relatie {
	char nummer[IJW_PERSOONSID];
	int64_t volgorde;
	char soort[IJW_CODE2];
	struct ijw_geboortedatum *geboortedatum;
	char geslacht[IJW_CODE1];
	struct ijw_naam naam;
	struct ijw_contact contact;
	struct ijw_retourcodes retourcodes;
};

struct ijw_toegewezen_product {
	int64_t toewijzing_nummer;
	char referentie_aanbieder[IJW_REFERENTIE];
	struct ijw_product *product;
	dag_t toewijzingsdatum;
	char toewijzingstijd[IJW_TIJD];
	dag_t ingangsdatum;
	dag_t einddatum;
	char reden_wijziging[IJW_CODE2];
	struct ijw_omvang *omvang;
	int64_t budget;
	char *commentaar;
	struct ijw_retourcodes retourcodes;
};

struct ijw_client_toewijzing {
	char bsn[IJW_BSN];
	struct ijw_geboortedatum geboortedatum;
	char geslacht[IJW_CODE1];
	struct ijw_naam naam;
	struct ijw_communicatie *communicatie;
	char juridische_status[IJW_CODE2];
	char wettelijke_vertegenwoordiging[IJW_CODE2];
	char *commentaar;
	struct ijw_relatie *relaties;               /* Relaties/Relatie, 0 = absent */
	size_t n_relaties;
	struct ijw_contact *contactgegevens;        /* Contactgegevens/Contact */
	size_t n_contactgegevens;
	struct ijw_toegewezen_product *toegewezen_producten;
	size_t n_toegewezen_producten;
	struct ijw_retourcodes retourcodes;
};

/* ---- JW305 / JW306: start zorg, JW307 / JW308: stop zorg ---------------- */

struct ijw_start_product {
	int64_t toewijzing_nummer;
	struct ijw_product *product;
	dag_t toewijzing_ingangsdatum;
	dag_t begindatum;
	char status_aanlevering[IJW_CODE1];
	struct ijw_retourcodes retourcodes;
};

struct ijw_stop_product {
	int64_t toewijzing_nummer;
	struct ijw_product *product;
	dag_t toewijzing_ingangsdatum;
	dag_t begindatum;
	char reden_beeindiging[IJW_CODE2];
	dag_t einddatum;
	char status_aanlevering[IJW_CODE1];
	struct ijw_retourcodes retourcodes;
};

struct ijw_client_start {
	char bsn[IJW_BSN];
	struct ijw_geboortedatum geboortedatum;
	char geslacht[IJW_CODE1];
	struct ijw_naam naam;
	struct ijw_start_product *start_producten;
	size_t n_start_producten;
	struct ijw_retourcodes retourcodes;
};

struct ijw_client_stop {
	char bsn[IJW_BSN];
	struct ijw_geboortedatum geboortedatum;
	char geslacht[IJW_CODE1];
	struct ijw_naam naam;
	struct ijw_stop_product *stop_producten;
	size_t n_stop_producten;
	struct ijw_retourcodes retourcodes;
};

/* ---- JW315 / JW316: verzoek om toewijzing ------------------------------- */

struct ijw_aangevraagd_product {
	char referentie_aanbieder[IJW_REFERENTIE];
	int64_t beschikking_nummer;
	struct ijw_product *product;
	dag_t beschikking_ingangsdatum;
	dag_t toewijzing_ingangsdatum;
	dag_t toewijzing_einddatum;
	struct ijw_omvang *omvang;
	int64_t budget;
	struct ijw_verwijzer verwijzer;
	char raamcontract[IJW_CODE1];
	char *commentaar;
	struct ijw_retourcodes retourcodes;
};

struct ijw_client_vot {
	char bsn[IJW_BSN];
	struct ijw_geboortedatum geboortedatum;
	char geslacht[IJW_CODE1];
	struct ijw_naam naam;
	char gezagsdrager_bekend[IJW_CODE1];
	char *commentaar;
	struct ijw_aangevraagd_product *aangevraagde_producten;
	size_t n_aangevraagde_producten;
	struct ijw_retourcodes retourcodes;
};

/* ---- JW317 / JW318: verzoek om wijziging -------------------------------- */

struct ijw_ongewijzigd_product {
	int64_t toewijzing_nummer;
	struct ijw_retourcodes retourcodes;
};

struct ijw_te_wijzigen_product {
	int64_t toewijzing_nummer;
	dag_t gewenste_ingangsdatum;
	dag_t einddatum;
	struct ijw_omvang *omvang;
	int64_t budget;
	struct ijw_retourcodes retourcodes;
};

struct ijw_nieuw_product {
	struct ijw_product *product;
	dag_t gewenste_ingangsdatum;
	dag_t einddatum;
	struct ijw_omvang *omvang;
	int64_t budget;
	struct ijw_retourcodes retourcodes;
};

struct ijw_verzoek {
	char referentie_aanbieder[IJW_REFERENTIE];
	char reden_verzoek[IJW_CODE1];
	struct ijw_ongewijzigd_product *ongewijzigde_producten; /* 0 = absent */
	size_t n_ongewijzigde_producten;
	struct ijw_te_wijzigen_product *te_wijzigen_producten;  /* 0 = absent */
	size_t n_te_wijzigen_producten;
	struct ijw_nieuw_product *nieuwe_producten;             /* 0 = absent */
	size_t n_nieuwe_producten;
	struct ijw_retourcodes retourcodes;
};

struct ijw_client_vow {
	char bsn[IJW_BSN];
	struct ijw_verzoek verzoek;
	struct ijw_retourcodes retourcodes;
};

/* ---- JW319 / JW320: antwoordbericht ------------------------------------- */

struct ijw_woonplaatsbeginsel {
	char gemeente[IJW_GEMEENTE];
	struct ijw_retourcodes retourcodes;
};

struct ijw_antwoord {
	char referentie_aanbieder[IJW_REFERENTIE];
	char verzoek_antwoord[IJW_CODE1];
	char reden_afwijzing_verzoek[IJW_CODE2];
	struct ijw_woonplaatsbeginsel *woonplaatsbeginsel;
	struct ijw_retourcodes retourcodes;
};

/* ---- JW323 / JW325: declaratie ------------------------------------------ */

struct ijw_prestatie {
	struct ijw_referentie product_referentie;
	int64_t toewijzing_nummer;
	char product_categorie[IJW_CODE2];
	char product_code[IJW_PRODUCTCODE];
	struct ijw_periode product_periode;
	int64_t geleverd_volume;
	char eenheid[IJW_CODE2];
	int64_t product_tarief;
	struct ijw_bedrag ingediend_bedrag;
	struct ijw_retourcodes retourcodes;
};

struct ijw_declaratie_client {
	char bsn[IJW_BSN];
	struct ijw_prestatie *prestaties;
	size_t n_prestaties;
	struct ijw_retourcodes retourcodes;
};

/* Declaratie (323) and DeclaratieAntwoord (325) in one struct:
 * declaratie_periode and declaratie_dagtekening only in a 323;
 * totaal_toegekend_bedrag and retourcodes only in a 325, where clienten
 * may be absent (n_clienten 0). */
struct ijw_declaratie {
	char declaratie_nummer[IJW_IDENTIFICATIE];
	struct ijw_periode declaratie_periode;
	dag_t declaratie_dagtekening;
	struct ijw_bedrag totaal_ingediend_bedrag;
	struct ijw_bedrag totaal_toegekend_bedrag;
	struct ijw_declaratie_client *clienten;
	size_t n_clienten;
	struct ijw_retourcodes retourcodes;
};

/* ---- the message -------------------------------------------------------- */

struct ijw_arena;

/* Exactly one body pointer matches the soort; it is NULL in a
 * retourbericht that carries only its header (rejected with 0001), and
 * always set in a heenbericht. */
struct ijw_bericht {
	enum ijw_soort soort;
	struct ijw_header header;
	struct ijw_client_toewijzing *toewijzing; /* 301, 302: Client */
	struct ijw_client_start *start;           /* 305, 306: Client */
	struct ijw_client_stop *stop;             /* 307, 308: Client */
	struct ijw_client_vot *vot;               /* 315, 316: Client */
	struct ijw_client_vow *vow;               /* 317, 318: Client */
	struct ijw_antwoord *antwoord;            /* 319, 320: Antwoord */
	struct ijw_declaratie *declaratie;        /* 323: Declaratie, 325: DeclaratieAntwoord */
	struct ijw_arena *arena;
};

/* Where reading or writing failed: the line in the document (0 when
 * unknown, e.g. while writing), the element path ("Bericht/Client/Bsn")
 * and a Dutch message. */
struct bericht_fout {
	long regel;
	char plek[256];
	char melding[256];
};

#define IJW_NS_BASIS "http://www.istandaarden.nl/ijw/3_2/basisschema/schema"

/* ---- building ----------------------------------------------------------- */

/* An empty message of soort s: header with BerichtCode, BerichtVersie 3
 * and BerichtSubversie 2, dates DAG_GEEN, numbers IJW_GEEN, no body.
 * NULL when out of memory. Free with bericht_vrij(). */
struct ijw_bericht *bericht_nieuw(enum ijw_soort s);

/* Free a message and everything it owns; NULL is fine. */
void bericht_vrij(struct ijw_bericht *b);

/* n bytes, zeroed, owned by b (aligned for any type). NULL when out of
 * memory or n is 0. */
void *bericht_alloc(struct ijw_bericht *b, size_t n);

/* Copy of s owned by b; NULL when out of memory (or s is NULL). */
char *bericht_tekst(struct ijw_bericht *b, const char *s);

/* The classes that a caller may allocate for a message it builds. */
enum ijw_klasse {
	IJW_K_CLIENT_TOEWIJZING, IJW_K_RELATIE, IJW_K_CONTACT,
	IJW_K_TOEGEWEZEN_PRODUCT, IJW_K_CLIENT_START, IJW_K_START_PRODUCT,
	IJW_K_CLIENT_STOP, IJW_K_STOP_PRODUCT, IJW_K_CLIENT_VOT,
	IJW_K_AANGEVRAAGD_PRODUCT, IJW_K_CLIENT_VOW, IJW_K_ONGEWIJZIGD_PRODUCT,
	IJW_K_TE_WIJZIGEN_PRODUCT, IJW_K_NIEUW_PRODUCT, IJW_K_ANTWOORD,
	IJW_K_WOONPLAATSBEGINSEL, IJW_K_DECLARATIE, IJW_K_DECLARATIE_CLIENT,
	IJW_K_PRESTATIE, IJW_K_PRODUCT, IJW_K_OMVANG, IJW_K_GEBOORTEDATUM,
	IJW_K_ACHTERNAAM, IJW_K_COMMUNICATIE, IJW_K_ADRES, IJW_K_HUIS,
	IJW_K_TELEFOONNUMMERS, IJW_K_TELEFOON, IJW_K_PERIODE,
};

/* An array of n classes k owned by b, each initialised as absent
 * (dates DAG_GEEN, numbers IJW_GEEN, texts ""/NULL). NULL when out of
 * memory or n is 0. */
void *bericht_klassen(struct ijw_bericht *b, enum ijw_klasse k, size_t n);

/* Set rc to the single code (four characters, e.g. "0200"), allocated in b.
 * Returns 0, or -1 when out of memory or the code is not 4 characters. */
int bericht_retourcode_zet(struct ijw_bericht *b, struct ijw_retourcodes *rc,
			   const char *code);

/* Append code to rc (allocated in b). Returns 0 or -1 as above. */
int bericht_retourcode_voeg_toe(struct ijw_bericht *b, struct ijw_retourcodes *rc,
				const char *code);

/* True when a and b hold the same message (every field, every class, in
 * the same order). */
bool bericht_gelijk(const struct ijw_bericht *a, const struct ijw_bericht *b);

/* ---- the retourbericht of a heenbericht ---------------------------------- */

struct bericht_retour {
	/* 302..320: IdentificatieRetour, DagtekeningRetour, XsdVersieRetour.
	 * 325: its own BerichtIdentificatie and XsdVersie (the 323's go to
	 * DeclaratieIdentificatie and XsdVersieDeclaratie). */
	const char *identificatie;
	dag_t dagtekening;
	struct ijw_xsdversie xsd_versie;
	const char *xslt_versie;   /* NULL: XsltVersie absent */
	const char *header_code;   /* RetourCode of the header; NULL: none
	                              (a 325 always needs one) */
	/* false: header only (the 0001 answer to an in-message rule failure);
	 * true: every class echoed, each with klasse_code. */
	bool met_klassen;
	const char *klasse_code;   /* e.g. "0200" or "0233" */
	struct ijw_bedrag totaal_toegekend_bedrag; /* 325 only */
};

/* The retourbericht of heen (which must be a heenbericht): header copied
 * (for 325: Afzender and Ontvanger swapped), the retour fields from r, and
 * with met_klassen a deep copy of every class with RetourCodes set to
 * r->klasse_code. The rules that choose the codes adjust them afterwards
 * (bericht_retourcode_zet on any class; for a 325, drop approved
 * Prestaties by compacting the arrays). Returns NULL and fills *fout when
 * heen is no heenbericht, a code is malformed or memory runs out. */
struct ijw_bericht *bericht_maak_retour(const struct ijw_bericht *heen,
					const struct bericht_retour *r,
					struct bericht_fout *fout);

/* ---- reading and writing ------------------------------------------------- */

/* Read a parsed document into a new message (*uit, free with bericht_vrij).
 * The soort follows from the namespace URI of the root element Bericht
 * (prefixes do not matter). Returns 0, or -1 with *uit NULL and *fout
 * filled when the document is no iJw 3.2 message or does not follow the
 * XSD's structure (missing or unexpected element, malformed date or
 * number, text too long for its field, too many repetitions). Does not
 * replace XSD validation: enumerations and patterns are not checked. */
int bericht_lees(xmlDoc *doc, struct ijw_bericht **uit, struct bericht_fout *fout);

/* Write b as an XML document (UTF-8, default namespace of the message,
 * prefix ijw for the basisschema, elements in XSD order, absent elements
 * left out, dates JJJJ-MM-DD). Returns 0, or -1 with *fout filled when a
 * mandatory element is absent, a text is not valid UTF-8 or holds a
 * character XML cannot carry, or writing to f fails. On failure part of
 * the document may already have been written. */
int bericht_schrijf(const struct ijw_bericht *b, FILE *f, struct bericht_fout *fout);

/* As bericht_schrijf, into a new NUL-terminated buffer (caller frees with
 * free(); *len gets its length without the NUL). NULL on failure. */
char *bericht_schrijf_tekst(const struct ijw_bericht *b, size_t *len,
			    struct bericht_fout *fout);

#endif
