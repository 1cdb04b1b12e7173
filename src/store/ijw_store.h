/* ijw_store: the store side of processing iJw messages (ijw/verwerk.c):
 * the inbox/outbox (ijw_bericht, ijw_bevinding), the open requests
 * (ijw_verzoek) and the reads and updates of the record that the
 * cross-message rules and the apply step need (toewijzing, traject,
 * declaratie, prestatie). Schema: migration 4 (schema.c).
 *
 * Every function runs inside the caller's transaction (store_transaction)
 * and follows store.h's return convention (>= 0, -1 retry, -2 hard with
 * the message in store_error). Lookups return 1 found / 0 not found.
 * Texts returned in malloc'd buffers are the caller's (free()); all other
 * results are copied into the caller's structs.
 */
#ifndef JR_STORE_IJW_STORE_H
#define JR_STORE_IJW_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "domain/model.h"
#include "ijw/xml.h"

struct store;

#define IJW_STATUS_LEN 16

/* One row of ijw_bericht. Texts "" and dates DAG_GEEN and ids 0 are
 * stored as NULL. xml and retour_xml are borrowed (NULL: none). */
struct ijw_inbox {
	int64_t id;
	const char *richting;         /* "in", "uit" */
	char soort[6];                /* "JW305" */
	char afzender[9];
	char ontvanger[9];
	char identificatie[49];
	dag_t dagtekening;
	char ontvangen_op[21];        /* ISO 8601 UTC */
	char status[IJW_STATUS_LEN];  /* verwerkt, afgekeurd_xsd, afgekeurd, deels_afgekeurd, geweigerd */
	char agb[9];
	char gemeente[5];
	int64_t jeugdige_id;
	const char *xml;
	const char *retour_xml;
	char retour_identificatie[49];
};

/* Serialise the processing of iJw messages: SQLite's BEGIN IMMEDIATE
 * already holds the write lock; on PostgreSQL this locks one meta row
 * (created the first time) until the transaction ends, so TR056 and the
 * ids below (max + 1) hold against a concurrent import. Call first in
 * the transaction. */
int store_ijw_slot(struct store *st);

/* The next free id of ijw_bericht, traject, declaratie, prestatie,
 * ijw_verzoek (max + 1; under store_ijw_slot). */
enum ijw_tabel { IJW_TABEL_BERICHT, IJW_TABEL_TRAJECT, IJW_TABEL_DECLARATIE,
		 IJW_TABEL_PRESTATIE, IJW_TABEL_VERZOEK };
int store_ijw_volgend_id(struct store *st, enum ijw_tabel t, int64_t *id);

/* TR056: the processed message with this key (afzender, identificatie,
 * soort). 1 and *id, status, a copy of retour_xml (malloc'd, NULL when it
 * has none) when there is one, 0 when not. */
int store_ijw_bericht_zoek(struct store *st, const char *afzender, const char *identificatie,
			   const char *soort, int64_t *id, char status[IJW_STATUS_LEN],
			   char **retour_xml);

/* Insert the message row, and its findings (nr 1..n; retourcode may be
 * NULL or "" per finding via retourcodes[i]). */
int store_ijw_bericht_insert(struct store *st, const struct ijw_inbox *r);
int store_ijw_bevinding_insert(struct store *st, int64_t bericht_id, int nr,
			       const struct ijw_bevinding *b, const char *retourcode);

/* The findings of message id into a new array (*uit, free()), *n. */
int store_ijw_bevindingen(struct store *st, int64_t id, struct ijw_bevinding **uit, size_t *n);

/* Toewijzing by ToewijzingNummer; jeugdige by id. */
int store_ijw_toewijzing(struct store *st, int64_t nummer, struct toewijzing *out);
int store_ijw_jeugdige(struct store *st, int64_t id, struct jeugdige *out);
/* The youth with this BSN that has a toewijzing at aanbieder agb (the
 * client the aanbieder knows; TR304). 1 and *id, 0 none. */
int store_ijw_jeugdige_van_aanbieder(struct store *st, const char *bsn, const char *agb,
				     int64_t *id);

/* The youth with this BSN and birth date (the client of a 315). */
int store_ijw_jeugdige_bsn(struct store *st, const char *bsn, dag_t geboortedatum, int64_t *id);

/* The newest traject (highest id) on toewijzing nummer. */
int store_ijw_traject_van_toewijzing(struct store *st, int64_t nummer, struct traject *out);
/* Write status, begindatum, einddatum and reden_beeindiging of t->id. */
int store_ijw_traject_zet(struct store *st, const struct traject *t);

/* Counts for the uniqueness rules: DeclaratieNummer per aanbieder
 * (TR333), approved ReferentieNummer per aanbieder (TR314), requests of
 * the aanbieder with this ReferentieAanbieder (TR347), open requests of
 * the aanbieder for this BSN (TR374). */
int store_ijw_declaratie_nummer_telt(struct store *st, const char *agb, const char *nummer);
int store_ijw_prestatie_referentie_telt(struct store *st, const char *agb, const char *ref);
int store_ijw_verzoek_referentie_telt(struct store *st, const char *agb, const char *ref);
int store_ijw_verzoek_open_telt(struct store *st, const char *agb, const char *bsn);

struct ijw_verzoek_rij {
	int64_t id;
	int64_t bericht_id;
	char soort[6];
	char agb[9];
	char gemeente[5];
	char bsn[10];
	int64_t jeugdige_id;          /* 0: unknown here */
	char referentie_aanbieder[145];
	dag_t dagtekening;
};
/* Insert a request with status open. */
int store_ijw_verzoek_insert(struct store *st, const struct ijw_verzoek_rij *v);

/* TR418, TR341, TR346: the contract tariff of aanbieder agb for the
 * product in year jaar: 1 and *bedrag (eurocents per eenheid), eenheid;
 * 0 when no contract of the aanbieder has one. */
int store_ijw_contracttarief(struct store *st, const char *agb, const char *productcode, int jaar,
			     int64_t *bedrag, char eenheid[CODE2_LEN]);

/* TR318: the begin of the latest DeclaratiePeriode of agb at gemeente;
 * 1 and *begin, 0 when it never declared there. */
int store_ijw_vorige_declaratieperiode(struct store *st, const char *agb, const char *gemeente,
				       dag_t *begin);

/* TR322, TR369: the approved Prestaties on a toewijzing, credit
 * subtracted. */
struct ijw_verbruik {
	int64_t volume;               /* in any eenheid but 01 */
	int64_t minuten;              /* eenheid 01 */
	int64_t bedrag;               /* eurocents */
};
int store_ijw_toewijzing_verbruik(struct store *st, int64_t nummer, struct ijw_verbruik *v);

/* TR323: the newest approved Prestatie of agb with this ReferentieNummer:
 * 1 and its id, toewijzing_nummer, categorie, productcode, periode and
 * (signed) bedrag in *p; 0 none. */
int store_ijw_prestatie_van_referentie(struct store *st, const char *agb, const char *referentie,
				       struct prestatie *p);

/* TR389, TR390: the newest approved Prestatie of agb on the key of
 * sleutel (toewijzing_nummer, periode_begin, periode_eind, categorie,
 * productcode; "" for absent ones): 1 and its id and signed bedrag, 0 none. */
int store_ijw_prestatie_laatste(struct store *st, const char *agb, const struct prestatie *sleutel,
				int64_t *id, int64_t *bedrag);

#endif
