/* ijw_store: see ijw_store.h. */
#include "store/ijw_store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/datum.h"
#include "store/driver.h"
#include "store/maandcijfers_store.h"
#include "store/rij.h"
#include "store/store.h"
#include "store/store_intern.h"

/* The meta row that store_ijw_slot locks on PostgreSQL. */
#define IJW_SLOT_SLEUTEL "ijw.slot"

static const struct sql_stmt ijw_slot_maak = {
	"ijw_slot_maak",
	"INSERT INTO meta (sleutel, waarde) VALUES ($1, 'ijw') ON CONFLICT (sleutel) DO NOTHING",
};
static const struct sql_stmt ijw_slot_postgres = {
	"ijw_slot_postgres", "SELECT waarde FROM meta WHERE sleutel = $1 FOR UPDATE",
};

static const struct sql_stmt volgend_id[] = {
	[IJW_TABEL_BERICHT] = { "ijw_volgend_bericht",
				"SELECT COALESCE(max(id), 0) + 1 FROM ijw_bericht" },
	[IJW_TABEL_TRAJECT] = { "ijw_volgend_traject",
				"SELECT COALESCE(max(id), 0) + 1 FROM traject" },
	[IJW_TABEL_DECLARATIE] = { "ijw_volgend_declaratie",
				   "SELECT COALESCE(max(id), 0) + 1 FROM declaratie" },
	[IJW_TABEL_PRESTATIE] = { "ijw_volgend_prestatie",
				  "SELECT COALESCE(max(id), 0) + 1 FROM prestatie" },
	[IJW_TABEL_VERZOEK] = { "ijw_volgend_verzoek",
				"SELECT COALESCE(max(id), 0) + 1 FROM ijw_verzoek" },
};

static const struct sql_stmt ijw_bericht_zoek = {
	"ijw_bericht_zoek",
	"SELECT id, status, retour_xml FROM ijw_bericht WHERE afzender = $1 AND "
	"identificatie = $2 AND soort = $3 AND status NOT IN ('afgekeurd_xsd', 'geweigerd')",
};
static const struct sql_stmt ijw_bericht_insert = {
	"ijw_bericht_insert",
	"INSERT INTO ijw_bericht (id, richting, soort, afzender, ontvanger, identificatie, "
	"dagtekening, ontvangen_op, status, agb, gemeente, jeugdige_id, xml, retour_xml, "
	"retour_identificatie) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, "
	"$13, $14, $15)",
};
static const struct sql_stmt ijw_bevinding_insert = {
	"ijw_bevinding_insert",
	"INSERT INTO ijw_bevinding (bericht_id, nr, code, retourcode, pad, melding) "
	"VALUES ($1, $2, $3, $4, $5, $6)",
};
static const struct sql_stmt ijw_bevindingen = {
	"ijw_bevindingen",
	"SELECT code, pad, melding FROM ijw_bevinding WHERE bericht_id = $1 ORDER BY nr",
};
static const struct sql_stmt ijw_toewijzing = {
	"ijw_toewijzing",
	"SELECT nummer, jeugdige_id, agb, gemeente, categorie, productcode, toewijzingsdatum, "
	"ingangsdatum, einddatum, volume, eenheid, frequentie, budget, reden_wijziging, "
	"verwijzing_id FROM toewijzing WHERE nummer = $1",
};
static const struct sql_stmt ijw_jeugdige = {
	"ijw_jeugdige",
	"SELECT id, bsn, geboortedatum, geslacht, voornamen, achternaam, gezin_id "
	"FROM jeugdige WHERE id = $1",
};
static const struct sql_stmt ijw_jeugdige_van_aanbieder = {
	"ijw_jeugdige_van_aanbieder",
	"SELECT j.id FROM jeugdige j WHERE j.bsn = $1 AND EXISTS (SELECT 1 FROM toewijzing t "
	"WHERE t.jeugdige_id = j.id AND t.agb = $2)",
};
static const struct sql_stmt ijw_jeugdige_bsn = {
	"ijw_jeugdige_bsn", "SELECT id FROM jeugdige WHERE bsn = $1 AND geboortedatum = $2",
};
static const struct sql_stmt ijw_traject_van_toewijzing = {
	"ijw_traject_van_toewijzing",
	"SELECT id, jeugdige_id, toewijzing_nummer, agb, team_id, gemeente, segment, categorie, "
	"productcode, groep, verwijzing_id, status, aanmelddatum, intakedatum, begindatum, "
	"einddatum, reden_beeindiging, overbrugging, veiligheidssignaal "
	"FROM traject WHERE toewijzing_nummer = $1 ORDER BY id DESC LIMIT 1",
};
static const struct sql_stmt ijw_traject_zet = {
	"ijw_traject_zet",
	"UPDATE traject SET status = $2, begindatum = $3, einddatum = $4, "
	"reden_beeindiging = $5 WHERE id = $1",
};
static const struct sql_stmt ijw_declaratie_nummer_telt = {
	"ijw_declaratie_nummer_telt",
	"SELECT count(*) FROM declaratie WHERE agb = $1 AND nummer = $2",
};
static const struct sql_stmt ijw_prestatie_referentie_telt = {
	"ijw_prestatie_referentie_telt",
	"SELECT count(*) FROM prestatie p JOIN declaratie d ON d.id = p.declaratie_id "
	"WHERE d.agb = $1 AND p.referentie = $2 AND p.goedgekeurd = 1",
};
/* TR418, TR341: the tariffs of the aanbieder's contracts for the product
 * and year; store_ijw_contracttarief takes the newest contract when two
 * overlap. Picked in C, not by ORDER BY: the sort of these few rows cost
 * SQLite a temporary B-tree per Prestatie. */
static const struct sql_stmt ijw_contracttarief = {
	"ijw_contracttarief",
	"SELECT t.bedrag, t.eenheid, c.begindatum, c.id FROM tarief t "
	"JOIN contract c ON c.id = t.contract_id "
	"WHERE c.agb = $1 AND t.productcode = $2 AND t.jaar = $3",
};
/* TR318: the latest declaratieperiode of the aanbieder at the gemeente. */
static const struct sql_stmt ijw_vorige_declaratieperiode = {
	"ijw_vorige_declaratieperiode",
	"SELECT max(periode_begin) FROM declaratie WHERE agb = $1 AND gemeente = $2",
};
/* TR322, TR369: what the approved Prestaties on a toewijzing used, credit
 * subtracted: volume outside minutes, volume in minutes, amount. */
static const struct sql_stmt ijw_toewijzing_verbruik = {
	"ijw_toewijzing_verbruik",
	"SELECT COALESCE(sum(CASE WHEN eenheid = '01' THEN 0 WHEN bedrag < 0 THEN -volume "
	"ELSE volume END), 0), COALESCE(sum(CASE WHEN eenheid <> '01' OR eenheid IS NULL "
	"THEN 0 WHEN bedrag < 0 THEN -volume ELSE volume END), 0), COALESCE(sum(bedrag), 0) "
	"FROM prestatie WHERE toewijzing_nummer = $1 AND goedgekeurd = 1",
};
/* TR323: the approved Prestatie of the aanbieder with this ReferentieNummer. */
static const struct sql_stmt ijw_prestatie_van_referentie = {
	"ijw_prestatie_van_referentie",
	"SELECT p.id, p.toewijzing_nummer, p.categorie, p.productcode, p.periode_begin, "
	"p.periode_eind, p.bedrag FROM prestatie p JOIN declaratie d ON d.id = p.declaratie_id "
	"WHERE d.agb = $1 AND p.referentie = $2 AND p.goedgekeurd = 1 ORDER BY p.id DESC LIMIT 1",
};
/* TR389, TR390: the newest approved Prestatie on the key (toewijzing,
 * ProductPeriode, categorie, code) of the aanbieder. */
static const struct sql_stmt ijw_prestatie_laatste = {
	"ijw_prestatie_laatste",
	"SELECT p.id, p.bedrag FROM prestatie p JOIN declaratie d ON d.id = p.declaratie_id "
	"WHERE p.toewijzing_nummer = $1 AND p.periode_begin = $2 AND p.periode_eind = $3 "
	"AND COALESCE(p.categorie, '') = $4 AND COALESCE(p.productcode, '') = $5 "
	"AND d.agb = $6 AND p.goedgekeurd = 1 ORDER BY p.id DESC LIMIT 1",
};
static const struct sql_stmt ijw_verzoek_referentie_telt = {
	"ijw_verzoek_referentie_telt",
	"SELECT count(*) FROM ijw_verzoek WHERE agb = $1 AND referentie_aanbieder = $2",
};
static const struct sql_stmt ijw_verzoek_open_telt = {
	"ijw_verzoek_open_telt",
	"SELECT count(*) FROM ijw_verzoek WHERE agb = $1 AND bsn = $2 "
	"AND status IN ('open', 'in_onderzoek')",
};
static const struct sql_stmt ijw_verzoek_insert = {
	"ijw_verzoek_insert",
	"INSERT INTO ijw_verzoek (id, bericht_id, soort, agb, gemeente, bsn, jeugdige_id, "
	"referentie_aanbieder, dagtekening, status) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, "
	"$9, 'open')",
};

/* ---- binding and reading ---------------------------------------------- */

static dag_t dag(struct store *st, struct db_stmt *s, int col)
{
	const char *v = st->drv->column_text(s, col);
	dag_t d;

	if (!v || datum_parse(v, &d) < 0)
		return DAG_GEEN;
	return d;
}

/* A count(*) with text parameters $1, $2. */
static int telt(struct store *st, const struct sql_stmt *q, const char *a, const char *b)
{
	struct db_stmt *s = st->drv->prepare(st->conn, q);
	int rc = 0;

	if (!s)
		return rij_fout(st, -2);
	rij_bind_tekst_of_null(st, s, 1, a, &rc);
	rij_bind_tekst_of_null(st, s, 2, b, &rc);
	if (rc >= 0)
		rc = st->drv->step(s);
	if (rc == 1) {
		int64_t n = st->drv->column_int64(s, 0);
		rc = n > 1000000 ? 1000000 : (int)n;
	}
	st->drv->reset(s);
	return rij_fout(st, rc);
}

/* ---- the lock and ids -------------------------------------------------- */

int store_ijw_slot(struct store *st)
{
	struct db_stmt *s;
	int rc = 0;

	if (st->drv->dialect == DB_DIALECT_SQLITE)
		return 0;
	s = st->drv->prepare(st->conn, &ijw_slot_maak);
	if (!s)
		return rij_fout(st, -2);
	rij_bind_tekst_of_null(st, s, 1, IJW_SLOT_SLEUTEL, &rc);
	if ((rc = rij_klaar(st, s, rc)) < 0)
		return rc;
	s = st->drv->prepare(st->conn, &ijw_slot_postgres);
	if (!s)
		return rij_fout(st, -2);
	rij_bind_tekst_of_null(st, s, 1, IJW_SLOT_SLEUTEL, &rc);
	return rij_klaar(st, s, rc);
}

int store_ijw_volgend_id(struct store *st, enum ijw_tabel t, int64_t *id)
{
	struct db_stmt *s = st->drv->prepare(st->conn, &volgend_id[t]);
	int rc;

	if (!s)
		return rij_fout(st, -2);
	rc = st->drv->step(s);
	if (rc == 1)
		*id = st->drv->column_int64(s, 0);
	st->drv->reset(s);
	return rij_fout(st, rc < 0 ? rc : 0);
}

/* ---- inbox -------------------------------------------------------------- */

int store_ijw_bericht_zoek(struct store *st, const char *afzender, const char *identificatie,
			   const char *soort, int64_t *id, char status[IJW_STATUS_LEN],
			   char **retour_xml)
{
	struct db_stmt *s = st->drv->prepare(st->conn, &ijw_bericht_zoek);
	int rc = 0;

	*retour_xml = NULL;
	if (!s)
		return rij_fout(st, -2);
	rij_bind_tekst_of_null(st, s, 1, afzender, &rc);
	rij_bind_tekst_of_null(st, s, 2, identificatie, &rc);
	rij_bind_tekst_of_null(st, s, 3, soort, &rc);
	if (rc >= 0)
		rc = st->drv->step(s);
	if (rc == 1) {
		const char *x = st->drv->column_text(s, 2);

		*id = st->drv->column_int64(s, 0);
		rij_kolom_tekst(st, s, 1, status, IJW_STATUS_LEN);
		if (x && !(*retour_xml = strdup(x))) {
			st->drv->reset(s);
			return store_set_error(st, "onvoldoende geheugen voor een retourbericht");
		}
	}
	st->drv->reset(s);
	return rij_fout(st, rc);
}

int store_ijw_bericht_insert(struct store *st, const struct ijw_inbox *r)
{
	struct db_stmt *s = st->drv->prepare(st->conn, &ijw_bericht_insert);
	char d[11];
	int rc = 0;

	if (!s)
		return rij_fout(st, -2);
	rij_bind_getal(st, s, 1, r->id, &rc);
	rij_bind_tekst_of_null(st, s, 2, r->richting, &rc);
	rij_bind_tekst_of_null(st, s, 3, r->soort, &rc);
	rij_bind_tekst_of_null(st, s, 4, r->afzender, &rc);
	rij_bind_tekst_of_null(st, s, 5, r->ontvanger, &rc);
	rij_bind_tekst_of_null(st, s, 6, r->identificatie, &rc);
	rij_bind_dag(st, s, 7, r->dagtekening, d, &rc);
	rij_bind_tekst_of_null(st, s, 8, r->ontvangen_op, &rc);
	rij_bind_tekst_of_null(st, s, 9, r->status, &rc);
	rij_bind_tekst_of_null(st, s, 10, r->agb, &rc);
	rij_bind_tekst_of_null(st, s, 11, r->gemeente, &rc);
	rij_bind_id(st, s, 12, r->jeugdige_id, &rc);
	rij_bind_tekst_of_null(st, s, 13, r->xml, &rc);
	rij_bind_tekst_of_null(st, s, 14, r->retour_xml, &rc);
	rij_bind_tekst_of_null(st, s, 15, r->retour_identificatie, &rc);
	return rij_klaar(st, s, rc);
}

int store_ijw_bevinding_insert(struct store *st, int64_t bericht_id, int nr,
			       const struct ijw_bevinding *b, const char *retourcode)
{
	struct db_stmt *s = st->drv->prepare(st->conn, &ijw_bevinding_insert);
	int rc = 0;

	if (!s)
		return rij_fout(st, -2);
	rij_bind_getal(st, s, 1, bericht_id, &rc);
	rij_bind_getal(st, s, 2, nr, &rc);
	rij_bind_tekst_of_null(st, s, 3, b->code, &rc);
	rij_bind_tekst_of_null(st, s, 4, retourcode, &rc);
	/* pad and melding are NOT NULL: an empty one is bound as "". */
	if (rc >= 0)
		rc = st->drv->bind_text(s, 5, b->pad);
	if (rc >= 0)
		rc = st->drv->bind_text(s, 6, b->melding);
	return rij_klaar(st, s, rc);
}

int store_ijw_bevindingen(struct store *st, int64_t id, struct ijw_bevinding **uit, size_t *n)
{
	struct db_stmt *s = st->drv->prepare(st->conn, &ijw_bevindingen);
	struct ijw_bevinding *arr = NULL;
	size_t cnt = 0, cap = 0;
	int rc = 0;

	*uit = NULL;
	*n = 0;
	if (!s)
		return rij_fout(st, -2);
	rij_bind_getal(st, s, 1, id, &rc);
	while (rc >= 0 && (rc = st->drv->step(s)) == 1) {
		if (cnt == cap) {
			size_t nc = cap ? cap * 2 : 8;
			struct ijw_bevinding *p = realloc(arr, nc * sizeof *p);

			if (!p) {
				st->drv->reset(s);
				free(arr);
				return store_set_error(st, "onvoldoende geheugen voor bevindingen");
			}
			arr = p;
			cap = nc;
		}
		memset(&arr[cnt], 0, sizeof arr[cnt]);
		rij_kolom_tekst(st, s, 0, arr[cnt].code, sizeof arr[cnt].code);
		rij_kolom_tekst(st, s, 1, arr[cnt].pad, sizeof arr[cnt].pad);
		rij_kolom_tekst(st, s, 2, arr[cnt].melding, sizeof arr[cnt].melding);
		cnt++;
	}
	st->drv->reset(s);
	if (rc < 0) {
		free(arr);
		return rij_fout(st, rc);
	}
	*uit = arr;
	*n = cnt;
	return 0;
}

/* ---- the record -------------------------------------------------------- */

int store_ijw_toewijzing(struct store *st, int64_t nummer, struct toewijzing *t)
{
	struct db_stmt *s = st->drv->prepare(st->conn, &ijw_toewijzing);
	int rc = 0;

	if (!s)
		return rij_fout(st, -2);
	rij_bind_getal(st, s, 1, nummer, &rc);
	if (rc >= 0)
		rc = st->drv->step(s);
	if (rc == 1) {
		memset(t, 0, sizeof *t);
		t->nummer = st->drv->column_int64(s, 0);
		t->jeugdige_id = st->drv->column_int64(s, 1);
		rij_kolom_tekst(st, s, 2, t->agb, sizeof t->agb);
		rij_kolom_tekst(st, s, 3, t->gemeente, sizeof t->gemeente);
		rij_kolom_tekst(st, s, 4, t->categorie, sizeof t->categorie);
		rij_kolom_tekst(st, s, 5, t->productcode, sizeof t->productcode);
		t->toewijzingsdatum = dag(st, s, 6);
		t->ingangsdatum = dag(st, s, 7);
		t->einddatum = dag(st, s, 8);
		t->volume = st->drv->column_int64(s, 9);
		rij_kolom_tekst(st, s, 10, t->eenheid, sizeof t->eenheid);
		rij_kolom_tekst(st, s, 11, t->frequentie, sizeof t->frequentie);
		t->budget = st->drv->column_int64(s, 12);
		rij_kolom_tekst(st, s, 13, t->reden_wijziging, sizeof t->reden_wijziging);
		t->verwijzing_id = st->drv->column_int64(s, 14);
	}
	st->drv->reset(s);
	return rij_fout(st, rc);
}

int store_ijw_jeugdige(struct store *st, int64_t id, struct jeugdige *j)
{
	struct db_stmt *s = st->drv->prepare(st->conn, &ijw_jeugdige);
	int rc = 0;

	if (!s)
		return rij_fout(st, -2);
	rij_bind_getal(st, s, 1, id, &rc);
	if (rc >= 0)
		rc = st->drv->step(s);
	if (rc == 1) {
		memset(j, 0, sizeof *j);
		j->id = st->drv->column_int64(s, 0);
		rij_kolom_tekst(st, s, 1, j->bsn, sizeof j->bsn);
		j->geboortedatum = dag(st, s, 2);
		j->geslacht = (int)st->drv->column_int64(s, 3);
		rij_kolom_tekst(st, s, 4, j->voornamen, sizeof j->voornamen);
		rij_kolom_tekst(st, s, 5, j->achternaam, sizeof j->achternaam);
		j->gezin_id = st->drv->column_int64(s, 6);
	}
	st->drv->reset(s);
	return rij_fout(st, rc);
}

int store_ijw_jeugdige_van_aanbieder(struct store *st, const char *bsn, const char *agb,
				     int64_t *id)
{
	struct db_stmt *s = st->drv->prepare(st->conn, &ijw_jeugdige_van_aanbieder);
	int rc = 0;

	if (!s)
		return rij_fout(st, -2);
	rij_bind_tekst_of_null(st, s, 1, bsn, &rc);
	rij_bind_tekst_of_null(st, s, 2, agb, &rc);
	if (rc >= 0)
		rc = st->drv->step(s);
	if (rc == 1)
		*id = st->drv->column_int64(s, 0);
	st->drv->reset(s);
	return rij_fout(st, rc);
}

int store_ijw_jeugdige_bsn(struct store *st, const char *bsn, dag_t geboortedatum, int64_t *id)
{
	struct db_stmt *s = st->drv->prepare(st->conn, &ijw_jeugdige_bsn);
	char d[11];
	int rc = 0;

	if (!s)
		return rij_fout(st, -2);
	rij_bind_tekst_of_null(st, s, 1, bsn, &rc);
	rij_bind_dag(st, s, 2, geboortedatum, d, &rc);
	if (rc >= 0)
		rc = st->drv->step(s);
	if (rc == 1)
		*id = st->drv->column_int64(s, 0);
	st->drv->reset(s);
	return rij_fout(st, rc);
}

int store_ijw_traject_van_toewijzing(struct store *st, int64_t nummer, struct traject *t)
{
	struct db_stmt *s = st->drv->prepare(st->conn, &ijw_traject_van_toewijzing);
	int rc = 0;

	if (!s)
		return rij_fout(st, -2);
	rij_bind_getal(st, s, 1, nummer, &rc);
	if (rc >= 0)
		rc = st->drv->step(s);
	if (rc == 1) {
		int64_t status;

		memset(t, 0, sizeof *t);
		t->id = st->drv->column_int64(s, 0);
		t->jeugdige_id = st->drv->column_int64(s, 1);
		t->toewijzing_nummer = st->drv->column_int64(s, 2);
		rij_kolom_tekst(st, s, 3, t->agb, sizeof t->agb);
		t->team_id = st->drv->column_int64(s, 4);
		rij_kolom_tekst(st, s, 5, t->gemeente, sizeof t->gemeente);
		t->segment = (int)st->drv->column_int64(s, 6);
		rij_kolom_tekst(st, s, 7, t->categorie, sizeof t->categorie);
		rij_kolom_tekst(st, s, 8, t->productcode, sizeof t->productcode);
		t->groep = st->drv->column_int64(s, 9) != 0;
		t->verwijzing_id = st->drv->column_int64(s, 10);
		status = st->drv->column_int64(s, 11);
		t->aanmelddatum = dag(st, s, 12);
		t->intakedatum = dag(st, s, 13);
		t->begindatum = dag(st, s, 14);
		t->einddatum = dag(st, s, 15);
		rij_kolom_tekst(st, s, 16, t->reden_beeindiging, sizeof t->reden_beeindiging);
		t->overbrugging = st->drv->column_int64(s, 17) != 0;
		t->veiligheidssignaal = st->drv->column_int64(s, 18) != 0;
		/* The schema's CHECK keeps status in range; a row from elsewhere
		 * that is not would make an invalid enum value. */
		if (status < 0 || status >= TRAJECT_STATUS_AANTAL) {
			st->drv->reset(s);
			return store_set_error(st, "traject %lld: onbekende status %lld",
					       (long long)t->id, (long long)status);
		}
		t->status = (enum traject_status)status;
	}
	st->drv->reset(s);
	return rij_fout(st, rc);
}

int store_ijw_traject_zet(struct store *st, const struct traject *t)
{
	struct db_stmt *s = st->drv->prepare(st->conn, &ijw_traject_zet);
	struct maandcijfers_tx *mc = NULL;
	char d1[11], d2[11];
	int rc;

	if (!s)
		return rij_fout(st, -2);
	/* The monthly aggregates change with the trajectory, in this
	 * transaction (maandcijfers_store.h). */
	rc = store_maandcijfers_raak_traject(st, &mc, t->id);
	rc = rc < 0 ? rc : 0;
	rij_bind_getal(st, s, 1, t->id, &rc);
	rij_bind_getal(st, s, 2, (int64_t)t->status, &rc);
	rij_bind_dag(st, s, 3, t->begindatum, d1, &rc);
	rij_bind_dag(st, s, 4, t->einddatum, d2, &rc);
	rij_bind_tekst_of_null(st, s, 5, t->reden_beeindiging, &rc);
	if (rc < 0)
		st->drv->reset(s);
	else
		rc = rij_klaar(st, s, rc);
	return store_maandcijfers_klaar(st, &mc, rc);
}

int store_ijw_declaratie_nummer_telt(struct store *st, const char *agb, const char *nummer)
{
	return telt(st, &ijw_declaratie_nummer_telt, agb, nummer);
}

int store_ijw_prestatie_referentie_telt(struct store *st, const char *agb, const char *ref)
{
	return telt(st, &ijw_prestatie_referentie_telt, agb, ref);
}

int store_ijw_verzoek_referentie_telt(struct store *st, const char *agb, const char *ref)
{
	return telt(st, &ijw_verzoek_referentie_telt, agb, ref);
}

int store_ijw_verzoek_open_telt(struct store *st, const char *agb, const char *bsn)
{
	return telt(st, &ijw_verzoek_open_telt, agb, bsn);
}

int store_ijw_verzoek_insert(struct store *st, const struct ijw_verzoek_rij *v)
{
	struct db_stmt *s = st->drv->prepare(st->conn, &ijw_verzoek_insert);
	char d[11];
	int rc = 0;

	if (!s)
		return rij_fout(st, -2);
	rij_bind_getal(st, s, 1, v->id, &rc);
	rij_bind_getal(st, s, 2, v->bericht_id, &rc);
	rij_bind_tekst_of_null(st, s, 3, v->soort, &rc);
	rij_bind_tekst_of_null(st, s, 4, v->agb, &rc);
	rij_bind_tekst_of_null(st, s, 5, v->gemeente, &rc);
	rij_bind_tekst_of_null(st, s, 6, v->bsn, &rc);
	rij_bind_id(st, s, 7, v->jeugdige_id, &rc);
	rij_bind_tekst_of_null(st, s, 8, v->referentie_aanbieder, &rc);
	rij_bind_dag(st, s, 9, v->dagtekening, d, &rc);
	return rij_klaar(st, s, rc);
}

int store_ijw_contracttarief(struct store *st, const char *agb, const char *productcode, int jaar,
			     int64_t *bedrag, char eenheid[CODE2_LEN])
{
	struct db_stmt *s = st->drv->prepare(st->conn, &ijw_contracttarief);
	char begin[11] = "", beste_begin[11] = "";
	int64_t beste_id = 0;
	int rc = 0, gevonden = 0;

	if (!s)
		return rij_fout(st, -2);
	rij_bind_tekst_of_null(st, s, 1, agb, &rc);
	rij_bind_tekst_of_null(st, s, 2, productcode, &rc);
	rij_bind_getal(st, s, 3, jaar, &rc);
	while (rc >= 0 && (rc = st->drv->step(s)) == 1) {
		int64_t id = st->drv->column_int64(s, 3);
		int c;

		rij_kolom_tekst(st, s, 2, begin, sizeof begin);
		c = strcmp(begin, beste_begin);
		if (gevonden && (c < 0 || (c == 0 && id < beste_id)))
			continue;
		gevonden = 1;
		memcpy(beste_begin, begin, sizeof begin);
		beste_id = id;
		*bedrag = st->drv->column_int64(s, 0);
		rij_kolom_tekst(st, s, 1, eenheid, CODE2_LEN);
	}
	st->drv->reset(s);
	return rij_fout(st, rc < 0 ? rc : gevonden);
}

int store_ijw_vorige_declaratieperiode(struct store *st, const char *agb, const char *gemeente,
				       dag_t *begin)
{
	struct db_stmt *s = st->drv->prepare(st->conn, &ijw_vorige_declaratieperiode);
	int rc = 0;

	if (!s)
		return rij_fout(st, -2);
	rij_bind_tekst_of_null(st, s, 1, agb, &rc);
	rij_bind_tekst_of_null(st, s, 2, gemeente, &rc);
	if (rc >= 0)
		rc = st->drv->step(s);
	if (rc == 1) {
		*begin = dag(st, s, 0);
		rc = *begin != DAG_GEEN;
	}
	st->drv->reset(s);
	return rij_fout(st, rc);
}

int store_ijw_toewijzing_verbruik(struct store *st, int64_t nummer, struct ijw_verbruik *v)
{
	struct db_stmt *s = st->drv->prepare(st->conn, &ijw_toewijzing_verbruik);
	int rc = 0;

	if (!s)
		return rij_fout(st, -2);
	memset(v, 0, sizeof *v);
	rij_bind_getal(st, s, 1, nummer, &rc);
	if (rc >= 0)
		rc = st->drv->step(s);
	if (rc == 1) {
		v->volume = st->drv->column_int64(s, 0);
		v->minuten = st->drv->column_int64(s, 1);
		v->bedrag = st->drv->column_int64(s, 2);
		rc = 0;
	}
	st->drv->reset(s);
	return rij_fout(st, rc);
}

static void prestatie_sleutel(struct store *st, struct db_stmt *s, struct prestatie *p)
{
	memset(p, 0, sizeof *p);
	p->id = st->drv->column_int64(s, 0);
	p->toewijzing_nummer = st->drv->column_int64(s, 1);
	rij_kolom_tekst(st, s, 2, p->categorie, sizeof p->categorie);
	rij_kolom_tekst(st, s, 3, p->productcode, sizeof p->productcode);
	p->periode_begin = dag(st, s, 4);
	p->periode_eind = dag(st, s, 5);
	p->bedrag = st->drv->column_int64(s, 6);
}

int store_ijw_prestatie_van_referentie(struct store *st, const char *agb, const char *referentie,
				       struct prestatie *p)
{
	struct db_stmt *s = st->drv->prepare(st->conn, &ijw_prestatie_van_referentie);
	int rc = 0;

	if (!s)
		return rij_fout(st, -2);
	rij_bind_tekst_of_null(st, s, 1, agb, &rc);
	rij_bind_tekst_of_null(st, s, 2, referentie, &rc);
	if (rc >= 0)
		rc = st->drv->step(s);
	if (rc == 1)
		prestatie_sleutel(st, s, p);
	st->drv->reset(s);
	return rij_fout(st, rc);
}

int store_ijw_prestatie_laatste(struct store *st, const char *agb, const struct prestatie *sleutel,
				int64_t *id, int64_t *bedrag)
{
	struct db_stmt *s = st->drv->prepare(st->conn, &ijw_prestatie_laatste);
	char d1[11], d2[11];
	int rc = 0;

	if (!s)
		return rij_fout(st, -2);
	rij_bind_getal(st, s, 1, sleutel->toewijzing_nummer, &rc);
	rij_bind_dag(st, s, 2, sleutel->periode_begin, d1, &rc);
	rij_bind_dag(st, s, 3, sleutel->periode_eind, d2, &rc);
	/* '' is the absent categorie or code (COALESCE in the statement);
	 * b_txt would bind NULL, which equals nothing. */
	if (rc >= 0)
		rc = st->drv->bind_text(s, 4, sleutel->categorie);
	if (rc >= 0)
		rc = st->drv->bind_text(s, 5, sleutel->productcode);
	rij_bind_tekst_of_null(st, s, 6, agb, &rc);
	if (rc >= 0)
		rc = st->drv->step(s);
	if (rc == 1) {
		*id = st->drv->column_int64(s, 0);
		*bedrag = st->drv->column_int64(s, 1);
	}
	st->drv->reset(s);
	return rij_fout(st, rc);
}
