/* ijw/verwerk: processing one received iJw 3.2 message, the
 * municipality's side: validate, apply to the record, answer.
 *
 * The control levels of IV028 in order:
 *  1 XSD (ijw/xml.h): a finding means no retourbericht; the findings go
 *    back to the sender. The message is kept in the inbox with status
 *    afgekeurd_xsd, in a small transaction of its own, but it claims no
 *    BerichtIdentificatie: a corrected message with the same
 *    identificatie is processed (TR056 is a level-3 rule and applies to
 *    messages that got that far). Each attempt is its own inbox row.
 *  2 in-message rules (retourcode 0001): a header-only retourbericht with
 *    0001 and XsltVersie.
 *  3/4 cross-message and external rules against the record, each with
 *    its retourcode from the catalogue (regel.h); any finding rejects the
 *    whole message, except a JW323, where a finding on a Prestatie
 *    rejects only that Prestatie.
 * Before all that a message is refused without retourbericht (status
 * geweigerd, finding code TOEGANG or SOORT, not iJw rule codes: this is
 * the transport's business) when its Afzender is not the authenticated
 * aanbieder of ctx, or when it is no message a municipality receives.
 *
 * Everything from level 3 on is ONE unit of the store: the TR056 lookup,
 * the checks, the changes to the record (305: traject started, 307:
 * traject interrupted or ended, 323: declaratie and Prestaties, 315/317:
 * open requests in ijw_verzoek), the inbox row with its findings and its
 * retourbericht, and the data version (cijfers_store.h). A message whose
 * (Afzender, Identificatie, soort) was processed before is answered with
 * the stored retourbericht and changes nothing (uitkomst.herhaald).
 *
 * ijw_verwerk runs one message in a transaction of its own (the API: the
 * answer goes out after the commit). ijw_verwerk_reeks runs a batch (the
 * import of a directory) in one transaction: one commit, and one flush to
 * disk, for the lot. A message on which the store fails is left out and
 * the batch is run again without it, so each message is still all or
 * nothing. A crash before the commit loses the whole batch and nothing
 * else; sending it again is harmless (TR056). Levels 1 and 2 of every
 * message run before the transaction, so the write lock is held only for
 * the record's part.
 *
 * Memory: the caller owns out and frees what it holds with
 * ijw_uitkomst_vrij; the input buffer and ctx are only read.
 */
#ifndef JR_IJW_VERWERK_H
#define JR_IJW_VERWERK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "domain/datum.h"
#include "domain/model.h"
#include "ijw/soort.h"
#include "ijw/xml.h"

struct store;

struct ijw_verwerk_context {
	/* The AGB code of the authenticated sender (an API token of an
	 * aanbieder); NULL when the caller vouches for the file itself (the
	 * CLI import). */
	const char *afzender_agb;
	/* The gemeenten this installation serves (store_gemeenten). */
	const struct gemeente *gemeenten;
	size_t n_gemeenten;
	/* "Now": today (TR135, DagtekeningRetour) and the receipt time,
	 * ISO 8601 UTC ("2026-11-25T10:00:00Z", store_nu_iso). */
	dag_t vandaag;
	const char *nu;
};

enum ijw_verwerk_status {
	IJW_VERWERKT,        /* accepted (retourbericht with 0200 / 8001) */
	IJW_AFGEKEURD_XSD,   /* level 1: no retourbericht */
	IJW_AFGEKEURD,       /* level 2-4: rejected as a whole */
	IJW_DEELS_AFGEKEURD, /* JW323: some Prestaties rejected */
	IJW_GEWEIGERD,       /* not from the authenticated sender, or no message for us */
};

struct ijw_uitkomst {
	int64_t bericht_id;        /* the inbox row (ijw_bericht.id) */
	bool herkend;              /* soort is set */
	enum ijw_soort soort;
	enum ijw_verwerk_status status;
	bool herhaald;             /* TR056: answered from the inbox */
	char *retour;              /* the retourbericht (XML), NULL when none */
	size_t retour_len;
	struct ijw_bevinding *bevindingen; /* every finding, all levels */
	size_t n_bevindingen;
	/* ijw_verwerk_reeks: the store failed on this message (its changes
	 * are undone; nothing else of the uitkomst holds); NULL otherwise. */
	char *fout;
};

struct ijw_invoer {
	const void *xml;
	size_t len;
};

/* Process the message xml[0..len). 0 when it was processed, whatever the
 * outcome (see out->status); -1/-2 when the store failed (nothing
 * changed; message in store_error) or memory ran out. */
int ijw_verwerk(struct store *st, const void *xml, size_t len,
		const struct ijw_verwerk_context *ctx, struct ijw_uitkomst *out);

/* Process in[0..n) as one batch into out[0..n) (see above). 0 when the
 * batch was committed: each out[i] then holds its outcome, or its own
 * failure in out[i].fout. -1/-2 when the batch as a whole failed
 * (nothing changed; message in store_error); the caller still frees each
 * out[i]. */
int ijw_verwerk_reeks(struct store *st, const struct ijw_invoer *in, size_t n,
		      const struct ijw_verwerk_context *ctx, struct ijw_uitkomst *out);

/* "verwerkt", "afgekeurd_xsd", ... as stored in ijw_bericht.status. */
const char *ijw_verwerk_status_naam(enum ijw_verwerk_status s);

void ijw_uitkomst_vrij(struct ijw_uitkomst *u);

#endif
