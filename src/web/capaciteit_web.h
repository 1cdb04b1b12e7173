/* capaciteit_web: providers report free places (issue 6), per product and
 * for a group product per group, with a peildatum and the places reserved
 * for crisis intake; everybody logged in sees the latest reports, stale
 * ones (older than the setting capaciteit.verouderd_dagen, default 14)
 * marked.
 *
 *   GET  /capaciteit, /api/v1/capaciteit     the latest reports (a provider:
 *                                            its own, with its history)
 *   POST /capaciteit, /api/v1/capaciteit     one report (form fields
 *        productcode, groep, peildatum, vrije_plaatsen, crisis_gereserveerd)
 *   POST /capaciteit/upload                  a CSV pasted in form field csv
 *   POST /api/v1/capaciteit/csv              a CSV as the request body
 *   POST /api/v1/capaciteit/verouderd        beheer: the days (field dagen)
 *
 * Only a provider (a user or API token scoped to an AGB code) reports, for
 * itself. CSV: a header row naming the columns productcode, peildatum,
 * vrije_plaatsen and optionally groep and crisis_gereserveerd, in any
 * order; ';', ',' or tab as separator (the one the header uses); an
 * Excel byte-order mark is skipped. Every row is checked (known product;
 * groep given exactly for group products; peildatum a date not after
 * today; whole numbers, none negative, crisis places not more than the
 * free ones; no product, group and date twice) and the upload is applied
 * whole, in one transaction, or not at all: a provider fixes its file
 * and sends it again, rather than guessing which rows went in. The same
 * file twice is refused (409). Each report is audited as a change.
 */
#ifndef JR_WEB_CAPACITEIT_WEB_H
#define JR_WEB_CAPACITEIT_WEB_H

#include <stddef.h>

#include "web/route.h"

extern const struct route capaciteit_routes[];
extern const size_t capaciteit_routes_n;

#endif
