/* Unit tests for domain/bsn: the 11-proef and the test-BSN enumeration. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "domain/bsn.h"

static void test_geldig(void **state)
{
	(void)state;
	const char *ja[] = { "999900006", "123456782", "111222333", "999999990",
			     "999899995" };
	const char *nee[] = {
		"000000000",  /* passes the sum, but nobody's number */
		"12345678",   /* too short */
		"1234567820", /* too long */
		"12345678a", "12345678 ", " 23456782", "-12345678", "1234 6782",
		"123456783",  /* 11-proef fails */
		"123456781", "999900005", "999900007", "999999991", "",
	};
	for (size_t i = 0; i < sizeof ja / sizeof ja[0]; i++)
		assert_true(bsn_geldig(ja[i]));
	for (size_t i = 0; i < sizeof nee / sizeof nee[0]; i++)
		assert_false(bsn_geldig(nee[i]));
	assert_false(bsn_geldig(NULL));
}

static void test_testbereik(void **state)
{
	(void)state;
	assert_true(bsn_is_test("999900006"));
	assert_true(bsn_is_test("999999990"));
	assert_false(bsn_is_test("999899995")); /* valid, just below */
	assert_false(bsn_is_test("123456782"));
	assert_false(bsn_is_test("999900005")); /* in range, fails the check */
	assert_false(bsn_is_test("999999999"));
	assert_false(bsn_is_test(NULL));
}

/* The count is what a brute-force walk over the range finds. */
static void test_aantal(void **state)
{
	(void)state;
	size_t n = 0;
	char s[24];
	for (long v = 999900000; v <= 999999999; v++) {
		snprintf(s, sizeof s, "%ld", v);
		n += bsn_is_test(s);
	}
	assert_int_equal(bsn_test_aantal(), n);
	assert_true(n > 9000 && n < 10000);
}

/* Every index gives a valid test BSN, strictly ascending, and together
 * they are all of them (the count matches the brute-force walk). */
static void test_nummers(void **state)
{
	(void)state;
	size_t n = bsn_test_aantal();
	char vorige[10] = "", s[10];
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(bsn_test_nummer(i, s), 0);
		assert_int_equal(strlen(s), 9);
		assert_true(bsn_is_test(s));
		assert_true(strcmp(vorige, s) < 0);
		memcpy(vorige, s, sizeof s);
	}
	assert_int_equal(bsn_test_nummer(0, s), 0);
	assert_string_equal(s, "999900006");
	assert_int_equal(bsn_test_nummer(n - 1, s), 0);
	assert_string_equal(s, "999999990");
	memcpy(s, "unchanged", 10);
	assert_int_equal(bsn_test_nummer(n, s), -1);
	assert_int_equal(bsn_test_nummer(SIZE_MAX, s), -1);
	assert_string_equal(s, "unchanged");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_geldig),
		cmocka_unit_test(test_testbereik),
		cmocka_unit_test(test_aantal),
		cmocka_unit_test(test_nummers),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
