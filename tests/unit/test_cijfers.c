/* Unit tests for the pure parts of web/cijfers: the peildata of a trend
 * (quarter starts and the peildatum itself), and that the trend and
 * filter computations work on an empty record (all zero, no crash). The
 * cache itself is exercised end to end in tests/e2e/cijfers.sh. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "domain/datum.h"
#include "web/cijfers.h"

static void test_peildata(void **state)
{
	dag_t pd[CIJFERS_TREND_PUNTEN];
	char b[11];

	(void)state;
	cijfers_trend_peildata(datum_van(2026, 11, 25), pd);
	assert_string_equal(datum_fmt(pd[0], b), "2024-01-01");
	assert_string_equal(datum_fmt(pd[1], b), "2024-04-01");
	assert_string_equal(datum_fmt(pd[11], b), "2026-10-01");
	assert_string_equal(datum_fmt(pd[12], b), "2026-11-25");
	for (int i = 1; i < CIJFERS_TREND_PUNTEN; i++)
		assert_true(pd[i - 1] < pd[i]);

	/* A peildatum on a quarter start is not repeated: the quarter starts
	 * before it. */
	cijfers_trend_peildata(datum_van(2025, 1, 1), pd);
	assert_string_equal(datum_fmt(pd[0], b), "2022-01-01");
	assert_string_equal(datum_fmt(pd[11], b), "2024-10-01");
	assert_string_equal(datum_fmt(pd[12], b), "2025-01-01");

	cijfers_trend_peildata(datum_van(2025, 3, 31), pd);
	assert_string_equal(datum_fmt(pd[11], b), "2025-01-01");
	assert_string_equal(datum_fmt(pd[10], b), "2024-10-01");
}

static void test_leeg_record(void **state)
{
	struct kpi_data d;
	struct cijfers_trend t;
	struct cijfers_filterregel f;

	(void)state;
	memset(&d, 0, sizeof d);
	assert_int_equal(cijfers_bereken_trend(&d, NULL, datum_van(2026, 6, 30), &t), 0);
	assert_int_equal(t.n_punten, CIJFERS_TREND_PUNTEN);
	assert_int_equal(t.n_jaren, CIJFERS_TREND_JAREN);
	assert_int_equal(t.jaren[0], 2022);
	assert_int_equal(t.jaren[CIJFERS_TREND_JAREN - 1], 2026);
	assert_int_equal(t.code[0], '\0');
	for (size_t i = 0; i < t.n_punten; i++) {
		assert_int_equal(t.punten[i].thuiszitters, 0);
		assert_int_equal(t.punten[i].wachttijd.totaal.n, 0);
		assert_int_equal(t.punten[i].uitval.totaal, 0);
	}
	assert_int_equal(cijfers_bereken_trend(&d, "0546", datum_van(2026, 6, 30), &t), 0);
	assert_string_equal(t.code, "0546");

	assert_int_equal(cijfers_bereken_filter(&d, NULL, 4, "12345678", datum_van(2026, 6, 30),
						&f), 0);
	assert_true(f.met_plafond);
	assert_int_equal(f.plafond.norm, 0);
	assert_int_equal(cijfers_bereken_filter(&d, "", -1, "", datum_van(2026, 6, 30), &f), 0);
	assert_false(f.met_plafond);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_peildata),
		cmocka_unit_test(test_leeg_record),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
