/* test_ijw_termijn: the iJw deadlines in working and calendar days,
 * around weekends and Dutch public holidays. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "ijw/termijn.h"

static dag_t d(int j, int m, int dd)
{
	return datum_van(j, m, dd);
}

static void test_werkdagen(void **state)
{
	(void)state;
	/* Received on Wednesday 2026-11-25: 3 werkdagen -> Monday 30 Nov. */
	assert_int_equal(ijw_termijn_uiterlijk(IJW_TERMIJN_RETOUR, d(2026, 11, 25)),
			 d(2026, 11, 30));
	/* Received on Friday: the weekend does not count -> Wednesday. */
	assert_int_equal(ijw_termijn_uiterlijk(IJW_TERMIJN_RETOUR, d(2026, 11, 27)),
			 d(2026, 12, 2));
	/* Over Christmas 2026 (25 and 26 Dec on Friday and Saturday): a 323
	 * received Wednesday 23 Dec: 24, 28, 29, 30, 31 Dec (5), 1 Jan is
	 * Nieuwjaarsdag, then 4, 5, 6, 7, 8 Jan (10). */
	assert_int_equal(ijw_termijn_uiterlijk(IJW_TERMIJN_DECLARATIEANTWOORD, d(2026, 12, 23)),
			 d(2027, 1, 8));
	/* A start on Thursday before Easter 2026 (Goede Vrijdag 3 April,
	 * Tweede Paasdag 6 April): 7, 8, 9, 10, 13 April. */
	assert_int_equal(ijw_termijn_uiterlijk(IJW_TERMIJN_START, d(2026, 4, 2)),
			 d(2026, 4, 13));
}

static void test_kalenderdagen(void **state)
{
	(void)state;
	assert_int_equal(ijw_termijn_uiterlijk(IJW_TERMIJN_VOT_ONDERZOEK, d(2026, 1, 5)),
			 d(2026, 3, 2));
	assert_int_equal(ijw_termijn_uiterlijk(IJW_TERMIJN_WOONPLAATS, d(2026, 1, 5)),
			 d(2026, 1, 19));
	assert_int_equal(ijw_termijn_uiterlijk(IJW_TERMIJN_RETOUR, DAG_GEEN), DAG_GEEN);
}

static void test_verlopen(void **state)
{
	dag_t vanaf = d(2026, 11, 25), uiterlijk = d(2026, 11, 30);

	(void)state;
	/* Not done: in time up to and including the deadline day. */
	assert_false(ijw_termijn_verlopen(IJW_TERMIJN_RETOUR, vanaf, DAG_GEEN, uiterlijk));
	assert_true(ijw_termijn_verlopen(IJW_TERMIJN_RETOUR, vanaf, DAG_GEEN, uiterlijk + 1));
	/* Done: late only when done after the deadline, whatever today is. */
	assert_false(ijw_termijn_verlopen(IJW_TERMIJN_RETOUR, vanaf, uiterlijk, uiterlijk + 30));
	assert_true(ijw_termijn_verlopen(IJW_TERMIJN_RETOUR, vanaf, uiterlijk + 1, uiterlijk + 1));
	assert_false(ijw_termijn_verlopen(IJW_TERMIJN_RETOUR, DAG_GEEN, DAG_GEEN, uiterlijk));
}

static void test_info(void **state)
{
	(void)state;
	for (int t = 0; t < IJW_TERMIJN_AANTAL; t++) {
		const struct ijw_termijn_info *i = ijw_termijn_info((enum ijw_termijn)t);

		assert_true(strncmp(i->regel, "OP", 2) == 0);
		assert_true(strlen(i->omschrijving) > 0);
		/* Exactly one way of counting. */
		assert_true((i->werkdagen > 0) != (i->kalenderdagen > 0));
	}
	assert_int_equal(ijw_termijn_info(IJW_TERMIJN_START)->partij, IJW_PARTIJ_AANBIEDER);
	assert_int_equal(ijw_termijn_info(IJW_TERMIJN_VOW_ANTWOORD)->partij, IJW_PARTIJ_GEMEENTE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_werkdagen),
		cmocka_unit_test(test_kalenderdagen),
		cmocka_unit_test(test_verlopen),
		cmocka_unit_test(test_info),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
