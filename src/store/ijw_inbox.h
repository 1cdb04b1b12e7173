/* ijw_inbox: the reads behind the inbox/outbox pages and the work list
 * of the iJw traffic (web/ijw_web.c): messages (ijw_bericht) within a
 * role's scope with filters and pages, one message with its texts, the
 * open requests (ijw_verzoek) and the received messages still waiting for
 * a retourbericht. Writes stay in ijw_store.c (the pipeline's).
 *
 * Scope (struct store_scope of store/scope.h, the twin of toegang_filter):
 * alles (regio) every message; gemeenten ",A,B," (store/scope.h) the
 * messages whose gemeente column is one of them; agb the messages whose
 * agb column is that provider (it sent or received them). None set:
 * nothing (fails closed).
 *
 * Return convention of store.h (-1 transient, -2 hard, message in
 * store_error). Arrays and texts returned are malloc'd and the caller's
 * (free(); a row with texts: ijw_inbox_bericht_vrij).
 */
#ifndef JR_STORE_IJW_INBOX_H
#define JR_STORE_IJW_INBOX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "domain/datum.h"
#include "domain/model.h"
#include "store/ijw_store.h"
#include "store/scope.h"

struct store;

/* The filters of a list; "" is "no filter". van/tot are JJJJ-MM-DD on
 * the day of ontvangen_op (both inclusive). */
struct ijw_inbox_filter {
	const char *soort;            /* "JW305" */
	const char *status;           /* "verwerkt", ... */
	bool alleen_afgekeurd;        /* every status but verwerkt */
	const char *agb;
	const char *gemeente;
	const char *richting;         /* "in", "uit" */
	dag_t van, tot;               /* DAG_GEEN: open */
	int64_t limiet, offset;
};

/* One message as lists and pages show it. */
struct ijw_inbox_regel {
	int64_t id;
	char richting[4];
	char soort[6];
	char afzender[9];
	char ontvanger[9];
	char identificatie[49];
	dag_t dagtekening;
	char ontvangen_op[21];
	char status[IJW_STATUS_LEN];
	char agb[9];
	char aanbieder_naam[NAAM_LEN];
	char gemeente[5];
	char gemeente_naam[NAAM_LEN];
	int64_t jeugdige_id;          /* 0: none */
	bool heeft_xml, heeft_retour;
	char retour_identificatie[49];
	int64_t n_bevindingen;
};

/* The page of messages in scope s matching f (newest first) into *uit
 * (n rows) and the number of all matches into *totaal. */
int store_ijw_inbox_lijst(struct store *st, const struct store_scope *s,
			  const struct ijw_inbox_filter *f, struct ijw_inbox_regel **uit,
			  size_t *n, int64_t *totaal);

/* Message id: 1 and *uit, 0 when there is none. Scope is the caller's
 * business (ijw_inbox_in_scope). */
int store_ijw_inbox_bericht(struct store *st, int64_t id, struct ijw_inbox_regel *uit);

/* Is row r in scope s? */
bool ijw_inbox_in_scope(const struct store_scope *s, const struct ijw_inbox_regel *r);

/* The message text (retour false) or its retourbericht (true) of message
 * id: 1 and *xml (malloc'd, the caller frees), 0 when it has none. */
int store_ijw_inbox_xml(struct store *st, int64_t id, bool retour, char **xml);

/* An open request (status open or in_onderzoek) with the receipt of the
 * message that carried it. */
struct ijw_inbox_verzoek {
	int64_t id;
	int64_t bericht_id;
	char soort[6];
	char agb[9];
	char aanbieder_naam[NAAM_LEN];
	char gemeente[5];
	char gemeente_naam[NAAM_LEN];
	int64_t jeugdige_id;
	char referentie_aanbieder[37];
	dag_t dagtekening;
	dag_t ontvangen;              /* the day of ontvangen_op (UTC) */
	char status[16];              /* open, in_onderzoek */
};

/* The open requests in scope s, oldest first, at most limiet from
 * offset, and how many there are in *totaal. */
int store_ijw_inbox_verzoeken(struct store *st, const struct store_scope *s,
			      int64_t limiet, int64_t offset, struct ijw_inbox_verzoek **uit,
			      size_t *n, int64_t *totaal);

/* The received heenberichten in scope s that were processed (not refused,
 * not failed on the XSD, so OP090 applies) and have no retourbericht:
 * their ids, kinds and days of receipt, oldest first (at most 1000). */
struct ijw_inbox_wacht {
	int64_t id;
	char soort[6];
	dag_t ontvangen;
};
int store_ijw_inbox_zonder_retour(struct store *st, const struct store_scope *s,
				  struct ijw_inbox_wacht **uit, size_t *n);

#endif
