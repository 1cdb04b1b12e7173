/* garp: the GARP goal of the 2030 vision (1 Gezin, 1 Analyse,
 * 1 Regisseur, 1 Plan) as two indicators, each written once, in the
 * style of kpi.h (which has no family data: kpi_data carries the youth's
 * gezin_id, this module the family rows).
 *
 * Pure: no I/O. The functions allocate scratch memory only, free it
 * before returning, and return -1 when that allocation fails (out is then
 * zeroed). Arrays are borrowed.
 */
#ifndef JR_DOMAIN_GARP_H
#define JR_DOMAIN_GARP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "domain/kpi.h"
#include "domain/model.h"

/* What the indicators need of a struct gezin (model.h): no names. The
 * record keeps one analyse_datum per family (the verklarende analyse on
 * file). Arrays of these are sorted by id. */
struct garp_gezin {
	int64_t id;
	bool heeft_regisseur;     /* gezin.regisseur is not empty */
	dag_t analyse_datum;      /* DAG_GEEN: no verklarende analyse */
};

/* ---- Analyse vooraf ----
 * totaal: specialised trajectories (segment >= 1) whose begindatum lies
 * in [van, tot], filtered on their paying gemeente (NULL or "" = region);
 * aantal: of those, the ones whose youth belongs to a family (jeugdige
 * gezin_id != 0 with a row in gezinnen) whose analyse_datum is on or
 * before the trajectory's begindatum. A youth missing from d->jeugdigen,
 * or without a family, counts in totaal only. */
void garp_analyse_vooraf(const struct kpi_data *d, const struct garp_gezin *gezinnen,
			 size_t n_gezinnen, const char *gemeente, dag_t van, dag_t tot,
			 struct kpi_aandeel *out);

/* ---- Eén regisseur per gezin ----
 * Youth in care on peildatum: youth with a trajectory of any segment
 * (local-team help included) active on peildatum. Gemeente (NULL or "" =
 * region): the youth's woonplaats on peildatum; youth without one count
 * for the region only. totaal: the distinct families of those youth; a
 * youth with gezin_id 0, or whose gezin row is missing, is a family of
 * its own. A family with youth in care in two gemeenten counts in both
 * (and once for the region). aantal: the families with a regisseur
 * (heeft_regisseur; the families of their own never have one). */
int garp_regisseur(const struct kpi_data *d, const struct garp_gezin *gezinnen,
		   size_t n_gezinnen, const char *gemeente, dag_t peildatum,
		   struct kpi_aandeel *out);

/* The family with that id, or NULL (gezinnen sorted by id). */
const struct garp_gezin *garp_gezin_zoek(const struct garp_gezin *gezinnen, size_t n,
					 int64_t id);

#endif
