/* bericht_schrijf: a struct ijw_bericht as XML text, by a walk over the
 * element tables of bericht.c (so the elements come in XSD order).
 *
 * The message namespace is the default namespace, the basisschema's has
 * prefix ijw (both XSDs are elementFormDefault="qualified", and the
 * children of a CDT_* live in the basisschema namespace). Absent optional
 * elements are left out, never written empty (RS033); an absent mandatory
 * element is an error, as is a text that is not UTF-8 or holds a control
 * character XML 1.0 cannot carry. Text is escaped (& < > and CR).
 */
#include "ijw/bericht.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlstring.h>

#include "ijw/bericht_intern.h"

#define MAX_DIEPTE 16

struct schrijver {
	FILE *f;
	bool retour;
	struct bericht_fout *fout;
	const char *pad[MAX_DIEPTE];
	size_t diepte;
};

__attribute__((format(printf, 3, 4)))
static int fout(struct schrijver *s, const char *naam, const char *fmt, ...)
{
	if (!s->fout)
		return -1;
	s->fout->regel = 0;
	size_t pos = 0;
	char *buf = s->fout->plek;
	size_t len = sizeof s->fout->plek;
	buf[0] = '\0';
	for (size_t i = 0; i <= s->diepte && pos < len; i++) {
		const char *deel = i < s->diepte ? s->pad[i] : naam;
		if (!deel)
			break;
		int w = snprintf(buf + pos, len - pos, "%s%s", pos ? "/" : "", deel);
		if (w < 0)
			break;
		pos += (size_t)w;
	}
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(s->fout->melding, sizeof s->fout->melding, fmt, ap);
	va_end(ap);
	return -1;
}

static void inspringen(struct schrijver *s)
{
	for (size_t i = 0; i < s->diepte; i++)
		putc('\t', s->f);
}

static void open_tag(struct schrijver *s, const char *naam, unsigned vlag)
{
	inspringen(s);
	fprintf(s->f, "<%s%s>", (vlag & F_BASIS) ? "ijw:" : "", naam);
}

static void sluit_tag(struct schrijver *s, const char *naam, unsigned vlag)
{
	fprintf(s->f, "</%s%s>\n", (vlag & F_BASIS) ? "ijw:" : "", naam);
}

/* Enter a composite element: tag on its own line, one level deeper. */
static int binnen(struct schrijver *s, const char *naam, unsigned vlag)
{
	if (s->diepte >= MAX_DIEPTE)
		return fout(s, naam, "te diep genest");
	open_tag(s, naam, vlag);
	putc('\n', s->f);
	s->pad[s->diepte++] = naam;
	return 0;
}

static void buiten(struct schrijver *s, const char *naam, unsigned vlag)
{
	s->diepte--;
	inspringen(s);
	sluit_tag(s, naam, vlag);
}

/* A simple element holding t (not empty), escaped. */
static int blad(struct schrijver *s, const char *naam, unsigned vlag, const char *t)
{
	if (xmlCheckUTF8((const unsigned char *)t) != 1)
		return fout(s, naam, "tekst is geen geldige UTF-8");
	for (const unsigned char *p = (const unsigned char *)t; *p; p++)
		if (*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
			return fout(s, naam, "tekst bevat stuurteken 0x%02x", *p);
	open_tag(s, naam, vlag);
	const char *begin = t;
	for (const char *p = t; *p; p++) {
		const char *vervang;
		switch (*p) {
		case '&': vervang = "&amp;"; break;
		case '<': vervang = "&lt;"; break;
		case '>': vervang = "&gt;"; break;
		case '\r': vervang = "&#13;"; break;
		default: continue;
		}
		fwrite(begin, 1, (size_t)(p - begin), s->f);
		fputs(vervang, s->f);
		begin = p + 1;
	}
	fputs(begin, s->f);
	sluit_tag(s, naam, vlag);
	return 0;
}

static int ontbreekt(struct schrijver *s, const struct veld *v)
{
	if (v->vlag & F_VERPLICHT)
		return fout(s, v->naam, "verplicht element %s ontbreekt", v->naam);
	return 0;
}

static int schrijf_klasse(struct schrijver *s, const struct klasse *k, const void *p);

static int schrijf_veld(struct schrijver *s, const struct veld *v, const void *p)
{
	const void *f = veld_ptr(p, v);
	switch (v->soort) {
	case V_CODE:
	case V_TIJD: {
		const char *t = f;
		if (memchr(t, '\0', v->grootte) == NULL)
			return fout(s, v->naam, "%s is niet afgesloten", v->naam);
		return *t ? blad(s, v->naam, v->vlag, t) : ontbreekt(s, v);
	}
	case V_TEKST: {
		const char *t = *(char *const *)f;
		return t && *t ? blad(s, v->naam, v->vlag, t) : ontbreekt(s, v);
	}
	case V_DATUM: {
		dag_t d = *(const dag_t *)f;
		if (d == DAG_GEEN)
			return ontbreekt(s, v);
		int j, m, dg;
		datum_delen(d, &j, &m, &dg);
		if (!datum_geldig(j, m, dg))
			return fout(s, v->naam, "%s ligt buiten 1900-2199", v->naam);
		char buf[11];
		return blad(s, v->naam, v->vlag, datum_fmt(d, buf));
	}
	case V_GETAL: {
		int64_t w = *(const int64_t *)f;
		if (w == IJW_GEEN)
			return ontbreekt(s, v);
		if (w < 0 || w > v->max)
			return fout(s, v->naam, "%s = %" PRId64 " ligt buiten 0..%" PRId64, v->naam,
				    w, v->max);
		char buf[24];
		snprintf(buf, sizeof buf, "%" PRId64, w);
		return blad(s, v->naam, v->vlag, buf);
	}
	case V_KLASSE:
		if (binnen(s, v->naam, v->vlag) != 0 || schrijf_klasse(s, v->klasse, f) != 0)
			return -1;
		buiten(s, v->naam, v->vlag);
		return 0;
	case V_KLASSE_OPT: {
		const void *sub = *(void *const *)f;
		if (!sub)
			return ontbreekt(s, v);
		if (binnen(s, v->naam, v->vlag) != 0 || schrijf_klasse(s, v->klasse, sub) != 0)
			return -1;
		buiten(s, v->naam, v->vlag);
		return 0;
	}
	case V_LIJST: {
		size_t n = *(const size_t *)((const char *)p + v->plek_n);
		const char *lijst = *(char *const *)f;
		if (n == 0)
			return ontbreekt(s, v);
		if (!lijst)
			return fout(s, v->naam, "%s: %zu items maar geen lijst", v->naam, n);
		if (binnen(s, v->naam, v->vlag) != 0)
			return -1;
		for (size_t i = 0; i < n; i++) {
			if (binnen(s, v->item, v->vlag) != 0 ||
			    schrijf_klasse(s, v->klasse, lijst + i * v->klasse->grootte) != 0)
				return -1;
			buiten(s, v->item, v->vlag);
		}
		buiten(s, v->naam, v->vlag);
		return 0;
	}
	case V_RETOURCODES: {
		const struct ijw_retourcodes *rc = f;
		if (rc->n == 0)
			return ontbreekt(s, v);
		if (!rc->code)
			return fout(s, v->naam, "RetourCodes zonder lijst");
		if (binnen(s, v->naam, v->vlag) != 0)
			return -1;
		for (size_t i = 0; i < rc->n; i++) {
			if (strnlen(rc->code[i], IJW_RETOURCODE) != IJW_RETOURCODE - 1)
				return fout(s, "RetourCode", "RetourCode \"%.*s\" heeft geen 4 posities",
					    IJW_RETOURCODE, rc->code[i]);
			if (blad(s, "RetourCode", v->vlag, rc->code[i]) != 0)
				return -1;
		}
		buiten(s, v->naam, v->vlag);
		return 0;
	}
	}
	/* Only a corrupted table gets here: v->soort outside the enum. */
	return fout(s, v->naam, "onbekend veldtype");
}

static int schrijf_klasse(struct schrijver *s, const struct klasse *k, const void *p)
{
	for (size_t i = 0; i < k->n; i++) {
		const struct veld *v = &k->veld[i];
		if ((v->vlag & F_RETOUR) && !s->retour)
			continue;
		if (schrijf_veld(s, v, p) != 0)
			return -1;
	}
	return 0;
}

int bericht_schrijf(const struct ijw_bericht *b, FILE *f, struct bericht_fout *fo)
{
	struct schrijver s = { .f = f, .fout = fo };
	if (!b || (unsigned)b->soort >= IJW_SOORTEN)
		return fout(&s, "Bericht", "geen bericht");
	const struct soortinfo *si = &bericht_soorten[b->soort];
	s.retour = bericht_is_retour(b->soort);
	if (strcmp(b->header.berichtcode, bericht_soort_code(b->soort)) != 0)
		return fout(&s, "Bericht", "BerichtCode %.3s past niet bij %s (%s)",
			    b->header.berichtcode, bericht_soort_naam(b->soort),
			    bericht_soort_code(b->soort));
	const void *body = *(void *const *)((const char *)b + si->body_plek);
	if (!body && !s.retour)
		return fout(&s, si->body_naam, "een heenbericht heeft altijd %s", si->body_naam);

	fprintf(f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		   "<Bericht xmlns=\"%s\" xmlns:ijw=\"%s\">\n", bericht_soort_ns(b->soort), IJW_NS_BASIS);
	s.pad[s.diepte++] = "Bericht";
	if (binnen(&s, "Header", 0) != 0 || schrijf_klasse(&s, si->header, &b->header) != 0)
		return -1;
	buiten(&s, "Header", 0);
	if (body) {
		if (binnen(&s, si->body_naam, 0) != 0 || schrijf_klasse(&s, si->body, body) != 0)
			return -1;
		buiten(&s, si->body_naam, 0);
	}
	fputs("</Bericht>\n", f);
	if (ferror(f))
		return fout(&s, "Bericht", "schrijven mislukt");
	return 0;
}

char *bericht_schrijf_tekst(const struct ijw_bericht *b, size_t *len, struct bericht_fout *fo)
{
	char *buf = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&buf, &n);
	if (!f) {
		if (fo) {
			fo->regel = 0;
			snprintf(fo->plek, sizeof fo->plek, "Bericht");
			snprintf(fo->melding, sizeof fo->melding, "geen geheugen");
		}
		return NULL;
	}
	int r = bericht_schrijf(b, f, fo);
	if (fclose(f) != 0 && r == 0) {
		r = -1;
		if (fo) {
			fo->regel = 0;
			snprintf(fo->plek, sizeof fo->plek, "Bericht");
			snprintf(fo->melding, sizeof fo->melding, "geen geheugen");
		}
	}
	if (r != 0) {
		free(buf);
		return NULL;
	}
	if (len)
		*len = n;
	return buf;
}
