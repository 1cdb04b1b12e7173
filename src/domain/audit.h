/* audit: the NEN 7513 audit record, its canonical form and the hash chain.
 *
 * Pure (no I/O): the store calls audit_keten_hash when it appends and
 * `jeugdregie audit verify` feeds the stored records through struct
 * audit_controle. It sits in src/domain (not src/auth) so that src/store
 * may use it: arrows point down only (store -> domain -> lib/hash).
 *
 * Canonical serialization: the tag "jeugdregie-audit-1", then every
 * field of the record except the two chain fields, in a fixed order, each
 * as an 8-byte big-endian length followed by its bytes (the id as decimal
 * text). Field boundaries therefore cannot be shifted: moving a character
 * from one field to the next changes the lengths and so the hash.
 * Absent optional fields (no youth, no source address) are "" here and
 * NULL in the database.
 *
 * Chain: hash = hex(BLAKE2b-256(vorige_hash || serialization)), where
 * vorige_hash is the hex hash of the record before (AUDIT_BEGIN_HASH, 64
 * zeros, for record 1). Record ids run 1, 2, 3, ... without gaps: the id
 * is in the serialization, so a record cannot be moved or renumbered
 * without breaking its own hash. The last id and hash are also kept in
 * the head (audit_kop), so that removing the newest records is detected.
 *
 * What the chain does not do: someone who can write the database and
 * recomputes every hash from the point of change onwards, the head
 * included, produces a valid chain. Against that, publish the head (id +
 * hash) elsewhere now and then; the chain proves everything before it.
 */
#ifndef JR_DOMAIN_AUDIT_H
#define JR_DOMAIN_AUDIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lib/hash.h"

/* 64 zeros: the vorige_hash of record 1. */
extern const char AUDIT_BEGIN_HASH[HASH_HEX_LEN + 1];

/* The actions (audit_log.actie). */
#define AUDIT_ACTIES(X) X(lezen) X(wijzigen) X(toevoegen) X(verwijderen) \
	X(inloggen) X(inloggen_mislukt) X(uitloggen) X(beheer) X(export)

/* One record; every text field NUL-terminated within its array. */
struct audit_record {
	int64_t id;
	char tijdstip[21];            /* "2025-01-31T13:45:07Z" (UTC) */
	char gebruiker[96];
	char rol[16];
	char namens[96];              /* organisation acted for; "" none */
	char jeugdige_pseudoniem[HASH_HEX_LEN + 1]; /* "" when no youth */
	char actie[20];
	char object[200];
	char bron_adres[64];          /* "" none */
	char verzoek_id[64];          /* "" none */
	char vorige_hash[HASH_HEX_LEN + 1];
	char hash[HASH_HEX_LEN + 1];
};

/* True when actie is one of AUDIT_ACTIES. */
bool audit_actie_geldig(const char *actie);

/* The canonical serialization of r into buf (see above). Returns its
 * length; when that is >= n nothing beyond n was written (call again with
 * a larger buffer). */
size_t audit_serialiseer(const struct audit_record *r, unsigned char *buf, size_t n);

/* hex(BLAKE2b-256(vorige_hash || serialization of r)), into out; r's own
 * vorige_hash and hash fields are not read. */
void audit_keten_hash(const char *vorige_hash, const struct audit_record *r,
		      char out[HASH_HEX_LEN + 1]);

/* Verifying a chain record by record (a log need not fit in memory).
 *
 *	struct audit_controle c;
 *	audit_controle_begin(&c);
 *	for each record r in ascending id order:
 *		if (audit_controle_volgende(&c, &r)) break;
 *	audit_controle_einde(&c, kop_id, kop_hash);
 *	c.gebroken_id, c.soort and c.reden tell the first break.
 *
 * One record may be held back to tell two swapped records from one
 * changed one, so the decision about record k may come with record k+1. */
enum audit_breuk {
	AUDIT_INTACT,
	AUDIT_GEWIJZIGD,     /* a field was changed: the record's hash no longer fits */
	AUDIT_SCHAKEL,       /* vorige_hash does not point to the record before */
	AUDIT_VERWIJDERD,    /* a gap in the ids, or records missing at the end */
	AUDIT_VERWISSELD,    /* two neighbours exchanged their contents */
	AUDIT_VOLGORDE,      /* ids not ascending */
	AUDIT_KOP,           /* the head does not match the last record */
};

struct audit_controle {
	int64_t n;                     /* records found intact */
	int64_t laatste_id;            /* id of the last intact record (0: none) */
	char laatste_hash[HASH_HEX_LEN + 1];
	bool wacht;                    /* a suspect record is held back */
	struct audit_record verdacht;
	enum audit_breuk soort;
	int64_t gebroken_id;           /* first broken (or missing) record */
	char reden[400];               /* Dutch sentence */
};

void audit_controle_begin(struct audit_controle *c);
/* Feed the next record. Returns 1 once the chain is known to be broken
 * (stop feeding), else 0. */
int audit_controle_volgende(struct audit_controle *c, const struct audit_record *r);
/* End of the records. kop_id/kop_hash: the head, or kop_id < 0 when the
 * database has no head row. Returns 1 when broken, else 0. */
int audit_controle_einde(struct audit_controle *c, int64_t kop_id, const char *kop_hash);

/* A short Dutch name for a kind of break ("gewijzigd", ...). */
const char *audit_breuk_naam(enum audit_breuk b);

#endif
