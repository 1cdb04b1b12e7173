/* Unit tests for web/formulier: the bounded application/x-www-form-urlencoded
 * parser. Tests marked "code:" pin behaviour the header does not spell out
 * and that was read from formulier.c. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "web/formulier.h"

/* Parse body[0..len) from an exactly-sized heap copy, so that ASan flags
 * any read past len. */
static int lees_n(const char *body, size_t len, struct formulier_veld *v, size_t n,
		  const char **fout)
{
	char *kopie = malloc(len ? len : 1);
	int r;

	assert_non_null(kopie);
	if (len)
		memcpy(kopie, body, len);
	r = formulier_lees(kopie, len, v, n, fout);
	free(kopie);
	return r;
}

static int lees(const char *body, struct formulier_veld *v, size_t n, const char **fout)
{
	return lees_n(body, strlen(body), v, n, fout);
}

/* One wanted field "naam" with a buffer of the given size (<= 64). */
static char buf_naam[64];
static struct formulier_veld naam_veld(size_t grootte)
{
	struct formulier_veld v = { "naam", buf_naam, grootte, false };

	memset(buf_naam, 'X', sizeof buf_naam);
	return v;
}

/* Expect body to be accepted for the single field "naam" with value want. */
static void naam_is(const char *body, const char *want)
{
	struct formulier_veld v = naam_veld(sizeof buf_naam);
	const char *fout = "niet gezet";

	assert_int_equal(lees(body, &v, 1, &fout), 0);
	assert_null(fout);
	assert_true(v.gezien);
	assert_string_equal(v.waarde, want);
}

/* Expect body to be refused on the field "naam", leaving its value empty. */
static void naam_geweigerd_n(const char *body, size_t len)
{
	struct formulier_veld v = naam_veld(sizeof buf_naam);
	const char *fout = NULL;

	assert_int_equal(lees_n(body, len, &v, 1, &fout), -1);
	assert_non_null(fout);
	assert_string_equal(fout, "naam");
	assert_string_equal(v.waarde, "");
}

static void naam_geweigerd(const char *body)
{
	naam_geweigerd_n(body, strlen(body));
}

static void test_eenvoudige_paren(void **state)
{
	(void)state;
	char naam[16], leeftijd[8];
	struct formulier_veld v[] = {
		{ "naam", naam, sizeof naam, false },
		{ "leeftijd", leeftijd, sizeof leeftijd, false },
	};
	const char *fout = "niet gezet";

	assert_int_equal(lees("naam=Jan&leeftijd=12", v, 2, &fout), 0);
	assert_null(fout);
	assert_true(v[0].gezien);
	assert_true(v[1].gezien);
	assert_string_equal(naam, "Jan");
	assert_string_equal(leeftijd, "12");

	/* Order in the body does not matter. */
	assert_int_equal(lees("leeftijd=7&naam=Piet", v, 2, &fout), 0);
	assert_string_equal(naam, "Piet");
	assert_string_equal(leeftijd, "7");
}

static void test_plus_is_spatie(void **state)
{
	(void)state;
	naam_is("naam=Jan+de+Vries", "Jan de Vries");
	naam_is("naam=+", " ");
	naam_is("naam=%2B", "+");       /* an escaped plus stays a plus */
	naam_is("naam=a%20b", "a b");
}

static void test_procent_hoofd_en_kleine_letters(void **state)
{
	(void)state;
	naam_is("naam=%4A%61n", "Jan");
	naam_is("naam=%4a%61N", "JaN");
	naam_is("naam=%2f%2F", "//");
	naam_is("naam=%26%3D", "&=");   /* escaped separators are data */
	naam_is("naam=%25", "%");
	naam_is("naam=100%25", "100%");
}

static void test_lege_waarde(void **state)
{
	(void)state;
	naam_is("naam=", "");
	naam_is("naam=&x=1", "");
	naam_is("x=1&naam=", "");
}

/* code: a pair without '=' counts as present with an empty value. */
static void test_zonder_is_teken(void **state)
{
	(void)state;
	naam_is("naam", "");
	naam_is("naam&x=1", "");
	naam_is("x=1&naam", "");
}

/* code: only the first '=' separates name from value. */
static void test_is_teken_in_waarde(void **state)
{
	(void)state;
	naam_is("naam=a=b", "a=b");
	naam_is("naam==", "=");
}

static void test_afwezig_veld(void **state)
{
	(void)state;
	char naam[16], stad[16];
	struct formulier_veld v[] = {
		{ "naam", naam, sizeof naam, true },
		{ "stad", stad, sizeof stad, true },
	};
	const char *fout = "niet gezet";

	/* Stale contents and flags from a previous call are reset. */
	strcpy(naam, "oud");
	strcpy(stad, "oud");
	assert_int_equal(lees("naam=Jan", v, 2, &fout), 0);
	assert_null(fout);
	assert_true(v[0].gezien);
	assert_string_equal(naam, "Jan");
	assert_false(v[1].gezien);
	assert_string_equal(stad, "");
}

static void test_lege_body(void **state)
{
	(void)state;
	char naam[16];
	struct formulier_veld v = { "naam", naam, sizeof naam, true };
	const char *fout = "niet gezet";

	strcpy(naam, "oud");
	assert_int_equal(lees_n("", 0, &v, 1, &fout), 0);
	assert_null(fout);
	assert_false(v.gezien);
	assert_string_equal(naam, "");
}

/* code: empty pairs (leading, trailing, doubled '&') are skipped. */
static void test_lege_paren(void **state)
{
	(void)state;
	naam_is("&naam=a", "a");
	naam_is("naam=a&", "a");
	naam_is("&&naam=a&&&", "a");
	{
		struct formulier_veld v = naam_veld(sizeof buf_naam);
		const char *fout = "niet gezet";

		assert_int_equal(lees("&&&", &v, 1, &fout), 0);
		assert_null(fout);
		assert_false(v.gezien);
		assert_string_equal(v.waarde, "");
	}
}

static void test_herhaald_gewenst_veld(void **state)
{
	(void)state;
	/* Header: a wanted field given twice is refused (neither wins). */
	{
		struct formulier_veld v = naam_veld(sizeof buf_naam);
		const char *fout = NULL;

		assert_int_equal(lees("naam=a&naam=b", &v, 1, &fout), -1);
		assert_non_null(fout);
		assert_string_equal(fout, "naam");
	}
	{
		struct formulier_veld v = naam_veld(sizeof buf_naam);
		const char *fout = NULL;

		assert_int_equal(lees("naam=a&x=1&naam=a", &v, 1, &fout), -1);
		assert_string_equal(fout, "naam");
	}
	{
		struct formulier_veld v = naam_veld(sizeof buf_naam);
		const char *fout = NULL;

		assert_int_equal(lees("naam&naam=", &v, 1, &fout), -1);
		assert_string_equal(fout, "naam");
	}
}

/* code: an unwanted field may be repeated; it is never looked at. */
static void test_herhaald_onbekend_veld(void **state)
{
	(void)state;
	naam_is("x=1&x=2&naam=a&x=3", "a");
}

static void test_onbekende_velden_genegeerd(void **state)
{
	(void)state;
	naam_is("a=1&naam=Jan&b=2&c", "Jan");
	/* Names must match exactly: prefixes and extensions are other fields. */
	{
		struct formulier_veld v = naam_veld(sizeof buf_naam);
		const char *fout = "niet gezet";

		assert_int_equal(lees("naa=1&naamx=2&NAAM=3&naam%20=4", &v, 1, &fout), 0);
		assert_null(fout);
		assert_false(v.gezien);
		assert_string_equal(v.waarde, "");
	}
}

/* code: names are compared raw, not decoded, so "na%61m" and "na+am"
 * are not "naam". */
static void test_naam_niet_gedecodeerd(void **state)
{
	(void)state;
	char a[8], b[8];
	struct formulier_veld v[] = {
		{ "naam", a, sizeof a, false },
		{ "de naam", b, sizeof b, false },
	};
	const char *fout = "niet gezet";

	assert_int_equal(lees("na%61m=1&de+naam=2&de%20naam=3", v, 2, &fout), 0);
	assert_null(fout);
	assert_false(v[0].gezien);
	assert_false(v[1].gezien);
}

/* code: the value of an unwanted field is not decoded, so a bad escape or
 * NUL there is not refused (the header's "bad escape ... refused" only
 * applies to wanted fields in the implementation). */
static void test_onbekend_veld_niet_gecontroleerd(void **state)
{
	(void)state;
	naam_is("x=%G1&y=%&z=%00&naam=ok", "ok");
}

static void test_ongeldige_escapes(void **state)
{
	(void)state;
	naam_geweigerd("naam=%G1");
	naam_geweigerd("naam=%1G");
	naam_geweigerd("naam=%zz");
	naam_geweigerd("naam=%");       /* trailing % */
	naam_geweigerd("naam=abc%");
	naam_geweigerd("naam=%4");      /* one hex digit */
	naam_geweigerd("naam=abc%4");
	naam_geweigerd("naam=%4&x=1");  /* the escape does not run into '&' */
	naam_geweigerd("naam=%%41");
	naam_geweigerd("naam=% 41");
	naam_geweigerd("naam=%+41");
	naam_geweigerd("naam=%-1");
	/* Still good right at the end of the body. */
	naam_is("naam=abc%41", "abcA");
}

static void test_nul_geweigerd(void **state)
{
	(void)state;
	naam_geweigerd("naam=%00");
	naam_geweigerd("naam=a%00b");
	/* A raw NUL byte inside len is refused as well. */
	naam_geweigerd_n("naam=a\0b", 8);
}

static void test_stuurtekens(void **state)
{
	(void)state;
	naam_geweigerd("naam=%01");
	naam_geweigerd("naam=%1F");
	naam_geweigerd("naam=%1b[31m");
	naam_geweigerd("naam=%7F");
	naam_geweigerd("naam=a\x01");
	naam_geweigerd("naam=a\x7f");
	/* Tab, CR and LF are allowed, escaped or raw. */
	naam_is("naam=a%09b%0D%0Ac", "a\tb\r\nc");
	naam_is("naam=a\tb", "a\tb");
	/* code: the last character before DEL and the first after pass. */
	naam_is("naam=%7E%20", "~ ");
}

static void test_utf8_door(void **state)
{
	(void)state;
	naam_is("naam=Zo\xc3\xab", "Zo\xc3\xab");             /* raw */
	naam_is("naam=Zo%C3%AB", "Zo\xc3\xab");               /* escaped */
	naam_is("naam=%c3%ab", "\xc3\xab");
	naam_is("naam=%E2%82%AC+5", "\xe2\x82\xac 5");        /* euro */
	naam_is("naam=%F0%9F%98%80", "\xf0\x9f\x98\x80");     /* 4 bytes */
	/* code: bytes >= 0x80 are not validated as UTF-8. */
	naam_is("naam=%FF%80", "\xff\x80");
}

static void test_waarde_precies_passend(void **state)
{
	(void)state;
	/* Buffer of 8: 7 bytes plus NUL fits, 8 bytes does not. */
	{
		struct formulier_veld v = naam_veld(8);
		const char *fout = "niet gezet";

		assert_int_equal(lees("naam=1234567", &v, 1, &fout), 0);
		assert_null(fout);
		assert_string_equal(v.waarde, "1234567");
		assert_int_equal(buf_naam[8], 'X'); /* nothing written beyond */
	}
	{
		struct formulier_veld v = naam_veld(8);
		const char *fout = NULL;

		assert_int_equal(lees("naam=12345678", &v, 1, &fout), -1);
		assert_string_equal(fout, "naam");
		assert_string_equal(v.waarde, "");
		assert_int_equal(buf_naam[8], 'X');
	}
	/* The limit is on decoded bytes: escapes and '+' count as one. */
	{
		struct formulier_veld v = naam_veld(8);
		const char *fout = "niet gezet";

		assert_int_equal(lees("naam=%41%42%43+%44%45%46", &v, 1, &fout), 0);
		assert_string_equal(v.waarde, "ABC DEF");
	}
	{
		struct formulier_veld v = naam_veld(8);
		const char *fout = NULL;

		assert_int_equal(lees("naam=%41%42%43+%44%45%46%47", &v, 1, &fout), -1);
		assert_string_equal(fout, "naam");
	}
	/* A multi-byte UTF-8 character counts by its bytes. */
	{
		struct formulier_veld v = naam_veld(8);
		const char *fout = "niet gezet";

		assert_int_equal(lees("naam=abcd%E2%82%AC", &v, 1, &fout), 0);
		assert_string_equal(v.waarde, "abcd\xe2\x82\xac");
	}
	{
		struct formulier_veld v = naam_veld(8);
		const char *fout = NULL;

		assert_int_equal(lees("naam=abcde%E2%82%AC", &v, 1, &fout), -1);
	}
}

static void test_buffer_van_een(void **state)
{
	(void)state;
	{
		struct formulier_veld v = naam_veld(1);
		const char *fout = "niet gezet";

		assert_int_equal(lees("naam=", &v, 1, &fout), 0);
		assert_true(v.gezien);
		assert_string_equal(v.waarde, "");
	}
	{
		struct formulier_veld v = naam_veld(1);
		const char *fout = NULL;

		assert_int_equal(lees("naam=a", &v, 1, &fout), -1);
		assert_string_equal(fout, "naam");
		assert_string_equal(v.waarde, "");
	}
}

/* Build n pairs "k<i>=<i>" joined by '&' into out; returns out. */
static char *maak_paren(char *out, size_t size, size_t n, const char *laatste)
{
	size_t k = 0;

	out[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		int w;

		if (i + 1 == n && laatste)
			w = snprintf(out + k, size - k, "%s%s", i ? "&" : "", laatste);
		else
			w = snprintf(out + k, size - k, "%sk%zu=%zu", i ? "&" : "", i, i);
		assert_true(w > 0 && (size_t)w < size - k);
		k += (size_t)w;
	}
	return out;
}

static void test_velden_limiet(void **state)
{
	(void)state;
	char body[1024];
	const char *fout;

	/* Exactly FORMULIER_VELDEN_MAX fields, the last one wanted: accepted. */
	{
		struct formulier_veld v = naam_veld(sizeof buf_naam);

		fout = "niet gezet";
		maak_paren(body, sizeof body, FORMULIER_VELDEN_MAX, "naam=laatste");
		assert_int_equal(lees(body, &v, 1, &fout), 0);
		assert_null(fout);
		assert_true(v.gezien);
		assert_string_equal(v.waarde, "laatste");
	}
	/* One more: refused, with no field to blame. */
	{
		struct formulier_veld v = naam_veld(sizeof buf_naam);

		fout = "niet gezet";
		maak_paren(body, sizeof body, FORMULIER_VELDEN_MAX + 1, "naam=laatste");
		assert_int_equal(lees(body, &v, 1, &fout), -1);
		assert_null(fout);
		assert_false(v.gezien);
	}
	/* Unwanted fields alone count as well. */
	{
		struct formulier_veld v = naam_veld(sizeof buf_naam);

		fout = "niet gezet";
		maak_paren(body, sizeof body, FORMULIER_VELDEN_MAX, NULL);
		assert_int_equal(lees(body, &v, 1, &fout), 0);
		maak_paren(body, sizeof body, FORMULIER_VELDEN_MAX + 1, NULL);
		assert_int_equal(lees(body, &v, 1, &fout), -1);
		assert_null(fout);
	}
	/* Pairs without '=' count. */
	{
		size_t k = 0;

		for (size_t i = 0; i <= FORMULIER_VELDEN_MAX; i++) {
			body[k++] = 'x';
			body[k++] = '&';
		}
		struct formulier_veld v = naam_veld(sizeof buf_naam);

		fout = "niet gezet";
		assert_int_equal(lees_n(body, 2 * FORMULIER_VELDEN_MAX, &v, 1, &fout), 0);
		assert_int_equal(lees_n(body, 2 * FORMULIER_VELDEN_MAX + 1, &v, 1, &fout), -1);
		assert_null(fout);
	}
}

/* code: empty pairs do not count against FORMULIER_VELDEN_MAX. */
static void test_lege_paren_tellen_niet(void **state)
{
	(void)state;
	char body[1024];
	size_t k;
	struct formulier_veld v = naam_veld(sizeof buf_naam);
	const char *fout = "niet gezet";

	maak_paren(body, sizeof body, FORMULIER_VELDEN_MAX, NULL);
	k = strlen(body);
	memcpy(body + k, "&&&&&&&&", 9);
	assert_int_equal(lees(body, &v, 1, &fout), 0);
	assert_null(fout);
}

/* code: there is no limit on key length or body length; a long unknown
 * key or value is ignored, a long key never matches a wanted name. */
static void test_lange_sleutel_en_body(void **state)
{
	(void)state;
	size_t lang = 100000;
	char *body = malloc(2 * lang + 32);
	size_t k = 0;
	struct formulier_veld v = naam_veld(sizeof buf_naam);
	const char *fout = "niet gezet";

	assert_non_null(body);
	memset(body + k, 'k', lang);
	k += lang;
	body[k++] = '=';
	memset(body + k, 'v', lang);
	k += lang;
	memcpy(body + k, "&naam=ok", 8);
	k += 8;
	assert_int_equal(lees_n(body, k, &v, 1, &fout), 0);
	assert_null(fout);
	assert_string_equal(v.waarde, "ok");

	/* "naam" followed by many more characters is another key. */
	memcpy(body, "naam", 4);
	v = naam_veld(sizeof buf_naam);
	assert_int_equal(lees_n(body, 2 * lang + 1, &v, 1, &fout), 0);
	assert_false(v.gezien);
	free(body);
}

static void test_alleen_len_gelezen(void **state)
{
	(void)state;
	const char *body = "naam=Jan&naam=Piet";
	struct formulier_veld v = naam_veld(sizeof buf_naam);
	const char *fout = "niet gezet";

	/* The second (duplicate) field lies past len and is never seen. */
	assert_int_equal(lees_n(body, 8, &v, 1, &fout), 0);
	assert_null(fout);
	assert_string_equal(v.waarde, "Jan");
	/* An escape cut off by len is bad, not read past len. */
	naam_geweigerd_n("naam=%41", 7);
}

/* code: on refusal, the offending field is cleared, fields parsed before it
 * keep their values and fields after it are left as reset (absent). */
static void test_fout_toestand(void **state)
{
	(void)state;
	char naam[16], stad[16], wijk[16];
	struct formulier_veld v[] = {
		{ "naam", naam, sizeof naam, false },
		{ "stad", stad, sizeof stad, false },
		{ "wijk", wijk, sizeof wijk, false },
	};
	const char *fout = NULL;

	assert_int_equal(lees("naam=Jan&stad=%G1&wijk=Oost", v, 3, &fout), -1);
	assert_non_null(fout);
	assert_string_equal(fout, "stad");
	assert_true(v[0].gezien);
	assert_string_equal(naam, "Jan");
	assert_true(v[1].gezien);
	assert_string_equal(stad, "");
	assert_false(v[2].gezien);
	assert_string_equal(wijk, "");

	/* A later successful call clears *fout_veld again. */
	assert_int_equal(lees("wijk=Oost", v, 3, &fout), 0);
	assert_null(fout);
	assert_false(v[0].gezien);
	assert_string_equal(naam, "");
	assert_string_equal(wijk, "Oost");
}

/* code: with no wanted fields the body is only counted. */
static void test_geen_gewenste_velden(void **state)
{
	(void)state;
	char body[1024];
	const char *fout = "niet gezet";

	assert_int_equal(formulier_lees("a=%G1&b", 7, NULL, 0, &fout), 0);
	assert_null(fout);
	maak_paren(body, sizeof body, FORMULIER_VELDEN_MAX + 1, NULL);
	assert_int_equal(lees(body, NULL, 0, &fout), -1);
	assert_null(fout);
}
/* The strict variant refuses a field that was not asked for and names it. */
static void test_strikt_onbekend_veld(void **state)
{
	(void)state;
	char naam[16], onbekend[FORMULIER_NAAM_MAX];
	struct formulier_veld v = { "naam", naam, sizeof naam, false };
	const char *fout = NULL;
	static const char lang[] = "naam=a&"
		"abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghij=1";

	assert_int_equal(formulier_lees_strikt("naam=Jan", 8, &v, 1, &fout, onbekend), 0);
	assert_string_equal(naam, "Jan");
	assert_int_equal(formulier_lees_strikt("naam=Jan&sort=x", 15, &v, 1, &fout, onbekend), -1);
	assert_ptr_equal(fout, onbekend);
	assert_string_equal(onbekend, "sort");
	/* A name without '=' and a name longer than the buffer, cut. */
	assert_int_equal(formulier_lees_strikt("x", 1, &v, 1, &fout, onbekend), -1);
	assert_string_equal(onbekend, "x");
	assert_int_equal(formulier_lees_strikt(lang, sizeof lang - 1, &v, 1, &fout, onbekend), -1);
	assert_int_equal(strlen(onbekend), FORMULIER_NAAM_MAX - 1);
	/* The lenient variant ignores it. */
	assert_int_equal(formulier_lees("naam=Jan&sort=x", 15, &v, 1, &fout), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_eenvoudige_paren),
		cmocka_unit_test(test_strikt_onbekend_veld),
		cmocka_unit_test(test_plus_is_spatie),
		cmocka_unit_test(test_procent_hoofd_en_kleine_letters),
		cmocka_unit_test(test_lege_waarde),
		cmocka_unit_test(test_zonder_is_teken),
		cmocka_unit_test(test_is_teken_in_waarde),
		cmocka_unit_test(test_afwezig_veld),
		cmocka_unit_test(test_lege_body),
		cmocka_unit_test(test_lege_paren),
		cmocka_unit_test(test_herhaald_gewenst_veld),
		cmocka_unit_test(test_herhaald_onbekend_veld),
		cmocka_unit_test(test_onbekende_velden_genegeerd),
		cmocka_unit_test(test_naam_niet_gedecodeerd),
		cmocka_unit_test(test_onbekend_veld_niet_gecontroleerd),
		cmocka_unit_test(test_ongeldige_escapes),
		cmocka_unit_test(test_nul_geweigerd),
		cmocka_unit_test(test_stuurtekens),
		cmocka_unit_test(test_utf8_door),
		cmocka_unit_test(test_waarde_precies_passend),
		cmocka_unit_test(test_buffer_van_een),
		cmocka_unit_test(test_velden_limiet),
		cmocka_unit_test(test_lege_paren_tellen_niet),
		cmocka_unit_test(test_lange_sleutel_en_body),
		cmocka_unit_test(test_alleen_len_gelezen),
		cmocka_unit_test(test_fout_toestand),
		cmocka_unit_test(test_geen_gewenste_velden),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
