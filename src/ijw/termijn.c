/* termijn: see termijn.h. */
#include "ijw/termijn.h"

static const struct ijw_termijn_info info[IJW_TERMIJN_AANTAL] = {
	[IJW_TERMIJN_RETOUR] = { "OP090", "retourbericht versturen", IJW_PARTIJ_GEMEENTE, 3, 0 },
	[IJW_TERMIJN_DECLARATIEANTWOORD] = { "OP090x4", "declaratie beantwoorden (JW325)",
					     IJW_PARTIJ_GEMEENTE, 10, 0 },
	[IJW_TERMIJN_VOT_ANTWOORD] = { "OP274", "verzoek om toewijzing beantwoorden "
				       "(JW301 of JW319)", IJW_PARTIJ_GEMEENTE, 5, 0 },
	[IJW_TERMIJN_VOT_ONDERZOEK] = { "OP274", "onderzoek afronden: toewijzen of afwijzen",
					IJW_PARTIJ_GEMEENTE, 0, 56 },
	[IJW_TERMIJN_VOW_ANTWOORD] = { "OP346", "verzoek om wijziging beantwoorden "
				       "(JW301 of JW319)", IJW_PARTIJ_GEMEENTE, 5, 0 },
	[IJW_TERMIJN_WOONPLAATS] = { "OP359", "afwijzen op woonplaatsbeginsel",
				     IJW_PARTIJ_GEMEENTE, 0, 14 },
	[IJW_TERMIJN_START] = { "OP271", "start zorg melden (JW305)", IJW_PARTIJ_AANBIEDER, 5, 0 },
	[IJW_TERMIJN_STOP] = { "OP272", "stop zorg melden (JW307)", IJW_PARTIJ_AANBIEDER, 5, 0 },
};

const struct ijw_termijn_info *ijw_termijn_info(enum ijw_termijn t)
{
	return &info[t];
}

dag_t ijw_termijn_uiterlijk(enum ijw_termijn t, dag_t vanaf)
{
	const struct ijw_termijn_info *i = &info[t];

	if (vanaf == DAG_GEEN)
		return DAG_GEEN;
	if (i->werkdagen > 0)
		return datum_plus_werkdagen(vanaf, i->werkdagen);
	return vanaf + i->kalenderdagen;
}

bool ijw_termijn_verlopen(enum ijw_termijn t, dag_t vanaf, dag_t gedaan, dag_t nu)
{
	dag_t uiterlijk = ijw_termijn_uiterlijk(t, vanaf);

	if (uiterlijk == DAG_GEEN)
		return false;
	if (gedaan != DAG_GEEN)
		return gedaan > uiterlijk;
	return nu > uiterlijk;
}
