/* traject: the lifecycle of a trajectory and its JZ588 end reasons.
 *
 * The allowed transitions (everything else is refused, including a state
 * to itself and anything out of BEEINDIGD or VERVALLEN):
 *   AANGEMELD   -> INTAKE, GESTART (intake skipped, e.g. crisis), VERVALLEN
 *   INTAKE      -> GESTART, VERVALLEN
 *   GESTART     -> ONDERBROKEN (reden "20" only),
 *                  BEEINDIGD (a JZ588 reden other than "20")
 *   ONDERBROKEN -> GESTART (restart), BEEINDIGD (a reden other than "20")
 * Pure functions; returned strings are static.
 */
#ifndef JR_DOMAIN_TRAJECT_H
#define JR_DOMAIN_TRAJECT_H

#include <stdbool.h>
#include <stddef.h>

#include "domain/model.h"

/* 0 when van -> naar is allowed with this reden_beeindiging (only read for
 * the transitions to ONDERBROKEN and BEEINDIGD; may be NULL otherwise).
 * -1 with a Dutch message naming both states in err (which may be NULL). */
int traject_overgang(enum traject_status van, enum traject_status naar,
		     const char *reden_beeindiging, char *err, size_t errlen);

/* Dutch label of a status ("aangemeld", ..., "vervallen"); "onbekend" for
 * a value outside the enum. */
const char *traject_status_naam(enum traject_status s);

/* True for the JZ588 codes: "02", "20", "31".."39" (two digits exactly). */
bool reden_beeindiging_geldig(const char *reden);

/* Dutch meaning of a JZ588 code, NULL when the code is not valid. */
const char *reden_beeindiging_naam(const char *reden);

/* True when t is active on d: begindatum known and <= d, and no
 * einddatum or einddatum >= d. */
bool traject_actief(const struct traject *t, dag_t d);

#endif
