/* Unit tests for ijw/codelijst: known values and their spelling, every
 * list usable, and (where ../shared/ijw is present, seen from the
 * repository root) every code of the official lists and the CBS list
 * with its meaning, and the generated table up to date. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ijw/codelijst.h"
#include "lib/csv.h"

#define CODES_CSV "../shared/ijw/codelijsten/Codes gebruikt in berichten.csv"
#define CBS_MD "../shared/ijw/codelijsten/CBS_Gemeentecodes.md"

static char *lees(const char *pad, size_t *len)
{
	FILE *f = fopen(pad, "rb");
	if (!f)
		return NULL;
	char *buf = NULL;
	if (fseek(f, 0, SEEK_END) == 0) {
		long n = ftell(f);
		if (n >= 0 && fseek(f, 0, SEEK_SET) == 0 && (buf = malloc((size_t)n + 1))) {
			*len = fread(buf, 1, (size_t)n, f);
			buf[*len] = '\0';
		}
	}
	fclose(f);
	return buf;
}

static void test_bekende_waarden(void **state)
{
	(void)state;
	assert_true(codelijst_bevat(CODELIJST_JZ020, "45"));
	assert_string_equal(codelijst_omschrijving(CODELIJST_JZ020, "45"), "Jeugdhulp ambulant");
	assert_false(codelijst_bevat(CODELIJST_JZ020, "30"));
	assert_false(codelijst_bevat(CODELIJST_JZ020, "39"));
	assert_true(codelijst_bevat(CODELIJST_JZ020, "55"));

	/* Spelling as the XSD: leading zeros matter. */
	assert_string_equal(codelijst_omschrijving(CODELIJST_WJ756, "83"), "Euro's");
	assert_true(codelijst_bevat(CODELIJST_WJ756, "04"));
	assert_false(codelijst_bevat(CODELIJST_WJ756, "4"));
	assert_false(codelijst_bevat(CODELIJST_WJ756, "02"));
	assert_true(codelijst_bevat(CODELIJST_WMO757, "6"));
	assert_false(codelijst_bevat(CODELIJST_WMO757, "3"));

	assert_string_equal(codelijst_omschrijving(CODELIJST_JZ588, "20"),
			    "Levering is tijdelijk beeindigd.");
	assert_true(codelijst_bevat(CODELIJST_JZ588, "02"));
	assert_false(codelijst_bevat(CODELIJST_JZ588, "2"));

	assert_false(codelijst_bevat(CODELIJST_COD327, "07"));
	assert_true(codelijst_bevat(CODELIJST_COD327, "08"));
	assert_true(codelijst_bevat(CODELIJST_JZ002, "13"));
	assert_string_equal(codelijst_omschrijving(CODELIJST_JZ002, "01"),
			    "Administratieve correctie (vervallen)");
	assert_true(codelijst_bevat(CODELIJST_COD467, "9"));
	assert_string_equal(codelijst_omschrijving(CODELIJST_WJ760, "2"), "Aanvraag in onderzoek");
	assert_string_equal(codelijst_omschrijving(CODELIJST_WJ759, "8"), "Woonplaatsbeginsel");
	assert_true(codelijst_bevat(CODELIJST_COD043, "C"));
	assert_false(codelijst_bevat(CODELIJST_COD043, "c"));
	assert_true(codelijst_bevat(CODELIJST_COD757, "01"));
	assert_true(codelijst_bevat(CODELIJST_COD472, "03"));
	assert_false(codelijst_bevat(CODELIJST_COD472, "02"));
	assert_true(codelijst_bevat(CODELIJST_WJ232, "11"));
	assert_true(codelijst_bevat(CODELIJST_WJ003, "06"));

	assert_string_equal(codelijst_omschrijving(CODELIJST_WJ001, "8001"),
			    "Declaratie is volledig toegewezen.");
	assert_true(codelijst_bevat(CODELIJST_WJ001, "0001"));
	assert_true(codelijst_bevat(CODELIJST_WJ001, "0200"));
	assert_true(codelijst_bevat(CODELIJST_WJ001, "S300"));
	assert_false(codelijst_bevat(CODELIJST_WJ001, "200"));

	assert_string_equal(codelijst_omschrijving(CODELIJST_COD002, "436"), "JW301");
	assert_string_equal(codelijst_omschrijving(CODELIJST_COD002, "491"), "JW325");

	assert_string_equal(codelijst_omschrijving(CODELIJST_CBS, "0546"), "Leiden");
	assert_true(codelijst_bevat(CODELIJST_CBS, "0638")); /* Zoeterwoude */
	assert_false(codelijst_bevat(CODELIJST_CBS, "546"));
	assert_false(codelijst_bevat(CODELIJST_CBS, "0000"));

	assert_false(codelijst_bevat(CODELIJST_JZ020, ""));
	assert_false(codelijst_bevat(CODELIJST_JZ020, NULL));
	assert_null(codelijst_omschrijving(CODELIJST_JZ020, "30"));
}

static void test_alle_lijsten(void **state)
{
	(void)state;
	for (int i = 0; i < CODELIJST_AANTAL; i++) {
		enum codelijst l = (enum codelijst)i, terug;
		size_t n;
		const struct codelijst_waarde *w = codelijst_waarden(l, &n);
		assert_non_null(w);
		assert_true(n > 0);
		assert_non_null(codelijst_titel(l));
		assert_memory_equal(codelijst_xsd_type(l), "LDT_", 4);
		assert_true(codelijst_zoek(codelijst_naam(l), &terug));
		assert_int_equal(terug, l);
		for (size_t k = 0; k < n; k++) {
			assert_true(codelijst_bevat(l, w[k].code));
			assert_ptr_equal(codelijst_omschrijving(l, w[k].code), w[k].omschrijving);
			assert_true(strlen(w[k].omschrijving) > 0);
			if (k > 0)
				assert_true(strcmp(w[k - 1].code, w[k].code) < 0);
		}
	}
	enum codelijst l;
	assert_false(codelijst_zoek("COD954", &l));
	size_t n;
	assert_null(codelijst_waarden((enum codelijst)CODELIJST_AANTAL, &n));
	assert_int_equal(n, 0);
	assert_null(codelijst_naam((enum codelijst)CODELIJST_AANTAL));
}

/* CSV codes lose their leading zeros: "4" in the CSV is "04" in a message.
 * Equal when both are numbers of equal value, else when equal strings. */
static bool zelfde_code(const char *csvcode, const char *waarde)
{
	bool cijfers = *csvcode && *waarde;
	for (const char *p = csvcode; *p; p++)
		cijfers = cijfers && isdigit((unsigned char)*p);
	for (const char *p = waarde; *p; p++)
		cijfers = cijfers && isdigit((unsigned char)*p);
	if (cijfers)
		return strtol(csvcode, NULL, 10) == strtol(waarde, NULL, 10);
	return strcmp(csvcode, waarde) == 0;
}

/* s with runs of white space as one space, no leading or trailing space. */
static void normaliseer(char *s)
{
	char *u = s;
	bool spatie = false;
	for (char *p = s; *p; p++) {
		if (isspace((unsigned char)*p)) {
			spatie = u != s;
			continue;
		}
		if (spatie)
			*u++ = ' ';
		spatie = false;
		*u++ = *p;
	}
	*u = '\0';
}

static void test_tegen_csv(void **state)
{
	(void)state;
	size_t len = 0;
	char *tekst = lees(CODES_CSV, &len);
	if (!tekst)
		skip();
	struct csv c;
	char buf[4096];
	char *f[8];
	size_t per_lijst[CODELIJST_AANTAL] = { 0 };
	csv_init(&c, tekst, len, ',');
	assert_int_equal(csv_next(&c, buf, sizeof buf, f, 8), 7);
	int n;
	while ((n = csv_next(&c, buf, sizeof buf, f, 8)) != 0) {
		assert_int_equal(n, 7);
		if (strcmp(f[0], f[1]) == 0)
			continue; /* heading row of a list */
		char naam[16];
		size_t k = strcspn(f[0], ":");
		assert_true(k < sizeof naam);
		memcpy(naam, f[0], k);
		naam[k] = '\0';
		enum codelijst l;
		if (!codelijst_zoek(naam, &l))
			fail_msg("lijst %s ontbreekt", naam);
		size_t nw;
		const struct codelijst_waarde *w = codelijst_waarden(l, &nw);
		const struct codelijst_waarde *gevonden = NULL;
		for (size_t i = 0; i < nw; i++)
			if (zelfde_code(f[1], w[i].code))
				gevonden = &w[i];
		if (!gevonden)
			fail_msg("%s: code %s ontbreekt", naam, f[1]);
		normaliseer(f[2]);
		assert_string_equal(gevonden->omschrijving, f[2]);
		per_lijst[l]++;
	}
	for (int i = 0; i < CODELIJST_AANTAL; i++) {
		size_t nw;
		codelijst_waarden((enum codelijst)i, &nw);
		if (i == CODELIJST_CBS || i == CODELIJST_COD002)
			continue; /* from their own files */
		assert_int_equal(per_lijst[i], nw);
	}
	free(tekst);
}

static void test_cbs_gemeenten(void **state)
{
	(void)state;
	size_t len = 0;
	char *tekst = lees(CBS_MD, &len);
	if (!tekst)
		skip();
	size_t aantal = 0;
	for (char *regel = strtok(tekst, "\n"); regel; regel = strtok(NULL, "\n")) {
		char code[5], naam[128];
		/* "| 0546 | Leiden | Zuid-Holland | Holland-Rijnland |" */
		if (sscanf(regel, "| %4[0-9] | %127[^|]|", code, naam) != 2 || strlen(code) != 4)
			continue;
		normaliseer(naam);
		const char *oms = codelijst_omschrijving(CODELIJST_CBS, code);
		if (!oms)
			fail_msg("gemeente %s ontbreekt", code);
		assert_string_equal(oms, naam);
		aantal++;
	}
	size_t nw;
	codelijst_waarden(CODELIJST_CBS, &nw);
	assert_int_equal(aantal, 342);
	assert_int_equal(nw, aantal);
	free(tekst);
}

static void test_tabel_actueel(void **state)
{
	(void)state;
	if (access(CODES_CSV, R_OK) != 0 || system("command -v python3 >/dev/null") != 0)
		skip();
	assert_int_equal(system("python3 scripts/ijw-codelijsten.py --check"), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bekende_waarden),
		cmocka_unit_test(test_alle_lijsten),
		cmocka_unit_test(test_tegen_csv),
		cmocka_unit_test(test_cbs_gemeenten),
		cmocka_unit_test(test_tabel_actueel),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
