/* wachtlijst_web: the regional waiting list, its alerts and the staff
 * decisions on worrying waiters (issue 6, DOMAIN.md §4), as pages and JSON.
 *
 *   GET  /wachtlijst                  the list (or a view per aanbieder,
 *                                     gemeente, segment or netwerk:
 *                                     weergave=...), filters, exports
 *   GET  /wachtlijst/export.csv       the filtered list as CSV for Excel
 *   GET  /wachtlijst/export.xlsx      the same as an .xlsx workbook
 *   GET  /wachtlijst/signalen         alerts: crossed the norm in the last
 *                                     7 days; zorgelijk, not yet judged
 *   GET  /wachtlijst/treeknorm        the norms per segment (POST: beheer)
 *   GET  /wachtlijst/{traject}        one waiting trajectory, its decisions
 *   POST /wachtlijst/{traject}/zorgelijk  confirm or clear, with a reason
 *   GET  /api/v1/wachtlijst, /api/v1/wachtlijst/overzicht,
 *        /api/v1/wachtlijst/signalen, /api/v1/wachtlijst/{traject},
 *   POST /api/v1/wachtlijst/{traject}/zorgelijk
 *   GET  /api/v1/treeknorm (public), POST /api/v1/treeknorm (beheer)
 *   GET  /wachttijden, /api/v1/wachttijden   public waiting times per
 *                                     segment and provider (no login)
 *
 * Lists show what the asker's scope holds (wachtlijst_store.h): regio all,
 * gemeente and lokaal_team the trajectories their gemeenten pay, aanbieder
 * its own; a trajectory outside it is 404. Every read of the list, an
 * export or one trajectory writes an audit record in the transaction of
 * the read; a decision writes one too. Decisions are taken by regio,
 * gemeente and lokaal_team (who keep the lead); providers see them.
 *
 * CSV: UTF-8 with a byte-order mark, ';' between fields, CRLF, so that a
 * Dutch Excel opens it as columns with the accents intact; fields with
 * ';', '"' or a line break are quoted; text starting with = + - @ gets a
 * leading apostrophe (no formulas from data); numbers are whole, dates
 * JJJJ-MM-DD.
 */
#ifndef JR_WEB_WACHTLIJST_WEB_H
#define JR_WEB_WACHTLIJST_WEB_H

#include <stddef.h>

#include "web/route.h"

extern const struct route wachtlijst_routes[];
extern const size_t wachtlijst_routes_n;

#endif
