/* kopie: move a whole region from one database to another (SQLite <->
 * PostgreSQL) and prove it arrived: row counts and a checksum per table.
 *
 * The checksum of a table is the sum (mod 2^64) of a 64-bit hash of each
 * row's columns as text, so it does not depend on row order, collation or
 * backend: the same data give the same figure on SQLite and PostgreSQL.
 * schema_versie (which records when each database was migrated) is
 * neither copied nor summed.
 */
#ifndef JR_STORE_KOPIE_H
#define JR_STORE_KOPIE_H

#include <stddef.h>
#include <stdint.h>

#include "store/store.h"

struct tabel_controle {
	const char *tabel;      /* static name */
	int64_t rijen;
	uint64_t som;
};

/* Number of tables kopie covers (every table but schema_versie). */
size_t kopie_tabellen(void);

/* Count and checksum every table of st into out[kopie_tabellen()], in
 * one read snapshot. Returns 0, or -1/-2 with the message in
 * store_error(st). */
int kopie_controle(struct store *st, struct tabel_controle *out);

/* Copy every table of van into naar, which must hold no data yet, in one
 * transaction on naar; then compare counts and checksums of both sides and
 * commit only when all are equal. `per_tabel` (may be NULL) receives the
 * figures of the source. Returns 0, or -1 with a message in err (nothing
 * is then left in naar). Single-threaded: the statements are built once
 * into static storage. */
int kopie_maak(struct store *van, struct store *naar, struct tabel_controle *per_tabel,
	       char *err, size_t errlen);

#endif
