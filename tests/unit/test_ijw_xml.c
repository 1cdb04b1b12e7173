/* Unit tests of ijw/xml: the example messages of shared/ijw/voorbeelden
 * (12 valid against their XSD, JW315 and JW318 not, at the right place),
 * hostile input (entity bomb, external entities, network references,
 * size, encodings, empty, wrong root or namespace), the cap on findings,
 * parallel use, and every file of the fuzz corpus as a regression test.
 *
 * Run from the repository root (tests/run.sh does): the examples are in
 * ../shared/ijw/voorbeelden, or under $JEUGDREGIE_SHARED/ijw/voorbeelden. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "ijw/xml.h"

#define FUZZ_KORPUS "tests/fuzz/corpus/ijw_xml"

static const char *gedeeld(void)
{
	const char *s = getenv("JEUGDREGIE_SHARED");

	return s && *s ? s : "../shared";
}

/* The whole file; fails the test when it cannot be read. */
static char *lees(const char *pad, size_t *len)
{
	FILE *f = fopen(pad, "rb");
	char *buf;
	long n;

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

static char *voorbeeld(const char *naam, size_t *len)
{
	char pad[512];

	snprintf(pad, sizeof pad, "%s/ijw/voorbeelden/%s", gedeeld(), naam);
	return lees(pad, len);
}

/* Check a text; the findings when not as expected. */
static int controleer(struct ijw_document *d, const char *tekst, size_t len)
{
	char err[256];
	int rc = ijw_xml_controleer(d, tekst, len, err, sizeof err);

	assert_true(rc >= 0);
	/* 0 exactly when there is no finding. */
	assert_int_equal(rc == 0, d->n_bevindingen == 0);
	return rc;
}

static int controleer_tekst(struct ijw_document *d, const char *tekst)
{
	return controleer(d, tekst, strlen(tekst));
}

static bool heeft(const struct ijw_document *d, const char *code, const char *deel)
{
	for (size_t i = 0; i < d->n_bevindingen; i++)
		if (strcmp(d->bevindingen[i].code, code) == 0 &&
		    strstr(d->bevindingen[i].melding, deel))
			return true;
	return false;
}

static bool ergens(const struct ijw_document *d, const char *deel)
{
	for (size_t i = 0; i < d->n_bevindingen; i++)
		if (strstr(d->bevindingen[i].melding, deel) || strstr(d->bevindingen[i].pad, deel))
			return true;
	return false;
}

/* ---- the examples ---------------------------------------------------------- */

static void test_geldige_voorbeelden(void **state)
{
	static const struct { const char *bestand; enum ijw_soort b; } geldig[] = {
		{ "JW301.xml", IJW_JW301 }, { "JW302.xml", IJW_JW302 },
		{ "JW305.xml", IJW_JW305 }, { "JW306.xml", IJW_JW306 },
		{ "JW307.xml", IJW_JW307 }, { "JW308.xml", IJW_JW308 },
		{ "JW316.xml", IJW_JW316 }, { "JW317.xml", IJW_JW317 },
		{ "JW319.xml", IJW_JW319 }, { "JW320.xml", IJW_JW320 },
		{ "JW323.xml", IJW_JW323 }, { "JW325.xml", IJW_JW325 },
	};
	(void)state;
	for (size_t i = 0; i < sizeof geldig / sizeof geldig[0]; i++) {
		struct ijw_document d;
		size_t len;
		char *t = voorbeeld(geldig[i].bestand, &len);

		if (controleer(&d, t, len) != 0)
			fail_msg("%s: %s %s %s", geldig[i].bestand, d.bevindingen[0].code,
				 d.bevindingen[0].pad, d.bevindingen[0].melding);
		assert_true(d.herkend && d.gevalideerd);
		assert_int_equal(d.soort, geldig[i].b);
		assert_int_equal(strncmp(bericht_soort_naam(d.soort), geldig[i].bestand, 5), 0);
		assert_non_null(d.doc);
		ijw_document_vrij(&d);
		free(t);
	}
}

/* JW315: Einddatum 2027-06-31 in both requested products. */
static void test_jw315_onmogelijke_datum(void **state)
{
	struct ijw_document d;
	size_t len;
	char *t = voorbeeld("JW315.xml", &len);

	(void)state;
	assert_int_equal(controleer(&d, t, len), 1);
	assert_true(d.herkend);
	assert_int_equal(d.soort, IJW_JW315);
	assert_int_equal(d.n_bevindingen, 2);
	for (size_t i = 0; i < 2; i++) {
		char pad[IJW_PAD_LEN];

		snprintf(pad, sizeof pad, "/Bericht/Client/AangevraagdeProducten/"
			 "AangevraagdProduct[%zu]/ToewijzingEinddatum", i + 1);
		assert_string_equal(d.bevindingen[i].code, "XSD");
		assert_string_equal(d.bevindingen[i].pad, pad);
		assert_int_equal(d.bevindingen[i].regel, i == 0 ? 44 : 66);
		assert_non_null(strstr(d.bevindingen[i].melding, "ongeldige waarde"));
		assert_non_null(strstr(d.bevindingen[i].melding, "2027-06-31"));
	}
	ijw_document_vrij(&d);
	free(t);
}

/* JW318: a RetourCode straight under Verzoek, where only RetourCodes may be. */
static void test_jw318_retourcode_verkeerde_plaats(void **state)
{
	struct ijw_document d;
	size_t len;
	char *t = voorbeeld("JW318.xml", &len);

	(void)state;
	assert_int_equal(controleer(&d, t, len), 1);
	assert_int_equal(d.soort, IJW_JW318);
	assert_int_equal(d.n_bevindingen, 1);
	assert_string_equal(d.bevindingen[0].code, "XSD");
	assert_string_equal(d.bevindingen[0].pad, "/Bericht/Client/Verzoek/RetourCode");
	assert_int_equal(d.bevindingen[0].regel, 33);
	assert_non_null(strstr(d.bevindingen[0].melding, "niet toegestaan"));
	/* The namespace noise of libxml2's text is left out. */
	assert_null(strstr(d.bevindingen[0].melding, "{http"));
	ijw_document_vrij(&d);
	free(t);
}

/* ---- hostile input ----------------------------------------------------------- */

static void test_entiteitenbom(void **state)
{
	static const char bom[] =
		"<?xml version=\"1.0\"?>\n"
		"<!DOCTYPE Bericht [\n"
		" <!ENTITY a \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\">\n"
		" <!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n"
		" <!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">\n"
		" <!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">\n"
		" <!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">\n"
		" <!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">\n"
		" <!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">\n"
		"]>\n"
		"<jw301:Bericht xmlns:jw301=\"http://www.istandaarden.nl/ijw/3_2/jw301/schema\">"
		"&g;</jw301:Bericht>\n";
	struct ijw_document d;

	(void)state;
	assert_int_equal(controleer_tekst(&d, bom), 1);
	assert_null(d.doc);
	assert_false(d.herkend);
	assert_int_equal(d.n_bevindingen, 1);
	assert_string_equal(d.bevindingen[0].code, "XSD");
	assert_int_equal(d.bevindingen[0].regel, 2);
	assert_true(heeft(&d, "XSD", "DOCTYPE 'Bericht' niet toegestaan"));
	ijw_document_vrij(&d);
}

/* An external entity to /etc/passwd: refused at the DOCTYPE, and nothing
 * of the file shows up anywhere. XInclude is not processed either. */
static void test_externe_entiteit(void **state)
{
	static const char xxe[] =
		"<?xml version=\"1.0\"?>\n"
		"<!DOCTYPE Bericht [ <!ENTITY xxe SYSTEM \"file:///etc/passwd\"> ]>\n"
		"<jw301:Bericht xmlns:jw301=\"http://www.istandaarden.nl/ijw/3_2/jw301/schema\">"
		"&xxe;</jw301:Bericht>\n";
	static const char extern_dtd[] =
		"<?xml version=\"1.0\"?>\n"
		"<!DOCTYPE Bericht SYSTEM \"file:///etc/passwd\">\n"
		"<jw301:Bericht xmlns:jw301=\"http://www.istandaarden.nl/ijw/3_2/jw301/schema\"/>\n";
	static const char xinclude[] =
		"<?xml version=\"1.0\"?>\n"
		"<jw301:Bericht xmlns:jw301=\"http://www.istandaarden.nl/ijw/3_2/jw301/schema\" "
		"xmlns:xi=\"http://www.w3.org/2001/XInclude\">"
		"<xi:include href=\"file:///etc/passwd\" parse=\"text\"/></jw301:Bericht>\n";
	static const char geen_dtd_wel_entiteit[] =
		"<jw301:Bericht xmlns:jw301=\"http://www.istandaarden.nl/ijw/3_2/jw301/schema\">"
		"&xxe;</jw301:Bericht>";
	struct ijw_document d;

	(void)state;
	assert_int_equal(controleer_tekst(&d, xxe), 1);
	assert_true(heeft(&d, "XSD", "DOCTYPE"));
	assert_false(ergens(&d, "root:"));
	assert_null(d.doc);
	ijw_document_vrij(&d);

	assert_int_equal(controleer_tekst(&d, extern_dtd), 1);
	assert_true(heeft(&d, "XSD", "DOCTYPE"));
	assert_false(ergens(&d, "root:"));
	ijw_document_vrij(&d);

	assert_int_equal(controleer_tekst(&d, xinclude), 1);
	assert_true(d.herkend);
	assert_true(heeft(&d, "XSD", "XSD-fout"));
	assert_string_equal(d.bevindingen[0].pad, "/Bericht/include");
	assert_false(ergens(&d, "root:"));
	ijw_document_vrij(&d);

	assert_int_equal(controleer_tekst(&d, geen_dtd_wel_entiteit), 1);
	assert_true(heeft(&d, "XSD", "niet welgevormd"));
	assert_false(ergens(&d, "root:"));
	ijw_document_vrij(&d);
}

/* References to a URL (xsi:schemaLocation, an xs:include element, an
 * external DTD) never open a connection: a listening socket on the
 * loopback address sees no client. */
static void test_geen_netwerk(void **state)
{
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	socklen_t alen = sizeof a;
	int s = socket(AF_INET, SOCK_STREAM, 0);
	char url[64], *t, *tekst;
	size_t len;
	const char *teksten[3];
	char dtd[512], include[8192], xsi[8192];
	struct ijw_document d;

	(void)state;
	assert_true(s >= 0);
	assert_int_equal(bind(s, (struct sockaddr *)&a, sizeof a), 0);
	assert_int_equal(listen(s, 4), 0);
	assert_int_equal(getsockname(s, (struct sockaddr *)&a, &alen), 0);
	assert_int_equal(fcntl(s, F_SETFL, O_NONBLOCK), 0);
	snprintf(url, sizeof url, "http://127.0.0.1:%d/x.xsd", ntohs(a.sin_port));

	t = voorbeeld("JW305.xml", &len);
	assert_true(len < 4000);
	tekst = strstr(t, "<jw305:Bericht ");
	assert_non_null(tekst);
	/* The valid JW305 with xsi:schemaLocation to the URL stays valid: the
	 * attribute is ignored, our own schema decides. */
	snprintf(xsi, sizeof xsi, "%.*s<jw305:Bericht xmlns:xsi=\"http://www.w3.org/2001/"
		 "XMLSchema-instance\" xsi:schemaLocation=\"http://www.istandaarden.nl/ijw/3_2/"
		 "jw305/schema %s\" %s", (int)(tekst - t), t, url, tekst + strlen("<jw305:Bericht "));
	tekst = strstr(t, "<jw305:Header>");
	assert_non_null(tekst);
	snprintf(include, sizeof include, "%.*s<xs:include xmlns:xs=\"http://www.w3.org/2001/"
		 "XMLSchema\" schemaLocation=\"%s\"/>%s", (int)(tekst - t), t, url, tekst);
	snprintf(dtd, sizeof dtd, "<?xml version=\"1.0\"?>\n<!DOCTYPE Bericht SYSTEM \"%s\">\n"
		 "<jw305:Bericht xmlns:jw305=\"http://www.istandaarden.nl/ijw/3_2/jw305/schema\"/>",
		 url);
	teksten[0] = xsi;
	teksten[1] = include;
	teksten[2] = dtd;

	assert_int_equal(controleer_tekst(&d, teksten[0]), 0);
	ijw_document_vrij(&d);
	assert_int_equal(controleer_tekst(&d, teksten[1]), 1);
	assert_string_equal(d.bevindingen[0].pad, "/Bericht/include");
	ijw_document_vrij(&d);
	assert_int_equal(controleer_tekst(&d, teksten[2]), 1);
	assert_true(heeft(&d, "XSD", "DOCTYPE"));
	ijw_document_vrij(&d);

	assert_int_equal(accept(s, NULL, NULL), -1);
	assert_true(errno == EAGAIN || errno == EWOULDBLOCK);
	close(s);
	free(t);
}

/* OP179: one byte more than 25 MB is refused before parsing; exactly
 * 25 MB (a valid message padded with comments of 1000 bytes: libxml2
 * caps one text or comment at 10 MB without XML_PARSE_HUGE) is read and
 * valid. */
static void test_grootte(void **state)
{
	struct ijw_document d;
	size_t len, pos;
	char *t = voorbeeld("JW306.xml", &len);
	char *groot = malloc(IJW_XML_MAX_BYTES + 1);

	(void)state;
	assert_non_null(groot);
	memcpy(groot, t, len);
	for (pos = len; pos < IJW_XML_MAX_BYTES; ) {
		size_t stuk = IJW_XML_MAX_BYTES - pos;

		if (stuk > 1000)
			stuk = 1000;
		if (stuk < 7) {
			memset(groot + pos, '\n', stuk);
		} else {
			memcpy(groot + pos, "<!--", 4);
			memset(groot + pos + 4, 'x', stuk - 7);
			memcpy(groot + pos + stuk - 3, "-->", 3);
		}
		pos += stuk;
	}
	groot[IJW_XML_MAX_BYTES] = ' ';

	assert_int_equal(controleer(&d, groot, IJW_XML_MAX_BYTES + 1), 1);
	assert_int_equal(d.n_bevindingen, 1);
	assert_string_equal(d.bevindingen[0].code, "OP179");
	assert_non_null(strstr(d.bevindingen[0].melding, "groter dan 25 MB"));
	assert_null(d.doc);
	ijw_document_vrij(&d);

	if (controleer(&d, groot, IJW_XML_MAX_BYTES) != 0)
		fail_msg("%s %s", d.bevindingen[0].code, d.bevindingen[0].melding);
	assert_int_equal(d.soort, IJW_JW306);
	ijw_document_vrij(&d);
	free(groot);
	free(t);
}

static void test_codering(void **state)
{
	static const unsigned char rommel[] = { 0x80, 0x81, 0xfe, 0x9c, 0x01, 0x3c, 0xc3, 0x28 };
	static const unsigned char utf16[] = { 0xff, 0xfe, '<', 0, 'a', 0, '/', 0, '>', 0 };
	static const char bom[] = "\xef\xbb\xbf<a/>";
	static const char latin1[] = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<a>\xe9</a>";
	static const char slecht_utf8[] = "<?xml version=\"1.0\"?>\n<a>\xc3\x28</a>";
	struct ijw_document d;

	(void)state;
	assert_int_equal(controleer(&d, (const char *)rommel, sizeof rommel), 1);
	assert_true(heeft(&d, "XSD", "niet welgevormd"));
	assert_null(d.doc);
	ijw_document_vrij(&d);

	assert_int_equal(controleer(&d, (const char *)utf16, sizeof utf16), 1);
	assert_true(heeft(&d, "OP192", "geen UTF-8"));
	ijw_document_vrij(&d);

	assert_int_equal(controleer_tekst(&d, bom), 1);
	assert_true(heeft(&d, "OP192", "byte-order mark"));
	ijw_document_vrij(&d);

	assert_int_equal(controleer_tekst(&d, latin1), 1);
	assert_true(heeft(&d, "OP192", "ISO-8859-1"));
	ijw_document_vrij(&d);

	assert_int_equal(controleer_tekst(&d, slecht_utf8), 1);
	assert_true(heeft(&d, "XSD", "UTF-8"));
	assert_int_equal(d.bevindingen[0].regel, 2);
	ijw_document_vrij(&d);
}

static void test_leeg(void **state)
{
	struct ijw_document d;

	(void)state;
	assert_int_equal(controleer(&d, "", 0), 1);
	assert_true(heeft(&d, "XSD", "leeg"));
	ijw_document_vrij(&d);
	assert_int_equal(controleer_tekst(&d, " \n\t\n"), 1);
	assert_true(heeft(&d, "XSD", "niet welgevormd"));
	ijw_document_vrij(&d);
}

static void test_verkeerde_namespace_of_root(void **state)
{
	struct ijw_document d;
	size_t len;
	char *t = voorbeeld("JW301.xml", &len);
	char *p;

	(void)state;
	/* Release 3.1 instead of 3.2. */
	for (p = strstr(t, "3_2/jw301"); p; p = strstr(p, "3_2/jw301"))
		p[2] = '1';
	assert_int_equal(controleer(&d, t, len), 1);
	assert_false(d.herkend);
	assert_false(d.gevalideerd);
	assert_true(heeft(&d, "XSD", "ijw/3_1/jw301/schema' is geen iJw 3.2-bericht"));
	assert_string_equal(d.bevindingen[0].pad, "/Bericht");
	ijw_document_vrij(&d);

	assert_int_equal(controleer_tekst(&d, "<Bericht/>"), 1);
	assert_true(heeft(&d, "XSD", "geen namespace"));
	ijw_document_vrij(&d);

	assert_int_equal(controleer_tekst(&d, "<Bericht xmlns=\"http://www.istandaarden.nl/"
					  "ijw/3_2/jw999/schema\"/>"), 1);
	assert_true(heeft(&d, "XSD", "jw999"));
	ijw_document_vrij(&d);

	assert_int_equal(controleer_tekst(&d, "<?xml version=\"1.0\"?>\n<Declaratie xmlns=\""
					  "http://www.istandaarden.nl/ijw/3_2/jw323/schema\"/>"), 1);
	assert_true(heeft(&d, "XSD", "'Declaratie'"));
	ijw_document_vrij(&d);

	/* The right root of another message than its content. */
	assert_int_equal(controleer_tekst(&d, "<Bericht xmlns=\"http://www.istandaarden.nl/"
					  "ijw/3_2/jw323/schema\"><Client/></Bericht>"), 1);
	assert_true(d.herkend);
	assert_int_equal(d.soort, IJW_JW323);
	assert_true(heeft(&d, "XSD", "XSD-fout"));
	assert_string_equal(d.bevindingen[0].pad, "/Bericht/Client");
	ijw_document_vrij(&d);
	free(t);
}

/* A JW323 with 60 clients with a wrong Bsn: 50 findings kept, the rest
 * counted. */
static void test_bevindingen_begrensd(void **state)
{
	struct ijw_document d;
	size_t len, n = 0, cap;
	char *t = voorbeeld("JW323.xml", &len);
	char *begin = strstr(t, "<jw323:Client>");
	char *eind = strstr(t, "</jw323:Client>");
	char *staart = strstr(t, "</jw323:Clienten>");
	char *bsn, *tekst;

	(void)state;
	assert_true(begin && eind && staart);
	eind += strlen("</jw323:Client>");
	bsn = strstr(begin, "<jw323:Bsn>");
	assert_true(bsn && bsn < eind);
	bsn[strlen("<jw323:Bsn>")] = 'x';
	cap = len + 60 * (size_t)(eind - begin) + 1;
	tekst = malloc(cap);
	assert_non_null(tekst);
	n += (size_t)snprintf(tekst + n, cap - n, "%.*s", (int)(begin - t), t);
	for (int i = 0; i < 60; i++)
		n += (size_t)snprintf(tekst + n, cap - n, "%.*s", (int)(eind - begin), begin);
	snprintf(tekst + n, cap - n, "%s", staart);
	assert_int_equal(controleer_tekst(&d, tekst), 1);
	assert_int_equal(d.n_bevindingen, IJW_BEVINDINGEN_MAX);
	assert_true(d.weggelaten > 0);
	assert_string_equal(d.bevindingen[0].pad, "/Bericht/Declaratie/Clienten/Client[1]/Bsn");
	ijw_document_vrij(&d);
	free(tekst);
	free(t);
}

static void test_namen(void **state)
{
	(void)state;
	assert_string_equal(bericht_soort_naam(IJW_JW301), "JW301");
	assert_string_equal(bericht_soort_naam(IJW_JW325), "JW325");
	assert_string_equal(bericht_soort_ns(IJW_JW323),
			    "http://www.istandaarden.nl/ijw/3_2/jw323/schema");
}

/* ---- threads ------------------------------------------------------------------ */

struct draad {
	char *tekst[3];
	size_t len[3];
	int fouten;
};

static void *draai(void *arg)
{
	struct draad *w = arg;

	for (int r = 0; r < 10; r++) {
		for (int i = 0; i < 3; i++) {
			struct ijw_document d;
			char err[256];
			int rc = ijw_xml_controleer(&d, w->tekst[i], w->len[i], err, sizeof err);

			/* JW318 is invalid, the others valid. */
			if (rc != (i == 2 ? 1 : 0))
				w->fouten++;
			ijw_document_vrij(&d);
		}
	}
	return NULL;
}

static void test_parallel(void **state)
{
	static const char *const namen[3] = { "JW323.xml", "JW301.xml", "JW318.xml" };
	pthread_t t[4];
	struct draad w[4];

	(void)state;
	for (int k = 0; k < 4; k++) {
		w[k].fouten = 0;
		for (int i = 0; i < 3; i++)
			w[k].tekst[i] = voorbeeld(namen[i], &w[k].len[i]);
		assert_int_equal(pthread_create(&t[k], NULL, draai, &w[k]), 0);
	}
	for (int k = 0; k < 4; k++) {
		assert_int_equal(pthread_join(t[k], NULL), 0);
		assert_int_equal(w[k].fouten, 0);
		for (int i = 0; i < 3; i++)
			free(w[k].tekst[i]);
	}
}

/* ---- the fuzz corpus as a regression test ----------------------------------- */

static void test_fuzzkorpus(void **state)
{
	DIR *dir = opendir(FUZZ_KORPUS);
	struct dirent *e;
	size_t n = 0;

	(void)state;
	if (!dir)
		fail_msg("%s: %s (draai vanuit de repository)", FUZZ_KORPUS, strerror(errno));
	while ((e = readdir(dir)) != NULL) {
		char pad[512];
		struct ijw_document d;
		size_t len;
		char *t;

		if (e->d_name[0] == '.')
			continue;
		snprintf(pad, sizeof pad, "%s/%s", FUZZ_KORPUS, e->d_name);
		t = lees(pad, &len);
		controleer(&d, t, len);
		ijw_document_vrij(&d);
		free(t);
		n++;
	}
	closedir(dir);
	assert_true(n >= 20);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_geldige_voorbeelden),
		cmocka_unit_test(test_jw315_onmogelijke_datum),
		cmocka_unit_test(test_jw318_retourcode_verkeerde_plaats),
		cmocka_unit_test(test_entiteitenbom),
		cmocka_unit_test(test_externe_entiteit),
		cmocka_unit_test(test_geen_netwerk),
		cmocka_unit_test(test_grootte),
		cmocka_unit_test(test_codering),
		cmocka_unit_test(test_leeg),
		cmocka_unit_test(test_verkeerde_namespace_of_root),
		cmocka_unit_test(test_bevindingen_begrensd),
		cmocka_unit_test(test_namen),
		cmocka_unit_test(test_parallel),
		cmocka_unit_test(test_fuzzkorpus),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
