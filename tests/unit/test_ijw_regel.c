/* Unit tests for ijw/regel: the compiled-in rule catalogue of iJw 3.2.
 * Where the shared material (../shared/ijw, seen from the repository root,
 * where tests/run.sh starts the tests) is present, the catalogue is also
 * compared with the official rule export and the committed TSV and
 * conformance document with the generator's output. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ijw/codelijst.h"
#include "ijw/regel.h"
#include "lib/csv.h"

#define REGELS_CSV "../shared/ijw/regels/Regels iStandaarden iJw versie 3.2.csv"
#define N(a) (sizeof(a) / sizeof((a)[0]))

/* The whole file, NUL-terminated, or NULL. Caller frees. */
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

static void test_laden_en_volgorde(void **state)
{
	(void)state;
	assert_int_equal(regel_init(), 0);
	assert_int_equal(regel_init(), 0); /* idempotent */
	size_t n = regel_aantal();
	assert_true(n > 300);
	for (size_t i = 0; i < n; i++) {
		const struct regel *r = regel_nummer(i);
		assert_non_null(r);
		assert_ptr_equal(regel_zoek(r->code), r);
		assert_true(strlen(r->titel) > 0);
		assert_memory_equal(r->code, regel_soort_naam(r->soort), 2);
		if (i > 0)
			assert_true(strcmp(regel_nummer(i - 1)->code, r->code) < 0);
	}
	assert_null(regel_nummer(n));
	assert_null(regel_zoek("TR999"));
	assert_null(regel_zoek(""));
	assert_null(regel_zoek(NULL));
	assert_null(regel_retourcode("TR999"));
}

static void test_bekende_regels(void **state)
{
	(void)state;
	const struct regel *r = regel_zoek("CS002");
	assert_non_null(r);
	assert_string_equal(r->retourcode, "0001");
	assert_int_equal(r->niveau, REGEL_NIVEAU_BERICHT);
	assert_int_equal(r->kant, REGEL_KANT_BEIDE);
	assert_string_equal(r->titel, "De waarde moet voldoen aan de 11-proef.");
	assert_true(r->berichten & REGEL_BERICHT_JW323);
	assert_false(r->berichten & REGEL_BERICHT_JW319);

	/* In-message rules answer 0001; rules checked by the XSD have no
	 * retourcode (no return message at all). */
	assert_string_equal(regel_retourcode("CS003"), "0001");
	r = regel_zoek("RS032");
	assert_non_null(r);
	assert_int_equal(r->niveau, REGEL_NIVEAU_XSD);
	assert_string_equal(r->retourcode, "");
	assert_string_equal(regel_retourcode("CS025"), "");

	/* Outgoing obligations of the municipality (DIGEST §5). */
	const char *uit[] = { "TR332", "TR302", "TR379", "TR385", "CS335", "OP043",
			      "OP002", "TR061", "TR355", "TR359", "TR360", "TR365" };
	for (size_t i = 0; i < N(uit); i++) {
		r = regel_zoek(uit[i]);
		assert_non_null(r);
		assert_int_equal(r->kant, REGEL_KANT_VERZENDING);
		assert_true(regel_bij_verzending(r));
		assert_false(regel_bij_ontvangst(r));
	}
	assert_string_equal(regel_retourcode("TR332"), "9332");

	/* Rules with a sub-number, principles, the 325 rules without code. */
	r = regel_zoek("OP002x1");
	assert_non_null(r);
	assert_int_equal(r->soort, REGEL_SOORT_OP);
	assert_int_equal(r->niveau, REGEL_NIVEAU_GEEN);
	r = regel_zoek("UP001");
	assert_non_null(r);
	assert_int_equal(r->kant, REGEL_KANT_GEEN);
	assert_int_equal(r->berichten, 0);
	assert_string_equal(regel_retourcode("TR337"), "");
	r = regel_zoek("IV028");
	assert_non_null(r);
	assert_int_equal(r->berichten, REGEL_BERICHT_RETOUR);

	assert_string_equal(regel_bericht_naam(REGEL_BERICHT_JW307), "JW307");
	assert_string_equal(regel_bericht_naam(REGEL_BERICHT_RETOUR), "retour");
	assert_null(regel_bericht_naam(REGEL_BERICHT_JW301 | REGEL_BERICHT_JW305));
	assert_null(regel_bericht_naam(0));
	assert_string_equal(regel_niveau_naam(REGEL_NIVEAU_EXTERNE_BRON), "externe_bron");
	assert_string_equal(regel_kant_naam(REGEL_KANT_ONTVANGST), "ontvangst");
}

/* DIGEST §5: the cross-message and external-source rules the municipality
 * enforces on what it receives, with their retourcodes. */
static void test_ontvangstregels_digest(void **state)
{
	(void)state;
	static const struct {
		const char *code, *retour;
		unsigned bericht; /* one message it must apply to */
	} tabel[] = {
		{ "TR019", "9019", REGEL_BERICHT_JW305 }, { "TR056", "9056", REGEL_BERICHT_JW323 },
		{ "TR063", "9063", REGEL_BERICHT_JW307 }, { "TR071", "9071", REGEL_BERICHT_JW305 },
		{ "TR074", "9074", REGEL_BERICHT_JW305 }, { "TR304", "8187", REGEL_BERICHT_JW323 },
		{ "TR307", "9307", REGEL_BERICHT_JW323 }, { "TR308", "9308", REGEL_BERICHT_JW323 },
		{ "TR318", "8214", REGEL_BERICHT_JW323 }, { "TR321", "9321", REGEL_BERICHT_JW323 },
		{ "TR322", "9322", REGEL_BERICHT_JW323 }, { "TR326", "9326", REGEL_BERICHT_JW305 },
		{ "TR333", "9333", REGEL_BERICHT_JW323 }, { "TR338", "9338", REGEL_BERICHT_JW323 },
		{ "TR339", "9339", REGEL_BERICHT_JW323 }, { "TR340", "9340", REGEL_BERICHT_JW323 },
		{ "TR341", "9341", REGEL_BERICHT_JW323 }, { "TR346", "9346", REGEL_BERICHT_JW323 },
		{ "TR347", "9347", REGEL_BERICHT_JW315 }, { "TR369", "9369", REGEL_BERICHT_JW323 },
		{ "TR374", "9374", REGEL_BERICHT_JW317 }, { "TR378", "S300", REGEL_BERICHT_JW315 },
		{ "TR381", "S329", REGEL_BERICHT_JW323 }, { "TR382", "9069", REGEL_BERICHT_JW307 },
		{ "TR384", "9384", REGEL_BERICHT_JW323 }, { "TR387", "9387", REGEL_BERICHT_JW323 },
		{ "TR388", "9388", REGEL_BERICHT_JW323 }, { "TR413", "9413", REGEL_BERICHT_JW307 },
		{ "TR414", "9414", REGEL_BERICHT_JW307 }, { "TR415", "9415", REGEL_BERICHT_JW307 },
		{ "TR418", "0611", REGEL_BERICHT_JW323 },
	};
	for (size_t i = 0; i < N(tabel); i++) {
		const struct regel *r = regel_zoek(tabel[i].code);
		assert_non_null(r);
		assert_string_equal(r->retourcode, tabel[i].retour);
		assert_string_equal(regel_retourcode(tabel[i].code), tabel[i].retour);
		assert_true(regel_bij_ontvangst(r));
		assert_true(r->berichten & tabel[i].bericht);
		assert_true(r->niveau == REGEL_NIVEAU_BERICHTOVERSTIJGEND ||
			    r->niveau == REGEL_NIVEAU_EXTERNE_BRON);
	}
}

/* Every retourcode a rule can produce is a value of code list WJ001. */
static void test_retourcodes_in_wj001(void **state)
{
	(void)state;
	for (size_t i = 0; i < regel_aantal(); i++) {
		const struct regel *r = regel_nummer(i);
		if (r->retourcode[0] == '\0')
			continue;
		if (!codelijst_bevat(CODELIJST_WJ001, r->retourcode))
			fail_msg("%s: retourcode %s niet in WJ001", r->code, r->retourcode);
	}
}

static void *zoek_alles(void *arg)
{
	(void)arg;
	size_t gevonden = 0;
	for (int k = 0; k < 20; k++)
		gevonden += regel_zoek("TR019") != NULL && regel_aantal() > 300;
	return (void *)gevonden;
}

/* The first lookups may race; pthread_once makes them safe (ASan/TSan-
 * clean) and all threads see the whole catalogue. Run before anything
 * else in this process has called regel_init. */
static void test_gelijktijdig_laden(void **state)
{
	(void)state;
	pthread_t t[8];
	for (size_t i = 0; i < N(t); i++)
		assert_int_equal(pthread_create(&t[i], NULL, zoek_alles, NULL), 0);
	for (size_t i = 0; i < N(t); i++) {
		void *uit;
		assert_int_equal(pthread_join(t[i], &uit), 0);
		assert_int_equal((size_t)uit, 20);
	}
}

/* Against the official export: every rule is in the catalogue with its
 * retourcode, and there is nothing else. */
static void test_volledig_tegen_csv(void **state)
{
	(void)state;
	size_t len = 0;
	char *csvtekst = lees(REGELS_CSV, &len);
	if (!csvtekst)
		skip();
	struct csv c;
	size_t buflen = 1 << 16;
	char *buf = malloc(buflen);
	assert_non_null(buf);
	char *f[12];
	csv_init(&c, csvtekst, len, ',');
	assert_int_equal(csv_next(&c, buf, buflen, f, 12), 10);
	assert_string_equal(f[2], "Regelcode");
	assert_string_equal(f[6], "Retourcode");
	size_t aantal = 0;
	int n;
	while ((n = csv_next(&c, buf, buflen, f, 12)) != 0) {
		assert_int_equal(n, 10);
		if (f[2][0] == '\0')
			continue; /* the export ends with empty rows */
		aantal++;
		const struct regel *r = regel_zoek(f[2]);
		if (!r)
			fail_msg("%s ontbreekt in de catalogus", f[2]);
		assert_string_equal(r->retourcode, f[6]);
	}
	assert_int_equal(aantal, 307);
	assert_int_equal(regel_aantal(), aantal);
	free(buf);
	free(csvtekst);
}

/* The committed data/ijw/regels.tsv and docs/ijw-conformance.md are what
 * the script writes now. */
static void test_tsv_actueel(void **state)
{
	(void)state;
	if (access(REGELS_CSV, R_OK) != 0 || system("command -v python3 >/dev/null") != 0)
		skip();
	assert_int_equal(system("python3 scripts/ijw-regels.py --check"), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_gelijktijdig_laden),
		cmocka_unit_test(test_laden_en_volgorde),
		cmocka_unit_test(test_bekende_regels),
		cmocka_unit_test(test_ontvangstregels_digest),
		cmocka_unit_test(test_retourcodes_in_wj001),
		cmocka_unit_test(test_volledig_tegen_csv),
		cmocka_unit_test(test_tsv_actueel),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
