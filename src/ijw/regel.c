/* regel: see regel.h. The embedded TSV is copied once into one buffer
 * that is split in place; the rule structs point into it. Both stay
 * allocated until exit (reachable through the statics). */
#include "ijw/regel.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "lib/embedded.h"

#define KOLOMMEN 7
static const char *const kop[KOLOMMEN] = {
	"code", "soort", "retourcode", "niveau", "berichten", "kant", "titel",
};

static pthread_once_t eenmalig = PTHREAD_ONCE_INIT;
static int init_rc = -1;
static char *tekst;
static struct regel *regels;
static size_t n_regels;

static const char *const soort_namen[] = {
	[REGEL_SOORT_CD] = "CD", [REGEL_SOORT_CS] = "CS", [REGEL_SOORT_IV] = "IV",
	[REGEL_SOORT_OP] = "OP", [REGEL_SOORT_RS] = "RS", [REGEL_SOORT_TR] = "TR",
	[REGEL_SOORT_UP] = "UP",
};
static const char *const niveau_namen[] = {
	[REGEL_NIVEAU_GEEN] = "",
	[REGEL_NIVEAU_XSD] = "xsd",
	[REGEL_NIVEAU_BERICHT] = "xslt",
	[REGEL_NIVEAU_BERICHTOVERSTIJGEND] = "berichtoverstijgend",
	[REGEL_NIVEAU_EXTERNE_BRON] = "externe_bron",
};
static const char *const kant_namen[] = {
	[REGEL_KANT_ONTVANGST] = "ontvangst", [REGEL_KANT_VERZENDING] = "verzending",
	[REGEL_KANT_BEIDE] = "beide", [REGEL_KANT_GEEN] = "geen",
};
/* Bit i of struct regel.berichten. */
static const char *const bericht_namen[] = {
	"JW301", "JW305", "JW307", "JW315", "JW317", "JW319", "JW323", "JW325", "retour",
};

#define AANTAL(a) (sizeof(a) / sizeof((a)[0]))

/* Index of s in names[0..n), or -1. */
static int naam_index(const char *const *names, size_t n, const char *s)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(names[i], s) == 0)
			return (int)i;
	return -1;
}

/* Split line (NUL-terminated, writable) at tabs into exactly KOLOMMEN
 * fields; -1 otherwise. */
static int splits(char *line, char **f)
{
	int n = 0;
	f[n++] = line;
	for (char *p = line; *p; p++) {
		if (*p != '\t')
			continue;
		if (n == KOLOMMEN)
			return -1;
		*p = '\0';
		f[n++] = p + 1;
	}
	return n == KOLOMMEN ? 0 : -1;
}

static int berichten_lees(char *s, unsigned *uit)
{
	*uit = 0;
	if (*s == '\0')
		return 0;
	for (char *naam = strtok_r(s, ",", &s); naam; naam = strtok_r(NULL, ",", &s)) {
		int i = naam_index(bericht_namen, AANTAL(bericht_namen), naam);
		if (i < 0)
			return -1;
		*uit |= 1u << i;
	}
	return 0;
}

static int regel_lees(char **f, struct regel *r)
{
	int soort = naam_index(soort_namen, AANTAL(soort_namen), f[1]);
	int niveau = naam_index(niveau_namen, AANTAL(niveau_namen), f[3]);
	int kant = naam_index(kant_namen, AANTAL(kant_namen), f[5]);
	if (soort < 0 || niveau < 0 || kant < 0 || strncmp(f[0], f[1], 2) != 0 || f[6][0] == '\0')
		return -1;
	r->code = f[0];
	r->soort = (enum regel_soort)soort;
	r->retourcode = f[2];
	r->niveau = (enum regel_niveau)niveau;
	r->kant = (enum regel_kant)kant;
	r->titel = f[6];
	return berichten_lees(f[4], &r->berichten);
}

static int laad_tekst(void)
{
	size_t len = data_ijw_regels_len;
	tekst = malloc(len + 1);
	if (!tekst)
		return -1;
	memcpy(tekst, data_ijw_regels, len);
	tekst[len] = '\0';

	size_t regels_max = 0;
	for (size_t i = 0; i < len; i++)
		regels_max += tekst[i] == '\n';
	regels = calloc(regels_max ? regels_max : 1, sizeof *regels);
	if (!regels)
		return -1;

	char *p = tekst, *f[KOLOMMEN];
	bool eerste = true;
	while (*p) {
		char *eind = strchr(p, '\n');
		if (!eind)
			return -1; /* the generator ends every line */
		*eind = '\0';
		if (splits(p, f) < 0)
			return -1;
		if (eerste) {
			for (int k = 0; k < KOLOMMEN; k++)
				if (strcmp(f[k], kop[k]) != 0)
					return -1;
			eerste = false;
		} else {
			struct regel *r = &regels[n_regels];
			if (regel_lees(f, r) < 0)
				return -1;
			/* Sorted and unique, so that regel_zoek can bisect. */
			if (n_regels > 0 && strcmp(regels[n_regels - 1].code, r->code) >= 0)
				return -1;
			n_regels++;
		}
		p = eind + 1;
	}
	return n_regels > 0 ? 0 : -1;
}

static void laad(void)
{
	if (laad_tekst() == 0) {
		init_rc = 0;
		return;
	}
	n_regels = 0;
	free(regels);
	free(tekst);
	regels = NULL;
	tekst = NULL;
}

int regel_init(void)
{
	pthread_once(&eenmalig, laad);
	return init_rc;
}

size_t regel_aantal(void)
{
	return regel_init() == 0 ? n_regels : 0;
}

const struct regel *regel_nummer(size_t i)
{
	return i < regel_aantal() ? &regels[i] : NULL;
}

static int vergelijk(const void *sleutel, const void *element)
{
	return strcmp(sleutel, ((const struct regel *)element)->code);
}

const struct regel *regel_zoek(const char *code)
{
	if (!code || regel_init() < 0)
		return NULL;
	return bsearch(code, regels, n_regels, sizeof *regels, vergelijk);
}

const char *regel_retourcode(const char *code)
{
	const struct regel *r = regel_zoek(code);
	return r ? r->retourcode : NULL;
}

bool regel_bij_ontvangst(const struct regel *r)
{
	switch (r->kant) {
	case REGEL_KANT_ONTVANGST:
	case REGEL_KANT_BEIDE:
		return true;
	case REGEL_KANT_VERZENDING:
	case REGEL_KANT_GEEN:
		return false;
	}
	return false;
}

bool regel_bij_verzending(const struct regel *r)
{
	switch (r->kant) {
	case REGEL_KANT_VERZENDING:
	case REGEL_KANT_BEIDE:
		return true;
	case REGEL_KANT_ONTVANGST:
	case REGEL_KANT_GEEN:
		return false;
	}
	return false;
}

const char *regel_soort_naam(enum regel_soort s)
{
	return (size_t)s < AANTAL(soort_namen) ? soort_namen[s] : NULL;
}

const char *regel_niveau_naam(enum regel_niveau n)
{
	return (size_t)n < AANTAL(niveau_namen) ? niveau_namen[n] : NULL;
}

const char *regel_kant_naam(enum regel_kant k)
{
	return (size_t)k < AANTAL(kant_namen) ? kant_namen[k] : NULL;
}

const char *regel_bericht_naam(unsigned bit)
{
	for (size_t i = 0; i < AANTAL(bericht_namen); i++)
		if (bit == 1u << i)
			return bericht_namen[i];
	return NULL;
}
