/* ijw/afhandel: the municipality acts on a received request (a JW315
 * verzoek om toewijzing or a JW317 verzoek om wijziging) and writes the
 * message that answers it, and `ijw export` writes the outgoing messages
 * to disk.
 *
 * Acting (ijw_afhandel) covers every open request row (ijw_verzoek) of
 * one received message, in ONE store_transaction:
 *  - honoreren a 315: per requested product a new toewijzing
 *    (new ToewijzingNummer, Toewijzingsdatum/-tijd now, the requested
 *    Ingangsdatum, Einddatum and Omvang or Budget) and ONE JW301 for the
 *    client carrying them with every other toewijzing of the client at
 *    this aanbieder that is still valid (OP087);
 *  - honoreren a 317 (IV093): the TeWijzigenProducten change their
 *    toewijzing under the same ToewijzingNummer with RedenWijziging 12
 *    (Einddatum, Budget, or Volume with Frequentie 6; IV066), or end it
 *    the day before the GewensteIngangsdatum (reden 12) with a new
 *    toewijzing from then for any other change of the Omvang; the
 *    NieuweProducten become new toewijzingen; ONE JW301 carries them with
 *    the unchanged ones, all with the verzoek's ReferentieAanbieder;
 *  - afwijzen: per request a JW319 with VerzoekAntwoord 1 and the reason
 *    (reason 8, woonplaatsbeginsel, names the responsible gemeente);
 *  - in onderzoek: per request a JW319 with VerzoekAntwoord 2 (the 8-week
 *    term of OP274 then runs).
 * Each message is built with ijw/uitgaand, checked with its in-message and
 * berichtoverstijgende rules and against the XSD; any finding means
 * nothing is written and the findings are returned. Otherwise the
 * toewijzingen, the messages (ijw_bericht, richting 'uit'), the new
 * request status, the audit record (through the caller's callback) and
 * the data version are written together. A request that is no longer
 * open changes nothing (AFHANDEL_AL_AFGEHANDELD); one outside the
 * caller's gemeenten reads as not found.
 *
 * Memory: the caller owns the opdracht and the uitkomst (which holds no
 * pointers); nothing is kept between calls.
 */
#ifndef JR_IJW_AFHANDEL_H
#define JR_IJW_AFHANDEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "domain/datum.h"
#include "domain/model.h"
#include "ijw/uitgaand.h"
#include "ijw/xml.h"

struct store;

enum afhandel_actie {
	AFHANDEL_HONOREREN,
	AFHANDEL_AFWIJZEN,
	AFHANDEL_ONDERZOEK,
};

/* At most this many requested products are answered in one action. */
#define AFHANDEL_MAX 32

struct afhandel_opdracht {
	int64_t bericht_id;              /* the received 315/317 (ijw_bericht.id) */
	enum afhandel_actie actie;
	const char *reden;               /* afwijzen: RedenAfwijzingVerzoek "1".."9" */
	const char *woonplaats_gemeente; /* reden 8: CBS code of the responsible gemeente */
	/* honoreren: the client's address as the gemeente knows it (BRP);
	 * the model keeps none, the 301 needs one (Contactgegevens). */
	struct ijw_client_adres adres;
	/* The caller's scope: every gemeente, or these. */
	bool alle_gemeenten;
	const char (*gemeenten)[GEMEENTE_CODE_LEN];
	size_t n_gemeenten;
	dag_t vandaag;                   /* Dagtekening and Toewijzingsdatum */
	const char *tijd;                /* Toewijzingstijd "hh:mm:ss" */
	const char *nu;                  /* ISO 8601 UTC, the outbox row */
	/* Appends the audit record of the action inside the transaction:
	 * jeugdige_id 0 when the youth is not known here. 0 or -1/-2. */
	int (*audit)(struct store *st, void *arg, const char *actie, int64_t jeugdige_id,
		     const char *object);
	void *audit_arg;
};

enum afhandel_status {
	AFHANDEL_GEDAAN,
	AFHANDEL_NIET_GEVONDEN,    /* no such request, or outside the scope */
	AFHANDEL_AL_AFGEHANDELD,   /* no open request left for this action */
	AFHANDEL_ONGELDIG,         /* the action cannot be done; see melding */
	AFHANDEL_BEVINDINGEN,      /* a message broke a rule or the XSD: nothing sent */
};

struct afhandel_uitkomst {
	enum afhandel_status status;
	char melding[512];                      /* Dutch, for every status but GEDAAN */
	struct ijw_bevinding bevindingen[IJW_BEVINDINGEN_MAX];
	size_t n_bevindingen;
	size_t n_berichten;                     /* messages written */
	int64_t berichten[AFHANDEL_MAX];        /* their ijw_bericht ids */
	char identificaties[AFHANDEL_MAX][16];
	size_t n_toewijzingen;
	int64_t toewijzingen[AFHANDEL_MAX];     /* new ToewijzingNummers */
	size_t n_gewijzigd;
	int64_t gewijzigd[AFHANDEL_MAX];        /* changed under their own number */
};

/* Act as o says. 0 with u->status set, or the store's -1/-2 (nothing
 * changed; message in store_error). */
int ijw_afhandel(struct store *st, const struct afhandel_opdracht *o,
		 struct afhandel_uitkomst *u);

/* The municipality's own initiative, without a request: the local team
 * or the gemeente allocates after a referral (a new toewijzing, with its
 * verwijzing and a waiting traject), or changes or withdraws a toewijzing
 * under the same ToewijzingNummer with a RedenWijziging (IV066). The
 * caller's bereid() decides inside the transaction (it reads and checks
 * what it needs and fills the werk); then, as for a request, ONE JW301 for
 * the client at that aanbieder carries the toewijzing as it becomes with
 * every other one still valid (OP087; carried ones without RedenWijziging,
 * IV099; deleted ones, reden 13, are not carried again), built with
 * ijw/uitgaand and checked with the same rules and the XSD (any finding:
 * nothing is written). Written together: the verwijzing, the toewijzing,
 * the traject, the JW301 in the outbox, the audit record, the data
 * version. */
struct afhandel_eigen_werk {
	int64_t jeugdige_id;
	bool nieuw;                     /* t is new: its nummer is assigned here */
	struct toewijzing t;            /* new, or as it becomes (RedenWijziging set) */
	bool met_verwijzing;            /* write verwijzing (id assigned here) */
	struct verwijzing verwijzing;   /* as the caller fills it (reden, team_id too) */
	bool met_traject;               /* write traject: new (id assigned here) or */
	bool traject_nieuw;             /* its status and dates changed */
	struct traject traject;
	char object[128];               /* audit object, "toewijzing/<nummer>" added */
};

struct afhandel_eigen {
	/* Inside the transaction: 1 go on, 0 refused (u->status and melding
	 * set: NIET_GEVONDEN or ONGELDIG), or -1/-2. May run more than once. */
	int (*bereid)(struct store *st, void *arg, struct afhandel_eigen_werk *w,
		      struct afhandel_uitkomst *u);
	void *arg;
	struct ijw_client_adres adres;  /* as in struct afhandel_opdracht */
	dag_t vandaag;
	const char *tijd;
	const char *nu;
	int (*audit)(struct store *st, void *arg, const char *actie, int64_t jeugdige_id,
		     const char *object);
	void *audit_arg;
};

/* Act as o says. 0 with u->status set (the toewijzing in u->toewijzingen
 * or u->gewijzigd, the JW301 in u->berichten), or -1/-2. */
int ijw_afhandel_eigen(struct store *st, const struct afhandel_eigen *o,
		       struct afhandel_uitkomst *u);

/* "honoreren", "afwijzen", "onderzoek"; and back (false: unknown). */
const char *afhandel_actie_naam(enum afhandel_actie a);
bool afhandel_actie_van_naam(const char *s, enum afhandel_actie *a);

/* ijw export: write every outgoing message not yet exported (to aanbieder
 * agb; NULL every one) as map/<Identificatie>.xml and record it as
 * exported at nu, each in its own transaction after the file is on disk
 * (a crash in between writes the same file again next time). One line
 * per file on uit. *n gets the number written. 0, -1/-2 from the store
 * (message in store_error), or -3 when a file could not be written
 * (message in fout). */
int ijw_export(struct store *st, const char *map, const char *agb, const char *nu, FILE *uit,
	       size_t *n, char *fout, size_t foutlen);

#endif
