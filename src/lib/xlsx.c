/* xlsx: see xlsx.h. */
#include "lib/xlsx.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <xlsxwriter.h>

/* Column widths are tracked for this many columns; the rest keep
 * Excel's default. */
#define BREEDTE_KOLOMMEN 64
#define BREEDTE_MIN 8.0
#define BREEDTE_MAX 60.0
#define DECIMALEN_MAX 4
/* 1970-01-01 as an Excel serial day (the 1900 date system). */
#define EXCEL_1970 25569

struct xlsx {
	lxw_workbook *wb;
	lxw_worksheet *ws;
	lxw_format *kop, *datum, *euro;
	lxw_format *vast[DECIMALEN_MAX + 1];
	char pad[256];           /* the temporary file */
	lxw_row_t rij;           /* current row, from 0 */
	lxw_col_t kolom;         /* the next cell's column */
	bool begonnen;           /* some row was started */
	bool fout;
	double breedte[BREEDTE_KOLOMMEN];
};

void xlsx_vrij(struct xlsx *x)
{
	if (!x)
		return;
	lxw_workbook_free(x->wb);
	if (x->pad[0])
		unlink(x->pad);
	free(x);
}

struct xlsx *xlsx_nieuw(const char *blad)
{
	const char *tmp = getenv("TMPDIR");
	struct xlsx *x = calloc(1, sizeof *x);
	lxw_workbook_options opt = { 0 };
	int fd, n;

	if (!x)
		return NULL;
	if (!tmp || !*tmp)
		tmp = "/tmp";
	n = snprintf(x->pad, sizeof x->pad, "%s/jeugdregie-xlsx-XXXXXX", tmp);
	if (n < 0 || (size_t)n >= sizeof x->pad) {
		free(x);
		return NULL;
	}
	fd = mkstemp(x->pad);
	if (fd < 0) {
		free(x);
		return NULL;
	}
	close(fd);
	opt.tmpdir = (char *)tmp;
	x->wb = workbook_new_opt(x->pad, &opt);
	x->ws = x->wb ? workbook_add_worksheet(x->wb, blad) : NULL;
	if (x->ws) {
		x->kop = workbook_add_format(x->wb);
		x->datum = workbook_add_format(x->wb);
		x->euro = workbook_add_format(x->wb);
	}
	if (!x->ws || !x->kop || !x->datum || !x->euro) {
		xlsx_vrij(x);
		return NULL;
	}
	format_set_bold(x->kop);
	format_set_num_format_index(x->datum, 14);
	format_set_num_format(x->euro, "\"€ \"#,##0.00;\"€ \"-#,##0.00");
	worksheet_freeze_panes(x->ws, 1, 0);
	return x;
}

int xlsx_rij(struct xlsx *x)
{
	if (x->fout)
		return -1;
	if (x->begonnen)
		x->rij++;
	x->begonnen = true;
	x->kolom = 0;
	return 0;
}

/* The next cell's place, counted; breedte: its width in characters. */
static int cel(struct xlsx *x, lxw_row_t *r, lxw_col_t *c, double breedte)
{
	if (x->fout)
		return -1;
	x->begonnen = true;
	*r = x->rij;
	*c = x->kolom++;
	if (*c < BREEDTE_KOLOMMEN && breedte > x->breedte[*c])
		x->breedte[*c] = breedte;
	return 0;
}

static int uitslag(struct xlsx *x, lxw_error e)
{
	if (e != LXW_NO_ERROR)
		x->fout = true;
	return x->fout ? -1 : 0;
}

/* Text as a cell: without the control characters XML 1.0 forbids. */
static int tekst_cel(struct xlsx *x, const char *s, lxw_format *stijl)
{
	size_t n, k = 0, tekens = 0;
	lxw_row_t r;
	lxw_col_t c;
	char *schoon;
	int rc;

	if (!s || !*s)
		return xlsx_leeg(x);
	n = strlen(s);
	schoon = malloc(n + 1);
	if (!schoon) {
		x->fout = true;
		return -1;
	}
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
			continue;
		schoon[k++] = (char)*p;
		tekens += (*p & 0xC0) != 0x80;   /* UTF-8 lead bytes: characters */
	}
	schoon[k] = '\0';
	rc = cel(x, &r, &c, (double)tekens + (stijl ? 2.0 : 1.0));
	if (rc == 0)
		rc = uitslag(x, worksheet_write_string(x->ws, r, c, schoon, stijl));
	free(schoon);
	return rc;
}

int xlsx_kop(struct xlsx *x, const char *tekst)
{
	return tekst_cel(x, tekst, x->kop);
}

int xlsx_tekst(struct xlsx *x, const char *tekst)
{
	return tekst_cel(x, tekst, NULL);
}

static int getal_cel(struct xlsx *x, double v, lxw_format *stijl, double breedte)
{
	lxw_row_t r;
	lxw_col_t c;

	if (cel(x, &r, &c, breedte) < 0)
		return -1;
	return uitslag(x, worksheet_write_number(x->ws, r, c, v, stijl));
}

int xlsx_getal(struct xlsx *x, int64_t v)
{
	return getal_cel(x, (double)v, NULL, 12.0);
}

int xlsx_decimaal(struct xlsx *x, double v)
{
	return getal_cel(x, v, NULL, 12.0);
}

int xlsx_vast(struct xlsx *x, double v, int decimalen)
{
	static const char *const formaat[DECIMALEN_MAX + 1] = {
		"0", "0.0", "0.00", "0.000", "0.0000",
	};

	if (x->fout || decimalen < 0 || decimalen > DECIMALEN_MAX) {
		x->fout = true;
		return -1;
	}
	if (!x->vast[decimalen]) {
		x->vast[decimalen] = workbook_add_format(x->wb);
		if (!x->vast[decimalen]) {
			x->fout = true;
			return -1;
		}
		format_set_num_format(x->vast[decimalen], formaat[decimalen]);
	}
	return getal_cel(x, v, x->vast[decimalen], 12.0);
}

int xlsx_euro(struct xlsx *x, int64_t cent)
{
	return getal_cel(x, (double)cent / 100.0, x->euro, 16.0);
}

int xlsx_datum(struct xlsx *x, int64_t dagen_sinds_1970)
{
	return getal_cel(x, (double)(dagen_sinds_1970 + EXCEL_1970), x->datum, 12.0);
}

int xlsx_leeg(struct xlsx *x)
{
	lxw_row_t r;
	lxw_col_t c;

	return cel(x, &r, &c, 0.0);
}

/* The whole file at pad into *data. 0 or -1. */
static int lees_bestand(const char *pad, unsigned char **data, size_t *len)
{
	FILE *f = fopen(pad, "rb");
	unsigned char *buf = NULL;
	long n;
	int rc = -1;

	if (!f)
		return -1;
	if (fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) <= 0 || fseek(f, 0, SEEK_SET) != 0)
		goto klaar;
	buf = malloc((size_t)n);
	if (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n)
		goto klaar;
	*data = buf;
	*len = (size_t)n;
	buf = NULL;
	rc = 0;
klaar:
	free(buf);
	fclose(f);
	return rc;
}

int xlsx_klaar(struct xlsx *x, unsigned char **data, size_t *len)
{
	lxw_error e;
	int rc;

	if (x->fout) {
		xlsx_vrij(x);
		return -1;
	}
	for (lxw_col_t c = 0; c < BREEDTE_KOLOMMEN; c++) {
		double b = x->breedte[c];

		if (b <= 0.0)
			continue;
		b = b < BREEDTE_MIN ? BREEDTE_MIN : b > BREEDTE_MAX ? BREEDTE_MAX : b;
		worksheet_set_column(x->ws, c, c, b, NULL);
	}
	/* workbook_close writes the file and frees the workbook, also when
	 * writing fails. */
	e = workbook_close(x->wb);
	x->wb = NULL;
	rc = e == LXW_NO_ERROR ? lees_bestand(x->pad, data, len) : -1;
	xlsx_vrij(x);
	return rc;
}
