/* ijw/envelop: the StUF-GGk envelope (ggk0310 v2.1.03) around an iJw
 * message on its way through the Gemeentelijk Gegevensknooppunt. A
 * heenbericht travels in envelopHeenbericht-ggk_Di01, its answer in
 * envelopRetourbericht-ggk_Du01; the message itself is the base64 content
 * of GGK:parameters/GGK:bericht, StUF:functie names it (JW323, ...).
 *
 * envelop_uitpakken reads an envelope from outside as safely as
 * ijw/xml.c reads a message (no DOCTYPE, no network, no file, a size
 * limit), validates it against the envelope XSDs (compiled into the
 * binary, data/ijw/envelop/) and returns the payload bytes and the
 * routing facts. It does not look inside the payload: that is
 * ijw_xml_controleer's job.
 * envelop_inpakken writes payload + facts as an envelope and validates
 * the result before handing it out; envelop_retour_feiten derives the
 * facts of the answer's envelope from the heen envelope's.
 *
 * Refusals carry a code of the GGk's error list (Fo01_Foutcodelijst):
 * IB001 (the envelope is not well-formed, has a DOCTYPE, is no GGk
 * envelope or does not follow its XSD, or the content is no base64) and
 * IB003 (larger than 25 MB, the limit of OP179 on the message itself).
 * Messages may quote values from the envelope: show them to the sender,
 * do not log them.
 *
 * Memory: struct envelop is the caller's (fixed buffers, nothing to free).
 * The payload of envelop_uitpakken and the text of envelop_inpakken are
 * new buffers the caller frees with free(). The compiled schema is shared,
 * made once per process and never freed. Any number of threads may use
 * these functions at once; call one of them once before starting threads
 * (it installs the loader that serves the embedded schemas, a libxml2
 * global).
 */
#ifndef JR_IJW_ENVELOP_H
#define JR_IJW_ENVELOP_H

#include <stddef.h>

#include "ijw/xml.h"

/* OP179 limits the message to 25 MB (read as MiB, as ijw/xml.h does);
 * the envelope is allowed what that message costs in base64 with a line
 * break every 76 characters, plus 1 MiB for the rest of the envelope. */
#define ENVELOP_MAX_BERICHT IJW_XML_MAX_BYTES
#define ENVELOP_MAX_BYTES \
	((ENVELOP_MAX_BERICHT + 2) / 3 * 4 / 76 * 78 + 78 + (size_t)1024 * 1024)

/* Sizes, NUL included: the XSD's maxLength in characters, 4 bytes each
 * (UTF-8); digit strings one byte each. */
#define ENVELOP_ORGANISATIE 801     /* StUF:Organisatie, 200 */
#define ENVELOP_APPLICATIE 201      /* StUF:Applicatie, 3..50 */
#define ENVELOP_ADMINISTRATIE 201   /* StUF:Administratie, 50 */
#define ENVELOP_GEBRUIKER 401       /* StUF:Gebruiker, 100 */
#define ENVELOP_REFNUMMER 161       /* StUF:Refnummer, 40 */
#define ENVELOP_TIJDSTIP 18         /* StUF:Tijdstip, [0-9]{8,17} */
#define ENVELOP_FUNCTIE 121         /* StUF:Functie, 30 */
#define ENVELOP_VERSIENR 5          /* StUF:Versienr, [0-9]{4} */
#define ENVELOP_BESTANDSNAAM 1021   /* StUF:Bestandsnaam, 255 */
#define ENVELOP_CONTENTTYPE 129     /* xmime:contentType: no maximum in the
                                       XSD; longer ones are refused */

enum envelop_soort {
	ENVELOP_HEEN,   /* envelopHeenbericht-ggk_Di01, berichtcode Di01 */
	ENVELOP_RETOUR, /* envelopRetourbericht-ggk_Du01, berichtcode Du01 */
};

/* StUF:zender / StUF:ontvanger. organisatie: the CBS code of a gemeente
 * or the AGB code of an aanbieder (the XSD's comment); "" = absent in
 * administratie and gebruiker. */
struct envelop_systeem {
	char organisatie[ENVELOP_ORGANISATIE];
	char applicatie[ENVELOP_APPLICATIE];
	char administratie[ENVELOP_ADMINISTRATIE];
	char gebruiker[ENVELOP_GEBRUIKER];
};

/* The routing facts, element names as the XSD spells them; "" = absent
 * (only where the XSD allows it). */
struct envelop {
	enum envelop_soort soort;
	/* stuurgegevens */
	struct envelop_systeem zender;
	struct envelop_systeem ontvanger;
	char referentienummer[ENVELOP_REFNUMMER];
	char tijdstip_bericht[ENVELOP_TIJDSTIP];        /* JJJJMMDDuummss... */
	char cross_refnummer[ENVELOP_REFNUMMER];        /* retour: the heen's referentienummer */
	char functie[ENVELOP_FUNCTIE];                  /* "JW323" */
	/* parameters */
	char referentienummer_bericht[ENVELOP_REFNUMMER];   /* optional */
	char cross_refnummer_bericht[ENVELOP_REFNUMMER];    /* retour only, optional */
	char applicatie_versie[ENVELOP_VERSIENR];
	char applicatie_subversie[ENVELOP_VERSIENR];
	char functie_versie[ENVELOP_VERSIENR];
	char functie_subversie[ENVELOP_VERSIENR];
	char bestandsnaam[ENVELOP_BESTANDSNAAM];       /* StUF:bestandsnaam, optional */
	char content_type[ENVELOP_CONTENTTYPE];        /* xmime:contentType, required */
};

/* Why an envelope was refused or could not be written: code IB001 or
 * IB003, the line (0 if none), an XPath-like location with local names
 * ("" if none) and a Dutch message that says what to fix. */
struct envelop_fout {
	char code[IJW_CODE_LEN];
	int regel;
	char pad[IJW_PAD_LEN];
	char melding[IJW_MELDING_LEN];
};

/* Read the envelope data[0..len) into *e and the decoded payload into
 * *bericht (a new buffer of *bericht_len bytes, NUL-terminated for
 * convenience; the caller frees it). 0 on success; 1 when the envelope
 * is refused (*fout says why; *bericht NULL); -1 on a system failure (out
 * of memory, a schema that does not compile) with the reason in
 * fout->melding. */
int envelop_uitpakken(const void *data, size_t len, struct envelop *e, unsigned char **bericht,
		      size_t *bericht_len, struct envelop_fout *fout);

/* Write the envelope of e around bericht[0..bericht_len) (base64, one
 * line) into *uit (a new NUL-terminated buffer of *uit_len bytes; the
 * caller frees it), and validate it. 0 on success; 1 when the facts or
 * the payload do not make a valid envelope (a value too long or
 * malformed, a payload over 25 MB: *fout says which; *uit NULL); -1 on a
 * system failure. */
int envelop_inpakken(const struct envelop *e, const void *bericht, size_t bericht_len,
		     char **uit, size_t *uit_len, struct envelop_fout *fout);

/* The facts of the retour envelope that answers heen: zender and
 * ontvanger swapped, crossRefnummer = heen's referentienummer,
 * crossRefnummerBericht = heen's referentienummerBericht, the versions
 * and content type copied; referentienummer, tijdstip_bericht, functie
 * (e.g. "JW325") and referentienummer_bericht ("" = absent) are the
 * answer's own. 0, or 1 with *fout when a given value does not fit its
 * field. */
int envelop_retour_feiten(const struct envelop *heen, const char *referentienummer,
			  const char *tijdstip_bericht, const char *functie,
			  const char *referentienummer_bericht, struct envelop *retour,
			  struct envelop_fout *fout);

#endif
