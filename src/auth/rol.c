/* rol: see rol.h. */
#include "auth/rol.h"

#include <stdio.h>
#include <string.h>

bool rol_geldig(const char *rol)
{
	static const char *const rollen[] = {
#define NAAM(r) #r,
		ROLLEN(NAAM)
#undef NAAM
	};

	for (size_t i = 0; rol && i < sizeof rollen / sizeof rollen[0]; i++)
		if (strcmp(rollen[i], rol) == 0)
			return true;
	return false;
}

static bool cijfers(const char *s, size_t min, size_t max)
{
	size_t n = strlen(s);

	return n >= min && n <= max && strspn(s, "0123456789") == n;
}

static int tel(const struct gebruiker_scope *s, int n, const char *soort)
{
	int k = 0;

	for (int i = 0; i < n; i++)
		if (strcmp(s[i].soort, soort) == 0)
			k++;
	return k;
}

int rol_scopes_controle(const char *rol, const struct gebruiker_scope *s, int n, char *err,
			size_t errlen)
{
	int gem = tel(s, n, "gemeente"), team = tel(s, n, "lokaal_team"),
	    agb = tel(s, n, "aanbieder");

	if (!rol_geldig(rol)) {
		snprintf(err, errlen, "onbekende rol '%s'; kies uit beheerder, regio, gemeente, "
			 "lokaal_team, aanbieder, beleid", rol ? rol : "");
		return -1;
	}
	for (int i = 0; i < n; i++) {
		const char *w = s[i].waarde;

		if (strcmp(s[i].soort, "gemeente") == 0 && !cijfers(w, 4, 4)) {
			snprintf(err, errlen, "--gemeente '%s' is geen gemeentecode; gebruik de "
				 "viercijferige CBS-code, bijvoorbeeld --gemeente 0546", w);
			return -1;
		}
		if (strcmp(s[i].soort, "lokaal_team") == 0 &&
		    (!cijfers(w, 1, 18) || strspn(w, "0") == strlen(w))) {
			snprintf(err, errlen, "--team '%s' is geen teamnummer; gebruik het nummer "
				 "van het lokale team, bijvoorbeeld --team 3", w);
			return -1;
		}
		if (strcmp(s[i].soort, "aanbieder") == 0 && !cijfers(w, 8, 8)) {
			snprintf(err, errlen, "--aanbieder '%s' is geen AGB-code; een AGB-code "
				 "heeft acht cijfers", w);
			return -1;
		}
		for (int j = 0; j < i; j++) {
			if (strcmp(s[i].soort, s[j].soort) == 0 && strcmp(w, s[j].waarde) == 0) {
				snprintf(err, errlen, "%s '%s' is twee keer opgegeven",
					 strcmp(s[i].soort, "lokaal_team") == 0 ? "--team"
										 : s[i].soort, w);
				return -1;
			}
		}
	}
	if (strcmp(rol, "gemeente") == 0) {
		if (gem == 0 || team || agb) {
			snprintf(err, errlen, "rol gemeente vraagt één of meer --gemeente CODE en "
				 "geen --team of --aanbieder");
			return -1;
		}
	} else if (strcmp(rol, "lokaal_team") == 0) {
		if (team == 0 || gem || agb) {
			snprintf(err, errlen, "rol lokaal_team vraagt één of meer --team ID en "
				 "geen --gemeente of --aanbieder");
			return -1;
		}
	} else if (strcmp(rol, "aanbieder") == 0) {
		if (agb != 1 || gem || team) {
			snprintf(err, errlen, "rol aanbieder vraagt precies één --aanbieder AGB "
				 "en geen --gemeente of --team");
			return -1;
		}
	} else if (n > 0) {
		snprintf(err, errlen, "rol %s heeft geen scope: laat --gemeente, --team en "
			 "--aanbieder weg", rol);
		return -1;
	}
	return 0;
}
