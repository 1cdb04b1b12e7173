/* scope: see scope.h. */
#include "store/scope.h"

#include <stdio.h>
#include <string.h>

#include "store/driver.h"
#include "store/rij.h"
#include "store/store.h"
#include "store/store_intern.h"

static const struct sql_stmt scope_team_gemeenten = {
	"scope_team_gemeenten",
	"SELECT gemeente FROM lokaal_team_gemeente WHERE team_id = $1 ORDER BY gemeente",
};
static const struct sql_stmt scope_jeugdige_gemeenten = {
	"scope_jeugdige_gemeenten",
	"SELECT "
	"EXISTS (SELECT 1 FROM woonplaats w WHERE w.jeugdige_id = $1 "
	"AND $2 LIKE '%,' || w.gemeente || ',%') OR "
	"EXISTS (SELECT 1 FROM traject t WHERE t.jeugdige_id = $1 "
	"AND $2 LIKE '%,' || t.gemeente || ',%') OR "
	"EXISTS (SELECT 1 FROM toewijzing z WHERE z.jeugdige_id = $1 "
	"AND $2 LIKE '%,' || z.gemeente || ',%')",
};
static const struct sql_stmt scope_jeugdige_aanbieder = {
	"scope_jeugdige_aanbieder",
	"SELECT "
	"EXISTS (SELECT 1 FROM traject t WHERE t.jeugdige_id = $1 AND t.agb = $2) OR "
	"EXISTS (SELECT 1 FROM toewijzing z WHERE z.jeugdige_id = $1 AND z.agb = $2)",
};
static const struct sql_stmt scope_jeugdige_bestaat = {
	"scope_jeugdige_bestaat",
	"SELECT count(*) FROM jeugdige WHERE id = $1",
};

static const struct sql_stmt scope_jeugdige_bsn = {
	"scope_jeugdige_bsn",
	"SELECT id FROM jeugdige WHERE bsn = $1 ORDER BY id LIMIT 2",
};
static const struct sql_stmt scope_jeugdige_bsn_datum = {
	"scope_jeugdige_bsn_datum",
	"SELECT id FROM jeugdige WHERE bsn = $1 AND geboortedatum = $2",
};

int scope_codes(const char (*codes)[GEMEENTE_CODE_LEN], size_t n, char out[SCOPE_CODES_MAX])
{
	size_t k = 0;

	out[k++] = ',';
	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(codes[i]);

		if (k + len + 2 > SCOPE_CODES_MAX)
			return -1;
		memcpy(out + k, codes[i], len);
		k += len;
		out[k++] = ',';
	}
	out[k] = '\0';
	return 0;
}

int store_team_gemeenten(struct store *st, int64_t team_id, char (*out)[GEMEENTE_CODE_LEN],
			 size_t *n, size_t max)
{
	struct db_stmt *s = st->drv->prepare(st->conn, &scope_team_gemeenten);
	int rc, nieuw = 0;

	if (!s)
		return rij_fout(st, -2);
	if (st->drv->bind_int64(s, 1, team_id) < 0) {
		st->drv->reset(s);
		return rij_fout(st, -2);
	}
	while ((rc = rij_fout(st, st->drv->step(s))) == 1) {
		const char *c = st->drv->column_text(s, 0);
		bool dubbel = false;

		if (!c || strlen(c) >= GEMEENTE_CODE_LEN)
			continue;
		for (size_t i = 0; i < *n && !dubbel; i++)
			dubbel = strcmp(out[i], c) == 0;
		if (dubbel)
			continue;
		if (*n >= max) {
			snprintf(st->err, sizeof st->err, "meer dan %zu gemeenten in de scope", max);
			rc = -2;
			break;
		}
		memcpy(out[(*n)++], c, strlen(c) + 1);
		nieuw++;
	}
	st->drv->reset(s);
	return rc < 0 ? rc : nieuw;
}

/* One row, one boolean or count column, of q with parameters id and
 * (when not NULL) tekst. */
static int vraag(struct store *st, const struct sql_stmt *q, int64_t id, const char *tekst)
{
	struct db_stmt *s = st->drv->prepare(st->conn, q);
	int64_t v = 0;
	int rc;

	if (!s)
		return rij_fout(st, -2);
	if (st->drv->bind_int64(s, 1, id) < 0 || (tekst && st->drv->bind_text(s, 2, tekst) < 0)) {
		st->drv->reset(s);
		return rij_fout(st, -2);
	}
	rc = rij_fout(st, st->drv->step(s));
	if (rc == 1)
		v = st->drv->column_int64(s, 0);
	st->drv->reset(s);
	if (rc < 0)
		return rc;
	return v > 0;
}

int store_jeugdige_in_gemeenten(struct store *st, int64_t id, const char *codes)
{
	return vraag(st, &scope_jeugdige_gemeenten, id, codes);
}

int store_jeugdige_bij_aanbieder(struct store *st, int64_t id, const char *agb)
{
	return vraag(st, &scope_jeugdige_aanbieder, id, agb);
}

int store_jeugdige_bestaat(struct store *st, int64_t id)
{
	return vraag(st, &scope_jeugdige_bestaat, id, NULL);
}

int store_jeugdige_bij_bsn(struct store *st, const char *bsn, const char *geboortedatum,
			   int64_t *id)
{
	bool datum = geboortedatum && *geboortedatum;
	struct db_stmt *s = st->drv->prepare(st->conn, datum ? &scope_jeugdige_bsn_datum :
							       &scope_jeugdige_bsn);
	int rc, n = 0;

	*id = 0;
	if (!s)
		return rij_fout(st, -2);
	if (st->drv->bind_text(s, 1, bsn) < 0 ||
	    (datum && st->drv->bind_text(s, 2, geboortedatum) < 0)) {
		st->drv->reset(s);
		return rij_fout(st, -2);
	}
	while ((rc = rij_fout(st, st->drv->step(s))) == 1) {
		if (n++ == 0)
			*id = st->drv->column_int64(s, 0);
	}
	st->drv->reset(s);
	return rc < 0 ? rc : n;
}
