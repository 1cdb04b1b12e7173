/* ijw/envelop: reading and writing the StUF-GGk envelope (see envelop.h).
 *
 * Reading follows the rules of ijw/xml.c for hostile input: the size is
 * checked before parsing (ENVELOP_MAX_BYTES), a DOCTYPE stops the parser
 * at its name (no DTD, so no entities and no external subset), no
 * XML_PARSE_NOENT/DTDLOAD, XML_PARSE_NONET, errors through the context's
 * own handlers. One difference: XML_PARSE_HUGE, because the base64 text
 * of a 25 MB message is one text node of about 35 MB and libxml2 refuses
 * text nodes over 10 MB without it (2.9 only when the text arrives in
 * pieces, as from a file; later versions always). What HUGE lifts (text, name and depth
 * caps) stays bounded by the size check before parsing, and the entity
 * amplification it would also allow needs a DTD, which never gets read.
 *
 * The five envelope schemas import and include each other by relative
 * paths. The main one is parsed with a virtual base URL under
 * VIRTUEEL, so libxml2 resolves every import to a path under it, and our
 * external entity loader serves those paths from the binary. Every other
 * URL goes to the loader that was installed before ours (ijw/xml.c's,
 * which serves basisschema.xsd and refuses the rest), so nothing in an
 * envelope or a schema can read a file or open a connection.
 */
#include "ijw/envelop.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <sodium.h>

#include "lib/embedded.h"

#define NS_GGK "http://www.stufstandaarden.nl/sectormodel/ggk/0210"
#define NS_STUF "http://www.egem.nl/StUF/StUF0301"
#define NS_XMIME "http://www.w3.org/2005/05/xmlmime"

#define ROOT_HEEN "envelopHeenbericht-ggk_Di01"
#define ROOT_RETOUR "envelopRetourbericht-ggk_Du01"

/* The virtual directory the embedded schemas live in; the paths below
 * it are those of data/ijw/envelop/ (and of the GGk's zip). */
#define VIRTUEEL "/jeugdregie-ingebouwd/envelop/"
#define HOOFDSCHEMA VIRTUEEL "ggk0310_21/ggkberichten/ggk0310_msg.xsd"

struct ingebouwd {
	const char *url;
	const unsigned char *data;
	const size_t *len;
};

static const struct ingebouwd schemas[] = {
	{ VIRTUEEL "ggk0310_21/ggkberichten/ggk0310_msg_stuf.xsd",
	  data_envelop_ggk0310_msg_stuf_xsd, &data_envelop_ggk0310_msg_stuf_xsd_len },
	{ VIRTUEEL "0301/stuf0301mtom.xsd", data_envelop_stuf0301mtom_xsd,
	  &data_envelop_stuf0301mtom_xsd_len },
	{ VIRTUEEL "0301/stuf0301.xsd", data_envelop_stuf0301_xsd, &data_envelop_stuf0301_xsd_len },
	{ VIRTUEEL "xmlmime/xmlmime.xsd", data_envelop_xmlmime_xsd, &data_envelop_xmlmime_xsd_len },
};

/* ---- refusals ------------------------------------------------------------ */

/* Fill *f unless it already holds a refusal (the first one is the one
 * the sender needs). Returns 1, the refusal's return value. */
__attribute__((format(printf, 5, 6)))
static int weiger(struct envelop_fout *f, const char *code, int regel, const char *pad,
		  const char *fmt, ...)
{
	va_list ap;

	if (f->code[0])
		return 1;
	snprintf(f->code, sizeof f->code, "%s", code);
	f->regel = regel > 0 ? regel : 0;
	snprintf(f->pad, sizeof f->pad, "%s", pad ? pad : "");
	va_start(ap, fmt);
	vsnprintf(f->melding, sizeof f->melding, fmt, ap);
	va_end(ap);
	return 1;
}

/* A system failure: no code, the reason in melding. Returns -1. */
static int systeemfout(struct envelop_fout *f, const char *reden)
{
	memset(f, 0, sizeof *f);
	snprintf(f->melding, sizeof f->melding, "%s", reden);
	return -1;
}

/* libxml2's text on one line, without the "{namespace}" before names. */
static void schoon_tekst(const char *in, char *out, size_t n)
{
	size_t j = 0;

	for (size_t i = 0; in && in[i] && j + 1 < n; i++) {
		if (in[i] == '{' && strncmp(in + i + 1, "http", 4) == 0) {
			const char *eind = strchr(in + i, '}');

			if (eind) {
				i = (size_t)(eind - in);
				continue;
			}
		}
		out[j++] = in[i] == '\n' ? ' ' : in[i];
	}
	while (j > 0 && out[j - 1] == ' ')
		j--;
	out[j] = '\0';
}

/* /local/names/from/the/root ("" for none; no envelope element repeats,
 * so no [n] is needed). */
static void node_pad(const xmlNode *node, char *out, size_t n)
{
	const xmlNode *stap[32];
	size_t diepte = 0, len = 0;

	out[0] = '\0';
	for (const xmlNode *k = node; k && k->type != XML_DOCUMENT_NODE && diepte < 32; k = k->parent)
		if (k->type == XML_ELEMENT_NODE || k->type == XML_ATTRIBUTE_NODE)
			stap[diepte++] = k;
	while (diepte > 0 && len < n) {
		const xmlNode *k = stap[--diepte];
		int w = snprintf(out + len, n - len, "/%s%s",
				 k->type == XML_ATTRIBUTE_NODE ? "@" : "", (const char *)k->name);

		if (w < 0)
			break;
		len += (size_t)w;
	}
}

/* ---- the embedded schemas ---------------------------------------------- */

static xmlExternalEntityLoader vorige_loader;

static xmlParserInputPtr laad_extern(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	if (url && ctxt && strncmp(url, VIRTUEEL, strlen(VIRTUEEL)) == 0) {
		for (size_t i = 0; i < sizeof schemas / sizeof schemas[0]; i++) {
			xmlParserInputBufferPtr buf;
			xmlParserInputPtr in;

			if (strcmp(url, schemas[i].url) != 0)
				continue;
			buf = xmlParserInputBufferCreateMem((const char *)schemas[i].data,
							    (int)*schemas[i].len, XML_CHAR_ENCODING_NONE);
			if (!buf)
				return NULL;
			in = xmlNewIOInputStream(ctxt, buf, XML_CHAR_ENCODING_NONE);
			if (!in) {
				xmlFreeParserInputBuffer(buf);
				return NULL;
			}
			/* The base for the relative imports inside this schema. */
			in->filename = (const char *)xmlStrdup((const xmlChar *)url);
			return in;
		}
		return NULL;
	}
	return vorige_loader ? vorige_loader(url, id, ctxt) : NULL;
}

static pthread_once_t init_eenmaal = PTHREAD_ONCE_INIT;
static xmlSchemaPtr schema;
static char schema_fout[IJW_MELDING_LEN];

static void schema_parse_fout(void *data, xmlErrorPtr e)
{
	(void)data;
	if (schema_fout[0] == '\0' && e && e->level != XML_ERR_WARNING)
		schoon_tekst(e->message, schema_fout, sizeof schema_fout);
}

/* Install our loader and compile the schema, once. ijw/xml.c installs
 * its own loader on its first use and would replace ours if that came
 * later; so let it do that first (an empty read is refused before any
 * parsing) and wrap the loader it installed. */
static void init_envelop(void)
{
	struct ijw_document d;
	char err[IJW_MELDING_LEN];
	xmlSchemaParserCtxtPtr pc;
	xmlDocPtr doc;

	(void)ijw_xml_lees(&d, "", 0, err, sizeof err);
	ijw_document_vrij(&d);
	vorige_loader = xmlGetExternalEntityLoader();
	xmlSetExternalEntityLoader(laad_extern);

	/* The document stays alive as long as the schema (for ever): the
	 * compiled schema may point into it. */
	doc = xmlReadMemory((const char *)data_envelop_ggk0310_msg_xsd,
			    (int)data_envelop_ggk0310_msg_xsd_len, HOOFDSCHEMA, NULL, XML_PARSE_NONET);
	if (!doc) {
		snprintf(schema_fout, sizeof schema_fout, "het envelop-XSD is niet te lezen");
		return;
	}
	pc = xmlSchemaNewDocParserCtxt(doc);
	if (!pc) {
		snprintf(schema_fout, sizeof schema_fout, "onvoldoende geheugen");
		return;
	}
	xmlSchemaSetParserStructuredErrors(pc, schema_parse_fout, NULL);
	schema = xmlSchemaParse(pc);
	xmlSchemaFreeParserCtxt(pc);
	if (!schema && schema_fout[0] == '\0')
		snprintf(schema_fout, sizeof schema_fout, "onvoldoende geheugen");
}

/* ---- safe parsing ------------------------------------------------------- */

struct lees_werk {
	struct envelop_fout *fout;
	bool doctype;
};

static void parser_fout(void *data, xmlErrorPtr e)
{
	xmlParserCtxtPtr ctxt = data;
	struct lees_werk *w = ctxt ? ctxt->_private : NULL;
	char tekst[IJW_MELDING_LEN];

	if (!w || w->doctype || !e || e->level == XML_ERR_WARNING)
		return;
	schoon_tekst(e->message, tekst, sizeof tekst);
	weiger(w->fout, "IB001", e->line, "", "de envelop is geen welgevormde XML (kolom %d): %s",
	       e->int2, tekst);
}

static void weiger_doctype(void *data, const xmlChar *naam, const xmlChar *extern_id,
			   const xmlChar *systeem_id)
{
	xmlParserCtxtPtr ctxt = data;
	struct lees_werk *w = ctxt->_private;

	(void)extern_id;
	(void)systeem_id;
	weiger(w->fout, "IB001", xmlSAX2GetLineNumber(ctxt), "",
	       "DOCTYPE '%.64s' niet toegestaan in een GGk-envelop: een envelop heeft geen DTD, en "
	       "entiteiten in een DTD kunnen bestanden lezen of het geheugen vullen; verwijder de "
	       "DOCTYPE-declaratie", naam ? (const char *)naam : "");
	w->doctype = true;
	xmlStopParser(ctxt);
}

static const int PARSE_OPTIES = XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES |
				XML_PARSE_HUGE;

/* Parse data; NULL with *rc 1 (refused, *fout set) or -1 (no memory). */
static xmlDocPtr lees_xml(const void *data, size_t len, struct envelop_fout *fout, int *rc)
{
	struct lees_werk w = { .fout = fout };
	xmlParserCtxtPtr ctxt;
	xmlDocPtr doc;

	*rc = 1;
	if (len > ENVELOP_MAX_BYTES) {
		weiger(fout, "IB003", 0, "",
		       "de envelop is %zu bytes; meer dan %zu bytes kan geen bericht van hoogstens "
		       "25 MB (OP179) bevatten: verdeel de berichten over meer envelopen",
		       len, ENVELOP_MAX_BYTES);
		return NULL;
	}
	if (len == 0) {
		weiger(fout, "IB001", 0, "", "de envelop is leeg; verwacht een "
		       ROOT_HEEN " of " ROOT_RETOUR);
		return NULL;
	}
	ctxt = xmlNewParserCtxt();
	if (!ctxt) {
		*rc = systeemfout(fout, "onvoldoende geheugen om de envelop te lezen");
		return NULL;
	}
	ctxt->_private = &w;
	ctxt->sax->serror = parser_fout;
	ctxt->sax->internalSubset = weiger_doctype;
	ctxt->sax->externalSubset = NULL;
	ctxt->sax->resolveEntity = NULL;
	doc = xmlCtxtReadMemory(ctxt, data, (int)len, NULL, NULL, PARSE_OPTIES);
	xmlFreeParserCtxt(ctxt);
	if (doc && !fout->code[0])
		return doc;
	xmlFreeDoc(doc);
	weiger(fout, "IB001", 0, "", "de envelop is geen welgevormde XML");
	return NULL;
}

/* ---- reading ------------------------------------------------------------- */

static bool is_element(const xmlNode *n, const char *ns, const char *naam)
{
	return n && n->type == XML_ELEMENT_NODE && n->ns &&
	       xmlStrEqual(n->ns->href, (const xmlChar *)ns) &&
	       xmlStrEqual(n->name, (const xmlChar *)naam);
}

static xmlNode *kind(const xmlNode *ouder, const char *ns, const char *naam)
{
	for (xmlNode *k = ouder ? ouder->children : NULL; k; k = k->next)
		if (is_element(k, ns, naam))
			return k;
	return NULL;
}

/* The root: one of the two envelopes, in the GGk namespace. */
static int herken(xmlNode *root, struct envelop *e, struct envelop_fout *fout)
{
	const char *ns;
	bool heen, retour;

	if (!root)
		return weiger(fout, "IB001", 1, "", "de envelop heeft geen hoofdelement");
	heen = xmlStrEqual(root->name, (const xmlChar *)ROOT_HEEN);
	retour = xmlStrEqual(root->name, (const xmlChar *)ROOT_RETOUR);
	if (!heen && !retour)
		return weiger(fout, "IB001", (int)xmlGetLineNo(root), "",
			      "het hoofdelement heet '%.64s'; een GGk-envelop begint met "
			      ROOT_HEEN " (heenbericht) of " ROOT_RETOUR " (retourbericht)",
			      (const char *)root->name);
	ns = root->ns && root->ns->href ? (const char *)root->ns->href : "";
	if (strcmp(ns, NS_GGK) != 0)
		return weiger(fout, "IB001", (int)xmlGetLineNo(root), "",
			      "'%s' staat in namespace '%.200s'; een GGk-envelop (ggk0310) hoort in "
			      "namespace " NS_GGK, (const char *)root->name, *ns ? ns : "(geen)");
	e->soort = heen ? ENVELOP_HEEN : ENVELOP_RETOUR;
	return 0;
}

/* The base64 text of GGK:bericht without a copy when it is one text node
 * (it is, unless the sender split it with comments); *kopie must then be
 * freed. NULL when out of memory. */
static const char *bericht_tekst(xmlNode *b, xmlChar **kopie)
{
	*kopie = NULL;
	if (!b->children)
		return "";
	if (b->children == b->last && b->children->type == XML_TEXT_NODE)
		return (const char *)b->children->content;
	*kopie = xmlNodeGetContent(b);
	return (const char *)*kopie;
}

static bool is_wit(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Decode the payload; refuses IB003 over 25 MB before decoding a byte. */
static int decodeer(xmlNode *b, unsigned char **uit, size_t *uit_len, struct envelop_fout *fout)
{
	char pad[IJW_PAD_LEN];
	xmlChar *kopie;
	const char *t = bericht_tekst(b, &kopie), *eind;
	size_t n = 0, lengte, max, gelezen = 0;
	unsigned char *buf;
	int regel = (int)xmlGetLineNo(b);

	if (!t)
		return systeemfout(fout, "onvoldoende geheugen om de envelop te lezen");
	node_pad(b, pad, sizeof pad);
	lengte = strlen(t);
	for (size_t i = 0; i < lengte; i++)
		n += !is_wit(t[i]);
	if (n == 0) {
		xmlFree(kopie);
		return weiger(fout, "IB001", regel, pad, "GGK:bericht is leeg; verwacht het "
			      "iJw-bericht in base64");
	}
	/* Every 4 base64 characters are at most 3 bytes. */
	max = n / 4 * 3 + 3;
	if (max - 3 > ENVELOP_MAX_BERICHT) {
		xmlFree(kopie);
		return weiger(fout, "IB003", regel, pad,
			      "het bericht in de envelop is ongeveer %zu bytes, groter dan 25 MB (%zu "
			      "bytes, OP179): verdeel het over meer berichten", n / 4 * 3,
			      ENVELOP_MAX_BERICHT);
	}
	buf = malloc(max + 1);
	if (!buf) {
		xmlFree(kopie);
		return systeemfout(fout, "onvoldoende geheugen om het bericht uit te pakken");
	}
	if (sodium_base642bin(buf, max, t, lengte, " \t\r\n", &gelezen, &eind,
			      sodium_base64_VARIANT_ORIGINAL) != 0 || eind != t + lengte) {
		size_t pos = eind ? (size_t)(eind - t) : 0, teken = 0;

		for (size_t i = 0; i < pos && i < lengte; i++)
			teken += !is_wit(t[i]);
		if (eind && pos < lengte)
			weiger(fout, "IB001", regel, pad,
			       "GGK:bericht is geen geldige base64: teken %zu ('%c') hoort er niet "
			       "(alleen A-Z a-z 0-9 + / en = als opvulling aan het eind)", teken + 1,
			       (t[pos] >= 0x20 && t[pos] < 0x7f) ? t[pos] : '?');
		else
			weiger(fout, "IB001", regel, pad,
			       "GGK:bericht is geen geldige base64: de tekst houdt halverwege een "
			       "groep van 4 tekens op (%zu tekens; ontbreekt de opvulling '='?)", n);
		free(buf);
		xmlFree(kopie);
		return 1;
	}
	xmlFree(kopie);
	if (gelezen > ENVELOP_MAX_BERICHT) {
		free(buf);
		return weiger(fout, "IB003", regel, pad,
			      "het bericht in de envelop is %zu bytes, groter dan 25 MB (%zu bytes, "
			      "OP179): verdeel het over meer berichten", gelezen, ENVELOP_MAX_BERICHT);
	}
	buf[gelezen] = '\0';
	*uit = buf;
	*uit_len = gelezen;
	return 0;
}

struct valideer_werk {
	struct envelop_fout *fout;
	size_t fouten;
};

static void valideer_fout(void *data, xmlErrorPtr e)
{
	struct valideer_werk *w = data;
	char pad[IJW_PAD_LEN], tekst[IJW_MELDING_LEN];

	if (!e || e->level == XML_ERR_WARNING)
		return;
	if (w->fouten++ > 0)
		return;
	pad[0] = '\0';
	if (e->node)
		node_pad(e->node, pad, sizeof pad);
	schoon_tekst(e->message, tekst, sizeof tekst);
	weiger(w->fout, "IB001", e->node ? (int)xmlGetLineNo(e->node) : e->line, pad,
	       "de envelop voldoet niet aan het XSD van de GGk-envelop (ggk0310): %s", tekst);
}

static int valideer(xmlDocPtr doc, struct envelop_fout *fout)
{
	struct valideer_werk w = { .fout = fout };
	xmlSchemaValidCtxtPtr vc;
	int rc;

	if (!schema)
		return systeemfout(fout, schema_fout);
	vc = xmlSchemaNewValidCtxt(schema);
	if (!vc)
		return systeemfout(fout, "onvoldoende geheugen om de envelop te valideren");
	xmlSchemaSetValidStructuredErrors(vc, valideer_fout, &w);
	rc = xmlSchemaValidateDoc(vc, doc);
	xmlSchemaFreeValidCtxt(vc);
	if (rc == 0)
		return 0;
	if (w.fouten > 1 && strlen(fout->melding) + 40 < sizeof fout->melding) {
		size_t l = strlen(fout->melding);

		snprintf(fout->melding + l, sizeof fout->melding - l, " (en nog %zu fouten)",
			 w.fouten - 1);
	}
	return weiger(fout, "IB001", 0, "", "de envelop voldoet niet aan het XSD van de "
		      "GGk-envelop (libxml2 code %d)", rc);
}

/* Copy the text of n (absent: "") into dst; a text longer than the field
 * (only possible where the XSD sets no maximum) is refused. */
static int kopieer(char *dst, size_t n, const xmlNode *node, const xmlChar *tekst,
		   struct envelop_fout *fout)
{
	char pad[IJW_PAD_LEN];
	size_t l;

	dst[0] = '\0';
	if (!tekst)
		return 0;
	l = strlen((const char *)tekst);
	if (l >= n) {
		node_pad(node, pad, sizeof pad);
		return weiger(fout, "IB001", (int)xmlGetLineNo(node), pad,
			      "de waarde is %zu bytes; jeugdregie neemt hier hoogstens %zu bytes aan",
			      l, n - 1);
	}
	memcpy(dst, tekst, l + 1);
	return 0;
}

static int kopieer_element(char *dst, size_t n, const xmlNode *ouder, const char *ns,
			   const char *naam, struct envelop_fout *fout)
{
	xmlNode *k = kind(ouder, ns, naam);
	xmlChar *t = k ? xmlNodeGetContent(k) : NULL;
	int rc;

	if (k && !t)
		return systeemfout(fout, "onvoldoende geheugen om de envelop te lezen");
	rc = kopieer(dst, n, k, t, fout);
	xmlFree(t);
	return rc;
}

static int kopieer_attribuut(char *dst, size_t n, xmlNode *el, const char *ns, const char *naam,
			     struct envelop_fout *fout)
{
	xmlChar *t = xmlGetNsProp(el, (const xmlChar *)naam, (const xmlChar *)ns);
	int rc = kopieer(dst, n, el, t, fout);

	xmlFree(t);
	return rc;
}

static int systeem_lees(struct envelop_systeem *s, const xmlNode *el, struct envelop_fout *fout)
{
	int rc = 0;

	if (rc == 0)
		rc = kopieer_element(s->organisatie, sizeof s->organisatie, el, NS_STUF,
				     "organisatie", fout);
	if (rc == 0)
		rc = kopieer_element(s->applicatie, sizeof s->applicatie, el, NS_STUF,
				     "applicatie", fout);
	if (rc == 0)
		rc = kopieer_element(s->administratie, sizeof s->administratie, el, NS_STUF,
				     "administratie", fout);
	if (rc == 0)
		rc = kopieer_element(s->gebruiker, sizeof s->gebruiker, el, NS_STUF, "gebruiker",
				     fout);
	return rc;
}

/* The facts of a valid envelope (the XSD guarantees the structure). */
static int feiten_lees(xmlNode *root, struct envelop *e, struct envelop_fout *fout)
{
	xmlNode *sg = kind(root, NS_GGK, "stuurgegevens");
	xmlNode *par = kind(root, NS_GGK, "parameters");
	xmlNode *b = kind(par, NS_GGK, "bericht");
	int rc = 0;

#define EL(veld, ouder, ns, naam) \
	if (rc == 0) \
		rc = kopieer_element(e->veld, sizeof e->veld, ouder, ns, naam, fout)
	if (rc == 0)
		rc = systeem_lees(&e->zender, kind(sg, NS_STUF, "zender"), fout);
	if (rc == 0)
		rc = systeem_lees(&e->ontvanger, kind(sg, NS_STUF, "ontvanger"), fout);
	EL(referentienummer, sg, NS_STUF, "referentienummer");
	EL(tijdstip_bericht, sg, NS_STUF, "tijdstipBericht");
	EL(cross_refnummer, sg, NS_STUF, "crossRefnummer");
	EL(functie, sg, NS_STUF, "functie");
	EL(referentienummer_bericht, par, NS_GGK, "referentienummerBericht");
	EL(cross_refnummer_bericht, par, NS_GGK, "crossRefnummerBericht");
	EL(applicatie_versie, par, NS_GGK, "applicatieVersie");
	EL(applicatie_subversie, par, NS_GGK, "applicatieSubversie");
	EL(functie_versie, par, NS_GGK, "functieVersie");
	EL(functie_subversie, par, NS_GGK, "functieSubversie");
#undef EL
	if (rc == 0)
		rc = kopieer_attribuut(e->bestandsnaam, sizeof e->bestandsnaam, b, NS_STUF,
				       "bestandsnaam", fout);
	if (rc == 0)
		rc = kopieer_attribuut(e->content_type, sizeof e->content_type, b, NS_XMIME,
				       "contentType", fout);
	return rc;
}

int envelop_uitpakken(const void *data, size_t len, struct envelop *e, unsigned char **bericht,
		      size_t *bericht_len, struct envelop_fout *fout)
{
	unsigned char *buf = NULL;
	size_t buf_len = 0;
	xmlDocPtr doc;
	xmlNode *root, *b;
	int rc;

	pthread_once(&init_eenmaal, init_envelop);
	memset(fout, 0, sizeof *fout);
	memset(e, 0, sizeof *e);
	*bericht = NULL;
	*bericht_len = 0;
	doc = lees_xml(data, len, fout, &rc);
	if (!doc)
		return rc;
	root = xmlDocGetRootElement(doc);
	rc = herken(root, e, fout);
	/* The payload first: a message over 25 MB is refused as such, before
	 * the schema spends time on it; and a base64 error gets a clearer
	 * message than the XSD's. Without a GGK:bericht the XSD says so. */
	b = kind(kind(root, NS_GGK, "parameters"), NS_GGK, "bericht");
	if (rc == 0 && b)
		rc = decodeer(b, &buf, &buf_len, fout);
	if (rc == 0)
		rc = valideer(doc, fout);
	if (rc == 0)
		rc = feiten_lees(root, e, fout);
	xmlFreeDoc(doc);
	if (rc != 0) {
		free(buf);
		return rc;
	}
	*bericht = buf;
	*bericht_len = buf_len;
	return 0;
}

/* ---- writing ------------------------------------------------------------- */

/* Text or attribute value escaped for XML. Refuses what XML 1.0 cannot
 * carry (invalid UTF-8, control characters other than tab, LF and CR);
 * CR is written as &#13; so that reading gives it back. */
static int schrijf_tekst(FILE *f, const char *veld, const char *s, struct envelop_fout *fout)
{
	size_t l = strlen(s);

	if (xmlCheckUTF8((const unsigned char *)s) == 0)
		return weiger(fout, "IB001", 0, "", "%s is geen geldige UTF-8", veld);
	for (size_t i = 0; i < l; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
			return weiger(fout, "IB001", 0, "", "%s bevat een stuurteken (0x%02x) dat XML "
				      "niet kan bevatten", veld, c);
		switch (c) {
		case '&': fputs("&amp;", f); break;
		case '<': fputs("&lt;", f); break;
		case '>': fputs("&gt;", f); break;
		case '"': fputs("&quot;", f); break;
		case '\r': fputs("&#13;", f); break;
		case '\n': fputs("&#10;", f); break;
		case '\t': fputs("&#9;", f); break;
		default: fputc(c, f); break;
		}
	}
	return 0;
}

/* <prefix:naam>waarde</prefix:naam> on its own line; nothing when
 * waarde is "" and the element is optional. */
static int schrijf_element(FILE *f, const char *inspring, const char *prefix, const char *naam,
			   const char *waarde, bool optioneel, struct envelop_fout *fout)
{
	if (waarde[0] == '\0' && optioneel)
		return 0;
	fprintf(f, "%s<%s:%s>", inspring, prefix, naam);
	if (schrijf_tekst(f, naam, waarde, fout) != 0)
		return 1;
	fprintf(f, "</%s:%s>\n", prefix, naam);
	return 0;
}

static int schrijf_systeem(FILE *f, const char *naam, const struct envelop_systeem *s,
			   struct envelop_fout *fout)
{
	int rc = 0;

	fprintf(f, "\t\t<StUF:%s>\n", naam);
	if (rc == 0)
		rc = schrijf_element(f, "\t\t\t", "StUF", "organisatie", s->organisatie, true, fout);
	if (rc == 0)
		rc = schrijf_element(f, "\t\t\t", "StUF", "applicatie", s->applicatie, false, fout);
	if (rc == 0)
		rc = schrijf_element(f, "\t\t\t", "StUF", "administratie", s->administratie, true,
				     fout);
	if (rc == 0)
		rc = schrijf_element(f, "\t\t\t", "StUF", "gebruiker", s->gebruiker, true, fout);
	fprintf(f, "\t\t</StUF:%s>\n", naam);
	return rc;
}

static int schrijf_envelop(FILE *f, const struct envelop *e, const void *bericht,
			   size_t bericht_len, struct envelop_fout *fout)
{
	const bool retour = e->soort == ENVELOP_RETOUR;
	const char *root = retour ? ROOT_RETOUR : ROOT_HEEN;
	size_t b64_len;
	char *b64;
	int rc = 0;

	fprintf(f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<GGK:%s xmlns:StUF=\"" NS_STUF "\" xmlns:GGK=\"" NS_GGK "\" xmlns:xmime=\""
		NS_XMIME "\">\n\t<GGK:stuurgegevens>\n\t\t<StUF:berichtcode>%s</StUF:berichtcode>\n",
		root, retour ? "Du01" : "Di01");
#define EL(ins, pre, naam, veld, opt) \
	if (rc == 0) \
		rc = schrijf_element(f, ins, pre, naam, e->veld, opt, fout)
	if (rc == 0)
		rc = schrijf_systeem(f, "zender", &e->zender, fout);
	if (rc == 0)
		rc = schrijf_systeem(f, "ontvanger", &e->ontvanger, fout);
	EL("\t\t", "StUF", "referentienummer", referentienummer, false);
	EL("\t\t", "StUF", "tijdstipBericht", tijdstip_bericht, false);
	if (retour)
		EL("\t\t", "StUF", "crossRefnummer", cross_refnummer, false);
	EL("\t\t", "StUF", "functie", functie, false);
	if (rc == 0)
		fputs("\t</GGK:stuurgegevens>\n\t<GGK:parameters>\n", f);
	EL("\t\t", "GGK", "referentienummerBericht", referentienummer_bericht, true);
	if (retour)
		EL("\t\t", "GGK", "crossRefnummerBericht", cross_refnummer_bericht, true);
	EL("\t\t", "GGK", "applicatieVersie", applicatie_versie, false);
	EL("\t\t", "GGK", "applicatieSubversie", applicatie_subversie, false);
	EL("\t\t", "GGK", "functieVersie", functie_versie, false);
	EL("\t\t", "GGK", "functieSubversie", functie_subversie, false);
#undef EL
	if (rc != 0)
		return rc;
	fputs("\t\t<GGK:bericht", f);
	if (e->bestandsnaam[0]) {
		fputs(" StUF:bestandsnaam=\"", f);
		if (schrijf_tekst(f, "bestandsnaam", e->bestandsnaam, fout) != 0)
			return 1;
		fputc('"', f);
	}
	fputs(" xmime:contentType=\"", f);
	if (schrijf_tekst(f, "contentType", e->content_type, fout) != 0)
		return 1;
	fputs("\">", f);
	b64_len = sodium_base64_ENCODED_LEN(bericht_len, sodium_base64_VARIANT_ORIGINAL);
	b64 = malloc(b64_len);
	if (!b64)
		return systeemfout(fout, "onvoldoende geheugen om de envelop te maken");
	sodium_bin2base64(b64, b64_len, bericht, bericht_len, sodium_base64_VARIANT_ORIGINAL);
	fputs(b64, f);
	free(b64);
	fprintf(f, "</GGK:bericht>\n\t</GGK:parameters>\n</GGK:%s>\n", root);
	return 0;
}

int envelop_inpakken(const struct envelop *e, const void *bericht, size_t bericht_len,
		     char **uit, size_t *uit_len, struct envelop_fout *fout)
{
	char *buf = NULL;
	size_t len = 0;
	xmlDocPtr doc;
	FILE *f;
	int rc;

	pthread_once(&init_eenmaal, init_envelop);
	memset(fout, 0, sizeof *fout);
	*uit = NULL;
	*uit_len = 0;
	if (bericht_len > ENVELOP_MAX_BERICHT)
		return weiger(fout, "IB003", 0, "", "het bericht is %zu bytes, groter dan 25 MB (%zu "
			      "bytes, OP179): verdeel het over meer berichten", bericht_len,
			      ENVELOP_MAX_BERICHT);
	if (bericht_len == 0)
		return weiger(fout, "IB001", 0, "", "het bericht is leeg; een envelop draagt een "
			      "bericht");
	f = open_memstream(&buf, &len);
	if (!f)
		return systeemfout(fout, "onvoldoende geheugen om de envelop te maken");
	rc = schrijf_envelop(f, e, bericht, bericht_len, fout);
	if (fclose(f) != 0 && rc == 0)
		rc = systeemfout(fout, "onvoldoende geheugen om de envelop te maken");
	if (rc != 0) {
		free(buf);
		return rc;
	}
	/* What we hand out must pass the XSD: the facts come from the caller
	 * (a value too long, an applicatie under 3 characters, a tijdstip
	 * that is no number...). */
	doc = lees_xml(buf, len, fout, &rc);
	if (doc) {
		rc = valideer(doc, fout);
		xmlFreeDoc(doc);
	}
	if (rc != 0) {
		free(buf);
		return rc;
	}
	*uit = buf;
	*uit_len = len;
	return 0;
}

static int zet(char *dst, size_t n, const char *veld, const char *waarde,
	       struct envelop_fout *fout)
{
	if (strlen(waarde) >= n)
		return weiger(fout, "IB001", 0, "", "%s is %zu bytes; hoogstens %zu", veld,
			      strlen(waarde), n - 1);
	memcpy(dst, waarde, strlen(waarde) + 1);
	return 0;
}

int envelop_retour_feiten(const struct envelop *heen, const char *referentienummer,
			  const char *tijdstip_bericht, const char *functie,
			  const char *referentienummer_bericht, struct envelop *retour,
			  struct envelop_fout *fout)
{
	int rc = 0;

	memset(fout, 0, sizeof *fout);
	memset(retour, 0, sizeof *retour);
	retour->soort = ENVELOP_RETOUR;
	retour->zender = heen->ontvanger;
	retour->ontvanger = heen->zender;
	memcpy(retour->cross_refnummer, heen->referentienummer, sizeof retour->cross_refnummer);
	memcpy(retour->cross_refnummer_bericht, heen->referentienummer_bericht,
	       sizeof retour->cross_refnummer_bericht);
	memcpy(retour->applicatie_versie, heen->applicatie_versie, sizeof retour->applicatie_versie);
	memcpy(retour->applicatie_subversie, heen->applicatie_subversie,
	       sizeof retour->applicatie_subversie);
	memcpy(retour->functie_versie, heen->functie_versie, sizeof retour->functie_versie);
	memcpy(retour->functie_subversie, heen->functie_subversie, sizeof retour->functie_subversie);
	memcpy(retour->content_type, heen->content_type, sizeof retour->content_type);
	if (rc == 0)
		rc = zet(retour->referentienummer, sizeof retour->referentienummer,
			 "referentienummer", referentienummer, fout);
	if (rc == 0)
		rc = zet(retour->tijdstip_bericht, sizeof retour->tijdstip_bericht,
			 "tijdstipBericht", tijdstip_bericht, fout);
	if (rc == 0)
		rc = zet(retour->functie, sizeof retour->functie, "functie", functie, fout);
	if (rc == 0)
		rc = zet(retour->referentienummer_bericht, sizeof retour->referentienummer_bericht,
			 "referentienummerBericht", referentienummer_bericht, fout);
	return rc;
}
