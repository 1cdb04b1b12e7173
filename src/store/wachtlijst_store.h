/* wachtlijst_store: the reads and writes behind the regional waiting list
 * (web/wachtlijst_web.c): the part of the record that decides who waits
 * and who is zorgelijk (domain/wachtlijst.h), within a scope; the
 * Treeknorm per segment and other settings; staff decisions on worrying
 * waiters and their history.
 *
 * Scope (store/scope.h) for the waiting list is a trajectory's: alles
 * (regio) every one; gemeenten: trajectories one of them pays; agb:
 * trajectories at that provider. A scope with none of these matches
 * nothing. The youth's other trajectories, school status and decisions are
 * loaded too (the risk flags of DOMAIN.md look at them) but only the
 * trajectories in scope are marked to be shown.
 *
 * Memory: wachtlijst_data owns its arrays (store_wachtlijst_vrij); other
 * arrays returned are the caller's (free()). Return convention of
 * store.h.
 */
#ifndef JR_STORE_WACHTLIJST_STORE_H
#define JR_STORE_WACHTLIJST_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "domain/kpi.h"
#include "domain/model.h"
#include "store/scope.h"

struct store;

/* Setting keys (table instelling). */
#define INSTELLING_CAPACITEIT_VEROUDERD "capaciteit.verouderd_dagen"

struct wachtlijst_segment {
	int nr;
	char naam[NAAM_LEN];
};

struct wachtlijst_product {
	char code[PRODUCTCODE_LEN];
	char omschrijving[160];
};

/* Everything a waiting list on one peildatum needs. d borrows the arrays
 * below; toon[i] says whether d.trajecten[i] is in scope (and, with a
 * traject filter, that trajectory). Registry arrays are sorted by their
 * key (agb, id, code, nr). */
struct wachtlijst_data {
	struct kpi_data d;
	bool *toon;
	struct jeugdige *jeugdigen;
	struct traject *trajecten;
	struct schoolstatus *school;
	struct zorgelijk_besluit *besluiten;
	struct gemeente *gemeenten;         size_t n_gemeenten;
	struct aanbieder *aanbieders;       size_t n_aanbieders;
	struct netwerk *netwerken;          size_t n_netwerken;
	struct wachtlijst_product *producten; size_t n_producten;
	struct wachtlijst_segment *segmenten; size_t n_segmenten;
};

/* Load the youth of scope s with a trajectory waiting on peildatum (and,
 * when traject_id is not 0, only the youth of that trajectory, with only
 * it marked). Runs in the caller's transaction when one is open. The
 * aanmelddatum of a trajectory without one is its toewijzing's
 * Ingangsdatum (DOMAIN.md: wachttijd). 0 or -1/-2 (then *out is empty). */
int store_wachtlijst_laad(struct store *st, const struct store_scope *s, dag_t peildatum,
			  int64_t traject_id, struct wachtlijst_data *out);
void store_wachtlijst_vrij(struct wachtlijst_data *w);

/* The Treeknorm per segment: treeknorm_standaard, overridden by the rows
 * of table treeknorm. 0 or -1/-2. */
int store_treeknormen(struct store *st, struct treeknorm norms[SEGMENT_AANTAL]);

/* Set the norm of segment 1..7 (days), by door at nu (ISO UTC). */
int store_treeknorm_zet(struct store *st, int segment, int32_t tot_intake,
			int32_t intake_tot_start, const char *door, const char *nu);

/* The segments (registry), ordered by nr, into *out (free()). */
int store_wachtlijst_segmenten(struct store *st, struct wachtlijst_segment **out, size_t *n);

/* Setting sleutel into *waarde, or standaard when it is not set. */
int store_instelling(struct store *st, const char *sleutel, int64_t standaard, int64_t *waarde);
int store_instelling_zet(struct store *st, const char *sleutel, int64_t waarde,
			 const char *door, const char *nu);

/* Record a staff decision on trajectory traject_id: bevestigd (true) or
 * cleared (false) as zorgelijk wachtend, with reden, by door acting as
 * rol, at tijdstip (unix seconds). Raises the data version (the
 * indicators count zorgelijk wachtenden). Call inside a transaction. */
int store_zorgelijk_besluit_neem(struct store *st, int64_t traject_id, bool bevestigd,
				 const char *reden, const char *door, const char *rol,
				 int64_t tijdstip);

/* One decision of the history, with the role it was taken in. */
struct zorgelijk_historie {
	struct zorgelijk_besluit b;
	char rol[16];
};

/* The decisions on traject_id, oldest first, into *out (free()). */
int store_zorgelijk_historie(struct store *st, int64_t traject_id,
			     struct zorgelijk_historie **out, size_t *n);

#endif
