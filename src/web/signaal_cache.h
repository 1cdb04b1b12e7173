/* signaal_cache: the goals (steer/doelen.h), the monthly series
 * (steer/reeksen.h) and their signals (steer/signaal.h), computed once
 * per stand of the record and shared read-only by every server thread.
 *
 * Key: the cijfers stand's data version and peildatum (web/cijfers.h:
 * cijfers_pak decides when the record changed). The first request after
 * a change computes everything from that stand (plus the family rows,
 * store_garp_gezinnen, read in their own snapshot: a write between the
 * two reads raises the version, so the next check recomputes); other
 * requests wait for it rather than compute the same twice. The series'
 * source is reeksen_punt: to read materialised monthly aggregates
 * instead, only bereken() below changes.
 *
 * Ownership and threads: a stand is reference-counted; signaal_pak gives
 * one reference, signaal_laat returns it; everything reached through it
 * is read-only and valid while held. The current stand itself stays
 * until a newer one replaces it (or the process ends). Thread-safe.
 */
#ifndef JR_WEB_SIGNAAL_CACHE_H
#define JR_WEB_SIGNAAL_CACHE_H

#include <stddef.h>

#include "steer/doelen.h"
#include "steer/reeksen.h"
#include "steer/signaal.h"

struct store;
struct signaal_stand;

/* One signal: a rule fired on series reeks of unit eenheid (0 = region,
 * else the gemeente doelen.eenheden[eenheid]). */
struct signaal_gevonden {
	enum reeksen_id reeks;
	size_t eenheid;
	struct signaal_melding m;
	unsigned rollen;             /* enum reeksen_rol bits */
};

/* 0 with *out set, or the store's -1/-2 (message in store_error(st)). */
int signaal_pak(struct store *st, struct signaal_stand **out);
void signaal_laat(struct signaal_stand *s);

const char *signaal_stand_versie(const struct signaal_stand *s);
dag_t signaal_stand_peildatum(const struct signaal_stand *s);
const struct doelen_overzicht *signaal_stand_doelen(const struct signaal_stand *s);
/* The REEKSEN_MAANDEN month ends. */
const dag_t *signaal_stand_maanden(const struct signaal_stand *s);
/* The series r of unit e (REEKSEN_MAANDEN points) and its chart. */
const struct signaal_punt *signaal_stand_reeks(const struct signaal_stand *s,
					       enum reeksen_id r, size_t e);
const struct signaal_lijnen *signaal_stand_lijnen(const struct signaal_stand *s,
						  enum reeksen_id r, size_t e);
/* Every signal, by unit (region first), series, month. */
const struct signaal_gevonden *signaal_stand_signalen(const struct signaal_stand *s, size_t *n);
/* Wall time of computing this stand: the series and signals, the goals
 * (milliseconds, measured once). */
double signaal_stand_ms_reeksen(const struct signaal_stand *s);
double signaal_stand_ms_doelen(const struct signaal_stand *s);

#endif
