/* betaling_web: the monthly payment totals per provider and gemeente,
 * from the declarations (JW323) and their outcome per line (JW325).
 *
 *   GET /betalingen            a page: per declaration month, aanbieder and
 *                              gemeente the lines, the submitted, approved
 *                              and rejected amounts in euro, and the totals
 *   GET /api/v1/betalingen     the same as JSON (amounts in eurocents)
 *   GET /betalingen.csv        the same as CSV for Excel: UTF-8 with a BOM,
 *                              ';' between fields, CRLF line ends, amounts in
 *                              euro with a decimal comma, a totals line last
 *
 * Filters (query): maand=JJJJ-MM, aanbieder=AGB, gemeente=CBS-code. Who
 * sees what (store/betaling_store.h): regio every row, a gemeente (and its
 * lokale teams) its own gemeenten, an aanbieder its own rows. The figures
 * are sums without personal data, so reading them is not audited.
 *
 * Its routes are listed in betaling_routes (server.c serves them with the
 * eis of each entry checked by toegang.h first).
 */
#ifndef JR_WEB_BETALING_WEB_H
#define JR_WEB_BETALING_WEB_H

#include <stddef.h>

#include "web/route.h"

extern const struct route betaling_routes[];
extern const size_t betaling_routes_n;

#endif
