/* reeksen: see reeksen.h. */
#include "steer/reeksen.h"

#include <math.h>
#include <string.h>

/* The series and their addressees: the one table of who is told. */
const struct reeksen_def reeksen_defs[REEKSEN_AANTAL] = {
	[REEKSEN_WACHTTIJD_NORM] = { REEKSEN_WACHTTIJD_NORM, "wachttijd_norm",
		"Wachttijd boven de Treeknorm", SIGNAAL_P_KAART, true,
		REEKSEN_ROL_REGIO | REEKSEN_ROL_GEMEENTE },
	[REEKSEN_WACHTTIJD_MEDIAAN] = { REEKSEN_WACHTTIJD_MEDIAAN, "wachttijd_mediaan",
		"Mediane wachttijd (dagen)", SIGNAAL_XMR_KAART, true,
		REEKSEN_ROL_REGIO | REEKSEN_ROL_GEMEENTE },
	[REEKSEN_ZORGELIJK] = { REEKSEN_ZORGELIJK, "zorgelijk",
		"Zorgelijk wachtenden", SIGNAAL_P_KAART, true,
		REEKSEN_ROL_REGIO | REEKSEN_ROL_GEMEENTE },
	[REEKSEN_THUISZITTERS] = { REEKSEN_THUISZITTERS, "thuiszitters",
		"Thuiszitters langer dan 3 maanden", SIGNAAL_XMR_KAART, true,
		REEKSEN_ROL_GEMEENTE | REEKSEN_ROL_LOKAAL_TEAM },
	[REEKSEN_UITVAL] = { REEKSEN_UITVAL, "uitval", "Uitval", SIGNAAL_P_KAART, true,
		REEKSEN_ROL_REGIO },
	[REEKSEN_HERHAALD] = { REEKSEN_HERHAALD, "herhaald",
		"Herhaald beroep binnen 6 maanden", SIGNAAL_P_KAART, true, REEKSEN_ROL_REGIO },
	[REEKSEN_VERBLIJF] = { REEKSEN_VERBLIJF, "verblijf", "Verblijf (uithuisplaatsing)",
		SIGNAAL_P_KAART, true, REEKSEN_ROL_REGIO | REEKSEN_ROL_GEMEENTE },
	[REEKSEN_COLLECTIEF] = { REEKSEN_COLLECTIEF, "collectief", "Groepsgerichte zorg",
		SIGNAAL_P_KAART, false, REEKSEN_ROL_REGIO },
	[REEKSEN_ANALYSE] = { REEKSEN_ANALYSE, "analyse",
		"Verklarende analyse voor de start (GARP)", SIGNAAL_P_KAART, false,
		REEKSEN_ROL_GEMEENTE | REEKSEN_ROL_LOKAAL_TEAM },
};

void reeksen_maanden(dag_t peildatum, dag_t out[REEKSEN_MAANDEN])
{
	dag_t laatste = datum_maand_eind(peildatum);

	if (laatste > peildatum)
		laatste = datum_maand_begin(peildatum) - 1;
	for (int i = REEKSEN_MAANDEN - 1; i >= 0; i--) {
		out[i] = laatste;
		laatste = datum_maand_begin(laatste) - 1;
	}
}

static void p_punt(struct signaal_punt *out, size_t aantal, size_t totaal)
{
	out->n = (double)totaal;
	out->waarde = totaal ? (double)aantal / (double)totaal : NAN;
}

int reeksen_punt(const struct kpi_data *d, const struct garp_gezin *gezinnen, size_t n_gezinnen,
		 enum reeksen_id r, const char *gemeente, dag_t maand_eind,
		 struct signaal_punt *out)
{
	const char *g = gemeente && *gemeente ? gemeente : NULL;
	struct kpi_filter f = { g, -1, NULL };
	dag_t van = datum_maand_begin(maand_eind);
	struct kpi_aandeel a;

	out->maand = maand_eind;
	out->n = 0;
	out->waarde = NAN;
	switch (r) {
	case REEKSEN_WACHTTIJD_NORM:
	case REEKSEN_WACHTTIJD_MEDIAAN: {
		struct kpi_wachttijd w;

		if (kpi_wachttijd(d, &f, van, maand_eind, maand_eind, d->norms, &w) < 0)
			return -1;
		if (r == REEKSEN_WACHTTIJD_NORM) {
			p_punt(out, w.boven_norm, w.totaal.n);
		} else {
			out->n = (double)w.totaal.n;
			out->waarde = w.totaal.n ? w.totaal.mediaan : NAN;
		}
		return 0;
	}
	case REEKSEN_ZORGELIJK:
		kpi_zorgelijk_aantal(d, &f, maand_eind, d->norms, &a);
		p_punt(out, a.aantal, a.totaal);
		return 0;
	case REEKSEN_THUISZITTERS: {
		size_t n = kpi_thuiszitters(d, g, maand_eind);

		out->n = (double)n;
		out->waarde = (double)n;
		return 0;
	}
	case REEKSEN_UITVAL:
		kpi_uitval(d, &f, van, maand_eind, &a);
		p_punt(out, a.aantal, a.totaal);
		return 0;
	case REEKSEN_HERHAALD: {
		dag_t eind6 = datum_maand_eind(datum_plus_maanden(van, -6));

		kpi_herhaald_beroep(d, &f, datum_maand_begin(eind6), eind6, 6, &a);
		p_punt(out, a.aantal, a.totaal);
		return 0;
	}
	case REEKSEN_VERBLIJF: {
		struct kpi_verblijf v;

		if (kpi_verblijf(d, g, van, maand_eind, &v) < 0)
			return -1;
		p_punt(out, v.verblijf, v.jeugdigen);
		return 0;
	}
	case REEKSEN_COLLECTIEF:
		kpi_collectief(d, &f, maand_eind, &a);
		p_punt(out, a.aantal, a.totaal);
		return 0;
	case REEKSEN_ANALYSE:
		garp_analyse_vooraf(d, gezinnen, n_gezinnen, g, van, maand_eind, &a);
		p_punt(out, a.aantal, a.totaal);
		return 0;
	}
	return -1;
}

unsigned reeksen_rollen(enum reeksen_id r, const char *gemeente)
{
	if (!gemeente || !*gemeente)
		return REEKSEN_ROL_REGIO;
	return reeksen_defs[r].rollen;
}

const char *reeksen_rol_naam(enum reeksen_rol rol)
{
	switch (rol) {
	case REEKSEN_ROL_REGIO:
		return "regio";
	case REEKSEN_ROL_GEMEENTE:
		return "gemeente";
	case REEKSEN_ROL_LOKAAL_TEAM:
		return "lokaal_team";
	}
	return "";
}
