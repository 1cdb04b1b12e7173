/* wachtlijst: the regional waiting list on a peildatum, computed from the
 * record as the indicators see it (kpi.h), so that a row here and the
 * figures of the dashboards agree: waiting is kpi_wachtend, beyond the
 * norm is kpi_boven_norm_op, zorgelijk is kpi_zorgelijk (DOMAIN.md §4).
 *
 * Per waiting trajectory: the days waited so far (aanmelding, or the
 * toewijzing's Ingangsdatum the loader put there, to the peildatum), the
 * state of both Treeknorm parts of its segment, the day it crosses (or
 * crossed) the norm, the risk flags, the zorgelijk status and the latest
 * staff decision. And the alerts (signalen) a role acts on.
 *
 * Pure: no I/O. wachtlijst_bereken allocates the rows (caller frees with
 * free()); the rows borrow from the kpi_data, which must outlive them.
 */
#ifndef JR_DOMAIN_WACHTLIJST_H
#define JR_DOMAIN_WACHTLIJST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "domain/kpi.h"
#include "domain/model.h"

/* Days an alert about crossing the norm stays new. */
#define WACHTLIJST_SIGNAAL_DAGEN 7

enum wachtlijst_fase {
	WACHTLIJST_FASE_INTAKE,   /* waiting for the intake */
	WACHTLIJST_FASE_START,    /* intake done (on or before P), waiting for the start */
};

struct wachtlijst_regel {
	const struct traject *t;          /* borrowed from the kpi_data */
	const struct jeugdige *j;         /* NULL when not in the kpi_data */
	enum wachtlijst_fase fase;
	int32_t dagen;                    /* P − aanmelddatum */
	int32_t dagen_tot_intake;         /* intake − aanmelding, or P − aanmelding */
	int32_t dagen_na_intake;          /* P − intake; 0 in FASE_INTAKE */
	int32_t norm_intake;              /* the segment's norm parts, days */
	int32_t norm_start;
	bool intake_boven_norm;           /* the first part exceeds (or exceeded) its norm */
	bool start_boven_norm;            /* the second part exceeds its norm */
	bool boven_norm;                  /* kpi_boven_norm_op */
	dag_t normgrens;                  /* first day beyond the norm as things stand */
	unsigned risico;                  /* enum kpi_risico flags */
	bool zorgelijk;                   /* kpi_zorgelijk: after any staff decision */
	bool zorgelijk_berekend;          /* beyond the norm with a flag, before decisions */
	const struct zorgelijk_besluit *besluit;  /* latest up to the end of P, or NULL */
};

/* The waiting trajectories of d on peildatum (kpi_wachtend, segment 1..7)
 * for which toon[i] is true (toon NULL: all), in the order of
 * d->trajecten, into a new array *out of *n rows (NULL when none). 0, or
 * -1 when out of memory. */
int wachtlijst_bereken(const struct kpi_data *d, const bool *toon, dag_t peildatum,
		       const struct treeknorm norms[SEGMENT_AANTAL],
		       struct wachtlijst_regel **out, size_t *n);

/* The alerts of a row on peildatum. */
enum wachtlijst_signaal {
	WACHTLIJST_SIGNAAL_NORM = 1u << 0,      /* crossed the norm in the last
						 * WACHTLIJST_SIGNAAL_DAGEN days */
	WACHTLIJST_SIGNAAL_ZORGELIJK = 1u << 1, /* zorgelijk by the definition and
						 * not yet confirmed or cleared by staff */
};
unsigned wachtlijst_signalen(const struct wachtlijst_regel *r, dag_t peildatum);

/* The Dutch names of the risk flags set in risico, joined with ", " into
 * buf[n] ("" when none). Returns buf. */
char *wachtlijst_risico_tekst(unsigned risico, char *buf, size_t n);

/* The name of one flag (a single bit of enum kpi_risico) for programs
 * ("veiligheid", "thuiszitter", ...), NULL for an unknown bit. */
const char *wachtlijst_risico_code(unsigned bit);

#endif
