/* Unit tests for domain/datum: calendar arithmetic and Dutch working days. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "domain/datum.h"

#define D(j, m, d) datum_van((j), (m), (d))

static void test_bekende_dagnummers(void **state)
{
	(void)state;
	assert_int_equal(D(1970, 1, 1), 0);
	assert_int_equal(D(1969, 12, 31), -1);
	assert_int_equal(D(2000, 3, 1), 11017);
	assert_int_equal(D(1900, 1, 1), -25567);
	int j, m, d;
	datum_delen(-1, &j, &m, &d);
	assert_int_equal(j, 1969);
	assert_int_equal(m, 12);
	assert_int_equal(d, 31);
	datum_delen(D(2024, 2, 29), NULL, &m, NULL);
	assert_int_equal(m, 2);
}

/* Every day of the supported range survives format -> parse and
 * split -> join, and consecutive days differ by one. */
static void test_rondreis(void **state)
{
	(void)state;
	char buf[11];
	for (dag_t d = D(1900, 1, 1); d <= D(2199, 12, 31); d++) {
		dag_t terug;
		assert_int_equal(datum_parse(datum_fmt(d, buf), &terug), 0);
		assert_int_equal(terug, d);
		int j, m, dg;
		datum_delen(d, &j, &m, &dg);
		assert_true(datum_geldig(j, m, dg));
		assert_int_equal(datum_van(j, m, dg), d);
	}
}

static void test_parse_fmt(void **state)
{
	(void)state;
	char buf[11];
	dag_t d = 0;
	assert_int_equal(datum_parse("2024-02-29", &d), 0);
	assert_int_equal(d, D(2024, 2, 29));
	assert_string_equal(datum_fmt(d, buf), "2024-02-29");
	assert_int_equal(datum_parse("2000-02-29", &d), 0);
	assert_string_equal(datum_fmt(D(1900, 1, 1), buf), "1900-01-01");
	assert_string_equal(datum_fmt(DAG_GEEN, buf), "");

	const char *fout[] = {
		"2023-02-29", "1900-02-29", "2100-02-29", "2024-02-30",
		"2023-04-31", "2023-13-01", "2023-00-10", "2023-01-00",
		"2023-1-01",  "2023-01-011", "2023/01/01", "", " 2023-01-01",
		"2023-01-0a", "1899-12-31", "2200-01-01", "20230101",
		"+023-01-01", "2023-01-01 ",
	};
	for (size_t i = 0; i < sizeof fout / sizeof fout[0]; i++) {
		dag_t x = 42;
		assert_int_equal(datum_parse(fout[i], &x), -1);
		assert_int_equal(x, 42);
	}
	assert_int_equal(datum_parse(NULL, &d), -1);
}

static void test_geldig(void **state)
{
	(void)state;
	assert_true(datum_geldig(2024, 2, 29));
	assert_true(datum_geldig(2000, 2, 29));
	assert_false(datum_geldig(2023, 2, 29));
	assert_false(datum_geldig(1900, 2, 29));
	assert_true(datum_geldig(2199, 12, 31));
	assert_false(datum_geldig(1899, 12, 31));
	assert_false(datum_geldig(2200, 1, 1));
	assert_false(datum_geldig(2024, 0, 1));
	assert_false(datum_geldig(2024, 13, 1));
	assert_false(datum_geldig(2024, 6, 31));
	assert_false(datum_geldig(2024, 1, 0));
}

static void test_weekdag_weken(void **state)
{
	(void)state;
	assert_int_equal(datum_weekdag(D(1970, 1, 1)), 3);
	assert_int_equal(datum_weekdag(D(2024, 1, 1)), 0);
	assert_int_equal(datum_weekdag(D(2025, 4, 27)), 6);
	assert_int_equal(datum_weekdag(D(1969, 12, 28)), 6);
	assert_int_equal(datum_weekdag(D(1900, 1, 1)), 0);
	dag_t a = D(2024, 3, 1);
	assert_int_equal(datum_weken(a, a), 0);
	assert_int_equal(datum_weken(a, a + 6), 0);
	assert_int_equal(datum_weken(a, a + 13), 1);
	assert_int_equal(datum_weken(a, a + 14), 2);
	assert_int_equal(datum_weken(a, a - 1), -1);
	assert_int_equal(datum_weken(a, a - 7), -1);
	assert_int_equal(datum_weken(a, a - 8), -2);
	assert_int_equal(datum_dagen(a, D(2024, 2, 28)), -2);
}

static void test_plus_maanden(void **state)
{
	(void)state;
	assert_int_equal(datum_plus_maanden(D(2023, 1, 31), 1), D(2023, 2, 28));
	assert_int_equal(datum_plus_maanden(D(2024, 1, 31), 1), D(2024, 2, 29));
	assert_int_equal(datum_plus_maanden(D(2024, 3, 31), -1), D(2024, 2, 29));
	assert_int_equal(datum_plus_maanden(D(2024, 5, 31), 1), D(2024, 6, 30));
	assert_int_equal(datum_plus_maanden(D(2023, 12, 15), 1), D(2024, 1, 15));
	assert_int_equal(datum_plus_maanden(D(2024, 1, 15), -13), D(2022, 12, 15));
	assert_int_equal(datum_plus_maanden(D(2024, 2, 29), 12), D(2025, 2, 28));
	assert_int_equal(datum_plus_maanden(D(2024, 8, 31), 6), D(2025, 2, 28));
	assert_int_equal(datum_plus_maanden(D(2024, 6, 1), 0), D(2024, 6, 1));
}

static void test_leeftijd(void **state)
{
	(void)state;
	dag_t g = D(2006, 5, 10);
	assert_int_equal(datum_leeftijd(g, g), 0);
	assert_int_equal(datum_leeftijd(g, D(2024, 5, 9)), 17);
	assert_int_equal(datum_leeftijd(g, D(2024, 5, 10)), 18);
	assert_int_equal(datum_leeftijd(g, D(2024, 12, 31)), 18);
	assert_int_equal(datum_verjaardag(g, 18), D(2024, 5, 10));

	dag_t s = D(2008, 2, 29);
	assert_int_equal(datum_leeftijd(s, D(2026, 2, 28)), 17);
	assert_int_equal(datum_leeftijd(s, D(2026, 3, 1)), 18);
	assert_int_equal(datum_leeftijd(s, D(2028, 2, 28)), 19);
	assert_int_equal(datum_leeftijd(s, D(2028, 2, 29)), 20);
	assert_int_equal(datum_verjaardag(s, 18), D(2026, 3, 1));
	assert_int_equal(datum_verjaardag(s, 16), D(2024, 2, 29));
	assert_int_equal(datum_verjaardag(s, 0), s);
}

static void test_maand_grenzen(void **state)
{
	(void)state;
	assert_int_equal(datum_maand_begin(D(2024, 2, 10)), D(2024, 2, 1));
	assert_int_equal(datum_maand_eind(D(2024, 2, 10)), D(2024, 2, 29));
	assert_int_equal(datum_maand_eind(D(2023, 2, 1)), D(2023, 2, 28));
	assert_int_equal(datum_maand_eind(D(2023, 12, 5)), D(2023, 12, 31));
	assert_int_equal(datum_maand_begin(D(2023, 12, 31)), D(2023, 12, 1));
}

static void test_pasen(void **state)
{
	(void)state;
	assert_int_equal(datum_pasen(2024), D(2024, 3, 31));
	assert_int_equal(datum_pasen(2025), D(2025, 4, 20));
	assert_int_equal(datum_pasen(2019), D(2019, 4, 21));
	assert_int_equal(datum_pasen(2016), D(2016, 3, 27));
	assert_int_equal(datum_pasen(2011), D(2011, 4, 24));
	assert_int_equal(datum_pasen(2008), D(2008, 3, 23));
	assert_int_equal(datum_pasen(2000), D(2000, 4, 23));
	assert_int_equal(datum_pasen(2038), D(2038, 4, 25));
	for (int j = 1900; j < 2200; j++)
		assert_int_equal(datum_weekdag(datum_pasen(j)), 6);
}

static void test_feestdagen(void **state)
{
	(void)state;
	const dag_t ja[] = {
		D(2024, 1, 1),  D(2024, 3, 29), D(2024, 3, 31), D(2024, 4, 1),
		D(2024, 4, 27), D(2024, 5, 9),  D(2024, 5, 19), D(2024, 5, 20),
		D(2024, 12, 25), D(2024, 12, 26),
		D(2025, 4, 18), D(2025, 4, 20), D(2025, 4, 21), D(2025, 4, 26),
		D(2025, 5, 5),  D(2025, 5, 29), D(2025, 6, 8),  D(2025, 6, 9),
		D(2014, 4, 26), D(2013, 4, 30), D(2020, 5, 5),  D(2005, 5, 5),
	};
	const dag_t nee[] = {
		D(2024, 5, 5),  D(2025, 4, 27), D(2026, 5, 5),  D(2013, 4, 27),
		D(2014, 4, 27), D(2014, 4, 30), D(2024, 12, 24), D(2024, 12, 31),
		D(2024, 3, 28), D(2024, 4, 2),  D(2024, 5, 10),
	};
	for (size_t i = 0; i < sizeof ja / sizeof ja[0]; i++)
		assert_true(datum_feestdag(ja[i]));
	for (size_t i = 0; i < sizeof nee / sizeof nee[0]; i++)
		assert_false(datum_feestdag(nee[i]));
}

static void test_werkdagen(void **state)
{
	(void)state;
	assert_false(datum_werkdag(D(2024, 4, 1)));  /* Tweede Paasdag */
	assert_true(datum_werkdag(D(2024, 4, 2)));
	assert_false(datum_werkdag(D(2024, 4, 6)));  /* Saturday */
	assert_false(datum_werkdag(D(2025, 5, 5)));  /* Bevrijdingsdag 2025 */
	assert_true(datum_werkdag(D(2026, 5, 5)));   /* not a lustrum year */
	assert_true(datum_werkdag(D(2025, 4, 25)));

	/* Maundy Thursday + 1: Goede Vrijdag, weekend, Tweede Paasdag. */
	assert_int_equal(datum_plus_werkdagen(D(2024, 3, 28), 1), D(2024, 4, 2));
	assert_int_equal(datum_plus_werkdagen(D(2024, 3, 28), 0), D(2024, 3, 28));
	assert_int_equal(datum_plus_werkdagen(D(2025, 5, 2), 1), D(2025, 5, 6));
	assert_int_equal(datum_plus_werkdagen(D(2024, 12, 24), 4), D(2025, 1, 2));
	assert_int_equal(datum_plus_werkdagen(D(2024, 6, 3), 5), D(2024, 6, 10));

	/* Across Christmas and New Year: 27, 30, 31 December and 2 January. */
	assert_int_equal(datum_werkdagen_tussen(D(2024, 12, 24), D(2025, 1, 2)), 4);
	assert_int_equal(datum_werkdagen_tussen(D(2024, 3, 28), D(2024, 4, 2)), 1);
	assert_int_equal(datum_werkdagen_tussen(D(2024, 4, 2), D(2024, 4, 2)), 0);
	assert_int_equal(datum_werkdagen_tussen(D(2024, 4, 3), D(2024, 4, 2)), 0);
	/* 2005: Hemelvaartsdag on Bevrijdingsdag counts once. */
	assert_int_equal(datum_werkdagen_tussen(D(2005, 5, 1), D(2005, 5, 8)), 4);
	/* 2024 has 262 weekdays; 7 of its holidays fall on one. */
	assert_int_equal(datum_werkdagen_tussen(D(2023, 12, 31), D(2024, 12, 31)), 255);
}

/* The arithmetic count agrees with counting day by day, and with
 * datum_plus_werkdagen, over spans of every length up to 400 days. */
static void test_werkdagen_tegen_telling(void **state)
{
	(void)state;
	for (dag_t a = D(1999, 12, 1); a < D(2031, 1, 1); a += 29) {
		int32_t n = 0;
		for (dag_t b = a + 1; b <= a + 400; b += 1) {
			n += datum_werkdag(b);
			assert_int_equal(datum_werkdagen_tussen(a, b), n);
		}
		for (int k = 0; k < 30; k++)
			assert_int_equal(datum_werkdagen_tussen(a, datum_plus_werkdagen(a, k)), k);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bekende_dagnummers),
		cmocka_unit_test(test_rondreis),
		cmocka_unit_test(test_parse_fmt),
		cmocka_unit_test(test_geldig),
		cmocka_unit_test(test_weekdag_weken),
		cmocka_unit_test(test_plus_maanden),
		cmocka_unit_test(test_leeftijd),
		cmocka_unit_test(test_maand_grenzen),
		cmocka_unit_test(test_pasen),
		cmocka_unit_test(test_feestdagen),
		cmocka_unit_test(test_werkdagen),
		cmocka_unit_test(test_werkdagen_tegen_telling),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
