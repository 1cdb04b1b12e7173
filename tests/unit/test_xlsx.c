/* Unit tests for lib/xlsx: the file libxlsxwriter makes is read back by
 * python3's zipfile and the sheet's cells are checked (text escaped and
 * without control characters, numbers, dates as serial days with a date
 * format, euros with a euro format, the header row bold). The reader is a
 * separate program on purpose: it does not share our assumptions. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "domain/datum.h"
#include "lib/xlsx.h"

/* Prints one line per cell: "REF|type|value|number format". */
static const char lezer[] =
	"import sys, zipfile, re\n"
	"import xml.etree.ElementTree as ET\n"
	"ns = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'}\n"
	"z = zipfile.ZipFile(sys.argv[1])\n"
	"assert z.testzip() is None\n"
	"wb = ET.fromstring(z.read('xl/workbook.xml'))\n"
	"print('blad|' + wb.find('m:sheets/m:sheet', ns).get('name'))\n"
	"ss = []\n"
	"if 'xl/sharedStrings.xml' in z.namelist():\n"
	"    for si in ET.fromstring(z.read('xl/sharedStrings.xml')).findall('m:si', ns):\n"
	"        ss.append(''.join(t.text or '' for t in si.iter('{%s}t' % ns['m'])))\n"
	"st = ET.fromstring(z.read('xl/styles.xml'))\n"
	"fmts = {int(f.get('numFmtId')): f.get('formatCode') for f in st.findall('m:numFmts/m:numFmt', ns)}\n"
	"xfs = st.findall('m:cellXfs/m:xf', ns)\n"
	"fonts = st.findall('m:fonts/m:font', ns)\n"
	"sh = ET.fromstring(z.read('xl/worksheets/sheet1.xml'))\n"
	"print('vast|' + ('ja' if sh.find('m:sheetViews/m:sheetView/m:pane', ns) is not None else 'nee'))\n"
	"for c in sh.iter('{%s}c' % ns['m']):\n"
	"    v = c.find('m:v', ns)\n"
	"    t = c.get('t', 'n')\n"
	"    x = xfs[int(c.get('s', '0'))]\n"
	"    nf = int(x.get('numFmtId', '0'))\n"
	"    vet = fonts[int(x.get('fontId', '0'))].find('m:b', ns) is not None\n"
	"    w = ss[int(v.text)] if t == 's' else (v.text if v is not None else '')\n"
	"    print('%s|%s|%s|%s|%s' % (c.get('r'), t, w, fmts.get(nf, str(nf)), 'vet' if vet else ''))\n";

static char *lees_uitvoer(const char *bestand)
{
	char cmd[512];
	char *uit = NULL;
	size_t n = 0;
	FILE *p, *m;
	int c;

	snprintf(cmd, sizeof cmd, "python3 -c \"$XLSX_LEZER\" '%s'", bestand);
	m = open_memstream(&uit, &n);
	assert_non_null(m);
	p = popen(cmd, "r");
	assert_non_null(p);
	while ((c = fgetc(p)) != EOF)
		fputc(c, m);
	assert_int_equal(pclose(p), 0);
	fclose(m);
	return uit;
}

static void test_cellen(void **state)
{
	(void)state;
	struct xlsx *x = xlsx_nieuw("Wachtlijst");
	char pad[] = "/tmp/test_xlsx_XXXXXX";
	unsigned char *data;
	size_t len;
	char *uit;
	FILE *f;
	int fd;

	assert_non_null(x);
	assert_int_equal(xlsx_kop(x, "naam"), 0);
	assert_int_equal(xlsx_kop(x, "datum"), 0);
	assert_int_equal(xlsx_kop(x, "bedrag (euro)"), 0);
	assert_int_equal(xlsx_rij(x), 0);
	assert_int_equal(xlsx_tekst(x, "Jansen & <Zn> \"x\"\x01 één"), 0);
	assert_int_equal(xlsx_datum(x, datum_van(2024, 6, 1)), 0);
	assert_int_equal(xlsx_euro(x, 123456), 0);
	assert_int_equal(xlsx_leeg(x), 0);
	assert_int_equal(xlsx_getal(x, -42), 0);
	assert_int_equal(xlsx_vast(x, 12.5, 1), 0);
	assert_int_equal(xlsx_decimaal(x, 0.25), 0);
	assert_int_equal(xlsx_rij(x), 0);
	assert_int_equal(xlsx_tekst(x, "<10"), 0);
	assert_int_equal(xlsx_tekst(x, ""), 0);
	assert_int_equal(xlsx_tekst(x, "x"), 0);
	assert_int_equal(xlsx_vast(x, 1.0, 5), -1);   /* too many decimals */
	assert_int_equal(xlsx_getal(x, 1), -1);       /* and it stays failed */
	xlsx_vrij(x);

	x = xlsx_nieuw("Wachtlijst");
	assert_non_null(x);
	assert_int_equal(xlsx_kop(x, "naam"), 0);
	assert_int_equal(xlsx_kop(x, "datum"), 0);
	assert_int_equal(xlsx_kop(x, "bedrag (euro)"), 0);
	assert_int_equal(xlsx_rij(x), 0);
	assert_int_equal(xlsx_tekst(x, "Jansen & <Zn> \"x\"\x01 één"), 0);
	assert_int_equal(xlsx_datum(x, datum_van(2024, 6, 1)), 0);
	assert_int_equal(xlsx_euro(x, 123456), 0);
	assert_int_equal(xlsx_leeg(x), 0);
	assert_int_equal(xlsx_getal(x, -42), 0);
	assert_int_equal(xlsx_vast(x, 12.5, 1), 0);
	assert_int_equal(xlsx_rij(x), 0);
	assert_int_equal(xlsx_tekst(x, "<10"), 0);
	assert_int_equal(xlsx_tekst(x, ""), 0);
	assert_int_equal(xlsx_tekst(x, "x"), 0);
	assert_int_equal(xlsx_klaar(x, &data, &len), 0);
	assert_true(len > 100);
	assert_memory_equal(data, "PK\x03\x04", 4);

	fd = mkstemp(pad);
	assert_true(fd >= 0);
	f = fdopen(fd, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	fclose(f);
	free(data);
	assert_int_equal(setenv("XLSX_LEZER", lezer, 1), 0);
	uit = lees_uitvoer(pad);
	unlink(pad);

	assert_non_null(strstr(uit, "blad|Wachtlijst\n"));
	assert_non_null(strstr(uit, "vast|ja\n"));
	assert_non_null(strstr(uit, "A1|s|naam|0|vet\n"));
	assert_non_null(strstr(uit, "C1|s|bedrag (euro)|0|vet\n"));
	/* escaped and read back whole, the control character dropped */
	assert_non_null(strstr(uit, "A2|s|Jansen & <Zn> \"x\" één|0|\n"));
	/* 2024-06-01 is Excel day 45444, with the built-in date format 14 */
	assert_non_null(strstr(uit, "B2|n|45444|14|\n"));
	assert_non_null(strstr(uit, "C2|n|1234.56|\"€ \"#,##0.00;\"€ \"-#,##0.00|\n"));
	assert_null(strstr(uit, "D2|"));              /* an empty cell is not written */
	assert_non_null(strstr(uit, "E2|n|-42|0|\n"));
	assert_non_null(strstr(uit, "F2|n|12.5|0.0|\n"));
	assert_non_null(strstr(uit, "A3|s|<10|0|\n"));
	assert_null(strstr(uit, "B3|"));
	assert_non_null(strstr(uit, "C3|s|x|0|\n"));
	free(uit);
}

/* No temporary file is left behind, finished or not. */
static void test_opruimen(void **state)
{
	(void)state;
	char dir[] = "/tmp/test_xlsx_dir_XXXXXX";
	unsigned char *data;
	size_t len;
	struct xlsx *x;

	assert_non_null(mkdtemp(dir));
	assert_int_equal(setenv("TMPDIR", dir, 1), 0);
	x = xlsx_nieuw("Blad");
	assert_non_null(x);
	assert_int_equal(xlsx_getal(x, 1), 0);
	xlsx_vrij(x);
	x = xlsx_nieuw("Blad");
	assert_non_null(x);
	assert_int_equal(xlsx_getal(x, 1), 0);
	assert_int_equal(xlsx_klaar(x, &data, &len), 0);
	free(data);
	/* rmdir fails on a directory that is not empty */
	assert_int_equal(rmdir(dir), 0);
	unsetenv("TMPDIR");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cellen),
		cmocka_unit_test(test_opruimen),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
