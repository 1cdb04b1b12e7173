/* reeksen: the monthly series the signals watch, and to whom a signal on
 * each is addressed. Pure: no I/O; thread-safe.
 *
 * A series is REEKSEN_MAANDEN points, one per calendar month: the 36
 * whole months ending with the last month whose last day is on or before
 * the peildatum P (P = 2026-11-25: November 2023 .. October 2026). The
 * first REEKSEN_BASIS months are the baseline of the control chart, the
 * last 12 are judged (signaal.h).
 *
 * Each point is computed from the record by the functions of kpi.h and
 * garp.h, for month M = [first day, last day]:
 *
 *  sleutel           chart  value (n)                           worse
 *  wachttijd_norm    p      completed waits in M over the        higher
 *                           Treeknorm (kpi_wachttijd boven_norm
 *                           / totaal.n)
 *  wachttijd_mediaan XmR    median of the waits completed in M,  higher
 *                           days (n: their number; none: no value)
 *  zorgelijk         p      zorgelijk wachtenden among those     higher
 *                           waiting on M's last day
 *                           (kpi_zorgelijk_aantal)
 *  thuiszitters      XmR    thuiszitters > 3 months on M's last  higher
 *                           day (kpi_thuiszitters; n = the value)
 *  uitval            p      ended in M with reden 32/33          higher
 *                           (kpi_uitval)
 *  herhaald          p      ended (31/34) in the month 6 months  higher
 *                           before M, followed by new specialised
 *                           care within 6 months (kpi_herhaald_beroep;
 *                           lagged so that the 6 months are over)
 *  verblijf          p      youth with verblijf (43/44) among    higher
 *                           youth with regional care in M
 *                           (kpi_verblijf)
 *  collectief        p      active trajectories on group         lower
 *                           products on M's last day
 *                           (kpi_collectief)
 *  analyse           p      specialised trajectories started in  lower
 *                           M after a verklarende analyse
 *                           (garp_analyse_vooraf)
 *
 * Gemeente filters as each function does (paying gemeente or residence).
 * Budget exhaustion has no monthly history in the record (approved
 * amounts are kept per trajectory and year), so it has no series yet.
 *
 * Addressees (reeksen_defs[].rollen), in one table in reeksen.c:
 *   wachttijd_norm, wachttijd_mediaan, zorgelijk, verblijf
 *                                   regio (SOZ) and gemeente
 *   thuiszitters                    gemeente (leerplicht) and lokaal_team
 *   uitval, herhaald, collectief    regio
 *   analyse                         gemeente and lokaal_team (GARP is
 *                                   the local team's work)
 * A signal on the region's own series goes to the regio only.
 */
#ifndef JR_STEER_REEKSEN_H
#define JR_STEER_REEKSEN_H

#include <stdbool.h>
#include <stddef.h>

#include "domain/garp.h"
#include "domain/kpi.h"
#include "steer/signaal.h"

#define REEKSEN_MAANDEN 36
#define REEKSEN_BASIS 24

enum reeksen_id {
	REEKSEN_WACHTTIJD_NORM,
	REEKSEN_WACHTTIJD_MEDIAAN,
	REEKSEN_ZORGELIJK,
	REEKSEN_THUISZITTERS,
	REEKSEN_UITVAL,
	REEKSEN_HERHAALD,
	REEKSEN_VERBLIJF,
	REEKSEN_COLLECTIEF,
	REEKSEN_ANALYSE,
};
#define REEKSEN_AANTAL 9

enum reeksen_rol {
	REEKSEN_ROL_REGIO = 1u << 0,
	REEKSEN_ROL_GEMEENTE = 1u << 1,
	REEKSEN_ROL_LOKAAL_TEAM = 1u << 2,
};

struct reeksen_def {
	enum reeksen_id id;
	const char *sleutel;
	const char *naam;            /* Dutch */
	enum signaal_kaart kaart;
	bool hoger_slechter;
	unsigned rollen;             /* enum reeksen_rol bits, for a gemeente's series */
};

extern const struct reeksen_def reeksen_defs[REEKSEN_AANTAL];

/* The REEKSEN_MAANDEN months' last days for peildatum, oldest first. */
void reeksen_maanden(dag_t peildatum, dag_t out[REEKSEN_MAANDEN]);

/* Point of series r for gemeente (NULL or "" region) in the month whose
 * last day is maand_eind. 0, or -1 when out of memory. */
int reeksen_punt(const struct kpi_data *d, const struct garp_gezin *gezinnen, size_t n_gezinnen,
		 enum reeksen_id r, const char *gemeente, dag_t maand_eind,
		 struct signaal_punt *out);

/* The addressees of a signal on series r of gemeente ("" region). */
unsigned reeksen_rollen(enum reeksen_id r, const char *gemeente);

/* "regio", "gemeente", "lokaal_team" for one bit. */
const char *reeksen_rol_naam(enum reeksen_rol rol);

#endif
