/* Unit tests for ijw/uitgaand: the municipality's own 301 and 319.
 *
 * 1. Built from hand-made model records (a new toewijzing, a shortened
 *    Einddatum with reden 05, a verwijdering with reden 13, Eenheid 83 in
 *    eurocents, a generic Budget; a 319 in onderzoek, afgewezen, and
 *    afgewezen on woonplaatsbeginsel naming the gemeente): each message
 *    is written, passes the XSD, reads back equal, and breaks no rule.
 * 2. Every in-message rule broken by one mutation of a valid built
 *    message: written, still XSD-valid, read back, exactly that code at
 *    the expected element (CD077/CD078, one defect seen from both sides,
 *    together).
 * 3. The berichtoverstijgende rules against hand-made knowledge.
 * 4. The tables against the catalogue: every row a rule of the right
 *    level for the messages it claims, every level-2 rule on an outgoing
 *    301/319 present.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/datum.h"
#include "domain/model.h"
#include "ijw/bericht.h"
#include "ijw/regel.h"
#include "ijw/uitgaand.h"
#include "ijw/xml.h"

#define MAX_BEV 32

static const struct ijw_afzender_ontvanger AO = { .gemeente = "0546", .agb = "42420001" };

static struct jeugdige jeugdige(void)
{
	return (struct jeugdige){
		.id = 7, .bsn = "999900006", .geboortedatum = datum_van(2012, 3, 14), .geslacht = 2,
		.voornamen = "Anna Maria", .achternaam = "van der Berg",
	};
}

static const struct ijw_client_adres ADRES = {
	.soort = "01", .straatnaam = "Stationsweg", .huisnummer = 12, .huisletter = "a",
	.postcode = "2312AV", .plaatsnaam = "Leiden", .land_code = "NL",
	.telefoonnummer = "0715161718", .landnummer = "0031",
};

static dag_t dag(int j, int m, int d)
{
	return datum_van(j, m, d);
}

/* The four toewijzingen of the base 301 (dagtekening 2026-05-01). */
static void vier(struct toewijzing t[4], struct ijw_301_product p[4])
{
	memset(t, 0, 4 * sizeof *t);
	/* 1: new, 4 uur per week, on request of the aanbieder (a 315). */
	t[0] = (struct toewijzing){
		.nummer = 300101, .jeugdige_id = 7, .agb = "42420001", .gemeente = "0546",
		.categorie = "45", .productcode = "45A11", .toewijzingsdatum = dag(2026, 5, 1),
		.ingangsdatum = dag(2026, 5, 4), .einddatum = dag(2026, 10, 31), .volume = 4,
		.eenheid = "04", .frequentie = "2",
	};
	/* 2: an earlier toewijzing shortened (05 herbeoordeling verkorting). */
	t[1] = (struct toewijzing){
		.nummer = 300087, .jeugdige_id = 7, .agb = "42420001", .gemeente = "0546",
		.categorie = "41", .productcode = "41A01", .toewijzingsdatum = dag(2026, 4, 30),
		.ingangsdatum = dag(2026, 1, 1), .einddatum = dag(2026, 5, 31), .volume = 2,
		.eenheid = "16", .frequentie = "2", .reden_wijziging = "05",
	};
	/* 3: a verwijdering: Einddatum = Ingangsdatum, reden 13. */
	t[2] = (struct toewijzing){
		.nummer = 300099, .jeugdige_id = 7, .agb = "42420001", .gemeente = "0546",
		.categorie = "46", .productcode = "46A01", .toewijzingsdatum = dag(2026, 5, 1),
		.ingangsdatum = dag(2026, 6, 1), .einddatum = dag(2026, 6, 1), .volume = 1,
		.eenheid = "14", .frequentie = "6", .reden_wijziging = "13",
	};
	/* 4: output in euro's: Eenheid 83, Volume in eurocents, total. */
	t[3] = (struct toewijzing){
		.nummer = 300102, .jeugdige_id = 7, .agb = "42420001", .gemeente = "0546",
		.categorie = "50", .productcode = "50A01", .toewijzingsdatum = dag(2026, 5, 1),
		.ingangsdatum = dag(2026, 2, 1), .einddatum = dag(2026, 12, 31), .volume = 150000,
		.eenheid = "83", .frequentie = "6",
	};
	p[0] = (struct ijw_301_product){ "10:15:00", "VOT-2026-0042" };
	p[1] = (struct ijw_301_product){ "16:02:30", NULL };
	p[2] = (struct ijw_301_product){ "10:15:00", NULL };
	p[3] = (struct ijw_301_product){ "10:16:00", NULL };
}

static struct ijw_bericht *maak(const struct toewijzing *t, const struct ijw_301_product *p,
				size_t n)
{
	struct jeugdige j = jeugdige();
	struct bericht_fout fo = { 0 };
	struct ijw_bericht *b =
		ijw_maak_301(&AO, &j, t, p, n, &ADRES, 1, dag(2026, 5, 1), "G0546000001", &fo);
	if (!b)
		fail_msg("%s: %s", fo.plek, fo.melding);
	return b;
}

static struct ijw_bericht *basis(void)
{
	struct toewijzing t[4];
	struct ijw_301_product p[4];
	vier(t, p);
	return maak(t, p, 4);
}

static struct ijw_bericht *maak_319(enum ijw_verzoek_antwoord a, const char *reden,
				    const char *gemeente)
{
	struct bericht_fout fo = { 0 };
	struct ijw_bericht *b = ijw_maak_319(&AO, "VOT-2026-0042", a, reden, gemeente,
					     dag(2026, 5, 1), "G0546000002", &fo);
	if (!b)
		fail_msg("%s: %s", fo.plek, fo.melding);
	return b;
}

/* Write b, validate against the XSD, read it back; the copy is returned
 * (the caller frees it). Fails the test when the XSD refuses. */
static struct ijw_bericht *via_xml(const struct ijw_bericht *b)
{
	struct bericht_fout fo = { 0 };
	size_t len;
	char *tekst = bericht_schrijf_tekst(b, &len, &fo);
	if (!tekst)
		fail_msg("schrijven: %s: %s", fo.plek, fo.melding);
	struct ijw_document d = { 0 };
	char err[256];
	int r = ijw_xml_controleer(&d, tekst, len, err, sizeof err);
	if (r != 0) {
		for (size_t i = 0; i < d.n_bevindingen; i++)
			print_message("  %s %s %s\n", d.bevindingen[i].code, d.bevindingen[i].pad,
				      d.bevindingen[i].melding);
		fail_msg("XSD weigert het bericht (%d): %s", r, err);
	}
	struct ijw_bericht *terug = NULL;
	if (bericht_lees(d.doc, &terug, &fo) != 0)
		fail_msg("lezen: %s: %s", fo.plek, fo.melding);
	ijw_document_vrij(&d);
	free(tekst);
	return terug;
}

static void toon(const struct ijw_bevinding *bev, size_t n)
{
	for (size_t i = 0; i < n; i++)
		print_message("  %s %s %s\n", bev[i].code, bev[i].pad, bev[i].melding);
}

static void verwacht(const struct ijw_bevinding *bev, size_t n, int r, const char *code,
		     const char *pad)
{
	assert_int_equal(r, n > 0 ? 1 : 0);
	if (!code) {
		if (n != 0) {
			toon(bev, n);
			fail_msg("verwacht geen bevinding, kreeg %zu", n);
		}
		return;
	}
	if (n != 1 || strcmp(bev[0].code, code) != 0 || strcmp(bev[0].pad, pad) != 0) {
		toon(bev, n);
		fail_msg("verwacht precies %s op %s, kreeg %zu bevinding(en)", code, pad, n);
	}
	assert_true(bev[0].melding[0] != '\0');
}

/* The in-message rules on b give exactly code at pad (code NULL: none). */
static void verwacht_bericht(const struct ijw_bericht *b, const char *code, const char *pad)
{
	struct ijw_bevinding bev[MAX_BEV];
	size_t n;
	int r = ijw_uitgaand_controleer(b, bev, MAX_BEV, &n);
	verwacht(bev, n, r, code, pad);
}

/* Valid through the XSD, equal after reading back, no rule broken. */
static void schoon(const struct ijw_bericht *b)
{
	struct ijw_bericht *terug = via_xml(b);
	assert_true(bericht_gelijk(b, terug));
	verwacht_bericht(terug, NULL, NULL);
	bericht_vrij(terug);
}

/* ---- 1. built messages ------------------------------------------------------ */

#define TP "/Bericht/Client/ToegewezenProducten/ToegewezenProduct"

static void test_301_basis(void **state)
{
	(void)state;
	struct ijw_bericht *b = basis();
	const struct ijw_client_toewijzing *c = b->toewijzing;
	assert_string_equal(b->header.berichtcode, "436");
	assert_string_equal(b->header.afzender, "0546");
	assert_string_equal(b->header.ontvanger, "42420001");
	assert_string_equal(c->bsn, "999900006");
	assert_string_equal(c->geslacht, "2");
	/* The name: voorvoegsel split off, voorletters from the voornamen. */
	assert_string_equal(c->naam.geslachtsnaam.achternaam, "Berg");
	assert_string_equal(c->naam.geslachtsnaam.voorvoegsel, "van der");
	assert_string_equal(c->naam.voornamen, "Anna Maria");
	assert_string_equal(c->naam.voorletters, "AM");
	assert_string_equal(c->naam.naam_gebruik, "1");
	assert_null(c->naam.partnernaam);
	assert_int_equal(c->n_toegewezen_producten, 4);
	const struct ijw_toegewezen_product *p = c->toegewezen_producten;
	/* New: omvang, ReferentieAanbieder of the 315, no RedenWijziging. */
	assert_string_equal(p[0].referentie_aanbieder, "VOT-2026-0042");
	assert_string_equal(p[0].reden_wijziging, "");
	assert_string_equal(p[0].toewijzingstijd, "10:15:00");
	assert_int_equal(p[0].omvang->volume, 4);
	assert_int_equal(p[0].budget, IJW_GEEN);
	/* Changed Einddatum with reden; deletion with 13 and equal dates. */
	assert_string_equal(p[1].reden_wijziging, "05");
	assert_int_equal(p[1].einddatum, dag(2026, 5, 31));
	assert_string_equal(p[1].referentie_aanbieder, "");
	assert_string_equal(p[2].reden_wijziging, "13");
	assert_int_equal(p[2].einddatum, p[2].ingangsdatum);
	/* Eenheid 83: Volume in eurocents. */
	assert_string_equal(p[3].omvang->eenheid, "83");
	assert_int_equal(p[3].omvang->volume, 150000);
	schoon(b);
	bericht_vrij(b);
}

/* Each kind on its own, as a 301 with that single toewijzing. */
static void test_301_apart(void **state)
{
	(void)state;
	struct toewijzing t[4];
	struct ijw_301_product p[4];
	vier(t, p);
	for (size_t i = 0; i < 4; i++) {
		struct ijw_bericht *b = maak(&t[i], &p[i], 1);
		schoon(b);
		bericht_vrij(b);
	}
	/* The verwijderde toewijzing is no current one: the same product as
	 * toewijzing 1 in an overlapping period is no stacking (TR302). */
	strcpy(t[2].categorie, "45");
	strcpy(t[2].productcode, "45A11");
	struct ijw_bericht *b = maak(t, p, 4);
	schoon(b);
	bericht_vrij(b);
}

static void test_301_budget(void **state)
{
	(void)state;
	/* A generic toewijzing: no product, only a Budget in eurocents. */
	struct toewijzing t = {
		.nummer = 300200, .jeugdige_id = 7, .agb = "42420001", .gemeente = "0546",
		.toewijzingsdatum = dag(2026, 5, 1), .ingangsdatum = dag(2026, 5, 1),
		.einddatum = dag(2026, 12, 31), .budget = 250000,
	};
	struct ijw_301_product p = { "09:00:00", NULL };
	struct ijw_bericht *b = maak(&t, &p, 1);
	const struct ijw_toegewezen_product *tp = &b->toewijzing->toegewezen_producten[0];
	assert_null(tp->product);
	assert_null(tp->omvang);
	assert_int_equal(tp->budget, 250000);
	schoon(b);
	bericht_vrij(b);
}

static void test_301_naam_en_fouten(void **state)
{
	(void)state;
	struct toewijzing t[4];
	struct ijw_301_product p[4];
	vier(t, p);
	struct jeugdige j = jeugdige();
	snprintf(j.achternaam, sizeof j.achternaam, "%s", "Jansen");
	snprintf(j.voornamen, sizeof j.voornamen, "%s", " Émile  jan ");
	j.geboortedatum = DAG_GEEN;
	struct bericht_fout fo = { 0 };
	struct ijw_bericht *b =
		ijw_maak_301(&AO, &j, t, p, 1, &ADRES, 1, dag(2026, 5, 1), "G0546000003", &fo);
	assert_non_null(b);
	assert_string_equal(b->toewijzing->naam.geslachtsnaam.achternaam, "Jansen");
	assert_null(b->toewijzing->naam.geslachtsnaam.voorvoegsel);
	assert_string_equal(b->toewijzing->naam.voornamen, "Émile  jan");
	assert_string_equal(b->toewijzing->naam.voorletters, "ÉJ");
	/* Unknown birth date: 01-01-1900 with DatumGebruik 3 (IV009). */
	assert_int_equal(b->toewijzing->geboortedatum.datum, dag(1900, 1, 1));
	assert_string_equal(b->toewijzing->geboortedatum.datum_gebruik, "3");
	schoon(b);
	bericht_vrij(b);

	/* A surname that is only lower-case words keeps its last word. */
	snprintf(j.achternaam, sizeof j.achternaam, "%s", "de vries");
	b = ijw_maak_301(&AO, &j, t, p, 1, &ADRES, 1, dag(2026, 5, 1), "G0546000004", &fo);
	assert_non_null(b);
	assert_string_equal(b->toewijzing->naam.geslachtsnaam.voorvoegsel, "de");
	assert_string_equal(b->toewijzing->naam.geslachtsnaam.achternaam, "vries");
	bericht_vrij(b);

	/* Inputs that cannot form a message. */
	assert_null(ijw_maak_301(&AO, &j, t, p, 0, &ADRES, 1, dag(2026, 5, 1), "X", &fo));
	assert_string_equal(fo.plek, "Client/ToegewezenProducten");
	assert_null(ijw_maak_301(&AO, &j, t, p, 1, &ADRES, 0, dag(2026, 5, 1), "X", &fo));
	assert_string_equal(fo.plek, "Client/Contactgegevens");
	p[0].toewijzingstijd = "";
	assert_null(ijw_maak_301(&AO, &j, t, p, 1, &ADRES, 1, dag(2026, 5, 1), "X", &fo));
	p[0].toewijzingstijd = "10:15:00";
	p[0].referentie_aanbieder = "0123456789012345678901234567890123456789";
	assert_null(ijw_maak_301(&AO, &j, t, p, 1, &ADRES, 1, dag(2026, 5, 1), "X", &fo));
	assert_string_equal(fo.plek, "ToegewezenProduct/ReferentieAanbieder");
	j.achternaam[0] = '\0';
	p[0].referentie_aanbieder = NULL;
	assert_null(ijw_maak_301(&AO, &j, t, p, 1, &ADRES, 1, dag(2026, 5, 1), "X", &fo));
}

static void test_319(void **state)
{
	(void)state;
	struct ijw_bericht *b = maak_319(IJW_VERZOEK_IN_ONDERZOEK, NULL, NULL);
	assert_string_equal(b->header.berichtcode, "488");
	assert_string_equal(b->antwoord->verzoek_antwoord, "2");
	schoon(b);
	bericht_vrij(b);
	b = maak_319(IJW_VERZOEK_AFGEWEZEN, "4", NULL);
	assert_null(b->antwoord->woonplaatsbeginsel);
	schoon(b);
	bericht_vrij(b);
	/* Woonplaatsbeginsel: reden 8 names the responsible gemeente. */
	b = maak_319(IJW_VERZOEK_AFGEWEZEN, "8", "0518");
	assert_string_equal(b->antwoord->reden_afwijzing_verzoek, "8");
	assert_non_null(b->antwoord->woonplaatsbeginsel);
	assert_string_equal(b->antwoord->woonplaatsbeginsel->gemeente, "0518");
	schoon(b);
	bericht_vrij(b);
	/* Reden 8 without the gemeente: TR377. */
	b = maak_319(IJW_VERZOEK_AFGEWEZEN, "8", NULL);
	struct ijw_bericht *terug = via_xml(b);
	verwacht_bericht(terug, "TR377", "/Bericht/Antwoord/Woonplaatsbeginsel");
	bericht_vrij(terug);
	bericht_vrij(b);
}

/* ---- 2. one mutation, one code ------------------------------------------------ */

typedef void mutator(struct ijw_bericht *b);

static struct ijw_toegewezen_product *tp(struct ijw_bericht *b, size_t i)
{
	return &b->toewijzing->toegewezen_producten[i];
}

static struct ijw_contact *ct(struct ijw_bericht *b)
{
	return &b->toewijzing->contactgegevens[0];
}

static void m_cd005(struct ijw_bericht *b) { ct(b)->adres->land_code[0] = '\0'; }

static void m_cd007(struct ijw_bericht *b)
{
	b->toewijzing->communicatie = bericht_klassen(b, IJW_K_COMMUNICATIE, 1);
	assert_non_null(b->toewijzing->communicatie);
	strcpy(b->toewijzing->communicatie->vorm, "1");
}

static void m_cd009(struct ijw_bericht *b)
{
	ct(b)->periode = bericht_klassen(b, IJW_K_PERIODE, 1);
	assert_non_null(ct(b)->periode);
	ct(b)->periode->begindatum = dag(2020, 1, 1);
}

static void m_cd025(struct ijw_bericht *b) { ct(b)->adres->huis = NULL; }

static void m_cd034(struct ijw_bericht *b)
{
	ct(b)->adres->postcode = NULL;
	ct(b)->adres->land_code[0] = '\0';
}

static void m_cd041(struct ijw_bericht *b) { tp(b, 0)->omvang = NULL; }

static void m_cd075(struct ijw_bericht *b)
{
	tp(b, 0)->product->code[0] = '\0';
	tp(b, 0)->omvang = NULL;
	tp(b, 0)->budget = 5000;
	tp(b, 0)->einddatum = DAG_GEEN;
}

static void m_cd076(struct ijw_bericht *b) { tp(b, 0)->einddatum = DAG_GEEN; }

static void m_cd079(struct ijw_bericht *b)
{
	b->toewijzing->n_toegewezen_producten = 1;
	tp(b, 0)->product = NULL;
	tp(b, 0)->omvang = NULL;
}

static void m_cd080(struct ijw_bericht *b) { tp(b, 0)->product->code[0] = '\0'; }
static void m_cs002(struct ijw_bericht *b) { strcpy(b->toewijzing->bsn, "999900007"); }
static void m_cs003(struct ijw_bericht *b) { tp(b, 0)->einddatum = dag(2026, 5, 3); }

static void m_cs003_contact(struct ijw_bericht *b)
{
	strcpy(ct(b)->soort, "04");
	m_cd009(b);
	ct(b)->periode->einddatum = dag(2019, 12, 31);
	/* Keep a BRP address beside the temporary one (TR061). */
	struct ijw_contact *twee = bericht_klassen(b, IJW_K_CONTACT, 2);
	assert_non_null(twee);
	twee[0] = *ct(b);
	strcpy(twee[0].soort, "01");
	twee[0].periode = NULL;
	twee[1] = *ct(b);
	b->toewijzing->contactgegevens = twee;
	b->toewijzing->n_contactgegevens = 2;
}

static void m_cs050(struct ijw_bericht *b) { strcpy(b->toewijzing->naam.naam_gebruik, "2"); }
static void m_cs089(struct ijw_bericht *b) { ct(b)->adres->postcode = bericht_tekst(b, "2312 AV"); }

static void m_cs139(struct ijw_bericht *b)
{
	strcpy(b->toewijzing->geboortedatum.datum_gebruik, "1");
}

static void m_cs318(struct ijw_bericht *b) { strcpy(b->toewijzing->naam.naam_gebruik, "6"); }
static void m_cs335(struct ijw_bericht *b) { strcpy(tp(b, 1)->reden_wijziging, "13"); }
static void m_cs336(struct ijw_bericht *b) { strcpy(tp(b, 1)->reden_wijziging, "01"); }
static void m_cs338(struct ijw_bericht *b) { strcpy(tp(b, 3)->omvang->frequentie, "1"); }
static void m_tr002(struct ijw_bericht *b) { b->toewijzing->geboortedatum.datum = dag(1900, 1, 1); }

static void m_tr006(struct ijw_bericht *b)
{
	struct ijw_contact *twee = bericht_klassen(b, IJW_K_CONTACT, 2);
	assert_non_null(twee);
	twee[0] = *ct(b);
	strcpy(twee[1].soort, "02");
	twee[1].adres = bericht_klassen(b, IJW_K_ADRES, 1);
	assert_non_null(twee[1].adres);
	twee[1].adres->plaatsnaam = bericht_tekst(b, "Leiden");
	b->toewijzing->contactgegevens = twee;
	b->toewijzing->n_contactgegevens = 2;
}

static void m_tr061(struct ijw_bericht *b) { strcpy(ct(b)->soort, "04"); }
static void m_tr101(struct ijw_bericht *b) { tp(b, 1)->toewijzing_nummer = 300101; }
static void m_tr134(struct ijw_bericht *b) { tp(b, 0)->toewijzingsdatum = dag(2026, 5, 2); }

static void m_tr302(struct ijw_bericht *b)
{
	strcpy(tp(b, 3)->product->categorie, "45");
	strcpy(tp(b, 3)->product->code, "45A11");
}

static void m_tr381(struct ijw_bericht *b) { strcpy(tp(b, 0)->product->code, "45Z99"); }

static const struct {
	const char *code;
	mutator *m;
	const char *pad;
} mutaties[] = {
	{ "CD005", m_cd005, "/Bericht/Client/Contactgegevens/Contact/Adres/LandCode" },
	{ "CD007", m_cd007, "/Bericht/Client/Communicatie/Taal" },
	{ "CD009", m_cd009, "/Bericht/Client/Contactgegevens/Contact/Periode" },
	{ "CD025", m_cd025, "/Bericht/Client/Contactgegevens/Contact/Adres/Huis" },
	{ "CD034", m_cd034, "/Bericht/Client/Contactgegevens/Contact/Adres/Postcode" },
	{ "CD041", m_cd041, TP "[1]/Omvang" },
	{ "CD075", m_cd075, TP "[1]/Einddatum" },
	{ "CD076", m_cd076, TP "[1]/Einddatum" },
	{ "CD079", m_cd079, TP "/Product" },
	{ "CD080", m_cd080, TP "[1]/Omvang" },
	{ "CS002", m_cs002, "/Bericht/Client/Bsn" },
	{ "CS003", m_cs003, TP "[1]/Einddatum" },
	{ "CS003", m_cs003_contact, "/Bericht/Client/Contactgegevens/Contact[2]/Periode/Einddatum" },
	{ "CS050", m_cs050, "/Bericht/Client/Naam/NaamGebruik" },
	{ "CS089", m_cs089, "/Bericht/Client/Contactgegevens/Contact/Adres/Postcode" },
	{ "CS139", m_cs139, "/Bericht/Client/Geboortedatum/DatumGebruik" },
	{ "CS318", m_cs318, "/Bericht/Client/Naam/NaamGebruik" },
	{ "CS335", m_cs335, TP "[2]/RedenWijziging" },
	{ "CS336", m_cs336, TP "[2]/RedenWijziging" },
	{ "CS338", m_cs338, TP "[4]/Omvang/Frequentie" },
	{ "TR002", m_tr002, "/Bericht/Client/Geboortedatum/Datum" },
	{ "TR006", m_tr006, "/Bericht/Client/Contactgegevens/Contact[2]" },
	{ "TR061", m_tr061, "/Bericht/Client/Contactgegevens" },
	{ "TR101", m_tr101, TP "[2]/ToewijzingNummer" },
	{ "TR134", m_tr134, TP "[1]/Toewijzingsdatum" },
	{ "TR302", m_tr302, TP "[4]" },
	{ "TR381", m_tr381, TP "[1]/Product/Code" },
};

static void test_mutaties(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof mutaties / sizeof mutaties[0]; i++) {
		struct ijw_bericht *b = basis();
		mutaties[i].m(b);
		struct ijw_bericht *terug = via_xml(b);
		verwacht_bericht(terug, mutaties[i].code, mutaties[i].pad);
		bericht_vrij(terug);
		bericht_vrij(b);
	}
}

static void test_omvang_en_budget(void **state)
{
	(void)state;
	struct ijw_bericht *b = basis();
	tp(b, 0)->budget = 1000;
	struct ijw_bericht *terug = via_xml(b);
	struct ijw_bevinding bev[MAX_BEV];
	size_t n;
	assert_int_equal(ijw_uitgaand_controleer(terug, bev, MAX_BEV, &n), 1);
	if (n != 2) {
		toon(bev, n);
		fail_msg("verwacht CD077 en CD078");
	}
	assert_string_equal(bev[0].code, "CD077");
	assert_string_equal(bev[0].pad, TP "[1]/Omvang");
	assert_string_equal(bev[1].code, "CD078");
	assert_string_equal(bev[1].pad, TP "[1]/Budget");
	/* More findings than room: counted, not stored. */
	assert_int_equal(ijw_uitgaand_controleer(terug, bev, 1, &n), 1);
	assert_int_equal(n, 1);
	bericht_vrij(terug);
	bericht_vrij(b);
}

static void test_319_mutaties(void **state)
{
	(void)state;
	struct ijw_bericht *b = maak_319(IJW_VERZOEK_AFGEWEZEN, NULL, NULL);
	struct ijw_bericht *terug = via_xml(b);
	verwacht_bericht(terug, "CD085", "/Bericht/Antwoord/RedenAfwijzingVerzoek");
	bericht_vrij(terug);
	bericht_vrij(b);
	b = maak_319(IJW_VERZOEK_IN_ONDERZOEK, "3", NULL);
	terug = via_xml(b);
	verwacht_bericht(terug, "CD086", "/Bericht/Antwoord/RedenAfwijzingVerzoek");
	bericht_vrij(terug);
	bericht_vrij(b);
	b = maak_319(IJW_VERZOEK_AFGEWEZEN, "5", "0518");
	terug = via_xml(b);
	verwacht_bericht(terug, "TR409", "/Bericht/Antwoord/Woonplaatsbeginsel");
	bericht_vrij(terug);
	bericht_vrij(b);
}

/* ---- 3. berichtoverstijgend ----------------------------------------------------- */

static void verwacht_kennis(const struct ijw_bericht *b, const struct ijw_uitgaand_kennis *k,
			    const char *code, const char *pad)
{
	struct ijw_bevinding bev[MAX_BEV];
	size_t n;
	int r = ijw_uitgaand_controleer_kennis(b, k, bev, MAX_BEV, &n);
	verwacht(bev, n, r, code, pad);
}

static void test_kennis_301(void **state)
{
	(void)state;
	struct toewijzing eerder[4];
	struct ijw_301_product p[4];
	vier(eerder, p);
	static const char *const gehonoreerd[] = { "VOT-2026-0042" };
	static const int64_t gedeclareerd[] = { 300087 };
	/* The store knows the earlier versions of toewijzing 2 and 3. */
	struct ijw_uitgaand_kennis k = {
		.toewijzingen = &eerder[1], .n_toewijzingen = 2, .jeugdige_id = 7,
		.gehonoreerd = gehonoreerd, .n_gehonoreerd = 1,
		.gedeclareerd = gedeclareerd, .n_gedeclareerd = 1,
	};
	struct ijw_bericht *b = basis();
	verwacht_kennis(b, &k, NULL, NULL);

	/* TR332: number 300087 belongs to another jeugdige. */
	k.jeugdige_id = 8;
	k.n_toewijzingen = 1;
	verwacht_kennis(b, &k, "TR332", TP "[2]/ToewijzingNummer");
	k.jeugdige_id = 7;
	/* ... or to another aanbieder. */
	strcpy(eerder[1].agb, "42420002");
	verwacht_kennis(b, &k, "TR332", TP "[2]/ToewijzingNummer");
	strcpy(eerder[1].agb, "42420001");

	/* TR379: a ReferentieAanbieder that this 301 does not honour. */
	k.n_gehonoreerd = 0;
	verwacht_kennis(b, &k, "TR379", TP "[1]/ReferentieAanbieder");
	k.n_gehonoreerd = 1;

	/* TR385: deleting a toewijzing with approved Prestaties. */
	strcpy(tp(b, 1)->reden_wijziging, "13");
	tp(b, 1)->einddatum = tp(b, 1)->ingangsdatum;
	verwacht_kennis(b, &k, "TR385", TP "[2]/RedenWijziging");
	bericht_vrij(b);
}

static void test_kennis_319(void **state)
{
	(void)state;
	static const char *const verzoeken[] = { "VOT-2026-0041", "VOT-2026-0042" };
	static const char *const toegewezen[] = { "VOT-2026-0041" };
	struct ijw_eerder_antwoord antwoorden[] = { { "VOT-2026-0042", IJW_VERZOEK_IN_ONDERZOEK } };
	struct ijw_uitgaand_kennis k = {
		.verzoeken = verzoeken, .n_verzoeken = 2, .toegewezen = toegewezen,
		.n_toegewezen = 1,
	};
	struct ijw_bericht *b = maak_319(IJW_VERZOEK_IN_ONDERZOEK, NULL, NULL);
	verwacht_kennis(b, &k, NULL, NULL);
	/* TR360: a second "in onderzoek". */
	k.antwoorden = antwoorden;
	k.n_antwoorden = 1;
	verwacht_kennis(b, &k, "TR360", "/Bericht/Antwoord/VerzoekAntwoord");
	bericht_vrij(b);

	/* After "in onderzoek" the afwijzing is fine; after an afwijzing: TR365. */
	b = maak_319(IJW_VERZOEK_AFGEWEZEN, "8", "0518");
	verwacht_kennis(b, &k, NULL, NULL);
	antwoorden[0].antwoord = IJW_VERZOEK_AFGEWEZEN;
	verwacht_kennis(b, &k, "TR365", "/Bericht/Antwoord/VerzoekAntwoord");
	k.n_antwoorden = 0;

	/* TR355: no such verzoek; TR359: already honoured by a 301. */
	k.n_verzoeken = 1;
	verwacht_kennis(b, &k, "TR355", "/Bericht/Antwoord/ReferentieAanbieder");
	k.n_verzoeken = 2;
	static const char *const beide[] = { "VOT-2026-0041", "VOT-2026-0042" };
	k.toegewezen = beide;
	k.n_toegewezen = 2;
	verwacht_kennis(b, &k, "TR359", "/Bericht/Antwoord/ReferentieAanbieder");
	bericht_vrij(b);
}

/* ---- the 325 (the declaratie-antwoord ijw/verwerk writes) --------------------- */

#define PR325 "/Bericht/DeclaratieAntwoord/Clienten/Client[1]/Prestaties/Prestatie"

/* The shipped example JW325, valid and clean. */
static struct ijw_bericht *basis_325(void)
{
	FILE *f = fopen("../shared/ijw/voorbeelden/JW325.xml", "rb");
	assert_non_null(f);
	char *tekst = malloc(1 << 16);
	assert_non_null(tekst);
	size_t len = fread(tekst, 1, (1 << 16) - 1, f);
	fclose(f);
	struct ijw_document d = { 0 };
	char err[256];
	assert_int_equal(ijw_xml_controleer(&d, tekst, len, err, sizeof err), 0);
	struct ijw_bericht *b = NULL;
	struct bericht_fout fo = { 0 };
	assert_int_equal(bericht_lees(d.doc, &b, &fo), 0);
	ijw_document_vrij(&d);
	free(tekst);
	return b;
}

static struct ijw_prestatie *pr325(struct ijw_bericht *b, size_t i)
{
	return &b->declaratie->clienten[0].prestaties[i];
}

static void m325_cd060(struct ijw_bericht *b)
{
	pr325(b, 0)->product_referentie.vorig_referentie_nummer[0] = '\0';
}

static void m325_cs325(struct ijw_bericht *b)
{
	b->declaratie->totaal_toegekend_bedrag.bedrag = 0;
	strcpy(b->declaratie->totaal_toegekend_bedrag.debet_credit, "C");
}

static void m325_tr137(struct ijw_bericht *b)
{
	pr325(b, 1)->product_periode.einddatum = dag(2023, 5, 31);
}

static const struct {
	const char *code;
	mutator *m;
	const char *pad;
} mutaties_325[] = {
	{ "CD060", m325_cd060, PR325 "[1]/ProductReferentie/VorigReferentieNummer" },
	{ "CS325", m325_cs325, "/Bericht/DeclaratieAntwoord/TotaalToegekendBedrag/DebetCredit" },
	{ "TR137", m325_tr137, PR325 "[2]/ProductPeriode/Einddatum" },
};

static void test_325_mutaties(void **state)
{
	(void)state;
	struct ijw_bericht *b = basis_325();
	verwacht_bericht(b, NULL, NULL);
	bericht_vrij(b);
	for (size_t i = 0; i < sizeof mutaties_325 / sizeof mutaties_325[0]; i++) {
		b = basis_325();
		mutaties_325[i].m(b);
		struct ijw_bericht *terug = via_xml(b);
		verwacht_bericht(terug, mutaties_325[i].code, mutaties_325[i].pad);
		bericht_vrij(terug);
		bericht_vrij(b);
	}
}

/* The 325 against the 323 it answers (TR304, TR337, TR366, TR367, TR371,
 * TR376): the shipped example JW323 and the 325 ijw/verwerk would build
 * from it, every Prestatie echoed. */
static struct ijw_bericht *lees_voorbeeld(const char *pad)
{
	FILE *f = fopen(pad, "rb");
	assert_non_null(f);
	char *tekst = malloc(1 << 16);
	assert_non_null(tekst);
	size_t len = fread(tekst, 1, (1 << 16) - 1, f);
	fclose(f);
	struct ijw_document d = { 0 };
	char err[256];
	assert_int_equal(ijw_xml_controleer(&d, tekst, len, err, sizeof err), 0);
	struct ijw_bericht *b = NULL;
	struct bericht_fout fo = { 0 };
	assert_int_equal(bericht_lees(d.doc, &b, &fo), 0);
	ijw_document_vrij(&d);
	free(tekst);
	return b;
}

static struct ijw_bericht *antwoord_op(const struct ijw_bericht *d)
{
	struct bericht_retour br = {
		.identificatie = "9001", .dagtekening = dag(2024, 7, 10),
		.xsd_versie = { "0.1.0", "0.1.0" }, .header_code = "0200", .met_klassen = true,
		.klasse_code = "0200", .totaal_toegekend_bedrag = { 0, "D" },
	};
	struct bericht_fout fo = { 0 };
	struct ijw_bericht *a = bericht_maak_retour(d, &br, &fo);
	assert_non_null(a);
	return a;
}

#define CL325 "/Bericht/DeclaratieAntwoord/Clienten/Client"

static void test_kennis_325(void **state)
{
	(void)state;
	struct ijw_bericht *d = lees_voorbeeld("../shared/ijw/voorbeelden/JW323.xml");
	/* The example breaks TR101 with RN004 twice; a 323 that breaks an
	 * in-message rule gets a 325 without Prestaties, so give it a key of
	 * its own. */
	strcpy(d->declaratie->clienten[1].prestaties[2].product_referentie.referentie_nummer,
	       "RN005");
	struct ijw_uitgaand_kennis k = { .declaratie = d };
	struct ijw_bericht *a = antwoord_op(d);
	verwacht_kennis(a, &k, NULL, NULL);

	/* TR337: no 323, or another one. */
	k.declaratie = NULL;
	verwacht_kennis(a, &k, "TR337", "/Bericht/Header/DeclaratieIdentificatie");
	k.declaratie = d;
	strcpy(a->header.declaratie_identificatie.identificatie, "765432199");
	verwacht_kennis(a, &k, "TR337", "/Bericht/Header/DeclaratieIdentificatie");
	bericht_vrij(a);

	/* TR371: XsdVersieDeclaratie not copied. */
	a = antwoord_op(d);
	strcpy(a->header.xsd_versie_declaratie.bericht_xsd_versie, "0.1.0");
	verwacht_kennis(a, &k, "TR371", "/Bericht/Header/XsdVersieDeclaratie");
	bericht_vrij(a);

	/* TR376: another DeclaratieNummer. */
	a = antwoord_op(d);
	strcpy(a->declaratie->declaratie_nummer, "DN002");
	verwacht_kennis(a, &k, "TR376", "/Bericht/DeclaratieAntwoord/DeclaratieNummer");
	bericht_vrij(a);

	/* TR304: a client the 323 does not declare. */
	a = antwoord_op(d);
	strcpy(a->declaratie->clienten[1].bsn, "999900031");
	verwacht_kennis(a, &k, "TR304", CL325 "[2]/Bsn");
	bericht_vrij(a);

	/* TR366: a Prestatie the 323 does not hold. */
	a = antwoord_op(d);
	strcpy(a->declaratie->clienten[0].prestaties[1].product_referentie.referentie_nummer,
	       "RN099");
	verwacht_kennis(a, &k, "TR366", CL325 "[1]/Prestaties/Prestatie[2]/ProductReferentie");
	bericht_vrij(a);

	/* TR367: each echoed value must stay as declared. */
	a = antwoord_op(d);
	a->declaratie->clienten[0].prestaties[0].geleverd_volume += 1;
	verwacht_kennis(a, &k, "TR367", CL325 "[1]/Prestaties/Prestatie[1]/GeleverdVolume");
	bericht_vrij(a);
	a = antwoord_op(d);
	a->declaratie->clienten[1].prestaties[0].ingediend_bedrag.bedrag += 1;
	verwacht_kennis(a, &k, "TR367", CL325 "[2]/Prestaties/Prestatie[1]/IngediendBedrag");
	bericht_vrij(a);
	a = antwoord_op(d);
	a->declaratie->clienten[0].prestaties[1].toewijzing_nummer += 1;
	verwacht_kennis(a, &k, "TR367", CL325 "[1]/Prestaties/Prestatie[2]/ToewijzingNummer");
	bericht_vrij(a);
	bericht_vrij(d);
}

/* ---- 4. the tables against the catalogue ---------------------------------------- */

static void test_tabel(void **state)
{
	(void)state;
	size_t n = ijw_uitgaand_regels();
	assert_true(n > 0);
	assert_null(ijw_uitgaand_regel(n, NULL));
	for (size_t i = 0; i < n; i++) {
		unsigned berichten;
		const char *code = ijw_uitgaand_regel(i, &berichten);
		const struct regel *r = regel_zoek(code);
		if (!r)
			fail_msg("%s staat niet in de catalogus", code);
		if (!regel_bij_verzending(r))
			fail_msg("%s is geen regel voor wat de gemeente verstuurt", code);
		if ((berichten & r->berichten) != berichten)
			fail_msg("%s geldt niet voor alle berichten van zijn rij", code);
		if (r->niveau != REGEL_NIVEAU_BERICHT && r->niveau != REGEL_NIVEAU_BERICHTOVERSTIJGEND &&
		    r->niveau != REGEL_NIVEAU_EXTERNE_BRON)
			fail_msg("%s heeft controleniveau %s", code, regel_niveau_naam(r->niveau));
		for (size_t j = 0; j < i; j++)
			if (strcmp(ijw_uitgaand_regel(j, NULL), code) == 0)
				fail_msg("%s staat twee keer in de tabellen", code);
	}
	/* Every level-2 rule on an outgoing 301 or 319 has a row. */
	const unsigned eigen = REGEL_BERICHT_JW301 | REGEL_BERICHT_JW319;
	for (size_t i = 0; i < regel_aantal(); i++) {
		const struct regel *r = regel_nummer(i);
		if (r->niveau != REGEL_NIVEAU_BERICHT || !regel_bij_verzending(r) ||
		    !(r->berichten & eigen))
			continue;
		bool gevonden = false;
		for (size_t j = 0; j < n; j++) {
			unsigned berichten;
			const char *code = ijw_uitgaand_regel(j, &berichten);
			if (strcmp(code, r->code) == 0 &&
			    (berichten & eigen) == (r->berichten & eigen))
				gevonden = true;
		}
		if (!gevonden)
			fail_msg("%s (niveau xslt, 301/319) ontbreekt in de tabel", r->code);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_301_basis),
		cmocka_unit_test(test_301_apart),
		cmocka_unit_test(test_301_budget),
		cmocka_unit_test(test_301_naam_en_fouten),
		cmocka_unit_test(test_319),
		cmocka_unit_test(test_mutaties),
		cmocka_unit_test(test_omvang_en_budget),
		cmocka_unit_test(test_319_mutaties),
		cmocka_unit_test(test_325_mutaties),
		cmocka_unit_test(test_kennis_301),
		cmocka_unit_test(test_kennis_319),
		cmocka_unit_test(test_kennis_325),
		cmocka_unit_test(test_tabel),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
