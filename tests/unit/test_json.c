/* Unit tests for lib/json: every public function against the exact bytes
 * it must write (into an open_memstream buffer), the misuse errors that
 * json_finish reports, and write errors. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/json.h"

/* ---- Helpers ---- */

/* An in-memory FILE*; buf/len are valid after a flush or fclose. */
struct uit {
	FILE *f;
	char *buf;
	size_t len;
};

static void uit_open(struct uit *u)
{
	u->buf = NULL;
	u->len = 0;
	u->f = open_memstream(&u->buf, &u->len);
	assert_non_null(u->f);
}

/* Close u and compare every byte written with verwacht. */
static void uit_is(struct uit *u, const char *verwacht)
{
	assert_int_equal(fclose(u->f), 0);
	assert_non_null(u->buf);
	assert_string_equal(u->buf, verwacht);
	assert_int_equal(u->len, strlen(verwacht));
	free(u->buf);
	u->buf = NULL;
}

/* json_write_string(s) writes exactly verwacht and returns 0. */
static void string_is(const char *s, const char *verwacht)
{
	struct uit u;
	uit_open(&u);
	assert_int_equal(json_write_string(u.f, s), 0);
	uit_is(&u, verwacht);
}

/* A writer on a fresh memstream. */
static void begin(struct json *j, struct uit *u, bool pretty)
{
	uit_open(u);
	json_init(j, u->f, pretty);
}

/* The document is complete and correct: json_finish returns 0, and the
 * bytes are verwacht. */
static void klaar(struct json *j, struct uit *u, const char *verwacht)
{
	char err[128] = "onaangeroerd";
	assert_int_equal(json_finish(j, err, sizeof err), 0);
	uit_is(u, verwacht);
}

/* json_finish reports melding, and only verwacht was written. */
static void fout(struct json *j, struct uit *u, const char *verwacht, const char *melding)
{
	char err[128] = "";
	assert_int_equal(json_finish(j, err, sizeof err), -1);
	assert_string_equal(err, melding);
	uit_is(u, verwacht);
}

/* ---- json_init ---- */

static void test_init(void **state)
{
	(void)state;
	struct json j;
	struct uit u;

	/* Whatever the struct held before, init leaves a fresh writer. */
	memset(&j, 0xA5, sizeof j);
	uit_open(&u);
	json_init(&j, u.f, true);
	assert_ptr_equal(j.out, u.f);
	assert_true(j.pretty);
	assert_int_equal(j.depth, 0);
	assert_false(j.key_pending);
	assert_false(j.done);
	assert_null(j.fout);
	json_array_begin(&j);
	json_array_end(&j);
	klaar(&j, &u, "[]\n");

	memset(&j, 0xA5, sizeof j);
	begin(&j, &u, false);
	assert_false(j.pretty);
	json_array_begin(&j);
	json_int(&j, 1);
	json_array_end(&j);
	klaar(&j, &u, "[1]");
}

/* ---- json_write_string ---- */

static void test_string_escapes(void **state)
{
	(void)state;
	string_is("", "\"\"");
	string_is("abc XYZ 0-9", "\"abc XYZ 0-9\"");
	string_is("a\"b", "\"a\\\"b\"");
	string_is("a\\b", "\"a\\\\b\"");
	string_is("\"\\\"", "\"\\\"\\\\\\\"\"");
	/* The solidus needs no escape and gets none. */
	string_is("a/b", "\"a/b\"");
	/* The two-character escapes. */
	string_is("\b\f\n\r\t", "\"\\b\\f\\n\\r\\t\"");
	string_is("r1\nr2", "\"r1\\nr2\"");
	string_is("k\tv", "\"k\\tv\"");
	/* The other control characters as \u00XX, lower-case hex. */
	string_is("\x01", "\"\\u0001\"");
	string_is("\x1f", "\"\\u001f\"");
	string_is("a\x0b" "b\x1b" "c", "\"a\\u000bb\\u001bc\"");
	/* DEL is escaped too; space and ~ are not. */
	string_is("\x7f", "\"\\u007f\"");
	string_is(" ~", "\" ~\"");
}

static void test_string_utf8(void **state)
{
	(void)state;
	/* Valid sequences pass through unchanged, at every length and at
	 * the edges of the ranges. */
	string_is("caf\xc3\xa9", "\"caf\xc3\xa9\"");                      /* é */
	string_is("\xc2\x80", "\"\xc2\x80\"");                             /* U+0080 */
	string_is("\xdf\xbf", "\"\xdf\xbf\"");                             /* U+07FF */
	string_is("\xe0\xa0\x80", "\"\xe0\xa0\x80\"");                     /* U+0800 */
	string_is("\xe2\x82\xac 5", "\"\xe2\x82\xac 5\"");                 /* € */
	string_is("\xed\x9f\xbf", "\"\xed\x9f\xbf\"");                     /* U+D7FF */
	string_is("\xee\x80\x80", "\"\xee\x80\x80\"");                     /* U+E000 */
	string_is("\xef\xbf\xbf", "\"\xef\xbf\xbf\"");                     /* U+FFFF */
	string_is("\xf0\x9f\x98\x80", "\"\xf0\x9f\x98\x80\"");             /* U+1F600 */
	string_is("\xf4\x8f\xbf\xbf", "\"\xf4\x8f\xbf\xbf\"");             /* U+10FFFF */
	/* U+2028 and U+2029 are escaped (JavaScript line ends); their
	 * neighbours U+2027 and U+202A are not. */
	string_is("a\xe2\x80\xa8" "b", "\"a\\u2028b\"");
	string_is("\xe2\x80\xa9", "\"\\u2029\"");
	string_is("\xe2\x80\xa7\xe2\x80\xaa", "\"\xe2\x80\xa7\xe2\x80\xaa\"");
}

/* Invalid UTF-8: every byte that does not start a valid sequence becomes
 * \ufffd, and decoding resumes at the next byte. */
static void test_string_utf8_ongeldig(void **state)
{
	(void)state;
#define FFFD "\\ufffd"
	/* A lone continuation byte. */
	string_is("a\x80" "b", "\"a" FFFD "b\"");
	string_is("\xbf", "\"" FFFD "\"");
	/* Bytes that never occur in UTF-8. */
	string_is("\xc0\xc1\xf5\xff", "\"" FFFD FFFD FFFD FFFD "\"");
	/* ... not even when continuation bytes follow. */
	string_is("\xf5\x80\x80\x80", "\"" FFFD FFFD FFFD FFFD "\"");
	string_is("\xf8\x88\x80\x80\x80", "\"" FFFD FFFD FFFD FFFD FFFD "\"");
	/* Overlong encodings: "/" as C0 AF, U+0000 as E0 80 80, U+FFFF as
	 * F0 8F BF BF. */
	string_is("\xc0\xaf", "\"" FFFD FFFD "\"");
	string_is("\xe0\x80\x80", "\"" FFFD FFFD FFFD "\"");
	string_is("\xe0\x9f\xbf", "\"" FFFD FFFD FFFD "\"");
	string_is("\xf0\x8f\xbf\xbf", "\"" FFFD FFFD FFFD FFFD "\"");
	/* A UTF-16 surrogate (U+D800). */
	string_is("\xed\xa0\x80", "\"" FFFD FFFD FFFD "\"");
	/* Beyond U+10FFFF. */
	string_is("\xf4\x90\x80\x80", "\"" FFFD FFFD FFFD FFFD "\"");
	/* Truncated: at the end of the string, or before an ASCII byte,
	 * which then comes out as itself. */
	string_is("\xc3", "\"" FFFD "\"");
	string_is("\xc3" "A", "\"" FFFD "A\"");
	string_is("\xe2\x82" "x", "\"" FFFD FFFD "x\"");
	string_is("\xf0\x9f\x98", "\"" FFFD FFFD FFFD "\"");
	/* A later byte that is no continuation byte (C3 starts é). */
	string_is("\xe2\x82\xc3\xa9", "\"" FFFD FFFD "\xc3\xa9\"");
	string_is("\xf0\x9f\x98\xff", "\"" FFFD FFFD FFFD FFFD "\"");
	/* A valid sequence right after an invalid byte survives. */
	string_is("\xff\xc3\xa9", "\"" FFFD "\xc3\xa9\"");
	/* A quote after a broken lead byte is still escaped. */
	string_is("\xc3\"", "\"" FFFD "\\\"\"");
#undef FFFD
}

/* ---- Scalars ---- */

static void test_scalars_top(void **state)
{
	(void)state;
	struct json j;
	struct uit u;

	/* A top-level scalar is a complete document; pretty adds "\n". */
	begin(&j, &u, false);
	json_int(&j, 42);
	klaar(&j, &u, "42");
	begin(&j, &u, true);
	json_int(&j, 42);
	klaar(&j, &u, "42\n");
	begin(&j, &u, false);
	json_string(&j, "x\ny");
	klaar(&j, &u, "\"x\\ny\"");
	begin(&j, &u, true);
	json_null(&j);
	klaar(&j, &u, "null\n");
	begin(&j, &u, false);
	json_bool(&j, false);
	klaar(&j, &u, "false");
	begin(&j, &u, false);
	json_fixed(&j, 1.5, 1);
	klaar(&j, &u, "1.5");
	begin(&j, &u, false);
	json_uint(&j, 7);
	klaar(&j, &u, "7");
}

static void test_scalars(void **state)
{
	(void)state;
	struct json j;
	struct uit u;

	begin(&j, &u, false);
	json_array_begin(&j);
	json_int(&j, 0);
	json_int(&j, -1);
	json_int(&j, 1234567890123);
	json_int(&j, INT64_MAX);
	json_int(&j, INT64_MIN);
	json_uint(&j, 0);
	json_uint(&j, UINT64_MAX);
	json_bool(&j, true);
	json_bool(&j, false);
	json_null(&j);
	json_string(&j, NULL);          /* NULL string writes null */
	json_string(&j, "");
	json_string(&j, "a\"b");
	json_array_end(&j);
	klaar(&j, &u,
	      "[0,-1,1234567890123,9223372036854775807,-9223372036854775808,"
	      "0,18446744073709551615,true,false,null,null,\"\",\"a\\\"b\"]");
}

/* ---- Fixed decimals ---- */

/* json_fixed(v, decimals) as a top-level value writes exactly verwacht. */
static void fixed_is(double v, int decimals, const char *verwacht)
{
	struct json j;
	struct uit u;
	begin(&j, &u, false);
	json_fixed(&j, v, decimals);
	klaar(&j, &u, verwacht);
}

static void test_fixed(void **state)
{
	(void)state;
	/* Exactly `decimals` digits, the fraction zero-padded. */
	fixed_is(0.0, 0, "0");
	fixed_is(0.0, 3, "0.000");
	fixed_is(42.0, 0, "42");
	fixed_is(42.0, 2, "42.00");
	fixed_is(3.007, 3, "3.007");
	fixed_is(1.05, 2, "1.05");
	fixed_is(-1.5, 3, "-1.500");
	fixed_is(0.000000001, 9, "0.000000001");
	fixed_is(-0.000000001, 9, "-0.000000001");
	fixed_is(123.456789012, 9, "123.456789012");
	/* Rounding half away from zero (not to even). */
	fixed_is(0.12345, 4, "0.1235");
	fixed_is(-0.12345, 4, "-0.1235");
	fixed_is(1234.5678, 2, "1234.57");
	fixed_is(0.125, 2, "0.13");
	fixed_is(-0.125, 2, "-0.13");
	fixed_is(0.375, 2, "0.38");
	fixed_is(0.5, 0, "1");
	fixed_is(2.5, 0, "3");
	fixed_is(-2.5, 0, "-3");
	fixed_is(-0.5, 0, "-1");
	fixed_is(0.4999, 0, "0");
	fixed_is(0.05, 1, "0.1");
	fixed_is(9.995, 1, "10.0");     /* carries into the whole part */
	fixed_is(-9.96, 1, "-10.0");
	/* 1.005 is 1.00499999999999989... as a double: below the half. */
	fixed_is(1.005, 2, "1.00");
	/* Negative values that round to zero, and -0, print without sign. */
	fixed_is(-0.00004, 4, "0.0000");
	fixed_is(-0.00005, 4, "-0.0001");
	fixed_is(-0.0, 2, "0.00");
	fixed_is(-0.0, 0, "0");
	fixed_is(-0.4, 0, "0");
	/* Large values, up to just under 9e18 scaled. */
	fixed_is(1e15, 2, "1000000000000000.00");
	fixed_is(-1e15, 2, "-1000000000000000.00");
	fixed_is(8.9e16, 2, "89000000000000000.00");
	fixed_is(-8.9e16, 2, "-89000000000000000.00");
	fixed_is(8e18, 0, "8000000000000000000");
	fixed_is(8.9e9, 9, "8900000000.000000000");
	/* Beyond ±9e18 / 10^decimals, NaN and infinities: null. */
	fixed_is(9e16, 2, "null");
	fixed_is(-9e16, 2, "null");
	fixed_is(9e18, 0, "null");
	fixed_is(1e300, 0, "null");
	fixed_is(9e9, 9, "null");
	fixed_is((double)NAN, 2, "null");
	fixed_is((double)INFINITY, 2, "null");
	fixed_is(-(double)INFINITY, 0, "null");
}

static void test_fixed_decimalen_fout(void **state)
{
	(void)state;
	struct json j;
	struct uit u;

	begin(&j, &u, false);
	json_array_begin(&j);
	json_fixed(&j, 1.0, 1);
	json_fixed(&j, 1.0, 10);
	json_fixed(&j, 2.0, 1);     /* the writer has stopped */
	json_array_end(&j);
	fout(&j, &u, "[1.0", "JSON: json_fixed: aantal decimalen buiten 0..9");

	begin(&j, &u, false);
	json_fixed(&j, 1.0, -1);
	fout(&j, &u, "", "JSON: json_fixed: aantal decimalen buiten 0..9");

	/* Also when the value itself would print as null. */
	begin(&j, &u, false);
	json_fixed(&j, (double)NAN, 10);
	fout(&j, &u, "", "JSON: json_fixed: aantal decimalen buiten 0..9");
}

/* ---- Containers ---- */

static void test_compact(void **state)
{
	(void)state;
	struct json j;
	struct uit u;

	begin(&j, &u, false);
	json_object_begin(&j);
	json_key(&j, "a");
	json_int(&j, 1);
	json_key(&j, "b");
	json_array_begin(&j);
	json_int(&j, 1);
	json_fixed(&j, 2.25, 1);
	json_object_begin(&j);
	json_key(&j, "c");
	json_null(&j);
	json_key(&j, "d");
	json_array_begin(&j);
	json_array_begin(&j);
	json_array_end(&j);
	json_array_begin(&j);
	json_bool(&j, true);
	json_array_end(&j);
	json_array_end(&j);
	json_object_end(&j);
	json_string(&j, "s");
	json_array_end(&j);
	json_key(&j, "leeg");
	json_object_begin(&j);
	json_object_end(&j);
	json_key(&j, "lijst");
	json_array_begin(&j);
	json_array_end(&j);
	json_key(&j, "k\"\n\xc3\xa9");   /* keys are escaped too */
	json_string(&j, NULL);
	json_object_end(&j);
	klaar(&j, &u,
	      "{\"a\":1,\"b\":[1,2.3,{\"c\":null,\"d\":[[],[true]]},\"s\"],"
	      "\"leeg\":{},\"lijst\":[],\"k\\\"\\n\xc3\xa9\":null}");

	/* Top-level empty containers. */
	begin(&j, &u, false);
	json_object_begin(&j);
	json_object_end(&j);
	klaar(&j, &u, "{}");
	begin(&j, &u, false);
	json_array_begin(&j);
	json_array_end(&j);
	klaar(&j, &u, "[]");
}

static void test_pretty(void **state)
{
	(void)state;
	struct json j;
	struct uit u;

	begin(&j, &u, true);
	json_object_begin(&j);
	json_key(&j, "a");
	json_int(&j, 1);
	json_key(&j, "b");
	json_array_begin(&j);
	json_int(&j, 1);
	json_uint(&j, 2);
	json_object_begin(&j);
	json_key(&j, "c");
	json_null(&j);
	json_object_end(&j);
	json_array_end(&j);
	json_key(&j, "d");
	json_object_begin(&j);
	json_object_end(&j);
	json_key(&j, "e");
	json_array_begin(&j);
	json_array_end(&j);
	json_object_end(&j);
	klaar(&j, &u,
	      "{\n"
	      "  \"a\": 1,\n"
	      "  \"b\": [\n"
	      "    1,\n"
	      "    2,\n"
	      "    {\n"
	      "      \"c\": null\n"
	      "    }\n"
	      "  ],\n"
	      "  \"d\": {},\n"
	      "  \"e\": []\n"
	      "}\n");

	begin(&j, &u, true);
	json_array_begin(&j);
	json_array_begin(&j);
	json_string(&j, "x");
	json_array_end(&j);
	json_bool(&j, false);
	json_array_end(&j);
	klaar(&j, &u, "[\n  [\n    \"x\"\n  ],\n  false\n]\n");
}

static void test_diepte(void **state)
{
	(void)state;
	struct json j;
	struct uit u;
	char verwacht[2 * JSON_MAX_DEPTH + 1];

	/* Exactly JSON_MAX_DEPTH levels are allowed. */
	begin(&j, &u, false);
	for (int i = 0; i < JSON_MAX_DEPTH; i++)
		json_array_begin(&j);
	for (int i = 0; i < JSON_MAX_DEPTH; i++)
		json_array_end(&j);
	memset(verwacht, '[', JSON_MAX_DEPTH);
	memset(verwacht + JSON_MAX_DEPTH, ']', JSON_MAX_DEPTH);
	verwacht[2 * JSON_MAX_DEPTH] = '\0';
	klaar(&j, &u, verwacht);

	/* One more is an error; nothing is written after it. */
	begin(&j, &u, false);
	for (int i = 0; i < JSON_MAX_DEPTH; i++)
		json_array_begin(&j);
	json_object_begin(&j);
	json_int(&j, 1);
	for (int i = 0; i <= JSON_MAX_DEPTH; i++)
		json_array_end(&j);
	verwacht[JSON_MAX_DEPTH] = '\0';
	fout(&j, &u, verwacht, "JSON: te diep genest");
}

/* ---- Misuse ---- */

static void test_misbruik(void **state)
{
	(void)state;
	struct json j;
	struct uit u;

	/* A value without a key in an object; the writer then stops, so
	 * even correct calls write nothing more. */
	begin(&j, &u, false);
	json_object_begin(&j);
	json_int(&j, 1);
	json_key(&j, "a");
	json_int(&j, 2);
	json_object_end(&j);
	fout(&j, &u, "{", "JSON: waarde zonder sleutel in een object");

	begin(&j, &u, false);
	json_object_begin(&j);
	json_array_begin(&j);
	fout(&j, &u, "{", "JSON: waarde zonder sleutel in een object");

	/* Two top-level values. */
	begin(&j, &u, false);
	json_int(&j, 1);
	json_int(&j, 2);
	fout(&j, &u, "1", "JSON: meer dan een waarde op het hoogste niveau");

	begin(&j, &u, true);
	json_array_begin(&j);
	json_array_end(&j);
	json_object_begin(&j);
	fout(&j, &u, "[]\n", "JSON: meer dan een waarde op het hoogste niveau");

	/* Keys outside an object. */
	begin(&j, &u, false);
	json_key(&j, "a");
	fout(&j, &u, "", "JSON: sleutel buiten een object");

	begin(&j, &u, false);
	json_array_begin(&j);
	json_key(&j, "a");
	json_int(&j, 1);
	fout(&j, &u, "[", "JSON: sleutel buiten een object");

	/* Two keys in a row; a NULL key. */
	begin(&j, &u, false);
	json_object_begin(&j);
	json_key(&j, "a");
	json_key(&j, "b");
	fout(&j, &u, "{\"a\":", "JSON: twee sleutels achter elkaar");

	begin(&j, &u, false);
	json_object_begin(&j);
	json_key(&j, NULL);
	fout(&j, &u, "{", "JSON: sleutel is NULL");

	/* Unbalanced ends. */
	begin(&j, &u, false);
	json_object_end(&j);
	fout(&j, &u, "", "JSON: einde zonder passend begin");

	begin(&j, &u, false);
	json_array_end(&j);
	fout(&j, &u, "", "JSON: einde zonder passend begin");

	begin(&j, &u, false);
	json_array_begin(&j);
	json_object_end(&j);
	fout(&j, &u, "[", "JSON: einde zonder passend begin");

	begin(&j, &u, false);
	json_object_begin(&j);
	json_array_end(&j);
	fout(&j, &u, "{", "JSON: einde zonder passend begin");

	begin(&j, &u, false);
	json_array_begin(&j);
	json_array_end(&j);
	json_array_end(&j);
	fout(&j, &u, "[]", "JSON: einde zonder passend begin");

	/* A key without a value. */
	begin(&j, &u, false);
	json_object_begin(&j);
	json_key(&j, "a");
	json_object_end(&j);
	fout(&j, &u, "{\"a\":", "JSON: sleutel zonder waarde");

	/* Incomplete documents. */
	begin(&j, &u, false);
	fout(&j, &u, "", "JSON: onvolledig document");

	begin(&j, &u, true);
	json_array_begin(&j);
	json_int(&j, 1);
	fout(&j, &u, "[\n  1", "JSON: onvolledig document");

	/* The first error is the one reported. */
	begin(&j, &u, false);
	json_key(&j, "a");
	json_array_end(&j);
	json_int(&j, 1);
	json_int(&j, 2);
	fout(&j, &u, "", "JSON: sleutel buiten een object");
}

static void test_finish(void **state)
{
	(void)state;
	struct json j;
	struct uit u;
	char err[8];

	/* json_finish flushes: the memstream buffer is complete before
	 * fclose. */
	begin(&j, &u, false);
	json_array_begin(&j);
	json_string(&j, "abc");
	json_array_end(&j);
	assert_int_equal(json_finish(&j, err, sizeof err), 0);
	assert_int_equal(u.len, 7);
	assert_memory_equal(u.buf, "[\"abc\"]", 7);
	uit_is(&u, "[\"abc\"]");

	/* The message is cut to errlen, NUL-terminated. */
	begin(&j, &u, false);
	assert_int_equal(json_finish(&j, err, sizeof err), -1);
	assert_string_equal(err, "JSON: o");
	uit_is(&u, "");
}

/* ---- Write errors ---- */

static void test_schrijffout(void **state)
{
	(void)state;
	char err[64] = "";
	struct json j;

	/* A stream open only for reading: every write fails at once. */
	FILE *f = fopen("/dev/null", "r");
	assert_non_null(f);
	assert_int_equal(json_write_string(f, "abc"), -1);
	clearerr(f);
	json_init(&j, f, false);
	json_array_begin(&j);
	json_int(&j, 1);
	json_array_end(&j);
	assert_int_equal(json_finish(&j, err, sizeof err), -1);
	assert_string_equal(err, "JSON: schrijffout");
	fclose(f);

	/* A buffered stream whose flush fails (/dev/full: ENOSPC): the
	 * writes succeed into the buffer, json_finish sees the failure. */
	f = fopen("/dev/full", "w");
	if (!f)
		skip();
	json_init(&j, f, true);
	json_object_begin(&j);
	json_key(&j, "a");
	json_bool(&j, true);
	json_object_end(&j);
	assert_int_equal(json_finish(&j, err, sizeof err), -1);
	assert_string_equal(err, "JSON: schrijffout");
	fclose(f);

	/* A misuse recorded before the write error is the one reported. */
	f = fopen("/dev/null", "r");
	assert_non_null(f);
	json_init(&j, f, false);
	json_array_begin(&j);
	assert_int_equal(json_finish(&j, err, sizeof err), -1);
	assert_string_equal(err, "JSON: onvolledig document");
	fclose(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_init),
		cmocka_unit_test(test_string_escapes),
		cmocka_unit_test(test_string_utf8),
		cmocka_unit_test(test_string_utf8_ongeldig),
		cmocka_unit_test(test_scalars_top),
		cmocka_unit_test(test_scalars),
		cmocka_unit_test(test_fixed),
		cmocka_unit_test(test_fixed_decimalen_fout),
		cmocka_unit_test(test_compact),
		cmocka_unit_test(test_pretty),
		cmocka_unit_test(test_diepte),
		cmocka_unit_test(test_misbruik),
		cmocka_unit_test(test_finish),
		cmocka_unit_test(test_schrijffout),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
