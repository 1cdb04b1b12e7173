/* ijw/intern: control level 2 of iJw 3.2 (IV028), the in-message rules
 * (TR/CD/CS with controleniveau "bericht inhoud (xslt)", retourcode 0001)
 * on the messages the municipality receives: 305, 307, 315, 317, 323.
 *
 * Runs on a typed message (struct ijw_bericht) that passed the XSD
 * (level 1). Each rule exists once, as one row of a table in intern.c
 * (code, messages, check); ijw_intern_regel()/ijw_intern_regels() expose
 * that table so tests can hold it against the rule catalogue (regel.h).
 * A finding reuses struct ijw_bevinding of the XML layer, so the pipeline
 * shows XSD and rule findings alike: code = the rule code ("CS003"),
 * regel = 0 (the typed message has no line numbers), pad = the element
 * ("/Bericht/Client/Verzoek/NieuweProducten/NieuwProduct/Einddatum",
 * an index [n], 1-based, only where siblings share a name) and a Dutch
 * melding saying what is wrong and what would be right. Meldingen may
 * quote values from the message (dates, amounts, never a BSN).
 *
 * Any finding means the whole message is answered with a header-only
 * retourbericht with 0001 (IV032).
 *
 * Memory: the findings go into the caller's array; scratch memory is
 * freed before returning. No global state: thread-safe.
 */
#ifndef JR_IJW_INTERN_H
#define JR_IJW_INTERN_H

#include <stddef.h>

#include "ijw/bericht.h"
#include "ijw/xml.h"

/* Check b against every level-2 rule that applies to its soort (a
 * retourbericht or 301/319 has none here). At most max findings are
 * stored in uit (in rule-table order, within a rule in document order);
 * *n gets the number stored. Returns 0 no finding, 1 findings, -1 system
 * failure (out of memory; *n then holds what was found so far). */
int ijw_intern_controleer(const struct ijw_bericht *b, struct ijw_bevinding *uit, size_t max,
			  size_t *n);

/* The implemented rules: their number, and the code and messages
 * (REGEL_BERICHT_* bits, regel.h) of rule i; NULL beyond the end. */
size_t ijw_intern_regels(void);
const char *ijw_intern_regel(size_t i, unsigned *berichten);

#endif
