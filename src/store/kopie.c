/* kopie: see kopie.h. */
#include "store/kopie.h"

#include <stdio.h>
#include <string.h>

#include "store/driver.h"
#include "store/rij.h"
#include "store/schema.h"
#include "store/store_intern.h"

#define MAX_KOLOMMEN 40

/* Reading every table: named statements made from the schema's table
 * list (schema_versie excluded; see kopie.h). */
#define KOPIE_LEES(t) { "kopie_lees_" #t, "SELECT * FROM " #t },
static const struct sql_stmt lees_alle[] = { SCHEMA_TABLES(KOPIE_LEES) };
#undef KOPIE_LEES
#define KOPIE_NAAM(t) #t,
static const char *const tabel_namen[] = { SCHEMA_TABLES(KOPIE_NAAM) };
#undef KOPIE_NAAM
#define AANTAL_ALLE (sizeof tabel_namen / sizeof tabel_namen[0])

/* The insert statements need the column count, known only once the
 * table has been read: their text is written here on first use. Static,
 * so that the drivers' statement caches (keyed by address) stay valid. */
static char schrijf_sql[AANTAL_ALLE][64 + MAX_KOLOMMEN * 5];
static char schrijf_naam[AANTAL_ALLE][64];
static struct sql_stmt schrijf_alle[AANTAL_ALLE];

static bool overslaan(size_t i)
{
	return strcmp(tabel_namen[i], "schema_versie") == 0;
}

size_t kopie_tabellen(void)
{
	return AANTAL_ALLE - 1;
}

/* FNV-1a over the columns, each followed by a separator; NULL has its own
 * marker so that NULL and "" differ; finished with splitmix's mixer so
 * that summing row hashes spreads well. */
static uint64_t rij_hash(const struct db_driver *drv, struct db_stmt *s, int n)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	for (int c = 0; c < n; c++) {
		const char *v = drv->column_text(s, c);
		if (!v) {
			h = (h ^ 0xFE) * 0x100000001b3ULL;
		} else {
			for (const unsigned char *p = (const unsigned char *)v; *p; p++)
				h = (h ^ *p) * 0x100000001b3ULL;
		}
		h = (h ^ 0x1F) * 0x100000001b3ULL;
	}
	h ^= h >> 30;
	h *= 0xbf58476d1ce4e5b9ULL;
	h ^= h >> 27;
	h *= 0x94d049bb133111ebULL;
	return h ^ (h >> 31);
}

static int controle_tabel(struct store *st, size_t i, struct tabel_controle *out)
{
	struct db_stmt *s = st->drv->prepare(st->conn, &lees_alle[i]);
	int rc;

	if (!s)
		return rij_fout(st, -2);
	out->tabel = tabel_namen[i];
	out->rijen = 0;
	out->som = 0;
	while ((rc = st->drv->step(s)) == 1) {
		out->rijen++;
		out->som += rij_hash(st->drv, s, st->drv->column_count(s));
	}
	st->drv->reset(s);
	return rc < 0 ? rij_fout(st, rc) : 0;
}

int kopie_controle(struct store *st, struct tabel_controle *out)
{
	bool eigen = !st->drv->in_transaction(st->conn);
	int rc = 0;

	if (eigen && (rc = st->drv->begin_read(st->conn)) < 0)
		return rij_fout(st, rc);
	for (size_t i = 0, k = 0; i < AANTAL_ALLE && rc == 0; i++)
		if (!overslaan(i))
			rc = controle_tabel(st, i, &out[k++]);
	if (eigen) {
		if (rc == 0 && (rc = st->drv->commit(st->conn)) < 0)
			return rij_fout(st, rc);
		if (rc < 0)
			st->drv->rollback(st->conn);
	}
	return rc;
}

static const struct sql_stmt *schrijf_stmt(size_t i, int n)
{
	char *p = schrijf_sql[i];
	size_t cap = sizeof schrijf_sql[i], o;

	o = (size_t)snprintf(p, cap, "INSERT INTO %s VALUES (", tabel_namen[i]);
	for (int c = 1; c <= n; c++)
		o += (size_t)snprintf(p + o, cap - o, "%s$%d", c > 1 ? ", " : "", c);
	snprintf(p + o, cap - o, ")");
	snprintf(schrijf_naam[i], sizeof schrijf_naam[i], "kopie_schrijf_%s", tabel_namen[i]);
	schrijf_alle[i].name = schrijf_naam[i];
	schrijf_alle[i].sql = schrijf_sql[i];
	return &schrijf_alle[i];
}

/* Copy table i row by row; every value travels as text, which both
 * drivers bind into the column's own type. */
static int kopieer_tabel(struct store *van, struct store *naar, size_t i, char *err, size_t errlen)
{
	const struct db_driver *dv = van->drv, *dn = naar->drv;
	struct db_stmt *lees = dv->prepare(van->conn, &lees_alle[i]), *schrijf = NULL;
	int rc, n = -1;

	if (!lees) {
		snprintf(err, errlen, "lezen van %s: %s", tabel_namen[i], dv->error(van->conn));
		return -1;
	}
	while ((rc = dv->step(lees)) == 1) {
		if (!schrijf) {
			n = dv->column_count(lees);
			if (n < 1 || n > MAX_KOLOMMEN) {
				snprintf(err, errlen, "tabel %s: %d kolommen wordt niet ondersteund",
					 tabel_namen[i], n);
				dv->reset(lees);
				return -1;
			}
			schrijf = dn->prepare(naar->conn, schrijf_stmt(i, n));
			if (!schrijf)
				break;
		}
		for (int c = 0; c < n && rc >= 0; c++) {
			const char *v = dv->column_text(lees, c);
			rc = v ? dn->bind_text(schrijf, c + 1, v) : dn->bind_null(schrijf, c + 1);
		}
		if (rc >= 0)
			rc = dn->step(schrijf);
		dn->reset(schrijf);
		if (rc < 0)
			break;
	}
	dv->reset(lees);
	if (rc < 0 || (n > 0 && !schrijf)) {
		const char *m = rc < 0 && n < 0 ? dv->error(van->conn) : dn->error(naar->conn);
		snprintf(err, errlen, "kopiëren van %s: %s", tabel_namen[i], m);
		return -1;
	}
	return 0;
}

int kopie_maak(struct store *van, struct store *naar, struct tabel_controle *per_tabel,
	       char *err, size_t errlen)
{
	size_t n = kopie_tabellen();
	struct tabel_controle bron[AANTAL_ALLE], doel[AANTAL_ALLE];
	int rc;

	if (kopie_controle(naar, doel) < 0) {
		snprintf(err, errlen, "doel: %s", store_error(naar));
		return -1;
	}
	for (size_t k = 0; k < n; k++) {
		/* Migrations write only schema_versie: anything else in the
		 * target is someone's data, never overwritten. */
		if (doel[k].rijen > 0) {
			snprintf(err, errlen, "de doeldatabase is niet leeg (tabel %s heeft %lld rijen); "
					      "kopieer naar een nieuwe, lege database",
				 doel[k].tabel, (long long)doel[k].rijen);
			return -1;
		}
	}
	if (store_schema_version(van) != store_schema_version(naar)) {
		snprintf(err, errlen, "schemaversies verschillen (%d en %d)",
			 store_schema_version(van), store_schema_version(naar));
		return -1;
	}
	if (store_bulk(naar, 1) < 0 || store_begin(naar) < 0) {
		snprintf(err, errlen, "doel: %s", store_error(naar));
		store_bulk(naar, 0);
		return -1;
	}
	rc = van->drv->begin_read(van->conn);
	if (rc < 0) {
		snprintf(err, errlen, "bron: %s", van->drv->error(van->conn));
		goto mis;
	}
	for (size_t i = 0; i < AANTAL_ALLE; i++) {
		if (!overslaan(i) && kopieer_tabel(van, naar, i, err, errlen) < 0) {
			van->drv->rollback(van->conn);
			goto mis;
		}
	}
	if (kopie_controle(van, bron) < 0) {
		snprintf(err, errlen, "bron: %s", store_error(van));
		van->drv->rollback(van->conn);
		goto mis;
	}
	van->drv->commit(van->conn);
	if (kopie_controle(naar, doel) < 0) {
		snprintf(err, errlen, "doel: %s", store_error(naar));
		goto mis;
	}
	for (size_t k = 0; k < n; k++) {
		if (bron[k].rijen != doel[k].rijen || bron[k].som != doel[k].som) {
			snprintf(err, errlen, "controle mislukt voor tabel %s: bron %lld rijen, "
					      "som %016llx; doel %lld rijen, som %016llx",
				 bron[k].tabel, (long long)bron[k].rijen,
				 (unsigned long long)bron[k].som, (long long)doel[k].rijen,
				 (unsigned long long)doel[k].som);
			goto mis;
		}
	}
	if (store_commit(naar) < 0) {
		snprintf(err, errlen, "vastleggen: %s", store_error(naar));
		goto mis;
	}
	store_bulk(naar, 0);
	if (per_tabel)
		memcpy(per_tabel, bron, n * sizeof *bron);
	return 0;
mis:
	store_rollback(naar);
	store_bulk(naar, 0);
	return -1;
}
