/* test_toegang: the pure rules of web/toegang.c — which role meets which
 * route requirement, who gets suppressed figures, whose figures are exact
 * for whom, and the scope filter for lists of youth. (The store-backed
 * parts, sessions, tokens and youth scopes, are covered end to end by
 * tests/e2e/matrix.sh.) */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "web/toegang.h"

#define N_ROLLEN 7
static const enum toegang_rol rollen[N_ROLLEN] = {
	TOEGANG_PUBLIEK, TOEGANG_BEHEERDER, TOEGANG_REGIO, TOEGANG_GEMEENTE,
	TOEGANG_LOKAAL_TEAM, TOEGANG_AANBIEDER, TOEGANG_BELEID,
};

static struct toegang *maak(enum toegang_rol rol)
{
	static struct toegang t;

	memset(&t, 0, sizeof t);
	t.rol = rol;
	if (rol == TOEGANG_GEMEENTE || rol == TOEGANG_LOKAAL_TEAM) {
		strcpy(t.gemeenten[0], "0546");
		strcpy(t.gemeenten[1], "0547");
		t.n_gemeenten = 2;
	}
	if (rol == TOEGANG_AANBIEDER)
		strcpy(t.agb, "12345678");
	return &t;
}

/* The whole table: rows are the eisen, columns the roles in the order of
 * rollen[]. */
static void test_eis_tabel(void **state)
{
	static const struct {
		enum route_eis eis;
		bool mag[N_ROLLEN];
	} tabel[] = {
		/*                         publ   beh    regio  gem    team   aanb   beleid */
		{ EIS_NIEMAND,          { false, false, false, false, false, false, false } },
		{ EIS_ASSET,            { true,  true,  true,  true,  true,  true,  true } },
		{ EIS_PUBLIEK,          { true,  true,  true,  true,  true,  true,  true } },
		{ EIS_INGELOGD,         { false, true,  true,  true,  true,  true,  true } },
		{ EIS_PERSOONSGEGEVENS, { false, false, true,  true,  true,  true,  false } },
		{ EIS_GEMEENTELIJK,     { false, false, true,  true,  true,  false, false } },
		{ EIS_TOEWIJZEN,        { false, false, true,  true,  false, false, false } },
		{ EIS_REGIO,            { false, false, true,  false, false, false, false } },
		{ EIS_BEHEER,           { false, true,  false, false, false, false, false } },
	};

	(void)state;
	for (size_t e = 0; e < sizeof tabel / sizeof tabel[0]; e++)
		for (size_t r = 0; r < N_ROLLEN; r++)
			assert_int_equal(toegang_eis_ok(maak(rollen[r]), tabel[e].eis),
					 tabel[e].mag[r]);
}

static void test_onderdrukken(void **state)
{
	(void)state;
	for (size_t r = 0; r < N_ROLLEN; r++) {
		bool verwacht = rollen[r] == TOEGANG_PUBLIEK || rollen[r] == TOEGANG_BELEID;

		assert_int_equal(toegang_onderdrukken(maak(rollen[r])), verwacht);
		/* Whoever sees personal data never gets suppressed figures, and
		 * the reverse. */
		if (toegang_persoonsgegevens(maak(rollen[r])))
			assert_false(toegang_onderdrukken(maak(rollen[r])));
	}
}

static void test_gemeente_exact(void **state)
{
	(void)state;
	assert_true(toegang_gemeente_exact(maak(TOEGANG_REGIO), "0599"));
	assert_true(toegang_gemeente_exact(maak(TOEGANG_BEHEERDER), "0599"));
	assert_true(toegang_gemeente_exact(maak(TOEGANG_GEMEENTE), "0546"));
	assert_true(toegang_gemeente_exact(maak(TOEGANG_LOKAAL_TEAM), "0547"));
	assert_false(toegang_gemeente_exact(maak(TOEGANG_GEMEENTE), "0599"));
	assert_false(toegang_gemeente_exact(maak(TOEGANG_GEMEENTE), NULL));
	assert_false(toegang_gemeente_exact(maak(TOEGANG_GEMEENTE), "054"));
	assert_false(toegang_gemeente_exact(maak(TOEGANG_AANBIEDER), "0546"));
	assert_false(toegang_gemeente_exact(maak(TOEGANG_BELEID), "0546"));
	assert_false(toegang_gemeente_exact(maak(TOEGANG_PUBLIEK), "0546"));
}

static void test_aanbieder_exact(void **state)
{
	struct toegang *t;

	(void)state;
	assert_true(toegang_aanbieder_exact(maak(TOEGANG_AANBIEDER), "12345678"));
	assert_false(toegang_aanbieder_exact(maak(TOEGANG_AANBIEDER), "12345679"));
	assert_false(toegang_aanbieder_exact(maak(TOEGANG_AANBIEDER), NULL));
	assert_true(toegang_aanbieder_exact(maak(TOEGANG_REGIO), "12345679"));
	assert_false(toegang_aanbieder_exact(maak(TOEGANG_GEMEENTE), "12345678"));
	assert_false(toegang_aanbieder_exact(maak(TOEGANG_BELEID), "12345678"));
	/* An aanbieder without an AGB (a broken account) sees no provider
	 * exactly, not even one with an empty code. */
	t = maak(TOEGANG_AANBIEDER);
	t->agb[0] = '\0';
	assert_false(toegang_aanbieder_exact(t, ""));
}

static void test_filter(void **state)
{
	struct toegang_filter f;

	(void)state;
	toegang_filter(maak(TOEGANG_REGIO), &f);
	assert_true(f.alles);
	toegang_filter(maak(TOEGANG_GEMEENTE), &f);
	assert_false(f.alles);
	assert_int_equal(f.n_gemeenten, 2);
	assert_string_equal(f.gemeenten[1], "0547");
	assert_string_equal(f.agb, "");
	toegang_filter(maak(TOEGANG_AANBIEDER), &f);
	assert_false(f.alles);
	assert_int_equal(f.n_gemeenten, 0);
	assert_string_equal(f.agb, "12345678");
	/* No personal data: an empty scope, never "everything". */
	toegang_filter(maak(TOEGANG_BELEID), &f);
	assert_false(f.alles);
	assert_int_equal(f.n_gemeenten, 0);
	assert_string_equal(f.agb, "");
	toegang_filter(maak(TOEGANG_BEHEERDER), &f);
	assert_false(f.alles);
}

static void test_rol_tekst(void **state)
{
	(void)state;
	for (size_t r = 0; r < N_ROLLEN; r++)
		assert_true(strlen(toegang_rol_tekst(rollen[r])) > 0);
	assert_string_equal(toegang_rol_tekst(TOEGANG_REGIO), "SOZ (regio)");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_eis_tabel),
		cmocka_unit_test(test_onderdrukken),
		cmocka_unit_test(test_gemeente_exact),
		cmocka_unit_test(test_aanbieder_exact),
		cmocka_unit_test(test_filter),
		cmocka_unit_test(test_rol_tekst),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
