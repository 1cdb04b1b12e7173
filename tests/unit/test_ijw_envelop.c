/* Unit tests of ijw/envelop: the GGk's example envelopes unwrap to their
 * payload and facts; wrap(unwrap(x)) validates and gives the same payload
 * byte for byte and the same facts; a JW301 and a binary payload survive
 * wrap and unwrap unchanged; the retour envelope refers to the heen
 * envelope; a payload over libxml2's 10 MB text-node limit still passes;
 * hostile envelopes (bad base64, a payload over 25 MB, an envelope over
 * the size limit, a DOCTYPE with entities, a wrong namespace or root, a
 * schema violation) are refused with IB001/IB003 and a Dutch message.
 *
 * Run from the repository root (tests/run.sh does): the examples are in
 * ../shared/ijw/envelop and ../shared/ijw/voorbeelden, or under
 * $JEUGDREGIE_SHARED. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "ijw/envelop.h"
#include "ijw/xml.h"

#define GGK "ijw/envelop/ggk0310_21_03/"

static const char *gedeeld(void)
{
	const char *s = getenv("JEUGDREGIE_SHARED");

	return s && *s ? s : "../shared";
}

static char *lees(const char *naam, size_t *len)
{
	char pad[512];
	FILE *f;
	char *buf;
	long n;

	snprintf(pad, sizeof pad, "%s/%s", gedeeld(), naam);
	f = fopen(pad, "rb");
	if (!f)
		fail_msg("%s: %s (draai vanuit de repository; shared staat in ../shared of "
			 "$JEUGDREGIE_SHARED)", pad, strerror(errno));
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	n = ftell(f);
	assert_true(n >= 0);
	assert_int_equal(fseek(f, 0, SEEK_SET), 0);
	buf = malloc((size_t)n + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
	buf[n] = '\0';
	fclose(f);
	*len = (size_t)n;
	return buf;
}

/* Unwrap text; expects rc, and on refusal the code and a part of the
 * message. */
static void geweigerd(const char *tekst, size_t len, const char *code, const char *deel)
{
	struct envelop e;
	struct envelop_fout fout;
	unsigned char *b = (unsigned char *)"x";
	size_t n = 1;
	int rc = envelop_uitpakken(tekst, len, &e, &b, &n, &fout);

	if (rc != 1 || strcmp(fout.code, code) != 0 || !strstr(fout.melding, deel))
		fail_msg("verwacht %s met '%s', kreeg rc %d: %s %s: %s", code, deel, rc, fout.code,
			 fout.pad, fout.melding);
	assert_null(b);
	assert_int_equal(n, 0);
}

/* A minimal valid heen envelope around the base64 text b64. */
static char *envelop_met(const char *b64, const char *extra_voor_root)
{
	static const char kop[] =
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n%s"
		"<GGK:envelopHeenbericht-ggk_Di01 xmlns:StUF=\"http://www.egem.nl/StUF/StUF0301\" "
		"xmlns:GGK=\"http://www.stufstandaarden.nl/sectormodel/ggk/0210\" "
		"xmlns:xmime=\"http://www.w3.org/2005/05/xmlmime\">"
		"<GGK:stuurgegevens><StUF:berichtcode>Di01</StUF:berichtcode>"
		"<StUF:zender><StUF:organisatie>12345678</StUF:organisatie>"
		"<StUF:applicatie>Zorgpakket</StUF:applicatie></StUF:zender>"
		"<StUF:ontvanger><StUF:organisatie>0546</StUF:organisatie>"
		"<StUF:applicatie>GGk</StUF:applicatie></StUF:ontvanger>"
		"<StUF:referentienummer>ref-1</StUF:referentienummer>"
		"<StUF:tijdstipBericht>20261125120000</StUF:tijdstipBericht>"
		"<StUF:functie>JW323</StUF:functie></GGK:stuurgegevens>"
		"<GGK:parameters><GGK:applicatieVersie>0003</GGK:applicatieVersie>"
		"<GGK:applicatieSubversie>0002</GGK:applicatieSubversie>"
		"<GGK:functieVersie>0003</GGK:functieVersie>"
		"<GGK:functieSubversie>0002</GGK:functieSubversie>"
		"<GGK:bericht xmime:contentType=\"application/xml\">";
	static const char staart[] = "</GGK:bericht></GGK:parameters></GGK:envelopHeenbericht-ggk_Di01>\n";
	size_t n = sizeof kop + strlen(extra_voor_root) + strlen(b64) + sizeof staart;
	char *s = malloc(n);

	assert_non_null(s);
	snprintf(s, n, kop, extra_voor_root);
	strcat(s, b64);
	strcat(s, staart);
	return s;
}

/* Facts of a heen envelope as the program would send it. */
static void feiten(struct envelop *e)
{
	memset(e, 0, sizeof *e);
	e->soort = ENVELOP_HEEN;
	strcpy(e->zender.organisatie, "0546");
	strcpy(e->zender.applicatie, "jeugdregie");
	strcpy(e->ontvanger.organisatie, "12345678");
	strcpy(e->ontvanger.applicatie, "GGk");
	strcpy(e->ontvanger.gebruiker, "Zorg & <Welzijn> \"BV\"");
	strcpy(e->referentienummer, "b6e9f182-bc44-4f27-9863-9a5ccc1e1cf0");
	strcpy(e->tijdstip_bericht, "20261125142804123");
	strcpy(e->functie, "JW301");
	strcpy(e->referentienummer_bericht, "000000000042");
	strcpy(e->applicatie_versie, "0003");
	strcpy(e->applicatie_subversie, "0002");
	strcpy(e->functie_versie, "0003");
	strcpy(e->functie_subversie, "0002");
	strcpy(e->bestandsnaam, "JW301.xml");
	strcpy(e->content_type, "application/xml");
}

/* wrap then unwrap: same bytes, same facts. */
static void heen_en_terug(const struct envelop *e, const void *data, size_t len)
{
	struct envelop terug;
	struct envelop_fout fout;
	unsigned char *b;
	size_t n;
	char *tekst;
	size_t tekst_len;
	int rc = envelop_inpakken(e, data, len, &tekst, &tekst_len, &fout);

	if (rc != 0)
		fail_msg("inpakken: %d %s %s: %s", rc, fout.code, fout.pad, fout.melding);
	assert_int_equal(strlen(tekst), tekst_len);
	rc = envelop_uitpakken(tekst, tekst_len, &terug, &b, &n, &fout);
	if (rc != 0)
		fail_msg("uitpakken: %d %s %s: %s", rc, fout.code, fout.pad, fout.melding);
	assert_int_equal(n, len);
	assert_memory_equal(b, data, len);
	assert_int_equal(b[n], 0);
	assert_memory_equal(&terug, e, sizeof terug);
	free(b);
	free(tekst);
}

/* ---- the GGk's examples ------------------------------------------------- */

static void test_voorbeeld_heen(void **state)
{
	static const char *const bestanden[] = {
		GGK "voorbeeldberichten/envelopHeenbericht-ggk_Di01_v21.xml",
		GGK "ggk0310_21/ggkberichten/ggk_Di01.xml",
	};

	(void)state;
	for (size_t i = 0; i < 2; i++) {
		struct envelop e;
		struct envelop_fout fout;
		unsigned char *b;
		size_t len, n;
		char *tekst = lees(bestanden[i], &len);
		int rc = envelop_uitpakken(tekst, len, &e, &b, &n, &fout);

		if (rc != 0)
			fail_msg("%s: %d %s %s: %s", bestanden[i], rc, fout.code, fout.pad, fout.melding);
		assert_int_equal(e.soort, ENVELOP_HEEN);
		assert_string_equal((char *)b, "Hier staat het heenbericht");
		assert_int_equal(n, strlen("Hier staat het heenbericht"));
		assert_string_equal(e.zender.organisatie, "0548");
		assert_string_equal(e.zender.applicatie, "Wmo Applicatie");
		assert_string_equal(e.zender.gebruiker, "gebruiker1");
		assert_string_equal(e.ontvanger.organisatie, "CAK");
		assert_string_equal(e.ontvanger.applicatie, "GGk");
		assert_string_equal(e.referentienummer, "9c0f7b90-5c69-11e5-a837-0800200c9a66");
		assert_string_equal(e.tijdstip_bericht, "20160421132514");
		assert_string_equal(e.cross_refnummer, "");
		assert_string_equal(e.functie, "WMO301");
		assert_string_equal(e.referentienummer_bericht, "123456789012");
		assert_string_equal(e.applicatie_versie, "0004");
		assert_string_equal(e.applicatie_subversie, "0003");
		assert_string_equal(e.functie_versie, "0001");
		assert_string_equal(e.functie_subversie, "0001");
		assert_string_equal(e.bestandsnaam, "WMO301.txt");
		assert_string_equal(e.content_type, "application/xml");
		/* wrap(unwrap(x)): valid, same payload, same facts. */
		heen_en_terug(&e, b, n);
		free(b);
		free(tekst);
	}
}

static void test_voorbeeld_retour(void **state)
{
	struct envelop e;
	struct envelop_fout fout;
	unsigned char *b;
	size_t len, n;
	char *tekst = lees(GGK "ggk0310_21/ggkberichten/ggk_Du01.xml", &len);
	int rc = envelop_uitpakken(tekst, len, &e, &b, &n, &fout);

	(void)state;
	if (rc != 0)
		fail_msg("%d %s %s: %s", rc, fout.code, fout.pad, fout.melding);
	assert_int_equal(e.soort, ENVELOP_RETOUR);
	assert_string_equal((char *)b, "Hier staat het retourbericht");
	assert_string_equal(e.zender.organisatie, "01023456");
	assert_string_equal(e.ontvanger.organisatie, "0484");
	assert_string_equal(e.referentienummer, "b6e9f182-bc44-4f27-9863-9a5ccc1e1cf0");
	assert_string_equal(e.cross_refnummer, "9c0f7b90-5c69-11e5-a837-0800200c9a66");
	assert_string_equal(e.functie, "WMO302");
	assert_string_equal(e.referentienummer_bericht, "234567890123");
	assert_string_equal(e.cross_refnummer_bericht, "123456789012");
	heen_en_terug(&e, b, n);
	free(b);
	free(tekst);
}

/* The GGk's own retour example is not well-formed (stray ' in the start
 * tag, see shared/ijw/SOURCES.md): refused, with the line. */
static void test_voorbeeld_retour_kapot(void **state)
{
	struct envelop e;
	struct envelop_fout fout;
	unsigned char *b;
	size_t len, n;
	char *tekst = lees(GGK "voorbeeldberichten/envelopRetourbericht-ggk_Du01-v21.xml", &len);

	(void)state;
	assert_int_equal(envelop_uitpakken(tekst, len, &e, &b, &n, &fout), 1);
	assert_string_equal(fout.code, "IB001");
	assert_non_null(strstr(fout.melding, "geen welgevormde XML"));
	assert_int_equal(fout.regel, 2);
	free(tekst);
}

/* ---- round trips ------------------------------------------------------- */

static void test_jw301_heen_en_terug(void **state)
{
	struct envelop e, retour, terug;
	struct envelop_fout fout;
	struct ijw_document d;
	unsigned char *b;
	size_t len, n, tekst_len;
	char err[256], *tekst;
	char *jw301 = lees("ijw/voorbeelden/JW301.xml", &len);

	(void)state;
	feiten(&e);
	heen_en_terug(&e, jw301, len);

	/* Unwrapped, it is still the same valid JW301. */
	assert_int_equal(envelop_inpakken(&e, jw301, len, &tekst, &tekst_len, &fout), 0);
	assert_int_equal(envelop_uitpakken(tekst, tekst_len, &terug, &b, &n, &fout), 0);
	assert_int_equal(ijw_xml_controleer(&d, b, n, err, sizeof err), 0);
	assert_int_equal(d.soort, IJW_JW301);
	ijw_document_vrij(&d);
	free(b);
	free(tekst);

	/* The answer's envelope: parties swapped, refers to the heen's
	 * references, validates. */
	assert_int_equal(envelop_retour_feiten(&terug, "a-302-1", "20261126090000", "JW302",
					       "000000000043", &retour, &fout), 0);
	assert_int_equal(retour.soort, ENVELOP_RETOUR);
	assert_string_equal(retour.zender.organisatie, "12345678");
	assert_string_equal(retour.ontvanger.organisatie, "0546");
	assert_string_equal(retour.cross_refnummer, e.referentienummer);
	assert_string_equal(retour.cross_refnummer_bericht, e.referentienummer_bericht);
	assert_string_equal(retour.functie, "JW302");
	free(jw301);
	jw301 = lees("ijw/voorbeelden/JW302.xml", &len);
	heen_en_terug(&retour, jw301, len);
	assert_int_equal(envelop_inpakken(&retour, jw301, len, &tekst, &tekst_len, &fout), 0);
	assert_non_null(strstr(tekst, "<StUF:crossRefnummer>b6e9f182-bc44-4f27-9863-9a5ccc1e1cf0<"));
	assert_non_null(strstr(tekst, "<GGK:envelopRetourbericht-ggk_Du01 "));
	free(tekst);
	/* A value that does not fit its field. */
	assert_int_equal(envelop_retour_feiten(&terug, "x", "20261126090000",
					       "een functie die veel te lang is voor het veld functie "
					       "van de StUF-stuurgegevens, want dat heeft hoogstens "
					       "dertig tekens, in vieren zelfs", "", &retour, &fout), 1);
	assert_string_equal(fout.code, "IB001");
	free(jw301);
}

/* Every byte value, and lengths 1..5 (each base64 padding case). */
static void test_binair_heen_en_terug(void **state)
{
	unsigned char data[256];
	struct envelop e;

	(void)state;
	for (size_t i = 0; i < sizeof data; i++)
		data[i] = (unsigned char)(255 - i);
	feiten(&e);
	heen_en_terug(&e, data, sizeof data);
	for (size_t n = 1; n <= 5; n++)
		heen_en_terug(&e, data, n);
}

/* 20 MB: base64 over libxml2's 10 MB cap on one text node (which needs
 * XML_PARSE_HUGE wherever libxml2 applies the cap), and under 25 MB, so
 * it must pass. */
static void test_groot_bericht(void **state)
{
	const size_t n = (size_t)20 * 1024 * 1024;
	unsigned char *data = malloc(n);
	struct envelop e;

	(void)state;
	assert_non_null(data);
	for (size_t i = 0; i < n; i++)
		data[i] = (unsigned char)('A' + i % 26);
	feiten(&e);
	heen_en_terug(&e, data, n);
	free(data);
}

/* ---- hostile and broken envelopes ---------------------------------------- */

static void test_slechte_base64(void **state)
{
	char *s;

	(void)state;
	s = envelop_met("SGllciBz*GFhdA==", "");
	geweigerd(s, strlen(s), "IB001", "teken 9 ('*')");
	free(s);
	s = envelop_met("SGllciBzdGFhdA", "");
	geweigerd(s, strlen(s), "IB001", "geen geldige base64");
	free(s);
	s = envelop_met("SGll ciBz\n dGFh dA==", ""); /* whitespace is allowed */
	{
		struct envelop e;
		struct envelop_fout fout;
		unsigned char *b;
		size_t n;

		assert_int_equal(envelop_uitpakken(s, strlen(s), &e, &b, &n, &fout), 0);
		assert_string_equal((char *)b, "Hier staat");
		assert_string_equal(e.functie, "JW323");
		free(b);
	}
	free(s);
	s = envelop_met("", "");
	geweigerd(s, strlen(s), "IB001", "GGK:bericht is leeg");
	free(s);
}

/* A payload of 25 MB + 1 byte: IB003, in the envelope and when wrapping. */
static void test_te_groot(void **state)
{
	const size_t n = ENVELOP_MAX_BERICHT + 1;
	size_t b64_len = sodium_base64_ENCODED_LEN(n, sodium_base64_VARIANT_ORIGINAL);
	unsigned char *data = calloc(1, n);
	char *b64 = malloc(b64_len), *s, *uit;
	struct envelop e;
	struct envelop_fout fout;
	size_t uit_len;

	(void)state;
	assert_non_null(data);
	assert_non_null(b64);
	sodium_bin2base64(b64, b64_len, data, n, sodium_base64_VARIANT_ORIGINAL);
	s = envelop_met(b64, "");
	geweigerd(s, strlen(s), "IB003", "groter dan 25 MB");
	free(s);

	feiten(&e);
	assert_int_equal(envelop_inpakken(&e, data, n, &uit, &uit_len, &fout), 1);
	assert_string_equal(fout.code, "IB003");
	assert_null(uit);

	/* An envelope past its own limit is refused before parsing. */
	s = malloc(ENVELOP_MAX_BYTES + 2);
	assert_non_null(s);
	memset(s, ' ', ENVELOP_MAX_BYTES + 1);
	s[ENVELOP_MAX_BYTES + 1] = '\0';
	geweigerd(s, ENVELOP_MAX_BYTES + 1, "IB003", "25 MB");
	free(s);
	free(b64);
	free(data);
}

static void test_doctype(void **state)
{
	char *s;

	(void)state;
	/* Billion laughs. */
	s = envelop_met("&lol3;",
			"<!DOCTYPE GGK:envelopHeenbericht-ggk_Di01 [<!ENTITY lol \"lol\">"
			"<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
			"<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>\n");
	geweigerd(s, strlen(s), "IB001", "DOCTYPE");
	free(s);
	/* An external entity. */
	s = envelop_met("&xxe;", "<!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n");
	geweigerd(s, strlen(s), "IB001", "DOCTYPE");
	free(s);
	s = envelop_met("QQ==", "<!DOCTYPE x SYSTEM \"http://127.0.0.1:9/x.dtd\">\n");
	geweigerd(s, strlen(s), "IB001", "DOCTYPE");
	free(s);
}

static void test_verkeerde_envelop(void **state)
{
	static const char iets_anders[] = "<?xml version=\"1.0\"?><Bericht/>";
	char *s, *p;

	(void)state;
	s = envelop_met("QQ==", "");
	/* Wrong namespace: the GGk's URI with another version. */
	p = strstr(s, "ggk/0210");
	assert_non_null(p);
	memcpy(p, "ggk/0310", 8);
	geweigerd(s, strlen(s), "IB001", "namespace");
	free(s);
	geweigerd(iets_anders, strlen(iets_anders), "IB001", "hoofdelement heet 'Bericht'");
	geweigerd("", 0, "IB001", "leeg");
	geweigerd("<a>", 3, "IB001", "welgevormde");

	/* Valid XML, but not after the XSD: berichtcode Du01 in a heen. */
	s = envelop_met("QQ==", "");
	p = strstr(s, ">Di01<");
	assert_non_null(p);
	memcpy(p, ">Du01<", 6);
	{
		struct envelop e;
		struct envelop_fout fout;
		unsigned char *b;
		size_t n;

		assert_int_equal(envelop_uitpakken(s, strlen(s), &e, &b, &n, &fout), 1);
		assert_string_equal(fout.code, "IB001");
		assert_string_equal(fout.pad,
				    "/envelopHeenbericht-ggk_Di01/stuurgegevens/berichtcode");
		assert_non_null(strstr(fout.melding, "XSD"));
	}
	free(s);
}

/* Facts that cannot make a valid envelope are refused, not written. */
static void test_inpakken_slechte_feiten(void **state)
{
	struct envelop e;
	struct envelop_fout fout;
	char *uit;
	size_t n;

	(void)state;
	feiten(&e);
	strcpy(e.zender.applicatie, "jr");   /* StUF:Applicatie: 3..50 */
	assert_int_equal(envelop_inpakken(&e, "x", 1, &uit, &n, &fout), 1);
	assert_string_equal(fout.code, "IB001");
	assert_string_equal(fout.pad, "/envelopHeenbericht-ggk_Di01/stuurgegevens/zender/applicatie");
	assert_null(uit);

	feiten(&e);
	strcpy(e.tijdstip_bericht, "gisteren");
	assert_int_equal(envelop_inpakken(&e, "x", 1, &uit, &n, &fout), 1);
	assert_non_null(strstr(fout.pad, "tijdstipBericht"));

	feiten(&e);
	e.functie[0] = '\x01';
	assert_int_equal(envelop_inpakken(&e, "x", 1, &uit, &n, &fout), 1);
	assert_non_null(strstr(fout.melding, "stuurteken"));

	feiten(&e);
	assert_int_equal(envelop_inpakken(&e, "", 0, &uit, &n, &fout), 1);
	assert_non_null(strstr(fout.melding, "leeg"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_voorbeeld_heen),
		cmocka_unit_test(test_voorbeeld_retour),
		cmocka_unit_test(test_voorbeeld_retour_kapot),
		cmocka_unit_test(test_jw301_heen_en_terug),
		cmocka_unit_test(test_binair_heen_en_terug),
		cmocka_unit_test(test_groot_bericht),
		cmocka_unit_test(test_slechte_base64),
		cmocka_unit_test(test_te_groot),
		cmocka_unit_test(test_doctype),
		cmocka_unit_test(test_verkeerde_envelop),
		cmocka_unit_test(test_inpakken_slechte_feiten),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
