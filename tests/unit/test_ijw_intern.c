/* Unit tests for ijw/intern: the in-message rules (control level 2).
 *
 * 1. The shipped examples: JW317 breaks exactly CS003, JW323 exactly
 *    TR101, the other XSD-valid received messages (305, 307) and the
 *    JW315 with its impossible date repaired break nothing.
 * 2. A generated corpus: from a valid base of each received message
 *    (the examples, with JW315/317/323 repaired), every mutator breaks
 *    exactly one rule in several variants; the mutated message is written
 *    with our writer, must pass the XSD (ijw_xml_controleer) and, read
 *    back, gets exactly that code at the expected location. At least 300.
 * 3. The rule table against the catalogue: every row is a level-2 rule
 *    with retourcode 0001 for the messages it claims, and every level-2
 *    rule the municipality checks on a received message has a row.
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
#include "ijw/bericht.h"
#include "ijw/intern.h"
#include "ijw/regel.h"
#include "ijw/xml.h"

#define VOORBEELDEN "../shared/ijw/voorbeelden"
#define MAX_BEV 32

static char *lees_bestand(const char *naam, size_t *len)
{
	char pad[256];
	snprintf(pad, sizeof pad, "%s/%s", VOORBEELDEN, naam);
	FILE *f = fopen(pad, "rb");
	assert_non_null(f);
	char *buf = malloc(1 << 20);
	assert_non_null(buf);
	*len = fread(buf, 1, (1 << 20) - 1, f);
	buf[*len] = '\0';
	fclose(f);
	return buf;
}

/* Validate text against its XSD and read it; NULL when the XSD refuses. */
static struct ijw_bericht *lees_geldig(const char *tekst, size_t len)
{
	struct ijw_document d = { 0 };
	char err[256];
	int r = ijw_xml_controleer(&d, tekst, len, err, sizeof err);
	assert_int_not_equal(r, -1);
	if (r != 0) {
		ijw_document_vrij(&d);
		return NULL;
	}
	struct ijw_bericht *b = NULL;
	struct bericht_fout fo = { 0 };
	if (bericht_lees(d.doc, &b, &fo) != 0)
		fail_msg("%s: %s", fo.plek, fo.melding);
	ijw_document_vrij(&d);
	return b;
}

static struct ijw_bericht *lees_voorbeeld(const char *naam)
{
	size_t len;
	char *tekst = lees_bestand(naam, &len);
	/* JW315's impossible date, repaired (the XSD refuses the original). */
	for (char *p = tekst; (p = strstr(p, "2027-06-31")) != NULL;)
		memcpy(p, "2027-06-30", 10);
	struct ijw_bericht *b = lees_geldig(tekst, len);
	assert_non_null(b);
	free(tekst);
	return b;
}

static int controleer(const struct ijw_bericht *b, struct ijw_bevinding *bev, size_t *n)
{
	int r = ijw_intern_controleer(b, bev, MAX_BEV, n);
	assert_int_not_equal(r, -1);
	assert_int_equal(r, *n > 0 ? 1 : 0);
	return r;
}

static void toon(const struct ijw_bevinding *bev, size_t n)
{
	for (size_t i = 0; i < n; i++)
		print_message("  %s %s %s\n", bev[i].code, bev[i].pad, bev[i].melding);
}

static void verwacht_een(const struct ijw_bericht *b, const char *code, const char *pad)
{
	struct ijw_bevinding bev[MAX_BEV];
	size_t n;
	controleer(b, bev, &n);
	if (n != 1 || strcmp(bev[0].code, code) != 0 || strcmp(bev[0].pad, pad) != 0) {
		toon(bev, n);
		fail_msg("verwacht precies %s op %s, kreeg %zu bevinding(en)", code, pad, n);
	}
	assert_true(bev[0].melding[0] != '\0');
}

static void verwacht_geen(const struct ijw_bericht *b)
{
	struct ijw_bevinding bev[MAX_BEV];
	size_t n;
	controleer(b, bev, &n);
	if (n != 0) {
		toon(bev, n);
		fail_msg("verwacht geen bevinding, kreeg %zu", n);
	}
}

/* ---- 1. the shipped examples ------------------------------------------ */

static void test_voorbeelden(void **state)
{
	(void)state;
	struct ijw_bericht *b = lees_voorbeeld("JW317.xml");
	verwacht_een(b, "CS003", "/Bericht/Client/Verzoek/NieuweProducten/NieuwProduct/Einddatum");
	bericht_vrij(b);
	b = lees_voorbeeld("JW323.xml");
	verwacht_een(b, "TR101", "/Bericht/Declaratie/Clienten/Client[2]/Prestaties/Prestatie[3]");
	bericht_vrij(b);
	static const char *const schoon[] = { "JW305.xml", "JW307.xml", "JW315.xml" };
	for (size_t i = 0; i < sizeof schoon / sizeof schoon[0]; i++) {
		b = lees_voorbeeld(schoon[i]);
		verwacht_geen(b);
		bericht_vrij(b);
	}
	/* Messages the municipality sends, and retourberichten: no rows here. */
	static const char *const anders[] = { "JW301.xml", "JW302.xml", "JW319.xml", "JW325.xml" };
	for (size_t i = 0; i < sizeof anders / sizeof anders[0]; i++) {
		b = lees_voorbeeld(anders[i]);
		verwacht_geen(b);
		bericht_vrij(b);
	}
}

/* ---- bases: one valid message per received soort ------------------------ */

static void herbereken_totaal(struct ijw_bericht *b)
{
	struct ijw_declaratie *d = b->declaratie;
	int64_t som = 0;
	for (size_t i = 0; i < d->n_clienten; i++)
		for (size_t j = 0; j < d->clienten[i].n_prestaties; j++) {
			struct ijw_bedrag *x = &d->clienten[i].prestaties[j].ingediend_bedrag;
			som += strcmp(x->debet_credit, "C") == 0 ? -x->bedrag : x->bedrag;
		}
	d->totaal_ingediend_bedrag.bedrag = som < 0 ? -som : som;
	strcpy(d->totaal_ingediend_bedrag.debet_credit, som < 0 ? "C" : "D");
}

static struct ijw_bericht *basis(enum ijw_soort s)
{
	struct ijw_bericht *b;
	switch (s) {
	case IJW_JW305: return lees_voorbeeld("JW305.xml");
	case IJW_JW307: return lees_voorbeeld("JW307.xml");
	case IJW_JW315: return lees_voorbeeld("JW315.xml");
	case IJW_JW317:
		b = lees_voorbeeld("JW317.xml");
		b->vow->verzoek.nieuwe_producten[0].einddatum = datum_van(2027, 2, 28);
		return b;
	case IJW_JW323:
		b = lees_voorbeeld("JW323.xml");
		strcpy(b->declaratie->clienten[1].prestaties[2].product_referentie.referentie_nummer,
		       "RN005");
		return b;
	case IJW_JW301: case IJW_JW302: case IJW_JW306: case IJW_JW308: case IJW_JW316:
	case IJW_JW318: case IJW_JW319: case IJW_JW320: case IJW_JW325:
		break;
	}
	fail_msg("geen basis voor %s", bericht_soort_naam(s));
	return NULL;
}

static void test_bases_schoon(void **state)
{
	(void)state;
	static const enum ijw_soort s[] = { IJW_JW305, IJW_JW307, IJW_JW315, IJW_JW317, IJW_JW323 };
	for (size_t i = 0; i < sizeof s / sizeof s[0]; i++) {
		struct ijw_bericht *b = basis(s[i]);
		verwacht_geen(b);
		/* 3. what our writer makes of it, read back: still no finding */
		struct bericht_fout fo = { 0 };
		size_t len;
		char *tekst = bericht_schrijf_tekst(b, &len, &fo);
		assert_non_null(tekst);
		struct ijw_bericht *t = lees_geldig(tekst, len);
		assert_non_null(t);
		verwacht_geen(t);
		bericht_vrij(t);
		free(tekst);
		bericht_vrij(b);
	}
}

/* ---- 2. mutators: each breaks one rule; v picks the variant -------------- */

#define PAD IJW_PAD_LEN
typedef bool mutator(struct ijw_bericht *b, int v, char *pad);

static const char *const CLIENT = "/Bericht/Client";
static const char *const VERZOEK = "/Bericht/Client/Verzoek";

/* The five Prestaties of the 323 base: client, index. */
static const size_t P323[5][2] = { { 0, 0 }, { 0, 1 }, { 1, 0 }, { 1, 1 }, { 1, 2 } };

static struct ijw_prestatie *pres(struct ijw_bericht *b, int k, char *pad, const char *el)
{
	size_t c = P323[k % 5][0], p = P323[k % 5][1];
	snprintf(pad, PAD, "/Bericht/Declaratie/Clienten/Client[%zu]/Prestaties/Prestatie[%zu]%s%s",
		 c + 1, p + 1, el ? "/" : "", el ? el : "");
	return &b->declaratie->clienten[c].prestaties[p];
}

static void ap_pad(char *pad, int k, const char *el)
{
	snprintf(pad, PAD, "/Bericht/Client/AangevraagdeProducten/AangevraagdProduct[%d]%s%s",
		 k + 1, el ? "/" : "", el ? el : "");
}

static struct ijw_omvang *omvang(struct ijw_bericht *b, int64_t vol, const char *eenheid,
				 const char *freq)
{
	struct ijw_omvang *o = bericht_klassen(b, IJW_K_OMVANG, 1);
	assert_non_null(o);
	o->volume = vol;
	strcpy(o->eenheid, eenheid);
	strcpy(o->frequentie, freq);
	return o;
}

static struct ijw_product *product(struct ijw_bericht *b, const char *cat, const char *code)
{
	struct ijw_product *p = bericht_klassen(b, IJW_K_PRODUCT, 1);
	assert_non_null(p);
	strcpy(p->categorie, cat);
	strcpy(p->code, code);
	return p;
}

/* A single TeWijzigenProduct (from 2026-12-01) in the 317. */
static struct ijw_te_wijzigen_product *voeg_tw(struct ijw_bericht *b)
{
	struct ijw_te_wijzigen_product *t = bericht_klassen(b, IJW_K_TE_WIJZIGEN_PRODUCT, 1);
	assert_non_null(t);
	t->toewijzing_nummer = 10072;
	t->gewenste_ingangsdatum = datum_van(2026, 12, 1);
	t->einddatum = datum_van(2027, 5, 31);
	t->omvang = omvang(b, 3, "04", "4");
	b->vow->verzoek.te_wijzigen_producten = t;
	b->vow->verzoek.n_te_wijzigen_producten = 1;
	return t;
}

/* A second NieuwProduct in the 317, a copy of the first. */
static struct ijw_nieuw_product *voeg_np(struct ijw_bericht *b)
{
	struct ijw_verzoek *v = &b->vow->verzoek;
	struct ijw_nieuw_product *n = bericht_klassen(b, IJW_K_NIEUW_PRODUCT, 2);
	assert_non_null(n);
	n[0] = v->nieuwe_producten[0];
	n[1] = v->nieuwe_producten[0];
	n[1].product = product(b, n[0].product->categorie, n[0].product->code);
	v->nieuwe_producten = n;
	v->n_nieuwe_producten = 2;
	return &n[1];
}

static char *bsn_van(struct ijw_bericht *b, int k, char *pad)
{
	switch (b->soort) {
	case IJW_JW305: snprintf(pad, PAD, "/Bericht/Client/Bsn"); return b->start->bsn;
	case IJW_JW307: snprintf(pad, PAD, "/Bericht/Client/Bsn"); return b->stop->bsn;
	case IJW_JW315: snprintf(pad, PAD, "/Bericht/Client/Bsn"); return b->vot->bsn;
	case IJW_JW317: snprintf(pad, PAD, "/Bericht/Client/Bsn"); return b->vow->bsn;
	case IJW_JW323:
		snprintf(pad, PAD, "/Bericht/Declaratie/Clienten/Client[%d]/Bsn", k % 2 + 1);
		return b->declaratie->clienten[k % 2].bsn;
	case IJW_JW301: case IJW_JW302: case IJW_JW306: case IJW_JW308: case IJW_JW316:
	case IJW_JW318: case IJW_JW319: case IJW_JW320: case IJW_JW325:
		break;
	}
	return NULL;
}

/* CS002: one digit changed (every weight is non-zero mod 11). */
static bool m_cs002(struct ijw_bericht *b, int v, char *pad)
{
	if (v >= 12)
		return false;
	char *bsn = bsn_van(b, v, pad);
	int pos = v % 9, d = 1 + v % 7;
	bsn[pos] = (char)('0' + (bsn[pos] - '0' + d) % 10);
	return true;
}

static struct ijw_geboortedatum *gebdat(struct ijw_bericht *b)
{
	switch (b->soort) {
	case IJW_JW305: return &b->start->geboortedatum;
	case IJW_JW307: return &b->stop->geboortedatum;
	case IJW_JW315: return &b->vot->geboortedatum;
	case IJW_JW301: case IJW_JW302: case IJW_JW306: case IJW_JW308: case IJW_JW316:
	case IJW_JW317: case IJW_JW318: case IJW_JW319: case IJW_JW320: case IJW_JW323:
	case IJW_JW325:
		break;
	}
	return NULL;
}

static bool m_cs139(struct ijw_bericht *b, int v, char *pad)
{
	static const struct { const char *gebruik; int j, m, d; } g[] = {
		{ "1", 2010, 2, 14 }, { "1", 2011, 7, 2 }, { "2", 2010, 2, 1 }, { "2", 2010, 1, 14 },
		{ "3", 2010, 2, 14 }, { "3", 1950, 1, 1 },
	};
	if (v >= 6)
		return false;
	struct ijw_geboortedatum *x = gebdat(b);
	strcpy(x->datum_gebruik, g[v].gebruik);
	x->datum = datum_van(g[v].j, g[v].m, g[v].d);
	snprintf(pad, PAD, "%s/Geboortedatum/DatumGebruik", CLIENT);
	return true;
}

static bool m_tr002(struct ijw_bericht *b, int v, char *pad)
{
	static const struct { const char *gebruik; int j, m, d; } g[] = {
		{ "", 1906, 3, 31 }, { "", 1900, 1, 1 }, { "2", 1901, 1, 1 }, { "1", 1905, 3, 1 },
	};
	if (v >= 4)
		return false;
	struct ijw_geboortedatum *x = gebdat(b);
	strcpy(x->datum_gebruik, g[v].gebruik);
	x->datum = datum_van(g[v].j, g[v].m, g[v].d);
	snprintf(pad, PAD, "%s/Geboortedatum/Datum", CLIENT);
	return true;
}

static bool m_tr134_geboorte(struct ijw_bericht *b, int v, char *pad)
{
	if (v >= 3)
		return false;
	gebdat(b)->datum = b->header.berichtidentificatie.dagtekening + 1 + 40 * v;
	snprintf(pad, PAD, "%s/Geboortedatum/Datum", CLIENT);
	return true;
}

/* ---- 305 / 307 ---- */

static bool m_cs058(struct ijw_bericht *b, int v, char *pad)
{
	if (v >= 4)
		return false;
	const char *status = v < 2 ? "2" : "9";
	if (b->soort == IJW_JW305) {
		strcpy(b->start->start_producten[v % 2].status_aanlevering, status);
		snprintf(pad, PAD, "%s/StartProducten/StartProduct[%d]/StatusAanlevering", CLIENT,
			 v % 2 + 1);
	} else {
		strcpy(b->stop->stop_producten[v % 2].status_aanlevering, status);
		snprintf(pad, PAD, "%s/StopProducten/StopProduct[%d]/StatusAanlevering", CLIENT,
			 v % 2 + 1);
	}
	return true;
}

static bool m_tr134_start(struct ijw_bericht *b, int v, char *pad)
{
	if (v >= 4)
		return false;
	b->start->start_producten[v % 2].begindatum = b->header.berichtidentificatie.dagtekening +
						       1 + 10 * v;
	snprintf(pad, PAD, "%s/StartProducten/StartProduct[%d]/Begindatum", CLIENT, v % 2 + 1);
	return true;
}

static bool m_tr134_stop(struct ijw_bericht *b, int v, char *pad)
{
	if (v >= 4)
		return false;
	b->stop->stop_producten[v % 2].einddatum = b->header.berichtidentificatie.dagtekening +
						    1 + 10 * v;
	snprintf(pad, PAD, "%s/StopProducten/StopProduct[%d]/Einddatum", CLIENT, v % 2 + 1);
	return true;
}

static bool m_tr018(struct ijw_bericht *b, int v, char *pad)
{
	if (v >= 6)
		return false;
	struct ijw_stop_product *p = &b->stop->stop_producten[v % 2];
	p->einddatum = p->begindatum - 1 - 7 * (v / 2);
	snprintf(pad, PAD, "%s/StopProducten/StopProduct[%d]/Einddatum", CLIENT, v % 2 + 1);
	return true;
}

/* TR101 in 305/307: a StartProduct/StopProduct repeated (second copied
 * onto the first's key, or a third added). */
static bool m_tr101_305_307(struct ijw_bericht *b, int v, char *pad)
{
	if (v >= 2)
		return false;
	bool start = b->soort == IJW_JW305;
	const char *naam = start ? "StartProduct" : "StopProduct";
	if (v == 0) {
		if (start)
			b->start->start_producten[1] = b->start->start_producten[0];
		else
			b->stop->stop_producten[1] = b->stop->stop_producten[0];
		snprintf(pad, PAD, "%s/%sen/%s[2]", CLIENT, naam, naam);
		return true;
	}
	if (start) {
		struct ijw_start_product *n = bericht_klassen(b, IJW_K_START_PRODUCT, 3);
		assert_non_null(n);
		memcpy(n, b->start->start_producten, 2 * sizeof *n);
		n[2] = n[1];
		b->start->start_producten = n;
		b->start->n_start_producten = 3;
	} else {
		struct ijw_stop_product *n = bericht_klassen(b, IJW_K_STOP_PRODUCT, 3);
		assert_non_null(n);
		memcpy(n, b->stop->stop_producten, 2 * sizeof *n);
		n[2] = n[1];
		b->stop->stop_producten = n;
		b->stop->n_stop_producten = 3;
	}
	snprintf(pad, PAD, "%s/%sen/%s[3]", CLIENT, naam, naam);
	return true;
}

/* ---- 315 ---- */

static struct ijw_aangevraagd_product *ap(struct ijw_bericht *b, int k)
{
	return &b->vot->aangevraagde_producten[k];
}

static bool m_cs003_315(struct ijw_bericht *b, int v, char *pad)
{
	if (v >= 6)
		return false;
	ap(b, v % 2)->toewijzing_einddatum = ap(b, v % 2)->toewijzing_ingangsdatum - 1 - 30 * (v / 2);
	ap_pad(pad, v % 2, "ToewijzingEinddatum");
	return true;
}

static bool m_cd041_315(struct ijw_bericht *b, int v, char *pad)
{
	if (v >= 2)
		return false;
	ap(b, v)->omvang = NULL;
	ap_pad(pad, v, "Omvang");
	return true;
}

static bool m_cd043(struct ijw_bericht *b, int v, char *pad)
{
	if (v >= 4)
		return false;
	if (v < 2)
		ap(b, v % 2)->beschikking_ingangsdatum = DAG_GEEN;
	else
		ap(b, v % 2)->beschikking_nummer = IJW_GEEN;
	ap_pad(pad, v % 2, "BeschikkingIngangsdatum");
	return true;
}

static const char *const ZORGVERLENER_TYPES[] = { "02", "03", "04", "05" };

static bool m_cd066(struct ijw_bericht *b, int v, char *pad)
{
	if (v >= 4)
		return false;
	struct ijw_verwijzer *w = &ap(b, 1)->verwijzer;
	strcpy(w->type, ZORGVERLENER_TYPES[v]);
	w->naam = bericht_tekst(b, "Dr. Jansen");
	ap_pad(pad, 1, "Verwijzer/Naam");
	return true;
}

static bool m_cd067(struct ijw_bericht *b, int v, char *pad)
{
	if (v >= 4)
		return false;
	struct ijw_verwijzer *w = &ap(b, 1)->verwijzer;
	strcpy(w->type, ZORGVERLENER_TYPES[v]);
	w->zorgverlener_code[0] = '\0';
	w->naam = NULL;
	ap_pad(pad, 1, "Verwijzer/Naam");
	return true;
}

static bool m_cd068(struct ijw_bericht *b, int v, char *pad)
{
	static const char *const types[] = { "01", "06" };
	if (v >= 4)
		return false;
	struct ijw_verwijzer *w = &ap(b, v / 2)->verwijzer;
	strcpy(w->type, types[v % 2]);
	strcpy(w->zorgverlener_code, "12345678");
	w->naam = v / 2 ? NULL : w->naam;
	ap_pad(pad, v / 2, "Verwijzer/ZorgverlenerCode");
	return true;
}

/* A budget instead of an Omvang, in another category (no overlap with the
 * other product, TR386). */
static void naar_budget(struct ijw_bericht *b, int k)
{
	ap(b, k)->product = product(b, "45", "");
	ap(b, k)->omvang = NULL;
	ap(b, k)->budget = 150000;
}

static bool m_cd075_315(struct ijw_bericht *b, int v, char *pad)
{
	if (v >= 2)
		return false;
	naar_budget(b, v);
	ap(b, v)->toewijzing_einddatum = DAG_GEEN;
	ap_pad(pad, v, "ToewijzingEinddatum");
	return true;
}

static bool m_cd076_315(struct ijw_bericht *b, int v, char *pad)
{
	if (v >= 2)
		return false;
	ap(b, v)->omvang = omvang(b, 3, "16", "2");
	ap(b, v)->toewijzing_einddatum = DAG_GEEN;
	ap_pad(pad, v, "ToewijzingEinddatum");
	return true;
}

/* Product absent (and so no Omvang, CD095), in a period after the other
 * product's (TR386). */
static bool m_cd079_315(struct ijw_bericht *b, int v, char *pad)
{
	if (v >= 2)
		return false;
	ap(b, v)->product = NULL;
	ap(b, v)->omvang = NULL;
	if (v == 0) {
		ap(b, 1)->toewijzing_ingangsdatum = datum_van(2027, 7, 1);
		ap(b, 1)->toewijzing_einddatum = datum_van(2027, 12, 31);
	} else {
		ap(b, 1)->toewijzing_ingangsdatum = datum_van(2027, 7, 1);
		ap(b, 1)->toewijzing_einddatum = DAG_GEEN;
	}
	ap_pad(pad, v, "Product");
	return true;
}

static bool m_cd095(struct ijw_bericht *b, int v, char *pad)
{
	if (v >= 4)
		return false;
	ap(b, v % 2)->product = product(b, "45", "");
	if (v >= 2)
		ap(b, v % 2)->toewijzing_einddatum = DAG_GEEN;
	ap_pad(pad, v % 2, "Omvang");
	return true;
}

static const char *const EENHEDEN_FREQ[] = { "14", "16", "83", "84" };

static bool m_cs343(struct ijw_bericht *b, int v, char *pad)
{
	if (v >= 8)
		return false;
	ap(b, v % 2)->omvang = omvang(b, 2, EENHEDEN_FREQ[v / 2], "1");
	ap_pad(pad, v % 2, "Omvang/Frequentie");
	return true;
}

static bool m_tr383(struct ijw_bericht *b, int v, char *pad)
{
	if (v >= 2)
		return false;
	if (v == 0)
		strcpy(ap(b, 1)->referentie_aanbieder, ap(b, 0)->referentie_aanbieder);
	else
		strcpy(ap(b, 0)->referentie_aanbieder, ap(b, 1)->referentie_aanbieder);
	ap_pad(pad, 1, "ReferentieAanbieder");
	return true;
}

static bool m_tr386(struct ijw_bericht *b, int v, char *pad)
{
	if (v >= 4)
		return false;
	ap(b, 1)->product = product(b, "55", "55A11");
	ap(b, 1)->toewijzing_ingangsdatum = datum_van(2026, 4, 1) + 60 * v;
	if (v == 3)
		ap(b, 1)->toewijzing_einddatum = DAG_GEEN;
	ap_pad(pad, 1, NULL);
	return true;
}

/* ---- 317 ---- */

static struct ijw_nieuw_product *np(struct ijw_bericht *b)
{
	return &b->vow->verzoek.nieuwe_producten[0];
}

#define NP_PAD "/Bericht/Client/Verzoek/NieuweProducten/NieuwProduct"
#define TW_PAD "/Bericht/Client/Verzoek/TeWijzigenProducten/TeWijzigenProduct"

static bool m_cs003_317(struct ijw_bericht *b, int v, char *pad)
{
	if (v >= 6)
		return false;
	if (v < 3) {
		np(b)->einddatum = np(b)->gewenste_ingangsdatum - 1 - 100 * v;
		snprintf(pad, PAD, NP_PAD "/Einddatum");
	} else {
		struct ijw_te_wijzigen_product *t = voeg_tw(b);
		t->einddatum = t->gewenste_ingangsdatum - 1 - 100 * (v - 3);
		snprintf(pad, PAD, TW_PAD "/Einddatum");
	}
	return true;
}

static bool m_cd041_317(struct ijw_bericht *b, int v, char *pad)
{
	if (v >= 1)
		return false;
	np(b)->omvang = NULL;
	snprintf(pad, PAD, NP_PAD "/Omvang");
	return true;
}

static bool m_cd075_317(struct ijw_bericht *b, int v, char *pad)
{
	if (v >= 2)
		return false;
	if (v == 0) {
		np(b)->product = product(b, "45", "");
		np(b)->omvang = NULL;
		np(b)->budget = 90000;
		np(b)->einddatum = DAG_GEEN;
		snprintf(pad, PAD, NP_PAD "/Einddatum");
	} else {
		struct ijw_te_wijzigen_product *t = voeg_tw(b);
		t->omvang = NULL;
		t->budget = 90000;
		t->einddatum = DAG_GEEN;
		snprintf(pad, PAD, TW_PAD "/Einddatum");
	}
	return true;
}

static bool m_cd076_317(struct ijw_bericht *b, int v, char *pad)
{
	if (v >= 2)
		return false;
	if (v == 0) {
		np(b)->omvang = omvang(b, 5, "04", "2");
		np(b)->einddatum = DAG_GEEN;
		snprintf(pad, PAD, NP_PAD "/Einddatum");
	} else {
		struct ijw_te_wijzigen_product *t = voeg_tw(b);
		t->omvang = omvang(b, 5, "04", "2");
		t->einddatum = DAG_GEEN;
		snprintf(pad, PAD, TW_PAD "/Einddatum");
	}
	return true;
}

static bool m_cd079_317(struct ijw_bericht *b, int v, char *pad)
{
	if (v >= 1)
		return false;
	np(b)->product = NULL;
	np(b)->omvang = NULL;
	snprintf(pad, PAD, NP_PAD "/Product");
	return true;
}

static bool m_cd096(struct ijw_bericht *b, int v, char *pad)
{
	if (v >= 2)
		return false;
	np(b)->product->code[0] = '\0';
	if (v == 1)
		np(b)->einddatum = DAG_GEEN;
	snprintf(pad, PAD, NP_PAD "/Omvang");
	return true;
}

static bool m_cs338(struct ijw_bericht *b, int v, char *pad)
{
	if (v >= 8)
		return false;
	if (v < 4) {
		np(b)->omvang = omvang(b, 2, EENHEDEN_FREQ[v], "1");
		snprintf(pad, PAD, NP_PAD "/Omvang/Frequentie");
	} else {
		voeg_tw(b)->omvang = omvang(b, 2, EENHEDEN_FREQ[v - 4], "1");
		snprintf(pad, PAD, TW_PAD "/Omvang/Frequentie");
	}
	return true;
}

static bool m_tr352(struct ijw_bericht *b, int v, char *pad)
{
	if (v >= 2)
		return false;
	b->vow->verzoek.n_ongewijzigde_producten = 0;
	b->vow->verzoek.ongewijzigde_producten = NULL;
	if (v == 1) {
		struct ijw_nieuw_product *n = voeg_np(b);
		n->product = product(b, "45", "45A04");
	}
	snprintf(pad, PAD, "%s", VERZOEK);
	return true;
}

static bool m_tr353(struct ijw_bericht *b, int v, char *pad)
{
	if (v >= 2)
		return false;
	b->vow->verzoek.n_nieuwe_producten = 0;
	b->vow->verzoek.nieuwe_producten = NULL;
	if (v == 1) {
		struct ijw_ongewijzigd_product *o = bericht_klassen(b, IJW_K_ONGEWIJZIGD_PRODUCT, 2);
		assert_non_null(o);
		o[0].toewijzing_nummer = 10071;
		o[1].toewijzing_nummer = 10075;
		b->vow->verzoek.ongewijzigde_producten = o;
		b->vow->verzoek.n_ongewijzigde_producten = 2;
	}
	snprintf(pad, PAD, "%s", VERZOEK);
	return true;
}

static bool m_tr380(struct ijw_bericht *b, int v, char *pad)
{
	if (v >= 4)
		return false;
	np(b)->gewenste_ingangsdatum = b->header.berichtidentificatie.dagtekening - 30 * v;
	snprintf(pad, PAD, NP_PAD "/GewensteIngangsdatum");
	return true;
}

static bool m_tr410(struct ijw_bericht *b, int v, char *pad)
{
	if (v >= 4)
		return false;
	struct ijw_nieuw_product *n = voeg_np(b);
	n->gewenste_ingangsdatum = np(b)->gewenste_ingangsdatum + 30 * v;
	if (v == 3)
		n->product->code[0] = '\0', n->omvang = NULL, n->budget = 5000;
	snprintf(pad, PAD, NP_PAD "[2]");
	return true;
}

static bool m_tr101_317(struct ijw_bericht *b, int v, char *pad)
{
	if (v >= 2)
		return false;
	if (v == 0) {
		struct ijw_ongewijzigd_product *o = bericht_klassen(b, IJW_K_ONGEWIJZIGD_PRODUCT, 2);
		assert_non_null(o);
		o[0].toewijzing_nummer = o[1].toewijzing_nummer = 10071;
		b->vow->verzoek.ongewijzigde_producten = o;
		b->vow->verzoek.n_ongewijzigde_producten = 2;
		snprintf(pad, PAD, "%s/OngewijzigdeProducten/OngewijzigdProduct[2]", VERZOEK);
	} else {
		struct ijw_te_wijzigen_product *t = voeg_tw(b);
		struct ijw_te_wijzigen_product *n = bericht_klassen(b, IJW_K_TE_WIJZIGEN_PRODUCT, 2);
		assert_non_null(n);
		n[0] = n[1] = *t;
		n[1].einddatum = DAG_GEEN;
		n[1].omvang = omvang(b, 3, "04", "4");
		b->vow->verzoek.te_wijzigen_producten = n;
		b->vow->verzoek.n_te_wijzigen_producten = 2;
		snprintf(pad, PAD, TW_PAD "[2]");
	}
	return true;
}

/* ---- 323 ---- */

#define DECL "/Bericht/Declaratie"

static bool m_cs100_decl(struct ijw_bericht *b, int v, char *pad)
{
	if (v >= 4)
		return false;
	struct ijw_periode *p = &b->declaratie->declaratie_periode;
	p->begindatum = datum_van(2020, 12 - 3 * v, 1);
	p->einddatum = datum_maand_eind(p->begindatum);
	snprintf(pad, PAD, DECL "/DeclaratiePeriode/Begindatum");
	return true;
}

/* A ProductPeriode before 2021, with a DeclaratieDagtekening early enough
 * for TR335 (five years). */
static bool m_cs100_prestatie(struct ijw_bericht *b, int v, char *pad)
{
	if (v >= 5)
		return false;
	b->declaratie->declaratie_dagtekening = datum_van(2021, 2, 5);
	struct ijw_prestatie *p = pres(b, v, pad, "ProductPeriode/Begindatum");
	p->product_periode.begindatum = datum_van(2020, 12 - v, 1);
	p->product_periode.einddatum = datum_maand_eind(p->product_periode.begindatum);
	return true;
}

static bool m_cs325(struct ijw_bericht *b, int v, char *pad)
{
	if (v >= 6)
		return false;
	if (v == 5) {
		for (int k = 0; k < 5; k++)
			pres(b, k, pad, NULL)->ingediend_bedrag.bedrag = 0;
		b->declaratie->totaal_ingediend_bedrag.bedrag = 0;
		strcpy(b->declaratie->totaal_ingediend_bedrag.debet_credit, "C");
		snprintf(pad, PAD, DECL "/TotaalIngediendBedrag/DebetCredit");
		return true;
	}
	struct ijw_prestatie *p = pres(b, v, pad, "IngediendBedrag/DebetCredit");
	p->ingediend_bedrag.bedrag = 0;
	strcpy(p->ingediend_bedrag.debet_credit, "C");
	snprintf(p->product_referentie.vorig_referentie_nummer, IJW_REFERENTIENUMMER, "OUD%d", v);
	herbereken_totaal(b);
	return true;
}

static bool m_cs337(struct ijw_bericht *b, int v, char *pad)
{
	if (v >= 10)
		return false;
	struct ijw_prestatie *p = pres(b, v, pad, "ProductPeriode/Einddatum");
	if (v < 5)
		p->product_periode.einddatum = datum_van(2026, 5, 1 + v % 5);
	else
		p->product_periode.begindatum =
			datum_plus_maanden(p->product_periode.begindatum, -1) + 10 + v % 5;
	return true;
}

static bool m_cs339(struct ijw_bericht *b, int v, char *pad)
{
	if (v >= 10)
		return false;
	struct ijw_prestatie *p = pres(b, v, pad, "IngediendBedrag");
	strcpy(p->eenheid, "83");
	p->product_tarief = IJW_GEEN;
	p->geleverd_volume = p->ingediend_bedrag.bedrag + (v < 5 ? 1 : -100);
	return true;
}

static bool m_cd087(struct ijw_bericht *b, int v, char *pad)
{
	if (v >= 10)
		return false;
	struct ijw_prestatie *p = pres(b, v, pad, "ProductTarief");
	if (v < 5) {
		p->product_tarief = IJW_GEEN;
	} else {
		strcpy(p->eenheid, "83");
		p->geleverd_volume = p->ingediend_bedrag.bedrag;
	}
	return true;
}

static bool m_cd060(struct ijw_bericht *b, int v, char *pad)
{
	if (v >= 10)
		return false;
	struct ijw_prestatie *p = pres(b, v, pad, "ProductReferentie/VorigReferentieNummer");
	if (v < 5) {
		strcpy(p->product_referentie.vorig_referentie_nummer, "OUD9");
	} else {
		strcpy(p->ingediend_bedrag.debet_credit, "C");
		herbereken_totaal(b);
	}
	return true;
}

static bool m_cs340(struct ijw_bericht *b, int v, char *pad)
{
	if (v >= 6)
		return false;
	struct ijw_periode *p = &b->declaratie->declaratie_periode;
	if (v < 3)
		p->begindatum = datum_van(2026, 4, 2 + 5 * v);
	else if (v < 5)
		p->einddatum = datum_van(2026, 4, 29 - 10 * (v - 3));
	else
		p->begindatum = datum_van(2026, 3, 1);
	snprintf(pad, PAD, DECL "/DeclaratiePeriode");
	return true;
}

static bool m_tr137(struct ijw_bericht *b, int v, char *pad)
{
	if (v >= 7)
		return false;
	if (v < 5) {
		struct ijw_prestatie *p = pres(b, v, pad, "ProductPeriode/Einddatum");
		p->product_periode.begindatum = datum_van(2026, 4, 10 + v);
		p->product_periode.einddatum = datum_van(2026, 4, 5 + v);
		return true;
	}
	/* A declaratieperiode that has not ended by the dagtekening. */
	struct ijw_periode *d = &b->declaratie->declaratie_periode;
	d->begindatum = datum_van(2026, 5, 1);
	d->einddatum = datum_van(2026, 5, 31);
	if (v == 6)
		b->header.berichtidentificatie.dagtekening = datum_van(2026, 5, 30);
	snprintf(pad, PAD, DECL "/DeclaratiePeriode/Einddatum");
	return true;
}

static bool m_tr335(struct ijw_bericht *b, int v, char *pad)
{
	if (v >= 10)
		return false;
	struct ijw_prestatie *p = pres(b, v, pad, "ProductPeriode/Einddatum");
	p->product_periode.begindatum = datum_van(2021, 1 + v % 4, 1);
	p->product_periode.einddatum = datum_maand_eind(p->product_periode.begindatum);
	return true;
}

static void credit(struct ijw_prestatie *p, const char *vorig)
{
	strcpy(p->ingediend_bedrag.debet_credit, "C");
	strcpy(p->product_referentie.vorig_referentie_nummer, vorig);
}

static bool m_tr315(struct ijw_bericht *b, int v, char *pad)
{
	static const int paren[][2] = { { 0, 1 }, { 1, 2 }, { 2, 3 }, { 3, 4 }, { 0, 4 }, { 2, 4 } };
	if (v >= 6)
		return false;
	credit(pres(b, paren[v][0], pad, NULL), "OUD1");
	credit(pres(b, paren[v][1], pad, "ProductReferentie/VorigReferentieNummer"), "OUD1");
	herbereken_totaal(b);
	return true;
}

static bool m_tr316(struct ijw_bericht *b, int v, char *pad)
{
	if (v >= 5)
		return false;
	char rn[IJW_REFERENTIENUMMER];
	strcpy(rn, pres(b, (v + 1) % 5, pad, NULL)->product_referentie.referentie_nummer);
	credit(pres(b, v, pad, "ProductReferentie/VorigReferentieNummer"), rn);
	herbereken_totaal(b);
	return true;
}

static bool m_tr358(struct ijw_bericht *b, int v, char *pad)
{
	static const int64_t delta[] = { 1, -1, 100, -5000, 79000, -79000 + 1 };
	if (v >= 7)
		return false;
	struct ijw_bedrag *t = &b->declaratie->totaal_ingediend_bedrag;
	if (v == 6)
		strcpy(t->debet_credit, "C");
	else
		t->bedrag += delta[v];
	snprintf(pad, PAD, DECL "/TotaalIngediendBedrag");
	return true;
}

/* TR416: a second debet for the same period, product and toewijzing
 * within one client. */
static bool m_tr416(struct ijw_bericht *b, int v, char *pad)
{
	static const int paren[][2] = { { 0, 1 }, { 2, 3 }, { 3, 4 }, { 2, 4 } };
	if (v >= 4)
		return false;
	struct ijw_prestatie *a = pres(b, paren[v][0], pad, NULL);
	struct ijw_prestatie *p = pres(b, paren[v][1], pad, NULL);
	p->toewijzing_nummer = a->toewijzing_nummer;
	strcpy(p->product_categorie, a->product_categorie);
	strcpy(p->product_code, a->product_code);
	p->product_periode = a->product_periode;
	return true;
}

static bool m_tr101_323(struct ijw_bericht *b, int v, char *pad)
{
	static const int paren[][2] = { { 0, 1 }, { 2, 3 }, { 3, 4 }, { 2, 4 } };
	if (v >= 5)
		return false;
	if (v == 4) {
		strcpy(b->declaratie->clienten[1].bsn, b->declaratie->clienten[0].bsn);
		snprintf(pad, PAD, DECL "/Clienten/Client[2]");
		return true;
	}
	char rn[IJW_REFERENTIENUMMER];
	strcpy(rn, pres(b, paren[v][0], pad, NULL)->product_referentie.referentie_nummer);
	strcpy(pres(b, paren[v][1], pad, NULL)->product_referentie.referentie_nummer, rn);
	return true;
}

/* ---- the corpus ---------------------------------------------------------- */

static const struct {
	enum ijw_soort soort;
	const char *code;
	mutator *f;
} mutaties[] = {
	{ IJW_JW305, "CS002", m_cs002 }, { IJW_JW307, "CS002", m_cs002 },
	{ IJW_JW315, "CS002", m_cs002 }, { IJW_JW317, "CS002", m_cs002 },
	{ IJW_JW323, "CS002", m_cs002 },
	{ IJW_JW305, "CS139", m_cs139 }, { IJW_JW307, "CS139", m_cs139 },
	{ IJW_JW315, "CS139", m_cs139 },
	{ IJW_JW305, "TR002", m_tr002 }, { IJW_JW307, "TR002", m_tr002 },
	{ IJW_JW315, "TR002", m_tr002 },
	{ IJW_JW305, "TR134", m_tr134_geboorte }, { IJW_JW307, "TR134", m_tr134_geboorte },
	{ IJW_JW315, "TR134", m_tr134_geboorte },
	{ IJW_JW305, "TR134", m_tr134_start }, { IJW_JW307, "TR134", m_tr134_stop },
	{ IJW_JW305, "CS058", m_cs058 }, { IJW_JW307, "CS058", m_cs058 },
	{ IJW_JW307, "TR018", m_tr018 },
	{ IJW_JW305, "TR101", m_tr101_305_307 }, { IJW_JW307, "TR101", m_tr101_305_307 },
	{ IJW_JW315, "CS003", m_cs003_315 }, { IJW_JW315, "CD041", m_cd041_315 },
	{ IJW_JW315, "CD043", m_cd043 }, { IJW_JW315, "CD066", m_cd066 },
	{ IJW_JW315, "CD067", m_cd067 }, { IJW_JW315, "CD068", m_cd068 },
	{ IJW_JW315, "CD075", m_cd075_315 }, { IJW_JW315, "CD076", m_cd076_315 },
	{ IJW_JW315, "CD079", m_cd079_315 }, { IJW_JW315, "CD095", m_cd095 },
	{ IJW_JW315, "CS343", m_cs343 }, { IJW_JW315, "TR383", m_tr383 },
	{ IJW_JW315, "TR386", m_tr386 },
	{ IJW_JW317, "CS003", m_cs003_317 }, { IJW_JW317, "CD041", m_cd041_317 },
	{ IJW_JW317, "CD075", m_cd075_317 }, { IJW_JW317, "CD076", m_cd076_317 },
	{ IJW_JW317, "CD079", m_cd079_317 }, { IJW_JW317, "CD096", m_cd096 },
	{ IJW_JW317, "CS338", m_cs338 }, { IJW_JW317, "TR352", m_tr352 },
	{ IJW_JW317, "TR353", m_tr353 }, { IJW_JW317, "TR380", m_tr380 },
	{ IJW_JW317, "TR410", m_tr410 }, { IJW_JW317, "TR101", m_tr101_317 },
	{ IJW_JW323, "CS100", m_cs100_decl }, { IJW_JW323, "CS100", m_cs100_prestatie },
	{ IJW_JW323, "CS325", m_cs325 }, { IJW_JW323, "CS337", m_cs337 },
	{ IJW_JW323, "CS339", m_cs339 }, { IJW_JW323, "CD087", m_cd087 },
	{ IJW_JW323, "CD060", m_cd060 }, { IJW_JW323, "CS340", m_cs340 },
	{ IJW_JW323, "TR137", m_tr137 }, { IJW_JW323, "TR335", m_tr335 },
	{ IJW_JW323, "TR315", m_tr315 }, { IJW_JW323, "TR316", m_tr316 },
	{ IJW_JW323, "TR358", m_tr358 }, { IJW_JW323, "TR416", m_tr416 },
	{ IJW_JW323, "TR101", m_tr101_323 },
};

static void test_corpus(void **state)
{
	(void)state;
	size_t corpus = 0;
	for (size_t m = 0; m < sizeof mutaties / sizeof mutaties[0]; m++) {
		for (int v = 0;; v++) {
			struct ijw_bericht *b = basis(mutaties[m].soort);
			char pad[PAD] = "";
			if (!mutaties[m].f(b, v, pad)) {
				bericht_vrij(b);
				break;
			}
			struct bericht_fout fo = { 0 };
			size_t len;
			char *tekst = bericht_schrijf_tekst(b, &len, &fo);
			if (!tekst)
				fail_msg("%s %s variant %d: schrijven: %s %s", mutaties[m].code,
					 bericht_soort_naam(mutaties[m].soort), v, fo.plek, fo.melding);
			struct ijw_bericht *t = lees_geldig(tekst, len);
			/* Every mutation is meant to pass the XSD; one that does not
			 * would not count, so it is an error in the test. */
			if (!t)
				fail_msg("%s %s variant %d: XSD weigert de mutatie", mutaties[m].code,
					 bericht_soort_naam(mutaties[m].soort), v);
			verwacht_een(t, mutaties[m].code, pad);
			corpus++;
			bericht_vrij(t);
			free(tekst);
			bericht_vrij(b);
		}
	}
	print_message("corpus: %zu gemuteerde berichten, elk met precies één regel gebroken\n",
		      corpus);
	assert_true(corpus >= 300);
}

/* CD077 and CD078 are one defect seen from both sides (Omvang and Budget
 * together): a mutation breaks both, each at its own element. */
static void test_omvang_en_budget(void **state)
{
	(void)state;
	struct ijw_bericht *b = basis(IJW_JW315);
	b->vot->aangevraagde_producten[1].budget = 40000;
	struct ijw_bevinding bev[MAX_BEV];
	size_t n;
	controleer(b, bev, &n);
	assert_int_equal(n, 2);
	assert_string_equal(bev[0].code, "CD077");
	assert_string_equal(bev[0].pad,
			    "/Bericht/Client/AangevraagdeProducten/AangevraagdProduct[2]/Omvang");
	assert_string_equal(bev[1].code, "CD078");
	assert_string_equal(bev[1].pad,
			    "/Bericht/Client/AangevraagdeProducten/AangevraagdProduct[2]/Budget");
	bericht_vrij(b);

	b = basis(IJW_JW317);
	b->vow->verzoek.nieuwe_producten[0].budget = 40000;
	controleer(b, bev, &n);
	assert_int_equal(n, 2);
	assert_string_equal(bev[0].code, "CD077");
	assert_string_equal(bev[1].code, "CD078");
	assert_string_equal(bev[1].pad, NP_PAD "/Budget");
	bericht_vrij(b);
}

/* The cap: findings past max are not stored, the result still says 1. */
static void test_cap(void **state)
{
	(void)state;
	struct ijw_bericht *b = basis(IJW_JW323);
	b->header.berichtidentificatie.dagtekening = datum_van(2026, 3, 1);
	struct ijw_bevinding bev[2];
	size_t n;
	assert_int_equal(ijw_intern_controleer(b, bev, 2, &n), 1);
	assert_int_equal(n, 2);
	assert_int_equal(ijw_intern_controleer(b, NULL, 0, &n), 1);
	assert_int_equal(n, 0);
	bericht_vrij(b);
}

/* ---- 3. the table against the catalogue ----------------------------------- */

static const unsigned ONTVANGEN = REGEL_BERICHT_JW305 | REGEL_BERICHT_JW307 |
				  REGEL_BERICHT_JW315 | REGEL_BERICHT_JW317 | REGEL_BERICHT_JW323;

static void test_tabel(void **state)
{
	(void)state;
	assert_int_equal(regel_init(), 0);
	for (size_t i = 0; i < ijw_intern_regels(); i++) {
		unsigned berichten;
		const char *code = ijw_intern_regel(i, &berichten);
		const struct regel *r = regel_zoek(code);
		assert_non_null(r);
		assert_int_equal(r->niveau, REGEL_NIVEAU_BERICHT);
		assert_string_equal(r->retourcode, "0001");
		assert_true(regel_bij_ontvangst(r));
		/* only messages the catalogue names, only received ones */
		assert_int_equal(berichten & ~(r->berichten & ONTVANGEN), 0);
		assert_int_not_equal(berichten, 0);
		for (size_t j = 0; j < i; j++)
			assert_string_not_equal(ijw_intern_regel(j, NULL), code);
		/* every rule has a mutation in the corpus, or its own test */
		bool gedekt = strcmp(code, "CD077") == 0 || strcmp(code, "CD078") == 0;
		for (size_t m = 0; m < sizeof mutaties / sizeof mutaties[0]; m++)
			if (strcmp(mutaties[m].code, code) == 0)
				gedekt = true;
		if (!gedekt)
			fail_msg("%s zit niet in het corpus", code);
	}
	assert_null(ijw_intern_regel(ijw_intern_regels(), NULL));
	/* every level-2 rule the municipality checks on a received message */
	for (size_t i = 0; i < regel_aantal(); i++) {
		const struct regel *r = regel_nummer(i);
		if (r->niveau != REGEL_NIVEAU_BERICHT || !regel_bij_ontvangst(r) ||
		    !(r->berichten & ONTVANGEN))
			continue;
		bool gevonden = false;
		for (size_t j = 0; j < ijw_intern_regels(); j++)
			if (strcmp(ijw_intern_regel(j, NULL), r->code) == 0)
				gevonden = true;
		if (!gevonden)
			fail_msg("%s (niveau 2, ontvangst) ontbreekt in ijw/intern", r->code);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_voorbeelden),
		cmocka_unit_test(test_bases_schoon),
		cmocka_unit_test(test_corpus),
		cmocka_unit_test(test_omvang_en_budget),
		cmocka_unit_test(test_cap),
		cmocka_unit_test(test_tabel),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
