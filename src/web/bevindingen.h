/* bevindingen: the JSON answer (422) when the handling of an iJw message
 * (ijw/afhandel.h) was refused with findings, for the /api/ routes of
 * toewijzing_web.c and verzoek_web.c:
 *   {"fout": {"code": "bevindingen", "veld": null, "melding": ...,
 *             "bevindingen": [{"code", "pad", "melding"} ...]}}
 * Memory: the body is built in a buffer this module owns until it is
 * handed to the connection; a stays the caller's.
 */
#ifndef JR_WEB_BEVINDINGEN_H
#define JR_WEB_BEVINDINGEN_H

#include "ijw/afhandel.h"
#include "web/route.h"

/* Answer v with a's melding and findings as above (status 422). */
enum web_uitslag bevindingen_json(struct web_verzoek *v, const struct afhandel_uitkomst *a);

#endif
