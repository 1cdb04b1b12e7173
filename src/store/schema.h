/* schema: the numbered migrations that build the jeugdregie database.
 *
 * Migration N turns a version N-1 database into version N. schema_migrate
 * applies the missing ones in order, each in its own transaction that also
 * records the version in table schema_versie, so a crash leaves the
 * database at some whole version and the next open continues from there.
 * Migrations already applied are never changed: a new need is a new
 * migration at the end of the array.
 *
 * Portable SQL. The schema text is written once for SQLite and PostgreSQL:
 * INTEGER, TEXT, PRIMARY KEY, REFERENCES, UNIQUE, CHECK with length() and
 * IN; dates as TEXT 'YYYY-MM-DD' (NULL = absent); booleans INTEGER 0/1;
 * money INTEGER eurocents. Two dialect points, each handled by the
 * driver's exec_ddl():
 *  - Every CREATE TABLE ends with ") STRICT-marker" where the marker is
 *    the SQL comment slash-star STRICT star-slash. The SQLite driver
 *    replaces the comment by the keyword STRICT (type-checked columns);
 *    PostgreSQL needs nothing, because to it the marker is just a comment.
 *  - INTEGER is 64-bit in SQLite, 32-bit in PostgreSQL. The PostgreSQL
 *    driver is to read the word INTEGER in schema text as BIGINT (ids,
 *    eurocents and unix seconds need 64 bits). STRICT tables do not allow
 *    the spelling BIGINT, hence this rule rather than writing BIGINT.
 */
#ifndef JR_STORE_SCHEMA_H
#define JR_STORE_SCHEMA_H

#include <stdbool.h>

#include "store/driver.h"

/* sql is the portable text. Where a migration cannot be written once
 * (triggers: SQLite's RAISE versus a PostgreSQL plpgsql function), the
 * dialect's own text follows in sql_sqlite / sql_postgres (NULL: none);
 * schema_migrate runs it through exec_ddl right after sql, in the same
 * transaction. Keep such text to what truly differs. */
struct migration {
	int version;
	const char *description;
	const char *sql;
	const char *sql_sqlite;
	const char *sql_postgres;
};

/* Every table of the schema, for store_count's name check and the named
 * count statements (X-macro: X(name)). Keep in step with the migrations. */
#define SCHEMA_TABLES(X) \
	X(schema_versie) X(meta) X(gebruiker) \
	X(segment) X(gemeente) X(deelname) X(lokaal_team) \
	X(lokaal_team_gemeente) X(netwerk) X(aanbieder) X(product) \
	X(contract) X(tarief) X(omzetplafond) X(budget) X(gezin) \
	X(jeugdige) X(woonplaats) X(verwijzing) X(toewijzing) X(traject) \
	X(zorgelijk_besluit) X(declaratie) X(prestatie) X(capaciteit_upload) X(capaciteit) \
	X(schoolstatus) X(perspectiefplan) \
	X(gebruiker_scope) X(sessie) X(api_token) X(audit_log) X(audit_kop) \
	X(ijw_bericht) X(ijw_bevinding) X(ijw_verzoek) X(ijw_export) \
	X(treeknorm) X(instelling) X(koppel_ronde) X(koppel_voorstel) \
	X(maandcijfer) X(duiding) X(pgb)

/* The newest version this program knows. */
int schema_newest(void);

/* The version of the database on c: 0 when it has no schema_versie table
 * yet, else the highest recorded version. Returns >= 0 or -1/-2. */
int schema_version(const struct db_driver *drv, struct db_conn *c);

/* Bring the database to schema_newest(). Refuses (-2, message in err) a
 * database newer than this program. Returns the resulting version, or
 * -1/-2 (driver message in err). */
int schema_migrate(const struct db_driver *drv, struct db_conn *c, char *err, size_t errlen);

/* True when name is one of SCHEMA_TABLES. */
bool schema_has_table(const char *name);

#endif
