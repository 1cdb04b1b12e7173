/* ijw/xml: reading, recognising and XSD-validating iJw 3.2 messages
 * (see xml.h). Messages come from outside (every provider's software),
 * so the parser is set up for hostile input:
 *
 * - Size: more than IJW_XML_MAX_BYTES (OP179, 25 MB) is refused before
 *   parsing; with libxml2's default limits (no XML_PARSE_HUGE) no single
 *   text node, name or nesting depth can grow past its own cap either.
 * - No DOCTYPE at all: iJw messages have none, and a DTD is where entity
 *   bombs (billion laughs) and external entities (file:///etc/passwd,
 *   http://...) live. The SAX internalSubset callback stops the parser at
 *   the DOCTYPE name, before any declaration is read.
 * - No XML_PARSE_NOENT (entities are never substituted), no DTDLOAD or
 *   DTDATTR (no external subset is fetched), XML_PARSE_NONET; and behind
 *   those, our external entity loader serves only the embedded
 *   basisschema.xsd (the import of the message schemas) and refuses every
 *   other file or URL, so nothing in a message can make us read a file or
 *   open a connection. xsi:schemaLocation in a message is ignored: we
 *   validate against our own compiled schema. (Compiling a schema does
 *   stat() "basisschema.xsd" in the working directory, libxml2's check
 *   before it calls the loader; the loader still serves the embedded one.)
 * - Errors are collected per document through the parser's and validation
 *   context's own structured handlers, never libxml2's global ones, so
 *   documents can be checked in parallel threads.
 * - Findings are capped (IJW_BEVINDINGEN_MAX), so a message with a million
 *   errors costs no more memory than one with fifty.
 */
#include "ijw/xml.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>

#include "lib/embedded.h"

#define BASISSCHEMA "basisschema.xsd"

/* The compiled-in schema of each message. */
struct bericht_info {
	const unsigned char *xsd;
	const size_t *xsd_len;
};

#define INFO(n) { data_ijw_jw##n##_xsd, &data_ijw_jw##n##_xsd_len }

/* Indexed by enum ijw_soort. */
static const struct bericht_info berichten[IJW_SOORTEN] = {
	[IJW_JW301] = INFO(301), [IJW_JW302] = INFO(302), [IJW_JW305] = INFO(305),
	[IJW_JW306] = INFO(306), [IJW_JW307] = INFO(307), [IJW_JW308] = INFO(308),
	[IJW_JW315] = INFO(315), [IJW_JW316] = INFO(316), [IJW_JW317] = INFO(317),
	[IJW_JW318] = INFO(318), [IJW_JW319] = INFO(319), [IJW_JW320] = INFO(320),
	[IJW_JW323] = INFO(323), [IJW_JW325] = INFO(325),
};

/* ---- findings ---------------------------------------------------------- */

/* Add a finding; past the cap only count it. -1 when out of memory. */
__attribute__((format(printf, 5, 6)))
static int bevinding(struct ijw_document *d, const char *code, int regel, const char *pad,
		     const char *fmt, ...)
{
	struct ijw_bevinding *b;
	va_list ap;

	if (d->n_bevindingen >= IJW_BEVINDINGEN_MAX) {
		d->weggelaten++;
		return 0;
	}
	if (d->n_bevindingen % 8 == 0) {
		b = realloc(d->bevindingen, (d->n_bevindingen + 8) * sizeof *b);
		if (!b)
			return -1;
		d->bevindingen = b;
	}
	b = &d->bevindingen[d->n_bevindingen++];
	snprintf(b->code, sizeof b->code, "%s", code);
	b->regel = regel > 0 ? regel : 0;
	snprintf(b->pad, sizeof b->pad, "%s", pad ? pad : "");
	va_start(ap, fmt);
	vsnprintf(b->melding, sizeof b->melding, fmt, ap);
	va_end(ap);
	return 0;
}

/* The XPath-like location of a node: local names from the root, with
 * [n] where a parent has more than one child of that name; "" for none. */
static void node_pad(const xmlNode *node, char *out, size_t n)
{
	const xmlNode *stap[64];
	const xmlNode *k = node;
	size_t diepte = 0, len = 0;

	out[0] = '\0';
	for (; k && k->type != XML_DOCUMENT_NODE && diepte < 64; k = k->parent)
		if (k->type == XML_ELEMENT_NODE || k->type == XML_ATTRIBUTE_NODE)
			stap[diepte++] = k;
	/* Deeper than 64 (no iJw message is): the nearest 64 steps. */
	if (k && k->type != XML_DOCUMENT_NODE)
		len = (size_t)snprintf(out, n, "/...");
	while (diepte > 0 && len < n) {
		size_t nr = 0, zelfde = 0;
		int w;

		k = stap[--diepte];
		if (k->type == XML_ELEMENT_NODE && k->parent &&
		    k->parent->type == XML_ELEMENT_NODE) {
			for (const xmlNode *s = k->parent->children; s; s = s->next) {
				if (s->type != XML_ELEMENT_NODE ||
				    !xmlStrEqual(s->name, k->name))
					continue;
				zelfde++;
				if (s == k)
					nr = zelfde;
			}
		}
		if (zelfde > 1)
			w = snprintf(out + len, n - len, "/%s[%zu]", (const char *)k->name, nr);
		else
			w = snprintf(out + len, n - len, "/%s%s",
				     k->type == XML_ATTRIBUTE_NODE ? "@" : "",
				     (const char *)k->name);
		if (w < 0)
			break;
		len += (size_t)w;
	}
	if (len >= n && n > 4)
		memcpy(out + n - 4, "...", 4);
}

/* libxml2's text without the trailing newline and with "{namespace}"
 * before element names left out: the location already says where. */
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

/* ---- parsing ------------------------------------------------------------ */

/* What the parser callbacks need; reached through ctxt->_private. */
struct lees_werk {
	struct ijw_document *d;
	bool doctype;       /* a DOCTYPE was refused: later errors are its echo */
	bool geen_geheugen;
};

static void parser_fout(void *data, xmlErrorPtr e)
{
	xmlParserCtxtPtr ctxt = data;
	struct lees_werk *w = ctxt ? ctxt->_private : NULL;
	char tekst[IJW_MELDING_LEN];

	if (!w || w->doctype || !e || e->level == XML_ERR_WARNING)
		return;
	schoon_tekst(e->message, tekst, sizeof tekst);
	if (bevinding(w->d, "XSD", e->line, "", "XML niet welgevormd (kolom %d): %s",
		      e->int2, tekst) < 0)
		w->geen_geheugen = true;
}

static void weiger_doctype(void *data, const xmlChar *naam, const xmlChar *extern_id,
			   const xmlChar *systeem_id)
{
	xmlParserCtxtPtr ctxt = data;
	struct lees_werk *w = ctxt->_private;

	(void)extern_id;
	(void)systeem_id;
	if (bevinding(w->d, "XSD", xmlSAX2GetLineNumber(ctxt), "",
		      "DOCTYPE '%.64s' niet toegestaan: een iJw-bericht heeft geen DTD, en "
		      "entiteiten in een DTD kunnen bestanden lezen of het geheugen vullen; "
		      "verwijder de DOCTYPE-declaratie", naam ? (const char *)naam : "") < 0)
		w->geen_geheugen = true;
	w->doctype = true;
	xmlStopParser(ctxt);
}

/* The only external resource anything may load: the basisschema the
 * message schemas import. Everything else (a file, a URL, a DTD) is
 * refused, for schemas and messages alike. */
static xmlParserInputPtr laad_extern(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	xmlParserInputBufferPtr buf;
	xmlParserInputPtr in;

	(void)id;
	if (!url || strcmp(url, BASISSCHEMA) != 0 || !ctxt)
		return NULL;
	buf = xmlParserInputBufferCreateMem((const char *)data_ijw_basisschema_xsd,
				    (int)data_ijw_basisschema_xsd_len,
				    XML_CHAR_ENCODING_NONE);
	if (!buf)
		return NULL;
	in = xmlNewIOInputStream(ctxt, buf, XML_CHAR_ENCODING_NONE);
	if (!in) {
		xmlFreeParserInputBuffer(buf);
		return NULL;
	}
	in->filename = (const char *)xmlStrdup((const xmlChar *)BASISSCHEMA);
	return in;
}

static pthread_once_t init_eenmaal = PTHREAD_ONCE_INIT;

/* libxml2 wants its global setup done once, before threads use it. */
static void init_libxml(void)
{
	xmlInitParser();
	xmlSetExternalEntityLoader(laad_extern);
}

static const int PARSE_OPTIES = XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES;

/* OP192: UTF-8 without a byte-order mark. Other encodings are recognised
 * by their first bytes (UTF-16/32 start with a BOM or a NUL byte). */
static int controleer_codering(struct ijw_document *d, const unsigned char *p, size_t len)
{
	if (len >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF)
		return bevinding(d, "OP192", 1, "",
				 "het bestand begint met een byte-order mark (BOM); OP192 staat "
				 "die niet toe: sla het op als UTF-8 zonder BOM");
	if (len >= 2 && ((p[0] == 0xFE && p[1] == 0xFF) || (p[0] == 0xFF && p[1] == 0xFE) ||
			 p[0] == 0x00 || p[1] == 0x00))
		return bevinding(d, "OP192", 1, "",
				 "het bestand is geen UTF-8 (het lijkt UTF-16 of UTF-32); OP192 "
				 "eist UTF-8");
	return 0;
}

/* Root element Bericht in the namespace of one of the 14 messages. */
static int herken(struct ijw_document *d)
{
	xmlNode *root = xmlDocGetRootElement(d->doc);
	const char *ns;

	if (!root)
		return bevinding(d, "XSD", 1, "", "het document heeft geen hoofdelement");
	ns = root->ns && root->ns->href ? (const char *)root->ns->href : "";
	if (!xmlStrEqual(root->name, (const xmlChar *)"Bericht"))
		return bevinding(d, "XSD", (int)xmlGetLineNo(root), "",
				 "het hoofdelement heet '%.64s'; een iJw-bericht begint met "
				 "'Bericht'", (const char *)root->name);
	/* The namespaces are http://www.istandaarden.nl/ijw/3_2/jwNNN/schema. */
	if (bericht_soort_van_ns(ns) >= 0) {
		d->herkend = true;
		d->soort = (enum ijw_soort)bericht_soort_van_ns(ns);
		return 0;
	}
	if (!*ns)
		return bevinding(d, "XSD", (int)xmlGetLineNo(root), "/Bericht",
				 "'Bericht' heeft geen namespace; verwacht "
				 "http://www.istandaarden.nl/ijw/3_2/jwNNN/schema met NNN het berichtnummer (301, 302, "
				 "305, 306, 307, 308, 315 ... 320, 323 of 325)");
	return bevinding(d, "XSD", (int)xmlGetLineNo(root), "/Bericht",
			 "namespace '%.200s' is geen iJw 3.2-bericht; verwacht "
			 "http://www.istandaarden.nl/ijw/3_2/jwNNN/schema met NNN het berichtnummer (301, 302, 305, "
			 "306, 307, 308, 315 ... 320, 323 of 325)", ns);
}

void ijw_document_vrij(struct ijw_document *d)
{
	if (!d)
		return;
	xmlFreeDoc(d->doc);
	free(d->bevindingen);
	memset(d, 0, sizeof *d);
}

static int geen_geheugen(char *err, size_t n)
{
	snprintf(err, n, "onvoldoende geheugen om het iJw-bericht te lezen");
	return -1;
}

int ijw_xml_lees(struct ijw_document *d, const void *data, size_t len, char *err, size_t n)
{
	struct lees_werk w = { .d = d };
	xmlParserCtxtPtr ctxt;
	xmlDocPtr doc;

	pthread_once(&init_eenmaal, init_libxml);
	memset(d, 0, sizeof *d);
	if (len > IJW_XML_MAX_BYTES) {
		if (bevinding(d, "OP179", 0, "",
			      "het bestand is groter dan 25 MB (%zu bytes toegestaan); OP179 "
			      "staat geen grotere bestanden toe: verdeel het over meer berichten",
			      IJW_XML_MAX_BYTES) < 0)
			return geen_geheugen(err, n);
		return 1;
	}
	if (len == 0) {
		if (bevinding(d, "XSD", 0, "", "het bestand is leeg; verwacht een iJw-bericht") < 0)
			return geen_geheugen(err, n);
		return 1;
	}
	if (controleer_codering(d, data, len) < 0)
		return geen_geheugen(err, n);
	if (d->n_bevindingen > 0)
		return 1;

	ctxt = xmlNewParserCtxt();
	if (!ctxt)
		return geen_geheugen(err, n);
	ctxt->_private = &w;
	ctxt->sax->serror = parser_fout;
	ctxt->sax->internalSubset = weiger_doctype;
	/* An external subset is only read through these; set both to NULL as
	 * well, so that even a parser bug cannot reach one. */
	ctxt->sax->externalSubset = NULL;
	ctxt->sax->resolveEntity = NULL;
	doc = xmlCtxtReadMemory(ctxt, data, (int)len, NULL, NULL, PARSE_OPTIES);
	if (w.doctype || w.geen_geheugen || d->n_bevindingen > 0) {
		xmlFreeDoc(doc);
		doc = NULL;
	}
	if (!doc && !w.geen_geheugen && d->n_bevindingen == 0 &&
	    bevinding(d, "XSD", 0, "", "XML niet welgevormd") < 0)
		w.geen_geheugen = true;
	xmlFreeParserCtxt(ctxt);
	if (w.geen_geheugen)
		return geen_geheugen(err, n);
	if (!doc)
		return 1;
	d->doc = doc;
	/* OP192: the declaration may not name another encoding either. */
	if (doc->encoding && strcasecmp((const char *)doc->encoding, "UTF-8") != 0) {
		if (bevinding(d, "OP192", 1, "",
			      "het bestand is gecodeerd als '%.40s'; OP192 eist UTF-8",
			      (const char *)doc->encoding) < 0)
			return geen_geheugen(err, n);
		return 1;
	}
	if (herken(d) < 0)
		return geen_geheugen(err, n);
	return d->n_bevindingen > 0 ? 1 : 0;
}

/* ---- schemas and validation ------------------------------------------ */

static pthread_mutex_t schema_slot = PTHREAD_MUTEX_INITIALIZER;
static xmlSchemaPtr schemas[IJW_SOORTEN];

struct schema_fout {
	char tekst[IJW_MELDING_LEN];
};

static void schema_parse_fout(void *data, xmlErrorPtr e)
{
	struct schema_fout *f = data;

	if (f->tekst[0] == '\0' && e && e->level != XML_ERR_WARNING)
		schoon_tekst(e->message, f->tekst, sizeof f->tekst);
}

/* The compiled schema of message i, compiled on first use. Compiling
 * takes the lock (it loads the basisschema through the shared loader);
 * using a compiled schema does not. NULL with err on failure. */
static xmlSchemaPtr schema(size_t i, char *err, size_t n)
{
	struct schema_fout f = { .tekst = "" };
	xmlSchemaParserCtxtPtr pc;
	xmlSchemaPtr s;

	pthread_mutex_lock(&schema_slot);
	s = schemas[i];
	if (!s) {
		pc = xmlSchemaNewMemParserCtxt((const char *)berichten[i].xsd,
					       (int)*berichten[i].xsd_len);
		if (pc) {
			xmlSchemaSetParserStructuredErrors(pc, schema_parse_fout, &f);
			s = xmlSchemaParse(pc);
			xmlSchemaFreeParserCtxt(pc);
		}
		schemas[i] = s;
	}
	pthread_mutex_unlock(&schema_slot);
	if (!s)
		snprintf(err, n, "het XSD van %s compileert niet: %s", bericht_soort_naam((enum ijw_soort)i),
			 f.tekst[0] ? f.tekst : "onvoldoende geheugen");
	return s;
}

struct valideer_werk {
	struct ijw_document *d;
	bool geen_geheugen;
};

/* A Dutch summary of what kind of schema error this is. */
static const char *xsd_samenvatting(int code)
{
	if (code == XML_SCHEMAV_CVC_COMPLEX_TYPE_2_4 || code == XML_SCHEMAV_ELEMENT_CONTENT)
		return "element op deze plaats niet toegestaan, of een verplicht element ontbreekt";
	if (code == XML_SCHEMAV_CVC_ELT_1)
		return "onbekend hoofdelement voor dit schema";
	if (code == XML_SCHEMAV_CVC_COMPLEX_TYPE_3_2_1 || code == XML_SCHEMAV_CVC_COMPLEX_TYPE_3_2_2 ||
	    code == XML_SCHEMAV_CVC_COMPLEX_TYPE_4)
		return "attribuut niet toegestaan of ontbreekt";
	if (code == XML_SCHEMAV_CVC_COMPLEX_TYPE_2_1 || code == XML_SCHEMAV_CVC_COMPLEX_TYPE_2_3)
		return "dit element mag geen tekst bevatten";
	if ((code >= XML_SCHEMAV_CVC_DATATYPE_VALID_1_2_1 &&
	     code <= XML_SCHEMAV_CVC_ENUMERATION_VALID) ||
	    code == XML_SCHEMAV_CVC_COMPLEX_TYPE_2_2 || code == XML_SCHEMAV_CVC_ELT_5_2_2_1)
		return "ongeldige waarde";
	return "voldoet niet aan het XSD";
}

static void valideer_fout(void *data, xmlErrorPtr e)
{
	struct valideer_werk *w = data;
	char pad[IJW_PAD_LEN], tekst[IJW_MELDING_LEN];
	int regel;

	if (!e || e->level == XML_ERR_WARNING)
		return;
	/* Past the cap only count: the location costs a walk over siblings,
	 * too much for a 25 MB message with an error in every element. */
	if (w->d->n_bevindingen >= IJW_BEVINDINGEN_MAX) {
		w->d->weggelaten++;
		return;
	}
	pad[0] = '\0';
	regel = e->line;
	if (e->node) {
		node_pad(e->node, pad, sizeof pad);
		regel = (int)xmlGetLineNo(e->node);
	}
	schoon_tekst(e->message, tekst, sizeof tekst);
	if (bevinding(w->d, "XSD", regel, pad, "XSD-fout: %s (%s)", xsd_samenvatting(e->code),
		      tekst) < 0)
		w->geen_geheugen = true;
}

int ijw_xml_valideer(struct ijw_document *d, char *err, size_t n)
{
	struct valideer_werk w = { .d = d };
	xmlSchemaValidCtxtPtr vc;
	xmlSchemaPtr s;
	size_t voor = d->n_bevindingen + d->weggelaten;
	int rc;

	if (!d->doc || !d->herkend) {
		snprintf(err, n, "intern: valideren zonder herkend bericht");
		return -1;
	}
	s = schema((size_t)d->soort, err, n);
	if (!s)
		return -1;
	vc = xmlSchemaNewValidCtxt(s);
	if (!vc)
		return geen_geheugen(err, n);
	xmlSchemaSetValidStructuredErrors(vc, valideer_fout, &w);
	rc = xmlSchemaValidateDoc(vc, d->doc);
	xmlSchemaFreeValidCtxt(vc);
	if (w.geen_geheugen)
		return geen_geheugen(err, n);
	/* A failure libxml2 did not report (rc > 0 without an error, or an
	 * internal error rc < 0) must still not pass as valid. */
	if (rc != 0 && d->n_bevindingen + d->weggelaten == voor &&
	    bevinding(d, "XSD", 0, "", "XSD-fout: het bericht voldoet niet aan het XSD van %s "
		      "(libxml2 code %d)", bericht_soort_naam(d->soort), rc) < 0)
		return geen_geheugen(err, n);
	d->gevalideerd = true;
	return d->n_bevindingen + d->weggelaten > voor ? 1 : 0;
}

int ijw_xml_controleer(struct ijw_document *d, const void *data, size_t len, char *err,
		       size_t n)
{
	int rc = ijw_xml_lees(d, data, len, err, n);

	if (rc != 0)
		return rc;
	return ijw_xml_valideer(d, err, n);
}
