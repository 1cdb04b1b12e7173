/* geld_web: grip on money (issue 7, item 4), pages, API and downloads.
 *
 *   GET /geld                        the region: expected year-end per
 *                                    gemeente with its band, the ceiling
 *                                    paradox, routes outside the contracted
 *                                    offer, the client-cost trend, the
 *                                    settlement, and the back-test
 *                                    (?jaar=JJJJ ?segment=0..7
 *                                    ?sorteer=uitputting|wachtend)
 *   GET /geld.csv, /geld.xlsx        one table of that page (?tabel=
 *                                    uitputting|plafond|routes|clientkosten|
 *                                    verrekening|methode, and the same
 *                                    parameters)
 *   GET /gemeenten/{code}/geld       one gemeente: per segment, its routes
 *                                    and client cost next to the region's,
 *                                    the settlement, its own back-test
 *                                    (?jaar=JJJJ)
 *   GET /gemeenten/{code}/geld.csv, .xlsx   one table of that page
 *   GET /api/v1/geld                 every table as JSON, money in
 *                                    eurocents (?gemeente=CODE ?jaar
 *                                    ?segment ?sorteer)
 *
 * Every figure comes from steer/geld.h on the cached stand of web/cijfers.h
 * plus the record beyond it (store/geld_store.h), which this module loads
 * once per data version; the computed tables are cached per (version,
 * year) so that a request only formats them. docs/api/geld.md describes
 * the methods and the measured figures.
 *
 * Disclosure (the same askers as the indicator pages):
 *  - exact: regio and beheerder everything; gemeente and lokaal_team the
 *    rows of their own gemeenten; aanbieder its own ceiling row.
 *  - everybody else (beleid, the public, other rows):
 *    - counts of youth and trajectories through onthulling (<10, by 5);
 *    - an amount is not a count, but the youth behind it are few or many:
 *      an amount whose youth (distinct youth with an approved amount in
 *      the cell, or a PGB) number fewer than 10 is withheld ("x"), with a
 *      second cell in its row or column when a published total would give
 *      it back (onthulling_tabel on the youth counts of the table);
 *    - other amounts are rounded to € 50.000: at the region's average
 *      cost of about € 10.000 a youth a year that is five youth, so an
 *      amount divided by a published average cost gives a count no more
 *      precise than onthulling's rounding to 5;
 *    - the average client cost is rounded to € 100 and withheld below 10
 *      youth; budgets and ceilings are policy figures and shown as they
 *      are; percentages are computed from the rounded amounts.
 * The figures are aggregates without personal data: nothing is audited.
 */
#ifndef JR_WEB_GELD_WEB_H
#define JR_WEB_GELD_WEB_H

#include <stddef.h>

#include "web/route.h"

extern const struct route geld_routes[];
extern const size_t geld_routes_n;

#endif
