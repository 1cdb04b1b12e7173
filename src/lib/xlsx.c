/* xlsx: see xlsx.h. */
#include "lib/xlsx.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct xlsx {
	FILE *f;              /* the sheet's rows */
	char *data;
	size_t len;
	char blad[32];
	int64_t rij;          /* current row, from 1; 0 before the first */
	int64_t kolom;        /* cells written in the current row */
	bool fout;
};

uint32_t xlsx_crc32(uint32_t crc, const void *p, size_t n)
{
	const unsigned char *b = p;

	crc = ~crc;
	for (size_t i = 0; i < n; i++) {
		crc ^= b[i];
		for (int k = 0; k < 8; k++)
			crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
	}
	return ~crc;
}

struct xlsx *xlsx_nieuw(const char *blad)
{
	struct xlsx *x = calloc(1, sizeof *x);

	if (!x)
		return NULL;
	x->f = open_memstream(&x->data, &x->len);
	if (!x->f) {
		free(x);
		return NULL;
	}
	snprintf(x->blad, sizeof x->blad, "%s", blad);
	return x;
}

void xlsx_vrij(struct xlsx *x)
{
	if (!x)
		return;
	if (x->f)
		fclose(x->f);
	free(x->data);
	free(x);
}

static int controle(struct xlsx *x)
{
	if (!x->fout && ferror(x->f))
		x->fout = true;
	return x->fout ? -1 : 0;
}

int xlsx_rij(struct xlsx *x)
{
	if (x->fout)
		return -1;
	if (x->rij)
		fputs("</row>", x->f);
	x->rij++;
	x->kolom = 0;
	fprintf(x->f, "<row r=\"%lld\">", (long long)x->rij);
	return controle(x);
}

/* The reference of the next cell ("A1", "AB12"), and count it. */
static void cel_begin(struct xlsx *x, const char *attr)
{
	char kol[8];
	int n = 0;
	int64_t k;

	if (!x->rij)
		xlsx_rij(x);
	k = x->kolom++;
	do {
		kol[n++] = (char)('A' + k % 26);
		k = k / 26 - 1;
	} while (k >= 0 && n < (int)sizeof kol - 1);
	fputs("<c r=\"", x->f);
	while (n)
		fputc(kol[--n], x->f);
	fprintf(x->f, "%lld\"%s>", (long long)x->rij, attr);
}

/* s as XML character data: escaped, without the control characters XML
 * 1.0 does not allow. */
static void xml_tekst(FILE *f, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		switch (*p) {
		case '&':
			fputs("&amp;", f);
			break;
		case '<':
			fputs("&lt;", f);
			break;
		case '>':
			fputs("&gt;", f);
			break;
		case '"':
			fputs("&quot;", f);
			break;
		default:
			if (*p >= 0x20 || *p == '\t' || *p == '\n' || *p == '\r')
				fputc(*p, f);
		}
	}
}

static int inline_tekst(struct xlsx *x, const char *s, const char *stijl)
{
	if (x->fout)
		return -1;
	if (!s || !*s)
		return xlsx_leeg(x);
	cel_begin(x, stijl);
	fputs("<is><t xml:space=\"preserve\">", x->f);
	xml_tekst(x->f, s);
	fputs("</t></is></c>", x->f);
	return controle(x);
}

int xlsx_kop(struct xlsx *x, const char *tekst)
{
	return inline_tekst(x, tekst, " t=\"inlineStr\" s=\"1\"");
}

int xlsx_tekst(struct xlsx *x, const char *tekst)
{
	return inline_tekst(x, tekst, " t=\"inlineStr\"");
}

int xlsx_getal(struct xlsx *x, int64_t v)
{
	if (x->fout)
		return -1;
	cel_begin(x, "");
	fprintf(x->f, "<v>%lld</v></c>", (long long)v);
	return controle(x);
}

int xlsx_decimaal(struct xlsx *x, double v)
{
	if (x->fout)
		return -1;
	cel_begin(x, "");
	fprintf(x->f, "<v>%.6g</v></c>", v);
	return controle(x);
}

int xlsx_datum(struct xlsx *x, int64_t dagen_sinds_1970)
{
	if (x->fout)
		return -1;
	/* Excel's day 25569 is 1970-01-01 (its day 0 is 1899-12-30). */
	cel_begin(x, " s=\"2\"");
	fprintf(x->f, "<v>%lld</v></c>", (long long)(dagen_sinds_1970 + 25569));
	return controle(x);
}

int xlsx_leeg(struct xlsx *x)
{
	if (x->fout)
		return -1;
	if (!x->rij)
		xlsx_rij(x);
	x->kolom++;
	return controle(x);
}

/* ---- the ZIP container ------------------------------------------------------ */

struct zip {
	FILE *f;
	char *data;
	size_t len;
	FILE *cd;            /* central directory */
	char *cd_data;
	size_t cd_len;
	unsigned n;
};

static void le16(FILE *f, unsigned v)
{
	fputc((int)(v & 0xff), f);
	fputc((int)((v >> 8) & 0xff), f);
}

static void le32(FILE *f, uint32_t v)
{
	le16(f, v & 0xffff);
	le16(f, v >> 16);
}

/* 1980-01-01 00:00, the earliest DOS time: the files carry no date of
 * their own, and a fixed one makes the output reproducible. */
#define DOS_TIJD 0
#define DOS_DATUM ((0u << 9) | (1u << 5) | 1u)

static void zip_entry(struct zip *z, const char *naam, const void *data, size_t len)
{
	uint32_t crc = xlsx_crc32(0, data, len), offset = (uint32_t)ftell(z->f);
	unsigned nl = (unsigned)strlen(naam);

	le32(z->f, 0x04034b50);
	le16(z->f, 20);          /* version needed: 2.0 */
	le16(z->f, 0x0800);      /* names are UTF-8 */
	le16(z->f, 0);           /* stored */
	le16(z->f, DOS_TIJD);
	le16(z->f, DOS_DATUM);
	le32(z->f, crc);
	le32(z->f, (uint32_t)len);
	le32(z->f, (uint32_t)len);
	le16(z->f, nl);
	le16(z->f, 0);
	fwrite(naam, 1, nl, z->f);
	fwrite(data, 1, len, z->f);

	le32(z->cd, 0x02014b50);
	le16(z->cd, 20);         /* made by: MS-DOS, 2.0 */
	le16(z->cd, 20);
	le16(z->cd, 0x0800);
	le16(z->cd, 0);
	le16(z->cd, DOS_TIJD);
	le16(z->cd, DOS_DATUM);
	le32(z->cd, crc);
	le32(z->cd, (uint32_t)len);
	le32(z->cd, (uint32_t)len);
	le16(z->cd, nl);
	le16(z->cd, 0);          /* extra */
	le16(z->cd, 0);          /* comment */
	le16(z->cd, 0);          /* disk */
	le16(z->cd, 0);          /* internal attributes */
	le32(z->cd, 0);          /* external attributes */
	le32(z->cd, offset);
	fwrite(naam, 1, nl, z->cd);
	z->n++;
}

static void zip_tekst(struct zip *z, const char *naam, const char *s)
{
	zip_entry(z, naam, s, strlen(s));
}

static const char content_types[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	"<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
	"<Default Extension=\"rels\" "
	"ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
	"<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
	"<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/"
	"vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
	"<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/"
	"vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
	"<Override PartName=\"/xl/styles.xml\" ContentType=\"application/"
	"vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
	"</Types>";

static const char rels[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	"<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
	"relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>";

static const char workbook_rels[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	"<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
	"relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
	"<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
	"relationships/styles\" Target=\"styles.xml\"/></Relationships>";

/* Style 0 normal, 1 bold (the header), 2 a date (built-in format 14). */
static const char styles[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	"<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
	"<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font>"
	"<font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
	"<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>"
	"<fill><patternFill patternType=\"gray125\"/></fill></fills>"
	"<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
	"<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/>"
	"</cellStyleXfs>"
	"<cellXfs count=\"3\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
	"<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
	"<xf numFmtId=\"14\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" "
	"applyNumberFormat=\"1\"/></cellXfs>"
	"<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
	"</styleSheet>";

int xlsx_klaar(struct xlsx *x, unsigned char **data, size_t *len)
{
	struct zip z = { 0 };
	char *wb = NULL, *blad = NULL;
	size_t wb_len = 0, blad_len = 0;
	FILE *f;
	int rc = -1;

	*data = NULL;
	*len = 0;
	if (x->fout)
		goto klaar;
	if (x->rij)
		fputs("</row>", x->f);
	if (fclose(x->f) != 0) {
		x->f = NULL;
		goto klaar;
	}
	x->f = NULL;

	f = open_memstream(&wb, &wb_len);
	if (!f)
		goto klaar;
	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	      "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
	      "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
	      "<sheets><sheet name=\"", f);
	xml_tekst(f, x->blad);
	fputs("\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>", f);
	if (fclose(f) != 0)
		goto klaar;

	f = open_memstream(&blad, &blad_len);
	if (!f)
		goto klaar;
	/* The header row stays in view while scrolling. */
	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	      "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
	      "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" "
	      "activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>"
	      "<sheetData>", f);
	fwrite(x->data, 1, x->len, f);
	fputs("</sheetData></worksheet>", f);
	if (fclose(f) != 0)
		goto klaar;

	z.f = open_memstream(&z.data, &z.len);
	z.cd = open_memstream(&z.cd_data, &z.cd_len);
	if (!z.f || !z.cd)
		goto klaar;
	zip_tekst(&z, "[Content_Types].xml", content_types);
	zip_tekst(&z, "_rels/.rels", rels);
	zip_tekst(&z, "xl/workbook.xml", wb);
	zip_tekst(&z, "xl/_rels/workbook.xml.rels", workbook_rels);
	zip_tekst(&z, "xl/styles.xml", styles);
	zip_entry(&z, "xl/worksheets/sheet1.xml", blad, blad_len);
	if (fflush(z.cd) != 0 || fflush(z.f) != 0)
		goto klaar;
	{
		uint32_t cd_offset = (uint32_t)z.len;
		uint32_t cd_size = (uint32_t)z.cd_len;

		/* Above 4 GiB ZIP would need its 64-bit records; an export is
		 * never near that. */
		if (z.len > UINT32_MAX / 2 || z.cd_len > UINT32_MAX / 2)
			goto klaar;
		fwrite(z.cd_data, 1, z.cd_len, z.f);
		le32(z.f, 0x06054b50);
		le16(z.f, 0);
		le16(z.f, 0);
		le16(z.f, z.n);
		le16(z.f, z.n);
		le32(z.f, cd_size);
		le32(z.f, cd_offset);
		le16(z.f, 0);
	}
	if (fclose(z.f) != 0) {
		z.f = NULL;
		goto klaar;
	}
	z.f = NULL;
	*data = (unsigned char *)z.data;
	*len = z.len;
	z.data = NULL;
	rc = 0;
klaar:
	if (z.f)
		fclose(z.f);
	if (z.cd)
		fclose(z.cd);
	free(z.data);
	free(z.cd_data);
	free(wb);
	free(blad);
	xlsx_vrij(x);
	return rc;
}
