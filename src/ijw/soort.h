/* soort: which of the 14 iJw 3.2 messages (JW301 .. JW325), and their
 * fixed facts: name, BerichtCode, namespace, heen- or retourbericht and
 * the partner message. One table (bericht.c) serves the XML layer
 * (xml.c: recognising and validating) and the typed messages alike.
 */
#ifndef JR_IJW_SOORT_H
#define JR_IJW_SOORT_H

#include <stdbool.h>

enum ijw_soort {
	IJW_JW301, IJW_JW302, IJW_JW305, IJW_JW306, IJW_JW307, IJW_JW308,
	IJW_JW315, IJW_JW316, IJW_JW317, IJW_JW318, IJW_JW319, IJW_JW320,
	IJW_JW323, IJW_JW325,
};
#define IJW_SOORTEN 14

/* "JW301" .. "JW325". */
const char *bericht_soort_naam(enum ijw_soort s);
/* BerichtCode: "436" .. "491". */
const char *bericht_soort_code(enum ijw_soort s);
/* Namespace URI of the message, http://www.istandaarden.nl/ijw/3_2/jwNNN/schema. */
const char *bericht_soort_ns(enum ijw_soort s);
/* The soort whose namespace URI is ns; -1 when none. */
int bericht_soort_van_ns(const char *ns);
/* True for 302 306 308 316 318 320 325. */
bool bericht_is_retour(enum ijw_soort s);
/* The retourbericht of a heenbericht (302 for 301, ..., 325 for 323) and
 * back; each soort has exactly one partner. */
enum ijw_soort bericht_soort_partner(enum ijw_soort s);

#endif
