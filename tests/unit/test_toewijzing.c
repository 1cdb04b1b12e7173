/* test_toewijzing: ijw_afhandel_eigen (ijw/afhandel.c), the municipality's
 * own toewijzingen, on a small SQLite region: a new toewijzing writes the
 * verwijzing, the toewijzing, the traject and one JW301 together; a change
 * keeps the ToewijzingNummer with its RedenWijziging while the other valid
 * toewijzing is carried without one (OP087, IV099); a refusal by the
 * caller writes nothing; deleting (reden 13) a toewijzing with approved
 * Prestaties breaks TR385 and writes nothing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "domain/datum.h"
#include "ijw/afhandel.h"
#include "store/store.h"
#include "store/verzoek_store.h"

#define AGB "12345678"
#define GEM "0546"

struct fixture {
	char dir[64];
	char path[128];
	struct store *st;
};

/* What the test's bereid() decides. */
struct keuze {
	bool weiger;
	bool nieuw;
	struct toewijzing t;
};

static int regio_tx(struct store *st, void *arg)
{
	struct gemeente g = { .code = GEM, .naam = "Leiden", .inwoners = 1, .jeugdigen_0_17 = 1 };
	struct aanbieder a = { .agb = AGB, .naam = "Zorg BV" };
	struct lokaal_team lt = { .id = 1, .naam = "Team Leiden" };
	struct jeugdige j = { .id = 1, .bsn = "999900006", .geslacht = 2, .voornamen = "Anna",
			      .achternaam = "van der Berg" };
	int rc;

	(void)arg;
	j.geboortedatum = datum_van(2015, 3, 4);
	if ((rc = store_put_gemeente(st, &g)) < 0 || (rc = store_put_aanbieder(st, &a)) < 0 ||
	    (rc = store_put_lokaal_team(st, &lt)) < 0 || (rc = store_put_jeugdige(st, &j)) < 0)
		return rc;
	return 0;
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	char err[256];

	if (!f)
		return -1;
	snprintf(f->dir, sizeof f->dir, "/tmp/jr_toewijzing_XXXXXX");
	if (!mkdtemp(f->dir))
		return -1;
	snprintf(f->path, sizeof f->path, "%s/t.db", f->dir);
	f->st = store_open(f->path, err, sizeof err);
	if (!f->st || store_transaction(f->st, regio_tx, NULL) < 0)
		return -1;
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	char p[160];

	store_close(f->st);
	unlink(f->path);
	snprintf(p, sizeof p, "%s-wal", f->path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", f->path);
	unlink(p);
	rmdir(f->dir);
	free(f);
	return 0;
}

static int bereid(struct store *st, void *arg, struct afhandel_eigen_werk *w,
		  struct afhandel_uitkomst *u)
{
	struct keuze *k = arg;

	(void)st;
	if (k->weiger) {
		u->status = AFHANDEL_ONGELDIG;
		snprintf(u->melding, sizeof u->melding, "geweigerd");
		return 0;
	}
	w->jeugdige_id = 1;
	w->nieuw = k->nieuw;
	w->t = k->t;
	if (k->nieuw) {
		w->met_verwijzing = true;
		w->verwijzing.jeugdige_id = 1;
		w->verwijzing.datum = datum_van(2026, 11, 20);
		snprintf(w->verwijzing.type, sizeof w->verwijzing.type, "01");
		snprintf(w->verwijzing.gemeente, sizeof w->verwijzing.gemeente, GEM);
		w->met_traject = true;
		w->traject_nieuw = true;
		w->traject.jeugdige_id = 1;
		snprintf(w->traject.agb, sizeof w->traject.agb, AGB);
		w->traject.team_id = 1;
		snprintf(w->traject.gemeente, sizeof w->traject.gemeente, GEM);
		w->traject.segment = 4;
		snprintf(w->traject.categorie, sizeof w->traject.categorie, "%s", k->t.categorie);
		w->traject.status = TRAJECT_AANGEMELD;
		w->traject.aanmelddatum = w->verwijzing.datum;
		w->traject.intakedatum = w->traject.begindatum = w->traject.einddatum = DAG_GEEN;
	}
	snprintf(w->object, sizeof w->object, "test");
	return 1;
}

static int audit(struct store *st, void *arg, const char *actie, int64_t jeugdige_id,
		 const char *object)
{
	(void)st;
	(void)arg;
	(void)actie;
	(void)jeugdige_id;
	(void)object;
	return 0;
}

static void doe(struct fixture *f, struct keuze *k, struct afhandel_uitkomst *u)
{
	struct afhandel_eigen o = {
		.bereid = bereid, .arg = k, .vandaag = datum_van(2026, 11, 25), .tijd = "10:11:12",
		.nu = "2026-11-25T09:11:12Z", .audit = audit,
		.adres = { .soort = "01", .straatnaam = "Breestraat", .huisnummer = 1,
			   .postcode = "2311AB", .plaatsnaam = "Leiden", .land_code = "NL" },
	};

	assert_int_equal(ijw_afhandel_eigen(f->st, &o, u), 0);
}

static struct toewijzing product(const char *code, int64_t volume)
{
	struct toewijzing t = { .jeugdige_id = 1, .agb = AGB, .gemeente = GEM, .categorie = "45",
				.volume = volume, .eenheid = "04", .frequentie = "2" };

	snprintf(t.productcode, sizeof t.productcode, "%s", code);
	t.ingangsdatum = datum_van(2026, 12, 1);
	t.einddatum = datum_van(2027, 5, 31);
	return t;
}

struct uit {
	struct verzoek_uit *u;
	size_t n;
};

static int uit_tx(struct store *st, void *arg)
{
	struct uit *x = arg;

	store_verzoek_uit_vrij(x->u, x->n);
	x->u = NULL;
	x->n = 0;
	return store_verzoek_uit_te_exporteren(st, AGB, &x->u, &x->n);
}

/* The text of the n-th outgoing message (0-based), copied. */
static char *bericht(struct fixture *f, size_t i, size_t *n)
{
	struct uit x = { NULL, 0 };
	char *xml = NULL;

	assert_true(store_transaction(f->st, uit_tx, &x) >= 0);
	*n = x.n;
	if (i < x.n)
		xml = strdup(x.u[i].xml);
	store_verzoek_uit_vrij(x.u, x.n);
	return xml;
}

static size_t tel(const char *s, const char *deel)
{
	size_t n = 0;

	for (const char *p = strstr(s, deel); p; p = strstr(p + 1, deel))
		n++;
	return n;
}

static void test_nieuw_en_wijzigen(void **state)
{
	struct fixture *f = *state;
	struct afhandel_uitkomst *u = calloc(1, sizeof *u);
	struct keuze k = { .nieuw = true, .t = product("45A01", 3) };
	size_t n;
	char *xml;

	assert_non_null(u);
	doe(f, &k, u);
	assert_int_equal(u->status, AFHANDEL_GEDAAN);
	assert_int_equal(u->n_toewijzingen, 1);
	assert_int_equal(u->n_berichten, 1);
	assert_int_equal(store_count(f->st, "toewijzing"), 1);
	assert_int_equal(store_count(f->st, "verwijzing"), 1);
	assert_int_equal(store_count(f->st, "traject"), 1);
	xml = bericht(f, 0, &n);
	assert_int_equal(n, 1);
	assert_non_null(strstr(xml, "<ToewijzingNummer>1</ToewijzingNummer>"));
	assert_null(strstr(xml, "RedenWijziging"));
	free(xml);

	/* A second product: the 301 carries the first one too. */
	k.t = product("45A02", 5);
	doe(f, &k, u);
	assert_int_equal(u->status, AFHANDEL_GEDAAN);
	assert_int_equal(u->toewijzingen[0], 2);

	/* The first one extended: same number, reden 04; the second carried
	 * without a RedenWijziging. */
	k.nieuw = false;
	k.t = product("45A01", 3);
	k.t.nummer = 1;
	k.t.verwijzing_id = 1;
	k.t.einddatum = datum_van(2027, 8, 31);
	snprintf(k.t.reden_wijziging, sizeof k.t.reden_wijziging, "04");
	doe(f, &k, u);
	assert_int_equal(u->status, AFHANDEL_GEDAAN);
	assert_int_equal(u->n_gewijzigd, 1);
	assert_int_equal(u->gewijzigd[0], 1);
	assert_int_equal(store_count(f->st, "toewijzing"), 2);
	assert_int_equal(store_count(f->st, "traject"), 2);
	xml = bericht(f, 2, &n);
	assert_int_equal(n, 3);
	assert_int_equal(tel(xml, "<ToegewezenProduct>"), 2);
	assert_int_equal(tel(xml, "<RedenWijziging>"), 1);
	assert_non_null(strstr(xml, "<RedenWijziging>04</RedenWijziging>"));
	assert_non_null(strstr(xml, "<Einddatum>2027-08-31</Einddatum>"));
	free(xml);
	free(u);
}

static void test_weigeren_schrijft_niets(void **state)
{
	struct fixture *f = *state;
	struct afhandel_uitkomst *u = calloc(1, sizeof *u);
	struct keuze k = { .weiger = true };

	assert_non_null(u);
	doe(f, &k, u);
	assert_int_equal(u->status, AFHANDEL_ONGELDIG);
	assert_string_equal(u->melding, "geweigerd");
	assert_int_equal(store_count(f->st, "toewijzing"), 0);
	assert_int_equal(store_count(f->st, "ijw_bericht"), 0);
	free(u);
}

static int gedeclareerd_tx(struct store *st, void *arg)
{
	struct declaratie d = { .id = 1, .nummer = "D1", .agb = AGB, .gemeente = GEM };
	struct prestatie p = { .id = 1, .declaratie_id = 1, .referentie = "R1", .jeugdige_id = 1,
			       .toewijzing_nummer = 1, .categorie = "45", .productcode = "45A01",
			       .volume = 1, .eenheid = "04", .tarief = 100, .bedrag = 100,
			       .retourcode = "0200", .goedgekeurd = true };
	int rc;

	(void)arg;
	d.periode_begin = p.periode_begin = datum_van(2026, 12, 1);
	d.periode_eind = p.periode_eind = datum_van(2026, 12, 31);
	d.dagtekening = datum_van(2027, 1, 5);
	if ((rc = store_put_declaratie(st, &d)) < 0)
		return rc;
	return store_put_prestatie(st, &p);
}

static void test_verwijderen_na_declaratie(void **state)
{
	struct fixture *f = *state;
	struct afhandel_uitkomst *u = calloc(1, sizeof *u);
	struct keuze k = { .nieuw = true, .t = product("45A01", 3) };
	bool tr385 = false;

	assert_non_null(u);
	doe(f, &k, u);
	assert_int_equal(u->status, AFHANDEL_GEDAAN);
	assert_true(store_transaction(f->st, gedeclareerd_tx, NULL) >= 0);
	k.nieuw = false;
	k.t.nummer = 1;
	k.t.verwijzing_id = 1;
	k.t.einddatum = k.t.ingangsdatum;
	snprintf(k.t.reden_wijziging, sizeof k.t.reden_wijziging, "13");
	doe(f, &k, u);
	assert_int_equal(u->status, AFHANDEL_BEVINDINGEN);
	for (size_t i = 0; i < u->n_bevindingen; i++)
		tr385 |= strcmp(u->bevindingen[i].code, "TR385") == 0;
	assert_true(tr385);
	assert_int_equal(store_count(f->st, "ijw_bericht"), 1);
	free(u);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_nieuw_en_wijzigen, setup, teardown),
		cmocka_unit_test_setup_teardown(test_weigeren_schrijft_niets, setup, teardown),
		cmocka_unit_test_setup_teardown(test_verwijderen_na_declaratie, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
