/* test_auth: passwords (Argon2id), the password policy, tokens, pseudonyms
 * and the role/scope rules. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "auth/pseudoniem.h"
#include "auth/rol.h"
#include "auth/token.h"
#include "auth/wachtwoord.h"

static void test_hash_en_controle(void **state)
{
	char h[WACHTWOORD_HASH_LEN], h2[WACHTWOORD_HASH_LEN], err[256];

	(void)state;
	setenv("JEUGDREGIE_PWHASH_SNEL", "1", 1);
	assert_int_equal(wachtwoord_hash("correct-paard-batterij", h, err, sizeof err), 0);
	assert_int_equal(strncmp(h, "$argon2id$", 10), 0);
	assert_int_equal(wachtwoord_controleer(h, "correct-paard-batterij"), 1);
	assert_int_equal(wachtwoord_controleer(h, "correct-paard-batterik"), 0);
	assert_int_equal(wachtwoord_controleer(h, ""), 0);
	assert_int_equal(wachtwoord_controleer("", "x"), 0);
	assert_int_equal(wachtwoord_controleer("$argon2id$rommel", "x"), 0);
	assert_int_equal(wachtwoord_controleer(NULL, "x"), 0);
	/* A fresh salt each time. */
	assert_int_equal(wachtwoord_hash("correct-paard-batterij", h2, err, sizeof err), 0);
	assert_string_not_equal(h, h2);
	assert_false(wachtwoord_rehash_nodig(h));
	/* Made with the test parameters: stale for the real ones. */
	unsetenv("JEUGDREGIE_PWHASH_SNEL");
	assert_true(wachtwoord_rehash_nodig(h));
	assert_true(wachtwoord_rehash_nodig("geen hash"));
	assert_int_equal(wachtwoord_controleer(h, "correct-paard-batterij"), 1);
	setenv("JEUGDREGIE_PWHASH_SNEL", "1", 1);
}

static void test_beleid(void **state)
{
	char err[256];

	(void)state;
	assert_int_equal(wachtwoord_beleid("correct-paard", "piet", err, sizeof err), 0);
	assert_int_equal(wachtwoord_beleid("kort", "piet", err, sizeof err), -1);
	assert_non_null(strstr(err, "te kort"));
	assert_int_equal(wachtwoord_beleid("12345678901", "piet", err, sizeof err), -1);
	assert_int_equal(wachtwoord_beleid("123456789012", "piet", err, sizeof err), 0);
	/* Characters, not bytes: 11 two-byte characters are too few. */
	assert_int_equal(wachtwoord_beleid("ééééééééééë", "piet", err, sizeof err), -1);
	assert_non_null(strstr(err, "te kort"));
	assert_int_equal(wachtwoord_beleid("aaaaaaaaaaaaaaaa", "piet", err, sizeof err), -1);
	assert_non_null(strstr(err, "hetzelfde teken"));
	assert_int_equal(wachtwoord_beleid("éééééééééééééé", "piet", err, sizeof err), -1);
	assert_non_null(strstr(err, "hetzelfde teken"));
	assert_int_equal(wachtwoord_beleid("Jan.Pieterszoon", "jan.pieterszoon", err, sizeof err), -1);
	assert_non_null(strstr(err, "gebruikersnaam"));
	{
		char lang[WACHTWOORD_MAX + 2];

		memset(lang, 'x', sizeof lang - 1);
		lang[0] = 'y';
		lang[sizeof lang - 1] = '\0';
		assert_int_equal(wachtwoord_beleid(lang, "piet", err, sizeof err), -1);
		assert_non_null(strstr(err, "te lang"));
	}
}

static void test_token(void **state)
{
	char a[TOKEN_LEN + 1], b[TOKEN_LEN + 1], ha[HASH_HEX_LEN + 1], ha2[HASH_HEX_LEN + 1],
	     hb[HASH_HEX_LEN + 1];

	(void)state;
	token_maak(a);
	token_maak(b);
	assert_true(token_vorm(a));
	assert_string_not_equal(a, b);
	token_hash(a, ha);
	token_hash(a, ha2);
	token_hash(b, hb);
	assert_int_equal(strlen(ha), HASH_HEX_LEN);
	assert_string_equal(ha, ha2);
	assert_string_not_equal(ha, hb);
	assert_string_not_equal(ha, a);
	assert_true(token_gelijk(ha, ha2));
	assert_false(token_gelijk(ha, hb));
	assert_false(token_gelijk(ha, "abc"));
	assert_false(token_gelijk(NULL, ha));
	assert_false(token_vorm("xyz"));
	/* BLAKE2b-256 of "abc" (RFC 7693 test vector is for -512; this is the
	 * well-known 256-bit digest). */
	token_hash("abc", ha);
	assert_string_equal(ha, "bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319");
}

static void test_pseudoniem(void **state)
{
	unsigned char k1[PSEUDONIEM_SLEUTEL_BYTES], k2[PSEUDONIEM_SLEUTEL_BYTES];
	char p1[HASH_HEX_LEN + 1], p1b[HASH_HEX_LEN + 1], p2[HASH_HEX_LEN + 1],
	     q1[HASH_HEX_LEN + 1];

	(void)state;
	memset(k1, 1, sizeof k1);
	memset(k2, 2, sizeof k2);
	pseudoniem_maak(k1, 1234, p1);
	pseudoniem_maak(k1, 1234, p1b);
	pseudoniem_maak(k1, 1235, p2);
	pseudoniem_maak(k2, 1234, q1);
	assert_int_equal(strlen(p1), HASH_HEX_LEN);
	assert_string_equal(p1, p1b);        /* stable per key */
	assert_string_not_equal(p1, p2);     /* per youth */
	assert_string_not_equal(p1, q1);     /* per key (database) */
	assert_null(strstr(p1, "1234"));
}

static void test_rollen(void **state)
{
	struct gebruiker_scope gem[2] = { { "gemeente", "0546" }, { "gemeente", "0575" } };
	struct gebruiker_scope team[1] = { { "lokaal_team", "3" } };
	struct gebruiker_scope agb[2] = { { "aanbieder", "01234567" }, { "aanbieder", "76543210" } };
	struct gebruiker_scope dubbel[2] = { { "gemeente", "0546" }, { "gemeente", "0546" } };
	char err[256];

	(void)state;
	assert_true(rol_geldig("beheerder"));
	assert_true(rol_geldig("lokaal_team"));
	assert_false(rol_geldig("koning"));
	assert_false(rol_geldig(NULL));
	assert_int_equal(rol_scopes_controle("beheerder", NULL, 0, err, sizeof err), 0);
	assert_int_equal(rol_scopes_controle("regio", NULL, 0, err, sizeof err), 0);
	assert_int_equal(rol_scopes_controle("beleid", gem, 1, err, sizeof err), -1);
	assert_non_null(strstr(err, "geen scope"));
	assert_int_equal(rol_scopes_controle("gemeente", gem, 2, err, sizeof err), 0);
	assert_int_equal(rol_scopes_controle("gemeente", NULL, 0, err, sizeof err), -1);
	assert_int_equal(rol_scopes_controle("gemeente", dubbel, 2, err, sizeof err), -1);
	assert_non_null(strstr(err, "twee keer"));
	assert_int_equal(rol_scopes_controle("lokaal_team", team, 1, err, sizeof err), 0);
	assert_int_equal(rol_scopes_controle("lokaal_team", gem, 1, err, sizeof err), -1);
	assert_int_equal(rol_scopes_controle("aanbieder", agb, 1, err, sizeof err), 0);
	assert_int_equal(rol_scopes_controle("aanbieder", agb, 2, err, sizeof err), -1);
	assert_non_null(strstr(err, "precies één"));
	assert_int_equal(rol_scopes_controle("aanbieder", NULL, 0, err, sizeof err), -1);
	assert_int_equal(rol_scopes_controle("koning", NULL, 0, err, sizeof err), -1);
	assert_non_null(strstr(err, "onbekende rol"));
	{
		struct gebruiker_scope slecht[1] = { { "gemeente", "546" } };
		struct gebruiker_scope nul[1] = { { "lokaal_team", "0" } };

		assert_int_equal(rol_scopes_controle("gemeente", slecht, 1, err, sizeof err), -1);
		assert_non_null(strstr(err, "gemeentecode"));
		assert_int_equal(rol_scopes_controle("lokaal_team", nul, 1, err, sizeof err), -1);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hash_en_controle),
		cmocka_unit_test(test_beleid),
		cmocka_unit_test(test_token),
		cmocka_unit_test(test_pseudoniem),
		cmocka_unit_test(test_rollen),
	};

	setenv("JEUGDREGIE_PWHASH_SNEL", "1", 1);
	return cmocka_run_group_tests_name("auth", tests, NULL, NULL);
}
