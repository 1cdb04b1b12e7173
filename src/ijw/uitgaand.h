/* ijw/uitgaand: the municipality's own outgoing messages, pure (no
 * database): building a JW301 (toewijzing, also wijziging, intrekking and
 * verwijdering) from model records, building a JW319 (antwoord on a
 * 315/317), and the obligations that hold for what the municipality sends
 * (the rules of kant "verzending" or "beide" for 301 and 319, regel.h),
 * checked before a message leaves.
 *
 * The checks mirror ijw/intern (received messages): each rule exists once,
 * as one row of a table in uitgaand.c, and reports a struct ijw_bevinding
 * with the rule code, the element path (/Bericht/Client/ToegewezenProducten/
 * ToegewezenProduct[2]/Einddatum; [n] only where siblings share a name) and
 * a Dutch melding. Two entry points:
 * - ijw_uitgaand_controleer: the in-message rules (controleniveau "bericht
 *   inhoud (xslt)") on a 301, 319 or 325 (the declaratie-antwoord that
 *   ijw/verwerk writes: CD060, CS325, TR137), and TR381 on a 301 against
 *   the embedded product list, needing only the message;
 * - ijw_uitgaand_controleer_kennis: the berichtoverstijgende rules (TR332,
 *   TR379, TR385 on a 301; TR355, TR359, TR360, TR365 on a 319; TR304,
 *   TR337, TR366, TR367, TR371, TR376 on a 325 against its 323), which need
 *   what the municipality sent and received before; the caller (the
 *   pipeline, which owns the store) passes that as plain arrays.
 * Any finding means: do not send the message; fix what is built.
 *
 * Memory: ijw_maak_301/ijw_maak_319 return a new message the caller frees
 * with bericht_vrij(); every input is only read and may be freed once they
 * return (texts are copied into the message). Findings go into the
 * caller's array. No global state: thread-safe.
 */
#ifndef JR_IJW_UITGAAND_H
#define JR_IJW_UITGAAND_H

#include <stddef.h>
#include <stdint.h>

#include "domain/datum.h"
#include "domain/model.h"
#include "ijw/bericht.h"
#include "ijw/xml.h"

/* XsdVersie of every outgoing message: the version in the appinfo of the
 * shipped schemas (IV034 says to copy it; the XSDs in data/ijw/3.2 say 0.1.0). */
#define IJW_UITGAAND_XSD_VERSIE "0.1.0"

/* Header parties of a 301/319: the sending gemeente (CBS code, "0546")
 * and the receiving aanbieder (AGB code, 8 digits). */
struct ijw_afzender_ontvanger {
	char gemeente[GEMEENTE_CODE_LEN];
	char agb[AGB_LEN];
};

/* One address of the client as the gemeente knows it (the model keeps
 * none; the caller takes it from the BRP). Becomes a Contactgegevens/
 * Contact. NULL or "" texts and IJW_GEEN huisnummer are left out. */
struct ijw_client_adres {
	const char *soort;           /* COD757: "01" BRP, "02" correspondentie,
	                                "03" verblijf, "04" tijdelijk */
	const char *straatnaam;
	int64_t huisnummer;
	const char *huisletter;
	const char *huisnummer_toevoeging;
	const char *postcode;        /* "2311AB" */
	const char *plaatsnaam;
	const char *land_code;       /* "NL" */
	const char *telefoonnummer;
	const char *landnummer;      /* of the telefoonnummer, "0031"; mandatory
	                                with a telefoonnummer */
};

/* What a toewijzing record does not hold but its ToegewezenProduct
 * needs. */
struct ijw_301_product {
	/* Toewijzingstijd, "hh:mm:ss": with Toewijzingsdatum the moment of the
	 * decision (not of sending), which tells the aanbieder which version of
	 * a toewijzing is the most recent (IV013). Mandatory. */
	const char *toewijzingstijd;
	/* ReferentieAanbieder of the AangevraagdProduct (315) or Verzoek (317)
	 * this toewijzing honours, only in the first 301 after that honouring
	 * (TR379, IV097); NULL otherwise. */
	const char *referentie_aanbieder;
};

/* Build a JW301 for one client (j) at one aanbieder (ao->agb).
 *
 * t[0..n) are the toewijzingen the message carries, p[i] the extras of
 * t[i]. OP087 decides that set and it is the caller's: every toewijzing of
 * this client at this aanbieder valid on or after the dagtekening, plus
 * every one changed since the previous 301 to this aanbieder for this
 * client (an intrekking or verwijdering the aanbieder has not yet seen).
 * Each t[i] becomes a ToegewezenProduct as it stands:
 * - Product: Categorie and Code when t->categorie is filled (none: a
 *   generic budget toewijzing);
 * - Omvang (Volume, Eenheid, Frequentie) when t->eenheid is filled, Volume
 *   in eurocents with Eenheid 83 (IV042); otherwise Budget when t->budget
 *   is above 0;
 * - RedenWijziging as recorded: empty for a first toewijzing, filled for a
 *   change (IV066/IV099); a verwijdering is Einddatum = Ingangsdatum with
 *   reden 13 (CS335).
 * Client: Bsn, Geboortedatum (unknown: 01-01-1900 with DatumGebruik 3,
 * IV009), Geslacht, and the name mapped to CDT_VolledigeNaam (IV007):
 * Geslachtsnaam from achternaam, whose leading lower-case words ("van
 * der" in "van der Berg", at most 10 characters) become the Voorvoegsel;
 * Voornamen as recorded; Voorletters the first letter of each voornaam,
 * capitalised, at most 6; no Partnernaam, so NaamGebruik 1 (eigen naam,
 * CS050). Contactgegevens: one Contact per adres[0..n_adres), at least one.
 *
 * Returns NULL with *fout filled when an input cannot form a message (no
 * toewijzing or adres, an empty Toewijzingstijd, a text too long) or memory
 * runs out. The result is not checked: run ijw_uitgaand_controleer. */
struct ijw_bericht *ijw_maak_301(const struct ijw_afzender_ontvanger *ao,
				 const struct jeugdige *j, const struct toewijzing *t,
				 const struct ijw_301_product *p, size_t n,
				 const struct ijw_client_adres *adres, size_t n_adres,
				 dag_t dagtekening, const char *identificatie,
				 struct bericht_fout *fout);

/* WJ760 VerzoekAntwoord. */
enum ijw_verzoek_antwoord {
	IJW_VERZOEK_AFGEWEZEN,     /* 1 */
	IJW_VERZOEK_IN_ONDERZOEK,  /* 2 */
};

/* Build a JW319 answering the 315/317 with this ReferentieAanbieder.
 * reden: RedenAfwijzingVerzoek (WJ759 "1".."9") or NULL; with an
 * afwijzing it is mandatory (CD085), in onderzoek it stays empty (CD086).
 * woonplaats_gemeente: for reden 8 (woonplaatsbeginsel) the CBS code of
 * the gemeente that is responsible (TR377, IV095), NULL otherwise
 * (TR409). Returns NULL with *fout filled when a text does not fit or
 * memory runs out. */
struct ijw_bericht *ijw_maak_319(const struct ijw_afzender_ontvanger *ao,
				 const char *referentie_aanbieder,
				 enum ijw_verzoek_antwoord antwoord, const char *reden,
				 const char *woonplaats_gemeente, dag_t dagtekening,
				 const char *identificatie, struct bericht_fout *fout);

/* The in-message rules on an outgoing 301, 319 or 325 (other soorten: none).
 * At most max findings in uit (rule-table order, within a rule document
 * order); *n gets the number stored. 0 no finding, 1 findings (also
 * when more than max were found). Allocates nothing. */
int ijw_uitgaand_controleer(const struct ijw_bericht *b, struct ijw_bevinding *uit, size_t max,
			    size_t *n);

/* An earlier JW319 to the same aanbieder. */
struct ijw_eerder_antwoord {
	const char *referentie_aanbieder;
	enum ijw_verzoek_antwoord antwoord;
};

/* What the store knows that the berichtoverstijgende rules need. Arrays
 * may be NULL with count 0. */
struct ijw_uitgaand_kennis {
	/* 301, TR332: every toewijzing the sending gemeente issued before (any
	 * client, any aanbieder), and the jeugdige the 301 is about; a
	 * ToewijzingNummer may come back only for the same jeugdige and
	 * aanbieder. */
	const struct toewijzing *toewijzingen;
	size_t n_toewijzingen;
	int64_t jeugdige_id;
	/* 301, TR379: the ReferentieAanbieder values this 301 honours (of the
	 * AangevraagdProducten of a 315, or of the Verzoek of a 317). */
	const char *const *gehonoreerd;
	size_t n_gehonoreerd;
	/* 301, TR385: ToewijzingNummers with approved, not credited Prestaties. */
	const int64_t *gedeclareerd;
	size_t n_gedeclareerd;
	/* 319, TR355: ReferentieAanbieder of every 315 product and 317 verzoek
	 * received from this aanbieder. */
	const char *const *verzoeken;
	size_t n_verzoeken;
	/* 319, TR359: ReferentieAanbieder values already sent in a 301. */
	const char *const *toegewezen;
	size_t n_toegewezen;
	/* 319, TR360/TR365: the 319s sent before to this aanbieder. */
	const struct ijw_eerder_antwoord *antwoorden;
	size_t n_antwoorden;
	/* 325, TR304, TR337, TR366, TR367, TR371, TR376: the received JW323
	 * this declaratie-antwoord answers (IV087: one 325 per 323). */
	const struct ijw_bericht *declaratie;
};

/* The berichtoverstijgende rules on an outgoing 301, 319 or 325, against k.
 * Same conventions and return values as ijw_uitgaand_controleer. */
int ijw_uitgaand_controleer_kennis(const struct ijw_bericht *b,
				   const struct ijw_uitgaand_kennis *k,
				   struct ijw_bevinding *uit, size_t max, size_t *n);

/* The implemented rules of both tables: their number, and the code and
 * messages (REGEL_BERICHT_* bits, regel.h) of rule i; NULL beyond the end. */
size_t ijw_uitgaand_regels(void);
const char *ijw_uitgaand_regel(size_t i, unsigned *berichten);

#endif
