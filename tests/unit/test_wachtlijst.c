/* Unit tests for domain/wachtlijst and lib/xlsx: the rows of the waiting
 * list agree with kpi.h (waiting, beyond the norm, zorgelijk), the day the
 * norm is crossed, the alerts; and the .xlsx file is a ZIP whose entries
 * carry the right CRC-32. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/datum.h"
#include "domain/wachtlijst.h"
#include "lib/xlsx.h"

#define D(j, m, d) datum_van((j), (m), (d))
#define GEEN DAG_GEEN
#define N(a) (sizeof(a) / sizeof((a)[0]))

static struct traject wacht(int64_t jid, int64_t id, int seg, dag_t aanm, dag_t intake,
			    dag_t begin, bool overbrugging)
{
	struct traject t = {
		.id = id, .jeugdige_id = jid, .segment = seg, .aanmelddatum = aanm,
		.intakedatum = intake, .begindatum = begin, .einddatum = GEEN,
		.overbrugging = overbrugging,
		.status = begin != GEEN ? TRAJECT_GESTART :
			  intake != GEEN ? TRAJECT_INTAKE : TRAJECT_AANGEMELD,
	};
	snprintf(t.categorie, sizeof t.categorie, "45");
	snprintf(t.gemeente, sizeof t.gemeente, "0546");
	snprintf(t.agb, sizeof t.agb, "11111111");
	return t;
}

/* Peildatum 2024-06-01. Norm segment 4: 28 + 70 days. */
static void test_regels(void **state)
{
	(void)state;
	dag_t p = D(2024, 6, 1);
	struct jeugdige j[] = {
		{ .id = 1, .geboortedatum = D(2010, 1, 1) },
		{ .id = 2, .geboortedatum = D(2006, 6, 1) },   /* 18 on P: leeftijd */
		{ .id = 3, .geboortedatum = D(2015, 1, 1) },
	};
	struct traject t[] = {
		/* 10 days, no intake: within the norm; no bridging care. */
		wacht(1, 10, 4, p - 10, GEEN, GEEN, false),
		/* 40 days, no intake: beyond since aanmelding + 29. */
		wacht(1, 11, 4, p - 40, GEEN, GEEN, true),
		/* intake after 20 days, 75 days since: beyond since intake + 71. */
		wacht(2, 20, 4, p - 95, p - 75, GEEN, true),
		/* late intake (35 days), started: not waiting. */
		wacht(2, 21, 4, p - 100, p - 65, p - 5, true),
		/* intake after 35 days, 3 days since: beyond since aanmelding + 29. */
		wacht(3, 30, 4, p - 38, p - 3, GEEN, true),
		/* local-team help never is on the list. */
		wacht(3, 31, 0, p - 200, GEEN, GEEN, false),
	};
	struct zorgelijk_besluit b[] = {
		/* 30 is cleared by staff before P. */
		{ .id = 1, .traject_id = 30, .tijdstip = (int64_t)(p - 1) * 86400, .bevestigd = false },
	};
	struct kpi_data d = { .jeugdigen = j, .n_jeugdigen = N(j), .trajecten = t,
			      .n_trajecten = N(t), .besluiten = b, .n_besluiten = N(b) };
	struct treeknorm norms[SEGMENT_AANTAL];
	struct wachtlijst_regel *r;
	size_t n;

	treeknorm_standaard(norms);
	assert_int_equal(wachtlijst_bereken(&d, NULL, p, norms, &r, &n), 0);
	assert_int_equal(n, 4);
	assert_int_equal(r[0].t->id, 10);
	assert_int_equal(r[0].dagen, 10);
	assert_false(r[0].boven_norm);
	assert_int_equal(r[0].normgrens, p - 10 + 29);
	assert_int_equal(r[0].risico, KPI_RISICO_GEEN_OVERBRUGGING);
	assert_false(r[0].zorgelijk);              /* flag, but within the norm */

	assert_int_equal(r[1].t->id, 11);
	assert_true(r[1].boven_norm);
	assert_int_equal(r[1].normgrens, p - 40 + 29);
	assert_int_equal(r[1].risico, 0);
	assert_false(r[1].zorgelijk);              /* beyond, but no flag */

	assert_int_equal(r[2].t->id, 20);
	assert_int_equal(r[2].fase, WACHTLIJST_FASE_START);
	assert_int_equal(r[2].dagen_tot_intake, 20);
	assert_int_equal(r[2].dagen_na_intake, 75);
	assert_false(r[2].intake_boven_norm);
	assert_true(r[2].start_boven_norm);
	assert_int_equal(r[2].normgrens, p - 75 + 71);
	assert_true(r[2].risico & KPI_RISICO_LEEFTIJD);
	assert_true(r[2].zorgelijk);
	assert_null(r[2].besluit);
	/* crossed 4 days ago: a new alert, and zorgelijk not yet judged */
	assert_int_equal(wachtlijst_signalen(&r[2], p),
			 WACHTLIJST_SIGNAAL_NORM | WACHTLIJST_SIGNAAL_ZORGELIJK);

	assert_int_equal(r[3].t->id, 30);
	assert_true(r[3].intake_boven_norm);
	assert_int_equal(r[3].normgrens, p - 38 + 29);
	assert_true(r[3].zorgelijk_berekend == (r[3].risico != 0));
	assert_non_null(r[3].besluit);
	assert_false(r[3].zorgelijk);              /* cleared by staff */
	assert_int_equal(wachtlijst_signalen(&r[3], p), 0);

	/* Every row: beyond the norm exactly from normgrens on, as kpi.h. */
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(r[i].boven_norm, p >= r[i].normgrens);
		assert_int_equal(r[i].boven_norm, kpi_boven_norm_op(r[i].t, p, norms));
	}
	free(r);

	/* toon narrows the list. */
	bool toon[N(t)] = { false, true, false, false, false, false };
	assert_int_equal(wachtlijst_bereken(&d, toon, p, norms, &r, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(r[0].t->id, 11);
	free(r);
}

static void test_risico_tekst(void **state)
{
	(void)state;
	char buf[256];

	assert_string_equal(wachtlijst_risico_tekst(0, buf, sizeof buf), "");
	assert_string_equal(wachtlijst_risico_tekst(KPI_RISICO_THUISZITTER | KPI_RISICO_UITVAL,
						    buf, sizeof buf),
			    "thuiszitter, eerder traject met uitval");
	assert_string_equal(wachtlijst_risico_code(KPI_RISICO_LEEFTIJD), "leeftijd");
	assert_null(wachtlijst_risico_code(1u << 20));
	/* A short buffer is cut, never overrun. */
	assert_string_equal(wachtlijst_risico_tekst(KPI_RISICO_THUISZITTER, buf, 6), "thuis");
}

static void test_crc32(void **state)
{
	(void)state;
	assert_int_equal(xlsx_crc32(0, "123456789", 9), 0xCBF43926u);
	assert_int_equal(xlsx_crc32(0, "", 0), 0);
	/* In two parts, the same. */
	assert_int_equal(xlsx_crc32(xlsx_crc32(0, "1234", 4), "56789", 5), 0xCBF43926u);
}

static uint32_t le32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static unsigned le16(const unsigned char *p)
{
	return (unsigned)p[0] | (unsigned)p[1] << 8;
}

static void test_xlsx(void **state)
{
	(void)state;
	struct xlsx *x = xlsx_nieuw("Wachtlijst");
	unsigned char *data;
	size_t len, pos = 0, entries = 0;
	const unsigned char *eind;
	bool blad_gezien = false;

	assert_non_null(x);
	assert_int_equal(xlsx_kop(x, "naam"), 0);
	assert_int_equal(xlsx_kop(x, "datum"), 0);
	assert_int_equal(xlsx_rij(x), 0);
	assert_int_equal(xlsx_tekst(x, "Jansen & <Zn> \"x\"\x01"), 0);
	assert_int_equal(xlsx_datum(x, D(2024, 6, 1)), 0);
	assert_int_equal(xlsx_leeg(x), 0);
	assert_int_equal(xlsx_getal(x, -42), 0);
	assert_int_equal(xlsx_klaar(x, &data, &len), 0);

	/* The end record: 6 entries, the central directory where it says. */
	assert_true(len > 22);
	eind = data + len - 22;
	assert_int_equal(le32(eind), 0x06054b50u);
	assert_int_equal(le16(eind + 10), 6);
	assert_int_equal(le32(eind + 16) + le32(eind + 12), len - 22);
	/* Each local entry: stored, its CRC-32 over its data. */
	while (le32(data + pos) == 0x04034b50u) {
		uint32_t crc = le32(data + pos + 14), n = le32(data + pos + 18);
		unsigned nl = le16(data + pos + 26), el = le16(data + pos + 28);
		const unsigned char *inhoud = data + pos + 30 + nl + el;

		assert_int_equal(le16(data + pos + 8), 0);
		assert_int_equal(n, le32(data + pos + 22));
		assert_int_equal(xlsx_crc32(0, inhoud, n), crc);
		if (nl == 24 && memcmp(data + pos + 30, "xl/worksheets/sheet1.xml", 24) == 0) {
			char *blad = strndup((const char *)inhoud, n);

			assert_non_null(blad);
			/* escaped, control character dropped, date as serial 45444 */
			assert_non_null(strstr(blad, "Jansen &amp; &lt;Zn&gt; &quot;x&quot;</t>"));
			assert_non_null(strstr(blad, "<c r=\"B2\" s=\"2\"><v>45444</v></c>"));
			assert_non_null(strstr(blad, "<c r=\"D2\"><v>-42</v></c>"));
			assert_non_null(strstr(blad, "<row r=\"2\">"));
			free(blad);
			blad_gezien = true;
		}
		pos += 30 + nl + el + n;
		entries++;
	}
	assert_int_equal(entries, 6);
	assert_true(blad_gezien);
	free(data);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_regels),
		cmocka_unit_test(test_risico_tekst),
		cmocka_unit_test(test_crc32),
		cmocka_unit_test(test_xlsx),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
