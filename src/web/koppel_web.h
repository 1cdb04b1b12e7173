/* koppel_web: matching waiting youth to free capacity, on pages and the
 * API (issue 6, koppelen). Every view of proposals is a read of youth data
 * and is audited in the transaction that reads it.
 *
 *   GET  /koppelen, /api/v1/koppelen              the latest round's proposals in the
 *        ?gemeente=CODE&segment=N                 asker's gemeenten, with the explanation
 *                                                 and totals (EIS_GEMEENTELIJK)
 *   POST /koppelen, /api/v1/koppelen              compute a new round (peildatum=JJJJ-MM-DD,
 *                                                 default today) (EIS_TOEWIJZEN)
 *   GET  /koppelen/{traject}, /api/v1/koppelen/{traject}
 *                                                 one proposal and every option of the
 *                                                 traject with its exact extra cost
 *                                                 (koppel_precies, on a fresh solve)
 *                                                 (EIS_GEMEENTELIJK; out of scope: 404)
 *   POST /koppelen/{traject}, /api/v1/koppelen/{traject}
 *                                                 actie=bevestigen (with the client's address
 *                                                 fields of the JW301): a toewijzing to the
 *                                                 proposed aanbieder through
 *                                                 ijw_afhandel_eigen (the JW301 in the outbox,
 *                                                 a new waiting traject there, the old one
 *                                                 lapses); at the aanbieder where the youth
 *                                                 already waits, its toewijzing stands and
 *                                                 only the decision is kept;
 *                                                 actie=afwijzen&reden=...: never proposed
 *                                                 again (EIS_TOEWIJZEN)
 *
 * The server keeps one solved instance (store_koppel_bouw) with the key of
 * the record it was built from (struct koppel_sleutel: data.versie, the
 * koppel version that every round and decision raises, the peildatum and
 * the stale-report setting). The page of one traject and a new round use
 * it while the key holds, and build (and keep) a new one when it does not.
 * A turn-down or confirm through these routes is applied to it
 * (koppel_instantie_verbied / _bevestig) and re-solved warm, when the
 * record changed by that decision alone; the decision's JSON says so
 * ("herberekend", "herberekend_us"). A round written from it raises the
 * koppel version (its proposals become the earlier ones), so the next
 * request builds anew. The instance is guarded by one mutex, held only
 * around work in memory, never around a store call. Nothing is allocated
 * without the confirm.
 */
#ifndef JR_WEB_KOPPEL_WEB_H
#define JR_WEB_KOPPEL_WEB_H

#include <stddef.h>

#include "web/route.h"

extern const struct route koppel_routes[];
extern const size_t koppel_routes_n;

#endif
