/* Unit tests of lib/csv: quoting, separators, limits. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "lib/csv.h"

static void test_gewone_en_quotes(void **state)
{
	(void)state;
	const char *t = "\xEF\xBB\xBFnaam,code\r\n\"Kaag en Braassem\",1884\n\n\"a \"\"b\"\", c\",\"x\ny\"\n";
	struct csv c;
	char buf[128];
	char *f[4];
	csv_init(&c, t, strlen(t), ',');
	assert_int_equal(csv_next(&c, buf, sizeof buf, f, 4), 2);
	assert_string_equal(f[0], "naam");
	assert_string_equal(f[1], "code");
	assert_int_equal(csv_next(&c, buf, sizeof buf, f, 4), 2);
	assert_string_equal(f[0], "Kaag en Braassem");
	assert_int_equal(csv_next(&c, buf, sizeof buf, f, 4), 2);
	assert_string_equal(f[0], "a \"b\", c");
	assert_string_equal(f[1], "x\ny");
	assert_int_equal(csv_next(&c, buf, sizeof buf, f, 4), 0);
}

static void test_tab_en_lege_velden(void **state)
{
	(void)state;
	const char *t = "a\t\tc\n";
	struct csv c;
	char buf[16];
	char *f[4];
	csv_init(&c, t, strlen(t), '\t');
	assert_int_equal(csv_next(&c, buf, sizeof buf, f, 4), 3);
	assert_string_equal(f[1], "");
	assert_string_equal(f[2], "c");
}

static void test_grenzen(void **state)
{
	(void)state;
	struct csv c;
	char buf[8];
	char *f[2];
	const char *lang = "0123456789abcdef\n";
	csv_init(&c, lang, strlen(lang), ',');
	assert_int_equal(csv_next(&c, buf, sizeof buf, f, 2), -1);
	const char *veel = "a,b,c\n";
	csv_init(&c, veel, strlen(veel), ',');
	assert_int_equal(csv_next(&c, buf, sizeof buf, f, 2), -1);
	const char *open = "\"abc\n";
	char buf2[32];
	csv_init(&c, open, strlen(open), ',');
	assert_int_equal(csv_next(&c, buf2, sizeof buf2, f, 2), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_gewone_en_quotes),
		cmocka_unit_test(test_tab_en_lege_velden),
		cmocka_unit_test(test_grenzen),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
