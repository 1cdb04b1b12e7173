/* audit_web: the audit log for the privacy officer (role beheerder):
 * searching the log and, per youth, the report "who looked at this file"
 * that a youth or a parent may ask for (AVG art. 15, NEN 7513).
 *
 *   GET /audit                 search form and results (HTML)
 *   GET /audit/inzage          per-youth report by BSN (+ date of birth) or id
 *   GET /api/v1/audit          the same search as JSON
 *   GET /api/v1/audit/inzage   the report as JSON
 *
 * Parameters: gebruiker, jeugdige (id), bsn, geboortedatum (JJJJ-MM-DD,
 * needed when a BSN names more than one youth), van, tot (dates, tot
 * inclusive), na (the id after which to continue), aantal (API, 1..500).
 * The log holds youth only by pseudonym; a BSN or id is turned into the
 * pseudonym here and never written to the log. Every search is itself
 * logged (actie "lezen", object "auditlog: ..."), in the same transaction.
 */
#ifndef JR_WEB_AUDIT_WEB_H
#define JR_WEB_AUDIT_WEB_H

#include <stddef.h>

#include "web/route.h"

extern const struct route audit_routes[];
extern const size_t audit_routes_n;

#endif
