/* Unit tests for domain/traject: every state pair, with every kind of
 * reden, against the allowed list written out by hand. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "domain/traject.h"

static const struct {
	enum traject_status van, naar;
} toegestaan[] = {
	{ TRAJECT_AANGEMELD, TRAJECT_INTAKE },
	{ TRAJECT_AANGEMELD, TRAJECT_GESTART },
	{ TRAJECT_AANGEMELD, TRAJECT_VERVALLEN },
	{ TRAJECT_INTAKE, TRAJECT_GESTART },
	{ TRAJECT_INTAKE, TRAJECT_VERVALLEN },
	{ TRAJECT_GESTART, TRAJECT_ONDERBROKEN },
	{ TRAJECT_GESTART, TRAJECT_BEEINDIGD },
	{ TRAJECT_ONDERBROKEN, TRAJECT_GESTART },
	{ TRAJECT_ONDERBROKEN, TRAJECT_BEEINDIGD },
};

static const char *const redenen[] = {
	NULL, "", "20", "02", "31", "32", "33", "34", "35", "36", "37", "38",
	"39", "30", "40", "01", "2", "3", "020", "31 ",
};

static bool paar_in_lijst(enum traject_status van, enum traject_status naar)
{
	for (size_t i = 0; i < sizeof toegestaan / sizeof toegestaan[0]; i++)
		if (toegestaan[i].van == van && toegestaan[i].naar == naar)
			return true;
	return false;
}

static bool definitieve_reden(const char *r)
{
	static const char *const ok[] = { "02", "31", "32", "33", "34", "35",
					  "36", "37", "38", "39" };
	for (size_t i = 0; r && i < sizeof ok / sizeof ok[0]; i++)
		if (strcmp(r, ok[i]) == 0)
			return true;
	return false;
}

static bool verwacht(enum traject_status van, enum traject_status naar, const char *r)
{
	if (!paar_in_lijst(van, naar))
		return false;
	if (naar == TRAJECT_ONDERBROKEN)
		return r && strcmp(r, "20") == 0;
	if (naar == TRAJECT_BEEINDIGD)
		return definitieve_reden(r);
	return true;
}

static void test_alle_overgangen(void **state)
{
	(void)state;
	size_t toegestaan_n = 0;
	for (int v = 0; v < TRAJECT_STATUS_AANTAL; v++) {
		for (int n = 0; n < TRAJECT_STATUS_AANTAL; n++) {
			for (size_t r = 0; r < sizeof redenen / sizeof redenen[0]; r++) {
				enum traject_status van = (enum traject_status)v;
				enum traject_status naar = (enum traject_status)n;
				char err[200] = "";
				int rc = traject_overgang(van, naar, redenen[r], err, sizeof err);
				if (verwacht(van, naar, redenen[r])) {
					assert_int_equal(rc, 0);
					toegestaan_n++;
					continue;
				}
				assert_int_equal(rc, -1);
				assert_non_null(strstr(err, traject_status_naam(van)));
				assert_non_null(strstr(err, traject_status_naam(naar)));
				/* A refusal without room for a message still refuses. */
				assert_int_equal(traject_overgang(van, naar, redenen[r], NULL, 0), -1);
			}
		}
	}
	/* 6 pairs need no reden (any of the 20 passes), the pause needs
	 * "20", and both endings take the 10 definitive redenen. */
	assert_int_equal(toegestaan_n, 6 * 20 + 1 + 2 * 10);
}

static void test_voorbeelden(void **state)
{
	(void)state;
	char err[200];
	assert_int_equal(traject_overgang(TRAJECT_AANGEMELD, TRAJECT_GESTART, NULL, err, sizeof err), 0);
	assert_int_equal(traject_overgang(TRAJECT_GESTART, TRAJECT_BEEINDIGD, "20", err, sizeof err), -1);
	assert_non_null(strstr(err, "'20'"));
	assert_int_equal(traject_overgang(TRAJECT_BEEINDIGD, TRAJECT_GESTART, NULL, err, sizeof err), -1);
	assert_string_equal(err, "overgang van 'beëindigd' naar 'gestart' is niet toegestaan");
	assert_int_equal(traject_overgang(TRAJECT_GESTART, TRAJECT_GESTART, NULL, err, sizeof err), -1);
	/* A short buffer gets a truncated, terminated message. */
	char kort[8];
	assert_int_equal(traject_overgang(TRAJECT_VERVALLEN, TRAJECT_INTAKE, NULL, kort, sizeof kort), -1);
	assert_int_equal(strlen(kort), 7);
}

static void test_namen(void **state)
{
	(void)state;
	for (int a = 0; a < TRAJECT_STATUS_AANTAL; a++) {
		const char *na = traject_status_naam((enum traject_status)a);
		assert_true(strlen(na) > 0);
		assert_string_not_equal(na, "onbekend");
		for (int b = a + 1; b < TRAJECT_STATUS_AANTAL; b++)
			assert_string_not_equal(na, traject_status_naam((enum traject_status)b));
	}
	assert_string_equal(traject_status_naam(TRAJECT_BEEINDIGD), "beëindigd");
	assert_string_equal(traject_status_naam((enum traject_status)TRAJECT_STATUS_AANTAL), "onbekend");
}

static void test_redenen(void **state)
{
	(void)state;
	for (size_t r = 0; r < sizeof redenen / sizeof redenen[0]; r++) {
		bool ok = definitieve_reden(redenen[r]) ||
			  (redenen[r] && strcmp(redenen[r], "20") == 0);
		assert_int_equal(reden_beeindiging_geldig(redenen[r]), ok);
		assert_int_equal(reden_beeindiging_naam(redenen[r]) != NULL, ok);
	}
	assert_string_equal(reden_beeindiging_naam("31"), "volgens plan");
	assert_string_equal(reden_beeindiging_naam("20"), "levering tijdelijk beëindigd");
}

static void test_actief(void **state)
{
	(void)state;
	struct traject t = { .begindatum = DAG_GEEN, .einddatum = DAG_GEEN };
	assert_false(traject_actief(&t, 100));
	t.begindatum = 100;
	assert_false(traject_actief(&t, 99));
	assert_true(traject_actief(&t, 100));
	assert_true(traject_actief(&t, 100000));
	t.einddatum = 110;
	assert_true(traject_actief(&t, 110));
	assert_false(traject_actief(&t, 111));
	/* A lapsed registration has an end but never a start. */
	struct traject v = { .begindatum = DAG_GEEN, .einddatum = 110 };
	assert_false(traject_actief(&v, 105));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_alle_overgangen),
		cmocka_unit_test(test_voorbeelden),
		cmocka_unit_test(test_namen),
		cmocka_unit_test(test_redenen),
		cmocka_unit_test(test_actief),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
