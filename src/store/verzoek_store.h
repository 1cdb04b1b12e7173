/* verzoek_store: the store side of the municipality's work on received
 * requests (ijw/afhandel.c, web/verzoek_web.c): the queue of open 315/317
 * requests (ijw_verzoek) with the names the queue shows, the received
 * message each came in, the toewijzingen a JW301 must carry (OP087), new
 * ToewijzingNummers, and the outgoing messages that `ijw export` still
 * has to write (ijw_export, migration 5).
 *
 * Every function runs inside the caller's transaction and follows
 * store.h's return convention (>= 0 rows or success, -1 retry, -2 hard
 * with the message in store_error). Arrays and texts returned through
 * out-parameters are malloc'd and the caller's (free()); NULL with count
 * 0 when there are none.
 */
#ifndef JR_STORE_VERZOEK_STORE_H
#define JR_STORE_VERZOEK_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "domain/datum.h"
#include "domain/model.h"

struct store;

/* One ijw_verzoek row and what the queue shows with it. */
struct verzoek_rij {
	int64_t id;
	int64_t bericht_id;           /* the received 315/317 (ijw_bericht.id) */
	char soort[6];                /* "JW315", "JW317" */
	char agb[AGB_LEN];
	char gemeente[GEMEENTE_CODE_LEN];
	char bsn[BSN_LEN];
	int64_t jeugdige_id;          /* 0: the youth is not known here */
	char referentie_aanbieder[145];
	dag_t dagtekening;            /* of the request message */
	char status[16];              /* open, in_onderzoek, toegewezen, afgewezen */
	char ontvangen_op[21];        /* receipt, ISO 8601 UTC */
	char aanbieder_naam[NAAM_LEN];  /* "" when the AGB is not in the register */
	char gemeente_naam[NAAM_LEN];
	char voornamen[NAAM_LEN];     /* of the known youth, "" otherwise */
	char achternaam[NAAM_LEN];
};

/* Every request still waiting for a final answer (status open or
 * in_onderzoek), oldest message first (dagtekening, bericht_id, id). */
int store_verzoeken_wachtend(struct store *st, struct verzoek_rij **out, size_t *n);

/* Every request row of received message bericht_id, in id order. */
int store_verzoek_van_bericht(struct store *st, int64_t bericht_id, struct verzoek_rij **out,
			      size_t *n);

/* The text of message id (ijw_bericht.xml) into *xml (malloc'd). 1 found,
 * 0 no such message or no text. */
int store_verzoek_bericht_xml(struct store *st, int64_t id, char **xml);

/* Set the status of request id. */
int store_verzoek_status_zet(struct store *st, int64_t id, const char *status);

/* OP087: the toewijzingen of youth jeugdige_id at aanbieder agb given by
 * gemeente that are valid on or after vanaf (einddatum absent or not
 * before vanaf), by nummer. */
int store_verzoek_toewijzingen_geldig(struct store *st, int64_t jeugdige_id, const char *agb,
				      const char *gemeente, dag_t vanaf, struct toewijzing **out,
				      size_t *n);

/* A change of toewijzing t->nummer under the same number (IV066): its
 * Toewijzingsdatum, Einddatum, Omvang, Budget and RedenWijziging become
 * those of t; the rest stays. */
int store_verzoek_toewijzing_wijzig(struct store *st, const struct toewijzing *t);

/* The next free ToewijzingNummer (max + 1; under store_ijw_slot). */
int store_verzoek_volgend_toewijzingnummer(struct store *st, int64_t *nummer);

/* ToewijzingNummers of the youth at agb with approved Prestaties (TR385). */
int store_verzoek_gedeclareerd(struct store *st, int64_t jeugdige_id, const char *agb,
			       int64_t **out, size_t *n);

/* One outgoing message still to export. */
struct verzoek_uit {
	int64_t id;
	char soort[6];
	char identificatie[49];
	char agb[AGB_LEN];
	char *xml;                    /* malloc'd, freed by store_verzoek_uit_vrij */
};

/* The outgoing messages (richting 'uit') without an ijw_export row, to
 * aanbieder agb (NULL or "": every aanbieder), by id. */
int store_verzoek_uit_te_exporteren(struct store *st, const char *agb, struct verzoek_uit **out,
				    size_t *n);
void store_verzoek_uit_vrij(struct verzoek_uit *u, size_t n);

/* Record that message id was exported at nu (ISO 8601 UTC); a message
 * recorded before keeps its first time. */
int store_verzoek_export_markeer(struct store *st, int64_t id, const char *nu);

#endif
