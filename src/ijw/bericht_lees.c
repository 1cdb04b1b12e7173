/* bericht_lees: a parsed libxml2 document into a struct ijw_bericht, by a
 * walk over the element tables of bericht.c.
 *
 * Elements are matched by namespace URI and local name, never by prefix.
 * The reader follows the XSD's sequence: every mandatory element must be
 * there, in order, and nothing else may be; whitespace, comments and
 * processing instructions between elements are skipped. It checks the
 * lexical form of dates, times and integers and that texts fit their
 * fields, but not enumerations and patterns: that is the XSD's job, done
 * before. On an invalid document it stops at the first problem and says
 * where (line and element path).
 */
#include "ijw/bericht.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "ijw/bericht_intern.h"

struct lezer {
	struct ijw_bericht *b;
	const xmlChar *ns;     /* namespace URI of the message */
	bool retour;
	struct bericht_fout *fout;
};

/* Element path of n from the root ("Bericht/Client/Bsn"). */
static void pad_van(const xmlNode *n, char *buf, size_t len)
{
	const xmlNode *keten[48];
	size_t diepte = 0;
	for (; n && n->type == XML_ELEMENT_NODE && diepte < 48; n = n->parent)
		keten[diepte++] = n;
	size_t pos = 0;
	buf[0] = '\0';
	while (diepte-- > 0 && pos < len) {
		int w = snprintf(buf + pos, len - pos, "%s%s", pos ? "/" : "",
				 (const char *)keten[diepte]->name);
		if (w < 0)
			break;
		pos += (size_t)w;
	}
}

__attribute__((format(printf, 3, 4)))
static int fout(struct lezer *l, const xmlNode *n, const char *fmt, ...)
{
	if (!l->fout)
		return -1;
	l->fout->regel = n ? xmlGetLineNo(n) : 0;
	if (l->fout->regel < 0)
		l->fout->regel = 0;
	pad_van(n, l->fout->plek, sizeof l->fout->plek);
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(l->fout->melding, sizeof l->fout->melding, fmt, ap);
	va_end(ap);
	return -1;
}

static bool is_blanco(const xmlChar *s)
{
	for (; s && *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return false;
	return true;
}

/* Advance *cur to the next element among its siblings; text other than
 * whitespace and entity references are errors in element-only content. */
static int naar_element(struct lezer *l, const xmlNode *ouder, xmlNode **cur)
{
	for (; *cur; *cur = (*cur)->next) {
		switch ((*cur)->type) {
		case XML_ELEMENT_NODE:
			return 0;
		case XML_TEXT_NODE:
		case XML_CDATA_SECTION_NODE:
			if (!is_blanco((*cur)->content))
				return fout(l, ouder, "tekst tussen de elementen van %s",
					    (const char *)ouder->name);
			break;
		case XML_COMMENT_NODE:
		case XML_PI_NODE:
		case XML_XINCLUDE_START:
		case XML_XINCLUDE_END:
			break;
		case XML_ENTITY_REF_NODE:
		case XML_ENTITY_NODE:
		case XML_ATTRIBUTE_NODE:
		case XML_DOCUMENT_NODE:
		case XML_DOCUMENT_TYPE_NODE:
		case XML_DOCUMENT_FRAG_NODE:
		case XML_NOTATION_NODE:
		case XML_HTML_DOCUMENT_NODE:
		case XML_DTD_NODE:
		case XML_ELEMENT_DECL:
		case XML_ATTRIBUTE_DECL:
		case XML_ENTITY_DECL:
		case XML_NAMESPACE_DECL:
#ifdef LIBXML_DOCB_ENABLED
		case XML_DOCB_DOCUMENT_NODE:
#endif
			return fout(l, ouder, "onverwachte inhoud in %s (entiteit of iets anders "
				    "dan een element)", (const char *)ouder->name);
		}
	}
	return 0;
}

static bool is(const xmlNode *n, const char *naam, const xmlChar *ns)
{
	return n && n->type == XML_ELEMENT_NODE && n->ns && n->ns->href &&
	       xmlStrEqual(n->ns->href, ns) && strcmp((const char *)n->name, naam) == 0;
}

/* The text content of a simple element: a pointer into the document when
 * it is one text node (the usual case), else a concatenation in the
 * arena. Empty and element content are errors. */
static int tekst_van(struct lezer *l, xmlNode *n, const char **uit)
{
	xmlNode *c = n->children;
	if (c && !c->next && (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE)) {
		*uit = (const char *)c->content;
	} else {
		size_t len = 0;
		for (c = n->children; c; c = c->next) {
			if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE)
				len += c->content ? strlen((const char *)c->content) : 0;
			else if (c->type != XML_COMMENT_NODE && c->type != XML_PI_NODE)
				return fout(l, n, "%s mag alleen tekst bevatten",
					    (const char *)n->name);
		}
		char *t = bericht_alloc(l->b, len + 1);
		if (!t)
			return fout(l, n, "geen geheugen");
		size_t pos = 0;
		for (c = n->children; c; c = c->next)
			if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) &&
			    c->content) {
				size_t k = strlen((const char *)c->content);
				memcpy(t + pos, c->content, k);
				pos += k;
			}
		t[pos] = '\0';
		*uit = t;
	}
	if (!*uit || !**uit)
		return fout(l, n, "%s is leeg", (const char *)n->name);
	return 0;
}

/* Text with surrounding XML whitespace removed (xs:date, xs:time and
 * xs:integer collapse whitespace) into buf. */
static int getrimd(struct lezer *l, xmlNode *n, char *buf, size_t len)
{
	const char *t;
	if (tekst_van(l, n, &t) != 0)
		return -1;
	while (*t == ' ' || *t == '\t' || *t == '\n' || *t == '\r')
		t++;
	size_t k = strlen(t);
	while (k > 0 && (t[k - 1] == ' ' || t[k - 1] == '\t' || t[k - 1] == '\n' ||
			 t[k - 1] == '\r'))
		k--;
	if (k == 0)
		return fout(l, n, "%s is leeg", (const char *)n->name);
	if (k >= len)
		return fout(l, n, "%s is te lang", (const char *)n->name);
	memcpy(buf, t, k);
	buf[k] = '\0';
	return 0;
}

static bool cijfer(char c) { return c >= '0' && c <= '9'; }

/* xs:integer in 0..max: optional sign, digits (leading zeros allowed). */
static int lees_getal(struct lezer *l, xmlNode *n, int64_t max, int64_t *uit)
{
	char buf[40];
	if (getrimd(l, n, buf, sizeof buf) != 0)
		return -1;
	const char *p = buf;
	bool min = false;
	if (*p == '+' || *p == '-')
		min = *p++ == '-';
	if (!*p)
		return fout(l, n, "%s is geen geheel getal", (const char *)n->name);
	int64_t w = 0;
	for (; *p; p++) {
		if (!cijfer(*p))
			return fout(l, n, "%s is geen geheel getal: \"%s\"", (const char *)n->name,
				    buf);
		w = w * 10 + (*p - '0');
		if (w > max)
			return fout(l, n, "%s is groter dan %lld", (const char *)n->name,
				    (long long)max);
	}
	if (min && w != 0)
		return fout(l, n, "%s is negatief", (const char *)n->name);
	*uit = w;
	return 0;
}

/* xs:time without zone: hh:mm:ss with optional fraction. */
static int lees_tijd(struct lezer *l, xmlNode *n, char *dst, size_t len)
{
	char buf[64];
	if (getrimd(l, n, buf, sizeof buf) != 0)
		return -1;
	size_t k = strlen(buf);
	bool goed = k >= 8 && k < len && cijfer(buf[0]) && cijfer(buf[1]) && buf[2] == ':' &&
		    cijfer(buf[3]) && cijfer(buf[4]) && buf[5] == ':' && cijfer(buf[6]) &&
		    cijfer(buf[7]) && (k == 8 || (k > 9 && buf[8] == '.'));
	for (size_t i = 9; goed && i < k; i++)
		goed = cijfer(buf[i]);
	if (goed) {
		int uur = (buf[0] - '0') * 10 + buf[1] - '0';
		int min = (buf[3] - '0') * 10 + buf[4] - '0';
		int sec = (buf[6] - '0') * 10 + buf[7] - '0';
		goed = uur < 24 && min < 60 && sec < 60;
	}
	if (!goed)
		return fout(l, n, "%s is geen tijd uu:mm:ss: \"%s\"", (const char *)n->name, buf);
	memcpy(dst, buf, k + 1);
	return 0;
}

static int lees_klasse(struct lezer *l, const struct klasse *k, void *p, xmlNode *ouder);

static int lees_retourcodes(struct lezer *l, xmlNode *n, struct ijw_retourcodes *rc)
{
	size_t aantal = 0;
	for (xmlNode *c = n->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			aantal++;
	if (aantal == 0)
		return fout(l, n, "RetourCodes bevat geen RetourCode");
	if (aantal > IJW_MAX_HERHALING)
		return fout(l, n, "te veel RetourCodes");
	rc->code = bericht_alloc(l->b, aantal * sizeof *rc->code);
	if (!rc->code)
		return fout(l, n, "geen geheugen");
	rc->n = 0;
	xmlNode *c = n->children;
	for (size_t i = 0; i < aantal; i++, c = c->next) {
		if (naar_element(l, n, &c) != 0)
			return -1;
		if (!is(c, "RetourCode", l->ns))
			return fout(l, c, "onverwacht element %s in RetourCodes",
				    (const char *)c->name);
		const char *t;
		if (tekst_van(l, c, &t) != 0)
			return -1;
		if (strlen(t) >= IJW_RETOURCODE)
			return fout(l, c, "RetourCode is langer dan 4 posities");
		memcpy(rc->code[rc->n++], t, strlen(t) + 1);
	}
	return naar_element(l, n, &c);
}

static int lees_lijst(struct lezer *l, const struct veld *v, void *p, xmlNode *n)
{
	const struct klasse *k = v->klasse;
	size_t aantal = 0;
	for (xmlNode *c = n->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			aantal++;
	if (aantal == 0)
		return fout(l, n, "%s bevat geen %s", v->naam, v->item);
	if (aantal > IJW_MAX_HERHALING)
		return fout(l, n, "%s bevat meer dan %d %s", v->naam, IJW_MAX_HERHALING, v->item);
	char *lijst = bericht_alloc(l->b, aantal * k->grootte);
	if (!lijst)
		return fout(l, n, "geen geheugen");
	xmlNode *c = n->children;
	for (size_t i = 0; i < aantal; i++, c = c->next) {
		if (naar_element(l, n, &c) != 0)
			return -1;
		if (!is(c, v->item, l->ns))
			return fout(l, c, "onverwacht element %s in %s, verwacht %s",
				    (const char *)c->name, v->naam, v->item);
		void *item = lijst + i * k->grootte;
		bericht_klasse_init(k, item);
		if (lees_klasse(l, k, item, c) != 0)
			return -1;
	}
	if (naar_element(l, n, &c) != 0)
		return -1;
	*(void **)veld_ptr(p, v) = lijst;
	*(size_t *)((char *)p + v->plek_n) = aantal;
	return 0;
}

static int lees_veld(struct lezer *l, const struct veld *v, void *p, xmlNode *n)
{
	void *f = veld_ptr(p, v);
	switch (v->soort) {
	case V_CODE: {
		const char *t;
		if (tekst_van(l, n, &t) != 0)
			return -1;
		size_t k = strlen(t);
		if (k >= v->grootte)
			return fout(l, n, "%s is te lang (hoogstens %zu bytes)", v->naam,
				    v->grootte - 1);
		memcpy(f, t, k + 1);
		return 0;
	}
	case V_TEKST: {
		const char *t;
		if (tekst_van(l, n, &t) != 0)
			return -1;
		char *kopie = bericht_tekst(l->b, t);
		if (!kopie)
			return fout(l, n, "geen geheugen");
		*(char **)f = kopie;
		return 0;
	}
	case V_DATUM: {
		char buf[32];
		if (getrimd(l, n, buf, sizeof buf) != 0)
			return -1;
		if (datum_parse(buf, f) != 0)
			return fout(l, n, "%s is geen geldige datum JJJJ-MM-DD: \"%s\"", v->naam, buf);
		return 0;
	}
	case V_TIJD:
		return lees_tijd(l, n, f, v->grootte);
	case V_GETAL:
		return lees_getal(l, n, v->max, f);
	case V_KLASSE:
		return lees_klasse(l, v->klasse, f, n);
	case V_KLASSE_OPT: {
		void *sub = bericht_klasse_nieuw(l->b, v->klasse);
		if (!sub)
			return fout(l, n, "geen geheugen");
		if (lees_klasse(l, v->klasse, sub, n) != 0)
			return -1;
		*(void **)f = sub;
		return 0;
	}
	case V_LIJST:
		return lees_lijst(l, v, p, n);
	case V_RETOURCODES:
		return lees_retourcodes(l, n, f);
	}
	/* Only a corrupted table gets here: v->soort outside the enum. */
	return fout(l, n, "onbekend veldtype");
}

/* The children of ouder, in the order of k, into the struct at p. */
static int lees_klasse(struct lezer *l, const struct klasse *k, void *p, xmlNode *ouder)
{
	xmlNode *cur = ouder->children;
	for (size_t i = 0; i < k->n; i++) {
		const struct veld *v = &k->veld[i];
		if ((v->vlag & F_RETOUR) && !l->retour)
			continue;
		if (naar_element(l, ouder, &cur) != 0)
			return -1;
		const xmlChar *ns = (v->vlag & F_BASIS) ? BAD_CAST IJW_NS_BASIS : l->ns;
		if (!is(cur, v->naam, ns)) {
			if (!(v->vlag & F_VERPLICHT))
				continue;
			if (cur)
				return fout(l, cur, "%s ontbreekt in %s (gevonden: %s)", v->naam,
					    (const char *)ouder->name, (const char *)cur->name);
			return fout(l, ouder, "%s ontbreekt in %s", v->naam,
				    (const char *)ouder->name);
		}
		if (lees_veld(l, v, p, cur) != 0)
			return -1;
		cur = cur->next;
	}
	if (naar_element(l, ouder, &cur) != 0)
		return -1;
	if (cur)
		return fout(l, cur, "onverwacht element %s in %s", (const char *)cur->name,
			    (const char *)ouder->name);
	return 0;
}

int bericht_lees(xmlDoc *doc, struct ijw_bericht **uit, struct bericht_fout *fo)
{
	*uit = NULL;
	struct lezer l = { .fout = fo };
	xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;
	if (!root)
		return fout(&l, NULL, "geen document");
	int s = root->ns ? bericht_soort_van_ns((const char *)root->ns->href) : -1;
	if (s < 0 || strcmp((const char *)root->name, "Bericht") != 0)
		return fout(&l, root, "geen iJw 3.2-bericht: verwacht Bericht in de namespace "
			    "http://www.istandaarden.nl/ijw/3_2/jwNNN/schema");
	const struct soortinfo *si = &bericht_soorten[s];
	l.b = bericht_nieuw((enum ijw_soort)s);
	if (!l.b)
		return fout(&l, root, "geen geheugen");
	l.ns = BAD_CAST bericht_soort_ns(s);
	l.retour = bericht_is_retour(s);

	xmlNode *cur = root->children;
	if (naar_element(&l, root, &cur) != 0)
		goto mis;
	if (!is(cur, "Header", l.ns)) {
		fout(&l, cur ? cur : root, "Header ontbreekt");
		goto mis;
	}
	if (lees_klasse(&l, si->header, &l.b->header, cur) != 0)
		goto mis;
	cur = cur->next;
	if (naar_element(&l, root, &cur) != 0)
		goto mis;
	if (is(cur, si->body_naam, l.ns)) {
		void *body = bericht_klasse_nieuw(l.b, si->body);
		if (!body) {
			fout(&l, cur, "geen geheugen");
			goto mis;
		}
		if (lees_klasse(&l, si->body, body, cur) != 0)
			goto mis;
		*(void **)((char *)l.b + si->body_plek) = body;
		cur = cur->next;
	} else if (!l.retour) {
		fout(&l, cur ? cur : root, "%s ontbreekt", si->body_naam);
		goto mis;
	}
	if (naar_element(&l, root, &cur) != 0)
		goto mis;
	if (cur) {
		fout(&l, cur, "onverwacht element %s in Bericht", (const char *)cur->name);
		goto mis;
	}
	*uit = l.b;
	return 0;
mis:
	bericht_vrij(l.b);
	return -1;
}
