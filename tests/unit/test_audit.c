/* test_audit: the canonical serialization and the hash chain of the audit
 * log on hand-made records, and the verifier's diagnosis of each kind of
 * tampering. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "domain/audit.h"

#define N 6

/* A valid chain of N records. */
static void keten(struct audit_record *r)
{
	const char *vorige = AUDIT_BEGIN_HASH;

	memset(r, 0, N * sizeof *r);
	for (int i = 0; i < N; i++) {
		r[i].id = i + 1;
		memcpy(r[i].tijdstip, "2025-01-01T10:00:00Z", 21);
		r[i].tijdstip[9] = (char)('1' + i);
		snprintf(r[i].gebruiker, sizeof r[i].gebruiker, "gebruiker%d", i % 2);
		snprintf(r[i].rol, sizeof r[i].rol, "gemeente");
		snprintf(r[i].namens, sizeof r[i].namens, "0546");
		if (i % 2)
			memset(r[i].jeugdige_pseudoniem, 'a' + i, HASH_HEX_LEN);
		snprintf(r[i].actie, sizeof r[i].actie, "lezen");
		snprintf(r[i].object, sizeof r[i].object, "traject %d", 400 + i);
		snprintf(r[i].bron_adres, sizeof r[i].bron_adres, "192.0.2.%d", i);
		snprintf(r[i].verzoek_id, sizeof r[i].verzoek_id, "req-%d", i);
		memcpy(r[i].vorige_hash, vorige, HASH_HEX_LEN + 1);
		audit_keten_hash(r[i].vorige_hash, &r[i], r[i].hash);
		vorige = r[i].hash;
	}
}

/* Run the verifier over r[0..n) and the head; returns the break. */
static enum audit_breuk controleer(const struct audit_record *r, int n, int64_t kop_id,
				   const char *kop_hash, struct audit_controle *c)
{
	audit_controle_begin(c);
	for (int i = 0; i < n; i++)
		if (audit_controle_volgende(c, &r[i]))
			break;
	audit_controle_einde(c, kop_id, kop_hash);
	return c->soort;
}

static void test_serialisatie(void **state)
{
	struct audit_record a, b;
	unsigned char ba[1024], bb[1024];
	size_t la, lb;
	char ha[HASH_HEX_LEN + 1], hb[HASH_HEX_LEN + 1];

	(void)state;
	memset(&a, 0, sizeof a);
	a.id = 7;
	strcpy(a.gebruiker, "ab");
	strcpy(a.rol, "c");
	b = a;
	/* Shift a character across a field boundary: "ab"+"c" vs "a"+"bc". */
	strcpy(b.gebruiker, "a");
	strcpy(b.rol, "bc");
	la = audit_serialiseer(&a, ba, sizeof ba);
	lb = audit_serialiseer(&b, bb, sizeof bb);
	assert_int_equal(la, lb);
	assert_true(memcmp(ba, bb, la) != 0);
	audit_keten_hash(AUDIT_BEGIN_HASH, &a, ha);
	audit_keten_hash(AUDIT_BEGIN_HASH, &b, hb);
	assert_string_not_equal(ha, hb);
	/* Too small a buffer: the length is still reported, nothing overrun. */
	assert_int_equal(audit_serialiseer(&a, ba, 4), la);
	/* Deterministic, and the id counts. */
	audit_keten_hash(AUDIT_BEGIN_HASH, &a, hb);
	assert_string_equal(ha, hb);
	b = a;
	b.id = 8;
	audit_keten_hash(AUDIT_BEGIN_HASH, &b, hb);
	assert_string_not_equal(ha, hb);
	assert_true(audit_actie_geldig("lezen"));
	assert_true(audit_actie_geldig("beheer"));
	assert_false(audit_actie_geldig("kijken"));
}

static void test_intact(void **state)
{
	struct audit_record r[N];
	struct audit_controle c;

	(void)state;
	keten(r);
	assert_int_equal(controleer(r, N, N, r[N - 1].hash, &c), AUDIT_INTACT);
	assert_int_equal(c.n, N);
	/* Empty log, with or without a head. */
	assert_int_equal(controleer(r, 0, -1, NULL, &c), AUDIT_INTACT);
	assert_int_equal(controleer(r, 0, 0, AUDIT_BEGIN_HASH, &c), AUDIT_INTACT);
}

static void test_veld_gewijzigd(void **state)
{
	struct audit_record r[N];
	struct audit_controle c;

	(void)state;
	keten(r);
	r[2].object[0] = 'T';
	assert_int_equal(controleer(r, N, N, r[N - 1].hash, &c), AUDIT_GEWIJZIGD);
	assert_int_equal(c.gebroken_id, 3);
	assert_non_null(strstr(c.reden, "record 3 is gewijzigd"));
	keten(r);
	r[3].jeugdige_pseudoniem[0] = '\0';   /* youth removed from a record */
	assert_int_equal(controleer(r, N, N, r[N - 1].hash, &c), AUDIT_GEWIJZIGD);
	assert_int_equal(c.gebroken_id, 4);
	/* The hash itself changed: same diagnosis. */
	keten(r);
	r[0].hash[0] = r[0].hash[0] == '0' ? '1' : '0';
	assert_int_not_equal(controleer(r, N, N, r[N - 1].hash, &c), AUDIT_INTACT);
	assert_int_equal(c.gebroken_id, 1);
}

static void test_verwijderd(void **state)
{
	struct audit_record r[N], s[N];
	struct audit_controle c;

	(void)state;
	keten(r);
	/* Remove record 3. */
	memcpy(s, r, 2 * sizeof *r);
	memcpy(s + 2, r + 3, 3 * sizeof *r);
	assert_int_equal(controleer(s, N - 1, N, r[N - 1].hash, &c), AUDIT_VERWIJDERD);
	assert_int_equal(c.gebroken_id, 3);
	assert_non_null(strstr(c.reden, "record 3 ontbreekt"));
	/* Remove the first. */
	assert_int_equal(controleer(r + 1, N - 1, N, r[N - 1].hash, &c), AUDIT_VERWIJDERD);
	assert_int_equal(c.gebroken_id, 1);
	/* Remove the last two: only the head tells. */
	assert_int_equal(controleer(r, N - 2, N, r[N - 1].hash, &c), AUDIT_VERWIJDERD);
	assert_int_equal(c.gebroken_id, N - 1);
	assert_non_null(strstr(c.reden, "t/m 6"));
	/* Remove record 3 and renumber the rest: ids fit, links do not. */
	for (int i = 2; i < N - 1; i++)
		s[i].id = i + 1;
	assert_int_not_equal(controleer(s, N - 1, N - 1, s[N - 2].hash, &c), AUDIT_INTACT);
	assert_int_equal(c.gebroken_id, 3);
	/* No head while there are records. */
	assert_int_equal(controleer(r, N, -1, NULL, &c), AUDIT_KOP);
	/* A head that names another hash. */
	assert_int_equal(controleer(r, N, N, r[0].hash, &c), AUDIT_KOP);
}

static void test_verwisseld(void **state)
{
	struct audit_record r[N], t;
	struct audit_controle c;

	(void)state;
	keten(r);
	/* Swap the contents of records 2 and 3 (ids stay in place). */
	t = r[1];
	r[1] = r[2];
	r[2] = t;
	r[1].id = 2;
	r[2].id = 3;
	assert_int_equal(controleer(r, N, N, r[N - 1].hash, &c), AUDIT_VERWISSELD);
	assert_int_equal(c.gebroken_id, 2);
	assert_non_null(strstr(c.reden, "records 2 en 3 zijn verwisseld"));
	/* Swapped with the ids: the order is wrong. */
	keten(r);
	t = r[3];
	r[3] = r[4];
	r[4] = t;
	assert_int_equal(controleer(r, N, N, r[N - 1].hash, &c), AUDIT_VERWIJDERD);
	assert_int_equal(c.gebroken_id, 4);
	/* The last two swapped: the held-back record is judged at the end. */
	keten(r);
	t = r[N - 1];
	r[N - 1] = r[N - 2];
	r[N - 2] = t;
	r[N - 2].id = N - 1;
	r[N - 1].id = N;
	assert_int_equal(controleer(r, N, N, t.hash, &c), AUDIT_VERWISSELD);
	assert_int_equal(c.gebroken_id, N - 1);
}

static void test_vorige_hash(void **state)
{
	struct audit_record r[N];
	struct audit_controle c;

	(void)state;
	keten(r);
	memset(r[3].vorige_hash, 'f', HASH_HEX_LEN);
	assert_int_equal(controleer(r, N, N, r[N - 1].hash, &c), AUDIT_SCHAKEL);
	assert_int_equal(c.gebroken_id, 4);
	assert_non_null(strstr(c.reden, "vorige_hash is gewijzigd"));
	/* vorige_hash changed and the record's hash recomputed to match. */
	keten(r);
	memset(r[3].vorige_hash, 'f', HASH_HEX_LEN);
	audit_keten_hash(r[3].vorige_hash, &r[3], r[3].hash);
	assert_int_equal(controleer(r, N, N, r[N - 1].hash, &c), AUDIT_SCHAKEL);
	assert_int_equal(c.gebroken_id, 4);
	assert_non_null(strstr(c.reden, "sluit niet aan op record 3"));
	/* Both a field and vorige_hash changed, last record: no partner. */
	keten(r);
	memset(r[N - 1].vorige_hash, 'f', HASH_HEX_LEN);
	r[N - 1].actie[0] = 'L';
	assert_int_equal(controleer(r, N, N, r[N - 1].hash, &c), AUDIT_GEWIJZIGD);
	assert_int_equal(c.gebroken_id, N);
	/* Ids going backwards. */
	keten(r);
	r[2].id = 1;
	assert_int_equal(controleer(r, N, N, r[N - 1].hash, &c), AUDIT_VOLGORDE);
	assert_string_equal(audit_breuk_naam(AUDIT_VOLGORDE), "volgorde");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_serialisatie),
		cmocka_unit_test(test_intact),
		cmocka_unit_test(test_veld_gewijzigd),
		cmocka_unit_test(test_verwijderd),
		cmocka_unit_test(test_verwisseld),
		cmocka_unit_test(test_vorige_hash),
	};

	return cmocka_run_group_tests_name("audit", tests, NULL, NULL);
}
