/* Unit tests for store/stmtcache: growth, lookup, iteration, release. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "store/stmtcache.h"

/* Far more keys than the initial 32 entries: the table grows 64 -> 2048. */
#define NKEYS 1000

/* Keys are addresses in this array; values are addresses in vals. */
static char keys[NKEYS];
static int vals[NKEYS];
static int freed[NKEYS];

static void count_free(void *p)
{
	int *v = p;

	assert_true(v >= vals && v < vals + NKEYS);
	freed[v - vals]++;
}

static void test_grow_and_lookup(void **state)
{
	struct stmt_cache sc;
	char other;

	(void)state;
	assert_int_equal(stmt_cache_init(&sc), 0);
	assert_null(stmt_cache_lookup(&sc, &keys[0]));
	for (size_t i = 0; i < NKEYS; i++) {
		assert_int_equal(stmt_cache_insert(&sc, &keys[i], &vals[i]), 0);
		/* Every key stored so far is still found after each growth. */
		if ((i & (i + 1)) == 0)
			for (size_t j = 0; j <= i; j++)
				assert_ptr_equal(stmt_cache_lookup(&sc, &keys[j]), &vals[j]);
	}
	assert_int_equal(sc.n, NKEYS);
	assert_true(sc.cap >= 2 * NKEYS);
	assert_int_equal(sc.cap & (sc.cap - 1), 0);
	for (size_t i = 0; i < NKEYS; i++)
		assert_ptr_equal(stmt_cache_lookup(&sc, &keys[i]), &vals[i]);
	assert_null(stmt_cache_lookup(&sc, &other));
	assert_null(stmt_cache_lookup(&sc, keys + NKEYS));
	stmt_cache_release(&sc, NULL);
	assert_null(sc.slots);
}

static void test_reserve(void **state)
{
	struct stmt_cache sc;

	(void)state;
	assert_int_equal(stmt_cache_init(&sc), 0);
	for (size_t i = 0; i < NKEYS; i++) {
		size_t cap;

		assert_int_equal(stmt_cache_reserve(&sc), 0);
		cap = sc.cap;
		assert_true((sc.n + 1) * 2 <= cap);
		assert_int_equal(stmt_cache_insert(&sc, &keys[i], &vals[i]), 0);
		assert_int_equal(sc.cap, cap); /* the insert did not grow it */
	}
	stmt_cache_release(&sc, NULL);
}

static void test_next_and_release(void **state)
{
	struct stmt_cache sc;
	int seen[NKEYS] = { 0 };
	size_t pos = 0, count = 0;
	int *v;

	(void)state;
	memset(freed, 0, sizeof freed);
	assert_int_equal(stmt_cache_init(&sc), 0);
	assert_null(stmt_cache_next(&sc, &pos));
	for (size_t i = 0; i < NKEYS; i++)
		assert_int_equal(stmt_cache_insert(&sc, &keys[i], &vals[i]), 0);
	pos = 0;
	while ((v = stmt_cache_next(&sc, &pos))) {
		seen[v - vals]++;
		count++;
	}
	assert_int_equal(count, NKEYS);
	assert_null(stmt_cache_next(&sc, &pos)); /* stays at the end */
	stmt_cache_release(&sc, count_free);
	for (size_t i = 0; i < NKEYS; i++) {
		assert_int_equal(seen[i], 1);
		assert_int_equal(freed[i], 1);
	}
	assert_null(sc.slots);
	assert_int_equal(sc.n, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_grow_and_lookup),
		cmocka_unit_test(test_reserve),
		cmocka_unit_test(test_next_and_release),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
