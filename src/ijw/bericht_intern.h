/* bericht_intern: the element tables that bericht.c, bericht_lees.c and
 * bericht_schrijf.c share. Only these three files include it.
 *
 * Each class of the XSD is a struct klasse: its fields in XSD order, each
 * with its element name, namespace, cardinality and where it lives in the C
 * struct. Reading, writing, copying, comparing and initialising are
 * generic walks over these tables, so the XSD order and the C structs are
 * written down once (bericht.c).
 */
#ifndef JR_IJW_BERICHT_INTERN_H
#define JR_IJW_BERICHT_INTERN_H

#include <stddef.h>
#include <stdint.h>

#include "ijw/bericht.h"

enum veld_soort {
	V_CODE,        /* char[grootte], text exactly as sent, "" = absent */
	V_TEKST,       /* char *, NULL = absent */
	V_DATUM,       /* dag_t, DAG_GEEN = absent */
	V_TIJD,        /* char[grootte] holding hh:mm:ss[.f...] */
	V_GETAL,       /* int64_t in 0..max, IJW_GEEN = absent */
	V_KLASSE,      /* embedded struct (mandatory composite) */
	V_KLASSE_OPT,  /* pointer to struct, NULL = absent */
	V_LIJST,       /* container element with repeated items: pointer + count */
	V_RETOURCODES, /* RetourCodes/RetourCode: struct ijw_retourcodes */
};

enum {
	F_VERPLICHT = 1, /* minOccurs 1 */
	F_BASIS = 2,     /* element in the basisschema namespace */
	F_RETOUR = 4,    /* only in a retourbericht (there mandatory) */
};

struct klasse;

struct veld {
	const char *naam;
	enum veld_soort soort;
	unsigned vlag;
	size_t plek;                  /* offsetof the field */
	size_t grootte;               /* V_CODE, V_TIJD: array size */
	int64_t max;                  /* V_GETAL: maxInclusive */
	const struct klasse *klasse;  /* V_KLASSE, V_KLASSE_OPT, V_LIJST */
	const char *item;             /* V_LIJST: element name of one item */
	size_t plek_n;                /* V_LIJST: offsetof the count */
};

struct klasse {
	const char *naam;
	size_t grootte;
	const struct veld *veld;
	size_t n;
};

struct soortinfo {
	const struct klasse *header;
	const char *body_naam;         /* "Client", "Antwoord", ... */
	const struct klasse *body;
	size_t body_plek;              /* offsetof the body pointer in ijw_bericht */
};

extern const struct soortinfo bericht_soorten[IJW_SOORTEN];

/* Set the absent markers (DAG_GEEN, IJW_GEEN) in a zeroed struct of k. */
void bericht_klasse_init(const struct klasse *k, void *p);

/* A zeroed, initialised struct of k owned by b; NULL when out of memory. */
void *bericht_klasse_nieuw(struct ijw_bericht *b, const struct klasse *k);

/* The field at v->plek inside the struct at p. */
static inline void *veld_ptr(const void *p, const struct veld *v)
{
	return (char *)(uintptr_t)p + v->plek;
}

#endif
