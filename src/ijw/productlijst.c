/* ijw/productlijst: see productlijst.h. */
#include "ijw/productlijst.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "lib/embedded.h"

/* The list holds some 450 codes; room for growth of the national list. */
#define MAX_PRODUCTEN 2048

static struct ijw_lijstproduct producten[MAX_PRODUCTEN];
static size_t n_producten;
static pthread_once_t eenmaal = PTHREAD_ONCE_INIT;

static int vergelijk(const void *a, const void *b)
{
	return strcmp(((const struct ijw_lijstproduct *)a)->code, ((const struct ijw_lijstproduct *)b)->code);
}

/* One line: code TAB categorie TAB omschrijving TAB uitvoeringsvariant. */
static void regel(const char *s, const char *eind)
{
	struct ijw_lijstproduct *p = &producten[n_producten];
	const char *t1 = memchr(s, '\t', (size_t)(eind - s));
	const char *t2 = t1 ? memchr(t1 + 1, '\t', (size_t)(eind - t1 - 1)) : NULL;
	const char *t3 = t2 ? memchr(t2 + 1, '\t', (size_t)(eind - t2 - 1)) : NULL;
	size_t lc, lk;

	if (!t3 || n_producten == MAX_PRODUCTEN)
		return;
	lc = (size_t)(t1 - s);
	lk = (size_t)(t2 - t1 - 1);
	if (lc == 0 || lc >= sizeof p->code || lk == 0 || lk >= sizeof p->categorie)
		return;
	memcpy(p->code, s, lc);
	p->code[lc] = '\0';
	memcpy(p->categorie, t1 + 1, lk);
	p->categorie[lk] = '\0';
	p->outputgericht = (size_t)(eind - t3 - 1) >= 13 && memcmp(t3 + 1, "Outputgericht", 13) == 0;
	n_producten++;
}

static void lees(void)
{
	const char *s = (const char *)data_productcodes;
	const char *eind = s + data_productcodes_len;
	const char *nl = memchr(s, '\n', data_productcodes_len);

	/* The first line is the heading. */
	for (s = nl ? nl + 1 : eind; s < eind;) {
		const char *e = memchr(s, '\n', (size_t)(eind - s));

		if (!e)
			e = eind;
		regel(s, e > s && e[-1] == '\r' ? e - 1 : e);
		s = e + 1;
	}
	qsort(producten, n_producten, sizeof producten[0], vergelijk);
}

const struct ijw_lijstproduct *ijw_productlijst_zoek(const char *code)
{
	struct ijw_lijstproduct sleutel;
	size_t n = strlen(code);

	pthread_once(&eenmaal, lees);
	if (n == 0 || n >= sizeof sleutel.code)
		return NULL;
	memcpy(sleutel.code, code, n + 1);
	return bsearch(&sleutel, producten, n_producten, sizeof producten[0], vergelijk);
}

bool ijw_productlijst_kent_categorie(const char *categorie)
{
	pthread_once(&eenmaal, lees);
	for (size_t i = 0; i < n_producten; i++)
		if (strcmp(producten[i].categorie, categorie) == 0)
			return true;
	return false;
}
