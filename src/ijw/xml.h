/* ijw/xml: the safe XML layer of iJw 3.2. Reads one message from memory,
 * recognises which of the 14 messages it is (root element Bericht and
 * its namespace) and validates it against that message's XSD (compiled
 * into the binary, data/ijw/3.2/). This is control level 1 of the
 * standard (IV028): any finding here means the message is not processed
 * and gets no retourbericht; the sender only gets the error.
 *
 * Findings: code, line, an XPath-like location with local names
 * (/Bericht/Client/Bsn, an index [n] only where siblings share a name)
 * and a Dutch message. Codes: "XSD" (not well-formed, DOCTYPE, not an
 * iJw 3.2 message, invalid against the schema), "OP179" (larger than
 * 25 MB), "OP192" (not UTF-8, or a byte-order mark). Messages may quote
 * values from the message (a BSN too): show them to whoever sent the
 * message, never write them to a log.
 *
 * Memory: struct ijw_document is the caller's (usually on the stack);
 * ijw_xml_lees fills it, ijw_document_vrij frees what it holds (the
 * libxml2 tree and the findings). The input buffer is the caller's and
 * may be freed once ijw_xml_lees returns. The compiled schemas are
 * shared, made once per process and never freed.
 *
 * Threads: any number of documents may be read and validated at the same
 * time, each in one thread; no call uses libxml2's global error handlers.
 */
#ifndef JR_IJW_XML_H
#define JR_IJW_XML_H

#include <stdbool.h>
#include <stddef.h>

#include <libxml/tree.h>

#include "ijw/soort.h"

/* OP179: at most 25 MB per file (read as MiB, the lenient reading). */
#define IJW_XML_MAX_BYTES ((size_t)25 * 1024 * 1024)

#define IJW_CODE_LEN 8
#define IJW_PAD_LEN 256
#define IJW_MELDING_LEN 512
/* Findings past this many are only counted (weggelaten). */
#define IJW_BEVINDINGEN_MAX 50

struct ijw_bevinding {
	char code[IJW_CODE_LEN];       /* "XSD", "OP179", "OP192" */
	int regel;                     /* line in the message, 0 if none */
	char pad[IJW_PAD_LEN];         /* "/Bericht/Client/Bsn", "" if none */
	char melding[IJW_MELDING_LEN]; /* Dutch; XSD errors add libxml2's text */
};

struct ijw_document {
	xmlDoc *doc;                   /* the tree; NULL when refused or unreadable */
	bool herkend;                  /* soort is set */
	enum ijw_soort soort;
	bool gevalideerd;              /* validated against the XSD of soort */
	struct ijw_bevinding *bevindingen;
	size_t n_bevindingen;
	size_t weggelaten;             /* findings past IJW_BEVINDINGEN_MAX */
};

/* Read a message from data[0..len): size, encoding, well-formedness (no
 * DOCTYPE, no network, no entity expansion), then recognise it. d is
 * reset first. 0 when recognised without finding, 1 when there are
 * findings (d->doc may still be set, e.g. for a wrong namespace), -1 on a
 * system failure (out of memory) with the reason in err. */
int ijw_xml_lees(struct ijw_document *d, const void *data, size_t len, char *err, size_t n);

/* Validate a recognised document (d->herkend) against its XSD; findings
 * are added to d. 0 valid, 1 findings, -1 system failure (out of memory,
 * a schema that does not compile) with the reason in err. */
int ijw_xml_valideer(struct ijw_document *d, char *err, size_t n);

/* Both: read, recognise and validate. Same return values. */
int ijw_xml_controleer(struct ijw_document *d, const void *data, size_t len, char *err,
		       size_t n);

/* Free what d holds and reset it; d itself stays the caller's. */
void ijw_document_vrij(struct ijw_document *d);

#endif
