/* maandcijfers_delta: see maandcijfers_delta.h.
 *
 * Pending: one row per Prestatie noted (trajectory, month, approved,
 * rejected). Writing sorts them, reads each trajectory's keys once, adds
 * the money per trajectory and month to one bag, and for every youth and
 * year whose approved sums changed reads that youth's approved sums of
 * the year per trajectory (traject_jeugdige and prestatie_traject
 * indexes) to see whether it counted before and counts after.
 */
#include "store/maandcijfers_delta.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "domain/datum.h"
#include "domain/model.h"
#include "steer/maandcijfers.h"
#include "store/driver.h"
#include "store/maandcijfers_store.h"
#include "store/rij.h"
#include "store/store.h"
#include "store/store_intern.h"

/* The keys of a trajectory's money rows (as mc_bijdrage reads them),
 * and its approved sum over the ProductPeriodes that begin in $2..$3
 * (kpi_kosten's row of a year; dates are text). */
#define MCD_TRAJECT_SOM \
	"(SELECT SUM(p.bedrag) FROM prestatie p WHERE p.traject_id = $1 AND " \
	"p.goedgekeurd = 1 AND p.periode_begin BETWEEN $2 AND $3)"
static const struct sql_stmt mcd_traject = {
	"mcd_traject",
	"SELECT t.jeugdige_id, t.gemeente, t.segment, t.agb, v.type, " MCD_TRAJECT_SOM
	" FROM traject t LEFT JOIN verwijzing v ON v.id = t.verwijzing_id WHERE t.id = $1",
};
/* The sum alone, for a trajectory's further years. */
static const struct sql_stmt mcd_traject_jaar = {
	"mcd_traject_jaar", "SELECT " MCD_TRAJECT_SOM,
};
/* A youth's approved sum per trajectory over the ProductPeriodes that
 * begin in one year (kpi_kosten's row; dates are text). */
static const struct sql_stmt mcd_jaarsommen = {
	"mcd_jaarsommen",
	"SELECT t.id, t.gemeente, SUM(p.bedrag) FROM traject t "
	"JOIN prestatie p ON p.traject_id = t.id "
	"WHERE t.jeugdige_id = $1 AND p.goedgekeurd = 1 AND p.periode_begin BETWEEN $2 AND $3 "
	"GROUP BY t.id, t.gemeente",
};

struct post {
	int64_t traject_id;
	int32_t maand;
	int64_t goedgekeurd, afgewezen;
};

struct maandcijfers_delta {
	int tot_jaar;            /* 0: the aggregates are not kept */
	struct post *p;
	size_t n, cap;
};

/* A change of a trajectory's approved sum of a year. */
struct jaar_post {
	int64_t jeugdige_id;
	int jaar;
	int64_t traject_id;
	int64_t delta;           /* pending */
	int64_t na;              /* the sum now, pending included */
	char gemeente[GEMEENTE_CODE_LEN];
};

/* A row of mcd_jaarsommen, and its place in mc_client_wissel's input. */
struct som {
	int64_t traject_id;
	char gemeente[GEMEENTE_CODE_LEN];
	int64_t na;
};

static int geen_geheugen(struct store *st)
{
	return store_set_error(st, "onvoldoende geheugen voor de maandcijfers");
}

int store_maandcijfers_prestatie(struct store *st, struct maandcijfers_delta **dp,
				 const struct prestatie *p)
{
	struct maandcijfers_delta *d = *dp;
	int rc;

	if (!d) {
		if (!(d = calloc(1, sizeof *d)))
			return geen_geheugen(st);
		*dp = d;
		if ((rc = store_maandcijfers_tot_jaar(st, &d->tot_jaar)) < 0)
			return rc;
	}
	int32_t maand = mc_maand(p->periode_begin);
	/* mc_bijdrage counts neither the money nor the year beyond the
	 * horizon. */
	if (d->tot_jaar == 0 || p->traject_id <= 0 || maand / 100 > d->tot_jaar)
		return 0;
	if (d->n == d->cap) {
		size_t c = d->cap ? 2 * d->cap : 64;
		struct post *a = realloc(d->p, c * sizeof *a);
		if (!a)
			return geen_geheugen(st);
		d->p = a;
		d->cap = c;
	}
	d->p[d->n++] = (struct post){
		.traject_id = p->traject_id,
		.maand = maand,
		.goedgekeurd = p->goedgekeurd ? p->bedrag : 0,
		.afgewezen = p->goedgekeurd ? 0 : p->bedrag,
	};
	return 0;
}

void store_maandcijfers_delta_vergeet(struct maandcijfers_delta **dp)
{
	if (!*dp)
		return;
	free((*dp)->p);
	free(*dp);
	*dp = NULL;
}

static int cmp_post(const void *a, const void *b)
{
	const struct post *x = a, *y = b;

	if (x->traject_id != y->traject_id)
		return x->traject_id < y->traject_id ? -1 : 1;
	return (x->maand > y->maand) - (x->maand < y->maand);
}

static int cmp_jaar_post(const void *a, const void *b)
{
	const struct jaar_post *x = a, *y = b;

	if (x->jeugdige_id != y->jeugdige_id)
		return x->jeugdige_id < y->jeugdige_id ? -1 : 1;
	if (x->jaar != y->jaar)
		return x->jaar < y->jaar ? -1 : 1;
	return (x->traject_id > y->traject_id) - (x->traject_id < y->traject_id);
}

/* Bind a trajectory and the dates of a year to $1..$3 of s. */
static void bind_jaar(struct store *st, struct db_stmt *s, int64_t id, int jaar, char van[11],
		      char tot[11], int *rc)
{
	rij_bind_getal(st, s, 1, id, rc);
	rij_bind_dag(st, s, 2, datum_van(jaar, 1, 1), van, rc);
	rij_bind_dag(st, s, 3, datum_van(jaar, 12, 31), tot, rc);
}

/* The keys of trajectory id into *t and its approved sum of jaar into
 * *som; 1, 0 when it is gone, or -1/-2. */
static int lees_traject(struct store *st, int64_t id, int jaar, struct traject *t, int64_t *som)
{
	struct db_stmt *s = st->drv->prepare(st->conn, &mcd_traject);
	char van[11], tot[11];
	int rc = 0;

	if (!s)
		return rij_fout(st, -2);
	bind_jaar(st, s, id, jaar, van, tot, &rc);
	if (rc == 0 && (rc = rij_fout(st, st->drv->step(s))) == 1) {
		struct rij r = { st, s, &mcd_traject, 0, 0 };
		memset(t, 0, sizeof *t);
		t->id = id;
		t->jeugdige_id = rij_getal(&r);
		rij_tekst(&r, t->gemeente, sizeof t->gemeente);
		t->segment = (int)rij_getal(&r);
		rij_tekst(&r, t->agb, sizeof t->agb);
		rij_tekst(&r, t->verwijzer, sizeof t->verwijzer);
		*som = rij_getal(&r);
		rc = r.rc < 0 ? r.rc : 1;
	}
	st->drv->reset(s);
	return rc;
}

/* Trajectory id's approved sum of jaar into *som. 0 or -1/-2. */
static int lees_traject_jaar(struct store *st, int64_t id, int jaar, int64_t *som)
{
	struct db_stmt *s = st->drv->prepare(st->conn, &mcd_traject_jaar);
	char van[11], tot[11];
	int rc = 0;

	if (!s)
		return rij_fout(st, -2);
	bind_jaar(st, s, id, jaar, van, tot, &rc);
	if (rc == 0 && (rc = rij_fout(st, st->drv->step(s))) == 1) {
		struct rij r = { st, s, &mcd_traject_jaar, 0, 0 };
		*som = rij_getal(&r);
		rc = r.rc;
	}
	st->drv->reset(s);
	return rc < 0 ? rc : 0;
}

/* The money of the pending rows into b, and the changes of approved
 * year sums into *jp (n_jp rows; the caller frees *jp). */
static int geld(struct store *st, struct maandcijfers_delta *d, struct mc_bak *b,
		struct jaar_post **jp, size_t *n_jp)
{
	size_t cap = 0;

	*jp = NULL;
	*n_jp = 0;
	for (size_t i = 0; i < d->n;) {
		size_t j = i;
		while (j < d->n && d->p[j].traject_id == d->p[i].traject_id)
			j++;
		struct traject t;
		int64_t na = 0;
		int rc = lees_traject(st, d->p[i].traject_id, d->p[i].maand / 100, &t, &na);
		if (rc < 0)
			return rc;
		for (size_t k = i; rc == 1 && k < j;) {
			/* One month, and then the year it is in. */
			size_t m = k;
			int64_t goed = 0, af = 0, jaar_goed = 0;
			int jaar = d->p[k].maand / 100;
			if (k > i && (rc = lees_traject_jaar(st, t.id, jaar, &na)) < 0)
				return rc;
			rc = 1;
			for (; m < j && d->p[m].maand / 100 == jaar; m++) {
				goed += d->p[m].goedgekeurd;
				af += d->p[m].afgewezen;
				jaar_goed += d->p[m].goedgekeurd;
				if (m + 1 == j || d->p[m + 1].maand != d->p[m].maand) {
					if (mc_geld_voeg(&t, d->p[m].maand, goed, af, d->tot_jaar, b) < 0)
						return geen_geheugen(st);
					goed = af = 0;
				}
			}
			if (jaar_goed != 0) {
				if (*n_jp == cap) {
					size_t c = cap ? 2 * cap : 64;
					struct jaar_post *a = realloc(*jp, c * sizeof *a);
					if (!a)
						return geen_geheugen(st);
					*jp = a;
					cap = c;
				}
				struct jaar_post *e = &(*jp)[(*n_jp)++];
				memset(e, 0, sizeof *e);
				e->jeugdige_id = t.jeugdige_id;
				e->jaar = jaar;
				e->traject_id = t.id;
				e->delta = jaar_goed;
				e->na = na;
				memcpy(e->gemeente, t.gemeente, sizeof e->gemeente);
			}
			k = m;
		}
		i = j;
	}
	return 0;
}

/* Room for need rows in *sommen (capacity *cap). */
static int ruimte(struct store *st, struct som **sommen, size_t *cap, size_t need)
{
	if (need <= *cap)
		return 0;
	size_t c = *cap ? *cap : 16;
	while (c < need)
		c *= 2;
	struct som *a = realloc(*sommen, c * sizeof *a);
	if (!a)
		return geen_geheugen(st);
	*sommen = a;
	*cap = c;
	return 0;
}

/* Youth jp[0].jeugdige_id's approved sums of year jp[0].jaar per
 * trajectory into *sommen (growing buffer); its pending changes are
 * jp[0..n). The number of rows, or -1/-2. */
static int lees_sommen(struct store *st, const struct jaar_post *jp, size_t n,
		       struct som **sommen, size_t *cap)
{
	struct db_stmt *s = st->drv->prepare(st->conn, &mcd_jaarsommen);
	char van[11], tot[11];
	size_t m = 0;
	int rc = 0;

	if (!s)
		return rij_fout(st, -2);
	bind_jaar(st, s, jp[0].jeugdige_id, jp[0].jaar, van, tot, &rc);
	while (rc == 0 && (rc = rij_fout(st, st->drv->step(s))) == 1) {
		if ((rc = ruimte(st, sommen, cap, m + 1)) < 0)
			break;
		struct rij r = { st, s, &mcd_jaarsommen, 0, 0 };
		struct som *e = &(*sommen)[m++];
		memset(e, 0, sizeof *e);
		e->traject_id = rij_getal(&r);
		rij_tekst(&r, e->gemeente, sizeof e->gemeente);
		e->na = rij_getal(&r);
		rc = r.rc;
	}
	st->drv->reset(s);
	if (rc < 0 || (rc = ruimte(st, sommen, cap, m + n)) < 0)
		return rc;
	/* A changed trajectory missing from the result (cannot happen while
	 * Prestaties are only added) still had its sum before. */
	for (size_t i = 0; i < n; i++) {
		size_t k = 0;
		while (k < m && (*sommen)[k].traject_id != jp[i].traject_id)
			k++;
		if (k == m) {
			struct som *e = &(*sommen)[m++];
			memset(e, 0, sizeof *e);
			e->traject_id = jp[i].traject_id;
			memcpy(e->gemeente, jp[i].gemeente, sizeof e->gemeente);
		}
	}
	return (int)m;
}

/* The distinct count of youth with an approved amount, per youth and
 * year of jp[0..n) (sorted), into b. */
static int clienten(struct store *st, const struct jaar_post *jp, size_t n, struct mc_bak *b)
{
	struct som *sommen = NULL;
	struct mc_client_traject *ct = NULL;
	size_t cap = 0, ct_cap = 0;
	int rc = 0;

	for (size_t i = 0; i < n && rc >= 0;) {
		size_t j = i;
		bool wissel = false;
		while (j < n && jp[j].jeugdige_id == jp[i].jeugdige_id && jp[j].jaar == jp[i].jaar) {
			wissel = wissel || (jp[j].na - jp[j].delta > 0) != (jp[j].na > 0);
			j++;
		}
		/* No trajectory starts or stops counting: neither does the
		 * youth (the common case: not its first amount of the year). */
		if (!wissel) {
			i = j;
			continue;
		}
		int m = lees_sommen(st, &jp[i], j - i, &sommen, &cap);
		if (m < 0) {
			rc = m;
			break;
		}
		if ((size_t)m > ct_cap) {
			struct mc_client_traject *a = realloc(ct, (size_t)m * sizeof *a);
			if (!a) {
				rc = geen_geheugen(st);
				break;
			}
			ct = a;
			ct_cap = (size_t)m;
		}
		for (int k = 0; k < m; k++) {
			int64_t delta = 0;
			for (size_t q = i; q < j; q++)
				if (jp[q].traject_id == sommen[k].traject_id)
					delta += jp[q].delta;
			ct[k] = (struct mc_client_traject){
				.gemeente = sommen[k].gemeente,
				.voor = sommen[k].na - delta,
				.na = sommen[k].na,
			};
		}
		if (mc_client_wissel(ct, (size_t)m, jp[i].jaar, b) < 0)
			rc = geen_geheugen(st);
		i = j;
	}
	free(sommen);
	free(ct);
	return rc;
}

int store_maandcijfers_delta_schrijf(struct store *st, struct maandcijfers_delta **dp)
{
	struct maandcijfers_delta *d = *dp;
	struct jaar_post *jp = NULL;
	size_t n_jp = 0;
	struct mc_bak b;
	int rc;

	if (!d || d->n == 0) {
		store_maandcijfers_delta_vergeet(dp);
		return 0;
	}
	mc_bak_init(&b);
	qsort(d->p, d->n, sizeof *d->p, cmp_post);
	rc = geld(st, d, &b, &jp, &n_jp);
	if (rc >= 0 && n_jp > 0) {
		qsort(jp, n_jp, sizeof *jp, cmp_jaar_post);
		rc = clienten(st, jp, n_jp, &b);
	}
	if (rc >= 0)
		rc = store_maandcijfers_bij(st, &b);
	free(jp);
	mc_bak_vrij(&b);
	store_maandcijfers_delta_vergeet(dp);
	return rc < 0 ? rc : 0;
}
