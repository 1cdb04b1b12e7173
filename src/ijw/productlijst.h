/* ijw/productlijst: the national Standaardproductcodelijst Jeugdwet
 * (data/productcodes.tsv, embedded), the product list the region uses for
 * TR381 (a ProductCode fits its ProductCategorie) and for the
 * uitvoeringsvariant of a product (IV077: how the maximum volume per
 * ProductPeriode of a per-week toewijzing is counted).
 *
 * The list is parsed once (thread-safe) into static storage; lookups
 * return pointers into it, never freed.
 */
#ifndef JR_IJW_PRODUCTLIJST_H
#define JR_IJW_PRODUCTLIJST_H

#include <stdbool.h>

struct ijw_lijstproduct {
	char code[6];
	char categorie[3];
	bool outputgericht;           /* uitvoeringsvariant Outputgericht */
};

/* The product with this code, NULL when the list has none (or the list
 * could not be read: then every lookup fails, which the tests catch). */
const struct ijw_lijstproduct *ijw_productlijst_zoek(const char *code);

/* Does the list hold any code of categorie? Our copy of the national list
 * is partial (no 31-38, 54, 55: see data/productcodes.tsv), so TR381 can
 * judge a code only in the categories it covers. */
bool ijw_productlijst_kent_categorie(const char *categorie);

#endif
