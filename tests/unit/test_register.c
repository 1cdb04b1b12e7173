/* Unit tests for the pure helpers of the registry: the LIKE pattern of a
 * search text and the tarieven of one contract (store/register.h), and
 * the pagination href and the amount in euros (web/register_web.h). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/register.h"
#include "web/register_web.h"

static void test_patroon_bevat(void **state)
{
	char p[REGISTER_PATROON_LEN];

	(void)state;
	assert_int_equal(register_like_patroon("Praktijk", true, p), 0);
	assert_string_equal(p, "%Praktijk%");
	assert_int_equal(register_like_patroon("9810", false, p), 0);
	assert_string_equal(p, "9810%");
	assert_int_equal(register_like_patroon("", true, p), 0);
	assert_string_equal(p, "%%");
}

/* The LIKE wildcards and the escape character itself match literally. */
static void test_patroon_escape(void **state)
{
	char p[REGISTER_PATROON_LEN];

	(void)state;
	assert_int_equal(register_like_patroon("50%_a!b", true, p), 0);
	assert_string_equal(p, "%50!%!_a!!b%");
	assert_int_equal(register_like_patroon("'; DROP TABLE x; --", false, p), 0);
	assert_string_equal(p, "'; DROP TABLE x; --%");
}

/* The longest text, all escaped, fits; one byte more is refused. */
static void test_patroon_grens(void **state)
{
	char zoek[REGISTER_ZOEK_MAX + 2], p[REGISTER_PATROON_LEN];

	(void)state;
	memset(zoek, '%', REGISTER_ZOEK_MAX);
	zoek[REGISTER_ZOEK_MAX] = '\0';
	assert_int_equal(register_like_patroon(zoek, true, p), 0);
	assert_int_equal(strlen(p), 2 * REGISTER_ZOEK_MAX + 2);
	zoek[REGISTER_ZOEK_MAX] = 'x';
	zoek[REGISTER_ZOEK_MAX + 1] = '\0';
	assert_int_equal(register_like_patroon(zoek, true, p), -1);
	assert_string_equal(p, "");
}

static void test_tarieven_van(void **state)
{
	struct register_tarief t[6];
	const int64_t ids[6] = { 2, 2, 5, 7, 7, 7 };
	size_t begin;

	(void)state;
	memset(t, 0, sizeof t);
	for (size_t i = 0; i < 6; i++)
		t[i].tarief.contract_id = ids[i];
	assert_int_equal(register_tarieven_van(t, 6, 2, &begin), 2);
	assert_int_equal(begin, 0);
	assert_int_equal(register_tarieven_van(t, 6, 5, &begin), 1);
	assert_int_equal(begin, 2);
	assert_int_equal(register_tarieven_van(t, 6, 7, &begin), 3);
	assert_int_equal(begin, 3);
	/* Absent: before, between, after; and an empty array. */
	assert_int_equal(register_tarieven_van(t, 6, 1, &begin), 0);
	assert_int_equal(begin, 6);
	assert_int_equal(register_tarieven_van(t, 6, 3, &begin), 0);
	assert_int_equal(begin, 6);
	assert_int_equal(register_tarieven_van(t, 6, 9, &begin), 0);
	assert_int_equal(begin, 6);
	assert_int_equal(register_tarieven_van(NULL, 0, 2, &begin), 0);
	assert_int_equal(begin, 0);
}

/* href of a page into a string. */
static char *href(const char *pad, const char *const namen[], const char *const waarden[],
		  size_t n, int64_t pagina)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	assert_non_null(f);
	register_web_href(f, pad, namen, waarden, n, pagina);
	assert_int_equal(fclose(f), 0);
	return buf;
}

static void test_href(void **state)
{
	const char *namen[] = { "zoek", "segment", "sorteer" };
	const char *waarden[] = { "a b&c\"<", "", "-agb" };
	const char *geen[] = { "", "", "" };
	char *h;

	(void)state;
	h = href("/aanbieders", namen, waarden, 3, 3);
	assert_string_equal(h, "/aanbieders?zoek=a%20b%26c%22%3C&amp;sorteer=-agb&amp;pagina=3");
	free(h);
	h = href("/aanbieders", namen, waarden, 3, 1);
	assert_string_equal(h, "/aanbieders?zoek=a%20b%26c%22%3C&amp;sorteer=-agb");
	free(h);
	h = href("/register/producten", namen, geen, 3, 2);
	assert_string_equal(h, "/register/producten?pagina=2");
	free(h);
	h = href("/register/producten", namen, geen, 3, 1);
	assert_string_equal(h, "/register/producten");
	free(h);
	/* Non-ASCII is percent-encoded byte by byte. */
	waarden[0] = "é";
	h = href("/x", namen, waarden, 1, 1);
	assert_string_equal(h, "/x?zoek=%C3%A9");
	free(h);
}

static void test_bedrag(void **state)
{
	char b[REGISTER_BEDRAG_LEN];

	(void)state;
	assert_string_equal(register_web_bedrag(0, b), "€ 0,00");
	assert_string_equal(register_web_bedrag(5, b), "€ 0,05");
	assert_string_equal(register_web_bedrag(86710, b), "€ 867,10");
	assert_string_equal(register_web_bedrag(123456789, b), "€ 1.234.567,89");
	assert_string_equal(register_web_bedrag(100000, b), "€ 1.000,00");
	assert_string_equal(register_web_bedrag(-250, b), "-€ 2,50");
	assert_string_equal(register_web_bedrag(INT64_MAX, b), "€ 92.233.720.368.547.758,07");
	assert_string_equal(register_web_bedrag(INT64_MIN, b), "-€ 92.233.720.368.547.758,08");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_patroon_bevat),
		cmocka_unit_test(test_patroon_escape),
		cmocka_unit_test(test_patroon_grens),
		cmocka_unit_test(test_tarieven_van),
		cmocka_unit_test(test_href),
		cmocka_unit_test(test_bedrag),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
