/* duiding_store: see duiding_store.h. */
#include "store/duiding_store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store/driver.h"
#include "store/rij.h"
#include "store/store.h"
#include "store/store_intern.h"

const struct duiding_indicator duiding_indicatoren[] = {
#define DUIDING_RIJ(k, l) { #k, l },
	DUIDING_INDICATOREN(DUIDING_RIJ)
#undef DUIDING_RIJ
};
const size_t duiding_indicatoren_n = sizeof duiding_indicatoren / sizeof duiding_indicatoren[0];

/* The meta row whose lock serialises writers of duiding on PostgreSQL
 * (ids max + 1 and the version check); SQLite's BEGIN IMMEDIATE already
 * holds the write lock. */
#define DUIDING_SLOT_SLEUTEL "duiding.slot"

static const struct sql_stmt duiding_slot_maak = {
	"duiding_slot_maak",
	"INSERT INTO meta (sleutel, waarde) VALUES ($1, 'duiding') ON CONFLICT (sleutel) DO NOTHING",
};
static const struct sql_stmt duiding_slot_postgres = {
	"duiding_slot_postgres", "SELECT waarde FROM meta WHERE sleutel = $1 FOR UPDATE",
};
static const struct sql_stmt duiding_volgend_id = {
	"duiding_volgend_id", "SELECT COALESCE(max(id), 0) + 1 FROM duiding",
};
static const struct sql_stmt duiding_gemeente_bestaat = {
	"duiding_gemeente_bestaat", "SELECT 1 FROM gemeente WHERE code = $1",
};
static const struct sql_stmt duiding_insert_nieuw = {
	"duiding_insert_nieuw",
	"INSERT INTO duiding (id, reeks, versie, indicator, gemeente, periode, periode_begin, "
	"periode_einde, tekst, ingetrokken, auteur, auteur_rol, namens, aangemaakt) "
	"VALUES ($1, $1, 1, $2, $3, $4, $5, $6, $7, 0, $8, $9, $10, $11)",
};
/* A later version copies the subject of the version it follows. */
static const struct sql_stmt duiding_insert_versie = {
	"duiding_insert_versie",
	"INSERT INTO duiding (id, reeks, versie, indicator, gemeente, periode, periode_begin, "
	"periode_einde, tekst, ingetrokken, auteur, auteur_rol, namens, aangemaakt) "
	"SELECT $1, reeks, versie + 1, indicator, gemeente, periode, periode_begin, "
	"periode_einde, $2, $3, $4, $5, $6, $7 FROM duiding WHERE id = $8",
};

#define KOLOMMEN \
	"SELECT d.id, d.reeks, d.versie, d.indicator, d.gemeente, g.naam, d.periode, " \
	"d.periode_begin, d.periode_einde, d.ingetrokken, d.tekst, d.auteur, d.auteur_rol, " \
	"d.namens, d.aangemaakt, e.aangemaakt FROM duiding d " \
	"JOIN duiding e ON e.id = d.reeks LEFT JOIN gemeente g ON g.code = d.gemeente "

static const struct sql_stmt duiding_huidig_een = {
	"duiding_huidig_een", KOLOMMEN "WHERE d.reeks = $1 ORDER BY d.versie DESC LIMIT 1",
};
static const struct sql_stmt duiding_historie = {
	"duiding_historie", KOLOMMEN "WHERE d.reeks = $1 ORDER BY d.versie",
};

/* The current, not withdrawn versions; $1 indicator ("" any), $2 the
 * plek (enum duiding_plek), $3 the gemeente, $4 / $5 the dates the
 * period must overlap ("" open). Dates compare as JJJJ-MM-DD text. */
#define HUIDIG_WAAR \
	"WHERE d.ingetrokken = 0 AND NOT EXISTS (SELECT 1 FROM duiding x " \
	"WHERE x.reeks = d.reeks AND x.versie > d.versie) " \
	"AND ($1 = '' OR d.indicator = $1) " \
	"AND ($2 = 0 OR ($2 = 1 AND d.gemeente IS NULL) OR ($2 = 2 AND d.gemeente = $3) " \
	"OR ($2 = 3 AND (d.gemeente IS NULL OR d.gemeente = $3))) " \
	"AND ($4 = '' OR d.periode_einde >= $4) AND ($5 = '' OR d.periode_begin <= $5) "

static const struct sql_stmt duidingen_huidig = {
	"duidingen_huidig",
	KOLOMMEN HUIDIG_WAAR "ORDER BY d.periode_begin DESC, COALESCE(d.gemeente, ''), "
	"d.indicator, d.reeks DESC LIMIT $6 OFFSET $7",
};
static const struct sql_stmt duidingen_telling = {
	"duidingen_telling", "SELECT count(*) FROM duiding d " HUIDIG_WAAR,
};

_Static_assert(DUIDING_OVERAL == 0 && DUIDING_REGIO == 1 && DUIDING_GEMEENTE == 2 &&
	       DUIDING_GEMEENTE_EN_REGIO == 3, "HUIDIG_WAAR spells the plek as these numbers");

const char *duiding_indicator_label(const char *sleutel)
{
	if (!sleutel)
		return NULL;
	for (size_t i = 0; i < duiding_indicatoren_n; i++)
		if (strcmp(duiding_indicatoren[i].sleutel, sleutel) == 0)
			return duiding_indicatoren[i].label;
	return NULL;
}

static bool cijfers(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

int duiding_periode_lees(const char *s, dag_t *begin, dag_t *einde)
{
	size_t len = s ? strlen(s) : 0;
	int jaar, m1, m2;

	if ((len != 4 && len != 7) || !cijfers(s, 4))
		return -1;
	jaar = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	if (jaar < 2000 || jaar > 2099)
		return -1;
	if (len == 4) {
		m1 = 1;
		m2 = 12;
	} else if (s[4] != '-') {
		return -1;
	} else if (s[5] == 'K') {
		if (s[6] < '1' || s[6] > '4')
			return -1;
		m1 = (s[6] - '1') * 3 + 1;
		m2 = m1 + 2;
	} else {
		if (!cijfers(s + 5, 2))
			return -1;
		m1 = m2 = (s[5] - '0') * 10 + (s[6] - '0');
		if (m1 < 1 || m1 > 12)
			return -1;
	}
	*begin = datum_van(jaar, m1, 1);
	*einde = datum_maand_eind(datum_van(jaar, m2, 1));
	return 0;
}

long duiding_tekens(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	long n = 0;

	while (*p) {
		int k = *p < 0x80 ? 0 : (*p & 0xE0) == 0xC0 ? 1 : (*p & 0xF0) == 0xE0 ? 2
			: (*p & 0xF8) == 0xF0 ? 3 : -1;

		if (k < 0 || (k == 1 && *p < 0xC2) || *p == 0x7F ||
		    (*p < 0x20 && *p != '\t' && *p != '\r' && *p != '\n'))
			return -1;
		for (int i = 1; i <= k; i++)
			if ((p[i] & 0xC0) != 0x80)
				return -1;
		p += k + 1;
		n++;
	}
	return n;
}

char *duiding_tijd(const char *iso, char out[17])
{
	struct tm tm = { 0 }, lt;
	time_t t;
	char z = 0;

	if (!iso || strlen(iso) != 20 ||
	    sscanf(iso, "%4d-%2d-%2dT%2d:%2d:%2d%c", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
		   &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &z) != 7 || z != 'Z') {
		snprintf(out, 17, "%s", iso ? iso : "");
		return out;
	}
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	t = timegm(&tm);
	if (!localtime_r(&t, &lt) || strftime(out, 17, "%Y-%m-%d %H:%M", &lt) == 0)
		snprintf(out, 17, "%.16s", iso);
	return out;
}

char *duiding_ondertekening(const struct duiding *d, char *out, size_t n)
{
	char t[17];

	snprintf(out, n, "%s (%s), %s", d->auteur, d->namens[0] ? d->namens : d->auteur_rol,
		 duiding_tijd(d->aangemaakt, t));
	return out;
}

static void vul(struct rij *r, void *e)
{
	struct duiding *d = e;

	d->id = rij_getal(r);
	d->reeks = rij_getal(r);
	d->versie = rij_getal(r);
	rij_tekst(r, d->indicator, sizeof d->indicator);
	rij_tekst(r, d->gemeente, sizeof d->gemeente);
	rij_tekst(r, d->gemeente_naam, sizeof d->gemeente_naam);
	rij_tekst(r, d->periode, sizeof d->periode);
	d->periode_begin = rij_datum(r);
	d->periode_einde = rij_datum(r);
	d->ingetrokken = rij_getal(r) != 0;
	rij_tekst(r, d->tekst, sizeof d->tekst);
	rij_tekst(r, d->auteur, sizeof d->auteur);
	rij_tekst(r, d->auteur_rol, sizeof d->auteur_rol);
	rij_tekst(r, d->namens, sizeof d->namens);
	rij_tekst(r, d->aangemaakt, sizeof d->aangemaakt);
	rij_tekst(r, d->eerst_aangemaakt, sizeof d->eerst_aangemaakt);
}

static void b_txt(struct store *st, struct db_stmt *s, int pos, const char *v, int *rc)
{
	if (*rc >= 0)
		*rc = st->drv->bind_text(s, pos, v ? v : "");
}

/* The writers' lock (see DUIDING_SLOT_SLEUTEL). */
static int slot(struct store *st)
{
	struct db_stmt *s;
	int rc = 0;

	switch (st->drv->dialect) {
	case DB_DIALECT_SQLITE:
		return 0;
	case DB_DIALECT_POSTGRES:
		break;
	}
	if (!(s = st->drv->prepare(st->conn, &duiding_slot_maak)))
		return rij_fout(st, -2);
	b_txt(st, s, 1, DUIDING_SLOT_SLEUTEL, &rc);
	if ((rc = rij_klaar(st, s, rc)) < 0)
		return rc;
	if (!(s = st->drv->prepare(st->conn, &duiding_slot_postgres)))
		return rij_fout(st, -2);
	b_txt(st, s, 1, DUIDING_SLOT_SLEUTEL, &rc);
	if (rc >= 0)
		rc = st->drv->step(s);
	st->drv->reset(s);
	return rij_fout(st, rc < 0 ? rc : 0);
}

/* One number from a statement without parameters, or with text $1. */
static int een_getal(struct store *st, const struct sql_stmt *q, const char *p1, int64_t *uit)
{
	struct db_stmt *s = st->drv->prepare(st->conn, q);
	int rc = 0;

	*uit = 0;
	if (!s)
		return rij_fout(st, -2);
	if (p1)
		b_txt(st, s, 1, p1, &rc);
	if (rc >= 0)
		rc = st->drv->step(s);
	if (rc == 1)
		*uit = st->drv->column_int64(s, 0);
	st->drv->reset(s);
	return rij_fout(st, rc);
}

/* The text of a version: 1 .. DUIDING_TEKST_MAX characters (leeg_mag: or
 * none at all). 0, or -2 with the message. */
static int tekst_controle(struct store *st, const char *tekst, bool leeg_mag)
{
	long n = tekst ? duiding_tekens(tekst) : 0;

	if (n < 0 || n > DUIDING_TEKST_MAX || (n == 0 && !leeg_mag))
		return store_set_error(st, "duiding: de tekst moet 1 tot en met %d tekens gewone "
				       "tekst zijn", DUIDING_TEKST_MAX);
	return 0;
}

static int auteur_controle(struct store *st, const struct duiding_auteur *a)
{
	if (!a || !a->naam || !a->naam[0] || !a->rol || !a->rol[0] || !a->tijd ||
	    strlen(a->tijd) != 20)
		return store_set_error(st, "duiding: auteur, rol en tijd zijn verplicht");
	return 0;
}

int store_duiding_nieuw(struct store *st, const char *indicator, const char *gemeente,
			const char *periode, const char *tekst, const struct duiding_auteur *a,
			int64_t *reeks)
{
	char b1[11], b2[11];
	dag_t begin, einde;
	struct db_stmt *s;
	int64_t id, bestaat;
	int rc = 0;

	*reeks = 0;
	if (!duiding_indicator_label(indicator))
		return store_set_error(st, "duiding: onbekende indicator '%s'",
				       indicator ? indicator : "");
	if (duiding_periode_lees(periode, &begin, &einde) < 0)
		return store_set_error(st, "duiding: periode '%s' is geen JJJJ, JJJJ-Kn of JJJJ-MM",
				       periode ? periode : "");
	if ((rc = tekst_controle(st, tekst, false)) < 0 || (rc = auteur_controle(st, a)) < 0)
		return rc;
	if ((rc = slot(st)) < 0)
		return rc;
	if (gemeente && gemeente[0]) {
		if ((rc = een_getal(st, &duiding_gemeente_bestaat, gemeente, &bestaat)) < 0)
			return rc;
		if (rc == 0)
			return store_set_error(st, "duiding: gemeente %s bestaat niet", gemeente);
	}
	if ((rc = een_getal(st, &duiding_volgend_id, NULL, &id)) < 0)
		return rc;
	if (!(s = st->drv->prepare(st->conn, &duiding_insert_nieuw)))
		return rij_fout(st, -2);
	rc = 0;
	rij_bind_getal(st, s, 1, id, &rc);
	b_txt(st, s, 2, indicator, &rc);
	rij_bind_tekst_of_null(st, s, 3, gemeente, &rc);
	b_txt(st, s, 4, periode, &rc);
	rij_bind_dag(st, s, 5, begin, b1, &rc);
	rij_bind_dag(st, s, 6, einde, b2, &rc);
	b_txt(st, s, 7, tekst, &rc);
	b_txt(st, s, 8, a->naam, &rc);
	b_txt(st, s, 9, a->rol, &rc);
	rij_bind_tekst_of_null(st, s, 10, a->namens, &rc);
	b_txt(st, s, 11, a->tijd, &rc);
	if ((rc = rij_klaar(st, s, rc)) < 0)
		return rc;
	*reeks = id;
	return 0;
}

int store_duiding_versie(struct store *st, int64_t reeks, int64_t na_versie, const char *tekst,
			 bool intrekken, const struct duiding_auteur *a,
			 enum duiding_uitkomst *uitkomst)
{
	struct duiding *nu = malloc(sizeof *nu);
	struct db_stmt *s;
	int64_t id;
	int rc;

	*uitkomst = DUIDING_ONBEKEND;
	if (!nu)
		return store_set_error(st, "onvoldoende geheugen voor een duiding");
	if ((rc = tekst_controle(st, tekst, intrekken)) < 0 || (rc = auteur_controle(st, a)) < 0 ||
	    (rc = slot(st)) < 0 || (rc = store_duiding_huidig(st, reeks, nu)) <= 0)
		goto uit;
	if (nu->ingetrokken) {
		*uitkomst = DUIDING_AL_INGETROKKEN;
		rc = 0;
		goto uit;
	}
	if (nu->versie != na_versie) {
		*uitkomst = DUIDING_VEROUDERD;
		rc = 0;
		goto uit;
	}
	if ((rc = een_getal(st, &duiding_volgend_id, NULL, &id)) < 0)
		goto uit;
	if (!(s = st->drv->prepare(st->conn, &duiding_insert_versie))) {
		rc = rij_fout(st, -2);
		goto uit;
	}
	rc = 0;
	rij_bind_getal(st, s, 1, id, &rc);
	rij_bind_tekst_of_null(st, s, 2, tekst, &rc);
	rij_bind_getal(st, s, 3, intrekken ? 1 : 0, &rc);
	b_txt(st, s, 4, a->naam, &rc);
	b_txt(st, s, 5, a->rol, &rc);
	rij_bind_tekst_of_null(st, s, 6, a->namens, &rc);
	b_txt(st, s, 7, a->tijd, &rc);
	rij_bind_getal(st, s, 8, nu->id, &rc);
	if ((rc = rij_klaar(st, s, rc)) >= 0) {
		*uitkomst = DUIDING_GEDAAN;
		rc = 0;
	}
uit:
	free(nu);
	return rc < 0 ? rc : 0;
}

int store_duiding_huidig(struct store *st, int64_t reeks, struct duiding *out)
{
	struct db_stmt *s = st->drv->prepare(st->conn, &duiding_huidig_een);
	int rc = 0;

	memset(out, 0, sizeof *out);
	if (!s)
		return rij_fout(st, -2);
	rij_bind_getal(st, s, 1, reeks, &rc);
	if (rc >= 0)
		rc = st->drv->step(s);
	if (rc == 1) {
		struct rij r = { st, s, &duiding_huidig_een, 0, 0 };

		vul(&r, out);
		if (r.rc < 0)
			rc = r.rc;
	}
	st->drv->reset(s);
	return rij_fout(st, rc);
}

int store_duiding_historie(struct store *st, int64_t reeks, struct duiding **out, size_t *n)
{
	struct db_stmt *s = st->drv->prepare(st->conn, &duiding_historie);
	int rc = 0;

	*out = NULL;
	*n = 0;
	if (!s)
		return rij_fout(st, -2);
	rij_bind_getal(st, s, 1, reeks, &rc);
	if (rc < 0) {
		st->drv->reset(s);
		return rij_fout(st, rc);
	}
	return rij_alle(st, &duiding_historie, s, sizeof **out, vul, (void **)out, n);
}

/* Bind $1 .. $5 of HUIDIG_WAAR from f (d1, d2: the date texts). */
static void bind_filter(struct store *st, struct db_stmt *s, const struct duiding_filter *f,
			char d1[11], char d2[11], int *rc)
{
	b_txt(st, s, 1, f->indicator, rc);
	rij_bind_getal(st, s, 2, (int64_t)f->plek, rc);
	b_txt(st, s, 3, f->plek == DUIDING_GEMEENTE || f->plek == DUIDING_GEMEENTE_EN_REGIO ?
		  f->gemeente : "", rc);
	b_txt(st, s, 4, f->van == DAG_GEEN ? "" : datum_fmt(f->van, d1), rc);
	b_txt(st, s, 5, f->tot == DAG_GEEN ? "" : datum_fmt(f->tot, d2), rc);
}

int store_duidingen(struct store *st, const struct duiding_filter *f, struct duiding **out,
		    size_t *n, int64_t *totaal)
{
	char d1[11], d2[11];
	struct db_stmt *s;
	int rc = 0;

	*out = NULL;
	*n = 0;
	if (totaal) {
		*totaal = 0;
		if (!(s = st->drv->prepare(st->conn, &duidingen_telling)))
			return rij_fout(st, -2);
		bind_filter(st, s, f, d1, d2, &rc);
		if (rc >= 0)
			rc = st->drv->step(s);
		if (rc == 1)
			*totaal = st->drv->column_int64(s, 0);
		st->drv->reset(s);
		if (rc < 0)
			return rij_fout(st, rc);
		rc = 0;
	}
	if (!(s = st->drv->prepare(st->conn, &duidingen_huidig)))
		return rij_fout(st, -2);
	bind_filter(st, s, f, d1, d2, &rc);
	rij_bind_getal(st, s, 6, f->limiet > 0 ? f->limiet : INT64_MAX, &rc);
	rij_bind_getal(st, s, 7, f->offset > 0 ? f->offset : 0, &rc);
	if (rc < 0) {
		st->drv->reset(s);
		return rij_fout(st, rc);
	}
	return rij_alle(st, &duidingen_huidig, s, sizeof **out, vul, (void **)out, n);
}
