/* sqlite: the SQLite driver (driver.h).
 *
 * Every connection runs with journal_mode=WAL, synchronous=FULL (these are
 * legal records: a commit must survive a power cut), foreign_keys=ON and a
 * 5 s busy timeout. Transactions start with BEGIN IMMEDIATE. $1..$N in SQL
 * text are bound by name. Schema text: the marker STRICT comment (schema.h)
 * becomes STRICT.
 */
#ifndef JR_STORE_SQLITE_H
#define JR_STORE_SQLITE_H

#include "store/driver.h"

extern const struct db_driver sqlite_driver;

#endif
