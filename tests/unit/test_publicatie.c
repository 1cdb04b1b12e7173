/* Unit tests for domain/publicatie: a count, a share, a figure from n
 * values and money, each for exact askers and for the others. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <string.h>

#include "domain/publicatie.h"

static void test_aantal(void **state)
{
	struct publicatie p;

	(void)state;
	publicatie_aantal(7, true, &p);
	assert_true(p.zichtbaar);
	assert_true(p.waarde == 7.0);
	publicatie_aantal(7, false, &p);
	assert_false(p.zichtbaar);
	assert_string_equal(p.teken, "<10");
	publicatie_aantal(0, false, &p);
	assert_false(p.zichtbaar);
	assert_string_equal(p.teken, "<10");
	publicatie_aantal(13, false, &p);
	assert_true(p.zichtbaar);
	assert_true(p.waarde == 15.0);
}

static void test_deel(void **state)
{
	struct publicatie a, t, p;

	(void)state;
	/* from the published counts: 15 of 40, not 13 of 42 */
	publicatie_aantal(13, false, &a);
	publicatie_aantal(42, false, &t);
	publicatie_deel(&a, &t, 100.0, &p);
	assert_true(p.zichtbaar);
	assert_true(p.waarde == 100.0 * 15.0 / 40.0);
	publicatie_deel(&a, &t, 1.0, &p);
	assert_true(p.waarde == 15.0 / 40.0);
	/* a hidden numerator hides the share */
	publicatie_aantal(3, false, &a);
	publicatie_deel(&a, &t, 1.0, &p);
	assert_false(p.zichtbaar);
	assert_string_equal(p.teken, "x");
	/* nothing to divide by */
	publicatie_aantal(0, true, &a);
	publicatie_aantal(0, true, &t);
	publicatie_deel(&a, &t, 1.0, &p);
	assert_false(p.zichtbaar);
	assert_string_equal(p.teken, "–");
}

static void test_figuur(void **state)
{
	struct publicatie p;

	(void)state;
	assert_true(publicatie_tonen(3, true));
	assert_false(publicatie_tonen(9, false));
	assert_true(publicatie_tonen(10, false));
	publicatie_figuur(0, 0.0, true, &p);
	assert_false(p.zichtbaar);
	assert_string_equal(p.teken, "–");
	publicatie_figuur(9, 41.5, false, &p);
	assert_false(p.zichtbaar);
	assert_string_equal(p.teken, "x");
	publicatie_figuur(9, 41.5, true, &p);
	assert_true(p.zichtbaar);
	assert_true(p.waarde == 41.5);
}

static void test_geld(void **state)
{
	(void)state;
	assert_int_equal(publicatie_geld(123456789, true), 123456789);
	assert_int_equal(publicatie_geld(123456789, false), 123500000);
	assert_int_equal(publicatie_geld(49999, false), 0);
	assert_int_equal(publicatie_geld(50000, false), 100000);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_aantal),
		cmocka_unit_test(test_deel),
		cmocka_unit_test(test_figuur),
		cmocka_unit_test(test_geld),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
