/* rol: the roles and the scopes each needs.
 *
 *   beheerder, regio (SOZ), beleid   no scope (beleid: aggregates only)
 *   gemeente      one or more municipalities (scope 'gemeente', CBS code)
 *   lokaal_team   one or more local teams (scope 'lokaal_team', team id);
 *                 the team's municipalities follow from lokaal_team_gemeente
 *   aanbieder     exactly one provider (scope 'aanbieder', AGB code)
 *
 * Pure rules; whether a code exists is checked by the store on insert.
 */
#ifndef JR_AUTH_ROL_H
#define JR_AUTH_ROL_H

#include <stdbool.h>
#include <stddef.h>

#include "store/store.h"

#define ROLLEN(X) X(beheerder) X(regio) X(gemeente) X(lokaal_team) X(aanbieder) X(beleid)

/* true when rol is one of ROLLEN. */
bool rol_geldig(const char *rol);

/* Check that the scopes fit the role and that each value has its form
 * (gemeente: 4 digits; lokaal_team: a positive number; aanbieder: 8
 * digits). 0, or -1 with a Dutch message naming the option. */
int rol_scopes_controle(const char *rol, const struct gebruiker_scope *s, int n, char *err,
			size_t errlen);

#endif
